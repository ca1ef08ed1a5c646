"""The commands of a package.json script, as words: what the entry, build and tool readers look at."""

from __future__ import annotations

import fnmatch
import json
import os
import re
from functools import lru_cache
import shlex
from typing import Iterator

from migrationlint.model.packages import package_name
from migrationlint.model.workspace_definition import declares_workspaces

# a command's start in a script: its beginning, after a separator or an opening quote, or a tool run by
# its path, after a `bin/` folder (`node_modules/.bin/webpack`, `node node_modules/react-scripts/bin/react-scripts`)
_COMMAND_START = r"""(?:^|[\s;&|"']|/\.?bin/)"""


def command_pattern(rest: str) -> re.Pattern[str]:
    """A regex for `rest` at the start of one command of a package.json script (`tsup`, not `run-tsup`)."""
    return re.compile(_COMMAND_START + rest)


# commands after which the output is not only tsc's: bundlers, other compilers, task runners that build
# by configuration. A script a runtime runs (a generator) writes what tsc then compiles; copying
# TypeScript source puts nothing runnable in the output.
OUTPUT_WRITERS = frozenset({
    "tsup", "tsdown", "vite", "webpack", "rollup", "rspack", "rsbuild", "esbuild", "swc", "babel", "ncc",
    "parcel", "bun", "unbuild", "microbundle", "pkgroll", "deno", "ng", "next", "nuxt", "nx", "turbo", "lerna",
    "tsc-watch", "tspc", "ttsc", "gulp", "grunt", "rolldown", "vite-node", "pkg", "nexe",
})

# `npm run package`, `pnpm run package`, `pnpm package`, `yarn package`, `bun run package`, also
# with the silencing flags before the name (`npm run -S esbuild-base -- --minify`): the script named,
# when the package has one (`pnpm install` is a command, not a script)
RUNS_SCRIPT = command_pattern(r"(?:npm run(?:-script)?|pnpm(?: run)?|yarn(?: run)?|bun run)"
                              r"(?:\s+(?:-s|-S|--silent|--if-present))*\s+([\w:.-]+)")


def shell_commands(command: str) -> Iterator[list[str]]:
    """The simple commands of a package.json script (split at `&&`, `||` and `;`), each as its
    words; a part the shell lexer cannot read (an unclosed quote) is skipped. A shell told to run
    a string (`sh -c 'tsx x.ts "$1"' --`, written to pass an argument on) runs that string's commands.
    Each script is lexed once per process (many questions read the same scripts): lists are copies."""
    for words in _lexed(command):
        yield list(words)


@lru_cache(maxsize=4096)
def _lexed(command: str) -> tuple[tuple[str, ...], ...]:
    found: list[tuple[str, ...]] = []
    for part in re.split(r"&&|\|\||;", command):
        try:
            words = shlex.split(part)
        except ValueError:
            continue
        if len(words) > 2 and os.path.basename(words[0]) in _SHELLS and _RUN_STRING.fullmatch(words[1]):
            found += _lexed(words[2])
        elif words:
            found.append(tuple(words))
    return tuple(found)


_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ash"})
_RUN_STRING = re.compile(r"-[a-z]*c")  # `-c`, `-lc`, `-ec`: the next word is the command string


_DELETERS = frozenset({"rimraf", "rm", "del-cli", "del"})  # and `shx rm -rf dist`
_EXPANSION_DEPTH = 3


def expanded_commands(script: str, scripts: dict, depth: int = 0) -> list[list[str]]:
    """The commands a script runs, each as its words, with a run of another script of the same
    manifest (`pnpm run compile`, `npm run clean`) replaced by that script's commands, and steps
    that only delete files (`rimraf dist`, `rm -rf lib`) left out: what can write the output."""
    found: list[list[str]] = []
    for words in shell_commands(script):
        named = _script_run(words, scripts)
        if named is not None and depth < _EXPANSION_DEPTH:
            found += expanded_commands(with_arguments(scripts[named], _forwarded(words, named)), scripts, depth + 1)
        elif not _deletes_only(words):
            found.append(words)
    return found


def _forwarded(words: list[str], named: str) -> list[str]:
    """The arguments a run of the script `named` passes on (`yarn tsc -p tsconfig.build.json`,
    `npm run tsc -- -p tsconfig.build.json`): the words after its name, without npm's `--`."""
    rest = words[words.index(named) + 1:] if named in words else []
    return rest[1:] if rest[:1] == ["--"] else rest


def forwarded_arguments(command: str, scripts: dict) -> dict[str, list[str]]:
    """script name -> the arguments `command` runs it with, for each simple command of it that runs
    a script of the manifest by name with arguments (`yarn tsc -p tsconfig.build.json`)."""
    found: dict[str, list[str]] = {}
    for words in shell_commands(command):
        named = _script_run(words, scripts)
        if named is not None and _forwarded(words, named):
            found.setdefault(named, _forwarded(words, named))
    return found


def with_arguments(command: str, arguments: list[str]) -> str:
    """The script's command as the package manager runs it: the arguments appended to its end (to
    its last command)."""
    return f"{command} {shlex.join(arguments)}" if arguments else command


def _deletes_only(words: list[str]) -> bool:
    tool = os.path.basename(words[0])
    return tool in _DELETERS or tool == "shx" and words[1:2] == ["rm"]


def _script_run(words: list[str], scripts: dict) -> str | None:
    """The name of the manifest's script these words run by name (RUNS_SCRIPT), or None."""
    found = RUNS_SCRIPT.match(" ".join(words))
    return found.group(1) if found is not None and isinstance(scripts.get(found.group(1)), str) else None


