"""Valid TypeScript that tree-sitter-typescript 0.23.2 cannot parse, recognised by the exact shape
of the damage it leaves (or, for a variable named `using` and for import attributes on an
`export ... from`, by a second parse), so that SYN001 reports only code that is really invalid
and no import is lost.

The grammar was kept after an evaluation (README, "Syntax and imports"): no other offline grammar
build parses these. Each check below looks at one damage node and its immediate neighbours and
accepts only the recovery shape that construct produces; anything else stays a syntax error.
"""

from __future__ import annotations

import re

from tree_sitter import Node

GAPS = {
    "export-type-star": "`export type * from`",
    "typeof-import-argument": "`f<typeof import('x')>()`",
    "jsx-ampersand": "a bare `&` in JSX text or a JSX attribute string",
    "generic-tagged-template": "a generic tagged template (sql<T>`...`)",
    "generic-signature-line": "a generic call signature on the line after a member without `;`",
    "export-import-require": "`export import X = require('m')`",
}


def known_gap(node: Node) -> str | None:
    """The GAPS key when the ERROR or MISSING `node` is the recovery of a known grammar gap."""
    if node.is_missing:
        return "generic-tagged-template" if _tagged_template(node) else \
            "export-import-require" if _export_import_require(node) else None
    if node.type != "ERROR":
        return None
    for name, test in (("export-type-star", _export_type_star), ("typeof-import-argument", _typeof_import),
                       ("jsx-ampersand", _jsx_ampersand), ("generic-signature-line", _generic_signature_line)):
        if test(node):
            return name
    return None


def _tagged_template(missing: Node) -> bool:
    """sql<{ n: number }>`...`: a zero-width `!` after an instantiation expression, the whole
    being the tag of a template call."""
    parent = missing.parent
    prev = missing.prev_sibling
    if missing.type != "!" or parent is None or parent.type != "non_null_expression":
        return False
    if prev is None or prev.type != "instantiation_expression":
        return False
    call = parent.parent
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != parent:
        return False
    args = call.child_by_field_name("arguments")
    return args is not None and args.type == "template_string"


def _export_import_require(missing: Node) -> bool:
    """export import X = require('m'): read as the alias `X = require`, a zero-width `;`, then the
    statement `('m')` holding only the string."""
    alias = missing.parent
    statement = alias.parent if alias is not None else None
    if missing.type != ";" or alias is None or alias.type != "import_alias" or statement is None \
            or statement.type != "export_statement" or len(alias.named_children) != 2 \
            or alias.named_children[1].text != b"require":
        return False
    nxt = statement.next_named_sibling
    inner = nxt.named_children[0] if nxt is not None and nxt.type == "expression_statement" and nxt.named_children else None
    return inner is not None and inner.type == "parenthesized_expression" and len(inner.named_children) == 1 \
        and inner.named_children[0].type == "string"


def _export_type_star(error: Node) -> bool:
    """export type * from './x': the word `type` alone in an ERROR, right before the `*`."""
    nxt = error.next_sibling
    return (error.parent is not None and error.parent.type == "export_statement" and error.text == b"type"
            and nxt is not None and nxt.type in ("*", "namespace_export"))


def _typeof_import(error: Node) -> bool:
    """f<typeof import('x')>(): read as `f < typeof import('x')` followed by an ERROR `>(...)`."""
    prev = error.prev_sibling
    for _ in range(3):  # `f<...` itself, or the value of the declarator / assignment before the ERROR
        if prev is None or prev.type == "binary_expression" or not prev.named_children:
            break
        prev = prev.named_children[-1]
    if not (error.text or b"").startswith(b">") or prev is None or prev.type != "binary_expression":
        return False
    op, right = prev.child_by_field_name("operator"), prev.child_by_field_name("right")
    if op is None or op.type != "<" or right is None or right.type != "unary_expression":
        return False
    arg = right.child_by_field_name("argument")
    fn = arg.child_by_field_name("function") if arg is not None and arg.type == "call_expression" else None
    return (right.child_by_field_name("operator") or right).type == "typeof" and fn is not None and fn.type == "import"


def _jsx_ampersand(error: Node) -> bool:
    """<p>Tom & Jerry</p> or <img src="a?w=800&dpr=2" />: text that starts with `&` inside a JSX
    element or a JSX attribute's string, nothing structural in it."""
    raw = error.text or b""
    parent = error.parent
    if parent is None or not raw.startswith(b"&"):
        return False
    if parent.type == "jsx_element":
        return not any(ch in raw for ch in b"<>{}")
    grand = parent.parent
    return parent.type == "string" and grand is not None and grand.type == "jsx_attribute" \
        and not any(ch in raw for ch in b"\"'<>{}")


def _generic_signature_line(error: Node) -> bool:
    """type F = { (q: string): Promise<any>\n  <T>(q: T): Promise<T> }: with no `;` between them,
    the generic signature on the next line is swallowed into the previous return type
    (`Promise<any> < T > (...)`). The damage sits in that type annotation, the annotation still
    ends with a type, and one of its later lines starts with `<`."""
    parent = error.parent
    if parent is None or parent.type != "type_annotation" or not parent.named_children:
        return False
    if parent.named_children[-1].type in ("ERROR", "comment"):
        return False
    lines = (parent.text or b"").split(b"\n")[1:]
    return any(line.lstrip().startswith(b"<") for line in lines)


# `using` as a word of its own, not a member (`a.using`), not the keyword of a declaration (`using x = ...`)
_USING_WORD = re.compile(rb"(?<![\w$.])using(?![\w$])(?!\s+[A-Za-z_$])")
# `import { using }`, `import using from`, `export const using`, `export { using }`: a name other files use
_MODULE_SYNTAX_USING = re.compile(rb"\b(?:import|export)\s+(?:type\s+)?(?:\{[^}]*(?<![\w$.])using(?![\w$])"
                                  rb"|(?:\*\s+as\s+)?using(?![\w$])|(?:const|let|var|function|class)\s+using(?![\w$]))")


def without_using_variables(data: bytes) -> bytes | None:
    """The file with each variable named `using` renamed `usin$`, for a second parse: the grammar
    reads the word as the keyword of a `using` declaration (TypeScript 5.2), so `const using =
    'x'; f(a, using)`, valid TypeScript, damages the tree, often the whole file. The name keeps its
    length, so every byte offset holds. None when the file has no such word, or when an import or
    export names it (another file knows it by that name)."""
    if not _USING_WORD.search(data) or _MODULE_SYNTAX_USING.search(data):
        return None
    return _USING_WORD.sub(b"usin$", data)


# `export { default as A } from './a.json' assert { type: 'json' }` (or `with`): the attributes of a
# re-export, which the grammar reads only on an `import`
# (those of an `import`, which parse, are blanked as well: they say nothing the rules read)
_EXPORT_ATTRIBUTES = re.compile(rb"(\bfrom\s*(['\"])[^'\"\n]*\2)(\s*(?:assert|with)\s*\{[^{}]*\})")


def without_export_attributes(data: bytes) -> bytes | None:
    """The file with the import attributes of each `from '...'` blanked, for a second parse: the
    grammar damages an `export ... from` that has them, and the module it re-exports was lost.
    Spaces replace the attributes (line breaks kept), so every byte offset and line holds; one
    linear search finds them (no look back for the `export`). None when the file has none."""
    if not _EXPORT_ATTRIBUTES.search(data):
        return None
    return _EXPORT_ATTRIBUTES.sub(lambda m: m.group(1) + re.sub(rb"[^\n]", b" ", m.group(3)), data)
