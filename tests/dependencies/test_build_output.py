"""A file no entry point reaches ships by presumption, unless the package's build is tsc alone and
never emits it (model/build_output.py, model/build_programs.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.model.build_programs import build_tsconfigs
from migrationlint.settings import Settings
from migrationlint.model.workspace import read_manifest
from tests.dependencies.test_shipping import dep, write
from tests.helpers import cli


def _library(build: str, extra: dict[str, object] | None = None) -> dict[str, object]:
    """A published library whose `src/gen` is a code generator the build tsconfig excludes: run
    before the build (`generate`), it writes `src/tables.ts` and never ships."""
    return {
        "package.json": {"name": "@acme/schemas", "version": "1.0.0", "main": "./lib/index.js", "files": ["lib"],
                         "scripts": {"generate": "ts-node src/gen/index.ts", "build": build},
                         "dependencies": {"zod": "^3.23.0"},
                         "devDependencies": {"pluralize": "^8.0.0", "typescript": "^5.5.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "lib", "rootDir": "src"}, "include": ["src"]},
        "tsconfig.build.json": {"extends": "./tsconfig.json", "exclude": ["src/gen"]},
        "src/index.ts": "export * from './tables';\n",
        "src/tables.ts": "import { z } from 'zod';\nexport const Table = z.object({ id: z.string() });\n",
        "src/gen/index.ts": "import { plural } from './words';\nconsole.log(plural('table'));\n",
        "src/gen/words.ts": "import pluralize from 'pluralize';\nexport const plural = (w: string) => pluralize(w);\n",
        **(extra or {}),
    }


def test_a_file_the_tsc_build_never_emits_does_not_ship(tmp_path):
    """`tsc -p tsconfig.build.json` over a project that excludes `src/gen`: the generator's files
    are not in the output (a real published package: 7 DEP002 asking to add its generator's tools
    to dependencies). Run as `ts-node src/gen/index.ts` by a script, the entry is also a tool; its
    helper is what the build decides."""
    root = write(tmp_path, _library("pnpm generate && tsc -p tsconfig.build.json"))
    assert dep(root) == []
    out = cli("--explain-file", "src/gen/words.ts", cwd=root).stdout.decode()
    assert "the package's build is tsc over tsconfig.build.json, which neither includes it nor imports it" in out


def test_a_generator_a_shell_script_compiles_before_the_build_is_no_build_output(tmp_path):
    """`"generate": "./generate.sh"`, whose `tsc -p tsconfig.build.gen.json` compiles the generator
    into `lib/` before the build empties it (`rm -rf lib/ && tsc -p tsconfig.build.json`): the
    shell script's lines say nothing of what the build emits (they are read for whether a bundler
    runs), so the generator stays out of the build output."""
    root = write(tmp_path, _library("pnpm generate && rm -rf lib/ && tsc -p tsconfig.build.json", {
        "tsconfig.build.gen.json": {"extends": "./tsconfig.json", "include": ["src/gen"]},
        "generate.sh": "#!/bin/sh\nrm -rf lib/\npnpm exec tsc -p tsconfig.build.gen.json\nnode lib/gen/index.js\n"}))
    manifest = root / "package.json"
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "scripts": {**data["scripts"], "generate": "./generate.sh"}}))
    assert dep(root) == []


def test_what_an_included_file_imports_is_emitted_and_ships(tmp_path):
    """tsc emits what the included files import, excluded or not: the generator's helper, imported
    by a file the build compiles, is in the output (and may be loaded by whatever loads that file)."""
    root = write(tmp_path, _library("tsc -p tsconfig.build.json", {
        "src/extra.ts": "import { plural } from './gen/words';\nexport const label = plural('row');\n"}))
    assert dep(root) == [("DEP002", "src/gen/words.ts", "pluralize")]


@pytest.mark.parametrize("build", [
    "tsc -p tsconfig.build.json && esbuild src/gen/index.ts --outfile=lib/gen.js",  # another compiler: output unknown
    "tsc -p tsconfig.build.json --emitDeclarationOnly && node build.mjs",  # the JavaScript comes from elsewhere
    "tsc -p tsconfig.build.json && nx run-many -t build",  # a task runner building by its configuration
    "./build.sh",  # no tsc command at all
    "tsc src/gen/index.ts --outDir lib",  # files named: compiled without the tsconfig
])
def test_a_build_that_is_not_tsc_over_projects_decides_nothing(tmp_path, build):
    root = write(tmp_path, _library(build))
    assert dep(root) == [("DEP002", "src/gen/words.ts", "pluralize")]


@pytest.mark.parametrize(("build", "ships"), [("tsc", False), ("tsc -b", True)])
def test_only_build_mode_compiles_the_projects_a_tsconfig_references(tmp_path, build, ships):
    """A plugin's server build is `tsc` over a tsconfig that excludes its dashboard and the
    generated client the dashboard imports, and references the dashboard's own project (for the
    editor). Plain `tsc` compiles only the project it is given, so the generated client is not in
    the output and its library is a dev tool (a real plugin collection: 84 fixes adding a dashboard
    client library to `dependencies`); `tsc -b` builds the referenced project too."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/plugin", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"],
                         "scripts": {"build": build}, "devDependencies": {"gql.tada": "^1.9.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist"}, "include": ["src"],
                          "exclude": ["src/gql", "src/dashboard"], "references": [{"path": "./tsconfig.dashboard.json"}]},
        "tsconfig.dashboard.json": {"compilerOptions": {"composite": True, "outDir": "dist/dashboard"},
                                    "include": ["src/gql/**/*.ts", "src/dashboard/**/*.ts"]},
        "src/index.ts": "export const id = 'plugin';\n",
        "src/gql/graphql.ts": "import { initGraphQLTada } from 'gql.tada';\nexport const graphql = initGraphQLTada();\n",
        "src/dashboard/index.ts": "import { graphql } from '../gql/graphql';\nexport const query = graphql('query { me }');\n",
    })
    assert dep(root) == ([("DEP002", "src/gql/graphql.ts", "gql.tada")] if ships else [])


