"""Conventions for files that no production entry reaches: tests, test support, stories and the
configs of build, test and lint tools (docs/architecture.md, "What ships", step 3).

Each answer carries its reason, worded for `--explain-file`. Paths are relative to the package
directory (posix), so a package that happens to live under `tools/` or `testing/` is not mistaken
for test code: only the layout inside the package counts.
"""

from __future__ import annotations

import os
import re
import shlex
from functools import lru_cache
from typing import Callable

from migrationlint.model.dev_folders import TEMPLATE_DIRS, dev_folder_reason, example_home
from migrationlint.model.entry_points import RUNNER_VALUE_OPTIONS, START_SCRIPTS, first_operand, to_source
from migrationlint.model.cdk_apps import cdk_app_command
from migrationlint.model.script_commands import shell_commands
from migrationlint.model.shell_scripts import shell_files, shell_script_commands
from migrationlint.model.nx_projects import run_commands
from migrationlint.model.serverless import is_service_config
from migrationlint.model.sequelize_rc import CLIS as SEQUELIZE_CLIS, sequelize_config
from migrationlint.model.route_configs import route_config

# tools whose `<tool>.config.*`, `<tool>.<variant>.config.*`, `.<tool>rc.*` files are dev-only
TOOLS = (
    "jest", "vitest", "vite", "tsup", "tsdown", "playwright", "cypress", "tailwind", "postcss", "storybook",
    "eslint", "prettier", "webpack", "rollup", "esbuild", "drizzle", "babel", "commitlint", "lint-staged",
    "stylelint", "svelte", "next", "nuxt", "astro", "karma", "protractor", "wdio", "nx", "turbo", "typedoc",
    "docusaurus", "knip", "lingui", "codegen", "electron-builder", "electron.vite", "electron-vite", "forge",
    "release", "semantic-release", "changeset", "size-limit", "unbuild", "rspack", "rsbuild", "rslib", "rspress",
    "swc", "ts-jest", "nodemon", "syncpack", "lerna", "renovate", "husky", "mocha", "ava", "c8", "nyc", "remix",
    "react-router", "vue", "quasar", "capacitor", "ionic", "angular", "nest-cli", "tsconfig", "graphql", "orval",
    "kysely", "mikro-orm", "ormconfig", "typeorm", "umzug", "histoire", "ladle", "uno", "windi", "panda",
    "openapi", "prisma",
)
_TOOL = "|".join(re.escape(t) for t in sorted(TOOLS, key=len, reverse=True))
_EXT = r"\.(?:[cm]?[jt]sx?|json)$"
_CONFIG = re.compile(rf"^\.?(?:{_TOOL})(?:[.-][\w-]+)*[.-](?:config|conf|setup|rc|workspace)(?:[.-][\w-]+)?{_EXT}")
# any tool's config at a package's top (`hardhat.config.ts`): the tools above are recognised anywhere
_ANY_TOOL_CONFIG = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.config\.[cm]?[jt]s$")
# a tool's command-line config at a package's top (`sanity.cli.ts`: `defineCliConfig({...})`, read by `sanity build`)
_CLI_CONFIG = re.compile(r"^[\w-]+\.cli\.[cm]?[jt]s$")
_TASK_FILE = re.compile(r"^(?:gulpfile|gruntfile|jakefile|dangerfile|plopfile)(?:\.[\w-]+)?\.[cm]?[jt]s$", re.IGNORECASE)
_RC = re.compile(rf"^\.(?:{_TOOL})rc(?:\.[\w-]+)?(?:{_EXT}|$)")
# `.spec`, `.test`, `.e2e`, tstyche's `.tst` and their variants (`.e2e-spec`, `.integration-spec`, `.typetest`, `.test-d`, an edition's
# `.e2e-ee`), also with a suite's tag after them (`user.spec.db.ts`, run by `mocha '**/*.spec.db.ts'`); stories too
# (`Button.stories.props.tsx`, the props a story file shares)
_TEST_FILE = re.compile(r"\.(?:(?:[a-z]+-|type)?(?:spec|test|e2e|tst)(?:-\w+)?(?:\.[a-z]+)?|bench|eval|cy|cypress"
                        r"|stor(?:ies|y)(?:\.[a-z]+)?|steps|mock|fixtures?)\.[cm]?[jt]sx?$")
