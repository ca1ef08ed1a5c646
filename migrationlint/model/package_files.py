"""The lintable files of one package, without walking the rest of the repository.

A run over a few files (pre-commit, an editor) still needs some context from their packages, such
as the DataSource config whose `migrations:` glob decides which migration set a file is in.
Walking the whole workspace for that would make the run's cost grow with the repository, so this
walks one package directory and stops at nested packages (directories with their own
package.json), honouring .gitignore files and the configured excludes like discovery does.
"""

from __future__ import annotations

import os

from migrationlint.model.discovery import (
    ALWAYS_SKIPPED,
    _ancestor_ignores,
    _excluded,
    _read_gitignore,
    _spec,
    exclude_patterns,
)
from migrationlint.extract.parsing import TS_SUFFIXES


def package_files(package_root: str, exclude: list[str] | None = None, exclude_root: str | None = None,
                  suffixes: tuple[str, ...] = TS_SUFFIXES) -> list[str]:
    """Sorted lintable files under `package_root` that belong to it (nested packages left out);
    `suffixes` widens "lintable" for callers that also look for JavaScript files."""
    ignores = _ancestor_ignores(package_root, exclude_root)
    ignores.insert(0, (exclude_root or package_root, _spec(exclude_patterns(exclude))))
    found: list[str] = []
    stack = [(package_root, ignores)]
    while stack:
        directory, inherited = stack.pop()
        own = _read_gitignore(directory)
        current = inherited + [(directory, own)] if own is not None else inherited
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if entry.name in ALWAYS_SKIPPED or _excluded(entry.path, True, current):
                    continue
                if os.path.isfile(os.path.join(entry.path, "package.json")):
                    continue  # a nested package: not this package's files
                stack.append((entry.path, current))
            elif is_file and entry.name.endswith(suffixes) and not _excluded(entry.path, False, current):
                found.append(entry.path)
    found.sort()
    return found
