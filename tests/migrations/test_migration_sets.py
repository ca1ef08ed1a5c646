"""Migration sets: which files one `migrations:` option loads (MIG004, MIG006)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import codes, lint, migration, workspace

HELPER = "\nexport function buildIndexName(table: string): string {\n  return `IDX_${table}`;\n}\n"


@pytest.mark.parametrize("option", [
    "[__dirname + '/migrations/*.ts']",
    "[`${__dirname}/migrations/*{.ts,.js}`]",
    "[join(__dirname, 'migrations', '*.{ts,js}')]",
    "['src/migrations/*.ts']",
    "['dist/migrations/*.js']",
    "[path.resolve(__dirname, './migrations/**/*.ts')]",
])
def test_glob_forms_load_the_file(tmp_path, option):
    workspace(tmp_path, {
        "src/data-source.ts": f"import {{ DataSource }} from 'typeorm';\nimport {{ join }} from 'path';\n"
                              f"import * as path from 'path';\n\nexport default new DataSource({{ type: 'postgres', migrations: {option} }});\n",
        "src/migrations/1700000000000-A.ts": migration("A1700000000000", extra=HELPER),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == ["MIG006"]


def test_a_build_folder_mirroring_the_package_maps_back_to_its_sources(tmp_path):
    """`migrations: ['dist/migrations/*.js']` with the migrations beside src/ (outDir `dist`, no
    rootDir: `migrations/x.ts` builds to `dist/migrations/x.js`): the glob loads the top folder
    only, so a copy kept in `migrations/tests/` is in no set and duplicates nothing (MIG004; a
    real service's test fixture). Unmatched, the option fell back to every migrations folder."""
    workspace(tmp_path, {
        "tsconfig.json": '{"compilerOptions": {"module": "commonjs", "outDir": "./dist"}}\n',
        "src/main.ts": "import { DataSource } from 'typeorm';\n\n"
                       "export const ds = new DataSource({ type: 'postgres', migrations: ['dist/migrations/*.js'] });\n",
        "migrations/1700000000001-CreateUsers.ts": migration("CreateUsers1700000000001"),
        "migrations/tests/1700000000001-CreateUsers.ts": migration("CreateUsers1700000000001"),
    })
    assert "MIG004" not in codes(tmp_path, ["MIG"])


@pytest.mark.parametrize("out_dir, root_dir", [("dest", "src"), ("out", None), ("dist", "src")])
def test_a_glob_over_the_tsconfigs_output_folder_maps_back_to_its_sources(tmp_path, out_dir, root_dir):
    """One DataSource per database, each loading its driver's folder of the build (`dest/migration/mysql/*.js`
    under `outDir: dest`), where the same migrations are kept per driver: only one set is loaded, and each
    has unique names (a real bot with MySQL, Postgres and SQLite sets: 30 MIG004 errors once the globs
    named nothing and every migration of the package fell into one set). Any output folder the tsconfig
    names is read back as its `rootDir` (else the sources' usual `src/`), not only `dist` and `build`."""
    options = {"outDir": out_dir, **({"rootDir": root_dir} if root_dir else {})}
    workspace(tmp_path, {
        "tsconfig.json": json.dumps({"compilerOptions": {"module": "commonjs", **options}, "include": ["src"]}),
        "src/database.ts": "import { DataSource } from 'typeorm';\n\n"
                           f"export const my = new DataSource({{ type: 'mysql', migrations: ['{out_dir}/migration/mysql/*.js'] }});\n"
                           f"export const pg = new DataSource({{ type: 'postgres', migrations: ['{out_dir}/migration/postgres/*.js'] }});\n",
        "src/migration/mysql/1000000000001-initialize.ts": migration("initialize1000000000001"),
        "src/migration/postgres/1000000000001-initialize.ts": migration("initialize1000000000001"),
    })
    assert "MIG004" not in codes(tmp_path, ["MIG"])


def test_explicit_class_list_is_not_a_glob(tmp_path):
    workspace(tmp_path, {
        "src/app.module.ts": "import { migrations } from './migrations';\n\nexport const options = { type: 'postgres', migrations };\n"
                             "export const config = { migrations: migrations };\n",
        "src/migrations/index.ts": "import { A1700000000000 } from './1700000000000-A';\n\nexport const migrations = [A1700000000000];\n",
        "src/migrations/1700000000000-A.ts": migration("A1700000000000"),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == []


def test_duplicate_names_across_two_directories_of_one_glob(tmp_path):
    workspace(tmp_path, {
        "src/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/**/migrations/*.ts'] });\n",
        "src/a/migrations/1700000000000-A.ts": migration("A1700000000000"),
        "src/b/migrations/1700000000000-A.ts": migration("A1700000000000"),
    })
    (d,) = lint(tmp_path, ["MIG", "SYN"])
    assert d.code == "MIG004" and "Duplicate migrations: A1700000000000, A1700000000000" in d.message


def test_separate_sets_do_not_collide(tmp_path):
    workspace(tmp_path, {
        "src/a/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
        "src/b/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
        "src/a/migrations/1700000000000-A.ts": migration("A1700000000000"),
        "src/b/migrations/1700000000000-A.ts": migration("A1700000000000"),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == []


def test_syntax_errors_outside_migrations_are_not_migration_errors(tmp_path):
    workspace(tmp_path, {
        "src/config.ts": "import { list } from './list';\nexport const options = { migrations: list };\n",
        "src/list.ts": "export type * from './types';\nexport const list = [];\n",
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == []


# exported values beside a migration in a globbed file: (TypeScript initializer, whether TypeORM's
# loader collects something from it); the oracle test runs the same values through real TypeORM
EXPORTED_VALUES = [
    ("['cat:create', 'cat:update']", False),
    ("[1, -2, true, null, `plain`] as const", False),
    ("{ name: 'users', columns: [{ name: 'id', primary: true }], 'quoted-key': 3 }", False),
    ("[() => 1]", True),
    ("{ build() { return 1; } }", True),
    ("[String]", True),
    ("{ total: 1 + 1, label: `IDX_${'a'}`, on: !0, kind: typeof 1 }", False),
    ("{ pick: 0 || String }", True),
    ("[{ nested: [{ deeper: () => 1 }] }]", True),
]


@pytest.mark.parametrize("value,collected", EXPORTED_VALUES)
def test_exported_plain_data_is_nothing_typeorm_loads(tmp_path, value, collected):
    """TypeORM's loader keeps the functions (and entity schemas) it finds in each export, walking
    arrays and objects: strings, numbers, booleans and nested literals of them add no migration, so
    MIG006 is silent for them; anything that may hold a function is reported."""
    workspace(tmp_path, {
        "src/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
        "src/migrations/1700000000000-A.ts": migration("A1700000000000", extra=f"\nexport const values = {value};\n"),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == (["MIG006"] if collected else [])


@pytest.mark.parametrize("enum", ["export enum RefundStatus { PENDING = 'PENDING', DONE = 'DONE' }",
                                  "export enum Level { LOW, HIGH = 5 }", "export const enum Flag { ON = 1 }"])
def test_an_exported_enum_is_plain_data(tmp_path, enum):
    """An enum compiles to an object of strings and numbers (a const enum to nothing): TypeORM's
    loader collects nothing from it (a real service keeps its Postgres enum types beside the
    migration that creates them: 3 MIG006)."""
    workspace(tmp_path, {
        "src/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
        "src/migrations/1700000000000-A.ts": migration("A1700000000000", extra=f"\n{enum}\n"),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == []


def test_members_of_enums_and_constants_of_plain_data_are_plain_data(tmp_path):
    """Seed data beside a migration class, whose values read members of a string enum or of a
    constant object of strings, imported from a workspace file or declared in the migration's own
    file (a real notification service: 4 MIG006): strings at runtime, nothing TypeORM loads. A
    member of a class, or of a package's export, may be a class: reported, saying that it may."""
    kinds = "export enum Kind { Email = 'email' }\nexport const SERVICES = { mail: 'mail' };\nexport class Helper {}\n"
    seeds = ("import { Kind, SERVICES, Helper } from '../kinds';\nimport { Codes } from 'http-codes';\n"
             "enum Local { A = 'a' }\n"
             "export const seedB = [{ name: 'b', kind: Kind.Email, local: Local.A }];\n"
             "export const seedC = { c: { service: SERVICES.mail, icon: null } };\n"
             "export const seedE = [{ name: 'e', helper: Helper.name }];\n"
             "export const seedF = [{ code: Codes.NotFound }];\n")
    workspace(tmp_path, {
        "src/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
        "src/kinds.ts": kinds,
        "src/migrations/1700000000000-A.ts": migration("A1700000000000", extra="\n" + seeds),
    })
    found = [(d.code, d.message.split("'")[1]) for d in lint(tmp_path, ["MIG", "SYN"])]
    assert found == [("MIG006", "seedE"), ("MIG006", "seedF")]
    assert all("nothing says this one holds none" in d.message for d in lint(tmp_path, ["MIG"]))


def test_another_librarys_migration_contract_is_not_typeorms(tmp_path):
    """A class implementing a migration type of another package, in a file that uses nothing of
    TypeORM, belongs to that tool: no TypeORM naming rule applies to it."""
    workspace(tmp_path, {
        "src/mongo/migrations/0001_create-cats.ts": (
            "import { IMongoMigration } from '@acme/mongo-migration';\nimport { Db } from 'mongodb';\n\n"
            "export class CreateCatsCollection implements IMongoMigration {\n"
            "  async up(db: Db): Promise<void> {\n    await db.createCollection('cats');\n  }\n\n"
            "  async down(db: Db): Promise<void> {\n    await db.dropCollection('cats');\n  }\n}\n"),
    })
    assert codes(tmp_path, ["MIG"]) == []


def test_a_migrations_folder_of_a_repository_without_typeorm_holds_another_tools_migrations(tmp_path):
    """A CMS's block-data migrations (`class AddCaptionMigration extends BlockMigration`, the package's
    own base, in `blocks/banner/migrations/`) in a repository whose manifests and lockfile know no
    TypeORM (it runs MikroORM): no TypeORM naming rule applies (6 MIG001 errors on a real CMS). With
    TypeORM declared, the project's own base class still makes a migration, and a file importing
    TypeORM is one whatever the manifests say."""
    files = {
        "src/blocks/migrations/BlockMigration.ts": "export abstract class BlockMigration {\n  abstract readonly toVersion: number;\n}\n",
        "src/blocks/banner/migrations/add-caption.migration.ts": (
            "import { BlockMigration } from '../../migrations/BlockMigration';\n\n"
            "export class AddCaptionMigration extends BlockMigration {\n  public readonly toVersion = 1;\n}\n"),
    }
    root = workspace(tmp_path / "cms", files)
    (root / "package.json").write_text('{"name": "@acme/content-api", "version": "2.0.0", '
                                       '"dependencies": {"@mikro-orm/core": "^6.4.0"}}')
    assert codes(root, ["MIG"]) == []
    assert "MIG001" in codes(workspace(tmp_path / "typeorm", files), ["MIG"])
    write_typeorm = root / "src/migrations/CreateCats.ts"
    write_typeorm.parent.mkdir(parents=True)
    write_typeorm.write_text(migration("CreateCats"))
    assert codes(root, ["MIG"]) == ["MIG001"]


@pytest.mark.parametrize("header", [
    "import { MigrationInterface, QueryRunner } from '@acme/db';\n\nexport class CreateCats implements MigrationInterface {",
    "import { QueryRunner } from 'typeorm';\nimport { AuditedMigration } from '@acme/db';\n\n"
    "export class CreateCats extends AuditedMigration {",
    "import { BaseMigration } from './base-migration';\n\nexport class CreateCats extends BaseMigration {",
])
def test_typeorm_contracts_through_other_modules_stay_migrations(tmp_path, header):
    """`MigrationInterface` re-exported by a shared package, a package's base class in a file that
    imports TypeORM, and the project's own base class are TypeORM migrations as before."""
    workspace(tmp_path, {
        "src/migrations/1700000000000-CreateCats.ts": (
            f"{header}\n  async up(queryRunner: QueryRunner): Promise<void> {{}}\n\n"
            "  async down(queryRunner: QueryRunner): Promise<void> {}\n}\n"),
    })
    assert "MIG001" in codes(tmp_path, ["MIG"])


DIALECT_OPTIONS = {
    "template": "[`${__dirname}/migrations/${isMySQL ? 'mysql' : 'sqlite'}/*.ts`]",
    "const": "[`${__dirname}/migrations/${dialect}/*.ts`]",
    "branches": "isMySQL ? [__dirname + '/migrations/mysql/*.ts'] : [__dirname + '/migrations/sqlite/*.ts']",
    "join": "[join(__dirname, 'migrations', isMySQL ? 'mysql' : 'sqlite', '*.ts')]",
}


@pytest.mark.parametrize("option", list(DIALECT_OPTIONS.values()), ids=list(DIALECT_OPTIONS))
def test_a_condition_chooses_one_set_of_per_dialect_migrations(tmp_path, option):
    """`migrations: [`.../${isMySQL ? 'mysql' : 'sqlite'}/*.js`]` loads one folder or the other,
    never both: the same migration written once per dialect is no duplicate (a real service had
    four MIG004 errors from reading both folders as one set). Each alternative is a set of its own:
    a duplicate inside one folder is still found, and a migration no alternative loads is MIG007."""
    workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport { join } from 'path';\n\n"
                              "const isMySQL = process.env.DB_TYPE === 'mysql';\n"
                              "const dialect = isMySQL ? 'mysql' : 'sqlite';\n"
                              f"export default new DataSource({{ type: 'mysql', migrations: {option} }});\n",
        "src/migrations/mysql/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/sqlite/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/sqlite/1700000000001-AddEmail.ts": migration("AddEmail1700000000001"),
        "src/migrations/sqlite/1700000000001-AddEmailAgain.ts": migration("AddEmail1700000000001"),
        "src/migrations/postgres/1700000000002-Unused.ts": migration("Unused1700000000002"),
    })
    found = sorted((d.code, d.path.rsplit("/", 2)[-2] + "/" + d.path.rsplit("/", 1)[-1]) for d in lint(tmp_path, ["MIG"]))
    assert found == [("MIG004", "sqlite/1700000000001-AddEmailAgain.ts"),
                     ("MIG007", "postgres/1700000000002-Unused.ts")]


def test_one_glob_over_both_dialect_folders_is_one_set(tmp_path):
    """The control: a glob that does load both folders makes their twins duplicates."""
    workspace(tmp_path, {
        "src/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*/*.ts'] });\n",
        "src/migrations/mysql/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/sqlite/1700000000000-Init.ts": migration("Init1700000000000"),
    })
    assert codes(tmp_path, ["MIG"]) == ["MIG004"]


@pytest.mark.parametrize("folder", ["${type}", "${process.env.DB_TYPE}", "${options.type}"])
def test_a_folder_chosen_at_run_time_loads_one_folder_of_the_package(tmp_path, folder):
    """`migrations: [`src/migrations/${type}/*.js`]` with `type` known only at run time (a parameter,
    the environment): which folder loads is unknown, but it is one folder, never the package's
    every migrations folder at once. The same migration kept once per dialect folder is no
    duplicate (a real library had 17 MIG004 errors from reading both folders as one set); a
    duplicate inside one folder still is."""
    workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\n\n"
                              "export function createDataSource(type: 'mysql' | 'postgres', options = { type }): DataSource {\n"
                              f"  const migrationPath = `src/migrations/{folder}/*.{{ts,js}}`;\n"
                              "  return new DataSource({ type, migrations: [migrationPath] });\n}\n",
        "src/migrations/mysql/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/postgres/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/postgres/1700000000001-AddEmail.ts": migration("AddEmail1700000000001"),
        "src/migrations/postgres/1700000000001-AddEmailAgain.ts": migration("AddEmail1700000000001"),
    })
    found = [(d.code, d.path.rsplit("/", 2)[-2] + "/" + d.path.rsplit("/", 1)[-1]) for d in lint(tmp_path, ["MIG"])]
    assert found == [("MIG004", "postgres/1700000000001-AddEmailAgain.ts")]


def test_a_package_without_an_option_keeps_its_migrations_as_one_set(tmp_path):
    """The control: with no `migrations:` option at all (the CLI's ormconfig, say), the package's
    migrations folders form one set, and twins in two of its folders are duplicates."""
    workspace(tmp_path, {
        "src/migrations/mysql/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/postgres/1700000000000-Init.ts": migration("Init1700000000000"),
    })
    assert codes(tmp_path, ["MIG"]) == ["MIG004"]


@pytest.mark.parametrize("depends", [True, False])
def test_a_service_whose_option_a_shared_builder_computes_loads_one_folder(tmp_path, depends):
    """A workspace package builds every service's DataSource options (`${dir}/${options.type}/*`) and
    each service passes only its base folder: the service has no option of its own, but the one it
    runs with loads one dialect folder at a time, so twins in `mysql/` and `postgres/` are no
    duplicates (10 MIG004 errors in a real monorepo). A service that does not depend on the builder
    keeps its migrations as one set (the control above)."""
    import json

    builder = ("import type { DataSourceOptions } from 'typeorm';\n\nexport class OptionsBuilder {\n"
               "  protected dir = 'src/migrations';\n  setMigrationDirectory(d: string) { this.dir = d; }\n"
               "  build(options: DataSourceOptions): DataSourceOptions {\n"
               "    return { ...options, migrations: [`${this.dir}/${options.type}/*.{ts,js}`] } as DataSourceOptions;\n"
               "  }\n}\n")
    workspace(tmp_path, {
        "packages/db-kit/package.json": json.dumps({"name": "@acme/db-kit", "version": "1.0.0", "main": "src/index.ts",
                                                    "dependencies": {"typeorm": "^0.3.20"}}),
        "packages/db-kit/src/index.ts": builder,
        "apps/api/package.json": json.dumps({"name": "@acme/api", "private": True,
                                             "dependencies": {"typeorm": "^0.3.20",
                                                              **({"@acme/db-kit": "1.0.0"} if depends else {})}}),
        "apps/api/src/main.ts": "import { OptionsBuilder } from '@acme/db-kit';\n"
                                "export const options = new OptionsBuilder().build({ type: 'postgres' });\n",
        "apps/api/src/migrations/mysql/1700000000000-Init.ts": migration("Init1700000000000"),
        "apps/api/src/migrations/postgres/1700000000000-Init.ts": migration("Init1700000000000"),
    })
    (tmp_path / "package.json").write_text(json.dumps({"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"],
                                                       "dependencies": {"typeorm": "^0.3.20"}}))
    assert codes(tmp_path, ["MIG004"]) == ([] if depends else ["MIG004"])


def test_an_abstract_base_migration_is_no_migration(tmp_path):
    """`export abstract class BaseMigration implements MigrationInterface` in `migrations/`, extended
    by the real migrations in `migrations/postgres/`: a base is never run, and where a glob loaded its
    file TypeORM would refuse to start, so a working repository keeps it out of every glob (a real
    app: MIG001 "TypeORM throws at start-up" beside MIG007 "not loaded"). Its subclasses are checked."""
    base = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
            "export abstract class BaseMigration implements MigrationInterface {\n"
            "  abstract realUp(q: QueryRunner): Promise<void>;\n  abstract realDown(q: QueryRunner): Promise<void>;\n"
            "  async up(q: QueryRunner): Promise<void> {\n    await this.realUp(q);\n  }\n"
            "  async down(q: QueryRunner): Promise<void> {\n    await this.realDown(q);\n  }\n}\n")
    child = ("import { QueryRunner } from 'typeorm';\nimport { BaseMigration } from '../base.migration';\n\n"
             "export class NAME extends BaseMigration {\n  async realUp(q: QueryRunner): Promise<void> {}\n"
             "  async realDown(q: QueryRunner): Promise<void> {}\n}\n")
    workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\n\n"
                              "export default new DataSource({ type: 'postgres', migrations: [__dirname + '/migrations/postgres/*.ts'] });\n",
        "src/migrations/base.migration.ts": base,
        "src/migrations/postgres/1700000000000-Init.ts": child.replace("NAME", "Init1700000000000"),
        "src/migrations/postgres/1700000000001-AddUser.ts": child.replace("NAME", "AddUser170000000001"),
    })
    assert [(d.code, d.path.rsplit("/", 1)[-1]) for d in lint(tmp_path, ["MIG"])] == [("MIG001", "1700000000001-AddUser.ts")]


def test_choices_of_a_path_expression(tmp_path):
    """glob_choices: one glob per branch, consts followed, an unknown part or too many branches
    is no glob; glob_text keeps answering for expressions that spell exactly one."""
    from migrationlint.extract.parsing import parse
    from migrationlint.extract.path_exprs import glob_choices, glob_text

    def expr(source: str):
        tree = parse(("const base = 'db';\nconst pick = cond ? 'a' : 'b';\nconst x = " + source + ";\n").encode(), "x.ts")
        return tree.root_node.named_children[-1].named_children[0].child_by_field_name("value")

    assert glob_choices(expr("`${base}/${cond ? 'mysql' : 'sqlite'}/*.js`")) == ["db/mysql/*.js", "db/sqlite/*.js"]
    assert glob_choices(expr("join(base, pick, '*.ts')")) == ["db/a/*.ts", "db/b/*.ts"]
    assert glob_choices(expr("`${process.env.DIR}/*.js`")) is None
    # a branch that is no glob (an environment variable, a call) makes the whole choice unknown
    assert glob_choices(expr("cond ? 'dist/*.js' : process.env.DIR")) is None
    assert glob_choices(expr("join(__dirname, cond ? name.replace('a', 'b') : 'pg', '*.js')")) is None
    assert glob_choices(expr("`${a ? 'x' : 'y'}${b ? 'x' : 'y'}${c ? 'x' : 'y'}${d ? 'x' : 'y'}`")) is None  # 16 > 8
    assert glob_text(expr("base + '/*.ts'")) == "db/*.ts" and glob_text(expr("pick")) is None


def test_equal_timestamps_in_a_written_class_list_run_in_its_order(tmp_path):
    """`migrations = [AddUsers1700000000000, AddUserEmail1700000000000]`: TypeORM's sort by timestamp
    is stable, so the two run in the order written, every time (a real back end: 10 warnings whose
    remedy, renaming deployed migrations, would re-run them). Through a glob, the load order decides."""
    files = {
        "src/database/migrations/1700000000000-AddUsers.ts": migration("AddUsers1700000000000"),
        "src/database/migrations/1700000000000-AddUserEmail.ts": migration("AddUserEmail1700000000000"),
        "src/database/data-source.ts": (
            "import { DataSource } from 'typeorm';\n"
            "import { AddUsers1700000000000 } from './migrations/1700000000000-AddUsers';\n"
            "import { AddUserEmail1700000000000 } from './migrations/1700000000000-AddUserEmail';\n\n"
            "export const migrations = [AddUsers1700000000000, AddUserEmail1700000000000];\n\n"
            "export default new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, migrations });\n"),
    }
    workspace(tmp_path / "listed", files)
    assert codes(tmp_path / "listed", ["MIG"]) == []
    # (the option is written short, `{ migrations }`: read as `migrations: migrations`)
    globbed = {**files, "src/database/data-source.ts": (
        "import { DataSource } from 'typeorm';\n\nexport default new DataSource({ type: 'postgres', "
        "migrations: [__dirname + '/migrations/*.ts'] });\n")}
    workspace(tmp_path / "globbed", globbed)
    assert codes(tmp_path / "globbed", ["MIG"]) == ["MIG004"]


def test_a_migrations_list_bound_by_a_computation_is_not_followed(tmp_path):
    """`const [migrations, subscribers] = ['migrations', 'subscribers'].map(folder => glob(folder))`
    then `{ migrations }`: globs computed at start-up, no class list to check against (a real Nx
    monorepo: a MIG007 on a migration those globs load)."""
    workspace(tmp_path, {
        "src/migrations/1628189721867-InitialSchema.ts": migration("InitialSchema1628189721867"),
        "src/ormconfig.ts": ("const folders = (name: string) => [`src/**/${name}/**/*.ts`];\n"
                             "const [migrations, subscribers] = ['migrations', 'subscribers'].map(folders);\n"
                             "import { DataSource } from 'typeorm';\n"
                             "export const ds = new DataSource({ type: 'sqlite', database: 'db', migrations, subscribers });\n"),
    })
    assert codes(tmp_path, ["MIG"]) == []


def test_a_migration_no_datasource_loads_is_not_said_to_stop_start_up(tmp_path):
    """A generator's template (`MigrationName`, read as text and copied into the loaded folder with
    a timestamp): TypeORM validates only the classes a `migrations` option loads, so MIG001's
    "TypeORM throws at start-up" contradicted MIG007's "not loaded" on the same class (a real
    multi-tenant service: 2 such pairs). MIG007 alone says it; loaded, the name is MIG001 again."""
    workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport { join } from 'path';\n\n"
                              "export default new DataSource({ type: 'postgres', migrations: [join(__dirname, 'migrations/*{.ts,.js}')] });\n",
        "src/migrations/1700000000000-Init.ts": migration("Init1700000000000"),
        "migrations/template.ts": migration("MigrationName", "MigrationName"),
    })
    assert sorted(d.code for d in lint(tmp_path, ["MIG"])) == ["MIG007"]
    (tmp_path / "src/migrations/1700000000001-Template.ts").write_text(migration("MigrationName", "MigrationName"))
    assert sorted(d.code for d in lint(tmp_path, ["MIG"])) == ["MIG001", "MIG007"]


def test_a_migrations_key_where_no_typeorm_is_used_loads_nothing(tmp_path):
    """A bundler's `input: { migrations: 'src/migrations/create_table.ts' }` in a Kysely library of a
    repository that knows no TypeORM: a chunk name, not TypeORM's option, and Kysely migrations
    export `up`/`down` by design (a real queue library: 2 MIG006). With TypeORM in the repository,
    the same key in a file importing it is the option."""
    files = {
        "rolldown.config.ts": "import { defineConfig } from 'rolldown';\n"
                              "export default defineConfig({ input: { index: 'src/index.ts', migrations: 'src/migrations/create_table.ts' } });\n",
        "src/index.ts": "export const name = 'lib';\n",
        "src/migrations/create_table.ts": "import type { Kysely } from 'kysely';\n"
                                          "export async function up(db: Kysely<unknown>) { return db; }\n"
                                          "export async function down(db: Kysely<unknown>) { return db; }\n",
    }
    root = workspace(tmp_path / "kysely", files)
    (root / "package.json").write_text('{"name": "@x/lib", "version": "1.0.0", "devDependencies": {"kysely": "0.28.0"}}')
    assert codes(root, ["MIG"]) == []
    assert "MIG006" in codes(workspace(tmp_path / "typeorm", files), ["MIG"])


_GLOB_SOURCE = ("import { DataSource } from 'typeorm';\n\nexport default new DataSource({ type: 'postgres', "
                "migrations: [__dirname + '/migrations/*.ts'] });\n")


def _same_stamp_warnings(tmp_path: Path, stamp: str, first: tuple[str, str], second: tuple[str, str]) -> list[str]:
    """The MIG codes for two migrations of one timestamp, each (class name, `up` body), that a
    DataSource's glob loads, in a fresh folder under `tmp_path`."""
    root = workspace(tmp_path / str(len(list(tmp_path.iterdir()))), {
        "src/data-source.ts": _GLOB_SOURCE,
        **{f"src/migrations/{stamp}-{name}.ts": _touching(f"{name}{stamp}", up) for name, up in (first, second)},
    })
    return codes(root, ["MIG"])


def _touching(cls: str, up: str) -> str:
    return ("import { MigrationInterface, QueryRunner, Table } from 'typeorm';\n\n"
            f"export class {cls} implements MigrationInterface {{\n"
            f"  public async up(queryRunner: QueryRunner): Promise<void> {{\n    {up}\n  }}\n\n"
            "  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n")


def test_equal_timestamps_of_migrations_on_different_tables_commute(tmp_path):
    """Two migrations a glob loads share a rounded timestamp but their `up` methods touch unrelated
    tables (an API's auth tables and its feedback table: 8 warnings no maintainer would act on, the
    remedy re-running deployed migrations): in either order the schema comes out the same. A
    shared table (a foreign key to the other's), or an `up` that does more than the QueryRunner's
    SQL and table calls (an entity manager's save), keeps the warning."""
    auth = ("await queryRunner.query(`CREATE TABLE \"ba_session\" (\"id\" uuid NOT NULL, \"userId\" uuid "
            "REFERENCES \"public\".\"ba_user\"(\"id\") ON DELETE CASCADE)`);")
    feedback = "await queryRunner.createTable(new Table({ name: 'feedback', columns: [{ name: 'id', type: 'uuid' }] }));"

    def warned(second: str) -> list[str]:
        return _same_stamp_warnings(tmp_path, "1772500000000", ("BetterAuthTables", auth), ("Feedback", second))

    assert warned(feedback) == []
    assert warned("await queryRunner.query(`ALTER TABLE \"ba_user\" ADD \"feedback\" text`);") == ["MIG004"]
    assert warned("await queryRunner.manager.save('feedback', { id: 1 });") == ["MIG004"]
    # both point foreign keys at ba_user, neither changes it: the order cannot matter (a real app's
    # gamification and job tables, both referencing users)
    assert warned("await queryRunner.query(`CREATE TABLE \"feedback\" (\"userId\" uuid REFERENCES ba_user(id))`);") == []
    assert warned(feedback + "\n    await queryRunner.createForeignKey('feedback', new TableForeignKey("
                  "{ columnNames: ['userId'], referencedTableName: 'ba_user', referencedColumnNames: ['id'] }));") == []
    assert warned("await queryRunner.createTable(new Table({ name: 'ba_user', columns: [] }));") == ["MIG004"]
    # a progress message touches no table (2 warnings on a real app whose `up` logs what it creates)
    assert warned("console.log('Creating feedback');\n    " + feedback) == []
    # a lookup on the metadata `getTable()` returns reads it (a real donations API: 1 warning)
    assert warned("const table = await queryRunner.getTable('feedback');\n"
                  "    if (!table?.findColumnByName('isExternal')) {\n      " + feedback + "\n    }") == []
    assert warned("const table = await queryRunner.getTable('ba_user');\n"
                  "    if (!table?.findColumnByName('x')) { await queryRunner.addColumn('ba_user', col); }") == ["MIG004"]


def test_equal_timestamps_commute_with_mysql_names_quoted_in_a_template(tmp_path):
    """MySQL quotes names with backticks, which a template literal writes escaped (`` `DROP TABLE \\`bets\\`` ``):
    the SQL sent names the table all the same, so two migrations dropping different tables commute (a real
    bot: 3 warnings); dropping the same table does not."""
    def warned(second: str) -> list[str]:
        return _same_stamp_warnings(tmp_path, "1678892044030", ("removeBets", "await queryRunner.query(`DROP TABLE \\`bets\\``);"),
                                    ("removePolls", second))

    assert warned("await queryRunner.query(`DROP TABLE \\`polls\\``);") == []
    assert warned("await queryRunner.query(`DROP TABLE \\`bets\\``);") == ["MIG004"]


def test_equal_timestamps_of_an_enum_value_and_another_table_commute(tmp_path):
    """`ALTER TYPE "jobs_type_enum" ADD VALUE 'CUSTOMERS'` (with a `COMMENT ON COLUMN "jobs"."type"`)
    beside `ALTER TABLE "stock"`: the enum and the comment's table are the other's business, not the
    stock table's (a real ERP: 9 warnings on such pairs). A migration naming the enum, a value it adds,
    or the table whose enum it is (TypeORM's `<table>_<column>_enum`) keeps the warning; so does a
    `CREATE EXTENSION`, whose functions another migration may call under other names."""
    enum = ("await queryRunner.query(`ALTER TYPE \"jobs_type_enum\" ADD VALUE IF NOT EXISTS 'CUSTOMERS'`);\n"
            "    await queryRunner.query(`COMMENT ON COLUMN \"jobs\".\"type\" IS 'what the job imports'`);")

    def warned(first: str, second: str) -> list[str]:
        return _same_stamp_warnings(tmp_path, "1786300000000", ("AddJobType", first), ("StockTracked", second))

    stock = "await queryRunner.query(`ALTER TABLE \"stock\" ADD COLUMN \"tracked\" boolean`);"
    assert warned(enum, stock) == []
    assert warned(enum, "await queryRunner.query(`ALTER TABLE \"stock\" ADD \"t\" \"jobs_type_enum\"`);") == ["MIG004"]
    assert warned(enum, "await queryRunner.query(`UPDATE \"imports\" SET \"kind\" = 'CUSTOMERS'`);") == ["MIG004"]
    assert warned(enum, "await queryRunner.query(`ALTER TABLE \"jobs\" ADD \"n\" int`);") == ["MIG004"]
    assert warned("await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"`);", stock) == ["MIG004"]


def test_equal_timestamps_of_an_index_and_what_leaves_its_columns_alone_commute(tmp_path):
    """`CREATE INDEX ... ON "items" ("name")` leaves the table's rows and columns as they are: beside a view
    that joins `items` (`JOIN items i ON i.id = ...`, whose `ON` is a join's condition, not a table), or
    a change to another column of `items`, the two commute (a real ERP: 2 warnings). A change to an
    indexed column, the table created by the other, a QueryRunner change to the table (columns unknown),
    or an index of the same name keeps the warning."""
    index = 'await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_items_name" ON "items" ("name")`);'

    def warned(other: str) -> list[str]:
        return _same_stamp_warnings(tmp_path, "1781800000000", ("AddItemIndex", index), ("Other", other))

    view = "await queryRunner.query(`CREATE VIEW vw_stock AS SELECT i.name FROM stock sb JOIN items i ON i.id = sb.item_id`);"
    assert warned(view) == []
    assert warned('await queryRunner.query(`ALTER TABLE "items" ADD COLUMN "cost" numeric`);') == []
    assert warned('await queryRunner.query(`ALTER TABLE "items" RENAME COLUMN "name" TO "title"`);') == ["MIG004"]
    assert warned('await queryRunner.query(`CREATE TABLE "items" ("id" int, "name" text)`);') == ["MIG004"]
    assert warned("await queryRunner.addColumn('items', new TableColumn({ name: 'cost', type: 'int' }));") == ["MIG004"]
    assert warned('await queryRunner.query(`DROP INDEX IF EXISTS "IDX_items_name"`);\n'
                  '    await queryRunner.query(`ALTER TABLE "stock" ADD "x" int`);') == ["MIG004"]


def test_a_sequence_commutes_with_what_never_names_it(tmp_path):
    """`CREATE SEQUENCE IF NOT EXISTS invoice_number_seq` beside an enum's new label: other SQL reaches a
    sequence only by its name (`nextval('invoice_number_seq')`), so a migration that never names it
    commutes (a real learning platform: 1 warning). One that names it keeps the warning."""
    seq = "await queryRunner.query(`CREATE SEQUENCE IF NOT EXISTS invoice_number_seq`);"

    def warned(other: str) -> list[str]:
        return _same_stamp_warnings(tmp_path, "1790000000000", ("FixInvoiceSeq", seq), ("Other", other))

    assert warned("await queryRunner.query(`ALTER TYPE \"subscriptions_status_enum\" ADD VALUE 'paused'`);") == []
    assert warned("await queryRunner.query(`ALTER TABLE invoices ALTER number SET DEFAULT nextval('invoice_number_seq')`);") \
        == ["MIG004"]


def test_an_added_enum_label_is_a_literal_not_a_table_name(tmp_path):
    """`ALTER TYPE "import_jobs_type_enum" ADD VALUE 'LOCATIONS'` beside `ALTER TABLE "locations" ADD
    COLUMN ...`: an enum label is only ever a case-sensitive string literal, so a table named like it is no
    use of it (a real ERP: 1 warning). Spelled as a literal (`'LOCATIONS'`), it keeps the warning."""
    enum = "await queryRunner.query(`ALTER TYPE \"import_jobs_type_enum\" ADD VALUE IF NOT EXISTS 'LOCATIONS'`);"

    def warned(other: str) -> list[str]:
        return _same_stamp_warnings(tmp_path, "1782600000000", ("AddLocationsJobType", enum), ("Other", other))

    assert warned('await queryRunner.query(`ALTER TABLE "locations" ADD COLUMN "is_unassigned" boolean`);') == []
    assert warned("await queryRunner.query(`UPDATE \"imports\" SET \"kind\" = 'LOCATIONS'`);") == ["MIG004"]


def test_equal_timestamps_commute_through_pure_code_and_reads(tmp_path):
    """A `.catch(log)` chained on `queryRunner.query(...)`, `parseInt` over rows already fetched and
    `table.foreignKeys.find(...)` over `getTable()`'s metadata touch no table, and a table one migration
    only reads (`SELECT COUNT(*) FROM t`) commutes with a foreign key the other points at it (a real
    mobile back end: 5 warnings). A `DELETE FROM` the other's table, or a call of a helper, keeps the warning."""
    fk = ("await queryRunner.query(`ALTER TABLE transactions ADD membershipId int NULL REFERENCES customer_memberships(id)`)"
          ".catch((error) => console.log('exists', error.message));")

    def warned(first: str) -> list[str]:
        return _same_stamp_warnings(tmp_path, "1768200000000", ("AddMembership", fk), ("Cleanup", first))

    guard = ("const rows = await queryRunner.query(`SELECT COUNT(*) AS count FROM customer_memberships`);\n"
             "    const count = parseInt(rows[0]?.count || '0', 10);\n"
             "    const table = await queryRunner.getTable('users');\n"
             "    if (count === 0 && table?.foreignKeys.find((k) => k.name === 'FK_x')) {\n"
             "      await queryRunner.query(`ALTER TABLE users DROP COLUMN tenantId`);\n    }")
    assert warned(guard) == []
    assert warned("await queryRunner.query(`DELETE FROM customer_memberships`);") == ["MIG004"]
    assert warned("await seed(queryRunner);") == ["MIG004"]


def test_a_tests_migration_fixtures_are_not_checked_as_deployed_migrations(tmp_path):
    """Migrations a test loads (`test/**/migration/*`, run against a throwaway database) are that
    test's fixtures: an ORM's own suite keeps duplicate names and placeholder stamps on purpose, and
    asserts the very error TypeORM gives (10 MIG003/MIG004 on a real one). The same files under
    src/ are reported; a damaged class header (MIG002) breaks compiling the test, and stays."""
    spec = ("import { DataSource } from 'typeorm';\n\nit('rejects', async () => {\n"
            "  const ds = new DataSource({ type: 'postgres', migrations: [__dirname + '/migration/*.ts'] });\n"
            "  await ds.runMigrations();\n});\n")
    files = {
        "test/issue-9/issue-9.test.ts": spec,
        "test/issue-9/migration/1000000000001-AddA.ts": migration("AddA1000000000001"),
        "test/issue-9/migration/1000000000002-AddB.ts": migration("AddA1000000000001"),
        "test/issue-8/migration/0000000000001-Users.ts": migration("Users0000000000001"),
        "test/issue-7/migration/1700000000000-Broken.ts": migration("Broken'$timestamp'"),
    }
    workspace(tmp_path / "fixtures", files)
    assert codes(tmp_path / "fixtures", ["MIG"]) == ["MIG002"]
    deployed = {path.replace("test/", "src/").replace(".test.ts", ".ts"): text for path, text in files.items()}
    workspace(tmp_path / "service", deployed)
    # issue-8's folder is loaded by no option there: MIG007, and no claim about where TypeORM orders it
    assert {"MIG002", "MIG004", "MIG007"} <= set(codes(tmp_path / "service", ["MIG"])) and "MIG003" not in codes(
        tmp_path / "service", ["MIG"])


def test_a_package_that_runs_its_migrations_folder_itself_leaves_the_list_unread(tmp_path):
    """A runner script lists the migrations folder and loads each file by a computed path, calling
    `up()` itself: every file there runs whatever the DataSource's list holds (12 MIG007 on a real
    API whose Docker entrypoint runs such a script). Without the computed load (a folder merely
    listed, a literal import), the list decides again."""
    runner = ("import * as fs from 'fs';\nimport * as path from 'path';\nimport { AppDataSource } from './data-source';\n\n"
              "export async function run(): Promise<void> {\n  const runner = (await AppDataSource.initialize()).createQueryRunner();\n"
              "  for (const file of fs.readdirSync(path.join(__dirname, 'migrations')).sort()) {\n"
              "    const mod = await import(path.join(__dirname, 'migrations', file));\n"
              "    await new mod[`Migration${file.split('-')[0]}`]().up(runner);\n  }\n}\n")
    files = {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport { Init1700000000000 } from './migrations/1700000000000-Init';\n\n"
                              "export const AppDataSource = new DataSource({ type: 'postgres', migrations: [Init1700000000000] });\n",
        "src/migrations/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/1700000000001-AddEmail.ts": migration("Migration1700000000001"),
        "src/run-migrations.ts": runner,
    }
    assert codes(workspace(tmp_path / "runner", files), ["MIG007"]) == []
    listed = {**files, "src/run-migrations.ts": runner.replace("await import(path.join(__dirname, 'migrations', file))",
                                                               "await import('./migrations/1700000000000-Init')")}
    assert codes(workspace(tmp_path / "listed", listed), ["MIG007"]) == ["MIG007"]


def test_a_migration_list_imported_through_a_tsconfig_alias_is_followed(tmp_path):
    """`import { migrationList } from '~/migrations'` (a tsconfig `paths` alias) in the DataSource
    file: the set is that list, as with a relative import. Unfollowed, the whole folder was one set
    (shared timestamps in a written list reported, the unregistered twin's MIG007 missed: a real
    mobile app). A hidden template beside the migrations (`.migrationTemplate.ts`, placeholders a
    script fills in) is no migration: no glob loads a dotfile."""
    workspace(tmp_path, {
        "tsconfig.json": '{"compilerOptions": {"baseUrl": ".", "paths": {"~/*": ["src/*"]}}}\n',
        "src/database.ts": "import { DataSource } from 'typeorm';\nimport { migrationList } from '~/migrations';\n\n"
                           "export const ds = new DataSource({ type: 'react-native', migrations: migrationList });\n",
        "src/migrations/index.ts": "import { AddA1700000000000 } from './1700000000000-AddA';\n"
                                   "import { AddB1700000000000 } from './1700000000000-AddB';\n\n"
                                   "export const migrationList = [AddA1700000000000, AddB1700000000000];\n",
        "src/migrations/1700000000000-AddA.ts": migration("AddA1700000000000"),
        "src/migrations/1700000000000-AddB.ts": migration("AddB1700000000000"),
        "src/migrations/1710000000000-Forgotten.ts": migration("AddB1700000000000"),
        "src/migrations/.migrationTemplate.ts": migration("{MIGRATION_NAME}{TIMESTAMP}"),
    })
    assert sorted((d.code, Path(d.path).name) for d in lint(tmp_path, ["MIG", "SYN"])) == [
        ("MIG007", "1710000000000-Forgotten.ts")]


def test_an_exported_class_list_in_the_datasource_file_says_what_it_loads(tmp_path):
    """`export const migrations = [CreateBooks1600000000000]` beside `createConnection({ migrations })`
    in the same file (a real TypeORM 0.2 service: two generated migrations in no list, never run):
    the exported list is read like a local one, so the migration it leaves out is MIG007."""
    files = {
        "src/migrations/1600000000000-create-books.ts": migration("createBooks1600000000000"),
        "src/migrations/1600000000001-add-title.ts": migration("addTitle1600000000001"),
        "src/main.ts": ("import { createConnection } from 'typeorm';\n"
                        "import { createBooks1600000000000 } from './migrations/1600000000000-create-books';\n\n"
                        "export const migrations = [createBooks1600000000000];\n\n"
                        "createConnection({ type: 'postgres', migrations, migrationsRun: true });\n"),
    }
    workspace(tmp_path, files)
    assert [(d.code, d.path.rsplit("/", 1)[-1]) for d in lint(tmp_path, ["MIG"])] == [("MIG007", "1600000000001-add-title.ts")]


def test_a_dialects_migration_a_loaded_migration_runs_is_no_unloaded_migration(tmp_path):
    """A generic migration the DataSource loads picks the dialect's class and runs it (`new
    CreateUsersPostgres1700000000001().up(q)`): the dialect classes are never loaded themselves, and
    TypeORM never reads their names (a real SSI toolkit: 49 MIG007 and a MIG005, whose advice would
    run every change twice). A dialect class no loaded migration constructs is still reported."""
    dialect = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
               "export class {cls} implements MigrationInterface {\n  name = 'CreateUsers1700000000000';\n"
               "  async up(q: QueryRunner): Promise<void> { await q.query('CREATE TABLE users (id int)'); }\n"
               "  async down(q: QueryRunner): Promise<void> { await q.query('DROP TABLE users'); }\n}\n")
    workspace(tmp_path, {
        "src/migrations/postgres/1700000000001-CreateUsers.ts": dialect.replace("{cls}", "CreateUsersPostgres1700000000001"),
        "src/migrations/sqlite/1700000000002-CreateUsers.ts": dialect.replace("{cls}", "CreateUsersSqlite1700000000002"),
        "src/migrations/generic/1-CreateUsers.ts": (
            "import { MigrationInterface, QueryRunner } from 'typeorm';\n"
            "import { CreateUsersPostgres1700000000001 } from '../postgres/1700000000001-CreateUsers';\n"
            "import { CreateUsersSqlite1700000000002 } from '../sqlite/1700000000002-CreateUsers';\n\n"
            "export class CreateUsers1700000000000 implements MigrationInterface {\n"
            "  name = 'CreateUsers1700000000000';\n"
            "  async up(q: QueryRunner): Promise<void> {\n"
            "    const mig = q.connection.driver.options.type === 'postgres'\n"
            "      ? new CreateUsersPostgres1700000000001() : new CreateUsersSqlite1700000000002();\n"
            "    await mig.up(q);\n  }\n"
            "  async down(q: QueryRunner): Promise<void> {}\n}\n"),
        "src/migrations/generic/index.ts": "import { CreateUsers1700000000000 } from './1-CreateUsers';\n\n"
                                           "export const storeMigrations = [CreateUsers1700000000000];\n",
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport { storeMigrations } from './migrations/generic';\n\n"
                              "export default new DataSource({ type: 'sqlite', database: 'dev.sqlite', migrations: [...storeMigrations] });\n",
    })
    assert codes(tmp_path, ["MIG"]) == []
    (tmp_path / "src/migrations/generic/1-CreateUsers.ts").write_text(
        (tmp_path / "src/migrations/generic/1-CreateUsers.ts").read_text()
        .replace(" : new CreateUsersSqlite1700000000002()", " : undefined"))
    found = sorted((d.code, d.path.rsplit("/", 2)[-2]) for d in lint(tmp_path, ["MIG"]))
    assert found == [("MIG007", "sqlite")]  # its name is TypeORM's business only once something loads it


