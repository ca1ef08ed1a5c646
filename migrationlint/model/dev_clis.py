"""A private package's own developer command line: a `bin` its production install cannot start.

A private service (its start script, `main` or Dockerfile is what runs in production) may carry a
command line for its developers (`"bin": {"devcli": "./bin/run.js"}`, an oclif CLI whose
commands wrap `prisma migrate` or `docker compose up`). When the launcher that `bin` names loads
a package the manifest keeps only in devDependencies (the CLI framework itself), no production
install can start it: its author made the whole command line a development tool. Its commands,
the folder package.json `oclif.commands` names (built output mapped back to source), are then
developer tools, and so is what only they import (test_support.py). A published package whose
`bin` needs a devDependency is broken for its users instead, and stays reported.
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.extract.records import FileFacts
from migrationlint.model.entry_points import bin_targets
from migrationlint.model.packages import package_name
from migrationlint.model.usage_lines import run_by_hand
from migrationlint.model.workspace import Manifest

_RUNTIME_SECTIONS = ("dependencies", "optionalDependencies", "peerDependencies")
_LOADS = ("import", "require", "dynamic", "export-from", "export-star")
# where a build writes what `oclif.commands` names, and where its source then lies
_BUILT_TOPS = ("dist", "lib", "build", "out")


def dev_cli_command(path: str, manifest: Manifest, facts_of: Callable[[str], FileFacts | None]) -> str | None:
    """Why the file at `path` is a command or the launcher of the package's developer CLI, or a
    command its own usage line says a package script runs by hand (usage_lines), or None."""
    usage = run_by_hand(path, manifest) or _run_inside_a_dev_cli(path, manifest, facts_of)
    if usage is not None:
        return usage
    folder = _commands_folder(manifest)
    if folder is None or not manifest.unpublishable:
        return None
    in_folder = path.startswith(folder + os.sep)
    if not in_folder and path not in _launchers(manifest):
        return None
    launcher = _dev_launcher(manifest, facts_of)
    if launcher is None:
        return None
    bin_file, package = launcher
    what = "a command" if in_folder else "the launcher"
    return (f"{what} of the package's developer CLI (package.json \"oclif\".commands): its launcher {bin_file} "
            f"loads {package}, which the package keeps in devDependencies, so no production install can start it")


# CLIs that run a project's scripts inside their own process, whose runtime a script imports by the
# CLI's package name (`import * as hre from 'hardhat'`: the Hardhat Runtime Environment `hardhat run`,
# its tasks and deploy plugins such as hardhat-deploy hand the script)
_SCRIPT_RUNTIMES = {"hardhat": "the Hardhat CLI (`hardhat run`, a task or a deploy plugin)"}


def _run_inside_a_dev_cli(path: str, manifest: Manifest, facts_of: Callable[[str], FileFacts | None]) -> str | None:
    """Why a file is a script a development CLI runs: it imports that CLI's runtime by value
    (`import * as hre from 'hardhat'`) while the package keeps the CLI in devDependencies only, so
    nothing its production install starts can load it (a deploy script a plugin runs from `deploy/`)."""
    facts = facts_of(path)
    for imp in facts.imports if facts is not None and not facts.skipped else ():
        runtime = _SCRIPT_RUNTIMES.get(imp.specifier)
        if runtime is not None and imp.kind in _LOADS and not imp.type_only and manifest.declared(imp.specifier) == "devDependencies":
            return f"a script {runtime} runs: it imports `{imp.specifier}`, which the package keeps in devDependencies"
    return None


def _commands_folder(manifest: Manifest) -> str | None:
    """The source folder of the commands oclif discovers (`"commands": "./dist/commands"`, or
    `{"strategy": "pattern", "target": ...}`): the folder itself when it holds source, else the
    same path under `src/` or without the build folder."""
    oclif = manifest.data.get("oclif")
    commands = oclif.get("commands") if isinstance(oclif, dict) else None
    if isinstance(commands, dict) and commands.get("strategy", "pattern") == "pattern":
        commands = commands.get("target")
    if not isinstance(commands, str):
        return None
    rel = os.path.normpath(commands).replace(os.sep, "/")
    if rel.startswith("../") or os.path.isabs(rel):
        return None
    top, _, rest = rel.partition("/")
    candidates = [rel] + ([f"src/{rest}", rest] if top in _BUILT_TOPS and rest else [])
    return next((os.path.join(manifest.dir, c) for c in candidates if os.path.isdir(os.path.join(manifest.dir, c))), None)


def _launchers(manifest: Manifest) -> list[str]:
    """The files the package's `bin` names, as paths."""
    return [os.path.normpath(os.path.join(manifest.dir, t)) for t in bin_targets(manifest.data)]


def _dev_launcher(manifest: Manifest, facts_of: Callable[[str], FileFacts | None]) -> tuple[str, str] | None:
    """(launcher file, the devDependency it loads) of the package's first `bin` whose launcher, a
    file in the repository, loads a package declared in devDependencies and no runtime section."""
    dev = manifest.section("devDependencies")
    for launcher in _launchers(manifest):
        facts = facts_of(launcher) if os.path.isfile(launcher) else None
        for imp in facts.imports if facts is not None else ():
            package = package_name(imp.specifier) if imp.kind in _LOADS and not imp.type_only else None
            if package in dev and not any(package in manifest.section(s) for s in _RUNTIME_SECTIONS):
                return os.path.relpath(launcher, manifest.dir).replace(os.sep, "/"), package
    return None
