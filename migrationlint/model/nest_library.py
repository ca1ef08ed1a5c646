"""Well-known library modules and the provider classes they make injectable, as data.

NEST003 reports a constructor parameter typed with one of these classes (imported from its
package) when the module's context cannot contain the module that provides it. Every row was
checked against the real package with Nest itself (tests/test_nest_oracle.py boots a module
without the library module, where Nest fails, and with it, where Nest starts); a class or a module
not listed here is never reported. Classes Nest provides everywhere (`Reflector`, `ModuleRef` from
@nestjs/core) need no row: they are never missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from migrationlint.model.declarations import Origin
from migrationlint.extract.nest_records import NestCall


@dataclass(frozen=True)
class LibraryModule:
    """A library module and what it provides.

    static: importing the class itself (`imports: [HttpModule]`) provides the classes; methods:
    the dynamic-module builders that provide them (`HttpModule.register(...)`); global_methods and
    global_when: which builders make them visible in every module, and when: "always", or
    "flag:KEY" (when the options' KEY is true), or "unless:KEY" (unless the options' KEY is false).
    """

    package: str
    module: str
    classes: tuple[str, ...]
    static: bool
    methods: tuple[str, ...]
    global_methods: tuple[str, ...] = ()
    global_when: str = ""


LIBRARY: tuple[LibraryModule, ...] = (
    LibraryModule("@nestjs/axios", "HttpModule", ("HttpService",), True, ("register", "registerAsync"),
                  ("register", "registerAsync"), "flag:global"),
    LibraryModule("@nestjs/jwt", "JwtModule", ("JwtService",), True, ("register", "registerAsync"),
                  ("register", "registerAsync"), "flag:global"),
    LibraryModule("@nestjs/cqrs", "CqrsModule", ("CommandBus", "QueryBus", "EventBus", "EventPublisher"), True,
                  ("forRoot", "forRootAsync"), ("forRoot", "forRootAsync"), "always"),
    LibraryModule("@nestjs/terminus", "TerminusModule",
                  ("HealthCheckService", "TypeOrmHealthIndicator", "HttpHealthIndicator", "MemoryHealthIndicator",
                   "DiskHealthIndicator"), True, ("forRoot", "forRootAsync")),
    LibraryModule("@nestjs/config", "ConfigModule", ("ConfigService",), True, ("forRoot", "forFeature"),
                  ("forRoot",), "flag:isGlobal"),
    LibraryModule("@nestjs/schedule", "ScheduleModule", ("SchedulerRegistry",), False, ("forRoot", "forRootAsync"),
                  ("forRoot", "forRootAsync"), "always"),
    LibraryModule("@nestjs/event-emitter", "EventEmitterModule", ("EventEmitter2",), False, ("forRoot",),
                  ("forRoot",), "unless:global"),
)
# the same class exported by another package (@nestjs/event-emitter re-exports eventemitter2's)
_ALIASES = {("eventemitter2", "EventEmitter2"): "@nestjs/event-emitter"}
# the name Nest prints for a class whose runtime name is not its exported one (`class EventEmitter`)
_PRINTED = {("@nestjs/event-emitter", "EventEmitter2"): "EventEmitter"}
# library modules known to provide none of the classes above (their providers are tokens or repositories)
QUIET = frozenset({("@nestjs/typeorm", "TypeOrmModule"), ("@nestjs/passport", "PassportModule")})

_BY_MODULE = {(row.package, row.module): row for row in LIBRARY}
_BY_CLASS = {(row.package, name): row for row in LIBRARY for name in row.classes}


def canonical(ref: Origin) -> Origin:
    """One identity for a class that two packages export."""
    if ref.kind == "package" and (ref.path, ref.name) in _ALIASES:
        return Origin("package", _ALIASES[(ref.path, ref.name)], ref.name)
    return ref


def printed_name(ref: Origin) -> str:
    """The class name Nest puts in its error message."""
    return _PRINTED.get((ref.path, ref.name), ref.name) if ref.kind == "package" else ref.name


def providing(ref: Origin) -> LibraryModule | None:
    """The library module providing the class `ref` (a package export), None when not in the table."""
    ref = canonical(ref)
    return _BY_CLASS.get((ref.path, ref.name)) if ref.kind == "package" else None


def library_module(ref: Origin) -> LibraryModule | None:
    return _BY_MODULE.get((ref.path, ref.name)) if ref.kind == "package" else None


def classes(row: LibraryModule) -> set[Origin]:
    return {Origin("package", row.package, name) for name in row.classes}


def provided(row: LibraryModule, method: str) -> set[Origin] | None:
    """What importing the module (method "") or `Module.method(...)` provides; None when that
    builder is not in the table (unknown)."""
    if not method:
        return classes(row) if row.static else set()
    return classes(row) if method in row.methods else None


def makes_global(row: LibraryModule, call: NestCall) -> bool | None:
    """Whether `row.module.method(options)` makes the classes global: None when the options decide
    and are computed."""
    if call.method not in row.global_methods:
        return False if call.method in row.methods else None
    if row.global_when == "always":
        return True
    rule, _, key = row.global_when.partition(":")
    if call.options == "other":
        return None
    value = call.flags.get(key, "absent")
    if value == "absent":
        return rule == "unless"
    return value  # True, False, or None when computed
