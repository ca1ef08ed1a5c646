"""Files a test runner runs, whatever their name: setup files its configuration loads before the
tests, and tests that import a runner's or an assertion library's API (`import test from
'node:test'`, `import { describe } from 'vitest'`, `import { expect } from 'chai'`).

`setupFiles: ['./src/testing/dom-cleanup.ts']` in a vitest config (`test.setupFiles`,
`globalSetup`) or a jest config (`setupFiles`, `setupFilesAfterEnv`, `globalSetup`,
`globalTeardown`; also the `jest.preset.js` an Nx workspace's project configs share) names a file
only the test run loads, also in another package (`../../packages/tooling/src/testing/dom-cleanup.ts`).
Configs are read in every package folder and every Nx project folder (an integrated repository's
`libs/db/jest.config.ts`), and wherever a package script's `jest -c` / `vitest --config` names one
(`jest/jest.config.js`), as data, never run; so is the package.json `jest` key, with its inline
`projects`. Paths are read from the config's `rootDir` (`<rootDir>` and relative ones, as jest reads
them), which defaults to the config's folder and may be a path expression (`rootDir:
resolve(__dirname, '..')`); a setting assigned to the config object
(`config.globalSetup = '<rootDir>/jest/chain-setup.ts'`, a variant config reusing a base one) counts.
"""

from __future__ import annotations

import os

from migrationlint.extract.records import FileFacts
from migrationlint.model.config_objects import find_config, read_config
from migrationlint.model.entry_points import script_stem
from migrationlint.model.manifest_peek import peek_object
from migrationlint.model.runner_config_files import jest_configs
from migrationlint.model.runner_configs import config_paths

_STEMS = ("vitest.config", "vite.config", "jest.config", "jest.preset")  # an Nx workspace's shared preset
_KEYS = ("setupFiles", "setupFilesAfterEnv", "globalSetup", "globalTeardown")


# a test runner's or assertion library's API, or a library that only builds tests (Nest's testing
# module, supertest's HTTP assertions): what imports it is a test or its support, whatever its name
# (`integration/pool.integration.ts` importing vitest and chai); production code never does. Asked
# only of files no entry point reaches: a published testing entry that imports them still ships.
_BUILT_IN_RUNNERS = ("node:test", "bun:test", "vitest", "@jest/globals", "chai", "mocha", "ava", "uvu",
                     "@playwright/test", "tape", "@nestjs/testing", "supertest",
                     # throwaway infrastructure for integration tests: containers, in-memory servers
                     "testcontainers", "mongodb-memory-server", "redis-memory-server")


def runner_file(path: str, package_dirs: list[str], facts: FileFacts | None = None) -> str | None:
    """Why the file at `path` (with these facts) is a test runner's: a setup file a config in one
    of `package_dirs` (Workspace.config_dirs) names, or a test of a runner built into the platform. None otherwise."""
    setup = _setup_files(package_dirs).get(script_stem(path))
    if setup is not None or facts is None:
        return setup
    runner = next((i.specifier for i in facts.imports if i.specifier in _BUILT_IN_RUNNERS), None)
    return f"a test file (it imports {runner})" if runner is not None else None


_LAST: list = [None, {}]  # the package list last asked about (one run's, kept by identity) and its answer


def _setup_files(package_dirs: list[str]) -> dict[str, str]:
    """The setup files of every runner config of these packages, computed once per list."""
    if _LAST[0] is not package_dirs:
        _LAST[:] = [package_dirs, _read_setup_files(package_dirs)]
    return _LAST[1]


def _read_setup_files(package_dirs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for directory in package_dirs:
        configs = [c for c in (find_config(directory, stem) for stem in _STEMS) if c is not None]
        for config in dict.fromkeys(configs + [c for c in jest_configs(directory) if not c.endswith(".json")]):
            settings = read_config(config)
            root, assigned = config_paths(config)
            for key in _KEYS:
                for name in [*(settings.names(key) or ()), *assigned.get(key, ())]:
                    target = os.path.normpath(os.path.join(root or directory, name.replace("<rootDir>/", "")))
                    found.setdefault(script_stem(target), f"a test runner's setup file ({key} of {os.path.basename(config)})")
        for key, name, root in _package_jest_settings(directory):
            target = os.path.normpath(os.path.join(root, name.replace("<rootDir>/", "")))
            found.setdefault(script_stem(target), f"a test runner's setup file ({key} of package.json's jest key)")
    return found


def _package_jest_settings(directory: str) -> list[tuple[str, str, str]]:
    """(key, file, the folder it is read from) of the setup files the package.json `jest` key names,
    at its top and in each of its `projects` given inline (each with its own `rootDir`)."""
    data = peek_object(directory, b'"jest"') or {}  # one read per package; parsed only where jest is named
    jest = data.get("jest")
    if not isinstance(jest, dict):
        return []
    found = []
    for config in [jest, *(p for p in jest.get("projects") or () if isinstance(p, dict))]:
        root = config.get("rootDir")
        folder = os.path.normpath(os.path.join(directory, root.replace("<rootDir>", "."))) \
            if isinstance(root, str) else directory
        for key in _KEYS:
            named = config.get(key)
            names = [named] if isinstance(named, str) else named if isinstance(named, list) else []
            found += [(key, n, folder) for n in names if isinstance(n, str)]
    return found
