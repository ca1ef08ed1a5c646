"""Imports resolved as the toolchain that builds and runs the code resolves them: no IMP or SYN
finding on code that tsc accepts and that runs, and the real mistakes still reported.

One test per class of false positive seen on real repositories, each with its counter-case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import fix, lint


def _write(root: Path, files: dict[str, str | dict]) -> Path:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content) + "\n" if isinstance(content, dict) else content)
    return root


def _found(root: Path, select: list[str]) -> list[tuple[str, str]]:
    return [(d.code, Path(d.path).relative_to(root).as_posix()) for d in lint(root, select)]


# ----------------------------------------------------------------------------- r01 SvelteKit ./$types

@pytest.mark.parametrize("extends", ["./.svelte-kit/tsconfig.json", "$app/tsconfig.json", "$app/tsconfig"])
def test_sveltekit_types_come_from_the_generated_folder_through_root_dirs(tmp_path, extends):
    """`./$types` is written into `.svelte-kit/types/<route>` by `svelte-kit sync` and merged in by
    the generated tsconfig's rootDirs; before the sync neither exists. SvelteKit 3 serves that
    tsconfig as `$app/tsconfig.json` (a CLI's project snapshots: 8 IMP002 on `./$types`)."""
    _write(tmp_path, {
        "package.json": {"name": "@shop/web", "private": True, "devDependencies": {"@sveltejs/kit": "^2.5.0"}},
        "tsconfig.json": {"extends": extends},
        "src/routes/+page.ts": "import type { PageLoad } from './$types';\n\nexport const load: PageLoad = async () => ({});\n",
        "src/routes/blog/+page.server.ts": "import type { PageServerLoad } from './$types';\nimport { db } from '$lib/db';\n"
                                           "import { goto } from '$app/navigation';\nimport { env } from '$env/dynamic/private';\n\n"
                                           "export const load: PageServerLoad = async () => ({ db, goto, env });\n",
        "src/lib/db.ts": "export const db = {};\n",
    })
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    # a real mistake next to it is still reported: `$lib` points at src/lib
    _write(tmp_path, {"src/routes/about/+page.ts": "import { gone } from '$lib/gone';\nimport { util } from './util';\n\n"
                                                    "export const x = [gone, util];\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/routes/about/+page.ts")] * 2  # only $types is generated


def test_root_dirs_of_a_written_tsconfig_merge_folders(tmp_path):
    """After the sync (or in any project using rootDirs) the twin folder holds the file."""
    _write(tmp_path, {
        "package.json": {"name": "app"},
        "tsconfig.json": {"compilerOptions": {"rootDirs": ["src", "generated/types"]}},
        "generated/types/views/$types.d.ts": "export type Props = { title: string };\n",
        "src/views/page.ts": "import type { Props } from './$types';\nimport type { Other } from './$other';\n\n"
                             "export const p = (x: Props, y: Other) => [x, y];\n",
    })
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/views/page.ts")]  # `./$other` is nowhere


def test_config_file_aliases_are_read_as_data(tmp_path):
    """vite `resolve.alias` (object and array forms) and SvelteKit `kit.alias`, read with tree-sitter;
    a target computed some other way is trusted, never executed."""
    _write(tmp_path, {
        "package.json": {"name": "site", "private": True, "devDependencies": {"vite": "^6.0.0"}},
        "vite.config.ts": "import { defineConfig } from 'vite';\nimport path from 'node:path';\n"
                          "import { fileURLToPath } from 'node:url';\n\nexport default defineConfig({\n"
                          "  resolve: { alias: [\n    { find: '@', replacement: path.resolve(__dirname, 'src') },\n"
                          "    { find: '~icons', replacement: fileURLToPath(new URL('./assets/icons', import.meta.url)) },\n"
                          "    { find: 'dyn', replacement: computeIt() },\n    { find: 'lodash', replacement: 'lodash-es' },\n  ] },\n});\n",
        "svelte.config.js": "export default { kit: { alias: { '$components': 'src/components', '$components/*': 'src/components/*' } } };\n",
        "src/components/Button.ts": "export const Button = 1;\n",
        "src/util.ts": "export const util = 1;\n",
        "assets/icons/index.ts": "export const icons = [];\n",
        "src/main.ts": "import { util } from '@/util';\nimport { icons } from '~icons';\nimport { Button } from '$components/Button';\n"
                       "import { anything } from 'dyn/x';\nimport { debounce } from 'lodash';\n\n"
                       "export const all = [util, icons, Button, anything, debounce];\n",
    })
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    _write(tmp_path, {"src/broken.ts": "import { nope } from '@/nope';\n\nexport const b = nope;\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/broken.ts")]


def test_webpack_aliases_assigned_in_a_config_function_are_read_as_data(tmp_path):
    """`config.resolve.alias = { ..., enterprise: IS_ENTERPRISE ? path.resolve(...) : false }` in a
    webpack config a Next config loads (a real open-core monorepo: 220 IMP002 for `enterprise/*`,
    a tsconfig path to a folder only the enterprise edition has): the bundler decides that alias,
    so its imports are trusted; an alias with a literal target is still checked, and so is a
    tsconfig path no config alias covers."""
    _write(tmp_path, {
        "package.json": {"name": "datasheet", "private": True, "dependencies": {"next": "^14.0.0"}},
        "tsconfig.json": {"compilerOptions": {"baseUrl": "src", "paths": {"enterprise/*": ["./modules/enterprise/*"],
                                                                         "gone/*": ["./modules/gone/*"]}}},
        "webpack.config.js": "const path = require('path');\n\nmodule.exports = (config) => {\n"
                             "  config.resolve.alias.react = path.resolve(__dirname, 'node_modules', 'react');\n"
                             "  config.resolve.alias = {\n    ...config.resolve.alias,\n"
                             "    api: path.resolve(__dirname, './src/modules/api'),\n"
                             "    enterprise: process.env.IS_ENTERPRISE === 'true' ? path.resolve(__dirname, './src/modules/enterprise') : false,\n"
                             "  };\n  return config;\n};\n",
        "src/modules/api/index.ts": "export const api = 1;\n",
        "src/main.ts": "import { Billing } from 'enterprise/billing';\nimport { api } from 'api';\n\n"
                       "export const all = [Billing, api];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/broken.ts": "import { x } from 'api/nope';\nimport { y } from 'gone/y';\n\nexport const b = [x, y];\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/broken.ts"), ("IMP002", "src/broken.ts")]


def test_a_nuxt_modules_aliases_are_written_by_nuxt_prepare(tmp_path):
    """`import type { User } from '#auth-utils'` in a Nuxt app whose config lists the module
    `nuxt-auth-utils`: the module writes that alias into `.nuxt/tsconfig.json`, which `nuxt prepare`
    generates (an analytics dashboard: 1 IMP002 claiming tsc fails). Without modules in the config,
    only Nuxt's own aliases exist and the name matches nothing."""
    _write(tmp_path, {
        "package.json": {"name": "dash", "private": True, "scripts": {"build": "nuxt build", "postinstall": "nuxt prepare"},
                         "dependencies": {"nuxt": "^3.17.0", "nuxt-auth-utils": "0.5.19"}},
        "nuxt.config.ts": "export default defineNuxtConfig({ modules: ['nuxt-auth-utils'] });\n",
        "tsconfig.json": {"extends": "./.nuxt/tsconfig.json"},
        "server/utils/ctx.ts": "import type { User } from '#auth-utils';\n\nexport type Ctx = { user: User };\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"nuxt.config.ts": "export default defineNuxtConfig({});\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "server/utils/ctx.ts")]


def test_a_nuxt_module_packages_own_aliases_are_written_by_the_module_builders_prepare(tmp_path):
    """A Nuxt module package (no nuxt.config) whose setup adds `nuxt.options.alias['#acme-router']` and whose
    runtime files import it: `nuxt-module-build prepare` writes `.nuxt/tsconfig.json` with the module itself
    loaded (an upload library's Nuxt module: 4 IMP002 errors). A package that does not build with the module
    builder gets no such aliases: the name matches nothing."""
    manifest = {"name": "@acme/nuxt", "version": "1.0.0", "type": "module", "files": ["dist"],
                "scripts": {"build": "nuxt-module-build build", "dev:prepare": "nuxt-module-build prepare"},
                "dependencies": {"@nuxt/kit": "^3.15.0"}, "devDependencies": {"@nuxt/module-builder": "^0.8.4", "nuxt": "^3.15.0"}}
    _write(tmp_path, {
        "package.json": manifest,
        "tsconfig.json": {"extends": "./.nuxt/tsconfig.json", "include": ["src"]},
        "src/module.ts": "import { defineNuxtModule, createResolver } from '@nuxt/kit';\n\nexport default defineNuxtModule({\n"
                         "  setup(_o, nuxt) {\n    const r = createResolver(import.meta.url);\n"
                         "    nuxt.options.alias['#acme-router'] = r.resolve('./runtime/server/router');\n  },\n});\n",
        "src/runtime/server/router.ts": "export const router = { hello: () => 'world' };\n",
        "src/runtime/server/api/acme.ts": "import { router } from '#acme-router';\n\nexport default () => router.hello();\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"package.json": {**manifest, "devDependencies": {"nuxt": "^3.15.0"}}})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/runtime/server/api/acme.ts")]


def test_nuxt_generated_tsconfig_and_virtual_modules(tmp_path):
    _write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "devDependencies": {"nuxt": "^3.12.0"}},
        "tsconfig.json": {"extends": "./.nuxt/tsconfig.json"},
        "nuxt.config.ts": "export default defineNuxtConfig({ alias: { '@data': './data' } });\n",
        "data/prices.ts": "export const prices = [];\n",
        "composables/useCart.ts": "export const useCart = () => 1;\n",
        "pages/index.ts": "import { useCart } from '~/composables/useCart';\nimport { ref } from '#imports';\n"
                          "import { prices } from '@data/prices';\n\nexport const page = [useCart, ref, prices];\n",
    })
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    # the server routes' tsconfig extends the generated tsconfig.server.json, with the same aliases
    _write(tmp_path, {"server/tsconfig.json": {"extends": "../.nuxt/tsconfig.server.json"},
                      "server/utils/greeting.ts": "export const greeting = (name: string) => `hello ${name}`;\n",
                      "server/api/hello.ts": "import { greeting } from '~/server/utils/greeting';\n\n"
                                             "export default () => greeting('world');\n"})
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    # `#shared` (Nuxt 3.14+) names the `shared/` folder both the app and the server import from
    # (a real Nuxt example: 3 IMP002)
    _write(tmp_path, {"shared/types/msg.ts": "export type Msg = { text: string };\n",
                      "server/api/msg.ts": "import type { Msg } from '#shared/types/msg';\n\n"
                                           "export default (): Msg => ({ text: 'hi' });\n"})
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    # `assets` and `public`: Nuxt's default aliases of the asset folders (a streaming dashboard's Nuxt 4 app,
    # `app/assets/...`: 27 DEP001 advising `bun add assets`); `public/` is the project's in Nuxt 4
    _write(tmp_path, {"assets/icons/logo.svg": "<svg/>\n", "public/favicon.svg": "<svg/>\n",
                      "components/logo.ts": "import logo from 'assets/icons/logo.svg';\nimport icon from 'public/favicon.svg';\n\n"
                                            "export const urls = [logo, icon];\n"})
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    _write(tmp_path, {"components/gone.ts": "import { gone } from 'assets/data/gone';\n\nexport const g = gone;\n"})
    assert _found(tmp_path, ["IMP", "DEP"]) == [("IMP002", "components/gone.ts")]
    (tmp_path / "components" / "gone.ts").unlink()
    # h3 and nitropack: Nuxt maps its own copies (`typescript.hoist`), which Nitro bundles (4 DEP001 in
    # two real examples advising a second copy)
    _write(tmp_path, {"server/plugins/io.ts": "import type { NitroApp } from 'nitropack';\n"
                                              "import { defineEventHandler } from 'h3';\n\n"
                                              "export default (app: NitroApp) => defineEventHandler(() => app);\n"})
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    # the router, head manager and schema the hoist list names since (12 DEP001 on a Mastodon client, a
    # content module and a server toolkit's docs site: vue-router, @unhead/vue, @nuxt/schema, vue)
    _write(tmp_path, {"plugins/router.ts": "import { useRouter } from 'vue-router';\nimport { useHead } from '@unhead/vue';\n"
                                           "import type { NuxtConfig } from '@nuxt/schema';\n\n"
                                           "export const plugin = (c: NuxtConfig) => [useRouter(), useHead({}), c];\n"})
    assert _found(tmp_path, ["IMP", "DEP"]) == []
    # Nuxt 4: a solution-style tsconfig.json referencing the projects `nuxt prepare` writes
    (tmp_path / "server" / "tsconfig.json").unlink()
    _write(tmp_path, {"tsconfig.json": {"files": [], "references": [
        {"path": "./.nuxt/tsconfig.app.json"}, {"path": "./.nuxt/tsconfig.server.json"}]}})
    assert _found(tmp_path, ["IMP", "DEP"]) == []


