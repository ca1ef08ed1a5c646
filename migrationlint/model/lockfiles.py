"""Lockfiles: which version of a package the repository resolved, and which peers it declares.
This module finds and reads one, and parses npm, pnpm and bun lockfiles; yarn's formats are in
lockfile_yarn.py, the record they all fill in lockfile_record.py.

Read with real parsers only: JSON for package-lock.json, PyYAML safe_load for pnpm-lock.yaml
(v6 and v9) and yarn berry's yarn.lock, and a small dedicated parser for yarn classic (v1), whose
format is not YAML. A lockfile that cannot be read is treated as absent: the dependency rules only
use it to name versions and peers, never to decide that something is wrong. A parse is kept by
the content digest of the file (parsed_cache.py): an unchanged megabyte lockfile is parsed once.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.jsonc import loads, loads_jsonc
from migrationlint.model.lockfile_record import LOCKFILE_NAMES, MANAGER_OF, RUSH_TEMP_SCOPE, Lockfile, peers_of
from migrationlint.model.lockfile_yarn import parse_yarn_berry, parse_yarn_classic, production_closure
from migrationlint.model.parsed_cache import ParsedCache

# the modules whose code a parsed lockfile depends on (the parse cache's key digests them)
_PARSER_FILES = tuple(os.path.join(os.path.dirname(__file__), name) for name in (
    "lockfiles.py", "lockfile_record.py", "lockfile_yarn.py", "yaml_load.py", "jsonc.py"))


def find_lockfile(root: str, manager: str | None = None) -> str | None:
    """The lockfile at the workspace root; with several, the one of `manager` (packageManager)."""
    present = [n for n in LOCKFILE_NAMES if os.path.isfile(os.path.join(root, n))]
    if manager:
        for n in present:
            if MANAGER_OF[n] == manager:
                return os.path.join(root, n)
    return os.path.join(root, present[0]) if present else None


def project_lockfile(directory: str, package_manager_field: object, repository_manager: str | None = None) -> str | None:
    """The lockfile of a project nested in the repository with an install of its own: of several,
    the one of the manager its package.json's `packageManager` names (`yarn@1.22.22` beside a
    stale package-lock.json), else the one of the repository's manager (a stale pnpm-lock.yaml beside the
    package-lock.json of a repository npm installs)."""
    name = package_manager_field.split("@", 1)[0] if isinstance(package_manager_field, str) else None
    return find_lockfile(directory, name if name in ("npm", "pnpm", "yarn", "bun") else repository_manager)


def read_lockfile(path: str, cache: ParsedCache | None = None) -> Lockfile | None:
    """Parse a lockfile of any supported format; None when it cannot be read or parsed. With a
    cache, bytes parsed before (by this process or a run that stored them) are not parsed again."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    return (cache or ParsedCache(None)).get(path, data, lambda raw: parse_lockfile(path, raw), _PARSER_FILES)


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


def pnpm_dependency_sections(path: str) -> dict:
    """What a pnpm-lock.yaml records of each package's own dependencies: v9's `snapshots:` section
    alone (parsed apart, a third of the file), else, in v5 and v6, the whole project document, whose
    `packages:` holds them; {} when unreadable."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = _lock_document(fh.read())
        start = text.find(_SNAPSHOTS)
        if start < 0:
            return _yaml(text)
        after = _TOP_LEVEL.search(text, start + len(_SNAPSHOTS))
        return _yaml(text[start + 1:after.start() if after else len(text)])
    except (OSError, ValueError, UnicodeDecodeError):
        return {}


def _yaml(text: str) -> dict:
    from migrationlint.model import yaml_load  # here: its patterns cost 1 ms, and most runs parse no YAML

    data = yaml_load.load(text)  # PyYAML's result, from yaml-rs when provably the same
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    return data


def yarn_berry_production(path: str, roots: dict[str, str]) -> set[str]:
    """What `yarn workspaces focus --production` places for the production dependencies `roots`
    ({name: range as the manifest writes it}) with yarn 2+'s lockfile, whose descriptors carry a
    protocol (`@nestjs/core@npm:^11.1.6`, and `path-to-regexp: "npm:8.3.0"` in an entry's
    dependencies). Read again only when a dev-only package would be reported."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = _yaml(fh.read())
    except (OSError, ValueError, UnicodeDecodeError):
        return set()
    # a workspace's entry lists its devDependencies too: the closure stops there (roots name the
    # installing manifests' own production dependencies)
    entry_of = {spec.strip(): fields for key, fields in data.items()
                if isinstance(fields, dict) and "@workspace:" not in str(fields.get("resolution", ""))
                for spec in str(key).split(",")}
    return production_closure(entry_of, [f"{name}@{rng if ':' in rng else 'npm:' + rng}" for name, rng in roots.items()])