@pytest.mark.parametrize("option, baseline, history, late", [
    # the DataSource loads `migrations/v2/*.js`, whose baseline recreates the whole schema; the older
    # migrations beside the v2 folder are the history it replaced (5 MIG007 on a real indexer)
    ("'./**/migrations/v2/*.js'", "src/migrations/v2/1620000000000-SchemaV2.ts",
     ("src/migrations/1600000000000-Schema.ts", "src/migrations/1610000000000-BlockTimestamp.ts"),
     "src/migrations/1630000000000-Late.ts"),
    # the mirror layout: `migrations/*.ts` is loaded, its oldest a Postgres baseline, and the MySQL
    # history it replaced sits below in `migrations/archive/mysql/`, which the glob does not descend
    # into (3 MIG007 on a real admin back end: registering would run MySQL DDL against the new schema)
    ("join(__dirname, 'migrations/*.ts')", "src/migrations/1741000000000-BaselinePostgres.ts",
     ("src/migrations/archive/mysql/1707996695540-InitData.ts", "src/migrations/archive/mysql/1740000000000-AddUserId.ts"),
     "src/migrations/archive/mysql/1750000000000-Late.ts"),
])
def test_history_a_squashed_baseline_replaced_is_not_unregistered(tmp_path, option, baseline, history, late):
    """Migrations older than the oldest one the DataSource loads, in a folder beside or below the
    loaded one, are the history a baseline replaced, left out on purpose (registering them would break a
    fresh database). A migration newer than the baseline left out is the forgotten one, and reported."""
    def cls(path: str) -> str:
        stamp, name = path.rsplit("/", 1)[1][:-3].split("-", 1)
        return migration(f"{name}{stamp}")
    workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport { join } from 'path';\n\n"
                              f"export default new DataSource({{ type: 'postgres', migrations: [{option}] }});\n",
        **{path: cls(path) for path in (baseline, *history)},
    })
    assert codes(tmp_path, ["MIG007"]) == []
    (tmp_path / late).write_text(cls(late))
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["MIG007"])] == [late.rsplit("/", 1)[1]]


