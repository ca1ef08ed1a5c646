"""Finding the few nodes extraction needs without walking the whole tree.

Each whole-tree query costs about 40% of the parse (the cursor visits every node). These helpers
find the same nodes from a byte search for a token they must contain, then
`descendant_for_byte_range`, at a cost proportional to the hits. Also here: whether an identifier
sits in a type position (erased by the compiler), which needs a short walk up from the node.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from tree_sitter import Node

CALL_PROPS = frozenset({
    "createIndex", "createIndices", "createForeignKey", "createForeignKeys", "createUniqueConstraint",
    "createUniqueConstraints", "createCheckConstraint", "createCheckConstraints",
    "createExclusionConstraint", "createExclusionConstraints", "addColumn", "addColumns",
    "changeColumn", "changeColumns", "dropIndex", "create", "createMicroservice",
    "connectMicroservice", "register", "registerAsync", "forRoot", "forRootAsync", "pingCheck",
})


_TYPE_PARENTS = frozenset({
    "type_annotation", "type_arguments", "type_parameters", "type_alias_declaration", "interface_declaration",
    "nested_type_identifier", "type_query", "implements_clause", "extends_type_clause", "type_predicate",
    "generic_type", "union_type", "intersection_type", "array_type", "tuple_type", "lookup_type",
    "index_type_query", "conditional_type", "function_type", "object_type", "property_signature",
})
# type parts that decorator metadata never names (it emits `Promise`, `Array`, `Object`, `Function`)
_UNNAMED_BY_METADATA = frozenset({"type_arguments", "array_type", "tuple_type", "function_type", "object_type"})
_VALUE_BOUNDARIES = frozenset({
    "program", "statement_block", "class_body", "expression_statement", "lexical_declaration",
    "variable_declarator", "arguments", "call_expression", "new_expression", "return_statement",
    "assignment_expression", "pair", "array", "import_statement", "export_statement", "decorator",
})


def type_position(node: Node) -> bool:
    """Whether an identifier occurrence is erased by the TypeScript compiler (a type position).

    Not erased: the annotations `emitDecoratorMetadata` turns into runtime references, which NestJS
    dependency injection relies on: constructor parameters, decorated parameters, properties and
    methods (`design:type`, `design:paramtypes`, `design:returntype`). Metadata names only the
    annotation's outer type: a type argument (`Promise<AxiosResponse>` emits `Promise`), an array's
    element or a function, object or tuple type's parts are erased there too."""
    kind = node.type
    typed = kind == "type_identifier"
    nested = False  # inside a part of the annotation that metadata never names
    n = node
    for _ in range(12):
        parent = n.parent
        if parent is None:
            return False
        parent_kind = parent.type  # each `.type` builds a new string: read once per step
        if parent_kind in _VALUE_BOUNDARIES:
            if parent_kind == "export_statement":  # `export type { X }` exports only the type
                return typed or _marked_type(parent)
            return typed and parent_kind != "decorator" and parent_kind != "import_statement"
        if parent_kind == "export_specifier" and _marked_type(parent):  # `export { type X }`
            return True
        if parent_kind in _TYPE_PARENTS:
            typed = True
            nested = nested or parent_kind in _UNNAMED_BY_METADATA
            if parent_kind == "type_annotation":
                return nested or not _metadata_emitted(parent.parent)
        elif parent_kind == "as_expression" and kind == "type_identifier":
            return True
        n = parent
        kind = parent_kind
    return typed


def _marked_type(node: Node) -> bool:
    """Whether an export statement or specifier carries the `type` modifier, which tsc erases."""
    return any(c.type == "type" for c in node.children)


_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function_declaration", "method_definition",
                        "generator_function_declaration", "generator_function"})
_DECLARATIONS = frozenset({"lexical_declaration", "variable_declaration"})


# the field of a parent in which an identifier binds a name (None: any child of that pattern)
_BINDING_FIELDS = {"required_parameter": "pattern", "optional_parameter": "pattern", "variable_declarator": "name",
                   "arrow_function": "parameter", "catch_clause": "parameter", "assignment_pattern": "left",
                   "array_pattern": None, "rest_pattern": None, "pair_pattern": "value"}
