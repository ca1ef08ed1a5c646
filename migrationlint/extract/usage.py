"""Where names are used: every reference to an imported or declared name, whether it is used as
a value, only in types, or only in decorator metadata; and `X.y` member references.
"""

from __future__ import annotations

import bisect
from array import array

from tree_sitter import Node

from migrationlint.extract import parsing
from migrationlint.extract.records import (
    FileFacts,
    Spans,
)
from migrationlint.extract.option_holders import option_holder
from migrationlint.extract.parsing import text
from migrationlint.extract.tree_lookups import (
    PATTERN_NAME,
    binding_names,
    ident_nodes,
    shadowed,
    type_position,
)


Q_MEMBER = """(member_expression object: (identifier) @obj property: (property_identifier) @prop) @m"""
Q_JSX = """[(jsx_element) (jsx_self_closing_element)] @jsx"""
# The JSX factory's default root: an element is `React.createElement(...)` (jsx: react), and tsc keeps
# `import React` in every other `jsx` mode too (react-jsx, preserve), as it emits it
JSX_FACTORY = "React"


class UsageFacts:
    """Mixin of the extractor: fills `self.f` from `self.data` (see extract.facts)."""

    f: FileFacts
    data: bytes
    dialect: str

    def _refs(self, root: Node) -> None:
        wanted: set[str] = set()
        for imp in self.f.imports:
            wanted.update(imp.locals)
        for cls in self.f.classes:
            if cls.name:
                wanted.add(cls.name)
        for h in self.f.damaged_headers:
            wanted.add(h.base)
        if not wanted:
            return
        starts: dict[str, list[int]] = {}
        value_used: set[str] = set()
        whole_used: set[str] = set()  # used as a value other than as the object of a member read (`x.y`)
        metadata_used: set[str] = set()  # named in annotations that decorator metadata emits
        spans = sorted((i.stmt_start, i.stmt_end) for i in self.f.imports if i.kind in ("import", "import-equals"))
        import_starts = [a for a, _ in spans]
        nodes = list(ident_nodes(root, self.data, wanted, patterns=True))
        bound = binding_names(nodes)  # only these can be shadowed: the walk is asked for them alone
        for name, node in nodes:
            start = node.start_byte
            if node.type == PATTERN_NAME:
                continue  # a destructured name binds, never uses
            if node.type == "property_identifier":
                parent = node.parent
                if not (parent is not None and parent.type == "member_expression"
                        and parent.child_by_field_name("object") == node):
                    continue
            seen = starts.get(name)
            if seen is None:
                starts[name] = [start]
            else:
                seen.append(start)
            if name in value_used:
                if name not in whole_used and not _member_object(node):
                    whole_used.add(name)
                continue  # the answer is already known: skip the ancestor walk
            at = bisect.bisect_right(import_starts, start) - 1
            in_import = at >= 0 and start < spans[at][1]  # import statements are top-level, disjoint
            if not in_import and not type_position(node):
                if node.type == "type_identifier" or self.data[node.end_byte:node.end_byte + 1] == b"." \
                        and _qualifies_a_type(node):
                    metadata_used.add(name)
                elif name not in bound or not shadowed(node, name.encode()):
                    value_used.add(name)
                    if not _member_object(node):
                        whole_used.add(name)
        if JSX_FACTORY in wanted and self.dialect == "tsx" and JSX_FACTORY not in value_used:
            at = _first_jsx(root, self.dialect)
            if at is not None:  # the element uses the factory as a value, at its `<`
                starts[JSX_FACTORY] = sorted([*starts.get(JSX_FACTORY, []), at])
                value_used.add(JSX_FACTORY)
        self.f.refs = refs = Spans({name: array("I", at) for name, at in starts.items()})
        self.f.metadata_only_locals = sorted(metadata_used - value_used)
        self.f.member_read_locals = sorted(value_used - whole_used)
        self.f.type_only_locals = sorted(
            name for imp in self.f.imports for name in imp.locals
            if name in refs and name not in value_used and name not in metadata_used
            and any(not (imp.stmt_start <= s < imp.stmt_end) for s, _ in refs[name]))

    def _members(self, root: Node) -> None:
        holders = b"transport" in self.data
        for _, m in parsing.cursor(self.dialect, Q_MEMBER).matches(root):
            node = m["m"][0]
            if not _only_named(node):
                self.f.member_refs.append((text(node), node.start_byte, node.end_byte))
                held = option_holder(node, root, self.data) if holders else None
                if held is not None:
                    self.f.transport_holders.append((node.start_byte, *held))


def _first_jsx(root: Node, dialect: str) -> int | None:
    """Where the file's first JSX element starts, if it has one."""
    found = parsing.cursor(dialect, Q_JSX).captures(root).get("jsx", [])
    return min((n.start_byte for n in found), default=None)


def _member_object(node: Node) -> bool:
    """Whether the identifier is the object of a member read (`RedisOption.name`)."""
    parent = node.parent
    return parent is not None and parent.type == "member_expression" and parent.child_by_field_name("object") == node


def _qualifies_a_type(node: Node) -> bool:
    """`Express` in `Express.Multer.File`: the namespace part of a qualified type name, which decorator
    metadata names as the type itself does (a declared interface's emits `Object`)."""
    parent = node.parent
    while parent is not None and parent.type == "nested_identifier":  # `Express.Multer` of `Express.Multer.File`
        parent = parent.parent
    return parent is not None and parent.type == "nested_type_identifier"


_COMPARISONS = frozenset({"===", "!==", "==", "!="})
# NestJS handler decorators whose second argument only filters by transport (`MessagePattern('sum',
# Transport.GRPC)` answers only in a gRPC server): a tag on the handler, no server nor client
_HANDLER_FILTERS = frozenset({"MessagePattern", "EventPattern"})


def _callee_name(call: Node | None) -> str | None:
    """The called name of a call (`MessagePattern` of `MessagePattern(...)` or `ms.MessagePattern(...)`)."""
    fn = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if fn is not None and fn.type == "member_expression":
        fn = fn.child_by_field_name("property")
    return text(fn) if fn is not None and fn.type in ("identifier", "property_identifier") else None


def _only_named(node: Node) -> bool:
    """Whether `X.Y` is only named, not chosen: a computed key (`{ [Transport.KAFKA]: 'kafka' }`), a
    side of a comparison (`transport === Transport.KAFKA`), a `case` label or a handler decorator's
    transport filter selects nothing, so nothing is loaded for it (a lookup table of transports in a
    shared library, one decorator per transport)."""
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "computed_property_name" or (parent.type == "switch_case" and parent.child_by_field_name("value") == node):
        return True
    if parent.type == "arguments" and parent.named_children[0] != node and _callee_name(parent.parent) in _HANDLER_FILTERS:
        return True
    operator = parent.child_by_field_name("operator") if parent.type == "binary_expression" else None
    return operator is not None and operator.type in _COMPARISONS

