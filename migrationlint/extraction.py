"""Many files -> FileFacts: the extraction step of the pipeline, with the cache and parallelism.

Kept apart from the pipeline so that caching and parallelism live in one place:
- files given as in-memory texts (`overrides`: editor buffers, fixes in progress) are extracted
  from those bytes and never touch the cache, which describes the disk only;
- other files come from the cache when it proves them unchanged (cache.py), else are parsed;
- many files to parse are shared between this process and forked helpers (work_sharing.py;
  trees do not pickle and `Parser.parse` holds the GIL): helpers get paths, read and parse the
  files themselves and send back pickled FileFacts, which is also the form the cache stores.
  Where fork is not safe (not Linux), a spawned pool does the same without this process. Few
  files stay in this process (no start-up cost).
Bytes are not kept: `SourceMap` reads a file again only when a reporter or the suppression
filter needs it (the few files with diagnostics), which keeps a 50 MB run's memory flat.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
import pickle
from collections.abc import Callable, Iterator, Mapping

from migrationlint.cache.facts_cache import FactsCache, StatKey, cache_dir, cache_key, content_digest, dumps_facts, stat_of
from migrationlint.forked import can_fork
from migrationlint.settings import Settings
from migrationlint.extract.sources import (
    MENTION_WORDS,
    Reader,
    facts_for_bytes,
    mention_bits,
    read_bytes,
    skipped,
)

# Files to parse from which a pool pays off. Measured on this 2-core machine (benchmarks tree):
# forking two workers costs about 40 ms, the average file about 1 ms to extract.
POOL_THRESHOLD = 150
CHUNKS_PER_WORKER = 32
MAX_CHUNKS = 4096  # 16 KB of 4-byte indices: within any pipe's capacity

PARSED: list[str] = []  # every path whose facts were computed (not cached) in this process; tests read it


_SCANNED_BYTES = 24 * 1024 * 1024  # a run keeps at most this much of the files it searched

class SourceMap(Mapping[str, bytes]):
    """The bytes of the linted files, read from disk on first use (in-memory texts kept as given)."""

    def __init__(self, paths: list[str], kept: Mapping[str, bytes], read: Reader) -> None:
        self._paths = set(paths) | set(kept)
        self._data: dict[str, bytes] = dict(kept)
        self._read = read

    def __getitem__(self, path: str) -> bytes:
        data = self._data.get(path)
        if data is None:
            if path not in self._paths:
                raise KeyError(path)
            try:
                data = self._read(path)
            except OSError:
                raise KeyError(path) from None
            self._data[path] = data
        return data

    def __contains__(self, path: object) -> bool:
        return path in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._paths))

    def __len__(self) -> int:
        return len(self._paths)


class FactsStore:
    """One run's source of FileFacts: overrides, then the cache, then the parser."""

    def __init__(self, settings: Settings, root: str, read: Reader = read_bytes,
                 overrides: Mapping[str, bytes] | None = None, use_cache: bool = False) -> None:
        self.overrides = dict(overrides or {})
        self.read = read
        # a reader we do not know (not the disk, not the overlay of `overrides`) cannot be cached
        self.disk = read is read_bytes or overrides is not None
        self.cache: FactsCache | None = None
        if use_cache and self.disk:
            self.cache = FactsCache(cache_dir(root, settings.cache_dir, settings.config_root),
                                    cache_key())
        self._loaded: dict[str, FileFacts | None] = {}
        self._extracted: dict[str, FileFacts] = {}
        self._scanned: dict[str, str] = {}
        # the bytes of files searched for a word, kept up to _SCANNED_BYTES in all: the searches for
        # importers and for files naming a file ask the same files for many words
        self._texts: dict[str, bytes] = {}
        self._texts_size = 0
        self._words: dict[str, int] = {}  # an incremental attempt's files, not parsed twice
        self._on_facts: Callable[[str, FileFacts], None] | None = None  # extract's callback, while it runs

    # ------------------------------------------------------------------ public

    def extract(self, files: list[str], jobs: int | None = None,
                on_facts: Callable[[str, FileFacts], None] | None = None) -> tuple[SourceMap, dict[str, FileFacts]]:
        """Facts of every file, in `files` order, and a lazy map of their bytes. `on_facts(path,
        facts)` is called for each file as its facts are known: while helpers still extract, for
        the files being parsed (import_requests.py)."""
        found: dict[str, FileFacts] = {}
        todo: list[str] = []
        for path in files:
            f = self._extracted.get(path) or self._quick(path)
            if f is None:
                todo.append(path)
            else:
                found[path] = f
                if on_facts is not None:
                    on_facts(path, f)
        self._on_facts = on_facts
        try:
            self._parse(todo, jobs, found)
        finally:
            self._on_facts = None
        facts = {p: found[p] for p in files}
        self._extracted.update(facts)
        readable = [p for p, f in facts.items() if p not in self.overrides and not unreadable(f)]
        kept = {p: self.overrides[p] for p in files if p in self.overrides}
        return SourceMap(readable, kept, self.read), facts

    def load(self, path: str) -> FileFacts | None:
        """Facts of one file outside the linted set (Project.load_facts), memoized for the run."""
        if path not in self._loaded:
            if path not in self.overrides and not os.path.isfile(path):
                self._loaded[path] = None
            else:
                found: dict[str, FileFacts] = {}
                f = self._quick(path)
                if f is None:
                    self._parse([path], 1, found)
                    f = found[path]
                self._loaded[path] = f
        return self._loaded[path]

    def mentions(self, path: str, word: bytes) -> bool:
        """`sources.file_mentions`, answered from the cache for an unchanged file (Project.mentions).
        The files scanned are inputs of the run like the facts it loaded (`scanned`): a file that
        did not mention the word may come to."""
        if path in self.overrides:
            return word in self.overrides[path]
        if word in MENTION_WORDS:
            return bool(self._words_of(path) & (1 << MENTION_WORDS.index(word)))
        data = self._read_scanned(path)
        return data is not None and word in data

    def _words_of(self, path: str) -> int:
        """The MENTION_WORDS of `path` as bits: from a trusted cache entry, else read once a run."""
        bits = self._words.get(path)
        if bits is None:
            known = None
            parsed = self._extracted.get(path)
            if parsed is not None and parsed.digest:  # this run read it already (`words` of its bytes)
                known = parsed.words, parsed.digest
            elif self.cache is not None:
                try:
                    known = self.cache.words(path, stat_of(os.stat(path)))
                except OSError:
                    known = None
            if known is not None:
                bits, self._scanned[path] = known
            else:
                data = self._read_scanned(path)
                bits = mention_bits(data) if data is not None else 0
            self._words[path] = bits
        return bits

    def readers(self) -> dict[str, Callable]:
        """The Project fields that read files through this store, so that what the checks read is an
        input of the run: `load_facts`, `mentions`, `read_context`."""
        return {"load_facts": self.load, "mentions": self.mentions, "read_context": self.read_context}

    def read_context(self, path: str) -> bytes | None:
        """The bytes of a file a check reads whole (a script a package.json runs), None when
        unreadable: an input of the run like the files `mentions` searched (`scanned`), so that a
        cached run sees it change."""
        if path in self.overrides:
            return self.overrides[path]
        return self._read_scanned(path)

    def _read_scanned(self, path: str) -> bytes | None:
        kept = self._texts.get(path)
        if kept is not None:
            return kept
        try:
            data = read_bytes(path)
        except OSError:
            self._scanned[path] = ""
            return None
        if path not in self._scanned:  # a file searched again, its text dropped (the budget was spent): known
            self._scanned[path] = content_digest(data)
        if self._texts_size + len(data) <= _SCANNED_BYTES:
            self._texts[path] = data
            self._texts_size += len(data)
        return data

    def add_reads(self, loaded: dict[str, FileFacts | None], scanned: dict[str, str]) -> None:
        """Facts loaded and files searched by checks run in another process (checks_apart.py):
        inputs of this run like its own."""
        for path, facts in loaded.items():
            self._loaded.setdefault(path, facts)
        for path, digest in scanned.items():
            self._scanned.setdefault(path, digest)

    @property
    def scanned(self) -> dict[str, str]:
        """path -> content digest ('' when unreadable) of the files `mentions` looked into."""
        return dict(self._scanned)

    @property
    def loaded(self) -> dict[str, FileFacts | None]:
        """Facts loaded for files outside the linted set so far (None: no such file)."""
        return dict(self._loaded)

    def save(self) -> None:
        if self.cache is not None:
            self.cache.save()
            self.cache.close()

    # ------------------------------------------------------------------ steps

    def _quick(self, path: str) -> FileFacts | None:
        """Facts without parsing: from an override's bytes (parsed, but cheap to tell) or the cache."""
        if path in self.overrides:
            PARSED.append(path)
            return facts_for_bytes(path, self.overrides[path])
        if self.cache is None:
            return None
        try:
            st = stat_of(os.stat(path))
        except OSError:
            return None  # the parse step reports it as unreadable
        f = self.cache.fresh(path, st)
        if f is not None:
            return f
        entry = self.cache.entry(path)
        if entry is None or entry.size != st[0]:
            return None
        try:
            data = read_bytes(path)
        except OSError:
            return None
        return self.cache.by_content(path, st, content_digest(data))

    def _parse(self, paths: list[str], jobs: int | None, found: dict[str, FileFacts]) -> None:
        if not paths:
            return
        PARSED.extend(paths)
        workers = _workers(len(paths), jobs)
        if not self.disk:
            for path in paths:
                found[path] = _load_with(path, self.read)
            return
        if workers == 1:
            self._collect(map(extract_one, paths), len(paths), found)
            return
        chunks = _chunks(paths, workers)
        if can_fork():  # this process extracts beside its helpers, which inherit the imported modules
            from migrationlint.work_sharing import shared_results

            self._collect(shared_results(chunks, workers, extract_one, _extract_pickled), len(paths), found)
            return
        with _context().Pool(workers, initializer=_ignore_sigint) as pool:  # forked before any progress output starts
            self._collect(_pool_results(pool, chunks), len(paths), found)

    def _collect(self, results, total: int, found: dict[str, FileFacts]) -> None:
        with _progress(total) as advance:
            for path, st, digest, blob in results:
                f = pickle.loads(blob) if isinstance(blob, bytes) else blob
                found[path] = f
                if self._on_facts is not None:
                    self._on_facts(path, f)
                if self.cache is not None and st is not None:
                    self.cache.store(path, st, digest, blob if isinstance(blob, bytes) else dumps_facts(f), f.words)
                advance(1)


