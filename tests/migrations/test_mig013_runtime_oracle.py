"""Real TypeORM (with sql.js) as the oracle for MIG013: every QueryRunner method the rule watches
must fail at runtime when given a plain object where it needs a schema-builder instance (at the
call, at the next change to the table, or on revert), work with the instance, and a method the
rule leaves alone must work with a plain object.

`createExclusionConstraint(s)` is PostgreSQL-only and cannot run on sql.js: it is confirmed by tsc
only (tests/migrations/test_schema_builder_tsc.py). Needs npm: typeorm, sql.js and reflect-metadata are
installed once into the test cache; skipped, not failed, when npm or the registry is unreachable.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from migrationlint.checks.schema_builder import QUERY_RUNNER_PARAMS
from tests.npm_cache import install

pytestmark = pytest.mark.integration

# probe case -> (method, argument position the plain object is in)
CASE_METHODS = {
    "createIndex": ("createIndex", 1), "createIndices": ("createIndices", 1), "dropIndex": ("dropIndex", 1),
    "createForeignKey": ("createForeignKey", 1), "createForeignKeys": ("createForeignKeys", 1),
    "createUniqueConstraint": ("createUniqueConstraint", 1), "createUniqueConstraints": ("createUniqueConstraints", 1),
    "createCheckConstraint": ("createCheckConstraint", 1), "createCheckConstraints": ("createCheckConstraints", 1),
    "addColumn": ("addColumn", 1), "addColumns": ("addColumns", 1),
    "changeColumn": ("changeColumn", 2), "changeColumnOld": ("changeColumn", 1),
    "changeColumns": ("changeColumns", 1),
}
NOT_ON_SQLITE = {"createExclusionConstraint", "createExclusionConstraints"}

PROBE = r"""
require('reflect-metadata');
const t = require('typeorm');
const { DataSource, Table, TableColumn, TableIndex, TableForeignKey, TableUnique, TableCheck } = t;

// method -> (argument builder given "plain" or "instance")
const col = (name) => ({ name, type: 'integer', isNullable: true });
const CASES = {
  createIndex: (k) => ['t', k({ name: 'IDX_t_a', columnNames: ['a'] }, TableIndex)],
  createIndices: (k) => ['t', [k({ name: 'IDX_t_a', columnNames: ['a'] }, TableIndex)]],
  dropIndex: (k) => ['t', k({ name: 'IDX_t_b', columnNames: ['b'] }, TableIndex)],
  createForeignKey: (k) => ['t', k({ name: 'FK_t_p', columnNames: ['p'], referencedTableName: 'p', referencedColumnNames: ['id'] }, TableForeignKey)],
  createForeignKeys: (k) => ['t', [k({ name: 'FK_t_p', columnNames: ['p'], referencedTableName: 'p', referencedColumnNames: ['id'] }, TableForeignKey)]],
  createUniqueConstraint: (k) => ['t', k({ name: 'UQ_t_a', columnNames: ['a'] }, TableUnique)],
  createUniqueConstraints: (k) => ['t', [k({ name: 'UQ_t_a', columnNames: ['a'] }, TableUnique)]],
  createCheckConstraint: (k) => ['t', k({ name: 'CHK_t_a', expression: '"a" > 0' }, TableCheck)],
  createCheckConstraints: (k) => ['t', [k({ name: 'CHK_t_a', expression: '"a" > 0' }, TableCheck)]],
  addColumn: (k) => ['t', k(col('c'), TableColumn)],
  addColumns: (k) => ['t', [k(col('c'), TableColumn)]],
  changeColumn: (k) => ['t', 'a', k({ name: 'a2', type: 'integer', isNullable: true }, TableColumn)],
  changeColumnOld: (k) => ['t', k(col('a'), TableColumn), new TableColumn({ name: 'a2', type: 'integer', isNullable: true })],
  changeColumns: (k) => ['t', [{ oldColumn: k(col('a'), TableColumn), newColumn: new TableColumn({ name: 'a2', type: 'integer', isNullable: true }) }]],
};
const METHOD = { changeColumnOld: 'changeColumn' };
const plain = (o) => o;
const instance = (o, C) => new C(o);

async function run(name, kind) {
  const ds = new DataSource({ type: 'sqljs', synchronize: false, logging: false });
  await ds.initialize();
  const qr = ds.createQueryRunner();
  try {
    await qr.createTable(new Table({ name: 'p', columns: [{ name: 'id', type: 'integer', isPrimary: true }] }));
    await qr.createTable(new Table({ name: 't', columns: [
      { name: 'id', type: 'integer', isPrimary: true }, { name: 'a', type: 'integer', isNullable: true },
      { name: 'b', type: 'integer', isNullable: true }, { name: 'p', type: 'integer', isNullable: true }],
      indices: [{ name: 'IDX_t_b', columnNames: ['b'] }] }));
    const args = CASES[name](kind === 'plain' ? plain : instance);
    let stage = 'call';
    try {
      await qr[METHOD[name] || name](...args);
      stage = 'next change';
      await qr.addColumn('t', new TableColumn({ name: 'later', type: 'integer', isNullable: true }));
      stage = 'revert';
      await qr.dropColumn('t', 'later');
      return { ok: true };
    } catch (e) {
      return { ok: false, stage, message: String(e && e.message || e).slice(0, 160) };
    }
  } finally {
    await qr.release(); await ds.destroy();
  }
}

(async () => {
  const out = {};
  for (const name of Object.keys(CASES)) {
    out[name] = { plain: await run(name, 'plain'), instance: await run(name, 'instance') };
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"""


def _flagged(method: str, position: int) -> bool:
    spec = QUERY_RUNNER_PARAMS.get(method)
    return spec is not None and position in spec[0]


@pytest.fixture(scope="module", params=["0.3", "1"])
def results(request, tmp_path_factory) -> dict:
    major = request.param
    folder = install(f"typeorm-{major}-sqljs", [f"typeorm@{major}", "sql.js", "reflect-metadata"], "sql.js/package.json")
    if folder is None:
        pytest.skip("npm or the npm registry is unreachable and nothing is cached")
    work = tmp_path_factory.mktemp(f"mig013-{major}")
    (work / "node_modules").symlink_to(folder / "node_modules", target_is_directory=True)
    (work / "probe.js").write_text(PROBE)
    out = subprocess.run(["node", "probe.js"], cwd=work, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_the_probe_covers_every_watched_method():
    probed = {m for m, _ in CASE_METHODS.values()}
    assert set(QUERY_RUNNER_PARAMS) - NOT_ON_SQLITE <= probed


def test_instances_always_work(results):
    assert {case for case, r in results.items() if not r["instance"]["ok"]} == set()


def test_mig013_flags_exactly_the_plain_objects_that_fail_at_runtime(results):
    failing = {case for case, r in results.items() if not r["plain"]["ok"]}
    flagged = {case for case, (method, position) in CASE_METHODS.items() if _flagged(method, position)}
    assert failing == flagged, {case: results[case]["plain"] for case in failing ^ flagged}