def test_the_folders_nuxt_scans_are_its_entries(tmp_path):
    """Nuxt loads `store/` (Nuxt 2's vuex modules), `composables/`, `plugins/` and the rest of its
    source folder by itself, and Nitro the project's `server/`: no import names those files, yet
    they run (a Nuxt 2 app's store modules were called "most likely dead code"; a Nest + Nuxt 3
    package's composables "not in the build output", deletion the other remedy). The same file in a
    folder Nuxt does not scan is unreached."""
    root = _write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["web"]},
        "web/package.json": {"name": "web", "private": True, "scripts": {"build": "nuxt build"},
                             "dependencies": {"nuxt": "^2.15.8"}},
        "web/nuxt.config.js": "export default { srcDir: 'app/', buildModules: ['@nuxt/typescript-build'] };\n",
        "web/tsconfig.json": {"compilerOptions": {"strict": True, "noEmit": True}, "files": ["./app/shims.d.ts"]},
        "web/app/shims.d.ts": "declare module '*.vue';\n",
        "web/app/store/users.ts": "import { Module } from 'vuex';\nexport const users = {} as Module<object, object>;\n",
        "web/app/legacy/old.ts": "import { Module } from 'vuex';\nexport const old = {} as Module<object, object>;\n",
    })
    found = {d.path.rsplit("/", 1)[-1]: (d.severity.value, d.message) for d in lint(root, ["DEP001"])}
    assert found["users.ts"][0] == "error" and "dead code" not in found["users.ts"][1], found
    assert "dead code" in found["old.ts"][1], found


def test_analog_server_routes_import_the_h3_of_its_nitro(tmp_path):
    """An Analog app (`analog()` in vite.config, `@analogjs/platform` declared) builds
    `src/server/routes/` with the Nitro it depends on, whose routes import `defineEventHandler` from
    `h3` as Analog documents (an LLM course monorepo's chat UIs: 6 DEP001 advising a second copy).
    Without Analog, the same import of an undeclared package is reported."""
    files = {"package.json": {"name": "web", "private": True, "type": "module", "scripts": {"build": "vite build"},
                              "dependencies": {"@angular/core": "21.1.1"},
                              "devDependencies": {"@analogjs/platform": "^2.2.2", "vite": "^7.3.1"}},
             "vite.config.ts": "import analog from '@analogjs/platform';\nimport { defineConfig } from 'vite';\n"
                               "export default defineConfig({ plugins: [analog()] });\n",
             "tsconfig.json": {"compilerOptions": {"strict": True, "module": "esnext", "moduleResolution": "bundler"}},
             "src/main.ts": "console.log('app');\n",
             "src/server/routes/api/hello.get.ts": "import { defineEventHandler } from 'h3';\n"
                                                   "export default defineEventHandler(() => ({ message: 'hello' }));\n"}
    assert _found(_write(tmp_path / "analog", files), ["DEP"]) == []
    plain = {**files, "package.json": {**files["package.json"], "devDependencies": {"vite": "^7.3.1"}},
             "vite.config.ts": "import { defineConfig } from 'vite';\nexport default defineConfig({});\n"}
    assert _found(_write(tmp_path / "plain", plain), ["DEP"]) == [("DEP001", "src/server/routes/api/hello.get.ts")]


@pytest.mark.parametrize("app_files, src", [
    (["spa-loading-template.html"], "."),  # Nuxt 3's layout, app.vue at the top: the project is the source folder
    (["spa-loading-template.html", "router.options.ts"], "."),
    (["app.vue"], "app"),  # Nuxt 4's layout
    ([], "app"),
])
def test_nuxt_4s_source_folder_is_app_only_when_it_holds_the_source(tmp_path, app_files, src):
    """`~/lib/greet` in a Nuxt 4 project whose `app/` holds only `spa-loading-template.html` (which Nuxt
    reads from there whatever the layout) while `app.vue` and `pages/` sit at the top: Nuxt keeps the
    project as its source folder, so `~` is the project (a 3D-data platform's front end: 364 IMP002
    errors resolved `~` to `app/`). An `app/` holding the app is the source folder."""
    _write(tmp_path, {
        "package.json": {"name": "web", "private": True, "scripts": {"build": "nuxt build"}, "dependencies": {"nuxt": "^4.0.3"}},
        "tsconfig.json": {"extends": "./.nuxt/tsconfig.json"},
        "nuxt.config.ts": "export default defineNuxtConfig({});\n",
        "app.vue": "<template><NuxtPage /></template>\n",
        f"{src}/lib/greet.ts": "export const greet = (n: string) => `hi ${n}`;\n",
        "composables/useGreet.ts": "import { greet } from '~/lib/greet';\n\nexport const useGreet = () => greet('x');\n",
        **{f"app/{name}": "<div>loading</div>\n" for name in app_files},
    })
    (tmp_path / "app").mkdir(exist_ok=True)
    assert _found(tmp_path, ["IMP"]) == []


def _generated_config_app(root: Path, manifest: dict, generated: str, ignored: str, files: dict) -> None:
    """A project whose tsconfig.json extends a tsconfig its framework generates (and gitignores)."""
    _write(root, {"package.json": manifest, "tsconfig.json": {"extends": generated}, ".gitignore": ignored + "\n", **files})


def test_umi_generated_tsconfig_gives_its_aliases(tmp_path):
    """`"extends": "./src/.umi/tsconfig.json"`, which Umi (and Umi Max) writes on `max setup`, gitignored:
    `@/*` names the source folder and `@@/*` the generated one, as Umi writes them (a real console app:
    152 IMP001 for `@/apis`). Without a src folder Umi writes `.umi/tsconfig.json`, `@/*` the project."""
    _generated_config_app(tmp_path, {"name": "console", "private": True, "scripts": {"postinstall": "max setup"},
                                      "dependencies": {"@umijs/max": "^4.6.4"}}, "./src/.umi/tsconfig.json", "/src/.umi", {
        "src/services/user.ts": "export const fetchUser = (id: number) => ({ id });\n",
        "src/pages/index.tsx": "import { fetchUser } from '@/services/user';\nimport { history } from '@@/core/history';\n"
                               "export default () => [fetchUser(1), history];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/pages/broken.tsx": "import { gone } from '@/services/gone';\nexport const b = gone;\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/pages/broken.tsx")]


# ----------------------------------------------------------------------------- r08 mocks

