"""Workspace packages a build step creates: the workspace definition names their folder, which a
checkout lacks, and the scripts address them by name.

A Hydra indexer lists `query-node/generated/graphql-server` among its workspaces: `hydra-cli
codegen` writes that package (named `query-node`), `yarn workspace query-node build` builds it,
and the mappings import `query-node/dist/model` through the workspace's link. In a checkout the
folder is absent, so the package's name is known only from the scripts that run it as a
workspace (`yarn workspace query-node build`, `pnpm --filter query-node build`, `npm run build -w
query-node`). Such a name is a package of the workspace, not of the registry: declaring it would
make the first install of a fresh checkout look it up there.
"""

from __future__ import annotations

import os

from migrationlint.model.bundling import workspace_script_runs
from migrationlint.model.workspace import Workspace
from migrationlint.model.workspace_definition import split_member_globs

_WILDCARDS = frozenset("*?[{")


def generated_members(ws: Workspace) -> frozenset[str]:
    """The names scripts of the workspace run as workspace packages that no present member bears,
    when the workspace definition names a folder (no wildcard) the checkout lacks; else none."""
    include, _ = split_member_globs(ws.member_patterns)
    if not any(not _WILDCARDS.intersection(g) and not os.path.isdir(os.path.join(ws.root, g)) for g in include):
        return frozenset()
    names: set[str] = set()
    for manifest in [ws.root_manifest, *ws.member_manifests]:
        scripts = manifest.data.get("scripts") if manifest is not None else None
        for script in scripts.values() if isinstance(scripts, dict) else ():
            if isinstance(script, str):
                names.update(name for name, _ in workspace_script_runs(script))
    own = ws.root_manifest.name if ws.root_manifest is not None else None
    return frozenset(n for n in names if ws.member(n) is None and n != own)
