"""A vite app's `index.html` module scripts are its entry points."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import write

PAGE = '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n'


def app(root: Path, manifest: dict, page: str = PAGE) -> list[str]:
    write(root, {
        "package.json": manifest,
        "tsconfig.json": {"compilerOptions": {"strict": True, "jsx": "react-jsx", "noEmit": True}, "include": ["backend"]},
        "vite.config.ts": "import { defineConfig } from 'vite';\n\nexport default defineConfig({ build: { outDir: 'build' } });\n",
        "index.html": page,
        "src/main.tsx": "import { createRoot } from 'react-dom/client';\nimport { List } from './List';\n\n"
                        "createRoot(document.getElementById('root')!).render(<List />);\n",
        "src/List.tsx": "import { sortBy } from 'lodash';\n\nexport const List = () => <ul>{sortBy(['b', 'a']).join()}</ul>;\n",
        "backend/app.ts": "export const port = 3001;\n",
    })
    return [f"{d.severity.value} {d.message}" for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]


SHOP = {"name": "shop-demo", "private": True, "scripts": {"build": "vite build"},
        "dependencies": {"react": "^18.3.1", "react-dom": "^18.3.1"}, "devDependencies": {"vite": "^5.4.0"}}


@pytest.mark.parametrize("manifest", [SHOP, {**{k: v for k, v in SHOP.items() if k != "private"}, "version": "1.0.0"}],
                         ids=["private", "names-nothing-to-load"])
def test_what_index_html_loads_is_the_app_not_dead_code(tmp_path, manifest):
    """`<script type="module" src="/src/main.tsx">`: vite builds the app from there, though the root
    tsconfig covers only the API: the UI's undeclared lodash is an error with its fix, not a warning that
    calls the UI dead code (a real demo app, whose package.json names nothing to load: 10 findings)."""
    (found,) = app(tmp_path / "app", manifest)
    assert found.startswith("error") and "dead code" not in found and '"lodash"' in found, found


def test_a_script_without_its_extension_names_the_typescript_file(tmp_path):
    """`<script type="module" src="src/main">`: vite's resolver completes the name as it does an import's,
    so `src/main.tsx` is the app's entry (a permits front end: its components were taken for dead code)."""
    (found,) = app(tmp_path / "app", SHOP, PAGE.replace('src="/src/main.tsx"', 'src="src/main"'))
    assert found.startswith("error") and "dead code" not in found, found


def test_a_published_packages_page_is_its_playground(tmp_path):
    """A published package (not private) keeps `index.html` to try its components with `vite`: that
    page is no entry of what it ships, and its files stay outside every build."""
    published = {**SHOP, "private": False, "version": "1.0.0", "main": "dist/index.js"}
    (found,) = app(tmp_path / "lib", published)
    assert "dead code" in found, found


def test_a_parked_component_the_page_does_not_reach_is_outside_every_build(tmp_path):
    """`legacy/src/Canvas.tsx`, parked when the app moved on: index.html's script does not reach it and
    no tsconfig includes it, so nothing builds it: its broken imports are warnings that say so (a real
    scraper's UI: 48 of them), not the errors a bundled file gets."""
    write(tmp_path / "app", {"legacy/src/Canvas.tsx": "import { socket } from '../../context/socket';\n\n"
                                                      "export const Canvas = () => <div>{String(socket)}</div>;\n"})
    app(tmp_path / "app", SHOP)
    found = [d for d in pipeline.lint([str(tmp_path / "app")], Settings(select=["IMP002"]), use_cache=False).diagnostics]
    assert [(d.severity.value, "dead code" in d.message) for d in found] == [("warning", True)]


def test_a_test_elsewhere_importing_the_apps_file_leaves_it_the_apps(tmp_path):
    """A test of another package imports a module of the vite app (`../../apps/web/src/List`): the app
    still ships it in its bundle, so the undeclared package it loads belongs in `dependencies`, not
    `devDependencies` "because only files that never ship import it" (a real EHR monorepo: 10
    DEP001 whose advice said so; in an unbundled service the same reading would hide DEP002)."""
    root = tmp_path / "repo"
    write(root, {"package.json": {"name": "repo", "private": True, "workspaces": ["apps/*", "packages/*"]},
                 "packages/fn/package.json": {"name": "fn", "private": True, "devDependencies": {"vitest": "^1.0.0"}},
                 "packages/fn/test/list.test.ts": "import { List } from '../../../apps/web/src/List';\nimport { test } from 'vitest';\n\n"
                                                  "test('list', () => { List(); });\n"})
    (found,) = app(root / "apps/web", SHOP)
    assert "npm install lodash -w shop-demo" in found, found