# ---------------------------------------------------------------------- per file, any process

def unreadable(f: FileFacts) -> bool:
    return bool(f.skipped) and f.skipped.startswith("cannot read")


def _load_with(path: str, read: Reader) -> FileFacts:
    try:
        data = read(path)
    except OSError as exc:
        return skipped(path, f"cannot read: {exc.strerror or exc}")
    return facts_for_bytes(path, data)


def extract_one(path: str) -> tuple[str, StatKey | None, str, FileFacts]:
    """Stat (before reading: the stat vouches for what was read), read and extract one file."""
    try:
        with open(path, "rb") as fh:
            st = stat_of(os.fstat(fh.fileno()))
            data = fh.read()
    except OSError as exc:
        return path, None, "", skipped(path, f"cannot read: {exc.strerror or exc}")
    facts = facts_for_bytes(path, data)
    return path, st, facts.digest or content_digest(data), facts


def _extract_pickled(path: str) -> tuple[str, StatKey | None, str, bytes]:
    """In another process: the facts go back pickled once, in the form the cache stores them."""
    p, st, digest, facts = extract_one(path)
    return p, st, digest, dumps_facts(facts)


def _extract_chunk(paths: list[str]) -> list[tuple[str, StatKey | None, str, bytes]]:
    return [_extract_pickled(path) for path in paths]


