"""A run over a few named files answered from the last run over the whole workspace.

pre-commit names the files of a commit, an editor the file it shows; each such request is a new
run-cache key, so its first run would load the facts of their packages and run every check
again, though a run over the whole tree (CI, the last `migrationlint check .`) already judged
those files. A run over named files reports, for each of them, exactly what the run over the
whole workspace reports (tests/engine/test_named_files.py): so when that run's record still
holds, its findings in the reported files are the answer.

It holds when the named files are the contents it linted, and when the run over the tree, asked
again now, would have the same key and its recorded outside inputs are unchanged (run_cache): the
tree's file list from its stamped discovery (never a walk), every file's digest, the context files.
The cheap tests come first, so a commit's edited files cost a few `stat` calls before the checks
run as usual.
"""

from __future__ import annotations

import os
from typing import Collection

from migrationlint.cache.run_cache import Record, Reuse, RunCache, request_parts, stat_digest
from migrationlint.model import discovery
from migrationlint.settings import Settings

ANSWERED: list[list[str]] = []  # the named files of each run answered here, in this process; tests read it


def diagnostics_for(runs: RunCache, store, settings: Settings, workspace, files: list[str],
                    report: Collection[str]) -> list | None:
    """The findings of the last whole-workspace run located in `report`, or None when that run's
    record does not hold for the tree as it is now."""
    record = _last_tree_run(runs, workspace.root)
    if record is None:
        return None
    digests = _unchanged(store.cache, files, record)
    if digests is None:
        return None
    tree = discovery.stamped([workspace.root], settings.exclude, settings.config_root, store.cache.directory)
    if tree is None or tree.missing:
        return None
    whole = Reuse(store, settings, request_parts([workspace.root], None, tree.problems, True), tree.files, workspace,
                  runs=runs, digests=digests)
    found = whole.lookup()
    if found is None:
        return None
    wanted = set(report)
    ANSWERED.append(list(files))
    return [d for d in found if d.path in wanted]


def _unchanged(cache, files: list[str], record: Record) -> dict[str, str | None] | None:
    """The digest of every file the tree run linted, when each is what that run read (the named
    files first: they are what a commit edits); None at the first that is not. The facts cache's
    trusted entries answer inline (stat_digest's first step): this loop runs once per file of the
    tree, and a call per file was a third of its cost."""
    recorded = record.digests
    if any(p not in recorded for p in files):
        return None
    entries = cache.entries if cache is not None else {}
    stat = os.stat
    out: dict[str, str | None] = {}
    for path in [*files, *recorded]:
        if path in out:
            continue
        e = entries.get(path)
        try:
            st = stat(path)
        except OSError:
            return None
        if e is not None and e.trusted and e.mtime_ns == st.st_mtime_ns and e.size == st.st_size and e.ino == st.st_ino:
            digest = e.digest
        else:
            digest = stat_digest(cache, path)  # read and hashed
        if digest is None or digest != recorded[path]:
            return None
        out[path] = digest
    return out


def _last_tree_run(runs: RunCache, root: str) -> Record | None:
    return next(runs.newest_first(tree=root), None)