_SETUP = re.compile(r"^(?:test[-_.]?setup|setup[-_.]?tests?|test(?:ing)?[-_.]?(?:utils?|helpers?)|"
                    r"(?:jest|vitest)[-_.](?:global[-_.]?)?(?:setup|teardown)|"
                    r"global[-_.]?setup|global[-_.]?teardown|setup[-_.]?env|test[-_.]?env|"
                    r"setup[-_.]?files?(?:[-_.]?after[-_.]?env)?)(?:[.-][\w-]+)*\.[cm]?[jt]sx?$",
                    re.IGNORECASE)
# test support named for what it sets up: `redis-test-utils.ts`, `db_test_helpers.ts`, `redisTestUtils.ts`
_TEST_SUPPORT_SUFFIX = re.compile(r"(?:[-_.]test(?:ing)?[-_.]?(?:utils?|helpers?)|[a-z0-9]Test(?:ing)?(?:Utils?|Helpers?))"
                                  r"\.[cm]?[jt]sx?$")
# a mock by its name: `sinon-mock.util.ts`, `prisma-mocks.ts`, `mock-server.driver.ts`
_MOCK_WORD = re.compile(r"(?:^|[-_.])mocks?(?=[-_.])", re.IGNORECASE)
_TOP_DEV_DIRS = {"scripts": "a repository script", "tools": "repository tooling"}


_FIXTURE_DIRS = frozenset({"fixtures", "__fixtures__", "__testfixtures__", "testfixtures"})
_FIXTURE_DATA = re.compile(r"\.(?:input|output|expected|actual|before|after|in|out)\.[cm]?[jt]sx?$")


_SAMPLE_DIRS = frozenset({"samples", "cases"})  # a test's sample inputs, inside a test folder
_TEST_DIRS = frozenset({"test", "tests", "__tests__", "spec"})
_EXPECTED = re.compile(r"^(?:expected|input|output)(?:v?\d+)?(?:[-_.][\w.-]*)?\.[cm]?[jt]sx?$")
_EXPECTED_DIRS = frozenset({"expected", "input", "output"})


def in_fixture_folder(rel: str) -> bool:
    """Whether `rel` lies in a test fixtures folder (`fixtures/`, `__fixtures__/`), or in the
    samples folder of a test folder (`test/transform/samples/<case>/`)."""
    parts = rel.split("/")[:-1]
    return any(p in _FIXTURE_DIRS or p in _SAMPLE_DIRS and _TEST_DIRS.intersection(parts[:i])
               for i, p in enumerate(parts))


def fixture_data(rel: str) -> bool:
    """A transform's input or expected output kept as a file in a test fixtures folder (a codemod's
    `x.input.ts`, a compiler test's `samples/<case>/expectedv2.ts` or `expected/x.d.ts`): read as
    text by a test, never loaded, so its imports are nobody's dependencies."""
    parts = rel.split("/")
    return in_fixture_folder(rel) and ("__testfixtures__" in parts or bool(_FIXTURE_DATA.search(parts[-1]))
                                       or bool(_EXPECTED.match(parts[-1])) or bool(_EXPECTED_DIRS.intersection(parts[:-1])))


_GENERATOR_DIRS = frozenset({"generators", "schematics"})
_TEMPLATE_FILE = re.compile(r"\.template\.[cm]?[jt]sx?$")
# a name a code generator fills in: Angular devkit and Nest schematics (`__name@dasherize__.service.ts`,
# `__name__`, `app.e2e-__specFileSuffix__.ts`: a camelCase word, unlike `__tests__` or `__mocks__`), or a
# template tag left in the name (`<%= name %>.ts`)
_TEMPLATED_NAME = re.compile(r"__[A-Za-z]\w*(?:@[A-Za-z]\w*)+__|(?<![A-Za-z0-9])__(?:name|[a-z]+[A-Z]\w*)__|<%")


