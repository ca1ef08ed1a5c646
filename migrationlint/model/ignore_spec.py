"""A .gitignore's patterns, decided the way git decides them for a walk of the tree.

Git looks at each entry (a folder or a file) of the folder it lists, and the last pattern that
matches the entry itself decides: a pattern ignores it, a `!pattern` keeps it, and a pattern of a
deeper .gitignore overrides every pattern of a shallower one. A folder that ends up ignored is
never listed, so nothing under it can be kept again. `decide` answers for one entry and one
.gitignore (None: no pattern there names it); the walker asks the deepest file first. Whitelist
layouts depend on this order: a root `*` followed by `!svc/`, and in `svc/` a `.gitignore` of `*`,
`!/src/`, `!/src/**/*.ts`, keep every file under `svc/src/` for git.

The patterns are translated here, from git's documented syntax (gitignore(5)): `#` comments,
`!` negation, `\\` escapes, a trailing `/` for folders only, a slash elsewhere anchoring the
pattern to the .gitignore's folder (else it names an entry at any depth), `*`, `?`, `[...]`,
and `**` as a whole path segment (`**/x`, `x/**`, `a/**/b`). A large monorepo's root .gitignore
holds 300 lines or more, so two cheap tests answer most entries before any regex runs: the set
of plain names, and the suffixes of `*.ext` patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class _Rule:
    keep: bool  # a `!pattern`
    folders_only: bool  # a trailing `/`
    name: str | None  # a plain name matching an entry's own name at any depth
    suffix: str | None  # `*<suffix>`: any entry name ending with it, at any depth
    regex: str | None  # everything else, matched against the whole relative path (compiled when first used)

    def matches(self, rel: str, base_name: str, is_dir: bool) -> bool:
        if self.folders_only and not is_dir:
            return False
        if self.name is not None:
            return base_name == self.name
        if self.suffix is not None:
            return base_name.endswith(self.suffix)
        return self.regex is not None and _compiled(self.regex).fullmatch(rel) is not None


@lru_cache(maxsize=4096)
def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex, re.DOTALL)


class IgnoreSpec:
    """The rules of one .gitignore (or of the configuration's `exclude` list)."""

    def __init__(self, lines: list[str]) -> None:
        self.rules = tuple(rule for line in lines if (rule := _rule(line)) is not None)
        self._names = frozenset(r.name for r in self.rules if r.name is not None)
        self._suffixes = tuple(r.suffix for r in self.rules if r.suffix is not None)
        regexes = [r.regex for r in self.rules if r.regex is not None]
        self._any_regex = re.compile("|".join(f"(?:{r})" for r in regexes), re.DOTALL) if regexes else None

    def decide(self, rel: str, is_dir: bool) -> bool | None:
        """True: the entry at `rel` (relative to the .gitignore's folder, `/`-separated) is
        ignored; False: a `!pattern` keeps it; None: no pattern of this file matches it."""
        base_name = rel.rpartition("/")[2]
        if base_name not in self._names and not base_name.endswith(self._suffixes) and (
                self._any_regex is None or self._any_regex.fullmatch(rel) is None):
            return None  # no pattern can match: the usual answer, without trying each rule
        for rule in reversed(self.rules):
            if rule.matches(rel, base_name, is_dir):
                return not rule.keep
        return None

    def ignores(self, rel: str, is_dir: bool) -> bool:
        return self.decide(rel, is_dir) is True


def compile_lines(lines: list[str]) -> IgnoreSpec:
    return IgnoreSpec(lines)


_PLAIN = re.compile(r"[^*?\[\\/]+")


def _rule(line: str) -> _Rule | None:
    """One line's rule; None for a blank line or a comment."""
    pattern = _strip_trailing_spaces(line)
    if not pattern or pattern.startswith("#"):
        return None
    keep = pattern.startswith("!")
    if keep:
        pattern = pattern[1:]
    folders_only = pattern.endswith("/") and not pattern.endswith("\\/")
    pattern = pattern.rstrip("/") if folders_only else pattern
    if not pattern:
        return None
    anchored = "/" in pattern
    if not anchored and _PLAIN.fullmatch(pattern):
        return _Rule(keep, folders_only, pattern, None, None)
    if not anchored and pattern.startswith("*") and _PLAIN.fullmatch(pattern[1:]):
        return _Rule(keep, folders_only, None, pattern[1:], None)
    body = _glob_regex(pattern.lstrip("/") if anchored else pattern)
    return _Rule(keep, folders_only, None, None, body if anchored else "(?:.*/)?" + body)


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces are dropped unless a backslash escapes them (`a\\ ` keeps one)."""
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        return stripped + " "
    return stripped


def _glob_regex(pattern: str) -> str:
    """The regex of a glob pattern's path; `**` counts as a path segment only when alone between
    slashes (elsewhere it is a `*`)."""
    segments = pattern.split("/")
    out: list[str] = []
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == "**":
            out.append(".*" if last else "(?:.*/)?")
            continue
        out.append(_segment_regex(segment) + ("" if last else "/"))
    return "".join(out)  # `a/**` is `a/` then anything: what `a` holds, never `a` itself


def _segment_regex(segment: str) -> str:
    """One path segment's glob: `*` and `?` never cross a `/`, `[...]` is a class, `\\x` is x."""
    out: list[str] = []
    i = 0
    while i < len(segment):
        char = segment[i]
        if char == "\\" and i + 1 < len(segment):
            out.append(re.escape(segment[i + 1]))
            i += 2
            continue
        if char == "*":
            while i + 1 < len(segment) and segment[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (end := _class_end(segment, i)) is not None:
            out.append(_class_regex(segment[i + 1:end]))
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def _class_end(segment: str, start: int) -> int | None:
    """Where the `[...]` opened at `start` closes (a `]` right after `[` or `[!` is a member)."""
    i = start + 1
    if i < len(segment) and segment[i] in "!^":
        i += 1
    if i < len(segment) and segment[i] == "]":
        i += 1
    while i < len(segment):
        if segment[i] == "\\":
            i += 2
            continue
        if segment[i] == "]":
            return i
        i += 1
    return None


def _class_regex(members: str) -> str:
    """`[a-z]`, `[!0-9]` or `[^x]` as a regex class that never matches `/`."""
    negated = members[:1] in ("!", "^")
    body = _class_members(members[1:] if negated else members)
    return f"[^/{body}]" if negated else f"(?!/)[{body}]"


def _class_members(members: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(members):
        if members[i] == "\\" and i + 1 < len(members):
            out.append(re.escape(members[i + 1]))
            i += 2
        else:
            out.append("\\" + members[i] if members[i] in "]^[" else members[i])
            i += 1
    return "".join(out)
