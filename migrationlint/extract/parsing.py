"""tree-sitter languages and parsers.

Languages and parsers are built once per process: building a Parser is cheap but not free, and
`Language`/`Parser`/`Tree` objects do not pickle, so every worker process builds its own here.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

TS_SUFFIXES = (".ts", ".tsx", ".mts", ".cts")


@cache
def language(dialect: str) -> Language:
    """Return the tree-sitter Language for `ts` or `tsx` (JSX changes how `<T>x` parses). The
    grammar library is loaded here, on first use: a run answered from the cache never parses, and
    loading it costs a tenth of such a run."""
    import tree_sitter_typescript as _tst
    from tree_sitter import Language

    if dialect == "tsx":
        return Language(_tst.language_tsx())
    return Language(_tst.language_typescript())


def dialect_for(path: str) -> str:
    """TSX grammar only for `.tsx` files; the TypeScript grammar for everything else."""
    return "tsx" if path.endswith(".tsx") else "ts"


@cache
def parser(dialect: str) -> Parser:
    """One parser per dialect per process."""
    from tree_sitter import Parser

    return Parser(language(dialect))


@cache
def query(dialect: str, source: str) -> Query:
    """Compile a query once per language (queries are module-level constants in callers)."""
    from tree_sitter import Query

    return Query(language(dialect), source)


def cursor(dialect: str, source: str) -> QueryCursor:
    """A fresh cursor over the compiled (cached) query: cursors hold match state, queries do not."""
    from tree_sitter import QueryCursor

    return QueryCursor(query(dialect, source))


def parse(data: bytes, path: str) -> Tree:
    """Parse `data` with the grammar `path`'s suffix calls for."""
    return parser(dialect_for(path)).parse(data)


def text(node: Node) -> str:
    """The UTF-8 text of a node (undecodable bytes replaced, never raising)."""
    raw = node.text
    return raw.decode("utf-8", "replace") if raw is not None else ""


def string_value(node: Node) -> str | None:
    """The value of a string literal node (quotes removed), or None for anything else."""
    if node.type == "string":
        raw = node.text or b""
        return raw[1:-1].decode("utf-8", "replace") if len(raw) >= 2 else ""
    if node.type == "template_string" and node.named_child_count == 0:
        raw = node.text or b""
        return raw[1:-1].decode("utf-8", "replace")
    return None
