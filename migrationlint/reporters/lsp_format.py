"""`--output-format lsp`: an array of LSP `PublishDiagnosticsParams`, one per file.

The same conversion serves the language server, so an editor integration that shells out to the
CLI and the server itself see identical diagnostics. LSP positions are 0-based lines and, by
default, UTF-16 code units; `utf-8` (byte columns) is used when the client negotiated it.
Each fix travels as a WorkspaceEdit in `Diagnostic.data`, so code actions need no second lint.
"""

from __future__ import annotations

import json
from pathlib import Path

from migrationlint.diagnostics import Diagnostic, Edit, Fix, Severity
from migrationlint.lint_steps import LintResult
from migrationlint.reporters.rule_pages import DOCS_URL, help_uri
from migrationlint.textpos import LineIndex

SOURCE = "migrationlint"
UTF16 = "utf-16"
UTF8 = "utf-8"
UTF32 = "utf-32"
LSP_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}


def render(result: LintResult, **_: object) -> str:
    by_path: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    params = [
        {"uri": path_uri(path), "diagnostics": [to_lsp(result, d) for d in sorted(ds, key=lambda d: (d.start, d.code))]}
        for path, ds in sorted(by_path.items())
    ]
    return json.dumps(params, indent=2, ensure_ascii=False) + "\n"


def path_uri(path: str) -> str:
    return Path(path).resolve().as_uri()


def help_href(code: str) -> str:
    """The rule page's URL; named after the rule even before its page is written."""
    uri = help_uri(code)
    if uri != DOCS_URL:
        return uri
    from migrationlint.checks import RULES

    rule = RULES.get(code)
    return DOCS_URL + (rule.page_name if rule else "")


def position(index: LineIndex, offset: int, encoding: str = UTF16) -> dict:
    """An LSP Position for byte `offset` in the negotiated encoding (utf-16, utf-8 or utf-32)."""
    if encoding in (UTF8, UTF32):
        offset = max(0, min(offset, len(index.data)))
        line = index.line_of(offset)
        prefix = index.data[index.starts[line]:offset]
        units = len(prefix) if encoding == UTF8 else len(prefix.decode("utf-8", "replace"))
        return {"line": line, "character": units}
    line, character = index.lsp(offset)
    return {"line": line, "character": character}


def offset_of(index: LineIndex, line: int, character: int, encoding: str = UTF16) -> int:
    """The byte offset of an LSP position (the inverse of `position`)."""
    if encoding in (UTF8, UTF32):
        if line >= len(index.starts):
            return len(index.data)
        start = index.starts[line]
        end = index.starts[line + 1] - 1 if line + 1 < len(index.starts) else len(index.data)
        if encoding == UTF8:
            return min(start + character, end)
        return start + len(index.data[start:end].decode("utf-8", "replace")[:character].encode("utf-8"))
    return index.offset_from_lsp(line, character)


def lsp_range(index: LineIndex, start: int, end: int, encoding: str = UTF16) -> dict:
    return {"start": position(index, start, encoding), "end": position(index, max(start, end), encoding)}


def to_lsp(result: LintResult, d: Diagnostic, encoding: str = UTF16) -> dict:
    """One Diagnostic as an LSP Diagnostic (JSON-ready dict)."""
    out = {
        "range": lsp_range(result.index(d.path), d.start, d.end, encoding),
        "severity": LSP_SEVERITY.get(d.severity, 4),
        "code": d.code,
        "codeDescription": {"href": help_href(d.code)},
        "source": SOURCE,
        "message": d.message,
    }
    data: dict = {"name": d.name}
    fix = fix_data(result, d.fix, encoding) if d.fix is not None else None
    if fix is not None:
        data["fix"] = fix
    out["data"] = data
    return out


def fix_data(result: LintResult, fix: Fix, encoding: str = UTF16) -> dict | None:
    """{title, applicability, edit: WorkspaceEdit} for a fix, or None when it cannot be rendered."""
    edits = concrete_edits(result, fix)
    if edits is None:
        return None
    changes: dict[str, list[dict]] = {}
    for e in sorted(edits, key=lambda e: (e.path, e.start)):
        text_edit = {"range": lsp_range(result.index(e.path), e.start, e.end, encoding), "newText": e.text}
        changes.setdefault(path_uri(e.path), []).append(text_edit)
    return {"title": fix.message or "Apply fix", "applicability": fix.applicability.value,
            "edit": {"changes": changes}}


def concrete_edits(result: LintResult, fix: Fix) -> list[Edit] | None:
    """The fix as plain byte edits: structured package.json edits become one whole-file
    replacement rendered against the manifest's current text (None when that fails)."""
    from migrationlint.fix import manifest_edits

    plain = [e for e in fix.edits if e.json_edit is None]
    structured: dict[str, list[tuple]] = {}
    for e in fix.edits:
        if e.json_edit is not None:
            structured.setdefault(e.path, []).append(e.json_edit)
    for path, ops in structured.items():
        data = result.index(path).data
        try:
            new = manifest_edits.render(data, ops)
        except ValueError:
            return None
        plain.append(minimal_replacement(path, data, new))
    return plain


def minimal_replacement(path: str, old: bytes, new: bytes) -> Edit:
    """One Edit turning `old` into `new` that spans only the part that differs (so an editor
    keeps its cursor and folds, and a SARIF viewer shows the real change)."""
    old_text, new_text = old.decode("utf-8", "replace"), new.decode("utf-8", "replace")
    limit = min(len(old_text), len(new_text))
    prefix = 0
    while prefix < limit and old_text[prefix] == new_text[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old_text[-1 - suffix] == new_text[-1 - suffix]:
        suffix += 1
    start = len(old_text[:prefix].encode("utf-8"))
    end = len(old_text[: len(old_text) - suffix].encode("utf-8"))
    return Edit(path, start, end, new_text[prefix:len(new_text) - suffix])