def test_virtual_and_vitest_mocks_are_not_imports(tmp_path):
    """`jest.mock(p, f, { virtual: true })` mocks a module that does not exist on purpose, and
    Vitest mocks unresolvable paths; a Jest mock of a missing path without `virtual` fails."""
    _write(tmp_path, {
        "package.json": {"name": "hooks", "devDependencies": {"jest": "^29.7.0", "vitest": "^2.1.0"}},
        "src/hooks.ts": "export const load = (file: string): unknown => require(file);\n",
        "src/hooks.test.ts": "jest.mock('/opt/plugins/hooks.js', () => ({ onStart: jest.fn() }), { virtual: true });\n"
                             "jest.mock('./config-local', () => ({}), { 'virtual': true });\n\ntest('x', () => {});\n",
        "src/toast.spec.ts": "import { vi } from 'vitest';\n\nvi.mock('./legacy-toast', () => ({ show: vi.fn() }));\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/other.test.ts": "jest.mock('./hook', () => ({}));\n\ntest('y', () => {});\n"})
    found = lint(tmp_path, ["IMP"])
    assert [(d.code, Path(d.path).name) for d in found] == [("IMP002", "other.test.ts")]
    # the one namesake (src/hooks.ts) is never offered as a new mock path
    assert found[0].fix is None
    assert fix(tmp_path, ["IMP"], unsafe=True) == {}


# ----------------------------------------------------------------------------- r09 extension mapping

def test_js_specifiers_name_declaration_files(tmp_path):
    """TypeScript maps `.js` to `.ts`, `.tsx`, `.d.ts`; `.mjs` to `.mts`, `.d.mts`; `.cjs` to `.cts`, `.d.cts`."""
    _write(tmp_path, {
        "package.json": {"name": "gen", "type": "module"},
        "tsconfig.json": {"compilerOptions": {"module": "node16", "moduleResolution": "node16"}, "include": ["src"]},
        "src/types/index.d.ts": "export declare type Options = { verbose: boolean };\n",
        "src/esm.d.mts": "export declare const esm: number;\n",
        "src/cjs.d.cts": "export declare const cjs: number;\n",
        "src/tool.mts": "export const tool = 1;\n",
        "src/run.ts": "import { Options } from './types/index.js';\nimport { esm } from './esm.mjs';\n"
                      "import { cjs } from './cjs.cjs';\nimport { tool } from './tool.mjs';\n\n"
                      "export const run = (o: Options) => [o, esm, cjs, tool];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/bad.ts": "import { Missing } from './types/index.js';\nimport { x } from './nowhere.mjs';\n\nexport const b = [Missing, x];\n"})
    assert sorted(_found(tmp_path, ["IMP"])) == [("IMP002", "src/bad.ts"), ("IMP003", "src/bad.ts")]


# ----------------------------------------------------------------------------- r10 built-ins

def test_node_builtins_never_resolve_through_base_url(tmp_path):
    """`http` is Node's module at runtime whatever `baseUrl` finds; a local `http.d.ts` that augments
    `declare module 'http'` adds types, it is not the module."""
    _write(tmp_path, {
        "package.json": {"name": "core", "devDependencies": {"@types/node": "^20.0.0"}},
        "tsconfig.json": {"compilerOptions": {"baseUrl": "src", "paths": {"events": ["src/events"]}}, "include": ["src"]},
        "src/http.d.ts": "import type { Socket } from 'net';\n\ndeclare module 'http' {\n  interface IncomingMessage {\n"
                         "    rawSocket?: Socket;\n  }\n}\n",
        "src/events.ts": "export const local = 1;\n",
        "src/request.ts": "import { IncomingMessage } from 'http';\nimport { EventEmitter } from 'node:events';\n"
                          "import { once } from 'events';\n\nexport const x = [IncomingMessage, EventEmitter, once];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []


def test_ambient_module_declarations_satisfy_imports(tmp_path):
    """`declare module 'x'` and `declare module '*.ext'` in a script declaration file of the
    importer's program; the same statement in a module file is an augmentation only."""
    _write(tmp_path, {
        "package.json": {"name": "@acme/web"},
        "tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {"@acme/*": ["src/*"]}}, "include": ["src"]},
        "src/shims.d.ts": "declare module '@acme/legacy' {\n  export const legacy: number;\n}\n"
                          "declare module '*.icon' {\n  const url: string;\n  export default url;\n}\n",
        "src/augment.d.ts": "export {};\n\ndeclare module '@acme/augmented' {\n  export const a: number;\n}\n",
        "src/main.ts": "import { legacy } from '@acme/legacy';\nimport logo from './logo.icon';\n\nexport const m = [legacy, logo];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/other.ts": "import { a } from '@acme/augmented';\n\nexport const o = a;\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/other.ts")]


# ----------------------------------------------------------------------------- r11 grammar gaps

MIGRATION_KYSELY = """import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM products`.execute(db);
  if (rows[0].n >= 0) await sql`ALTER TABLE products ADD COLUMN sku text`.execute(db);
}
"""


def test_generic_tagged_templates_and_other_grammar_gaps_are_not_syntax_errors(tmp_path):
    _write(tmp_path, {
        "package.json": {"name": "catalog", "dependencies": {"kysely": "^0.27.4"}},
        "src/migrations/1700000000000-AddSku.ts": MIGRATION_KYSELY,
        "src/types.ts": "export type * from './model';\nexport type * as ns from './model';\n",
        "src/model.ts": "export type Row = { id: number };\n",
        "src/lazy.ts": "declare function load<T>(): T;\nexport const m = load<typeof import('./model')>();\n",
        "src/view.tsx": "export const v = <p>Tom & Jerry</p>;\n",
        "src/remote.ts": "export type Remote = {\n  (q: string): Promise<any>\n\n  /** typed */\n"
                         "  <const T extends string>(\n    q: T,\n  ): Promise<T>\n  <U>(q: U): Promise<U>\n}\n",
        "src/image.tsx": "export const i = <img src=\"https://cdn.example.com/a.png?w=800&dpr=2&q=80\" alt=\"a\" />;\n",
        # read as `Engine = require`, a missing `;` and a statement `('web3-provider-engine')` (a real
        # contract-deployment package in a folder named migrations: 1 SYN001)
        "src/migrations/index.ts": "export import Engine = require('web3-provider-engine');\n",
    })
    assert _found(tmp_path, ["SYN001"]) == []


def test_an_exported_import_equals_require_imports_its_module(tmp_path):
    """`export import Engine = require('web3-provider-engine')` (the grammar reads `Engine = require`,
    a missing `;` and a statement `('web3-provider-engine')`) is an import of that module as tsc sees it:
    the dependency rules judge it (undeclared here), and `Engine` is exported."""
    _write(tmp_path, {
        "package.json": {"name": "deployer", "version": "1.0.0", "main": "lib/index.js", "dependencies": {}},
        "src/index.ts": "export const version = 1;\nexport import Engine = require('web3-provider-engine');\n",
    })
    assert [(d.code, d.extra.get("package")) for d in lint(tmp_path, ["DEP001", "SYN001"])] == [
        ("DEP001", "web3-provider-engine")]


def test_a_variable_named_using_is_no_syntax_error(tmp_path):
    """`const using = 'x::integer[]'` in a migration (SQL's USING clause): the grammar reads the word
    as the keyword of a `using` declaration and damages the whole file (a real NestJS service: one
    SYN001 at 1:1, tsc 5.9 reports nothing), so the migration's class was lost too. Parsed again
    with the variable renamed, it is valid: no SYN001, and the migration rules see the class (its
    10-digit timestamp is MIG001's)."""
    _write(tmp_path, {
        "package.json": {"name": "svc", "dependencies": {"typeorm": "^0.3.20"}},
        "src/migrations/1700000000-Alter.ts": "import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
            "export class Alter1700000000 implements MigrationInterface {\n"
            "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
            "    const using = 'x::integer[]';\n"
            "    await queryRunner.query('ALTER TABLE t ALTER COLUMN c TYPE integer[] USING ' + using);\n"
            "    await run(queryRunner, using);\n  }\n\n"
            "  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n\n"
            "async function run(q: QueryRunner, u: string) { await q.query(u); }\n",
        "src/dispose.ts": "declare function open(): Disposable;\nexport function f() {\n  using handle = open();\n  return handle;\n}\n",
    })
    assert [d.code for d in lint(tmp_path, ["SYN001", "MIG001"])] == ["MIG001"]


def test_real_syntax_errors_still_reported_and_typeorm_named_only_for_typeorm(tmp_path):
    broken = MIGRATION_KYSELY.replace(".execute(db);\n  if", ".execute(db) +;\n  if")
    _write(tmp_path, {
        "package.json": {"name": "catalog", "dependencies": {"kysely": "^0.27.4", "typeorm": "^0.3.20"}},
        "src/migrations/1700000000000-AddSku.ts": broken,
        "src/migrations/1700000000001-AddTag.ts": "import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
            "export class AddTag1700000000001 implements MigrationInterface {\n"
            "  public async up(q: QueryRunner): Promise<void> {\n    await q.query(`x`) +;\n  }\n\n"
            "  public async down(q: QueryRunner): Promise<void> {}\n}\n",
        "src/view.tsx": "export const v = <p>Tom & {</p>;\n",
    })
    found = {Path(d.path).name: d.message for d in lint(tmp_path, ["SYN001"])}
    assert set(found) == {"1700000000000-AddSku.ts", "1700000000001-AddTag.ts", "view.tsx"}
    assert "TypeORM" not in found["1700000000000-AddSku.ts"]
    assert "loaded by TypeORM" in found["1700000000001-AddTag.ts"]


# ----------------------------------------------------------------------------- r12 MIG013 through casts

def test_mig013_looks_through_casts(tmp_path):
    casts = ["{ name: 'a', columnNames: ['a'] } as any", "{ name: 'b', columnNames: ['b'] } as unknown as TableIndex",
             "<any>{ name: 'c', columnNames: ['c'] }", "({ name: 'd', columnNames: ['d'] }) satisfies object",
             "({ name: 'e', columnNames: ['e'] })!"]
    body = "".join(f"    await queryRunner.createIndex('t', {c});\n" for c in casts)
    body += "    await queryRunner.addColumns('t', [{ name: 'f', type: 'int' } as any]);\n"
    _write(tmp_path, {
        "package.json": {"name": "org", "dependencies": {"typeorm": "^0.3.20"}},
        "src/migrations/1758801600000-OrgIndexes.ts":
            "import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n\n"
            "export class OrgIndexes1758801600000 implements MigrationInterface {\n"
            f"  public async up(queryRunner: QueryRunner): Promise<void> {{\n{body}  }}\n\n"
            "  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n",
    })
    found = lint(tmp_path, ["MIG013"])
    assert len(found) == 6
    assert "the cast around it is kept" in found[0].fix.message
    fixed = fix(tmp_path, ["MIG013"])["src/migrations/1758801600000-OrgIndexes.ts"].decode()
    assert "new TableIndex({ name: 'a', columnNames: ['a'] }) as any" in fixed
    assert "<any>new TableIndex({ name: 'c', columnNames: ['c'] })" in fixed
    assert "[new TableColumn({ name: 'f', type: 'int' }) as any]" in fixed


# ----------------------------------------------------------------------------- r19 generated files

def test_gitignored_targets_are_generated_not_missing(tmp_path):
    """A `.gitignore` (any level) that names the target under any name the import may take means a
    build step writes it: `/src/environments/environment.ts` for `./environments/environment`."""
    _write(tmp_path, {
        "package.json": {"name": "api", "scripts": {"prebuild": "node scripts/configure.js"}},
        ".gitignore": "/src/environments/environment.ts\n",
        "src/main.ts": "import { environment } from './environments/environment';\n\nexport const port = environment.port;\n",
        "src/config/.gitignore": "secrets.*\n",
        "src/config/index.ts": "import { key } from './secrets';\n\nexport const k = key;\n",
        "src/app/.svelte-kit-free.ts": "export const nothing = 1;\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/other.ts": "import { environment } from './environments/env';\n\nexport const o = environment;\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/other.ts")]


def test_an_extension_wide_gitignore_is_no_evidence(tmp_path):
    """A repository that compiles in place ignores `*.js` and `*.d.ts`; a missing `./x` is still missing,
    while an ignored build folder (`lib/`) is build output."""
    _write(tmp_path, {
        "package.json": {"name": "inplace"},
        ".gitignore": "*.js\n*.d.ts\nlib/\n",
        "src/a.ts": "import { b } from './b';\nimport { c } from '../lib/c';\n\nexport const a = [b, c];\n",
    })
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/a.ts")]


# ----------------------------------------------------------------------------- runtime-tolerant loads

def test_guarded_and_compiled_output_requires(tmp_path):
    """`require()` in a `try` whose `catch` handles the failure is an optional load; a relative
    `require()` written for the compiled output (tsc does not check it) resolves from outDir."""
    _write(tmp_path, {
        "package.json": {"name": "lib"},
        "tsconfig.json": {"compilerOptions": {"outDir": "build/compiled"}, "include": ["src", "test"]},
        "extra/shim.js": "module.exports = {};\n",
        "test/issues/1/shim.ts": "let shim: unknown;\ntry {\n  shim = require('../../../../extra/shim');\n} catch {\n"
                                 "  shim = require('../../../../../extra/shim');\n}\nexport const s = shim;\n",
        "src/optional.ts": "export async function load() {\n  try {\n    return await import('./plugins/extra');\n"
                           "  } catch {\n    return null;\n  }\n}\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/plain.ts": "export const p = require('./plugins/extra');\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/plain.ts")]


def test_a_package_loaded_in_a_try_that_carries_on_is_optional(tmp_path):
    """`await import('sharp')` in a `try` whose `catch` serves images unresized: an optional package,
    left undeclared on purpose (a real server: sharp and the S3 client). A `catch` that always throws
    or exits only rewords the failure: the package is still required, and a missing one is reported."""
    _write(tmp_path, {
        "package.json": {"name": "server", "private": True, "main": "dist/index.js", "dependencies": {}},
        "src/index.ts": "import { resize } from './resize';\nimport { store } from './store';\n"
                        "import { queue } from './queue';\nexport const handlers = [resize, store, queue];\n",
        "src/resize.ts": "export async function resize(input: Buffer): Promise<Buffer> {\n  try {\n"
                         "    const sharp = (await import('sharp')).default;\n    return sharp(input).toBuffer();\n"
                         "  } catch (e) {\n    if (!(e instanceof Error)) throw e;\n    return input;\n  }\n}\n",
        "src/store.ts": "export function store(): unknown {\n  try {\n    return require('@aws-sdk/client-s3');\n"
                        "  } catch {\n    throw new Error('the S3 client failed to load');\n  }\n}\n",
        "src/queue.ts": "export async function queue(): Promise<unknown> {\n  try {\n    return await import('bullmq');\n"
                        "  } catch (error) {\n    console.error(error);\n    process.exit(1);\n  }\n}\n",
    })
    assert _found(tmp_path, ["DEP"]) == [("DEP001", "src/queue.ts"), ("DEP001", "src/store.ts")]


@pytest.mark.parametrize("catch, reported", [
    ("    if (isModuleNotFound(error)) return null;\n    throw error;\n", False),
    ("    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') {\n      return null;\n    }\n    throw error;\n", False),
    ("    if ((error as { code?: string }).code === 'ERR_REQUIRE_ESM') return null;\n    throw error;\n", True),
    ("    throw error;\n    if (isModuleNotFound(error)) return null;\n", True),
])
def test_a_catch_that_returns_a_fallback_for_a_missing_module_and_rethrows_the_rest_carries_on(tmp_path, catch, reported):
    """`catch (error) { if (isModuleNotFound(error)) return stub; throw error }`: a missing plugin is
    expected and handled, any other failure rethrown (an application kit's webpack helper: 2 DEP002
    asking for an optional peer). A fallback for another error, or none before the throw, leaves the
    package required."""
    _write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/scripts/package.json": {"name": "@acme/scripts", "version": "1.0.0", "main": "./src/index.ts",
                                          "devDependencies": {"fancy-plugin": "^1.0.0"}},
        "packages/scripts/src/index.ts": "function isModuleNotFound(error: unknown): boolean {\n"
                                         "  return (error as { code?: string })?.code === 'MODULE_NOT_FOUND';\n}\n"
                                         "export function loadPlugin() {\n  try {\n"
                                         "    const { Plugin } = require('fancy-plugin/webpack');\n    return new Plugin();\n"
                                         "  } catch (error) {\n" + catch + "  }\n}\n",
    })
    assert bool(_found(tmp_path, ["DEP002"])) is reported


