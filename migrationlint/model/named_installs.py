"""Installs of one workspace package by name in a Dockerfile (`pnpm deploy --filter web /out`,
`yarn workspaces focus api`, `npm ci -w api`), and which packages such an install holds.

An image that installs one package alone breaks only on what that package, and the workspace
packages it depends on, fail to declare: a package of the workspace that the named one does not
reach is still deployed by the images that install the root (DEP005, docker_installs.py).
"""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from typing import Callable, Iterable

from migrationlint.model.workspace import Manifest

_NAMING_OPTIONS = ("--filter", "-F", "--workspace", "-w")


def install_targets(words: list[str]) -> list[str]:
    """The packages an install command names to install alone (`--filter web`, `--workspace=api`,
    `yarn workspaces focus api admin`); [] when it names none this reads (a folder by `--cwd`, a
    filter by git range or with dependents, `...web`)."""
    if words[:1] == ["yarn"] and words[1:3] == ["workspaces", "focus"]:
        names = [w for w in words[3:] if not w.startswith("-")]
    else:
        names = [words[i + 1] for i, w in enumerate(words[:-1]) if w in _NAMING_OPTIONS]
        names += [w.split("=", 1)[1] for w in words if w.startswith(tuple(o + "=" for o in _NAMING_OPTIONS))]
    # `web...` (web and what it depends on, followed anyway), `web^...` (only what it depends on: read as web too)
    names = [n.removesuffix("...").removesuffix("^") for n in names]
    if not names or any(not n or n.startswith(("...", "^")) or any(c in n for c in "{}[]") for n in names):
        return []
    return names


def installed_alone(m: Manifest, root: str, targets: frozenset[str],
                    dependents: Callable[[Manifest], Iterable[Manifest]]) -> bool:
    """Whether an install of one of `targets` (names, globs or `./folder` paths) holds `m`: it names
    `m` or a workspace package that depends on `m`, directly or through others."""
    seen: set[str] = set()
    todo = [m]
    while todo:
        current = todo.pop()
        if current.path in seen:
            continue
        seen.add(current.path)
        if any(_names(t, current, root) for t in targets):
            return True
        todo.extend(dependents(current))
    return False


def _names(target: str, m: Manifest, root: str) -> bool:
    """Whether a filter names `m`: a folder (`./apps/web`, or npm's `apps/web`), or a name or glob,
    whose scope pnpm lets one leave out (`web` picks `@shop/web`)."""
    if target.startswith((".", "/")) or "/" in target and not target.startswith("@"):
        return os.path.normpath(os.path.join(root, target)) == os.path.normpath(m.dir)
    if not m.name:
        return False
    return fnmatchcase(m.name, target) or "/" not in target and "/" in m.name and fnmatchcase(m.name.split("/", 1)[1], target)
