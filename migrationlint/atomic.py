"""Write a file so that readers see either the old or the new bytes, never half of them."""

from __future__ import annotations

import os
import tempfile


def replace_file(path: str, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a temporary file in `path`'s directory, fsync it, give it `mode`, and
    rename it over `path`. On any failure the temporary file is removed and `path` is untouched."""
    fd, tmp = tempfile.mkstemp(prefix=".migrationlint-", suffix=".tmp", dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
