"""Fixes as a unified diff (`--diff`) that `git apply` and `patch` accept."""

from __future__ import annotations

import difflib

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migrationlint.fix.fixes import FixOutcome


NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(outcome: FixOutcome) -> str:
    """The fixes as a patch that `git apply` and `patch` accept: a last line without a newline
    gets the `\\ No newline at end of file` marker after it."""
    from migrationlint.textpos import display_path

    chunks = []
    for path, new in sorted(outcome.texts.items()):
        old = outcome.originals.get(path, b"")
        name = display_path(path)
        for line in difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(keepends=True),
            new.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}",
        ):
            chunks.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    return "".join(chunks)
