"""Findings in a file outside every build (model/dead_files.py), as every import rule words them.

Nothing compiles, runs or imports such a file, so what its imports name breaks nothing until
someone runs it by hand: the finding stays, as a warning that says the file is most likely dead
code, and without a fix (declaring a package or rewriting an import for a file nobody uses fixes
nothing; deleting the file is the likely remedy).
"""

from __future__ import annotations

from migrationlint.diagnostics import Diagnostic, Severity

DEAD_FILE_NOTE = (" Nothing checks, runs or imports this file (no tsconfig program a build or a test run compiles "
                  "checks it; no entry point, script, test runner or other file reaches it), so nothing fails unless "
                  "someone runs it by hand: most likely dead code.")


# what an unresolved import in a declaration file does under `skipLibCheck` (IMP002): said of a file
# a program compiles; a dead file's note replaces it
SKIPPED_LIB_CHECK_NOTE = " tsc reports nothing here (skipLibCheck skips declaration files): what it imports is silently `any`."
# the same of an import that binds no name (`import "./augmentations"`), which brings declarations only
SKIPPED_LIB_CHECK_BARE_NOTE = (" tsc reports nothing here (skipLibCheck skips declaration files): what it meant to declare is"
                               " silently missing.")


def in_dead_file(d: Diagnostic) -> Diagnostic:
    """The finding as a warning that says its file is dead, with no fix."""
    message = d.message.replace(SKIPPED_LIB_CHECK_NOTE, "").replace(SKIPPED_LIB_CHECK_BARE_NOTE, "")
    end = "" if message.endswith((".", "?")) else "."
    d.severity, d.fix, d.message = Severity.WARNING, None, message + end + DEAD_FILE_NOTE
    return d
