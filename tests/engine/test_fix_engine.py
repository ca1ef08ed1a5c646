"""The fix engine: byte edits, fixpoint, verification by re-parsing, atomic writes, idempotence."""

from __future__ import annotations

import os
import stat

import pytest

from migrationlint.atomic import write_atomic
from migrationlint.fix import fixes
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from tests.helpers import cli, migration, workspace

BAD = "src/migrations/1695682464-FinanceServiceInitial.ts"


def test_crlf_and_bom_preserved(tmp_path):
    text = migration("FinanceServiceInitial1695682464").replace("\n", "\r\n")
    workspace(tmp_path, {BAD: b"\xef\xbb\xbf" + text.encode()})
    r = cli("--fix", "--output-format", "concise", str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    data = (tmp_path / BAD).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"export class FinanceServiceInitial1695682464000 implements" in data
    assert data.count(b"\r\n") == text.count("\r\n") and b"\n" not in data.replace(b"\r\n", b"")


def test_bom_columns_are_not_shifted(tmp_path):
    workspace(tmp_path, {BAD: b"\xef\xbb\xbfexport class FinanceServiceInitial1695682464 implements MigrationInterface {\n  async up() {}\n}\n"})
    r = cli("--output-format", "concise", str(tmp_path), cwd=tmp_path)
    assert r.stdout.decode().startswith(f"{BAD}:1:14: MIG001 ")


def test_second_fix_changes_nothing(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    assert cli("--fix", str(tmp_path)).returncode == 0
    first = (tmp_path / BAD).read_bytes()
    r = cli("--fix", str(tmp_path))
    assert r.returncode == 0 and (tmp_path / BAD).read_bytes() == first
    assert "Fixed 0 problems; nothing remaining." in r.stdout.decode()


def test_permissions_kept_and_no_temp_files(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    os.chmod(tmp_path / BAD, 0o640)
    assert cli("--fix", str(tmp_path)).returncode == 0
    assert stat.S_IMODE(os.stat(tmp_path / BAD).st_mode) == 0o640
    assert not [p for p in tmp_path.rglob(".migrationlint-*")]


def test_diff_writes_nothing(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    before = (tmp_path / BAD).read_bytes()
    r = cli("--diff", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 1
    out = r.stdout.decode()
    assert f"--- a/{BAD}" in out and "+export class FinanceServiceInitial1695682464000" in out
    assert (tmp_path / BAD).read_bytes() == before


def _diag(path: str, edits: list[Edit], code: str = "MIG001") -> Diagnostic:
    return Diagnostic(code, "x", Severity.ERROR, "m", path, edits[0].start, edits[0].end,
                      Fix(Applicability.SAFE, tuple(edits)))


def test_fix_that_breaks_syntax_is_refused(tmp_path):
    path = str(tmp_path / "a.ts")
    original = b"export class A1700000000000 {}\n"
    (tmp_path / "a.ts").write_bytes(original)
    breaking = _diag(path, [Edit(path, 13, 27, "A'$x'")])
    outcome = fixes.fix_loop(lambda texts: [], lambda p: open(p, "rb").read(), initial=[breaking])
    assert outcome.texts == {}
    assert outcome.refused and "would not parse" in outcome.refused[0][1]
    fixes.write_all(outcome)
    assert (tmp_path / "a.ts").read_bytes() == original


def test_good_fix_kept_when_another_in_the_same_pass_breaks(tmp_path):
    path = str(tmp_path / "a.ts")
    (tmp_path / "a.ts").write_bytes(b"export class A {}\nexport class B {}\n")
    good = _diag(path, [Edit(path, 13, 14, "C")])
    bad = _diag(path, [Edit(path, 31, 32, "'")], code="MIG002")
    outcome = fixes.fix_loop(lambda texts: [], lambda p: open(p, "rb").read(), initial=[good, bad])
    assert outcome.texts[path] == b"export class C {}\nexport class B {}\n"
    assert [d.code for d, _ in outcome.refused] == ["MIG002"]


def test_overlapping_fixes_wait_for_the_next_pass(tmp_path):
    path = str(tmp_path / "a.ts")
    (tmp_path / "a.ts").write_bytes(b"const abc = 1;\n")
    first = _diag(path, [Edit(path, 6, 9, "xyz")])
    second = _diag(path, [Edit(path, 7, 8, "Q")])
    calls = []

    def relint(texts):
        calls.append(dict(texts))
        return []

    outcome = fixes.fix_loop(relint, lambda p: open(p, "rb").read(), initial=[first, second])
    assert outcome.texts[path] == b"const xyz = 1;\n" and len(calls) == 1


def test_write_refuses_a_file_changed_on_disk(tmp_path):
    target = tmp_path / "a.ts"
    target.write_bytes(b"new content")
    with pytest.raises(OSError, match="changed on disk"):
        write_atomic(str(target), b"fixed", expected=b"old content")
    assert target.read_bytes() == b"new content"


def test_failed_write_leaves_original_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "a.ts"
    target.write_bytes(b"original")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(str(target), b"fixed", expected=b"original")
    assert target.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ts"]


def test_read_only_file_is_reported_and_others_fixed(tmp_path):
    other = "src/migrations/1695682465-Other.ts"
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464"), other: migration("Other1695682465")})
    os.chmod(tmp_path / BAD, 0o444)
    before = (tmp_path / BAD).read_bytes()
    r = cli("--fix", "--output-format", "concise", str(tmp_path), cwd=tmp_path)
    out = r.stdout.decode()
    assert b"Other1695682465000" in (tmp_path / other).read_bytes()
    assert r.returncode == 1
    assert (tmp_path / BAD).read_bytes() == before
    assert "INT001" in out and "read-only" in out


def test_file_changed_on_disk_during_fix_is_left_and_reported_others_fixed(tmp_path):
    """The race of a user saving a file while --fix runs: that file is not overwritten, the
    refusal becomes an INT001 diagnostic, and the other files are written."""
    from migrationlint import pipeline
    from migrationlint.cli import internal_diagnostics
    from migrationlint.settings import Settings

    other = "src/migrations/1695682465-Other.ts"
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464"), other: migration("Other1695682465")})
    first = pipeline.lint([str(tmp_path)], Settings(), use_cache=False)
    outcome = fixes.fix_loop(
        lambda texts: pipeline.lint([str(tmp_path)], Settings(), overrides=texts, files=first.files).diagnostics,
        lambda p: open(p, "rb").read(), initial=first.diagnostics)
    edited = b"// the user's own edit, saved while --fix was running\n" + (tmp_path / BAD).read_bytes()
    (tmp_path / BAD).write_bytes(edited)
    fixes.write_all(outcome)
    assert (tmp_path / BAD).read_bytes() == edited
    assert b"Other1695682465000" in (tmp_path / other).read_bytes()
    (diag,) = internal_diagnostics(outcome)
    assert diag.code == "INT001" and diag.path.endswith(BAD) and "changed on disk" in diag.message
