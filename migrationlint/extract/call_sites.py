"""Call-site facts: `new` expressions, schema-builder decorators and method calls with their
object arguments (MIG011, MIG012 and the DataSource readers).
"""

from __future__ import annotations

import sys
from array import array

from tree_sitter import Node

from migrationlint.extract.typeorm_names import TypeormBindings
from migrationlint.extract.records import (
    CallFact,
    DecoratorFact,
    FileFacts,
    NewExpr,
    ObjectLiteral,
)
from migrationlint.extract.parsing import string_value, text
from migrationlint.extract.tree_lookups import (
    call_function,
    decorator_nodes,
    method_call_nodes,
    new_nodes,
    unwrap_casts,
)


# TypeORM's schema-builder classes: the only callees whose object arguments rules read (MIG011 on
# decorators, MIG012 on `new`), so decorators and option objects of anything else are not kept
SCHEMA_BUILDER_CLASSES = frozenset({
    "Table", "TableIndex", "TableColumn", "TableForeignKey", "TableUnique", "TableCheck", "TableExclusion", "View",
})


def _loaded_class(ctor: Node) -> tuple[str, str] | None:
    """(module path, class name) of a constructor taken from a module loaded in place: `(require('./x').Name)`,
    `(await import('./x')).Name`; a template literal's substitutions become `*`. None otherwise."""
    while ctor.type == "parenthesized_expression" and ctor.named_children:
        ctor = ctor.named_children[0]
    if ctor.type != "member_expression":
        return None
    module, name = ctor.child_by_field_name("object"), ctor.child_by_field_name("property")
    while module is not None and module.type in ("parenthesized_expression", "await_expression") and module.named_children:
        module = module.named_children[0]
    callee = module.child_by_field_name("function") if module is not None and module.type == "call_expression" else None
    args = module.child_by_field_name("arguments") if callee is not None and text(callee) in ("require", "import") else None
    first = args.named_children[0] if args is not None and args.named_children else None
    if first is None or name is None:
        return None
    if first.type == "string":
        return string_value(first) or "", text(name)
    if first.type != "template_string":
        return None
    parts = [text(c) if c.type == "string_fragment" else "*" for c in first.named_children
             if c.type in ("string_fragment", "template_substitution")]
    return "".join(parts), text(name)


def _object_literal(node: Node) -> ObjectLiteral:
    names: list[str] = []
    kinds: list[str] = []
    spans: list[int] = []
    arrays: dict[str, list[ObjectLiteral]] = {}
    intern = sys.intern
    for pair in node.named_children:
        kind = pair.type
        if kind == "pair":
            k = pair.child_by_field_name("key")
            v = pair.child_by_field_name("value")
            if k is None or v is None:
                continue
            key = string_value(k) if k.type == "string" else text(k)
            if key is None:
                continue
            # interned: a migration repeats `name`, `type`, `isNullable`... hundreds of times, and a
            # pickle stores (and a load rebuilds) an interned string once per file
            value_kind = intern(v.type)
            names.append(intern(key))
            kinds.append(value_kind)
            spans += (k.start_byte, k.end_byte, v.start_byte, v.end_byte)
            if value_kind == "array":
                items = [_object_literal(e) for e in v.named_children if e.type == "object"]
                if items:
                    arrays[key] = items
        elif kind == "shorthand_property_identifier":
            start, end = pair.start_byte, pair.end_byte
            names.append(text(pair))
            kinds.append("identifier")
            spans += (start, end, start, end)
    return ObjectLiteral(node.start_byte, node.end_byte, tuple(names), tuple(kinds), array("I", spans), arrays)


def _parameter_type(node: Node, name: str) -> str:
    """The annotated type of parameter `name` of the nearest enclosing function declaring it ('' if none).

    Walks ancestors only (called for the few method calls rules inspect, not for every node).
    """
    n = node.parent
    while n is not None:
        params = n.child_by_field_name("parameters")
        if params is not None and params.type == "formal_parameters":
            for p in params.named_children:
                pattern = p.child_by_field_name("pattern")
                if pattern is not None and pattern.type == "identifier" and text(pattern) == name:
                    annotation = p.child_by_field_name("type")
                    return text(annotation).lstrip(":").strip() if annotation is not None else ""
        n = n.parent
    return ""




