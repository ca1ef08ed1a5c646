"""Files of a test folder that no test runner selects (model/test_selection.py): Jest's `testMatch` /
`testRegex` and Vitest's `test.include`, or their defaults, decide which files are tests; the rest of
the folder runs only when a selected test or a setup file imports it."""

from __future__ import annotations

import os

import pytest

from migrationlint.model.test_selection import Selection, _DEFAULTS, _plain_glob
from tests.helpers import lint
from tests.imports.test_imports_real_world import _pkg, _write

_BROKEN = "import { Gone } from '../../src/Gone';\n\nexport const parked = Gone;\n"


def _service(root, jest: dict | None = None, dev: dict | None = None, scripts: dict | None = None) -> None:
    """A service whose tsconfig compiles `src/` only; its tests are compiled by the runner."""
    manifest = {"name": "svc", "version": "1.0.0", "main": "dist/index.js",
                "scripts": {"build": "tsc", "test": "jest", **(scripts or {})},
                "devDependencies": dev or {"jest": "^29.7.0", "ts-jest": "^29.1.0", "typescript": "^5.4.0"}}
    if jest is not None:
        manifest["jest"] = jest
    _pkg(root, "package.json", manifest)
    _pkg(root, "tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src", "module": "commonjs"},
                                 "include": ["src/**/*"], "exclude": ["**/_old/**/*"]})
    _write(root, "src/index.ts", "export const ok = 1;\n")


def _severities(root) -> dict[str, str]:
    return {os.path.relpath(d.path, root): d.severity.value for d in lint(root, ["IMP002"])}


def test_a_test_folder_file_no_test_match_selects_and_nothing_imports_is_dead(tmp_path):
    """`testMatch: ['<rootDir>/tests/**/*.test.ts']`: a `Thing.legacy.ts` and a `WorkflowTests.ts`
    beside the tests are never run (a real healthcare monorepo: 63 errors on such files); their
    broken imports are the dead-file warning, like a parked `src/_old/` file's. A selected test, the
    helper it imports and a setup file the config names stay errors."""
    _service(tmp_path)
    _write(tmp_path, "jest.config.js", "module.exports = {\n  preset: 'ts-jest',\n  testMatch: ['<rootDir>/tests/**/*.test.ts'],\n"
                                       "  setupFilesAfterEnv: ['<rootDir>/tests/setup/matchers.ts'],\n};\n")
    for name in ("Thing.legacy.ts", "WorkflowTests.ts", "helper.ts"):
        _write(tmp_path, f"tests/unit/{name}", _BROKEN)
    _write(tmp_path, "tests/setup/matchers.ts", _BROKEN)
    _write(tmp_path, "tests/unit/live.test.ts", "import { parked } from './helper';\nimport { ok } from '../../src/Gone2';\n"
                                                "test('x', () => expect(parked).toBe(ok));\n")
    assert _severities(tmp_path) == {
        "tests/unit/Thing.legacy.ts": "warning", "tests/unit/WorkflowTests.ts": "warning",
        "tests/unit/helper.ts": "error", "tests/setup/matchers.ts": "error", "tests/unit/live.test.ts": "error"}


def test_a_test_file_outside_the_runners_selection_is_dead_too(tmp_path):
    """A Nest service's manifest says `rootDir: src` and `testRegex: .*\\.spec\\.ts$`, its e2e config
    (named by a script) `.e2e-spec.ts$`: a `tests/old.test.ts` neither selects is run by nothing, nor
    is a `test/utils/seed-helper.ts` nothing imports; the e2e spec stays an error."""
    _service(tmp_path, jest={"rootDir": "src", "testRegex": ".*\\.spec\\.ts$"},
             scripts={"test:e2e": "jest --config ./test/jest-e2e.json"})
    _pkg(tmp_path, "test/jest-e2e.json", {"rootDir": ".", "testRegex": ".e2e-spec.ts$"})
    for rel in ("tests/old.test.ts", "test/utils/seed-helper.ts", "test/app.e2e-spec.ts"):
        _write(tmp_path, rel, _BROKEN.replace("../../", "../" * rel.count("/")))
    assert _severities(tmp_path) == {"tests/old.test.ts": "warning", "test/utils/seed-helper.ts": "warning",
                                     "test/app.e2e-spec.ts": "error"}