# `{ Request }` destructured in a parameter or declaration: the name bound, which no query of a use
# captures (ident_nodes yields it only when asked, for binding_names)
PATTERN_NAME = "shorthand_property_identifier_pattern"


def binding_names(nodes: list[tuple[str, Node]]) -> set[str]:
    """The names among (name, identifier) pairs that some occurrence binds (`(office) => ...`,
    `const team = ...`): only they can be shadowed, so `shadowed` walks for them alone."""
    found = set()
    for name, node in nodes:
        if name in found:
            continue
        kind = node.type
        if kind == PATTERN_NAME:
            found.add(name)
            continue
        if kind != "identifier":
            continue
        parent = node.parent
        if parent is None:
            continue
        kind = parent.type
        if kind in _BINDING_FIELDS and (_BINDING_FIELDS[kind] is None
                                        or parent.child_by_field_name(_BINDING_FIELDS[kind]) == node):
            found.add(name)
    return found


def shadowed(node: Node, name: bytes) -> bool:
    """Whether the identifier `node` (spelling `name`) is bound by an enclosing function's
    parameter, a declaration of an enclosing block or a catch clause, not by the module's import
    of that name: `rows.map((office) => office.name)` uses the parameter, not the imported type."""
    n = node.parent
    while n is not None:
        kind = n.type
        if kind == "program":
            return False
        if kind in _FUNCTIONS:
            params = n.child_by_field_name("parameters") or n.child_by_field_name("parameter")
            if params is not None and _binds(params, name):
                return True
        elif kind == "statement_block":
            if _scope_declares(n, name):
                return True
        elif kind == "catch_clause":
            param = n.child_by_field_name("parameter")
            if param is not None and _binds(param, name):
                return True
        n = n.parent
    return False


def bound_in_file(node: Node, name: bytes) -> bool:
    """Whether the file binds `name` where `node` sees it other than by an import: a parameter,
    a block's declaration (`shadowed`) or one of the program's (`const [migrations] = ...`)."""
    if shadowed(node, name):
        return True
    program = node
    while program.parent is not None:
        program = program.parent
    return _scope_declares(program, name)


def _scope_declares(scope: Node, name: bytes) -> bool:
    """Whether a statement of a block or the program (`export const` included) declares `name`."""
    for stmt in scope.named_children:
        decl = stmt.child_by_field_name("declaration") if stmt.type == "export_statement" else stmt
        if decl is not None and decl.type in _DECLARATIONS and _declares(decl, name):
            return True
    return False


def _declares(declaration: Node, name: bytes) -> bool:
    return any(d.type == "variable_declarator" and (target := d.child_by_field_name("name")) is not None
               and _binds(target, name) for d in declaration.named_children)


def _binds(pattern: Node, name: bytes) -> bool:
    """Whether a parameter list or binding pattern binds `name` (type annotations and default
    values are no bindings)."""
    if pattern.type in ("identifier", "shorthand_property_identifier_pattern"):
        return pattern.text == name
    if pattern.type in ("type_annotation", "type_identifier"):
        return False
    if pattern.type == "assignment_pattern":
        left = pattern.child_by_field_name("left")
        return left is not None and _binds(left, name)
    if pattern.type in ("required_parameter", "optional_parameter"):
        target = pattern.child_by_field_name("pattern")
        return target is not None and _binds(target, name)
    if pattern.type == "pair_pattern":
        value = pattern.child_by_field_name("value")
        return value is not None and _binds(value, name)
    return any(_binds(c, name) for c in pattern.named_children)


def _metadata_emitted(owner: Node | None) -> bool:
    """Does `emitDecoratorMetadata` emit this annotation's type at runtime?"""
    if owner is None:
        return False
    if owner.type == "public_field_definition":
        return _decorated(owner)
    if owner.type in ("required_parameter", "optional_parameter"):
        if _fills_platform_object(owner):
            return False
        if _decorated(owner):
            return True
        method = owner.parent.parent if owner.parent is not None else None
        if method is None or method.type != "method_definition":
            return False
        name = method.child_by_field_name("name")
        if name is not None and name.text == b"constructor":
            return _decorated_class(method) or any(_decorated(p) for p in owner.parent.named_children)
        return _decorated_method(method)
    if owner.type == "method_definition":
        return _decorated_method(owner)
    return False


