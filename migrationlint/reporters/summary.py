"""The one wording of counts: "Found …", "Fixed …", "Would fix …", in every format and mode.

Users compare these numbers: "17 fixable with --fix" must be what `--fix` then reports as fixed,
and one warning must not be called an error. So the severity words and the "fixed" count are
computed here, once:
- a count names severities: `1 warning`, `3 errors`, `3 errors and 2 warnings`;
- "fixable" counts the reported diagnostics whose fix `--fix` applies (safe; with
  `--unsafe-fixes`, unsafe too);
- "fixed" counts those of them that are gone after fixing (several diagnostics can share one
  fix; a refused fix leaves its diagnostic, reported with INT001).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from migrationlint.diagnostics import Applicability, Diagnostic, Severity

_WORDS = ((Severity.ERROR, "error", "errors"), (Severity.WARNING, "warning", "warnings"),
          (Severity.INFO, "info message", "info messages"))


def count_phrase(diagnostics: Iterable[Diagnostic], empty: str = "0 problems") -> str:
    """`3 errors and 1 warning`; `empty` when there are none."""
    by = Counter(d.severity for d in diagnostics)
    parts = [f"{by[sev]} {one if by[sev] == 1 else many}" for sev, one, many in _WORDS if by[sev]]
    if not parts:
        return empty
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def will_fix(d: Diagnostic, unsafe: bool) -> bool:
    """Whether `--fix` (with `--unsafe-fixes` when `unsafe`) applies this diagnostic's fix."""
    if d.fix is None:
        return False
    return d.fix.applicability is Applicability.SAFE or (unsafe and d.fix.applicability is Applicability.UNSAFE)


def found_line(diagnostics: Sequence[Diagnostic], unsafe_fixes: bool = False) -> str:
    """The summary of a lint run."""
    if not diagnostics:
        return "All checks passed!"
    safe = sum(1 for d in diagnostics if d.fixable)
    unsafe = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability is Applicability.UNSAFE)
    text = f"Found {count_phrase(diagnostics)} ({safe} fixable with --fix"
    if unsafe:
        text += f", {unsafe} with --unsafe-fixes" if unsafe_fixes else f", {unsafe} more with --unsafe-fixes"
    return text + ")."


def fixed(before: Sequence[Diagnostic], after: Sequence[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The diagnostics of `before` that --fix would fix and that `after` no longer reports.

    Positions move when text is edited, so a diagnostic is recognised by code, file and message;
    the ones without a fix are assumed to be the ones still there when two read the same."""
    left = Counter((d.code, d.path, d.message) for d in after)
    left.subtract((d.code, d.path, d.message) for d in before if not will_fix(d, unsafe))
    gone = []
    for d in before:
        if not will_fix(d, unsafe):
            continue
        key = (d.code, d.path, d.message)
        if left[key] > 0:
            left[key] -= 1
        else:
            gone.append(d)
    return gone


def fixed_line(done: Sequence[Diagnostic], remaining: Sequence[Diagnostic]) -> str:
    return f"Fixed {count_phrase(done)}; {count_phrase(remaining, 'nothing')} remaining."


def would_fix_line(done: Sequence[Diagnostic]) -> str:
    return f"Would fix {count_phrase(done)}."
