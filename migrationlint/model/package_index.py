"""Which package names the repository knows, without node_modules: declared by any manifest,
locked by the workspace's lockfile or a nested project's, or installed in a node_modules folder on the way up. The
resolver asks it for bare specifiers that no alias or workspace package answers; kept apart as the
one index both import and dependency rules read through the resolver.
"""

from __future__ import annotations

import os
from functools import cached_property

from migrationlint.model.lockfiles import project_lockfile
from migrationlint.model.workspace import DEP_SECTIONS, Manifest, Workspace


class PackageIndex:
    """Which package names the repository knows: declared by any manifest, locked, or installed.

    Built lazily, the first time a package is asked about (most runs never need it).
    """

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._installed: dict[tuple[str, str], bool] = {}
        self._nested: dict[str, list[frozenset[str]]] = {}

    def known(self, name: str, directory: str) -> str | None:
        """declared | installed | locked | None."""
        if name in self.declared:
            return "declared"
        if self.installed(name, directory):
            return "installed"
        if name in self.locked or any(name in lock for lock in self._nested_locked(directory)):
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

    def _nested_locked(self, directory: str) -> list[frozenset[str]]:
        """What the lockfiles of the projects nested in the workspace lock, for those at or above
        `directory` below the root (a service installed apart with its own package-lock.json holds
        packages the root's lockfile does not)."""
        found = self._nested.get(directory)
        if found is None:
            found = []
            if directory != self.workspace.root and directory.startswith(self.workspace.root + os.sep):
                manifest = os.path.join(directory, "package.json")
                path = project_lockfile(directory, self.workspace.manifest(manifest).data.get("packageManager"),
                                        self.workspace.package_manager) if os.path.isfile(manifest) else None
                lock = self.workspace.read_lockfile(path) if path is not None else None
                if lock is not None:
                    found.append(frozenset(lock.versions).union(*lock.importers.values()))
                found += self._nested_locked(os.path.dirname(directory))
            self._nested[directory] = found
        return found

    @cached_property
    def locked(self) -> frozenset[str]:
        lock = self.workspace.lockfile  # the one lockfile reader (lockfiles.py), shared with DEP rules
        if lock is None:
            return frozenset()
        return frozenset(lock.versions).union(*lock.importers.values())