def test_inline_projects_select_what_any_of_them_matches(tmp_path):
    """`projects: [{ testMatch: unit }, { testMatch: integration }]`: a `WorkflowTests.ts` neither
    matches is dead. Jest's defaults count as well (read as data, a project without a `testMatch` of
    its own is not told apart), so a `*.spec.ts` elsewhere stays a test."""
    _service(tmp_path)
    projects = "projects: [\n    { displayName: 'unit', preset: 'ts-jest', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },\n" \
               "    { displayName: 'int', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },\n  ]"
    _write(tmp_path, "jest.config.js", f"module.exports = {{\n  rootDir: '.',\n  {projects},\n}};\n")
    for rel in ("tests/integration/WorkflowTests.ts", "tests/integration/flow.test.ts", "tests/e2e/flow.spec.ts"):
        _write(tmp_path, rel, _BROKEN.replace("../../", "../" * rel.count("/")))
    assert _severities(tmp_path) == {"tests/integration/WorkflowTests.ts": "warning",
                                     "tests/integration/flow.test.ts": "error", "tests/e2e/flow.spec.ts": "error"}


def test_without_a_config_the_runners_defaults_decide(tmp_path):
    """No jest config: Jest runs `__tests__/**` and `*.spec|test.*`; Vitest (also declared) runs
    `*.test|spec.*` below its config's folder. A `tests/legacy/report.ts` neither selects is dead."""
    _service(tmp_path, dev={"jest": "^29.7.0", "vitest": "^1.6.0"})
    for rel in ("tests/legacy/report.ts", "tests/__tests__/report.ts", "tests/report.spec.ts"):
        _write(tmp_path, rel, _BROKEN.replace("../../", "../" * rel.count("/")))
    assert _severities(tmp_path) == {"tests/legacy/report.ts": "warning", "tests/__tests__/report.ts": "error",
                                     "tests/report.spec.ts": "error"}


@pytest.mark.parametrize("change", [
    {"dev": {"jest": "^29.7.0", "mocha": "^10.0.0"}},  # Mocha runs whatever its spec globs name
    {"scripts": {"test:int": "node --test tests/"}},  # Node's own runner takes every file it is given
    {"config": "module.exports = { preset: '../../jest.preset.js' };\n"},  # a preset of the repository's own
    {"config": "const base = require('./jest.base');\nmodule.exports = { ...base, rootDir: '.' };\n"},
    {"config": "module.exports = { projects: ['<rootDir>/tests/*'] };\n"},
    {"config": "module.exports = { testMatch: [process.env.TESTS] };\n"},  # computed: cannot be read
    {"config": "module.exports = { testMatch: ['**/!(*.legacy).ts'] };\n"},  # a negated extglob
])
def test_a_selection_that_cannot_be_read_keeps_every_file_a_test(tmp_path, change):
    """Where another runner may run the folder, or the config inherits or computes its selection,
    a test-folder file stays a test: "may run" errs towards yes."""
    _service(tmp_path, dev=change.get("dev"), scripts=change.get("scripts"))
    _write(tmp_path, "jest.config.js", change.get("config", "module.exports = { testMatch: ['**/*.test.ts'] };\n"))
    _write(tmp_path, "tests/unit/Thing.legacy.ts", _BROKEN)
    assert _severities(tmp_path) == {"tests/unit/Thing.legacy.ts": "error"}


