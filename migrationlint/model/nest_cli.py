"""nest-cli.json, read as data: the Nest CLI's projects (apps and libraries of a monorepo)."""

from __future__ import annotations

import json
import os
from typing import Iterator

NEST_CLI = "nest-cli.json"


def read_nest_cli(directory: str) -> object | None:
    """The parsed nest-cli.json of `directory`; None when there is none or it is no valid JSON."""
    try:
        with open(os.path.join(directory, NEST_CLI), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def library_roots(directory: str) -> frozenset[str]:
    """The folders of the library projects (`"type": "library"`) of a monorepo-mode nest-cli.json in
    `directory`: code the apps compile into their own builds through tsconfig `paths`, never built
    or installed as a package of its own by the Nest CLI."""
    data = read_nest_cli(directory)
    projects = data.get("projects") if isinstance(data, dict) else None
    if not isinstance(projects, dict) or not (data.get("monorepo") or projects):
        return frozenset()
    return frozenset(os.path.normpath(os.path.join(directory, p["root"])) for p in projects.values()
                     if isinstance(p, dict) and p.get("type") == "library" and isinstance(p.get("root"), str))


def application_roots(directory: str) -> frozenset[str]:
    """The folders of the application projects of a monorepo-mode nest-cli.json in `directory`:
    apps the Nest CLI builds from that folder (`nest build api`), into that folder's `dist/`, with
    that folder's install."""
    data = read_nest_cli(directory)
    projects = data.get("projects") if isinstance(data, dict) else None
    if not isinstance(projects, dict):
        return frozenset()
    return frozenset(os.path.normpath(os.path.join(directory, p["root"])) for p in projects.values()
                     if isinstance(p, dict) and p.get("type", "application") == "application"
                     and isinstance(p.get("root"), str))


def nest_entries(directory: str) -> Iterator[tuple[str, str]]:
    """(target relative to the folder, origin) of each application project's entry: its
    `sourceRoot` and `entryFile` (libraries ship only as far as an application reaches them)."""
    data = read_nest_cli(directory)
    if not isinstance(data, dict):
        return
    projects = data.get("projects") if isinstance(data.get("projects"), dict) else {}
    for cfg in [data, *projects.values()]:
        # a library project ships only as far as an application's main reaches it
        if isinstance(cfg, dict) and cfg.get("type") != "library":
            root = source_root(cfg, data, cfg.get("sourceRoot") if isinstance(cfg.get("sourceRoot"), str) else "src")
            entry = cfg.get("entryFile") if isinstance(cfg.get("entryFile"), str) else "main"
            yield f"{root}/{entry}", "nest-cli.json"
            for inside in _from_raised_root_dir(directory, entry):
                yield inside, "nest-cli.json"


def entries_from_above(directory: str, levels: int = 4) -> Iterator[tuple[str, str]]:
    """(target relative to `directory`, origin) of the entry of an application project whose `root` is
    `directory`, in the nearest nest-cli.json of a folder above it (a workspace package `apps/api`
    that the root's nest-cli.json builds as its app `api`)."""
    for folder in _ancestors(directory, levels):
        data = read_nest_cli(folder)
        if data is None:
            continue
        projects = data.get("projects") if isinstance(data, dict) and isinstance(data.get("projects"), dict) else {}
        for cfg in projects.values():
            if isinstance(cfg, dict) and cfg.get("type", "application") == "application" and isinstance(cfg.get("root"), str) \
                    and os.path.normpath(os.path.join(folder, cfg["root"])) == directory:
                source = source_root(cfg, data, cfg["sourceRoot"]) if isinstance(cfg.get("sourceRoot"), str) \
                    else f"{cfg['root']}/src"
                entry = cfg.get("entryFile") if isinstance(cfg.get("entryFile"), str) else "main"
                yield os.path.relpath(os.path.join(folder, source, entry), directory), f"{os.path.relpath(folder, directory)}/nest-cli.json"
        return


def source_root(project: dict, data: dict, written: str) -> str:
    """A project's `sourceRoot` as the Nest CLI reads it (relative to the nest-cli.json folder): below
    the folder of the project's `tsConfigPath` unless it already names that folder, so that
    `"sourceRoot": "./"` beside `"tsConfigPath": "apps/payment/tsconfig.app.json"` is `apps/payment`."""
    options = [o for o in (project.get("compilerOptions"), data.get("compilerOptions")) if isinstance(o, dict)]
    config = next((o["tsConfigPath"] for o in options if isinstance(o.get("tsConfigPath"), str)), None)
    folder = os.path.dirname(os.path.normpath(config)) if config else ""
    if folder in ("", ".") or folder in os.path.normpath(written):  # the CLI's test is a substring's
        return written
    return os.path.normpath(os.path.join(folder, written)).replace(os.sep, "/")


def _from_raised_root_dir(directory: str, entry: str, levels: int = 4) -> Iterator[str]:
    """`entryFile: "api/src/main"`: when the app compiles files from outside its folder (a shared
    folder through a path alias), tsc's rootDir rises to their common ancestor and the built main
    lands at `dist/api/src/main.js`, so the entry names the path from that ancestor. Yields it
    relative to the package folder (`src/main`) for each ancestor whose path to the folder starts it."""
    for ancestor in _ancestors(directory, levels):
        prefix = os.path.relpath(directory, ancestor).replace(os.sep, "/") + "/"
        if entry.startswith(prefix):
            yield entry[len(prefix):]


def _ancestors(directory: str, levels: int) -> Iterator[str]:
    """The folders above `directory`, nearest first, at most `levels` of them."""
    folder = directory
    for _ in range(levels):
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent
        yield folder
