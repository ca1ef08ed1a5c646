"""Whether a package's build bundles what it imports (docs/architecture.md, "What ships", step 4).

A private app built by vite (or vite-plus), SvelteKit, Next, Nuxt, the Angular or Vue CLI, webpack, rspack
or rsbuild, a build with esbuild/tsup `noExternal` or vite `ssr.noExternal`, a tsup or tsdown build (both inline whatever
`dependencies` and `peerDependencies` do not list; unbuild too where its settings allow it), and
an Electron app ship a bundle made from their devDependencies (and a published package that vite, or rollup with its node-resolve plugin,
builds): no production install provides them, so "declared only in devDependencies"
is not a defect there. Configs are read as data (config_objects), never executed.
"""

from __future__ import annotations

import os
import re
from typing import Callable, Iterator

from migrationlint.model.app_builds import ANGULAR_CLI_BUILD, APP_CONFIGS, SCRIPT_BUILDS, angular_beside_a_server, builds_an_app
from migrationlint.model.bundle_record import Bundle
from migrationlint.model.cli_bundles import bun_build, ncc_build
from migrationlint.model.config_objects import SECTIONS_MARK, config_has, delegated_config, find_config, read_config
from migrationlint.model.shell_scripts import shell_files, shell_script_commands
from migrationlint.model.rslib_builds import RSLIB_BUILDS, rslib_bundle
from migrationlint.model.script_builds import release_bundle, release_scripts, scripted_bundle
from migrationlint.model.entry_points import declared_entries, names_no_entry, starts_from_source
from migrationlint.model.script_commands import OUTPUT_WRITERS, RUNS_SCRIPT, command_pattern, root_scripts_for_caller, run_all_names, shell_commands, \
    external_flags, forwarded_arguments, with_arguments
from migrationlint.model.nx_projects import build_executor, esbuild_externals, run_commands
from migrationlint.model.vercel_functions import vercel_bundle
from migrationlint.model.serverless import serverless_bundle
from migrationlint.model.sst_apps import sst_bundle
from migrationlint.model.rollup_builds import rollup_build
from migrationlint.model.unbuild_builds import unbuild_bundle
from migrationlint.model.workers import worker_bundle
from migrationlint.model.workspace import Manifest
from migrationlint.model.webpack_builds import TOOL_RUN, nest_cli_build, published_webpack, webpack_bundle
from migrationlint.model.host_plugin_builds import host_plugin_bundle


_LIBRARY_BUILDS = command_pattern(r"(?:svelte-package|ng-packagr)\b")
_STORYBOOK_DEV = re.compile(r"^\s*(?:storybook dev|start-storybook)\b")
_STORYBOOK_BUILD = command_pattern(r"(?:storybook build|build-storybook)\b")


# not tsup-node: it keeps node_modules out; pkgroll and bunchee, like them, leave out what the manifest declares
_INLINING_BUILDERS = command_pattern(r"(tsup|tsdown|pkgroll|bunchee)(?![\w-])")
# Strapi's plugin SDK (`@strapi/sdk-plugin`, and `@strapi/pack-up` it grew from) builds the admin and
# server halves with everything but dependencies and peerDependencies inlined; a packup.config may
# name more externals, which are not read
_STRAPI_PLUGIN_BUILDS = command_pattern(r"(?:strapi-plugin|pack-up) build\b")
# `vscode:prepublish`: what `vsce package` runs first, a VS Code extension's build
_BUILD_SCRIPTS = ("build", "compile", "prepublishOnly", "prepack", "prepublish", "vscode:prepublish",
                  "heroku-postbuild")  # Heroku's build of the deployed app