def test_a_require_in_the_catch_of_a_try_that_loads_another_package_is_its_fallback(tmp_path):
    """"keccak via ethers, else viem": `require('viem')` in the `catch` of a `try` that requires
    `ethers` runs only where ethers fails to load, an alternative left undeclared on purpose (a real
    verifier: 5 DEP001 beside adapters for both libraries). A `catch` whose `try` loads nothing is
    the package's own path: reported."""
    fallback = ("export function keccak(value: string): string {\n  try {\n    const { keccak256 } = require('ethers');\n"
                "    return keccak256(value);\n  } catch {\n    const { keccak256 } = require('viem');\n"
                "    return keccak256(value);\n  }\n}\n")
    _write(tmp_path, {
        "package.json": {"name": "core", "version": "1.0.0", "main": "dist/index.js", "dependencies": {"ethers": "6.16.0"}},
        "src/index.ts": "import { keccak } from './keccak';\nimport { hash } from './hash';\nexport const all = [keccak, hash];\n",
        "src/keccak.ts": fallback,
        "src/hash.ts": fallback.replace("const { keccak256 } = require('ethers');", "const n = value.length;")
                               .replace("keccak(", "hash(").replace("return keccak256(value);\n  } catch", "return String(n);\n  } catch"),
    })
    assert _found(tmp_path, ["DEP"]) == [("DEP001", "src/hash.ts")]


def test_a_require_handed_to_an_optional_loader_is_optional(tmp_path):
    """`optionalRequire('@nestjs/microservices', () => require('@nestjs/microservices'))`: Nest's
    helper runs the callback in its own `try` and returns an empty module when the package is missing
    (a real framework fork making microservices optional). Nest's `loadPackage` exits the process
    instead: the package is still required where that code runs."""
    _write(tmp_path, {
        "package.json": {"name": "server", "private": True, "main": "dist/main.js",
                         "dependencies": {"@nestjs/common": "^11.0.0", "@nestjs/core": "^11.0.0"}},
        "src/main.ts": ("import { loadPackage } from '@nestjs/common/utils/load-package.util';\n"
                        "import { optionalRequire } from '@nestjs/core/helpers/optional-require';\n"
                        "const { MicroservicesModule } = optionalRequire('@nestjs/microservices/microservices-module',\n"
                        "  () => require('@nestjs/microservices/microservices-module'));\n"
                        "export function make() {\n"
                        "  return loadPackage('@nestjs/websockets', 'NestFactory', () => require('@nestjs/websockets'));\n}\n"
                        "export const mods = [MicroservicesModule];\n"),
    })
    assert [d.extra["package"] for d in lint(tmp_path, ["DEP001"])] == ["@nestjs/websockets"]


def test_a_dynamic_import_whose_rejection_is_handled_is_optional(tmp_path):
    """`await import('fast-glob').catch(() => null)` with a fallback to node's glob: the promise form of
    the guarded `try` (a real ORM: an optional package reported as one to declare); so is a `.then`
    with a rejection handler. A handler that always throws or exits only rewords the failure."""
    _write(tmp_path, {
        "package.json": {"name": "server", "private": True, "main": "dist/index.js", "dependencies": {}},
        "src/index.ts": "import { globs } from './globs';\nimport { queue } from './queue';\nimport { cache } from './cache';\n"
                        "export const handlers = [globs, queue, cache];\n",
        "src/globs.ts": "export async function globs(): Promise<unknown> {\n"
                        "  const fast = await import('fast-glob').catch(() => null);\n"
                        "  const tiny = await import('tinyglobby').then((m) => m.glob, function () { return undefined; });\n"
                        "  return fast ?? tiny;\n}\n",
        "src/queue.ts": "export const queue = () => import('bullmq').catch((error) => {\n"
                        "  console.error(error);\n  process.exit(1);\n});\n",
        "src/cache.ts": "export const cache = () => import('ioredis').then((m) => m.default);\n"
                        "export const inflate = () => import('zlib-sync').then((m) => m.default).finally(() => 1)"
                        ".catch(() => null);\n"
                        "export const late = () => import('pako').then((m) => m.default).finally(() => 1)"
                        ".catch(() => { throw new Error('no'); });\n",
    })
    # further down a chain (a real gateway's optional native compression: 1 DEP002), a handler decides too
    assert _found(tmp_path, ["DEP"]) == [("DEP001", "src/cache.ts"), ("DEP001", "src/cache.ts"), ("DEP001", "src/queue.ts")]