def test_an_unstamped_class_beside_a_loaded_subfolder_is_judged_not_crashed_on(tmp_path):
    """`src/migrations/initial.ts` holds `initial0` (no timestamp a file or a class name gives) beside a
    `postgres/` subfolder the DataSource loads: the squashed-history question must treat it as no
    history rather than compare None with a timestamp (a chat server's layout stopped the whole
    MIG007 family with an internal error). Unloaded and with statements, it is reported."""
    workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\n\n"
                              "export default new DataSource({ type: 'postgres', migrations: ['dist/migrations/postgres/*.js'] });\n",
        "src/migrations/initial.ts": migration("initial0"),
        "src/migrations/postgres/1700000000000-AddEmail.ts": migration("AddEmail1700000000000"),
    })
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["MIG007", "INT"])] == ["initial.ts"]


def test_a_migration_class_the_application_runs_itself_is_not_named_by_typeorm(tmp_path):
    """`initial0` (a 1-digit timestamp, MIG001 for TypeORM) is constructed and run by the application's
    own database bootstrap (`await new initial0().up(queryRunner)`), beside a DataSource whose glob is
    computed (a chat server: a MIG001 claiming a start-up failure that never happens). Nothing
    constructing it, the finding stays."""
    files = {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nconst kind = process.env.DB ?? 'postgres';\n\n"
                              "export default new DataSource({ type: 'postgres', migrations: [`dist/migrations/${kind}/*.js`] });\n",
        "src/migrations/initial.ts": migration("initial0"),
        "src/migrations/postgres/1700000000000-AddEmail.ts": migration("AddEmail1700000000000"),
    }
    workspace(tmp_path, files)
    assert [d.code for d in lint(tmp_path, ["MIG001"])] == ["MIG001"]
    (tmp_path / "src/bootstrap.ts").write_text(
        "import { DataSource } from 'typeorm';\nimport { initial0 } from './migrations/initial';\n\n"
        "export async function seed(ds: DataSource) {\n  const q = ds.createQueryRunner();\n"
        "  await new initial0().up(q);\n}\n")
    assert [d.code for d in lint(tmp_path, ["MIG001"])] == []


