"""The workspace around the linted files: its root, package manifests and their dependencies.

Read once per run and cached per directory. Manifests are read as JSON only (never executed);
a manifest that does not parse is kept with its error so that rules can report it and skip it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property

DEP_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")
_WORKSPACE_MARKERS = ("pnpm-workspace.yaml", "lerna.json")


@dataclass
class Manifest:
    """One package.json. `data` is empty and `error` set when it could not be read."""

    path: str
    data: dict = field(default_factory=dict)
    error: str | None = None
    error_offset: int = 0
    text: str = ""

    @property
    def dir(self) -> str:
        return os.path.dirname(self.path)

    @property
    def name(self) -> str | None:
        name = self.data.get("name")
        return name if isinstance(name, str) else None

    def section(self, section: str) -> dict[str, str]:
        value = self.data.get(section)
        return {k: v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}

    def declared(self, package: str) -> str | None:
        """The section that declares `package`, or None."""
        for section in DEP_SECTIONS:
            if package in self.section(section):
                return section
        return None

    def range_of(self, package: str) -> str | None:
        for section in DEP_SECTIONS:
            rng = self.section(section).get(package)
            if rng is not None:
                return rng
        return None


def read_manifest(path: str) -> Manifest:
    """Read a package.json, keeping a parse error (with its byte offset) instead of raising."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return Manifest(path, error=f"cannot read: {exc.strerror}")
    text = raw.decode("utf-8", "replace")
    body = text[1:] if text.startswith("\ufeff") else text
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        offset = len(text[: exc.pos + (len(text) - len(body))].encode())
        return Manifest(path, error=f"invalid JSON: {exc.msg}", error_offset=offset, text=text)
    if not isinstance(data, dict):
        return Manifest(path, error="invalid manifest: the top level is not an object", text=text)
    return Manifest(path, data=data, text=text)


class Workspace:
    """Manifests and the workspace root around a set of linted files."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._manifests: dict[str, Manifest] = {}
        self._nearest: dict[str, str | None] = {}

    def manifest(self, path: str) -> Manifest:
        m = self._manifests.get(path)
        if m is None:
            m = read_manifest(path)
            self._manifests[path] = m
        return m

    def nearest_manifest_path(self, directory: str) -> str | None:
        """The package.json Node would use for a file in `directory` (nearest one above it)."""
        if directory in self._nearest:
            return self._nearest[directory]
        candidate = os.path.join(directory, "package.json")
        if os.path.isfile(candidate):
            found: str | None = candidate
        else:
            parent = os.path.dirname(directory)
            found = None if parent == directory else self.nearest_manifest_path(parent)
        self._nearest[directory] = found
        return found

    def manifest_for(self, file_path: str) -> Manifest | None:
        path = self.nearest_manifest_path(os.path.dirname(file_path))
        return self.manifest(path) if path else None

    @cached_property
    def root_manifest(self) -> Manifest | None:
        path = os.path.join(self.root, "package.json")
        return self.manifest(path) if os.path.isfile(path) else None

    def package_root(self, file_path: str) -> str:
        """The directory of the nearest manifest (the workspace root when there is none)."""
        path = self.nearest_manifest_path(os.path.dirname(file_path))
        return os.path.dirname(path) if path else self.root

    def typeorm_version(self, file_path: str) -> tuple[int, ...] | None:
        """The TypeORM version range the file's package declares, as its lowest version tuple."""
        for m in (self.manifest_for(file_path), self.root_manifest):
            if m is None:
                continue
            rng = m.range_of("typeorm")
            if rng:
                return parse_version(rng)
        return None


_VERSION = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?")


def parse_version(text: str) -> tuple[int, ...] | None:
    """The first version number in a range (`^0.3.20` -> (0, 3, 20)); None for tags and protocols."""
    if ":" in text and not text.startswith("npm:"):
        return None
    m = _VERSION.search(text)
    if m is None:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)


def find_root(start: str) -> str:
    """The workspace root for `start`: the nearest directory with a workspace definition, else the
    repository root (a `.git` entry), else the highest directory with a package.json."""
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    highest_pkg = None
    current = directory
    while True:
        if any(os.path.exists(os.path.join(current, m)) for m in _WORKSPACE_MARKERS):
            return current
        pkg = os.path.join(current, "package.json")
        if os.path.isfile(pkg):
            highest_pkg = current
            m = read_manifest(pkg)
            if "workspaces" in m.data:
                return current
        if os.path.exists(os.path.join(current, ".git")):
            return highest_pkg or current
        parent = os.path.dirname(current)
        if parent == current:
            return highest_pkg or directory
        current = parent
