"""MIG010-MIG013 (schema-builder misuse) and the import edits their fixes rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrationlint.fix import fixes, import_edits
from migrationlint.diagnostics import Applicability
from migrationlint.extract.facts import extract
from tests import helpers

CODES = ["MIG010", "MIG011", "MIG012", "MIG013"]
MIGRATION = "src/migrations/1700000000000-AddIndexes.ts"


def _workspace(base: Path, text: str | bytes, path: str = MIGRATION, typeorm: str = "^0.3.20") -> tuple[Path, Path]:
    """A fresh one-package workspace under `base` (a new sibling folder per call): (root, file)."""
    base.mkdir(parents=True, exist_ok=True)
    root = base / f"ws{len(list(base.glob('ws*')))}"
    root.mkdir()
    (root / "package.json").write_text(json.dumps({"name": "svc", "dependencies": {"typeorm": typeorm}}))
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode() if isinstance(text, str) else text)
    return root, target


def lint(base: Path, text: str | bytes, path: str = MIGRATION, typeorm: str = "^0.3.20", codes=CODES):
    root, _ = _workspace(base, text, path, typeorm)
    return helpers.lint(root, list(codes))


def fix(base: Path, text: str | bytes, path: str = MIGRATION, typeorm: str = "^0.3.20", unsafe: bool = False,
        codes=CODES) -> bytes:
    """The file's text after the fix loop (the original when nothing applied)."""
    root, target = _workspace(base, text, path, typeorm)
    return helpers.fix(root, list(codes), unsafe).get(str(target.relative_to(root)), target.read_bytes())


def fix_text(tmp_path: Path, text: str, **kw) -> str:
    return fix(tmp_path, text, **kw).decode()


def codes_of(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


UP = """
export class AddIndexes1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('users', new %s({ columnNames: ['email'], isUnique: true }));
  }
}
"""


# ----------------------------------------------------------------------------- MIG010 binding forms

def test_named_import_is_reported_and_fixed(tmp_path):
    src = "import { Index, MigrationInterface, QueryRunner } from 'typeorm';\n" + UP % "Index"
    out = fix_text(tmp_path, src)
    assert out.startswith("import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n")
    assert "new TableIndex({ columnNames: ['email'], isUnique: true })" in out


def test_aliased_import_uses_the_class_name(tmp_path):
    src = "import { Index as Idx, MigrationInterface, QueryRunner } from 'typeorm';\n" + UP % "Idx"
    ds = lint(tmp_path, src)
    assert codes_of(ds) == ["MIG010"] and "`new Idx(...)`" in ds[0].message
    out = fix_text(tmp_path, src)
    assert "Idx" not in out
    assert "import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';" in out
    assert "new TableIndex({" in out


def test_namespace_import_renames_the_member_only(tmp_path):
    src = "import * as typeorm from 'typeorm';\n" + (UP % "typeorm.Index").replace(
        "MigrationInterface", "typeorm.MigrationInterface").replace("QueryRunner)", "typeorm.QueryRunner)")
    assert codes_of(lint(tmp_path, src)) == ["MIG010"]
    out = fix_text(tmp_path, src)
    assert out.startswith("import * as typeorm from 'typeorm';\n\nexport")
    assert "new typeorm.TableIndex({" in out


def test_import_equals_namespace(tmp_path):
    src = "import typeorm = require('typeorm');\n" + UP % "typeorm.Index"
    assert codes_of(lint(tmp_path, src)) == ["MIG010"]
    assert "new typeorm.TableIndex(" in fix_text(tmp_path, src)


def test_require_destructuring(tmp_path):
    src = "const { Index, QueryRunner } = require('typeorm');\n" + UP % "Index"
    assert codes_of(lint(tmp_path, src)) == ["MIG010"]
    out = fix_text(tmp_path, src)
    assert out.startswith("const { QueryRunner, TableIndex } = require('typeorm');\n")


def test_require_namespace(tmp_path):
    src = "const orm = require('typeorm');\n" + UP % "orm.Unique"
    assert "new orm.TableUnique(" in fix_text(tmp_path, src)


def test_local_class_named_index_is_not_reported(tmp_path):
    src = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n"
           "class Index { constructor(readonly options: object) {} }\n" + UP % "Index")
    assert lint(tmp_path, src) == []


