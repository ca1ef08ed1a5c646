"""Type-only import errors in a test file that no tsconfig includes and whose runner strips types
(model/unchecked_files.py): warnings that say only an editor shows them, not "tsc fails"."""

from __future__ import annotations

import pytest

from tests.helpers import lint
from tests.dependencies.test_shipping import write
from tests.imports.test_imports_real_world import _pkg, _write

SPEC = ("import { Tags } from '../src/server';\nimport { LoginResponse } from '../src/missing/types';\n\n"
        "const a: Tags | undefined = undefined;\nconst b: LoginResponse | undefined = undefined;\n"
        "test('x', () => expect(a).toBe(b));\n")


def _service(root, jest: dict | str, include: list[str]) -> list[tuple[str, str]]:
    manifest = {"name": "svc", "version": "1.0.0", "main": "dist/server.js",
                "scripts": {"build": "tsc", "start": "node dist/server.js", "test": "jest"},
                "devDependencies": {"typescript": "^5.4.0", "jest": "^29.7.0", "ts-jest": "^29.1.0",
                                    "@babel/preset-typescript": "^7.24.0"}}
    if isinstance(jest, dict):
        manifest["jest"] = jest
    else:  # a config file
        _write(root, "jest.config.js", jest)
    _pkg(root, "package.json", manifest)
    _pkg(root, "tsconfig.json", {"compilerOptions": {"module": "commonjs", "outDir": "dist", "strict": True}, "include": include})
    _write(root, "babel.config.js", "module.exports = { presets: ['@babel/preset-typescript'] };\n")
    _write(root, "src/server.ts", "export class Tag { id = ''; }\n")
    _write(root, "test/tags.spec.ts", SPEC)
    return sorted((d.code, d.severity.value) for d in lint(root, ["IMP"]))


@pytest.mark.parametrize("jest,include,severity", [
    ({"testEnvironment": "node"}, ["src/**/*"], "warning"),  # babel-jest: nothing checks the test's types
    ({"preset": "ts-jest"}, ["src/**/*"], "error"),  # ts-jest fails the test on a type error
    ({"testEnvironment": "node"}, ["src/**/*", "test/**/*"], "error"),  # tsc checks it
    ("module.exports = { ...require('../../jest.base.js') };\n", ["src/**/*"], "error"),  # the base may name ts-jest
    ("module.exports = { transform: { '^.+\\\\.ts$': '@swc/jest' } };\n", ["src/**/*"], "warning"),
])
def test_a_test_no_tsconfig_includes_run_with_types_stripped_only_shows_in_an_editor(tmp_path, jest, include, severity):
    """A chat back end's e2e specs import a type that was renamed (`Tags`, now `Tag`) and one from a
    file that was moved: its tsconfig includes only `src/`, and Jest runs the specs through babel,
    which erases the types unchecked (3 errors on a real repo claiming "tsc fails"). They stay
    findings, as warnings that say so; under ts-jest, or once a tsconfig includes the tests, they are
    errors."""
    assert _service(tmp_path, jest, include) == [("IMP002", severity), ("IMP003", severity)]
    if severity == "warning":
        found = lint(tmp_path, ["IMP002"])[0].message
        runner = "@swc/jest" if isinstance(jest, str) else "babel-jest"
        assert runner in found and "only an editor shows TS2307" in found and "tsc fails" not in found, found


def test_a_playwright_spec_no_tsconfig_includes_only_shows_in_an_editor(tmp_path):
    """A form library's Playwright specs import names a module no longer exports, and no tsconfig
    includes them; the package also declares jest: Playwright transforms the specs without checking
    types, so the findings are warnings naming Playwright, not "tsc fails" nor Jest's transform (8 IMP003
    errors on a survey library; an API client's IMP002 blamed babel-jest)."""
    _service(tmp_path, {"testEnvironment": "node"}, ["src/**/*"])
    _write(tmp_path, "test/tags.spec.ts", "import { test, expect } from '@playwright/test';\n" + SPEC.replace("test('x'", "test('y'"))
    found = [d for d in lint(tmp_path, ["IMP"])]
    assert sorted((d.code, d.severity.value) for d in found) == [("IMP002", "warning"), ("IMP003", "warning")]
    assert all("Playwright strips its types without checking them" in d.message for d in found), found


