"""The baseline on the command line: which file, what a run covers, write / prune / filter.

Kept apart from `baseline` (the file format and matching, no I/O policy) and from `cli` (argument
parsing): this module decides which baseline file a run uses and what it may call stale.
Which file: `--baseline FILE`, else the `baseline` configuration key, else
`migrationlint-baseline.json` next to the configuration file (or at the workspace root) when it
exists, as ESLint picks up its suppressions file. `--no-baseline` turns it off.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Collection

from migrationlint import baseline
from migrationlint.settings import RuleSelection, Settings
from migrationlint.diagnostics import Diagnostic
from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.textpos import LineIndex


def baseline_path(args, settings: Settings, paths: list[str]) -> str | None:
    """The baseline file this run uses (or writes), or None for a run without one."""
    if getattr(args, "no_baseline", False):
        return None
    chosen = args.baseline_write or args.baseline
    if chosen:
        return os.path.abspath(chosen)
    if settings.baseline:
        return os.path.join(settings.config_root or os.getcwd(), settings.baseline)
    candidates = [os.path.join(d, baseline.DEFAULT_NAME) for d in _homes(settings, paths)]
    existing = next((c for c in candidates if os.path.isfile(c)), None)
    if existing is not None:
        return existing
    if args.baseline_write is not None or args.baseline_prune:
        return candidates[0]
    return None


def _homes(settings: Settings, paths: list[str]) -> list[str]:
    """Where the default baseline file lives: next to the configuration file, else at the
    workspace root, else in the working directory (the first that has one wins)."""
    from migrationlint.lint_steps import workspace_root

    homes = [settings.config_root] if settings.config_root else []
    homes += [workspace_root(paths), os.getcwd()]
    return list(dict.fromkeys(homes))


@dataclass
class Scope:
    """What a run could have reported: its linted files, the directories it was given, its rules."""

    files: set[str]
    directories: list[str]
    report: Collection[str] | None
    selection: RuleSelection

    def __call__(self, path: str, code: str) -> bool:
        if not self.selection(code):
            return False
        if self.report is not None:
            return path in self.report
        if path.endswith(TS_SUFFIXES):
            return path in self.files
        return any(path == d or path.startswith(d.rstrip(os.sep) + os.sep) for d in self.directories)


def scope_of(result, paths: list[str], report: Collection[str] | None) -> Scope:
    dirs = [os.path.abspath(p) for p in paths if os.path.isdir(p)]
    return Scope(files=set(result.files), directories=dirs, report=report, selection=result.project.enabled)


class LineTexts:
    """The text of the line each diagnostic starts on, from in-memory texts or the disk."""

    def __init__(self, texts: dict[str, bytes] | None = None) -> None:
        self.texts = texts or {}
        self.indexes: dict[str, LineIndex] = {}

    def __call__(self, d: Diagnostic) -> str:
        idx = self.indexes.get(d.path)
        if idx is None:
            data = self.texts.get(d.path)
            if data is None:
                try:
                    with open(d.path, "rb") as fh:
                        data = fh.read()
                except OSError:
                    data = b""
            idx = self.indexes[d.path] = LineIndex(data)
        return idx.line_text(idx.line_of(d.start)) if idx.data else ""


def write(path: str, result, scope: Scope) -> int:
    """`--baseline-write`: record this run's findings (keeping entries it could not have seen)."""
    old = baseline.load(path)
    new = baseline.record(old, result.diagnostics, LineTexts(), scope)
    baseline.save(new)
    files = len(new.entries)
    print(f"Wrote {_findings(baseline.total(new))} in {files} file{'s' if files != 1 else ''} to {_shown(path)}.")
    return 0


def prune(path: str, result, scope: Scope) -> int:
    """`--baseline-prune`: drop the entries no current finding matches (never adds any)."""
    if not os.path.isfile(path):
        raise baseline.BaselineError(f"{path}: no baseline to prune (write one with --baseline-write)")
    old = baseline.load(path)
    match = baseline.compare(old, result.diagnostics, LineTexts(), scope)
    if match.stale:
        baseline.save(baseline.prune(old, match.stale))
    n = len(match.stale)
    print(f"Removed {n} stale entr{'ies' if n != 1 else 'y'} from {_shown(path)}; "
          f"{_findings(baseline.total(old) - n)} remain recorded.")
    return 0


def keep_new(path: str):
    """A filter for the fix loop: only findings the baseline does not record are fixed."""
    recorded = baseline.load(path)

    def keep(diagnostics: list[Diagnostic], texts: dict[str, bytes]) -> list[Diagnostic]:
        return baseline.compare(recorded, diagnostics, LineTexts(texts), lambda p, c: False).new

    return keep


def apply(path: str, result, scope: Scope) -> list[tuple[str, str, str]]:
    """Drop the recorded findings from `result`; return the stale entries (and say so on stderr)."""
    recorded = baseline.load(path)
    match = baseline.compare(recorded, result.diagnostics, LineTexts(), scope)
    result.diagnostics = match.new
    if match.stale:
        n = len(match.stale)
        print(f"migrationlint: {n} baseline entr{'ies' if n != 1 else 'y'} in {_shown(path)} no longer "
              f"match{'' if n != 1 else 'es'} a finding (fixed?); remove {'them' if n != 1 else 'it'} with `migrationlint --baseline-prune`:",
              file=sys.stderr)
        for rel, code, _ in match.stale:
            print(f"  {rel}: {code}", file=sys.stderr)
    return match.stale


def _findings(n: int) -> str:
    return f"{n} finding{'s' if n != 1 else ''}"


def _shown(path: str) -> str:
    from migrationlint.textpos import display_path

    return display_path(path)
