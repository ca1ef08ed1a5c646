"""The facts cache: hits, invalidation (content, version, settings), corruption, overrides."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from migrationlint.cache import facts_cache as cache, run_cache
from migrationlint import extraction, pipeline
from migrationlint.cli import main
from migrationlint.settings import Settings
from tests.helpers import age_tree, record_calls

MIGRATION = """import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrders1700000000000 implements MigrationInterface {
  name = 'CreateOrders1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "orders" ("id" uuid PRIMARY KEY)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "orders"`);
  }
}
"""
BROKEN = MIGRATION.replace("CreateOrders1700000000000", "CreateOrders")
SERVICE = """import { Injectable } from '@nestjs/common';

@Injectable()
export class OrdersService {
  findAll(): string[] {
    return [];
  }
}
"""


def workspace(root: Path) -> dict[str, Path]:
    (root / ".git").mkdir()
    (root / "package.json").write_text(json.dumps({"name": "shop", "private": True}))
    src = root / "src"
    (src / "migrations").mkdir(parents=True)
    files = {
        "migration": src / "migrations" / "1700000000000-CreateOrders.ts",
        "service": src / "orders.service.ts",
    }
    files["migration"].write_text(MIGRATION)
    files["service"].write_text(SERVICE)
    return files


def age(path: Path, seconds: int = 60) -> None:
    """Make a file's mtime old enough for its cache entry to be trusted on stat alone."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


def run(root: Path, settings: Settings | None = None, reuse_runs: bool = False, **kw):
    """Lint `root` with the cache on; the facts-cache tests drop the run results first, so that
    what they observe (which files were parsed) is the facts cache's doing."""
    if not reuse_runs:
        results = root / ".migrationlint_cache" / run_cache.RESULTS
        if results.is_file():
            results.unlink()
    extraction.PARSED.clear()
    result = pipeline.lint([str(root)], settings or Settings(), use_cache=True, **kw)
    return result, sorted(os.path.basename(p) for p in extraction.PARSED)


def messages(result) -> list[tuple[str, str, int]]:
    return [(d.code, os.path.basename(d.path), d.start) for d in result.diagnostics]


@pytest.fixture
def repo(tmp_path: Path) -> dict[str, Path]:
    files = workspace(tmp_path)
    for p in files.values():
        age(p)
    return files


