"""The golden fixture's output and fixed tree are exact; a second --fix changes nothing."""

from __future__ import annotations

from migrationlint import pipeline
from migrationlint.config import load
from tests.golden import FIXTURES, copy_fixture, tree_files
from tests.helpers import cli


def test_expected_output(tmp_path):
    copy_fixture("monorepo", tmp_path)
    r = cli("fixtures/monorepo", "--output-format", "concise", cwd=tmp_path)
    assert r.returncode == 1, r.stderr.decode()
    assert r.stdout.decode() == (FIXTURES / "monorepo.expected.txt").read_text()


def test_fix_gives_the_fixed_tree_and_is_idempotent(tmp_path):
    root = copy_fixture("monorepo", tmp_path)
    r = cli("fixtures/monorepo", "--fix", "--output-format", "concise", cwd=tmp_path)
    assert r.returncode == 1, r.stderr.decode()
    expected = tree_files(FIXTURES / "monorepo.fixed")
    actual = tree_files(root)
    assert sorted(actual) == sorted(expected)
    for rel, data in expected.items():
        assert actual[rel] == data, f"{rel} differs from fixtures/monorepo.fixed"
    second = cli("fixtures/monorepo", "--fix", "--output-format", "concise", cwd=tmp_path)
    assert tree_files(root) == actual
    assert "Fixed 0 errors" in second.stderr.decode()
    remaining = pipeline.lint([str(root)], load([str(root)], None), use_cache=False).diagnostics
    assert remaining and not [d for d in remaining if d.fixable]


def test_clean_fixture_has_no_findings(tmp_path):
    copy_fixture("clean", tmp_path)
    r = cli("fixtures/clean", cwd=tmp_path)
    assert r.returncode == 0, r.stdout.decode()
    assert r.stdout.decode().strip() == "All checks passed!"
    r = cli("fixtures/clean", "--output-format", "concise", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == b""
