"""SYN001: syntax damage tree-sitter could not parse.

Reported once per file at the first damage. In migration files it is an error by default (a
migration that does not compile stops the service); elsewhere only when selected explicitly.
tree-sitter-typescript's known gaps on valid TypeScript (grammar_gaps) are not damage at all.
The message names TypeORM only for a TypeORM migration (a Kysely or knex migration is not one).
"""

from __future__ import annotations

from typing import Iterator

from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Diagnostic, Severity
from migrationlint.extract.records import FileFacts
from migrationlint.model.migrations import header_is_migration, is_migration_file

SYN001 = Rule("SYN001", "syntax-error", Severity.ERROR,
              "Code tree-sitter cannot parse (reported in migration files unless selected explicitly).")
RULES = [SYN001]



def check(project: Project) -> Iterator[Diagnostic]:
    everywhere = "SYN001" in project.enabled.explicit
    for path, facts in sorted(project.files.items()):
        if not facts.damage or facts.skipped:
            continue
        if not everywhere and not is_migration_file(project, path):
            continue
        if any(header_is_migration(h, facts) for h in facts.damaged_headers) and is_migration_file(project, path):
            continue  # MIG002 gives the one precise diagnostic; its fix is re-checked after applying
        start, end, kind = facts.damage[0]
        what = "a missing token" if kind.startswith("missing") else "code that does not parse"
        if not is_migration_file(project, path):
            where = "rules see only the parts that parsed"
        elif _typeorm_migration(facts):
            where = "this migration cannot be compiled or loaded by TypeORM"
        else:
            where = "this migration cannot be compiled"
        yield diagnostic(SYN001, path, start, max(end, start), f"Syntax error: {what} ({kind}); {where}")


def _typeorm_migration(facts: FileFacts) -> bool:
    """A file holding a TypeORM migration class (or a damaged header of one), or importing typeorm."""
    from migrationlint.model.migrations import header_is_migration, migration_classes

    return bool(migration_classes(facts) or facts.imports_from("typeorm")
                or any(header_is_migration(h, facts) for h in facts.damaged_headers))