def test_index_from_another_package_is_not_reported(tmp_path):
    src = ("import { Index, MeiliSearch } from 'meilisearch';\n"
           "export const movies = (c: MeiliSearch) => new Index(c.config, 'movies');\n")
    assert lint(tmp_path, src, path="src/search/movies.ts") == []


def test_type_only_import_is_not_a_binding(tmp_path):
    src = "import type { Index } from 'typeorm';\nconst x = new Index({});\n"
    assert lint(tmp_path, src) == []


# ----------------------------------------------------------------------------- MIG010 import handling

def test_old_name_kept_when_an_entity_decorator_uses_it(tmp_path):
    src = ("import { Entity, Index, QueryRunner } from 'typeorm';\n\n"
           "@Entity()\n@Index(['email'])\nexport class User {}\n\n"
           "export const up = (queryRunner: QueryRunner) =>\n"
           "  queryRunner.createIndex('users', new Index({ columnNames: ['email'] }));\n")
    out = fix_text(tmp_path, src, path="src/users/user.schema.ts")
    assert out.startswith("import { Entity, Index, QueryRunner, TableIndex } from 'typeorm';\n")
    assert "@Index(['email'])" in out and "new TableIndex({" in out


def test_old_name_dropped_when_every_use_is_fixed(tmp_path):
    src = ("import { Index, QueryRunner } from 'typeorm';\n"
           "export async function up(queryRunner: QueryRunner) {\n"
           "  await queryRunner.createIndex('a', new Index({ columnNames: ['x'] }));\n"
           "  await queryRunner.createIndex('b', new Index({ columnNames: ['y'] }));\n"
           "  await queryRunner.createIndex('c', new Index({ columnNames: ['z'] }));\n}\n")
    ds = lint(tmp_path, src)
    assert codes_of(ds) == ["MIG010"] * 3
    assert ds[0].fix.message.endswith("(3 places)")
    out = fix_text(tmp_path, src)
    assert out.startswith("import { QueryRunner, TableIndex } from 'typeorm';\n")
    assert out.count("new TableIndex(") == 3 and "new Index(" not in out


def test_new_name_not_added_twice(tmp_path):
    src = ("import { Index, MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n" + UP % "Index"
           + "export const other = new TableIndex({ columnNames: ['a'] });\n")
    out = fix_text(tmp_path, src)
    assert out.startswith("import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n")
    assert out.count("TableIndex") == 3


def test_new_name_already_imported_under_an_alias(tmp_path):
    src = "import { Index, TableIndex as TI, MigrationInterface, QueryRunner } from 'typeorm';\n" + UP % "Index"
    out = fix_text(tmp_path, src)
    assert out.startswith("import { TableIndex as TI, MigrationInterface, QueryRunner } from 'typeorm';\n")
    assert "new TI({" in out


def test_multiline_import_keeps_layout_quotes_and_trailing_comma(tmp_path):
    src = ('import {\n  Column,\n  Index,\n  MigrationInterface,\n  QueryRunner,\n} from "typeorm";\n'
           + UP % "Index" + "export const c = new Column({ name: 'a', type: 'int' });\n")
    out = fix_text(tmp_path, src)
    assert out.startswith('import {\n  MigrationInterface,\n  QueryRunner,\n  TableColumn,\n  TableIndex,\n} from "typeorm";\n')


def test_second_fix_changes_nothing(tmp_path):
    src = ("import { Index, MigrationInterface, QueryRunner } from 'typeorm';\n" + UP % "Index"
           + "export const cols = (qr: QueryRunner) => qr.addColumn('t', { name: 'a', type: 'int', nullable: true });\n")
    once = fix(tmp_path, src)
    assert lint(tmp_path, once) == []
    assert fix(tmp_path, once) == once


def test_crlf_file(tmp_path):
    src = ("import {\r\n  Index,\r\n  MigrationInterface,\r\n  QueryRunner,\r\n} from 'typeorm';\r\n"
           + (UP % "Index").replace("\n", "\r\n")).encode()
    out = fix(tmp_path, src)
    assert b"\n" not in out.replace(b"\r\n", b"")
    assert out.startswith(b"import {\r\n  MigrationInterface,\r\n  QueryRunner,\r\n  TableIndex,\r\n} from 'typeorm';\r\n")
    assert b"new TableIndex({" in out


