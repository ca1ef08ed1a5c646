"""The fix loop's re-lints, from the facts of the first run instead of a whole new run.

`--fix` lints, applies a pass of fixes in memory, lints again, and so on; then the CLI reports
the lint of the final texts. Each of those lints used to be a whole run: every file's facts read
again (parsed again without the cache), the workspace and its lockfile read again, import
resolution started over. Between two passes only the files the pass edited differ, so:

- the facts of the run's files are extracted once (from the first run, or the disk and the
  cache); a pass re-extracts only the texts it changed;
- the workspace and the memos that read only the disk and the workspace (`Memo.disk_only`)
  are kept while the pass changed no manifest or other non-source file (a fix that edits a
  package.json changes what every dependency and import rule sees: they start over);
- over the same workspace, the shipping model's reachability and the export surfaces are carried
  from the last run where the facts they read agree (as in live.py); every other memo built from
  facts is rebuilt, and every rule runs over every file, so that the result is, diagnostic for diagnostic, what `pipeline.lint(paths, overrides=texts, files=...)`
  reports (tests/test_fix_relint.py compares them).

`last` keeps the final lint with the texts it saw: when the CLI wrote exactly those texts, it
is the report, and no further lint is needed (pipeline.after_fix).
"""

from __future__ import annotations

from typing import Mapping

from migrationlint import checks_apart, extraction
from migrationlint.checks import RULES, Project, run_checks
from migrationlint.settings import RuleSelection, Settings
from migrationlint.extract.records import FileFacts
from migrationlint.checks.export_surfaces import EXPORT_SURFACES, surface_signature
from migrationlint.live import carried_reachability
from migrationlint.model.project import disk_only_memos
from migrationlint.model.shipping import SHIPPING, Shipping
from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.lint_steps import LintResult, conclude, covers, gc_paused, workspace_root
from migrationlint.extract.sources import facts_for_bytes, overlay_reader, read_bytes
from migrationlint.model.workspace import Workspace


class Relinter:
    """`relint(texts)` for one fix loop over the files of `first` (see the module docstring)."""

    def __init__(self, paths: list[str], settings: Settings, first, jobs: int | None = None,
                 use_cache: bool = False, report=None) -> None:
        self.paths, self.settings, self.files = paths, settings, list(first.files)
        self.jobs, self.use_cache, self.report = jobs, use_cache, report
        self.root = workspace_root(paths or self.files)
        self._base: dict[str, FileFacts] | None = None
        self._previous: tuple[dict, dict, dict] | None = None  # texts, facts and memos of the last run
        self._context: tuple[dict[str, bytes], Workspace, dict] | None = None
        if first.project.files and all(p in first.project.files for p in self.files):
            self._base = dict(first.project.files)
            memos = disk_only_memos(first.project)
            self._context = ({}, first.project.workspace, memos)
            self._previous = ({}, self._base, first.project.memos)
        self._disk = extraction.FactsStore(settings, self.root, read_bytes, None, use_cache)
        self._texts: dict[str, tuple[bytes, FileFacts]] = {}
        self.last: tuple[dict[str, bytes], LintResult] | None = None  # (texts, LintResult) of the last run
        self.runs = 0

    @gc_paused
    def __call__(self, texts: Mapping[str, bytes]) -> LintResult:
        texts = dict(texts)  # the loop edits its dict in place: `last` must keep what was linted
        self.runs += 1
        base = self._facts()
        facts = {p: self._text_facts(p, texts[p]) if p in texts else base[p] for p in self.files}
        workspace, memos, kept = self._workspace(texts)
        readable = [p for p, f in facts.items() if p not in texts and not extraction.unreadable(f)]
        sources = extraction.SourceMap(readable, {p: texts[p] for p in self.files if p in texts},
                                       overlay_reader(texts))
        project = Project(files=facts, workspace=workspace, settings=self.settings,
                          enabled=RuleSelection(self.settings, RULES), load_facts=lambda p: self._load(p, texts),
                          sources=sources, all_sources=self.files if covers(self.paths, self.root) else [],
                          memos=dict(memos), mentions=self._disk.mentions, read_context=self._disk.read_context)
        if kept and self._previous is not None:
            self._seed(project, texts)
        diagnostics = self._checked(project)
        memos.update(disk_only_memos(project))
        self._previous = (texts, facts, project.memos)
        result = LintResult(diagnostics=[], sources=sources, project=project, files=self.files)
        result = conclude(diagnostics, project, result, [], self.report)
        self.last = (texts, result)
        return result

    def _checked(self, project: Project) -> list:
        """run_checks; on a large run some families in a second process, as in the first lint
        (checks_apart.py): a pass that edited a manifest checks every file again."""
        if checks_apart.can_split(project, self.jobs):
            return checks_apart.run_checks_split(project, self._disk)
        return run_checks(project)

    def _seed(self, project: Project, texts: dict[str, bytes]) -> None:
        """Carry the last run's answers built from facts, over the same workspace: reachability
        where the facts it read agree (live.carried_reachability), export surfaces when every
        file whose facts changed keeps its surface signature."""
        before_texts, before, memos = self._previous
        if SHIPPING in memos:
            model = project.memos[SHIPPING] = Shipping(project)
            model.seed(carried_reachability(memos[SHIPPING].reachability(), project))
        outside = {p for p in set(texts) | set(before_texts) if p not in before and p.endswith(TS_SUFFIXES)}
        changed = [p for p, f in project.files.items() if f is not before.get(p)]
        if EXPORT_SURFACES in memos and not any(texts.get(p) != before_texts.get(p) for p in outside) and all(
                surface_signature(before.get(p)) == surface_signature(project.files[p]) for p in changed):
            project.memos[EXPORT_SURFACES] = memos[EXPORT_SURFACES]

    def _facts(self) -> dict[str, FileFacts]:
        """The disk's facts of every file of the run, extracted once."""
        if self._base is None:
            _, self._base = extraction.FactsStore(self.settings, self.root, read_bytes, None,
                                                  self.use_cache).extract(self.files, self.jobs)
        return self._base

    def _text_facts(self, path: str, text: bytes) -> FileFacts:
        kept = self._texts.get(path)
        if kept is None or kept[0] != text:
            kept = self._texts[path] = (text, facts_for_bytes(path, text))
        return kept[1]

    def _load(self, path: str, texts: Mapping[str, bytes]) -> FileFacts | None:
        """A file outside the run, as `FactsStore.load` gives it (an edited text wins)."""
        return self._text_facts(path, texts[path]) if path in texts else self._disk.load(path)

    def _workspace(self, texts: dict[str, bytes]) -> tuple[Workspace, dict, bool]:
        """The workspace over the edited manifests, and the file-system memos that go with it:
        kept while the texts of every file that is not a source are those of the last run."""
        context = {p: t for p, t in texts.items() if not p.endswith(TS_SUFFIXES)}
        kept = self._context is not None and self._context[0] == context
        if not kept:
            self._context = (context, Workspace(self.root, texts), {})
        return self._context[1], self._context[2], kept