def template_of(rel: str) -> str | None:
    """The template folder (`templates/`, `scaffold/`, a folder named for a generator to fill in)
    holding `rel`, or its own name when it is a template file (`main.template.ts`, a schematic's
    `__name@dasherize__.module.ts`, a code generator's input): such files are copied into other
    projects, whose dependencies and files their imports name."""
    parts = rel.split("/")
    templated = "__" in rel or "<%" in rel  # the names a generator fills in need one of these
    folder = next((p for p in parts[:-1] if p in TEMPLATE_DIRS or templated and _TEMPLATED_NAME.search(p)), None)
    if folder is not None:
        return folder + "/"
    # an Nx generator's or Angular schematic's `files/` (`generators/app/files/src/index.ts`): what
    # `generateFiles(tree, join(__dirname, 'files'), ...)` writes into the project it creates
    if "files" in parts[:-1] and _GENERATOR_DIRS.intersection(parts[:parts.index("files")]):
        return "files/"
    name = parts[-1]
    return name if _TEMPLATE_FILE.search(name) or templated and _TEMPLATED_NAME.search(name) else None


def emitted_declaration(path: str) -> str | None:
    """The source (`clock.ts`) beside a declaration file of the same stem (`clock.d.ts`): tsc's
    output committed next to what it was built from. TypeScript never reads it (`include` drops a
    `.d.ts` whose `.ts` it includes; `./clock` resolves to the `.ts` first), so what it imports,
    perhaps stale, breaks nothing. None for a hand-written declaration file with no such source."""
    if not path.endswith(".d.ts"):
        return None
    stem = path[:-5]
    return next((stem + ext for ext in (".ts", ".tsx") if os.path.isfile(stem + ext)), None)


# a package name a scaffolder fills in: `__name__`, `{{name}}`, `<%= name %>`, `${name}`
_PLACEHOLDER_NAME = re.compile(r"^__\w+__$|\{\{.*\}\}|<%|\$\{")


def placeholder_package(manifest_data: dict) -> str | None:
    """`package.json named "__name__"` when the package's name is a placeholder a scaffolder fills
    in: the folder is a project template (`create-app/files/`) that users install after copying it,
    whatever the folder is called. None otherwise."""
    name = manifest_data.get("name")
    return f'package.json named "{name}"' if isinstance(name, str) and _PLACEHOLDER_NAME.search(name) else None


def published_data_folder(path: str, manifest_dir: str, manifest_data: dict,
                          tsconfig_for: Callable[[str], object]) -> str | None:
    """The folder of the package that holds `path` when package.json `files` publishes that folder
    as it is (`"files": ["dist", "assets"]`) and no tsconfig compiles the file: raw files a CLI or
    generator copies into its users' projects (a route template, a config skeleton), whose imports
    are those projects' dependencies. None otherwise."""
    listed = manifest_data.get("files")
    prefix = manifest_dir.rstrip(os.sep) + os.sep
    if not isinstance(listed, list) or not path.startswith(prefix) or path.endswith(".d.ts"):
        return None
    rel = path[len(prefix):].replace(os.sep, "/")  # asked for every file: no relpath
    if rel.startswith("."):
        return None
    folder = next((f for f in _listed_folders(tuple(f for f in listed if isinstance(f, str))) if rel.startswith(f + "/")), None)
    if folder is None:
        return None
    config = tsconfig_for(path)
    return None if config is not None and config.covers(path) else folder + "/"


@lru_cache(maxsize=256)
def _listed_folders(listed: tuple[str, ...]) -> tuple[str, ...]:
    """The folders a `files` list names (`dist`, `assets/**`, `./bin`, `src/templates`: that folder,
    not all of `src/`), once per list."""
    found = (re.split(r"[*?{\[]", f.removeprefix("./"), maxsplit=1)[0].rstrip("/") for f in listed)
    return tuple(dict.fromkeys(f for f in found if f and not f.startswith(".")))


def hidden_part(parts: list[str]) -> str | None:
    """The first hidden name among path parts (`.install-scripts`, `.claude`): workspace globs and
    tsc's wildcard includes never enter such a folder."""
    return next((p for p in parts if p.startswith(".") and p not in (".", "..")), None)


def is_tool_config(rel: str) -> bool:
    """Whether the file at `rel` (relative to its package) is a tool's configuration by its name
    (`vite.config.ts`, `.eslintrc.js`, a `<tool>.config.*` at the package's top): dev_reason's two
    configuration answers."""
    name = rel.rsplit("/", 1)[-1]
    return bool(_CONFIG.match(name) or _RC.match(name) or _TASK_FILE.match(name)
                or "/" not in rel and not is_service_config(name) and _ANY_TOOL_CONFIG.match(name))