def test_subpath_import_moves_to_the_package_root(tmp_path):
    src = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n"
           "import { Index } from 'typeorm/decorator/Index';\n" + UP % "Index")
    out = fix_text(tmp_path, src)
    assert out.startswith("import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n\nexport")


# ----------------------------------------------------------------------------- MIG010 fix safety

def test_column_variants_get_an_unsafe_fix(tmp_path):
    src = ("import { PrimaryColumn, QueryRunner } from 'typeorm';\n"
           "export const up = (queryRunner: QueryRunner) =>\n"
           "  queryRunner.addColumn('t', new PrimaryColumn({ name: 'id', type: 'uuid' }));\n")
    [d] = lint(tmp_path, src)
    assert d.fix.applicability is Applicability.UNSAFE and "isPrimary: true" in d.message
    assert fix_text(tmp_path, src) == src
    assert "new TableColumn({ name: 'id', type: 'uuid' })" in fix_text(tmp_path, src, unsafe=True)


def test_positional_arguments_have_no_fix(tmp_path):
    src = "import { Index } from 'typeorm';\nexport const idx = new Index('IDX_users_email', ['email']);\n"
    [d] = lint(tmp_path, src)
    assert d.code == "MIG010" and d.fix is None and "one options object" in d.message


def test_view_entity_on_old_typeorm_is_unsafe_and_says_why(tmp_path):
    src = "import { ViewEntity } from 'typeorm';\nexport const v = new ViewEntity({ name: 'v', expression: 'SELECT 1' });\n"
    [d] = lint(tmp_path, src, typeorm="^0.3.17")
    assert d.fix.applicability is Applicability.UNSAFE and "0.3.20" in d.message
    [d] = lint(tmp_path, src, typeorm="^0.3.20")
    assert d.fix.applicability is Applicability.SAFE


@pytest.mark.parametrize("name,typeorm,reported", [
    ("ForeignKey", "^0.3.17", True), ("ForeignKey", "^0.3.23", False), ("ForeignKey", "^1.0.0", False),
    ("View", "~0.3.19", True), ("View", "^0.3.20", False),
])
def test_version_of_imported_names(tmp_path, name, typeorm, reported):
    src = f"import {{ Entity, {name} }} from 'typeorm';\nexport const used = [Entity, {name}];\n"
    ds = lint(tmp_path, src, path="src/entities/x.entity.ts", typeorm=typeorm)
    assert (codes_of(ds) == ["MIG010"]) is reported
    if reported:
        assert ds[0].fix is None and f"`{name}` only from" in ds[0].message


def test_a_foreignkey_only_constructed_gets_the_constructor_finding_alone(tmp_path):
    """A migration that imports `ForeignKey` only to write `new ForeignKey({...})`: the finding that
    it builds no TableForeignKey is the one to act on, whatever the version; the version finding's
    advice (`@ManyToOne`, raise the range) fixes nothing there (a real ERP service's migration).
    Used otherwise too, the version finding stays."""
    src = ("import { ForeignKey } from 'typeorm';\n"
           "export const fk = new ForeignKey({ columnNames: ['a'], referencedColumnNames: ['id'], referencedTableName: 't' });\n")
    ds = lint(tmp_path, src, typeorm="^0.3.17")
    assert [d.message.split(":")[0] for d in ds] == ["`new ForeignKey(...)` does not build a TableForeignKey"]
    ds = lint(tmp_path, src + "export const decorator = ForeignKey;\n", typeorm="^0.3.17")
    assert sorted(d.message[:40] for d in ds) == ["`new ForeignKey(...)` does not build a T", "typeorm exports `ForeignKey` only from 0"]


# ----------------------------------------------------------------------------- MIG011

def test_schema_class_as_decorator_fixed_with_option_names(tmp_path):
    src = ("import { Entity, TableColumn } from 'typeorm';\n\n@Entity()\nexport class User {\n"
           "  @TableColumn({ type: 'varchar', isNullable: true })\n  nickname: string;\n}\n")
    ds = lint(tmp_path, src, path="src/users/user.entity.ts")
    assert codes_of(ds) == ["MIG011"]
    out = fix_text(tmp_path, src, path="src/users/user.entity.ts")
    assert out.startswith("import { Column, Entity } from 'typeorm';\n")
    assert "@Column({ type: 'varchar', nullable: true })" in out


