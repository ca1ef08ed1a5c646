"""`--output-format github`: GitHub Actions workflow commands, shown as annotations on the diff.

    ::error file=services/x/src/migrations/1-A.ts,line=3,col=14,endLine=3,endColumn=20,title=MIG001::message

GitHub reads `%`, CR and LF escaped in the message, and additionally `:` and `,` in properties
(they separate the command from its properties and the properties from each other).
"""

from __future__ import annotations

from migrationlint.diagnostics import Severity
from migrationlint.lint_steps import LintResult
from migrationlint.textpos import display_path

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, **_: object) -> str:
    lines = []
    for d in sorted(result.diagnostics, key=lambda d: (display_path(d.path), d.start, d.code)):
        index = result.index(d.path)
        line, col = index.human(d.start)
        end_line, end_col = index.human(max(d.start, d.end))
        props = {"file": display_path(d.path), "line": line, "col": col, "endLine": end_line,
                 "endColumn": end_col, "title": d.code}
        joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
        lines.append(f"::{COMMAND.get(d.severity, 'notice')} {joined}::{escape_data(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
