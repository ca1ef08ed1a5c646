"""DEP001-DEP005: every package a service loads must be declared where its own install sees it
(DESIGN section 2.3).

The manifest that counts is the nearest package.json above the file (the one Node, and the
service's own Docker build, use). The workspace root's manifest counts for it only as the
`hoisting` setting allows: by default for files that do not ship and type-only imports. Whether a
file ships comes from the shipping model (model.shipping); where a fix may add an entry, and with
which version, from the fix policy (model.fix_policy); whether a missing peer matters, from how the
package manager installs peers (model.peer_install). Fixes are structured package.json edits
(manifest_edits), so N files importing one missing package make one key.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterator

from migrationlint import packages as pk
from migrationlint import resolve
from migrationlint import runtime_packages as rt
from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.facts import FileFacts, ImportFact
from migrationlint.globs import match_any
from migrationlint.lockfiles import Lockfile, find_lockfile, peers_of, version_key
from migrationlint.model import fix_policy as policy
from migrationlint.model.hoisting import hoisted, hoists
from migrationlint.model.peer_install import PeerPolicy, peer_policy
from migrationlint.model.shipping import Verdict, is_workspace_root, shipping_for
from migrationlint.workspace import DEP_SECTIONS, Manifest, Workspace, parse_version

_ROOT_MARKERS = ("pnpm-workspace.yaml", "pnpm-lock.yaml", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock")

DEP001 = Rule("DEP001", "undeclared-dependency", Severity.ERROR,
              "An imported package that the nearest package.json does not declare.", fix=FixAvailability.SOMETIMES)
DEP002 = Rule("DEP002", "dev-dependency-in-production", Severity.ERROR,
              "Production code imports a package declared only in devDependencies.", fix=FixAvailability.UNSAFE)
DEP003 = Rule("DEP003", "missing-peer-dependency", Severity.ERROR,
              "A declared package's required peer dependency is not declared.", fix=FixAvailability.SOMETIMES)
DEP004 = Rule("DEP004", "missing-runtime-package", Severity.ERROR,
              "Code makes NestJS or TypeORM load a package at start-up that is not declared.", fix=FixAvailability.SOMETIMES)
DEP005 = Rule("DEP005", "root-only-dependency", Severity.WARNING,
              "Production code relies on a package declared only in the workspace root manifest.", fix=FixAvailability.UNSAFE)
RULES = [DEP001, DEP002, DEP003, DEP004, DEP005]

_RUNTIME_NOTE = {
    "type": " (inside TypeOrmModule the connection is retried 9 times, 3 s apart, so a missing driver "
            "looks like a database outage)",
}


@dataclass
class Use:
    """One import of a package by a linted file, with what decides which manifest section it needs."""

    path: str
    imp: ImportFact
    package: str
    manifest: Manifest
    type_only: bool
    test: bool  # does not run in production (the shipping model's answer), or a test mock
    verdict: Verdict | None = None
    metadata_only: bool = False  # its names are used only in annotations decorator metadata emits


# ----------------------------------------------------------------------------- entry point

def check(project: Project) -> Iterator[Diagnostic]:
    model = DependencyModel(project)
    uses = [u for path, facts in sorted(project.files.items()) if not facts.skipped
            for u in model.uses(path, facts)]
    reported: set[tuple[str, str]] = set()  # (manifest, package) already reported as missing
    sections = _sections_needed(model, uses)
    peer_candidates: dict[tuple[str, str], Use] = {}
    out: list[Diagnostic] = []
    for use in uses:
        out.extend(model.judge(use, sections, reported, peer_candidates))
    for path, facts in sorted(project.files.items()):
        if not facts.skipped:
            out.extend(model.runtime(path, facts, reported))
    for use in peer_candidates.values():
        out.extend(model.peers(use, reported))
    return iter(out)


def _sections_needed(model: DependencyModel, uses: list[Use]) -> dict[tuple[str, str], str]:
    """One section per (manifest, package): dependencies if any production value import needs
    it, else devDependencies; every DEP001 fix for that pair then carries the same edit."""
    out: dict[tuple[str, str], str] = {}
    for u in uses:
        key = (u.manifest.path, u.package)
        if model.section_for(u) == "dependencies" or key not in out:
            out[key] = model.section_for(u)
    return out


# ----------------------------------------------------------------------------- the model

class DependencyModel:
    """Decisions shared by the DEP rules: which manifest owns a file, what counts as declared,
    and which version a fix adds (the ladder of DESIGN 2.3)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.ws: Workspace = project.workspace
        self.settings = project.settings
        self._owner: dict[str, Manifest | None] = {}
        self._framework_cache: dict[str, list[str]] = {}
        self._test_memo: dict[str, bool] = {}
        self._own_locks: dict[str, object] = {}
        self.shipping = shipping_for(project)
        self._roots: dict[str, Manifest] = {}
        self._policies: dict[str, PeerPolicy] = {}

    # ------------------------------------------------------------------ files and imports

    def owner(self, path: str) -> Manifest | None:
        """The nearest real manifest above `path`: a package.json holding only `type` or
        `sideEffects` (no name, no dependencies) is skipped, as package managers skip it."""
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
            if m.error or m.name or any(s in m.data for s in DEP_SECTIONS) or m.dir == self.ws.root:
                found = m
                break
            parent = os.path.dirname(m.dir)
            if parent == m.dir:
                break
            d = parent
        self._owner[directory] = found
        return found

    def is_test(self, path: str) -> bool:
        found = self._test_memo.get(path)
        if found is None:
            found = self._test_memo[path] = match_any(self.settings.test_files, self.project.rel(path))
        return found

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
            if os.path.isfile(path) and (any(os.path.isfile(os.path.join(d, n)) for n in _ROOT_MARKERS)
                                         or "workspaces" in self.ws.manifest(path).data):
                return self.ws.manifest(path)
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        root = self.ws.root_manifest
        return root if root is not None and not root.error else m

    def is_root(self, m: Manifest) -> bool:
        return self.root_of(m).path == m.path

    def root_label(self, root: Manifest) -> str:
        """How messages name a root manifest: "the root package.json", or a nested project's own."""
        if root.dir == self.ws.root:
            return "the root package.json"
        return f"{self._rel(root)} (the root of its own project)"

    def private_root(self, m: Manifest) -> bool:
        """The root of a workspace (never deployed: its files are the repository's tooling). A
        single-package repository's root is the package itself, and deploys."""
        return self.is_root(m) and is_workspace_root(m)

    def verdict(self, path: str) -> Verdict:
        return self.shipping.verdict(path, self.owner(path))

    def uses(self, path: str, facts: FileFacts) -> Iterator[Use]:
        manifest = self.owner(path)
        if manifest is None or manifest.error or not facts.imports:
            return
        verdict = self.shipping.verdict(path, manifest)
        if verdict.inert:
            return
        for imp in facts.imports:
            if imp.kind == "require-resolve-paths":
                continue  # resolved from the folders it names, by design not from this package
            package = self._package_of(path, imp, manifest)
            if package is None:
                continue
            type_only = _type_only(imp) or _erased(imp, facts) or path.endswith((".d.ts", ".d.mts", ".d.cts"))
            yield Use(path, imp, package, manifest, type_only, not verdict.ships or imp.kind == "mock", verdict,
                      _metadata_only(imp, facts))

    def _package_of(self, path: str, imp: ImportFact, manifest: Manifest) -> str | None:
        spec = imp.specifier
        if pk.classify(spec) != "package" or self._is_alias(path, spec):
            return None
        name = pk.package_name(spec)
        if name is None or name == manifest.name or pk.is_ignored(spec, self.settings.ignore_packages):
            return None
        if pk.virtual_module(spec, self._frameworks(manifest)):
            return None
        if imp.kind == "reference" and not name.startswith("@types/"):
            # `/// <reference types="node" />` loads @types/node unless the package ships its types
            types = pk.types_package(name)
            if name == "node" or (not self.known(name, manifest) and self.known(types, manifest)):
                return types
        return name

    def _frameworks(self, manifest: Manifest) -> list[str]:
        """Framework packages declared by the manifest or the workspace root (virtual modules)."""
        found = self._framework_cache.get(manifest.path)
        if found is None:
            found = [n for n in pk.VIRTUAL_MODULES if manifest.declared(n)]
            root = self.root_of(manifest)
            if root is not manifest:
                found += [n for n in pk.VIRTUAL_MODULES if root.declared(n)]
            self._framework_cache[manifest.path] = found
        return found

    def _is_alias(self, path: str, spec: str) -> bool:
        for prefix in self.settings.aliases:
            p = prefix.rstrip("*")
            if spec == prefix or spec == p.rstrip("/") or (p and spec.startswith(p if p.endswith("/") else p + "/")):
                return True
        return resolve.is_alias(self.project, path, spec)

    # ------------------------------------------------------------------ declarations

    def root_counts(self, test: bool, type_only: bool) -> bool:
        """Whether the root manifest's declarations satisfy this use (the `hoisting` setting)."""
        policy = self.settings.hoisting
        return policy == "all" or (policy == "test-files" and (test or type_only))

    def declared_in(self, m: Manifest, package: str, type_only: bool) -> str | None:
        section = m.declared(package)
        if section is None and type_only:
            section = m.declared(pk.types_package(package))
        return section

    def known(self, package: str, manifest: Manifest) -> bool:
        return self.ws.known(package) or self.ws.installed(package, manifest.dir) is not None

    def placement(self, u: Use, package: str | None = None) -> policy.Placement:
        """Where a fix for this use adds `package` (the used package by default)."""
        m = u.manifest
        return policy.placement(package or u.package, m, not u.test, u.type_only, self.private_root(m),
                                self.shipping.bundled(m))

    def section_for(self, u: Use) -> str:
        return self.placement(u).section

    # ------------------------------------------------------------------ DEP001 / DEP002 / DEP005

    def judge(self, u: Use, sections: dict, reported: set, peer_candidates: dict) -> Iterator[Diagnostic]:
        m = u.manifest
        own = self.declared_in(m, u.package, u.type_only)
        if own is not None:
            if own == "devDependencies" and self._production_value_use(u) and not _also_runtime(m, u.package):
                yield self._dev_in_production(u)
            elif (m.declared(u.package) == own and not u.type_only and u.imp.kind in _LOADING_KINDS
                  and u.package not in m.section("peerDependencies")):
                peer_candidates.setdefault((m.path, u.package), u)  # a peer's peers are the host's
            return
        root = self.root_of(m)
        if root is not m and self.declared_in(root, u.package, u.type_only):
            if not self.root_counts(u.test, u.type_only) and (self.settings.hoisting == "none"
                                                              or self._production_value_use(u)):
                yield self._root_only(u, root)
            return
        if pk.scope_of(u.package) in self.ws.own_scopes and not self.known(u.package, m):
            return  # the workspace's own namespace, matching nothing: IMP001's finding
        if self.root_counts(u.test, u.type_only) and self.hoisted_at_root(u.package, m):
            return  # a file that does not ship, running inside the repository's hoisted install
        types = pk.types_package(u.package)
        if u.type_only and not self.known(u.package, m) and self.known(types, m):
            u = replace(u, package=types)  # `mdx/types` is served by @types/mdx: that is what to declare
        reported.add((m.path, u.package))
        yield self._undeclared(u, sections.get((m.path, u.package), self.section_for(u)))

    def _production_value_use(self, u: Use) -> bool:
        """A value use in shipping code of a package that a production install must provide (not
        in a bundled package, whose devDependencies are the bundle, nor a runtime-provided one)."""
        if u.type_only or u.test or u.package in policy.PROVIDED_BY_RUNTIME:
            return False
        if self.private_root(u.manifest):
            return False  # files of a private workspace root are its tooling (scripts, configs)
        if u.imp.lazy and u.manifest.data.get("private") is not True:
            return False  # a published package's on-demand load: an optional feature its user installs
        return self.shipping.bundled(u.manifest) is None

    def _undeclared(self, u: Use, section: str) -> Diagnostic:
        m = u.manifest
        rel = self._rel(m)
        known = self.known(u.package, m) or self.version(u.package, m) is not None
        where = f"not declared in {rel}" if known else "not declared or installed anywhere in this repository"
        message = f'"{u.package}" is imported but {where}'
        if u.package.startswith("@types/") and not u.imp.specifier.startswith("@types/"):
            message = f'"{u.package}" (the types of "{u.imp.specifier}") is needed but {where}'
        types = pk.types_package(u.package)
        if u.metadata_only and (m.declared(types) or self.root_of(m).declared(types)):
            message += (f' (its names are used only in decorated signatures: if they are interfaces from "{types}", '
                        f"tsc elides this import and nothing loads at runtime; if one is a class, Node loads it)")
        message, fix = self._add_or_command(message, m, section, u.package, self.placement(u).why)
        message, fix = self._unless_host_provided(message, fix, m, u.package, section, u.imp.lazy)
        return self._at_import(DEP001, u, message, fix)

    def _unless_host_provided(self, message: str, fix: Fix | None, m: Manifest, package: str, section: str,
                              lazy: bool) -> tuple[str, Fix | None]:
        """The fix made unsafe, and the message saying why, when `_host_provided` doubts it."""
        doubt = self._host_provided(m, package, section, lazy)
        if fix is None or not doubt:
            return message, fix
        return message + f"; {doubt}: review before declaring it (unsafe fix)", Fix(Applicability.UNSAFE, fix.edits,
                                                                                      fix.message)

    def _host_provided(self, m: Manifest, package: str, section: str, lazy: bool) -> str | None:
        """Why adding a `dependencies` entry to a published package may be wrong: the package
        arrives through a declared workspace package (a plugin's framework, which a second copy
        would split), or it is loaded on demand (an optional feature its user installs)."""
        if section != "dependencies" or m.data.get("private") is True:
            return None
        if lazy:
            return "it is loaded on demand, like an optional feature (then an optional peer dependency)"
        for dep in sorted({d for s in DEP_SECTIONS for d in m.section(s)}):
            member = self.ws.member(dep)
            if member is not None and any(package in member.section(s) for s in ("dependencies", "peerDependencies")):
                return (f"it comes with {dep}, which {self._rel(m)} declares; a published package that plugs into "
                        f"{dep} usually lists it in peerDependencies so that one copy is shared")
        return None

    def _dev_in_production(self, u: Use) -> Diagnostic:
        m = u.manifest
        rel = self._rel(m)
        message = (f'"{u.package}" is declared only in devDependencies of {rel} but production code imports it: '
                   f"a production install (`npm ci --omit=dev`, `pnpm install --prod`) leaves it out and the "
                   f"service fails with \"Cannot find module '{u.package}'\"; " + self._dev_remedy(u)
                   + (f"; this file ships: {u.verdict.reason}" if u.verdict else ""))
        edit = Edit(m.path, 0, 0, "", json_edit=("move", "devDependencies", "dependencies", u.package))
        fix = Fix(Applicability.UNSAFE, (edit,), f'Move "{u.package}" to dependencies in {rel}')
        return self._at_import(DEP002, u, message, fix)

    def _dev_remedy(self, u: Use) -> str:
        """Where a devDependency that ships belongs: `dependencies`, or for a published package
        that plugs into a workspace package (a plugin of its framework) `peerDependencies`."""
        m = u.manifest
        if m.data.get("private") is True or not m.name:
            return "move it to dependencies"
        if self.ws.member(u.package) is not None:
            return (f"declare it in peerDependencies (this published package plugs into {u.package}, which the "
                    f"application that installs it provides) or move it to dependencies")
        return "move it to dependencies (or to peerDependencies, when the application that installs this published " \
               "package provides it)"

    def _root_only(self, u: Use, root: Manifest) -> Diagnostic:
        m = u.manifest
        rel = self._rel(m)
        label = self.root_label(root)
        message = (f'"{u.package}" is declared only in {label}: it resolves through hoisting '
                   f"but breaks a per-service install, Docker build or publish of {os.path.dirname(rel) or '.'}")
        version = root.range_of(u.package) or root.range_of(pk.types_package(u.package))
        fix = None
        if version and _usable_range(version):
            section = self.section_for(u)
            message += f'; declare "{u.package}": "{version}" in {section} of {rel} (as in {label})'
            fix = self._add_fix(m, section, u.package, version, Applicability.UNSAFE)
        return self._at_import(DEP005, u, message, fix)

    # ------------------------------------------------------------------ DEP003

    def peer_list(self, package: str, m: Manifest) -> dict[str, bool]:
        """{peer: optional} of `package` as installed for `m`: the workspace member's manifest,
        the lockfile, node_modules, else the built-in table."""
        member = self.ws.member(package)
        if member is not None:
            return peers_of(member.data)
        lock = self.ws.lockfile
        if lock is not None:
            peers = lock.peer_deps(package, lock.resolved(package, self.ws.rel_dir(m)))
            if peers is not None:
                return peers
        installed = self.ws.installed(package, m.dir)
        if installed is not None and installed[1] is not None:
            return installed[1]
        return {p: False for p in rt.KNOWN_PEERS.get(package, ())}

    def hoisted_at_root(self, package: str, m: Manifest) -> bool:
        """Whether the root install of `m`'s project puts `package` where every file finds it."""
        root = self.root_of(m)
        lock = self.ws.lockfile if root.dir == self.ws.root else self._own_lock(root.dir)
        manager = self.ws.package_manager if root.dir == self.ws.root or lock is None else lock.manager
        if self.ws.installed(package, m.dir) is not None:
            return True
        declared = bool(self.ws.sibling_ranges(package, exclude=m.path)) or root.declared(package) is not None
        return hoists(root.dir, manager, lock) and hoisted(package, self.ws.member(package) is not None, declared, lock)

    def peer_policy(self, m: Manifest) -> PeerPolicy:
        """How the package manager of `m`'s project treats peers (its own root's lockfile and .npmrc)."""
        root = self.root_of(m)
        found = self._policies.get(root.dir)
        if found is None:
            lock = self.ws.lockfile if root.dir == self.ws.root else self._own_lock(root.dir)
            field = root.data.get("packageManager")
            manager = self.ws.package_manager if root.dir == self.ws.root or lock is None else lock.manager
            found = self._policies[root.dir] = peer_policy(root.dir, manager, field if isinstance(field, str) else None,
                                                           lock, self._workspace_settings(root.dir))
        return found

    def _workspace_settings(self, directory: str) -> dict:
        path = os.path.join(directory, "pnpm-workspace.yaml")
        if not os.path.isfile(path):
            return {}
        from migrationlint.workspace import _read_yaml

        return _read_yaml(path)[0]

    def peers(self, u: Use, reported: set) -> Iterator[Diagnostic]:
        m = u.manifest
        policy_now = self.peer_policy(m)
        if policy_now.installs:
            return
        ships = not u.test and m.declared(u.package) == "dependencies"
        for peer, optional in sorted(self.peer_list(u.package, m).items()):
            if optional or peer == m.name or (m.path, peer) in reported or self.satisfied(m, peer, u.test):
                continue
            if _types_only_package(peer):
                continue  # only type checking reads it: nothing fails at runtime
            if self.root_counts(u.test, False) and self.hoisted_at_root(peer, m):
                continue  # a file that does not ship finds the peer in the hoisted root install
            reported.add((m.path, peer))
            message = (f'"{u.package}" requires its peer dependency "{peer}", which {self._rel(m)} does not '
                       f"declare, and the repository uses {policy_now.setting}: loading it fails with "
                       f"\"Cannot find module '{peer}'\"")
            place = policy.placement(peer, m, ships, False, self.private_root(m), self.shipping.bundled(m))
            message, fix = self._add_or_command(message, m, place.section, peer, place.why)
            if fix is not None and place.section == "dependencies" and m.data.get("private") is not True:
                # a published package usually passes the requirement on to its own users
                message += (f'; a published package often declares "{peer}" in peerDependencies instead, so that '
                            f"its users provide it: review before adding it (unsafe fix)")
                fix = Fix(Applicability.UNSAFE, fix.edits, fix.message)
            yield self._at_import(DEP003, u, message, fix)

    def satisfied(self, m: Manifest, package: str, test: bool) -> bool:
        """Declared by `m`, or by its root under any hoisting policy but `none` (the package is
        then part of the repository's install)."""
        if m.declared(package) or package == m.name:
            return True
        root = self.root_of(m)
        return root is not m and self.settings.hoisting != "none" and root.declared(package) is not None

    # ------------------------------------------------------------------ DEP004

    def runtime(self, path: str, facts: FileFacts, reported: set) -> Iterator[Diagnostic]:
        m = self.owner(path)
        if m is None or m.error or not self.shipping.verdict(path, m).ships:
            return  # options built in a test or a tool config connect nothing
        test = False
        for trigger, start, end, need, note in self._runtime_needs(path, facts):
            for package in need.packages:
                if self.satisfied(m, package, test) or (m.path, package) in reported:
                    continue
                if package == need.packages[0] and any(self.satisfied(m, a, test) for a in need.alternatives):
                    continue
                if pk.scope_of(package) in self.ws.own_scopes:
                    continue
                reported.add((m.path, package))
                error = need.error.replace("{package}", package)
                message = (f'{trigger} makes the service load "{package}" at start-up, which {self._rel(m)} does '
                           f'not declare: it fails with "{error}"{note}')
                place = policy.placement(package, m, True, False, self.private_root(m), self.shipping.bundled(m))
                message, fix = self._add_or_command(message, m, place.section, package, place.why)
                message, fix = self._unless_host_provided(message, fix, m, package, place.section, False)
                yield diagnostic(DEP004, path, start, end, message, fix=fix, package=package, manifest=m.path)

    def _runtime_needs(self, path: str, facts: FileFacts) -> Iterator[tuple[str, int, int, rt.Need, str]]:
        bound = _bindings(facts)
        transport = bound.get(("@nestjs/microservices", "Transport"))
        if transport:
            server = any(c.callee.endswith(("createMicroservice", "connectMicroservice")) for c in facts.calls)
            for ref, start, end in facts.member_refs:
                obj, _, member = ref.partition(".")
                need = rt.transport_need(member, server) if obj in transport else None
                if need is not None:
                    yield ref, start, end, need, ""
        factory = bound.get(("@nestjs/core", "NestFactory"))
        if factory:
            for c in facts.calls:
                obj, _, method = c.callee.rpartition(".")
                if method == "create" and obj in factory and c.args and (len(c.args) == 1 or c.args[1][0] == "object"):
                    yield "NestFactory.create() without an HTTP adapter", c.start, c.end, rt.PLATFORM_EXPRESS, ""
        yield from self._bound_uses(facts, bound, "@nestjs/common", {"ValidationPipe": rt.VALIDATION_PIPE})
        for source in ("@nestjs/apollo", "@nestjs/mercurius"):
            yield from self._bound_uses(facts, bound, source, rt.GRAPHQL_DRIVERS, skip=source)
        terminus = {loc: name for (src, name), locs in bound.items() if src == "@nestjs/terminus" for loc in locs}
        for name, start, end in facts.ctor_param_types:
            indicator = terminus.get(name)
            need = rt.TERMINUS_INDICATORS.get(indicator or "")
            if need is not None:
                yield f"Injecting {indicator}", start, end, need, ""
        major = self._typeorm_major(path)
        for role, value, start, end in facts.orm_types:
            table = rt.ORM_DRIVERS if role == "type" else rt.ORM_CACHES
            need = table.get(value)
            if need is None or (value == "sqlite" and major is not None and major >= 1):
                continue
            if major is not None and major >= 1 and need.alternatives:
                need = rt.Need(need.packages, need.error)
            label = f"TypeORM `type: '{value}'`" if role == "type" else f"TypeORM `cache: {{ type: '{value}' }}`"
            yield label, start, end, need, _RUNTIME_NOTE.get(role, "")

    def _bound_uses(self, facts: FileFacts, bound: dict, source: str, table: dict, skip: str | None = None):
        for name, need in table.items():
            for local in bound.get((source, name), ()):
                stmt = [(i.stmt_start, i.stmt_end) for i in facts.imports if i.specifier == source]
                refs = [r for r in facts.refs.get(local, []) if not any(s <= r[0] < e for s, e in stmt)]
                if refs:
                    packages = tuple(p for p in need.packages if p != skip)
                    yield name, refs[0][0], refs[0][1], rt.Need(packages, need.error, need.alternatives), ""

    def _typeorm_major(self, path: str) -> int | None:
        v = parse_version(self.settings.typeorm_version) if self.settings.typeorm_version else \
            self.ws.typeorm_version(path)
        return v[0] if v else None

    # ------------------------------------------------------------------ versions and fixes

    def version(self, package: str, m: Manifest) -> tuple[str, str] | None:
        """(range, where it comes from) for declaring `package` in `m`: the catalog, the workspace
        protocol, the range most used by siblings, the root, the lockfile, node_modules."""
        siblings = [(r, s) for r, s in self.ws.sibling_ranges(package, exclude=m.path)]
        catalogs = self.ws.catalogs
        catalog_refs = [(r, s) for r, s in siblings if r.startswith("catalog:")]
        if catalog_refs:
            return self._most_used(catalog_refs)
        if package in catalogs.get("default", {}):
            return "catalog:", "from the default catalog of pnpm-workspace.yaml"
        for name in sorted(catalogs):
            if package in catalogs[name]:
                return f"catalog:{name}", f"from the catalog {name!r} of pnpm-workspace.yaml"
        member = self.ws.member(package)
        if member is not None:
            return self._member_version(package, member, siblings)
        usable = [(r, s) for r, s in siblings if _usable_range(r)]
        if usable:
            return self._most_used(usable)
        root = self.root_of(m)
        if root is not m:
            rng = root.range_of(package)
            if rng and _usable_range(rng):
                return rng, f"as in {self.root_label(root)}"
        for lock, importer in self._lockfiles_for(m):
            v = lock.resolved(package, importer)
            if v and v[:1].isdigit():
                where = self.project.rel(lock.path) if lock is not self.ws.lockfile else lock.name
                return f"^{v}", f"{where} resolves {v}"
        installed = self.ws.installed(package, m.dir)
        if installed is not None and installed[0][:1].isdigit():
            return f"^{installed[0]}", f"node_modules has {installed[0]}"
        return None

    def _lockfiles_for(self, m: Manifest) -> list[tuple]:
        """The lockfiles that pin versions for `m`: its own (a nested project with a lockfile of
        its own, such as a docs site) first, then the workspace root's."""
        found = []
        root = self.root_of(m)
        if root.dir != self.ws.root:
            own = self._own_lock(root.dir)
            if own is not None:
                found.append((own, os.path.relpath(m.dir, root.dir).replace(os.sep, "/")))
        if self.ws.lockfile is not None:
            found.append((self.ws.lockfile, self.ws.rel_dir(m)))
        return found

    def _own_lock(self, directory: str) -> Lockfile | None:
        """The lockfile of a nested project rooted at `directory`, read once."""
        path = find_lockfile(directory)
        if path is None:
            return None
        if path not in self._own_locks:
            self._own_locks[path] = self.ws.read_lockfile(path)
        return self._own_locks[path]

    def _member_version(self, package: str, member: Manifest, siblings: list) -> tuple[str, str] | None:
        protocol = [(r, s) for r, s in siblings if r.startswith("workspace:")]
        if protocol:
            return self._most_used(protocol)
        by_version = [(r, s) for r, s in siblings if _usable_range(r)]
        if by_version:
            return self._most_used(by_version)
        where = self.project.rel(member.dir)
        if self.ws.uses_workspace_protocol or self.ws.package_manager == "pnpm":
            return "workspace:*", f"the workspace package in {where}"
        version = member.data.get("version")
        if isinstance(version, str) and version[:1].isdigit():
            if self._pins_siblings():
                return version, f"the version of the workspace package in {where} (the repository pins its packages)"
            return f"^{version}", f"the version of the workspace package in {where}"
        return None

    def _pins_siblings(self) -> bool:
        """Whether most references between workspace packages are exact versions (`"3.5.4"`)."""
        ranges = [r for m in self.ws.member_manifests for s in DEP_SECTIONS
                  for name, r in m.section(s).items() if self.ws.member(name) is not None]
        exact = sum(1 for r in ranges if r[:1].isdigit())
        return bool(ranges) and exact * 2 > len(ranges)

    def _most_used(self, pairs: list[tuple[str, Manifest]]) -> tuple[str, str]:
        pairs = list({(r, s.path): (r, s) for r, s in pairs}.values())  # a manifest counts once
        counts = Counter(r for r, _ in pairs)
        best = max(counts, key=lambda r: (counts[r], version_key(r.lstrip("^~>=<v ")), r))
        sources = sorted(self._rel(s) for r, s in pairs if r == best)
        shown = ", ".join(sources[:3]) + (f" and {len(sources) - 3} more" if len(sources) > 3 else "")
        return best, f"as in {shown}"

    def command(self, m: Manifest, package: str, dev: bool) -> str:
        """The package-manager command that declares `package` in `m` (no version known here)."""
        manager = self.ws.package_manager
        root = self.is_root(m)
        target = m.name or "./" + self.project.rel(m.dir)
        if manager == "pnpm":
            flag = " -D" if dev else ""
            return f"pnpm add{flag} -w {package}" if root and self.ws.definition else \
                (f"pnpm add{flag} {package}" if root else f"pnpm --filter {target} add{flag} {package}")
        if manager == "yarn":
            flag = " -D" if dev else ""
            return f"yarn add{flag} {package}" if root else f"yarn workspace {m.name or target} add{flag} {package}"
        flag = " --save-dev" if dev else ""
        return f"npm install{flag} {package}" if root or not self.ws.definition else \
            f"npm install{flag} {package} -w {m.name or self.project.rel(m.dir)}"

    def _add_or_command(self, message: str, m: Manifest, section: str, package: str,
                        why: str = "") -> tuple[str, Fix | None]:
        """The message's remedy: a safe add with a version every peer range accepts, else the
        package-manager command (and why no version was safe)."""
        ranges = self.peer_ranges(package, m)
        ladder = self.version(package, m)
        chosen = ladder if not ranges else policy.choose(self._candidates(package, m, ladder), ranges)
        if chosen is None:
            if ranges and ladder is not None:
                message += "; " + policy.no_version_reason(package, ranges)
            return message + f"; run `{self.command(m, package, section == 'devDependencies')}`", None
        version, source = chosen
        because = f"; {why}" if why and section == "devDependencies" else ""
        message += f'; add "{package}": "{version}" to {section} ({source}{because})'
        return message, self._add_fix(m, section, package, version, Applicability.SAFE)

    def peer_ranges(self, package: str, m: Manifest) -> list[policy.PeerRange]:
        """The peer ranges that the packages `m` declares place on `package` (lockfile entries at
        the version resolved for `m`, workspace members, node_modules)."""
        out = []
        for dep in sorted({d for s in DEP_SECTIONS for d in m.section(s)}):
            member = self.ws.member(dep)
            if member is not None:
                rng = member.section("peerDependencies").get(package)
                version = member.data.get("version", "")
            else:
                version, rng = self._locked_peer_range(dep, package, m)
            if rng:
                out.append(policy.PeerRange(rng, f"{dep}@{version}" if version else dep))
        return out

    def _locked_peer_range(self, dep: str, package: str, m: Manifest) -> tuple[str, str | None]:
        for lock, importer in self._lockfiles_for(m):
            version = lock.resolved(dep, importer)
            ranges = lock.peer_ranges.get((dep, version or ""))
            if ranges is not None or (version and (dep, version) in lock.peers):
                return version or "", (ranges or {}).get(package)
        installed = self.ws.installed(dep, m.dir)
        if installed is not None and installed[1] and package in installed[1]:
            path = os.path.join(m.dir, "node_modules", *dep.split("/"), "package.json")
            data = self.ws.manifest(path).data if os.path.isfile(path) else {}
            peers = data.get("peerDependencies") if isinstance(data.get("peerDependencies"), dict) else {}
            return installed[0], peers.get(package)
        return "", None

    def _candidates(self, package: str, m: Manifest, ladder: tuple[str, str] | None) -> list[tuple[str, str]]:
        """Versions worth trying when peer ranges constrain `package`: the ladder's, then the one the
        lockfile resolves for this importer, the siblings' other ranges, every locked version."""
        out: list[tuple[str, str]] = [ladder] if ladder is not None else []
        for lock, importer in self._lockfiles_for(m):
            v = lock.importer_peers.get(importer, {}).get(package) or lock.importers.get(importer, {}).get(package)
            if v:
                out.append((f"^{v}", f"{lock.name} resolves {v} for {self._rel(m)}"))
        out += [(r, f"as in {self._rel(s)}") for r, s in self.ws.sibling_ranges(package, exclude=m.path) if _usable_range(r)]
        for lock, _ in self._lockfiles_for(m):
            out += [(f"^{v}", f"{lock.name} holds {v}") for v in sorted(lock.versions.get(package, []), key=version_key,
                                                                         reverse=True)]
        return out

    def _add_fix(self, m: Manifest, section: str, package: str, version: str, applicability: Applicability) -> Fix:
        edit = Edit(m.path, 0, 0, "", json_edit=("add", section, package, version))
        return Fix(applicability, (edit,), f'Add "{package}": "{version}" to {section} of {self._rel(m)}')

    def _at_import(self, rule: Rule, u: Use, message: str, fix: Fix | None) -> Diagnostic:
        return diagnostic(rule, u.path, u.imp.start, u.imp.end, message, fix=fix,
                          specifier=u.imp.specifier, package=u.package, manifest=u.manifest.path)

    def _rel(self, m: Manifest) -> str:
        return self.project.rel(m.path)


