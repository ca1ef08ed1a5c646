"""tsconfig.json reading: JSONC, `extends` chains, and which tsconfig covers a file.

Only what module resolution needs is kept (paths, baseUrl, outDir, rootDir, include, files,
exclude), each path already made absolute against the config that defined it, because that is
how TypeScript interprets an inherited `paths` or `outDir`. Files are parsed as JSON5 (comments,
trailing commas); a config that cannot be read counts as absent, never as an error of the run.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

import json5

from migrationlint.globs import match

CONFIG_NAME = "tsconfig.json"
_MAX_EXTENDS = 16
_DEFAULT_EXCLUDES = ("node_modules", "bower_components", "jspm_packages")


@dataclass
class TsConfig:
    """The effective options of one tsconfig.json after its `extends` chain.

    `paths` keeps the key order of the file (TypeScript breaks ties between equally long
    patterns by order). `paths_base` is the directory the `paths` targets are relative to:
    `baseUrl` when set, else the directory of the config that declared `paths`.
    """

    path: str
    base_url: str | None = None
    paths: dict[str, list[str]] = field(default_factory=dict)
    paths_base: str | None = None
    out_dir: str | None = None
    root_dir: str | None = None
    include: list[str] | None = None  # absolute patterns
    files: list[str] | None = None  # absolute paths
    exclude: list[str] | None = None  # absolute patterns
    error: str | None = None

    @property
    def dir(self) -> str:
        return os.path.dirname(self.path)

    def covers(self, file_path: str) -> bool:
        """Whether `file_path` is part of this config's program (files, include minus exclude)."""
        if self.files is not None and file_path in self.files:
            return True
        if self.include is None:
            patterns = [] if self.files is not None else [os.path.join(self.dir, "**/*")]
        else:
            patterns = self.include
        if not any(_glob_match(p, file_path) for p in patterns):
            return False
        excludes = self.exclude
        if excludes is None:
            excludes = [os.path.join(self.dir, d) for d in _DEFAULT_EXCLUDES]
            if self.out_dir:
                excludes.append(self.out_dir)
        return not any(_glob_match(p, file_path) or _glob_match(p + "/**/*", file_path) for p in excludes)


def _glob_match(pattern: str, file_path: str) -> bool:
    """TypeScript include semantics: a pattern whose last segment has no wildcard and no dot is a
    directory (everything below it)."""
    pattern = pattern.replace(os.sep, "/")
    path = file_path.replace(os.sep, "/")
    last = pattern.rsplit("/", 1)[-1]
    if not any(ch in last for ch in "*?") and "." not in last:
        pattern = pattern.rstrip("/") + "/**/*"
    return match("/" + pattern.lstrip("/"), "/" + path.lstrip("/"))


def load_jsonc(path: str) -> tuple[dict, str | None]:
    """Parse a JSONC file: (data, error). Comments and trailing commas are fine."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            raw = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        return {}, f"cannot read {path}: {exc}"
    try:
        data = json.loads(raw)  # most configs are plain JSON: the C parser is 100x faster than json5
    except ValueError:
        data = None
    try:
        if data is None:
            data = json5.loads(raw)
    except ValueError as exc:
        return {}, f"invalid JSON in {path}: {exc}"
    return (data if isinstance(data, dict) else {}), None


def find_extended(spec: str, from_dir: str) -> str | None:
    """The file an `extends` value names: a relative/absolute path or a package in node_modules
    (`@tsconfig/node20/tsconfig.json`, `@tsconfig/node20`, or a package's `tsconfig` field)."""
    if spec.startswith((".", "/")) or os.path.isabs(spec):
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
    base = os.path.join(modules, spec)
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


def read_tsconfig(path: str, _seen: tuple[str, ...] = ()) -> TsConfig:
    """The effective config at `path`, with inherited options resolved (cycles are cut)."""
    cfg = TsConfig(path=path)
    data, error = load_jsonc(path)
    if error:
        cfg.error = error
        return cfg
    directory = os.path.dirname(path)
    extends = data.get("extends")
    if isinstance(extends, str):
        parents = [extends]
    else:
        parents = [e for e in extends if isinstance(e, str)] if isinstance(extends, list) else []
    for spec in parents:
        target = find_extended(spec, directory)
        if target is None or target in _seen or len(_seen) >= _MAX_EXTENDS:
            continue
        _inherit(cfg, read_tsconfig(target, _seen + (path,)))
    _apply(cfg, data, directory)
    return cfg


def _inherit(cfg: TsConfig, parent: TsConfig) -> None:
    for name in ("base_url", "paths_base", "out_dir", "root_dir", "include", "files", "exclude"):
        value = getattr(parent, name)
        if value is not None:
            setattr(cfg, name, value)
    if parent.paths:
        cfg.paths = dict(parent.paths)


def _apply(cfg: TsConfig, data: dict, directory: str) -> None:
    opts = data.get("compilerOptions")
    opts = opts if isinstance(opts, dict) else {}
    if isinstance(opts.get("baseUrl"), str):
        cfg.base_url = os.path.normpath(os.path.join(directory, opts["baseUrl"]))
    paths = opts.get("paths")
    if isinstance(paths, dict):
        cfg.paths = {k: [t for t in v if isinstance(t, str)] for k, v in paths.items() if isinstance(v, list)}
        cfg.paths_base = directory
    if cfg.base_url is not None:
        cfg.paths_base = cfg.base_url
    for key, attr in (("outDir", "out_dir"), ("rootDir", "root_dir")):
        if isinstance(opts.get(key), str):
            setattr(cfg, attr, os.path.normpath(os.path.join(directory, opts[key])))
    for key in ("include", "exclude"):
        value = data.get(key)
        if isinstance(value, list):
            setattr(cfg, key, [os.path.normpath(os.path.join(directory, p)) for p in value if isinstance(p, str)])
    if isinstance(data.get("files"), list):
        cfg.files = [os.path.normpath(os.path.join(directory, p)) for p in data["files"] if isinstance(p, str)]


class TsConfigIndex:
    """Reads each tsconfig once and answers "which tsconfig covers this file" per file."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._configs: dict[str, TsConfig] = {}
        self._covering: dict[str, TsConfig | None] = {}
        self._in_dir: dict[str, list[str]] = {}

    def config(self, path: str) -> TsConfig:
        cfg = self._configs.get(path)
        if cfg is None:
            cfg = self._configs[path] = read_tsconfig(path)
        return cfg

    def candidates(self, directory: str) -> list[str]:
        """tsconfig.json files at and above `directory`, nearest first, up to the workspace root."""
        found = self._in_dir.get(directory)
        if found is None:
            parent = os.path.dirname(directory)
            inside = (parent + os.sep).startswith(self.root.rstrip(os.sep) + os.sep)
            above = self.candidates(parent) if parent != directory and directory != self.root and inside else []
            here = os.path.join(directory, CONFIG_NAME)
            found = ([here] if os.path.isfile(here) else []) + above
            self._in_dir[directory] = found
        return found

    def covering(self, file_path: str) -> TsConfig | None:
        """The nearest tsconfig.json above `file_path` whose include/files cover it, else the nearest."""
        if file_path in self._covering:
            return self._covering[file_path]
        chain = self.candidates(os.path.dirname(file_path))
        chosen: TsConfig | None = None
        for path in chain:
            cfg = self.config(path)
            if cfg.error is None and cfg.covers(file_path):
                chosen = cfg
                break
        if chosen is None and chain:
            chosen = self.config(chain[0])
        self._covering[file_path] = chosen
        return chosen
