"""Lockfiles: which version of a package the repository resolved, and which peers it declares.

Read with real parsers only: JSON for package-lock.json, PyYAML safe_load for pnpm-lock.yaml
(v6 and v9) and yarn berry's yarn.lock, and a small dedicated parser for yarn classic (v1), whose
format is not YAML. A lockfile that cannot be read is treated as absent: the dependency rules only
use it to name versions and peers, never to decide that something is wrong. A parse is kept by
the content digest of the file (parsed_cache.py): an unchanged megabyte lockfile is parsed once.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

from migrationlint.model.jsonc import loads, loads_jsonc
from migrationlint.model.parsed_cache import ParsedCache

LOCKFILE_NAMES = ("pnpm-lock.yaml", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "bun.lock")
MANAGER_OF = {"pnpm-lock.yaml": "pnpm", "package-lock.json": "npm", "npm-shrinkwrap.json": "npm", "yarn.lock": "yarn",
              "bun.lock": "bun"}

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
    version_field: str = ""  # lockfileVersion as written
    settings: dict[str, object] = field(default_factory=dict)  # pnpm-lock.yaml `settings`
    # npm v2/v3: importer -> the packages at its node_modules that a production install places there
    # (no `"dev": true`: some production dependency needs them, a required peer included); None: not recorded
    production: dict[str, set[str]] | None = None
    # formats that record no peers (yarn v1, npm v1): (package, version) -> what it depends on itself,
    # which a built-in peer list must not ask its host for (@nestjs/axios 0.0.x brings its own axios)
    dependencies_of: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    @property
    def manager(self) -> str:
        return MANAGER_OF.get(self.name, "npm")

    def knows(self, package: str) -> bool:
        return package in self.versions

    def resolved(self, package: str, importer: str | None = None) -> str | None:
        """The version the lockfile resolves `package` to for `importer` (or, lacking that, the
        highest version it holds)."""
        for where in (importer, "."):
            v = self.importers.get(where, {}).get(package) if where is not None else None
            if v:
                return v
        versions = self.versions.get(package)
        if not versions:
            return None
        return max(versions, key=version_key)

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
        ranges = entry.get("peerDependencies")
        if isinstance(ranges, dict) and ranges:
            self.peer_ranges[(package, version)] = {str(k): str(v) for k, v in ranges.items()}


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


def find_lockfile(root: str, manager: str | None = None) -> str | None:
    """The lockfile at the workspace root; with several, the one of `manager` (packageManager)."""
    present = [n for n in LOCKFILE_NAMES if os.path.isfile(os.path.join(root, n))]
    if manager:
        for n in present:
            if MANAGER_OF[n] == manager:
                return os.path.join(root, n)
    return os.path.join(root, present[0]) if present else None


def read_lockfile(path: str, cache: ParsedCache | None = None) -> Lockfile | None:
    """Parse a lockfile of any supported format; None when it cannot be read or parsed. With a
    cache, bytes parsed before (by this process or a run that stored them) are not parsed again."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    return (cache or ParsedCache(None)).get(path, data, lambda raw: parse_lockfile(path, raw), __file__)


