"""NEST001, NEST002 and MIG007 on small workspaces: what the module graph decides, and every
unreadable part that must keep the rules silent (precision first)."""

from __future__ import annotations

import pickle

import pytest

from migrationlint.extract.facts import extract
from tests.helpers import fix, lint, migration, workspace

ENTITY = """import {{ Entity, PrimaryGeneratedColumn }} from 'typeorm';

@Entity()
export class {name} {{
  @PrimaryGeneratedColumn()
  id: number;
}}
"""
SERVICE = """import {{ Injectable }} from '@nestjs/common';
import {{ InjectRepository }} from '@nestjs/typeorm';
import {{ Repository }} from 'typeorm';
import {{ Order }} from './order.entity';

@Injectable()
export class OrdersService {{
  constructor(@InjectRepository(Order{conn}) private readonly orders: Repository<Order>) {{}}
}}
"""


def _module(imports: str, providers: str = "OrdersService", head: str = "", decorators: str = "") -> str:
    return f"""import {{ Global, Module, forwardRef }} from '@nestjs/common';
import {{ TypeOrmModule }} from '@nestjs/typeorm';
import {{ Order }} from './order.entity';
import {{ OrdersService }} from './orders.service';
{head}
{decorators}@Module({{
  imports: [{imports}],
  providers: [{providers}],
}})
export class OrdersModule {{}}
"""


def _app(tmp_path, module: str, conn: str = "", **more: str):
    files = {"src/order.entity.ts": ENTITY.format(name="Order"), "src/orders.service.ts": SERVICE.format(conn=conn),
             "src/orders.module.ts": module}
    files.update({k.replace("__", "/").replace("_ts", ".ts"): v for k, v in more.items()})
    return workspace(tmp_path, files)


def _nest001(root) -> list:
    return [d for d in lint(root, ["NEST001"])]


def test_missing_repository_is_reported_with_nest_message(tmp_path):
    found = _nest001(_app(tmp_path, _module("")))
    assert len(found) == 1
    assert found[0].message.startswith(
        "Nest can't resolve dependencies of the OrdersService (?). Please make sure that the argument "
        "\"OrderRepository\" at index [0] is available in the OrdersModule module")


def test_registered_repository_is_silent(tmp_path):
    assert not _nest001(_app(tmp_path, _module("TypeOrmModule.forFeature([Order])")))


def test_connection_must_match(tmp_path):
    root = _app(tmp_path, _module("TypeOrmModule.forFeature([Order])"), conn=", 'reports'")
    found = _nest001(root)
    assert len(found) == 1 and '"reports_OrderRepository"' in found[0].message


def test_computed_connection_is_silent(tmp_path):
    assert not _nest001(_app(tmp_path, _module("TypeOrmModule.forFeature([Order])"), conn=", REPORTS"))


def test_a_namesake_entity_class_provides_the_same_repository_token(tmp_path):
    """@nestjs/typeorm's repository token is the entity class's name (`OrderRepository`): a module giving
    `forFeature` another class named `Order` (a legacy copy) provides what `@InjectRepository(Order)`
    asks for, and Nest starts (an education back end: a NEST001 on two `FieldValues` classes). A class
    of another name does not."""
    other = ENTITY.format(name="Order")
    module = _module("TypeOrmModule.forFeature([Order])").replace("from './order.entity'", "from './legacy/order'")
    assert _nest001(_app(tmp_path / "namesake", module, src__legacy__order_ts=other)) == []
    renamed = module.replace("forFeature([Order])", "forFeature([LegacyOrder])").replace(
        "import { Order } from './legacy/order'", "import { LegacyOrder } from './legacy/order'")
    assert len(_nest001(_app(tmp_path / "other", renamed, src__legacy__order_ts=ENTITY.format(name="LegacyOrder")))) == 1


def test_unreadable_imports_stay_silent(tmp_path):
    head = "import { helperModules } from './helpers';\nimport { makeModule } from './make';\n"
    helpers = "export const helperModules = [];\n"
    make = "export function makeModule(): any { return {}; }\n"
    for imports in ("...helperModules", "makeModule()", "someVariable"):
        root = _app(tmp_path / imports[:4], _module(imports, head=head), src__helpers_ts=helpers, src__make_ts=make)
        assert not _nest001(root), imports