def _inlines_undeclared(manifest: Manifest) -> Bundle | None:
    """tsup, tsdown, pkgroll and bunchee leave out of the bundle only what dependencies, peerDependencies and
    optionalDependencies list, and what their `external` names: devDependencies, and packages only
    the workspace root declares, are inlined. Said when the package's build script runs one of
    them and nothing widens what stays external beyond a list (`--external`, `skipNodeModulesBundle`
    other than a literal false); an `external` that is not a list of names (a const of another
    module) keeps out what it names, read as nothing."""
    if manifest.unpublishable and starts_from_source(manifest):
        return None  # a private service that runs its sources (`tsx src/index.ts`): the bundle is built, never run
    for name, script in build_commands(manifest, shell=True):
        if _STRAPI_PLUGIN_BUILDS.search(script) and find_config(manifest.dir, "packup.config") is None:
            return Bundle(f"the Strapi plugin SDK (the {name} script) inlines every import its dependencies and "
                          "peerDependencies do not name")
        if RSLIB_BUILDS.search(script):
            return rslib_bundle(manifest.dir, f"the {name} script")
        found = _INLINING_BUILDERS.search(script)
        if found is None or "--external" in script:
            continue
        return inlining_bundle(manifest, found.group(1), f"the {name} script")
    return None


def inlining_bundle(manifest: Manifest, tool: str, by: str) -> Bundle | None:
    """The bundle tsup, tsdown, pkgroll or bunchee (`tool`) builds for the package, run by `by` (the
    build script, or the workspace root's build), as its package.json field and its config set it:
    None where they keep every package out or transpile file by file (see _inlines_undeclared)."""
    field = manifest.data.get(tool)
    external: tuple[str, ...] | None = ()
    if isinstance(field, dict):
        if field.get("skipNodeModulesBundle") not in (None, False):
            return None
        listed = field.get("external", [])
        external = tuple(listed) if isinstance(listed, list) and all(isinstance(e, str) for e in listed) else None
    config = find_config(manifest.dir, f"{tool}.config")
    if config is not None and config_has(config, "skipNodeModulesBundle") \
            and read_config(config).flag("skipNodeModulesBundle") is not False or _inlines_no_package(config, field):
        return None
    if config is not None and external is not None and config_has(config, "external"):
        named = read_config(config).names("external", patterns=True, lists_only=True)
        # beside a build that emits declarations only (`dts: { emitDtsOnly: true }`), the lists are the two builds'
        # together: which the code's build keeps out is not read
        dts_only = config_has(config, "emitDtsOnly") or config_has(config, "dtsOnly")
        external = None if named is None or dts_only else external + named
    if external is None:  # a list computed elsewhere keeps out only what it names, never unbundles the rest
        return Bundle(f"{tool} ({by}) inlines every import its dependencies and peerDependencies "
                      "do not name, but for an external list computed where it is not read")
    return Bundle(f"{tool} ({by}) inlines every import its dependencies, peerDependencies "
                  f"and external list do not name", external, literal=tool == "tsup")


def _inlines_no_package(config: str | None, field: object) -> bool:
    """`bundle: false` (each file transpiled alone, its imports kept) or esbuild's `packages:
    'external'` (every package left out), in the config or the manifest's field: the output loads
    what the sources import, as a tsc build does."""
    if isinstance(field, dict) and (field.get("bundle") is False or field.get("packages") == "external"):
        return True
    if config is None:
        return False
    return config_has(config, "bundle") and read_config(config).flag("bundle") is False \
        or config_has(config, "packages") and read_config(config).names("packages") == ("external",)


