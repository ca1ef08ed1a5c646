"""Parsed workspace data (lockfiles) kept by content digest, so that only a changed file is parsed.

Why: a megabyte pnpm-lock.yaml or yarn.lock costs a second of YAML parsing, more than a warm run
over a whole repository or an editor's few files. The parsed result is small and pickles in a few
milliseconds, and the bytes are cheap to hash, so a run reads the file, hashes it, and loads the
parse of those exact bytes if an earlier run stored it. Content decides, never a timestamp.

Two levels:
- in memory, for the life of the process: the fixer re-lints up to ten times per run and the
  language server lints on every change, each time with a fresh Workspace;
- on disk, in `<cache dir>/parsed/`, one file per source path holding the parse of its current
  content (a new content replaces it). The file starts with MAGIC and a key of the tool version,
  the Python version, PARSED_VERSION and the parser module's own source, so a parser change never
  meets an old result. Unreadable, corrupt or foreign files are misses, never errors, and the
  disk level is skipped altogether with `--no-cache`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections import OrderedDict
from typing import Callable, TypeVar

from migrationlint import __version__
from migrationlint.atomic import make_cache_dir, replace_file

T = TypeVar("T")
MAGIC = b"migrationlint-parsed 1\n"
PARSED_VERSION = 1  # bump when a parser's result changes in a way its source text does not show
SUBDIR = "parsed"
_MEMORY_SLOTS = 8  # a workspace has one lockfile, nested projects a few more
_memory: OrderedDict[tuple[str, str, str], object] = OrderedDict()


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _key(parser_files: tuple[str, ...]) -> bytes:
    """What makes a stored parse valid besides the source bytes: the code that produced it (every
    module of the parser: a change to any of them parses again)."""
    sources = []
    for parser_file in parser_files:
        try:
            with open(parser_file, "rb") as fh:
                sources.append(digest(fh.read()))
        except OSError:
            sources.append("")
    parts = (__version__, str(PARSED_VERSION), f"{sys.version_info[0]}.{sys.version_info[1]}", *sources)
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest().encode()


class ParsedCache:
    """The disk level, in one cache directory (None: memory only, as with --no-cache)."""

    def __init__(self, cache_dir: str | None) -> None:
        self.directory = os.path.join(cache_dir, SUBDIR) if cache_dir else None
        self._keys: dict[tuple[str, ...], bytes] = {}
        self.parsed = 0  # how many parses this cache could not spare (tests read it)

    def _file(self, path: str) -> str:
        assert self.directory is not None
        return os.path.join(self.directory, digest(os.path.abspath(path).encode()))

    def _key_of(self, parser_files: tuple[str, ...]) -> bytes:
        key = self._keys.get(parser_files)
        if key is None:
            key = self._keys[parser_files] = _key(parser_files)
        return key

    def load(self, path: str, content: str, parser_files: tuple[str, ...]) -> tuple | None:
        """(the stored parse,) of `path` when it was made from bytes with digest `content` (a
        tuple, because a parse may be None: an unreadable lockfile is stored as such too)."""
        if self.directory is None:
            return None
        try:
            with open(self._file(path), "rb") as fh:
                if fh.read(len(MAGIC)) != MAGIC or fh.readline().rstrip(b"\n") != self._key_of(parser_files):
                    return None
                if fh.readline().rstrip(b"\n") != content.encode():
                    return None
                found = pickle.load(fh)
        except Exception:  # missing, truncated, foreign: parse again
            return None
        return found if isinstance(found, tuple) and len(found) == 1 else None

    def store(self, path: str, content: str, parser_files: tuple[str, ...], value: object) -> None:
        """Replace the stored parse of `path`; a failure to write only costs the next run a parse."""
        if self.directory is None:
            return
        data = b"".join((MAGIC, self._key_of(parser_files), b"\n", content.encode(), b"\n",
                         pickle.dumps((value,), protocol=pickle.HIGHEST_PROTOCOL)))
        try:
            ensure_subdir(os.path.dirname(self.directory))
            replace_file(self._file(path), data)
        except OSError:
            pass

    def get(self, path: str, data: bytes, parse: Callable[[bytes], T], parser_files: tuple[str, ...]) -> T:
        """`parse(data)` for the file at `path`, from memory or disk when these bytes were parsed
        before. `parser_files` are the modules whose code `parse` is (part of the disk key)."""
        content = digest(data)
        slot = (os.path.abspath(path), content, parser_files)
        if slot in _memory:
            _memory.move_to_end(slot)
            return _memory[slot]  # type: ignore[return-value]
        stored = self.load(path, content, parser_files)
        if stored is not None:
            value = stored[0]
        else:
            self.parsed += 1
            value = parse(data)
            self.store(path, content, parser_files, value)
        _memory[slot] = value
        while len(_memory) > _MEMORY_SLOTS:
            _memory.popitem(last=False)
        return value  # type: ignore[return-value]


def ensure_subdir(cache_dir: str) -> None:
    """Create `<cache dir>/parsed`, and the cache directory itself the way the facts cache does
    (a `.gitignore` of `*`, a CACHEDIR.TAG), since a run may store parsed data before facts."""
    make_cache_dir(cache_dir)
    os.makedirs(os.path.join(cache_dir, SUBDIR), exist_ok=True)


def forget_memory() -> None:
    """Drop the in-memory level (tests that count parses start from an empty process state)."""
    _memory.clear()
