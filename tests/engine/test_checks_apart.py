"""A large run checks the import rules in a second process and shares the packages of the DEP
rules with it (checks_apart.py): the findings are a single process's, in the same order, and what
the child's checks read and walked stays an input of the stored run (a change there is seen by the
next run with the cache)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from migrationlint import checks_apart, pipeline
from migrationlint.cache import reach_cache
from migrationlint.checks import dependencies
from migrationlint.fix_relint import Relinter
from migrationlint.model.resolve import resolver_for
from migrationlint.settings import Settings
from tests.helpers import record_calls


def _findings(result) -> list[tuple]:
    return [(d.code, d.path, d.start, d.end, d.message, d.fix) for d in result.diagnostics]


def _large_service(root: Path) -> Path:
    """A service with enough files to split, and a type-only import of a git-ignored generated
    module (context, not linted) that only the import rules resolve and read."""
    (root / ".git").mkdir()
    (root / ".gitignore").write_text("generated/\n")
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
    split = pipeline.lint([str(root)], Settings(), use_cache=False)
    assert splits, "the run was large enough to split"
    single = pipeline.lint([str(root)], Settings(), use_cache=False, jobs=1)
    assert len(splits) == 1  # --jobs 1: one process
    assert _findings(split) == _findings(single)
    assert {d.code for d in split.diagnostics} >= {"IMP003"}


@pytest.mark.parametrize("change", ["context file", "created candidate"])
def test_what_the_child_read_is_an_input_of_the_stored_run(tmp_path: Path, splits: list[int], change: str) -> None:
    root = _large_service(tmp_path)
    first = pipeline.lint([str(root)], Settings(), use_cache=True)
    assert splits and any(d.code == "IMP003" for d in first.diagnostics)
    if change == "context file":  # only the import rules read the generated module's exports
        (root / "generated" / "types" / "index.ts").write_text("export interface Foo { a: number }\n")
    else:  # `../generated/types` now names types.ts, found before the folder's index.ts
        (root / "generated" / "types.ts").write_text("export interface Foo { a: number }\n")
    cached = pipeline.lint([str(root)], Settings(), use_cache=True)
    fresh = pipeline.lint([str(root)], Settings(), use_cache=False)
    assert _findings(cached) == _findings(fresh)
    assert _findings(fresh) != _findings(first)


def test_a_child_that_fails_leaves_the_families_to_the_parent(tmp_path: Path, monkeypatch) -> None:
    root = _large_service(tmp_path)
    expected = _findings(pipeline.lint([str(root)], Settings(), use_cache=False, jobs=1))
    def failing(*args):
        raise MemoryError  # in the child: it exits without sending anything

    monkeypatch.setattr(checks_apart, "_checked_apart", failing)
    assert _findings(pipeline.lint([str(root)], Settings(), use_cache=False)) == expected


def test_a_run_already_holding_much_memory_stays_in_one_process(tmp_path: Path, splits: list[int],
                                                                 monkeypatch) -> None:
    """The child would copy what it reads (reference counts): past MAX_PARENT_MB, no fork."""
    root = _large_service(tmp_path)
    monkeypatch.setattr(checks_apart, "MAX_PARENT_MB", 1)
    pipeline.lint([str(root)], Settings(), use_cache=False)
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

    def reading_a_config(project, store, *rest):
        resolver_for(project).tsconfigs.config(str(extra))
        return real(project, store, *rest)

    monkeypatch.setattr(checks_apart, "_checked_apart", reading_a_config)
    pipeline.lint([str(root)], Settings(), use_cache=True)
    assert splits
    splits.clear()
    pipeline.lint([str(root)], Settings(), use_cache=True)
    assert splits == [], "unchanged: the stored run answers"
    extra.write_text('{"compilerOptions": {"strict": false}}')
    splits.clear()
    pipeline.lint([str(root)], Settings(), use_cache=True)
    assert splits, "the stored run no longer holds: the checks ran again"


def test_a_fix_pass_over_a_large_run_splits_and_reports_what_one_process_reports(tmp_path: Path,
                                                                                 splits: list[int]) -> None:
    """The fix loop's re-lint after a pass that edited a manifest checks every file again: on a
    large run, in two processes, with the findings of a fresh single-process lint of those texts."""
    root = _large_service(tmp_path)
    first = pipeline.lint([str(root)], Settings(), use_cache=False)
    manifest = str(root / "package.json")
    undeclared = json.loads((root / "package.json").read_text())
    undeclared["dependencies"] = {}
    texts = {manifest: json.dumps(undeclared).encode()}
    splits.clear()
    relinted = Relinter([str(root)], Settings(), first)(texts)
    assert splits == [len(first.files)]
    fresh = pipeline.lint([str(root)], Settings(), use_cache=False, jobs=1, overrides=texts, files=first.files)
    assert _findings(relinted) == _findings(fresh)
    assert "DEP001" in {d.code for d in relinted.diagnostics}


# ----------------------------------------------------------------------------- the DEP packages, shared

def _workspace_of_services(root: Path, services: int = 6, files: int = 30) -> Path:
    """A workspace of services, each with its own DEP findings: an undeclared import in shipping
    code (DEP001, fix to dependencies), a devDependency loaded in production (DEP002), and a test
    that imports the undeclared package too (the fix's section is decided within the package)."""
    (root / ".git").mkdir(parents=True)
    (root / "package.json").write_text(json.dumps({"name": "ws", "private": True, "workspaces": ["services/*"],
                                                   "devDependencies": {"typescript": "^5.4.0"}}))
    for s in range(services):
        svc = root / "services" / f"svc{s}"
        (svc / "src").mkdir(parents=True)
        (svc / "package.json").write_text(json.dumps({
            "name": f"svc{s}", "version": "1.0.0", "main": "dist/main.js", "scripts": {"start": "node dist/main.js"},
            "dependencies": {"lodash": "^4.17.21"}, "devDependencies": {"dayjs": "^1.11.0"}}))
        (svc / "src" / "main.ts").write_text(
            "import { get } from 'lodash';\nimport dayjs from 'dayjs';\nimport { v0 } from './f0';\n"
            f"import {{ Queue }} from 'bullmq{s % 2}';\nexport const main = () => [get, dayjs(), v0, Queue];\n")
        (svc / "src" / "main.spec.ts").write_text(f"import {{ Queue }} from 'bullmq{s % 2}';\nexport const q = Queue;\n")
        for i in range(files):
            nxt = (f"import {{ v{i + 1} }} from './f{i + 1}';\n", f" + v{i + 1}") if i + 1 < files else ("", "")
            (svc / "src" / f"f{i}.ts").write_text(f"{nxt[0]}export const v{i} = {i}{nxt[1]};\n")
    return root


@pytest.fixture
def both_sides(monkeypatch, tmp_path: Path):
    """The pid that checked each DEP package, written to a file (the child's memory does not come
    back). The parent waits a little after each package, so the child takes some too."""
    parent, log = os.getpid(), tmp_path / "sides.log"
    real = dependencies.PackageParts.check

    def recording(self, index):
        found = real(self, index)
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()} {index}\n")
        if os.getpid() == parent:
            import time

            time.sleep(0.2)
        return found

    monkeypatch.setattr(dependencies.PackageParts, "check", recording)
    return lambda: [tuple(map(int, line.split())) for line in log.read_text().splitlines()] if log.exists() else []


