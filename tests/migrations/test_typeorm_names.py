"""TypeORM's naming rules, reproduced: JavaScript parseInt semantics and the verdict table."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrationlint.extract import typeorm_names as tn
from tests.helpers import fix, lint, migration, workspace


@pytest.mark.parametrize("text,expected", [
    ("1700000000000", 1700000000000),
    ("  42abc", 42),
    ("-17", -17),
    ("+8x", 8),
    ("ial1695682464", None),
    ("abc", None),
    ("", None),
    ("0000000000000", 0),
    ("\u00a07", 7),
])
def test_js_parse_int(text, expected):
    assert tn.js_parse_int(text) == expected


@pytest.mark.parametrize("name,base,digits", [
    ("WorkflowServiceInitial1695682464", "WorkflowServiceInitial", "1695682464"),
    ("ClipEmbeddingFloat41700000000000", "ClipEmbeddingFloat4", "1700000000000"),
    ("ClipEmbeddingFloat41695682464", "ClipEmbeddingFloat4", "1695682464"),
    ("RulesEngineServiceInitial20250925034424", "RulesEngineServiceInitial", "20250925034424"),
    ("AddUsersTable", "AddUsersTable", None),
    ("Init0000000000000", "Init", "0000000000000"),
    ("AddPhone4831000000000", "AddPhone", "4831000000000"),  # 13 digits ahead of the clock: never its last 10
])
def test_split_timestamp_is_not_greedy(name, base, digits):
    assert tn.split_timestamp(name) == (base, digits)


def test_fourteen_digit_prefix_is_converted_as_utc():
    assert tn.to_millis("20250101120000") == 1735732800000
    assert tn.to_millis("1695682464") == 1695682464000


# The verdict table of TypeORM's name check: (file name, class, name field, typeorm range, expected MIG001?,
# fixed effective name or None, other code expected or None)
VERDICTS = [
    ("1695682464-WorkflowServiceInitial.ts", "WorkflowServiceInitial1695682464", None, "^0.3.20", True,
     "WorkflowServiceInitial1695682464000", None),
    ("AddThings.ts", "WorkflowServiceInitial1695682464", None, "^0.3.20", True,
     "WorkflowServiceInitial1695682464000", None),
    # alone in its folder, a 14-digit date-time runs where its date says (see the test below)
    ("20250925034424-RulesEngineServiceInitial.ts", "RulesEngineServiceInitial20250925034424", None, "^0.3.20",
     False, None, None),
    ("1700000000000-Init.ts", "Init1700000000abc", None, "^0.3.20", False, None, "MIG003"),
    ("1700000000000-Init.ts", "Init0000000000000", None, "^0.3.20", True, "Init1700000000000", None),
    ("Init.ts", "Init0000000000000", None, "^0.3.20", True, None, None),
    ("1700000000000-AddUsersTable.ts", "AddUsersTable1700000000000", "AddUsersTable", "^0.3.20", True,
     "AddUsersTable1700000000000", None),
    ("1700000000000-AddUsersTable.ts", "AddUsersTable1700000000000", "", "^0.3.20", False, None, None),
    ("1700000000000-AddUsersTable.ts", "AddUsersTable1700000000000", "", "^1.0.0", True,
     "AddUsersTable1700000000000", None),
    ("1700000000000-AddUsersTable.ts", "AddUsersTable1700000000000", "", "workspace:*", True,
     "AddUsersTable1700000000000", None),
    ("1700000000000-ClipEmbeddingFloat4.ts", "ClipEmbeddingFloat41700000000000", None, "^0.3.20", False, None, None),
    ("1700000000000-AddUsersTable.ts", "AddUsersTable1700000000000", "AddUsersTable1700000000000", "^0.3.20",
     False, None, None),
]


@pytest.mark.parametrize("filename,cls,name,typeorm,fatal,fixed,other", VERDICTS,
                         ids=[f"{v[1]}-{v[2]!r}-{v[3]}" for v in VERDICTS])
def test_verdict_table(tmp_path, filename, cls, name, typeorm, fatal, fixed, other):
    workspace(tmp_path, {f"src/migrations/{filename}": migration(cls, name)}, typeorm=typeorm)
    found = [d.code for d in lint(tmp_path)]
    assert ("MIG001" in found) == fatal, found
    if other:
        assert other in found
    else:
        assert set(found) <= {"MIG001"}, found
    if fatal:
        diag = next(d for d in lint(tmp_path) if d.code == "MIG001")
        assert "migration name is wrong. Migration class name should have a JavaScript timestamp appended." in diag.message
        assert (diag.fix is not None) == (fixed is not None)
    if fixed:
        text = fix(tmp_path)[f"src/migrations/{filename}"].decode()
        assert f"export class {fixed} implements" in text
        if name is not None:
            assert f"name = '{fixed}';" in text


def test_unknown_version_message_says_fatal_from_1_0(tmp_path):
    workspace(tmp_path, {"src/migrations/1700000000000-A.ts": migration("A1700000000000", "")}, typeorm="latest")
    (diag,) = lint(tmp_path)
    assert "from 1.0 on" in diag.message


def test_typeorm_version_override(tmp_path):
    workspace(tmp_path, {"src/migrations/1700000000000-A.ts": migration("A1700000000000", "")})
    assert [d.code for d in lint(tmp_path, typeorm_version="1.1.0")] == ["MIG001"]
    assert lint(tmp_path, typeorm_version="0.3.29") == []


def test_mikro_orm_and_knex_migrations_are_not_typeorm(tmp_path):
    workspace(tmp_path, {
        "src/migrations/Migration20240101000000.ts": (
            "import { Migration } from '@mikro-orm/migrations';\n\n"
            "export class Migration20240101000000 extends Migration {\n"
            "  async up(): Promise<void> {\n    this.addSql('create table \"a\" (\"id\" int);');\n  }\n}\n"),
        "src/migrations/20240101_init.ts": (
            "import type { Knex } from 'knex';\n\n"
            "export async function up(knex: Knex): Promise<void> {\n  await knex.schema.createTable('a', () => {});\n}\n\n"
            "export async function down(knex: Knex): Promise<void> {\n  await knex.schema.dropTable('a');\n}\n"),
    })
    assert lint(tmp_path, ["MIG", "SYN"]) == []


def test_data_migrations_run_with_another_database_client_are_not_typeorm(tmp_path):
    """A project's own data migrations (`static up(db: PrismaClient)` in `data/migrations/`, run by
    its own runner) follow no TypeORM naming rule (a real monorepo: MIG001 on `SelfHostAdmin1`); the
    same class importing TypeORM is TypeORM's again."""
    prisma = ("import { PrismaClient } from '@prisma/client';\n\n"
              "export class SelfHostAdmin1 {\n  static async up(db: PrismaClient) {\n    await db.user.findFirst();\n"
              "  }\n\n  static async down(_db: PrismaClient) {}\n}\n")
    workspace(tmp_path, {"src/data/migrations/99999-self-host-admin.ts": prisma})
    assert lint(tmp_path, ["MIG"]) == []
    both = "import { QueryRunner } from 'typeorm';\n" + prisma.replace("(_db: PrismaClient)", "(_q: QueryRunner)")
    workspace(tmp_path, {"src/data/migrations/99999-self-host-admin.ts": both})
    assert [d.code for d in lint(tmp_path, ["MIG"])] == ["MIG001"]


