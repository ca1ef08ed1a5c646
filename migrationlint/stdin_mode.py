"""`--stdin-filename PATH`: lint (and fix) a text from standard input as if it were PATH."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable

from migrationlint.settings import Settings
from migrationlint.reporters.fix_report import internal_diagnostics
from migrationlint.reporters.output import emit, emit_bytes
from migrationlint.reporters.patch import unified_diff


def run(args: argparse.Namespace, settings: Settings, report: Callable[..., int]) -> int:
    """Lint standard input as if it were the file `--stdin-filename` (the workspace around that
    path is the context, as for the file on disk). With --fix the fixed text goes to standard
    output and what remains to standard error; --diff prints the fixes as a diff. Only fixes that
    edit this one text are applied: stdin mode never writes other files, and says so."""
    from migrationlint.fix import fixes
    from migrationlint import pipeline
    from migrationlint.reporters import render

    path = os.path.abspath(args.stdin_filename)
    data = sys.stdin.buffer.read()
    overrides = {path: data}
    lint_kwargs = dict(files=[path], jobs=1, use_cache=False, report={path})

    def lint_local(texts: dict[str, bytes]):
        result = pipeline.lint([path], settings, overrides={**overrides, **texts}, **lint_kwargs)
        result.diagnostics = stdin_fixes_only(result.diagnostics, path)
        return result

    result = lint_local({})
    if not (args.fix or args.diff):
        return report(args, result)
    outcome = fixes.fix_loop(lambda texts: lint_local(texts).diagnostics,
                             lambda p: overrides[p] if p in overrides else open(p, "rb").read(),
                             unsafe=args.unsafe_fixes, initial=result.diagnostics)
    fixed = outcome.texts.get(path, data)
    if args.diff:
        text = unified_diff(outcome)
        emit(text)
        return 1 if text and not args.exit_zero else 0
    emit_bytes(fixed)
    final = lint_local({path: fixed})
    final.diagnostics.extend(internal_diagnostics(outcome))
    if final.diagnostics:
        sys.stderr.write(render(args.output_format, final, color=False, unsafe_fixes=args.unsafe_fixes))
    return 1 if final.diagnostics and not args.exit_zero else 0


def stdin_fixes_only(diagnostics: list, path: str) -> list:
    """In stdin mode a fix that edits another file (a package.json) cannot be applied: show it as
    display-only, naming the file, so that nothing claims it is "fixable with --fix"."""
    from dataclasses import replace

    from migrationlint.diagnostics import Applicability, Fix
    from migrationlint.textpos import display_path

    out = []
    for d in diagnostics:
        others = sorted({e.path for e in d.fix.edits if e.path != path}) if d.fix is not None else []
        if others and d.fix.applicability is not Applicability.DISPLAY:
            note = (f" (edits {', '.join(display_path(p) for p in others)}; not applied with --stdin-filename: "
                    f"run migrationlint --fix on the file)")
            d = replace(d, fix=Fix(Applicability.DISPLAY, d.fix.edits, d.fix.message + note))
        out.append(d)
    return out
