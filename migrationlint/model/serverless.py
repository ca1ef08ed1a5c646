"""What a Serverless Framework service's bundler plugin leaves out of the functions it packages.

`serverless-bundle`, `serverless-webpack` and `serverless-esbuild` bundle each function's handler
with what it imports before the package is uploaded: the package itself is never installed for
production, and only what the plugin's settings keep external needs an install (the Lambda runtime
provides some of that: `aws-sdk`). The config is read as data: `serverless.yml`/`.yaml` with the
YAML loader, `serverless.ts`/`.js` with the config-object reader; never run.
"""

from __future__ import annotations

import os

from migrationlint.model.config_objects import find_config, read_config

_PLUGINS = ("serverless-bundle", "serverless-webpack", "serverless-esbuild")
# where each plugin's settings name what stays external: serverless-bundle's `externals` and
# `forceExclude`, serverless-esbuild's `external` and `exclude`
_EXTERNAL_KEYS = {"serverless-bundle": ("custom.bundle.externals", "custom.bundle.forceExclude"),
                  "serverless-esbuild": ("custom.esbuild.external", "custom.esbuild.exclude"),
                  "serverless-webpack": ()}


def serverless_bundle(directory: str) -> tuple[str, tuple[str, ...]] | None:
    """(the plugin, the packages its settings keep external) when the service in `directory`
    bundles its functions with one of the plugins and what stays external is readable (a list of
    names); None otherwise (serverless-webpack's externals are its webpack config's)."""
    settings = _settings(directory)
    if settings is None:
        return None
    plugins, lists = settings
    plugin = next((p for p in _PLUGINS if p in plugins), None)
    if plugin is None:
        return None
    external: list[str] = []
    for key in _EXTERNAL_KEYS[plugin]:
        named = lists.get(key, ())
        if named is None:
            return None
        external += named
    return plugin, tuple(external)


def _settings(directory: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...] | None]] | None:
    """(plugins, {dotted key: its list of names, None when not one}) of the service's config."""
    keys = [k for keys in _EXTERNAL_KEYS.values() for k in keys]
    for name in ("serverless.yml", "serverless.yaml"):
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            data = _yaml(path)
            if not isinstance(data, dict):
                return None
            plugins = data.get("plugins")
            plugins = plugins.get("modules") if isinstance(plugins, dict) else plugins
            return _names(plugins) or (), {k: _names(_dotted(data, k)) for k in keys if _dotted(data, k) is not None}
    config = find_config(directory, "serverless")
    if config is None:
        return None
    read = read_config(config)
    plugins = read.names("plugins") or read.names("plugins.modules") or ()
    return plugins, {k: read.names(k) for k in keys if read.has(k)}


def _yaml(path: str) -> object:
    from migrationlint.model.yaml_load import load

    try:
        with open(path, encoding="utf-8") as fh:
            return load(fh.read())
    except Exception:  # noqa: BLE001 - CloudFormation tags (`!Ref`) or bad YAML: nothing readable
        return None


def _dotted(data: dict, key: str) -> object:
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _names(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None
