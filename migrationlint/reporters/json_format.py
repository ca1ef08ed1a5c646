"""`--output-format json`: one JSON array of diagnostics, for scripts and dashboards.

The schema is documented in docs/readme/output-formats.md and kept stable: keys are only ever
added. Positions come twice, as 1-based line and character column (what humans and most tools
read) and as the UTF-8 byte offset migrationlint works in (exact, encoding-free).
"""

from __future__ import annotations

import json

from migrationlint.diagnostics import Diagnostic, Edit, Fix
from migrationlint.lint_steps import LintResult
from migrationlint.textpos import display_path

EXTRA_KEYS = ("specifier", "package", "manifest")  # set by the DEP and IMP rules


def render(result: LintResult, **_: object) -> str:
    records = [diagnostic_record(result, d) for d in _sorted(result.diagnostics)]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (display_path(d.path), d.start, d.code))


def position(result: LintResult, path: str, offset: int) -> dict:
    """1-based line and character column plus the byte offset of `offset` in `path`."""
    line, column = result.index(path).human(offset)
    return {"line": line, "column": column, "byte_offset": offset}


def diagnostic_record(result: LintResult, d: Diagnostic) -> dict:
    record = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "path": display_path(d.path),
        "start": position(result, d.path, d.start),
        "end": position(result, d.path, max(d.end, d.start)),
        "fix": fix_record(result, d.fix) if d.fix is not None else None,
    }
    for key in EXTRA_KEYS:
        if key in d.extra:
            value = d.extra[key]
            record[key] = display_path(value) if key == "manifest" and isinstance(value, str) else value
    return record


def fix_record(result: LintResult, fix: Fix) -> dict:
    return {
        "applicability": fix.applicability.value,
        "message": fix.message,
        "edits": [edit_record(result, e) for e in fix.edits],
    }


def edit_record(result: LintResult, e: Edit) -> dict:
    record = {
        "path": display_path(e.path),
        "start": position(result, e.path, e.start),
        "end": position(result, e.path, e.end),
        "content": e.text,
    }
    if e.json_edit is not None:
        record["operation"] = json_operation(e.json_edit)
    return record


OPERATION_FIELDS = {  # manifest_edits' tuples, named
    "add": ("section", "package", "version"),
    "move": ("from_section", "to_section", "package"),
}


def json_operation(json_edit: tuple) -> dict:
    """A structured package.json change `(operation, *arguments)` as JSON with named fields
    (an operation this module does not know keeps its arguments as a list)."""
    op, *args = json_edit
    fields = OPERATION_FIELDS.get(op)
    if fields is not None and len(fields) == len(args):
        return {"op": op, **{name: _plain(a) for name, a in zip(fields, args, strict=True)}}
    return {"op": op, "args": [_plain(a) for a in args]}


def _plain(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