def test_helper_classes_in_migrations_dir_are_not_migrations(tmp_path):
    workspace(tmp_path, {"src/migrations/dsl/create-table.ts": (
        "export class CreateTable {\n  constructor(readonly name: string) {}\n  toSql(): string {\n"
        "    return `CREATE TABLE ${this.name}`;\n  }\n}\n")})
    assert lint(tmp_path) == []


def test_a_class_timestamp_off_its_file_name_is_reported_when_it_changes_the_order(tmp_path):
    """TypeORM orders migrations by the class's timestamp and never reads file names: a mismatch
    that leaves the migration between the same neighbours changes nothing, and the rename a report
    suggests would run a deployed migration again (two real servers). When another migration of the
    folder sits between the two timestamps, the migration runs elsewhere than its file says."""
    def mig003(tmp: Path, c_prefix: str) -> list[str]:
        workspace(tmp, {"src/migrations/1700000000000-A.ts": migration("A1700000000000"),
                        "src/migrations/1700000100000-B.ts": migration("B1700000150000"),
                        f"src/migrations/{c_prefix}-C.ts": migration(f"C{c_prefix}")})
        return [d.path.rsplit("/", 1)[-1] for d in lint(tmp) if d.code == "MIG003"]

    assert mig003(tmp_path / "same-place", "1700000200000") == []
    assert mig003(tmp_path / "moved", "1700000120000") == ["1700000100000-B.ts"]


