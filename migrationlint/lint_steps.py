"""The steps a lint shares with the language server's live runs and the fix loop's re-lints:
the run's result, the workspace root of the paths, the findings from the checks' diagnostics
(FIL001, per-file-ignores, suppressions, the reported subset), and the collector pause. Kept
below `pipeline` so that `live` and `fix_relint` use them without importing the pipeline.
"""

from __future__ import annotations

import functools
import gc
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Collection

from migrationlint import suppressions
from migrationlint.fix import fix_guard
from migrationlint.catalog import FIL001, INT001, diagnostic, matches_any
from migrationlint.model.project import Project
from migrationlint.settings import RuleSelection, Settings, relpath
from migrationlint.diagnostics import Diagnostic
from migrationlint.extract.sources import INTERNAL_ERROR
from migrationlint.globs import match_any
from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.textpos import LineIndex
from migrationlint.model.workspace import find_root

if TYPE_CHECKING:
    from migrationlint.extract.records import FileFacts


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    sources: dict[str, bytes]
    project: Project
    files: list[str]
    missing: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # directories discovery could not read
    line_indexes: dict[str, LineIndex] = field(default_factory=dict)

    def index(self, path: str) -> LineIndex:
        idx = self.line_indexes.get(path)
        if idx is None:
            data = self.sources.get(path)
            if data is None:
                try:
                    with open(path, "rb") as fh:
                        data = fh.read()
                except OSError:
                    data = b""
            idx = self.line_indexes[path] = LineIndex(data)
        return idx


def workspace_root(paths: list[str]) -> str:
    """The workspace root of the first path, or, when other paths lie outside it, of the folder
    they all share: `check services/*` in a tree with no repository or root manifest around the
    services would otherwise judge every service from the first one's root (its `src/...` imports
    read as packages, its manifest named for the others')."""
    first = os.path.abspath(paths[0]) if paths else os.getcwd()
    root = find_root(first if os.path.exists(first) else os.getcwd())
    outside = [p for p in map(os.path.abspath, paths[1:]) if not _under(p, root)]
    return find_root(os.path.commonpath([root, *outside])) if outside else root


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def gc_paused(fn):
    """Run `fn` with the cyclic garbage collector off. A run builds hundreds of thousands of facts
    objects that live until it ends, and the collector would scan them again and again (40% of a
    warm run over 10,000 files); they hold no cycles, reference counting frees them.

    Turned back on, the collector would find everything the run allocated in its youngest
    generation and scan it all at the next allocation (80 ms after a cold run over 7,000 files,
    once the report is ready): the objects still alive are moved to the oldest generation first
    (freeze, then unfreeze), where only a full collection, rare by design, looks at them."""
    @functools.wraps(fn)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.freeze()
            gc.enable()
            gc.unfreeze()
    return paused


def run_checks_remembering(project: Project, store, settings: Settings, jobs: int | None = None) -> list[Diagnostic]:
    """run_checks, with what ships carried from earlier runs over the disk (cache/reach_cache.py),
    and on a large run some families checked in a second process (checks_apart.py)."""
    from migrationlint import checks_apart
    from migrationlint.checks import run_checks

    def checked() -> list[Diagnostic]:
        if not store.overrides and checks_apart.can_split(project, jobs):
            return checks_apart.run_checks_split(project, store)
        return run_checks(project)

    if store.cache is None or store.overrides:
        return checked()
    from migrationlint.cache import reach_cache

    earlier = reach_cache.seed(project, store.cache, settings)
    diagnostics = checked()
    reach_cache.store(project, store.cache, settings, earlier)
    return diagnostics


def conclude(diagnostics: list[Diagnostic], project: Project, result: LintResult, problems: list[tuple[str, str]],
             report: Collection[str] | None) -> LintResult:
    """The checks' diagnostics -> the run's findings: FIL001, ignores and suppressions, the
    reported subset. Shared with the language server's live runs (live.py), which build their
    Project from facts kept in memory, so that both report exactly the same way."""
    settings, selection = project.settings, project.enabled
    diagnostics.extend(_skipped(project.files, selection))
    result.diagnostics = _filter(diagnostics, result, settings, selection)
    if problems and selection(FIL001.code):
        result.diagnostics.extend(diagnostic(FIL001, path, 0, 0, f"Directory not linted: {why}")
                                  for path, why in problems)
        result.diagnostics.sort(key=lambda d: d.sort_key())
    if report is not None:
        result.diagnostics = [d for d in result.diagnostics if d.path in report]
    return result


def covers(paths: list[str], root: str) -> bool:
    """Whether the discovered files are every lintable file of the workspace (a run over its root)."""
    return any(os.path.isdir(p) and os.path.abspath(p) == root for p in paths)


def _skipped(facts: dict[str, FileFacts], selection: RuleSelection) -> list[Diagnostic]:
    """FIL001 for each file that could not be linted; INT001 when a bug stopped it (sources.internal_error)."""
    out = []
    for path, f in facts.items():
        if f.skipped:
            rule = INT001 if f.skipped.startswith(INTERNAL_ERROR) else FIL001
            if selection(rule.code):
                out.append(diagnostic(rule, path, f.skipped_at, f.skipped_at, f"File not linted: {f.skipped}"))
    return out


def _filter(diagnostics: list[Diagnostic], result: LintResult, settings: Settings,
            selection: RuleSelection) -> list[Diagnostic]:
    """Apply per-file-ignores and suppression comments; report to the linted files only."""
    targets = set(result.files)
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        if d.path not in targets and d.path.endswith(TS_SUFFIXES):  # workspace files (manifests...) stay
            continue
        if settings.per_file_ignores and _ignored(d, settings):
            continue
        by_file.setdefault(d.path, []).append(d)
    kept: list[Diagnostic] = []
    suppressed: list[Diagnostic] = []
    for path, ds in by_file.items():
        facts = result.project.files.get(path)
        data = result.sources.get(path)
        if facts is not None and data is not None and facts.suppressions:
            idx = result.index(path)
            ds = suppressions.apply(ds, facts, idx.line_of, selection, data, suppressed)
        kept.extend(ds)
    for path, facts in result.project.files.items():
        if path not in by_file and facts.suppressions and path in result.sources:
            kept.extend(suppressions.apply([], facts, result.index(path).line_of, selection, result.sources[path]))
    if suppressed:
        kept = fix_guard.respect_suppressions(kept, suppressed, result.index)
    kept.sort(key=lambda d: d.sort_key())
    return kept


def _ignored(d: Diagnostic, settings: Settings) -> bool:
    rel = relpath(d.path, settings.config_root)
    for pattern, codes in settings.per_file_ignores.items():
        if match_any([pattern], rel) and matches_any(d.code, codes):
            return True
    return False