def test_require_resolve_in_a_try_that_carries_on_asks_whether_a_package_is_there(tmp_path):
    """`try { require.resolve('ioredis'); return 'ioredis' } catch { return null }`: feature detection
    of an optional driver (a real published library: 2 DEP002 moving both drivers into
    dependencies); outside such a `try`, or in one whose `catch` throws, the package is required."""
    _write(tmp_path, {
        "package.json": {"name": "@acme/redis-core", "version": "1.0.0", "main": "dist/index.js",
                         "devDependencies": {"ioredis": "^5.9.2", "redis": "^4.7.0"}},
        "src/index.ts": "export function driver(): string | null {\n  try {\n    require.resolve('ioredis');\n"
                        "    return 'ioredis';\n  } catch {\n    return null;\n  }\n}\n"
                        "export const path = (): string => {\n  try {\n    return require.resolve('redis');\n"
                        "  } catch {\n    throw new Error('redis is missing');\n  }\n};\n",
    })
    assert _found(tmp_path, ["DEP"]) == [("DEP002", "src/index.ts")]


@pytest.mark.parametrize("catch, reported", [
    ("    console.error(\"Run 'npm install --no-save @aws-sdk/client-s3' to use the S3 provider.\");\n"
     "    process.exit(1);\n", []),
    ("    throw new Error(`@aws-sdk/client-s3 is not installed: yarn add @aws-sdk/client-s3 and restart`);\n", []),
    ("    throw new Error('run npm install @aws-sdk/client-s3-control');\n", ["src/storage.ts"]),  # another package
    ("    throw new Error('@aws-sdk/client-s3 could not be loaded');\n", ["src/storage.ts"]),  # no install told
])
def test_a_catch_that_tells_the_operator_to_install_the_package_makes_it_opt_in(tmp_path, catch, reported):
    """`try { require('@aws-sdk/client-s3') } catch { console.error("Run 'npm install --no-save
    @aws-sdk/client-s3' to use the S3 provider"); process.exit(1) }`: the application leaves the SDK
    out on purpose and tells whoever enables the feature to install it (a chat server's S3 storage, a
    game server's heap dumps: 3 DEP001 asking to declare what the maintainers keep out). A catch that
    stops without naming an install of that very package only rewords the failure."""
    _write(tmp_path, {
        "package.json": {"name": "server", "private": True, "main": "dist/index.js", "dependencies": {}},
        "src/index.ts": "import { storage } from './storage';\nexport const handlers = [storage];\n",
        "src/storage.ts": "export function storage(): unknown {\n  try {\n    return require('@aws-sdk/client-s3');\n"
                          f"  }} catch {{\n{catch}  }}\n}}\n",
    })
    assert [p for _, p in _found(tmp_path, ["DEP"])] == reported


def test_a_gitignored_json_file_under_base_url_is_a_file_not_a_package(tmp_path):
    """`import * as key from 'service-account-key.json'` with `baseUrl: "./"`: a credentials file
    each checkout writes (gitignored, copied into the image), read through baseUrl; neither an
    undeclared package (DEP001) nor an unresolved import (IMP002). Not gitignored, it is missing."""
    _write(tmp_path, {
        "package.json": {"name": "platform", "private": True, "dependencies": {"firebase-admin": "^12.0.0"}},
        "tsconfig.json": {"compilerOptions": {"resolveJsonModule": True, "baseUrl": "./"}},
        ".gitignore": "/service-account-key.json\n",
        "src/main.ts": "import * as admin from 'firebase-admin';\nimport * as key from 'service-account-key.json';\n"
                       "export const app = admin.initializeApp({ credential: admin.credential.cert(key as never) });\n",
        "src/other.ts": "import * as key from 'other-key.json';\nexport const k = key;\n",
    })
    assert _found(tmp_path, ["DEP", "IMP"]) == [("DEP001", "src/other.ts")]


@pytest.mark.parametrize("ignored, found", [("src/config.ts", []), ("/src/config.ts", []), ("src/config.*", []),
                                            ("*.js\n*.d.ts", [("DEP001", "src/api.ts")])])
def test_a_gitignored_source_file_under_base_url_is_a_file_not_a_package(tmp_path, ignored, found):
    """`import { config } from 'config'` with `baseUrl: "./src/"`, and `src/config.ts` (the API and
    payment keys) in .gitignore, named with its extension: each checkout writes the file (a mobile
    shop's client was told `npm install config`, a server library of that name). A rule that ignores
    a kind of file (`*.js`, compiled output) names no file: the package is undeclared."""
    _write(tmp_path, {
        "package.json": {"name": "client", "version": "1.0.0", "private": True, "dependencies": {"axios": "^1.6.0"}},
        "tsconfig.json": {"compilerOptions": {"strict": True, "baseUrl": "./src/"}},
        ".gitignore": f"node_modules\n{ignored}\n",
        "src/api.ts": "import axios from 'axios';\nimport { config } from 'config';\n\n"
                      "export const api = axios.create({ baseURL: config.API_URL });\n",
    })
    assert _found(tmp_path, ["DEP", "IMP"]) == found


def test_a_folder_only_gitignore_pattern_covers_a_generated_folder_under_base_url(tmp_path):
    """`import type { Mail } from 'generated/client/index.js'` with `baseUrl: "."` and `generated/`
    (a folder-only pattern) in .gitignore: Prisma writes the folder; the name is no package to
    install (a real Fastify service was told `pnpm add -D generated`)."""
    _write(tmp_path, {
        "package.json": {"name": "api", "version": "1.0.0", "dependencies": {"@prisma/client": "^6.6.0"}},
        "tsconfig.json": {"compilerOptions": {"baseUrl": "."}},
        ".gitignore": "generated/\n",
        "src/mail.ts": "import type { Mail } from 'generated/client/index.js';\nexport const id = (m: Mail) => m;\n",
    })
    assert _found(tmp_path, ["DEP", "IMP"]) == []


def test_code_transform_fixtures_are_excluded_by_default(tmp_path):
    """Codemod input/output snapshots are read as text by their tests and never compiled; so are a
    code generator's `__snapshots__` copies of its output, whose relative imports resolve only where
    the original lives (a real generator's samples: 42 IMP002 and DEP001)."""
    _write(tmp_path, {
        "package.json": {"name": "codemod"},
        "samples/petstore/__snapshots__/endpoints.ts": "import { http } from './custom-instance';\nexport const g = http;\n",
        "test/fixtures/rename/rename.input.ts": "import { x } from './not-here';\nexport const y = x;\n",
        "test/fixtures/rename/rename.output.ts": "import { x } from './not-here';\nexport const y = x;\n",
        "src/__testfixtures__/a.ts": "import { x } from './not-here';\nexport const y = x;\n",
        "src/user.input.ts": "import { x } from './not-here';\nexport const y = x;\n",
    })
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/user.input.ts")]


