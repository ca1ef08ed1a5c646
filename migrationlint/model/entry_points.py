"""Where a workspace package starts running in production (docs/architecture.md, "What ships", step 1).

Entry points come from package.json (`main`, `module`, `exports` but its `types` conditions, `bin`),
nest-cli.json (`sourceRoot` + `entryFile`, and every project of a Nest monorepo), the `start`
scripts (`node dist/main.js`), a Dockerfile in the package (`CMD`/`ENTRYPOINT` running node) and
the pm2 ecosystem files of its folder and the folders above (process_managers).
They usually name built output; `to_source` maps them back to the TypeScript they are built from.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from migrationlint.model.dev_starts import in_dev_folder, in_test_output, left_unpublished
from migrationlint.model.docker_commands import docker_commands
from migrationlint.model.extensionless_entries import extensionless_source
from migrationlint.model.script_commands import (RUNS_SCRIPT, command_pattern, expanded_commands, shell_commands,
                                                 type_check_only)
from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.nest_cli import entries_from_above, nest_entries
from migrationlint.model.nx_projects import node_app_mains, project_targets
from migrationlint.model.process_managers import pm2_scripts
from migrationlint.model.serverless import is_service_config
from migrationlint.model.shell_scripts import shell_files, shell_script_commands
from migrationlint.model.specifiers import file_candidates
from migrationlint.model.stamped_reads import read_by_stamp
from migrationlint.model.workspace import DEP_SECTIONS, Manifest


EXPORTS_ORIGIN = 'package.json "exports"'
START_SCRIPTS = ("start", "start:prod", "start:production", "serve", "prod")
_NODE_RUNNERS = ("node", "ts-node", "tsx", "nodemon", "pm2", "pm2-runtime", "bun")
_SOURCE_EXTENSIONS = (".ts", ".tsx", ".mts", ".cts")


@dataclass(frozen=True)
class Entry:
    """A source file that runs in production, and what declares it."""

    path: str
    origin: str
    via: str = ""  # the JavaScript bootstrap that loads it (bootstrap_entries), whose imports decide it


def bin_targets(data: dict) -> list[str]:
    """The files package.json `bin` names (a string, or the values of a map), as written."""
    field = data.get("bin")
    targets = [field] if isinstance(field, str) else list(field.values()) if isinstance(field, dict) else []
    return [t for t in targets if isinstance(t, str)]


def declared_entries(manifest: Manifest, nx_projects: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(target relative to the package, origin) of every entry the package declares."""
    data = manifest.data
    for key in ("main", "module") if not exports_hide_root(data.get("exports")) else ():
        if isinstance(data.get(key), str) and not is_service_config(data[key]):
            yield data[key], f'package.json "{key}"'
    cdk = _cdk_app_stem(manifest.dir)  # `cdk init` names its app in `bin`: the CDK CLI runs it, nothing installs it
    yield from ((t, 'package.json "bin"') for t in bin_targets(data) if script_stem(t) != cdk)
    yield from ((t, EXPORTS_ORIGIN) for t in export_targets(data.get("exports")))
    yield from _process_entries(manifest, nx_projects)
    scripts = data.get("scripts") if isinstance(data.get("scripts"), dict) else {}
    for name, command in sorted(scripts.items()):  # `"migration:run:prod": "node dist/migrate.js"`
        if name not in START_SCRIPTS and isinstance(command, str) and not _DEV_SCRIPT.search(name):
            yield from ((t, f'the "{name}" script, which runs built code with node')
                        for t in node_targets(command, runners=("node",))
                        if t.endswith(_BUILT_EXTENSIONS) and not in_test_output(t))


def exports_hide_root(exports: object) -> bool:
    """Whether `exports` lists subpaths only (`{"./jest/*": ...}`, no `"."`): Node and bundlers then
    refuse the package's root (ERR_PACKAGE_PATH_NOT_EXPORTED) and never read `main` or `module`."""
    return isinstance(exports, dict) and bool(exports) and all(isinstance(k, str) and k.startswith(".") for k in exports) \
        and "." not in exports


def cdk_app(directory: str) -> str | None:
    """The command cdk.json gives the AWS CDK CLI to synthesise the stacks (`npx ts-node bin/app.ts`).
    Asked whenever a package's entries are: the file is read once per version (mtime, size)."""
    return read_by_stamp(os.path.join(directory, "cdk.json"), _cdk_app)


