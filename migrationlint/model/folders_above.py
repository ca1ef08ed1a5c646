"""The folders a configuration may sit in for a package: its own and a few above it, or the nearest
that holds one.

Deployment tools keep their configuration at the root of what they deploy, which may be the
package's folder or a workspace root above it (a wrangler.toml naming a member's file, an SST app's
sst.config.ts): a lookup climbs a fixed number of folders, never the whole filesystem.
"""

from __future__ import annotations

import os
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


def folder_and_above(directory: str, levels: int) -> Iterator[str]:
    """`directory` and the folders above it, nearest first, `levels` in all (fewer at the top)."""
    folder = directory
    for _ in range(levels):
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def folders_up_to(root: str, file_path: str) -> list[str]:
    """The folders from the one holding `file_path` up to `root` (included), nearest first; none for a
    path outside `root`."""
    found, directory = [], os.path.dirname(file_path)
    while directory == root or directory.startswith(root.rstrip(os.sep) + os.sep):
        found.append(directory)
        if directory == root:
            break
        directory = os.path.dirname(directory)
    return found


def nearest_above(directory: str, root: str, memo: dict[str, T | None], probe: Callable[[str], T | None]) -> T | None:
    """The answer `probe` gives for the nearest folder at or above `directory` (up to `root`, inside
    it) for which it gives one, else None. Every folder walked keeps the answer in `memo`, so that
    the files of one tree probe each folder once (a site's config folder, a Deno config)."""
    walked = []
    found = None
    while True:
        if directory in memo:
            found = memo[directory]
            break
        walked.append(directory)
        found = probe(directory)
        if found is not None:
            break
        parent = os.path.dirname(directory)
        if directory == root or parent == directory or not directory.startswith(root):
            break
        directory = parent
    memo.update(dict.fromkeys(walked, found))
    return found
