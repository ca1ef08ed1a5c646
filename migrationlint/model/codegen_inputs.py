"""Source files a GraphQL code generator loads as its schema: inputs of a build step, not shipped code.

graphql-codegen (and the GraphQL config it shares with editors) names its schema in `schema:`:
an SDL file, a URL, or a TypeScript or JavaScript module that builds the schema in code (a
code-first application assembled only so the generator can introspect it, run through
`require: ts-node/register`). Such a module runs when the generator runs, in the repository,
and no entry point of the package loads it, so what it imports is the generator's, a
development need. `documents:` is not read: it names the components that hold the queries,
which ship. The files `generates:` writes are read too: an import of a name such a file lacks is
an operation missing from the documents, not a misspelling (IMP003). Configs are read as data
(YAML, JSON, or the literal object of `codegen.ts`), never run; a file an entry point reaches
ships whatever a config also says of it.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Iterator

from migrationlint.globs import match
from migrationlint.model import yaml_load
from migrationlint.model.config_objects import CONFIG_EXTENSIONS, read_config

_STEMS = ("codegen", ".graphqlrc", "graphql.config")
_DATA_EXTENSIONS = (".yml", ".yaml", ".json", "")
_CODE = (".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs")
_CONFIG_NAMES = frozenset(stem + extension for stem in _STEMS for extension in (*_DATA_EXTENSIONS, *CONFIG_EXTENSIONS)
                          if extension or stem == ".graphqlrc")


def codegen_schema_input(path: str, package_dir: str, configs: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """Why `path` is a module a GraphQL code generator's config in `package_dir` loads as its
    schema (`schema: ./src/schema.ts`), or the generator's own config (`codegen.ts`, which its CLI
    loads), or None; `configs`: `schema_patterns(package_dir)`."""
    name = os.path.basename(path)
    if name in _CONFIG_NAMES and name.endswith(_CODE) and os.path.dirname(path) == package_dir.rstrip(os.sep):
        return f"the GraphQL code generator's configuration ({name}): its command line loads it, nothing else"
    for config, patterns in configs:
        rel = os.path.relpath(path, package_dir).replace(os.sep, "/")
        if any(match(p, rel) for p in patterns):
            return (f"the schema module {os.path.basename(config)} names (`schema:`): the GraphQL code generator "
                    "loads it to generate code, a build step, not the package's code")
    return None


def schema_patterns(package_dir: str) -> list[tuple[str, tuple[str, ...]]]:
    """(config path, the code files its `schema:` names, relative to the package) of every
    generator config in the folder (its listing read once: asked per package, not per file);
    each config read once per version."""
    return [(config, read[0]) for config, read in _read_configs(package_dir) if read[0]]


def generated_by(path: str, directories: list[str]) -> str | None:
    """The generator config (in one of `directories`) whose `generates:` writes the code file
    `path` (`src/generated/graphql.ts`), or None: its exports are what the documents ask for."""
    for directory in directories:
        rel = os.path.relpath(path, directory).replace(os.sep, "/")
        for config, read in _read_configs(directory):
            if rel in read[1]:
                return config
    return None


def _read_configs(package_dir: str) -> list[tuple[str, tuple[tuple[str, ...], tuple[str, ...]]]]:
    found = []
    for config in _configs(package_dir):
        try:
            stat = os.stat(config)
        except OSError:
            continue
        found.append((config, _read(config, stat.st_mtime_ns, stat.st_size)))
    return found


def _configs(package_dir: str) -> Iterator[str]:
    try:
        names = os.listdir(package_dir)
    except OSError:
        return
    for name in sorted(n for n in names if n in _CONFIG_NAMES):
        if os.path.isfile(os.path.join(package_dir, name)):
            yield os.path.join(package_dir, name)


@lru_cache(maxsize=64)
def _read(config: str, mtime_ns: int, size: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the code files `schema:` names, the code files `generates:` writes) of one config."""
    if config.endswith(CONFIG_EXTENSIONS):
        read = read_config(config)
        values = [v for k, v in read.keys.items() if k[-1] == "schema" and v is not None]
        values += [v for k, items in read.lists.items() if k[-1] == "schema" for v in items or ()]
        values += [k[-1] for k in read.objects if len(k) > 1 and k[-2] == "schema"]
        outputs = [k[-1] for k in read.objects if len(k) > 1 and k[-2] == "generates"]
    else:
        try:
            with open(config, encoding="utf-8") as fh:
                text = fh.read()
            data = json.loads(text) if config.endswith(".json") else yaml_load.load(text)
        except (OSError, UnicodeDecodeError, ValueError):
            return (), ()
        values = list(_schema_values(data))
        outputs = list(_generated_values(data))
    return (tuple(dict.fromkeys(v.removeprefix("./") for v in values if _local_code(v))),
            tuple(dict.fromkeys(v.removeprefix("./") for v in outputs if _local_code(v))))


def _generated_values(data: object) -> Iterator[str]:
    """The keys of every `generates` mapping, at any depth (a project's own, in a GraphQL config)."""
    for value in _values_under(data, "generates"):
        if isinstance(value, dict):
            yield from (k for k in value if isinstance(k, str))


def _schema_values(data: object) -> Iterator[str]:
    """Every string under a `schema` key, at any depth (a project's or an output's own schema):
    a string, a list of strings, or a mapping whose keys are the pointers."""
    for value in _values_under(data, "schema"):
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v if isinstance(v, str) else next(iter(v), "") for v in value if isinstance(v, (str, dict)))
        elif isinstance(value, dict):
            yield from (k for k in value if isinstance(k, str))


def _values_under(data: object, name: str) -> Iterator[object]:
    """The value of every `name` key of the config, at any depth (not below another `name` key)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == name:
                yield value
            else:
                yield from _values_under(value, name)
    elif isinstance(data, list):
        for item in data:
            yield from _values_under(item, name)


def _local_code(value: str) -> bool:
    return "://" not in value and not value.startswith("!") and value.endswith(_CODE)
