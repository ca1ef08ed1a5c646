"""Who installs peer dependencies, as the repository's package manager is set up (DEP003).

A missing peer only breaks `require()` when the package manager does not install it by itself:
npm 7+ installs peers unless `legacy-peer-deps=true` (.npmrc); pnpm does with `auto-install-peers`
(the default since pnpm 8; pnpm-lock.yaml records `settings: autoInstallPeers`); yarn (classic and
berry) never does. The answer carries the setting, so that a DEP003 message can name it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from migrationlint.model.lockfile_record import Lockfile
from migrationlint.model.ini_pairs import ini_pairs


@dataclass(frozen=True)
class PeerPolicy:
    """Whether peers get installed, and the manager and setting that decide it (message text)."""

    installs: bool
    setting: str


def read_npmrc(directory: str) -> dict[str, str]:
    """`key=value` lines of `<directory>/.npmrc` (ini; comments and blank lines skipped; a repeated
    key keeps its last value: npmrc_values has them all)."""
    return dict(_npmrc_pairs(directory))


def npmrc_values(directory: str, *keys: str) -> list[str]:
    """Every value `<directory>/.npmrc` gives any of `keys`, in order: a list setting is a repeated
    key (`public-hoist-pattern[]=*prisma*` on several lines)."""
    return [value for key, value in _npmrc_pairs(directory) if key in keys]


def _npmrc_pairs(directory: str) -> list[tuple[str, str]]:
    return ini_pairs(os.path.join(directory, ".npmrc"))


def read_pnpm_settings(directory: str) -> dict:
    """The settings of `<directory>/pnpm-workspace.yaml` (pnpm 10 keeps `.npmrc`'s settings there, in
    camel case: `shamefullyHoist`, `nodeLinker`, `autoInstallPeers`), {} when absent or unreadable."""
    path = os.path.join(directory, "pnpm-workspace.yaml")
    if not os.path.isfile(path):
        return {}
    from migrationlint.model.workspace_definition import read_yaml

    return read_yaml(path)[0]


def read_yarnrc(directory: str) -> dict:
    """The settings yarn berry reads for the project in `directory`: its `.yarnrc.yml` over those of
    the folders above it (yarn finds them in the parent directories, the closest winning: a nested
    docs project's file naming only `yarnPath` keeps the root's `nodeLinker: node-modules`), read in
    the folders that hold a package.json, so that nothing outside the repository counts; {} when none."""
    merged: dict = {}
    folder = directory
    while True:
        if folder == directory or os.path.isfile(os.path.join(folder, "package.json")):
            merged = {**_yarnrc_at(folder), **merged}
        parent = os.path.dirname(folder)
        if parent == folder:
            return merged
        folder = parent


def _yarnrc_at(directory: str) -> dict:
    """The settings of `<directory>/.yarnrc.yml`, {} when absent or unreadable."""
    from migrationlint.model.yaml_load import load

    try:
        with open(os.path.join(directory, ".yarnrc.yml"), encoding="utf-8", errors="replace") as fh:
            data = load(fh.read())
    except (OSError, ValueError):  # malformed YAML (ValueError) tells as little as an absent file
        return {}
    return data if isinstance(data, dict) else {}


def _flag(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _major(package_manager: str | None, manager: str) -> int | None:
    m = re.match(rf"^{manager}@(\d+)", package_manager or "")
    return int(m.group(1)) if m else None


def peer_policy(root: str, manager: str, package_manager: str | None, lock: Lockfile | None,
                workspace_settings: dict | None = None) -> PeerPolicy:
    """The peer policy of the workspace rooted at `root` (`package_manager`: the packageManager field)."""
    npmrc = read_npmrc(root)
    if manager == "yarn":
        return PeerPolicy(False, "yarn, which never installs peer dependencies")
    if manager == "bun":
        return PeerPolicy(True, "bun installs peer dependencies")
    if manager == "npm":
        if _flag(npmrc.get("legacy-peer-deps")):
            return PeerPolicy(False, "npm with legacy-peer-deps=true (.npmrc), which does not install peer dependencies")
        major = _major(package_manager, "npm")
        if (major is not None and major < 7) or (major is None and lock is not None and lock.version_field == "1"):
            return PeerPolicy(False, "npm 6 (lockfileVersion 1), which does not install peer dependencies")
        return PeerPolicy(True, "npm 7+ installs peer dependencies")
    for value, where in ((lock.settings.get("autoInstallPeers") if lock else None, "pnpm-lock.yaml settings"),
                         ((workspace_settings or {}).get("autoInstallPeers"), "pnpm-workspace.yaml"),
                         (npmrc.get("auto-install-peers"), ".npmrc")):
        flag = _flag(value)
        if flag is not None:
            return PeerPolicy(flag, f"pnpm with auto-install-peers={str(flag).lower()} ({where})")
    major = _major(package_manager, "pnpm")
    if major is None and lock is not None and lock.version_field[:1].isdigit():
        major = 8 if float(re.match(r"\d+(?:\.\d+)?", lock.version_field).group(0)) >= 6 else 7
    if major is not None and major < 8:
        return PeerPolicy(False, f"pnpm {major}, whose auto-install-peers defaults to false")
    return PeerPolicy(True, "pnpm 8+ installs peer dependencies (auto-install-peers defaults to true)")


def optional_in_meta(manifest_data: dict, package: str) -> bool:
    """Whether `peerDependenciesMeta` marks `package` optional: pnpm and yarn take such an entry for an
    optional peer even without a range in peerDependencies, which is what an optional feature declares."""
    meta = manifest_data.get("peerDependenciesMeta")
    entry = meta.get(package) if isinstance(meta, dict) else None
    return isinstance(entry, dict) and entry.get("optional") is True
