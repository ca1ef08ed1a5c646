"""Files outside every build: a backup copy, a parked old version, a scratch script.

A file that no tsconfig program compiles (or checks: a `// @ts-nocheck` file a program includes;
the tsconfigs that could cover it include none of it, or
exclude it by name: work in progress parked in `src/wip/`; a `rootDir` compiles nothing by itself;
an Angular CLI or Nx project compiles only the tsconfigs its targets name, not an editor's
`tsconfig.editor.json`; where no tsconfig lies above it, a runner's defaults may compile it), that
nothing runs (no entry point reaches it, no script, test runner or tool names it, no DataSource's
`migrations` option loads it: its shipping
verdict is only presumed, or it is in no bundle of an app whose entries are its routes or its HTML
page, or it is an example or a backup copy of the repository's own folders or of a file beside it,
backup_copies.py; or its package is one a `!` glob of the workspace definition removes; or it is a
declaration file nothing names or a test nothing could run: model/test_runners.py, or the config of a
tool its package neither declares nor runs: absent_tool_configs.py)
and that no file of the workspace imports, is read by nothing: tsc never checks it, Node never
loads it. An importer that is itself such a file does not count (a parked copy of a folder, whose
files import one another). What its imports name breaks no build
and no start-up, so the import rules say nothing about it (their messages say "tsc fails",
which is false there). Asked only for a file with a finding, and answered alike in a run over the
tree and over a few files (imported_anywhere.py).
"""

from __future__ import annotations

import os
import re

from migrationlint.globs import match_from_root
from migrationlint.model.absent_tool_configs import absent_tool
from migrationlint.model.angular_programs import angular_programs
from migrationlint.model.backup_copies import backup_copy, backup_file
from migrationlint.model.build_programs import build_tsconfigs, tsc_projects
from migrationlint.model.ci_workflows import named_by_a_workflow
from migrationlint.model.dev_files import dev_reason, tool_input
from migrationlint.model.dev_folders import example_home, in_test_folder
from migrationlint.model.docker_commands import dockerfile_names
from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.nx_projects import nx_programs, outside_every_project
from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.manifest_owners import ManifestOwners
from migrationlint.model.named_files import named_by_a_file
from migrationlint.model.setup_leftovers import unloaded_setup_file
from migrationlint.model.named_exclusions import excluded_by_name
from migrationlint.model.migrations import OPTION_LOADED
from migrationlint.model.project import Memo, Project
from migrationlint.model.resolve import Resolver
from migrationlint.model.retired_packages import retired_package
from migrationlint.model.tsconfig import TsConfig
from migrationlint.model.unreferenced_configs import named_by_runners_only, unreferenced_named_config
from migrationlint.model.stray_configs import named_configs_above
from migrationlint.model.script_commands import shell_commands
from migrationlint.model.build_output import checks_only
from migrationlint.model.unchecked_builds import RUNS_TSC, checks_no_type, metro_checks_no_type, scripts_here, vite_page_misses
from migrationlint.model.shipping import shipping_for
from migrationlint.model.runner_setup import runner_file
from migrationlint.model.test_runners import may_run_tests
from migrationlint.model.test_selection import unselected_test
from migrationlint.model.verdicts import WORKSPACE_ROOT_FILE
from migrationlint.model.workspace import Manifest
from migrationlint.model.workspace_definition import split_member_globs


def outside_every_build(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether the file at `path` is compiled by no program, run by nothing and imported by nothing
    but files of the same kind.

    Decided over the importers' graph, not by recursion: the file is alive when a chain of
    importers, each itself outside every build, leads back to one that is not (a live file); the
    chains' files are explored once each, so a tree of copies importing one another costs one
    visit per file. Every file explored for a dead answer is dead as well (its importers are among
    those explored), so all of them are remembered."""
    dead = _DEAD(project)
    found = dead.get(path)
    if found is not None:
        return found
    if not _presumed_unbuilt(project, resolver, path):
        dead[path] = False
        return False
    explored, pending = {path}, [path]
    while pending:
        current = pending.pop()
        for importer in importers(project, current, file_names(current), resolver):
            known = dead.get(importer)
            if importer in explored or known or _inert(project, importer):
                continue  # a known dead importer: its own importers are all dead too; a template's are another project's
            if known is False or not _presumed_unbuilt(project, resolver, importer):
                dead[importer] = dead[path] = False  # a live importer keeps the file alive
                return False
            explored.add(importer)
            pending.append(importer)
    dead.update(dict.fromkeys(explored, True))
    return True


def switched_off(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether the file is outside every build and the repository's own config excludes it by naming
    its folder (model/named_exclusions.py): kept on purpose, run by nothing; no rule reports it."""
    return outside_every_build(project, resolver, path) and excluded_by_name(resolver, project.workspace.root, path)


def _inert(project: Project, path: str) -> bool:
    """Whether the file's imports are not this repository's to follow (a template copied into other projects,
    fixture data, a framework's generated file): `~/root` in a recipe's template names the project it lands in."""
    manifest = _OWNERS(project).owner(path)
    return manifest is not None and not manifest.error and shipping_for(project).verdict(path, manifest).inert


_CONFIG_NAME = re.compile(r"(?:^|[.-])config(?:[.-]|$)", re.IGNORECASE)
_READ_OTHERWISE = frozenset({"__mocks__", "mocks", "mock", "__fixtures__", "fixtures", "cypress", "playwright"})
_TEST_NAME = re.compile(r"\.(?:spec|test|e2e(?:-spec)?)\.[cm]?[jt]sx?$")


def _unread_declarations(project: Project, cfg: TsConfig, path: str) -> bool:
    """Whether a declaration file no program includes is read by nothing: not a package of the
    config's `typeRoots` (tsc loads those itself), and no source of its package names the file
    (`/// <reference path="../x.d.ts" />`; an import is the importers' walk's to find)."""
    if any(path.startswith(r + os.sep) for r in cfg.type_roots or ()):
        return False
    name = os.path.basename(path).encode("utf-8")
    return not any(other != path and project.mentions(other, name)
                   for other in project.package_sources(project.workspace.package_root(path)))


_DOC_FOLDERS = frozenset({"docs", "doc", "documentation"})
_CATCH_ALL = re.compile(r"^(?:\./)?\*\*(?:/\*(?:\.[a-z.]+)?)?$")  # `**/*`, `./**/*.ts`, `**/*.d.ts`, `**`


def _unrun_root_catch_all(project: Project, cfg: TsConfig) -> bool:
    """Whether `cfg` is the workspace root's tsconfig.json with no `include` but one of every file below
    (`"include": ["**/*.ts"]`), no `files` and no `references`, that no script of the root's package.json
    runs tsc on: the base the packages' configs extend, which only an editor reads as a program, not a
    build of the files below."""
    root = project.workspace.root
    if cfg.path != os.path.join(root, "tsconfig.json") or cfg.files is not None or cfg.references \
            or cfg.include is not None and not all(_CATCH_ALL.match(os.path.relpath(p, root)) for p in cfg.include):
        return False
    manifest = project.workspace.root_manifest
    scripts = manifest.data.get("scripts") if manifest is not None and not manifest.error else None
    return not (isinstance(scripts, dict) and any(isinstance(c, str) and RUNS_TSC.search(c) for c in scripts.values()))


def _own_program(project: Project, resolver: Resolver, path: str, manifest: Manifest | None) -> TsConfig | None:
    """The file's tsconfig, unless it belongs to a package around the file's own (a workspace member or a
    nested package, not the root): a plugin with a package.json and a build of its own inside an example
    app, whose tsconfig includes only its `src/`, is no file that program leaves out, but its own build's."""
    cfg = resolver.tsconfig_for(path)
    if cfg is None or manifest is None:
        return cfg
    outer = manifest.dir != cfg.dir and manifest.dir.startswith(cfg.dir.rstrip(os.sep) + os.sep) \
        and cfg.dir != project.workspace.root and os.path.isfile(os.path.join(cfg.dir, "package.json"))
    return None if outer else cfg


def _out_of_an_unchecked_bundle(project: Project, path: str, manifest: Manifest | None) -> bool:
    """Whether the file is no test and lies outside the bundle of a React Native app that nothing
    type-checks (`unchecked_builds.metro_checks_no_type`): Metro compiles only what the entry
    reaches, whatever tsconfig (`"extends": "expo/tsconfig.base"`, not installed here) the editor reads."""
    return manifest is not None and not _TEST_NAME.search(path) and metro_checks_no_type(project, manifest) \
        and shipping_for(project).verdict(path, manifest).unbundled


def _outside_programs(project: Project, resolver: Resolver, cfg: TsConfig, path: str, manifest: Manifest | None) -> bool:
    """Whether the tsconfig that covers the file is no program a build or a check runs: the CLI's
    targets name theirs, the file is `// @ts-nocheck`, the config is a named one nothing names (a
    `tsconfig.test.json` no script or tool compiles), a Next.js, Metro or Bun run that checks no type,
    or the root's catch-all no script runs over a file its Nx project's programs leave out."""
    return _outside_cli_programs(project, resolver, cfg.dir, path) or _unchecked(project, path) \
        or unreferenced_named_config(project, cfg.path) or _TEST_NAME.search(path) and named_by_runners_only(project, cfg.path) \
        or (manifest is not None and (checks_no_type(project, manifest) or vite_page_misses(project, manifest, path))) \
        or _unrun_root_catch_all(project, cfg) and _outside_its_nx_project(project, resolver, path)


_NX_PROJECT_FOLDERS: Memo[frozenset[str]] = Memo("folders holding an Nx project.json", lambda project: frozenset(
    d for d in project.workspace.config_dirs if os.path.isfile(os.path.join(d, "project.json"))), disk_only=True)


def _outside_its_nx_project(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether the Nx project folder nearest above the file (project.json) compiles its targets'
    tsconfigs and none covers it: the root's catch-all tsconfig (`{"extends": "./tsconfig.base.json"}`)
    that alone covers it is the editors' base, no program of the project's builds and tests."""
    folders = _NX_PROJECT_FOLDERS(project)
    folder = os.path.dirname(path)
    while folder.startswith(project.workspace.root + os.sep):
        if folder in folders:
            return _outside_cli_programs(project, resolver, folder, path)
        folder = os.path.dirname(folder)
    return False


def _build_parks(project: Project, resolver: Resolver, cfg: TsConfig, path: str, manifest: Manifest) -> bool:
    """Whether the package's build compiles another tsconfig of the folder, one that excludes the file
    on purpose (`tsconfig.build.json`'s `"exclude": ["src/wip"]` under `nest build`), while no script of
    the package or the root runs tsc over the folder's own tsconfig, which editors and test runners
    read: work parked out of the build."""
    if _TEST_NAME.search(path) or in_test_folder(project.rel(path).split("/")[:-1]):
        return False  # tests and their support: what runs them (a runner's config, setup files) decides
    projects = build_tsconfigs(manifest)
    if not projects or any(p.path == cfg.path for p in projects):
        return False
    scripts = scripts_here(project, manifest)
    if any(RUNS_TSC.search(c) for c in scripts):
        return False
    configs = [resolver.tsconfigs.config(p.path) for p in projects]
    return all(c.error is None and os.path.dirname(c.path) == cfg.dir and c.excludes_on_purpose(path) for c in configs)


def _excluding_below_catch_all(project: Project, resolver: Resolver, cfg: TsConfig, path: str) -> TsConfig | None:
    """The file's nearest tsconfig, when it excludes the file on purpose and the config that covers
    it is the root's catch-all no script runs tsc on (an editor's program): that exclusion decides."""
    chain = resolver.tsconfigs.candidates(os.path.dirname(path))
    if not chain or chain[0] == cfg.path or not _unrun_root_catch_all(project, cfg):
        return None
    near = resolver.tsconfigs.config(chain[0])
    return near if near.error is None and near.excludes_on_purpose(path) else None


def _documentation_no_runner_selects(path: str, package_dir: str) -> bool:
    """A file of a documentation folder inside its package (`docs/old/auth.module.ts` of a service)
    named like no test: with no tsconfig above it, only a runner's selection (tests and what they
    import) or a build's entry could compile it, and a runner selects tests alone. Samples a tool
    runs (`perf/load.ts` for k6) or an example that is a package of its own are not this."""
    folders = os.path.relpath(path, package_dir).replace(os.sep, "/").split("/")[:-1]
    return bool(_DOC_FOLDERS.intersection(folders)) and not _TEST_NAME.search(path) \
        and dev_reason(os.path.basename(path)) is None


def _sample_read_by_hand(project: Project, path: str, manifest: Manifest | None) -> bool:
    """A sample no tsconfig compiles: a code sample of a folder of write-ups, or a file of an examples
    folder (`REVIEW_EXAMPLES/users.controller.fixed.ts`, a draft of a change), named like no tool's file;
    or a backup copy of the repository's folders (an editor's `.history/`), which nothing reads at all."""
    top = manifest.dir if manifest is not None else project.workspace.root
    folders = os.path.relpath(os.path.dirname(path), top).replace(os.sep, "/").split("/")  # within its package
    manifests = [m for m in (manifest, project.workspace.root_manifest) if m is not None]
    return _write_up_sample(path, top) or example_home(folders) and dev_reason(os.path.basename(path)) is None \
        and not _TEST_NAME.search(path) and not _named_by_a_script(path, manifests) \
        or backup_copy(project.workspace.root, project.rel(path)) is not None  # `k6 run perf/load.ts` is a tool's


def _write_up_sample(path: str, top: str) -> bool:
    """A code sample of a folder of write-ups (`security/phase2-fixes/01-controller-example.ts` beside
    a README, a migration guide and a progress report): the folder holds at least two Markdown files
    and more of them than code files, and is not the package's own (`top`), whose README and changelog
    sit beside the scripts run by hand. Asked only where no tsconfig compiles the file."""
    if _TEST_NAME.search(path) or dev_reason(os.path.basename(path)) is not None \
            or os.path.dirname(path) == top.rstrip(os.sep):
        return False
    try:
        names = os.listdir(os.path.dirname(path))
    except OSError:
        return False
    docs = sum(n.lower().endswith((".md", ".mdx")) for n in names)
    code = sum(n.endswith(_CODE_SUFFIXES) for n in names)
    return docs >= 2 and docs > code


_CODE_SUFFIXES = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")


def _presumed_unbuilt(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether no program compiles the file and nothing runs it (what its importers may still change)."""
    manifest = _OWNERS(project).owner(path)
    if manifest is not None and _left_out_of_workspace(project, manifest):
        return not _run_by_a_script(project, path, manifest)  # `!archive/**`: nothing installs, builds or tests it
    if (outside_every_project(path, bool(_TEST_NAME.search(path))) or _loose_script(project, path, manifest)) \
            and not resolver.tsconfigs.candidates(os.path.dirname(path)) and not resolver.tsconfigs.named_config_covers(path):
        return not named_by_a_workflow(project, path) if manifest is None else not _run_by_a_script(project, path, manifest)
    if path in OPTION_LOADED(project) or manifest is not None and _folder_handed_to_a_tool(path, manifest):
        return False  # a migration a DataSource loads (the TypeORM CLI runs it), a folder a tool runs (`-m migrations`)
    if retired_package(project, path, manifest.dir if manifest else project.workspace.root):  # its manifest renamed away
        return manifest is None or not _run_by_a_script(project, path, manifest)
    cfg = _own_program(project, resolver, path, manifest)
    if cfg is None and manifest is not None and _mirrored_root_file(project, path, manifest):
        return True
    if (cfg is None or _unrun_root_catch_all(project, cfg)) and (
            manifest is not None and _documentation_no_runner_selects(path, manifest.dir)
            or _sample_read_by_hand(project, path, manifest)):
        # documentation no tsconfig compiles: run by hand, if at all
        return manifest is None or not _run_by_a_script(project, path, manifest)
    if cfg is None or cfg.error is not None or cfg.unread_extends:  # no tsconfig says what is compiled (tsx, ts-node,
        return _out_of_an_unchecked_bundle(project, path, manifest)  # a bundler with defaults): the bundle may
    cfg = _excluding_below_catch_all(project, resolver, cfg, path) or cfg
    # the CLI's targets name its programs; a program that includes a `// @ts-nocheck` file reports nothing in it
    outside_cli = _outside_programs(project, resolver, cfg, path, manifest)
    build_parks = manifest is not None and cfg.covers(path) and _build_parks(project, resolver, cfg, path, manifest)
    if cfg.covers(path) and not outside_cli and not build_parks:
        return False  # compiled
    parked = cfg.excludes_on_purpose(path) or build_parks  # compiled only if an included file imports it
    if resolver.tsconfigs.references_unwritten(os.path.dirname(path)):
        return False  # a solution config whose projects a framework writes (Nuxt's `.nuxt/tsconfig.app.json`)
    if not outside_cli and _compiled_by_a_named_config(project, resolver, path):
        return False  # a named config something compiles covers it (a lint-only `tsconfig.eslint.json` compiles nothing)
    if path.endswith((".d.ts", ".d.mts", ".d.cts")) and _unread_declarations(project, cfg, path):
        return True
    manifests = [m for m in (manifest, project.workspace.root_manifest) if m is not None]
    if _TEST_NAME.search(path):  # a test no program compiles: dead when nothing could run it either
        return not may_run_tests(project.facts(path), manifests) or (
            not _run_otherwise(project, path, manifests) and _unselected(project, path, manifests))
    verdict = shipping_for(project).verdict(path, manifest) if manifest is not None else None
    if verdict is None:
        return False
    rel = project.rel(path)
    if verdict.presumed or verdict.unbundled or verdict.reason == WORKSPACE_ROOT_FILE or not verdict.ships and (
            _unselected_test_support(project, path, manifests) or absent_tool(project, path, manifests[:1]) is not None):
        return True  # shipping only presumed; test support no runner selects; a config no installed tool can load
    if verdict.bundle_input and not _named_by_a_build_config(project, path, manifest):
        return True  # a web app's file no program compiles and its build names not: what imports it decides
    if example_home(rel.split("/")[:-1]) and dev_reason(os.path.basename(rel)) is None \
            and not (verdict.ships and not verdict.presumed and _example_folder_inside(path, manifest)) \
            and not _entry_of_its_build(project, path, manifest):
        return not _run_by_a_script(project, path, manifest)  # an example no tsconfig compiles: run by hand, if at all
    if backup_file(path) is not None and "__tests__" not in rel.split("/"):  # Jest runs all there
        return not _run_by_a_script(project, path, manifest)  # a superseded copy beside its live twin
    if parked and verdict.unbuilt:  # left out of the build on purpose, and out of its output
        return dev_reason(os.path.basename(rel)) is None and not _run_by_a_script(project, path, manifest)
    # a backup copy kept where a convention says "run by hand" (`scripts/x/backups/<date>/...`) is
    # run by nothing: only what names or reaches it (an entry, a test by its name) keeps it alive
    return not verdict.ships and dev_reason(os.path.basename(rel)) is None \
        and backup_copy(project.workspace.root, rel) is not None and not _run_by_a_script(project, path, manifest)


