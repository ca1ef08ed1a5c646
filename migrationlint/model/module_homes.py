"""Other projects' installs a package's webpack build resolves packages from (`resolve.modules`).

An Electron app's plugins, each bundled by webpack, may resolve what they import from the app's
install and the repository root's as well as their own (`modules: ['node_modules',
'../app/node_modules', '../node_modules'].map((x) => path.join(dirname, x))`): the repository's
install script installs every one of those projects, and the bundle takes the package from
whichever holds it. What those projects declare is declared for the bundle: asking each plugin to
declare it again would add a copy per plugin.

Read as data from the package's `webpack.config.*` (or `rspack.config.*`), or from the config
module it imports when it names no such list itself (a shared `../webpack.plugin.config.mjs` that
the package's config calls with its folder). A relative entry is taken from the package's folder;
only entries that name a `node_modules` folder count.
"""

from __future__ import annotations

import os

from migrationlint.model.config_objects import CONFIG_EXTENSIONS, config_imports, find_config, read_config
from migrationlint.model.project import Project, per_key
from migrationlint.model.workspace import Manifest

_STEMS = ("webpack.config", "rspack.config")
_HOMES = per_key("package folder -> module_homes")


def module_homes(project: Project, manifest: Manifest) -> tuple[str, ...]:
    """The folders, other than the package's own, whose `node_modules` its bundler config lists as a
    place to resolve packages from (absolute, in the order written); once per package in a run."""
    memo = _HOMES(project)
    if manifest.dir not in memo:
        memo[manifest.dir] = _homes(manifest)
    return memo[manifest.dir]


def _homes(manifest: Manifest) -> tuple[str, ...]:
    homes: list[str] = []
    for stem in _STEMS:
        config = find_config(manifest.dir, stem)
        if config is None:
            continue
        for entry in _module_folders(config):
            folder = os.path.normpath(os.path.join(manifest.dir, entry))
            home = os.path.dirname(folder)
            if os.path.basename(folder) == "node_modules" and home != manifest.dir and home not in homes:
                homes.append(home)
    return tuple(homes)


def _module_folders(config: str) -> tuple[str, ...]:
    """`resolve.modules` of the config, or of the one relative module it imports that lists them."""
    found = read_config(config).names("resolve.modules")
    if found:
        return found
    for spec in sorted(config_imports(config)):
        if not spec.startswith("."):
            continue
        base = os.path.normpath(os.path.join(os.path.dirname(config), spec))
        shared = next((c for c in (base, *(base + e for e in CONFIG_EXTENSIONS)) if os.path.isfile(c)
                       and c.endswith(CONFIG_EXTENSIONS)), None)
        listed = read_config(shared).names("resolve.modules") if shared is not None else None
        if listed:
            return listed
    return ()
