"""Which source file a workspace package exposes to an import of it: the member the import links
(the importer's range must admit its version), the entry its package.json names (`exports` under
the import's conditions, `types`/`typings`/`main`, `index`), and the TypeScript that built output
comes from (the package tsconfig's outDir/rootDir, else `dist`/`build` -> `src`).

A base of Resolver: it reads the workspace, the tsconfig index and the file lookup through the
resolver's attributes.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Callable

from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.lockfiles import project_lockfile
from migrationlint.model.script_commands import shell_commands
from migrationlint.model.semver_ranges import satisfies
from migrationlint.model.specifiers import DECLARATIONS, TS_SOURCE, condition_targets, exports_table, exports_targets, strip_built
from migrationlint.model.workspace import Manifest, Workspace

if TYPE_CHECKING:
    from migrationlint.model.tsconfig import TsConfigIndex

BUILD_DIRS = ("dist", "build")


def main_fields(data: dict) -> list[str]:
    return [data[k] for k in ("types", "typings", "main") if isinstance(data.get(k), str)]  # without `exports`


class PackageEntries:
    """Workspace packages' entries, remembered per (manifest, subpath, conditions) for the run."""

    workspace: Workspace
    tsconfigs: TsConfigIndex
    _entries: dict[tuple[str, str, tuple[str, ...]], str | None]
    _excluded: dict[tuple[str | None, str], bool]
    _stated: dict[str, dict[str, str]]  # package folder -> built target -> the source its `exports` names
    _first_file: Callable[[str], str | None]  # Resolver's: the first file of a base path's candidates

    def _linked_member(self, directory: str, name: str) -> Manifest | None:
        """Member `name`, unless the importer declares a range it fails (`^3.3.0` vs 8.8.1: a registry
        release), also through an `npm:` alias (`npm:@acme/web@^7.10.0`), or an alias of another name;
        and, in a repository with no workspace definition, unless it declares a local spec (`file:`):
        nothing else links one folder's package into another's node_modules."""
        member = self.workspace.members.get(name)
        if member is None:
            return None
        own = self.workspace.nearest_manifest_path(directory)
        key = (own, name)
        if key not in self._excluded:  # asked per importing folder: one answer per manifest
            wanted = self.workspace.manifest(own).range_of(name) if own is not None else None
            version = member.data.get("version")
            aliased = wanted[4:].rsplit("@", 1) if wanted and wanted.startswith("npm:") and "@" in wanted[5:] else None
            if aliased is not None:  # `npm:@acme/web@^7.10.0`: the registry's package of that name, at that range
                wanted = aliased[1] if aliased[0] == name else None
            local = bool(wanted) and wanted.startswith(("file:", "link:", "portal:", "workspace:"))
            # with no workspace definition nothing links folders but a local spec: the registry's package
            self._excluded[key] = aliased is not None and wanted is None or bool(wanted) and isinstance(version, str) \
                and satisfies(version, wanted) is False \
                or not local and not self.workspace.has_workspace_definition \
                or not local and self._installed_apart(own) and (bool(wanted) or self._own_install_holds(own, name))
        return None if self._excluded[key] else member

    def _installed_apart(self, manifest_path: str | None) -> bool:
        """Whether the package at `manifest_path` is a project installed on its own: no workspace
        member, with a lockfile of its own, whose install puts what it declares (the registry's
        release) in its own node_modules, found before the workspace's link above it."""
        if manifest_path is None:
            return False
        folder = os.path.dirname(manifest_path)
        return folder != self.workspace.root and folder not in self.workspace.member_dirs \
            and any(os.path.isfile(os.path.join(folder, n)) for n in LOCKFILE_NAMES)

    def _own_install_holds(self, manifest_path: str, name: str) -> bool:
        """Whether the lockfile of the project installed on its own at `manifest_path` holds `name`: an
        undeclared name its own install brings (`@acme/types` through the `@acme/bot` release it declares)
        is that release, found before the workspace's link above it."""
        folder = os.path.dirname(manifest_path)
        path = project_lockfile(folder, self.workspace.manifest(manifest_path).data.get("packageManager"),
                                self.workspace.package_manager)
        lock = self.workspace.read_lockfile(path) if path is not None else None
        return lock is not None and lock.knows(name)

    def _own_manifest(self, directory: str, name: str) -> Manifest | None:
        own = self.workspace.nearest_manifest_path(directory)
        if own is None:
            return None
        m = self.workspace.manifest(own)
        # a package that depends on a package of its own name (an example named after its framework)
        # loads that dependency: npm installs it, and Node finds it before any self-reference
        return m if m.name == name and m.declared(name) is None else None

    def package_entry(self, manifest: Manifest, sub: str, conditions: tuple[str, ...] = ()) -> str | None:
        """The source file a workspace package exposes at subpath `sub` ("." or "./x") under `conditions`."""
        key = (manifest.path, sub, conditions)
        if key not in self._entries:  # asked once per importing folder: the same answer each time
            self._entries[key] = self._package_entry(manifest, sub, conditions)
        return self._entries[key]

    def _package_entry(self, manifest: Manifest, sub: str, conditions: tuple[str, ...]) -> str | None:
        data = manifest.data
        exports = data.get("exports")
        targets: list[str] = []
        if exports is not None:
            targets = exports_targets(exports, sub, conditions) or []
        if sub == ".":
            targets += main_fields(data)
            targets.append("./index")
        else:
            targets.append(sub)
        return self._first_source(manifest, targets)

    def _first_source(self, manifest: Manifest, targets: list[str]) -> str | None:
        """The source file of the first of the package's `targets` that maps to one."""
        for target in targets:
            if not target.startswith("./") and target.startswith((".", "/")):
                continue  # targets must stay inside the package
            path = self.to_source(manifest.dir, os.path.normpath(os.path.join(manifest.dir, target)))
            if path is not None:
                return path
        return None

    def to_source(self, pkg_dir: str, target: str) -> str | None:
        """A package target (often built output) -> the TypeScript source it is built from.

        `dist/x/index.d.ts` maps to `<rootDir>/x/index.ts` through the package tsconfig's outDir and
        rootDir (else `dist`/`build` -> `src`); a target that is already a source file is kept.
        """
        if target.endswith(TS_SOURCE) and not target.endswith(DECLARATIONS) and os.path.isfile(target):
            return target
        stated = self._stated_sources(pkg_dir).get(target)
        if stated is not None:
            return stated
        for out_dir, root_dir in self._build_dirs(pkg_dir):
            rel = os.path.relpath(target, out_dir)
            if rel.startswith(".."):
                continue
            stem = strip_built(os.path.join(root_dir, rel))
            path = self._first_file(stem)
            if path is not None:
                return path
        return self._first_file(strip_built(target)) or self._first_file(target)

    def _stated_sources(self, pkg_dir: str) -> dict[str, str]:
        """Built target -> source, as the package's `exports` states them: an entry whose conditions
        name one existing TypeScript file (`"@source": "./server/index.ts"`, a condition tsconfig's
        `customConditions` selects) beside built files (`"require": "./build/index.cjs"`) says what
        those files are built from, whatever folder the tsconfig's outDir would suggest; so does the
        source tshy's own `exports` names for the same subpath (its builds go to `dist/esm`, `dist/commonjs`)."""
        found = self._stated.get(pkg_dir)
        if found is None:
            found = self._stated[pkg_dir] = {}
            manifest_path = os.path.join(pkg_dir, "package.json")
            data = self.workspace.manifest(manifest_path).data if os.path.isfile(manifest_path) else {}
            tshy = data.get("tshy") if isinstance(data.get("tshy"), dict) else {}
            sourced = exports_table(tshy.get("exports"))  # tshy writes `exports` from these (`"./queue": "./src/queue/index.ts"`)
            for key, entry in exports_table(data.get("exports")).items():
                leaves = [t for t in condition_targets(entry) if t.startswith("./") and "*" not in t] if key.startswith(".") else []
                leaves += [t for t in condition_targets(sourced.get(key)) if t.startswith("./") and "*" not in t]
                paths = [os.path.normpath(os.path.join(pkg_dir, leaf)) for leaf in leaves]
                sources = {p for p in paths if p.endswith(TS_SOURCE) and not p.endswith(DECLARATIONS) and os.path.isfile(p)}
                if len(sources) == 1:
                    source = sources.pop()
                    found.update((p, source) for p in paths if p != source)
        return found

    def _package_tsconfigs(self, pkg_dir: str, main: list[str]) -> list[str]:
        """The package's tsconfig.json (`main`) and its named tsconfigs, then the projects they reference
        inside the package (`"references": [{"path": "./src"}]` to `src/tsconfig.json`, whose outDir
        `../dist/types` the package's `types` names)."""
        own = main + self.tsconfigs.named_configs(pkg_dir)
        inside = pkg_dir.rstrip(os.sep) + os.sep
        referenced = [r for c in own for r in self.tsconfigs.config(c).references if r.startswith(inside)]
        return list(dict.fromkeys(own + [r for r in referenced if os.path.isfile(r)]))

    def _build_dirs(self, pkg_dir: str) -> list[tuple[str, str]]:
        """(output folder, rootDir) pairs built output maps back through: the declarationDir and
        outDir of tsconfig.json and of the package's other tsconfigs (`tsconfig.server.json`, built by
        `tsc -p`), the deepest folder first, each with the package folder as rootDir too when none is
        set (tsc's root is then the common folder of what it compiles; with the package's folder name below
        the output folder, a root above the package), then `dist`/`build` from `src`.
        Once per package."""
        pairs = self._build_pairs.get(pkg_dir)
        if pairs is not None:
            return pairs
        pairs = self._build_pairs[pkg_dir] = []
        main = os.path.join(pkg_dir, "tsconfig.json")
        for tsconfig in self._package_tsconfigs(pkg_dir, [main] if os.path.isfile(main) else []):
            cfg = self.tsconfigs.config(tsconfig)
            here = os.path.dirname(tsconfig)  # a referenced project's own folder (`src/tsconfig.json`): its root
            roots = [cfg.root_dir] if cfg.root_dir else [*([here] if here != pkg_dir else []), os.path.join(pkg_dir, "src"), pkg_dir]
            pairs += [(out, root) for out in (cfg.declaration_dir, cfg.out_dir) if out for root in roots]
            # no rootDir, and a program reaching past the package (a `paths` entry into a sibling's
            # sources): tsc's root is a folder above it, and the output keeps the package's folder name
            # (`dist/vendure-plugin-picqer/src/index.js`)
            pairs += [(os.path.join(out, os.path.basename(pkg_dir)), pkg_dir)
                      for out in (cfg.declaration_dir, cfg.out_dir) if out and not cfg.root_dir]
        # the deepest output folder first, whichever tsconfig names it: `dist/types` (a declarations
        # build's declarationDir) holds `src/index.ts`'s declaration, not `src/types/`'s, beside `dist`
        pairs += [(moved_to, os.path.join(root, os.path.relpath(moved_from, out)))
                  for moved_from, moved_to in _moved_outputs(pkg_dir) for out, root in list(pairs)
                  if moved_from.startswith(out + os.sep)]
        pairs.sort(key=lambda pair: -len(os.path.normpath(pair[0])))
        pairs += [(os.path.join(pkg_dir, d), os.path.join(pkg_dir, "src")) for d in BUILD_DIRS]
        return pairs


def _moved_outputs(pkg_dir: str) -> list[tuple[str, str]]:
    """(from, to) of the folders the package's scripts move within it after a build (`tsc &&
    mv dist/src dist/types`): what `types` names under `to` was built into `from`."""
    try:
        with open(os.path.join(pkg_dir, "package.json"), "rb") as fh:
            data = fh.read()
        scripts = json.loads(data).get("scripts") if b"mv " in data else None
    except (OSError, ValueError, AttributeError):
        return []
    moved = []
    for script in scripts.values() if isinstance(scripts, dict) else ():
        for words in shell_commands(script) if isinstance(script, str) else ():
            args = [w for w in words[1:] if not w.startswith("-")]
            if words[:1] == ["mv"] and len(args) == 2 and not any(os.path.isabs(a) or ".." in a for a in args):
                moved.append(tuple(os.path.normpath(os.path.join(pkg_dir, a)) for a in args))
    return moved  # type: ignore[return-value]
