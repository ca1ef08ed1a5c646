"""A fix never edits a suppressed site.

One fix can cover several places (MIG010 renames every `new Index(` of a file and edits the import
once), and a suppression comment covers one of them. Applying the fix anyway would rewrite the
code the team chose to keep, then report the now-useless comment as unused (SUP001) and delete
it. Splitting such a fix is not safe in general (its import edit assumes every site changes), so
the fix is kept for display only, with a message naming the suppressed line: `--fix`, the
language server's fix-all and "N fixable" all leave it alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix
from migrationlint.textpos import LineIndex


def suppressed_spans(suppressed: list[Diagnostic], index: Callable[[str], LineIndex]) -> dict[str, list[tuple]]:
    """path -> [(first byte of the lines, end of the lines, 1-based line, code)] of each suppressed site."""
    spans: dict[str, list[tuple]] = {}
    for d in suppressed:
        idx = index(d.path)
        first, last = idx.line_of(d.start), idx.line_of(max(d.start, d.end - 1))
        start = idx.starts[first]
        end = idx.starts[last + 1] if last + 1 < len(idx.starts) else len(idx.data)
        spans.setdefault(d.path, []).append((start, end, first + 1, d.code))
    return spans


def _hit(e: Edit, spans: list[tuple]) -> tuple | None:
    for span in spans:
        start, end = span[0], span[1]
        if (e.start < end and start < e.end) or (e.start == e.end and start <= e.start < end):
            return span
    return None


def respect_suppressions(diagnostics: list[Diagnostic], suppressed: list[Diagnostic],
                         index: Callable[[str], LineIndex]) -> list[Diagnostic]:
    """`diagnostics` with every fix that would edit a suppressed site turned display-only."""
    spans = suppressed_spans(suppressed, index)
    out = []
    for d in diagnostics:
        if d.fix is not None and d.fix.applicability is not Applicability.DISPLAY:
            hit = next((h for e in d.fix.edits if e.json_edit is None and e.path in spans
                        for h in [_hit(e, spans[e.path])] if h is not None), None)
            if hit is not None:
                note = f" (not applied: it would also edit line {hit[2]}, where {hit[3]} is suppressed)"
                d = replace(d, fix=Fix(Applicability.DISPLAY, d.fix.edits, d.fix.message + note))
        out.append(d)
    return out