# parameter decorators that hand a handler the HTTP platform's own request, response or `next`
# (NestJS, routing-controllers): every platform types these with interfaces (express through
# @types/express, fastify's `FastifyRequest` in its own typings), which metadata emits as `Object`
_PLATFORM_OBJECT_DECORATORS = frozenset({b"Req", b"Request", b"Res", b"Response", b"Next"})


def _fills_platform_object(parameter: Node) -> bool:
    """Whether a decorator of `parameter` is one that injects the platform's request, response or
    next function (`@Req() req: FastifyRequest`): its annotation names an interface, erased."""
    for child in parameter.children:
        if child.type != "decorator" or not child.named_children:
            continue
        callee = child.named_children[0]
        if callee.type == "call_expression":
            callee = callee.child_by_field_name("function")
        if callee is not None and callee.type == "identifier" and callee.text in _PLATFORM_OBJECT_DECORATORS:
            return True
    return False


def _decorated_class(member: Node) -> bool:
    """Whether the class holding `member` has a decorator (`@Injectable() export class`, `export
    @Dec() class`): only then does `emitDecoratorMetadata` emit its constructor's parameter types."""
    body = member.parent
    cls = body.parent if body is not None else None
    if cls is None:
        return False
    holder = cls.parent if cls.parent is not None and cls.parent.type == "export_statement" else None
    return _decorated(cls) or (holder is not None and _decorated(holder))


def _decorated(node: Node) -> bool:
    """Whether `node` carries a decorator among its children (a property, a parameter, a class)."""
    return any(c.type == "decorator" for c in node.children)


def _decorated_method(method: Node) -> bool:
    prev = method.prev_named_sibling
    return prev is not None and prev.type == "decorator"


# --------------------------------------------------------------------------- targeted lookups
# Each whole-tree query costs about 40% of the parse (the cursor visits every node), and the
# queries above would each run on most files. These find the same nodes from a byte search for
# the one token they must contain, then `descendant_for_byte_range`: in document order, like
# the queries' matches, at a cost proportional to the hits. The query each one replaces:
#   new_nodes          (new_expression constructor: (_) @ctor) @new
#   decorator_nodes    (decorator) @dec
#   method_call_nodes  (call_expression function: (member_expression property: (property_identifier) @prop)
#                                       arguments: (arguments) @args) @call
#   pair_nodes         (pair key: [(property_identifier) (string)] @key value: (_) @value) @pair
#   ident_nodes        [(identifier) (type_identifier) (shorthand_property_identifier) (property_identifier)] @id
#   module_call_nodes  (call_expression function: (identifier) @fn arguments: (arguments . (string) @arg)) @call
#                      (call_expression function: (import) arguments: (arguments . (string) @arg)) @dyn
#                      (call_expression function: (member_expression object: (identifier) @obj
#                                                    property: (property_identifier) @prop)
#                                       arguments: (arguments . (string) @arg)) @mcall
#                      (the callee names the one of these an import rule reads: require, import,
#                      require.resolve, <x>.mock)

_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
_IDENT_TYPES = frozenset({"identifier", "type_identifier", "shorthand_property_identifier", "property_identifier"})
_IDENT_OR_PATTERN = _IDENT_TYPES | {PATTERN_NAME}
_CALL_PROP_BYTES = tuple(sorted(p.encode() for p in CALL_PROPS))


def _word_hits(data: bytes, word: bytes):
    """Start and end of each whole-word occurrence of `word` (ASCII identifier boundaries)."""
    size = len(data)
    n = len(word)
    at = data.find(word) if word else -1
    while at != -1:
        end = at + n
        if (at == 0 or data[at - 1] not in _WORD_BYTES) and (end == size or data[end] not in _WORD_BYTES):
            yield at, end
        at = data.find(word, end)


