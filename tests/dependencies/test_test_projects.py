"""Test code that lives apart: test projects a harness installs the local build into, and test
support folders by name."""

from __future__ import annotations

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import dep, write


def test_a_test_project_importing_the_package_this_repository_builds_gets_the_local_build(tmp_path):
    """`ecosystem-tests/node-ts/` (a project of its own, no workspace member) imports `acme-sdk`, the
    root package's own name, and does not declare it: a harness packs the local build and installs it
    there for the run, and `npm install acme-sdk` would test the registry's release instead (a real
    SDK: 47 DEP001). A registry package the project imports undeclared is still reported, and so is
    the repository's own package imported by a project outside any test folder."""
    files = {
        "package.json": {"name": "acme-sdk", "version": "1.0.0", "main": "dist/index.js",
                         "scripts": {"build": "tsc", "test:eco": "tsx ecosystem-tests/cli.ts"},
                         "devDependencies": {"tsx": "^4.19.0", "typescript": "^5.6.0"}},
        "src/index.ts": "export const hello = () => 'hi';\n",
        "ecosystem-tests/node-ts/package.json": {"name": "node-ts", "private": True, "scripts": {"test": "jest"},
                                                 "devDependencies": {"jest": "^29.5.0"}},
        "ecosystem-tests/node-ts/tests/test.ts": "import { hello } from 'acme-sdk';\nimport chalk from 'chalk';\n\n"
                                                "console.log(chalk.green(hello()));\n",
        "tools/demo/package.json": {"name": "demo", "private": True, "scripts": {"start": "node dist/main.js"}},
        "tools/demo/src/main.ts": "import { hello } from 'acme-sdk';\n\nconsole.log(hello());\n",
    }
    found = dep(write(tmp_path, files), select=("DEP001",))
    assert found == [("DEP001", "ecosystem-tests/node-ts/tests/test.ts", "chalk"), ("DEP001", "tools/demo/src/main.ts", "acme-sdk")]


@pytest.mark.parametrize("script, harness, reported", [
    ("node ./scripts/integration.js", "shell.exec('npm pack');\nshell.cd('integration');\n"
                                      "shell.exec('pnpm add --ignore-workspace ./gamelib-1.0.0.tgz');\n", False),
    ("npm pack && cd integration && npm install ../gamelib-1.0.0.tgz", "", False),
    ("node ./scripts/integration.js", "shell.cd('integration');\nshell.exec('pnpm install');\n", True),  # no pack
    ("node ./scripts/integration.js", "shell.exec('npm pack');\nshell.cd('examples');\n", True),  # packs elsewhere
])
def test_a_project_a_root_script_packs_the_build_into_gets_the_local_build(tmp_path, script, harness, reported):
    """`integration/` (no workspace member, no test-folder name) imports `gamelib`, the root package:
    the root's `test:integration` runs a script that packs the build, installs the tarball there and
    puts the project's package.json back (a board-game framework: 2 DEP001 advising the registry's
    release). Without a pack, or packing for another folder, the import is reported."""
    files = {
        "package.json": {"name": "gamelib", "version": "1.0.0", "packageManager": "pnpm@10.16.0", "main": "dist/index.js",
                         "scripts": {"build": "tsc", "test:integration": script}},
        "src/index.ts": "export const Server = () => 1;\n",
        "scripts/integration.js": "const shell = require('shelljs');\n" + harness,
        "integration/package.json": {"name": "smoke-app", "private": True, "devDependencies": {"typescript": "^5.0.0"},
                                     "scripts": {"typecheck": "tsc -p type-tests/tsconfig.json"}},
        "integration/type-tests/tsconfig.json": {"compilerOptions": {"strict": True, "noEmit": True}, "include": ["check.ts"]},
        "integration/type-tests/check.ts": "import { Server } from 'gamelib';\n\nServer();\n",
    }
    root = write(tmp_path, files)
    found = dep(root, select=("DEP001",))
    assert bool(found) is reported, found
    if script.startswith("node") and not reported:  # a cached run sees the script file stop packing
        first = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=True).diagnostics
        (root / "scripts/integration.js").write_text(files["scripts/integration.js"].replace("npm pack", "npm ci"))
        again = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=True).diagnostics
        assert (len(first), len(again)) == (0, 1)


