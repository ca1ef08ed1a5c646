"""The framework through which a published package gets one of its imports: a peer of a peer.

A published plugin keeps its framework in peerDependencies (`@nestjs/typeorm`), so the application
provides one shared copy. What that framework itself requires as a peer (typeorm for
@nestjs/typeorm, rxjs for @nestjs/common), or another package of the framework's scope
(`@nestjs/cqrs` beside `@nestjs/common`), the application provides too: the plugin declares it as
a peer. A `dependencies` entry would install a second copy beside the application's (two TypeORM
`DataSource` classes, two rxjs), which is why DEP002 and DEP005 name peerDependencies there. Not for
a package of a scope the manifest also keeps in `dependencies`: such a scope splits a shared API (the
peer) from implementations each package installs for itself (`@opentelemetry/api` and `/core`).

`sibling_peer` answers the same question from the workspace: a package the published library's
siblings keep in peerDependencies (the framework a family of plugins shares), or a test runner a
published testing helper calls into, is a peer of the library too.
"""

from __future__ import annotations

from migrationlint.model import packages as pk
from migrationlint.model.package_use import Use
from migrationlint.model.dependency_versions import usable_range
from migrationlint.model.tool_hosts import host_tool
from migrationlint.model.workspace import DEP_SECTIONS, Manifest


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
           f"it comes from the scope of {host}, which {rel} keeps in peerDependencies: a family of packages "
           "the application installs")
    meta = m.data.get("peerDependenciesMeta")
    entry = meta.get(host) if isinstance(meta, dict) else None
    return why, isinstance(entry, dict) and entry.get("optional") is True


def sibling_peer(model, u: Use) -> tuple[str, str] | None:
    """(range, where from) when the importer is a published library (no `bin`, no service) and
    other workspace packages list the package in peerDependencies: a framework its plugins share (a second
    copy of @nestjs/common or react splits its injection or hooks), so the remedy is a peer; so is a
    test runner a published testing helper calls into."""
    m = u.manifest
    if not model.published_library(m) or not m.name or u.test \
            or _depends_on(model.ws.member(u.package), m.name):
        return None  # a package that depends on the importer: the importer is none of its plugins
    if (tool := host_tool(u.package)) is not None:  # a testing helper or a tool's plugin it publishes
        found = model.version(u.package, m)
        return (found[0], f"{found[1]}; {tool}") if found is not None else None
    # a sibling that declares the importer plugs into it (its host, or a library it uses): what it
    # shares as a peer, the importer provides; a sibling of the same project (a project nested with
    # its own lockfile installs another major)
    root = model.root_of(m)
    peers = [(r, s) for r, s in model.ws.sibling_ranges(u.package, exclude=m.path)
             if r == s.section("peerDependencies").get(u.package) and not _depends_on(s, m.name)
             and model.root_of(s).path == root.path]
    usable = [(r, s) for r, s in peers if usable_range(r)]
    if usable:
        return model._most_used(usable)
    # `"*"` says which package is a peer, not which version: the root's range does
    version = root.range_of(u.package) if peers and root is not m else None
    return (version, f"as {model._rel(peers[0][1])} keeps it in peerDependencies") \
        if version and usable_range(version) else None


def _depends_on(manifest: Manifest | None, name: str) -> bool:
    """Whether `manifest` declares `name` in any dependency section."""
    return manifest is not None and any(name in manifest.section(s) for s in DEP_SECTIONS)