@pytest.mark.parametrize("construct, reported", [
    ("await new (require(`./migrations/${kind}-initial`).initial0)().up(q);", []),  # a template's `${}`: any name part
    ("await new (require('./migrations/postgres-initial').initial0)().up(q);", []),
    ("await new (await import('./migrations/postgres-initial.js')).initial0().up(q);", []),
    ("await new (require('./migrations/mysql-initial').initial0)().up(q);", ["MIG001"]),  # another file
    ("await new (require(`./migrations/${kind}-initial`).initial1)().up(q);", ["MIG001"]),  # another class
])
def test_a_migration_class_constructed_from_a_module_loaded_in_place_is_run_by_the_application(tmp_path, construct, reported):
    """`await new (require(`./migration/${DatabaseType}-initial`).initial0)().up(qr)`: the database
    bootstrap loads the dialect's first migration and runs it itself, as `new initial0()` of an
    imported class does (a chat server: a MIG001 claiming TypeORM throws at start-up, where TypeORM
    never reads the class's name)."""
    workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nconst kind = process.env.DB ?? 'postgres';\n\n"
                              "export default new DataSource({ type: 'postgres', migrations: [`dist/migrations/${kind}/*.js`] });\n",
        "src/migrations/postgres-initial.ts": migration("initial0"),
        "src/migrations/postgres/1700000000000-AddEmail.ts": migration("AddEmail1700000000000"),
        "src/bootstrap.ts": "import { DataSource } from 'typeorm';\nconst kind = process.env.DB ?? 'postgres';\n\n"
                            "export async function seed(ds: DataSource) {\n  const q = ds.createQueryRunner();\n"
                            f"  {construct}\n}}\n",
    })
    assert [d.code for d in lint(tmp_path, ["MIG001"])] == reported
    (tmp_path / "src/data-source.ts").write_text(  # a glob that says what it loads: MIG007 asks the same question
        "import { DataSource } from 'typeorm';\n\n"
        "export default new DataSource({ type: 'postgres', migrations: ['dist/migrations/postgres/*.js'] });\n")
    assert [d.code for d in lint(tmp_path, ["MIG007"])] == ["MIG007" for _ in reported]


