"""Files outside every build (model/dead_files.py): backup copies, and folders of parked copies
that import one another, decided once per file."""

from __future__ import annotations

import pytest

from migrationlint import pipeline
from migrationlint.model import dead_files, imported_anywhere
from migrationlint.model.resolve import resolver_for
from migrationlint.settings import Settings
from tests.helpers import lint
from tests.imports.test_imports_real_world import _pkg, _write


def _workspace(root, scripts: dict | None = None) -> None:
    _pkg(root, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/*"], "scripts": scripts or {}})
    _pkg(root, "tsconfig.json", {"compilerOptions": {"strict": True, "noEmit": True}, "include": ["packages/*/src"]})
    _pkg(root, "packages/svc/package.json", {"name": "@acme/svc", "version": "1.0.0", "private": True,
                                             "scripts": {"build": "tsc", "start": "node dist/index.js"}})
    _pkg(root, "packages/svc/tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]})
    _write(root, "packages/svc/src/index.ts", "export const run = () => 1;\n")


def _severities(root) -> list[tuple[str, str]]:
    return sorted((d.path.split("/scripts/", 1)[-1], d.severity.value) for d in lint(root, ["IMP"]))


def test_a_backup_copy_of_the_repositorys_own_folders_is_outside_every_build(tmp_path):
    """`scripts/cleanup/backups/<stamp>/packages/svc/src/index.ts`: a clean-up script saved the files
    it was about to edit, with their folders (a real monorepo: 175 IMP errors on such copies). The
    `scripts/` convention says "run by hand", but nothing runs a backup: its broken imports are the
    dead-file warning. A script that takes backups (`scripts/backup/dump.ts`, no copied folders
    below it) and a copy a script names stay errors."""
    _workspace(tmp_path)
    copy = "scripts/cleanup/backups/run-0930/packages/svc/src/index.ts"
    _write(tmp_path, copy, "import { util } from './util';\n\nexport const run = () => util();\n")
    _write(tmp_path, "scripts/cleanup/backups/run-0930/packages/svc/src/other.ts", "import { run } from './index';\n\nexport const again = run;\n")
    _write(tmp_path, "scripts/backup/dump.ts", "import { connect } from './connect';\n\nexport const dump = connect;\n")
    assert _severities(tmp_path) == [("backup/dump.ts", "error"), ("cleanup/backups/run-0930/packages/svc/src/index.ts", "warning")]
    _workspace(tmp_path, {"restore": f"tsx {copy}"})
    assert _severities(tmp_path) == [("backup/dump.ts", "error"), ("cleanup/backups/run-0930/packages/svc/src/index.ts", "error")]


@pytest.mark.parametrize("folder, dead", [(".history", True), (".github", False), (".tools", False)])
def test_an_editors_local_history_is_a_backup_copy(tmp_path, folder, dead):
    """`.history/packages/svc/src/index_20240101120000.ts`: an editor extension's local history, committed
    by mistake, copies files with their folders into a hidden folder (an e-commerce monorepo: 117 DEP001
    errors asking to declare the apps' packages at the root). The two folders below it are the
    repository's own (deeper ones may be gone since): a backup copy, outside every build. A CI folder's
    scripts are run by its workflows, and a hidden folder whose contents mirror nothing is no copy."""
    _workspace(tmp_path)
    below = "packages/svc/src/gone" if folder != ".tools" else "misc/svc/src"
    _write(tmp_path, f"{folder}/{below}/index_20240101120000.ts", "import leftPad from 'left-pad';\n\nexport const run = () => leftPad('1', 2);\n")
    [d] = lint(tmp_path, ["DEP001"])
    assert (d.severity.value, d.message.endswith("most likely dead code.")) == (("warning", True) if dead else ("error", False))


def test_a_backup_copys_test_file_may_still_be_run_by_a_test_runner(tmp_path):
    """A runner's default globs (`**/*.test.ts`) reach a test file wherever it lies: a backup copy of a
    test is not assumed dead where the repository runs tests."""
    _workspace(tmp_path, {"test": "jest"})
    _write(tmp_path, "scripts/backups/packages/svc/src/index.test.ts", "import { gone } from './gone';\n\nexport const t = gone;\n")
    assert _severities(tmp_path) == [("backups/packages/svc/src/index.test.ts", "error")]


def test_parked_copies_importing_one_another_are_decided_once_each(tmp_path, monkeypatch):
    """Twelve parked files that all import one another: the answer for each file comes from one walk
    over its importers (each file's importers are listed at most once per run), not from a recursion
    over every order of them (12! orders). One live file importing one of them keeps them all."""
    _workspace(tmp_path)
    names = [f"part{i}" for i in range(12)]
    for name in names:
        others = "".join(f"import {{ {o} }} from './{o}';\n" for o in names if o != name)
        _write(tmp_path, f"archived/{name}.ts", others + f"import {{ gone }} from './gone';\n\nexport const {name} = gone;\n")
    listed: list[str] = []
    real = dead_files.importers

    def counted(project, path, names, resolver=None):
        listed.append(path)
        return real(project, path, names, resolver)

    monkeypatch.setattr(dead_files, "importers", counted)
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"warning"}
    assert len(listed) == len(set(listed)) == 12
    _write(tmp_path, "packages/svc/src/index.ts", "import { part7 } from '../../../archived/part7';\n\nexport const run = () => part7;\n")
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"error"}


def test_the_index_of_a_packages_imports_answers_as_the_scan_does(tmp_path, monkeypatch):
    """A package searched for importers often in a run is searched through an index of its files' imports by
    last segment (a low-code platform's findings each scanned its 2,000-file package's text: 61 s, 24 s with
    the index). Indexed from the first search or never, the findings are the same: parked files importing one
    another, a file a glob loads, an index file imported by its folder's name, a relative import of another
    file of the same name, a live file that imports a parked one."""
    _workspace(tmp_path, {"tool": "tsx archived/tool.ts"})
    _write(tmp_path, "archived/tool.ts", "import { u } from './util';\nimport { t } from './twin/live';\n"
                                         "import { m } from './esm/mod.js';\nimport { pages } from './pages';\n\n"
                                         "export const run = () => [u, t, m, pages];\n")
    _write(tmp_path, "archived/pages.ts", "import { none } from './none';\n\n"
                                          "export const pages = [none, import.meta.glob('./p/*.ts')];\n")
    _write(tmp_path, "archived/esm/mod.ts", "import { away } from './away';\n\nexport const m = away;\n")
    _write(tmp_path, "archived/p/home.ts", "import { missing } from '../missing';\n\nexport const h = missing;\n")
    _write(tmp_path, "archived/util/index.ts", "import { absent } from './absent';\n\nexport const u = absent;\n")
    _write(tmp_path, "archived/twin/live.ts", "import { lost } from './lost';\n\nexport const t = lost;\n")
    for i in range(10):
        _write(tmp_path, f"archived/part{i}.ts", f"import {{ p }} from './part{(i + 1) % 10}';\n"
                                                 f"import {{ live }} from './live';\nimport {{ gone }} from './gone{i}';\n\n"
                                                 f"export const part{i} = [p, live, gone];\n")
    _write(tmp_path, "archived/live.ts", "import { nothere } from './nothere';\n\nexport const live = nothere;\n")

    def found(after: int) -> list[tuple[str, str, str]]:
        monkeypatch.setattr(imported_anywhere, "_INDEXED_AFTER", after)
        return sorted((d.path.split(str(tmp_path))[1], d.severity.value, d.message) for d in lint(tmp_path, ["IMP"]))

    scanned = found(10 ** 6)
    assert [path for path, sev, _ in scanned if sev == "error"] == [
        "/archived/esm/mod.ts", "/archived/p/home.ts", "/archived/pages.ts", "/archived/twin/live.ts",
        "/archived/util/index.ts"], scanned
    assert found(1) == scanned
    project = pipeline.lint([str(tmp_path)], Settings(select=["IMP"]), use_cache=False).project
    files = [f for root in (str(tmp_path), str(tmp_path / "packages" / "svc")) for f in project.package_sources(root)]

    def importers_of_each(after: int) -> dict[str, set[str]]:
        monkeypatch.setattr(imported_anywhere, "_INDEXED_AFTER", after)
        imported_anywhere._INDEXES(project).clear()
        return {f: set(imported_anywhere.importers(project, f, imported_anywhere.file_names(f), resolver_for(project)))
                for f in files}

    scan = importers_of_each(10 ** 6)
    assert sum(map(len, scan.values())) >= 15 and scan == importers_of_each(1)


def test_an_undeclared_import_in_a_dead_file_is_a_warning_without_a_fix(tmp_path):
    """A page left behind by a removed plugin, in a folder no tsconfig includes and nothing imports
    or runs (a low-code platform: DEP001 advising to declare the UI library at the root, while the
    same file's IMP001 already called it dead code): DEP001 says the same, as a warning with no fix.
    The same import in a compiled file stays an error."""
    _workspace(tmp_path)
    _write(tmp_path, "packages/svc/src/index.ts", "import pad from 'right-pad';\n\nexport const run = () => pad('x');\n")
    _write(tmp_path, "plugins/ghost/page.ts", "import pad from 'right-pad';\n\nexport const page = () => pad('x');\n")
    found = {d.path.rsplit("/", 1)[-1]: d for d in lint(tmp_path, ["DEP001"])}
    assert sorted(found) == ["index.ts", "page.ts"]
    page, live = found["page.ts"], found["index.ts"]
    assert page.severity.value == "warning" and page.message.endswith("most likely dead code.")
    assert live.severity.value == "error" and "dead code" not in live.message
    # and no remedy names a manifest: the nearest one may be another service's (a real logistics
    # API's stray front-end folders: 18 warnings advising `pnpm add -w react` for the back end)
    assert "add" not in page.message.split(". Nothing")[0] and "run `" not in page.message and page.fix is None


def test_a_solution_tsconfig_whose_projects_are_not_written_yet_leaves_the_program_unknown(tmp_path):
    """A Nuxt app's tsconfig.json is `"files": []` with `references` to `.nuxt/tsconfig.*.json`, which
    `nuxi prepare` writes; Nuxt auto-imports `app/composables/`, so no file imports them (a Mastodon
    client: 3 DEP001 called dead code). Until those projects exist nothing says what is compiled: the
    finding stays an error."""
    _pkg(tmp_path, "package.json", {"name": "client", "private": True, "scripts": {"build": "nuxi build"},
                                    "dependencies": {"nuxt": "^4.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"files": [], "references": [{"path": "./.nuxt/tsconfig.app.json"}]})
    _write(tmp_path, "app/composables/search.ts", "import { parseURL } from 'ufo';\n\nexport const useSearch = (u: string) => parseURL(u);\n")
    [d] = lint(tmp_path, ["DEP001"])
    assert d.severity.value == "error" and "dead code" not in d.message


def test_a_file_a_named_tsconfig_of_its_folder_compiles_is_not_dead(tmp_path):
    """A Nest monorepo library keeps `libs/common/tsconfig.lib.json` (`include: ["src/**/*"]`) and no
    tsconfig.json; `nest build common` compiles every file it includes, imported or not (a
    microservices boilerplate: 2 DEP001 called dead code). Without that config nothing compiles it."""
    _workspace(tmp_path)
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}, "files": ["packages/svc/src/index.ts"]})
    _pkg(tmp_path, "nest-cli.json", {"monorepo": True, "projects": {"common": {
        "type": "library", "root": "libs/common", "compilerOptions": {"tsConfigPath": "libs/common/tsconfig.lib.json"}}}})
    _pkg(tmp_path, "libs/common/tsconfig.lib.json", {"extends": "../../tsconfig.json", "include": ["src/**/*"]})
    _write(tmp_path, "libs/common/src/helpers/headers.ts", "import { Gateway } from 'apollo-gateway';\n\nexport const g = Gateway;\n")
    [d] = lint(tmp_path, ["DEP001"])
    assert d.severity.value == "error"
    (tmp_path / "libs/common/tsconfig.lib.json").unlink()
    [d] = lint(tmp_path, ["DEP001"])
    assert d.severity.value == "warning" and d.message.endswith("most likely dead code.")