def word_spans(data: bytes, words) -> list[tuple[int, int]]:
    """Sorted spans of the whole-word occurrences of `words`. A word that extends another
    (`createIndex` after `create`) is found by the search for the shorter one, read on to the end
    of the identifier: one pass over the file per root, not per word (the schema-builder and
    module calls are 22 words and 7 roots). The words are ASCII: reading on stops at the first
    byte outside `_WORD_BYTES`, where the boundary test of `_word_hits` would."""
    wanted = frozenset(words)
    roots = _roots(wanted)
    if len(roots) == len(wanted):
        return sorted(span for w in wanted for span in _word_hits(data, w))
    size = len(data)
    found = []
    for root in roots:
        at = data.find(root)
        while at != -1:
            end = at + len(root)
            if at == 0 or data[at - 1] not in _WORD_BYTES:
                while end < size and data[end] in _WORD_BYTES:
                    end += 1
                if data[at:end] in wanted:
                    found.append((at, end))
            at = data.find(root, end)
    return sorted(found)


@lru_cache(maxsize=64)
def _roots(words: frozenset[bytes]) -> tuple[bytes, ...]:
    """The words no other word of the set begins with."""
    return tuple(w for w in words if not any(v != w and w.startswith(v) for v in words))


def leaf_at(root: Node, start: int, end: int) -> Node | None:
    node = root.descendant_for_byte_range(start, end)
    if node is None or node.start_byte != start or node.end_byte != end:
        return None
    return node


def new_nodes(root: Node, data: bytes):
    """(new_expression, constructor) pairs, as its query (above) matches them."""
    for s, e in word_spans(data, (b"new",)):
        kw = leaf_at(root, s, e)
        if kw is None or kw.type != "new":
            continue
        new = kw.parent
        if new is None or new.type != "new_expression":
            continue
        ctor = new.child_by_field_name("constructor")
        if ctor is not None:
            yield new, ctor


def decorator_nodes(root: Node, data: bytes):
    """decorator nodes, as its query (above) captures them."""
    at = data.find(b"@")
    while at != -1:
        tok = leaf_at(root, at, at + 1)
        if tok is not None and tok.type == "@":
            dec = tok.parent
            if dec is not None and dec.type == "decorator" and dec.start_byte == at:
                yield dec
        at = data.find(b"@", at + 1)


def method_call_nodes(root: Node, data: bytes):
    """(property, call, arguments) of `x.<one of CALL_PROPS>(...)`, as its query (above) matches them."""
    for s, e in word_spans(data, _CALL_PROP_BYTES):
        prop = leaf_at(root, s, e)
        if prop is None or prop.type != "property_identifier":
            continue
        member = prop.parent
        if member is None or member.type != "member_expression" or member.child_by_field_name("property") != prop:
            continue
        call = called(member)
        if call is None:
            continue
        args = call.child_by_field_name("arguments")
        if args is not None and args.type == "arguments":
            yield prop, call, args


def called(callee: Node) -> Node | None:
    """The call whose function is `callee`. The grammar reads `await a.b<T>(x)` as a call of
    `await a.b` with type arguments (`await NestFactory.create<NestExpressApplication>(AppModule)`,
    the usual start of a Nest app): that call too."""
    call = callee.parent
    if call is not None and call.type == "await_expression":
        wrapper, call = call, call.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != wrapper \
                or call.child_by_field_name("type_arguments") is None:
            return None
        return call
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != callee:
        return None
    return call


def call_function(call: Node) -> Node | None:
    """The function a call calls, under the `await` of the misread generic call (`called`)."""
    fn = call.child_by_field_name("function")
    if fn is not None and fn.type == "await_expression" and fn.named_children:
        return fn.named_children[0]
    return fn


def pair_nodes(root: Node, data: bytes, keys: tuple[bytes, ...]):
    """(pair, key, value) of pairs keyed `migrations` or `type` (`keys`), as its query (above) matches them."""
    for s, e in word_spans(data, keys):
        key = leaf_at(root, s, e)
        if key is None:
            continue
        if key.type == "string_fragment":
            key = key.parent
            if key is None or key.type != "string" or key.start_byte != s - 1 or key.end_byte != e + 1:
                continue
        elif key.type != "property_identifier":
            continue
        pair = key.parent
        if pair is None or pair.type != "pair" or pair.child_by_field_name("key") != key:
            continue
        value = pair.child_by_field_name("value")
        if value is not None:
            yield pair, key, value


