"""What a test runner's config reads from: its `rootDir` and assigned settings (runner_setup reads
the setup files they list; runner_config_files finds the configs, also those scripts name).

`"test": "jest -c ./jest/jest.config.js"` names a config outside the package's top; its
`rootDir: resolve(__dirname, '../')` makes `<rootDir>` and the relative paths it lists mean the
package folder, not the config's; `config.globalSetup = '...'` in a variant config adds a setting
to the base object it requires. Read with tree-sitter as data, never run.
"""

from __future__ import annotations

import os
from functools import lru_cache

from migrationlint.extract import parsing
from migrationlint.extract.parsing import string_value, text
from migrationlint.model.config_aliases import Q_ASSIGNMENTS, Q_PAIRS, path_value

_MAX_BYTES = 256 * 1024


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
