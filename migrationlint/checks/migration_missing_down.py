"""MIG008 migration-missing-down: a migration class without a `down` method.

TypeORM reverts a migration by calling its `down` (`migration:revert`, `undoLastMigration()`): a
class without one fails there with a TypeError, and with `implements MigrationInterface` tsc
rejects the class first (the interface requires `down`). Only classes that extend nothing are
judged (a base class may provide `down`), and only exported ones (TypeORM loads exports); a
`down` field holding a function counts as a method.
"""

from __future__ import annotations

from typing import Iterator

from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Diagnostic, Severity
from migrationlint.model.migrations import linted_migration_classes

MIG008 = Rule("MIG008", "migration-missing-down", Severity.WARNING,
              "A migration class without a `down` method: reverting it fails.")
RULES = [MIG008]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)


def check(project: Project) -> Iterator[Diagnostic]:
    for path, cls in linted_migration_classes(project):
        if cls.extends or not cls.exported or "down" in cls.methods or cls.field("down") is not None:
            continue
        yield diagnostic(MIG008, path, cls.name_start, cls.name_end,
                         f"`{cls.name}` has no `down` method: TypeORM calls `down` to revert it "
                         f"(`migration:revert`), which then fails with a TypeError"
                         + ("; tsc rejects the class, since MigrationInterface requires `down`"
                            if any(i.split(".")[-1] == "MigrationInterface" for i in cls.implements) else ""))