@pytest.mark.parametrize("script, severity", [(None, "warning"), ("tsc -p tsconfig.eslint.json --noEmit", "error")])
def test_a_named_config_nothing_names_above_a_package_compiles_nothing(tmp_path, script, severity):
    """A package compiles `src/` only and vitest excludes its `*.int.test.ts`; the repository's root
    keeps a lint-only `tsconfig.eslint.json` with `"include": ["."]`, which nothing names (a linter that
    reads it reports no compiler error): the integration test is read by nothing (a vector store's:
    a DEP001 error asking for a declaration that would not make it work). A script that compiles the
    named config makes it a program."""
    _pkg(tmp_path, "package.json", {"name": "llm", "private": True, "workspaces": ["packages/*"],
                                    "scripts": {"typecheck": script} if script else {}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}, "files": []})
    _pkg(tmp_path, "tsconfig.eslint.json", {"extends": "./tsconfig.json", "include": ["."],
                                            "exclude": ["**/node_modules", "**/dist", "**/lib"]})
    _pkg(tmp_path, "packages/azure/package.json", {"name": "@llm/azure", "version": "1.0.0", "main": "./lib/index.js",
                                                   "scripts": {"build": "tsc", "test": "vitest run"},
                                                   "devDependencies": {"vitest": "^2.1.5"}})
    _pkg(tmp_path, "packages/azure/tsconfig.json", {"extends": "../../tsconfig.json", "compilerOptions": {"outDir": "./lib"},
                                                    "include": ["./src"]})
    _write(tmp_path, "packages/azure/vitest.config.ts", "import { defineConfig } from 'vitest/config';\n"
                                                        "export default defineConfig({ test: { exclude: ['**/*.int.test.ts'] } });\n")
    _write(tmp_path, "packages/azure/src/index.ts", "export const store = new Map<string, string>();\n")
    _write(tmp_path, "packages/azure/tests/store.int.test.ts", "import { it } from 'vitest';\nimport { Index } from 'llm-core';\n"
                                                              "it('indexes', () => { new Index(); });\n")
    [d] = lint(tmp_path, ["DEP001"])
    assert d.severity.value == severity


def test_a_file_its_tsconfig_excludes_by_name_and_nothing_imports_is_dead(tmp_path):
    """Work in progress parked in `src/wip/`, which the package's tsconfig `exclude` names (a quiz
    platform: two IMP002 errors in a controller no module imports). `rootDir: src` alone does not
    compile it: tsc takes an excluded file only when an included file imports it. A folder the
    config excludes by its path is switched off on purpose: nothing is said (a pattern over file
    names leaves the dead-file warning). Once a file imports it, its broken import fails the build
    again."""
    _workspace(tmp_path)
    _pkg(tmp_path, "packages/svc/tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src"},
                                                 "include": ["src"], "exclude": ["src/wip/**"]})
    _write(tmp_path, "packages/svc/src/wip/commerce.ts", "import { Guard } from '../../auth/guard';\n\nexport const guard = Guard;\n")
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == set()
    _pkg(tmp_path, "packages/svc/tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src"},
                                                 "include": ["src"], "exclude": ["src/**/wip/*.ts"]})
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"warning"}
    _write(tmp_path, "packages/svc/src/index.ts", "import { guard } from './wip/commerce';\n\nexport const run = () => guard;\n")
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"error"}


def test_a_superseded_copy_beside_its_live_twin_is_outside_every_build(tmp_path):
    """`test/factories/test.factories.OLD.ts` beside `test.factories.ts`, which the specs import, in a
    folder the tsconfig excludes (a CRM back end: 1 IMP002 error on the copy's stale path). The
    live twin says the copy was superseded; without it, or when a file imports the copy, the
    broken import is an error (a runner runs the specs). Excluded by a pattern over names (here),
    the copy gets the dead-file warning; by its folder's path, nothing (a switched-off folder)."""
    _workspace(tmp_path, {"test:e2e": "jest --config test/jest-e2e.json"})
    _pkg(tmp_path, "packages/svc/tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src"},
                                                 "include": ["src"], "exclude": ["**/test/**"]})
    _write(tmp_path, "packages/svc/test/factories/test.factories.ts", "import { run } from '../../src/index';\n\nexport const make = run;\n")
    _write(tmp_path, "packages/svc/test/factories/test.factories.OLD.ts", "import { run } from '../../src/legacy';\n\nexport const make = run;\n")
    _write(tmp_path, "packages/svc/test/run.e2e-spec.ts", "import { make } from './factories/test.factories';\n\nit('runs', () => make());\n")
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"warning"}
    (tmp_path / "packages/svc/test/factories/test.factories.ts").unlink()
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"error"}


def test_an_angular_apps_file_outside_its_targets_programs_is_dead(tmp_path):
    """An Angular CLI app whose `tsconfig.json` names no files (the base its targets extend, which
    covers every file for an editor) and whose build compiles `tsconfig.app.json` (`files:
    [src/main.ts]`): a leftover component nothing imports is in no program (a game server's admin
    panel: 4 errors on such an island). Imported by main.ts, it is compiled and its error stays."""
    _pkg(tmp_path, "package.json", {"name": "admin", "private": True, "scripts": {"build": "ng build"},
                                    "dependencies": {"@angular/core": "21.2.6"}, "devDependencies": {"@angular/cli": "21.2.6"}})
    _pkg(tmp_path, "angular.json", {"version": 1, "projects": {"admin": {"root": "", "sourceRoot": "src", "architect": {
        "build": {"builder": "@angular/build:application", "options": {"browser": "src/main.ts", "tsConfig": "tsconfig.app.json"}}}}}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "moduleResolution": "bundler"}})
    _pkg(tmp_path, "tsconfig.app.json", {"extends": "./tsconfig.json", "files": ["src/main.ts"], "include": ["src/**/*.d.ts"]})
    _dead_until_main_imports(tmp_path, "src", "legacy/old-service")


def _dead_until_main_imports(root, src: str, leftover: str) -> None:
    """An app component beside `<src>/app/<leftover>.ts`, whose import of a name the component does not
    export is the dead-file warning until main.ts imports the leftover, then an error."""
    _write(root, f"{src}/main.ts", "import { AppComponent } from './app/app.component';\n\nconsole.log(AppComponent);\n")
    _write(root, f"{src}/app/app.component.ts", "export class AppComponent {}\n")
    _write(root, f"{src}/app/{leftover}.ts", "import { AppComponent, NotExported } from '../app.component';\n\n"
                                             "console.log(AppComponent, NotExported);\n")
    assert {d.severity.value for d in lint(root, ["IMP"])} == {"warning"}
    _write(root, f"{src}/main.ts", f"import {{ AppComponent }} from './app/app.component';\nimport './app/{leftover}';\n\n"
                                   "console.log(AppComponent);\n")
    assert {d.severity.value for d in lint(root, ["IMP"])} == {"error"}


def test_an_nx_apps_editor_config_compiles_nothing(tmp_path):
    """An Nx Angular app whose build names `tsconfig.app.json` (`files: [src/main.ts]`) beside the
    `tsconfig.editor.json` Nx writes for the IDE (`include: **/*.ts`): a leftover strategy nothing
    imports is in no program the targets name (an AI platform's web app: 7 errors claiming the
    binding is undefined at runtime). Imported by main.ts, it is compiled and its error stays."""
    _pkg(tmp_path, "package.json", {"name": "r2", "private": True, "dependencies": {"@angular/core": "^19.0.0"},
                                    "devDependencies": {"@angular/build": "^19.0.0", "nx": "^20.0.0"}})
    _pkg(tmp_path, "nx.json", {"npmScope": "r2"})
    _pkg(tmp_path, "tsconfig.base.json", {"compilerOptions": {"strict": True, "moduleResolution": "bundler"}})
    _pkg(tmp_path, "apps/web/project.json", {"name": "web", "projectType": "application", "targets": {"build": {
        "executor": "@angular/build:application",
        "options": {"browser": "apps/web/src/main.ts", "tsConfig": "{projectRoot}/tsconfig.app.json"}}}})
    _pkg(tmp_path, "apps/web/tsconfig.json", {"extends": "../../tsconfig.base.json", "files": [], "include": [],
                                              "references": [{"path": "./tsconfig.app.json"}, {"path": "./tsconfig.editor.json"}]})
    _pkg(tmp_path, "apps/web/tsconfig.app.json", {"extends": "./tsconfig.json", "files": ["src/main.ts"], "include": ["src/**/*.d.ts"]})
    _pkg(tmp_path, "apps/web/tsconfig.editor.json", {"extends": "./tsconfig.json", "include": ["**/*.ts"]})
    _dead_until_main_imports(tmp_path, "apps/web/src", "old/legacy")


