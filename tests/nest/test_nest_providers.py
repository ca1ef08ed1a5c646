"""NEST003 on small workspaces: what the provider graph decides, and every unreadable part of a
module's context that must keep the rule silent (precision first). Nest itself checks the reported
and silent shapes in test_nest_oracle.py."""

from __future__ import annotations

from tests.helpers import lint, workspace

USERS = """import { Injectable } from '@nestjs/common';

@Injectable()
export class UsersService {}
"""
ORDERS = """import {{ Injectable, Inject, Optional }} from '@nestjs/common';
import {{ {imported} }} from '{spec}';

@Injectable()
export class OrdersService {{
  constructor({params}) {{}}
}}
"""


def _module(body: str, head: str = "", decorators: str = "", name: str = "OrdersModule", statics: str = "") -> str:
    return f"""import {{ Global, Module }} from '@nestjs/common';
import {{ UsersService }} from './users.service';
import {{ OrdersService }} from './orders.service';
{head}
{decorators}@Module({{ {body} }})
export class {name} {{{statics}}}
"""


def _nest003(tmp_path, module: str, params: str = "private readonly users: UsersService",
             imported: str = "UsersService", spec: str = "./users.service", **more: str) -> list:
    files = {"src/users.service.ts": USERS, "src/other/users.service.ts": USERS,
             "src/orders.service.ts": ORDERS.format(imported=imported, spec=spec, params=params),
             "src/orders.module.ts": module}
    files.update({f"src/{k.replace('__', '/').replace('_', '.')}.ts": v for k, v in more.items()})
    return lint(workspace(tmp_path, files), ["NEST003"])


def test_missing_provider_is_reported_with_nest_message(tmp_path):
    found = _nest003(tmp_path, _module("providers: [OrdersService]"))
    assert [d.path.rsplit("/", 1)[-1] for d in found] == ["orders.module.ts"]
    assert found[0].message.startswith(
        "Nest can't resolve dependencies of the OrdersService (?). Please make sure that the argument "
        "UsersService at index [0] is available in the OrdersModule module")


def test_other_arguments_are_named_like_nest(tmp_path):
    params = "@Inject('CONFIG') config: object, private readonly users: UsersService"
    found = _nest003(tmp_path, _module("providers: [OrdersService]"), params=params)
    assert "OrdersService (CONFIG, ?)" in found[0].message and "at index [1]" in found[0].message


def test_own_provider_and_class_token_are_visible(tmp_path):
    assert not _nest003(tmp_path / "a", _module("providers: [OrdersService, UsersService]"))
    assert not _nest003(tmp_path / "b", _module("providers: [OrdersService, { provide: UsersService, useValue: {} }]"))


def test_identity_not_name(tmp_path):
    found = _nest003(tmp_path, _module("providers: [OrdersService, UsersService]"), spec="./other/users.service")
    assert len(found) == 1


def test_imported_module_must_export_it(tmp_path):
    head = "import { UsersModule } from './users.module';\n"
    users = _module("providers: [UsersService], exports: [UsersService]", name="UsersModule")
    assert not _nest003(tmp_path / "a", _module("imports: [UsersModule], providers: [OrdersService]", head),
                        users_module=users)
    hidden = _module("providers: [UsersService]", name="UsersModule")
    assert _nest003(tmp_path / "b", _module("imports: [UsersModule], providers: [OrdersService]", head),
                    users_module=hidden)


def test_global_module_exports_are_visible(tmp_path):
    users = _module("providers: [UsersService], exports: [UsersService]", decorators="@Global()\n",
                    name="UsersModule")
    assert not _nest003(tmp_path, _module("providers: [OrdersService]"), users_module=users)


def test_a_global_module_with_a_static_builder_keeps_silent(tmp_path):
    """`@Global() @Module({}) class LoggerModule { static forRoot() { return { module: LoggerModule,
    providers: [Logger], exports: [Logger] }; } }` (a real monorepo's logging library): the builder's
    exports are global through the class decorator, so what is global cannot be read."""
    users = _module("", decorators="@Global()\n", name="UsersModule", head="import { DynamicModule } from '@nestjs/common';",
                    statics="\n  static forRoot(): DynamicModule {\n    return { module: UsersModule, providers: [UsersService], "
                            "exports: [UsersService] };\n  }\n")
    assert not _nest003(tmp_path / "a", _module("providers: [OrdersService]"), users_module=users)
    plain = users.replace("@Global()\n", "")
    assert _nest003(tmp_path / "b", _module("providers: [OrdersService]"), users_module=plain)


