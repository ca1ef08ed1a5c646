"""Vite's `import.meta.glob('./pages/*.tsx')`: the files a glob pattern names are modules of the
bundle, loaded on demand (or at once with `{ eager: true }`), though no import statement names them.
So are the files a load by a computed relative path may name: ``require(`./routers/v1/${r}`)``
(a route list loaded at start-up) names every file below `./routers/v1/`, as `./routers/v1/**`,
and so does `require('./routers/v1/' + r)`; ``import(`./locale-${l}`)`` names `./locale-*`, and
``import(`./${c}/${n}/run.ts`)`` `./**/**/run.ts` (text after a substitution narrows the pattern).

Read as (pattern, start, end) of each literal pattern (a string, or the strings of an array, `!`
ones included) of an `import.meta.glob(...)` or `import.meta.globEager(...)` call (Vite 2's), and
of each such template; which files a pattern matches is the shipping model's question
(model/glob_targets.py).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from migrationlint.extract.parsing import string_value
from migrationlint.extract.tree_lookups import leaf_at

_PREFIX = b"import.meta."
# `require(`./x/${y}`)`, `import(`../x/${y}`)`: a load by computed path (importers look for it: sources.MENTION_WORDS)
TEMPLATE_LOAD_WORD = b"(`."
# `require('./x/' + y)`: the same, joined by `+` (importers look for the quote before it: CONCAT_LOAD_WORDS)
_CONCAT_LOAD = re.compile(rb"""(?:require|import)\(\s*(['"])\.{1,2}/[^'"\n]*\1\s*\+""")
CONCAT_LOAD_WORDS = (b"' +", b'" +')


def glob_imports(root: Node, data: bytes) -> list[tuple[str, int, int]]:
    """(pattern, start, end) of every literal pattern of the file's `import.meta.glob` calls."""
    found: list[tuple[str, int, int]] = []
    at = data.find(_PREFIX + b"glob")
    while at != -1:
        start = at + len(_PREFIX)
        end = start + (len(b"globEager") if data.startswith(b"globEager", start) else len(b"glob"))
        found += _patterns(leaf_at(root, start, end))
        at = data.find(_PREFIX + b"glob", end)
    at = data.find(TEMPLATE_LOAD_WORD)
    while at != -1:
        found += _template_load(leaf_at(root, at + 1, at + 2))
        at = data.find(TEMPLATE_LOAD_WORD, at + 1)
    for hit in _CONCAT_LOAD.finditer(data):
        quote = hit.start(1)
        found += _concatenated_load(leaf_at(root, quote, quote + 1))
    return found


def _concatenated_load(quote: Node | None) -> list[tuple[str, int, int]]:
    """The pattern of a `require()` or `import()` whose argument joins a relative string to a value
    (`'./' + name`), as `_template_load` reads a template."""
    string = quote.parent if quote is not None else None
    joined = string.parent if string is not None and string.type == "string" else None
    if joined is None or joined.type != "binary_expression" or joined.child_by_field_name("left") != string:
        return []
    args = joined.parent
    call = args.parent if args is not None and args.type == "arguments" and args.named_children[0] == joined else None
    if not _loads(call):
        return []
    return _pattern(string_value(string) or "", joined)


def _pattern(prefix: str, node: Node) -> list[tuple[str, int, int]]:
    """The files a computed path's relative `prefix` may name: those below its folder (`./routes/`),
    or those of the folder whose names start with its last part (`./locale-`). A prefix that only
    climbs (`../../`) names a whole tree above the file, a file of the checkout it writes at install
    time rather than a module (`require(`../../${name}`)`): nothing."""
    if not prefix.startswith(("./", "../")):
        return []
    named = [p for p in prefix.split("/") if p not in ("", ".", "..")]
    if not named and prefix != "./":
        return []
    return [(prefix + ("**" if prefix.endswith("/") else "*"), node.start_byte, node.end_byte)]


def _loads(call: Node | None) -> bool:
    """Whether the node is a `require(...)` or `import(...)` call."""
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return callee is not None and (callee.type == "import" or callee.type == "identifier" and callee.text == b"require")


def _template_load(tick: Node | None) -> list[tuple[str, int, int]]:
    """The pattern of a `require()` or `import()` whose argument is a template with a relative
    prefix and a substitution: the files below the prefix's folder (or, for a prefix ending in a
    name, those of the folder that start with it)."""
    template = tick.parent if tick is not None else None
    args = template.parent if template is not None and template.type == "template_string" else None
    call = args.parent if args is not None and args.type == "arguments" and args.named_children[0] == template else None
    if not _loads(call):
        return []
    parts = template.named_children
    if len(parts) < 2 or parts[0].type != "string_fragment" or parts[1].type != "template_substitution":
        return []
    found = _pattern(parts[0].text.decode("utf-8", "replace"), template)
    rest = _after_prefix(parts[0].text.decode("utf-8", "replace"), parts[1:])
    if not found or rest is None:
        return found
    pattern, start, end = found[0]
    return [(pattern.removesuffix("**").removesuffix("*") + rest, start, end)]


_GLOB_SPECIAL = re.compile(r"[][*?{}()!]")
_SCRIPT_SUFFIX = re.compile(r"\.[cm]?[jt]sx?$")


def _after_prefix(prefix: str, parts: list[Node]) -> str | None:
    """The rest of a computed path's pattern from its first substitution on, when static text follows
    one: ``./${category}/${name}/run.ts`` names `./**/**/run.ts`, not every file below `./` (a test
    that runs each case's `run.ts` beside its `input.ts` data). A substitution that fills a whole
    segment may hold several; one inside a segment (`locale-${l}`) matches within it. A `.js` spelling
    ends in whatever TypeScript resolves it to. None when no static text follows (the prefix decides)."""
    if all(p.type == "template_substitution" for p in parts):
        return None
    out, previous = "", prefix
    for i, part in enumerate(parts):
        if part.type == "template_substitution":
            following = parts[i + 1].text.decode("utf-8", "replace") if i + 1 < len(parts) else "/"
            whole = previous.endswith("/") and (following.startswith("/") or i + 1 == len(parts))
            out += "**" if whole else "*"
            previous = "*"
        else:
            previous = part.text.decode("utf-8", "replace")
            if _GLOB_SPECIAL.search(previous):
                return None  # a literal the glob would read as syntax: the prefix decides
            out += previous
    if parts[-1].type == "template_substitution" or _SCRIPT_SUFFIX.search(out) and not out.endswith(("js", "jsx")):
        return out
    if _SCRIPT_SUFFIX.search(out):
        return _SCRIPT_SUFFIX.sub(".*", out)
    return out + "*"  # `./handlers/${name}.handler`: TypeScript adds the extension


def _patterns(prop: Node | None) -> list[tuple[str, int, int]]:
    member = prop.parent if prop is not None and prop.type == "property_identifier" else None
    call = member.parent if member is not None and member.type == "member_expression" else None
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != member \
            or (member.child_by_field_name("object") or member).text != b"import.meta":
        return []
    args = call.child_by_field_name("arguments")
    first = args.named_children[0] if args is not None and args.named_children else None
    items = first.named_children if first is not None and first.type == "array" else [first] if first is not None else []
    return [(value, item.start_byte, item.end_byte) for item in items
            if (value := string_value(item)) is not None and value]
