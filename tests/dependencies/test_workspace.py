"""The workspace model: members, catalogs, package manager, lockfile and node_modules lookups."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from migrationlint.model.workspace import Workspace, find_root, member_dirs
from tests.helpers import TEST_DATA, lint

DATA = TEST_DATA / "deps"


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(DATA / name, target)
    return target


def write(path: Path, data: dict | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2) + "\n")


@pytest.mark.parametrize("name,manager,lockname", [
    ("npm-v3", "npm", "package-lock.json"), ("npm-v2", "npm", "package-lock.json"),
    ("pnpm-v6", "pnpm", "pnpm-lock.yaml"), ("pnpm-v9", "pnpm", "pnpm-lock.yaml"),
    ("yarn-v1", "yarn", "yarn.lock"), ("yarn-berry", "yarn", "yarn.lock"),
    ("catalogs", "pnpm", None), ("no-lockfile", "npm", None),
])
def test_manager_lockfile_and_members(tmp_path, name, manager, lockname):
    root = copy(name, tmp_path)
    ws = Workspace(find_root(str(root / "services" / "api")))
    assert ws.root == str(root)
    assert ws.package_manager == manager
    assert (ws.lockfile.name if ws.lockfile else None) == lockname
    assert {"@acme/api", "@acme/worker"} <= set(ws.members)
    assert ws.own_scopes == {"@acme"}


def test_pnpm_globs_with_negation(tmp_path):
    ws = Workspace(str(copy("pnpm-v9", tmp_path)))
    assert set(ws.members) == {"@acme/api", "@acme/worker"}  # '!services/legacy'


def test_lerna_and_workspaces_object(tmp_path):
    write(tmp_path / "lerna.json", {"packages": ["libs/*"], "version": "independent"})
    write(tmp_path / "package.json", {"name": "root", "private": True})
    write(tmp_path / "libs" / "orm" / "package.json", {"name": "@corp/orm", "version": "1.0.0"})
    write(tmp_path / "apps" / "web" / "package.json", {"name": "@corp/web", "version": "1.0.0"})
    ws = Workspace(str(tmp_path))
    assert ws.definition == "lerna.json"
    assert set(ws.members) == {"@corp/orm"}


def test_without_a_workspace_every_manifest_is_a_package(tmp_path):
    write(tmp_path / "api" / "package.json", {"name": "api", "dependencies": {"pg": "^8.13.1"}})
    write(tmp_path / "worker" / "package.json", {"name": "worker", "dependencies": {"pg": "^8.12.0"}})
    (tmp_path / ".git").mkdir()
    ws = Workspace(find_root(str(tmp_path / "api")))
    assert ws.definition is None and ws.root_manifest is None
    assert set(ws.members) == {"api", "worker"}
    assert [r for r, _ in ws.sibling_ranges("pg", exclude=str(tmp_path / "api" / "package.json"))] == ["^8.12.0"]


def test_catalogs_default_and_named(tmp_path):
    ws = Workspace(str(copy("catalogs", tmp_path)))
    assert ws.catalogs["default"]["ioredis"] == "^5.4.1"
    assert ws.catalogs["orm"] == {"typeorm": "^0.3.20", "pg": "^8.13.1"}


def test_node_modules_is_optional_enrichment(tmp_path):
    root = copy("no-lockfile", tmp_path)
    ws = Workspace(str(root))
    api = str(root / "services" / "api")
    assert ws.installed("kafkajs", api) is None
    write(root / "node_modules" / "kafkajs" / "package.json", {"name": "kafkajs", "version": "2.2.4"})
    write(root / "services" / "api" / "node_modules" / "@nestjs-modules" / "ioredis" / "package.json",
          {"name": "@nestjs-modules/ioredis", "version": "2.0.2", "peerDependencies": {"ioredis": ">=5"}})
    ws = Workspace(str(root))
    assert ws.installed("kafkajs", api) == ("2.2.4", {})
    assert ws.installed("@nestjs-modules/ioredis", api) == ("2.0.2", {"ioredis": False})
    assert ws.installed("@nestjs-modules/ioredis", str(root / "services" / "worker")) is None
    assert ws.known("kafkajs")


def test_package_manager_field_wins(tmp_path):
    root = copy("npm-v3", tmp_path)
    data = json.loads((root / "package.json").read_text())
    data["packageManager"] = "yarn@1.22.22"
    write(root / "package.json", data)
    assert Workspace(str(root)).package_manager == "yarn"


def test_a_repository_without_a_lockfile_uses_the_manager_its_settings_file_names(tmp_path):
    """yarn.lock gitignored, `.yarnrc.yml` committed (a real gRPC service: 28 `npm install` commands
    for a yarn berry repository); with neither, npm."""
    root = copy("no-lockfile", tmp_path)
    write(root / ".yarnrc", "--install.ignore-engines true\n")  # yarn 1's, often left behind by a move to another manager
    assert Workspace(str(root)).package_manager == "npm"
    write(root / ".yarnrc.yml", "nodeLinker: node-modules\n")
    assert Workspace(str(root)).package_manager == "yarn"
    os.remove(root / ".yarnrc.yml")  # lerna names its client (a real lerna/yarn repository: 3 `npm install` commands)
    write(root / "lerna.json", {"packages": ["services/*"], "npmClient": "yarn"})
    assert Workspace(str(root)).package_manager == "yarn"
    os.remove(root / "lerna.json")  # Volta pins the manager beside node (a betting service: `npm install cron` advised)
    data = json.loads((root / "package.json").read_text())
    write(root / "package.json", {**data, "volta": {"node": "20.15.0", "yarn": "1.22.22"}})
    assert Workspace(str(root)).package_manager == "yarn"
    write(root / "package.json", {**data, "volta": {"node": "20.15.0"}})
    assert Workspace(str(root)).package_manager == "npm"


def test_of_several_lockfiles_the_one_the_settings_file_names_wins(tmp_path):
    """A Yarn Berry repository (`.yarnrc.yml`, yarn.lock) with a stale package-lock.json left from
    an old `npm install`: its packages are yarn.lock's (the npm one said "installed nowhere" and gave
    npm advice); without the settings file the first lockfile found still decides."""
    root = copy("npm-v3", tmp_path)
    write(root / "yarn.lock", "# yarn lockfile v1\n")
    assert Workspace(str(root)).package_manager == "npm"
    write(root / ".yarnrc.yml", "nodeLinker: node-modules\n")
    assert Workspace(str(root)).package_manager == "yarn"
    assert Workspace(str(root)).lockfile.path.endswith("yarn.lock")


def test_of_several_lockfiles_without_settings_the_one_matching_the_manifests_wins(tmp_path):
    """No `packageManager`, no settings file: a package-lock.json left from an old `npm install`
    (Nest 8 where package.json now asks for Nest 10) beside the yarn.lock the repository installs
    with. The lockfile holding what the manifests declare decides (a real admin panel: npm advice and
    versions from the stale one); when both hold it alike, the fixed order still decides."""
    write(tmp_path / "package.json", {"name": "svc", "private": True, "dependencies": {"@nestjs/common": "^10.3.0"}})
    write(tmp_path / "package-lock.json", {"name": "svc", "lockfileVersion": 3, "packages": {
        "": {"name": "svc", "dependencies": {"@nestjs/common": "^8.2.6"}},
        "node_modules/@nestjs/common": {"version": "8.2.6"}}})
    (tmp_path / "yarn.lock").write_text('# yarn lockfile v1\n\n"@nestjs/common@^10.3.0":\n  version "10.3.0"\n')
    assert Workspace(str(tmp_path)).package_manager == "yarn"
    write(tmp_path / "package.json", {"name": "svc", "private": True, "dependencies": {"@nestjs/common": "*"}})
    assert Workspace(str(tmp_path)).package_manager == "npm"


def test_overrides_replace_manifests_on_disk(tmp_path):
    root = copy("no-lockfile", tmp_path)
    path = str(root / "services" / "api" / "package.json")
    ws = Workspace(str(root), {path: b'{"name": "@acme/api", "dependencies": {"kafkajs": "^2.2.4"}}'})
    assert ws.manifest(path).declared("kafkajs") == "dependencies"
    assert ws.manifest(path).declared("rxjs") is None


def test_sibling_ranges_and_workspace_protocol(tmp_path):
    root = copy("catalogs", tmp_path)
    ws = Workspace(str(root))
    assert not ws.uses_workspace_protocol
    assert [r for r, _ in ws.sibling_ranges("typeorm")] == ["catalog:orm"]


def test_a_glob_naming_a_dot_folder_finds_members_there(tmp_path):
    """`examples/.*/*` (pnpm): `examples/.experimental/next-app` is a member, so the package.json
    inside it that only sets export conditions (`src/api/`, linked with `link:`) is a label of that
    member, whose declarations its files use (21 DEP001 on a real repository). `examples/*` does not
    reach `examples/.tool`: a glob's `*` skips dot folders."""
    write(tmp_path / "package.json", {"name": "acme", "private": True})
    write(tmp_path / "pnpm-workspace.yaml", "packages:\n  - 'examples/*'\n  - 'examples/.*/*'\n")
    write(tmp_path / "examples/.experimental/next-app/package.json", {
        "name": "next-app", "private": True, "scripts": {"build": "next build", "start": "next start"},
        "dependencies": {"next": "^15.0.0", "react": "^19.0.0", "acme-api": "link:./src/api"}})
    write(tmp_path / "examples/.experimental/next-app/src/api/package.json",
          {"name": "acme-api", "exports": {".": {"react-server": "./server.ts", "default": "./client.ts"}}})
    write(tmp_path / "examples/.experimental/next-app/src/api/client.ts", "import { cache } from 'react';\n\nexport const get = cache(() => 1);\n")
    write(tmp_path / "examples/.tool/package.json", {"name": "hidden-tool", "version": "1.0.0"})
    ws = Workspace(str(tmp_path))
    assert sorted(ws.members) == ["next-app"]
    from tests.helpers import codes
    assert codes(tmp_path, ["DEP"]) == []


