"""Why an undeclared package loads on the author's machine today, and what breaks it (DEP001's
message): the declared dependencies that bring it into a hoisting install (a workspace package
that keeps it in its own dependencies too), the one whose copy is hoisted where the lockfile holds
several, the peer the package manager adds for a declared dependency, or the npm alias the
manifest already installs it under. A mixin of the DEP rules' checker.
"""

from __future__ import annotations

from typing import Callable

from migrationlint.model.dependency_versions import importer_key
from migrationlint.model.hoisting import stated_hoisting
from migrationlint.model.lockfile_record import Lockfile
from migrationlint.model.package_use import Use
from migrationlint.model.pnpm_edges import own_dependencies
from migrationlint.model.project import Memo
from migrationlint.model.test_runners import JEST_SUPPLIED
from migrationlint.model.workspace import DEP_SECTIONS, Manifest


class LoadsToday:
    """Mixin of UndeclaredImports: `_loads_today`, `_installed_as_alias` and DEP005's `peer_alone`,
    message parts."""

    def _loads_today(self, u: Use) -> str:
        """Why the import works on the author's machine, and what breaks it: the declared dependencies
        that bring the package into a hoisting install (for an import used only for types, what tsc finds). Named only where the lockfile holds one version
        of it: with several, the hoisted copy may be another package's, and a dependency naming a
        version apart keeps its own nested copy."""
        m = self._declaring_manifest(u)  # the root, for a member that takes its packages from there
        types = u.package.startswith("@types/")  # read by tsc in the build's full install, never loaded
        full = _full_install(u) or types
        found = self._why_today_memo(u, m, full)
        if not found and not full and self._own_install_runs(u.manifest):
            # shipping code that this repository's own install runs: what only the full install, with its
            # devDependencies, holds (a package others install gets their install, its peers included)
            found = self._why_today_memo(u, m, True)
            if found:
                found = found.replace("; it loads today only because", "; in a full install (devDependencies "
                                      "included) it loads today only because", 1) + \
                    "; no package a production install keeps is known to bring it"
        # an import used only for types loads nothing, nor does a types package (`@types/vscode` of the editor's
        # `vscode`), and Jest hands `@jest/globals` to its tests itself: what the hoisted copy serves is tsc's lookup
        return found.replace("; it loads today only because", "; tsc finds it today only because", 1) \
            if u.type_only or types or self._supplied_by_jest(u) else found

    def _supplied_by_jest(self, u: Use) -> bool:
        """`@jest/globals` in a package where Jest runs the tests (it or its root declares jest): Jest's
        runtime returns the module without loading it from the install."""
        return u.package in JEST_SUPPLIED and any(m.declared("jest") for m in (u.manifest, self.root_of(u.manifest)))

    def _own_install_runs(self, m: Manifest) -> bool:
        """A private package, or a service that offers nothing to import (no `main`, `module`, `exports`
        or `types`): no other project installs it, so its production install is this repository's."""
        return m.unpublishable or self.is_service(m) and not any(m.data.get(k) for k in _IMPORT_FIELDS)

    def _why_today_memo(self, u: Use, m: Manifest, full: bool) -> str:
        memo = _TODAY(self.project)
        key = (u.manifest.path, m.path, u.package, full)
        if key not in memo:  # asked per finding; many findings share a package
            memo[key] = self._why_today(u, m, full)
        return memo[key]

    def _why_today(self, u: Use, m: Manifest, full: bool) -> str:
        linked = self._linked_member(u, m)
        if linked:  # a package of the workspace: the install links it at the root, whoever depends on it
            return linked
        via = self.bringing_dependencies(m, u.package, full) or self._pnpm_carriers(m, u.package, full)
        beside = self._declared_beside(m, u.package, full)
        if beside and via and self.one_copy_hoisted(m, u.package):  # an install of the manifest alone has it too
            return (f"; it loads today only because {beside}, of the same workspace install, declares it and "
                    f"{_named(via)}, which {self._rel(m)} declares, depend{'s' if len(via) == 1 else ''} on it, and the "
                    "install hoists it: an install that does not hoist breaks it")
        unhoisted = "" if self._hoisting_stated(m) else ", or an install that does not hoist,"
        if beside:  # the sturdiest reason: a package of the same install declares it, and it is hoisted
            return (f"; it loads today only because {beside}, of the same workspace install, declares it and the "
                    f"install hoists it to the root: an install of {self._rel(m)} on its own"
                    f"{unhoisted.replace('an install', 'one')} breaks it")
        if not via:
            return self._added_as_peer(u) or self._brought_deeper(u, m, full)
        several = not self.one_copy_hoisted(m, u.package)
        carriers = via
        if several:
            via = self._using_the_hoisted_copy(m, u.package, via)
        if not via:  # an npm lockfile shows the carriers keep copies of their own; another lockfile cannot tell
            lock = self._root_install(m)[1]
            among = "" if lock is None or lock.kind == "npm" else \
                f" ({_named(carriers)}, which {self._rel(m)} declares, among them)"
            return (f"; it loads today only because a package of the install depends on it{among} and the install "
                    f"hoists one of its versions (the lockfile holds several): another version{unhoisted} breaks it")
        named = _named(via)
        one = len(via) == 1
        change = f"another version of {named if one else 'them'}" if any(self.ws.member(d) is None for d in via) \
            else f"a change to the dependencies of {named}" if one else "a change to their dependencies"  # the workspace's
        hoisted = f"the copy {'it uses' if one else 'they use'} (the lockfile holds several versions)" if several else "it"
        return (f"; it loads today only because {named}, which {self._rel(m)} declares, depend{'s' if one else ''} on it "
                f"and the install hoists {hoisted}: {change}{unhoisted} breaks it")

    def _hoisting_stated(self, m: Manifest) -> bool:
        """Whether the settings of `m`'s install say it hoists (`node-linker=hoisted`, yarn's `nodeLinker:
        node-modules`): "an install that does not hoist" is then no risk the repository runs."""
        root, _, manager = self._root_install(m)
        return stated_hoisting(root.dir, manager)

    def _linked_member(self, u: Use, m: Manifest) -> str:
        """For a workspace package no declared dependency brings: the hoisting workspace install links
        every member into the root node_modules, where the import finds it."""
        if self.ws.member(u.package) is None or m.dir not in self._member_dirs or not self.ws.has_workspace_definition \
                or not self.install_hoists(m) or self.root_of(m).dir != self.ws.root:
            return ""  # a folder no glob lists: its own message says how it finds the package
        return ("; it resolves today only because the workspace install links every member into the root "
                f"node_modules: an install of {self._rel(m)} on its own (an image of its folder), or one that "
                "links only what each package declares (pnpm), breaks it")

    def _declared_beside(self, m: Manifest, package: str, test: bool) -> str | None:
        """Another package of `m`'s workspace, one `m` does not depend on, that declares `package` in
        `dependencies` (or, for a test, `devDependencies`), by path, where the install hoists: it then
        places the package at the root for every member, whatever else carries it to `m` (a member `m`
        depends on is named as a carrier instead). None otherwise, or for a project of its own."""
        members = [*self.ws.member_manifests, *([self.ws.root_manifest] if self.ws.root_manifest else [])]
        if m.dir == self.ws.root or self.ws.member(package) is not None or not self.ws.has_workspace_definition:
            return None  # the root's install holds every member's; a member is linked at the root anyway
        if not any(x.path == m.path for x in members) or not self.install_hoists(m) \
                or not self.one_copy_hoisted(m, package):  # with several versions, which one is at the root is unsaid
            return None
        sections = ("dependencies", "devDependencies") if test else ("dependencies",)
        top = self.root_of(m).dir  # a project with a lockfile of its own installs apart
        found = sorted(self._rel(x) for x in members if x.path != m.path and not x.error and self.root_of(x).dir == top
                       and not (x.name and m.declared(x.name) is not None)
                       and any(package in x.section(s) for s in sections))
        return None if not found else found[0] if len(found) == 1 else f"{found[0]} (and {len(found) - 1} more)"

    def _brought_deeper(self, u: Use, m: Manifest, full: bool) -> str:
        """The declared dependency that brings the package through packages of its own (`web3` ->
        `web3-eth` -> `web3-eth-contract`), by the lockfile, in a hoisting install: "" when none does
        within a few steps (or the lockfile holds several versions: which copy is hoisted is unsaid)."""
        root, lock, _ = self._root_install(m)
        if lock is None or not self.install_hoists(m) or not self.one_copy_hoisted(m, u.package):
            return ""
        importer = importer_key(m, root)
        if not full and lock.in_production_install(u.package, importer) is False:
            return ""
        declared = [*m.section("dependencies"), *(m.section("devDependencies") if full else ())]
        chain = _chain_to(declared, u.package, lambda p: self._depends_on(lock, p, importer))
        if chain is None or len(chain) < 2:
            return ""  # none, or a direct one, which the lockfile's other questions already answered
        through = ", then ".join(f'"{p}"' for p in chain[1:])
        return (f'; it loads today only because "{chain[0]}", which {self._rel(m)} declares, brings it through '
                f"{through} and the install hoists it: another version of one of them, or an install that does "
                "not hoist, breaks it")

    @staticmethod
    def _depends_on(lock: Lockfile, package: str, importer: str) -> frozenset[str]:
        """What `package` depends on itself by the lockfile (pnpm's from its snapshots, pnpm_edges)."""
        if lock.kind != "pnpm":
            return lock.dependencies_at(package, importer)
        version = lock.resolved(package, importer)
        return own_dependencies(lock, package, version) if version is not None else frozenset()

    def _pnpm_carriers(self, m: Manifest, package: str, test: bool) -> list[str]:
        """Under a hoisting pnpm install (`shamefully-hoist`, `node-linker=hoisted`), the declared
        dependencies whose own dependencies, as the lockfile's snapshots record them, include the
        package: what the lockfile loading leaves out is read only for this message (pnpm_edges)."""
        root, lock, _ = self._root_install(m)
        if lock is None or lock.kind != "pnpm" or not self.install_hoists(m):
            return []
        importer = importer_key(m, root)
        declared = [*m.section("dependencies"), *(m.section("devDependencies") if test else ())]
        return [d for d in declared
                if (v := lock.resolved(d, importer)) is not None and package in own_dependencies(lock, d, v)]

    def _using_the_hoisted_copy(self, m: Manifest, package: str, via: list[str]) -> list[str]:
        """Of the dependencies that bring `package`, those that load the copy hoisted at the root,
        where an npm lockfile tells (a dependent with a copy of its own in its `node_modules` does
        not); none where the lockfile cannot tell."""
        root, lock, _ = self._root_install(m)
        importer = importer_key(m, root)
        if lock is None or lock.kind != "npm" or not lock.importers.get(".", {}).get(package) \
                or importer != "." and lock.importers.get(importer, {}).get(package):
            return []  # no hoisted copy, or the package's own node_modules holds one
        return [d for d in via if (d, package) not in lock.nested]

    def _installed_as_alias(self, u: Use) -> str:
        """`"cli-core": "npm:@acme/cli@0.1.0"` in the manifest installs the package under another
        name: importing that name takes the copy installed, where a declaration adds a second."""
        for section in DEP_SECTIONS:
            for name, spec in u.manifest.section(section).items():
                if spec == f"npm:{u.package}" or spec.startswith(f"npm:{u.package}@"):
                    return (f'; {self._rel(u.manifest)} installs it already under the name "{name}" (`"{name}": '
                            f'"{spec}"`): importing "{name}" loads that copy, where declaring "{u.package}" adds a second')
        return ""

    def peer_alone(self, u: Use, where: str) -> str | None:
        """DEP005's "what breaks" where an install of `u`'s application on its own adds the package as
        the required peer of a dependency it declares (npm 7+, pnpm's auto-install-peers: `rxjs` for
        `@nestjs/common`): nothing breaks, but the version is the peer range's pick, not the root's.
        None otherwise, or for a published library, whose peers are its users' to install."""
        m = u.manifest
        host = self.peer_requirer(m, u.package) if m.unpublishable or self.is_service(m) else None
        if host is None or not self.peer_policy(m).installs:
            return None
        return (f'an install of {where} on its own gets it only as the peer its package manager adds for "{host}", '
                "at whatever version that peer range picks rather than the root's")

    def _added_as_peer(self, u: Use) -> str:
        """Where the package manager installs peers (npm 7+, pnpm's auto-install-peers): the declared
        dependency that requires the package as a peer, which the install adds for it (rxjs for
        @nestjs/common), and what breaks that."""
        m = u.manifest
        _, lock, _ = self._root_install(m)  # a project with a lockfile of its own: its records
        if u.package not in self.taken_as_peer and (lock is None or u.package not in self._recorded_peers(lock)):
            return ""  # no package of the install takes it as a peer
        policy = self.peer_policy(m)
        host = self.peer_requirer(m, u.package, _full_install(u)) if policy.installs else None
        if host is None:
            return ""
        return (f'; it loads today only because "{host}", which {self._rel(m)} declares, requires it as a peer and '
                f"{policy.setting}: a version of \"{host}\" without that peer, or an install that does not add "
                "peers (legacy-peer-deps), breaks it")


