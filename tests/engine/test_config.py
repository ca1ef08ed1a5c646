"""Configuration: discovery, validation (exit 2 with file and key), selection, per-file ignores."""

from __future__ import annotations

import os

import json

from tests.helpers import cli, codes, migration, workspace

BAD = "src/migrations/1695682464-FinanceServiceInitial.ts"


def test_unknown_key_exits_2_naming_key_and_file(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    (tmp_path / "migrationlint.toml").write_text('selekt = ["MIG"]\n')
    r = cli(str(tmp_path))
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "migrationlint.toml" in err and "'selekt'" in err and "allowed keys" in err


def test_bad_value_exits_2_with_what_is_allowed(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    (tmp_path / "migrationlint.toml").write_text('hoisting = "sometimes"\n')
    r = cli(str(tmp_path))
    assert r.returncode == 2 and "'hoisting'" in r.stderr.decode() and "'test-files'" in r.stderr.decode()


def test_unknown_rule_code_exits_2(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    r = cli("--select", "XYZ123", str(tmp_path))
    assert r.returncode == 2 and "XYZ123" in r.stderr.decode()


def test_invalid_toml_exits_2(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    (tmp_path / "migrationlint.toml").write_text("ignore = [\n")
    r = cli(str(tmp_path))
    assert r.returncode == 2 and "invalid TOML" in r.stderr.decode()


def test_missing_path_exits_2_naming_it(tmp_path):
    r = cli(str(tmp_path / "nope"))
    assert r.returncode == 2 and "nope" in r.stderr.decode()


def test_ignore_and_select_in_toml(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    assert codes(tmp_path) == ["MIG001"]
    (tmp_path / "migrationlint.toml").write_text('ignore = ["MIG00"]\n')
    r = cli(str(tmp_path))
    assert r.returncode == 0, r.stdout


def test_package_json_section_and_closest_wins(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    data = json.loads((tmp_path / "package.json").read_text())
    data["migrationlint"] = {"ignore": ["MIG001"]}
    (tmp_path / "package.json").write_text(json.dumps(data))
    assert cli(str(tmp_path)).returncode == 0
    (tmp_path / "src" / "migrationlint.toml").write_text("select = [\"MIG\"]\n")
    assert cli(str(tmp_path / "src")).returncode == 1


def test_per_file_ignores_and_exclude(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    (tmp_path / "migrationlint.toml").write_text('[per-file-ignores]\n"src/migrations/*.ts" = ["MIG001"]\n')
    assert cli(str(tmp_path)).returncode == 0
    (tmp_path / "migrationlint.toml").write_text('exclude = ["src/migrations/"]\n')
    r = cli(str(tmp_path))
    assert r.returncode == 3 and b"No TypeScript files found" in r.stderr  # everything excluded


def test_migrations_globs_make_a_directory_a_migration_dir(tmp_path):
    workspace(tmp_path, {"src/db/changes/1695682464-A.ts": migration("A1695682464")})
    assert codes(tmp_path) == []
    assert codes(tmp_path, migrations=["src/db/changes/*.ts"]) == ["MIG001"]


def test_gitignore_at_every_level_and_always_skipped_dirs(tmp_path):
    workspace(tmp_path, {
        "src/migrations/1695682464-A.ts": migration("A1695682464"),
        "src/generated/migrations/1695682464-B.ts": migration("B1695682464"),
        "node_modules/pkg/migrations/1695682464-C.ts": migration("C1695682464"),
        "dist/migrations/1695682464-D.ts": migration("D1695682464"),
    })
    (tmp_path / "src" / ".gitignore").write_text("generated/\n")
    r = cli("--output-format", "concise", str(tmp_path), cwd=tmp_path)
    lines = r.stdout.decode().splitlines()
    assert [line.split(":")[0] for line in lines] == ["src/migrations/1695682464-A.ts"]
    # a file named explicitly always counts
    r = cli("--output-format", "concise", "src/generated/migrations/1695682464-B.ts", cwd=tmp_path)
    assert r.returncode == 1 and "MIG001" in r.stdout.decode()


def test_a_build_folder_inside_src_is_source(tmp_path):
    """`dist`, `build` and `coverage` are build output at a package's top, but below `src` they name
    source modules (a CLI's `src/build/`, a Nest service's `src/core/build/` feature, 30 files a real
    service never had linted): walked, by the tree's walk and by a package's listing alike."""
    from migrationlint.model.discovery import discover
    from migrationlint.model.package_files import package_files

    workspace(tmp_path, {
        "src/migrations/1695682464-A.ts": migration("A1695682464"),
        "src/core/build/migrations/1695682464-B.ts": migration("B1695682464"),
        "build/migrations/1695682464-C.ts": migration("C1695682464"),
        "packages/x/dist/migrations/1695682464-D.ts": migration("D1695682464"),
    })
    r = cli("--output-format", "concise", str(tmp_path), cwd=tmp_path)
    assert sorted(line.split(":")[0] for line in r.stdout.decode().splitlines()) == [
        "src/core/build/migrations/1695682464-B.ts", "src/migrations/1695682464-A.ts"]
    rel = {os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)]).files}
    assert "src/core/build/migrations/1695682464-B.ts" in rel and "build/migrations/1695682464-C.ts" not in rel
    listed = {os.path.relpath(p, tmp_path) for p in package_files(str(tmp_path))}
    assert listed == rel


def test_lower_case_codes_in_toml_select_like_the_command_line(tmp_path):
    """One code matcher: `select = ["mig"]` in the toml is what `--select mig` is (it exited 2)."""
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    assert cli("--select", "mig", str(tmp_path)).returncode == 1
    (tmp_path / "migrationlint.toml").write_text('select = ["mig"]\n')
    r = cli(str(tmp_path))
    assert r.returncode == 1, r.stderr
    (tmp_path / "migrationlint.toml").write_text('select = ["mig"]\n[per-file-ignores]\n"src/migrations/*.ts" = ["mig00"]\n')
    r = cli(str(tmp_path))
    assert r.returncode == 0, (r.stdout, r.stderr)


def test_code_matches_is_case_insensitive_prefix_and_all():
    from migrationlint.catalog import code_matches, is_known_pattern

    assert code_matches("MIG001", "mig") and code_matches("MIG001", "MIG001", exact=True)
    assert not code_matches("MIG001", "mig", exact=True) and not code_matches("MIG001", "DEP")
    assert code_matches("MIG001", "all") and not code_matches("MIG001", "ALL", allow_all=False)
    assert is_known_pattern("all", []) and is_known_pattern("dep0", ["DEP001"]) and not is_known_pattern("X", ["DEP001"])
