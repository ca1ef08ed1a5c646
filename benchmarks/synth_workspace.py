"""Workspace-level files: root manifest, pnpm workspace and lockfile, base tsconfig.

The lockfile is rendered from the final manifests so importers always agree with
package.json, and every external package gets a `packages:` entry with its resolved
version and peer dependencies (optional peers marked as such, as pnpm 9 writes them).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from typing import Any

from synth_deps import Tooling, package_entries, snapshot_entries
from synth_output import Output

PNPM_VERSION = "9.15.0"


@dataclass(frozen=True)
class NpmPackage:
    """Registry facts for one external package: range used in manifests and resolution."""

    spec: str
    version: str
    peers: dict[str, str] = field(default_factory=dict)
    optional_peers: frozenset[str] = frozenset()
    deps: dict[str, str] = field(default_factory=dict)


NEST = "10.4.15"
REGISTRY: dict[str, NpmPackage] = {
    "@nestjs/common": NpmPackage(
        f"^{NEST}", NEST,
        {"class-transformer": "*", "class-validator": "*", "reflect-metadata": "^0.1.12 || ^0.2.0", "rxjs": "^7.1.0"},
        frozenset({"class-transformer", "class-validator"}),
        {"iterare": "1.2.1", "tslib": "2.8.1", "uid": "2.0.2"},
    ),
    "@nestjs/core": NpmPackage(
        f"^{NEST}", NEST,
        {"@nestjs/common": "^10.0.0", "@nestjs/microservices": "^10.0.0", "@nestjs/platform-express": "^10.0.0",
         "@nestjs/websockets": "^10.0.0", "reflect-metadata": "^0.1.12 || ^0.2.0", "rxjs": "^7.1.0"},
        frozenset({"@nestjs/microservices", "@nestjs/platform-express", "@nestjs/websockets"}),
        {"fast-safe-stringify": "2.1.1", "iterare": "1.2.1", "path-to-regexp": "3.3.0", "tslib": "2.8.1", "uid": "2.0.2"},
    ),
    "@nestjs/platform-express": NpmPackage(
        f"^{NEST}", NEST, {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0"}, frozenset(),
        {"body-parser": "1.20.3", "cors": "2.8.5", "express": "4.21.2", "multer": "1.4.4-lts.1", "tslib": "2.8.1"},
    ),
    "@nestjs/microservices": NpmPackage(
        f"^{NEST}", NEST,
        {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0", "@grpc/grpc-js": "*", "amqp-connection-manager": "*",
         "amqplib": "*", "ioredis": "*", "kafkajs": "*", "mqtt": "*", "nats": "*", "reflect-metadata": "^0.1.12 || ^0.2.0",
         "rxjs": "^7.1.0"},
        frozenset({"@grpc/grpc-js", "amqp-connection-manager", "amqplib", "ioredis", "kafkajs", "mqtt", "nats"}),
        {"iterare": "1.2.1", "tslib": "2.8.1"},
    ),
    "@nestjs/typeorm": NpmPackage(
        "^10.0.2", "10.0.2",
        {"@nestjs/common": "^8.0.0 || ^9.0.0 || ^10.0.0", "@nestjs/core": "^8.0.0 || ^9.0.0 || ^10.0.0",
         "reflect-metadata": "^0.1.13 || ^0.2.0", "rxjs": "^7.2.0", "typeorm": "^0.3.0"},
        frozenset(), {"uuid": "9.0.1"},
    ),
    "@nestjs/terminus": NpmPackage(
        "^10.2.3", "10.2.3",
        {"@nestjs/common": "^9.0.0 || ^10.0.0", "@nestjs/core": "^9.0.0 || ^10.0.0", "@nestjs/typeorm": "^9.0.0 || ^10.0.0",
         "@nestjs/microservices": "^9.0.0 || ^10.0.0", "typeorm": "*", "reflect-metadata": "0.1.x || 0.2.x",
         "rxjs": "7.x"},
        frozenset({"@nestjs/typeorm", "@nestjs/microservices", "typeorm"}),
        {"boxen": "5.1.2", "check-disk-space": "3.4.0"},
    ),
    "@nestjs/swagger": NpmPackage(
        "^8.1.0", "8.1.0",
        {"@fastify/static": "^8.0.0", "@nestjs/common": "^9.0.0 || ^10.0.0", "@nestjs/core": "^9.0.0 || ^10.0.0",
         "class-transformer": "*", "class-validator": "*", "reflect-metadata": "^0.1.12 || ^0.2.0"},
        frozenset({"@fastify/static", "class-transformer", "class-validator"}),
        {"@microsoft/tsdoc": "0.15.1", "@nestjs/mapped-types": "2.0.6", "js-yaml": "4.1.0", "lodash": "4.17.21",
         "path-to-regexp": "3.3.0", "swagger-ui-dist": "5.18.2"},
    ),
    "@nestjs/config": NpmPackage(
        "^3.3.0", "3.3.0", {"@nestjs/common": "^8.0.0 || ^9.0.0 || ^10.0.0", "rxjs": "^7.1.0"}, frozenset(),
        {"dotenv": "16.4.5", "dotenv-expand": "10.0.0", "lodash": "4.17.21"},
    ),
    "@nestjs/testing": NpmPackage(
        f"^{NEST}", NEST,
        {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0", "@nestjs/microservices": "^10.0.0",
         "@nestjs/platform-express": "^10.0.0"},
        frozenset({"@nestjs/microservices", "@nestjs/platform-express"}), {"tslib": "2.8.1"},
    ),
    "typeorm": NpmPackage(
        "^0.3.20", "0.3.20",
        {"pg": "^8.5.1", "ioredis": "^5.0.4", "mysql2": "^2.2.5 || ^3.0.1", "better-sqlite3": "^7.1.2 || ^8.0.0 || ^9.0.0"},
        frozenset({"pg", "ioredis", "mysql2", "better-sqlite3"}),
        {"reflect-metadata": "0.2.2", "sha.js": "2.4.11", "tslib": "2.8.1", "uuid": "9.0.1", "dayjs": "1.11.13"},
    ),
    "pg": NpmPackage("^8.13.1", "8.13.1", {"pg-native": ">=3.0.1"}, frozenset({"pg-native"}),
                     {"pg-connection-string": "2.7.0", "pg-pool": "3.7.0", "pg-protocol": "1.7.0"}),
    "kafkajs": NpmPackage("^2.2.4", "2.2.4"),
    "ioredis": NpmPackage("^5.4.2", "5.4.2", deps={"cluster-key-slot": "1.1.2", "denque": "2.1.0", "redis-errors": "1.2.0"}),
    "class-validator": NpmPackage("^0.14.1", "0.14.1", deps={"libphonenumber-js": "1.11.17", "validator": "13.12.0"}),
    "class-transformer": NpmPackage("^0.5.1", "0.5.1"),
    "reflect-metadata": NpmPackage("^0.2.2", "0.2.2"),
    "rxjs": NpmPackage("^7.8.1", "7.8.1", deps={"tslib": "2.8.1"}),
    "uuid": NpmPackage("^11.0.3", "11.0.3"),
    "lodash": NpmPackage("^4.17.21", "4.17.21"),
    "jest": NpmPackage("^29.7.0", "29.7.0", {"node-notifier": "^8.0.1 || ^9.0.0 || ^10.0.0"}, frozenset({"node-notifier"})),
    "ts-jest": NpmPackage("^29.2.5", "29.2.5", {"jest": "^29.0.0", "typescript": ">=4.3 <6"}, frozenset(),
                          {"bs-logger": "0.2.6", "json5": "2.2.3", "semver": "7.6.3"}),
    "typescript": NpmPackage("^5.7.2", "5.7.2"),
    "prettier": NpmPackage("^3.4.2", "3.4.2"),
    "@types/jest": NpmPackage("^29.5.14", "29.5.14"),
    "@types/node": NpmPackage("^22.10.2", "22.10.2", deps={"undici-types": "6.20.0"}),
    "@types/lodash": NpmPackage("^4.17.13", "4.17.13"),
}


def registry(name: str) -> NpmPackage:
    """Registry entry for `name`; an unknown name is a generator bug."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"no version known for {name}; add it to REGISTRY") from None