def test_library_dynamic_module_provides_nothing(tmp_path):
    head = "import { ConfigModule } from '@nestjs/config';\n"
    assert len(_nest001(_app(tmp_path, _module("ConfigModule.forRoot()", head=head)))) == 1


def test_global_module_exporting_typeorm_provides(tmp_path):
    shared = """import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Order } from './order.entity';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([Order])], exports: [TypeOrmModule] })
export class SharedModule {}
"""
    assert not _nest001(_app(tmp_path, _module(""), src__shared_ts=shared))


def test_imported_module_must_export_typeorm(tmp_path):
    shared = """import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Order } from './order.entity';

@Module({ imports: [TypeOrmModule.forFeature([Order])], exports: [%s] })
export class SharedModule {}
"""
    head = "import { SharedModule } from './shared';\n"
    assert len(_nest001(_app(tmp_path / "a", _module("SharedModule", head=head), src__shared_ts=shared % ""))) == 1
    assert not _nest001(_app(tmp_path / "b", _module("forwardRef(() => SharedModule)", head=head),
                              src__shared_ts=shared % "TypeOrmModule"))


def test_exporting_a_feature_call_re_exports_every_typeorm_import(tmp_path):
    """`exports: [TypeOrmModule.forFeature([Item])]` in a module that imports
    `TypeOrmModule.forFeature([Item, Order])`: Nest records an exported dynamic module by its class,
    so every TypeOrmModule the module imports is re-exported, Order's repository too (a real
    service: 21 NEST001; checked by booting Nest 10). A module that imports no Order exports none."""
    shared = """import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Order } from './order.entity';
import { Item } from './item.entity';

@Module({ imports: [TypeOrmModule.forFeature([%s])], exports: [TypeOrmModule.forFeature([Item])] })
export class SharedModule {}
"""
    head = "import { SharedModule } from './shared';\n"
    item = ENTITY.format(name="Item")
    assert not _nest001(_app(tmp_path / "a", _module("SharedModule", head=head), src__shared_ts=shared % "Item, Order",
                             **{"src__item.entity_ts": item}))
    assert len(_nest001(_app(tmp_path / "b", _module("SharedModule", head=head), src__shared_ts=shared % "Item",
                             **{"src__item.entity_ts": item}))) == 1


def test_a_module_exporting_a_const_may_export_anything(tmp_path):
    """`const feature = TypeOrmModule.forFeature([Order])` listed in `imports` and `exports`: what the
    const holds is not read, so what the module exports is unknown, and the module importing it is
    not told its repository is missing (a real Nx monorepo: 2 NEST001). Exporting a class that is
    no module still exports no repository."""
    shared = """import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Order } from './order.entity';

const feature = TypeOrmModule.forFeature([Order]);

@Injectable()
export class Clock {}

@Module({ imports: [feature], providers: [Clock], exports: [%s] })
export class SharedModule {}
"""
    head = "import { SharedModule } from './shared';\n"
    assert not _nest001(_app(tmp_path / "a", _module("SharedModule", head=head), src__shared_ts=shared % "feature"))
    assert len(_nest001(_app(tmp_path / "b", _module("SharedModule", head=head), src__shared_ts=shared % "Clock"))) == 1


def test_a_const_array_the_file_grows_is_not_its_initializer(tmp_path):
    """`const dbImports = []; if (...) dbImports.push(TypeOrmModule.forFeature([Order]))` spread into
    `imports`: the array is not what its initializer says (a real monorepo: 2 NEST001). An array the
    file never changes is still read."""
    grown = _module("...dbImports").replace(
        "@Module", "const dbImports = [];\nif (process.env.DB !== 'off') {\n  dbImports.push(TypeOrmModule.forFeature([Order]));\n}\n\n@Module")
    assert not _nest001(_app(tmp_path / "a", grown))
    indexed = _module("...dbImports").replace("@Module", "const dbImports = [];\ndbImports[0] = TypeOrmModule.forFeature([Order]);\n\n@Module")
    assert not _nest001(_app(tmp_path / "b", indexed))
    kept = _module("...dbImports").replace("@Module", "const dbImports = [];\nconsole.log(dbImports.length);\n\n@Module")
    assert len(_nest001(_app(tmp_path / "c", kept))) == 1