@pytest.mark.parametrize("workspace, selected", [
    ('export default ["packages/**/vitest.config.{mts,ts}"];\n', {"packages/a/src/a.spec.ts"}),
    ('import { defineWorkspace } from "vitest/config";\nexport default defineWorkspace(["packages/*", "docs"]);\n',
     {"packages/a/src/a.spec.ts", "docs/snippets/service.spec.ts"}),  # a folder without a config: vitest's defaults
    ('export default ["packages/*", { test: { name: "inline" } }];\n',  # an inline project: not read
     {"packages/a/src/a.spec.ts", "docs/snippets/service.spec.ts", "packages/a/old/legacy.spec.ts"}),
])
def test_a_vitest_workspace_runs_its_projects_only(tmp_path, workspace, selected):
    """A root `vitest.workspace.mts` listing the packages' configs: a root `vitest run` runs those
    projects, each with its own `include`, so a spec in `docs/snippets/` that no project holds, or one
    outside its project's `include`, is run by nothing (a framework's docs: 19 errors saying tsc
    fails). A folder the workspace names without a config runs the defaults; an inline project is not read."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"],
                                    "scripts": {"test": "vitest run"}, "devDependencies": {"vitest": "^1.6.0"}})
    _pkg(tmp_path, "tsconfig.json", {"files": [], "references": [{"path": "./packages/a/tsconfig.json"}]})
    _write(tmp_path, "vitest.workspace.mts", workspace)
    _pkg(tmp_path, "packages/a/package.json", {"name": "@demo/a", "version": "1.0.0", "main": "./lib/index.js",
                                               "scripts": {"build": "tsc", "test": "vitest run"}})
    _pkg(tmp_path, "packages/a/tsconfig.json", {"compilerOptions": {"outDir": "lib", "rootDir": "src"},
                                                "include": ["src"], "exclude": ["**/*.spec.ts"]})
    _write(tmp_path, "packages/a/vitest.config.mts", "import { defineConfig } from 'vitest/config';\n"
                                                     "export default defineConfig({ test: { include: ['src/**/*.spec.ts'] } });\n")
    _write(tmp_path, "packages/a/src/index.ts", "export const a = 1;\n")
    _pkg(tmp_path, "docs/package.json", {"name": "@demo/docs", "private": True})
    for rel in ("packages/a/src/a.spec.ts", "packages/a/old/legacy.spec.ts", "docs/snippets/service.spec.ts"):
        _write(tmp_path, rel, "import { Gone } from './Gone';\n\nit('x', () => Gone);\n")
    found = _severities(tmp_path)
    assert {path for path, severity in found.items() if severity == "error"} == selected, found


def test_test_support_no_runner_could_run_is_dead(tmp_path):
    """A package with no test runner at all (none declared, no test script): `test/app/index.ts`, an
    app copied in for tests, and `src/__mock__/OldModule.ts`, a mock module tests would import by path
    (Jest's automatic ones are `__mocks__`), that nothing imports, are run by nothing (a framework's
    packages: 8 errors). Once a test imports the mock, and a runner runs it, the error stays."""
    _pkg(tmp_path, "package.json", {"name": "@demo/a", "version": "1.0.0", "main": "./lib/index.js", "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "lib", "rootDir": "src"}, "include": ["src"],
                                     "exclude": ["**/__mock__/**"]})
    _write(tmp_path, "src/index.ts", "export const a = 1;\n")
    _write(tmp_path, "src/__mock__/OldModule.ts", "import { a } from '../decorators/module.js';\n\nexport const old = a;\n")
    _write(tmp_path, "test/app/index.ts", "import { Ctrl } from './controllers/Ctrl.js';\n\nexport const routes = [Ctrl];\n")
    assert _severities(tmp_path) == {"src/__mock__/OldModule.ts": "warning", "test/app/index.ts": "warning"}
    _pkg(tmp_path, "package.json", {"name": "@demo/a", "version": "1.0.0", "main": "./lib/index.js",
                                    "scripts": {"build": "tsc", "test": "vitest run"}, "devDependencies": {"vitest": "^1.6.0"}})
    _write(tmp_path, "src/old.spec.ts", "import { old } from './__mock__/OldModule';\n\nit('x', () => old);\n")
    assert _severities(tmp_path)["src/__mock__/OldModule.ts"] == "error"


def test_a_file_a_script_names_among_the_tests_is_run_by_it(tmp_path):
    """`"start": "nodemon --exec ts-node test/dev-server.ts"`: a plugin's development server kept among
    its tests (a real plugin monorepo: 60 findings turned into dead-code warnings before this)."""
    _service(tmp_path, scripts={"start": "nodemon --exec ts-node --transpile-only test/dev-server.ts"})
    _write(tmp_path, "test/dev-server.ts", _BROKEN.replace("../../", "../"))
    _write(tmp_path, "test/dev-client.ts", _BROKEN.replace("../../", "../"))
    assert _severities(tmp_path) == {"test/dev-server.ts": "error", "test/dev-client.ts": "warning"}


def test_a_runner_the_file_imports_or_configures_selects_it_though_undeclared(tmp_path):
    """An app declares vitest (its unit tests under `src/`) and keeps Playwright tests in `e2e/`
    with a `playwright.config.ts`, Playwright itself undeclared (the real finding: DEP001 on
    `@playwright/test`). The spec imports its runner, and the config's defaults select it: it stays
    a test, and so does the fixture file it imports."""
    _service(tmp_path, dev={"vitest": "^1.6.0", "typescript": "^5.4.0"}, scripts={"test": "vitest run"})
    _write(tmp_path, "vitest.config.ts", "import { defineConfig } from 'vitest/config';\n"
                                         "export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });\n")
    _write(tmp_path, "playwright.config.ts", "import { defineConfig } from '@playwright/test';\n"
                                             "export default defineConfig({ testDir: './e2e' });\n")
    _write(tmp_path, "e2e/fixtures.ts", "import { test } from '@playwright/test';\nexport const it = test;\n")
    _write(tmp_path, "e2e/home.spec.ts", "import { expect } from '@playwright/test';\nimport { it } from './fixtures';\n"
                                         "it('home', () => expect(1).toBe(1));\n")
    found = {(os.path.relpath(d.path, tmp_path), d.severity.value) for d in lint(tmp_path, ["DEP001"])}
    assert found == {("e2e/fixtures.ts", "error"), ("e2e/home.spec.ts", "error"), ("playwright.config.ts", "error")}


def test_a_file_another_names_by_its_path_is_not_dead(tmp_path):
    """A worker a test starts as a child process by its path (`path.join(cwd, 'test', 'fx',
    'worker-child.ts')`), no import naming it: a file names it, so it may run."""
    _service(tmp_path)
    _write(tmp_path, "test/fx/worker-child.ts", _BROKEN.replace("../../", "../../"))
    _write(tmp_path, "test/spawn.spec.ts", "import { fork } from 'node:child_process';\nimport * as path from 'node:path';\n"
                                          "test('w', () => fork(path.join(process.cwd(), 'test', 'fx', 'worker-child.ts')));\n")
    assert _severities(tmp_path) == {"test/fx/worker-child.ts": "error"}


def test_a_word_of_the_code_is_no_path_naming_a_file(tmp_path):
    """`test/test.ts`, a stale script in a test folder of a package with no runner (npm init's `test`
    script says there are no tests): `test('w', ...)` in a file and the word "test" in comments name no
    file (a video plugin's broken `test.ts` was an error beside the dead-code warning of its neighbour
    `test2.ts`); a string holding the path still does."""
    _service(tmp_path, dev={"typescript": "^5.4.0"}, scripts={"test": "echo \"Error: no test specified\" && exit 1"})
    _write(tmp_path, "test/test.ts", _BROKEN.replace("../../", "../"))
    _write(tmp_path, "test/spawn.spec.ts", "// a test of the test helpers\ntest('w', () => 1);\n")
    assert _severities(tmp_path) == {"test/test.ts": "warning"}
    _write(tmp_path, "test/spawn.spec.ts", "import { fork } from 'node:child_process';\ntest('w', () => fork('test/test.ts'));\n")
    assert _severities(tmp_path) == {"test/test.ts": "error"}


def test_a_config_named_from_another_folder_or_by_no_convention_still_selects(tmp_path):
    """A Nest app's `test/jest-e2e.json` (`testRegex: .e2e-spec.ts$`) beside its specs, which a script
    names from the repository's root (`pnpm --dir ../.. exec jest --config apps/gw/test/jest-e2e.json`:
    no file there from the package's folder); its unit config selects only `src/` (a real chat app: 4
    findings turned into dead-code warnings). A config named where it cannot be read leaves every file
    a test; found in the file's folder by its name, it selects the spec."""
    _service(tmp_path, jest={"rootDir": "src", "testRegex": ".*\\.spec\\.ts$"},
             scripts={"test:e2e": "pnpm --dir ../.. exec jest --config apps/gw/test/jest-e2e.json"})
    _pkg(tmp_path, "test/jest-e2e.json", {"rootDir": ".", "testRegex": ".e2e-spec.ts$"})
    _write(tmp_path, "test/app.e2e-spec.ts", _BROKEN.replace("../../", "../"))
    _write(tmp_path, "test/utils/old.ts", _BROKEN)
    assert _severities(tmp_path) == {"test/app.e2e-spec.ts": "error", "test/utils/old.ts": "error"}
    _service(tmp_path, jest={"rootDir": "src", "testRegex": ".*\\.spec\\.ts$"})
    assert _severities(tmp_path) == {"test/app.e2e-spec.ts": "error", "test/utils/old.ts": "warning"}