@lru_cache(maxsize=64)
def _cdk_app(path: str, mtime_ns: int, size: int) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            app = json.load(fh).get("app")
    except (OSError, ValueError, AttributeError):
        return None
    return app if isinstance(app, str) else None


def _cdk_app_stem(directory: str) -> str | None:
    command = cdk_app(directory)
    script = next((w for words in shell_commands(command) for w in words if script_stem(w) != w), None) if command else None
    return script_stem(script) if script else None


def script_stem(target: str) -> str:
    """A script path without its extension and leading `./` (`./bin/app.js` and `bin/app.ts` meet)."""
    base, ext = os.path.splitext(os.path.normpath(target))
    return base if ext in _SCRIPT_EXTENSIONS else target


_SCRIPT_EXTENSIONS = frozenset({".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"})


# a script of the development loop (tests, lint, benchmarks, docs): what it runs is no production step
# scripts that never run where the package is deployed: checks, docs, and the build's own steps
# (`"build:js": "node tools/build.js"` runs a bundler script, in the build's full install)
_DEV_SCRIPT = re.compile(r"(?:^|[:_-])(?:test|tests|e2e|spec|lint|bench|benchmark|coverage|docs|storybook"
                         r"|build|prebuild|postbuild|compile|bundle|prepack|prepublishOnly|codegen|generate|gen)(?:$|[:_-])")


def _process_entries(manifest: Manifest, nx_projects: tuple[str, ...] = (), nx: bool = True) -> Iterator[tuple[str, str]]:
    """The entries that start a process: nest-cli.json's, an Nx Node application's (its own, and
    those of the Nx projects in its folder that have no package.json: `nx_projects`; not with
    `nx=False`), the start scripts', a Dockerfile's."""
    scripts = manifest.data.get("scripts") if isinstance(manifest.data.get("scripts"), dict) else {}
    if manifest.unpublishable or any(isinstance(c, str) and _NEST_CLI.search(c) for c in scripts.values()):
        # not a published library whose build is not Nest's (a demo app's leftover) or that keeps nest-cli.json for its
        # compiler plugins (no entry file), nor a playground its publish leaves out (`"entryFile": "e2e/manual-e2e"`)
        yield from ((t, o) for t, o in nest_entries(manifest.dir) if not in_dev_folder(t) and not left_unpublished(manifest, t)
                    and (manifest.unpublishable or _has_source(manifest.dir, t)))
    yield from entries_from_above(manifest.dir)  # the app a nest-cli.json further up builds from this folder
    for project in (manifest.dir, *nx_projects) if nx else ():
        for main, origin in node_app_mains(project):
            rel = os.path.relpath(main, manifest.dir)
            if not in_dev_folder(rel):  # an example app (`apps/example`) that `nx serve` runs from the checkout
                yield rel, origin
    for name in START_SCRIPTS:
        if isinstance(scripts.get(name), str):
            yield from ((t, f'the "{name}" script') for t in _script_targets(scripts, name)
                        if not in_dev_folder(t) and not left_unpublished(manifest, t))
    yield from _docker_entries(manifest.dir, scripts)
    yield from _pm2_entries(manifest.dir)


def _has_source(directory: str, target: str) -> bool:  # `src/main`, `src/main.js`: a file as an import would find it
    return any(os.path.isfile(c) for c in file_candidates(os.path.join(directory, target)))


def starts_from_source(manifest: Manifest) -> bool:
    """Whether the package's start scripts run its TypeScript sources (`"start": "tsx ./src/index.ts"`)
    and none runs built code: what a build bundles is then not what production runs."""
    scripts = manifest.data.get("scripts") if isinstance(manifest.data.get("scripts"), dict) else {}
    targets = [t for name in START_SCRIPTS if isinstance(scripts.get(name), str) for t in node_targets(scripts[name])]
    return bool(targets) and all(t.endswith(_TS_SOURCE) for t in targets)


_BUILT_EXTENSIONS = (".js", ".mjs", ".cjs")
_NEST_CLI = command_pattern(r"nest\s+(?:build|start)\b")  # a script that runs the Nest CLI on nest-cli.json


