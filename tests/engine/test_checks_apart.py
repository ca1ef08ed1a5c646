"""A large run checks the import rules in a second process (checks_apart.py): the findings are a
single process's, in the same order, and what the child's checks read stays an input of the
stored run (a change there is seen by the next run with the cache)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrationlint import checks_apart, pipeline
from migrationlint.fix_relint import Relinter
from migrationlint.model.resolve import resolver_for
from migrationlint.settings import Settings
from tests.helpers import record_calls


def _findings(result) -> list[tuple]:
    return [(d.code, d.path, d.start, d.end, d.message, d.fix) for d in result.diagnostics]


EXCLUDED = ["generated/"]


def _large_service(root: Path) -> Path:
    """A service with enough files to split, and a type-only import of a module the configuration
    excludes (context, not linted) that only the import rules resolve and read. (A git-ignored one is
    what a build writes: its exports are not read at all.)"""
    (root / ".git").mkdir()
    (root / "package.json").write_text(json.dumps({"name": "svc", "version": "1.0.0", "main": "dist/main.js",
                                                   "dependencies": {"lodash": "^4.17.21"}}))
    src = root / "src"
    src.mkdir()
    (root / "generated" / "types").mkdir(parents=True)
    (root / "generated" / "types" / "index.ts").write_text("export interface Bar { a: number }\n")
    (src / "main.ts").write_text("import { get } from 'lodash';\nimport type { Foo } from '../generated/types';\n"
                                 "export const main = (f: Foo) => get(f, 'a');\n")
    for i in range(checks_apart.MIN_FILES + 10):
        (src / f"f{i}.ts").write_text(f"import {{ main }} from './main';\nexport const v{i} = main;\n")
    return root


@pytest.fixture
def splits(monkeypatch) -> list[int]:
    """The file counts of the runs that split. The memory bound is lifted: the test process's peak
    (everything the suite ran before) is no measure of these small runs (the bound's own test sets it)."""
    monkeypatch.setattr(checks_apart, "MAX_PARENT_MB", 1 << 20)
    return record_calls(monkeypatch, checks_apart, "run_checks_split", lambda project, store: len(project.files))


def test_the_split_run_reports_what_one_process_reports(tmp_path: Path, splits: list[int]) -> None:
    root = _large_service(tmp_path)
    split = pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False)
    assert splits, "the run was large enough to split"
    single = pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False, jobs=1)
    assert len(splits) == 1  # --jobs 1: one process
    assert _findings(split) == _findings(single)
    assert {d.code for d in split.diagnostics} >= {"IMP003"}


@pytest.mark.parametrize("change", ["context file", "created candidate"])
def test_what_the_child_read_is_an_input_of_the_stored_run(tmp_path: Path, splits: list[int], change: str) -> None:
    root = _large_service(tmp_path)
    first = pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=True)
    assert splits and any(d.code == "IMP003" for d in first.diagnostics)
    if change == "context file":  # only the import rules read the generated module's exports
        (root / "generated" / "types" / "index.ts").write_text("export interface Foo { a: number }\n")
    else:  # `../generated/types` now names types.ts, found before the folder's index.ts
        (root / "generated" / "types.ts").write_text("export interface Foo { a: number }\n")
    cached = pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=True)
    fresh = pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False)
    assert _findings(cached) == _findings(fresh)
    assert _findings(fresh) != _findings(first)


def test_a_child_that_fails_leaves_the_families_to_the_parent(tmp_path: Path, monkeypatch) -> None:
    root = _large_service(tmp_path)
    expected = _findings(pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False, jobs=1))
    def failing(*args):
        raise MemoryError  # in the child: it exits without sending anything

    monkeypatch.setattr(checks_apart, "_checked_apart", failing)
    assert _findings(pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False)) == expected


def test_a_run_already_holding_much_memory_stays_in_one_process(tmp_path: Path, splits: list[int],
                                                                 monkeypatch) -> None:
    """The child would copy what it reads (reference counts): past MAX_PARENT_MB, no fork."""
    root = _large_service(tmp_path)
    monkeypatch.setattr(checks_apart, "MAX_PARENT_MB", 1)
    pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False)
    assert splits == []


def test_a_config_only_the_child_read_is_an_input_of_the_stored_run(tmp_path: Path, splits: list[int],
                                                                   monkeypatch) -> None:
    """A tsconfig the child's checks read and the parent never did (here read on purpose in the
    child) comes back with the findings: editing it makes the stored run a miss."""
    root = _large_service(tmp_path)
    extra = root / "tools" / "tsconfig.tools.json"
    extra.parent.mkdir()
    extra.write_text('{"compilerOptions": {"strict": true}}')
    real = checks_apart._checked_apart

    def reading_a_config(project, store, apart):
        resolver_for(project).tsconfigs.config(str(extra))
        return real(project, store, apart)

    monkeypatch.setattr(checks_apart, "_checked_apart", reading_a_config)
    pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=True)
    assert splits
    splits.clear()
    pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=True)
    assert splits == [], "unchanged: the stored run answers"
    extra.write_text('{"compilerOptions": {"strict": false}}')
    splits.clear()
    pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=True)
    assert splits, "the stored run no longer holds: the checks ran again"


def test_a_fix_pass_over_a_large_run_splits_and_reports_what_one_process_reports(tmp_path: Path,
                                                                                 splits: list[int]) -> None:
    """The fix loop's re-lint after a pass that edited a manifest checks every file again: on a
    large run, in two processes, with the findings of a fresh single-process lint of those texts."""
    root = _large_service(tmp_path)
    first = pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False)
    manifest = str(root / "package.json")
    undeclared = json.loads((root / "package.json").read_text())
    undeclared["dependencies"] = {}
    texts = {manifest: json.dumps(undeclared).encode()}
    splits.clear()
    relinted = Relinter([str(root)], Settings(exclude=EXCLUDED), first)(texts)
    assert splits == [len(first.files)]
    fresh = pipeline.lint([str(root)], Settings(exclude=EXCLUDED), use_cache=False, jobs=1, overrides=texts, files=first.files)
    assert _findings(relinted) == _findings(fresh)
    assert "DEP001" in {d.code for d in relinted.diagnostics}
