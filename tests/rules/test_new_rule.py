"""The rule scaffold (`python -m scripts.new_rule`) writes exactly a module, a page and a test, and
what it writes is a working family: discovered without a registry edit, listed by `migrationlint
rules`, with a page in the format the page runner reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from migrationlint.reporters.rule_pages import blocks
from scripts.new_rule import plan
from tests.helpers import REPO


def _copy_repo(tmp_path):
    for part in ("migrationlint", "rules", "scripts"):
        shutil.copytree(REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("migrations", "dependencies", "imports", "nest", "rules"):
        (tmp_path / "tests" / folder).mkdir(parents=True)
    return tmp_path


def test_the_scaffold_writes_three_files_that_make_a_discovered_family(tmp_path):
    root = _copy_repo(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(root)}
    made = subprocess.run([sys.executable, "-m", "scripts.new_rule", "MIG099", "example-rule"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    written = sorted(line.split(" ", 1)[1] for line in made.stdout.splitlines())
    assert written == ["migrationlint/checks/example_rule.py", "rules/MIG099-example-rule.md",
                       "tests/migrations/test_example_rule.py"]
    listing = subprocess.run([sys.executable, "-m", "migrationlint", "rules"], cwd=root, env=env,
                             capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0, listing.stderr
    assert any(line.split()[:2] == ["MIG099", "example-rule"] for line in listing.stdout.splitlines())
    page = (root / "rules" / "MIG099-example-rule.md").read_text()
    assert [b.role for b in blocks(page)] == ["bad", "good"]
    for heading in ("# MIG099 example-rule", "## What it does", "## Why it matters", "## Examples", "## Fix safety"):
        assert heading in page


@pytest.mark.parametrize("code,name,why", [("MIG1", "x", "not a rule code"), ("MIG099", "Bad_Name", "not a rule name"),
                                           ("MIG001", "another-name", "exist already")])
def test_the_scaffold_refuses_bad_codes_names_and_clashes(code, name, why):
    with pytest.raises(ValueError, match=why):
        plan(code, name)
