"""One computation in a forked child, its result sent back pickled: what checks_apart and
discovery_apart share.

The child ignores Ctrl-C (the parent's to handle), sends the pickled result of `work()` and
exits at once, without cleaning up the parent's state (its cache files, its handlers). Anything
that goes wrong in the child (an error, a kill, nothing readable sent) makes `result()` None and
leaves the work to the parent. Linux only (fork): callers check `can_fork` first.
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


class Forked:
    """`work()` running in a child from construction on; `result()` waits for it."""

    def __init__(self, work: Callable[[], object]) -> None:
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            os.close(read_end)
            _child(work, write_end)
        os.close(write_end)
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
            self._reap(kill=found is None)
        return found

    def stop(self) -> None:
        """Kill and reap the child (the parent stops early)."""
        fd = self._take_read_end()
        if fd is not None:
            os.close(fd)
        self._reap(kill=True)

    def _take_read_end(self) -> int | None:
        fd, self._read_end = self._read_end, None
        return fd

    def _reap(self, kill: bool) -> None:
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def _child(work: Callable[[], object], write_end: int) -> None:
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as fh:
            fh.write(data)
        code = 0
    except BaseException:  # noqa: BLE001 - the parent does the work itself
        pass
    finally:
        os._exit(code)
