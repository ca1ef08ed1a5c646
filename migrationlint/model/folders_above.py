"""The folders a configuration may sit in for a package: its own and a few above it.

Deployment tools keep their configuration at the root of what they deploy, which may be the
package's folder or a workspace root above it (a wrangler.toml naming a member's file, an SST app's
sst.config.ts): a lookup climbs a fixed number of folders, never the whole filesystem.
"""

from __future__ import annotations

import os
from typing import Iterator


def folder_and_above(directory: str, levels: int) -> Iterator[str]:
    """`directory` and the folders above it, nearest first, `levels` in all (fewer at the top)."""
    folder = directory
    for _ in range(levels):
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent
