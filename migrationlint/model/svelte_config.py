"""SvelteKit's `kit.alias` from svelte.config.js, read as data (never executed).

`kit.alias: { '@fixtures': 'src/fixtures' }` makes `@fixtures/albums` a path inside the package,
not an npm package. Kept apart from the shipping model so that import resolution can reuse it.
"""

from __future__ import annotations

import os

from migrationlint.model.config_objects import find_config, read_config


def svelte_config_path(package_dir: str) -> str | None:
    """The package's svelte.config.{js,ts,mjs,cjs}, if any."""
    return find_config(package_dir, "svelte.config")


def svelte_aliases(package_dir: str) -> dict[str, str]:
    """{alias: directory (absolute)} of `kit.alias` in the package's svelte config."""
    path = svelte_config_path(package_dir)
    if path is None:
        return {}
    out = {}
    for key, value in read_config(path).children("kit.alias").items():
        if value is not None:
            out[key.removesuffix("/*")] = os.path.normpath(os.path.join(package_dir, value.removesuffix("/*")))
    return out


def is_svelte_alias(package_dir: str, specifier: str) -> bool:
    """Whether `specifier` is `kit.alias` key or a path below one."""
    return any(specifier == a or specifier.startswith(a + "/") for a in svelte_aliases(package_dir))
