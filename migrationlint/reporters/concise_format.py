"""`path:line:col: CODE severity: message`, 1-based line and character column, sorted by path then
position. The code comes first, so `path:line:col: CODE` stays a stable prefix for scripts."""

from __future__ import annotations

from migrationlint.lint_steps import LintResult
from migrationlint.textpos import display_path


def render(result: LintResult, **_: object) -> str:
    lines = []
    for d in sorted(result.diagnostics, key=lambda d: (display_path(d.path), d.start, d.code)):
        line, col = result.index(d.path).human(d.start)
        lines.append(f"{display_path(d.path)}:{line}:{col}: {d.code} {d.severity.value}: {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")
