"""One tree -> NestFacts: `@Module({...})` arrays, class decorators and constructor parameters.

Called by facts.py for files that can hold them (a byte search for `@Module`/`@Inject`), so
files without Nest decorators cost nothing. Only top-level classes are read: Nest modules and
providers are declared there. Whatever is not a literal the graph can follow (a spread, a
variable, a computed key) is recorded as such, so that the model can say "unknown" instead of
guessing.
"""

from __future__ import annotations

from typing import Iterator

from tree_sitter import Node

from migrationlint.extract.nest_dynamic import dynamic_facts, wanted
from migrationlint.extract.nest_records import NestClass, NestFacts, NestItem, NestModule, NestParam
from migrationlint.extract.nest_roots import orm_roots, returned_calls
from migrationlint.extract.parsing import string_value, text
from migrationlint.extract.tree_lookups import ident_nodes

MODULE_KEYS = ("imports", "providers", "controllers", "exports")
_WRAPPERS = ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression")
_MAX_ARG_NAMES = 200
_ENHANCERS = ("UseGuards", "UseInterceptors", "UsePipes", "UseFilters")


def extract_nest(root: Node, data: bytes, dialect: str = "ts") -> NestFacts | None:
    """The Nest facts of a file (None when it has no decorated class, constructor, TypeORM
    connection, dynamic-module helper, dynamic-module call or possibly global module object)."""
    out = NestFacts()
    if b"TypeOrmModule" in data:
        out.roots = orm_roots(root, data)
    if b"DynamicModule" in data or b"TypeOrmModule" in data:
        out.returns = returned_calls(root)
    arrays, objects = _const_values(root)
    for name in _mutated(root, data, set(arrays)):
        del arrays[name]  # `X.push(TypeOrmModule.forFeature(...))` under a condition: not its initializer
    out.objects = {name: _provider(node) for name, node in objects.items()}
    out.choices = _choices(root)
    for name in _exported_names(root):
        items = _items(arrays[name], arrays) if name in arrays else None
        if items and all(i.kind in ("ident", "forward", "provider") for i in items):
            out.arrays[name] = items
    if any(wanted(data)):
        out.calls, out.globals = dynamic_facts(root, data, dialect, lambda node: _items(node, arrays))
    for stmt in root.named_children:
        decorators: list[Node] = []
        cls = stmt
        if stmt.type == "export_statement":
            decorators = [c for c in stmt.children if c.type == "decorator"]
            cls = stmt.child_by_field_name("declaration") or next(
                (c for c in stmt.named_children if c.type in ("class_declaration", "class")), None)
        if cls is None or cls.type not in ("class_declaration", "abstract_class_declaration", "class"):
            continue
        decorators += [c for c in cls.children if c.type == "decorator"]
        _class(cls, decorators, out, arrays)
    return out if (out.modules or out.classes or out.roots or out.returns or out.calls or out.globals
                   or out.arrays or out.objects or out.choices) else None


def _key(pair: Node) -> str:
    key = pair.child_by_field_name("key") if pair.type == "pair" else None
    return text(key) if key is not None else ""


def _top_level_declarators(root: Node) -> Iterator[tuple[Node, Node | None, bool, bool]]:
    """(name, value, declared `const`, exported) of each top-level `const`/`let` declarator that
    binds a plain identifier: the one walk the readers below share."""
    for stmt in root.named_children:
        exported = stmt.type == "export_statement"
        decl = stmt.child_by_field_name("declaration") if exported else stmt
        if decl is None or decl.type != "lexical_declaration":
            continue
        const = bool(decl.children) and decl.children[0].type == "const"
        for d in decl.named_children:
            name = d.child_by_field_name("name") if d.type == "variable_declarator" else None
            if name is not None and name.type == "identifier":
                yield name, d.child_by_field_name("value"), const, exported


def _const_values(root: Node) -> tuple[dict[str, Node], dict[str, Node]]:
    """Top-level `const X = [...]` of the file (`providers: [...X]` is as readable as the list
    itself), and `const X = { provide, ... }` (a provider object named in a list)."""
    found: dict[str, Node] = {}
    objects: dict[str, Node] = {}
    for name, value, const, _ in _top_level_declarators(root):
        if not const or value is None:
            continue
        value = _unwrap(value)
        if value.type == "array":
            found[text(name)] = value
        elif value.type == "object" and any(_key(p) == "provide" for p in value.named_children):
            objects[text(name)] = value
    return found, objects


