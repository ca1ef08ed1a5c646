"""The rule catalogue's leaf: what a Rule is, the rules of the run itself (SUP001, INT001, FIL001),
how a diagnostic is built for a rule, and how a rule code pattern is matched. It imports only
`diagnostics`, so any layer may use it.

One implementation for every place a user writes a rule code: `select` / `ignore` /
`extend-select` / `per-file-ignores` (toml, package.json or command line) and suppression
comments. A pattern matches a code it is a prefix of, case-insensitively (`mig`, `MIG0`,
`MIG001`); `ALL` matches every code where selection allows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable

from migrationlint.diagnostics import Diagnostic, Severity

ALL = "ALL"


class FixAvailability(StrEnum):
    """What a rule promises about fixes; its page's "Fix safety" section says the same in words.

    NONE: never a fix. SAFE: every diagnostic carries a safe fix. UNSAFE: every diagnostic carries
    an unsafe fix (`--unsafe-fixes`). SOMETIMES: a fix only when it can be derived (its
    applicability is the one the page names)."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"
    SOMETIMES = "sometimes"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    fix: FixAvailability = FixAvailability.NONE
    default_enabled: bool = True

    def __post_init__(self) -> None:
        # A plain string is accepted and checked (ValueError at import for an unknown one).
        object.__setattr__(self, "fix", FixAvailability(self.fix))

    @property
    def page_name(self) -> str:
        return f"{self.code}-{self.name}.md"


def diagnostic(rule: Rule, path: str, start: int, end: int, message: str, fix=None, severity: Severity | None = None,
               **extra) -> Diagnostic:
    """Build a Diagnostic for `rule` (the one way checks create them)."""
    return Diagnostic(code=rule.code, name=rule.name, severity=severity or rule.severity, message=message,
                      path=path, start=start, end=end, fix=fix, extra=extra)


# The rules of the run itself, emitted outside the check families (one definition each).
SUP001 = Rule("SUP001", "unused-suppression", Severity.WARNING,
              "A suppression comment that suppresses nothing.", fix=FixAvailability.SAFE)
INT001 = Rule("INT001", "internal-error", Severity.ERROR,
              "The linter could not process a file or apply a fix (the file is left as it was).")
FIL001 = Rule("FIL001", "file-not-linted", Severity.WARNING,
              "A file that could not be linted (unreadable, binary, too large); the run goes on.")
RUN_RULES = (SUP001, INT001, FIL001)


def bug_summary(exc: BaseException) -> str:
    """An error raised by a bug in migrationlint, worded for an INT001 report: its type, its
    message and the line that raised it."""
    import os
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


def code_matches(code: str, pattern: str, *, allow_all: bool = True, exact: bool = False) -> bool:
    """Whether rule `code` is named by `pattern`: a case-insensitive prefix (`exact`: the whole
    code), or `ALL` when `allow_all`. Suppression comments pass allow_all=False (they name codes)."""
    p = pattern.upper()
    if allow_all and p == ALL and not exact:
        return True
    return code == p if exact else code.startswith(p)


def matches_any(code: str, patterns: Iterable[str], *, exact: bool = False) -> bool:
    """Whether any of `patterns` names `code` (see code_matches)."""
    return any(code_matches(code, p, exact=exact) for p in patterns)


def is_known_pattern(pattern: str, codes: Iterable[str]) -> bool:
    """Whether `pattern` names at least one of `codes` (`ALL` always does)."""
    return pattern.upper() == ALL or any(code_matches(c, pattern) for c in codes)
