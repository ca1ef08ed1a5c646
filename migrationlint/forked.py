"""One computation in a forked child, its result sent back pickled: what checks_apart and
discovery_apart share.

The child ignores Ctrl-C (the parent's to handle), sends the pickled result of `work()` and
exits at once, without cleaning up the parent's state (its cache files, its handlers). Anything
that goes wrong in the child (an error, a kill, nothing readable sent) makes `result()` None and
leaves the work to the parent. `fork_child` and `reap` are the same steps for a child that
streams (work_sharing's helpers). Linux only (fork): callers check `can_fork` first.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from typing import Callable


def can_fork() -> bool:
    """fork is available and safe: Linux, and no other thread (a lock one of them holds at the
    fork would stay held in the child)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def fork_child(body: Callable[[int], None], pipe_bytes: int = 0) -> tuple[int, int]:
    """(pid, read end of its pipe) of a child running `body(write_end)`: it ignores Ctrl-C (the
    parent's to handle) and exits at once when `body` returns or raises, without cleaning up the
    parent's state (its cache files, its handlers). `pipe_bytes`: a larger pipe, where Linux allows."""
    read_end, write_end = os.pipe()
    if pipe_bytes:
        try:
            import fcntl

            fcntl.fcntl(write_end, _F_SETPIPE_SZ, pipe_bytes)
        except OSError:
            pass  # the default size works, with more waiting
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            body(write_end)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent does the work itself
            pass
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def reap(pid: int, kill: bool) -> None:
    """Wait for a child, killing it first when asked (the parent stops early, or nothing came)."""
    try:
        if kill:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass


_F_SETPIPE_SZ = 1031  # Linux fcntl


class Forked:
    """`work()` running in a child from construction on; `result()` waits for it."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.pid, read_end = fork_child(lambda fd: _send(work(), fd))
        self._read_end: int | None = read_end

    def result(self) -> object | None:
        """The child's result, or None when it sent nothing readable; the child is reaped."""
        found = None
        try:
            with os.fdopen(self._take_read_end(), "rb") as fh:
                data = fh.read()
            found = pickle.loads(data)
        except Exception:  # noqa: BLE001 - nothing readable came back (the child failed)
            found = None
        finally:
            reap(self.pid, kill=found is None)
        return found

    def stop(self) -> None:
        """Kill and reap the child (the parent stops early)."""
        fd = self._take_read_end()
        if fd is not None:
            os.close(fd)
        reap(self.pid, kill=True)

    def _take_read_end(self) -> int | None:
        fd, self._read_end = self._read_end, None
        return fd


def _send(result: object, write_end: int) -> None:
    with os.fdopen(write_end, "wb") as fh:
        fh.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