def test_declaration_files_export_every_top_level_declaration(tmp_path):
    """In a `.d.ts` module without `export {...}` / `export * from` / `export =`, TypeScript exports
    every top-level declaration, `export` keyword or not; with `export {}` only the explicit ones."""
    _write(tmp_path, {
        "package.json": {"name": "docs", "type": "module"},
        "src/types/index.d.ts": "declare type CodeSample = { lang: string };\nexport declare type Spec = { samples: CodeSample[] };\n",
        "src/closed.d.ts": "declare type Hidden = { a: 1 };\nexport declare type Open = Hidden;\nexport {};\n",
        "src/a.ts": "import { CodeSample } from './types/index.js';\nimport { Open } from './closed.js';\n\n"
                    "export const f = (c: CodeSample, o: Open) => [c, o];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []
    _write(tmp_path, {"src/b.ts": "import { Hidden } from './closed.js';\n\nexport const g = (h: Hidden) => h;\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP003", "src/b.ts")]


def test_a_warm_run_sees_gitignore_and_config_file_changes(tmp_path):
    """Resolution reads .gitignore files and bundler configs: the run-result cache must notice them."""
    from migrationlint import pipeline
    from migrationlint.settings import Settings

    _write(tmp_path, {
        "package.json": {"name": "api"},
        "src/main.ts": "import { environment } from './environments/environment';\nimport { u } from '@/util';\n\n"
                       "export const port = [environment, u];\n",
    })

    def run() -> list[tuple[str, str]]:
        found = pipeline.lint([str(tmp_path)], Settings(select=["IMP"]), use_cache=True).diagnostics
        return sorted((d.code, d.extra.get("specifier", "")) for d in found)

    assert run() == [("IMP001", "@/util"), ("IMP002", "./environments/environment")]
    _write(tmp_path, {".gitignore": "/src/environments/environment.ts\n"})
    assert run() == [("IMP001", "@/util")]
    _write(tmp_path, {"vite.config.ts": "export default { resolve: { alias: { '@': './src' } } };\n"})
    assert run() == [("IMP002", "@/util")]  # now a path alias whose file is missing


def test_vitest_test_alias_applies_to_tests_only(tmp_path):
    """`test: { alias: { 'react-select': 'test/__mocks__/react-select.tsx' } }` swaps the package
    for a mock under vitest only: tsc and `vite build` resolve the real package, so production
    code's named imports are not checked against the mock (a real front end: 3 IMP003 saying
    "tsc fails"). `resolve.alias` still applies everywhere."""
    mock = "const MockSelect = () => null;\nexport default MockSelect;\n"
    field = "import Select, { MultiValue } from 'react-select';\n\nexport const f = (v: MultiValue<string>) => [v, Select];\n"
    _write(tmp_path, {
        "package.json": {"name": "web", "private": True, "dependencies": {"react-select": "^5.10.0"},
                         "devDependencies": {"vite": "^6.2.6", "vitest": "^3.0.0"}},
        "vite.config.ts": "import path from 'path';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({\n"
                          "  test: { alias: { 'react-select': path.resolve(__dirname, 'test/__mocks__/react-select.tsx') } },\n});\n",
        "test/__mocks__/react-select.tsx": mock,
        "src/field.ts": field,
    })
    assert _found(tmp_path, ["IMP"]) == []
    (tmp_path / "vite.config.ts").write_text((tmp_path / "vite.config.ts").read_text().replace("test: {", "resolve: {"))
    assert _found(tmp_path, ["IMP"]) == [("IMP003", "src/field.ts")]


def test_a_vitest_alias_mocking_a_runtime_module_applies_to_tests_only(tmp_path):
    """A VS Code extension's `vitest.config.ts` aliases `vscode` (which the editor provides, typed by
    the declared `@types/vscode`) to a test mock: tsc and the extension host use the real module, so
    production code's imports are not checked against the mock (a real extension: 127 IMP003)."""
    _write(tmp_path, {
        "package.json": {"name": "ext", "version": "1.0.0", "private": True, "main": "./out/extension.js",
                         "engines": {"vscode": "^1.90.0"}, "devDependencies": {"@types/vscode": "^1.90.0", "vitest": "^3.0.0"}},
        "vitest.config.ts": "import path from 'path';\nexport default { resolve: { alias: {\n"
                            "  '@': path.resolve(__dirname, 'src'),\n"
                            "  vscode: path.resolve(__dirname, './test/mocks/vscode.ts') } } };\n",
        "test/mocks/vscode.ts": "export const window = {};\n",
        "src/extension.ts": "import { window, ViewColumn, type ExtensionContext } from 'vscode';\n"
                            "export const activate = (c: ExtensionContext) => [window, ViewColumn, c];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []


def test_jest_module_name_mapper_paths_are_aliases(tmp_path):
    """`moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/$1' }` lets a package's tests import its
    own files as `@shared/...` (a real serverless monorepo: 4 DEP001 errors advising a registry
    install). A mapper to another package, or one for style files, declares no alias. A plain
    prefix mapping (`(.*)$` to `...$1`) is followed from the config's `rootDir`, so a file missing
    there is IMP002, as through tsconfig `paths`; a mapping with more captures is trusted."""
    _write(tmp_path, {
        "package.json": {"name": "repo", "private": True, "devDependencies": {"jest": "^29.7.0", "ts-jest": "^29.2.0"}},
        "pnpm-workspace.yaml": "packages:\n  - 'shared'\n  - 'web'\n",
        "shared/package.json": {"name": "shared", "version": "1.0.0", "scripts": {"test": "jest"}},
        "shared/jest.config.js": "module.exports = {\n  preset: 'ts-jest',\n  moduleNameMapper: {\n"
                                 "    '^@shared/(.*)$': '<rootDir>/$1',\n    '\\\\.(css|less)$': 'identity-obj-proxy',\n"
                                 "    '^lodash-es$': 'lodash',\n  },\n};\n",
        "shared/clamp.ts": "export const clamp = (n: number) => Math.max(0, n);\n",
        "shared/test/clamp.test.ts": "import { clamp } from '@shared/clamp';\nimport { chunk } from 'lodash-es';\n\n"
                                     "test('clamps', () => expect([clamp(5), chunk]).toBeTruthy());\n",
        "web/package.json": {"name": "web", "version": "1.0.0", "private": True,
                             "jest": {"rootDir": "src", "moduleNameMapper": {"^@web/(.*)$": "<rootDir>/$1",
                                                                             "^@mods/(.*)/(.*)$": "<rootDir>/$1/lib/$2"}}},
        "web/src/a.ts": "export const a = 1;\n",
        "web/src/a.test.ts": "import { a } from '@web/a';\n\ntest('a', () => expect(a).toBe(1));\n",
    })
    assert [(d.code, Path(d.path).relative_to(tmp_path).as_posix(), d.message.split('"')[1])
            for d in lint(tmp_path, ["DEP001", "IMP"])] == [("DEP001", "shared/test/clamp.test.ts", "lodash-es")]
    _write(tmp_path, {"web/src/b.test.ts": "import { gone } from '@web/gone';\nimport { m } from '@mods/x/y';\n\n"
                                           "test('b', () => expect([gone, m]).toBeTruthy());\n"})
    assert _found(tmp_path, ["DEP001", "IMP"]) == [("DEP001", "shared/test/clamp.test.ts"), ("IMP002", "web/src/b.test.ts")]


@pytest.mark.parametrize("where", ["config", "package.json"])
def test_jest_module_directories_make_the_names_of_a_source_folder_resolve(tmp_path, where):
    """`moduleDirectories: ['node_modules', 'src']`: jest finds `jest.mock('env')` and
    `require('services/wallets')` in src/ (a real wallet's tests: 21 DEP001, advising `add -D env`,
    an unrelated registry package); `modulePaths` the same. A name the package declares is still
    the package (node_modules comes first), and a path missing from the folder is IMP002."""
    jest = {"preset": "ts-jest", "moduleDirectories": ["node_modules", "src"], "modulePaths": ["<rootDir>/lib"]}
    config = {"wallet/jest.config.js": "module.exports = " + json.dumps(jest) + ";\n"} if where == "config" else {}
    manifest = {"name": "wallet", "version": "1.0.0", "main": "dist/index.js", "scripts": {"build": "tsc", "test": "jest"},
                "dependencies": {"lodash": "^4.17.21"}, **({"jest": jest} if where == "package.json" else {})}
    _write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["wallet"], "devDependencies": {"jest": "27.5.1"}},
        **config,
        "wallet/package.json": manifest,
        "wallet/tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "dist"}, "include": ["src/**/*"]},
        "wallet/src/env.ts": "export const app = { getLocale: () => 'en' };\n",
        "wallet/src/lodash/index.ts": "export const shadow = 1;\n",
        "wallet/src/services/wallets.ts": "import { app } from '../env';\nexport const current = () => app.getLocale();\n",
        "wallet/src/index.ts": "export * from './services/wallets';\n",
        "wallet/lib/clock.ts": "export const now = () => 0;\n",
        "wallet/tests/wallets.test.ts": "import { chunk } from 'lodash';\nimport { now } from 'clock';\n"
                                        "jest.mock('env', () => ({ app: { getLocale: () => 'fr' } }));\n"
                                        "const { current } = require('services/wallets');\nconst { gone } = require('services/gone');\n"
                                        "test('locale', () => expect([current(), chunk, now, gone]).toBeTruthy());\n",
    })
    assert _found(tmp_path, ["DEP001", "IMP"]) == [("IMP002", "wallet/tests/wallets.test.ts")]


def test_jest_configs_under_other_names_map_names_too(tmp_path):
    """A package whose tests run through `jest.server.config.ts` (a root config lists it in
    `projects`) or through the config a script names (`jest -c jest/unit.js`): their
    `moduleNameMapper` swaps `nanoid` for a stub file, so `jest.mock('nanoid', ...)` loads the stub
    (a real LMS: 7 DEP001 advising to declare a package the tests never load). A name no config
    maps stays an undeclared package."""
    _write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["apps/*", "packages/*"],
                         "devDependencies": {"jest": "^29.7.0", "ts-jest": "^29.1.0"}},
        "jest.config.js": "module.exports = { projects: ['<rootDir>/apps/web/jest.server.config.ts'] };\n",
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"test:unit": "jest -c jest/unit.js"}},
        "apps/web/jest.server.config.ts": "export default { moduleNameMapper: { nanoid: '<rootDir>/__mocks__/nanoid.ts' } };\n",
        "apps/web/jest/unit.js": "module.exports = { rootDir: '..', moduleNameMapper: { '^uuid$': '<rootDir>/__mocks__/uuid.ts' } };\n",
        "apps/web/__mocks__/nanoid.ts": "export const nanoid = () => 'id';\n",
        "apps/web/__mocks__/uuid.ts": "export const v4 = () => 'id';\n",
        "apps/web/lib/__tests__/slug.test.ts": "jest.mock('nanoid', () => ({ nanoid: () => 'a' }));\n"
                                              "jest.mock('uuid', () => ({ v4: () => 'a' }));\n"
                                              "jest.mock('cuid', () => ({ cuid: () => 'a' }));\n\ntest('x', () => {});\n",
        "packages/utils/package.json": {"name": "@acme/utils", "version": "1.0.0",
                                        "dependencies": {"nanoid": "^5.0.9", "uuid": "^9.0.0", "cuid": "^3.0.0"}},
        "packages/utils/src/index.ts": "export { nanoid } from 'nanoid';\nexport { v4 } from 'uuid';\nexport { cuid } from 'cuid';\n",
    })
    assert [d.message.split('"')[1] for d in lint(tmp_path, ["DEP001"])] == ["cuid"]