def test_second_run_parses_nothing_and_reports_the_same(tmp_path, repo):
    first, parsed = run(tmp_path)
    assert parsed == ["1700000000000-CreateOrders.ts", "orders.service.ts"]
    second, parsed = run(tmp_path)
    assert parsed == []
    assert messages(second) == messages(first)
    assert (tmp_path / ".migrationlint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_changed_content_is_parsed_again(tmp_path, repo):
    run(tmp_path)
    repo["migration"].write_text(BROKEN)
    result, parsed = run(tmp_path)
    assert parsed == ["1700000000000-CreateOrders.ts"]
    assert "MIG001" in [d.code for d in result.diagnostics]


def test_same_size_rewrite_with_the_same_mtime_is_caught_while_racy(tmp_path, repo):
    path = repo["service"]
    path.write_text(SERVICE)  # mtime "now": the entry is recorded as racy
    run(tmp_path)
    st = path.stat()
    path.write_text(SERVICE.replace("findAll", "findOne"))  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same mtime
    _, parsed = run(tmp_path)
    assert parsed == ["orders.service.ts"]


def test_touch_without_change_is_not_parsed(tmp_path, repo):
    run(tmp_path)
    os.utime(repo["service"])  # new mtime, same bytes: read and hashed, not parsed
    _, parsed = run(tmp_path)
    assert parsed == []


@pytest.mark.parametrize("change", ["version", "records"])
def test_version_change_invalidates(tmp_path, repo, monkeypatch, change):
    run(tmp_path)
    if change == "version":
        monkeypatch.setattr(cache, "__version__", "999.0.0")
    else:
        monkeypatch.setattr(cache, "records_digest", lambda: "edited")  # an edit of the fact records' modules
    _, parsed = run(tmp_path)
    assert len(parsed) == 2
    _, parsed = run(tmp_path)
    assert parsed == []


@pytest.mark.parametrize("target", ["pack", "index"])
def test_corrupt_cache_is_ignored_and_rewritten(tmp_path, repo, target):
    first, _ = run(tmp_path)
    directory = tmp_path / ".migrationlint_cache"
    victim = next(directory.glob("pack-*")) if target == "pack" else directory / "index"
    size = victim.stat().st_size
    victim.write_bytes(b"\x80garbage" * (size // 8 + 1))
    again, parsed = run(tmp_path)
    assert len(parsed) == 2 and messages(again) == messages(first)
    _, parsed = run(tmp_path)
    assert parsed == []


def test_overrides_are_never_read_from_or_written_to_the_cache(tmp_path, repo):
    run(tmp_path)
    path = str(repo["migration"])
    result, parsed = run(tmp_path, overrides={path: BROKEN.encode()})
    assert parsed == ["1700000000000-CreateOrders.ts"]
    assert "MIG001" in [d.code for d in result.diagnostics]
    clean, parsed = run(tmp_path)  # the disk still holds the good migration
    assert parsed == [] and "MIG001" not in [d.code for d in clean.diagnostics]


def test_cache_dir_setting_is_relative_to_the_config(tmp_path, repo):
    (tmp_path / "migrationlint.toml").write_text('cache-dir = "build-cache/ml"\n')
    assert main([str(tmp_path), "--output-format", "concise", "--exit-zero"]) == 0
    assert (tmp_path / "build-cache" / "ml" / "index").is_file()
    assert not (tmp_path / ".migrationlint_cache").exists()


def test_no_cache_flag_writes_nothing(tmp_path, repo):
    assert main([str(tmp_path), "--no-cache", "--output-format", "concise", "--exit-zero"]) == 0
    assert not (tmp_path / ".migrationlint_cache").exists()


def test_unwritable_cache_dir_is_not_an_error(tmp_path, repo):
    (tmp_path / ".migrationlint_cache").write_text("a file where the directory should be")
    result, parsed = run(tmp_path)
    assert len(parsed) == 2 and result.files


# ----------------------------------------------------------------------------- the run-result cache

def reused(result) -> bool:
    """A run served from the run cache loads no facts at all (its Project has none)."""
    return not result.project.files


def full(result) -> list:
    return [(d.code, d.path, d.start, d.end, d.message, d.fix) for d in result.diagnostics]


def test_unchanged_run_reuses_identical_diagnostics_without_loading_facts(tmp_path, repo):
    repo["migration"].write_text(BROKEN)  # something to report (MIG001 with a fix)
    age(repo["migration"])
    first, _ = run(tmp_path, reuse_runs=True)
    assert not reused(first) and "MIG001" in [d.code for d in first.diagnostics]
    second, parsed = run(tmp_path, reuse_runs=True)
    assert reused(second) and parsed == []
    assert full(second) == full(first)
    assert second.files == first.files


def test_changed_linted_file_is_a_miss(tmp_path, repo):
    run(tmp_path, reuse_runs=True)
    repo["migration"].write_text(BROKEN)
    result, parsed = run(tmp_path, reuse_runs=True)
    assert not reused(result) and parsed == ["1700000000000-CreateOrders.ts"]
    assert "MIG001" in [d.code for d in result.diagnostics]


def test_touched_but_identical_file_still_hits(tmp_path, repo):
    run(tmp_path, reuse_runs=True)
    os.utime(repo["service"])  # new mtime, same bytes: content decides
    result, _ = run(tmp_path, reuse_runs=True)
    assert reused(result)


@pytest.mark.parametrize("context", ["manifest", "tsconfig", "new-tsconfig", "lockfile", "Dockerfile", "nest-cli.json",
                                     ".npmrc", "webpack.config.js", "Dockerfile.prod", "rspack.config.js",
                                     "docker-compose.yml", "compose.yaml", "ecosystem.config.js", "modern.config.mjs",
                                     ".yarnrc.yml", "build-output.sh", "prisma/schema.prisma", "cdk.json",
                                     "jest.server.config.js", "Procfile", ".changeset/config.json",
                                     ".releaserc.json", ".github/workflows/release.yml"])
def test_changed_context_file_is_a_miss(tmp_path, repo, context):
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"strict": true}}')
    run(tmp_path, reuse_runs=True)
    assert reused(run(tmp_path, reuse_runs=True)[0])
    if context == "manifest":
        (tmp_path / "package.json").write_text(json.dumps({"name": "shop", "dependencies": {"typeorm": "^0.3.20"}}))
    elif context == "tsconfig":
        (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"baseUrl": "src"}}')
    elif context == "new-tsconfig":
        (tmp_path / "src" / "tsconfig.json").write_text('{"compilerOptions": {}}')
    elif context == "lockfile":
        (tmp_path / "pnpm-lock.yaml").write_text("lockfileVersion: '9.0'\n")
    else:  # files that decide what ships (entry points, bundling) or how packages install
        (tmp_path / context).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / context).write_text({"Dockerfile": 'CMD ["node", "dist/orders.service.js"]\n',
                                         "nest-cli.json": '{"sourceRoot": "src", "entryFile": "orders.service"}\n',
                                         ".npmrc": "legacy-peer-deps=true\n",
                                         "webpack.config.js": "module.exports = { externals: [] };\n",
                                         "Dockerfile.prod": "FROM node:20\nCOPY . .\nRUN npm ci\n",
                                         "rspack.config.js": "module.exports = {};\n",
                                         "docker-compose.yml": "services:\n  api:\n    build: .\n",
                                         "compose.yaml": "services:\n  api:\n    build: .\n",
                                         "ecosystem.config.js": "module.exports = { apps: [{ script: 'dist/main.js' }] };\n",
                                         "modern.config.mjs": "export default { server: { ssr: true } };\n",
                                         ".yarnrc.yml": 'defaultSemverRangePrefix: ""\n',
                                         "build-output.sh": "pnpm install --prod\n",
                                         "prisma/schema.prisma": 'generator client {\n  output = "../node_modules/@x/db"\n}\n',
                                         "cdk.json": '{"app": "npx ts-node bin/app.ts"}\n',
                                         "jest.server.config.js": "module.exports = { moduleNameMapper: { x: '<rootDir>/x.ts' } };\n",
                                         # a platform's start, or a way to publish (what DEP002/DEP005 read)
                                         "Procfile": "web: npm start\n",
                                         ".changeset/config.json": '{"access": "restricted"}\n',
                                         ".releaserc.json": '{"branches": ["main"]}\n',
                                         ".github/workflows/release.yml": "jobs:\n  release:\n    steps:\n      - run: npm publish\n",
                                         }[context])
    result, parsed = run(tmp_path, reuse_runs=True)
    # the facts are still good: only the run is redone; a JavaScript tool config at the package's top is
    # read for its imports (what only it loads is build code: test_support.js_tool_configs)
    js_config = context.endswith((".config.js", ".config.mjs", ".config.cjs"))
    assert not reused(result) and parsed in ([], [context] if js_config else [])


