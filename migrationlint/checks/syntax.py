"""SYN001: syntax damage tree-sitter could not parse (DESIGN section 2.5).

Reported once per file at the first damage. In migration files it is an error by default (a
migration that does not compile stops the service); elsewhere only when selected explicitly,
because tree-sitter-typescript has known gaps on valid TypeScript.
"""

from __future__ import annotations

from typing import Iterator

from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Diagnostic, Severity

SYN001 = Rule("SYN001", "syntax-error", Severity.ERROR,
              "Code tree-sitter cannot parse (reported in migration files unless selected explicitly).")
RULES = [SYN001]

KNOWN_GAPS = ("`export type * from`", "`f<typeof import('x')>()`", "a bare `&` in JSX text",
              "generic tagged templates")


def check(project: Project) -> Iterator[Diagnostic]:
    from migrationlint.checks.migration_identity import is_migration_file
    from migrationlint.migration_model import header_is_migration

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
        where = "this migration cannot be compiled or loaded by TypeORM" if is_migration_file(project, path) \
            else "rules see only the parts that parsed"
        yield diagnostic(SYN001, path, start, max(end, start), f"Syntax error: {what} ({kind}); {where}")