def type_check_only(script: object) -> bool:
    """Whether every command of a script is tsc told to write nothing (`tsc --noEmit`, `tsc -p
    tsconfig.json --noEmit`): it checks the package's types and builds nothing."""
    commands = list(shell_commands(script)) if isinstance(script, str) else []
    return bool(commands) and all(os.path.basename(words[0]) == "tsc" and "--noEmit" in words for words in commands)


# `pnpm -w run build:pkg`, `pnpm --workspace-root build:pkg`, `yarn -T run build:pkg`: a script of the workspace root
_ROOT_RUN = re.compile(r"(?:^|[;&|]\s*)(?:pnpm\s+(?:-w|--workspace-root)|yarn\s+(?:-T|--top-level))\s+(?:run\s+)?([\w:.-]+)")
_CALLER_DIR = re.compile(r"\$\{?INIT_CWD\}?")


def root_scripts_for_caller(directory: str, command: str) -> list[tuple[str, str]]:
    """(name, command) of the workspace root's scripts `command` runs that work on the calling
    package's folder (`"build:pkg": "tsdown --workspace $INIT_CWD"`, which pnpm and yarn set to the
    folder the script was started from): the package's build, written once at the root. A root
    script that does not name that folder builds something else, and is not taken."""
    names = _ROOT_RUN.findall(command)
    if not names:
        return []
    scripts = _workspace_root_scripts(directory)
    return [(n, scripts[n]) for n in names if isinstance(scripts.get(n), str) and _CALLER_DIR.search(scripts[n])]


def _workspace_root_scripts(directory: str) -> dict:
    """The scripts of the nearest package.json above `directory` that defines a workspace."""
    parent = os.path.dirname(os.path.abspath(directory))
    while True:
        path = os.path.join(parent, "package.json")
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and (declares_workspaces(data) or os.path.isfile(os.path.join(parent, "pnpm-workspace.yaml"))):
            scripts = data.get("scripts")
            return scripts if isinstance(scripts, dict) else {}
        if os.path.dirname(parent) == parent:
            return {}
        parent = os.path.dirname(parent)


def externals_in_scripts(scripts: object) -> frozenset[str]:
    """The packages a package's scripts tell its bundler to leave out of the bundle
    (`--external:k6`, `--external k6`, `--external:k6/*`): whatever runs the bundle provides them."""
    found = (package_name(v.rstrip("/*")) for c in (scripts.values() if isinstance(scripts, dict) else ())
             if isinstance(c, str) for v in external_flags(c))
    return frozenset(n for n in found if n)


def external_flags(command: str) -> list[str]:
    """The values of a bundler command's `--external` flags as written (`--external:@aws-sdk`,
    `--external k6`, `'--external:@aws-sdk/*'`): a scope or a `/*` wildcard stays as it is."""
    words = [w.strip("'\"") for w in command.split()]
    return [v for i, w in enumerate(words)
            if (v := w.split(":", 1)[1] if w.startswith("--external:") else
                words[i + 1] if w == "--external" and i + 1 < len(words) else None)]


_RUN_ALL = command_pattern(r"(?:run-s|run-p|npm-run-all)((?:\s+[^\s;&|]+)+)")
_CONCURRENT_SCRIPT = re.compile(r"""(?:^|\s)["']?(?:npm|yarn|pnpm|bun):([\w:.*-]+)""")


def run_all_names(script: str, scripts: dict) -> list[str]:
    """The scripts `run-s build:ts build:js` (npm-run-all's `run-s`/`run-p`, or `npm-run-all` with
    its options) or `concurrently "npm:build:*"` runs, a glob (`build:*`) matching script names."""
    words = [w for m in _RUN_ALL.finditer(script) for w in m.group(1).split() if not w.startswith("-")]
    if "concurrently" in script:
        words += [m.group(1) for m in _CONCURRENT_SCRIPT.finditer(script)]
    return [n for word in words for n in sorted(scripts) if fnmatch.fnmatchcase(n, word.replace("**", "*"))]


_INSTALL_VERBS = {"npm": ("install", "i", "add"), "pnpm": ("add", "install", "i"), "yarn": ("add",), "bun": ("add", "install", "i")}
_GLOBAL_FLAGS = ("-g", "--global", "--location=global")
_FOLDER_OPTIONS = ("--prefix", "--dir", "-C", "--cwd")  # options whose value is a folder, not a package


def installed_packages(words: list[str]) -> tuple[tuple[str, ...], bool] | None:
    """The packages an install command names, versions dropped (`sharp@0.35` is sharp), and whether
    it installs them globally (`npm install -g prisma`, `yarn global add x`); None for a command that
    installs no named package (another command, or an install of the manifest)."""
    if not words:
        return None
    tool, rest = os.path.basename(words[0]), words[1:]
    if tool == "yarn" and rest[:2] == ["global", "add"]:
        rest, is_global = rest[2:], True
    elif rest and rest[0] in _INSTALL_VERBS.get(tool, ()):
        rest = rest[1:]
        is_global = any(w in _GLOBAL_FLAGS for w in rest)
    else:
        return None
    names: list[str] = []
    skip = False
    for w in rest:
        if skip:
            skip = False
        elif w in _FOLDER_OPTIONS:
            skip = True
        elif not w.startswith("-"):
            at = w.find("@", 1)
            name = package_name(w[:at] if at > 0 else w)
            if name is not None:
                names.append(name)
    return (tuple(names), is_global) if names else None
