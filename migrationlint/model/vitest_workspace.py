"""A vitest workspace file (`vitest.workspace.ts`, `vitest.projects.ts`) read as data: which projects a
run in its folder runs.

`export default ['packages/**/vitest.config.{mts,ts}']` (or the same array given to
`defineWorkspace`): a plain `vitest run` there runs those projects only, each with its own selection,
so a spec outside every project's folder (an orphan snippet in `docs/`) is run by nothing. Entries
are globs of project configs or of project folders (a folder without a config runs vitest's
defaults); an inline project object, a negated glob or anything computed leaves the workspace
unread, and every file may run.
"""

from __future__ import annotations

import os
from functools import lru_cache

from tree_sitter import Node

from migrationlint.extract import parsing
from migrationlint.globs import compile_glob
from migrationlint.model.stamped_reads import read_by_stamp

_PROJECT_CONFIGS = ("vitest.config.", "vite.config.")


def project_folder(workspace: str, path: str) -> tuple[str | None, bool]:
    """(the folder of the workspace's project that holds the file at `path`, or None when no project
    does; whether the workspace could be read at all)."""
    globs = read_by_stamp(workspace, _read_globs)
    if globs is None:
        return None, False
    top = os.path.dirname(workspace)
    patterns = [compile_glob(g.removeprefix("./").rstrip("/")) for g in globs]
    directory = os.path.dirname(path)
    while directory.startswith(top + os.sep):
        rel = os.path.relpath(directory, top).replace(os.sep, "/")
        configs = [f"{rel}/{n}" for n in folder_names(directory) if n.startswith(_PROJECT_CONFIGS)]
        if any(p.match(rel) or any(p.match(c) for c in configs) for p in patterns):
            return directory, True
        directory = os.path.dirname(directory)
    return None, True


def folder_names(directory: str) -> list[str]:
    """The entries of `directory` ([] when it cannot be listed)."""
    try:
        return os.listdir(directory)
    except OSError:
        return []


@lru_cache(maxsize=16)
def _read_globs(path: str, mtime_ns: int, size: int) -> tuple[str, ...] | None:
    """The workspace's entries when every one is a string literal (read once per version of the file)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    root = parsing.parse(data, path if not path.endswith((".js", ".mjs", ".cjs")) else path + ".ts").root_node
    array = next((a for s in root.named_children if s.type == "export_statement" and b"default" in (s.text or b"")
                  for a in [_array_of(s.named_children[-1] if s.named_children else None)] if a is not None), None)
    if array is None:
        return None
    items = [c for c in array.named_children if c.type != "comment"]
    if not items or any(c.type != "string" for c in items):
        return None
    globs = tuple(parsing.string_value(c) or "" for c in items)
    return None if any(not g or g.startswith("!") for g in globs) else globs


def _array_of(node: Node | None) -> Node | None:
    """The array literal a default export is, or gives `defineWorkspace(...)` as its first argument."""
    if node is not None and node.type == "call_expression":
        args = node.child_by_field_name("arguments")
        node = args.named_children[0] if args is not None and args.named_children else None
    return node if node is not None and node.type == "array" else None
