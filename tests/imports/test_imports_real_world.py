"""False-positive classes found on real repositories, each reduced to a minimal case."""

from __future__ import annotations

import pytest

import json
import os

from tests.helpers import lint


def _pkg(root, rel: str, data: dict) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(json.dumps(data, indent=2) + "\n")


def _write(root, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text)


def test_declared_package_wins_over_a_same_named_folder_under_baseurl(tmp_path):
    """vendure's dashboard: `baseUrl: "."` and a local `vite/` folder; `import { Plugin } from 'vite'`
    is the vite package at runtime, not ./vite/index.ts."""
    _pkg(tmp_path, "package.json", {"name": "dash", "devDependencies": {"vite": "^6.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": "."}})
    _write(tmp_path, "vite/index.ts", "export * from './plugin';\n")
    _write(tmp_path, "vite/plugin.ts", "import { Plugin } from 'vite';\n\nexport function plugin(): Plugin {\n  return { name: 'x' };\n}\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    # without the declaration the baseUrl folder is what TypeScript finds: a missing export
    _pkg(tmp_path, "package.json", {"name": "dash"})
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP003"]


def test_a_name_only_another_workspace_declares_is_the_importers_file_under_baseurl(tmp_path):
    """`import { config } from "config"` in a front end with `baseUrl: "src"` and `src/config.ts`: tsc and
    the front end's bundler load that file; that a sibling API package declares `@types/config` (for
    the npm `config` package it uses) installs nothing this package loads instead (a data portal's web
    client: 52 DEP001 "names no package"). Declared by the importer's own package, the npm package wins."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["app", "api"]})
    _pkg(tmp_path, "app/package.json", {"name": "app", "version": "1.0.0", "private": True})
    _pkg(tmp_path, "app/tsconfig.json", {"compilerOptions": {"baseUrl": "src", "strict": True}, "include": ["src"]})
    _write(tmp_path, "app/src/config.ts", "export const config = { apiUrl: '/api' };\n")
    _write(tmp_path, "app/src/index.ts", "import { config } from 'config';\n\nexport const url = config.apiUrl;\n")
    _pkg(tmp_path, "api/package.json", {"name": "api", "version": "1.0.0", "dependencies": {"config": "^3.3.0"},
                                         "devDependencies": {"@types/config": "0.0.32"}})
    _write(tmp_path, "api/src/main.ts", "import config from 'config';\n\nexport const port = config.get('port');\n")
    assert lint(tmp_path, ["DEP", "IMP"]) == []
    # `get` is no export of src/config.ts: the file is what the name means there
    _write(tmp_path, "app/src/index.ts", "import { get } from 'config';\n\nexport const url = get('apiUrl');\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == ["IMP003"]
    # the web client's own declaration: its install holds the npm package, which Node loads
    _pkg(tmp_path, "app/package.json", {"name": "app", "version": "1.0.0", "private": True,
                                         "dependencies": {"config": "^3.3.0"}})
    assert lint(tmp_path, ["DEP", "IMP"]) == []


def test_a_runtime_module_whose_types_package_is_declared_beside_a_same_named_folder(tmp_path):
    """`import http from 'k6/http'` in `k6/load.ts` (the load tests' folder) with `baseUrl: "."` and
    `@types/k6` declared: no file matches under `baseUrl`, so TypeScript goes on to node_modules and its
    `@types`, and the k6 runtime provides the module (a real Nest monorepo: 2 IMP002). Without the types
    package, the folder is what the name means: still reported."""
    _pkg(tmp_path, "package.json", {"name": "api", "private": True, "scripts": {"loadtest": "k6 run k6/load.ts"},
                                    "devDependencies": {"@types/k6": "^1.6.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"module": "commonjs", "baseUrl": "."}})
    _write(tmp_path, "k6/load.ts", "import http from 'k6/http';\n\nexport default function () {\n"
                                   "  http.get('http://localhost:3000/health');\n}\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    _pkg(tmp_path, "package.json", {"name": "api", "private": True})
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


def test_a_path_to_a_file_under_baseurl_is_that_file_though_a_package_has_the_name(tmp_path):
    """`import { prisma } from 'prisma/lib/prisma'` with `baseUrl: "./"` and a local
    `prisma/lib/prisma.ts` beside the `prisma` CLI in devDependencies: TypeScript looks under
    `baseUrl` first and finds the file, so no package is imported (a real service: DEP002 and an
    unsafe fix moving the CLI into production dependencies). A path naming no local file is still
    the package's."""
    _pkg(tmp_path, "package.json", {"name": "api", "version": "1.0.0", "private": True, "main": "dist/main.js",
                                    "devDependencies": {"prisma": "^6.0.0", "vite": "^6.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"module": "commonjs", "baseUrl": "./", "outDir": "dist"}})
    _write(tmp_path, "prisma/lib/prisma.ts", "export const prisma = { connected: true };\n")
    _write(tmp_path, "src/main.ts", "import { prisma } from 'prisma/lib/prisma';\n\nconsole.log(prisma.connected);\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == []
    _write(tmp_path, "src/main.ts", "import { prisma } from 'prisma/lib/client';\n\nconsole.log(prisma.connected);\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == ["DEP002"]


def test_build_output_and_generated_files_are_not_missing_files(tmp_path):
    """vendure: `../../testing/lib/...` (gitignored `lib`), `./dates.generated.js`, `../package`
    (package.json through Node's require)."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True})
    _write(tmp_path, "packages/testing/.gitignore", "lib\n")
    _write(tmp_path, "packages/core/e2e/a.e2e-spec.ts",
           "import { createTestEnvironment } from '../../testing/lib/create-test-environment';\n"
           "import { dates } from './dates.generated.js';\n"
           "import pkg from '../package';\n\nexport const x = [createTestEnvironment, dates, pkg];\n")
    _pkg(tmp_path, "packages/core/package.json", {"name": "@v/core"})
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    _write(tmp_path, "packages/core/e2e/b.e2e-spec.ts", "import { helper } from './helpers/missing';\n\nexport const y = helper;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


def test_framework_virtual_modules_are_not_dependencies(tmp_path):
    """typeorm's docs site: docusaurus `@theme/Layout`, `@docusaurus/Link`, `@site/src/...`."""
    _pkg(tmp_path, "package.json", {"name": "docs", "dependencies": {"@docusaurus/core": "^3.5.0", "react": "^18.3.0"}})
    _write(tmp_path, "src/pages/index.tsx",
           "import Layout from '@theme/Layout';\nimport Link from '@docusaurus/Link';\n"
           "import useDocusaurusContext from '@docusaurus/useDocusaurusContext';\n"
           "import { features } from '@site/src/data/features';\nimport React from 'react';\n\n"
           "export default function Home() {\n  return <Layout><Link to=\"/\">{String(features)}</Link></Layout>;\n}\n")
    assert [d.code for d in lint(tmp_path, ["DEP"])] == []
    _write(tmp_path, "src/pages/other.tsx", "import { themes } from 'prism-react-renderer';\n\nexport const t = themes;\n")
    assert [d.code for d in lint(tmp_path, ["DEP"])] == ["DEP001"]


@pytest.mark.parametrize("dev", ["@remix-run/dev", "@react-router/dev"])
def test_the_server_build_a_remix_compiler_serves_is_no_package(tmp_path, dev):
    """A custom server (Remix's `server` option, or the vite plugins) imports the server build the
    compiler writes, under `@remix-run/dev/server-build` or `virtual:react-router/server-build`: the
    compiler inlines it there, and nothing loads the compiler at runtime (a real app: a DEP002 moving
    the Remix compiler into production). Without the framework's compiler declared, the name is a package's."""
    _pkg(tmp_path, "package.json", {"name": "app", "private": True, "scripts": {"start": "node build/index.js"},
                                    "dependencies": {"express": "^4.18.1"}, "devDependencies": {dev: "^2.0.0"}})
    _write(tmp_path, "server.ts", "import express from 'express';\nconst app = express();\n"
           "app.all('*', async () => [await import('@remix-run/dev/server-build'),\n"
           "  await import('virtual:react-router/server-build')]);\napp.listen(3000);\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == []
    _pkg(tmp_path, "package.json", {"name": "app", "private": True, "scripts": {"start": "node build/index.js"},
                                    "dependencies": {"express": "^4.18.1"}})
    assert [d.code for d in lint(tmp_path, ["DEP001"])] == ["DEP001"]


def test_imports_used_only_as_types_need_only_the_types_package(tmp_path):
    """vendure's asset-server-plugin: `import { Request } from 'express'` used only in annotations
    is erased by the compiler; @types/express (a devDependency) is all it needs."""
    _pkg(tmp_path, "package.json", {"name": "plugin", "dependencies": {"@nestjs/common": "^11.0.0", "reflect-metadata": "^0.2.2", "rxjs": "^7.8.1"},
                                    "devDependencies": {"@types/express": "^5.0.0", "express": "^5.0.0"}})
    _write(tmp_path, "src/common.ts",
           "import { Request } from 'express';\n\n"
           "export function prefix(request: Request): string {\n  return request.protocol;\n}\n")
    assert [d.code for d in lint(tmp_path, ["DEP"])] == []
    # in a decorated signature the name is taken for an interface of @types/express: erased too
    _write(tmp_path, "src/controller.ts",
           "import { Controller, Get, Req } from '@nestjs/common';\nimport { Request } from 'express';\n\n"
           "@Controller()\nexport class C {\n  @Get()\n  find(@Req() req: Request): string {\n    return req.url;\n  }\n}\n")
    assert [d.code for d in lint(tmp_path, ["DEP"])] == []
    # a value use needs the real package at runtime
    _write(tmp_path, "src/server.ts", "import express from 'express';\n\nexport const app = express();\n")
    assert [d.code for d in lint(tmp_path, ["DEP"])] == ["DEP002"]


def test_type_positions_in_facts():
    from migrationlint.extract.facts import extract

    src = (b"import { A, B, C, D, E, F, G } from 'x';\n"
           b"type T = A;\nfunction f(b: B): C { return null as unknown as C; }\n"
           b"class K {\n  constructor(private readonly d: D) {}\n  @Col() e: E;\n  g = new G();\n  plain: F;\n}\n")
    facts = extract("a.ts", src)
    # K has no decorator of its own (a decorated member emits only that member's design:type), so
    # tsc emits no design:paramtypes: D is erased like the others (checked against tsc 5.9)
    assert facts.type_only_locals == ["A", "B", "C", "D", "F"]
    decorated = extract("a.ts", src.replace(b"class K {", b"@Entity()\nclass K {"))
    assert decorated.type_only_locals == ["A", "B", "C", "F"]


def test_decorator_metadata_names_only_the_annotations_outer_type():
    """`@Log() async me(): Promise<AxiosResponse>` emits `design:returntype = Promise`, and
    `constructor(private s: Record<string, Store>)` emits `Object`: the names inside (type arguments,
    array elements, object and function types) are erased, so a package imported only for them is
    a types-only use (a real back end's axios went to dependencies). The outer name is emitted."""
    from migrationlint.extract.facts import extract

    src = (b"import { AxiosResponse } from 'axios';\nimport { Store, Item, Fn, Shape } from 'x';\n"
           b"import { Outer } from 'y';\nconst Log = (): MethodDecorator => () => undefined;\n"
           b"@Log()\nexport class C {\n  constructor(private s: Record<string, Store>, private o: Outer, private i: Item[]) {}\n"
           b"  @Log()\n  async me(f: () => Fn, sh: { a: Shape }): Promise<AxiosResponse> { return null as never; }\n}\n")
    facts = extract("a.ts", src)
    assert facts.type_only_locals == ["AxiosResponse", "Fn", "Item", "Shape", "Store"]
    assert facts.metadata_only_locals == ["Outer"]
    # the namespace of a qualified type (`@UploadedFile() file: Express.Multer.File`, Nest's idiom) is
    # named by metadata as the type is, not used as a value (a real API's express went to dependencies)
    multer = (b"import { Express } from 'express';\nimport { Ns } from 'z';\nexport class U {\n"
              b"  @Post()\n  up(@UploadedFile() file: Express.Multer.File, @Body() b: Ns.Dto): void {}\n}\n")
    assert extract("u.ts", multer).metadata_only_locals == ["Express", "Ns"]


def test_a_name_a_parameter_or_local_shadows_is_no_use_of_the_import():
    """`rows.map((office) => office.name)` and `const team = ...` use a parameter and a local, not
    the imported `office` and `team` types (a real service: 2 DEP002 errors moving the Prisma CLI
    into dependencies). Outside their scope, the import's value use counts."""
    from migrationlint.extract.facts import extract

    src = (b"import { office } from 'prisma/generated/office';\nimport { team } from 'prisma/generated/team';\n"
           b"import { used } from 'lib';\n"
           b"export function names(rows: unknown[]): string[] {\n"
           b"  return (rows as Array<office>).map((office) => office.name);\n}\n"
           b"export async function load(find: () => Promise<team>): Promise<string> {\n"
           b"  const team = await find();\n  return team.name;\n}\n"
           b"export function other(used: number, { x = used }: { x?: number }) { return x; }\n"
           b"export const v = used;\n")
    facts = extract("a.ts", src)
    assert facts.type_only_locals == ["office", "team"]


def test_a_name_destructured_in_a_parameter_or_local_shadows_the_import():
    """`({ user }) => user.id` and `const { team } = data` bind `user` and `team` as destructuring
    does, by a property's shorthand or its value (`{ owner: lead }`): uses below them are of that
    binding, not of the imported types of the same names."""
    from migrationlint.extract.facts import extract

    src = (b"import { user } from 'prisma/generated/user';\nimport { team } from 'prisma/generated/team';\n"
           b"import { lead } from 'prisma/generated/lead';\n"
           b"export const ids = (rows: user[]) => rows.map(({ user }) => user);\n"
           b"export function name(data: { team: team }): string {\n  const { team } = data;\n  return String(team);\n}\n"
           b"export function owner({ owner: lead }: { owner: lead }) { return lead; }\n")
    facts = extract("a.ts", src)
    assert facts.type_only_locals == ["lead", "team", "user"]


def test_a_path_like_a_folder_of_the_package_is_no_package_to_install(tmp_path):
    """`import { useToggle } from 'src/hooks'` in a library copied out of an app whose tsconfig had
    `baseUrl`: nothing maps it, and nothing knows a package "src", so the advice is a relative
    import or a tsconfig mapping, never `npm install src` (a real monorepo: 139 such DEP001
    errors, each suggesting to install an unrelated package). A name known nowhere and naming no
    folder keeps the install advice."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["libs/*"]})
    _pkg(tmp_path, "libs/ui/package.json", {"name": "@acme/ui", "version": "1.0.0"})
    _write(tmp_path, "libs/ui/src/hooks/index.ts", "export const useToggle = (): boolean => true;\n")
    _write(tmp_path, "libs/ui/src/atoms/toggle.ts", "import { useToggle } from 'src/hooks';\nimport { kebab } from 'kebabify';\n\n"
                                                    "export const toggle = () => [useToggle(), kebab];\n")
    # a baseUrl of `src` left behind: `models/...` with a `src/models/` folder (an unrelated npm package is named so)
    _write(tmp_path, "libs/ui/src/models/Account.ts", "export const relation = () => require('models/AccountTransaction');\n")
    # a scope that, without its `@`, is a folder path (`@common/db` beside `src/common/db/`: `@/` meant)
    _write(tmp_path, "libs/ui/src/common/db/index.ts", "export const db = 1;\n")
    _write(tmp_path, "libs/ui/src/atoms/store.ts", "import { db } from '@common/db';\nexport const store = db;\n")
    found = {d.extra["package"]: d for d in lint(tmp_path, ["DEP001"])}
    assert set(found) == {"src", "kebabify", "models", "@common/db"}
    assert "libs/ui/src/common/db/ exists" in found["@common/db"].message and found["@common/db"].fix is None
    assert "libs/ui/src/models/ exists" in found["models"].message and "npm install" not in found["models"].message
    assert "libs/ui/src/ exists" in found["src"].message and "npm install" not in found["src"].message
    assert found["src"].fix is None
    assert "npm install kebabify" in found["kebabify"].message


def test_a_nested_project_lockfile_gives_the_version(tmp_path):
    """vendure's docs/: its own package-lock.json, outside the root workspace's lockfile."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "docs/package.json", {"name": "docs", "private": True})
    _pkg(tmp_path, "docs/package-lock.json", {"lockfileVersion": 3, "packages": {
        "": {"name": "docs"}, "node_modules/@vendure-io/docs-provider": {"version": "0.4.1"}}})
    _write(tmp_path, "docs/scripts/generate.ts", "import { provider } from '@vendure-io/docs-provider';\n\nexport const p = provider;\n")
    (d,) = lint(tmp_path, ["DEP"])
    assert d.code == "DEP001" and d.fix is not None
    assert '"^0.4.1"' in d.message and "docs/package-lock.json resolves 0.4.1" in d.message


def test_missing_export_used_only_as_a_type_says_so(tmp_path):
    """vendure's e2e specs: `IdTest1` from stale generated types, used as `IdTest1.Query`."""
    _pkg(tmp_path, "package.json", {"name": "core"})
    _write(tmp_path, "e2e/types.ts", "export type ProductsQuery = { id: string };\n")
    _write(tmp_path, "e2e/a.e2e-spec.ts", "import { IdTest1, Missing, Logout } from './types';\n"
                                          "import type { JobContext } from './types';\n\n"
                                          "export const q: IdTest1.Query | null = null;\nexport const m = Missing;\n"
                                          "export const run = (c: JobContext) => c;\n")
    by_name = {d.extra["name"]: d.message for d in lint(tmp_path, ["IMP003"])}
    assert "used only as a type, so runtime is unaffected" in by_name["IdTest1"]
    # `import type` says so as written (a real LLM back end's job runner said nothing of runtime)
    assert "(a type-only import, so runtime is unaffected)" in by_name["JobContext"]
    assert "undefined at runtime" in by_name["Missing"]
    # a name imported and never used: type checking still fails, nothing runs it (a real web app: 3 said
    # "undefined"); in a test, which no tsc project may include (jest with swc, vitest), not "tsc fails"
    assert "type checking fails with TS2305 (the binding is never used, so runtime is unaffected)" in by_name["Logout"]


def test_a_base_url_path_to_a_generated_file_is_no_package(tmp_path):
    """A Nest service with `baseUrl: "./"` imports `src/generated/prisma/client`, which `prisma
    generate` writes into a gitignored folder: a path under baseUrl (a build step's output), not a
    package named `src` to declare. A missing path elsewhere under `src/` is IMP002 alone."""
    _pkg(tmp_path, "package.json", {"name": "backend", "version": "1.0.0", "main": "dist/main.js",
                                    "dependencies": {"@nestjs/common": "^10.4.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": "./", "outDir": "./dist"}})
    _write(tmp_path, ".gitignore", "/dist\nsrc/generated/\n")
    _write(tmp_path, "src/errors.ts", "export const NOT_FOUND = 'not found';\n")
    _write(tmp_path, "src/main.ts", "import { Injectable } from '@nestjs/common';\n"
                                    "import { PersonalAccessToken } from 'src/generated/prisma/client';\n"
                                    "import { NOT_FOUND } from 'src/errors';\n\n"
                                    "@Injectable()\nexport class Tokens {\n  find(t: PersonalAccessToken) { return t ?? NOT_FOUND; }\n}\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == []
    _write(tmp_path, "src/other.ts", "import { clock } from 'src/shared/clock';\n\nexport const now = clock;\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == ["IMP002"]


def test_code_generator_templates_import_the_project_they_are_copied_into(tmp_path):
    """A code generator's `*.template.ts` files (and files in a `templates/` folder) are copied into
    the projects it generates: their relative imports name files there, not here (a real
    generator had 34 IMP002 on them). Its own code still counts."""
    _pkg(tmp_path, "package.json", {"name": "generator", "version": "1.0.0", "main": "dist/index.js"})
    _write(tmp_path, "src/server/create-main/main.template.ts",
           "import { connectSwagger } from './swagger';\n\nconnectSwagger();\n")
    _write(tmp_path, "src/templates/module.ts", "import { PrismaService } from '../../prisma/prisma.service';\n\n"
                                                "export const service = PrismaService;\n")
    _write(tmp_path, "src/index.ts", "export const generate = () => 'main.template.ts';\n")
    assert [d.code for d in lint(tmp_path, ["IMP", "DEP"])] == []
    _write(tmp_path, "src/generate.ts", "import { render } from './render';\n\nexport const out = render;\n")
    assert [d.code for d in lint(tmp_path, ["IMP", "DEP"])] == ["IMP002"]


@pytest.mark.parametrize("creator, gitignore, reported", [
    ({"name": "@acme/create", "version": "1.0.0", "main": "dist/index.js"}, "gitignore", []),  # `npm init @acme`
    ({"name": "acme-scaffold", "version": "1.0.0", "bin": {"acme": "dist/cli.js"}}, "_gitignore", []),
    ({"name": "acme-scaffold", "version": "1.0.0", "main": "dist/index.js"}, "gitignore", ["IMP002"]),  # no creator
    ({"name": "@acme/create", "version": "1.0.0", "main": "dist/index.js"}, ".gitignore", ["IMP002"]),  # a live project
])
def test_a_project_template_a_create_tool_ships_imports_what_the_created_project_generates(
        tmp_path, creator, gitignore, reported):
    """`packages/create/examples/api/`, a template `@acme/create` copies into a new project and whose dotless
    `gitignore` it renames (npm drops a `.gitignore` from a packed package): `./InputTypes` is written by the
    created project's own `generate` script (a Prisma tools monorepo: 12 IMP002 and DEP001 on its templates).
    The same folder with a real `.gitignore`, or under a package that creates nothing, is a project of its own."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/create/package.json", creator)
    _write(tmp_path, "packages/create/src/index.ts", "import { cpSync } from 'fs';\n\n"
                                                     "export const create = (to: string) => cpSync('examples/api', to);\n")
    _pkg(tmp_path, "packages/create/examples/api/package.json", {
        "name": "api-example", "private": True, "scripts": {"generate": "pal g", "build": "npm run generate && tsc"},
        "dependencies": {"graphql": "16.x"}})
    _write(tmp_path, f"packages/create/examples/api/{gitignore}", "node_modules\ndist\n")
    _write(tmp_path, "packages/create/examples/api/src/graphql/base.ts", "export const typeDefs = 'type Query { ok: Boolean }';\n")
    _write(tmp_path, "packages/create/examples/api/src/graphql/typeDefs.ts",
           "import { typeDefs as base } from './base';\nimport InputTypes from './InputTypes';\n\n"
           "export const typeDefs = [base, InputTypes];\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == reported


@pytest.mark.parametrize("manifest, reported", [("package.jsonc", []), ("package.json.hbs", []),
                                              (None, [("DEP001", "tsdown")])])
def test_a_folder_holding_a_package_json_template_is_a_template(tmp_path, manifest, reported):
    """`.agents/skills/new-package/package/` holds `package.jsonc` (a manifest with comments, copied to
    `packages/<name>/package.json` by whoever follows the skill) beside the new package's `tsdown.config.ts`
    and sources (a federation library's agent skill: 5 DEP001 checked against the root package.json). Without
    the template manifest the folder is the root package's own code."""
    _pkg(tmp_path, "package.json", {"private": True})
    _write(tmp_path, "pnpm-workspace.yaml", "packages:\n- packages/a\ncatalog:\n  tsdown: ^0.22.0\n")
    _pkg(tmp_path, "packages/a/package.json", {"name": "@acme/a", "version": "1.0.0", "devDependencies": {"tsdown": "catalog:"},
                                               "scripts": {"build": "tsdown"}})
    _write(tmp_path, "packages/a/tsdown.config.ts", "import { defineConfig } from 'tsdown';\n\n"
                                                    "export default defineConfig({ entry: ['src/index.ts'] });\n")
    folder = ".agents/skills/new-package/package"
    _write(tmp_path, f"{folder}/tsdown.config.ts", "import { defineConfig } from 'tsdown';\n\n"
                                                  "export default defineConfig({ entry: ['src/mod.ts'] });\n")
    _write(tmp_path, f"{folder}/src/mod.ts", "export const x = 1;\n")
    if manifest is not None:
        _write(tmp_path, f"{folder}/{manifest}", '{\n  // copied to packages/<name>/package.json\n  "name": "@acme/NAME"\n}\n')
    assert sorted((d.code, d.extra.get("package", "")) for d in lint(tmp_path, ["DEP", "IMP"]) if folder in d.path) == reported


def test_an_import_into_a_git_submodule_that_is_not_checked_out(tmp_path):
    """`require('./../../../ee/pdf-export/pdf-export.service')` where `.gitmodules` declares
    `src/ee` (an enterprise submodule a plain clone does not fetch): the file exists once the
    submodule is checked out. Other missing paths are still reported."""
    _pkg(tmp_path, "package.json", {"name": "server", "version": "1.0.0", "main": "dist/main.js"})
    _write(tmp_path, ".gitmodules", '[submodule "src/ee"]\n\tpath = src/ee\n\turl = https://example.com/ee\n')
    _write(tmp_path, "src/export/processor.ts",
           "import { PdfExportService } from '../ee/pdf-export/pdf-export.service';\n\nexport const pdf = PdfExportService;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    _write(tmp_path, "src/export/other.ts", "import { csv } from '../csv/csv.service';\n\nexport const out = csv;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


def test_a_folder_whose_typescript_a_generator_writes_is_build_output(tmp_path):
    """`/libs/schema/src/proto/**/*.ts` in .gitignore: protoc writes those files, so a fresh
    checkout lacks `./proto/common` although the code is right (a real monorepo had 84 IMP002
    errors). An extension ignored throughout (`*.js` of a compile-in-place repo, or `src/**/*.js`
    up to the importer's folder) still says nothing: a missing `./x` there is reported."""
    _pkg(tmp_path, "package.json", {"name": "shop", "private": True})
    _write(tmp_path, ".gitignore", "/libs/schema/src/proto/**/*.ts\nsrc/**/*.js\n")
    _write(tmp_path, "libs/schema/src/proto/cart.proto", "syntax = \"proto3\";\n")
    _write(tmp_path, "libs/schema/src/index.ts", "export * from './proto/cart';\nexport * from './proto/common';\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    _write(tmp_path, "src/app/main.ts", "import { helper } from './helpers/util';\n\nexport const y = helper;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


def test_top_level_proxies_an_anchored_extension_pattern_ignores_are_build_output(tmp_path):
    """`/*.js` and `/*.d.ts` in the root .gitignore: a build script writes `client.js` and `client.d.ts`
    at the package's top (proxies into `dist/`, so that `pkg/client` works), and a nested UI imports
    `../../../client` (a real job queue's dev UI: 1 IMP002). The anchored pattern names the top folder's
    files only, not an extension ignored throughout: the target is generated. A missing `./x` one
    folder down is still reported."""
    _write(tmp_path, ".gitignore", "/*.js\n!jest.config.js\n/*.d.ts\nnode_modules\ndist/\n")
    _pkg(tmp_path, "package.json", {"name": "jobq", "version": "1.0.0", "main": "dist/cjs/src/index.js",
                                    "scripts": {"build": "tsc && ./generate-proxies.sh"}})
    _write(tmp_path, "tsconfig.json", '{"compilerOptions": {"outDir": "dist/cjs", "declaration": true}, "include": ["src"]}\n')
    _write(tmp_path, "src/client.ts", "export class JobClient {}\n")
    _write(tmp_path, "ui/src/hooks/useClient.ts", "import { JobClient } from '../../../client';\n\n"
                                                  "export const client = new JobClient();\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    _write(tmp_path, "ui/src/hooks/other.ts", "import { helper } from './helpers/util';\n\nexport const y = helper;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


def test_a_silenced_import_whose_names_are_unused_is_dropped(tmp_path):
    """Generated OpenAPI clients import every model an operation may name, each under `// @ts-ignore`
    in case the generator did not write it: tsc reports nothing there, and an import none of whose names
    is used is dropped from the output, so nothing loads the missing module (a real SDK: 2 IMP002). A
    silenced import whose name is used as a value is `undefined` at runtime: reported; so is an unused
    one where the tsconfig keeps imports as written (`verbatimModuleSyntax`)."""
    _pkg(tmp_path, "package.json", {"name": "sdk", "version": "1.0.0", "main": "dist/index.js"})
    _write(tmp_path, "tsconfig.json", '{"compilerOptions": {"outDir": "dist"}, "include": ["src"]}\n')
    _write(tmp_path, "src/model/webhook.ts", "export interface Webhook {\n  id: string;\n}\n")
    _write(tmp_path, "src/api/webhook.service.ts",
           "// @ts-ignore\nimport { ValidationError } from '../model/validation-error';\n"
           "// @ts-ignore\nimport { Webhook } from '../model/webhook';\n\n"
           "export class WebhookService {\n  find(id: string): Webhook {\n    return { id };\n  }\n}\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    _write(tmp_path, "src/api/other.service.ts",
           "// @ts-ignore\nimport { ValidationError } from '../model/validation-error';\n\n"
           "export const error = new ValidationError();\n")
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["IMP"])] == ["other.service.ts"]
    _write(tmp_path, "tsconfig.json", '{"compilerOptions": {"outDir": "dist", "verbatimModuleSyntax": true}, '
                                      '"include": ["src"]}\n')
    assert sorted(d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["IMP"])) == ["other.service.ts", "webhook.service.ts"]


def test_a_target_that_differs_only_in_letter_case_is_named(tmp_path):
    """`import { Users } from './Users'` beside `users.ts`: macOS and Windows find it, Linux (CI,
    Docker images) does not. Still IMP002, and the message names the file; the unsafe fix writes
    the file's own spelling."""
    _pkg(tmp_path, "package.json", {"name": "api", "private": True})
    _write(tmp_path, "src/entities/users.ts", "export class Users {}\n")
    _write(tmp_path, "src/entities/posts.ts", "import { Users } from './Users';\n\nexport const owner = Users;\n")
    (d,) = lint(tmp_path, ["IMP"])
    assert d.code == "IMP002" and "src/entities/users.ts differs only in letter case" in d.message
    assert d.fix is not None and not d.fixable and d.fix.edits[0].text == "./users"
    # a file spelled in kebab case beside a camel-case import (a real e2e spec), and one more such
    # file elsewhere in the package, which makes no unique namesake
    _write(tmp_path, "src/article/article-service.module.ts", "export class ArticleServiceModule {}\n")
    _write(tmp_path, "src/legacy/article-service.module.ts", "export class ArticleServiceModule {}\n")
    _write(tmp_path, "src/article/app.ts", "import { ArticleServiceModule } from './ArticleService.module';\n"
                                           "export const m = ArticleServiceModule;\n")
    found = [d for d in lint(tmp_path, ["IMP"]) if d.path.endswith("app.ts")]
    assert len(found) == 1 and "src/article/article-service.module.ts, in that folder, differs only in spelling" in found[0].message
    assert found[0].fix.edits[0].text == "./article-service.module"


def test_a_folder_that_differs_only_in_letter_case_is_named_too(tmp_path):
    """`@core/Invoices/shared/tokens` where the folder is `invoices/`, and five other `tokens.ts`
    in the package (so no unique namesake): the file at the path spelled in another case is named,
    as a file name in another case is (11 such imports on a real hexagonal back end had no hint)."""
    _pkg(tmp_path, "package.json", {"name": "api", "private": True})
    _write(tmp_path, "tsconfig.json", '{"compilerOptions": {"baseUrl": ".", "paths": {"@core/*": ["src/core/*"]}}}\n')
    _write(tmp_path, "src/core/invoices/shared/tokens.ts", "export const INVOICES = 'invoices';\n")
    for other in ("carts", "users"):
        _write(tmp_path, f"src/core/{other}/shared/tokens.ts", f"export const T = '{other}';\n")
    _write(tmp_path, "src/main.ts", "import { INVOICES } from '@core/Invoices/shared/tokens';\nexport const t = INVOICES;\n")
    (d,) = lint(tmp_path, ["IMP"])
    assert "src/core/invoices/shared/tokens.ts differs only in letter case" in d.message, d.message
    assert d.fix is not None and not d.fixable and d.fix.edits[0].text == "@core/invoices/shared/tokens"


def test_a_file_above_every_project_resolves_with_the_root_base_config(tmp_path):
    """Nx: the root has tsconfig.base.json (every project's tsconfig extends it) and no
    tsconfig.json; `config/orm.config.ts`, imported by a project, uses its `paths` (`@db/entities`)
    when that project compiles it. No tsconfig.json above the file: the base config's options."""
    _pkg(tmp_path, "package.json", {"name": "nx-shop", "private": True, "dependencies": {"typeorm": "^0.3.20"}})
    _pkg(tmp_path, "tsconfig.base.json", {"compilerOptions": {"baseUrl": ".", "paths": {"@db/entities": ["libs/db/src/index.ts"]}}})
    _pkg(tmp_path, "apps/api/tsconfig.json", {"extends": "../../tsconfig.base.json", "include": ["src/**/*.ts"]})
    _write(tmp_path, "libs/db/src/index.ts", "export class User {}\n")
    _write(tmp_path, "config/orm.config.ts", "import { User } from '@db/entities';\n\nexport const entities = [User];\n")
    _write(tmp_path, "apps/api/src/main.ts", "import { entities } from '../../../config/orm.config';\n\nexport const e = entities;\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == []
    (tmp_path / "tsconfig.base.json").unlink()
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == ["DEP001"]


def test_a_missing_export_in_a_declaration_file_under_skiplibcheck_is_a_warning(tmp_path):
    """A stale name imported by a `.d.ts` that `skipLibCheck: true` leaves unchecked: tsc passes
    (TypeScript 5.9 exits 0) and the types built on it are silently `any`, so the finding says that,
    as a warning, instead of "tsc fails" (a real pnpm monorepo: 8 findings). Checked, it is an error."""
    _pkg(tmp_path, "package.json", {"name": "api", "version": "1.0.0", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "skipLibCheck": True, "baseUrl": ".",
                                                         "paths": {"@/*": ["src/*"]}},
                                     "include": ["types/**/*.d.ts", "src/**/*.ts"]})
    _write(tmp_path, "src/setting.dto.ts", "export class SettingDto {\n  key!: string;\n}\n")
    _write(tmp_path, "types/events.d.ts", "import type { Setting } from '@/setting.dto';\n\ndeclare global {\n"
                                          "  interface AppEvents {\n    'setting.updated': Setting;\n  }\n}\n")
    [d] = lint(tmp_path, ["IMP003"])
    assert d.severity.value == "warning" and "skipLibCheck" in d.message and "tsc fails" not in d.message
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "baseUrl": ".", "paths": {"@/*": ["src/*"]}},
                                     "include": ["types/**/*.d.ts", "src/**/*.ts"]})
    [d] = lint(tmp_path, ["IMP003"])
    assert d.severity.value == "error" and "tsc fails with TS2305" in d.message


def test_a_missing_type_under_a_nocheck_tsconfig_is_a_warning(tmp_path):
    """Test files covered only by a tsconfig with `noCheck: true` (run by swc): tsc checks no types
    there (it exits 0), so a stale type name is silently `any`, a warning that says so, not "tsc
    fails" (a real back end: 9). A missing name used as a value is still an error: it is undefined."""
    _pkg(tmp_path, "package.json", {"name": "api", "version": "1.0.0", "private": True})
    _pkg(tmp_path, "test/tsconfig.json", {"compilerOptions": {"noCheck": True}, "include": ["**/*.ts", "../src/**/*.ts"]})
    _write(tmp_path, "src/context.ts", "export interface Context { id: string }\nexport const make = () => 1;\n")
    _write(tmp_path, "test/context.test.ts", "import type { ReqContext } from '../src/context';\n"
                                             "export const c: ReqContext | null = null;\n")
    [d] = lint(tmp_path, ["IMP003"])
    assert d.severity.value == "warning" and "noCheck" in d.message and "tsc fails" not in d.message
    _write(tmp_path, "test/context.test.ts", "import { build } from '../src/context';\nexport const c = build();\n")
    [d] = lint(tmp_path, ["IMP003"])
    assert d.severity.value == "error" and "undefined at runtime" in d.message


def test_a_ts_nocheck_file_reports_only_what_its_compiled_code_loads(tmp_path):
    """`// @ts-nocheck` above the first statement: tsc reports nothing in the file, and it drops
    imports used only as types or not at all, so a stale path or name there breaks nothing (a
    real back end: 6 findings saying "tsc fails"). A missing name used as a value is still
    undefined at runtime, and the message no longer blames tsc; below the first statement the
    comment is no pragma (tsc ignores it there too)."""
    _pkg(tmp_path, "package.json", {"name": "api", "version": "1.0.0", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "baseUrl": ".", "paths": {"@/*": ["src/*"]}}})
    _write(tmp_path, "src/format.ts", "export const formatAmount = (n: number): string => n.toFixed(2);\n")
    header = "// @ts-nocheck\nimport { IInvoice } from '@/interfaces';\nimport { formatAmount, formatDate } from './format';\n"
    _write(tmp_path, "src/utils.ts", header + "export const pdf = (i: IInvoice) => formatAmount(i.total);\n")
    assert lint(tmp_path, ["IMP"]) == []
    _write(tmp_path, "src/utils.ts", header + "export const pdf = (i: IInvoice) => formatDate(i.total);\n")
    [d] = lint(tmp_path, ["IMP"])
    assert d.code == "IMP003" and "undefined at runtime (tsc reports nothing: the file is `// @ts-nocheck`)" in d.message
    _write(tmp_path, "src/utils.ts", header.replace("// @ts-nocheck\n", "") + "// @ts-nocheck\n"
           "export const pdf = (i: IInvoice) => formatAmount(i.total);\n")
    assert sorted(d.code for d in lint(tmp_path, ["IMP"])) == ["IMP002", "IMP003"]


def test_an_import_its_author_marks_with_ts_expect_error_names_no_phantom(tmp_path):
    """`// @ts-expect-error` above `import ... from '@e2e/paths/health'`, an alias the gateway under
    test resolves through its own tsconfig file: tsc passes (it requires the error), so IMP001's
    "tsc fails with TS2307" is wrong (a real gateway's e2e config). Unmarked, it is reported."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*", "e2e/*"]})
    _pkg(tmp_path, "packages/gateway/package.json", {"name": "@e2e/gateway", "version": "1.0.0"})
    _write(tmp_path, "packages/gateway/src/index.ts", "export const gateway = 1;\n")
    _write(tmp_path, "e2e/paths/folder/health.ts", "export const healthPath = '/health';\n")
    config = "import { healthPath } from '@e2e/paths/health';\n\nexport const config = { healthPath };\n"
    _write(tmp_path, "e2e/paths/gateway.config.ts", "// @ts-expect-error resolved by the gateway\n" + config)
    assert lint(tmp_path, ["IMP001"]) == []
    _write(tmp_path, "e2e/paths/gateway.config.ts", config)
    assert [d.code for d in lint(tmp_path, ["IMP001"])] == ["IMP001"]


def test_a_name_a_module_augmentation_adds_is_exported(tmp_path):
    """`declare module "./declarations.js" { interface RouteLookup {...} }` in a module file adds
    `RouteLookup` to that module, and to the index that re-exports it with `export *` (two real
    framework monorepos: 4 IMP003 saying tsc fails; tsc 5.9 compiles them). A run over the
    importing file alone finds the augmentation too. A name the block does not declare is still
    reported (a real commerce monorepo augments its types package with two interfaces only)."""
    from tests.helpers import cli

    _pkg(tmp_path, "package.json", {"name": "@acme/app", "version": "1.0.0", "type": "module", "main": "dist/index.js"})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"module": "NodeNext", "outDir": "dist", "rootDir": "src"},
                                     "include": ["src"]})
    _write(tmp_path, "src/declarations.ts", "export interface App { name: string }\n")
    _write(tmp_path, "src/routing.ts", "declare module './declarations.js' {\n  interface RouteLookup { path: string }\n}\n\n"
                                       "export const routing = true;\n")
    _write(tmp_path, "src/index.ts", "export * from './declarations.js';\nexport { routing } from './routing.js';\n")
    _write(tmp_path, "src/use.ts", "import type { RouteLookup } from './index.js';\n\nexport const home: RouteLookup = { path: '/' };\n")
    assert lint(tmp_path, ["IMP003"]) == []
    assert cli("--output-format", "concise", "src/use.ts", cwd=tmp_path).returncode == 0
    _write(tmp_path, "src/other.ts", "import type { RouteKind } from './index.js';\n\nexport type K = RouteKind;\n")
    assert ["`RouteKind`" in d.message for d in lint(tmp_path, ["IMP003"])] == [True]  # only what the block declares
    _write(tmp_path, "src/routing.ts", "export const routing = true;\n")
    assert len(lint(tmp_path, ["IMP003"])) == 2


def test_export_module_with_a_string_name_is_a_module_declaration(tmp_path):
    """A published API's types file wraps the API in `export module '@acme/api' { ... }` (an editor
    platform's plugin API: 50 IMP003, one per imported name). tsc 5.6 reads the block as the
    declaration `declare module '@acme/api'` and merges its names (TS2668 on the `export` keyword
    only, which skipLibCheck hides); a name the block does not declare is still missing."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/api/package.json", {"name": "@acme/api", "version": "1.0.0", "types": "./src/api.d.ts"})
    _write(tmp_path, "packages/api/src/api-extra.d.ts", "export {};\n")
    _write(tmp_path, "packages/api/src/api.d.ts",
           "import './api-extra';\nexport module '@acme/api' {\n  export class Position { line: number; }\n}\n")
    _pkg(tmp_path, "packages/host/package.json", {"name": "@acme/host", "version": "1.0.0", "main": "lib/index.js",
                                                  "dependencies": {"@acme/api": "1.0.0"}})
    _write(tmp_path, "packages/host/src/index.ts",
           "import { Position } from '@acme/api';\n\nexport const line = (p: Position) => p.line;\n")
    assert lint(tmp_path, ["IMP003"]) == []
    _write(tmp_path, "packages/host/src/other.ts", "import { Range } from '@acme/api';\n\nexport type R = Range;\n")
    assert ["`Range`" in d.message for d in lint(tmp_path, ["IMP003"])] == [True]


def test_a_file_its_package_tsconfig_excludes_resolves_with_that_packages_paths(tmp_path):
    """A Next.js app's tsconfig excludes `components/ui` (kept out of type-checking) and maps `@/*`
    to the app's folder; an editor-only root tsconfig includes the whole tree with `@/*` mapped to the
    root (an analytics dashboard: 62 IMP002). Next resolves every file it bundles with the app's
    `paths`, and tsc compiles an excluded file an included one imports with the app's options: the
    app's config decides. Without `paths` of its own, the covering config above stays in charge."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["apps/*"]})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./*"]}}, "include": ["apps/**/*"]})
    _pkg(tmp_path, "apps/web/package.json", {"name": "web", "private": True, "dependencies": {"next": "15.0.0"}})
    _pkg(tmp_path, "apps/web/tsconfig.json", {"compilerOptions": {"paths": {"@/*": ["./*"]}},
                                              "include": ["**/*.ts", "**/*.tsx"], "exclude": ["components/ui"]})
    _write(tmp_path, "apps/web/lib/cn.ts", "export const cn = (...c: string[]) => c.join(' ');\n")
    _write(tmp_path, "apps/web/components/ui/card.tsx", "import { cn } from '@/lib/cn';\n\nexport const Card = () => cn('a');\n")
    _write(tmp_path, "apps/web/app/page.tsx", "import { Card } from '@/components/ui/card';\n\nexport default Card;\n")
    assert lint(tmp_path, ["IMP"]) == []
    _pkg(tmp_path, "apps/web/tsconfig.json", {"include": ["**/*.ts", "**/*.tsx"], "exclude": ["components/ui"]})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./apps/web/*"]}},
                                     "include": ["apps/**/*"]})
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["IMP"])] == ["page.tsx"]  # its own config has no alias


def test_a_ts_ignored_import_reports_only_what_its_compiled_code_loads(tmp_path):
    """`// @ts-ignore` above an import of names a stub module lacks (an open-source edition's empty
    enterprise module): tsc reports nothing for the statement (checked with tsc 5.6), so a name used
    only as a type breaks nothing (5 findings saying "tsc fails"). One used as a value is undefined at
    runtime: reported, with a message that says tsc reports nothing, where the module exports values
    (a name it lacks may be a typo); not where it exports none (`export {}`), the stand-in the other
    edition's folder replaces, whose every import the author silences (a spreadsheet platform's
    `hooks: guide`: the open-source build leaves the key out on purpose; round 175 reversed the
    earlier report of it)."""
    _pkg(tmp_path, "package.json", {"name": "core", "version": "1.0.0", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}})
    _write(tmp_path, "src/edition/index.ts", "export {};\n")
    header = "// @ts-ignore\nimport { IBilling, guide } from './edition';\n"
    _write(tmp_path, "src/state.ts", header + "export interface State { billing?: IBilling }\n")
    assert lint(tmp_path, ["IMP"]) == []
    _write(tmp_path, "src/state.ts", header + "export interface State { billing?: IBilling }\nexport const g = guide;\n")
    assert lint(tmp_path, ["IMP"]) == []  # the stand-in exports no value: a placeholder
    _write(tmp_path, "src/edition/index.ts", "export const plan = 'free';\n")
    [d] = lint(tmp_path, ["IMP"])
    assert "`guide`" in d.message and "undefined at runtime (tsc reports nothing: `// @ts-ignore`" in d.message
    _write(tmp_path, "src/state.ts", header.replace("// @ts-ignore\n", "") + "export interface State { billing?: IBilling }\n")
    assert [("tsc fails" in d.message) for d in lint(tmp_path, ["IMP"])] == [True, True]  # IBilling, and unused guide


def test_a_ts_ignore_above_one_name_of_an_import_silences_that_name(tmp_path):
    """`// @ts-ignore` on the line above one name of an import written over several lines: tsc reports a
    missing export at the name, so the directive silences it there (a spreadsheet platform's
    `IWizardsConfig`, which only the other edition's core exports: an error saying "tsc fails with
    TS2305"). A name used as a value stays undefined at runtime, and the message says why tsc is
    silent; the names the directive is not above are reported as before."""
    _pkg(tmp_path, "package.json", {"name": "web", "version": "1.0.0", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}})
    _write(tmp_path, "src/core.ts", "export interface IUserInfo { id: string }\nexport const version = 1;\n")
    _write(tmp_path, "src/use.ts", "import {\n  IUserInfo,\n  // @ts-ignore\n  IWizardsConfig,\n  IGone,\n} from './core';\n\n"
                                   "export let w: IWizardsConfig | IUserInfo | IGone | undefined;\n")
    assert [d.extra["name"] for d in lint(tmp_path, ["IMP003"])] == ["IGone"]
    _write(tmp_path, "src/use.ts", "import {\n  // @ts-expect-error\n  wizards,\n} from './core';\n\nexport const w = wizards;\n")
    [d] = lint(tmp_path, ["IMP003"])
    assert "undefined at runtime (tsc reports nothing: `// @ts-ignore` above the name)" in d.message


def test_a_missing_export_names_where_the_name_is(tmp_path):
    """Two leads tsc users look for: the target imports the name without re-exporting it (tsc says
    TS2459; a real spec imported a type through the module that used it), and an index that does
    not re-export a file which exports the name (a real library's "Did you mean `ApiResponse`?"
    for `ApiErrorResponse`, exported two folders down)."""
    _pkg(tmp_path, "package.json", {"name": "common", "version": "1.0.0", "private": True})
    _write(tmp_path, "src/mod.ts", "export type RunFn = () => void;\n")
    _write(tmp_path, "src/worker.ts", "import { type RunFn } from './mod';\nexport const run: RunFn = () => {};\n")
    _write(tmp_path, "src/worker.spec.ts", "import { run, type RunFn } from './worker';\nexport const r: RunFn = run;\n")
    _write(tmp_path, "src/interfaces/api-response.interface.ts",
           "export interface ApiResponse { ok: boolean }\nexport interface ApiErrorResponse { error: string }\n")
    _write(tmp_path, "src/index.ts", "export { ApiResponse } from './interfaces/api-response.interface';\n")
    _write(tmp_path, "src/filter.ts", "import { ApiErrorResponse } from './index';\nexport const e: ApiErrorResponse | null = null;\n")
    found = {d.extra["name"]: d.message for d in lint(tmp_path, ["IMP003"])}
    assert found["RunFn"] == ("`./worker`: src/worker.ts imports `RunFn` from `./mod` (src/mod.ts) but does not export it; "
                              "import it from there; type checking fails with TS2459 (a type-only import, so runtime is "
                              "unaffected).")  # a spec: maybe in no tsc project
    assert found["ApiErrorResponse"].endswith("src/interfaces/api-response.interface.ts exports it."), found


@pytest.mark.parametrize("declared", [True, False])
def test_a_missing_export_the_target_imports_back_from_the_importer_says_so(tmp_path, declared):
    """`types/common.d.ts` imports `Ingest` from `lib/nodes.ts`, which imports it from `types/common` (a
    streaming API: "import it from there" named the reporting file itself). Declared there, the import has no
    use; not declared, the two files only hand the name to each other."""
    _pkg(tmp_path, "package.json", {"name": "api", "version": "1.0.0", "main": "dist/index.js"})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "outDir": "dist"}, "include": ["src"]})
    _write(tmp_path, "src/types/common.d.ts", "import { Ingest } from '../lib/nodes';\n"
           + ("export interface Ingest { id: string }\n" if declared else "") + "export type All = Ingest[];\n")
    _write(tmp_path, "src/lib/nodes.ts", "import { Ingest } from '../types/common';\nexport const nodes: Ingest[] = [];\n")
    _write(tmp_path, "src/index.ts", "export { nodes } from './lib/nodes';\n")
    [d] = [d for d in lint(tmp_path, ["IMP003"]) if d.path.endswith("common.d.ts")]
    assert "src/lib/nodes.ts imports `Ingest` from this file and does not export it back" in d.message
    assert ("This file declares it itself: remove the import." in d.message) == declared, d.message
    assert "import it from there" not in d.message


@pytest.mark.parametrize("config", ["codegen.yml", "codegen.ts"])
def test_a_name_missing_from_generated_graphql_code_is_an_operation_not_a_misspelling(tmp_path, config):
    """`useGetActivityByIdQuery` imported from the file graphql-codegen writes, whose documents lost
    that query (a real fitness app was asked "Did you mean `useGetActivityInsightsQuery`?", another
    operation): the remedy is the generator's documents, said whether the config is YAML or code."""
    _pkg(tmp_path, "package.json", {"name": "web", "version": "1.0.0", "private": True})
    text = "schema: ../api/schema.gql\ndocuments: 'src/**/*.graphql'\ngenerates:\n  src/generated/graphql.ts:\n" \
           "    plugins: [typescript, typescript-operations]\n"
    if config == "codegen.ts":
        text = ("import type { CodegenConfig } from '@graphql-codegen/cli';\n\nconst config: CodegenConfig = {\n"
                "  schema: '../api/schema.gql',\n  documents: 'src/**/*.graphql',\n"
                "  generates: { './src/generated/graphql.ts': { plugins: ['typescript'] } },\n};\nexport default config;\n")
    _write(tmp_path, config, text)
    _write(tmp_path, "src/generated/graphql.ts", "export function useGetActivityInsightsQuery() { return 1; }\n")
    _write(tmp_path, "src/page.ts", "import { useGetActivityByIdQuery } from './generated/graphql';\n"
                                   "export const q = useGetActivityByIdQuery();\n")
    _write(tmp_path, "src/other.ts", "import { useGetActivityInsightQuery } from './generated/graphql';\n"
                                    "export const q = useGetActivityInsightQuery();\n")
    _write(tmp_path, "src/hand/written.ts", "export function useGetActivityInsightsQuery() { return 1; }\n")
    _write(tmp_path, "src/hand/page.ts", "import { useGetActivityByIdQuery } from './written';\n"
                                        "export const q = useGetActivityByIdQuery();\n")
    found = {d.path.rsplit("src/", 1)[1]: d.message for d in lint(tmp_path, ["IMP003"])}
    for generated in ("page.ts", "other.ts"):
        assert "Did you mean" not in found[generated], found
        assert found[generated].endswith(f"The file is written by the GraphQL code generator ({config}, `generates:`) from "
                                         "the operations of its documents: add the missing operation there, or run "
                                         "the generator again."), found
    assert "Did you mean `useGetActivityInsightsQuery`?" in found["hand/page.ts"]  # written by hand: a near name


def test_a_re_export_with_import_attributes_keeps_its_module(tmp_path):
    """`export { default as Abi } from './abis/B.json' assert { type: 'json' }`: the grammar reads
    attributes only on an `import`, and the damaged statement lost its module (a real blockchain SDK:
    2 of about 40 such re-exports were checked); `with` too, and the lines after it keep their place."""
    _pkg(tmp_path, "package.json", {"name": "abis", "version": "1.0.0", "type": "module", "main": "dest/index.js"})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"module": "esnext", "moduleResolution": "node",
                                                         "resolveJsonModule": True}, "include": ["src"]})
    _write(tmp_path, "src/abis/A.json", "{}\n")
    _write(tmp_path, "src/index.ts", "export { default as A } from './abis/A.json' assert { type: 'json' };\n"
                                     "export {\n  default as B,\n} from './abis/B.json' assert {\n  type: 'json'\n};\n"
                                     "export * as C from './abis/C.json' with { type: 'json' };\n"
                                     "import D from './abis/D.json' with { type: 'json' };\nexport const d = D;\n")
    text = (tmp_path / "src/index.ts").read_bytes()
    found = [(text[:d.start].count(b"\n") + 1, d.extra.get("specifier")) for d in lint(tmp_path, ["IMP002", "SYN001"])]
    assert found == [(4, "./abis/B.json"), (7, "./abis/C.json"), (8, "./abis/D.json")], found


def test_a_missing_file_behind_a_committed_symlink_into_build_output_is_generated(tmp_path):
    """`./abis/Proxy.sol/Proxy.json` through `src/abis/Proxy.sol`, a committed link into
    `contracts/out/Proxy.sol`, Foundry's gitignored output (a real rollup SDK: 2 IMP002): the build
    writes it. A link into a folder that is kept is a missing file like any other."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["blockchain"]})
    _write(tmp_path, "contracts/.gitignore", "out\ncache\n")
    _write(tmp_path, "contracts/src/Proxy.sol", "contract Proxy {}\n")
    _pkg(tmp_path, "blockchain/package.json", {"name": "@x/blockchain", "version": "1.0.0", "main": "dest/index.js",
                                               "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "blockchain/tsconfig.json", {"compilerOptions": {"module": "commonjs", "resolveJsonModule": True,
                                                                    "esModuleInterop": True, "outDir": "dest"},
                                                "include": ["src"]})
    (tmp_path / "blockchain/src/abis").mkdir(parents=True)
    (tmp_path / "blockchain/src/abis/Proxy.sol").symlink_to("../../../contracts/out/Proxy.sol")
    (tmp_path / "blockchain/src/abis/Token.sol").symlink_to("../../../contracts/src")
    _write(tmp_path, "blockchain/src/index.ts", "export { default as ProxyAbi } from './abis/Proxy.sol/Proxy.json';\n"
                                                "export { default as TokenAbi } from './abis/Token.sol/Token.json';\n")
    assert [d.extra.get("specifier") for d in lint(tmp_path, ["IMP002"])] == ["./abis/Token.sol/Token.json"]


def test_a_typescript_file_written_as_a_commonjs_module_exports_what_it_assigns(tmp_path):
    """`module.exports = { ensureOriginalCwd }` in a `// @ts-nocheck` TypeScript file compiled to
    CommonJS: the importer's `root_1.ensureOriginalCwd` reads that object, defined at runtime (a
    real CMS's CLI, checked with tsc: 3 IMP003 said "undefined at runtime"). A file with no such
    assignment keeps the finding."""
    _pkg(tmp_path, "package.json", {"name": "my-cli", "version": "1.0.0", "main": "./out/lib/bootstrap.js",
                                    "scripts": {"build": "tsc -p tsconfig.json"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"module": "CommonJS", "outDir": "out", "rootDir": "src",
                                                         "moduleDetection": "force"}, "include": ["src/**/*"]})
    _write(tmp_path, "src/lib/root.ts", "// @ts-nocheck\nfunction ensureOriginalCwd() { return process.cwd(); }\n"
                                        "module.exports = { ensureOriginalCwd };\n")
    _write(tmp_path, "src/lib/i18n.ts", "// @ts-nocheck\nfunction t(key) { return key; }\nexports.t = t;\n")
    _write(tmp_path, "src/lib/plain.ts", "// @ts-nocheck\nfunction hidden() { return 1; }\n// module.exports = { hidden };\n")
    # a vendored UMD bundle: its wrapper assigns `module.exports` inside an `if` (an analytics SDK's tsub: 1)
    _write(tmp_path, "src/lib/umd.ts", '// @ts-nocheck\n!function(t,r){if("object"==typeof exports&&"object"==typeof module)'
                                       'module.exports=r();else t.lib=r()}(this,function(){return {transform:function(x){return x}}});\n')
    _write(tmp_path, "src/lib/bootstrap.ts", "// @ts-nocheck\nimport { ensureOriginalCwd } from './root';\n"
                                             "import { t } from './i18n';\nimport { hidden } from './plain';\n"
                                             "import { transform } from './umd';\n"
                                             "console.log(ensureOriginalCwd(), t('x'), hidden(), transform);\n")
    assert [d.extra.get("name") for d in lint(tmp_path, ["IMP003"])] == ["hidden"]


def test_names_imported_from_a_file_that_is_no_module_are_one_finding(tmp_path):
    """A target whose every line is commented out has no import or export: tsc reports TS2306 once
    per import, not once per name (a real spec file: 15 findings for one commented-out module). A
    script that declares the name still gets the finding that offers to export it."""
    _pkg(tmp_path, "package.json", {"name": "svc", "version": "1.0.0", "private": True})
    _write(tmp_path, "src/entity.ts", "// import { Column } from 'typeorm';\n// export class User {}\n// export const A = 1;\n")
    _write(tmp_path, "src/user.spec.ts", "import { User, A } from './entity';\nexport const u = [new User(), A];\n")
    _write(tmp_path, "src/loose.ts", "const B = 2;\n")
    _write(tmp_path, "src/uses.ts", "import { B } from './loose';\nexport const b = B;\n")
    found = sorted((d.path.rsplit("/", 1)[-1], d.message, d.fix is not None) for d in lint(tmp_path, ["IMP003"]))
    assert found == [
        ("user.spec.ts", "`./entity`: src/entity.ts is not a module (no top-level import or export: is its code "
                         "commented out?), so `User`, `A` are not exported; the bindings are undefined at runtime (tsc: TS2306).",
         False),
        ("uses.ts", "`./loose`: `B` is declared in src/loose.ts but not exported; the binding is undefined at runtime "
                    "(tsc: TS2459).", True)]
    # an index created and never filled is empty, not commented out (an LLM toolkit: 1)
    _write(tmp_path, "src/entity.ts", "\n")
    [empty] = [d.message for d in lint(tmp_path, ["IMP003"]) if d.path.endswith("user.spec.ts")]
    assert empty.startswith("`./entity`: src/entity.ts is empty, so `User`, `A` are not exported;"), empty


def test_a_sigil_alias_a_workspace_config_not_built_yet_may_declare_is_left_alone(tmp_path):
    """The apps' tsconfig extends `@acme/configs/tsconfig.app.json`, which the config package's build
    copies out of its `src/` (`cp src/*.json .`), so the checkout lacks it; its `paths` map `@/*` to the
    app's `src/*`. `@/shared` naming `src/shared/index.ts` is such an alias (a blockchain explorer's
    front ends: 825 IMP001 "names nothing"); `@/gone` naming no file is still reported."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["configs", "app"]})
    _pkg(tmp_path, "configs/package.json", {"name": "@acme/configs", "version": "1.0.0", "files": ["tsconfig.app.json"],
                                            "scripts": {"build": "cp src/*.json ."}})
    _pkg(tmp_path, "configs/src/tsconfig.app.json", {"compilerOptions": {"paths": {"@/*": ["${configDir}/src/*"]}}})
    _pkg(tmp_path, "app/package.json", {"name": "app", "private": True, "scripts": {"build": "tsc -p tsconfig.json"},
                                        "dependencies": {"@acme/configs": "*"}})
    _pkg(tmp_path, "app/tsconfig.json", {"extends": "@acme/configs/tsconfig.app.json"})
    _write(tmp_path, "app/src/shared/index.ts", "export const shared = 1;\n")
    _write(tmp_path, "app/src/main.ts", "import { shared } from '@/shared';\nimport { gone } from '@/gone';\n\n"
                                        "export const all = [shared, gone];\n")
    found = [(d.code, d.extra.get("specifier") or d.extra.get("package")) for d in lint(tmp_path, ["DEP001", "IMP"])]
    assert [f for f in found if "shared" in str(f)] == [] and len(found) == 1, found


def test_a_name_the_tsconfig_may_inherit_from_a_config_package_not_installed_is_left_alone(tmp_path):
    """Each service's tsconfig `extends` the organisation's config package, whose `paths` map
    `@entities/*` to `./src/entities/*`; without node_modules they cannot be read, and 1,373 DEP001
    told users to `npm install @entities/user`. A name that, without its sigil, names a file of the
    project is left alone; one that names nothing (`@org/shared-services`) is still reported."""
    _pkg(tmp_path, "package.json", {"name": "@acme/platform", "private": True,
                                    "devDependencies": {"@acme/ms-config": "^1.4.3"}})
    _pkg(tmp_path, "services/users/package.json", {"name": "@acme/users", "version": "1.0.0", "main": "lib/index.js",
                                                   "scripts": {"start": "node lib/index.js"}})
    _pkg(tmp_path, "services/users/tsconfig.json", {"extends": "@acme/ms-config/tsconfig.json",
                                                    "compilerOptions": {"baseUrl": "."}})
    _write(tmp_path, "services/users/src/entities/user.ts", "export default class User {}\n")
    _write(tmp_path, "services/users/src/index.ts", "import User from '@entities/user';\n"
                                                    "import { Health } from '@health/checks';\nexport const all = [User, Health];\n")
    found = [(d.code, d.extra.get("package")) for d in lint(tmp_path, ["DEP001", "IMP001"])]
    assert found == [("DEP001", "@health/checks")], found
    _pkg(tmp_path, "services/users/tsconfig.json", {"compilerOptions": {"baseUrl": "."}})  # nothing inherited
    assert sorted(d.extra.get("package") for d in lint(tmp_path, ["DEP001", "IMP001"])) == ["@entities/user", "@health/checks"]


def test_a_test_its_package_tsconfig_excludes_keeps_the_packages_aliases(tmp_path):
    """`Common/tsconfig.json` maps `Common/*` and excludes `Tests`; ts-jest compiles the tests with
    that config all the same. The root tsconfig covering them knows no `Common/*`: 15 DEP001 on a
    real repository said `npm install --save-dev Common`. A non-test file so excluded takes it too,
    as the config has `paths` of its own (what runs the script from the package resolves its
    aliases there: a Next.js app's excluded folder gave 62 IMP002 with the root's)."""
    _pkg(tmp_path, "package.json", {"name": "mono", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"module": "commonjs"}})
    _pkg(tmp_path, "Common/package.json", {"name": "@acme/common", "version": "1.0.0", "main": "build/index.js",
                                           "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "Common/tsconfig.json", {"compilerOptions": {"outDir": "build", "paths": {"Common/*": ["./*"]}},
                                            "exclude": ["node_modules", "build", "Tests", "Scripts"]})
    _write(tmp_path, "Common/UI/Dropdown.ts", "export const Dropdown = 1;\n")
    _write(tmp_path, "Common/Tests/Modal.test.ts", "import { Dropdown } from 'Common/UI/Dropdown';\nexport const d = Dropdown;\n")
    _write(tmp_path, "Common/Scripts/seed.ts", "import { Dropdown } from 'Common/UI/Dropdown';\nexport const d = Dropdown;\n")
    found = [(d.code, d.path.rsplit("/", 2)[-2]) for d in lint(tmp_path, ["DEP001", "IMP001", "IMP002"])]
    assert found == [], found


def test_a_test_a_referenced_tests_project_includes_keeps_that_projects_aliases(tmp_path):
    """The root solution config references `tsconfig.tests.json`, which includes every package's
    `test/` and maps `core-test/*` and `@acme/db` (aliases that keep a workspace cycle out of the
    manifests): `tsc -b` compiles the tests there, whatever the package's own `include: ["src"]`
    says (a real monorepo: 27 DEP001, fixes adding a cycle). Without the reference, the package's
    config is the tests' as before."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "tsconfig.json", {"include": [], "references": [{"path": "tsconfig.tests.json"}]})
    _pkg(tmp_path, "tsconfig.tests.json", {
        "compilerOptions": {"noEmit": True, "paths": {"@acme/db": ["./packages/db/src/index.ts"],
                                                      "core-test/*": ["./packages/core/test/*.ts"]}},
        "include": ["packages/*/test/**/*.ts"]})
    for name in ("core", "db"):
        _pkg(tmp_path, f"packages/{name}/package.json", {"name": f"@acme/{name}", "version": "1.0.0", "main": "dist/index.js",
                                                        "scripts": {"build": "tsc -b"}})
        _pkg(tmp_path, f"packages/{name}/tsconfig.json", {"compilerOptions": {"rootDir": "src", "outDir": "dist"},
                                                         "include": ["src"]})
        _write(tmp_path, f"packages/{name}/src/index.ts", "export const one = 1;\n")
    _write(tmp_path, "packages/core/test/helpers.ts", "export const two = 2;\n")
    _write(tmp_path, "packages/core/test/add.test.ts", "import { one } from '@acme/db';\nimport { two } from 'core-test/helpers';\n\n"
                                                       "export const sum = one + two;\n")
    assert lint(tmp_path, ["DEP001", "IMP"]) == []
    _pkg(tmp_path, "tsconfig.json", {"include": []})
    assert [d.extra.get("package") for d in lint(tmp_path, ["DEP001", "IMP001"])] == ["core-test"]


def test_a_missing_file_in_a_declaration_file_under_skiplibcheck_is_a_warning(tmp_path):
    """The same for IMP002: `import('../utils/test-runners')` in a `.d.ts` that skipLibCheck leaves
    unchecked breaks no build, its types are `any` (a real schematics package); checked, an error."""
    _pkg(tmp_path, "package.json", {"name": "tools", "version": "1.0.0", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"skipLibCheck": True}, "include": ["src/**/*"]})
    _write(tmp_path, "src/schema.d.ts", "import type { Runner } from './utils/test-runners';\n\n"
                                        "export interface Schema {\n  runner: Runner;\n}\n")
    [d] = lint(tmp_path, ["IMP002"])
    assert d.severity.value == "warning" and "skipLibCheck" in d.message
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {}, "include": ["src/**/*"]})
    [d] = lint(tmp_path, ["IMP002"])
    assert d.severity.value == "error"
    # skipLibCheck from the config it extends (a shared tsconfig.base.json), unless it says otherwise
    _pkg(tmp_path, "tsconfig.base.json", {"compilerOptions": {"skipLibCheck": True}})
    _pkg(tmp_path, "tsconfig.json", {"extends": "./tsconfig.base.json", "include": ["src/**/*"]})
    [d] = lint(tmp_path, ["IMP002"])
    assert d.severity.value == "warning" and "skipLibCheck" in d.message
    _pkg(tmp_path, "tsconfig.json", {"extends": "./tsconfig.base.json", "compilerOptions": {"skipLibCheck": False},
                                     "include": ["src/**/*"]})
    [d] = lint(tmp_path, ["IMP002"])
    assert d.severity.value == "error"