def test_a_member_glob_ending_in_double_star_names_its_own_folder(tmp_path):
    """`packages: ['playground/**']`: pnpm (like npm and yarn) looks for `playground/**/package.json`,
    and `**` also matches no folder, so `playground` itself is a member, whose devDependencies the
    nested members' tests find up the folder tree (a build tool's playground: 12 DEP001 for
    packages `playground/package.json` declares). `!x/**` takes the folder out the same way."""
    files = {
        "package.json": {"name": "root", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - 'pg/**'\n  - 'tools/**'\n  - '!tools/**'\n",
        "pg/package.json": {"name": "pg", "private": True, "devDependencies": {"kill-port": "^1.6.1"}},
        "pg/app/package.json": {"name": "pg-app", "private": True},
        "pg/app/__tests__/serve.ts": "import kill from 'kill-port';\n\nexport const stop = () => kill(5173);\n",
        "tools/package.json": {"name": "tools", "private": True},
    }
    for rel, content in files.items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content) if isinstance(content, dict) else content)
    assert sorted(os.path.relpath(d, tmp_path) for d in member_dirs(str(tmp_path))) == ["pg", os.path.join("pg", "app")]
    assert [d for d in lint(tmp_path) if d.code == "DEP001"] == []


def test_a_member_glob_without_a_slash_names_the_roots_folder_only(tmp_path):
    """`"workspaces": ["query-node", "query-node/mappings"]`: npm, yarn and pnpm read each glob from
    the root, so `devops/kubernetes/query-node`, a deployment project of the same name, is no member
    (a real chain's indexer was told to declare that project as "the workspace package"); a `!`
    glob leaves out only what it names from the root too."""
    write(tmp_path / "package.json", {"name": "root", "private": True,
                                      "workspaces": ["query-node", "query-node/mappings", "apps/*", "!web"]})
    for folder in ("query-node", "query-node/mappings", "devops/kubernetes/query-node", "apps/web", "web"):
        name = "query-node-root" if folder == "query-node" else folder.rsplit("/", 1)[-1]
        write(tmp_path / folder / "package.json", {"name": name, "version": "1.0.0"})
    found = sorted(os.path.relpath(d, tmp_path) for d in member_dirs(str(tmp_path)))
    assert found == ["apps/web", "query-node", "query-node/mappings"]
    write(tmp_path / "query-node/mappings/src/index.ts", "import { Membership } from 'query-node';\n\nexport const m = Membership;\n")
    (d,) = lint(tmp_path, ["DEP001"])
    assert "workspace package in devops" not in d.message, d.message