def test_use_class_provider_is_checked_and_computed_token_silences(tmp_path):
    assert len(_nest001(_app(tmp_path / "a", _module("", "{ provide: 'x', useClass: OrdersService }")))) == 1
    assert not _nest001(_app(tmp_path / "b", _module("", "OrdersService, { provide: makeToken(), useValue: 1 }")))


def test_a_provider_held_in_a_const_may_supply_the_repository(tmp_path):
    """`providers: [orderRepoProvider, OrdersService]` where the const holds `{ provide:
    getRepositoryToken(Order), useFactory: ... }`, declared in the module's file or imported from the
    entity's (a real API: 6 NEST001 though Nest resolves the repository from it): a name that is no
    class may be such a provider, so nothing is said. An imported class stays a class provider."""
    const = ("const orderRepoProvider = { provide: getRepositoryToken(Order), "
             "useFactory: (ds: DataSource) => ds.getRepository(Order), inject: [DataSource] };\n\n")
    here = _module("", "orderRepoProvider, OrdersService").replace("@Module", const + "@Module")
    assert not _nest001(_app(tmp_path / "here", here))
    imported = _module("", "orderRepoProvider, OrdersService", head="import { orderRepoProvider } from './order_repo';")
    assert not _nest001(_app(tmp_path / "imported", imported, src__order_repo_ts="export " + const))
    classes = _module("", "OrdersService, AuditService", head="import { AuditService } from './audit';")
    audit = "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class AuditService {}\n"
    assert len(_nest001(_app(tmp_path / "classes", classes, src__audit_ts=audit))) == 1
    # a provider object exported by an imported module is read as its token, not as a crash
    store = ("import { Module } from '@nestjs/common';\n\n@Module({ providers: [], exports: [{ provide: "
             "'OrderRepository', useValue: {} }] })\nexport class StoreModule {}\n")
    exported = _module("StoreModule", head="import { StoreModule } from './store.module';")
    root = _app(tmp_path / "exported", exported, **{"src__store.module_ts": store})
    assert [d.code for d in lint(root, ["NEST001", "INT001"])] == []


def test_a_provider_whose_token_is_a_constant_may_supply_the_repository(tmp_path):
    """`const ORDER_REPO = getRepositoryToken(Order)` then `{ provide: ORDER_REPO, useClass: Mock }` in a
    testing module: the constant may hold the repository's token, as the inline call does (2 NEST001
    on a real API advising `forFeature`, which would need a database in the test). A class token
    (`provide: AuditService`) is no repository."""
    const = "const ORDER_REPO = getRepositoryToken(Order);\nclass OrderRepoMock {}\n\n"
    module = _module("", "OrdersService, { provide: ORDER_REPO, useClass: OrderRepoMock }").replace("@Module", const + "@Module")
    assert not _nest001(_app(tmp_path / "const", module))
    classes = _module("", "OrdersService, { provide: OrderRepoMock, useClass: OrderRepoMock }").replace(
        "@Module", "class OrderRepoMock {}\n\n@Module")
    assert len(_nest001(_app(tmp_path / "class", classes))) == 1


def test_const_array_spread_in_same_file_is_read(tmp_path):
    module = _module("", "...services").replace("@Module", "const services = [OrdersService];\n\n@Module")
    assert len(_nest001(_app(tmp_path, module))) == 1


def test_fix_adds_entity_to_existing_feature(tmp_path):
    user = ENTITY.format(name="User")
    order_import = "import { Order } from './order.entity';"
    param = "private readonly orders: Repository<Order>"
    service = SERVICE.format(conn="").replace(order_import, order_import + "\nimport { User } from './user';").replace(
        param, param + ", @InjectRepository(User) private readonly users: Repository<User>")
    root = _app(tmp_path, _module("TypeOrmModule.forFeature([Order])"), src__user_ts=user)
    (root / "src/orders.service.ts").write_text(service)
    fixed = fix(root, ["NEST001"])["src/orders.module.ts"].decode()
    assert "TypeOrmModule.forFeature([Order, User])" in fixed
    assert "import { User } from './user';" in fixed