def _pm2_entries(directory: str) -> Iterator[tuple[str, str]]:
    """The scripts inside the package that a pm2 ecosystem file of its folder or a folder above
    starts (process_managers)."""
    d, inside = directory, directory.rstrip(os.sep) + os.sep
    for _ in range(_PM2_LEVELS):
        for script in pm2_scripts(d):
            if script.startswith(inside):
                yield os.path.relpath(script, directory), f"a pm2 ecosystem file in {os.path.basename(d) or d}"
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent


_PM2_LEVELS = 4  # the package's folder and three above: a workspace root's ecosystem file names its packages


def is_service(manifest: Manifest, nx_projects: tuple[str, ...] = (), nx: bool = True) -> bool:
    """Whether the package is an application someone deploys: it has a Dockerfile of its own that
    starts something (a CMD or ENTRYPOINT: a base image's Dockerfile beside a library, which copies
    a runner script and starts nothing, deploys no package), or declares a process to start (a start
    script running node, nest-cli.json, an Nx Node application unless `nx` is False), whether or not
    its targets map to source. Another script running built code (a build step, a migration) makes
    no service of a library."""
    return bool(read_by_stamp(os.path.join(manifest.dir, "Dockerfile"), _starts_something)) or any(
        True for _ in _process_entries(manifest, nx_projects, nx))


_STARTS = re.compile(r"^\s*(?:CMD|ENTRYPOINT)\b", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=256)
def _starts_something(path: str, mtime_ns: int, size: int) -> bool:
    """Whether the Dockerfile (at this stamp) has a CMD or ENTRYPOINT instruction."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return _STARTS.search(fh.read()) is not None
    except OSError:
        return False


_TS_SOURCE = (".ts", ".tsx", ".mts", ".cts")


def entry_is_source(manifest: Manifest) -> bool:
    """Whether every entry field (`main`, `module`, `exports`) names TypeScript source
    (`"main": "src/index.ts"`): Node cannot load such a package from an install, so it is never
    installed or published on its own; its code runs inside what imports it (a bundle, tsconfig
    paths), as Turborepo's internal packages do."""
    data = manifest.data
    targets = [data[k] for k in ("main", "module") if isinstance(data.get(k), str)]
    targets += [t for t in export_targets(data.get("exports")) if not _asset(t)]  # `./package.json`, `./style.css`: data
    if not targets:
        return _default_entry_is_source(manifest)
    return all(t.endswith(_TS_SOURCE) and not t.endswith((".d.ts", ".d.mts", ".d.cts"))
               or extensionless_source(manifest.dir, t, _entry_builds(manifest)) for t in targets)


_CODE_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".node")


def _asset(target: str) -> bool:
    """An export target the application's code never loads: a file with another extension than
    code (a stylesheet, JSON, an image; a target without one may be source: extensionless_source),
    or a tool's configuration (`./tailwind.config.js`, which the user's build tool reads)."""
    name = target.rsplit("/", 1)[-1]
    suffix = os.path.splitext(name)[1]
    return bool(suffix) and not suffix.endswith("*") and name != "*" \
        and (suffix not in _CODE_SUFFIXES or _TOOL_CONFIG.match(name) is not None)


_TOOL_CONFIG = re.compile(r"^[\w-]+\.config\.[cm]?[jt]s$")


def repository_only(manifest: Manifest) -> bool:
    """Whether only this repository uses the package: unpublishable, or its entries (entry_is_source)
    and every `bin` (`"sa": "./bin.ts"` run by a `tsx` shebang) are TypeScript source, which no
    install of it could run or load, whatever its `version` says."""
    if manifest.unpublishable:
        return True
    bin_field = manifest.data.get("bin")
    bins = [bin_field] if isinstance(bin_field, str) else list(bin_field.values()) if isinstance(bin_field, dict) else []
    return entry_is_source(manifest) and all(isinstance(b, str) and b.endswith(_TS_SOURCE) for b in bins)


_ENTRY_BUILDERS = ("build", "prepare", "prepack", "prepublishOnly", "prepublish")


def _may_build_entry(manifest: Manifest) -> bool:
    """Whether a script may write the package's entry file (a build, or a hook before a pack); a
    `"build": "tsc --noEmit"` only type-checks."""
    return bool(_entry_builds(manifest))