@pytest.mark.parametrize("where,loader,severity", [
    ("mocha", {"require": ["ts-node/register/transpile-only", "source-map-support/register"]}, "warning"),
    ("mocharc", "require:\n  - '@swc/register'\nextension: [ts, tsx]\nspec: 'src/**/*.spec.ts'\n", "warning"),
    ("script", "TS_NODE_TRANSPILE_ONLY=true mocha -r ts-node/register 'src/**/*.spec.ts'", "warning"),
    ("script", "mocha -r ts-node/register 'src/**/*.spec.ts'", "error"),  # ts-node checks what it compiles
    ("mocharc", "extension: [ts, tsx]\nspec: 'src/**/*.spec.ts'\n", "error"),  # no loader named: not read as unchecked
])
def test_a_spec_mocha_runs_through_a_type_stripping_loader_only_shows_in_an_editor(tmp_path, where, loader, severity):
    """A realtime server's spec imports a type through one `../` too many; its tsconfig excludes `**/*.spec.ts`
    and Mocha runs the specs with `ts-node/register/transpile-only`, which compiles without checking: only an
    editor shows TS2307 (1 error on a real repository claiming "tsc fails"). ts-node's checking entry keeps the
    error, as does a Mocha config that names no loader (what runs the TypeScript is not known)."""
    manifest = {"name": "app", "version": "1.0.0", "scripts": {"test": "mocha 'src/**/*.spec.ts'"},
                "devDependencies": {"mocha": "^10.0.0", "ts-node": "^10.9.1", "typescript": "^5.0.0"}}
    if where == "mocha":
        manifest["mocha"] = loader
    elif where == "script":
        manifest["scripts"]["test"] = loader
    else:
        _write(tmp_path, ".mocharc.yml", loader)
    _pkg(tmp_path, "package.json", manifest)
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}, "include": ["src/**/*"],
                                     "exclude": ["**/*.spec.ts"]})
    _write(tmp_path, "src/a.ts", "export const a = 1;\n")
    _write(tmp_path, "src/a.spec.ts", "import { a } from './a';\nimport { Msg } from '../../client/constants';\n\n"
                                      "const m = { x: a } as Msg;\nconsole.log(m);\n")
    [found] = lint(tmp_path, ["IMP"])
    assert (found.code, found.severity.value) == ("IMP002", severity)
    assert ("only an editor shows TS2307" in found.message) == (severity == "warning"), found.message


@pytest.mark.parametrize("runner,severity", [("tsx", "warning"), ("ts-node", "error")])
def test_a_script_no_tsconfig_includes_run_by_tsx_only_shows_in_an_editor(tmp_path, runner, severity):
    """`scripts/migrate-perms.ts`, a one-off backfill run with `npx tsx`, imports a type that was
    removed; the tsconfig includes only `src/` (a fleet manager: 4 IMP003 errors claiming tsc fails).
    tsx strips types unchecked: a warning. A package that declares ts-node, which type-checks what
    it runs, keeps the error."""
    write(tmp_path, {
        "package.json": {"name": "backend", "private": True, "scripts": {"build": "tsc -p tsconfig.json"},
                         "devDependencies": {runner: "^4.19.0", "typescript": "5.9.3"}},
        "tsconfig.json": {"compilerOptions": {"rootDir": "src", "outDir": "dist", "strict": True}, "include": ["src/**/*.ts"]},
        "src/model/permissions.ts": "export type CrudOperation = 'create' | 'read';\nexport const ORDER = ['devices'];\n",
        "src/main.ts": "import { ORDER } from './model/permissions';\n\nconsole.log(ORDER);\n",
        "scripts/migrate-perms.ts": "import type { CrudOperation, FleetConfig } from '../src/model/permissions';\n"
                                    "import { ORDER } from '../src/model/permissions';\n\n"
                                    "const cfg: FleetConfig | undefined = undefined;\nconst op: CrudOperation = 'read';\n"
                                    "console.log(ORDER, cfg, op);\n",
    })
    assert sorted((d.code, d.severity.value) for d in lint(tmp_path, ["IMP"])) == [("IMP003", severity)]


