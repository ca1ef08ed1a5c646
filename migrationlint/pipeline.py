"""discover -> extract -> workspace -> checks -> filter. One function per step, data flowing down.

`lint` is used by the CLI, the fixer (on in-memory texts), stdin mode and the language server.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import os
from dataclasses import dataclass, field
from typing import Callable, Collection, Mapping

from migrationlint import discovery, extraction, fix_guard, fixes, run_cache, suppressions
from migrationlint.catalog import FIL001, diagnostic, matches_any
from migrationlint.checks import RULES, Project, run_checks
from migrationlint.config import RuleSelection, Settings, relpath
from migrationlint.diagnostics import Diagnostic
from migrationlint.facts import FileFacts
from migrationlint.globs import match_any
from migrationlint.parsing import TS_SUFFIXES
from migrationlint.sources import overlay_reader, read_bytes
from migrationlint.textpos import LineIndex
from migrationlint.workspace import Workspace, find_root



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
    first = os.path.abspath(paths[0]) if paths else os.getcwd()
    return find_root(first if os.path.exists(first) else os.getcwd())


def gc_paused(fn):
    """Run `fn` with the cyclic garbage collector off. A run builds hundreds of thousands of facts
    objects that live until it ends, and the collector would scan them again and again (40% of a
    warm run over 10,000 files); they hold no cycles, reference counting frees them."""
    @functools.wraps(fn)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()
    return paused


@gc_paused
def lint(
    paths: list[str],
    settings: Settings,
    overrides: Mapping[str, bytes] | None = None,
    files: list[str] | None = None,
    jobs: int | None = None,
    use_cache: bool = False,
    report: Collection[str] | None = None,
) -> LintResult:
    """Lint `paths` (or exactly `files`), reading `overrides` instead of the disk where given.

    `report`, when given, keeps only the diagnostics located in those files: pre-commit and editors
    name a few files, the workspace around them is context, and only they are reported."""
    missing: list[str] = []
    problems: list[tuple[str, str]] = []
    if files is None:
        found = discovery.discover(paths, settings.exclude, settings.config_root)
        files, missing, problems = found.files, found.missing, found.problems
    root = workspace_root(paths or files)
    workspace = Workspace(root, overrides)
    read = overlay_reader(overrides)
    store = extraction.FactsStore(settings, root, read, overrides, use_cache)
    reuse = _reuse(store, settings, paths, files, report, root, problems, overrides)
    reused = reuse.lookup() if reuse is not None else None
    if reused is not None:  # nothing the last identical run read has changed: its diagnostics stand
        store.save()
        project = Project(files={}, workspace=workspace, settings=settings, enabled=RuleSelection(settings, RULES),
                          load_facts=store.load, all_sources=files if covers(paths, root) else [])
        return LintResult(diagnostics=reused, sources=extraction.SourceMap(files, {}, read), project=project,
                          files=files, missing=missing, problems=problems)
    sources, facts = store.extract(files, jobs)
    selection = RuleSelection(settings, RULES)
    project = Project(files=facts, workspace=workspace, settings=settings, enabled=selection, load_facts=store.load,
                      sources=sources, all_sources=files if covers(paths, root) else [])
    diagnostics = run_checks(project)
    store.save()  # after the checks: facts they loaded for files outside the run are cached too
    result = conclude(diagnostics, project, LintResult(diagnostics=[], sources=sources, project=project, files=files,
                                                       missing=missing, problems=problems), problems, report)
    if reuse is not None:
        reuse.save(result.diagnostics, project, facts, store.loaded, covers(paths, root))
    return result


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


def _reuse(store: extraction.FactsStore, settings: Settings, paths: list[str], files: list[str],
           report: Collection[str] | None, root: str, problems: list, overrides) -> run_cache.Reuse | None:
    """The run cache for a run over the disk with the cache on (never for in-memory texts)."""
    if overrides or store.cache is None:
        return None
    request = [repr(sorted(os.path.abspath(p) for p in paths)), repr(sorted(report) if report is not None else None),
               repr(problems), repr(covers(paths, root))]
    return run_cache.Reuse(store, settings, request, files, root)


def covers(paths: list[str], root: str) -> bool:
    """Whether the discovered files are every lintable file of the workspace (a run over its root)."""
    return any(os.path.isdir(p) and os.path.abspath(p) == root for p in paths)


def _skipped(facts: dict[str, FileFacts], selection: RuleSelection) -> list[Diagnostic]:
    if not selection(FIL001.code):
        return []
    return [diagnostic(FIL001, path, f.skipped_at, f.skipped_at, f"File not linted: {f.skipped}")
            for path, f in facts.items() if f.skipped]


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


def fix(paths: list[str], settings: Settings, unsafe: bool = False, first: LintResult | None = None,
        keep: Callable[[list[Diagnostic], dict[str, bytes]], list[Diagnostic]] | None = None,
        **lint_kwargs) -> fixes.FixOutcome:
    """Fix the files of a lint run to a fixpoint, in memory: every pass re-lints the same files
    with the texts fixed so far, from the facts of the first run (fix_relint). Nothing is written
    (see fixes.write_all). `keep` narrows what may be fixed (a baseline keeps its recorded
    findings as they are). The outcome's `final` is the last lint, for `after_fix`."""
    from migrationlint.fix_relint import Relinter

    first = first or lint(paths, settings, **lint_kwargs)
    lint_kwargs.pop("files", None)
    relinter = Relinter(paths, settings, first, **lint_kwargs)

    def relint(texts: dict[str, bytes]) -> list[Diagnostic]:
        result = relinter(texts)
        if keep is not None:
            result.diagnostics = keep(result.diagnostics, texts)
        return result.diagnostics

    outcome = fixes.fix_loop(relint, read_bytes, unsafe=unsafe, initial=first.diagnostics)
    outcome.final = relinter.last
    return outcome


def after_fix(paths: list[str], settings: Settings, first: LintResult, outcome: fixes.FixOutcome,
              keep: Callable[[list[Diagnostic], dict[str, bytes]], list[Diagnostic]] | None = None,
              **lint_kwargs) -> LintResult:
    """The lint of the files as `--fix` left them on disk, to report. The fix loop's last lint
    already saw exactly the texts written, when every write succeeded: it is that lint. Nothing
    fixed and no baseline: the first run is that lint, unless its discovery reported something
    (missing paths, directories not linted) that a run over its files would not repeat."""
    lint_kwargs.pop("files", None)
    failed = {path for path, _ in outcome.write_errors}
    written = {p: d for p, d in outcome.texts.items() if p not in failed}
    if not failed and outcome.final is not None:
        texts, result = outcome.final
        if {p: t for p, t in texts.items() if t != outcome.originals.get(p)} == outcome.texts:
            return result
    if not outcome.texts and not failed and keep is None and not first.missing and not first.problems:
        return dataclasses.replace(first, diagnostics=list(first.diagnostics))  # the caller adds to it
    final = lint(paths, settings, overrides=written, files=first.files, **lint_kwargs)
    if keep is not None:
        final.diagnostics = keep(final.diagnostics, written)
    return final
