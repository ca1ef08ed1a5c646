"""The note DEP001 and DEP002 add about a file that nothing imports.

A file no entry point reaches still ships by presumption where its build emits everything it
includes (tsc over `src/`): something in production might load it by path. When no file of the
workspace imports it either, the finding is true, but the likelier remedy is to delete the file
(a legacy middleware, a polyfill left behind): the message says so, beside the declaring remedy.
"""

from __future__ import annotations

from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.package_use import Use
from migrationlint.model.project import Memo, Project
from migrationlint.model.resolve import resolver_for

NOTE = "; no file of the workspace imports this file: if it is dead code, deleting it is the other remedy"


def unimported_note(project: Project, u: Use) -> str:
    """NOTE for a use in a file presumed to ship that no other file imports, else ""."""
    if u.verdict is None or not u.verdict.presumed:
        return ""
    memo = _IMPORTED(project)
    if u.path not in memo:  # one scan of the workspace per file, however many of its imports are reported
        memo[u.path] = next(importers(project, u.path, file_names(u.path), resolver_for(project)), None) is not None
    return "" if memo[u.path] else NOTE


_IMPORTED: Memo[dict[str, bool]] = Memo("files some other file imports", lambda project: {})
