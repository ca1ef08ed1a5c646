"""MIG003's questions about the migrations beside one in its folder: the ones TypeORM orders it among
(the same package's lintable files of that folder), read through their class timestamps or file names."""

from __future__ import annotations

import os

from migrationlint.checks.base import Project
from migrationlint.extract import typeorm_names as tn
from migrationlint.model.migrations import migration_classes


def older_in_milliseconds(project: Project, path: str, date_ms: int | None) -> str | None:
    """A migration of the folder whose class (or file name) ends in a real millisecond timestamp
    earlier than `date_ms`: TypeORM sorts it after the 14-digit one (read as a smaller number), so
    they run out of order. None when there is none (a folder whose every migration is written `YYYYMMDDhhmmss`
    runs in date order, and later `Date.now()` stamps sort after them all)."""
    if date_ms is None:
        return None
    for other in _neighbours(project, path):
        prefix = tn.file_prefix(os.path.basename(other))
        if prefix is not None and len(prefix) == 13 and int(prefix) < date_ms:
            return os.path.basename(other)  # its class may still lack the timestamp its file name gives
        facts = project.facts(other)
        for cls in migration_classes(facts) if facts is not None and not facts.skipped else ():
            ts = tn.timestamp_of(cls.name)
            if ts is not None and ts >= 10 ** 12 and ts < date_ms:
                return cls.name
    return None


def reorders(project: Project, path: str, prefix_ms: int, ts: int) -> bool:
    """Whether another migration of the folder, whose file name's timestamp lies between this one's
    file name and class, runs on the other side of it than the file names say: TypeORM orders by the
    classes (the other's own class, when it has one: a batch of files whose names and classes are off
    alike keeps its order), so this migration then runs elsewhere than its file name says. Otherwise
    the mismatch changes nothing, and a rename would run it again."""
    low, high = sorted((prefix_ms, ts))
    for other in _neighbours(project, path):
        digits = tn.file_prefix(os.path.basename(other))
        named = tn.to_millis(digits) if digits else None
        if named is None or not low < named < high:
            continue
        facts = project.facts(other)
        stamps = [tn.timestamp_of(c.name) for c in (migration_classes(facts) if facts is not None and not facts.skipped else ())]
        if (prefix_ms - named) * (ts - next((t for t in stamps if t is not None and tn.plausible(t)), named)) < 0:
            return True
    return False


def numbered_by_hand(project: Project, path: str, ts: int) -> bool:
    """Whether the migration's timestamp belongs to a sequence the team numbers by hand: it is a
    round number (six trailing zeros, which `Date.now()` gives once in a million, or such a number
    plus a small offset, `1831000000004`, for the migrations of one step), as are at least two
    others of the folder, and every other stamp of the folder lies below the sequence: real stamps
    from before the team began it (`migration:generate` output), none that a number of the sequence
    was picked after. The next number is picked above the last, as such teams document."""
    stamps = [tn.timestamp_of(c.name) for other in _neighbours(project, path)
              if (f := project.facts(other)) is not None and not f.skipped for c in migration_classes(f)]
    known = [t for t in stamps if t is not None and t > 0]
    round_ones = [t for t in known if _round(t)]
    start = min([ts, *round_ones])
    return _round(ts) and len(round_ones) >= 2 and all(_round(t) or t < start for t in known)


def _round(ts: int) -> bool:
    """A round number of milliseconds, or one plus an offset below a thousand."""
    return ts % 10 ** 6 < 10 ** 3


def _neighbours(project: Project, path: str) -> list[str]:
    """The other lintable files of the migration's folder: the migrations TypeORM orders it among."""
    folder = os.path.dirname(path)
    return [p for p in project.package_sources(project.workspace.package_root(path))
            if os.path.dirname(p) == folder and p != path]