def test_a_global_class_without_module_whose_builder_provides_keeps_silent(tmp_path):
    """`@Global() export class CoreModule { static forRoot() { return { module: CoreModule,
    providers, exports }; } }` with no `@Module()`: Nest reads the module from the object and makes
    it global by the class's decorator (booted with Nest 11; a real Nx app: 3 NEST003 errors).
    Without `@Global()` the class makes nothing global, and the finding stays."""
    users = ("import { DynamicModule, Global } from '@nestjs/common';\nimport { UsersService } from './users.service';\n\n"
             "@Global()\nexport class UsersModule {\n  static forRoot(): DynamicModule {\n"
             "    return { module: UsersModule, providers: [UsersService], exports: [UsersService] };\n  }\n}\n")
    assert not _nest003(tmp_path / "a", _module("providers: [OrdersService]"), users_module=users)
    plain = users.replace("@Global()\n", "")
    assert _nest003(tmp_path / "b", _module("providers: [OrdersService]"), users_module=plain)


def test_a_forward_reference_to_a_dynamic_module_is_read_as_the_call(tmp_path):
    """`imports: [forwardRef(() => AuthModule.register())]` (a real app's user module): the module
    the builder returns is what is imported, not AuthModule's static metadata; a workspace builder
    is not read, so the rule is silent for that module."""
    head = "import { forwardRef } from '@nestjs/common';\nimport { UsersModule } from './users.module';"
    users = _module("", name="UsersModule", head="import { DynamicModule } from '@nestjs/common';",
                    statics="\n  static register(): DynamicModule {\n    return { module: UsersModule, providers: [UsersService], "
                            "exports: [UsersService] };\n  }\n")
    module = _module("imports: [forwardRef(() => UsersModule.register())], providers: [OrdersService]", head)
    assert not _nest003(tmp_path / "a", module, users_module=users)
    plain = _module("imports: [forwardRef(() => UsersModule)], providers: [OrdersService]", head)
    assert _nest003(tmp_path / "b", plain, users_module=users)  # the static metadata exports nothing


def test_a_module_class_re_exported_after_a_dynamic_import_passes_on_what_the_call_built(tmp_path):
    """A wrapper imports `UsersModule.register()` and exports `UsersModule`: Nest re-exports the
    dynamic module the call built, whose exports a workspace builder decides (6 NEST003 on a real
    API; Nest 10 starts the reproduction). Exported after a plain import, the class's static
    metadata is what is passed on."""
    users = _module("", name="UsersModule", head="import { DynamicModule } from '@nestjs/common';",
                    statics="\n  static register(): DynamicModule {\n    return { module: UsersModule, providers: [UsersService], "
                            "exports: [UsersService] };\n  }\n")
    wrapper = ("import { Module } from '@nestjs/common';\nimport { UsersModule } from './users.module';\n"
               "@Module({ imports: [UsersModule.register()], exports: [UsersModule] })\nexport class UsersRuntimeModule {}\n")
    head = "import { UsersRuntimeModule } from './users-runtime.module';"
    module = _module("imports: [UsersRuntimeModule], providers: [OrdersService]", head)
    assert not _nest003(tmp_path / "a", module, users_module=users, **{"users-runtime_module": wrapper})
    plain = wrapper.replace("UsersModule.register()", "UsersModule")
    assert _nest003(tmp_path / "b", module, users_module=users, **{"users-runtime_module": plain})


def test_decorated_untyped_and_non_injectable_parameters_are_not_read(tmp_path):
    module = _module("providers: [OrdersService]")
    assert not _nest003(tmp_path / "a", module, params="@Optional() private readonly users: UsersService")
    assert not _nest003(tmp_path / "b", module, params="@Inject('USERS') private readonly users: UsersService")
    assert not _nest003(tmp_path / "c", module, params="private readonly users: UsersService | Date")
    assert not _nest003(tmp_path / "d", module, params="@Optional() @Inject(UsersService) users: UsersService")
    assert not _nest003(tmp_path / "e", module, imported="Logger", spec="@nestjs/common",
                        params="private readonly logger: Logger")
    plain = "export class Clock {}\n"
    assert not _nest003(tmp_path / "f", module, imported="Clock", spec="./clock", params="clock: Clock", clock=plain)