def _vite_build(manifest: Manifest, config: str | None) -> Bundle | None:
    """A vite build inlines every import that `rollupOptions.external` (`rolldownOptions` in
    rolldown-vite) does not name, declared dependencies included (unlike tsup), in library mode
    (`build.lib`) as in an app build (the assets a published package serves), when vite is what
    builds the package (a build script running `vite build`, or an Nx vite build target when no
    build script says otherwise: a package built by tsc keeps a vite config for its dev server or
    stories). A server build (`build.ssr`, `--ssr`) leaves the packages of node_modules out
    instead, and an `external` that is not a list of names says nothing readable."""
    commands = [command for _, command in build_commands(manifest)]
    by_vite = any(_VITE_BUILD.search(c) and "--ssr" not in c for c in commands) if commands else \
        build_executor(manifest.dir) in ("@nx/vite:build", "@nrwl/vite:build")
    if not by_vite:
        return None
    if config is None:
        return Bundle("a vite build (no config: an app from index.html) inlines every import")
    settings = read_config(delegated_config(config))  # `export default shared('src/index.ts')`: the shared module's
    if settings.has("build.ssr"):
        return None
    if not settings.has("build.lib") and _code_entry(manifest):
        return None  # an app build of its pages beside code another compiler builds (`vite build && tsc`)
    external = settings.names("rollupOptions.external", patterns=True)
    rolldown = settings.names("rolldownOptions.external", patterns=True)
    if external is None or rolldown is None:
        return None
    mode = "library mode (build.lib)" if settings.has("build.lib") else "build"
    return Bundle(f"a vite {mode} inlines every import its external list does not name", external + rolldown)


def vite_root(manifest: Manifest) -> str | None:
    """The folder a vite app build starts from when its config names one (`root: 'web'`, or
    `resolve(__dirname, 'client')`) and a build script runs `vite build`: its files are the app's
    pages and what they import, bundled, though the package also builds a server (`tsc && vite
    build`) that `_vite_build` leaves unbundled."""
    config = find_config(manifest.dir, "vite.config")
    if config is None or not vite_app_build(manifest):
        return None
    root = read_config(config).keys.get(("root",))
    if not root:
        return None
    folder = os.path.normpath(os.path.join(os.path.dirname(config), root))
    return folder if folder != os.path.normpath(manifest.dir) and folder.startswith(manifest.dir + os.sep) else None


def vite_app_build(manifest: Manifest) -> bool:
    """Whether a build script runs `vite build` for an app (no `--ssr`, no `build.lib` in the config),
    also from a shell script it runs (`"build": "./scripts/build/dev.sh"`)."""
    if not any(_VITE_BUILD.search(c) and "--ssr" not in c for _, c in build_commands(manifest, shell=True)):
        return False
    config = find_config(manifest.dir, "vite.config")
    return config is None or not (config_has(config, "build.lib") or config_has(config, "build.ssr"))


_CODE = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx")


def _code_entry(manifest: Manifest) -> bool:
    """Whether package.json names code to load (`main`, `module`, `bin`, an `exports` target other
    than types) that another compiler of the build writes: a vite app build then makes only the
    package's pages, not the code users load. With no other compiler, the entry is written by hand
    (`"main": "./node/index.mjs"` serving the built pages), and the pages are the bundle."""
    return any(origin.startswith("package.json") and target.endswith(_CODE)
               for target, origin in declared_entries(manifest)) and _other_compiler(manifest)


_RUNNERS = frozenset({"npx", "pnpx", "bunx", "pnpm", "yarn", "exec", "dlx"})


def _other_compiler(manifest: Manifest) -> bool:
    """Whether a build script runs a compiler other than vite (tsc with emit, a bundler, a task runner)."""
    for _, command in build_commands(manifest):
        for words in shell_commands(command):
            tools = [os.path.basename(w) for w in words[:3]]
            tool = next((t for t in tools if t not in _RUNNERS), "")
            if tool == "tsc" and "--noEmit" not in words or tool in OUTPUT_WRITERS and tool not in ("vite", "vp"):
                return True
    return False


_MAX_SCRIPT_DEPTH = 4