def test_a_batch_whose_files_and_classes_are_off_alike_keeps_its_order(tmp_path):
    """Two migrations written as a batch, `...010-CreateA` with class `CreateA...001` and `...020-CreateB`
    with `CreateB...002`: by file names and by classes A runs before B, so nothing moves (an events
    platform's folder of 449: one warning asking for a rename that changed nothing). The neighbour's
    order is its class's, not its file name's; a class that crosses where its neighbour runs is reported."""
    workspace(tmp_path, {"src/migrations/1700000000010-CreateA.ts": migration("CreateA1700000000001"),
                         "src/migrations/1700000000020-CreateB.ts": migration("CreateB1700000000002")})
    assert [d.code for d in lint(tmp_path)] == []
    workspace(tmp_path, {"src/migrations/1700000000020-CreateB.ts": migration("CreateB1700000000000")})
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path) if d.code == "MIG003"] == [
        "1700000000020-CreateB.ts"]  # B's class moves it before A, which runs where its file says


def test_a_valid_class_timestamp_the_file_name_contradicts_asks_for_a_file_rename(tmp_path):
    """The class's timestamp is valid and another migration sits between it and the file name's:
    the remedy is to rename the file (TypeORM never reads file names: nothing runs again), not the
    class, which would run a deployed migration again, 83 places earlier (a real server: 4 findings
    whose only fix, the class rename, would have re-run INSERTs against a primary key)."""
    workspace(tmp_path, {"src/migrations/1734650000000-AddNotice.ts": migration("AddNotice1766342400000"),
                         "src/migrations/1750000000000-AddTotals.ts": migration("AddTotals1750000000000")})
    [d] = [d for d in lint(tmp_path) if d.code == "MIG003"]
    assert d.fix is None
    assert d.message == ("Migration 'AddNotice1766342400000' has timestamp 1766342400000, but its file name says "
                         "1734650000000, and TypeORM runs it in another place among the migrations of its folder than "
                         "the file name says; rename the file to '1766342400000-AddNotice.ts' (TypeORM never reads "
                         "file names, so nothing runs again; renaming the class instead would run a deployed "
                         "migration again)")


@pytest.mark.parametrize("typed", ["DropLegacy17211383860657", "DropLegacy17211383606570"])
def test_a_mistyped_timestamp_is_replaced_whole(tmp_path, typed):
    """`DropLegacy17211383860657`, a digit typed twice into the file name's 1721138360657: TypeORM
    reads 7211383860657 (the year 2198). The rename takes the file name's timestamp in place of the
    whole mistyped run, `DropLegacy1721138360657`, never `DropLegacy17211721138360657` (a real
    platform's unsafe fix kept the typo's first digits)."""
    workspace(tmp_path, {"src/migrations/1700000000000-CreateUsers.ts": migration("CreateUsers1700000000000"),
                         "src/migrations/1721138360657-DropLegacy.ts": migration(typed)})
    [d] = [d for d in lint(tmp_path) if d.code == "MIG003"]
    assert "rename to 'DropLegacy1721138360657'" in d.message
    assert {e.text for e in d.fix.edits} == {"DropLegacy1721138360657"}