def test_a_variant_config_adds_to_the_defaults_of_a_plain_run(tmp_path):
    """Only `test/jest-e2e.json` (`.e2e-spec.ts$`) and no `jest.config.*`: a plain `jest` still runs
    its defaults, so `test/auth.service.spec.ts` stays a test (a real device farm's 96 findings turned
    into dead-code warnings when the variant config replaced the defaults)."""
    _service(tmp_path)
    _pkg(tmp_path, "test/jest-e2e.json", {"rootDir": ".", "testRegex": ".e2e-spec.ts$"})
    _write(tmp_path, "test/auth.service.spec.ts", _BROKEN.replace("../../", "../"))
    _write(tmp_path, "test/helpers/old.ts", _BROKEN)
    # a runner's config for one run by hand (`playwright test --config e2e/pw.config.245.ts`) is no test
    _write(tmp_path, "test/pw.config.245.ts", _BROKEN.replace("../../", "../"))
    assert _severities(tmp_path) == {"test/auth.service.spec.ts": "error", "test/helpers/old.ts": "warning",
                                     "test/pw.config.245.ts": "error"}


def test_mocks_a_runner_loads_in_place_of_a_module_are_not_dead(tmp_path):
    """Jest loads `__mocks__/fs.ts` in place of `fs` without any import naming it."""
    _service(tmp_path)
    _write(tmp_path, "tests/__mocks__/fs.ts", _BROKEN)
    assert _severities(tmp_path) == {"tests/__mocks__/fs.ts": "error"}


