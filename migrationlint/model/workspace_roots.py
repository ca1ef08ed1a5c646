"""Workspace roots: whether a root has members (its files are then the repository's tooling), and
whether its `dependencies` are nonetheless what a service of the workspace runs on (then it deploys).
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.model.package_roles import declares_its_own
from migrationlint.model.project import Project, per_key
from migrationlint.model.workspace import Manifest, member_globs
from migrationlint.model.workspace_definition import unlisted_member_folder


def is_workspace_root(manifest: Manifest) -> bool:
    """Whether `manifest` is the root of a workspace with members (`workspaces`, pnpm-workspace.yaml
    `packages`, lerna.json): a root whose files are the repository's tooling. A pnpm-workspace.yaml
    that only holds settings (`onlyBuiltDependencies`, pnpm 10) makes no members: that root is the
    project itself, and deploys."""
    if "workspaces" not in manifest.data and not any(
            os.path.isfile(os.path.join(manifest.dir, n)) for n in ("pnpm-workspace.yaml", "lerna.json")):
        return False
    return bool(member_globs(manifest.dir)[0])


def runs_its_services(project: Project, root: Manifest, is_service: Callable[[Manifest], bool]) -> bool:
    """Whether the root's `dependencies` are the runtime of a service of its workspace: a member below
    it that starts a service (`is_service`) declares no package of its own (declares_its_own), so the
    service's imports are served by the root alone (an install that hoists everything, `node-linker=hoisted`,
    with app manifests holding only scripts). Such a root deploys with the service. Once per root in a run."""
    memo = _RUNS_SERVICES(project)
    if root.path not in memo:
        ws, inside = project.workspace, root.dir.rstrip(os.sep) + os.sep
        memo[root.path] = bool(root.section("dependencies")) and any(
            m.dir.startswith(inside) and not m.error and not declares_its_own(m, ws) and is_service(m)
            for m in ws.member_manifests)
    return memo[root.path]


def served_library(project: Project, path: str, root: Manifest, is_service: Callable[[Manifest], bool]) -> bool:
    """Whether the file at `path`, of the workspace root `root`, lies in a would-be member folder (a member
    glob matches it, it has no package.json: `libraries/shared` under `libraries/*`) of a root whose
    `dependencies` its services run on: library code the services load, which ships, not the root's tooling."""
    ws = project.workspace
    return root.dir == ws.root and runs_its_services(project, root, is_service) \
        and unlisted_member_folder(ws.root, path, ws.member_patterns) is not None


_RUNS_SERVICES = per_key("workspace root -> whether a service of its workspace runs on its dependencies")
