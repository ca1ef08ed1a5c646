"""Paths -> the TypeScript files to lint.

Honours `.gitignore` files at every level as git does (ignore_spec.py), always skips dependency and build output
folders and packages copied out of an install (`installed_copy`), and applies the configuration's `exclude`
patterns. Files named explicitly always count.
Symlinked directories are not followed (no loops, nothing outside the tree).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

from migrationlint.model.ignore_spec import IgnoreSpec, compile_lines
from migrationlint.model.manifest_peek import peek_object
from migrationlint.extract.parsing import TS_SUFFIXES

ALWAYS_SKIPPED = frozenset({"node_modules", "dist", "build", "coverage", ".git", ".migrationlint_cache", ".hg", ".svn"})
# build output's usual names, which inside a source folder name source code instead (a CLI's
# `src/build/` module, a Nest service's `src/core/build/` feature): tsc compiles those
OUTPUT_NAMES = frozenset({"dist", "build", "coverage"})
# Default excludes (gitignore-style), documented in the README: code-transform test fixtures, the
# input/output snapshot pairs a codemod test reads as text and never compiles (jscodeshift's
# `__testfixtures__`, `<name>.input.ts`/`<name>.output.ts` under a fixtures folder). Their imports
# name files of the codebase being transformed, not of this one. Likewise `__snapshots__` folders: a
# code generator's expected output (`toMatchFileSnapshot`), copies compared as text from elsewhere.
DEFAULT_EXCLUDES = (
    "**/__testfixtures__/**", "**/__snapshots__/**",
    "**/fixtures/**/*.input.*", "**/fixtures/**/*.output.*",
    "**/__fixtures__/**/*.input.*", "**/__fixtures__/**/*.output.*",
)


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)  # absolute paths, sorted
    explicit: set[str] = field(default_factory=set)  # files named on the command line
    missing: list[str] = field(default_factory=list)  # paths that do not exist
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, reason) unreadable dirs


def _spec(lines: list[str]) -> IgnoreSpec:
    return compile_lines(lines)


def _read_gitignore(directory: str) -> IgnoreSpec | None:
    path = os.path.join(directory, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    return _spec(lines) if lines else None


def _ancestor_ignores(directory: str, stop: str | None, stamps=None) -> list[tuple[str, IgnoreSpec]]:
    """.gitignore files above the walked directory, up to the repository root or `stop`."""
    found = []
    for parent in _parents(directory):
        if stamps is not None:  # a .gitignore or .git created or removed there, or the .gitignore edited
            stamps.add(os.path.join(parent, ".gitignore"))
            stamps.presence(os.path.join(parent, ".git"))
        spec = _read_gitignore(parent)
        if spec is not None:
            found.append((parent, spec))
        if os.path.exists(os.path.join(parent, ".git")) or (stop and parent == stop):
            break
    return list(reversed(found))


def _parents(directory: str) -> list[str]:
    """The folders above the absolute path `directory`, nearest first, up to the filesystem root."""
    out = []
    current = directory
    while (parent := os.path.dirname(current)) != current:
        out.append(parent)
        current = parent
    return out


def discover(paths: list[str], exclude: list[str] | None = None, exclude_root: str | None = None,
             cache_dir: str | None = None) -> Discovery:
    """Every lintable file under `paths`, sorted, with explicit files and missing paths noted.
    With a cache directory, a run over directories reuses the last identical discovery while no
    directory it listed and no .gitignore it read changed (stamped_record.py)."""
    tops = [os.path.abspath(p) for p in paths]
    if cache_dir is None or not tops or not all(os.path.isdir(p) for p in tops):
        return _discover(paths, exclude, exclude_root, None)
    from migrationlint.model import stamped_record

    path, ident = _record(tops, exclude, exclude_root, cache_dir)
    found = stamped(tops, exclude, exclude_root, cache_dir)
    if found is not None:
        return found
    stamps = stamped_record.Stamps(ALWAYS_SKIPPED - OUTPUT_NAMES)  # a `src/build` is listed
    result = _discover(paths, exclude, exclude_root, stamps)
    if not result.problems:  # an unreadable directory may become readable with no stamp changed
        stamped_record.store(path, _MAGIC, ident, stamps, result)
    return result


_MAGIC = b"migrationlint-discovery 5\n"


def stamped(tops: list[str], exclude: list[str] | None, exclude_root: str | None, cache_dir: str) -> Discovery | None:
    """The stored discovery of these directories when it still holds, without walking: a run over
    a few files takes their packages' file lists from the last run over the tree."""
    from migrationlint.model import stamped_record

    path, ident = _record(tops, exclude, exclude_root, cache_dir)
    found = stamped_record.load(path, _MAGIC, ident)
    return found if isinstance(found, Discovery) else None


