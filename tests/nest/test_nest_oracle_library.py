"""Real Nest and the real library packages as the oracle for NEST003's library table and its global
modules.

Each case is a small app: OrdersService (its constructor typed with one or more library classes, or
a workspace class) in OrdersModule, imported by AppModule next to whatever the case sets up. The app
is transpiled and `Test.createTestingModule({ imports: [AppModule] }).compile()` run (see
test_nest_oracle.py): Nest must fail with "Nest can't resolve dependencies" exactly when NEST003
reports, and the rule's message must start with Nest's first line. Every row of the library table
(migrationlint/model/nest_library.py) has a case where Nest fails and one where it starts. Needs node and
npm: the packages are installed with the other oracle packages; skipped when unreachable.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import lint
from tests.nest.test_nest_oracle import BOOT, _build, _install, _js, _node, _write

pytestmark = pytest.mark.integration

# what each library module's name is imported from
SOURCES = {"HttpModule": "@nestjs/axios", "JwtModule": "@nestjs/jwt", "CqrsModule": "@nestjs/cqrs",
           "TerminusModule": "@nestjs/terminus", "ConfigModule": "@nestjs/config",
           "ScheduleModule": "@nestjs/schedule", "EventEmitterModule": "@nestjs/event-emitter",
           "PassportModule": "@nestjs/passport", "TypeOrmModule": "@nestjs/typeorm", "SharedModule": "./shared.module"}
@pytest.fixture(scope="module")
def node_modules():
    found = _install()
    if found is None:
        pytest.skip("npm or the npm registry is unreachable and no Nest oracle is cached")
    return found


USERS = "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class UsersService {}\n"


def _heads(*lists: str) -> str:
    names = sorted({n for n in SOURCES if any(n in s for s in lists)})
    return "".join(f"import {{ {n} }} from '{SOURCES[n]}';\n" for n in names)


def _app(params: list[tuple[str, str]], orders: str = "", app: str = "", shared: str = "") -> dict[str, str]:
    """params: (class, package) of OrdersService's constructor; orders/app: their `imports` lists."""
    by_package: dict[str, list[str]] = {}
    for cls, package in params:
        by_package.setdefault(package, []).append(cls)
    heads = "".join(f"import {{ {', '.join(v)} }} from '{k}';\n" for k, v in by_package.items())
    args = ", ".join(f"private readonly p{i}: {cls}" for i, (cls, _) in enumerate(params))
    files = {
        "src/orders.service.ts": f"import {{ Injectable }} from '@nestjs/common';\n{heads}\n"
                                 f"@Injectable()\nexport class OrdersService {{\n  constructor({args}) {{}}\n}}\n",
        "src/orders.module.ts": f"import {{ Module }} from '@nestjs/common';\n{_heads(orders)}"
                                f"import {{ OrdersService }} from './orders.service';\n\n"
                                f"@Module({{ imports: [{orders}], providers: [OrdersService] }})\n"
                                f"export class OrdersModule {{}}\n",
        "src/app.module.ts": f"import {{ Module }} from '@nestjs/common';\n{_heads(app)}"
                             f"import {{ OrdersModule }} from './orders.module';\n\n"
                             f"@Module({{ imports: [{app + ', ' if app else ''}OrdersModule] }})\n"
                             f"export class AppModule {{}}\n",
        "src/users.service.ts": USERS,
    }
    if shared:
        files["src/shared.module.ts"] = shared
    return files


