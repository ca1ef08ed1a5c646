"""The framework through which a published package gets one of its imports: a peer of a peer.

A published plugin keeps its framework in peerDependencies (`@nestjs/typeorm`), so the application
provides one shared copy. What that framework itself requires as a peer (typeorm for
@nestjs/typeorm, rxjs for @nestjs/common), or another package of the framework's scope
(`@nestjs/cqrs` beside `@nestjs/common`), the application provides too: the plugin declares it as
a peer. A `dependencies` entry would install a second copy beside the application's (two TypeORM
`DataSource` classes, two rxjs), which is why DEP002 and DEP005 name peerDependencies there. Not for
a package of a scope the manifest also keeps in `dependencies`: such a scope splits a shared API (the
peer) from implementations each package installs for itself (`@opentelemetry/api` and `/core`).
"""

from __future__ import annotations

from migrationlint.model import packages as pk
from migrationlint.model.dependency_model import Use


def peer_host(model, u: Use) -> tuple[str, bool] | None:
    """(why the application provides `u.package` to `u`'s published package, whether only
    optionally): a package the manifest keeps in peerDependencies requires it as a peer (by its
    own manifest, the lockfile, node_modules or the built-in table), or shares its scope; optional
    when that peer is optional (`peerDependenciesMeta`). None for a package that can not be
    published, or a test file."""
    m = u.manifest
    if m.unpublishable or not m.name or u.test:
        return None
    hosts = sorted(h for h in m.section("peerDependencies") if h != u.package)
    required = next((h for h in hosts if model.peer_list(h, m).get(u.package) is False), None)
    scope = pk.scope_of(u.package)
    # a scope whose packages the manifest also keeps in dependencies is no framework the application
    # provides whole: only its API is shared (`@opentelemetry/api` a peer, `@opentelemetry/core` a dependency)
    shared = scope and not any(pk.scope_of(d) == scope for d in m.section("dependencies"))
    host = required or next((h for h in hosts if shared and pk.scope_of(h) == scope), None)
    if host is None:
        return None
    rel = model.project.rel(m.path)
    why = (f"{host}, which {rel} keeps in peerDependencies, requires it as a peer" if required else
           f"it belongs to the framework of {host}, which {rel} keeps in peerDependencies")
    meta = m.data.get("peerDependenciesMeta")
    entry = meta.get(host) if isinstance(meta, dict) else None
    return why, isinstance(entry, dict) and entry.get("optional") is True