def parse_lockfile(path: str, data: bytes) -> Lockfile | None:
    """The lockfile whose bytes are `data` (text read as `open(path, encoding="utf-8-sig")` would)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\r" in text:  # universal newlines, as text mode reads them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    name = os.path.basename(path)
    try:
        if name in ("package-lock.json", "npm-shrinkwrap.json"):
            return parse_npm(path, loads(text))
        if name == "pnpm-lock.yaml":
            return parse_pnpm(path, _pnpm_yaml(_lock_document(text)))
        if name == "yarn.lock":
            if "# yarn lockfile v1" in text[:500]:
                return parse_yarn_classic(path, text)
            return parse_yarn_berry(path, _yaml(text))
        if name == "bun.lock":
            return parse_bun(path, loads_jsonc(text))
    except (ValueError, TypeError, AttributeError):
        return None
    return None


_TOP_LEVEL = re.compile(r"^[^\s#]", re.M)
_SNAPSHOTS = "\nsnapshots:\n"


def _lock_document(text: str) -> str:
    """The lockfile's document of the project's packages: pnpm 11 writes a first YAML document for
    the package manager's own dependencies, then `---` and the usual one; the last is the project's."""
    if not text.startswith("---") and "\n---\n" not in text:
        return text
    documents = [d for d in re.split(r"^---[ \t]*$", text, flags=re.M) if d.strip()]
    return documents[-1] if documents else text


def _pnpm_yaml(text: str) -> dict:
    """pnpm-lock.yaml without its `snapshots:` section, which no rule reads and which is a third
    of a v9 lockfile. A line `snapshots:` at column 0 is a top-level key in block YAML, and its
    section ends at the next line at column 0; should the rest not parse alone (an alias to an
    anchor in the section), the whole file is parsed, so the result is always the full parse's."""
    start = text.find(_SNAPSHOTS)
    if start < 0:
        return _yaml(text)
    after = _TOP_LEVEL.search(text, start + len(_SNAPSHOTS))
    head = text[:start + 1] + (text[after.start():] if after else "")
    try:
        return _yaml(head)
    except ValueError:
        return _yaml(text)


def _yaml(text: str) -> dict:
    from migrationlint.model import yaml_load  # here: its patterns cost 1 ms, and most runs parse no YAML

    data = yaml_load.load(text)  # PyYAML's result, from yaml-rs when provably the same
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    return data


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


# ----------------------------------------------------------------------------- npm

def parse_npm(path: str, data: dict) -> Lockfile:
    """package-lock.json v2/v3 (`packages`), with the v1 `dependencies` tree as a fallback."""
    lock = Lockfile(path, "npm", version_field=str(data.get("lockfileVersion", "")))
    packages = data.get("packages")
    if isinstance(packages, dict):
        lock.production = {}
        for key, entry in packages.items():
            if not isinstance(entry, dict) or "node_modules/" not in f"/{key}" or entry.get("link"):
                continue
            importer, _, name = key.rpartition("node_modules/")
            importer = importer.rstrip("/")
            version = entry.get("version")
            if not isinstance(version, str) or not name:
                continue
            lock._add_entry(name, version, entry)
            if "node_modules/" not in importer:
                lock.importers.setdefault(importer or ".", {}).setdefault(name, version)
                if not entry.get("dev"):
                    lock.production.setdefault(importer or ".", set()).add(name)
        return lock
    _npm_v1(lock, data.get("dependencies"), top=True)
    return lock


def _npm_v1(lock: Lockfile, deps: object, top: bool) -> None:
    if not isinstance(deps, dict):
        return
    for name, entry in deps.items():
        if not isinstance(entry, dict):
            continue
        version = entry.get("version")
        if isinstance(version, str) and not version.startswith("file:"):
            lock._add(name, version)
            _own_dependencies(lock, name, version, entry.get("requires"))
            if top:
                lock.importers.setdefault(".", {})[name] = version
        _npm_v1(lock, entry.get("dependencies"), top=False)


# ----------------------------------------------------------------------------- pnpm

def parse_pnpm(path: str, data: dict) -> Lockfile:
    """pnpm-lock.yaml v5.x, v6 (`/name@version(peers)` keys) and v9 (`name@version` keys and
    `snapshots`)."""
    settings = data.get("settings")
    lock = Lockfile(path, "pnpm", version_field=str(data.get("lockfileVersion", "")),
                    settings=dict(settings) if isinstance(settings, dict) else {})
    packages = data.get("packages")
    if isinstance(packages, dict):
        for key, entry in packages.items():
            parsed = _pnpm_key(str(key))
            if parsed is None:
                continue
            name, version = parsed
            lock._add_entry(name, version, entry if isinstance(entry, dict) else {}, own_dependencies=False)
    importers = data.get("importers")
    if not isinstance(importers, dict):  # a single-project lockfile keeps its importer at the top
        importers = {".": data}
    for importer, entry in importers.items():
        if not isinstance(entry, dict):
            continue
        table = lock.importers.setdefault(str(importer), {})
        for section in ("dependencies", "devDependencies", "optionalDependencies"):
            deps = entry.get(section)
            for name, spec in (deps.items() if isinstance(deps, dict) else ()):
                raw = spec.get("version") if isinstance(spec, dict) else spec
                version = _pnpm_importer_version(str(name), str(raw)) if raw is not None else None
                if raw is not None:
                    lock.importer_peers.setdefault(str(importer), {}).update(_peer_suffix(str(raw)))
                if version:
                    table[str(name)] = version
                    if str(name) not in lock.versions:
                        lock._add(str(name), version)
    return lock