def test_the_projects_a_build_compiles(tmp_path):
    """`tsc` alone compiles tsconfig.json; `-p` a file or a folder; `-b` its projects (and their
    references); `--noEmit` is a type check; `nest build` compiles nest-cli.json's tsConfigPath, by
    default tsconfig.build.json, but not with the swc builder; in a Nest monorepo every project's
    tsConfigPath, when each is known and webpack is off."""
    def projects(scripts: dict[str, str], files: dict[str, object] | None = None) -> list[str] | None:
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        write(root, {"package.json": {"name": "x", "scripts": scripts}, "tsconfig.build.json": {}, **(files or {})})
        found = build_tsconfigs(read_manifest(str(root / "package.json")))
        return None if found is None else [Path(p.path).relative_to(root).as_posix() for p in found]

    assert projects({"build": "rimraf lib && tsc"}) == ["tsconfig.json"]
    assert [p.with_references for p in build_tsconfigs(read_manifest(str(write(tmp_path / "modes", {
        "package.json": {"name": "x", "scripts": {"build": "tsc -p a.json && tsc -b b.json"}}}) / "package.json")))] \
        == [False, True]
    assert projects({"build": "tsc -p config/lib && tsc-alias -p tsconfig.json"}) == ["config/lib/tsconfig.json"]
    assert projects({"build": "tsc --noEmit && npm run compile", "compile": "tsc -b tsconfig.build.json --verbose"}) \
        == ["tsconfig.build.json"]
    assert projects({"build": "tsc --noEmit"}) is None
    assert projects({"build": "nest build"}) == ["tsconfig.build.json"]
    assert projects({"build": "nest build"}, {"nest-cli.json": {"compilerOptions": {"builder": "swc"}}}) is None
    assert projects({"build": "nest build"}, {"nest-cli.json": {"monorepo": True, "projects": {}}}) is None
    assert projects({"build": "nest build"}, {"nest-cli.json": {"compilerOptions": {"tsConfigPath": "tsconfig.app.json"}}}) is None
    assert projects({"build": "vite build && tsc"}) is None
    # a babel pass over tsc's own output folder compiles no source (a real library's pure-call notes:
    # 107 DEP002/DEP005 on benchmarks and type tests outside its project); babel over sources does
    assert projects({"build": "tsc -b tsconfig.json && pnpm babel",
                     "babel": "babel dist --plugins annotate-pure-calls --out-dir dist --source-maps"}) == ["tsconfig.json"]
    assert projects({"build": "tsc -b && swc ./dist -d dist"}) == ["tsconfig.json"]
    assert projects({"build": "tsc -b && babel src --out-dir dist"}) is None
    assert projects({"build": "tsc -b && babel dist src --out-dir dist"}) is None
    # a Nest monorepo (webpack by default) builds one app per command, each in its own pipeline: what
    # it emits is every project's tsConfigPath, when webpack is off (a real monorepo's `nest build
    # base-system` left a one-off script beside the apps counted as shipping)
    app = {"type": "application", "root": "apps/api", "compilerOptions": {"tsConfigPath": "apps/api/tsconfig.app.json"}}
    lib = {"type": "library", "root": "libs/db", "compilerOptions": {"tsConfigPath": "libs/db/tsconfig.lib.json"}}
    mono = {"monorepo": True, "root": "apps/api", "compilerOptions": {"webpack": False},
            "projects": {"api": app, "db": lib}}
    files = {"nest-cli.json": mono, "apps/api/tsconfig.app.json": {}, "libs/db/tsconfig.lib.json": {}}
    both = ["apps/api/tsconfig.app.json", "libs/db/tsconfig.lib.json"]
    assert projects({"build": "nest build api"}, files) == both
    assert projects({"build": "nest build"}, files) == both
    webpack = {**files, "nest-cli.json": {**mono, "compilerOptions": {}}}
    assert projects({"build": "nest build api"}, webpack) is None
    unset = {**files, "nest-cli.json": {**mono, "projects": {"api": app, "db": {"type": "library"}}}}
    assert projects({"build": "nest build api"}, unset) is None  # one project's program is unknown
    assert projects({"build": "nest build api"}) is None  # a name, but no monorepo to find it in
    # a library deleted but left in nest-cli.json has nothing to emit (a real monorepo's stale `email`
    # entry made a legacy main.ts its tsconfig excludes count as shipping); a folder without its config stays unknown
    gone = {**files, "nest-cli.json": {**mono, "projects": {"api": app, "db": lib, "mail": {
        "type": "library", "root": "libs/mail", "compilerOptions": {"tsConfigPath": "libs/mail/tsconfig.lib.json"}}}}}
    assert projects({"build": "nest build api"}, gone) == both
    assert projects({"build": "nest build api"}, {**gone, "libs/mail/src/index.ts": "export {};\n"}) is None


