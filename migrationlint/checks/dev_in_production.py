"""DEP002's message and fix for a devDependency that shipping code imports: move it to
`dependencies`, or, for a published package, declare it as a peer where the application provides
it (a peer of the host framework, a package the bundle leaves external).
"""

from __future__ import annotations

from migrationlint.checks.peer_hosts import peer_host
from migrationlint.checks.unimported_files import unimported_note
from migrationlint.diagnostics import Applicability, Edit, Fix, Severity
from migrationlint.model.package_use import Use
from migrationlint.model.package_roles import started_application
from migrationlint.model.test_runners import RUNNER_APIS
from migrationlint.model.tool_hosts import host_tool
from migrationlint.model.workspace import Manifest


class DevInProduction:
    """Mixin of DependencyChecks: DEP002's diagnostic for one use of a devDependency that ships."""

    def _dev_finding(self, u: Use) -> tuple[str, Fix | None, Severity | None]:
        """(message, fix, severity unless the rule's) of DEP002 for `u`."""
        m = u.manifest
        rel = self._rel(m)
        ships = f"; this file ships: {u.verdict.reason}{unimported_note(self.project, u)}" if u.verdict else ""
        host = peer_host(self, u)
        if host is not None:  # the application provides it with the host: found where it hoists, not under pnpm
            optional = ", marked optional in peerDependenciesMeta as that peer is" if host[1] else \
                ", marked optional in peerDependenciesMeta (loaded on demand, as an alternative)" if u.on_demand else ""
            found = ("its copy is found only where it is hoisted (npm, yarn), not in a strict layout (pnpm, Plug'n'Play)"
                     if self.install_hoists(m) else
                     "this repository's install gives a package only what it declares (pnpm, Plug'n'Play), so its "
                     "copy is not found")
            message = (f'"{u.package}" is declared only in devDependencies of {rel} but production code imports it: '
                       f"{host[0]}, so the application that installs this published package provides it, but "
                       f"{found}; declare it in peerDependencies too{optional} (one copy, shared with the application){ships}")
            return message, None, Severity.WARNING
        if self._unpublished_member(u):  # neither section could install it: no fix
            return (f'"{u.package}" is declared only in devDependencies of {rel} but production code imports it: '
                    f"{self._left_out(u)} with \"Cannot find module '{u.package}'\"; {u.package} is a private "
                    "workspace package, never published, so no section of this published package's manifest "
                    "installs it for its users: bundle it into the build, or keep the code that imports it out of "
                    f"what ships{ships}"), None, None
        external = self._left_external(u)
        if external is not None:
            return external, self._peer_fix(m, u.package), None
        if u.on_demand and self.optional_features_its_users_install(m):  # dependency_exemptions._optional_feature
            return (f'"{u.package}" is declared only in devDependencies of {rel} but production code loads it on '
                    f"demand, like an optional feature: the users who enable it must install it, and nothing tells "
                    f'them; declare "{u.package}" in peerDependencies of {rel}, marked optional in '
                    f"peerDependenciesMeta, keeping the devDependency for development{ships}"), None, Severity.WARNING
        peers = self._sibling_peers(u)
        remedy = self._dev_remedy(u) if not peers else (
            f"declare it in peerDependencies{peers}, keeping the devDependency for development")
        hosted = peers is not None and host_tool(u.package) is not None  # its user's runner or build brings it
        left_out = (f"an install of {m.name} as a dependency leaves out its devDependencies, and its user's copy is "
                    "found only where the install hoists it (npm, yarn), not in a strict layout (pnpm, Plug'n'Play), "
                    "which fails" if hosted else self._left_out(u))
        message = (f'"{u.package}" is declared only in devDependencies of {rel} but production code imports it'
                   f": {left_out} with \"Cannot find module '{u.package}'\"; " + remedy + ships)
        if peers:
            return message, self._peer_fix(m, u.package), Severity.WARNING if hosted else None
        if u.package in RUNNER_APIS:  # moving it would install a test runner with every deployment
            return message, None, None
        edit = Edit(m.path, 0, 0, "", json_edit=("move", "devDependencies", "dependencies", u.package))
        fix = Fix(Applicability.UNSAFE, (edit,), f'Move "{u.package}" to dependencies in {rel}')
        return message, fix, None

    def _unpublished_member(self, u: Use) -> bool:
        """Whether a published library's shipping code imports a private workspace package (`"private":
        true`): the registry has no copy, so moving it to dependencies or peerDependencies breaks every
        install of the library instead of fixing it."""
        member = self.ws.member(u.package)
        return member is not None and member.unpublishable and not u.manifest.unpublishable \
            and self.published_library(u.manifest)

    def _sibling_peers(self, u: Use) -> str | None:
        """Why the package is a peer of this published library, said for the message: published
        siblings keep it in peerDependencies at least as often as they depend on it (`@nestjs/common`
        beside a family of Nest modules: a second copy splits the injector), or it is a test runner a
        published testing helper calls into (`vitest.fn()`). None otherwise, or for no library."""
        m = u.manifest
        if m.unpublishable or not m.name or started_application(m) or self.is_service(m) \
                or self.ws.member(u.package) is not None:
            return None
        if (tool := host_tool(u.package)) is not None and self.published_library(m):
            return f" ({tool})"
        peering = self._declaring(u.package, m, "peerDependencies")
        if not peering or len(peering) < len(self._declaring(u.package, m, "dependencies")):
            return None
        shown = ", ".join(peering[:2]) + (f" and {len(peering) - 2} more" if len(peering) > 2 else "")
        return (f", as {shown} {'keeps' if len(peering) == 1 else 'keep'} it (the application that installs "
                "this published package provides one copy, shared with them)")

    def _left_out(self, u: Use) -> str:
        """Which install leaves the package out, and what then fails: a library is installed as a
        dependency, from the registry or by the workspace's production install of an app that uses it,
        and neither installs its devDependencies; a service or command fails in the repository's own
        production install."""
        m = u.manifest
        if self.published_library(m):
            # npm links every workspace package whatever section lists it: only the registry's install fails
            kept = any(lock.in_production_install(u.package, importer) for lock, importer in self._lockfiles_for(m))
            where = "from the registry" if kept else \
                f"from the registry, or the workspace's production install, {self.production_install(m)}"
            return (f"an install of {m.name} as a dependency ({where}) leaves out its devDependencies, so an "
                    f"application that uses it fails")
        service = self.is_service(m)
        fails = "the command fails" if m.data.get("bin") and not service else "the service fails" if service \
            else "the application that loads it fails"
        via = self.bringing_dependency(m, u.package)
        if via is not None and self.one_copy_hoisted(m, u.package):  # installed today through another package, by chance
            return f"a production install ({self.production_install(m)}) holds it today only because {via} " \
                   f"depends on it; once {via} no longer does, {fails}"
        if via is not None:  # several versions locked: whether the copy hoisted where it looks is the one `via` brings
            return f"a production install ({self.production_install(m)}) holds it only if the copy {via} brings is the " \
                   f"one hoisted where this file looks (the lockfile holds several versions of it); otherwise {fails}"
        return f"a production install ({self.production_install(m)}) leaves it out and {fails}"

    def _left_external(self, u: Use) -> str | None:
        """DEP002's message for a published package whose bundle's external list names the package:
        the build leaves it to the application, which must install it (a peer), or None."""
        m = u.manifest
        if m.unpublishable or not m.name or u.package not in self.shipping.left_external(m) or self.serverless(m):
            return None  # a Serverless Framework service is deployed, never installed by an application
        return (f'"{u.package}" is declared only in devDependencies of {self._rel(m)} but production code imports it, '
                f"and the build's external list leaves it out of the bundle: the application that installs this "
                f"published package must provide it; declare it in peerDependencies (marked optional in "
                f"peerDependenciesMeta when only some features load it), keeping the devDependency for development; "
                f"this file ships: {u.verdict.reason if u.verdict else 'counted as shipping'}")

    def _peer_fix(self, m: Manifest, package: str) -> Fix | None:
        """An unsafe addition of `package` to peerDependencies, at its devDependencies range."""
        rng = m.section("devDependencies").get(package)
        return self._add_fix(m, "peerDependencies", package, rng, Applicability.UNSAFE) if rng else None

    def _dev_remedy(self, u: Use) -> str:
        """Where a devDependency that ships belongs: `dependencies`, or for a published package
        that plugs into a workspace package (a plugin of its framework) `peerDependencies`."""
        m = u.manifest
        if u.package in RUNNER_APIS:
            return ("a test runner is no runtime dependency: this file is test support that production code "
                    "reaches, so keep it out of what ships (move it beside the tests, or stop importing it from "
                    "shipping code) rather than moving the runner to dependencies")
        if m.unpublishable or not m.name or started_application(m) or self.is_service(m) or self.serverless(m):
            return "move it to dependencies"
        if self.ws.member(u.package) is not None:
            depending = self._declaring(u.package, m, "dependencies")
            peering = self._declaring(u.package, m, "peerDependencies")
            if len(depending) > len(peering):
                shown = ", ".join(depending[:2]) + (f" and {len(depending) - 2} more" if len(depending) > 2 else "")
                return f"move it to dependencies (as {shown} {'declares' if len(depending) == 1 else 'declare'} it)"
            if peering or self._declaring(u.package, m, "devDependencies"):
                # the workspace's plugins of that package take it as a peer, or build against it as this
                # one does (a framework's plugins, each keeping its core in devDependencies): a host
                return (f"declare it in peerDependencies (this published package plugs into {u.package}, which the "
                        f"application that installs it provides) or move it to dependencies")
        return "move it to dependencies (or to peerDependencies, when the application that installs this published " \
               "package provides it)"

    def _declaring(self, package: str, m: Manifest, section: str) -> list[str]:
        """The other published libraries of the workspace that declare `package` in `section`, by
        path: how the packages like this one use it (an application or a tool installs its host)."""
        return sorted(self._rel(s) for s in self.ws.member_manifests
                      if s.path != m.path and package in s.section(section) and self.published_library(s))
