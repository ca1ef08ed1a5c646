"""Path aliases a jest configuration declares in `moduleNameMapper`, read as data.

`moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/src/$1' }` lets the tests of a package import
`@shared/clock` with no tsconfig `paths` entry: the name is the package's own folder, not a
package of the registry. The keys are regular expressions; the literal start of one
(`@shared/`) is the alias prefix, and the mapping counts only when it maps to a path
(`<rootDir>/...`, `./...`): a mapper that swaps one package for another (`'^lodash-es$':
'lodash'`) or for a file stub of a package the manifest declares is a test-time substitute, and
the package stays a package. A key that ends with one capture of the rest (`(.*)$`) whose value
puts it at the end (`<rootDir>/src/$1`) maps a prefix to a folder, followed like a tsconfig
`paths` entry (a missing file is IMP002's); any other target is trusted, never reported missing.

`moduleDirectories: ['node_modules', 'src']` (and `modulePaths: ['<rootDir>/src']`) make jest look
for a bare name in the package's `src/` as it does in node_modules: `jest.mock('env')` and
`require('services/wallets')` in a test name `src/env.ts` and `src/services/`. Each file and folder
at the top of such a folder is an alias of its own name, unless the package declares a package of
that name (node_modules comes first in the usual order, and a declared package is what it finds).

Read from the package's jest configs (runner_config_files: `jest.config.*`, variants such as
`jest.server.config.ts` that a root config lists in `projects`, and configs its scripts name; as
data, with tree-sitter, or as JSON) and the `jest` key of its package.json.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.config_objects import read_config
from migrationlint.model.jsonc import load_jsonc
from migrationlint.model.packages import package_name
from migrationlint.model.runner_config_files import jest_configs

# `^@scope/name/(.*)$` -> `@scope/name/`; the literal run stops at the first regex operator
_LITERAL_START = re.compile(r"\^?((?:[A-Za-z0-9@~#$_/-]|\\[./-])+)")
_BARE_START = re.compile(r"[A-Za-z@~#$_]")


def jest_aliases(directory: str, package_jest: object, declared: frozenset[str]) -> dict[str, str | None]:
    """Alias prefix -> the folder or file it maps to (None: trusted), for each path mapping of the
    package's jest configuration."""
    out: dict[str, str | None] = {}
    for key, target, root_dir in _mappers(directory, package_jest):
        prefix = _prefix(key)
        if prefix is None or not _is_path(target) or package_name(prefix.rstrip("/")) in declared:
            continue
        out[prefix] = _followed(key, target, root_dir, directory)
    return out


def jest_module_folders(directory: str, package_jest: object, declared: frozenset[str]) -> dict[str, str]:
    """Name -> path for each file and folder at the top of the folders jest's `moduleDirectories`
    and `modulePaths` add to node_modules for the package's tests."""
    out: dict[str, str] = {}
    for folder in _module_folders(directory, package_jest):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            stem, ext = os.path.splitext(name)
            alias = name if os.path.isdir(os.path.join(folder, name)) else stem if ext in _MODULE_EXTENSIONS else None
            if alias and not alias.startswith((".", "_")) and alias not in declared and alias not in out:
                out[alias] = os.path.join(folder, alias)
    return out


