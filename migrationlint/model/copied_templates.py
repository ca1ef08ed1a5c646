"""Files a workspace tool copies into another package, whose relative imports are written for there.

A UI kit may ship page templates in a `copy/` folder that a CLI of the workspace copies into each
application (`copy/pages/test/buttons.tsx` -> `<app>/pages/test/buttons.tsx`), where the copies are
gitignored as managed files or committed. Such a template's `../../components` names the
application's folder, not one beside the template. The evidence is the copy's place: another
workspace package holds the same trailing path (a committed copy byte for byte, or a place its
`.gitignore` lists), and the template's relative imports all resolve from there. Asked only for a
file with an unresolved relative import.
"""

from __future__ import annotations

import os

from migrationlint.model import packages as pk
from migrationlint.model.discovery import git_ignored
from migrationlint.model.project import Memo, Project, per_key
from migrationlint.model.resolve import Resolver
from migrationlint.model.specifiers import candidates

_MIN_TAIL = 2  # `pages/x.tsx`: a bare file name names no place


def copied_template_home(project: Project, resolver: Resolver, path: str) -> str | None:
    """The package folder a copy of the file at `path` is written for (copied_into), judged once per
    file over all its relative imports that resolve to nothing where it lies; None without any."""
    memo = _HOMES(project)
    if path not in memo:
        facts = project.facts(path)
        specs = [i.specifier for i in facts.imports if pk.is_relative(i.specifier)
                 and resolver.resolve(path, i.specifier).kind == "unresolved"] if facts is not None else []
        memo[path] = copied_into(project, path, specs) if specs else None
    return memo[path]


_HOMES: Memo[dict[str, str | None]] = per_key("copied template homes")


def copied_into(project: Project, path: str, relative_specs: list[str]) -> str | None:
    """The folder of another workspace package where a copy of the file at `path` lies (or is written,
    gitignored) and from which every one of `relative_specs` resolves, or None."""
    ws = project.workspace
    home = ws.package_root(path)
    parts = os.path.relpath(path, home).split(os.sep)
    for cut in range(1, len(parts) - _MIN_TAIL + 1):
        tail = os.path.join(*parts[cut:])
        for other in ws.member_dirs:
            if other == home or home.startswith(other + os.sep):
                continue
            copy = os.path.join(other, tail)
            if (_same_bytes(copy, path) or not os.path.exists(copy) and git_ignored(copy, ws.root)) and all(
                    _resolves_from(os.path.dirname(copy), spec) for spec in relative_specs):
                return other
    return None


def _same_bytes(copy: str, path: str) -> bool:
    """Whether a committed file at `copy` is the template itself, byte for byte (not another file of
    that common name: every app has a `src/index.tsx`)."""
    try:
        with open(copy, "rb") as a, open(path, "rb") as b:
            return a.read() == b.read()
    except OSError:
        return False


def _resolves_from(directory: str, spec: str) -> bool:
    base = os.path.normpath(os.path.join(directory, spec))
    return any(os.path.isfile(c) for c in candidates(base))
