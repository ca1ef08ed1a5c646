"""`key = value` lines of an ini-like file (`.npmrc`, `.gitmodules`): what the readers of such files share."""

from __future__ import annotations


def ini_pairs(path: str) -> list[tuple[str, str]]:
    """(key, value) of each `key = value` line, in order (comments `#`/`;`, blank lines and section
    headers skipped; quotes around a value dropped); none when the file cannot be read."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []
    pairs = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith(("#", ";")) or "=" not in line:
            continue
        key, _, value = line.partition("=")
        pairs.append((key.strip(), value.strip().strip("\"'")))
    return pairs
