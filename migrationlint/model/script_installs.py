"""Packages a package.json script installs just before it runs a file.

A script that generates assets may fetch a heavy tool for the one run instead of declaring it
(`"generate:icon": "npm install --no-save --prefix scripts sharp png-to-ico && node
scripts/generate-icons.ts"`): the file runs only through that script, which installs what it
imports first. An install command (`npm install`/`i`/`add`, `pnpm add`, `yarn add`, `bun add`)
naming the package, followed in the same script by a command naming the file, says so.
"""

from __future__ import annotations

import os

from migrationlint.model.script_commands import installed_packages, shell_commands
from migrationlint.model.workspace import Manifest


def installed_before_run(manifest: Manifest, path: str, package: str) -> bool:
    """Whether a script of `manifest` installs `package` and then runs the file at `path` (named by
    its path from the package's folder)."""
    scripts = manifest.data.get("scripts") if not manifest.error else None
    if not isinstance(scripts, dict):
        return False
    rel = os.path.relpath(path, manifest.dir).replace(os.sep, "/")
    for script in scripts.values():
        if not isinstance(script, str) or rel not in script:
            continue
        installed = False
        for words in shell_commands(script):
            if installed and any(w.lstrip("./") == rel.lstrip("./") for w in words):
                return True
            installed = installed or package in (installed_packages(words) or ((), False))[0]
    return False
