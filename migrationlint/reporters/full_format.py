"""The default human format: grouped by file, a code frame with the span underlined, `[*]` on
fixable diagnostics and a summary line. Rendered with rich; colour only where rich sees a terminal
(NO_COLOR and FORCE_COLOR are honoured by rich itself)."""

from __future__ import annotations

import io
import os
import sys
from collections import Counter
from typing import TYPE_CHECKING

from migrationlint.diagnostics import Applicability, Diagnostic, Severity
from migrationlint.lint_steps import LintResult
from migrationlint.textpos import display_path
from migrationlint.reporters.summary import found_line
from migrationlint.textpos import display_width

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}


def _color(color: bool | None) -> bool:
    if color is None:
        color = sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))
        if os.environ.get("NO_COLOR"):
            color = False
    return color


def _console(buffer: io.StringIO, color: bool) -> Console:
    from rich.console import Console

    return Console(file=buffer, force_terminal=color, no_color=not color, width=200, highlight=False,
                   soft_wrap=True, emoji=False, markup=False)


def render(result: LintResult, color: bool | None = None, unsafe_fixes: bool = False, **_: object) -> str:
    color = _color(color)
    if not result.diagnostics and not color:  # the summary line alone, as rich prints it uncoloured
        return summary(result, unsafe_fixes) + "\n"  # (rich is imported only to draw findings)
    from rich.text import Text

    buffer = io.StringIO()
    console = _console(buffer, color)
    ordered = sorted(result.diagnostics, key=lambda d: (display_path(d.path), d.start, d.code))
    repeats = Counter(_same_finding(d) for d in ordered)
    first_at: dict[tuple, str] = {}
    current = None
    for d in ordered:
        path = display_path(d.path)
        if path != current:
            if current is not None:
                console.print()
            current = path
        idx = result.index(d.path)
        line, col = idx.human(d.start)
        end_line, end_col = idx.human(max(d.end, d.start))
        key = _same_finding(d)
        earlier = first_at.setdefault(key, f"{path}:{line}:{col}")
        repeated = earlier != f"{path}:{line}:{col}"
        console.print(_head(d, f"{path}:{line}:{col}", f"the same finding as {earlier} (its message is printed there)"
                            if repeated else d.message, unsafe_fixes))
        _frame(console, idx, line, col, end_line, end_col)
        if d.fix is not None and d.fix.message and not repeated:
            hint = "safe fix" if d.fix.applicability is Applicability.SAFE else f"{d.fix.applicability.value} fix"
            console.print(Text(f"   = help ({hint}): {d.fix.message}", style="cyan"))
        if repeats[key] > 1 and not repeated:
            more = repeats[key] - 1
            console.print(Text(f"   = note: the same finding at {more} more place{'s' if more > 1 else ''} below",
                               style="cyan"))
    console.print(Text(summary(result, unsafe_fixes), style="bold"))
    return buffer.getvalue()


def _same_finding(d: Diagnostic) -> tuple:
    """What makes two findings one to a reader: a package missing from one manifest, imported from
    279 files, is one message and one fix, printed once; the other places name where it was."""
    return d.code, d.severity, d.message, d.fix.message if d.fix is not None else None


def _head(d: Diagnostic, where: str, message: str, unsafe_fixes: bool) -> Text:
    from rich.text import Text

    head = Text()
    head.append(f"{where}: ", style="bold")
    head.append(d.code, style=_STYLE.get(d.severity, "bold"))
    marker = " [*]" if d.fixable or (unsafe_fixes and d.fix is not None
                                     and d.fix.applicability is Applicability.UNSAFE) else ""
    head.append(marker, style="cyan")
    head.append(f" {d.severity.value}:", style=_STYLE.get(d.severity, "bold"))
    head.append(f" {message}")
    return head


def _frame(console: Console, idx, line: int, col: int, end_line: int, end_col: int) -> None:
    from rich.text import Text

    if line - 1 >= len(idx.starts):
        return
    text = idx.line_text(line - 1).expandtabs(1)
    if line == 1 and text.startswith("\ufeff"):
        text = text[1:]
    gutter = f"{line:>5} | "
    console.print(Text(gutter, style="blue") + Text(text))
    span = text[col - 1:end_col - 1] if end_line == line else text[col - 1:]
    console.print(Text(" " * (len(gutter) - 2) + "| ", style="blue")
                  + Text(" " * display_width(text[:col - 1]) + "^" * max(1, display_width(span)), style="bold red"))


def summary(result: LintResult, unsafe_fixes: bool = False) -> str:
    return found_line(result.diagnostics, unsafe_fixes)
