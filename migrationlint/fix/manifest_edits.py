"""Structured package.json edits, rendered against the manifest's current text.

A json_edit is one of these tuples (produced by the dependency rules):
  ("add", section, name, version)      declare `name` in `section`; a no-op when any dependency
                                        section already declares it (so N fixes make one key);
                                        for peerDependencies, when that section does
  ("move", from_section, to_section, name)  move an entry, keeping its range; a no-op when
                                        `from_section` does not have it

Edits are made the way a person would make them: the file's indentation (2, 4 spaces or tabs),
line endings, BOM and final newline are kept; a sorted section gets the new key in alphabetical
place, an unsorted one at its end; a missing section is created where it conventionally goes.
Only the lines that change differ from the input, and the result must parse as JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

DEP_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")
_SECTION_ORDER = ("dependencies", "devDependencies", "peerDependencies", "peerDependenciesMeta",
                  "optionalDependencies", "bundleDependencies", "bundledDependencies")


def render(data: bytes, json_edits: list[tuple]) -> bytes:
    """Apply structured edits to a package.json's bytes (ValueError when one cannot apply)."""
    if not json_edits:
        return data
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3 if bom else 0:].decode("utf-8")
        json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"package.json does not parse: {exc}") from None
    seen: set[tuple] = set()
    for edit in json_edits:
        if edit in seen:
            continue
        seen.add(edit)
        text = apply_edit(text, edit)
    try:
        result = json.loads(text)
    except ValueError as exc:  # a bug here must never reach the disk
        raise ValueError(f"edited package.json would not parse: {exc}") from None
    if not isinstance(result, dict):
        raise ValueError("edited package.json is not an object")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def apply_edit(text: str, edit: tuple) -> str:
    op = edit[0] if edit else None
    if op == "add" and len(edit) == 4:
        _, section, name, version = edit
        return add_entry(text, section, name, version)
    if op == "move" and len(edit) == 4:
        _, source, target, name = edit
        return move_entry(text, source, target, name)
    raise ValueError(f"unknown package.json edit {edit!r}")


# ----------------------------------------------------------------------------- scanning

@dataclass
class Member:
    key: str
    key_start: int  # the opening quote of the key
    value_start: int
    value_end: int


