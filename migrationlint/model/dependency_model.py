"""What the DEP rules decide from: which imports are package uses and whether each runs in
production, what counts as declared where, and which peers an installed package needs, on top of
which manifest owns a file (manifest_owners). No rule is emitted here (checks.dependencies judges).
"""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from migrationlint.model import packages as pk
from migrationlint.model import own_aliases, resolve
from migrationlint.model import runtime_packages as rt
from migrationlint.model.dependency_versions import VersionChoice, importer_key
from migrationlint.model.build_programs import build_tsconfigs
from migrationlint.model.elided_imports import compiled_away, declared_as_types, declared_type_only, inlined_const_enums, \
    metadata_only_names, used_names
from migrationlint.model.published_types import kept_in_declarations
from migrationlint.model.manifest_owners import ManifestOwners
from migrationlint.model.root_deployment import RootDeployment
from migrationlint.model.entry_points import entry_is_source, is_service, names_a_build
from migrationlint.model.package_roles import built_as_application, started_application
from migrationlint.model.nx_script_flags import generated_by_script
from migrationlint.model.nx_projects import generated_manifest
from migrationlint.model.project import Project
from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.lockfile_record import Lockfile, peers_of
from migrationlint.model import fix_policy as policy
from migrationlint.model.hoisting import (hoisted, hoisted_by_name, hoists, plug_n_play, privately_hoisted,
                                          publicly_hoisted, stated_hoisting)
from migrationlint.model.peer_install import PeerPolicy, peer_policy, read_pnpm_settings
from migrationlint.model.package_use import LOADING_KINDS, NEST_CORE, Use
from migrationlint.model.serverless import lambda_runtime_provides, serverless_service
from migrationlint.model.ts_transformers import transformed_away
from migrationlint.model.shipping import Verdict, shipping_for
from migrationlint.model.workspace_roots import runs_its_services
from migrationlint.model.workspace import Manifest


