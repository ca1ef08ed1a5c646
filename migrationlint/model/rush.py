"""Rush monorepos: `rush.json` lists the projects (its `projects[].projectFolder`), and the
lockfile lives under `common/config/`, not at the root.

Rush installs with pnpm, npm or yarn (the `pnpmVersion`, `npmVersion` or `yarnVersion` of
rush.json) into `common/temp/`, so the lockfile it keeps, `common/config/rush/pnpm-lock.yaml`
(or `npm-shrinkwrap.json`, `yarn.lock`), names its importers relative to `common/temp/`
(`../../apps/api`). With subspaces (`common/config/rush/subspaces.json`, `subspacesEnabled`),
each subspace keeps its own, `common/config/subspaces/<name>/pnpm-lock.yaml`, relative to
`common/temp/<name>/`. Read as data, like every other workspace file; the importers are
re-keyed relative to the repository root, as the other lockfiles name them.
"""

from __future__ import annotations

import os

from migrationlint.model.jsonc import load_jsonc
from migrationlint.model.lockfile_record import RUSH_TEMP_SCOPE, Lockfile

RUSH_FILE = "rush.json"
_MANAGER_FIELDS = (("pnpmVersion", "pnpm"), ("yarnVersion", "yarn"), ("npmVersion", "npm"))
_LOCKFILES = {"pnpm": "pnpm-lock.yaml", "yarn": "yarn.lock", "npm": "npm-shrinkwrap.json"}


def rush_config(root: str) -> dict | None:
    """rush.json at `root` (JSON with comments), or None when there is none or it is not an object."""
    path = os.path.join(root, RUSH_FILE)
    if not os.path.isfile(path):
        return None
    data, error = load_jsonc(path)
    return data if error is None and isinstance(data, dict) else None


def project_folders(config: dict) -> list[str]:
    """The `projectFolder` of every project rush.json lists (posix, relative to the root)."""
    projects = config.get("projects")
    return [p["projectFolder"].strip("/") for p in projects if isinstance(p, dict) and isinstance(p.get("projectFolder"), str)] \
        if isinstance(projects, list) else []


def rush_manager(config: dict) -> str:
    """The package manager Rush runs: pnpm, yarn or npm (pnpm when rush.json names none)."""
    return next((manager for key, manager in _MANAGER_FIELDS if config.get(key)), "pnpm")


def rush_pinned(config: dict) -> str | None:
    """The manager and version rush.json pins, as a `packageManager` field writes them (`pnpm@5.18.1`)."""
    return next((f"{manager}@{config[key]}" for key, manager in _MANAGER_FIELDS if isinstance(config.get(key), str)), None)


def rush_lockfiles(root: str, config: dict) -> list[tuple[str, str]]:
    """(lockfile path, the folder relative to the root its importers are relative to) of every
    lockfile Rush keeps for the repository."""
    common = os.path.join(root, "common")
    name = _LOCKFILES[rush_manager(config)]
    if _subspaces_enabled(common):
        spaces = os.path.join(common, "config", "subspaces")
        names = sorted(os.listdir(spaces)) if os.path.isdir(spaces) else []
        return [(os.path.join(spaces, s, name), f"common/temp/{s}") for s in names
                if os.path.isfile(os.path.join(spaces, s, name))]
    path = os.path.join(common, "config", "rush", name)
    return [(path, "common/temp")] if os.path.isfile(path) else []


def _subspaces_enabled(common: str) -> bool:
    data, error = load_jsonc(os.path.join(common, "config", "rush", "subspaces.json"))
    return error is None and isinstance(data, dict) and data.get("subspacesEnabled") is True


def rekeyed(parts: list[tuple[Lockfile, str]], config: dict) -> Lockfile | None:
    """One lockfile record of Rush's lockfiles, each importer named relative to the root (its
    `.`, which is `common/temp` itself, left out; a project installed as `@rush-temp/<name>` by the
    folder rush.json gives the package `<name>`); the parsed records are not changed."""
    if not parts:
        return None
    temp = _temp_folders(config)
    first = parts[0][0]
    merged = Lockfile(first.path, first.kind, version_field=first.version_field, settings=dict(first.settings))
    for lock, base in parts:
        for package, versions in lock.versions.items():
            known = merged.versions.setdefault(package, [])
            known += [v for v in versions if v not in known]
        merged.peers.update(lock.peers)
        merged.peer_ranges.update(lock.peer_ranges)
        merged.dependencies_of.update(lock.dependencies_of)
        merged.depends_on.update(lock.depends_on)
        for table, target in ((lock.importers, merged.importers), (lock.importer_peers, merged.importer_peers),
                              (lock.linked_peers, merged.linked_peers)):
            for importer, value in table.items():
                key = temp.get(importer) if importer.startswith(RUSH_TEMP_SCOPE) else _root_relative(base, importer)
                if key is not None:
                    target[key] = value
    return merged


def _temp_folders(config: dict) -> dict[str, str]:
    """`@rush-temp/<name>` -> the folder of the project whose package is `<name>` (or `@scope/<name>`)."""
    projects = config.get("projects") if isinstance(config.get("projects"), list) else []
    return {RUSH_TEMP_SCOPE + p["packageName"].rsplit("/", 1)[-1]: p["projectFolder"].strip("/") for p in projects
            if isinstance(p, dict) and isinstance(p.get("packageName"), str) and isinstance(p.get("projectFolder"), str)}


def _root_relative(base: str, importer: str) -> str | None:
    if importer == ".":
        return None
    found = os.path.normpath(os.path.join(base, importer)).replace(os.sep, "/")
    return None if found.startswith("..") else found
