"""Standard output that survives a reader going away.

`migrationlint rules | head -1` closes the pipe while migrationlint is still writing. The rest of
the output is dropped quietly and the run keeps its own exit code; standard output is pointed at
/dev/null so that the interpreter's final flush cannot raise either.
"""

from __future__ import annotations

import os
import sys


def emit(text: str) -> None:
    """Write to standard output; a closed pipe (`migrationlint rules | head -1`) ends the output
    quietly and the run keeps its exit code."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()


def emit_bytes(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()


def quiet_stdout() -> None:
    """Point standard output at /dev/null so that the interpreter's final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
