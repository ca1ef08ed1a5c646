"""Packages retired by renaming their manifest: `legacy/auth/legacy-package.json` (or
`package.json.old`, `package.old.json`: a name that says so; `-package.json`, a mark that switches it
off) beside the package's `src/` and tsconfig. A team that keeps an old service's code for reference
renames its package.json so that no package manager, workspace glob or build sees it any more:
nothing installs, builds or runs its files, whatever its own tsconfig covers. The renamed file must
still read as a manifest (an object naming dependencies).
"""

from __future__ import annotations

import os
import re

from migrationlint.model.nx_projects import json_object
from migrationlint.model.project import Memo, Project

_SECTIONS = ("dependencies", "devDependencies")


def retired_package(project: Project, path: str, top: str) -> str | None:
    """The renamed manifest (relative to the repository) of a folder between the file at `path` and
    `top` (its owning package's folder, excluded), or None."""
    known = _RETIRED(project)
    folder = os.path.dirname(path)
    while folder != top and len(folder) > len(top) and folder.startswith(top):
        if folder not in known:
            known[folder] = _renamed_manifest(folder)
        if known[folder] is not None:
            return project.rel(known[folder])
        folder = os.path.dirname(folder)
    return None


_RETIRED: Memo[dict[str, str | None]] = Memo("retired packages", lambda project: {})


def _renamed_manifest(folder: str) -> str | None:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    if "package.json" in names or "project.json" in names:  # a package, or an Nx project: alive
        return None
    for name in names:
        worded = "package" in name and (name.endswith(".json") or ".json." in name) \
            and _RETIRED_WORDS & set(_WORD.findall(name.lower()))
        if name != "package.json" and (worded or _DISABLED.fullmatch(name)) \
                and _reads_as_manifest(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


# words a renamed manifest says it is retired with (`legacy-package.json`, `package.json.old`); a
# manifest for another purpose (`docker-package.json`, which an image copies as its package.json) is not
_RETIRED_WORDS = frozenset({"legacy", "old", "bak", "backup", "orig", "archive", "archived", "deprecated", "unused",
                            "disabled", "retired"})
_WORD = re.compile(r"[a-z]+")
# or with a mark that only switches it off (`-package.json`, `_package.json`, `package.json~`)
_DISABLED = re.compile(r"[-_~#]+package\.json|package\.json[-_~#]+")


def _reads_as_manifest(path: str) -> bool:
    data = json_object(path)
    return any(isinstance(data.get(s), dict) for s in _SECTIONS)