def _example_folder_inside(path: str, manifest: Manifest) -> bool:
    """Whether the example-named folder lies inside the file's package (a Next app's `src/app/demos/`
    route, which an entry reaches and the app runs), not around it (a package in `examples/`)."""
    return example_home(os.path.relpath(os.path.dirname(path), manifest.dir).split(os.sep))


def _compiled_by_a_named_config(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether a `tsconfig.<name>.json` between the file and the root covers it and something names it
    (a script's `tsc -p`, a tool config, a workflow): one nothing names is a program nothing runs (a
    `tsconfig.eslint.json` with `"include": ["."]`, read by a linter that reports no compiler error)."""
    return any(not unreferenced_named_config(project, c.path) for c in named_configs_above(resolver.tsconfigs, path))


def _unselected_test_support(project: Project, path: str, manifests: list[Manifest]) -> bool:
    """Whether a file of a test folder (`tests/unit/Thing.legacy.ts`, a `__mock__/` module tests import
    by path) is no test the package's runners select (or no runner could run at all), no setup file
    their configs name and no input a script names: only a test importing it would run it (its
    importers say). Mocks and fixtures are read by other means (Jest loads a `__mocks__` file in
    place of a module; a test reads a fixture as text)."""
    if unloaded_setup_file(project, path, manifests):
        return True  # a setup file by its name that no runner loads (`src/setupTests.ts` with no `react-scripts test`)
    folders = os.path.relpath(os.path.dirname(path), manifests[0].dir).split(os.sep) if manifests else []
    if not (in_test_folder(folders) or "__mock__" in folders) or any(f in _READ_OTHERWISE for f in folders) \
            or _CONFIG_NAME.search(os.path.basename(path)):
        return False  # a config (`e2e/pw.config.245.ts`) is what a runner is given by hand, not a test it selects
    return not _run_otherwise(project, path, manifests) and (
        not may_run_tests(project.facts(path), manifests) or _unselected(project, path, manifests))


def _run_otherwise(project: Project, path: str, manifests: list[Manifest]) -> bool:
    """Whether something other than a runner's selection runs the file: a config names it as a setup
    file, a script runs or names it, or another file names it (see below)."""
    return runner_file(path, project.workspace.config_dirs) is not None \
        or bool(manifests) and _run_by_a_script(project, path, manifests[0]) \
        or _named_by_a_script(path, manifests) or named_by_a_file(project, path)


def _named_by_a_build_config(project: Project, path: str, manifest: Manifest) -> bool:
    """Whether the file's name is in a build configuration of its package or Nx project (angular.json's
    `polyfills`, project.json's `main`, an HTML page's script): the bundle starts from it."""
    name = os.path.basename(path).encode("utf-8")
    project_json = shipping_for(project).project_json(path, manifest)
    folders = {manifest.dir, os.path.dirname(project_json) if project_json is not None else manifest.dir}
    candidates = [os.path.join(d, c) for d in folders for c in _BUILD_CONFIGS]
    return any(os.path.isfile(c) and project.mentions(c, name) for c in candidates)


_BUILD_CONFIGS = ("angular.json", "project.json", "workspace.json", "index.html", os.path.join("src", "index.html"))


def _unselected(project: Project, path: str, manifests: list[Manifest]) -> bool:
    """test_selection.unselected_test, given the runners' APIs the file imports (unreadable facts: selected)."""
    facts = project.facts(path)
    imported = [i.specifier for i in facts.imports] if facts is not None else None
    return imported is not None and unselected_test(path, project.workspace.root, manifests, imported)