# ----------------------------------------------------------------------------- npm

def parse_npm(path: str, data: dict) -> Lockfile:
    """package-lock.json v2/v3 (`packages`), with the v1 `dependencies` tree as a fallback."""
    lock = Lockfile(path, "npm", version_field=str(data.get("lockfileVersion", "")))
    packages = data.get("packages")
    if isinstance(packages, dict):
        lock.production = {}
        for key, entry in packages.items():
            if not isinstance(entry, dict) or "node_modules/" not in f"/{key}":
                continue
            importer, _, name = key.rpartition("node_modules/")
            importer = importer.rstrip("/")
            if entry.get("link"):  # a workspace member, linked whatever section lists it: `--omit=dev` keeps it
                target = entry.get("resolved")
                if name and not entry.get("dev") and "node_modules/" not in importer \
                        and isinstance(target, str) and "node_modules" not in target:  # not a store's package
                    lock.production.setdefault(importer or ".", set()).add(name)
                continue
            version = entry.get("version")
            if not isinstance(version, str) or not name or _placeholder(entry):
                continue
            lock._add_entry(name, version, entry)
            if isinstance(entry.get("name"), str) and entry["name"] != name:  # an npm alias
                lock.aliases[name] = entry["name"]
            if "node_modules/" in importer:
                lock.nested.add((importer.rpartition("node_modules/")[2], name))
            else:
                lock.importers.setdefault(importer or ".", {}).setdefault(name, version)
                if not entry.get("dev"):
                    lock.production.setdefault(importer or ".", set()).add(name)
        return lock
    _npm_v1(lock, data.get("dependencies"), top=True)
    return lock


def _placeholder(entry: dict) -> bool:
    """An optional peer npm records without installing it: `"optional": true, "peer": true` and
    neither `resolved` nor `integrity` (`npm ci` leaves it out; a registry package installed
    keeps its `integrity` even where the lockfile omits `resolved`)."""
    return bool(entry.get("peer") and entry.get("optional")) and not entry.get("resolved") \
        and not entry.get("integrity") and not entry.get("inBundle")


def _npm_v1(lock: Lockfile, deps: object, top: bool) -> None:
    if not isinstance(deps, dict):
        return
    for name, entry in deps.items():
        if not isinstance(entry, dict):
            continue
        version = entry.get("version")
        if isinstance(version, str) and not version.startswith("file:"):
            lock._add(name, version)
            lock.add_own_dependencies(name, version, entry.get("requires"))
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
            parsed = pnpm_key(str(key))
            if parsed is None:
                continue
            name, version = parsed
            lock._add_entry(name, version, entry if isinstance(entry, dict) else {}, own_dependencies=False)
    importers = data.get("importers")
    if not isinstance(importers, dict):  # a single-project lockfile keeps its importer at the top
        importers = {".": data, **_rush_temp_projects(packages)}
    for importer, entry in importers.items():
        if not isinstance(entry, dict):
            continue
        table = lock.importers.setdefault(str(importer), {})
        for section in ("dependencies", "devDependencies", "optionalDependencies"):
            deps = entry.get(section)
            for name, spec in (deps.items() if isinstance(deps, dict) else ()):
                raw = spec.get("version") if isinstance(spec, dict) else spec
                version = _pnpm_importer_version(str(name), str(raw)) if raw is not None else None
                aliased = pnpm_key(str(raw)) if version and _pnpm_alias(str(raw)) else None
                if aliased is not None and aliased[0] != name:
                    lock.aliases[str(name)] = aliased[0]
                peers = _peer_suffix(str(raw)) if raw is not None and "(" in str(raw) else \
                    _v5_resolved_peers(packages, str(name), str(raw)) if raw is not None and "_" in str(raw) else {}
                if peers:
                    lock.importer_peers.setdefault(str(importer), {}).update(peers)
                    own = _own_peers(str(raw)) if "(" in str(raw) else frozenset(peers)
                    lock.linked_peers.setdefault(str(importer), {})[str(name)] = own
                if version:
                    table[str(name)] = version
                    if str(name) not in lock.versions:
                        lock._add(str(name), version)
    return lock


