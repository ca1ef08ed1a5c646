"""TypeORM migrations: realistic bodies of a requested size, and the MIG defects.

A clean migration is what `typeorm migration:create` or `migration:generate` writes:
file `<13-digit ts>-<Name>.ts`, class `<Name><ts>` implementing MigrationInterface,
optionally `name = '<Name><ts>'`, long one-line SQL strings plus schema-builder calls
(`new Table`, `new TableIndex`, `new TableColumn`, `new TableForeignKey`).
Defect variants change exactly one thing and report the needle of the offending line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, UTC

from synth_names import FIELD_POOL, Field, camel_to_snake, short_hash
from synth_ts import indent

# Defect kinds a single migration file can carry (MIG004 is a pair, see `duplicate_of`).
MIGRATION_DEFECTS = ("MIG001_ts10", "MIG001_name", "MIG002", "MIG003", "MIG006", "MIG010", "MIG012", "MIG013")
PLACEHOLDER_TS = 1234567890123


@dataclass
class MigrationSpec:
    """What to render for one migration file."""

    base: str
    ts: int
    target_bytes: int
    name_field: bool
    tables: list[str]
    seed: int
    defect: str | None = None
    duplicate_of: MigrationSpec | None = None
    dup_ts: int = 0
    dup_base: str = ""

    @property
    def class_name(self) -> str:
        """Class name as migration:create writes it: base plus timestamp."""
        return f"{self.base}{self.ts}"


@dataclass
class RenderedMigration:
    """A rendered migration: file name, text and the needle of its planted defect, if any."""

    filename: str
    text: str
    needle: str | None = None
    code: str | None = None


@dataclass
class _Body:
    """Statements collected for up() and down(), plus the typeorm names they use."""

    up: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)
    imports: set[str] = field(default_factory=lambda: {"MigrationInterface", "QueryRunner"})
    size: int = 0

    def add(self, up: str, down: str | None = None, *names: str) -> None:
        """Append one up statement (and its reverse), tracking the rendered size."""
        self.up.append(up)
        if down:
            self.down.insert(0, down)
        self.imports.update(names)
        self.size += len(up) + len(down or "") + 2


def _columns(rng: random.Random, low: int, high: int) -> list[Field]:
    """Random distinct columns for a synthetic table."""
    return rng.sample(list(FIELD_POOL), rng.randint(low, min(high, len(FIELD_POOL))))


def _sql_column(f: Field, rng: random.Random) -> str:
    """One column definition in TypeORM-generated SQL style."""
    null = "" if rng.random() < 0.6 else " NOT NULL"
    default = ""
    if f.column_type == "boolean":
        default = f" DEFAULT {rng.choice(['true', 'false'])}"
    elif f.column_type == "int" and rng.random() < 0.5:
        default = " DEFAULT '0'"
    return f'"{camel_to_snake(f.prop)}" {f.sql_type}{null}{default}'


def _create_table_sql(body: _Body, table: str, rng: random.Random) -> None:
    """`CREATE TABLE` as one long line, the way migration:generate writes it."""
    cols = [_sql_column(f, rng) for f in _columns(rng, 6, 30)]
    pk = "PK_" + short_hash(table, "pk", length=27)
    sql = (f'CREATE TABLE "{table}" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), ' + ", ".join(cols)
           + ', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), '
           '"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), '
           f'CONSTRAINT "{pk}" PRIMARY KEY ("id"))')
    body.add(f"await queryRunner.query(`{sql}`);", f'await queryRunner.query(`DROP TABLE "{table}"`);')


def _create_index_sql(body: _Body, table: str, rng: random.Random) -> None:
    """`CREATE INDEX` on one or two columns."""
    cols = [camel_to_snake(f.prop) for f in _columns(rng, 1, 2)]
    name = "IDX_" + short_hash(table, *cols, length=26)
    unique = "UNIQUE " if rng.random() < 0.2 else ""
    quoted = ", ".join(f'"{c}"' for c in cols)
    body.add(f'await queryRunner.query(`CREATE {unique}INDEX "{name}" ON "{table}" ({quoted}) `);',
             f'await queryRunner.query(`DROP INDEX "public"."{name}"`);')


def _add_fk_sql(body: _Body, table: str, other: str, rng: random.Random) -> None:
    """`ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY` as generated SQL."""
    column = other.rstrip("s") + "_id"
    name = "FK_" + short_hash(table, other, length=27)
    action = rng.choice(["CASCADE", "SET NULL", "NO ACTION", "RESTRICT"])
    body.add(f'await queryRunner.query(`ALTER TABLE "{table}" ADD CONSTRAINT "{name}" FOREIGN KEY ("{column}") '
             f'REFERENCES "{other}"("id") ON DELETE {action} ON UPDATE NO ACTION`);',
             f'await queryRunner.query(`ALTER TABLE "{table}" DROP CONSTRAINT "{name}"`);')


def _table_column_object(f: Field, rng: random.Random) -> list[str]:
    """Option lines of one column inside `new Table({ columns: [...] })` / `new TableColumn`."""
    lines = [f"name: '{camel_to_snake(f.prop)}',", f"type: '{f.column_type}',"]
    if f.length:
        lines.append(f"length: '{f.length}',")
    if f.column_type == "numeric":
        lines += ["precision: 12,", "scale: 2,"]
    if f.ts_type.endswith("[]"):
        lines.append("isArray: true,")
    if rng.random() < 0.5:
        lines.append("isNullable: true,")
    if f.column_type == "boolean":
        lines.append(f"default: {rng.choice(['true', 'false'])},")
    return lines


ID_COLUMN = ("{\n  name: 'id',\n  type: 'uuid',\n  isPrimary: true,\n  isGenerated: true,\n"
             "  generationStrategy: 'uuid',\n  default: 'uuid_generate_v4()',\n},")


def _create_table_api(body: _Body, table: str, other: str | None, rng: random.Random) -> None:
    """`queryRunner.createTable(new Table({...}))` with columns, indices and foreign keys."""
    fields = _columns(rng, 4, 22)
    col_blocks = [ID_COLUMN] + ["{\n" + indent("\n".join(_table_column_object(f, rng)), 1) + "\n}," for f in fields]
    if other:
        col_blocks.append(f"{{\n  name: '{other.rstrip('s')}_id',\n  type: 'uuid',\n}},")
    parts = [f"name: '{table}',", "columns: [", indent("\n".join(col_blocks), 1), "],", "indices: ["]
    for f in fields[: rng.randint(1, 3)]:
        col = camel_to_snake(f.prop)
        unique = "\n    isUnique: true," if rng.random() < 0.3 else ""
        parts.append(f"  {{\n    name: 'IDX_{table}_{col}',\n    columnNames: ['{col}'],{unique}\n  }},")
    parts.append("],")
    if other:
        parts += ["foreignKeys: [",
                  f"  {{\n    columnNames: ['{other.rstrip('s')}_id'],\n    referencedTableName: '{other}',\n"
                  "    referencedColumnNames: ['id'],\n    onDelete: 'CASCADE',\n  },", "],"]
    body.add("await queryRunner.createTable(\n  new Table({\n" + indent("\n".join(parts), 2) + "\n  }),\n  true,\n);",
             f"await queryRunner.dropTable('{table}', true);", "Table")


def _create_index_api(body: _Body, table: str, rng: random.Random) -> None:
    """`queryRunner.createIndex(t, new TableIndex({...}))` with correct option names."""
    cols = [camel_to_snake(f.prop) for f in _columns(rng, 1, 3)]
    name = f"IDX_{table}_{'_'.join(cols)}"
    flags = "\n    isUnique: true," if rng.random() < 0.3 else ""
    where = f"\n    where: '\"{cols[0]}\" IS NOT NULL'," if rng.random() < 0.2 else ""
    quoted = ", ".join(f"'{c}'" for c in cols)
    body.add(f"await queryRunner.createIndex(\n  '{table}',\n  new TableIndex({{\n    name: '{name}',\n"
             f"    columnNames: [{quoted}],{flags}{where}\n  }}),\n);",
             f"await queryRunner.dropIndex('{table}', '{name}');", "TableIndex")


def _add_column_api(body: _Body, table: str, rng: random.Random) -> None:
    """`queryRunner.addColumn(t, new TableColumn({...}))`."""
    f = rng.choice(FIELD_POOL)
    opts = indent("\n".join(_table_column_object(f, rng)), 2)
    body.add(f"await queryRunner.addColumn(\n  '{table}',\n  new TableColumn({{\n{opts}\n  }}),\n);",
             f"await queryRunner.dropColumn('{table}', '{camel_to_snake(f.prop)}');", "TableColumn")


def _create_fk_api(body: _Body, table: str, other: str) -> None:
    """`queryRunner.createForeignKey(t, new TableForeignKey({...}))`."""
    column = other.rstrip("s") + "_id"
    name = "FK_" + short_hash(table, other, "api", length=27)
    body.add(f"await queryRunner.createForeignKey(\n  '{table}',\n  new TableForeignKey({{\n    name: '{name}',\n"
             f"    columnNames: ['{column}'],\n    referencedTableName: '{other}',\n"
             "    referencedColumnNames: ['id'],\n    onDelete: 'SET NULL',\n  }),\n);",
             f"await queryRunner.dropForeignKey('{table}', '{name}');", "TableForeignKey")


def _trigger_sql(body: _Body, table: str) -> None:
    """A multi-line template literal with a plpgsql function and trigger."""
    fn = f"set_{table}_updated_at"
    body.add("await queryRunner.query(`\n"
             f"  CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger AS $$\n  BEGIN\n"
             "    NEW.updated_at = now();\n    RETURN NEW;\n  END;\n  $$ LANGUAGE plpgsql;\n`);\n"
             f"await queryRunner.query(\n  `CREATE TRIGGER trg_{table}_updated_at BEFORE UPDATE ON \"{table}\" "
             f"FOR EACH ROW EXECUTE FUNCTION {fn}()`,\n);",
             f"await queryRunner.query(`DROP TRIGGER IF EXISTS trg_{table}_updated_at ON \"{table}\"`);\n"
             f"await queryRunner.query(`DROP FUNCTION IF EXISTS {fn}()`);")


def _seed_sql(body: _Body, table: str, rng: random.Random) -> None:
    """A long INSERT with many literal rows (reference data)."""
    rows = []
    for i in range(rng.randint(20, 120)):
        code = short_hash(table, str(i), length=8)
        label = f"{table.replace('_', ' ').title()} {i}"
        rows.append(f"('{code}', '{label}', {rng.randint(0, 999)}, {str(rng.random() < 0.5).lower()})")
    body.add(f'await queryRunner.query(`INSERT INTO "{table}_lookup" ("code", "label", "sort_order", "is_active") '
             f'VALUES {", ".join(rows)}`);',
             f'await queryRunner.query(`DELETE FROM "{table}_lookup"`);')


def _alter_sql(body: _Body, table: str, rng: random.Random) -> None:
    """A single-quoted ALTER statement (some teams write these by hand)."""
    f = rng.choice(FIELD_POOL)
    col = camel_to_snake(f.prop)
    body.add(f"await queryRunner.query('ALTER TABLE \"{table}\" ALTER COLUMN \"{col}\" SET DEFAULT NULL');",
             f"await queryRunner.query('ALTER TABLE \"{table}\" ALTER COLUMN \"{col}\" DROP DEFAULT');")


def _fill(body: _Body, spec: MigrationSpec, rng: random.Random) -> None:
    """Add statements until the migration reaches its target size."""
    tables = spec.tables
    while body.size < spec.target_bytes:
        table = rng.choice(tables)
        other = rng.choice(tables)
        roll = rng.random()
        if roll < 0.22:
            _create_table_sql(body, table, rng)
        elif roll < 0.36:
            _create_index_sql(body, table, rng)
        elif roll < 0.44 and other != table:
            _add_fk_sql(body, table, other, rng)
        elif roll < 0.60:
            _create_table_api(body, table, other if other != table else None, rng)
        elif roll < 0.72:
            _create_index_api(body, table, rng)
        elif roll < 0.80:
            _add_column_api(body, table, rng)
        elif roll < 0.85 and other != table:
            _create_fk_api(body, table, other)
        elif roll < 0.89:
            _trigger_sql(body, table)
        elif roll < 0.95:
            _seed_sql(body, table, rng)
        else:
            _alter_sql(body, table, rng)


def _defect_statement(body: _Body, kind: str, table: str) -> str | None:
    """Insert the statement of a body-level defect as the second statement; returns its needle."""
    col = "tenant_id"
    if kind == "MIG010":
        stmt = (f"await queryRunner.createIndex(\n  '{table}',\n  new Index({{\n    name: 'IDX_{table}_{col}',\n"
                f"    columnNames: ['{col}'],\n  }}),\n);")
        body.imports.add("Index")
        needle = "new Index({"
    elif kind == "MIG012":
        stmt = (f"await queryRunner.createIndex(\n  '{table}',\n  new TableIndex({{\n    name: 'UQ_{table}_{col}',\n"
                f"    columnNames: ['{col}'],\n    unique: true,\n  }}),\n);")
        body.imports.add("TableIndex")
        needle = "    unique: true,"
    elif kind == "MIG013":
        stmt = f"await queryRunner.createIndex('{table}', {{ name: 'IDX_{table}_{col}', columnNames: ['{col}'] }});"
        needle = f"createIndex('{table}', {{ name:"
    elif kind == "MIG006":
        stmt = (f"await queryRunner.query(\n  `CREATE INDEX \"${{buildIndexName('{table}', ['{col}'])}}\" "
                f"ON \"{table}\" (\"{col}\")`,\n);")
        needle = None
    else:
        return None
    body.up.insert(min(1, len(body.up)), stmt)
    return needle


HELPER = ("\nexport function buildIndexName(table: string, columns: string[]): string {\n"
          "  return `IDX_${table}_${columns.join('_')}`;\n}\n")


def _datetime14(ts_ms: int) -> str:
    """13-digit epoch ms -> 'YYYYMMDDHHMMSS' (UTC), the other common file-name style."""
    return datetime.fromtimestamp(ts_ms / 1000, tz=UTC).strftime("%Y%m%d%H%M%S")


def _identity(spec: MigrationSpec) -> tuple[str, str, str | None, str | None]:
    """File name, class name, `name` literal (or None) and identity needle for a spec."""
    kind = spec.defect
    if spec.duplicate_of is not None:
        original = spec.duplicate_of
        literal = f"'{original.class_name}'" if original.name_field else None
        # the linter reports a duplicate where its identity is: the `name` literal when there is one
        needle = f"name = {literal};" if literal else f"export class {original.class_name} "
        return f"{spec.dup_ts}-{spec.dup_base}.ts", original.class_name, literal, needle
    if kind == "MIG001_ts10":
        ts10 = spec.ts // 1000
        return f"{ts10}-{spec.base}.ts", f"{spec.base}{ts10}", None, f"export class {spec.base}{ts10} "
    if kind == "MIG001_name":
        return f"{spec.ts}-{spec.base}.ts", spec.class_name, f"'{spec.base}'", f"name = '{spec.base}';"
    if kind == "MIG002":
        damaged = f"{spec.base}'$timestamp'"
        return f"{spec.ts}-{spec.base}.ts", damaged, f"'{damaged}'", f"export class {damaged} "
    if kind == "MIG003":
        return (f"{_datetime14(spec.ts)}-{spec.base}.ts", f"{spec.base}{PLACEHOLDER_TS}", None,
                f"export class {spec.base}{PLACEHOLDER_TS} ")
    literal = f"'{spec.class_name}'" if spec.name_field else None
    return f"{spec.ts}-{spec.base}.ts", spec.class_name, literal, None


def render_migration(spec: MigrationSpec) -> RenderedMigration:
    """Render one migration; a duplicate re-renders its original's body (copy-paste)."""
    source = spec.duplicate_of or spec
    rng = random.Random(source.seed)
    body = _Body()
    _fill(body, source, rng)
    body_needle = _defect_statement(body, source.defect or "", source.tables[0]) if spec.duplicate_of is None else None
    filename, class_name, literal, id_needle = _identity(spec)
    lines = [f"import {{ {', '.join(sorted(body.imports))} }} from 'typeorm';", "",
             f"export class {class_name} implements MigrationInterface {{"]
    if literal:
        lines += [f"  name = {literal};", ""]
    lines.append("  public async up(queryRunner: QueryRunner): Promise<void> {")
    lines += [indent(stmt, 2) for stmt in body.up]
    lines += ["  }", "", "  public async down(queryRunner: QueryRunner): Promise<void> {"]
    lines += [indent(stmt, 2) for stmt in body.down]
    lines += ["  }", "}", ""]
    text = "\n".join(lines)
    if spec.defect == "MIG006" and spec.duplicate_of is None:
        text += HELPER
        body_needle = "export function buildIndexName("
    code, needle = _defect_location(spec, id_needle, body_needle)
    return RenderedMigration(filename, text, needle, code)


def _defect_location(spec: MigrationSpec, id_needle: str | None, body_needle: str | None) -> tuple[str | None, str | None]:
    """Rule code and needle of the defect a spec carries (None, None for a clean file)."""
    if spec.duplicate_of is not None:
        return "MIG004", id_needle
    if spec.defect in ("MIG006", "MIG010", "MIG012", "MIG013"):
        return spec.defect, body_needle
    if spec.defect:
        return spec.defect[:6], id_needle
    return None, None