def test_unreadable_context_keeps_silent(tmp_path):
    head = "import { ConfigModule } from './config.module';\nimport { list } from './list';\n"
    config = _module("providers: [UsersService], exports: [UsersService]", name="ConfigModule",
                     statics="\n  static forRoot() { return { module: ConfigModule }; }\n")
    cases = {
        "spread": _module("providers: [OrdersService, ...list]", head),
        "variable": _module("imports: [list], providers: [OrdersService]", head),
        "workspace-dynamic": _module("imports: [ConfigModule.forRoot()], providers: [OrdersService]", head),
        "static-builder": _module("imports: [ConfigModule], providers: [OrdersService]", head),
        "computed-token": _module("providers: [OrdersService, { provide: list[0], useClass: UsersService }]", head),
        "not-a-class": _module("providers: [OrdersService, list]", head),
    }
    for name, module in cases.items():
        assert not _nest003(tmp_path / name, module, config_module=config,
                            list="export const list = [];\n"), name


def test_library_dynamic_module_handed_the_class_keeps_silent(tmp_path):
    head = "import { BullModule } from '@nestjs/bull';\n"
    module = _module("imports: [BullModule.forRoot({ providers: [UsersService] })], providers: [OrdersService]", head)
    assert not _nest003(tmp_path / "a", module)
    other = _module("imports: [BullModule.forRoot({ providers: [UsersService], global: true })]", head,
                    name="AppModule")
    assert not _nest003(tmp_path / "b", _module("providers: [OrdersService]"), app_module=other)


def _global_builder(tmp_path, returned: str, exports: str = "") -> list:
    """OrdersModule next to a SharedModule (providing UsersService) whose static builder returns
    `returned`, imported by the app."""
    dyn = _module(f"providers: [UsersService]{exports}", name="SharedModule",
                  statics=f"\n  static forRoot(flag = true) {{ return {returned}; }}\n")
    app = _module("imports: [SharedModule.forRoot()]", "import { SharedModule } from './shared.module';\n",
                  name="AppModule")
    return _nest003(tmp_path, _module("providers: [OrdersService]"), shared_module=dyn, app_module=app)


def test_global_dynamic_module_makes_only_its_exports_global(tmp_path):
    exported = ", exports: [UsersService]"
    assert not _global_builder(tmp_path / "a", "{ module: SharedModule, global: true }", exported)
    assert not _global_builder(tmp_path / "b", "{ module: this, global: true, exports: [UsersService] }")
    assert not _global_builder(tmp_path / "c", "{ module: SharedModule, global: flag }", exported)
    assert not _global_builder(tmp_path / "d", "{ ...base(), module: SharedModule }")
    assert not _global_builder(tmp_path / "e", "{ module: SharedModule, global: true, exports: list() }")
    # global but exporting nothing, or exporting but not global: Nest cannot resolve UsersService
    assert _global_builder(tmp_path / "f", "{ module: SharedModule, global: true }")
    assert _global_builder(tmp_path / "g", "{ module: SharedModule, global: false, exports: [UsersService] }")
    assert _global_builder(tmp_path / "h", "{ module: SharedModule, exports: [UsersService] }")


def test_an_unreadable_global_module_anywhere_keeps_silent(tmp_path):
    helper = "export function make(m: any) { const dm: any = { module: m }; dm.global = true; return dm; }\n"
    assert not _nest003(tmp_path / "a", _module("providers: [OrdersService]"), helper=helper)
    anonymous = "export const dm = { module: class X {}, global: true, exports: [] };\n"
    assert not _nest003(tmp_path / "b", _module("providers: [OrdersService]"), helper=anonymous)
    options = "export const options = { global: true, secret: 'x' };\n"  # not a module: read at its call
    assert _nest003(tmp_path / "c", _module("providers: [OrdersService]"), helper=options)


def test_test_files_are_skipped(tmp_path):
    files = {"src/users.service.ts": USERS,
             "src/orders.service.ts": ORDERS.format(imported="UsersService", spec="./users.service",
                                                    params="users: UsersService"),
             "src/orders.module.spec.ts": _module("providers: [OrdersService]")}
    assert not lint(workspace(tmp_path, files), ["NEST003"])


