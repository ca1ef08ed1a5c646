"""MIG014 migration-query-not-awaited: a migration starts a query and does not wait for it.

TypeORM awaits a migration's `up` (or `down`), then records the migration and commits. A statement
`queryRunner.query(...)` without `await` lets `up` settle first: TypeORM records the migration
even when the query then fails, and the failure surfaces as an unhandled rejection (verified
against real TypeORM in tests/migrations/test_migration_query_not_awaited_oracle.py). The calls
come from the class facts (extract/unawaited_calls.py); only migration classes of migration files
are judged, so a service's fire-and-forget call elsewhere is none of this rule's business.
"""

from __future__ import annotations

from typing import Iterator

from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.extract.records import UnawaitedCall
from migrationlint.model.migrations import linted_migration_classes

MIG014 = Rule("MIG014", "migration-query-not-awaited", Severity.ERROR,
              "A migration starts a query without awaiting it: TypeORM records the migration even if it fails.",
              fix=FixAvailability.SOMETIMES)
RULES = [MIG014]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)


def check(project: Project) -> Iterator[Diagnostic]:
    for path, cls in linted_migration_classes(project):
        for call in cls.unawaited:
            yield diagnostic(MIG014, path, call.start, call.end, _message(cls.name, call), fix=_fix(path, call))


_REMEDY = {
    "async": "; add `await` (unsafe fix: a query that failed unnoticed now stops the run)",
    "method": "; the method is not async: return the promise, or make the method async and await it",
    "callback": ("; the statement is in a callback, whose promise nothing waits for: loop with `for ... of` and"
                 " `await`, or return the promise from the callback and `await Promise.all(...)` them"),
}


def _message(cls: str, call: UnawaitedCall) -> str:
    if call.place == "forEach":
        return (f"`{call.callee}(async ...)` in `{cls}` does not wait for its async callback: forEach drops the "
                f"promise each call returns, so the migration can finish before the queries do: TypeORM goes on to "
                f"record it as run without waiting for them, and a failing one becomes an unhandled rejection; loop with `for ... of` and `await`, "
                f"or `await Promise.all({call.callee.rsplit('.', 1)[0]}.map(async ...))`")
    where = _REMEDY[call.place]
    return (f"`{call.callee}(...)` in `{cls}` is not awaited: the migration can finish before the query does, TypeORM"
            f" goes on to record it as run without waiting for it, and a failing query becomes an unhandled rejection{where}")


def _fix(path: str, call: UnawaitedCall) -> Fix | None:
    if call.place != "async":
        return None
    return Fix(Applicability.UNSAFE, (Edit(path, call.start, call.start, "await "),), "Add `await`")