def build_commands(manifest: Manifest, names: tuple[str, ...] = _BUILD_SCRIPTS, shell: bool = False) -> list[tuple[str, str]]:
    """(script name, command) of each build script (`names`), and of the scripts it runs by name
    (`"build": "npm run package"`, `"package": "tsdown"`): what the build really runs lives one name
    further often enough that reading only `build` misses the bundler. With `shell`, also each line
    of a shell script they run (`"build": "bash ./scripts/build.sh"`), for the question whether a
    bundler runs at all (a script's own sequence, `rm -rf lib/` between two tsc runs, is not
    followed, so what tsc leaves in the output is read from package.json alone)."""
    scripts = manifest.data.get("scripts")
    if not isinstance(scripts, dict):
        return []
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    todo: list[tuple[str, int, list[str]]] = [(name, 0, []) for name in names]
    while todo:
        name, depth, arguments = todo.pop(0)
        script = scripts.get(name)
        if name in seen or not isinstance(script, str):
            continue
        seen.add(name)
        script = with_arguments(script, arguments)  # run by name with arguments: appended, as the manager does
        found.append((name, script))
        found += [(f"{name} ({file})", line) for file in (shell_files(script, manifest.dir) if shell else ())
                  for line in shell_script_commands(os.path.join(manifest.dir, file))]
        found += [(f"{name} (the root's {root_name})", command) for root_name, command in root_scripts_for_caller(
            manifest.dir, script)]
        found += [(f"{name} (nx {target})", command) for target in _NX_TARGET.findall(script)
                  for named, command, _ in run_commands(os.path.join(manifest.dir, "project.json"))
                  if named == target]
        if depth < _MAX_SCRIPT_DEPTH:
            passed = forwarded_arguments(script, scripts)
            todo += [(m.group(1), depth + 1, passed.get(m.group(1), [])) for m in RUNS_SCRIPT.finditer(script)
                     if m.group(1) in scripts]
            todo += [(n, depth + 1, []) for n in run_all_names(script, scripts)]
    return found


# `nx bundle`, `nx run cli:bundle`: a target of the package's own Nx project (its run-commands are read)
_NX_TARGET = command_pattern(r"nx (?:run [\w@./-]+:)?([\w-]+)\b(?![:=])")


# what a front-end build tool of the workspace declares when it drives a bundler itself
BUNDLERS = ("webpack", "@rspack/core", "@rsbuild/core", "vite", "rollup", "parcel")


def handed_build(manifest: Manifest, member: Callable[[str], Manifest | None]) -> str | None:
    """Why a private app's build ships a bundle when it runs a script of another workspace package
    (`yarn workspace @acme/cli bundle`, `pnpm --filter @acme/cli bundle`, `npm run bundle -w
    @acme/cli`) that declares a bundler: the repository's own build driver bundles the app."""
    if manifest.data.get("private") is not True:
        return None
    for _, command in build_commands(manifest):
        for name, script in workspace_script_runs(command):
            tool = member(name)
            scripts = tool.data.get("scripts") if tool is not None and tool.path != manifest.path else None
            if isinstance(scripts, dict) and script in scripts and any(tool.declared(b) for b in BUNDLERS):
                return f'a private app built by {name}\'s "{script}" script, a bundler of the workspace: it ships a bundle'
    return None


def workspace_script_runs(command: str) -> Iterator[tuple[str, str]]:
    """(package, script) of each run of another workspace package's script in `command`."""
    for command_words in shell_commands(command):
        words = [w for w in command_words if "=" not in w or w.startswith("-")]  # `DISTRIBUTION=admin` set aside
        for i, word in enumerate(words):
            rest = words[i + 1:]
            if word == "yarn" and len(rest) >= 3 and rest[0] == "workspace":
                yield rest[1], rest[3] if rest[2] == "run" and len(rest) > 3 else rest[2]
            elif word == "pnpm" and rest:
                yield from _pnpm_filtered(rest)
            elif word == "npm" and len(rest) >= 2 and rest[0] in ("run", "run-script"):
                for j, flag in enumerate(rest[2:], start=2):
                    target = flag.split("=", 1)[1] if flag.startswith("--workspace=") else \
                        rest[j + 1] if flag in ("-w", "--workspace") and j + 1 < len(rest) else None
                    if target:
                        yield target, rest[1]


def _pnpm_filtered(rest: list[str]) -> Iterator[tuple[str, str]]:
    target, i = None, 0
    while i < len(rest) and rest[i].startswith("-"):
        flag = rest[i]
        if flag.startswith(("--filter=", "-F=")):
            target = flag.split("=", 1)[1]
        elif flag in ("--filter", "-F") and i + 1 < len(rest):
            target = rest[i + 1]
            i += 1
        i += 1
    words = rest[i:]
    if target and words:
        yield target, words[1] if words[0] == "run" and len(words) > 1 else words[0]