def test_an_nx_library_built_by_the_tsc_executor_ships_what_its_tsconfig_compiles(tmp_path):
    """An Nx library published from its `@nx/js:tsc` build (`tsConfig: {projectRoot}/tsconfig.lib.json`,
    which excludes the specs and their `mock-utils` helpers): the helpers only specs import are not
    in the output, so their imports of root devDependencies are no DEP005 (a real Nx repository: 24,
    whose fixes added test tools to published packages' dependencies). A target that bundles
    (`@nx/esbuild:esbuild`) leaves the output unknown."""
    lib = "libs/rules"
    project = {"name": "rules", "targets": {
        "build": {"executor": "@nx/js:tsc", "options": {"tsConfig": "{projectRoot}/tsconfig.lib.json",
                                                        "outputPath": "dist/{projectRoot}"}},
        "publish": {"executor": "nx:run-commands", "options": {"commands": ["node tools/publish.mjs rules"]}},
        "test": {"executor": "@nx/jest:jest", "options": {"jestConfig": "{projectRoot}/jest.config.ts"}}}}
    files = {
        "package.json": {"name": "@acme/source", "version": "0.0.0", "dependencies": {"lodash": "^4.17.21"},
                         "devDependencies": {"@faker-js/faker": "^9.0.0", "nx": "21.0.0", "typescript": "^5.6.0"}},
        "nx.json": {},
        f"{lib}/package.json": {"name": "@acme/rules", "version": "1.0.0", "main": "./src/index.js",
                                "dependencies": {"lodash": "^4.17.21"}},
        f"{lib}/project.json": project,
        f"{lib}/tsconfig.json": {"compilerOptions": {"module": "commonjs"}},
        f"{lib}/tsconfig.lib.json": {"extends": "./tsconfig.json", "compilerOptions": {"outDir": "../../dist/out-tsc"},
                                     "include": ["src/**/*.ts"],
                                     "exclude": ["src/**/*.spec.ts", "src/lib/mock-utils/**/*.ts"]},
        f"{lib}/src/index.ts": "export { shout } from './lib/shout';\n",
        f"{lib}/src/lib/shout.ts": "import { upperCase } from 'lodash';\nexport const shout = (s: string) => upperCase(s);\n",
        f"{lib}/src/lib/mock-utils/index.ts": "import { faker } from '@faker-js/faker';\n"
                                              "export const sampleWord = () => faker.word.noun();\n",
        f"{lib}/src/lib/shout.spec.ts": "import { shout } from './shout';\nimport { sampleWord } from './mock-utils';\n"
                                        "it('shouts', () => shout(sampleWord()));\n",
    }
    assert dep(write(tmp_path / "tsc", files)) == []
    bundled = {**files, f"{lib}/project.json": {**project, "targets": {
        **project["targets"], "bundle": {"executor": "@nx/esbuild:esbuild", "options": {"main": f"{lib}/src/index.ts"}}}}}
    assert dep(write(tmp_path / "esbuild", bundled)) == [("DEP005", f"{lib}/src/lib/mock-utils/index.ts", "@faker-js/faker")]
    # compiled by the build (the tsconfig keeps mock-utils), the helper only specs import is in the
    # output: it ships unless the published package.json lets no consumer deep-import it, which Nx's
    # `generateExportsField` makes it do (exports for the main entry only)
    compiled = {**files, f"{lib}/tsconfig.lib.json": {**files[f"{lib}/tsconfig.lib.json"], "exclude": ["src/**/*.spec.ts"]}}
    assert dep(write(tmp_path / "compiled", compiled)) == [("DEP005", f"{lib}/src/lib/mock-utils/index.ts", "@faker-js/faker")]
    build = project["targets"]["build"]
    sealed = {**compiled, f"{lib}/project.json": {**project, "targets": {**project["targets"], "build": {
        **build, "options": {**build["options"], "generateExportsField": True}}}}}
    assert dep(write(tmp_path / "sealed", sealed)) == []