@pytest.mark.parametrize("folder, reported", [("__integration__", False), ("integration", True)])
def test_a_dunder_integration_folder_holds_tests(tmp_path, folder, reported):
    """`src/__integration__/helpers/db.ts`, which only the Playwright specs beside it import, in a
    published package whose `exports` allow deep imports (`./*`): `__integration__` names tests as
    `__tests__` does (an ERP platform: 3 DEP005 on `pg`). A plain `integration/` folder inside the
    source is the package's code (integrations with other services)."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"],
                         "dependencies": {"pg": "8.22.0"}, "devDependencies": {"@playwright/test": "^1.61.1"}},
        "packages/lib/package.json": {"name": "@acme/lib", "version": "1.0.0", "main": "./dist/index.js",
                                      "exports": {".": "./dist/index.js", "./*": {"types": "./src/*.ts", "default": "./dist/*.js"}},
                                      "scripts": {"build": "tsc -p ."}, "publishConfig": {"access": "public"}},
        "packages/lib/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "module": "commonjs"},
                                       "include": ["src"]},
        "packages/lib/src/index.ts": "export const answer = 42;\n",
        f"packages/lib/src/{folder}/helpers/db.ts": "import { Client } from 'pg';\n\nexport const client = () => new Client();\n",
        f"packages/lib/src/{folder}/TC-001.spec.ts": "import { test, expect } from '@playwright/test';\n"
                                                     "import { client } from './helpers/db';\n\ntest('c', () => expect(client()).toBeTruthy());\n",
    }
    found = dep(write(tmp_path, files), select=("DEP005",))
    assert bool(found) is reported, found


def test_a_testutils_folder_is_test_support(tmp_path):
    """`server/testutils/appSetup.ts`, a helper only tests import, in a folder named `testutils` (as
    `test-utils` and `testUtils` are): test support, whose devDependency imports are fine (a real
    government service template: 1 DEP002 asking to move jsonwebtoken to dependencies)."""
    files = {
        "package.json": {"name": "svc", "version": "1.0.0", "private": True, "scripts": {"start": "node dist/server.js"},
                         "dependencies": {"express": "^4.21.0"}, "devDependencies": {"jsonwebtoken": "^9.0.2"}},
        "server/server.ts": "import express from 'express';\n\nexport const app = express();\n",
        "server/testutils/appSetup.ts": "import jwt from 'jsonwebtoken';\n\nexport const token = () => jwt.sign({}, 'x');\n",
    }
    assert dep(write(tmp_path, files)) == []


def test_a_dunder_test_utils_folder_and_a_top_dev_harness_are_not_shipped(tmp_path):
    """`src/__testUtils__/render.tsx` (test support named in the dunder style, also with a hyphen:
    `__test-helpers__`) and `dev/index.ts` (the
    local development backend a plugin's `start` script boots with mocked services, beside `src/`): no
    entry reaches them, and their devDependency imports are fine (a real Backstage plugin collection:
    4 DEP002, in private plugins too). A `dev/` folder inside `src/` is production code and stays
    checked."""
    files = {
        "package.json": {"name": "@acme/plugin-todo-backend", "version": "0.1.0", "private": True,
                         "main": "src/index.ts", "scripts": {"start": "backstage-cli package start"},
                         "dependencies": {"@backstage/backend-plugin-api": "^1.4.0"},
                         "devDependencies": {"@backstage/backend-test-utils": "^1.9.0", "@testing-library/react": "^16.0.0"}},
        "src/index.ts": "import { createBackendPlugin } from '@backstage/backend-plugin-api';\n\n"
                        "export default createBackendPlugin({ pluginId: 'todo', register() {} });\n",
        "dev/index.ts": "import { mockServices } from '@backstage/backend-test-utils';\n\nexport const auth = mockServices.auth;\n",
        "src/__testUtils__/render.ts": "import { render } from '@testing-library/react';\n\nexport const r = render;\n",
    }
    assert dep(write(tmp_path / "harness", files)) == []
    # a hyphen in the dunder name too: a Jest matcher in `lib/__test-helpers__/` (an API library: its
    # undeclared `expect` had been advised for dependencies)
    hyphen = {("src/__test-helpers__/render.ts" if k == "src/__testUtils__/render.ts" else k): v for k, v in files.items()}
    assert dep(write(tmp_path / "hyphen", hyphen)) == []
    inside = {**files, "src/dev/tools.ts": "import { mockServices } from '@backstage/backend-test-utils';\n\n"
                                          "export const tools = mockServices;\n"}
    assert ("DEP002", "src/dev/tools.ts", "@backstage/backend-test-utils") in dep(write(tmp_path / "inside", inside))


def test_a_file_only_tests_reach_in_a_library_its_users_bundle_is_in_no_bundle(tmp_path):
    """A private library that ships only inside a vite app's bundle: its `env.ts`, which the entry
    reaches, is bundled and must declare zod; its `admin.ts`, which only a test imports, is in no
    bundle at all, so the root's hoisted zod serves it as it serves any test support (a real
    bookmarking monorepo: 2 DEP001 that appeared once the library counted as bundled)."""
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*", "apps/*"],
                         "devDependencies": {"vitest": "^2.0.0"}},
        "package-lock.json": {"lockfileVersion": 3, "packages": {
            "": {"name": "root", "devDependencies": {"vitest": "^2.0.0"}},
            "apps/api": {"name": "api", "dependencies": {"zod": "^3.23.0"}},
            "node_modules/zod": {"version": "3.23.8"}}},
        "apps/api/package.json": {"name": "api", "private": True, "dependencies": {"zod": "^3.23.0"}},
        "packages/lib/package.json": {"name": "@acme/lib", "private": True, "exports": {".": "./src/index.ts"},
                                      "scripts": {"test": "vitest"}},
        "packages/lib/src/index.ts": "export { env } from './env';\n",
        "packages/lib/src/env.ts": "import { z } from 'zod';\nexport const env = z.string().parse('x');\n",
        "packages/lib/src/admin.ts": "import { z } from 'zod';\nexport const admin = z.number();\n",
        "packages/lib/src/admin.test.ts": "import { test } from 'vitest';\nimport { admin } from './admin';\n"
                                          "test('a', () => { admin.parse(1); });\n",
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"build": "vite build"},
                                  "dependencies": {"@acme/lib": "*"}, "devDependencies": {"vite": "^6.0.0"}},
        "apps/web/index.html": "<script type=\"module\" src=\"/src/main.ts\"></script>\n",
        "apps/web/src/main.ts": "import { env } from '@acme/lib';\nconsole.log(env);\n",
    }
    assert [(code, path) for code, path, _ in dep(write(tmp_path, files), select=("DEP001",))] == [
        ("DEP001", "packages/lib/src/env.ts")]


@pytest.mark.parametrize("scripts, dev, reported", [
    ({"start": "bun run src/index.ts", "test": "bun test"}, {"@types/bun": "latest"}, False),
    ({"start": "bun run src/index.ts", "test": "bun test --coverage"}, {"jest": "^29.7.0"}, True),
    ({"start": "bun run src/index.ts", "test": "vitest run"}, {"vitest": "^2.0.0"}, True)])
def test_jest_globals_in_a_test_bun_runs_is_served_by_bun(tmp_path, scripts, dev, reported):
    """`bun test` rewrites imports of `@jest/globals` to its own `bun:test` (Bun's Jest migration
    guide): a test of a package whose tests Bun runs loads it with nothing installed (a real backend:
    1 DEP001 among tests importing `bun:test`). With Jest declared beside it, or another runner, the
    package is what loads: reported."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*"]},
        "apps/api/package.json": {"name": "@mono/api", "module": "src/index.ts", "type": "module", "scripts": scripts,
                                  "dependencies": {"hono": "^4.0.0"}, "devDependencies": dev},
        "apps/api/src/index.ts": "export const add = (a: number, b: number) => a + b;\n",
        "apps/api/src/__tests__/add.test.ts": "import { describe, it, expect } from '@jest/globals';\n"
                                              "import { add } from '../index';\n\n"
                                              "describe('add', () => { it('adds', () => expect(add(1, 2)).toBe(3)); });\n",
    })
    assert [(c, p) for c, _, p in dep(root, select=("DEP001",))] == ([("DEP001", "@jest/globals")] if reported else [])



