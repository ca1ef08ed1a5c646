"""The incremental run: after a few edits, a run with the cache lints the edited files only and
keeps every other file's findings, and what it reports is exactly what a fresh run reports."""

from __future__ import annotations

import json
import os
from pathlib import Path

from migrationlint import incremental, pipeline
from migrationlint.settings import Settings
from tests.golden import copy_fixture


def _full(result) -> list[tuple]:
    return [(d.code, d.path, d.start, d.end, d.message, d.fix) for d in result.diagnostics]


def _cached(root: Path):
    return pipeline.lint([str(root)], Settings(), use_cache=True)


def _fresh(root: Path):
    return pipeline.lint([str(root)], Settings(), use_cache=False)


def _edit(path: Path, change) -> None:
    path.write_bytes(change(path.read_bytes()))


def test_edits_that_move_every_offset_give_what_a_fresh_run_gives(tmp_path: Path) -> None:
    """A comment line at the top of each file moves every offset in it, findings and the fixes
    other files carry into it included (IMP003's "export it" fix edits the imported file)."""
    root = copy_fixture("monorepo", tmp_path)
    _cached(root)
    files = sorted(str(p) for p in root.rglob("*.ts") if ".migrationlint_cache" not in p.parts)
    used = 0
    for path in files:
        _edit(Path(path), lambda b: b"// reviewed\n" + b)
        before = len(incremental.RUNS)
        got = _cached(root)
        used += len(incremental.RUNS) - before
        assert _full(got) == _full(_fresh(root)), path
    # a comment changes no signature: every run was incremental, but for a file that is also an input
    # of every run (jest.config.ts names the test runner's setup files: runner_setup.py)
    from migrationlint.cache.run_cache import is_context_name
    assert used == len([f for f in files if not is_context_name(os.path.basename(f))])


def _two_files(root: Path) -> tuple[Path, Path]:
    (root / ".git").mkdir()
    (root / "package.json").write_text(json.dumps({"name": "svc", "version": "1.0.0"}))
    (root / "src").mkdir()
    user, helper = root / "src" / "user.ts", root / "src" / "helper.ts"
    helper.write_text("function helper(): number {\n  return 1;\n}\nexport const unused = 2;\n")
    user.write_text("import { helper } from './helper';\nexport const x = helper();\n")
    return user, helper


def test_a_fix_carried_into_the_edited_file_is_recomputed(tmp_path: Path) -> None:
    user, helper = _two_files(tmp_path)
    first = _cached(tmp_path)
    into_helper = [d for d in first.diagnostics if d.path == str(user) and d.fix
                   and any(e.path == str(helper) for e in d.fix.edits)]
    assert into_helper, "IMP003 offers to export helper() from helper.ts"
    _edit(helper, lambda b: b"/* moved down */\n" + b)
    got = _cached(tmp_path)
    assert incremental.RUNS[-1] == [str(helper), str(user)]
    assert _full(got) == _full(_fresh(tmp_path))
    moved = [e.start for d in got.diagnostics if d.path == str(user) and d.fix for e in d.fix.edits]
    assert moved == [e.start + len(b"/* moved down */\n") for d in into_helper for e in d.fix.edits]


def test_an_edit_that_changes_what_other_files_see_lints_everything(tmp_path: Path) -> None:
    user, helper = _two_files(tmp_path)
    _cached(tmp_path)
    before = len(incremental.RUNS)
    _edit(helper, lambda b: b.replace(b"function helper", b"export function helper"))
    got = _cached(tmp_path)
    assert len(incremental.RUNS) == before  # helper.ts now exports helper: not incremental
    assert _full(got) == _full(_fresh(tmp_path))
    assert not [d for d in got.diagnostics if d.path == str(user)]


def test_a_new_file_or_a_changed_manifest_is_not_incremental(tmp_path: Path) -> None:
    user, helper = _two_files(tmp_path)
    _cached(tmp_path)
    before = len(incremental.RUNS)
    (tmp_path / "src" / "new.ts").write_text("export const y = 1;\n")
    assert _full(_cached(tmp_path)) == _full(_fresh(tmp_path))
    (tmp_path / "package.json").write_text(json.dumps({"name": "svc", "version": "1.0.1"}))
    _edit(user, lambda b: b + b"// edited\n")
    assert _full(_cached(tmp_path)) == _full(_fresh(tmp_path))
    assert len(incremental.RUNS) == before
    _edit(user, lambda b: b + b"// edited again\n")
    assert _full(_cached(tmp_path)) == _full(_fresh(tmp_path))
    assert len(incremental.RUNS) == before + 1
    assert os.path.isdir(tmp_path / ".migrationlint_cache")
