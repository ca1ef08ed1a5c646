"""Which files configure a package's test runner: the conventional `jest.config.*`, its variants
beside it, and the configs the package's scripts name.

A monorepo's root `jest.config.js` often lists each package's config under `projects`, and those
configs carry names of their own (`apps/web/jest.server.config.ts`, `jest.e2e.config.ts`); a
script may name one anywhere (`"test": "jest -c ./jest/jest.config.js"`). Each is a program the
runner reads, so what it declares (`moduleNameMapper`, setup files) holds for the package's tests.
Only file names and script words are read here; the configs themselves are read as data elsewhere.
"""

from __future__ import annotations

import json
import os
import re

from migrationlint.model.script_commands import shell_commands

_RUNNERS = frozenset({"jest", "vitest"})
_CONFIG_OPTIONS = frozenset({"-c", "--config"})
# jest.config.js, jest.server.config.ts, jest.config.e2e.mjs, jest.config.json
_JEST_CONFIG_NAME = re.compile(r"jest(?:\.[\w-]+)*\.config(?:\.[\w-]+)*\.(?:[mc]?[jt]s|json)")


def jest_configs(directory: str) -> list[str]:
    """The jest configs in `directory` (`jest.config.*` first, then its variants by name) and the
    configs the package's scripts pass to jest or vitest."""
    try:
        names = os.listdir(directory)
    except OSError:
        names = []
    beside = sorted((n for n in names if is_jest_config(n)), key=lambda n: (not n.startswith("jest.config."), n))
    return list(dict.fromkeys([os.path.join(directory, n) for n in beside] + script_configs(directory)))


def is_jest_config(name: str) -> bool:
    """Whether a file name is a jest config's (`jest.config.ts`, `jest.server.config.ts`, `jest.config.e2e.js`)."""
    return _JEST_CONFIG_NAME.fullmatch(name) is not None


def script_configs(directory: str) -> list[str]:
    """The config files the package's scripts pass to jest or vitest (`jest -c ./jest/jest.config.js`)."""
    return [path for path in named_configs(directory) if os.path.isfile(path)]


def named_configs(directory: str) -> list[str]:
    """Every config path the package's scripts pass to jest or vitest, read from the package's
    folder, whether or not a file is there (`pnpm --dir ../.. exec jest --config apps/api/jest.config.cjs`
    names one from another folder); but not a missing one a script names from the package's own folder
    (`jest -c jest.integration.config.js` with no such file: the runner stops, it configures nothing)."""
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
            if path and (os.path.isfile(path) or _MOVES.search(script)):
                found.append(path)
    return found


# a script that runs its commands from another folder: a config it names may lie there
_MOVES = re.compile(r"(?:^|[\s;&|(])(?:cd|pushd)\s|--(?:dir|prefix|cwd)\b|(?:^|\s)-C\s")


def _config_argument(words: list[str]) -> str | None:
    """The config a jest or vitest command names (`-c x`, `--config x`, `--config=x`)."""
    # after a launcher's words too: `npx jest`, `pnpm --dir ../.. exec jest`
    runner = next((i for i, w in enumerate(words[:6]) if os.path.basename(w) in _RUNNERS), None)
    if runner is None:
        return None
    rest = words[runner + 1:]
    for i, word in enumerate(rest):
        if word.startswith("--config="):
            return word.split("=", 1)[1]
        if word in _CONFIG_OPTIONS and i + 1 < len(rest):
            return rest[i + 1]
    return None


_MAX_CONFIG_BYTES = 256 * 1024


def config_texts(paths: list[str]) -> list[str]:
    """The text of each runner config at `paths` that exists and is small enough to be a config (a larger
    file is generated data, not settings), in order; read as text, never run."""
    texts = []
    for path in paths:
        try:
            if os.path.getsize(path) <= _MAX_CONFIG_BYTES:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    texts.append(fh.read())
        except OSError:
            continue
    return texts
