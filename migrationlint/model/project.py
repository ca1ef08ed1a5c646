"""The run's model as the checks see it: the facts of the linted files, the workspace, the
settings; and `Memo`, the per-run values computed once from them.

A memo is declared by the module that owns the value (`MIGRATION_SETS = Memo(...)` beside the code
computing it), so readers import the object instead of spelling a string key, its type is known,
and the run-result cache can name exactly what it keeps between runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from migrationlint.extract.sources import file_mentions, read_bytes, read_or_none
from migrationlint.globs import match_any
from migrationlint.model.package_files import package_files
from migrationlint.model.workspace import Workspace, parse_version
from migrationlint.settings import RuleSelection, Settings

if TYPE_CHECKING:
    from migrationlint.extract.records import FileFacts

T = TypeVar("T")


class Memo(Generic[T]):
    """One per-run value of a Project: `MEMO(project)` computes it on first use, then returns it."""

    __slots__ = ("name", "compute", "disk_only")

    def __init__(self, name: str, compute: Callable[[Project], T], disk_only: bool = False) -> None:
        self.name = name  # for debugging and the docs; identity is the object itself
        self.compute = compute
        # True when the value reads the disk and the workspace only, never facts: it stays valid
        # while documents are edited, so the language server and the fix loop carry it between runs
        self.disk_only = disk_only

    def __call__(self, project: Project) -> T:
        store = project.memos
        if self in store:
            return store[self]
        value = store[self] = self.compute(project)
        return value

    def peek(self, project: Project) -> T | None:
        """The value when this run has computed it, else None (never computes)."""
        return project.memos.get(self)

    def __repr__(self) -> str:
        return f"Memo({self.name!r})"


def per_key(name: str, disk_only: bool = False) -> Memo[dict[Any, Any]]:
    """A memo holding a dict its owner fills key by key (one value per path, per package...)."""
    return Memo(name, lambda project: {}, disk_only)


def disk_only_memos(project: Project) -> dict[Memo, Any]:
    """This run's values of the memos that read the disk and the workspace only (see Memo)."""
    return {memo: value for memo, value in project.memos.items() if memo.disk_only}


def rel_to(root: str, path: str) -> str:
    """`path` relative to `root`, posix. Rules ask this tens of thousands of times per run, and
    os.path.relpath normalises both paths each time: strip the prefix instead."""
    prefix = root.rstrip(os.sep) + os.sep
    if path.startswith(prefix) and ".." not in path:
        rel = path[len(prefix):]
        return rel.replace(os.sep, "/") if os.sep != "/" else rel
    return os.path.relpath(path, root).replace(os.sep, "/")


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
    # in a run over a few files, the tree's lintable files as the last run over it found them, while
    # that still holds (None otherwise): a package's file list is taken from it rather than walked
    # when no listing of that package is stored (nothing else reads it)
    tree_sources: Callable[[], list[str] | None] = lambda: None
    memos: dict[Memo, Any] = field(default_factory=dict)  # per-run values, see Memo
    sources: dict[str, bytes] = field(default_factory=dict)  # bytes the linted files' facts came from
    # whether a file on disk holds a word: a byte scan that lets cross-file rules skip parsing files
    # that cannot matter; the language server answers from a memo (live.py)
    mentions: Callable[[str, bytes], bool] = file_mentions
    # the bytes of a file read whole as context (a script a package.json runs), None when unreadable;
    # the pipeline's reader records it as an input of the run (the run cache checks it next time)
    read_context: Callable[[str], bytes | None] = read_or_none

    def source(self, path: str) -> bytes | None:
        """The bytes `files[path]` was extracted from (in-memory text during fixes), for fixes that
        must match the file's style (import_edits); None when unknown."""
        return self.sources.get(path)

    def bytes_of(self, path: str) -> bytes | None:
        """The bytes a file's facts came from: the run's (an editor's buffer), else the disk's; None
        when unreadable."""
        data = self.source(path)
        if data is None:
            try:
                data = read_bytes(path)
            except OSError:
                return None
        return data

    def facts(self, path: str) -> FileFacts | None:
        f = self.files.get(path)
        if f is None:
            f = self.load_facts(path)
        return f

    def rel(self, path: str) -> str:
        """`path` relative to the workspace root, posix."""
        return rel_to(self.workspace.root, path)

    def is_test_file(self, path: str) -> bool:
        """Whether `path` matches the `test-files` globs (tests, stories, tool configs)."""
        return match_any(self.settings.test_files, self.rel(path))

    def typeorm_version(self, path: str) -> tuple[int, int, int] | None:
        """The lowest TypeORM version `path`'s package allows: the `typeorm-version` setting first,
        then the range its manifest (or the root manifest) declares. The one answer every rule uses."""
        override = self.settings.typeorm_version
        v = parse_version(override) if override else self.workspace.typeorm_version(path)
        return (tuple(v) + (0, 0, 0))[:3] if v else None  # type: ignore[return-value]

    def typeorm_major(self, path: str) -> int | None:
        v = self.typeorm_version(path)
        return v[0] if v else None

    def package_sources(self, package_root: str) -> list[str]:
        """Lintable files of one package (nested packages excluded), sorted: from `all_sources`
        when the run saw the whole workspace, else from the package's stored listing, the tree's
        (`tree_sources`), or a walk of that package only, so that a run over a few files costs the
        same in a repository of any size."""
        memo = PACKAGE_SOURCES(self)
        found = memo.get(package_root)
        if found is None:
            if self.all_sources:
                found = self._by_package(self.all_sources, "all").get(package_root, [])
            else:
                found = package_files(package_root, self.settings.exclude, self.settings.config_root,
                                      cache_dir=self.workspace.cache_dir, walk=False)
                tree = self.tree_sources() if found is None else None
                if tree is not None:
                    found = self._by_package(tree, "tree").get(package_root, [])
                elif found is None:
                    found = package_files(package_root, self.settings.exclude, self.settings.config_root,
                                          cache_dir=self.workspace.cache_dir)
            memo[package_root] = found
        return found

    def _by_package(self, files: list[str], which: str) -> dict[str, list[str]]:
        """`files` (`which`: all_sources or tree_sources) grouped by package root, sorted, once a run."""
        grouped = _GROUPED(self).get(which)
        if grouped is None:
            grouped = _GROUPED(self)[which] = {}
            for path in sorted(files):
                grouped.setdefault(self.workspace.package_root(path), []).append(path)
        return grouped


PACKAGE_SOURCES: Memo[dict[str, list[str]]] = per_key("package sources", disk_only=True)
_GROUPED: Memo[dict[str, dict[str, list[str]]]] = per_key("files by package")