def _record(tops: list[str], exclude: list[str] | None, exclude_root: str | None, cache_dir: str) -> tuple[str, tuple]:
    from migrationlint import __version__
    from migrationlint.model import stamped_record

    ident = (__version__, tops, exclude_patterns(exclude), exclude_root, sorted(ALWAYS_SKIPPED), "src output names",
             TS_SUFFIXES)
    return stamped_record.record_path(cache_dir, "discovery", ident), ident


def _discover(paths: list[str], exclude: list[str] | None, exclude_root: str | None, stamps) -> Discovery:
    result = Discovery()
    exclude_spec = _spec(exclude_patterns(exclude))
    seen: set[str] = set()
    for raw in paths:
        p = os.path.abspath(raw)
        if not os.path.exists(p):
            result.missing.append(raw)
            continue
        if os.path.isfile(p):
            if p not in seen:
                seen.add(p)
                result.files.append(p)
                result.explicit.add(p)
            continue
        for f in _walk(p, exclude_spec, exclude_root, result, stamps):
            if f not in seen:
                seen.add(f)
                result.files.append(f)
    result.files.sort()
    return result


def exclude_patterns(exclude: list[str] | None) -> list[str]:
    """The default excludes followed by the configured ones."""
    return [*DEFAULT_EXCLUDES, *(exclude or [])]


def _excluded(path: str, is_dir: bool, ignores: list[tuple[str, IgnoreSpec]]) -> bool:
    """Whether git ignores the entry at `path`, given the .gitignore files above it (shallowest
    first): the deepest file with a pattern that names the entry decides (ignore_spec.py)."""
    for base, spec in reversed(ignores):
        prefix = base.rstrip(os.sep) + os.sep
        if path.startswith(prefix):
            decision = spec.decide(path[len(prefix):].replace(os.sep, "/"), is_dir)
            if decision is not None:
                return decision
    return False


def excluded_by_config(path: str, is_dir: bool, exclude: tuple[str, IgnoreSpec]) -> bool:
    """Whether the configuration's `exclude` patterns (relative to `exclude[0]`) name the entry;
    no .gitignore can take that back."""
    base, spec = exclude
    prefix = base.rstrip(os.sep) + os.sep
    return path.startswith(prefix) and spec.ignores(path[len(prefix):].replace(os.sep, "/"), is_dir)


def entry_ignored(path: str, is_dir: bool, ignores: list[tuple[str, IgnoreSpec]], exclude: tuple[str, IgnoreSpec]) -> bool:
    """Whether a walk leaves out the entry: ignored by git, or excluded by the configuration."""
    return _excluded(path, is_dir, ignores) or excluded_by_config(path, is_dir, exclude)


def ignored_on_the_way(path: str, is_dir: bool, ignores: list[tuple[str, IgnoreSpec]]) -> bool:
    """Whether `path`, or a folder between the shallowest .gitignore's folder and it, is ignored:
    git lists nothing under an ignored folder, so nothing there can be kept again."""
    if not ignores:
        return False
    top = ignores[0][0].rstrip(os.sep)
    if not path.startswith(top + os.sep):
        return False
    current = top
    parts = path[len(top) + 1:].split(os.sep)
    for i, part in enumerate(parts):
        current = current + os.sep + part
        if _excluded(current, is_dir or i < len(parts) - 1, ignores):
            return True
    return False