def test_nest_facts_pickle(tmp_path):
    facts = extract("m.ts", _module("TypeOrmModule.forFeature([Order], 'x')").encode())
    again = pickle.loads(pickle.dumps(facts))
    assert again.nest == facts.nest and again.nest.modules[0].imports[0].connection == "x"


# ----------------------------------------------------------------------------- NEST002

APP = """import {{ Module }} from '@nestjs/common';
import {{ TypeOrmModule }} from '@nestjs/typeorm';
import {{ OrdersModule }} from './orders.module';
import {{ Order }} from './order.entity';
import {{ User }} from './user';

@Module({{ imports: [TypeOrmModule.forRoot({{ type: 'postgres', {options} }}), OrdersModule] }})
export class AppModule {{}}
"""


def _nest002(tmp_path, options: str) -> list:
    root = _app(tmp_path, _module("TypeOrmModule.forFeature([Order])"), src__app_ts=APP.format(options=options),
                src__user_ts=ENTITY.format(name="User"))
    return lint(root, ["NEST002"])


def test_entity_missing_from_connection(tmp_path):
    found = _nest002(tmp_path, "entities: [User]")
    assert len(found) == 1 and found[0].message.startswith('EntityMetadataNotFoundError: No metadata for "Order"')
    assert "(TypeOrmModule.forRoot in src/app.ts)" in found[0].message


def test_the_message_names_the_root_call_as_written(tmp_path):
    """`TypeOrmModule.forRootAsync({ useFactory: () => ({...}) })`: the message named `forRoot` (a
    marketplace API's NEST002); it names the call the module makes."""
    app = APP.replace("TypeOrmModule.forRoot({{ type: 'postgres', {options} }})",
                      "TypeOrmModule.forRootAsync({{ useFactory: () => ({{ type: 'postgres', {options} }}) }})")
    root = _app(tmp_path, _module("TypeOrmModule.forFeature([Order])"), src__app_ts=app.format(options="entities: [User]"),
                src__user_ts=ENTITY.format(name="User"))
    [found] = lint(root, ["NEST002"])
    assert "(TypeOrmModule.forRootAsync in src/app.ts)" in found.message, found.message


def test_an_injectable_given_to_forfeature_is_advised_to_providers(tmp_path):
    """A service class (`@Injectable()`, no `@Entity()`) given to `forFeature`: TypeORM has no
    metadata for it whatever the connection lists, so the advice is `providers`, not `entities`."""
    wrapper = ("import { Injectable } from '@nestjs/common';\nimport { InjectRepository } from '@nestjs/typeorm';\n"
               "import { Repository } from 'typeorm';\nimport { Order } from './order.entity';\n\n"
               "@Injectable()\nexport class OrderStore {\n"
               "  constructor(@InjectRepository(Order) readonly orders: Repository<Order>) {}\n}\n")
    module = _module("TypeOrmModule.forFeature([Order, OrderStore])", head="import { OrderStore } from './order_store';\n")
    root = _app(tmp_path, module, src__app_ts=APP.format(options="entities: [User, Order]"),
                src__user_ts=ENTITY.format(name="User"), src__order_store_ts=wrapper)
    found = lint(root, ["NEST002"])
    assert [d.message for d in found] == [
        'EntityMetadataNotFoundError: No metadata for "OrderStore" was found. OrderStore is an @Injectable() class, '
        "not an entity (no @Entity()): `forFeature` takes entities; to inject OrderStore, list it in the module's "
        "`providers` instead"]


def test_entity_listed_globbed_or_autoloaded_is_silent(tmp_path):
    for i, options in enumerate(("entities: [User, Order]", "entities: [__dirname + '/*.entity.ts']",
                                 "entities: [User], autoLoadEntities: true")):
        assert not _nest002(tmp_path / str(i), options), options


