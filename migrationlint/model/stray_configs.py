"""The tsconfig that compiles a file with no tsconfig.json in any folder above it.

Such a file is still compiled when a role config above it includes it (`tsconfig.backend.prod.json`,
which a script passes to `tsc --project`, or a Nest library's `tsconfig.lib.json`), or when the
tsconfig of a neighbouring folder reaches over to it (`"include": ["src", "../shared/src"]` in
`packages/app/tsconfig.json` for `packages/shared/src/x.ts`): that config's `paths` are the
file's aliases and its options the file's checks. Only the folders on the file's way up to the
workspace root and their direct subfolders are looked at, each listed once.
"""

from __future__ import annotations

import os
from typing import Iterator, Protocol

from migrationlint.model.folders_above import folders_up_to


class TsConfig(Protocol):
    """What is read of a tsconfig here (model/tsconfig.py's TsConfig, which imports this module)."""

    error: str | None
    include: list[str] | None
    files: list[str] | None

    def covers(self, file_path: str) -> bool: ...


class TsConfigIndex(Protocol):
    """What is asked of the index of tsconfigs (model/tsconfig.py's TsConfigIndex)."""

    root: str

    def named_configs(self, directory: str) -> list[str]: ...

    def config(self, path: str) -> TsConfig: ...

_NOT_PROJECTS = frozenset({"node_modules", "dist", "build", "out", "coverage"})


def named_config_above(index: TsConfigIndex, file_path: str) -> TsConfig | None:
    """The first `tsconfig.<name>.json` in a folder between the file and the workspace root, nearest
    first, that compiles it (one with an `include` or `files` of its own that covers it)."""
    return next(named_configs_above(index, file_path), None)


def named_configs_above(index: TsConfigIndex, file_path: str) -> Iterator[TsConfig]:
    """Every `tsconfig.<name>.json` between the file and the workspace root that compiles it, nearest first."""
    for directory in folders_up_to(index.root, file_path):
        for named in index.named_configs(directory):
            cfg = index.config(named)
            if _compiles(cfg, file_path):
                yield cfg


def config_from_elsewhere(index: TsConfigIndex, file_path: str, children: dict[str, list[str]]) -> TsConfig | None:
    """For a file no tsconfig.json above covers: a role config above it that compiles it, else the
    config of a direct subfolder of a folder on its way up whose `include` reaches it. `children`
    memoizes each folder's subfolder configs for the index."""
    found = named_config_above(index, file_path)
    if found is not None:
        return found
    for directory in folders_up_to(index.root, file_path):
        configs = children.get(directory)
        if configs is None:
            configs = children[directory] = _subfolder_configs(index, directory)
        for path in configs:
            cfg = index.config(path)
            if _compiles(cfg, file_path):
                return cfg
    return None


def _compiles(cfg: TsConfig, file_path: str) -> bool:
    return cfg.error is None and (cfg.include is not None or cfg.files is not None) and cfg.covers(file_path)


def _subfolder_configs(index: TsConfigIndex, directory: str) -> list[str]:
    """The tsconfig.json and `tsconfig.<name>.json` files of `directory`'s direct subfolders."""
    try:
        entries = sorted(e.name for e in os.scandir(directory) if e.is_dir() and not e.name.startswith("."))
    except OSError:
        return []
    found = []
    for name in entries:
        if name in _NOT_PROJECTS:
            continue
        child = os.path.join(directory, name)
        own = os.path.join(child, "tsconfig.json")
        found += ([own] if os.path.isfile(own) else []) + index.named_configs(child)
    return found
