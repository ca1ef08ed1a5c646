"""npm packages for the oracle tests, installed once into a cache folder and reused offline.

`install(name, packages)` returns the folder holding node_modules, or None when npm or the registry
cannot be reached and nothing is cached yet (the caller skips). Installs go into a temporary
folder renamed into place, so an interrupted install never leaves a half-filled cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CACHE = Path(os.environ.get("MIGRATIONLINT_TEST_CACHE", Path.home() / ".cache" / "migrationlint-tests"))


def install(name: str, packages: list[str], marker: str) -> Path | None:
    """node_modules with `packages` (npm specs) under CACHE/name; `marker` is a path inside
    node_modules that exists once the install is complete."""
    target = CACHE / name
    if (target / "node_modules" / marker).exists():
        return target
    if shutil.which("npm") is None or shutil.which("node") is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="install-", dir=target.parent))
    (staging / "package.json").write_text('{"private": true}\n')
    try:
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock",
                               "--fetch-retries=0", "--fetch-timeout=60000", *packages], cwd=staging, capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return None
    try:
        staging.rename(target)
    except OSError:  # another run got there first
        shutil.rmtree(staging, ignore_errors=True)
    return target if (target / "node_modules" / marker).exists() else None
