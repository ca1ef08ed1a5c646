"""Which tsconfig projects a package's build compiles, when the build is only the TypeScript
compiler (`tsc -p tsconfig.build.json`, `tsc -b`, `nest build`).

A file that no entry point reaches is counted as shipping (shipping.py) because something in
production might still load it (a glob of entities, a CLI command). That cannot happen to a file
the build never emits: when every compiling command of the build is tsc over named projects, the
output holds exactly the files those projects include and the files they import. Anything else in
the build that turns source into output (a bundler, another compiler, a task runner building by its
configuration, an Nx target of another executor) makes the output unknown, and the answer is None;
so does a tsc that writes no JavaScript (`--emitDeclarationOnly`: the JavaScript comes from
elsewhere). A generator the build runs with node or ts-node writes source that tsc then compiles.
"""

from __future__ import annotations

import os
import shlex
from typing import NamedTuple

from migrationlint.model.angular_programs import target_option_blocks
from migrationlint.model.bundling import build_commands
from migrationlint.model.script_commands import OUTPUT_WRITERS, RUNS_SCRIPT, shell_commands
from migrationlint.model.nest_cli import read_nest_cli
from migrationlint.model.nx_projects import nx_option_path, nx_workspace_root, project_targets
from migrationlint.model.workspace import Manifest



class BuildProject(NamedTuple):
    """A tsconfig the build compiles (absolute path), and whether in build mode (`tsc -b`, and Nx's
    tsc executor, which newer Nx runs so), the one mode that compiles the projects its `references`
    name too: `tsc -p` and `nest build` compile the project alone."""

    path: str
    with_references: bool = False


def build_tsconfigs(manifest: Manifest) -> tuple[BuildProject, ...] | None:
    """The tsconfig projects the package's build compiles with emit, or None when the
    build compiles nothing with tsc, or runs anything else that could put code into the output.
    The build: package.json's build scripts (and the scripts they run by name), and the targets of
    the package's Nx project."""
    scripts = manifest.data.get("scripts")
    names = frozenset(scripts) if isinstance(scripts, dict) else frozenset()
    from_scripts = _script_projects(manifest.dir, [script for _, script in build_commands(manifest)], names)
    from_nx = _nx_projects(manifest.dir)
    if from_scripts is None or from_nx is None:
        return None
    return tuple(dict.fromkeys(from_scripts + from_nx)) or None


def _script_projects(directory: str, scripts: list[str],
                     script_names: frozenset[str] = frozenset()) -> list[BuildProject] | None:
    """The projects tsc compiles in these shell commands (run in `directory`), or None when one of
    them may put other code into the output. A command that runs one of `script_names` by name
    (`pnpm babel` where a `babel` script exists) is judged by that script, which is in `scripts`."""
    found: list[BuildProject] = []
    for script in scripts:
        if _unlexable(script):
            return None
        for words in shell_commands(script):  # a shell's quoted string (`bash -lc 'a; b'`) read as its commands
            names = [os.path.basename(w) for w in words]
            runs = RUNS_SCRIPT.match(" ".join(words))
            if runs is not None and runs.group(1) in script_names or _rewrites_in_place(words):
                continue  # `babel dist --out-dir dist`: a pass over what tsc emitted, no source compiled
            if OUTPUT_WRITERS.intersection(names):
                return None
            if "tsc" in names:
                projects = tsc_projects(directory, words[names.index("tsc") + 1:])
            elif "nest" in names and "build" in words:
                projects = _nest_build_projects(directory, words)
            else:
                continue
            if projects is None:
                return None
            found += projects
    return found


_IN_PLACE_TOOLS = ("babel", "swc")
_OUT_DIR_FLAGS = ("--out-dir", "-d")


def _rewrites_in_place(words: list[str]) -> bool:
    """A babel or swc run whose only input folder is its output folder (`babel dist --plugins
    annotate-pure-calls --out-dir dist`): it rewrites files already built (pure-call notes,
    import rewrites) and adds no source of its own, so the output stays what tsc emitted."""
    tool = next((i for i, w in enumerate(words) if os.path.basename(w) in _IN_PLACE_TOOLS), None)
    if tool is None:
        return False
    args = words[tool + 1:]
    out_dir = next((args[i + 1] for i, w in enumerate(args[:-1]) if w in _OUT_DIR_FLAGS), None)
    if out_dir is None:
        return False
    inputs, skip = [], False
    for word in args:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = "=" not in word and word not in _FLAGS_WITHOUT_VALUE
        else:
            inputs.append(word)
    return bool(inputs) and all(os.path.normpath(i) == os.path.normpath(out_dir) for i in inputs)


_FLAGS_WITHOUT_VALUE = frozenset({"--source-maps", "-s", "--copy-files", "--no-babelrc", "--delete-dir-on-start",
                                  "--include-dotfiles", "--keep-file-extension", "--strip-leading-paths",
                                  "--quiet", "-q", "--verbose", "--sync"})


_NX_TSC = ("@nx/js:tsc", "@nrwl/js:tsc")
_NX_COMMANDS = ("nx:run-commands", "@nrwl/workspace:run-commands", "@nx/workspace:run-commands")
# executors that compile or bundle by their own configuration (the part after `:`)
_NX_COMPILERS = frozenset({"swc", "esbuild", "rollup", "webpack", "rspack", "build", "package", "browser",
                           "application", "browser-esbuild", "server", "ng-packagr-lite", "ng-packagr",
                           "run-script"})


