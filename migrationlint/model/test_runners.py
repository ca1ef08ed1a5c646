"""Whether anything can run a test file: a runner its package or the repository's root declares,
a script that runs tests, or a runner the file imports itself.

A test no tsconfig compiles and no runner can run is read by nothing (model/dead_files.py): a
scaffold's `test/` folder left behind in a package that never set up testing, whose imports name
modules long gone. Where anything may run it, it stays a test.
"""

from __future__ import annotations

import re

from migrationlint.extract.records import FileFacts
from migrationlint.model.workspace import Manifest

# packages that run test files (their CLIs, or a library that is one)
RUNNER_PACKAGES = frozenset({
    "jest", "vitest", "mocha", "ava", "jasmine", "karma", "tap", "tape", "uvu", "@playwright/test", "playwright",
    "cypress", "@japa/runner", "ts-mocha", "@web/test-runner", "@vitest/browser", "jest-cli", "@jest/core",
    "@angular-devkit/build-angular", "@angular/build", "@nx/jest", "@nx/vite", "@nrwl/jest", "@nrwl/vite",
    "react-scripts", "@storybook/test-runner", "wdio", "@wdio/cli", "testcafe", "detox", "poku", "borp",
})
# runners whose API a test helper imports (`vi.fn()`, `expect`): a published testing helper uses the
# copy its user's tests run with
RUNNER_APIS = frozenset({"vitest", "jest", "@jest/globals", "mocha", "ava", "@playwright/test", "uvu", "tap"})
# modules a test imports that run it themselves (`node --test`, `bun test`) or name its runner
_RUNNER_IMPORTS = ("node:test", "bun:test", "vitest", "@jest/globals", "@playwright/test", "mocha", "ava", "uvu", "tap")


def may_run_tests(facts: FileFacts | None, manifests: list[Manifest]) -> bool:
    """Whether a runner could run the test: it imports one, a manifest declares one, or a manifest
    has a script named for tests (`test`, `test:e2e`, `e2e`), whatever it runs, but npm init's
    placeholder (`echo "Error: no test specified" && exit 1`), which says there are none."""
    if facts is None or any(i.specifier.startswith(_RUNNER_IMPORTS) for i in facts.imports):
        return True
    for m in manifests:
        if any(m.declared(name) for name in RUNNER_PACKAGES):
            return True
        scripts = m.data.get("scripts")
        if isinstance(scripts, dict) and any(("test" in name or "e2e" in name or "spec" in name)
                                             and not (isinstance(c, str) and _NO_TESTS in c) for name, c in scripts.items()):
            return True
    return False


_NO_TESTS = "Error: no test specified"  # npm init's `test` script

# what `bun test` rewrites to its own `bun:test` module (Bun's guide, "Migrate from Jest")
BUN_TEST_REWRITES = frozenset({"@jest/globals"})
# modules Jest's runtime returns to a test itself, never loading them from the install (jest-runtime
# answers `@jest/globals` with the test's globals): only tsc's lookup of their types needs an install
JEST_SUPPLIED = frozenset({"@jest/globals"})
_BUN_TEST = re.compile(r"(?:^|[\s;&|(])bun\s+test\b")
_JEST_PACKAGES = ("jest", "jest-cli", "@jest/core", "ts-jest")


def bun_tested(manifests: list[Manifest]) -> bool:
    """Whether `bun test` runs the package's tests: a script of its manifest or its root's runs it,
    and neither declares Jest (whose own runner may run them, its types looked up in the install)."""
    if any(m.declared(name) for m in manifests for name in _JEST_PACKAGES):
        return False
    return any(isinstance(c, str) and _BUN_TEST.search(c) for m in manifests
               for c in (m.data.get("scripts") or {}).values() if isinstance(m.data.get("scripts"), dict))
