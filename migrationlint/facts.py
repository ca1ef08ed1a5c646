"""One file -> FileFacts: everything the rules need, extracted in one pass over one tree.

This is the only module that walks syntax trees. FileFacts are plain, picklable records (they
cross process boundaries and live in the cache), so rules and cross-file checks never see a tree
and a warm run parses nothing.

Cost matters here (DESIGN section 4): imports, exports and classes come from a loop over the
top-level statements; whole-tree queries run in C and only when a cheap byte search says the
file can contain what they look for.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import sys
from array import array

from tree_sitter import Node, QueryCursor

from migrationlint import parsing
from migrationlint.grammar_gaps import known_gap
from migrationlint.import_shapes import in_guarded_try, mock_is_virtual
from migrationlint.fact_records import (
    Binding, CallFact, ClassFact, DecoratorFact, ExportFact, FieldFact, FileFacts, HeaderDamage, ImportFact,
    MigrationsOption, NewExpr, ObjectKey, ObjectLiteral, Spans, Suppression,
)
from migrationlint.nest_facts import extract_nest
from migrationlint.parsing import string_value, text
from migrationlint.path_exprs import glob_text as _glob_text
from migrationlint.tree_lookups import (
    decorator_nodes, ident_nodes, method_call_nodes, new_nodes, pair_nodes, type_position, unwrap_casts,
)

__all__ = [
    "FACTS_VERSION", "extract", "SCHEMA_BUILDER_CLASSES",
    "Binding", "ImportFact", "ExportFact", "FieldFact", "DecoratorFact", "HeaderDamage", "ClassFact",
    "ObjectKey", "ObjectLiteral", "NewExpr", "CallFact", "MigrationsOption", "Suppression", "Spans",
    "FileFacts",
]  # the records live in fact_records; rules keep importing them from here

FACTS_VERSION = 23  # bump when the shape or meaning of FileFacts changes (invalidates the cache)


# --------------------------------------------------------------------------- queries

Q_NEW = """(new_expression constructor: (_) @ctor) @new"""
Q_DECORATOR = """(decorator) @dec"""
Q_CALLS = """
(call_expression function: (identifier) @fn arguments: (arguments . (string) @arg)) @call
(call_expression function: (import) arguments: (arguments . (string) @arg)) @dyn
(call_expression function: (member_expression object: (identifier) @obj property: (property_identifier) @prop)
                 arguments: (arguments . (string) @arg)) @mcall
