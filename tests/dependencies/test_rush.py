"""Rush monorepos: rush.json's projects are the workspace's members, the lockfile Rush keeps under
common/config/ (one per subspace when subspaces are on) is the workspace's lockfile, and a fix that
needs a command is Rush's own (two real Rush monorepos: 11 DEP001 for a VS Code extension's
`vscode` that the lockfile explains, and `npm install` advice)."""

from __future__ import annotations

import json
from pathlib import Path

from migrationlint.model.workspace import Workspace, find_root
from tests.dependencies.test_shipping import write
from tests.helpers import lint

RUSH = "/* written by rush init */\n" + json.dumps({
    "rushVersion": "5.120.0", "pnpmVersion": "8.15.0",
    "projects": [{"packageName": "acme-ext", "projectFolder": "tools/ext"},
                 {"packageName": "@acme/util", "projectFolder": "libs/util"}]}, indent=2) + "\n"

LOCK = """lockfileVersion: '6.0'
importers:
  .: {}
  BASE/tools/ext:
    devDependencies:
      '@types/vscode':
        specifier: 1.90.0
        version: 1.90.0
  BASE/libs/util:
    dependencies:
      lodash:
        specifier: ^4.17.21
        version: 4.17.21
packages:
  /@types/vscode@1.90.0:
    dev: true
  /lodash@4.17.21:
    dev: false
"""

EXTENSION = ("import * as vscode from 'vscode';\nimport { pad } from '@acme/util';\nimport chalk from 'chalk';\n\n"
             "export const hello = () => vscode.window.showInformationMessage(pad(chalk.red('x')));\n")


def rush_repo(root: Path, lockfile: str, base: str) -> Path:
    (root / ".git").mkdir(parents=True)
    return write(root, {
        "rush.json": RUSH,
        lockfile: LOCK.replace("BASE", base),
        "tools/ext/package.json": {"name": "acme-ext", "version": "1.0.0", "main": "lib/extension.js",
                                   "engines": {"vscode": "^1.90.0"}, "devDependencies": {"@types/vscode": "1.90.0"}},
        "tools/ext/src/extension.ts": EXTENSION,
        "libs/util/package.json": {"name": "@acme/util", "version": "1.0.0", "main": "lib/index.js",
                                   "dependencies": {"lodash": "^4.17.21"}},
        "libs/util/src/index.ts": "import { padStart } from 'lodash';\n\nexport const pad = (s: string) => padStart(s, 3);\n",
    })


def test_rush_projects_are_members_and_its_lockfile_is_read(tmp_path):
    root = rush_repo(tmp_path, "common/config/rush/pnpm-lock.yaml", "../..")
    write(root, {"package-lock.json": {"lockfileVersion": 3, "packages": {}}})  # a stray one: Rush's wins
    ws = Workspace(find_root(str(root / "tools/ext/src")))
    assert ws.root == str(root) and ws.definition == "rush.json" and ws.package_manager == "pnpm"
    assert sorted(m.name for m in ws.member_manifests) == ["@acme/util", "acme-ext"]
    assert ws.lockfile is not None and ws.lockfile.importers["libs/util"] == {"lodash": "4.17.21"}
    found = {d.extra["package"]: d.message for d in lint(root, ["DEP"])}
    assert sorted(found) == ["@acme/util", "chalk"]  # `vscode`: the extension host's (the lockfile holds no vscode)
    assert "run `cd tools/ext && rush add -p chalk`" in found["chalk"]


def test_each_subspace_keeps_a_lockfile_of_its_own(tmp_path):
    root = rush_repo(tmp_path, "common/config/subspaces/default/pnpm-lock.yaml", "../../..")
    write(root, {"common/config/rush/subspaces.json": '// subspaces\n{"subspacesEnabled": true}\n'})
    ws = Workspace(str(root))
    assert ws.lockfile is not None and set(ws.lockfile.importers) == {"tools/ext", "libs/util"}
    assert sorted(d.extra["package"] for d in lint(root, ["DEP"])) == ["@acme/util", "chalk"]


def test_without_the_lockfile_vscode_is_reported(tmp_path):
    """The control: the same extension with no lockfile gets the finding the lockfile removes."""
    root = rush_repo(tmp_path, "common/config/rush/other.yaml", "../..")
    assert sorted(d.extra["package"] for d in lint(root, ["DEP"])) == ["@acme/util", "chalk", "vscode"]


