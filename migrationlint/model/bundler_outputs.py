"""Folders a package's bundler config says a build writes: what is imported from there is generated.

A bundler plugin that generates code names its output folder in the config (`paraglideVitePlugin({
outdir: './src/paraglide' })`, a router plugin's generated route tree, the build's own `outDir`),
and writes it when the dev server or the build starts. A fresh checkout lacks the folder unless it
is committed, and an import of it names a file the build writes: like a gitignored target, not a
broken path. Read from the package's vite/webpack/rollup/rsbuild/rspack config as data: every
string under a key named `outdir`, `outDir` or `outputDir` that is a relative path.
"""

from __future__ import annotations

import os

from migrationlint.model.bundling import bundler_config
from migrationlint.model.config_objects import read_config
from migrationlint.model.project import Memo, Project, per_key

_OUTPUT_KEYS = frozenset({"outdir", "outDir", "outputDir"})
_CONFIGS: Memo[dict[str, str | None]] = per_key("bundler configs by package folder")


def written_by_bundler(project: Project, target: str) -> str | None:
    """The config of the package holding `target` (absolute) that names a folder holding it as a
    build's or plugin's output, or None. The package's config is looked up once per run."""
    package_dir = project.workspace.package_root(target)
    configs = _CONFIGS(project)
    if package_dir not in configs:
        configs[package_dir] = bundler_config(package_dir)
    config = configs[package_dir]
    if config is None:
        return None
    base = os.path.dirname(config)
    for key, value in read_config(config).keys.items():
        if key[-1] in _OUTPUT_KEYS and value and not os.path.isabs(value) and "://" not in value:
            folder = os.path.normpath(os.path.join(base, value))
            if folder != os.path.normpath(base) and target.startswith(folder + os.sep):
                return config
    return None
