"""The workspace around the linted files: its root, package manifests and their dependencies.

Read once per run and cached per directory. Manifests are read as JSON only (never executed);
a manifest that does not parse is kept with its error so that rules can report it and skip it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Mapping

from migrationlint.model.jsonc import loads
from migrationlint.model.lockfile_record import MANAGER_OF, Lockfile, Peers, peers_of
from migrationlint.model.lockfiles import find_lockfile, read_lockfile
from migrationlint.model.parsed_cache import ParsedCache
from migrationlint.model.manager_evidence import freshest_lockfile, lerna_client, volta_manager
from migrationlint.model.rush import rekeyed, rush_config, rush_lockfiles, rush_manager, rush_pinned
from migrationlint.model.workspace_definition import WORKSPACE_MARKERS, catalogs, declares_workspaces
from migrationlint.model.workspace_definition import member_globs as globs_of, split_member_globs

if TYPE_CHECKING:
    from migrationlint.model.image_files import Images
    from migrationlint.model.manifest_walk import PackageFolders

DEP_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


_SETTINGS_FILES = ((".yarnrc.yml", "yarn"), ("bunfig.toml", "bun"))  # without a lockfile (not yarn 1's .yarnrc: often left)

@dataclass
class Manifest:
    """One package.json. `data` is empty and `error` set when it could not be read."""

    path: str
    data: dict = field(default_factory=dict)
    error: str | None = None
    error_offset: int = 0
    text: str = ""
    _sections: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def dir(self) -> str:  # asked 57,000 times in a run over 7,000 files
        return os.path.dirname(self.path)

    @property
    def name(self) -> str | None:
        name = self.data.get("name")
        return name if isinstance(name, str) else None

    @property
    def unpublishable(self) -> bool:
        """Whether no registry takes the package as it stands, so that only this repository installs
        it: `"private": true`, or no `version` (npm, pnpm and yarn refuse to publish without one),
        no `publishConfig` (kept by a release tool that writes the version as it publishes) and no
        `"private": false` (said to be published). npm refuses any truthy `private`, the string `"true"` too."""
        data = self.data
        private = data.get("private")
        return private is True or private == "true" or (private is None and not isinstance(data.get("version"), str)
                                   and "publishConfig" not in data) or not _publishable_name(self.name)

    def section(self, section: str) -> dict[str, str]:
        """The string entries of a dependency section (computed once: rules ask per import)."""
        found = self._sections.get(section)
        if found is None:
            value = self.data.get(section)
            found = {k: v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}
            self._sections[section] = found
        return found

    @property
    def declares_any(self) -> bool:
        """Whether any dependency section lists a package (a manifest of scripts only lists none)."""
        return any(self.section(s) for s in DEP_SECTIONS)

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


def read_manifest(path: str, raw: bytes | None = None) -> Manifest:
    """Read a package.json (or parse `raw`, its in-memory text), keeping a parse error (with its
    byte offset) instead of raising."""
    if raw is None:
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            return Manifest(path, error=f"cannot read: {exc.strerror}")
    text = raw.decode("utf-8", "replace")
    body = text[1:] if text.startswith("\ufeff") else text
    try:
        data = loads(body)  # the standard parser's error message and offset when it fails
    except json.JSONDecodeError as exc:
        offset = len(text[: exc.pos + (len(text) - len(body))].encode())
        return Manifest(path, error=f"invalid JSON: {exc.msg}", error_offset=offset, text=text)
    if not isinstance(data, dict):
        return Manifest(path, error="invalid manifest: the top level is not an object", text=text)
    return Manifest(path, data=data, text=text)


class Workspace:
    """Manifests and the workspace root around a set of linted files."""

    def __init__(self, root: str, overrides: Mapping[str, bytes] | None = None, cache_dir: str | None = None) -> None:
        self.root = root
        # parsed lockfiles by content digest, on disk in the cache directory when there is one
        self.parsed = ParsedCache(cache_dir)
        self.cache_dir = cache_dir
        self._manifests: dict[str, Manifest] = {}
        self._nearest: dict[str, str | None] = {}
        self._installed: dict[tuple[str, str], tuple[str, Peers | None] | None] = {}
        # in-memory manifest texts (the fixer's edited package.json files) win over the disk
        self._overrides = {p: t for p, t in (overrides or {}).items() if p.endswith("package.json")}

    @cached_property
    def members(self) -> dict[str, Manifest]:
        """Workspace member packages by name (unnamed members are left out)."""
        out: dict[str, Manifest] = {}
        for directory in self.member_dirs:
            m = self.manifest(os.path.join(directory, "package.json"))
            if m.name and m.name not in out:
                out[m.name] = m
        return out

    @cached_property
    def catalogs(self) -> dict[str, dict[str, str]]:
        return catalogs(self.root)

    def manifest(self, path: str) -> Manifest:
        m = self._manifests.get(path)
        if m is None:
            m = read_manifest(path, self._overrides.get(path))
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
        return self.declared_version(file_path, "typeorm")

    def declared_version(self, file_path: str, package: str) -> tuple[int, ...] | None:
        """The lowest version of the range the file's package (else the root) declares for `package`."""
        for m in (self.manifest_for(file_path), self.root_manifest):
            if m is None:
                continue
            rng = m.range_of(package)
            if rng:
                return parse_version(rng)
        return None

    # ------------------------------------------------------------------ dependency model

    @cached_property
    def definition(self) -> str | None:
        """What defines the workspace: pnpm-workspace.yaml, package.json, rush.json or lerna.json
        (None: a repository of independent packages)."""
        return member_globs(self.root)[1]

    @cached_property
    def member_manifests(self) -> list[Manifest]:
        """Every member package's manifest (named or not), the root excluded."""
        return [self.manifest(os.path.join(d, "package.json")) for d in self.member_dirs]

    @cached_property
    def manifest_dirs(self) -> list[str]:
        """Every directory holding a package.json, walked once per run (a walk of the whole tree:
        the member list, the resolver and the catalogs all need it)."""
        return self._folders.manifest_dirs

    @cached_property
    def config_dirs(self) -> list[str]:
        """The package folders and the Nx project folders (project.json): where tool configs live."""
        return [*self.manifest_dirs, *self._folders.nx_projects]

    @cached_property
    def images(self) -> Images:
        """The Dockerfiles the repository builds images from (docker_installs.images)."""
        from migrationlint.model.image_files import images

        return images(self.root, self._folders.dockerfiles, self._folders.compose_files)

    def nx_projects_within(self, directory: str) -> tuple[str, ...]:
        """The folders below `directory` holding an Nx project.json with no package.json of their
        own or in between: the apps of an integrated Nx repository, whose one package.json is
        `directory`'s."""
        found = self._nx_within.get(directory)
        if found is None:
            manifests = set(self.manifest_dirs)
            prefix = directory.rstrip(os.sep) + os.sep
            found = self._nx_within[directory] = tuple(
                d for d in self._folders.nx_projects if d.startswith(prefix) and not _crosses(d, directory, manifests))
        return found

    @cached_property
    def _nx_within(self) -> dict[str, tuple[str, ...]]:
        return {}

    @cached_property
    def _folders(self) -> PackageFolders:
        from migrationlint.model.manifest_walk import package_folders

        return package_folders(self.root, self.cache_dir)

    @cached_property
    def member_dirs(self) -> list[str]:
        return member_dirs(self.root, self.manifest_dirs, self._folders.hidden_manifest_dirs)

    @cached_property
    def member_patterns(self) -> list[str]:
        """The workspace definition's member globs (`!` ones included), read once."""
        return member_globs(self.root)[0]

    @cached_property
    def has_workspace_definition(self) -> bool:
        """pnpm-workspace.yaml, package.json `workspaces` or lerna.json at the root (else every
        folder with a package.json counts as a member: member_dirs)."""
        return member_globs(self.root)[1] is not None

    @cached_property
    def own_scopes(self) -> frozenset[str]:
        """The npm scopes the workspace's own packages use (`@acme` for `@acme/kernel`)."""
        names = [m.name for m in self.member_manifests] + [self.root_manifest.name if self.root_manifest else None]
        return frozenset(n.split("/", 1)[0] for n in names if n and n.startswith("@") and "/" in n)

    @cached_property
    def npm_scopes(self) -> frozenset[str]:
        """The scopes of the npm packages the root and members declare (`@prisma` for
        `@prisma/client`), the workspace's own excluded: a namespace npm owns."""
        own = set(self.members)
        names = [n for m in [*self.member_manifests, self.root_manifest] if m is not None
                 for section in DEP_SECTIONS for n in m.section(section) if n not in own]
        return frozenset(n.split("/", 1)[0] for n in names if n.startswith("@") and "/" in n)

    def manager_field(self, root: Manifest) -> str | None:
        """The `packageManager` field of a project's root manifest (`pnpm@8.15.0`); for the root of a
        Rush repository, the manager and version rush.json pins (`pnpmVersion`)."""
        if root.dir == self.root and self.definition == "rush.json":
            return rush_pinned(rush_config(self.root) or {})
        field_value = root.data.get("packageManager")
        return field_value if isinstance(field_value, str) else None

    @cached_property
    def package_manager(self) -> str:
        """pnpm | npm | yarn | bun: the `packageManager` field, else the lockfile (of several, the one
        of the manager whose settings file is there: a `.yarnrc.yml` beside yarn.lock and a stale
        package-lock.json), else the workspace file, else a manager's own settings file
        (`.yarnrc.yml` beside a gitignored yarn.lock), else the manager the manifest's `volta` pins."""
        field_value = self.root_manifest.data.get("packageManager") if self.root_manifest else None
        if isinstance(field_value, str) and field_value.split("@", 1)[0] in ("pnpm", "npm", "yarn", "bun"):
            return field_value.split("@", 1)[0]
        if self.definition == "rush.json":
            return rush_manager(rush_config(self.root) or {})
        settings = next((manager for name, manager in _SETTINGS_FILES if os.path.isfile(os.path.join(self.root, name))),
                        "pnpm" if self.definition == "pnpm-workspace.yaml" else lerna_client(self.root))
        path = find_lockfile(self.root, settings)  # of several lockfiles, the one the settings name (a stale other)
        if path is not None and settings is None:
            declared = [(n, r) for m in [*self.member_manifests, self.root_manifest] if m is not None
                        for section in DEP_SECTIONS for n, r in m.section(section).items()]
            path = freshest_lockfile(self.root, declared, self.read_lockfile) or path
        if path is not None:
            return MANAGER_OF[os.path.basename(path)]
        pinned = volta_manager(self.root_manifest.data) if self.root_manifest is not None else None
        return settings or pinned or ("bun" if os.path.isfile(os.path.join(self.root, "bun.lockb")) else "npm")  # bun's binary one

    @cached_property
    def lockfile(self) -> Lockfile | None:
        if self.definition == "rush.json":  # kept under common/config (rush.py)
            config = rush_config(self.root) or {}
            found = rush_lockfiles(self.root, config)
            rush = rekeyed([(lock, base) for p, base in found if (lock := self.read_lockfile(p)) is not None], config)
            if rush is not None:
                return rush
        path = find_lockfile(self.root, self.package_manager)
        return self.read_lockfile(path) if path else None

    def read_lockfile(self, path: str) -> Lockfile | None:
        """A lockfile of the workspace (the root's or a nested project's), parsed only when its
        content was never parsed before (see parsed_cache.py)."""
        return read_lockfile(path, self.parsed)

    @cached_property
    def _declared_ranges(self) -> dict[str, list[tuple[str, Manifest]]]:
        out: dict[str, list[tuple[str, Manifest]]] = {}
        for m in self.member_manifests:
            for section in DEP_SECTIONS:
                for name, rng in m.section(section).items():
                    out.setdefault(name, []).append((rng, m))
        return out

    def sibling_ranges(self, package: str, exclude: str | None = None) -> list[tuple[str, Manifest]]:
        """(range, manifest) of every member manifest but `exclude` that declares `package`."""
        return [(r, m) for r, m in self._declared_ranges.get(package, []) if m.path != exclude]

    @cached_property
    def uses_workspace_protocol(self) -> bool:
        return any(r.startswith("workspace:") for ranges in self._declared_ranges.values() for r, _ in ranges)

    def member(self, package: str) -> Manifest | None:
        return self.members.get(package)

    def rel_dir(self, manifest: Manifest) -> str:
        """The manifest's directory relative to the root, posix, "." for the root (lockfile importers)."""
        return _relative_dir(manifest.dir, self.root)

    def installed(self, package: str, start_dir: str) -> tuple[str, Peers | None] | None:
        """(version, peers) of `package` in the nearest node_modules at or above `start_dir` up to
        the root, as Node would find it; None when it is not installed (optional enrichment)."""
        key = (package, start_dir)
        if key in self._installed:
            return self._installed[key]
        found = None
        directory = start_dir
        while True:
            candidate = os.path.join(directory, "node_modules", *package.split("/"), "package.json")
            if os.path.isfile(candidate):
                data = read_manifest(candidate).data
                version = data.get("version")
                if isinstance(version, str):
                    found = (version, peers_of(data))
                    break
            parent = os.path.dirname(directory)
            if directory == self.root or parent == directory or not directory.startswith(self.root):
                break
            directory = parent
        self._installed[key] = found
        return found

    def known(self, package: str) -> bool:
        """Whether any manifest, the lockfile or the root node_modules knows `package`."""
        if package in self.members or package in self._declared_ranges:
            return True
        root = self.root_manifest
        if root is not None and root.declared(package):
            return True
        if self.lockfile is not None and self.lockfile.knows(package):
            return True
        return self.installed(package, self.root) is not None