_MODULE_EXTENSIONS = frozenset({".ts", ".tsx", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs", ".json"})


def _module_folders(directory: str, package_jest: object) -> list[str]:
    """The folders of the package's jest configs' `moduleDirectories` (but node_modules, each
    under the config's rootDir) and `modulePaths`."""
    found: list[str] = []
    configs: list[tuple[object, str]] = [(package_jest, directory)] if isinstance(package_jest, dict) else []
    for config in jest_configs(directory):
        here = os.path.dirname(config)
        if config.endswith(".json"):
            configs.append((load_jsonc(config)[0], here))
            continue
        read = read_config(config)
        root_dir = os.path.join(here, read.keys.get(("rootDir",)) or ".")
        found += _folders(root_dir, read.lists.get(("moduleDirectories",)), read.lists.get(("modulePaths",)))
    for config, here in configs:
        if isinstance(config, dict):
            root_dir = os.path.join(here, config["rootDir"] if isinstance(config.get("rootDir"), str) else ".")
            found += _folders(root_dir, config.get("moduleDirectories"), config.get("modulePaths"))
    return list(dict.fromkeys(found))


def _folders(root_dir: str, directories: object, paths: object) -> list[str]:
    names = [d for d in directories if isinstance(d, str) and d != "node_modules" and "/" not in d] \
        if isinstance(directories, (list, tuple)) else []
    found = [os.path.normpath(os.path.join(root_dir, d)) for d in names]
    if isinstance(paths, (list, tuple)):
        found += [os.path.normpath(os.path.join(root_dir, p.replace("<rootDir>", root_dir))) for p in paths
                  if isinstance(p, str)]
    return found


def _followed(key: str, target: str | None, root_dir: str, directory: str) -> str | None:
    """The path a mapping leads to, when it is a plain prefix (`^@/(.*)$` -> `<rootDir>/src/$1`) or
    a plain name (`^@config$` -> `<rootDir>/config`)."""
    if target is None or re.search(r"\$[2-9]", target):
        return None
    if key.endswith("(.*)$") and key.count("(") == 1 and target.endswith("$1") and target.count("$") == 1:
        target = target[:-2]
    elif "(" in key or "$" in target or not key.endswith("$"):
        return None
    return os.path.normpath(os.path.join(directory, target.replace("<rootDir>", root_dir)))


def _mappers(directory: str, package_jest: object) -> list[tuple[str, str | None, str]]:
    """(key, value, the config's rootDir) of every `moduleNameMapper` entry of the package."""
    found: list[tuple[str, str | None, str]] = []
    if isinstance(package_jest, dict):
        found += _json_mapper(package_jest, directory)
    for config in jest_configs(directory):
        here = os.path.dirname(config)  # jest reads `rootDir` from the config's folder
        if config.endswith(".json"):
            found += _json_mapper(load_jsonc(config)[0], here)
            continue
        read = read_config(config)
        root_dir = os.path.join(here, read.keys.get(("rootDir",)) or ".")
        found += [(k, v, root_dir) for k, v in read.children("moduleNameMapper").items()]
    return found


def _json_mapper(config: object, directory: str) -> list[tuple[str, str | None, str]]:
    mapper = config.get("moduleNameMapper") if isinstance(config, dict) else None
    if not isinstance(mapper, dict):
        return []
    root_dir = os.path.join(directory, config["rootDir"] if isinstance(config.get("rootDir"), str) else ".")
    return [(k, v if isinstance(v, str) else None, root_dir) for k, v in mapper.items() if isinstance(k, str)]


def _prefix(key: str) -> str | None:
    """The specifier prefix a mapper key matches: its literal start, when that is a bare name
    (a key for style files, `\\.(css|less)$`, or for relative paths, `^(\\.{1,2}/.*)\\.js$`, names
    no alias). An exact key (`^@config$`) is the name itself."""
    match = _LITERAL_START.match(key)
    if match is None:
        return None
    literal = match.group(1).replace("\\", "")
    if match.end() == len(key) and literal.endswith("$") and len(literal) > 1:
        literal = literal[:-1]  # `^@config$`: the name itself, the anchor is no part of it
    if not _BARE_START.match(literal):
        return None
    rest = key[match.end():]
    if not rest.startswith(("(", "$", ".*")) and rest:
        return None  # a class or an alternation right after the name: not a plain prefix
    if not literal.endswith("/") and rest.startswith("("):
        return None  # `^@app(.*)$` would claim `@application` too
    return literal


def _is_path(target: str | None) -> bool:
    return target is not None and (target.startswith(("<rootDir>", ".", "/")) or "<rootDir>" in target)
