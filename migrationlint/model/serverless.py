"""What a Serverless Framework service's bundler plugin leaves out of the functions it packages.

`serverless-bundle`, `serverless-webpack` and `serverless-esbuild` bundle each function's handler
with what it imports before the package is uploaded: the package itself is never installed for
production, and only what the plugin's settings keep external needs an install (the Lambda runtime
provides some of that: `aws-sdk`). The config is read as data: `serverless.yml`/`.yaml` with the
YAML loader, `serverless.ts`/`.js` with the config-object reader; never run.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from migrationlint.model.config_objects import find_config, read_config

# `serverless.ts`, `serverless.prod.ts`: the service's configuration at the package's top
_SERVICE_CONFIG = re.compile(r"^(?:\./)?serverless(?:\.[\w-]+)?\.[cm]?[jt]s$")


def is_service_config(target: str) -> bool:
    """Whether `target` (relative to the package) is the Serverless Framework's service configuration,
    which the `sls` CLI reads to package and deploy: never loaded by the functions, even where the
    template's `"main": "serverless.ts"` names it."""
    return bool(_SERVICE_CONFIG.match(target))


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


def lambda_runtime_provides(directory: str, package: str) -> bool:
    """Whether the Node.js runtime the service in `directory` deploys its functions to
    (`provider.runtime: nodejs20.x`) provides `package`: from `nodejs18.x` on, Lambda ships the AWS
    SDK for JavaScript v3 (every `@aws-sdk/` package), before it the v2 SDK (`aws-sdk`). A service
    keeps it in devDependencies on purpose, to keep it out of the uploaded package."""
    if not package.startswith("@aws-sdk/") and package != "aws-sdk":
        return False
    runtime = _provider_runtime(directory)
    found = re.fullmatch(r"nodejs(\d+)\.x", runtime or "")
    return found is not None and (int(found.group(1)) >= 18) == (package != "aws-sdk")


def lambda_runtime_named(directory: str) -> bool:
    """Whether the service in `directory` names its Lambda runtime (`provider.runtime: nodejsNN.x`)."""
    return _provider_runtime(directory) is not None


def serverless_service(directory: str) -> bool:
    """Whether the package in `directory` is a Serverless Framework service (a serverless config
    beside its package.json): deployed by `serverless deploy`, never installed as a library."""
    return _service_config(directory) is not None


def _service_config(directory: str) -> str | None:
    """The service's configuration file: `serverless.yml` or `.yaml`, else `serverless.ts`/`.js`/..."""
    return next((p for p in (os.path.join(directory, n) for n in ("serverless.yml", "serverless.yaml"))
                 if os.path.isfile(p)), None) or find_config(directory, "serverless")


def _provider_runtime(directory: str) -> str | None:
    """The service's `provider.runtime`, read once per version of its config (asked per import)."""
    path = _service_config(directory)
    try:
        stat = os.stat(path) if path is not None else None
    except OSError:
        return None
    return _runtime_in(path, stat.st_mtime_ns, stat.st_size) if stat is not None else None


@lru_cache(maxsize=64)
def _runtime_in(path: str, mtime_ns: int, size: int) -> str | None:
    if path.endswith((".yml", ".yaml")):
        data = _yaml(path)
        runtime = _dotted(data, "provider.runtime") if isinstance(data, dict) else None
        return runtime if isinstance(runtime, str) else None
    named = read_config(path).names("provider.runtime")
    return named[0] if named and len(named) == 1 else None


def _settings(directory: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...] | None]] | None:
    """(plugins, {dotted key: its list of names, None when not one}) of the service's config."""
    keys = [k for keys in _EXTERNAL_KEYS.values() for k in keys]
    path = _service_config(directory)
    if path is None:
        return None
    if path.endswith((".yml", ".yaml")):
        data = _yaml(path)
        if not isinstance(data, dict):
            return None
        plugins = data.get("plugins")
        plugins = plugins.get("modules") if isinstance(plugins, dict) else plugins
        return _names(plugins) or (), {k: _names(_dotted(data, k)) for k in keys if _dotted(data, k) is not None}
    read = read_config(path)
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