def _named_by_a_script(path: str, manifests: list[Manifest]) -> bool:
    """Whether a script of these packages names the file, with or without its extension (`nodemon
    --exec ts-node test/dev-server.ts`: a development server kept among the tests)."""
    for m in manifests:
        rel = os.path.relpath(path, m.dir).replace(os.sep, "/")
        stem = os.path.splitext(rel)[0]
        scripts = m.data.get("scripts")
        if isinstance(scripts, dict) and any(isinstance(s, str) and stem in s for s in scripts.values()):
            return True
    return False


def _folder_handed_to_a_tool(path: str, manifest: Manifest) -> bool:
    """Whether a script of the file's package names the file's folder as a whole argument (`"migrate":
    "node-pg-migrate -m migrations"`, `--seeds-dir=db/seeds`): the tool it runs loads the folder's
    files. Not a script that only lints, formats or tests (`eslint migrations`)."""
    folder = os.path.relpath(os.path.dirname(path), manifest.dir).replace(os.sep, "/")
    scripts = manifest.data.get("scripts")
    if folder in (".", "") or folder.startswith("..") or not isinstance(scripts, dict):
        return False
    wanted = {folder, f"./{folder}", f"{folder}/", f"./{folder}/"}
    return any(isinstance(command, str) and not checks_only(name, command)
               and any(word.rsplit("=", 1)[-1] in wanted for words in shell_commands(command) for word in words[1:])
               for name, command in scripts.items())


