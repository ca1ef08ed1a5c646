"""What ships (docs/architecture.md): the shipping model, `--explain-file`, and the false-positive classes seen
on real monorepos that it removes from DEP001/DEP002/DEP004/DEP005. Each test builds its own
miniature repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from migrationlint.model.bundling import bundle_of
from migrationlint.model import config_objects
from migrationlint.model.config_objects import config_has, read_config
from migrationlint.model.dev_files import dev_reason, template_of
from migrationlint.model.config_aliases import read_project
from migrationlint.model.workspace import read_manifest
from tests.helpers import cli


def write(root: Path, files: dict[str, object]) -> Path:
    """Write files (dicts are written as JSON) under `root`."""
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content, indent=2) + "\n" if isinstance(content, dict) else content)
    return root


def dep(root: Path, select=("DEP",), **settings) -> list[tuple[str, str, str]]:
    diags = pipeline.lint([str(root)], Settings(select=list(select), **settings), use_cache=False).diagnostics
    return [(d.code, Path(d.path).relative_to(root).as_posix(), d.extra.get("package", "")) for d in diags]


def fixed(root: Path, unsafe: bool = False) -> dict[str, str]:
    s = Settings(select=["DEP"])
    out = pipeline.fix([str(root)], s, unsafe=unsafe, first=pipeline.lint([str(root)], s, use_cache=False),
                       use_cache=False)
    return {Path(p).relative_to(root).as_posix(): t.decode() for p, t in out.texts.items()}


# ----------------------------------------------------------------------------- model pieces

def test_dev_file_conventions_name_their_reason():
    assert dev_reason("tsup.config.ts") and dev_reason("playwright.config.ts") and dev_reason(".eslintrc.cjs")
    # a Jest lifecycle file by its camel-case name (a package template's, wired in by `globalSetup`: 10 DEP001
    # read it as shipping code)
    assert dev_reason("jest.globalSetup.ts") and dev_reason("jest.globalTeardown.ts") and not dev_reason("src/global.ts")
    # test support named for what it sets up (a real gateway's orphan `redis-test-utils.ts`: 1 DEP002)
    assert dev_reason("src/utils/redis-test-utils.ts") and dev_reason("src/redisTestHelpers.ts")
    assert dev_reason("src/contest-utils.ts") is None and dev_reason("src/attestUtils.ts") is None
    assert dev_reason("vitest.e2e.config.mts") and dev_reason("tailwind.config.js") and dev_reason("postcss.config.cjs")
    assert "test setup" in dev_reason("src/test-setup.ts") and dev_reason("src/setupTests.ts")
    assert "Cypress" in dev_reason("cypress/support/commands.ts")
    # Cypress specs by Cypress's `.cy` suffix, or by the `.cypress` one a `specPattern` names (a maths
    # editor's component tests: their helpers, imported by nothing else, were counted as shipping: 5 DEP005)
    assert dev_reason("src/widget.cy.tsx") and dev_reason("src/widget.cypress.ts") and dev_reason("src/cypress.ts") is None
    assert dev_reason("src/button.stories.tsx") and dev_reason(".storybook/preview.ts")
    assert dev_reason("src/app.config.ts") is None and dev_reason("src/main.ts") is None
    assert dev_reason("src/testing/index.ts") is None  # only the layout inside a package counts
    assert "hidden folder .install-scripts/" in dev_reason(".install-scripts/helpers/replace.ts")
    assert dev_reason("setupFiles.ts") and dev_reason("setupFilesAfterEnv.ts") and dev_reason("src/setup.ts") is None
    assert dev_reason("src/orders/update.e2e-ee.ts") and dev_reason("src/api.test-d.ts")  # an edition's e2e suite
    # a suite's tag after `.spec` (`mocha '**/*.spec.db.ts'`: a real monorepo's 66 DEP002)
    assert dev_reason("src/user.spec.db.ts") and dev_reason("src/a.test.node.mts") and dev_reason("src/contest.ts") is None
    assert "tool" in dev_reason("prisma.config.ts")  # the Prisma CLI's config (Prisma 6)
    assert "test folder (__test__/)" in dev_reason("__test__/utils/test-environment.util.ts")
    # mocha root hooks kept in `__helpers__/` beside `__tests__/` (33 DEP005 across a real repository's
    # services); a plain `helpers/` folder is production code
    assert "test helpers" in dev_reason("__helpers__/root-hooks.ts") and dev_reason("src/helpers/format.ts") is None
    assert "Cucumber" in dev_reason("features-legacy/step_definitions/admin.ts")
    assert "seeders" in dev_reason("src/seeders/test.seeder.ts") and dev_reason("src/database/seeds/users.ts")
    assert "seeds" in dev_reason("src/database/seed/seed-both.ts") and dev_reason("src/db/seeder/roles.ts")
    assert dev_reason("src/latest.ts") is None and dev_reason("src/orders/orders.testing.ts") is None
    # a mock by its name (a real repo's `libs/testing/src/utils/sinon-mock.util.ts` imported sinon)
    assert dev_reason("src/utils/sinon-mock.util.ts") and dev_reason("src/mock-server.driver.ts")
    assert dev_reason("src/prisma-mocks.ts") and dev_reason("src/hammock.ts") is None and dev_reason("src/mockingbird.ts") is None
    assert dev_reason("src/talks/TalkRepository.integration-spec.ts") and dev_reason("src/a.unit-test.ts")
    assert dev_reason("src/protest-spec.ts") is None and dev_reason("src/contest.ts") is None
    assert dev_reason("src/hooks/define-hooks.typetest.ts") and "e2e" in dev_reason("src/__e2e__/helpers/app.factory.ts")
    assert dev_reason("src/__internal__/x.ts") is None
    # `.fixtures.ts` as well as `.fixture.ts` (a real worker's mock HTTP client imported vitest)
    assert dev_reason("src/http-client/http-client.fixtures.ts") and dev_reason("src/user.fixture.ts")
    assert dev_reason("src/fixtures.ts") is None
    assert dev_reason("typetest/schema/Schema.tst.ts") and dev_reason("src/tstate.ts") is None  # tstyche's type tests
    # camelCase test-support folders (a real Expo app's `testUtils/`, which only specs import)
    assert dev_reason("src/shared/testUtils/render.tsx") and dev_reason("src/testHelpers/x.ts")
    assert dev_reason("src/testament/x.ts") is None and dev_reason("src/tested/x.ts") is None
    # a test kit named after what it tests (a real CLI's `ui-extensions-test-utils` package: 2 DEP002)
    assert dev_reason("ui-kit-test-utils/src/render.tsx") and dev_reason("api-testing-helpers/x.ts")
    assert dev_reason("contest-utils/x.ts") is None and dev_reason("latest-kit/x.ts") is None
    assert template_of("src/server/main.template.ts") == "main.template.ts"
    assert template_of("pkg/templates/nest/app.module.ts") == "templates/" and template_of("src/template.ts") is None
    # a schematic's files, named for the generator to fill in (Nest and Angular devkit)
    assert template_of("src/lib/resource/files/ts/__name@singular__.module.ts") == "__name@singular__.module.ts"
    assert template_of("src/lib/app/files/__name@dasherize__/main.ts") == "__name@dasherize__/"
    assert template_of("src/__tests__/a.ts") is None and template_of("src/__mocks__/fs.ts") is None
    # a placeholder inside the name (Nest's `app.e2e-__specFileSuffix__.ts`: a supertest import asked of the
    # schematics package), but no conventional folder (`__snapshots__`, `__generated__`)
    assert template_of("src/lib/sub-app/files/ts/test/app.e2e-__specFileSuffix__.ts") == "app.e2e-__specFileSuffix__.ts"
    assert template_of("src/lib/x/files/ts/src/main-__name__.ts") == "main-__name__.ts"
    assert template_of("src/__snapshots__/a.ts") is None and template_of("src/__generated__/gql.ts") is None
    # an Nx generator's `files/` folder, which `generateFiles` copies into the project it creates (an
    # agent framework's tools: 4 DEP001); a package's own `files/` folder is its code
    assert template_of("tools/core/src/generators/example/files/src/index.ts") == "files/"
    assert template_of("libs/schematics/app/files/main.ts") == "files/" and template_of("src/files/upload.ts") is None
    assert "hidden file" in dev_reason("src/.local-settings.ts") and dev_reason("src/main.ts") is None


def test_config_objects_are_read_as_data(tmp_path):
    write(tmp_path, {"vite.config.ts": "import { defineConfig } from 'vite';\n"
                                       "export default defineConfig({ build: { ssr: true }, ssr: { noExternal: true } });\n",
                     "svelte.config.js": "const config = { kit: { alias: { '@fixtures': 'src/fixtures', $db: './src/db' } } };\n"
                                         "export default config;\n"})
    cfg = read_config(str(tmp_path / "vite.config.ts"))
    assert cfg.has("ssr.noExternal") and not cfg.has("build.noExternal")
    aliases = read_project(str(tmp_path)).aliases
    assert aliases["@fixtures"] == str(tmp_path / "src/fixtures") and aliases["$db"] == str(tmp_path / "src/db")


def test_config_has_answers_as_the_parse_does_and_parses_only_files_holding_the_key(tmp_path, monkeypatch):
    texts = {"a.config.ts": "export default { ssr: { noExternal: true } };\n",
             "b.config.ts": "export default { ssr: { 'noExternal': [/x/] } };\n",
             "c.config.ts": "export default { build: { noExternal: true } };\n",
             "d.config.ts": "// noExternal is not set here\nexport default { ssr: {} };\n",
             "e.config.ts": "export default { ssr: { external: [] } };\n"}
    write(tmp_path, texts)
    parsed = []
    monkeypatch.setattr(config_objects, "read_config", lambda p, real=read_config: parsed.append(p) or real(p))
    for name in texts:
        path = str(tmp_path / name)
        assert config_has(path, "ssr.noExternal") == read_config(path).has("ssr.noExternal"), name
    assert [p.rsplit("/", 1)[1] for p in parsed] == ["a.config.ts", "b.config.ts", "c.config.ts", "d.config.ts"]
    assert config_has(str(tmp_path / "a.config.ts"), "ssr.noExternal")
    assert not config_has(str(tmp_path / "missing.config.ts"), "ssr.noExternal")


def test_bundled_packages_are_recognised(tmp_path):
    cases = {
        "spa": ({"name": "spa", "private": True, "scripts": {"build": "vite build"}}, {}),
        "kit": ({"name": "kit", "private": True}, {"svelte.config.js": "export default {};\n"}),
        "lib": ({"name": "lib", "scripts": {"build": "svelte-package"}}, {"svelte.config.js": "export default {};\n"}),
        "cli": ({"name": "cli", "bin": "dist/index.js"}, {"vite.config.ts": "export default { ssr: { noExternal: /./ } };\n"}),
        "tsup": ({"name": "tsup-b"}, {"tsup.config.ts": "export default { noExternal: [/.*/] };\n"}),
        "desk": ({"name": "desk", "devDependencies": {"electron": "^32.0.0"}}, {}),
        "ng": ({"name": "ng", "private": True, "scripts": {"build": "ng build"}}, {}),
        "nest": ({"name": "nest", "private": True, "scripts": {"build": "nest build"}}, {}),
        "pub": ({"name": "pub", "scripts": {"build": "vite build"}}, {}),
        "mail": ({"name": "mail", "scripts": {"build": "email export --dir src --outDir ../templates"}}, {}),
        # Next writes next-env.d.ts into every TypeScript app; next.config is optional
        "next": ({"name": "next", "peerDependencies": {"next": "13.4.4"}}, {"next-env.d.ts": "/// <reference types=\"next\" />\n",
                                                                          "src/pages/_app.tsx": "export default 1;\n"}),
        "typed": ({"name": "typed", "private": True}, {"next-env.d.ts": "/// <reference types=\"next\" />\n",
                                                       "pages/index.tsx": "export default 1;\n"}),
        # a UI library keeping next-env.d.ts for next's types, with no routes
        "uilib": ({"name": "uilib", "devDependencies": {"next": "15.0.0"}}, {"next-env.d.ts": "/// <reference types=\"next\" />\n",
                                                                            "src/button.tsx": "export default 1;\n"}),
        # only the scripts that build, serve or run the package say how it ships
        "analyze": ({"name": "analyze", "private": True, "scripts": {"build": "nx run-many -t build",
                                                                      "analyze": "ng build --stats-json"}}, {}),
        "via": ({"name": "via", "private": True, "scripts": {"build": "npm run compile", "compile": "ng build"}}, {}),
        # a browser extension built by WXT (19 DEP002 on a real repository), and a build that calls
        # esbuild's API with `bundle: true` from a script (36 DEP005), not with `packages: 'external'`
        "ext": ({"name": "ext", "private": True, "scripts": {"build": "wxt build"}}, {}),
        # a published Directus extension: the SDK's rollup build inlines what it imports (15 DEP002)
        "dx": ({"name": "dx", "version": "1.0.0", "main": "./dist/index.js", "scripts": {"build": "directus-extension build"}}, {}),
        # an Expo app: Metro bundles it (4 DEP002 on a real mobile app), by its config or its CLI
        "expo": ({"name": "expo", "private": True, "main": "expo-router/entry", "scripts": {"start": "expo start"}}, {}),
        "metro": ({"name": "metro", "private": True}, {"metro.config.js": "module.exports = {};\n"}),
        "esb": ({"name": "esb", "version": "1.0.0", "bin": "dist/index.cjs", "scripts": {"build": "node esbuild.config.js"}},
                {"esbuild.config.js": "const { build } = require('esbuild');\n"
                                      "build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'node' });\n"}),
        "esx": ({"name": "esx", "version": "1.0.0", "scripts": {"build": "node esbuild.config.js"}},
                {"esbuild.config.js": "const { build } = require('esbuild');\n"
                                      "build({ bundle: true, packages: 'external' });\n"}),
        # a Storybook site: nothing to load, nothing started, its build is `storybook build` under any
        # script name (7 DEP002 moving a real design system's story decorators' packages into
        # dependencies); a library that also builds a Storybook ships its own entry
        "sb": ({"name": "sb", "private": True, "scripts": {"storybook": "storybook dev -p 6006",
                                                           "build-storybook": "storybook build"}}, {}),
        "sblib": ({"name": "sblib", "version": "1.0.0", "main": "lib/index.js",
                   "scripts": {"build": "tsc", "build-storybook": "storybook build"}}, {}),
        # its `start` may be Storybook's own dev server (6 DEP002 on a real design system)
        "sbstart": ({"name": "sbstart", "private": True, "scripts": {"start": "storybook dev --config-dir ./",
                                                                     "build": "storybook build --config-dir ./"}}, {}),
        "sbnode": ({"name": "sbnode", "private": True, "scripts": {"start": "node server.js",
                                                                   "build": "storybook build"}}, {}),
        # a private package whose `build` is the site, with `exports` into the `dist/` the site is written
        # to and a dependency (26 DEP002 on a real design system's pattern site); published, it is a library
        "sbexp": ({"name": "sbexp", "private": True, "exports": {"./p/*": "./dist/p/*/index.js"},
                   "dependencies": {"clsx": "^2.0.0"}, "scripts": {"build": "storybook build --output-dir ./dist/"}}, {}),
        "sbpub": ({"name": "sbpub", "version": "1.0.0", "exports": {"./p/*": "./dist/p/*/index.js"},
                   "scripts": {"build": "storybook build --output-dir ./dist/"}}, {}),
        # a uni-app: its CLI runs vite for each platform (2 DEP002 on a real admin's mobile app)
        "uni": ({"name": "uni", "version": "1.0.0", "scripts": {"dev": "uni", "build": "uni build"}}, {}),
        # an Umi app (Ant Design Pro: `max build` of @umijs/max, kept in devDependencies; 87 DEP002)
        "umi": ({"name": "umi", "private": True, "scripts": {"start": "max dev", "build": "max build"}}, {}),
        # a TanStack Start app (vinxi build; 2 DEP002 on a real gateway's static UI)
        "vinxi": ({"name": "vinxi", "private": True, "scripts": {"build": "tsc && SERVER_PRESET=static vinxi build"}}, {}),
        # a Nitro server (`nitro build`: rollup bundles it, what it loads is traced into .output; a workflow
        # engine's example app: 5 DEP002); nitropack's own name for the command too
        "nitro": ({"name": "nitro", "private": True, "scripts": {"build": "nitro build",
                                                                 "start": "node .output/server/index.mjs"}}, {}),
        "nitropack": ({"name": "nitropack", "private": True, "scripts": {"build": "nitropack build"}}, {}),
    }
    got = {}
    for name, (manifest, files) in cases.items():
        write(tmp_path / name, {"package.json": manifest, **files})
        got[name] = bundle_of(read_manifest(str(tmp_path / name / "package.json"))) is not None
    assert got == {"spa": True, "kit": True, "lib": False, "cli": True, "tsup": True, "desk": True, "ng": True,
                   "nest": False, "pub": True, "mail": True, "next": True, "typed": False, "uilib": False, "analyze": False,
                   "via": True, "ext": True, "dx": True, "expo": True, "metro": True, "esb": True, "esx": False, "sb": True, "sblib": False,
                   "sbstart": True, "sbnode": False, "sbexp": True, "sbpub": False, "uni": True, "umi": True,
                   "vinxi": True, "nitro": True, "nitropack": True}


def test_a_build_script_that_runs_webpacks_api_ships_a_bundle(tmp_path):
    """`"build": "ts-node --transpile-only ./scripts/build.ts"`, a script that calls
    `webpack(makeConfig())` with a config a local module builds (a comment platform's client: 2,693
    DEP002 for react and the rest of its browser bundle): the bundle holds what the config does not
    name in `externals`. Where the script or its config factory mentions `externals`, or the factory
    cannot be found, nothing is claimed."""
    script = ('import webpack from "webpack";\nimport makeConfig from "../src/build/makeConfig";\n\n'
              "webpack(makeConfig()).run((err) => { if (err) process.exit(1); });\n")

    def bundled(name: str, config: str | None, api: str = "webpack") -> bool:
        files = {"package.json": {"name": name, "version": "2.3.0",
                                  "scripts": {"build": "ts-node --transpile-only ./scripts/build.ts"}},
                 "scripts/build.ts": script.replace('"webpack"', f'"{api}"')}
        if config is not None:
            files["src/build/makeConfig.ts"] = config
        write(tmp_path / name, files)
        return bundle_of(read_manifest(str(tmp_path / name / "package.json"))) is not None

    plain = 'export default () => ({ entry: { widget: "./src/app/index.tsx" } });\n'
    assert bundled("web", plain) and bundled("rs", plain, api="@rspack/core")
    assert not bundled("ext", 'export default () => ({ entry: "./src/index.ts", externals: { react: "React" } });\n')
    assert not bundled("lost", None)
    assert not bundled("other", plain, api="chalk")


def test_an_rslib_build_inlines_what_dependencies_do_not_list(tmp_path):
    """Rslib (`rslib build`, or the Rstack CLI's `rs lib`) bundles by default, its autoExternal leaving
    out only what dependencies, optionalDependencies and peerDependencies list: a build tool's
    devDependencies (an argument parser, a deep-merge helper) are inlined on purpose (a web build
    tool's core package: 26 DEP002). `bundle: false` transpiles each file alone; a config that sets
    autoExternal is not read as the default; `output.externals` names more packages kept out."""
    def found(name: str, build: str, config: str | None) -> list:
        files = {"package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
                 "packages/kit/package.json": {"name": "@acme/kit", "version": "1.0.0", "type": "module",
                                               "exports": {".": "./dist/index.js"}, "files": ["dist"], "scripts": {"build": build},
                                               "devDependencies": {"@rslib/core": "^0.15.0", "deepmerge": "^4.3.1", "cac": "^6.7.0"}},
                 "packages/kit/src/index.ts": "import deepmerge from 'deepmerge';\nimport cac from 'cac';\n"
                                              "export const merge = (a: object, b: object) => [deepmerge(a, b), cac];\n"}
        if config is not None:
            files["packages/kit/rslib.config.ts"] = f"import {{ defineConfig }} from '@rslib/core';\nexport default defineConfig({config});\n"
        return sorted(p for c, _, p in dep(write(tmp_path / name, files)) if c == "DEP002")

    assert found("plain", "rslib build", "{ lib: [{ format: 'esm' }] }") == []
    assert found("rstack", "rs lib", None) == []
    assert found("unbundled", "rslib build", "{ lib: [{ format: 'esm', bundle: false }] }") == ["cac", "deepmerge"]
    assert found("auto", "rslib build", "{ lib: [{ format: 'esm', autoExternal: false }] }") == ["cac", "deepmerge"]
    assert found("externals", "rslib build", "{ lib: [{ format: 'esm' }], output: { externals: ['cac'] } }") == ["cac"]
    assert found("tsc", "tsc", None) == ["cac", "deepmerge"]


def test_tsup_and_tsdown_builds_inline_what_dependencies_do_not_list(tmp_path):
    """tsup and tsdown keep out of the bundle only dependencies, peerDependencies and
    optionalDependencies: a devDependency a published CLI imports is inlined (a real CLI had 48
    DEP002 findings). Not when the build runs tsup-node, names more externals or may skip
    node_modules, nor when tsup only builds a side script."""
    def bundled(name: str, scripts: dict, files: dict | None = None, **more) -> bool:
        write(tmp_path / name, {"package.json": {"name": name, "scripts": scripts, **more}, **(files or {})})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json"))) is not None

    assert bundled("cli", {"build": "pnpm exec tsup"})
    assert bundled("down", {"build": "tsdown"}, {"tsdown.config.ts": "export default { entry: ['src/index.ts'] };\n"})
    assert bundled("keep", {"build": "tsup"}, {"tsup.config.ts": "export default { skipNodeModulesBundle: false };\n"})
    assert not bundled("node", {"build": "tsup-node src/index.ts"})
    assert not bundled("ext", {"build": "tsup src/index.ts --external pg"})
    assert not bundled("skip", {"build": "tsup"}, {"tsup.config.ts": "export default { skipNodeModulesBundle: true };\n"})
    assert not bundled("computed", {"build": "tsup"},
                       {"tsup.config.ts": "export default { skipNodeModulesBundle: !process.env.BUNDLE };\n"})
    assert not bundled("side", {"build": "nest build", "build:cli": "tsup src/cli.ts"})
    # each file transpiled alone, or every package left out: the output loads what the sources import
    # (a real UI kit's `bundle: false` hid a devDependency its published files load)
    assert not bundled("unbundled", {"build": "tsup"}, {"tsup.config.ts": "export default { entry: ['src/**/*.ts'], bundle: false };\n"})
    assert not bundled("pkgs", {"build": "tsup"}, {"tsup.config.ts": "export default { packages: 'external' };\n"})
    assert not bundled("field", {"build": "tsup"}, tsup={"bundle": False})
    assert bundled("bundle", {"build": "tsup"}, {"tsup.config.ts": "export default { bundle: true };\n"})
    # the build a shell script runs (`bash ./scripts/build.sh`: 6 DEP002 on a real HTTP client), its lines read as commands
    script = {"scripts/build.sh": "#!/bin/bash\n# types first\ntsc --emitDeclarationOnly\ntsup ./src/index.ts --clean\n"}
    assert bundled("shell", {"build": "bash ./scripts/build.sh"}, script)
    assert bundled("dotslash", {"build": "./scripts/build.sh"}, script)
    assert not bundled("commented", {"build": "sh scripts/build.sh"}, {"scripts/build.sh": "# tsup src/index.ts\ntsc\n"})
    # any bundler the shell script runs (`esbuild --bundle` with no external: 71 DEP002 on a published CLI
    # whose manifest lists nothing in dependencies); not one it runs after moving to another folder
    esbuild = "#!/bin/bash\nset -o errexit\nesbuild src/index.ts --outdir=./dist --bundle --platform=node\n"
    assert bundled("esbuilt", {"build": "bash build.sh"}, {"build.sh": esbuild})
    assert bundled("own-folder", {"build": "bash build.sh"}, {"build.sh": 'cd "$(dirname "$0")"\n' + esbuild})
    assert not bundled("elsewhere", {"build": "bash build.sh"}, {"build.sh": "tsc\ncd ../web\n" + esbuild})


def test_a_bundle_inlines_what_its_external_list_does_not_name(tmp_path):
    """tsup with `external: ['@nestjs/common']` still inlines `reflect-metadata` (a published
    tarball holds it: a real DEP005 whose "breaks a publish" was false); vite's library mode
    (`build.lib`) inlines everything but `rollupOptions.external`, declared dependencies too (63
    DEP005 warnings on the React libraries of an Nx monorepo); a spread of the manifest's own
    sections names what they list. tsup's external list that is not names (a spread of anything
    else) keeps out nothing known; a vite server build says nothing."""
    def bundle(name: str, files: dict, **more):
        write(tmp_path / name, {"package.json": {"name": name, **more}, **files})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json")))

    tsup = "export default { entry: ['src/index.ts'], external: ['@nestjs/common', 'react'] };\n"
    for found in (bundle("listed", {"tsup.config.ts": tsup}, scripts={"build": "tsup"}),
                  bundle("field", {}, scripts={"build": "tsup"}, tsup={"external": ["@nestjs/common", "react"]})):
        assert found is not None and found.inlines("reflect-metadata")
        assert not found.inlines("@nestjs/common") and not found.inlines("react")
    spread = "export default { external: [...Object.keys(pkg.dependencies)] };\n"  # the manifest's own section
    sections = bundle("spread", {"tsup.config.ts": spread}, scripts={"build": "tsup"}, dependencies={"pg": "^8.0.0"})
    assert sections is not None and not sections.inlines("pg") and sections.inlines("zod")
    # a list computed elsewhere keeps out only what it names: the rest is still inlined (a CLI whose
    # tsdown config spreads a shared const: 56 DEP002 read it as not bundled)
    computed = "export default { external: [...Object.keys(other.packages)] };\n"
    found = bundle("computed", {"tsup.config.ts": computed}, scripts={"build": "tsup"})
    assert found is not None and found.inlines("citty") and "not read" in found.reason
    # a second build that emits only declarations, keeping every bare import external: not the code's build
    # (an auth SDK's shared package: its JavaScript build inlines the devDependency, 1 DEP002)
    dts_only = ("export default defineConfig([\n  { entry: ['./src/index.ts'], dts: false, external: ['react'] },\n"
                "  { entry: ['./src/index.ts'], dts: { emitDtsOnly: true }, external: [/^(?!@\\/)[^./]/] },\n]);\n")
    found = bundle("dts-only", {"tsdown.config.mts": dts_only}, scripts={"build": "tsdown"})
    assert found is not None and found.inlines("nanoid")
    # an esbuild plugin's resolve result `{ external: true }` is no external list (tsup's option is a list):
    # the config still inlines what dependencies do not name (6 DEP002 on a published HTTP client)
    plugin = ("export default defineConfig({ esbuildPlugins: [nodePlugin()] });\n\nfunction nodePlugin() {\n"
              "  return { name: 'node', setup(build) { build.onResolve({ filter: /^node:/ }, (args) => "
              "({ external: true, path: args.path.slice(5) })); } };\n}\n")
    resolved = bundle("resolved", {"tsup.config.ts": plugin}, scripts={"build": "tsup"})
    assert resolved is not None and resolved.inlines("ky")
    vite = ("import { defineConfig } from 'vite';\n\nexport default defineConfig({ build: { lib: { entry: 'src/index.ts' },"
            " rollupOptions: { external: ['react', 'react/jsx-runtime'] } } });\n")
    library = bundle("ui", {"vite.config.ts": vite}, version="0.0.1", scripts={"build": "tsc -b && vite build"})
    assert library is not None and library.inlines("zod") and not library.inlines("react")
    # a config that hands its work to a shared module (`export default config('src/index.ts', 'dom')`): the
    # shared module's settings (a session-replay monorepo: 5 DEP002 read such libraries as unbundled)
    shared = ("import { defineConfig } from 'vite';\n\nexport default function (entry: string) {\n"
              "  return defineConfig({ build: { lib: { entry }, rollupOptions: { external: ['react'] } } });\n}\n")
    write(tmp_path, {"vite.config.default.ts": shared})
    delegated = bundle("dom", {"vite.config.ts": "import config from '../vite.config.default';\n\n"
                                                 "export default config('src/index.ts');\n"},
                       version="1.0.0", main="./dist/dom.cjs", scripts={"build": "vite build"})
    assert delegated is not None and delegated.inlines("zod") and not delegated.inlines("react")
    nx = {"vite.config.ts": vite, "project.json": {"targets": {"build": {"executor": "@nrwl/vite:build"}}}}
    assert bundle("nx", nx, version="0.0.1") is not None  # no build script: the Nx target builds it
    assert bundle("tsc", {"vite.config.ts": vite}, version="1.0.0", scripts={"build": "tsc"}) is None  # vite serves only
    assert bundle("server", {"vite.config.ts": vite.replace("build: {", "build: { ssr: true,")}, version="1.0.0",
                  scripts={"build": "vite build"}) is None
    # an app build (the pages a published package serves, `rollupOptions.input`) inlines as much
    app = bundle("app", {"vite.config.ts": "export default { build: { rollupOptions: { input: ['./src/page.tsx'] } } };\n"},
                 version="1.0.0", scripts={"build": "vite build"})
    assert app is not None and app.inlines("react")
    # beside code another compiler builds (`vite build && tsc`, a `main` users load): only the pages
    assert bundle("plugin", {"vite.config.ts": "export default { build: { outDir: 'dist/ui' } };\n"}, version="1.0.0",
                  main="dist/index.js", scripts={"build": "vite build && tsc -p tsconfig.build.json"}) is None
    assert bundle("ssr", {"vite.config.ts": vite}, version="1.0.0", scripts={"build": "vite build --ssr src/server.ts"}) is None
    # rollup inlines packages only through the node-resolve plugin (a published tracker had node-fetch,
    # bundled, in devDependencies: DEP002 asked every user to install it)
    rollup = ("import { nodeResolve } from '@rollup/plugin-node-resolve';\nimport commonjs from '@rollup/plugin-commonjs';\n"
              "export default { input: 'src/index.ts', plugins: [nodeResolve(), commonjs()]%s };\n")
    inlined = bundle("rolled", {"rollup.config.mjs": rollup % ", external: ['react']"}, version="1.0.0",
                     scripts={"build": "rollup -c"})
    assert inlined is not None and inlined.inlines("node-fetch") and not inlined.inlines("react")
    assert bundle("bare", {"rollup.config.mjs": "export default { input: 'src/index.ts' };\n"}, version="1.0.0",
                  scripts={"build": "rollup -c"}) is None  # bare imports stay external
    assert bundle("fn", {"rollup.config.mjs": rollup % ", external: (id) => !id.startsWith('.')"}, version="1.0.0",
                  scripts={"build": "rollup -c"}) is None
    # a predicate that matches nothing (`() => false`) names nothing: everything is inlined, as with no
    # `external` at all (a published SDK's script-tag bundle: js-cookie, bundled, asked of every user)
    for never in ("() => false", "(id) => false", "function () { return false; }"):
        nothing = bundle(f"never{len(never)}", {"rollup.config.mjs": rollup % f", external: {never}"}, version="1.0.0",
                         scripts={"build": "rollup -c"})
        assert nothing is not None and nothing.inlines("react") and nothing.inlines("js-cookie")
    assert bundle("always", {"rollup.config.mjs": rollup % ", external: () => true"}, version="1.0.0",
                  scripts={"build": "rollup -c"}) is None
    # a browser script (iife, umd) reads the externals `output.globals` maps from the page (a real embed
    # bundle taking React from its host page: DEP002 and DEP003 asked for an install that never runs)
    page = ", external: ['react', 'pg'], output: { format: 'iife', globals: { react: '__Host.React' } }"
    script = bundle("script", {"rollup.config.mjs": rollup % page}, version="1.0.0", scripts={"build": "rollup -c"})
    assert script is not None and script.page == ("react",) and script.inlines("react") and not script.inlines("pg")
    module = bundle("module", {"rollup.config.mjs": rollup % page.replace("'iife'", "'es'")}, version="1.0.0",
                    scripts={"build": "rollup -c"})
    assert module is not None and module.page == () and not module.inlines("react")


@pytest.mark.parametrize("fmt, reported", [("iife", []), ("es", ["DEP003"])])
def test_a_browser_script_takes_the_peers_it_maps_to_page_globals_from_the_page(tmp_path, fmt, reported):
    """An embed script rollup builds as an iife with `external: ['react']` and `output.globals` mapping
    react to the host page's copy: the workspace library it bundles takes react as a peer, which no
    install of the script must hold (a real embed bundle: 2 DEP003). As an ES module the script
    imports react where it runs: reported."""
    root = write(tmp_path, {
        "package.json": {"name": "r3", "private": True, "workspaces": ["packages/*"]},
        "yarn.lock": "# yarn lockfile v1\n\n\nreact@^18.2.0:\n  version \"18.2.0\"\n",
        "packages/ui/package.json": {"name": "@acme/ui", "version": "1.0.0", "main": "src/index.ts",
                                     "peerDependencies": {"react": ">=16.8.0"}, "devDependencies": {"react": "^18.2.0"}},
        "packages/ui/src/index.ts": "import * as React from 'react';\nexport const Hello = () => React.createElement('b');\n",
        "packages/embed/package.json": {"name": "embed", "private": True, "scripts": {"build": "rollup -c rollup.config.js"},
                                        "dependencies": {"@acme/ui": "1.0.0"},
                                        "devDependencies": {"rollup": "^2.23.0", "@rollup/plugin-node-resolve": "^8.4.0"}},
        "packages/embed/rollup.config.js": "import resolve from '@rollup/plugin-node-resolve';\n"
                                           "export default { input: 'src/index.ts', external: ['react'], output: "
                                           f"{{ file: 'build/client.js', format: '{fmt}', globals: {{ react: '__Host.React' }} }},"
                                           " plugins: [resolve({ browser: true })] };\n",
        "packages/embed/src/index.ts": "import { Hello } from '@acme/ui';\n(window as any).__Embed = { Hello };\n",
    })
    assert [code for code, _, _ in dep(root, select=("DEP003",))] == reported


@pytest.mark.parametrize("fmt, reported", [("iife", [("DEP001", "@ephox/katamari")]),
                                           ("es", [("DEP002", "tinymce"), ("DEP001", "@ephox/katamari")])])
def test_an_iife_rollup_builds_without_node_resolve_loads_no_package(tmp_path, fmt, reported):
    """An editor plugin rollup builds as an iife without the node-resolve plugin: every bare import
    becomes a global of the host page (`output.globals` maps `tinymce/...` to `tinymce.PluginManager`;
    rollup guesses the rest), so the devDependency it imports is no install's to hold (16 DEP002 on a
    real editor plugin), and the package it forgot belongs in devDependencies, where the build finds it.
    As an ES module the bundle imports both where it runs."""
    root = write(tmp_path, {
        "package.json": {"name": "editor-lists-plugin", "version": "1.0.0", "files": ["dist"],
                         "scripts": {"prepublishOnly": "npm run build", "build": "rollup -c"},
                         "devDependencies": {"rollup": "^4.9.0", "tinymce": "^6.8.0", "typescript": "^5.4.0"}},
        "rollup.config.js": "export default { input: 'src/Plugin.ts', external: ['tinymce/core/api/PluginManager'],\n"
                            f"  output: {{ file: 'dist/plugin.js', format: '{fmt}',\n"
                            "    globals: { 'tinymce/core/api/PluginManager': 'tinymce.PluginManager' } } };\n",
        "src/Plugin.ts": "import PluginManager from 'tinymce/core/api/PluginManager';\n"
                         "import { Arr } from '@ephox/katamari';\n"
                         "PluginManager.add('lists', () => Arr.map([1], (x) => x));\n",
    })
    assert [(code, package) for code, _, package in dep(root)] == reported
    undeclared, = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert undeclared.message.endswith("run `npm install --save-dev @ephox/katamari`" if fmt == "iife"
                                       else "run `npm install @ephox/katamari`")


def test_an_external_list_of_regex_literals_is_read(tmp_path):
    """`external: [/^react.*/, /^@radix-ui\\/*/]` in a vite library build is a list of literals, not
    computed: the bundle leaves out what the patterns match and inlines the rest (30 DEP005 warnings
    on a real UI library for packages vite inlines). Flags are honoured; a pattern Python cannot
    read, or a flag it does not know, counts as matching (the package then needs an install). A
    regex anywhere else (an esbuild list, which takes no patterns) still says nothing readable."""
    def library(name: str, external: str, config: str = "vite.config.ts", build: str = "vite build"):
        text = ("export default { build: { lib: { entry: 'src/index.ts' }, rollupOptions: { external: %s } } };\n"
                if config.startswith("vite") else "export default { entry: ['src/index.ts'], external: %s };\n")
        write(tmp_path / name, {"package.json": {"name": name, "version": "1.0.0", "scripts": {"build": build}},
                                config: text % external})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json")))

    found = library("ui", "[/^react.*/, /^@radix-ui\\/*/, 'zod']")
    assert found is not None and found.inlines("class-variance-authority") and found.inlines("cmdk")
    assert not any(found.inlines(p) for p in ("react", "react-dom", "@radix-ui/react-dialog", "zod"))
    cased = library("cased", "[/^REACT$/i]")
    assert not cased.inlines("react") and cased.inlines("react-dom")
    unread = library("unread", "[/^(?<scope>@acme)\\//]")  # a named group in JavaScript's spelling
    assert not unread.inlines("lodash")
    tsup = library("tsup", "[/^@nestjs\\//]", config="tsup.config.ts", build="tsup")
    assert tsup is not None and not tsup.inlines("@nestjs/core") and tsup.inlines("reflect-metadata")
    write(tmp_path / "esb", {"package.json": {"name": "esb", "version": "1.0.0", "scripts": {"build": "node build.mjs"}},
                             "build.mjs": "import { build } from 'esbuild';\n"
                                          "await build({ bundle: true, external: [/^pg/] });\n"})
    assert bundle_of(read_manifest(str(tmp_path / "esb" / "package.json"))) is None


@pytest.mark.parametrize("entry, output, bundled", [("./src/index.ts", "_bundles", False), ("./src/index.ts", "lib", True),
                                                     ("{ admin: './src/client/index.tsx' }", "dist/client", True)])
def test_a_umd_bundle_beside_the_code_users_load_is_no_bundle_of_the_package(tmp_path, entry, output, bundled):
    """`"main": "lib/index.js"`, which `tsc -b` writes, and webpack run by its path
    (`node ../../node_modules/.bin/webpack`) writing a UMD build of the same source to `_bundles/` (a 0x
    library): what the package's users load is tsc's output, which loads its imports from node_modules.
    A webpack output that holds the entry is the package's bundle, and so, as before, is one built from
    an entry of its own (an admin UI the server serves: its imports are the bundle's)."""
    entry = entry if entry.startswith("{") else f"'{entry}'"
    webpack = (f"const path = require('path');\nmodule.exports = {{ entry: {entry}, output: {{ path: "
               f"path.resolve(__dirname, '{output}'), filename: 'index.js', libraryTarget: 'umd' }}, externals: {{}} }};\n")
    write(tmp_path, {"package.json": {"name": "zero", "version": "1.0.0", "main": "lib/index.js",
                                      "scripts": {"build": "tsc -b && node ../../node_modules/.bin/webpack --mode production"}},
                     "webpack.config.js": webpack})
    assert (bundle_of(read_manifest(str(tmp_path / "package.json"))) is not None) is bundled


def test_a_published_webpack_or_rsbuild_build_and_webpack_externals_are_read(tmp_path):
    """webpack (or rspack) inlines every import its `externals` do not name, whatever the target
    and whether or not the package is published (a published CLI whose `bin` loads dist/main.js:
    20 DEP002), so an externals object's keys, or a list, are read like tsup's `external`; computed
    externals (`nodeExternals()`) say nothing. `rsbuild build` for the browser (its default target)
    ships a bundle that loads nothing from node_modules (a published UI a server package serves:
    261 DEP002); a node target is left unknown."""
    def bundle(name: str, scripts: dict, files: dict, private: bool = False):
        write(tmp_path / name, {"package.json": {"name": name, "version": "1.0.0", "scripts": scripts,
                                                 **({"private": True} if private else {})}, **files})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json")))

    webpack = "module.exports = { entry: './src/index.ts', target: 'node', externals: %s };\n"
    cli = bundle("cli", {"build": "tsc && webpack"}, {"webpack.config.js": webpack % "{ figlet: \"require('figlet')\" }"})
    assert cli is not None and cli.inlines("chalk") and not cli.inlines("figlet")
    listed = bundle("listed", {"build": "webpack"}, {"webpack.config.js": webpack % "['pg', /^@aws-sdk\\//]"})
    assert listed.inlines("lodash") and not listed.inlines("pg") and not listed.inlines("@aws-sdk/client-s3")
    assert bundle("computed", {"build": "webpack"}, {"webpack.config.js": webpack % "[nodeExternals()]"}) is None
    assert bundle("options", {"build": "webpack"},  # the options object of a call is no externals object
                  {"webpack.config.js": webpack % "[nodeExternals({ modulesDir: '../../node_modules' })]"}) is None
    assert bundle("fn", {"build": "webpack"}, {"webpack.config.js": webpack % "nodeExternals()"}) is None
    app = bundle("app", {"build": "webpack"}, {"webpack.config.js": webpack % "{ 'isolated-vm': 'commonjs isolated-vm' }"},
                 private=True)
    assert app is not None and app.inlines("lodash") and not app.inlines("isolated-vm")
    assert bundle("plain", {"build": "tsc"}, {"webpack.config.js": webpack % "{}"}) is None  # webpack builds nothing
    rsbuild = "export default { source: { entry: { main: './src/index.tsx' } }%s };\n"
    ui = bundle("ui", {"build": "rsbuild build"}, {"rsbuild.config.ts": rsbuild % ""})
    assert ui is not None and ui.inlines("react")
    assert bundle("node", {"build": "rsbuild build"}, {"rsbuild.config.ts": rsbuild % ", output: { target: 'node' }"}) is None


def test_ncc_and_pkgroll_builds_bundle_their_imports(tmp_path):
    """`ncc build` (@vercel/ncc) compiles a package and all it imports into one file, but what
    `-e`/`--external` names (a published CLI that ships only that file: 287 DEP002); `pkgroll`, like
    tsup, leaves out what dependencies and peerDependencies list and inlines the rest (2), and so
    does bunchee."""
    def bundle(name: str, scripts: dict, **more):
        write(tmp_path / name, {"package.json": {"name": name, "version": "1.0.0", "scripts": scripts, **more}})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json")))

    ncc = bundle("cli", {"build": "tsc && ncc build ./dist/cli.js -o ./bundle -e keytar --external=pg"})
    assert ncc is not None and ncc.inlines("chalk") and not ncc.inlines("keytar") and not ncc.inlines("pg")
    roll = bundle("svc", {"build": "pkgroll"}, dependencies={"zod": "^3.24.1"})
    assert roll is not None and roll.inlines("@acme/types")
    # bunchee bundles devDependencies and leaves dependencies and peers external (an LLM toolkit's readers: 2)
    bunched = bundle("readers", {"build": "bunchee"}, dependencies={"csv-parse": "^5.5.6"})
    assert bunched is not None and bunched.inlines("p-limit")
    assert bundle("plain", {"build": "tsc"}) is None


@pytest.mark.parametrize("config, inlined", [
    ("export default defineBuildConfig({ rollup: { inlineDependencies: true }, externals: ['pg'] })\n", True),
    ("export default defineBuildConfig({ failOnWarn: false })\n", True),
    ("export default defineBuildConfig({ entries: ['src/index'] })\n", False),
    (None, False)])
@pytest.mark.parametrize("build", ["unbuild", "nuxt-module-build build"])
def test_an_unbuild_build_inlines_undeclared_imports_only_where_its_settings_say(tmp_path, config, inlined, build):
    """unbuild keeps dependencies and peerDependencies external and inlines any other import with an
    "implicit external" warning, which fails the build by default: a published interop package that
    ships CommonJS libraries pre-bundled sets `rollup.inlineDependencies` (1 DEP002 on a real one).
    With the defaults a devDependency import breaks the build, so nothing is taken as inlined. Nuxt's
    module builder (`nuxt-module-build build`) is unbuild with the module's config (a real devtools
    module: 5 findings)."""
    files = {"package.json": {"name": "@acme/interop", "version": "1.0.0", "type": "module", "files": ["dist"],
                              "exports": {"./compression": "./dist/compression/index.mjs"},
                              "scripts": {"build": build},
                              "devDependencies": {"compression": "^1.8.1", "unbuild": "^3.5.0"}},
             "src/compression/index.ts": "import compression from 'compression';\nexport default compression;\n"}
    if config is not None:
        files["build.config.ts"] = "import { defineBuildConfig } from 'unbuild';\n" + config
    root = write(tmp_path, files)
    found = bundle_of(read_manifest(str(root / "package.json")))
    assert (found is not None and found.inlines("compression")) is inlined
    if found is not None and "pg" in config:
        assert not found.inlines("pg")
    codes = [d.code for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics]
    assert codes == ([] if inlined else ["DEP002"])


@pytest.mark.parametrize("declared, inlined", [("0.6.9", True), ("^0.7.4", True), ("^1.0.0", False), ("latest", False)])
def test_unbuild_0x_inlined_implicit_externals_with_a_warning(tmp_path, declared, inlined):
    """unbuild 0.x warned "Inlined implicit external" and went on; `failOnWarn`, on by default, came
    with 1.0: a package declaring a 0.x release ships its devDependency imports inside its bundle (a
    real generator package: 3 DEP002 on debug). An unknown version is read as a current one."""
    root = write(tmp_path, {"package.json": {"name": "@acme/gen", "version": "1.0.0", "main": "dist/index.cjs",
                                             "files": ["dist/**"], "scripts": {"build": "unbuild"},
                                             "devDependencies": {"debug": "4.3.3", "unbuild": declared}},
                            "build.config.ts": "export default { entries: ['./src/index'], declaration: true };\n",
                            "src/index.ts": "import debug from 'debug';\nexport const log = debug('gen');\n"})
    found = bundle_of(read_manifest(str(root / "package.json")))
    assert (found is not None and found.inlines("debug")) is inlined


@pytest.mark.parametrize("command, external", [
    ("bun build src/index.ts --target=node --packages=bundle --outfile=dist/index.js", ()),
    ("bun build src/index.ts --target bun --outdir dist -e pg --external=sharp", ("pg", "sharp")),
    ("bun build src/index.ts --packages external --outdir dist", None),
    ("bun build src/index.ts --packages=external --outdir dist", None),
    ("bun build src/index.ts --no-bundle --outdir dist", None),
    ("bun build src/index.ts --external '*' --outdir dist", None)])
def test_bun_build_bundles_its_imports_by_default(tmp_path, command, external):
    """`bun build` inlines every import but what `-e`/`--external` names (a published CLI whose runtime
    packages all sit in devDependencies beside its license file: 53 DEP002); `--packages external`,
    `--external '*'` or `--no-bundle` keep the packages out."""
    write(tmp_path, {"package.json": {"name": "acme-cli", "version": "1.0.0", "bin": {"acme": "dist/index.js"},
                                      "scripts": {"build": command}}})
    found = bundle_of(read_manifest(str(tmp_path / "package.json")))
    if external is None:
        assert found is None
    else:
        assert found is not None and found.inlines("chalk") and not any(found.inlines(p) for p in external)


@pytest.mark.parametrize("where", ["package.json nx field", "project.json"])
def test_an_nx_esbuild_build_with_third_party_packages_bundles_them(tmp_path, where):
    """Nx's esbuild executor with `thirdParty: true` inlines the packages a project imports, but what
    its `external` list names; the target may sit in project.json or in package.json's `nx` field,
    which Nx merges (a published browser widget keeping its runtime packages in devDependencies:
    218 DEP002). Without `thirdParty` it bundles only the project's own files."""
    def bundle(name: str, options: dict):
        target = {"build": {"executor": "@nx/esbuild:esbuild", "options": {"main": f"packages/{name}/src/index.ts",
                                                                          "bundle": True, **options}}}
        manifest = {"name": f"@acme/{name}", "version": "1.0.0", "main": "./dist/index.js"}
        files = {"package.json": {**manifest, "nx": {"targets": target}}} if where != "project.json" else {
            "package.json": manifest, "project.json": {"name": name, "targets": target}}
        write(tmp_path / name, files)
        return bundle_of(read_manifest(str(tmp_path / name / "package.json")))

    widget = bundle("widget", {"thirdParty": True, "platform": "browser", "external": ["react"]})
    assert widget is not None and widget.inlines("solid-js") and not widget.inlines("react")
    assert bundle("own", {"platform": "node"}) is None


@pytest.mark.parametrize("root, build, reported", [
    ("'web'", "tsc -p tsconfig.json && vite build", False),
    ("path.resolve(__dirname, 'web')", "tsc -p tsconfig.json && vite build", False),
    ("'web'", "tsc -p tsconfig.json", True)])
def test_the_files_of_a_vite_apps_root_folder_are_its_bundles_inputs(tmp_path, root, build, reported):
    """A package that builds a server with tsc and a web client with `vite build`, whose vite config
    names the client's folder as its `root` (a string, or `path.resolve(__dirname, 'web')`): the
    client's files are inputs of the vite bundle, their devDependencies inlined, though the package
    as a whole is not bundled (a published IRC client: 13 DEP002). Without the vite build they are
    counted as shipping."""
    files = {
        "package.json": {"name": "chat-bridge", "version": "1.0.0", "main": "lib/app.js",
                         "scripts": {"build": build, "start": "node lib/app.js"},
                         "dependencies": {"express": "^4.21.0"}, "devDependencies": {"vite": "^7.0.0", "preact": "^10.26.0"}},
        "vite.config.ts": f"import path from 'path';\nexport default {{ root: {root}, build: {{ outDir: '../public' }} }};\n",
        "tsconfig.json": {"compilerOptions": {"outDir": "./lib"}},
        "web/index.ts": "import { render, h } from 'preact';\nrender(h('p', null, 'hi'), document.body);\n",
        "src/app.ts": "import express from 'express';\nexpress().listen(8080);\n",
    }
    assert dep(write(tmp_path, files)) == ([("DEP002", "web/index.ts", "preact")] if reported else [])


@pytest.mark.parametrize("main, reported", [("client/main.js", []), ("lib/app.js", [])])
def test_a_main_entry_inside_the_vite_root_is_an_input_of_its_bundle(tmp_path, main, reported):
    """`"main": "client/main.js"` in a published personal-finance app whose vite config says
    `root: './client'`: the file is the page's module script, which vite bundles with React; the
    package's `bin` starts the server (215 DEP002 on the client's imports). A `main` outside the vite
    root keeps the client's files inputs of the bundle as before."""
    files = {
        "package.json": {"name": "budget", "version": "1.0.0", "main": main, "bin": {"budget": "bin/app.js"},
                         "scripts": {"build": "vite build && tsc -p server"},
                         "dependencies": {"express": "4.18.2"}, "devDependencies": {"react": "18.2.0", "vite": "5.0.0"}},
        "vite.config.js": "export default { root: './client', build: { outDir: '../build/client' } };\n",
        "client/index.html": '<div id="app"></div><script type="module" src="./main.tsx"></script>\n',
        "client/main.tsx": "import { useState } from 'react';\n\nexport function App() {\n  const [n] = useState(0);\n  return n;\n}\n",
        "bin/app.js": "require('../build/server');\n",
    }
    assert dep(write(tmp_path, files)) == reported


@pytest.mark.parametrize("how", ["bundle script", "nx target", "release only", "other externals"])
def test_a_bundle_script_that_leaves_out_the_dependencies_is_the_packages_build(tmp_path, how):
    """A published CLI built by `tsc -b` whose `bundle` script runs a file calling esbuild's API with
    `bundle: true`, directly or through its Nx project's run-commands target (`"bundle": "nx
    bundle"`), leaving external exactly what its dependencies list: the release publishes that
    bundle (29 DEP002 on a real CLI). A script of another name (`release`), or a bundle whose
    external list says nothing of the dependencies (another artifact), is not read as the build."""
    script = {"bundle script": "node bin/bundle.js", "nx target": "nx bundle", "release only": "node bin/bundle.js",
              "other externals": "node bin/bundle.js"}[how]
    files = {
        "nx.json": {},
        "packages/cli/package.json": {"name": "@acme/cli", "version": "1.0.0", "bin": {"acme": "./bin/run.js"},
                                      "scripts": {"build": "tsc -b", "bundle" if how != "release only" else "release": script},
                                      "dependencies": {"esbuild": "0.28.0", **({"chalk": "5.0.0"} if how == "other externals" else {})}},
        "packages/cli/bin/bundle.js": "import { build } from 'esbuild';\n"
                                      "build({ bundle: true, entryPoints: ['src/index.ts'], external: ['esbuild'] });\n",
        "packages/cli/project.json": {"name": "cli", "targets": {"bundle": {
            "executor": "nx:run-commands", "options": {"command": "node bin/bundle.js", "cwd": "packages/cli"}}}},
    }
    write(tmp_path, files)
    found = bundle_of(read_manifest(str(tmp_path / "packages/cli/package.json")))
    if how in ("release only", "other externals"):
        assert found is None
    else:
        assert found is not None and found.inlines("@oclif/core") and not found.inlines("esbuild")


def test_a_serverless_service_bundled_by_its_plugin(tmp_path):
    """A Serverless Framework service whose config lists serverless-bundle, serverless-esbuild or
    serverless-webpack among its plugins: each function is bundled before upload, so only what the
    plugin's settings keep external needs an install (274 DEP005 warnings on a real repository's
    services). A config the YAML reader cannot read (CloudFormation tags), or webpack externals
    that are computed, say nothing."""
    def bundle(name: str, files: dict):
        write(tmp_path / name, {"package.json": {"name": name, "version": "1.0.0", "main": "serverless.ts"}, **files})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json")))

    ts = bundle("ts", {"serverless.ts": "module.exports = { service: 'orders', plugins: ['serverless-bundle'], "
                                         "custom: { bundle: { externals: ['sharp'] } } };\n"})
    assert ts is not None and ts.inlines("source-map-support") and not ts.inlines("sharp")
    yml = bundle("yml", {"serverless.yml": "service: pricing\nplugins:\n  - serverless-esbuild\ncustom:\n  esbuild:\n"
                                           "    bundle: true\n    exclude:\n      - dd-trace\n      - '@aws-sdk/client-ssm'\n"})
    assert yml is not None and yml.inlines("zod") and not yml.inlines("dd-trace") and not yml.inlines("@aws-sdk/client-ssm")
    assert bundle("tags", {"serverless.yml": "plugins:\n  - serverless-esbuild\nresources:\n  Out: !Ref Thing\n"}) is None
    assert bundle("wp", {"serverless.yml": "plugins:\n  - serverless-webpack\n",
                         "webpack.config.js": "module.exports = { externals: [nodeExternals()] };\n"}) is None
    assert bundle("plain", {"serverless.yml": "plugins:\n  - serverless-offline\n"}) is None


@pytest.mark.parametrize("config, runtime, reported", [
    ("serverless.yml", "nodejs20.x", ["aws-sdk", "dotenv"]),
    ("serverless.ts", "nodejs18.x", ["aws-sdk", "dotenv"]),
    ("serverless.yml", "nodejs16.x", ["@aws-sdk/client-s3", "dotenv"]),
    ("serverless.yml", None, ["@aws-sdk/client-s3", "aws-sdk", "dotenv"]),
])
def test_the_sdk_a_lambda_runtime_provides_may_stay_a_devdependency(tmp_path, config, runtime, reported):
    """A Serverless service deployed to `nodejs18.x` or later keeps `@aws-sdk/*` in devDependencies on
    purpose: the Lambda runtime ships the v3 SDK, and leaving it out keeps the upload small (a real
    service: 10 DEP002). Before `nodejs18.x` the runtime ships the v2 `aws-sdk` instead; a service
    whose runtime is not said provides nothing. Any other devDependency still fails."""
    text = ("service: api\nprovider:\n  name: aws\n" + (f"  runtime: {runtime}\n" if runtime else "")) \
        if config.endswith(".yml") else f"module.exports = {{ service: 'api', provider: {{ name: 'aws', runtime: '{runtime}' }} }};\n"
    write(tmp_path, {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "main": "dist/handler.js",
                         "dependencies": {"serverless-http": "^3.2.0"},
                         "devDependencies": {"@aws-sdk/client-s3": "^3.321.0", "aws-sdk": "^2.1500.0", "dotenv": "^16.0.0",
                                             "serverless": "^3.27.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]},
        config: text,
        "src/handler.ts": "import { S3Client } from '@aws-sdk/client-s3';\nimport { S3 } from 'aws-sdk';\n"
                          "import 'dotenv/config';\nexport const handler = async () => [new S3Client({}), new S3()];\n",
    })
    assert sorted(p for _, _, p in dep(tmp_path, select=("DEP002",))) == reported


def test_the_sdk_a_lambda_runtime_provides_is_advised_as_a_devdependency_and_a_service_is_never_published(tmp_path):
    """`aws-sdk` (v2), undeclared, in a Serverless service on `nodejs16.x` that excludes it from its
    bundle: the runtime provides it, so the fix declares it in devDependencies, where the rule accepts
    it (two monitoring services: 25 DEP001 advising `dependencies`). On `nodejs18.x` the runtime no longer
    does, and the DEP002 asks to move it to dependencies: never to peerDependencies "of this published
    package", as a service is deployed, not installed by an application."""
    def service(name: str, runtime: str, dev: dict) -> Path:
        return write(tmp_path / name, {
            "package.json": {"name": "svc", "version": "1.0.0", "dependencies": {"@middy/core": "^3.4.0"},
                             "devDependencies": {"serverless": "^3.39.0", "serverless-esbuild": "^1.23.3", **dev}},
            "package-lock.json": {"name": "svc", "lockfileVersion": 3, "packages": {
                "": {"name": "svc"}, "node_modules/@middy/core": {"version": "3.6.2"},
                "node_modules/serverless": {"version": "3.39.0", "dev": True},
                "node_modules/aws-sdk": {"version": "2.1489.0", "dev": True}}},
            "serverless.yml": f"service: svc\nplugins:\n  - serverless-esbuild\nprovider:\n  name: aws\n  runtime: {runtime}\n"
                              "custom:\n  esbuild:\n    bundle: true\n    exclude:\n      - aws-sdk\n",
            "src/handler.ts": "import { DynamoDB } from 'aws-sdk';\n\nexport const main = async () => new DynamoDB.DocumentClient();\n",
        })
    [d] = pipeline.lint([str(service("v16", "nodejs16.x", {}))], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP001" and "to devDependencies" in d.message and "Lambda runtime" in d.message, d.message
    [d] = pipeline.lint([str(service("v18", "nodejs18.x", {"aws-sdk": "^2.1489.0"}))], Settings(select=["DEP"]),
                        use_cache=False).diagnostics
    assert d.code == "DEP002" and "move it to dependencies" in d.message and "peerDependencies" not in d.message, d.message


@pytest.mark.parametrize("main", ["serverless.ts", None])
def test_the_serverless_config_and_a_knexfile_a_script_names_are_tools(tmp_path, main):
    """`serverless.ts` (which the aws-nodejs-typescript template also names as `main`) is read by the
    `sls` CLI to deploy, and `knex --knexfile knex/knexfile.ts` loads the knex CLI's configuration:
    neither runs in a function, so their devDependency `dotenv` is no production import (a real
    Lambda API: 2 DEP002). The handler's own import of it still is."""
    manifest = {"name": "orders-api", "version": "1.0.0", "private": True,
                "scripts": {"deploy": "sls deploy", "migrate": "knex --knexfile knex/knexfile.ts migrate:latest"},
                "dependencies": {"knex": "^2.4.2", "serverless-http": "^3.2.0"},
                "devDependencies": {"dotenv": "^16.0.3", "serverless": "^3.27.0", "typescript": "^5.4.5"}}
    write(tmp_path, {
        "package.json": {**manifest, "main": main} if main else manifest,
        "tsconfig.json": {"compilerOptions": {"outDir": "dist"}, "include": ["src", "knex", "serverless.ts"]},
        "serverless.ts": "import * as dotenv from 'dotenv';\ndotenv.config();\n"
                         "module.exports = { service: 'orders', functions: { api: { handler: 'src/handler.handler' } } };\n",
        "knex/knexfile.ts": "import * as dotenv from 'dotenv';\ndotenv.config();\nexport default { client: 'pg' };\n",
        "src/handler.ts": "import 'dotenv/config';\nimport serverless from 'serverless-http';\nexport const handler = serverless(() => 1);\n",
    })
    assert [p for _, p, _ in dep(tmp_path, select=("DEP002",))] == ["src/handler.ts"]


def test_dep005_is_silent_for_what_a_library_bundle_inlines(tmp_path):
    """The same at the rule: a root-only package a vite library build inlines publishes inside the
    bundle; one its external list names is left to installs, and reported."""
    vite = ("export default { build: { lib: { entry: 'src/index.ts' }, rollupOptions: { external: ['react'] } } };\n")
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["libs/*"],
                         "dependencies": {"react": "18.2.0", "zod": "3.21.4"}},
        "libs/env/package.json": {"name": "@acme/env", "version": "0.0.1", "main": "./index.js",
                                  "scripts": {"build": "vite build"}},
        "libs/env/vite.config.ts": vite,
        "libs/env/src/index.ts": "import { z } from 'zod';\nimport { useState } from 'react';\n\n"
                                 "export const schema = z.object({});\nexport const use = useState;\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in diags] == ["react"]


def test_a_build_script_that_runs_another_script_is_followed(tmp_path):
    """`"build": "npm run package"` with `"package": "tsdown"`: the bundler lives one script name
    further (a real published CLI had 325 DEP002 findings from reading `build` alone). Followed
    through npm, pnpm, yarn and bun, a few names deep, cycles and unknown names ignored."""
    def bundled(name: str, scripts: dict) -> bool:
        write(tmp_path / name, {"package.json": {"name": name, "scripts": scripts}})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json"))) is not None

    assert bundled("npm", {"build": "npm run package", "package": "rm -rf dist && tsdown"})
    assert bundled("pnpm", {"build": "pnpm clean && pnpm bundle", "clean": "rm -rf dist", "bundle": "tsup"})
    assert bundled("yarn", {"prepack": "yarn run compile", "compile": "yarn run bundle:all", "bundle:all": "tsup"})
    assert not bundled("loop", {"build": "npm run build:a", "build:a": "npm run build"})
    assert not bundled("other", {"build": "npm run compile", "compile": "tsc -p .", "bundle": "tsup"})
    assert not bundled("missing", {"build": "pnpm install && tsc"})
    assert bundled("compile", {"compile": "tsup"})  # a build named `compile`


def test_a_tsc_build_named_compile_leaves_out_what_its_tsconfig_excludes(tmp_path):
    """`"compile": "tsc"` over a tsconfig that excludes `Tests/`: test harnesses there are never
    emitted (2 DEP002 on a real repository, silent with the script named `build`)."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/common", "version": "1.2.0", "main": "index.js",
                         "scripts": {"compile": "tsc", "test": "jest"}, "dependencies": {"express": "^4.21.1"},
                         "devDependencies": {"@testing-library/react": "^13.3.0", "typescript": "^5.9.3"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "build", "jsx": "react-jsx"}, "exclude": ["node_modules", "build", "Tests"]},
        "index.ts": "import express from 'express';\nexport const app = express();\n",
        "Tests/UI/Harness.tsx": "import { render } from '@testing-library/react';\nexport const mount = render;\n",
    })
    assert dep(root) == []


@pytest.mark.parametrize("build", [
    "cross-env DISTRIBUTION=admin yarn workspace @acme/cli bundle",
    "pnpm --filter @acme/cli run bundle",
    "pnpm -F=@acme/cli bundle",
    "npm run bundle --workspace=@acme/cli",
    "npm run bundle -w @acme/cli",
])
def test_a_build_handed_to_a_workspace_bundler_tool_ships_a_bundle(tmp_path, build):
    """A private app whose build runs a script of another workspace package that declares a bundler
    (`yarn workspace @acme/cli bundle`, the repository's webpack driver) ships what that bundler
    makes of it (a real admin app: 11 DEP002). A build handed to a package that declares no
    bundler, or a script the tool lacks, says nothing of bundling."""
    def app(name: str, command: str, tool_dependencies: dict) -> list:
        root = tmp_path / name
        write(root, {
            "package.json": {"name": "root", "private": True, "workspaces": ["apps/*", "tools/*"]},
            "tools/cli/package.json": {"name": "@acme/cli", "private": True,
                                       "scripts": {"bundle": "node --loader ts-node/esm ./src/bin/build.ts"},
                                       "devDependencies": tool_dependencies},
            "tools/cli/src/bin/build.ts": "export const build = 1;\n",
            "apps/admin/package.json": {"name": "@acme/admin", "private": True, "scripts": {"build": command},
                                        "exports": {"./utils": "./src/utils.ts"},
                                        "devDependencies": {"clsx": "^2.1.1", "cross-env": "^7.0.3"}},
            "apps/admin/src/utils.ts": "import { clsx } from 'clsx';\nexport const cn = clsx;\n",
        })
        return dep(root)

    assert app("webpack", build, {"webpack": "^5.90.0", "ts-node": "^10.9.2"}) == []
    assert app("tsc", build, {"typescript": "^5.4.0"}) == [("DEP002", "apps/admin/src/utils.ts", "clsx")]
    assert app("other", build.replace("bundle", "lint"), {"webpack": "^5.90.0"}) == [
        ("DEP002", "apps/admin/src/utils.ts", "clsx")]


@pytest.mark.parametrize(("build", "bundled"), [
    ("NODE_OPTIONS=--max-old-space-size=4096 acme-cli build", True),
    ("yarn acme-cli build --publish", True),
    ("acme-cli lint", False),  # the wrapper asked for something else
])
def test_a_build_run_by_the_workspaces_own_cli_around_a_bundler_ships_a_bundle(tmp_path, build, bundled):
    """A published component whose build is the repository's own CLI (`acme-cli build`, a member's
    `bin` that depends on vite and calls its `build` with a shared library config) ships a bundle,
    as `vite build` would (a real low-code platform: its plugin's fixes wrote 156 inlined libraries
    into `dependencies`): an imported devDependency is no defect there. A CLI that bundles
    nothing (no bundler in its dependencies) says nothing of bundling."""
    def plugin(name: str, cli_dependencies: dict, command: str = build) -> list:
        return dep(write(tmp_path / name, {
            "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
            "packages/cli/package.json": {"name": "acme-cli", "version": "0.1.0", "type": "module",
                                          "bin": "./index.js", "dependencies": cli_dependencies},
            "packages/cli/index.js": "import { build } from 'vite';\nawait build({});\n",
            "packages/chart/package.json": {"name": "acme-chart", "version": "1.0.0", "type": "module",
                                            "scripts": {"build": command},
                                            "devDependencies": {"acme-cli": "^0.1.0", "loglevel": "^1.9.2"}},
            "packages/chart/vite.config.js": "export default { build: { lib: { entry: 'src/index.ts' } } };\n",
            "packages/chart/src/index.ts": "import log from 'loglevel';\nexport const draw = () => log.info('drawn');\n",
        }))

    reported = [("DEP002", "packages/chart/src/index.ts", "loglevel")]
    assert plugin("vite", {"vite": "^5.4.11"}) == ([] if bundled else reported)
    assert plugin("plain", {"commander": "^9.4.1"}) == reported


def test_rsbuild_and_rspack_apps_ship_a_bundle(tmp_path):
    """A private app built by rsbuild (its config or `rsbuild build`) or by rspack bundles its
    devDependencies (all but what its externals name), like a vite or webpack app; its
    `rsbuild.config.ts` is a tool config."""
    def bundled(name: str, manifest: dict, files: dict) -> bool:
        write(tmp_path / name, {"package.json": {"name": name, **manifest}, **files})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json"))) is not None

    assert bundled("web", {"private": True, "scripts": {"build": "rsbuild build"}}, {})
    assert bundled("cfg", {"private": True}, {"rsbuild.config.ts": "export default {};\n"})
    assert bundled("rs", {"private": True}, {"rspack.config.js": "module.exports = {};\n"})
    write(tmp_path / "ext", {"package.json": {"name": "ext", "private": True},
                             "rspack.config.js": "module.exports = { externals: ['pg'] };\n"})
    ext = bundle_of(read_manifest(str(tmp_path / "ext" / "package.json")))  # all but what externals names
    assert ext is not None and ext.inlines("lodash") and not ext.inlines("pg")
    assert bundled("pub", {"scripts": {"build": "rsbuild build"}}, {})  # published: a browser bundle all the same
    assert dev_reason("rsbuild.config.ts") and dev_reason("rslib.config.mts") and dev_reason("rspress.config.ts")


def test_modern_js_apps_ship_a_bundle_unless_they_render_on_the_server(tmp_path):
    """A private Modern.js app (`modern build`, @modern-js/app-tools, rspack or webpack underneath)
    ships a client bundle (a real app had 18 DEP005 for what it bundles). Not a server-rendered one
    (`server.ssr`: its server code loads packages from node_modules), nor a library that Modern.js'
    module tools build for npm."""
    def bundled(name: str, manifest: dict, files: dict) -> bool:
        write(tmp_path / name, {"package.json": {"name": name, "private": True, **manifest}, **files})
        return bundle_of(read_manifest(str(tmp_path / name / "package.json"))) is not None

    app = {"scripts": {"build": "modern build"}, "devDependencies": {"@modern-js/app-tools": "2.60.0"}}
    config = "import { appTools, defineConfig } from '@modern-js/app-tools';\n"
    assert bundled("spa", app, {"modern.config.ts": config + "export default defineConfig({ plugins: [appTools({ bundler: 'rspack' })] });\n"})
    assert bundled("bare", app, {})
    assert not bundled("ssr", app, {"modern.config.ts": config + "export default defineConfig({ server: { ssr: true }, plugins: [appTools()] });\n"})
    assert not bundled("lib", {"scripts": {"build": "modern build"}, "devDependencies": {"@modern-js/module-tools": "2.60.0"}}, {})
    assert dev_reason("modern.config.ts")


NEST_SERVICE = {
    "package.json": {"name": "@acme/orders", "private": True, "scripts": {"start:prod": "node dist/main.js"},
                     "dependencies": {"@nestjs/common": "^10.4.0", "@nestjs/core": "^10.4.0",
                                      "@nestjs/platform-express": "^10.4.0"},
                     "devDependencies": {"@faker-js/faker": "^9.0.0"}},
    "nest-cli.json": {"sourceRoot": "src", "entryFile": "main"},
    "src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n"
                   "void NestFactory.create(AppModule);\n",
    "src/app.module.ts": "import { Module } from '@nestjs/common';\nimport { seedDemo } from './fixtures/demo';\n"
                         "@Module({})\nexport class AppModule {}\nexport const seeds = [seedDemo];\n",
    "src/fixtures/demo.ts": "import { faker } from '@faker-js/faker';\nexport const seedDemo = () => faker.person.fullName();\n",
    "test/factories/order.ts": "import { faker } from '@faker-js/faker';\nexport const order = () => faker.string.uuid();\n",
}


def test_reachability_from_entry_points_overrides_conventions(tmp_path):
    """A fixtures/ file imported by the running app ships; one under test/ does not."""
    root = write(tmp_path / "svc", NEST_SERVICE)
    assert dep(root) == [("DEP002", "src/fixtures/demo.ts", "@faker-js/faker")]


@pytest.mark.parametrize("verbatim", [False, True])
def test_an_import_the_compiler_drops_reaches_nothing(tmp_path, verbatim):
    """A construct imports only a type from its Lambda handler (`import { InitProps } from
    './lambda/init.js'`, used as an annotation): tsc drops the import, so the published library
    never loads the handler, which is no longer called reached from the entry (a real CDK library's
    explanation said it was). An import whose names the file never uses is dropped too, unless the
    tsconfig keeps imports as written (verbatimModuleSyntax keeps both); a value use keeps the
    handler reached."""
    options = {"module": "Node16", "rootDir": "src", "outDir": "lib", **({"verbatimModuleSyntax": True} if verbatim else {})}
    root = write(tmp_path, {
        "package.json": {"name": "@acme/auth", "version": "1.0.0", "main": "lib/index.js"},
        "tsconfig.json": {"compilerOptions": options},
        "src/index.ts": "export { AuthConstruct } from './construct.js';\nimport './unused.js';\n"
                        "import { helper } from './helper.js';\n",
        "src/construct.ts": "import { InitProps } from './lambda/init.js';\n"
                            "export class AuthConstruct { props: InitProps = { id: 'x' }; }\n",
        "src/helper.ts": "export const helper = 1;\n",
        "src/unused.ts": "export const unused = 1;\n",
        "src/lambda/init.ts": "export type InitProps = { id: string };\nexport const handler = async () => 1;\n",
    })
    def why(rel: str) -> str:
        return cli("--explain-file", rel, cwd=root).stdout.decode().splitlines()[0]
    assert ("no entry point reaches it" in why("src/lambda/init.ts")) != verbatim  # verbatim: kept, and loaded
    assert "reached by value imports" in why("src/unused.ts")  # a side-effect import always loads
    assert ("reached by value imports" in why("src/helper.ts")) == verbatim  # imported, never used
    write(root, {"src/construct.ts": "import { InitProps, handler } from './lambda/init.js';\n"
                                     "export class AuthConstruct { props: InitProps = { id: 'x' }; run = handler; }\n"})
    assert "reached by value imports" in why("src/lambda/init.ts")


def test_files_a_framework_writes_are_not_checked(tmp_path):
    """Nitro's `.nitro/types/*.d.ts`, AdonisJS's `.adonisjs/` and Next's `next-env.d.ts`, committed in folders a removed
    example left behind: the framework rewrites them on every build, and their imports are its own
    (a real repository: 24 DEP001 and IMP002 advising the root to install nitropack, h3 and next).
    The same package imported by the project's own file is still reported."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["platform"]},
        "platform/package.json": {"name": "@acme/platform", "private": True, "dependencies": {"zod": "^3.23.0"}},
        "examples/old-next/next-env.d.ts": '/// <reference types="next" />\n/// <reference types="next/image-types/global" />\n',
        "examples/old-nitro/.nitro/types/nitro-imports.d.ts": "export { defineEventHandler } from 'h3';\n"
                                                              "export type { NitroApp } from 'nitropack';\n"
                                                              "export { x } from '../../../nitro/dist/runtime/index';\n",
        # AdonisJS's assembler writes `.adonisjs/` on every serve and build (a real app: 1 DEP001)
        "examples/adonis/.adonisjs/client/data.d.ts": "import type { InferSharedProps } from '@adonisjs/inertia/types';\n"
                                                      "export type Shared = InferSharedProps<unknown>;\n",
    })
    assert dep(root, select=("DEP", "IMP")) == []
    write(root, {"examples/old-next/page.tsx": "import Link from 'next/link';\nexport const P = () => <Link href=\"/\" />;\n"})
    assert dep(root, select=("DEP", "IMP")) == [("DEP001", "examples/old-next/page.tsx", "next")]


def test_a_leftover_in_a_library_only_browser_bundles_use_is_no_production_code(tmp_path):
    """An Nx library the React app bundles through `@acme/ui/*`: its old copy `button-old.tsx`,
    which nothing imports, is a leftover of bundle source, not production code of the root package
    (a real console: DEP002 "move it to dependencies" while its siblings were bundle inputs). Once
    the Nest server's entry reaches a file of the library, the leftover is presumed to ship again."""
    app = {"executor": "@nx/webpack:webpack", "options": {"main": "apps/web/src/main.tsx", "index": "apps/web/src/index.html"}}
    api = {"executor": "@nx/webpack:webpack", "options": {"target": "node", "main": "apps/api/src/main.ts"}}
    cva = "import { cva } from 'class-variance-authority';\n"
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "dependencies": {"@nestjs/core": "^10.0.0", "react": "^18.2.0",
                                                                          "@nestjs/platform-express": "^10.0.0"},
                         "devDependencies": {"class-variance-authority": "^0.7.0", "nx": "16.6.0", "@nx/webpack": "16.6.0"}},
        "nx.json": {},
        "tsconfig.base.json": {"compilerOptions": {"baseUrl": ".", "jsx": "react-jsx",
                                                   "paths": {"@acme/ui/*": ["libs/ui/src/*"]}}},
        "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {"build": api}},
        "apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\nNestFactory.create(class {});\n",
        "apps/web/project.json": {"name": "web", "projectType": "application", "targets": {"build": app}},
        "apps/web/src/index.html": "<div id=\"root\"></div>\n",
        "apps/web/src/main.tsx": "import { Button } from '@acme/ui/button';\nexport const app = <Button />;\n",
        "libs/ui/project.json": {"name": "ui", "projectType": "library", "targets": {}},
        "libs/ui/src/button.tsx": cva + "export const Button = () => <button className={cva('btn')()} />;\n",
        "libs/ui/src/button-old.tsx": cva + "export const OldButton = () => <button className={cva('old')()} />;\n",
    })
    assert dep(root) == []
    write(root, {"apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { Button } from '@acme/ui/button';\n"
                                         "NestFactory.create(class {});\nconsole.log(Button);\n"})
    assert ("DEP002", "libs/ui/src/button-old.tsx", "class-variance-authority") in dep(root)


def test_the_demo_app_of_a_library_monorepo_is_no_production_entry(tmp_path):
    """An Nx Node app in `apps/example` that shows the published libraries at work, which only `nx
    serve` runs from the checkout: its main is no production entry, so the root's devDependencies
    copies of Nest are not "moved to dependencies" (a real plugin monorepo: 10 DEP002). The same app
    in `apps/api` is a service."""
    def repo(folder: str) -> Path:
        build = {"executor": "@nx/webpack:webpack", "options": {"target": "node", "main": f"apps/{folder}/src/main.ts"}}
        return write(tmp_path / folder, {
            "package.json": {"name": "acme-plugins", "version": "1.0.0", "workspaces": ["packages/*"],
                             "devDependencies": {"@nestjs/core": "^10.0.0", "@nestjs/platform-express": "^10.0.0",
                                                 "nx": "^17.0.0"}},
            "nx.json": {},
            f"apps/{folder}/project.json": {"name": folder, "projectType": "application",
                                            "targets": {"build": build, "serve": {"executor": "@nx/js:node"}}},
            f"apps/{folder}/src/main.ts": "import { NestFactory } from '@nestjs/core';\nNestFactory.create(class {});\n",
            "packages/zod-nest/package.json": {"name": "@acme/zod-nest", "version": "2.0.0",
                                               "peerDependencies": {"@nestjs/core": "^10.0.0"}},
        })
    assert dep(repo("example")) == []
    assert ("DEP002", "apps/api/src/main.ts", "@nestjs/core") in dep(repo("api"))


def test_a_spec_folder_at_the_packages_top_holds_tests(tmp_path):
    """`spec/util/containers.ts`, a helper of the e2e suite vitest runs from `spec/` (a real bridge
    service: 3 DEP002 on testcontainers): a `spec/` folder at the package's top is a test folder, as
    `test/` is. Inside the source, `src/openapi/spec/` is production code (schemas the API serves)."""
    root = write(tmp_path, {
        "package.json": {"name": "hook-bridge", "version": "2.1.0", "main": "lib/app.js",
                         "scripts": {"start": "node lib/app.js"}, "dependencies": {"express": "^4.0.0"},
                         "devDependencies": {"testcontainers": "^10.0.0", "zod": "^3.0.0"}},
        "src/app.ts": "import express from 'express';\nimport { schema } from './openapi/spec/user';\n"
                      "express().listen(9000);\nconsole.log(schema);\n",
        "src/openapi/spec/user.ts": "import { z } from 'zod';\nexport const schema = z.object({});\n",
        "spec/util/containers.ts": "import { GenericContainer } from 'testcontainers';\n"
                                   "export const redis = () => new GenericContainer('redis').start();\n",
        "spec/basic.spec.ts": "import { redis } from './util/containers';\nredis();\n",
    })
    assert dep(root) == [("DEP002", "src/openapi/spec/user.ts", "zod")]


def test_a_bundle_script_is_the_packages_production_build(tmp_path):
    """`"build": "tsc"` type-checks, and `"bundle": "tsx bundle.ts"` (esbuild's API with `bundle:
    true`), which the deploy package runs, makes what ships: the Lambda handlers' bundles, with
    the root's zod inside (a real clinic platform: 229 DEP005 and 2 DEP002). Without that script the
    package ships its files."""
    files = {
        "package.json": {"name": "clinic", "private": True, "workspaces": ["packages/*"], "dependencies": {"zod": "^3.25.0"}},
        "package-lock.json": {"name": "clinic", "lockfileVersion": 3, "packages": {"": {"name": "clinic"}}},
        "Dockerfile": "FROM node:20\nWORKDIR /app\nCOPY packages/functions/package.json ./\nRUN npm install\n",
        "packages/functions/package.json": {"name": "functions", "version": "1.0.0", "private": True,
                                            "scripts": {"build": "tsc", "bundle": "tsx bundle.ts", "start": "node dist/index.js"},
                                            "devDependencies": {"esbuild": "^0.25.1"}},
        "packages/functions/bundle.ts": "import * as esbuild from 'esbuild';\n"
                                        "esbuild.build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'node', "
                                        "outdir: '.dist', external: ['@aws-sdk/*'] });\n",
        "packages/functions/src/index.ts": "import { z } from 'zod';\nexport const handler = () => z.string();\n",
    }
    assert dep(write(tmp_path / "bundled", files)) == []
    plain = {**files, "packages/functions/package.json": {**files["packages/functions/package.json"],
                                                          "scripts": {"build": "tsc", "start": "node dist/index.js"}}}
    del plain["packages/functions/bundle.ts"]
    assert dep(write(tmp_path / "plain", plain)) == [("DEP005", "packages/functions/src/index.ts", "zod")]


@pytest.mark.parametrize("options, reported", [("bundle: true, external", False), ("bundle: true, external: external", False),
                                              ("bundle, external", True)])
def test_a_shorthand_property_of_a_build_call_reads_as_its_constant(tmp_path, options, reported):
    """`esbuild.build({ bundle: true, external })` with `const external = ['fsevents']` above: the shorthand is
    `external: external`, the list the build leaves out; the CLI it builds is one bundle, everything else
    inlined (a coding assistant's CLI: 150 DEP002, the list taken for unreadable and the package for unbundled).
    `bundle` as a shorthand of `const bundle = true`, which the reader does not follow, says nothing: not bundled."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/cli", "version": "1.0.0", "type": "module", "main": "dist/index.js",
                         "bin": {"acme": "dist/index.js"}, "scripts": {"build": "node build.mjs"},
                         "devDependencies": {"chalk": "^5.4.1", "esbuild": "^0.25.9"}},
        "build.mjs": "import * as esbuild from 'esbuild';\n\nconst external = ['fsevents'];\nconst bundle = true;\n\n"
                     "await esbuild.build({ entryPoints: ['src/index.ts'], platform: 'node', outfile: 'dist/index.js', "
                     f"{options} }});\n",
        "src/index.ts": "import chalk from 'chalk';\n\nconsole.log(chalk.green('hi'));\n",
    })
    assert dep(root, select=("DEP002",)) == ([("DEP002", "src/index.ts", "chalk")] if reported else [])


@pytest.mark.parametrize("scripts, bundled", [
    ({"build": "nest build", "esbuild": "node compileBundle.mjs"}, True),
    ({"build": "nest build", "build:lambda": "node compileBundle.mjs"}, True),
    ({"build": "nest build", "package": "node compileBundle.mjs"}, True),
    ({"build": "nest build", "build:all": "nest build && npm run lambdas", "lambdas": "node compileBundle.mjs"}, True),
    ({"build": "nest build", "test:bundle": "node compileBundle.mjs"}, False),
    ({"build": "nest build"}, False),
])
def test_a_private_packages_bundle_script_ships_whatever_its_name(tmp_path, scripts, bundled):
    """A private service whose Makefile zips the esbuild bundles a script makes (`"esbuild": "node
    compileBundle.mjs"`, `build:lambda`, `package`): the bundles are what deploys, whatever the
    script is called, with the Lambda runtime's `@aws-sdk/*` left external and kept in
    devDependencies (a real bridge service: 3 DEP002 "move it to dependencies"). A script for the
    tests, or none, leaves the service shipping its files."""
    root = write(tmp_path, {
        "package.json": {"name": "bridge-api", "private": True, "scripts": scripts,
                         "dependencies": {"@nestjs/common": "^10.3.4", "@nestjs/core": "^10.3.4",
                                          "@nestjs/platform-express": "^10.3.4"},
                         "devDependencies": {"@aws-sdk/client-sns": "3.826.0", "esbuild": "^0.23.1"}},
        "package-lock.json": {"name": "bridge-api", "lockfileVersion": 3, "packages": {"": {"name": "bridge-api"}}},
        "nest-cli.json": {"sourceRoot": "src"},
        "compileBundle.mjs": "import * as esbuild from 'esbuild';\n"
                             "await esbuild.build({ entryPoints: ['src/lambdas/app.ts'], bundle: true, platform: 'node', "
                             "outdir: 'out/app', external: ['@aws-sdk/*', '@nestjs/microservices'] });\n",
        "src/notify.ts": "import { SNSClient } from '@aws-sdk/client-sns';\nexport const sns = new SNSClient({});\n",
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { sns } from './notify';\n"
                       "NestFactory.create(sns as never);\n",
        "src/lambdas/app.ts": "import { sns } from '../notify';\nexport const handler = () => sns;\n",
    })
    assert dep(root) == ([] if bundled else [("DEP002", "src/notify.ts", "@aws-sdk/client-sns")])


def test_a_template_packages_own_start_script_keeps_its_files_template_content(tmp_path):
    """An app template under `integration/templates/srv/`, with a package.json whose start script
    runs `src/main.ts`: the harness copies the template and writes the SDK into the copy's manifest,
    so the file its start script names is template content like the others (a real SDK's templates:
    5 DEP001). A package's own folder named `templates/` inside it stays its code when reached."""
    root = write(tmp_path, {
        "package.json": {"name": "lib-root", "private": True},
        "pnpm-workspace.yaml": "packages: ['packages/*']\n",
        "packages/sdk/package.json": {"name": "@acme/sdk", "version": "1.0.0", "main": "dist/index.js",
                                      "dependencies": {}},
        "packages/sdk/src/index.ts": "import { render } from './templates/render';\nexport const x = render;\n",
        "packages/sdk/src/templates/render.ts": "import chalk from 'chalk';\nexport const render = () => chalk.red('x');\n",
        "integration/templates/srv/package.json": {"name": "srv", "private": True, "scripts": {"start": "tsx src/main.ts"},
                                                   "dependencies": {"tsx": "^4.0.0"}},
        "integration/templates/srv/src/main.ts": "import { x } from '@acme/sdk';\nx();\n",
    })
    assert dep(root) == [("DEP001", "packages/sdk/src/templates/render.ts", "chalk")]


def test_explain_file_prints_the_answer_and_its_reason(tmp_path):
    root = write(tmp_path / "svc", NEST_SERVICE)
    out = cli("--explain-file", "src/fixtures/demo.ts", cwd=root)
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode()
    assert text.startswith("src/fixtures/demo.ts: ships (production): reached by value imports from the entry point "
                           "src/main.ts")
    assert "entry points: src/main.ts" in text and "bundled: no" in text
    out = cli("--explain-file", "test/factories/order.ts", cwd=root).stdout.decode()
    assert out.startswith("test/factories/order.ts: dev only (not production): a test file")
    lib = write(tmp_path / "lib", {"package.json": {"name": "@acme/sched", "version": "1.0.0", "main": "src/index.ts",
                                                    "scripts": {"build": "tsup"}},
                                   "tsup.config.ts": "export default { external: ['@nestjs/common'] };\n",
                                   "src/index.ts": "export const x = 1;\n"})
    out = cli("--explain-file", "src/index.ts", cwd=lib).stdout.decode()
    assert "bundled: yes, tsup" in out and "(external: @nestjs/common)" in out
    # a path relative to the directory the run names, from elsewhere (a reviewer's `--explain-file src/x.ts REPO`)
    out = cli("--explain-file", "src/fixtures/demo.ts", str(root), cwd=tmp_path)
    assert out.returncode == 0 and "ships (production)" in out.stdout.decode(), out.stderr.decode()
    assert cli("--explain-file", "src/none.ts", str(root), cwd=tmp_path).returncode == 2


def test_node_options_with_a_value_are_not_the_script(tmp_path):
    """`node --require ./src/telemetry/register.js bin/cli api` in a Dockerfile: the preloaded file
    and the script are both entry points (a real API's explanations named the preload alone);
    `-r dotenv/config` preloads a package, no file of this one."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "dependencies": {"dotenv": "^16.4.5"}},
        "Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "--require", "./src/telemetry/register.js", "bin/cli.ts", "api"]\n',
        "bin/cli.ts": "import { run } from '../src/run';\nrun();\n",
        "src/run.ts": "export const run = (): void => undefined;\n",
        "src/telemetry/register.ts": "export const tracing = true;\n",
    })
    out = cli("--explain-file", "src/run.ts", cwd=root).stdout.decode()
    assert "entry points: src/telemetry/register.ts (the Dockerfile), bin/cli.ts (the Dockerfile)" in out, out
    assert "reached by value imports from the entry point bin/cli.ts" in out


@pytest.mark.parametrize("name,workdir,cmd", [
    ("Dockerfile.prod", "/app", '["node", "dist/index.js"]'),
    # the path from the image's WORKDIR, built from the repository root
    ("Dockerfile", "/home/app", '["node", "-r", "/home/app/packages/backend/dist/telemetry.js", '
                                '"/home/app/packages/backend/dist/index.js"]'),
    ("prod.Dockerfile", "/srv", "node /srv/packages/backend/dist/index.js"),
    # a shell script the image runs, whose line starts node (a real Discord bot's server: advice for
    # devDependencies, its server judged dev only)
    ("Dockerfile", "/app", '[ "sh", "docker-entrypoint.sh" ]'),
])
def test_a_production_dockerfiles_start_is_an_entry_whatever_its_name_or_path(tmp_path, name, workdir, cmd):
    """A service whose only start is its image's CMD (no `main`, no start script), in `Dockerfile.prod`
    or as an absolute path under WORKDIR: what it runs is the entry point, so the test factories
    under `src/` that only tests import are no shipping code (a real payments back end: 4 DEP002 on
    rosie factories, every file counted as shipping for want of an entry)."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/backend/package.json": {"name": "backend", "private": True,
                                          "scripts": {"build": "tsc", "dev": "ts-node-dev src/index.ts", "test": "jest"},
                                          "dependencies": {"koa": "^2.15.0"}, "devDependencies": {"rosie": "^2.1.1"}},
        "packages/backend/tsconfig.json": {"compilerOptions": {"outDir": "./dist", "rootDir": "./src"}, "include": ["src/**/*"]},
        f"packages/backend/{name}": f"FROM node:22-alpine\nWORKDIR {workdir}\nCOPY . .\nRUN npm ci --omit=dev\nCMD {cmd}\n",
        "packages/backend/src/index.ts": "import Koa from 'koa';\n\nnew Koa().listen(3000);\n",
        "packages/backend/src/telemetry.ts": "export const on = true;\n",
        "packages/backend/src/core/factories/account.ts": "import { Factory } from 'rosie';\n\nexport const Account = Factory.define('a');\n",
        "packages/backend/src/core/test/account.test.ts": "import { Account } from '../factories/account';\n\n"
                                                          "test('a', () => expect(Account).toBeTruthy());\n",
        "packages/backend/docker-entrypoint.sh": "#!/bin/sh -e\nnode dist/index.js\n",
    })
    assert dep(root) == []
    out = cli("--explain-file", "packages/backend/src/index.ts", cwd=root).stdout.decode()
    assert f"src/index.ts (the {name}" in out, out
    (root / "packages/backend/Dockerfile.dev").write_text('FROM node:22\nCMD ["node", "dist/core/factories/account.js"]\n')
    assert dep(root) == []  # a development image's command starts no production code


@pytest.mark.parametrize("consumer,found", [
    ("import Token from '@acme/contracts/build/contracts/Token.json';\n\nconsole.log(Token.abi.length);\n", []),
    ("import { sendTx } from '@acme/contracts/src/send-tx/send-tx';\n\nsendTx();\n",
     [("DEP002", "packages/contracts/src/send-tx/send-tx.ts", "axios")]),
])
def test_scripts_a_package_runs_with_ts_node_are_its_own_when_dependents_take_only_its_data(tmp_path, consumer, found):
    """A package of contracts (`"main": "src"`, a folder with no index file; `"build": "truffle
    compile"`) whose `send-tx` script runs `ts-node src/send-tx`: the service that depends on it
    imports only a compiled ABI (`build/contracts/Token.json`), so no install loads the scripts'
    code and axios, which only they import, belongs in devDependencies (a real fintech monorepo: 6
    DEP002). A service importing a script's module takes its code: the finding stays."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*", "services/*"]},
        "packages/contracts/package.json": {"name": "@acme/contracts", "version": "1.0.0", "main": "src", "files": ["src", "build"],
                                            "scripts": {"build": "truffle compile", "send-tx": "ts-node src/send-tx"},
                                            "devDependencies": {"axios": "^1.6.0", "ts-node": "^10.9.0", "truffle": "^5.11.0"}},
        "packages/contracts/tsconfig.json": {"compilerOptions": {"module": "commonjs", "resolveJsonModule": True}},
        "packages/contracts/src/send-tx/index.ts": "import { sendTx } from './send-tx';\n\nsendTx();\n",
        "packages/contracts/src/send-tx/send-tx.ts": "import axios from 'axios';\n\nexport const sendTx = () => axios.post('/tx');\n",
        "packages/contracts/build/contracts/Token.json": {"abi": []},
        "services/api/package.json": {"name": "@acme/api", "private": True, "main": "dist/main.js", "scripts": {"build": "tsc"},
                                      "dependencies": {"@acme/contracts": "*"}},
        "services/api/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "resolveJsonModule": True}},
        "services/api/src/main.ts": consumer,
    })
    assert dep(root) == found


def test_a_file_imported_only_by_an_unused_import_is_said_to_be_used_not_at_all(tmp_path):
    """`import { initTracing } from './config/tracing'` in the service's main, whose call is commented
    out: the compiler drops the import, so nothing loads tracing.ts, and the explanation says its
    importers use it "only for types or not at all" (a CRM back end's message said "only for types")."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "private": True, "main": "dist/main.js", "scripts": {"start": "node dist/main.js"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}},
        "src/main.ts": "import { initTracing } from './config/tracing';\n\n// initTracing();\nexport const up = true;\n",
        "src/config/tracing.ts": "import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';\n\n"
                                 "export const initTracing = () => new NodeTracerProvider();\n",
    })
    out = cli("--explain-file", "src/config/tracing.ts", cwd=root).stdout.decode()
    assert "dev only" in out and "use it only for types or not at all (src/main.ts)" in out, out


# ----------------------------------------------------------------------------- real-world classes

def test_r02_svelte_kit_alias_is_not_a_package(tmp_path):
    root = write(tmp_path / "web", {
        "package.json": {"name": "@acme/web", "private": True, "devDependencies": {"@sveltejs/kit": "^2.5.0",
                                                                                   "vitest": "^2.0.0"}},
        "svelte.config.js": "export default { kit: { alias: { '@fixtures': 'src/fixtures' } } };\n",
        "src/fixtures/albums.ts": "export const makeAlbum = (name: string) => ({ id: 1, name });\n",
        "src/lib/albums.spec.ts": "import { expect, test } from 'vitest';\nimport { makeAlbum } from '@fixtures/albums';\n"
                                  "test('album', () => expect(makeAlbum('a').name).toBe('a'));\n",
        "src/lib/albums.ts": "import { makeAlbum } from '@fixtures/albums';\nexport const first = makeAlbum('x');\n",
    })
    assert [d for d in dep(root) if d[0] == "DEP001"] == []


def test_r03_a_static_front_end_bundles_its_dev_dependencies(tmp_path):
    root = write(tmp_path / "web", {
        "package.json": {"name": "@acme/web", "private": True, "scripts": {"build": "vite build"},
                         "devDependencies": {"@sveltejs/adapter-static": "^3.0.0", "@sveltejs/kit": "^2.5.0",
                                             "svelte": "^5.0.0", "vite": "^5.4.0"}},
        "svelte.config.js": "import adapter from '@sveltejs/adapter-static';\n"
                            "export default { kit: { adapter: adapter({ fallback: 'index.html' }) } };\n",
        "src/lib/counter.ts": "import { writable } from 'svelte/store';\nexport const counter = writable(0);\n",
    })
    assert dep(root) == []


def test_r04_vite_ssr_no_external_inlines_a_cli(tmp_path):
    root = write(tmp_path / "cli", {
        "package.json": {"name": "@acme/cli", "version": "1.0.0", "type": "module", "bin": {"acme": "dist/index.js"},
                         "scripts": {"build": "vite build"}, "devDependencies": {"commander": "^12.1.0", "vite": "^5.4.0"}},
        "vite.config.ts": "export default {\n  build: { ssr: true, rollupOptions: { input: 'src/index.ts' } },\n"
                          "  ssr: { noExternal: /^(?!node:).*$/ },\n};\n",
        "src/index.ts": "import { Command } from 'commander';\nnew Command('acme').option('-v, --verbose').parse();\n",
    })
    assert dep(root) == []
    # without noExternal the published CLI needs commander at run time
    (root / "vite.config.ts").write_text("export default { build: { ssr: true } };\n")
    assert dep(root) == [("DEP002", "src/index.ts", "commander")]


def test_r05_build_and_test_tool_configs_never_ship(tmp_path):
    root = write(tmp_path / "kernel", {
        "package.json": {"name": "@acme/kernel", "version": "1.0.0", "main": "dist/index.js",
                         "scripts": {"build": "tsup", "e2e": "playwright test"},
                         "devDependencies": {"@playwright/test": "^1.47.0", "tsup": "^8.3.0", "tailwindcss": "^3.4.0"}},
        "tsup.config.ts": "import { defineConfig } from 'tsup';\nexport default defineConfig({ entry: ['src/index.ts'] });\n",
        "playwright.config.ts": "import { defineConfig } from '@playwright/test';\nexport default defineConfig({});\n",
        "tailwind.config.ts": "import type { Config } from 'tailwindcss';\nimport plugin from 'tailwindcss/plugin';\n"
                              "export default { plugins: [plugin(() => {})] } satisfies Config;\n",
        "src/index.ts": "export const VERSION = '1.0.0';\n",
    })
    assert dep(root) == []


def test_files_a_tool_config_loads_through_a_barrel_are_build_code(tmp_path):
    """`hardhat.config.ts` imports `./tasks`, whose `index.ts` re-exports each task: every chain of
    importers of `tasks/deploy.ts` starts at the config, so the task runs only under the tool's
    command (a real stablecoin platform's contracts package: 8 DEP002 for hardhat and dotenv in its
    tasks). A task that a file of the package's own code imports too ships."""
    files = {
        "package.json": {"name": "@acme/token-contracts", "version": "1.0.0", "main": "./build/typechain-types/index.js",
                         "files": ["build/"], "scripts": {"build": "hardhat compile && tsc -p tsconfig.json"},
                         "devDependencies": {"dotenv": "^16.4.5", "hardhat": "^2.22.0", "typescript": "^5.4.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "./build", "declaration": True}},
        "hardhat.config.ts": "import './tasks';\n\nexport default { solidity: '0.8.24' };\n",
        "tasks/index.ts": "export * from './deploy';\n",
        "tasks/deploy.ts": "import 'dotenv/config';\nimport { task } from 'hardhat/config';\n\ntask('deploy', 'Deploys');\n",
    }
    assert dep(write(tmp_path / "a", files)) == []
    files["src/rollout.ts"] = "import '../tasks/deploy';\n\nexport const rollout = 1;\n"
    assert sorted(dep(write(tmp_path / "b", files))) == [("DEP002", "tasks/deploy.ts", "dotenv"),
                                                         ("DEP002", "tasks/deploy.ts", "hardhat")]


def test_an_unused_barrel_makes_nothing_it_re_exports_ship(tmp_path):
    """`tasks/setup/index.ts` re-exports the setup tasks `hardhat.config.ts` reaches through
    `tasks/setups.ts`, and no file imports it: a barrel nothing loads loads nothing, so the tasks stay
    the config's (a payments protocol's contracts package: 16 DEP002 on its admin tasks). A barrel
    that also holds code of its own, or that a file of the package imports, still counts."""
    files = {
        "package.json": {"name": "@acme/contracts", "version": "1.0.0", "main": "dist/src/lib/index.js", "files": ["dist"],
                         "scripts": {"build": "tsc -p tsconfig.json"},
                         "devDependencies": {"ethers": "5.7.2", "hardhat": "2.26.5", "typescript": "5.8.3"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "."}, "include": ["src/", "tasks/", "hardhat.config.ts"]},
        "hardhat.config.ts": "import { task } from 'hardhat/config';\nimport { setupAll } from './tasks/setups';\n"
                             "task('setup', async () => setupAll());\nexport default {};\n",
        "tasks/setups.ts": "import { setupToken } from './setup/setupToken';\nexport const setupAll = () => setupToken();\n",
        "tasks/setup/setupToken.ts": "import { Contract } from 'ethers';\nexport const setupToken = () => new Contract('0x0', []);\n",
        "tasks/setup/index.ts": "export { setupToken } from './setupToken';\n",
        "src/lib/index.ts": "export const version = '1.0.0';\n",
    }
    assert dep(write(tmp_path / "orphan", files)) == []
    code = {**files, "tasks/setup/index.ts": "export { setupToken } from './setupToken';\nexport const ready = true;\n"}
    assert dep(write(tmp_path / "code", code)) == [("DEP002", "tasks/setup/setupToken.ts", "ethers")]
    used = {**files, "src/lib/index.ts": "export * from '../../tasks/setup';\nexport const version = '1.0.0';\n"}
    assert dep(write(tmp_path / "used", used)) == [("DEP002", "tasks/setup/setupToken.ts", "ethers")]


@pytest.mark.parametrize("runtime, reported", [
    ("import * as hre from 'hardhat';\n", []),  # the Hardhat Runtime Environment: `hardhat run`, a deploy plugin
    ("import { task } from 'hardhat/config';\ntask('deploy', 'Deploys');\n", ["ethers", "hardhat"]),  # no CLI runtime
])
def test_a_script_that_imports_a_dev_clis_runtime_is_run_by_that_cli(tmp_path, runtime, reported):
    """`deploy/deploy-token.ts` imports `hardhat` itself (`import * as hre from 'hardhat'`), which the
    package keeps in devDependencies: only the Hardhat CLI (`hardhat deploy-zksync --script ...`)
    runs it, never what installs the package (a payments protocol: 7 DEP002 on its zkSync deploy
    scripts). The helper only such scripts import is theirs too."""
    files = {
        "package.json": {"name": "@acme/contracts", "version": "1.0.0", "main": "dist/src/index.js", "files": ["dist"],
                         "scripts": {"build": "tsc -p tsconfig.json"},
                         "devDependencies": {"ethers": "5.7.2", "hardhat": "2.26.5", "typescript": "5.8.3"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "."}, "include": ["src/", "deploy/"]},
        "deploy/deploy-token.ts": runtime + "import { utils } from 'ethers';\nexport default async function () { return utils.id('Token'); }\n",
        "src/index.ts": "export const version = '1.0.0';\n",
    }
    found = sorted(p for c, _, p in dep(write(tmp_path, files)) if c == "DEP002")
    assert found == reported


@pytest.mark.parametrize("importer, reported", [
    ("astro.config.mjs", []), ("astro.config.js", []), ("astro.config.cjs", []), ("astro.config.ts", []),
    ("setup.mjs", [("DEP002", "plugins/images.ts", "sharp")]),  # no tool config by its name
])
def test_a_file_only_a_javascript_tool_config_imports_is_build_code(tmp_path, importer, reported):
    """`astro.config.mjs` (Astro's default name) imports `./plugins/images`, a vite plugin that runs at
    build time: JavaScript configs are not linted, but their imports count as a TypeScript config's do
    (a codegen website: sharp, a devDependency, reported as shipping). A `.mjs` file that is no tool
    config by its name makes nothing build code; and the cache sees the config change."""
    plugin = "import { imagesPlugin } from './plugins/images';\n"
    config = ("import vercel from '@astrojs/vercel';\nimport {{ defineConfig }} from 'astro/config';\n{plugin}"
              "export default defineConfig({{ adapter: vercel(), vite: {{ plugins: [{use}] }} }});\n")
    files = {
        "package.json": {"name": "web", "version": "0.0.1", "private": True, "type": "module",
                         "scripts": {"build": "astro build", "dev": "astro dev"},
                         "dependencies": {"astro": "6.4.8", "@astrojs/vercel": "10.0.8"}, "devDependencies": {"sharp": "0.34.5"}},
        "plugins/images.ts": "import sharp from 'sharp';\n\nexport function imagesPlugin() {\n"
                             "  return { name: 'images', buildStart: () => sharp('in.png').toFile('out.webp') };\n}\n",
    }
    if importer.startswith("astro.config."):
        files[importer] = config.format(plugin=plugin, use="imagesPlugin()")
    else:
        files["astro.config.mjs"] = config.format(plugin="", use="")
        files[importer] = plugin + "export const plugins = [imagesPlugin()];\n"
    root = write(tmp_path, files)
    assert dep(root) == reported
    if importer == "setup.mjs":  # a cached run sees a config created beside the package.json
        assert len(pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=True).diagnostics) == 1
        (root / "images.config.mjs").write_text(files[importer])
        assert pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=True).diagnostics == []


def test_any_tools_config_at_the_package_top_or_named_by_a_script_never_ships(tmp_path):
    """`hardhat.config.ts` at the package's top, which no entry reaches, and `codegen.ts`, which a
    script hands to a tool (`graphql-codegen --config codegen.ts`): tool configs whatever the tool,
    so their devDependencies are in their place (two real back ends; the unsafe fix moved the
    tools into dependencies). Deeper in the package, an unknown `*.config.ts` still ships."""
    files = {
        "package.json": {"name": "svc", "private": True, "scripts": {"codegen": "graphql-codegen --config codegen.ts",
                                                                    "start": "node dist/main.js"},
                         "dependencies": {"@nestjs/core": "^9.2.1"},
                         "devDependencies": {"@graphql-codegen/cli": "^5.0.5", "@nomiclabs/hardhat-ethers": "^2.1.1",
                                             "dotenv": "^16.4.5", "hardhat": "^2.11.2"}},
        "codegen.ts": "import type { CodegenConfig } from '@graphql-codegen/cli';\n"
                      "import { config as loadEnv } from 'dotenv';\n\nloadEnv();\n"
                      "const config: CodegenConfig = { schema: process.env.SCHEMA_URL, generates: {} };\n"
                      "export default config;\n",
        "hardhat.config.ts": "import '@nomiclabs/hardhat-ethers';\n\nexport default { solidity: '0.8.17' };\n",
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\nexport const factory = NestFactory;\n",
    }
    assert dep(write(tmp_path / "top", files)) == []
    deeper = {**files, "src/chain/hardhat.config.ts": files["hardhat.config.ts"]}
    del deeper["hardhat.config.ts"]
    assert [(c, p) for c, p, _ in dep(write(tmp_path / "deeper", deeper))] == [("DEP002", "src/chain/hardhat.config.ts")]


def test_a_setup_script_in_a_hidden_folder_does_not_ship_unless_an_entry_reaches_it(tmp_path):
    """`"app:config": "ts-node ./.install-scripts/index.ts"` (a real boilerplate's project set-up
    prompt): tsc's `**/*` never matches a folder whose name starts with a dot, so nothing in it is
    built or deployed unless production code imports it, and its devDependency is in its place."""
    root = write(tmp_path / "api", {
        "package.json": {"name": "api", "version": "1.0.0", "scripts": {"start": "node dist/main",
                                                                      "app:config": "ts-node ./.install-scripts/index.ts"},
                         "dependencies": {"@nestjs/core": "^10.4.0"}, "devDependencies": {"prompts": "^2.4.2"}},
        "nest-cli.json": {"sourceRoot": "src", "entryFile": "main"},
        ".install-scripts/index.ts": "import prompts from 'prompts';\nexport async function ask() { return prompts([]); }\n",
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\nexport const factory = NestFactory;\n",
    })
    assert dep(root) == []
    (root / "src/main.ts").write_text("import { NestFactory } from '@nestjs/core';\nimport { ask } from '../.install-scripts';\n"
                                      "export const factory = NestFactory;\nvoid ask();\n")
    assert dep(root) == [("DEP002", ".install-scripts/index.ts", "prompts")]


def test_r06_test_support_files_never_ship(tmp_path):
    root = write(tmp_path / "orders", {
        "package.json": {"name": "@acme/orders", "version": "1.0.0", "main": "dist/index.js",
                         "dependencies": {"@nestjs/common": "^10.4.0"},
                         "devDependencies": {"@badeball/cypress-cucumber-preprocessor": "^20.1.0",
                                             "jest-preset-angular": "^14.2.0"}},
        "src/index.ts": "export const orders = 1;\n",
        "src/test-setup.ts": "import { setupZoneTestEnv } from 'jest-preset-angular/setup-env/zone';\nsetupZoneTestEnv();\n",
        "cypress/support/step_definitions/login.steps.ts":
            "import { Given } from '@badeball/cypress-cucumber-preprocessor';\nGiven('I log in', () => undefined);\n",
        "cypress/support/commands.ts": "import { Given } from '@badeball/cypress-cucumber-preprocessor';\nexport { Given };\n",
    })
    assert dep(root) == []


def test_a_mock_folder_no_entry_reaches_is_test_support(tmp_path):
    """`src/database/mock/` (singular, like `mocks/` and `__mocks__/`) holds test doubles: its
    dev-only imports are no DEP002 unless an entry point reaches it."""
    files = {
        "package.json": {"name": "notes-api", "version": "1.0.0", "private": True, "main": "dist/main.js",
                         "dependencies": {"knex": "^3.1.0"}, "devDependencies": {"knex-mock-client": "^3.0.2"}},
        "src/main.ts": "import knex from 'knex';\nexport const db = knex({ client: 'pg' });\n",
        "src/database/mock/provider.ts": "import { MockClient } from 'knex-mock-client';\nexport const client = MockClient;\n",
        "src/notes/notes.service.spec.ts": "import { client } from '../database/mock/provider';\nit('runs', () => client);\n",
    }
    assert dep(write(tmp_path / "test-only", files)) == []
    reached = dict(files, **{"src/main.ts": "import knex from 'knex';\nimport { client } from './database/mock/provider';\n"
                                           "export const db = knex({ client: 'pg' }) && client;\n"})
    assert dep(write(tmp_path / "reached", reached)) == [("DEP002", "src/database/mock/provider.ts", "knex-mock-client")]


def test_the_prisma_seed_script_is_run_by_the_prisma_cli_not_by_the_service(tmp_path):
    """`"prisma": {"seed": "ts-node contrib/seed.ts"}` names a script `prisma db seed` runs: its
    faker import is a dev tool's, not the service's (a file of the same folder is still counted)."""
    files = {
        "package.json": {"name": "@acme/db", "version": "0.0.1", "private": True, "main": "dist/index.js",
                         "devDependencies": {"@faker-js/faker": "^8.0.2", "prisma": "5.2.0"},
                         "prisma": {"seed": "ts-node contrib/seed.ts"}},
        "src/index.ts": "export const db = 1;\n",
        "contrib/seed.ts": "import { faker } from '@faker-js/faker';\nexport const name = faker.person.firstName();\n",
        "contrib/other.ts": "import { faker } from '@faker-js/faker';\nexport const city = faker.location.city();\n",
    }
    assert dep(write(tmp_path, files)) == [("DEP002", "contrib/other.ts", "@faker-js/faker")]


def test_files_only_package_scripts_run_from_source_are_developer_tools(tmp_path):
    """A file no entry reaches that a script (not a start script) runs with a TypeScript runner,
    or names as the TypeORM CLI's data source, is a developer tool: its devDependency imports are
    fine, and an undeclared one belongs in devDependencies (real code: `"generate:module": "ts-node
    -r tsconfig-paths/register src/generate-structure.cli.ts"`, `"migration:run": "ts-node
    ./node_modules/typeorm/cli.js migration:run -d src/data-source.ts"`). A `dev` or watch script
    runs the service itself, and a file the service imports ships whatever script also runs it."""
    scripts = {"start:prod": "node dist/main", "seed": "ts-node -r tsconfig-paths/register src/cli.ts",
               "migration:run": "ts-node ./node_modules/typeorm/cli.js migration:run -d src/data-source.ts",
               "migration:revert": "typeorm-ts-node-commonjs migration:revert --dataSource=src/other-source.ts",
               "dev": "tsx src/server.ts", "sync": "tsx watch src/sync.ts"}
    files = {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "scripts": scripts,
                         "dependencies": {"typeorm": "^0.3.20"}, "devDependencies": {"commander": "^12.0.0"}},
        "package-lock.json": {"name": "api", "lockfileVersion": 3, "packages": {
            "": {"name": "api"}, "node_modules/dotenv": {"version": "16.4.5"},
            "node_modules/commander": {"version": "12.0.0", "dev": True}}},
        "src/main.ts": "import { source } from './other-source';\nexport const app = source;\n",
        "src/cli.ts": "import { Command } from 'commander';\nexport const cli = new Command();\n",
        "src/data-source.ts": "import { config } from 'dotenv';\nconfig();\nexport const ds = 1;\n",
        "src/other-source.ts": "import { Command } from 'commander';\nexport const source = new Command();\n",
        "src/server.ts": "import { Command } from 'commander';\nexport const server = new Command();\n",
        "src/sync.ts": "import { Command } from 'commander';\nexport const sync = new Command();\n",
    }
    root = write(tmp_path, files)
    assert dep(root) == [("DEP001", "src/data-source.ts", "dotenv"), ("DEP002", "src/other-source.ts", "commander"),
                         ("DEP002", "src/server.ts", "commander"), ("DEP002", "src/sync.ts", "commander")]
    assert fixed(root)["package.json"].index('"dotenv"') > fixed(root)["package.json"].index('"devDependencies"')


def test_a_script_the_build_compiles_then_runs_is_a_build_step(tmp_path):
    """A published package compiles `src/**` with tsc, then its build runs one of the compiled files
    (`"build:extra": "node ./dist/scripts/gen-schema.js"`) to write an artefact it ships: that file's
    imports are needed where the package is built, with its devDependencies (a real schema package:
    9 DEP002, 7 of them advising peers). A file the package's entry imports ships, whatever runs it;
    `node` on a built file in a script that is no build step (`migrate`, perhaps run by the image)
    proves nothing."""
    scripts = {"build": "tsc -b && pnpm run build:extra", "build:extra": "node ./dist/scripts/gen-schema.js",
               "migrate": "node dist/scripts/migrate.js"}
    files = {
        "package.json": {"name": "@acme/schema", "version": "1.0.0", "type": "module", "exports": {".": "./dist/index.js"},
                         "files": ["dist/**/*", "json-schema/*"], "scripts": scripts,
                         "devDependencies": {"ts-codec": "^1.3.0", "typescript": "^5.6.0"}},
        "tsconfig.json": {"compilerOptions": {"rootDir": "src", "outDir": "dist"}, "include": ["src"]},
        "src/index.ts": "export const version = 1;\n",
        "src/scripts/gen-schema.ts": "import * as t from 'ts-codec';\nexport const schema = JSON.stringify(t);\n",
        "src/scripts/migrate.ts": "import * as t from 'ts-codec';\nexport const step = t;\n",
    }
    root = write(tmp_path, files)
    assert dep(root) == [("DEP002", "src/scripts/migrate.ts", "ts-codec")]
    files["src/index.ts"] = "export { schema } from './scripts/gen-schema.js';\n"
    assert dep(write(tmp_path, files)) == [("DEP002", "src/scripts/gen-schema.ts", "ts-codec"),
                                           ("DEP002", "src/scripts/migrate.ts", "ts-codec")]


@pytest.mark.parametrize("prod_script, section", [
    ("NODE_ENV=production typeorm migration:run -d dist/data-source.js", "dependencies"), (None, "devDependencies")])
def test_a_data_source_the_typeorm_cli_runs_from_the_build_output_ships(tmp_path, prod_script, section):
    """`"migration:run": "typeorm-ts-node-commonjs ... -d src/data-source.ts"` beside
    `"migration:run:prod": "typeorm migration:run -d dist/data-source.js"`: the compiled data source runs
    where the service runs, from its production install, so its `dotenv` belongs in dependencies (a
    slides app: "add dotenv to devDependencies" would break the production migrations)."""
    scripts = {"build": "tsc -p tsconfig.json", "start:prod": "node dist/main.js",
               "migration:run": "typeorm-ts-node-commonjs migration:run -d src/data-source.ts"}
    if prod_script:
        scripts["migration:run:prod"] = prod_script
    root = write(tmp_path, {
        "package.json": {"name": "backend", "private": True, "scripts": scripts,
                         "dependencies": {"typeorm": "^0.3.25", "pg": "^8.0.0"}},
        "package-lock.json": {"name": "backend", "lockfileVersion": 3, "packages": {
            "": {"name": "backend"}, "node_modules/dotenv": {"version": "16.4.7"}}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]},
        "src/main.ts": "export const app = 1;\n",
        "src/data-source.ts": "import { DataSource } from 'typeorm';\nimport 'dotenv/config';\n\n"
                              "export default new DataSource({ type: 'postgres' });\n",
    })
    out = json.loads(fixed(root)["package.json"])
    assert "dotenv" in out.get(section, {}), out


@pytest.mark.parametrize("seed", ["ts-node ./node_modules/typeorm-extension/bin/cli.cjs seed:run -d src/database/data-source.ts",
                                  "typeorm-extension seed:run --dataSource=src/database/data-source.ts",
                                  "typeorm-extension-esm db:create -d src/database/data-source.ts"])
def test_the_data_source_typeorm_extensions_cli_is_given_is_a_developer_tool(tmp_path, seed):
    """typeorm-extension's CLI (`seed:run`, `db:create`), run as its bin or as the file a runner is
    given, reads the data source named by `-d`/`--dataSource` as the TypeORM CLI does: a file only
    that script loads is a developer tool, and its undeclared `dotenv` belongs in devDependencies (a
    real forum app's seed script: "add dotenv to dependencies")."""
    files = {
        "package.json": {"name": "server", "version": "0.0.1", "private": True,
                         "scripts": {"build": "tsc", "start:prod": "node dist/main", "seed:run": seed},
                         "dependencies": {"typeorm": "^0.3.28", "pg": "^8.16.3"},
                         "devDependencies": {"typeorm-extension": "^3.7.3", "ts-node": "^10.9.2"}},
        "package-lock.json": {"name": "server", "lockfileVersion": 3, "packages": {
            "": {"name": "server"}, "node_modules/dotenv": {"version": "16.4.7"},
            "node_modules/typeorm-extension": {"version": "3.7.3", "dev": True}}},
        "src/main.ts": "export const app = 1;\n",
        "src/database/data-source.ts": "import { DataSource } from 'typeorm';\nimport dotenv from 'dotenv';\n\n"
                                       "dotenv.config();\nexport const dataSource = new DataSource({ type: 'postgres' });\n",
    }
    root = write(tmp_path, files)
    assert dep(root) == [("DEP001", "src/database/data-source.ts", "dotenv")]
    assert fixed(root)["package.json"].index('"dotenv"') > fixed(root)["package.json"].index('"devDependencies"')


def test_a_data_source_the_typeorm_cli_is_given_in_a_shell_script_a_script_runs_is_a_developer_tool(tmp_path):
    """`"migration:run": "./migration/run.sh"`, whose line is `pnpm run typeorm migration:run -d
    migration/migration.config.ts`: the data source is the TypeORM CLI's, run with the dev install, as
    when the command is the script's own (a robotics data platform: 2 DEP002 on `tsconfig-paths/register`)."""
    files = {
        "package.json": {"name": "svc", "version": "1.0.0", "private": True,
                         "scripts": {"build": "tsc", "start:prod": "node dist/src/main.js", "typeorm": "typeorm-ts-node-commonjs",
                                     "migration:run": "./migration/run.sh"},
                         "dependencies": {"@nestjs/core": "^11.0.0", "typeorm": "^0.3.27"},
                         "devDependencies": {"ts-node": "^10.9.1", "tsconfig-paths": "^4.2.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "baseUrl": "."}, "include": ["src/**/*", "migration/**/*.ts"]},
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\n\nexport const factory = NestFactory;\n",
        "migration/run.sh": "#!/bin/sh\nset -e\npnpm run typeorm migration:run -d migration/migration.config.ts\n",
        "migration/migration.config.ts": "import 'tsconfig-paths/register';\nimport { DataSource } from 'typeorm';\n\n"
                                         "export default new DataSource({ type: 'postgres', migrations: ['migration/migrations/*.ts'] });\n",
    }
    assert dep(write(tmp_path, files)) == []
    files["migration/run.sh"] = "#!/bin/sh\nset -e\necho nothing to run\n"
    assert dep(write(tmp_path, files)) == [("DEP002", "migration/migration.config.ts", "tsconfig-paths")]


@pytest.mark.parametrize("wrapper", ["sh -c '{}' --", "bash -lc '{} | pino-pretty'"])
def test_a_script_a_shell_runs_from_a_string_is_read_like_any_command(tmp_path, wrapper):
    """`"migrate:create": "sh -c 'tsx src/scripts/create-migration.ts \"$1\"' --"` (a shell string
    written to pass an argument on): the file runs with tsx, a developer tool, as it does without
    the wrapper (a real server: 1 DEP002 on a devDependency only that script imports)."""
    files = {
        "package.json": {"name": "api", "version": "1.0.0", "private": True,
                         "scripts": {"start": "node dist/index.js",
                                     "migrate:create": wrapper.format('tsx src/scripts/create-migration.ts "$1"')},
                         "dependencies": {"hono": "^4.6.0"}, "devDependencies": {"magicast": "^0.3.5"}},
        "src/index.ts": "import { Hono } from 'hono';\nexport const app = new Hono();\n",
        "src/scripts/create-migration.ts": "import { loadFile } from 'magicast';\nawait loadFile('m.ts');\n",
    }
    assert dep(write(tmp_path, files)) == []


@pytest.mark.parametrize("how", ["Dockerfile", "start script"])
def test_what_a_start_runs_through_the_scripts_it_names_ships(tmp_path, how):
    """`CMD ["pnpm", "start:with-migrations"]` runs `pnpm migrate:up:prod && pnpm start`, and
    `migrate:up:prod` runs `tsx src/scripts/migrate-up.ts` in the image: the migrations it imports
    ship, so a devDependency they import is missing there (a real server's migrations were read as
    developer tools). A build step a start script runs first (`pnpm build`) starts nothing."""
    scripts = {"build": "node scripts/build.mjs", "start": "node dist/index.js",
               "migrate:up:prod": "tsx src/scripts/migrate-up.ts",
               "start:with-migrations": "pnpm build && pnpm migrate:up:prod && pnpm start"}
    if how == "start script":
        scripts["start:prod"] = scripts.pop("start:with-migrations")
    files = {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "scripts": scripts,
                         "dependencies": {"hono": "^4.6.0", "tsx": "^4.19.0"},
                         "devDependencies": {"magicast": "^0.3.5", "esbuild": "^0.24.0"}},
        "src/index.ts": "import { Hono } from 'hono';\nexport const app = new Hono();\n",
        "src/migrations/run.ts": "import { loadFile } from 'magicast';\nexport const run = () => loadFile('m.ts');\n",
        "src/scripts/migrate-up.ts": "import { run } from '../migrations/run';\nawait run();\n",
        "scripts/build.mjs": "import { build } from 'esbuild';\nawait build({});\n",
    }
    if how == "Dockerfile":
        files["Dockerfile"] = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["pnpm", "start:with-migrations"]\n'
    assert dep(write(tmp_path, files)) == [("DEP002", "src/migrations/run.ts", "magicast")]


def test_a_framework_app_that_root_scripts_import_is_never_test_support(tmp_path):
    """A Next.js app (next.config) that no manifest lists, whose files the workspace root's scripts
    import (a config generator): the app is the product, not a harness only tools use (a real
    monorepo's main app read as "dev only", its DEP001 advising devDependencies). Without the
    framework config, the same package is test support as before."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*"],
                         "scripts": {"gen": "tsx scripts/generate-config.ts"}, "devDependencies": {"tsx": "^4.19.0"}},
        "package-lock.json": {"name": "acme", "lockfileVersion": 3, "packages": {
            "": {"name": "acme"}, "node_modules/tsx": {"version": "4.19.0", "dev": True},
            "node_modules/stripe": {"version": "17.0.0"}}},
        "apps/web/package.json": {"name": "@acme/web", "private": True,
                                  "scripts": {"build": "next build", "start": "next start"}},
        "apps/web/next.config.ts": "export default {};\n",
        "apps/web/lib/billing.ts": "import Stripe from 'stripe';\nexport const stripe = new Stripe('k');\n",
        "scripts/generate-config.ts": "import { stripe } from '../apps/web/lib/billing';\nconsole.log(stripe);\n",
    }
    root = write(tmp_path / "app", files)
    out = cli("--explain-file", "apps/web/lib/billing.ts", cwd=root).stdout.decode()
    assert "dev only" not in out.splitlines()[0]
    del files["apps/web/next.config.ts"]
    out = cli("--explain-file", "apps/web/lib/billing.ts", cwd=write(tmp_path / "plain", files)).stdout.decode()
    assert "no package.json depends on its package" in out.splitlines()[0]


def test_a_package_only_its_scripts_run_keeps_their_helpers_out_of_production(tmp_path):
    """A code generator package: no main, exports or bin, only `"generate": "tsx src/generator.ts"`;
    the module the generator imports ran only in development (4 DEP002 on a real repository asked to
    move typescript to dependencies). With a `main`, another package may load any of its files."""
    files = {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - 'tools/*'\n",
        "tools/gen/package.json": {"name": "acme-type-generator", "version": "0.0.0", "type": "module",
                                   "scripts": {"generate": "tsx src/generator.ts"},
                                   "devDependencies": {"tsx": "4.20.6", "typescript": "5.9.3"}},
        "tools/gen/src/generator.ts": "import { emit } from './transform.js';\nemit('x');\n",
        "tools/gen/src/transform.ts": "import ts from 'typescript';\nexport const emit = (s: string) => ts.transpileModule(s, {});\n",
    }
    assert dep(write(tmp_path / "gen", files)) == []
    loadable = {**files, "tools/gen/package.json": {**files["tools/gen/package.json"], "main": "dist/transform.js"}}
    assert dep(write(tmp_path / "lib", loadable)) == [("DEP002", "tools/gen/src/transform.ts", "typescript")]
    # npm init's `"main": "index.js"`, a file that is not there and no script builds: names nothing
    # (a real tool package: 6 DEP002 on what its tsx-run scripts import)
    stub = {**files, "tools/gen/package.json": {**files["tools/gen/package.json"], "main": "index.js"}}
    assert dep(write(tmp_path / "stub", stub)) == []


@pytest.mark.parametrize("bin_target", ["bin/infra.js", "bin/nestjs-lambda-cdk.js"])
def test_an_aws_cdk_app_is_run_by_the_cdk_cli_not_deployed(tmp_path, bin_target):
    """`cdk init app --language typescript` writes cdk.json (`"app": "npx ts-node bin/infra.ts"`) and a
    `bin` naming the same app: the CDK CLI synthesises the stacks from a full install, nothing installs
    the package (a real project's DEP002 asked to move dotenv to dependencies). Also when the `bin` names
    a file that no longer exists."""
    root = write(tmp_path, {
        "package.json": {"name": "infra", "version": "0.1.0", "bin": {"infra": bin_target},
                         "dependencies": {"aws-cdk-lib": "^2.88.0"}, "devDependencies": {"dotenv": "^16.3.1"}},
        "cdk.json": {"app": "npx ts-node --prefer-ts-exts bin/infra.ts"},
        "bin/infra.ts": "import * as cdk from 'aws-cdk-lib';\nimport 'dotenv/config';\nnew cdk.App();\n",
    })
    assert dep(root) == []
    out = cli("--explain-file", "bin/infra.ts", cwd=root).stdout.decode()
    assert "the AWS CDK app (cdk.json \"app\"" in out


@pytest.mark.parametrize("synth", ["cdk synth --app 'npx ts-node bin/cdk.ts'", 'cdk deploy -a "npx ts-node bin/cdk.ts" --all'])
def test_an_aws_cdk_app_a_script_names_with_app_is_run_by_the_cdk_cli(tmp_path, synth):
    """No cdk.json: the package's `synth` script gives the CDK CLI its app (`--app 'npx ts-node
    bin/cdk.ts'`), and every library of the stack is a devDependency (a newsroom tool's infrastructure
    package: 11 DEP002 asking to move aws-cdk-lib to dependencies). The app, the stacks and the
    functions' handlers it bundles at synthesis are deploy tooling."""
    root = write(tmp_path, {
        "package.json": {"name": "r3", "private": True, "workspaces": ["packages/*"]},
        "packages/cdk/package.json": {"name": "cdk", "version": "1.0.0", "main": "index.js",
                                      "scripts": {"synth": synth, "build": "npm run synth"},
                                      "devDependencies": {"aws-cdk": "^2.150.0", "aws-cdk-lib": "^2.150.0", "constructs": "^10.0.0"}},
        "packages/cdk/bin/cdk.ts": "import { App } from 'aws-cdk-lib';\nimport { Stack } from '../lib/stack';\n\nnew Stack(new App());\n",
        "packages/cdk/lib/stack.ts": "import { Stack as Base } from 'aws-cdk-lib';\n\nexport class Stack extends Base {}\n",
        # a NodejsFunction's handler: esbuild bundles it at synthesis, from the same full install
        "packages/cdk/lib/functions/notify/index.ts": "import { Logger } from '@aws-lambda-powertools/logger';\n\n"
                                                      "export const handler = async () => new Logger().info('hi');\n",
    })
    pkg = json.loads((root / "packages/cdk/package.json").read_text())
    pkg["devDependencies"]["@aws-lambda-powertools/logger"] = "^2.0.0"
    (root / "packages/cdk/package.json").write_text(json.dumps(pkg))
    assert dep(root) == []
    out = cli("--explain-file", "packages/cdk/bin/cdk.ts", cwd=root).stdout.decode()
    assert "the AWS CDK app (the \"synth\" script's --app" in out


@pytest.mark.parametrize("where", [".github/workflows/release.yml", "Makefile", None])
def test_an_aws_cdk_app_a_ci_workflow_or_the_makefile_names_is_run_by_the_cdk_cli(tmp_path, where):
    """No app in cdk.json nor in a script: the release workflow and the Makefile run `npx cdk synth --app "npx
    ts-node --prefer-ts-exts packages/cdk/bin/App.ts"` from the root (a prescription service: 36 DEP002 asking
    to ship aws-cdk-lib). Named nowhere, the package is judged as usual."""
    command = 'npx cdk synth api --app "npx ts-node --prefer-ts-exts packages/cdk/bin/App.ts"'
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "cdk.json": {"watch": {"include": ["packages/**"]}, "context": {}},
        "packages/cdk/package.json": {"name": "cdk", "version": "0.1.0", "scripts": {"build": "tsc", "cdk": "cdk"},
                                      "devDependencies": {"aws-cdk": "^2.1000.0", "aws-cdk-lib": "^2.250.0",
                                                          "constructs": "^10.6.0"}},
        "packages/cdk/bin/App.ts": "import { App } from 'aws-cdk-lib';\nimport { ApiStack } from '../stacks/ApiStack';\n\n"
                                   "new ApiStack(new App(), 'api');\n",
        "packages/cdk/stacks/ApiStack.ts": "import { Stack } from 'aws-cdk-lib';\n\nexport class ApiStack extends Stack {}\n",
    }
    root = write(tmp_path, files)
    if where == "Makefile":
        (root / "Makefile").write_text(f"cdk-synth:\n\t{command}\n")
    elif where is not None:
        (root / where).parent.mkdir(parents=True)
        (root / where).write_text(f"jobs:\n  synth:\n    steps:\n      - run: {command}\n")
    assert [p for _, _, p in dep(root)] == ([] if where else ["aws-cdk-lib", "aws-cdk-lib"])


def test_a_web_app_a_cdk_app_deploys_keeps_its_own_files(tmp_path):
    """A Create React App package whose cdk.json deploys the built site (`npx ts-node cdk.ts`): its
    `src/` is the app's bundle input, not the CDK app's; an undeclared `axios` there stays a finding
    (a notes app's UI: the CDK rule had taken its files for deploy tooling)."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["ui", "services/*"]},
        "package-lock.json": {"name": "root", "lockfileVersion": 3, "packages": {
            "": {"name": "root"}, "node_modules/dictionary": {"resolved": "services/dictionary", "link": True},
            "node_modules/ui": {"resolved": "ui", "link": True},
            "services/dictionary": {"name": "dictionary", "version": "1.0.0", "dependencies": {"axios": "^1.7.0"}},
            "ui": {"name": "ui", "dependencies": {"dictionary": "*", "react": "^18.3.0"}},
            "node_modules/axios": {"version": "1.7.2"}, "node_modules/react": {"version": "18.3.1"},
            "node_modules/aws-cdk-lib": {"version": "2.150.0", "dev": True}}},
        "services/dictionary/package.json": {"name": "dictionary", "version": "1.0.0", "main": "index.js",
                                             "dependencies": {"axios": "^1.7.0"}},
        "ui/package.json": {"name": "ui", "private": True, "scripts": {"build": "craco build"},
                            "dependencies": {"dictionary": "*", "react": "^18.3.0"}, "devDependencies": {"aws-cdk-lib": "^2.150.0"}},
        "ui/cdk.json": {"app": "npx ts-node cdk.ts"},
        "ui/cdk.ts": "import { App } from 'aws-cdk-lib';\n\nnew App();\n",
        "ui/src/api.ts": "import axios from 'axios';\n\nexport const get = () => axios.get('/x');\n",
    })
    assert ("DEP001", "ui/src/api.ts", "axios") in [(c, f, p) for c, f, p in dep(root)]


def test_a_members_file_a_root_script_runs_from_source_is_a_developer_tool(tmp_path):
    """`"db:migrate": "tsx common/src/db/migrate.ts"` in the workspace root: the member's migration
    script runs from the root's install, never as the member's code (3 DEP005 on a real repository)."""
    root = write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "scripts": {"db:migrate": "tsx common/src/db/migrate.ts"},
                         "dependencies": {"pg": "^8.11.3"}, "devDependencies": {"tsx": "^4.7.1"}},
        "pnpm-workspace.yaml": "packages: ['common']\n",
        "common/package.json": {"name": "common", "version": "1.0.0", "main": "dist/index.js"},
        "common/src/index.ts": "export const c = 1;\n",
        "common/src/db/migrate.ts": "import { Pool } from 'pg';\nnew Pool().end();\n",
    })
    assert dep(root) == []
    out = cli("--explain-file", "common/src/db/migrate.ts", cwd=root).stdout.decode()
    assert "run by the workspace root's \"db:migrate\" script" in out


def test_a_test_runners_setup_files_and_node_test_files_are_test_code(tmp_path):
    """A file a vitest config lists in `setupFiles` (here another package's config names it) and a
    test written for node's built-in runner (`*.integration.ts` importing `node:test`): test code
    whatever their names (3 DEP002 on a real repository)."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"test": "vitest"},
                                  "devDependencies": {"vitest": "^3.0.0"}},
        "apps/web/vitest.config.mts": "import { defineConfig } from 'vitest/config';\nexport default defineConfig("
                                      "{ test: { setupFiles: ['../../packages/tooling/src/testing/dom-cleanup.ts'] } });\n",
        "packages/tooling/package.json": {"name": "@acme/tooling", "version": "1.0.0", "bin": {"acme": "dist/cli.js"},
                                          "devDependencies": {"@testing-library/react": "^16.0.0", "nx": "^21.0.0"}},
        "packages/tooling/src/cli.ts": "export const run = () => 1;\n",
        "packages/tooling/src/testing/dom-cleanup.ts": "import { cleanup } from '@testing-library/react';\nexport const c = cleanup;\n",
        "packages/tooling/src/generators/app.integration.ts": "import test from 'node:test';\nimport { readJson } from 'nx';\n"
                                                             "test('app', () => { readJson; });\n",
        # throwaway infrastructure for integration tests (a real gateway's redis container helper: 1 DEP002)
        "packages/tooling/src/utils/redis.ts": "import { GenericContainer } from 'testcontainers';\n"
                                               "export const redis = () => new GenericContainer('redis:5').start();\n",
    })
    write(root, {"packages/tooling/package.json": {"name": "@acme/tooling", "version": "1.0.0", "bin": {"acme": "dist/cli.js"},
                                                   "devDependencies": {"@testing-library/react": "^16.0.0", "nx": "^21.0.0",
                                                                       "testcontainers": "^10.0.0"}}})
    assert dep(root) == []


def test_a_setup_file_named_by_a_path_expression_is_test_code(tmp_path):
    """`setupFiles: [resolve(__dirname, 'spec/support/cleanup.ts')]`: the path the expression names
    from the config's folder (a real component kit: 2 DEP002)."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/kit", "version": "1.0.0", "main": "src/index.ts", "scripts": {"test": "vitest run"},
                         "devDependencies": {"vitest": "^2.0.0", "@testing-library/react": "^16.0.0"}},
        "vite.config.ts": "import { resolve } from 'node:path';\nimport { defineConfig } from 'vitest/config';\n"
                          "export default defineConfig({ test: { setupFiles: [resolve(__dirname, 'spec/support/cleanup.ts')] } });\n",
        "src/index.ts": "export const add = (a: number, b: number) => a + b;\n",
        "spec/support/cleanup.ts": "import { cleanup } from '@testing-library/react';\nimport { afterEach } from 'vitest';\n"
                                   "afterEach(() => cleanup());\n",
    })
    assert dep(root) == []


@pytest.mark.parametrize("story, storybook, reported", [
    ("Button.stories.tsx", True, []),
    ("Button.stories.props.tsx", True, []),  # the props a story shares, a story file by its name
    # no Storybook package: `stories` is a module of the package's own (a news feed's), which ships
    ("featured.ts", False, [("DEP002", "tiny-emitter")]),
])
def test_a_stories_barrel_an_exports_subpath_names_does_not_ship(tmp_path, story, storybook, reported):
    """`"./stories": "./dist/exports/stories.mjs"`, a barrel re-exporting the package's stories, which only the
    workspace's Storybook site imports (an education platform's UI packages: 16 DEP002 asking to ship Storybook
    addons in `dependencies`). In a package that keeps no Storybook package, a `stories` module is its own code."""
    dev = {"react": "18.3.1", "tiny-emitter": "2.1.0", **({"@storybook/react": "7.6.0"} if storybook else {})}
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/ui/package.json": {"name": "@acme/ui", "version": "1.0.0", "type": "module",
                                     "exports": {".": "./dist/exports/ui.mjs", "./stories": "./dist/exports/stories.mjs"},
                                     "scripts": {"build": "tsc"}, "peerDependencies": {"react": "18.3.1"},
                                     "devDependencies": dev},
        "packages/ui/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "jsx": "react-jsx"}},
        "packages/ui/src/exports/ui.mts": "export { Button } from '../Button/Button.js';\n",
        "packages/ui/src/exports/stories.mts": f"export * as Stories from '../Button/{story.rsplit('.', 1)[0]}.js';\n",
        "packages/ui/src/Button/Button.tsx": "export const Button = (p: { onClick: () => void }) => <button onClick={p.onClick} />;\n",
        f"packages/ui/src/Button/{story}": "import Emitter from 'tiny-emitter';\n\nexport const clicks = new Emitter();\n",
    })
    assert sorted((c, p) for c, _, p in dep(root, select=("DEP001", "DEP002"))) == reported


@pytest.mark.parametrize("jest", [
    {"projects": [{"displayName": "unit", "preset": "ts-jest", "setupFilesAfterEnv": ["<rootDir>/jest/singletons.ts"]}]},
    {"preset": "ts-jest", "setupFilesAfterEnv": ["<rootDir>/jest/singletons.ts"]},
    {"preset": "ts-jest"},  # names no setup file: the helper is counted as shipping
])
def test_a_setup_file_the_package_json_jest_key_names_is_test_code(tmp_path, jest):
    """`"jest": {"projects": [{"setupFilesAfterEnv": ["<rootDir>/jest/singletons.ts"]}]}` in package.json: the
    file only the test run loads (a tutoring platform's back end: 1 DEP002 for its mocking library)."""
    root = write(tmp_path, {
        "package.json": {"name": "svc", "version": "0.3.0", "main": "index.js",
                         "scripts": {"build": "tsc", "web": "node built/web/index.js", "test": "jest"},
                         "dependencies": {"@prisma/client": "5.0.0"},
                         "devDependencies": {"jest": "29.5.0", "jest-mock-extended": "3.0.5", "ts-jest": "29.0.5"},
                         "jest": jest},
        "tsconfig.json": {"compilerOptions": {"strict": True, "module": "commonjs", "outDir": "./built"}},
        "jest/singletons.ts": "import { PrismaClient } from '@prisma/client';\nimport { mockDeep } from 'jest-mock-extended';\n\n"
                              "export const prismaMock = mockDeep<PrismaClient>();\n",
        "src/prisma.ts": "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
    })
    assert [p for _, _, p in dep(root)] == ([] if "setupFilesAfterEnv" in json.dumps(jest) else ["jest-mock-extended"])


@pytest.mark.parametrize("config", ["libs/db/jest.config.ts", "jest.preset.js"])
def test_a_setup_file_an_nx_projects_jest_config_names_is_test_code(tmp_path, config):
    """An integrated Nx repository: the project folder `libs/db` has a project.json and its own
    jest.config.ts, no package.json, and the root config only lists the projects; the setup file
    its `setupFilesAfterEnv` names (or the shared `jest.preset.js` does) is test code (a real
    repository: DEP002 moving a test-data factory into dependencies). Named by no config, it ships
    by presumption."""
    setup = "../../jest/setup-db.ts" if config.startswith("libs/") else "./jest/setup-db.ts"
    files = {
        "package.json": {"name": "@acme/source", "version": "0.0.0", "private": True,
                         "scripts": {"start": "node dist/apps/api/main.js"},
                         "dependencies": {"@nestjs/core": "^11.0.0"}, "devDependencies": {"test-factory": "^2.0.0"}},
        "nx.json": {},
        "libs/db/project.json": {"name": "db", "projectType": "library"},
        "libs/db/src/index.ts": "export const x = 1;\n",
        "jest/setup-db.ts": "import { build } from 'test-factory';\nbeforeAll(() => build());\n",
    }
    named = write(tmp_path / "named", {**files, config: f"module.exports = {{ setupFilesAfterEnv: ['{setup}'] }};\n"})
    assert dep(named, select=("DEP002",)) == []
    assert dep(write(tmp_path / "unnamed", files), select=("DEP002",)) == [("DEP002", "jest/setup-db.ts", "test-factory")]


def test_a_setup_file_a_script_named_config_reads_from_its_root_dir_is_test_code(tmp_path):
    """`"test": "jest -c ./jest/jest.config.js"`: a config in a subfolder whose `rootDir:
    resolve(__dirname, '../')` is the package folder, so `./jest/db-setup.ts` is read from there, and a
    variant config that assigns `config.globalSetup = '<rootDir>/jest/chain-setup.ts'` to the base
    object (a real repository: 4 DEP002 asking to move a test tool into dependencies). Named by no
    script, the configs say nothing: the setup files ship by presumption."""
    files = {
        "package.json": {"name": "@acme/svc", "version": "1.0.0", "main": "lib/index.js",
                         "scripts": {"test": "jest -c ./jest/jest.config.js", "test:chain": "jest --config=jest/jest.chain.config.js"},
                         "devDependencies": {"@acme/devtools": "1.0.0", "jest": "^26.0.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "lib"}},
        "jest/jest.config.js": ("const { resolve } = require('path');\nmodule.exports = {\n  rootDir: resolve(__dirname, '../'),\n"
                                "  setupFilesAfterEnv: ['./jest/db-setup.ts'],\n  testMatch: ['<rootDir>/src/**/*.test.ts'],\n};\n"),
        "jest/jest.chain.config.js": ("const config = require('./jest.config');\n"
                                      "config.globalSetup = '<rootDir>/jest/chain-setup.ts';\nmodule.exports = config;\n"),
        "jest/chain-setup.ts": "import { startChain } from '@acme/devtools';\nexport default async () => { await startChain(); };\n",
        "jest/db-setup.ts": "import { resetDb } from '@acme/devtools';\nbeforeAll(() => resetDb());\n",
        "src/index.ts": "export const x = 1;\n",
    }
    assert dep(write(tmp_path / "named", files)) == []
    unnamed = {**files, "package.json": {**files["package.json"], "scripts": {"build": "tsc"}}}
    assert sorted(dep(write(tmp_path / "unnamed", unnamed))) == [
        ("DEP002", "jest/chain-setup.ts", "@acme/devtools"), ("DEP002", "jest/db-setup.ts", "@acme/devtools")]


def test_a_runner_given_a_folder_or_a_bare_name_runs_its_script(tmp_path):
    """`"resource": "npx ts-node-dev src/generators"`: ts-node-dev (and `tsnd`) is a TypeScript
    runner, and a folder argument runs its index, an extension-less one its `.ts` file (a real
    code generator: DEP002 moving change-case into dependencies). Option values (`-r x`) are no
    script."""
    files = _scripted_service({"resource": "npx ts-node-dev src/generators",
                               "codegen": "tsnd -r tsconfig-paths/register src/codegen"}, {
        "src/generators/index.ts": "import { toClass } from './util';\nconsole.log(toClass('a'));\n",
        "src/generators/util.ts": "import { pascalCase } from 'change-case';\nexport const toClass = pascalCase;\n",
        "src/codegen.ts": "import { camelCase } from 'change-case';\nconsole.log(camelCase('a-b'));\n",
        "src/other.ts": "import { snakeCase } from 'change-case';\nexport const snake = snakeCase;\n",
    })
    assert dep(write(tmp_path, files)) == [("DEP002", "src/other.ts", "change-case")]


def _scripted_service(scripts: dict[str, str], sources: dict[str, str]) -> dict[str, object]:
    """A private service (started from `dist/main`) with these scripts and sources, change-case a
    devDependency: which files its scripts run as tools decides where change-case may be imported."""
    return {"package.json": {"name": "api", "version": "1.0.0", "private": True,
                             "scripts": {"start:prod": "node dist/main", **scripts},
                             "devDependencies": {"change-case": "^4.1.2"}},
            "src/main.ts": "export const app = 1;\n", **sources}


def test_node_with_a_typescript_loader_runs_its_script_from_source(tmp_path):
    """`node --loader ts-node/esm/transpile-only.mjs ./src/bin/build.ts` runs the TypeScript file
    through a loader: the script is a developer tool, as with `ts-node-esm` itself (a real build
    driver had 18 DEP002 for webpack and its plugins). The loader is an option's value, never the
    script; plain `node dist/x.js` runs built code, which ships."""
    scripts = {"bundle": "node --loader ts-node/esm/transpile-only.mjs ./src/bin/build.ts",
               "gen": "node --import=tsx src/gen.ts", "seed": "node -r @swc-node/register src/seed.ts",
               "report": "node dist/report.js", "codegen": "node --no-warnings src/codegen.mts"}
    files = _scripted_service(scripts, {
        # Node 22.6+ strips the types of a `.ts`/`.mts` file it is given (a real repository's codegen tool)
        "src/codegen.mts": "import { capitalCase } from 'change-case';\nconsole.log(capitalCase('a-b'));\n",
        "src/bin/build.ts": "import { pascalCase } from 'change-case';\nconsole.log(pascalCase('a'));\n",
        "src/gen.ts": "import { camelCase } from 'change-case';\nconsole.log(camelCase('a-b'));\n",
        "src/seed.ts": "import { snakeCase } from 'change-case';\nconsole.log(snakeCase('a-b'));\n",
        "src/report.ts": "import { paramCase } from 'change-case';\nconsole.log(paramCase('a-b'));\n",
    })
    assert dep(write(tmp_path, files)) == [("DEP002", "src/report.ts", "change-case")]


def test_seed_factories_beside_the_seeds_run_with_them(tmp_path):
    """`src/factories/*.factory.ts` beside `src/seeds/`: the seeding command line (typeorm-extension,
    typeorm-seeding, MikroORM's seeder) loads them with the seeds, which are already developer
    tools (a real package: 8 DEP002 for typeorm-extension). A `factories/` folder with no seeds
    beside it is ordinary code (a Nest provider factory) and ships."""
    files = {
        "package.json": {"name": "@repo/database", "version": "0.0.0", "private": True, "main": "./dist/index.js",
                         "scripts": {"build": "tsc"}, "dependencies": {"typeorm": "^0.3.20"},
                         "devDependencies": {"typeorm-extension": "^3.6.3"}},
        "src/index.ts": "export const entities = [];\n",
        "src/db/seeds/1732019848273-user-seeder.ts": "import { Seeder } from 'typeorm-extension';\nexport type S = Seeder;\n"
                                                     "export default class UserSeeder {}\n",
        "src/db/factories/user.factory.ts": "import { setSeederFactory } from 'typeorm-extension';\n"
                                            "export default setSeederFactory(Object, () => ({}));\n",
        "src/providers/factories/client.factory.ts": "import { setSeederFactory } from 'typeorm-extension';\n"
                                                     "export const f = setSeederFactory;\n",
    }
    assert dep(write(tmp_path, files)) == [("DEP002", "src/providers/factories/client.factory.ts", "typeorm-extension")]
    # a seeding script file beside the factories (`src/database/seed.ts`), not a seeds folder (4 DEP002
    # on faker in a real SaaS back end)
    write(tmp_path, {"src/database/seed.ts": "export const seed = 1;\n",
                     "src/database/factories/user.factory.ts": "import { setSeederFactory } from 'typeorm-extension';\n"
                                                               "export default setSeederFactory(Object, () => ({}));\n"})
    assert dep(tmp_path) == [("DEP002", "src/providers/factories/client.factory.ts", "typeorm-extension")]


@pytest.mark.parametrize("folder, schema, dev", [
    ("prisma", False, True),  # Prisma's own folder
    ("db", True, True),  # a folder holding the schema
    ("db", False, False),  # neither: ordinary code of the package
])
def test_a_seed_script_beside_a_prisma_schema_is_a_developer_tool(tmp_path, folder, schema, dev):
    """`libs/shared/prisma/seed-house.ts` (`Run: npx ts-node prisma/seed-house.ts`), named by no
    script: a seed run by hand from the full install, not code a service's production install loads
    (a poker platform's shared library was told to add bcrypt to its dependencies, and that the
    seed may be dead code)."""
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*", "libs/*"],
                         "dependencies": {"@prisma/client": "5.11.0"}, "devDependencies": {"prisma": "5.11.0"}},
        "apps/api/package.json": {"name": "api", "private": True, "scripts": {"build": "tsc", "start": "node dist/main.js"},
                                  "dependencies": {"bcrypt": "^6.0.0", "@mono/shared": "1.0.0"}},
        "apps/api/src/main.ts": "import { ROLE } from '@mono/shared';\nimport * as bcrypt from 'bcrypt';\n"
                                "console.log(ROLE, bcrypt.hashSync('a', 4));\n",
        "libs/shared/package.json": {"name": "@mono/shared", "version": "1.0.0", "main": "index.ts",
                                     "devDependencies": {"bcrypt": "^6.0.0"}},
        "libs/shared/index.ts": "export const ROLE = 'HOUSE';\n",
        f"libs/shared/{folder}/seed-house.ts": "import * as bcrypt from 'bcrypt';\nvoid bcrypt.hash('x', 10);\n",
    }
    if schema:
        files[f"libs/shared/{folder}/schema.prisma"] = 'datasource db {\n  provider = "postgresql"\n  url = env("DB")\n}\n'
    found = dep(write(tmp_path, files))
    assert found == ([] if dev else [("DEP002", f"libs/shared/{folder}/seed-house.ts", "bcrypt")])


@pytest.mark.parametrize("folder,manifest,ships", [
    ("gee-test", {"version": "5.0.5", "main": "./dist/index.js"}, True),
    ("gee-test", {"private": True, "version": "5.0.5"}, False),
    ("api-e2e", {"private": True}, False),
    ("tests", {"version": "5.0.5", "main": "./dist/index.js"}, False),
    # a course's sample Nest app in `config-test/`: a service, whatever its folder's name (a real
    # course repository: a fix wrote a shipping file's library into devDependencies)
    ("config-test", {"private": True, "scripts": {"start:prod": "node dist/index"}}, True),
])
def test_a_published_package_is_no_test_folder_for_its_name_alone(tmp_path, folder, manifest, ships):
    """`packages/gee-test` (GeeTest, a CAPTCHA vendor) is a published library with a version and an
    entry: a name ending in `-test` does not make its code test code (a real module's fixes went to
    devDependencies). A private package so named (an Nx `api-e2e` project), or a folder named
    exactly `tests`, is still test code."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "package-lock.json": {"name": "acme", "lockfileVersion": 3, "packages": {
            "": {"name": "acme"}, "node_modules/qs": {"version": "6.14.0"}}},
        f"packages/{folder}/package.json": {"name": f"@acme/{folder}", **manifest, "dependencies": {}},
        f"packages/{folder}/src/index.ts": "import { parse } from 'qs';\nexport const p = parse;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.fix.message.startswith('Add "qs": "^6.14.0" to ' + ("dependencies" if ships else "devDependencies"))


def test_vanilla_extract_stylesheets_are_compiled_away_at_build_time(tmp_path):
    """vanilla-extract runs `*.css.ts` files at build time and emits static CSS: their
    @vanilla-extract/css import never loads at runtime, so a devDependency is right (a real
    monorepo had 270 DEP002 for it). The same import in another file runs; recipes keep a runtime
    function wherever they are imported."""
    files = {
        "package.json": {"name": "@acme/ui", "version": "1.0.0", "main": "dist/index.js",
                         "devDependencies": {"@vanilla-extract/css": "^1.15.0", "@vanilla-extract/recipes": "^0.5.0"}},
        "src/index.ts": "export * from './button.css';\nexport * from './theme';\nexport * from './variants.css';\n",
        "src/button.css.ts": "import { style } from '@vanilla-extract/css';\nexport const button = style({ color: 'red' });\n",
        "src/theme.ts": "import { createVar } from '@vanilla-extract/css';\nexport const accent = createVar();\n",
        "src/variants.css.ts": "import { recipe } from '@vanilla-extract/recipes';\nexport const variants = recipe({});\n",
    }
    assert dep(write(tmp_path, files)) == [("DEP002", "src/theme.ts", "@vanilla-extract/css"),
                                           ("DEP002", "src/variants.css.ts", "@vanilla-extract/recipes")]


def test_a_pnpm_workspace_file_holding_only_settings_makes_no_tooling_root(tmp_path):
    """pnpm 10 keeps settings (`onlyBuiltDependencies`) in pnpm-workspace.yaml: without `packages`
    the repository's root package is the service itself, whose files ship; a DEP001 fix goes to
    dependencies. With members, the root is the workspace's tooling, as before."""
    service = {
        "package.json": {"name": "api", "version": "1.0.0", "scripts": {"start:prod": "node dist/main"},
                         "dependencies": {"@nestjs/common": "^11.0.0"}},
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n"
                          "      jsonwebtoken:\n        specifier: ^9.0.3\n        version: 9.0.3\n",
        "src/main.ts": "import { sign } from 'jsonwebtoken';\nexport const token = sign({}, 'k');\n",
    }
    settings_only = write(tmp_path / "settings", {**service, "pnpm-workspace.yaml": "onlyBuiltDependencies:\n  - '@nestjs/core'\n"})
    (found,) = pipeline.lint([str(settings_only)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'to dependencies' in found.message and found.fix is not None
    tooling = {**service, "package.json": {**service["package.json"], "scripts": {}}}
    members = write(tmp_path / "members", {**tooling, "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
                                           "packages/a/package.json": {"name": "a", "version": "1.0.0"}})
    (found,) = pipeline.lint([str(members)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'to devDependencies' in found.message and "the private workspace root is not deployed" in found.message
    # a root with members whose start script runs the file is the deployed app as well
    started = write(tmp_path / "started", {**service, "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
                                           "packages/a/package.json": {"name": "a", "version": "1.0.0"}})
    (found,) = pipeline.lint([str(started)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'to dependencies' in found.message
    # a root that is a published package (`main` into its build) whose workspace holds its sample apps:
    # no "private workspace root" (a real health-check library was told so); npm init's `"main":
    # "index.js"` beside nothing keeps the root tooling
    published = {**tooling, "package.json": {**tooling["package.json"], "main": "dist/index.js"}}
    (found,) = pipeline.lint([str(write(tmp_path / "published", {**published, "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
                                                                 "packages/a/package.json": {"name": "a", "version": "1.0.0"}}))],
                             Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "private workspace root" not in found.message
    stub = {**tooling, "package.json": {**tooling["package.json"], "main": "index.js", "scripts": {"build": "tsc"}}}
    (found,) = pipeline.lint([str(write(tmp_path / "stub", {**stub, "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
                                                           "packages/a/package.json": {"name": "a", "version": "1.0.0"}}))],
                             Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "the private workspace root is not deployed" in found.message


def test_r07_electron_is_never_reported_nor_added_to_dependencies(tmp_path):
    root = write(tmp_path / "desktop", {
        "package.json": {"name": "@acme/desktop", "version": "1.0.0", "main": "dist/main.js",
                         "scripts": {"dist": "electron-builder"},
                         "devDependencies": {"electron": "^32.0.0", "electron-builder": "^25.0.0"}},
        "src/main.ts": "import { app, BrowserWindow } from 'electron';\n"
                       "app.whenReady().then(() => new BrowserWindow({ width: 800 }).loadURL('https://example.test'));\n",
    })
    assert dep(root) == []
    # undeclared, electron is added to devDependencies, never to dependencies
    data = json.loads((root / "package.json").read_text())
    data["devDependencies"] = {"electron-builder": "^25.0.0"}
    (root / "package.json").write_text(json.dumps(data, indent=2) + "\n")
    write(tmp_path / "other", {"package.json": {"name": "other", "devDependencies": {"electron": "^32.0.0"}}})
    (tmp_path / "package.json").write_text(json.dumps({"name": "ws", "private": True,
                                                       "workspaces": ["desktop", "other"]}))
    out = json.loads(fixed(tmp_path)["desktop/package.json"])
    assert "electron" not in out.get("dependencies", {}) and out["devDependencies"]["electron"] == "^32.0.0"


def test_r13_metadata_only_names_of_a_types_package_are_taken_for_interfaces(tmp_path):
    """`@Req() request: Request` from express, whose types come from a declared @types/express:
    the name is an interface (decorator metadata emits `Object`, tsc drops the import), so nothing
    is reported, as DEP001 (undeclared) nor DEP002 (a devDependency). Three real NestJS monorepos
    had 76 such warnings that no maintainer would act on. Without the @types package the names
    are the package's own (a class, which metadata loads): reported."""
    root = write(tmp_path / "api", {
        "package.json": {"name": "@acme/api", "version": "1.0.0",
                         "dependencies": {"@nestjs/common": "^10.4.0", "reflect-metadata": "^0.2.2"},
                         "devDependencies": {"@types/express": "^4.17.21", "typescript": "^5.6.0"}},
        "src/ping.ts": "import type { Response } from 'express';\n"
                       "export const ping = (res: Response): void => void res.send('pong');\n",
        "src/health.controller.ts": "import { Controller, Get, Req } from '@nestjs/common';\nimport { Request } from 'express';\n"
                                    "@Controller('health')\nexport class HealthController {\n  @Get()\n"
                                    "  check(@Req() request: Request): string {\n    return request.ip ?? 'unknown';\n  }\n}\n",
    })
    assert pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics == []
    manifest = json.loads((root / "package.json").read_text())
    manifest["devDependencies"]["express"] = "^4.21.0"
    (root / "package.json").write_text(json.dumps(manifest))
    assert pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics == []
    del manifest["devDependencies"]["express"], manifest["devDependencies"]["@types/express"]
    (root / "package.json").write_text(json.dumps(manifest))
    found = [(d.code, Path(d.path).name, d.severity.value)
             for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics]
    assert ("DEP001", "health.controller.ts", "error") in found
    # undeclared, but the lockfile holds @types/express (another @types package brings it): express's
    # types come from there, so what is missing is @types/express, for types (a real service's safe
    # fix added express to dependencies instead)
    (root / "package-lock.json").write_text(json.dumps({"name": "@acme/api", "lockfileVersion": 3, "packages": {
        "": {"name": "@acme/api"}, "node_modules/express": {"version": "5.1.0"},
        "node_modules/@types/express": {"version": "5.0.3", "dev": True}}}))
    found = {(d.code, d.extra["package"], d.fix.edits[0].json_edit[1] if d.fix else None)
             for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics}
    assert found == {("DEP001", "@types/express", "devDependencies")}


def test_platform_objects_and_declaration_modules_in_decorated_signatures_are_interfaces(tmp_path):
    """`@Req() req: FastifyRequest`, `@Res() reply: FastifyReply` from fastify, which ships its own
    types (no @types package to say they are interfaces): the parameters Nest fills with the HTTP
    platform's request, response and next function are typed with the platform's interfaces, which
    decorator metadata emits as `Object` (tsc drops the import; checked with tsc). Two real
    services were told to add fastify to dependencies (28 errors). What is left is a types-only
    import: devDependencies. So are names from a declarations module (`@octokit/webhooks-types`, a
    `/types` subpath) used only in a decorated signature (2 DEP002 in a real service). A name of
    another package in another decorated parameter is still a class metadata loads."""
    files = {
        "package.json": {"name": "notes", "version": "1.0.0", "private": True,
                         "scripts": {"start:prod": "node dist/main.js"},
                         "dependencies": {"@nestjs/common": "^11.1.0", "@nestjs/platform-fastify": "^11.1.0"},
                         "devDependencies": {"@octokit/webhooks-types": "^7.3.1", "typescript": "^5.9.3"}},
        "package-lock.json": {"name": "notes", "lockfileVersion": 3, "packages": {
            "": {"name": "notes"}, "node_modules/@nestjs/platform-fastify": {"version": "11.1.6",
                                                                            "dependencies": {"fastify": "5.7.4"}},
            "node_modules/fastify": {"version": "5.7.4"}, "node_modules/class-validator": {"version": "0.14.1"},
            "node_modules/@octokit/webhooks-types": {"version": "7.3.1", "dev": True}}},
        "src/main.ts": "import './health.controller';\nimport './hooks';\n",
        "src/health.controller.ts":
            "import { Controller, Get, Next, Req, Res } from '@nestjs/common';\n"
            "import { FastifyReply, FastifyRequest } from 'fastify';\n\n"
            "@Controller('health')\nexport class HealthController {\n  @Get()\n"
            "  check(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {\n"
            "    return req.url + reply.statusCode;\n  }\n}\n",
        "src/hooks.ts": "import { Injectable } from '@nestjs/common';\nimport { PushEvent } from '@octokit/webhooks-types';\n"
                        "function traced(): MethodDecorator { return () => undefined; }\n\n"
                        "@Injectable()\nexport class PushHandler {\n  @traced()\n"
                        "  handle(event: PushEvent): string {\n    return event.after;\n  }\n}\n",
    }
    root = write(tmp_path / "svc", files)
    found = {(d.code, Path(d.path).name, d.extra.get("package"), d.fix.edits[0].json_edit[1] if d.fix else None)
             for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics}
    assert found == {("DEP001", "health.controller.ts", "fastify", "devDependencies")}
    # a class of a package in a parameter no platform decorator fills: metadata loads it
    files["src/health.controller.ts"] = files["src/health.controller.ts"].replace(
        "@Res({ passthrough: true }) reply: FastifyReply", "@Body() reply: FastifyReply").replace("Next, ", "Body, ")
    root = write(tmp_path / "class", files)
    found = {(d.code, d.extra.get("package"), d.fix.edits[0].json_edit[1] if d.fix else None)
             for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics}
    assert found == {("DEP001", "fastify", "dependencies")}


def test_a_workspace_packages_type_alias_in_a_decorated_signature_is_elided(tmp_path):
    """`constructor(@Inject(OPTS) private options: DeepRequired<Options>)` with DeepRequired an
    `export type` of a workspace package's source: decorator metadata emits `Object` for a type
    alias or an interface, so tsc elides the import and nothing loads the package (3 DEP002 on a
    real plugin that keeps the framework's common package in devDependencies). A class of that
    package in the same place is loaded by the metadata: still reported."""
    files = {
        "package.json": {"name": "ws", "private": True, "workspaces": ["packages/*"]},
        "packages/common/package.json": {"name": "@acme/common", "version": "1.0.0", "main": "lib/index.js"},
        "packages/common/tsconfig.json": {"compilerOptions": {"outDir": "lib", "rootDir": "src"}},
        "packages/common/src/index.ts": "export * from './shared-types';\n",
        "packages/common/src/shared-types.ts": "export type DeepRequired<T> = { [K in keyof T]-?: T[K] };\n"
                                               "export interface Named { name: string }\nexport class Money { amount = 0; }\n",
        "packages/plugin/package.json": {"name": "@acme/plugin", "version": "1.0.0", "main": "lib/index.js",
                                         "dependencies": {"@nestjs/common": "^10.0.0"},
                                         "devDependencies": {"@acme/common": "1.0.0"}},
        "packages/plugin/src/index.ts": "export * from './search.service';\n",
        "packages/plugin/src/search.service.ts":
            "import { Inject, Injectable } from '@nestjs/common';\n"
            "import { DeepRequired, Named } from '@acme/common/lib/shared-types';\n\n"
            "@Injectable()\nexport class SearchService {\n"
            "  constructor(@Inject('OPTS') private options: DeepRequired<Named>) {}\n}\n",
    }

    def found(name: str, changes: dict) -> list[tuple[str, str]]:
        root = write(tmp_path / name, {**files, **changes})
        return [(d.code, d.extra.get("package")) for d in
                pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]

    assert found("alias", {}) == []
    service = files["packages/plugin/src/search.service.ts"].replace("DeepRequired, Named", "Money").replace(
        "DeepRequired<Named>", "Money")
    assert found("class", {"packages/plugin/src/search.service.ts": service}) == [("DEP002", "@acme/common")]


@pytest.mark.parametrize("declared, reached", [
    ("const { W3CCredential } = require('did-jwt-vc');\nexport type W3CCredential = typeof W3CCredential;\n", False),
    ("export class W3CCredential {}\n", True)])
def test_a_module_a_decorated_signature_names_only_for_a_type_alias_is_not_reached(tmp_path, declared, reached):
    """`credential: W3CCredential` under `@Expose()`, where `vc.types.ts` exports `W3CCredential` as a type
    alias (beside a same-named local const from `require('did-jwt-vc')`): decorator metadata emits `Object`,
    tsc elides the import (checked with tsc 5.9), so nothing loads `vc.types.ts` and its `require` of a
    devDependency breaks nothing (a real credentials service: DEP002 after the declaration). A class
    exported under that name is what metadata loads: the module ships."""
    root = write(tmp_path, {
        "package.json": {"name": "vc", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"@nestjs/common": "^10.0.0", "class-transformer": "^0.5.1", "did-jwt-vc": "^4.0.0"},
                         "devDependencies": {"did-resolver": "^4.1.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "baseUrl": "./", "experimentalDecorators": True,
                                              "emitDecoratorMetadata": True}, "include": ["src/*", "vc.types.ts"]},
        "vc.types.ts": "const { DIDDocument } = require('did-resolver');\n" + declared
                       + "export type DIDDocument = typeof DIDDocument;\n",
        "src/credential.dto.ts": "import { Expose } from 'class-transformer';\nimport { W3CCredential } from 'vc.types';\n\n"
                                 "export class CredentialDTO {\n  @Expose()\n  credential: W3CCredential;\n}\n",
        "src/main.ts": "import { CredentialDTO } from './credential.dto';\nexport const shape = CredentialDTO.name;\n",
    })
    found = [d.extra.get("package") for d in pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == (["did-resolver"] if reached else [])


def test_unused_bindings_beside_type_or_metadata_uses_are_elided_too(tmp_path):
    """`import { Response, NextFunction, Request } from 'express'` where only `Response` is used,
    in a decorated signature: tsc drops the unused names with the import, so the import is the
    decorated-signature case (interfaces of @types/express here: nothing to declare), not a value
    use (a real NestJS monorepo: 3 errors). An import none of whose names is used is dropped whole,
    as a type-only one is, unless the tsconfig keeps imports as written (`verbatimModuleSyntax`,
    `preserveValueImports`, `importsNotUsedAsValues: preserve`): then Node loads express for both."""
    files = {
        "package.json": {"name": "@acme/api", "version": "1.0.0",
                         "dependencies": {"@nestjs/common": "^10.4.0", "reflect-metadata": "^0.2.2"},
                         "devDependencies": {"@types/express": "^4.17.21"}},
        "src/files.controller.ts": "import { Body, Controller, Post } from '@nestjs/common';\n"
                                   "import { Response, NextFunction, Request } from 'express';\n\n"
                                   "@Controller('files')\nexport class FilesController {\n  @Post()\n"
                                   "  get(@Body() res: Response): void {\n    res.end();\n  }\n}\n",
        "src/unused.ts": "import { Response, NextFunction } from 'express';\n\nexport const unused = 1;\n",
    }
    diags = pipeline.lint([str(write(tmp_path / "dropped", files))], Settings(select=["DEP001"]),
                          use_cache=False).diagnostics
    assert diags == []
    for name, value in (("verbatimModuleSyntax", True), ("preserveValueImports", True),
                        ("importsNotUsedAsValues", "preserve")):
        kept = write(tmp_path / name, {**files, "tsconfig.base.json": {"compilerOptions": {name: value}},
                                       "tsconfig.json": {"extends": "./tsconfig.base.json"}})
        diags = pipeline.lint([str(kept)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        found = [(Path(d.path).name, d.severity.value) for d in diags]
        assert ("unused.ts", "error") in found and ("files.controller.ts", "error") in found, name


def test_r17_dep004_never_fires_in_tests(tmp_path):
    root = write(tmp_path / "db", {
        "package.json": {"name": "@acme/db", "version": "1.0.0", "main": "dist/index.js",
                         "dependencies": {"typeorm": "^0.3.20", "better-sqlite3": "^11.0.0"},
                         "devDependencies": {"jest": "^29.7.0", "jest-mock-extended": "^3.0.7"}},
        "src/index.ts": "export const db = 1;\n",
        "src/__tests__/connection-options.test.ts":
            "import type { DataSourceOptions } from 'typeorm';\nimport { mockDeep } from 'jest-mock-extended';\n"
            "import { DataSource } from 'typeorm';\n"
            "const postgresOptions: DataSourceOptions = { type: 'postgres', host: 'localhost', database: 'acme' };\n"
            "test('x', () => { const ds = mockDeep<DataSource>({ options: postgresOptions }); expect(ds).toBeTruthy(); });\n",
        "src/data-source.ts": "import { DataSource } from 'typeorm';\n"
                              "export const ds = new DataSource({ type: 'postgres', host: 'db' });\n",
    })
    assert dep(root) == [("DEP004", "src/data-source.ts", "pg")]


def test_r18_require_resolve_with_paths_is_no_dependency(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme-commerce", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"ts-node": "^10.9.2"}},
        "packages/framework/package.json": {"name": "@acme/framework", "version": "2.0.0", "main": "dist/index.js"},
        "packages/framework/src/cli.ts": "import { join } from 'path';\nexport function register(dir: string): void {\n"
                                         "  const tsNode = require(require.resolve('ts-node', { paths: [dir] }));\n"
                                         "  tsNode.register({ project: join(dir, 'tsconfig.json') });\n}\n",
    })
    assert dep(root) == []
    # a plain require.resolve resolves from the file's own package: still a dependency
    (root / "packages/framework/src/cli.ts").write_text("export const where = require.resolve('ts-node');\n")
    assert dep(root) == [("DEP005", "packages/framework/src/cli.ts", "ts-node")]


# ----------------------------------------------------------------------------- classes found on real repos

def test_template_and_fixture_data_folders_are_not_the_packages_code(tmp_path):
    root = write(tmp_path / "cli", {
        "package.json": {"name": "@acme/cli", "version": "1.0.0", "bin": {"acme": "dist/cli.js"},
                         "dependencies": {"commander": "^12.1.0"}},
        "src/cli.ts": "import { Command } from 'commander';\nnew Command('acme').parse();\n",
        "src/commands/add/templates/service.template.ts": "import { Injectable } from '@nestjs/common';\n"
                                                          "@Injectable()\nexport class TemplateService {}\n",
        "test/fixtures/rename/entity.input.ts": "import { Entity } from 'typeorm';\n@Entity()\nexport class A {}\n",
    })
    assert dep(root) == []


def test_the_files_a_load_by_computed_path_may_name_are_reached(tmp_path):
    """``routes.map((r) => require(`./routers/v1/${r}`))`` at start-up loads every route file below
    `./routers/v1/`, though no statement names one (a music platform's API: 62 live routes told that
    deleting them was "the other remedy"): they ship, reached from the entry. ``import(`./locale-${l}`)``
    names the files of its folder that start so, as `require('./plugins/' + n)` names those below
    `./plugins/`; a template with no relative prefix, or one that only climbs (`../../`, a file an install
    step writes), names nothing, and a test below the prefix is none of the modules it loads."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "private": True, "main": "dist/index.js", "scripts": {"start": "node dist/index.js"},
                         "dependencies": {"express": "^5.1.0"}, "devDependencies": {"uuid": "^9.0.0", "ms": "^2.1.3",
                                                                                    "dayjs": "^1.11.0", "chalk": "^5.0.0",
                                                                                    "sinon": "^17.0.0", "nanoid": "^5.0.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}},
        "src/index.ts": "import express from 'express';\nconst routes = ['tracks/{id}/audio'];\nconst app = express();\n"
                        "for (const r of routes) app.use(require(`./routers/v1/${r}`).default);\n"
                        "export const locale = (l: string) => import(`./locale-${l}`);\n"
                        "export const other = (n: string) => require(`${n}/x`);\n"
                        "export const plugins = ['ws'].map((n) => require('./plugins/' + n));\n"
                        "export const saved = (n: string) => require(`../../${n}`);\n",
        "src/plugins/ws.ts": "import chalk from 'chalk';\nexport default chalk.red;\n",
        "src/plugins/ws.spec.ts": "import sinon from 'sinon';\nexport const stub = sinon.stub();\n",
        "helper.ts": "import nanoid from 'nanoid';\nexport const id = nanoid;\n",
        "src/routers/v1/tracks/{id}/audio.ts": "import { v4 } from 'uuid';\nexport default () => v4();\n",
        "src/locale-en.ts": "import ms from 'ms';\nexport default ms('1s');\n",
        "src/unused.ts": "import dayjs from 'dayjs';\nexport default dayjs();\n",
    })
    found = {d.extra["package"]: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP002"]),
                                                                   use_cache=False).diagnostics}
    # a test below the prefix is no module it loads; a prefix that only climbs (`../../`) names nothing
    assert set(found) == {"uuid", "ms", "dayjs", "chalk", "nanoid"}, found
    assert "counted as shipping" in found["nanoid"], found["nanoid"]
    assert "reached by value imports from the entry point" in found["uuid"] and "deleting it" not in found["uuid"]
    assert "reached by value imports from the entry point" in found["ms"]
    assert "reached by value imports from the entry point" in found["chalk"]  # `require('./plugins/' + n)`
    assert "counted as shipping" in found["dayjs"], found["dayjs"]


@pytest.mark.parametrize("load, reported", [
    ("import(`./${cat}/${name}/run.ts`)", []),
    ("import(`./${cat}/${name}/run.js`)", []),  # the `.js` spelling of the same file
    ("import(`./${cat}/${name}/${file}`)", [("DEP001", "packages/utils/src/tests/js/imports/remove/input.ts", "p1")]),
])
def test_static_text_after_a_substitution_narrows_what_a_computed_load_names(tmp_path, load, reported):
    """A test runs each case's `run.ts` with ``import(`./${cat}/${name}/run.ts`)`` and reads the
    `input.ts` beside it as text, which the tsconfig excludes as data (a CLI's transform tests: 103
    findings on imports of made-up packages in the inputs, once taken for modules the load names).
    The text after a substitution counts: the load names `./**/**/run.ts`; a load ending in a
    substitution names every file below its prefix, as before."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "scripts": {"test": "vitest run"},
                         "devDependencies": {"typescript": "^5.4.0", "vitest": "^3.0.0"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "packages/utils/package.json": {"name": "@acme/utils", "version": "0.3.3", "type": "module", "files": ["dist"],
                                        "exports": {".": "./dist/index.mjs"}, "scripts": {"check": "tsc"}},
        "packages/utils/tsconfig.json": {"include": ["src/**/*.ts"], "exclude": ["dist/**", "src/tests/**/input.ts"]},
        "packages/utils/src/index.ts": "export const removeImport = (code: string, name: string) => code.replace(name, '');\n",
        "packages/utils/src/tests/js/index.ts":
            "import fs from 'node:fs';\nimport { join } from 'node:path';\nimport { expect, test } from 'vitest';\n"
            "for (const cat of fs.readdirSync(import.meta.dirname)) {\n  for (const name of fs.readdirSync(join(import.meta.dirname, cat))) {\n"
            "    test(name, async () => {\n      const input = fs.readFileSync(join(import.meta.dirname, cat, name, 'input.ts'), 'utf8');\n"
            f"      const file = 'run.ts';\n      const module = await {load};\n      expect(module.run(input)).toBeTruthy();\n"
            "    });\n  }\n}\n",
        "packages/utils/src/tests/js/imports/remove/run.ts":
            "import { removeImport } from '../../../../index.ts';\nexport const run = (code: string) => removeImport(code, 'p1');\n",
        "packages/utils/src/tests/js/imports/remove/input.ts": "import { a } from 'p1';\nconsole.log(a);\n",
    })
    assert dep(root) == reported


@pytest.mark.parametrize("copy, reported", [
    ('cp -r scripts/qa/lib/actions "$APP_PATH/src/app/actions"', False), ("cp -r scripts/qa/lib/actions /tmp/app/src", False),
    ("cp -R scripts/qa/lib/actions ../app/src", False), ("cp scripts/qa/lib/actions/page.tsx $APP/src/app/page.tsx", False),
    ("cp -r scripts/qa/lib/actions build/actions", True),  # inside the checkout: a build's staging, not another project
    ("cp scripts/qa/lib/actions $APP/src", True),  # no recursive flag: cp copies no folder
])
def test_a_folder_a_shell_script_copies_into_another_project_holds_templates(tmp_path, copy, reported):
    """`scripts/qa/actions.sh` scaffolds a fresh app and `cp -r scripts/qa/lib/actions` into it, or copies
    a page alone: the copied pages import what that app installs, and nothing runs them where they sit
    (an AI SDK's QA kit: 144 DEP001 asking the root to declare the SDK's React packages)."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "devDependencies": {"typescript": "^5.4.0"}},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "exports": {".": "./src/index.ts"}},
        "packages/core/src/index.ts": "export const useAction = () => {};\n",
        "scripts/qa/lib/actions/page.tsx": "import { useAction } from '@acme/core';\n"
                                           "export default function Page() { useAction(); return null; }\n",
        "scripts/qa/actions.sh": f"#!/bin/bash\nnpx create-next-app /tmp/app --ts\n{copy}\n",
    })
    assert dep(root) == ([("DEP001", "scripts/qa/lib/actions/page.tsx", "@acme/core")] if reported else [])


@pytest.mark.parametrize("name, reported", [("sanity.cli.ts", False), ("sanity.config.ts", False),
                                             ("src/sanity.cli.ts", True), ("sanity-cli.ts", True)])
def test_a_tools_cli_config_at_the_package_top_is_a_tool_config(tmp_path, name, reported):
    """`sanity.cli.ts` (`defineCliConfig({ vite: ... })`, which only `sanity build` and `sanity dev`
    read) at the top of a private studio app: a tool's config, like a `<tool>.config.*` there, whose
    devDependency imports are fine (a CMS's dev studios: 4 DEP002 on vite and a vite plugin). Below
    `src/`, or named otherwise, the file is presumed to ship as before."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["dev/*"]},
        "dev/studio/package.json": {"name": "studio", "version": "1.0.0", "private": True,
                                    "scripts": {"build": "sanity build", "dev": "sanity dev"},
                                    "dependencies": {"sanity": "^4.0.0"}, "devDependencies": {"vite": "^7.0.0"}},
        f"dev/studio/{name}": "import { defineCliConfig } from 'sanity/cli';\nimport { mergeConfig } from 'vite';\n"
                              "export default defineCliConfig({ vite: (c) => mergeConfig(c, {}) });\n",
    })
    assert dep(root) == ([("DEP002", f"dev/studio/{name}", "vite")] if reported else [])


@pytest.mark.parametrize("listing, reported", [
    ("chat/api/redis.ts", []), ("src/chat/api/redis.ts", []), ("./src/chat/api/redis.ts", []),
    ("chat/api/other.ts", ["ioredis"]),  # a file the registry does not list is the package's own code
    (None, ["ioredis"]),  # no registry.json
])
def test_the_files_a_component_registry_lists_are_templates(tmp_path, listing, reported):
    """A shadcn-style registry package: its registry.json lists each item's files (paths from its
    folder, or below `src/`), which a command line copies into users' apps, where the item's own
    `dependencies` are installed (a marketplace's blocks: 19 DEP001 asking the registry package to
    declare ioredis, multer and react). A listed file is a template; the cache sees the listing change."""
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/api/package.json": {"name": "api", "private": True, "dependencies": {"ioredis": "^5.4.0"}},
        "packages/registry/package.json": {"name": "@acme/registry", "private": True,
                                           "scripts": {"build:registry": "shadcn build"}},
        "packages/registry/src/chat/api/redis.ts": "import Redis from 'ioredis';\nexport const redis = new Redis();\n",
    }
    if listing is not None:
        files["packages/registry/registry.json"] = {
            "$schema": "https://ui.shadcn.com/schema/registry.json", "name": "acme",
            "items": [{"name": "chat", "dependencies": ["ioredis"], "files": [{"path": listing, "type": "registry:api"}]}]}
    root = write(tmp_path, files)
    assert [pkg for _, _, pkg in dep(root, select=("DEP001",))] == reported
    if listing == "chat/api/redis.ts":  # a cached run sees the listing go
        first = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=True).diagnostics
        (root / "packages/registry/registry.json").write_text('{"items": []}')
        again = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=True).diagnostics
        assert (len(first), len(again)) == (0, 1)


@pytest.mark.parametrize("build, reported", [
    ("tsc && vite build", ["date-fns"]),  # the app itself, whose registry lists its own components
    ("shadcn build", []),  # a registry only: its items are templates
])
def test_an_app_that_is_also_its_own_components_registry_keeps_its_findings(tmp_path, build, reported):
    """A CRM app built by `tsc && vite build` whose registry.json lists its own components, which users
    install with `shadcn add` (the page's entry script is a template tag no reader resolves, and a
    `build-storybook` script sits beside the build): its files are the app's code, whose undeclared
    `date-fns` (which only a dependency brings) is reported, not templates, and the package is a vite
    app, not a Storybook site (5 DEP001 hidden). A registry-only package keeps its items templates."""
    files = {
        "package.json": {"name": "crm", "version": "0.1.0", "type": "module",
                         "scripts": {"build": build, "build-storybook": "storybook build", "storybook": "storybook dev -p 6006"},
                         "dependencies": {"ra-core": "^5.0.0"}, "devDependencies": {"vite": "^7.0.0", "storybook": "^9.0.0"}},
        "index.html": '<div id="root"></div><script type="module" src="<%= mainScript %>"></script>\n',
        "registry.json": {"name": "crm", "items": [{"name": "tasks", "files": [
            {"path": "src/components/tasks/tasksPredicate.ts", "type": "registry:lib"}]}]},
        "src/components/tasks/tasksPredicate.ts": "import { isToday } from 'date-fns';\nexport const due = (d: Date) => isToday(d);\n",
    }
    assert [pkg for _, _, pkg in dep(write(tmp_path, files), select=("DEP001",))] == reported


@pytest.mark.parametrize("written, reported", [
    ('fs.writeJsonSync("build/package.json", { name: pkg.name, version: pkg.version, main: "ui.js",\n'
     '  peerDependencies: { react: "^16.5.0 || ^17.0.1 || ^18.1.0 || ^19.0.0" } });\n', False),
    ('fs.copyFileSync("package.json", "build/package.json");\n', True),  # the same manifest, copied
    ('fs.writeJsonSync("build/stats.json", { peerDependencies: 0 });\n', True),  # no manifest written
])
def test_a_build_that_writes_the_published_manifest_leaves_dep002_nothing_to_judge(tmp_path, written, reported):
    """A survey library's rollup config writes `build/package.json`, with react as a peer, and the
    build folder is what is published; the source package.json keeps react in devDependencies for
    development (98 DEP002 on a form library's React UI). What the registry install holds is that
    written manifest, not read here: no DEP002. A manifest copied as it is, or no manifest, changes nothing."""
    files = {
        "package.json": {"name": "ui-monorepo", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"rollup": "^4.34.8", "fs-extra": "^11.3.4"}},
        "packages/react-ui/package.json": {"name": "acme-react-ui", "version": "3.0.1", "main": "acme-react-ui.js",
                                           "scripts": {"build": "rollup -c rollup.config.mjs"},
                                           "devDependencies": {"react": "^17.0.1", "rollup": "^4.34.8"}},
        "packages/react-ui/rollup.config.mjs": 'import fs from "fs-extra";\nimport pkg from "./package.json" with { type: "json" };\n'
                                               + written + 'export default [{ input: "./src/index.tsx", external: ["react"], '
                                               'output: { file: "build/acme-react-ui.js", format: "cjs" } }];\n',
        "packages/react-ui/src/index.tsx": 'import * as React from "react";\n'
                                          'export const Hello = () => React.createElement("b", null, "hello");\n',
    }
    assert bool(dep(write(tmp_path, files), select=("DEP002",))) is reported


@pytest.mark.parametrize("listed, compiled, reported", [
    (["dist", "assets"], False, []), (["dist"], False, ["next"]), (["dist", "assets"], True, ["next"])])
def test_a_folder_published_as_files_and_compiled_by_no_tsconfig_holds_templates(tmp_path, listed, compiled, reported):
    """A CLI that reads `assets/next/makeRoute.tsx` as text and writes it into its users' projects:
    package.json `files` publishes `assets/` as it is and its tsconfig compiles only `src/`, so the
    file's `next` import is the users' dependency (a real route generator: 14 DEP001, with a fix
    adding next and react to the CLI). A folder `files` does not list, or one the tsconfig
    compiles, is the package's code."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/route-cli", "version": "0.1.0", "bin": {"route-cli": "dist/index.js"},
                         "files": listed, "scripts": {"build": "tsc"}, "dependencies": {"handlebars": "^4.7.8"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "jsx": "react-jsx"},
                          "include": ["src/**/*.ts"] + (["assets"] if compiled else [])},
        "src/index.ts": "import Handlebars from 'handlebars';\nimport { readFileSync } from 'node:fs';\n"
                        "console.log(Handlebars.compile(readFileSync(__dirname + '/../assets/next/makeRoute.tsx', 'utf8')));\n",
        "assets/next/makeRoute.tsx": "import Link from 'next/link';\nexport const R = () => <Link href='/'>go</Link>;\n",
    })
    assert [pkg for _, _, pkg in dep(root, select=("DEP001",))] == reported


def test_schematic_templates_are_not_the_packages_code(tmp_path):
    """A Nest schematic's `files/` (`__name@singular__.module.ts`, `<%= %>` in import paths): copied
    into the generated project, where `lib/core` is an alias (30 DEP001 and IMP002 on a real repository,
    one advising `npm install lib`)."""
    root = write(tmp_path / "api", {
        "package.json": {"name": "api", "private": True, "scripts": {"build": "nest build", "start:prod": "node dist/main"},
                         "dependencies": {"@nestjs/common": "^10.0.0"}},
        "src/main.ts": "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n",
        "tools/schematics/src/lib/resource/files/ts/__name@singular__.module.ts":
            "import { Module } from '@nestjs/common';\nimport { CORE } from 'lib/core';\n@Module({})\nexport class M { c = CORE; }\n",
        "tools/schematics/src/lib/resource/files/ts/constants/index.ts": "export * from './<%= singular(name) %>.constant';\n",
    })
    assert dep(root, select=("DEP", "IMP")) == []


def test_a_published_packages_on_demand_load_is_an_optional_feature(tmp_path):
    """A published library's `require()` in a function loads an optional feature its users install:
    kept in devDependencies only, nothing tells them, so a warning without a fix asks for an
    optional peer; a load at start-up is the ordinary error."""
    root = write(tmp_path / "server", {
        "package.json": {"name": "@acme/server", "version": "1.0.0", "main": "dist/index.js",
                         "devDependencies": {"@opentelemetry/api": "^1.9.0", "uuid": "^10.0.0"}},
        "src/index.ts": "import { v4 } from 'uuid';\nexport function trace(): unknown {\n"
                        "  const { trace } = require('@opentelemetry/api');\n  return trace;\n}\nexport const id = v4();\n",
    })
    found = {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics}
    assert sorted(found) == ["@opentelemetry/api", "uuid"]
    assert found["uuid"].severity.value == "error"
    optional = found["@opentelemetry/api"]
    assert optional.severity.value == "warning" and optional.fix is None and "peerDependenciesMeta" in optional.message


def test_a_published_packages_require_resolve_in_a_function_is_an_on_demand_load(tmp_path):
    """`require.resolve('@acme/themes')` inside a function a published admin panel calls when themes are
    configured: resolved on demand, as a `require()` there would load it (a real admin framework: 1 DEP001
    error asking to install its own optional add-on). The optional-peer warning; at the top level, the error."""
    files = {
        "package.json": {"name": "admin-core", "version": "1.0.0", "type": "module", "exports": {".": "./lib/index.js"},
                         "dependencies": {"lodash": "^4.17.21"}},
        "src/theme.ts": "import { createRequire } from 'node:module';\nimport path from 'path';\n\n"
                        "const require = createRequire(import.meta.url);\n"
                        "const themesDir = () => path.parse(require.resolve('@acme/themes')).dir;\n\n"
                        "export const themeBundle = (id: string): string => path.join(themesDir(), id, 'bundle.js');\n",
        "src/index.ts": "export { themeBundle } from './theme';\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "lazy", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.severity.value == "warning" and "loaded on demand" in d.message and "peerDependenciesMeta" in d.message
    eager = {**files, "src/theme.ts": "import { createRequire } from 'node:module';\n\n"
                                      "const require = createRequire(import.meta.url);\n"
                                      "export const themesDir = require.resolve('@acme/themes');\n"}
    [d] = pipeline.lint([str(write(tmp_path / "eager", eager))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.severity.value == "error"


def test_an_applications_on_demand_load_is_no_optional_feature(tmp_path):
    """A published package with a `bin` is an application installed to run (`yarn install --production`
    of the packed package in its image): what it loads on demand is needed whenever that code runs, and
    nobody would install an optional peer for it (a real indexer was told to declare its hasher as one).
    The ordinary advice: dependencies. A library without `bin` keeps the optional-peer warning."""
    files = {
        "package.json": {"name": "@acme/node", "version": "6.4.6", "main": "dist/index.js", "bin": {"acme-node": "./bin/run"},
                         "dependencies": {"@polkadot/api": "^16.4.7"}},
        "package-lock.json": {"name": "@acme/node", "lockfileVersion": 3, "packages": {
            "": {"name": "@acme/node"}, "node_modules/@polkadot/util-crypto": {"version": "13.5.1"}}},
        "src/index.ts": "export async function hasher(name: string): Promise<unknown> {\n"
                        "  const crypto = await import('@polkadot/util-crypto');\n  return (crypto as never)[name];\n}\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "app", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.severity.value == "error" and 'add "@polkadot/util-crypto": "^13.5.1" to dependencies' in d.message
    # a service with a publishConfig (a private registry) and a start script is deployed, not plugged in
    service = {**files, "package.json": {**{k: v for k, v in files["package.json"].items() if k != "bin"},
                                         "publishConfig": {"registry": "https://npm.example.test"},
                                         "scripts": {"start:prod": "node dist/main"}}}
    [d] = pipeline.lint([str(write(tmp_path / "service", service))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.severity.value == "error" and "to dependencies" in d.message
    library = {**files, "package.json": {k: v for k, v in files["package.json"].items() if k != "bin"}}
    [d] = pipeline.lint([str(write(tmp_path / "lib", library))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.severity.value == "warning" and "marked optional in peerDependenciesMeta" in d.message


def test_an_sdk_its_plugins_take_as_a_peer_loads_optional_features_though_it_has_a_bin(tmp_path):
    """A published SDK with a `bin` (its CLI) beside `main`, which the workspace's plugin packages take
    as a peer: a host users install into their applications, whose telemetry exporters load on demand
    behind a flag (a workflow SDK: 17 DEP001 errors asked to add them to dependencies, where its users
    install an `otel` extras package). An optional feature: the optional-peer warning. Without a plugin
    taking it as a peer, the `bin` makes it an application: the error stays."""
    files = {
        "package.json": {"name": "@acme/sdk", "version": "1.0.0", "main": "dist/index.js", "bin": {"acme": "./dist/cli.js"},
                         "workspaces": ["packages/*"], "dependencies": {"commander": "^12.0.0"}},
        "packages/koa/package.json": {"name": "@acme/koa", "version": "1.0.0", "main": "dist/index.js",
                                      "peerDependencies": {"@acme/sdk": "*"}},
        "packages/koa/src/index.ts": "export const serve = () => 1;\n",
        "src/index.ts": "export const settings = { otlp: process.env.ACME_OTLP === 'true' };\n\n"
                        "export function exporter() {\n  if (!settings.otlp) return undefined;\n"
                        "  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');\n"
                        "  return new OTLPTraceExporter();\n}\n",
        "src/cli.ts": "import { program } from 'commander';\nimport { exporter } from './index';\n\n"
                      "program.action(() => exporter()).parse();\n",
    }

    def found(name: str, changes: dict) -> list[tuple[str, str]]:
        root = write(tmp_path / name, {**files, **changes})
        return [(d.extra["package"], d.severity.value) for d in
                pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]

    assert found("host", {}) == [("@opentelemetry/exporter-trace-otlp-proto", "warning")]
    plain = {"name": "@acme/koa", "version": "1.0.0", "main": "dist/index.js"}
    assert found("app", {"packages/koa/package.json": plain}) == [("@opentelemetry/exporter-trace-otlp-proto", "error")]


def test_dev_files_may_rely_on_a_hoisting_root_install(tmp_path):
    lock = {"name": "acme", "lockfileVersion": 3, "packages": {
        "": {"name": "acme", "workspaces": ["packages/*"]},
        "node_modules/graphql-tag": {"version": "2.12.6"},
        "node_modules/@acme/testing": {"resolved": "packages/testing", "link": True},
    }}
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "package-lock.json": lock,
        "packages/testing/package.json": {"name": "@acme/testing", "version": "1.0.0", "main": "dist/index.js",
                                          "dependencies": {"graphql-tag": "^2.12.6"}},
        "packages/testing/src/index.ts": "import gql from 'graphql-tag';\nexport const q = gql`{ a }`;\n",
        "packages/plugin/package.json": {"name": "@acme/plugin", "version": "1.0.0", "main": "dist/index.js"},
        "packages/plugin/src/index.ts": "export const plugin = 1;\n",
        "packages/plugin/e2e/plugin.e2e-spec.ts": "import gql from 'graphql-tag';\nimport { q } from '@acme/testing';\n"
                                                  "export const all = [gql, q];\n",
        "packages/plugin/src/api.ts": "import gql from 'graphql-tag';\nexport const api = gql`{ b }`;\n",
    })
    # the e2e test runs inside the repository's npm install; the plugin's own code must declare it
    assert dep(root) == [("DEP001", "packages/plugin/src/api.ts", "graphql-tag")]
    (root / ".npmrc").write_text("")
    (root / "package-lock.json").unlink()
    write(root, {"pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n", "pnpm-lock.yaml": "lockfileVersion: '9.0'\n"})
    assert [d[1] for d in dep(root)] == ["packages/plugin/e2e/plugin.e2e-spec.ts"] * 2 + ["packages/plugin/src/api.ts"]


def test_a_private_library_used_only_by_bundled_apps_is_bundled(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/docs/package.json": {"name": "docs", "private": True, "scripts": {"build": "next build"},
                                   "dependencies": {"docs-ui": "*"}},
        "packages/docs-ui/package.json": {"name": "docs-ui", "private": True, "main": "dist/index.js",
                                          "devDependencies": {"clsx": "^2.0.0"}},
        "packages/docs-ui/src/index.ts": "import clsx from 'clsx';\nexport const cn = clsx;\n",
    })
    assert dep(root) == []
    # once a service that is installed for production depends on it, the library ships
    write(root, {"apps/api/package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"},
                                           "dependencies": {"docs-ui": "*"}}})
    assert dep(root) == [("DEP002", "packages/docs-ui/src/index.ts", "clsx")]


def test_a_private_library_between_that_no_manifest_declares_decides_nothing(tmp_path):
    """A private source library that no manifest lists (the app imports it undeclared: DEP001's
    finding) deploys nothing of its own, so it does not make the UI library it depends on "not
    bundled": the UI library's other dependents, the bundled app, decide (a real Next app: 66
    DEP002 moving react into a UI kit's dependencies). A service that is installed for production
    and depends on it still makes it ship."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/web/package.json": {"name": "@acme/web", "private": True, "scripts": {"build": "next build"},
                                  "dependencies": {"@acme/ui": "*", "next": "16.0.7", "react": "19.2.0"}},
        "apps/web/app/page.tsx": "import { Button } from '@acme/ui';\nimport { runAgent } from '@acme/ai';\n"
                                 "export default function Page() { return <Button onClick={() => runAgent()} />; }\n",
        "packages/ui/package.json": {"name": "@acme/ui", "version": "0.0.0", "private": True, "main": "src/index.ts",
                                     "devDependencies": {"react": "^18.3.1"}},
        "packages/ui/src/index.ts": "import { useState } from 'react';\nexport const Button = (p: object) => useState(p);\n",
        "packages/ai/package.json": {"name": "@acme/ai", "version": "0.0.0", "private": True, "module": "src/index.ts",
                                     "dependencies": {"@acme/ui": "*"}},
        "packages/ai/src/index.ts": "import { Button } from '@acme/ui';\nexport const runAgent = () => Button.name;\n",
    })
    assert dep(root) == [("DEP001", "apps/web/app/page.tsx", "@acme/ai")]
    write(root, {"apps/api/package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"},
                                           "dependencies": {"@acme/ai": "*"}}})
    assert ("DEP002", "packages/ui/src/index.ts", "react") in dep(root)


def test_a_library_only_bundled_apps_import_through_tsconfig_paths_is_bundled(tmp_path):
    """A private source library no manifest lists, which a Next app compiles in through its tsconfig
    `paths` (`@hooks/*`): it ships inside the app's bundle, so its undeclared react goes to
    devDependencies, not dependencies (a real repository's advice for 20 imports). A Node service
    importing it the same way makes it ship."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/web/package.json": {"name": "@acme/web", "private": True, "scripts": {"build": "next build"},
                                  "dependencies": {"next": "16.0.7", "react": "19.2.0"}},
        "apps/web/tsconfig.json": {"compilerOptions": {"jsx": "preserve",
                                                       "paths": {"@hooks/*": ["../../packages/hooks/src/*"]}}},
        "apps/web/app/page.tsx": "import { useMobile } from '@hooks/index';\n"
                                 "export default function P() { return useMobile() ? 'm' : 'd'; }\n",
        "packages/hooks/package.json": {"name": "@acme/hooks", "version": "0.0.0", "private": True, "main": "src/index.ts"},
        "packages/hooks/src/index.ts": "import { useState } from 'react';\nexport const useMobile = () => useState(false)[0];\n",
    })
    def advice() -> str:
        [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        return d.message
    assert 'add "react": "19.2.0" to devDependencies' in advice()
    write(root, {"apps/api/package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"},
                                           "dependencies": {"react": "19.2.0"}},
                 "apps/api/tsconfig.json": {"compilerOptions": {"paths": {"@hooks/*": ["../../packages/hooks/src/*"]}}},
                 "apps/api/src/main.ts": "import { useMobile } from '@hooks/index';\nconsole.log(useMobile);\n"})
    assert 'add "react": "19.2.0" to dependencies' in advice()


def test_a_source_only_library_used_only_by_bundled_apps_is_bundled_though_not_private(tmp_path):
    """`"main": "./index.tsx"` with no build and no `private`: no install could load TypeScript
    source, so like a private library it ships inside the bundles of its dependents (a real UI
    library two Next apps transpile: a DEP002 moving next into its dependencies). A built library
    that is not private may be published: its own manifest counts. A dependent that lists it only in
    devDependencies does not decide."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/shop/package.json": {"name": "shop", "private": True, "scripts": {"build": "next build"},
                                   "dependencies": {"@acme/ui": "*", "next": "^15.1.1"}},
        "packages/ui/package.json": {"name": "@acme/ui", "version": "0.0.1", "main": "./index.tsx",
                                     "devDependencies": {"next": "^15.1.1"}},
        "packages/ui/index.tsx": "import Link from 'next/link';\n\nexport const Header = () => <Link href=\"/\">Home</Link>;\n",
    }
    assert dep(write(tmp_path / "source", files)) == []
    built = {**files, "packages/ui/package.json": {"name": "@acme/ui", "version": "0.0.1", "main": "./dist/index.js",
                                                   "devDependencies": {"next": "^15.1.1"}}}
    assert [d[0] for d in dep(write(tmp_path / "built", built))] == ["DEP002"]
    # a test harness listing it in devDependencies never installs it for production: the apps decide
    # (a real bookings monorepo: 48 DEP002 because its integration-test package was no bundle)
    harness = {**files, "packages/tests/package.json": {"name": "@acme/tests", "private": True, "scripts": {"test": "vitest run"},
                                                        "devDependencies": {"@acme/ui": "*", "vitest": "^3.0.0"}}}
    assert dep(write(tmp_path / "harness", harness)) == []
    # nor does one that lists it in dependencies but deploys nothing (no entry, no start, no bundle); a
    # service that does, unbundled, installs it for production
    listed = {**harness, "packages/tests/package.json": {**harness["packages/tests/package.json"],
                                                         "dependencies": {"@acme/ui": "*"}, "devDependencies": {}}}
    assert dep(write(tmp_path / "listed", listed)) == []
    shipped = {**files, "apps/api/package.json": {"name": "api", "private": True,
                                                  "scripts": {"start": "node dist/main.js"}, "dependencies": {"@acme/ui": "*"}},
               "apps/api/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "jsx": "react-jsx"}},
               "apps/api/src/main.ts": "import { Header } from '@acme/ui';\n\nconsole.log(Header);\n"}
    assert [d[0] for d in dep(write(tmp_path / "shipped", shipped))] == ["DEP002"]
    # two source-only libraries that declare each other (a cycle): each waits on the other's answer, so
    # neither decides for the other, and the apps that bundle both do (a real site builder: 7 findings)
    cycle = {**files, "packages/ui/package.json": {**files["packages/ui/package.json"], "dependencies": {"@acme/kit": "*"}},
             "packages/kit/package.json": {"name": "@acme/kit", "version": "0.0.1", "main": "./index.ts",
                                           "dependencies": {"@acme/ui": "*"}, "devDependencies": {"zod": "^4.0.0"}},
             "packages/kit/index.ts": "import { z } from 'zod';\n\nexport const schema = z.string();\n",
             "apps/shop/package.json": {**files["apps/shop/package.json"],
                                        "dependencies": {"@acme/ui": "*", "@acme/kit": "*", "next": "^15.1.1"}}}
    assert dep(write(tmp_path / "cycle", cycle)) == []
    assert [d[0] for d in dep(write(tmp_path / "cycle-shipped", {**cycle, **{k: v for k, v in shipped.items() if "api" in k}}))] \
        == ["DEP002", "DEP002"]


def test_migrations_of_a_shipping_data_source_ship(tmp_path):
    root = write(tmp_path / "svc", {
        "package.json": {"name": "@acme/ledger", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"typeorm": "^0.3.20", "pg": "^8.13.1"}},
        "src/main.ts": "import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', "
                       "migrations: [__dirname + '/fixtures/migrations/*.{ts,js}'] });\n",
        "src/fixtures/migrations/1700000000000-Seed.ts": "export class Seed1700000000000 {}\n",
        "src/fixtures/other.ts": "export const other = 1;\n",
    })
    out = cli("--explain-file", "src/fixtures/migrations/1700000000000-Seed.ts", cwd=root).stdout.decode()
    assert "ships (production): a migration loaded by the DataSource options in src/main.ts" in out
    assert "dev only" in cli("--explain-file", "src/fixtures/other.ts", cwd=root).stdout.decode()


def test_files_no_entry_reaches_in_a_package_with_a_bundler_are_bundle_inputs(tmp_path):
    root = write(tmp_path / "plugin", {
        "package.json": {"name": "@acme/graphiql-plugin", "version": "1.0.0", "main": "dist/index.js",
                         "scripts": {"build": "vite build && tsc"}, "devDependencies": {"graphiql": "^3.0.0"}},
        "vite.config.mts": "export default { build: { outDir: 'dist/ui' } };\n",
        "src/index.ts": "export const plugin = 'serves dist/ui';\n",
        "src/ui/App.tsx": "import { GraphiQL } from 'graphiql';\nexport const App = () => <GraphiQL />;\n",
    })
    assert dep(root) == []
    assert "an input of the package's bundler build (vite.config.mts)" in cli(
        "--explain-file", "src/ui/App.tsx", cwd=root).stdout.decode()


def test_an_undeclared_import_of_a_bundle_input_follows_where_the_package_keeps_its_libraries(tmp_path):
    """A file of an Nx browser app (an input of its bundle) imports a package nothing declares and
    nothing else: the package keeps its runtime libraries in `dependencies`, so the fix adds it
    there, as for a file beside it that also loads a declared library (a real app: `prosemirror-state`
    advised into devDependencies, `@tiptap/core` on the line above into dependencies). A package
    whose `dependencies` are empty keeps its libraries in devDependencies, and so does the fix, as does
    a package others install."""
    def section(dependencies: dict, private: bool = True) -> str:
        root = write(tmp_path / f"{len(dependencies)}{private}", {
            "package.json": {"name": "nxrepo", "version": "1.0.0", "private": private, "dependencies": dependencies,
                             "devDependencies": {"@nx/webpack": "^19.0.0"}},
            "package-lock.json": {"name": "nxrepo", "lockfileVersion": 3, "packages": {
                "": {"name": "nxrepo"}, "node_modules/prosemirror-state": {"version": "1.4.3"},
                "node_modules/vue": {"version": "3.5.0"}}},
            "nx.json": {},
            "tsconfig.base.json": {"compilerOptions": {"baseUrl": "."}},
            "apps/web/tsconfig.json": {"extends": "../../tsconfig.base.json"},
            "apps/web/project.json": {"name": "web", "targets": {"build": {"executor": "@nx/webpack:webpack", "options": {
                "index": "apps/web/src/index.html", "main": "apps/web/src/main.ts"}}}},
            "apps/web/src/main.ts": "import { indent } from './editor/indent';\nexport const app = indent;\n",
            "apps/web/src/editor/indent.ts": "import { TextSelection } from 'prosemirror-state';\n"
                                             "export const indent = TextSelection.near;\n",
        })
        [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        return d.message.split(" to ", 1)[1].split(" ", 1)[0]

    assert section({"vue": "^3.5.0"}) == "dependencies"
    assert section({}) == "devDependencies"
    # a package others install (a published plugin whose dashboard the build bundles): its `dependencies`
    # are its server's, and what the bundle inlines stays in devDependencies (a commerce plugin's dashboard)
    assert section({"vue": "^3.5.0"}, private=False) == "devDependencies"


def test_a_package_inside_a_test_folder_that_is_no_member_is_a_fixture(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/dashboard/package.json": {"name": "@acme/dashboard", "version": "1.0.0", "main": "dist/index.js"},
        "packages/dashboard/src/index.ts": "export const d = 1;\n",
        "packages/dashboard/tests/fixtures-npm-plugin/package.json": {"name": "npm-plugin", "main": "index.js"},
        "packages/dashboard/tests/fixtures-npm-plugin/vendure-config.ts":
            "import { TestPlugin } from 'test-plugin';\nexport const config = { plugins: [TestPlugin] };\n",
    })
    assert dep(root) == []
    # with a lockfile of its own it is a project installed there (a client test suite run with its own
    # `npm ci`: an undeclared import was hidden in a real repository), no fixture
    write(root, {"packages/dashboard/tests/fixtures-npm-plugin/package-lock.json": {
        "name": "npm-plugin", "lockfileVersion": 3, "packages": {"": {"name": "npm-plugin"}}}})
    assert [(code, package) for code, _, package in dep(root)] == [("DEP001", "test-plugin")]


def test_a_type_marker_package_json_does_not_stop_reachability(tmp_path):
    root = write(tmp_path / "dashboard", {
        "package.json": {"name": "@acme/dashboard", "version": "1.0.0", "main": "src/lib/index.ts",
                         "exports": {"./plugin": "./dist/plugin/index.js"}, "devDependencies": {"@acme/core": "1.0.0"}},
        "vite.config.mts": "export default {};\n",
        "src/lib/index.ts": "export const ui = 1;\n",
        "plugin/package.json": {"type": "commonjs"},
        "plugin/index.ts": "export * from './dashboard.plugin';\n",
        "plugin/dashboard.plugin.ts": "import { VendurePlugin } from '@acme/core';\nexport const P = VendurePlugin;\n",
    })
    assert dep(root) == [("DEP002", "plugin/dashboard.plugin.ts", "@acme/core")]


def test_nx_browser_apps_and_the_libraries_they_reach_are_bundle_inputs(tmp_path):
    """One package.json for an Nx monorepo, react in devDependencies because the web app ships as a
    bundle (a real monorepo had 535 DEP002 there): files of a project whose build bundles for the
    browser, and library files its entry reaches, are bundle inputs. A server project built by the
    same bundler for node is production code, and so is a library nothing bundles."""
    write(tmp_path, {
        "package.json": {"name": "nxrepo", "private": True, "scripts": {"start": "node dist/apps/api/main.js"},
                         "dependencies": {"@nestjs/common": "^10.4.0"},
                         "devDependencies": {"react": "^18.3.1", "@nx/webpack": "^19.0.0"}},
        "nx.json": {},
        "tsconfig.base.json": {"compilerOptions": {"baseUrl": ".", "paths": {"@acme/ui": ["libs/ui/src/index.tsx"]}}},
        "apps/web/tsconfig.json": {"extends": "../../tsconfig.base.json"},
        "apps/web/project.json": {"name": "web", "targets": {"build": {"executor": "@nx/webpack:webpack", "options": {
            "index": "apps/web/src/index.html", "main": "apps/web/src/main.tsx"}}}},
        "apps/web/src/main.tsx": "import { createElement } from 'react';\nimport { Button } from '@acme/ui';\n"
                                 "export const app = createElement(Button);\n",
        "apps/web/src/pages/unused.tsx": "import { useState } from 'react';\nexport const usePage = () => useState(0);\n",
        "libs/ui/project.json": {"name": "ui", "targets": {"lint": {"executor": "@nx/eslint:lint"}}},
        "libs/ui/src/index.tsx": "import { createElement } from 'react';\nexport const Button = () => createElement('button');\n",
        "libs/mail/project.json": {"name": "mail", "targets": {"lint": {"executor": "@nx/eslint:lint"}}},
        "libs/mail/src/index.ts": "import { createElement } from 'react';\nexport const mail = () => createElement('p');\n",
        "apps/api/project.json": {"name": "api", "targets": {"build": {"executor": "@nx/webpack:webpack", "options": {
            "target": "node", "main": "apps/api/src/main.ts"}}}},
        "apps/api/src/main.ts": "import { Module } from '@nestjs/common';\nimport { createElement } from 'react';\n"
                                "@Module({})\nexport class AppModule {}\nexport const view = createElement('div');\n",
    })
    assert sorted((code, path) for code, path, _ in dep(tmp_path)) == [
        ("DEP002", "apps/api/src/main.ts"), ("DEP002", "libs/mail/src/index.ts")]
    out = cli("--explain-file", "libs/ui/src/index.tsx", cwd=tmp_path).stdout.decode()
    assert "dev only" in out and "the entry of the browser app apps/web/" in out


@pytest.mark.parametrize("client_config, bundled", [
    ("export default defineConfig({ plugins: [qwikCity(), qwikVite()] });\n", True),
    ("export default defineConfig({ build: { lib: { entry: 'src/index.ts' } } });\n", False),
    ("export default defineConfig({ build: { ssr: 'src/server.ts' } });\n", False),
])
def test_an_nx_project_vite_builds_as_a_web_app_is_a_bundle(tmp_path, client_config, bundled):
    """An Nx project whose `build.client` target runs @nx/vite:build with an app config (no
    `build.lib`, no `build.ssr`), beside an SSR target and a build target of a third-party executor
    that runs both: a web app, whose libraries the root keeps in devDependencies (a real Qwik City
    front end: 35 DEP002). A vite library or server build leaves its dependencies external."""
    write(tmp_path, {
        "package.json": {"name": "@acme/source", "private": True, "dependencies": {"express": "^4.21.2"},
                         "devDependencies": {"@builder.io/qwik-city": "^1.3.5", "@nx/vite": "17.0.1", "vite": "^4.5.5"}},
        "nx.json": {},
        "apps/web/project.json": {"name": "web", "targets": {
            "build": {"executor": "qwik-nx:build", "options": {"runSequence": ["web:build.client", "web:build.ssr"]}},
            "build.client": {"executor": "@nx/vite:build", "options": {"configFile": "apps/web/vite.config.ts"}},
            "build.ssr": {"executor": "@nx/vite:build", "options": {"configFile": "apps/web/adapters/vite.config.ts"}}}},
        "apps/web/vite.config.ts": "import { defineConfig } from 'vite';\n" + client_config,
        "apps/web/adapters/vite.config.ts": "export default { build: { ssr: true } };\n",
        "apps/web/src/root.tsx": "import { QwikCityProvider } from '@builder.io/qwik-city';\nexport const r = QwikCityProvider;\n",
    })
    assert (dep(tmp_path) == []) is bundled


_MERGED_BUILD = {"build": {"configurations": {"production": {"mode": "production"}}, "dependsOn": ["^build"]}}


@pytest.mark.parametrize("plugins, config, bundled, targets", [
    (["@nx/vite/plugin"], "export default defineConfig({ build: { outDir: '../../dist/apps/web' } });\n", True, {}),
    ([{"plugin": "@nx/vite/plugin", "options": {"buildTargetName": "build"}}], "export default defineConfig({});\n", True, {}),
    (["@nx/vite/plugin"], "export default defineConfig({ build: { lib: { entry: 'src/index.ts' } } });\n", False, {}),
    ([], "export default defineConfig({});\n", False, {}),
    (["@nx/vite/plugin"], "export default defineConfig({});\n", True, _MERGED_BUILD),
    (["@nx/vite/plugin"], "export default defineConfig({});\n", False, {"build": {"command": "tsc -p tsconfig.app.json"}}),
])
def test_a_vite_build_nx_infers_from_the_config_is_a_bundle_too(tmp_path, plugins, config, bundled, targets):
    """Since Nx 18 the vite plugin listed in nx.json infers a project's build target from its vite
    config, so project.json writes no executor (a real dashboard: DEP002 on a devtools package the
    root keeps in devDependencies). An app config bundles what the app imports; a library config
    leaves its dependencies external, and without the plugin nothing says vite builds the project.
    A `build` target project.json lists with no executor and no command (configurations, dependsOn)
    adds to the inferred one (a real dashboard: 1 DEP002); a command of its own replaces it."""
    write(tmp_path, {
        "package.json": {"name": "@acme/source", "private": True, "dependencies": {"react": "18.3.1"},
                         "devDependencies": {"nx": "21.4.1", "@nx/vite": "21.4.1", "vite": "^6.0.0",
                                             "@tanstack/react-query-devtools": "^5.90.1"}},
        "nx.json": {"plugins": plugins},
        "apps/web/project.json": {"name": "web", "sourceRoot": "apps/web/src", "projectType": "application",
                                  "targets": targets},
        "apps/web/vite.config.mts": "import { defineConfig } from 'vite';\n" + config,
        "apps/web/index.html": "<script type=\"module\" src=\"/src/main.tsx\"></script>\n",
        "apps/web/src/main.tsx": "import { ReactQueryDevtools } from '@tanstack/react-query-devtools';\n"
                                 "export const tools = ReactQueryDevtools;\n",
    })
    assert (dep(tmp_path, select=("DEP002",)) == []) is bundled


@pytest.mark.parametrize("executor, bundled", [("@analogjs/platform:vite", True), ("@acme/platform:serve", False)])
def test_a_plugins_vite_executor_builds_a_web_app_too(tmp_path, executor, bundled):
    """An Nx app built by a plugin's vite executor (`@analogjs/platform:vite` with `configFile`), an
    app config with no `build.lib`: it bundles what its pages import, as `@nx/vite:build` does (a real
    Angular site: 213 DEP002 on icon sets in the root's devDependencies). Another executor says
    nothing of vite."""
    write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "dependencies": {"@angular/core": "^19.0.0"},
                         "devDependencies": {"icons-x": "^1.0.0"}},
        "nx.json": {},
        "apps/web/package.json": {"name": "web", "type": "module"},
        "apps/web/project.json": {"targets": {"build": {"executor": executor, "options": {
            "configFile": "apps/web/vite.config.ts", "main": "apps/web/src/main.ts"}}}},
        "apps/web/vite.config.ts": "export default { ssr: { noExternal: ['icons-x'] } };\n",
        "apps/web/src/main.ts": "import './app';\n",
        "apps/web/src/app.ts": "import { iconA } from 'icons-x';\nexport const x = iconA;\n",
    })
    assert (dep(tmp_path, select=("DEP002",)) == []) is bundled


@pytest.mark.parametrize("executor", ["@angular-builders/custom-webpack:browser", "@nx/angular:webpack-browser",
                                      "@angular-builders/custom-esbuild:application", "@acme/tools:page"])
def test_builders_that_keep_angulars_names_or_get_a_web_page_build_browser_bundles(tmp_path, executor):
    """Angular's browser builds are wrapped by other builders that keep the builder's name (a real
    Nx monorepo: six apps built by `@angular-builders/custom-webpack:browser`); any builder given an
    HTML index builds a web page. Their projects' files are bundle inputs, whoever publishes the
    builder; a root-only package imported there is no DEP005."""
    write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*"],
                         "dependencies": {"@angular/core": "^19.0.0", "@ngneat/effects-ng": "^3.1.4"}},
        "nx.json": {},
        "apps/web/package.json": {"name": "@mono/web", "version": "0.1.0", "private": True,
                                  "dependencies": {"@angular/core": "^19.0.0"}},
        "apps/web/project.json": {"name": "web", "targets": {"build": {"executor": executor, "options": {
            "index": "apps/web/src/index.html", "main": "apps/web/src/main.ts"}}}},
        "apps/web/src/index.html": "<app-root></app-root>\n",
        "apps/web/src/main.ts": "import { provideEffectsManager } from '@ngneat/effects-ng';\n"
                                "export const providers = [provideEffectsManager()];\n",
    })
    assert dep(tmp_path) == []


def test_browser_apps_a_workspace_json_configures_inline_are_bundle_inputs(tmp_path):
    """Nx before project.json files (and the Angular CLI) configure projects inline in workspace.json
    / angular.json, with `architect` and `builder`: the web app's files are bundle inputs (a real Nx
    repository: a React app's why-did-you-render import), the API's are production code."""
    projects = {"web": {"root": "apps/web", "architect": {"build": {"builder": "@nrwl/web:build", "options": {
                    "index": "apps/web/src/index.html", "main": "apps/web/src/main.tsx"}}}},
                "api": {"root": "apps/api", "architect": {"build": {"builder": "@nrwl/node:build", "options": {
                    "main": "apps/api/src/main.ts"}}}}}
    write(tmp_path, {
        "package.json": {"name": "xapp", "private": True, "scripts": {"build": "nx build"},
                         "dependencies": {"@nestjs/common": "^10.4.0"},
                         "devDependencies": {"@welldone-software/why-did-you-render": "^7.0.0", "dotenv": "^16.4.0"}},
        "nx.json": {}, "workspace.json": {"version": 1, "projects": projects},
        "apps/web/src/wdyr.tsx": "import whyDidYouRender from '@welldone-software/why-did-you-render';\n"
                                 "export const wdyr = whyDidYouRender;\n",
        "apps/api/src/config.ts": "import { config } from 'dotenv';\nconfig();\n",
    })
    assert dep(tmp_path) == [("DEP002", "apps/api/src/config.ts", "dotenv")]


@pytest.mark.parametrize("build, start", [
    ("yarn ng:dev build", {"start": "node app.js"}), ("ng build", {"start": "node app.js"}),
    # the server started from its built output, the dev server as `start` (a delivery app's pm2 start)
    ("ng build", {"start": "yarn ng:dev serve", "start:server:prod": "node --harmony ./www/out-tsc/app.js"})])
def test_the_files_an_angular_build_starts_from_are_bundle_inputs(tmp_path, build, start):
    """angular.json's one project at the workspace's own top (`"root": ""`), in a package with a version
    and no `private`: `polyfills.ts`, which its build names, is an input of the browser bundle (an Ionic
    delivery app: DEP005 said a per-service install of a Node package breaks). The folder is not the
    app's alone: a server beside (or inside `src/`, which pm2 starts) is still the package's own code,
    whether the build runs `ng build` itself or through a script (`"ng:dev": "ng"`, run with `build`
    appended): `ng build` bundles angular.json's inputs, not the server `node app.js` starts."""
    write(tmp_path, {
        "package.json": {"name": "suite", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"@webcomponents/webcomponentsjs": "^2.6.0", "connect": "^3.7.0"}},
        "packages/carrier/package.json": {"name": "@suite/carrier", "version": "0.4.3",
                                          "scripts": {"ng:dev": "ng", **start, "build": build},
                                          "dependencies": {"@angular/core": "^13.1.0"}},
        "packages/carrier/angular.json": {"version": 1, "projects": {"carrier": {
            "root": "", "sourceRoot": "src", "projectType": "application", "architect": {"build": {
                "builder": "@angular-devkit/build-angular:browser",
                "options": {"index": "src/index.html", "main": "src/main.ts", "polyfills": "src/polyfills.ts"}}}}}},
        "packages/carrier/src/index.html": "<app-root></app-root>\n",
        "packages/carrier/src/main.ts": "export const boot = 1;\n",
        "packages/carrier/src/polyfills.ts": "import '@webcomponents/webcomponentsjs/custom-elements-es5-adapter.js';\n",
        "packages/carrier/app.ts": "import connect from 'connect';\nconnect().listen(8080);\n",
        "packages/carrier/tsconfig.json": {"compilerOptions": {"outDir": "./www/out-tsc", "module": "commonjs"}},
    })
    assert [(code, path) for code, path, _ in dep(tmp_path, select=("DEP005",))] == [("DEP005", "packages/carrier/app.ts")]


@pytest.mark.parametrize("private", [True, "true", None])
def test_a_server_only_an_integration_test_package_starts_is_test_support(tmp_path, private):
    """A private integration-test package (only `vitest run` scripts, no entry point, some dependencies)
    keeps the servers its tests start (`apps/api/spec-server.ts`, imported by a vitest `globalSetup` and
    the tests): nothing but its own tests loads its files, so a file only they import is test support (an
    API platform's testsuite: 3 DEP002 asking to move fastify and execa to dependencies). `"private": "true"`,
    a string, is private to npm too. A package that may be published keeps the presumption."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "packages/testsuite/package.json": {"name": "testsuite", "version": "1.0.0", **({"private": private} if private else {}),
                                            "scripts": {"test": "vitest run"}, "dependencies": {"graphql": "^16.3.0"},
                                            "devDependencies": {"fastify": "^4.10.2", "vitest": "^0.31.1"}},
        "packages/testsuite/vitest.workspace.ts": "import { defineWorkspace } from 'vitest/config';\n"
                                                  "export default defineWorkspace([{ test: { globalSetup: 'apps/api/test-setup.ts' } }]);\n",
        "packages/testsuite/apps/api/spec-server.ts": "import Fastify from 'fastify';\nexport const createSpecServer = () => Fastify();\n",
        "packages/testsuite/apps/api/test-setup.ts": "import { createSpecServer } from './spec-server';\n"
                                                     "export default async function setup() { await createSpecServer().listen({ port: 0 }); }\n",
        "packages/testsuite/apps/api/api.test.ts": "import { it } from 'vitest';\nimport { createSpecServer } from './spec-server';\n\n"
                                                   "it('works', () => { createSpecServer(); });\n",
    })
    assert [pkg for _, _, pkg in dep(root, select=("DEP002",))] == ([] if private else ["fastify"])


def test_a_bundled_apps_module_is_no_test_support_for_want_of_entries(tmp_path):
    """An Angular CLI app (private, no entry field: angular.json's `main` starts its bundle) whose module
    only `src/main.ts`, an input of the bundle, imports: not test support, though the package has no
    entry and nothing lists it (a starter kit's client, told "only tests, test support or developer tools
    import it" by the first form of the integration-test rule above)."""
    root = write(tmp_path, {
        "package.json": {"name": "client", "private": True, "scripts": {"build": "ng build", "test": "ng test"},
                         "dependencies": {"@angular/core": "^17.0.0"}},
        "angular.json": {"projects": {"client": {"architect": {"build": {"builder": "@angular-devkit/build-angular:browser",
                                                                         "options": {"main": "src/main.ts"}}}}}},
        "src/main.ts": "import { AppModule } from './app/app.module';\n\nconsole.log(AppModule);\n",
        "src/app/app.module.ts": "import { ApolloLink } from 'apollo-link';\n\nexport class AppModule { link = ApolloLink; }\n",
        "src/app/app.module.spec.ts": "import { AppModule } from './app.module';\n\nit('exists', () => expect(AppModule).toBeTruthy());\n",
        "package-lock.json": {"name": "client", "lockfileVersion": 3, "packages": {
            "": {"name": "client", "dependencies": {"@angular/core": "^17.0.0"}},
            "node_modules/@angular/core": {"version": "17.3.0"}, "node_modules/apollo-link": {"version": "1.2.12"}}},
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "only tests, test support" not in d.message and 'to dependencies' in d.message, d.message


def test_a_file_only_tests_import_is_test_support(tmp_path):
    """A test data builder kept beside the code (`name.builder.ts` importing @faker-js/faker, a
    devDependency): no entry point reaches it and only specs import it, directly or through another
    such helper, so it is test support (real services: 1 DEP002 each in two), also through an import
    cycle only tests reach (factories importing one another and their barrel: a real Nx repository,
    116 DEP002). Imported by code that ships, or by nothing at all (nor by a cycle nothing else
    imports), it still counts as shipping; so it does in a package others may install and
    deep-import (published, or no service), unless its name says it is for the tests."""
    files = {
        "package.json": {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"zod": "^3.23.0"},
                         "devDependencies": {"@faker-js/faker": "^9.0.0", "vitest": "^2.0.0"}},
        "tsconfig.json": {"compilerOptions": {"rootDir": "./src", "outDir": "./dist"}},
        "src/main.ts": "import { NameSchema } from './domain/name.schema';\nconsole.log(NameSchema.parse(process.argv[2]));\n",
        "src/domain/name.schema.ts": "import { z } from 'zod';\nexport const NameSchema = z.string().min(3);\n",
        "src/domain/name.builder.ts": "import { faker } from '@faker-js/faker';\nexport const nameBuilder = () => faker.person.fullName();\n",
        "src/domain/user.builder.ts": "import { nameBuilder } from './name.builder';\nexport const userBuilder = () => ({ name: nameBuilder() });\n",
        "src/domain/user.spec.ts": "import { it } from 'vitest';\nimport { userBuilder } from './user.builder';\nit('ok', () => userBuilder());\n",
    }
    assert dep(write(tmp_path / "tests", files)) == []
    out = cli("--explain-file", "src/domain/name.builder.ts", cwd=tmp_path / "tests").stdout.decode()
    assert "only tests, test support or developer tools import it (src/domain/user.builder.ts)" in out
    shipped = {**files, "src/main.ts": files["src/main.ts"] + "import { userBuilder } from './domain/user.builder';\n"
                                                              "console.log(userBuilder());\n"}
    assert dep(write(tmp_path / "shipped", shipped)) == [("DEP002", "src/domain/name.builder.ts", "@faker-js/faker")]
    alone = {k: v for k, v in files.items() if k != "src/domain/user.spec.ts"}
    assert dep(write(tmp_path / "alone", alone)) == [("DEP002", "src/domain/name.builder.ts", "@faker-js/faker")]
    # an import cycle (a barrel and a file importing it back) that only the spec reaches is test support
    cycle = {**files, "src/domain/index.ts": "export * from './name.builder';\n",
             "src/domain/name.builder.ts": "import { faker } from '@faker-js/faker';\nimport './index';\n"
                                           "export const nameBuilder = () => faker.person.fullName();\n"}
    assert dep(write(tmp_path / "cycle", cycle)) == []
    island = {k: v for k, v in cycle.items() if k != "src/domain/user.spec.ts"}  # nothing but the cycle imports it
    assert dep(write(tmp_path / "island", island)) == [("DEP002", "src/domain/name.builder.ts", "@faker-js/faker")]
    # a service without "private" but without a version either: no registry takes it, so nothing
    # installs it to deep-import it (a deployed Nest backend's mock server only its specs import)
    unversioned = {**files, "package.json": {k: v for k, v in files["package.json"].items() if k != "private"}}
    assert dep(write(tmp_path / "unversioned", unversioned)) == []
    # a package that may be published (or is no service) can be deep-imported by what installs it
    published = {**files, "package.json": {**files["package.json"], "private": False, "name": "@acme/svc-kit"}}
    assert ("DEP002", "src/domain/name.builder.ts", "@faker-js/faker") in dep(write(tmp_path / "published", published))
    # unless its `exports` lets a consumer load only what it names: Node refuses any other deep import
    # (a published ESLint plugin's rule tester, imported only by its rules' specs: 2 DEP002)
    for exports in ("./dist/main.js", {".": {"types": "./dist/main.d.ts", "default": "./dist/main.js"}}):
        sealed = {**published, "package.json": {**published["package.json"], "exports": exports}}
        assert dep(write(tmp_path / f"sealed{len(str(exports))}", sealed)) == []
    for exports in ({".": "./dist/main.js", "./*": "./dist/*.js"}, {".": "./dist/main.js", "./lib/": "./dist/lib/"}):
        open_ = {**published, "package.json": {**published["package.json"], "exports": exports}}
        assert ("DEP002", "src/domain/name.builder.ts", "@faker-js/faker") in dep(write(tmp_path / f"open{len(str(exports))}", open_))
    # in any package, a test double named for the tests (`test-message-service.ts`, `fakeClock.ts`) that
    # only specs import: no consumer deep-imports it for a use it was written for (a real wallet: 2 DEP002)
    for name in ("test-name.builder.ts", "fakeName.ts"):
        double = {**{k: v for k, v in published.items() if k != "src/domain/name.builder.ts"},
                  f"src/domain/{name}": files["src/domain/name.builder.ts"],
                  "src/domain/user.builder.ts": f"import {{ nameBuilder }} from './{name[:-3]}';\n"
                                                "export const userBuilder = () => ({ name: nameBuilder() });\n"}
        assert dep(write(tmp_path / f"double-{name}", double)) == [], name
    # a package of no workspace whose `main` is TypeScript source, run by tsx (`dev`, `postinstall`): no
    # install can load it, so nothing deep-imports it (an Express app deployed by a platform: 1 DEP002)
    source_main = {**{k: v for k, v in files.items() if k != "tsconfig.json"},
                   "package.json": {"name": "farm-api", "version": "1.0.0", "main": "src/main.ts",
                                    "scripts": {"dev": "tsx watch src/main.ts", "postinstall": "tsx src/migrate.ts up"},
                                    "dependencies": {"zod": "^3.23.0"},
                                    "devDependencies": {"@faker-js/faker": "^9.0.0", "vitest": "^2.0.0", "tsx": "^4.0.0"}},
                   "src/migrate.ts": "export const up = 1;\n"}
    assert dep(write(tmp_path / "source-main", source_main)) == []
    # in any package, a build plugin under `src/` that only the package's tool config imports (`vite.config.ts`
    # loading `src/plugins/routes.ts`): code of its build (a real server: fast-glob advised into dependencies)
    plugin = {**published, "vite.config.ts": "import { routes } from './src/plugins/routes';\nexport default { plugins: [routes()] };\n",
              "src/plugins/routes.ts": files["src/domain/name.builder.ts"].replace("nameBuilder", "routes")}
    assert ("DEP002", "src/plugins/routes.ts", "@faker-js/faker") not in dep(write(tmp_path / "plugin", plugin))
    plugin["src/main.ts"] = files["src/main.ts"] + "import { routes } from './plugins/routes';\nconsole.log(routes);\n"
    assert ("DEP002", "src/plugins/routes.ts", "@faker-js/faker") in dep(write(tmp_path / "plugin-used", plugin))


def test_a_root_whose_workspace_globs_match_no_package_is_the_project(tmp_path):
    """`"workspaces": ["apps/*"]` where no app has a package.json (an Nx repository keeping one
    manifest): the root owns the apps' files and deploys them; it is no workspace of members whose
    root files would be tooling. A server's runtime import of a devDependency is DEP002."""
    write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"],
                         "scripts": {"start": "node dist/apps/api/main.js"},
                         "dependencies": {"@nestjs/common": "^10.4.0"},
                         "devDependencies": {"@supabase/supabase-js": "^2.45.0"}},
        "apps/api/src/main.ts": "import { createClient } from '@supabase/supabase-js';\n"
                                "export const db = createClient('url', 'key');\n",
    })
    assert dep(tmp_path) == [("DEP002", "apps/api/src/main.ts", "@supabase/supabase-js")]


def test_a_private_package_every_dependent_lists_in_dev_dependencies_does_not_ship(tmp_path):
    """A shared ESLint config package (`@acme/config-eslint`, private) that every package lists
    in devDependencies: no production install holds it, so its imports of eslint plugins from its
    own devDependencies are no DEP002 (a real monorepo had 24). Listed in dependencies by one
    package, it ships again."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*", "apps/*"]},
        "packages/config-eslint/package.json": {"name": "@acme/config-eslint", "private": True,
                                                "exports": {".": "./src/index.ts"},
                                                "devDependencies": {"eslint": "^9.0.0", "typescript-eslint": "^8.0.0"}},
        "packages/config-eslint/src/index.ts": "import tseslint from 'typescript-eslint';\n"
                                               "export default tseslint.config({ rules: {} });\n",
        "apps/api/package.json": {"name": "@acme/api", "private": True, "scripts": {"start": "node dist/main.js"},
                                  "devDependencies": {"@acme/config-eslint": "workspace:*"}},
        "apps/api/src/main.ts": "export const port = 3000;\n",
    })
    assert dep(root, select=("DEP002",)) == []
    write(root, {"apps/api/package.json": {"name": "@acme/api", "private": True, "scripts": {"start": "node dist/main.js"},
                                           "dependencies": {"@acme/config-eslint": "workspace:*"}}})
    assert [code for code, _, _ in dep(root, select=("DEP002",))] == ["DEP002"]


@pytest.mark.parametrize("bin_target, ships", [("./bin.ts", False), ("./dist/bin.js", True)])
def test_a_dev_cli_of_typescript_source_every_dependent_lists_in_dev_dependencies_does_not_ship(
        tmp_path, bin_target, ships):
    """A workspace's dev CLI (`"bin": {"devkit": "./bin.ts"}` with a `tsx` shebang, `exports` to
    `./src/index.ts`), versioned but not marked private, that its one dependent lists in
    devDependencies: no install of it could run it, so only this repository uses it, and its
    imports of its own devDependencies are no DEP002 (a real monorepo: 10). With a built JavaScript
    `bin` it may be installed from the registry for its command: reported."""
    root = write(tmp_path, {
        "package.json": {"name": "web", "private": True, "workspaces": ["packages/*"],
                         "scripts": {"release": "devkit release"}, "devDependencies": {"@acme/devkit": "workspace:*"}},
        "packages/devkit/package.json": {"name": "@acme/devkit", "version": "1.2.0", "bin": {"devkit": bin_target},
                                         "exports": {".": "./src/index.ts"}, "devDependencies": {"cac": "6.7.14"}},
        "packages/devkit/bin.ts": "#!/usr/bin/env tsx\nimport './src/index.ts';\n",
        "packages/devkit/src/index.ts": "import cac from 'cac';\nconst cli = cac('devkit');\ncli.parse();\n",
    })
    found = dep(root, select=("DEP002",))
    assert [path for _, path, _ in found] == (["packages/devkit/src/index.ts"] if ships else []), found


def test_a_private_package_only_a_dev_only_package_depends_on_does_not_ship(tmp_path):
    """A private ESLint plugin that the shared config lists in `dependencies`, the config being a
    devDependency of every app: no production install holds either (a real monorepo: 10 DEP002
    in the plugin). Once an app lists the config in dependencies, both ship."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*", "apps/*"]},
        "packages/eslint-plugin/package.json": {"name": "@acme/eslint-plugin", "private": True, "main": "src/index.ts",
                                                "devDependencies": {"@typescript-eslint/utils": "^8.0.0"}},
        "packages/eslint-plugin/src/index.ts": "import { ESLintUtils } from '@typescript-eslint/utils';\n"
                                               "export const rule = ESLintUtils.RuleCreator((n) => n);\n",
        "packages/eslint-config/package.json": {"name": "@acme/eslint-config", "private": True, "main": "index.js",
                                                "dependencies": {"@acme/eslint-plugin": "workspace:*"}},
        "apps/api/package.json": {"name": "@acme/api", "private": True, "scripts": {"start": "node dist/main.js"},
                                  "devDependencies": {"@acme/eslint-config": "workspace:*"}},
        "apps/api/src/main.ts": "export const port = 3000;\n",
    }
    assert dep(write(tmp_path / "dev", files), select=("DEP002",)) == []
    shipped = {**files, "apps/api/package.json": {**files["apps/api/package.json"], "devDependencies": {},
                                                  "dependencies": {"@acme/eslint-config": "workspace:*"}}}
    assert [code for code, _, _ in dep(write(tmp_path / "shipped", shipped), select=("DEP002",))] == ["DEP002"]


@pytest.mark.parametrize("publish_sign, reported", [
    ({}, False),
    ({".changeset/config.json": {"access": "restricted"}}, True),
    ({"packages/tests-lib/package.json": {"publishConfig": {"access": "public"}}}, True)])
def test_a_versioned_test_library_every_dependent_lists_in_dev_dependencies_does_not_ship_when_nothing_publishes(
        tmp_path, publish_sign, reported):
    """A test-support library with a `version` and no `"private"` (as every manifest of the repository,
    the deployed services included), which every dependent lists in devDependencies, in a repository
    that shows no way to publish: no install of it, from a registry or the workspace, runs in
    production (a web3 platform: 2 DEP002 and a DEP005 on its test helpers). A sign that the
    repository publishes (changesets, `publishConfig`) keeps the registry install, and the findings."""
    lib = {"name": "@acme/tests-lib", "version": "2.2.0", "main": "./dist/index.js", "files": ["dist/**"],
           "scripts": {"build": "tsc"}, "devDependencies": {"mysql2": "^3.9.7"}}
    files = {
        "package.json": {"name": "acme", "version": "2.2.0", "workspaces": ["packages/*", "services/*"],
                         "devDependencies": {"supertest": "^6.3.4", "typescript": "^5.4.5"}},
        "packages/tests-lib/package.json": {**lib, **publish_sign.pop("packages/tests-lib/package.json", {})},
        "packages/tests-lib/src/index.ts": "import { createConnection } from 'mysql2/promise';\n"
                                           "import * as request from 'supertest';\n"
                                           "export const reset = (url: string) => createConnection(url);\n"
                                           "export const api = (app: unknown) => request(app);\n",
        "services/access/package.json": {"name": "@acme/access", "version": "2.2.0", "main": "./dist/index.js",
                                         "scripts": {"build": "tsc", "test": "jest"},
                                         "devDependencies": {"@acme/tests-lib": "2.2.0"}},
        "services/access/src/index.ts": "export class AccessService {}\n",
        "services/access/src/access.test.ts": "import { api } from '@acme/tests-lib';\nimport { AccessService } from '.';\n"
                                              "api(new AccessService());\n",
        **publish_sign,
    }
    found = sorted((code, package) for code, _, package in dep(write(tmp_path, files), select=("DEP002", "DEP005")))
    assert found == ([("DEP002", "mysql2"), ("DEP005", "supertest")] if reported else []), found


def test_a_nest_monorepo_library_ships_only_as_far_as_an_application_reaches_it(tmp_path):
    """nest-cli.json `projects` of type "library" are no entry points: a `libs/testing` library
    that only specs import is test support (its mock helper importing sinon, a devDependency, is no
    DEP002: a real monorepo had six); a library file an application imports still ships."""
    root = write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "scripts": {"start:prod": "node dist/apps/api/main"},
                         "dependencies": {"@nestjs/common": "^10.4.0"}, "devDependencies": {"sinon": "^18.0.0"}},
        "nest-cli.json": {"sourceRoot": "apps/api/src", "monorepo": True, "root": "apps/api", "projects": {
            "api": {"type": "application", "root": "apps/api", "sourceRoot": "apps/api/src", "entryFile": "main"},
            "common": {"type": "library", "root": "libs/common", "sourceRoot": "libs/common/src", "entryFile": "index"},
            "testing": {"type": "library", "root": "libs/testing", "sourceRoot": "libs/testing/src", "entryFile": "index"}}},
        "apps/api/src/main.ts": "import { clock } from '../../../libs/common/src';\nexport const now = clock();\n",
        "libs/common/src/index.ts": "export const clock = (): number => 0;\nexport * from './stub';\n",
        "libs/common/src/stub.ts": "import { stub } from 'sinon';\nexport const s = stub();\n",
        "libs/testing/src/index.ts": "export * from './utils/sinon-mock.util';\n",
        "libs/testing/src/utils/sinon-mock.util.ts": "import { createSandbox } from 'sinon';\nexport const sandbox = createSandbox();\n",
    })
    assert [(code, path) for code, path, _ in dep(root, select=("DEP002",))] == [("DEP002", "libs/common/src/stub.ts")]


@pytest.mark.parametrize("main", ["apps/api/src/main.ts", "{projectRoot}/src/main.ts"])
def test_an_nx_node_apps_project_json_main_is_its_entry(tmp_path, main):
    """An Nx application built by webpack for Node declares its entry in project.json
    (`targets.build.options.main`), not in package.json: files it reaches ship, even in a folder
    whose name reads like examples (`sandbox/`, a real product's core domain, whose runtime packages
    got a safe fix into devDependencies). Written with Nx's token too (`{projectRoot}/src/main.ts`:
    32 apps without an entry made their runtime packages devDependencies)."""
    files = {
        "package.json": {"name": "platform", "private": True,
                         "dependencies": {"@nestjs/common": "^10.4.0", "reflect-metadata": "^0.2.2", "rxjs": "^7.8.1"}},
        "nx.json": {},
        "yarn.lock": "# yarn lockfile v1\n\n\nhttp-proxy-middleware@^3.0.3:\n  version \"3.0.5\"\n",
        "apps/api/package.json": {"name": "api", "private": True, "dependencies": {"pg": "^8.13.3"}},
        "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {"build": {
            "executor": "@nx/webpack:webpack", "options": {"main": main, "target": "node"}}}},
        "apps/api/src/main.ts": "import './sandbox/sandbox.service';\n",
        "apps/api/src/sandbox/sandbox.service.ts": "import { Injectable } from '@nestjs/common';\n"
                                                   "import { createProxyMiddleware } from 'http-proxy-middleware';\n\n"
                                                   "@Injectable()\nexport class SandboxService {\n"
                                                   "  readonly proxy = createProxyMiddleware({ target: 'http://localhost:2280' });\n}\n",
    }
    root = write(tmp_path, files)
    diags = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert [(d.extra["package"], d.message.rsplit(" to ", 1)[-1].split(" ")[0]) for d in diags] == \
        [("http-proxy-middleware", "dependencies")]


def test_a_file_an_nx_run_commands_target_runs_from_source_is_a_tool(tmp_path):
    """`"codegen": {"executor": "nx:run-commands", "options": {"command": "ts-node ./scripts/gen-types.ts",
    "cwd": "apps/api"}}`: the project.json counterpart of a package.json script (a real server's code
    generators: 2 DEP002 moving jest-diff and a schema compiler into dependencies). Its `commands`
    list too, a cwd relative to the workspace root (the default), and a `serve` target stays the app."""
    files = {
        "package.json": {"name": "platform", "private": True,
                         "dependencies": {"@nestjs/common": "^10.4.0", "reflect-metadata": "^0.2.2", "rxjs": "^7.8.1"},
                         "devDependencies": {"jest-diff": "^29.7.0", "json-schema-to-typescript": "^15.0.0",
                                             "chokidar": "^4.0.0", "ts-node": "^10.9.2"}},
        "nx.json": {},
        "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {
            "codegen": {"executor": "nx:run-commands",
                        "options": {"command": "ts-node ./scripts/gen-types.ts", "cwd": "apps/api"}},
            "schema:check": {"executor": "nx:run-commands", "options": {"commands": [
                "echo checking", {"command": "ts-node -P apps/api/tsconfig.app.json apps/api/scripts/check-schema"}]}},
            "serve": {"executor": "nx:run-commands", "options": {"command": "ts-node apps/api/scripts/dev-server.ts"}},
            "build": {"executor": "@nx/js:tsc", "dependsOn": ["codegen"],
                      "options": {"main": "apps/api/src/main.ts"}}}},
        "apps/api/src/main.ts": "export const started = true;\n",
        "apps/api/scripts/gen-types.ts": "import { compile } from 'json-schema-to-typescript';\nexport const c = compile;\n",
        "apps/api/scripts/check-schema.ts": "import { diff } from 'jest-diff';\nconsole.log(diff('a', 'b'));\n",
        "apps/api/scripts/dev-server.ts": "import { watch } from 'chokidar';\nwatch('.');\n",
    }
    root = write(tmp_path, files)
    diags = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert [(Path(d.path).name, d.extra["package"]) for d in diags] == [("dev-server.ts", "chokidar")]
    explained = cli("check", "--explain-file", str(root / "apps/api/scripts/check-schema.ts"), str(root))
    assert 'run by the Nx target "schema:check"' in explained.stdout.decode()


def test_an_nx_target_takes_its_command_from_target_defaults(tmp_path):
    """`nx.json` defines `migration-run` once, `typeorm migration:run -d {projectRoot}/src/data-source.ts`,
    and each project opts in with `"migration-run": {}`: Nx merges the default into the target and
    replaces `{projectRoot}`, so the data source is the TypeORM CLI's input, not the service (a real
    delivery platform: 9 DEP002 moving dotenv into dependencies). Keyed by executor too; a project
    without the target keeps its file shipping."""
    def found(targets: dict, defaults: dict) -> list[str]:
        root = write(tmp_path / str(len(list(tmp_path.iterdir()))), {
            "package.json": {"name": "platform", "private": True, "dependencies": {"typeorm": "^0.3.20"},
                             "devDependencies": {"dotenv": "^16.4.0", "tsx": "^4.7.0"}},
            "nx.json": {"targetDefaults": defaults},
            "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {
                "build": {"executor": "@nx/js:tsc", "options": {"main": "apps/api/src/main.ts"}},
                **targets}},
            "apps/api/src/main.ts": "import { DataSource } from 'typeorm';\nexport const ds = DataSource;\n",
            "apps/api/src/data-source.ts": "import 'dotenv/config';\nimport { DataSource } from 'typeorm';\n"
                                           "export default new DataSource({ type: 'postgres' });\n",
        })
        return [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]

    run = {"executor": "nx:run-commands",
           "options": {"command": "tsx ./node_modules/typeorm/cli.js migration:run -d {projectRoot}/src/data-source.ts"}}
    assert found({"migration-run": {}}, {"migration-run": run}) == []
    assert found({"migration-run": {"executor": "nx:run-commands"}}, {"nx:run-commands": {"options": run["options"]}}) == []
    assert found({"migration-run": run}, {}) == []
    assert found({}, {"migration-run": run}) == ["dotenv"]


def test_a_script_that_runs_built_code_with_node_makes_its_source_ship(tmp_path):
    """`"migration:run:prod": "node dist/database/migrate.js"` (a platform's pre-deploy command):
    the compiled twin of src/database/migrate.ts runs in production, and so does the data source it
    imports, though a TypeORM CLI script also names that data source: dotenv belongs in
    dependencies (the safe fix put it in devDependencies). Run only from source, it is a tool."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/backend", "packages/worker"]},
        "packages/worker/package.json": {"name": "acme-worker", "version": "0.1.0", "private": True,
                                         "dependencies": {"dotenv": "^16.4.5"}},
        "packages/backend/package.json": {"name": "acme-backend", "version": "0.1.0", "private": True, "scripts": {
            "build": "nest build", "start:prod": "node dist/main",
            "migration:run": "ts-node -T src/database/migrate.ts",
            "migration:run:prod": "node dist/database/migrate.js",
            "migration:generate": "typeorm-ts-node-commonjs migration:generate -d src/database/datasource.ts"},
            "dependencies": {"@nestjs/common": "^10.4.0", "@nestjs/core": "^10.4.0", "pg": "^8.11.0", "typeorm": "^0.3.20"}},
        "packages/backend/tsconfig.json": {"compilerOptions": {"outDir": "./dist", "rootDir": "./src"}},
        "packages/backend/src/main.ts": "import { NestFactory } from '@nestjs/core';\nexport const f = NestFactory;\n",
        "packages/backend/src/database/datasource.ts": "import 'dotenv/config';\nimport { DataSource } from 'typeorm';\n"
                                                      "export default new DataSource({ type: 'postgres', "
                                                      "url: process.env.DATABASE_URL, migrations: [] });\n",
        "packages/backend/src/database/migrate.ts": "import ds from './datasource';\n\n"
                                                   "ds.initialize().then(() => ds.runMigrations()).then(() => ds.destroy());\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "prod", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "dotenv" and '"dotenv": "^16.4.5" to dependencies' in d.message
    source_only = json.loads(json.dumps(files))
    del source_only["packages/backend/package.json"]["scripts"]["migration:run:prod"]
    [d] = pipeline.lint([str(write(tmp_path / "dev", source_only))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert '"dotenv": "^16.4.5" to devDependencies' in d.message
    # a test script's built code is no production step: its devDependency imports stay in place
    tested = json.loads(json.dumps(files))
    tested["packages/backend/package.json"]["scripts"]["test:rules"] = "node dist/test/rules/index.js"
    tested["packages/backend/package.json"]["devDependencies"] = {"eslint": "^9.0.0"}
    tested["packages/backend/src/test/rules/index.ts"] = "import { Linter } from 'eslint';\nexport const l = new Linter();\n"
    found = [d.code for d in pipeline.lint([str(write(tmp_path / "tested", tested)), ], Settings(select=["DEP"]),
                                          use_cache=False).diagnostics]
    assert "DEP002" not in found
    # nor is a file in a test folder that any script runs built (`"verify:rpc": "node
    # build/test/verification/rpc-verify.js"`, an operator's check run from the checkout: a real node's chai import)
    verified = json.loads(json.dumps(files))
    verified["packages/backend/package.json"]["scripts"]["verify:rpc"] = "node dist/test/verification/rpc-verify.js"
    verified["packages/backend/package.json"]["devDependencies"] = {"chai": "^5.0.0"}
    verified["packages/backend/src/test/verification/rpc-verify.ts"] = "import { expect } from 'chai';\nexpect(1).to.equal(1);\n"
    found = [d.code for d in pipeline.lint([str(write(tmp_path / "verified", verified))], Settings(select=["DEP"]),
                                          use_cache=False).diagnostics]
    assert "DEP002" not in found
    # the output folder in front says nothing (`www/out-tsc/`, a docs word): what it runs ships
    served = json.loads(json.dumps(verified))
    served["packages/backend/package.json"]["scripts"]["serve:pm2"] = "node www/out-tsc/boot.js"
    served["packages/backend/tsconfig.json"] = {"compilerOptions": {"outDir": "./www/out-tsc", "rootDir": "./src"}}
    served["packages/backend/src/boot.ts"] = "import { expect } from 'chai';\nexpect(2).to.equal(2);\n"
    found = [(d.code, Path(d.path).name) for d in pipeline.lint([str(write(tmp_path / "served", served))],
                                                                Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == [("DEP002", "boot.ts")]
    # a code generator run from the build (`"generate:client": "npm run build && node dist/scripts/generate-client.js"`,
    # writing the front end's API client: an exam tool's prettier import) is a developer task
    generated = json.loads(json.dumps(verified))
    generated["packages/backend/package.json"]["scripts"]["generate:client"] = \
        "npm run build && node dist/scripts/generate-client.js"
    generated["packages/backend/package.json"]["devDependencies"] = {"prettier": "^3.0.0"}
    generated["packages/backend/src/scripts/generate-client.ts"] = "import { format } from 'prettier';\nexport const f = format;\n"
    found = [d.code for d in pipeline.lint([str(write(tmp_path / "generated", generated))], Settings(select=["DEP002"]),
                                          use_cache=False).diagnostics]
    assert found == []


def test_a_templates_folder_the_entry_reaches_is_the_packages_own_code(tmp_path):
    """An atomic-design `src/templates/` of page components, re-exported by the package's entry:
    code the package runs, not a scaffold copied into other projects, so its imports are checked
    like any other (a real UI library: 29 files silently skipped). A templates folder nothing
    reaches stays a generator's input."""
    files = {
        "package.json": {"name": "@acme/ui", "version": "1.0.0", "main": "src/index.ts", "dependencies": {"react": "18.2.0"}},
        "src/index.ts": "export * from './templates/home';\n",
        "src/templates/home.ts": "import { HomeIcon } from '@heroicons/react/24/outline';\nexport const Home = HomeIcon;\n",
        "generators/templates/page.ts": "import { Page } from '@acme/page-kit';\nexport const page = Page;\n",
    }
    assert [(code, rel) for code, rel, _ in dep(write(tmp_path, files))] == [("DEP001", "src/templates/home.ts")]


def test_a_nest_entry_file_named_from_a_raised_root_dir_maps_to_the_main(tmp_path):
    """`"entryFile": "api/src/main"`: the app compiles a shared folder outside its own through a
    path alias, tsc's rootDir rises to the repository, and the built main is `dist/api/src/main.js`.
    The entry is `api/src/main.ts`, so a helper only a ts-node script runs is a developer tool, not
    shipping code of a package with no known entry (a real monorepo's DEP002)."""
    files = {
        "package.json": {"name": "platform", "private": True, "workspaces": ["api", "shared"]},
        "tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {"@shared/*": ["./shared/*"]}}},
        "api/package.json": {"name": "api", "private": True,
                             "scripts": {"build": "nest build", "start:prod": "nest start",
                                         "transform": "ts-node -r tsconfig-paths/register data/transform.ts"},
                             "dependencies": {"@nestjs/core": "10.4.15"},
                             "devDependencies": {"csv-parse": "6.1.0", "ts-node": "10.9.2"}},
        "api/tsconfig.json": {"extends": "../tsconfig.json", "compilerOptions": {"outDir": "./dist"}},
        "api/nest-cli.json": {"collection": "@nestjs/schematics", "entryFile": "api/src/main"},
        "api/src/main.ts": "import { PORT } from '@shared/config';\nconsole.log(PORT);\n",
        "api/data/transform.ts": "import { parseRows } from './parser';\nconsole.log(parseRows('a,b'));\n",
        "api/data/parser.ts": "import { parse } from 'csv-parse/sync';\nexport const parseRows = (csv: string) => parse(csv);\n",
        "shared/package.json": {"name": "shared", "private": True},
        "shared/config.ts": "export const PORT = 4000;\n",
    }
    assert dep(write(tmp_path, files)) == []


def test_a_nest_projects_source_root_is_below_its_tsconfigs_folder(tmp_path):
    """`"sourceRoot": "./"` beside `"tsConfigPath": "apps/payment/tsconfig.app.json"`: the Nest CLI
    puts a source root that does not name the tsconfig's folder below that folder, so the entry is
    `apps/payment/src/main.ts` (12 services of a real monorepo read as dev only, their runtime
    packages advised to devDependencies). A source root that names the folder stays as written."""
    def project(name: str, source: str) -> dict:
        return {"type": "application", "root": f"apps/{name}", "entryFile": "src/main", "sourceRoot": source,
                "compilerOptions": {"tsConfigPath": f"apps/{name}/tsconfig.app.json"}}

    files = {
        "package.json": {"name": "famfund", "private": True, "scripts": {"build": "nest build"},
                         "dependencies": {"@nestjs/core": "^10.0.0"}, "devDependencies": {"qs": "^6.0.0"}},
        "nest-cli.json": {"monorepo": True, "root": "apps/gateway", "sourceRoot": "apps/gateway/src",
                          "compilerOptions": {"tsConfigPath": "apps/gateway/tsconfig.app.json"},
                          "projects": {"gateway": project("gateway", "./"), "payment": project("payment", "./"),
                                       "audit": project("audit", "apps/audit")}},
        **{f"apps/{name}/src/main.ts": "import { stringify } from 'qs';\nconsole.log(stringify({ a: 1 }));\n"
           for name in ("gateway", "payment", "audit")},
    }
    found = dep(write(tmp_path, files))
    assert sorted(path for _, path, _ in found) == [f"apps/{n}/src/main.ts" for n in ("audit", "gateway", "payment")]


@pytest.mark.parametrize("inferred", [False, True])
def test_the_apps_of_an_integrated_nx_repository_are_entries_of_its_one_package(tmp_path, inferred):
    """One package.json at the root, the apps' project.json files in `apps/*` (an integrated Nx
    repository): their mains are the package's entries, given in project.json or, for a build
    Nx infers, to `NxAppWebpackPlugin` in the app's webpack config. So a data factory only specs
    import is test support, not shipping code (a real repository: 125 DEP002 whose fix moved faker
    into dependencies). Without the apps nothing maps to an entry; since round 177 the factory is test
    support all the same: a private package nothing lists loads its files only through its own tests and
    scripts, and only a spec imports it."""
    project = {"name": "api", "projectType": "application",
               "targets": {"build": {"executor": "@nx/webpack:webpack",
                                     "options": {"target": "node", "main": "apps/api/src/main.ts"}}}}
    files = {
        "package.json": {"name": "@acme/source", "private": True,
                         "dependencies": {"@nestjs/common": "^11.0.0", "@nestjs/core": "^11.0.0",
                                          "@nestjs/platform-express": "^11.0.0"},
                         "devDependencies": {"@faker-js/faker": "^9.0.0", "nx": "^21.0.0"}},
        "nx.json": {},
        "apps/api/project.json": {"name": "api", "projectType": "application"} if inferred else project,
        "apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { Module } from '@nestjs/common';\n\n"
                                "@Module({})\nclass AppModule {}\n\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
        "apps/api/src/users.spec.ts": "import { userFactory } from '../../../libs/db/src/user.factory';\n\n"
                                      "test('user', () => expect(userFactory().name).toBeTruthy());\n",
        "libs/db/src/user.factory.ts": "import { faker } from '@faker-js/faker';\n\n"
                                       "export const userFactory = () => ({ name: faker.person.fullName() });\n",
    }
    if inferred:
        files["apps/api/webpack.config.js"] = ("const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');\n\n"
                                               "module.exports = { plugins: [new NxAppWebpackPlugin({ target: 'node', "
                                               "main: './src/main.ts' })] };\n")
    assert dep(write(tmp_path, files)) == []
    if inferred:  # the plugin's default target is the browser: no Node main then, and the importers decide
        web = {**files, "apps/api/webpack.config.js": files["apps/api/webpack.config.js"].replace("target: 'node', ", "")}
        assert [d[0] for d in dep(write(tmp_path / "web", web))] == []
    del files["apps/api/project.json"]
    assert [d[0] for d in dep(write(tmp_path / "none", files))] == []  # the importers decide, as above
    files["libs/db/src/seed.ts"] = "import { userFactory } from './user.factory';\n\nexport const seed = () => userFactory();\n"
    assert [d[0] for d in dep(write(tmp_path / "seeded", files))] == ["DEP002"]  # a file no test imports it


def test_an_exports_subpath_of_test_helpers_is_no_production_entry(tmp_path):
    """`"./test-helpers": "./src/test-helpers/index.ts"` in a private library's `exports`: what it
    offers its dependents' tests, which no production file imports, so its supertest import is no
    DEP002 (a real monorepo: 5, whose unsafe fix moved test tools into dependencies). A subpath of
    production code still is an entry."""
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["libs/*"]},
        "libs/common/package.json": {"name": "@acme/common", "version": "1.0.0", "private": True, "main": "src/index.ts",
                                     "exports": {".": "./src/index.ts", "./test-helpers": "./src/test-helpers/index.ts",
                                                 "./http": "./src/http/index.ts"},
                                     "devDependencies": {"supertest": "^7.0.0", "got": "^14.0.0"}},
        "libs/common/src/index.ts": "export const greet = (n: string) => `hi ${n}`;\n",
        "libs/common/src/test-helpers/index.ts": "import request from 'supertest';\n\nexport const api = (app: unknown) => request(app as never);\n",
        "libs/common/src/http/index.ts": "import got from 'got';\n\nexport const fetchText = (url: string) => got(url).text();\n",
    }
    assert dep(write(tmp_path, files)) == [("DEP002", "libs/common/src/http/index.ts", "got")]


def test_a_load_in_a_branch_for_outside_production_does_not_ship(tmp_path):
    """`if (process.env.NODE_ENV !== 'production') { require('./docs') }`: the service loads Swagger UI
    only outside production, where devDependencies are installed (a real API: 2 DEP002 whose unsafe
    fix shipped Swagger UI to production). Also the `else` of `=== 'production'`, a `?:`, a `const`
    holding the test or NODE_ENV, and a config object's NODE_ENV; a load outside such a branch, in one for
    `!== 'test'`, or behind a `let`, still ships."""
    files = {
        "package.json": {"name": "acme-api", "version": "1.0.0", "private": True,
                         "scripts": {"build": "tsc", "start": "node ./build/index.js"},
                         "dependencies": {"express": "^4.21.0"},
                         "devDependencies": {"swagger-ui-express": "^5.0.1", "typescript": "^5.6.3"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "build", "rootDir": "src"}, "include": ["src"]},
        "src/docs.ts": "import swaggerUi from 'swagger-ui-express';\nexport const docs = swaggerUi.serve;\n",
        "src/index.ts": "import express from 'express';\nconst app = express();\n"
                        "if (process.env.NODE_ENV !== 'production') {\n  const { docs } = require('./docs');\n"
                        "  app.use('/docs', docs);\n}\napp.listen(3000);\n",
    }
    root = write(tmp_path / "guarded", files)
    assert dep(root) == []
    out = cli("--explain-file", "src/docs.ts", cwd=root).stdout.decode()
    assert "only tests, test support or code that runs outside production (a NODE_ENV branch) import it (src/index.ts)" in out
    for branch in ("if (process.env.NODE_ENV === 'production') {\n  app.enable('x');\n} else {\n  app.use(require('./docs').docs);\n}\n",
                   "app.use(process.env.NODE_ENV === 'development' ? require('./docs').docs : []);\n",
                   "if (process.env.NODE_ENV !== 'production') {\n  app.use(require('swagger-ui-express').serve);\n}\n",
                   # a `const` holding the test (a real back end's `isDev`, and its negation)
                   "const isDev = process.env.NODE_ENV !== 'production';\nif (isDev) {\n  app.use(require('./docs').docs);\n}\n",
                   "const isProd = process.env.NODE_ENV === 'production';\nif (!isProd) app.use(require('./docs').docs);\n",
                   # NODE_ENV through a `const` or a config object (a real game API's Swagger: 1 DEP002)
                   "const environment = process.env.NODE_ENV;\nif (environment === 'development') app.use(require('./docs').docs);\n",
                   "const env = { NODE_ENV: process.env.NODE_ENV ?? 'production' };\n"
                   "if (env.NODE_ENV === 'development') app.use(require('./docs').docs);\n",
                   "declare const config: { get(): { NODE_ENV: string } };\n"
                   "if (config.get().NODE_ENV !== 'production') app.use(require('./docs').docs);\n",
                   # a test run's switch (a real spreadsheet server seeds its test database so: 1 DEP002)
                   "if (process.env.TEST_CLEAN_DATABASE) {\n  app.use(require('./docs').docs);\n}\n",
                   # vite's flags, written as constants by its build (a CMS's start script loads nodemon so: 1 DEP002)
                   "if (import.meta.env.DEV) {\n  app.use(require('./docs').docs);\n}\n",
                   "if (import.meta.env.PROD) {\n  app.enable('x');\n} else {\n  app.use(require('./docs').docs);\n}\n",
                   "if (import.meta.env.MODE === 'development') app.use(require('./docs').docs);\n"):
        other = {**files, "src/index.ts": "import express from 'express';\nconst app = express();\n" + branch}
        if "./docs" not in branch:
            del other["src/docs.ts"]
        assert dep(write(tmp_path / str(len(branch)), other)) == [], branch
    for branch in ("app.use(require('./docs').docs);\n",
                   "if (process.env.NODE_ENV !== 'test') {\n  app.use(require('./docs').docs);\n}\n",
                   "let isDev = process.env.NODE_ENV !== 'production';\nisDev = true;\nif (isDev) app.use(require('./docs').docs);\n",
                   "let environment = process.env.NODE_ENV;\nif (environment === 'development') app.use(require('./docs').docs);\n",
                   "if (config.NODE_MODE === 'development') app.use(require('./docs').docs);\n",
                   "if (import.meta.env.PROD) {\n  app.use(require('./docs').docs);\n}\n",
                   "if (process.env.USE_TESTNET) {\n  app.use(require('./docs').docs);\n}\n"):  # a network, not a test run
        other = {**files, "src/index.ts": "import express from 'express';\nconst app = express();\n" + branch}
        assert dep(write(tmp_path / str(len(branch)), other)) == [("DEP002", "src/docs.ts", "swagger-ui-express")], branch


@pytest.mark.parametrize("build, bundled", [
    ("react-scripts build", True), ("react-app-rewired build", True), ("craco build", True),
    ("webpack --mode production", True), ("tsc -p tsconfig.json", False),
    ("vue-cli-service build", True), ("vp build", True),
    ("node node_modules/react-scripts/bin/react-scripts build", True), ("./node_modules/.bin/webpack", True),
    ("cp -r public/webpack build", False), ("gatsby build", True),
])
def test_a_create_react_app_or_bare_webpack_build_bundles_the_app(tmp_path, build, bundled):
    """Create React App (`react-scripts build`, and react-app-rewired or craco around it) is webpack:
    the SPA ships a static bundle, so `web-vitals` in devDependencies is no DEP002 (a real front end,
    whose unsafe fix moved it to dependencies); so does webpack run with its defaults, no config, the
    Vue CLI (a real rewards admin: 7 DEP002) and vite-plus's `vp build` (vite's build). A tool run by
    its path (`node node_modules/react-scripts/bin/react-scripts build`, `node_modules/.bin/webpack`: a
    cycling federation's web app, 5 DEP002) is that tool; a folder of that name is not."""
    root = write(tmp_path, {
        "package.json": {"name": "web", "version": "0.1.0", "private": True,
                         "scripts": {"start": "react-scripts start", "build": build},
                         "dependencies": {"react": "^18.2.0", "react-scripts": "5.0.1"},
                         "devDependencies": {"web-vitals": "^2.1.4"}},
        "src/index.tsx": "import { getCLS } from 'web-vitals';\n\ngetCLS(console.log);\n",
    })
    assert (bundle_of(read_manifest(str(root / "package.json"))) is not None) is bundled
    assert dep(root) == ([] if bundled else [("DEP002", "src/index.tsx", "web-vitals")])


@pytest.mark.parametrize("scripts, reported", [
    ({"build:weapp": "taro build --type weapp", "build:h5": "taro build --type h5"}, []),
    ({"build": "tsc", "build:weapp": "taro build --type weapp"}, [("DEP002", "config/index.ts", "@tarojs/cli")]),
])
def test_a_taro_app_built_per_platform_is_bundled(tmp_path, scripts, reported):
    """A Taro mini-program builds one bundle per platform (`build:weapp`, `build:h5`, no `build`): its
    build config `config/index.ts` imports the CLI it keeps in devDependencies (an audio app: a DEP002
    error). A package with a `build` of its own is judged by that build, not by a variant's."""
    root = write(tmp_path, {
        "package.json": {"name": "mini", "version": "1.0.0", "private": True, "scripts": scripts,
                         "dependencies": {"@tarojs/components": "3.6.34", "react": "18.2.0"},
                         "devDependencies": {"@tarojs/cli": "3.6.34", "typescript": "5.4.5"}},
        "tsconfig.json": {"compilerOptions": {"jsx": "react-jsx", "strict": True}, "include": ["src", "config"]},
        "config/index.ts": "import { defineConfig } from '@tarojs/cli';\n\nexport default defineConfig({ sourceRoot: 'src' });\n",
        "src/app.tsx": "import { View } from '@tarojs/components';\n\nexport default function App() {\n  return <View>hi</View>;\n}\n",
    })
    assert dep(root) == reported


@pytest.mark.parametrize("build, bundled", [("vite build", True), ("vp build", True), ("vite build && tsc -p tsconfig.node.json", False)])
def test_a_hand_written_helper_the_manifest_names_leaves_the_vite_app_its_bundle(tmp_path, build, bundled):
    """A published web app whose `main` names `./node/index.mjs`, a committed helper that serves the
    built pages (a real CMS's admin: 37 DEP002 on its pages): vite is the only compiler of its build,
    so the pages are the bundle and what they import is inlined; where tsc compiles more of it, the
    package is no bundle, but its `main` helper is its one Node entry, and a JSX page it does not
    reach is still the input of the vite build."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/admin-web", "version": "1.0.0", "type": "module", "main": "./node/index.mjs",
                         "files": ["dist", "node"], "scripts": {"build": build},
                         "dependencies": {"react": "^18.3.1", "react-dom": "^18.3.1"},
                         "devDependencies": {"axios": "^1.7.0", "vite": "^5.4.0"}},
        "vite.config.ts": "import { defineConfig } from 'vite';\nexport default defineConfig({ build: { outDir: 'dist' } });\n",
        "index.html": '<!doctype html><html><body><script type="module" src="./src/main.tsx"></script></body></html>\n',
        "node/index.mjs": "export const adminDist = new URL('../dist', import.meta.url).pathname;\n",
        "src/main.tsx": "import axios from 'axios';\n\naxios.get('/api/ping');\n",
    })
    assert (bundle_of(read_manifest(str(root / "package.json"))) is not None) is bundled
    assert dep(root) == []


def test_a_javascript_bootstrap_leads_to_the_entry_points_it_loads(tmp_path):
    """The image runs `npm run api-prod`, which runs `node init.js`, a file kept in the repository
    that loads the compiled server (`require('./dist/server/server/main')`, built by `tsc -p
    tsconfig.server.json` with no rootDir): `server/main.ts` is the entry, so the package is a service
    with an entry, and a stub library only its tests import is test support (a real publishing
    platform: 12 DEP002 with "no entry point maps to source"). A bootstrap's load for outside
    production (`NODE_ENV !== 'production'`) makes no entry."""
    root = write(tmp_path, {
        "package.json": {"name": "svc", "private": True,
                         "scripts": {"build": "tsc -p tsconfig.server.json", "api-prod": "node init.js"},
                         "dependencies": {"express": "4.19.2"}, "devDependencies": {"sinon": "17.0.1"}},
        "tsconfig.server.json": {"compilerOptions": {"outDir": "dist/server"}, "include": ["server/**/*", "stubs/**/*"]},
        "Dockerfile": 'FROM node:20\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["npm", "run", "api-prod"]\n',
        "init.js": "if (process.env.NODE_ENV !== 'production') {\n  require('./dist/server/server/seed');\n}\n"
                   "require('./dist/server/server/main').start();\n",
        "server/main.ts": "import express from 'express';\nexport const start = () => express().listen(3000);\n",
        "server/seed.ts": "export const seed = 1;\n",
        "server/main.spec.ts": "import { stubAll } from '../stubs/stub';\nimport { start } from './main';\n"
                               "export const t = [stubAll, start];\n",
        "stubs/stub.ts": "import sinon from 'sinon';\nexport const stubAll = () => sinon.restore();\n",
    })
    assert dep(root) == []
    out = cli("--explain-file", "server/main.ts", cwd=root).stdout.decode()
    assert 'an entry point (the Dockerfile (the "api-prod" script), through init.js)' in out
    assert "server/seed.ts" not in out.split("entry points:")[1].splitlines()[0]


@pytest.mark.parametrize("scripts", [
    {"build": "tsx tools/build.ts"},
    {"build": "run-s build:ts build:js", "build:ts": "tsc --emitDeclarationOnly", "build:js": "tsx tools/build.ts"},
    {"build": "npm-run-all -s build:*", "build:js": "node tools/build.js"},
    {"build": "node -r esbuild-register tools/build.ts"},
    {"build": "node --import tsx tools/build.ts"},
])
def test_a_bundler_script_run_by_a_typescript_runner_or_npm_run_all_ships_a_bundle(tmp_path, scripts):
    """A published library built by `tsx tools/build.ts` (esbuild's API with `bundle: true`), also
    through `run-s`/`npm-run-all` (a real animation library: 492 DEP002), or by node with a loader
    option and its value before the file (`node -r esbuild-register scripts/build.ts`: a real
    scaffolding CLI, 157 DEP002): its devDependencies are inlined, as with `node esbuild.config.js`;
    the bundler script, run at build time, is no entry."""
    build = "import { build } from 'esbuild';\nvoid build({ entryPoints: ['src/index.ts'], bundle: true, external: [] });\n"
    root = write(tmp_path, {
        "package.json": {"name": "@acme/lib", "version": "1.0.0", "main": "dist/index.js", "scripts": scripts,
                         "devDependencies": {"esbuild": "^0.19.0", "tsx": "^4.7.0", "left-pad": "^1.3.0"}},
        "tools/build.ts": build, "tools/build.js": build,
        "src/index.ts": "import leftPad from 'left-pad';\nexport const pad = (s: string) => leftPad(s, 4);\n",
    })
    assert dep(root) == []


@pytest.mark.parametrize("wrapper, reported", [
    ("require('ts-node').register({ compilerOptions: { esModuleInterop: true } });\n"
     "module.exports = require('./rollup.config.ts');\n", []),
    ("module.exports = { input: 'src/index.ts', external: ['magic-string'] };\n", ["magic-string"]),  # its own settings
])
def test_a_rollup_config_that_loads_the_typescript_config_is_read_through(tmp_path, wrapper, reported):
    """`rollup --config rollup.config.js`, a CommonJS wrapper that registers ts-node and exports
    `require('./rollup.config.ts')`: the TypeScript config's external list (the manifest's own
    dependencies) is the build's, so the devDependency it inlines is no DEP002 (a KYC platform's
    workflow engine). A config with settings of its own is read as it stands."""
    root = write(tmp_path, {
        "package.json": {"name": "xform", "version": "1.0.0", "main": "dist/index.js",
                         "scripts": {"build": "rollup --config rollup.config.js"}, "dependencies": {"dedent-js": "^1.0.1"},
                         "devDependencies": {"@rollup/plugin-node-resolve": "^15.0.0", "magic-string": "^0.30.0",
                                             "ts-node": "^10.9.0"}},
        "rollup.config.js": wrapper,
        "rollup.config.ts": "import resolve from '@rollup/plugin-node-resolve';\nimport pkg from './package.json';\n"
                            "export default { input: 'src/index.ts', plugins: [resolve()], "
                            "external: [...Object.keys(pkg.dependencies ?? {})] };\n",
        "src/index.ts": "import MagicString from 'magic-string';\nexport const edit = (s: string) => new MagicString(s);\n",
    })
    assert [p for c, _, p in dep(root) if c == "DEP002"] == reported


def test_node_builtins_spread_into_rollup_externals_leave_the_list_readable(tmp_path):
    """`external: [...builtinModules, 'dedent-js']` names Node's built-ins and one package: the rest
    is inlined by the node-resolve plugin (a real compiler package: 17 DEP002); so is a spread of
    the manifest's own sections. Any other spread keeps the list unreadable, and the package counts
    as not bundled."""
    def build(external: str) -> list:
        return dep(write(tmp_path / str(len(list(tmp_path.iterdir()))), {
            "package.json": {"name": "xform", "version": "1.0.0", "main": "index.js", "scripts": {"build": "rollup -c"},
                             "dependencies": {"dedent-js": "^1.0.1"},
                             "devDependencies": {"@rollup/plugin-node-resolve": "^15.0.0", "magic-string": "^0.30.0"}},
            "rollup.config.mjs": "import { builtinModules } from 'node:module';\n"
                                 "import resolve from '@rollup/plugin-node-resolve';\n"
                                 f"export default {{ input: 'src/index.ts', plugins: [resolve()], external: [{external}] }};\n",
            "src/index.ts": "import MagicString from 'magic-string';\nexport const edit = (s: string) => new MagicString(s);\n",
        }))

    assert build("...builtinModules, 'dedent-js'") == []
    # the built-ins again with their `node:` prefix, made from the same list (a real MCP server: 72 DEP002)
    assert build("...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'dedent-js'") == []
    assert build("...builtinModules.flatMap((m) => [m, `node:${m}`]), 'dedent-js'") == []
    assert build("...foreign") == [("DEP002", "src/index.ts", "magic-string")]
    assert build("...foreign.map((m) => `node:${m}`)") == [("DEP002", "src/index.ts", "magic-string")]
    # the manifest's own sections, the usual idiom: what they list stays out, the rest is inlined (12 DEP002)
    assert build("...Object.keys({ ...pkg.peerDependencies, ...pkg.dependencies })") == []
    assert build("...Object.keys(pkg.dependencies || {}), 'magic-string'") == [("DEP002", "src/index.ts", "magic-string")]
    # `?? {}` as `|| {}` (a KYC platform's workflow engine: 1 DEP002 on the devDependency its bundle inlines)
    assert build("...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})") == []
    assert build("...Object.keys(pkg.dependencies ?? {}), 'magic-string'") == [("DEP002", "src/index.ts", "magic-string")]
    # a section imported by name (`import { peerDependencies } from './package.json'`: a design system, 13 DEP002)
    assert build("...Object.keys(peerDependencies || {})") == []
    assert build("...Object.keys(dependencies), 'magic-string'") == [("DEP002", "src/index.ts", "magic-string")]
    # the list held in a top-level constant (`external: externalDeps`): read as written there
    root = tmp_path / str(len(list(tmp_path.iterdir())))
    write(root, {"package.json": {"name": "v", "version": "1.0.0", "main": "index.js", "scripts": {"build": "rollup -c"},
                                  "devDependencies": {"@rollup/plugin-node-resolve": "^15.0.0", "ramda": "^0.30.0"}},
                 "rollup.config.js": "import resolve from '@rollup/plugin-node-resolve';\n"
                                     "const externalDeps = [/@babel\\/runtime/, ...Object.keys({ ...pkg.peerDependencies, ...pkg.dependencies })];\n"
                                     "export default { input: 'src/index.ts', plugins: [resolve()], external: externalDeps };\n",
                 "src/index.ts": "import { pick } from 'ramda';\nexport const p = pick;\n"})
    assert dep(root) == []
    # a config factory's parameter default (`function build({ input, external = [] })`, a desktop API client's
    # common library: a DEP002 and a DEP005): what the factory returns; a call passing the key adds its items
    factory = ("const { nodeResolve } = require('@rollup/plugin-node-resolve');\n"
               "function build({ input, file, external = [] }) {\n"
               "  return { input, external, output: { file, format: 'cjs' }, plugins: [nodeResolve()] };\n}\n")
    for call, found in (("build({ input: 'src/index.ts', file: 'dist/index.js' })", []),
                        ("build({ input: 'src/index.ts', file: 'dist/index.js', external: ['ramda'] })",
                         [("DEP002", "src/index.ts", "ramda")])):
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        write(root, {"package.json": {"name": "v", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"],
                                      "scripts": {"build": "rollup -c"},
                                      "devDependencies": {"@rollup/plugin-node-resolve": "^15.0.0", "ramda": "^0.30.0"}},
                     "rollup.config.js": factory + f"module.exports = [{call}];\n",
                     "src/index.ts": "import { pick } from 'ramda';\nexport const p = pick;\n"})
        assert dep(root) == found


@pytest.mark.parametrize("scripts", [
    {"build": "concurrently \"npm:build:*\"", "build:ext": "esbuild --bundle src/extension.ts --outfile=out/extension.js"},
    {"vscode:prepublish": "npm run esbuild -- --minify", "esbuild": "esbuild ./src/extension.ts --bundle --outfile=out/extension.js"},
    {"build": "gulp", "package": "vsce package --no-dependencies"},
    {"build": "parcel build src/index.html --dist-dir public"},  # an app's page: Parcel bundles what it loads
])
def test_a_bundle_is_found_where_the_build_tools_put_it(tmp_path, scripts):
    """A VS Code extension's bundle: esbuild run through `concurrently "npm:build:*"` (20 DEP002 in a
    real extension), through `vscode:prepublish` (what `vsce package` runs), or an extension packaged
    with `vsce package --no-dependencies`, which ships no node_modules at all; its gulp task files,
    in gulp's folder form (`gulpfile.ts/index.ts`), are tool configuration. A Parcel app built from
    its page bundles what the page loads (a real front end: 1 DEP002)."""
    root = write(tmp_path, {
        "package.json": {"name": "my-ext", "version": "1.0.0", "private": True, "main": "./out/extension.js",
                         "engines": {"vscode": "^1.80.0"}, "scripts": scripts,
                         "devDependencies": {"@types/vscode": "^1.80.0", "esbuild": "^0.20.0", "gulp": "^5.0.0",
                                             "right-pad": "^1.0.1", "concurrently": "^8.0.0"}},
        "gulpfile.ts/index.ts": "import { src, dest } from 'gulp';\nexport default () => src('src/extension.ts').pipe(dest('out'));\n",
        "src/extension.ts": "import rightPad from 'right-pad';\nexport const activate = () => rightPad('a', 2);\n",
    })
    assert dep(root) == []


def test_a_compiler_tests_expected_outputs_are_data(tmp_path):
    """`test/<suite>/samples/<case>/expectedv2.ts` and `.../expected/Test.d.ts`: what a transform's test
    compares its output with, read as text, whose imports name files of no project (a real compiler
    package: 38 IMP002 and 4 DEP001). A sample case's other files that no file imports are read as
    data too; a fixture a test imports is code."""
    root = write(tmp_path, {
        "package.json": {"name": "xform", "version": "1.0.0", "main": "index.js"},
        "tsconfig.json": {"include": ["src", "test"]},
        "src/index.ts": "export const x = 1;\n",
        "test/transform/samples/imports/expectedv2.ts": "import { a } from './a';\nimport b from 'somewhere';\nexport { a, b };\n",
        "test/emit/samples/js/expected/Test.d.ts": "import { Foo } from './foo';\nexport type T = Foo;\n",
        "test/emit/samples/js/input.ts": "import { Foo } from './foo';\nexport const t = Foo;\n",
        "test/emit/samples/js/helper.ts": "import { gone } from './gone';\nexport const h = gone;\n",
        "test/emit/emit.spec.ts": "import { h } from './samples/js/helper';\nexport const t = h;\n",
    })
    found = [(d.code, Path(d.path).relative_to(root).as_posix()) for d in pipeline.lint(
        [str(root)], Settings(select=["IMP", "DEP"]), use_cache=False).diagnostics]
    assert found == [("IMP002", "test/emit/samples/js/helper.ts")]


def test_llm_eval_suites_are_test_code(tmp_path):
    """evalite's `*.eval.ts` and the helpers in an `evals/` folder run under the eval runner, never in
    the service (a real AI back end: 6 DEP002 and a DEP001 fix to dependencies)."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/index.js", "eval": "evalite"},
                         "dependencies": {"hono": "^4.0.0"}, "devDependencies": {"evalite": "^0.19.0"}},
        "src/index.ts": "import { Hono } from 'hono';\nexport const app = new Hono();\n",
        "evals/scorers.ts": "import { createScorer } from 'evalite';\nexport const exact = createScorer({});\n",
        "src/tools.eval.ts": "import { evalite } from 'evalite';\nimport { exact } from '../evals/scorers';\nevalite('t', { scorers: [exact] });\n",
    })
    assert dep(root) == []


def test_export_type_star_loads_nothing(tmp_path):
    """`export type * from 'x'` (TypeScript 5.0, which the grammar parses with an error node) and
    `export type * as ns from 'x'` re-export types only: nothing is loaded at runtime, so a
    devDependency is right (a real sync engine: 1 DEP002). `export * from 'x'` loads it."""
    from migrationlint.extract.facts import extract

    facts = extract("a.ts", b"export type * from 'x';\nexport type * as ns from 'y';\nexport * from 'z';\n")
    assert [(i.specifier, i.type_only) for i in facts.imports] == [("x", True), ("y", True), ("z", False)]
    root = write(tmp_path, {
        "package.json": {"name": "@acme/types", "version": "1.0.0", "main": "src/index.ts",
                         "devDependencies": {"@acme/db": "^1.0.0"}},
        "src/index.ts": "export type * from '@acme/db';\n",
    })
    assert dep(root) == []


def test_figma_code_connect_files_are_a_tools_input(tmp_path):
    """`Button.figma.tsx` (and a template file's `*.figma.ts`) is read by the `figma connect`
    command line, never loaded by the package (a real design system: 22 DEP002); a template file's
    `import figma from 'figma'` names the module Figma's runtime provides (33 DEP001 advising `npm
    install figma`), where the package declares @figma/code-connect."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/react", "version": "1.0.0", "main": "./src/index.ts",
                         "devDependencies": {"@figma/code-connect": "^1.4.9"}},
        "src/index.ts": "export const Button = (label: string) => label;\n",
        "src/Button.figma.tsx": "import figma from '@figma/code-connect';\nimport { Button } from './index';\n"
                                "figma.connect(Button, 'https://figma.com/x', {});\n",
        "src/button.figma.ts": "import figma from 'figma';\nexport default { example: figma.html`<button></button>` };\n",
    })
    assert dep(root) == []


@pytest.mark.parametrize(("external", "section"), [
    ("['esbuild', 'miniflare']", "devDependencies"),  # dependencies are the externals: the rest is inlined
    ("['esbuild']", "dependencies"),  # a dependency it inlines: the package keeps runtime libraries there
])
def test_a_bundle_whose_dependencies_are_its_externals_keeps_what_it_inlines_in_dev(tmp_path, external, section):
    """A CLI bundled by esbuild lists in `dependencies` exactly the packages its bundle leaves
    external; a missing package the bundle inlines belongs with the other inlined libraries, in
    devDependencies (a real CLI: a fix put `workerd` into dependencies)."""
    root = write(tmp_path, {
        "package.json": {"name": "acme-cli", "version": "1.0.0", "bin": {"acme": "dist/bin.mjs"},
                         "scripts": {"build": "node build.mjs"},
                         "dependencies": {"esbuild": "0.21.5", "miniflare": "3.20240718.0"},
                         "devDependencies": {"chalk": "^5.3.0"}},
        "package-lock.json": {"name": "acme-cli", "lockfileVersion": 3, "packages": {
            "": {"name": "acme-cli"}, "node_modules/workerd": {"version": "1.20240718.0"}}},
        "build.mjs": "import esbuild from 'esbuild';\nesbuild.buildSync({ entryPoints: ['src/bin.ts'], bundle: true, "
                     f"platform: 'node', outfile: 'dist/bin.mjs', external: {external} }});\n",
        "src/bin.ts": "import chalk from 'chalk';\nimport { Miniflare } from 'miniflare';\n"
                      "const date: string = require('workerd').compatibilityDate;\nconsole.log(chalk.green(date), Miniflare);\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "workerd" and f"to {section} (" in d.message


def test_a_file_importing_a_test_frameworks_api_is_a_test(tmp_path):
    """`integration/pool.integration.ts` imports vitest and chai: a test, whatever its name and folder
    (a real data layer: a DEP005 asking a published package to ship chai, and a fix adding vitest to
    its dependencies). The root's test tools serve it, as for any test."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"chai": "6.0.1", "vitest": "^3.2.4"}},
        "package-lock.json": {"name": "mono", "lockfileVersion": 3, "packages": {
            "": {"workspaces": ["packages/*"]}, "node_modules/chai": {"version": "6.0.1", "dev": True},
            "node_modules/ioredis": {"version": "5.4.1"}, "node_modules/vitest": {"version": "3.2.4", "dev": True}}},
        "packages/store/package.json": {"name": "@acme/store", "version": "1.0.0", "main": "dist/index.js",
                                        "files": ["dist/"], "scripts": {"build": "tsc"}, "dependencies": {"ioredis": "^5.4.1"}},
        "packages/store/src/index.ts": "import Redis from 'ioredis';\nexport const connect = (url: string) => new Redis(url);\n",
        "packages/store/integration/pool.integration.ts": "import { expect } from 'chai';\nimport { describe, it } from 'vitest';\n"
                                                          "import { connect } from '../src/index';\n"
                                                          "describe('pool', () => { it('connects', () => { expect(connect('x')).to.exist; }); });\n",
    })
    assert dep(root) == []


@pytest.mark.parametrize("entry_reaches_it", [False, True])
def test_an_unreached_file_building_nest_testing_modules_is_test_support(tmp_path, entry_reaches_it):
    """`src/shared/testing/test-environment.ts` builds a testing module with `@nestjs/testing` and no
    entry point reaches it: test support (a real service: moving the testing package to dependencies
    was the advice). A file an entry point does reach still ships, whatever it imports."""
    main = "import { NestFactory } from '@nestjs/core';\n" + (
        "import { Env } from './shared/testing/test-environment';\nconsole.log(Env);\n" if entry_reaches_it else "")
    root = write(tmp_path, {
        "package.json": {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"@nestjs/core": "^10.0.0"},
                         "devDependencies": {"@nestjs/testing": "^10.0.0", "jest": "^29.0.0"}},
        "src/main.ts": main + "NestFactory.create(class {});\n",
        "src/shared/testing/test-environment.ts": "import { Test } from '@nestjs/testing';\n\nexport class Env {\n"
                                                  "  setup() { return Test.createTestingModule({}).compile(); }\n}\n",
    })
    assert [c for c, _, _ in dep(root, select=("DEP002",))] == (["DEP002"] if entry_reaches_it else [])


@pytest.mark.parametrize("config", ["wrangler.toml", "wrangler.jsonc", "apps/api/wrangler.json", "none", "no_bundle"])
def test_a_cloudflare_worker_is_bundled_by_wrangler(tmp_path, config):
    """`wrangler.toml` at the workspace root with `main = "apps/api/server.cf.ts"`: `wrangler deploy`
    bundles the Worker with everything it imports, so the member's devDependencies are inlined and
    its Node dev server (`tsx watch server.node.ts`) needs nothing installed (a real Hono service: 2
    DEP002). The configuration beside the package, in JSON, counts too; without one, or with
    `no_bundle`, the package is not bundled."""
    files: dict[str, object] = {
        "package.json": {"name": "svc", "private": True, "workspaces": ["apps/*"], "scripts": {"deploy": "wrangler deploy"}},
        "apps/api/package.json": {"name": "svc-api", "scripts": {"dev": "tsx watch ./server.node.ts"},
                                  "dependencies": {"hono": "^4.6.0"}, "devDependencies": {"@hono/node-server": "^1.13.0"}},
        "apps/api/app.ts": "import { Hono } from 'hono';\nexport const app = new Hono();\n",
        "apps/api/server.cf.ts": "import { app } from './app';\nexport default app;\n",
        "apps/api/server.node.ts": "import { serve } from '@hono/node-server';\nimport { app } from './app';\nserve({ fetch: app.fetch });\n",
    }
    if config == "wrangler.toml":
        files[config] = 'name = "svc-api"\nmain = "apps/api/server.cf.ts"\ncompatibility_date = "2025-01-12"\n'
    elif config == "wrangler.jsonc":
        files[config] = '{\n  // the Worker\n  "name": "svc-api",\n  "main": "apps/api/server.cf.ts",\n}\n'
    elif config == "apps/api/wrangler.json":
        files[config] = {"name": "svc-api", "main": "server.cf.ts"}
    elif config == "no_bundle":
        files["wrangler.toml"] = 'name = "svc-api"\nmain = "apps/api/server.cf.ts"\nno_bundle = true\n'
    found = dep(write(tmp_path, files))
    assert found == ([("DEP002", "apps/api/server.node.ts", "@hono/node-server")] if config in ("none", "no_bundle") else [])


@pytest.mark.parametrize("private", [False, True])
def test_a_published_workspace_root_ships_the_folder_of_its_entry(tmp_path, private):
    """The workspace root is also the published server (`"bin": "build/index.js"` from `src/index.ts`,
    no `private`): a handler in `src/` that its bin loads by a computed path is its own source, not
    repository tooling (a real MCP server: 124 imports of an undeclared workspace package went
    unreported). A private root's files stay tooling; so do files beside no entry (`scripts/`)."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/mcp-server", "version": "1.0.1", "bin": {"acme-mcp": "build/index.js"},
                         "workspaces": ["packages/*"], "files": ["build"], **({"private": True} if private else {})},
        "tsconfig.json": {"compilerOptions": {"outDir": "build", "rootDir": "src"}, "include": ["src"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "src/index.ts"},
        "packages/core/src/index.ts": "export const run = () => 1;\n",
        "src/index.ts": "const name = process.argv[2];\nexport const load = () => import(`./handlers/${name}.js`);\n",
        "src/handlers/ssh.ts": "import { run } from '@acme/core';\nexport const ssh = run;\n",
        "tools/report.ts": "import { run } from '@acme/core';\nexport const report = run;\n",
    })
    assert dep(root, select=("DEP001",)) == ([] if private else [("DEP001", "src/handlers/ssh.ts", "@acme/core")])


@pytest.mark.parametrize("command", ["tsm --require=../../.ci/filter.js ./generate.ts", "node --loader tsm ./generate.ts"])
def test_a_script_run_by_the_tsm_runner_is_a_developer_tool(tmp_path, command):
    """`"build": "tsc && tsm ./generate.ts"`: tsm runs TypeScript as ts-node and tsx do, so the
    generator is a tool of the build, not shipping code (a real design system: 11 DEP002 on its
    generators' imports of fs-extra, imagemin and acorn)."""
    root = write(tmp_path, {
        "package.json": {"name": "icons", "version": "1.0.0", "main": "lib/index.js", "scripts": {"build": f"tsc && {command}"},
                         "devDependencies": {"fs-extra": "9.0.1", "tsm": "2.2.2", "typescript": "5.4.5"}},
        "src/index.ts": "export const icons = [];\n",
        "generate.ts": "import fs from 'fs-extra';\nfs.outputFileSync('src/list.ts', 'x');\n",
    })
    assert dep(root) == []


def test_a_private_package_no_manifest_lists_and_only_tests_import_is_test_support(tmp_path):
    """A private, unbuilt test harness (`main: ./src/index.ts`) that no package.json depends on and
    that other packages' tests reach through tsconfig `paths` (a gateway monorepo: 13 DEP002 saying a
    production install breaks a service, and DEP001 fixes to `dependencies`): nothing installs it, so
    its devDependencies are right. Once a file that ships imports it, it ships again."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["internal/*", "packages/*"]},
        "package-lock.json": {"lockfileVersion": 3, "packages": {"": {"name": "root"},
                                                                 "node_modules/ws": {"version": "8.0.0", "dev": True}}},
        "tsconfig.json": {"compilerOptions": {"paths": {"@internal/testing": ["./internal/testing/src/index.ts"]}}},
        "internal/testing/package.json": {"name": "@internal/testing", "private": True, "main": "./src/index.ts",
                                          "devDependencies": {"ws": "^8.0.0"}},
        "internal/testing/src/index.ts": "import { WebSocketServer } from 'ws';\nimport { port } from 'get-port';\n\n"
                                         "export const start = () => new WebSocketServer({ port });\n",
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js"},
        "packages/core/src/index.ts": "export const core = 1;\n",
        "packages/core/tests/server.test.ts": "import { start } from '@internal/testing';\n\nstart();\n",
        # a second harness whose entry imports the first: one of the tests' files too
        "internal/proc/package.json": {"name": "@internal/proc", "private": True, "main": "./src/index.ts",
                                       "devDependencies": {"ws": "^8.0.0"}},
        "internal/proc/src/index.ts": "import { start } from '@internal/testing';\nimport 'ws';\n\nexport const spawn = start;\n",
        "packages/core/tests/proc.test.ts": "import { spawn } from '@internal/proc';\n\nspawn();\n",
    })
    assert dep(root) == [("DEP001", "internal/testing/src/index.ts", "get-port")]
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "--save-dev get-port" in d.message
    explained = cli("--explain-file", "internal/testing/src/index.ts", ".", cwd=root).stdout.decode()
    assert "dev only (not production): no package.json depends on its package, and only files that never ship " \
           "import it (internal/proc/src/index.ts, packages/core/tests/server.test.ts)" in explained
    write(root, {"packages/core/src/index.ts": "import { start } from '@internal/testing';\n\nexport const core = start;\n"})
    assert sorted(dep(root)) == [("DEP001", "internal/testing/src/index.ts", "get-port"),
                                 ("DEP002", "internal/testing/src/index.ts", "ws")]  # proc's tests still test support


def test_what_only_the_cdk_app_imports_is_synth_time_code_in_a_cdk_init_package(tmp_path):
    """`cdk init`'s package.json names the app in `bin` (never installed: the CDK CLI runs it from
    cdk.json) and has a version; the stacks the app imports run at synth time only (two real CDK
    repositories: 35 DEP002 for aws-cdk-lib in devDependencies). The package's own name may be a
    registry package's too (`constructs`, which the stacks import at another major): a manifest
    listing that range is no dependent of it. A second `bin` that users install keeps it checked."""
    cdk_package = {"name": "constructs", "version": "6.3.3", "bin": {"constructs": "bin/constructs.js"},
                   "scripts": {"build": "tsc", "cdk": "cdk"},
                   "devDependencies": {"aws-cdk-lib": "^2.151.0", "js-yaml": "^4.1.0"}, "dependencies": {"constructs": "^10.3.0"}}
    root = write(tmp_path, {
        "package.json": cdk_package,
        "package-lock.json": {"lockfileVersion": 3, "packages": {"": {"name": "constructs"},
                                                                 "node_modules/aws-cdk-lib": {"version": "2.151.0", "dev": True},
                                                                 "node_modules/js-yaml": {"version": "4.1.0", "dev": True},
                                                                 "node_modules/constructs": {"version": "10.3.0"}}},
        "cdk.json": {"app": "npx ts-node --prefer-ts-exts bin/constructs.ts"},
        "bin/constructs.ts": "import { App } from 'aws-cdk-lib';\nimport { ApiStack } from '../lib/api-stack';\n\n"
                             "new ApiStack(new App(), 'Api');\n",
        "lib/api-stack.ts": "import { Stack } from 'aws-cdk-lib';\nimport { Construct } from 'constructs';\nimport { load } from 'js-yaml';\n\n"
                            "export class ApiStack extends Stack {\n  constructor(scope: Construct, id: string) {\n"
                            "    super(scope, id);\n    load('a: 1');\n  }\n}\n",
        "tools/package.json": {"name": "tools", "private": True, "dependencies": {"constructs": "^10.3.0"}},
    })
    assert dep(root) == []
    write(root, {"package.json": {**cdk_package, "bin": {"constructs": "bin/constructs.js", "deploy-tool": "bin/tool.js"}},
                 "bin/tool.ts": "import '../lib/api-stack';\n"})
    assert sorted(p for _, _, p in dep(root)) == ["aws-cdk-lib", "js-yaml"]


def test_the_packages_of_an_sst_app_that_use_its_runtime_ship_in_its_function_bundles(tmp_path):
    """An SST app (`sst.config.ts` at the root): SST bundles each function handler with esbuild, so
    a package of the app that declares `sst` for its runtime helpers (`sst/node/api`) ships as a
    bundle (a console app: 73 DEP002 for `sst` in devDependencies). One that starts a process itself,
    or an app without the configuration, is judged as before."""
    def bundled(name: str, manifest: dict, config: bool = True) -> str | None:
        files = {f"{name}/packages/functions/package.json": {"name": "@notes/functions", "version": "0.0.0", **manifest}}
        if config:
            files[f"{name}/sst.config.ts"] = "export default { config() { return { name: 'notes' }; } };\n"
        write(tmp_path, files)
        found = bundle_of(read_manifest(str(tmp_path / name / "packages/functions/package.json")))
        return found.reason if found is not None else None

    helpers = {"devDependencies": {"sst": "2.43.4"}}
    assert "a package of an SST app (../../sst.config.ts" in (bundled("app", helpers) or "")
    assert bundled("plain", {"dependencies": {"@aws-sdk/client-dynamodb": "3.600.0"}}) is None
    assert bundled("server", {**helpers, "scripts": {"start": "node dist/server.js"}}) is None
    assert bundled("bare", helpers, config=False) is None


def test_in_a_versioned_app_that_names_nothing_to_import_what_only_its_dev_scripts_import_is_theirs(tmp_path):
    """A server package with a version but no `main`, `exports` or `bin`, started by `node
    dist/index.js`, whose `ts-node ./scripts/start.ts` dev script imports a webpack dev server
    config (a comment platform: 4 DEP002 for react-dev-utils): nothing installs or deep-imports the
    package, so the config is the script's; so it is when `main` names only the file `start` runs. A
    library offering a `module` build beside its `main` keeps it checked."""
    manifest = {"name": "@acme/comments-api", "version": "1.0.0",
                "scripts": {"start": "node dist/index.js", "start:devServer": "ts-node ./scripts/start.ts"},
                "dependencies": {"express": "^4.18.0"}, "devDependencies": {"react-dev-utils": "^12.0.0"}}
    root = write(tmp_path, {
        "package.json": manifest,
        "package-lock.json": {"lockfileVersion": 3, "packages": {"": {"name": "@acme/comments-api"},
                                                                 "node_modules/react-dev-utils": {"version": "12.0.0", "dev": True},
                                                                 "node_modules/express": {"version": "4.18.0"}}},
        "src/index.ts": 'import express from "express";\n\nexpress().listen(3000);\n',
        "scripts/start.ts": 'import config from "../config/devServer.config";\n\nconsole.log(config);\n',
        "config/devServer.config.ts": 'import overlay from "react-dev-utils/errorOverlayMiddleware";\n\n'
                                      "export default { setup: overlay };\n",
    })
    assert dep(root) == []
    write(root, {"package.json": {**manifest, "main": "dist/index.js"}})
    assert dep(root) == []
    write(root, {"package.json": {**manifest, "main": "dist/index.js", "module": "dist/index.mjs"}})
    assert dep(root) == [("DEP002", "config/devServer.config.ts", "react-dev-utils")]


def test_plural_playground_and_benchmark_folders_hold_no_shipping_code(tmp_path):
    """`playgrounds/bun` (a private demo app whose `start` script runs it with NODE_ENV=production, every
    package in devDependencies, as its siblings keep them) and `benches/`: examples and benchmarks,
    like the singular `playground/` and `bench/`; the same app in `apps/` is a service."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*", "playgrounds/*", "benches/*", "apps/*"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js"},
        "packages/core/src/index.ts": "export const core = 1;\n",
    }
    for folder in ("playgrounds/bun", "benches/load", "apps/bun"):
        files[f"{folder}/package.json"] = {"name": f"@acme/{folder.replace('/', '-')}", "version": "2.0.0", "private": True,
                                           "scripts": {"start": "NODE_ENV=production bun src/index.ts"},
                                           "devDependencies": {"@acme/core": "workspace:*", "kleur": "^4.1.5"}}
        files[f"{folder}/src/index.ts"] = "import kleur from 'kleur';\nimport { core } from '@acme/core';\n\nconsole.log(kleur.green(String(core)));\n"
    root = write(tmp_path, files)
    assert sorted(dep(root, select=("DEP002",))) == [("DEP002", "apps/bun/src/index.ts", "@acme/core"),
                                                     ("DEP002", "apps/bun/src/index.ts", "kleur")]


def test_a_package_named_by_a_placeholder_is_a_template(tmp_path):
    """`packages/create-acme/files/package.json` named `__name__` (or `{{name}}`): the project a
    scaffolder copies, which its users install; whatever its folder is called and whatever its
    entries reach, its imports are no dependencies of this repository."""
    for name in ("__name__", "{{ name }}", "acme-app"):
        root = write(tmp_path / name.strip("{} _"), {
            "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
            "packages/create-acme/package.json": {"name": "create-acme", "version": "1.0.0", "bin": {"create-acme": "bin.js"}},
            "packages/create-acme/files/package.json": {"name": name, "private": True, "version": "0.0.1",
                                                        "scripts": {"start": "node dist/app.js"},
                                                        "dependencies": {"@acme/rpc": "^1.0.0"}},
            "packages/create-acme/files/src/app.ts": "import { RpcClient } from '@acme/rpc';\nimport kleur from 'kleur';\n\n"
                                                     "new RpcClient(kleur.green('ok'));\n",
        })
        expected = [] if name != "acme-app" else [("DEP001", "packages/create-acme/files/src/app.ts", "kleur")]
        assert dep(root) == expected, name


def test_a_private_package_with_no_dependencies_and_no_entry_is_never_production_installed(tmp_path):
    """`apps/content` (a site a generator the linter does not know builds: `sitegen build`), private,
    every package in devDependencies, no entry point, nothing started: no production install of it
    exists, so its files' imports of devDependencies are no DEP002. A `dependencies` section, or a
    start script, says a production install exists: reported as before."""
    def content(extra: dict) -> Path:
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        return write(root, {
            "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
            "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js"},
            "packages/core/src/index.ts": "export const core = 1;\n",
            "apps/content/package.json": {"name": "@acme/content", "private": True,
                                          "scripts": {"dev": "sitegen dev", "build": "sitegen build"},
                                          "devDependencies": {"@acme/core": "workspace:*", "sitegen": "^1.0.0", "zod": "^3.23.0"},
                                          **extra},
            "apps/content/shared/snippet.ts": "import { z } from 'zod';\nimport { core } from '@acme/core';\n\n"
                                              "export const schema = z.object({ n: z.literal(core) });\n",
        })
    assert dep(content({}), select=("DEP002",)) == []
    assert len(dep(content({"dependencies": {"pino": "^9.0.0"}}), select=("DEP002",))) == 2
    started = content({"scripts": {"build": "sitegen build", "start": "node shared/snippet.js"}})
    assert len(dep(started, select=("DEP002",))) == 2


def test_the_bundle_reason_in_a_dep001_message_is_said_once(tmp_path):
    """"the package ships a bundle (a private app built by vite) and keeps its libraries there": the
    bundling reason inside the parentheses does not say "it ships a bundle" a second time."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*"]},
        "apps/api/package.json": {"name": "api", "private": True, "dependencies": {"dayjs": "^1.11.0"}},
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"build": "vite build"},
                                  "devDependencies": {"vite": "^5.4.0"}},
        "apps/web/vite.config.ts": "export default {};\n",
        "apps/web/src/main.ts": "import dayjs from 'dayjs';\n\nconsole.log(dayjs().format());\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "the package ships a bundle (a private app built by vite) and keeps its libraries there" in d.message, d.message


def test_nodemons_watch_and_ignore_values_are_no_script(tmp_path):
    """`"serve": "nodemon --watch \"src/**\" --ext \"ts,json\" --exec \"ts-node test/dev-server.ts\""`:
    a published plugin's development loop, whose watched glob was read as the script started (a
    real plugin got "declare its host in dependencies" advice as a service). nodemon's `--watch`,
    `-i`, `--delay` take a value; what follows them is the script (`nodemon -w dist dist/main.js`)."""
    from migrationlint.model.entry_points import is_service
    from migrationlint.model.workspace import Manifest

    def serves(command: str) -> bool:
        return is_service(Manifest(str(tmp_path / "package.json"), {"name": "@acme/plugin", "version": "1.0.0",
                                                                     "main": "dist/index.js", "scripts": {"serve": command}}))

    assert not serves('nodemon --watch "src/**" --ext "ts,json" --exec "ts-node test/dev-server.ts"')
    assert not serves("nodemon -w src -i dist --delay 2 --exec ts-node test/dev-server.ts")
    assert serves("nodemon -w dist dist/main.js")


def test_a_service_started_from_its_sources_runs_no_bundle(tmp_path):
    """A private service with `"build": "pkgroll"` beside `"start": "tsx ./src/index.ts"` (the image
    runs `yarn start`): the bundle is built, never run; the service imports its packages from
    node_modules, so a devDependency it loads is DEP002. Started from the build (`node
    dist/index.mjs`), or published (its users run the bundle), the bundle holds it."""
    def dep002(start: str) -> list:
        root = write(tmp_path / start.split()[0], {
            "package.json": {"name": "c", "type": "module", "private": True, "main": "src/index.ts",
                             "scripts": {"start": start, "build": "pkgroll"},
                             "dependencies": {"fastify": "^5.0.0"},
                             "devDependencies": {"pkgroll": "^2.5.1", "tsx": "^4.19.2", "chalk": "^5.0.0"}},
            "src/index.ts": "import Fastify from 'fastify';\nimport chalk from 'chalk';\n\n"
                            "console.log(chalk.green('up'));\nawait Fastify().listen({ port: 3000 });\n",
        })
        return [p for _, _, p in dep(root, select=("DEP002",))]

    assert dep002("tsx ./src/index.ts") == ["chalk"]
    assert dep002("node dist/index.mjs") == []
    # a published CLI whose `start` is a development convenience: its users run the bundle
    root = write(tmp_path / "published", {
        "package.json": {"name": "@acme/gateway", "version": "1.0.0", "bin": {"gw": "./dist/bin.js"},
                         "scripts": {"start": "tsx src/bin.ts", "build": "pkgroll"},
                         "devDependencies": {"pkgroll": "^2.5.1", "chalk": "^5.0.0"}},
        "src/bin.ts": "import chalk from 'chalk';\n\nconsole.log(chalk.green('up'));\n",
    })
    assert dep(root, select=("DEP002",)) == []


@pytest.mark.parametrize("build, packup, reported", [("strapi-plugin build", False, False),
                                                     ("pack-up build", False, False),
                                                     ("pack-up build", True, True),
                                                     ("tsc", False, True)])
def test_a_strapi_plugin_build_inlines_its_devdependencies(tmp_path, build, packup, reported):
    """A Strapi 5 plugin built by its SDK (`strapi-plugin build`, `@strapi/sdk-plugin`, or the
    `pack-up build` it grew from): everything but dependencies and peerDependencies is inlined into
    `dist/admin` and `dist/server`, so a devDependency the admin imports ships inside the bundle. A
    packup.config may name more externals (not read: reported as before), and a plain tsc build
    inlines nothing."""
    files = {
        "package.json": {"name": "strapi-plugin-demo", "version": "1.0.0", "files": ["dist"],
                         "exports": {"./strapi-admin": {"source": "./admin/src/index.ts", "import": "./dist/admin/index.mjs"},
                                     "./strapi-server": {"source": "./server/src/index.ts", "import": "./dist/server/index.mjs"}},
                         "scripts": {"build": build}, "peerDependencies": {"@strapi/strapi": "^5.0.0"},
                         "devDependencies": {"@strapi/sdk-plugin": "^5.3.0", "tiny-utils": "^1.0.0"}},
        "admin/src/index.ts": "import { flatten } from 'tiny-utils';\n\nexport default { register: () => flatten([]) };\n",
        "server/src/index.ts": "export default { register: () => undefined };\n",
    }
    if packup:
        files["packup.config.ts"] = "export default { externals: ['tiny-utils'] };\n"
    root = write(tmp_path, files)
    assert bool(dep(root, select=("DEP002",))) is reported


@pytest.mark.parametrize("peers, reported", [({"@nocobase/server": "2.x", "@nocobase/client": "2.x"}, False),
                                             ({"@nocobase/client": "2.x"}, False),
                                             ({"@acme/server": "2.x"}, True)])
def test_a_plugin_its_host_framework_builds_bundles_its_devdependencies(tmp_path, peers, reported):
    """A NocoBase plugin (it takes `@nocobase/server` or `@nocobase/client` as a peer) is built by the host's
    `nocobase build`, which bundles what it imports (server packages into dist/node_modules) and takes what
    the host shares from the host: its guide says to keep a plugin's packages in devDependencies (766 DEP002
    on a no-code platform's plugins, 611 of them `react`). A package that takes another host as a peer is
    judged as before. An undeclared package held nowhere stays DEP001's though a `declare module` types it:
    that build takes no bundler plugin that could serve the name as a virtual module (a kanban plugin's dead
    board lost its finding), and the fix follows the plugin's devDependencies."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/plugins/*"]},
        "packages/plugins/plugin-charts/package.json": {
            "name": "@acme/plugin-charts", "version": "2.0.0", "main": "./dist/server/index.js",
            "devDependencies": {"joi": "^17.13.0", "react": "^18.2.0"}, "peerDependencies": peers},
        "packages/plugins/plugin-charts/src/server/index.ts": "import Joi from 'joi';\n\nexport const schema = Joi.object();\n",
        "packages/plugins/plugin-charts/src/client/index.tsx": "import 'board-kit';\nimport React from 'react';"
                                                               "\n\nexport const Chart = () => React.createElement('div');\n",
        "packages/plugins/plugin-charts/src/global.d.ts": "declare module 'board-kit';\n",
        "yarn.lock": "# yarn lockfile v1\n\n\njoi@^17.13.0:\n  version \"17.13.3\"\n\n"
                     "react@^18.2.0:\n  version \"18.3.1\"\n",
    })
    found = dep(root)
    assert bool([f for f in found if f[0] == "DEP002"]) is reported, found
    undeclared = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
                  if d.extra.get("package") == "board-kit"]
    assert len(undeclared) == 1 and ("add -D board-kit" in undeclared[0].message) is not reported, undeclared


@pytest.mark.parametrize("folder, manifest, reported", [
    ("tools/integration", {}, False),
    ("tools/integration", {"dependencies": {"cors": "^2.8.5"}}, True),  # something installs it
    ("tools/integration", {"scripts": {"build": "tsc", "start": "node lib/index.js"}}, True),  # a service
    ("packages/integration", {}, True)])  # a library nothing uses yet, not a tools folder
def test_a_private_tools_package_nothing_uses_is_a_harness(tmp_path, folder, manifest, reported):
    """`tools/integration`, a framework's profiling harness: private, every package in devDependencies,
    a `main` its own benchmark scripts require, no start script, nothing depends on it or imports it
    (12 DEP002 errors advising dependencies). No install of it exists: its imports are a developer's.
    Declaring dependencies, or a start script, makes it something installed; outside a tools folder
    an unused library keeps its entries."""
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*", "tools/*"]},
        f"{folder}/package.json": {"name": "@demo/integration", "private": True, "main": "src/index.js",
                                   "scripts": {"build": "tsc"}, "devDependencies": {"express": "^4.19.2"}, **manifest},
        f"{folder}/tsconfig.json": {"compilerOptions": {"outDir": "lib", "rootDir": "src"}, "include": ["src"]},
        f"{folder}/src/index.ts": "import express from 'express';\n\nexport const app = express();\n",
        f"{folder}/test/bootstrap.benchmark.js": "const { app } = require('../lib/index.js');\napp.listen(0).close();\n",
    }
    assert bool(dep(write(tmp_path, files), select=("DEP002",))) is reported


@pytest.mark.parametrize("build, image, reported", [
    ("lerna run build --ignore transport-integration", None, False),
    ("pnpm -r --filter '!./integration/**' build", None, False),
    ("turbo run build --filter=!transport-integration", None, False),
    ("nx run-many -t build --exclude=transport-integration,docs", None, False),
    ("lerna run build --ignore transport-integration",
     "FROM node:22\nCOPY integration/transport ./\nRUN npm install\nCMD [\"node\", \"dist/main.js\"]\n", True),
    ("lerna run build", None, True)])
def test_a_private_app_the_workspace_build_leaves_out_is_a_test_harness(tmp_path, build, image, reported):
    """A library monorepo's private integration project (Nest CLI boilerplate start scripts, every
    import in devDependencies, the root's dependencies shared on purpose) that the root's build
    leaves out by name: its tests start it, nothing deploys it (a real one: 41 DEP002 and DEP005).
    An image that builds it, or a root build that builds it, keeps it a service."""
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*", "integration/*"],
                         "scripts": {"build": build}, "dependencies": {"@nestjs/common": "^11.0.0"}},
        "package-lock.json": {"lockfileVersion": 3, "packages": {"": {"name": "root"}}},
        "packages/transport/package.json": {"name": "@acme/transport", "version": "1.0.0", "main": "lib/index.js",
                                            "peerDependencies": {"@nestjs/common": "^11.0.0"}},
        "packages/transport/src/index.ts": "export const TRANSPORT = 'amqp';\n",
        "integration/transport/package.json": {
            "name": "transport-integration", "version": "1.0.0", "private": True,
            "scripts": {"start": "tsx src/main.ts", "start:prod": "node dist/main.js", "build": "tsc"},
            "dependencies": {"rimraf": "^6.0.0"}, "devDependencies": {"@acme/transport": "*", "tsx": "^4.0.0"}},
        "integration/transport/src/main.ts": "import { Module } from '@nestjs/common';\n"
                                             "import { TRANSPORT } from '@acme/transport';\n\n"
                                             "@Module({})\nexport class AppModule {}\nconsole.log(TRANSPORT);\n",
    }
    if image is not None:
        files["Dockerfile"] = image
    root = write(tmp_path, files)
    found = dep(root, select=("DEP002", "DEP005"))
    assert bool(found) is reported, found


@pytest.mark.parametrize("root_script, bundled", [("tsdown --workspace $INIT_CWD", True), ("tsdown", False)])
def test_a_build_the_workspace_root_runs_for_the_calling_package_is_its_build(tmp_path, root_script, bundled):
    """`"build": "pnpm -w run build:pkg"` with the root's `"build:pkg": "tsdown --workspace $INIT_CWD"`:
    the package's tsdown build, written once at the root (a middleware monorepo whose esbuild adapter
    lists esbuild and esbuild-wasm as tsdown externals for the application to install: they are its
    optional peers, not dependencies). A root script that does not work on the caller's folder builds
    something else."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "scripts": {"build:pkg": root_script}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "packages/transpiler/package.json": {
            "name": "@acme/transpiler", "version": "1.0.0", "type": "module", "files": ["dist"],
            "exports": {".": "./dist/index.mjs", "./wasm": "./dist/wasm.mjs"},
            "scripts": {"build": "pnpm -w run build:pkg"},
            "devDependencies": {"esbuild-wasm": "^0.25.0", "tiny-utils": "^1.0.0", "tsdown": "^0.15.0"}},
        "packages/transpiler/tsdown.config.ts": "import { defineConfig } from 'tsdown';\n\n"
                                                "export default defineConfig({ entry: { index: 'src/index.ts', wasm: "
                                                "'src/wasm.ts' }, external: ['esbuild-wasm'] });\n",
        "packages/transpiler/src/index.ts": "import { flatten } from 'tiny-utils';\n\nexport const all = flatten([]);\n",
        "packages/transpiler/src/wasm.ts": "import * as esbuild from 'esbuild-wasm';\n\nexport const build = esbuild.build;\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert sorted(d.extra["package"] for d in diags) == (["esbuild-wasm"] if bundled else ["esbuild-wasm", "tiny-utils"])
    wasm = next(d for d in diags if d.extra["package"] == "esbuild-wasm")
    assert ("build's external list leaves it out" in wasm.message) is bundled, wasm.message


@pytest.mark.parametrize("workspace, bundled", [("['packages/*']", True), ("true", True), ("['apps/*']", False), (None, False)])
def test_the_roots_tsdown_workspace_build_builds_each_member_with_its_own_config(tmp_path, workspace, bundled):
    """The root's `"build": "tsdown"` with `defineConfig({ workspace: ['packages/*'] })` builds every
    member by its own tsdown.config, though the members have no build script (a release tool's
    monorepo: 21 DEP002 on the private colour helper and the libraries its bundles inline). A
    `workspace` that names other folders, or none, builds nothing of the member."""
    root_config = "export default defineConfig({});\n" if workspace is None else \
        f"export default defineConfig({{ workspace: {workspace} }});\n"
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "type": "module", "scripts": {"build": "tsdown"},
                         "devDependencies": {"tsdown": "^0.22.14"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "tsdown.config.ts": "import { defineConfig } from 'tsdown/config';\n" + root_config,
        "packages/cli/package.json": {"name": "@acme/cli", "version": "1.0.0", "type": "module",
                                      "bin": {"acme": "./dist/index.mjs"}, "files": ["dist"],
                                      "exports": {".": "./dist/index.mjs"}, "devDependencies": {"@acme/color": "workspace:^"}},
        "packages/cli/src/index.ts": "import { red } from '@acme/color';\nconsole.log(red('hello'));\n",
        "packages/cli/tsdown.config.ts": "import { defineConfig } from 'tsdown/config';\n"
                                         "export default defineConfig({ entry: 'src/index.ts', format: 'esm' });\n",
        "packages/color/package.json": {"name": "@acme/color", "version": "1.0.0", "private": True, "type": "module",
                                        "exports": {".": "./src/index.ts"}},
        "packages/color/src/index.ts": "export const red = (s: string) => `[${s}]`;\n",
    })
    assert dep(root, select=("DEP002",)) == ([] if bundled else [("DEP002", "packages/cli/src/index.ts", "@acme/color")])


@pytest.mark.parametrize("deps, reported", [
    ("", []),  # tsdown's defaults: devDependencies inlined
    ("deps: { onlyBundle: ['commander', 'dedent'] },", []),
    ("deps: { onlyBundle: ['dedent'] },", ["commander"]),  # only what it lists is inlined
    ("deps: { neverBundle: [/^commander/] },", ["commander"]),
    ("external: ['commander'],", ["commander"]),
    ("deps: { onlyBundle: listed },", None),  # a list not read: no bundle claimed, as before
])
def test_the_roots_tsdown_config_builds_a_member_from_its_folder(tmp_path, deps, reported):
    """The root's `"build": "tsdown"` with `defineConfig([{ cwd: path.resolve('packages/cli'), ... }])`
    builds the member from its folder, though it has no build script nor config of its own (a framework's
    CLI monorepo: 54 DEP002 on what `deps.onlyBundle` inlines). What `external`, `deps.neverBundle` leave
    out, or `deps.onlyBundle` does not list, is the application's to install: reported."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "type": "module", "scripts": {"build": "tsdown"},
                         "devDependencies": {"tsdown": "^0.22.3"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "tsdown.config.ts": "import path from 'node:path';\nimport { defineConfig } from 'tsdown';\n"
                            "const listed = ['commander'].concat([]);\n"
                            f"export default defineConfig([\n  {{ cwd: path.resolve('packages/cli'), entry: ['src/index.ts'], {deps} }},\n"
                            "  { cwd: path.resolve('packages/other'), entry: ['src/index.ts'] },\n]);\n",
        "packages/cli/package.json": {"name": "acme-cli", "version": "0.17.0", "type": "module", "files": ["dist"],
                                      "bin": "./dist/bin.mjs", "exports": {".": "./dist/index.mjs"},
                                      "devDependencies": {"commander": "^15.0.0", "dedent": "^1.7.2"}},
        "packages/cli/src/index.ts": "import { Command } from 'commander';\nimport dedent from 'dedent';\n"
                                     "export const run = (argv: string[]) => new Command(dedent`acme`).parse(argv);\n",
    })
    found = [pkg for _, _, pkg in dep(root, select=("DEP002",))]
    assert found == (["commander", "dedent"] if reported is None else reported)


@pytest.mark.parametrize("dts_only, reported", [(True, []), (False, ["yaml"])])
def test_a_declarations_only_build_beside_the_codes_leaves_its_lists_unread(tmp_path, dts_only, reported):
    """The root's tsdown.config builds a member twice from its folder: the code, inlining `yaml`
    (`deps.onlyBundle`), and its declarations alone (`dts: { emitDtsOnly: true }`), whose `neverBundle`
    keeps `yaml` out of the types (a framework CLI's utilities: 4 DEP002 read the two lists as one). Which
    list is the code's is not read: the bundle is claimed with none. Without the declarations-only build,
    what `neverBundle` leaves out is reported as before."""
    dts = "dts: { emitDtsOnly: true }" if dts_only else "dts: false"
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "type": "module", "scripts": {"build": "tsdown"},
                         "devDependencies": {"tsdown": "^0.22.3"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "tsdown.config.ts": "import path from 'node:path';\nimport { defineConfig } from 'tsdown';\n"
                            "export default defineConfig([\n"
                            "  { cwd: path.resolve('packages/utils'), entry: ['src/index.ts'], dts: false, deps: { onlyBundle: ['yaml'] } },\n"
                            f"  {{ cwd: path.resolve('packages/utils'), entry: ['src/index.ts'], {dts}, deps: {{ neverBundle: ['yaml'] }} }},\n]);\n",
        "packages/utils/package.json": {"name": "@acme/utils", "version": "1.0.0", "type": "module", "files": ["dist"],
                                        "exports": {".": "./dist/index.mjs"}, "devDependencies": {"yaml": "^2.9.0"}},
        "packages/utils/src/index.ts": "import { parse } from 'yaml';\n\nexport const read = (s: string) => parse(s);\n",
    })
    assert [pkg for _, _, pkg in dep(root, select=("DEP002",))] == reported


@pytest.mark.parametrize("build", ["vite -c vite.libs.config.ts build", "vite build -c vite.libs.config.ts"])
def test_a_vite_build_with_options_before_its_command_is_a_vite_build(tmp_path, build):
    """`"build": "vite -c vite.libs.config.ts build"`: vite takes its options before the command too
    (a wiki's theme package: 1 DEP002 for the workspace package its library bundle inlines)."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "src/index.ts"},
        "packages/core/src/index.ts": "export const Scheme = { LIGHT: 'light' } as const;\n",
        "packages/themes/package.json": {"name": "@acme/themes", "version": "1.0.0", "main": "dist/libs/themes.umd.js",
                                         "files": ["dist"], "scripts": {"build": build},
                                         "devDependencies": {"@acme/core": "workspace:^", "vite": "^5.0.0"}},
        "packages/themes/vite.libs.config.ts": "import { defineConfig } from 'vite';\nexport default defineConfig({ build: "
                                               "{ lib: { entry: 'src/index.ts', name: 'themes' }, rollupOptions: { external: [] } } });\n",
        "packages/themes/src/index.ts": "import { Scheme } from '@acme/core';\nexport const Themes = { DEFAULT: Scheme.LIGHT };\n",
    })
    assert dep(root, select=("DEP002",)) == []


@pytest.mark.parametrize("site", ["vitepress", "rspress"])
def test_a_static_documentation_sites_data_loaders_run_at_build_time(tmp_path, site):
    """`site/guide/cli.data.ts` of a VitePress site (`"build": "vitepress build"`): its data loaders run
    while the site renders to static files, with its full install (a release tool's docs: 3 DEP002). So
    does an Rspress site's code (`rspress build`)."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/docs", "version": "0.0.1", "private": True, "type": "module",
                         "scripts": {"dev": f"{site} dev", "build": f"{site} build"},
                         "dependencies": {"vue": "^3.5.0"}, "devDependencies": {"vitepress": "^2.0.0"}},
        "guide/cli.data.ts": "import { defineLoader } from 'vitepress';\nexport default defineLoader({ load: () => [] });\n",
    })
    assert dep(root, select=("DEP002",)) == []


@pytest.mark.parametrize("steps_tsconfig, reported", [
    ({"extends": "./tsconfig.json", "compilerOptions": {"outDir": "steps-js"}, "include": ["steps"]}, False),
    ({"extends": "./tsconfig.json", "compilerOptions": {"outDir": "steps-js"}, "include": ["steps", "src"]}, True),
    (None, True)])
def test_published_scripts_another_program_loads_by_path_carry_the_loaders_dependencies(tmp_path, steps_tsconfig,
                                                                                       reported):
    """A schema package compiles its database steps with a tsconfig of their own into `steps-js/`, which
    `files` publishes beside `lib/`; no entry reaches them: a CLI finds the folder by path, copies it
    and imports each step, with its own dependencies (a real one: 269 DEP002 and 2 DEP001). A tsconfig
    that compiles the entries too, or none of its own, leaves the steps presumed shipping."""
    scripts = {"build": "tsc -p tsconfig.build.json && tsc -p tsconfig.build.steps.json" if steps_tsconfig
               else "tsc -p tsconfig.json"}  # without it, the main build compiles the steps into lib/
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/schema/package.json": {"name": "@acme/schema", "version": "1.0.0", "main": "./lib/index.js",
                                         "files": ["lib", "steps", "steps-js"], "scripts": scripts,
                                         "devDependencies": {"pgq": "^2.0.0", "typescript": "^5.4.0"}},
        "packages/schema/tsconfig.json": {"compilerOptions": {"outDir": "lib"}, "include": ["src", "steps"]},
        "packages/schema/tsconfig.build.json": {"extends": "./tsconfig.json", "include": ["src"]},
        "packages/schema/src/index.ts": "export type Step = { up(db: unknown): Promise<void> };\n",
        "packages/schema/steps/1.0.0-1700000000-add-t.ts": "import { sql } from 'pgq';\n\n"
                                                           "export const up = async (db: { query(q: unknown): "
                                                           "Promise<void> }) => db.query(sql`create table t ()`);\n",
    }
    if steps_tsconfig:
        files["packages/schema/tsconfig.build.steps.json"] = steps_tsconfig
    root = write(tmp_path, files)
    assert bool(dep(root, select=("DEP002",))) is reported


@pytest.mark.parametrize("manifest_extra, reported", [({}, False), ({"dependencies": {"zod": "^3.0.0"}}, True),
                                                      ({"bin": {"sync": "sync-docs.ts"}}, True),
                                                      ({"scripts": {"start": "medusa start"}}, True),
                                                      ({"version": "1.0.0", "scripts": {"sync": "tsx sync-docs.ts"}}, False),
                                                      ({"version": "1.0.0", "files": ["dist"]}, True),
                                                      # a build that only type-checks writes nothing to publish (a
                                                      # Lambda repository's shared folder: 6 DEP002)
                                                      ({"version": "1.0.0", "scripts": {"build": "tsc --noEmit"}}, False),
                                                      ({"version": "1.0.0", "scripts": {"build": "tsc"}}, True),
                                                      # npm init's `main` naming no file (a Hardhat project's folder:
                                                      # 35 DEP001 advised `dependencies` for its generated bindings)
                                                      ({"main": "index.js", "scripts": {"test": "hardhat test"}}, False)])
def test_a_package_of_devdependencies_only_with_nothing_to_load_is_tooling(tmp_path, manifest_extra, reported):
    """A workspace member with devDependencies only and no main, exports, bin or start script: scripts a
    CI job runs from the checkout (`npx tsx tools/sync-docs.ts`; a real one: 1 DEP002 and 3 DEP001 asking
    for dependencies; one with a version but no `files`, whose scripts run its files with tsx, too: 2
    more). A package with dependencies of its own, a bin, a start script (a framework's command line)
    or a `files` list to publish may ship: counted as before."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["tools"]},
        "tools/package.json": {"name": "@acme/tools", "type": "module",
                               "devDependencies": {"cms-client": "^6.0.0", "tsx": "^4.0.0"}, **manifest_extra},
        "tools/sync-docs.ts": "import { createClient } from 'cms-client';\n\ncreateClient({}).fetch('*');\n",
    })
    assert bool(dep(root, select=("DEP002",))) is reported


@pytest.mark.parametrize("runner_section, named, reported", [
    ("devDependencies", False, False),  # a one-off file no script names, beside files tsx runs
    ("devDependencies", True, False),
    ("dependencies", False, True),  # a runner a production install has: its files may run there
])
def test_a_package_whose_files_only_a_dev_runner_runs_is_tooling(tmp_path, runner_section, named, reported):
    """A package with dependencies but nothing to load or start, whose scripts run its files with tsx, a
    devDependency (`"backfill": "tsx ./backfill.ts"`): every file of it runs from the checkout with the
    whole install, the ones no script names too (a migration tools package's one-off `ch_copy.ts`, run by
    hand: 2 DEP002 asking to move a client into dependencies). With tsx among its dependencies, a production
    install could run them: counted as before."""
    scripts = {"backfill": "tsx ./backfill.ts", **({"copy": "npx tsx ./ch_copy.ts"} if named else {})}
    runner = {"tsx": "4.19.1"}
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["tools/*"]},
        "tools/migrate/package.json": {"name": "@acme/migrate", "version": "1.0.0", "scripts": scripts,
                                       "dependencies": {"zod": "3.23.8", **(runner if runner_section == "dependencies" else {})},
                                       "devDependencies": {"@clickhouse/client-web": "1.0.0",
                                                           **(runner if runner_section == "devDependencies" else {})}},
        "tools/migrate/backfill.ts": "import { z } from 'zod';\n\nconsole.log(z.string().parse('ok'));\n",
        "tools/migrate/ch_copy.ts": "import { createClient } from '@clickhouse/client-web';\n\n"
                                    "await createClient({ url: process.env.CH_URL }).ping();\n",
    })
    assert dep(root, select=("DEP002",)) == ([("DEP002", "tools/migrate/ch_copy.ts", "@clickhouse/client-web")]
                                             if reported else [])
    if not reported and not named:
        out = cli("--explain-file", "tools/migrate/ch_copy.ts", cwd=root).stdout.decode()
        assert "its scripts run its files with tsx, which only its devDependencies provide" in out, out


@pytest.mark.parametrize("start", [None, "react-router-serve preview/build/server/index.js"])
def test_an_app_in_a_folder_only_development_scripts_bundle_is_dev_tooling(tmp_path, start):
    """An email library whose `dev` and `preview:build` scripts run `react-router dev --config
    preview/vite.config.ts`: `preview/` is a site to look at the templates while they are written, served
    from the checkout (9 DEP001 and DEP002 asking the library to ship its preview's packages in
    dependencies). A start script that serves the folder's build deploys it: counted as before."""
    scripts = {"dev": "react-router dev --config preview/vite.config.ts",
               "preview:build": "react-router build --config preview/vite.config.ts", **({"start": start} if start else {})}
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/web/package.json": {"name": "@acme/web", "version": "1.0.0", "private": True,
                                  "dependencies": {"@acme/email": "*", "isbot": "^5.0.0"}},
        "apps/web/server.ts": "import { render } from '@acme/email';\n\nconsole.log(render());\n",
        "packages/email/package.json": {"name": "@acme/email", "version": "0.0.0", "main": "./index.ts", "files": ["index.ts"],
                                        "scripts": scripts, "dependencies": {"nodemailer": "^6.0.0"},
                                        "devDependencies": {"@react-router/dev": "^7.0.0", "vite": "^6.0.0"}},
        "packages/email/index.ts": "import nodemailer from 'nodemailer';\n\nexport const render = () => String(nodemailer);\n",
        "packages/email/preview/vite.config.ts": "import { reactRouter } from '@react-router/dev/vite';\n"
                                                 "import { defineConfig } from 'vite';\n\n"
                                                 "export default defineConfig({ plugins: [reactRouter()] });\n",
        "packages/email/preview/app/routes.ts": "import { type RouteConfig, index } from '@react-router/dev/routes';\n\n"
                                                "export default [index('routes/_index.tsx')] satisfies RouteConfig;\n",
        "packages/email/preview/app/entry.server.tsx": "import { isbot } from 'isbot';\n\n"
                                                       "export default (ua: string) => isbot(ua);\n",
    })
    found = [(d.code, Path(d.path).name, d.extra["package"], d.message.split(" to ")[-1].split(" ")[0])
             for d in pipeline.lint([str(root)], Settings(select=["DEP001", "DEP002"]), use_cache=False).diagnostics]
    if start is None:
        assert found == [("DEP001", "entry.server.tsx", "isbot", "devDependencies")], found
    else:
        assert [f[:3] for f in found] == [("DEP001", "entry.server.tsx", "isbot"), ("DEP002", "routes.ts", "@react-router/dev")]
        assert found[0][3] == "dependencies", found


@pytest.mark.parametrize("config, text", [
    ("codegen.yml", "schema: ./src/schema.ts\nrequire: ts-node/register/transpile-only\ndocuments: src/ops.ts\n"
                    "generates:\n  ./src/models.ts:\n    plugins: [typescript]\n"),
    ("codegen.ts", "import type { CodegenConfig } from '@graphql-codegen/cli';\n\nconst config: CodegenConfig = {\n"
                   "  schema: ['./src/schema.ts'],\n  documents: 'src/ops.ts',\n  generates: { './src/models.ts': "
                   "{ plugins: ['typescript'] } },\n};\nexport default config;\n"),
    (".graphqlrc.json", json.dumps({"schema": {"./src/schema.ts": {"loader": "x"}}, "documents": "src/ops.ts"})),
])
def test_a_schema_module_a_graphql_codegen_config_names_is_a_build_input(tmp_path, config, text):
    """`schema: ./src/schema.ts` in a package's codegen config: a code-first application built only
    so that graphql-codegen can introspect it, which no entry point loads (a GraphQL modules
    monorepo: 3 DEP001 asking three published packages to add reflect-metadata to dependencies).
    It is the generator's input, dev only: its undeclared import goes to devDependencies. The
    `documents:` file holds the queries the package ships, and still counts as shipping."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/module-core", "version": "1.0.0", "main": "lib/index.js", "files": ["lib"],
                         "scripts": {"generate": "graphql-codegen", "build": "npm run generate && tsc"},
                         "dependencies": {"graphql-modules": "^3.0.0"}, "devDependencies": {"@graphql-codegen/cli": "5.0.2"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "./lib", "rootDir": "./src"}, "include": ["src/**/*.ts"]},
        config: text,
        "src/index.ts": "export const createCoreModule = () => ({});\n",
        "src/schema.ts": "import 'reflect-metadata';\nimport { createApplication } from 'graphql-modules';\n\n"
                         "export default createApplication({ modules: [] });\n",
        "src/ops.ts": "import gql from 'graphql-tag';\n\nexport const me = gql`{ me }`;\n",
    })
    out = cli("--explain-file", "src/schema.ts", cwd=root).stdout.decode()
    assert f"dev only (not production): the schema module {config} names (`schema:`)" in out
    commands = {d.extra["package"]: d.message.rsplit("run `", 1)[-1] for d in pipeline.lint(
        [str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert commands == {"reflect-metadata": "npm install --save-dev reflect-metadata`",
                        "graphql-tag": "npm install graphql-tag`"}


@pytest.mark.parametrize("command, config, external, reported", [
    ("rolldown --config rolldown.config.ts", "rolldown.config.ts", "['fsevents', ...Object.keys(pkg.dependencies)]", False),
    ("rolldown -c", "rolldown.config.mjs", "['fsevents']", False),
    # `external: Object.keys(pkg.dependencies)` without a spread: the same names (a bundler plugin SDK: 6 DEP002)
    ("rolldown --config rollup.config.mjs", "rollup.config.mjs", "Object.keys(pkg.dependencies)", False),
    ("rolldown --config rollup.config.mjs", "rollup.config.mjs", "Object.keys(pkg.devDependencies)", True),
    ("rolldown -c build/bundle.config.ts", "build/bundle.config.ts", "['picocolors']", True),
    ("rollup -c", "rollup.config.mjs", "['fsevents']", True),  # no node-resolve plugin: bare imports stay imports
])
def test_a_rolldown_build_inlines_what_its_external_list_leaves_out(tmp_path, command, config, external, reported):
    """Rolldown resolves node_modules without a plugin, so a `rolldown -c` build inlines every import
    its `external` list does not name (a build tool's own package: 136 DEP002 for devDependencies
    its `dist/` holds). Two configs in one file each with an `external` list count together. rollup
    inlines only with its node-resolve plugin."""
    root = write(tmp_path, {
        "package.json": {"name": "buildtool", "version": "1.0.0", "type": "module", "exports": {".": "./dist/index.js"},
                         "files": ["dist"], "scripts": {"build": command},
                         "devDependencies": {"picocolors": "^1.1.0", "rolldown": "^1.0.0"}},
        config: "import { defineConfig } from 'rolldown';\nimport pkg from './package.json' with { type: 'json' };\n\n"
                "const client = defineConfig({ input: 'src/client.ts', external: ['@buildtool/env'] });\n"
                f"const node = defineConfig({{ input: {{ index: 'src/index.ts' }}, external: {external} }});\n"
                "export default [client, node];\n",
        "src/index.ts": "import colors from 'picocolors';\n\nexport const warn = (s: string) => colors.yellow(s);\n",
    })
    assert (("DEP002", "src/index.ts", "picocolors") in dep(root)) is reported


@pytest.mark.parametrize("call, reported", [
    ("import * as tsup from 'tsup';\n\nawait tsup.build({ entry: ['./src/index.ts'], external: ['esbuild'] });\n", False),
    ("import { build } from 'tsup';\n\nconst drivers = ['pg'];\nawait build({ entry: ['./src/index.ts'], "
     "external: ['esbuild', ...drivers] });\n", False),
    ("import { build } from 'tsup';\n\nawait build({ entry: ['./src/index.ts'], external: ['chalk'] });\n", True),
    ("import { build } from 'tsup';\n\nawait build({ entry: ['./src/index.ts'], skipNodeModulesBundle: true });\n", True),
])
def test_a_build_script_calling_tsups_api_bundles_like_its_cli(tmp_path, call, reported):
    """`"build": "tsx build.ts"` whose build.ts calls `tsup.build({...})`: the bundle holds every import
    that dependencies, peerDependencies and `external` leave out, as tsup's CLI does (a database
    toolkit's CLI: 62 DEP002 for devDependencies its dist/ inlines). An external list with a spread of
    a constant is not read; `skipNodeModulesBundle` keeps node_modules out of the bundle."""
    root = write(tmp_path, {
        "package.json": {"name": "kit", "version": "1.0.0", "exports": {".": {"import": "./index.mjs"}},
                         "scripts": {"build": "rm -rf ./dist && tsx build.ts && cp package.json dist/"},
                         "dependencies": {"esbuild": "^0.25.0"},
                         "devDependencies": {"chalk": "^5.2.0", "tsup": "^8.0.0", "tsx": "^4.0.0"}},
        "build.ts": call,
        "src/index.ts": "import chalk from 'chalk';\n\nexport const warn = (s: string) => chalk.yellow(s);\n",
    })
    assert (("DEP002", "src/index.ts", "chalk") in dep(root)) is reported


@pytest.mark.parametrize("helper", [
    "function getDeps() {\n  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));\n"
    "  return [...Object.keys(pkg.dependencies || {}), ...Object.keys(pkg.optionalDependencies || {})];\n}\n",
    "const getDeps = () => [...Object.keys(pkg.dependencies || {})];\n",
    "const deps = [...Object.keys(pkg.dependencies || {})];\nconst getDeps = () => [...deps];\n",
    "function deps() {\n  return [...Object.keys(pkg.dependencies || {})];\n}\n"
    "async function run() {\n  const getDeps = deps;\n  const all = deps();\n  return all;\n}\n"
    "function getDeps() {\n  const all = deps();\n  return [...all];\n}\n",
])
def test_an_external_list_spread_from_a_function_of_the_build_file_is_read(tmp_path, helper):
    """`external: [...getDeps(), 'bun:sqlite']` where `getDeps` (a function of the same build file)
    returns the manifest's own sections: the same list as the spread written inline, so the bundle
    inlines the devDependencies (a database CLI: 78 DEP002 on an esbuild bundle). A function
    returning anything else keeps the list unread."""
    def build(helper_text: str) -> list:
        return dep(write(tmp_path / str(len(list(tmp_path.iterdir()))), {
            "package.json": {"name": "@acme/cli", "version": "1.0.0", "type": "module", "bin": {"acme": "./dist/index.js"},
                             "files": ["/dist"], "scripts": {"build": "node ./build.mjs"},
                             "dependencies": {"esbuild": "^0.23.1"}, "devDependencies": {"ora": "^8.2.0"}},
            "build.mjs": "import { build } from 'esbuild';\nimport { readFileSync } from 'fs';\n"
                         "const pkg = JSON.parse(readFileSync('package.json', 'utf8'));\n" + helper_text +
                         "await build({ entryPoints: ['src/index.ts'], outdir: 'dist', bundle: true, platform: 'node', "
                         "external: [...getDeps(), 'bun:sqlite'] });\n",
            "src/index.ts": "import ora from 'ora';\n\nora('x').start();\n",
        }))

    assert build(helper) == []
    assert build("const getDeps = () => readDeps();\n") == [("DEP002", "src/index.ts", "ora")]


@pytest.mark.parametrize("private", [True, False])
def test_a_private_extension_bundled_by_rolldown_ships_its_devdependencies_inside(tmp_path, private):
    """A VS Code extension is published to the Marketplace, not npm: `"private": true`, and its
    `vscode:prepublish` bundles with rolldown (`external: ['vscode']`): its devDependencies are in the
    bundle, private or not (a Vue tooling monorepo: 11 DEP002)."""
    manifest = {"name": "acme-vscode", "version": "0.0.1", "engines": {"vscode": "^1.88.0"}, "main": "./dist/extension.js",
                "scripts": {"vscode:prepublish": "rolldown --config"},
                "devDependencies": {"@types/vscode": "1.88.0", "reactive-vscode": "^1.0.2", "rolldown": "^1.0.0"}}
    if private:
        manifest["private"] = True
    root = write(tmp_path, {
        "package.json": manifest,
        "rolldown.config.ts": "import { defineConfig } from 'rolldown';\n\nexport default defineConfig({ input: "
                              "{ extension: './src/extension.ts' }, output: { format: 'cjs' }, external: ['vscode'] });\n",
        "src/extension.ts": "import { defineExtension } from 'reactive-vscode';\n\nexport const { activate } = defineExtension(() => {});\n",
    })
    assert dep(root) == []


@pytest.mark.parametrize("config, reported", [
    (None, False),
    ("import react from '@astrojs/react';\n\nexport default { integrations: [react()] };\n", False),
    ("import node from '@astrojs/node';\n\nexport default { output: 'server', adapter: node({ mode: 'standalone' }) };\n", True),
])
def test_a_static_astro_site_is_a_bundle(tmp_path, config, reported):
    """`astro build` of a site with no server adapter renders at build time: vite bundles every
    import, the React islands' too, into static pages, as for a vite app (a realtime framework's
    docs site: a DEP005 for a package only the root declares). A server build (an adapter, `output:
    'server'`) runs its dependencies from an install, and stays checked."""
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*"], "dependencies": {"ws-client-lib": "^1.0.0"}},
        "apps/site/package.json": {"name": "@acme/site", "private": True, "type": "module", "version": "0.0.1",
                                   "scripts": {"build": "astro build", "start": "astro preview"},
                                   "dependencies": {"astro": "^4.3.5", "@astrojs/react": "^3.0.10"}},
        "apps/site/src/presence.tsx": "import { connect } from 'ws-client-lib';\n\nexport const c = connect();\n",
    }
    if config is not None:
        files["apps/site/astro.config.mjs"] = config
    found = dep(write(tmp_path, files), select=("DEP005",))
    assert bool(found) is reported


@pytest.mark.parametrize("importer, reported", [
    ("import type { Sentry } from './sentry';\n\nexport type Ctx = { sentry: Sentry };\n", False),
    ("import { check } from './sentry';\n\nexport type Ctx = { ok: typeof check };\nexport const c = check;\n", True),
])
def test_a_file_its_package_imports_only_for_types_does_not_ship(tmp_path, importer, reported):
    """`sentry.ts` declares a type and checks two SDKs against it at compile time; the package
    imports it only with `import type` (through `export type *` from the entry): the compiler erases
    those imports, nothing loads the file, and its SDKs may stay devDependencies (an agent toolkit:
    2 DEP002). A value import makes it shipping code."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*", "apps/*"]},
        "packages/hono/package.json": {"name": "@acme/hono", "private": True, "exports": {".": "./src/index.ts"},
                                       "dependencies": {"@sentry/core": "^9.0.0"}, "devDependencies": {"@sentry/node": "^9.0.0"}},
        "packages/hono/src/index.ts": "export type * from './types';\nexport const ok = true;\n",
        "packages/hono/src/types.ts": importer,
        "packages/hono/src/sentry.ts": "import * as SentryNode from '@sentry/node';\n\nexport type Sentry = { captureException(e: unknown): string };\n"
                                       "export const check: Sentry = SentryNode;\n",
        "apps/api/package.json": {"name": "api", "private": True, "scripts": {"start": "tsx src/server.ts"},
                                  "dependencies": {"@acme/hono": "workspace:*"}},
        "apps/api/src/server.ts": "import { ok } from '@acme/hono';\n\nconsole.log(ok);\n",
    })
    assert (("DEP002", "packages/hono/src/sentry.ts", "@sentry/node") in dep(root)) is reported


@pytest.mark.parametrize("run, reported", [("npm run -S esbuild-base -- --minify", False),
                                           ("npm run --silent esbuild-base", False),
                                           ("npm run -S lint", True)])
def test_a_bundle_script_run_by_name_with_silencing_flags_bundles(tmp_path, run, reported):
    """`"build": "npm run -S esbuild-base -- --minify"`: the script named after npm's silencing flag is
    the esbuild bundle that makes `main` (a real VS Code extension: a DEP002 moving an inlined library
    into dependencies). Naming a script that bundles nothing says nothing of bundling."""
    root = write(tmp_path, {
        "package.json": {"name": "acme-remote", "publisher": "acme", "version": "0.0.6", "main": "./dist/extension.js",
                         "engines": {"vscode": "^1.75.0"},
                         "scripts": {"esbuild-base": "esbuild ./src/extension.ts --bundle --outfile=dist/extension.js "
                                                     "--external:vscode --format=cjs --platform=node",
                                     "lint": "eslint src", "build": run},
                         "dependencies": {"yaml": "^2.2.1"},
                         "devDependencies": {"@types/vscode": "^1.75.0", "esbuild": "^0.17.10", "glob": "^9.2.1"}},
        "src/extension.ts": "import * as glob from 'glob';\nimport * as yaml from 'yaml';\n"
                            "export function activate(): string { return yaml.stringify(glob.sync('*.yml')); }\n",
    })
    assert dep(root) == ([("DEP002", "src/extension.ts", "glob")] if reported else [])


@pytest.mark.parametrize("subpath, reported", [("./style/styles.css", False), ("./tailwind.config.js", False),
                                              ("./style/index.js", True)])
def test_a_stylesheet_export_leaves_a_source_only_library_internal(tmp_path, subpath, reported):
    """`@acme/ui` at 0.0.0 whose `main` and `exports["."]` name `.tsx` source, only a Next app that
    transpiles it imports it: a library of the repository, whose react comes from the app (a real
    screen recorder: 14 DEP002). An `exports` entry for its stylesheet is data Node never loads as a
    module, and one for its tailwind config is read by the user's build tool: neither changes anything;
    a JavaScript subpath is an entry an install could load."""
    write(tmp_path, {
        "package.json": {"name": "root", "private": True, "packageManager": "pnpm@10.0.0"},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
        "packages/ui/package.json": {"name": "@acme/ui", "version": "0.0.0", "main": "./src/index.tsx",
                                     "exports": {".": "./src/index.tsx", "./style": subpath},
                                     "devDependencies": {"react": "19.2.4", "typescript": "^5.8.3"}},
        "packages/ui/tsconfig.json": {"compilerOptions": {"jsx": "react-jsx", "moduleResolution": "bundler"}, "include": ["src"]},
        "packages/ui/src/index.tsx": "export { Button } from './Button';\n",
        "packages/ui/src/Button.tsx": "import * as React from 'react';\n"
                                      "export const Button = () => React.createElement('button');\n",
        "apps/web/package.json": {"name": "@acme/web", "private": True, "scripts": {"build": "next build"},
                                  "dependencies": {"@acme/ui": "workspace:*", "next": "16.0.0", "react": "19.2.4"}},
        "apps/web/next.config.js": "module.exports = { transpilePackages: ['@acme/ui'] };\n",
        "apps/web/app/page.tsx": "import { Button } from '@acme/ui';\nexport default function Page() { return Button(); }\n",
    })
    assert bool(dep(tmp_path, select=("DEP002",))) is reported


def test_shared_source_only_bundled_handlers_ship_stays_in_their_bundles(tmp_path):
    """Lambda handlers bundled by esbuild import a private library (`catalog`, declared by them) and
    loose files of `modules/` (whose package.json the `modules/*` glob leaves out) through aliases;
    a folder of scripts run with tsx (no entry, nothing started) also declares the library (a real
    Lambda monorepo: 3 DEP002, 3 DEP005). That script folder deploys nothing, so it does not keep the
    library out of the bundles; and no install ever reads the non-member manifest, so asking it to
    declare zod changes nothing. With the scripts package a versioned service, the library ships unbundled."""
    files = {
        "package.json": {"name": "lambdas", "private": True, "packageManager": "pnpm@10.11.0",
                         "devDependencies": {"zod": "catalog:", "typescript": "^5.4.5", "esbuild": "^0.25.4"}},
        "pnpm-workspace.yaml": "packages:\n  - 'handlers/*'\n  - 'modules/*'\ncatalog:\n  zod: ^4.4.3\n",
        "modules/package.json": {"name": "modules", "version": "1.0.0", "scripts": {"build": "tsc --noEmit"}},
        "modules/stage.ts": "import { z } from 'zod';\nexport const stage = z.enum(['CODE', 'PROD']).parse(process.env.STAGE);\n",
        "modules/catalog/package.json": {"name": "catalog", "scripts": {"build": "tsc --noEmit"},
                                         "dependencies": {"dayjs": "^1.11.13"}, "devDependencies": {"zod": "catalog:"}},
        "modules/catalog/src/catalog.ts": "import { z } from 'zod';\nexport const product = z.object({ id: z.string() });\n",
        "modules/sync-user/package.json": {"name": "sync-user", "scripts": {"sync-user": "tsx ./src/syncUser.ts"},
                                           "dependencies": {"catalog": "workspace:*"},
                                           "devDependencies": {"tsx": "^4.21.0"}},
        "modules/sync-user/tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {
            "@modules/catalog/*": ["../catalog/src/*"]}}, "include": ["src"]},
        "modules/sync-user/src/syncUser.ts": "import { product } from '@modules/catalog/catalog';\nconsole.log(product);\n",
        "handlers/api/package.json": {"name": "api", "scripts": {
            "build": "esbuild --bundle --platform=node --outdir=target/ src/index.ts"},
            "dependencies": {"zod": "catalog:", "catalog": "workspace:*"}},
        "handlers/api/tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {
            "@modules/*": ["../../modules/*"], "@modules/catalog/*": ["../../modules/catalog/src/*"]}}, "include": ["src"]},
        "handlers/api/src/index.ts": "import { product } from '@modules/catalog/catalog';\nimport { stage } from '@modules/stage';\n"
                                     "export const handler = async (body: string) => [stage, product.parse(JSON.parse(body))];\n",
    }
    write(tmp_path / "scripts", files)
    assert dep(tmp_path / "scripts", select=("DEP002", "DEP005")) == []
    started = {**files, "modules/sync-user/package.json": {**files["modules/sync-user/package.json"], "version": "1.0.0",
                                                           "main": "dist/syncUser.js", "scripts": {"start": "node dist/syncUser.js"}}}
    write(tmp_path / "started", started)
    assert [(c, p) for c, p, _ in dep(tmp_path / "started", select=("DEP002",))] == [("DEP002", "modules/catalog/src/catalog.ts")]


@pytest.mark.parametrize("build, reported", [("tsc -p tsconfig.lib.json", False), ("nest build", True)])
def test_a_published_librarys_leftover_nest_cli_json_starts_nothing(tmp_path, build, reported):
    """A library published from `lib/` (`files: ["dist-lib"]`, built by `tsc -p tsconfig.lib.json`) keeps
    a demo app in `src/` and the `nest-cli.json` the Nest CLI scaffolded: nothing runs the Nest CLI, so
    `src/main.ts` is no production entry and its devDependency `helmet` breaks no install (a real
    GraphQL helpers library: 18 findings). A build that runs the Nest CLI makes it the entry again."""
    write(tmp_path, {
        "package.json": {"name": "nest-gql-helpers", "version": "1.0.0", "main": "dist-lib/index.js",
                         "files": ["dist-lib"], "scripts": {"build": build, "start:dev": "ts-node src/main.ts"},
                         "peerDependencies": {"@nestjs/common": ">= 9.0.0"}, "dependencies": {"dataloader": "^2.0.0"},
                         "devDependencies": {"@nestjs/common": "^10.0.0", "helmet": "^7.0.0", "ts-node": "^10.9.1"}},
        "nest-cli.json": {"collection": "@nestjs/schematics", "sourceRoot": "src"},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist"}},
        "tsconfig.lib.json": {"extends": "./tsconfig.json", "compilerOptions": {"outDir": "dist-lib"}, "include": ["lib"]},
        "lib/index.ts": "import DataLoader from 'dataloader';\nexport const loader = DataLoader;\n",
        "src/main.ts": "import helmet from 'helmet';\nexport const h = helmet();\n",
    })
    assert bool(dep(tmp_path, select=("DEP002",))) is reported


def test_a_workspace_package_a_nest_cli_json_above_builds_as_an_app_has_its_entry(tmp_path):
    """The root's nest-cli.json names `apps/api` (a workspace package with its own package.json,
    `peerDependencies` of a shared package) as the application project `api`: its main is the package's
    entry, so it is an application, and what it imports goes to dependencies, not peerDependencies as
    for a published library (a real fitness platform: 77 pieces of peer advice)."""
    root = write(tmp_path, {
        "package.json": {"name": "fit", "private": True, "workspaces": ["apps/*"]},
        "nest-cli.json": {"monorepo": True, "root": "apps/api", "sourceRoot": "apps/api/src",
                          "projects": {"api": {"type": "application", "root": "apps/api", "sourceRoot": "apps/api/src",
                                               "entryFile": "main"}}},
        "yarn.lock": '# yarn lockfile v1\n\n\n"@nestjs/mapped-types@^0.4.1":\n  version "0.4.1"\n',
        "apps/api/package.json": {"name": "@acme/api", "version": "1.0.0", "peerDependencies": {"@acme/common": "*"},
                                  "dependencies": {"@nestjs/common": "^8.0.0"}},
        "apps/api/src/main.ts": "import { UpdateUserDto } from './dto/update-user.dto';\nconsole.log(UpdateUserDto);\n",
        "apps/api/src/dto/update-user.dto.ts": "import { PartialType } from '@nestjs/mapped-types';\n"
                                               "export class UpdateUserDto extends PartialType(Object) {}\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'to dependencies' in d.message and "peerDependencies" not in d.message, d.message


def test_main_is_no_entry_when_exports_names_subpaths_only(tmp_path):
    """`"exports": {"./typescript/*": ...}` with no `"."`: Node and bundlers refuse the package's root
    (ERR_PACKAGE_PATH_NOT_EXPORTED) and never read `"main": "index.js"` (a real ERP's config
    package, whose src/index.ts was taken for its main). With a `"."` export, main is an entry."""
    from migrationlint.model.entry_points import declared_entries

    def entries(exports: dict) -> list[str]:
        root = write(tmp_path / str(len(exports)), {"package.json": {"name": "@erp/config", "version": "1.0.0",
                                                                     "main": "index.js", "exports": exports}})
        return [origin for _, origin in declared_entries(read_manifest(str(root / "package.json")))]
    assert entries({"./typescript/*": "./typescript/*"}) == []
    assert entries({".": "./index.js", "./typescript/*": "./typescript/*"})[0] == 'package.json "main"'


@pytest.mark.parametrize("private, reported", [(True, []), (False, ["vitest"])])
def test_a_private_packages_testing_export_is_test_support(tmp_path, private, reported):
    """`"./testing": "./src/testing/index.ts"` of a private database package whose helpers only the
    workspace's specs import (a real mail app: 3 DEP002 asking to move vitest and pglite to
    dependencies); a published package's `./testing` is its users' (the runner a peer, DEP002 a warning)."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/db/package.json": {"name": "@acme/db", "version": "0.1.0", "type": "module", "private": private,
                                     "main": "./src/index.ts", "files": ["src"],
                                     "exports": {".": "./src/index.ts", "./testing": "./src/testing/index.ts"},
                                     "devDependencies": {"vitest": "^2.0.0"}},
        "packages/db/src/index.ts": "export const connect = () => 1;\n",
        "packages/db/src/testing/index.ts": "import { vi } from 'vitest';\n\nexport const fakeDb = () => vi.fn();\n",
    })
    assert [p for _, _, p in dep(root, select=("DEP002",))] == reported


@pytest.mark.parametrize("marker", ["Pulumi.yaml", "cdktf.json", None])
def test_an_infrastructure_program_is_run_by_its_cli_not_shipped(tmp_path, marker):
    """`deploys/iac/pulumi/` holds a Pulumi.yaml and its program (`index.ts` importing `@pulumi/aws`):
    the Pulumi CLI runs it on a developer's or CI machine to deploy, never the service (a legal
    assistant's Nx workspace: 5 DEP002 errors). So does a CDK for Terraform app (cdktf.json). Without
    such a file, the folder is presumed to ship."""
    files = {
        "package.json": {"name": "acme", "private": True, "scripts": {"start": "node dist/src/main.js", "build": "tsc"},
                         "dependencies": {"@nestjs/core": "^10.0.0"},
                         "devDependencies": {"@pulumi/pulumi": "^3.101.1", "@pulumi/aws": "^6.18.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist"}},
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\n\nexport const factory = NestFactory;\n",
        "deploys/iac/pulumi/index.ts": "import * as pulumi from '@pulumi/pulumi';\nimport { bucket } from './storage/bucket';\n\n"
                                       "export const name = pulumi.output(bucket.id);\n",
        "deploys/iac/pulumi/storage/bucket.ts": "import * as aws from '@pulumi/aws';\n\nexport const bucket = new aws.s3.Bucket('assets');\n",
    }
    if marker == "Pulumi.yaml":
        files["deploys/iac/pulumi/Pulumi.yaml"] = "name: acme\nruntime: nodejs\ndescription: infrastructure\n"
    elif marker == "cdktf.json":
        files["deploys/iac/pulumi/cdktf.json"] = {"language": "typescript", "app": "npx ts-node index.ts"}
    root = write(tmp_path, files)
    found = dep(root)
    assert found == ([] if marker else [("DEP002", "deploys/iac/pulumi/index.ts", "@pulumi/pulumi"),
                                        ("DEP002", "deploys/iac/pulumi/storage/bucket.ts", "@pulumi/aws")]), found


@pytest.mark.parametrize("vercel, severity", [
    ({"functions": {"api/index.ts": {"maxDuration": 30}}}, "error"),
    ({"version": 2}, "error"),  # zero configuration: `api/` holds the functions
    ({"builds": [{"src": "api/index.ts", "use": "@vercel/node"}]}, "error"),
    (None, "warning"),
])
def test_a_vercel_function_is_an_entry_point(tmp_path, vercel, severity):
    """`api/index.ts` that boots the Nest app on Vercel, outside the tsconfig's `src` (a stock-alert
    API): Vercel loads it in production, so its undeclared `express` is an error, not "most likely dead
    code". Without a vercel.json, nothing says anything runs it."""
    files = {
        "package.json": {"name": "api", "private": True, "scripts": {"build": "nest build"},
                         "dependencies": {"@nestjs/core": "^10.0.0"}},
        "tsconfig.json": {"compilerOptions": {"rootDir": "./src", "outDir": "./dist"}, "include": ["src/**/*"]},
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\n\nexport const factory = NestFactory;\n",
        "api/index.ts": "import express from 'express';\n\nexport default express();\n",
        "api/_helpers.ts": "import cors from 'cors';\n\nexport const c = cors;\n",
    }
    if vercel is not None:
        files["vercel.json"] = vercel
    found = [(d.path.rsplit("/", 1)[1], d.severity.value) for d in
             pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert ("index.ts", severity) in found, found
    assert ("_helpers.ts", "error") not in found, found


def test_a_vercel_catch_all_build_deploys_no_spec_and_a_static_build_no_function(tmp_path):
    """A legacy `builds` entry `{"src": "src/**/*.ts", "use": "@vercel/node"}` over a Nest app: its
    glob also matches `app.controller.spec.ts`, which is no function (26 DEP002 errors on an admin
    API said `@nestjs/testing` must ship); a `@vercel/static` build's files are served, not run.
    The specs' imports stay the tests' own; a real handler the Node builder deploys stays an entry."""
    files = {
        "package.json": {"name": "admin-api", "private": True, "scripts": {"build": "nest build", "test": "jest"},
                         "dependencies": {"@nestjs/core": "^10.0.0"},
                         "devDependencies": {"@nestjs/testing": "^10.0.0", "jest": "^29.0.0", "dayjs": "^1.11.0"}},
        "tsconfig.json": {"compilerOptions": {"rootDir": "./src", "outDir": "./dist"}, "include": ["src/**/*"]},
        "vercel.json": {"version": 2, "builds": [{"src": "src/**/*.ts", "use": "@vercel/node@3"},
                                                 {"src": "edge/**/*.ts", "use": "@vercel/static"}],
                        "routes": [{"src": "/(.*)", "dest": "dist/main.js"}]},
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\n\nexport const factory = NestFactory;\n",
        "src/app.controller.spec.ts": "import { Test } from '@nestjs/testing';\n\ndescribe('app', () => { it('boots', () => Test); });\n",
        "edge/widget.ts": "export const served = 'as a file';\n",
    }
    assert dep(write(tmp_path / "app", files)) == []
    out = cli("--no-cache", "--explain-file", "edge/widget.ts", cwd=tmp_path / "app").stdout.decode()
    assert "widget.ts: " in out and "Vercel function" not in out.splitlines()[0] and "edge/widget.ts (a Vercel" not in out
    handler = {**files, "src/clock.ts": "import dayjs from 'dayjs';\n\nexport default () => dayjs().format();\n"}
    out = cli("--no-cache", "--explain-file", "src/clock.ts", cwd=write(tmp_path / "handler", handler)).stdout.decode()
    assert "src/clock.ts: ships (production): an entry point (a Vercel function (vercel.json))" in out, out


def test_vercel_functions_ship_what_they_import_from_the_build_install(tmp_path):
    """`api/vercel_webhook.ts` importing `raw-body`, a devDependency, in a package Vercel deploys as
    functions: Vercel's build installs devDependencies and packs what each function imports, so no
    production install leaves it out (a reader app's webhook, and an admin API: DEP002 "move it to
    dependencies"). A package with a Dockerfile beside it deploys some other way too: reported."""
    files = {
        "package.json": {"name": "web", "private": True, "scripts": {"build": "tsc --noEmit"},
                         "dependencies": {"zod": "^3.23.0"}, "devDependencies": {"raw-body": "^3.0.0"}},
        "vercel.json": {"functions": {"api/*.ts": {"maxDuration": 10}}},
        "api/vercel_webhook.ts": "import getRawBody from 'raw-body';\n\nexport default async (req: never) => getRawBody(req);\n",
    }
    assert dep(write(tmp_path / "vercel", files)) == []
    imaged = {**files, "Dockerfile": "FROM node:22\nCOPY . .\nRUN npm ci --omit=dev\nCMD [\"node\", \"server.js\"]\n"}
    assert dep(write(tmp_path / "imaged", imaged)) == [("DEP002", "api/vercel_webhook.ts", "raw-body")]


@pytest.mark.parametrize("serve", ["bash -lc 'export PORT=4000; npm run start:dev'", "npm run start:dev"])
def test_a_quoted_shell_string_in_an_nx_target_keeps_the_build_known(tmp_path, serve):
    """An Nx project whose `build` runs `npm run build` (nest build over tsconfig.build.json, which
    excludes `src/wip`) and whose `serve` runs `bash -lc 'export PORT=4000; npm run start:dev'`: the
    `;` inside the quoted string split the command apart, the lexer failed, and the build turned unknown,
    so the parked `src/wip/hasher.ts` shipped (an email manager: its devDependency `argon2` a DEP002).
    A `serve` target builds nothing of the output either way."""
    root = write(tmp_path, {
        "package.json": {"name": "ws", "private": True, "workspaces": ["apps/*"], "devDependencies": {"nx": "21.1.2"}},
        "nx.json": {},
        "apps/api/package.json": {"name": "api", "private": True, "scripts": {"build": "nest build", "start:dev": "nest start --watch"},
                                  "dependencies": {"@nestjs/core": "^11.0.0"}, "devDependencies": {"argon2": "^0.41.1"}},
        "apps/api/nest-cli.json": {"sourceRoot": "src"},
        "apps/api/project.json": {"name": "api", "targets": {
            "build": {"executor": "nx:run-commands", "options": {"cwd": "apps/api", "command": "npm run build"}},
            "serve": {"executor": "nx:run-commands", "options": {"cwd": "apps/api", "command": serve}}}},
        "apps/api/tsconfig.json": {"compilerOptions": {"outDir": "./dist"}},
        "apps/api/tsconfig.build.json": {"extends": "./tsconfig.json", "exclude": ["node_modules", "dist", "src/wip"]},
        "apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\n\nexport const f = NestFactory;\n",
        "apps/api/src/wip/hasher.ts": "import { hash } from 'argon2';\n\nexport const hashPassword = (p: string) => hash(p);\n",
    })
    assert dep(root) == []


def test_a_source_pool_that_nested_function_bundles_inline_ships_inside_them(tmp_path):
    """A Lambda repository's root package keeps the shared source (`src/db.ts`, entities) and a
    package per function inside it (`src/fooLoop/`, `esbuild index.ts --bundle`), whose entry imports
    the pool by `../db`: the pool's files its own entry never reaches ship inside the function's
    bundle, built from the checkout's full install (126 DEP002 errors on a real repository said a
    production install of the root lacked `typeorm`). A pool file no bundle reaches keeps its error,
    and so does one an example app's bundle alone reaches (examples ship nothing)."""
    write(tmp_path, {
        "package.json": {"name": "backend", "version": "1.0.0", "main": "backend.js",
                         "scripts": {"build": "tsc -p tsconfig.json"},
                         "dependencies": {"axios": "^1.6.0"}, "devDependencies": {"typeorm": "^0.3.20"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "build", "rootDir": "src"}, "include": ["src"]},
        "src/backend.ts": "console.log('local loop runner');\n",
        "src/db.ts": "import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'mysql' });\n",
        "src/orphan.ts": "import { Entity } from 'typeorm';\n@Entity()\nexport class Orphan {}\n",
        "src/shown.ts": "import { Column } from 'typeorm';\nexport class Shown { @Column() name = ''; }\n",
        "src/fooLoop/package.json": {
            "name": "fooloop", "version": "1.0.0", "main": "index.ts",
            "scripts": {"build": "esbuild index.ts --bundle --platform=node --outfile=dist/index.js"},
            "devDependencies": {"esbuild": "^0.20.0"}},
        "src/fooLoop/index.ts": "import { ds } from '../db';\nexport const handler = async () => { await ds.initialize(); };\n",
        "src/examples/demo/package.json": {
            "name": "demo", "private": True, "scripts": {"build": "esbuild main.ts --bundle --outfile=dist/main.js"}},
        "src/examples/demo/main.ts": "import { Shown } from '../../shown';\nconsole.log(new Shown());\n",
    })
    assert sorted(f for code, f, _ in dep(tmp_path) if code == "DEP002") == ["src/orphan.ts", "src/shown.ts"]
    out = cli("--no-cache", "--explain-file", "src/db.ts", cwd=tmp_path).stdout.decode()
    assert "dev only (not production): bundled into src/fooLoop's bundle" in out and "src/fooLoop/index.ts" in out


def test_a_file_only_tests_import_in_an_app_nothing_installs_is_test_support(tmp_path):
    """A fixtures loader under `src/` (`src/util/loadFixtures.ts` importing the devDependency
    `typeorm-fixtures-cli`) that only a test helper imports: test support also in a package whose
    `main` is the file its start script runs (`"start": "node dist/index.js"`: a server, not a
    library's API, whatever its `version`), and in a private workspace member that no manifest lists
    and no other package imports (its start a watch command, `tsc-watch --onSuccess '...'`, naming no
    file): no install of either deep-imports it. A package that says it is published, one whose
    `main` is not what it starts, and a private member whose loader another package's production code
    imports keep the finding."""
    app = {
        "package.json": {"name": "api", "version": "1.0.0", "main": "dist/index.js",
                         "scripts": {"build": "tsc", "start": "node dist/index.js", "test": "jest"},
                         "dependencies": {"typeorm": "^0.3.20", "pg": "^8.11.0"},
                         "devDependencies": {"typeorm-fixtures-cli": "^4.0.0", "jest": "^29.0.0"}},
        "tsconfig.json": {"compilerOptions": {"rootDir": "src", "outDir": "dist"}, "include": ["src"]},
        "src/index.ts": "import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres' });\n",
        "src/util/loadFixtures.ts": "import { Loader } from 'typeorm-fixtures-cli';\nexport const loadFixtures = () => new Loader();\n",
        "test/helper.ts": "import { loadFixtures } from '../src/util/loadFixtures';\nexport const setup = () => loadFixtures();\n",
        "test/app.spec.ts": "import { setup } from './helper';\ntest('x', () => { setup(); });\n",
    }
    finding = ("DEP002", "src/util/loadFixtures.ts", "typeorm-fixtures-cli")
    assert finding not in dep(write(tmp_path / "app", app))
    published = {**app, "package.json": {**app["package.json"], "private": False}}
    assert finding in dep(write(tmp_path / "published", published))
    library = {**app, "package.json": {**app["package.json"], "main": "dist/lib.js"}}
    assert finding in dep(write(tmp_path / "library", library))
    watched = {**app, "package.json": {**app["package.json"], "private": True, "name": "@acme/server", "scripts": {
        "start": "tsc-watch --outDir ./dist --onSuccess 'node ./dist/index.js'", "test": "jest"}}}
    member = {f"packages/server/{k}": v for k, v in watched.items()}
    root = {"package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]}}
    assert finding[:1] + (f"packages/server/{finding[1]}",) + finding[2:] not in dep(write(tmp_path / "member", {**root, **member}))
    # another package lists it: what loads its files is still known when the workspace's files are all there
    # is (a private package), so only a production file of that package importing the loader keeps the finding
    listed = {**root, **member, "packages/admin/package.json": {"name": "admin", "private": True, "main": "dist/main.js",
                                                                "dependencies": {"@acme/server": "*"}}}
    assert finding[:1] + (f"packages/server/{finding[1]}",) + finding[2:] not in dep(write(tmp_path / "listed", listed))
    loading = {**listed, "packages/admin/src/main.ts": "import { loadFixtures } from '@acme/server/src/util/loadFixtures';\n"
                                                       "loadFixtures();\n"}
    assert finding[:1] + (f"packages/server/{finding[1]}",) + finding[2:] in dep(write(tmp_path / "loading", loading))


@pytest.mark.parametrize("listed", [True, False])
def test_a_bundle_that_resolves_from_other_projects_node_modules_is_served_there(tmp_path, listed):
    """An Electron app's plugins, each bundled by webpack through a shared config function, resolve
    packages from the app's install and the root's as well as their own (`resolve.modules: [...,
    '../app/node_modules', '../node_modules'].map((x) => path.join(options.dirname, x))`), and the
    repository's install script installs all three (77 DEP001 and DEP005 on a terminal emulator).
    What the app declares or its lockfile holds, and what the root declares, serve the bundle. Without
    the list the plugin's own install is the only one: reported."""
    modules = ("    resolve: { modules: ['.', 'src', 'node_modules', '../app/node_modules', '../node_modules']"
               ".map((x) => path.join(options.dirname, x)) },\n") if listed else ""
    root = write(tmp_path, {
        "package.json": {"name": "term", "private": True, "scripts": {"postinstall": "node scripts/install-deps.mjs"},
                         "devDependencies": {"webpack": "^5.90.0", "rxjs": "^7.8.1"}},
        "yarn.lock": '# yarn lockfile v1\n\n\nrxjs@^7.8.1:\n  version "7.8.1"\n\nwebpack@^5.90.0:\n  version "5.90.0"\n',
        "scripts/install-deps.mjs": "import { execSync } from 'child_process';\n"
                                    "for (const dir of ['app', 'term-ssh']) execSync('yarn install', { cwd: dir });\n",
        "webpack.plugin.config.mjs": "import * as path from 'path';\nexport default (options) => ({\n"
                                     "    target: 'node', entry: 'src/index.ts', context: options.dirname,\n"
                                     "    output: { path: path.resolve(options.dirname, 'dist'), filename: 'index.js', libraryTarget: 'umd' },\n"
                                     f"{modules}    externals: ['fs'],\n}});\n",
        "app/package.json": {"name": "term-app", "version": "1.0.0", "private": True, "main": "dist/main.js",
                             "dependencies": {"mz": "^2.7.0", "ssh-client": "^1.0.0"}},
        "app/yarn.lock": '# yarn lockfile v1\n\n\nmz@^2.7.0:\n  version "2.7.0"\n\nssh-client@^1.0.0:\n  version "1.0.0"\n'
                         '  dependencies:\n    "@serial/stream" "^11.0.1"\n\n"@serial/stream@^11.0.1":\n  version "11.0.1"\n',
        "term-ssh/package.json": {"name": "term-ssh", "version": "1.0.0", "main": "dist/index.js",
                                  "scripts": {"build": "webpack --progress"}, "devDependencies": {"uuid": "^9.0.0"}},
        "term-ssh/yarn.lock": '# yarn lockfile v1\n\n\nuuid@^9.0.0:\n  version "9.0.1"\n',
        "term-ssh/webpack.config.mjs": "import * as url from 'url';\nimport config from '../webpack.plugin.config.mjs';\n"
                                       "export default () => config({ dirname: url.fileURLToPath(new URL('.', import.meta.url)) });\n",
        "web/package.json": {"name": "term-web", "version": "1.0.0", "scripts": {"prepare": "patch-package"},
                             "devDependencies": {"patch-package": "^6.4.7"}},
        "web/yarn.lock": '# yarn lockfile v1\n\n\npatch-package@^6.4.7:\n  version "6.5.1"\n',
        "web/webpack.config.mjs": "import * as path from 'path';\nimport * as url from 'url';\n"
                                  "const __dirname = url.fileURLToPath(new URL('.', import.meta.url));\n"
                                  "export default { target: 'web', entry: { bundle: path.resolve(__dirname, 'entry.ts') },\n"
                                  + ("  resolve: { modules: ['../app/node_modules', 'node_modules', '../node_modules']"
                                     ".map((x) => path.join(__dirname, x)) },\n" if listed else "")
                                  + "  output: { path: path.join(__dirname, 'dist') } };\n",
        "web/entry.ts": "import { Subject } from 'rxjs';\nexport const ready = new Subject<void>();\n",
        "term-ssh/src/index.ts": "import * as fs from 'mz/fs';\nimport { Subject } from 'rxjs';\n"
                                 "import { SerialStream } from '@serial/stream';\nimport { v4 } from 'uuid';\n"
                                 "export const opened = new Subject<string>();\n"
                                 "export const read = (p: string) => fs.readFile(p, 'utf8').then(() => [v4(), SerialStream]);\n",
    })
    found = sorted((code, package) for code, _, package in dep(root))
    assert found == ([] if listed else [("DEP001", "@serial/stream"), ("DEP001", "mz"), ("DEP005", "rxjs")])


def test_a_list_joined_to_one_folder_reads_as_the_paths_written(tmp_path):
    """`[...].map((x) => path.join(dir, x))` is the list of paths written, each relative to `dir`; a map
    that makes other values of the items (`node:${m}`) is no list of names."""
    config = tmp_path / "webpack.config.mjs"
    config.write_text("import * as path from 'path';\nexport default { resolve: {\n"
                      "  modules: ['node_modules', '../app/node_modules'].map(x => path.join(__dirname, x)),\n"
                      "  alias: ['a', 'b'].map((m) => `node:${m}`),\n"
                      "  fallback: ['c'].map((m) => path.join(__dirname, m, 'x')) } };\n")
    settings = read_config(str(config))
    assert settings.names("resolve.modules") == ("node_modules", "../app/node_modules")
    assert settings.names("resolve.alias") is None and settings.names("resolve.fallback") is None


@pytest.mark.parametrize("main, ships", [("dist/lib/src/index.js", True), ("dist/other/src/index.js", False)])
def test_an_entry_built_from_a_root_above_the_package_maps_to_its_source(tmp_path, main, ships):
    """`"main": "dist/lib/src/index.js"`: the package's tsconfig sets no rootDir and its program
    reaches past the package, so tsc's root is the folder above it and the output keeps the package's
    folder name. The entry is `src/index.ts` (a published plugin read as having no entry: its
    production imports were advised into devDependencies, 11 findings). A folder named otherwise is
    no output of this package."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "yarn.lock": '# yarn lockfile v1\n\n\naxios@1.6.2:\n  version "1.6.2"\n  dependencies:\n    uuid "^9.0.0"\n\n'
                     'uuid@^9.0.0:\n  version "9.0.1"\n',
        "packages/lib/package.json": {"name": "@acme/lib", "version": "1.0.0", "main": main, "files": ["dist"],
                                      "scripts": {"build": "graphql-codegen && tsc"}, "dependencies": {"axios": "1.6.2"}},
        "packages/lib/codegen.yml": "schema: 'src/**/*.ts'\ngenerates:\n  ./src/generated/graphql.ts:\n    plugins:\n"
                                    "      - typescript\n",
        "packages/lib/tsconfig.json": {"compilerOptions": {"outDir": "dist"}, "include": ["src"]},
        "packages/lib/src/index.ts": "import axios from 'axios';\nimport { v4 } from 'uuid';\n"
                                     "export const call = () => axios.post('https://example.com', { id: v4() });\n",
    })
    uuid, = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert ('to dependencies' in uuid.message) == ships and ('to devDependencies' in uuid.message) == (not ships)