@pytest.mark.parametrize("root_scripts, severity", [({}, "warning"), ({"typecheck": "tsc -p tsconfig.json"}, "error")])
def test_the_roots_catch_all_tsconfig_is_no_program_of_an_nx_project(tmp_path, root_scripts, severity):
    """The root `tsconfig.json` of an Nx workspace is `{"extends": "./tsconfig.base.json"}`: no
    include, so it covers every file, but only an editor reads it. An app's leftover chart nothing
    imports lies outside the programs its project.json targets compile, so its broken import is the
    dead-file warning (an LLM console: 2 errors claiming tsc fails); once a root script runs tsc over
    that config, it is a program, and the error stays; imported by main.tsx, it is compiled."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "scripts": root_scripts,
                                    "devDependencies": {"nx": "17.0.0", "@nx/webpack": "17.0.0", "typescript": "^5.4.0"}})
    _pkg(tmp_path, "nx.json", {"npmScope": "acme"})
    _pkg(tmp_path, "tsconfig.base.json", {"compilerOptions": {"jsx": "react-jsx", "strict": True}})
    _pkg(tmp_path, "tsconfig.json", {"extends": "./tsconfig.base.json"})
    _pkg(tmp_path, "apps/web/project.json", {"name": "web", "projectType": "application", "targets": {"build": {
        "executor": "@nx/webpack:webpack", "options": {"main": "apps/web/src/main.tsx", "tsConfig": "apps/web/tsconfig.app.json"}}}})
    _pkg(tmp_path, "apps/web/tsconfig.json", {"extends": "../../tsconfig.base.json", "files": [], "include": [],
                                              "references": [{"path": "./tsconfig.app.json"}]})
    _pkg(tmp_path, "apps/web/tsconfig.app.json", {"extends": "./tsconfig.json", "files": [], "include": ["src/main.tsx"]})
    _write(tmp_path, "apps/web/src/main.tsx", "import { App } from './App';\nconsole.log(App);\n")
    _write(tmp_path, "apps/web/src/App.tsx", "export const App = () => null;\n")
    _write(tmp_path, "apps/web/src/OldChart.tsx", "import { useMetric } from './providers/MetricContext';\n"
                                                  "export const OldChart = () => useMetric();\n")
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {severity}
    _write(tmp_path, "apps/web/src/main.tsx", "import { OldChart } from './OldChart';\nconsole.log(OldChart);\n")
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"error"}


def test_a_root_dir_compiles_nothing_by_itself(tmp_path):
    """An Angular app whose tsconfigs set `"rootDir": "./src"` and whose build compiles only main.ts and
    what it imports: a DTO copied in by a script and imported by nothing is in no program (a
    permit broker's UI: a DEP001 error putting a Nest server package in an Angular app). `rootDir`
    only says where included files may lie; once main.ts imports the file, it is compiled."""
    _pkg(tmp_path, "package.json", {"name": "ui", "private": True, "scripts": {"build": "ng build"},
                                    "dependencies": {"@angular/core": "^20.0.0"}, "devDependencies": {"@angular/cli": "^20.0.0"}})
    _pkg(tmp_path, "angular.json", {"version": 1, "projects": {"ui": {"root": "", "sourceRoot": "src", "architect": {
        "build": {"builder": "@angular/build:application", "options": {"browser": "src/main.ts", "tsConfig": "tsconfig.app.json"}}}}}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "moduleResolution": "bundler", "rootDir": "./src"}})
    _pkg(tmp_path, "tsconfig.app.json", {"extends": "./tsconfig.json", "files": ["src/main.ts"], "include": ["src/**/*.d.ts"]})
    _write(tmp_path, "src/main.ts", "export const boot = 1;\n")
    _write(tmp_path, "src/app/dto/close.dto.ts", "import { ApiProperty } from '@nestjs/swagger';\n\n"
                                                 "export class CloseDto { @ApiProperty() message!: string; }\n")
    assert {d.severity.value for d in lint(tmp_path, ["DEP001"])} == {"warning"}
    _write(tmp_path, "src/main.ts", "import { CloseDto } from './app/dto/close.dto';\n\nexport const boot = CloseDto;\n")
    assert {d.severity.value for d in lint(tmp_path, ["DEP001"])} == {"error"}


def test_a_bare_tsc_in_an_angular_packages_scripts_compiles_its_tsconfig(tmp_path):
    """An Ionic app's `build` ends in `&& yarn tsc`, which compiles the workspace's own tsconfig.json:
    its `app.ts` static server (which pm2 starts) is in that program, so its broken import is an
    error, not the dead-file warning (a real delivery suite: 4 such warnings). `tsc --noEmit` or
    `tsc -p tsconfig.app.json` compiles no such program."""
    def severities(build: str) -> set[str]:
        _pkg(tmp_path, "package.json", {"name": "shop", "private": True, "scripts": {"build": build},
                                        "dependencies": {"@angular/core": "21.2.6"}})
        return {d.severity.value for d in lint(tmp_path, ["IMP"])}

    _pkg(tmp_path, "angular.json", {"version": 1, "projects": {"shop": {"root": "", "sourceRoot": "src", "architect": {
        "build": {"builder": "@angular/build:application", "options": {"browser": "src/main.ts", "tsConfig": "tsconfig.app.json"}}}}}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}, "include": ["./*.ts"]})
    _pkg(tmp_path, "tsconfig.app.json", {"extends": "./tsconfig.json", "files": ["src/main.ts"], "include": []})
    _write(tmp_path, "src/main.ts", "export const boot = 1;\n")
    _write(tmp_path, "app.ts", "import { serve } from './server-helpers';\n\nserve();\n")
    assert severities("ng build && yarn tsc") == {"error"}
    assert severities("ng build && tsc --noEmit") == {"warning"}
    assert severities("ng build && tsc -p tsconfig.app.json") == {"warning"}


def test_a_package_a_negated_workspace_glob_removes_is_outside_every_build(tmp_path):
    """`archive/old-provider/`, which `pnpm-workspace.yaml` removes with `!archive/**`: the package
    manager installs nothing for it and no workspace build or test reaches it (an AI framework's
    deprecated providers: 6 IMP002 errors on their tsup configs). The same package listed by the
    workspace is checked."""
    def severities(globs: str) -> set[str]:
        root = tmp_path / globs.replace("!", "not-").replace("*", "x").replace("/", "_").replace("\n", "")
        _pkg(root, "package.json", {"name": "root", "private": True})
        _write(root, "pnpm-workspace.yaml", "packages:\n" + "".join(f"  - '{g}'\n" for g in globs.split()))
        _pkg(root, "archive/old-provider/package.json", {"name": "@x/old-provider", "version": "1.0.0", "main": "dist/index.js",
                                                         "scripts": {"build": "tsup"}})
        _write(root, "archive/old-provider/src/index.ts", "export const b = 2;\n")
        _write(root, "archive/old-provider/tsup.config.ts", "import { mark } from '../shared/tsup-plugins/mark';\n\n"
                                                          "export default { entry: ['src/index.ts'], plugins: [mark] };\n")
        return {d.severity.value for d in lint(root, ["IMP"])}
    assert severities("packages/* !archive/**") == {"warning"}
    assert severities("packages/* archive/*") == {"error"}


def test_an_example_no_tsconfig_compiles_and_nothing_runs_is_run_by_hand_only(tmp_path):
    """`packages/telemetry/examples/test_together.ts`, a snippet for an optional integration whose SDK the
    reader installs (the package's tsconfig includes only `src/`, its tests run from `src/`, `files`
    ships `dist`): nothing fails unless someone runs it by hand (a telemetry SDK: 4 DEP001 errors
    advising to install four vendors' SDKs). A script that runs the example keeps the error."""
    def found(scripts: dict) -> set[str]:
        root = tmp_path / str(len(scripts))
        _pkg(root, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
        _pkg(root, "packages/telemetry/package.json", {"name": "@x/telemetry", "version": "1.0.0", "files": ["dist"],
                                                       "main": "./dist/index.js", "scripts": scripts})
        _pkg(root, "packages/telemetry/tsconfig.json", {"include": ["src/**/*.ts"], "compilerOptions": {"rootDir": "./src", "outDir": "./dist"}})
        _write(root, "packages/telemetry/src/index.ts", "export const capture = <T>(fn: () => T) => fn();\n")
        _write(root, "packages/telemetry/examples/test_together.ts", "import Together from 'together-ai';\nimport { capture } from '../src';\n\n"
                                                                     "capture(() => new Together());\n")
        return {d.severity.value for d in lint(root, ["DEP001"])}
    assert found({"build": "tsdown", "test": "vitest run --dir src"}) == {"warning"}
    assert found({"build": "tsdown", "example": "tsx examples/test_together.ts"}) == {"error"}


def test_a_route_in_a_demos_folder_of_an_app_runs_with_the_app(tmp_path):
    """`src/app/demos/reasoning/page.tsx`, a Next.js route, and the block it imports, in an app whose
    `next.config` sets `ignoreBuildErrors` and that no script type-checks (an agent framework's showcase:
    34 findings read "Nothing checks, runs or imports this file" while the file ships). A folder named
    like examples inside the package holds the app's own routes: what they reach is no snippet run by
    hand: its finding is the one any file of this app gets, a warning saying nothing checks the app's
    types (the build skips them), not that the file is dead. A snippet in `examples/` beside the app,
    which nothing reaches, stays a dead-code warning."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True})
    _pkg(tmp_path, "apps/alpha/package.json", {"name": "@acme/alpha", "private": True, "scripts": {"build": "next build"},
                                               "dependencies": {"next": "15.0.0", "@ag/client": "0.0.57"}})
    _write(tmp_path, "apps/alpha/next.config.js", "module.exports = { typescript: { ignoreBuildErrors: true } };\n")
    _pkg(tmp_path, "apps/alpha/tsconfig.json", {"compilerOptions": {"jsx": "preserve", "noEmit": True},
                                                "include": ["**/*.ts", "**/*.tsx"]})
    _write(tmp_path, "apps/alpha/src/app/demos/reasoning/block.tsx",
           "import type { Message } from '@ag/core';\nexport function Block(props: { m?: Message }) { return <div />; }\n")
    _write(tmp_path, "apps/alpha/src/app/demos/reasoning/page.tsx",
           "import { Block } from './block';\nexport default function Page() { return <Block />; }\n")
    _write(tmp_path, "apps/alpha/examples/snippet.ts", "import type { Message } from '@ag/core';\nexport type M = Message;\n")
    found = {d.path.rsplit("/", 1)[-1]: d for d in lint(tmp_path, ["DEP001"])}
    assert set(found) == {"block.tsx", "snippet.ts"}
    block = found["block.tsx"]
    assert block.severity.value == "warning" and "most likely dead code" not in block.message
    assert "`next build` skips type checking" in block.message
    assert found["snippet.ts"].severity.value == "warning" and "most likely dead code" in found["snippet.ts"].message


def test_a_base_configs_root_dir_above_the_project_compiles_nothing_of_it(tmp_path):
    """An Nx base config at the root with `"rootDir": "."`, which the app's tsconfig extends while
    including only `src/main.tsx`: every file of the repository lies under that rootDir, which says
    nothing of what the app compiles; an orphan component nothing imports is dead (an LLM console: 2
    errors claiming tsc fails)."""
    _pkg(tmp_path, "package.json", {"name": "ws", "private": True, "devDependencies": {"nx": "16.6.0"}})
    _pkg(tmp_path, "nx.json", {})
    _pkg(tmp_path, "tsconfig.base.json", {"compilerOptions": {"rootDir": ".", "baseUrl": ".", "strict": True, "noEmit": True}})
    _pkg(tmp_path, "apps/console/tsconfig.json", {"extends": "../../tsconfig.base.json", "include": ["src/main.tsx"]})
    _pkg(tmp_path, "apps/console/project.json", {"name": "console", "projectType": "application", "sourceRoot": "apps/console/src",
                                                 "targets": {"build": {"executor": "@nx/webpack:webpack",
                                                                       "options": {"main": "apps/console/src/main.tsx",
                                                                                   "tsConfig": "apps/console/tsconfig.json"}}}})
    _write(tmp_path, "apps/console/src/main.tsx", "import { a } from './live';\n\nconsole.log(a);\n")
    _write(tmp_path, "apps/console/src/live.ts", "export const a = 1;\n")
    _write(tmp_path, "apps/console/src/old/Chart.tsx", "import { useMetric } from './MetricContext';\n\nexport const Chart = () => useMetric();\n")
    assert {d.severity.value for d in lint(tmp_path, ["IMP"])} == {"warning"}


def test_a_declaration_file_no_program_includes_is_dead_unless_a_file_reads_it(tmp_path):
    """`tolgee.d.ts` beside a tsconfig whose `include` takes only `src/`: no program reads it, so its
    stale import breaks nothing, and the note says so instead of blaming `skipLibCheck` (a real
    builder app's translation types). Included, or referenced by an included file, or a package of
    `typeRoots`, it is read, and `skipLibCheck` is what keeps tsc quiet."""
    stale = "import type en from './src/locales/en.json';\ndeclare module 'i18n-types' { type T = typeof en; }\n"

    def found(tsconfig: dict, path: str = "packages/svc/tolgee.d.ts", reference: bool = False) -> tuple[str, bool, bool]:
        _pkg(tmp_path, "packages/svc/tsconfig.json", tsconfig)
        _write(tmp_path, "packages/svc/src/index.ts", (f"/// <reference path=\"../{path.rsplit('/', 1)[-1]}\" />\n" if reference
                                                       else "") + "export const run = () => 1;\n")
        _write(tmp_path, path, stale)
        (d,) = lint(tmp_path, ["IMP002"])
        (tmp_path / path).unlink()
        return d.severity.value, "most likely dead code" in d.message, "skipLibCheck" in d.message

    _workspace(tmp_path)
    options = {"outDir": "dist", "skipLibCheck": True, "resolveJsonModule": True}
    assert found({"compilerOptions": options, "include": ["src"]}) == ("warning", True, False)
    assert found({"compilerOptions": options, "include": ["src", "*.d.ts"]}) == ("warning", False, True)
    assert found({"compilerOptions": options, "include": ["src"]}, reference=True) == ("warning", False, True)
    typed = {"compilerOptions": {**options, "typeRoots": ["./typings"]}, "include": ["src"]}
    assert found(typed, "packages/svc/typings/i18n/index.d.ts") == ("warning", False, True)


def test_a_test_no_tsconfig_compiles_and_nothing_could_run_is_dead(tmp_path):
    """A Nest scaffold's `test/` folder left in a package that excludes it from its tsconfig and never
    set up testing (no runner declared, no test script, here or at the root): its imports of a
    removed service and of an undeclared `@nestjs/testing` break nothing anyone runs (a real device
    farm: 37 errors). A declared runner, a test script, or a runner the file imports keeps it a test.
    Excluded by its folder's path (`"exclude": ["test"]`), the folder is switched off on purpose:
    nothing is said; by a pattern over names, each import gets the dead-file warning."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["app"]})
    app = {"name": "app", "version": "1.0.0", "scripts": {"build": "tsc -p .", "start": "node build/src/main.js"},
           "dependencies": {"@nestjs/common": "10.0.0"}, "devDependencies": {"typescript": "5.3.3"}}
    _pkg(tmp_path, "app/tsconfig.json", {"compilerOptions": {"outDir": "build", "rootDir": "."}, "include": ["src/**/*.ts"],
                                         "exclude": ["node_modules", "**/*spec.ts"]})
    _write(tmp_path, "app/src/main.ts", "import { Module } from '@nestjs/common';\nexport const M = Module;\n")
    spec = "import { Test } from '@nestjs/testing';\nimport { AuthService } from './auth.service';\n" \
           "describe('x', () => { it('y', () => Test.createTestingModule({ providers: [AuthService] })); });\n"
    _write(tmp_path, "app/test/auth.service.spec.ts", spec)

    def severities(manifest: dict) -> list[tuple[str, str]]:
        _pkg(tmp_path, "app/package.json", manifest)
        return sorted((d.code, d.severity.value) for d in lint(tmp_path, ["IMP002", "DEP001"]))

    assert severities(app) == [("DEP001", "warning"), ("IMP002", "warning")]
    _pkg(tmp_path, "app/tsconfig.json", {"compilerOptions": {"outDir": "build", "rootDir": "."}, "include": ["src/**/*.ts"],
                                         "exclude": ["node_modules", "test", "**/*spec.ts"]})
    assert severities(app) == []
    assert severities({**app, "devDependencies": {**app["devDependencies"], "jest": "^29.0.0"}}) == [
        ("DEP001", "error"), ("IMP002", "error")]
    assert severities({**app, "scripts": {**app["scripts"], "test:e2e": "node --test"}}) == [
        ("DEP001", "error"), ("IMP002", "error")]
    _write(tmp_path, "app/test/auth.service.spec.ts", "import { test } from 'node:test';\n" + spec)
    assert severities(app) == [("DEP001", "error"), ("IMP002", "error")]


def test_a_stale_reference_compiles_nothing_but_a_generated_one_may(tmp_path):
    """A solution-style tsconfig whose `references` name a project that is gone (`../multi-tenancy`,
    left after a package was copied): it compiles nothing, so an example its other projects exclude
    is still outside every build (a real fork: 20 errors). A missing project in a hidden folder a tool
    writes (`./.nuxt/tsconfig.app.json`) may compile it once written: not said to be dead."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True})
    _write(tmp_path, "pnpm-workspace.yaml", "packages:\n  - libs/*\n")
    _pkg(tmp_path, "libs/msg/package.json", {"name": "@x/msg", "main": "./src/index.ts"})
    _write(tmp_path, "libs/msg/src/index.ts", "export const svc = 1;\n")
    _pkg(tmp_path, "libs/msg/tsconfig.lib.json", {"include": ["src/**/*.ts"], "exclude": ["examples/**/*.ts"]})
    _write(tmp_path, "libs/msg/examples/use.example.ts", "import { svc } from '../lib/svc';\nconsole.log(svc);\n")

    def severity(reference: str) -> str:
        _pkg(tmp_path, "libs/msg/tsconfig.json", {"files": [], "include": [], "references": [
            {"path": "./tsconfig.lib.json"}, {"path": reference}]})
        (d,) = lint(tmp_path, ["IMP002"])
        return d.severity.value

    assert severity("../multi-tenancy") == "warning"
    assert severity("./.nuxt/tsconfig.app.json") == "error"


def test_a_file_of_an_nx_workspace_outside_its_projects_is_dead(tmp_path):
    """Nx builds, tests and lints its projects; a `notes/` folder of old component copies at the top,
    under no project.json, package.json or tsconfig.json (the root holds only `tsconfig.base.json`,
    which the projects extend), is compiled and run by no target (a real workspace: an IMP002 error on
    such a copy). Its broken imports are the dead-file warning; inside a project, an error. A root
    Jest config that runs more than the projects' may run the copy's tests, which keeps it alive."""
    _pkg(tmp_path, "package.json", {"name": "ws", "private": True, "devDependencies": {"nx": "19.0.0", "jest": "29.7.0"}})
    _pkg(tmp_path, "nx.json", {"npmScope": "ws"})
    _pkg(tmp_path, "tsconfig.base.json", {"compilerOptions": {"baseUrl": "."}})
    _pkg(tmp_path, "apps/api/project.json", {"root": "apps/api", "sourceRoot": "apps/api/src"})
    _pkg(tmp_path, "apps/api/tsconfig.json", {"extends": "../../tsconfig.base.json", "include": ["src"]})
    _write(tmp_path, "apps/api/src/main.ts", "import { gone } from './gone';\n\nconsole.log(gone);\n")
    _write(tmp_path, "notes/edit/edit.component.ts", "import { AppService } from '../../app.service';\n\n"
                                                     "export const svc = AppService;\n")
    _write(tmp_path, "notes/edit/edit.component.spec.ts", "import { svc } from './edit.component';\n\ntest('x', () => svc);\n")
    _write(tmp_path, "jest.config.ts", "import { getJestProjects } from '@nx/jest';\n\nexport default { projects: getJestProjects() };\n")

    def severities() -> dict[str, str]:
        return {d.path.split(str(tmp_path) + "/", 1)[-1]: d.severity.value for d in lint(tmp_path, ["IMP"])}

    assert severities() == {"apps/api/src/main.ts": "error", "notes/edit/edit.component.ts": "warning"}
    _write(tmp_path, "jest.config.ts", "export default { testMatch: ['**/*.spec.ts'] };\n")
    assert severities() == {"apps/api/src/main.ts": "error", "notes/edit/edit.component.ts": "error"}


def test_a_root_mirror_of_a_packages_files_is_outside_every_build(tmp_path):
    """`nodes/Acme.node.ts` at the top of a workspace whose root has no tsconfig at all, a byte-for-byte
    copy of `integrations/n8n-nodes-acme/nodes/Acme.node.ts`, which that package's tsconfig compiles (a
    real LLM router keeps the mirror for another tool's scan: 7 DEP001 errors advising `npm install
    --save-dev` at the root). No program compiles the copy and nothing runs it: outside every build; and
    its imports are its twin's, which that package declares, so DEP001 says nothing (the repository keeps
    the mirror for a publishing portal's checks: calling it dead code was wrong too). A copy that differs,
    or one a root script runs, stays an error."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/api"]})
    _pkg(tmp_path, "packages/api/package.json", {"name": "acme-api", "version": "1.0.0", "private": True,
                                                 "scripts": {"build": "tsc", "start": "node dist/main.js"},
                                                 "devDependencies": {"n8n-workflow": "^1.0.0"}})
    _pkg(tmp_path, "packages/api/tsconfig.json", {"compilerOptions": {"outDir": "dist"}, "include": ["src"]})
    _write(tmp_path, "packages/api/src/main.ts", "export const x = 1;\n")
    _pkg(tmp_path, "integrations/n8n-nodes-acme/package.json", {"name": "n8n-nodes-acme", "version": "0.1.0",
                                                                "peerDependencies": {"n8n-workflow": "*"}})
    _pkg(tmp_path, "integrations/n8n-nodes-acme/tsconfig.json", {"include": ["nodes/**/*"]})
    node = "import { NodeOperationError } from 'n8n-workflow';\n\nexport const E = NodeOperationError;\n"
    _write(tmp_path, "integrations/n8n-nodes-acme/nodes/Acme.node.ts", node)
    _write(tmp_path, "nodes/Acme.node.ts", node)

    def found() -> list[tuple[str, bool]]:
        return sorted((d.severity.value, d.fix is not None) for d in lint(tmp_path, ["DEP001"]))

    assert found() == []
    project = pipeline.lint([str(tmp_path)], Settings(), use_cache=False).project
    assert dead_files.outside_every_build(project, resolver_for(project), str(tmp_path / "nodes/Acme.node.ts"))
    _write(tmp_path, "nodes/Acme.node.ts", node + "export const F = 2;\n")
    assert found() == [("error", True)]
    _write(tmp_path, "nodes/Acme.node.ts", node)
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["packages/api"],
                                    "scripts": {"node": "tsx nodes/Acme.node.ts"}})
    assert found() == [("error", True)]


def test_a_copy_no_test_imports_stays_dead_beside_a_root_jest_that_runs_every_test(tmp_path):
    """The root Jest config runs every spec of the tree, but Jest compiles another file only when a
    test imports it: an old copy under `docs/` that no spec imports is still dead (2 IMP002 errors on
    a real Nx workspace), in an Nx workspace and in a plain package without any tsconfig alike."""
    _pkg(tmp_path / "nx", "package.json", {"name": "ws", "private": True, "devDependencies": {"nx": "19.0.0", "jest": "29.7.0"}})
    _pkg(tmp_path / "nx", "nx.json", {})
    _pkg(tmp_path / "nx", "tsconfig.base.json", {"compilerOptions": {"baseUrl": "."}})
    _write(tmp_path / "nx", "jest.config.ts", "module.exports = { preset: './jest.preset.js' };\n")
    _write(tmp_path / "nx", "docs/old-keycloak/keycloak.module.ts", "import { Svc } from '../src/app/keycloak.service';\n"
                                                                  "export const s = Svc;\n")
    _pkg(tmp_path / "plain", "package.json", {"name": "svc", "private": True, "scripts": {"test": "jest"},
                                              "devDependencies": {"jest": "29.7.0", "ts-jest": "29.1.0"}})
    _write(tmp_path / "plain", "jest.config.js", "module.exports = { preset: 'ts-jest' };\n")
    _write(tmp_path / "plain", "src/main.ts", "export const main = 1;\n")
    _write(tmp_path / "plain", "docs/old/auth.module.ts", "import { AuthService } from '../src/app/auth.service';\n"
                                                          "export const a = AuthService;\n")
    for name in ("nx", "plain"):
        assert [d.severity.value for d in lint(tmp_path / name, ["IMP"])] == ["warning"], name
    # a catch-all root tsconfig.json (no include, files or references) that no root script runs tsc on is the
    # base the projects extend, not a build of the sketches below it (a real Nx workspace: 4 errors on
    # design sketches); a root script running tsc makes it a program that checks them
    _pkg(tmp_path / "plain", "tsconfig.json", {"compilerOptions": {"strict": True}})
    assert [d.severity.value for d in lint(tmp_path / "plain", ["IMP"])] == ["warning"]
    _pkg(tmp_path / "plain", "package.json", {"name": "svc", "private": True, "scripts": {"test": "jest", "check": "tsc --noEmit"},
                                              "devDependencies": {"jest": "29.7.0", "ts-jest": "29.1.0"}})
    assert [d.severity.value for d in lint(tmp_path / "plain", ["IMP"])] == ["error"]


@pytest.mark.parametrize("include", [None, ["**/*.ts"], ["./**/*"]])
def test_documentation_fragments_under_an_unrun_root_catch_all_are_read_by_nothing(tmp_path, include):
    """A tutorial's fragments of an app under `docs/` (a storefront framework's: 27 DEP001 and IMP001, 22 of
    them errors): the root tsconfig that covers them includes every file (`"include": ["**/*.ts"]` is the same
    catch-all as none) and no root script runs tsc on it; the route files are no file the starter template's
    `./+types/cart` names, though `rootDirs` merge its routes with the typegen folder; and a template's
    `~/root`, which names the project the template lands in, is no importer of the fragment's `root.tsx`.
    Nothing checks, runs or imports them: warnings, not errors."""
    _pkg(tmp_path, "package.json", {"name": "mono", "private": True, "workspaces": ["templates/*"]})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True}, **({"include": include} if include else {})})
    _pkg(tmp_path, "templates/skeleton/package.json", {"name": "skeleton", "private": True, "scripts": {"typecheck": "tsc"}})
    _pkg(tmp_path, "templates/skeleton/tsconfig.json", {"include": ["app/**/*"], "compilerOptions": {
        "rootDirs": [".", "./.react-router/types"], "paths": {"~/*": ["app/*"]}}})
    _write(tmp_path, "templates/skeleton/app/routes/cart.tsx", "import type { Route } from './+types/cart';\n\n"
                                                             "export const loader = (a: Route) => a;\n")
    _write(tmp_path, "recipes/b2b/templates/provider.tsx", "import { type Company } from '~/root';\n\n"
                                                           "export const c = {} as Company;\n")
    _write(tmp_path, "docs/setup/ts/app/root.tsx", "import { Layout } from '~/components/Layout';\n\nexport const App = Layout;\n")
    _write(tmp_path, "docs/setup/ts/app/routes/cart.tsx", "import { Aside } from '~/components/Aside';\n\nexport const C = Aside;\n")
    _write(tmp_path, "docs/setup/ts/env.d.ts", "import type { Session } from '~/lib/session';\n\n"
                                               "declare global { interface Env { s: Session } }\nexport {};\n")
    found = [(d.path.rsplit("docs/setup/ts/", 1)[-1], d.severity.value) for d in lint(tmp_path, ["IMP"])]
    assert found == [("app/root.tsx", "warning"), ("app/routes/cart.tsx", "warning"), ("env.d.ts", "warning")], found


def test_a_file_its_package_config_excludes_stays_dead_under_an_unrun_root_catch_all(tmp_path):
    """`mappings/tsconfig.json` excludes `src/bounty.ts`, whose importers comment it out; the root's
    tsconfig.json, with no `include`, covers it but no script compiles it (a real chain indexer: an
    IMP003 error, which the same file without that root config gets as a dead-code warning, and
    nothing at all when the package config names it: a file excluded by its path is switched off on
    purpose). A root script running tsc makes the root config a program that checks it."""
    def severities(scripts: dict) -> list[str]:
        root = tmp_path / str(len(scripts))
        _pkg(root, "package.json", {"name": "root", "private": True, "workspaces": ["mappings"], "scripts": scripts})
        _pkg(root, "tsconfig.json", {"compilerOptions": {"ignoreDeprecations": "5.0"}, "exclude": ["node_modules"]})
        _pkg(root, "mappings/package.json", {"name": "mappings", "version": "1.0.0", "main": "lib/src/index.js",
                                             "scripts": {"build": "tsc --build tsconfig.json"}})
        _pkg(root, "mappings/tsconfig.json", {"compilerOptions": {"module": "commonjs", "outDir": "lib"},
                                              "include": ["./src/**/*"], "exclude": ["./src/bounty.ts"]})
        _write(root, "mappings/src/common.ts", "export function prepareString(s: string): string { return s.trim(); }\n")
        _write(root, "mappings/src/index.ts", "export * from './common';\n// export * from './bounty';\n")
        _write(root, "mappings/src/bounty.ts", "import { perpareString } from './common';\n"
                                               "export const title = (s: string) => perpareString(s);\n")
        return [d.severity.value for d in lint(root, ["IMP"])]

    assert severities({}) == []
    assert severities({"typecheck": "tsc --noEmit"}) == ["error"]


def test_migrations_a_data_source_loads_are_run_whatever_tsconfig_compiles(tmp_path):
    """`migrations/` is excluded from the build's tsconfig, and the data source that
    `typeorm-ts-node-commonjs migration:run` is given loads `./migrations/*.ts`: the CLI runs them,
    so their missing package is an error, not "most likely dead code" (22 warnings on a real
    service). Without that option nothing loads them: the dead-file warning, and nothing when the
    tsconfig's exclude names their folder (switched off on purpose)."""
    def severity(option: str) -> list[str]:
        root = tmp_path / str(len(option))
        _pkg(root, "package.json", {"name": "svc", "private": True, "scripts": {
            "build": "tsc -p tsconfig.json", "migration:run": "typeorm-ts-node-commonjs migration:run -d ./src/data-source.ts"}})
        _pkg(root, "tsconfig.json", {"compilerOptions": {"outDir": "dist"}, "include": ["src"], "exclude": ["migrations/*"]})
        _write(root, "src/data-source.ts", "import { DataSource } from 'typeorm';\n\n"
                                           f"export const source = new DataSource({{ type: 'postgres'{option} }});\n")
        _write(root, "migrations/1727341394722-add-flag.ts",
               "import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
               "export class AddFlag1727341394722 implements MigrationInterface {\n"
               "  async up(q: QueryRunner): Promise<void> { await q.query('SELECT 1'); }\n"
               "  async down(q: QueryRunner): Promise<void> { await q.query('SELECT 1'); }\n}\n")
        return [d.severity.value for d in lint(root, ["DEP001"]) if "migrations/" in d.path]
    assert severity(", migrations: ['./migrations/*.ts']") == ["error"]
    assert severity("") == []


def test_a_ts_nocheck_file_nothing_reaches_is_dead_though_a_program_includes_it(tmp_path):
    """`// @ts-nocheck` over a file of a vite app that its tsconfig includes and no module script
    of `index.html` reaches, and no file imports: tsc reports nothing there and vite never bundles
    it, so its unresolved import breaks nothing (a real indexer admin: 1 IMP002 error; reported by
    two review rounds). Without the pragma tsc fails on it; imported by the app, it is bundled."""
    _pkg(tmp_path, "package.json", {"name": "admin", "version": "0.1.0", "private": True,
                                    "scripts": {"build": "tsc && vite build"}, "devDependencies": {"vite": "4.5.2"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"strict": True, "noEmit": True, "baseUrl": "./src"},
                                     "include": ["src"]})
    _write(tmp_path, "index.html", '<div id="root"></div><script type="module" src="/src/main.ts"></script>\n')
    _write(tmp_path, "src/main.ts", "import { network } from 'utils/web3';\nconsole.log(network);\n")
    _write(tmp_path, "src/utils/web3.ts", "export const network = 'mainnet';\n")
    body = "import { connect } from '../containers/web3';\nexport const go = () => connect();\n"
    _write(tmp_path, "src/utils/metamask.ts", "// @ts-nocheck\n" + body)
    [d] = lint(tmp_path, ["IMP002"])
    assert d.severity.value == "warning" and "Nothing checks, runs or imports this file" in d.message
    _write(tmp_path, "src/utils/metamask.ts", body)
    assert [d.severity.value for d in lint(tmp_path, ["IMP002"])] == ["error"]
    _write(tmp_path, "src/utils/metamask.ts", "// @ts-nocheck\n" + body)
    _write(tmp_path, "src/main.ts", "import { network } from 'utils/web3';\nimport { go } from './utils/metamask';\n"
                                    "console.log(network, go);\n")
    assert [d.severity.value for d in lint(tmp_path, ["IMP002"])] == ["error"]


def test_a_dead_files_note_follows_a_question_without_a_stray_period(tmp_path):
    """IMP003's "Did you mean `X`?" then the dead file's note: no "?." between them (a real upgrade script)."""
    _pkg(tmp_path, "package.json", {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "dist"}, "include": ["src"]})
    _write(tmp_path, "src/main.ts", "export const AbstractTransitionDirective = 1;\n")
    _write(tmp_path, "scratch/upgrade.ts", "import { AbstractTransitionDirectives } from '../src/main';\n"
                                           "export const d = AbstractTransitionDirectives;\n")
    [d] = lint(tmp_path, ["IMP003"])
    assert "Did you mean `AbstractTransitionDirective`? Nothing checks" in d.message and "?." not in d.message, d.message


@pytest.mark.parametrize("root_manifest", [False, True])
def test_a_code_sample_in_a_folder_of_write_ups_is_read_by_nothing(tmp_path, root_manifest):
    """`security/phase2-fixes/01-tasks-controller-example.ts` beside a README and a migration guide,
    outside every package's tsconfig (a project-management app: an IMP002 error on the sample's
    `../shared/sql-helpers`): a code sample of a write-up, that nothing compiles or runs. A folder of
    code with one README keeps its errors, and so does a sample a script runs; without a root
    package.json those are loose scripts that nothing installs or builds (warnings, since round 175)."""
    if root_manifest:
        _pkg(tmp_path, "package.json", {"name": "root", "private": True})
    _pkg(tmp_path, "app/package.json", {"name": "app", "private": True, "main": "dist/index.js", "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "app/tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]})
    _write(tmp_path, "app/src/index.ts", "export const x = 1;\n")
    for doc in ("README.md", "MIGRATION_GUIDE.md", "PROGRESS_REPORT.md"):
        _write(tmp_path, f"security/phase2-fixes/{doc}", "# Phase 2\n\nSee 01-tasks-controller-example.ts.\n")
    _write(tmp_path, "security/phase2-fixes/01-tasks-controller-example.ts",
           "/** EXAMPLE ONLY */\nimport { SqlHelper } from '../shared/sql-helpers';\n\nexport const example = SqlHelper;\n")
    _write(tmp_path, "tools/README.md", "# Tools\n")
    _write(tmp_path, "tools/seed.ts", "import { db } from '../shared/db';\n\nexport const seeded = db;\n")
    _write(tmp_path, "tools/reset.ts", "export const reset = 1;\n")
    # the package's own folder, README and changelog beside a script run by hand: no write-up folder
    for doc in ("README.md", "CHANGELOG.md", "CONTRIBUTING.md"):
        _write(tmp_path, doc, "# app\n")
    _write(tmp_path, "try-sdk.ts", "import { connect } from '../sdk/connect';\n\nexport const c = connect;\n")
    found = sorted((d.path.split(str(tmp_path) + "/", 1)[1], d.severity.value) for d in lint(tmp_path, ["IMP"]))
    loose = "error" if root_manifest else "warning"
    assert found == [("security/phase2-fixes/01-tasks-controller-example.ts", "warning"), ("tools/seed.ts", loose),
                     ("try-sdk.ts", loose)]
    if root_manifest:
        _pkg(tmp_path, "package.json", {"name": "root", "private": True,
                                        "scripts": {"demo": "tsx security/phase2-fixes/01-tasks-controller-example.ts"}})
        found = sorted((d.path.rsplit("/", 1)[1], d.severity.value) for d in lint(tmp_path, ["IMP"]))
        assert found == [("01-tasks-controller-example.ts", "error"), ("seed.ts", "error"), ("try-sdk.ts", "error")]


@pytest.mark.parametrize("config, scripts, severity", [
    ("export default { typescript: { ignoreBuildErrors: true } };\n", {}, "warning"),
    ("export default { typescript: { ignoreBuildErrors: true } };\n", {"typecheck": "tsc --noEmit"}, "error"),
    ("export default { reactStrictMode: true };\n", {}, "error"),
    # `pageExtensions`: its routes are not all known, so what none reaches is no proof of dead code (a SaaS
    # starter: 152 true DEP001 on its pages and components said "most likely dead code")
    ("export default { pageExtensions: ['ts', 'tsx', 'mdx'], typescript: { ignoreBuildErrors: true } };\n", {}, "error"),
])
def test_a_next_app_that_skips_type_checks_compiles_only_what_its_routes_reach(tmp_path, config, scripts, severity):
    """A Next.js app whose next.config says `typescript: { ignoreBuildErrors: true }`: `next build`
    checks no type, so a generated `components/ui/accordion.tsx` no route reaches is read by nothing,
    and its missing `@radix-ui/react-accordion` breaks no build (a confession app: 30 DEP001 errors).
    A script running tsc, or a build that checks types, keeps the error."""
    _pkg(tmp_path, "package.json", {"name": "web", "version": "1.0.0", "private": True,
                                    "scripts": {"build": "next build", "start": "next start", **scripts},
                                    "dependencies": {"next": "15.0.0", "react": "19.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"jsx": "preserve", "strict": True, "noEmit": True},
                                     "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx"]})
    _write(tmp_path, "next.config.mjs", config)
    _write(tmp_path, "app/page.tsx", "export default function Page() {\n  return <main>hi</main>;\n}\n")
    _write(tmp_path, "components/ui/accordion.tsx", "import * as Accordion from '@radix-ui/react-accordion';\n\n"
                                                    "export const Root = Accordion.Root;\n")
    assert [d.severity.value for d in lint(tmp_path, ["DEP001"])] == [severity]


@pytest.mark.parametrize("build, severity", [
    ("vite build", "warning"),
    ("tsc -b && vite build", "error"),  # tsc checks the app's tsconfig: its files are in a program
    ("vue-tsc --noEmit && vite build", "error"),
])
def test_a_vite_app_built_by_vite_alone_compiles_only_what_its_page_reaches(tmp_path, build, severity):
    """A vite app started from its page (`index.html` loads `/index.tsx`) whose build is `vite build`
    alone: vite strips types without checking them, so the app's tsconfig is an editor's, and a
    leftover folder its page never reaches is read by nothing (a CMS playground's old admin: 10
    IMP001 errors saying its build fails). A script running tsc or vue-tsc keeps the error."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/utils/package.json", {"name": "@acme/utils", "version": "1.0.0", "main": "src/index.ts"})
    _write(tmp_path, "packages/utils/src/index.ts", "export const u = 1;\n")
    _pkg(tmp_path, "packages/admin/package.json", {"name": "@acme/admin", "private": True, "scripts": {"build": build},
                                                   "dependencies": {"@acme/utils": "1.0.0"}, "devDependencies": {"vite": "^5.0.0"}})
    _write(tmp_path, "packages/admin/index.html", '<script type="module" src="/index.tsx"></script>\n')
    _write(tmp_path, "packages/admin/index.tsx", "import { u } from '@acme/utils';\nconsole.log(u);\n")
    _write(tmp_path, "packages/admin/vite.config.ts", "export default {};\n")
    _pkg(tmp_path, "packages/admin/tsconfig.json", {"compilerOptions": {"jsx": "react-jsx", "noEmit": True}})
    _write(tmp_path, "packages/admin/extra/auto/Auto.tsx", "import { Old } from '@acme/ui';\nexport const Auto = Old;\n")
    _write(tmp_path, "packages/admin/extra/auto/index.ts", "export * from './Auto';\n")
    assert [d.severity.value for d in lint(tmp_path, ["IMP001"])] == [severity]
    _write(tmp_path, "packages/admin/index.tsx", "import { Auto } from './extra/auto';\nconsole.log(Auto);\n")
    assert [d.severity.value for d in lint(tmp_path, ["IMP001"])] == ["error"]  # the page reaches it


@pytest.mark.parametrize("config, scripts, severity", [
    ("export default defineNuxtConfig({ ssr: false });\n", {}, "warning"),
    ("export default defineNuxtConfig({ typescript: { typeCheck: true } });\n", {}, "error"),
    ("export default defineNuxtConfig({ ssr: false });\n", {"typecheck": "nuxi typecheck"}, "error"),
    ("export default defineNuxtConfig({ ssr: false });\n", {"lint:types": "vue-tsc --noEmit"}, "error"),
])
def test_a_nuxt_app_whose_build_checks_no_type_fails_nowhere_on_a_type_only_import(tmp_path, config, scripts, severity):
    """`nuxt build` strips types without checking them unless nuxt.config sets `typescript.typeCheck`:
    a type-only import of a package nothing installs in a table helper of a dashboard breaks nothing,
    and only an editor shows TS2307 (an analytics dashboard: a DEP001 error asking to install it). A
    script running `nuxi typecheck` or vue-tsc, or a build that checks types, keeps the error."""
    _pkg(tmp_path, "package.json", {"name": "dash", "private": True, "type": "module",
                                    "scripts": {"build": "nuxt build", "dev": "nuxt dev", "postinstall": "nuxt prepare",
                                                **scripts},
                                    "dependencies": {"nuxt": "^3.16.2", "vue": "^3.5.13"}})
    _pkg(tmp_path, "tsconfig.json", {"extends": "./.nuxt/tsconfig.json"})
    _write(tmp_path, "nuxt.config.ts", config)
    _write(tmp_path, "pages/index.vue", "<template><div>hi</div></template>\n")
    _write(tmp_path, "components/ui/table/utils.ts", "import type { Updater } from '@tanstack/vue-table';\n\n"
                                                     "export const apply = <T>(u: Updater<T>) => u;\n")
    found = lint(tmp_path, ["DEP001"])
    assert [d.severity.value for d in found] == [severity]
    assert ("only an editor shows TS2307" in found[0].message) == (severity == "warning")


@pytest.mark.parametrize("scripts, severity", [
    ({"start": "bun run src/index.ts", "dev": "bun run --watch src/index.ts"}, "warning"),
    ({"start": "bun run src/index.ts", "typecheck": "tsc --noEmit"}, "error"),
    ({"start": "node dist/index.js", "build": "tsc"}, "error"),
    # no start script: the dev script is the only run known (an analytics API: 5 IMP002/IMP003 errors)
    ({"dev": "bun --hot src/index.ts --port 3001"}, "warning"),
    ({"start": "node dist/index.js", "dev": "bun --hot src/index.ts"}, "error"),  # the start decides
])
def test_a_package_bun_runs_from_source_checks_no_type(tmp_path, scripts, severity):
    """`bun run src/index.ts` strips types without checking them: with no script running tsc, the
    package's tsconfig is an editor's alone, and an old `authorization.ts` nothing imports is read by
    nothing (an LLM observability back end: 8 IMP002 errors in two dead files). So is a library of
    source with no scripts that only such packages depend on. A tsc script, or a tsc build, keeps the error."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*"]})
    _pkg(tmp_path, "packages/api/package.json", {"name": "api", "main": "src/index.ts", "scripts": scripts,
                                                 "dependencies": {"shared": "*"}})
    _pkg(tmp_path, "packages/api/tsconfig.json", {"compilerOptions": {"module": "esnext", "moduleResolution": "bundler",
                                                                      "noEmit": True, "strict": True}})
    _write(tmp_path, "packages/api/src/index.ts", "import { port } from 'shared';\nconsole.log(port);\n")
    _write(tmp_path, "packages/api/src/old-authorization.ts", "import { roles } from './roles';\n"
                                                             "export const can = (r: string) => r in roles;\n")
    _pkg(tmp_path, "packages/shared/package.json", {"name": "shared", "type": "module"})
    _pkg(tmp_path, "packages/shared/tsconfig.json", {"compilerOptions": {"noEmit": True, "strict": True}})
    _write(tmp_path, "packages/shared/index.ts", "export const port = 3000;\n")
    _write(tmp_path, "packages/shared/schemas/completion.ts", "import { Core } from '../../core';\n"
                                                             "export const core = new Core();\n")
    found = sorted((d.path.rsplit("/", 1)[1], d.severity.value) for d in lint(tmp_path, ["IMP002"]))
    assert found == [("completion.ts", severity), ("old-authorization.ts", severity)]


@pytest.mark.parametrize("renamed, severity", [("legacy-package.json", "warning"), ("package.json.old", "warning"),
                                               # a mark that only switches it off (an education platform's legacy
                                               # packages: 392 findings with install fixes)
                                               ("-package.json", "warning"), ("package.json~", "warning"),
                                               ("package.json", None),
                                               # a manifest an image copies as its package.json: no retirement
                                               ("docker-package.json", "error")])
def test_a_package_retired_by_renaming_its_manifest_is_read_by_nothing(tmp_path, renamed, severity):
    """`legacy/service/legacy-package.json` beside the old service's `src/` and tsconfig, outside the
    workspace globs: the manifest was renamed so that no package manager sees it (a personal site's
    archived services: 517 findings charged to the root package.json). Nothing installs, builds or
    runs the code. Kept as `package.json`, it is a package of its own, and its imports count."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "packageManager": "pnpm@9.12.0"})
    _write(tmp_path, "pnpm-workspace.yaml", "packages:\n  - 'apps/*'\n")
    _pkg(tmp_path, "apps/api/package.json", {"name": "api", "private": True, "dependencies": {}})
    _write(tmp_path, "apps/api/src/main.ts", "export const ok = 1;\n")
    _pkg(tmp_path, f"legacy/service/{renamed}", {"name": "service", "private": True, "scripts": {"build": "nest build"},
                                                  "dependencies": {"@nestjs/core": "^10.0.0"}})
    _pkg(tmp_path, "legacy/service/tsconfig.json", {"compilerOptions": {"outDir": "dist"}})
    _write(tmp_path, "legacy/service/src/main.ts", "import { NestFactory } from '@nestjs/core';\n\n"
                                                   "export const factory = NestFactory;\n")
    assert [d.severity.value for d in lint(tmp_path, ["DEP001"])] == ([severity] if severity else [])


def test_an_import_of_a_declared_package_never_keeps_a_namesake_file_alive(tmp_path):
    """A parked `old/page.tsx` nothing imports, and a live file importing `fumadocs-ui/page`, a
    subpath of a package the repository declares, whose last segment is the parked file's name: the
    import loads that package, so the parked file stays outside every build (a personal site: 170
    errors on an archived dashboard kept alive by such a namesake)."""
    _pkg(tmp_path, "package.json", {"name": "site", "private": True, "scripts": {"build": "tsc"},
                                    "dependencies": {"fumadocs-ui": "15.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "dist", "jsx": "react-jsx"}, "include": ["src"]})
    _write(tmp_path, "src/content.tsx", "import { DocsBody } from 'fumadocs-ui/page';\n\nexport const Body = DocsBody;\n")
    _write(tmp_path, "old/page.tsx", "import { Gone } from './gone';\n\nexport default Gone;\n")
    assert [(d.code, d.severity.value) for d in lint(tmp_path, ["IMP002"])] == [("IMP002", "warning")]


@pytest.mark.parametrize("scripts, severity", [({}, "warning"), ({"typecheck": "tsc --noEmit"}, "error")])
def test_work_the_build_config_excludes_and_nothing_imports_is_parked(tmp_path, scripts, severity):
    """`nest build` compiles tsconfig.build.json, whose `exclude` names `src/wip`; the folder's
    tsconfig.json covers everything for editors and Jest: a `src/wip/hasher.ts` nothing imports is
    parked out of the build (an email manager: 108 "tsc fails" errors in excluded `src/core`). A
    script running tsc over the folder's tsconfig.json checks it: the error stays."""
    _pkg(tmp_path, "package.json", {"name": "api", "private": True,
                                    "scripts": {"build": "nest build", "start:prod": "node dist/main.js", **scripts},
                                    "dependencies": {"@nestjs/core": "^11.0.0"}})
    _pkg(tmp_path, "nest-cli.json", {"sourceRoot": "src"})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "./dist"}})
    _pkg(tmp_path, "tsconfig.build.json", {"extends": "./tsconfig.json", "exclude": ["node_modules", "dist", "src/wip"]})
    _write(tmp_path, "src/main.ts", "import { NestFactory } from '@nestjs/core';\n\nexport const f = NestFactory;\n")
    _write(tmp_path, "src/wip/hasher.ts", "import { PasswordHasher } from '../ports/password-hasher';\n\n"
                                          "export const h: PasswordHasher | null = null;\n")
    assert [d.severity.value for d in lint(tmp_path, ["IMP002"])] == [severity]