def test_a_module_no_application_loads_is_not_judged(tmp_path):
    """`OrdersModule` registers `Order`, which the connection leaves out, but no module imports it: a
    library module only a barrel's `export *` reaches, or a file nothing imports (a Nest monorepo's
    unused `UserModule`: a NEST002 claiming a start-up failure that cannot happen). Imported by the
    app's module, it is judged."""
    unused = APP.format(options="entities: [User]").replace(", OrdersModule] }", "] }").replace(
        "import { OrdersModule } from './orders.module';\n", "")
    root = _app(tmp_path / "nothing", _module("TypeOrmModule.forFeature([Order])"), src__app_ts=unused,
                src__user_ts=ENTITY.format(name="User"))
    assert lint(root, ["NEST002"]) == []
    barrel = _app(tmp_path / "barrel", _module("TypeOrmModule.forFeature([Order])"), src__app_ts=unused,
                  src__user_ts=ENTITY.format(name="User"), src__index_ts="export * from './orders.module';\n")
    assert lint(barrel, ["NEST002"]) == []
    assert len(_nest002(tmp_path / "used", "entities: [User]")) == 1


def test_unreadable_connection_is_silent(tmp_path):
    for i, options in enumerate(("entities: [User], autoLoadEntities: flag", "entities: ENTITIES",
                                 "entities: ['nothing/matches/*.ts']", "...base, entities: [User]")):
        assert not _nest002(tmp_path / str(i), options), options


def test_typeorm_0_2_connections_and_custom_repositories_are_not_judged(tmp_path):
    """@nestjs/typeorm 8 with TypeORM 0.2: `forRoot({})` without `type` reads ormconfig, whose
    entities these are not; and `forFeature([UserRepository])` of a custom repository asks for
    its entity's metadata, not the repository's (2 NEST002 on a real app)."""
    no_type = _app(tmp_path / "ormconfig", _module("TypeOrmModule.forFeature([Order])"),
                   src__app_ts=APP.format(options="entities: [User]").replace("type: 'postgres', ", ""),
                   src__user_ts=ENTITY.format(name="User"))
    assert lint(no_type, ["NEST002"]) == []
    repo = ("import { EntityRepository, Repository } from 'typeorm';\nimport { Order } from './order.entity';\n\n"
            "@EntityRepository(Order)\nexport class OrderRepository extends Repository<Order> {}\n")
    module = _module("TypeOrmModule.forFeature([OrderRepository])").replace(
        "import { Order } from './order.entity';", "import { OrderRepository } from './orderRepository';")
    custom = _app(tmp_path / "custom", module, src__app_ts=APP.format(options="entities: [Order]"),
                  src__user_ts=ENTITY.format(name="User"), src__orderRepository_ts=repo)
    assert lint(custom, ["NEST002"]) == []


def test_a_custom_repository_through_a_workspace_base_is_not_judged(tmp_path):
    """`UsersRepository extends BaseRepository<User>`, a base of the workspace that extends
    TypeORM's Repository (in another file or the same one): @nestjs/typeorm 8 asks `instanceof
    Repository`, which follows the chain, so `forFeature` asks for the entity's metadata (59 NEST002
    on a real commerce back end). A class whose chain ends elsewhere is still judged."""
    base = "import { Repository } from 'typeorm';\n\nexport abstract class BaseRepository<T> extends Repository<T> {}\n"
    repo = ("import { EntityRepository } from 'typeorm';\nimport { BaseRepository } from './base.repository';\n"
            "import { Order } from './order.entity';\n\n"
            "@EntityRepository(Order)\nexport class OrderRepository extends BaseRepository<Order> {}\n")
    module = _module("TypeOrmModule.forFeature([OrderRepository])").replace(
        "import { Order } from './order.entity';", "import { OrderRepository } from './orderRepository';")

    def found(name: str, base_text: str) -> list:
        root = _app(tmp_path / name, module, src__app_ts=APP.format(options="entities: [Order]"),
                    src__user_ts=ENTITY.format(name="User"), src__orderRepository_ts=repo, **{"src__base.repository_ts": base_text})
        return [d.code for d in lint(root, ["NEST002"])]
    assert found("chain", base) == []
    assert found("elsewhere", "export abstract class BaseRepository<T> { items: T[] = []; }\n") == ["NEST002"]


# ----------------------------------------------------------------------------- MIG007

SOURCE = """import {{ DataSource }} from 'typeorm';
import {{ Init1700000000000 }} from './migrations/1700000000000-Init';

export default new DataSource({{ type: 'postgres', migrations: {migrations} }});
"""


