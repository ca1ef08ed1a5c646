"""Whether a reference inside an exported declaration survives tsc's declaration emit.

A `.d.ts` keeps the signatures of what a module exports, not its implementation: a private member
is written without its type (`private readonly expiry;`), a constructor's or an annotated
function's body is gone, and an initializer gives way to the annotation beside it. A type named
only there reaches no consumer of a published package. Where the emit infers a type (a function
with no return annotation, an unannotated `export const`), the body or initializer may leak into
the `.d.ts`, so a reference there counts as kept.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from tree_sitter import Node, Tree

from migrationlint.extract.parsing import parse, text

_MEMBERS = frozenset({"public_field_definition", "method_definition", "method_signature",
                      "abstract_method_signature", "required_parameter", "optional_parameter"})
_FUNCTIONS = frozenset({"function_declaration", "generator_function_declaration", "function_expression",
                        "generator_function", "arrow_function", "method_definition"})
_ANNOTATED = frozenset({"variable_declarator", "public_field_definition"})


def any_emitted(data: bytes, path: str, refs: Iterable[tuple[int, int, int]]) -> bool:
    """Whether any of the references, each (its byte offset, and the span of the exported statement
    that holds it), is one the emitted declarations keep. Only that statement is parsed again (a
    class or function declaration parses alone), not the whole file."""
    for at, start, end in refs:
        start = data.rfind(b"\n", 0, start) + 1  # from its line's start: `export const` before a declarator's span
        node = _tree(data[start:end], path).root_node.descendant_for_byte_range(at - start, at - start)
        if _emitted(node):
            return True
    return False


@lru_cache(maxsize=64)
def _tree(data: bytes, path: str) -> Tree:
    """One parse per statement however many of its references are asked about."""
    return parse(data, path)


def _emitted(node: Node | None) -> bool:
    child = node
    while node is not None:
        if node.type in _MEMBERS and _private(node):
            return False
        if node.type == "statement_block" and _typed_body(node.parent):
            return False
        if node.type in _ANNOTATED and node.child_by_field_name("type") is not None \
                and _is_field(node, "value", child):
            return False
        child, node = node, node.parent
    return True


def _private(member: Node) -> bool:
    """A `private` member or parameter property, or an ECMAScript `#name` one."""
    name = member.child_by_field_name("name")
    if name is not None and name.type == "private_property_identifier":
        return True
    return any(c.type == "accessibility_modifier" and text(c) == "private" for c in member.children)


def _typed_body(function: Node | None) -> bool:
    """Whether a function's body is absent from its declaration: a return type annotation says
    what the emit writes, and a constructor or a setter returns nothing to infer."""
    if function is None or function.type not in _FUNCTIONS:
        return False
    if function.child_by_field_name("return_type") is not None:
        return True
    name = function.child_by_field_name("name")
    setter = any(c.type == "set" for c in function.children)
    return function.type == "method_definition" and (setter or name is not None and text(name) == "constructor")


def _is_field(node: Node, field: str, child: Node | None) -> bool:
    value = node.child_by_field_name(field)
    return value is not None and child is not None and value.id == child.id
