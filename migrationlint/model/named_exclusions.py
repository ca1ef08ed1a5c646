"""Folders a repository's own config leaves out by naming them: switched off on purpose.

An `exclude` entry of a tsconfig (`"exclude": ["tests/archives"]`), Vitest's `test.exclude`
(`"./packages/legacy/**"`) or a literal Jest `testPathIgnorePatterns` entry (`"<rootDir>/old/"`)
that spells a folder by its path is a decision about that folder: its files are kept, but built,
type-checked and tested by nothing. A pattern that names no folder (`**/*.test.ts`,
`**/node_modules/**`) is a convention over every folder and decides nothing about one.

Read only for a file already outside every build (model/dead_files.py): its findings are then
said by no rule, since the only action they could ask for (deleting the folder) is one the
maintainers declined when they wrote the exclusion.
"""

from __future__ import annotations

import os

from migrationlint.globs import excluded_folder
from migrationlint.model.resolve import Resolver
from migrationlint.model.test_selection import runner_exclusions


def excluded_by_name(resolver: Resolver, root: str, path: str) -> bool:
    """Whether a tsconfig around the file excludes a folder holding it by that folder's path, within
    the file's own package, or a test runner's config between it and `root` does so for any folder.
    A tsconfig that leaves out a folder holding another package (`"exclude": ["plugins"]` over
    `plugins/x/package.json`) draws a package's bounds: that package builds itself."""
    posix = path.replace(os.sep, "/")
    folders = [*(f for f in _tsconfig_exclusions(resolver, path) if not _holds_a_package(f, posix)),
               *runner_exclusions(path, root)]
    return any(_holds(folder, posix) for folder in folders)


def _holds_a_package(folder: str, path: str) -> bool:
    """Whether a package.json lies in `folder` or below it on the way to the file at `path`."""
    directory = os.path.dirname(path)
    while directory == folder or directory.startswith(folder + "/"):
        if os.path.isfile(os.path.join(directory, "package.json")):
            return True
        directory = os.path.dirname(directory)
    return False


def _tsconfig_exclusions(resolver: Resolver, path: str) -> list[str]:
    """The folders the `exclude` patterns of the file's nearest tsconfig (and of the one that covers
    it, when another) name, each deeper than the config's own folder."""
    names = resolver.tsconfigs.candidates(os.path.dirname(path))[:1]
    covering = resolver.tsconfig_for(path)
    configs = [resolver.tsconfigs.config(n) for n in names] + ([covering] if covering is not None else [])
    found = []
    for cfg in configs:
        if cfg.error is not None or not cfg.exclude:
            continue
        top = cfg.dir.replace(os.sep, "/").rstrip("/")
        found += [f for f in map(excluded_folder, cfg.exclude) if f is not None and f.startswith(top + "/")]
    return found


def _holds(folder: str, path: str) -> bool:
    """Whether the folder (or file) `folder`, an absolute path, holds the file at `path`."""
    return path == folder or path.startswith(folder + "/")
