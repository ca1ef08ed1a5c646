"""`--add-suppressions`: a disable comment above every finding, for teams that prefer comments to a
baseline file (ruff's `--add-noqa`).

Each finding in a TypeScript file gets `// migrationlint-disable-next-line CODE -- TODO: reason`
above its first line, indented like that line, in the file's line endings; the codes of one line
share one comment, and a disable-next-line comment already above the line gets the new codes added
to it. The edits are byte insertions on the original text. Before a file is written, the new text
is parsed again: it must have no more syntax damage than before and every inserted comment must be
read back as a suppression of that line (a line inside a template literal or JSX text would
not); otherwise that file is left alone and reported. Writes are atomic, and a second run finds
nothing to add. Findings located in package.json and other non-TypeScript files are skipped.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from migrationlint.catalog import RUN_RULES
from migrationlint.diagnostics import Diagnostic, Edit
from migrationlint.atomic import write_atomic
from migrationlint.fix.fixes import apply_edits
from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.extract.sources import facts_for_bytes
from migrationlint.textpos import LineIndex

DIRECTIVE = "// migrationlint-disable-next-line"
REASON = "TODO: reason"
NOT_SUPPRESSIBLE = tuple(r.code for r in RUN_RULES)
_EXISTING = re.compile(r"^(\s*// migrationlint-disable-next-line)([ \t]+[A-Z0-9, \t]*?)?(\s*(--.*)?)$")


@dataclass
class Planned:
    """The insertions for one file and the (0-based) lines they suppress."""

    edits: list[Edit]
    lines: dict[int, list[str]]


def plan(path: str, data: bytes, diagnostics: list[Diagnostic]) -> Planned:
    """Edits that suppress every diagnostic of one file (codes grouped by line)."""
    idx = LineIndex(data)
    by_line: dict[int, list[str]] = {}
    for d in diagnostics:
        codes = by_line.setdefault(idx.line_of(d.start), [])
        if d.code not in codes:
            codes.append(d.code)
    edits = [_edit(path, data, idx, line, codes) for line, codes in sorted(by_line.items())]
    return Planned(edits=edits, lines=by_line)


def _edit(path: str, data: bytes, idx: LineIndex, line: int, codes: list[str]) -> Edit:
    start = idx.starts[line]
    if line == 0 and data.startswith(b"\xef\xbb\xbf"):
        start += 3  # after the BOM
    text = idx.line_text(line).lstrip("\ufeff")
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    if line > 0:
        above = idx.line_text(line - 1)
        m = _EXISTING.match(above)
        if m is not None and m.group(2) and m.group(2).strip():
            at = idx.starts[line - 1] + len(above[: m.end(2)].rstrip(" \t").encode("utf-8"))
            return Edit(path, at, at, "".join(f", {c}" for c in codes))
    own = data[idx.starts[line]:].split(b"\n", 1)
    eol = "\r\n" if (own[0].endswith(b"\r") if len(own) == 2 else _crlf(data)) else "\n"
    comment = f"{indent}{DIRECTIVE} {', '.join(codes)} -- {REASON}{eol}"
    return Edit(path, start, start, comment)


def _crlf(data: bytes) -> bool:
    first = data.find(b"\n")
    return first > 0 and data[first - 1:first] == b"\r"


def verify(path: str, before: bytes, planned: Planned, after: bytes) -> str | None:
    """Why `after` must not be written, or None when it is sound."""
    old, new = facts_for_bytes(path, before), facts_for_bytes(path, after)
    if new.skipped or len(new.damage) > len(old.damage):
        return "the new comments would not parse"
    inserted = {line for line, edit in zip(sorted(planned.lines), planned.edits, strict=False) if edit.text.endswith("\n")}
    for s in old.suppressions:  # a line pushed between a comment and its line would undo that comment
        if s.kind == "next-line" and s.line in inserted:
            return f"line {s.line + 1} has a suppression comment above it that cannot take more codes"
    covered: dict[int, set[str]] = {}
    for s in new.suppressions:
        if s.kind == "next-line":
            covered.setdefault(s.line, set()).update(c for c, _, _ in s.codes)
    shift = 0
    for line, edit in zip(sorted(planned.lines), planned.edits, strict=False):
        shift += 1 if edit.text.endswith("\n") else 0
        if not set(planned.lines[line]) <= covered.get(line + shift, set()):
            return f"line {line + 1} is inside a string, template or JSX text where a comment is not a comment"
    return None


def run(result) -> int:
    """Insert the comments for every reported finding; exit 0, or 1 when a file was refused."""
    by_path: dict[str, list[Diagnostic]] = {}
    skipped = 0
    for d in result.diagnostics:
        if d.code in NOT_SUPPRESSIBLE or not d.path.endswith(TS_SUFFIXES):
            skipped += 1
            continue
        by_path.setdefault(d.path, []).append(d)
    added = files = 0
    refused: list[tuple[str, str]] = []
    for path, ds in sorted(by_path.items()):
        data = result.sources.get(path)
        if data is None:
            with open(path, "rb") as fh:
                data = fh.read()
        planned = plan(path, data, ds)
        new = apply_edits(data, planned.edits)
        why = verify(path, data, planned, new)
        if why is None:
            try:
                write_atomic(path, new, expected=data)
            except OSError as exc:
                why = str(exc)
        if why is not None:
            refused.append((path, why))
            continue
        added += sum(len(c) for c in planned.lines.values())
        files += 1
    return _say(added, files, skipped, refused)


def _say(added: int, files: int, skipped: int, refused: list[tuple[str, str]]) -> int:
    from migrationlint.textpos import display_path

    print(f"Added {added} suppression{'s' if added != 1 else ''} in {files} file{'s' if files != 1 else ''}.")
    if skipped:
        print(f"{skipped} finding{'s' if skipped != 1 else ''} outside TypeScript files (manifests, unused "
              f"suppressions, internal errors) cannot be suppressed with a comment and {'were' if skipped != 1 else 'was'} left as {'they were' if skipped != 1 else 'it was'}.")
    for path, why in refused:
        print(f"migrationlint: {display_path(path)} not changed: {why}", file=sys.stderr)
    return 1 if refused else 0