def _library_cases() -> list[tuple[str, dict[str, str]]]:
    axios, jwt, cqrs = "@nestjs/axios", "@nestjs/jwt", "@nestjs/cqrs"
    terminus, config, events = "@nestjs/terminus", "@nestjs/config", "@nestjs/event-emitter"
    http, jwts, cfg = [("HttpService", axios)], [("JwtService", jwt)], [("ConfigService", config)]
    buses = [(c, cqrs) for c in ("CommandBus", "QueryBus", "EventBus", "EventPublisher")]
    health = [(c, terminus) for c in ("HealthCheckService", "TypeOrmHealthIndicator", "HttpHealthIndicator",
                                      "MemoryHealthIndicator", "DiskHealthIndicator")]
    emitter = [("EventEmitter2", events)]
    return [
        ("bad", _app(http)), ("good", _app(http, "HttpModule")),
        ("good", _app(http, "HttpModule.register({ timeout: 1000 })")),
        ("good", _app(http, app="HttpModule.register({ global: true })")), ("bad", _app(http, app="HttpModule")),
        ("bad", _app(jwts)), ("good", _app(jwts, "JwtModule")), ("good", _app(jwts, "JwtModule.register({ secret: 's' })")),
        ("good", _app(jwts, app="JwtModule.register({ secret: 's', global: true })")),
        ("bad", _app(jwts, app="JwtModule.register({ secret: 's' })")),
        *[("bad", _app([bus])) for bus in buses], ("good", _app(buses, "CqrsModule")),
        ("good", _app(buses, app="CqrsModule.forRoot()")), ("bad", _app(buses[:1], app="CqrsModule")),
        *[("bad", _app([h])) for h in health], ("good", _app(health, "TerminusModule")),
        ("good", _app(health, "TerminusModule.forRoot()")), ("bad", _app(health[:1], app="TerminusModule")),
        ("bad", _app(cfg)), ("good", _app(cfg, "ConfigModule")), ("good", _app(cfg, "ConfigModule.forRoot()")),
        ("good", _app(cfg, app="ConfigModule.forRoot({ isGlobal: true })")), ("bad", _app(cfg, app="ConfigModule.forRoot()")),
        ("bad", _app([("SchedulerRegistry", "@nestjs/schedule")])),
        ("good", _app([("SchedulerRegistry", "@nestjs/schedule")], app="ScheduleModule.forRoot()")),
        ("bad", _app(emitter)), ("good", _app(emitter, app="EventEmitterModule.forRoot()")),
        ("bad", _app(emitter, app="EventEmitterModule.forRoot({ global: false })")),
        ("good", _app(emitter, "EventEmitterModule.forRoot({ global: false })")),
        ("bad", _app([("EventEmitter2", "eventemitter2")])),
        ("good", _app([("EventEmitter2", "eventemitter2")], app="EventEmitterModule.forRoot()")),
        ("good", _app([("Reflector", "@nestjs/core"), ("ModuleRef", "@nestjs/core")])),
        # third-party modules known to provide none of the table's classes (QUIET)
        ("bad", _app(buses[:1], "PassportModule.register({ defaultStrategy: 'jwt' })")),
        ("good", _app(buses[:1], "PassportModule, CqrsModule")),
        ("bad", _app(cfg, "TypeOrmModule.forFeature([])")),
    ]


SHARED = """import {{ Module }} from '@nestjs/common';
import {{ UsersService }} from './users.service';

@Module({{ providers: [UsersService]{exports} }})
export class SharedModule {{
  static forRoot() {{
    return {returned};
  }}
}}
"""


def _global_cases() -> list[tuple[str, dict[str, str]]]:
    """A workspace module made global by its static builder: only what it exports is global."""
    users = [("UsersService", "./users.service")]

    def shared(returned: str, exports: str = "") -> dict[str, str]:
        return _app(users, app="SharedModule.forRoot()", shared=SHARED.format(returned=returned, exports=exports))

    exported = ", exports: [UsersService]"
    return [
        ("good", shared("{ module: SharedModule, global: true }", exported)),
        ("good", shared("{ module: this, global: true, exports: [UsersService] }")),
        ("bad", shared("{ module: SharedModule, global: true }")),
        ("bad", shared("{ module: SharedModule, global: false, exports: [UsersService] }")),
        ("bad", shared("{ module: SharedModule, exports: [UsersService] }")),
    ]


GUARD = """import {{ CanActivate, Injectable }} from '@nestjs/common';
import {{ UsersService }} from './users.service';

{decorator}export class AuthGuard implements CanActivate {{
  constructor(private readonly users: UsersService) {{}}
  canActivate() {{ return true; }}
}}
"""
CONTROLLER = """import {{ Controller, Get, Injectable, UseFilters, UseGuards, UseInterceptors, UsePipes }} from '@nestjs/common';
import {{ AuthGuard }} from './auth.guard';
import {{ UsersService }} from './users.service';

{on_class}export class OrdersController {{
  @Get()
  {on_method}list() {{ return []; }}
}}
"""


