"""Paths resolution looked for and did not find are inputs of stored results: a file created where
resolution looks first changes what an import names, and a run with the cache must see it."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.cache import absent_paths
from migrationlint.settings import Settings


def _findings(result) -> list[tuple]:
    return [(d.code, d.path, d.start, d.message) for d in result.diagnostics]


def _service(root: Path) -> Path:
    """`./x` resolves to x/index.ts, which lacks the imported name (IMP003), until an `x.js`
    (no linted file, in no package listing) appears beside the folder and takes precedence."""
    (root / ".git").mkdir()
    (root / "package.json").write_text(json.dumps({"name": "svc", "version": "1.0.0"}))
    (root / "src" / "x").mkdir(parents=True)
    (root / "src" / "x" / "index.ts").write_text("export const bar = 1;\n")
    user = root / "src" / "a.ts"
    user.write_text("import { foo } from './x';\nexport const y = foo;\n")
    return user


@pytest.mark.parametrize("named", [False, True], ids=["tree run", "named-file run"])
def test_a_file_created_before_the_resolved_candidate_is_seen(tmp_path: Path, named: bool) -> None:
    user = _service(tmp_path)

    def run(cache: bool):
        if named:
            return pipeline.lint([str(user)], Settings(), use_cache=cache)
        return pipeline.lint([str(tmp_path)], Settings(), use_cache=cache)

    first = run(True)
    assert [c for c, *_ in _findings(first)] == ["IMP003"]
    assert _findings(run(True)) == _findings(first)  # the stored result, unchanged inputs
    (tmp_path / "src" / "x.js").write_text("export const foo = 1;\n")
    fresh = run(False)
    assert _findings(fresh) == []  # `./x` is x.js now
    assert _findings(run(True)) == _findings(fresh)


def _old(path: Path) -> None:
    """Set `path`'s mtime well before now, so that its stamp vouches (not racy)."""
    past = time.time() - 60
    os.utime(path, (past, past))


def test_remember_and_still_absent(tmp_path: Path) -> None:
    (tmp_path / "a.ts").write_text("")
    _old(tmp_path)
    missing = [str(tmp_path / "b.ts"), str(tmp_path / "b.d.ts"), str(tmp_path / "gone" / "index.ts")]
    record = absent_paths.remember(missing)
    assert record is not None and record[str(tmp_path)][0] != absent_paths.RECHECK
    assert absent_paths.still_absent(record)
    (tmp_path / "other.ts").write_text("")  # the folder changed, the names are still absent
    assert absent_paths.still_absent(record)
    (tmp_path / "b.d.ts").mkdir()  # a folder is no file
    assert absent_paths.still_absent(record)
    (tmp_path / "gone").mkdir()
    (tmp_path / "gone" / "index.ts").write_text("")
    assert not absent_paths.still_absent(record)
    assert absent_paths.remember(missing) is None  # one is a file now: nothing to vouch for


def test_a_fresh_folder_is_tested_by_its_names(tmp_path: Path) -> None:
    """A folder changed within the timestamp tick cannot vouch by its mtime: a file created in
    the same tick would keep it."""
    record = absent_paths.remember([str(tmp_path / "b.ts")])
    assert record is not None and record[str(tmp_path)][0] == absent_paths.RECHECK
    st = os.stat(tmp_path)
    (tmp_path / "b.ts").write_text("")
    os.utime(tmp_path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the same mtime, as within one tick
    assert not absent_paths.still_absent(record)


def test_merged_keeps_both_and_retests_a_folder_stamped_twice(tmp_path: Path) -> None:
    _old(tmp_path)
    first = absent_paths.remember([str(tmp_path / "a.ts")])
    (tmp_path / "new.ts").write_text("")
    _old(tmp_path)
    os.utime(tmp_path, (time.time() - 30, time.time() - 30))
    second = absent_paths.remember([str(tmp_path / "b.ts")])
    both = absent_paths.merged(first, second)
    assert both[str(tmp_path)] == (absent_paths.RECHECK, ("a.ts", "b.ts"))
    assert absent_paths.still_absent(both)
    (tmp_path / "a.ts").write_text("")
    assert not absent_paths.still_absent(both)
