"""Paths a run looked for and did not find, kept so that a later run can tell cheaply that they
are still missing.

A file created where resolution looks first changes what an import names: `./x.ts` beside a
resolved `./x/index.ts`, a `.d.ts` next to a `.js`, a file under the first target of a `paths`
pattern. So every path the resolver found not to be a file is an input of the results stored
with it, not only the paths of lookups that failed. There are thousands (7,400 in 1,200 folders in a
2,600-file monorepo), so they are kept by folder: a folder whose stat is unchanged gained no entry; one that
changed, or was too fresh for its mtime to vouch (stamped_record.RACY_NS), has its names tested.
"""

from __future__ import annotations

import os
import time
from typing import Iterable

from migrationlint.model.stamped_record import RACY_NS, Stamp, stamp

# folder -> (its stamp when the names were found absent, or RECHECK; the names)
Absent = dict[str, tuple[Stamp, tuple[str, ...]]]

RECHECK = ("recheck",)  # a stamp that never matches: test the names every time


def remember(paths: Iterable[str]) -> Absent | None:
    """The folders of `paths` with their stamps, taken before confirming that each path is still
    not a file (a file created while the run went is then seen); None when one now is."""
    by_folder: dict[str, set[str]] = {}
    for path in paths:
        folder, name = os.path.split(path)
        by_folder.setdefault(folder, set()).add(name)
    trusted_before = time.time_ns() - RACY_NS
    out: Absent = {}
    for folder, names in by_folder.items():
        found = stamp(folder)
        if found is not None and found[1] >= trusted_before:
            found = RECHECK
        if _any_file(folder, names):
            return None
        out[folder] = (found, tuple(sorted(names)))
    return out


def with_missing(earlier: Absent, resolver) -> Absent | None:
    """`earlier` and the paths `resolver` (this run's, or None) found missing; None when one of
    those became a file during the run (nothing to vouch for: the caller stores nothing)."""
    found = remember(resolver.missing_paths() if resolver is not None else ())
    return merged(earlier, found) if found is not None else None


def still_absent(absent: Absent) -> bool:
    """Whether no path of `absent` has become a file."""
    for folder, (recorded, names) in absent.items():
        if recorded != RECHECK and stamp(folder) == recorded:
            continue
        if _any_file(folder, names):
            return False
    return True


def merged(earlier: Absent, later: Absent) -> Absent:
    """Both records' paths; a folder stamped differently by the two is tested by its names."""
    out = dict(earlier)
    for folder, (found, names) in later.items():
        if folder in out:
            before, known = out[folder]
            found = found if before == found else RECHECK
            names = tuple(sorted(set(known) | set(names)))
        out[folder] = (found, names)
    return out


def _any_file(folder: str, names: Iterable[str]) -> bool:
    """Whether one of `names` is a file in `folder`: one listing, a stat only for a name listed."""
    try:
        listed = set(os.listdir(folder))
    except OSError:
        return False  # no such folder (or not listable): nothing in it was found either
    return any(name in listed and os.path.isfile(os.path.join(folder, name)) for name in names)
