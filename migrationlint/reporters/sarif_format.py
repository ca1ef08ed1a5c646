"""`--output-format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Locations are relative to the working directory under the `%SRCROOT%` base id, which is what
code scanning expects from a job that runs in the checkout. Columns are counted in characters
(Unicode code points), declared in `columnKind`; fix replacements use byte offsets, which SARIF
allows for text artifacts and which are exact whatever the encoding.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from migrationlint import __version__
from migrationlint.diagnostics import Diagnostic, Fix, Severity
from migrationlint.lint_steps import LintResult
from migrationlint.reporters.rule_pages import fix_safety_says
from migrationlint.textpos import display_path
from migrationlint.reporters.lsp_format import concrete_edits, help_href

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/migrationlint/migrationlint"
SRCROOT = "%SRCROOT%"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FIX_NOTE = {
    "safe": "A safe fix is available (applied by --fix).",
    "unsafe": "An unsafe fix is available (applied by --fix --unsafe-fixes).",
    "sometimes": "{A} {safety} fix is available for some findings (the rule's page says when).",
    "none": "There is no automatic fix.",
}


def render(result: LintResult, **_: object) -> str:
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n"


def sarif_log(result: LintResult) -> dict:
    diagnostics = sorted(result.diagnostics, key=lambda d: (display_path(d.path), d.start, d.code))
    codes = sorted({d.code for d in diagnostics})
    rule_index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {"driver": {
            "name": "migrationlint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_metadata(code) for code in codes],
        }},
        "originalUriBaseIds": {SRCROOT: {"uri": Path(os.getcwd()).resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(result, d, rule_index[d.code]) for d in diagnostics],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _fix_note(rule) -> str:
    note = FIX_NOTE.get(rule.fix, "")
    if rule.fix != "sometimes":
        return note
    safety = "unsafe" if fix_safety_says(rule.code) == "unsafe" else "safe"
    return note.format(A="An" if safety == "unsafe" else "A", safety=safety)


def rule_metadata(code: str) -> dict:
    from migrationlint.checks import RULES

    rule = RULES.get(code)
    if rule is None:  # a code no rule declares: still describe it rather than drop results
        return {"id": code, "helpUri": help_href(code)}
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} {_fix_note(rule)}".strip()},
        "helpUri": help_href(rule.code),
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.default_enabled},
    }


def artifact_location(path: str) -> dict:
    """A URI relative to %SRCROOT% (the working directory), or an absolute file URI outside it."""
    shown = display_path(path)
    if os.path.isabs(shown):
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(shown), "uriBaseId": SRCROOT}


def region(result: LintResult, path: str, start: int, end: int) -> dict:
    index = result.index(path)
    start_line, start_column = index.human(start)
    end_line, end_column = index.human(max(start, end))
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}


def sarif_result(result: LintResult, d: Diagnostic, rule_index: int) -> dict:
    out = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVEL.get(d.severity, "note"),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(d.path),
            "region": region(result, d.path, d.start, d.end),
        }}],
    }
    fix = sarif_fix(result, d.fix) if d.fix is not None else None
    if fix is not None:
        out["fixes"] = [fix]
    return out


def sarif_fix(result: LintResult, fix: Fix) -> dict | None:
    edits = concrete_edits(result, fix)
    if not edits:
        return None
    by_path: dict[str, list] = {}
    for e in sorted(edits, key=lambda e: (e.path, e.start)):
        by_path.setdefault(e.path, []).append({
            "deletedRegion": {"byteOffset": e.start, "byteLength": e.end - e.start},
            "insertedContent": {"text": e.text},
        })
    return {
        "description": {"text": fix.message or "Apply fix"},
        "artifactChanges": [{"artifactLocation": artifact_location(p), "replacements": reps}
                            for p, reps in by_path.items()],
        "properties": {"applicability": fix.applicability.value},
    }