def test_the_source_an_exports_condition_names_is_what_the_built_entry_comes_from(tmp_path):
    """`"@source": "./server/index.ts"` beside `"require": "./build/index.cjs"`: the package states
    what `build/` is built from, so `main: ./build/index.cjs` is not `src/index.tsx` (the browser
    panel vite bundles, under a type-check-only tsconfig with `outDir: build`). A real game-server
    monorepo: 31 DEP002 on React imports of the panel, 6 IMP003 against the wrong entry file."""
    panel = {
        "name": "@acme/panel", "version": "1.2.0", "main": "./build/index.cjs", "types": "./build/index.d.ts",
        "exports": {".": {"@source": "./server/index.ts", "types": "./build/index.d.ts", "require": "./build/index.cjs"}},
        "files": ["build"], "scripts": {"build": "vite build && tsc -p tsconfig.server.json"},
        "dependencies": {"express": "^4.21.0"},
        "devDependencies": {"react-dom": "^18.2.0", "vite": "^5.0.0", "typescript": "^5.6.0"},
    }
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/panel/package.json": panel,
        "packages/panel/tsconfig.json": {"compilerOptions": {"outDir": "build", "noEmit": True, "jsx": "react-jsx"},
                                         "include": ["src/**/*.tsx", "server/**/*.ts"]},
        "packages/panel/tsconfig.server.json": {"compilerOptions": {"outDir": "build", "rootDir": "server"},
                                                "include": ["server/**/*.ts"]},
        "packages/panel/vite.config.ts": "import { defineConfig } from 'vite';\n\nexport default defineConfig({ build: { outDir: 'build/static' } });\n",
        "packages/panel/src/index.tsx": "import { createRoot } from 'react-dom/client';\nimport type { PanelOptions } from '../';\n\n"
                                        "const opts: PanelOptions = { title: 'rooms' };\ncreateRoot(document.body).render(<h1>{opts.title}</h1>);\n",
        "packages/panel/server/index.ts": "import express from 'express';\n\nexport interface PanelOptions { title: string }\n"
                                          "export function panel(): unknown {\n  return express.Router();\n}\n",
        "packages/app/package.json": {"name": "@acme/app", "private": True,
                                      "dependencies": {"@acme/panel": "*", "express": "^4.21.0"}},
        "packages/app/src/main.ts": "import express from 'express';\nimport { panel } from '@acme/panel';\n\nexpress().use(panel());\n",
    })
    assert dep(root, select=("DEP", "IMP")) == []
    (root / "packages/app/src/main.ts").write_text("import { panels } from '@acme/panel';\n\nconsole.log(panels);\n")
    assert dep(root, select=("IMP",)) == [("IMP003", "packages/app/src/main.ts", "")]


