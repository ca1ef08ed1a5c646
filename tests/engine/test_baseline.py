"""The baseline round trip: record today's findings, report only new ones, prune fixed ones, and
survive code moving up or down."""

from __future__ import annotations

import json

from tests.helpers import cli, migration, workspace

OLD = "src/migrations/1695682464-FinanceServiceInitial.ts"
OTHER = "src/migrations/1695682500-AddInvoices.ts"
NEW = "src/migrations/1731412900000-AddX.ts"


def _tree(tmp_path):
    return workspace(tmp_path, {OLD: migration("FinanceServiceInitial1695682464"),
                                OTHER: migration("AddInvoices1695682500")})


def concise(root, *args):
    return cli("--output-format", "concise", "--no-cache", *args, cwd=root)


def test_baseline_round_trip(tmp_path):
    root = _tree(tmp_path)
    written = cli("--baseline-write", cwd=root)
    assert written.returncode == 0, written.stderr
    assert b"Wrote 2 findings in 2 files to migrationlint-baseline.json." in written.stdout
    data = json.loads((root / "migrationlint-baseline.json").read_text())
    assert data["files"][OLD]["MIG001"]["count"] == 1
    assert len(data["files"][OLD]["MIG001"]["fingerprints"]) == 1

    quiet = concise(root)  # the default baseline file is picked up
    assert (quiet.returncode, quiet.stdout) == (0, b"")

    (root / NEW).write_text(migration("AddX1731412900"))
    new = concise(root)
    assert new.returncode == 1
    assert [line.split(":")[0] for line in new.stdout.decode().splitlines()] == [NEW]

    (root / NEW).unlink()
    (root / OLD).write_text(migration("FinanceServiceInitial1695682464000"))
    stale = concise(root)
    assert (stale.returncode, stale.stdout) == (0, b"")
    assert b"1 baseline entry in migrationlint-baseline.json no longer matches a finding" in stale.stderr
    assert f"  {OLD}: MIG001".encode() in stale.stderr

    pruned = cli("--baseline-prune", cwd=root)
    assert pruned.returncode == 0 and b"Removed 1 stale entry" in pruned.stdout
    data = json.loads((root / "migrationlint-baseline.json").read_text())
    assert OLD not in data["files"] and OTHER in data["files"]
    again = concise(root)
    assert (again.returncode, again.stdout, again.stderr) == (0, b"", b"")


def test_baseline_survives_moving_code_down_and_up(tmp_path):
    root = _tree(tmp_path)
    cli("--baseline-write", cwd=root)
    text = (root / OLD).read_text()
    down = text.replace("export class", "// moved\n" * 10 + "export class")
    (root / OLD).write_text(down)
    assert concise(root).stdout == b""
    # up: the finding sits 10 lines earlier than when it was recorded
    (root / OLD).write_text(text)
    padded = (root / OTHER).read_text()
    (root / OTHER).write_text("// header\n" * 10 + padded)
    cli("--baseline-write", cwd=root)
    (root / OTHER).write_text(padded)
    moved = concise(root)
    assert (moved.returncode, moved.stdout, moved.stderr) == (0, b"", b"")


def test_baseline_flag_config_key_and_no_baseline(tmp_path):
    root = _tree(tmp_path)
    written = cli("--baseline-write", "ci/lint-baseline.json", cwd=root)
    assert written.returncode == 0 and (root / "ci/lint-baseline.json").is_file()
    assert concise(root).returncode == 1  # not the default name: not picked up by itself
    assert concise(root, "--baseline", "ci/lint-baseline.json").stdout == b""
    (root / "migrationlint.toml").write_text('baseline = "ci/lint-baseline.json"\n')
    assert concise(root).stdout == b""
    assert concise(root, "--no-baseline").returncode == 1


def test_baseline_write_from_a_subdirectory_keeps_other_entries(tmp_path):
    root = _tree(tmp_path)
    workspace(root / "other", {OLD: migration("FinanceServiceInitial1695682464")})
    (root / "pnpm-workspace.yaml").write_text("packages:\n  - other\n")
    assert cli("--baseline-write", cwd=root).returncode == 0
    before = json.loads((root / "migrationlint-baseline.json").read_text())["files"]
    assert f"other/{OLD}" in before
    assert cli("--baseline-write", "migrationlint-baseline.json", "src", cwd=root).returncode == 0
    after = json.loads((root / "migrationlint-baseline.json").read_text())["files"]
    assert after == before
    assert concise(root, "other").stderr == b""  # nothing under other/ is stale


def test_fix_with_a_baseline_fixes_only_new_findings(tmp_path):
    root = _tree(tmp_path)
    cli("--baseline-write", cwd=root)
    (root / NEW).write_text(migration("AddX1731412900"))
    done = cli("--fix", "--output-format", "concise", cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert b"Fixed 1 error; nothing remaining." in done.stderr
    assert "AddX1731412900000" in (root / NEW).read_text()
    assert "FinanceServiceInitial1695682464 " in (root / OLD).read_text()  # recorded: left alone


def test_a_malformed_baseline_is_a_usage_error(tmp_path):
    root = _tree(tmp_path)
    (root / "migrationlint-baseline.json").write_text("[1, 2]")
    done = concise(root)
    assert done.returncode == 2 and b"migrationlint-baseline.json: not a migrationlint baseline" in done.stderr


def test_baseline_writers_are_not_combined_with_fixing_or_stdin(tmp_path):
    root = _tree(tmp_path)
    for args in (("--baseline-write", "--fix"), ("--add-suppressions", "--diff"),
                 ("--baseline-prune", "--add-suppressions"), ("--add-suppressions", "--stdin-filename", OLD)):
        done = cli(*args, cwd=root, stdin=b"")
        assert done.returncode == 2 and b"cannot be combined" in done.stderr, args
    assert not (root / "migrationlint-baseline.json").exists()