def _entry_builds(manifest: Manifest) -> list[list[str]]:
    """The commands of the scripts that may write the package's entry file (`_may_build_entry`)."""
    scripts = manifest.data.get("scripts")
    if not isinstance(scripts, dict):
        return []
    builds = [scripts[name] for name in _ENTRY_BUILDERS if name in scripts and not type_check_only(scripts[name])]
    return [words for script in builds for words in (expanded_commands(script, scripts) if isinstance(script, str) else [])
            or [[]]]


def _default_entry_is_source(manifest: Manifest) -> bool:
    """A package that names nothing to load, whose folder holds `index.ts` but no `index.js` (what
    Node loads by default), no script that could build one and no lockfile (an install of its own,
    a project a tool deploys from its folder): a folder of source that its importers compile
    through tsconfig paths, which no install could load."""
    if not names_no_entry(manifest) or _may_build_entry(manifest):
        return False
    folder = manifest.dir
    if any(os.path.isfile(os.path.join(folder, name)) for name in LOCKFILE_NAMES):
        return False
    return not os.path.isfile(os.path.join(folder, "index.js")) \
        and any(os.path.isfile(os.path.join(folder, "index" + ext)) for ext in _TS_SOURCE)


_NPM_INIT_TEST = 'echo "Error: no test specified" && exit 1'


def names_no_entry(manifest: Manifest) -> bool:
    """Whether package.json names nothing to load (`main`, `module`, `exports`, `bin`, `browser`):
    no install of it gives another package anything to import by its name."""
    return not any(key in manifest.data for key in LOADABLE_FIELDS)


LOADABLE_FIELDS = ("main", "module", "exports", "bin", "browser", "types", "typings")


def names_nothing_loadable(manifest: Manifest) -> bool:
    """names_no_entry, or only a `main`/`module` (and types, and `exports` targets) naming files at the
    package's top that are not there, with no script that could build them (a library's publish manifest
    that Nx copies beside its build elsewhere, `"exports": {".": "./index.js"}`): npm init's `"main": "index.js"` left in a
    package of tools that scripts run from source (a `dist/` target is a build's output, which some
    script may write); or naming a folder with no index file at all (`"main": "src"` over a folder of
    scripts). No install of it loads anything by its name either."""
    if names_no_entry(manifest) or _names_only_its_cdk_app(manifest):
        return True
    data = manifest.data
    if any(k in data for k in ("bin", "browser")):
        return False
    exported = list(export_targets(data["exports"])) if "exports" in data else []
    if "exports" in data and (not exported or any(
            "/" in t.removeprefix("./") or _loadable_at(os.path.join(manifest.dir, t)) for t in exported)):
        return False  # a build's output (`./dist/index.js`), a file that is there, or a shape not read here
    targets = [os.path.join(manifest.dir, data[k]) for k in ("main", "module") if isinstance(data.get(k), str)]
    targets += [os.path.join(manifest.dir, t) for t in exported]
    if targets and all(os.path.isdir(t) and not _loadable_at(t) for t in targets):
        return True  # a folder of scripts with no index file, nor an index source a build would compile there
    return not _may_build_entry(manifest) and bool(targets) and not names_a_build(manifest)


def names_a_build(manifest: Manifest) -> bool:
    """Whether `main` or `module` names a build in a folder (`dist/index.js`) or a file that is
    there: not npm init's `"main": "index.js"` beside nothing, nor a folder with no index file."""
    targets = [manifest.data[k] for k in ("main", "module") if isinstance(manifest.data.get(k), str)]
    return any("/" in t.removeprefix("./") or _loadable_at(os.path.join(manifest.dir, t)) for t in targets)


def _loadable_at(path: str) -> bool:
    """A file, or a folder with an index file (`"main": "src"` loads `src/index.js`; a folder of
    scripts without one loads nothing)."""
    if os.path.isfile(path):
        return True
    try:
        return any(n.startswith("index.") for n in os.listdir(path))
    except OSError:
        return False


def _names_only_its_cdk_app(manifest: Manifest) -> bool:
    """`cdk init`'s package: its one entry field is a `bin` naming the app cdk.json gives the CDK CLI,
    which runs it to synthesise the stacks; nothing installs the package."""
    targets = bin_targets(manifest.data)
    cdk = _cdk_app_stem(manifest.dir) if targets else None
    return cdk is not None and [k for k in LOADABLE_FIELDS if k in manifest.data] == ["bin"] \
        and all(script_stem(t) == cdk for t in targets)


