"""Packages a package.json script installs just before it runs a file.

A script that generates assets may fetch a heavy tool for the one run instead of declaring it
(`"generate:icon": "npm install --no-save --prefix scripts sharp png-to-ico && node
scripts/generate-icons.ts"`): the file runs only through that script, which installs what it
imports first. An install command (`npm install`/`i`/`add`, `pnpm add`, `yarn add`, `bun add`)
naming the package, followed in the same script by a command naming the file, says so.
"""

from __future__ import annotations

import os

from migrationlint.model.packages import package_name
from migrationlint.model.script_commands import shell_commands
from migrationlint.model.workspace import Manifest

_INSTALL_VERBS = {"npm": ("install", "i", "add"), "pnpm": ("add", "install", "i"), "yarn": ("add",), "bun": ("add", "install", "i")}


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
            installed = installed or package in _installs(words)
    return False


def _installs(words: list[str]) -> list[str]:
    """The packages an install command names, versions dropped (`sharp@0.35` is sharp)."""
    if len(words) < 3 or os.path.basename(words[0]) not in _INSTALL_VERBS \
            or words[1] not in _INSTALL_VERBS[os.path.basename(words[0])]:
        return []
    out = []
    skip = False
    for w in words[2:]:
        if skip:
            skip = False
        elif w in ("--prefix", "--dir", "-C", "--cwd"):
            skip = True  # the folder the option names
        elif not w.startswith("-"):
            at = w.find("@", 1)
            name = package_name(w[:at] if at > 0 else w)
            if name is not None:
                out.append(name)
    return out
