"""Which manifest owns a file and which manifest is the root of its project: the ground every
dependency decision stands on. A package.json is skipped when it only labels a folder or names a
secondary entry point of the package around it, as package managers and Node skip it.
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import Iterator

from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.model.dev_folders import in_test_folder
from migrationlint.model.entry_points import is_service
from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.nest_cli import application_roots
from migrationlint.model.peer_install import read_npmrc, read_pnpm_settings
from migrationlint.model.project import Project
from migrationlint.model.runner_folders import vitest_outside_folders
from migrationlint.model.workspace import DEP_SECTIONS, Manifest, Workspace
from migrationlint.model.workspace_definition import declares_workspaces

# what makes a package.json more than a label: something to install, run, build, load or publish
_INSTALL_UNIT_KEYS = (*DEP_SECTIONS, "main", "module", "exports", "bin", "types", "typings", "files", "scripts",
                      "workspaces", "publishConfig", "imports")
_ROOT_MARKERS = ("pnpm-workspace.yaml", *LOCKFILE_NAMES)
_SOURCE_FOLDERS = frozenset({"src", "lib", "source"})  # a package's own code, at its top


class ManifestOwners:
    """Base of DependencyModel: the owner and the root manifest of each file, remembered per folder
    and per manifest for the run."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.ws: Workspace = project.workspace
        self._owner: dict[str, Manifest | None] = {}
        self._roots: dict[str, Manifest] = {}
        self._alone: dict[str, bool] = {}  # manifest -> _starts_alone
        self._labels: dict[str, bool] = {}  # manifest -> _label_only

    def owner(self, path: str) -> Manifest | None:
        """The nearest real manifest above `path`: a package.json holding only `type` or
        `sideEffects` (no name, no dependencies) is skipped, as package managers skip it, and so is a
        label (`label_only`)."""
        directory = os.path.dirname(path)
        if directory in self._owner:
            return self._owner[directory]
        found = None
        d = directory
        while True:
            mpath = self.ws.nearest_manifest_path(d)
            if mpath is None:
                break
            m = self.ws.manifest(mpath)
            if m.error or m.dir == self.ws.root or (m.name or any(s in m.data for s in DEP_SECTIONS)) \
                    and not self._label_only(m) and not self._secondary_entry(m):
                found = m
                break
            parent = os.path.dirname(m.dir)
            if parent == m.dir:
                break
            d = parent
        self._owner[directory] = found
        return found

    def _label_only(self, m: Manifest) -> bool:
        """A package.json that only names a folder (`{"name": "@acme/api", "version": "0.0.4"}`, as Nx
        release keeps for an app; empty sections declare nothing): nothing installs, starts, builds
        or publishes it, so the files below belong to the package around it. In a workspace, a
        manifest the definition does not list is a project apart (a test fixture), unless it
        labels a folder inside a member: the member builds those files, and Node resolves their
        imports from the member's node_modules. So does one there that declares no dependency,
        whatever else it holds (an `exports` map the member links in), and one that declares
        dependencies and nothing else (`_dependency_list`)."""
        found = self._labels.get(m.path)
        if found is None:
            found = self._labels[m.path] = self._is_label(m)
        return found

    def _is_label(self, m: Manifest) -> bool:
        unit = any(m.data.get(k) for k in _INSTALL_UNIT_KEYS)
        # one that declares no dependency inside a member's folder (an `exports` map for a
        # condition, linked into the member with `link:`): its files resolve from the member's
        # node_modules, and the member's declarations are theirs
        if unit and (self._declares_installs(m) and not self._dependency_list(m)
                     or not self._inside_member(m.dir)):
            return self._compiled_by_enclosing(m)
        # an Nx app's version-only package.json (Nx release) stays a label: Nx builds and deploys the
        # app from the workspace root's dependencies, never by installing that manifest
        if self._starts_alone(m) or any(os.path.isfile(os.path.join(m.dir, n)) for n in _ROOT_MARKERS):
            return False
        return unit or not self.ws.has_workspace_definition or self._inside_member(m.dir)

    def _compiled_by_enclosing(self, m: Manifest) -> bool:
        """A manifest in the source folder of the package around it (`src/modules/billing/`, a module its
        author means to extract one day), in a repository with no workspace definition (so nothing
        installs it: in a workspace, such a manifest that declares dependencies is a project apart),
        with no install (lockfile, node_modules) and no start of its own, whose files that package's
        code imports by relative path from outside the folder: the outer package compiles them and
        Node resolves their imports from its install, whatever this manifest declares."""
        if self.ws.has_workspace_definition or m.data.get("bin") or m.data.get("workspaces") or self._starts_alone(m) \
                or any(os.path.isfile(os.path.join(m.dir, n)) for n in _ROOT_MARKERS) \
                or os.path.isdir(os.path.join(m.dir, "node_modules")):
            return False
        outer = self.ws.nearest_manifest_path(os.path.dirname(m.dir))
        if outer is None or os.path.relpath(m.dir, os.path.dirname(outer)).split(os.sep)[0] not in _SOURCE_FOLDERS:
            return False  # a package beside the outer one's code (`packages/db`), not inside it
        inside = m.dir + os.sep
        for path in self.project.package_sources(os.path.dirname(outer)):
            facts = self.project.facts(path)
            if facts is not None and any(i.specifier.startswith(".") and os.path.normpath(
                    os.path.join(os.path.dirname(path), i.specifier)).startswith(inside) for i in facts.imports):
                return True
        return False

    @staticmethod
    def _declares_installs(m: Manifest) -> bool:
        """Whether the manifest declares something an install of it would put in place: a section
        other than `peerDependencies`, or peers of a package with a name or scripts. The peers of a
        nameless manifest without scripts (a leftover `src/package.json` of an old subpath layout)
        are nobody's: no package manager installs it, nor asks its users for them."""
        return any(m.data.get(s) for s in DEP_SECTIONS if s != "peerDependencies") \
            or bool(m.data.get("peerDependencies")) and bool(m.name or m.data.get("scripts"))

    def _dependency_list(self, m: Manifest) -> bool:
        """A manifest inside a member's folder that declares dependencies and nothing else to run,
        build, load or publish, with no install of its own beside it (no node_modules), that a file
        beside it imports as JSON (one that no file reads is a package of its own, as it says): a list of versions the code reads (tracked by a dependency bot),
        which no package manager installs; the member's node_modules serve the files around it."""
        return self._inside_member(m.dir) and not any(m.data.get(k) for k in _INSTALL_UNIT_KEYS if k not in DEP_SECTIONS) \
            and not os.path.isdir(os.path.join(m.dir, "node_modules")) and self._read_as_json(m)

    def _read_as_json(self, m: Manifest) -> bool:
        """Whether a linted file in the manifest's folder imports it (`import versions from './package.json'`)."""
        try:
            names = os.listdir(m.dir)
        except OSError:
            return False
        for name in names:
            facts = self.project.facts(os.path.join(m.dir, name)) if name.endswith(TS_SUFFIXES) else None
            if facts is not None and any(i.specifier in ("./package.json", "./package") for i in facts.imports):
                return True
        return False

    def _starts_alone(self, m: Manifest) -> bool:
        """entry_points.is_service without Nx (`_label_only`), asked once per manifest in a run."""
        found = self._alone.get(m.path)
        if found is None:
            found = self._alone[m.path] = is_service(m, nx=False)
        return found

    def _secondary_entry(self, m: Manifest) -> bool:
        """A package.json named as a path into the package around it (`@acme/classes/transformer-plugin`
        inside `@acme/classes`): a secondary entry point, which no registry accepts as a name and
        which ships inside the outer package, so the outer package's declarations are its own."""
        name = m.name or ""
        base = "/".join(name.split("/")[:2]) if name.startswith("@") else name.split("/")[0]
        if not base or base == name:
            return False
        outer = self.ws.nearest_manifest_path(os.path.dirname(m.dir))
        return outer is not None and self.ws.manifest(outer).name == base

    def _inside_member(self, directory: str) -> bool:
        """Whether `directory` lies below a workspace member's folder without being one, and not in
        a test folder (a test fixture's package.json is a project of its own)."""
        members = self._member_dirs
        if directory in members:
            return False
        d = os.path.dirname(directory)
        while d.startswith(self.ws.root) and d != self.ws.root:
            if d in members:
                return not in_test_folder(os.path.relpath(directory, d).split(os.sep))
            d = os.path.dirname(d)
        return False

    @cached_property
    def _member_dirs(self) -> frozenset[str]:
        return frozenset(self.ws.member_dirs)

    def root_of(self, m: Manifest) -> Manifest:
        """The root manifest of the project `m` belongs to: the nearest directory at or above it
        with a lockfile or a workspace definition (a nested project is its own root), else the
        workspace root's manifest (or `m` itself when the workspace root has none)."""
        found = self._roots.get(m.dir)
        if found is None:
            found = self._roots[m.dir] = self._find_root(m)
        return found

    def _find_root(self, m: Manifest) -> Manifest:
        d = m.dir
        while d.startswith(self.ws.root) and d != self.ws.root:
            path = os.path.join(d, "package.json")
            markers = [n for n in _ROOT_MARKERS if os.path.isfile(os.path.join(d, n))]
            if os.path.isfile(path) and (markers and not self._ignored_lockfile(d, markers)
                                         or declares_workspaces(self.ws.manifest(path).data)):
                return self.ws.manifest(path)
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        root = self.ws.root_manifest
        return root if root is not None and not root.error else m

    def _ignored_lockfile(self, directory: str, markers: list[str]) -> bool:
        """Whether the only marker of a project of its own is a lockfile its package manager ignores:
        in a member of the root's pnpm workspace, which installs from the root's one lockfile (unless
        `.npmrc` says `shared-workspace-lockfile=false`), or of the root's yarn 1 or npm workspace
        (both install every member from the root, even when run in the member). A stale copy left
        there is no project."""
        if len(markers) != 1 or directory not in self._member_dirs:
            return False
        if self.ws.definition == "pnpm-workspace.yaml" and markers[0] in ("package-lock.json", "yarn.lock") \
                and _uses_workspace_protocol(self.ws.manifest(os.path.join(directory, "package.json"))):
            return True  # npm and yarn 1 cannot install `workspace:*`: a copy left from before the move to pnpm
        return markers[0] == self._shared_lockfile

    @cached_property
    def _shared_lockfile(self) -> str | None:
        """The lockfile name a member's copy of is ignored, by the workspace's package manager."""
        if self.ws.definition == "pnpm-workspace.yaml":
            shared = read_npmrc(self.ws.root).get("shared-workspace-lockfile", "").lower() != "false" \
                and read_pnpm_settings(self.ws.root).get("sharedWorkspaceLockfile") is not False
            return "pnpm-lock.yaml" if shared else None
        lock = self.ws.lockfile
        if self.ws.definition != "package.json" or lock is None:
            return None
        # npm 7+ run in a member installs the workspace from the root's package-lock.json too
        return {"yarn-classic": "yarn.lock", "npm": "package-lock.json"}.get(lock.kind)

    def enclosing_root(self, m: Manifest) -> Manifest | None:
        """For the root of a project nested in the workspace (its own lockfile or workspace file),
        the root of the project around it: Node's lookup walks up from the nested project into
        that project's node_modules. None for every other manifest."""
        if m.dir == self.ws.root or not self.is_root(m):
            return None
        path = self.ws.nearest_manifest_path(os.path.dirname(m.dir))
        if path is None:
            return None
        outer = self.root_of(self.ws.manifest(path))
        return None if outer.error or outer.path == m.path else outer

    def enclosing_roots(self, m: Manifest) -> Iterator[Manifest]:
        """The roots of the projects around the nested project `m`, innermost first (enclosing_root,
        repeated): an Electron app folder with its own lockfile inside the repository's install."""
        seen = {m.path}
        outer = self.enclosing_root(m)
        while outer is not None and outer.path not in seen:
            yield outer
            seen.add(outer.path)
            outer = self.enclosing_root(outer)

    def enclosing_member(self, m: Manifest) -> Manifest | None:
        """The workspace member whose folder holds `m`, a project of its own there (an example app
        with a package.json) or a member nested in it (an e2e suite under the e2e base package
        that declares its drivers): Node's and tsc's lookup from its files walks up into that
        member's node_modules. For a package no workspace glob lists, also the nearest project
        around it that none lists either (an Angular library's publish manifest inside the app
        project installed in its own folder). None for the root and manifests outside all those."""
        members = self._member_dirs
        if m.dir == self.ws.root:
            return None
        apart = m.dir not in members
        d = os.path.dirname(m.dir)
        while d.startswith(self.ws.root) and d != self.ws.root:
            if d in members or apart and d in self._manifest_dirs:
                return self.ws.manifest(os.path.join(d, "package.json"))
            d = os.path.dirname(d)
        return None

    def runner_member(self, path: str, owner: Manifest) -> Manifest | None:
        """For a file the root manifest owns (`owner`), the workspace member whose Vitest runs it from
        outside the member's folder (runner_folders.py): its install serves the file's imports."""
        if owner.dir != self.ws.root:
            return None
        return next((m for folder, m in self._runner_folders if path.startswith(folder + os.sep)), None)

    @cached_property
    def _runner_folders(self) -> list[tuple[str, Manifest]]:
        """(folder, member) for each folder a member's Vitest includes from outside it; read only for
        the members that name vitest."""
        found = []
        for directory in sorted(self._member_dirs):
            m = self.ws.manifest(os.path.join(directory, "package.json"))
            if not m.error and (m.declared("vitest") or "vitest" in str(m.data.get("scripts", ""))):
                found += [(folder, m) for folder in vitest_outside_folders(directory, self.ws.root)]
        return found

    @cached_property
    def _manifest_dirs(self) -> frozenset[str]:
        return frozenset(self.ws.manifest_dirs)

    def building_member(self, m: Manifest) -> Manifest | None:
        """The enclosing member whose monorepo-mode nest-cli.json names `m`'s folder as an
        application project, or whose own tsconfig compiles `m`'s files into its output (`m` building
        and starting nothing itself: a plugin folder the server loads): it builds them and runs the
        output from its own folder, so its `dependencies` serve their shipping files as well as `m`'s
        own (which only add to them)."""
        if m.path not in self._building:
            outer = self.enclosing_member(m)
            self._building[m.path] = None if outer is None or outer.error or not (
                os.path.normpath(m.dir) in application_roots(outer.dir) or self._compiled_into(m, outer)) else outer
        return self._building[m.path]

    def _compiled_into(self, m: Manifest, outer: Manifest) -> bool:
        """Whether a tsconfig of `outer`'s own (not one in `m`'s folder) that emits JavaScript covers
        `m`'s files, `m` having no build, start or `bin` of its own."""
        scripts = m.data.get("scripts") if isinstance(m.data.get("scripts"), dict) else {}
        if m.data.get("bin") or any(n in scripts for n in ("build", "start", "prepare", "prepublishOnly")):
            return False
        from migrationlint.model.resolve import resolver_for  # the resolver reads the workspace this model stands on

        tsconfigs = resolver_for(self.project).tsconfigs
        inside = m.dir + os.sep
        for path in self.project.package_sources(m.dir)[:20]:
            cfg = tsconfigs.covering(path)
            if cfg is not None and (cfg.dir + os.sep).startswith(outer.dir + os.sep) and not cfg.path.startswith(inside):
                return cfg.emits_javascript and cfg.covers(path)
        return False

    def built_with(self, m: Manifest, package: str) -> bool:
        """Whether the member that builds `m` as an app of its Nest monorepo (building_member)
        installs `package` for production: in its `dependencies` (or optional ones)."""
        builder = self.building_member(m)
        return builder is not None and builder.declared(package) in ("dependencies", "optionalDependencies")

    @cached_property
    def _building(self) -> dict[str, Manifest | None]:
        return {}

    def is_root(self, m: Manifest) -> bool:
        return self.root_of(m).path == m.path

    def root_label(self, root: Manifest) -> str:
        """How messages name a root manifest: "the root package.json", or a nested project's own."""
        if root.dir == self.ws.root:
            return "the root package.json"
        return f"{self._rel(root)} (the root of its own project)"


    def _rel(self, m: Manifest) -> str:
        return self.project.rel(m.path)


def _uses_workspace_protocol(m: Manifest) -> bool:
    """Whether the manifest declares a package with pnpm's `workspace:` protocol."""
    return not m.error and any(isinstance(spec, str) and spec.startswith("workspace:")
                               for section in ("dependencies", "devDependencies", "peerDependencies")
                               for spec in m.section(section).values())