def root_manifest(tools: list[str] = ()) -> dict[str, Any]:
    """Root package.json: pnpm pinned, lodash declared only here (DEP005 bait), and the workspace's
    build and test `tools` (150 in the generated tree, as many as real monorepos list)."""
    dev = {name: registry(name).spec for name in ("@types/node", "prettier", "typescript", *tools)}
    return {
        "name": "bench-monorepo",
        "version": "0.0.0",
        "private": True,
        "packageManager": f"pnpm@{PNPM_VERSION}",
        "engines": {"node": ">=20"},
        "scripts": {"build": "pnpm -r build", "test": "pnpm -r test", "format": "prettier --write ."},
        "dependencies": {"lodash": registry("lodash").spec},
        "devDependencies": dict(sorted(dev.items())),
    }


def base_tsconfig() -> dict[str, object]:
    """tsconfig.base.json shared by every package (decorators on, CommonJS output)."""
    return {
        "compilerOptions": {
            "target": "ES2021",
            "module": "commonjs",
            "moduleResolution": "node",
            "lib": ["ES2021"],
            "declaration": True,
            "sourceMap": True,
            "strict": True,
            "strictPropertyInitialization": False,
            "experimentalDecorators": True,
            "emitDecoratorMetadata": True,
            "esModuleInterop": True,
            "skipLibCheck": True,
            "forceConsistentCasingInFileNames": True,
            "incremental": True,
        }
    }