def test_a_migrations_key_of_another_object_is_no_datasource_option(tmp_path):
    """`return { migrations: listPlannedMoves() }` in a sharding report is a REST payload's key, not a
    DataSource's option: it must not make the workspace's registrations unknown, which silenced MIG007
    for a migration outside the one glob and let MIG001 claim a start-up failure (a real learning
    platform). The same key beside connection options (`type`), or holding an array, still counts."""
    files = {
        "src/config/datasource.ts": "import { DataSource } from 'typeorm';\n\n"
                                    "export const ds = new DataSource({ type: 'postgres', migrations: ['src/migrations/[0-9]*.{ts,js}'] });\n",
        "src/migrations/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/database/migration/create-email-templates.ts": migration("CreateEmailTemplates"),
        "src/sharding/report.ts": "const listPlannedMoves = () => [{ table: 'users' }];\n\n"
                                  "export function shardStatus() {\n  return { migrations: listPlannedMoves() };\n}\n",
    }
    workspace(tmp_path / "payload", files)
    assert codes(tmp_path / "payload", ["MIG001", "MIG007"]) == ["MIG007"]
    files["src/sharding/report.ts"] = ("export const plan = (migrations: string[]) => ({ table: 'users', fromShard: 'a', "
                                       "migrations });\n")
    workspace(tmp_path / "plan", files)
    assert codes(tmp_path / "plan", ["MIG001", "MIG007"]) == ["MIG007"]
    files["src/sharding/report.ts"] = "export const options = { type: 'postgres', migrations: loadMigrations() };\n"
    workspace(tmp_path / "options", files)
    assert codes(tmp_path / "options", ["MIG001", "MIG007"]) == ["MIG001"]