def test_a_draft_in_an_examples_folder_no_tsconfig_compiles_is_read_by_hand(tmp_path):
    """`REVIEW_EXAMPLES/users.controller.fixed.ts`, drafts of changes to the API's files kept at the
    workspace root, which has no tsconfig: its imports name files beside the target it stands for, not
    beside itself (a todo app's reviews: 20 IMP002 errors). The folder's name, in any case, says examples."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "workspaces": ["apps/*"]})
    _pkg(tmp_path, "apps/api/package.json", {"name": "api", "private": True, "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "apps/api/tsconfig.json", {"compilerOptions": {"outDir": "dist"}, "include": ["src"]})
    _write(tmp_path, "apps/api/src/users/users.service.ts", "export class UsersService {}\n")
    _write(tmp_path, "REVIEW_EXAMPLES/users.controller.fixed.ts", "import { UsersService } from './users.service';\n\n"
                                                                  "export const s = UsersService;\n")
    assert [d.severity.value for d in lint(tmp_path, ["IMP002"])] == ["warning"]


@pytest.mark.parametrize("metro, scripts, severity", [
    (True, {"start": "expo start"}, "warning"),
    (False, {"start": "expo start"}, "warning"),  # the expo CLI says Metro as well
    (True, {"start": "expo start", "typecheck": "tsc --noEmit"}, "error"),
    (False, {"start": "node index.js"}, "error"),  # no Metro: a Node app's unreached files may still run
])
@pytest.mark.parametrize("main", [True, False])  # without `main`, Metro and the react-native CLI start from index.js
def test_a_react_native_app_bundles_only_what_its_javascript_main_reaches(tmp_path, metro, scripts, severity, main):
    """An Expo app whose `"main": "index.js"` registers `./App`, beside the starter's leftover
    `components/icon-symbol.tsx` that nothing imports: Metro bundles from `main` alone and checks no
    type, so the leftover's undeclared `expo-symbols` is dead code, not "pnpm add" (a Turborepo's mobile
    app: 3 DEP001 errors; its tsconfig extends `expo/tsconfig.base`, not installed here). The JS
    `main` is the entry: what it reaches ships. A script running tsc checks the leftover too."""
    _pkg(tmp_path, "package.json", {"name": "mobile", "version": "1.0.0", **({"main": "index.js"} if main else {}),
                                    "scripts": scripts,
                                    "dependencies": {"expo": "~54.0.0", "react": "19.1.0", "react-native": "0.81.5"}})
    _pkg(tmp_path, "tsconfig.json", {"extends": "expo/tsconfig.base", "include": ["**/*.ts", "**/*.tsx"]})
    if metro:
        _write(tmp_path, "metro.config.js", "const { getDefaultConfig } = require('expo/metro-config');\n"
                                            "module.exports = getDefaultConfig(__dirname);\n")
    _write(tmp_path, "index.js", "import { registerRootComponent } from 'expo';\nimport App from './App';\n\n"
                                 "registerRootComponent(App);\n")
    _write(tmp_path, "App.js", "import { Text } from 'react-native';\nimport { tint } from './theme';\n\n"
                               "export default function App() { return <Text style={{ color: tint }}>hi</Text>; }\n")
    _write(tmp_path, "theme.ts", "import Color from 'color';\n\nexport const tint = Color('#08f').hex();\n")
    _write(tmp_path, "components/icon-symbol.tsx", "import { SymbolView } from 'expo-symbols';\n\n"
                                                   "export function IconSymbol() { return <SymbolView name=\"house\" />; }\n")
    found = {(d.path.rsplit("/", 1)[1], d.severity.value) for d in lint(tmp_path, ["DEP001"])}
    assert ("icon-symbol.tsx", severity) in found and ("theme.ts", "error") in found, found


@pytest.mark.parametrize("main, index", [("expo-router/entry", None), ("index.ts", "import 'expo-router/entry';\n")])
def test_an_expo_router_apps_routes_are_its_entries(tmp_path, main, index):
    """`"main": "expo-router/entry"` (or an `index.ts` importing it): the router loads every file of
    `app/`, so `app/_layout.tsx` and what it imports are the app, though no import names them; an
    unrelated `prepare` script running `node scripts/prepare.js` made them unreached, and their
    undeclared packages "most likely dead code" (a ride-sharing app: 7 findings). A file no route
    reaches is still out of Metro's bundle."""
    _pkg(tmp_path, "package.json", {"name": "mobile", "version": "1.0.0", "main": main,
                                    "scripts": {"start": "expo start", "prepare": "node scripts/prepare.js"},
                                    "dependencies": {"expo": "~53.0.0", "expo-router": "~5.1.0", "react-native": "0.79.5"}})
    _pkg(tmp_path, "tsconfig.json", {"extends": "expo/tsconfig.base", "include": ["**/*.ts", "**/*.tsx"]})
    _write(tmp_path, "metro.config.js", "module.exports = require('expo/metro-config').getDefaultConfig(__dirname);\n")
    _write(tmp_path, "scripts/prepare.js", "console.log('prepared');\n")
    if index is not None:
        _write(tmp_path, "index.ts", index)
    _write(tmp_path, "app/_layout.tsx", "import { Providers } from '../src/providers';\n\n"
                                        "export default function Layout() { return <Providers />; }\n")
    _write(tmp_path, "src/providers.tsx", "import { NavigationContainer } from '@react-navigation/native';\n\n"
                                          "export const Providers = () => <NavigationContainer />;\n")
    _write(tmp_path, "src/leftover.tsx", "import { SymbolView } from 'expo-symbols';\n\nexport const L = () => <SymbolView />;\n")
    found = {(d.path.rsplit("/", 1)[1], d.severity.value) for d in lint(tmp_path, ["DEP001"])}
    assert found == {("providers.tsx", "error"), ("leftover.tsx", "warning")}, found