_GROWING = frozenset({"push", "unshift", "splice", "fill", "copyWithin"})
_GROWING_BYTES = tuple(m.encode() for m in _GROWING) + (b"] =",)  # what a file that changes an array holds


def _mutated(root: Node, data: bytes, names: set[str]) -> set[str]:
    """Which of the `names` (const arrays) the file changes after their initializer: a call of a
    mutating method on one (`imports.push(...)`), or an assignment to an element (`imports[0] = ...`)."""
    if not names or not any(m in data for m in _GROWING_BYTES):
        return set()
    found = set()
    for name, node in ident_nodes(root, data, names):
        parent = node.parent
        if parent is None or parent.child_by_field_name("object") != node:
            continue
        if parent.type == "member_expression":
            prop = parent.child_by_field_name("property")
            call = parent.parent
            if prop is not None and text(prop) in _GROWING and call is not None and call.type == "call_expression":
                found.add(name)
        elif parent.type == "subscript_expression" and parent.parent is not None \
                and parent.parent.type == "assignment_expression" and parent.parent.child_by_field_name("left") == parent:
            found.add(name)
    return found


def _choices(root: Node) -> dict[str, list[str]]:
    """Top-level `const X = cond ? A : B` (nested conditionals too) whose every branch is an
    identifier: X -> [A, B]. Anything else in a branch: not recorded (X stays unknown)."""
    found: dict[str, list[str]] = {}
    for name, value, const, _ in _top_level_declarators(root):
        branches = _branches(_unwrap(value)) if const and value is not None else None
        if branches:
            found[text(name)] = branches
    return found


def _branches(node: Node, depth: int = 0) -> list[str] | None:
    if node.type == "identifier":
        return [text(node)]
    if node.type != "ternary_expression" or depth > 4:
        return None
    out: list[str] = []
    for part in (node.child_by_field_name("consequence"), node.child_by_field_name("alternative")):
        got = _branches(_unwrap(part), depth + 1) if part is not None else None
        if got is None:
            return None
        out += got
    return out


def _exported_names(root: Node) -> list[str]:
    """Names of the file's `export const X = ...` declarations."""
    return [text(name) for name, _, _, exported in _top_level_declarators(root) if exported]


def _class(node: Node, decorators: list[Node], out: NestFacts, arrays: dict[str, Node]) -> None:
    name_node = node.child_by_field_name("name")
    if name_node is None:
        return
    cls = NestClass(text(name_node), name_node.start_byte, name_node.end_byte)
    module_args: Node | None = None
    module_callee = ""
    for dec in decorators:
        callee, args = _decorator_call(dec)
        cls.decorators.append(callee)
        _enhancer(cls, callee, args)
        if callee.rsplit(".", 1)[-1] == "Module":
            module_args, module_callee = args, callee
    for child in node.children:
        if child.type == "class_heritage":
            ext = next((c for c in child.named_children if c.type == "extends_clause"), None)
            value = ext.named_children[0] if ext is not None and ext.named_children else None
            cls.extends = text(value) if value is not None else None
    body = node.child_by_field_name("body")
    statics = False
    for member in body.named_children if body is not None else ():
        if member.type == "decorator":  # a method's decorators are the class body's children
            _enhancer(cls, *_decorator_call(member))
        if member.type != "method_definition":
            continue
        n = member.child_by_field_name("name")
        if n is not None and text(n) == "constructor":
            cls.has_ctor = True
            cls.params = _params(member)
        elif any(c.type == "static" for c in member.children):
            statics = True
    if module_callee:
        mod = _module(cls, module_callee, module_args, statics, arrays)
        raw = node.text or b""
        mod.may_be_global = statics and b"global" in raw.lower()
        mod.mentions_repositories = b"forFeature" in raw or b"Repository" in raw
        out.modules.append(mod)
    elif statics and any(d.rsplit(".", 1)[-1] == "Global" for d in cls.decorators):
        out.modules.append(_global_builder(cls, node))
    if cls.decorators or cls.has_ctor:
        out.classes.append(cls)