_BUILD_TARGETS = ("build", "compile", "package", "bundle")


def _unlexable(script: str) -> bool:
    """Whether the shell lexer cannot read the script (an unclosed quote): nothing said of it holds."""
    try:
        shlex.split(script)
    except ValueError:
        return True
    return False


def _nx_projects(directory: str) -> list[BuildProject] | None:
    """The projects the package's Nx targets compile with `@nx/js:tsc` (`tsConfig`, in any
    configuration), or None when a target compiles otherwise: a bundler or another compiler, or a
    command that runs tsc (from the workspace root, where its project is not known)."""
    targets = project_targets(directory)
    if not targets:
        return []
    root = nx_workspace_root(directory) or directory
    found: list[BuildProject] = []
    for name, target in targets.items():
        executor = target.get("executor", target.get("builder")) if isinstance(target, dict) else None
        if not isinstance(executor, str):
            continue
        options = target_option_blocks(target)
        if executor in _NX_TSC:
            # `with_references`: newer Nx versions run this executor in build mode
            found += [BuildProject(nx_option_path(o["tsConfig"], root, directory), True) for o in options
                      if isinstance(o.get("tsConfig"), str)]
        elif executor in _NX_COMMANDS and name.startswith(_BUILD_TARGETS):  # `serve`, `lint`: nothing of the output
            commands = [c.get("command") if isinstance(c, dict) else c for o in options
                        for c in (o.get("commands") or [o.get("command")]) if c is not None]
            if any(not isinstance(c, str) or _script_projects(directory, [c]) != [] for c in commands):
                return None
        elif executor.rsplit(":", 1)[-1] in _NX_COMPILERS:
            return None
    return found


def tsc_projects(directory: str, args: list[str]) -> list[BuildProject] | None:
    """The projects one tsc command compiles with emit ([] for `--noEmit`, a type check, and for a
    watch); None when it names source files, which it then compiles without any tsconfig."""
    if "--noEmit" in args or "--watch" in args or "-w" in args:
        return []
    if "--emitDeclarationOnly" in args:
        return None
    named: list[str] = []
    build_mode = args[:1] in (["-b"], ["--build"])
    if build_mode:  # build mode: every other word is a project (its options are flags)
        named = [a for a in args[1:] if not a.startswith("-")]
    else:
        after_option = False
        for i, word in enumerate(args):
            if word in ("-p", "--project") and i + 1 < len(args):
                named.append(args[i + 1])
            elif not word.startswith("-") and not after_option:
                return None
            after_option = word.startswith("-")  # the next bare word is this option's value
    paths = [os.path.normpath(os.path.join(directory, n)) for n in named or ["."]]
    return [BuildProject(p if p.endswith(".json") else os.path.join(p, "tsconfig.json"), build_mode) for p in paths]


def _nest_build_projects(directory: str, words: list[str]) -> list[BuildProject] | None:
    """`nest build` compiles the project of `compilerOptions.tsConfigPath` (default
    tsconfig.build.json) with tsc. A Nest monorepo builds one app per command (`nest build <app>`),
    each app with its own pipeline (a Dockerfile, a CI job), so what the repository emits is every
    project's `tsConfigPath` (its own `compilerOptions` over the file's), compiled by tsc only when
    webpack, a monorepo's default, is off for each; the swc builder compiles otherwise."""
    data = read_nest_cli(directory)
    data = {} if data is None else data
    if not isinstance(data, dict):
        return None
    options = data.get("compilerOptions") if isinstance(data.get("compilerOptions"), dict) else {}
    args = words[words.index("build") + 1:]
    named = [a for a in args if not a.startswith("-")]
    if any(a.startswith(("-b", "--builder", "-p", "--path", "-c", "--config", "--webpack")) for a in args):
        return None
    if data.get("monorepo") or data.get("projects"):
        return _nest_monorepo_projects(directory, data, options) if len(named) <= 1 else None
    if named or not _tsc_only(options):
        return None
    config = options.get("tsConfigPath") if isinstance(options.get("tsConfigPath"), str) else "tsconfig.build.json"
    path = os.path.normpath(os.path.join(directory, config))
    return [BuildProject(path)] if os.path.isfile(path) else None


def _tsc_only(options: dict) -> bool:
    builder = options.get("builder")
    builder = builder.get("type") if isinstance(builder, dict) else builder
    return builder in (None, "tsc") and not options.get("webpack")


def _nest_monorepo_projects(directory: str, data: dict, options: dict) -> list[BuildProject] | None:
    """Every project's tsConfigPath, when each is set, exists and is compiled by tsc alone. A project
    whose folder is gone (a library deleted, its entry left in nest-cli.json) has no files to emit:
    skipped, as a build of it would fail."""
    projects = data.get("projects") if isinstance(data.get("projects"), dict) else {}
    found = []
    for project in projects.values():
        if isinstance(project, dict) and isinstance(project.get("root"), str) \
                and not os.path.isdir(os.path.join(directory, project["root"])):
            continue
        own = project.get("compilerOptions") if isinstance(project, dict) else None
        merged = {**options, **own} if isinstance(own, dict) else options
        config = merged.get("tsConfigPath")
        if merged.get("webpack") is not False or not _tsc_only(merged) or not isinstance(config, str):
            return None
        path = os.path.normpath(os.path.join(directory, config))
        if not os.path.isfile(path):
            return None
        found.append(BuildProject(path))
    return found or None