def dev_reason(rel: str) -> str | None:
    """Why the file at `rel` (relative to its package) is dev-only by convention, or None."""
    parts = rel.split("/")
    name = parts[-1]
    if _TEST_FILE.search(name):
        return "a test, story or test-support file (by its name)"
    if _SETUP.match(name) or _MOCK_WORD.search(name) or _TEST_SUPPORT_SUFFIX.search(name):
        return "a test setup or test support file (by its name)"
    if _CODE_CONNECT.search(name):
        return "a Figma Code Connect file (by its name): the `figma connect` command line reads it, nothing loads it"
    if _CONFIG.match(name) or _RC.match(name) or _TASK_FILE.match(name):
        return "the configuration of a build, test or lint tool (by its name)"
    if len(parts) > 1 and _TASK_FILE.match(parts[0]):  # gulp's folder form: `gulpfile.ts/index.ts`
        return f"a task runner's configuration ({parts[0]}/, a task file in folder form)"
    if len(parts) == 1 and is_service_config(name):
        return "the Serverless Framework's service configuration, which its CLI reads to deploy, never the functions"
    if len(parts) == 1 and (_ANY_TOOL_CONFIG.match(name) or _CLI_CONFIG.match(name)):
        return f"the configuration of a tool (a `<tool>.{name.split('.')[-2]}.*` file at the package's top, which no entry reaches)"
    why = dev_folder_reason(parts[:-1])
    if why is not None:
        return why
    if len(parts) > 1 and _TOP_DEV_DIRS.get(parts[0]):
        return f"{_TOP_DEV_DIRS[parts[0]]} ({parts[0]}/ at the package top level)"
    hidden = hidden_part(parts)
    if hidden is not None:
        where = f"the hidden folder {hidden}/" if hidden != name else f"a hidden file ({name})"
        return f"{where}: repository tooling, which tsc's wildcard includes never compile"
    return None




_SCRIPT_FILE = re.compile(r"\.[cm]?[jt]sx?$")
_CODE_CONNECT = re.compile(r"\.figma(?:\.batch|\.template)?\.[cm]?[jt]sx?$")


def example_code(home: str, rel: str) -> bool:
    """Whether the file at `rel` of a package whose folder is `home` (from the repository root) is an
    example project's own code: the package lives in an examples folder, and the file is no test,
    tool config or test folder's of that project. Such a project runs what its code loads."""
    return example_home(home.split("/")) and dev_reason(rel) is None


def tool_input(path: str, manifest_data: dict, manifest_dir: str) -> str | None:
    """Why `path` is run by a tool its package.json configures, not by the service: the Prisma CLI's
    seed command (`"prisma": {"seed": "ts-node prisma/seed.ts"}`, run by `prisma db seed`); a script
    other than the start scripts that runs it from source with a TypeScript runner (`"seed":
    "ts-node -r tsconfig-paths/register src/cli.ts"`); the data source a TypeORM CLI script names
    (`typeorm-ts-node-commonjs migration:run -d src/data-source.ts`). Asked only for files no entry
    point reaches: a file the service imports ships whatever script also runs it. Also a React
    Router app's route configuration, which its build reads (route_configs)."""
    return tool_inputs(manifest_data, manifest_dir).get(path) or route_config(path, manifest_data, manifest_dir)


def tool_inputs(manifest_data: dict, manifest_dir: str) -> dict[str, str]:
    """{file: why} of every file the package's tools run (tool_input). Asked for every file no
    entry reaches: answered from the last answer for the same manifest data (one run's object)."""
    known = _LAST_TOOLS.get(manifest_dir)
    if known is not None and known[0] is manifest_data:
        return known[1]
    scripts = manifest_data.get("scripts")
    prisma = manifest_data.get("prisma")
    seed = prisma.get("seed") if isinstance(prisma, dict) else None
    listed = tuple(sorted((k, v) for k, v in scripts.items() if isinstance(v, str))) if isinstance(scripts, dict) else ()
    key = (listed + _shell_lines(listed, manifest_dir), seed if isinstance(seed, str) else None, cdk_app_command(manifest_dir))
    found = _tool_inputs(manifest_dir, key)
    if len(_LAST_TOOLS) > 1024:
        _LAST_TOOLS.clear()
    _LAST_TOOLS[manifest_dir] = (manifest_data, found)
    return found