def test_an_empty_migration_left_unregistered_is_not_reported(tmp_path):
    """`migration:create` leaves `up` and `down` empty (a comment at most); such a migration left out
    of the listed set changes nothing when never run (a real bot's 22nd migration). One whose `up`
    holds a statement is the forgotten one."""
    empty = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
             "export class Empty1700000000001 implements MigrationInterface {\n"
             "  public async up(queryRunner: QueryRunner): Promise<void> {\n    // TODO\n  }\n\n"
             "  public async down(queryRunner: QueryRunner): Promise<void> {\n  }\n}\n")
    root = workspace(tmp_path, {
        "src/migrations/1700000000000-Init.ts": migration("Init1700000000000"),
        "src/migrations/1700000000001-Empty.ts": empty,
        "src/migrations/index.ts": "import { Init1700000000000 } from './1700000000000-Init';\n\n"
                                   "export const MIGRATIONS = [Init1700000000000];\n",
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport { MIGRATIONS } from './migrations';\n\n"
                              "export default new DataSource({ type: 'postgres', migrations: [...MIGRATIONS] });\n",
    })
    assert codes(root, ["MIG007"]) == []
    (root / "src/migrations/1700000000001-Empty.ts").write_text(empty.replace("// TODO", "await queryRunner.query('SELECT 1');"))
    assert codes(root, ["MIG007"]) == ["MIG007"]