@pytest.mark.parametrize("change", ["settings", "version", "records"])
def test_settings_or_version_change_is_a_miss(tmp_path, repo, monkeypatch, change):
    run(tmp_path, reuse_runs=True)
    settings = Settings()
    if change == "settings":
        settings = Settings(ignore=["MIG005"])
    elif change == "version":
        monkeypatch.setattr(cache, "__version__", "999.0.0")
    else:
        monkeypatch.setattr(cache, "records_digest", lambda: "edited")  # an edit of the fact records' modules
    result, _ = run(tmp_path, settings, reuse_runs=True)
    assert not reused(result)
    assert reused(run(tmp_path, settings, reuse_runs=True)[0])


def test_edited_linter_source_is_a_miss(tmp_path, repo, monkeypatch):
    run(tmp_path, reuse_runs=True)
    monkeypatch.setattr(run_cache, "tool_stamp", lambda: "checks/dependencies.py:1:2")
    assert not reused(run(tmp_path, reuse_runs=True)[0])


def test_a_changed_config_that_a_tsconfig_extends_is_a_miss_wherever_it_lies(tmp_path, repo):
    base = tmp_path / "config" / "base.json"  # no context file by its name, in no linted file's folder
    base.parent.mkdir()
    base.write_text('{"compilerOptions": {"baseUrl": "..", "paths": {"@app/*": ["src/*"]}}}')
    (tmp_path / "tsconfig.json").write_text('{"extends": "./config/base.json"}')
    repo["service"].write_text("import { OrderDto } from '@app/order.dto';\n" + SERVICE.replace(
        "findAll(): string[]", "findAll(): OrderDto[]"))
    (repo["service"].parent / "order.dto.ts").write_text("export class Order {}\n")
    first, _ = run(tmp_path, reuse_runs=True)
    assert "IMP003" in [d.code for d in first.diagnostics]  # the alias resolves: OrderDto is not exported
    assert reused(run(tmp_path, reuse_runs=True)[0])
    base.write_text('{"compilerOptions": {}}')  # the alias is gone
    result, _ = run(tmp_path, reuse_runs=True)
    assert not reused(result)
    assert full(result) == full(pipeline.lint([str(tmp_path)], Settings(), use_cache=False)) != full(first)