# ----------------------------------------------------------------------------- helpers

def _erased(imp: ImportFact, facts: FileFacts) -> bool:
    """A plain import whose every binding is used only in type positions: the compiler drops it
    (`import { Request } from 'express'` used as `(req: Request) => ...`). Annotations that
    decorator metadata emits at runtime do not count as type positions (see facts)."""
    if imp.kind != "import" or imp.side_effect:
        return False
    names = imp.locals
    return bool(names) and all(n in facts.type_only_locals for n in names)


# import forms that execute the package (and so need its peers); `require.resolve` only finds it
_LOADING_KINDS = frozenset({"import", "export-from", "export-star", "import-equals", "require", "dynamic"})


def _types_only_package(package: str) -> bool:
    """A package of type declarations only (`@types/node`, `openapi-types`): never loaded at runtime."""
    return package.startswith("@types/") or package.endswith("-types")


def _metadata_only(imp: ImportFact, facts: FileFacts) -> bool:
    """Every binding is a type or a name in an annotation that decorator metadata emits."""
    names = imp.locals
    meta = facts.metadata_only_locals
    return bool(names) and any(n in meta for n in names) and all(n in meta or n in facts.type_only_locals
                                                                  for n in names)


def _type_only(imp: ImportFact) -> bool:
    """Erased by TypeScript: `import type`, type queries, references, and imports whose every
    named binding is `type`."""
    if imp.type_only or imp.kind in ("type-query", "reference"):
        return True
    if imp.kind in ("import", "export-from") and imp.bindings and imp.default is None and imp.namespace is None:
        return all(b.type_only for b in imp.bindings)
    return False


def _also_runtime(m: Manifest, package: str) -> bool:
    return package in m.section("peerDependencies") or package in m.section("optionalDependencies")


def _usable_range(rng: str) -> bool:
    """A range worth copying: not `*`, `latest`, a tag, or a local path/link protocol."""
    rng = rng.strip()
    if rng.startswith(("workspace:", "link:", "file:", "catalog:", "portal:")):
        return False
    return any(ch.isdigit() for ch in rng)


def _bindings(facts: FileFacts) -> dict[tuple[str, str], set[str]]:
    """(module, imported name) -> local names bound to it by named imports."""
    out: dict[tuple[str, str], set[str]] = {}
    for imp in facts.imports:
        for b in imp.bindings:
            out.setdefault((imp.specifier, b.imported), set()).add(b.local)
    return out