def test_a_vite_build_a_runner_starts_from_a_quoted_command_is_the_apps_build(tmp_path):
    """`"build": "concurrently --kill-others-on-fail \"tsc\" \"vite build\""`: the quoted command is
    a command of the script, so index.html's script is the app's entry (a real EHR front end, whose
    entry went unmapped)."""
    quoted = {**SHOP, "scripts": {"build": 'concurrently --kill-others-on-fail "tsc" "vite build --mode default"'}}
    (found,) = app(tmp_path / "app", quoted)
    assert found.startswith("error") and "dead code" not in found, found


def test_a_plugin_only_the_vite_config_imports_is_a_build_tool_of_the_app(tmp_path):
    """`report-plugin.ts` beside the app's `vite.config.ts`, which alone imports it: the page does not
    reach it and only the build's config loads it, so esbuild, which it imports, is a devDependency
    (a real EHR app, once its page was read as the entry: "add to dependencies")."""
    root = tmp_path / "app"
    write(root, {"report-plugin.ts": "import { build } from 'esbuild';\n\nexport const reportPlugin = () => ({ name: 'r', build });\n"})
    app(root, SHOP)
    write(root, {"vite.config.ts": "import { defineConfig } from 'vite';\nimport { reportPlugin } from './report-plugin';\n\n"
                                   "export default defineConfig({ plugins: [reportPlugin()] });\n"})
    found = [d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
             if '"esbuild"' in d.message]
    assert len(found) == 1 and "--save-dev" in found[0], found


def test_in_a_vue_app_a_module_ts_imports_only_for_types_may_still_ship(tmp_path):
    """A Vue app's `map-layers.ts` imports `pinClustering.ts` only for a type; a `.vue` component, which
    this linter does not read, may import it by value: its undeclared package stays a dependency (a
    fleet manager's front end). Without Vue, the type-only importer is all there is: devDependencies."""
    def advice(name: str, manifest: dict) -> str:
        root = tmp_path / name
        write(root, {"src/helpers/pinClustering.ts": "import Supercluster from 'supercluster';\n\nexport const cluster = () => new Supercluster();\n",
                     "src/helpers/layers.ts": "import type { cluster } from './pinClustering';\n\n"
                                              "export type C = typeof cluster;\nexport const layers = ['pins'];\n"})
        app(root, manifest)
        write(root, {"src/List.tsx": "import { sortBy } from 'lodash';\nimport { layers } from './helpers/layers';\n\n"
                                     "export const List = () => <ul>{sortBy(layers).join()}</ul>;\n"})
        [found] = [d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
                   if '"supercluster"' in d.message]
        return found
    assert "--save-dev" not in advice("vue", {**SHOP, "dependencies": {**SHOP["dependencies"], "vue": "^3.5.0"}})
    assert "--save-dev" in advice("plain", SHOP)


