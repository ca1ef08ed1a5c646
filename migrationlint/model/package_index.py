"""Which package names the repository knows, without node_modules: declared by any manifest,
locked by the workspace's lockfile, or installed in a node_modules folder on the way up. The
resolver asks it for bare specifiers that no alias or workspace package answers; kept apart as the
one index both import and dependency rules read through the resolver.
"""

from __future__ import annotations

import os
from functools import cached_property

from migrationlint.model.workspace import DEP_SECTIONS, Manifest, Workspace


class PackageIndex:
    """Which package names the repository knows: declared by any manifest, locked, or installed.

    Built lazily, the first time a package is asked about (most runs never need it).
    """

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._installed: dict[tuple[str, str], bool] = {}

    def known(self, name: str, directory: str) -> str | None:
        """declared | installed | locked | None."""
        if name in self.declared:
            return "declared"
        if self.installed(name, directory):
            return "installed"
        if name in self.locked:
            return "locked"
        return None

    @cached_property
    def manifests(self) -> list[Manifest]:
        return [self.workspace.manifest(os.path.join(d, "package.json")) for d in self.workspace.manifest_dirs]

    @cached_property
    def declared(self) -> dict[str, str]:
        """package -> the path of the first manifest declaring it."""
        out: dict[str, str] = {}
        for m in self.manifests:
            for section in DEP_SECTIONS:
                for pkg in m.section(section):
                    out.setdefault(pkg, m.path)
        return out

    def installed(self, name: str, directory: str) -> bool:
        """A node_modules/<name> folder at or above `directory`, up to the workspace root."""
        key = (name, directory)
        if key not in self._installed:
            here = os.path.isdir(os.path.join(directory, "node_modules", name))
            parent = os.path.dirname(directory)
            self._installed[key] = here or (directory != self.workspace.root and parent != directory
                                            and self.installed(name, parent))
        return self._installed[key]

    @cached_property
    def locked(self) -> frozenset[str]:
        lock = self.workspace.lockfile  # the one lockfile reader (lockfiles.py), shared with DEP rules
        if lock is None:
            return frozenset()
        return frozenset(lock.versions).union(*lock.importers.values())