def test_a_jest_config_mapping_the_packages_own_name_to_source_is_a_substitute(tmp_path):
    """A coverage config (`jest.config.coverage.js`, run by one script) maps `@acme/api/pro` to
    `src/pro` so that coverage counts the sources; the tests import the package's published files
    (`pro.d.ts`, which declares the types of the build). The mapping is a test-time substitute: the import
    still resolves to the package, and IMP003 does not check it against `src/pro.ts` (a real
    queue dashboard: 2 IMP003 errors once such configs were read)."""
    _write(tmp_path, {
        "package.json": {"name": "@acme/api", "version": "1.0.0", "main": "dist/index.js",
                         "scripts": {"test:coverage": "jest --config jest.config.coverage.js"},
                         "devDependencies": {"jest": "^29.7.0", "ts-jest": "^29.2.0"}},
        "jest.config.coverage.js": "module.exports = { moduleNameMapper: { '^@acme/api/pro$': '<rootDir>/src/pro' } };\n",
        "pro.d.ts": "export type Status = 'a' | 'b';\nexport declare const pro: (s: Status) => Status;\n",
        "src/pro.ts": "type Status = 'a' | 'b';\n\nexport const pro = (s: Status) => s;\n",
        "tests/pro.spec.ts": "import type { Status } from '@acme/api/pro';\n\ntest('s', () => expect(<Status>'a').toBe('a'));\n",
    })
    assert _found(tmp_path, ["IMP"]) == []


def test_next_provides_server_only_and_client_only(tmp_path):
    """`import 'server-only'` in a Next app: Next's compiler maps the name to a copy of its own, so
    nothing need be installed (a real Next 16 app: a DEP001 error "installed nowhere"). Without
    next declared the name is an ordinary package."""
    _write(tmp_path, {
        "package.json": {"name": "web", "private": True, "scripts": {"build": "next build"},
                         "dependencies": {"next": "16.0.0", "react": "19.2.0"}},
        "src/app/data.ts": "import 'server-only';\n\nexport const getSecret = () => process.env.SECRET;\n",
        "src/app/view.ts": "import 'client-only';\n\nexport const view = 1;\n",
    })
    assert _found(tmp_path, ["DEP", "IMP"]) == []
    _write(tmp_path, {"package.json": {"name": "web", "private": True}})
    assert sorted(_found(tmp_path, ["DEP"])) == [("DEP001", "src/app/data.ts"), ("DEP001", "src/app/view.ts")]


def test_next_provides_server_only_to_a_source_package_its_apps_compile(tmp_path):
    """`import 'server-only'` in a shared auth package whose entries are TypeScript source: only the
    Next apps that depend on it compile its files, and their compiler maps the marker (a real
    bun/Turborepo monorepo: a DEP001 error). A package with built entries runs from its own install,
    where nothing maps it."""
    def found(entry: str) -> list[tuple[str, str]]:
        _write(tmp_path, {
            "package.json": {"name": "mono", "private": True},
            "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
            "apps/web/package.json": {"name": "web", "private": True, "scripts": {"build": "next build"},
                                      "dependencies": {"next": "15.1.0", "react": "19.0.0", "@acme/auth": "workspace:*"}},
            "apps/web/app/page.tsx": "import { gate } from '@acme/auth/server';\n\nexport default function Page() { return gate; }\n",
            "packages/auth/package.json": {"name": "@acme/auth", "version": "1.0.0", "exports": {"./server": entry}},
            "packages/auth/src/server.ts": "import 'server-only';\n\nexport const gate = 1;\n",
        })
        return _found(tmp_path, ["DEP001"])
    assert found("./src/server.ts") == []
    assert found("./dist/server.js") == [("DEP001", "packages/auth/src/server.ts")]


def test_expo_provides_its_icon_set(tmp_path):
    """`import { Ionicons } from '@expo/vector-icons'` in an Expo app: expo depends on the icon set and
    documents it as part of the SDK (a real delivery app: 8 DEP001 "installed nowhere"). So is
    `expo-modules-core`, which a local native module imports and `expo-doctor` says not to install
    directly (an analytics SDK's example app: DEP001 advising `^2.5.0` beside `expo ~53`, the version
    skew the doctor warns of). Without expo declared they are ordinary packages."""
    _write(tmp_path, {
        "package.json": {"name": "courier", "private": True, "main": "node_modules/expo/AppEntry.js",
                         "dependencies": {"expo": "~44.0.0", "react": "17.0.1", "react-native": "0.64.3"}},
        "App.tsx": "import { Ionicons } from '@expo/vector-icons';\nexport default () => Ionicons;\n",
        "modules/crash/index.ts": "import { requireNativeModule } from 'expo-modules-core';\n"
                                  "export const crash = () => requireNativeModule('Crash').crash();\n",
    })
    assert _found(tmp_path, ["DEP001"]) == []
    _write(tmp_path, {"package.json": {"name": "courier", "private": True, "dependencies": {"react": "17.0.1"}}})
    assert _found(tmp_path, ["DEP001"]) == [("DEP001", "App.tsx"), ("DEP001", "modules/crash/index.ts")]


@pytest.mark.parametrize("manager, reported", [("npm", []), ("pnpm", ["sidebars.ts", "src/theme/DocItem/index.tsx"]),
                                              ("pnpm-hoisted", [])])
def test_the_docusaurus_preset_brings_the_api_its_template_imports(tmp_path, manager, reported):
    """Docusaurus's TypeScript template types its sidebars from `@docusaurus/plugin-content-docs`, and
    a swizzled component imports `@docusaurus/theme-common`, with only `@docusaurus/preset-classic`
    declared (25 DEP001 on an agent framework's website): the preset brings both, and an install that
    hoists serves its copy, pnpm's `node-linker=hoisted` too (its snapshots say what the preset brings:
    10 more on a bookmarking app). Under pnpm's isolated layout the site finds neither: reported."""
    preset = {"@docusaurus/plugin-content-docs": "3.1.1", "@docusaurus/theme-common": "3.1.1"}
    declared = {"@docusaurus/core": "3.1.1", "@docusaurus/preset-classic": "3.1.1", "react": "^18.0.0"}
    lock = {"package-lock.json": {"name": "site", "lockfileVersion": 3, "packages": {
        "": {"name": "site", "dependencies": declared},
        "node_modules/@docusaurus/core": {"version": "3.1.1"},
        "node_modules/@docusaurus/preset-classic": {"version": "3.1.1", "dependencies": preset},
        **{f"node_modules/{p}": {"version": v} for p, v in preset.items()},
        "node_modules/react": {"version": "18.2.0"}}}} if manager == "npm" else {"pnpm-lock.yaml": (
            "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n"
            + "".join(f"      '{p}':\n        specifier: {v}\n        version: {v.lstrip('^')}\n" for p, v in declared.items())
            + "\npackages:\n\n  '@docusaurus/preset-classic@3.1.1':\n    resolution: {integrity: sha512-x}\n\n"
            "snapshots:\n\n  '@docusaurus/preset-classic@3.1.1':\n    dependencies:\n"
            + "".join(f"      '{p}': {v}\n" for p, v in preset.items()))}
    _write(tmp_path, {
        "package.json": {"name": "site", "private": True, "scripts": {"build": "docusaurus build"}, "dependencies": declared},
        **lock, **({".npmrc": "node-linker=hoisted\n"} if manager == "pnpm-hoisted" else {}),
        "sidebars.ts": "import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';\n"
                       "const sidebars: SidebarsConfig = { docs: ['intro'] };\nexport default sidebars;\n",
        "src/theme/DocItem/index.tsx": "import { useColorMode } from '@docusaurus/theme-common';\n"
                                       "export default function DocItem() { return <div>{useColorMode().colorMode}</div>; }\n",
    })
    assert sorted(path for _, path in _found(tmp_path, ["DEP001"])) == reported


def test_gatsby_provides_its_router(tmp_path):
    """`import { navigate } from '@reach/router'` in a Gatsby site: Gatsby's webpack config aliases
    the name to the fork it depends on, so declaring `@reach/router` would install a second, wrong
    router (2 DEP001 on a real storefront). Without gatsby declared it is an ordinary package."""
    _write(tmp_path, {
        "package.json": {"name": "site", "private": True, "scripts": {"build": "gatsby build"},
                         "dependencies": {"gatsby": "^4.0.0", "react": "^18.0.0"}},
        "src/pages/index.tsx": "import { navigate } from '@reach/router';\n\nexport default () => navigate('/');\n",
    })
    assert _found(tmp_path, ["DEP", "IMP"]) == []
    _write(tmp_path, {"package.json": {"name": "site", "private": True, "dependencies": {"react": "^18.0.0"}}})
    assert _found(tmp_path, ["DEP"]) == [("DEP001", "src/pages/index.tsx")]


def test_vitepress_provides_vue_to_its_site(tmp_path):
    """`import { h } from 'vue'` in a VitePress theme: VitePress aliases `vue` to the copy it brings
    when the site installs none, and its docs install only vitepress (1 DEP001 on a real project's
    docs). Without vitepress declared it is an ordinary package."""
    _write(tmp_path, {
        "package.json": {"name": "docs", "private": True, "scripts": {"docs:build": "vitepress build"},
                         "devDependencies": {"vitepress": "^1.6.0"}},
        ".vitepress/theme/index.ts": "import { h } from 'vue';\nimport DefaultTheme from 'vitepress/theme';\n\n"
                                     "export default { extends: DefaultTheme, Layout: () => h(DefaultTheme.Layout) };\n",
    })
    assert _found(tmp_path, ["DEP", "IMP"]) == []
    _write(tmp_path, {"package.json": {"name": "docs", "private": True}})
    assert ("DEP001", ".vitepress/theme/index.ts") in _found(tmp_path, ["DEP"])


def test_module_suffixes_resolve_platform_files(tmp_path):
    """`moduleSuffixes: [".ios", ".android", ""]` (React Native): `./services/driver` is
    `driver.ios.ts`, as tsc resolves it (a real mobile app: 1 IMP002). Without the option, or with
    no suffixed file, the import names nothing."""
    _write(tmp_path, {
        "package.json": {"name": "app", "private": True, "dependencies": {"react-native": "0.74.0"}},
        "tsconfig.json": {"compilerOptions": {"moduleSuffixes": [".ios", ".android", ""]}},
        "services/driver.ios.ts": "export default 1;\n",
        "services/driver.android.ts": "export default 2;\n",
        "root.ts": "import driver from './services/driver';\nimport gone from './services/gone';\n\nexport const d = [driver, gone];\n",
    })
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "root.ts")]
    _write(tmp_path, {"tsconfig.json": {"compilerOptions": {}}})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "root.ts"), ("IMP002", "root.ts")]