class CallSitesFacts:
    """Mixin of the extractor: fills `self.f` from `self.data` (see extract.facts)."""

    f: FileFacts
    data: bytes
    dialect: str
    typeorm: TypeormBindings

    def _new_expressions(self, root: Node) -> None:
        for new, ctor in new_nodes(root, self.data):
            expr = NewExpr(callee=text(ctor), callee_start=ctor.start_byte, callee_end=ctor.end_byte,
                           start=new.start_byte, end=new.end_byte, loaded=_loaded_class(ctor))
            args = new.child_by_field_name("arguments")
            if args is not None and args.named_child_count:
                first = args.named_children[0]
                if first.type == "object" and self._typeorm_name(expr.callee) in SCHEMA_BUILDER_CLASSES:
                    expr.object_arg = _object_literal(first)
                expr.args = [(a.type, a.start_byte, a.end_byte) for a in args.named_children if a.type != "comment"]
            self.f.new_exprs.append(expr)

    def _decorators(self, root: Node) -> None:
        for node in decorator_nodes(root, self.data):
            expr = node.named_children[0] if node.named_children else None
            if expr is None:
                continue
            callee = expr.child_by_field_name("function") if expr.type == "call_expression" else expr
            if callee is None or self._typeorm_name(text(callee)) not in SCHEMA_BUILDER_CLASSES:
                continue
            parent = node.parent
            target = "member"
            if parent is not None:
                if parent.type in ("class_declaration", "abstract_class_declaration", "class", "export_statement"):
                    target = "class"
                elif parent.type in ("required_parameter", "optional_parameter"):
                    target = "parameter"
            fact = DecoratorFact(
                name=text(callee), name_start=callee.start_byte, name_end=callee.end_byte,
                start=node.start_byte, end=node.end_byte, target=target,
            )
            call_args = expr.child_by_field_name("arguments") if expr.type == "call_expression" else None
            if call_args is not None:
                for a in call_args.named_children:
                    if a.type == "comment":
                        continue
                    if a.type == "object":
                        fact.objects[len(fact.args)] = _object_literal(a)
                    fact.args.append((a.type, a.start_byte, a.end_byte))
            self.f.decorators.append(fact)

    def _typeorm_name(self, callee: str) -> str | None:
        """The typeorm export `callee` names through this file's imports (`Idx` -> TableIndex), else None."""
        return self.typeorm.imported_name(callee)

    def _method_calls(self, root: Node) -> None:
        for prop, call, args in method_call_nodes(root, self.data):
            name = text(prop)
            fn = call_function(call)
            fact = CallFact(callee=text(fn) if fn is not None else name, callee_start=prop.start_byte,
                            callee_end=prop.end_byte, start=call.start_byte, end=call.end_byte)
            for a in args.named_children:
                if a.type == "comment":
                    continue
                fact.args.append((a.type, a.start_byte, a.end_byte))
                a = unwrap_casts(a)  # `{...} as any` is the same plain object at runtime
                if a.type == "object":
                    fact.objects[len(fact.args) - 1] = _object_literal(a)
                elif a.type == "array":
                    elements = (unwrap_casts(e) for e in a.named_children)
                    objs = [_object_literal(e) for e in elements if e.type == "object"]
                    if objs:
                        fact.array_objects[len(fact.args) - 1] = objs
            obj = fn.child_by_field_name("object") if fn is not None else None
            if obj is not None and obj.type == "identifier":
                fact.receiver = text(obj)
                fact.receiver_type = _parameter_type(call, fact.receiver)
            elif obj is not None and obj.type == "member_expression":
                last = obj.child_by_field_name("property")
                fact.receiver = text(last) if last is not None else ""
            self.f.calls.append(fact)

