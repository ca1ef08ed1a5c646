"""Baseline: today's findings recorded in a reviewable file, so that a run fails only on new ones.

A team adopting migrationlint on a large repository records what it reports now
(`--baseline-write`), lints with that file (`--baseline FILE`, or `baseline = "..."` in the
configuration) so that only new findings are reported, and burns the list down. The file is JSON,
sorted, one entry per file and rule:

    {"version": 1,
     "files": {"services/a/src/x.ts": {"MIG010": {"count": 2, "fingerprints": ["…", "…"]}}}}

A fingerprint is a hash of the rule code, the text of the diagnostic's first line (whitespace
collapsed) and the message. No line numbers: moving code up or down, or editing other lines, keeps
the baseline valid; editing the flagged line itself makes its finding new, which is the point.
Entries that no current finding matches are stale (the finding was fixed); `--baseline-prune`
removes them. Paths are relative to the baseline file's directory, in posix form.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from migrationlint.atomic import replace_file
from migrationlint.diagnostics import Diagnostic

VERSION = 1
DEFAULT_NAME = "migrationlint-baseline.json"
_SPACE = re.compile(r"\s+")

LineText = Callable[[Diagnostic], str]  # the text of the line a diagnostic starts on


class BaselineError(Exception):
    """An unreadable or malformed baseline file (exit code 2, naming the file)."""


@dataclass
class Baseline:
    """Recorded fingerprints: relative path -> code -> Counter of fingerprints."""

    path: str
    entries: dict[str, dict[str, Counter]] = field(default_factory=dict)

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def key(self, path: str) -> str:
        """The baseline's name for a file: relative to the baseline's directory, posix."""
        rel = os.path.relpath(os.path.abspath(path), self.root)
        return rel.replace(os.sep, "/")

    def absolute(self, key: str) -> str:
        return os.path.normpath(os.path.join(self.root, key))


@dataclass
class Match:
    """The outcome of comparing a run's diagnostics with a baseline."""

    new: list[Diagnostic]
    matched: int
    stale: list[tuple[str, str, str]]  # (relative path, code, fingerprint) recorded but not found


def fingerprint(code: str, line_text: str, message: str) -> str:
    """A short hash that identifies a finding without its position (see the module docstring)."""
    normalised = _SPACE.sub(" ", line_text).strip()
    digest = hashlib.sha256(f"{code}\0{normalised}\0{message}".encode()).hexdigest()
    return digest[:16]


def load(path: str) -> Baseline:
    """Read a baseline file; a missing file is an empty baseline (first `--baseline-write`)."""
    baseline = Baseline(path)
    if not os.path.exists(path):
        return baseline
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{path}: not a migrationlint baseline (version {VERSION} with a \"files\" object)")
    for rel, codes in files.items():
        if not isinstance(codes, dict):
            raise BaselineError(f"{path}: entry {rel!r} must map rule codes to records")
        for code, record in codes.items():
            prints = record.get("fingerprints") if isinstance(record, dict) else None
            if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
                raise BaselineError(f"{path}: {rel} {code}: \"fingerprints\" must be a list of strings")
            baseline.entries.setdefault(rel, {})[code] = Counter(prints)
    return baseline


def compare(baseline: Baseline, diagnostics: Iterable[Diagnostic], line_text: LineText,
            covered: Callable[[str, str], bool]) -> Match:
    """Split `diagnostics` into new ones and recorded ones; list the recorded entries that no
    diagnostic matched, among those `covered(absolute path, code)` says this run could have seen."""
    remaining = {rel: {code: Counter(c) for code, c in codes.items()} for rel, codes in baseline.entries.items()}
    new: list[Diagnostic] = []
    matched = 0
    for d in diagnostics:
        bucket = remaining.get(baseline.key(d.path), {}).get(d.code)
        fp = fingerprint(d.code, line_text(d), d.message)
        if bucket and bucket[fp] > 0:
            bucket[fp] -= 1
            matched += 1
        else:
            new.append(d)
    stale = []
    for rel, codes in sorted(remaining.items()):
        for code, counter in sorted(codes.items()):
            if counter.total() and covered(baseline.absolute(rel), code):
                stale.extend((rel, code, fp) for fp in sorted(counter.elements()))
    return Match(new=new, matched=matched, stale=stale)


def record(baseline: Baseline, diagnostics: Iterable[Diagnostic], line_text: LineText,
           covered: Callable[[str, str], bool]) -> Baseline:
    """A new baseline: this run's findings, plus the old entries this run could not have seen
    (other directories, rules not selected), so that writing from a partial run loses nothing."""
    fresh = Baseline(baseline.path)
    for rel, codes in baseline.entries.items():
        for code, counter in codes.items():
            if not covered(baseline.absolute(rel), code):
                fresh.entries.setdefault(rel, {})[code] = Counter(counter)
    for d in diagnostics:
        codes = fresh.entries.setdefault(baseline.key(d.path), {})
        codes.setdefault(d.code, Counter())[fingerprint(d.code, line_text(d), d.message)] += 1
    return fresh


def prune(baseline: Baseline, stale: list[tuple[str, str, str]]) -> Baseline:
    """The baseline without its stale entries (never adds anything)."""
    pruned = Baseline(baseline.path, {rel: {c: Counter(n) for c, n in codes.items()}
                                      for rel, codes in baseline.entries.items()})
    for rel, code, fp in stale:
        counter = pruned.entries[rel][code]
        counter[fp] -= 1
        if counter[fp] <= 0:
            del counter[fp]
        if not counter:
            del pruned.entries[rel][code]
        if not pruned.entries[rel]:
            del pruned.entries[rel]
    return pruned


def dumps(baseline: Baseline) -> str:
    """Stable, sorted, one fingerprint per line: small diffs in review."""
    files = {}
    for rel in sorted(baseline.entries):
        codes = {}
        for code in sorted(baseline.entries[rel]):
            prints = sorted(baseline.entries[rel][code].elements())
            if prints:
                codes[code] = {"count": len(prints), "fingerprints": prints}
        if codes:
            files[rel] = codes
    return json.dumps({"version": VERSION, "files": files}, indent=2) + "\n"


def save(baseline: Baseline) -> None:
    """Write the baseline atomically (a reader never sees half a file)."""
    directory = os.path.dirname(os.path.abspath(baseline.path))
    os.makedirs(directory, exist_ok=True)
    replace_file(baseline.path, dumps(baseline).encode("utf-8"), 0o644)


def total(baseline: Baseline) -> int:
    """How many findings the baseline records (for the messages of write and prune)."""
    return sum(c.total() for codes in baseline.entries.values() for c in codes.values())