def _left_out_of_workspace(project: Project, manifest: Manifest) -> bool:
    """Whether a `!` glob of the workspace definition removes the package (`!archive/**`), which has
    no lockfile nor Dockerfile of its own: the package manager installs nothing for it, and the
    workspace's builds and tests never reach it."""
    if manifest.dir == project.workspace.root or any(os.path.isfile(os.path.join(manifest.dir, n)) for n in LOCKFILE_NAMES) \
            or dockerfile_names(manifest.dir):
        return False  # a project installed apart, with a lockfile or an image of its own
    _, excluded = split_member_globs(project.workspace.member_patterns)
    rel = project.rel(manifest.dir)
    return any(match_from_root(glob, rel) for glob in excluded)


def _outside_cli_programs(project: Project, resolver: Resolver, directory: str, path: str) -> bool:
    """Whether an Angular CLI workspace, or an Nx project, at `directory` compiles its targets' own
    tsconfigs and none of them covers the file (its `tsconfig.json` is the base they extend, and Nx's
    `tsconfig.editor.json` covers every file, read by editors alone, unless a script of the package
    runs a bare `tsc`, which compiles it: a server beside the app, `ng build && tsc`)."""
    programs = angular_programs(directory) or nx_programs(directory)
    return bool(programs) and not any(resolver.tsconfigs.config(p).covers(path) for p in programs) \
        and not _compiles_its_tsconfig(project, directory)