def app_framework(directory: str) -> str | None:
    """Why the package is a framework's app (next.config, nuxt.config, svelte.config ...), or None:
    the product itself, which its bundle ships, never a library other packages' files use."""
    return next((why for stem, why in APP_CONFIGS if find_config(directory, stem)), None)


def bundler_config(directory: str) -> str | None:
    """The package's front-end bundler config (vite, webpack, rollup, rsbuild, rspack), if any."""
    for stem in ("vite.config", "webpack.config", "rollup.config", "rsbuild.config", "rspack.config"):
        found = find_config(directory, stem)
        if found is not None:
            return found
    return None


# the scripts that build, serve or run the package itself: another script (`"analyze": "ng build
# --stats-json"` in a root that also holds a Node server) says nothing of how the package ships
_APP_SCRIPTS = (*_BUILD_SCRIPTS, "start", "serve", "dev", "watch", "preview", "package")


def _scripts(manifest: Manifest) -> list[str]:
    """The commands of the package's build, start and dev scripts, of the scripts they run, and of
    the shell scripts they run (`"build": "bash build.sh"` running `esbuild --bundle`). A package
    with no `build` script builds per target (`build:weapp`, `build:h5` of a mini-program): those."""
    scripts = manifest.data.get("scripts")
    names = _APP_SCRIPTS
    if isinstance(scripts, dict) and not any(n in scripts for n in _BUILD_SCRIPTS):
        names = (*names, *(n for n in scripts if isinstance(n, str) and n.startswith("build:")))
    return [command for _, command in build_commands(manifest, names, shell=True)]


def bundle_of(manifest: Manifest) -> Bundle | None:
    """How the package's build bundles its imports, or None when a production install provides them."""
    found = _bundled(manifest)
    return Bundle(found) if isinstance(found, str) else with_sections(found, manifest)


def with_sections(bundle: Bundle | None, manifest: Manifest) -> Bundle | None:
    """The bundle with the manifest sections its external list names (`...Object.keys(pkg.dependencies)`:
    config_objects.SECTIONS_MARK items) replaced by the packages they list."""
    if bundle is None or not any(e.startswith(SECTIONS_MARK) for e in bundle.external):
        return bundle
    external = [n for e in bundle.external
                for n in (manifest.section(e[len(SECTIONS_MARK):]) if e.startswith(SECTIONS_MARK) else (e,))]
    return Bundle(bundle.reason, tuple(external))


def _bundled(manifest: Manifest) -> str | Bundle | None:
    directory = manifest.dir
    scripts = _scripts(manifest)
    if manifest.declared("electron"):
        return "an Electron app (declares electron): the app is packed with what it imports"
    if any(_LIBRARY_BUILDS.search(s) for s in scripts):
        return None  # a published component library: its consumers install its dependencies
    app = app_framework(directory)
    if app is not None:
        return app
    if _storybook_site(manifest):
        return "a Storybook site (storybook build, nothing else to load or start): its bundler bundles what the stories import"
    if next_app_without_config(manifest):
        return "a Next.js app (next-env.d.ts, which Next writes into every TypeScript app): next build bundles its imports"
    for pattern, why in SCRIPT_BUILDS:
        matched = [s for s in scripts if pattern.search(s)]
        if matched and why == ANGULAR_CLI_BUILD and angular_beside_a_server(manifest.dir, manifest.data.get("scripts")):
            continue  # angular.json's inputs are the bundle's file by file (web_bundle_inputs); the server is not
        if matched:  # esbuild's `--external:@aws-sdk` (a path prefix) stays out of its bundle
            external = tuple(dict.fromkeys(v for s in matched for v in external_flags(s)))
            return Bundle(why, external) if external and "esbuild" in why else why
    if any(_ASTRO_BUILD.search(s) for s in scripts) and _astro_static(directory):
        return "a static Astro site (astro build, no server adapter): vite bundles every import into its pages"
    return ncc_build(scripts) or bun_build(scripts) or _nx_esbuild(directory) or _serverless_functions(manifest) or worker_bundle(directory) \
        or vercel_bundle(directory) or host_plugin_bundle(manifest) \
        or sst_bundle(manifest) or _bundler_config(manifest, scripts)


