"""The TypeScript compiler as the oracle for the resolver: small projects for each resolution case
are type-checked by real tsc, and IMP002 must fire exactly where tsc reports TS2307 (cannot find
module), IMP003 exactly where it reports a missing export (TS2305, TS2724, TS2459, TS2614).

Runtime-only cases (mocks, gitignored files a build step writes, guarded require()) are not here:
tsc has nothing to say about them. Not checked by IMP003 (and so not here): the members of an
ambient `declare module 'x' { ... }` block, which tsc checks. Needs npm: typescript and @types/node are installed once into
the test cache; skipped, not failed, when npm or the registry is unreachable and nothing is cached.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import lint
from tests.npm_cache import install

pytestmark = pytest.mark.integration

MISSING_MODULE = {"TS2307"}
MISSING_EXPORT = {"TS2305", "TS2724", "TS2459", "TS2614"}
DIAG = re.compile(r"^(?P<file>[^(\n]+)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>TS\d+): ", re.M)

NODE16 = {"module": "node16", "moduleResolution": "node16", "strict": True, "noEmit": True, "types": [], "jsx": "preserve"}
BUNDLER = {"module": "esnext", "moduleResolution": "bundler", "strict": True, "noEmit": True, "types": []}
NODE10 = {"module": "commonjs", "moduleResolution": "node10", "strict": True, "noEmit": True, "types": []}


def _src_project(name: str, files: dict[str, str]) -> dict[str, object]:
    """A project of `files` named `name` whose tsconfig compiles `src/` with node10 resolution."""
    return {"package.json": {"name": name}, "tsconfig.json": {"compilerOptions": NODE10, "include": ["src"]}, **files}


PROJECTS: dict[str, dict[str, str | dict]] = {
    # TypeScript's extension substitution, declaration files included
    "js-to-dts": {
        "package.json": {"name": "js-to-dts", "type": "module"},
        "tsconfig.json": {"compilerOptions": NODE16, "include": ["src"]},
        "src/types/index.d.ts": "export declare type Options = { verbose: boolean };\n",
        "src/esm.d.mts": "export declare const esm: number;\n",
        "src/cjs.d.cts": "export declare const cjs: number;\n",
        "src/tool.mts": "export const tool = 1;\n",
        "src/view.tsx": "export const view = 1;\n",
        "src/run.ts": "import type { Options } from './types/index.js';\nimport { esm } from './esm.mjs';\n"
                      "import { cjs } from './cjs.cjs';\nimport { tool } from './tool.mjs';\nimport { view } from './view.js';\n"
                      "import { nothing } from './nowhere.js';\nimport type { Missing } from './types/index.js';\n"
                      "export const run = (o: Options, m: Missing) => [o, m, esm, cjs, tool, view, nothing];\n",
    },
    # a `.js` specifier names a `.jsx` file too (allowJs): tsc tries `.jsx` after `.js`
    "js-to-jsx": {
        "package.json": {"name": "js-to-jsx", "type": "module"},
        "tsconfig.json": {"compilerOptions": {**NODE16, "allowJs": True, "checkJs": False}, "include": ["src"]},
        "src/Button.jsx": "export const Button = () => null;\n",
        "src/page.ts": "import { Button } from './Button.js';\nimport { Missing } from './Missing.js';\n"
                       "export const page = [Button, Missing];\n",
    },
    # rootDirs merge folders (SvelteKit's ./$types)
    "root-dirs": {
        "package.json": {"name": "root-dirs"},
        "tsconfig.json": {"compilerOptions": {**BUNDLER, "rootDirs": ["src", "gen/types"]}, "include": ["src", "gen"]},
        "gen/types/routes/$types.d.ts": "export type PageLoad = () => object;\n",
        "src/routes/page.ts": "import type { PageLoad } from './$types';\nimport type { Other } from './$other';\n"
                              "export const load: PageLoad = () => ({});\nexport type O = Other;\n",
    },
    # a bare name's ambient `declare module` wins over the file `paths` maps it to
    "ambient-over-paths": {
        "package.json": {"name": "ambient-over-paths"},
        "tsconfig.json": {"compilerOptions": {**NODE10, "baseUrl": ".", "paths": {"@acme/widgets": ["./src/noop.d.ts"]}},
                          "include": ["src"]},
        "src/noop.d.ts": "declare module '@acme/widgets' {\n  export const colors: any;\n}\n",
        "src/use.ts": "import { colors } from '@acme/widgets';\nimport { helper } from './helpers';\n"
                      "export const used = [colors, helper];\n",
        "src/helpers.ts": "export const other = 1;\n",
    },
    # a folder imported by path reads its package.json (`types`, then `main`) before its index
    "folder-package-json": {
        "package.json": {"name": "folder-package-json"},
        "tsconfig.json": {"compilerOptions": NODE10, "include": ["db", "seed"]},
        "db/package.json": {"name": "db", "types": "src/client.ts", "main": "src/client.ts"},
        "db/src/client.ts": "export class PrismaClient {}\n",
        "db/index.ts": "export const shadowed = true;\n",
        "seed/seed.ts": "import { PrismaClient } from '../db';\nimport { shadowed } from '../db';\n"
                        "export const made = [new PrismaClient(), shadowed];\n",
    },
    # Node built-ins are never found through baseUrl; a local http.d.ts only augments
    "builtin-baseurl": {
        "package.json": {"name": "builtin-baseurl"},
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "strict": True, "noEmit": True, "baseUrl": "src",
                                              "types": ["node"]}, "include": ["src"]},
        "src/http.d.ts": "import type { Socket } from 'net';\n\ndeclare module 'http' {\n  interface IncomingMessage {\n"
                         "    rawSocket?: Socket;\n  }\n}\n",
        "src/helpers/index.ts": "export const helper = 1;\n",
        "src/request.ts": "import { IncomingMessage } from 'http';\nimport { readFile } from 'node:fs';\n"
                          "import { helper } from 'helpers';\nimport { util } from 'helpers/util';\n"
                          "export const x = [IncomingMessage, readFile, helper, util];\n",
    },
    # ambient and wildcard declarations in a script declaration file; augmentations declare nothing
    "ambient": {
        "package.json": {"name": "@acme/web"},
        "tsconfig.json": {"compilerOptions": {**BUNDLER, "baseUrl": ".", "paths": {"@acme/*": ["src/*"]}}, "include": ["src"]},
        "src/shims.d.ts": "declare module '@acme/legacy' {\n  export const legacy: number;\n}\n"
                          "declare module '*.icon' {\n  const url: string;\n  export default url;\n}\n",
        "src/main.ts": "import { legacy } from '@acme/legacy';\nimport logo from './logo.icon';\n"
                       "import { gone } from '@acme/gone';\n"
                       "export const m = [legacy, logo, gone];\n",
    },
    # a package's types file that is a script declaring the package ambiently: its members come
    # from that `declare module` block, not from the file's (absent) exports
    "ambient-types-file": {
        "package.json": {"name": "ambient-types-file", "private": True, "workspaces": ["web", "api"]},
        "tsconfig.json": {"compilerOptions": {**NODE10, "baseUrl": ".", "paths": {"@acme/web": ["web/index.d.cts"]}}, "include": ["api"]},
        "web/package.json": {"name": "@acme/web", "private": True, "main": "./index.cjs", "types": "./index.d.cts"},
        "web/index.d.cts": "declare module '@acme/web' {\n  export function getPublicDir(): string;\n}\n",
        "api/package.json": {"name": "@acme/api", "private": True, "dependencies": {"@acme/web": "*"}},
        "api/main.ts": "import { getPublicDir } from '@acme/web';\nimport { gone } from './gone';\n"
                       "export const dir = [getPublicDir(), gone];\n",
    },
    # `customConditions` join the conditions TypeScript matches, in the exports' own order
    "custom-conditions": {
        "package.json": {"name": "@acme/routing", "exports": {
            "./wrappers": {"react-server": "./src/server.ts", "default": "./src/client.ts"},
            "./other": {"default": "./src/client.ts", "react-server": "./src/server.ts"}}},
        "tsconfig.json": {"compilerOptions": {**BUNDLER, "customConditions": ["react-server"]}, "include": ["src"]},
        "src/server.ts": "export function configureServerAuth(): void {}\n",
        "src/client.ts": "export function configureClientAuth(): void {}\n",
        "src/use.ts": "import { configureServerAuth } from '@acme/routing/wrappers';\n"
                      "import { configureClientAuth } from '@acme/routing/other';\n"
                      "import { nothing } from '@acme/routing/wrappers';\n"
                      "export const u = [configureServerAuth, configureClientAuth, nothing];\n",
    },
    # tsconfig `paths` apply to `#` names too, before the package.json `imports` map
    "hash-paths": {
        "package.json": {"name": "hash-paths", "private": True, "imports": {"#internal/*": "./src/internal/*.ts"}},
        "tsconfig.json": {"compilerOptions": {**BUNDLER, "paths": {"#/*": ["./*"]}}, "include": ["src", "env.ts"]},
        "env.ts": "export const env = { port: 3000 };\n",
        "src/internal/clock.ts": "export const now = () => 0;\n",
        "src/main.ts": "import { env } from '#/env';\nimport { now } from '#internal/clock';\n"
                       "import { gone } from '#/gone';\nexport const m = [env, now, gone];\n",
    },
    # a declaration file exports every top-level declaration unless it has an export list
    "dts-exports": {
        "package.json": {"name": "dts-exports", "type": "module"},
        "tsconfig.json": {"compilerOptions": NODE16, "include": ["src"]},
        "src/open.d.ts": "declare type Sample = { lang: string };\nexport declare type Spec = { s: Sample };\n",
        "src/closed.d.ts": "declare type Hidden = { a: 1 };\nexport declare type Shown = Hidden;\nexport {};\n",
        "src/a.ts": "import type { Sample } from './open.js';\nimport type { Shown } from './closed.js';\n"
                    "import type { Hidden } from './closed.js';\nexport const f = (s: Sample, o: Shown, h: Hidden) => [s, o, h];\n",
    },
    # a name that starts with a dot is bare (`.prisma/client`, the client `prisma generate` writes into
    # node_modules); `./.hidden/x` is relative
    "dot-named-package": _src_project("dot-named-package", {
        "src/node_modules/.prisma/client/index.d.ts": "export declare class PrismaClient {}\n",
        "src/.hidden/util.ts": "export const util = 1;\n",
        "src/db.ts": "import { PrismaClient } from '.prisma/client';\nimport { util } from './.hidden/util';\n"
                     "import { gone } from './.hidden/gone';\nexport const db = [new PrismaClient(), util, gone];\n",
    }),
    # `export default interface X` exports `default` (and no `X`)
    "default-interface": _src_project("default-interface", {
        "src/request.interface.ts": "export default interface RequestWithUser {\n  user: string;\n}\n",
        "src/index.ts": "export { default as RequestWithUser } from './request.interface';\n"
                        "export { RequestWithUser as Named } from './request.interface';\n",
    }),
    # a named import of what the module exports as its default: TS2614, "did you mean import X from"
    "default-class-named-import": _src_project("default-class-named-import", {
        "src/auth.service.ts": "export default class AuthService {\n  run(): number {\n    return 1;\n  }\n}\n",
        "src/main.ts": "import AuthService from './auth.service';\nimport { AuthService as Named } from './auth.service';\n"
                       "export const all = [new AuthService(), Named];\n",
    }),
    # a class exported only as the default at the module's end (`export default Network`), imported by name: TS2614
    "default-identifier-named-import": _src_project("default-identifier-named-import", {
        "src/network.ts": "class Network {\n  port = 6667;\n}\n\nexport default Network;\n",
        "src/main.ts": "import { Network } from './network';\nexport const n: Network | null = null;\n",
    }),
    # `export` on a line of its own before a decorated class (standard decorators): tsc exports the
    # class, which the grammar reads as a bare `export` statement beside an unexported class
    "split-export-decorator": {
        "package.json": {"name": "split-export-decorator"},
        "tsconfig.json": {"compilerOptions": {**NODE10, "target": "es2022"}, "include": ["src"]},
        "src/deco.ts": "export function tag<T>(value: T, _context: ClassDecoratorContext): T {\n  return value;\n}\n",
        "src/user.ts": "import { tag } from './deco';\n\nexport\n@tag\nclass User {}\n\nexport\n@tag\n@tag\n"
                       "abstract class Base {}\n\n@tag\nclass Hidden {}\nexport const n = Hidden.name;\n",
        "src/main.ts": "import { User, Base } from './user';\nimport { Hidden } from './user';\n"
                       "export const all = [User, Base, Hidden];\n",
    },
    # a comment between `export` and `const` (an editor's "add JSDoc" writes it there): tsc exports the
    # declaration, which the grammar reads as a bare `export` statement beside an unexported one
    "split-export-comment": {
        "package.json": {"name": "split-export-comment"},
        "tsconfig.json": {"compilerOptions": {**NODE10, "target": "es2017"}, "include": ["src"]},
        "src/geo.ts": "export /**\n * Loads the reader.\n */\nconst initGeoReader = (): number => 1;\n"
                      "export // the fallback\nlet fallback = 2;\nconst hidden = 3;\nexport const shown = hidden;\n"
                      "export /**\n * Creates a cart.\n */\nasync function createCart(): Promise<number> { return 1; }\n"
                      "export /** doc */ function* ids(): Generator<number> { yield 1; }\n",
        "src/main.ts": "import { initGeoReader, fallback } from './geo';\nimport { hidden } from './geo';\n"
                       "import { createCart, ids } from './geo';\n"
                       "export const all = [initGeoReader, fallback, hidden, createCart, ids];\n",
    },
    # a `paths` key that starts with `/` (`"/@/*"`, admin templates): not relative for TypeScript, so
    # `paths` applies before the name is read as a rooted path
    "rooted-paths-key": {
        "package.json": {"name": "rooted-paths-key"},
        "tsconfig.json": {"compilerOptions": {**BUNDLER, "baseUrl": ".", "paths": {"/@/*": ["src/*"]}}, "include": ["src"]},
        "src/utils/http/index.ts": "export const get = (url: string) => url;\n",
        "src/main.ts": "import { get } from '/@/utils/http';\nimport { put } from '/@/utils/none';\nexport const all = [get, put];\n",
    },
    # `export import X = Y;` exports X (an alias of a namespace and the type of the same name)
    "export-import-alias": _src_project("export-import-alias", {
        "src/param.ts": ("export type IParam = IParam.IPath;\nexport namespace IParam {\n"
                         "  export interface IPath { kind: 'path' }\n  export const KIND = 'path';\n}\n"),
        "src/route-param.ts": "import { IParam } from './param';\nexport import IRouteParam = IParam;\n",
        "src/index.ts": ("import { IRouteParam } from './route-param';\nimport { IOther } from './route-param';\n"
                         "export const kind: IRouteParam = { kind: IRouteParam.KIND };\nexport type O = IOther;\n"),
    }),
    # paths, ${configDir} (TypeScript 5.5) and re-export chains
    "paths-and-exports": {
        "package.json": {"name": "paths-and-exports"},
        "config/base.json": {"compilerOptions": {**BUNDLER, "baseUrl": "${configDir}",
                                                 "paths": {"@app/*": ["${configDir}/src/*"]}},
                             "include": ["${configDir}/src"]},
        "tsconfig.json": {"extends": "./config/base.json"},
        "src/models/user.ts": "export class User {}\nexport const ROLE = 'admin';\n",
        "src/models/index.ts": "export * from './user';\nexport { ROLE as DEFAULT_ROLE } from './user';\n",
        "src/models/types.ts": "export type * from './user';\nexport type * as all from './user';\n",
        "src/typed.ts": "import type { User, all } from './models/types';\nimport type { Nobody } from './models/types';\n"
                        "export type T = [User, all.User, Nobody];\n",
        "src/service.ts": "import { User, DEFAULT_ROLE } from '@app/models';\nimport { Account } from '@app/models';\n"
                          "import { helper } from '@app/helpers';\nimport { Usr } from './models/user';\n"
                          "export const s = [User, DEFAULT_ROLE, Account, helper, Usr];\n",
    },
}


def _write(root: Path, files: dict[str, str | dict]) -> None:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content, indent=2) + "\n" if isinstance(content, dict) else content)


@pytest.fixture(scope="module")
def toolchain() -> Path:
    folder = install("tsc-resolve-ts5-node20", ["typescript@5", "@types/node@20"], "typescript/bin/tsc")
    if folder is None:
        pytest.skip("npm or the npm registry is unreachable and no TypeScript is cached")
    return folder


def _tsc(toolchain: Path, project: Path) -> set[tuple[str, int, str]]:
    tsc = toolchain / "node_modules" / "typescript" / "bin" / "tsc"
    out = subprocess.run(["node", str(tsc), "-p", "tsconfig.json", "--pretty", "false"], cwd=project,
                         capture_output=True, text=True, timeout=300)
    found = {(m["file"].replace("\\", "/"), int(m["line"]), m["code"]) for m in DIAG.finditer(out.stdout)}
    assert out.returncode == 0 or found, f"tsc failed without diagnostics: {out.stdout}\n{out.stderr}"
    return found


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_imp_findings_are_where_tsc_fails(toolchain, tmp_path, name):
    project = tmp_path / name
    _write(project, PROJECTS[name])
    (project / "node_modules").symlink_to(toolchain / "node_modules", target_is_directory=True)
    tsc = _tsc(toolchain, project)
    unrelated = {d for d in tsc if d[2] not in MISSING_MODULE | MISSING_EXPORT}
    assert not unrelated, f"the project itself is wrong: {sorted(unrelated)}"
    want = {(f, line, "IMP002" if code in MISSING_MODULE else "IMP003") for f, line, code in tsc}
    assert want, "each project pairs accepted forms with one tsc rejects, so the oracle checks both ways"
    got = set()
    codes = {(f, line): code for f, line, code in tsc}
    for d in lint(project, ["IMP"]):
        line = (project / d.path).read_bytes()[: d.start].count(b"\n") + 1
        got.add((Path(d.path).relative_to(project).as_posix(), line, d.code))
        quoted = re.search(r"\bTS\d{4}\b", d.message)  # the code the message quotes is tsc's
        if d.code == "IMP003" and quoted:
            assert quoted.group(0) == codes.get((Path(d.path).relative_to(project).as_posix(), line)), d.message
    assert got == want



# valid TypeScript that tree-sitter-typescript 0.23.2 leaves damaged (grammar_gaps), and invalid code
SYNTAX = {
    "gaps/export-type-star.ts": "export type * from './model';\nexport type * as ns from './model';\n",
    "gaps/model.ts": "export type Row = { id: number };\n",
    "gaps/typeof-import.ts": "declare function load<T>(): T;\nexport const m = load<typeof import('./model')>();\n",
    "gaps/tagged.ts": "declare function sql<T>(s: TemplateStringsArray): T;\nexport const r = sql<{ n: number }>`SELECT 1`;\n",
    "gaps/view.tsx": "declare const React: any;\nexport const v = <p>Tom & Jerry</p>;\n"
                     "export const i = <img src=\"https://cdn.example.com/a.png?w=800&dpr=2\" />;\n",
    "gaps/signatures.ts": "export type Remote = {\n  (q: string): Promise<any>\n  <T>(q: T): Promise<T>\n}\n",
    "gaps/using-variable.ts": "declare function f(a: string, b: string): void;\nconst using = 'x';\nf('a', using);\n"
                              "export const u = [using];\n",
    "gaps/export-import.ts": "export import Model = require('./model');\n",
    "gaps/json-reexport.ts": "export { default as Row } from './row.json' assert { type: 'json' };\n"
                             "export * as rows from './row.json' with { type: 'json' };\n",
    "broken/call.ts": "export const x = f(1;\n",
    "broken/export-import.ts": "export import Model = require('./model') + 1;\n",
    "broken/view.tsx": "declare const React: any;\nexport const v = <p>Tom & {</p>;\n",
}


def test_syn001_only_where_tsc_reports_a_syntax_error(toolchain, tmp_path):
    project = tmp_path / "syntax"
    _write(project, {**SYNTAX, "package.json": {"name": "syntax"}, "tsconfig.json": {
        "compilerOptions": {"strict": False, "noEmit": True, "jsx": "react", "types": [], "noLib": True},
        "include": ["gaps", "broken"]}})
    syntax_errors = {f for f, _, code in _tsc(toolchain, project) if code.startswith("TS1")}
    assert syntax_errors == {f for f in SYNTAX if f.startswith("broken/")}
    reported = {Path(d.path).relative_to(project).as_posix() for d in lint(project, ["SYN001"])}
    assert reported == syntax_errors
