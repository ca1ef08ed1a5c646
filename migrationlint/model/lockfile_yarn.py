"""yarn.lock parsers: yarn 2+ (YAML with `__metadata`, read by lockfiles.py's YAML loader) and
yarn classic (v1), whose format is not YAML and gets a small dedicated block reader here, which
also answers what `yarn install --production` places (yarn_classic_production; yarn 2+'s answer,
from the same closure, is lockfiles.yarn_berry_production).
"""

from __future__ import annotations

import json
import os

from migrationlint.model.lockfile_record import Lockfile

def _spec_name(spec: str) -> str | None:
    """`lodash@^4.17.21` / `@babel/core@npm:^7.0.0` -> the package name before the range."""
    spec = spec.strip().strip('"')
    at = spec.find("@", 1)
    return spec[:at] if at > 0 else None


def parse_yarn_berry(path: str, data: dict) -> Lockfile:
    """yarn.lock of yarn 2+ (YAML with `__metadata`). A workspace's entry (`name@workspace:packages/api`)
    says which descriptor each of its dependencies resolves through (`"@nestjs/common": "npm:^9.4.0"`):
    the version that workspace resolves, recorded as its importer's (two workspaces on two majors)."""
    lock = Lockfile(path, "yarn-berry")
    version_of: dict[str, str] = {}  # descriptor -> the version it resolves to
    workspaces: list[tuple[str, dict]] = []
    for key, entry in data.items():
        if key == "__metadata" or not isinstance(entry, dict):
            continue
        resolution = str(entry.get("resolution", ""))
        version = entry.get("version")
        if "@workspace:" in resolution:
            workspaces.append((resolution.split("@workspace:", 1)[1], entry))
            continue
        if entry.get("linkType") == "soft" or not isinstance(version, str):
            continue
        specs = [spec.strip() for spec in str(key).split(",")]
        names = {name for name in map(_spec_name, specs) if name} or {_spec_name(resolution)}
        for name in sorted(n for n in names if n):  # the key's names: node_modules holds the package under
            lock._add_entry(name, version, entry)   # each (an npm alias's own name, and the package's)
        for spec in specs:
            _note_alias(lock, spec)
            version_of[spec] = version
    for folder, entry in workspaces:
        _note_importer(lock, folder, entry.get("dependencies"), version_of)
    return lock


def _note_importer(lock: Lockfile, folder: str, deps: object, version_of: dict[str, str]) -> None:
    """The versions the workspace at `folder` resolves its dependencies to, through the descriptors its
    entry names (a range without a protocol is the registry's, as yarn 2 wrote them)."""
    for name, rng in deps.items() if isinstance(deps, dict) else ():
        rng = str(rng)
        version = version_of.get(f"{name}@{rng if ':' in rng else 'npm:' + rng}")
        if version is not None:
            lock.importers.setdefault(os.path.normpath(folder).replace(os.sep, "/"), {})[str(name)] = version


def parse_yarn_classic(path: str, text: str) -> Lockfile:
    """yarn.lock v1: blocks `"a@^1", a@^1.2:` with indented `version "1.2.3"` lines. The format
    records no peers; node_modules or the built-in table supply them."""
    lock = Lockfile(path, "yarn-classic")
    version_of: dict[str, tuple[str, str]] = {}  # descriptor -> (name, version) it resolves to
    blocks = _yarn_v1_blocks(text)
    for header, fields in blocks:
        version = fields.get("version")
        specs = _split_specs(header)
        for name in {_spec_name(s) for s in specs}:
            if name and isinstance(version, str):
                lock._add(name, version)
                lock.add_own_dependencies(name, version, fields.get("dependencies"))
        for spec in specs:
            _note_alias(lock, spec)
            name = _spec_name(spec)
            if name and isinstance(version, str):
                version_of[spec] = (name, version)
    _count_dependents(lock, blocks, version_of)
    return lock


def _count_dependents(lock: Lockfile, blocks: list[tuple[str, dict]], version_of: dict[str, tuple[str, str]]) -> None:
    """How many entries depend on each version (`wanted_by`): of a package held in several majors,
    yarn 1 hoists where undeclared imports find it the version most entries want, as a rule."""
    for _, fields in blocks:
        for section in ("dependencies", "optionalDependencies"):
            deps = fields.get(section)
            for dep, wanted in deps.items() if isinstance(deps, dict) else ():
                found = version_of.get(f"{dep}@{wanted}")
                if found is not None:
                    lock.wanted_by[found] = lock.wanted_by.get(found, 0) + 1


def _note_alias(lock: Lockfile, spec: str) -> None:
    """`alias@npm:real@^1` (yarn 2+ key; yarn v1 writes `alias@"npm:real@^1"`): the lockfile installs
    `real` under the name `alias`."""
    spec = spec.replace('"', "").strip()
    name = _spec_name(spec)
    target = spec[len(name) + 1:] if name else ""
    real = _spec_name(target[4:]) if target.startswith("npm:") else None
    if name and real and real != name:
        lock.aliases[name] = real


def yarn_classic_production(path: str, roots: dict[str, str]) -> set[str]:
    """The packages `yarn install --production` places for the production dependencies `roots`
    ({name: range}: the installing manifests' `dependencies` and `optionalDependencies`), from the
    yarn.lock v1 entries. Read again only when a dev-only package would be reported (the parsed
    Lockfile keeps no graph)."""
    try:
        with open(path, encoding="utf-8") as fh:
            blocks = _yarn_v1_blocks(fh.read())
    except (OSError, ValueError, UnicodeDecodeError):
        return set()
    entry_of = {spec: fields for header, fields in blocks for spec in _split_specs(header)}
    return production_closure(entry_of, [f"{name}@{spec}" for name, spec in roots.items()])


def production_closure(entry_of: dict[str, dict], todo: list[str]) -> set[str]:
    """The names of the packages a production install places, from a yarn lockfile's entries by
    descriptor (`name@range` as the lockfile writes it): the closure of the `todo` descriptors over
    each entry's `dependencies` and `optionalDependencies` (`{name: range}`, so `name@range` again)."""
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