def test_workspace_function_that_may_return_a_global_module_keeps_silent(tmp_path):
    helper = """import { UsersService } from './users.service';

export function sharedModule() {
  return { module: class Shared {}, providers: [UsersService], exports: [UsersService], global: true };
}
"""
    app = _module("imports: [sharedModule()]", "import { sharedModule } from './shared';\n", name="AppModule")
    assert not _nest003(tmp_path / "a", _module("providers: [OrdersService]"), shared=helper, app_module=app)
    plain = helper.replace("global: true", "global: false").replace("global", "scoped")
    assert _nest003(tmp_path / "b", _module("providers: [OrdersService]"), shared=plain, app_module=app)


def test_module_of_a_workspace_package_read_as_built_files_keeps_silent(tmp_path):
    head = "import { UsersModule } from '@acme/users';\n"
    files = {
        "package.json": '{"name": "root", "private": true, "workspaces": ["apps/*", "libs/*"]}',
        "apps/api/package.json": '{"name": "api", "dependencies": {"@nestjs/common": "^11.0.0", '
                                 '"@acme/users": "*"}}',
        "libs/users/package.json": '{"name": "@acme/users", "main": "dist/index.js"}',
        "libs/users/src/users.service.ts": USERS,
        "apps/api/src/users.service.ts": "export { UsersService } from '../../../libs/users/src/users.service';\n",
        "apps/api/src/orders.service.ts": ORDERS.format(imported="UsersService", spec="./users.service",
                                                        params="users: UsersService"),
        "apps/api/src/orders.module.ts": _module("imports: [UsersModule], providers: [OrdersService]", head),
    }
    root = workspace(tmp_path, files)
    assert not lint(root, ["NEST003"])
    (root / "apps/api/src/orders.module.ts").write_text(_module("providers: [OrdersService]"))
    assert lint(root, ["NEST003"])  # the same workspace without that import: reported


def test_aliased_import_is_named_like_nest(tmp_path):
    found = _nest003(tmp_path, _module("providers: [OrdersService]"), imported="UsersService as Users",
                     params="private readonly users: Users")
    assert "the argument UsersService at index [0]" in found[0].message


def _library(tmp_path, orders_imports: str, head: str = "", imported: str = "HttpService",
             spec: str = "@nestjs/axios", **more: str) -> list:
    """OrdersService takes a library class; OrdersModule imports `orders_imports`."""
    module = _module(f"imports: [{orders_imports}], providers: [OrdersService]", head)
    return _nest003(tmp_path, module, params=f"private readonly dep: {imported.split(' as ')[-1]}",
                    imported=imported, spec=spec, **more)


def test_library_provider_missing_is_reported_with_its_module(tmp_path):
    found = _library(tmp_path, "")
    assert len(found) == 1 and "argument HttpService at index [0]" in found[0].message
    assert found[0].message.endswith("(HttpModule from @nestjs/axios provides it)")
    head = "import { HttpModule } from '@nestjs/axios';\n"
    assert not _library(tmp_path / "a", "HttpModule", head)
    assert not _library(tmp_path / "b", "HttpModule.registerAsync({ useFactory: () => ({}) })", head)
    events = _library(tmp_path / "c", "", imported="EventEmitter2", spec="eventemitter2")
    assert "argument EventEmitter at index [0]" in events[0].message  # the name Nest prints


def test_library_provider_from_global_library_modules(tmp_path):
    cfg = "import { ConfigModule } from '@nestjs/config';\n"
    app = _module("imports: [ConfigModule.forRoot({ isGlobal: true })]", cfg, name="AppModule")
    assert not _library(tmp_path / "a", "", imported="ConfigService", spec="@nestjs/config", app_module=app)
    scoped = _module("imports: [ConfigModule.forRoot({ cache: true })]", cfg, name="AppModule")
    assert _library(tmp_path / "b", "", imported="ConfigService", spec="@nestjs/config", app_module=scoped)
    computed = _module("imports: [ConfigModule.forRoot(options)]", cfg + "const options = {};\n", name="AppModule")
    assert not _library(tmp_path / "c", "", imported="ConfigService", spec="@nestjs/config", app_module=computed)
    const = cfg + "export const config = ConfigModule.forRoot({ isGlobal: flag() });\n"  # anywhere, not only @Module
    assert not _library(tmp_path / "d", "", imported="ConfigService", spec="@nestjs/config", config=const)
    schedule = "import { ScheduleModule } from '@nestjs/schedule';\nexport const s = ScheduleModule.forRoot();\n"
    assert not _library(tmp_path / "e", "", imported="SchedulerRegistry", spec="@nestjs/schedule", s=schedule)
    assert _library(tmp_path / "f", "", imported="SchedulerRegistry", spec="@nestjs/schedule")
    test_only = _module("imports: [ConfigModule.forRoot({ isGlobal: true })]", cfg, name="AppModule")
    assert _library(tmp_path / "g", "", imported="ConfigService", spec="@nestjs/config", app_spec=test_only)