def test_a_type_reference_nothing_holds_in_a_declaration_file_under_skiplibcheck_is_silent(tmp_path):
    """`/// <reference types="next-images" />` left in an app that no longer uses Next: under
    `skipLibCheck` tsc says nothing of it, so no DEP001 asks to install a Next plugin (a real app).
    Checked (no skipLibCheck), or in a source file, it is reported."""
    _pkg(tmp_path, "package.json", {"name": "space", "version": "1.0.0", "private": True,
                                    "devDependencies": {"typescript": "^5.8.3"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"skipLibCheck": True, "noEmit": True}, "include": ["**/*"]})
    _write(tmp_path, "additional.d.ts", '/// <reference types="next-images" />\n')
    assert lint(tmp_path, ["DEP001"]) == []
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"noEmit": True}, "include": ["**/*"]})
    assert [d.code for d in lint(tmp_path, ["DEP001"])] == ["DEP001"]


def test_a_file_a_framework_generates_is_not_checked_for_its_imports(tmp_path):
    """Astro's `.astro/content.d.ts` names `../src/content.config.mjs`, which a site without content
    collections lacks: `astro sync` rewrites the file, nobody edits it. A hand-written file with the
    same import is checked."""
    _pkg(tmp_path, "package.json", {"name": "docs", "private": True, "devDependencies": {"astro": "^5.0.0"}})
    text = "declare module 'astro:content' {\n  export type ContentConfig = typeof import('../src/content.config.mjs');\n}\n"
    _write(tmp_path, ".astro/content.d.ts", text)
    assert lint(tmp_path, ["IMP"]) == []
    _write(tmp_path, "types/content.d.ts", text)
    assert [d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["IMP"])] == ["content.d.ts"]


