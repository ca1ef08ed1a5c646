"""Real TypeORM as the oracle for the naming verdicts: our reading must match what TypeORM's own
MigrationExecutor accepts or rejects, on 0.3 and on 1.x. Skipped when npm or the registry is
unreachable (the packages are installed once into a cache folder)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from migrationlint.extract import typeorm_names as tn

pytestmark = pytest.mark.integration

CACHE = Path(os.environ.get("MIGRATIONLINT_TEST_CACHE", Path.home() / ".cache" / "migrationlint-tests"))

PROBE = r"""
const { MigrationExecutor } = require('typeorm');
const cases = JSON.parse(process.argv[2]);
const out = [];
for (const c of cases) {
  const C = { [c.cls]: class { constructor() { if (c.name !== null) this.name = c.name; } } }[c.cls];
  const source = { options: {}, driver: { options: {}, buildTableName: (t) => t }, migrations: [new C()] };
  try {
    const m = new MigrationExecutor(source).getMigrations();
    out.push({ ok: true, name: m[0].name, timestamp: m[0].timestamp });
  } catch (e) {
    out.push({ ok: false, message: e.message });
  }
}
console.log(JSON.stringify(out));
"""

CASES = [
    ("WorkflowServiceInitial1695682464", None),
    ("RulesEngineServiceInitial20250925034424", None),
    ("Init1700000000abc", None),
    ("Init0000000000000", None),
    ("AddUsersTable1700000000000", "AddUsersTable"),
    ("AddUsersTable1700000000000", ""),
    ("ClipEmbeddingFloat41700000000000", None),
    ("Seed1700000000000", "  1700000000000"),
    ("Signed1700000000000", "Foo-170000000000"),
    ("X1700000000000", "X1700000000000"),
]


def _install(spec: str) -> Path | None:
    folder = CACHE / f"typeorm-{spec.replace('@', '').replace('^', '')}"
    if (folder / "node_modules" / "typeorm" / "package.json").is_file():
        return folder
    if shutil.which("npm") is None or shutil.which("node") is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text('{"name": "oracle", "private": true}\n')
    try:
        r = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", f"typeorm@{spec}",
                            "reflect-metadata"], cwd=folder, capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None
    return folder if r.returncode == 0 else None


@pytest.mark.parametrize("spec,major", [("0.3", 0), ("1", 1)])
def test_verdicts_match_real_typeorm(spec, major):
    folder = _install(spec)
    if folder is None:
        pytest.skip("npm or the registry is unreachable")
    (folder / "probe.js").write_text(PROBE)
    cases = [{"cls": c, "name": n} for c, n in CASES]
    r = subprocess.run(["node", "probe.js", json.dumps(cases)], cwd=folder, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr.decode()
    results = json.loads(r.stdout)
    for (cls, name), real in zip(CASES, results, strict=False):
        effective, _ = tn.effective_name(cls, name, major)
        assert (not tn.is_fatal(effective)) == real["ok"], (cls, name, real)
        if real["ok"]:
            assert real["name"] == effective and real["timestamp"] == tn.timestamp_of(effective)
        else:
            assert real["message"] == tn.runtime_error(effective)


LOADER_PROBE = r"""
const { importClassesFromDirectories } = require('typeorm/util/DirectoryExportedClassesLoader');
importClassesFromDirectories({ log() {} }, [process.argv[2] + '/*.js'])
  .then((found) => console.log(JSON.stringify(found.map((f) => f.name))));
"""


@pytest.mark.parametrize("spec", ["0.3", "1"])
def test_exported_values_match_what_real_typeorm_loads(tmp_path, spec):
    """MIG006's reading of exported arrays and objects against TypeORM's own directory loader: a
    value is reported exactly when the loader collects something from it besides the migration."""
    from tests.helpers import codes, migration, workspace
    from tests.migrations.test_migration_sets import EXPORTED_VALUES

    folder = _install(spec)
    if folder is None:
        pytest.skip("npm or the registry is unreachable")
    (folder / "loader-probe.js").write_text(LOADER_PROBE)
    for i, (value, _) in enumerate(EXPORTED_VALUES):
        js = tmp_path / f"js{i}"
        js.mkdir()
        plain = value.removesuffix(" as const")
        (js / "1700000000000-A.js").write_text(
            f"class A1700000000000 {{ async up() {{}} async down() {{}} }}\n"
            f"exports.A1700000000000 = A1700000000000;\nexports.values = {plain};\n")
        r = subprocess.run(["node", "loader-probe.js", str(js)], cwd=folder, capture_output=True, timeout=60)
        assert r.returncode == 0, r.stderr.decode()
        loaded_more = json.loads(r.stdout) != ["A1700000000000"]
        ts = workspace(tmp_path / f"ts{i}", {
            "src/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
            "src/migrations/1700000000000-A.ts": migration("A1700000000000", extra=f"\nexport const values = {value};\n"),
        })
        assert ("MIG006" in codes(ts, ["MIG"])) == loaded_more, value