def test_library_provider_in_an_unreadable_or_foreign_context_keeps_silent(tmp_path):
    head = "import { BullModule } from '@nestjs/bull';\nimport { SharedModule } from './shared.module';\n"
    assert not _library(tmp_path / "a", "BullModule", head)  # a third-party module may re-export HttpModule
    assert _library(tmp_path / "q", "PassportModule", "import { PassportModule } from '@nestjs/passport';\n")
    shared = _module("imports: [HttpModule], exports: [HttpModule]", "import { HttpModule } from '@nestjs/axios';\n",
                     name="SharedModule")
    assert not _library(tmp_path / "b", "SharedModule", head, shared_module=shared)
    hidden = _module("imports: [HttpModule]", "import { HttpModule } from '@nestjs/axios';\n", name="SharedModule")
    assert _library(tmp_path / "c", "SharedModule", head, shared_module=hidden)
    assert not _library(tmp_path / "d", "...list", head + "import { list } from './list';\n", list="export const list = [];\n")


def test_only_table_classes_from_their_package_are_read(tmp_path):
    assert not _library(tmp_path / "a", "", spec="@nestjs/common")  # Nest 7 shipped its own HttpService
    assert not _library(tmp_path / "b", "", imported="ConfigType", spec="@nestjs/config")
    assert not _library(tmp_path / "c", "", imported="Reflector", spec="@nestjs/core")
    assert _library(tmp_path / "d", "", imported="HttpService as Http")


GUARD = """import { CanActivate, Injectable } from '@nestjs/common';
import { UsersService } from './users.service';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly users: UsersService) {}
  canActivate() { return true; }
}
"""


def _guarded(tmp_path, providers: str = "", source: str = "@nestjs/common") -> list:
    controller = (f"import {{ Controller, Get }} from '@nestjs/common';\nimport {{ UseGuards }} from '{source}';\n"
                  "import { AuthGuard } from './auth.guard';\n\n@Controller('orders')\nexport class OrdersController {\n"
                  "  @Get()\n  @UseGuards(AuthGuard, AuthGuard)\n  list() { return []; }\n}\n")
    module = _module(f"controllers: [OrdersController], providers: [{providers}]",
                     "import { OrdersController } from './orders.controller';\n")
    return _nest003(tmp_path, module, auth_guard=GUARD, orders_controller=controller)


def test_guards_are_checked_in_the_module_of_their_controller(tmp_path):
    found = _guarded(tmp_path / "a")
    assert len(found) == 1
    assert found[0].message.startswith("Nest can't resolve dependencies of the AuthGuard (?). Please make sure "
                                       "that the argument UsersService at index [0] is available in the OrdersModule")
    assert found[0].message.endswith("AuthGuard is instantiated for the @UseGuards() of OrdersController")
    assert not _guarded(tmp_path / "b", "UsersService")
    assert not _guarded(tmp_path / "c", source="./guards")  # not Nest's decorator


def test_a_class_without_decorator_gets_no_constructor_types(tmp_path):
    plain = ORDERS.replace("@Injectable()\n", "")
    files = {"src/users.service.ts": USERS, "src/orders.module.ts": _module("providers: [OrdersService]"),
             "src/orders.service.ts": plain.format(imported="UsersService", spec="./users.service",
                                                   params="users: UsersService")}
    assert not lint(workspace(tmp_path, files), ["NEST003"])