_TODAY: Memo[dict[tuple[str, str, bool], str]] = Memo("why undeclared packages load today", lambda project: {})
_IMPORT_FIELDS = ("main", "module", "exports", "types", "typings")


_DEPTH = 3  # packages between a declared dependency and the one it brings, at most
_VISITS = 5000  # packages looked at, at most, per question


def _named(via: list[str]) -> str:
    """`"a"`, `"a" and "b"`, `"a" and "b" (and others)`: the dependencies that bring a package."""
    return f'"{via[0]}"' if len(via) == 1 else f'"{via[0]}" and "{via[1]}"' + (" (and others)" if len(via) > 2 else "")


def _full_install(u: Use) -> bool:
    """Whether what the use needs is read from the full install (devDependencies too): a test's, or
    a type-only import's, which only the build's type check reads."""
    return u.test or u.type_only


def by_accident(package: str, error: str) -> str:
    """The effect of a missing package that the hoisted install holds today (DEP003, DEP004)."""
    return (f'it loads today only because another package brings "{package}" into the hoisted install; another '
            f'version or install layout fails with "{error}"')


def _chain_to(starts: list[str], package: str, deps: Callable[[str], frozenset[str]]) -> list[str] | None:
    """The shortest chain from one of `starts` to a package depending on `package` (the starts
    excluded from the middle): `["web3", "web3-eth"]` for web3-eth-contract, or None."""
    parent: dict[str, str | None] = {s: None for s in sorted(starts)}
    frontier, visits = sorted(starts), 0
    for _ in range(_DEPTH + 1):
        following: list[str] = []
        for current in frontier:
            visits += 1
            children = deps(current)
            if package in children:
                chain = [current]
                while parent[chain[-1]] is not None:
                    chain.append(parent[chain[-1]])
                return chain[::-1]
            for child in sorted(children):
                if child not in parent and visits < _VISITS:
                    parent[child] = current
                    following.append(child)
        frontier = following
    return None
