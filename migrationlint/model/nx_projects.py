"""Nx projects whose build is a front-end bundle, or writes the package.json it deploys, read as data.

Why: an Nx monorepo often has one package.json for every app and library, with the browser apps'
libraries (react, @angular/*) in devDependencies because the apps ship as bundles. Without
knowing which projects are bundled, every component of such an app looked like production code
importing a dev-only package (535 DEP002 findings on one real monorepo). A project whose `build`
target runs a browser bundler ships a bundle: its files, and the library files its entry
reaches, are inputs of that bundle (shipping.py), unless a server entry reaches them too.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from migrationlint.model.angular_programs import target_option_blocks
from migrationlint.model.config_objects import find_config, read_config
from migrationlint.model.stamped_reads import read_by_stamp

# executors that only build for the browser (or a mobile bundle)
_WEB_EXECUTORS = ("@nx/react:", "@nrwl/react:", "@nx/angular:", "@nrwl/angular:", "@angular-devkit/build-angular:",
                  "@angular/build:", "@nx/next:", "@nrwl/next:", "@nx/remix:", "@nx/expo:", "@nx/react-native:")
# the builder names Angular gave its browser builds, which the builders that wrap or replace them keep
# (`@angular-builders/custom-webpack:browser`, `@nx/angular:webpack-browser`, `...:application`)
_BROWSER_BUILDERS = frozenset({"browser", "browser-esbuild", "application", "webpack-browser"})
# bundlers that build for the browser when their options say so (an HTML index, a web target)
_BUNDLERS = frozenset({"@nx/webpack:webpack", "@nrwl/webpack:webpack", "@nx/vite:build", "@nrwl/vite:build",
                       "@nx/rspack:rspack", "@nx/esbuild:esbuild", "@nrwl/esbuild:esbuild", "@nx/rollup:rollup"})


@dataclass(frozen=True)
class WebProject:
    """An Nx project that ships a browser bundle: its folder, its build executor, its entry source."""

    root: str
    executor: str
    main: str | None


def json_object(path: str) -> dict:
    """The parsed project.json, nx.json or package.json ({} when unreadable or not an object: a
    project that cannot be read is not known to be anything)."""
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def web_project(project_json: str, workspace_root: str) -> WebProject | None:
    """The project of this project.json when its `build` target bundles for the browser, else None."""
    return _web(json_object(project_json), os.path.dirname(project_json), workspace_root)


def workspace_file_projects(directory: str) -> list[WebProject]:
    """The browser projects that a workspace.json or angular.json in `directory` configures inline
    (`"projects": {"web": {"root": "apps/web", "architect": {"build": {"builder": ...}}}}`: Nx before
    project.json files, and the Angular CLI)."""
    found = []
    for name in ("workspace.json", "angular.json"):
        projects = json_object(os.path.join(directory, name)).get("projects")
        for project in projects.values() if isinstance(projects, dict) else ():
            if isinstance(project, dict) and isinstance(project.get("root"), str) and project["root"].strip("./"):
                web = _web(project, os.path.normpath(os.path.join(directory, project["root"])), directory)
                if web is not None:
                    found.append(web)
    return found


def angular_build_inputs(directory: str) -> dict[str, str]:
    """{file: the option naming it} of the files the browser builds of an angular.json in `directory`
    start from (`main`, `browser`, `polyfills`: a project at the workspace's own top, `"root": ""`,
    whose folder holds a server too, is read by these alone)."""
    found: dict[str, str] = {}
    projects = json_object(os.path.join(directory, "angular.json")).get("projects")
    for project in projects.values() if isinstance(projects, dict) else ():
        targets = project.get("architect", project.get("targets")) if isinstance(project, dict) else None
        build = targets.get("build") if isinstance(targets, dict) else None
        if not isinstance(build, dict) or _web(project, directory, directory) is None:
            continue
        options = build.get("options") if isinstance(build.get("options"), dict) else {}
        for key in ("main", "browser", "polyfills"):
            for value in options.get(key) if isinstance(options.get(key), list) else [options.get(key)]:
                if isinstance(value, str) and value.endswith((".ts", ".js")):
                    found.setdefault(os.path.normpath(os.path.join(directory, value)), key)
    return found


def _web(project: dict, root: str, workspace_root: str) -> WebProject | None:
    """A project whose build target bundles for the browser (`targets`/`executor`, or the older
    `architect`/`builder` spelling), else None."""
    targets = project.get("targets", project.get("architect"))
    build = targets.get("build") if isinstance(targets, dict) else None
    executor = build.get("executor", build.get("builder")) if isinstance(build, dict) else None
    if not isinstance(executor, str):  # a target with no executor nor command adds options to the inferred one
        inferred = _inferred_vite_app(root)
        merged = not isinstance(build, dict) or "command" not in build
        return WebProject(root, inferred, None) if inferred is not None and merged else None
    options = build.get("options") if isinstance(build.get("options"), dict) else {}
    index = options.get("index")
    browser = (executor.startswith(_WEB_EXECUTORS) or executor.rsplit(":", 1)[-1] in _BROWSER_BUILDERS
               or isinstance(index, str) and index.endswith(".html")  # any builder given a web page
               or executor in _BUNDLERS and (isinstance(index, str) or options.get("target") in ("web", "browser")
                                             or options.get("platform") == "browser"))
    if not browser:
        executor = _vite_app_build(targets, root, workspace_root) if isinstance(targets, dict) else None
        if executor is None:
            return None
    main = options.get("main") or options.get("browser")
    path = nx_option_path(main, workspace_root, root) if isinstance(main, str) else None
    return WebProject(root, executor, path)


_VITE_BUILDS = frozenset({"@nx/vite:build", "@nrwl/vite:build"})


def _vite_app_build(targets: dict, root: str, workspace_root: str) -> str | None:
    """The executor of a target that builds the project with vite as a web app (Nx's vite build, or
    a plugin's executor named `...:vite`), else None: its vite
    config (`configFile`, else the project's vite.config) sets neither `build.lib` (a library, whose
    dependencies stay external) nor `build.ssr` (a server bundle, likewise). A vite app build bundles
    everything its page imports, whichever target runs it (`build.client` beside an SSR build)."""
    for target in targets.values():
        executor = target.get("executor", target.get("builder")) if isinstance(target, dict) else None
        if not isinstance(executor, str) or executor not in _VITE_BUILDS and not executor.endswith(":vite"):
            continue  # Nx's own vite build, or another plugin's vite build (`@analogjs/platform:vite`)
        options = target.get("options") if isinstance(target.get("options"), dict) else {}
        named = options.get("configFile")
        config = os.path.join(workspace_root, named) if isinstance(named, str) else find_config(root, "vite.config")
        if config is None or not os.path.isfile(config):
            continue
        settings = read_config(config)
        if not settings.has("build.lib") and not settings.has("build.ssr"):
            return executor
    return None


def infers_vite_builds(directory: str) -> bool:
    """Whether the nx.json of the Nx workspace around `directory` lists Nx's vite plugin
    (`"plugins": ["@nx/vite/plugin"]`, or `{"plugin": "@nx/vite/plugin", ...}`), which gives every
    project with a vite config a build target project.json does not write (Nx 18 and later)."""
    root = nx_workspace_root(directory)
    plugins = json_object(os.path.join(root, "nx.json")).get("plugins") if root is not None else None
    return isinstance(plugins, list) and any(
        (p.get("plugin") if isinstance(p, dict) else p) == "@nx/vite/plugin" for p in plugins)


def _inferred_vite_app(root: str) -> str | None:
    """The build Nx's vite plugin infers for the project in `root` when that build is a web app (its
    vite config sets neither `build.lib` nor `build.ssr`), else None."""
    config = find_config(root, "vite.config") if infers_vite_builds(root) else None
    if config is None:
        return None
    settings = read_config(config)
    return None if settings.has("build.lib") or settings.has("build.ssr") else "@nx/vite/plugin, inferred from vite.config"


def node_app_mains(directory: str) -> list[tuple[str, str]]:
    """(absolute path, what names it) of the `main` of each target of the Nx application whose
    project.json is in `directory`, when it runs in Node (not a browser build): what its bundle or
    build starts from (`"main": "apps/api/src/main.ts"`, relative to the Nx workspace root), else
    the main its webpack config gives Nx's inferred build."""
    data = json_object(os.path.join(directory, "project.json"))
    targets = data.get("targets") if isinstance(data.get("targets"), dict) else {}
    if data.get("projectType") != "application":
        return []
    root = nx_workspace_root(directory)
    if root is None or _web(data, directory, root) is not None:
        return []
    found = []
    for name, target in targets.items():
        options = target.get("options") if isinstance(target, dict) else None
        main = options.get("main") if isinstance(options, dict) else None
        if isinstance(main, str):
            found.append((nx_option_path(main, root, directory), f'the Nx "{name}" target (project.json "main")'))
    return found or _inferred_main(directory)


