"""One tree -> the places that ask for a dynamic module or may make one global.

A library module such as `ConfigModule.forRoot({ isGlobal: true })` or `ScheduleModule.forRoot()`
makes its providers visible in every module, wherever the call is written (a `@Module` array, a
const, a workspace helper); a workspace builder returning `{ module: X, global: true, exports }`
does the same for X. The model (nest_providers) needs every such place to decide which providers
are global, so they are read from the whole file, not only from `@Module` decorators; what is
computed is kept as "unknown" (None), never guessed.
"""

from __future__ import annotations

from typing import Callable

from tree_sitter import Node

from migrationlint.extract.nest_records import NestCall, NestGlobal, NestItem
from migrationlint.extract.parsing import text

# the builders of dynamic modules (`forRoot`, `registerAsync`...), not `forEach`
_METHODS = frozenset(f"{m}{a}" for m in ("forRoot", "forFeature", "register") for a in ("", "Async"))
CALL_HINTS = (b".forRoot", b".forFeature", b".register")


def wanted(data: bytes) -> tuple[bool, bool]:
    """(may hold a dynamic-module call, may hold a global dynamic module object): byte checks that
    keep the queries off the files that cannot have them."""
    return (any(h in data for h in CALL_HINTS),
            b"global" in data or (b"module" in data and b"..." in data))


_FLAGS = ("global", "isGlobal")
_NAMES = ("property_identifier", "shorthand_property_identifier", "identifier")
_NOT_A_CLASS = ("string", "template_string", "number", "true", "false", "null", "undefined", "object", "array")
_WRAPPERS = ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression")


def dynamic_facts(root: Node, data: bytes, dialect: str,
                  read_items: Callable[[Node], list[NestItem] | None]) -> tuple[list[NestCall], list[NestGlobal]]:
    """(dynamic-module calls, possible global dynamic modules) of one file. `read_items` reads an
    array literal the way `@Module` arrays are read."""
    calls: list[NestCall] = []
    found: dict[int, NestGlobal] = {}
    want_calls, want_objects = wanted(data)
    for word in (b"forRoot", b"forFeature", b"register") if want_calls else ():
        for node in _words(root, data, word):
            call = _call_of(node)
            if call is not None:
                calls.append(_call(call))
    for word in (b"global", b"module") if want_objects else ():
        for node in _words(root, data, word):
            parent = node.parent
            if parent is not None and parent.type == "pair" and parent.child_by_field_name("key") == node:
                parent = parent.parent
            if parent is not None and parent.type == "object":
                if parent.start_byte not in found and not _call_options(parent):
                    record = _object(parent, read_items)
                    if record is not None:
                        found[parent.start_byte] = record
            elif word == b"global" and _assigned(node):
                found[node.start_byte] = NestGlobal("", node.start_byte, None, None)
    calls.sort(key=lambda c: c.start)
    return calls, [found[k] for k in sorted(found)]


def _words(root: Node, data: bytes, word: bytes):
    """The identifier-like nodes that start where `word` occurs in the bytes (a byte search finds
    the few candidates; the tree says what each one is)."""
    i = data.find(word)
    while i != -1:
        node = root.descendant_for_byte_range(i, i + len(word))
        if node is not None and node.start_byte == i and node.type in _NAMES:
            yield node
        i = data.find(word, i + len(word))


def _call_of(node: Node) -> Node | None:
    """The call `X.forRoot(...)` whose method name is `node`, if it is one."""
    member = node.parent
    if text(node) not in _METHODS or member is None or member.type != "member_expression":
        return None
    obj = member.child_by_field_name("object")
    call = member.parent
    if obj is None or obj.type != "identifier" or call is None or call.type != "call_expression":
        return None
    return call if call.child_by_field_name("function") == member else None


