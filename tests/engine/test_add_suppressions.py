"""`--add-suppressions`: disable comments with a reason placeholder, written safely and once."""

from __future__ import annotations

from tests.helpers import cli, migration, workspace

BAD = "src/migrations/1695682464-FinanceServiceInitial.ts"
INDEXES = "src/migrations/1720000000000-AddIndexes.ts"
INDEX_SOURCE = (
    "import { Index, MigrationInterface, QueryRunner } from 'typeorm';\r\n\r\n"
    "export class AddIndexes1720000000000 implements MigrationInterface {\r\n"
    "  public async up(queryRunner: QueryRunner): Promise<void> {\r\n"
    "\tawait queryRunner.createIndex('files', new Index({ name: 'IDX_a', columnNames: ['a'] }));\r\n"
    "    // migrationlint-disable-next-line MIG012\r\n"
    "    await queryRunner.createIndex('files', new Index({ name: 'IDX_b', columnNames: ['b'] }));\r\n"
    "  }\r\n\r\n"
    "  public async down(queryRunner: QueryRunner): Promise<void> {}\r\n"
    "}\r\n"
)


def test_add_suppressions_writes_reasoned_comments_and_is_idempotent(tmp_path):
    root = workspace(tmp_path, {BAD: b"\xef\xbb\xbf" + migration("FinanceServiceInitial1695682464").encode()})
    done = cli("--add-suppressions", cwd=root)
    assert done.returncode == 0, done.stderr
    assert b"Added 1 suppression in 1 file." in done.stdout
    text = (root / BAD).read_bytes()
    assert text.startswith(b"\xef\xbb\xbfimport")  # the BOM stays first
    assert b"\n// migrationlint-disable-next-line MIG001 -- TODO: reason\nexport class FinanceServiceInitial1695682464" in text
    assert cli("--output-format", "concise", cwd=root).stdout == b""
    again = cli("--add-suppressions", cwd=root)
    assert b"Added 0 suppressions in 0 files." in again.stdout
    assert (root / BAD).read_bytes() == text


def test_add_suppressions_keeps_indentation_line_endings_and_extends_a_comment(tmp_path):
    root = workspace(tmp_path, {INDEXES: INDEX_SOURCE.encode()})
    assert cli("--add-suppressions", cwd=root).returncode == 0
    text = (root / INDEXES).read_bytes().decode()
    assert "\r\n\t// migrationlint-disable-next-line MIG010 -- TODO: reason\r\n\tawait queryRunner" in text
    assert "    // migrationlint-disable-next-line MIG012, MIG010\r\n    await" in text
    assert "\n" not in text.replace("\r\n", "")  # every line still ends in CRLF
    left = cli("--output-format", "concise", cwd=root).stdout.decode().splitlines()
    assert len(left) == 1 and "SUP001 warning: Unused suppression of MIG012" in left[0]  # it was unused before


def test_add_suppressions_skips_manifest_findings(tmp_path):
    root = workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    (root / "package.json").write_text('{"name": "svc", ')
    done = cli("--add-suppressions", cwd=root)
    assert b"Added 1 suppression in 1 file." in done.stdout
    assert b"1 finding outside TypeScript files" in done.stdout
    assert (root / "package.json").read_text() == '{"name": "svc", '


def test_add_suppressions_refuses_a_line_inside_a_template(tmp_path):
    """A comment inserted into template text would change the string, not suppress anything."""
    source = INDEX_SOURCE.replace("\r\n", "\n").replace(
        "\tawait queryRunner.createIndex('files', new Index({ name: 'IDX_a', columnNames: ['a'] }));\n",
        "    const plan = `\n${new Index({ name: 'IDX_a', columnNames: ['a'] })}\n`;\n")
    root = workspace(tmp_path, {INDEXES: source})
    assert b"MIG010" in cli("--output-format", "concise", cwd=root).stdout
    done = cli("--add-suppressions", cwd=root)
    assert done.returncode == 1
    assert b"not changed: line 6 is inside a string, template or JSX text" in done.stderr
    assert (root / INDEXES).read_text() == source


def test_add_suppressions_never_separates_a_comment_from_its_line(tmp_path):
    source = INDEX_SOURCE.replace("\r\n", "\n").replace(
        "    // migrationlint-disable-next-line MIG012\n", "    /* migrationlint-disable-next-line MIG012 */\n")
    root = workspace(tmp_path, {INDEXES: source})
    done = cli("--add-suppressions", cwd=root)
    assert done.returncode == 1
    assert b"line 7 has a suppression comment above it that cannot take more codes" in done.stderr
    assert (root / INDEXES).read_text() == source