_LAST_TOOLS: dict[str, tuple[dict, dict[str, str]]] = {}  # folder -> (the manifest data asked with, its answer)


def _shell_lines(scripts: tuple[tuple[str, str], ...], manifest_dir: str) -> tuple[tuple[str, str], ...]:
    """(`<script> (<file>)`, line) of each command line of the shell scripts the package's scripts run
    (`"migration:run": "./migration/run.sh"` running `pnpm run typeorm migration:run -d ...`), which
    run in the package's folder as the script does: read like the scripts' own commands."""
    return tuple((f"{name} ({file})", line) for name, command in scripts
                 if name not in START_SCRIPTS and not _SERVICE_SCRIPT.match(name)
                 for file in shell_files(command, manifest_dir)
                 for line in shell_script_commands(os.path.join(manifest_dir, file)))


@lru_cache(maxsize=256)
def _tool_inputs(manifest_dir: str, key: tuple) -> dict[str, str]:
    """{file: why} of what a package's scripts run as tools, read once per package (every file no
    entry reaches asks)."""
    scripts, seed, cdk_app = key
    found: dict[str, str] = {}
    for words in shell_commands(cdk_app[0] if cdk_app else ""):
        for target, how in _runs(words):
            found.setdefault(_script_at(manifest_dir, target), f'the AWS CDK app ({cdk_app[1]}, {how}), run by the CDK '
                                                               'CLI to synthesise the stacks, not deployed')
    if seed is not None:
        for word in _words(seed):
            if _SCRIPT_FILE.search(word):
                found.setdefault(_at(manifest_dir, word), 'the Prisma seed script (package.json "prisma.seed"), run by '
                                                          'the Prisma CLI, not by the service')
    deployed: set[str] = set()  # data sources the TypeORM CLI runs from the build output: with the service
    for name, command in scripts:
        if name in START_SCRIPTS or _SERVICE_SCRIPT.match(name):
            continue  # `dev`, `start:*`, `debug`: the service itself, run from source
        for words in shell_commands(command):
            if any(os.path.basename(w) in SEQUELIZE_CLIS for w in words[:2]) and (rc := sequelize_config(manifest_dir)):
                found.setdefault(rc, f'the configuration .sequelizerc names for the Sequelize CLI, run by the "{name}" script')
            for target, how in _runs(words):
                if how == _DATA_SOURCE and target.endswith((".js", ".cjs", ".mjs")):
                    source = to_source(manifest_dir, target, lambda _dir, _path: None)
                    deployed.update([source] if source is not None else [])
                found.setdefault(_script_at(manifest_dir, target), f'run by the "{name}" script ({how}), a developer '
                                                                   'tool, not the service')
            if _BUILD_STEP.match(name) or _BUILDS_FIRST.search(command):
                what = "a step of the package's own build" if _BUILD_STEP.match(name) else \
                    "a task run where the package is built (the script builds it first)"
                for source in _built_steps(words, manifest_dir):
                    found.setdefault(source, f'compiled, then run by the "{name}" script (node on its built '
                                             f'file), {what}, not the service')
    return {path: why for path, why in found.items() if path not in deployed}


# scripts of the package's own build (`build`, `build:extra`, `postbuild`, `prepack`): what they run
# runs where the package is built, with its devDependencies installed
_BUILD_STEP = re.compile(r"^(?:(?:pre|post)?(?:build|compile)(?![a-z])|prepare$|prepack$|prepublishOnly$)")
# a script that builds the package before it runs its output (`npm run build && node dist/gen.js`): run
# from a checkout with the devDependencies, as no production start does
_BUILDS_FIRST = re.compile(r"^\s*(?:(?:npm|pnpm|yarn|bun) (?:run )?build|(?:npx )?tsc|(?:npx )?nest build)\b[^;|]*&&")


def _built_steps(words: list[str], manifest_dir: str) -> list[str]:
    """The source files of the built scripts a build step gives `node` (`node ./dist/scripts/gen.js`
    -> `src/scripts/gen.ts`, the usual output layouts): compiled with the package, run by its build."""
    found = []
    for i, word in enumerate(words):
        if os.path.basename(word) != "node":
            continue
        target = first_operand(words[i + 1:])
        if target is not None and target.endswith((".js", ".cjs", ".mjs")):
            source = to_source(manifest_dir, target, lambda _dir, _path: None)
            if source is not None and source.endswith(_TS_SCRIPT):
                found.append(source)
    return found