@pytest.mark.parametrize("sibling, script, severity", [
    ({}, None, "warning"),  # no install holds tsdown and nothing runs it: a leftover
    ({"tsdown": "^0.15.2"}, None, "warning"),  # the example it was copied from declares it: nothing runs it here
    ({}, "npx tsdown", "error"),  # a script runs the tool as a one-off: the config is read
])
def test_the_config_of_a_tool_no_manifest_declares_is_read_by_nothing(tmp_path, sibling, script, severity):
    """An example copied from a sibling keeps the sibling's `tsdown.config.ts` while its own build is
    `tsc` (an agent framework's WhatsApp example: DEP001 asked to declare tsdown, where its maintainer
    would delete the file). Neither its package nor the root declares tsdown (the example it came from
    does) and no script names it: nothing runs the tool, and the config's import is the dead-file
    warning without a fix."""
    _pkg(tmp_path, "package.json", {"name": "agents", "private": True, "workspaces": ["examples/*"]})
    scripts = {"build": "tsc", "start": "node dist/index.js", **({"bundle": script} if script else {})}
    _pkg(tmp_path, "examples/bot/package.json", {"name": "bot", "private": True, "type": "module", "scripts": scripts,
                                                 "devDependencies": {"typescript": "^5.8.2"}})
    _pkg(tmp_path, "examples/bot/tsconfig.json", {"compilerOptions": {"module": "ES2022", "moduleResolution": "bundler",
                                                                      "outDir": "dist", "strict": True}, "include": ["src"]})
    _write(tmp_path, "examples/bot/src/index.ts", "console.log('bot up');\n")
    _write(tmp_path, "examples/bot/tsdown.config.ts", "import { defineConfig } from 'tsdown';\n"
                                                      "export default defineConfig({ entry: ['./src/index.ts'], outDir: 'dist' });\n")
    _pkg(tmp_path, "examples/ads/package.json", {"name": "ads", "private": True, "devDependencies": sibling})
    found = lint(tmp_path, ["DEP001"])
    assert [(d.code, d.severity.value) for d in found] == [("DEP001", severity)]
    assert (found[0].fix is None and "most likely dead code" in found[0].message) == (severity == "warning")