class DependencyModel(ManifestOwners, VersionChoice, RootDeployment):
    """Decisions shared by the DEP rules: which manifest owns a file, what counts as declared,
    where a package must be declared, which peers it needs."""

    def __init__(self, project: Project) -> None:
        super().__init__(project)
        self.settings = project.settings
        self._framework_cache: dict[str, list[str]] = {}
        self._own_locks: dict[str, object] = {}
        self.shipping = shipping_for(project)
        self._policies: dict[str, PeerPolicy] = {}
        self._services: dict[str, bool] = {}
        self._serverless: dict[str, bool] = {}  # manifest -> serverless.serverless_service, once per run
        self._generated: dict[str, str | None] = {}  # manifest -> why its Nx build writes its deployed package.json
        self._member_imports: dict[str, dict[str, bool]] = {}  # member manifest -> {package it imports: only for types}
        self._peers_of_lock: dict[str, frozenset[str]] = {}  # lockfile -> _recorded_peers
        self._loaded_sections: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # see _file_loads_only

    def private_root(self, m: Manifest) -> bool:
        """The root of a workspace (never deployed: its files are the repository's tooling). A
        single-package repository's root is the package itself, and deploys; so is a root that is a
        published package naming what to load (`main`, `exports`), whose workspace holds only its
        sample apps, one that is itself the service (a start script or Dockerfile runs its code), and
        one whose `dependencies` a service of its workspace runs on (workspace_roots.runs_its_services)."""
        published = not m.unpublishable and (bool(m.data.get("exports")) or names_a_build(m))
        return self.is_root(m) and self.shipping.workspace_root(m) and not published and not \
            self.shipping.entries_of_kind(m, "service") and not runs_its_services(self.project, m, self.is_service)

    def tooling_root(self, m: Manifest, verdict: Verdict | None) -> bool:
        """Whether a file of `m` with this verdict belongs to a workspace root as its tooling: not
        when an entry point of the root reaches it (a root that is also the deployed app: its start
        script runs it)."""
        return self.private_root(m) and not (verdict is not None and verdict.ships and not verdict.presumed)

    def verdict(self, path: str) -> Verdict:
        """What --explain-file says: the verdict, settled (Shipping.settle) as a finding would be."""
        manifest = self.owner(path)
        return self.shipping.settle(path, manifest) if manifest is not None else self.shipping.verdict(path, None)

    def uses(self, path: str, facts: FileFacts) -> Iterator[Use]:
        manifest = self.owner(path)
        if manifest is None or manifest.error or not facts.imports:
            return
        verdict: Verdict | None = None  # asked at the first package import: files importing only their own code need none
        for imp in facts.imports:
            if imp.kind == "require-resolve-paths":
                continue  # resolved from the folders it names, by design not from this package
            package = self._package_of(path, imp, manifest)
            if package is None:
                continue
            verdict = verdict or self.shipping.verdict(path, manifest)
            if verdict.inert:
                return
            used = used_names(imp, facts)
            type_only = declared_type_only(imp) or path.endswith((".d.ts", ".d.mts", ".d.cts")) \
                or compiled_away(imp, facts, used, self._elides(path))
            build_time = pk.evaluated_at_build(package, path)  # a stylesheet compiled away (vanilla-extract)
            metadata_only = metadata_only_names(facts, used or list(imp.locals))
            if metadata_only and not type_only and (self.types_known(package, manifest) or pk.declarations_module(
                    imp.specifier, package)) and self._unused_dropped(path, imp):  # unless imports are kept as written
                # names of a declaration-only package or module used only in decorated signatures are taken for
                # what they nearly always are (`@Req() req: Request` from express): interfaces, which decorator
                # metadata emits as `Object`, so tsc elides the import. A class of such a package used only
                # there is missed (the rule page says so).
                type_only = True
            elif metadata_only and not type_only and declared_as_types(self.project, path, imp, used) \
                    and self._unused_dropped(path, imp):
                type_only = True  # a workspace package's `type`/`interface`: decorator metadata emits `Object`
            elif not type_only and imp.kind == "import" and not imp.side_effect and self.ws.member(package) is not None \
                    and self._inlines_const_enums(path, imp, [n for n in used if n not in facts.type_only_locals], manifest):
                type_only = True  # `UnitType.ARCHER` of a workspace `const enum`: tsc inlines it, drops the import
            elif not type_only and transformed_away(self.project, path, package):
                type_only = True  # a workspace transformer of the tsconfig's plugins replaces what it imports
            elif not type_only and imp.side_effect and "__" in package and (not verdict.ships or verdict.presumed) \
                    and self.types_declared(package, manifest) and self.held_nowhere(package, manifest):
                # `import 'recurly__recurly-js'` in a file no entry reaches: DefinitelyTyped's spelling of a scoped
                # package, which only the declared `@types/recurly__recurly-js` holds; tsc reads it for its types
                type_only = True
            dev = not verdict.ships or imp.kind == "mock" or build_time or imp.dev_only  # dev_only: NODE_ENV says so
            unused = type_only and not used and bool(imp.locals) and not declared_type_only(imp)
            yield Use(path, imp, package, manifest, type_only, dev, verdict, metadata_only, unused)

    def types_declared(self, package: str, m: Manifest) -> bool:
        """Whether `m` or its project's root declares the `@types/...` package of `package`."""
        types = pk.types_package(package)
        return types != package and (m.declared(types) is not None or self.root_of(m).declared(types) is not None)

    def types_known(self, package: str, m: Manifest) -> bool:
        """Whether the types of `package` come from an `@types/...` package that `m`'s project
        declares, or that a manifest, the lockfile or node_modules holds (express's, pulled in by
        another @types package): the package itself ships none, so its names are interfaces."""
        types = pk.types_package(package)
        return types != package and (self.types_declared(package, m) or self.known(types, m))

    def held_nowhere(self, package: str, m: Manifest) -> bool:
        """Whether no manifest, lockfile or node_modules knows `package` (no version to suggest)."""
        return not self.known(package, m) and self.version(package, m) is None

    def member_loads_nothing_of(self, member: Manifest, package: str, seen: frozenset[str] = frozenset()) -> bool:
        """Whether nothing of a workspace package loads `package`: a peer it declares and imports
        only for types (`import { DataSourceOptions } from 'typeorm'`), or never imports while no
        package it declares takes it as a peer (a peer list copied from a template), so an importer
        that lacks the peer fails nowhere. A peer it never imports that a package it declares (or
        imports) takes as a peer may be loaded by that package (an ORM loads its driver), unless it
        imports that package only for types (a form library's schema types: nothing of it loads),
        or that package is a workspace member that loads nothing of it either (the same copied list)."""
        if member.path in seen or not self.project.package_sources(member.dir):
            return False  # no TypeScript source (built JavaScript, a package of another language): nothing known
        found = self.imports_of(member)
        if package in found:
            return found[package]
        # what may load it: a dependency not imported only for types, or what it imports by value (a
        # stale peer it never imports loads nothing; nor does a devDependency in shipping code)
        declared = {p for section in ("dependencies", "optionalDependencies") for p in member.section(section)
                    if p != package and not found.get(p)} | {p for p, types in found.items() if not types and p != package}
        return not any(package in self.peer_list(p, member) and not self._sibling_loads_nothing(p, package, seen | {member.path})
                       for p in declared)

    def _sibling_loads_nothing(self, name: str, package: str, seen: frozenset[str]) -> bool:
        sibling = self.project.workspace.member(name)
        return sibling is not None and not sibling.error and self.member_loads_nothing_of(sibling, package, seen)

    def imports_of(self, member: Manifest) -> dict[str, bool]:
        """{package: whether only for types} of what the member's files outside its tests import,
        from one pass over them that answers for every package."""
        found = self._member_imports.get(member.path)
        if found is None:
            found = self._member_imports[member.path] = {}
            for path in self.project.package_sources(member.dir):
                for use in self._uses_of(path):
                    if not use.test:
                        found[use.package] = found.get(use.package, True) and use.type_only
        return found

    def _uses_of(self, path: str) -> Iterator[Use]:
        facts = self.project.facts(path)
        return self.uses(path, facts) if facts is not None and not facts.skipped else iter(())

    def _unused_dropped(self, path: str, imp: ImportFact) -> bool:
        """Whether the compiler drops `imp` when the file uses none of its names as values (unused
        ones too: it still needs the package's types): yes, unless the file's tsconfig keeps
        imports as written."""
        return imp.kind == "import" and not imp.side_effect and bool(imp.locals) and self._elides(path)

    def _inlines_const_enums(self, path: str, imp: ImportFact, values: list[str], m: Manifest) -> bool:
        """Whether the names the file uses as values from `imp` are all `const enum`s of workspace
        source that the package's build, tsc alone over a program that inlines them, replaces by
        their members: nothing of the import is left in the output (any other compiler keeps it)."""
        config = resolve.resolver_for(self.project).tsconfig_for(path)
        return bool(values) and config is not None and config.inlines_const_enums \
            and inlined_const_enums(self.project, path, imp, values) and build_tsconfigs(m) is not None

    def _elides(self, path: str) -> bool:
        """Whether the compiler drops an import of the file whose names are types only: yes, unless
        its tsconfig keeps imports as written (verbatimModuleSyntax, preserveValueImports)."""
        config = resolve.resolver_for(self.project).tsconfig_for(path)
        return config is None or not config.keeps_unused_imports

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
        """Framework packages declared by the manifest or the workspace root (virtual modules), and
        for a package whose entries are TypeScript source, by its dependents: their compilers build
        its files (a Next app's bundle maps `server-only` in a shared auth package's source)."""
        found = self._framework_cache.get(manifest.path)
        if found is None:
            owners = [manifest, self.root_of(manifest), *(self.shipping.dependents(manifest) if entry_is_source(manifest) else ())]
            found = self._framework_cache[manifest.path] = [n for n in pk.VIRTUAL_MODULES if any(m.declared(n) for m in owners)]
        return found

    def _is_alias(self, path: str, spec: str) -> bool:
        for prefix in self.settings.aliases:
            p = prefix.rstrip("*")
            if spec == prefix or spec == p.rstrip("/") or (p and spec.startswith(p if p.endswith("/") else p + "/")):
                return True
        return own_aliases.is_alias(self.project, path, spec)

    def root_counts(self, test: bool, type_only: bool) -> bool:
        """Whether the root manifest's declarations satisfy this use (the `hoisting` setting)."""
        policy = self.settings.hoisting
        return policy == "all" or (policy == "test-files" and (test or type_only))

    def declared_in(self, m: Manifest, package: str, type_only: bool) -> str | None:
        return m.declared(package) or (m.declared(pk.types_package(package)) if type_only else None)

    def known(self, package: str, manifest: Manifest) -> bool:
        """Whether any manifest, the workspace's lockfile, node_modules, or the lockfile of the
        project `manifest` belongs to (a service nested with a lockfile of its own) knows it."""
        if self.ws.known(package) or self.ws.installed(package, manifest.dir) is not None:
            return True
        _, lock, _ = self._root_install(manifest)
        return lock is not None and lock.knows(package)

    def placement(self, u: Use, package: str | None = None) -> policy.Placement:
        """Where a fix for this use adds `package` (the used package by default)."""
        m, package = u.manifest, package or u.package
        bundled = self.shipping.bundled(m, package)
        # an example project's code runs from its own install, unless it keeps every package in devDependencies
        example = u.verdict is not None and u.verdict.example and bool(m.section("dependencies") or not m.section("devDependencies"))
        kept = u.type_only and u.verdict is not None and u.verdict.ships and not u.test and m.declared(package) is None \
            and kept_in_declarations(m, self.project.facts(u.path), u.imp, self.published_library,
                                     lambda: self.project.bytes_of(u.path))  # only a missing package's fix asks
        found = policy.placement(package, m, not u.test or example, u.type_only, self.tooling_root(m, u.verdict), bundled, kept)
        if u.unused and found.why == policy.TYPE_POSITIONS:
            return policy.Placement(found.section, "none of its names is used, so the compiler drops the import "
                                                   "(removing the import is the other remedy)")
        if bundled and found.section == "dependencies" and self._file_loads_only(u, "devDependencies"):
            return policy.Placement("devDependencies", f"the package ships a bundle ({bundled}) and keeps the "
                                                       "libraries this file loads in devDependencies", bundled=True)
        if bundled and found.section == "dependencies" and self._dependencies_left_external(m):
            return policy.Placement("devDependencies", f"the package ships a bundle ({bundled}) whose dependencies "
                                                       "are only the packages it leaves out of it", bundled=True)
        if found.section == "dependencies" and lambda_runtime_provides(m.dir, package):
            return policy.Placement("devDependencies", "the Lambda runtime of the service's functions provides it: "
                                                       "kept out of the uploaded package")
        if u.verdict is not None and u.verdict.bundle_input and found.section == "devDependencies" and not u.type_only:
            if self._file_loads_only(u, "dependencies"):
                return policy.Placement("dependencies", "the package keeps the libraries this bundled file loads there")
            if not any(self._loaded_sections[u.path]) and m.section("dependencies") and not self.published_library(m):
                return policy.Placement("dependencies", "the package keeps the libraries its bundle loads there")
        return found

    def _dependencies_left_external(self, m: Manifest) -> bool:
        """Whether every package `m` lists in `dependencies` is one its bundle names external: what it
        inlines is kept in devDependencies (a bundled CLI)."""
        listed = m.section("dependencies")
        return bool(listed) and not any(self.shipping.bundled(m, name) for name in listed)

    def _file_loads_only(self, u: Use, section: str) -> bool:
        """Whether every other package the importing file loads, that its manifest declares, is in
        `section` (devDependencies, or any other section for "dependencies"), not counting what a
        runtime provides (`electron`, always there): where a bundled package with both sections (an
        Electron app, whose `dependencies` the packager ships unbundled; a web app beside its server)
        keeps what this code's bundle holds."""
        found = self._loaded_sections.get(u.path)
        if found is None:  # asked for each use of the file: (packages in devDependencies, in another section), once
            facts = self.project.facts(u.path)
            sections = {name: u.manifest.declared(name) for name in (
                pk.package_name(i.specifier) for i in (facts.imports if facts is not None else ())
                if i.kind in LOADING_KINDS and not i.type_only and pk.classify(i.specifier) == "package")
                if name and name not in policy.PROVIDED_BY_RUNTIME and not name.startswith("@types/")}
            found = self._loaded_sections[u.path] = (
                frozenset(n for n, s in sections.items() if s == "devDependencies"),
                frozenset(n for n, s in sections.items() if s not in (None, "devDependencies")))
        dev, other = found
        if section == "devDependencies":
            return not other - {u.package} and bool(dev - {u.package})
        return not dev - {u.package} and bool(other - {u.package})

    def section_for(self, u: Use) -> str:
        return self.placement(u).section

    def peer_list(self, package: str, m: Manifest) -> dict[str, bool]:
        """{peer: optional} of `package` as installed for `m`: the workspace member's manifest, the lockfile of
        `m`'s project, node_modules, else the built-in table (at the version that lockfile resolves, else the
        lowest the declared range allows; less what the lockfile says the package depends on itself)."""
        member = self.ws.member(package)
        if member is not None:
            return peers_of(member.data)
        root, lock, _ = self._root_install(m)  # a nested project's own lockfile: its versions
        version = lock.resolved(package, importer_key(m, root)) if lock is not None else None
        if lock is not None:
            peers = lock.peer_deps(package, version)
            if peers is not None:
                return peers
        installed = self.ws.installed(package, m.dir)
        if installed is not None and installed[1] is not None:
            return installed[1]
        own = lock.dependencies_of.get((package, version or ""), frozenset()) if lock is not None else frozenset()
        first = version or rt.lowest_version(m.range_of(package))  # none installed: what the range allows first
        return {p: False for p in rt.known_peers(package, first) if p not in own}

    def _root_install(self, m: Manifest) -> tuple[Manifest, Lockfile | None, str]:
        """The root manifest of `m`'s project, its lockfile and its package manager."""
        root = self.root_of(m)
        lock = self.ws.lockfile if root.dir == self.ws.root else self._own_lock(root.dir)
        manager = self.ws.package_manager if root.dir == self.ws.root or lock is None else lock.manager
        return root, lock, manager

    def production_install(self, m: Manifest) -> str:
        """The command installing `m`'s project without devDependencies, in its package manager's
        words (npm's and pnpm's when no lockfile says which manager it is)."""
        _, lock, manager = self._root_install(m)
        if lock is None:  # no lockfile read: the manager the repository names, if any (bun's binary lockfile)
            return _PRODUCTION_INSTALLS.get(manager, "`npm ci --omit=dev`, `pnpm install --prod`")
        return _PRODUCTION_INSTALLS.get(lock.kind, "`npm ci --omit=dev`")

    def hoisted_at_root(self, package: str, m: Manifest) -> bool:
        """Whether the root install of `m`'s project puts `package` where every file finds it."""
        root, lock, manager = self._root_install(m)
        if self.ws.installed(package, m.dir) is not None:
            return True
        # declared in this install, in how many ranges: by its root or a package of the same project (not another's)
        ranges = {r for r, s in self.ws.sibling_ranges(package, exclude=m.path) if self.root_of(s).dir == root.dir}
        declared = len(ranges | {v for k, v in root.section(root.declared(package) or "").items() if k == package})
        if lock is not None and lock.knows(package) and hoisted_by_name(package, root.dir, manager):
            return True  # a pattern written for it: at the root on purpose, whoever brings it
        return (hoists(root.dir, manager, lock) or publicly_hoisted(package, root.dir, manager)) \
            and hoisted(package, self.ws.member(package) is not None, declared, lock, stated_hoisting(root.dir, manager))

    def types_named(self, package: str, m: Manifest) -> bool:
        """Whether a pattern other than `*` hoists `package`'s `@types/...` package publicly (`@types/*`) and the lockfile
        installs it: at the root on purpose, where a type-only import finds it whoever brings it."""
        types, (root, lock, manager) = pk.types_package(package), self._root_install(m)
        return types != package and lock is not None and lock.knows(types) and hoisted_by_name(types, root.dir, manager)

    def install_hoists(self, m: Manifest) -> bool:
        """Whether the root install of `m`'s project hoists (npm, yarn's node_modules linker), as
        opposed to giving each package only what it declares (pnpm, Plug'n'Play)."""
        root, lock, manager = self._root_install(m)
        return hoists(root.dir, manager, lock)

    @cached_property
    def taken_as_peer(self) -> frozenset[str]:
        """The packages some package requires as a peer, by the workspace lockfile's records and
        the built-in table: frameworks shared with the application (`@nestjs/common`, rxjs), whose
        one copy a published library leaves to it."""
        lock = self.ws.lockfile
        return (self._recorded_peers(lock) if lock else frozenset()) | rt.SHARED_PEERS

    def framework_of(self, package: str, m: Manifest) -> str | None:
        """A framework singleton that `package` itself depends on, by the lockfile of `m`'s project:
        Nest's core (`@vendure/core` brings `@nestjs/common`), the injector whose second copy in a
        plugin's `dependencies` would split it. Not any package some package takes as a peer: most
        libraries depend on one (tslib, zod, postcss) and are no host a plugin plugs into. None
        otherwise, or without a lockfile."""
        root, lock, _ = self._root_install(m)
        if lock is None:
            return None
        shared = sorted(lock.dependencies_at(package, importer_key(m, root)) & NEST_CORE)
        return shared[0] if shared else None

    def _recorded_peers(self, lock: Lockfile) -> frozenset[str]:
        """What `lock` records as some package's required peer: once per lockfile."""
        found = self._peers_of_lock.get(lock.path)
        if found is None:
            found = self._peers_of_lock[lock.path] = frozenset(
                p for peers in lock.peers.values() for p, optional in peers.items() if not optional)
        return found

    def root_host_bringing(self, m: Manifest, package: str) -> str | None:
        """A framework (`framework_of`) among the devDependencies of the root of `m`'s project whose
        lockfile entry depends on `package`: the host `m`'s plugins are developed against."""
        root, lock, _ = self._root_install(m)
        if lock is None or root is m:
            return None
        for host in sorted(root.section("devDependencies")):
            if package in lock.dependencies_at(host, ".") and self.framework_of(host, root) \
                    and not self.member_loads_nothing_of(m, host):  # the plugin uses that host
                return host
        return None

    def published_library(self, m: Manifest) -> bool:
        """Whether `m` is a package others install to use: publishable, no `bin` (an application
        installed to run), no service (a start script, nest-cli.json, a Dockerfile), and not an
        application started by a framework's command line (`"start": "shop-cli start"`) that offers
        nothing to import (no entry field, no index file at its top), nor one a script builds as an
        application (`electron-vite build`, `next build`), nor a Serverless Framework service."""
        return not (m.unpublishable or m.data.get("bin") or self.is_service(m) or started_application(m)
                    or built_as_application(m) or self.serverless(m))

    def optional_features_its_users_install(self, m: Manifest) -> bool:
        """Whether a load on demand in `m` is an optional feature its users install: a published
        library, or a publishable package whose `bin` comes beside something to import (`main`,
        `module`, `exports`) and that plugs into a host (peerDependencies: a framework's type generator
        run in the projects that use it) or is the host its workspace's plugins take as a peer (an SDK
        with a CLI). Not a service, nor an application installed to run (an indexer's node)."""
        return self.published_library(m) or (
            not m.unpublishable and bool(m.data.get("bin")) and not self.is_service(m) and not started_application(m)
            and any(m.data.get(k) for k in ("main", "module", "exports")) and (bool(m.section("peerDependencies")) or any(
                m.name in member.section("peerDependencies") for member in self.ws.members.values())))

    def plug_n_play(self, m: Manifest) -> bool:
        """Whether `m`'s project installs with yarn's Plug'n'Play (no node_modules folders)."""
        root, lock, manager = self._root_install(m)
        return plug_n_play(root.dir, manager, lock, root.data.get("packageManager"))

    def peer_linked(self, peer: str, m: Manifest) -> bool:
        """Whether pnpm's lockfile records `peer` resolved for a dependency of `m`'s importer
        (`x@1.0.0(peer@2.0.0)`): pnpm links it beside that dependency, whose import of it works."""
        root, lock, _ = self._root_install(m)
        return lock is not None and lock.kind == "pnpm" and peer in lock.importer_peers.get(importer_key(m, root), {})

    def linked_beside(self, package: str, requirer: str | None, m: Manifest) -> bool:
        """Whether pnpm's lockfile records `package` resolved as a peer of `m`'s dependency `requirer`
        (`@nestjs/common@10.2.7(class-validator@0.14.0)`): pnpm links it beside `requirer`, whose
        require() of it works whatever `m` declares."""
        if requirer is None:
            return False
        root, lock, _ = self._root_install(m)
        return (lock is not None and lock.kind == "pnpm"
                and package in lock.linked_peers.get(importer_key(m, root), {}).get(requirer, ()))

    def hoisted_by_accident(self, package: str, m: Manifest, from_store: bool) -> bool:
        """Whether the install holds `package` only because something else installs it, where the
        loading code finds it: hoisted to the root, publicly hoisted by pnpm, or, for a package of
        pnpm's store (`from_store`: no linked workspace package), privately hoisted. It loads
        today, by an accident of the install's layout."""
        root, lock, manager = self._root_install(m)
        return lock is not None and lock.knows(package) and (
            hoists(root.dir, manager, lock) or publicly_hoisted(package, root.dir, manager)
            or from_store and privately_hoisted(package, root.dir, manager))

    def is_service(self, m: Manifest) -> bool:
        """entry_points.is_service, asked once per manifest in a run (it reads nest-cli.json and the Dockerfile)."""
        if m.path not in self._services:
            self._services[m.path] = is_service(m, self.ws.nx_projects_within(m.dir))
        return self._services[m.path]

    def serverless(self, m: Manifest) -> bool:
        """serverless.serverless_service for `m`'s folder, asked once per manifest in a run."""
        if m.path not in self._serverless:
            self._serverless[m.path] = serverless_service(m.dir)
        return self._serverless[m.path]

    def generated_manifest(self, m: Manifest) -> str | None:
        """nx_projects.generated_manifest (or the same option a script's command line gives), once per manifest."""
        if m.path not in self._generated:
            self._generated[m.path] = generated_manifest(m.dir) or generated_by_script(m.dir)
        return self._generated[m.path]

    def peer_policy(self, m: Manifest) -> PeerPolicy:
        """How the package manager of `m`'s project treats peers (its own root's lockfile and .npmrc)."""
        root = self.root_of(m)
        found = self._policies.get(root.dir)
        if found is None:
            _, lock, manager = self._root_install(m)
            found = self._policies[root.dir] = peer_policy(root.dir, manager, self.ws.manager_field(root), lock,
                                                           read_pnpm_settings(root.dir))
        return found

    def satisfied(self, m: Manifest, package: str, test: bool) -> bool:
        """Declared by `m`, or by its root under any hoisting policy but `none` (the package is
        then part of the repository's install); for a nested project's root, by the root of the
        project around it (Node's lookup walks up into its node_modules); for an app a member's Nest
        monorepo builds, by that member's `dependencies`."""
        if m.declared(package) or package == m.name:
            return True
        root = self.root_of(m)
        outer = root if root is not m else self.enclosing_root(m)
        if outer is not None and self.settings.hoisting != "none" and outer.declared(package) is not None:
            return True
        return self.built_with(m, package)


_PRODUCTION_INSTALLS = {"pnpm": "`pnpm install --prod`", "yarn-classic": "`yarn install --production`",
                        "yarn-berry": "`yarn workspaces focus --production`", "bun": "`bun install --production`"}
