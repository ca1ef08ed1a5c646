"""Export and declaration facts: what a file exports (IMP002/IMP003, export surfaces) and its
non-exported top-level declarations (IMP003 offers to export them).
"""

from __future__ import annotations


from tree_sitter import Node

from migrationlint.extract.records import (
    CONST_ENUM,
    Binding,
    ExportFact,
    FileFacts,
    ImportFact,
)
from migrationlint.extract.imports import silenced_statement
from migrationlint.extract.tree_lookups import specifiers
from migrationlint.extract.parsing import string_value, text


_WRAPPERS = ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression")
_LITERALS = frozenset({"string", "number", "true", "false", "null", "undefined", "comment"})


def _unwrapped(node: Node) -> Node:
    """`x as const`, `(x)`, `x!`, `x satisfies T`: the expression inside."""
    while node.type in _WRAPPERS and node.named_children:
        inner = node.named_children[0]
        if inner.type == node.type:
            break
        node = inner
    return node


def _primitive(node: Node) -> bool:
    """An expression whose value is a string, number or boolean whatever its operands: a literal, a
    template string, `-x`, `typeof x`, `a + b`, `a < b` (not `a || b`, `a ?? b`: those give an operand)."""
    t = node.type
    if t in _LITERALS or t in ("template_string", "unary_expression"):
        return True
    if t == "binary_expression":
        op = node.child_by_field_name("operator")
        return op is not None and op.type not in ("&&", "||", "??")
    return False


def _data_reads(node: Node) -> tuple[str, ...] | None:
    """For an array or object literal of primitives only (nested arrays and objects included), the
    names whose members it reads (`Kind.Email`, `SERVICES.mail`: () when none); None when it holds
    anything else. With no such name, no function, class or entity schema can hide in it, so a
    loader that collects those finds none; with some, that holds when each is an enum or a constant
    of plain data, which the file's own facts cannot say (the names are often imported)."""
    reads: list[str] = []
    stack = [node]
    while stack:
        n = _unwrapped(stack.pop())
        t = n.type
        if _primitive(n):
            continue
        if t == "member_expression":
            root = _member_root(n)
            if root is None:
                return None
            reads.append(root)
        elif t == "array":
            stack.extend(n.named_children)
        elif t == "object":
            for member in n.named_children:
                if member.type != "pair":
                    if member.type != "comment":
                        return None  # a method, getter, spread or shorthand name
                    continue
                key, value = member.child_by_field_name("key"), member.child_by_field_name("value")
                if key is None or key.type == "computed_property_name" or value is None:
                    return None
                stack.append(value)
        else:
            return None
    return tuple(dict.fromkeys(reads))


def _member_root(node: Node) -> str | None:
    """`Kind` for `Kind.Email` or `Codes.Http.NotFound`: a chain of plain property reads from a name."""
    while node.type == "member_expression":
        prop = node.child_by_field_name("property")
        if prop is None or prop.type != "property_identifier" or node.child_by_field_name("optional_chain") is not None:
            return None
        node = node.child_by_field_name("object")
        if node is None:
            return None
    return text(node) if node.type == "identifier" else None


def _plain_data(node: Node) -> bool:
    return _data_reads(node) == ()


def _const_enum(node: Node) -> bool:
    return node.type == "enum_declaration" and any(c.type == "const" for c in node.children)


def _value_kind(node: Node | None) -> str:
    if node is None:
        return "other"
    node = _unwrapped(node)
    t = node.type
    if t in ("array", "object") and _plain_data(node):
        return "data"
    return {
        "array": "array",
        "object": "object",
        "call_expression": "call",
        "new_expression": "new",
        "identifier": "identifier",
        "string": "literal",
        "number": "literal",
        "template_string": "literal",
        "true": "literal",
        "false": "literal",
        "null": "literal",
        "arrow_function": "function",
        "function_expression": "function",
        "function": "function",
        "class": "class",
    }.get(t, "other")


def _pattern_names(node: Node) -> list[str]:
    names: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in ("identifier", "shorthand_property_identifier_pattern"):
            names.append(text(n))
        elif n.type == "pair_pattern":
            v = n.child_by_field_name("value")
            if v is not None:
                stack.append(v)
        else:
            stack.extend(n.named_children)
    return names


_DECLARATION_KINDS = {
    "class_declaration": "class", "abstract_class_declaration": "class", "function_declaration": "function",
    "generator_function_declaration": "function", "function_signature": "function",
    "interface_declaration": "interface", "type_alias_declaration": "type", "enum_declaration": "enum",
    "internal_module": "namespace",
}


