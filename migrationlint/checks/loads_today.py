"""Why an undeclared package loads on the author's machine today, and what breaks it (DEP001's
message): the declared dependencies that bring it into a hoisting install (a workspace package
that keeps it in its own dependencies too), the one whose copy is hoisted where the lockfile holds
several, the peer the package manager adds for a declared dependency, or the npm alias the
manifest already installs it under. A mixin of the DEP rules' checker.
"""

from __future__ import annotations

from migrationlint.model.dependency_versions import importer_key
from migrationlint.model.package_use import Use
from migrationlint.model.pnpm_edges import own_dependencies
from migrationlint.model.project import Memo
from migrationlint.model.workspace import DEP_SECTIONS, Manifest


class LoadsToday:
    """Mixin of UndeclaredImports: `_loads_today` and `_installed_as_alias`, message parts."""

    def _loads_today(self, u: Use) -> str:
        """Why the import works on the author's machine, and what breaks it: the declared dependencies
        that bring the package into a hoisting install. Named only where the lockfile holds one version
        of it: with several, the hoisted copy may be another package's, and a dependency naming a
        version apart keeps its own nested copy."""
        m = self._declaring_manifest(u)  # the root, for a member that takes its packages from there
        memo = _TODAY(self.project)
        key = (u.manifest.path, m.path, u.package, u.test)
        if key not in memo:  # asked per finding; many findings share a package
            memo[key] = self._why_today(u, m)
        return memo[key]

    def _why_today(self, u: Use, m: Manifest) -> str:
        via = self.bringing_dependencies(m, u.package, u.test) or self._pnpm_carriers(m, u.package, u.test)
        if not via:
            return self._added_as_peer(u)
        several = not self.one_copy_hoisted(m, u.package)
        if several:
            via = self._using_the_hoisted_copy(m, u.package, via)
        if not via:
            return ("; it loads today only because a package of the install depends on it and the install hoists "
                    "one of its versions (the lockfile holds several): another version, or an install that does not "
                    "hoist, breaks it")
        named = f'"{via[0]}"' if len(via) == 1 else f'"{via[0]}" and "{via[1]}"' + (" (and others)" if len(via) > 2 else "")
        one = len(via) == 1
        change = f"another version of {named if one else 'them'}" if any(self.ws.member(d) is None for d in via) \
            else f"a change to the dependencies of {named}" if one else "a change to their dependencies"  # the workspace's
        hoisted = f"the copy {'it uses' if one else 'they use'} (the lockfile holds several versions)" if several else "it"
        return (f"; it loads today only because {named}, which {self._rel(m)} declares, depend{'s' if one else ''} on it "
                f"and the install hoists {hoisted}: {change}, or an install that does not hoist, breaks it")

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

    def _added_as_peer(self, u: Use) -> str:
        """Where the package manager installs peers (npm 7+, pnpm's auto-install-peers): the declared
        dependency that requires the package as a peer, which the install adds for it (rxjs for
        @nestjs/common), and what breaks that."""
        m = u.manifest
        if u.package not in self.taken_as_peer:  # no package of the install takes it as a peer
            return ""
        policy = self.peer_policy(m)
        host = self.peer_requirer(m, u.package) if policy.installs else None
        if host is None:
            return ""
        return (f'; it loads today only because "{host}", which {self._rel(m)} declares, requires it as a peer and '
                f"{policy.setting}: a version of \"{host}\" without that peer, or an install that does not add "
                "peers (legacy-peer-deps), breaks it")


_TODAY: Memo[dict[tuple[str, str, bool], str]] = Memo("why undeclared packages load today", lambda project: {})