def _plugin(files: list[str], build: str = "backstage-cli package build") -> dict[str, object]:
    """A published plugin whose `dev/index.ts` is a local harness its `start` script runs beside the
    source its entry points come from."""
    return {
        "package.json": {"name": "@acme/plugin-widgets", "version": "1.0.0", "main": "src/index.ts",
                         "publishConfig": {"main": "dist/index.cjs.js"}, "files": files,
                         "scripts": {"start": "backstage-cli package start", "build": build},
                         "dependencies": {"@acme/plugin-api": "^1.0.0"},
                         "devDependencies": {"@acme/dev-server": "^1.0.0", "typescript": "^5.5.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist"}, "include": ["src", "dev"]},
        "src/index.ts": "import { createPlugin } from '@acme/plugin-api';\nexport const widgets = createPlugin('widgets');\n",
        "dev/index.ts": "import { createDevServer } from '@acme/dev-server';\ncreateDevServer().add(import('../src')).start();\n",
    }


def test_a_folder_files_does_not_publish_beside_the_entries_does_not_ship(tmp_path):
    """`"files": ["dist"]` and a `dev/` harness beside `src/`, where the entry comes from (a plugin
    layout a framework's CLI generates; 60 DEP002 on six real repositories asking to move dev
    servers into dependencies): `dev/` is neither packed nor reached by the build from the
    entries. Published by `files`, or compiled by a tsc-only build, it ships as before."""
    root = write(tmp_path / "plugin", _plugin(["dist"]))
    assert dep(root) == []
    out = cli("--explain-file", "dev/index.ts", cwd=root).stdout.decode()
    assert 'it lies in dev/, a folder that package.json "files" does not publish' in out
    assert dep(write(tmp_path / "listed", _plugin(["dist", "dev"]))) == [("DEP002", "dev/index.ts", "@acme/dev-server")]
    assert dep(write(tmp_path / "tsc", _plugin(["dist"], build="tsc"))) == [("DEP002", "dev/index.ts", "@acme/dev-server")]
    # a script naming the folder may build it into the published output (a compiler run over it)
    named = _plugin(["dist"], build="swc ./dev -d dist/dev")
    assert dep(write(tmp_path / "named", named)) == [("DEP002", "dev/index.ts", "@acme/dev-server")]
    unlisted = _plugin(["dist"])
    del unlisted["package.json"]["files"]
    assert dep(write(tmp_path / "unlisted", unlisted)) == [("DEP002", "dev/index.ts", "@acme/dev-server")]
    # a helper at the package's top, which `files` does not list and no entry reaches (an icon set's
    # `svg-string.ts` beside its generator: "counted as shipping"); npm packs only what it always packs there
    top = {**_plugin(["dist"]), "svg-string.ts": "import { createDevServer } from '@acme/dev-server';\n"
                                                 "export const s = createDevServer;\n"}
    assert dep(write(tmp_path / "top", top)) == []
    top["package.json"] = {**top["package.json"], "files": ["dist", "svg-string.ts"]}
    assert ("DEP002", "svg-string.ts", "@acme/dev-server") in dep(write(tmp_path / "top-listed", top))


