"""Extraction: pool and single process agree; a run over a few files parses only what it needs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from migrationlint import extraction, pipeline
from migrationlint.settings import Settings
from migrationlint.model.discovery import discover
from migrationlint.extraction import FactsStore
from tests.helpers import REPO

FIXTURE = REPO / "fixtures" / "monorepo"

DATA_SOURCE = """import { DataSource } from 'typeorm';
import { Order } from './orders/order.entity';

export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [Order],
  migrations: [__dirname + '/migrations/*{.ts,.js}'],
});
"""
ENTITY = """import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  reference: string;
}
"""


def migration(name: str, ts: str) -> str:
    return f"""import {{ MigrationInterface, QueryRunner }} from 'typeorm';

export class {name}{ts} implements MigrationInterface {{
  public async up(queryRunner: QueryRunner): Promise<void> {{
    await queryRunner.query(`ALTER TABLE "orders" ADD "{name.lower()}" text`);
  }}

  public async down(queryRunner: QueryRunner): Promise<void> {{
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "{name.lower()}"`);
  }}
}}
"""


def service(name: str) -> str:
    return f"""import {{ Injectable }} from '@nestjs/common';

@Injectable()
export class {name}Service {{
  describe(): string {{
    return '{name}';
  }}
}}
"""


def monorepo(root: Path) -> dict[str, Path]:
    """Two services; `billing` has a DataSource whose glob loads its migrations."""
    (root / ".git").mkdir()
    (root / "package.json").write_text(json.dumps({"name": "shop", "private": True, "workspaces": ["services/*"]}))
    out: dict[str, Path] = {}
    for svc in ("billing", "catalog"):
        base = root / "services" / svc
        (base / "src" / "migrations").mkdir(parents=True)
        (base / "src" / "orders").mkdir()
        (base / "package.json").write_text(json.dumps({"name": f"@shop/{svc}", "dependencies": {"typeorm": "^0.3.20"}}))
        (base / "src" / "orders" / "order.entity.ts").write_text(ENTITY)
        for i in range(12):
            (base / "src" / "orders" / f"part{i}.service.ts").write_text(service(f"Part{i}"))
    billing = root / "services" / "billing" / "src"
    out["data_source"] = billing / "data-source.ts"
    out["data_source"].write_text(DATA_SOURCE)
    out["first"] = billing / "migrations" / "1700000000000-AddNote.ts"
    out["first"].write_text(migration("AddNote", "1700000000000"))
    out["second"] = billing / "migrations" / "1700000100000-AddTotal.ts"
    out["second"].write_text(migration("AddTotal", "1700000100000"))
    out["copy"] = billing / "migrations" / "1700000200000-AddNoteAgain.ts"
    out["copy"].write_text(migration("AddNote", "1700000000000"))  # a duplicate of `first`
    return out


def test_pool_and_single_process_extract_the_same_facts():
    files = discover([str(FIXTURE)]).files
    assert len(files) > 20
    settings = Settings()
    _, single = FactsStore(settings, str(FIXTURE)).extract(files, jobs=1)
    _, pooled = FactsStore(settings, str(FIXTURE)).extract(files, jobs=2)
    assert list(single) == list(pooled) == files
    assert single == pooled


def test_pool_and_single_process_lint_the_same(tmp_path):
    monorepo(tmp_path)
    one = pipeline.lint([str(tmp_path)], Settings(), jobs=1)
    two = pipeline.lint([str(tmp_path)], Settings(), jobs=2)
    assert [d.sort_key() for d in one.diagnostics] == [d.sort_key() for d in two.diagnostics]
    assert any(d.code == "MIG004" for d in one.diagnostics)


@pytest.mark.parametrize("use_cache", [False, True])
def test_changed_files_run_parses_only_what_its_rules_need(tmp_path, use_cache):
    files = monorepo(tmp_path)
    target = str(files["copy"])
    extraction.PARSED.clear()
    result = pipeline.lint([target], Settings(), use_cache=use_cache)
    parsed = set(extraction.PARSED)
    # the named file, the config holding `migrations:` (byte scan), the other members of its set
    assert parsed == {target, str(files["data_source"]), str(files["first"]), str(files["second"])}
    # and the rule still sees the duplicate across the set, reported on the named file only
    dupes = [d for d in result.diagnostics if d.code == "MIG004"]
    assert [d.path for d in dupes] == [target]
    assert "1700000000000-AddNote.ts" in dupes[0].message


def test_changed_files_run_agrees_with_the_full_run_on_its_files(tmp_path):
    files = monorepo(tmp_path)
    full = pipeline.lint([str(tmp_path)], Settings())
    named = [str(files["copy"]), str(files["second"])]
    partial = pipeline.lint(named, Settings())
    expected = [d.sort_key() for d in full.diagnostics if d.path in named]
    assert [d.sort_key() for d in partial.diagnostics] == expected


def test_warm_changed_files_run_parses_nothing(tmp_path):
    files = monorepo(tmp_path)
    pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    extraction.PARSED.clear()
    pipeline.lint([str(files["copy"])], Settings(), use_cache=True)
    assert extraction.PARSED == []


def test_sources_are_read_lazily_and_honour_overrides(tmp_path):
    files = monorepo(tmp_path)
    target = str(files["first"])
    store = FactsStore(Settings(), str(tmp_path), overrides={target: b"export const x = 1;\n"})
    sources, facts = store.extract([target, str(files["second"])])
    assert sources[target] == b"export const x = 1;\n"
    assert sources[str(files["second"])] == files["second"].read_bytes()
    assert str(tmp_path / "nope.ts") not in sources and sources.get(str(tmp_path / "nope.ts")) is None


def test_unreadable_file_gets_skipped_facts_in_the_pool(tmp_path):
    files = monorepo(tmp_path)
    missing = str(tmp_path / "services" / "billing" / "src" / "gone.ts")
    sources, facts = FactsStore(Settings(), str(tmp_path)).extract([str(files["first"]), missing], jobs=2)
    assert facts[missing].skipped and facts[missing].skipped.startswith("cannot read")
    assert missing not in sources


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, capsys):
    monorepo(tmp_path)
    from migrationlint import progress

    assert not progress.wanted(10_000) or sys.stderr.isatty()
    pipeline.lint([str(tmp_path)], Settings())
    assert capsys.readouterr().err == ""


# ----------------------------------------------------------------------------- compact facts

SCHEMA_CODE = """import { Column, Entity, TableIndex as Idx } from 'typeorm';
import * as orm from 'typeorm';
const { TableColumn } = require('typeorm');
import { Logger } from '@nestjs/common';
from tests.helpers import REPO

@Entity('orders')
@Idx({ name: 'IDX_ORDERS_REF', columnNames: ['reference'] })
export class Order {
  @Column({ type: 'varchar', length: 64 })
  reference: string;

  @orm.TableUnique({ columnNames: ['reference'] })
  code: string;
}

const logger = new Logger({ timestamp: true } as any);
const index = new Idx({ name: 'IDX_A', columnNames: ['a'], unique: true });
const column = new TableColumn({ name: 'b', type: 'int' });
const table = new orm.Table({ name: 'orders', columns: [{ name: 'id', type: 'uuid' }] });
"""


def test_only_schema_builder_decorators_and_option_objects_are_kept():
    """Rules read decorators and `new` option objects only for typeorm's schema-builder classes
    (MIG011, MIG012); everything else is dropped at extraction, aliases and namespaces included."""
    from migrationlint.extract.facts import extract

    f = extract("/repo/src/order.entity.ts", SCHEMA_CODE.encode())
    assert [d.name for d in f.decorators] == ["Idx", "orm.TableUnique"]
    assert [k.key for k in f.decorators[0].objects[0].keys] == ["name", "columnNames"]
    objects = {ne.callee: ne.object_arg for ne in f.new_exprs}
    assert set(objects) == {"Logger", "Idx", "TableColumn", "orm.Table"}
    assert objects["Logger"] is None  # not a schema-builder class: its options are nobody's business
    assert [k.key for k in objects["Idx"].keys] == ["name", "columnNames", "unique"]
    assert [k.key for k in objects["TableColumn"].keys] == ["name", "type"]  # bound by require()
    assert [k.key for k in objects["orm.Table"].arrays["columns"][0].keys] == ["name", "type"]


def test_type_only_typeorm_import_does_not_keep_objects():
    from migrationlint.extract.facts import extract

    code = "import type { TableIndex } from 'typeorm';\nconst i = new TableIndex({ name: 'x' });\n"
    f = extract("/repo/src/a.ts", code.encode())
    assert f.new_exprs[0].object_arg is None


def test_schema_builder_rules_read_only_classes_extraction_keeps():
    from migrationlint.checks import schema_builder as sb
    from migrationlint.extract.call_sites import SCHEMA_BUILDER_CLASSES

    assert set(sb.DECORATOR_OF) <= SCHEMA_BUILDER_CLASSES
    assert set(sb.OPTION_NAMES) | {"Table"} <= SCHEMA_BUILDER_CLASSES


MIGRATION_CODE = """import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateOrders1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const unique = true;
    await queryRunner.createTable(new Table({
      name: 'orders',
      columns: [{ name: 'id', type: 'uuid', 'isPrimary': true }, { name: 'café', unique }],
    }));
    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_id', columnNames: ['id'] }));
  }
}
"""


def test_packed_object_keys_read_like_records_and_survive_the_cache_pickle():
    """ObjectLiteral stores its keys packed (memory); `keys` must still give each key's name, kind
    and spans, shorthand and quoted keys included, also after the cache's pickling."""
    import pickle

    from migrationlint.cache import facts_cache as cache  # noqa: F401  (registers the facts reducers the cache uses)
    from migrationlint.extract.facts import extract

    data = MIGRATION_CODE.encode()
    f = pickle.loads(pickle.dumps(extract("/repo/src/migrations/1700000000000-orders.ts", data)))
    table = next(ne.object_arg for ne in f.new_exprs if ne.callee == "Table")
    assert [(k.key, k.value_kind) for k in table.keys] == [("name", "string"), ("columns", "array")]
    first, second = table.arrays["columns"]
    quoted = first.keys[2]
    assert (quoted.key, data[quoted.start:quoted.end], data[quoted.value_start:quoted.value_end]) == (
        "isPrimary", b"'isPrimary'", b"true")
    shorthand = second.keys[1]
    assert (shorthand.key, shorthand.value_kind) == ("unique", "identifier")
    assert (shorthand.start, shorthand.end) == (shorthand.value_start, shorthand.value_end)
    assert data[second.keys[0].value_start:second.keys[0].value_end] == "'café'".encode()


def test_refs_give_every_occurrence_span_and_survive_the_cache_pickle():
    """refs are stored as start offsets; `get` must rebuild (start, end) spans in document order
    for the rules that rename or delete imports (MIG011, DEP, IMP)."""
    import pickle

    from migrationlint.cache import facts_cache as cache  # noqa: F401  (registers the facts reducers the cache uses)
    from migrationlint.extract.facts import extract

    data = MIGRATION_CODE.encode()
    f = pickle.loads(pickle.dumps(extract("/repo/src/migrations/1700000000000-orders.ts", data)))
    spans = f.refs.get("TableIndex", [])
    assert [data[s:e] for s, e in spans] == [b"TableIndex", b"TableIndex"]
    assert spans == sorted(spans) and spans[0][0] == data.index(b"TableIndex")
    assert f.refs.get("Missing", []) == [] and "QueryRunner" in f.refs
    assert "QueryRunner" in f.type_only_locals and "Table" not in f.type_only_locals


def test_a_comment_between_export_and_const_still_exports():
    """`export /** doc */ const x` (and `export // note` before `let`): the grammar reads a bare
    `export` beside an unexported declaration; tsc exports it (4 IMP003 on a real API said
    "declared but not exported"). The offline half of the tsc oracle's split-export-comment case."""
    from migrationlint.extract.facts import extract

    f = extract("/repo/src/geo.ts", b"export /**\n * Loads.\n */\nconst initGeoReader = () => 1;\n"
                                    b"export // note\nlet fallback = 2;\nconst hidden = 3;\n")
    assert [e.name for e in f.exports] == ["initGeoReader", "fallback"]
    assert [d[0] for d in f.declarations] == ["hidden"]


@pytest.mark.parametrize("code", [
    "const app = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule, { transport: Transport.NATS });",
    "const app = await NestFactory.createMicroservice(AppModule, { transport: Transport.NATS });",
    "const app = NestFactory.createMicroservice<MicroserviceOptions>(AppModule, { transport: Transport.NATS });",
])
def test_an_awaited_generic_call_is_a_call(code):
    """The grammar reads `await a.b<T>(x)` as a call of `await a.b` with type arguments: the usual
    `await NestFactory.create<NestExpressApplication>(AppModule)` was no call at all (a
    microservice's DEP004 named the client class where Nest's server class fails)."""
    from migrationlint.extract.facts import extract

    [call] = extract("/repo/src/main.ts", code.encode()).calls
    assert call.callee == "NestFactory.createMicroservice" and [a[0] for a in call.args] == ["identifier", "object"]
    assert "transport" in call.objects[1].names


@pytest.mark.parametrize("export, type_only", [
    ("export type { HandlerEvent, Handler as NetlifyHandler };", True),
    ("export { type HandlerEvent, type Handler };", True),
    ("export { HandlerEvent, Handler };", False),  # may be a class: tsc keeps what it cannot prove a type
    ("export { type HandlerEvent, Handler };", False),
])
def test_a_name_exported_only_as_a_type_is_a_type_only_import(export, type_only):
    """`export type { X }` (or `export { type X }`) re-exports the type alone: tsc drops the import
    that brought X in, so a package imported only to be re-exported that way is not loaded."""
    from migrationlint.extract.facts import extract

    f = extract("/repo/src/types.ts", ("import { Handler, HandlerEvent } from '@netlify/functions';\n" + export + "\n").encode())
    assert ("Handler" in f.type_only_locals and "HandlerEvent" in f.type_only_locals) is type_only


@pytest.mark.parametrize("code, emitted", [
    ("export class Wrapper {\n  constructor(private readonly signer: Signer) {}\n}\n", False),
    ("@Injectable()\nexport class Wrapper {\n  constructor(private readonly signer: Signer) {}\n}\n", True),
    ("export @Injectable() class Wrapper {\n  constructor(private readonly signer: Signer) {}\n}\n", True),
    ("export class Wrapper {\n  constructor(@Inject('S') private readonly signer: Signer, n: number) {}\n}\n", True),
    ("export class Wrapper {\n  @Get()\n  run(signer: Signer): void {}\n}\n", True),
])
def test_constructor_parameter_types_are_emitted_only_for_a_decorated_class(code, emitted):
    """`emitDecoratorMetadata` writes `design:paramtypes` for a class that has a decorator (or a
    decorated constructor parameter): a plain helper class's constructor types are erased, so the
    import is type-only (tsc 5.9 emits no require for it; a real published package: 1 DEP002)."""
    from migrationlint.extract.facts import extract

    f = extract("/repo/src/wrapper.ts", ("import { Signer } from 'ethers';\n" + code).encode())
    assert ("Signer" in f.metadata_only_locals) is emitted
    assert ("Signer" in f.type_only_locals) is not emitted


@pytest.mark.parametrize("code, outside", [
    ("if (process.env.NODE_ENV !== 'production') { require('./x'); }", True),
    ("if (process.env.NODE_ENV === 'production') { run(); } else { require('./x'); }", True),
    ("if (flag && process.env.NODE_ENV !== 'production') { require('./x'); }", True),
    ("if (process.env.NODE_ENV !== 'development') { run(); } else { require('./x'); }", True),
    ("if (process.env.NODE_ENV === 'production' || flag) { run(); } else { require('./x'); }", True),
    ("const x = process.env.NODE_ENV === 'development' ? require('./x') : null;", True),
    # production with `flag` false takes the else arm; `!(...)` of it too: both may run in production
    ("if (process.env.NODE_ENV === 'production' && flag) { run(); } else { require('./x'); }", False),
    ("if (!(process.env.NODE_ENV === 'production' && flag)) { require('./x'); }", False),
    ("if (process.env.NODE_ENV !== 'test') { require('./x'); }", False),
    ("if (process.env.NODE_ENV !== 'production' || flag) { require('./x'); }", False),
])
def test_a_load_is_development_code_only_in_an_arm_production_never_takes(code, outside):
    from migrationlint.extract.facts import extract

    [imp] = extract("/repo/src/main.ts", code.encode()).imports
    assert imp.dev_only is outside


def test_a_word_search_over_a_file_the_run_parsed_reads_it_no_more(tmp_path):
    """A cross-file rule asks whether each file of a package mentions `declare module`; the run
    that parsed the file knows the answer from its bytes, so the disk is not read again (a
    deleted file still answers as it read), and a file outside the run is read as before."""
    parsed = tmp_path / "augment.ts"
    parsed.write_text("declare module './orders' {\n  interface Order { ref: string }\n}\nexport {};\n")
    outside = tmp_path / "outside.ts"
    outside.write_text("declare module 'x' {}\n")
    store = FactsStore(Settings(), str(tmp_path))
    store.extract([str(parsed)])
    parsed.unlink()
    assert store.mentions(str(parsed), b"declare module")
    assert not store.mentions(str(parsed), b"TypeOrmModule")
    assert store.mentions(str(outside), b"declare module")
    assert str(parsed) in store.scanned and str(outside) in store.scanned
