"""Reading source files, and turning their bytes into FileFacts (one place for both).

Files that cannot be linted (unreadable, binary, not UTF-8 decodable enough, too large) get a
FileFacts with `skipped` set to the reason, so that the run goes on and reports it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Mapping

from migrationlint.catalog import bug_summary
from migrationlint.extract.glob_imports import CONCAT_LOAD_WORDS, TEMPLATE_LOAD_WORD

if TYPE_CHECKING:
    from migrationlint.extract.records import FileFacts

MAX_FILE_BYTES = 20 * 1024 * 1024

Reader = Callable[[str], bytes]


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


# Words cross-file rules look for before loading a file's facts (Project.mentions). Extraction
# records which of them a text holds (FileFacts.words), so that the facts cache answers for an
# unchanged file without reading it: a pre-commit run scans whole packages for them.
GLOB_WORD = b"import.meta.glob"  # a Vite glob import (extract/glob_imports.py): importers look for it
MENTION_WORDS = (b"migrations", b"TypeOrmModule", b"@Module", b"lobal", b".for", b".register", b"module", b"...",
                 b"declare module", b"export module", GLOB_WORD, TEMPLATE_LOAD_WORD, *CONCAT_LOAD_WORDS)


def mention_bits(data: bytes) -> int:
    """The MENTION_WORDS `data` holds, as bits (bit i: MENTION_WORDS[i])."""
    return sum(1 << i for i, word in enumerate(MENTION_WORDS) if word in data)


def read_or_none(path: str) -> bytes | None:
    """The file's bytes, None when unreadable (context files read whole: Project.read_context)."""
    try:
        return read_bytes(path)
    except OSError:
        return None


def file_mentions(path: str, word: bytes) -> bool:
    """Whether the file holds `word` (False when unreadable): a byte search that lets cross-file
    rules skip parsing files that cannot matter to them."""
    try:
        return word in read_bytes(path)
    except OSError:
        return False


def overlay_reader(overrides: Mapping[str, bytes] | None) -> Reader:
    """A reader that sees in-memory texts (editor buffers, fixes in progress) over the disk."""
    if not overrides:
        return read_bytes

    def read(path: str) -> bytes:
        data = overrides.get(path)
        return data if data is not None else read_bytes(path)

    return read


def skipped(path: str, reason: str, size: int = 0, at: int = 0) -> FileFacts:
    from migrationlint.extract.records import FileFacts  # here: a run answered from caches imports no records

    return FileFacts(path=path, digest="", size=size, dialect="ts", skipped=reason, skipped_at=at)


def facts_for_bytes(path: str, data: bytes) -> FileFacts:
    """FileFacts for `data`, or a skipped record saying why the file cannot be linted."""
    facts = _facts_or_skipped(path, data)
    facts.words = mention_bits(data)
    return facts


def _facts_or_skipped(path: str, data: bytes) -> FileFacts:
    if len(data) > MAX_FILE_BYTES:
        return skipped(path, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16's byte order marks: text, every other byte NUL
        order = "little" if data[:1] == b"\xff" else "big"
        return skipped(path, f"UTF-16 text ({order}-endian, with a byte order mark); TypeScript sources must be UTF-8 "
                             "to be linted (tsc reads it through the mark, most other tools do not)", len(data))
    if b"\x00" in data[:8192] and _binary(data[:8192]):
        return skipped(path, "binary content (NUL bytes)", len(data))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start:exc.start + 1].hex()
        return skipped(path, f"not valid UTF-8 (byte 0x{byte}); TypeScript sources must be UTF-8", len(data),
                       at=exc.start)
    from migrationlint.extract.facts import extract  # the parser and extractors: only when a file is parsed

    try:
        return extract(path, data)
    except Exception as exc:  # a bug met on one file must not lose the run: it is reported (INT001), the rest linted
        return skipped(path, internal_error(exc), len(data))


INTERNAL_ERROR = "internal error"  # how the skipped reason of a file a bug stopped begins (INT001, not FIL001)


def internal_error(exc: Exception) -> str:
    """The reason a file was not linted because of a bug in migrationlint (enough for a report)."""
    return f"{INTERNAL_ERROR} in migrationlint ({bug_summary(exc)}); please report it with this file (or a reduced copy)"


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # C0 controls no text uses (ESC and whitespace kept)


def _binary(head: bytes) -> bool:
    """Whether a head holding a NUL byte is binary: control bytes make more than 1% of it. A text
    file may hold one NUL in a string literal (a test that a validator rejects `'bad\\0key'`)."""
    return len(_CONTROL.findall(head)) > max(1, len(head) // 100)


def load(path: str, read: Reader) -> tuple[bytes | None, FileFacts]:
    """Read and extract one file; (None, skipped facts) when it cannot be read."""
    try:
        data = read(path)
    except OSError as exc:
        return None, skipped(path, f"cannot read: {exc.strerror or exc}")
    return data, facts_for_bytes(path, data)
