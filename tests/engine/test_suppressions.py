"""ESLint-style suppression comments and SUP001 for unused ones."""

from __future__ import annotations

from tests.helpers import codes, fix, lint, migration, workspace

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


def test_an_eslint_waiver_of_the_same_dependency_check_suppresses_it(tmp_path):
    """`// eslint-disable-next-line n/no-extraneous-import` above an import the maintainers take from
    another package on purpose (a repository of bots: 140 DEP001 on waived imports), the `-line`
    form, or a file's `/* eslint-disable node/no-extraneous-import */`: the check ESLint turns off
    there is DEP001's, so DEP001 says nothing either. A waiver of another rule, or a bare
    `eslint-disable-next-line`, suppresses nothing; an ESLint comment is never SUP001's."""
    files = {
        "src/next.ts": "// eslint-disable-next-line n/no-extraneous-import -- from gcf-utils\nimport { a } from 'left-pad';\n",
        "src/same.ts": "import { b } from 'left-pad'; // eslint-disable-line import/no-extraneous-dependencies\n",
        "src/file.ts": "/* eslint-disable node/no-extraneous-import */\nimport { c } from 'left-pad';\n",
        "src/other.ts": "// eslint-disable-next-line no-console\nimport { d } from 'left-pad';\n",
        "src/bare.ts": "// eslint-disable-next-line\nimport { e } from 'left-pad';\n",
        "src/unused.ts": "// eslint-disable-next-line n/no-extraneous-import\nexport const f = 1;\n",
    }
    workspace(tmp_path, files)
    found = sorted((d.path.rsplit("/", 1)[-1], d.code) for d in lint(tmp_path, ["DEP001", "SUP001"]))
    assert found == [("bare.ts", "DEP001"), ("other.ts", "DEP001")]
