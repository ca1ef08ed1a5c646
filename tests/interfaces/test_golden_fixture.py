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
    assert "Fixed 0 problems;" in second.stderr.decode()
    remaining = pipeline.lint([str(root)], load([str(root)], None), use_cache=False).diagnostics
    assert remaining and not [d for d in remaining if d.fixable]


def test_clean_fixture_has_no_findings(tmp_path):
    copy_fixture("clean", tmp_path)
    r = cli("fixtures/clean", cwd=tmp_path)
    assert r.returncode == 0, r.stdout.decode()
    assert r.stdout.decode().strip() == "All checks passed!"
    r = cli("fixtures/clean", "--output-format", "concise", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == b""


def test_fixed_manifests_parse_and_keep_their_untouched_lines():
    """After --fix every manifest parses; lines outside the edits are byte-identical (only a
    trailing comma may change on the line an entry is appended after)."""
    import difflib
    import json

    original_root = FIXTURES / "monorepo"
    fixed_root = FIXTURES / "monorepo.fixed"
    changed = 0
    for fixed in sorted(fixed_root.rglob("package.json")):
        rel = fixed.relative_to(fixed_root)
        before = (original_root / rel).read_text().splitlines()
        after = fixed.read_text().splitlines()
        json.loads(fixed.read_text())
        if before == after:
            continue
        changed += 1
        removed = [line[2:] for line in difflib.ndiff(before, after) if line.startswith("- ")]
        added = {line[2:].rstrip(",") for line in difflib.ndiff(before, after) if line.startswith("+ ")}
        for line in removed:
            assert line.rstrip(",") in added, f"{rel}: line changed beyond the edit: {line!r}"
    assert changed == 2  # workflow (DEP001 x3), rules-engine (DEP004 pg)
    rules_engine = json.loads((fixed_root / "services/rules-engine/package.json").read_text())
    assert rules_engine["dependencies"]["pg"] == "^8.13.1"
    # DEP002's move between sections is unsafe (docs/architecture.md): --fix alone leaves uuid where it is
    finance = json.loads((fixed_root / "services/finance/package.json").read_text())
    assert "uuid" not in finance["dependencies"] and "uuid" in finance["devDependencies"]