def test_class_index_options_become_positional_arguments(tmp_path):
    src = ("import { Entity, TableIndex } from 'typeorm';\n\n@Entity()\n"
           "@TableIndex({ name: 'IDX_a', columnNames: ['a', 'b'], isUnique: true, where: '\"a\" > 0' })\n"
           "export class A {}\n")
    out = fix_text(tmp_path, src, path="src/a.entity.ts")
    assert "@Index('IDX_a', ['a', 'b'], { unique: true, where: '\"a\" > 0' })\nexport class A" in out


@pytest.mark.parametrize("decorator,why", [
    ("@TableIndex({ columnNames: ['a'], parser: 'x', isGenerated: true })", "`isGenerated`"),
    ("@TableCheck({ name: 'CHK_a', expression: '\"a\" > 0' })", "options object"),
])
def test_schema_only_option_has_no_decorator_fix(tmp_path, decorator, why):
    src = (f"import {{ Entity, TableCheck, TableIndex }} from 'typeorm';\n\n"
           f"@Entity()\n{decorator}\nexport class A {{}}\n")
    [d] = lint(tmp_path, src, path="src/a.entity.ts")
    assert d.code == "MIG011" and d.fix is None and why in d.message


def test_property_index_with_columns_has_no_fix(tmp_path):
    src = ("import { Column, Entity, TableIndex } from 'typeorm';\n\n@Entity()\nexport class A {\n"
           "  @TableIndex({ columnNames: ['a'] })\n  @Column()\n  a: string;\n}\n")
    [d] = lint(tmp_path, src, path="src/a.entity.ts")
    assert d.fix is None and "belongs on the class" in d.message


def test_foreign_key_decorator_needs_0_3_23(tmp_path):
    src = ("import { Entity, TableForeignKey } from 'typeorm';\nimport { Org } from './org';\n\n"
           "@Entity()\nexport class A {\n  @TableForeignKey(() => Org)\n  orgId: string;\n}\n")
    [d] = lint(tmp_path, src, path="src/a.entity.ts", typeorm="^0.3.10")
    assert d.fix is None and "0.3.23" in d.message
    [d] = lint(tmp_path, src, path="src/a.entity.ts", typeorm="^0.3.25")
    assert d.fix is not None


def test_sequelize_table_decorator_is_not_reported(tmp_path):
    src = "import { Table, Model } from 'sequelize-typescript';\n@Table({ tableName: 'x' })\nexport class X extends Model {}\n"
    assert lint(tmp_path, src, path="src/x.model.ts") == []


# ----------------------------------------------------------------------------- MIG012

def test_option_name_in_table_arrays(tmp_path):
    src = ("import { QueryRunner, Table } from 'typeorm';\n"
           "export const up = (queryRunner: QueryRunner) => queryRunner.createTable(new Table({\n"
           "  name: 't',\n"
           "  columns: [{ name: 'id', type: 'int', primary: true, generated: 'increment' }, { name: 'n', type: 'int', 'nullable': true }],\n"
           "  indices: [{ columns: ['n'], unique: true }],\n"
           "  uniques: [{ columns: ['n'] }],\n"
           "  foreignKeys: [{ columnNames: ['n'], referencedTable: 'o', referencedColumns: ['id'] }],\n"
           "}));\n")
    ds = lint(tmp_path, src)
    assert sorted(d.message.split("`")[1] for d in ds) == sorted(
        ["primary", "generated", "nullable", "columns", "unique", "columns", "referencedTable", "referencedColumns"])
    out = fix_text(tmp_path, src)
    assert "{ name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }" in out
    assert "'isNullable': true" in out
    assert "indices: [{ columnNames: ['n'], isUnique: true }]" in out
    assert "uniques: [{ columnNames: ['n'] }]" in out
    assert "referencedTableName: 'o', referencedColumnNames: ['id']" in out
    assert "columns: [{" in out  # Table's own `columns` is right


def test_existing_correct_key_is_reported_without_fix(tmp_path):
    src = ("import { TableIndex } from 'typeorm';\n"
           "export const idx = new TableIndex({ columnNames: ['a'], unique: true, isUnique: false });\n")
    [d] = lint(tmp_path, src)
    assert d.code == "MIG012" and d.fix is None and "`isUnique` is also set" in d.message
    assert fix_text(tmp_path, src) == src