@pytest.mark.parametrize("include,severity", [(["src"], "warning"), (None, "error")])
def test_an_unread_extends_hides_no_include_of_the_config_itself(tmp_path, include, severity):
    """A tsconfig extending a config package that is not installed, with an `include` of its own:
    `include` replaces the parent's, so the tests it leaves out are known to be in no program. With
    no `include`, the unread parent may name them: the finding stays an error."""
    _pkg(tmp_path, "package.json", {"name": "web", "private": True, "scripts": {"test": "vitest run"},
                                    "devDependencies": {"vitest": "^3.2.0", "@acme/tsconfig": "^1.0.0"}})
    config = {"extends": "@acme/tsconfig/base.json", "compilerOptions": {"strict": True}}
    _pkg(tmp_path, "tsconfig.json", config if include is None else {**config, "include": include})
    _write(tmp_path, "src/math.ts", "export const add = (a: number, b: number) => a + b;\n")
    _write(tmp_path, "tests/math.test.ts", "import { expect, it } from 'vitest';\nimport { add } from '../src/math';\n"
                                            "import type { MathOptions } from '../src/math';\n\n"
                                            "const o: MathOptions | undefined = undefined;\nit('adds', () => expect(add(1, 2) + Number(o ?? 0)).toBe(3));\n")
    assert [(d.code, d.severity.value) for d in lint(tmp_path, ["IMP"])] == [("IMP003", severity)]


