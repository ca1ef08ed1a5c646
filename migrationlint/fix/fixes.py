"""Applying fixes: byte-range edits on the original text, to a fixpoint, verified, written atomically.

A pass applies every chosen fix whose edits do not overlap an already chosen one, re-lints the
in-memory texts, and repeats (at most MAX_PASSES). A file whose edited text parses with more
damage than before keeps its previous text and the fix is reported as refused. Nothing touches the
disk until the loop is over; then each changed file is written through a temporary file in its
own directory and renamed over the original, permissions kept, and only if the file on disk is
still the one that was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from migrationlint.atomic import write_atomic
from migrationlint.diagnostics import Applicability, Diagnostic, Edit
from migrationlint.extract.sources import facts_for_bytes

MAX_PASSES = 10


@dataclass
class FixOutcome:
    texts: dict[str, bytes]  # final text of every file that changed
    originals: dict[str, bytes]
    refused: list[tuple[Diagnostic, str]] = field(default_factory=list)
    write_errors: list[tuple[str, str]] = field(default_factory=list)
    remaining: list[Diagnostic] | None = None  # the diagnostics of the final texts, in memory
    final: tuple[dict[str, bytes], object] | None = None  # (texts, LintResult) of the last lint, when kept


def applicable(d: Diagnostic, unsafe: bool) -> bool:
    if d.fix is None:
        return False
    if d.fix.applicability is Applicability.SAFE:
        return True
    return unsafe and d.fix.applicability is Applicability.UNSAFE


def apply_edits(data: bytes, edits: list[Edit]) -> bytes:
    """Apply non-overlapping byte edits to `data` (edits in any order)."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError(f"overlapping edits at byte {e.start}")
        out.append(data[pos:e.start])
        out.append(adapt_text(data, e.text).encode("utf-8"))
        pos = e.end
    out.append(data[pos:])
    return b"".join(out)


def adapt_text(data: bytes, text: str) -> str:
    """Inserted text follows the file's line endings (a CRLF file gets CRLF)."""
    if "\n" in text and b"\r\n" in data:
        return text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def _damage_count(path: str, data: bytes) -> int:
    if not path.endswith((".ts", ".tsx", ".mts", ".cts")):
        return 0
    return len(facts_for_bytes(path, data).damage)


def _choose(diagnostics: list[Diagnostic], unsafe: bool, refused: set[tuple]) -> list[Diagnostic]:
    """Fixes for one pass: in order, skipping any whose edits overlap an earlier choice."""
    taken: dict[str, list[tuple[int, int]]] = {}
    chosen: list[Diagnostic] = []
    for d in sorted(diagnostics, key=lambda d: d.sort_key()):
        if not applicable(d, unsafe) or _key(d) in refused:
            continue
        edits = [e for e in d.fix.edits if e.json_edit is None]
        if any(_overlaps(taken.get(e.path, []), e) for e in edits):
            continue
        for e in edits:
            taken.setdefault(e.path, []).append((e.start, e.end))
        chosen.append(d)
    return chosen


def _overlaps(spans: list[tuple[int, int]], e: Edit) -> bool:
    for s, t in spans:
        if e.start < t and s < e.end:
            return True
        if e.start == e.end == s or (e.start == e.end and s < e.start < t):
            return True
    return False


def _key(d: Diagnostic) -> tuple:
    return (d.code, d.path, d.start, d.end, d.message)


def fix_loop(
    lint: Callable[[dict[str, bytes]], list[Diagnostic]],
    read: Callable[[str], bytes],
    unsafe: bool = False,
    initial: list[Diagnostic] | None = None,
) -> FixOutcome:
    """Run lint -> choose -> apply -> verify until nothing is left to fix or MAX_PASSES."""
    from migrationlint.fix import manifest_edits

    texts: dict[str, bytes] = {}
    originals: dict[str, bytes] = {}
    outcome = FixOutcome(texts=texts, originals=originals)
    refused: set[tuple] = set()
    diagnostics = initial if initial is not None else lint(texts)
    for _ in range(MAX_PASSES):
        chosen = _choose(diagnostics, unsafe, refused)
        if not chosen:
            break
        by_path: dict[str, list[tuple[Diagnostic, Edit]]] = {}
        for d in chosen:
            for e in d.fix.edits:
                by_path.setdefault(e.path, []).append((d, e))
        progressed = False
        for path, pairs in by_path.items():
            current = texts.get(path)
            if current is None:
                current = originals.setdefault(path, read(path))
            new = _apply_verified(path, current, pairs, refused, outcome, manifest_edits)
            if new is not None and new != current:
                texts[path] = new
                progressed = True
        if not progressed:
            break
        diagnostics = lint(texts)
    for path in list(texts):
        if texts[path] == originals.get(path):
            del texts[path]
    outcome.remaining = diagnostics
    return outcome


def _apply_verified(path, current: bytes, pairs, refused: set, outcome: FixOutcome, manifest_edits) -> bytes | None:
    """Apply a pass's edits to one file; fall back to one fix at a time when the batch breaks it."""
    fixes: dict[int, tuple[Diagnostic, list[Edit]]] = {}
    for d, e in pairs:
        fixes.setdefault(id(d), (d, []))[1].append(e)
    batch = _render(path, current, [e for _, es in fixes.values() for e in es], manifest_edits)
    before = _damage_count(path, current)
    if batch is not None and _damage_count(path, batch) <= before:
        return batch
    text = current
    for d, edits in fixes.values():
        candidate = _render(path, text, edits, manifest_edits)
        if candidate is not None and _damage_count(path, candidate) <= before:
            text = candidate
        else:
            refused.add(_key(d))
            outcome.refused.append((d, "the fixed text would not parse" if candidate is not None
                                    else "the edits could not be applied"))
    return text


def _render(path: str, data: bytes, edits: list[Edit], manifest_edits) -> bytes | None:
    try:
        plain = [e for e in edits if e.json_edit is None]
        structured = [e for e in edits if e.json_edit is not None]
        out = apply_edits(data, plain) if plain else data
        if structured:
            out = manifest_edits.render(out, [e.json_edit for e in structured])
        return out
    except ValueError:
        return None


def write_all(outcome: FixOutcome) -> None:
    """Write every changed file; a failure leaves that file as it was and is recorded."""
    for path, data in sorted(outcome.texts.items()):
        try:
            write_atomic(path, data, expected=outcome.originals.get(path))
        except OSError as exc:
            outcome.write_errors.append((path, str(exc) if str(exc) else exc.__class__.__name__))
