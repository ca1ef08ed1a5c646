"""Folders whose files are not the package's running code: tests, examples, templates, seeds.

The names a folder has when it holds tests (`test/`, `__tests__/`, `api-test/`), examples or
documentation (`examples/`, `demo-app/`), templates copied elsewhere, benchmarks or database seeds.
Kept apart from dev_files (which judges a file by its own name as well) so that entry_points can
ask it too: a start script that runs a file of a test folder starts a dev server, no service.
"""

from __future__ import annotations

import re

_DEV_DIRS = {
    "test": "a test folder", "tests": "a test folder", "__tests__": "a test folder", "__test__": "a test folder",
    "e2e": "an end-to-end test folder", "__integration__": "an integration test folder",
    "cypress": "Cypress test support", "playwright": "Playwright test support", "__mocks__": "test mocks",
    "__fixtures__": "test fixtures", "fixtures": "test fixtures", "mocks": "test mocks", "mock": "test mocks",
    "test-utils": "test support", "testutils": "test support", "__helpers__": "test helpers",
    "testing-utils": "test support", "test-helpers": "test support", ".storybook": "Storybook configuration",
    "stories": "stories", "__snapshots__": "test snapshots", "benchmarks": "benchmarks", "bench": "benchmarks", "benches": "benchmarks",
    "evals": "evaluation suites (an LLM eval runner's `*.eval.ts` and their helpers)",
    "step_definitions": "Cucumber step definitions", "step-definitions": "Cucumber step definitions",
    "seeders": "database seeders, run by an ORM's command line", "seeds": "database seeds, run by an ORM's command line",
    "seeder": "database seeders, run by an ORM's command line", "seed": "database seeds, run by an ORM's command line",
}
_DUNDER = re.compile(r"^__([\w-]+?)__$")  # `__e2e__`, `__test-helpers__`
_EXAMPLE_DIRS = frozenset({"example", "examples", "sample", "samples", "demo", "demos", "playground", "playgrounds",
                           "sandbox", "sandboxes",
                           "load-testing", "load-tests", "perf", "docs", "www", "website"})
TEMPLATE_DIRS = frozenset({"template", "templates", "scaffold", "scaffolds", "blueprints", "boilerplate", "stubs"})
# `api-test`, `e2e_utils`, camelCase `testUtils`, `testHelpers`, and a package's test kit `ui-kit-test-utils`
_TEST_DIR = re.compile(r"^(?:tests?|e2e|spec|specs)(?:[-_]|(?=[A-Z]))|[-_](?:tests?|e2e|spec|specs|testing)$"
                       r"|[-_](?:tests?|testing)[-_](?:utils|helpers|support|kit)$")
_EXAMPLE_DIR = re.compile(r"^(?:examples?|samples?|demos?)[-_]|[-_](?:examples?|samples?|demos?)$")


_TEST_FOLDERS = frozenset({"test", "tests", "__tests__", "__test__", "e2e", "cypress", "playwright", "__mocks__", "mocks",
                           "__fixtures__", "fixtures"})


# names a test folder has only at a package's top (`spec/`, Jasmine's and many vitest suites'):
# inside the source they name production code (`src/lib/openapi/spec/`, a protocol's specs)
_TOP_TEST_DIRS = frozenset({"spec", "specs"})
_TOP_DEV_DIRS = frozenset({"dev"})  # a library's local development app or server, never what it builds


def top_test_folder(rel: str) -> str | None:
    """Why a file is test code by the folder it lies in at its package's top (`rel`: relative to
    the package folder, `spec/util/containers.ts`), or None."""
    first = rel.replace("\\", "/").split("/", 1)
    return f"a test folder ({first[0]}/ at the package's top)" if len(first) == 2 and first[0] in _TOP_TEST_DIRS else None


def top_dev_folder(rel: str) -> str | None:
    """Why a file no entry reaches, in a package never published, is a development harness
    (`dev/index.ts` at its package's top, which a plugin's `start` script boots with mocked services
    beside `src/`), or None."""
    first = rel.replace("\\", "/").split("/", 1)
    return f"a development harness ({first[0]}/ at the package's top)" if len(first) == 2 and first[0] in _TOP_DEV_DIRS else None


def in_test_folder(folders: list[str]) -> bool:
    """Whether one of these folders holds tests or test fixtures (not examples or docs)."""
    return any(p in _TEST_FOLDERS or _TEST_DIR.search(p) for p in folders)


def named_like_tests(part: str) -> bool:
    """Whether a folder is a test folder by a test word in its name only (`api-test`, `e2e-utils`),
    not by being named exactly so (`tests`, `__tests__`)."""
    return bool(_TEST_DIR.search(part)) and part not in _DEV_DIRS


def dev_folder_reason(folders: list[str]) -> str | None:
    """Why a file inside these folders is dev-only: a test, example or template folder. Also asked
    with the folders from the repository root, so that a package nested in a test folder of
    another (a test plugin inside a dev server) is test code too."""
    found = _dev_folder(folders)
    return found[1] if found is not None else None


def example_home(folders: list[str]) -> bool:
    """Whether a package in these folders is an example (a sample app, a documentation site) rather
    than a test fixture or a template: a project of its own, whose code is what it runs."""
    found = _dev_folder(folders)
    return found is not None and found[0] == "example"


def _dev_folder(folders: list[str]) -> tuple[str, str] | None:
    """(kind, why) of the first dev folder among these: dev (tests, stories, seeds...), test, example or template."""
    for part in folders:
        why = _DEV_DIRS.get(part) or _DEV_DIRS.get(_DUNDER.sub(r"\1", part))  # `__e2e__` is `e2e`
        if why is not None:
            return "dev", f"{why} ({part}/)"
        if _TEST_DIR.search(part) or _TEST_DIR.search(_DUNDER.sub(r"\1", part)):  # `__testUtils__` too
            return "test", f"a test folder ({part}/)"
        if part in _EXAMPLE_DIRS or _EXAMPLE_DIR.search(part.lower()):  # `REVIEW_EXAMPLES/` too
            return "example", f"examples, samples or documentation, not the package's code ({part}/)"
        if part in TEMPLATE_DIRS:
            return "template", f"templates copied into other projects, not run from this package ({part}/)"
    return None
