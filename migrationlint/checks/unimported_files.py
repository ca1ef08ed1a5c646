"""The note DEP001 and DEP002 add about a file that nothing imports.

A file no entry point reaches still ships by presumption where its build emits everything it
includes (tsc over `src/`): something in production might load it by path. When no file of the
workspace imports it either, the finding is true, but the likelier remedy is to delete the file
(a legacy middleware, a polyfill left behind): the message says so, beside the declaring remedy.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.package_use import Use
from migrationlint.model.project import Memo, Project
from migrationlint.model.resolve import resolver_for
from migrationlint.model.shipping import shipping_for

NOTE = "; no file of the workspace imports this file: if it is dead code, deleting it is the other remedy"


def unimported_note(project: Project, u: Use) -> str:
    """NOTE for a use in a file presumed to ship, in a package with entry points none of which reaches
    it, that no other file imports and that its package's manifest and configs do not name, else ""."""
    if u.verdict is None or not u.verdict.presumed or not shipping_for(project).entries(u.manifest):
        return ""  # in a package with no known entry every file is presumed: the note would say nothing
    memo = _IMPORTED(project)
    if u.path not in memo:  # one scan of the workspace per file, however many of its imports are reported
        memo[u.path] = _named_by_its_package(project, u) or \
            next(importers(project, u.path, file_names(u.path), resolver_for(project)), None) is not None
    return "" if memo[u.path] else NOTE


def _named_by_its_package(project: Project, u: Use) -> bool:
    """Whether the package's manifest or a config file at its top names the file by its path (`esbuild
    src/index.ts --bundle`, a handler in serverless.yml, a webpack `entry`): something runs or builds it."""
    top = u.manifest.dir
    stem = os.path.splitext(os.path.relpath(u.path, top).replace(os.sep, "/"))[0].encode("utf-8")
    try:
        names = [n for n in os.listdir(top) if _CONFIG_NAME.search(n) and n not in LOCKFILE_NAMES
                 and os.path.join(top, n) != u.path]
    except OSError:
        return True
    return any(project.mentions(os.path.join(top, name), stem) for name in names)  # inputs of the run, as read


# the files at a package's top that may name an entry: its manifest, tool configs (codegen.ts,
# .graphqlrc.json, vite.config.ts), deployment descriptors, images
_CONFIG_NAME = re.compile(r"\.(?:json|jsonc|ya?ml|toml|[cm]?[jt]s)$|^\.|^Dockerfile|^Procfile$")


_IMPORTED: Memo[dict[str, bool]] = Memo("files some other file imports", lambda project: {})
