"""ESLint-style suppression comments, and SUP001 for the ones that suppress nothing.

    // migrationlint-disable-next-line MIG001, MIG003 -- reason
    foo(); // migrationlint-disable-line DEP001
    /* migrationlint-disable MIG003 */          (the whole file)

No codes means every rule. A code may be a prefix (`MIG` suppresses every MIG rule).
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Callable, Iterable

from migrationlint.catalog import SUP001, code_matches, diagnostic
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix

if TYPE_CHECKING:
    from migrationlint.extract.records import FileFacts, Suppression

def apply(
    diagnostics: list[Diagnostic],
    facts: FileFacts,
    line_of: Callable[[int], int],
    enabled: Callable[[str], bool],
    data: bytes,
    suppressed: list[Diagnostic] | None = None,
) -> list[Diagnostic]:
    """Drop suppressed diagnostics of one file; add SUP001 for suppressions that matched nothing.

    `line_of(offset)` gives the 0-based line of a byte offset; `enabled(code)` says whether a rule
    ran, so that a suppression naming a disabled rule is not called unused. The dropped
    diagnostics are appended to `suppressed`, when given: fixes must leave their sites alone.
    """
    if not facts.suppressions:
        return diagnostics
    used: set[tuple[int, str]] = set()  # (suppression start, code or "")
    kept: list[Diagnostic] = []
    for d in diagnostics:
        line = line_of(d.start)
        hit = _suppressing(facts.suppressions, d.code, line)
        if hit is None:
            kept.append(d)
        else:
            used.add(hit)
            if suppressed is not None:
                suppressed.append(d)
    if enabled(SUP001.code):
        kept.extend(_unused(facts, used, enabled, data))
    return kept


def _suppressing(sups: list[Suppression], code: str, line: int) -> tuple[int, str] | None:
    for s in sups:
        if s.kind != "file" and s.line != line:
            continue
        if not s.codes:
            return (s.start, "")
        for c, _, _ in s.codes:
            if code_matches(code, c, allow_all=False):
                return (s.start, c)
    return None


def _unused(facts: FileFacts, used: set[tuple[int, str]], enabled: Callable[[str], bool], data: bytes) -> Iterable[Diagnostic]:
    for s in facts.suppressions:
        if s.waiver_of:
            continue  # another linter's comment: its own tool says whether it is still needed
        if not s.codes:
            if (s.start, "") not in used:
                yield _diagnostic(facts.path, s, s.start, s.end, "Unused suppression comment: no diagnostic to suppress",
                                  _remove_comment(data, s, facts.path))
            continue
        unused = [c for c in s.codes if (s.start, c[0]) not in used and _any_enabled(c[0], enabled)]
        if not unused:
            continue
        if len(unused) == len(s.codes):
            names = ", ".join(c[0] for c in unused)
            yield _diagnostic(facts.path, s, s.start, s.end,
                              f"Unused suppression comment: nothing reported for {names} here",
                              _remove_comment(data, s, facts.path))
            continue
        for code, cs, ce in unused:
            yield _diagnostic(facts.path, s, cs, ce, f"Unused suppression of {code}: nothing reported for it here",
                              _remove_code(data, s, cs, ce, facts.path))


def _any_enabled(code: str, enabled: Callable[[str], bool]) -> bool:
    from migrationlint.checks import RULES

    return any(code_matches(rc, code, allow_all=False) and enabled(rc) for rc in RULES)


def _diagnostic(path: str, s: Suppression, start: int, end: int, message: str, edit: Edit) -> Diagnostic:
    return diagnostic(SUP001, path, start, end, message, Fix(Applicability.SAFE, (edit,), "Remove the unused suppression"))


def _remove_comment(data: bytes, s: Suppression, path: str) -> Edit:
    line_start = data.rfind(b"\n", 0, s.start) + 1
    line_end = data.find(b"\n", s.end)
    line_end = len(data) if line_end == -1 else line_end
    before, after = data[line_start:s.start], data[s.end:line_end]
    if not before.strip() and not after.strip():
        return Edit(path, line_start, min(len(data), line_end + 1), "")
    start = s.start - (len(before) - len(before.rstrip()))
    return Edit(path, start, s.end, "")


def _remove_code(data: bytes, s: Suppression, cs: int, ce: int, path: str) -> Edit:
    """Remove one code and the comma/space that joins it to its neighbour."""
    after = data[ce:s.end]
    m = re.match(rb"\s*,\s*", after)
    if m:
        return Edit(path, cs, ce + m.end(), "")
    before = data[s.start:cs]
    m2 = re.search(rb"\s*,\s*$", before)
    if m2:
        return Edit(path, s.start + m2.start(), ce, "")
    return Edit(path, cs, ce, "")