@pytest.mark.parametrize("include, reported", [
    ('["../../tests/api/**/*.test.ts"]', []),  # the member's Vitest runs them: its install serves them
    ('["src/**/*.test.ts"]', ["drizzle-orm", "ms", "vitest"]),  # nothing runs them from the member
    ('["../../**/*.test.ts"]', ["drizzle-orm", "ms", "vitest"]),  # the whole repository: no folder of its own
])
def test_tests_a_members_vitest_runs_from_outside_its_folder_use_its_install(tmp_path, include, reported):
    """`tests/api/` at the repository's top, outside every package, holds the API's tests, which
    only `apps/api/vitest.config.ts` runs (`include: ["../../tests/api/**/*.test.ts"]`): Vitest
    resolves what they import from its project's root too (checked with pnpm's isolated install, no
    hoisting), so the API's manifest serves them and its helpers (a task manager: 118 DEP001 asking
    the private root to declare the API's packages). A package the API does not declare is still
    reported."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "packageManager": "pnpm@10.32.1",
                         "devDependencies": {"typescript": "^5.9.0"}},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n",
        "apps/api/package.json": {"name": "@acme/api", "private": True, "type": "module",
                                  "scripts": {"test": "vitest run --config vitest.config.ts"},
                                  "dependencies": {"drizzle-orm": "^0.45.2"}, "devDependencies": {"vitest": "^4.1.10"}},
        "apps/api/vitest.config.ts": 'import { defineConfig } from "vitest/config";\n\n'
                                     f'export default defineConfig({{ test: {{ environment: "node", include: {include} }} }});\n',
        "apps/api/src/index.ts": 'import { sql } from "drizzle-orm";\nexport const ping = sql`select 1`;\n',
        "tests/api/ping.test.ts": 'import { describe, expect, it } from "vitest";\nimport { ping } from "../../apps/api/src/index";\n'
                                  'import { sql } from "./helpers";\n\ndescribe("ping", () => { it("is sql", () => expect(ping).toEqual(sql)); });\n',
        "tests/api/helpers.ts": 'import { sql as q } from "drizzle-orm";\nimport ms from "ms";\nexport const sql = q`select ${ms("1s")}`;\n',
    })
    found = sorted({p for c, _, p in dep(root, select=("DEP001",))})
    assert found == (["ms"] if not reported else reported)


@pytest.mark.parametrize("plugin_scripts, tsconfig_exclude, reported", [
    ({}, ["dist"], []),  # the server's tsconfig compiles the plugin's models into its own output
    ({}, ["dist", "plugins/**"], ["@typegoose/typegoose"]),  # excluded: the server compiles none of it
    ({"build": "tsc", "start": "node index.js"}, ["dist"], ["@typegoose/typegoose"]),  # built and started on its own
])
def test_a_nested_member_the_enclosing_members_tsconfig_compiles_is_served_by_its_install(
        tmp_path, plugin_scripts, tsconfig_exclude, reported):
    """A chat server's plugins are workspace members nested in the server's folder, with no build or
    start of their own: the server's tsconfig (`include: ["./**/*"]`, an outDir) compiles their
    models into its output, which runs with the server's install, so its `dependencies` (the one
    shared mongoose and typegoose) serve them (a chat platform: 10 DEP001 asking each plugin for a
    second copy). A plugin the tsconfig leaves out, or that builds and starts on its own, keeps them."""
    root = write(tmp_path, {
        "package.json": {"name": "chat", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - server\n  - server/plugins/*\n",
        "server/package.json": {"name": "chat-server", "private": True,
                                "scripts": {"build": "tsc -p .", "start": "node dist/services/main.js"},
                                "dependencies": {"@typegoose/typegoose": "9.3.1", "mongoose": "6.1.1"},
                                "devDependencies": {"typescript": "^5.4.0"}},
        "server/tsconfig.json": {"compilerOptions": {"outDir": "dist", "module": "commonjs", "experimentalDecorators": True},
                                 "include": ["./**/*"], "exclude": tsconfig_exclude},
        "server/services/main.ts": "import mongoose from 'mongoose';\nmongoose.connect(process.env.MONGO_URL ?? '');\n",
        "server/plugins/github/package.json": {"name": "chat-plugin-github", "private": True, "version": "1.0.0",
                                               "main": "index.js", "scripts": plugin_scripts,
                                               "dependencies": {"@octokit/webhooks-types": "^5.4.0"}},
        "server/plugins/github/models/repo.ts": "import { prop, getModelForClass } from '@typegoose/typegoose';\n\n"
                                                "export class Repo { @prop() name!: string; }\n"
                                                "export const RepoModel = getModelForClass(Repo);\n",
    })
    assert sorted({p for c, _, p in dep(root, select=("DEP001",))}) == reported


@pytest.mark.parametrize("importer, private, reported", [
    ("modules/cards/__tests__/cards.test.ts", True, []),  # only another package's tests take the helper
    ("modules/cards/src/seed.ts", True, ["seeder"]),  # production code of another package loads it
    ("modules/cards/__tests__/cards.test.ts", False, ["seeder"]),  # published: its users' code may load it
])
def test_a_helper_only_other_packages_tests_import_is_test_support(tmp_path, importer, private, reported):
    """A private database package keeps factories under `src/testing/` for the workspace's tests, and
    only other packages' tests import them, by the package's name (a finance monorepo: its seeder a
    devDependency on purpose, reported as shipping). No registry takes a private package, so the
    files of the workspace that import it are all that load it beside its entries: when each is a test,
    the helper is test support. A production file importing it, or a published package (whose users'
    code may deep-import it), keeps the finding."""
    db = {"name": "@core/db", "version": "1.0.0", "type": "module",
          "exports": {"./client": {"types": "./dist/client.d.ts", "default": "./dist/client.js"},
                      "./testing/*": {"types": "./dist/testing/*.d.ts", "default": "./dist/testing/*.js"}},
          "scripts": {"build": "tsc --build"}, "dependencies": {"pg": "^8.0.0"},
          "devDependencies": {"seeder": "^1.0.0", "typescript": "^5.0.0"}}
    if private:
        db["private"] = True
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["core/*", "modules/*"]},
        "core/db/package.json": db,
        "core/db/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "declaration": True,
                                                      "module": "nodenext"}, "include": ["src"]},
        "core/db/src/client.ts": "import pg from 'pg';\nexport const pool = new pg.Pool();\n",
        "core/db/src/testing/factories.ts": "import { seed } from 'seeder';\nexport const seedCards = () => seed({ count: 3 });\n",
        "modules/cards/package.json": {"name": "@modules/cards", "private": True, "type": "module",
                                       "exports": {".": "./src/index.ts"}, "scripts": {"test": "vitest run"},
                                       "dependencies": {"@core/db": "*"}, "devDependencies": {"vitest": "^3.0.0"}},
        "modules/cards/tsconfig.json": {"compilerOptions": {"module": "nodenext",
                                                            "paths": {"@core/db/*": ["../../core/db/src/*"]}},
                                        "include": ["src", "__tests__"]},
        "modules/cards/src/index.ts": "import { pool } from '@core/db/client';\nexport const listCards = () => pool.query('select 1');\n",
        importer: "import { seedCards } from '@core/db/testing/factories';\nexport const ready = () => seedCards();\n",
    })
    if importer.endswith("seed.ts"):
        write(root, {"modules/cards/src/index.ts": "import { pool } from '@core/db/client';\nimport { ready } from './seed';\n"
                                                   "export const listCards = () => ready() && pool.query('select 1');\n"})
    assert sorted({p for c, _, p in dep(root, select=("DEP002",))}) == reported


@pytest.mark.parametrize("project_file, scripts, reported", [
    ("Cargo.toml", {}, []),  # a Rust crate's schema, which its program hands to a CLI
    ("go.mod", {}, []),
    (None, {}, ["sync-tools"]),  # a stray file of the root's tooling: the dead-code warning stays
    # a script of the package runs it (a shell script's `ts-node ./test/integrations/generator.ts` beside a
    # Python helper's pyproject.toml): the package's own tool, whose imports its install serves
    ("pyproject.toml", {"gen": "ts-node examples/server-rs/schema.ts"}, ["sync-tools"]),
])
def test_a_typescript_file_inside_another_languages_project_is_not_the_roots(tmp_path, project_file, scripts, reported):
    """`examples/server-rs/schema.ts` in a Rust crate with no package.json (a member of the root's
    Cargo workspace), read by a CLI the crate's `main.rs` runs: the root's tooling manifest is not its
    install, and nothing JavaScript reaching it is no sign of dead code (a sync engine: 5 DEP001 asking
    the root to declare the schema's library)."""
    files = {
        "package.json": {"name": "mono", "private": True, "scripts": scripts, "devDependencies": {"typescript": "^5.6.0"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "packages/sync-tools/package.json": {"name": "sync-tools", "version": "1.0.0", "main": "src/index.ts"},
        "packages/sync-tools/src/index.ts": "export const schema = { table: (name: string) => ({ name }) };\n",
        "examples/server-rs/src/main.rs": "fn main() {}\n",
        "examples/server-rs/schema.ts": "import { schema } from 'sync-tools';\nexport const todos = schema.table('todos');\n",
    }
    if project_file:
        files[f"examples/server-rs/{project_file}"] = "[package]\nname = \"todo-server\"\n"
    assert sorted({p for c, _, p in dep(write(tmp_path, files), select=("DEP001",))}) == reported


@pytest.mark.parametrize("project_file, reported", [("go.mod", []), (None, ["IMP002"])])
def test_a_go_modules_golden_typescript_files_are_its_tests_data(tmp_path, project_file, reported):
    """A Go code generator's tests compare its output with `testdata/tsapp/expected_shared.ts`, in a
    repository whose root is a Go module with no package.json anywhere: the file is that test's data,
    whose imports name the generated app's aliases (a backend framework: 5 IMP002 errors "counted as
    shipping"). With no other language's project around it, its broken import is reported."""
    files = {
        "pkg/clientgen/client_test.go": "package clientgen\n",
        "pkg/clientgen/testdata/tsapp/tsconfig.json": {"compilerOptions": {"paths": {"~backend/*": ["./*"]}}},
        "pkg/clientgen/testdata/tsapp/expected_shared.ts": "import type { Req } from '~backend/svc/svc';\n"
                                                           "export type R = Req;\n",
    }
    if project_file:
        files[project_file] = "module example.com/acme\n\ngo 1.22\n"
    root = write(tmp_path, files)
    found = pipeline.lint([str(root)], Settings(select=["IMP", "DEP"]), use_cache=False).diagnostics
    assert [d.code for d in found] == reported
