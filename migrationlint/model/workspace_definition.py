"""What makes a folder a workspace root, and which members it lists: pnpm-workspace.yaml
(`packages`, and its `catalog`/`catalogs`), package.json `workspaces` (a list, or an object with
`packages`), Rush's rush.json (its projects' folders) and lerna.json. Read from the files alone;
workspace.py builds the model on it.
"""

from __future__ import annotations

import json
import os

from migrationlint.model.rush import project_folders, rush_config

WORKSPACE_MARKERS = ("pnpm-workspace.yaml", "lerna.json", "rush.json")


def declares_workspaces(data: dict) -> bool:
    """Whether package.json data lists workspaces: `workspaces` as a list, or an object with
    `packages`. A member's `{"nohoist": [...]}` alone (yarn 1) tunes its root's install and
    makes no workspace of its own."""
    found = data.get("workspaces")
    return isinstance(found, list) or isinstance(found, dict) and "packages" in found


def read_yaml(path: str) -> tuple[dict, str | None]:
    """Safe-load a YAML file: (data, error)."""
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        return {}, f"cannot read: {exc.strerror}"
    except yaml.YAMLError as exc:
        return {}, f"invalid YAML: {exc}"
    return (data if isinstance(data, dict) else {}), None


def member_globs(root: str, manifest_data: dict | None) -> tuple[list[str], str | None]:
    """Workspace member globs from rush.json (each project's folder, as written: rush.py),
    pnpm-workspace.yaml, package.json `workspaces` (`manifest_data`: the root's package.json, None
    when it has none) or lerna.json, and which of them defined the workspace (None: no workspace
    definition)."""
    rush = rush_config(root)
    if rush is not None:  # Rush owns the install, whatever else a root keeps (a leftover `workspaces`)
        return project_folders(rush), "rush.json"
    pnpm = os.path.join(root, "pnpm-workspace.yaml")
    if os.path.isfile(pnpm):
        data, _ = read_yaml(pnpm)
        pkgs = data.get("packages")
        return ([p for p in pkgs if isinstance(p, str)] if isinstance(pkgs, list) else []), "pnpm-workspace.yaml"
    if manifest_data is not None:
        ws = manifest_data.get("workspaces")
        if isinstance(ws, dict):
            ws = ws.get("packages")
        if isinstance(ws, list):
            return [p for p in ws if isinstance(p, str)], "package.json"
    lerna = os.path.join(root, "lerna.json")
    if os.path.isfile(lerna):
        try:
            with open(lerna, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            data = {}
        pkgs = data.get("packages") if isinstance(data, dict) else None
        return ([p for p in pkgs if isinstance(p, str)] if isinstance(pkgs, list) else ["packages/*"]), "lerna.json"
    return [], None


def catalogs(root: str) -> dict[str, dict[str, str]]:
    """pnpm catalogs: {"default": {...}, "<name>": {...}} from pnpm-workspace.yaml."""
    pnpm = os.path.join(root, "pnpm-workspace.yaml")
    if not os.path.isfile(pnpm):
        return {}
    data, _ = read_yaml(pnpm)
    out: dict[str, dict[str, str]] = {}
    default = data.get("catalog")
    if isinstance(default, dict):
        out["default"] = {str(k): str(v) for k, v in default.items()}
    named = data.get("catalogs")
    if isinstance(named, dict):
        for name, table in named.items():
            if isinstance(table, dict):
                out[str(name)] = {str(k): str(v) for k, v in table.items()}
    return out


def split_member_globs(patterns: list[str]) -> tuple[list[str], list[str]]:
    """(globs that include, globs that exclude: the `!` ones, the `!` dropped), each relative to
    the root without a leading `./` or a trailing `/`. A glob ending in `/**` names its folder too:
    pnpm, npm and yarn look for `<glob>/package.json`, and `**` matches no folder as well (the
    lockfile of `playground/**` has an importer `playground`)."""
    include = _with_own_folders([p.rstrip("/").removeprefix("./") for p in patterns if not p.startswith("!")])
    exclude = _with_own_folders([p[1:].rstrip("/").removeprefix("./") for p in patterns if p.startswith("!")])
    return include, exclude


def _with_own_folders(globs: list[str]) -> list[str]:
    return globs + [g[:-3] for g in globs if g.endswith("/**") and g[:-3] not in globs]


def unlisted_member_folder(root: str, path: str, patterns: list[str]) -> tuple[str, str] | None:
    """(folder relative to `root`, glob) when a folder above `path` matches one of the workspace's
    member globs but holds no package.json: a would-be workspace package (`services/payroll` under
    `services/*`) that nothing installs or builds on its own, whose files only the root's
    node_modules serve. A glob with `**` names every folder below it, which says nothing of one.
    None otherwise."""
    from migrationlint.globs import match_from_root as match

    include, exclude = split_member_globs(patterns)
    include = [p for p in include if "**" not in p and p + "/**" not in include]  # `x/**` names every folder below
    rel = os.path.relpath(os.path.dirname(path), root).replace(os.sep, "/")
    parts = rel.split("/") if rel != "." else []
    for end in range(1, len(parts) + 1):
        folder = "/".join(parts[:end])
        glob = next((p for p in include if match(p, folder)), None)
        if glob is not None and not any(match(p, folder) for p in exclude) \
                and not os.path.isfile(os.path.join(root, folder, "package.json")):
            return folder, glob
    return None
