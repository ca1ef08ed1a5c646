"""Byte edits that add or remove one named import, in the style the file already uses.

Fixes that rename an imported symbol (TableIndex for Index) or introduce one (wrapping an object in
`new TableIndex(...)`) must touch the import statement the way a careful person would: keep the
quote style, the order of the names (alphabetical lists stay alphabetical, others get the name
appended), one-per-line layouts, trailing commas and CRLF line ends. The edits are minimal so that
fixes touching different names of one statement rarely overlap and can land in one fix pass.

Works on FileFacts (ImportFact spans) plus the file's bytes; never parses.
"""

from __future__ import annotations

from migrationlint.diagnostics import Edit
from migrationlint.extract.records import Binding, FileFacts, ImportFact


def quote_of(data: bytes, imp: ImportFact) -> str:
    """The quote character of the import's specifier (`'` or `"`)."""
    q = data[imp.start:imp.start + 1].decode("ascii", "replace")
    return q if q in ("'", '"', "`") else "'"


def named_import_of(facts: FileFacts, module: str) -> ImportFact | None:
    """A value (not `import type`) statement importing names from exactly `module` with braces."""
    for imp in facts.imports:
        if imp.specifier == module and imp.kind in ("import", "require") and imp.names_start >= 0 and not imp.type_only:
            return imp
    return None


def namespace_of(facts: FileFacts, module: str) -> str | None:
    """The local name of `import * as ns from module` / `import ns = require(module)` / `const ns = require(module)`."""
    for imp in facts.imports:
        if imp.specifier != module or imp.type_only:
            continue
        if imp.kind in ("import", "require") and imp.namespace:
            return imp.namespace
        if imp.kind == "import-equals" and imp.default:
            return imp.default
    return None


def local_name_of(facts: FileFacts, module: str, name: str) -> str | None:
    """The local name under which `name` from `module` is already a value in this file, if it is."""
    for imp in facts.imports:
        if imp.specifier != module or imp.kind not in ("import", "require"):
            continue
        for b in imp.bindings:
            if b.imported == name and not b.type_only:
                return b.local
    return None


def _separator(data: bytes, imp: ImportFact) -> str:
    """The text between two names of this list: `, ` or `,` + newline + indentation."""
    b = imp.bindings
    raw = (data[b[0].end:b[1].start] if len(b) >= 2 else data[imp.names_start + 1:b[0].start]).decode("utf-8", "replace")
    if "\n" not in raw:
        return ", "
    tail = raw[raw.rfind("\n") + 1:]
    indent = tail[: len(tail) - len(tail.lstrip(" \t"))]
    return ",\n" + indent


def _sort_key(names: list[str]):
    """The ordering the existing list follows (case-insensitive or plain), or None if unsorted."""
    if len(names) < 2 or names == sorted(names, key=str.lower):
        return str.lower
    if names == sorted(names):
        return lambda s: s
    return None


def _slot(names: list[str], name: str) -> int:
    """Where `name` goes among `names`: its sorted position in a sorted list, else the end."""
    key = _sort_key(names)
    if key is None:
        return len(names)
    for i, existing in enumerate(names):
        if key(name) < key(existing):
            return i
    return len(names)


def _insert_at(data: bytes, imp: ImportFact, remaining: list[Binding], name: str) -> Edit:
    sep = _separator(data, imp)
    slot = _slot([b.imported for b in remaining], name)
    if slot < len(remaining):
        return Edit(path="", start=remaining[slot].start, end=remaining[slot].start, text=name + sep)
    last = remaining[-1]
    return Edit(path="", start=last.end, end=last.end, text=sep + name)


def add_name(data: bytes, imp: ImportFact, name: str, path: str) -> Edit:
    """Add `name` to the braces of `imp` (an ES import or a `require` destructuring)."""
    if not imp.bindings:
        return Edit(path, imp.names_start, imp.names_end, "{ " + name + " }")
    e = _insert_at(data, imp, imp.bindings, name)
    return Edit(path, e.start, e.end, e.text)


def remove_binding(data: bytes, imp: ImportFact, binding: Binding, path: str) -> Edit:
    """Remove one name with its separator; the whole statement when it was the statement's only name."""
    b = imp.bindings
    i = b.index(binding)
    if len(b) > 1:
        if i < len(b) - 1:
            return Edit(path, binding.start, b[i + 1].start, "")
        return Edit(path, b[i - 1].end, binding.end, "")
    if imp.default or imp.namespace:  # `import x, { Index } from 'typeorm'`: keep `import x from`
        head = data[:imp.names_start].rstrip()
        start = len(head) - 1 if head.endswith(b",") else imp.names_start
        return Edit(path, start, imp.names_end, "")
    return delete_statement(data, imp, path)


def delete_statement(data: bytes, imp: ImportFact, path: str) -> Edit:
    """Delete the whole statement and its line break."""
    end = imp.stmt_end
    if data[end:end + 2] == b"\r\n":
        end += 2
    elif data[end:end + 1] == b"\n":
        end += 1
    return Edit(path, imp.stmt_start, end, "")


def replace_binding(data: bytes, imp: ImportFact, binding: Binding, name: str, path: str) -> list[Edit]:
    """Replace an imported name (and its alias) by `name`, in place when the order allows it."""
    remaining = [b for b in imp.bindings if b is not binding]
    i = imp.bindings.index(binding)
    names = [b.imported for b in remaining]
    unsorted = _sort_key([b.imported for b in imp.bindings]) is None
    if not remaining or unsorted or _slot(names, name) == i:
        return [Edit(path, binding.start, binding.end, name)]
    e = _insert_at(data, imp, remaining, name)
    return [remove_binding(data, imp, binding, path), Edit(path, e.start, e.end, e.text)]


def new_import(data: bytes, facts: FileFacts, module: str, names: list[str], path: str) -> Edit:
    """A new `import { names } from 'module';` line after the last top-level import (or at the top)."""
    tops = [i for i in facts.imports if i.kind in ("import", "import-equals") and i.stmt_start >= 0]
    if tops:
        last = max(tops, key=lambda i: i.stmt_end)
        semi = ";" if data[last.stmt_end - 1:last.stmt_end] == b";" else ""
        q = quote_of(data, last)
        return Edit(path, last.stmt_end, last.stmt_end, f"\nimport {{ {', '.join(names)} }} from {q}{module}{q}{semi}")
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data[start:start + 2] == b"#!":
        nl = data.find(b"\n", start)
        start = len(data) if nl == -1 else nl + 1
    return Edit(path, start, start, f"import {{ {', '.join(names)} }} from '{module}';\n")


def ensure_imported(data: bytes, facts: FileFacts, module: str, name: str, path: str) -> tuple[str, list[Edit]]:
    """How to refer to `name` from `module` here, and the edits that make it available.

    Already imported: its local name, no edits. A namespace import: `ns.name`, no edits. Else added to
    the module's existing named import, or a new import line.
    """
    local = local_name_of(facts, module, name)
    if local is not None:
        return local, []
    imp = named_import_of(facts, module)
    if imp is not None:
        return name, [add_name(data, imp, name, path)]
    ns = namespace_of(facts, module)
    if ns is not None:
        return f"{ns}.{name}", []
    return name, [new_import(data, facts, module, [name], path)]
