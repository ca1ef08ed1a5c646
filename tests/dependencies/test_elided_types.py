"""Imports tsc drops because decorator metadata emits `Object` for a workspace type, however the
workspace package exports it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import dep, write
from tests.npm_cache import install


def test_dep001_a_workspace_type_reached_through_export_star_is_elided_from_a_decorated_signature(tmp_path):
    """`@IsString() locale!: Locale` where `Locale` is a workspace package's type alias, exported by its
    entry through `export *` (or `export type *`, or `export { Locale } from`): decorator metadata emits
    `String`, tsc drops the import, nothing loads the package (a real community CRM: 1 DEP001 error).
    A class reached the same way is a value: the import stays, and so does the finding."""
    def repo(name: str, entry: str, middle: str, declaration: str) -> Path:
        return write(tmp_path / name, {
            "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*", "apps/*"]},
            "packages/locale/package.json": {"name": "@acme/locale", "version": "1.0.0", "private": True,
                                             "main": "./dist/index.js", "types": "./dist/index.d.ts"},
            "packages/locale/tsconfig.json": {"compilerOptions": {"rootDir": "./src", "outDir": "./dist"}},
            "packages/locale/src/index.ts": entry,
            "packages/locale/src/types/index.ts": middle,
            "packages/locale/src/types/locale.ts": declaration,
            "apps/api/package.json": {"name": "@acme/api", "version": "1.0.0", "private": True,
                                      "scripts": {"start": "node dist/main.js"},
                                      "dependencies": {"class-validator": "^0.14.0"}},
            "apps/api/tsconfig.json": {"compilerOptions": {"experimentalDecorators": True, "emitDecoratorMetadata": True,
                                                           "rootDir": "src", "outDir": "dist"}},
            "apps/api/src/main.ts": "import { IsString } from 'class-validator';\nimport { Locale } from '@acme/locale';\n\n"
                                    "export class ContentDto {\n  @IsString()\n  locale!: Locale;\n}\n",
        })

    alias = "export type Locale = 'en' | 'de';\n"
    for name, entry, middle in (("star", "export * from './types/index.js';\n", "export * from './locale.js';\n"),
                                ("type-star", "export * from './types/index.js';\n", "export type * from './locale.js';\n"),
                                ("named", "export { Locale } from './types/index.js';\n", "export * from './locale.js';\n")):
        assert [f for f in dep(repo(name, entry, middle, alias)) if f[0] == "DEP001"] == [], name
    value = dep(repo("class", "export * from './types/index.js';\n", "export * from './locale.js';\n",
                     "export class Locale { code = 'en'; }\n"))
    assert ("DEP001", "apps/api/src/main.ts", "@acme/locale") in value


def test_dep001_a_type_only_import_in_a_file_no_tsc_program_reads_is_a_warning(tmp_path):
    """A test no tsconfig includes, which vitest runs with its types stripped, imports types of a
    package its manifest does not declare (a contract suite at the root of a pnpm monorepo: 3 errors):
    nothing fails, only an editor shows TS2307, as IMP002 and IMP003 already say of such a file; the
    finding is a warning, and its remedy stays. Where a tsconfig includes the test, tsc fails: an error."""
    from tests.helpers import lint

    files = {
        "package.json": {"name": "mono", "private": True, "devDependencies": {"vitest": "^3.2.0"}},
        "package-lock.json": {"name": "mono", "lockfileVersion": 3, "packages": {
            "": {"name": "mono"}, "node_modules/vitest": {"version": "3.2.4", "dev": True},
            "node_modules/vite": {"version": "7.1.3", "dev": True}}},
        "tsconfig.json": {"compilerOptions": {"strict": True, "noEmit": True}, "include": ["src"]},
        "src/index.ts": "export const one = 1;\n",
        "tests/contract.test.ts": "import { expect, test } from 'vitest';\nimport type { Plugin } from 'vite';\n\n"
                                  "test('plugin', () => { const p: Plugin | null = null; expect(p).toBeNull(); });\n",
    }
    [d] = [d for d in lint(write(tmp_path / "a", files), ["DEP001"])]
    assert d.severity.value == "warning" and d.fix is not None
    assert d.message.endswith("; nothing fails: no tsconfig includes this test and vitest strips its types without "
                              "checking them, so only an editor shows TS2307")
    files["tsconfig.json"] = {"compilerOptions": {"strict": True, "noEmit": True}, "include": ["src", "tests"]}
    [d] = [d for d in lint(write(tmp_path / "b", files), ["DEP001"])]
    assert d.severity.value == "error" and "nothing fails" not in d.message


def test_dep001_never_names_a_deprecated_types_stub(tmp_path):
    """`@types/mongoose` 5.11.97, which a sibling still declares, is a stub the registry deprecated
    once mongoose shipped its own types (the lockfile records the notice): a type-only import of
    mongoose is declared as mongoose itself, not as the stub (a real repository: 2 findings advising it).
    A live `@types` package is still the one named."""
    from tests.helpers import lint

    def lock(deprecated: bool) -> str:
        notice = "    deprecated: Mongoose publishes its own types, so you do not need to install this package.\n"
        return ("lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\n  packages/mongodb:\n    dependencies:\n"
                "      mongoose:\n        specifier: ^9.2.1\n        version: 9.2.1\n    devDependencies:\n"
                "      '@types/mongoose':\n        specifier: ^5.11.97\n        version: 5.11.97\n\n"
                "  packages/repository:\n    dependencies:\n      '@dam/mongodb':\n        specifier: workspace:*\n"
                "        version: link:../mongodb\n\npackages:\n\n  '@types/mongoose@5.11.97':\n"
                "    resolution: {integrity: sha512-x}\n" + (notice if deprecated else "") +
                "\n  mongoose@9.2.1:\n    resolution: {integrity: sha512-y}\n")

    def advised(deprecated: bool) -> str:
        root = write(tmp_path / str(deprecated), {
            "package.json": {"name": "root", "private": True, "packageManager": "pnpm@9.0.0"},
            "packages/mongodb/package.json": {"name": "@dam/mongodb", "version": "1.0.0", "private": True,
                                              "main": "./dist/index.js", "dependencies": {"mongoose": "^9.2.1"},
                                              "devDependencies": {"@types/mongoose": "^5.11.97"}},
            "packages/mongodb/src/index.ts": "export { model } from 'mongoose';\n",
            "packages/repository/package.json": {"name": "@dam/repository", "version": "1.0.0", "private": True,
                                                 "main": "./dist/index.js", "dependencies": {"@dam/mongodb": "workspace:*"}},
            "packages/repository/src/index.ts": "import { Types } from 'mongoose';\n\n"
                                                "export async function find(id: Types.ObjectId) { return id; }\n",
        })
        (root / "pnpm-workspace.yaml").write_text("packages:\n  - 'packages/*'\n")
        (root / "pnpm-lock.yaml").write_text(lock(deprecated))
        [d] = lint(root, ["DEP001"])
        return d.message

    assert 'add "mongoose": "^9.2.1" to devDependencies' in advised(True)
    assert 'add "@types/mongoose": "^5.11.97" to devDependencies' in advised(False)


def test_a_stub_a_siblings_own_lockfile_marks_deprecated_is_not_named_either(tmp_path):
    """The sibling that still declares `@types/mongoose` is a project of its own, whose lockfile
    records the deprecation; the importer's lockfile holds mongoose 6 (a peer it gets): the advice is
    mongoose itself, not the stub copied from the sibling (4 findings on a real CQRS back end)."""
    from tests.helpers import lint

    stub = {"version": "5.11.97", "dev": True, "dependencies": {"mongoose": "*"},
            "deprecated": "Mongoose publishes its own types, so you do not need to install this package."}
    root = write(tmp_path, {
        "query/package.json": {"name": "query", "private": True, "dependencies": {"mongoose": "^6.9.2"},
                               "devDependencies": {"@types/mongoose": "^5.11.97"}},
        "query/package-lock.json": {"name": "query", "lockfileVersion": 3, "packages": {
            "": {"name": "query"}, "node_modules/mongoose": {"version": "6.9.2"}, "node_modules/@types/mongoose": stub}},
        "query/src/main.ts": "import { connect } from 'mongoose';\nexport const start = () => connect('db');\n",
        "command/package.json": {"name": "command", "private": True, "dependencies": {"typegoose-kit": "^10.0.0"}},
        "command/package-lock.json": {"name": "command", "lockfileVersion": 3, "packages": {
            "": {"name": "command"}, "node_modules/typegoose-kit": {"version": "10.0.0", "peerDependencies": {"mongoose": "^6.0.0"}},
            "node_modules/mongoose": {"version": "6.9.2", "peer": True}}},
        "command/test/items.e2e-spec.ts": "import { Model } from 'mongoose';\n\nlet m: Model<unknown>;\n"
                                          "it('is empty', () => expect(m).toBeUndefined());\n",
    })
    [d] = lint(root, ["DEP001"])
    assert 'add "mongoose": "^6.9.2" to devDependencies' in d.message, d.message


def test_dep001_a_type_a_published_packages_declarations_keep_goes_where_its_users_get_it(tmp_path):
    """`export interface HttpConfig extends InstrumentationConfig` in a published package with
    declarations (`types`): the emitted `.d.ts` imports the package, so an application type-checking
    against it needs it installed: `dependencies`, not `--save-dev` (a real OpenTelemetry component,
    3 such pieces of advice). A type used only inside the file, or a package shipping no declarations,
    stays a devDependency: also one whose `types` names its TypeScript source (`./src/index.ts`, a package
    its dependents compile from source: a real e-signing monorepo's `hono` had moved to dependencies)."""
    def advice(manifest: dict, source: str) -> str:
        root = write(tmp_path / str(len(list(tmp_path.iterdir()))), {
            "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
            "packages/otel/package.json": {"name": "@x/otel", "version": "1.0.0", "exports": {".": "./dist/index.js"},
                                           "dependencies": {"tslib": "^2.6.0"}, **manifest},
            "packages/otel/tsconfig.json": {"compilerOptions": {"declaration": True, "outDir": "dist", "rootDir": "src"}},
            "packages/otel/src/index.ts": source,
        })
        [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        return d.message

    exported = ("import type { InstrumentationConfig } from '@opentelemetry/instrumentation';\n"
                "export interface HttpConfig extends InstrumentationConfig { port: number }\n")
    local = ("import type { InstrumentationConfig } from '@opentelemetry/instrumentation';\n"
             "type Local = InstrumentationConfig;\nexport const port = (c: unknown) => (c as Local) ? 1 : 0;\n")
    assert "npm install @opentelemetry/instrumentation -w @x/otel" in advice({"types": "./dist/index.d.ts"}, exported)
    assert "--save-dev" in advice({"types": "./dist/index.d.ts"}, local)
    assert "--save-dev" in advice({}, exported)
    assert "--save-dev" in advice({"types": "./src/index.ts"}, exported)
    assert "--save-dev" in advice({"types": "./lib/*.d.ts"}, exported)
    assert "--save-dev" in advice({"exports": {".": {"types": "./src/index.ts", "default": "./src/index.ts"}}}, exported)
    assert "-w @x/otel" in advice({"exports": {".": {"types": {"import": "./dist/index.d.mts"}}}}, exported)


def test_dep001_a_type_the_declaration_emit_drops_stays_a_dev_dependency(tmp_path):
    """tsc writes a private member without its type (`private readonly expiry;`) and leaves out the
    bodies of constructors and annotated functions, and initializers an annotation replaces: a type
    named only there reaches no consumer (a real Kafka template's `StringValue` from `ms` on a private
    field and in a constructor's cast had gone to dependencies). A public member's type, or an
    unannotated export whose type the emit infers from its initializer, is kept."""
    def advice(body: str) -> str:
        root = write(tmp_path / str(len(list(tmp_path.iterdir()))), {
            "package.json": {"name": "mono", "private": True, "workspaces": ["libs/*"]},
            "libs/common/package.json": {"name": "@acme/common", "version": "1.0.0", "main": "dist/index.js",
                                         "types": "dist/index.d.ts", "dependencies": {"tslib": "^2.6.0"}},
            "libs/common/tsconfig.json": {"compilerOptions": {"declaration": True, "outDir": "dist", "rootDir": "src"}},
            "libs/common/src/index.ts": "import type { StringValue } from 'ms';\n" + body,
        })
        [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        return d.message

    dropped = [
        "export class Token {\n  private readonly expiry: StringValue | number;\n"
        "  constructor() { this.expiry = (process.env.TTL || '5m') as StringValue; }\n}\n",
        "export class Token {\n  #ttl: StringValue = '5m';\n  constructor(private readonly t: StringValue) {}\n}\n",
        "export function ttl(): string {\n  const v = '5m' as StringValue;\n  return v;\n}\n",
        "export const ttl: string = '5m' as StringValue;\n",
        "export class Token {\n  private sign(ttl: StringValue): void {}\n  set ttl(v: string) { const x = v as StringValue; }\n}\n",
    ]
    kept = [
        "export class Token {\n  constructor(readonly expiry: StringValue) {}\n}\n",
        "export class Token {\n  protected sign(ttl: StringValue): void {}\n}\n",
        "export const ttl = '5m' as StringValue;\n",
        "export function ttl() {\n  return '5m' as StringValue;\n}\n",
    ]
    for body in dropped:
        assert "--save-dev" in advice(body), body
    for body in kept:
        assert "npm install ms -w @acme/common" in advice(body), body
    # exported by an export list or `export default X`, a declaration is emitted as one written `export`
    # (a chatbot SDK's `abstract class Skeleton { readonly log: Loggable }` ... `export { Skeleton }`:
    # its types had gone to devDependencies); what the emit drops there is dropped as well
    for export in ("export { Token };\n", "export type { Token };\n", "export default Token;\n",
                   "export { Token as Bearer };\n"):
        assert "npm install ms -w @acme/common" in advice(kept[1].removeprefix("export ") + export), export
        assert "--save-dev" in advice(dropped[0].removeprefix("export ") + export), export
    assert "--save-dev" in advice(kept[1].removeprefix("export ") + "export const t = 1;\n")


def test_dep001_the_types_package_a_published_packages_declarations_name_goes_to_dependencies(tmp_path):
    """`public getNamespace(): Namespace` (from untyped `cls-hooked`) in an exported class of a published
    package with declarations: its `.d.ts` needs `@types/cls-hooked` beside it, the handbook's rule for
    a package whose declarations depend on an `@types/` one (a real tracer: 2 pieces of advice said
    devDependencies, which only the repository's own build reads)."""
    lock = {"name": "@acme/tracer", "lockfileVersion": 3, "packages": {
        "": {"name": "@acme/tracer", "dependencies": {"aws-xray-sdk-core": "^3.12.0"}},
        "node_modules/aws-xray-sdk-core": {"version": "3.12.0", "dependencies": {"@types/cls-hooked": "^4.3.3"}},
        "node_modules/@types/cls-hooked": {"version": "4.3.9"}, "node_modules/cls-hooked": {"version": "4.2.2"}}}
    root = write(tmp_path, {
        "package.json": {"name": "@acme/tracer", "version": "1.0.0", "main": "./lib/index.js", "types": "./lib/index.d.ts",
                         "dependencies": {"aws-xray-sdk-core": "^3.12.0"}},
        "package-lock.json": lock,
        "tsconfig.json": {"compilerOptions": {"declaration": True, "outDir": "lib", "rootDir": "src"}},
        "src/index.ts": "export * from './tracer';\n",
        "src/tracer.ts": ("import type { Namespace } from 'cls-hooked';\n"
                          "export class Tracer {\n  getNamespace(): Namespace | undefined { return undefined; }\n}\n"),
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "@types/cls-hooked": "^4.3.9" to dependencies' in d.message


def test_types_of_a_later_major_than_the_library_are_not_offered(tmp_path):
    """express 4.18.2 runs, and the lockfile holds only `@types/express` 5.0.6, pulled in by another
    `@types` package: declaring `^5.0.6` would type an Express 4 app with Express 5's API (a real HR
    back end): no fix, the command asks for the types of the library's major. Types a major behind
    the library (supertest 7, `@types/supertest` 6) may simply lag: offered as before."""
    from tests.helpers import lint

    def advice(library: str, runs: str, types: str) -> tuple[str, bool]:
        name = library + runs
        root = write(tmp_path / name, {
            "package.json": {"name": "hr", "private": True, "dependencies": {"kit": "^1.0.0"}},
            "package-lock.json": {"name": "hr", "lockfileVersion": 3, "packages": {
                "": {"name": "hr"}, f"node_modules/{library}": {"version": runs},
                f"node_modules/@types/{library}": {"version": types, "dev": True}}},
            "tsconfig.json": {"compilerOptions": {"strict": True}},
            "src/auth.ts": f"import type {{ Request }} from '{library}';\nexport const user = (r: Request) => r;\n",
        })
        [d] = lint(root, ["DEP001"])
        return d.message.split("; ", 1)[1], d.fix is not None

    message, fixed = advice("express", "4.18.2", "5.0.6")
    assert message == ("express 4.18.2 runs here, and @types/express 5.0.6 (package-lock.json resolves 5.0.6) is for a "
                       "later major: run `npm install --save-dev @types/express@4`") and not fixed
    message, fixed = advice("supertest", "7.1.0", "6.0.2")
    assert message.startswith('add "@types/supertest": "^6.0.2" to devDependencies') and fixed


def test_a_deep_import_into_a_packages_build_names_the_package_not_its_types(tmp_path):
    """`react-router/dist/lib/context`, a file of react-router 6's own build (which ships its types),
    beside a stale `@types/react-router` 5 another `@types` package pulls in: DefinitelyTyped mirrors
    no `dist/` file, so the package itself is what to declare (a real frontend was told to add the
    stub, contradicting the finding on the line above). A public subpath keeps the `@types` advice."""
    from tests.helpers import lint

    def advised(spec: str) -> str:
        root = write(tmp_path / spec.replace("/", "_"), {
            "package.json": {"name": "web", "private": True, "dependencies": {"react-router-dom": "^6.9.0"}},
            "package-lock.json": {"name": "web", "lockfileVersion": 3, "packages": {
                "": {"name": "web"}, "node_modules/react-router": {"version": "6.9.0"},
                "node_modules/@types/react-router": {"version": "5.1.18", "dev": True}}},
            "src/redirect.ts": f"import type {{ NavigationContextObject }} from '{spec}';\n"
                               "export const pick = (c: NavigationContextObject) => c;\n",
        })
        [d] = lint(root, ["DEP001"])
        return d.message.split('"')[1]
    assert advised("react-router/dist/lib/context") == "react-router"
    assert advised("react-router") == "@types/react-router"


def _const_enum_repo(root: Path, isolated: bool, build: str = "tsc -p tsconfig.json") -> Path:
    """A library (`shared-nest`, built by `build`) whose DTO keys are members of a workspace package's
    `const enum`, which it keeps in devDependencies."""
    options = {"module": "commonjs", "target": "es2017", "outDir": "dist", "experimentalDecorators": True,
               "emitDecoratorMetadata": True, "moduleResolution": "node", "strict": False, "skipLibCheck": True,
               "types": [],
               **({"isolatedModules": True} if isolated else {})}
    return write(root, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/shared-types/package.json": {"name": "shared-types", "version": "0.0.0", "main": "./index.ts"},
        "packages/shared-types/index.ts": 'export const enum UnitType { ARCHER = "ARCHER", KNIGHT = "KNIGHT" }\n'
                                          'export { Side } from "./side";\nexport enum Plain { A = "A" }\n',
        "packages/shared-types/side.ts": "export const enum Side { LEFT = 0 }\n",
        "packages/shared-nest/package.json": {"name": "shared-nest", "version": "1.0.0", "main": "dist/index.js",
                                              "scripts": {"build": build},
                                              "devDependencies": {"shared-types": "*", "typescript": "^5.5.0"}},
        "packages/shared-nest/tsconfig.json": {"compilerOptions": options, "include": ["src/**/*"]},
        "packages/shared-nest/src/index.ts": "import { UnitType, Side } from 'shared-types';\n\n"
                                             "export class ArmyDto {\n  [UnitType.ARCHER]: number;\n  [UnitType.KNIGHT]: number;\n"
                                             "  side = Side.LEFT;\n}\n",
        "packages/shared-nest/src/plain.ts": "import { Plain } from 'shared-types';\n\nexport const plain = Plain.A;\n",
    })


@pytest.mark.parametrize("isolated, build, kept", [(False, "tsc -p tsconfig.json", False),
                                                   (True, "tsc -p tsconfig.json", True),
                                                   (False, "tsup src/index.ts --format cjs --no-splitting --external shared-types", True)])
def test_dep002_an_import_of_const_enum_members_tsc_inlines_loads_nothing(tmp_path, isolated, build, kept):
    """`[UnitType.ARCHER]: number` where `UnitType` is a workspace package's `const enum`: tsc inlines
    the members and drops the import, so the library kept in devDependencies is never loaded (a
    Turborepo game API: 5 DEP002 errors). Not under `isolatedModules` (each file compiled alone keeps
    it), nor where another compiler builds the package; a plain enum is a value wherever it is."""
    found = [f[1] for f in dep(_const_enum_repo(tmp_path, isolated, build)) if f[0] == "DEP002"]
    assert "packages/shared-nest/src/plain.ts" in found
    assert ("packages/shared-nest/src/index.ts" in found) == kept, found


@pytest.mark.integration
@pytest.mark.parametrize("isolated", [False, True])
def test_tsc_drops_exactly_the_const_enum_imports_the_linter_takes_for_types(tmp_path, isolated):
    """The oracle: real tsc compiles the library above; its output requires `shared-types` in
    `index.js` exactly where the linter reports it (with `isolatedModules`), and in `plain.js` always."""
    folder = install("tsc-resolve-ts5-node20", ["typescript@5", "@types/node@20"], "typescript/bin/tsc")
    if folder is None:
        pytest.skip("npm or the registry is unreachable and typescript is not cached")
    root = _const_enum_repo(tmp_path, isolated)
    reported = {Path(f[1]).name.replace(".ts", ".js") for f in dep(root) if f[0] == "DEP002"}
    (root / "node_modules").mkdir()
    (root / "node_modules" / "shared-types").symlink_to(root / "packages" / "shared-types")  # as the install links it
    lib = root / "packages" / "shared-nest"
    tsc = folder / "node_modules" / "typescript" / "bin" / "tsc"
    done = subprocess.run(["node", str(tsc), "-p", "tsconfig.json", "--pretty", "false"], cwd=lib,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    required = {p.name for p in (lib / "dist").rglob("*.js") if re.search(r"require\(['\"]shared-types['\"]\)", p.read_text())}
    assert required == ({"index.js", "plain.js"} if isolated else {"plain.js"})
    assert reported == required


@pytest.mark.parametrize("transform, member, kept", [
    ("@acme/transformers/validate", True, False),  # the workspace's own transformer takes the import out
    ("@acme/transformers", True, False),
    (None, True, True),  # no plugin: the decorator stub is loaded at runtime
    ("@acme/other-transformer", True, True),  # another package's transform: this import stays
    ("@acme/transformers/validate", False, True),  # a registry package: its generated code may still load it
])
def test_dep002_an_import_a_workspace_transformer_of_the_tsconfig_removes_loads_nothing(tmp_path, transform, member, kept):
    """`import { validateArgs } from "@acme/transformers"` in a published library whose tsconfig names
    `@acme/transformers/validate` as a `compilerOptions.plugins` transform (run by ts-patch): the
    transformer replaces the decorator and removes the import, so the private workspace package, a
    devDependency, is never loaded (a home-automation library: 52 DEP002 errors)."""
    plugins = [{"transform": transform}] if transform else []
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "build/index.js",
                                       "scripts": {"build": "tspc -p tsconfig.json"},
                                       "devDependencies": {"@acme/transformers": "1.0.0", "ts-patch": "^3.0.0"}},
        "packages/core/tsconfig.json": {"compilerOptions": {"outDir": "build", "rootDir": "src", "plugins": plugins,
                                                            "experimentalDecorators": True}, "include": ["src/**/*.ts"]},
        "packages/core/src/index.ts": "import { validateArgs } from '@acme/transformers';\n\n"
                                      "export class Api {\n  @validateArgs()\n  set(x: number) { return x; }\n}\n",
    }
    if member:
        files.update({
            "packages/transformers/package.json": {"name": "@acme/transformers", "version": "1.0.0", "private": True,
                                                   "main": "build/index.js",
                                                   "exports": {".": "./build/index.js", "./validate": "./build/transform.js"}},
            "packages/transformers/src/index.ts": "export function validateArgs() { return (t: unknown) => t; }\n",
        })
    found = [f[1] for f in dep(write(tmp_path, files)) if f[0] == "DEP002"]
    assert ("packages/core/src/index.ts" in found) == kept, found
