"""The rule catalogue and the context every check runs against.

A rule family is one module in this package exposing `RULES` (a list of Rule) and
`check(project) -> Iterable[Diagnostic]`. Checks read FileFacts and the workspace model, never
syntax trees. The registry below is the single place that lists the families.
"""

from __future__ import annotations

from typing import Callable, Iterable

from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Diagnostic, Severity

__all__ = ["FAMILIES", "FIL001", "INTERNAL", "RULES", "SUP001", "Project", "Rule", "diagnostic", "run_checks"]


def _families() -> list:
    from migrationlint.checks import migration_identity, syntax

    return [migration_identity, syntax]


def _extra_families() -> list:
    """Families added by later modules; each import is optional so the registry stays one list."""
    import importlib

    found = []
    for name in ("schema_builder", "dependencies", "phantom_imports", "manifests", "nest", "nest_providers", "nest_entities", "migration_registration"):
        try:
            found.append(importlib.import_module(f"migrationlint.checks.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"migrationlint.checks.{name}":
                raise
    return found


FAMILIES = _families() + _extra_families()

SUP001 = Rule("SUP001", "unused-suppression", Severity.WARNING,
              "A suppression comment that suppresses nothing.", fix="safe")
INTERNAL = Rule("INT001", "internal-error", Severity.ERROR,
                "The linter could not process a file or apply a fix (the file is left as it was).")
FIL001 = Rule("FIL001", "file-not-linted", Severity.WARNING,
              "A file that could not be linted (unreadable, binary, too large); the run goes on.")

RULES: dict[str, Rule] = {}
for _family in FAMILIES:
    for _rule in _family.RULES:
        RULES[_rule.code] = _rule
RULES[SUP001.code] = SUP001
RULES[INTERNAL.code] = INTERNAL
RULES[FIL001.code] = FIL001
RULES = dict(sorted(RULES.items()))


def run_checks(project: Project) -> list[Diagnostic]:
    """Every enabled rule's diagnostics for the project (suppressions are applied later)."""
    out: list[Diagnostic] = []
    for family in FAMILIES:
        if not any(project.enabled(r.code) for r in family.RULES):
            continue
        out.extend(d for d in family.check(project) if project.enabled(d.code))
    return out


CheckFn = Callable[[Project], Iterable[Diagnostic]]
