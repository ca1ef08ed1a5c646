"""The facts cache: FileFacts of unchanged files, so that a warm run parses nothing.

Layout of the cache directory (`.migrationlint_cache/` at the workspace root, or `cache-dir`):

    .gitignore   `*`, so that the cache never shows up in `git status`
    index        MAGIC, the key line, then a pickle: path -> Entry
    pack-<id>    the pickled FileFacts of the entries, one blob after another

Why one index and one pack instead of a file per source: a warm run over 10,000 files opens two
files instead of 10,000, stats the sources instead of reading them, and unpickles only the blobs
it needs (read by offset), so a run over five files stays cheap in any repository.

When is an entry trusted without reading the file? When size, mtime_ns and inode match AND the
mtime was at least RACY_NS older than the moment the entry was recorded. A file rewritten within
the filesystem's timestamp granularity keeps its mtime (git's "racily clean" problem), so a
recent mtime proves nothing: such entries, and entries whose stat differs, are checked by reading
the file and comparing its content digest. Content decides; the stat only lets us skip the read.

The key (tool version, Python version, the text of the modules defining the fact records, which
holds FACTS_VERSION) is in the index header: any change discards the whole cache. Unreadable,
corrupt or foreign data are misses, never errors. New blobs are appended to the pack under a lock, then the index is replaced
atomically (temporary file + rename): a reader sees the old or the new index, each complete.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import time
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from migrationlint import __version__
from migrationlint.atomic import make_cache_dir, replace_file
from migrationlint.extract.sources import MENTION_WORDS

if TYPE_CHECKING:
    from migrationlint.extract.records import FileFacts

DIR_NAME = ".migrationlint_cache"
MAGIC = b"migrationlint-cache 1\n"
RACY_NS = 2_000_000_000  # FAT and HFS+ keep 1-2 s timestamps; ext4's coarse clock a few ms
INDEX = "index"


class Entry(NamedTuple):
    size: int
    mtime_ns: int
    ino: int
    trusted: bool  # stat alone proves the content (mtime older than RACY_NS at recording)
    digest: str
    offset: int
    length: int
    words: int = 0  # FileFacts.words of the blob: which MENTION_WORDS the file holds


RECORD_MODULES = ("records", "nest_records")  # the modules of migrationlint.extract defining fact records
EXTRACT_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "extract")


@functools.cache
def _register_reducers() -> str:
    """Pickle the facts dataclasses as `(cls, field values)`: 6x faster to dump and about a third
    faster to load than the default slots state dicts (loading 10,000 files' facts is the bulk of
    a warm run), and a third smaller. Classes with init=False fields keep the default. Done on the
    first facts pickled, not on import: a run answered from the run cache never imports the
    records (9 ms of a pre-commit run). Returns the classes' layout."""
    import copyreg
    import dataclasses
    import importlib

    layout: list[str] = []
    imported = [importlib.import_module(f"migrationlint.extract.{name}") for name in RECORD_MODULES]
    modules = {m.__name__: m for m in imported}
    classes = [c for m in modules.values() for c in vars(m).values() if isinstance(c, type)]
    for cls in classes:
        if not (dataclasses.is_dataclass(cls) and cls.__module__ in modules):
            continue
        fields = dataclasses.fields(cls)
        if any(not f.init for f in fields):
            continue
        names = tuple(f.name for f in fields)
        copyreg.pickle(cls, lambda obj, cls=cls, names=names: (cls, tuple([getattr(obj, n) for n in names])))
        layout.append(f"{cls.__name__}({','.join(names)})")
    return ";".join(sorted(layout))


def dumps_facts(facts: FileFacts) -> bytes:
    """The blob the cache stores for `facts` (and extraction's workers send back)."""
    _register_reducers()
    return pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)


@functools.cache
def records_digest(extract_dir: str = EXTRACT_DIR) -> str:
    """What the key holds of the fact records: the text of their modules, read, not imported. A
    blob holds field values by position, so a field added, moved or removed must discard the
    cache even without a FACTS_VERSION bump (a line of that text too). Where no source ships,
    the classes' layout, as imported."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        for name in RECORD_MODULES:
            with open(os.path.join(extract_dir, f"{name}.py"), "rb") as fh:
                digest.update(fh.read())
    except OSError:
        return _register_reducers()
    return digest.hexdigest()


def content_digest(data: bytes) -> str:
    """The digest FileFacts carry (facts.extract uses the same function of the bytes)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def cache_key() -> bytes:
    """Everything that changes what extraction produces; part of the index header."""
    parts = (__version__, f"{sys.version_info[0]}.{sys.version_info[1]}", records_digest(),
             repr(MENTION_WORDS))  # FileFacts.words are bits of that list
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest().encode()