def test_the_modules_an_import_meta_glob_names_are_the_apps(tmp_path):
    """`import.meta.glob('./pages/*.tsx')` in the page's script: vite bundles every page it names,
    lazily, though no import statement names them (a page was called dead code, its undeclared
    package a warning); a `!` pattern leaves one out, and an aliased pattern is not followed."""
    root = tmp_path / "app"
    app(root, SHOP, PAGE.replace("/src/main.tsx", "/src/boot.tsx"))  # src/List.tsx: reached by nothing now
    write(root, {"src/pages/Home.tsx": "import { sortBy } from 'lodash';\n\nexport const Home = () => sortBy([2, 1]).join();\n",
                 "src/pages/Draft.tsx": "import { chunk } from 'lodash';\n\nexport const Draft = () => chunk([1]).join();\n",
                 "src/boot.tsx": "const pages = import.meta.glob(['./pages/*.tsx', '!./pages/Draft.tsx']);\n"
                                 "const more = import.meta.glob('@/pages/*.tsx');\n"
                                 "for (const load of Object.values({ ...pages, ...more })) void load();\n"})
    found = {d.path.rsplit("/", 1)[1]: d.severity.value
             for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert found == {"Home.tsx": "error", "Draft.tsx": "warning", "List.tsx": "warning"}, found


def test_a_plugin_folder_another_apps_glob_bundles_takes_that_apps_aliases(tmp_path):
    """The web app's `import.meta.glob('../../plugins/*/src/admin/index.ts')` bundles each plugin's
    admin UI, and its vite config aliases `react` to its own copy (a real CMS: 4 DEP001 warnings
    calling the plugins' files dead code): the plugin declares no react of its own. A name the
    config does not alias is the plugin's to declare."""
    write(tmp_path, {
        "package.json": {"name": "root", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - 'web'\n  - 'plugins/*'\n",
        "web/package.json": {"name": "@acme/web", "private": True, "type": "module", "scripts": {"build": "vite build"},
                             "dependencies": {"react": "^18.3.1", "react-dom": "^18.3.1"}, "devDependencies": {"vite": "^5.4.0"}},
        "web/vite.config.ts": "import path from 'node:path';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({\n"
                              "  resolve: { alias: [{ find: 'react', replacement: path.resolve(__dirname, 'node_modules/react') }] },\n});\n",
        "web/index.html": PAGE,
        "web/src/main.tsx": "const admin = import.meta.glob('../../plugins/*/src/admin/index.ts');\n"
                            "for (const load of Object.values(admin)) void load();\n",
        "plugins/seo/package.json": {"name": "@acme/plugin-seo", "private": True, "main": "dist/index.js",
                                     "scripts": {"build": "tsc"}, "devDependencies": {"typescript": "~5.9.3"}},
        "plugins/seo/tsconfig.json": {"compilerOptions": {"rootDir": "./src/server", "outDir": "./dist"},
                                      "include": ["src/server/**/*"]},
        "plugins/seo/src/server/index.ts": "export function register(): void {}\n",
        "plugins/seo/src/admin/index.ts": "export { SeoPanel } from './SeoPanel';\n",
        "plugins/seo/src/admin/SeoPanel.tsx": "import { useState } from 'react';\nimport { marked } from 'marked';\n\n"
                                              "export function SeoPanel() { const [v] = useState(''); return marked(v); }\n",
    })
    found = [d.extra["package"] for d in pipeline.lint([str(tmp_path)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert found == ["marked"], found


def test_the_globs_that_take_a_file_in_are_looked_for_once_per_file_within_its_package(tmp_path, monkeypatch):
    """A workspace where some app globs other packages' files in, and a plugin of many files imports what
    nothing declares (a low-code platform of 11,000 files did not finish in 600 s: every finding searched the
    whole workspace for its file's importers, each search reading every file). The chain of importers between
    a file and the glob is looked for in the file's package alone, and once per file, however many findings
    it has."""
    from migrationlint.checks import provided_modules

    files = {
        "package.json": {"name": "root", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - 'web'\n  - 'plugins/*'\n",
        "web/package.json": {"name": "@acme/web", "private": True, "scripts": {"build": "vite build"}},
        "web/src/main.tsx": "const admin = import.meta.glob('../../plugins/*/src/admin/index.ts');\nvoid admin;\n",
        "plugins/seo/package.json": {"name": "@acme/plugin-seo", "private": True, "main": "src/server/index.ts"},
        "plugins/seo/src/server/index.ts": "".join(f"import './part{i}';\n" for i in range(6)),
    }
    for i in range(6):
        files[f"plugins/seo/src/server/part{i}.ts"] = "import { marked } from 'marked';\nimport pad from 'left-pad';\n\n" \
                                                      "export const p = () => pad(marked('x'), 3);\n"
    write(tmp_path, files)
    asked: list[tuple[str, str | None]] = []
    real = provided_modules.importers

    def counted(project, path, names, resolver=None, within=None):
        asked.append((path, within))
        return real(project, path, names, resolver, within=within)

    monkeypatch.setattr(provided_modules, "importers", counted)
    found = pipeline.lint([str(tmp_path)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert len(found) == 12
    assert asked and len(asked) == len({path for path, _ in asked}), asked
    assert {within for _, within in asked} == {str(tmp_path / "plugins" / "seo")}
