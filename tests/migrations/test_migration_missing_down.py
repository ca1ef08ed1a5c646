"""MIG008 migration-missing-down: cases beyond the page's examples (those run in tests/rules/test_rule_pages.py)."""

from __future__ import annotations

from tests.helpers import codes, workspace

UP_ONLY = """import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAge1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "age" integer`);
  }
}
"""


def test_an_exported_migration_without_down_is_reported(tmp_path):
    root = workspace(tmp_path, {"src/migrations/1700000000000-AddAge.ts": UP_ONLY})
    assert codes(root, ["MIG008"]) == ["MIG008"]


def test_a_down_field_or_a_base_class_counts(tmp_path):
    field = UP_ONLY.replace("  public async up", "  down = async (queryRunner: QueryRunner) => {};\n\n  public async up")
    extends = UP_ONLY.replace("implements MigrationInterface", "extends BaseMigration")
    root = workspace(tmp_path, {"src/migrations/1700000000000-AddAge.ts": field,
                                "src/migrations/1700000000001-AddName.ts": extends.replace("1700000000000", "1700000000001")})
    assert codes(root, ["MIG008"]) == []


def test_a_class_that_is_not_exported_or_not_in_a_migration_file_is_not_judged(tmp_path):
    root = workspace(tmp_path, {"src/migrations/1700000000000-AddAge.ts": UP_ONLY.replace("export class", "class"),
                                "src/services/add-age.ts": UP_ONLY})
    assert codes(root, ["MIG008"]) == []