def _compiles_its_tsconfig(project: Project, directory: str) -> bool:
    """Whether a script of the package in `directory` runs tsc with emit on the folder's own
    tsconfig.json (build_programs.tsc_projects: a bare `tsc`, `tsc -p .`; not `--noEmit`)."""
    path = os.path.join(directory, "package.json")
    manifest = project.workspace.manifest(path) if os.path.isfile(path) else None
    scripts = manifest.data.get("scripts") if manifest is not None and not manifest.error else None
    own = os.path.join(directory, "tsconfig.json")
    for script in scripts.values() if isinstance(scripts, dict) else ():
        for words in shell_commands(script) if isinstance(script, str) else ():
            names = [os.path.basename(w) for w in words]
            found = tsc_projects(directory, words[names.index("tsc") + 1:]) if "tsc" in names else None
            if found and any(p.path == own for p in found):
                return True
    return False


def _mirrored_root_file(project: Project, path: str, manifest: Manifest) -> bool:
    """Whether the file is a mirror of another package's (mirrored_twin): that package compiles its own
    copy, no program this one."""
    return mirrored_twin(project, path, manifest) is not None


def mirrored_twin(project: Project, path: str, manifest: Manifest) -> str | None:
    """The file a file of the workspace root's own folders, with no tsconfig above it (the packages keep
    theirs), copies byte for byte at the same path inside another package (`nodes/X.node.ts` beside
    `integrations/n8n-nodes-x/nodes/X.node.ts`: a mirror a publishing portal's checks ask for), when no
    script runs it; None otherwise. Its imports are the twin's, which that package declares."""
    verdict = shipping_for(project).verdict(path, manifest)
    if verdict.reason != WORKSPACE_ROOT_FILE or _run_by_a_script(project, path, manifest):
        return None
    rel = os.path.relpath(path, manifest.dir)
    data = project.bytes_of(path)
    for folder in project.workspace.manifest_dirs:
        twin = os.path.join(folder, rel)
        if folder != manifest.dir and twin != path and os.path.isfile(twin) and project.bytes_of(twin) == data:
            return twin
    return None