GENERATOR = ("const fs = require('fs');\nconst { join } = require('path');\n"
             "const tpl = fs.readFileSync(join(__dirname, './baseMigration.ts'), 'utf8');\n"
             "const t = Date.now();\nconst name = process.argv[2];\n"
             "fs.writeFileSync(join(__dirname, '../src/migrations/', `${t}-${name}.ts`), "
             "tpl.replace(/MigrationName/g, `${name}${t}`));\n")


@pytest.mark.parametrize("reader", ["script", "source"])
def test_a_migration_template_a_generator_reads_as_text_is_not_unregistered(tmp_path, reader):
    """`migrations/baseMigration.ts`, read by a generator (`readFileSync(join(__dirname,
    './baseMigration.ts'))`, the generator a package.json script runs, or a TypeScript source of the
    package) that fills in the class name and writes the result where the DataSource looks: a template,
    which TypeORM is never meant to run (a real multi-tenant service: 2 MIG007 errors). A migration
    no generator reads stays MIG007."""
    generator = {"script": ("migrations/index.js", GENERATOR),
                 "source": ("src/scripts/new-migration.ts", GENERATOR.replace("'./baseMigration.ts'",
                                                                             "'../../migrations/baseMigration.ts'"))}[reader]
    root = workspace(tmp_path, {
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport { join } from 'path';\n\n"
                              "export default new DataSource({ type: 'postgres', "
                              "migrations: [join(__dirname, './migrations/*{.ts,.js}')] });\n",
        "src/migrations/1687276650426-Users.ts": migration("Users1687276650426"),
        "migrations/baseMigration.ts": migration("MigrationName"),
        "migrations/1687276650427-Stray.ts": migration("Stray1687276650427"),
        generator[0]: generator[1],
    })
    if reader == "script":
        manifest = json.loads((root / "package.json").read_text())
        manifest["scripts"] = {"migration:create": "node migrations/index.js"}
        (root / "package.json").write_text(json.dumps(manifest))
    found = sorted((d.code, d.path.rsplit("/", 1)[-1]) for d in lint(root, ["MIG007"]))
    assert found == [("MIG007", "1687276650427-Stray.ts")]