def _rush_temp_projects(packages: object) -> dict[str, dict]:
    """The projects of a Rush repository that installs without pnpm workspaces: each is a package
    `file:projects/<name>.tgz` named `@rush-temp/<name>`, whose dependencies are the project's; read
    as importers under that name (rush.rekeyed names their folders)."""
    if not isinstance(packages, dict):
        return {}
    return {entry["name"]: entry for key, entry in packages.items()
            if str(key).startswith("file:projects/") and isinstance(entry, dict)
            and str(entry.get("name", "")).startswith(RUSH_TEMP_SCOPE)}


def _v5_resolved_peers(packages: object, name: str, raw: str) -> dict[str, str]:
    """The peers a v5 lockfile's snapshot `/name/1.0.0_<suffix>` resolved (its `dependencies` that are
    also its `peerDependencies`): the suffix may be a hash (`3.3.0_2prkvjst5azuugr3eptua4bsuq`) that
    names none of them, but pnpm links what the snapshot lists."""
    entry = packages.get(f"/{name}/{raw}") if isinstance(packages, dict) else None
    deps = entry.get("dependencies") if isinstance(entry, dict) else None
    peers = entry.get("peerDependencies") if isinstance(entry, dict) else None
    if not isinstance(deps, dict) or not isinstance(peers, dict):
        return {}
    return {str(p): _strip_peer_suffix(str(deps[p])) for p in peers if p in deps}


_SUFFIX_PAIR = re.compile(r"(@?[^@()\s]+)@(\d[^()\s]*)")


def _own_peers(raw: str) -> frozenset[str]:
    """`10.2.7(class-validator@0.14.0)(x@1.0.0(y@2.0.0))` -> {"class-validator", "x"}: the peers of
    the dependency itself (the outermost groups), not those of its peers (nested groups)."""
    found, depth, start = set(), 0, 0
    for i, ch in enumerate(raw):
        if ch == "(":
            depth += 1
            if depth == 1:
                start = i + 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                group = raw[start:i].split("(", 1)[0]
                name = group.rsplit("@", 1)[0] if group.rfind("@") > 0 else ""
                if name:
                    found.add(name)
    return frozenset(found)


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


def pnpm_key(key: str) -> tuple[str, str] | None:
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


def _pnpm_alias(raw: str) -> bool:
    """Whether an importer's version names another package (`/other@1.0.0`, `other@1.0.0(peer@2)`):
    an npm alias, installed under the importer's name for it."""
    return raw.startswith("/") or (not raw[:1].isdigit() and "@" in raw)


def _pnpm_importer_version(name: str, raw: str) -> str | None:
    if raw.startswith(("link:", "file:", "workspace:")):
        return None
    if _pnpm_alias(raw):
        parsed = pnpm_key(raw)
        return parsed[1] if parsed else None
    return _strip_peer_suffix(raw)


def parse_bun(path: str, data: dict) -> Lockfile:
    """bun.lock (bun 1.2+, JSONC): `packages` maps an install path (`fastify`, `@nestjs/core/tslib`
    for a copy nested under its dependent) to `["name@version", registry, {dependencies,
    peerDependencies, optionalPeers}, integrity]`; a top-level path is the hoisted copy the root
    resolves. Its peer lists hold resolved versions, so no peer range is recorded; its `dependencies`
are the package's own (what it brings to a plugin taking it as a peer). Workspace
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
        deps = meta.get("dependencies")
        if isinstance(deps, dict) and deps:  # the package's own, as npm's and yarn's entries record them
            lock.depends_on[(name, version)] = frozenset(str(d) for d in deps)
        if key != name and key.count("/") == key.startswith("@"):  # a top-level npm alias
            lock._add(key, version)
            lock.aliases[key] = name
            name = key
        if key == name:
            lock.importers.setdefault(".", {})[name] = version
    return lock


