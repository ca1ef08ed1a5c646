"""Discovery in a forked child while this process reads the workspace.

Why: a run over a tree first lists it (discovery: every folder, every `.gitignore`) and only then
parses, so one core works and the other idles. What the checks will need from the workspace
(where the manifests are, the parsed lockfile) reads the disk only and does not depend on the
file list: this process reads it while a child walks the tree and sends the list back
(forked.py). On medusa (7,000 files, 9,000 folders) both take about 0.2 s, so the walk costs
nothing.

Only a walk that discovery cannot answer from its stored listing (stamped_record.py) forks: a run
whose listing still holds reads no lockfile it may not need. Whatever goes wrong in the child
leaves the walk to this process, as before. Never with `--jobs 1`.
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.forked import Forked, can_fork
from migrationlint.model import discovery
from migrationlint.model.discovery import Discovery


def discover_beside(paths: list[str], exclude: list[str] | None, exclude_root: str | None, cache_dir: str | None,
                    meanwhile: Callable[[], None], jobs: int | None) -> Discovery:
    """discovery.discover(paths, ...), walked in a child while `meanwhile()` runs here when the
    tree must be walked; `meanwhile` is not called when no walk is needed or no child can run."""
    tops = [os.path.abspath(p) for p in paths]
    if not tops or not all(os.path.isdir(p) for p in tops) or jobs == 1 or not can_fork():
        return discovery.discover(paths, exclude, exclude_root, cache_dir)
    if cache_dir is not None:
        found = discovery.stamped(tops, exclude, exclude_root, cache_dir)
        if found is not None:
            return found
    child = Forked(lambda: discovery.discover(paths, exclude, exclude_root, cache_dir))
    try:
        meanwhile()
    except BaseException:
        child.stop()
        raise
    found = child.result()
    return found if isinstance(found, Discovery) else discovery.discover(paths, exclude, exclude_root, cache_dir)
