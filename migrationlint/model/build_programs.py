"""Which tsconfig projects a package's build compiles, when the build is only the TypeScript
compiler (`tsc -p tsconfig.build.json`, `tsc -b`, `nest build`).

A file that no entry point reaches is counted as shipping (shipping.py) because something in
production might still load it (a glob of entities, a CLI command). That cannot happen to a file
the build never emits: when every compiling command of the build is tsc over named projects, the
output holds exactly the files those projects include and the files they import. Anything else in
the build that turns source into output (a bundler, another compiler, a script run by node) makes
the output unknown, and the answer is None.
"""

from __future__ import annotations

import json
import os
import re
import shlex

from migrationlint.model.bundling import build_commands
from migrationlint.model.workspace import Manifest

# commands after which the output is not only tsc's: bundlers, other compilers, task runners that build
# by configuration. A script a runtime runs (a generator) writes what tsc then compiles; copying
# TypeScript source puts nothing runnable in the output.
_OTHER_OUTPUT = frozenset({
    "tsup", "tsdown", "vite", "webpack", "rollup", "rspack", "rsbuild", "esbuild", "swc", "babel", "ncc",
    "parcel", "bun", "unbuild", "microbundle", "pkgroll", "deno", "ng", "next", "nuxt", "nx", "turbo", "lerna",
    "tsc-watch", "tspc", "ttsc", "gulp", "grunt", "rolldown", "vite-node", "pkg", "nexe",
})
_SEPARATORS = re.compile(r"&&|\|\||;|\|")


def build_tsconfigs(manifest: Manifest) -> tuple[str, ...] | None:
    """The tsconfig files the package's build compiles with emit (absolute paths), or None when the
    build compiles nothing with tsc, or runs anything else that could put code into the output."""
    found: list[str] = []
    for _, script in build_commands(manifest):
        for command in _SEPARATORS.split(script):
            try:
                words = shlex.split(command)
            except ValueError:
                return None
            names = [os.path.basename(w) for w in words]
            if _OTHER_OUTPUT.intersection(names):
                return None
            if "tsc" in names:
                projects = _tsc_projects(manifest.dir, words[names.index("tsc") + 1:])
            elif "nest" in names and "build" in words:
                projects = _nest_build_projects(manifest.dir, words)
            else:
                continue
            if projects is None:
                return None
            found += projects
    return tuple(dict.fromkeys(found)) or None


def _tsc_projects(directory: str, args: list[str]) -> list[str] | None:
    """The projects one tsc command compiles with emit ([] for `--noEmit`, a type check, and for a
    watch); None when it names source files, which it then compiles without any tsconfig."""
    if "--noEmit" in args or "--watch" in args or "-w" in args:
        return []
    if "--emitDeclarationOnly" in args:
        return None
    named: list[str] = []
    if args[:1] in (["-b"], ["--build"]):  # build mode: every other word is a project (its options are flags)
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
    return [p if p.endswith(".json") else os.path.join(p, "tsconfig.json") for p in paths]


def _nest_build_projects(directory: str, words: list[str]) -> list[str] | None:
    """`nest build` compiles the project of `compilerOptions.tsConfigPath` (default
    tsconfig.build.json) with tsc; a Nest monorepo, an app named on the command line or the swc
    builder compile otherwise."""
    try:
        with open(os.path.join(directory, "nest-cli.json"), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict) or data.get("monorepo") or data.get("projects"):
        return None
    options = data.get("compilerOptions") if isinstance(data.get("compilerOptions"), dict) else {}
    builder = options.get("builder")
    builder = builder.get("type") if isinstance(builder, dict) else builder
    args = words[words.index("build") + 1:]
    if builder not in (None, "tsc") or options.get("webpack") or any(not a.startswith("-") for a in args) \
            or any(a.startswith(("-b", "--builder", "-p", "--path", "-c", "--config", "--webpack")) for a in args):
        return None
    config = options.get("tsConfigPath") if isinstance(options.get("tsConfigPath"), str) else "tsconfig.build.json"
    path = os.path.normpath(os.path.join(directory, config))
    return [path] if os.path.isfile(path) else None
