"""Packages the workspace's own build leaves out by name: the harnesses no production ships.

A library monorepo keeps private apps beside its packages that only its tests start (an
integration project for each transport, run by the root's e2e suite), and its root build says so:
`lerna run build --ignore rabbitmq-integration`, `pnpm -r --filter '!./integration/**' build`,
`turbo run build --filter=!harness`, `nx run-many -t build --exclude harness`. Such a package's
start scripts are the Nest CLI's boilerplate, not a deployment. Read from the root package.json's
build scripts (bundling.build_commands), never run.
"""

from __future__ import annotations

import os
import shlex
from fnmatch import fnmatchcase

from migrationlint.model.bundling import build_commands
from migrationlint.model.workspace import Manifest

# the options that take a package out of a workspace-wide run, and whether their value is negated by `!`
_EXCLUDING = {"--ignore": False, "--exclude": False, "--filter": True, "-F": True}


def left_out_by_build(root: Manifest | None, package: Manifest, relative_dir: str) -> str | None:
    """The root build's option that leaves `package` (at `relative_dir` from the root) out, as
    written (`--ignore rabbitmq-integration`), or None."""
    if root is None or root.error or not package.name:
        return None
    for name, command in build_commands(root):
        for option, value in _exclusions(command):
            if any(_names(pattern, package.name, relative_dir) for pattern in value.split(",")):
                return f"`{option} {value}` in the root's {name} script"
    return None


def _exclusions(command: str) -> list[tuple[str, str]]:
    """(option, the pattern it excludes) for each excluding option of the command's words."""
    try:
        words = shlex.split(command)
    except ValueError:
        return []
    found: list[tuple[str, str]] = []
    for i, word in enumerate(words):
        option, _, value = word.partition("=")
        if option not in _EXCLUDING:
            continue
        value = value or (words[i + 1] if i + 1 < len(words) else "")
        if _EXCLUDING[option]:
            if not value.startswith("!"):
                continue
            value = value[1:]
        if value:
            found.append((option, value))
    return found


def _names(pattern: str, name: str, relative_dir: str) -> bool:
    """Whether a filter pattern selects the package: by name (globs allowed) or, written as a path
    (`./integration/**`, `{integration/*}`), by its folder."""
    pattern = pattern.strip()
    if pattern.startswith("{") and pattern.endswith("}"):
        pattern = pattern[1:-1]
    elif not pattern.startswith("."):
        return fnmatchcase(name, pattern)
    folder = os.path.normpath(pattern).replace(os.sep, "/")  # `./integration/**` -> `integration/**`
    return fnmatchcase(relative_dir, folder) or fnmatchcase(relative_dir, folder + "/*")


def built_by_an_image(dockerfiles: list[str], directory: str, relative_dir: str, name: str) -> bool:
    """Whether an image may build the package after all: a Dockerfile in its folder, or one that
    names its folder or its package name (a `--filter` of its own build)."""
    for path in dockerfiles:
        if os.path.dirname(path) == directory or path.startswith(directory + os.sep):
            return True
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError:
            continue
        if relative_dir in text or name in text:
            return True
    return False