def test_types_a_rig_supplies_through_type_roots_need_no_declaration(tmp_path):
    """A project's tsconfig extends a rig's through `./node_modules/<rig>/...` (linked with
    `workspace:*`), and the rig's sets `typeRoots` to its own `node_modules/@types` and declares
    `@types/node` (5 DEP001 in a real Rush monorepo): tsc finds the types there. Without the rig's
    declaration the finding stays."""
    (tmp_path / ".git").mkdir()
    rig_config = {"compilerOptions": {"types": ["node"], "typeRoots": ["../../node_modules/@types"],
                                      "rootDir": "${configDir}/src"}, "include": ["${configDir}/src/**/*.ts"]}
    root = write(tmp_path, {
        "rush.json": json.dumps({"rushVersion": "5.120.0", "pnpmVersion": "8.15.0", "projects": [
            {"packageName": "node-rig", "projectFolder": "rigs/node-rig"},
            {"packageName": "@acme/tool", "projectFolder": "apps/tool"}]}),
        "rigs/node-rig/package.json": {"name": "node-rig", "version": "1.0.0", "dependencies": {"@types/node": "20.17.19"}},
        "rigs/node-rig/profiles/default/tsconfig-base.json": rig_config,
        "apps/tool/package.json": {"name": "@acme/tool", "version": "1.0.0", "main": "lib/index.js",
                                   "devDependencies": {"node-rig": "workspace:*"}},
        "apps/tool/tsconfig.json": {"extends": "./node_modules/node-rig/profiles/default/tsconfig-base.json"},
        "apps/tool/src/index.ts": '/// <reference types="node" preserve="true" />\nexport const cwd = process.cwd();\n',
    })
    assert lint(root, ["DEP"]) == []
    write(root, {"rigs/node-rig/package.json": {"name": "node-rig", "version": "1.0.0"}})
    assert [d.extra["package"] for d in lint(root, ["DEP"])] == ["@types/node"]


LEGACY_LOCK = """dependencies:
  '@rush-temp/api': file:projects/api.tgz
  '@rush-temp/api-client': file:projects/api-client.tgz_4f1e
lockfileVersion: 5.2
packages:
  /@nestjs/common/8.1.1_rm:
    dependencies: {reflect-metadata: 0.1.13}
    peerDependencies: {reflect-metadata: ^0.1.12}
  /@nestjs/swagger/5.1.4_cc:
    dependencies: {'@nestjs/common': 8.1.1_rm, reflect-metadata: 0.1.13}
    peerDependencies: {'@nestjs/common': ^8.0.0, reflect-metadata: ^0.1.12}
  /reflect-metadata/0.1.13: {}
  file:projects/api.tgz:
    dependencies: {'@nestjs/common': 8.1.1_rm, '@nestjs/swagger': 5.1.4_cc, reflect-metadata: 0.1.13}
    name: '@rush-temp/api'
    version: 0.0.0
  file:projects/api-client.tgz_4f1e:
    dependencies: {'@nestjs/swagger': 5.1.4_cc}
    name: '@rush-temp/api-client'
    version: 0.0.0
"""


def test_rush_owns_the_install_and_its_pnpm_lockfile_without_workspaces_is_read(tmp_path):
    """A Rush repository on pnpm 5 (rush.json `pnpmVersion`) that also keeps a leftover root
    `workspaces` and lerna.json's `"npmClient": "yarn"`: Rush installs, and its lockfile names each
    project `@rush-temp/<name>` (a package `file:projects/<name>.tgz`), whose dependencies' snapshots
    list the peers pnpm linked (an energy platform: 97 DEP003 saying yarn never installs peers).
    A peer the snapshot does not list is reported, with the pnpm release rush.json pins."""
    (tmp_path / ".git").mkdir()
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "lerna.json": {"packages": ["packages/*"], "version": "independent", "npmClient": "yarn"},
        "rush.json": json.dumps({"rushVersion": "5.40.5", "pnpmVersion": "5.18.1", "projects": [
            {"packageName": "@acme/api", "projectFolder": "packages/api"},
            {"packageName": "@acme/api-client", "projectFolder": "packages/api-client"}]}),
        "common/config/rush/pnpm-lock.yaml": LEGACY_LOCK,
        "packages/api/package.json": {"name": "@acme/api", "version": "1.0.0", "main": "dist/index.js",
                                      "dependencies": {"@nestjs/common": "8.1.1", "@nestjs/swagger": "5.1.4",
                                                       "reflect-metadata": "0.1.13"}},
        "packages/api/src/index.ts": "import { Controller } from '@nestjs/common';\nimport { ApiTags } from '@nestjs/swagger';\n\n"
                                     "@ApiTags('devices')\n@Controller('devices')\nexport class DeviceController {}\n",
        "packages/api-client/package.json": {"name": "@acme/api-client", "version": "1.0.0", "main": "dist/index.js",
                                             "scripts": {"build": "ts-node src/generate-schema.ts && tsc"},
                                             "devDependencies": {"@nestjs/swagger": "5.1.4"}},
        "packages/api-client/src/generate-schema.ts": "import { DocumentBuilder } from '@nestjs/swagger';\n\n"
                                                      "console.log(new DocumentBuilder().build());\n",
    })
    ws = Workspace(str(root))
    assert ws.definition == "rush.json" and ws.package_manager == "pnpm"
    assert ws.lockfile is not None and ws.lockfile.importers["packages/api-client"] == {"@nestjs/swagger": "5.1.4"}
    assert lint(root, ["DEP003"]) == []
    write(root, {"common/config/rush/pnpm-lock.yaml": LEGACY_LOCK.replace(
        "dependencies: {'@nestjs/common': 8.1.1_rm, reflect-metadata: 0.1.13}\n    peerDependencies: {'@nestjs/common'",
        "dependencies: {reflect-metadata: 0.1.13}\n    peerDependencies: {'@nestjs/common'")})
    found = [d.message for d in lint(root, ["DEP003"])]
    assert len(found) == 1 and '"@nestjs/common"' in found[0] and "uses pnpm 5," in found[0], found