@pytest.mark.parametrize("script, dead", [
    ("node-pg-migrate -m migrations -j ts", False),  # the tool runs the folder's files
    ("node-pg-migrate --migrations-dir=./migrations", False),
    ("eslint migrations", True),  # a linter names the folder and runs none of it
    ("node-pg-migrate -m db/migrations", True),  # another folder
])
def test_a_folder_a_script_hands_to_a_tool_is_run_by_it(tmp_path, script, dead):
    """A blockchain API's `"migrate": "node-pg-migrate -m migrations -j ts"`: the migrations, outside
    the tsconfig and imported by nothing, are the database schema the tool runs (63 warnings called
    them most likely dead code). A folder only a linter names stays outside every build."""
    _pkg(tmp_path, "package.json", {"name": "api", "version": "1.0.0", "main": "./lib/index.js",
                                    "scripts": {"build": "tsc", "start": "node ./lib/index.js", "migrate": script}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "lib", "rootDir": "src"}, "include": ["src/**/*"]})
    _write(tmp_path, "src/index.ts", "export const run = () => 1;\n")
    _write(tmp_path, "migrations/1600000000000_blocks.ts", "import type { MigrationBuilder } from 'node-pg-migrate';\n\n"
                                                           "export function up(pgm: MigrationBuilder): void {\n"
                                                           "  pgm.createTable('blocks', { id: 'serial' });\n}\n")
    [d] = lint(tmp_path, ["DEP001"])
    assert d.message.endswith("most likely dead code.") is dead, d.message


