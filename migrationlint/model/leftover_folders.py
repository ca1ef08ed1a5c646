"""Whether a would-be workspace package folder is a leftover: none of its files is used.

A folder that a member glob matches but that holds no package.json (workspace_definition's
`unlisted_member_folder`) belongs to the root, whose declarations serve its files. When none of its
files is imported by any file (its own or another package's) and no script of the root names the
folder, nothing wires it to anything: it is what a removed or renamed package left behind (a
generated file still tracked at the old path, a framework's `next-env.d.ts` after its app was
deleted). A service kept without a package.json has a bootstrap that imports its modules, and a
library compiled into the apps through tsconfig `paths` has importers. Declaring a leftover's
imports at the root is the wrong remedy; deleting the folder, or making it a package, is the right
one. Asked only for a file with a DEP001 finding.
"""

from __future__ import annotations

import os

from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.project import Memo, Project, per_key
from migrationlint.model.resolve import Resolver

# past this many files a folder is some package's real code, laid out unusually: not a leftover
_MOST_FILES = 40

_LEFTOVER: Memo[dict[str, bool]] = per_key("leftover member folders")


def leftover_folder(project: Project, resolver: Resolver, folder: str) -> bool:
    """Whether none of the lintable files in `folder` (absolute; at most a few dozen of them) is
    imported by any file, no script of the root's package.json names the folder, and it is no Nx
    project (a project.json: Nx runs its targets). Remembered per folder for the run."""
    memo = _LEFTOVER(project)
    found = memo.get(folder)
    if found is None:
        root = project.workspace.root
        inside = [p for p in project.package_sources(root) if p.startswith(folder + os.sep)]
        found = memo[folder] = len(inside) <= _MOST_FILES and not _named_by_root_scripts(project, folder) \
            and not os.path.isfile(os.path.join(folder, "project.json")) \
            and not any(next(importers(project, p, file_names(p), resolver), None) for p in inside)
    return found


def _named_by_root_scripts(project: Project, folder: str) -> bool:
    manifest = project.workspace.manifest(os.path.join(project.workspace.root, "package.json"))
    scripts = manifest.data.get("scripts") if not manifest.error else None
    rel = project.rel(folder)
    return isinstance(scripts, dict) and any(isinstance(c, str) and rel in c for c in scripts.values())