def test_file_created_where_an_import_looked_is_a_miss(tmp_path, repo):
    repo["service"].write_text("import { OrderDto } from './order.dto';\n" + SERVICE.replace(
        "findAll(): string[]", "findAll(): OrderDto[]"))
    first, _ = run(tmp_path, reuse_runs=True)
    assert "IMP002" in [d.code for d in first.diagnostics]  # unresolved relative import
    assert reused(run(tmp_path, reuse_runs=True)[0])
    (repo["service"].parent / "order.dto.js").write_text("module.exports = {};\n")  # not a linted file
    result, _ = run(tmp_path, reuse_runs=True)
    assert not reused(result)
    assert "IMP002" not in [d.code for d in result.diagnostics]


def test_changed_file_outside_a_few_files_run_is_a_miss(tmp_path, repo):
    repo["service"].write_text("import { Order } from './order';\n" + SERVICE)
    order = repo["service"].parent / "order.ts"
    order.write_text("export class Order {}\n")
    age(order)
    files = [str(repo["service"])]
    first, _ = run(tmp_path, files=files, reuse_runs=True)
    assert not [d for d in first.diagnostics if d.code.startswith("IMP")]
    assert reused(run(tmp_path, files=files, reuse_runs=True)[0])
    order.write_text("export class Invoice {}\n")  # outside the run, read by the import check
    result, _ = run(tmp_path, files=files, reuse_runs=True)
    assert not reused(result)
    assert "IMP003" in [d.code for d in result.diagnostics]  # Order is no longer exported


def test_corrupt_results_file_is_a_miss_and_rewritten(tmp_path, repo):
    first, _ = run(tmp_path, reuse_runs=True)
    (tmp_path / ".migrationlint_cache" / run_cache.RESULTS).write_bytes(b"\x80garbage")
    again, _ = run(tmp_path, reuse_runs=True)
    assert not reused(again) and full(again) == full(first)
    assert reused(run(tmp_path, reuse_runs=True)[0])


def test_each_stored_run_is_unpickled_only_when_used(tmp_path, repo, monkeypatch):
    """Records are stored one blob each: a lookup unpickles the one it needs, and one damaged
    record is a miss for its own key only."""
    files = [str(repo["service"])]
    first, _ = run(tmp_path, reuse_runs=True)
    run(tmp_path, files=files, reuse_runs=True)  # a second record, for another request
    path = tmp_path / ".migrationlint_cache" / run_cache.RESULTS
    stored = pickle.loads(path.read_bytes())
    assert len(stored) == 2 and all(isinstance(blob, bytes) for _, _, blob in stored.values())
    older_key = next(iter(stored))
    base, tree, _ = stored[older_key]
    stored[older_key] = (base, tree, b"\x80damaged")
    path.write_bytes(pickle.dumps(stored))
    unpickled = []
    real_loads = run_cache.pickle.loads
    monkeypatch.setattr(run_cache.pickle, "loads", lambda blob: unpickled.append(blob) or real_loads(blob))
    again, _ = run(tmp_path, files=files, reuse_runs=True)
    assert reused(again) and len(unpickled) == 1  # the newer record, never the damaged one
    monkeypatch.undo()
    redone, _ = run(tmp_path, reuse_runs=True)  # the damaged record's request
    assert not reused(redone) and full(redone) == full(first)


