"""What DEP004's message says of the failure (the retries belong to TypeOrmModule only), and where
no production start-up reaches the trigger."""

from __future__ import annotations

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import write

SOURCE = "import { DataSource } from 'typeorm';\n\nexport const source = new DataSource({ type: 'postgres' });\n"


def message(tmp_path, name: str, deps: dict) -> str:
    root = write(tmp_path / name, {
        "package.json": {"name": "core", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"typeorm": "^0.3.20", **deps}},
        "src/main.ts": SOURCE,
    })
    (found,) = pipeline.lint([str(root)], Settings(select=["DEP004"]), use_cache=False).diagnostics
    return found.message


def test_the_retry_note_is_said_only_where_typeormmodule_opens_the_connection(tmp_path):
    """A plain `new DataSource({ type: 'postgres' })` without `pg` fails at once; only NestJS's
    TypeOrmModule retries the connection so that the failure looks like a database outage (a real
    community CRM without NestJS was told of the retries)."""
    assert "retried 9 times" not in message(tmp_path, "plain", {})
    assert "retried 9 times" in message(tmp_path, "nest", {"@nestjs/typeorm": "^10.0.0"})


def test_a_driver_chosen_only_outside_production_is_no_start_up_need(tmp_path):
    """`type: 'sqlite'` in the arm that runs only when NODE_ENV is "test" (through a `const` alias,
    with an opt-in flag) never opens in production, whose arm uses the declared `pg` (a real
    property service was told to install sqlite3); the same arm under `NODE_ENV === 'production'`
    is the production driver."""
    def found(name: str, condition: str) -> list[str]:
        root = write(tmp_path / name, {
            "package.json": {"name": "rentals", "private": True, "scripts": {"start": "node dist/main.js"},
                             "dependencies": {"typeorm": "^0.3.20", "pg": "^8.11.0"}},
            "src/main.ts": "import { DataSource, DataSourceOptions } from 'typeorm';\n\n"
                           "const isTest = process.env.NODE_ENV === 'test';\n"
                           "let options: DataSourceOptions;\n"
                           f"if ({condition}) {{\n"
                           "  options = { type: 'sqlite', database: ':memory:' } as DataSourceOptions;\n"
                           "} else {\n"
                           "  options = { type: 'postgres', url: process.env.DATABASE_URL } as DataSourceOptions;\n"
                           "}\nexport const source = new DataSource(options);\n",
        })
        return [d.message.split(" makes")[0] for d in pipeline.lint([str(root)], Settings(select=["DEP004"]),
                                                                     use_cache=False).diagnostics]
    assert found("test", "isTest && process.env.USE_SQLITE === 'true'") == []
    assert found("dev", "process.env.NODE_ENV !== 'production'") == []
    assert found("prod", "process.env.NODE_ENV === 'production'") == ["TypeORM `type: 'sqlite'`"]
