"""A path-like TypeScript expression -> the glob it spells, with `{__dirname}` for `__dirname`.

TypeORM's `migrations:` and `entities:` options name files this way; both the migration facts and
the Nest facts read them, so the reading lives in one place.
"""

from __future__ import annotations

from tree_sitter import Node

from migrationlint.extract.parsing import string_value, text


def glob_text(node: Node) -> str | None:
    """A path-like expression as a string with `{__dirname}` for `__dirname` (None if not one).

    Handles 'a/b', `${__dirname}/a`, __dirname + '/a', path.join(__dirname, 'a', '*.ts') and
    resolve(...). Anything else (process.env, function calls) is not a glob we can follow.
    """
    t = node.type
    sv = string_value(node)
    if sv is not None:
        return sv
    if t == "identifier" and text(node) == "__dirname":
        return "{__dirname}"
    if t == "template_string":
        out = []
        for c in node.children:
            if c.type == "string_fragment":
                out.append(text(c))
            elif c.type == "template_substitution":
                inner = c.named_children[0] if c.named_children else None
                sub = glob_text(inner) if inner is not None else None
                if sub is None:
                    return None
                out.append(sub)
        return "".join(out)
    if t == "binary_expression":
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return None
        a, b = glob_text(left), glob_text(right)
        return a + b if a is not None and b is not None else None
    if t == "call_expression":
        fn = node.child_by_field_name("function")
        args = node.child_by_field_name("arguments")
        name = text(fn).rsplit(".", 1)[-1] if fn is not None else ""
        if name in ("join", "resolve") and args is not None:
            parts = []
            for a in args.named_children:
                p = glob_text(a)
                if p is None:
                    return None
                parts.append(p)
            return "/".join(p.strip("/") if i else p.rstrip("/") for i, p in enumerate(parts))
    return None
