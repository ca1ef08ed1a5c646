"""fix_relint.Relinter against the pipeline: a fix pass's re-lint from the first run's facts gives
what a whole new run over the same texts gives, when the pass edits sources, manifests, both,
and when it takes an edit back; and `--fix` reports what a lint of the written files reports."""

from __future__ import annotations

import shutil
from pathlib import Path

from migrationlint import cli, pipeline
from migrationlint.fix import manifest_edits
from migrationlint.config import load
from migrationlint.fix_relint import Relinter
from tests.helpers import REPO

MONOREPO = REPO / "fixtures" / "monorepo"


def _same(relinter: Relinter, root: str, texts: dict[str, bytes], first) -> None:
    mine = relinter(texts).diagnostics
    fresh = pipeline.lint([root], load([root], None), overrides=texts, files=first.files).diagnostics
    assert mine == fresh


def test_passes_over_sources_and_manifests_equal_fresh_runs():
    root = str(MONOREPO)
    first = pipeline.lint([root], load([root], None))
    relinter = Relinter([root], load([root], None), first)
    migration = next(d.path for d in first.diagnostics if d.code == "MIG001")
    renamed = Path(migration).read_bytes().replace(b"class ", b"class Renamed", 1)
    undeclared = next(d for d in first.diagnostics if d.code == "DEP001" and d.fix is not None)
    edit, = undeclared.fix.edits  # the fix declares the package in the manifest
    manifest = edit.path
    declared = manifest_edits.render(Path(manifest).read_bytes(), [edit.json_edit])
    assert undeclared not in relinter({manifest: declared}).diagnostics
    for texts in ({}, {migration: renamed}, {migration: renamed, manifest: declared}, {manifest: declared}, {}):
        _same(relinter, root, texts, first)
    assert relinter.runs == 6


def test_fix_reports_what_a_lint_of_the_written_files_reports(tmp_path, capsys):
    shutil.copytree(MONOREPO, tmp_path / "repo")
    root = tmp_path / "repo"
    cli.main(["check", "--fix", "--no-cache", "--exit-zero", "--output-format", "concise", str(root)])
    fixed = capsys.readouterr().out
    cli.main(["check", "--no-cache", "--exit-zero", "--output-format", "concise", str(root)])
    assert fixed == capsys.readouterr().out