def workspace_yaml() -> str:
    """pnpm-workspace.yaml listing services and shared packages."""
    return "packages:\n  - 'services/*'\n  - 'shared/*'\n"


def _yaml_scalar(value: str) -> str:
    """Quote a YAML scalar the way pnpm does when a plain scalar would be ambiguous."""
    if not value or value[0] in "@*&!|>'\"%#{}[],?:-`" or ": " in value or " #" in value:
        return "'" + value.replace("'", "''") + "'"
    return value


def _integrity(name: str, version: str) -> str:
    """Deterministic stand-in for an npm sha512 integrity string."""
    digest = hashlib.sha512(f"{name}@{version}".encode()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def _peer_suffix(name: str, declared: dict[str, str]) -> str:
    """The `(peer@version)` suffix pnpm appends: required peers plus optional ones the importer has."""
    pkg = registry(name)
    parts = []
    for peer in sorted(pkg.peers):
        if (peer in declared and peer in REGISTRY) or (peer not in pkg.optional_peers and peer in REGISTRY):
            parts.append(f"({peer}@{registry(peer).version})")
    return "".join(parts)


def _importer_lines(path: str, manifest: dict[str, Any], workspace_dirs: dict[str, str]) -> list[str]:
    """Lockfile `importers:` entry of one manifest."""
    lines = [f"  {_yaml_scalar(path)}:"]
    declared: dict[str, str] = {}
    for key in ("dependencies", "devDependencies"):
        declared.update(manifest.get(key, {}))
    for key in ("dependencies", "devDependencies", "peerDependencies"):
        section: dict[str, str] = manifest.get(key, {})
        if not section or key == "peerDependencies":
            continue
        lines.append(f"    {key}:")
        for name in sorted(section):
            spec = section[name]
            if spec.startswith("workspace:"):
                version = "link:" + _relative_link(path, workspace_dirs[name])
            else:
                version = registry(name).version + _peer_suffix(name, declared)
            lines += [f"      {_yaml_scalar(name)}:", f"        specifier: {_yaml_scalar(spec)}",
                      f"        version: {_yaml_scalar(version)}"]
    lines.append("")
    return lines


def _relative_link(importer: str, directory: str) -> str:
    """Relative path from an importer directory to a workspace package directory."""
    depth = 0 if importer == "." else importer.count("/") + 1
    return "../" * depth + directory


def _package_lines(name: str) -> list[str]:
    """Lockfile `packages:` entry: resolution plus peer metadata."""
    pkg = registry(name) if name in REGISTRY else NpmPackage("", "")
    lines = [f"  {_yaml_scalar(name + '@' + pkg.version)}:",
             f"    resolution: {{integrity: {_integrity(name, pkg.version)}}}"]
    if pkg.peers:
        lines.append("    peerDependencies:")
        lines += [f"      {_yaml_scalar(p)}: {_yaml_scalar(r)}" for p, r in sorted(pkg.peers.items())]
    if pkg.optional_peers:
        lines.append("    peerDependenciesMeta:")
        for peer in sorted(pkg.optional_peers):
            lines += [f"      {_yaml_scalar(peer)}:", "        optional: true"]
    lines.append("")
    return lines


def _transitive_lines(name: str, version: str) -> list[str]:
    """Lockfile `packages:` entry for a transitive dependency we only know by version."""
    return [f"  {_yaml_scalar(name + '@' + version)}:",
            f"    resolution: {{integrity: {_integrity(name, version)}}}", ""]


def lockfile(manifests: dict[str, dict[str, Any]], tooling: Tooling | None = None) -> str:
    """pnpm-lock.yaml (lockfileVersion 9.0) for the given importer path -> manifest map; with
    `tooling`, its whole graph joins `packages:` and `snapshots:` (keys sorted, as pnpm writes)."""
    workspace_dirs = {str(m["name"]): path for path, m in manifests.items() if path != "."}
    lines = ["lockfileVersion: '9.0'", "", "settings:", "  autoInstallPeers: true",
             "  excludeLinksFromLockfile: false", "", "importers:", ""]
    externals: set[str] = set()
    for path in sorted(manifests):
        manifest = manifests[path]
        lines += _importer_lines(path, manifest, workspace_dirs)
        for key in ("dependencies", "devDependencies"):
            for name, spec in manifest.get(key, {}).items():
                if not spec.startswith("workspace:") and (tooling is None or name not in tooling.main):
                    externals.add(name)
    transitive: dict[str, str] = {}
    for name in externals:
        transitive.update(registry(name).deps)
    packages = {f"{n}@{registry(n).version}": _package_lines(n) for n in externals}
    packages.update({f"{n}@{v}": _transitive_lines(n, v) for n, v in transitive.items() if n not in externals})
    snapshots = {f"{n}@{registry(n).version}": _snapshot_lines(n) for n in externals}
    if tooling is not None:
        packages.update(package_entries(tooling, _yaml_scalar))
        snapshots.update(snapshot_entries(tooling, _yaml_scalar))
    lines += ["packages:", ""]
    for key in sorted(packages):
        lines += packages[key]
    lines += ["snapshots:", ""]
    for key in sorted(snapshots):
        lines += snapshots[key]
    return "\n".join(lines)


def _snapshot_lines(name: str) -> list[str]:
    """Lockfile `snapshots:` entry of a registry package: its dependencies by version."""
    pkg = registry(name)
    lines = [f"  {_yaml_scalar(name + '@' + pkg.version)}:"]
    if pkg.deps:
        lines.append("    dependencies:")
        lines += [f"      {_yaml_scalar(d)}: {v}" for d, v in sorted(pkg.deps.items())]
    else:
        lines[-1] += " {}"
    return lines + [""]


def register_tooling(tooling: Tooling) -> None:
    """Make the tooling's main versions known to registry() (manifest ranges, importer versions)."""
    for name, pkg in tooling.main.items():
        REGISTRY[name] = NpmPackage(f"^{pkg.version}", pkg.version, dict(pkg.peers), pkg.optional_peers)


def write_root(out: Output, tools: list[str] = ()) -> None:
    """Root manifest, workspace file and base tsconfig (the lockfile comes last)."""
    out.add_json("package.json", root_manifest(tools))
    out.add("pnpm-workspace.yaml", workspace_yaml())
    out.add_json("tsconfig.base.json", base_tsconfig())
    out.add(".gitignore", "node_modules/\ndist/\n.migrationlint_cache/\n")
