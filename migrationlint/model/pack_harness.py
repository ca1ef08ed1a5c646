"""Projects a repository's own script installs its packed build into, for a run against the build.

A library tests its published shape by packing it (`npm pack`), installing the tarball into a
project beside it that is no workspace member (`cd integration && pnpm add ./lib-1.0.0.tgz`), and
putting that project's package.json back afterwards, so the tarball's name is never committed. The
project's imports of the library are the build under test: installing the registry's release would
test something else. A script of the root says so when its command, or a script file it runs
(`node ./scripts/integration.js`), packs and names the project's folder.
"""

from __future__ import annotations

import os
import re
from typing import Callable

from migrationlint.model.workspace import Manifest

_PACK = re.compile(r"\b(?:npm|pnpm|yarn|bun)\s+pack\b|\bexec\(\s*['\"`](?:npm|pnpm|yarn)\s+pack\b")
_RUN_FILE = re.compile(r"(?:^|\s)((?:\./)?[\w./-]+\.(?:[cm]?js|ts|sh))(?=\s|$)")
_MAX_BYTES = 256 * 1024


def packed_into(root: Manifest, folder: str, read: Callable[[str], bytes | None]) -> bool:
    """Whether a script of the root manifest (or a file one runs, read through `read`: an input of
    the run, Project.read_context) packs the build and names the project folder `folder` (relative
    to the root, posix) as a quoted string or a path's part."""
    scripts = root.data.get("scripts") if not root.error else None
    if not isinstance(scripts, dict):
        return False
    named = re.compile(rf"[\"'`/]{re.escape(folder)}[\"'`/]")
    for command in scripts.values():
        if not isinstance(command, str):
            continue
        texts = [command] + [_text(read(os.path.join(root.dir, f))) for f in _RUN_FILE.findall(command)]
        if any(_PACK.search(t) for t in texts) and any(named.search(t) or f"cd {folder}" in t for t in texts):
            return True
    return False


def _text(data: bytes | None) -> str:
    """A script file's text; '' when unreadable or too large to be a harness script."""
    if data is None or len(data) > _MAX_BYTES:
        return ""
    return data.decode("utf-8", errors="replace")