def _global_builder(cls: NestClass, node: Node) -> NestModule:
    """`@Global()` on a class with no `@Module()` whose static builder returns `{ module: X,
    providers, exports }`: Nest reads the module from that object and makes it global by the
    class's decorator. Recorded as a global module whose content is unknown (`known` False)."""
    mod = NestModule(cls.name, cls.name_start, cls.name_end, "Global", is_global=True, known=False,
                     has_static_methods=True, may_be_global=True)
    for key in MODULE_KEYS:
        setattr(mod, key, None)
    raw = node.text or b""
    mod.mentions_repositories = b"forFeature" in raw or b"Repository" in raw
    return mod


def _enhancer(cls: NestClass, callee: str, args: Node | None) -> None:
    """Record the classes `@UseGuards(A, B)` and its siblings name (instances and calls are skipped)."""
    if callee.rsplit(".", 1)[-1] not in _ENHANCERS or args is None:
        return
    for a in args.named_children:
        if a.type == "identifier":
            cls.enhancers.append((callee, text(a), a.start_byte, a.end_byte))


def _decorator_call(dec: Node) -> tuple[str, Node | None]:
    """(callee text, arguments node or None) of `@X(...)` / `@X`."""
    expr = dec.named_children[0] if dec.named_children else None
    if expr is None:
        return "", None
    if expr.type == "call_expression":
        fn = expr.child_by_field_name("function")
        return (text(fn) if fn is not None else ""), expr.child_by_field_name("arguments")
    return text(expr), None


def _module(cls: NestClass, callee: str, args: Node | None, statics: bool, arrays: dict[str, Node]) -> NestModule:
    mod = NestModule(cls.name, cls.name_start, cls.name_end, callee, has_static_methods=statics,
                     is_global=any(d.rsplit(".", 1)[-1] == "Global" for d in cls.decorators))
    first = _unwrap(args.named_children[0]) if args is not None and args.named_children else None
    if first is None:  # `@Module()`: an empty module
        return mod
    if first.type != "object":
        mod.known = False
        for key in MODULE_KEYS:
            setattr(mod, key, None)
        return mod
    for member in first.named_children:
        if member.type == "pair":
            key = member.child_by_field_name("key")
            value = member.child_by_field_name("value")
            name = text(key) if key is not None else ""
            if name in MODULE_KEYS:
                setattr(mod, name, _items(value, arrays))
        elif member.type == "shorthand_property_identifier" and text(member) in MODULE_KEYS:
            setattr(mod, text(member), None)
        elif member.type != "comment":  # a spread or a method: any key may come from it
            mod.known = False
    return mod


def _items(value: Node | None, arrays: dict[str, Node], depth: int = 0) -> list[NestItem] | None:
    """The elements of an array literal (a file's const array spread into it is expanded)."""
    value = _unwrap(value) if value is not None else None
    if value is None or value.type != "array":
        return None
    out: list[NestItem] = []
    for e in value.named_children:
        if e.type == "comment":
            continue
        inner = e.named_children[0] if e.type == "spread_element" and e.named_children else None
        if inner is not None and inner.type == "identifier" and text(inner) in arrays and depth < 3:
            expanded = _items(arrays[text(inner)], arrays, depth + 1)
            if expanded is not None:
                out.extend(expanded)
                continue
        out.append(_item(e))
    return out


def _item(node: Node) -> NestItem:
    node = _unwrap(node)
    kind = node.type
    if kind == "identifier":
        return NestItem("ident", text(node), node.start_byte, node.end_byte)
    if kind == "spread_element":
        return NestItem("spread", text(node), node.start_byte, node.end_byte)
    if kind == "object":
        return _provider(node)
    if kind == "call_expression":
        return _call_item(node)
    return NestItem("other", text(node), node.start_byte, node.end_byte)


