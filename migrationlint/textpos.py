"""Byte offsets <-> human and LSP positions.

Everything inside migrationlint is a UTF-8 byte offset (tree-sitter's unit). Humans, SARIF and
GitHub want 1-based lines and character columns; LSP wants 0-based lines and UTF-16 code units.
The conversion lives here and nowhere else.
"""

from __future__ import annotations

import os
import unicodedata
from bisect import bisect_right


class LineIndex:
    """Line starts of one file's bytes, for converting byte offsets to positions."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        starts = [0]
        find = data.find
        pos = find(b"\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find(b"\n", pos + 1)
        self.starts = starts

    def line_of(self, offset: int) -> int:
        """0-based line containing byte `offset`."""
        return bisect_right(self.starts, offset) - 1

    def line_text(self, line: int) -> str:
        """Text of 0-based `line` without its line terminator."""
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.data)
        return self.data[start:end].decode("utf-8", "replace").rstrip("\r\n")

    def _prefix(self, offset: int) -> tuple[int, bytes]:
        offset = max(0, min(offset, len(self.data)))
        line = self.line_of(offset)
        return line, self.data[self.starts[line]:offset]

    def human(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) with the column counted in characters."""
        line, prefix = self._prefix(offset)
        column = len(prefix.decode("utf-8", "replace"))
        if line == 0 and self.data.startswith(b"\xef\xbb\xbf"):
            column = max(0, column - 1)
        return line + 1, column + 1

    def lsp(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) with the character counted in UTF-16 code units."""
        line, prefix = self._prefix(offset)
        units = len(prefix.decode("utf-8", "replace").encode("utf-16-le")) // 2
        return line, units

    def offset_from_lsp(self, line: int, character: int) -> int:
        """Byte offset of an LSP (line, UTF-16 character) position."""
        if line >= len(self.starts):
            return len(self.data)
        start = self.starts[line]
        text = self.line_text(line)
        encoded = text.encode("utf-16-le")[: character * 2]
        return start + len(encoded.decode("utf-16-le", "replace").encode("utf-8"))


def display_width(text: str) -> int:
    """Terminal columns `text` takes: East Asian wide and fullwidth characters (CJK, most emoji)
    take two, combining marks and zero-width characters none, and a variation selector 16 makes
    the character before it an emoji (two columns). Used to place code-frame carets."""
    width = 0
    previous = 0
    for ch in text:
        code = ord(ch)
        if code == 0xFE0F:  # VS16: emoji presentation of the previous character
            width += 2 - previous
            previous = 2
            continue
        if code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFE0E) or unicodedata.combining(ch) \
                or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            previous = 0
            continue
        previous = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        width += previous
    return width


def display_path(path: str, cwd: str | None = None) -> str:
    """Paths are shown relative to the working directory when below it (as ruff and ESLint do)."""
    cwd = cwd or os.getcwd()
    rel = os.path.relpath(path, cwd)
    return (rel if not rel.startswith("..") else path).replace(os.sep, "/")