def unbuilt_stub(manifest: Manifest) -> bool:
    """Whether package.json is a stub never made into a package, as `npm init` or an Nx generator
    writes it: its `main` names no file (npm init's `index.js`, or a file of its top folder that no
    TypeScript source builds: `tailwind.config.js` beside a `.cjs`), nothing builds one (no script but npm init's placeholder
    `test`, no Nx `build` target), and it declares no other entry and no dependency. Nothing can
    load it as a package: its files run only compiled into what imports them through path aliases."""
    data = manifest.data
    scripts = data.get("scripts", {})
    main = data.get("main")
    if any(k in data for k in ("module", "exports", "bin")) or any(data.get(s) for s in DEP_SECTIONS) \
            or not isinstance(scripts, dict) or any(v != _NPM_INIT_TEST for v in scripts.values()) \
            or not isinstance(main, str) or os.path.exists(os.path.join(manifest.dir, main)):
        return False  # an entry of another kind, dependencies declared, a script that may build, a main that loads
    top_level = "/" not in os.path.normpath(main).replace(os.sep, "/")  # no build folder (`dist/`) named
    return main == "index.js" or (top_level and to_source(manifest.dir, main, lambda *_: None) is None
                                  and "build" not in project_targets(manifest.dir))


def exports_encapsulate(manifest: Manifest) -> bool:
    """Whether package.json's `exports` lets a consumer load only the files it names: a string, or
    subpaths without a `*` pattern or a folder mapping (`"./lib/": "./lib/"`), and no target with a
    `*`; or none, written by the Nx build that publishes it (`generateExportsField`: its main and
    additional entry points only). Node refuses any other deep import of the installed package."""
    exports = manifest.data.get("exports")
    if isinstance(exports, str):
        return True
    if not isinstance(exports, dict) or not exports:
        return exports is None and _nx_writes_exports(manifest.dir)
    subpaths = [k for k in exports if k.startswith(".")]
    return all("*" not in k and not k.endswith("/") for k in subpaths) and not _patterned(exports)


def _nx_writes_exports(directory: str) -> bool:
    """Whether an Nx target of the package builds it with `generateExportsField: true`."""
    return any(isinstance(t, dict) and isinstance(t.get("options"), dict) and t["options"].get("generateExportsField") is True
               for t in project_targets(directory).values())


def _patterned(value: object) -> bool:
    if isinstance(value, str):
        return "*" in value or value.endswith("/")
    values = value if isinstance(value, list) else value.values() if isinstance(value, dict) else ()
    return any(_patterned(v) for v in values)


def export_targets(value: object, condition: str = "", patterns: bool = False) -> Iterator[str]:
    """An `exports` value's targets but types': those without a `*` (with `patterns`, those with one)."""
    if isinstance(value, str):
        if condition != "types" and ("*" in value) == patterns:
            yield value
    elif isinstance(value, list):
        for v in value:
            yield from export_targets(v, condition, patterns)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from export_targets(v, k if not k.startswith(".") else condition, patterns)


def node_targets(command: str, runners: tuple[str, ...] = _NODE_RUNNERS) -> Iterator[str]:
    """Files a shell command runs with node (`node --enable-source-maps dist/main.js`) or another
    of `runners`. Any script that runs a built file runs what a build produced, where the package
    is deployed (a production migration step), unlike a TypeScript runner's developer tools."""
    for words in shell_commands(command):
        for i, word in enumerate(words):
            if os.path.basename(word) in runners:
                yield from _preloaded(words[i + 1:])
                script = first_operand(words[i + 1:], os.path.basename(word))
                if script is not None:
                    yield script
                break


# runner options whose value is the next word (`node --require ./tracing.js dist/main.js`, `ts-node -P
# tsconfig.json src/cli.ts`): never the script run (node's preload, loader, eval and env options;
# ts-node's project and compiler options; nodemon's exec and extensions; pm2's name and instances)
RUNNER_VALUE_OPTIONS = frozenset({
    "-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file", "-e", "--eval", "-p", "--print",
    "-P", "--project", "-O", "--compiler-options", "-C", "--compiler", "--tsconfig", "--cwd",
    "-x", "--exec", "--ext", "--name", "-i", "--instances"})


