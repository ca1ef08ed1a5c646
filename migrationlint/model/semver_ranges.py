"""npm semver ranges, enough to tell whether a version satisfies a peer range.

A dependency fix must write a version that every peer range on that package accepts (docs/architecture.md, "What a dependency fix may do"),
so the fixer needs `satisfies("12.1.0", "^12.1.0 || ^13")`. Covers what package.json ranges use:
`||`, hyphen ranges, comparators (`>=`, `<`, `=`), caret, tilde, x-ranges and `*`. A prerelease
(`0.17.3-next`) satisfies a range only when a comparator of it names a prerelease of the same
version, as package managers decide (`0.17.3` installs the registry's 0.17.3 over a workspace's
0.17.3-next); among prereleases of one version the tags are not compared. `*` takes any version.
Anything it cannot read (tags, URLs, protocols) is "unknown": None.
"""

from __future__ import annotations

import re

Version = tuple[int, int, int]

_PART = r"(?:0|[1-9]\d*|[xX*])"
_VERSION = re.compile(rf"^v?({_PART})(?:\.({_PART}))?(?:\.({_PART}))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
_COMPARATOR = re.compile(r"^(\^|~>?|>=|<=|>|<|=)?\s*(.+)$")


def parse_version(text: str) -> Version | None:
    """`1.2.3` -> (1, 2, 3); None for anything else (ranges, tags)."""
    m = _VERSION.match(text.strip())
    if m is None or any(g is None or not g.isdigit() for g in m.groups()):
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def _partial(text: str) -> tuple[int | None, int | None, int | None] | None:
    m = _VERSION.match(text.strip())
    if m is None:
        return None
    parts = [int(g) if g is not None and g.isdigit() else None for g in m.groups()]
    for i in range(1, 3):  # `1.x.3` is `1.x`
        if parts[i - 1] is None:
            parts[i] = None
    return parts[0], parts[1], parts[2]


def _bounds(op: str, parts: tuple[int | None, int | None, int | None]) -> list[tuple[str, Version]]:
    """One comparator as a list of (operator, version) bounds that must all hold."""
    major, minor, patch = parts
    if major is None:
        return []
    lo = (major, minor or 0, patch or 0)
    if op == "^":
        if major > 0 or minor is None:
            return [(">=", lo), ("<", (major + 1, 0, 0))]
        if minor > 0 or patch is None:
            return [(">=", lo), ("<", (0, minor + 1, 0))]
        return [(">=", lo), ("<", (0, 0, patch + 1))]
    if op in ("~", "~>"):
        return [(">=", lo), ("<", (major + 1, 0, 0) if minor is None else (major, minor + 1, 0))]
    if minor is None or patch is None:  # x-range: `1.2` is `>=1.2.0 <1.3.0`
        hi = (major + 1, 0, 0) if minor is None else (major, minor + 1, 0)
        if op in ("", "="):
            return [(">=", lo), ("<", hi)]
        if op == ">":
            return [(">=", hi)]
        if op == "<=":
            return [("<", hi)]
        return [(op, lo)]
    return [(op or "=", lo)]


def _holds(op: str, version: Version, bound: Version) -> bool:
    return {"=": version == bound, ">=": version >= bound, "<=": version <= bound,
            ">": version > bound, "<": version < bound}[op]


def _set_bounds(text: str) -> list[tuple[str, Version]] | None:
    """One `||` branch (space-separated comparators, or a hyphen range) as bounds; None if unreadable."""
    text = text.strip()
    if " - " in text:
        first, _, last = text.partition(" - ")
        lo, hi = _partial(first), _partial(last)
        if lo is None or hi is None:
            return None
        return _bounds(">=", lo) + _bounds("<=", hi)
    out: list[tuple[str, Version]] = []
    tokens = re.sub(r"(\^|~>?|>=|<=|>|<|=)\s+", r"\1", text).split()
    for token in tokens:
        m = _COMPARATOR.match(token)
        parts = _partial(m.group(2)) if m else None
        if m is None or parts is None:
            return None
        out.extend(_bounds(m.group(1) or "", parts))
    return out


def satisfies(version: str, rng: str) -> bool | None:
    """Whether `version` is inside `rng`; None when either cannot be read."""
    v = parse_version(version)
    if v is None:
        return None
    branches = [b for b in rng.split("||")] if rng.strip() else ["*"]
    readable = False
    prerelease = _PRERELEASE.match(version.strip())
    for branch in branches:
        bounds = _set_bounds(branch)
        if bounds is None:
            continue
        readable = True
        if prerelease and branch.strip() not in _ANY and v not in _prerelease_versions(branch):
            continue  # a prerelease only where the range names one of the same version
        if all(_holds(op, v, b) for op, b in bounds):
            return True
    return False if readable else None


_PRERELEASE = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)-")
_ANY = frozenset({"*", "x", "X", ""})


def _prerelease_versions(branch: str) -> set[Version]:
    """The versions whose prereleases a range's comparators name (`^1.0.0-beta.1`: 1.0.0)."""
    found = (_PRERELEASE.match(_COMPARATOR.match(token).group(2)) for token in branch.split() if _COMPARATOR.match(token))
    return {(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in found if m}


def lowest(rng: str) -> str | None:
    """The lowest version a simple range (`^1.2.3`, `~1.2`, `>=1.2.3`, `1.2.3`) admits, as text."""
    bounds = _set_bounds(rng.split("||")[0])
    if not bounds:
        return None
    lows = [b for op, b in bounds if op in (">=", "=")]
    return ".".join(map(str, max(lows))) if lows else None