def nx_tool_input(path: str, project_json: str | None, nx_json: str | None,
                  mentions: Callable[[str, bytes], bool]) -> str | None:
    """Why `path` is run as a tool by a `run-commands` target of its Nx project (`"command": "ts-node
    ./scripts/gen-types.ts"`), the project.json counterpart of a package.json script (`tool_input`);
    the target may take its command from the workspace's nx.json `targetDefaults` (`"migration-run": {}`).
    `mentions` reads project.json and nx.json as inputs of the run, and says whether they run commands."""
    if project_json is None:
        return None
    if not mentions(project_json, b"run-commands") and not (nx_json is not None and mentions(nx_json, b"run-commands")):
        return None
    try:
        stamps = [(s.st_mtime_ns, s.st_size) for s in map(os.stat, filter(None, (project_json, nx_json)))]
    except OSError:
        return None
    return _nx_tool_inputs(project_json, tuple(stamps)).get(path)


@lru_cache(maxsize=64)
def _nx_tool_inputs(project_json: str, stamps: tuple[tuple[int, int], ...]) -> dict[str, str]:
    """{file: why} of what a project's run-commands targets run as tools (one read per version of
    project.json and nx.json)."""
    found: dict[str, str] = {}
    for name, command, cwd in run_commands(project_json):
        if _SERVICE_SCRIPT.match(name):
            continue  # `serve`, `dev`: the app itself, run from source
        for words in shell_commands(command):
            for target, how in _runs(words):
                found.setdefault(_script_at(cwd, target), f'run by the Nx target "{name}" ({how}), a developer tool, '
                                                          'not the service')
    return found


_SERVICE_SCRIPT = re.compile(r"^(?:dev|develop|start|serve|debug|watch|prod)(?![a-z])")
_TS_RUNNERS = frozenset({"ts-node", "ts-node-esm", "ts-node-script", "ts-node-transpile-only", "ts-node-dev",
                         "tsnd", "tsx", "esno", "esrun", "vite-node", "bun", "jiti", "tsm"})
_WATCH = frozenset({"watch", "--watch", "-w"})
# the TypeORM CLI and typeorm-extension's (`seed:run`, `db:create`), by bin name or by the file a runner is given
_TYPEORM_CLIS = frozenset({"typeorm", "typeorm-ts-node-commonjs", "typeorm-ts-node-esm", "typeorm-extension",
                           "typeorm-extension-esm"})
_TYPEORM_CLI_FILES = ("typeorm/cli.js", "typeorm-extension/bin/cli.cjs", "typeorm-extension/bin/cli.mjs")
_DATA_SOURCE_FLAGS = ("-d", "--dataSource", "--data-source")


def _words(command: str) -> list[str]:
    try:
        return shlex.split(command)
    except ValueError:
        return []


def _at(manifest_dir: str, word: str) -> str:
    return os.path.normpath(os.path.join(manifest_dir, word))


def _runs(words: list[str]) -> list[tuple[str, str]]:
    """(file, how) of what one command of a script runs: the script a TypeScript runner executes,
    the data source of the TypeORM CLI (`typeorm`, its ts-node wrappers, `node_modules/typeorm/cli.js`) or of
    typeorm-extension's (`seed:run -d ...`),
    a configuration file a tool is given (`graphql-codegen --config codegen.ts`)."""
    if _WATCH.intersection(words):
        return []  # a watch loop serves the app while it is developed
    found = []
    for i, word in enumerate(words):
        base = os.path.basename(word)
        if base == "node":
            target = _loaded_script(words[i + 1:])
            if target is not None:
                found.append(target)
                break
        if base in _TS_RUNNERS:
            target = _runner_script(words[i + 1:])
            if target is not None:
                found.append((target, f"{base} runs it from source"))
            continue  # `ts-node ./node_modules/typeorm/cli.js ...`: the TypeORM CLI may follow
        if base in _TYPEORM_CLIS or word.replace(os.sep, "/").endswith(_TYPEORM_CLI_FILES):
            for j, flag in enumerate(words[i + 1:], start=i + 1):
                value = words[j + 1] if flag in _DATA_SOURCE_FLAGS and j + 1 < len(words) else \
                    flag.split("=", 1)[1] if flag.startswith(tuple(f + "=" for f in _DATA_SOURCE_FLAGS)) else None
                if value is not None and _SCRIPT_FILE.search(value):
                    found.append((value, _DATA_SOURCE))
            break
        value = _config_flag_value(words, i)
        if value is not None and _SCRIPT_FILE.search(value):
            found.append((value, "the configuration file it names"))
    return found


