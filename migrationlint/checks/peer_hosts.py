"""The framework through which a published package gets one of its imports: a peer of a peer.

A published plugin keeps its framework in peerDependencies (`@nestjs/typeorm`), so the application
provides one shared copy. What that framework itself requires as a peer (typeorm for
@nestjs/typeorm, rxjs for @nestjs/common), or another package of the framework's scope
(`@nestjs/cqrs` beside `@nestjs/common`), the application provides too: the plugin declares it as
a peer. A `dependencies` entry would install a second copy beside the application's (two TypeORM
`DataSource` classes, two rxjs), which is why DEP002 and DEP005 name peerDependencies there.
"""

from __future__ import annotations

from migrationlint.model import packages as pk
from migrationlint.model.dependency_model import Use


def peer_host(model, u: Use) -> str | None:
    """Why the application provides `u.package` to `u`'s published package: a package the manifest
    keeps in peerDependencies requires it as a peer (by its own manifest, the lockfile, node_modules
    or the built-in table), or shares its scope. None for a package that can not be published, or
    a test file."""
    m = u.manifest
    if m.unpublishable or not m.name or u.test:
        return None
    hosts = sorted(h for h in m.section("peerDependencies") if h != u.package)
    for host in hosts:
        if model.peer_list(host, m).get(u.package) is False:
            return f"{host}, which {model._rel(m)} keeps in peerDependencies, requires it as a peer"
    scope = pk.scope_of(u.package)
    same = next((h for h in hosts if scope and pk.scope_of(h) == scope), None)
    return f"it belongs to the framework of {same}, which {model._rel(m)} keeps in peerDependencies" if same else None
