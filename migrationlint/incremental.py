"""A run after a few edits: lint the edited files, keep every other file's findings.

A whole-tree run whose key misses only because some linted files changed starts from the last run
over the same files and context (run_cache.Reuse.earlier), when:

- its outside inputs are unchanged (the run cache's checks: manifests, lockfiles, tsconfigs,
  facts loaded from outside the run, package listings, paths resolution found missing);
- at most MAX_CHANGED files changed, and each still shows the other files what it showed them:
  its facts without positions have the same signature (cache/fact_signature.py).

Then no finding located in another file can differ, except where a recorded fix edits an edited
file (a fix carries that file's offsets): those files are linted again too. The edited files are
linted as a run over named files does (the rest of their packages is context, read from facts);
that gives, for each of them, what a whole run gives (tests/engine/test_named_files.py), and what this gives equals a
fresh run (tests/engine/test_incremental.py).
"""

from __future__ import annotations

from migrationlint import extraction
from migrationlint.cache.fact_signature import fact_signature
from migrationlint.cache.run_cache import Record, Reuse
from migrationlint.checks import RULES, Project
from migrationlint.diagnostics import Diagnostic
from migrationlint.lint_steps import LintResult, conclude, run_checks_remembering
from migrationlint.model.workspace import Workspace
from migrationlint.settings import RuleSelection, Settings

MAX_CHANGED = 32  # beyond this, linting every file from the facts cache costs about the same

RUNS: list[list[str]] = []  # the files each incremental run linted, in this process; tests read it


def lint_changed(reuse: Reuse, store: extraction.FactsStore, workspace: Workspace, settings: Settings,
                 found: tuple[list[str], list[str], list], whole_tree: bool) -> LintResult | None:
    """The run's result from the last one and the changed files, or None when that cannot be
    exact (see the module docstring). `found` is discovery's (files, missing, problems)."""
    files, missing, problems = found
    start = reuse.earlier()
    if start is None or not start[1] or len(start[1]) > MAX_CHANGED or store.cache is None:
        return None
    record, changed = start
    before = {p: store.cache.recorded(p, record.digests[p]) for p in changed}
    redo = _to_lint(record, changed, files)
    if redo is None:
        return None
    sources, facts = store.extract(redo)
    if any(b is None or fact_signature(b) != fact_signature(facts[p]) for p, b in before.items()):
        return None
    project = Project(files=facts, workspace=workspace, settings=settings, enabled=RuleSelection(settings, RULES),
                      **store.readers(), sources=sources,  # the rest is context
                      tree_sources=lambda: files if whole_tree else None)
    partial = conclude(run_checks_remembering(project, store, settings), project, LintResult(diagnostics=[], sources=sources, project=project,
                                                                files=redo), problems, set(redo))
    store.save()
    diagnostics = _merged(record.diagnostics, partial.diagnostics, set(redo))
    reuse.save(diagnostics, project, facts, store.loaded, whole_tree, earlier=record, scanned=store.scanned)
    RUNS.append(redo)
    return LintResult(diagnostics=diagnostics, sources=extraction.SourceMap(files, {}, store.read), project=project,
                      files=files, missing=missing, problems=problems)


def _to_lint(record: Record, changed: list[str], files: list[str]) -> list[str] | None:
    """The changed files, and the files whose recorded findings carry a fix that edits one (None
    when such a finding is in a file this run does not lint, a manifest: no partial run redoes it)."""
    edited = set(changed)
    again = set(changed)
    for d in record.diagnostics:
        if d.fix is not None and d.path not in again and any(e.path in edited for e in d.fix.edits):
            again.add(d.path)
    redo = [p for p in files if p in again]
    return redo if len(redo) == len(again) else None


def _merged(recorded: list[Diagnostic], fresh: list[Diagnostic], redone: set[str]) -> list[Diagnostic]:
    out = [d for d in recorded if d.path not in redone]
    out.extend(fresh)
    out.sort(key=lambda d: d.sort_key())
    return out