def test_a_relative_import_that_resolves_nowhere_does_not_keep_another_file_alive(tmp_path):
    """A live test's `import { o } from '../../src/Old'` resolves nowhere (its error is its own); it
    names `src/Old`, not the parked `src/_old/Old.ts`, which stays the dead-file warning."""
    _service(tmp_path)
    _write(tmp_path, "src/_old/Old.ts", "import { Gone } from '../Gone';\n\nexport const o = Gone;\n")
    _write(tmp_path, "tests/old.test.ts", "import { o } from '../src/Old';\ntest('y', () => expect(o).toBe(1));\n")
    assert _severities(tmp_path) == {"src/_old/Old.ts": "warning", "tests/old.test.ts": "error"}
    _write(tmp_path, "tests/old.test.ts", "import { o } from '../src/_old/Old';\ntest('y', () => expect(o).toBe(1));\n")
    assert _severities(tmp_path) == {"src/_old/Old.ts": "error"}


@pytest.mark.parametrize(("path", "selected"), [
    ("/r/src/a.test.ts", True), ("/r/src/a.spec.tsx", True), ("/r/src/__tests__/a.ts", True),
    ("/r/src/a.legacy.ts", False), ("/r/src/aTests.ts", False), ("/r/src/a.test.mts", False),
])
def test_jests_default_patterns_read_without_extglobs(path, selected):
    """Jest's defaults use extglobs (`?(*.)+(spec|test).[jt]s?(x)`), read here as braces."""
    assert Selection(globs=_DEFAULTS["jest"]).selects(path) is selected
    assert _plain_glob("**/?(*.)+(spec|test).[jt]s?(x)") == "**/{*.,}{spec,test}.[jt]s{x,}"


@pytest.mark.parametrize("path, selected", [("/r/test/enterprise/helpers.test.ts", True),
                                            ("/r/test/enterprise/helpers.test.js", True),
                                            ("/r/test/enterprise/helpers.test.tsx", False)])
def test_a_bare_group_in_a_test_match_is_one_of_its_choices(path, selected):
    """`testMatch: ['**/test/**/*.test.(ts|js)']`: Jest's matcher reads a bare `(ts|js)` group as
    "ts or js" (a feature-flag platform's shared package), not as the characters `(ts|js)`, so its
    tests were taken for files no runner selects and a true finding called "most likely dead code"."""
    assert _plain_glob("**/test/**/*.test.(ts|js)") == "**/test/**/*.test.{ts,js}"
    assert Selection(globs=("**/test/**/*.test.(ts|js)",)).selects(path) is selected


