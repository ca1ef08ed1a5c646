"""The family registry: families are discovered from the `checks` package (no list to edit), a
module that fails to import stops the run naming it, and the run's own rules are defined once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import migrationlint

FAMILY = '''
from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Severity

RULES = [Rule("ZZZ901", "dropped-in-rule", Severity.WARNING, "A family nobody registered.")]


def check(project: Project):
    for path in project.files:
        yield diagnostic(RULES[0], path, 0, 0, "dropped in")
'''


def _copy(tmp_path: Path, name: str, text: str) -> Path:
    """A copy of the real package with one more module in checks/."""
    shutil.copytree(Path(migrationlint.__file__).parent, tmp_path / "migrationlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "migrationlint" / "checks" / f"{name}.py").write_text(text)
    return tmp_path


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-m", "migrationlint", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_family_module_dropped_into_checks_is_picked_up(tmp_path):
    root = _copy(tmp_path, "dropped_in", FAMILY)
    src = root / "ws" / "src" / "a.ts"
    src.parent.mkdir(parents=True)
    (root / "ws" / "package.json").write_text('{"name": "ws"}')
    src.write_text("export const a = 1;\n")
    listing = _run(root, "rules")
    assert listing.returncode == 0, listing.stderr
    assert "ZZZ901" in listing.stdout and "dropped-in-rule" in listing.stdout
    r = _run(root, "check", "--select", "zzz", "ws")
    assert "ZZZ901" in r.stdout and "dropped in" in r.stdout, (r.stdout, r.stderr)


def test_a_broken_family_module_fails_loudly_naming_it(tmp_path):
    root = _copy(tmp_path, "broken_family", "import no_such_module_anywhere\nRULES = []\n")
    r = _run(root, "rules")
    assert r.returncode == 2
    assert "migrationlint.checks.broken_family" in r.stderr and "no_such_module_anywhere" in r.stderr


def test_half_a_family_fails_loudly(tmp_path):
    root = _copy(tmp_path, "half_family", "RULES = []\n")
    r = _run(root, "rules")
    assert r.returncode == 2 and "migrationlint.checks.half_family" in r.stderr and "not check" in r.stderr


def test_every_module_of_checks_is_a_family_or_a_helper():
    from migrationlint.checks import FAMILIES, RULES

    names = {f.__name__.rsplit(".", 1)[1] for f in FAMILIES}
    assert {"migration_identity", "syntax", "dependencies", "schema_builder"} <= names
    assert {code for f in FAMILIES for code in (r.code for r in f.RULES)} | {"SUP001", "INT001", "FIL001"} == set(RULES)


def test_run_rules_are_defined_once():
    from migrationlint import catalog, checks
    from migrationlint import suppression_writer

    assert checks.RULES["SUP001"] is catalog.SUP001 and checks.RULES["INT001"] is catalog.INT001
    assert checks.RULES["FIL001"] is catalog.FIL001
    assert suppression_writer.NOT_SUPPRESSIBLE == ("SUP001", "INT001", "FIL001")
    for module in ("suppressions.py", "suppression_writer.py", "pipeline.py", "reporters/fix_report.py", "checks/__init__.py"):
        text = (Path(migrationlint.__file__).parent / module).read_text()
        assert 'Rule("' not in text and 'code="' not in text and '("SUP001", "INT001"' not in text, module
