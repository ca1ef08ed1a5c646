"""The scripts a pm2 ecosystem file starts, read as data (never run).

A repository that deploys one image of the workspace root often starts each service with
`pm2-runtime start ecosystem.config.js`: the file's `apps` name each process's `script` (built
code, `packages/api/dist/main.js`), relative to the app's `cwd` or the file's folder. Those
packages are services started in that image, as a start script or a Dockerfile of their own
would say (entry_points). JSON ecosystem files are read with json; JavaScript ones are parsed with
tree-sitter and only string literals under `script` and `cwd` keys are read.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache

from tree_sitter import Node

from migrationlint.extract import parsing

ECOSYSTEM_FILES = ("ecosystem.config.js", "ecosystem.config.cjs", "ecosystem.config.mjs", "ecosystem.config.json",
                   "ecosystem.json", "pm2.json", "process.json")
_MAX_BYTES = 256 * 1024
_APP = "(object (pair key: (property_identifier) @key value: [(string) (call_expression)] @value)) @app"
_PATH_CALLS = frozenset({"path.resolve", "path.join", "resolve", "join"})


def pm2_scripts(directory: str) -> tuple[str, ...]:
    """Absolute paths of the scripts the ecosystem files in `directory` start."""
    try:
        stamp = os.stat(directory).st_mtime_ns
    except OSError:
        return ()
    found: list[str] = []
    for name in _ecosystem_files(directory, stamp):
        path = os.path.join(directory, name)
        try:
            st = os.stat(path)
        except OSError:
            continue
        found += _scripts(path, st.st_mtime_ns, st.st_size)
    return tuple(found)


@lru_cache(maxsize=1024)
def _ecosystem_files(directory: str, stamp: int) -> tuple[str, ...]:
    """The ecosystem file names present in `directory` (as of its modification `stamp`), listed
    once: every package asks for the folders above it, which they share."""
    try:
        names = set(os.listdir(directory))
    except OSError:
        return ()
    return tuple(n for n in ECOSYSTEM_FILES if n in names)


@lru_cache(maxsize=64)
def _scripts(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    if size > _MAX_BYTES:
        return ()
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return ()
    apps = _json_apps(data) if path.endswith(".json") else _code_apps(data)
    base = os.path.dirname(path)
    return tuple(os.path.normpath(os.path.join(base, cwd or "", script)) for script, cwd in apps)


def _json_apps(data: bytes) -> list[tuple[str, str | None]]:
    try:
        parsed = json.loads(data)
    except ValueError:
        return []
    apps = parsed.get("apps") if isinstance(parsed, dict) else None
    return [(a["script"], a.get("cwd") if isinstance(a.get("cwd"), str) else None)
            for a in apps if isinstance(a, dict) and isinstance(a.get("script"), str)] if isinstance(apps, list) else []


def _code_apps(data: bytes) -> list[tuple[str, str | None]]:
    """(script, cwd) of every object literal with a string `script` key."""
    if b"script" not in data:
        return []
    root = parsing.parser("ts").parse(data).root_node
    apps: dict[int, dict[str, str]] = {}
    for _, m in parsing.cursor("ts", _APP).matches(root):
        key = parsing.text(m["key"][0])
        value = _path_value(m["value"][0])
        if key in ("script", "cwd") and value is not None:
            apps.setdefault(m["app"][0].start_byte, {})[key] = value
    return [(a["script"], a.get("cwd")) for _, a in sorted(apps.items()) if "script" in a]


def _path_value(node: Node) -> str | None:
    """A string literal, or `path.resolve(__dirname, 'apps/api')` / `path.join(...)` of literals
    after `__dirname`, as a path relative to the file's folder; None for anything computed."""
    if node.type == "string":
        return parsing.string_value(node)
    callee = node.child_by_field_name("function")
    args = node.child_by_field_name("arguments")
    if callee is None or args is None or parsing.text(callee) not in _PATH_CALLS:
        return None
    parts = [a for a in args.named_children if a.type != "comment"]
    if not parts or parts[0].type != "identifier" or parsing.text(parts[0]) != "__dirname":
        return None
    values = [parsing.string_value(a) if a.type == "string" else None for a in parts[1:]]
    return os.path.join(".", *values) if all(v is not None for v in values) else None
