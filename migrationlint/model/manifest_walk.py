"""Which directories hold a package.json: one walk of the tree, remembered by directory mtimes.

Why: finding the workspace's manifests walks every directory of the repository (18,000 in
a 7,000-file monorepo, 0.7 s), and a pre-commit run over five files paid that walk twice. Whether a directory
holds a package.json, and which subdirectories it has, are entries of that directory: the walk is
stored with the stamp of every directory it listed (stamped_record.py), and the next run stats
those directories instead of listing them.
"""

from __future__ import annotations

import os

from migrationlint.model import stamped_record
from migrationlint.model.discovery import ALWAYS_SKIPPED

MAGIC = b"migrationlint-manifest-dirs 4\n"


def walk(root: str) -> tuple[list[str], stamped_record.Stamps]:
    """(directories holding a package.json, the stamps of the directories listed)."""
    found: list[str] = []
    stamps = stamped_record.Stamps(ALWAYS_SKIPPED)
    for directory, dirs, files in os.walk(root):
        stamps.add(directory, {*dirs, *files})  # after the listing: a later change shows
        dirs[:] = sorted(d for d in dirs if d not in ALWAYS_SKIPPED and not d.startswith("."))
        if "package.json" in files:
            found.append(directory)
    return found, stamps


def manifest_dirs(root: str, cache_dir: str | None = None) -> list[str]:
    """Every directory under `root` holding a package.json (dependency, build and dot folders
    skipped), in walk order; with a cache directory, from the last walk when nothing changed."""
    if cache_dir is None:
        return walk(root)[0]
    path = stamped_record.record_path(cache_dir, "manifest-dirs", root)
    found = stamped_record.load(path, MAGIC, root)
    if isinstance(found, list):
        return list(found)
    found, stamps = walk(root)
    stamped_record.store(path, MAGIC, root, stamps, found)
    return found
