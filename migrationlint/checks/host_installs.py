"""What a host's install provides to the packages that plug into it: a framework a published plugin
takes as a peer brings its own dependencies, and the services that link a private library install
what the framework they share with it loads. A mixin of the dependency exemptions.
"""

from __future__ import annotations

from migrationlint.model import packages as pk
from migrationlint.model.dependency_model import DependencyModel
from migrationlint.model.lambda_layers import layer_providing
from migrationlint.model.nuxt_modules import host_provided
from migrationlint.model.package_use import Use
from migrationlint.model.project import Memo
from migrationlint.model.dependency_versions import importer_key
from migrationlint.model.workspace import Manifest


class HostInstalls(DependencyModel):
    """Mixin of DependencyExemptions: `served_by_hosts` (DEP004) and `_brought_by_peer_host` (DEP001)."""

    def served_by_hosts(self, m: Manifest, package: str, need) -> bool:
        """For a private library that is no service: whether the package whose code loads `package`
        (TypeORM for a driver) is only a peer of the library, so the copy that runs is each host's,
        which requires `package` from the host's install, and every workspace package that depends on
        the library and declares that loader declares `package` too. Declaring it in the library
        would change no install that runs its code."""
        requirer = need.requirer
        if requirer is None or not m.unpublishable or self.is_service(m) \
                or requirer not in m.section("peerDependencies") or requirer in m.section("dependencies"):
            return False
        hosts = [d for d in self.shipping.dependents(m) if d.declared(requirer) not in (None, "peerDependencies")]
        return bool(hosts) and all(self.satisfied(d, package, False) for d in hosts)

    def brought_by_dependency(self, m: Manifest, package: str, test: bool = False) -> bool:
        """Whether a package `m` keeps in `dependencies` (for a file that does not ship, `test`, also in
        devDependencies) depends on `package` itself (npm's and yarn's lockfiles say so), in an install
        that hoists: every install of `m` places it where the packages beside it find it
        (`@bull-board/express` brings `@bull-board/ui`, which `@bull-board/api` takes as a peer;
        vite brings the rolldown a Storybook config's plugin takes). DEP003 then has nothing to ask for."""
        return self.bringing_dependency(m, package, test) is not None

    def bringing_dependency(self, m: Manifest, package: str, test: bool = False) -> str | None:
        """The first of `m`'s dependencies that brings `package` as `brought_by_dependency` reads it, or None;
        None too where the lockfile says a production install does not place it where `m`'s files look."""
        found = self.bringing_dependencies(m, package, test)
        return found[0] if found else None

    def peer_requirer(self, m: Manifest, package: str, full: bool = False) -> str | None:
        """The first package `m` lists in `dependencies` (with `full`, a test's: in `devDependencies`
        too) that requires `package` as a peer (not optional)."""
        hosts = [*sorted(m.section("dependencies")), *(sorted(m.section("devDependencies")) if full else ())]
        return next((host for host in hosts if self.peer_list(host, m).get(package) is False), None)

    def one_copy_hoisted(self, m: Manifest, package: str) -> bool:
        """Whether the lockfile of `m`'s install holds a single version of `package`: the hoisted copy
        is then the one every dependent loads, so a message may say which dependency brings it (with
        several, a dependency naming another version keeps a nested copy of its own)."""
        _, lock, _ = self._root_install(m)
        return lock is not None and len(lock.versions.get(package) or ()) <= 1

    def bringing_dependencies(self, m: Manifest, package: str, test: bool = False) -> list[str]:
        """Every one of `m`'s dependencies that brings `package` (see bringing_dependency)."""
        if not self.install_hoists(m):
            return []
        root, lock, _ = self._root_install(m)
        if lock is None:
            return []
        importer = importer_key(m, root)
        if not test and lock.in_production_install(package, importer) is False:
            return []  # the copy it brings stays in its own folder (npm nests it): the importer finds none
        declared = [*m.section("dependencies"), *(m.section("devDependencies") if test else ())]
        return [d for d in declared if package in lock.dependencies_at(d, importer) or self._member_brings(d, package)]

    def _member_brings(self, dependency: str, package: str) -> bool:
        """Whether `dependency` is a package of the workspace that keeps `package` in its own
        `dependencies`: the install places it as it would for a registry package's (a yarn v1
        lockfile records no workspace package, so the lockfile cannot say it)."""
        member = self.ws.member(dependency)
        return member is not None and package in member.section("dependencies")

    def _brought_by_peer_host(self, u: Use) -> bool:
        """A published library's import of a framework package that the framework it takes as a peer
        depends on and shares with the application (`@nestjs/common` in a plugin whose peer is
        `@vendure/core`: some package's peer, or of the framework's own scope, `@vendure/common`): the
        library only runs inside an application that installed that framework, and with it the
        package, where the library's lookup finds it (hoisted by npm and yarn, or in pnpm's hidden
        hoist for installed packages), one copy. A library it merely uses (zod) is the plugin's to
        declare, unless the workspace's other plugins of the same host (a workspace package too) take it
        from the host by design (_plugins_take_it_from); and not under Plug'n'Play, which resolves only
        what is declared. A test of the library
        runs in the repository's own install, which holds the framework as a devDependency beside the
        peer: there, where that install hoists."""
        scope = pk.scope_of(u.package)
        shared = u.package in self.taken_as_peer  # one copy with the application: a second would split it
        hosts = [h for h in self._peer_hosts_bringing(u) if not u.test or h in u.manifest.section("devDependencies")]
        members = [h for h in u.manifest.section("peerDependencies") if (host := self.ws.member(h)) is not None
                   and (u.package in host.section("dependencies") or u.package in host.section("peerDependencies"))] \
            if self.published_library(u.manifest) else []
        return (not u.test or self.install_hoists(u.manifest)) and (any(
            shared or scope is not None and scope == pk.scope_of(host) or self._plugins_take_it_from(host, u)
            for host in hosts) or any(self._plugins_take_it_from(host, u) for host in members))

    def _plugins_take_it_from(self, host: str, u: Use) -> bool:
        """Whether _CONVENTION or more other packages of the workspace that take `host` as a peer import the
        package without declaring it, in an install that hoists: the workspace's plugins take it from their host
        by design (an application platform hands its UI library to every plugin it loads), where the host's
        install places it for them. One plugin alone relying on it is an oversight, and reported."""
        if not self.install_hoists(u.manifest):
            return False
        memo = _CONVENTIONS(self.project)
        key = (host, u.package)
        if key not in memo:
            plugins = [p for p in self.ws.member_manifests if host in p.section("peerDependencies")]
            memo[key] = [p.path for p in plugins if p.declared(u.package) is None and u.package in self.imports_of(p)]
        return len([p for p in memo[key] if p != u.manifest.path]) >= _CONVENTION

    def _host_brings_it(self, u: Use) -> bool:
        """DEP002's counterpart: a devDependency of a published library that a framework it takes as a
        peer depends on (`expo-modules-core`, which `expo` brings, in an Expo module that keeps it in
        devDependencies as Expo's module template does): the application's install of the framework
        holds it, one copy, at the version the framework runs with; so does a host of the workspace that
        lists it in its own `dependencies` (an extension's router, which its React host ships and shares); so
        does a Lambda layer of the package (lambda_layers: `layers/saxon/package.json` declaring `saxon-js`).
        Also Nuxt in a Nuxt module's runtime files (_built_by_the_host)."""
        return bool(self._peer_hosts_bringing(u)) or self._built_by_the_host(u) or (
            self.published_library(u.manifest) and not self.plug_n_play(u.manifest)
            and any(self._member_brings(h, u.package) for h in u.manifest.section("peerDependencies"))) \
            or layer_providing(u.manifest.dir, u.package) is not None

    def _built_by_the_host(self, u: Use) -> bool:
        """Nuxt itself imported by a Nuxt module's runtime file, which the application's Nuxt build
        compiles with its own install (nuxt_modules.py)."""
        return host_provided(u.path, u.manifest, u.package)

    def _peer_hosts_bringing(self, u: Use) -> list[str]:
        """The packages a published library keeps in peerDependencies whose lockfile entry depends on
        `u.package` (none under Plug'n'Play, which resolves only what is declared)."""
        m = u.manifest
        if not self.published_library(m) or self.plug_n_play(m):
            return []
        root, lock, _ = self._root_install(m)
        if lock is None:
            return []
        importer = importer_key(m, root)
        return [host for host in m.section("peerDependencies") if u.package in lock.dependencies_at(host, importer)]


_CONVENTION = 3  # other plugins of the same host relying on it: the workspace's design, not an oversight
_CONVENTIONS: Memo[dict[tuple[str, str], list[str]]] = Memo("plugins of a host importing a package they do not declare",
                                                             lambda project: {})