def file_runners(manifest_data: dict) -> frozenset[str]:
    """The programs (`tsx`, `ts-node`, `node`, ...) with which the package's scripts run files: a package whose
    files only a runner among its devDependencies runs can run none of them from a production install."""
    scripts = manifest_data.get("scripts")
    found: set[str] = set()
    for command in scripts.values() if isinstance(scripts, dict) else ():
        for words in shell_commands(command) if isinstance(command, str) else ():
            if _runs(words):
                found.update(b for b in map(os.path.basename, words) if b in _TS_RUNNERS or b == "node")
    return frozenset(found)


# how a script runs the file the TypeORM CLI is given: a data source, which the compiled output
# (`typeorm migration:run -d dist/data-source.js`) runs where the service runs, its production install
_DATA_SOURCE = "the TypeORM CLI's data source"


# packages whose hook makes `node` run TypeScript (`node --loader ts-node/esm x.ts`, `node --import tsx x.ts`)
_TS_LOADERS = frozenset({"ts-node", "tsx", "@swc-node/register", "esbuild-register", "@esbuild-kit/esm-loader",
                         "@esbuild-kit/cjs-loader", "jiti", "tsm", "@babel/register"})
_LOADER_OPTIONS = ("--loader", "--experimental-loader", "--import", "-r", "--require")


def _loaded_script(args: list[str]) -> tuple[str, str] | None:
    """(script, how) when `node` is given a TypeScript loader and then a script, or a TypeScript
    file it runs itself (`node main.ts`: Node strips the types), else None."""
    loader, skip = None, False
    for i, word in enumerate(args):
        if skip:
            skip = False
            continue
        option, _, value = word.partition("=")
        if option in _LOADER_OPTIONS:
            value = value or (args[i + 1] if i + 1 < len(args) else "")
            skip = "=" not in word
            parts = value.split("/")
            if (("/".join(parts[:2]) if value.startswith("@") else parts[0]) in _TS_LOADERS):
                loader = value
        elif word in RUNNER_VALUE_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            if loader is not None:
                return word, f"node runs it from source through {loader}"
            return (word, "node strips its types and runs it from source") if word.endswith(_TS_SCRIPT) else None
    return None


_TS_SCRIPT = (".ts", ".mts", ".cts")


def _runner_script(args: list[str]) -> str | None:
    """What a TypeScript runner is given to run: the first word with a script extension, else its
    first argument (`ts-node-dev src/generators`, a folder whose index it runs), skipping options and
    their values (resolved against the disk by `_script_at`)."""
    named = next((w for w in args if _SCRIPT_FILE.search(w) and not w.startswith("-")), None)
    return named if named is not None else first_operand(args)


def _script_at(manifest_dir: str, word: str) -> str:
    """The file a runner's argument names: itself, or for a word without a script extension the
    file with one (`src/cli` -> `src/cli.ts`) or the folder's index (`src/generators/index.ts`)."""
    path = _at(manifest_dir, word)
    if _SCRIPT_FILE.search(word):
        return path
    for candidate in (*(path + ext for ext in _RUN_EXTENSIONS), *(os.path.join(path, "index" + ext) for ext in _RUN_EXTENSIONS)):
        if os.path.isfile(candidate):
            return candidate
    return path


_RUN_EXTENSIONS = (".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs")
_CONFIG_FLAGS = ("--config", "-c", "--knexfile")  # `--knexfile`: the knex CLI's configuration


def _config_flag_value(words: list[str], i: int) -> str | None:
    """The file `words[i]` names as a tool's configuration (`--config codegen.ts`, `-c x.mts`,
    `--config=x.ts`), or None."""
    word = words[i]
    if word in _CONFIG_FLAGS:
        return words[i + 1] if i + 1 < len(words) else None
    return word.split("=", 1)[1] if word.startswith(("--config=", "--knexfile=")) else None