def test_shorthand_key(tmp_path):
    src = ("import { TableColumn } from 'typeorm';\nconst nullable = true;\n"
           "export const c = new TableColumn({ name: 'a', type: 'int', nullable });\n")
    assert "{ name: 'a', type: 'int', isNullable: nullable }" in fix_text(tmp_path, src)


def test_decorator_options_are_left_alone(tmp_path):
    src = ("import { Column, Entity, Index } from 'typeorm';\n@Entity()\n@Index(['a'], { unique: true })\n"
           "export class A {\n  @Column({ nullable: true })\n  a: string;\n}\n")
    assert lint(tmp_path, src, path="src/a.entity.ts") == []


# ----------------------------------------------------------------------------- MIG013

def test_wrap_with_existing_typeorm_import(tmp_path):
    src = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
           "export class A1700000000000 implements MigrationInterface {\n"
           "  async up(queryRunner: QueryRunner) {\n"
           "    await queryRunner.createForeignKey('orders', { columnNames: ['c'], referencedTableName: 'c', referencedColumnNames: ['id'] });\n"
           "    await queryRunner.changeColumn('orders', 'note', { name: 'note', type: 'text' });\n"
           "  }\n}\n")
    assert codes_of(lint(tmp_path, src)) == ["MIG013", "MIG013"]
    out = fix_text(tmp_path, src)
    assert out.startswith("import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from 'typeorm';\n")
    assert "createForeignKey('orders', new TableForeignKey({ columnNames" in out
    assert "changeColumn('orders', 'note', new TableColumn({ name: 'note', type: 'text' }))" in out


def test_wrap_without_typeorm_import_adds_a_line(tmp_path):
    src = ("import { Logger } from '@nestjs/common';\n\n"
           "export async function addNotes(runner: any) {\n"
           "  await runner.addColumn('orders', { name: 'notes', type: 'text' });\n"
           "  Logger.log('done');\n}\n")
    out = fix_text(tmp_path, src)
    assert out.startswith("import { Logger } from '@nestjs/common';\nimport { TableColumn } from 'typeorm';\n\nexport")
    assert "runner.addColumn('orders', new TableColumn({ name: 'notes', type: 'text' }))" in out


def test_wrap_with_namespace_import(tmp_path):
    src = ("import * as typeorm from 'typeorm';\n"
           "export const up = (qr: typeorm.QueryRunner) => qr.createIndex('t', { columnNames: ['a'] });\n")
    assert "qr.createIndex('t', new typeorm.TableIndex({ columnNames: ['a'] }))" in fix_text(tmp_path, src)


@pytest.mark.parametrize("call,reported", [
    ("queryRunner.createIndex('t', {columnNames: ['a']})", True),
    ("this.queryRunner.addColumn('t', {name: 'a', type: 'int'})", True),
    ("dataSource.manager.queryRunner.addColumn('t', {name: 'a', type: 'int'})", True),
    ("qr.createUniqueConstraint('t', {columnNames: ['a']})", True),
    ("db.createIndex('t', {columnNames: ['a']})", True),  # db: QueryRunner below
    ("searchClient.createIndex('products', {primaryKey: 'id'})", False),
    ("es.indices.create({index: 'x'})", False),
    ("runner.createIndex('t', new TableIndex({columnNames: ['a']}))", False),
    ("queryRunner.createIndex('t', index)", False),
    ("jobRunner.addColumn('t', {name: 'a'})", False),  # jobRunner: JobRunner below
])
def test_query_runner_receivers(tmp_path, call, reported):
    src = ("import { QueryRunner, TableIndex } from 'typeorm';\n"
           "declare const searchClient: any, es: any, runner: any, qr: any, queryRunner: any, dataSource: any, index: any;\n"
           "interface JobRunner { addColumn(t: string, o: object): void }\n"
           f"export async function go(this: any, db: QueryRunner, jobRunner: JobRunner) {{\n  await {call};\n}}\n")
    assert ("MIG013" in codes_of(lint(tmp_path, src))) is reported


# ----------------------------------------------------------------------------- import_edits

def _apply(src: str, edits) -> str:
    return fixes.apply_edits(src.encode(), list(edits)).decode()


def _imp(src: str, module: str = "typeorm"):
    facts = extract("a.ts", src.encode())
    return facts, next(i for i in facts.imports if i.specifier == module)