@pytest.mark.parametrize("folder", ["docs", "web"])
def test_a_route_a_documentation_sites_build_bundles_is_reached(tmp_path, folder):
    """A Next.js documentation site in `docs/` (an example home: files there are run by hand, if at
    all), whose `next build` bundles its routes and skips type checking: its layout is an entry the
    build compiles, and what it imports is reached. A type-only import of an undeclared package there
    breaks nothing, for the reason the message gives (the build checks no type), not because "nothing
    runs this file" (a workflow engine's docs: 3 findings called most likely dead code, which the
    same site in `web/` was not)."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True, "packageManager": "pnpm@10.20.0"})
    _write(tmp_path, "pnpm-workspace.yaml", f"packages:\n  - {folder}\n")
    _pkg(tmp_path, f"{folder}/package.json", {"name": "site", "private": True, "scripts": {"build": "next build"},
                                             "dependencies": {"next": "15.5.0", "react": "19.1.1"}})
    _pkg(tmp_path, f"{folder}/tsconfig.json", {"compilerOptions": {"jsx": "react-jsx", "moduleResolution": "bundler",
                                                                   "paths": {"@/*": ["./*"]}}, "include": ["**/*.tsx"]})
    _write(tmp_path, f"{folder}/next.config.mjs", "export default { typescript: { ignoreBuildErrors: true } };\n")
    _write(tmp_path, f"{folder}/app/layout.tsx", "import { Nav } from '@/components/nav';\n\n"
                                                 "export default function Layout() { return <html><body><Nav /></body></html>; }\n")
    _write(tmp_path, f"{folder}/components/nav.tsx", "import type { MenuProps } from '@radix-ui/react-navigation-menu';\n\n"
                                                     "export function Nav(props: Partial<MenuProps>) { return <nav {...props} />; }\n")
    _write(tmp_path, f"{folder}/components/old.tsx", "import type { Props } from '@radix-ui/react-collapsible';\n\n"
                                                     "export const Old = (p: Props) => <div {...p} />;\n")
    found = {d.path.rsplit("/", 1)[1]: d for d in lint(tmp_path, ["DEP001"])}
    assert sorted(found) == ["nav.tsx", "old.tsx"]
    assert "skips type checking" in found["nav.tsx"].message and "dead code" not in found["nav.tsx"].message
    assert found["old.tsx"].message.endswith("most likely dead code.")  # nothing imports it


@pytest.mark.parametrize("workflow, severity", [(None, "warning"), ("deno run tools/resend/resend.ts", "error"),
                                                ("deno run resend.ts", "error")])
def test_a_loose_script_beside_the_packages_is_run_by_hand(tmp_path, workflow, severity):
    """A repository whose root has no package.json holds an app and an API, each with its own, and a
    `tools/` script in no package and under no tsconfig, run by hand with Deno after the operator drops
    its input beside it (a property inventory's email resender: IMP002 said the missing JSON breaks
    the build). Nothing installs, builds or tests it: the dead-file warning. A CI workflow naming it
    runs it: the error stays."""
    _pkg(tmp_path, "app/package.json", {"name": "app", "version": "1.0.0", "private": True, "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "app/tsconfig.json", {"compilerOptions": {"outDir": "dist", "resolveJsonModule": True}, "include": ["src"]})
    _write(tmp_path, "app/src/index.ts", "export const ok = 1;\n")
    _write(tmp_path, "tools/resend/resend.ts", "/** Drop the ids here, then run with Deno. */\n"
                                               "import ids from './ids_to_resend.json' with { type: 'json' };\n\n"
                                               "ids.forEach((n: { id: number }) => console.log(n.id));\n")
    if workflow:
        _write(tmp_path, ".github/workflows/resend.yml", f"jobs:\n  resend:\n    steps:\n      - run: {workflow}\n")
    [d] = lint(tmp_path, ["IMP002"])
    assert d.severity.value == severity and d.message.endswith("most likely dead code.") == (severity == "warning")


@pytest.mark.parametrize("scripts, dead", [
    ({"start": "craco start", "build": "craco build"}, True),  # nothing runs Create React App's tests
    ({"start": "craco start", "test": "craco test"}, False),  # `craco test` loads src/setupTests.* unnamed
])
def test_a_setup_file_no_runner_loads_is_a_leftover(tmp_path, scripts, dead):
    """`src/setupTests.ts`, Create React App's convention, in an app whose scripts run no CRA test command
    and whose runner configs name no setup file (a credentials SDK's test app: an error asking to add
    `@testing-library/jest-dom`, where its maintainer would delete the file): loaded by nothing, the
    dead-file warning. Where `craco test` runs, the file is loaded and the error stays."""
    _pkg(tmp_path, "package.json", {"name": "root", "private": True})
    _write(tmp_path, "pnpm-workspace.yaml", "packages:\n  - packages/*\n")
    _pkg(tmp_path, "packages/web/package.json", {"name": "web", "private": True, "scripts": scripts,
                                                 "dependencies": {"react": "19.0.0", "react-dom": "19.0.0"}})
    _pkg(tmp_path, "packages/web/tsconfig.json", {"compilerOptions": {"jsx": "react-jsx", "noEmit": True},
                                                  "include": ["src/**/*.ts[x]?"]})
    _write(tmp_path, "packages/web/src/index.tsx", "import { createRoot } from 'react-dom/client';\n\n"
                                                   "createRoot(document.getElementById('root')!).render(<div />);\n")
    _write(tmp_path, "packages/web/src/setupTests.ts", "import '@testing-library/jest-dom';\n")
    [d] = lint(tmp_path, ["DEP001"])
    assert (d.severity.value, d.message.endswith("most likely dead code.")) == (("warning", True) if dead else ("error", False))


@pytest.mark.parametrize("test_match, dead", [("<rootDir>/test/**/*.spec.ts", True), ("**/*.spec.ts", False)])
def test_a_tsconfig_only_ts_jest_names_compiles_what_jest_selects(tmp_path, test_match, dead):
    """`tsconfig.spec.json` includes `src/**/*.ts`, and only ts-jest's `tsconfig` option names it: a
    program jest compiles for the tests it selects, not for every file it includes. A spec the package's
    tsconfig leaves out and jest's `testMatch` does not select is run by nothing (a microservice's
    disabled tests: 4 IMP002 errors); one jest selects is run."""
    _pkg(tmp_path, "package.json", {"name": "auth", "version": "1.0.0", "private": True, "main": "dist/main.js",
                                    "scripts": {"build": "tsc -p tsconfig.json", "test": "jest --config jest.config.cjs"},
                                    "devDependencies": {"jest": "^29.0.0", "ts-jest": "^29.0.0", "typescript": "^5.0.0"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "dist", "module": "commonjs"}, "include": ["src/**/*.ts"]})
    _pkg(tmp_path, "tsconfig.spec.json", {"extends": "./tsconfig.json", "include": ["test/**/*.ts", "src/**/*.ts", "legacy/**/*.ts"],
                                          "exclude": ["dist"]})
    _write(tmp_path, "jest.config.cjs", "module.exports = { rootDir: '.', testMatch: ['" + test_match + "'], transform: "
                                        "{ '^.+\\\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] } };\n")
    _write(tmp_path, "src/main.ts", "export const ready = true;\n")
    _write(tmp_path, "legacy/auth.spec.ts", "import { AuthController } from './auth.controller';\n\n"
                                                       "it('exists', () => expect(AuthController).toBeDefined());\n")
    [d] = lint(tmp_path, ["IMP002"])
    assert (d.severity.value, d.message.endswith("most likely dead code.")) == (("warning", True) if dead else ("error", False))


@pytest.mark.parametrize("own_package", [True, False])
def test_a_package_with_its_own_build_inside_a_member_is_no_file_the_members_program_leaves_out(tmp_path, own_package):
    """An example app's plugin: a package.json and a tsup build of its own, inside the app, whose tsconfig
    includes only the app's `src/` (an e-commerce framework's example: 22 findings called the plugin "most
    likely dead code", though the app loads its bundle). The plugin's build compiles it, whatever the app's
    program includes: an error with the plugin's fix. A folder with no package.json of its own is the app's,
    which its program leaves out: the dead-file warning stays."""
    _pkg(tmp_path, "package.json", {"name": "acme", "private": True, "workspaces": ["app"]})
    _pkg(tmp_path, "app/package.json", {"name": "app", "private": True, "scripts": {"build": "tsc"},
                                        "dependencies": {"zod": "^3.23.0"}, "devDependencies": {"typescript": "^5.6.0"}})
    _pkg(tmp_path, "app/tsconfig.json", {"compilerOptions": {"outDir": "dist", "strict": True}, "include": ["src"]})
    _write(tmp_path, "app/src/boot.ts", "export const plugins = ['../plugins/widget/dist/index.global.js'];\n")
    if own_package:
        _pkg(tmp_path, "app/plugins/widget/package.json", {"name": "widget", "private": True,
                                                           "scripts": {"build": "tsup src/index.ts --format iife"},
                                                           "devDependencies": {"tsup": "^8.0.0"}})
    _write(tmp_path, "app/plugins/widget/src/index.ts", "import { z } from 'zod';\nimport { mount } from './mount';\n\n"
                                                        "export const schema = z.string();\nmount();\n")
    found = [(d.code, d.severity.value, "dead code" in d.message) for d in lint(tmp_path, ["DEP001", "IMP002"])]
    if own_package:
        assert found == [("DEP001", "error", False), ("IMP002", "error", False)], found
    else:
        assert found == [("IMP002", "warning", True)], found
