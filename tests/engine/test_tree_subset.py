"""A run over named files (pre-commit, an editor) answered from the last run over the whole
workspace: it reports what a fresh run over those files reports, and it is used only while
that run's record holds for the tree as it is now (tree_subset.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.cache import tree_subset
from migrationlint.cli import explicit_targets
from migrationlint.settings import Settings
from tests.golden import copy_fixture
from tests.helpers import age_tree

NAMED = ["services/master-data/src/health/health.controller.ts", "services/workflow/src/locks/run-lock.ts",
         "services/master-data/src/migrations/20250102093000-CreateCurrencies.ts", "shared/utils/src/strings/slugify.ts"]


def _tree(root: Path, **settings):
    return pipeline.lint([str(root)], Settings(**settings), use_cache=True)


def _named(root: Path, names: list[str], use_cache: bool = True, **settings) -> list[tuple]:
    """A run over named files the way the command line makes it (explicit_targets)."""
    paths = [str(root / n) for n in names]
    s = Settings(**settings)
    files, report = explicit_targets(paths, s)
    result = pipeline.lint(paths, s, files=files, report=report, use_cache=use_cache)
    return [(d.code, d.path, d.start, d.end, d.message, d.fix) for d in result.diagnostics]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = copy_fixture("monorepo", tmp_path)
    (root / ".git").mkdir()
    age_tree(root)
    return root


def test_named_files_after_a_tree_run_report_what_a_fresh_run_reports(repo: Path) -> None:
    _tree(repo)
    before = len(tree_subset.ANSWERED)
    got = _named(repo, NAMED)
    assert len(tree_subset.ANSWERED) == before + 1  # answered from the tree's record, no check ran
    assert got == _named(repo, NAMED, use_cache=False)
    assert {code for code, *_ in got} >= {"IMP001", "IMP002", "IMP003", "DEP001", "MIG003", "MIG004"}


def _edit_named(root: Path) -> None:
    path = root / NAMED[0]
    path.write_bytes(b"// reviewed\n" + path.read_bytes())


def _edit_other(root: Path) -> None:
    path = root / "shared/kernel/src/health/uptime.ts"
    path.write_bytes(path.read_bytes() + b"\nexport const extra = 1;\n")


def _add_file(root: Path) -> None:
    (root / "services/master-data/src/health/health.helper.ts").write_text("export const helper = 1;\n")


def _edit_manifest(root: Path) -> None:
    path = root / "services/workflow/package.json"
    data = json.loads(path.read_text())
    data["dependencies"]["ioredis"] = "^5.4.1"  # run-lock.ts imports it: one DEP001 fewer
    path.write_text(json.dumps(data, indent=2) + "\n")


@pytest.mark.parametrize("change", [_edit_named, _edit_other, _add_file, _edit_manifest])
def test_a_change_since_the_tree_run_sends_the_named_run_to_the_checks(repo: Path, change) -> None:
    """An edited named file, an edit elsewhere, a new file, an edited manifest: the tree's record
    no longer holds, the checks run, and the answer is a fresh run's."""
    _tree(repo)
    time.sleep(0.01)
    change(repo)
    before = len(tree_subset.ANSWERED)
    got = _named(repo, NAMED)
    assert len(tree_subset.ANSWERED) == before
    assert got == _named(repo, NAMED, use_cache=False)
    if change is _edit_manifest:
        assert [m for code, _, _, _, m, _ in got if code == "DEP001" and '"ioredis"' in m] == []


def test_a_tree_run_with_other_settings_is_not_used(repo: Path) -> None:
    _tree(repo, select=["MIG"])
    before = len(tree_subset.ANSWERED)
    assert _named(repo, NAMED) == _named(repo, NAMED, use_cache=False)
    assert len(tree_subset.ANSWERED) == before