def _skip_ws(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in " \t\r\n":
        i += 1
    return i


def _string_end(text: str, i: int) -> int:
    """Index after the string starting at text[i] == '"'."""
    i += 1
    while True:
        c = text[i]
        if c == "\\":
            i += 2
        elif c == '"':
            return i + 1
        else:
            i += 1


def _value_end(text: str, i: int) -> int:
    c = text[i]
    if c == '"':
        return _string_end(text, i)
    if c in "{[":
        depth = 0
        while True:
            c = text[i]
            if c == '"':
                i = _string_end(text, i)
                continue
            if c in "{[":
                depth += 1
            elif c in "}]":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
    while i < len(text) and text[i] not in ",}] \t\r\n":
        i += 1
    return i


def members(text: str, open_at: int) -> tuple[list[Member], int]:
    """The members of the object whose `{` is at `open_at`, and the index of its `}`."""
    out: list[Member] = []
    i = _skip_ws(text, open_at + 1)
    while text[i] != "}":
        key_start = i
        key_end = _string_end(text, i)
        key = json.loads(text[key_start:key_end])
        i = _skip_ws(text, key_end)
        i = _skip_ws(text, i + 1)  # past ':'
        value_end = _value_end(text, i)
        out.append(Member(key, key_start, i, value_end))
        i = _skip_ws(text, value_end)
        if text[i] == ",":
            i = _skip_ws(text, i + 1)
    return out, i


def _top(text: str) -> tuple[list[Member], int]:
    return members(text, _skip_ws(text, 0))


def _find(ms: list[Member], key: str) -> Member | None:
    return next((m for m in ms if m.key == key), None)


# ----------------------------------------------------------------------------- layout

def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _line_indent(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    return text[start:pos] if text[start:pos].strip() == "" else ""


def _indent_unit(text: str, top: list[Member]) -> str:
    """The file's indentation step, from its first top-level key (two spaces by default)."""
    if top:
        unit = _line_indent(text, top[0].key_start)
        if unit:
            return unit
    return "  "


def _colon(text: str, m: Member | None) -> str:
    """`": "` or `":"`, as the file writes it."""
    if m is None:
        return ": "
    key_end = _string_end(text, m.key_start)
    return text[key_end:m.value_start] or ": "


def _is_sorted(keys: list[str]) -> bool:
    return keys == sorted(keys) or keys == sorted(keys, key=str.lower)


def _entry(name: str, version: str, colon: str) -> str:
    return json.dumps(name) + colon + json.dumps(version)


# ----------------------------------------------------------------------------- operations

def declared_section(text: str, name: str, sections: tuple[str, ...] = DEP_SECTIONS) -> str | None:
    top, _ = _top(text)
    for section in sections:
        sec = _find(top, section)
        if sec is not None and text[sec.value_start] == "{":
            if _find(members(text, sec.value_start)[0], name) is not None:
                return section
    return None


def add_entry(text: str, section: str, name: str, version: str) -> str:
    # a peer is declared beside its devDependency (what the package is developed against): only an
    # existing peer entry makes that addition a no-op
    if declared_section(text, name, (section,) if section == "peerDependencies" else DEP_SECTIONS) is not None:
        return text
    top, top_close = _top(text)
    sec = _find(top, section)
    if sec is None:
        return _add_section(text, top, top_close, section, name, version)
    if text[sec.value_start] != "{":
        raise ValueError(f'"{section}" is not an object')
    entries, close = members(text, sec.value_start)
    nl = _newline(text)
    unit = _indent_unit(text, top)
    colon = _colon(text, entries[0] if entries else sec)
    if not entries:
        outer = _line_indent(text, sec.key_start)
        body = nl + outer + unit + _entry(name, version, colon) + nl + outer
        return text[:sec.value_start + 1] + body + text[close:]
    multiline = "\n" in text[sec.value_start:entries[0].key_start]

    def sep(neighbour: Member) -> str:  # the line the new entry takes keeps its neighbour's indentation
        return ("," + nl + _line_indent(text, neighbour.key_start)) if multiline else ", "

    keys = [e.key for e in entries]
    new = _entry(name, version, colon)
    if _is_sorted(keys):
        fold = (lambda k: k) if keys == sorted(keys) else str.lower
        before = next((e for e in entries if fold(e.key) > fold(name)), None)
        if before is not None:
            return text[:before.key_start] + new + sep(before) + text[before.key_start:]
    last = entries[-1]
    return text[:last.value_end] + sep(last) + new + text[last.value_end:]


def _add_section(text: str, top: list[Member], top_close: int, section: str, name: str, version: str) -> str:
    nl = _newline(text)
    unit = _indent_unit(text, top)
    colon = _colon(text, top[0] if top else None)
    block = json.dumps(section) + colon + "{" + nl + unit + unit + _entry(name, version, colon) + nl + unit + "}"
    if not top:
        return text[:top_close].rstrip() + nl + unit + block + nl + text[top_close:]
    anchor, after = _section_anchor(top, section)
    if after:
        return text[:anchor.value_end] + "," + nl + unit + block + text[anchor.value_end:]
    return text[:anchor.key_start] + block + "," + nl + unit + text[anchor.key_start:]


_HEAD_KEYS = ("name", "version", "private", "description", "keywords", "license", "author", "type", "main",
              "module", "types", "typings", "exports", "imports", "bin", "files", "workspaces", "scripts")


def _section_anchor(top: list[Member], section: str) -> tuple[Member, bool]:
    """Where a new section goes: (member, True) to insert after it, (member, False) before it.
    After the closest preceding dependency section, else before the closest following one, else
    after the last of the conventional head keys (name, version, main, scripts...), else at the end."""
    order = list(_SECTION_ORDER)
    idx = order.index(section) if section in order else len(order)
    present = {m.key: m for m in top}
    for key in reversed(order[:idx]):
        if key in present:
            return present[key], True
    for key in order[idx + 1:]:
        if key in present:
            return present[key], False
    heads = [m for m in top if m.key in _HEAD_KEYS]
    if heads:
        return heads[-1], True
    return top[-1], True


def move_entry(text: str, source: str, target: str, name: str) -> str:
    top, _ = _top(text)
    sec = _find(top, source)
    if sec is None or text[sec.value_start] != "{":
        return text
    entries, close = members(text, sec.value_start)
    entry = _find(entries, name)
    if entry is None:
        return text
    version = json.loads(text[entry.value_start:entry.value_end])
    if not isinstance(version, str):
        raise ValueError(f'"{source}"."{name}" is not a string')
    if len(entries) == 1:
        text = _remove_member(text, top, sec)
    else:
        text = _remove_member(text, entries, entry, close)
    return add_entry(text, target, name, version)


def _remove_member(text: str, siblings: list[Member], m: Member, close: int | None = None) -> str:
    """Remove member `m` with its separator and its line, leaving the rest byte-identical."""
    i = siblings.index(m)
    if i + 1 < len(siblings):
        nxt = siblings[i + 1]
        start = m.key_start
        if "\n" in text[m.value_end:nxt.key_start]:  # delete whole line(s) from this key's line start
            start = text.rfind("\n", 0, m.key_start) + 1
            end = text.rfind("\n", 0, nxt.key_start) + 1
            return text[:start] + text[end:]
        return text[:start] + text[nxt.key_start:]
    prev_end = siblings[i - 1].value_end if i > 0 else None
    if prev_end is None:  # the only member: leave an empty object
        open_at = text.rfind("{", 0, m.key_start)
        end = close if close is not None else _skip_ws(text, m.value_end)
        return text[:open_at + 1] + text[end:]
    return text[:prev_end] + text[m.value_end:]
