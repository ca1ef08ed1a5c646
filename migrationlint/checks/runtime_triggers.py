"""What makes NestJS or TypeORM load a package at start-up (DEP004's triggers), read from a file's
facts: the tables of what each trigger loads are in model.runtime_packages."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from migrationlint.checks.base import Project
from migrationlint.model.project import Memo
from migrationlint.extract.records import FileFacts
from migrationlint.model import runtime_packages as rt
from migrationlint.model.handed_options import handed_on
from migrationlint.model.workspace import Workspace

# what a missing driver looks like where TypeOrmModule (@nestjs/typeorm) opens the connection
_RUNTIME_NOTE = {
    "type": " (inside TypeOrmModule the connection is retried 9 times, 3 s apart, so a missing driver "
            "looks like a database outage)",
}


# when a package a trigger loads is loaded: at start-up, but for a transport a health check pings
AT_START_UP = "at start-up"
_WHEN_PINGED = "when the health check runs"


def runtime_needs(project: Project, ws: Workspace, path: str,
                  facts: FileFacts) -> Iterator[tuple[str, int, int, rt.Need, str, str]]:
    """(trigger, start, end, need, note, when) of each piece of the file that makes NestJS or TypeORM
    load packages, at start-up: a Transport, NestFactory.create() without an adapter, ValidationPipe, a
    WebSocket gateway in a package that sets no adapter, a GraphQL driver, a terminus health
    indicator, a TypeORM driver or cache type; a Transport that a terminus `pingCheck(...)` names
    loads its client when the check runs."""
    bound = _bindings(facts)
    transport = bound.get(("@nestjs/microservices", "Transport"))
    if transport:
        server = any(c.callee.endswith(("createMicroservice", "connectMicroservice")) for c in facts.calls)
        pings = [(c.start, c.end) for c in facts.calls if c.callee.endswith(".pingCheck")]
        version = ws.declared_version(path, "@nestjs/microservices")
        held = {start: holder for start, *holder in facts.transport_holders}
        for ref, start, end in facts.member_refs:
            obj, _, member = ref.partition(".")
            need = rt.transport_need(member, server, version[0] if version else None) if obj in transport else None
            if need is not None and not _handed_nowhere(project, path, held.get(start)):
                pinged = any(s <= start and end <= e for s, e in pings)
                yield ref, start, end, need, "", _WHEN_PINGED if pinged else AT_START_UP
    factory = bound.get(("@nestjs/core", "NestFactory"))
    if factory and not _before_platforms(ws, path, "@nestjs/core"):
        for c in facts.calls:
            obj, _, method = c.callee.rpartition(".")
            if method == "create" and obj in factory and c.args and (len(c.args) == 1 or c.args[1][0] == "object"):
                yield "NestFactory.create() without an HTTP adapter", c.start, c.end, rt.PLATFORM_EXPRESS, "", AT_START_UP
    yield from _bound_uses(facts, bound, "@nestjs/common", {"ValidationPipe": rt.VALIDATION_PIPE})
    if bound.get(("@nestjs/websockets", "WebSocketGateway")) and not _sets_ws_adapter(project, ws.package_root(path)) \
            and not _before_platforms(ws, path, "@nestjs/websockets"):
        yield from _bound_uses(facts, bound, "@nestjs/websockets", {"WebSocketGateway": rt.SOCKET_IO_ADAPTER})
    apollo = ws.declared_version(path, "@nestjs/apollo")
    drivers = rt.GRAPHQL_DRIVERS if apollo is None or apollo[0] >= rt.APOLLO_SERVER_SINCE else rt.APOLLO_3_DRIVERS
    for source in ("@nestjs/apollo", "@nestjs/mercurius"):
        yield from _bound_uses(facts, bound, source, drivers, skip=source)
    terminus = {loc: name for (src, name), locs in bound.items() if src == "@nestjs/terminus" for loc in locs}
    terminus_version = ws.declared_version(path, "@nestjs/terminus") if terminus else None
    for name, start, end in facts.ctor_param_types:
        indicator = terminus.get(name)
        need = rt.TERMINUS_INDICATORS.get(indicator or "")
        since = rt.TERMINUS_SINCE.get(indicator or "")
        if need is not None and not (since and terminus_version and terminus_version[0] < since):
            yield f"Injecting {indicator}", start, end, need, "", AT_START_UP
    if not facts.orm_types:
        return
    major = project.typeorm_major(path)
    nest_typeorm = _with_nest_typeorm(ws, path)  # the retry note
    for role, value, start, end in facts.orm_types:
        table = rt.ORM_DRIVERS if role == "type" else rt.ORM_CACHES
        need = table.get(value)
        if need is None or (value == "sqlite" and major is not None and major >= 1):
            continue
        if major is not None and major >= 1 and need.alternatives:
            need = replace(need, alternatives=())
        label = f"TypeORM `type: '{value}'`" if role == "type" else f"TypeORM `cache: {{ type: '{value}' }}`"
        yield label, start, end, need, _RUNTIME_NOTE.get(role, "") if nest_typeorm else "", AT_START_UP


def _before_platforms(ws: Workspace, path: str, package: str) -> bool:
    """Whether the file's package declares a NestJS release before 6, whose core brings express and
    whose websockets bring socket.io themselves: the `@nestjs/platform-*` packages began with 6."""
    version = ws.declared_version(path, package)
    return version is not None and version[0] < rt.PLATFORMS_SINCE


def _with_nest_typeorm(ws: Workspace, path: str) -> bool:
    """Whether the file's package (or the workspace root) declares @nestjs/typeorm, whose
    TypeOrmModule retries the connection: a plain DataSource fails at once."""
    return any(m is not None and m.declared("@nestjs/typeorm") is not None
               for m in (ws.manifest_for(path), ws.root_manifest))


def _sets_ws_adapter(project: Project, package_root: str) -> bool:
    """Whether a file of the package calls `useWebSocketAdapter` (a `WsAdapter`, a Redis-backed
    socket.io adapter): then that adapter, not Nest's default, serves the gateways. Read once per
    package, only for a package with a gateway."""
    memo = _ADAPTERS(project)
    found = memo.get(package_root)
    if found is None:
        found = memo[package_root] = any(project.mentions(p, b"useWebSocketAdapter")
                                         for p in project.package_sources(package_root))
    return found


_ADAPTERS: Memo[dict[str, bool]] = Memo("packages that set a WebSocket adapter", lambda project: {})


def _bound_uses(facts: FileFacts, bound: dict, source: str, table: dict, skip: str | None = None):
    """The first use of each name of `table` imported from `source`: its need, loaded by `source`."""
    for name, need in table.items():
        for local in bound.get((source, name), ()):
            stmt = [(i.stmt_start, i.stmt_end) for i in facts.imports if i.specifier == source]
            refs = [r for r in facts.refs.get(local, []) if not any(s <= r[0] < e for s, e in stmt)]
            if refs:
                packages = tuple(p for p in need.packages if p != skip)
                yield name, refs[0][0], refs[0][1], replace(
                    need, packages=packages, loaded_by=source, requirer=need.requirer or source), "", AT_START_UP


def _handed_nowhere(project: Project, path: str, holder: list | None) -> bool:
    """Whether the top-level options constant that sets this transport (`export const RedisOption = {
    transport: Transport.REDIS }`) reaches nothing: its file uses it only for member reads, and no
    importer uses it whole (handed_options), in a package no registry takes (a published one's users
    may import it): no client or server is made from it."""
    if holder is None:
        return False
    name, exported, whole = holder
    if whole or not exported:
        return not whole
    owner = project.workspace.manifest_for(path)
    return owner is not None and not owner.error and owner.unpublishable and not handed_on(project, path, name)


def _bindings(facts: FileFacts) -> dict[tuple[str, str], set[str]]:
    """(module, imported name) -> local names bound to it by named imports."""
    out: dict[tuple[str, str], set[str]] = {}
    for imp in facts.imports:
        for b in imp.bindings:
            out.setdefault((imp.specifier, b.imported), set()).add(b.local)
    return out
