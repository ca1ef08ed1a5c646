"""What DEP004's message says of the failure: the retries belong to TypeOrmModule only."""

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
