"""Glob matching for configuration globs and TypeORM `migrations:` globs.

TypeORM (through `glob`) understands `**`, `*`, `?`, character classes and `{a,b}` braces; the
standard library's fnmatch lets `*` cross `/` and has no braces, so patterns are compiled here.
"""

from __future__ import annotations

import re
from functools import lru_cache


def expand_braces(pattern: str) -> list[str]:
    """`a/*.{ts,js}` -> [`a/*.ts`, `a/*.js`] (nested braces supported)."""
    depth = 0
    start = -1
    for i, ch in enumerate(pattern):
        if ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                inner = pattern[start + 1:i]
                options = _split_top(inner)
                if len(options) < 2:
                    return [pattern[: i + 1] + rest for rest in expand_braces(pattern[i + 1:])]
                out = []
                for opt in options:
                    out.extend(expand_braces(pattern[:start] + opt + pattern[i + 1:]))
                return out
    return [pattern]


def _split_top(inner: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in inner:
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur.append(ch)
    parts.append("".join(cur))
    return parts


def _translate(pattern: str, classes: bool = True) -> str:
    out = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "*":
            if pattern.startswith("**", i):
                i += 2
                if i < n and pattern[i] == "/":
                    i += 1
                    out.append("(?:.*/)?")
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and classes:
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body + "]")
                i = j
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


@lru_cache(maxsize=4096)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """A regex matching posix paths against `pattern` (braces expanded, `**` across directories)."""
    return re.compile(glob_source(pattern))


def glob_source(pattern: str, wildcards_only: bool = False) -> str:
    """compile_glob's regex, uncompiled: for callers that join many patterns into one regex (a
    regex is compiled once, not once per pattern and again joined). With `wildcards_only`, only
    `*`, `**` and `?` are special, as in TypeScript's `include` and `exclude`: brackets and braces
    are literal (a route file `[[path]].ts`)."""
    if wildcards_only:
        return "^(?:" + _translate(pattern, classes=False) + ")$"
    alternatives = [_translate(p) for p in expand_braces(pattern)]
    return "^(?:" + "|".join(alternatives) + ")$"


def match(pattern: str, path: str) -> bool:
    """Match a posix path. A pattern without `/` matches the basename anywhere (gitignore-like)."""
    if "/" not in pattern:
        return bool(compile_glob(pattern).match(path.rsplit("/", 1)[-1]))
    return bool(compile_glob(pattern.lstrip("/")).match(path.lstrip("/")))


def match_from_root(pattern: str, path: str) -> bool:
    """Match a posix path relative to a root against a glob relative to that root, whatever its
    `/`s: a workspace's member glob `api` is the root's `api/`, not `tools/api/` (npm, yarn and
    pnpm read their globs so)."""
    return bool(compile_glob(pattern.lstrip("/")).match(path.lstrip("/")))


def match_any(patterns: list[str], path: str) -> bool:
    by_name, by_path = _matchers(tuple(patterns))
    return bool((by_name is not None and by_name.match(path.rsplit("/", 1)[-1]))
                or (by_path is not None and by_path.match(path.lstrip("/"))))


@lru_cache(maxsize=1024)
def _matchers(patterns: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """One regex for the basename patterns and one for the path patterns of a list (`match` rules):
    rule checks test every file against the same few lists, one regex each is one C call."""
    def joined(items: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(compile_glob(p).pattern for p in items)) if items else None

    return (joined([p for p in patterns if "/" not in p]),
            joined([p.lstrip("/") for p in patterns if "/" in p]))


WILDCARD = re.compile(r"[][*?{}()!]")  # what makes a pattern part a glob
_EVERYTHING_BELOW = ("", "/**", "/**/*", "/*", "/**/*.*")


def static_base(pattern: str) -> str:
    """The part of a glob before the path part holding its first wildcard (`../../tests/api/**/*.ts`
    -> `../../tests/api`; the whole pattern when it has none), `/` separated."""
    path = pattern.replace("\\", "/").rstrip("/")
    match = WILDCARD.search(path)
    return path if match is None else path[:max(path.rfind("/", 0, match.start()), 0)]


def excluded_folder(pattern: str) -> str | None:
    """The folder an absolute glob takes whole (`/repo/tests/archives`, `/repo/legacy/**`), or None
    for a pattern that picks files by their names (`/repo/src/**/*.spec.ts`, `**/node_modules/**`
    taken from the top)."""
    path = pattern.replace("\\", "/").rstrip("/")
    folder = static_base(path)
    return folder if folder and path[len(folder):] in _EVERYTHING_BELOW else None
