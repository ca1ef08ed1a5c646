"""Real TypeORM (with sql.js) as the oracle for MIG014: a migration whose failing query is not
awaited is recorded as run, one that awaits it is not; and the QueryRunner methods the rule treats
as async are exactly those TypeORM's own declaration file says return a promise. The migration
TypeORM runs is the text MIG014 lints (as `.ts`, with `export`). Needs npm: skipped, not failed,
when npm or the registry is unreachable and nothing is cached.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from migrationlint.extract.parsing import parse, text
from migrationlint.extract.unawaited_calls import RUNNER_ASYNC
from tests.helpers import lint, workspace
from tests.npm_cache import install

pytestmark = pytest.mark.integration

CLASS = """class {name}1700000000000 {{
  async up(queryRunner) {{
    await queryRunner.query('CREATE TABLE "t" ("a" integer)');
    {statement}
  }}

  async down(queryRunner) {{
    await queryRunner.query('DROP TABLE "t"');
  }}
}}
"""
CASES = {
    "Floating": "queryRunner.query('INSERT INTO \"missing\" (\"a\") VALUES (1)');",
    "FloatingWrite": "queryRunner.manager.insert('missing', { a: 1 });",
    "ForEach": "[1].forEach(async (a) => { await queryRunner.query('INSERT INTO \"missing\" (\"a\") VALUES ($1)', [a]); });",
    "Awaited": "await queryRunner.query('INSERT INTO \"missing\" (\"a\") VALUES (1)');",
}
PROBE = r"""
require('reflect-metadata');
const { DataSource } = require('typeorm');
const name = process.argv[2];
const rejections = [];
process.on('unhandledRejection', (e) => rejections.push(String(e && e.message || e)));
(async () => {
  const ds = new DataSource({ type: 'sqljs', migrations: [require('./' + name + '.js')[name + '1700000000000']] });
  await ds.initialize();
  let failed = false;
  try { await ds.runMigrations(); } catch (e) { failed = true; }
  await new Promise((r) => setTimeout(r, 50));
  const recorded = (await ds.query('SELECT "name" FROM "migrations"')).length > 0;
  console.log(JSON.stringify({ failed, recorded, rejections }));
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.fixture(scope="module", params=["0.3", "1"])
def typeorm(request) -> Path:
    folder = install(f"typeorm-{request.param}-sqljs", [f"typeorm@{request.param}", "sql.js", "reflect-metadata"],
                     "sql.js/package.json")
    if folder is None:
        pytest.skip("npm or the npm registry is unreachable and nothing is cached")
    return folder


def _run(folder: Path, work: Path, name: str) -> dict:
    (work / f"{name}.js").write_text(CLASS.format(name=name, statement=CASES[name]) + f"module.exports = {{ {name}1700000000000 }};\n")
    out = subprocess.run(["node", "probe.js", name], cwd=work, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])  # TypeORM logs a failed migration before it


def test_typeorm_records_exactly_the_migrations_mig014_reports(typeorm, tmp_path):
    work = tmp_path / "run"
    work.mkdir()
    (work / "node_modules").symlink_to(typeorm / "node_modules", target_is_directory=True)
    (work / "probe.js").write_text(PROBE)
    files = {f"src/migrations/1700000000000-{name}.ts": "export " + CLASS.format(name=name, statement=statement)
             for name, statement in CASES.items()}
    reported = {Path(d.path).stem.split("-")[1] for d in lint(workspace(tmp_path / "lint", files), ["MIG014"])}
    for name in CASES:
        outcome = _run(typeorm, work, name)
        assert outcome["recorded"] == (name in reported), (name, outcome)
        assert outcome["failed"] == (name not in reported), (name, outcome)
        assert bool(outcome["rejections"]) == (name in reported), (name, outcome)


def test_the_async_methods_are_those_typeorm_declares(typeorm):
    declaration = (typeorm / "node_modules" / "typeorm" / "query-runner" / "QueryRunner.d.ts").read_bytes()
    tree = parse(declaration, "QueryRunner.d.ts")
    promised: set[str] = set()
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "method_signature":
            returns = node.child_by_field_name("return_type")
            name = text(node.child_by_field_name("name"))
            if returns is not None and text(returns).lstrip(": ").startswith("Promise") and not name.startswith("["):
                promised.add(name)  # not `[Symbol.asyncDispose]` (1.x), which `await using` calls, never a statement
        stack.extend(node.named_children)
    assert len(promised) > 50
    assert RUNNER_ASYNC == promised, (RUNNER_ASYNC - promised, promised - RUNNER_ASYNC)
