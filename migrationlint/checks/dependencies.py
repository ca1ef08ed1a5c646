"""DEP001-DEP005: every package a service loads must be declared where its own install sees it.

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
from typing import Iterator

from migrationlint.model import packages as pk
from migrationlint.model import runtime_packages as rt
from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.checks.peer_hosts import peer_host, sibling_peer
from migrationlint.checks.runtime_triggers import runtime_needs
from migrationlint.checks.undeclared import UndeclaredImports
from migrationlint.checks.dev_in_production import DevInProduction
from migrationlint.checks.loads_today import by_accident
from migrationlint.checks.missing_peers import MissingPeers
from migrationlint.checks.dead_file_findings import in_dead_file
from migrationlint.checks.dependency_exemptions import DependencyExemptions, also_runtime
from migrationlint.checks.workspace_cycles import editor_only_cycle
from migrationlint.diagnostics import Applicability, Diagnostic, Fix, Severity
from migrationlint.extract.records import FileFacts
from migrationlint.model import fix_policy as policy
from migrationlint.model.package_use import LOADING_KINDS, Use
from migrationlint.model.dependency_versions import usable_range
from migrationlint.model.config_bundles import resolved_from_configs
from migrationlint.model.copied_templates import copied_template_home
from migrationlint.model.dead_files import mirrored_twin, outside_every_build, switched_off
from migrationlint.model.written_manifests import written_manifest
from migrationlint.model.deno_imports import deno_mapped
from migrationlint.model.dev_files import emitted_declaration
from migrationlint.model.inherited_aliases import unread_alias
from migrationlint.model.resolve import resolver_for
from migrationlint.model.workspace import DEP_SECTIONS, Manifest

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



# ----------------------------------------------------------------------------- entry point

def check(project: Project) -> Iterator[Diagnostic]:
    model = DependencyChecks(project)
    uses = [u for path, facts in sorted(project.files.items()) if not facts.skipped
            for u in model.uses(path, facts)]
    reported: set[tuple[str, str]] = set()  # (manifest, package) already reported as missing
    undeclared = [u for u in uses if u.manifest.declared(u.package) is None]
    sections, model.runtime_witnesses = _sections_needed(model, undeclared)
    model.value_loads = {(u.manifest.path, u.package) for u in uses if not u.type_only and not u.imp.guarded}
    model.eager_loads = {(u.manifest.path, u.package) for u in uses
                         if not u.type_only and not u.imp.guarded and not u.test and not u.on_demand}
    peer_candidates: dict[tuple[str, str], list[Use]] = {}
    out: list[Diagnostic] = []
    for use in uses:
        out.extend(model.judge(use, sections, reported, peer_candidates))
    for path, facts in sorted(project.files.items()):
        if not facts.skipped:
            out.extend(model.runtime(path, facts, reported))
    # shipping uses of production dependencies first: the section a peer goes to is theirs
    # (each package's uses best-ranked first: a shipping use decides the section)
    for ranked in sorted((sorted(us, key=_peer_rank) for us in peer_candidates.values()),
                         key=lambda us: (us[0].test, us[0].manifest.declared(us[0].package) != "dependencies")):
        out.extend(model.peers(ranked, reported))
    return iter(out)


def _sections_needed(model: DependencyChecks, uses: list[Use]) -> tuple[dict[tuple[str, str], str],
                                                                         dict[tuple[str, str], list[Use]]]:
    """One section per (manifest, package): dependencies if any production value import needs
    it, else devDependencies; every DEP001 fix for that pair then carries the same edit. Also the
    uses (by path) that need `dependencies`, the first of which a message at another use names.
    Asked only of the uses of a package their manifest does not declare: only DEP001 reads them."""
    out: dict[tuple[str, str], str] = {}
    witnesses: dict[tuple[str, str], list[Use]] = {}
    for u in uses:
        key = (u.manifest.path, u.package)
        section = model.section_for(u)
        if section == "dependencies" or key not in out:
            out[key] = section
        if section == "dependencies":
            witnesses.setdefault(key, []).append(u)
    return out, witnesses


# ----------------------------------------------------------------------------- the model

class DependencyChecks(DependencyExemptions, UndeclaredImports, DevInProduction, MissingPeers):
    """The DEP rules' judgements over the model: each package use, each declared package's peers,
    each package the code makes NestJS or TypeORM load."""

    def __init__(self, project: Project) -> None:
        super().__init__(project)
        self.runtime_witnesses: dict[tuple[str, str], list[Use]] = {}  # check() sets it: see _sections_needed
        self.value_loads: set[tuple[str, str]] = set()  # (manifest, package) a linted file loads as a value

    # ------------------------------------------------------------------ DEP001 / DEP002 / DEP005

    def judge(self, u: Use, sections: dict, reported: set, peer_candidates: dict) -> Iterator[Diagnostic]:
        m = u.manifest
        if u.imp.guarded or u.imp.install_told and not self.optional_features_its_users_install(m):
            return  # loaded in a `try` whose `catch` carries on without it, or tells the operator to install it
        own = self.declared_in(m, u.package, u.type_only)
        if own is not None:
            if own == "devDependencies" and (self._production_value_use(u) or self._optional_feature(u)) \
                    and not also_runtime(m, u.package) \
                    and not self._production_install_has(u) and not self._provided_by_dependents(u) \
                    and not self._dev_installed_by_images(u) and not self._host_brings_it(u) \
                    and not self._test_support(u) and not self.development_package(u) \
                    and written_manifest(self.project, m) is None:  # the published manifest is the build's own
                yield self._dev_in_production(u)
            elif (m.declared(u.package) == own and not u.type_only and u.imp.kind in LOADING_KINDS
                  and u.package not in m.section("peerDependencies")):
                peer_candidates.setdefault((m.path, u.package), []).append(u)  # a peer's peers are the host's
            return
        root = self.root_of(m)
        outer = root if root is not m else self.enclosing_root(m)  # a nested project: the one around it
        if outer is not None and not self.declared_in(outer, u.package, u.type_only) and not m.declares_any:
            # scripts only (a renderer an ancestor builds): Node's lookup walks on past a nested project's install
            outer = next((a for a in self.enclosing_roots(outer) if self.declared_in(a, u.package, u.type_only)), outer)
        if outer is not None and self.declared_in(outer, u.package, u.type_only):
            if not self.root_serves(u, outer) and not self._linked_at_root(u):  # a member it would cycle to
                yield self._root_only(u, outer, nested=root is m)
            return
        if self.served_by_enclosing_member(u):
            return  # a project in a member's folder (an example app): Node's lookup reaches the member's node_modules
        if not self.known(u.package, m) and (pk.scope_of(u.package) in self.ws.own_scopes
                                             or resolver_for(self.project).alias_prefix_config(u.path, u.imp.specifier)):
            return  # the workspace's own namespace (its scope, a path-alias prefix), matching nothing: IMP001's finding
        if not self.known(u.package, m) and unread_alias(resolver_for(self.project), u.path, u.imp.specifier):
            return  # an alias the tsconfig may inherit from a config package that is not installed
        if u.type_only and self.silenced(u):
            return  # `@ts-ignore` above a type-only import, or `@ts-nocheck` over its file: nothing breaks
        if (u.type_only or self._virtual_candidate(u)) and self._declared_ambiently(u):
            return  # types a `declare module` of the program gives: no package is loaded or read; loaded, a
            # name no install holds that the package's bundle takes in is a module a bundler plugin serves
        if self.served_by_root_install(u):
            return  # a file that does not ship, or types only, found in the repository's hoisted install
        if self._mocked_into_being(u) or self._jest_manual_mock(u) or self._mock_of_an_import(u) or self._vendored_below_package(u) \
                or self._type_query_of_a_load(u) \
                or self._runtime_module(u) or self._silenced_sample(u) or self._install_told(u) \
                or self._unchecked_reference(u) or self._virtual_stylesheet(u) or self._generated_client(u) \
                or self._admin_panel_global(u) or self._unimportable_member(u) or self._type_root(u) or self._build_under_test(u) \
                or self._brought_by_peer_host(u) or self._types_in_no_program(u) or self._linked_by_install_hook(u) \
                or self._built_by_the_host(u) or editor_only_cycle(self.project, u) \
                or self._linked_at_root(u) or self.shown_as_text(u.path) or self.read_as_data(u.path) \
                or self._member_by_unread_alias(u) or self._in_a_submodule(u) or self._generated_member(u) \
                or self._installed_globally(u) or self._installed_by_its_script(u) \
                or deno_mapped(self.project, u.path, u.imp.specifier) or emitted_declaration(u.path) \
                or self._aliased_by_globbing_bundle(u) or self._preset_surface(u) or self.served_by_module_homes(u) \
                or self.pending_framework_peer(u.manifest, u.package) \
                or switched_off(self.project, resolver_for(self.project), u.path) \
                or resolved_from_configs(self.project, resolver_for(self.project), u.path, u.package) \
                or self._declared_where_copied(u):
            return
        u = self.reported_use(u)
        reported.add((m.path, u.package))
        yield self._undeclared(u, self._section_needed(u, sections))

    def _declared_where_copied(self, u: Use) -> bool:
        """A template a workspace tool copies into another package (copied_templates.py), or a mirror of
        another package's file at the root (dead_files.mirrored_twin), whose import that package declares:
        it runs there, never where it lies."""
        home = copied_template_home(self.project, resolver_for(self.project), u.path)
        manifest = self.project.workspace.manifest_for(os.path.join(home, "package.json")) if home else None
        twin = mirrored_twin(self.project, u.path, u.manifest) if manifest is None and u.manifest.dir == self.ws.root \
            else None
        manifest = self.project.workspace.manifest_for(twin) if twin else manifest
        return manifest is not None and manifest.declared(u.package) is not None

    def _section_needed(self, u: Use, sections: dict[tuple[str, str], str]) -> str:
        """The section DEP001's fix adds to: `dependencies` when any production value import in
        the package needs it. A run over a few files (pre-commit, an editor) counts the package's
        other files too, from their facts, so that it suggests what a run over the tree does."""
        key = (u.manifest.path, u.package)
        section = sections.get(key) or self.section_for(u)
        if section == "dependencies" and self._only_presumed(key):
            section = sections[key] = "devDependencies"
        if section != "dependencies":
            if any(self.section_for(v) == "dependencies" for v in self._uses_outside_run(u.manifest, u.package)) \
                    or not u.test and self.peer_host_needing(u.package, u.manifest) is not None:
                section = "dependencies"
            sections[key] = section
        return section

    def peer_host_needing(self, package: str, m: Manifest) -> str | None:
        """A package `m` lists in dependencies that requires `package` as a peer, under a package
        manager that installs no peers (`@nestjs/axios` needs axios at runtime): a production
        install must hold it, whatever else imports it only for types. None for a package to
        publish, whose users provide its peers."""
        if self.peer_policy(m).installs or self.published_library(m):
            return None
        return self.peer_requirer(m, package)

    def _only_presumed(self, key: tuple[str, str]) -> bool:
        """Whether every use that asks `dependencies` for this (manifest, package) ships only by
        presumption and turns out to be test support or a developer tool's helper (a code
        generator's module, which only the generator a dev script runs imports): asked for a
        package DEP001 reports, when the fix's section is chosen."""
        found = self.runtime_witnesses.get(key)
        if not found:
            return False
        if all(self._test_support(w) for w in found):
            self.runtime_witnesses[key] = []
            return True
        return False

    def _needed_elsewhere(self, u: Use) -> str:
        """Why a package this use alone would put in devDependencies goes to dependencies: the
        first file of the package (by path, the run's or not) that a production install must serve,
        one that ships for a reason before one presumed to (which may turn out to be test support),
        said the same way by a run over the tree and a run over this file."""
        key = (u.manifest.path, u.package)
        found = list(self.runtime_witnesses.get(key, ()))
        found += [v for v in self._uses_outside_run(u.manifest, u.package) if self.section_for(v) == "dependencies"]
        if not found:
            return ""
        w = min(found, key=lambda v: (v.verdict is not None and v.verdict.presumed, v.path, v.imp.start))
        where = "another import in this file" if w.path == u.path else self.project.rel(w.path)
        if w.metadata_only:
            return (f"{where} names it in a decorated signature, which decorator metadata loads at runtime unless "
                    f"each such name is an interface or a type")
        if w.type_only:  # kept by the emitted declarations (DEP001's page: a type-only import a `.d.ts` keeps)
            return f"{where} names it in types its emitted declarations keep, which the applications installing it type-check"
        return f"{where} loads it at runtime"

    def _uses_outside_run(self, m: Manifest, package: str) -> Iterator[Use]:
        """Uses of `package` by files of `m`'s package that this run does not lint."""
        for path in self.project.package_sources(m.dir):
            if path in self.project.files:
                continue
            facts = self.project.facts(path)
            if facts is None or facts.skipped:
                continue
            yield from (v for v in self.uses(path, facts) if v.manifest.path == m.path and v.package == package)

    def _undeclared(self, u: Use, section: str) -> Diagnostic:
        message, fix, severity = self._undeclared_finding(u, section)
        if not outside_every_build(self.project, resolver_for(self.project), u.path):
            return self._at_import(DEP001, u, message, fix, severity)
        # a dead file's import: no remedy names a manifest (the nearest may be another service's)
        return in_dead_file(self._at_import(DEP001, u, message.split("; ", 1)[0], None, severity))

    def _dev_in_production(self, u: Use) -> Diagnostic:
        message, fix, severity = self._dev_finding(u)
        return self._at_import(DEP002, u, message, fix, severity)

    def _root_only(self, u: Use, root: Manifest, nested: bool = False) -> Diagnostic:
        """DEP005: declared only by the root the package installs under, or, for a project nested in
        another (`nested`), only by the root of the project around it."""
        m, rel, label = u.manifest, self._rel(u.manifest), self.root_label(root)
        root_section = _root_section(root, u.package)
        held = label + self._declared_besides(u, root) + (
            ", and there only in devDependencies, which a production install leaves out"
            if root_section == "devDependencies" and not u.test and not u.type_only
            and self.ws.member(u.package) is None else "")  # a member is linked whatever lists it
        where = os.path.dirname(rel) or "."
        published = not m.unpublishable  # a private package is never published: its install is the one that breaks
        if nested:
            message = (f'"{u.package}" is declared only in {held}, not in {rel}, a project of its own (its own '
                       f"lockfile or workspace file): Node finds it in the node_modules of the project around it, "
                       f"but " + (self.peer_alone(u, where) or f"an install of {where} on its own (a Docker build"
                                  f"{', a publish' if published else ''}) leaves it out"))
        else:
            message = (f'"{u.package}" is declared only in {held}: Node finds it in the root\'s node_modules, '
                       f"walking up from {where}, but {self._what_breaks(u, where, published)}")
        peer = sibling_peer(self, u)
        if peer is not None:
            version, source = peer
            message += (f'; declare "{u.package}": "{version}" in peerDependencies of {rel} ({source}: a published '
                        f"package that plugs into it lets the application install the one copy it shares)")
            return self._at_import(DEP005, u, message, self._add_fix(m, "peerDependencies", u.package, version,
                                                                     Applicability.UNSAFE))
        version = root.range_of(u.package) or root.range_of(pk.types_package(u.package))
        if version and version.startswith("catalog:") and self._catalog_range(u.package, version) != version:
            version_usable = True  # the catalog reference is what the member writes too (pnpm resolves it)
        else:
            version_usable = bool(version) and usable_range(version)
        fix = None
        host = peer_host(self, u)
        if version_usable and host is not None:
            optional = ", marked optional in peerDependenciesMeta as that peer is" if host[1] else ""
            message += (f'; declare "{u.package}": "{version}" in peerDependencies of {rel}{optional} ({host[0]}: the '
                        "application provides it, one copy shared with this published package)")
            fix = self._add_fix(m, "peerDependencies", u.package, version, Applicability.UNSAFE)
        elif version_usable:
            section = self.section_for(u)  # the root's range, unless the lockfile loads another (an override)
            version, source = self._unless_it_runs_another(u.package, m, (version, f"as in {label}"))
            if section == "dependencies" and self._library_shares(u):
                section, source = "peerDependencies", (f"the version {source}; a peer, as other packages take it: "
                                                       "a published library leaves its one copy to the application")
            elif section == "dependencies" and self.published_library(m) \
                    and (doubt := self._framework_doubt(m, u.package)) is not None:
                section, source = "peerDependencies", f"{source}; {doubt}"  # as DEP001 says of the same import
            elif section == "dependencies" and root_section in ("peerDependencies", "optionalDependencies"):
                section, source = root_section, f"{source}, which keeps it in {root_section}"  # its design: one
                # copy the application provides (a Nest module whose classes are tokens), or a tool opted into
            message += f'; declare "{u.package}": "{version}" in {section} of {rel} ({source})'
            fix = self._add_fix(m, section, u.package, version, Applicability.UNSAFE)
        return self._at_import(DEP005, u, message, fix)

    def _declared_besides(self, u: Use, root: Manifest) -> str:
        """` among the manifests <rel> installs under (<others> declare it for themselves)` when other
        members declare the package (the app the modules plug into), else "": "only in the root" is
        said of the manifests the package installs under, not of the workspace."""
        others = sorted(self._rel(o) for _, o in self.ws.sibling_ranges(u.package, exclude=u.manifest.path)
                        if o.path != root.path)
        if not others:
            return ""
        named = ", ".join(others[:2]) + (" and others" if len(others) > 2 else "")
        return (f" among the manifests {self._rel(u.manifest)} installs under ({named} declare"
                f"{'s it for itself' if len(others) == 1 else ' it for themselves'})")

    def _what_breaks(self, u: Use, where: str, published: bool) -> str:
        """What an install of the member apart from its root loses (a publish, a peer's pinned version...)."""
        m = u.manifest
        if published and self.root_deployed(m):
            return f"breaks a publish of {where} (if it is never published, mark it private)"
        carrier = self._member_bringing(m, u.package, ("dependencies",), ("dependencies",))
        if carrier is None:  # else a dependency from the registry that brings the one copy there is (`cron`'s `luxon`)
            carrier = next((f'"{d}"' for d in self.bringing_dependencies(m, u.package)
                            if self.one_copy_hoisted(m, u.package)), None)
        if carrier is None:
            return self.peer_alone(u, where) or \
                f"breaks a per-service {'install, Docker build or publish' if published else 'install or Docker build'} of {where}"
        return (f"an install of {where} on its own gets it only as a dependency of {carrier}, which {self._rel(m)} "
                f"depends on: a hoisting install (npm, yarn) places it where {where} finds it, pnpm's does not")

    def _member_bringing(self, m: Manifest, package: str | tuple[str, ...], sections: tuple[str, ...],
                         theirs: tuple[str, ...]) -> str | None:
        """The first workspace package (by name) that `m` lists in `sections` and that lists
        `package` (each of several) in `theirs`: what brings the package along with it."""
        wanted = (package,) if isinstance(package, str) else package
        for dep in sorted({d for s in sections for d in m.section(s)}):
            member = self.ws.member(dep)
            if member is not None and all(any(p in member.section(s) for s in theirs) for p in wanted):
                return dep
        return None

    def _library_shares(self, u: Use) -> bool:
        """Whether `u`'s package is a published library and the package it imports is one that
        packages take as a peer (`taken_as_peer`)."""
        return self.published_library(u.manifest) and u.package in self.taken_as_peer

    # ------------------------------------------------------------------ DEP003

    def peers(self, uses: list[Use], reported: set) -> Iterator[Diagnostic]:
        for at, message, fix, severity in self.missing_peers(uses, reported):
            yield self._at_import(DEP003, at, message, fix, severity)

    # ------------------------------------------------------------------ DEP004

    def runtime(self, path: str, facts: FileFacts, reported: set) -> Iterator[Diagnostic]:
        m = self.owner(path)
        if m is None or m.error:
            return
        needs = list(runtime_needs(self.project, self.ws, path, facts))  # first: most files have none
        verdict = self.shipping.verdict(path, m) if needs else None
        if verdict is None or not verdict.ships:
            return  # options built in a test or a tool config connect nothing
        if verdict.presumed and self.is_service(m) and self.shipping.entries(m):
            return  # the service's entry point never reaches it: nothing starts it (a module no app imports)
        test = False
        if not self.shipping.settle(path, m).ships:
            return  # test support only tests import (Shipping.settle)
        for trigger, start, end, need, note, when in needs:
            for package in need.packages:
                if self.satisfied(m, package, test) or (m.path, package) in reported:
                    continue
                if package == need.packages[0] and any(self.satisfied(m, a, test) for a in need.alternatives):
                    continue
                if pk.scope_of(package) in self.ws.own_scopes:
                    continue
                if self._installed_as_peer(m, package, need, test) or self.linked_beside(package, need.requirer, m) \
                        or self._brought_with_requirer(m, package, need) or self.told_by_requirer(m, package, need) \
                        or self.served_by_hosts(m, package, need):
                    continue
                if self.root_counts(test, False) and self.hoisted_at_root(package, m):
                    continue  # `hoisting = "all"`: the service runs in the hoisted install, which has it
                if self.shown_as_text(path):
                    return
                reported.add((m.path, package))
                yield self._missing_runtime(path, (start, end), m, trigger, package, need.error, note, when)

    def _missing_runtime(self, path: str, span: tuple[int, int], m: Manifest, trigger: str, package: str,
                         error: str, note: str, when: str) -> Diagnostic:
        """DEP004's diagnostic. In a published library that is no service, the application that
        opts into what loads the package installs it (as with @nestjs/microservices itself): a
        warning advising an optional peer, with no fix."""
        rel = self._rel(m)
        if not m.unpublishable and not self.is_service(m):
            message = (f'{trigger} loads "{package}" when an application starts it, which {rel}, a published '
                       f'library, does not declare: the application that uses it installs it; declare "{package}" '
                       f"in peerDependencies of {rel} (marked optional in peerDependenciesMeta when only some of its "
                       "users need it), so that they are told")
            return diagnostic(DEP004, path, *span, message, severity=Severity.WARNING, package=package, manifest=m.path)
        error = error.replace("{package}", package)
        effect = by_accident(package, error) + note if self.hoisted_by_accident(package, m, True) else \
            f'it fails with "{error}"{note}'
        message = f'{trigger} makes the service load "{package}" {when}, which {rel} does not declare: {effect}'
        place = policy.placement(package, m, True, False, self.private_root(m), self.shipping.bundled(m, package))
        message, fix = self._add_or_command(message, m, place.section, package, place.why)
        message, fix = self._unless_host_provided(message, fix, m, package, place.section)
        return diagnostic(DEP004, path, *span, message, fix=fix, package=package, manifest=m.path)

    def _brought_with_requirer(self, m: Manifest, package: str, need: rt.Need) -> bool:
        """Whether the package that loads `package` (`@nestjs/core` for its HTTP adapter) is not `m`'s
        own but comes with a workspace package `m` declares, which lists both in `dependencies`: the
        adapter is installed beside the requirer wherever that package is (a testing library built
        on the framework's core package). DEP001 speaks of the requirer itself. In a hoisting install,
        a workspace package `m` lists in `dependencies` that is built around the requirer (declares it,
        as a peer too) and lists `package` in `dependencies` (the shared gRPC library that owns the
        transport and its protos) puts it at the root beside the requirer in every install of `m`: on
        purpose, not by accident."""
        requirer = need.requirer
        if requirer is None:
            return False
        if m.declared(requirer) is None \
                and self._member_bringing(m, (requirer, package), DEP_SECTIONS, ("dependencies",)) is not None:
            return True
        return self.install_hoists(m) and any(
            carrier is not None and package in carrier.section("dependencies")
            and any(requirer in carrier.section(s) for s in DEP_SECTIONS)
            for carrier in (self.ws.member(d) for d in m.section("dependencies")))

    def _installed_as_peer(self, m: Manifest, package: str, need: rt.Need, test: bool) -> bool:
        """Whether `package` is a required peer of a package of the same need that `m` has (the
        driver that loads it: `@nestjs/apollo` requires `@apollo/server`), and the package manager
        installs required peers: it is then installed beside that package, which finds it."""
        if not self.peer_policy(m).installs:
            return False
        loaders = need.packages + ((need.loaded_by,) if need.loaded_by else ())
        return any(other != package and self.satisfied(m, other, test) and self.peer_list(other, m).get(package) is False
                   for other in loaders)

    # ------------------------------------------------------------------ versions and fixes

    def _at_import(self, rule: Rule, u: Use, message: str, fix: Fix | None,
                   severity: Severity | None = None) -> Diagnostic:
        return diagnostic(rule, u.path, u.imp.start, u.imp.end, message, fix=fix, severity=severity,
                          specifier=u.imp.specifier, package=u.package, manifest=u.manifest.path)

# ----------------------------------------------------------------------------- helpers

def _peer_rank(u: Use) -> tuple[bool, bool]:
    """Which use of a package DEP003 reports at: code that ships for a reason (an entry reaches it)
    before one only presumed to or a dev-only helper (an `integration/` consumer sorting before
    `src/`), before a test."""
    return u.test, u.verdict is None or not u.verdict.ships or u.verdict.unsettled


def _root_section(root: Manifest, package: str) -> str | None:
    """The section the root keeps `package` in, devDependencies last: a library's root lists a peer
    and its development copy (`peerDependencies` and `devDependencies`), which is a peer."""
    return next((s for s in ("dependencies", "peerDependencies", "optionalDependencies", "devDependencies")
                 if package in root.section(s)), None)