def _preloaded(args: list[str]) -> Iterator[str]:
    """Files of the package node loads before the script (`--require ./src/tracing.js`, `-r`,
    `--import`): they run in production too. A package name (`-r dotenv/config`) is no file here."""
    for option, value in zip(args, args[1:], strict=False):
        if option in ("-r", "--require", "--import") and value.startswith(("./", "../")):
            yield value
        if not option.startswith("-") and option != "start":
            return


# nodemon's own options whose value is the next word (`nodemon --watch "src/**" --exec ...`): node takes
# `--watch` alone, so these count after nodemon only
_NODEMON_VALUE_OPTIONS = frozenset({"-w", "--watch", "-i", "--ignore", "-d", "--delay", "-s", "--signal", "--config"})


def first_operand(args: list[str], runner: str = "") -> str | None:
    """The first word after a runner that is neither an option nor an option's value nor `start`."""
    skip = False
    for word in args:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = word in RUNNER_VALUE_OPTIONS or runner == "nodemon" and word in _NODEMON_VALUE_OPTIONS
        elif word != "start":
            return word
    return None


def _docker_entries(directory: str, scripts: dict | None = None) -> Iterator[tuple[str, str]]:
    """What the Dockerfiles' CMD or ENTRYPOINT run with node, directly, through a script of the
    package they run by name (`CMD ["npm", "run", "api-prod"]`) or through a shell script."""
    for name, body in docker_commands(directory):
        yield from ((t, f"the {name}") for t in node_targets(body))
        for script in shell_files(body, directory):  # `CMD ["sh", "docker-entrypoint.sh"]` running node
            yield from ((t, f"the {name} (its {script})") for line in shell_script_commands(os.path.join(directory, script))
                        for t in node_targets(line))
        for run in RUNS_SCRIPT.finditer(body):
            yield from ((t, f'the {name} (the "{run.group(1)}" script)') for t in _script_targets(scripts or {}, run.group(1)))


def _script_targets(scripts: dict, name: str, seen: frozenset[str] = frozenset()) -> Iterator[str]:
    """What a script runs with node, and what the scripts it runs by name run (`"start:migrate":
    "pnpm migrate:prod && pnpm start"`), but not a build, test or lint step it runs first."""
    command = scripts.get(name)
    if not isinstance(command, str) or name in seen:
        return
    yield from node_targets(command)
    for run in RUNS_SCRIPT.finditer(command):
        if not _DEV_SCRIPT.search(run.group(1)):
            yield from _script_targets(scripts, run.group(1), seen | {name})


# the folder names builds give one output per module format, below the output folder
_FORMAT_FOLDERS = frozenset({"esm", "cjs", "es", "mjs", "module", "commonjs", "umd", "browser", "node", "types"})


def to_source(package_dir: str, target: str, mapped: Callable[[str, str], str | None]) -> str | None:
    """The source file a target builds from: `mapped` (the resolver's outDir/rootDir mapping)
    first, then the usual layouts (`dist/main.js` from `src/main.ts` or `main.ts`; `dist/src/x`;
    `dist/esm/x.mjs` from `src/x.ts`, one output folder per module format)."""
    absolute = os.path.normpath(os.path.join(package_dir, target.lstrip("/")))
    found = mapped(package_dir, absolute)
    if found is not None and found.endswith(_SOURCE_EXTENSIONS) and not found.endswith((".d.ts", ".d.mts", ".d.cts")):
        return found
    rel = os.path.relpath(absolute, package_dir).replace(os.sep, "/")
    first, _, rest = rel.partition("/")
    stems = [rel]
    if rest:  # `dist/x`, `package/x` (any outDir): `src/x`, then `x`
        stems += [f"src/{rest}", rest]
        fmt, _, inner = rest.partition("/")
        if inner and fmt in _FORMAT_FOLDERS:  # `dist/esm/x`: one build per module format (babel, vite-plugin-dts)
            stems.append(f"src/{inner}")
    elif first:  # `index.js` built from `src/index.ts`
        stems.append(f"src/{first}")
    for stem in stems:
        base = os.path.join(package_dir, re.sub(r"\.(?:[cm]?js|jsx|d\.[cm]?ts)$", "", stem))
        for candidate in [base] + [base + e for e in _SOURCE_EXTENSIONS] + [os.path.join(base, "index" + e) for e in _SOURCE_EXTENSIONS]:
            if candidate.endswith(_SOURCE_EXTENSIONS) and not candidate.endswith(".d.ts") and os.path.isfile(candidate):
                return candidate
    return None
