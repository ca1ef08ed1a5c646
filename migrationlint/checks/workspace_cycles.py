"""Whether declaring a workspace package would close a cycle of workspace dependencies.

Turborepo (`dependsOn: ["^build"]`), Nx and `pnpm -r` order builds by the packages' declared
dependencies on one another and reject a cycle. An import of a sibling that already depends on
the importer (through its own declarations) is kept undeclared for that reason: declaring it is a
decision about the package graph, never a safe fix. So is an import of a sibling whose own files
import the importer by name, undeclared as well (two members of one app, each using the other): the
two fixes together would declare the cycle.
"""

from __future__ import annotations

from collections import deque

from migrationlint.model.package_use import Use
from migrationlint.model.project import Project, per_key
from migrationlint.model.resolve import resolver_for
from migrationlint.model.unchecked_files import unchecked_file
from migrationlint.model.workspace import DEP_SECTIONS, Manifest, Workspace


def cycle_through(ws: Workspace, importer: Manifest, package: str) -> list[str] | None:
    """The names from `package` back to the importer along declared workspace dependencies
    (`[package, ..., importer]`), when `package` is a workspace member that depends on the
    importer; else None."""
    start = ws.member(package)
    if start is None or not importer.name:
        return None
    came_from: dict[str, str | None] = {package: None}
    queue = deque([start])
    while queue:
        member = queue.popleft()
        for name in sorted({d for s in DEP_SECTIONS for d in member.section(s)}):
            if name in came_from:
                continue
            came_from[name] = member.name
            if name == importer.name:
                path = [name]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return path[::-1]
            nxt = ws.member(name)
            if nxt is not None:
                queue.append(nxt)
    return None


def workspace_cycle(project: Project, importer: Manifest, package: str) -> tuple[list[str], bool] | None:
    """`cycle_through`'s path with False, or `[package, importer]` with True when the workspace member
    `package` declares no way back but a file of it imports the importer by name; else None."""
    ws = project.workspace
    declared = cycle_through(ws, importer, package)
    if declared is not None:
        return declared, False
    member = ws.member(package)
    if member is None or not importer.name or member.path == importer.path:
        return None
    memo = _IMPORTS_BACK(project)
    key = (member.dir, importer.name)
    if key not in memo:
        memo[key] = _imports_by_name(project, member.dir, importer.name)
    return ([package, importer.name], True) if memo[key] else None


_IMPORTS_BACK = per_key("(member folder, package name) -> whether a file of the member imports the package by name")


def _imports_by_name(project: Project, folder: str, name: str) -> bool:
    """Whether a file of the package in `folder` imports `name` (or a subpath of it)."""
    for path in project.package_sources(folder):
        facts = project.facts(path) if project.mentions(path, name.encode("utf-8")) else None
        if facts is not None and any(i.specifier == name or i.specifier.startswith(name + "/") for i in facts.imports):
            return True
    return False


def editor_only_cycle(project: Project, u: Use) -> bool:
    """Whether an import used only for types, in a file nothing type-checks (a test vitest runs with its
    types stripped, no tsconfig including it: unchecked_files), names a sibling whose declaration would
    close a cycle: nothing fails but an editor's TS2307, and the one remedy, reshaping the package graph,
    is out of proportion to it."""
    return u.type_only and workspace_cycle(project, u.manifest, u.package) is not None \
        and unchecked_file(project, resolver_for(project), u.path) is not None