@pytest.mark.parametrize("src,name,expected", [
    ("import { A, C } from 'x';", "B", "import { A, B, C } from 'x';"),
    ("import { C, A } from 'x';", "B", "import { C, A, B } from 'x';"),
    ("import { A } from 'x';", "B", "import { A, B } from 'x';"),
    ("import { B } from 'x';", "A", "import { A, B } from 'x';"),
    ("import { A, C, } from 'x';", "D", "import { A, C, D, } from 'x';"),
    ("import {\n    A,\n    C\n} from 'x';", "B", "import {\n    A,\n    B,\n    C\n} from 'x';"),
    ("import {\n  A,\n  C,\n} from 'x';", "D", "import {\n  A,\n  C,\n  D,\n} from 'x';"),
    ("import {} from 'x';", "A", "import { A } from 'x';"),
    ("import X, { A } from 'x';", "B", "import X, { A, B } from 'x';"),
    ("const { A } = require('x');", "B", "const { A, B } = require('x');"),
])
def test_add_name(src, name, expected):
    facts, imp = _imp(src, "x")
    assert _apply(src, [import_edits.add_name(src.encode(), imp, name, "a.ts")]) == expected


@pytest.mark.parametrize("src,drop,expected", [
    ("import { A, B, C } from 'x';", "B", "import { A, C } from 'x';"),
    ("import { A, B, C } from 'x';", "C", "import { A, B } from 'x';"),
    ("import { A, B } from 'x';", "A", "import { B } from 'x';"),
    ("import {\n  A,\n  B,\n} from 'x';", "B", "import {\n  A,\n} from 'x';"),
    ("import { A } from 'x';\nuse();\n", "A", "use();\n"),
    ("import X, { A } from 'x';", "A", "import X from 'x';"),
    ("import { A as Z, B } from 'x';", "A", "import { B } from 'x';"),
])
def test_remove_binding(src, drop, expected):
    facts, imp = _imp(src, "x")
    binding = next(b for b in imp.bindings if b.imported == drop)
    assert _apply(src, [import_edits.remove_binding(src.encode(), imp, binding, "a.ts")]) == expected


@pytest.mark.parametrize("src,old,new,expected", [
    ("import { A, Index, Z } from 'x';", "Index", "TableIndex", "import { A, TableIndex, Z } from 'x';"),
    ("import { A, Index, B } from 'x';", "Index", "TableIndex", "import { A, TableIndex, B } from 'x';"),
    ("import { Index, QueryRunner } from 'x';", "Index", "TableIndex", "import { QueryRunner, TableIndex } from 'x';"),
    ("import { Index as Idx } from 'x';", "Index", "TableIndex", "import { TableIndex } from 'x';"),
])
def test_replace_binding(src, old, new, expected):
    facts, imp = _imp(src, "x")
    binding = next(b for b in imp.bindings if b.imported == old)
    assert _apply(src, import_edits.replace_binding(src.encode(), imp, binding, new, "a.ts")) == expected


@pytest.mark.parametrize("src,expected", [
    ('import { Logger } from "@nestjs/common"\nfoo();\n',
     'import { Logger } from "@nestjs/common"\nimport { TableIndex } from "typeorm"\nfoo();\n'),
    ("foo();\n", "import { TableIndex } from 'typeorm';\nfoo();\n"),
    ("#!/usr/bin/env node\nfoo();\n", "#!/usr/bin/env node\nimport { TableIndex } from 'typeorm';\nfoo();\n"),
])
def test_new_import(src, expected):
    facts = extract("a.ts", src.encode())
    edit = import_edits.new_import(src.encode(), facts, "typeorm", ["TableIndex"], "a.ts")
    assert _apply(src, [edit]) == expected


def test_ensure_imported_prefers_what_is_there():
    src = "import { TableIndex as TI } from 'typeorm';\n"
    facts = extract("a.ts", src.encode())
    assert import_edits.ensure_imported(src.encode(), facts, "typeorm", "TableIndex", "a.ts") == ("TI", [])
    src = "import * as orm from 'typeorm';\n"
    facts = extract("a.ts", src.encode())
    assert import_edits.ensure_imported(src.encode(), facts, "typeorm", "TableIndex", "a.ts") == ("orm.TableIndex", [])
