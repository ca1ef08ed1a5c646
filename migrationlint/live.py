"""Lints that keep their context in memory between runs: the language server's engine.

A run of the pipeline over one file rebuilds everything around it: the settings, the workspace
(manifests, lockfile), import resolution, and the facts of every file the cross-file rules read
(a package's entry points, its migrations, its modules). In an editor that is a second per
keystroke pause for the same answers. `LiveLinter` keeps those between runs:

- settings and the workspace per (root, settings), dropped when a context file changes;
- the facts of files on disk, each kept with the stat it was read under and re-read only when
  the stat differs (first taken from the CLI's facts cache when a run left one and the file's
  stat proves the entry current: opening a file in a large package parses only that file);
  the facts of open documents, kept with the text they came from;
- the per-run memos that read the file system and the workspace only (`Memo.disk_only`), dropped
  when files are created or deleted. Every memo built from facts is rebuilt on each run, from the
  kept facts, so that a changed document is seen by every cross-file rule exactly as a fresh run
  sees it. Reporting goes through `lint_steps.conclude`, as the CLI's.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import Mapping

from migrationlint.cache.facts_cache import FactsCache, StatKey, cache_dir, cache_key, stat_of
from migrationlint.checks import RULES, Project, run_checks
from migrationlint.checks.export_surfaces import EXPORT_SURFACES, surface_signature
from migrationlint.config import load
from migrationlint.settings import RuleSelection, Settings
from migrationlint.extraction import SourceMap, extract_one
from migrationlint.extract.records import FileFacts
from migrationlint.model.project import disk_only_memos
from migrationlint.model.shipping import SHIPPING, Shipping
from migrationlint.lint_steps import gc_paused
from migrationlint.cache.run_cache import settings_text
from migrationlint.extract.sources import facts_for_bytes, file_mentions, overlay_reader
from migrationlint.model.workspace import Workspace

@dataclass
class _Context:
    """What runs with the same root and settings share."""

    settings: Settings
    workspace: Workspace
    memos: dict = field(default_factory=dict)
    reached: dict = field(default_factory=dict)  # Shipping.reachability() of the last run
    surfaces: dict = field(default_factory=dict)  # export_surfaces' memo
    surface_reads: dict = field(default_factory=dict)  # the facts the runs that built it read
    stored: FactsCache | None = None  # the CLI's facts cache of this root, read only (see _disk_facts)


class LiveLinter:
    """Lints single files against context kept from earlier runs (see the module docstring)."""

    def __init__(self) -> None:
        self._contexts: dict[tuple[str, str], _Context] = {}
        self._settings: dict[str, Settings] = {}  # directory -> settings of files there
        self._roots: dict[str, str] = {}  # directory -> workspace root
        self._disk: dict[str, tuple[StatKey | None, FileFacts]] = {}
        self._texts: dict[str, tuple[bytes, FileFacts]] = {}
        self._words: dict[str, tuple[StatKey, dict[bytes, bool]]] = {}  # Project.mentions answers
        self.runs = 0
        self._run: dict[str, FileFacts | None] = {}  # facts this run handed out (one stat per file)
        self._stored: FactsCache | None = None  # the running context's (_Context.stored)

    # ------------------------------------------------------------------ invalidation

    def context_changed(self) -> None:
        """A manifest, tsconfig or configuration file changed: settings, workspace, memos go."""
        self._contexts.clear()
        self._settings.clear()
        self._roots.clear()

    def files_changed(self) -> None:
        """Files were created or deleted: what resolution and package listings found may differ."""
        for ctx in self._contexts.values():
            ctx.memos.clear()
            ctx.reached.clear()
            ctx.surfaces, ctx.surface_reads = {}, {}

    def forget(self, path: str) -> None:
        """A document was closed: its in-memory facts go (the disk's are read when needed)."""
        self._texts.pop(path, None)

    # ------------------------------------------------------------------ linting

    @gc_paused
    def lint(self, path: str, texts: Mapping[str, bytes]):
        """Lint `path` from `texts[path]`, with the other `texts` (open documents) over the disk:
        the result of `pipeline.lint([path], files=[path], report={path}, overrides=texts)`."""
        from migrationlint.lint_steps import LintResult, conclude

        ctx = self._context(path)
        self.runs += 1
        self._run = {}
        self._stored = ctx.stored
        facts = {path: self._text_facts(path, texts[path])}
        self._run[path] = facts[path]
        sources = SourceMap([], {path: texts[path]}, overlay_reader(texts))
        project = Project(files=facts, workspace=ctx.workspace, settings=ctx.settings,
                          enabled=RuleSelection(ctx.settings, RULES), load_facts=lambda p: self._load(p, texts),
                          sources=sources, all_sources=[], mentions=self._mentions, memos=dict(ctx.memos))
        self._seed(ctx, project, texts)
        diagnostics = run_checks(project)
        self._keep(ctx, project)
        result = LintResult(diagnostics=[], sources=sources, project=project, files=[path])
        return conclude(diagnostics, project, result, [], {path})

    def _seed(self, ctx: _Context, project: Project, texts: Mapping[str, bytes]) -> None:
        """Put the carried answers built from facts into this run's memo, those still valid."""
        if ctx.reached:
            model = project.memos[SHIPPING] = Shipping(project)
            model.seed(carried_reachability(ctx.reached, project))
        if ctx.surfaces and self._agree(ctx.surface_reads, texts, surface_signature):
            project.memos[EXPORT_SURFACES] = ctx.surfaces
        else:
            ctx.surfaces, ctx.surface_reads = {}, {}

    def _keep(self, ctx: _Context, project: Project) -> None:
        """Keep this run's answers for the next: the file-system memos, and those built from
        facts with the facts this run read (what the next run checks them against)."""
        ctx.memos.update(disk_only_memos(project))
        if SHIPPING.peek(project) is not None:
            ctx.reached = SHIPPING(project).reachability()
        if EXPORT_SURFACES.peek(project) is not None:
            ctx.surfaces = EXPORT_SURFACES(project)
            ctx.surface_reads.update(self._run)

    def _agree(self, reads: dict, texts: Mapping[str, bytes], signature) -> bool:
        """Whether every file read earlier has, now, facts with the same `signature`."""
        for path, before in reads.items():
            now = self._load(path, texts)
            if now is not before and signature(now) != signature(before):
                return False
        return True

    def _context(self, path: str) -> _Context:
        from migrationlint.lint_steps import workspace_root

        directory = os.path.dirname(path)
        settings = self._settings.get(directory)
        if settings is None:
            settings = self._settings[directory] = load([path], None)
        root = self._roots.get(directory)
        if root is None:
            root = self._roots[directory] = workspace_root([path])
        key = (root, settings_text(settings))
        ctx = self._contexts.get(key)
        if ctx is None:
            stored = cache_dir(root, settings.cache_dir, settings.config_root)
            if not os.path.isdir(stored):  # the server reads a cache a CLI run made, never creates one
                ctx = self._contexts[key] = _Context(settings, Workspace(root))
            else:
                ctx = self._contexts[key] = _Context(settings, Workspace(root, None, stored),
                                                     stored=FactsCache(stored, cache_key()))
        return ctx

    # ------------------------------------------------------------------ facts

    def _text_facts(self, path: str, text: bytes) -> FileFacts:
        kept = self._texts.get(path)
        if kept is None or kept[0] != text:
            kept = self._texts[path] = (text, facts_for_bytes(path, text))
        return kept[1]

    def _mentions(self, path: str, word: bytes) -> bool:
        """`sources.file_mentions`, remembered while the file's stat is the same: cross-file rules
        scan every file of a package for a word, and the disk rarely changes between keystrokes."""
        st = _file_stat(path)
        if st is None:
            self._words.pop(path, None)
            return file_mentions(path, word)  # not a regular file: as the pipeline answers
        kept = self._words.get(path)
        if kept is None or kept[0] != st:
            kept = self._words[path] = (st, {})
        found = kept[1].get(word)
        if found is None:
            found = kept[1][word] = file_mentions(path, word)
        return found

    def _load(self, path: str, texts: Mapping[str, bytes]) -> FileFacts | None:
        """Facts of a file outside the run, as `FactsStore.load` gives them: an open document's
        text wins over the disk; a file whose stat changed is read again."""
        if path in self._run:
            return self._run[path]
        found = self._run[path] = self._text_facts(path, texts[path]) if path in texts else self._disk_facts(path)
        return found

    def _disk_facts(self, path: str) -> FileFacts | None:
        st = _file_stat(path)
        if st is None:
            self._disk.pop(path, None)
            return None
        kept = self._disk.get(path)
        if kept is None or kept[0] != st:
            facts = self._stored.fresh(path, st) if self._stored is not None else None
            if facts is not None:  # stored by a CLI run, and the stat proves it current
                kept = self._disk[path] = (st, facts)
            else:
                _, read_st, _, facts = extract_one(path)
                kept = self._disk[path] = (read_st, facts)
        return kept[1]


def carried_reachability(carried: dict, project: Project) -> dict:
    """The packages of the last run whose reachability read facts that still agree with this
    run's (the same objects, or the same `reach_signature`); the fix loop's passes use it too."""
    from migrationlint.model.reach_keys import reach_key

    out = {}
    for manifest_path, (found, read) in carried.items():
        for path, before in read.items():
            now = project.facts(path)
            if now is not before and reach_key(now) != reach_key(before):
                break
        else:
            out[manifest_path] = (found, read)
    return out


def _file_stat(path: str) -> StatKey | None:
    """The stat of a regular file (following links, as os.path.isfile), None for anything else."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return stat_of(st) if stat.S_ISREG(st.st_mode) else None