"""
Q_METHOD_CALLS = """(call_expression function: (member_expression property: (property_identifier) @prop) arguments: (arguments) @args) @call"""
Q_MIGRATIONS = """(pair key: [(property_identifier) (string)] @key value: (_) @value) @pair"""
Q_IDENT = """[(identifier) (type_identifier) (shorthand_property_identifier) (property_identifier)] @id"""
Q_COMMENT = """(comment) @c"""
Q_DAMAGE = """(ERROR) @e (MISSING) @m"""
Q_CLASS_KW = """"class" @kw"""
Q_MEMBER = """(member_expression object: (identifier) @obj property: (property_identifier) @prop) @m"""

_MAX_DAMAGE = 50
# TypeORM's schema-builder classes: the only callees whose object arguments rules read (MIG011 on
# decorators, MIG012 on `new`), so decorators and option objects of anything else are not kept
SCHEMA_BUILDER_CLASSES = frozenset({
    "Table", "TableIndex", "TableColumn", "TableForeignKey", "TableUnique", "TableCheck", "TableExclusion", "View",
})


def _cursor(dialect: str, source: str) -> QueryCursor:
    return QueryCursor(parsing.query(dialect, source))


def extract(path: str, data: bytes) -> FileFacts:
    """Parse `data` (the bytes of `path`) and extract its FileFacts. Pure: same input, same facts."""
    dialect = parsing.dialect_for(path)
    facts = FileFacts(
        path=path,
        digest=hashlib.blake2b(data, digest_size=16).hexdigest(),
        size=len(data),
        dialect=dialect,
        bom=data.startswith(b"\xef\xbb\xbf"),
        crlf=b"\r\n" in data,
    )
    tree = parsing.parse(data, path)
    root = tree.root_node
    _Extractor(facts, data, dialect).run(root)
    return facts


class _Extractor:
    """Fills one FileFacts from one tree; a class only to share the file's bytes and dialect."""

    def __init__(self, facts: FileFacts, data: bytes, dialect: str) -> None:
        self.f = facts
        self.data = data
        self.dialect = dialect
        self.typeorm: tuple[dict[str, str], frozenset[str]] = ({}, frozenset())

    def run(self, root: Node) -> None:
        for stmt in root.named_children:
            self._statement(stmt, exported=False)
        data = self.data
        if b"require" in data or b"import(" in data or b".mock(" in data:
            self._calls(root)  # before decorators and `new`: their filter reads the require() bindings
        self.typeorm = _typeorm_bindings(self.f.imports) if b"typeorm" in data else ({}, frozenset())
        if b"new " in data:
            self._new_expressions(root)
        named, namespaces = self.typeorm
        if b"@" in data and (namespaces or not SCHEMA_BUILDER_CLASSES.isdisjoint(named.values())):
            self._decorators(root)  # else no decorator can resolve to a kept class (_typeorm_name)
        if b"(" in data:
            self._method_calls(root)
        keys = tuple(k for k, wanted in ((b"migrations", b"migrations" in data),
                                         (b"type", _orm_options_hint(data))) if wanted)
        if keys:
            self._pairs(root, keys)
        if b"Transport." in data or b"Driver" in data:
            self._members(root)
        if b"/// <reference" in data:
            self._references(root)
        if b"migrationlint-" in data:
            self._suppressions(root)
        if (b"@Module" in data or b"@Inject" in data or b"@Controller" in data or b"@Resolver" in data
                or b"TypeOrmModule" in data or b"DynamicModule" in data  # NEST003 reads their constructors
                or b"@nestjs/" in data or b"global" in data  # dynamic-module calls, global module objects
                or (b"module" in data and b"..." in data)
                or (b"export const" in data and b"= [" in data)):  # provider lists spread elsewhere
            self.f.nest = extract_nest(root, data, self.dialect)
        if root.has_error:
            self._damage(root)
            self.f.has_error = bool(self.f.damage)  # a known grammar gap is valid code (grammar_gaps)
            self._damaged_headers(root)
        self._refs(root)

    # ------------------------------------------------------------------ top level

    def _statement(self, node: Node, exported: bool) -> None:
        kind = node.type
        if kind == "import_statement":
            self.f.is_module = True
            self._import(node)
        elif kind == "export_statement":
            self.f.is_module = True
            self.f.export_list = self.f.export_list or any(
                c.type in ("export_clause", "*", "namespace_export", "=") for c in node.children)
            self._export(node)
        elif kind in ("class_declaration", "abstract_class_declaration"):
            self._class(node, exported=exported, default=False)
        elif kind == "function_declaration" or kind == "generator_function_declaration":
            name = node.child_by_field_name("name")
            if name is not None:
                self.f.functions.append(text(name))
        elif kind == "ambient_declaration":
            self._ambient(node)
        if not exported:
            self._declaration(node)

    def _import(self, node: Node) -> None:
        source = node.child_by_field_name("source")
        clause = None
        type_only = False
        for child in node.children:
            if child.type == "import_clause":
                clause = child
            elif child.type == "type" :
                type_only = True
            elif child.type == "import_require_clause":
                self._import_equals(node, child, type_only)
                return
        if source is None:
            return
        fact = ImportFact(
            specifier=string_value(source) or "",
            kind="import",
            start=source.start_byte,
            end=source.end_byte,
            stmt_start=node.start_byte,
            stmt_end=node.end_byte,
            type_only=type_only,
        )
        if clause is not None:
            self._import_clause(clause, fact)
        fact.line_span = _own_lines(self.data, node.start_byte, node.end_byte)
        self.f.imports.append(fact)

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
                self.f.declarations.append((text(n), "declare", node.start_byte))
            elif inner is not None and inner.type in ("lexical_declaration", "variable_declaration"):
                for name in _declarator_names(inner):
                    self.f.declarations.append((name, "declare", node.start_byte))
        elif kind in ("lexical_declaration", "variable_declaration"):
            for name in _declarator_names(node):
                self.f.declarations.append((name, "variable", node.start_byte))
        elif kind in _DECLARATION_KINDS:
            n = node.child_by_field_name("name")
            if n is not None:
                at = next((c.start_byte for c in node.children if c.type != "decorator"), node.start_byte)
                self.f.declarations.append((text(n), _DECLARATION_KINDS[kind], at))

    def _import_equals(self, stmt: Node, clause: Node, type_only: bool = False) -> None:
        source = clause.child_by_field_name("source")
        ident = clause.named_children[0] if clause.named_children else None
        if source is None:
            return
        self.f.imports.append(ImportFact(
            specifier=string_value(source) or "", kind="import-equals",
            start=source.start_byte, end=source.end_byte,
            stmt_start=stmt.start_byte, stmt_end=stmt.end_byte, type_only=type_only,
            default=text(ident) if ident is not None and ident.type == "identifier" else None,
        ))

    def _import_clause(self, clause: Node, fact: ImportFact) -> None:
        for part in clause.named_children:
            if part.type == "identifier":
                fact.default = text(part)
            elif part.type == "namespace_import":
                ident = part.named_children[-1] if part.named_children else None
                if ident is not None:
                    fact.namespace = text(ident)
            elif part.type == "named_imports":
                fact.names_start, fact.names_end = part.start_byte, part.end_byte
                for spec in part.named_children:
                    if spec.type != "import_specifier":
                        continue
                    name = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias")
                    if name is None:
                        continue
                    spec_type = any(c.type == "type" for c in spec.children)
                    imported = string_value(name) if name.type == "string" else text(name)
                    fact.bindings.append(Binding(
                        imported=imported or "",
                        local=text(alias) if alias is not None else (imported or ""),
                        start=spec.start_byte,
                        end=spec.end_byte,
                        type_only=spec_type or fact.type_only,
                    ))

    def _export(self, node: Node) -> None:
        f = self.f
        source = node.child_by_field_name("source")
        decl = node.child_by_field_name("declaration")
        value = node.child_by_field_name("value")
        children = node.children
        is_default = any(c.type == "default" for c in children)
        type_only = any(c.type == "type" for c in children[:3])
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
                self._class(target, exported=True, default=True, decorated_by=node)
            vk = _value_kind(target) if target is not None else "other"
            f.exports.append(ExportFact("default", "default", node.start_byte, node.end_byte, value_kind=vk,
                                        local=text(target) if target is not None and target.type == "identifier" else None))
            return
        for c in children:
            if c.type == "export_clause":
                for spec in c.named_children:
                    if spec.type != "export_specifier":
                        continue
                    name = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias")
                    if name is None:
                        continue
                    local = text(name)
                    spec_type = type_only or any(x.type == "type" for x in spec.children)
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
                for s in c.named_children:
                    if s.type != "export_specifier":
                        continue
                    name = s.child_by_field_name("name")
                    alias = s.child_by_field_name("alias")
                    if name is None:
                        continue
                    local = text(name)
                    exported_as = text(alias) if alias is not None else local
                    st = type_only or any(x.type == "type" for x in s.children)
                    fact.bindings.append(Binding(local, exported_as, s.start_byte, s.end_byte, st))
                    f.exports.append(ExportFact(exported_as, "reexport", s.start_byte, s.end_byte,
                                                type_only=st, local=local, source=spec))
        if star and fact.namespace is None:
            fact.kind = "export-star"
        f.imports.append(fact)

    def _exported_declaration(self, stmt: Node, decl: Node, is_default: bool) -> None:
        f = self.f
        kind = decl.type
        name_node = decl.child_by_field_name("name")
        name = text(name_node) if name_node is not None else "default"
        if kind in ("class_declaration", "abstract_class_declaration", "class"):
            self._class(decl, exported=True, default=is_default, decorated_by=stmt)
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
                    f.exports.append(ExportFact(text(n), keyword, d.start_byte, d.end_byte, local=text(n),
                                                value_kind=_value_kind(v) if v is not None else "other"))
                else:  # destructuring: export const { a, b } = x
                    for ident in _pattern_names(n):
                        f.exports.append(ExportFact(ident, keyword, d.start_byte, d.end_byte, local=ident, value_kind="other"))
        elif kind in ("interface_declaration", "type_alias_declaration"):
            f.exports.append(ExportFact(name, "interface" if kind == "interface_declaration" else "type",
                                        decl.start_byte, decl.end_byte, type_only=True, local=name))
        elif kind == "enum_declaration":
            f.exports.append(ExportFact(name, "enum", decl.start_byte, decl.end_byte, local=name))
        elif kind in ("internal_module", "module"):
            f.exports.append(ExportFact(name, "namespace", decl.start_byte, decl.end_byte, local=name))
        elif kind == "ambient_declaration":
            for c in decl.named_children:
                n = c.child_by_field_name("name")
                if n is not None:
                    f.exports.append(ExportFact(text(n), "declare", decl.start_byte, decl.end_byte, local=text(n)))
                elif c.type in ("lexical_declaration", "variable_declaration"):
                    for d in c.named_children:
                        dn = d.child_by_field_name("name")
                        if dn is not None:
                            f.exports.append(ExportFact(text(dn), "declare", decl.start_byte, decl.end_byte, local=text(dn)))

    def _ambient(self, node: Node) -> None:
        """`declare module 'x' { ... }`: recorded as an export of the module name for IMP003."""
        for c in node.named_children:
            if c.type == "module":
                n = c.child_by_field_name("name")
                if n is not None and n.type == "string":
                    self.f.exports.append(ExportFact(string_value(n) or "", "declare-module", c.start_byte, c.end_byte))

    # ------------------------------------------------------------------ classes

    def _class(self, node: Node, exported: bool, default: bool, decorated_by: Node | None = None) -> None:
        name_node = node.child_by_field_name("name")
        name = text(name_node) if name_node is not None else ""
        cls = ClassFact(
            name=name,
            name_start=name_node.start_byte if name_node is not None else node.start_byte,
            name_end=name_node.end_byte if name_node is not None else node.start_byte,
            start=node.start_byte,
            end=node.end_byte,
            exported=exported,
            default_export=default,
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
            elif kind == "public_field_definition":
                cls.fields.append(self._field(member))

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

    # ------------------------------------------------------------------ whole-tree queries

    def _new_expressions(self, root: Node) -> None:
        for new, ctor in new_nodes(root, self.data):
            expr = NewExpr(callee=text(ctor), callee_start=ctor.start_byte, callee_end=ctor.end_byte,
                           start=new.start_byte, end=new.end_byte)
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
            target_name = ""
            if parent is not None:
                if parent.type in ("class_declaration", "abstract_class_declaration", "class", "export_statement"):
                    target = "class"
                    decl = parent.child_by_field_name("declaration") if parent.type == "export_statement" else parent
                    if decl is not None:
                        nn = decl.child_by_field_name("name")
                        target_name = text(nn) if nn is not None else ""
                elif parent.type in ("required_parameter", "optional_parameter"):
                    target = "parameter"
            fact = DecoratorFact(
                name=text(callee), name_start=callee.start_byte, name_end=callee.end_byte,
                start=node.start_byte, end=node.end_byte, target=target, target_name=target_name,
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
        named, namespaces = self.typeorm
        if "." in callee:
            ns, _, prop = callee.rpartition(".")
            return prop if ns in namespaces else None
        return named.get(callee)

    def _calls(self, root: Node) -> None:
        for _, m in _cursor(self.dialect, Q_CALLS).matches(root):
            arg = m["arg"][0]
            virtual = False
            spec = string_value(arg) or ""
            if "dyn" in m:
                call = m["dyn"][0]
                kind = "dynamic"
                parent = call.parent
                if parent is not None and parent.type == "member_expression" and _in_type_position(call):
                    kind = "type-query"
                elif _in_type_position(call):
                    kind = "type-query"
            elif "mcall" in m:
                call = m["mcall"][0]
                obj, prop = text(m["obj"][0]), text(m["prop"][0])
                if prop == "mock" and obj in ("jest", "vi"):
                    kind = "mock"
                    virtual = mock_is_virtual(obj, call)
                elif obj == "require" and prop == "resolve":
                    kind = "require-resolve-paths" if _has_paths_option(call) else "require-resolve"
                else:
                    continue
            else:
                call = m["call"][0]
                if text(m["fn"][0]) != "require":
                    continue
                kind = "require"
            stmt = _statement_of(call)
            fact = ImportFact(specifier=spec, kind=kind, start=arg.start_byte, end=arg.end_byte,
                              stmt_start=stmt.start_byte, stmt_end=stmt.end_byte,
                              type_only=kind == "type-query", virtual=virtual,
                              lazy=kind in ("require", "dynamic") and _inside_function(call))
            if kind == "require":
                _require_bindings(call, fact)
            if kind in ("require", "dynamic"):
                fact.guarded = in_guarded_try(call)
            self.f.imports.append(fact)

    def _method_calls(self, root: Node) -> None:
        for prop, call, args in method_call_nodes(root, self.data):
            name = text(prop)
            fn = call.child_by_field_name("function")
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

    def _pairs(self, root: Node, keys: tuple[bytes, ...]) -> None:
        for pair, key_node, value in pair_nodes(root, self.data, keys):
            key = string_value(key_node) if key_node.type == "string" else text(key_node)
            if key == "migrations":
                self.f.migrations_options.append(_migrations_option(pair, value))
            elif key == "type":
                sv = string_value(value)
                if sv is not None:
                    self.f.type_options.append((sv, value.start_byte, value.end_byte))
                    role = _orm_type_role(pair)
                    if role is not None:
                        self.f.orm_types.append((role, sv, value.start_byte, value.end_byte))

    def _members(self, root: Node) -> None:
        for _, m in _cursor(self.dialect, Q_MEMBER).matches(root):
            node = m["m"][0]
            self.f.member_refs.append((text(node), node.start_byte, node.end_byte))

    def _references(self, root: Node) -> None:
        for node in _cursor(self.dialect, Q_COMMENT).captures(root).get("c", []):
            raw = text(node)
            if not raw.startswith("///"):
                continue
            marker = 'types="'
            at = raw.find(marker)
            if at == -1 or "<reference" not in raw:
                continue
            end = raw.find('"', at + len(marker))
            if end == -1:
                continue
            spec = raw[at + len(marker):end]
            start = node.start_byte + len(raw[: at + len(marker) - 1].encode())
            self.f.imports.append(ImportFact(specifier=spec, kind="reference", start=start,
                                             end=start + len(spec.encode()) + 2, stmt_start=node.start_byte,
                                             stmt_end=node.end_byte, type_only=True))

    def _suppressions(self, root: Node) -> None:
        from migrationlint.suppressions import parse_comment

        for node in _cursor(self.dialect, Q_COMMENT).captures(root).get("c", []):
            sup = parse_comment(text(node), node.start_byte, node.start_point[0],
                                own_line=_comment_on_own_line(self.data, node.start_byte))
            if sup is not None:
                self.f.suppressions.append(sup)
        self.f.suppressions.sort(key=lambda s: s.start)

    def _damage(self, root: Node) -> None:
        seen = 0
        for _, m in _cursor(self.dialect, Q_DAMAGE).matches(root):
            for kind, nodes in m.items():
                for node in nodes:
                    if known_gap(node) is not None:
                        continue  # valid TypeScript the grammar misses (grammar_gaps)
                    label = "missing " + node.type if kind == "m" else "error"
                    self.f.damage.append((node.start_byte, node.end_byte, label))
                    seen += 1
            if seen >= _MAX_DAMAGE:
                break
        self.f.damage.sort()

    def _damaged_headers(self, root: Node) -> None:
        from migrationlint.header_damage import find_damaged_headers

        self.f.damaged_headers = find_damaged_headers(
            root, self.data, _cursor(self.dialect, Q_CLASS_KW).captures(root).get("kw", [])
        )

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
        metadata_used: set[str] = set()  # named in annotations that decorator metadata emits
        spans = sorted((i.stmt_start, i.stmt_end) for i in self.f.imports if i.kind == "import")
        import_starts = [a for a, _ in spans]
        for name, node in ident_nodes(root, self.data, wanted):
            start = node.start_byte
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
                continue  # the answer is already known: skip the ancestor walk
            at = bisect.bisect_right(import_starts, start) - 1
            in_import = at >= 0 and start < spans[at][1]  # import statements are top-level, disjoint
            if not in_import and not type_position(node):
                (metadata_used if node.type == "type_identifier" else value_used).add(name)
        self.f.refs = refs = Spans({name: array("I", at) for name, at in starts.items()})
        self.f.metadata_only_locals = sorted(metadata_used - value_used)
        self.f.type_only_locals = sorted(
            name for imp in self.f.imports for name in imp.locals
            if name in refs and name not in value_used and name not in metadata_used
            and any(not (imp.stmt_start <= s < imp.stmt_end) for s, _ in refs[name]))


# --------------------------------------------------------------------------- helpers

def _typeorm_bindings(imports: list[ImportFact]) -> tuple[dict[str, str], frozenset[str]]:
    """(local -> imported name, namespace locals) of the value imports of typeorm, read the way the
    schema-builder rules resolve names (checks/schema_builder.resolve)."""
    named: dict[str, str] = {}
    namespaces: set[str] = set()
    for imp in imports:
        spec = imp.specifier
        if spec == "typeorm" and not imp.type_only:
            namespaces.update(n for n in (imp.namespace, imp.default if imp.kind == "import-equals" else None) if n)
        if imp.kind in ("import", "require") and (spec == "typeorm" or spec.startswith("typeorm/")):
            for b in imp.bindings:
                if not b.type_only:
                    named.setdefault(b.local, b.imported)
    return named, frozenset(namespaces)


def _value_kind(node: Node | None) -> str:
    if node is None:
        return "other"
    t = node.type
    while t in ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression"):
        node = node.named_children[0] if node.named_children else node
        if node.type == t:
            break
        t = node.type
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


def _migrations_option(pair: Node, value: Node) -> MigrationsOption:
    opt = MigrationsOption(start=pair.start_byte, end=pair.end_byte)
    items = value.named_children if value.type == "array" else [value]
    for item in items:
        if item.type == "comment":
            continue
        glob = _glob_text(item)
        if glob is not None:
            opt.items.append(("glob", glob, item.start_byte, item.end_byte))
        elif item.type == "identifier":
            opt.items.append(("ident", text(item), item.start_byte, item.end_byte))
        elif item.type == "spread_element" and item.named_children and item.named_children[0].type == "identifier":
            opt.items.append(("ident", text(item.named_children[0]), item.start_byte, item.end_byte))
        else:
            opt.items.append(("other", text(item), item.start_byte, item.end_byte))
    return opt


# every form _is_orm_options accepts names one of these: files without them have no `orm_types`, and
# the `type` keys of everything else (GraphQL, @Column({ type })) are not worth a tree lookup each
_ORM_OPTIONS_HINTS = (b"TypeOrm", b"DataSource", b"Connection")


def _orm_options_hint(data: bytes) -> bool:
    """Whether `data` names one of _ORM_OPTIONS_HINTS (three byte searches: 10x faster than a regex)."""
    return any(hint in data for hint in _ORM_OPTIONS_HINTS)
_ORM_OPTIONS_TYPE = re.compile(r"\b(?:DataSource|TypeOrmModule|\w*Connection)Options\b")
_ORM_PASS_THROUGH = frozenset({
    "arguments", "parenthesized_expression", "return_statement", "statement_block", "array", "await_expression",
    "spread_element",
})


def _orm_type_role(pair: Node) -> str | None:
    """"type" when `pair` is the driver `type:` of TypeORM connection options, "cache" when it is the
    `type:` of their `cache: {...}`, else None (a `type:` of anything else: GraphQL, Redis, configs)."""
    obj = pair.parent
    if obj is None or obj.type != "object":
        return None
    owner = obj.parent
    if owner is not None and owner.type == "pair":
        key = owner.child_by_field_name("key")
        if key is None or text(key) != "cache" or owner.parent is None:
            return None
        return "cache" if _is_orm_options(owner.parent) else None
    return "type" if _is_orm_options(obj) else None


def _is_orm_options(obj: Node) -> bool:
    """Whether an object literal is TypeORM connection options: passed to `new DataSource`,
    `TypeOrmModule.forRoot(Async)` (also through `useFactory`), `createConnection`, returned by
    `createTypeOrmOptions()`, or typed/asserted as `DataSourceOptions`, `TypeOrmModuleOptions`..."""
    n = obj
    for _ in range(12):
        p = n.parent
        if p is None:
            return False
        t = p.type
        if t == "call_expression":
            fn = p.child_by_field_name("function")
            name = text(fn) if fn is not None else ""
            last = name.rsplit(".", 1)[-1]
            return (last in ("forRoot", "forRootAsync") and "TypeOrm" in name) or last in (
                "createConnection", "createConnections")
        if t == "new_expression":
            ctor = p.child_by_field_name("constructor")
            return ctor is not None and text(ctor).rsplit(".", 1)[-1] in ("DataSource", "Connection")
        if t in ("as_expression", "satisfies_expression"):
            if _ORM_OPTIONS_TYPE.search(text(p.named_children[-1])):
                return True
        elif t == "variable_declarator":
            ann = p.child_by_field_name("type")
            return ann is not None and bool(_ORM_OPTIONS_TYPE.search(text(ann)))
        elif t in ("arrow_function", "function_expression", "function_declaration", "method_definition"):
            ret = p.child_by_field_name("return_type")
            if ret is not None and _ORM_OPTIONS_TYPE.search(text(ret)):
                return True
            name = p.child_by_field_name("name")
            if name is not None and text(name) == "createTypeOrmOptions":
                return True
            if t in ("function_declaration", "method_definition"):
                return False
        elif t == "pair":
            key = p.child_by_field_name("key")
            if key is None or text(key) != "useFactory":
                return False
        elif t != "object" and t not in _ORM_PASS_THROUGH:
            return False
        n = p
    return False


_FUNCTION_NODES = frozenset({"function_declaration", "function_expression", "arrow_function", "method_definition",
                             "generator_function_declaration", "generator_function"})


def _inside_function(node: Node) -> bool:
    """A `require()`/`import()` inside a function body runs only when the function is called: the
    on-demand load of an optional feature, not a load at start-up."""
    n = node.parent
    while n is not None and n.type != "program":
        if n.type in _FUNCTION_NODES:
            return True
        n = n.parent
    return False


def _statement_of(node: Node) -> Node:
    n = node
    while n.parent is not None and n.parent.type != "program":
        n = n.parent
    return n


def _in_type_position(node: Node) -> bool:
    n = node.parent
    for _ in range(6):
        if n is None:
            return False
        if n.type in ("type_alias_declaration", "type_annotation", "type_arguments", "generic_type"):
            return True
        if n.type in ("expression_statement", "lexical_declaration", "program", "statement_block"):
            return False
        n = n.parent
    return False


def _has_paths_option(call: Node) -> bool:
    """`require.resolve(x, { paths: [...] })`: resolved from the given folders, by design not from
    the file's own package."""
    args = call.child_by_field_name("arguments")
    options = [a for a in (args.named_children if args is not None else []) if a.type != "comment"][1:2]
    return bool(options) and options[0].type == "object" and any(
        p.type == "pair" and text(p.child_by_field_name("key")).strip("'\"") == "paths"
        or p.type == "shorthand_property_identifier" and text(p) == "paths" for p in options[0].named_children)


def _require_bindings(call: Node, fact: ImportFact) -> None:
    """`const { a, b: c } = require('x')` -> bindings; `const x = require('x')` -> default."""
    parent = call.parent
    if parent is None or parent.type != "variable_declarator":
        return
    name = parent.child_by_field_name("name")
    if name is None:
        return
    if name.type == "identifier":
        fact.namespace = text(name)
    elif name.type == "object_pattern":
        fact.names_start, fact.names_end = name.start_byte, name.end_byte
        for p in name.named_children:
            if p.type == "shorthand_property_identifier_pattern":
                fact.bindings.append(Binding(text(p), text(p), p.start_byte, p.end_byte))
            elif p.type == "pair_pattern":
                k = p.child_by_field_name("key")
                v = p.child_by_field_name("value")
                if k is not None and v is not None and v.type == "identifier":
                    fact.bindings.append(Binding(text(k), text(v), p.start_byte, p.end_byte))


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


_DECLARATION_KINDS = {
    "class_declaration": "class", "abstract_class_declaration": "class", "function_declaration": "function",
    "generator_function_declaration": "function", "function_signature": "function",
    "interface_declaration": "interface", "type_alias_declaration": "type", "enum_declaration": "enum",
    "internal_module": "namespace",
}


def _declarator_names(decl: Node) -> list[str]:
    names: list[str] = []
    for d in decl.named_children:
        n = d.child_by_field_name("name") if d.type == "variable_declarator" else None
        if n is not None:
            names.extend([text(n)] if n.type == "identifier" else _pattern_names(n))
    return names


def _own_lines(data: bytes, start: int, end: int) -> tuple[int, int] | None:
    """[line start, after the newline) around [start, end) when nothing else is on those lines."""
    line_start = data.rfind(b"\n", 0, start) + 1
    if line_start == 0 and data.startswith(b"\xef\xbb\xbf"):
        line_start = 3  # keep the BOM
    if data[line_start:start].strip(b" \t"):
        return None
    newline = data.find(b"\n", end)
    line_end = len(data) if newline == -1 else newline + 1
    if data[end:line_end].strip(b" \t\r\n;"):
        return None
    return line_start, line_end


def _comment_on_own_line(data: bytes, start: int) -> bool:
    line_start = data.rfind(b"\n", 0, start) + 1
    return data[line_start:start].strip() in (b"", b"\xef\xbb\xbf")