def _mig007(tmp_path, migrations: str, **more: str) -> list:
    files = {"src/data-source.ts": SOURCE.format(migrations=migrations),
             "src/migrations/1700000000000-Init.ts": migration("Init1700000000000"),
             "src/migrations/1700000000001-AddAge.ts": migration("AddAge1700000000001")}
    files.update(more)
    return lint(workspace(tmp_path, files), ["MIG007"])


def test_migration_left_out_of_explicit_list(tmp_path):
    """The message names both remedies: register it, or delete a draft a newer migration replaced
    (a real app swapped a migration out of its list on purpose; registering it would break the run)."""
    found = _mig007(tmp_path, "[Init1700000000000]")
    assert [d.path.rsplit("/", 1)[-1] for d in found] == ["1700000000001-AddAge.ts"]
    assert found[0].message.endswith(": register it there, or delete the file if a newer migration replaced it")


def test_a_draft_migration_nothing_builds_is_not_a_forgotten_one(tmp_path):
    """`drafts/migrations/1700000000001-ProposedIndex.ts` beside `.sql` proposals, in a folder the
    tsconfig excludes, that nothing imports or runs (a real quiz platform: "register it or delete it"
    for a draft); the same migration in the folder the build compiles is one the list forgot."""
    tsconfig = '{"compilerOptions": {"outDir": "dist"}, "include": ["src/**/*.ts"], "exclude": ["drafts"]}\n'
    found = _mig007(tmp_path / "draft", "[Init1700000000000]", **{
        "tsconfig.json": tsconfig, "drafts/migrations/1700000000002-ProposedIndex.ts": migration("ProposedIndex1700000000002")})
    assert [d.path.rsplit("/", 1)[-1] for d in found] == ["1700000000001-AddAge.ts"]


def test_glob_or_unreadable_option_is_silent(tmp_path):
    for i, value in enumerate(("[__dirname + '/migrations/*.ts']", "[process.env.MIGRATIONS]", "[]",
                               "[__dirname + '/nowhere/*.ts']", "loadMigrations()")):
        assert not _mig007(tmp_path / str(i), value), value


def test_migration_list_exported_by_another_file(tmp_path):
    index = ("import { Init1700000000000 } from './1700000000000-Init';\n"
             "import { AddAge1700000000001 } from './1700000000001-AddAge';\n\n"
             "export { AddAge1700000000001 };\nexport const all = [LISTED];\n")
    source = "import { all } from './migrations';\n\nexport default new DataSource({ migrations: all });\n"
    listed = {"src/migrations/index.ts": index.replace("LISTED", "Init1700000000000"), "src/data-source.ts": source}
    found = _mig007(tmp_path / "a", "[]", **listed)
    assert [d.path.rsplit("/", 1)[-1] for d in found] == ["1700000000001-AddAge.ts"]
    both = {"src/migrations/index.ts": index.replace("LISTED", "Init1700000000000, AddAge1700000000001"),
            "src/data-source.ts": source}
    assert not _mig007(tmp_path / "b", "[]", **both)
    computed = {"src/migrations/index.ts": index.replace("LISTED", "Init1700000000000, ...more()"), "src/data-source.ts": source}
    assert not _mig007(tmp_path / "c", "[]", **computed)  # not a list of classes: its imports count as loaded


def test_an_identifier_that_is_no_declaration_of_the_file_is_silent(tmp_path):
    """`migrations: [migrationsDir]` with the path computed inside a function at start-up (a real
    monorepo's bootstrap): the option loads whatever that path names, which only running it says."""
    source = ("import * as path from 'path';\nimport { DataSource } from 'typeorm';\n\n"
              "export function migrationsConfig(electron: boolean) {\n"
              "  const migrationsDir = path.resolve(__dirname, electron ? './migrations/*.js' : './migrations/*{.ts,.js}');\n"
              "  return new DataSource({ type: 'postgres', migrations: [migrationsDir] });\n}\n")
    assert not _mig007(tmp_path / "a", "[]", **{"src/data-source.ts": source})
    top_level = ("import { DataSource } from 'typeorm';\nimport { Init1700000000000 } from './migrations/1700000000000-Init';\n\n"
                 "const migrations = [Init1700000000000];\n\n"
                 "export default new DataSource({ type: 'postgres', migrations: [...migrations] });\n")
    found = _mig007(tmp_path / "b", "[]", **{"src/data-source.ts": top_level})
    assert [d.path.rsplit("/", 1)[-1] for d in found] == ["1700000000001-AddAge.ts"]
    # a top-level const holding a path computed at start-up is no class list (a real bot: 70 MIG007)
    computed = ("import path from 'path';\nimport { DataSource } from 'typeorm';\n\n"
                "const migrations = path.relative(process.cwd(), path.resolve(__dirname, '../dist/migrations/*.js'));\n\n"
                "export default new DataSource({ type: 'postgres', migrations: [migrations] });\n")
    assert not _mig007(tmp_path / "c", "[]", **{"src/data-source.ts": computed})