def test_an_object_whose_module_is_not_a_class_is_not_a_dynamic_module(tmp_path):
    options = "export const opts = (o: object) => ({ ...o, module: 'NodeNext', global: true });\n"
    assert _nest003(tmp_path, _module("providers: [OrdersService]"), helper=options)


def test_parameter_shapes_nest_reads_as_the_class(tmp_path):
    module = _module("providers: [OrdersService]")
    for i, params in enumerate(("users: UsersService | null", "users?: (UsersService | undefined)",
                                "@Inject(UsersService) users: object")):
        found = _nest003(tmp_path / str(i), module, params=params)
        assert len(found) == 1 and "argument UsersService at index [0]" in found[0].message, params
    assert not _nest003(tmp_path / "ok", _module("providers: [OrdersService, UsersService]"),
                        params="@Inject(UsersService) users: object")


def test_a_type_only_import_is_never_injectable(tmp_path):
    provided = _module("providers: [OrdersService, UsersService]")
    inline = _nest003(tmp_path / "a", provided, imported="type UsersService")  # import { type X }
    whole = ORDERS.format(imported="Inject", spec="@nestjs/common", params="users: UsersService")
    whole = whole.replace("\n\n@Injectable", "\nimport type { UsersService } from './users.service';\n\n@Injectable")
    files = {"src/users.service.ts": USERS, "src/orders.module.ts": provided, "src/orders.service.ts": whole}
    for found in (inline, lint(workspace(tmp_path / "b", files), ["NEST003"])):
        assert len(found) == 1 and "imported with `import type`" in found[0].message


def test_a_const_token_holding_a_string_or_symbol_provides_no_class(tmp_path):
    head = "import { MAILER, CLASSY } from './tokens';\n"
    tokens = "export const MAILER = Symbol('MAILER');\nexport const CLASSY = UsersServiceAlias;\n"
    mailer = _module("providers: [OrdersService, { provide: MAILER, useValue: 1 }], exports: [MAILER]", head)
    assert _nest003(tmp_path / "a", mailer, tokens=tokens)
    classy = _module("providers: [OrdersService, { provide: CLASSY, useValue: 1 }]", head)
    assert not _nest003(tmp_path / "b", classy, tokens=tokens)  # a const holding something else: unknown


def test_provider_lists_spread_from_another_file(tmp_path):
    head = "import { common } from './common';\n"
    spread = _module("providers: [OrdersService, ...common]", head)
    listed = "import { UsersService } from './users.service';\n\nexport const common = [UsersService];\n"
    assert not _nest003(tmp_path / "a", spread, common=listed)
    other = "import { UsersService } from './other/users.service';\n\nexport const common = [UsersService];\n"
    assert _nest003(tmp_path / "b", spread, common=other)  # another class of the same name
    computed = "import { UsersService } from './users.service';\n\nexport const common = [UsersService, make()];\n"
    assert not _nest003(tmp_path / "c", spread, common=computed)  # a call: unknown
    # the classes of the list are instantiated in the module: their parameters are checked there
    in_list = "import { OrdersService } from './orders.service';\n\nexport const common = [OrdersService];\n"
    found = _nest003(tmp_path / "d", _module("providers: [...common]", head), common=in_list)
    assert len(found) == 1 and "dependencies of the OrdersService" in found[0].message


def test_a_const_provider_object_named_in_a_list(tmp_path):
    head = "const filter = { provide: 'FILTER', useValue: 'id = :id' };\n"
    assert _nest003(tmp_path / "a", _module("providers: [OrdersService, filter]", head))
    provided = "const users = { provide: UsersService, useValue: {} };\n"
    assert not _nest003(tmp_path / "b", _module("providers: [OrdersService, users]", provided))
    computed = "const filter = { provide: token(), useValue: 1 };\n"
    assert not _nest003(tmp_path / "c", _module("providers: [OrdersService, filter]", computed))


def _exporting(name: str, provided: str) -> str:
    return f"""import {{ Module }} from '@nestjs/common';
import {{ UsersService }} from './users.service';

@Module({{ providers: [{provided}], exports: [{provided}] }})
export class {name} {{}}
"""


CHOSEN = """import {{ DocumentModule }} from './document.module';
import {{ RelationalModule }} from './relational.module';

const PersistenceModule = process.env.DOCUMENT_DB ? DocumentModule : {relational};
"""


