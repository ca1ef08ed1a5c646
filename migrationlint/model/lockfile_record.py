"""What a lockfile says, whatever its format: the record every lockfile parser fills
(lockfiles.py, lockfile_yarn.py) and the dependency rules read, with the version ordering
they share. Apart from the parsers so that readers of a lockfile need none of them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

LOCKFILE_NAMES = ("pnpm-lock.yaml", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "bun.lock")
MANAGER_OF = {"pnpm-lock.yaml": "pnpm", "package-lock.json": "npm", "npm-shrinkwrap.json": "npm", "yarn.lock": "yarn",
              "bun.lock": "bun"}

# the scope of the packages Rush makes of its projects (`@rush-temp/api`) when it installs with pnpm
# without workspaces: the lockfile's importers by another name (lockfiles.py, rush.py)
RUSH_TEMP_SCOPE = "@rush-temp/"

Peers = dict[str, bool]  # peer name -> optional


@dataclass
class Lockfile:
    """What a lockfile says, independent of its format.

    `importers` maps a workspace package directory (posix, relative to the root, "." for the root)
    to {package: resolved version} for its direct dependencies, where the format records that.
    """

    path: str
    kind: str  # npm | pnpm | yarn-classic | yarn-berry | bun
    versions: dict[str, list[str]] = field(default_factory=dict)
    importers: dict[str, dict[str, str]] = field(default_factory=dict)
    peers: dict[tuple[str, str], Peers] = field(default_factory=dict)
    # (package, version) -> {peer: range}: the ranges a fix's version must satisfy
    peer_ranges: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    # pnpm: importer -> {peer: version} resolved for that importer's dependencies (`x@1(peer@2)`)
    importer_peers: dict[str, dict[str, str]] = field(default_factory=dict)
    # pnpm: importer -> {dependency: the peers resolved for it, linked beside it}; its own suffix only
    linked_peers: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    version_field: str = ""  # lockfileVersion as written
    settings: dict[str, object] = field(default_factory=dict)  # pnpm-lock.yaml `settings`
    # npm v2/v3: importer -> the packages at its node_modules that a production install places there
    # (no `"dev": true`: some production dependency needs them, a required peer included); None: not recorded
    production: dict[str, set[str]] | None = None
    # formats that record no peers (yarn v1, npm v1): (package, version) -> what it depends on itself,
    # which a built-in peer list must not ask its host for (@nestjs/axios 0.0.x brings its own axios)
    dependencies_of: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # npm, yarn and bun, every version of their formats (not pnpm, whose entries' `dependencies` hold resolved
    # peers too): (package, version) -> what it depends on itself, which it brings to a plugin taking it as a peer
    depends_on: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # the part of depends_on the entry pins at one exact version (`"@zwave-js/core": "15.27.0"`): that copy
    # moves with the package, never apart from it
    pins: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # npm-alias installs (`"x": "npm:y@^1"` puts package y in node_modules/x): alias -> real name.
    # The alias is what imports name and what `knows`; a fix declaring it must spell the alias spec.
    aliases: dict[str, str] = field(default_factory=dict)
    # (package, version) entries the registry marks deprecated (npm v2/v3 and pnpm record the notice):
    # an `@types/x` stub left after x began to ship its own types
    deprecated: set[tuple[str, str]] = field(default_factory=set)
    # yarn v1: (package, version) -> how many entries depend on that version (the majors' popularity)
    wanted_by: dict[tuple[str, str], int] = field(default_factory=dict)
    # npm v2/v3: (dependent, package) where the dependent's own node_modules holds a copy of the
    # package (`node_modules/typeorm/node_modules/dotenv`): it does not load the hoisted one
    nested: set[tuple[str, str]] = field(default_factory=set)

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    @property
    def manager(self) -> str:
        return MANAGER_OF.get(self.name, "npm")

    def knows(self, package: str) -> bool:
        return package in self.versions

    def links(self, package: str) -> bool:
        """Whether an npm lockfile links `package` to a folder of the workspace (`"link": true`) for a
        production install: a member, perhaps named otherwise in its own package.json."""
        return any(package in names for names in (self.production or {}).values())

    def resolved(self, package: str, importer: str | None = None) -> str | None:
        """The version the lockfile resolves `package` to for `importer` (or, lacking that, the
        highest version it holds)."""
        v = self.reached(package, importer or ".")
        if v:
            return v
        versions = self.versions.get(package)
        if not versions:
            return None
        return max(versions, key=version_key)

    def deprecated_at(self, package: str, importer: str | None = None) -> bool:
        """Whether the version of `package` that `importer` resolves is marked deprecated."""
        return (package, self.resolved(package, importer) or "") in self.deprecated

    def dependencies_at(self, package: str, importer: str | None = None) -> frozenset[str]:
        """What the version of `package` that `importer` resolves depends on itself (`depends_on`;
        empty where the format records none, pnpm's)."""
        return self.depends_on.get((package, self.resolved(package, importer) or ""), frozenset())

    def reached(self, package: str, importer: str) -> str | None:
        """The version the files of `importer` load today, where the lockfile records it: the one
        installed for the importer itself (npm nests it in the importer's node_modules when the
        hoisted one does not fit its range), else the root's, which Node finds walking up."""
        for where in (importer, "."):
            v = self.importers.get(where, {}).get(package)
            if v:
                return v
        return None

    def preferred(self, package: str, importer: str) -> tuple[str, str] | None:
        """(version, why) of the version of `package`, held in several majors, to name: for the types of
        a package (`@types/express`), the highest of the major of that package as resolved (express
        4.21.1: `@types/express` 4.17.21, whatever other typings want); else the version most entries
        depend on (most_wanted). None when neither says."""
        runtime = _typed_package(package)
        installed = self.resolved(runtime, importer) if runtime else None
        same = [v for v in self.versions.get(package, ()) if installed and _caret_class(v) == _caret_class(installed)]
        if same:
            return max(same, key=version_key), f"the major of the {runtime} {installed} it holds"
        popular = self.most_wanted(package)
        return (popular[0], f"which {popular[1]} of the {popular[2]} entries that depend on it want") if popular else None

    def most_wanted(self, package: str) -> tuple[str, int, int] | None:
        """(version, entries wanting it, entries wanting any version) of the version of `package` most
        entries depend on, when the format counts them (yarn v1), every version is some entry's
        dependency (one no entry wants is a manifest's own, placed first) and one version leads."""
        counts = sorted(((self.wanted_by.get((package, v), 0), version_key(v), v) for v in self.versions.get(package, ())),
                        reverse=True)
        if len(counts) < 2 or counts[0][0] <= counts[1][0] or counts[-1][0] == 0:
            return None
        return counts[0][2], counts[0][0], sum(c for c, _, _ in counts)

    def majors_apart(self, package: str, importer: str | None = None) -> bool:
        """Whether `resolved` answers with the highest of versions of several majors, the importer
        and the root resolving the package to none of them."""
        if any(self.importers.get(where, {}).get(package) for where in (importer, ".") if where is not None):
            return False
        return len({_caret_class(v) for v in self.versions.get(package, ())}) > 1

    def in_production_install(self, package: str, importer: str) -> bool | None:
        """Whether `npm ci --omit=dev` places `package` where files of `importer` find it (its own
        node_modules, else the root's); None when the lockfile does not record it."""
        if self.production is None:
            return None
        return any(package in self.production.get(where, ()) for where in (importer, "."))

    def peer_deps(self, package: str, version: str | None = None) -> Peers | None:
        """The peers `package` declares (at `version`, else at its highest known version); None
        when the lockfile does not record peers for it."""
        v = version or self.resolved(package)
        if v is None:
            return None
        return self.peers.get((package, v))

    def _add(self, package: str, version: str, peers: Peers | None = None) -> None:
        known = self.versions.setdefault(package, [])
        if version not in known:
            known.append(version)
        if peers is not None:
            self.peers[(package, version)] = peers

    def _add_entry(self, package: str, version: str, entry: dict, own_dependencies: bool = True) -> None:
        """Record a lockfile entry with its peers and their ranges. `own_dependencies`: the entry's
        `dependencies` are the package's own (npm, yarn), not also its resolved peers (pnpm)."""
        self._add(package, version, peers_of(entry, own_dependencies))
        if entry.get("deprecated"):
            self.deprecated.add((package, version))
        deps = entry.get("dependencies")
        if own_dependencies and isinstance(deps, dict) and deps:
            self.depends_on[(package, version)] = frozenset(str(d) for d in deps)
            self._note_pins(package, version, deps)
        ranges = entry.get("peerDependencies")
        if isinstance(ranges, dict) and ranges:
            self.peer_ranges[(package, version)] = {str(k): str(v) for k, v in ranges.items()}

    def add_own_dependencies(self, package: str, version: str, deps: object) -> None:
        """Record what `package` depends on itself, in formats that record no peers (yarn v1, npm v1)."""
        if isinstance(deps, dict) and deps:
            self.dependencies_of[(package, version)] = self.depends_on[(package, version)] = frozenset(str(d) for d in deps)
            self._note_pins(package, version, deps)

    def _note_pins(self, package: str, version: str, deps: dict) -> None:
        pinned = frozenset(str(d) for d, spec in deps.items() if _EXACT.fullmatch(str(spec)))
        if pinned:
            self.pins[(package, version)] = pinned

    def pinned_by(self, package: str, dependency: str, importer: str | None = None) -> bool:
        """Whether the version of `package` that `importer` resolves pins `dependency` at one exact version."""
        return dependency in self.pins.get((package, self.resolved(package, importer) or ""), frozenset())


# an exact version as an entry's dependency spec (`15.27.0`, yarn 2+'s `npm:15.27.0`, `1.0.0-beta.2`)
_EXACT = re.compile(r"(?:npm:)?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?")


_NUM = re.compile(r"\d+")


def version_key(version: str) -> tuple:
    """Sort key for plain semver strings (prereleases sort before their release)."""
    core, _, pre = version.partition("-")
    nums = tuple(int(n) for n in _NUM.findall(core)[:3])
    return nums, pre == "", pre


def _caret_class(version: str) -> tuple:
    """What `^version` keeps fixed: the major, and the minor below 1.0.0."""
    nums = version_key(version)[0]
    return nums[:2] if nums[:1] == (0,) else nums[:1]


def peers_of(entry: dict, own_dependencies: bool = True) -> Peers:
    """{peer: optional} of a manifest-like entry (empty when it declares no peers). A peer the
    entry also lists as a dependency of its own (vitest 4 lists vite as both) is installed with it
    whatever its host provides: no peer to satisfy. pnpm's entries list the peers they resolved
    among their `dependencies`, which are then no evidence (`own_dependencies=False`)."""
    peers = entry.get("peerDependencies")
    if not isinstance(peers, dict):
        return {}
    meta = entry.get("peerDependenciesMeta")
    meta = meta if isinstance(meta, dict) else {}
    own = {str(d) for key in ("dependencies", "optionalDependencies") if isinstance(entry.get(key), dict)
           for d in entry[key]} if own_dependencies else set()
    return {str(p): bool(isinstance(meta.get(p), dict) and meta[p].get("optional")) for p in peers if str(p) not in own}


def _typed_package(package: str) -> str | None:
    """The package a DefinitelyTyped package types (`@types/babel__core` -> `@babel/core`), or None."""
    if not package.startswith("@types/"):
        return None
    name = package[len("@types/"):]
    return "@" + name.replace("__", "/", 1) if "__" in name else name