def test_a_hidden_folder_no_tsconfig_names_is_in_no_program(tmp_path):
    """`.agent/skills/example.ts`, an example kept as reading material for a coding agent: tsc's
    wildcard includes never enter a dot folder, so no program compiles it and its `~/threads`
    import breaks nothing (a real monorepo: 2 IMP001 saying "tsc fails"). A dot folder a tsconfig
    includes by name (`.storybook`) is compiled, and checked."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/db/package.json", {"name": "@acme/db", "version": "0.0.0", "main": "src/index.ts"})
    _write(tmp_path, "packages/db/src/index.ts", "export const db = {};\n")
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}, "include": ["**/*.ts", ".storybook/*.ts"]})
    broken = "import type { Thread } from '@acme/threads';\nimport { helper } from './helper';\n\nexport const t = (x: Thread) => helper(x);\n"
    _write(tmp_path, ".agent/skills/debugging/example.ts", broken)
    assert lint(tmp_path, ["IMP"]) == []
    _write(tmp_path, ".storybook/preview.ts", broken)
    assert sorted(d.code for d in lint(tmp_path, ["IMP"])) == ["IMP001", "IMP002"]


def test_a_package_name_in_the_wrong_case_is_no_package_to_install(tmp_path):
    """`/// <reference types="Cypress" />` beside a declared `cypress`: tsc fails with TS2688 on
    Linux, and `npm install Cypress` would fail too (npm names are lower case). The message names
    the declared spelling and offers no install (a real repository's advice was that command)."""
    _pkg(tmp_path, "package.json", {"name": "web", "private": True, "devDependencies": {"cypress": "^13.0.0"}})
    _pkg(tmp_path, "package-lock.json", {"name": "web", "lockfileVersion": 3, "packages": {
        "": {"name": "web"}, "node_modules/cypress": {"version": "13.6.0", "dev": True}}})
    _write(tmp_path, "cypress/support/commands.ts", '/// <reference types="Cypress" />\nimport Dayjs from "Dayjs";\n\n'
                                                    "export const at = Dayjs;\n")
    [d, other] = lint(tmp_path, ["DEP001"])
    assert '"cypress", which this repository declares' in d.message and "install" not in d.message.split(";")[-1]
    assert d.fix is None
    # no lower-case package known: capitals no new npm package may take, so no install command either
    assert "likely no package at all" in other.message and "npm install" not in other.message and other.fix is None


def test_a_gitignored_folder_under_baseurl_is_generated_code_not_a_package(tmp_path):
    """`import { Token__factory } from 'generated'` with `baseUrl: "src"` and `/src/generated` in
    .gitignore (typechain writes it during the build): TypeScript finds the folder's index once
    generated, so it is no npm package to install (a real service: 28 DEP001 advising
    `yarn add generated`). Not ignored, the name is reported as before."""
    _pkg(tmp_path, "package.json", {"name": "svc", "private": True, "scripts": {"codegen": "typechain --out-dir ./src/generated"},
                                    "dependencies": {"typechain": "^8.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": "src", "outDir": "dist"}, "include": ["src/**/*"]})
    _write(tmp_path, ".gitignore", "/src/generated\n/node_modules\n")
    _write(tmp_path, "src/main.ts", "import { Token__factory } from 'generated';\n\nconsole.log(Token__factory);\n")
    assert lint(tmp_path, ["DEP", "IMP"]) == []
    _write(tmp_path, ".gitignore", "generated/\n")  # a folder-only pattern: `generated` alone names the folder too
    assert lint(tmp_path, ["DEP", "IMP"]) == []
    _write(tmp_path, ".gitignore", "/node_modules\n")
    assert [d.code for d in lint(tmp_path, ["DEP", "IMP"])] == ["DEP001"]
    # an ignored folder deeper in the path (`dist`) says nothing of an undeclared package's name
    _write(tmp_path, ".gitignore", "dist\n")
    _write(tmp_path, "src/main.ts", "import 'mapbox-gl/dist/mapbox-gl.css';\n")
    assert [d.code for d in lint(tmp_path, ["DEP"])] == ["DEP001"]


def test_a_relative_path_with_a_trailing_slash_names_the_folder(tmp_path):
    """`export * from './v5/'` in `src/v5.ts`: the slash names the folder `src/v5/` (its index), as
    TypeScript and Node resolve it, never `v5.ts` itself (a real library: 3 IMP003 from reading the
    file as re-exporting itself; tsc 5.9 traces it to `src/v5/index.ts`)."""
    _pkg(tmp_path, "package.json", {"name": "@acme/client", "version": "1.0.0", "main": "src/index.ts"})
    _write(tmp_path, "src/index.ts", "import { initClient } from './v5';\n\nexport const client = initClient('x');\n")
    _write(tmp_path, "src/v5.ts", "export * from './v5/';\n")
    _write(tmp_path, "src/v5/index.ts", "export const initClient = (baseUrl: string) => ({ baseUrl });\n")
    assert lint(tmp_path, ["IMP"]) == []
    _write(tmp_path, "src/other.ts", "export * from './missing/';\n")
    [d] = lint(tmp_path, ["IMP"])
    assert d.code == "IMP002" and d.message.startswith("`./missing/` matches no file")


def test_a_file_outside_every_build_gets_a_warning_that_says_so(tmp_path):
    """`archived/OldPage_backup.ts`: no tsconfig includes it, no entry point, script or test reaches
    it and no file imports it (a real monorepo: 26 IMP findings on backups and scratch files, saying
    tsc fails). Its broken imports are a warning that says nothing runs it, without a fix; a run over
    the file alone says the same. Imported by a compiled file, run by a script, or included by a
    tsconfig, it is checked as before."""
    from tests.helpers import cli

    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "noEmit": True}, "include": ["packages/*/src/**/*"]})
    _pkg(tmp_path, "packages/api/package.json", {"name": "@acme/api", "version": "1.0.0", "private": True,
                                                 "scripts": {"build": "tsc", "start": "node dist/main.js"}})
    _pkg(tmp_path, "packages/api/tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src/**/*"]})
    _write(tmp_path, "packages/api/src/main.ts", "export const main = 1;\n")
    _write(tmp_path, "archived/OldPage_backup.ts", "import { formatDate } from '../../utils/dateFormat';\n\nexport const old = formatDate;\n")
    [d] = lint(tmp_path, ["IMP"])
    assert d.code == "IMP002" and d.severity.value == "warning" and "most likely dead code" in d.message and d.fix is None
    alone = cli("--output-format", "concise", "archived/OldPage_backup.ts", cwd=tmp_path).stdout.decode()
    assert "IMP002 warning" in alone and "most likely dead code" in alone
    _write(tmp_path, "packages/api/src/main.ts", "import { old } from '../../../archived/OldPage_backup';\n\nexport const main = old;\n")
    assert [d.severity.value for d in lint(tmp_path, ["IMP"])] == ["error"]
    _write(tmp_path, "packages/api/src/main.ts", "export const main = 1;\n")
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"],
                                    "scripts": {"old": "tsx archived/OldPage_backup.ts"}})
    assert [d.severity.value for d in lint(tmp_path, ["IMP"])] == ["error"]
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"noEmit": True}, "include": ["packages/*/src/**/*", "archived"]})
    assert [d.severity.value for d in lint(tmp_path, ["IMP"])] == ["error"]
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"noEmit": True}, "include": ["packages/*/src/**/*"]})
    assert [d.severity.value for d in lint(tmp_path, ["IMP"])] == ["warning"]
    # a parked folder whose files import one another, above every tsconfig: dead together
    _write(tmp_path, "archived/helper.ts", "import { gone } from './gone';\n\nexport const helper = gone;\n")
    _write(tmp_path, "archived/OldPage_backup.ts", "import { helper } from './helper';\nimport { formatDate } from '../../utils/dateFormat';\n\n"
                                                   "export const old = [formatDate, helper];\n")
    _write(tmp_path, "backup/services/role.ts", "import { db } from '../db.js';\n\nexport const roles = () => db;\n")
    assert sorted((d.path.rsplit("/", 1)[-1], d.severity.value) for d in lint(tmp_path, ["IMP"])) == [
        ("OldPage_backup.ts", "warning"), ("helper.ts", "warning"), ("role.ts", "warning")]