def test_a_14_digit_date_time_is_reported_only_beside_an_older_millisecond_migration(tmp_path):
    """TypeORM reads the last 13 digits of `...20260124180000` as 260124180000, smaller than any
    millisecond stamp: such a migration runs before an older `...1750000000000` one (reported), but a
    folder whose every migration is written `YYYYMMDDhhmmss` runs in date order, and later
    millisecond stamps sort after them all (a real SaaS back end: 15 warnings whose rename would
    have run every deployed migration again; checked with TypeORM 0.3.31 by the reviewer)."""
    workspace(tmp_path, {"src/migrations/20260124180000-create-expenses.ts": migration("CreateExpenses20260124180000"),
                         "src/migrations/20260125000000-create-settings.ts": migration("CreateSettings20260125000000")})
    assert [d.code for d in lint(tmp_path)] == []
    workspace(tmp_path, {"src/migrations/1750000000000-create-users.ts": migration("CreateUsers1750000000000")})
    found = [d for d in lint(tmp_path) if d.code == "MIG003"]
    assert len(found) == 2 and all("it runs before 1750000000000-create-users.ts, which is older" in d.message for d in found)


def test_a_baseline_numbered_to_run_first_keeps_its_placeholder_timestamp(tmp_path):
    """`Initial0000000000001`, a squashed baseline whose `up` creates the schema the later migrations
    alter: timestamp 1 sorts it before every real stamp, where it belongs, and a rename would run it
    again on every deployed database (an IoT platform's baseline). A placeholder on a migration not
    named as a baseline (initial, init, baseline), or a timestamp 0, which TypeORM rejects, is still
    reported."""
    workspace(tmp_path, {"src/migration/initial.ts": migration("Initial0000000000001"),
                         "src/migration/1642075074141-multicast.ts": migration("Multicast1642075074141")})
    assert [d.code for d in lint(tmp_path)] == []
    workspace(tmp_path, {"src/migration/add-groups.ts": migration("AddGroups0000000000002")})
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path) if d.code == "MIG003"] == ["add-groups.ts"]
    workspace(tmp_path / "zero", {"src/migration/initial.ts": migration("Initial0000000000000")})
    assert [d.code for d in lint(tmp_path / "zero")] == ["MIG001"]


def test_a_folder_of_dates_with_a_days_sequence_number_is_the_date_convention(tmp_path):
    """`CreateBlocks20180305300000`: eight digits of date, then a sequence number (`100000`,
    `300000`), no time of day. TypeORM reads them like the rest of the folder, in date order; the
    ones whose "hour" read 30 or 40 were called "before 2001" (5 MIG003 on a real node's database
    package, whose rename would have run deployed migrations again). Beside an older millisecond
    stamp they still run first, and are reported."""
    workspace(tmp_path, {"src/migrations/20180305100000-a.ts": migration("CreateA20180305100000"),
                         "src/migrations/20180305300000-b.ts": migration("CreateB20180305300000"),
                         "src/migrations/20190307400000-c.ts": migration("DropC20190307400000")})
    assert [d.code for d in lint(tmp_path)] == []
    workspace(tmp_path, {"src/migrations/1500000000000-create-users.ts": migration("CreateUsers1500000000000")})
    found = [d for d in lint(tmp_path) if d.code == "MIG003"]
    assert len(found) == 3 and all("which is older" in d.message for d in found)


def test_a_name_the_constructor_assigns_is_the_name_typeorm_reads(tmp_path):
    """`readonly name: string` set in the constructor (a template literal ending `...1680000000001`):
    TypeORM builds the instance and reads that name, which is not knowable statically here, so the
    class name is not judged in its place (a real key-value store's migration: MIG001 "gets NaN",
    though its own tests run it). A literal assigned there is judged, and fixed, like a field's."""
    ctor = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
            "export class CreateKvMigration implements MigrationInterface {\n"
            "  readonly name: string;\n"
            "  constructor(table?: string) {\n    this.name = {value};\n  }\n"
            "  async up(q: QueryRunner): Promise<void> {}\n  async down(q: QueryRunner): Promise<void> {}\n}\n")
    workspace(tmp_path, {"src/migrations/1680000000001-CreateKv.ts": ctor.replace("{value}", "`CreateKv${table}1680000000001`")})
    assert [d.code for d in lint(tmp_path, ["MIG001"])] == []
    workspace(tmp_path, {"src/migrations/1680000000001-CreateKv.ts": ctor.replace("{value}", "'CreateKv'")})
    [d] = lint(tmp_path, ["MIG001"])
    assert "'CreateKv'" in d.message or "CreateKv" in d.message
    fixed = fix(tmp_path)["src/migrations/1680000000001-CreateKv.ts"].decode()
    assert "this.name = 'CreateKv1680000000001';" in fixed and "class CreateKv1680000000001 " in fixed, fixed


