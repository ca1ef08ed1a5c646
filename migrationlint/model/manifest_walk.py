"""Which directories hold a package.json: one walk of the tree, remembered by directory mtimes.

Why: finding the workspace's manifests walks every directory of the repository (18,000 in
medusa, 0.7 s), and a pre-commit run over five files paid that walk twice. Whether a directory
holds a package.json, and which subdirectories it has, are entries of that directory, and adding,
removing or renaming an entry updates the directory's mtime. So the walk stores the mtime of every
directory it listed, and the next run stats those directories instead of listing them (git's
untracked cache works the same way): all unchanged, the stored answer stands; anything changed,
the tree is walked again.

A directory whose mtime was less than RACY_NS old when it was listed proves nothing (a change in
the same timestamp tick keeps the mtime, see cache.py), so such a walk is not stored at all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time

from migrationlint.atomic import replace_file
from migrationlint.model.discovery import ALWAYS_SKIPPED
from migrationlint.model.parsed_cache import SUBDIR, ensure_subdir

MAGIC = b"migrationlint-manifest-dirs 1\n"
RACY_NS = 2_000_000_000


def walk(root: str) -> tuple[list[str], list[tuple[str, int]] | None]:
    """(directories holding a package.json, [(directory listed, its mtime_ns)] or None when a
    listed directory changed too recently for its mtime to vouch for the listing)."""
    found: list[str] = []
    listed: list[tuple[str, int]] | None = []
    trusted_before = time.time_ns() - RACY_NS
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ALWAYS_SKIPPED and not d.startswith("."))
        if "package.json" in files:
            found.append(directory)
        if listed is not None:
            try:
                mtime = os.stat(directory).st_mtime_ns  # after the listing: a later change shows as racy
            except OSError:
                listed = None
                continue
            listed = listed if mtime < trusted_before else None
            if listed is not None:
                listed.append((directory, mtime))
    return found, listed


def _record_path(cache_dir: str, root: str) -> str:
    name = hashlib.blake2b(os.path.abspath(root).encode(), digest_size=16).hexdigest()
    return os.path.join(cache_dir, SUBDIR, f"manifest-dirs-{name}")


def _stored(path: str, root: str) -> list[str] | None:
    """The stored answer when every directory it listed still has its recorded mtime."""
    try:
        with open(path, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            stored_root, listed, found = pickle.load(fh)
    except Exception:  # missing, truncated or foreign: walk
        return None
    if stored_root != root:
        return None
    try:
        if any(os.stat(d).st_mtime_ns != mtime for d, mtime in listed):
            return None
    except OSError:
        return None
    return list(found)


def manifest_dirs(root: str, cache_dir: str | None = None) -> list[str]:
    """Every directory under `root` holding a package.json (dependency, build and dot folders
    skipped), in walk order; with a cache directory, from the last walk when nothing changed."""
    if cache_dir is None:
        return walk(root)[0]
    path = _record_path(cache_dir, root)
    found = _stored(path, root)
    if found is not None:
        return found
    found, listed = walk(root)
    if listed:  # an empty walk (no root) proves nothing about later runs
        try:
            ensure_subdir(cache_dir)
            replace_file(path, MAGIC + pickle.dumps((root, listed, found), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
    return found
