"""ESLint-style suppression comments and SUP001 for unused ones."""

from __future__ import annotations

from tests.helpers import codes, fix, migration, workspace

PATH = "src/migrations/1695682464-A.ts"


def _with(comment_line: str, trailing: str = "") -> str:
    return migration("A1695682464").replace(
        "export class A1695682464 implements MigrationInterface {",
        f"{comment_line}export class A1695682464 implements MigrationInterface {{{trailing}")


def test_disable_next_line(tmp_path):
    workspace(tmp_path, {PATH: _with("// migrationlint-disable-next-line MIG001 -- legacy name, already deployed\n")})
    assert codes(tmp_path) == []


def test_disable_line(tmp_path):
    workspace(tmp_path, {PATH: _with("", " // migrationlint-disable-line MIG001")})
    assert codes(tmp_path) == []


def test_file_level_and_all_codes(tmp_path):
    workspace(tmp_path, {PATH: "/* migrationlint-disable MIG001 */\n" + migration("A1695682464")})
    assert codes(tmp_path) == []
    workspace(tmp_path, {PATH: _with("// migrationlint-disable-next-line\n")})
    assert codes(tmp_path) == []


def test_prefix_code(tmp_path):
    workspace(tmp_path, {PATH: _with("// migrationlint-disable-next-line MIG\n")})
    assert codes(tmp_path) == []


def test_wrong_line_does_not_suppress_and_is_unused(tmp_path):
    text = "// migrationlint-disable-next-line MIG001\n\n" + migration("A1695682464")
    workspace(tmp_path, {PATH: text})
    assert sorted(codes(tmp_path)) == ["MIG001", "SUP001"]


def test_unused_suppression_fix_removes_the_comment_line(tmp_path):
    path = "src/migrations/1700000000000-A.ts"
    text = "// migrationlint-disable-next-line MIG003\n" + migration("A1700000000000")
    workspace(tmp_path, {path: text})
    assert codes(tmp_path) == ["SUP001"]
    assert fix(tmp_path)[path].decode() == migration("A1700000000000")


def test_unused_code_removed_from_a_list(tmp_path):
    workspace(tmp_path, {PATH: _with("// migrationlint-disable-next-line MIG001, MIG005\n")})
    assert codes(tmp_path) == ["SUP001"]
    fixed = fix(tmp_path, select=["SUP001", "MIG005"])[PATH].decode()
    assert "// migrationlint-disable-next-line MIG001\n" in fixed


def test_suppression_of_a_disabled_rule_is_not_unused(tmp_path):
    workspace(tmp_path, {PATH: _with("// migrationlint-disable-next-line MIG001, DEP001\n")})
    assert codes(tmp_path, select=["MIG001", "SUP001"]) == []