def test_a_type_import_under_a_ts_ignore_directive_breaks_nothing(tmp_path):
    """`/** @ts-ignore For users with undici */` above a type built from `import('undici')` and
    `import('../../node_modules/undici/index.d.ts')`: a published SDK probing for typings its users
    may have installed (40 findings on a real SDK). tsc reports nothing on the line after the
    directive (tsc 5.9 exits 0; without it, two TS2307) and nothing is loaded: no DEP001, no IMP002.
    Without the directive both are reported; a `require()` under it still loads the package."""
    _pkg(tmp_path, "package.json", {"name": "@acme/http-client", "version": "1.0.0", "main": "dist/index.js"})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "outDir": "dist"}, "include": ["src"]})
    line = "type UndiciInit = import('undici').RequestInit | import('../../node_modules/undici/index.d.ts').RequestInit;\n"
    tail = "export type Init = UndiciInit | { method?: string };\n"
    _write(tmp_path, "src/index.ts", "/** @ts-ignore For users with undici */\n" + line + tail)
    assert lint(tmp_path, ["DEP001", "IMP"]) == []
    _write(tmp_path, "src/index.ts", line + tail)
    assert sorted(d.code for d in lint(tmp_path, ["DEP001", "IMP"])) == ["DEP001", "IMP002"]
    _write(tmp_path, "src/index.ts", "// @ts-ignore\nconst undici = require('undici');\nexport const u = undici;\n")
    assert [d.code for d in lint(tmp_path, ["DEP001", "IMP"])] == ["DEP001"]


