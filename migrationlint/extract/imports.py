"""Import facts: static imports, `import x = require()`, require()/import()/jest.mock calls and
`/// <reference types>`; what IMP and DEP rules and the module graph read.
"""

from __future__ import annotations

import re


from tree_sitter import Node

from migrationlint.extract import parsing
from migrationlint.extract.import_shapes import in_guarded_try, install_told, mock_is_virtual, outside_production
from migrationlint.extract.records import (
    Binding,
    FileFacts,
    ImportFact,
)
from migrationlint.extract.tree_lookups import module_call_nodes, specifiers
from migrationlint.extract.parsing import string_value, text

from migrationlint.extract.comments import Q_COMMENT, _own_lines


def _inside_function(node: Node, local: bool = False) -> bool:
    """A `require()`/`import()` inside a function body runs only when the function is called: the
    on-demand load of an optional feature, not a load at start-up. Not the loader a component
    framework's code splitting is given (`lazy(() => import('icon-pack/Home'))`, `defineAsyncComponent`,
    `loadable`, Next's `dynamic`): it runs whenever the component renders, as part of the app. Nor,
    for a `local` module, an arrow function that only returns its load (`lazy: () => import('./routes/home')`,
    `loadChildren: () => import('./admin').then((m) => m.AdminModule)`): a router's code splitting."""
    n = node.parent
    while n is not None and n.type != "program":
        if n.type in _FUNCTION_NODES and not _invoked_in_place(n):
            return not _split_loader(n) and not (local and _returns_only(n, node))
        n = n.parent
    return False


def _invoked_in_place(function: Node) -> bool:
    """Whether the function is called where it is written (`(async () => { ... })()`, `(function () {
    ... })()`): its body runs when the code around it does, a script's top-level `await` written the old way."""
    callee = function.parent if function.parent is not None and function.parent.type == "parenthesized_expression" \
        else function
    call = callee.parent
    return call is not None and call.type == "call_expression" and call.child_by_field_name("function") == callee


def _returns_only(function: Node, call: Node) -> bool:
    """Whether `function` is an arrow function whose expression body is `call`, or `call` with
    promise members chained on it (`import('./x').then(...)`)."""
    body = function.child_by_field_name("body") if function.type == "arrow_function" else None
    n = call
    while body is not None and n != body and n.parent is not None and n.parent.type in ("member_expression", "call_expression") \
            and (n.parent.type == "call_expression" or n.parent.child_by_field_name("object") == n):
        n = n.parent
    return body is not None and n == body


_SPLITTERS = frozenset({"lazy", "defineAsyncComponent", "loadable", "dynamic", "lazyWithPreload"})


def _split_loader(function: Node) -> bool:
    """Whether the function is passed to a code-splitting call (`React.lazy(...)`, `lazy(...)`)."""
    args = function.parent
    call = args.parent if args is not None and args.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if callee is None:
        return False
    name = callee.child_by_field_name("property") if callee.type == "member_expression" else callee
    return name is not None and text(name) in _SPLITTERS


_FUNCTION_NODES = frozenset({"function_declaration", "function_expression", "arrow_function", "method_definition",
                             "generator_function_declaration", "generator_function"})


def _statement_of(node: Node) -> Node:
    n = node
    while n.parent is not None and n.parent.type != "program":
        n = n.parent
    return n


_PROMISE_MEMBERS = frozenset({b"then", b"catch", b"finally"})


def _in_type_position(node: Node) -> bool:
    """Whether an `import('x')` call is a type query (`import('x').T` in a type): under a type
    annotation, alias or type argument, or the type side of `as` / `satisfies`
    (`res as unknown as import('express').Response`). Also `import('x').T` anywhere else: the
    promise has no member but `then`, `catch` and `finally`, so the member names a type, in type
    arguments the grammar reads as comparisons (`getRequest<import('fastify').FastifyRequest>()`), and
    `typeof import('x')` there (`load<typeof import('x')>()`)."""
    member = node.parent
    if member is not None and member.type == "unary_expression" and (member.child_by_field_name("operator") or member).type == "typeof":
        return True  # `f<typeof import('x')>()`, read as `f < typeof import('x')`: the typeof of a promise is no use
    if member is not None and member.type == "member_expression" and member.child_by_field_name("object") == node:
        prop = member.child_by_field_name("property")
        if prop is not None and prop.text not in _PROMISE_MEMBERS:
            return True
    child, n = node, node.parent
    for _ in range(6):
        if n is None:
            return False
        if n.type in ("type_alias_declaration", "type_annotation", "type_arguments", "generic_type"):
            return True
        if n.type in ("as_expression", "satisfies_expression") and n.named_children and n.named_children[0] != child:
            return True
        if n.type in ("expression_statement", "lexical_declaration", "program", "statement_block"):
            return False
        child, n = n, n.parent
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


