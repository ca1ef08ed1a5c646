"""Find class headers that tree-sitter could not parse (unrendered template placeholders).

tree-sitter's error recovery gives different trees for the same damage depending on context:
the class may survive with an ERROR node after its name, or the whole header
may become one flat ERROR node with the body re-parsed as loose statements. Instead of matching
tree shapes, this module walks the token (leaf) sequence that follows each `class` keyword, which
is the same in every shape: `class`, the name, the damaged tokens, then `implements`/`extends` or
the body's `{`. It only runs on trees that contain damage.
"""

from __future__ import annotations

import re
from typing import Iterator

from tree_sitter import Node

from migrationlint.extract.records import HeaderDamage
from migrationlint.extract.typeorm_names import has_placeholder

_HERITAGE = (b"implements", b"extends")
_CLEAN_LITERAL = re.compile(r"""^(?:'[^'\\\n]*'|"[^"\\\n]*")$""")
_MAX_BODY_LEAVES = 400


def _next_leaf(node: Node) -> Node | None:
    """The leaf that follows `node` in source order (None at the end of the file)."""
    n: Node | None = node
    while n is not None:
        sib = n.next_sibling
        if sib is not None:
            while sib.child_count:
                sib = sib.children[0]
            return sib
        n = n.parent
    return None


def _prev_leaf(node: Node) -> Node | None:
    n: Node | None = node
    while n is not None:
        sib = n.prev_sibling
        if sib is not None:
            while sib.child_count:
                sib = sib.children[-1]
            return sib
        n = n.parent
    return None


def _leaves_after(node: Node) -> Iterator[Node]:
    leaf = _next_leaf(node)
    while leaf is not None:
        if leaf.type != "comment":
            yield leaf
        leaf = _next_leaf(leaf)


def _line_end(data: bytes, offset: int) -> int:
    end = data.find(b"\n", offset)
    return len(data) if end == -1 else end


def _damaged_between(root: Node, start: int, end: int) -> bool:
    """True when an ERROR or MISSING node overlaps [start, end)."""
    node = root.descendant_for_byte_range(start, max(start, end - 1))
    stack = [node] if node is not None else []
    # look at the smallest node covering the range and its ancestors and descendants
    n = node
    while n is not None:
        if n.type == "ERROR" or n.is_missing:
            return True
        n = n.parent
    while stack:
        n = stack.pop()
        if n.end_byte <= start or n.start_byte >= end:
            continue
        if n.type == "ERROR" or n.is_missing:
            return True
        stack.extend(n.children)
    return False


def find_damaged_headers(root: Node, data: bytes, class_keywords: list[Node]) -> list[HeaderDamage]:
    """Every `class Name<junk> implements ... {` header whose junk is parse damage."""
    found: list[HeaderDamage] = []
    for kw in class_keywords:
        damage = _header(root, data, kw)
        if damage is not None:
            found.append(damage)
    return found


def _header(root: Node, data: bytes, kw: Node) -> HeaderDamage | None:
    name = next(_leaves_after(kw), None)
    if name is None or name.type not in ("identifier", "type_identifier"):
        return None
    line_end = _line_end(data, name.end_byte)
    stop = None
    heritage: list[str] = []
    for leaf in _leaves_after(name):
        if leaf.start_byte >= line_end:
            break
        raw = leaf.text or b""
        if stop is None and raw in _HERITAGE:
            stop = leaf.start_byte
        if stop is not None:
            if raw == b"{":
                break
            heritage.append(raw.decode("utf-8", "replace"))
    if stop is None:
        brace = data.rfind(b"{", name.end_byte, line_end)
        stop = brace if brace != -1 else line_end
    junk_start = name.end_byte
    base = (name.text or b"").decode("utf-8", "replace")
    if base.endswith("$") and data[junk_start:stop].lstrip().startswith(b"{"):
        base = base[:-1]
        junk_start -= 1
    junk = data[junk_start:stop].strip()
    if not junk or (junk.startswith(b"<") and junk.endswith(b">") and b"%" not in junk):
        return None
    if not _damaged_between(root, kw.start_byte, line_end):
        return None
    junk_end = junk_start + len(data[junk_start:stop].rstrip())
    prev = _prev_leaf(kw)
    damage = HeaderDamage(
        base=base,
        name_start=name.start_byte,
        name_end=name.start_byte + len(base.encode()),
        junk=junk.decode("utf-8", "replace"),
        junk_start=junk_start,
        junk_end=junk_end,
        heritage=heritage,
        exported=prev is not None and prev.text == b"export",
    )
    _name_field(data, name, damage)
    return damage


def _name_field(data: bytes, name_leaf: Node, damage: HeaderDamage) -> None:
    """Find `name = <damaged literal>` in the class body that follows a damaged header."""
    count = 0
    leaves = _leaves_after(name_leaf)
    for leaf in leaves:
        count += 1
        if count > _MAX_BODY_LEAVES or leaf.text == b"class":
            return
        if leaf.text != b"name":
            continue
        eq = next(leaves, None)
        if eq is None or eq.text != b"=":
            continue
        start = eq.end_byte
        end = _line_end(data, start)
        segment = data[start:end]
        semi = segment.rfind(b";")
        if semi != -1:
            segment = segment[:semi]
        raw = segment.strip()
        if not raw:
            return
        value_start = start + (len(segment) - len(segment.lstrip()))
        text = raw.decode("utf-8", "replace")
        if _CLEAN_LITERAL.match(text) and not has_placeholder(text[1:-1]):
            return
        damage.name_value_start = value_start
        damage.name_value_end = value_start + len(raw)
        damage.name_value_raw = text
        return