def test_mig005_advises_renaming_the_class_never_the_literal(tmp_path):
    """The literal is the migration's identity in the `migrations` table: the message names the class
    name to rename to, and says the literal stays (a social API: the fix was only implied)."""
    root = workspace(tmp_path, {"src/migration/1768505964487-UserProfileAnalytics.ts":
                                migration("UserProfileAnalytics1768505964487", "UserProfileAnalytics1768506000000")})
    [d] = [d for d in lint(root, ["MIG005"])]
    assert "rename the class to `UserProfileAnalytics1768506000000`" in d.message and "never the literal" in d.message, d.message


def test_a_projects_own_migration_contract_is_no_typeorm_migration(tmp_path):
    """`CommentsCountMigration implements Migration`, a project's own back-fill contract (`migrate()`,
    no `up` nor `down`) in a `migrations/` folder that a Nest runner calls (a DAO gateway: 38 MIG001
    and MIG008): TypeORM never loads it. A class of that contract with `up` is still read as one."""
    contract = "export declare class Migration { migrate(): Promise<void>; }\n"
    backfill = ("import { Migration } from '../interfaces/migration.interface';\n\n"
                "export class CommentsCountMigration implements Migration {\n  public async migrate(): Promise<void> {}\n}\n")
    root = workspace(tmp_path, {"libs/migrations/src/interfaces/migration.interface.ts": contract,
                                "libs/migrations/src/scripts/comments-count.migration.ts": backfill})
    assert lint(root, ["MIG"]) == []
    with_up = backfill.replace("public async migrate", "public async up(): Promise<void> {}\n  public async migrate")
    root = workspace(tmp_path / "up", {"libs/migrations/src/interfaces/migration.interface.ts": contract,
                                       "libs/migrations/src/scripts/comments-count.migration.ts": with_up})
    assert "MIG001" in [d.code for d in lint(root, ["MIG"])]


def test_a_relative_glob_of_an_app_run_from_its_own_folder_loads_that_apps_migrations(tmp_path):
    """One package.json at the root (Nx), and each app's DataSource (beside its project.json) says `migrations:
    ['src/migrations/**/*.ts']`, read from the app's folder (its `cwd`): each app loads its own
    `InitialSchema`, in its own database (4 MIG004 "TypeORM refuses to start" on two real service
    repositories). Two DataSources whose globs both reach one folder still share its names."""
    def source(db: str, glob: str = "src/migrations/**/*.ts") -> str:
        return ("import { DataSource } from 'typeorm';\n\n"
                f"export default new DataSource({{ type: 'postgres', database: '{db}', migrations: ['{glob}'] }});\n")
    files = {"apps/media/ormconfig.ts": source("media"), "apps/content/ormconfig.ts": source("content"),
             "apps/media/project.json": '{"name": "media"}', "apps/content/project.json": '{"name": "content"}',
             "apps/media/src/migrations/1738814400000-InitialSchema.ts": migration("InitialSchema1738814400000"),
             "apps/content/src/migrations/1738814400000-InitialSchema.ts": migration("InitialSchema1738814400000")}
    assert codes(workspace(tmp_path / "apart", files), ["MIG004"]) == []
    shared = {**files, "apps/content/ormconfig.ts": source("content", "apps/*/src/migrations/**/*.ts")}
    assert codes(workspace(tmp_path / "shared", shared), ["MIG004"]) == ["MIG004"]


def test_a_stale_name_literal_is_one_finding_that_renames_class_and_file(tmp_path):
    """File and class say 1701234043432, the `name` literal (what TypeORM orders by) says an older
    1694228328076, and a migration of the folder lies between the two (an Electron wallet's chain
    database): MIG003 (the file name says another place) and MIG005 (the class says another stamp)
    reported one mistake twice. MIG005 keeps it and names both renames."""
    root = workspace(tmp_path, {
        "src/migrations/1697000000000-Between.ts": migration("Between1697000000000"),
        "src/migrations/1701234043432-CreateCellLocalInfo.ts":
            migration("CreateCellLocalInfo1701234043432", "CreateCellLocalInfo1694228328076"),
    })
    [d] = lint(root, ["MIG"])
    assert d.code == "MIG005", d.message
    assert "rename the class to `CreateCellLocalInfo1694228328076`" in d.message, d.message
    assert "and the file to '1694228328076-CreateCellLocalInfo.ts'" in d.message, d.message


def test_a_stale_name_literal_in_a_file_named_otherwise_keeps_both_findings(tmp_path):
    """Where the file name agrees with neither the class nor the literal, the two findings ask for two
    different renames, and both stay."""
    root = workspace(tmp_path, {
        "src/migrations/1697000000000-Between.ts": migration("Between1697000000000"),
        "src/migrations/1701234043432-CreateCellLocalInfo.ts":
            migration("CreateCellLocalInfo1701234099999", "CreateCellLocalInfo1694228328076"),
    })
    assert sorted(d.code for d in lint(root, ["MIG"])) == ["MIG003", "MIG005"]


def test_a_shared_timestamp_says_what_to_rename_and_what_the_file_names_say(tmp_path):
    """Two classes stamped 1681018318437 in files named 1681138092600 and ...700 (a copy-pasted class,
    both deployed long ago): the warning names the file name's stamp, which shows how the twin arose,
    and says to restamp only a migration no database has run, since a rename runs a deployed one again
    (a dating app's API: the reviewer would have renamed a class)."""
    root = workspace(tmp_path, {
        "src/migrations/1681138092600-SetupTypeorm.ts": migration("SetupTypeorm1681018318437"),
        "src/migrations/1681138092700-EnablePostGis.ts": migration("InitialMigration1681018318437"),
    })
    [d] = lint(root, ["MIG004"])
    assert "its file name says 1681138092700" in d.message, d.message
    assert "a migration no database has run yet" in d.message and "runs it again" in d.message, d.message