class ImportsFacts:
    """Mixin of the extractor: fills `self.f` from `self.data` (see extract.facts)."""

    f: FileFacts
    data: bytes
    dialect: str
    silencers: bool
    node_env: bool

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
        fact.ts_ignored = self.silencers and silenced_statement(self.data, node, source.start_byte)
        self.f.imports.append(fact)

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

    def _exported_require(self, stmt: Node, alias: Node, name: str) -> None:
        """`export import X = require('m')`, which the grammar reads as the alias `X = require` and a
        statement `('m')` (grammar_gaps): the import of `m` that tsc sees."""
        parts = alias.named_children
        after = stmt.next_named_sibling
        inner = after.named_children[0] if after is not None and after.type == "expression_statement" \
            and after.named_children else None
        source = inner.named_children[0] if inner is not None and inner.type == "parenthesized_expression" \
            and len(inner.named_children) == 1 else None
        if len(parts) != 2 or parts[1].text != b"require" or source is None or source.type != "string":
            return
        self.f.imports.append(ImportFact(
            specifier=string_value(source) or "", kind="import-equals", start=source.start_byte, end=source.end_byte,
            stmt_start=stmt.start_byte, stmt_end=after.end_byte, default=name))

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
                for spec, name, alias, spec_type in specifiers(part, "import_specifier"):
                    imported = string_value(name) if name.type == "string" else text(name)
                    fact.bindings.append(Binding(
                        imported=imported or "",
                        local=text(alias) if alias is not None else (imported or ""),
                        start=spec.start_byte,
                        end=spec.end_byte,
                        type_only=spec_type or fact.type_only,
                        # tsc reports a missing name at its specifier: a directive above that line silences it
                        ts_ignored=self.silencers and _line_above_silences(self.data, spec.start_byte),
                    ))

    def _calls(self, root: Node) -> None:
        for call, arg, callee, obj_node in module_call_nodes(root, self.data):
            virtual = False
            spec = string_value(arg) or ""
            if callee.type == "import":
                kind = "dynamic"
                if _in_type_position(call):
                    kind = "type-query"
            elif obj_node is not None:
                obj, prop = text(obj_node), text(callee)
                if prop == "mock" and obj in ("jest", "vi"):
                    kind = "mock"
                    virtual = mock_is_virtual(obj, call)
                elif obj == "require" and prop == "resolve":
                    kind = "require-resolve-paths" if _has_paths_option(call) else "require-resolve"
                else:
                    continue
            else:
                kind = "require"
            stmt = _statement_of(call)
            lazy = kind in ("require", "dynamic", "require-resolve") and _inside_function(call, spec.startswith("."))
            fact = ImportFact(specifier=spec, kind=kind, start=arg.start_byte, end=arg.end_byte,
                              stmt_start=stmt.start_byte, stmt_end=stmt.end_byte,
                              type_only=kind == "type-query", virtual=virtual, lazy=lazy)
            if kind != "mock" and self.silencers:
                fact.ts_ignored = _line_above_silences(self.data, call.start_byte)
            if kind == "require":
                _require_bindings(call, fact)
            if kind in _LOADS:  # `require.resolve` in such a `try` asks whether the package is there
                fact.guarded = in_guarded_try(call)
                fact.install_told = not fact.guarded and install_told(call, spec)
                fact.dev_only = self.node_env and outside_production(call)
            self.f.imports.append(fact)

    def _references(self, root: Node) -> None:
        for node in parsing.cursor(self.dialect, Q_COMMENT).captures(root).get("c", []):
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


_LOADS = frozenset({"require", "dynamic", "require-resolve", "require-resolve-paths"})
_SILENCERS = (b"@ts-ignore", b"@ts-expect-error")


# a comment that starts with a directive (`// @ts-ignore`, `/** @ts-ignore For users with undici */`)
_DIRECTIVE = re.compile(rb"(?://+|/\*+)\s*(?:\*\s*)?@ts-(?:ignore|expect-error)")


def _line_above_silences(data: bytes, at: int) -> bool:
    """Whether the line above the one holding byte `at` has a comment telling tsc to accept the
    errors of the next line: an `import('undici')` type or a `require()` in the middle of a
    statement is silenced by the directive above its own line, as tsc reads it."""
    line_start = data.rfind(b"\n", 0, at) + 1
    if line_start == 0:
        return False
    above = data[data.rfind(b"\n", 0, line_start - 1) + 1:line_start - 1]
    return _DIRECTIVE.search(above) is not None


def silenced_statement(data: bytes, statement: Node, specifier_at: int) -> bool:
    """Whether a directive tells tsc to accept the errors of a statement that loads a module (`import`,
    `export ... from`): tsc reports a module it cannot find at the specifier, so a directive above the
    statement, or above the specifier's line inside a statement written over several lines
    (`// @ts-expect-error` before `} from 'x'`), silences it."""
    return _silenced(statement) or _line_above_silences(data, specifier_at)


def _silenced(statement: Node) -> bool:
    """Whether the comment on the line just above the statement tells tsc to accept its errors
    (`// @ts-ignore`, `// @ts-expect-error`): the author knows the import does not resolve."""
    comment = statement.prev_sibling
    return comment is not None and comment.type == "comment" \
        and comment.end_point[0] == statement.start_point[0] - 1 and any(s in (comment.text or b"") for s in _SILENCERS)