def test_other_configuration_is_silent(tmp_path):
    assert not _mig007(tmp_path / "a", "[Init1700000000000]", **{"ormconfig.json": "{}"})
    assert not _mig007(tmp_path / "b", "[Init1700000000000]", **{".env": "TYPEORM_MIGRATIONS=src/migrations/*.ts\n"})


def test_module_with_static_builder_is_silent(tmp_path):
    module = _module("").replace("export class OrdersModule {}", """export class OrdersModule {
  static forRoot(): DynamicModule {
    return { module: OrdersModule, imports: [TypeOrmModule.forFeature([Order])] };
  }
}""")
    assert not _nest001(_app(tmp_path, module))


def test_unresolved_injected_entity_is_silent(tmp_path):
    service = SERVICE.format(conn="").replace("from './order.entity'", "from '@unknown/entities'")
    root = _app(tmp_path, _module(""))
    (root / "src/orders.service.ts").write_text(service)
    assert not _nest001(root)


def test_a_custom_repository_is_its_own_token_not_a_forfeature_entity(tmp_path):
    """`@InjectRepository(OrderRepository)` where OrderRepository extends TypeORM's Repository
    (directly or through a base class of the workspace): @nestjs/typeorm's token is the class
    itself, which the module provides as a plain provider (8 NEST001 on a real API, whose advice
    to add the repository to forFeature was wrong). An entity extending BaseEntity, or a local base
    entity, is still an entity; a base from another package leaves it undecided: silent."""
    base = "import { Repository } from 'typeorm';\n\nexport class BaseRepository<T> extends Repository<T> {}\n"
    repository = ("import { Injectable } from '@nestjs/common';\nimport { EntityManager } from 'typeorm';\n"
                  "import { BaseRepository } from './base.repository';\nimport { Order } from './order.entity';\n\n"
                  "@Injectable()\nexport class OrderRepository extends BaseRepository<Order> {\n"
                  "  constructor(manager: EntityManager) { super(Order, manager); }\n}\n")
    service = SERVICE.replace("import { Order } from './order.entity';", "import { OrderRepository } from './order.repository';") \
        .replace("@InjectRepository(Order{conn}) private readonly orders: Repository<Order>",
                 "@InjectRepository(OrderRepository) private readonly orders: OrderRepository")
    module = _module("", providers="OrderRepository, OrdersService",
                     head="import { OrderRepository } from './order.repository';\n")
    root = _app(tmp_path / "custom", module, src__base_repository_ts=base, src__order_repository_ts=repository)
    (root / "src/orders.service.ts").write_text(service)
    assert _nest001(root) == []
    # entities: extending typeorm's BaseEntity, or a workspace base entity, keeps the finding
    for name, head in (("active", "import { BaseEntity, Entity } from 'typeorm';\n\n@Entity()\nexport class Order extends BaseEntity {}\n"),
                       ("local", "import { Entity } from 'typeorm';\nimport { Stamped } from './stamped';\n\n"
                                 "@Entity()\nexport class Order extends Stamped {}\n")):
        root = _app(tmp_path / name, _module(""), src__stamped_ts="export abstract class Stamped { at?: Date; }\n")
        (root / "src/order.entity.ts").write_text(head)
        assert len(_nest001(root)) == 1, name
    root = _app(tmp_path / "foreign", _module(""))
    (root / "src/order.entity.ts").write_text("import { Entity } from 'typeorm';\nimport { Model } from '@acme/orm-kit';\n\n"
                                             "@Entity()\nexport class Order extends Model {}\n")
    assert _nest001(root) == []


