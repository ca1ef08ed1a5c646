"""Files never compiled where they lie. Snippets a VuePress or VitePress page includes as text
(model/text_snippets.py): their imports are the reader's application's, so neither the import rules
nor the dependency rules report them, unless something compiles or imports the file after all. And
a generator's published folder, copied into the code it writes."""

from __future__ import annotations

from migrationlint.explain import explain_file
from migrationlint.settings import Settings
from tests.helpers import lint
from tests.imports.test_imports_real_world import _pkg, _write

SNIPPET = """import { Controller, Get } from '@acme/core';
import { Request } from 'express';
import type { IUser } from './interfaces/IUser';

@Controller('/users')
export class UserController {
  @Get('/')
  list(req: Request): IUser[] {
    return [];
  }
}
"""


def _site(root, site: str = "docs", config: str = ".vitepress") -> None:
    """A library workspace with a documentation site in `site/` (its own private package.json)."""
    _pkg(root, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*", site]})
    _pkg(root, "packages/core/package.json", {"name": "@acme/core", "version": "2.1.0", "main": "dist/index.js"})
    _write(root, "packages/core/src/index.ts", "export const Controller = (p: string) => (c: unknown) => c;\n"
                                              "export const Get = (p: string) => (...a: unknown[]) => undefined;\n")
    _pkg(root, f"{site}/package.json", {"name": "acme-docs", "private": True,
                                        "scripts": {"docs:build": "vitepress build"}, "devDependencies": {"vitepress": "^1.5.0"}})
    _write(root, f"{site}/{config}/config.ts", "export default { title: 'Acme' };\n")
    _write(root, f"{site}/guide/controllers.md", "# Controllers\n\nA controller:\n\n<<< @/snippets/user.controller.ts{5-9} [user.controller.ts]\n\n"
                                                 "Its test:\n\n  <<< ./user.controller.spec.ts#setup\n")
    _write(root, f"{site}/snippets/user.controller.ts", SNIPPET)
    _write(root, f"{site}/guide/user.controller.spec.ts", "import { UserController } from '../snippets/user.controller';\n"
                                                          "import { expect } from 'vitest';\n\nexpect(new UserController()).toBeTruthy();\n")


def _files(root) -> set[str]:
    return {str(d.path).replace(str(root) + "/", "") for d in lint(root, ["DEP", "IMP"])}


def test_a_snippet_a_page_includes_as_text_is_not_checked(tmp_path):
    """`<<< @/snippets/user.controller.ts{5-9}` (`@`: the site's folder) and `<<< ./x.spec.ts#setup`
    (from the page's folder): the site shows their text. So does a file beside them that no page includes
    today (a framework's docs: 88 findings on `*.legacy.ts` versions kept beside the snippets pages show).
    The same file in a folder no page includes from is reported (DEP001 for `@acme/core` and `express`,
    IMP002 for the reader's `./interfaces/IUser`)."""
    _site(tmp_path)
    assert _files(tmp_path) == set()
    _write(tmp_path, "docs/snippets/legacy/user.controller.legacy.ts", SNIPPET)
    assert _files(tmp_path) == set()
    _write(tmp_path, "docs/drafts/orphan.ts", SNIPPET)
    assert {(str(d.path).replace(str(tmp_path) + "/", ""), d.code) for d in lint(tmp_path, ["DEP", "IMP"])} == {
        ("docs/drafts/orphan.ts", "DEP001"), ("docs/drafts/orphan.ts", "IMP002")}


def test_a_vuepress_site_and_a_site_outside_a_docs_folder(tmp_path):
    """VuePress's `.vuepress/` marks the site the same way, wherever it lies (`handbook/`, a package
    with no entry point, whose files count as shipping): a snippet's TypeORM options load no driver
    (DEP004) either."""
    _site(tmp_path, site="handbook", config=".vuepress")
    _pkg(tmp_path, "handbook/package.json", {"name": "acme-handbook", "private": True,
                                             "dependencies": {"@nestjs/typeorm": "^10.0.0", "typeorm": "^0.3.20"}})
    _write(tmp_path, "handbook/setup/database.ts", "import { TypeOrmModule } from '@nestjs/typeorm';\n\n"
                                                      "export const db = TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DB });\n")
    _write(tmp_path, "handbook/guide/database.md", "# Database\n\n<<< @/setup/database.ts\n")
    assert _files(tmp_path) == set()
    (tmp_path / "handbook/guide/database.md").write_text("# Database\n")
    assert {(str(d.path).replace(str(tmp_path) + "/", ""), d.code) for d in lint(tmp_path, ["DEP004"])} == {
        ("handbook/setup/database.ts", "DEP004")}


def test_without_a_site_folder_the_same_file_is_checked(tmp_path):
    """A `<<<` line in a markdown file outside any VuePress or VitePress site includes nothing."""
    _site(tmp_path)
    (tmp_path / "docs/.vitepress/config.ts").unlink()
    (tmp_path / "docs/.vitepress").rmdir()
    assert _files(tmp_path) == {"docs/snippets/user.controller.ts", "docs/guide/user.controller.spec.ts"}


def test_a_snippet_a_tsconfig_compiles_is_checked(tmp_path):
    """A tsconfig whose program holds the snippets (someone type-checks them): tsc fails on what they
    import, so the findings stand."""
    _site(tmp_path)
    _pkg(tmp_path, "docs/tsconfig.json", {"compilerOptions": {"noEmit": True}, "include": ["snippets/**/*.ts"]})
    assert _files(tmp_path) == {"docs/snippets/user.controller.ts"}


def test_a_snippet_the_sites_theme_imports_is_checked(tmp_path):
    """The site's theme (compiled by its build) imports the snippet: it runs, its imports count. The
    spec shown beside it importing it does not (a snippet compiles nothing)."""
    _site(tmp_path)
    _write(tmp_path, "docs/.vitepress/theme/index.ts", "import { UserController } from '../../snippets/user.controller';\n"
                                                        "export default { enhanceApp() { return UserController; } };\n")
    assert _files(tmp_path) == {"docs/snippets/user.controller.ts"}


def test_explain_file_names_the_page_that_shows_the_snippet(tmp_path):
    _site(tmp_path)
    explained = explain_file(str(tmp_path / "docs/snippets/user.controller.ts"), Settings())
    assert "shown as text: docs/guide/controllers.md:5 includes it as a code block" in explained
    assert "shown as text" not in explain_file(str(tmp_path / "packages/core/src/index.ts"), Settings())


def test_a_folder_a_generator_publishes_as_it_is_is_not_checked(tmp_path):
    """`packages/gen/assets/bundle/api/module.ts` (`"files": ["assets", "lib"]`, a tsconfig compiling
    `src` only): the generator copies the folder into the code it writes, beside a `functional/`
    folder it generates there. The same import in `src/` is checked."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/gen/package.json", {"name": "@acme/gen", "version": "1.0.0", "main": "lib/index.js",
                                                 "files": ["assets", "lib"], "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "packages/gen/tsconfig.json", {"compilerOptions": {"rootDir": "src", "outDir": "lib"}, "include": ["src"]})
    _write(tmp_path, "packages/gen/assets/bundle/api/module.ts", 'export * as functional from "./functional/index";\n')
    _write(tmp_path, "packages/gen/src/index.ts", 'export * as functional from "./functional/index";\n')
    assert _files(tmp_path) == {"packages/gen/src/index.ts"}


def test_a_declaration_file_beside_its_source_is_tscs_output(tmp_path):
    """`src/clock.d.ts` committed beside `src/clock.ts` (tsc's `declaration: true` output, checked in
    with the `.js`): TypeScript never reads it, so its imports, here stale ones, are no findings (a
    real service: 66 errors repeating or contradicting its sources). A hand-written `types.d.ts`
    with no source of that name stays checked."""
    _pkg(tmp_path, "package.json", {"name": "orders", "version": "1.0.0", "private": True,
                                    "scripts": {"build": "tsc", "start": "node dist/main.js"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "dist", "declaration": True}, "include": ["src"]})
    _write(tmp_path, "src/main.ts", "import { Clock } from './clock';\n\nconsole.log(new Clock().now());\n")
    _write(tmp_path, "src/clock.ts", "export class Clock {\n  now(): number {\n    return Date.now();\n  }\n}\n")
    stale = "import { Ticker } from './old/ticker';\nimport type { Dictionary } from 'lodash';\n\nexport declare class Clock {\n  now(): number;\n}\n"
    _write(tmp_path, "src/clock.d.ts", stale)
    _write(tmp_path, "src/types.d.ts", stale.replace("Clock", "Types"))
    assert {(str(d.path).replace(str(tmp_path) + "/", ""), d.code) for d in lint(tmp_path, ["DEP", "IMP"])} == {
        ("src/types.d.ts", "DEP001"), ("src/types.d.ts", "IMP002")}
    assert "tsc's output beside its source clock.ts" in explain_file(str(tmp_path / "src/clock.d.ts"), Settings())


def _landing_page(root, importer: str, line: str) -> None:
    """A website package (vite) whose landing page imports a TypeScript sample with `?raw` to show it:
    the sample imports what the reader installs (`zod`) and the client the reader generates (`./sdk.gen`)."""
    _pkg(root, "package.json", {"name": "acme", "private": True, "workspaces": ["web", "packages/*"]})
    _pkg(root, "packages/client/package.json", {"name": "@acme/client", "version": "1.0.0", "main": "dist/index.js",
                                                 "dependencies": {"zod": "^4.0.0"}})
    _write(root, "packages/client/src/index.ts", "import { z } from 'zod';\nexport const Id = z.string();\n")
    _pkg(root, "web/package.json", {"name": "web", "private": True, "type": "module",
                                    "scripts": {"build": "astro build"}, "devDependencies": {"astro": "^5.0.0"}})
    _write(root, "web/src/previews/sdk.ts", "import { z } from 'zod';\nimport { createOrder } from './sdk.gen';\n\n"
                                            "export const Order = z.object({ id: z.string() });\ncreateOrder({ body: {} });\n")
    _write(root, f"web/src/{importer}", line)


def test_a_sample_a_page_imports_as_text_with_raw_is_not_checked(tmp_path):
    """`import code from './previews/sdk.ts?raw'` in an Astro component (a code generator's landing page: 3 DEP001
    with a safe fix adding zod, valibot and react-query to the website, 3 IMP002 for the generated files the
    samples name), or in a TypeScript module: vite gives the file's text, nothing compiles or loads it. The
    sample imported as code as well is checked."""
    _landing_page(tmp_path, "components/Hero.astro",
                  "---\nimport tsCode from '../previews/sdk.ts?raw';\nimport Code from './Code.astro';\n---\n"
                  "<Code code={tsCode} lang=\"ts\" />\n")
    assert _files(tmp_path) == set()
    explained = explain_file(str(tmp_path / "web/src/previews/sdk.ts"), Settings())
    assert "shown as text: web/src/components/Hero.astro imports it as text (`?raw`)" in explained
    _write(tmp_path, "web/src/order.ts", "import { Order } from './previews/sdk';\nexport const order = Order;\n")
    assert _files(tmp_path) == {"web/src/previews/sdk.ts"}


def test_a_typescript_module_importing_a_sample_with_raw_shows_it_as_text(tmp_path):
    _landing_page(tmp_path, "hero.ts", "import sdkCode from './previews/sdk.ts?raw';\n\nexport const code: string = sdkCode;\n")
    assert _files(tmp_path) == set()
    _write(tmp_path, "web/src/hero.ts", "import sdkCode from './previews/sdk.ts';\n\nexport const code = sdkCode;\n")
    assert _files(tmp_path) == {"web/src/previews/sdk.ts"}


def test_components_are_read_only_in_a_package_that_builds_with_vite(tmp_path):
    """`?raw` is vite's: in a package that declares no tool built on it (nor does the root), its components
    are not read (a docs site's thousands of pages would each be an input every later run reads again), and
    the sample is checked."""
    _landing_page(tmp_path, "components/Hero.astro", "---\nimport tsCode from '../previews/sdk.ts?raw';\n---\n{tsCode}\n")
    _pkg(tmp_path, "web/package.json", {"name": "web", "private": True, "scripts": {"build": "node build.mjs"}})
    assert _files(tmp_path) == {"web/src/previews/sdk.ts"}