def test_both_processes_check_dep_packages_and_report_what_one_process_reports(tmp_path: Path, splits: list[int],
                                                                               both_sides) -> None:
    root = _workspace_of_services(tmp_path / "repo")
    split = pipeline.lint([str(root)], Settings(), use_cache=False)
    assert splits
    checked = both_sides()
    assert len({pid for pid, _ in checked}) == 2, "both processes took packages"
    assert sorted(index for _, index in checked) == list(range(6)), "each package once"
    (tmp_path / "sides.log").unlink()
    single = pipeline.lint([str(root)], Settings(), use_cache=False, jobs=1)
    assert _findings(split) == _findings(single)
    codes = [d.code for d in single.diagnostics]
    assert codes.count("DEP001") == 12 and codes.count("DEP002") == 6


def test_a_dep_package_that_fails_reports_as_one_process_does(tmp_path: Path, splits: list[int],
                                                               monkeypatch) -> None:
    """A bug in one package's checks: in either process, the family is checked again whole, and
    the run reports the one INT001 a single process reports (the other families' findings stand)."""
    root = _workspace_of_services(tmp_path / "repo")
    real = dependencies.PackageParts.check

    def failing(self, index):
        if any(path.endswith("svc3/src/main.ts") for path, _ in self.parts[index]):
            raise RuntimeError("boom")
        return real(self, index)

    monkeypatch.setattr(dependencies.PackageParts, "check", failing)
    split = pipeline.lint([str(root)], Settings(), use_cache=False)
    assert splits
    single = pipeline.lint([str(root)], Settings(), use_cache=False, jobs=1)
    assert _findings(split) == _findings(single)
    assert [d.code for d in split.diagnostics if d.code.startswith(("DEP", "INT"))] == ["INT001"]


def test_the_packages_the_child_walked_are_stored_for_the_next_run(tmp_path: Path, splits: list[int],
                                                                   both_sides) -> None:
    """What ships in the packages the child checked comes back: the reach cache stores every
    package, as after one process."""
    root = _workspace_of_services(tmp_path / "repo")
    pipeline.lint([str(root)], Settings(), use_cache=True)
    assert splits and len({pid for pid, _ in both_sides()}) == 2
    stored = reach_cache._load(str(root / ".migrationlint_cache"))
    assert stored is not None
    assert sorted(os.path.basename(os.path.dirname(m)) for m in stored.packages) == [f"svc{s}" for s in range(6)]
    assert all(any(f.endswith("f29.ts") for f in p.found) for p in stored.packages.values())
