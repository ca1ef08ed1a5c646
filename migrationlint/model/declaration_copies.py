"""Declaration files copied out of another folder of the workspace: tsc's output, kept elsewhere.

A plugin API whose `.d.ts` files a script copies from the host's build into every example or test
plugin (`plugins/*/api/Global.d.ts`, emitted from `packages/lib/services/plugins/api/Global.ts`)
keeps the source's relative imports (`../Plugin`), which name files beside the source and nothing
beside the copy, and the source's packages (`redux`), which the source's package declares. The
copies are regenerated from the source and never edited, so what their imports miss is the
source's (or the copying script's) to fix: the import and dependency rules say nothing in them.

A folder is such a copy when most of its declaration files (two at least, the asking file among
them) have a TypeScript source of the same stem in one other folder of the same name, which holds
no declaration file of those stems itself (it is the source, not another copy).
"""

from __future__ import annotations

import os

from migrationlint.model.project import Project, per_key

_DECLARATION = ".d.ts"
_SOURCES = (".ts", ".tsx")
_COPIES = per_key("folder -> the folder whose emitted declarations it holds a copy of, or None")
_FOLDERS = per_key("folder name -> the workspace folders of that name that hold TypeScript sources (one key: None)")


def declarations_copied_from(project: Project, path: str) -> str | None:
    """The folder (absolute) from whose sources the declaration file at `path` was emitted and
    copied, or None (a hand-written declaration file, or one whose folder is no copy)."""
    if not path.endswith(_DECLARATION):
        return None
    folder = os.path.dirname(path)
    memo = _COPIES(project)
    if folder not in memo:
        memo[folder] = _source_folder(project, folder)
    found = memo[folder]
    stem = os.path.basename(path)[:-len(_DECLARATION)]
    return found if found is not None and any(os.path.isfile(os.path.join(found, stem + s)) for s in _SOURCES) else None


def _source_folder(project: Project, folder: str) -> str | None:
    package = project.workspace.package_root(os.path.join(folder, "x.ts"))
    stems = {os.path.basename(f)[:-len(_DECLARATION)] for f in project.package_sources(package)
             if os.path.dirname(f) == folder and f.endswith(_DECLARATION)}
    if len(stems) < 2:
        return None
    for other, sources in _folders_named(project, os.path.basename(folder)).items():
        if other == folder:
            continue
        twins = stems & sources
        if len(twins) >= 2 and 2 * len(twins) >= len(stems) and not any(
                os.path.isfile(os.path.join(other, t + _DECLARATION)) for t in twins):
            return other
    return None


def _folders_named(project: Project, name: str) -> dict[str, set[str]]:
    """The workspace's folders called `name` (in the root package and its members), each with the
    stems of its TypeScript sources (declaration files left out)."""
    memo = _FOLDERS(project)
    if None not in memo:
        index: dict[str, dict[str, set[str]]] = {}
        ws = project.workspace
        for root in dict.fromkeys([ws.root, *ws.member_dirs]):
            for f in project.package_sources(root):
                if f.endswith(_SOURCES) and not f.endswith(_DECLARATION):
                    folder = os.path.dirname(f)
                    stem = os.path.splitext(os.path.basename(f))[0]
                    index.setdefault(os.path.basename(folder), {}).setdefault(folder, set()).add(stem)
        memo[None] = index
    return memo[None].get(name, {})
