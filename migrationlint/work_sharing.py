"""Extraction over several processes, this one included: the chunks of files go to whoever is free.

Why not a process pool: with a pool this process only waits and unpickles what the workers send,
so on two cores three processes compete, every file's facts are pickled and unpickled once, and
the last chunks run on one core while the other idles. Here this process extracts too: it forks
`workers - 1` helpers (Linux, fork), and every process takes the next chunk index from one shared
pipe that holds them all (a read of 4 bytes from a pipe is atomic, so each index goes to exactly
one reader, and the pipe's end says "nothing left"). The facts this process extracts never cross a
process boundary; the helpers send theirs pickled, in the form the cache stores, and this process
reads them between its own files, so no helper waits long on a full pipe.

Nothing is lost when a helper fails (killed, out of memory, an error): a chunk whose facts did not
arrive whole is extracted here afterwards, as one process would, errors included. Ctrl-C is this
process's to handle: helpers ignore it and are killed when this process stops early.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
from typing import Callable, Iterator, TypeVar

from migrationlint.forked import fork_child, reap

Result = TypeVar("Result")

_INDEX = struct.Struct("<I")
_FRAME = struct.Struct("<IQ")  # chunk index, payload length
_PIPE_BYTES = 1 << 20


def shared_results(chunks: list[list[str]], workers: int, here: Callable[[str], Result],
                   away: Callable[[str], Result]) -> Iterator[Result]:
    """The result of every path of `chunks`, in no particular order: `here(path)` for the chunks this
    process takes, `away(path)` (picklable results) for those a helper takes. `workers` counts this
    process."""
    tokens_read, tokens_write = os.pipe()
    _write_all(tokens_write, b"".join(_INDEX.pack(i) for i in range(len(chunks))))  # fits: see extraction.MAX_CHUNKS
    os.close(tokens_write)  # before forking: the pipe ends when every index is taken
    helpers: dict[int, int] = {}  # read end -> pid
    done: set[int] = set()
    try:
        for _ in range(workers - 1):
            read_end, pid = _fork_helper(chunks, tokens_read, away)
            helpers[read_end] = pid
        inbox = _Inbox(list(helpers))
        while (index := _take(tokens_read)) is not None:
            for path in chunks[index]:
                yield here(path)
                yield from inbox.ready(done)
            done.add(index)
        yield from inbox.rest(done)
        for index in range(len(chunks)):  # chunks a helper took but did not deliver whole
            if index not in done:
                yield from map(here, chunks[index])
    finally:
        os.close(tokens_read)
        for read_end, pid in helpers.items():
            _end_helper(read_end, pid)


def _fork_helper(chunks: list[list[str]], tokens: int, away: Callable[[str], Result]) -> tuple[int, int]:
    """(read end, pid) of a helper that takes chunks until none is left and sends each chunk's
    results as one frame."""
    def body(write_end: int) -> None:
        while (index := _take(tokens)) is not None:
            payload = pickle.dumps([away(path) for path in chunks[index]], protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(write_end, _FRAME.pack(index, len(payload)) + payload)

    pid, read_end = fork_child(body, pipe_bytes=_PIPE_BYTES)  # a whole chunk fits without waiting
    return read_end, pid


def _take(tokens: int) -> int | None:
    raw = os.read(tokens, _INDEX.size)
    return _INDEX.unpack(raw)[0] if len(raw) == _INDEX.size else None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _end_helper(read_end: int, pid: int) -> None:
    """Reap a helper; one still running (this process stopped early) is killed first."""
    try:
        os.close(read_end)
    except OSError:
        pass
    try:
        running = os.waitpid(pid, os.WNOHANG) == (0, 0)
    except OSError:
        return
    if running:
        reap(pid, kill=True)


class _Inbox:
    """The helpers' frames, read as they come: `ready` takes what is there without waiting, `rest`
    waits for every helper to finish. A frame cut short (the helper died) is dropped."""

    def __init__(self, fds: list[int]) -> None:
        self._open = set(fds)
        self._buffers = {fd: bytearray() for fd in fds}

    def ready(self, done: set[int]) -> Iterator:
        if self._open:
            yield from self._read(0, done)

    def rest(self, done: set[int]) -> Iterator:
        while self._open:
            yield from self._read(None, done)

    def _read(self, timeout: float | None, done: set[int]) -> Iterator:
        readable, _, _ = select.select(list(self._open), [], [], timeout)
        for fd in readable:
            data = os.read(fd, _PIPE_BYTES)
            if not data:
                self._open.discard(fd)
                continue
            buffer = self._buffers[fd]
            buffer += data
            yield from self._frames(buffer, done)

    @staticmethod
    def _frames(buffer: bytearray, done: set[int]) -> Iterator:
        while len(buffer) >= _FRAME.size:
            index, size = _FRAME.unpack_from(buffer)
            end = _FRAME.size + size
            if len(buffer) < end:
                return
            results = pickle.loads(buffer[_FRAME.size:end])
            del buffer[:end]
            done.add(index)
            yield from results
