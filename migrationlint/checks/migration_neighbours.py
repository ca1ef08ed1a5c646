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
    """Whether the migrations of the folder (at least three) are all numbered by hand: every
    timestamp a round number (six trailing zeros, which `Date.now()` gives once in a million), so
    none is a real time that a number ahead of the clock would sort after; the next is picked
    above the last, as such teams document."""
    stamps = [ts] + [tn.timestamp_of(c.name) for other in _neighbours(project, path)
                     if (f := project.facts(other)) is not None and not f.skipped for c in migration_classes(f)]
    return len(stamps) >= 3 and all(t is not None and t > 0 and t % 10 ** 6 == 0 for t in stamps)


def _neighbours(project: Project, path: str) -> list[str]:
    """The other lintable files of the migration's folder: the migrations TypeORM orders it among."""
    folder = os.path.dirname(path)
    return [p for p in project.package_sources(project.workspace.package_root(path))
            if os.path.dirname(p) == folder and p != path]
