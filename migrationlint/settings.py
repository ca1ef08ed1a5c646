"""What a run is asked to do: the settings record, rule selection and the paths globs match against.

A leaf below the checks: every layer reads settings, only `config` (above the checks) fills them
from files, so reading the rule catalogue there creates no cycle.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from migrationlint.catalog import matches_any

DEFAULT_TEST_FILES = [
    "**/*.spec.ts", "**/*.spec.tsx", "**/*.test.ts", "**/*.test.tsx", "**/*.e2e-spec.ts",
    "**/test/**", "**/tests/**", "**/__tests__/**", "**/e2e/**", "**/*.stories.tsx",
    "**/jest.config.*", "**/vite.config.*", "**/vitest.config.*",
]
HOISTING = ("test-files", "all", "none")


@dataclass
class Settings:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    migrations: list[str] = field(default_factory=list)
    test_files: list[str] = field(default_factory=lambda: list(DEFAULT_TEST_FILES))
    typeorm_version: str | None = None
    cache_dir: str | None = None
    hoisting: str = "test-files"
    ignore_packages: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    baseline: str | None = None
    config_root: str | None = None


class RuleSelection:
    """Which rules run, from select / extend-select / ignore and the rules' defaults.

    `rules` may be a function giving the catalogue: a run answered from the cache then never
    imports the rule families unless something asks which rules are on (a baseline's scope)."""

    def __init__(self, settings: Settings, rules: dict | Callable[[], dict]) -> None:
        self._settings = settings
        self._rules = rules
        self._chosen: tuple[set[str], set[str]] | None = None

    @property
    def rules(self) -> dict:
        if callable(self._rules):
            self._rules = self._rules()
        return self._rules

    @property
    def enabled(self) -> set[str]:
        return self._choose()[0]

    @property
    def explicit(self) -> set[str]:
        return self._choose()[1]

    def _choose(self) -> tuple[set[str], set[str]]:
        if self._chosen is None:
            rules, settings = self.rules, self._settings
            select = settings.select
            if select is None:
                enabled = {c for c, r in rules.items() if r.default_enabled}
            else:
                enabled = {c for c in rules if matches_any(c, select)}
            enabled |= {c for c in rules if matches_any(c, settings.extend_select)}
            enabled -= {c for c in rules if matches_any(c, settings.ignore)}
            explicit = {c for c in rules if matches_any(c, (select or []) + settings.extend_select, exact=True)}
            self._chosen = enabled, explicit
        return self._chosen

    def __call__(self, code: str) -> bool:
        return code in self.enabled


def relpath(path: str, root: str | None) -> str:
    """`path` relative to `root` in posix form (for glob matching)."""
    if root is not None:
        try:
            path = os.path.relpath(path, root)
        except ValueError:  # another drive (Windows)
            pass
    return path.replace(os.sep, "/") if os.sep != "/" else path