# ---------------------------------------------------------------------- the pool

def _workers(count: int, jobs: int | None) -> int:
    """Worker processes for `count` files: `--jobs` when given, else the cores for big inputs."""
    if count < 2:
        return 1
    if jobs is not None:
        return max(1, min(jobs, count))
    if count < POOL_THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, count // (POOL_THRESHOLD // 2)))


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool: one message, no worker
    tracebacks."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


if TYPE_CHECKING:
    from migrationlint.extract.records import FileFacts
    import multiprocessing.context


def _context() -> multiprocessing.context.BaseContext:
    """Where fork is not safe, a spawned pool. Imported here: a run small enough for one process
    never needs it."""
    import multiprocessing

    return multiprocessing.get_context("spawn")


def _chunks(paths: list[str], workers: int) -> list[list[str]]:
    """About CHUNKS_PER_WORKER chunks per process, never more than MAX_CHUNKS (their indices are
    written into one pipe before any process reads it: work_sharing.py)."""
    size = max(1, len(paths) // (workers * CHUNKS_PER_WORKER), -(-len(paths) // MAX_CHUNKS))
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def _pool_results(pool, chunks: list[list[str]]) -> Iterator[tuple[str, StatKey | None, str, bytes]]:
    for batch in pool.imap_unordered(_extract_chunk, chunks):
        yield from batch


def _progress(total: int):
    from migrationlint.progress import progress

    return progress(total, "Extracting")
