"""DEP003's judgement: which required peers of a declared package the importing package lacks,
where its package manager installs no peers (yarn, npm before 7, pnpm without auto-install), and
where to declare them. A mixin of the DEP rules' checker, which turns each into a diagnostic.

A peer is asked for only when something the importer loads needs it. For a workspace package with
source, that is the files its imports reach: an application importing the library's `./viewer`
entry loads nothing of the `bull` that only its `./queue` entry uses (model/entry_reach.py).
"""

from __future__ import annotations

import os
from typing import Iterator

from migrationlint.checks.loads_today import by_accident
from migrationlint.checks.workspace_cycles import cycle_through
from migrationlint.diagnostics import Applicability, Fix, Severity
from migrationlint.model import fix_policy as policy
from migrationlint.model import packages as pk
from migrationlint.model import runtime_packages as rt
from migrationlint.model.import_requests import STYLESHEETS
from migrationlint.model.package_use import Use
from migrationlint.model.platform_peers import other_platform_of
from migrationlint.model.resolve import resolver_for
from migrationlint.model.workspace import Manifest

PeerFinding = tuple[Use, str, "Fix | None", "Severity | None"]  # where, message, fix, severity unless the rule's


class MissingPeers:
    """Mixin of DependencyChecks: `missing_peers`, DEP003's findings for one declared package."""

    def missing_peers(self, uses: list[Use], reported: set) -> Iterator[PeerFinding]:
        """The peers the package `uses` import (each a value import of one package by one manifest,
        best-ranked first) requires and the manifest lacks, each reported once per manifest."""
        u = uses[0]
        m = u.manifest
        policy_now = self.peer_policy(m)
        if policy_now.installs or u.imp.specifier.lower().endswith(STYLESHEETS):
            return  # the manager installs peers; or a stylesheet, whose import loads no code that needs them
        peers = self.peer_list(u.package, m)
        member = self.ws.member(u.package)
        for peer, optional in sorted(peers.items()):
            if optional or peer in rt.LOADED_IF_PRESENT.get(u.package, ()) or peer == m.name \
                    or (m.path, peer) in reported or self._peer_provided(u, peer) \
                    or other_platform_of(peer, peers):
                continue  # a platform the app may not target (`react-native-macos` beside `react-native`)
            if member is not None and self.member_loads_nothing_of(member, peer):
                continue  # a workspace package whose shipping source never loads its peer (a scan)
            at = self._use_loading(member, uses, peer) if member is not None else u
            if at is None:
                continue  # none of the package's entries this one imports loads the peer
            reported.add((m.path, peer))
            yield self._peer_finding(at, peer, peers, policy_now.setting)

    def _peer_provided(self, u: Use, peer: str) -> bool:
        """Whether the importer's install gives `peer` to the package `u` imports without declaring it."""
        m = u.manifest
        if self.satisfied(m, peer, u.test) or pk.types_only_package(peer):
            return True  # declared; or only type checking reads it: nothing fails at runtime
        if self.root_counts(u.test, False) and self.hoisted_at_root(peer, m) or self.brought_by_dependency(m, peer, u.test):
            return True  # a file that does not ship finds it in the hoisted root install; or a dependency brings it
        if self.peer_linked(peer, m) or self.from_the_page(m, peer) or self.pending_framework_peer(m, peer):
            return True  # pnpm linked it for this package's dependencies; a global of the page; the framework's
        if self._linked_copy(u, peer):
            return True  # a linked workspace package loads the peer from its own install
        return cycle_through(self.ws, m, peer) is not None  # the workspace package that depends on this one

    def _use_loading(self, member: Manifest, uses: list[Use], peer: str) -> Use | None:
        """The first of `uses` (imports of the workspace package `member`) whose entry, with the files
        of `member` it reaches by value imports, loads `peer`; None when none does. An import that
        resolves to no source file of `member` (built output only) is taken to load it, as is every
        import when a dependency `member` never imports takes the peer (whatever loads it is no file's)."""
        imported = self.imports_of(member)
        if any(self._takes_peer(p, peer, member) for s in ("dependencies", "optionalDependencies")
               for p in member.section(s) if p not in imported):
            return uses[0]
        resolver = resolver_for(self.project)
        top = member.dir.rstrip(os.sep) + os.sep
        for use in uses:
            target = resolver.resolve(use.path, use.imp.specifier)
            if target.kind != "file" or not target.path or not target.path.startswith(top):
                return use
            if any(self._file_loads(path, member, peer) for path in self.shipping.reached_from(target.path, member)):
                return use
        return None

    def _file_loads(self, path: str, member: Manifest, peer: str) -> bool:
        """Whether a file of `member` loads `peer`: imports it by value, or imports by value a package
        that takes it as a peer (an ORM its driver) and is no workspace package that loads nothing of it."""
        for use in self._uses_of(path):
            if use.type_only or use.test:
                continue
            if use.package == peer or self._takes_peer(use.package, peer, member):
                return True
        return False

    def _takes_peer(self, package: str, peer: str, member: Manifest) -> bool:
        """Whether `package`, loaded by `member`, may load `peer`: it takes it as a peer and is no
        workspace package that loads nothing of it."""
        return package != peer and peer in self.peer_list(package, member) \
            and not self._sibling_loads_nothing(package, peer, frozenset({member.path}))

    def _peer_finding(self, u: Use, peer: str, peers: dict[str, bool], setting: str) -> PeerFinding:
        m = u.manifest
        ships = not u.test and m.declared(u.package) == "dependencies"
        message = (f'"{u.package}" requires its peer dependency "{peer}", which {self._rel(m)} does not '
                   f"declare, and the repository uses {setting}: ")
        accident = self.hoisted_by_accident(peer, m, self.ws.member(u.package) is None)
        unused = not accident and self._installed_nowhere(peer, m)
        # a peer the package's own metadata lists but no install ever held: perhaps needed by one part of
        # it only, which the code has never loaded (the built-in table lists what the package's entry needs)
        unverified = unused and peer not in rt.known_peers(u.package, None)
        if accident:
            message += by_accident(peer, f"Cannot find module '{peer}'")
        elif unused:  # new code, or a part of the package that this code leaves alone needs it: unknown here
            message += (f"no install of this repository holds it (its lockfile records none): loading the parts of "
                        f"\"{u.package}\" that need it fails with \"Cannot find module '{peer}'\"")
        else:
            message += f"loading it fails with \"Cannot find module '{peer}'\""
        place, review = policy.passed_on(m, self._rel(m), peer, u.package, peers, ships) or (policy.placement(
            peer, m, ships, False, self.private_root(m), self.shipping.bundled(m, peer)), False)
        message, fix = self._add_or_command(message, m, place.section, peer, place.why)
        if fix is not None and (review or unverified):
            fix = Fix(Applicability.UNSAFE, fix.edits, fix.message)
        if fix is not None and place.section == "dependencies" and not m.unpublishable and not self.is_service(m):
            # a published package usually passes the requirement on to its own users
            message += (f'; a published package often declares "{peer}" in peerDependencies instead, so that '
                        f"its users provide it: review before adding it (unsafe fix)")
            fix = Fix(Applicability.UNSAFE, fix.edits, fix.message)
        # nothing fails today when hoisting places it: a latent break, as DEP005's reliance on hoisting
        return u, message, fix, Severity.WARNING if accident or unverified else None

    def _installed_nowhere(self, package: str, m: Manifest) -> bool:
        """Whether `m`'s project has a lockfile and no manifest, lockfile or node_modules of the
        repository knows `package`: no install of it ever held the package."""
        return self._root_install(m)[1] is not None and not self.known(package, m)

    def _linked_copy(self, u: Use, peer: str) -> bool:
        """Whether `u` imports a workspace package that installs the peer itself (in dependencies
        or devDependencies), for a test or a package to publish: linked, the package loads it from
        its own folder (Node resolves from the real path; not under Plug'n'Play), and the
        application that installs a published importer provides it. A deployed service installs
        the package without its devDependencies, so its own install must hold the peer."""
        member = self.ws.member(u.package)
        if member is None or not any(peer in member.section(s) for s in ("dependencies", "devDependencies")) \
                or self.plug_n_play(u.manifest):  # Plug'n'Play gives a package its peers from its parent only
            return False
        return u.test or not (u.manifest.unpublishable or self.is_service(u.manifest))
