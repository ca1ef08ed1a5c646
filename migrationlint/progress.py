"""A progress bar on standard error for long runs, and nothing otherwise.

Only when more than PROGRESS_MIN_FILES files are parsed and standard error is a terminal: a warm
run or a pre-commit run over a few files finishes before a bar would help, and machine-readable
output (json, sarif, lsp...) goes to standard output, which the bar never touches. The bar is
redrawn by the caller's progress, not by a thread, so that forking the worker pool stays safe.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

PROGRESS_MIN_FILES = 2000
_REDRAW_S = 0.1


def wanted(total: int) -> bool:
    return total > PROGRESS_MIN_FILES and sys.stderr.isatty()


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """Yield `advance(n)`; draws a transient rich bar on stderr when `wanted(total)`."""
    if not wanted(total):
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True, auto_refresh=False)
    task = bar.add_task(label, total=total)
    last = 0.0

    def advance(n: int) -> None:
        nonlocal last
        bar.advance(task, n)
        now = time.monotonic()
        if now - last >= _REDRAW_S:
            last = now
            bar.refresh()

    with bar:
        yield advance
