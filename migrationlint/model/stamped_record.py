"""Answers computed by listing directories, stored with the stat stamps that vouch for them.

Adding, removing or renaming an entry updates its directory's mtime, and editing a file updates
the file's own. So an answer built from listings (which folders hold a package.json, which files
a run lints) stays true while every directory listed, and every file read (.gitignore), keeps the
stamp it had: the next run stats them instead of listing and reading again (git's untracked cache
works the same way). A stamp taken less than RACY_NS after its mtime proves nothing (a change in
the same timestamp tick keeps the mtime): such a directory is stamped by its entries instead, and
an answer that read such a file is not stored.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import threading
import time

from migrationlint.atomic import replace_file
from migrationlint.model.parsed_cache import SUBDIR, ensure_subdir

RACY_NS = 2_000_000_000

# ("m", mtime_ns, size): the stat; ("l", entries, ignored): a directory changed too recently for its
# mtime to vouch, by its entries (name, is a directory) other than the `ignored` names; ("e", exists):
# only whether the path exists; None: the path did not exist
Stamp = tuple | None


_RUN = threading.local()  # .stats: the stamps taken so far by the run under way in this thread
_NOT_TAKEN = object()


def one_stat_per_run(fn):
    """Run `fn` (one lint) with each path stat'ed at most once: the tree's stored listing and the
    workspace's manifest walk vouch for the same folders (9,000 of them in a large monorepo), and
    the second check of a folder within one run can only repeat the first."""
    @functools.wraps(fn)
    def shared(*args, **kwargs):
        if getattr(_RUN, "stats", None) is not None:
            return fn(*args, **kwargs)
        _RUN.stats = {}
        try:
            return fn(*args, **kwargs)
        finally:
            _RUN.stats = None
    return shared


def stamp(path: str) -> Stamp:
    taken = getattr(_RUN, "stats", None)
    if taken is not None:
        found = taken.get(path, _NOT_TAKEN)
        if found is not _NOT_TAKEN:
            return found
    found = _stat_stamp(path)
    if taken is not None:
        taken[path] = found
    return found


def _stat_stamp(path: str) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return "m", st.st_mtime_ns, st.st_size


def _entries(directory: str, ignored: tuple[str, ...]) -> tuple[tuple[str, bool], ...] | None:
    try:
        return tuple(sorted((e.name, e.is_dir(follow_symlinks=False)) for e in os.scandir(directory)
                            if e.name not in ignored))
    except OSError:
        return None


def all_hold(items: list[tuple[str, Stamp]]) -> bool:
    """Whether every path still has its recorded stamp. One loop with the stat stamps inline: a
    large tree's listing holds 9,000 folders, and a call per folder cost a pre-commit run 3 ms."""
    taken = getattr(_RUN, "stats", None)
    if taken is None:
        taken = {}
    for path, recorded in items:
        if recorded is not None and recorded[0] != "m":
            if not holds(path, recorded):
                return False
            continue
        found = taken.get(path, _NOT_TAKEN)
        if found is _NOT_TAKEN:
            found = taken[path] = _stat_stamp(path)
        if found != recorded:
            return False
    return True


def holds(path: str, recorded: Stamp) -> bool:
    """Whether `path` still has the stamp recorded for it."""
    if recorded is None or recorded[0] == "m":
        return stamp(path) == recorded
    if recorded[0] == "l":
        return _entries(path, recorded[2]) == recorded[1]
    return os.path.lexists(path) == recorded[1]


class Stamps:
    """The stamps of what one computation listed or read, taken after it did."""

    def __init__(self, ignored: frozenset[str] = frozenset()) -> None:
        """`ignored`: entry names the computation never reads (its skipped folders, the cache
        folder a first run creates in the workspace root), left out of entry stamps."""
        self.ignored = tuple(sorted(ignored))
        self.items: list[tuple[str, Stamp]] = []
        self.racy = False
        self._trusted_before = time.time_ns() - RACY_NS
        self._listed: set[str] = set()  # directories stamped after their listing

    def add(self, path: str, names: set[str] | None = None) -> None:
        """Stamp a file read, or a directory listed (`names`: what the listing found). A directory
        changed within RACY_NS is stamped by its entries when they are the ones listed (a fresh
        cache directory in the workspace root, a checkout a second ago); a file is then racy.
        A missing file in a directory stamped here (a folder without `.gitignore`) needs no stamp
        of its own: creating it changes the folder's mtime, or its entries (half of a tree's stamps)."""
        found = stamp(path)
        if found is None and names is None and os.path.dirname(path) in self._listed:
            return
        if found is not None and found[1] >= self._trusted_before:
            entries = _entries(path, self.ignored) if names is not None else None
            if entries is None or {name for name, _ in entries} != names - set(self.ignored):
                self.racy = True
                return
            found = ("l", entries, self.ignored)
        self.items.append((path, found))
        if names is not None:
            self._listed.add(path)

    def presence(self, path: str) -> None:
        """Stamp only whether `path` exists (a `.git` folder, whose mtime every git command moves)."""
        self.items.append((path, ("e", os.path.lexists(path))))


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
    if stored_ident != ident or not all_hold(items):
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
