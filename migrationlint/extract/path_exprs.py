"""A path-like TypeScript expression -> the glob it spells, with `{__dirname}` for `__dirname`.

TypeORM's `migrations:` and `entities:` options name files this way; both the migration facts and
the Nest facts read them, so the reading lives in one place.
"""

from __future__ import annotations

from tree_sitter import Node

from migrationlint.extract.parsing import string_value, text


MAX_CHOICES = 8  # alternatives kept for one expression; more reads as "not a glob we can follow"
_MAX_CONST_DEPTH = 3  # consts naming consts, followed this far


def glob_text(node: Node) -> str | None:
    """A path-like expression as a string with `{__dirname}` for `__dirname` (None if not one, or
    if a condition makes it one of several: see glob_choices).

    Handles 'a/b', `${__dirname}/a`, __dirname + '/a', path.join(__dirname, 'a', '*.ts') and
    resolve(...). Anything else (process.env, function calls) is not a glob we can follow.
    """
    choices = glob_choices(node)
    return choices[0] if choices is not None and len(choices) == 1 else None


def glob_choices(node: Node, depth: int = 0) -> list[str] | None:
    """The globs a path-like expression may spell, one per branch of the conditionals in it
    (`${isMySQL ? 'mysql' : 'sqlite'}/*.js` spells two); None when some part is not a glob we can
    follow or there are more than MAX_CHOICES. An identifier reads as the value of the `const` of
    that name in an enclosing block (`const dir = isMySQL ? 'mysql' : 'sqlite'`)."""
    t = node.type
    sv = string_value(node)
    if sv is not None:
        return [sv]
    if t == "identifier":
        if text(node) == "__dirname":
            return ["{__dirname}"]
        value = const_value(node) if depth < _MAX_CONST_DEPTH else None
        return glob_choices(value, depth + 1) if value is not None else None
    if t == "parenthesized_expression" and len(node.named_children) == 1:
        return glob_choices(node.named_children[0], depth)
    if t == "ternary_expression":
        branches = [node.child_by_field_name("consequence"), node.child_by_field_name("alternative")]
        return _joined([[c for b in branches for c in (glob_choices(b, depth) if b is not None else None) or [None]]],
                       "")
    if t == "template_string":
        parts: list[list[str] | None] = []
        for c in node.children:
            if c.type == "string_fragment":
                parts.append([text(c)])
            elif c.type == "template_substitution":
                inner = c.named_children[0] if c.named_children else None
                parts.append(glob_choices(inner, depth) if inner is not None else None)
        return _joined(parts, "")
    if t == "binary_expression":
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return None
        return _joined([glob_choices(left, depth), glob_choices(right, depth)], "")
    if t == "call_expression":
        fn = node.child_by_field_name("function")
        args = node.child_by_field_name("arguments")
        name = text(fn).rsplit(".", 1)[-1] if fn is not None else ""
        if name in ("join", "resolve") and args is not None:
            return _joined([glob_choices(a, depth) for a in args.named_children], "/")
    return None


def _joined(parts: list[list[str | None] | None], separator: str) -> list[str] | None:
    """Every concatenation of one choice per part (path segments joined by `separator` with their
    slashes trimmed), or None when a part is unknown or the choices grow past MAX_CHOICES."""
    out = [""]
    for i, choices in enumerate(parts):
        if choices is None or None in choices:
            return None
        out = [_join(a, b, separator, i) for a in out for b in choices]  # type: ignore[arg-type]
        if len(out) > MAX_CHOICES:
            return None
    return list(dict.fromkeys(out))


def _join(head: str, part: str, separator: str, index: int) -> str:
    if not separator:
        return head + part
    return part.rstrip("/") if index == 0 else head + separator + part.strip("/")


def const_value(ident: Node) -> Node | None:
    """The initializer of the `const` an identifier names, declared directly in a block or the
    program around it (None for anything else: a parameter, a `let`, an import)."""
    name = text(ident)
    scope = ident.parent
    while scope is not None:
        if scope.type in ("statement_block", "program"):
            for stmt in scope.named_children:
                found = _declared_const(stmt, name)
                if found is not None:
                    return found
        scope = scope.parent
    return None


def _declared_const(stmt: Node, name: str) -> Node | None:
    if stmt.type == "export_statement":
        stmt = stmt.child_by_field_name("declaration") or stmt
    if stmt.type != "lexical_declaration" or not stmt.children or stmt.children[0].type != "const":
        return None
    for declarator in stmt.named_children:
        target = declarator.child_by_field_name("name") if declarator.type == "variable_declarator" else None
        if target is not None and target.type == "identifier" and text(target) == name:
            return declarator.child_by_field_name("value")
    return None
