"""The rule catalogue and the context every check runs against.

A rule family is one module in this package exposing `RULES` (a list of Rule) and
`check(project) -> Iterable[Diagnostic]`. Families are discovered: every module of this package
that defines both is one, in name order; nothing lists them by hand. A module that fails to import
stops the run with FamilyImportError naming it (never a silent skip). The rules of the run itself
(SUP001, INT001, FIL001) are defined once, in `migrationlint.catalog`.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


from migrationlint.catalog import FIL001, INT001, RUN_RULES, SUP001, Rule, bug_summary, diagnostic
from migrationlint.checks.base import Project
from migrationlint.diagnostics import Diagnostic

__all__ = ["FAMILIES", "FIL001", "INT001", "RULES", "SUP001", "FamilyImportError", "Project", "Rule",
           "check_family", "diagnostic", "discover_families", "enabled_families", "run_checks"]


class FamilyImportError(ImportError):
    """A module of a checks package could not be imported, or is half a family."""


def discover_families(package: str = __name__) -> list[ModuleType]:
    """The rule families of `package`: its modules defining both `RULES` and `check`, by name."""
    families = []
    for info in sorted(pkgutil.iter_modules(importlib.import_module(package).__path__), key=lambda i: i.name):
        if info.ispkg or info.name.startswith("_"):
            continue
        name = f"{package}.{info.name}"
        try:
            module = importlib.import_module(name)
        except Exception as exc:
            raise FamilyImportError(f"rule family module {name} failed to import: {exc!r}") from exc
        has_rules, has_check = hasattr(module, "RULES"), callable(getattr(module, "check", None))
        if has_rules != has_check:
            raise FamilyImportError(f"rule family module {name} defines {'RULES' if has_rules else 'check'} "
                                    f"but not {'check' if has_rules else 'RULES'}")
        if has_rules:
            families.append(module)
    return families


def _catalogue(families: list[ModuleType]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for rule in [r for f in families for r in f.RULES] + list(RUN_RULES):
        if rule.code in rules:
            raise FamilyImportError(f"rule code {rule.code} is defined twice")
        rules[rule.code] = rule
    return dict(sorted(rules.items()))


FAMILIES = discover_families()
RULES: dict[str, Rule] = _catalogue(FAMILIES)


def run_checks(project: Project) -> list[Diagnostic]:
    """Every enabled rule's diagnostics for the project (suppressions are applied later)."""
    return [d for family in enabled_families(project) for d in check_family(family, project)]


def enabled_families(project: Project) -> list[ModuleType]:
    """The families with at least one rule enabled, in catalogue order."""
    return [f for f in FAMILIES if any(project.enabled(r.code) for r in f.RULES)]


def check_family(family: ModuleType, project: Project) -> list[Diagnostic]:
    """One family's diagnostics, of its enabled rules only. A bug that stops a family loses its
    findings, never the run's: it is reported (INT001, at the workspace root) and the other
    families' findings stand."""
    try:
        return [d for d in family.check(project) if project.enabled(d.code)]
    except Exception as exc:
        if not project.enabled(INT001.code):
            return []
        name = family.__name__.rsplit(".", 1)[-1]
        return [diagnostic(INT001, project.workspace.root, 0, 0,
                           f"Rule family {name} stopped on an internal error in migrationlint ({bug_summary(exc)}): "
                           "its findings are missing from this run; please report it")]


