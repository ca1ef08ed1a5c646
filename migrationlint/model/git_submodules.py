"""The folders `.gitmodules` declares as git submodules: absent until `git submodule update` checks
them out (and from every archive of the repository), so a path into one names no missing file and a
name that reads one from `baseUrl` is no package to install."""

from __future__ import annotations

import os

from migrationlint.model.ini_pairs import ini_pairs
from migrationlint.model.project import Memo, Project


def in_submodule(project: Project, path: str) -> bool:
    """Whether the absolute `path` lies in (or is) a folder `.gitmodules` at the workspace root declares."""
    return any((path + os.sep).startswith(module + os.sep) for module in _SUBMODULES(project))


def _submodule_paths(project: Project) -> list[str]:
    """The folders `.gitmodules` at the workspace root declares as git submodules (absolute)."""
    root = project.workspace.root
    return [os.path.normpath(os.path.join(root, value)) for key, value in ini_pairs(os.path.join(root, ".gitmodules"))
            if key == "path" and value]


_SUBMODULES: Memo[list[str]] = Memo("git submodules", _submodule_paths, disk_only=True)
