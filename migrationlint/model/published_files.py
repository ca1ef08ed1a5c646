"""What package.json `files` publishes: the entries read in order as patterns over the package's
paths, a negation (`!**/tester/**`) taking out what the entries before it put in, as npm packs.
"""

from __future__ import annotations

from migrationlint.globs import match


def files_list(listed: list, rel: str) -> bool:
    """Whether package.json `files` publishes the file at `rel` exactly: the last entry that names
    it (a pattern that matches it, a folder above it, or everything) is no negation."""
    last = _last_naming(listed, rel)
    return last is not None and not last[0]


def files_publish(listed: list, top: str, rel: str) -> bool:
    """Whether an entry of package.json `files` may publish the file at `rel`, in the package's top
    folder `top`: one naming the folder, the file, or everything, unless a negation after it takes
    the file out."""
    may = any(p.split("/", 1)[0] in ("", "*", "**") or match(p.split("/", 1)[0], top) or match(p, rel)
              for negated, p in _entries(listed) if not negated)
    return may and not taken_out(listed, rel)


def taken_out(listed: list, rel: str) -> bool:
    """Whether the last entry naming the file at `rel` is a negation."""
    last = _last_naming(listed, rel)
    return last is not None and last[0]


def taken_out_anywhere(listed: list, rel: str) -> bool:
    """Whether the last entry naming the file at `rel` is a negation that matches at any depth
    (`!**/tester/**`): it takes out whatever copy of the file a build writes under another folder."""
    last = _last_naming(listed, rel)
    return last is not None and last[0] and last[1].startswith("**/")


def _entries(listed: list) -> list[tuple[bool, str]]:
    """(negated, pattern) of each string entry, in order."""
    found = []
    for entry in listed:
        if isinstance(entry, str):
            text = entry.strip()
            found.append((text.startswith("!"), text.lstrip("!").removeprefix("./").rstrip("/")))
    return found


def _last_naming(listed: list, rel: str) -> tuple[bool, str] | None:
    """(negated, pattern) of the last entry naming the file at `rel` (a pattern that matches it, a
    folder above it, or everything); None when none does."""
    last = None
    for negated, pattern in _entries(listed):
        if pattern in ("", "*", "**") or match(pattern, rel) or rel.startswith(pattern + "/"):
            last = (negated, pattern)
    return last