_ASTRO_BUILD = command_pattern(r"astro build\b")


def _astro_static(directory: str) -> bool:
    """Whether the Astro site renders only at build time: its config (if any) names no server
    adapter and no `output: 'server'` (whose server build leaves dependencies external)."""
    config = find_config(directory, "astro.config")
    if config is None:
        return True
    settings = read_config(config)
    return not settings.has("adapter") and settings.keys.get(("output",)) not in ("server", "hybrid")


def _nx_esbuild(directory: str) -> Bundle | None:
    external = esbuild_externals(directory)
    if external is None:
        return None
    return Bundle("an Nx esbuild build (thirdParty: true): it inlines every import its external list does not name",
                  external)


def _serverless_functions(manifest: Manifest) -> Bundle | None:
    found = serverless_bundle(manifest.dir)
    if found is None:
        return None
    plugin, external = found
    config = find_config(manifest.dir, "webpack.config") if plugin == "serverless-webpack" else None
    if config:
        return webpack_bundle(config, f"a Serverless Framework service bundled by {plugin}")
    return Bundle(f"a Serverless Framework service bundled by {plugin}: it inlines every import its settings do "
                  "not keep external", external)


def _storybook_site(manifest: Manifest) -> bool:
    """A package whose one build is `storybook build` (under any script name: `build-storybook`), that
    names nothing to load and starts nothing but Storybook's dev server (`"start": "storybook dev"`):
    its files are the stories and what they import. Also a private one whose `build` script itself is
    `storybook build`, whatever its `exports` name (the `dist/` the build writes the site to)."""
    scripts = manifest.data.get("scripts")
    start = scripts.get("start") if isinstance(scripts, dict) else None
    if not isinstance(scripts, dict) or start is not None and not _STORYBOOK_DEV.search(str(start)):
        return False
    build = scripts.get("build")
    if manifest.data.get("private") is True and isinstance(build, str) and _STORYBOOK_BUILD.search(build):
        return True
    if builds_an_app(scripts) and not _STORYBOOK_BUILD.search(str(build)):
        return False  # `"build": "tsc && vite build"` beside `build-storybook`: an app, whose stories are a side show
    return names_no_entry(manifest) and any(isinstance(c, str) and _STORYBOOK_BUILD.search(c) for c in scripts.values())



def next_app_without_config(manifest: Manifest) -> bool:
    """A Next app without a next.config (it is optional): it declares next, has the next-env.d.ts
    Next writes into every TypeScript app, and routes (`pages/` or `app/`, also under `src/`). A UI
    library that keeps a next-env.d.ts for next's types has no routes."""
    directory = manifest.dir
    return manifest.declared("next") and os.path.isfile(os.path.join(directory, "next-env.d.ts")) and any(
        os.path.isdir(os.path.join(directory, *parts)) for parts in (("pages",), ("app",), ("src", "pages"), ("src", "app")))