def test_in_memory_texts_never_use_the_run_cache(tmp_path, repo):
    run(tmp_path, reuse_runs=True)
    path = str(repo["migration"])
    result, _ = run(tmp_path, overrides={path: BROKEN.encode()}, reuse_runs=True)
    assert not reused(result) and "MIG001" in [d.code for d in result.diagnostics]
    clean, _ = run(tmp_path, reuse_runs=True)
    assert reused(clean) and "MIG001" not in [d.code for d in clean.diagnostics]


def test_a_few_files_run_answers_mentions_from_the_cache(tmp_path, repo, monkeypatch):
    """A pre-commit run scans the package for `migrations` (which file holds the DataSource): an
    unchanged file answers from its cache entry, a file changed since is read, and the findings
    are those of a run without the cache."""
    source = tmp_path / "src" / "data-source.ts"
    source.write_text("import { DataSource } from 'typeorm';\n"
                      "export default new DataSource({ type: 'postgres', migrations: ['src/migrations/*.ts'] });\n")
    for p in (*repo.values(), source):
        age(p)
    run(tmp_path)  # fills the facts cache with trusted entries
    (tmp_path / ".migrationlint_cache" / run_cache.RESULTS).unlink()  # the checks run (no tree_subset answer)
    answers: dict[str, bool] = {}  # path -> answered from the cache (else read)
    real = cache.FactsCache.words

    def counting(self, path, st):
        found = real(self, path, st)
        answers[path] = found is not None
        return found

    monkeypatch.setattr(cache.FactsCache, "words", counting)
    named = [str(repo["migration"])]
    cached = pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=True)
    assert answers and all(answers.values())
    fresh = pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=False)
    assert full(cached) == full(fresh)
    repo["service"].write_text(SERVICE + "// migrations\n")  # changed just now: not trusted, read
    answers.clear()
    pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=True)
    assert answers[str(repo["service"])] is False


def test_a_file_the_last_few_files_run_only_scanned_is_an_input(tmp_path, repo):
    """A pre-commit run reads a package file's bytes to learn that it holds no `migrations:`
    option; when that file gains one, the stored result no longer stands."""
    repo["migration"].write_text(MIGRATION + "\nexport function helper(): number {\n  return 1;\n}\n")
    module = tmp_path / "src" / "data-source.ts"
    module.write_text("export const unrelated = 1;\n")
    manifest = tmp_path / "package.json"
    manifest.write_text(json.dumps({"name": "shop", "private": True, "dependencies": {"typeorm": "^0.3.20"}}))
    for p in (*repo.values(), module, manifest):
        age(p)
    named = [str(repo["migration"])]

    def few(use_cache: bool):
        return pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=use_cache)

    assert "MIG006" not in [d.code for d in few(True).diagnostics]
    assert reused(few(True))
    module.write_text("import { DataSource } from 'typeorm';\n"
                      "export default new DataSource({ type: 'postgres', migrations: [__dirname + '/migrations/*.ts'] });\n")
    got = few(True)
    assert full(got) == full(few(False))
    assert "MIG006" in [d.code for d in got.diagnostics]


def test_a_few_files_run_after_a_tree_run_lists_no_package_again(tmp_path, repo, monkeypatch):
    """The packages of the named files are listed from the stored discovery of the tree while it
    holds; a new file in the package is seen (the stored discovery no longer holds)."""
    from migrationlint.model import package_files

    for p in repo.values():
        age(p)
    age_tree(tmp_path, files=False)
    pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    walks = record_calls(monkeypatch, package_files, "_walk")
    named = [str(repo["migration"])]
    cached = pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=True)
    assert walks == []
    assert full(cached) == full(pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=False))
    (tmp_path / "src" / "migrations" / "1700000000001-AddCustomers.ts").write_text(
        MIGRATION.replace("CreateOrders1700000000000", "AddCustomers1700000000001"))
    walks.clear()
    cached = pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=True)
    assert walks == [str(tmp_path)]
    assert full(cached) == full(pipeline.lint(named, Settings(), files=named, report=set(named), use_cache=False))


def test_a_gitignore_created_in_a_listed_folder_is_seen(tmp_path, repo):
    """The stored listing keeps no stamp for a folder's missing `.gitignore` (the folder's own
    stamp vouches for its entries): creating one still changes what the next run lints."""
    generated = tmp_path / "src" / "generated"
    generated.mkdir()
    (generated / "client.ts").write_text("import { missing } from './nowhere';\nexport const client = missing;\n")
    age_tree(tmp_path)
    first = pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    assert any(d.path == str(generated / "client.ts") for d in first.diagnostics)
    (generated / ".gitignore").write_text("*\n")
    cached = pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    assert not any(d.path.startswith(str(generated)) for d in cached.diagnostics)
    assert full(cached) == full(pipeline.lint([str(tmp_path)], Settings(), use_cache=False))