@pytest.mark.parametrize("ignore, severity", [("'/tests/archived/'", None), ("'<rootDir>/tests/archived/'", None),
                                              ("'/tests/arch.*/'", "warning"), ("'/never/'", "error")])
def test_a_test_jests_ignore_patterns_leave_out_is_run_by_nothing(tmp_path, ignore, severity):
    """`testPathIgnorePatterns: ['/node_modules/', '/tests/archived/']`: Jest never runs the archived
    tests, whose imports name services long gone (a ticketing platform's auth service: 129 IMP002
    errors). They are read by nothing; a pattern that names their folder by its path switches it off on
    purpose (nothing is said), a regular expression leaves the dead-file warning, and a test no pattern
    leaves out stays an error."""
    _service(tmp_path)
    _write(tmp_path, "jest.config.js", "module.exports = {\n  testMatch: ['**/*.test.ts'],\n"
                                       f"  testPathIgnorePatterns: ['/node_modules/', {ignore}],\n}};\n")
    _write(tmp_path, "tests/archived/old.test.ts", _BROKEN)
    assert _severities(tmp_path) == ({"tests/archived/old.test.ts": severity} if severity else {})


@pytest.mark.parametrize("exclude, severity", [("'**/*.int.test.ts'", "warning"), ("'**/never/**'", "error"),
                                               ("'./tests/**'", None), ("'tests'", "error")])
def test_a_test_vitests_exclude_leaves_out_is_run_by_nothing(tmp_path, exclude, severity):
    """`test: { exclude: ['**/node_modules/**', '**/*.int.test.ts'] }`: vitest never runs the integration
    tests its config leaves out, which the tsconfig (`src/` only) does not compile either (a vector
    store's integration test whose import names an export long gone: DEP001 asked for a declaration
    that would not make it work). Read by nothing, as Jest's ignore patterns make it; a test the
    exclude list does not name stays an error. An entry that takes the test's folder whole by its path
    (`./tests/**`) switches the folder off on purpose: nothing is said."""
    _service(tmp_path, scripts={"test": "vitest run"}, dev={"vitest": "^2.1.5", "typescript": "^5.4.0"})
    _write(tmp_path, "vitest.config.ts", "import { defineConfig } from 'vitest/config';\n"
                                         f"export default defineConfig({{ test: {{ exclude: ['**/node_modules/**', {exclude}] }} }});\n")
    _write(tmp_path, "tests/store.int.test.ts", _BROKEN)
    assert _severities(tmp_path) == ({"tests/store.int.test.ts": severity} if severity else {})


@pytest.mark.parametrize("named, script, severity", [
    (None, "jest -c jest.integration.config.js", None),  # a config no file holds: the runner stops; the
    # ignore pattern names the folder: switched off on purpose
    ("tsconfig.test.json", "jest -c jest.integration.config.js", "error"),  # a script compiles the tests
    (None, "cd ../.. && jest -c services/auth/jest.integration.config.js", "error"),  # named from elsewhere
])
def test_archived_tests_a_named_tsconfig_alone_covers_are_read_by_nothing(tmp_path, named, script, severity):
    """The ticketing auth service again, whole: its archived tests are also covered by a
    `tsconfig.test.json` that includes `tests/**/*.ts` but that no script, tool config or workflow names
    (tsc compiles a named config only when told; editors read tsconfig.json), and a
    `test:integration` script names a jest config that does not exist (jest stops: it selects nothing).
    Neither keeps the 129 errors alive. A script compiling that tsconfig does; so may a config named
    from another folder."""
    _service(tmp_path, scripts={"test:integration": script,
                                **({"typecheck": f"tsc --noEmit -p {named}"} if named else {})})
    _pkg(tmp_path, "tsconfig.test.json", {"compilerOptions": {"outDir": "dist", "rootDir": ".", "module": "commonjs"},
                                         "include": ["tests/**/*.ts", "src/**/*.ts"]})
    _write(tmp_path, "jest.config.js", "module.exports = {\n  testMatch: ['**/*.test.ts'],\n"
                                       "  testPathIgnorePatterns: ['/node_modules/', '/tests/archived/'],\n};\n")
    _write(tmp_path, "tests/archived/old.test.ts", _BROKEN)
    assert _severities(tmp_path) == ({"tests/archived/old.test.ts": severity} if severity else {})
