"""Workspace data at the size real monorepos have: a tooling dependency graph and JSONC tsconfigs.

Why: the linter's cost on real repositories was dominated by workspace data the synthetic tree
did not have: a 1-2 MB pnpm-lock.yaml (thousands of packages, peer-suffixed snapshot keys, several
versions of one package), package.json files with many entries, and 30+ tsconfigs that extend
each other and are JSONC (comments, trailing commas). This module makes those deterministically:

- `build_tooling(rng)`: about 3,000 build and test tool packages (none is ever imported by the
  generated code), a dependency DAG between them, peers on a few host packages, a second major
  version for some. The root manifest declares the top ones as devDependencies, each service a
  dozen more, and the lockfile gets their `packages:` and `snapshots:` entries.
- `jsonc(...)`: JSON text with comments and trailing commas, as editors and `tsc --init` write it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
from dataclasses import dataclass, field

_WORDS = ("lint", "format", "bundle", "transform", "parse", "glob", "path", "stream", "color", "cli", "config",
          "cache", "hash", "ast", "source", "map", "watch", "fs", "util", "core", "plugin", "preset", "loader",
          "resolve", "range", "debug", "event", "buffer", "string", "array", "object", "type", "check", "mock",
          "spy", "report", "coverage", "env", "args", "prompt", "spinner", "progress", "queue", "retry", "proxy",
          "schema", "tree", "walk", "match", "escape", "merge", "clone", "diff", "patch", "minify", "compress")
_SCOPES = ("@toolkit", "@lintkit", "@buildkit", "@testkit", "@devkit", "@docskit")
HOSTS = 8  # the first packages are hosts that others declare as peers (like eslint, jest, webpack)


@dataclass
class ToolPackage:
    """One version of a tooling package: its dependencies by exact version, its peers."""

    name: str
    version: str
    deps: dict[str, str] = field(default_factory=dict)
    peers: dict[str, str] = field(default_factory=dict)
    optional_peers: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass
class Tooling:
    """The tooling graph: every version, the main version of each name, and who declares what."""

    versions: list[ToolPackage]
    main: dict[str, ToolPackage]
    root_dev: list[str]
    service_pool: list[str]

    def suffix(self, pkg: ToolPackage) -> str:
        """pnpm's `(peer@version)` suffix: every required peer, resolved to the host's main version."""
        return "".join(f"({p}@{self.main[p].version})" for p in sorted(pkg.peers) if p not in pkg.optional_peers)

    def importer_version(self, name: str) -> str:
        """What an importer's `version:` says for a declared tool (peer suffix included)."""
        pkg = self.main[name]
        return pkg.version + self.suffix(pkg)


