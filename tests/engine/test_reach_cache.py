"""What ships, carried between runs (cache/reach_cache.py): a run after an edit that keeps every
file's imports does not walk the package again, and every other change is seen exactly as a run
without the cache sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.model.shipping import Shipping
from migrationlint.settings import Settings
from tests.helpers import age_tree, record_calls


def _service(root: Path) -> dict[str, Path]:
    (root / ".git").mkdir()
    (root / "package.json").write_text(json.dumps({"name": "svc", "version": "1.0.0", "main": "dist/main.js",
                                                   "dependencies": {"@nestjs/core": "^10.0.0"},
                                                   "devDependencies": {"lodash": "^4.17.21"}}))
    (root / "tsconfig.json").write_text(json.dumps({"compilerOptions": {"rootDir": "src", "outDir": "dist"}}))
    (root / "src").mkdir()
    # b is a test helper by its name: it ships only when an entry point reaches it
    files = {"main": root / "src" / "main.ts", "a": root / "src" / "a.ts", "b": root / "src" / "b.spec.ts"}
    files["main"].write_text("import { NestFactory } from '@nestjs/core';\nimport { a } from './a';\n"
                             "export const app = NestFactory.create(a);\n")
    files["a"].write_text("export const a = 1;\n")
    files["b"].write_text("import { get } from 'lodash';\nexport const b = get({}, 'x');\n")
    age_tree(root, dirs=False)
    return files


@pytest.fixture
def walks(monkeypatch) -> list[str]:
    """The packages whose reachability a run computed (not carried)."""
    return record_calls(monkeypatch, Shipping, "_walk", lambda model, manifest: manifest.path)


def _key(result) -> list[tuple]:
    return [(d.code, d.path, d.start, d.message, d.fix) for d in result.diagnostics]


def _named(path: Path, use_cache: bool = True):
    return pipeline.lint([str(path)], Settings(), files=[str(path)], report={str(path)}, use_cache=use_cache)


def test_an_edit_that_keeps_the_imports_reuses_what_ships(tmp_path: Path, walks: list[str]) -> None:
    files = _service(tmp_path)
    pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    assert walks == [str(tmp_path / "package.json")]
    files["a"].write_text("export const a = 2; // the value changed, the imports did not\n")
    walks.clear()
    got = _named(files["b"])
    assert walks == []
    assert _key(got) == _key(_named(files["b"], use_cache=False))


def test_a_new_value_import_makes_a_file_ship(tmp_path: Path, walks: list[str]) -> None:
    files = _service(tmp_path)
    pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    assert "DEP002" not in [d.code for d in _named(files["b"]).diagnostics]  # b.ts does not ship yet
    files["a"].write_text("import { b } from './b.spec';\nexport const a = b;\n")
    walks.clear()
    got = _named(files["b"])
    assert walks == [str(tmp_path / "package.json")]
    assert _key(got) == _key(_named(files["b"], use_cache=False))
    assert "DEP002" in [d.code for d in got.diagnostics]


@pytest.mark.parametrize("change", ["entry", "new-file", "tsconfig", "extended-config"])
def test_changed_entries_files_or_resolution_walk_again(tmp_path: Path, walks: list[str], change: str) -> None:
    files = _service(tmp_path)
    base = tmp_path / "config" / "base.json"  # no context file by its name, in no package folder
    if change == "extended-config":
        base.parent.mkdir()
        base.write_text((tmp_path / "tsconfig.json").read_text().replace('"src"', '"../src"').replace('"dist"', '"../dist"'))
        (tmp_path / "tsconfig.json").write_text(json.dumps({"extends": "./config/base.json"}))
    pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    if change == "entry":  # b.ts becomes the entry point
        manifest = json.loads((tmp_path / "package.json").read_text())
        (tmp_path / "package.json").write_text(json.dumps({**manifest, "main": "dist/b.spec.js"}))
    elif change == "new-file":
        (tmp_path / "src" / "c.ts").write_text("export const c = 3;\n")
    elif change == "tsconfig":
        (tmp_path / "tsconfig.json").write_text(json.dumps({"compilerOptions": {"rootDir": "src", "outDir": "lib"}}))
    else:
        base.write_text(json.dumps({"compilerOptions": {"rootDir": "../src", "outDir": "../lib"}}))
    walks.clear()
    got = _named(files["b"])
    assert walks == [str(tmp_path / "package.json")]
    assert _key(got) == _key(_named(files["b"], use_cache=False))


def test_a_fix_after_a_run_that_carried_what_ships(tmp_path: Path) -> None:
    """The fix loop compares the first run's reachability with its passes' facts: carried records
    (digest and key, no facts) compare like facts do (this crashed once)."""
    from tests.engine.test_cache import BROKEN

    _service(tmp_path)
    migration = tmp_path / "src" / "migrations" / "1700000000000-CreateOrders.ts"
    migration.parent.mkdir()
    migration.write_text(BROKEN)  # MIG001, fixed in the source: the fix loop carries what ships
    (tmp_path / "src" / "data-source.ts").write_text(
        "import { DataSource } from 'typeorm';\n"
        "export default new DataSource({ type: 'postgres', migrations: [__dirname + '/migrations/*.ts'] });\n")
    age_tree(tmp_path, dirs=False)
    pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    main = tmp_path / "src" / "main.ts"
    # a new export: every file is checked again (not incremental), and what ships is carried
    main.write_text(main.read_text() + "export const extra = 1;\n")
    first = pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    cached = pipeline.fix([str(tmp_path)], Settings(), first=first, use_cache=True)
    fresh = pipeline.fix([str(tmp_path)], Settings(), use_cache=False)
    assert cached.texts == fresh.texts and str(migration) in cached.texts


def test_a_run_over_one_package_checks_only_the_packages_it_needs(tmp_path: Path, walks: list[str],
                                                                  monkeypatch) -> None:
    """Stored packages are checked when first needed: a run over a file of one service neither
    checks nor walks the other service, whose record no longer holds."""
    from migrationlint.cache import reach_cache

    (tmp_path / "package.json").write_text(json.dumps({"name": "root", "private": True,
                                                       "workspaces": ["services/*"]}))
    one, two = tmp_path / "services" / "one", tmp_path / "services" / "two"
    one.mkdir(parents=True)
    two.mkdir(parents=True)
    files_one = _service(one)
    files_two = _service(two)
    (one / ".git").rename(tmp_path / ".git")  # one repository: the root is the workspace
    (two / ".git").rmdir()
    age_tree(tmp_path, dirs=False)
    pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    files_two["a"].write_text("import { b } from './b.spec';\nexport const a = b;\n")  # two's record fails
    checked = record_calls(monkeypatch, reach_cache, "_holds", lambda project, cache, manifest_path, reach: manifest_path)
    walks.clear()
    got = pipeline.lint([str(files_one["b"])], Settings(), files=[str(files_one["b"])], report={str(files_one["b"])},
                        use_cache=True)
    assert checked == [str(one / "package.json")] and walks == []
    assert _key(got) == _key(_named(files_one["b"], use_cache=False))
    walks.clear()
    _named(files_two["b"])
    assert walks == [str(two / "package.json")]  # checked when needed, and walked again