def cache_dir(root: str, configured: str | None, config_root: str | None) -> str:
    """The cache directory: `cache-dir` relative to the configuration's directory, else at the root."""
    if configured:
        return os.path.normpath(os.path.join(config_root or os.getcwd(), configured))
    return os.path.join(root, DIR_NAME)


StatKey = tuple[int, int, int]  # size, mtime_ns, inode: taken BEFORE the read it vouches for


def stat_of(st: os.stat_result) -> StatKey:
    return st.st_size, st.st_mtime_ns, st.st_ino


class FactsCache:
    """One run's view of the cache: lookups against the index it loaded, new blobs kept for save()."""

    def __init__(self, directory: str, key: bytes) -> None:
        self.directory = directory
        self.key = key
        self.entries: dict[str, Entry] = {}
        self.pack_name: str | None = None
        self._pack: BinaryIO | None = None
        self._pack_size = 0
        self._new: dict[str, tuple[Entry, bytes]] = {}  # path -> (entry with offset -1, blob)
        self._restat: dict[str, Entry] = {}  # path -> entry with a refreshed stat, same blob
        try:
            # before the run lists the tree: the folder appearing in the workspace root after the
            # listing would change the root's mtime, and the next run would list the tree again
            make_cache_dir(directory)
        except OSError:
            pass  # an unwritable location: nothing is cached, the run goes on
        self._load()

    # ------------------------------------------------------------------ reading

    def _load(self) -> None:
        parsed = _read_index(os.path.join(self.directory, INDEX), self.key)
        if parsed is not None:
            self.pack_name, self.entries = parsed

    def _blob(self, e: Entry) -> bytes | None:
        """The bytes of one entry, read on demand. Not a memory map: its pages would stay resident
        and count in the run's memory, a plain read is freed once the blob is unpickled."""
        if self._pack is None and self.pack_name:
            try:
                self._pack = open(os.path.join(self.directory, self.pack_name), "rb")
                self._pack_size = os.fstat(self._pack.fileno()).st_size
            except OSError:
                return None
        if self._pack is None or e.offset < 0 or e.offset + e.length > self._pack_size:
            return None
        try:
            self._pack.seek(e.offset)
            blob = self._pack.read(e.length)
        except OSError:
            return None
        return blob if len(blob) == e.length else None

    def entry(self, path: str) -> Entry | None:
        return self.entries.get(path)

    def fresh(self, path: str, st: StatKey) -> FileFacts | None:
        """Facts for `path` when its stat alone proves the cached entry current (no read needed)."""
        e = self.entries.get(path)
        if e is None or not e.trusted or (e.size, e.mtime_ns, e.ino) != st:
            return None
        return self._facts(path, e)

    def by_content(self, path: str, st: StatKey, digest: str) -> FileFacts | None:
        """Facts for `path` whose bytes (read by the caller) have `digest`; refreshes the stat."""
        e = self.entries.get(path)
        if e is None or e.digest != digest:
            return None
        facts = self._facts(path, e)
        if facts is not None:
            fresh = _entry(st, digest, e.offset, e.length, e.words)
            if fresh != e:
                self._restat[path] = fresh
        return facts

    def recorded(self, path: str, digest: str) -> FileFacts | None:
        """The facts stored for `path` when they were read from bytes with `digest`, whatever the
        file holds now (the incremental run compares an edited file's facts with its last ones).
        Reads only: nothing is refreshed."""
        e = self.entries.get(path)
        return self._facts(path, e) if e is not None and e.digest == digest else None

    def _facts(self, path: str, e: Entry) -> FileFacts | None:
        blob = self._blob(e)
        if blob is None:
            return None
        from migrationlint.extract.records import FileFacts  # loaded by the blob anyway

        try:
            facts = pickle.loads(blob)
        except Exception:  # a corrupt blob is a miss: re-extracted and rewritten
            return None
        if not isinstance(facts, FileFacts) or facts.path != path:
            return None
        return facts

    # ------------------------------------------------------------------ writing

    def words(self, path: str, st: StatKey) -> tuple[int, str] | None:
        """(which MENTION_WORDS `path` holds, as bits; its content digest), when a trusted entry
        with stat `st` (a stat of the file now) proves its content; None when only reading it can
        tell."""
        found = self._new.get(path)
        e = found[0] if found is not None else self._restat.get(path) or self.entries.get(path)
        if e is None or not e.trusted or (e.size, e.mtime_ns, e.ino) != st:
            return None
        return e.words, e.digest

    def store(self, path: str, st: StatKey, digest: str, blob: bytes, words: int = 0) -> None:
        """Remember the pickled facts of `path`, read with stat `st` taken before the read."""
        self._new[path] = (_entry(st, digest, -1, len(blob), words), blob)
        self._restat.pop(path, None)

    @property
    def dirty(self) -> bool:
        return bool(self._new or self._restat)

    def save(self) -> None:
        """Append new blobs and replace the index; any OSError leaves the cache as it was."""
        if not self.dirty:
            return
        try:
            make_cache_dir(self.directory)
            with _Lock(self.directory):
                self._save_locked()
        except OSError:
            pass
        self._new.clear()
        self._restat.clear()

    def _save_locked(self) -> None:
        on_disk = _read_index(os.path.join(self.directory, INDEX), self.key)
        pack_name, entries = on_disk if on_disk is not None else (None, {})
        if pack_name is not None and not os.path.isfile(os.path.join(self.directory, pack_name)):
            pack_name, entries = None, {}
        if pack_name == self.pack_name:  # nobody compacted since we loaded: our refreshed stats hold
            entries.update(self._restat)
        if pack_name is None:
            pack_name = f"pack-{os.urandom(16).hex()}"
        pack_path = os.path.join(self.directory, pack_name)
        chunks: list[bytes] = []
        fd = os.open(pack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            start = os.fstat(fd).st_size
            offset = start
            for path, (e, blob) in self._new.items():
                entries[path] = e._replace(offset=offset)
                chunks.append(blob)
                offset += len(blob)
            _write_all(fd, b"".join(chunks))
            os.fsync(fd)
            size = os.lseek(fd, 0, os.SEEK_END)
        finally:
            os.close(fd)
        live = sum(e.length for e in entries.values())
        if size - live > max(live, 16 * 1024 * 1024):
            pack_name, entries = _compact(self.directory, pack_name, entries)
        _write_index(self.directory, self.key, pack_name, entries)
        _remove_stale_packs(self.directory, pack_name)

    def close(self) -> None:
        if self._pack is not None:
            self._pack.close()
        self._pack = None


def _entry(st: StatKey, digest: str, offset: int, length: int, words: int = 0) -> Entry:
    size, mtime_ns, ino = st
    trusted = mtime_ns < time.time_ns() - RACY_NS
    return Entry(size, mtime_ns, ino, trusted, digest, offset, length, words)


def _read_index(path: str, key: bytes) -> tuple[str, dict[str, Entry]] | None:
    """(pack name, entries) of the index at `path` when it is ours and intact, else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(MAGIC))
            if head != MAGIC or fh.readline().rstrip(b"\n") != key:
                return None
            payload = pickle.load(fh)
    except Exception:  # missing, unreadable, truncated or foreign: start afresh
        return None
    if not isinstance(payload, tuple) or len(payload) != 2:
        return None
    pack_name, raw = payload
    if not isinstance(pack_name, str) or not isinstance(raw, dict):
        return None
    # tuple.__new__ instead of Entry(*e): the same tuples, without a Python call each (7,000 of them
    # are a millisecond of a pre-commit run)
    width = len(Entry._fields)
    entries = {p: _new_tuple(Entry, e) for p, e in raw.items() if type(e) is tuple and len(e) == width}
    return (pack_name, entries) if len(entries) == len(raw) else None


_new_tuple = tuple.__new__


def _write_index(directory: str, key: bytes, pack_name: str, entries: dict[str, Entry]) -> None:
    payload = (pack_name, {p: tuple(e) for p, e in entries.items()})
    data = MAGIC + key + b"\n" + pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    replace_file(os.path.join(directory, INDEX), data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _compact(directory: str, pack_name: str, entries: dict[str, Entry]) -> tuple[str, dict[str, Entry]]:
    """Copy the live blobs of existing files into a new pack (the old one goes after the index)."""
    new_name = f"pack-{os.urandom(16).hex()}"
    kept: dict[str, Entry] = {}
    chunks: list[bytes] = []
    offset = 0
    with open(os.path.join(directory, pack_name), "rb") as fh:
        old = fh.read()
    for path, e in entries.items():
        if not os.path.exists(path):
            continue
        chunks.append(old[e.offset:e.offset + e.length])
        kept[path] = e._replace(offset=offset)
        offset += e.length
    replace_file(os.path.join(directory, new_name), b"".join(chunks))
    return new_name, kept


def _remove_stale_packs(directory: str, current: str) -> None:
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        if name.startswith("pack-") and name != current:
            try:
                os.unlink(os.path.join(directory, name))
            except OSError:
                pass


class _Lock:
    """An exclusive lock on `<dir>/lock` while saving (no-op where fcntl does not exist)."""

    def __init__(self, directory: str) -> None:
        self.path = os.path.join(directory, "lock")
        self.fd: int | None = None

    def __enter__(self) -> _Lock:
        try:
            import fcntl
        except ImportError:
            return self
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the flock