def test_storybook_main_aliases_resolve_what_the_stories_import(tmp_path):
    """`.storybook/main.ts` whose `viteFinal` returns `resolve.alias` `{ '@': path.resolve(__dirname,
    '../../web/src') }`: the stories' `@/ui/Button` is found there (a real design system: 56
    IMP001). An alias the config does not declare still names nothing. The file is an input of
    every run over its folder, as a vite config is."""
    from migrationlint.cache.run_cache import is_context_name

    _write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/web/package.json": {"name": "@acme/web", "private": True},
        "packages/web/src/ui/Button.tsx": "export const Button = () => null;\n",
        "packages/ds/package.json": {"name": "@acme/ds", "private": True, "scripts": {"storybook": "storybook dev"}},
        "packages/ds/.storybook/main.ts": (
            "import path from 'path';\n"
            "export default {\n  stories: ['../stories/**/*.stories.tsx'],\n"
            "  viteFinal(config) {\n    return { ...config, resolve: { ...config.resolve, alias: {\n"
            "      ...config.resolve?.alias, '@': path.resolve(__dirname, '../../web/src') } } };\n  },\n};\n"),
        "packages/ds/stories/Button.stories.tsx": "import { Button } from '@/ui/Button';\nexport default { component: Button };\n",
        "packages/ds/stories/Card.stories.tsx": "import { Card } from '~/ui/Card';\nexport default { component: Card };\n",
    })
    assert _found(tmp_path, ["IMP"]) == [("IMP001", "packages/ds/stories/Card.stories.tsx")]
    assert is_context_name("main.ts", str(tmp_path / "packages/ds/.storybook"))
    assert not is_context_name("main.ts", str(tmp_path / "packages/ds/src"))


def test_wxt_generated_tsconfig_gives_its_aliases(tmp_path):
    """`"extends": "./.wxt/tsconfig.json"`, which `wxt prepare` writes (gitignored): `~`/`@` name the
    source folder (wxt.config's `srcDir`, else the project) and `~~`/`@@` the project (a real
    browser extension: 18 IMP001); `#imports` is a module WXT serves (another: 1 IMP002)."""
    _generated_config_app(tmp_path, {"name": "ext", "private": True, "devDependencies": {"wxt": "0.20.0"},
                                      "scripts": {"build": "wxt build", "postinstall": "wxt prepare"}},
                          "./.wxt/tsconfig.json", ".wxt", {
        "utils/math.ts": "export const add = (a: number, b: number) => a + b;\n",
        "entrypoints/background.ts": "import { add } from '~/utils/math';\nimport { add as plus } from '@@/utils/math';\n"
                                     "import { storage } from '#imports';\n"
                                     "export const x = [add(1, 2), plus, storage];\n",
    })
    assert _found(tmp_path, ["IMP"]) == []  # `#imports`: WXT's virtual module (0.20+), which its vite plugin serves
    _write(tmp_path, {"wxt.config.ts": "export default { srcDir: 'src' };\n",
                      "src/utils/math.ts": "export const add = (a: number, b: number) => a + b;\n",
                      "src/entrypoints/popup.ts": "import { add } from '@/utils/math';\nimport { gone } from '~/utils/gone';\n"
                                                  "export const y = [add, gone];\n"})
    assert _found(tmp_path, ["IMP"]) == [("IMP002", "src/entrypoints/popup.ts")]


def test_a_path_into_a_folder_says_which_tools_fail(tmp_path):
    """`models/x`, unmapped, beside a `src/models/` folder: Node fails to load it either way, but tsc
    resolves only imports, not a `require()` call in TypeScript (tsc 5.9 reports nothing for it; a
    real service's message claimed TS2307 for `require('models/AccountTransaction')`)."""
    from tests.dependencies.test_shipping import write

    write(tmp_path, {
        "package.json": {"name": "ledger", "version": "1.0.0", "private": True, "main": "dist/main.js"},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist"}, "include": ["src"]},
        "src/models/account.ts": "export class Account {}\n",
        "src/models/tx.ts": "export class Tx {}\n",
        "src/main.ts": "import { Account } from 'models/account';\nconst { Tx } = require('models/tx');\n"
                       "export const all = [Account, Tx];\n",
    })
    found = {d.extra["specifier"]: d.message for d in lint(tmp_path, ["DEP001"])}
    assert "tsc fails with TS2307 and Node with \"Cannot find module 'models/account'\"" in found["models/account"]
    assert "TS2307" not in found["models/tx"] and "Node fails with \"Cannot find module 'models/tx'\"" in found["models/tx"]


def test_ng_zorro_brings_the_icon_set_it_documents_where_the_install_hoists(tmp_path):
    """`import { GithubFill } from '@ant-design/icons-angular/icons'` beside `ng-zorro-antd`, which depends
    on the icon set and documents importing icons from it (a NestJS and Angular starter: 3 DEP001 on
    its client apps, yarn v1). Where the lockfile says the kit brings it and the install hoists, the
    kit's copy serves it; with no lockfile that says so, it is reported."""
    files = {
        "package.json": {"name": "shop", "private": True,
                         "dependencies": {"@angular/core": "^19.0.0", "ng-zorro-antd": "^19.0.0"}},
        "tsconfig.json": {"compilerOptions": {"strict": True}, "include": ["src/**/*.ts"]},
        "src/app/app.config.ts": "import { GithubFill } from '@ant-design/icons-angular/icons';\n"
                                 "import { provideNzIcons } from 'ng-zorro-antd/icon';\n\n"
                                 "export const appConfig = { providers: [provideNzIcons([GithubFill])] };\n",
    }
    lock = ('# yarn lockfile v1\n\n\n"@angular/core@^19.0.0":\n  version "19.0.0"\n\n'
            '"@ant-design/icons-angular@^19.0.0":\n  version "19.0.0"\n\n'
            'ng-zorro-antd@^19.0.0:\n  version "19.0.0"\n  dependencies:\n    "@ant-design/icons-angular" "^19.0.0"\n')
    assert _found(_write(tmp_path / "yarn", {**files, "yarn.lock": lock}), ["DEP001"]) == []
    assert _found(_write(tmp_path / "none", files), ["DEP001"]) == [("DEP001", "src/app/app.config.ts")]


@pytest.mark.parametrize("umbrella, pin, lockfile, reported", [
    ("aws-amplify", "5.4.21", True, []),
    ("aws-amplify", "^5.4.21", True, ["src/api.ts"]),  # a range: the category may move apart from the umbrella
    ("aws-amplify", "5.4.21", False, ["src/api.ts"]),  # no lockfile says what the umbrella brings
    # a scope's namesake that is no umbrella of categories its users import (Next's docs: install @next/env)
    ("next", "5.4.21", True, ["src/api.ts"]),
])
def test_a_category_package_its_umbrella_pins_exactly_is_served_by_the_umbrella(tmp_path, umbrella, pin, lockfile, reported):
    """`import { GraphQLQuery } from '@aws-amplify/api'` beside `aws-amplify`, the package named after the
    scope, whose locked release pins its category packages at exact versions (a chatbot's web app: 19 DEP001;
    a Z-Wave UI's `@zwave-js/*` under `zwave-js`: 15, declared once and removed the next day by its maintainers):
    the category moves with the umbrella, and the hoisting install's one copy serves it. A category the
    umbrella takes by a range, or no lockfile that says so, is reported."""
    category = f"@{umbrella}/api"
    files = {
        "package.json": {"name": "web", "private": True, "dependencies": {umbrella: "^5.3.20"}},
        "src/api.ts": f"import {{ API }} from '{umbrella}';\nimport {{ GraphQLQuery }} from '{category}';\n\n"
                      "export const list = () => API.graphql<GraphQLQuery<{ items: string[] }>>({ query: '{ items }' });\n",
    }
    if lockfile:
        files["package-lock.json"] = {"name": "web", "lockfileVersion": 3, "requires": True, "packages": {
            "": {"name": "web", "dependencies": {umbrella: "^5.3.20"}},
            f"node_modules/{umbrella}": {"version": "5.3.33", "dependencies": {category: pin}},
            f"node_modules/{category}": {"version": "5.4.21"}}}
    assert [p for _, p in _found(_write(tmp_path, files), ["DEP001"])] == reported


def test_raycast_runs_an_extension_with_the_react_its_api_pins(tmp_path):
    """A Raycast extension imports `react` and declares only `@raycast/api`, as Raycast's template does:
    the API depends on React at an exact version and runs the extension with it (a notes app's extension:
    3 DEP001). Without the API declared, react is an ordinary package."""
    files = {
        "package.json": {"name": "my-ext", "title": "My Ext", "commands": [{"name": "index", "mode": "view"}],
                         "dependencies": {"@raycast/api": "^1.103.3"},
                         "devDependencies": {"@types/react": "19.0.10", "typescript": "^5.8.2"},
                         "scripts": {"build": "ray build", "dev": "ray develop"}},
        "tsconfig.json": {"compilerOptions": {"jsx": "react-jsx", "strict": True}, "include": ["src"]},
        "src/index.tsx": "import { List } from '@raycast/api';\nimport { useState } from 'react';\n\n"
                         "export default function Command() {\n  const [q] = useState('');\n  return <List searchText={q} />;\n}\n",
    }
    assert _found(_write(tmp_path / "ext", files), ["DEP", "IMP"]) == []
    plain = {**files, "package.json": {**files["package.json"], "dependencies": {"@acme/ui": "^1.0.0"}}}
    plain["src/index.tsx"] = "import { useState } from 'react';\n\nexport const useQ = () => useState('');\n"
    assert ("DEP001", "src/index.tsx") in _found(_write(tmp_path / "plain", plain), ["DEP"])

