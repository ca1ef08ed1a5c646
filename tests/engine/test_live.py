"""live.LiveLinter against the pipeline: the same diagnostics, whatever it kept from earlier runs.

The live linter carries resolution, package listings and the shipping model's reachability from
one run to the next; these tests run it file after file, and after edits to other files of the
same package (the inputs of those carried answers), and compare with a fresh pipeline run."""

from __future__ import annotations

import re
from pathlib import Path

from migrationlint import pipeline
from migrationlint.config import load
from migrationlint.live import LiveLinter
from tests.helpers import REPO, age_tree, record_calls

MONOREPO = REPO / "fixtures" / "monorepo"
PER_TARGET = 2  # neighbours edited per file with findings: enough to reach every family, in seconds
IMPORT_LINE = re.compile(rb"^(import|export \*|export \{)[^\n]*\n", re.M)


def _sources() -> list[str]:
    return sorted(str(p) for p in MONOREPO.rglob("*.ts") if "node_modules" not in p.parts)


def _fresh(path: str, texts: dict[str, bytes]) -> list:
    return pipeline.lint([path], load([path], None), overrides=texts, files=[path], jobs=1, report={path}).diagnostics


def test_file_after_file_as_fresh_runs():
    live = LiveLinter()
    for path in _sources()[::3]:  # a third: every package, in a few seconds
        texts = {path: Path(path).read_bytes()}
        assert live.lint(path, texts).diagnostics == _fresh(path, texts), path


def test_edits_to_the_other_files_of_a_package_reach_the_carried_answers():
    """Drop every import (or every `export` keyword) of one file, then lint a neighbour that has
    findings: what ships, which names a module exports and what the migrations are may all
    change, and must be seen."""
    live = LiveLinter()
    sources = _sources()
    flagged = sorted({d.path for d in pipeline.lint([str(MONOREPO)], load([str(MONOREPO)], None)).diagnostics
                      if d.path.endswith(".ts")})
    checked = 0
    for target in flagged:
        package = next(d for d in Path(target).parents if (d / "package.json").is_file())
        neighbours = [p for p in sources if p != target and Path(p).is_relative_to(package)]
        for i, edited in enumerate(neighbours[::max(1, len(neighbours) // PER_TARGET)]):
            original = Path(edited).read_bytes()
            changed = IMPORT_LINE.sub(b"", original) if i % 2 == 0 else original.replace(b"export ", b"")
            texts = {target: Path(target).read_bytes(), edited: changed}
            assert live.lint(target, texts).diagnostics == _fresh(target, texts), (target, edited)
            checked += 1
            texts = {target: texts[target]}  # and back: the edit is undone
            assert live.lint(target, texts).diagnostics == _fresh(target, texts), (target, edited)
    assert checked >= 20


def test_a_cli_cache_spares_the_first_lint_its_parses(tmp_path, monkeypatch):
    """With the facts cache a CLI run left, the first lint of a file parses only that file (the
    stat proves each stored entry current) and reports what a fresh run reports; a file edited
    since that run is parsed again."""
    import shutil

    from migrationlint import live

    root = tmp_path / "monorepo"
    shutil.copytree(MONOREPO, root)
    age_tree(root)  # older than the timestamp granularity: stored entries are trusted
    paths = sorted(str(p) for p in root.rglob("*.ts") if "node_modules" not in p.parts)
    pipeline.lint([str(root)], load([str(root)], None), use_cache=True)
    parsed = record_calls(monkeypatch, live, "extract_one")
    edited = next(p for p in paths if p.endswith("invoice.entity.ts"))
    Path(edited).write_text(Path(edited).read_text() + "\n// edited\n")
    checked = 0
    for path in paths[::2]:
        texts = {path: Path(path).read_bytes()}
        linter = LiveLinter()
        assert linter.lint(path, texts).diagnostics == _fresh(path, texts), path
        checked += 1
    assert checked > 5 and set(parsed) <= {edited}