def _inferred_main(directory: str) -> list[tuple[str, str]]:
    """A Node app whose build Nx infers from its webpack config (`new NxAppWebpackPlugin({ target:
    'node', main: './src/main.ts' })`, relative to the config's folder; the plugin's default
    target is the browser), when project.json names none."""
    config = find_config(directory, "webpack.config")
    keys = read_config(config).keys if config is not None else {}
    if not any(k[-1] == "target" and v == "node" for k, v in keys.items()):
        return []
    mains = {v for k, v in keys.items() if k[-1] == "main" and isinstance(v, str)}
    why = f'the Nx app\'s inferred build ({os.path.basename(config)} "main")'
    return [(os.path.normpath(os.path.join(directory, m)), why) for m in sorted(mains)]


def nx_option_path(value: str, root: str, directory: str) -> str:
    """An Nx option path (`main`, `tsConfig`) of the project in `directory`: relative to the workspace
    `root`, with the tokens Nx replaces (`"main": "{projectRoot}/src/main.ts"`) replaced."""
    value = value.replace("{projectRoot}", os.path.relpath(directory, root)).replace("{workspaceRoot}/", "")
    return os.path.normpath(os.path.join(root, value))


def nx_workspace_root(directory: str) -> str | None:
    """The nearest folder at or above `directory` holding nx.json (project paths are relative to it)."""
    d = directory
    while True:
        if os.path.isfile(os.path.join(d, "nx.json")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


RUN_COMMANDS = frozenset({"nx:run-commands", "@nrwl/workspace:run-commands", "@nx/workspace:run-commands"})


def run_commands(project_json: str) -> list[tuple[str, str, str]]:
    """(target, command, folder it runs in) of each command of the project's `run-commands`
    targets (`options.command`, or the strings and `{command}` objects of `options.commands`); the
    folder is `options.cwd` below the workspace root, which is also the default."""
    directory = os.path.dirname(project_json)
    top = nx_workspace_root(directory) or directory
    found = []
    for name, target in project_targets(directory).items():
        options = target.get("options") if isinstance(target, dict) and target.get("executor") in RUN_COMMANDS else None
        if not isinstance(options, dict):
            continue
        cwd = os.path.normpath(os.path.join(top, options["cwd"])) if isinstance(options.get("cwd"), str) else top
        listed = options.get("commands") if isinstance(options.get("commands"), list) else [options.get("command")]
        for command in listed:
            command = command.get("command") if isinstance(command, dict) else command
            if isinstance(command, str):  # the tokens Nx replaces (`{projectRoot}/src/data-source.ts`)
                command = command.replace("{projectRoot}", os.path.relpath(directory, top)).replace("{workspaceRoot}", top)
                found.append((name, command, cwd))
    return found


def target_schemas(project_json: str) -> list[str]:
    """The Prisma schemas the project's targets name in `options.schema` (a Prisma executor's,
    `@nx-tools/nx-prisma:generate`), absolute."""
    directory = os.path.dirname(project_json)
    top = nx_workspace_root(directory) or directory
    return [nx_option_path(t["options"]["schema"], top, directory) for t in project_targets(directory).values()
            if isinstance(t, dict) and isinstance(t.get("options"), dict) and isinstance(t["options"].get("schema"), str)]


def other_project(path: str, importer: str, top: str) -> bool:
    """Whether `path` belongs to an Nx project (its nearest project.json, below the package folder
    `top`) other than the one of `importer`: another project's files, an application's or a
    library's, are never what a relative import of this one means (Nx's module boundaries reach a
    library through its path alias, and a namesake there is usually another implementation)."""
    memo: dict[str, str | None] = {}
    own = nearest_project_json(os.path.dirname(importer), top, os.path.isfile, memo)
    theirs = nearest_project_json(os.path.dirname(path), top, os.path.isfile, memo)
    return theirs is not None and theirs != own


def nearest_project_json(directory: str, top: str, is_file: Callable[[str], bool],
                         memo: dict[str, str | None]) -> str | None:
    """The project.json in `directory` or the nearest folder above it, up to the package folder
    `top` (memo: per folder, as Workspace.nearest_manifest_path keeps package.json)."""
    if directory in memo:
        return memo[directory]
    candidate = os.path.join(directory, "project.json")
    if is_file(candidate):
        found: str | None = candidate
    else:
        parent = os.path.dirname(directory)
        inside = directory != top and parent != directory and parent.startswith(top)
        found = nearest_project_json(parent, top, is_file, memo) if inside else None
    memo[directory] = found
    return found


def outside_every_project(path: str, test: bool, is_file: Callable[[str], bool] = os.path.isfile) -> bool:
    """Whether the file lies in an Nx workspace but in none of its projects: no project.json and no
    package.json in its folder or above it, below nx.json's folder, and, for a `test` file, the root's
    Jest config, if any, only gathers the projects' (`getJestProjects()`); Jest compiles another file
    only when a test imports it, which its importers say. Nx builds, serves, tests and lints
    projects: such a file (a `notes/` folder of old copies) is run by no target."""
    directory = os.path.dirname(path)
    top = nx_workspace_root(directory)
    if top is None or directory == top or nearest_project_json(directory, top, is_file, {}) is not None:
        return False
    d = directory
    while d != top:
        if is_file(os.path.join(d, "package.json")):
            return False
        d = os.path.dirname(d)
    jest = find_config(top, "jest.config") if test else None
    return jest is None or bool(read_by_stamp(jest, _gathers_projects_only))


@lru_cache(maxsize=16)
def _gathers_projects_only(jest_config: str, mtime_ns: int, size: int) -> bool:
    """Whether the workspace's Jest config runs only the projects' tests (read once per version)."""
    try:
        with open(jest_config, encoding="utf-8", errors="replace") as fh:
            return "getJestProjects" in fh.read()
    except OSError:
        return False


# target options with which an Nx build writes the deployed package.json's dependencies from the
# project graph (the app bundlers' option, and @nx/js:tsc's and :swc's for a buildable library)
_GENERATING_OPTIONS = ("generatePackageJson", "updateBuildableProjectDepsInPackageJson")
# the library executors whose `updateBuildableProjectDepsInPackageJson` was on unless set to false,
# up to Nx 16.5 (which turned the default off and wrote `true` where a project relied on it)
_LIBRARY_PACKAGERS = frozenset({"tsc", "swc", "package", "rollup", "ng-packagr-lite"})
_DEFAULT_OFF_SINCE = (16, 5)
_NX_PACKAGES = ("nx", "@nrwl/workspace", "@nx/workspace", "@nrwl/cli", "@nrwl/devkit", "@nx/devkit")


def generated_manifest(directory: str) -> str | None:
    """Why the package's Nx build writes the package.json it deploys (`generatePackageJson: true`,
    or a library's `updateBuildableProjectDepsInPackageJson`, in a target's options of its
    project.json or of its entry in the workspace's workspace.json, set to true or, before Nx
    16.5, left at its default of true; or `generatePackageJson` in its webpack/rspack config, as
    `NxAppWebpackPlugin` takes it), else None. Nx lists there what the project imports at the
    versions of the workspace root's manifest (the single-version policy): a dependency declared
    only at the root is what such a build expects, and a per-service install from the built
    folder finds it (DEP005)."""
    targets = project_targets(directory)
    for name, target in targets.items():
        why = _target_generates(target, directory) if isinstance(target, dict) else None
        if why is not None:
            return f"its Nx `{name}` target generates the package.json it deploys ({why})"
    for stem in ("webpack.config", "rspack.config"):
        path = find_config(directory, stem)
        if path is not None and read_config(path).flag("generatePackageJson") is True:
            return f"its build ({os.path.basename(path)}) generates the package.json it deploys (generatePackageJson)"
    return None


def build_executor(directory: str) -> str | None:
    """The executor of the `build` target of the Nx project in `directory` (project.json, or its
    inline entry in workspace.json), or None."""
    build = project_targets(directory).get("build")
    executor = build.get("executor", build.get("builder")) if isinstance(build, dict) else None
    return executor if isinstance(executor, str) else None


def _target_generates(target: dict, directory: str) -> str | None:
    """The option with which this target writes the package.json, or None."""
    options = target.get("options") if isinstance(target.get("options"), dict) else {}
    for option in _GENERATING_OPTIONS:
        if options.get(option) is True:
            return option
    executor = target.get("executor", target.get("builder"))
    if not isinstance(executor, str) or not executor.startswith(("@nrwl/", "@nx/")) \
            or executor.rsplit(":", 1)[-1] not in _LIBRARY_PACKAGERS or "updateBuildableProjectDepsInPackageJson" in options:
        return None
    version = _nx_version(nx_workspace_root(directory))
    if version is not None and version >= _DEFAULT_OFF_SINCE:
        return None
    if version is None and not executor.startswith("@nrwl/"):
        return None  # an @nx/ executor of an unknown Nx: 16 or later, said nothing
    return "updateBuildableProjectDepsInPackageJson, on by default before Nx 16.5"


def nx_programs(directory: str) -> list[str]:
    """The tsconfig files the targets of the Nx project in `directory` name (`tsConfig`, in options or
    any configuration), that exist: the programs its builds and tests compile, beside which a
    `tsconfig.editor.json` covering every file is read by editors alone."""
    root = nx_workspace_root(directory)
    if root is None:
        return []
    found = {nx_option_path(b["tsConfig"], root, directory) for target in project_targets(directory).values()
             for b in target_option_blocks(target) if isinstance(b.get("tsConfig"), str)}
    return sorted(p for p in found if os.path.isfile(p))


def project_targets(directory: str) -> dict:
    """The targets of the Nx project in `directory` (project.json, or its inline entry in the
    workspace's workspace.json; the older `architect` spelling too), or {}; merged over those the
    package.json's `nx` field gives (project.json's win, as Nx merges them)."""
    project = json_object(os.path.join(directory, "project.json")) or _inline_project(directory)
    targets = project.get("targets", project.get("architect"))
    nx = json_object(os.path.join(directory, "package.json")).get("nx")
    inline = nx.get("targets") if isinstance(nx, dict) else None
    if isinstance(inline, dict) and inline:
        targets = {**inline, **(targets if isinstance(targets, dict) else {})}
    return _with_defaults(directory, targets) if isinstance(targets, dict) else {}


def _with_defaults(directory: str, targets: dict) -> dict:
    """The targets merged over nx.json's `targetDefaults` (by the target's name, else its executor),
    as Nx runs them: a project's `"migration-run": {}` takes the command defined once for all."""
    root = nx_workspace_root(directory)
    defaults = read_by_stamp(os.path.join(root, "nx.json"), _target_defaults) if root is not None else None
    if not defaults:
        return targets
    merged = {}
    for name, target in targets.items():
        base = defaults.get(name)
        if isinstance(target, dict) and not isinstance(base, dict) and isinstance(target.get("executor"), str):
            base = defaults.get(target["executor"])
        if isinstance(target, dict) and isinstance(base, dict):
            options = {**_dict(base.get("options")), **_dict(target.get("options"))}
            target = {**base, **target, "options": options}
        merged[name] = target
    return merged


@lru_cache(maxsize=8)
def _target_defaults(nx_json: str, mtime_ns: int, size: int) -> dict:
    """nx.json's `targetDefaults` ({} when none), read once per version of the file."""
    defaults = json_object(nx_json).get("targetDefaults")
    return defaults if isinstance(defaults, dict) else {}


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


_ESBUILD_EXECUTORS = frozenset({"@nx/esbuild:esbuild", "@nrwl/esbuild:esbuild"})


def esbuild_externals(directory: str) -> tuple[str, ...] | None:
    """What stays out of the bundle Nx's esbuild executor builds for the project's `build` target,
    when it inlines the packages too (`thirdParty: true`; by default it bundles only the project's
    own files): its `external` list. None when no such build (or a list that is not names)."""
    build = project_targets(directory).get("build")
    if not isinstance(build, dict) or build.get("executor", build.get("builder")) not in _ESBUILD_EXECUTORS:
        return None
    options = build.get("options") if isinstance(build.get("options"), dict) else {}
    external = options.get("external", [])
    if options.get("bundle") is False or options.get("thirdParty") is not True or not isinstance(external, list) \
            or not all(isinstance(e, str) for e in external):
        return None
    return tuple(external)


def _inline_project(directory: str) -> dict:
    """The project rooted at `directory` that the Nx workspace's workspace.json configures inline
    (Nx before project.json files), or {}."""
    root = nx_workspace_root(directory)
    if root is None:
        return {}
    projects = json_object(os.path.join(root, "workspace.json")).get("projects")
    for project in projects.values() if isinstance(projects, dict) else ():
        if isinstance(project, dict) and isinstance(project.get("root"), str) \
                and os.path.normpath(os.path.join(root, project["root"])) == os.path.normpath(directory):
            return project
    return {}


def _nx_version(root: str | None) -> tuple[int, int] | None:
    """(major, minor) of the Nx that the workspace root's package.json declares, or None."""
    if root is None:
        return None
    manifest = json_object(os.path.join(root, "package.json"))
    for section in ("devDependencies", "dependencies"):
        declared = manifest.get(section)
        for name in _NX_PACKAGES:
            rng = declared.get(name) if isinstance(declared, dict) else None
            found = re.match(r"\D*(\d+)\.(\d+)", rng) if isinstance(rng, str) else None
            if found:
                return int(found.group(1)), int(found.group(2))
    return None
