"""The rule catalogue's leaf: how a rule code pattern is matched. Imports nothing of the project.

One implementation for every place a user writes a rule code: `select` / `ignore` /
`extend-select` / `per-file-ignores` (toml, package.json or command line) and suppression
comments. A pattern matches a code it is a prefix of, case-insensitively (`mig`, `MIG0`,
`MIG001`); `ALL` matches every code where selection allows it.
"""

from __future__ import annotations

from typing import Iterable

ALL = "ALL"


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
