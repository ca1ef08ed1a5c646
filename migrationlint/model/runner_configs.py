"""Where a test runner's config is and what it reads from: the configs package scripts name, and a
config's `rootDir` and assigned settings (runner_setup reads the setup files they list).

`"test": "jest -c ./jest/jest.config.js"` names a config outside the package's top; its
`rootDir: resolve(__dirname, '../')` makes `<rootDir>` and the relative paths it lists mean the
package folder, not the config's; `config.globalSetup = '...'` in a variant config adds a setting
to the base object it requires. Read with tree-sitter as data, never run.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache

from migrationlint.extract import parsing
from migrationlint.extract.parsing import string_value, text
from migrationlint.model.config_aliases import Q_ASSIGNMENTS, Q_PAIRS, path_value
from migrationlint.model.script_commands import shell_commands

_RUNNERS = frozenset({"jest", "vitest"})
_CONFIG_OPTIONS = frozenset({"-c", "--config"})
_MAX_BYTES = 256 * 1024


def script_configs(directory: str) -> list[str]:
    """The config files the package's scripts pass to jest or vitest (`jest -c ./jest/jest.config.js`)."""
    try:
        with open(os.path.join(directory, "package.json"), "rb") as fh:
            data = fh.read()
        if b"jest" not in data and b"vitest" not in data:
            return []  # no runner named: nothing to parse
        scripts = json.loads(data).get("scripts")
    except (OSError, ValueError, AttributeError):
        return []
    found = []
    for script in scripts.values() if isinstance(scripts, dict) else ():
        if not isinstance(script, str) or "-c" not in script:  # `-c` or `--config`: nothing else names a config
            continue
        for words in shell_commands(script):
            named = _config_argument(words)
            path = os.path.normpath(os.path.join(directory, named)) if named else None
            if path and os.path.isfile(path):
                found.append(path)
    return found


def _config_argument(words: list[str]) -> str | None:
    """The config a jest or vitest command names (`-c x`, `--config x`, `--config=x`)."""
    runner = next((i for i, w in enumerate(words[:3]) if os.path.basename(w) in _RUNNERS), None)
    if runner is None:
        return None
    rest = words[runner + 1:]
    for i, word in enumerate(rest):
        if word.startswith("--config="):
            return word.split("=", 1)[1]
        if word in _CONFIG_OPTIONS and i + 1 < len(rest):
            return rest[i + 1]
    return None


def config_paths(config: str) -> tuple[str | None, dict[str, list[str]]]:
    """(the folder the config's `rootDir` names, None when it names none or a computed one;
    {setting: strings} of the settings assigned to an object, `config.globalSetup = '...'`)."""
    try:
        stat = os.stat(config)
    except OSError:
        return None, {}
    return _config_paths(config, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _config_paths(config: str, mtime_ns: int, size: int) -> tuple[str | None, dict[str, list[str]]]:
    with open(config, "rb") as fh:
        data = fh.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES or (b"rootDir" not in data and b"config." not in data):
        return None, {}
    root = parsing.parser("ts").parse(data).root_node
    directory = os.path.dirname(config)
    root_dir = None
    for _, m in parsing.cursor("ts", Q_PAIRS).matches(root):
        key = m["key"][0]
        if (string_value(key) if key.type == "string" else text(key)) == "rootDir":
            root_dir = path_value(m["value"][0], directory)
    assigned: dict[str, list[str]] = {}
    for _, m in parsing.cursor("ts", Q_ASSIGNMENTS).matches(root):
        left, value = m["left"][0], string_value(m["right"][0])
        prop = left.child_by_field_name("property") if left.type == "member_expression" else None
        if prop is not None and value is not None:
            assigned.setdefault(text(prop), []).append(value)
    return root_dir, assigned