def _call_item(node: Node) -> NestItem:
    fn = node.child_by_field_name("function")
    args = node.child_by_field_name("arguments")
    callee = text(fn) if fn is not None else ""
    arg_nodes = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    if callee == "forwardRef" and len(arg_nodes) == 1 and arg_nodes[0].type == "arrow_function":
        body = arg_nodes[0].child_by_field_name("body")
        if body is not None and body.type == "identifier":
            return NestItem("forward", text(body), node.start_byte, node.end_byte)
        if body is not None and _unwrap(body).type == "call_expression":  # forwardRef(() => AuthModule.register())
            item = _call_item(_unwrap(body))
            item.start, item.end = node.start_byte, node.end_byte
            return item
    item = NestItem("call", callee, node.start_byte, node.end_byte, arg_names=_names_in(arg_nodes))
    if callee.rsplit(".", 1)[-1] == "forFeature" and arg_nodes:
        item.kind = "feature"
        _feature(item, arg_nodes)
    return item


def _feature(item: NestItem, args: list[Node]) -> None:
    """`forFeature([E, ...], conn)`: the entity list and the connection, as far as literal."""
    first = _unwrap(args[0])
    if first.type == "array":
        item.array_start = first.start_byte
        item.entities = [("ident" if e.type == "identifier" else "other", text(e), e.start_byte, e.end_byte)
                         for e in first.named_children if e.type != "comment"]
    if len(args) > 1:
        item.connection = string_value(args[1])


def _provider(node: Node) -> NestItem:
    item = NestItem("provider", "", node.start_byte, node.end_byte)
    for pair in node.named_children:
        if pair.type != "pair":
            if pair.type != "comment":
                item.token = ("other", "")  # a spread: the token may come from it
            continue
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        name = text(key) if key is not None else ""
        if value is None:
            continue
        if name == "provide":
            sv = string_value(value)
            item.token = ("string", sv) if sv is not None else (
                ("ident", text(value)) if value.type == "identifier" else ("other", text(value)))
        elif name.startswith("use"):
            item.use = name
            item.use_name = text(value) if value.type == "identifier" else ""
    return item


def _params(ctor: Node) -> list[NestParam]:
    params = ctor.child_by_field_name("parameters")
    out: list[NestParam] = []
    for p in params.named_children if params is not None else ():
        if p.type not in ("required_parameter", "optional_parameter"):
            continue
        param = NestParam(len(out), p.start_byte, p.end_byte)
        ann = p.child_by_field_name("type")
        t = _nullable(ann.named_children[0]) if ann is not None and ann.named_children else None
        if t is not None:
            param.type_name = text(t).split("<", 1)[0]
        for dec in (c for c in p.children if c.type == "decorator"):
            callee, args = _decorator_call(dec)
            param.decorators.append((callee, _arguments(args)))
        out.append(param)
    return out


def _nullable(node: Node) -> Node:
    """`X | null` / `X | undefined` -> X: TypeScript records X as the parameter's runtime type."""
    while node.type == "parenthesized_type" and node.named_children:
        node = node.named_children[0]
    if node.type != "union_type":
        return node
    parts, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type in ("union_type", "parenthesized_type"):
            stack.extend(n.named_children)
        elif not (n.type == "literal_type" and text(n) in ("null", "undefined")):
            parts.append(n)
    return parts[0] if len(parts) == 1 else node


def _arguments(args: Node | None) -> list[tuple[str, str, int, int]]:
    out = []
    for a in args.named_children if args is not None else ():
        if a.type == "comment":
            continue
        sv = string_value(a)
        kind = "string" if sv is not None else ("ident" if a.type == "identifier" else "other")
        out.append((kind, sv if sv is not None else text(a), a.start_byte, a.end_byte))
    return out


def _names_in(nodes: list[Node]) -> tuple[str, ...]:
    """Identifiers under `nodes` (bounded): which classes a dynamic module call was handed."""
    found: list[str] = []
    stack = list(reversed(nodes))
    while stack and len(found) < _MAX_ARG_NAMES:
        n = stack.pop()
        if n.type in ("identifier", "shorthand_property_identifier"):
            found.append(text(n))
        else:
            stack.extend(reversed(n.named_children))
    return tuple(dict.fromkeys(found))


def _unwrap(node: Node) -> Node:
    while node.type in _WRAPPERS and node.named_children:
        node = node.named_children[0]
    return node