@pytest.mark.parametrize("build", ["yarn workspace query-node build", "pnpm --filter query-node build",
                                   "npm run build -w query-node"])
def test_a_workspace_package_a_build_step_generates_is_no_registry_package(tmp_path, build):
    """`workspaces` lists `query-node/generated/graphql-server`, which `hydra-cli codegen` writes
    (absent from a checkout); the scripts build it as `query-node`, and the mappings import
    `query-node/dist/model` through the workspace's link (a real chain's indexer: 23 DEP001 asking to
    declare it, which would send a fresh install to the registry). A name no script runs as a
    workspace is still reported."""
    write(tmp_path / "package.json", {"name": "root", "private": True, "workspaces": [
        "query-node", "query-node/mappings", "query-node/generated/graphql-server"]})
    write(tmp_path / "query-node/package.json", {"name": "query-node-root", "private": True,
                                                 "scripts": {"codegen": "hydra-cli codegen", "build": f"yarn codegen && {build}"}})
    write(tmp_path / "query-node/.gitignore", "generated\n")
    write(tmp_path / "query-node/mappings/package.json", {"name": "query-node-mappings", "version": "1.0.0",
                                                          "main": "lib/index.js", "scripts": {"build": "tsc"}})
    write(tmp_path / "query-node/mappings/src/index.ts", "import { Membership } from 'query-node/dist/model';\n"
                                                         "import { Other } from 'query-node-extra';\n\n"
                                                         "export const make = (id: string) => [new Membership({ id }), Other];\n")
    assert [d.extra["package"] for d in lint(tmp_path, ["DEP001"])] == ["query-node-extra"]
