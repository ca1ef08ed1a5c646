"""The rough edges a new user hit (issue 15), one named test each: every one failed before its fix."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.golden import copy_fixture
from tests.helpers import cli, migration, workspace
from tests.helpers import REPO

BAD = "src/migrations/1695682464-FinanceServiceInitial.ts"
THREE_SITES = "src/migrations/1720000000000-FileStorageInitial.ts"
THREE_SITES_SOURCE = """import { Index, MigrationInterface, QueryRunner } from 'typeorm';

export class FileStorageInitial1720000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('files', new Index({ name: 'IDX_a', columnNames: ['a'] }));
    // migrationlint-disable-next-line MIG010 -- keep
    await queryRunner.createIndex('files', new Index({ name: 'IDX_b', columnNames: ['b'] }));
    await queryRunner.createIndex('files', new Index({ name: 'IDX_c', columnNames: ['c'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
"""


def concise(root: Path, *args: str) -> subprocess.CompletedProcess:
    return cli("--output-format", "concise", "--no-cache", *args, cwd=root)


# ----------------------------------------------------------------------------- --diff


def test_diff_without_final_newline_is_a_valid_patch(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    source = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
              "export class FinanceServiceInitial1695682464 implements MigrationInterface {\n"
              "  public async up(queryRunner: QueryRunner): Promise<void> {}\n"
              "  public async down(queryRunner: QueryRunner): Promise<void> {}\n}")  # no final newline
    root = workspace(tmp_path, {BAD: source})
    done = cli("--diff", ".", cwd=root)
    assert done.returncode == 1
    patch = done.stdout.decode()
    assert patch.endswith("}\n\\ No newline at end of file\n")
    (root / "fix.patch").write_text(patch)
    check = subprocess.run(["git", "apply", "--check", "-v", "fix.patch"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    subprocess.run(["git", "apply", "fix.patch"], cwd=root, check=True)
    assert (root / BAD).read_text() == source.replace("FinanceServiceInitial1695682464 ", "FinanceServiceInitial1695682464000 ")


# ----------------------------------------------------------------------------- suppressions and fixes


def test_fix_never_edits_a_suppressed_site(tmp_path):
    root = workspace(tmp_path, {THREE_SITES: THREE_SITES_SOURCE})
    before = concise(root)
    assert [line.split()[1] for line in before.stdout.decode().splitlines()] == ["MIG010", "MIG010"]
    assert "not applied: it would also edit line 7, where MIG010 is suppressed" in cli("--no-cache", cwd=root).stdout.decode()
    done = cli("--fix", "--no-cache", "--output-format", "concise", cwd=root)
    assert (root / THREE_SITES).read_text() == THREE_SITES_SOURCE  # skipped, not half-applied
    assert b"SUP001" not in done.stdout
    assert b"Fixed 0 problems; 2 errors remaining." in done.stderr


def test_found_line_does_not_promise_a_skipped_fix(tmp_path):
    root = workspace(tmp_path, {THREE_SITES: THREE_SITES_SOURCE})
    assert "Found 2 errors (0 fixable with --fix)." in cli("--no-cache", cwd=root).stdout.decode()


# ----------------------------------------------------------------------------- counts and wording


# a migration stamped in milliseconds, older than the 14-digit one beside it: MIG003 reports that one
OLDER = "src/migrations/1750000000000-CreateUsers.ts"


def test_a_single_warning_is_called_a_warning(tmp_path):
    path = "src/migrations/20250925034424-RulesEngineServiceInitial.ts"
    root = workspace(tmp_path, {path: migration("RulesEngineServiceInitial20250925034424"),
                                OLDER: migration("CreateUsers1750000000000")})
    out = cli("--no-cache", cwd=root).stdout.decode()
    assert "Found 1 warning (0 fixable with --fix, 1 more with --unsafe-fixes)." in out
    assert "error" not in out.splitlines()[-1]
    fixed = cli("--fix", "--unsafe-fixes", "--no-cache", cwd=root).stdout.decode()
    assert "Fixed 1 warning; nothing remaining." in fixed


def test_fixable_count_equals_fixed_count_on_the_fixture(tmp_path):
    copy_fixture("monorepo", tmp_path)
    found = cli("fixtures/monorepo", "--no-cache", cwd=tmp_path).stdout.decode().splitlines()[-1]
    assert found == "Found 24 errors and 5 warnings (16 fixable with --fix, 5 more with --unsafe-fixes)."
    diff = cli("fixtures/monorepo", "--no-cache", "--diff", cwd=tmp_path).stderr.decode()
    assert "Would fix 15 errors and 1 warning." in diff
    fixed = cli("fixtures/monorepo", "--no-cache", "--fix", cwd=tmp_path).stdout.decode().splitlines()[-1]
    assert fixed == "Fixed 15 errors and 1 warning; 9 errors and 4 warnings remaining."


def test_full_and_concise_formats_show_the_severity(tmp_path):
    path = "src/migrations/20250925034424-RulesEngineServiceInitial.ts"
    root = workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464"),
                                path: migration("RulesEngineServiceInitial20250925034424"),
                                OLDER: migration("CreateUsers1750000000000")})
    lines = concise(root).stdout.decode().splitlines()
    assert f"{BAD}:3:14: MIG001 error: Migration name" in lines[0]
    assert f"{path}:3:14: MIG003 warning: Migration" in lines[1]
    full = cli("--no-cache", cwd=root).stdout.decode()
    assert f"{BAD}:3:14: MIG001 [*] error: Migration name" in full
    assert f"{path}:3:14: MIG003 warning: Migration" in full


# ----------------------------------------------------------------------------- broken pipes and Ctrl-C


def _closed_reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run migrationlint with a standard output whose reader has already gone (as `| head -0`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([sys.executable, "-m", "migrationlint", *args], stdout=write, stderr=subprocess.PIPE,
                              cwd=cwd, timeout=120)
    finally:
        os.close(write)
    return done


def test_broken_pipe_exits_cleanly(tmp_path):
    rules = _closed_reader("rules")
    assert (rules.returncode, rules.stderr) == (0, b"")
    root = workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    check = _closed_reader("--no-cache", ".", cwd=root)
    assert (check.returncode, check.stderr) == (1, b"")  # the report's own exit code
    head = subprocess.run(f"{sys.executable} -m migrationlint rules | head -1", shell=True, capture_output=True)
    assert head.stdout.decode().split() == ["Code", "Name", "Severity", "Default", "Fix"] and head.stderr == b""


def _wait_for_workers(pid: int) -> None:
    """Until the worker pool has started (Linux: the process has children), else 2.5 seconds."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + 60
    while children.exists() and time.monotonic() < deadline:
        if children.read_text().split():
            time.sleep(0.2)  # the workers are parsing
            return
        time.sleep(0.02)
    time.sleep(2.5)


def test_ctrl_c_in_a_parallel_run_exits_130_with_one_line(tmp_path):
    files = {f"src/m{i:04d}/entity{i}.ts": f"import {{ Entity, Column }} from 'typeorm';\n"
             f"@Entity()\nexport class E{i} {{\n  @Column() name{i}: string;\n}}\n" * 20 for i in range(3000)}
    root = workspace(tmp_path, files)
    env = {**os.environ, "NO_COLOR": "1"}
    # Ctrl-C's default action, whatever this test runner inherited: a shell starts a background job with
    # SIGINT ignored, and a process that inherits that ignores Ctrl-C (as it should)
    proc = subprocess.Popen([sys.executable, "-m", "migrationlint", "--no-cache", "--jobs", "2", "."], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _wait_for_workers(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole process group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()[-2000:]
    assert err == b"migrationlint: interrupted\n"


def test_an_error_raised_while_ctrl_c_unwinds_is_still_an_interrupt(monkeypatch, capsys):
    """Ctrl-C inside the pool's result wait can surface as threading's RuntimeError ("release
    unlocked lock") with the KeyboardInterrupt as its context: exit 130 and one line, no traceback."""
    from migrationlint import cli as cli_module

    def interrupted_in_a_lock(args):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("release unlocked lock")  # noqa: B904 (the implicit context is the point)

    monkeypatch.setattr(cli_module, "_dispatch", interrupted_in_a_lock)
    assert cli_module.main(["check", "."]) == 130
    assert capsys.readouterr().err == "migrationlint: interrupted\n"


# ----------------------------------------------------------------------------- small things


def test_zero_files_says_no_typescript_files_found(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# docs\n")
    done = cli("docs", cwd=tmp_path)
    assert done.returncode == 3
    assert done.stderr == b"No TypeScript files found in docs.\n" and done.stdout == b""
    assert b"All checks passed" not in done.stdout


def test_typeorm_version_must_be_a_version(tmp_path):
    root = workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    for bad in ('"banana"', '"^0.3.20"', '"latest"', '3'):
        (root / "migrationlint.toml").write_text(f"typeorm-version = {bad}\n")
        done = cli(".", cwd=root)
        assert done.returncode == 2, bad
        assert "migrationlint.toml: key 'typeorm-version' must be a version" in done.stderr.decode()
    for good in ('"0.3.20"', '"0.3"', '"1"', '"1.0.0-beta.1"'):
        (root / "migrationlint.toml").write_text(f"typeorm-version = {good}\n")
        assert cli(".", cwd=root).returncode == 1, good


def test_caret_follows_display_width_of_wide_characters(tmp_path):
    source = migration("FinanceServiceInitial1695682464").replace(
        "export class", "/* 日本語 🚀 */ export class")
    root = workspace(tmp_path, {BAD: source})
    out = cli("--no-cache", cwd=root).stdout.decode().splitlines()
    frame = next(i for i, line in enumerate(out) if line.startswith("    3 | "))
    code_line, caret_line = out[frame][len("    3 | "):], out[frame + 1][len("    3 | "):]
    # the caret sits under the class name in terminal columns: each CJK character and the emoji take two
    prefix = code_line[: code_line.index("FinanceServiceInitial")]
    assert caret_line.index("^") == len(prefix) + 3 + 1
    assert caret_line.strip() == "^" * len("FinanceServiceInitial1695682464")


def test_stdin_hint_does_not_promise_fixes_to_other_files(tmp_path):
    (tmp_path / "pnpm-workspace.yaml").write_text("packages:\n  - a\n  - b\n")
    (tmp_path / "package.json").write_text('{"name": "root", "private": true}\n')
    for name, deps in (("a", "{}"), ("b", '{"ioredis": "^5.4.1"}')):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "package.json").write_text(f'{{"name": "{name}", "dependencies": {deps}}}\n')
    source = b"import Redis from 'ioredis';\n\nexport const redis = new Redis();\n"
    (tmp_path / "a/src/cache.ts").write_bytes(source)
    on_disk = cli("a/src/cache.ts", "--no-cache", cwd=tmp_path)
    assert "(1 fixable with --fix)" in on_disk.stdout.decode()  # on disk, --fix edits a/package.json
    piped = cli("--stdin-filename", "a/src/cache.ts", cwd=tmp_path, stdin=source).stdout.decode()
    assert "DEP001" in piped and "[*]" not in piped
    assert "(0 fixable with --fix)" in piped
    assert "not applied with --stdin-filename" in piped and "a/package.json" in piped


def test_color_option_is_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "`--color auto|always|never`" in readme
    assert "--color" in cli("check", "--help").stdout.decode()


def test_named_file_run_shows_man001_of_its_manifest(tmp_path):
    root = workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464000")})
    assert concise(root, BAD).returncode == 0
    (root / "package.json").write_text('{"name": "svc", ')
    lines = concise(root, BAD).stdout.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("package.json:1:") and " MAN001 error: " in lines[0]