@pytest.mark.parametrize("nest, reported", [("7.6.5", False), ("8.0.0", True)])
def test_nest_before_8_finds_a_custom_repository_by_its_name(tmp_path, nest, reported):
    """`forFeature([UserRepository])`, an `@EntityRepository(User)` class, and `@InjectRepository(User)`
    in the service: Nest before 8 matches the class token by its name, which is the string
    `UserRepository` that `getRepositoryToken(User)` gives, so the app starts (a quiz app on Nest 7:
    11 NEST001). From Nest 8 tokens are told apart by reference: the finding stands."""
    files = {
        "package.json": ('{"name": "api", "private": true, "scripts": {"start:prod": "node dist/main"}, "dependencies": '
                         f'{{"@nestjs/common": "{nest}", "@nestjs/core": "{nest}", "@nestjs/typeorm": "7.1.5", '
                         '"typeorm": "0.2.28"}}\n'),
        "src/user.ts": ("import { Entity, EntityRepository, PrimaryGeneratedColumn, Repository } from 'typeorm';\n\n"
                        "@Entity()\nexport class User {\n  @PrimaryGeneratedColumn() id: number;\n}\n\n"
                        "@EntityRepository(User)\nexport class UserRepository extends Repository<User> {}\n"),
        "src/user.service.ts": ("import { Injectable } from '@nestjs/common';\nimport { InjectRepository } from '@nestjs/typeorm';\n"
                                "import { User, UserRepository } from './user';\n\n@Injectable()\nexport class UserService {\n"
                                "  constructor(@InjectRepository(User) private readonly users: UserRepository) {}\n}\n"),
        "src/user.module.ts": ("import { Module } from '@nestjs/common';\nimport { TypeOrmModule } from '@nestjs/typeorm';\n"
                               "import { UserRepository } from './user';\nimport { UserService } from './user.service';\n\n"
                               "@Module({ imports: [TypeOrmModule.forFeature([UserRepository])], providers: [UserService] })\n"
                               "export class UserModule {}\n"),
        "src/main.ts": ("import { NestFactory } from '@nestjs/core';\nimport { UserModule } from './user.module';\n\n"
                        "NestFactory.create(UserModule);\n"),
    }
    root = workspace(tmp_path, files)
    assert [d.code for d in lint(root, ["NEST001"])] == (["NEST001"] if reported else [])


def test_an_entity_schema_given_to_for_feature_is_no_class_to_match(tmp_path):
    """`forFeature([AuthSchema])`, a `new EntitySchema({ name: 'Auth', target: Auth })` constant, and
    `@InjectRepository(Auth)`: @nestjs/typeorm names the schema's repository after its target, so the
    app starts (a banking dashboard: 9 NEST001). What a constant provides is not read: silent."""
    files = {
        "package.json": ('{"name": "api", "private": true, "scripts": {"start:prod": "node dist/main"}, "dependencies": '
                         '{"@nestjs/common": "10.0.0", "@nestjs/core": "10.0.0", "@nestjs/typeorm": "10.0.0", "typeorm": "0.3.20"}}\n'),
        "src/auth.schema.ts": ("import { EntitySchema } from 'typeorm';\n\nexport class Auth {\n  id?: string;\n}\n\n"
                               "export const AuthSchema = new EntitySchema<Auth>({ name: 'Auth', target: Auth, columns: {} });\n"),
        "src/auth.module.ts": ("import { Injectable, Module } from '@nestjs/common';\n"
                               "import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';\nimport { Repository } from 'typeorm';\n"
                               "import { Auth, AuthSchema } from './auth.schema';\n\n@Injectable()\nexport class AuthService {\n"
                               "  constructor(@InjectRepository(Auth) private readonly repo: Repository<Auth>) {}\n}\n\n"
                               "@Module({ imports: [TypeOrmModule.forFeature([AuthSchema])], providers: [AuthService] })\n"
                               "export class AuthModule {}\n"),
        "src/main.ts": ("import { NestFactory } from '@nestjs/core';\nimport { AuthModule } from './auth.module';\n\n"
                        "NestFactory.create(AuthModule);\n"),
    }
    assert lint(workspace(tmp_path, files), ["NEST001"]) == []
