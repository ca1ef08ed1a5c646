"""What the fixer could not do, as INT001 diagnostics (shared by the CLI's file and stdin modes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migrationlint.diagnostics import Diagnostic
    from migrationlint.fix.fixes import FixOutcome


def internal_diagnostics(outcome: FixOutcome) -> list[Diagnostic]:
    """INT001 diagnostics for fixes that were refused and files that could not be written."""
    from migrationlint.catalog import INT001, diagnostic

    out = []
    for d, why in outcome.refused:
        out.append(diagnostic(INT001, d.path, d.start, d.end,
                              f"Fix for {d.code} not applied: {why}; the file is left as it was"))
    for path, why in outcome.write_errors:
        out.append(diagnostic(INT001, path, 0, 0, f"Fixes not written: {why}"))
    return out