def test_a_fixture_project_a_test_copies_elsewhere_is_not_checked(tmp_path):
    """`fixtures/proj/actions/create.ts` importing `../../models.js`, a file the CLI under test
    generates once the test has copied the folder elsewhere (a real CLI: 9 IMP002; one fixture
    fails on purpose): no file imports it, so it is data the test reads. A fixture a spec
    imports is code that runs, and its broken import is still reported."""
    _pkg(tmp_path, "package.json", {"name": "cli", "version": "1.0.0", "bin": "dist/index.js"})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "dist"}, "include": ["**/*.ts"]})
    _write(tmp_path, "lib/index.ts", "export const run = () => 1;\n")
    _write(tmp_path, "fixtures/proj/actions/create.ts",
           "import type { Issue } from '../../models.js';\nexport default function run(i: Issue) { return i; }\n")
    assert lint(tmp_path, ["IMP"]) == []
    _write(tmp_path, "lib/run.spec.ts", "import create from '../fixtures/proj/actions/create';\nexport const t = create;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


@pytest.mark.parametrize("configs", [
    # outDir `dist`, declarationDir `dist/types` (checked with tsc; a real design system: 68 IMP003)
    {"tsconfig.json": {"compilerOptions": {"declaration": True, "outDir": "./dist", "declarationDir": "./dist/types"},
                       "include": ["src/**/*"]}},
    # tsconfig.json only references `./src`, whose own tsconfig writes declarations to `../dist/types` (a
    # headless CMS's UI packages: 20 IMP003 naming the wrong file)
    {"tsconfig.json": {"files": [], "references": [{"path": "./src"}]},
     "src/tsconfig.json": {"compilerOptions": {"composite": True, "declaration": True, "emitDeclarationOnly": True,
                                               "outDir": "../dist/types"}}},
], ids=["declaration-dir", "referenced-project"])
def test_a_types_entry_maps_back_through_the_build_that_writes_it(tmp_path, configs):
    """`"types": "./dist/types/index.d.ts"`: tsc writes `src/index.ts` there, so the entry is
    `src/index.ts`, not `src/types/index.ts`, whichever tsconfig of the package says so."""
    _pkg(tmp_path, "package.json", {"name": "r", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/tokens/package.json", {"name": "@acme/tokens", "version": "1.0.0", "main": "./dist/index.cjs",
                                                    "types": "./dist/types/index.d.ts"})
    for name, config in configs.items():
        _pkg(tmp_path, f"packages/tokens/{name}", config)
    _write(tmp_path, "packages/tokens/src/index.ts", "export * from './base';\nexport * from './types';\n")
    _write(tmp_path, "packages/tokens/src/base.ts", "export const tokens = { gap: 4 };\n")
    _write(tmp_path, "packages/tokens/src/types/index.ts", "export type Size = 'sm' | 'lg';\n")
    _pkg(tmp_path, "packages/ui/package.json", {"name": "@acme/ui", "version": "1.0.0", "main": "./dist/index.js",
                                                "dependencies": {"@acme/tokens": "^1.0.0"}})
    _write(tmp_path, "packages/ui/src/index.ts", "import { tokens, missing } from '@acme/tokens';\nexport const gap = [tokens.gap, missing];\n")
    [d] = lint(tmp_path, ["IMP003"])
    assert "packages/tokens/src/index.ts has no export named `missing`" in d.message


def test_a_tsconfig_extending_a_generated_config_not_written_yet_leaves_its_aliases_open(tmp_path):
    """`"extends": "./.quasar/tsconfig.json"`, which `quasar prepare` writes into a git-ignored hidden
    folder with the app's aliases (`pages/`, `src/`, `#q-app/wrappers`): without it the aliases are
    unknown, so `import('pages/IndexPage.vue')` is no package to install and `#q-app/wrappers` no
    missing `imports` entry (a real Quasar monorepo: 12 findings). A missing config in a visible
    folder is a broken extends, and the imports are checked as before."""
    from tests.helpers import lint as lint_all

    _pkg(tmp_path, "package.json", {"name": "spa", "version": "0.0.1", "private": True,
                                    "scripts": {"build": "quasar build", "postinstall": "quasar prepare"},
                                    "dependencies": {"quasar": "^2.16.0", "vue": "^3.4.18"}})
    _write(tmp_path, ".gitignore", "node_modules\n.quasar\n")
    _pkg(tmp_path, "tsconfig.json", {"extends": "./.quasar/tsconfig.json"})
    _write(tmp_path, "src/pages/IndexPage.vue", "<template><p>hi</p></template>\n")
    _write(tmp_path, "src/router/routes.ts", "export const routes = [{ path: '/', component: () => import('pages/IndexPage.vue') }];\n")
    _write(tmp_path, "src/boot/hello.ts", "import { defineBoot } from '#q-app/wrappers';\nexport default defineBoot(() => {});\n")
    # Quasar's `app/*` names the project's folder (`./*`): an extension module outside `src/` (a real
    # desktop app: 82 DEP001 called it an unmapped path into `src/app/`)
    _write(tmp_path, "src/app/version.ts", "export const v = 1;\n")
    _write(tmp_path, "extensions/capital/model/index.ts", "export const store = 1;\n")
    _write(tmp_path, "src/pages/extensions.ts", "import { store } from 'app/extensions/capital/model';\nexport const s = store;\n")
    assert lint_all(tmp_path, ["IMP", "DEP001"]) == []
    _pkg(tmp_path, "tsconfig.json", {"extends": "./config/tsconfig.json"})
    assert sorted(d.code for d in lint_all(tmp_path, ["IMP", "DEP001"])) == ["DEP001", "DEP001", "IMP002"]


@pytest.mark.parametrize("ignored", [True, False])
def test_a_tsconfig_extending_a_gitignored_config_a_script_writes_leaves_its_aliases_open(tmp_path, ignored):
    """Every tsconfig `extends` `../../tsconfig.base.effective.json`, which a script writes from the
    base and an edition's paths and `.gitignore` lists: without it the workspace's aliases are unknown,
    so `@acme/ui` (a package named `ui`, mapped by alias) names no missing package and `@acme/types`
    needs no declaration (a real monorepo: 533 IMP001 and 870 DEP001, 5 left once the file was written).
    A missing config `.gitignore` does not list is a broken extends: checked as before."""
    from tests.helpers import lint as lint_all

    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "scripts": {"postinstall": "node scripts/select.mjs"}})
    _write(tmp_path, "pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n  - 'apps/*'\n")
    _write(tmp_path, ".gitignore", "node_modules/\n" + ("tsconfig.base.effective.json\n" if ignored else ""))
    _pkg(tmp_path, "tsconfig.base.json", {"compilerOptions": {"baseUrl": ".", "paths": {
        "@acme/types": ["packages/types/src/index.ts"], "@acme/ui": ["packages/ui/src/index.ts"]}}})
    _pkg(tmp_path, "packages/types/package.json", {"name": "@acme/types", "private": True, "main": "src/index.ts"})
    _write(tmp_path, "packages/types/src/index.ts", "export const greeting = 'hi';\n")
    _pkg(tmp_path, "packages/ui/package.json", {"name": "ui", "private": True, "main": "src/index.ts"})
    _write(tmp_path, "packages/ui/src/index.ts", "export const button = 'button';\n")
    _pkg(tmp_path, "apps/api/package.json", {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"}})
    _pkg(tmp_path, "apps/api/tsconfig.json", {"extends": "../../tsconfig.base.effective.json", "include": ["src"]})
    _write(tmp_path, "apps/api/src/main.ts", "import { greeting } from '@acme/types';\nimport { button } from '@acme/ui';\n"
                                             "console.log(greeting, button);\n")
    found = sorted(d.code for d in lint_all(tmp_path, ["IMP", "DEP001"]))
    assert found == ([] if ignored else ["DEP001", "IMP001"]), found


@pytest.mark.parametrize("variant, reported", [("plain", True), ("nuxt references", False),
                                              ("expect-error", False)])
def test_a_hash_name_no_imports_entry_maps_is_checked_without_crashing(tmp_path, variant, reported):
    """`import { env } from '#build-info'` with no package.json `imports` field: the run used to stop
    with INT001 (the name was probed as a path under .gitignore rules; two Nuxt repositories). Under
    a tsconfig.json whose `references` name Nuxt's generated `.nuxt/tsconfig.*.json`, not written
    yet, such names are the virtual modules those declare; marked `@ts-expect-error`, one a bundler
    injects (Nitro's `virtual`). Otherwise the name matches nothing: reported."""
    from tests.helpers import lint as lint_all

    _pkg(tmp_path, "package.json", {"name": "app", "private": True, "type": "module",
                                    "dependencies": {"nuxt": "^4.0.0"}})
    _write(tmp_path, ".gitignore", "node_modules\n.nuxt\n")
    config = {"references": [{"path": "./.nuxt/tsconfig.server.json"}], "files": []} \
        if variant == "nuxt references" else {"compilerOptions": {"strict": True}}
    _pkg(tmp_path, "tsconfig.json", config)
    marker = "// @ts-expect-error injected\n" if variant == "expect-error" else ""
    _write(tmp_path, "server/utils/x.ts", marker + "import { env } from '#build-info';\n\nexport const e = env;\n")
    found = [d.code for d in lint_all(tmp_path, ["IMP", "INT"])]
    assert found == (["IMP002"] if reported else []), found


def test_a_rooted_paths_key_that_names_no_file_is_reported_as_that_alias(tmp_path):
    """`"/interfaces/*": ["App/ui/interfaces/*"]` and `import ... from '/interfaces/screens/Home'`
    where the folder is `Screens`: the alias matched and named no file, so the message names the
    alias and the path it tried (a real mobile app was told "tried ../../../interfaces/...", the
    specifier read as a path from the filesystem root)."""
    _pkg(tmp_path, "package.json", {"name": "app", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": ".", "paths": {"/interfaces/*": ["App/ui/interfaces/*"]}}})
    _write(tmp_path, "App/ui/interfaces/Screens/Home/index.ts", "export interface HomeProps { id: string }\n")
    _write(tmp_path, "App/ui/nav/a.ts", "import { HomeProps } from '/interfaces/screens/Home';\n\nexport type P = HomeProps;\n")
    [d] = lint(tmp_path, ["IMP"])
    assert d.code == "IMP002" and "(path alias `/interfaces/*`)" in d.message and "tried App/ui/interfaces/screens/Home" in d.message
    assert "../" not in d.message


@pytest.mark.parametrize("vite, reported", [({"vite.config.js": "export default {};\n"}, False),
                                             ({"package.json": {"name": "shop", "private": True,
                                                                "devDependencies": {"vite": "^5.0.0"}}}, False),
                                             ({}, True)])
def test_a_root_absolute_import_in_a_vite_project_is_read_from_the_project_root(tmp_path, vite, reported):
    """`import { greet } from '/src/lib/greet'` in an app vite builds (a config file, or vite declared):
    vite resolves a specifier starting with `/` against the project root (a real Hydrogen storefront:
    8 IMP002 saying the path "climbs out of the repository"). Elsewhere it is a path from the
    filesystem's root, which names nothing."""
    _pkg(tmp_path, "package.json", vite.get("package.json", {"name": "shop", "private": True}))
    if "vite.config.js" in vite:
        _write(tmp_path, "vite.config.js", vite["vite.config.js"])
    _write(tmp_path, "src/lib/greet.ts", "export const greet = (name: string) => `hello ${name}`;\n")
    _write(tmp_path, "src/routes/index.tsx", "import { greet } from '/src/lib/greet';\n\nexport const page = greet('world');\n")
    found = lint(tmp_path, ["IMP"])
    assert [d.code for d in found] == (["IMP002"] if reported else [])
    if reported:  # the path tried is the one the specifier names, from the filesystem's root
        assert "tried /src/lib/greet with" in found[0].message and "filesystem's root" in found[0].message
        assert "climbs out" not in found[0].message


def test_a_package_named_after_its_dependency_imports_the_dependency(tmp_path):
    """An example app named `hono` that depends on `hono`: its `import { Hono } from 'hono'` loads
    the installed framework, not the example itself (a real example: IMP003 "index.ts does not
    export Hono"). A package that does not depend on its own name still refers to itself."""
    _pkg(tmp_path, "package.json", {"name": "hono", "version": "1.0.0", "main": "index.js",
                                    "dependencies": {"hono": "^4.2.3"}})
    _write(tmp_path, "index.ts", 'import { Hono } from "hono";\nexport default new Hono();\n')
    assert [d.code for d in lint(tmp_path, ["IMP"])] == []
    _pkg(tmp_path, "package.json", {"name": "hono", "version": "1.0.0", "main": "index.js",
                                    "exports": {".": "./index.js"}})
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP003"]


@pytest.mark.parametrize("silenced", [True, False])
def test_a_file_the_build_puts_beside_the_bundle_is_not_missing(tmp_path, silenced):
    """A handler template loads `./app.config.mjs` under `@ts-expect-error`: the file exists only in
    the function's output folder, where the package's bundler config leaves it external and its
    build copies it (real serverless adapters: 25 IMP002). `require.resolve()`, which tsc never
    checks, needs no directive. Without the directive a static import is still reported (tsc
    fails), and so is a silenced import of a name no other file spells out."""
    _pkg(tmp_path, "package.json", {"name": "@acme/edge-adapter", "version": "2.0.0", "type": "module",
                                    "bin": {"edge-adapter": "./dist/index.js"}, "dependencies": {"esbuild": "^0.25.0"}})
    _write(tmp_path, "rollup.config.js", "export default { input: 'src/handler.ts', external: ['./app.config.mjs', "
                                         "'./prerender-manifest.json'] };\n")
    _write(tmp_path, "src/index.ts", "export { handler } from './handler';\n")
    directive = "// @ts-expect-error app.config.mjs exists only in the build output\n" if silenced else ""
    _write(tmp_path, "src/handler.ts",
           f"{directive}import config from './app.config.mjs';\n"
           "const manifest = require.resolve('./prerender-manifest.json');\n"
           "// @ts-ignore\nimport gone from './gone.mjs';\n"
           "export const handler = () => [config, manifest, gone];\n")
    found = sorted(d.extra["specifier"] for d in lint(tmp_path, ["IMP002"]))
    assert found == ([] if silenced else ["./app.config.mjs"]) + ["./gone.mjs"]


def test_a_name_a_jest_manual_mock_supplies_is_the_mocks(tmp_path):
    """`__mocks__/@acme/cloud.js` in the test's package stands in for `@acme/cloud` in every test,
    without `jest.mock()`: a test importing `mockCreateInvalidation` from it gets the mock's export
    (a real deployer's tests: 8 IMP003 "undefined at runtime"). The same import in source code,
    which runs with the real package, is still reported."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/cloud/package.json", {"name": "@acme/cloud", "version": "1.0.0", "main": "src/index.ts"})
    _write(tmp_path, "packages/cloud/src/index.ts", "export const createInvalidation = () => 1;\n")
    _pkg(tmp_path, "packages/deployer/package.json", {"name": "@acme/deployer", "version": "1.0.0", "main": "dist/index.js",
                                                      "scripts": {"test": "jest"}, "dependencies": {"@acme/cloud": "1.0.0"}})
    _write(tmp_path, "packages/deployer/__mocks__/@acme/cloud.js",
           "const mockCreateInvalidation = jest.fn();\nmodule.exports = { createInvalidation: mockCreateInvalidation, "
           "mockCreateInvalidation };\n")
    _write(tmp_path, "packages/deployer/__tests__/deploy.test.ts",
           "import { mockCreateInvalidation } from '@acme/cloud';\ntest('x', () => expect(mockCreateInvalidation).toBeDefined());\n")
    _write(tmp_path, "packages/deployer/src/index.ts", "import { mockCreateInvalidation } from '@acme/cloud';\n"
                                                       "export const run = () => mockCreateInvalidation();\n")
    assert [(d.code, d.path.rsplit("/", 2)[-2]) for d in lint(tmp_path, ["IMP"])] == [("IMP003", "src")]


def test_a_folder_the_package_reads_as_text_is_data(tmp_path):
    """A CLI's `specs/` folder holds the expected output of its generator, which its tests read
    with `readFileSync(join(__dirname, '../..', 'specs', p))` and compare as text; no tsconfig
    compiles it, and its imports name the generated project's files (a real framework CLI: 35
    IMP002, IMP003 and DEP001, 9 of them errors on `*.spec.ts` files there). Once no file of the
    package names the folder, its broken imports are reported again (as a dead file's)."""
    _pkg(tmp_path, "package.json", {"name": "@acme/cli", "version": "1.0.0", "main": "./lib/index.js",
                                    "bin": {"acme": "./lib/index.js"}, "dependencies": {"mocha": "^10.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "lib", "module": "commonjs"}, "include": ["./src/**/*.ts"]})
    _write(tmp_path, "src/index.ts", "export const run = () => 1;\n")
    reader = ("import { readFileSync } from 'fs';\nimport { join } from 'path';\n\n"
              "export const spec = (p: string) => readFileSync(join(__dirname, '../..', 'specs', p), 'utf8');\n")
    _write(tmp_path, "src/generator/generate.spec.ts", reader)
    _write(tmp_path, "specs/controller/foo.controller.ts", "import { Context } from './context';\nexport class Foo { c?: Context }\n")
    _write(tmp_path, "specs/controller/foo.controller.spec.ts", "import { Foo } from './Foo.controller';\nimport typeorm from 'typeorm';\n"
                                                                "export const all = [Foo, typeorm];\n")
    assert [d.code for d in lint(tmp_path, ["IMP", "DEP"])] == []
    _write(tmp_path, "src/generator/generate.spec.ts", reader.replace("'specs'", "'expected'"))
    assert sorted(d.code for d in lint(tmp_path, ["IMP", "DEP"])) == ["DEP001", "IMP002", "IMP002"]


def test_an_import_into_a_generated_folder_the_checkout_lacks_is_build_output(tmp_path):
    """`../generated/graphql-server/src/modules/member/member.model`, a folder a code generator
    writes (`"build": "yarn clean && yarn codegen"`) and no `.gitignore` names: a fresh checkout
    lacks it (3 IMP002 in real query-node examples). Once the folder exists, a file missing in it
    is a broken import again."""
    _pkg(tmp_path, "package.json", {"name": "query-node", "private": True,
                                    "scripts": {"clean": "rm -rf ./generated", "codegen": "acme-cli codegen"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "lib"}, "include": ["mappings"]})
    _write(tmp_path, "mappings/members.ts", "import { Member } from '../generated/graphql-server/src/modules/member/member.model';\n"
                                            "export const m: Member | null = null;\nexport const n = Member;\n")
    assert lint(tmp_path, ["IMP"]) == []
    _write(tmp_path, "generated/graphql-server/src/index.ts", "export const x = 1;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


def test_a_test_its_tsconfig_excludes_in_a_folder_named_by_a_file_read_is_still_checked(tmp_path):
    """A Next app's `tools/x.test.ts`, which the tsconfig's `exclude` leaves to the test runner,
    in a folder whose name a script spells beside a file read: source of the app, not data read as
    text (its broken import is reported)."""
    _pkg(tmp_path, "package.json", {"name": "sim", "private": True})
    _pkg(tmp_path, "tsconfig.json", {"include": ["**/*.ts"], "exclude": ["**/*.test.ts"]})
    _write(tmp_path, "scripts/sync.ts", "import { readFileSync } from 'fs';\nimport { join } from 'path';\n"
                                        "export const read = () => readFileSync(join('tools', 'x.ts'), 'utf8');\n")
    _write(tmp_path, "tools/index.ts", "export const tools = 1;\n")
    _write(tmp_path, "tools/x.test.ts", "import meta from './lists/tool-metadata';\nexport const m = meta;\n")
    assert [d.code for d in lint(tmp_path, ["IMP"])] == ["IMP002"]


@pytest.mark.parametrize("spec, reported", [("npm:@acme/web@^7.10.0", False), ("^7.10.0", False),
                                            ("npm:@acme/web@^8.0.0", True), ("npm:@other/web@^8.0.0", False)])
def test_an_npm_alias_to_an_older_release_is_not_the_workspace_member(tmp_path, spec, reported):
    """`"@acme/web": "npm:@acme/web@^7.10.0"` pins the registry's 7.x while the workspace member is
    8.0.0, which removed a type: the install holds the registry copy, whose exports are not the
    member's source (a real SDK: 2 IMP003). A range the member's version satisfies links the member,
    whose missing export is reported; an alias of another package is never the member."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/web", "packages/rtm"]})
    _pkg(tmp_path, "packages/web/package.json", {"name": "@acme/web", "version": "8.0.0", "main": "src/index.ts"})
    _write(tmp_path, "packages/web/src/index.ts", "export class Client {}\n")
    _pkg(tmp_path, "packages/rtm/package.json", {"name": "@acme/rtm", "version": "7.0.0", "main": "src/index.ts",
                                                 "dependencies": {"@acme/web": spec}})
    _write(tmp_path, "packages/rtm/src/index.ts", "import { Client, StartArguments } from '@acme/web';\n"
                                                  "export const c = new Client();\nexport type S = StartArguments;\n")
    assert [d.code for d in lint(tmp_path, ["IMP003"])] == (["IMP003"] if reported else [])


def test_a_transforms_cases_its_tsconfig_excludes_are_data(tmp_path):
    """A codemod's `src/transforms/x/basic.input.ts`, which its test reads as text, and which the
    tsconfig leaves out on purpose (`"exclude": ["**/*.input.ts", "**/*.output.ts"]`): its imports
    name the project being transformed (a real CMS's codemod package: about 145 DEP001 and IMP003).
    Compiled by the tsconfig, the same file is checked."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/cm/package.json", {"name": "cm", "version": "1.0.0", "bin": {"cm": "bin/cli.js"}})
    _pkg(tmp_path, "packages/cm/tsconfig.json", {"include": ["src"], "exclude": ["**/*.input.ts", "**/*.output.ts"]})
    _write(tmp_path, "packages/cm/src/cli.ts", "export {};\n")
    _write(tmp_path, "packages/cm/src/transforms/aliases/basic.input.ts", "import { Old } from 'legacy-lib';\nexport const o = Old;\n")
    _write(tmp_path, "packages/cm/src/transforms/aliases/index.spec.ts",
           "import { readFile } from 'node:fs/promises';\nexport const input = readFile(new URL('./basic.input.ts', import.meta.url), 'utf8');\n")
    assert [d.code for d in lint(tmp_path, ["IMP", "DEP"])] == []
    _pkg(tmp_path, "packages/cm/tsconfig.json", {"include": ["src"]})
    assert [d.code for d in lint(tmp_path, ["IMP", "DEP"])] == ["DEP001"]


def test_a_package_whose_types_file_is_not_written_yet_exports_what_tsc_will_read(tmp_path):
    """`"types": "src/gen/types.d.ts"`, which the package's `prepare` script writes (not committed):
    tsc reads that file, never the source `main` maps to, so a type imported from the package is
    not checked against that source (a real video API's web app: 88 IMP003). Once the file exists,
    its exports decide."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/api/package.json", {"name": "api", "version": "1.0.0", "main": "dist/index.js",
                                                 "types": "src/gen/types.d.ts", "scripts": {"prepare": "node gen.js"}})
    _write(tmp_path, "packages/api/src/index.ts", "export const start = 1;\n")
    _pkg(tmp_path, "packages/web/package.json", {"name": "web", "private": True, "dependencies": {"api": "*"}})
    _write(tmp_path, "packages/web/a.ts", "import type { User } from 'api';\nexport const u: User | null = null;\n")
    assert lint(tmp_path, ["IMP003"]) == []
    _write(tmp_path, "packages/api/src/gen/types.d.ts", "export interface Account { id: string }\n")
    assert [d.code for d in lint(tmp_path, ["IMP003"])] == ["IMP003"]


def test_a_module_a_test_mocks_by_path_with_a_manual_mock_beside_it_exports_the_mocks_names(tmp_path):
    """`jest.mock('./keys')` with `__mocks__/keys.ts` beside `keys.ts`: Jest gives the test the
    mock, whose `__reset` the real module lacks (a real API's tests: 3 IMP003). Without the
    `jest.mock()` call, the real module decides."""
    _pkg(tmp_path, "package.json", {"name": "api", "private": True, "scripts": {"test": "jest"}})
    _write(tmp_path, "src/keys.ts", "export const generate = () => 1;\n")
    _write(tmp_path, "src/__mocks__/keys.ts", "export const generate = () => 2;\nexport const __reset = () => {};\n")
    _write(tmp_path, "src/keys.test.ts", "jest.mock('./keys');\nimport { __reset } from './keys';\n__reset();\n")
    assert lint(tmp_path, ["IMP003"]) == []
    _write(tmp_path, "src/keys.test.ts", "import { __reset } from './keys';\n__reset();\n")
    assert [d.code for d in lint(tmp_path, ["IMP003"])] == ["IMP003"]


@pytest.mark.parametrize("spec, reported", [("latest", False), (None, False), ("file:../a", True)])
def test_without_a_workspace_definition_only_a_local_spec_links_another_folders_package(tmp_path, spec, reported):
    """A published SDK at the root and its examples, each an npm project of its own, one of them
    copied with the SDK's name: with no workspace definition nothing links that example into
    another's node_modules, whose `sdk` comes from the registry (a real auth SDK: 2 IMP003 checked
    against an example's source). A `file:` dependency does link the folder."""
    _pkg(tmp_path, "package.json", {"name": "sdk", "main": "index.js", "types": "index.d.ts"})
    _write(tmp_path, "index.d.ts", "export default class S { static Error: unknown }\n")
    _pkg(tmp_path, "examples/a/package.json", {"name": "sdk", "private": True, "main": "index.js"})
    _write(tmp_path, "examples/a/index.ts", "export const x = 1;\n")
    _pkg(tmp_path, "examples/b/package.json", {"name": "b", "private": True, "dependencies": {"sdk": spec} if spec else {}})
    _write(tmp_path, "examples/b/src/m.ts", "import { Error } from 'sdk';\nexport const e = Error;\n")
    assert [d.code for d in lint(tmp_path, ["IMP003"])] == (["IMP003"] if reported else [])


def test_a_declarations_builds_declaration_dir_wins_over_a_coincidental_source_folder(tmp_path):
    """`"types": "./dist/types/index.d.ts"`, written by `tsc -p tsconfig.declarations.json`
    (`declarationDir: ./dist/types`) while tsconfig.json's outDir is `dist`: the file is the
    declaration of `src/index.ts`, not of the types-only barrel `src/types/index.ts` (a real auth
    SDK: 5 IMP003)."""
    _pkg(tmp_path, "package.json", {"name": "r", "private": True, "workspaces": ["packages/*", "apps/*"]})
    _pkg(tmp_path, "packages/ui/package.json", {"name": "@acme/ui", "version": "1.0.0",
                                                "exports": {".": {"types": "./dist/types/index.d.ts", "import": "./dist/esm/index.js"}},
                                                "scripts": {"build:declarations": "tsc -p tsconfig.declarations.json"}})
    _pkg(tmp_path, "packages/ui/tsconfig.json", {"compilerOptions": {"rootDir": "src", "outDir": "dist"}})
    _pkg(tmp_path, "packages/ui/tsconfig.declarations.json", {"extends": "./tsconfig.json", "compilerOptions": {
        "declarationDir": "./dist/types", "emitDeclarationOnly": True}})
    _write(tmp_path, "packages/ui/src/index.ts", "export const Button = 1;\n")
    _write(tmp_path, "packages/ui/src/types/index.ts", "export type Props = {};\n")
    _pkg(tmp_path, "apps/web/package.json", {"name": "web", "private": True, "dependencies": {"@acme/ui": "*"}})
    _write(tmp_path, "apps/web/src/a.ts", "import { Button, Missing } from '@acme/ui';\nexport const b = [Button, Missing];\n")
    [d] = lint(tmp_path, ["IMP003"])
    assert "packages/ui/src/index.ts has no export named `Missing`" in d.message


def test_a_relative_import_that_climbs_out_of_the_repository_says_so(tmp_path):
    """`../../common/services/cache` from `src/`, one `../` too many (a real service), and `../../../config`
    from `server/src/`, a file deploy steps write beside the clone (another): both find nothing in any
    fresh checkout, so both are reported; the message says the path leaves the repository. One that
    stays inside says nothing of the kind."""
    repo = tmp_path / "clone"
    _pkg(repo, "package.json", {"name": "app", "private": True, "scripts": {"start": "ts-node server/src/main.ts"}})
    _write(repo, "server/src/main.ts", "import { mongoUrl } from '../../../config';\nimport { port } from '../../config';\n\n"
                                       "console.log(mongoUrl, port);\n")
    found = {d.extra.get("specifier"): d for d in lint(repo, ["IMP"])}
    assert sorted(found) == ["../../../config", "../../config"]
    assert "It climbs out of the repository" in found["../../../config"].message
    assert "climbs out" not in found["../../config"].message


@pytest.mark.parametrize("marked, lazy, reported", [(True, True, False), (False, True, True), (True, False, True)])
def test_a_load_on_demand_its_author_marks_ts_ignore_may_name_a_missing_folder(tmp_path, marked, lazy, reported):
    """`// @ts-ignore` above `await import('./plus/app.module.plus')` in a function that loads it only
    when the folder exists: the closed edition's folder the public repository leaves out (a real API
    gateway: 2 IMP002). The author tells tsc the file may be missing, and only that branch loads it.
    Unmarked, or a static import (loaded with the file, always), it is reported."""
    _pkg(tmp_path, "package.json", {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"}})
    _write(tmp_path, "src/core/app.module.core.ts", "export class AppModuleCore {}\n")
    mark = "// @ts-ignore\n" if marked else ""
    load = ("export async function loadModule() {\n  if (!existsSync(`${__dirname}/plus`)) {\n"
            "    return (await import('./core/app.module.core')).AppModuleCore;\n  }\n"
            f"  {mark}  const {{ AppModulePlus }} = await import('./plus/app.module.plus');\n  return AppModulePlus;\n}}\n"
            if lazy else f"{mark}import {{ AppModulePlus }} from './plus/app.module.plus';\nexport const m = AppModulePlus;\n")
    _write(tmp_path, "src/main.ts", "import { existsSync } from 'fs';\n" + load)
    assert [d.code for d in lint(tmp_path, ["IMP002"])] == (["IMP002"] if reported else [])


def test_names_into_a_submodule_or_out_of_the_repository_are_said_so(tmp_path):
    """`gateway/auth/guard` read from `baseUrl` where `.gitmodules` declares `gateway` (absent from an
    archive or an un-updated checkout): a path into the submodule's files, no package to install (a real
    Dota 2 API gateway: 3 DEP001 advising `yarn add gateway`). And a path alias whose targets lie outside
    the repository (`"@acme/shared": ["../shared/src"]`, the parent repository's folder of a submodule)
    says so (a real tutoring gateway: 79 IMP002 that never did)."""
    from tests.helpers import lint as lint_all

    _pkg(tmp_path, "package.json", {"name": "gw", "private": True, "scripts": {"start": "node dist/main.js"}})
    _write(tmp_path, ".gitmodules", '[submodule "gateway"]\n\tpath = gateway\n\turl = https://example.com/gateway.git\n')
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": "./", "paths": {"@acme/shared": ["../shared/src"]}}})
    _write(tmp_path, "src/main.ts", "import { Guard } from 'gateway/auth/guard';\nimport { x } from '@acme/shared';\n"
                                    "export const all = [Guard, x];\n")
    found = {d.code: d for d in lint_all(tmp_path, ["IMP", "DEP001"])}
    assert set(found) == {"IMP002"}, found
    assert "The alias points out of the repository" in found["IMP002"].message


@pytest.mark.parametrize("replacement, reported", [
    ("path.resolve(__dirname, `${editionDir}/$1`)", []),
    ("path.resolve(__dirname, './ce/$1')", ["src/other.ts"]),
])
def test_a_vite_alias_with_a_regex_find_takes_its_prefix_before_a_shorter_alias(tmp_path, replacement, reported):
    """`alias: [{ find: /^@\\/ee\\/(.*)/, replacement: ... }, { find: '@', replacement: './src' }]`: vite
    applies the first entry that matches, so `@/ee/hooks/use-feature` goes to the edition's folder the
    config picks (an open-source edition build: 66 IMP002 read through `@` and tsconfig's `@/ee/*`,
    which names the private edition's folder). A replacement computed at run time is trusted; a
    literal one is followed, `$1` standing for the rest of the specifier."""
    _pkg(tmp_path, "package.json", {"name": "web", "private": True, "scripts": {"build": "vite build"},
                                    "devDependencies": {"vite": "^5.0.0", "typescript": "^5.4.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"baseUrl": ".", "noEmit": True,
                                                         "paths": {"@/ee/*": ["ee/*"], "@/*": ["src/*"]}},
                                     "include": ["src", "ee"]})
    _write(tmp_path, "vite.config.ts", "import { defineConfig, loadEnv } from 'vite';\nimport path from 'path';\n\n"
                                       "export default defineConfig(({ mode }) => {\n"
                                       "  const editionDir = loadEnv(mode, process.cwd(), '').VITE_EDITION === 'ee' ? './ee' : './ce';\n"
                                       "  return { resolve: { alias: [\n"
                                       f"    {{ find: /^@\\/ee\\/(.*)/, replacement: {replacement} }},\n"
                                       "    { find: '@', replacement: path.resolve(__dirname, './src') },\n  ] } };\n});\n")
    _write(tmp_path, "ce/hooks/use-feature.ts", "export function useFeature(): boolean {\n  return false;\n}\n")
    _write(tmp_path, "src/main.ts", "import { useFeature } from '@/ee/hooks/use-feature';\n\nexport const on = useFeature();\n")
    _write(tmp_path, "src/other.ts", "import { gone } from '@/ee/hooks/gone';\n\nexport const off = gone;\n")
    found = lint(tmp_path, ["IMP"])
    assert sorted(os.path.relpath(d.path, tmp_path) for d in found) == reported, [d.message for d in found]


def test_each_missing_name_of_one_import_is_reported_at_that_name(tmp_path):
    """`import { HealthService, HealthResponse, DetailedHealthResponse } from './health.service'`, two
    names missing: one finding each, at the name, as tsc reports them (an education platform's spec:
    two findings at the same column, the specifier's)."""
    _pkg(tmp_path, "package.json", {"name": "svc", "private": True})
    _write(tmp_path, "src/health.service.ts", "export class HealthService {}\n")
    text = ("import { HealthService, HealthResponse, DetailedHealthResponse } from './health.service';\n\n"
            "export const all = [HealthService, HealthResponse, DetailedHealthResponse];\n")
    _write(tmp_path, "src/health.spec.ts", text)
    found = sorted((d.start, d.end) for d in lint(tmp_path, ["IMP003"]))
    assert found == [(text.index("HealthResponse"), text.index("HealthResponse") + len("HealthResponse")),
                     (text.index("DetailedHealthResponse"), text.index("DetailedHealthResponse") + len("DetailedHealthResponse"))]


@pytest.mark.parametrize("ignored, reported", [(True, []), (False, ["IMP003"])])
def test_exports_of_a_module_a_gitignore_names_are_what_a_build_writes(tmp_path, ignored, reported):
    """`export * from './generated/inputs'` where `src/.gitignore` names `generated`: the committed
    files there are `// stubs` a `pre-build` generator overwrites with the real inputs, so what they
    export in the checkout says nothing of the build (a headless CMS's GraphQL clients: 20 IMP003).
    A module the repository keeps as source is read as it stands."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/client/package.json", {"name": "@acme/client", "version": "1.0.0", "main": "src/index.ts",
                                                    "scripts": {"pre-build": "tsx scripts/generate.ts"}})
    if ignored:
        _write(tmp_path, "packages/client/src/.gitignore", "generated\n")
    _write(tmp_path, "packages/client/src/index.ts", "export * from './generated/inputs';\n")
    _write(tmp_path, "packages/client/src/generated/inputs.ts", "// stubs\nexport {};\n")
    _pkg(tmp_path, "packages/app/package.json", {"name": "app", "version": "1.0.0", "main": "src/index.ts",
                                                 "dependencies": {"@acme/client": "1.0.0"}})
    _write(tmp_path, "packages/app/src/index.ts", "import type { MembershipInput } from '@acme/client';\n"
                                                  "export const f = (m: MembershipInput) => m;\n")
    assert [d.code for d in lint(tmp_path, ["IMP003"])] == reported