_SUFFIX_PAIR = re.compile(r"(@?[^@()\s]+)@(\d[^()\s]*)")


def _peer_suffix(raw: str) -> dict[str, str]:
    """`0.19.1(@acme/cli-kit@12.1.0)(rxjs@7.8.1)` -> {"@acme/cli-kit": "12.1.0", "rxjs": "7.8.1"}: the
    peers pnpm resolved for this importer (nested suffixes included)."""
    if "(" not in raw:
        return {}
    tail = raw[raw.index("("):].replace("(", " ").replace(")", " ")
    return {m.group(1): m.group(2) for m in _SUFFIX_PAIR.finditer(tail)}


def _strip_peer_suffix(version: str) -> str:
    return version.split("(", 1)[0].split("_", 1)[0]


_PNPM_V5_KEY = re.compile(r"^(@[^/@]+/[^/@]+|[^/@]+)/(\d[^_/(]*)")


def _pnpm_key(key: str) -> tuple[str, str] | None:
    """`/@nestjs/common@10.4.15(rxjs@7.8.1)` (v6), `@nestjs/common@10.4.15` (v9) or
    `/@nestjs/common/10.4.15_rxjs@7.8.1` (v5) -> (name, version)."""
    key = key.lstrip("/")
    v5 = _PNPM_V5_KEY.match(key)
    if v5 is not None:
        return v5.group(1), v5.group(2)
    key = key.split("(", 1)[0]
    at = key.rfind("@")
    if at > 0:
        name, version = key[:at], key[at + 1:]
        if name and version and not version.startswith(("link:", "file:")):
            return name, _strip_peer_suffix(version)
    return None


def _pnpm_importer_version(name: str, raw: str) -> str | None:
    if raw.startswith(("link:", "file:", "workspace:")):
        return None
    if raw.startswith("/") or (not raw[:1].isdigit() and "@" in raw):  # alias: /other@1.0.0
        parsed = _pnpm_key(raw)
        return parsed[1] if parsed else None
    return _strip_peer_suffix(raw)


# ----------------------------------------------------------------------------- yarn

def _spec_name(spec: str) -> str | None:
    """`lodash@^4.17.21` / `@babel/core@npm:^7.0.0` -> the package name before the range."""
    spec = spec.strip().strip('"')
    at = spec.find("@", 1)
    return spec[:at] if at > 0 else None


def parse_yarn_berry(path: str, data: dict) -> Lockfile:
    """yarn.lock of yarn 2+ (YAML with `__metadata`); workspace entries are skipped."""
    lock = Lockfile(path, "yarn-berry")
    for key, entry in data.items():
        if key == "__metadata" or not isinstance(entry, dict):
            continue
        resolution = str(entry.get("resolution", ""))
        version = entry.get("version")
        if "@workspace:" in resolution or entry.get("linkType") == "soft" or not isinstance(version, str):
            continue
        name = _spec_name(resolution) or _spec_name(str(key).split(",")[0])
        if name:
            lock._add_entry(name, version, entry)
    return lock


