"""What a rule family imports: Rule and diagnostic() (defined in the leaf `catalog`), Project and
Memo (defined in `model.project`), gathered in one place so a family module starts with one line."""

from __future__ import annotations

from migrationlint.catalog import Rule, diagnostic
from migrationlint.model.project import Memo, Project, per_key

__all__ = ["Memo", "Project", "Rule", "diagnostic", "per_key"]
