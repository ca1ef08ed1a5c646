"""DEP001's message and fix for an undeclared import: the section to add it to and a version, an
install command when no version is known, or why no install command fits (a path that reads like
a package name, a name in the wrong case), and when the addition is unsafe (a host framework's
package, a cycle of workspace dependencies) or no addition at all (a published package's
on-demand load: an optional peer).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from migrationlint.checks.unimported_files import unimported_note
from migrationlint.checks.unloaded_imports import MockedPackages, stale_mock, unused_import
from migrationlint.checks.loads_today import LoadsToday
from migrationlint.checks.peer_hosts import sibling_peer
from migrationlint.checks.workspace_cycles import workspace_cycle
from migrationlint.diagnostics import Applicability, Fix, Severity
from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.model import packages as pk
from migrationlint.model.package_use import LOADING_KINDS, NEST_CORE, Use
from migrationlint.model.dependency_versions import importer_key
from migrationlint.model.leftover_folders import leftover_folder
from migrationlint.model.project import Memo
from migrationlint.model.read_by_tests import read_by_its_test
from migrationlint.model.resolve import resolver_for
from migrationlint.model.sibling_aliases import alias_elsewhere
from migrationlint.model.umbrella_reexports import reexports
from migrationlint.model.unchecked_files import unchecked_file
from migrationlint.model.workspace import Manifest
from migrationlint.model.package_roles import declares_its_own
from migrationlint.model.workspace_definition import unlisted_member_folder


# the folder of a package's own build output, which a deep import names and DefinitelyTyped never mirrors
_BUILD_PATH = re.compile(r"(?:dist|build|esm|cjs)/")


_LOCAL_SPECS = ("file:", "link:", "workspace:", "portal:", "git", "http", "npm:")  # not a registry name the lockfile keys


class UndeclaredImports(LoadsToday, MockedPackages):
    """Mixin of DependencyChecks: DEP001's diagnostic for one undeclared use."""

    def reported_use(self, u: Use) -> Use:
        """The use as DEP001 reports it. A type-only use of a package whose types an `@types/...`
        package holds names that package (`mdx/types`, express 4's `Request`: declaring express
        fixes nothing under noImplicitAny), unless the file's tsconfig allows implicit `any` and the
        package's files load the package as a value too: the declaration their finding adds serves
        the types as well (an unused `import * as _ from 'lodash'` beside files that call `_`). So
        does a value use of a module a runtime provides (`_provided_by_runtime`)."""
        types = pk.types_package(u.package)
        if types == u.package or not self.known(types, u.manifest) or self._types_stub(types, u.manifest) \
                or _BUILD_PATH.match(u.imp.specifier[len(u.package) + 1:]):
            return u  # `react-router/dist/lib/context`: a file of the package's own build, which no @types mirrors
        if not u.type_only:  # a runtime's module (`vscode`, `k6`): nothing installs it, its types are what a fix adds
            return replace(u, package=types) if self._provided_by_runtime(u) else u
        if self._loaded_as_value(u) and self._allows_implicit_any(u.path):
            return u
        return replace(u, package=types)

    def root_serves(self, u: Use, outer: Manifest) -> bool:
        """Whether a declaration in `outer`, the root `u`'s package installs under, serves the use
        (DEP005 stays silent): the `hoisting` setting counts the root for it, or it loads nothing
        in production, or the root's install is what deploys the package, or it is test support, or a
        transform's case a test of its folder reads as text (a codemod's `basic.input.ts`: nothing loads it)."""
        return self.root_counts(u.test, u.type_only) or not (self.settings.hoisting == "none" or self._production_value_use(u)) \
            or self._deployed_with_root(u, outer) or self._test_support(u) or read_by_its_test(self.project, u.path) \
            or self._brought_by_peer_host(u) or self.served_by_module_homes(u)

    def _declaring_manifest(self, u: Use) -> Manifest:
        """Where DEP001's fix declares the package: the importer's manifest, unless that declares
        no package at all while its root declares packages its files import and serves them to it
        (an Nx repository that keeps one version of everything in the root package.json). A package
        of the workspace itself is the importer's dependency whatever the root holds (the build graph)."""
        m = u.manifest
        root = self.root_of(m)
        if root is m or declares_its_own(m, self.ws) or self.ws.member(u.package) is not None \
                or not self.root_serves(u, root):
            return m
        return root if any(root.declared(p) for p in self.imports_of(m)) else m

    def _type_query_of_a_load(self, u: Use) -> bool:
        """`require('x') as typeof import('x')`: the type query names the module an import or a load of
        the same file already names, whose finding is the one to act on (a second, for what tsc erases,
        repeats it: a global types file's fifty `typeof import('vue')` beside its `import type`).
        Not beside a load in a `try` that carries on without it, which is not reported."""
        facts = self.project.facts(u.path) if u.imp.kind == "type-query" else None
        return facts is not None and any(i.kind in LOADING_KINDS and not i.guarded and pk.package_name(i.specifier) == u.package
                                         for i in facts.imports)

    def _loads_nothing(self, u: Use, rel: str) -> tuple[str, Fix | None, Severity | None] | None:
        """DEP001 for an import that loads nothing, whose remedy is to delete it: a stale mock, an
        unused import of a package installed nowhere (unloaded_imports); None for any other."""
        m = u.manifest
        if u.imp.kind == "mock" and not self._loaded_beside_mocks(u):
            broken = self.held_nowhere(u.package, m) and self._install_known(m)  # the runner cannot resolve it
            return stale_mock(u.package, rel, broken), None, None if broken else Severity.WARNING
        if u.unused and self.held_nowhere(u.package, m) and self._install_known(m):
            return unused_import(u.package, rel), None, None
        return None

    def _types_stub(self, types: str, m: Manifest) -> bool:
        """Whether the lockfile marks the `@types/...` package deprecated (a stub left after the
        package began to ship its own types, `@types/mongoose` 5.11.97): never the one to declare.
        Also the lockfile of a sibling that declares it (a project of its own), whose range the
        advice would copy."""
        owners = [m, *(s for _, s in self.ws.sibling_ranges(types, exclude=m.path))]
        return any(lock.deprecated_at(types, importer) for o in owners for lock, importer in self._lockfiles_for(o))

    def _provided_by_runtime(self, u: Use) -> bool:
        """A module held nowhere (no manifest, lockfile or node_modules) whose `@types/...` the
        repository knows, in a package with a lockfile, and that a manifest's `engines` names as
        its runtime (`"engines": {"vscode": "^1.90.0"}`): that runtime provides it (an editor's
        extension host), as `_runtime_module` says where the package declares the types. Without
        such a runtime, the package is missing (`supertest` beside its `@types/supertest`)."""
        return self.held_nowhere(u.package, u.manifest) and bool(self._lockfiles_for(u.manifest)) \
            and self.runtime_engine(u.package, u.manifest)

    def _loaded_as_value(self, u: Use) -> bool:
        """Whether a file of the package loads `u.package` as a value (not in a guarded `try`): the
        linted files, else, in a run over a few files, the package's others."""
        key = (u.manifest.path, u.package)
        if key not in self.value_loads:
            if not any(not v.type_only and not v.imp.guarded for v in self._uses_outside_run(u.manifest, u.package)):
                return False
            self.value_loads.add(key)
        return True

    def _install_known(self, m: Manifest) -> bool:
        """Whether a lockfile that holds what `m` declares, or a node_modules folder, says what `m`'s
        install holds (a lockfile that lacks a package `m` declares does not: older than the manifest, or
        another install's)."""
        return bool(self._lockfiles_for(m)) and self._lacked_by_lockfile(m) is None \
            or os.path.isdir(os.path.join(self.root_of(m).dir, "node_modules"))

    def _lacked_by_lockfile(self, m: Manifest) -> str | None:
        """A registry package `m` declares that none of its lockfiles holds: the lockfile is older
        than the manifest, and what it lacks, the packages that one brings are unknown."""
        locks = [lock for lock, _ in self._lockfiles_for(m)]
        return next((name for section in ("dependencies", "devDependencies") for name, spec in m.section(section).items()
                     if self.ws.member(name) is None and not spec.startswith(_LOCAL_SPECS)
                     and not any(lock.knows(name) or lock.links(name) for lock in locks)), None)

    def _unknown_install(self, m: Manifest) -> str:
        """Why no lockfile says what `m`'s install holds, for DEP001's message."""
        if os.path.isfile(os.path.join(self.root_of(m).dir, "bun.lockb")):
            return " (bun.lockb, bun's binary lockfile, is not read: it may hold it)"
        lacked = self._lacked_by_lockfile(m) if self._lockfiles_for(m) else None
        return (f' (the lockfile lacks "{lacked}", which {self._rel(m)} declares: it does not describe this '
                "package's install)") if lacked else ""

    def _allows_implicit_any(self, path: str) -> bool:
        config = resolver_for(self.project).tsconfig_for(path)
        return config is not None and config.allows_implicit_any

    def _undeclared_finding(self, u: Use, section: str) -> tuple[str, Fix | None, Severity | None]:
        """(message, fix, severity unless the rule's) of DEP001 for `u`, whose fix adds to `section`."""
        m = u.manifest
        rel = self._rel(m)
        if u.package in pk.RUNTIME_MODULES:
            types = pk.types_package(u.package)
            return (f'"{u.imp.specifier}" is a module of {pk.RUNTIME_MODULES[u.package]} that runs this file, never installed '
                    f'from the registry: tsc needs only its types, "{types}", which {rel} does not declare; run '
                    f"`{self.command(m, types, 'devDependencies')}`"), None, Severity.WARNING
        nothing = self._loads_nothing(u, rel)
        if nothing is not None:
            return nothing
        known = self.known(u.package, m) or self.version(u.package, m) is not None
        misnamed = None if known else self._not_a_package(u)
        if misnamed is not None:
            return misnamed, None, None
        apart = None if known else self._declared_apart(u.package)
        where = f"not declared in {rel}" if known else (
            f"not declared in {rel}: only {self._rel(apart)}, a project of its own, declares it" if apart is not None
            else "not declared or installed anywhere in this repository" if self._install_known(m)
            else "not declared anywhere in this repository, and no lockfile read here says what its install holds"
            + self._unknown_install(m))
        message = f'"{u.package}" is imported but {where}'
        if u.package.startswith("@types/") and not u.imp.specifier.startswith("@types/"):
            message = f'"{u.package}" (the types of "{u.imp.specifier}") is needed but {where}'
        message += self._loads_today(u) if known else self._added_as_peer(u)  # no lockfile: the peer a manifest implies
        message += self._installed_as_alias(u)
        own = self.placement(u)
        peer = sibling_peer(self, u) if section == "dependencies" and known else None
        if peer is not None:  # react, @nestjs/common: the one copy the application shares
            version, source = peer
            return (message + f'; declare "{u.package}": "{version}" in peerDependencies of {rel} ({source}: a '
                    f"published package that plugs into it lets the application install the one copy it shares)"), \
                self._add_fix(m, "peerDependencies", u.package, version, Applicability.UNSAFE), None
        if u.on_demand and not u.test and self.optional_features_its_users_install(m) \
                and (section == "dependencies" or (own.bundled and own.section == section)):
            # a published package's on-demand load: an optional feature, which its users install (a
            # bundler leaves a peer external, and a load in a `try` it cannot resolve in place); not in
            # an application installed to run (a `bin` alone) or a deployed service, which needs it whenever
            # that code runs; nor a test's `require` in a callback, which runs on every test run
            return (message + f'; it is loaded on demand, like an optional feature: declare "{u.package}" in '
                    f"peerDependencies of {rel}, marked optional in peerDependenciesMeta, so that the users who "
                    "enable the feature install it"), None, Severity.WARNING
        if own.section == section:
            why = own.why
        elif section == "dependencies":
            host = self.peer_host_needing(u.package, m)
            why = self._needed_elsewhere(u) or (f'"{host}", a dependency, requires it as a peer, and the '
                                                 f"repository uses {self.peer_policy(m).setting}" if host else "")
        else:  # presumed to ship, settled otherwise (_only_presumed): say how, for this file
            settled = self.shipping.settle(u.path, m) if u.verdict is not None and u.verdict.unsettled else None
            why = settled.reason if settled is not None and not settled.ships else \
                "no entry point reaches the file and only tests, test support or developer tools import it"
        cyclic = self._closing_a_cycle(m, u.package, section)
        if cyclic is not None:  # the one remedy breaks the build graph: a warning, no fix
            return message + cyclic, None, Severity.WARNING
        note, leftover = self._unlisted_member(u)
        if leftover:
            return message + leftover, None, None
        return self._declare_remedy(u, message, section, why, known, note)

    def _declare_remedy(self, u: Use, message: str, section: str, why: str, known: bool,
                        note: str) -> tuple[str, Fix | None, Severity | None]:
        """DEP001's remedy when declaring the package is it: where and how, and a warning where
        nothing fails today (a file no tsc program reads)."""
        m = u.manifest
        target = self._declaring_manifest(u)
        if target is not m:
            message += f"; {self._rel(m)} declares no package of its own: its others come from the root {self._rel(target)}, where this one goes too"
        message, fix = self._add_or_command(message, target, section, u.package, why)
        message, fix = self._unless_host_provided(message, fix, m, u.package, section)
        message, fix = self._or_umbrella_subpath(u, message, fix) if known else (message, fix)
        unchecked = unchecked_file(self.project, resolver_for(self.project), u.path) if u.type_only else None
        if unchecked is not None:  # as IMP002 and IMP003 say of such a file: nothing fails, an editor shows it
            return message + note + f"; nothing fails: {unchecked} TS2307", fix, Severity.WARNING
        return message + note + unimported_note(self.project, u), fix, None

    def _closing_a_cycle(self, m: Manifest, package: str, section: str) -> str | None:
        """What DEP001 says when declaring `package` in `m` would close a cycle of workspace packages."""
        found = workspace_cycle(self.project, m, package)
        if found is None:
            return None
        cycle, imported_back = found
        back = f", {package} importing {m.name} undeclared too" if imported_back else ""
        return (f"; declaring it in {section} would close a cycle of workspace dependencies "
                f"({' -> '.join([m.name, *cycle])}{back}), which Turborepo, Nx and pnpm -r refuse to order, so it "
                "resolves only where every workspace package is linked at the root or the application declares "
                "both: move the code it needs, or break the cycle")

    def _or_umbrella_subpath(self, u: Use, message: str, fix: Fix | None) -> tuple[str, Fix | None]:
        """The other remedy, and the declaration made unsafe, for an umbrella package's internal
        package (`@medusajs/workflows-sdk`, which the declared `@medusajs/framework` depends on and
        re-exports as `@medusajs/framework/workflows-sdk`, the subpath other files here import):
        a declaration beside the umbrella may install a second copy at another version than it pins.
        Its installed copy tells whether the subpath re-exports the package (umbrella_reexports): when it
        does not (`@polkadot/api/types`, the api's own typings), no alternative; when none is installed,
        the alternative is said as a condition."""
        found = self._umbrella_subpath(u)
        if found is None:
            return message, fix
        spec, umbrella = found
        told = reexports(u.manifest.dir, self.root_of(u.manifest).dir, umbrella, spec[len(umbrella) + 1:], u.package)
        if told is False:
            return message, fix  # the installed umbrella's subpath is its own module, named alike
        how = f"`{spec}`, the subpath through which {umbrella} re-exports it, as other files here do" if told else \
            f"`{spec}` if that subpath re-exports it (other files here import it; no installed {umbrella} tells)"
        message += f"; or import it as {how}: a declaration beside {umbrella} may install a second copy at another " \
                   "version than it pins"
        return message, Fix(Applicability.UNSAFE, fix.edits, fix.message) if fix is not None else None

    def _umbrella_subpath(self, u: Use) -> tuple[str, str] | None:
        """(`@medusajs/framework/workflows-sdk`, `@medusajs/framework`): a package the manifest declares
        that depends on the imported one (by the lockfile), of its family (the same scope, or the
        imported package's scope is its name: `@firebase/functions` of `firebase`), whose subpath named
        like the imported package (`<umbrella>/<last segment>`) files of the package import."""
        m, last = u.manifest, u.package.rsplit("/", 1)[-1]
        root, lock, _ = self._root_install(m)
        scope = pk.scope_of(u.package)
        if lock is None or scope is None:
            return None
        importer = importer_key(m, root)
        for umbrella in sorted(p for section in ("dependencies", "peerDependencies", "devDependencies") for p in m.section(section)):
            family = pk.scope_of(umbrella) == scope or scope == "@" + umbrella
            if not family or u.package not in lock.dependencies_at(umbrella, importer):
                continue
            spec = f"{umbrella}/{last}"
            if spec in self._subpaths_imported(m, umbrella):
                return spec, umbrella
        return None

    def _subpaths_imported(self, m: Manifest, umbrella: str) -> frozenset[str]:
        """The specifiers under `umbrella/` that files of `m`'s package import, once per pair in a run."""
        memo = _SUBPATHS(self.project)
        key = (m.path, umbrella)
        if key not in memo:
            facts = (self.project.facts(p) for p in self.project.package_sources(m.dir))
            memo[key] = frozenset(i.specifier for f in facts if f is not None for i in f.imports
                                  if i.specifier.startswith(umbrella + "/"))
        return memo[key]

    def _unlisted_member(self, u: Use) -> tuple[str, str]:
        """For a file of the workspace root that lies in a folder a member glob matches but that
        has no package.json (`services/payroll` under `services/*`): (the note the message adds, the
        advice that replaces the fix when the folder is a leftover, else ""); ("", "") otherwise. The
        root's declaration serves it only because the folder is no package of its own, which may be
        an oversight (a service nothing builds alone), the design (a library the apps compile
        through tsconfig `paths`; an Nx project, its `project.json` beside its files: no note), or a
        leftover (leftover_folders.py), which deleting fixes."""
        if not self.ws.definition or u.manifest.dir != self.ws.root:
            return "", ""
        found = unlisted_member_folder(self.ws.root, u.path, self.ws.member_patterns)
        if found is None:
            return "", ""
        folder, glob = found
        if os.path.isfile(os.path.join(self.ws.root, folder, "project.json")):
            return "", ""  # an Nx project: the root manifest is its manifest by design
        note = (f"; note that {folder} matches the workspace glob `{glob}` but has no package.json, so it is no "
                "workspace package and the root's declarations are its own: if it is meant to be one (a service built "
                f'and deployed alone), give it a package.json that declares "{u.package}" instead')
        if not leftover_folder(self.project, resolver_for(self.project), os.path.join(self.ws.root, folder)):
            return note, ""
        return note, (f"; {folder} matches the workspace glob `{glob}` but has no package.json, no file imports "
                              "any of its files and no root script names it: likely left behind by a package that was "
                              "removed or renamed, so declaring it at the root is not the remedy: delete the folder, "
                              f'or give it a package.json that declares "{u.package}"')

    def _declared_apart(self, package: str) -> Manifest | None:
        """The first manifest of the repository (by folder) that declares `package`, asked when no
        workspace manifest, lockfile or node_modules knows it: a project apart (nested with its own
        lockfile, or a package no workspace definition lists). None when there is none."""
        for directory in sorted(self.ws.manifest_dirs):
            m = self.ws.manifest(os.path.join(directory, "package.json"))
            if not m.error and m.declared(package):
                return m
        return None

    def _not_a_package(self, u: Use) -> str | None:
        """For a name nothing declares or installs, why no install command fits, or None: it is
        a path into a folder that exists (`src/store`), or another case of a package the repository
        knows (`Cypress` for `cypress`: npm names are lower case, and installing fails), or a name with
        capitals nothing knows (`createRuntime`), which a registry install would at best mistake, or a
        workspace package's name under another scope (a scope a bootstrap script renamed), or a path
        alias another package's tsconfig maps (sibling_aliases)."""
        spec, name = u.imp.specifier, u.package.removeprefix("@types/") if u.imp.kind == "reference" else u.package
        lower = name.lower()
        if lower != name and (self.known(lower, u.manifest) or self.known(pk.types_package(lower), u.manifest)):
            return (f'"{name}" names no package: npm package names are lower case, and "{lower}", which this '
                    f"repository declares or installs, is what it means: a case-sensitive file system (Linux, CI, "
                    f'Docker images) finds no "{name}"; write "{lower}"')
        inside = u.manifest.dir == self.ws.root or u.manifest.dir in self.ws.member_dirs  # a project apart uses its own
        renamed = [n for n in self.ws.members if inside and name.startswith("@") and "/" in name and n.startswith("@")
                   and n.split("/", 1)[1] == name.split("/", 1)[1] and n != name]
        if len(renamed) == 1:  # `@boilerplate/common` beside the workspace's `@app/common`: a scope renamed
            return (f'"{name}" is imported but not declared or installed anywhere in this repository, and the '
                    f"workspace package {renamed[0]} ({self._rel(self.ws.members[renamed[0]])}) has its name under "
                    f'another scope: likely a package renamed; import "{renamed[0]}" rather than install anything')
        elsewhere = alias_elsewhere(resolver_for(self.project), self.ws, u.path, spec)
        if elsewhere is not None:  # `@shared/constants`: an alias a sibling's tsconfig maps, this one's not
            config, key = elsewhere
            return (f'"{spec}" names no package: nothing declares or installs "{u.package}", and `{key}` is a path alias '
                    f"of {self.project.rel(config)} that this file's tsconfig does not map: map it in this file's tsconfig "
                    "too, or import what it names by its package name, rather than install anything")
        named = self._file_named(u)
        if named is not None:  # `app.module`: a file's name, left from a tsconfig `baseUrl` the file no longer has
            return (f'"{spec}" names no package: nothing declares or installs "{u.package}", and {named} is a file '
                    f"of that name, so it reads like a path to that file that no tsconfig `baseUrl` or `paths` maps "
                    f"for this file: import it by a relative path, or map it in the tsconfig")
        folder = self._folder_named(u)
        if folder is None and lower != name and not name.startswith("@"):
            return (f'"{name}" is imported but not declared or installed anywhere in this repository, and npm package '
                    "names are lower case (but for a few old ones), so it is likely no package at all: find what the "
                    "import means (a module a tool resolves by name, a renamed file) before installing anything")
        if folder is None:
            return None
        fails = "tsc fails with TS2307 and Node with" if u.imp.resolved_by_tsc else "Node fails with"
        return (f'"{spec}" names no package: nothing declares or installs "{u.package}", and the folder {folder} exists, '
                f"so it reads like a path into that folder that no tsconfig `baseUrl` or `paths` maps for this file: "
                f"{fails} \"Cannot find module '{spec}'\"; import it by a relative path, or map it in the tsconfig")

    def _file_named(self, u: Use) -> str | None:
        """A source file of the importer's package (else of the root's, else of a member's) whose name,
        extension dropped, is the specifier's last part when that part holds a dot (`app.module`,
        `tokens/tokens.module`: Nest's and Angular's file names, which no package on npm spells), shown
        relative to the root; a spec copied from another service names that service's file. For a
        plain name (`types`), the file it names beside the importer (`./types.ts` meant)."""
        last = u.imp.specifier.rsplit("/", 1)[-1]
        if u.imp.specifier.startswith("@"):
            return None
        if "." not in last.strip("."):  # a plain name (not a path into a folder: _folder_named's), beside the importer
            beside = [os.path.join(os.path.dirname(u.path), u.imp.specifier) + ext for ext in TS_SUFFIXES]
            named = [p for p in beside if p != u.path and os.path.isfile(p)] if "/" not in u.imp.specifier else []
            return self.project.rel(named[0]) if named else None
        for top in dict.fromkeys([u.manifest.dir, self.ws.root, *(m.dir for m in self.ws.member_manifests)]):
            found = sorted(p for p in self.project.package_sources(top) if os.path.splitext(os.path.basename(p))[0] == last)
            if found:
                return self.project.rel(found[0])
        return None

    def _folder_named(self, u: Use) -> str | None:
        """The folder an unscoped name known nowhere also names (`src/store`, left from a tsconfig
        `baseUrl`; `models/x` beside `src/models/`) in the importer's package or at the root (with a
        `baseUrl`, a member's too: the app a test was copied from), relative to the root; a scoped one
        whose scope and name are such a folder (`@common/prisma` beside `src/common/prisma/`)."""
        name = u.package[1:] if u.package.startswith("@") else u.package
        cfg = resolver_for(self.project).tsconfig_for(u.path)
        members = [m.dir for m in self.ws.member_manifests] if cfg is not None and cfg.base_url and name == u.package else []
        for top in dict.fromkeys([u.manifest.dir, self.ws.root, *members]):
            for candidate in (os.path.join(top, name), os.path.join(top, "src", name)):
                if os.path.isdir(candidate):
                    return self.project.rel(candidate) + "/"
        return None

    def _unless_host_provided(self, message: str, fix: Fix | None, m: Manifest, package: str,
                              section: str) -> tuple[str, Fix | None]:
        """The fix made unsafe, and the message saying why, when `_host_provided` doubts it."""
        doubt = self._host_provided(m, package, section)
        if fix is None or not doubt:
            return message, fix
        edit = fix.edits[0]
        if edit.json_edit is None:
            return message + f"; {doubt}: review before declaring it (unsafe fix)", Fix(Applicability.UNSAFE,
                                                                                          fix.edits, fix.message)
        version = edit.json_edit[3]  # the doubt is that it is a peer: the message advises what the fix does
        advice = message.replace(" to dependencies", " to peerDependencies", 1)
        if advice == message:
            advice = message.replace(" in dependencies", " in peerDependencies", 1)
        said = "" if advice != message else ": the fix declares it in peerDependencies instead"
        return (advice + f"; {doubt}{said} (unsafe fix: review)",
                self._add_fix(m, "peerDependencies", package, version, Applicability.UNSAFE))

    def _host_provided(self, m: Manifest, package: str, section: str) -> str | None:
        """Why adding a `dependencies` entry to a published package may be wrong: the package
        arrives through a declared workspace package (a plugin's framework, which a second copy
        would split); in any package, one whose peerDependencies hold the same scope, and its
        dependencies none (`@nestjs/common` for `@nestjs/core`): it leaves that framework to the
        application, which provides one copy."""
        if section != "dependencies":
            return None
        scope = pk.scope_of(package)
        peers = sorted(p for p in m.section("peerDependencies") if scope and pk.scope_of(p) == scope)
        own = any(pk.scope_of(p) == scope for p in m.section("dependencies"))  # its own copies of that scope too
        if peers and not own and not m.data.get("bin") and not self.is_service(m):  # an application installs its own
            return (f"{self._rel(m)} keeps {', '.join(peers[:2])} in peerDependencies, so the application provides "
                    f"that framework; {package} is likely a peer too")
        host = next((h for h in sorted(m.section("peerDependencies")) if package in self.peer_list(h, m)), None)
        if host is not None and not m.data.get("bin"):  # `next` a peer, `react` missing: the host's own peer
            # (an optional one too: `@nestjs/common` and class-validator, whose copy the application's pipes use)
            kind = "an optional peer" if self.peer_list(host, m)[package] else "a peer"
            return (f"{self._rel(m)} keeps {host} in peerDependencies, which takes {package} as {kind}: the "
                    "application provides one copy of both")
        if m.unpublishable or m.data.get("bin"):
            return None  # never published, or an application installed to run: no host plugs it in
        # a host it plugs into: provided by the application (a peer or a devDependency), not one it depends on
        dep = self._member_bringing(m, package, ("peerDependencies", "devDependencies"), ("dependencies", "peerDependencies"))
        carrier = self.ws.member(dep) if dep is not None else None
        if dep is not None and dep not in m.section("dependencies") and not (carrier is not None and carrier.unpublishable):
            # (a private member, a build-time config package, is no host an application installs)
            return (f"it comes with {dep}, which {self._rel(m)} declares; a published package that plugs into "
                    f"{dep} usually lists it in peerDependencies so that one copy is shared")
        return self._framework_doubt(m, package) if self.published_library(m) else None

    def _framework_doubt(self, m: Manifest, package: str) -> str | None:
        """A published library's import of a framework built on shared peers (`framework_of`), of
        a package such a framework brings, when the workspace root declares that framework for
        developing its plugins (`@vendure/core` in the root's devDependencies brings @nestjs/common
        and typeorm), or of one that takes as a peer what the library leaves to the application
        (react-router-dom and react, which a plugin of an admin dashboard keeps out of its
        dependencies), or of Nest itself (`@nestjs/common`, `@nestjs/microservices`), whose injector an
        application loads once: the application provides them, one shared copy."""
        framework = self.framework_of(package, m)
        if framework is not None:
            return (f"{package} is a framework built on {framework}, which packages take as a peer: a published "
                    "package that plugs into it leaves it to the application")
        host = self.root_host_bringing(m, package)
        if host is not None:
            return (f"it comes with {host}, the framework the workspace root declares for developing its packages; a "
                    f"published package that plugs into {host} usually lists it in peerDependencies so that one copy is shared")
        if package in NEST_CORE or pk.scope_of(package) == "@nestjs":
            return (f"{package} is a package of Nest, whose injector an application loads once: a published "
                    "library that uses it leaves it to the application")
        if package in _UI_RUNTIMES:
            return (f"{package} is a UI runtime an application loads once (a second copy breaks hooks and "
                    "context): a published library that uses it leaves it to the application")
        scope = pk.scope_of(package)
        if scope and any(pk.scope_of(d) == scope for d in m.section("dependencies")):
            return None  # its siblings are dependencies (`@dnd-kit/core` beside `@dnd-kit/utilities`): so is it
        left = next((p for p, optional in sorted(self.peer_list(package, m).items()) if not optional
                     and m.declared(p) in ("peerDependencies", "devDependencies")), None)
        if left is None:
            return None
        where = "peerDependencies" if left in m.section("peerDependencies") else m.declared(left)
        return (f"it takes {left} as a peer, which {self._rel(m)} leaves to the application ({where}): "
                "a published package shares the application's copy of both")


# UI runtimes whose state lives in the one copy the application loads: a component library's peers
_UI_RUNTIMES = frozenset({"react", "react-dom", "vue", "svelte", "preact", "solid-js", "@angular/core", "react-native"})
_SUBPATHS: Memo[dict[tuple[str, str], frozenset[str]]] = Memo("umbrella subpaths imported", lambda project: {})