def _names(rng: random.Random, count: int) -> list[str]:
    """Distinct package names, a third of them scoped."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        stem = f"{rng.choice(_WORDS)}-{rng.choice(_WORDS)}"
        if rng.random() < 0.3:
            stem = f"{stem}-{rng.choice(_WORDS)}"
        name = f"{rng.choice(_SCOPES)}/{stem}" if rng.random() < 0.33 else f"{stem}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _version(rng: random.Random, major: int | None = None) -> str:
    major = rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 7, 9, 10, 29)) if major is None else major
    return f"{major}.{rng.randrange(30)}.{rng.randrange(20)}"


def build_tooling(rng: random.Random, count: int = 3000) -> Tooling:
    """A deterministic tooling DAG: package i depends only on packages after it (leaves last)."""
    names = _names(rng, count)
    main = {n: ToolPackage(n, _version(rng)) for n in names}
    versions = list(main.values())
    older: dict[str, ToolPackage] = {}
    for name in names[HOSTS:]:
        if rng.random() < 0.15:  # a second, older major used by some dependents
            major = int(main[name].version.split(".")[0])
            older[name] = ToolPackage(name, _version(rng, max(0, major - 1)) + ("-rc.1" if rng.random() < 0.05 else ""))
            versions.append(older[name])
    for i, pkg in enumerate(versions):
        index = names.index(pkg.name) if i >= count else i
        later = names[index + 1:]
        for dep in rng.sample(later, min(len(later), rng.choice((0, 1, 2, 3, 3, 4, 5, 6)))):
            pkg.deps[dep] = (older[dep] if dep in older and rng.random() < 0.3 else main[dep]).version
        if index >= HOSTS and rng.random() < 0.12:
            for host in rng.sample(names[:HOSTS], rng.choice((1, 1, 2))):
                pkg.peers[host] = f"^{main[host].version.split('.')[0]}.0.0"
            if rng.random() < 0.4:
                pkg.peers["typescript"] = ">=4.7"
                pkg.optional_peers = frozenset({"typescript"})
    return Tooling(versions, main, root_dev=names[:150], service_pool=names[150:450])


def service_tools(tooling: Tooling, rng: random.Random) -> list[str]:
    """The dozen tools one service declares as devDependencies."""
    return sorted(rng.sample(tooling.service_pool, 12))


def integrity(key: str) -> str:
    """Deterministic stand-in for an npm sha512 integrity string."""
    return "sha512-" + base64.b64encode(hashlib.sha512(key.encode()).digest()).decode()


def package_entries(tooling: Tooling, quote) -> dict[str, list[str]]:
    """`packages:` entries (key -> lines): resolution, engines, peers, their optional flags."""
    out: dict[str, list[str]] = {}
    for pkg in tooling.versions:
        lines = [f"  {quote(pkg.key)}:", f"    resolution: {{integrity: {integrity(pkg.key)}}}",
                 f"    engines: {{node: {quote('>=' + str(12 + len(pkg.name) % 9))}}}"]
        if pkg.peers:
            lines.append("    peerDependencies:")
            lines += [f"      {quote(p)}: {quote(r)}" for p, r in sorted(pkg.peers.items())]
        if pkg.optional_peers:
            lines.append("    peerDependenciesMeta:")
            for peer in sorted(pkg.optional_peers):
                lines += [f"      {quote(peer)}:", "        optional: true"]
        out[pkg.key] = lines + [""]
    return out


def snapshot_entries(tooling: Tooling, quote) -> dict[str, list[str]]:
    """`snapshots:` entries keyed with peer suffixes; dependency versions carry theirs too."""
    by_key = {p.key: p for p in tooling.versions}
    out: dict[str, list[str]] = {}
    for pkg in tooling.versions:
        key = pkg.key + tooling.suffix(pkg)
        if not pkg.deps:
            out[key] = [f"  {quote(key)}: {{}}", ""]
            continue
        lines = [f"  {quote(key)}:", "    dependencies:"]
        for dep, version in sorted(pkg.deps.items()):
            lines.append(f"      {quote(dep)}: {quote(version + tooling.suffix(by_key[f'{dep}@{version}']))}")
        out[key] = lines + [""]
    return out


# ----------------------------------------------------------------------------- JSONC


def jsonc(data: dict, comments: dict[str, str], header: str) -> str:
    """`data` as JSONC: a header comment, `// ...` above the keys named in `comments` (dotted
    paths), a block comment inside compilerOptions, and a trailing comma after every last member."""
    return f"// {header}\n" + _render(data, comments, "", 0) + "\n"


def _render(value: object, comments: dict[str, str], where: str, depth: int) -> str:
    pad = "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = []
        for key, item in value.items():
            path = f"{where}.{key}" if where else key
            note = f"{pad}// {comments[path]}\n" if path in comments else ""
            parts.append(f"{note}{pad}{json.dumps(key)}: {_render(item, comments, path, depth + 1)},\n")
        if where == "compilerOptions":
            parts.insert(0, f"{pad}/* options for this package; see https://aka.ms/tsconfig */\n")
        return "{\n" + "".join(parts) + "  " * depth + "}"
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(v) for v in value) + ("," if value else "") + "]"
    return json.dumps(value)


# ----------------------------------------------------------------------------- the tree


def nest_tsconfig() -> str:
    """tsconfig/nest.json: the middle of every service's extends chain (decorators, no paths)."""
    data = {"extends": "../tsconfig.base.json",
            "compilerOptions": {"experimentalDecorators": True, "emitDecoratorMetadata": True, "target": "ES2021"}}
    return jsonc(data, {"extends": "shared compiler options",
                        "compilerOptions.emitDecoratorMetadata": "NestJS reads constructor types at runtime"},
                 "NestJS services extend this file")


def service_tsconfig(original: dict) -> str:
    """A service's tsconfig.json as JSONC, extending tsconfig/nest.json; same options otherwise."""
    data = dict(original, extends="../../tsconfig/nest.json")
    return jsonc(data, {"compilerOptions.paths": "`@/x` is `src/x` (jest's moduleNameMapper says the same)",
                        "exclude": "build output is never type-checked"}, "generated service tsconfig")


def test_tsconfig() -> str:
    """A service's test/tsconfig.json: a fourth link of the chain, covering only test/."""
    data = {"extends": "../tsconfig.json", "compilerOptions": {"types": ["jest", "node"]}, "include": ["**/*.ts"]}
    return jsonc(data, {"include": "e2e specs only"}, "jest e2e tests")


def shared_tsconfig(original: dict) -> str:
    """A shared package's tsconfig.json as JSONC (same options)."""
    return jsonc(original, {"compilerOptions.composite": "project references build the shared packages first"},
                 "generated shared package tsconfig")


def apply(out, manifests: dict[str, dict], tooling: Tooling, rng: random.Random) -> None:
    """Give the rendered tree real repositories' workspace data: a dozen tool devDependencies per
    service (the root's come with root_manifest), and JSONC tsconfigs with extends chains."""
    out.add("tsconfig/nest.json", nest_tsconfig())
    for directory, manifest in manifests.items():
        if directory.startswith("services/"):
            dev = dict(manifest.get("devDependencies", {}))
            dev.update({name: f"^{tooling.main[name].version}" for name in service_tools(tooling, rng)})
            manifest["devDependencies"] = dict(sorted(dev.items()))
            out.files[f"{directory}/package.json"] = json.dumps(manifest, indent=2) + "\n"
            original = json.loads(out.files[f"{directory}/tsconfig.json"])
            out.files[f"{directory}/tsconfig.json"] = service_tsconfig(original)
            out.add(f"{directory}/test/tsconfig.json", test_tsconfig())
        elif directory.startswith("shared/"):
            original = json.loads(out.files[f"{directory}/tsconfig.json"])
            out.files[f"{directory}/tsconfig.json"] = shared_tsconfig(original)