def _bundler_config(manifest: Manifest, scripts: list[str]) -> str | Bundle | None:
    directory = manifest.dir
    private = manifest.data.get("private") is True  # an app by convention (unpublishable would take in Nx apps, whose plugin keeps node_modules external)
    vite = find_config(directory, "vite.config")
    if vite and config_has(vite, "ssr.noExternal"):
        return "vite ssr.noExternal inlines its imports into the build"
    for stem in ("tsup.config", "tsdown.config"):
        path = find_config(directory, stem)
        if path and config_has(path, "noExternal"):
            return f"{stem.split('.')[0]} inlines every import the manifest does not declare, and its noExternal " \
                "list takes declared ones in too"
    tsup_field = manifest.data.get("tsup")
    if isinstance(tsup_field, dict) and "noExternal" in tsup_field:
        return 'tsup inlines every import the manifest does not declare, and its noExternal list (package.json ' \
            '"tsup") takes declared ones in too'
    named = build_commands(manifest)
    builds = [c for _, c in named]
    inlined = _inlines_undeclared(manifest) or scripted_bundle(manifest.dir, builds) or rollup_build(manifest, named) \
        or release_bundle(manifest, [c for _, c in build_commands(manifest, release_scripts(manifest, private))], private) \
        or unbuild_bundle(manifest, named)
    if inlined is not None:
        return inlined
    if not private:  # a published package: its consumers install its dependencies, but for what
        return _vite_build(manifest, vite) \
            or published_webpack(manifest, builds) or _published_rsbuild(manifest)  # a build that inlines
    if vite or any(_VITE_BUILD.search(s) for s in scripts) \
            or os.path.isfile(os.path.join(directory, "index.html")):
        return "a private app built by vite: it ships a bundle"
    if os.path.isfile(os.path.join(directory, "angular.json")):
        return "a private Angular CLI app (angular.json): it ships a bundle"
    if find_config(directory, "rsbuild.config") or any(_RSBUILD_BUILD.search(s) for s in scripts):
        return "a private app built by rsbuild: it ships a bundle"
    if _modern_client_app(manifest, scripts):
        return "a private Modern.js app (modern build, rendered in the browser): it ships a bundle"
    for tool in ("webpack", "rspack"):  # rspack reads webpack's configuration shape
        config = find_config(directory, f"{tool}.config")
        if config and not config_has(config, "externals") and nest_cli_build(manifest, scripts) \
                and not any(TOOL_RUN[tool].search(c) for c in builds):  # a build that runs webpack itself
            return None  # the Nest CLI merges the config over its defaults: nodeExternals() keeps node_modules out
        if config and not config_has(config, "externals"):
            return f"a private app built by {tool} without externals: it ships a bundle"
        found = webpack_bundle(config, f"a private app built by {tool}") if config else None
        if found is not None:
            return found
        if config is None and any(TOOL_RUN[tool].search(s) for s in scripts):
            return f"a private app built by {tool} (its defaults, no config: no externals): it ships a bundle"
    return None


def _published_rsbuild(manifest: Manifest) -> Bundle | None:
    """A published package whose build is `rsbuild build` for the browser (its default target): a
    browser bundle loads nothing from node_modules. A `node` target is left unknown."""
    if not any(_RSBUILD_BUILD.search(command) for _, command in build_commands(manifest)):
        return None
    config = find_config(manifest.dir, "rsbuild.config")
    if config is not None and config_has(config, "output.target"):
        target = read_config(config).names("output.target")
        if target != ("web",):
            return None
    return Bundle("a browser bundle built by rsbuild (its web target): it loads nothing from node_modules")


# `vp`: vite-plus, vite's toolchain around the same build; options may come first (`vite -c vite.libs.config.ts build`)
_VITE_BUILD = command_pattern(r"(?:vite|vp)(?:\s+-\S+(?:\s+(?!build\b)[^-\s]\S*)?)*\s+build\b")
_MODERN_BUILD = command_pattern(r"modern build\b")


def _modern_client_app(manifest: Manifest, scripts: list[str]) -> bool:
    """A Modern.js app (@modern-js/app-tools, `modern build`) rendered in the browser: its build
    bundles the app. Not one rendered on the server (`server.ssr`: the server code loads packages
    from node_modules), nor a library built by Modern.js' module tools (`modern build` too)."""
    if not manifest.declared("@modern-js/app-tools") or not any(_MODERN_BUILD.search(s) for s in scripts):
        return False
    config = find_config(manifest.dir, "modern.config")
    return config is None or not config_has(config, "server.ssr")
_RSBUILD_BUILD = command_pattern(r"rsbuild build\b")
