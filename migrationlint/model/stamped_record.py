"""Answers computed by listing directories, stored with the stat stamps that vouch for them.

Adding, removing or renaming an entry updates its directory's mtime, and editing a file updates
the file's own. So an answer built from listings (which folders hold a package.json, which files
a run lints) stays true while every directory listed, and every file read (.gitignore), keeps the
stamp it had: the next run stats them instead of listing and reading again (git's untracked cache
works the same way). A stamp taken less than RACY_NS after its mtime proves nothing (a change in
the same timestamp tick keeps the mtime), so an answer with such a stamp is not stored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time

from migrationlint.atomic import replace_file
from migrationlint.model.parsed_cache import SUBDIR, ensure_subdir

RACY_NS = 2_000_000_000

Stamp = tuple[int, int] | None  # (mtime_ns, size), None when the path does not exist


def stamp(path: str) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class Stamps:
    """The stamps of what one computation listed or read, taken after it did."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Stamp]] = []
        self.racy = False
        self._trusted_before = time.time_ns() - RACY_NS

    def add(self, path: str) -> None:
        found = stamp(path)
        if found is not None and found[0] >= self._trusted_before:
            self.racy = True
        self.items.append((path, found))


def record_path(cache_dir: str, kind: str, ident: object) -> str:
    name = hashlib.blake2b(repr(ident).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return os.path.join(cache_dir, SUBDIR, f"{kind}-{name}")


def load(path: str, magic: bytes, ident: object) -> object | None:
    """The stored answer for `ident` when every stamp it was stored with still holds."""
    try:
        with open(path, "rb") as fh:
            if fh.read(len(magic)) != magic:
                return None
            stored_ident, items, answer = pickle.load(fh)
    except Exception:  # missing, truncated or foreign: compute again
        return None
    if stored_ident != ident or any(stamp(p) != s for p, s in items):
        return None
    return answer


def store(path: str, magic: bytes, ident: object, stamps: Stamps, answer: object) -> None:
    """Store `answer` unless a stamp is too recent to vouch for it."""
    if stamps.racy or not stamps.items:
        return
    try:
        ensure_subdir(os.path.dirname(os.path.dirname(path)))
        replace_file(path, magic + pickle.dumps((ident, stamps.items, answer), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