def test_a_module_chosen_at_start_up_provides_what_every_choice_provides(tmp_path):
    """`const M = cond ? A : B; imports: [M]`: reported only when no choice provides the class (the
    service cannot start in any configuration); a class some choice provides is not reported."""
    def run(where, document: str, relational: str, choice: str = "RelationalModule") -> list:
        return _nest003(where, _module("imports: [PersistenceModule], providers: [OrdersService]",
                                       head=CHOSEN.format(relational=choice)),
                        document_module=_exporting("DocumentModule", document),
                        relational_module=_exporting("RelationalModule", relational))
    assert not run(tmp_path / "both", "UsersService", "UsersService")
    assert not run(tmp_path / "one", "UsersService", "")
    found = run(tmp_path / "none", "", "")
    assert [d.path.rsplit("/", 1)[-1] for d in found] == ["orders.module.ts"]
    assert not run(tmp_path / "unreadable", "", "", choice="RelationalModule.forRoot()")


MAIN = """import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

NestFactory.create(AppModule).then((app) => app.listen(3000));
"""


def test_a_module_no_file_imports_in_a_bootstrapped_app_is_never_loaded(tmp_path):
    """An app whose main.ts bootstraps Nest loads the modules its imports reach; a leftover
    `orders.module.ts` that no file imports never runs, so its missing provider crashes nothing (a
    real app kept `employees.module.ts` beside the `employee.module.ts` it uses). Imported by the
    AppModule, it is reported; without a bootstrap in the package (a library), too."""
    app = "import {{ Module }} from '@nestjs/common';\n{head}\n@Module({{ imports: [{imports}] }})\nexport class AppModule {{}}\n"
    module = _module("providers: [OrdersService]")
    assert _nest003(tmp_path / "orphan", module, main=MAIN, app_module=app.format(head="", imports="")) == []
    wired = app.format(head="import { OrdersModule } from './orders.module';", imports="OrdersModule")
    assert [d.code for d in _nest003(tmp_path / "wired", module, main=MAIN, app_module=wired)] == ["NEST003"]
    assert [d.code for d in _nest003(tmp_path / "library", module)] == ["NEST003"]
    # a module only an unused import names (`import { OrdersModule }` that no `imports` array lists:
    # tsc drops it; an environmental data service's cron module): never loaded either
    unused = app.format(head="import { OrdersModule } from './orders.module';", imports="")
    assert _nest003(tmp_path / "unused", module, main=MAIN, app_module=unused) == []


def test_a_namesake_or_an_unimported_barrel_does_not_load_a_leftover_module(tmp_path):
    """A leftover `legacy/orders.module.ts` whose name the AppModule's `./orders.module` (another file)
    shares, and one only an index nothing imports re-exports (`export * from './orders.module'`): Nest
    loads neither (a real payments API: 3 NEST003 on such modules). Once a file imports the barrel,
    the re-exported module is reported again."""
    app = "import { Module } from '@nestjs/common';\nimport { OrdersModule } from './orders.module';\n\n" \
          "@Module({ imports: [OrdersModule] })\nexport class AppModule {}\n"
    fine = _module("providers: [OrdersService, UsersService]")
    broken = "import { Module } from '@nestjs/common';\nimport { OrdersService } from '../orders.service';\n\n" \
             "@Module({ providers: [OrdersService] })\nexport class OrdersModule {}\n"
    found = _nest003(tmp_path / "namesake", fine, main=MAIN, app_module=app, legacy__orders_module=broken)
    assert found == []
    barrel = {"legacy/index": "export * from './orders.module';\n"}
    assert _nest003(tmp_path / "barrel", fine, main=MAIN, app_module=app, legacy__orders_module=broken, **_files(barrel)) == []
    users = {"legacy/index": "export * from './orders.module';\n",
             "use": "import { OrdersModule } from './legacy';\n\nexport const loaded = OrdersModule;\n"}
    found = _nest003(tmp_path / "used", fine, main=MAIN, app_module=app, legacy__orders_module=broken, **_files(users))
    assert [d.path.rsplit("/src/", 1)[-1] for d in found] == ["legacy/orders.module.ts"]


def _files(named: dict[str, str]) -> dict[str, str]:
    """`_nest003`'s keyword form of file names (`/` as `__`, `.` as `_`)."""
    return {k.replace("/", "__").replace(".", "_"): v for k, v in named.items()}
