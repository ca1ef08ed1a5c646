"""MIG014 migration-query-not-awaited: cases beyond the page's examples (those run in tests/rules/test_rule_pages.py)."""

from __future__ import annotations

from tests.helpers import fix, lint, workspace

PATH = "src/migrations/1700000000000-AddAge.ts"


def _migration(up: str, extra: str = "", params: str = "queryRunner: QueryRunner", asynchronous: str = "async ") -> str:
    return ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
            "export class AddAge1700000000000 implements MigrationInterface {\n"
            f"  public {asynchronous}up({params}): Promise<void> {{\n{up}\n  }}\n\n"
            "  public async down(queryRunner: QueryRunner): Promise<void> {\n"
            "    await queryRunner.query(`DROP TABLE \"t\"`);\n  }\n" + extra + "}\n")


def _found(tmp_path, source: str, path: str = PATH) -> list[tuple[str, bool]]:
    """(the reported call's text, whether it carries a fix) per MIG014 finding."""
    root = workspace(tmp_path, {path: source})
    data = (root / path).read_bytes()
    return [(data[d.start:d.end].decode(), d.fix is not None) for d in lint(root, ["MIG014"])]


def test_awaited_returned_voided_or_handled_calls_are_not_reported(tmp_path):
    up = ("    await queryRunner.query('A');\n"
          "    void queryRunner.query('B');\n"
          "    queryRunner.query('C').catch(() => undefined);\n"
          "    await Promise.all([1, 2].map((i) => queryRunner.query('D')));\n"
          "    const p = queryRunner.query('E');\n    await p;\n"
          "    queryRunner.enableSqlMemory();\n"
          "    queryRunner.manager.create('t', {});\n"
          "    return queryRunner.query('F');")
    assert _found(tmp_path, _migration(up)) == []


def test_runner_methods_and_writes_reached_from_it_are_reported(tmp_path):
    up = ("    queryRunner.createTable(table);\n"
          "    if (flag) {\n      queryRunner.dropIndex('t', 'IDX');\n    }\n"
          "    queryRunner.manager.getRepository('User').update({}, { a: 1 });\n"
          "    queryRunner.manager.createQueryBuilder().insert().into('t').values({}).execute();\n"
          "    queryRunner.sql`DELETE FROM t`;\n"
          "    queryRunner.manager.find('t');")  # a read dropped on the floor is not the bug
    assert _found(tmp_path, _migration(up)) == [
        ("queryRunner.createTable(table)", True), ("queryRunner.dropIndex('t', 'IDX')", True),
        ("queryRunner.manager.getRepository('User').update({}, { a: 1 })", True),
        ("queryRunner.manager.createQueryBuilder().insert().into('t').values({}).execute()", True),
        ("queryRunner.sql`DELETE FROM t`", True)]


def test_a_runner_of_any_name_and_a_typed_helper_method_count(tmp_path):
    helper = ("\n  private async seed(db: QueryRunner, name: string): Promise<void> {\n"
              "    db.query('INSERT', [name]);\n  }\n")
    source = _migration("    db.query('A');", extra=helper, params="db")
    assert _found(tmp_path, source) == [("db.query('A')", True), ("db.query('INSERT', [name])", True)]


def test_no_fix_in_a_callback_or_a_method_that_is_not_async(tmp_path):
    callback = _migration("    items.forEach((i) => {\n      queryRunner.query('A');\n    });")
    assert _found(tmp_path, callback) == [("queryRunner.query('A')", False)]
    plain = _migration("    queryRunner.query('A');", asynchronous="")
    assert _found(tmp_path / "b", plain) == [("queryRunner.query('A')", False)]


def test_other_receivers_and_non_migration_classes_are_not_judged(tmp_path):
    other = _migration("    this.logger.query('A');\n    client.query('B');")
    assert _found(tmp_path, other) == []
    service = _migration("    queryRunner.query('A');").replace(" implements MigrationInterface", "")
    assert _found(tmp_path / "b", service, path="src/services/age.service.ts") == []
    typed_otherwise = _migration("    knex.query('A');", params="knex: Knex")
    assert _found(tmp_path / "c", typed_otherwise) == []


def test_the_fix_keeps_crlf_and_indentation_and_is_idempotent(tmp_path):
    source = _migration("\tqueryRunner.query('A');\n\tqueryRunner.addColumn('t', col);").replace("\n", "\r\n")
    root = workspace(tmp_path, {PATH: source.encode()})
    fixed = fix(root, ["MIG014"], unsafe=True)[PATH].decode()
    assert "\r\n\tawait queryRunner.query('A');\r\n\tawait queryRunner.addColumn('t', col);\r\n" in fixed
    assert fixed.count("\r\n") == source.count("\r\n") and "\n" not in fixed.replace("\r\n", "")
    (root / PATH).write_bytes(fixed.encode())
    assert lint(root, ["MIG014"]) == [] and PATH not in fix(root, ["MIG014"], unsafe=True)


def test_an_async_for_each_callback_is_reported_once_at_the_for_each(tmp_path):
    """`rows.forEach(async (row) => { await queryRunner.query(...) })`, the usual shape of the bug in a
    backfill: forEach drops each callback's promise, awaited queries and all. Reported once, at the
    forEach (not again for an un-awaited query inside it); `Promise.all` over `map`, a `for ... of`
    loop, and an async forEach that never touches the runner are fine."""
    up = ("    rows.forEach(async (row) => {\n      await queryRunner.query('A', [row]);\n      queryRunner.query('B');\n    });\n"
          "    await Promise.all(rows.map(async (row) => { await queryRunner.query('C', [row]); }));\n"
          "    for (const row of rows) {\n      await queryRunner.query('D', [row]);\n    }\n"
          "    names.forEach(async (n) => { console.log(n); });")
    [(found, fixable)] = _found(tmp_path, _migration(up))
    assert found.startswith("rows.forEach(async (row) => {") and not fixable
    [d] = lint(tmp_path, ["MIG014"])
    assert "forEach drops the promise" in d.message and "await Promise.all(rows.map(async ...))" in d.message


def test_a_local_alias_of_the_runner_and_a_repository_it_gives_count(tmp_path):
    """`const qr = queryRunner; qr.query(...)` and `const repo = queryRunner.manager.getRepository(User);
    repo.update(...)`: the same runner, reached through a local. A result awaited into a local is data."""
    up = ("    const qr = queryRunner;\n    qr.query('A');\n"
          "    const repo = qr.manager.getRepository('User');\n    repo.update({}, { a: 1 });\n"
          "    const rows = await queryRunner.query('SELECT 1');\n    rows.push(1);\n    rows.update();")
    assert _found(tmp_path, _migration(up)) == [("qr.query('A')", True), ("repo.update({}, { a: 1 })", True)]


def test_a_write_through_a_data_source_counts_too(tmp_path):
    """`AppDataSource.getRepository(User).save(rows)` without `await` in `up` (the global-DataSource
    seeding style): a database write whose promise the migration drops, whatever holds the
    DataSource. A `save` on anything that is no repository, manager or query builder is not judged."""
    up = ("    AppDataSource.getRepository('User').save([]);\n"
          "    dataSource.manager.insert('t', {});\n"
          "    this.cache.save();\n    store.save();")
    assert _found(tmp_path, _migration(up)) == [
        ("AppDataSource.getRepository('User').save([])", True), ("dataSource.manager.insert('t', {})", True)]