def _assigned(node: Node) -> bool:
    """Whether `node` is the `global` of `x.global = ...`."""
    member = node.parent
    assign = member.parent if member is not None and member.type == "member_expression" else None
    return (text(node) == "global" and assign is not None and assign.type == "assignment_expression"
            and assign.child_by_field_name("left") == member)


def _call(node: Node) -> NestCall:
    fn = node.child_by_field_name("function")
    head = fn.child_by_field_name("object") if fn is not None else None
    prop = fn.child_by_field_name("property") if fn is not None else None
    call = NestCall(text(head) if head is not None else "", text(prop) if prop is not None else "", node.start_byte)
    args = node.child_by_field_name("arguments")
    first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
    if first is None:
        return call
    first = _unwrap(first)
    if first.type != "object" or any(c.type == "spread_element" for c in first.named_children):
        call.options = "other"
        return call
    call.options = "literal"
    for key, value in _pairs(first):
        if key in _FLAGS:
            call.flags[key] = _bool(value)
    return call


def _call_options(node: Node) -> bool:
    """Whether the object is the options argument of a `X.for*()` / `X.register*()` call (read by
    `_call`, not a dynamic module itself)."""
    parent = node.parent
    call = parent.parent if parent is not None and parent.type == "arguments" else None
    fn = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    prop = fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression" else None
    obj = fn.child_by_field_name("object") if prop is not None else None
    return (obj is not None and obj.type == "identifier" and prop is not None
            and text(prop).startswith(("forRoot", "forFeature", "register")))


def _object(node: Node, read_items: Callable[[Node], list[NestItem] | None]) -> NestGlobal | None:
    """A dynamic module object that may be global: a `global` key next to a `module` key or a
    spread, or a `module` key next to a spread (the spread may hold `global`); None otherwise."""
    pairs = dict(_pairs(node))
    spread = any(c.type == "spread_element" for c in node.named_children)
    has_global = "global" in pairs or any(
        c.type == "shorthand_property_identifier" and text(c) == "global" for c in node.named_children)
    if "module" in pairs and _unwrap(pairs["module"]).type in _NOT_A_CLASS:
        return None  # `{ ...options, module: 'NodeNext' }`: a dynamic module names a class
    has_module = "module" in pairs or _shorthand(node, "module")
    if not (has_module or spread) or not (has_global or (spread and has_module)):
        return None  # options (`{ global: true, secret }`) are read at their call, plain objects are not modules
    record = NestGlobal(_module_name(node, pairs.get("module")), node.start_byte)
    if "global" in pairs and not spread:
        record.flag = _bool(pairs["global"])
    if "exports" in pairs:
        record.exports = read_items(pairs["exports"])
    elif spread or _shorthand(node, "exports"):
        record.exports = None
    return record


def _module_name(node: Node, value: Node | None) -> str:
    """The class a dynamic module object names: an identifier, or `this` inside a static method."""
    if value is None:
        return ""
    value = _unwrap(value)
    if value.type == "identifier":
        return text(value)
    if value.type == "this":
        parent = node.parent
        while parent is not None and parent.type not in ("class_declaration", "abstract_class_declaration", "class"):
            parent = parent.parent
        name = parent.child_by_field_name("name") if parent is not None else None
        return text(name) if name is not None else ""
    return ""


def _pairs(node: Node) -> list[tuple[str, Node]]:
    out = []
    for c in node.named_children:
        key = c.child_by_field_name("key") if c.type == "pair" else None
        value = c.child_by_field_name("value") if key is not None else None
        if key is not None and value is not None and key.type == "property_identifier":
            out.append((text(key), value))
    return out


def _shorthand(node: Node, name: str) -> bool:
    return any(c.type == "shorthand_property_identifier" and text(c) == name for c in node.named_children)


def _bool(value: Node) -> bool | None:
    value = _unwrap(value)
    return True if value.type == "true" else False if value.type == "false" else None


def _unwrap(node: Node) -> Node:
    while node.type in _WRAPPERS and node.named_children:
        node = node.named_children[0]
    return node
