"""The facts cache: hits, invalidation (content, version, settings), corruption, overrides."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from migrationlint import cache, extraction, pipeline
from migrationlint.cli import main
from migrationlint.config import Settings

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


def run(root: Path, settings: Settings | None = None, **kw):
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


@pytest.mark.parametrize("change", ["version", "facts_version", "settings"])
def test_version_or_settings_change_invalidates(tmp_path, repo, monkeypatch, change):
    run(tmp_path)
    if change == "version":
        monkeypatch.setattr(cache, "__version__", "999.0.0")
    elif change == "facts_version":
        monkeypatch.setattr(cache, "FACTS_VERSION", 10_000)
    else:
        monkeypatch.setattr(Settings, "extraction_key", lambda self: "something-else")
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
