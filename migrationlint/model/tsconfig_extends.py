"""Which file a tsconfig `extends` value names, as tsc finds it, without node_modules where it can.

A relative or absolute path names a file (with or without `.json`); a package name is looked up in
node_modules folders upward (`@tsconfig/node20`, `@tsconfig/node20/tsconfig.json`, or the package's
`tsconfig` field). Without node_modules, a workspace package of that name stands in: the package
manager links it there, so tsc reads the member's file (through its package.json `exports` where
that maps the subpath, as TypeScript 5 does); that holds for a relative path through a
node_modules folder as well (`./node_modules/<rig>/profiles/default/tsconfig.json`, a Rush rig).
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.model.jsonc import load_jsonc
from migrationlint.model.packages import is_relative, package_name

CONFIG_NAME = "tsconfig.json"

MemberDir = Callable[[str], "str | None"]  # a workspace package's name -> its folder (None: no such member)


def find_extended(spec: str, from_dir: str, member_dir: MemberDir | None = None) -> str | None:
    """The file an `extends` value names: a relative/absolute path or a package in node_modules
    (`@tsconfig/node20/tsconfig.json`, `@tsconfig/node20`, or a package's `tsconfig` field), else,
    without node_modules, a workspace package of that name (`@acme/tsconfig/app.json`): the package
    manager links it there, so tsc reads the member's file."""
    found = _find_extended(spec, from_dir)
    if found is not None or member_dir is None:
        return found
    if is_relative(spec) or os.path.isabs(spec):  # `./node_modules/<rig>/x.json`: a linked member's file
        _, mark, linked = spec.replace(os.sep, "/").rpartition("node_modules/")
        return find_extended(linked, from_dir, member_dir) if mark and linked else None
    name = package_name(spec)
    folder = member_dir(name) if name else None
    if folder is None or not name:
        return None
    sub = spec[len(name) + 1:]
    return _exported(folder, sub) or _in_folder(os.path.join(folder, sub) if sub else folder)


def _exported(folder: str, sub: str) -> str | None:
    """The file the member's package.json `exports` maps the subpath to (`"./config/tsconfig-base":
    "./src/config/tsconfig.base.json"`), as TypeScript 5 reads an `extends` through `exports`."""
    manifest, _ = load_jsonc(os.path.join(folder, "package.json"))
    exports = manifest.get("exports") if isinstance(manifest, dict) else None
    target = exports.get("./" + sub if sub else ".") if isinstance(exports, dict) else None
    if isinstance(target, dict):  # conditions: the first string among them
        target = next((v for v in target.values() if isinstance(v, str)), None)
    path = os.path.normpath(os.path.join(folder, target)) if isinstance(target, str) else None
    return path if path is not None and os.path.isfile(path) else None


def _find_extended(spec: str, from_dir: str) -> str | None:
    if is_relative(spec) or os.path.isabs(spec):
        base = os.path.normpath(os.path.join(from_dir, spec))
        for c in (base, base + ".json"):
            if os.path.isfile(c):
                return c
        return None
    directory = from_dir
    while True:
        modules = os.path.join(directory, "node_modules")
        if os.path.isdir(modules):
            found = _in_package(modules, spec)
            if found:
                return found
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _in_package(modules: str, spec: str) -> str | None:
    return _in_folder(os.path.join(modules, spec))


def _in_folder(base: str) -> str | None:
    """The config at `base` (a file, with or without `.json`), or of the package folder `base`."""
    for c in (base, base + ".json"):
        if os.path.isfile(c):
            return c
    if os.path.isdir(base):
        manifest, _ = load_jsonc(os.path.join(base, "package.json"))
        field_value = manifest.get("tsconfig")
        if isinstance(field_value, str):
            c = os.path.normpath(os.path.join(base, field_value))
            if os.path.isfile(c):
                return c
        c = os.path.join(base, CONFIG_NAME)
        if os.path.isfile(c):
            return c
    return None


def written_by_a_tool(path: str) -> bool:
    """Whether a `.gitignore` of the missing file's folder or of a folder above (up to 6) lists its
    name (`tsconfig.base.effective.json`, `/tsconfig.generated.json`): a file a script writes, which a
    fresh checkout lacks. Read as names, not as full gitignore patterns: enough to tell a generated
    config from a broken path."""
    name = os.path.basename(path)
    folder = os.path.dirname(path)
    for _ in range(6):
        try:
            with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as fh:
                lines = {line.strip().lstrip("/") for line in fh.read(64 * 1024).splitlines()}
        except OSError:
            lines = set()
        if name in lines or os.path.relpath(path, folder).replace(os.sep, "/") in lines:
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent
    return False
