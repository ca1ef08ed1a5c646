"""pre-commit integration: the hooks of .pre-commit-hooks.yaml run by the real `pre-commit try-repo`,
and the explicit-file behaviour they rely on (only the passed files are reported, the workspace is
context, a passed package.json stands for its package's TypeScript files).

try-repo needs a git repository with the hooks file committed, so the checkout's tracked and
untracked files are copied into a temporary repository and committed there: this works on an
uncommitted tree too. Building the hook environment installs migrationlint with pip; the
pre-commit tests are skipped only when that cannot be done (no package registry).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checkout import git, snapshot
from tests.helpers import REPO

FIXTURE = REPO / "tests" / "data" / "formats"
MIGRATIONS = "services/orders/src/migrations"
CREATE_ORDERS = f"{MIGRATIONS}/1714000000000-CreateOrders.ts"
ADD_STATUS = f"{MIGRATIONS}/1714000100000-AddOrderStatus.ts"
ADD_INDEX = f"{MIGRATIONS}/1714000200000-AddOrderIndex.ts"
BILLING = "services/billing"
CLEAN_MIGRATION = """import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInvoices1714000400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "invoices" ("id" uuid PRIMARY KEY)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoices"`);
  }
}
"""


def make_workspace(target: Path) -> Path:
    """The formats fixture plus a clean second package, committed in a fresh git repository."""
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("expected"))
    billing = target / BILLING
    (billing / "src" / "migrations").mkdir(parents=True)
    (billing / "package.json").write_text(
        '{\n  "name": "@demo/billing",\n  "private": true,\n  "dependencies": {"typeorm": "^0.3.20"}\n}\n')
    (billing / "src" / "migrations" / "1714000400000-CreateInvoices.ts").write_text(CLEAN_MIGRATION)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "workspace")
    return target


def lint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migrationlint", "check", "--no-cache", "--output-format", "concise",
                           *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def reported(out: str) -> set[tuple[str, str]]:
    """(path, code) pairs of concise output."""
    pairs = set()
    for line in out.splitlines():
        head, _, rest = line.partition(": ")
        if rest:
            pairs.add((head.split(":")[0], rest.split()[0]))
    return pairs


# ----------------------------------------------------------------------------- explicit files (CLI)


def test_explicit_files_report_only_themselves(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    done = lint(ws, ADD_STATUS)
    assert done.returncode == 1
    assert reported(done.stdout) == {(ADD_STATUS, "MIG003")}
    done = lint(ws, f"{BILLING}/src/migrations/1714000400000-CreateInvoices.ts")
    assert (done.returncode, done.stdout) == (0, "")


def test_a_package_json_stands_for_its_package_files(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    done = lint(ws, "services/orders/package.json")
    assert reported(done.stdout) == {(CREATE_ORDERS, "MIG001"), (ADD_STATUS, "MIG003"), (ADD_INDEX, "MIG002")}
    done = lint(ws, f"{BILLING}/package.json")
    assert (done.returncode, done.stdout) == (0, "")
    done = lint(ws, "services/orders/tsconfig.json", f"{BILLING}/package.json")
    assert len(reported(done.stdout)) == 3


def test_the_root_package_json_stands_for_the_whole_workspace(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    done = lint(ws, "package.json")
    assert reported(done.stdout) == {(CREATE_ORDERS, "MIG001"), (ADD_STATUS, "MIG003"), (ADD_INDEX, "MIG002")}


def test_explicit_files_still_read_their_package_manifest(tmp_path):
    """`name = ''` is fatal in TypeORM 1.x only: the verdict needs the package.json as context."""
    ws = make_workspace(tmp_path / "ws")
    migration = ws / BILLING / "src/migrations/1714000500000-AddInvoiceNumber.ts"
    migration.write_text(CLEAN_MIGRATION.replace("CreateInvoices1714000400000 implements MigrationInterface {",
                                                 "AddInvoiceNumber1714000500000 implements MigrationInterface {\n  name = '';\n"))
    rel = str(migration.relative_to(ws))
    assert lint(ws, rel).returncode == 0
    manifest = ws / BILLING / "package.json"
    manifest.write_text(manifest.read_text().replace("^0.3.20", "^1.0.0"))
    assert reported(lint(ws, rel).stdout) == {(rel, "MIG001")}


# ----------------------------------------------------------------------------- the real pre-commit


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """This checkout (tracked and untracked files) committed in a temporary git repository."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    target = tmp_path_factory.mktemp("checkout")
    snapshot(target)
    assert (target / ".pre-commit-hooks.yaml").is_file()
    return target


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    pytest.importorskip("pre_commit")
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(ws: Path, checkout: Path, home: Path, hook: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PRE_COMMIT"}
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(checkout), hook, "--color", "never", *args],
                          cwd=ws, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode == 3 and "Installing environment" in done.stdout + done.stderr:
        log = home / "pre-commit.log"
        detail = log.read_text(errors="replace")[-800:] if log.is_file() else done.stdout[-800:]
        pytest.skip(f"pre-commit could not build the hook environment (no package registry?): {detail}")
    return done


