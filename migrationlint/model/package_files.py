"""The lintable files of one package, without walking the rest of the repository.

A run over a few files (pre-commit, an editor) still needs some context from their packages, such
as the DataSource config whose `migrations:` glob decides which migration set a file is in.
Walking the whole workspace for that would make the run's cost grow with the repository, so this
walks one package directory and stops at nested packages (directories with their own
package.json), honouring .gitignore files and the configured excludes like discovery does.
With a cache directory the listing is stored with the stamps of what it listed and read
(stamped_record.py): a pre-commit run checks a package's files with stats, not a walk.
"""

from __future__ import annotations

import os

from migrationlint.model.discovery import (
    ALWAYS_SKIPPED,
    _ancestor_ignores,
    _read_gitignore,
    entry_ignored,
    ignored_on_the_way,
    _spec,
    exclude_patterns,
    skipped_folder,
    OUTPUT_NAMES,
)
from migrationlint.extract.parsing import TS_SUFFIXES


def package_files(package_root: str, exclude: list[str] | None = None, exclude_root: str | None = None,
                  suffixes: tuple[str, ...] = TS_SUFFIXES, cache_dir: str | None = None, walk: bool = True) -> list[str] | None:
    """Sorted lintable files under `package_root` that belong to it (nested packages left out);
    `suffixes` widens "lintable" for callers that also look for JavaScript files. `walk=False`
    answers only from a stored listing that still holds (None when there is none)."""
    if cache_dir is None:
        return _walk(package_root, exclude, exclude_root, suffixes, None)
    from migrationlint import __version__
    from migrationlint.model import stamped_record

    ident = (__version__, package_root, exclude_patterns(exclude), exclude_root, suffixes, sorted(ALWAYS_SKIPPED),
             "src output names")
    path = stamped_record.record_path(cache_dir, "package-files", ident)
    stored = stamped_record.load(path, _MAGIC, ident)
    if isinstance(stored, list):
        return stored
    if not walk:
        return None
    stamps = stamped_record.Stamps(ALWAYS_SKIPPED - OUTPUT_NAMES)  # a `src/build` is listed
    found = _walk(package_root, exclude, exclude_root, suffixes, stamps)
    stamped_record.store(path, _MAGIC, ident, stamps, found)
    return found


_MAGIC = b"migrationlint-package-files 4\n"


def _walk(package_root: str, exclude: list[str] | None, exclude_root: str | None, suffixes: tuple[str, ...],
          stamps) -> list[str]:
    ignores = _ancestor_ignores(package_root, exclude_root, stamps)
    excludes = (exclude_root or package_root, _spec(exclude_patterns(exclude)))
    found: list[str] = []
    if ignored_on_the_way(package_root, True, ignores):
        return found
    stack = [(package_root, ignores)]
    while stack:
        directory, inherited = stack.pop()
        own = _read_gitignore(directory)
        current = inherited + [(directory, own)] if own is not None else inherited
        try:
            entries = list(os.scandir(directory))
        except OSError:
            if stamps is not None:
                stamps.racy = True  # unreadable now, perhaps readable later with no stamp changed
            continue
        if stamps is not None:
            stamps.add(directory, {e.name for e in entries})
            stamps.add(os.path.join(directory, ".gitignore"))
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if skipped_folder(entry.path) or entry_ignored(entry.path, True, current, excludes):
                    continue
                if os.path.isfile(os.path.join(entry.path, "package.json")):
                    continue  # a nested package: not this package's files
                stack.append((entry.path, current))
            elif is_file and entry.name.endswith(suffixes) and not entry_ignored(entry.path, False, current, excludes):
                found.append(entry.path)
    found.sort()
    return found
