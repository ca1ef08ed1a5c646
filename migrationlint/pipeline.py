"""discover -> extract -> workspace -> checks -> filter. One function per step, data flowing down.

`lint` is used by the CLI, the fixer (on in-memory texts), stdin mode and the language server.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Callable, Collection, Mapping

from migrationlint.model import discovery, stamped_record
from migrationlint import extraction
from migrationlint.discovery_apart import discover_beside
from migrationlint.fix import fixes
from migrationlint.cache import run_cache, tree_subset
from migrationlint.model.project import Project
from migrationlint.settings import RuleSelection, Settings
from migrationlint.diagnostics import Diagnostic
from migrationlint.extract.sources import overlay_reader, read_bytes
from migrationlint.model.workspace import Workspace
from migrationlint.lint_steps import LintResult, conclude, covers, gc_paused, run_checks_remembering, workspace_root

if TYPE_CHECKING:
    from migrationlint.extract.records import FileFacts



@gc_paused
@stamped_record.one_stat_per_run
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
    root = workspace_root(paths or files or [])
    read = overlay_reader(overrides)
    store = extraction.FactsStore(settings, root, read, overrides, use_cache)
    cache_dir = store.cache.directory if store.cache is not None else None
    workspace = Workspace(root, overrides, cache_dir)
    if files is None:
        if overrides:
            found = discovery.discover(paths, settings.exclude, settings.config_root, cache_dir)
        else:  # while a child walks the tree, read what the checks will need of the workspace
            found = discover_beside(paths, settings.exclude, settings.config_root, cache_dir,
                                    lambda: _read_workspace(workspace), jobs)
        files, missing, problems = found.files, found.missing, found.problems
    runs = run_cache.RunCache(store.cache.directory) if store.cache is not None and not overrides else None
    reuse, reused = None, None
    if runs is not None and report is not None and not problems:  # a few named files: the tree run may know
        reused = tree_subset.diagnostics_for(runs, store, settings, workspace, files, report)
    if reused is None:
        reuse = _reuse(store, settings, paths, files, report, workspace, problems, runs)
        reused = reuse.lookup() if reuse is not None else None
    if reused is not None:  # nothing the last identical run read has changed: its diagnostics stand
        store.save()
        project = Project(files={}, workspace=workspace, settings=settings, enabled=RuleSelection(settings, _all_rules),
                          load_facts=store.load, all_sources=files if covers(paths, root) else [])
        return LintResult(diagnostics=reused, sources=extraction.SourceMap(files, {}, read), project=project,
                          files=files, missing=missing, problems=problems)
    if reuse is not None and report is None:
        from migrationlint import incremental

        changed = incremental.lint_changed(reuse, store, workspace, settings, (files, missing, problems),
                                           covers(paths, root))
        if changed is not None:
            return changed
    selection = RuleSelection(settings, _all_rules())
    memos, on_facts = _resolved_ahead(workspace, settings, selection)
    sources, facts = store.extract(files, jobs, on_facts)
    project = Project(files=facts, workspace=workspace, settings=settings, enabled=selection, **store.readers(),
                      sources=sources, all_sources=files if covers(paths, root) else [],
                      tree_sources=_tree_sources(store, settings, root), memos=memos)
    diagnostics = run_checks_remembering(project, store, settings, jobs)
    store.save()  # after the checks: facts they loaded for files outside the run are cached too
    result = conclude(diagnostics, project, LintResult(diagnostics=[], sources=sources, project=project, files=files,
                                                       missing=missing, problems=problems), problems, report)
    if reuse is not None:
        reuse.save(result.diagnostics, project, facts, store.loaded, covers(paths, root), scanned=store.scanned)
    return result


def _all_rules() -> dict:
    """The rule catalogue, which imports every rule family (a run answered from the cache needs none)."""
    from migrationlint.checks import RULES

    return RULES


def _read_workspace(workspace: Workspace) -> None:
    """What the dependency and import rules read of the workspace whatever the files: where the
    manifests are, the lockfile; and the rule families themselves (discovery_apart.py)."""
    _all_rules()
    _ = workspace.manifest_dirs, workspace.lockfile


def _resolved_ahead(workspace: Workspace, settings: Settings, selection: RuleSelection) \
        -> tuple[dict, Callable[[str, FileFacts], None] | None]:
    """The run's resolver, filled while extraction runs with what the import rules will resolve
    (import_requests.py), when any of them is on: (the project's memos, extract's callback)."""
    from migrationlint.checks import phantom_imports
    from migrationlint.model import import_requests
    from migrationlint.model.resolve import RESOLVER, Resolver

    if not any(selection(rule.code) for rule in phantom_imports.RULES):
        return {}, None
    resolver = Resolver(workspace, settings.aliases)
    return {RESOLVER: resolver}, import_requests.resolve_ahead(resolver, settings.ignore_packages)


def _reuse(store: extraction.FactsStore, settings: Settings, paths: list[str], files: list[str],
           report: Collection[str] | None, workspace: Workspace, problems: list,
           runs: run_cache.RunCache | None) -> run_cache.Reuse | None:
    """The run cache for a run over the disk with the cache on (never for in-memory texts)."""
    if runs is None:
        return None
    request = run_cache.request_parts(paths, report, problems, covers(paths, workspace.root))
    return run_cache.Reuse(store, settings, request, files, workspace, runs=runs)


def _tree_sources(store: extraction.FactsStore, settings: Settings, root: str) -> Callable[[], list[str] | None]:
    """The tree's files as the last run over the workspace root found them, read once when asked."""
    loaded: list[list[str] | None] = []

    def tree() -> list[str] | None:
        if not loaded:
            found = None
            if store.cache is not None and not store.overrides:
                found = discovery.stamped([root], settings.exclude, settings.config_root, store.cache.directory)
            loaded.append(found.files if found is not None else None)
        return loaded[0]
    return tree


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
