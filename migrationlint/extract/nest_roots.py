"""One tree -> the TypeORM connections Nest opens (`TypeOrmModule.forRoot(...)` options) and the
top-level functions that just return a dynamic module (`function DatabaseModule() { return
TypeOrmModule.forRoot(...) }`).

Which entities a connection knows decides NEST002; a function returning `TypeOrmModule.forRoot`
is a connection, not a module that could provide repositories. Options are read only when they
are literal: anything computed is recorded as unknown.
"""

from __future__ import annotations

from tree_sitter import Node

from migrationlint.extract.nest_records import OrmRoot
from migrationlint.extract.parsing import string_value, text
from migrationlint.extract.path_exprs import glob_text
from migrationlint.extract.tree_lookups import leaf_at, word_spans

_WRAPPERS = ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression")


def orm_roots(root: Node, data: bytes) -> list[OrmRoot]:
    """Every `<...>TypeOrmModule.forRoot(Async)(...)` call of the file, with its options read."""
    out: list[OrmRoot] = []
    for s, e in word_spans(data, (b"forRoot", b"forRootAsync")):
        prop = leaf_at(root, s, e)
        member = prop.parent if prop is not None and prop.type == "property_identifier" else None
        call = member.parent if member is not None and member.type == "member_expression" else None
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != member:
            continue
        obj = member.child_by_field_name("object")
        if obj is None or not text(obj).endswith("TypeOrmModule"):
            continue
        found = OrmRoot(text(member), call.start_byte, call.end_byte)
        args = call.child_by_field_name("arguments")
        first = _first_arg(args)
        options = first if text(prop) == "forRoot" else _factory_result(first)
        if options is None:
            found.known = False
        else:
            _read_options(options, found)
        out.append(found)
    return out


def _first_arg(args: Node | None) -> Node | None:
    nodes = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    return _unwrap(nodes[0]) if nodes else None


def _factory_result(arg: Node | None) -> Node | None:
    """The object literal a `forRootAsync({ useFactory })` factory returns, when it just returns one."""
    if arg is None or arg.type != "object":
        return None
    factory = None
    for pair in arg.named_children:
        key = pair.child_by_field_name("key") if pair.type == "pair" else None
        if key is not None and text(key) == "useFactory":
            factory = pair.child_by_field_name("value")
        elif key is not None and text(key) in ("useClass", "useExisting", "dataSourceFactory"):
            return None
    body = factory.child_by_field_name("body") if factory is not None else None
    if body is None:
        return None
    if body.type == "statement_block":
        stmts = [c for c in body.named_children if c.type != "comment"]
        if len(stmts) != 1 or stmts[0].type != "return_statement" or not stmts[0].named_children:
            return None
        body = stmts[0].named_children[0]
    body = _unwrap(body)
    return body if body.type == "object" else None


def _read_options(obj: Node, found: OrmRoot) -> None:
    if obj.type != "object":
        found.known = False
        return
    keys = {_key_name(p) for p in obj.named_children if p.type == "pair"} | {
        text(p) for p in obj.named_children if p.type == "shorthand_property_identifier"}
    if "type" not in keys:  # TypeORM 0.2 reads the connection from ormconfig, whose entities are not these
        found.known = False
    for pair in obj.named_children:
        if pair.type == "comment":
            continue
        if pair.type == "shorthand_property_identifier":
            _shorthand(text(pair), found)
            continue
        if pair.type != "pair":  # a spread: any key may come from it
            found.known = False
            continue
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        name = (string_value(key) if key is not None and key.type == "string" else text(key)) if key else ""
        if value is None:
            continue
        value = _unwrap(value)
        if name == "name":
            found.name = string_value(value)
        elif name == "autoLoadEntities":
            found.auto_load = {"true": True, "false": False}.get(value.type)
        elif name == "entities":
            found.has_entities = True
            found.entities = _entities(value) if value.type == "array" else None


def _key_name(pair: Node) -> str:
    key = pair.child_by_field_name("key")
    if key is None:
        return ""
    return (string_value(key) or "") if key.type == "string" else text(key)


def _shorthand(name: str, found: OrmRoot) -> None:
    """`{ entities, name }`: the key is there, its value is not literal."""
    if name == "entities":
        found.has_entities, found.entities = True, None
    elif name == "name":
        found.name = None
    elif name == "autoLoadEntities":
        found.auto_load = None


def _entities(array: Node) -> list[tuple[str, str, int, int]]:
    out = []
    for e in array.named_children:
        if e.type == "comment":
            continue
        glob = glob_text(e)
        kind = "glob" if glob is not None else ("ident" if e.type == "identifier" else "other")
        out.append((kind, glob if glob is not None else text(e), e.start_byte, e.end_byte))
    return out


def returned_calls(root: Node) -> dict[str, str]:
    """Top-level (exported) functions whose body is one `return X.y(...)`: name -> callee text."""
    found: dict[str, str] = {}
    for stmt in root.named_children:
        fn = stmt.child_by_field_name("declaration") if stmt.type == "export_statement" else stmt
        if fn is None or fn.type != "function_declaration":
            continue
        name = fn.child_by_field_name("name")
        body = fn.child_by_field_name("body")
        stmts = [c for c in body.named_children if c.type != "comment"] if body is not None else []
        if name is None or len(stmts) != 1 or stmts[0].type != "return_statement" or not stmts[0].named_children:
            continue
        value = _unwrap(stmts[0].named_children[0])
        callee = value.child_by_field_name("function") if value.type == "call_expression" else None
        if callee is not None:
            found[text(name)] = text(callee)
    return found


def _unwrap(node: Node) -> Node:
    while node.type in _WRAPPERS and node.named_children:
        node = node.named_children[0]
    return node