def test_a_write_up_added_beside_a_code_sample_is_seen(tmp_path, repo):
    """Whether a folder is one of write-ups (more Markdown files than code: its samples are compiled
    by nothing, their findings warnings) follows its Markdown files' names: a second README-like
    file makes the next cached run answer as an uncached one, without reading any Markdown text."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "README.md").write_text("# Notes\n")
    (notes / "example.ts").write_text("import { helper } from '../shared/helper';\nexport const e = helper;\n")
    age_tree(tmp_path)
    first = pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    assert [d.severity.value for d in first.diagnostics if d.path == str(notes / "example.ts")] == ["error"]
    (notes / "GUIDE.md").write_text("# Guide\n")
    cached = pipeline.lint([str(tmp_path)], Settings(), use_cache=True)
    assert not reused(cached)
    assert [d.severity.value for d in cached.diagnostics if d.path == str(notes / "example.ts")] == ["warning"]
    assert full(cached) == full(pipeline.lint([str(tmp_path)], Settings(), use_cache=False))
    (notes / "GUIDE.md").write_text("# A longer guide, edited\n")
    assert reused(pipeline.lint([str(tmp_path)], Settings(), use_cache=True))  # only the names count


def test_context_parts_from_the_memo_are_what_listing_and_reading_give(tmp_path):
    """The remembered context (cache/context_memo.py) answers exactly as listing the folders and
    reading the files again: after an edit of the same size, a new file, a removed one, and a new
    node_modules folder."""
    cache_dir = tmp_path / ".migrationlint_cache"
    cache_dir.mkdir()
    pkg = tmp_path / "services" / "orders"
    pkg.mkdir(parents=True)
    (tmp_path / "package.json").write_text('{"name": "root", "private": true}\n')
    (pkg / "package.json").write_text('{"name": "orders", "version": "1.0.0"}\n')
    (pkg / "tsconfig.json").write_text('{"compilerOptions": {"baseUrl": "."}}\n')
    age_tree(tmp_path)
    dirs = [str(tmp_path), str(pkg)]

    def agree() -> None:
        assert run_cache.context_parts(dirs, str(cache_dir)) == run_cache.context_parts(dirs)

    agree()
    agree()  # now from the memo
    (pkg / "package.json").write_text('{"name": "orders", "version": "2.0.0"}\n')  # same size
    agree()
    (pkg / ".npmrc").write_text("node-linker=hoisted\n")
    agree()
    (pkg / "tsconfig.json").unlink()
    agree()
    (pkg / "node_modules").mkdir()
    agree()
    assert any(p.endswith("node_modules:" + str((pkg / "node_modules").stat().st_mtime_ns))
               for p in run_cache.context_parts(dirs, str(cache_dir)))


def test_the_key_reads_the_fact_records_text_without_importing_it(tmp_path):
    """A FACTS_VERSION bump or a field added to a record is an edit of these modules' text: a new
    digest, a new key. Read, not imported: a run answered from its caches imports no records."""
    for name in cache.RECORD_MODULES:
        shutil.copy(os.path.join(cache.EXTRACT_DIR, f"{name}.py"), tmp_path)
    before = cache.records_digest(str(tmp_path))
    assert before == cache.records_digest(cache.EXTRACT_DIR)
    from migrationlint.extract.records import FACTS_VERSION

    records = tmp_path / "records.py"
    bump = f"FACTS_VERSION = {FACTS_VERSION}\n"
    assert bump in records.read_text()  # the version lives in a digested module
    records.write_text(records.read_text().replace(bump, f"FACTS_VERSION = {FACTS_VERSION + 1}\n"))
    cache.records_digest.cache_clear()
    assert cache.records_digest(str(tmp_path)) != before
    code = ("import sys; from migrationlint.cache import facts_cache; facts_cache.cache_key(); "
            "print('migrationlint.extract.records' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() == ["False"]