def test_a_folder_numbered_by_hand_ahead_of_the_clock_keeps_its_numbers(tmp_path):
    """Every migration of the folder is a round number the team picks above the last
    (`...1830000000000`, `...1831000000000`), some of them ahead of the clock: TypeORM's order is the
    one meant, and a rename would run deployed migrations again (8 MIG003 on a real ride-hailing API).
    One `Date.now()` stamp among them is a real time the future numbers sort after: reported, and
    never renamed by re-reading the last 10 of 13 digits as seconds (`...1831000000000000`)."""
    workspace(tmp_path, {"src/migrations/1713000000000-CreateUsers.ts": migration("CreateUsers1713000000000"),
                         "src/migrations/4830000000000-AddEmail.ts": migration("AddEmail4830000000000"),
                         "src/migrations/4831000000000-AddPhone.ts": migration("AddPhone4831000000000")})
    assert [d.code for d in lint(tmp_path)] == []
    workspace(tmp_path, {"src/migrations/1764000123456-AddAvatar.ts": migration("AddAvatar1764000123456")})
    found = sorted((d.path.rsplit("/", 1)[-1], d.fix is None) for d in lint(tmp_path) if d.code == "MIG003")
    assert found == [("4830000000000-AddEmail.ts", True), ("4831000000000-AddPhone.ts", True)]


def test_a_test_that_runs_a_migration_does_not_make_it_the_applications_own(tmp_path):
    """`await new AddPhone...().up(runner)` in an e2e test tests the migration TypeORM runs: its
    name is still TypeORM's to read (3 migrations of a real API went unchecked)."""
    workspace(tmp_path, {"src/migrations/1713000123456-CreateUsers.ts": migration("CreateUsers1713000123456"),
                         "src/migrations/4831000000000-AddPhone.ts": migration("AddPhone4831000000000"),
                         "test/add-phone.e2e-spec.ts": "import { AddPhone4831000000000 } from '../src/migrations/4831000000000-AddPhone';\n"
                                                      "it('adds', async () => { await new AddPhone4831000000000().up({} as never); });\n"})
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path) if d.code == "MIG003"] == ["4831000000000-AddPhone.ts"]


def test_a_sequence_numbered_by_hand_may_follow_real_stamps_and_carry_small_offsets(tmp_path):
    """A folder whose first migrations carry real `Date.now()` stamps (`1766246163229`), then a
    documented sequence picked by hand above them, `4829000000000`, `4829000000001` (the steps of one
    change), ahead of the clock (an integration platform: 24 MIG003 on deployed migrations). A real
    stamp above the sequence's start is one the sequence was not picked above: still reported."""
    workspace(tmp_path, {"src/migrations/1766246163229-Init.ts": migration("Init1766246163229"),
                         "src/migrations/4790000000000-AddA.ts": migration("AddA4790000000000"),
                         "src/migrations/4829000000000-AddB.ts": migration("AddB4829000000000"),
                         "src/migrations/4829000000001-AddC.ts": migration("AddC4829000000001")})
    assert [d.code for d in lint(tmp_path)] == []
    workspace(tmp_path, {"src/migrations/4800000123456-Real.ts": migration("Real4800000123456")})
    assert {d.path.rsplit("/", 1)[-1] for d in lint(tmp_path) if d.code == "MIG003"} >= {"4829000000001-AddC.ts"}
