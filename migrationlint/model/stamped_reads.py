"""A file reader memoised by the file's stamp (path, mtime, size): read once per version of the file,
read again once it changes (an editor's save, the language server's next run)."""

from __future__ import annotations

import os
from typing import Callable, TypeVar

T = TypeVar("T")


def read_by_stamp(path: str, read: Callable[[str, int, int], T]) -> T | None:
    """`read(path, mtime_ns, size)`, a reader memoised by that stamp; None when there is no file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return read(path, st.st_mtime_ns, st.st_size)