@pytest.mark.parametrize("config, exports, reached", [
    ({"entrypoints": ["index.ts", "views/index.tsx"]}, {".": "./dist/acme-widget.js", "./views": "./dist/acme-widget-views.js"}, True),
    (None, {".": "./dist/acme-widget.js"}, False),
    (None, {".": {"import": "./dist/acme-widget.esm.js", "default": "./dist/acme-widget.cjs.js"}}, False),
    # a `!pattern` leaves out what the others match (a design system's `!test-utils/index.ts`: its
    # test helpers, which import testing libraries kept in devDependencies, are no entry)
    ({"entrypoints": ["index.ts", "*/index.{ts,tsx}", "!views/index.tsx"]}, {".": "./dist/acme-widget.js"}, False),
])
def test_a_preconstruct_package_is_built_from_its_entrypoints(tmp_path, config, exports, reached):
    """preconstruct names its bundles after the package (`dist/acme-widget.js`, `-views` for
    `views/index.tsx`), which map back to no source: its entrypoints (`preconstruct.entrypoints`
    under src/, `index.*` by default) are the package's entries, and a file they do not reach is in
    no bundle (a CMS monorepo: every package had "no entry point that maps to source", and a
    disabled fixture `test-fixtures.skip.ts` importing a devDependency was reported as shipping).
    What the views entrypoint reaches ships."""
    manifest = {"name": "@acme/widget", "version": "1.0.0", "type": "module", "exports": exports, "files": ["dist"],
                "devDependencies": {"graphql-upload": "^15.0.2", "react-select": "^5.0.0"}}
    if config is not None:
        manifest["preconstruct"] = config
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "scripts": {"build": "preconstruct build"},
                         "devDependencies": {"@preconstruct/cli": "2.8.0"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "packages/widget/package.json": manifest,
        "packages/widget/src/index.ts": "export const widget = () => 1;\n",
        "packages/widget/src/views/index.tsx": "export { Select } from './select';\n",
        "packages/widget/src/views/select.tsx": "import Select from 'react-select';\nexport { Select };\n",
        "packages/widget/src/test-fixtures.skip.ts": "import Upload from 'graphql-upload/Upload.js';\n"
                                                     "import { widget } from './index';\nexport const f = [Upload, widget];\n",
    })
    found = dep(root)
    assert ("DEP002", "packages/widget/src/test-fixtures.skip.ts", "graphql-upload") not in found
    assert (("DEP002", "packages/widget/src/views/select.tsx", "react-select") in found) is reached
    out = cli("--explain-file", "packages/widget/src/index.ts", cwd=root).stdout.decode()
    assert 'entry points: packages/widget/src/index.ts (package.json "preconstruct.entrypoints")' in out