def _enhancer_cases() -> list[tuple[str, dict[str, str]]]:
    """Guards, interceptors, pipes and filters named by class: Nest builds them in the module of the
    controller (or provider) that names them."""
    def case(on_class: str = "@Controller('orders')\n", on_method: str = "", providers: str = "",
             guard: str = "@Injectable()\n", entry: str = "controllers") -> dict[str, str]:
        files = _app([])
        files["src/auth.guard.ts"] = GUARD.format(decorator=guard)
        files["src/orders.controller.ts"] = CONTROLLER.format(on_class=on_class, on_method=on_method)
        files["src/orders.module.ts"] = (
            "import { Module } from '@nestjs/common';\nimport { OrdersController } from './orders.controller';\n"
            "import { UsersService } from './users.service';\n\n"
            f"@Module({{ {entry}: [OrdersController{', ' if entry == 'providers' and providers else ''}"
            f"{providers if entry == 'providers' else '], providers: [' + providers}] }})\nexport class OrdersModule {{}}\n")
        return files

    return [
        ("bad", case(on_method="@UseGuards(AuthGuard)\n  ")),
        ("good", case(on_method="@UseGuards(AuthGuard)\n  ", providers="UsersService")),
        ("bad", case(on_class="@Controller('orders')\n@UseInterceptors(AuthGuard)\n")),
        ("bad", case(on_method="@UsePipes(AuthGuard)\n  ")),
        ("bad", case(on_class="@Controller('orders')\n@UseFilters(AuthGuard)\n")),
        ("bad", case(on_class="@Injectable()\n@UseGuards(AuthGuard)\n", entry="providers")),
        ("good", case(on_method="@UseGuards(AuthGuard)\n  ", guard="")),  # no decorator: no constructor types
        ("good", case(on_method="@UseGuards(new AuthGuard(new UsersService()))\n  ")),
    ]


def _shape_cases() -> list[tuple[str, dict[str, str]]]:
    """Parameter shapes: what TypeScript records for them decides what Nest injects."""
    def case(params: str, provided: bool = False, head: str = "import { UsersService } from './users.service';") -> dict:
        files = _app([])
        files["src/orders.service.ts"] = (f"import {{ Inject, Injectable, Optional }} from '@nestjs/common';\n{head}\n\n"
                                          f"@Injectable()\nexport class OrdersService {{\n  constructor({params}) {{}}\n}}\n")
        if provided:
            files["src/orders.module.ts"] = files["src/orders.module.ts"].replace(
                "providers: [OrdersService]", "providers: [OrdersService, UsersService]").replace(
                "import { OrdersService }", "import { UsersService } from './users.service';\nimport { OrdersService }")
        return files

    type_only = "import type { UsersService } from './users.service';"
    return [
        ("bad", case("private readonly u: UsersService | null")),
        ("good", case("private readonly u: UsersService | null", provided=True)),
        ("bad", case("private readonly u?: UsersService")),
        ("bad", case("@Inject(UsersService) private readonly u: object")),
        ("good", case("@Inject(UsersService) private readonly u: object", provided=True)),
        ("good", case("@Optional() private readonly u: UsersService")),
        ("bad", case("private readonly u: UsersService", provided=True, head=type_only)),
        ("bad", case("private readonly u: UsersService", provided=True,
                     head="import { type UsersService } from './users.service';")),
    ]


def _spread_cases() -> list[tuple[str, dict[str, str]]]:
    """A provider list exported by another file and spread into `providers`."""
    def case(listed: str) -> dict[str, str]:
        files = _app([("UsersService", "./users.service")])
        files["src/common.ts"] = f"import {{ OrdersService }} from './orders.service';\n" \
                                 f"import {{ UsersService }} from './users.service';\n\nexport const common = [{listed}];\n"
        files["src/orders.module.ts"] = files["src/orders.module.ts"].replace(
            "providers: [OrdersService]", "providers: [...common]").replace(
            "import { OrdersService } from './orders.service';", "import { common } from './common';")
        return files

    return [("bad", case("OrdersService")), ("good", case("OrdersService, UsersService"))]


@pytest.mark.parametrize("role,files", _library_cases() + _global_cases() + _enhancer_cases() + _shape_cases()
                         + _spread_cases())
def test_nest003_library_and_globals_match_nest(node_modules, tmp_path, role, files):
    _write(tmp_path, files)
    reported = [d for d in lint(tmp_path, ["NEST003"]) if d.path.endswith("src/orders.module.ts")]
    assert bool(reported) == (role == "bad"), [d.message for d in reported]
    out = _build(node_modules, tmp_path)
    r = _node(node_modules, BOOT, "boot.js", _js(out, "src/app.module.ts"), "AppModule", "[]")
    assert r.returncode == 0, r.stderr
    verdict = json.loads(r.stdout.strip().splitlines()[-1])
    assert verdict["ok"] == (not reported), verdict
    if reported:
        first = verdict["message"].split("\n", 1)[0]
        assert "can't resolve dependencies" in first
        if "`import type`" in reported[0].message:  # Nest names the erased type per compiler: the class part only
            first = first.split(". ", 1)[0]
        assert reported[0].message.startswith(first.rstrip(".")), (reported[0].message, first)