def skipped_folder(path: str) -> bool:
    """Whether a folder is never walked for lintable files: dependencies, version control, the cache,
    and build output (`dist`, `build`, `coverage`) but below a `src` folder, where they are source."""
    name = os.path.basename(path)
    if name not in ALWAYS_SKIPPED:
        return False
    return name not in OUTPUT_NAMES or f"{os.sep}src{os.sep}" not in os.path.dirname(path) + os.sep


def _walk(top: str, exclude_spec, exclude_root: str | None, result: Discovery, stamps=None):
    """Lintable files under `top`; `stamps`, when given, collects what vouches for the answer."""
    base_ignores = _ancestor_ignores(top, exclude_root, stamps)
    exclude = (exclude_root or top, exclude_spec)
    if ignored_on_the_way(top, True, base_ignores) or excluded_by_config(top, True, exclude):
        return  # the user named a folder that git (or the configuration) leaves out
    stack: list[tuple[str, list]] = [(top, base_ignores)]
    while stack:
        directory, ignores = stack.pop()
        own = _read_gitignore(directory)
        if own is not None:
            ignores = ignores + [(directory, own)]
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            result.problems.append((directory, f"cannot read directory: {exc.strerror}"))
            continue
        if stamps is not None:
            stamps.add(directory, {e.name for e in entries})
            stamps.add(os.path.join(directory, ".gitignore"))
        if directory != top and any(e.name == "package.json" for e in entries):
            if stamps is not None:
                stamps.add(os.path.join(directory, "package.json"))
            if installed_copy(directory):
                continue
        subdirs = []
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                if skipped_folder(entry.path) or entry_ignored(entry.path, True, ignores, exclude):
                    continue
                subdirs.append(entry.path)
            elif is_file and name.endswith(TS_SUFFIXES):
                if entry.is_symlink():
                    if stamps is not None:
                        stamps.racy = True  # where a link points is in no stamp
                    real = os.path.realpath(entry.path)
                    if not real.startswith(os.path.realpath(top) + os.sep):
                        continue  # never lint (or write) a file outside the tree through a link
                if not entry_ignored(entry.path, False, ignores, exclude):
                    yield entry.path
        for d in reversed(subdirs):
            stack.append((d, ignores))


def installed_copy(directory: str) -> bool:
    """Whether the folder holds a package copied out of an install: its package.json keeps the record
    npm wrote when it installed it (`"_id": "<name>@<version>"`, with `_resolved`, `_from` and the
    like). Like node_modules, its code is another project's, published as it is: no finding there is
    the repository's to act on (a tool's preview app committed by mistake, a vendored package)."""
    data = peek_object(directory, b'"_id"')
    return data is not None and isinstance(data.get("name"), str) and data.get("_id") == f"{data['name']}@{data.get('version')}"


@lru_cache(maxsize=4096)
def _cached_gitignore(directory: str, stamp: int | None) -> IgnoreSpec | None:
    return _read_gitignore(directory) if stamp is not None else None


def _gitignore_at(directory: str) -> IgnoreSpec | None:
    """The .gitignore of `directory`, re-read when it changes (a server process lives long)."""
    try:
        stamp: int | None = os.stat(os.path.join(directory, ".gitignore")).st_mtime_ns
    except OSError:
        stamp = None
    return _cached_gitignore(directory, stamp)


def git_ignored(path: str, root: str, is_dir: bool = False) -> bool:
    """Whether `path` (which need not exist; a folder when `is_dir`, as a folder-only pattern
    `generated/` asks) is matched by a .gitignore between `root` and it: build output (`lib/`,
    `/package`) and generated files that a fresh checkout does not have."""
    if not os.path.isabs(path):
        return False  # no file-system path (a `#name` no `imports` entry maps)
    rel_dir = os.path.relpath(os.path.dirname(path), root)
    if rel_dir.startswith(".."):
        return False
    directories = [root]
    if rel_dir != ".":
        for part in rel_dir.split(os.sep):
            directories.append(os.path.join(directories[-1], part))
    ignores = [(directory, spec) for directory in directories if (spec := _gitignore_at(directory)) is not None]
    return ignored_on_the_way(path, is_dir, ignores)