def _unchecked(project: Project, path: str) -> bool:
    """Whether tsc is told not to check the file (`// @ts-nocheck` above its first statement): a
    program that includes it reports nothing there, so only what runs or imports it decides."""
    facts = project.facts(path)
    return facts is not None and facts.unchecked


def _entry_of_its_build(project: Project, path: str, manifest: Manifest) -> bool:
    """Whether the file is an entry point (a Next.js route, `main`) of a package whose `build` script
    bundles it (a documentation site in `docs/` built by `next build`): the build compiles it."""
    scripts = manifest.data.get("scripts")
    shipping = shipping_for(project)
    return isinstance(scripts, dict) and isinstance(scripts.get("build"), str) and bool(shipping.bundled(manifest)) \
        and any(e.path == path for e in shipping.entries(manifest))


def _loose_script(project: Project, path: str, manifest: Manifest | None) -> bool:
    """Whether no package.json owns the file while others in the repository own their folders (a
    `tools/resend/resend.ts` beside `app/` and `api/`, under a root with no package.json), and it is
    named like no test (a runner's selection decides those). Like a file outside an Nx workspace's
    projects, with no tsconfig.json above it, nothing builds it or installs what it imports."""
    return manifest is None and bool(project.workspace.manifest_dirs) and not _TEST_NAME.search(path)


def _run_by_a_script(project: Project, path: str, manifest: Manifest) -> bool:
    """Whether a script of the file's package or of the workspace root runs the file."""
    root = project.workspace.root_manifest
    return any(tool_input(path, m.data, m.dir) is not None for m in (manifest, root) if m is not None and not m.error)


_DEAD: Memo[dict[str, bool]] = Memo("files outside every build", lambda project: {})
_OWNERS: Memo[ManifestOwners] = Memo("manifest owners", ManifestOwners)