def module_call_nodes(root: Node, data: bytes) -> list[tuple[Node, Node, Node, Node | None]]:
    """(call, first string argument, callee, member object) of `require("x")`, `import("x")`,
    `require.resolve("x")` and `<obj>.mock("x")` calls, in document order (the queries above,
    for the callees the import rules read). The callee is the `require`/`import` node or the `mock`
    / `resolve` property; the object is the member expression's object (None for a plain call)."""
    found = []
    for s, e in word_spans(data, (b"require", b"import", b"mock")):
        leaf = leaf_at(root, s, e)
        if leaf is None:
            continue
        if leaf.type == "import" and not leaf.is_named:  # the keyword token inside the named `import` node
            outer = leaf.parent
            if outer is None or outer.type != "import" or outer.start_byte != s or outer.end_byte != e:
                continue
            leaf = outer
        if leaf.type == "import" or (leaf.type == "identifier" and e - s == 7 and data[s] == 0x72):
            hit = _call_on(leaf, leaf, None)  # require(...) / import(...)
            if hit is None and leaf.type == "identifier":  # require.resolve(...)
                member = leaf.parent
                if member is not None and member.type == "member_expression" \
                        and member.child_by_field_name("object") == leaf:
                    prop = member.child_by_field_name("property")
                    if prop is not None and prop.type == "property_identifier":
                        hit = _call_on(member, prop, leaf)
        elif leaf.type == "property_identifier":  # <obj>.mock(...)
            member = leaf.parent
            hit = None
            if member is not None and member.type == "member_expression" and member.child_by_field_name("property") == leaf:
                obj = member.child_by_field_name("object")
                if obj is not None and obj.type == "identifier":
                    hit = _call_on(member, leaf, obj)
        else:
            continue
        if hit is not None:
            found.append(hit)
    found.sort(key=lambda hit: hit[0].start_byte)
    return found


def _call_on(callee_node: Node, callee: Node, obj: Node | None) -> tuple[Node, Node, Node, Node | None] | None:
    """The call whose `function` is `callee_node`, when its first named argument is a string."""
    call = callee_node.parent
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != callee_node:
        return None
    args = call.child_by_field_name("arguments")
    if args is None or args.type != "arguments" or args.named_child_count == 0:
        return None
    first = args.named_children[0]
    return (call, first, callee, obj) if first.type == "string" else None


def ident_nodes(root: Node, data: bytes, names: set[str], patterns: bool = False):
    """(name, node) of identifier-like nodes spelling one of `names`, as its query (above) captures them
    (filtered), in document order; with `patterns`, destructured names too (PATTERN_NAME). The name
    comes from the byte search, so no node text is read."""
    hits = [(s, e, name) for name in names for s, e in _word_hits(data, name.encode("utf-8"))]
    hits.sort()
    types = _IDENT_OR_PATTERN if patterns else _IDENT_TYPES
    for s, e, name in hits:
        node = leaf_at(root, s, e)
        if node is not None and node.type in types:
            yield name, node


CASTS = frozenset({"as_expression", "satisfies_expression", "type_assertion", "parenthesized_expression",
                    "non_null_expression"})


def unwrap_casts(node: Node) -> Node:
    """The expression under what only silences the compiler: `x as any`, `x as unknown as T`,
    `<any>x`, `x satisfies T`, `(x)` and `x!` change nothing at runtime (real code casts a plain
    options object precisely because tsc rejected it)."""
    while node.type in CASTS:
        inner = next((c for c in node.named_children if c.type not in ("type_arguments", "comment")), None)
        if inner is None:
            return node
        node = inner
    return node


def specifiers(clause: Node, kind: str) -> Iterator[tuple[Node, Node, Node | None, bool]]:
    """(specifier, name, alias, marked `type`) of each `import_specifier` / `export_specifier`
    (`kind`) of a `{ a, b as c, type d }` clause that has a name."""
    for spec in clause.named_children:
        if spec.type != kind:
            continue
        name = spec.child_by_field_name("name")
        if name is not None:
            yield spec, name, spec.child_by_field_name("alias"), any(c.type == "type" for c in spec.children)