def test_hook_checks_all_files(tmp_path, checkout, pre_commit_home):
    ws = make_workspace(tmp_path / "ws")
    done = try_repo(ws, checkout, pre_commit_home, "migrationlint", "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "migrationlint" in done.stdout and "Failed" in done.stdout
    for path, code in ((CREATE_ORDERS, "MIG001"), (ADD_STATUS, "MIG003"), (ADD_INDEX, "MIG002")):
        assert f"{path}:3:" in done.stdout and code in done.stdout
    assert "Found 2 errors and 1 warning (2 fixable with --fix, 1 more with --unsafe-fixes)." in done.stdout


def test_hook_reports_only_the_staged_files(tmp_path, checkout, pre_commit_home):
    ws = make_workspace(tmp_path / "ws")
    target = ws / ADD_STATUS
    target.write_text(target.read_text().replace("public async down", "// the rollback keeps the data\n  public async down"))
    git(ws, "add", ADD_STATUS)
    done = try_repo(ws, checkout, pre_commit_home, "migrationlint")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "MIG003" in done.stdout
    assert "MIG001" not in done.stdout and "MIG002" not in done.stdout

    git(ws, "commit", "-q", "-m", "comment")
    manifest = ws / BILLING / "package.json"
    manifest.write_text(manifest.read_text().replace("^0.3.20", "^0.3.21"))
    git(ws, "add", f"{BILLING}/package.json")
    done = try_repo(ws, checkout, pre_commit_home, "migrationlint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_fix_hook_applies_safe_fixes_and_is_idempotent(tmp_path, checkout, pre_commit_home):
    ws = make_workspace(tmp_path / "ws")
    done = try_repo(ws, checkout, pre_commit_home, "migrationlint-fix", "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr  # MIG003 remains (unsafe fix) and files changed
    assert "Fixed 2 errors; 1 warning remaining." in done.stdout
    assert "export class CreateOrders1714000000000 implements" in (ws / CREATE_ORDERS).read_text()
    index = (ws / ADD_INDEX).read_text()
    assert "export class AddOrderIndex1714000200000 implements" in index
    assert "name = 'AddOrderIndex1714000200000'" in index
    assert "AddOrderStatus20240425093000" in (ws / ADD_STATUS).read_text()

    git(ws, "add", "-A")
    before = {p: (ws / p).read_bytes() for p in (CREATE_ORDERS, ADD_STATUS, ADD_INDEX)}
    again = try_repo(ws, checkout, pre_commit_home, "migrationlint-fix", "--all-files")
    assert again.returncode == 1
    assert "Fixed 0 problems; 1 warning remaining." in again.stdout
    assert "files were modified by this hook" not in again.stdout
    assert {p: (ws / p).read_bytes() for p in before} == before
