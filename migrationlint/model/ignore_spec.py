"""A .gitignore's patterns with a fast test for "no pattern can match this path".

pathspec tries each pattern's regex in turn (a large monorepo's root .gitignore holds 300 lines or
more), the main cost of listing a repository. A path that no pattern matches is not ignored, whatever the order and the
negations, so a prefilter that never misses a match answers most paths and pathspec decides the
few that some pattern may match. The prefilter reads the regexes pathspec compiled:

- `**/name` and `name` (no slash), compiled as "a path component equal to `name`": a set lookup
  over the path's components;
- `*.ext` and the like, "a component ending with `.ext`": one `str.endswith` over the components;
- every other pattern goes into one combined regex.
A pattern of the first two shapes matches only where its component test holds, so the prefilter
is exact in the direction that matters (tests/engine/test_ignore_spec.py compares it with pathspec).
The regexes come from pathspec's own translation of each line, uncompiled; pathspec compiles the
whole spec only when some path gets past the prefilter.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

_NAMED_GROUP = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")
_ANYWHERE = "^(?:.+/)?"  # the pattern may start at any component
_COMPONENT_ENDS = ("(?:(?:/)|$)", "(?:/)")  # it ends where a component ends
_LITERAL = re.compile(r"(?:\\.|[^\\\[\](){}?*+.^$|/])+")  # escaped or plain characters, no slash
_ESCAPE = re.compile(r"\\(.)")


@cache
def _pattern_class() -> type:
    """The pattern class GitIgnoreSpec compiles lines with (its translation to a regex, uncompiled).
    pathspec is imported here, when a .gitignore is first read: a run whose file listing comes from
    the cache reads none, and the import is a tenth of such a run."""
    import pathspec

    return type(pathspec.GitIgnoreSpec.from_lines(["x"]).patterns[0])


def _gitignore_spec(lines: list[str]) -> pathspec.PathSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


class IgnoreSpec:
    """A .gitignore (or exclude list) whose `match_file` is pathspec's, only faster: pathspec's
    compiled spec is built on the first path the prefilter cannot rule out, which most runs never
    see (compiling a 300-line .gitignore costs 40 ms: a fifth of a pre-commit run)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._spec: pathspec.PathSpec | None = None
        self._prefilter = _Prefilter.of(lines)
        if self._prefilter is None:
            self._spec = _gitignore_spec(lines)  # raises on a bad pattern, as before

    @property
    def spec(self) -> pathspec.PathSpec:
        if self._spec is None:
            self._spec = _gitignore_spec(self._lines)
        return self._spec

    def match_file(self, rel: str) -> bool:
        if self._prefilter is not None and not self._prefilter.may_match(rel):
            return False
        return self.spec.match_file(rel)


def compile_lines(lines: list[str]) -> IgnoreSpec:
    return IgnoreSpec(lines)


class _Prefilter:
    def __init__(self, names: frozenset[str], suffixes: tuple[str, ...], rest: re.Pattern | None) -> None:
        self.names, self.suffixes, self.rest = names, suffixes, rest

    @classmethod
    def of(cls, lines: list[str]) -> _Prefilter | None:
        """From the regexes pathspec would compile for `lines` (its own translation, uncompiled);
        None when a line cannot be translated (pathspec then compiles and reports it)."""
        names: set[str] = set()
        suffixes: list[str] = []
        rest: list[str] = []
        for line in lines:
            try:
                regex, include = _pattern_class().pattern_to_regex(line)
            except Exception:  # a pattern pathspec rejects: let it say so
                return None
            if include is None:
                continue  # a comment or blank line: matches nothing
            if not isinstance(regex, str):
                return None
            source = _NAMED_GROUP.sub("(?:", regex)
            shape = _component_shape(source)
            if shape is None:
                rest.append(source)
            elif shape[0] == "name":
                names.add(shape[1])
            else:
                suffixes.append(shape[1])
        try:
            combined = re.compile("|".join(f"(?:{s})" for s in rest)) if rest else None
        except re.error:
            return None
        return cls(frozenset(names), tuple(suffixes), combined)

    def may_match(self, rel: str) -> bool:
        if self.names or self.suffixes:
            parts = rel.split("/")
            if self.names and not self.names.isdisjoint(parts):
                return True
            if self.suffixes and any(p.endswith(self.suffixes) for p in parts):
                return True
        return self.rest is not None and self.rest.search(rel) is not None


def _component_shape(source: str) -> tuple[str, str] | None:
    """("name", n) for a regex matching exactly a component equal to n anywhere in the path,
    ("suffix", s) for one matching a component ending with s, else None."""
    if not source.startswith(_ANYWHERE):
        return None
    body = source[len(_ANYWHERE):]
    end = next((e for e in _COMPONENT_ENDS if body.endswith(e)), None)
    if end is None:
        return None
    core = body[:-len(end)]
    if _LITERAL.fullmatch(core):
        return "name", _ESCAPE.sub(r"\1", core)
    if core.startswith("[^/]*") and _LITERAL.fullmatch(core[5:]):
        return "suffix", _ESCAPE.sub(r"\1", core[5:])
    return None
