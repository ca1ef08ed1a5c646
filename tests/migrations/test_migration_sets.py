"""Migration sets: which files one `migrations:` option loads (MIG004, MIG006)."""

from __future__ import annotations

import pytest

from tests.helpers import codes, lint, migration, workspace

HELPER = "\nexport function buildIndexName(table: string): string {\n  return `IDX_${table}`;\n}\n"


@pytest.mark.parametrize("option", [
    "[__dirname + '/migrations/*.ts']",
    "[`${__dirname}/migrations/*{.ts,.js}`]",
    "[join(__dirname, 'migrations', '*.{ts,js}')]",
    "['src/migrations/*.ts']",
    "['dist/migrations/*.js']",
    "[path.resolve(__dirname, './migrations/**/*.ts')]",
])
def test_glob_forms_load_the_file(tmp_path, option):
    workspace(tmp_path, {
        "src/data-source.ts": f"import {{ DataSource }} from 'typeorm';\nimport {{ join }} from 'path';\n"
                              f"import * as path from 'path';\n\nexport default new DataSource({{ type: 'postgres', migrations: {option} }});\n",
        "src/migrations/1700000000000-A.ts": migration("A1700000000000", extra=HELPER),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == ["MIG006"]


def test_explicit_class_list_is_not_a_glob(tmp_path):
    workspace(tmp_path, {
        "src/app.module.ts": "import { migrations } from './migrations';\n\nexport const options = { type: 'postgres', migrations };\n"
                             "export const config = { migrations: migrations };\n",
        "src/migrations/index.ts": "import { A1700000000000 } from './1700000000000-A';\n\nexport const migrations = [A1700000000000];\n",
        "src/migrations/1700000000000-A.ts": migration("A1700000000000"),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == []


def test_duplicate_names_across_two_directories_of_one_glob(tmp_path):
    workspace(tmp_path, {
        "src/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/**/migrations/*.ts'] });\n",
        "src/a/migrations/1700000000000-A.ts": migration("A1700000000000"),
        "src/b/migrations/1700000000000-A.ts": migration("A1700000000000"),
    })
    (d,) = lint(tmp_path, ["MIG", "SYN"])
    assert d.code == "MIG004" and "Duplicate migrations: A1700000000000, A1700000000000" in d.message


def test_separate_sets_do_not_collide(tmp_path):
    workspace(tmp_path, {
        "src/a/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
        "src/b/data-source.ts": "export default new DataSource({ migrations: [__dirname + '/migrations/*.ts'] });\n",
        "src/a/migrations/1700000000000-A.ts": migration("A1700000000000"),
        "src/b/migrations/1700000000000-A.ts": migration("A1700000000000"),
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == []


def test_syntax_errors_outside_migrations_are_not_migration_errors(tmp_path):
    workspace(tmp_path, {
        "src/config.ts": "import { list } from './list';\nexport const options = { migrations: list };\n",
        "src/list.ts": "export type * from './types';\nexport const list = [];\n",
    })
    assert codes(tmp_path, ["MIG", "SYN"]) == []