def test_a_type_only_import_in_a_hidden_tool_folder_asks_for_no_package(tmp_path):
    """`.claude/skills/brand/scripts/chrome.ts`, reference code an agent copies into the back end,
    imports pdfkit's types: tsc's wildcards never enter a hidden folder and no tsconfig names it, so no
    program compiles the file (a logistics repo: a DEP001 asking the root for `@types/pdfkit`). A value
    import there may run (a tool's script), and a tool's own folder is loaded by the tool: reported."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "devDependencies": {"@playwright/test": "^1.59.1"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "noEmit": True}, "include": ["e2e/**/*.ts"]})
    _pkg(tmp_path, "backend/package.json", {"name": "acme-backend", "private": True, "dependencies": {"pdfkit": "^0.17.2"},
                                            "devDependencies": {"@types/pdfkit": "^0.17.4"}})
    _write(tmp_path, "backend/src/index.ts", "import PDFDocument from 'pdfkit';\n\nexport const doc = new PDFDocument();\n")
    _write(tmp_path, ".claude/skills/brand/scripts/chrome.ts", "import type PDFKit from 'pdfkit';\n\n"
                                                               "export const header = (doc: PDFKit.PDFDocument) => doc.text('ACME');\n")
    assert lint(tmp_path, ["DEP001"]) == []
    _write(tmp_path, ".claude/skills/brand/scripts/run.ts", "import PDFDocument from 'pdfkit';\n\nexport const doc = new PDFDocument();\n")
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["DEP001"])] == ["run.ts"]
    # a tool's own folder: Storybook loads `.storybook/main.ts` and the framework its config names
    _write(tmp_path, ".storybook/main.ts", "import type { StorybookConfig } from '@storybook/nextjs';\n\n"
                                          "const config: StorybookConfig = { framework: '@storybook/nextjs' };\nexport default config;\n")
    assert sorted(d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["DEP001"])) == ["main.ts", "run.ts"]


def test_a_fixture_its_tsconfig_excludes_inside_root_dir_is_unchecked(tmp_path):
    """`src/__tests__/__fixtures__/fixtures.ts` under `rootDir: src`, which `exclude` removes; vitest's
    specs load it (a CLI: IMP002 errors claiming tsc fails). rootDir alone compiles nothing: the
    fixture is in no program and vitest strips its types, so its type-only import is a warning."""
    write(tmp_path, {
        "package.json": {"name": "cli", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"],
                         "scripts": {"build": "tsc", "test": "vitest --run"}, "devDependencies": {"vitest": "3.2.4"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "strict": True},
                          "include": ["src/**/*"], "exclude": ["src/**/__tests__"]},
        "src/index.ts": "export const x = 1;\n",
        "src/rest/checks.ts": "export type Check = { id: string };\n",
        "src/__tests__/__fixtures__/fixtures.ts": "import type { Check } from '../rest/checks';\n\nexport const check: Check = { id: 'c1' };\n",
        "src/__tests__/render.spec.ts": "import { expect, test } from 'vitest';\nimport { check } from './__fixtures__/fixtures';\n\n"
                                        "test('id', () => expect(check.id).toBe('c1'));\n",
    })
    assert [(d.code, d.severity.value) for d in lint(tmp_path, ["IMP"])] == [("IMP002", "warning")]


def test_a_demo_module_only_vitest_tests_load_is_unchecked(tmp_path):
    """`demo/src/index.tsx` of a library whose tsconfig includes `src`, loaded only by a globals-style
    vitest test (no `vitest` import in either file): vitest, the one runner the package declares,
    strips its types (a tracing UI: an IMP003 error claiming tsc fails)."""
    write(tmp_path, {
        "package.json": {"name": "@x/lib", "private": True, "scripts": {"test": "vitest run"}, "devDependencies": {"vitest": "3.2.4"}},
        "tsconfig.json": {"compilerOptions": {"strict": True, "noEmit": True, "jsx": "react-jsx"}, "include": ["src"]},
        "src/index.ts": "export const Digraph = () => null;\n",
        "src/types.ts": "type TMeasureUtils = { width: number };\nexport type TLayer = { measure?: (u: TMeasureUtils) => number };\n",
        "demo/src/index.tsx": "import { Digraph } from '../../src';\nimport { TMeasureUtils } from '../../src/types';\n\n"
                              "const m = (u: TMeasureUtils) => u.width;\nexport default function Demo() { return [Digraph, m]; }\n",
        "demo/src/index.test.tsx": "import Demo from './index';\n\ndescribe('Demo', () => { it('renders', () => { expect(Demo()).toBeTruthy(); }); });\n",
    })
    [found] = lint(tmp_path, ["IMP"])
    assert (found.code, found.severity.value) == ("IMP003", "warning") and "vitest strips" in found.message, found.message


@pytest.mark.parametrize("scripts, ignore, severity", [
    ({"build": "next build", "start": "next start"}, True, "warning"),  # nothing checks the app's types
    ({"build": "next build", "start": "next start"}, False, "error"),  # next build type-checks
    ({"build": "next build", "typecheck": "tsc --noEmit"}, True, "error"),  # a script runs tsc
])
def test_type_only_errors_in_a_next_app_whose_build_skips_type_checking(tmp_path, scripts, ignore, severity):
    """A Next.js storefront whose next.config sets `typescript.ignoreBuildErrors: true` on purpose, and
    no script running tsc: a missing type export, a type import of a missing file and an undeclared
    package used only for types break nothing, since nothing checks the types (an e-commerce app: 58
    errors saying "tsc fails"). They are warnings saying only an editor shows them."""
    _pkg(tmp_path, "package.json", {"name": "shop", "private": True, "scripts": scripts,
                                    "dependencies": {"next": "15.0.0", "react": "19.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "jsx": "preserve", "baseUrl": ".",
                                                         "paths": {"@/*": ["./*"]}}, "include": ["**/*.ts", "**/*.tsx"]})
    _write(tmp_path, "next.config.js", "module.exports = { typescript: { ignoreBuildErrors: %s } };\n"
           % ("true" if ignore else "false"))
    _write(tmp_path, "lib/types.ts", "export interface Order { id: string }\n")
    _write(tmp_path, "app/orders/page.tsx", "import type { OrderLine } from '@/lib/types';\n"
                                            "import type { Money } from '@/lib/money';\n\n"
                                            "export default function Page(p: { l?: OrderLine; m?: Money }) { return null; }\n")
    found = sorted((d.code, d.severity.value) for d in lint(tmp_path, ["IMP002", "IMP003"]))
    assert found == [("IMP002", severity), ("IMP003", severity)]
    if severity == "warning":
        assert all("only an editor shows" in d.message for d in lint(tmp_path, ["IMP002", "IMP003"]))
        # a test is the runner's to check (ts-jest would): the app's build says nothing of it
        _write(tmp_path, "app/orders/page.test.tsx", "import type { Money } from '@/lib/money';\n\nexport const m: Money | null = null;\n")
        [test] = [d for d in lint(tmp_path, ["IMP002"]) if d.path.endswith("page.test.tsx")]
        assert "next build" not in test.message, test.message