_VERSION = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?")


@lru_cache(maxsize=4096)
def _relative_dir(directory: str, root: str) -> str:
    """`directory` relative to `root`, posix (asked for every package use: computed once per folder)."""
    return os.path.relpath(directory, root).replace(os.sep, "/")


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
    repository root (a `.git` entry), else the highest directory with a package.json. Inside a git
    repository, a workspace nested in an outer one (a docs site, an example, a test fixture with its
    own `workspaces`) gives way to the outermost definition: the root a run over the whole
    repository uses, so that a run over a few files (pre-commit, an editor) judges them as that run
    does and shares its cache. The nested project stays its own root for the dependency rules."""
    nearest = _nearest_root(start)
    if not _defines_workspace(nearest):
        return nearest
    outer = current = nearest
    while not os.path.exists(os.path.join(current, ".git")):
        parent = os.path.dirname(current)
        if parent == current:
            return nearest  # no repository around it: nothing says how far up the project goes
        current = parent
        if _defines_workspace(current):
            outer = current
    return outer


def _nearest_root(start: str) -> str:
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    highest_pkg = None
    current = directory
    while True:
        if _defines_workspace(current):
            return current
        if os.path.isfile(os.path.join(current, "package.json")):
            highest_pkg = current
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return highest_pkg or directory
        current = parent


def _defines_workspace(directory: str) -> bool:
    """pnpm-workspace.yaml, lerna.json or a package.json with `workspaces`."""
    if any(os.path.exists(os.path.join(directory, m)) for m in WORKSPACE_MARKERS):
        return True
    pkg = os.path.join(directory, "package.json")
    return os.path.isfile(pkg) and declares_workspaces(read_manifest(pkg).data)


# ----------------------------------------------------------------------------- members

def _publishable_name(name: str | None) -> bool:
    """Whether a registry takes the name: one `/`, after a scope, or none (`@acme/web/hooks`, which Nx
    gives a library made in a sub-folder, is refused by npm). No name: not this question."""
    if not name:
        return True
    return name.count("/") == (1 if name.startswith("@") else 0)


def member_globs(root: str) -> tuple[list[str], str | None]:
    """workspace_definition.member_globs, the root's package.json read as every manifest is."""
    manifest = os.path.join(root, "package.json")
    return globs_of(root, read_manifest(manifest).data if os.path.isfile(manifest) else None)


