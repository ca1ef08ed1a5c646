"""The context files of each folder and their digests, remembered between runs.

A run's key holds the digest of every context file (package.json, tsconfigs, lockfiles, bundler
configs) in every folder above a linted file: 2,600 folders and 280 files in a large monorepo,
listed and read again by every run answered from the cache (a fifth of its time). A folder whose
mtime is unchanged has the same entries, and a file whose stat is unchanged has the same bytes,
so both are remembered with the stat that vouches for them; a stat taken less than RACY_NS after
its mtime vouches for nothing (as in stamped_record and the facts cache).
"""

from __future__ import annotations

import os
import pickle
import time

from migrationlint.atomic import replace_file
from migrationlint.model.stamped_record import RACY_NS, stamp

FILE = "context"
MAGIC = b"migrationlint-context 10\n"  # bumped whenever run_cache.is_context_name changes: the folders' lists follow it


class ContextMemo:
    """folder -> (mtime, its context entries); file -> ((size, mtime, inode), digest)."""

    def __init__(self, directory: str | None) -> None:
        self.path = os.path.join(directory, FILE) if directory else None
        self.folders: dict[str, tuple[int, list[str]]] = {}
        self.files: dict[str, tuple[tuple[int, int, int], str]] = {}
        self._trusted_before = time.time_ns() - RACY_NS
        self._changed = False
        if self.path is not None:
            self._load()

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as fh:  # type: ignore[arg-type]
                if fh.read(len(MAGIC)) != MAGIC:
                    return
                folders, files = pickle.load(fh)
        except Exception:  # missing, truncated, foreign: list and read again
            return
        if isinstance(folders, dict) and isinstance(files, dict):
            self.folders, self.files = folders, files

    def entries(self, directory: str) -> list[str] | None:
        """The folder's context entry names as last listed, while its mtime vouches for them."""
        known = self.folders.get(directory)
        if known is None:
            return None
        now = stamp(directory)
        return known[1] if now is not None and now[0] == "m" and now[1] == known[0] else None

    def listed(self, directory: str, names: list[str]) -> None:
        now = stamp(directory)
        if now is not None and now[0] == "m" and now[1] < self._trusted_before:
            self.folders[directory] = (now[1], names)
            self._changed = True

    def digest(self, path: str, read) -> str:
        """The file's content digest: remembered when its stat is the one recorded, else `read(path)`."""
        try:
            st = os.stat(path)
        except OSError:
            return read(path)
        key = (st.st_size, st.st_mtime_ns, st.st_ino)
        known = self.files.get(path)
        if known is not None and known[0] == key:
            return known[1]
        found = read(path)
        if st.st_mtime_ns < self._trusted_before and found != "unreadable":
            self.files[path] = (key, found)
            self._changed = True
        return found

    def save(self) -> None:
        if self.path is None or not self._changed:
            return
        try:
            replace_file(self.path, MAGIC + pickle.dumps((self.folders, self.files), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
        self._changed = False
