"""What every rule family builds on: Rule, Project (the context a check sees) and diagnostic().

Rule and diagnostic() live in the leaf `catalog`; they are re-exported here for the families."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from migrationlint.catalog import Rule, diagnostic
from migrationlint.config import RuleSelection, Settings
from migrationlint.facts import FileFacts
from migrationlint.sources import file_mentions
from migrationlint.workspace import Workspace

__all__ = ["Project", "Rule", "diagnostic"]


@dataclass
class Project:
    """What a check sees: the facts of the linted files, the workspace, the settings.

    `load_facts(path)` gives facts for files outside the linted set (cross-file rules), lazily and
    through the cache, so that a run over a few files does not parse the repository.
    """

    files: dict[str, FileFacts]
    workspace: Workspace
    settings: Settings
    enabled: RuleSelection
    load_facts: Callable[[str], FileFacts | None] = lambda path: None
    all_sources: list[str] = field(default_factory=list)  # every lintable file of the workspace, when known
    cache: dict = field(default_factory=dict)  # per-run memo shared by checks
    sources: dict[str, bytes] = field(default_factory=dict)  # bytes the linted files' facts came from
    # whether a file on disk holds a word: a byte scan that lets cross-file rules skip parsing files
    # that cannot matter; the language server answers from a memo (live.py)
    mentions: Callable[[str, bytes], bool] = file_mentions

    def source(self, path: str) -> bytes | None:
        """The bytes `files[path]` was extracted from (in-memory text during fixes), for fixes that
        must match the file's style (import_edits); None when unknown."""
        return self.sources.get(path)

    def facts(self, path: str) -> FileFacts | None:
        f = self.files.get(path)
        if f is None:
            f = self.load_facts(path)
        return f

    def rel(self, path: str) -> str:
        """`path` relative to the workspace root, posix. Rules ask this tens of thousands of times
        per run, and os.path.relpath normalises both paths each time: strip the prefix instead."""
        root = self.workspace.root.rstrip(os.sep) + os.sep
        if path.startswith(root) and ".." not in path:
            rel = path[len(root):]
            return rel.replace(os.sep, "/") if os.sep != "/" else rel
        return os.path.relpath(path, self.workspace.root).replace(os.sep, "/")

    def package_sources(self, package_root: str) -> list[str]:
        """Lintable files of one package (nested packages excluded), sorted: from `all_sources`
        when the run saw the whole workspace, else by walking that package only, so that a run
        over a few files costs the same in a repository of any size."""
        memo = self.cache.setdefault("package_sources", {})
        found = memo.get(package_root)
        if found is None:
            if self.all_sources:
                found = sorted(p for p in self.all_sources if self.workspace.package_root(p) == package_root)
            else:
                from migrationlint.package_files import package_files

                found = package_files(package_root, self.settings.exclude, self.settings.config_root)
            memo[package_root] = found
        return found