def manifest_dirs(root: str, cache_dir: str | None = None) -> list[str]:
    """Every directory under `root` holding a package.json (dependency and build folders skipped);
    with a cache directory, not walked again while no directory changed (manifest_walk.py)."""
    from migrationlint.model.manifest_walk import package_folders

    return package_folders(root, cache_dir).manifest_dirs


def member_dirs(root: str, found: list[str] | None = None, hidden: list[str] | None = None) -> list[str]:
    """Directories of the workspace's member packages (globs with `!` negations); without a
    workspace definition, every directory with a package.json is its own package. `found`:
    manifest_dirs(root) when the caller already walked the tree; `hidden`: those in dot folders,
    members only by a glob that names a dot folder (`examples/.*/*`: a glob's `*` skips them)."""
    from migrationlint.globs import match_from_root as match

    patterns, source = member_globs(root)
    candidates = [d for d in (manifest_dirs(root) if found is None else found) if d != root]
    if source is None:
        return candidates
    include, exclude = split_member_globs(patterns)
    dotted = [p for p in include if p.startswith(".") or "/." in p]
    out = []
    for d, globs in [*((d, include) for d in candidates), *((d, dotted) for d in hidden or () if dotted)]:
        rel = os.path.relpath(d, root).replace(os.sep, "/")
        if any(match(p, rel) for p in globs) and not any(match(p, rel) for p in exclude):
            out.append(d)
    return out


def _crosses(folder: str, top: str, manifests: set[str]) -> bool:
    """Whether a folder holding a package.json lies between `folder` (included) and `top`."""
    d = folder
    while d != top and d.startswith(top):
        if d in manifests:
            return True
        d = os.path.dirname(d)
    return False