@pytest.mark.parametrize("private, section", [(True, "dependencies"), (False, "devDependencies")])
def test_files_bounds_only_a_package_that_is_published(tmp_path, private, section):
    """`"files": ["templates/"]` in a workspace library that is never published: the app deep-imports
    `@acme/lib/jobs/client` through the workspace link, so `jobs/` is its code whatever `files`
    says (an e-signing platform: production imports advised as devDependencies, and later taken
    for dev-only code). In a published package, a top folder `files` leaves out and no entry comes
    from is in neither the package nor its build output."""
    manifest = {"name": "@acme/lib", "version": "0.0.0" if private else "1.0.0", "main": "./index.ts",
                "files": ["index.ts", "templates/"]}
    if private:
        manifest["private"] = True
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*", "apps/*"]},
        "package-lock.json": {"lockfileVersion": 3, "packages": {"": {"name": "mono"}, "node_modules/hono": {"version": "4.12.14"}}},
        "packages/lib/package.json": manifest,
        "packages/lib/index.ts": "export {};\n",
        "packages/lib/jobs/client.ts": "import { Hono } from 'hono';\n\nexport const jobs = new Hono();\n",
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"start": "node dist/server.js"},
                                  "dependencies": {"@acme/lib": "*", "hono": "^4.12.14"}},
        "apps/web/src/server.ts": "import { jobs } from '@acme/lib/jobs/client';\n\nexport default jobs;\n",
    })
    s = Settings(select=["DEP001"], hoisting="none")
    [d] = [d for d in pipeline.lint([str(root)], s, use_cache=False).diagnostics if d.path.endswith("client.ts")]
    assert f"to {section}" in d.message, d.message


def test_a_file_tsc_emits_where_files_does_not_publish_does_not_ship(tmp_path):
    """A published server whose tsconfig also compiles its Cucumber support and a CI test server,
    while `files` publishes only `dist/index.js` and `dist/lib/**/*.js`: tsc writes them to
    `dist/features/...` and `dist/start-broker-test.js`, which no tarball holds (a real broker: 9
    DEP002). A file emitted where `files` publishes ships."""
    root = write(tmp_path, {
        "package.json": {"name": "edge-broker", "version": "1.0.0", "main": "./dist/index.js",
                         "files": ["dist/index.js", "dist/lib/**/*.js"],
                         # a formatter or linter naming the folder builds nothing of it
                         "scripts": {"build": "tsc", "prettier": "prettier ./lib ./features --write",
                                     "test:lint": "eslint ./lib ./features"},
                         "devDependencies": {"@cucumber/cucumber": "^10.0.0", "should": "^13.2.3", "chalk": "^5.0.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "module": "commonjs"},
                          "include": ["index.ts", "lib/**/*.ts", "features/**/*.ts", "start-broker-test.ts"]},
        "index.ts": "export { startBroker } from './lib/broker';\n",
        "lib/broker.ts": "export const startBroker = () => 1;\n",
        "lib/log.ts": "import chalk from 'chalk';\nexport const log = (s: string) => chalk.red(s);\n",
        "features/support/world.ts": "import { setWorldConstructor } from '@cucumber/cucumber';\nsetWorldConstructor(class {});\n",
        "start-broker-test.ts": "import should from 'should';\nshould(1).eql(1);\n",
    })
    assert dep(root) == [("DEP002", "lib/log.ts", "chalk")]
    # a package that publishes its sources (`"files": ["lib", "features"]`) ships them, whatever tsc emits
    write(root, {"package.json": {**json.loads((root / "package.json").read_text()), "files": ["lib", "features"]}})
    assert ("DEP002", "features/support/world.ts", "@cucumber/cucumber") in dep(root)


def test_an_app_bundled_from_its_entry_ships_only_what_the_entry_reaches(tmp_path):
    """A Nest CLI monorepo (webpack, its default) and an Nx app built by `@nx/webpack:webpack` from its
    `main`: the bundle holds what the entry imports, so a library file no app imports and a one-off
    script beside the app are in no output (a gRPC monorepo's `headers.datasource.ts`, a delivery
    platform's backfill script: DEP001 advised dependencies, DEP002 claimed a broken image). The
    same files in a Nest monorepo built by tsc still ship by presumption."""
    def advice(name: str, files: dict) -> list[str]:
        root = write(tmp_path / name, files)
        return sorted(f"{Path(d.path).name}:{d.code}:{'dev' if any(w in d.message for w in ('--save-dev', 'to devDependencies', 'add -D')) else 'prod'}"
                      for d in pipeline.lint([str(root)], Settings(select=["DEP001", "DEP002"]), use_cache=False).diagnostics)

    lock = '"@apollo/gateway@^0.17.0":\n  version "0.17.0"\n'
    nest = {
        "package.json": {"name": "backend", "private": True, "scripts": {"build": "nest build api", "start:prod": "node dist/apps/api/main"},
                         "dependencies": {"@nestjs/core": "^10.0.0"}},
        "yarn.lock": lock,
        "nest-cli.json": {"monorepo": True, "root": "apps/api", "projects": {
            "api": {"type": "application", "root": "apps/api", "entryFile": "main", "sourceRoot": "apps/api/src",
                    "compilerOptions": {"tsConfigPath": "apps/api/tsconfig.app.json"}},
            "common": {"type": "library", "root": "libs/common", "sourceRoot": "libs/common/src",
                       "compilerOptions": {"tsConfigPath": "libs/common/tsconfig.lib.json"}}}},
        "tsconfig.json": {"compilerOptions": {"baseUrl": "./", "paths": {"@app/common": ["libs/common/src"]}}},
        "apps/api/tsconfig.app.json": {"extends": "../../tsconfig.json", "include": ["src/**/*"]},
        "libs/common/tsconfig.lib.json": {"extends": "../../tsconfig.json", "include": ["src/**/*"]},
        "apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { slug } from '@app/common';\n"
                                "void NestFactory.createApplicationContext(slug as never);\n",
        "libs/common/src/index.ts": "export const slug = (s: string): string => s.toLowerCase();\n",
        "libs/common/src/headers.datasource.ts": "import { RemoteGraphQLDataSource } from '@apollo/gateway';\n"
                                                "export class Headers extends RemoteGraphQLDataSource {}\n",
    }
    assert advice("nest", nest) == ["headers.datasource.ts:DEP001:dev"]
    tsc = {**nest, "nest-cli.json": {**nest["nest-cli.json"], "compilerOptions": {"webpack": False, "builder": "tsc"}}}
    assert advice("tsc", tsc) == ["headers.datasource.ts:DEP001:prod"]
    # a webpack config of its own may add entries (migrations bundled beside main): nothing claimed
    own = {**nest, "webpack.config.js": "module.exports = (options) => ({ ...options, entry: { main: options.entry } });\n"}
    assert advice("own", own) == ["headers.datasource.ts:DEP001:prod"]

    nx = {
        "package.json": {"name": "platform", "private": True, "dependencies": {"typeorm": "^0.3.20"},
                         "devDependencies": {"dotenv": "^16.4.0"}},
        "nx.json": {},
        "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {"build": {
            "executor": "@nx/webpack:webpack", "options": {"target": "node", "main": "apps/api/src/main.ts"}}}},
        "apps/api/tsconfig.app.json": {"include": ["src/**/*.ts"]},
        "apps/api/src/main.ts": "import { DataSource } from 'typeorm';\nexport const ds = DataSource;\n",
        "apps/api/src/ops/backfill.ts": "import 'dotenv/config';\nimport { DataSource } from 'typeorm';\nexport const d = DataSource;\n",
    }
    assert advice("nx", nx) == []
    tsc_nx = {**nx, "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {"build": {
        "executor": "@nx/js:tsc", "options": {"main": "apps/api/src/main.ts", "tsConfig": "apps/api/tsconfig.app.json"}}}}}
    assert advice("nxtsc", tsc_nx) == ["backfill.ts:DEP002:prod"]
    # the main a webpack config gives NxAppWebpackPlugin, built by `webpack-cli build` in a run-commands target
    plugin = "const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');\n" \
             "module.exports = { plugins: [new NxAppWebpackPlugin({ target: 'node', main: './src/main.ts' })] };\n"
    cli_nx = {**nx, "apps/api/webpack.config.js": plugin, "apps/api/project.json": {
        "name": "api", "projectType": "application", "targets": {"build": {
            "executor": "nx:run-commands", "options": {"command": "webpack-cli build", "cwd": "apps/api"}}}}}
    assert advice("nxcli", cli_nx) == []


@pytest.mark.parametrize("build, tsc", [
    ("yarn tsc -p tsconfig.build.json", "yarn run -T tsc"),  # yarn appends the arguments to the script's command
    ("pnpm run tsc -p tsconfig.build.json", "tsc"),
    ("npm run tsc -- -p tsconfig.build.json", "tsc"),  # npm: the arguments after `--`
])
def test_a_script_run_with_arguments_gets_them_appended(tmp_path, build, tsc):
    """`"build": "yarn tsc -p tsconfig.build.json"` where the package's own `tsc` script is `yarn run
    -T tsc` (a tool alias): the package manager runs that script with the arguments appended, so the
    build is tsc over tsconfig.build.json, which leaves the generator out (an analytics SDK's QA
    harness counted as shipping: 10 DEP002/DEP005)."""
    files = _library(build)
    files["package.json"]["scripts"]["tsc"] = tsc
    assert dep(write(tmp_path, files)) == []


@pytest.mark.parametrize("listed, build, ships", [
    (["dist/", "src/", "!**/tester/**"], "tsc", False),  # the negation takes the folder out of the sources and the output
    (["dist/", "!**/tester/**", "dist/tester/"], "tsc", True),  # a later entry puts the output back
    (["dist/", "src/"], "tsc", True),
    # another build's output is not known: a negation at any depth takes out every copy; one of the sources only does not
    (["dist/", "src/", "!**/tester/**"], "tsc && babel src --out-dir dist", False),
    (["dist/", "src/", "!src/tester/**"], "tsc && babel src --out-dir dist", True),
])
def test_a_files_negation_leaves_the_folder_out_of_the_package(tmp_path, listed, build, ships):
    """`"files": ["dist/", "src/", "!**/tester/**"]` of a published SDK whose tsc build compiles a
    performance tester into `dist/tester/`: npm packs neither the tester's source nor its output, so
    the tester's tools are dev-only (an analytics SDK: 5 DEP002). Entries apply in order: a later
    one can publish the folder again."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/sdk", "version": "1.0.0", "main": "./dist/index.js", "files": listed,
                         "scripts": {"build": build}, "devDependencies": {"playwright": "^1.40.0", "typescript": "^5.0.0"}},
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "dist", "rootDir": "src"}, "include": ["src"]},
        "src/index.ts": "export const x = 1;\n",
        "src/tester/perf.ts": "import { chromium } from 'playwright';\nexport const run = () => chromium.launch();\n",
    })
    assert dep(root) == ([("DEP002", "src/tester/perf.ts", "playwright")] if ships else [])
