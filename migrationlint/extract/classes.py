"""Class facts: names, heritage, methods, fields and constructor parameter types (migration
identity rules and the schema-builder checks read them).
"""

from __future__ import annotations


from tree_sitter import Node

from migrationlint.extract.records import (
    ClassFact,
    FieldFact,
    FileFacts,
)
from migrationlint.extract.parsing import string_value, text
from migrationlint.extract.unawaited_calls import unawaited_runner_calls


class ClassesFacts:
    """Mixin of the extractor: fills `self.f` from `self.data` (see extract.facts)."""

    f: FileFacts
    data: bytes
    dialect: str

    def _class(self, node: Node, exported: bool) -> None:
        name_node = node.child_by_field_name("name")
        name = text(name_node) if name_node is not None else ""
        cls = ClassFact(
            name=name,
            name_start=name_node.start_byte if name_node is not None else node.start_byte,
            name_end=name_node.end_byte if name_node is not None else node.start_byte,
            start=node.start_byte,
            end=node.end_byte,
            exported=exported,
            abstract=node.type == "abstract_class_declaration",
        )
        for child in node.children:
            if child.type == "class_heritage":
                self._heritage(child, cls)
        body = node.child_by_field_name("body")
        if body is not None:
            self._class_body(body, cls)
        self.f.classes.append(cls)

    def _heritage(self, heritage: Node, cls: ClassFact) -> None:
        for clause in heritage.named_children:
            if clause.type == "extends_clause":
                value = clause.child_by_field_name("value")
                if value is None and clause.named_children:
                    value = clause.named_children[0]
                if value is not None:
                    cls.extends = text(value)
            elif clause.type == "implements_clause":
                for t in clause.named_children:
                    cls.implements.append(text(t).split("<", 1)[0])

    def _class_body(self, body: Node, cls: ClassFact) -> None:
        for member in body.named_children:
            kind = member.type
            if kind == "method_definition" or kind == "method_signature" or kind == "abstract_method_signature":
                n = member.child_by_field_name("name")
                if n is not None:
                    cls.methods.append(text(n))
                    if kind == "method_definition" and text(n) == "constructor":
                        self._ctor_params(member)
                        self._ctor_name(member, cls)
                    elif kind == "method_definition":
                        cls.unawaited += unawaited_runner_calls(member, self.dialect)
                        body = member.child_by_field_name("body")
                        if body is not None and all(c.type == "comment" for c in body.named_children):
                            cls.empty_methods.append(text(n))
            elif kind == "public_field_definition":
                cls.fields.append(self._field(member))

    def _ctor_name(self, method: Node, cls: ClassFact) -> None:
        """`this.name = ...` in the constructor: the name TypeORM reads from the instance it builds,
        as a field initialiser's would be (a string literal's value; any other expression's span
        only, which says the name is not known statically). The last assignment wins."""
        body = method.child_by_field_name("body")
        for statement in body.named_children if body is not None else ():
            expr = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
            if expr is None or expr.type != "assignment_expression":
                continue
            left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
            if left is None or right is None or text(left).replace(" ", "") != "this.name":
                continue
            fact = next((f for f in cls.fields if f.name == "name" and not f.is_static), None)
            if fact is None:
                fact = FieldFact(name="name", start=expr.start_byte, end=expr.end_byte)
                cls.fields.append(fact)
            fact.value, fact.value_start, fact.value_end = string_value(right), right.start_byte, right.end_byte
            fact.quote = right.text[:1].decode() if fact.value is not None and right.text else fact.quote

    def _ctor_params(self, method: Node) -> None:
        params = method.child_by_field_name("parameters")
        for p in params.named_children if params is not None else ():
            ann = p.child_by_field_name("type") if p.type in ("required_parameter", "optional_parameter") else None
            t = ann.named_children[0] if ann is not None and ann.named_children else None
            if t is not None:
                self.f.ctor_param_types.append((text(t).split("<", 1)[0], t.start_byte, t.end_byte))

    def _field(self, node: Node) -> FieldFact:
        n = node.child_by_field_name("name")
        v = node.child_by_field_name("value")
        fact = FieldFact(name=text(n) if n is not None else "", start=node.start_byte, end=node.end_byte)
        kinds = [c.type for c in node.children]
        fact.is_static = "static" in kinds
        fact.damaged = "ERROR" in kinds
        if v is not None:
            fact.value = string_value(v)
            fact.value_start, fact.value_end = v.start_byte, v.end_byte
            if fact.value is not None and v.text:
                fact.quote = v.text[:1].decode()
        if fact.damaged:
            first_error = next(c for c in node.children if c.type == "ERROR")
            fact.value_start = first_error.start_byte
        return fact