def parse_bun(path: str, data: dict) -> Lockfile:
    """bun.lock (bun 1.2+, JSONC): `packages` maps an install path (`fastify`, `@nestjs/core/tslib`
    for a copy nested under its dependent) to `["name@version", registry, {dependencies,
    peerDependencies, optionalPeers}, integrity]`; a top-level path is the hoisted copy the root
    resolves. Its peer lists hold resolved versions, so no peer range is recorded. Workspace
    packages (`name@workspace:...`) are skipped. The binary bun.lockb is not read."""
    lock = Lockfile(path, "bun", version_field=str(data.get("lockfileVersion", "")))
    workspaces = data.get("workspaces")  # "" is the root; a member more makes it a workspace
    lock.settings = {"configVersion": data.get("configVersion"),
                     "workspace": isinstance(workspaces, dict) and len(workspaces) > 1}
    packages = data.get("packages")
    for key, entry in packages.items() if isinstance(packages, dict) else ():
        spec = entry[0] if isinstance(entry, list) and entry and isinstance(entry[0], str) else ""
        at = spec.rfind("@")
        name, version = spec[:at], spec[at + 1:]
        if at <= 0 or not version[:1].isdigit():
            continue  # a workspace, link, git or file package
        meta = entry[2] if len(entry) > 2 and isinstance(entry[2], dict) else {}
        optional = meta.get("optionalPeers") if isinstance(meta.get("optionalPeers"), list) else []
        # its peerDependencies hold the versions bun resolved, not the package's ranges: peers only
        lock._add(name, version, peers_of({**meta, "peerDependenciesMeta": {p: {"optional": True} for p in optional}}))
        if key == name:
            lock.importers.setdefault(".", {})[name] = version
    return lock


def parse_yarn_classic(path: str, text: str) -> Lockfile:
    """yarn.lock v1: blocks `"a@^1", a@^1.2:` with indented `version "1.2.3"` lines. The format
    records no peers; node_modules or the built-in table supply them."""
    lock = Lockfile(path, "yarn-classic")
    for header, fields in _yarn_v1_blocks(text):
        version = fields.get("version")
        names = {_spec_name(s) for s in _split_specs(header)}
        for name in names:
            if name and isinstance(version, str):
                lock._add(name, version)
                _own_dependencies(lock, name, version, fields.get("dependencies"))
    return lock


def _own_dependencies(lock: Lockfile, name: str, version: str, deps: object) -> None:
    if isinstance(deps, dict) and deps:
        lock.dependencies_of[(name, version)] = frozenset(str(d) for d in deps)


def yarn_classic_production(path: str, roots: dict[str, str]) -> set[str]:
    """The packages `yarn install --production` places for the production dependencies `roots`
    ({name: range}: the installing manifests' `dependencies` and `optionalDependencies`): the
    closure of the yarn.lock v1 entries they resolve to over each entry's dependencies. Read
    again only when a dev-only package would be reported (the parsed Lockfile keeps no graph)."""
    try:
        with open(path, encoding="utf-8") as fh:
            blocks = _yarn_v1_blocks(fh.read())
    except (OSError, ValueError, UnicodeDecodeError):
        return set()
    entry_of = {spec: fields for header, fields in blocks for spec in _split_specs(header)}
    todo = [f"{name}@{spec}" for name, spec in roots.items()]
    seen: set[str] = set()
    while todo:
        spec = todo.pop()
        fields = entry_of.get(spec)
        if spec in seen or fields is None:
            continue
        seen.add(spec)
        for section in ("dependencies", "optionalDependencies"):
            deps = fields.get(section)
            todo += [f"{name}@{rng}" for name, rng in deps.items()] if isinstance(deps, dict) else []
    return {name for name in map(_spec_name, seen) if name}


def _split_specs(header: str) -> list[str]:
    out, cur, quoted = [], [], False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return [s.strip().strip('"') for s in out if s.strip()]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return json.loads(value) if "\\" in value else value[1:-1]
    return value


def _yarn_v1_blocks(text: str) -> list[tuple[str, dict]]:
    """Top-level blocks as (header, {field: value or {name: range}}); comments and blank lines
    skipped. Only two levels exist in practice (entry fields, and dependency maps under them)."""
    blocks: list[tuple[str, dict]] = []
    current: dict | None = None
    nested: dict | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if indent == 0:
            current = {}
            blocks.append((body.rstrip(":"), current))
            nested = None
        elif current is None:
            raise ValueError("yarn.lock: indented line before the first entry")
        elif indent == 2:
            if body.endswith(":"):
                nested = current.setdefault(_unquote(body[:-1]), {})
            else:
                key, _, value = body.partition(" ")
                current[_unquote(key)] = _unquote(value)
                nested = None
        elif nested is not None:
            key, _, value = body.partition(" ")
            nested[_unquote(key)] = _unquote(value)
    return blocks