def _block_names(body: Node | None) -> tuple[str, ...]:
    """The names a `declare module` block declares (exported or not: inside the block both are
    members of the module), in order."""
    found: list[str] = []
    for stmt in body.named_children if body is not None else ():
        decl = stmt.child_by_field_name("declaration") if stmt.type == "export_statement" else stmt
        if decl is not None and decl.type == "expression_statement" and decl.named_children:
            decl = decl.named_children[0]  # `namespace N {}`
        if decl is None:
            continue
        if decl.type in ("lexical_declaration", "variable_declaration"):
            found += _declarator_names(decl)
            continue
        name = decl.child_by_field_name("name")
        if name is not None and name.type in ("identifier", "type_identifier"):
            found.append(text(name))
    return tuple(found)


def _declarator_names(decl: Node) -> list[str]:
    names: list[str] = []
    for d in decl.named_children:
        n = d.child_by_field_name("name") if d.type == "variable_declarator" else None
        if n is not None:
            names.extend([text(n)] if n.type == "identifier" else _pattern_names(n))
    return names


class ExportsFacts:
    """Mixin of the extractor: fills `self.f` from `self.data` (see extract.facts)."""

    f: FileFacts
    data: bytes
    dialect: str
    silencers: bool

    def _export(self, node: Node) -> None:
        f = self.f
        source = node.child_by_field_name("source")
        decl = node.child_by_field_name("declaration")
        value = node.child_by_field_name("value")
        children = node.children
        is_default = any(c.type == "default" for c in children)
        # `export type * from 'x'` (TypeScript 5.0) parses with its `type` in an ERROR node
        type_only = any(c.type == "type" or c.type == "ERROR" and text(c) == "type" for c in children[:3])
        if source is not None:
            self._reexport(node, source, type_only)
            return
        if decl is not None:
            self._exported_declaration(node, decl, is_default)
            return
        if is_default:
            target = value
            if target is None:
                for c in node.named_children:
                    if c.type not in ("decorator", "comment"):
                        target = c
                        break
            if target is not None and target.type in ("class", "class_declaration", "abstract_class_declaration"):
                self._class(target, exported=True)
            vk = _value_kind(target) if target is not None else "other"
            f.exports.append(ExportFact("default", "default", node.start_byte, node.end_byte, value_kind=vk,
                                        local=text(target) if target is not None and target.type == "identifier" else None))
            return
        for c in children:
            if c.type == "export_clause":
                for spec, name, alias, marked in specifiers(c, "export_specifier"):
                    local = text(name)
                    spec_type = type_only or marked
                    f.exports.append(ExportFact(text(alias) if alias is not None else local, "local",
                                                spec.start_byte, spec.end_byte, type_only=spec_type, local=local))
            elif c.type == "=" :
                # export = foo;
                f.exports.append(ExportFact("=", "export-equals", node.start_byte, node.end_byte))
            elif c.type == "namespace_export":
                pass

    def _reexport(self, node: Node, source: Node, type_only: bool) -> None:
        f = self.f
        spec = string_value(source) or ""
        fact = ImportFact(specifier=spec, kind="export-from", start=source.start_byte, end=source.end_byte,
                          stmt_start=node.start_byte, stmt_end=node.end_byte, type_only=type_only)
        star = False
        for c in node.children:
            if c.type == "*":
                star = True
            elif c.type == "namespace_export":
                ident = c.named_children[-1] if c.named_children else None
                name = text(ident) if ident is not None else ""
                fact.namespace = name
                f.exports.append(ExportFact(name, "reexport", c.start_byte, c.end_byte, source=spec, local="*"))
            elif c.type == "export_clause":
                for s, name, alias, marked in specifiers(c, "export_specifier"):
                    local = text(name)
                    exported_as = text(alias) if alias is not None else local
                    st = type_only or marked
                    fact.bindings.append(Binding(local, exported_as, s.start_byte, s.end_byte, st))
                    f.exports.append(ExportFact(exported_as, "reexport", s.start_byte, s.end_byte,
                                                type_only=st, local=local, source=spec))
        if star and fact.namespace is None:
            fact.kind = "export-star"
        fact.ts_ignored = self.silencers and silenced_statement(self.data, node, source.start_byte)
        f.imports.append(fact)

    def _exported_declaration(self, stmt: Node, decl: Node, is_default: bool) -> None:
        f = self.f
        kind = decl.type
        name_node = decl.child_by_field_name("name")
        name = text(name_node) if name_node is not None else "default"
        if kind in ("class_declaration", "abstract_class_declaration", "class"):
            self._class(decl, exported=True)
            f.exports.append(ExportFact("default" if is_default else name, "class", decl.start_byte, decl.end_byte,
                                        local=name, value_kind="class"))
        elif kind in ("function_declaration", "generator_function_declaration", "function_signature", "function_expression"):
            f.functions.append(name)
            f.exports.append(ExportFact("default" if is_default else name, "function", decl.start_byte, decl.end_byte,
                                        local=name, value_kind="function"))
        elif kind in ("lexical_declaration", "variable_declaration"):
            keyword = decl.children[0].type if decl.children else "const"
            for d in decl.named_children:
                if d.type != "variable_declarator":
                    continue
                n = d.child_by_field_name("name")
                v = d.child_by_field_name("value")
                if n is None:
                    continue
                if n.type == "identifier":
                    kind_of = _value_kind(v) if v is not None else "other"
                    reads = _data_reads(_unwrapped(v)) if kind_of in ("array", "object") else None
                    f.exports.append(ExportFact(text(n), keyword, d.start_byte, d.end_byte, local=text(n),
                                                value_kind=kind_of, data_if=reads or ()))
                else:  # destructuring: export const { a, b } = x
                    for ident in _pattern_names(n):
                        f.exports.append(ExportFact(ident, keyword, d.start_byte, d.end_byte, local=ident, value_kind="other"))
        elif kind in ("interface_declaration", "type_alias_declaration"):  # `export default interface X` is `default`
            f.exports.append(ExportFact("default" if is_default else name,
                                        "interface" if kind == "interface_declaration" else "type",
                                        decl.start_byte, decl.end_byte, type_only=True, local=name))
        elif kind == "enum_declaration":  # a `const enum`'s members are inlined by tsc, which drops its import
            f.exports.append(ExportFact(name, "enum", decl.start_byte, decl.end_byte, local=name,
                                        value_kind=CONST_ENUM if _const_enum(decl) else None))
        elif kind == "module" and name_node is not None and name_node.type == "string":
            self._module_block(decl)  # `export module 'x' { ... }`: tsc reads it as `declare module 'x'`
        elif kind in ("internal_module", "module"):  # `namespace google.protobuf {}` exports `google`
            outer = name.split(".", 1)[0] if name else name
            f.exports.append(ExportFact(outer, "namespace", decl.start_byte, decl.end_byte, local=outer))
        elif kind == "import_alias" and decl.named_children and decl.named_children[0].type == "identifier":
            alias = text(decl.named_children[0])  # `export import X = N.Y;`: X, a namespace, value or type
            f.exports.append(ExportFact(alias, "namespace", decl.start_byte, decl.end_byte, local=alias))
            self._exported_require(stmt, decl, alias)
        elif kind == "ambient_declaration":
            for c in decl.named_children:
                n = c.child_by_field_name("name")
                if n is not None:
                    f.exports.append(ExportFact(text(n), "declare", decl.start_byte, decl.end_byte, local=text(n),
                                                value_kind=CONST_ENUM if _const_enum(c) else None))
                elif c.type in ("lexical_declaration", "variable_declaration"):
                    for d in c.named_children:
                        dn = d.child_by_field_name("name")
                        if dn is not None:
                            f.exports.append(ExportFact(text(dn), "declare", decl.start_byte, decl.end_byte, local=text(dn)))

    def _ambient(self, node: Node) -> None:
        """`declare module 'x' { ... }`: recorded as an export of the module name for IMP003, with
        the names its block declares."""
        for c in node.named_children:
            if c.type == "module":
                self._module_block(c)

    def _module_block(self, module: Node) -> None:
        """One `module 'x' { ... }` block, declared (`declare module`) or exported (`export module`,
        which tsc takes for the same declaration)."""
        n = module.child_by_field_name("name")
        if n is not None and n.type == "string":
            self.f.exports.append(ExportFact(string_value(n) or "", "declare-module", module.start_byte, module.end_byte,
                                             members=_block_names(module.child_by_field_name("body"))))

    def _declaration(self, node: Node) -> None:
        """Record a top-level declaration that is not exported (IMP003 offers to export it)."""
        kind = node.type
        if kind == "expression_statement" and node.named_children:  # `namespace N {}` parses as one
            node = node.named_children[0]
            kind = node.type
        if kind == "ambient_declaration":  # `declare const x`, `declare class C`
            inner = node.named_children[0] if node.named_children else None
            n = inner.child_by_field_name("name") if inner is not None else None
            if n is not None and n.type in ("identifier", "type_identifier"):
                self.f.declarations.append((text(n), "declare", node.start_byte, node.end_byte))
            elif inner is not None and inner.type in ("lexical_declaration", "variable_declaration"):
                for name in _declarator_names(inner):
                    self.f.declarations.append((name, "declare", node.start_byte, node.end_byte))
        elif kind in ("lexical_declaration", "variable_declaration"):
            for name in _declarator_names(node):
                self.f.declarations.append((name, "variable", node.start_byte, node.end_byte))
        elif kind in _DECLARATION_KINDS:
            n = node.child_by_field_name("name")
            if n is not None:
                at = next((c.start_byte for c in node.children if c.type != "decorator"), node.start_byte)
                self.f.declarations.append((text(n), _DECLARATION_KINDS[kind], at, node.end_byte))

