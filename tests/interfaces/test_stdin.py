"""`--stdin-filename PATH`: standard input linted as if it were PATH, in PATH's workspace."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from tests.helpers import TEST_DATA

FIXTURE = TEST_DATA / "formats"
MIGRATIONS = "services/orders/src/migrations"
CREATE_ORDERS = f"{MIGRATIONS}/1714000000000-CreateOrders.ts"
ADD_STATUS = f"{MIGRATIONS}/1714000100000-AddOrderStatus.ts"


def cli(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migrationlint", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=60)


def test_stdin_reports_exactly_what_the_file_on_disk_reports():
    for name in (CREATE_ORDERS, ADD_STATUS):
        for fmt in ("concise", "json", "github"):
            disk = cli(FIXTURE, name, "--no-cache", "--output-format", fmt)
            piped = cli(FIXTURE, "--stdin-filename", name, "--output-format", fmt,
                        stdin=(FIXTURE / name).read_bytes())
            assert disk.returncode == piped.returncode == 1
            assert piped.stdout == disk.stdout
            assert piped.stdout.count(b"MIG00") == 1


def test_stdin_display_path_follows_the_working_directory():
    repo = FIXTURE.parent.parent.parent
    piped = cli(repo, "--stdin-filename", f"tests/data/formats/{CREATE_ORDERS}", "--output-format", "concise",
                stdin=(FIXTURE / CREATE_ORDERS).read_bytes())
    assert piped.stdout.decode().startswith(f"tests/data/formats/{CREATE_ORDERS}:3:36: MIG001 ")


def test_stdin_text_wins_over_the_file_on_disk():
    fixed = (FIXTURE / CREATE_ORDERS).read_bytes().replace(b"class CreateOrders ", b"class CreateOrders1714000000000 ")
    piped = cli(FIXTURE, "--stdin-filename", CREATE_ORDERS, "--output-format", "concise", stdin=fixed)
    assert (piped.returncode, piped.stdout) == (0, b"")


def test_stdin_for_a_file_that_does_not_exist_yet_uses_its_name_and_workspace():
    new = f"{MIGRATIONS}/1714000300000-AddCustomers.ts"
    text = (FIXTURE / CREATE_ORDERS).read_bytes().replace(b"CreateOrders", b"AddCustomers")
    piped = cli(FIXTURE, "--stdin-filename", new, "--output-format", "json", stdin=text)
    record, = json.loads(piped.stdout)
    assert record["path"] == new
    assert record["fix"]["edits"][0]["content"] == "AddCustomers1714000300000"
    assert not (FIXTURE / new).exists()


def test_stdin_fix_prints_the_fixed_text_and_writes_nothing():
    original = (FIXTURE / CREATE_ORDERS).read_bytes()
    piped = cli(FIXTURE, "--stdin-filename", CREATE_ORDERS, "--fix", stdin=original)
    assert piped.returncode == 0
    assert piped.stdout == original.replace(b"class CreateOrders ", b"class CreateOrders1714000000000 ")
    assert (FIXTURE / CREATE_ORDERS).read_bytes() == original


def test_stdin_fix_leaves_unsafe_fixes_and_reports_what_remains_on_stderr():
    original = (FIXTURE / ADD_STATUS).read_bytes()
    piped = cli(FIXTURE, "--stdin-filename", ADD_STATUS, "--fix", "--output-format", "concise", stdin=original)
    assert piped.returncode == 1
    assert piped.stdout == original
    assert piped.stderr.decode().startswith(f"{ADD_STATUS}:3:14: MIG003 ")
    unsafe = cli(FIXTURE, "--stdin-filename", ADD_STATUS, "--fix", "--unsafe-fixes", stdin=original)
    assert unsafe.returncode == 0
    assert b"class AddOrderStatus1714000100000 " in unsafe.stdout


def test_stdin_diff_prints_a_unified_diff():
    piped = cli(FIXTURE, "--stdin-filename", CREATE_ORDERS, "--diff", stdin=(FIXTURE / CREATE_ORDERS).read_bytes())
    assert piped.returncode == 1
    out = piped.stdout.decode()
    assert out.startswith(f"--- a/{CREATE_ORDERS}\n+++ b/{CREATE_ORDERS}\n")
    assert "+/* \U0001F680 first release */ export class CreateOrders1714000000000 implements" in out


def test_stdin_takes_the_typeorm_version_from_the_path_s_package(tmp_path):
    """`name = ''` is fatal in TypeORM 1.x only: the verdict depends on PATH's package.json."""
    (tmp_path / "package.json").write_text('{"name": "root", "private": true, "workspaces": ["services/*"]}')
    for service, version in (("legacy", "^0.3.20"), ("modern", "^1.0.0")):
        (tmp_path / "services" / service / "src" / "migrations").mkdir(parents=True)
        (tmp_path / "services" / service / "package.json").write_text(
            json.dumps({"name": service, "dependencies": {"typeorm": version}}))
    text = (b"import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
            b"export class AddInvoices1714000000000 implements MigrationInterface {\n"
            b"  name = '';\n\n"
            b"  public async up(queryRunner: QueryRunner): Promise<void> {}\n\n"
            b"  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n")
    name = "src/migrations/1714000000000-AddInvoices.ts"
    legacy = cli(tmp_path, "--stdin-filename", f"services/legacy/{name}", "--output-format", "concise", stdin=text)
    modern = cli(tmp_path, "--stdin-filename", f"services/modern/{name}", "--output-format", "concise", stdin=text)
    assert (legacy.returncode, legacy.stdout) == (0, b"")
    assert modern.returncode == 1
    assert modern.stdout.decode().startswith(f"services/modern/{name}:4:10: MIG001 ")
