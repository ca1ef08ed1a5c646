"""Vite's `import.meta.glob('./pages/*.tsx')`: the files a glob pattern names are modules of the
bundle, loaded on demand (or at once with `{ eager: true }`), though no import statement names them.

Read as (pattern, start, end) of each literal pattern (a string, or the strings of an array, `!`
ones included) of an `import.meta.glob(...)` or `import.meta.globEager(...)` call (Vite 2's);
which files a pattern matches is the shipping model's question (model/glob_targets.py).
"""

from __future__ import annotations

from tree_sitter import Node

from migrationlint.extract.parsing import string_value
from migrationlint.extract.tree_lookups import leaf_at

_PREFIX = b"import.meta."


def glob_imports(root: Node, data: bytes) -> list[tuple[str, int, int]]:
    """(pattern, start, end) of every literal pattern of the file's `import.meta.glob` calls."""
    found: list[tuple[str, int, int]] = []
    at = data.find(_PREFIX + b"glob")
    while at != -1:
        start = at + len(_PREFIX)
        end = start + (len(b"globEager") if data.startswith(b"globEager", start) else len(b"glob"))
        found += _patterns(leaf_at(root, start, end))
        at = data.find(_PREFIX + b"glob", end)
    return found


def _patterns(prop: Node | None) -> list[tuple[str, int, int]]:
    member = prop.parent if prop is not None and prop.type == "property_identifier" else None
    call = member.parent if member is not None and member.type == "member_expression" else None
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != member \
            or (member.child_by_field_name("object") or member).text != b"import.meta":
        return []
    args = call.child_by_field_name("arguments")
    first = args.named_children[0] if args is not None and args.named_children else None
    items = first.named_children if first is not None and first.type == "array" else [first] if first is not None else []
    return [(value, item.start_byte, item.end_byte) for item in items
            if (value := string_value(item)) is not None and value]
