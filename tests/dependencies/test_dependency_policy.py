"""DEP003 as the package manager installs peers, and what a dependency fix may write (docs/architecture.md):
real-world classes r14, r15, r16, r20, the private workspace root, `@types/*`, nested roots and
messages that never contradict themselves. Each test builds its own miniature repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from migrationlint.model.peer_install import peer_policy
from migrationlint.model.semver_ranges import lowest, satisfies
from tests.dependencies.test_shipping import dep, fixed, write

CACHE_MODULE_LOCK = """lockfileVersion: '9.0'

settings:
  autoInstallPeers: {auto}
  excludeLinksFromLockfile: false

importers:

  .: {{}}

  services/orders:
    dependencies:
      '@acme/cache-module':
        specifier: ^3.0.1
        version: 3.0.1(@acme/kv-store@5.5.3)

packages:

  '@acme/cache-module@3.0.1':
    resolution: {{integrity: sha512-AAAA}}
    peerDependencies:
      '@acme/kv-store': '>=5'

  '@acme/kv-store@5.5.3':
    resolution: {{integrity: sha512-BBBB}}

snapshots:

  '@acme/cache-module@3.0.1(@acme/kv-store@5.5.3)':
    dependencies:
      '@acme/kv-store': 5.5.3

  '@acme/kv-store@5.5.3': {{}}
"""


def orders_repo(root: Path, auto: str = "true", npmrc: str | None = None) -> Path:
    files = {
        "package.json": {"name": "acme-platform", "private": True, "packageManager": "pnpm@9.12.0"},
        "pnpm-workspace.yaml": "packages:\n  - 'services/*'\n",
        "pnpm-lock.yaml": CACHE_MODULE_LOCK.format(auto=auto),
        "services/orders/package.json": {"name": "@acme/orders-service", "version": "1.0.0", "main": "dist/index.js",
                                         "dependencies": {"@acme/cache-module": "^3.0.1"}},
        "services/orders/src/index.ts": "import { CacheModule } from '@acme/cache-module';\n"
                                        "export const cache = CacheModule.register({ ttl: 60 });\n",
    }
    if npmrc is not None:
        files[".npmrc"] = npmrc
    return write(root, files)


def test_semver_ranges():
    assert satisfies("12.1.0", "^12.1.0") and not satisfies("13.1.0", "^12.1.0")
    assert satisfies("0.3.5", "^0.3.1") and not satisfies("0.4.0", "^0.3.1")
    assert satisfies("2.6.0", "1.x || >=2.5.0") and not satisfies("2.4.0", "1.x || >=2.5.0")
    assert satisfies("1.5.0", "1.2.3 - 2.3") and not satisfies("2.4.0", "1.2.3 - 2.3")
    assert satisfies("1.0.0", "latest") is None and lowest("^13.1.0") == "13.1.0" and lowest(">=5 <6") == "5.0.0"


# ----------------------------------------------------------------------------- DEP003: who installs peers

def test_r14_pnpm_auto_install_peers_installs_the_peer(tmp_path):
    assert dep(orders_repo(tmp_path / "a")) == []
    # the lockfile's setting decides over .npmrc; without it, .npmrc and then the pnpm version do
    # (without auto-install, nothing resolves the peer for the importer: no `(peer@version)` suffix)
    unresolved = orders_repo(tmp_path / "b", auto="false")
    lock = unresolved / "pnpm-lock.yaml"
    lock.write_text(lock.read_text().replace("version: 3.0.1(@acme/kv-store@5.5.3)", "version: 3.0.1"))
    diags = pipeline.lint([str(unresolved)], Settings(select=["DEP"]), use_cache=False).diagnostics
    [d] = diags
    assert d.code == "DEP003" and "pnpm with auto-install-peers=false (pnpm-lock.yaml settings)" in d.message


def test_peer_policy_per_manager_and_setting(tmp_path):
    write(tmp_path, {".npmrc": "legacy-peer-deps=true\n"})
    assert not peer_policy(str(tmp_path), "npm", None, None).installs
    assert peer_policy(str(tmp_path / "x"), "npm", "npm@10.8.0", None).installs
    assert not peer_policy(str(tmp_path / "x"), "pnpm", "pnpm@7.33.0", None).installs
    assert peer_policy(str(tmp_path / "x"), "pnpm", "pnpm@9.12.0", None).installs
    policy = peer_policy(str(tmp_path / "x"), "yarn", "yarn@4.5.1", None)
    assert not policy.installs and "yarn" in policy.setting


WAREHOUSE_LOCK = {
    "name": "@acme/snowflake-node", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
    "packages": {
        "": {"name": "@acme/snowflake-node", "version": "1.0.0", "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}},
        "node_modules/@acme/warehouse-sdk": {"version": "2.1.0", "peerDependencies": {"@acme/asn1": "^5.4.1"}},
        "node_modules/@acme/asn1": {"version": "5.4.1", "peer": True},
    },
}


def test_r15_a_type_only_import_needs_no_peer(tmp_path):
    root = write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",  # so that a value import would need the peer declared
        "package.json": {"name": "@acme/snowflake-node", "version": "1.0.0", "main": "dist/connection.js",
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}},
        "package-lock.json": WAREHOUSE_LOCK,
        "src/connection.ts": "import type { Connection } from '@acme/warehouse-sdk';\n"
                             "export const describe = (c: Connection): string => c.id;\n",
        "src/types.d.ts": "import { Connection } from '@acme/warehouse-sdk';\nexport type C = Connection;\n",
    })
    assert dep(root) == []
    (root / "src/connection.ts").write_text("import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n")
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and "legacy-peer-deps=true (.npmrc)" in d.message
    assert '"@acme/asn1": "^5.4.1" to dependencies' in d.message


def test_r16_peers_of_the_importers_own_peer_are_the_hosts(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme-commerce", "private": True, "workspaces": ["packages/*"],
                         "packageManager": "yarn@4.5.1"},
        "packages/event-bus/package.json": {"name": "@acme/event-bus-local", "version": "2.0.0", "main": "dist/index.js",
                                            "devDependencies": {"@acme/framework": "^2.0.0"},
                                            "peerDependencies": {"@acme/framework": "^2.0.0"}},
        "packages/event-bus/src/index.ts": "import { defineModule } from '@acme/framework';\n"
                                           "export default defineModule({ service: 'LocalEventBus' });\n",
        "packages/framework/package.json": {"name": "@acme/framework", "version": "2.0.0", "main": "dist/index.js",
                                            "devDependencies": {"@acme/orm": "5.9.7", "pg": "^8.13.0"},
                                            "peerDependencies": {"@acme/orm": "5.9.7", "pg": "^8.13.0"}},
        "packages/framework/src/index.ts": ("import { MikroORM } from '@acme/orm';\nimport { Pool } from 'pg';\n"
                                            "export const defineModule = <T>(m: T): T => m;\n"
                                            "export const connect = () => [MikroORM, new Pool()];\n"),
    })
    assert dep(root) == []
    # declared as a plain dependency, the framework's peers are the importer's to provide; the
    # version source names each manifest once
    manifest = root / "packages/event-bus/package.json"
    manifest.write_text(json.dumps({"name": "@acme/event-bus-local", "version": "2.0.0", "main": "dist/index.js",
                                    "dependencies": {"@acme/framework": "^2.0.0"}}))
    diags = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert sorted(d.message.split('"')[3] for d in diags) == ["@acme/orm", "pg"]
    assert all("(as in packages/framework/package.json)" in d.message for d in diags)
    assert all("yarn, which never installs peer dependencies" in d.message for d in diags)


PEER_RANGE_LOCK = """lockfileVersion: '9.0'

settings:
  autoInstallPeers: false
  excludeLinksFromLockfile: false

importers:

  .: {}

  services/ledger:
    dependencies:
      '@acme/event-store':
        specifier: ^0.19.1
        version: 0.19.1(@acme/cli-kit@12.1.0)

  services/tools:
    dependencies:
      '@acme/cli-kit':
        specifier: ^13.1.0
        version: 13.1.0

packages:

  '@acme/cli-kit@12.1.0':
    resolution: {integrity: sha512-AAAA}

  '@acme/cli-kit@13.1.0':
    resolution: {integrity: sha512-BBBB}

  '@acme/event-store@0.19.1':
    resolution: {integrity: sha512-CCCC}
    peerDependencies:
      '@acme/cli-kit': ^12.1.0

snapshots:

  '@acme/cli-kit@12.1.0': {}

  '@acme/cli-kit@13.1.0': {}

  '@acme/event-store@0.19.1(@acme/cli-kit@12.1.0)':
    dependencies:
      '@acme/cli-kit': 12.1.0
"""


def ledger_repo(root: Path, lock: str = PEER_RANGE_LOCK) -> Path:
    return write(root, {
        "package.json": {"name": "acme-platform", "private": True, "packageManager": "pnpm@9.12.0"},
        "pnpm-workspace.yaml": "packages:\n  - 'services/*'\n",
        "pnpm-lock.yaml": lock,
        "services/ledger/package.json": {"name": "@acme/ledger", "version": "1.0.0", "private": True, "main": "dist/store.js",
                                         "dependencies": {"@acme/event-store": "^0.19.1"}},
        "services/ledger/src/store.ts": "import { getEventStore } from '@acme/event-store';\n"
                                        "export const store = getEventStore();\n",
        "services/tools/package.json": {"name": "@acme/tools", "version": "1.0.0",
                                        "dependencies": {"@acme/cli-kit": "^13.1.0"}},
    })


def test_r20_the_fix_version_satisfies_every_peer_range(tmp_path):
    # the peer unresolved for the importer (no suffix), 12.1.0 held for another reason: the version
    # to add is the one the lockfile holds that the peer range accepts, not the sibling's 13.1.0
    root = ledger_repo(tmp_path / "a", PEER_RANGE_LOCK.replace("version: 0.19.1(@acme/cli-kit@12.1.0)", "version: 0.19.1"))
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and '"@acme/cli-kit": "^12.1.0"' in d.message
    assert "pnpm-lock.yaml holds 12.1.0" in d.message
    out = json.loads(fixed(root)["services/ledger/package.json"])
    assert out["dependencies"]["@acme/cli-kit"] == "^12.1.0"
    # with the auto-install-peers default of pnpm 9 the peer is installed: nothing to report
    assert dep(ledger_repo(tmp_path / "b", PEER_RANGE_LOCK.replace("autoInstallPeers: false",
                                                                   "autoInstallPeers: true"))) == []


def test_no_safe_fix_names_each_distinct_peer_range_so_the_conflict_shows():
    """Backstage plugins: three packages want react-dom "^17.0.0 || ^18.0.0" and a Material UI release wants
    "^16.8.0 || ^17.0.0"; the message listed the first three owners only, all with the same range, and hid the one
    that conflicts (a plugin monorepo: 7 DEP003). Each distinct range is named once, the rarest first."""
    from migrationlint.model.fix_policy import PeerRange, no_version_reason

    ranges = [PeerRange("^17.0.0 || ^18.0.0", f"@backstage/{n}@1.0.0") for n in ("core-app-api", "core-components",
                                                                               "core-plugin-api")]
    ranges.append(PeerRange("^16.8.0 || ^17.0.0", "@material-ui/core@4.12.4"))
    message = no_version_reason("react-dom", ranges)
    assert '@material-ui/core@4.12.4 wants "^16.8.0 || ^17.0.0"' in message
    assert '@backstage/core-app-api@1.0.0 wants "^17.0.0 || ^18.0.0" (and 2 more)' in message
    assert message.index("@material-ui") < message.index("@backstage")


def test_r20_no_version_satisfies_the_peer_range_means_no_safe_fix(tmp_path):
    lock = (PEER_RANGE_LOCK.replace("version: 0.19.1(@acme/cli-kit@12.1.0)", "version: 0.19.1")
            .replace("  '@acme/cli-kit@12.1.0':\n    resolution: {integrity: sha512-AAAA}\n\n", "")
            .replace("  '@acme/cli-kit@12.1.0': {}\n\n", ""))
    root = ledger_repo(tmp_path, lock)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.fix is None and "no safe fix" in d.message and '@acme/event-store@0.19.1 wants "^12.1.0"' in d.message


def test_an_optional_peer_range_never_blocks_the_installed_version(tmp_path):
    """`@acme/event-store` takes `@acme/cli-kit` as an optional peer (`peerDependenciesMeta`), already
    unmet today: its range says nothing about the version to declare, which is the one installed (a
    Nest 10 API told "no safe fix" for express because @nestjs/serve-static 5 optionally wants 5)."""
    lock = (PEER_RANGE_LOCK.replace("version: 0.19.1(@acme/cli-kit@12.1.0)", "version: 0.19.1")
            .replace("  '@acme/cli-kit@12.1.0':\n    resolution: {integrity: sha512-AAAA}\n\n", "")
            .replace("  '@acme/cli-kit@12.1.0': {}\n\n", "")
            .replace("    peerDependencies:\n      '@acme/cli-kit': ^12.1.0\n",
                     "    peerDependencies:\n      '@acme/cli-kit': ^12.1.0\n    peerDependenciesMeta:\n"
                     "      '@acme/cli-kit':\n        optional: true\n"))
    root = ledger_repo(tmp_path, lock)
    (root / "services/ledger/src/kit.ts").write_text("import { run } from '@acme/cli-kit';\nexport const go = run;\n")
    found = [d for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
             if d.extra.get("package") == "@acme/cli-kit"]
    assert found and all("no safe fix" not in d.message and '"@acme/cli-kit": "^13.1.0"' in d.message for d in found), \
        [d.message for d in found]


# ----------------------------------------------------------------------------- where a fix may add

def test_private_workspace_root_gets_dev_dependencies_only(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"typescript": "^5.6.0"}},
        "scripts/release.ts": "import semver from 'semver';\nexport const next = semver.inc('1.0.0', 'minor');\n",
        "packages/a/package.json": {"name": "a", "version": "1.0.0", "dependencies": {"semver": "^7.6.3"}},
    })
    out = json.loads(fixed(root)["package.json"])
    assert "dependencies" not in out and out["devDependencies"]["semver"] == "^7.6.3"


def test_a_workspace_root_that_is_also_the_deployed_app_gets_dependencies_for_what_its_entry_reaches(tmp_path):
    """A root that lists workspace members and is itself the app its Dockerfile deploys (`start:prod`
    runs `node dist/main.js`, `npm prune --omit=dev`): what that entry reaches needs `dependencies`
    (3 fixes said "the private workspace root is not deployed"), and so do its other files presumed to
    ship; its tooling stays in devDependencies."""
    root = write(tmp_path, {
        "package.json": {"name": "backend", "scripts": {"build": "tsc -p tsconfig.json", "start:prod": "node dist/main.js"},
                         "dependencies": {"@nestjs/common": "^10.0.0"}, "devDependencies": {"typescript": "^5.4.0"}},
        "pnpm-workspace.yaml": "packages:\n  - 'libs/*'\n",
        "Dockerfile": 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\n'
                      'CMD ["npm", "run", "start:prod"]\n',
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "dist"}, "include": ["src/**/*"]},
        "libs/util/package.json": {"name": "util", "version": "1.0.0", "main": "src/index.ts",
                                   "dependencies": {"socket.io": "^4.8.1", "execa": "^9.5.0"}},
        "libs/util/src/index.ts": "export const u = 1;\n",
        "src/main.ts": "import { Server } from 'socket.io';\nnew Server(3000);\n",
        "scripts/release.ts": "import { execa } from 'execa';\nexeca('git', ['tag']);\n",
        # a server the image starts through a shell script no entry point maps to: presumed to ship, as
        # the root deploys (a real indexer's auth server: 22 fixes said "not deployed")
        "src/auth-server/index.ts": "import express from 'express';\nexpress().listen(4000);\n",
    })
    diags = {d.extra["package"]: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert "to dependencies" in diags["socket.io"] and "not deployed" not in diags["socket.io"]
    assert "`pnpm add -w express`" in diags["express"]  # dependencies: no `-D`
    assert "to devDependencies" in diags["execa"]


def _root_serving_a_service(tmp_path, api_dependencies: dict) -> Path:
    """A pnpm workspace whose root declares what its NestJS app runs on (an install that hoists everything),
    the app's manifest holding only scripts (or `api_dependencies`), and a `libraries/` folder with no
    package.json, the root's own, that the app imports by a path alias."""
    return write(tmp_path, {
        "package.json": {"name": "mono", "version": "1.0.0", "scripts": {"build": "pnpm -r build"},
                         "dependencies": {"@nestjs/core": "^11.0.0"},
                         "devDependencies": {"typescript": "^5.6.0", "jsdom": "^22.1.0", "ts-jest": "^29.2.0"}},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - libraries/*\n",
        ".npmrc": "node-linker=hoisted\n",
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "baseUrl": ".",
                                              "paths": {"@mono/shared/*": ["libraries/shared/src/*"]}}},
        "apps/api/package.json": {"name": "api", "version": "1.0.0", "dependencies": api_dependencies,
                                  "scripts": {"build": "nest build", "start": "node dist/apps/api/src/main.js"}},
        "apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { dispatch } from "
                                "'@mono/shared/dispatch';\nexport const app = { NestFactory, dispatch };\n",
        "libraries/shared/src/dispatch.ts": "import { Agent } from 'undici';\nexport const dispatch = () => new Agent();\n",
        "libraries/shared/src/page.ts": "import { JSDOM } from 'jsdom';\nexport const page = (h: string) => new JSDOM(h);\n",
        "jest.config.ts": "import { createDefaultPreset } from 'ts-jest';\nimport { pathsToModuleNameMapper } from "
                          "'ts-jest/presets';\nexport default { ...createDefaultPreset(), pathsToModuleNameMapper };\n",
        "jest.preset.ts": "import { defaults } from 'jest-config';\nexport default defaults;\n",
    })


def test_a_workspace_root_whose_dependencies_a_service_runs_on_deploys_with_it(tmp_path):
    """The root declares what the app runs on and the app's manifest only scripts (`node-linker=hoisted`): the
    root's `dependencies` are the service's runtime, so the root's own library folder, which the app imports,
    ships: its undeclared `undici` goes to `dependencies` (a real scheduling app: 8 runtime imports were sent to
    devDependencies because "the private workspace root is not deployed", a root with no `private` field), its
    use of a root devDependency is DEP002's, and the root's tool configs stay development code."""
    root = _root_serving_a_service(tmp_path, {})
    found = {(d.code, d.extra.get("package")): d for d in
             pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics}
    assert "run `pnpm add -w undici`" in found[("DEP001", "undici")].message  # dependencies: no `-D`
    assert ("DEP002", "jsdom") in found, sorted(found)
    assert "run `pnpm add -D -w jest-config`" in found[("DEP001", "jest-config")].message


def test_a_workspace_root_stays_tooling_when_its_service_declares_its_own_packages(tmp_path):
    """The same layout where the app declares its own packages: the root's `dependencies` are no service's
    runtime, so the root's folders are its tooling and fixes there go to devDependencies."""
    root = _root_serving_a_service(tmp_path, {"@nestjs/core": "^11.0.0"})
    found = {(d.code, d.extra.get("package")): d for d in
             pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics}
    assert "run `pnpm add -D -w undici`" in found[("DEP001", "undici")].message
    assert ("DEP002", "jsdom") not in found


def test_type_only_and_types_packages_never_go_to_dependencies(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["services/*"]},
        "services/api/package.json": {"name": "api", "version": "1.0.0", "main": "dist/main.js",
                                      "dependencies": {"@nestjs/common": "^10.4.0"}},
        "services/api/src/main.ts": "import type { Options } from 'ts-node';\n/// <reference types=\"node\" />\n"
                                    "export const o: Options = {};\n",
        "services/worker/package.json": {"name": "worker", "version": "1.0.0",
                                         "devDependencies": {"ts-node": "^10.9.2", "@types/node": "^20.17.6"}},
    })
    out = json.loads(fixed(root)["services/api/package.json"])
    assert out["devDependencies"] == {"@types/node": "^20.17.6", "ts-node": "^10.9.2"}
    assert out["dependencies"] == {"@nestjs/common": "^10.4.0"}


def test_nested_project_is_its_own_root_and_messages_agree_with_the_lockfile(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"dayjs": "^1.11.13"}},
        "packages/a/package.json": {"name": "a", "version": "1.0.0"},
        "site/package.json": {"name": "site", "private": True, "dependencies": {}},
        "site/package-lock.json": {"name": "site", "lockfileVersion": 3, "packages": {
            "": {"name": "site"}, "node_modules/fuse.js": {"version": "7.0.0"}}},
        "site/src/search.ts": "import Fuse from 'fuse.js';\nimport dayjs from 'dayjs';\nexport const f = [Fuse, dayjs];\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    by_package = {d.extra["package"]: d for d in diags}
    # site has its own lockfile, so it is its own root; the workspace root around it declares dayjs,
    # which Node finds by walking up into that root's node_modules: root-only (DEP005), said as such
    assert sorted((d.code, p) for p, d in by_package.items()) == [("DEP001", "fuse.js"), ("DEP005", "dayjs")]
    fuse = by_package["fuse.js"].message
    assert "installed anywhere" not in fuse and "site/package-lock.json resolves 7.0.0" in fuse
    assert ('"dayjs" is declared only in the root package.json, and there only in devDependencies, which a production '
            'install leaves out, not in site/package.json, a project of its own' in by_package["dayjs"].message)
    # a private project is never published: the message names only the install that can happen
    assert "an install of site on its own (a Docker build) leaves it out" in by_package["dayjs"].message


def test_root_only_advice_keeps_the_section_the_root_chose(tmp_path):
    """A framework's root keeps `@nestjs/config` in peerDependencies (one copy the application
    provides: its classes are injection tokens) and an opt-in tool in optionalDependencies; a member
    publishing on its own declares them likewise, not in dependencies (a real framework: 30 such
    pieces of advice). A peer the root also keeps a development copy of is no "devDependencies only"."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/framework", "version": "1.0.0", "workspaces": ["logger"],
                         "peerDependencies": {"@nestjs/config": "^4.0.0", "left-pad": "^1.3.0"},
                         "optionalDependencies": {"typeorm-model-generator": "^0.4.6"},
                         "devDependencies": {"left-pad": "^1.3.0", "typescript": "^5.4.0"}},
        "logger/package.json": {"name": "@acme/logger", "version": "1.0.0", "main": "./dist/src/index.js",
                                "files": ["dist"], "dependencies": {"tslib": "^2.6.3"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "declaration": True}, "include": ["logger/src/**/*.ts"]},
        "logger/src/index.ts": ("import { ConfigService } from '@nestjs/config';\nimport pad from 'left-pad';\n"
                                "import * as Engine from 'typeorm-model-generator/dist/src/Engine.js';\n"
                                "export const used = [ConfigService, pad, Engine];\n"),
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    by_package = {d.extra["package"]: d.message for d in diags}
    assert 'declare "@nestjs/config": "^4.0.0" in peerDependencies of logger/package.json' in by_package["@nestjs/config"]
    assert 'declare "left-pad": "^1.3.0" in peerDependencies' in by_package["left-pad"]
    assert "only in devDependencies" not in by_package["left-pad"]
    assert 'in optionalDependencies of logger/package.json' in by_package["typeorm-model-generator"]
    edited = json.loads(fixed(root, unsafe=True)["logger/package.json"])
    assert edited["peerDependencies"] == {"@nestjs/config": "^4.0.0", "left-pad": "^1.3.0"}
    assert edited["optionalDependencies"] == {"typeorm-model-generator": "^0.4.6"}


def test_a_workspace_packages_peer_its_source_uses_only_for_types_is_loaded_by_nothing(tmp_path):
    """`@acme/core` declares `typeorm` as a peer but imports it only for a type (an options
    interface): tsc drops the import, nothing of core loads typeorm, and an app without it fails
    nowhere (a real CMS: 12 DEP003). When core loads it at runtime, the app needs it."""
    files = {
        "package.json": {"name": "acme", "private": True, "packageManager": "yarn@1.22.19", "workspaces": ["packages/*"]},
        "yarn.lock": "",
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js",
                                       "peerDependencies": {"typeorm": "0.3.20"}},
        "packages/core/src/index.ts": "import { DataSourceOptions } from 'typeorm';\n"
                                      "export interface CmsConfig { orm?: DataSourceOptions; }\nexport const port = 4016;\n",
        "packages/app/package.json": {"name": "@acme/app", "version": "1.0.0", "private": True, "main": "dist/main.js",
                                      "dependencies": {"@acme/core": "1.0.0"}},
        "packages/app/src/main.ts": "import { port } from '@acme/core';\nconsole.log(port);\n",
    }
    assert dep(write(tmp_path / "types", files)) == []
    loading = {**files, "packages/core/src/index.ts": "import { DataSource } from 'typeorm';\n"
                                                     "export const connect = () => new DataSource({ type: 'postgres' });\n"}
    assert ("DEP003", "packages/app/src/main.ts", "@acme/core") in dep(write(tmp_path / "values", loading))
    # a peer its source never imports, which no package it declares takes as a peer either (a peer
    # list copied from a template): nothing of core loads it (a real CMS admin: 4 DEP003)
    unused = {**files, "packages/core/src/index.ts": "import ms from 'ms';\nexport const port = ms('4s');\n",
              "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js",
                                             "dependencies": {"ms": "2.1.3"}, "peerDependencies": {"typeorm": "0.3.20"}}}
    assert dep(write(tmp_path / "unused", unused)) == []
    # never imported, but a package core declares may load it (an ORM its driver): still needed
    driver = {**unused, "packages/core/package.json": {
        "name": "@acme/core", "version": "1.0.0", "main": "dist/index.js",
        "dependencies": {"ms": "2.1.3", "@nestjs/typeorm": "10.0.2"}, "peerDependencies": {"typeorm": "0.3.20"}}}
    assert ("DEP003", "packages/app/src/main.ts", "@acme/core") in dep(write(tmp_path / "driver", driver))
    # ... unless core imports that package only for types: nothing of it loads, nor its peers (a
    # notebook app's settings registry forwarding a form library's react peer: 16 DEP003)
    typed = {**driver, "packages/core/src/index.ts": "import ms from 'ms';\nimport type { TypeOrmModuleOptions } "
                                                     "from '@nestjs/typeorm';\nexport type Options = TypeOrmModuleOptions;\n"
                                                     "export const port = ms('4s');\n"}
    assert dep(write(tmp_path / "typed", typed)) == []


SUBPATH_LIBRARY = {
    "package.json": {"name": "acme", "private": True, "packageManager": "yarn@4.5.0", "workspaces": ["packages/*"]},
    "yarn.lock": "",
    "packages/shared/package.json": {
        "name": "@acme/shared", "version": "1.0.0", "private": True, "type": "module",
        "exports": {".": "./dist/index.js", "./queue": "./dist/queue/index.js"}, "scripts": {"build": "tsc"},
        "peerDependencies": {"bull": "*"}, "devDependencies": {"bull": "^4.16.5"}},
    "packages/shared/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "module": "nodenext"}},
    "packages/shared/src/index.ts": "export { TIME_MS } from './time.js';\n",
    "packages/shared/src/time.ts": "export const TIME_MS = { second: 1000 };\n",
    "packages/shared/src/queue/index.ts": "import Bull from 'bull';\nexport const makeQueue = (n: string) => new Bull(n);\n",
    "packages/web/package.json": {"name": "@acme/web", "private": True, "type": "module", "main": "dist/main.js",
                                  "scripts": {"start": "node dist/main.js"}, "dependencies": {"@acme/shared": "workspace:*"}},
    "packages/web/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "module": "nodenext"}},
    "packages/web/src/main.ts": "import { TIME_MS } from '@acme/shared';\nconsole.log(TIME_MS.second);\n",
}


def test_a_peer_only_another_entry_of_a_workspace_package_loads_is_not_needed(tmp_path):
    """`@acme/shared` takes `bull` as a peer for its `./queue` entry alone; an app that imports its
    root entry loads nothing of bull (a real monorepo's browser apps were told to add `bull`,
    `knex` and `pino`: 21 DEP003). An app that imports `./queue` needs it, and the finding is at
    that import, not at the first import of the package."""
    assert dep(write(tmp_path / "root", SUBPATH_LIBRARY)) == []
    both = {**SUBPATH_LIBRARY, "packages/web/src/main.ts": "import { TIME_MS } from '@acme/shared';\n"
            "import { makeQueue } from '@acme/shared/queue';\nconsole.log(TIME_MS.second, makeQueue('mail'));\n"}
    root = write(tmp_path / "queue", both)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP003"]), use_cache=False).diagnostics
    assert d.extra["specifier"] == "@acme/shared/queue" and '"bull"' in d.message
    # the root entry reaches the queue through a re-export: needed again
    reexported = {**SUBPATH_LIBRARY, "packages/shared/src/index.ts": "export { TIME_MS } from './time.js';\n"
                  "export * as Queue from './queue/index.js';\n"}
    assert ("DEP003", "packages/web/src/main.ts", "@acme/shared") in dep(write(tmp_path / "reexported", reexported))


def test_tshy_exports_name_the_source_of_each_built_subpath(tmp_path):
    """tshy builds `src/` into `dist/esm` and `dist/commonjs` and writes `exports` from the
    `tshy.exports` table of source files: an import of a subpath is read from that source (no
    tsconfig outDir says where tshy's output comes from)."""
    shared = {"name": "@acme/shared", "version": "1.0.0", "private": True, "type": "module",
              "tshy": {"exports": {".": "./src/index.ts", "./queue": "./src/queue/index.ts"}},
              "exports": {".": {"import": {"types": "./dist/esm/index.d.ts", "default": "./dist/esm/index.js"}},
                          "./queue": {"import": {"types": "./dist/esm/queue/index.d.ts",
                                                 "default": "./dist/esm/queue/index.js"},
                                      "require": {"default": "./dist/commonjs/queue/index.js"}}},
              "peerDependencies": {"bull": "*"}, "devDependencies": {"bull": "^4.16.5"}}
    files = {**SUBPATH_LIBRARY, "packages/shared/package.json": shared,
             "packages/shared/tsconfig.json": {"compilerOptions": {"module": "nodenext"}}}
    assert dep(write(tmp_path / "tshy", files)) == []
    queue = {**files, "packages/web/src/main.ts": "import { makeQueue } from '@acme/shared/queue';\nmakeQueue('a');\n"}
    assert dep(write(tmp_path / "queue", queue)) == [("DEP003", "packages/web/src/main.ts", "@acme/shared")]


def test_a_linked_workspace_package_loads_its_peer_from_its_own_install(tmp_path):
    """`@acme/ui-core` keeps react-router as a peer and as a devDependency; `@acme/ui-picker` links it
    (`workspace:*`): Node resolves ui-core's own loads from its real folder, where its devDependencies
    are, so nothing fails in the repository (a real pnpm install with auto-install-peers off and strict
    peers loaded it), and a published importer leaves the peer to the application that installs it
    (24 DEP003 on a real design system, whose unsafe fixes added 18 framework singletons to
    dependencies). A deployed service that links it still needs the peer in its own install."""
    lock = ("lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: false\n  excludeLinksFromLockfile: false\n\n"
            "importers:\n\n  .: {}\n\n  packages/ui-core:\n    devDependencies:\n      react-router:\n"
            "        specifier: ^5.3.4\n        version: 5.3.4\n\n  packages/ui-picker:\n    dependencies:\n"
            "      '@acme/ui-core':\n        specifier: workspace:*\n        version: link:../ui-core\n\n"
            "packages:\n\n  react-router@5.3.4:\n    resolution: {integrity: sha512-AAAA}\n\nsnapshots:\n\n  react-router@5.3.4: {}\n")
    files = {
        "package.json": {"name": "acme-ui", "private": True, "packageManager": "pnpm@9.15.0"},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "pnpm-lock.yaml": lock,
        "packages/ui-core/package.json": {"name": "@acme/ui-core", "version": "1.0.0", "main": "lib/index.js",
                                          "peerDependencies": {"react-router": "^5.1.0"},
                                          "devDependencies": {"react-router": "^5.3.4"}},
        "packages/ui-core/src/index.ts": "import { useHistory } from 'react-router';\nexport const useBack = () => useHistory();\n",
        "packages/ui-picker/package.json": {"name": "@acme/ui-picker", "version": "1.0.0", "main": "lib/index.js",
                                            "dependencies": {"@acme/ui-core": "workspace:*"}},
        "packages/ui-picker/src/index.ts": "import { useBack } from '@acme/ui-core';\nexport const close = () => useBack();\n",
    }
    assert [d for d in dep(write(tmp_path / "published", files)) if d[0] == "DEP003"] == []
    service = {**files, "packages/ui-picker/package.json": {
        "name": "@acme/ui-picker", "private": True, "scripts": {"start": "node lib/index.js"},
        "dependencies": {"@acme/ui-core": "workspace:*"}}}
    assert ("DEP003", "packages/ui-picker/src/index.ts", "@acme/ui-core") in dep(write(tmp_path / "service", service))
    # yarn's Plug'n'Play resolves a package's peers from its parent only, whatever it installs itself
    pnp = {k: v for k, v in files.items() if not k.startswith("pnpm-")}
    pnp["package.json"] = {"name": "acme-ui", "private": True, "packageManager": "yarn@4.5.1", "workspaces": ["packages/*"]}
    assert ("DEP003", "packages/ui-picker/src/index.ts", "@acme/ui-core") in dep(write(tmp_path / "pnp", pnp))


@pytest.mark.parametrize("ecosystem", [
    "module.exports = { apps: [{ name: 'worker', script: './packages/worker/dist/main.js' }, "
    "{ name: 'api', script: 'dist/main.js', cwd: './packages/api' }] };\n",
    '{"apps": [{"name": "worker", "script": "./packages/worker/dist/main.js"}, '
    '{"name": "api", "script": "dist/main.js", "cwd": "packages/api"}]}\n',
])
def test_a_package_a_pm2_ecosystem_file_starts_is_a_service(tmp_path, ecosystem):
    """The root image installs the workspace root and `pm2-runtime start ecosystem.config.js` runs
    each package's built main (`script`, under its `cwd`): those packages are services started in
    that image, not packages installed or published alone (a real server: 70 DEP005). A package
    no pm2 app names is not."""
    name = "ecosystem.config.js" if ecosystem.startswith("module") else "ecosystem.json"
    files = {
        "package.json": {"name": "acme-server", "private": True, "workspaces": ["packages/*"],
                         "scripts": {"start:prod": f"pm2-runtime start ./{name} --env production"},
                         "dependencies": {"@nestjs/common": "^7.6.15", "@nestjs/core": "^7.6.15"}},
        "Dockerfile": ("FROM node:14\nWORKDIR /app\nCOPY package.json yarn.lock ./\n"
                       "COPY packages/worker/package.json packages/worker/\nCOPY packages/api/package.json packages/api/\n"
                       "COPY packages/lib/package.json packages/lib/\nRUN yarn\nCOPY . .\nRUN yarn build\n"
                       "CMD [\"yarn\", \"start:prod\"]\n"),
        "yarn.lock": "# yarn lockfile v1\n",
        name: ecosystem,
    }
    for pkg in ("worker", "api", "lib"):
        files[f"packages/{pkg}/package.json"] = {"name": f"@acme/{pkg}", "version": "0.0.0", "main": "dist/index.js",
                                                  "scripts": {"start": "nest start --watch", "build": "nest build"}}
        files[f"packages/{pkg}/src/main.ts"] = "import { NestFactory } from '@nestjs/core';\nexport const f = NestFactory;\n"
    got = sorted((code, path.split("/")[1]) for code, path, _ in dep(write(tmp_path, files)))
    assert got == [("DEP005", "lib")]


def test_a_package_json_that_only_labels_a_folder_is_no_package_of_its_own(tmp_path):
    """`apps/api/package.json` holding only a name and version (Nx release versions it) in a
    repository with no workspace definition: nothing installs, starts, builds or publishes it, so
    the app's files belong to the root package, which declares what they import (a real Nx
    monorepo: 15 DEP005). Listed by a workspace definition, it is a member relying on the root.
    Only without any workspace definition: in a workspace, an unlisted manifest is a project apart."""
    files = {
        "package.json": {"name": "@acme/source", "private": True, "dependencies": {"@nestjs/common": "^10.3.9"}},
        "nx.json": {},
        "apps/api/package.json": {"name": "@acme/api", "version": "0.0.4"},
        "apps/api/src/app.module.ts": "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n",
    }
    assert dep(write(tmp_path / "label", files)) == []
    member = write(tmp_path / "member", {**files, "package.json": {**files["package.json"], "workspaces": ["apps/*"]}})
    assert dep(member) == [("DEP005", "apps/api/src/app.module.ts", "@nestjs/common")]
    # in a workspace, a manifest the definition does not list is a project apart (a test fixture)
    fixture = write(tmp_path / "fixture", {**files, "package.json": {**files["package.json"], "workspaces": ["libs/*"]},
                                           "apps/api/tests/fixture/package.json": {"name": "fixture", "version": "1.0.0"},
                                           "apps/api/tests/fixture/config.ts": "import p from '@test-scope/plugin';\n"
                                                                               "export const plugins = [p];\n"})
    assert ("DEP001", "apps/api/tests/fixture/config.ts", "@test-scope/plugin") not in dep(fixture)


def test_a_member_with_a_lockfile_of_its_own_deployed_by_root_installs_relies_on_the_root(tmp_path):
    """A member of the root's workspace that keeps a lockfile of its own (a nested root) relies on the
    workspace root's manifest; when the repository's images, kept in a `docker/` folder, install the
    workspace root, the root's dependencies are in every image: no DEP005 (a real pnpm monorepo: 35)."""
    files = {
        "package.json": {"name": "acme", "private": True, "dependencies": {"@nestjs/swagger": "^11.2.0"}},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "packages/shared/package.json": {"name": "shared", "private": True, "main": "dist/index.js"},
        "packages/shared/pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n",
        "packages/shared/src/index.ts": "import { ApiProperty } from '@nestjs/swagger';\nexport const p = ApiProperty;\n",
    }
    alone = write(tmp_path / "alone", files)
    diags = pipeline.lint([str(alone)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert [(d.code, d.extra["package"]) for d in diags] == [("DEP005", "@nestjs/swagger")]
    assert "a project of its own" not in diags[0].message  # pnpm ignores the member's lockfile
    # a private package is never published: the message names the installs that can happen
    assert "breaks a per-service install or Docker build of packages/shared" in diags[0].message, diags[0].message
    apart = write(tmp_path / "apart", {**files, ".npmrc": "shared-workspace-lockfile=false\n"})
    diags = pipeline.lint([str(apart)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert [(d.code, d.extra["package"]) for d in diags] == [("DEP005", "@nestjs/swagger")]
    assert "a project of its own" in diags[0].message
    imaged = write(tmp_path / "imaged", {**files, "docker/shared.Dockerfile": (
        "FROM node:20\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\n"
        "COPY packages/ ./packages/\nRUN pnpm install --frozen-lockfile\nCMD [\"node\", \"packages/shared/dist/index.js\"]\n")})
    assert dep(imaged) == []
    assert dep(write(tmp_path / "imaged-apart", {**files, ".npmrc": "shared-workspace-lockfile=false\n",
                                                 "docker/shared.Dockerfile": (tmp_path / "imaged/docker/shared.Dockerfile").read_text()})) == []


def test_a_nest_monorepo_app_with_its_own_lockfile_relies_on_the_root_manifest(tmp_path):
    """Nest's monorepo mode keeps every dependency in the root package.json; an app that adds its
    own package.json and lockfile (for one extra package) still loads the rest from the root's
    node_modules: production imports are DEP005 warnings, not DEP001 errors; tests rely on the
    root by default; a start-up package the root declares is no DEP004; and what nothing declares
    stays DEP001."""
    root = write(tmp_path, {
        "package.json": {"name": "research-api", "private": True,
                         "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0",
                                          "@nestjs/platform-express": "^10.0.0"},
                         "devDependencies": {"@nestjs/testing": "^10.0.0"}},
        "nest-cli.json": {"monorepo": True, "root": "apps/users",
                          "projects": {"users": {"type": "application", "root": "apps/users"}}},
        "apps/users/package.json": {"name": "users", "version": "1.0.0", "dependencies": {"bcryptjs": "^2.4.3"}},
        "apps/users/pnpm-lock.yaml": "lockfileVersion: '6.0'\n",
        "apps/users/src/main.ts": ("import { NestFactory } from '@nestjs/core';\nimport { hash } from 'bcryptjs';\n"
                                   "import { Module } from '@nestjs/common';\nimport dayjs from 'dayjs';\n\n"
                                   "@Module({})\nclass AppModule {}\n\n"
                                   "async function bootstrap(): Promise<void> {\n"
                                   "  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\n"
                                   "export const all = [bootstrap, hash, dayjs];\n"),
        "apps/users/src/main.spec.ts": "import { Test } from '@nestjs/testing';\nexport const t = Test;\n",
    })
    got = sorted((code, path, package) for code, path, package in dep(root))
    assert got == [("DEP001", "apps/users/src/main.ts", "dayjs"),
                   ("DEP005", "apps/users/src/main.ts", "@nestjs/common"),
                   ("DEP005", "apps/users/src/main.ts", "@nestjs/core")]


def test_a_published_librarys_undeclared_nest_package_is_advised_as_a_peer(tmp_path):
    """A published shared library (`@repo/common`, version 1.0.0, built to dist) imports `@nestjs/common`
    and `@nestjs/microservices` that only the services declare: a `dependencies` entry would give the
    application a second injector, so the advice and the unsafe fix are peerDependencies (a real
    microservices repository: 13 DEP001 advising dependencies beside DEP004 advising peers). A
    private library keeps the plain advice."""
    files = {
        "package.json": {"name": "ws", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "packages/common/package.json": {"name": "@repo/common", "version": "1.0.0", "main": "dist/index.js",
                                         "scripts": {"build": "tsc"}},
        "packages/common/src/index.ts": "import { Module } from '@nestjs/common';\n"
                                        "import { Transport } from '@nestjs/microservices';\nexport const all = [Module, Transport];\n",
        "apps/svc/package.json": {"name": "svc", "private": True, "scripts": {"start:prod": "node dist/main"},
                                  "dependencies": {"@nestjs/common": "^11.0.1", "@nestjs/microservices": "^11.1.6",
                                                   "@repo/common": "*"}},
    }
    found = pipeline.lint([str(write(tmp_path / "published", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert sorted(d.extra["package"] for d in found) == ["@nestjs/common", "@nestjs/microservices"]
    assert all("to peerDependencies" in d.message and "a package of Nest" in d.message and d.fix.applicability.value == "unsafe"
               for d in found)
    private = {**files, "packages/common/package.json": {**files["packages/common/package.json"], "private": True}}
    found = pipeline.lint([str(write(tmp_path / "private", private))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert found and all("to dependencies" in d.message and "a package of Nest" not in d.message for d in found)


@pytest.mark.parametrize("app", ["bin", "electron"])
def test_an_application_gets_no_peer_advice(tmp_path, app):
    """A package with a `bin` and a `start:prod` script, or an Electron app built by `electron-vite build`,
    is the application itself: nothing installs its peers, so the scope-peer or react-peer doubts
    do not apply and the advice is the app's own section (a real indexer node and a desktop app: 5 findings)."""
    files = {"package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
             "packages/lib/package.json": {"name": "@acme/lib", "version": "1.0.0", "main": "dist/index.js",
                                           "dependencies": {"@acme/common": "1.0.0", "react-router-dom": "^6.14.2"}},
             "packages/common/package.json": {"name": "@acme/common", "version": "1.0.0", "main": "dist/index.js"}}
    if app == "bin":
        files["packages/node/package.json"] = {"name": "@acme/node", "version": "1.0.0", "bin": {"acme-node": "./bin/run"},
                                               "scripts": {"start:prod": "node dist/main"},
                                               "peerDependencies": {"@acme/utils": "*"}}
        files["packages/node/src/main.ts"] = "import { NETWORK } from '@acme/common';\nconsole.log(NETWORK);\n"
    else:
        files["packages/node/package.json"] = {"name": "@acme/desktop", "version": "1.0.0", "main": "./out/main/index.js",
                                               "scripts": {"build": "electron-vite build"},
                                               "devDependencies": {"electron": "^29.0.0", "react": "^18.2.0"}}
        files["packages/node/src/App.tsx"] = "import { HashRouter } from 'react-router-dom';\nexport const App = HashRouter;\n"
    [d] = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    section = "dependencies" if app == "bin" else "devDependencies"  # the Electron app keeps what it packs there
    assert f"to {section} (" in d.message and "peerDependencies" not in d.message.split("; ", 1)[1], d.message


def test_a_published_component_librarys_react_is_advised_as_a_peer(tmp_path):
    """`@acme/email`, published from `dist`, renders with react that only the web app declares: a
    second copy breaks hooks, so the advice is a peer (a real email-templates package), beside the
    dependencies tsup leaves external."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*", "apps/*"]},
        "packages/email/package.json": {"name": "@acme/email", "version": "1.0.0", "files": ["dist"],
                                        "main": "dist/index.mjs", "scripts": {"build": "tsup src/index.tsx"},
                                        "dependencies": {"react-string-replace": "^1.1.1"}},
        "packages/email/src/index.tsx": "import React from 'react';\nimport replace from 'react-string-replace';\n"
                                        "export const bold = (t: string) => replace(t, 'x', (m) => React.createElement('b', null, m));\n",
        "apps/web/package.json": {"name": "web", "private": True, "dependencies": {
            "react": "19.0.0", "react-string-replace": "^1.1.1", "@acme/email": "*"}},
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "react": "19.0.0" to peerDependencies' in d.message and "a UI runtime" in d.message


def test_a_published_testing_helpers_runner_is_advised_as_a_peer(tmp_path):
    """`@acme/lib/testing`, a published subpath of helpers for its users' tests, calls `vi.fn()`: vitest
    is the one its user's tests run with, so the advice is a peer, never a `dependencies` entry that
    would install a second runner (a real CQRS toolkit: 3 DEP005 advising dependencies)."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"typescript": "^5.6.3", "vitest": "^4.1.0"}},
        "packages/lib/package.json": {"name": "@acme/lib", "version": "0.1.0", "type": "module", "files": ["dist"],
                                      "exports": {".": "./dist/src/index.js", "./testing": "./dist/src/testing/index.js"},
                                      "scripts": {"build": "tsc"}},
        "packages/lib/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "."}, "include": ["src"]},
        "packages/lib/src/index.ts": "export const now = () => Date.now();\n",
        "packages/lib/src/testing/index.ts": "import { vi } from 'vitest';\nexport const spyClock = () => vi.fn(() => 0);\n",
    })
    (d,) = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert 'declare "vitest": "^4.1.0" in peerDependencies of packages/lib/package.json' in d.message
    assert "the test runner this helper calls into" in d.message
    # kept in the package's own devDependencies: DEP002 leads with the peer too, and so does its fix (a
    # published Nest testing kit: "move it to dependencies" first)
    write(root, {"package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
                 "packages/lib/package.json": {"name": "@acme/lib", "version": "0.1.0", "type": "module", "files": ["dist"],
                                               "exports": {".": "./dist/src/index.js", "./testing": "./dist/src/testing/index.js"},
                                               "scripts": {"build": "tsc"}, "devDependencies": {"vitest": "^4.1.0"}}})
    (d,) = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "declare it in peerDependencies (the test runner this helper calls into" in d.message
    assert d.severity.value == "warning" and "found only where the install hoists it" in d.message
    assert json.loads(fixed(root, unsafe=True)["packages/lib/package.json"])["peerDependencies"] == {"vitest": "^4.1.0"}


def test_a_published_compiler_plugin_is_advised_its_compiler_as_a_peer(tmp_path):
    """A Nest library exports a TypeScript transformer at `./plugin` (`before(options, program)`),
    which the user's Nest CLI or ts-patch runs inside its own compiler: `typescript` is the user's,
    a peer (optional when only that entry loads it), never a `dependencies` entry adding a second
    compiler to every application (a documentation module and a GraphQL module: 15 findings advising
    dependencies). Kept only at the workspace root, DEP005 names the peer too."""
    plugin = ("import * as ts from 'typescript';\n\nexport function before(_options: unknown, program: ts.Program) {\n"
              "  return (ctx: ts.TransformationContext) => (sf: ts.SourceFile) => ts.visitEachChild(sf, (n) => n, ctx);\n}\n")
    lib = {"name": "@acme/nest-lib", "version": "1.0.0", "main": "./dist/index.js", "files": ["dist"],
           "exports": {".": "./dist/index.js", "./plugin": "./dist/plugin/index.js"}, "scripts": {"build": "tsc"}}
    root = write(tmp_path, {
        "package.json": {**lib, "devDependencies": {"typescript": "5.6.3"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "lib"}, "include": ["lib"]},
        "lib/index.ts": "export const version = 1;\n",
        "lib/plugin/index.ts": plugin,
    })
    (d,) = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert d.severity.value == "warning" and "declare it in peerDependencies (this plugin code works inside its user's build, with the typescript" in d.message
    assert "move it to dependencies" not in d.message
    mono = write(tmp_path / "mono", {
        "package.json": {"name": "ws", "private": True, "workspaces": ["packages/*"], "devDependencies": {"typescript": "5.6.3"}},
        "packages/lib/package.json": lib,
        "packages/lib/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]},
        "packages/lib/src/index.ts": "export const version = 1;\n",
        "packages/lib/src/plugin/index.ts": plugin,
    })
    (d,) = pipeline.lint([str(mono)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert 'declare "typescript": "5.6.3" in peerDependencies of packages/lib/package.json' in d.message


def test_a_tests_require_in_a_callback_is_no_optional_feature(tmp_path):
    """`it('...', () => { const rxjs = require('rxjs'); })` in a published package's spec: test code that
    runs on every test run, not a feature its users opt into, so it gets the advice a top-level import
    gets, not an optional peer (7 contradictory remedies on a real CQRS framework, whose
    `bootstrap.ts` loads rxjs at runtime). Production code's own on-demand load still is one."""
    root = write(tmp_path, {
        "package.json": {"name": "ws", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "./dist/index.js",
                                       "files": ["dist"], "scripts": {"build": "tsc"},
                                       "dependencies": {"@nestjs/common": "^10.3.0"}},
        "packages/core/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]},
        "packages/core/src/index.ts": "export * from './bootstrap';\n",
        "packages/core/src/bootstrap.ts": "import { ReplaySubject } from 'rxjs';\nexport const ready = new ReplaySubject(1);\n",
        "packages/core/src/rx.spec.ts": "describe('rxjs', () => {\n  it('loads', () => {\n"
                                        "    const rxjs = require('rxjs');\n    expect(rxjs).toBeDefined();\n  });\n});\n",
    })
    found = {d.path.rsplit("/", 1)[-1]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                 use_cache=False).diagnostics}
    assert sorted(found) == ["bootstrap.ts", "rx.spec.ts"]
    assert all("optional feature" not in d.message and d.severity.value == "error" for d in found.values())


def test_a_published_plugin_gets_no_safe_add_of_its_hosts_framework(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "3.0.0", "main": "dist/index.js",
                                       "dependencies": {"@nestjs/common": "^11.0.12"}},
        "packages/core/src/index.ts": "import { Module } from '@nestjs/common';\nexport const M = Module;\n",
        "packages/plugin/package.json": {"name": "@acme/plugin", "version": "3.0.0", "main": "dist/index.js",
                                         "dependencies": {"dayjs": "^1.11.13"},
                                         "devDependencies": {"@acme/core": "3.0.0"}},
        "packages/plugin/src/index.ts": "import { Injectable } from '@nestjs/common';\nimport dayjs from 'dayjs';\n"
                                        "export const all = [Injectable, dayjs];\n"
                                        "export async function s3(): Promise<unknown> { return import('@aws-sdk/client-s3'); }\n",
        "packages/other/package.json": {"name": "other", "version": "1.0.0",
                                        "dependencies": {"@aws-sdk/client-s3": "^3.600.0"}},
    })
    diags = {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False)
             .diagnostics}
    assert diags["@nestjs/common"].fix.applicability.value == "unsafe"
    assert "it comes with @acme/core" in diags["@nestjs/common"].message
    # the unsafe fix does what the message advises (a real plugin family's fix wrote dependencies)
    assert diags["@nestjs/common"].fix.message == 'Add "@nestjs/common": "^11.0.12" to peerDependencies of packages/plugin/package.json'
    assert 'add "@nestjs/common": "^11.0.12" to peerDependencies (' in diags["@nestjs/common"].message
    # loaded on demand: an optional feature, which the plugin's users install (an optional peer), a warning
    # without a fix, whether or not the repository installs it (a published NestJS module's
    # `require('ioredis')` for its Redis session store, whose catch rethrows an install hint: 3 DEP001)
    s3 = diags["@aws-sdk/client-s3"]
    assert s3.fix is None and s3.severity.value == "warning"
    assert "loaded on demand, like an optional feature: declare \"@aws-sdk/client-s3\" in peerDependencies" in s3.message
    assert "packages/plugin/package.json" not in fixed(root)
    write(root, {"packages/plugin/src/redis.ts": (
        "export function store(url: string): unknown {\n  try {\n    const Redis = require('ioredis');\n"
        "    return new Redis(url);\n  } catch (error) {\n"
        "    throw new Error('Redis sessions need ioredis: npm install ioredis');\n  }\n}\n")})
    ioredis = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
               if d.extra["package"] == "ioredis"]
    assert [(d.severity.value, d.fix) for d in ioredis] == [("warning", None)]
    # no lockfile read (none, or a binary bun.lockb), no node_modules: the message claims only the manifests
    assert "not declared anywhere in this repository, and no lockfile read here says" in ioredis[0].message
    assert "run `" not in ioredis[0].message


@pytest.mark.parametrize("framework_import, reported", [
    ("import { PluginCommonModule, VendurePlugin } from '@vendure/core';\n"
     "@VendurePlugin({ imports: [PluginCommonModule], providers: [AService] })\nexport class APlugin {}",
     [("DEP005", "@vendure/core")]),
    ("import type { VendurePlugin } from '@vendure/core';\nexport type P = typeof VendurePlugin;",
     [("DEP001", "@nestjs/common")]),
])
def test_what_a_plugins_pending_framework_peer_brings_is_left_to_that_peers_finding(tmp_path, framework_import, reported):
    """Published plugins that import `@vendure/core`, which only the root declares (for developing
    them): DEP005 asks for it as a peer, and with that peer declared, the `@nestjs/common` the framework
    brings is the framework's too. Reporting it as well repeats one fix (204 findings on a plugin
    collection). Where the framework is imported for types only, its own finding is no fix for the
    package: the brought package stays reported."""
    root = write(tmp_path, {
        "package.json": {"name": "plugins", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"@vendure/core": "3.6.3"}},
        "yarn.lock": '# yarn lockfile v1\n\n\n"@nestjs/common@11.1.19":\n  version "11.1.19"\n\n'
                     '"@vendure/core@3.6.3":\n  version "3.6.3"\n  dependencies:\n    "@nestjs/common" "11.1.19"\n\n'
                     'axios@1.6.2:\n  version "1.6.2"\n',
        "packages/plugin-a/package.json": {"name": "@acme/vendure-plugin-a", "version": "1.0.0", "main": "dist/index.js",
                                           "types": "dist/index.d.ts", "files": ["dist"], "scripts": {"build": "tsc"},
                                           "dependencies": {"axios": "1.6.2"}},
        "packages/plugin-a/tsconfig.json": {"compilerOptions": {"outDir": "dist", "experimentalDecorators": True},
                                            "include": ["src"]},
        "packages/plugin-a/src/index.ts": "import { Injectable } from '@nestjs/common';\nimport axios from 'axios';\n"
                                          "@Injectable()\n"
                                          "export class AService { ping() { return axios.get('https://example.com'); } }\n"
                                          f"{framework_import}\n",
    })
    assert [(code, package) for code, _, package in dep(root)] == reported
    if reported[0][0] == "DEP001":  # no finding of the framework's to carry the fix: a peer of its own
        nest, = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        assert nest.fix.edits[0].json_edit[1] == "peerDependencies"


def test_a_code_split_component_is_no_optional_feature(tmp_path):
    """`lazy(() => import('icon-pack/HomeIcon'))` in a published UI library: code splitting, loaded
    whenever the component renders, so the package is a dependency (791 warnings on a real low-code
    platform advised optional peers). A load in an ordinary function stays an optional feature."""
    root = write(tmp_path, {
        "package.json": {"name": "acme-web", "private": True, "workspaces": ["packages/*"]},
        "packages/ui/package.json": {"name": "acme-ui", "version": "0.0.1", "main": "src/index.ts",
                                     "dependencies": {"react": "^18.3.1"}},
        "packages/ui/src/index.ts": "import React, { lazy } from 'react';\n\n"
                                    "export const HomeIcon = lazy(() => import('icon-pack/HomeIcon'));\n"
                                    "export const Chart = React.lazy(() => import('chart-kit'));\n"
                                    "export async function exportPdf(): Promise<unknown> { return import('pdf-kit'); }\n",
        "packages/app/package.json": {"name": "acme-app", "private": True,
                                      "dependencies": {"acme-ui": "0.0.1", "icon-pack": "^5.6.1", "chart-kit": "^1.0.0",
                                                       "pdf-kit": "^2.0.0", "react": "^18.3.1"}},
    })
    found = {d.extra["package"]: d.severity.value for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                         use_cache=False).diagnostics}
    assert found == {"icon-pack": "error", "chart-kit": "error", "pdf-kit": "warning"}


def test_a_bundled_published_packages_on_demand_load_is_an_optional_feature_too(tmp_path):
    """tsup bundles a published package's devDependencies and leaves its peers external (and esbuild
    leaves a `require` in a `try` it cannot resolve alone): a load on demand is an optional peer as
    in a package tsc builds, not a devDependency to bundle into every install (a real serializer:
    DEP001 said `npm install --save-dev msgpackr`). A load at start-up is still bundled."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/cache/package.json": {"name": "@acme/cache", "version": "1.0.0", "main": "dist/index.js",
                                        "scripts": {"build": "tsup"}, "devDependencies": {"tsup": "^8.0.1"}},
        "packages/cache/tsup.config.ts": "import { defineConfig } from 'tsup';\n"
                                         "export default defineConfig({ entry: ['src/index.ts'], format: ['cjs'] });\n",
        "packages/cache/src/index.ts": "import { LRU } from 'tiny-lru-cache';\nexport class Msgpack {\n  private e: unknown;\n"
                                       "  constructor() {\n    try {\n      const m = require('msgpackr');\n"
                                       "      this.e = new m.Encoder();\n    } catch {\n"
                                       "      throw new Error('npm install msgpackr');\n    }\n  }\n}\nexport const lru = LRU;\n",
    })
    diags = {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False)
             .diagnostics}
    assert diags["msgpackr"].severity.value == "warning" and diags["msgpackr"].fix is None
    assert 'loaded on demand, like an optional feature: declare "msgpackr" in peerDependencies' in diags["msgpackr"].message
    assert "--save-dev tiny-lru-cache" in diags["tiny-lru-cache"].message


def test_an_optional_feature_peerdependenciesmeta_marks_optional_is_declared(tmp_path):
    """A published driver loads `@as-integrations/express5` on demand and keeps it in devDependencies:
    DEP002 asks for an optional peer. `peerDependenciesMeta` marking it optional, with no range in
    peerDependencies, is that declaration for pnpm and yarn (a GraphQL driver package): nothing is left
    to ask."""
    manifest = {"name": "@acme/driver", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"],
                "devDependencies": {"@as-integrations/express5": "^1.0.0"}}
    files = {"package.json": manifest,
             "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]},
             "src/index.ts": "export async function express5(): Promise<unknown> {\n"
                             "  return import('@as-integrations/express5');\n}\n"}
    [d] = pipeline.lint([str(write(tmp_path / "plain", files))], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert d.severity.value == "warning" and "marked optional in peerDependenciesMeta" in d.message
    meta = {**manifest, "peerDependenciesMeta": {"@as-integrations/express5": {"optional": True}}}
    assert pipeline.lint([str(write(tmp_path / "meta", {**files, "package.json": meta}))], Settings(select=["DEP002"]),
                         use_cache=False).diagnostics == []


def test_a_published_application_is_no_plugin_of_the_packages_it_depends_on(tmp_path):
    """A published package with a `bin` is an application people install to run (a CLI server),
    not a plugin a host loads: a package that comes with a workspace dependency is its own to
    declare, in dependencies, with no advice to make it a peer (a real CLI server: 6 such messages)."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/components/package.json": {"name": "acme-components", "version": "3.0.0", "main": "dist/index.js",
                                             "dependencies": {"ioredis": "^5.4.1"}},
        "packages/components/src/index.ts": "import Redis from 'ioredis';\nexport const R = Redis;\n",
        "packages/server/package.json": {"name": "acme", "version": "3.0.0", "bin": {"acme": "bin/run"},
                                         "main": "dist/index.js", "dependencies": {"acme-components": "3.0.0"}},
        "packages/server/src/index.ts": "import Redis from 'ioredis';\nexport const redis = new Redis();\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "comes with" not in d.message and "peerDependencies" not in d.message
    assert d.fix.applicability.value == "safe" and d.fix.message.endswith("to dependencies of packages/server/package.json")
    # nor is a library that depends on the workspace package (in `dependencies`): that package is no
    # host it plugs into but one it installs, and what it imports itself is its own dependency too
    # (a real published node library was told to make five such packages peers)
    server = json.loads((root / "packages/server/package.json").read_text())
    del server["bin"]
    (root / "packages/server/package.json").write_text(json.dumps(server))
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "comes with" not in d.message and d.fix.message.endswith("to dependencies of packages/server/package.json")


def test_a_private_build_config_or_dependency_siblings_make_no_peer_of_a_published_ui_librarys_import(tmp_path):
    """A published UI library keeps react as a peer, `@dnd-kit/core` in dependencies and the private
    Tailwind config package in devDependencies: `tailwind-merge`, which the config package brings, is
    no host's (no application installs a private package), and `@dnd-kit/utilities`, whose siblings are
    dependencies, goes beside them, not to peerDependencies (a real T3 monorepo: 2 peer advices). A
    package of a published host still goes to peerDependencies."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*", "tooling/*"]},
        "tooling/tailwind/package.json": {"name": "@acme/tailwind-config", "version": "0.1.0", "private": True,
                                          "dependencies": {"tailwind-merge": "^2.3.0"}},
        "packages/kit/package.json": {"name": "@acme/kit", "version": "1.0.0", "main": "index.js",
                                      "dependencies": {"zustand": "^4.0.0"}},
        "packages/ui/package.json": {"name": "@acme/ui", "version": "0.1.0", "main": "dist/index.js",
                                     "dependencies": {"@dnd-kit/core": "^6.1.0"}, "peerDependencies": {"react": "18.3.1"},
                                     "devDependencies": {"@acme/tailwind-config": "0.1.0", "@acme/kit": "1.0.0",
                                                         "react": "18.3.1"}},
        "packages/ui/src/index.ts": ("import { twMerge } from 'tailwind-merge';\nimport { CSS } from '@dnd-kit/utilities';\n"
                                     "import { create } from 'zustand';\nexport const all = [twMerge, CSS, create];\n"),
        "node_modules/@dnd-kit/utilities/package.json": {"name": "@dnd-kit/utilities", "version": "3.2.2",
                                                         "peerDependencies": {"react": ">=16.8.0"}},
    })
    diags = {d.extra["package"]: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                    use_cache=False).diagnostics}
    assert "to dependencies" in diags["tailwind-merge"] and "peerDependencies" not in diags["tailwind-merge"]
    assert "to dependencies" in diags["@dnd-kit/utilities"] and "peerDependencies" not in diags["@dnd-kit/utilities"]
    assert "it comes with @acme/kit" in diags["zustand"] and "peerDependencies" in diags["zustand"]


def test_a_package_a_peer_host_requires_as_a_peer_is_advised_as_a_peer_too(tmp_path):
    """A private plugin package keeps `next` in peerDependencies and imports `react` undeclared: next takes
    react as a peer (the lockfile says so), so the application provides one copy of both, and the advice
    is peerDependencies, not dependencies (a real bookings monorepo: 4 findings advised a second react)."""
    lock = {"name": "mono", "lockfileVersion": 3, "packages": {
        "": {"name": "mono", "workspaces": ["apps/*", "packages/*"]},
        "node_modules/next": {"version": "15.4.8", "peerDependencies": {"react": "^19.0.0", "react-dom": "^19.0.0"}},
        "node_modules/react": {"version": "19.2.1"}, "node_modules/react-dom": {"version": "19.2.1"}}}
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "package-lock.json": lock,
        "packages/memberships/package.json": {"name": "@repo/memberships", "private": True, "main": "src/index.ts",
                                              "peerDependencies": {"next": "*"}},
        "packages/memberships/src/index.tsx": "import { useState } from 'react';\nexport const Price = () => useState(1)[0];\n",
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"start": "next start"},
                                  "dependencies": {"next": "15.4.8", "react": "19.2.1", "react-dom": "19.2.1",
                                                   "@repo/memberships": "*"}},
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "to peerDependencies" in d.message and "keeps next in peerDependencies, which takes react as a peer" in d.message
    assert d.fix is not None and d.fix.message.endswith("to peerDependencies of packages/memberships/package.json")


def test_a_package_a_peer_host_takes_as_an_optional_peer_is_advised_as_a_peer_too(tmp_path):
    """A shared Nest library keeps `@nestjs/common` in peerDependencies and imports class-validator
    undeclared: Nest takes it as an optional peer (its ValidationPipe loads the application's copy), so
    the advice is peerDependencies (a real monorepo: 2 findings advised a second copy in dependencies)."""
    lock = {"name": "mono", "lockfileVersion": 3, "packages": {
        "": {"name": "mono", "workspaces": ["packages/*", "services/*"]},
        "node_modules/@nestjs/common": {"version": "11.1.12", "peerDependencies": {
            "class-validator": "*", "reflect-metadata": "^0.1.12 || ^0.2.0", "rxjs": "^7.1.0"},
            "peerDependenciesMeta": {"class-validator": {"optional": True}}},
        "node_modules/class-validator": {"version": "0.14.3"}}}
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*", "services/*"]},
        "package-lock.json": lock,
        "packages/common/package.json": {"name": "@acme/common", "version": "0.1.0", "main": "dist/index.js",
                                         "scripts": {"build": "tsc"}, "peerDependencies": {"@nestjs/common": "^11.0.0"},
                                         "devDependencies": {"@nestjs/common": "^11.1.12"}},
        "packages/common/src/index.ts": "import { validate } from 'class-validator';\nexport const check = validate;\n",
        "services/api/package.json": {"name": "@acme/api", "private": True, "scripts": {"start": "node dist/main.js"},
                                      "dependencies": {"@acme/common": "*", "@nestjs/common": "^11.1.12",
                                                       "class-validator": "^0.14.3"}},
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "keeps @nestjs/common in peerDependencies, which takes class-validator as an optional peer" in d.message
    assert d.fix is not None and d.fix.message.endswith("to peerDependencies of packages/common/package.json")


def test_a_package_only_a_project_apart_declares_is_not_said_to_be_nowhere(tmp_path):
    """A package no workspace manifest, lockfile or node_modules of the workspace knows, but that a
    project of its own in the repository declares (a nested package with its own lockfile, outside
    the workspace): the message names that project instead of saying "anywhere in this repository"
    (a real repository's mirror of such a package's sources: 7 messages saying so)."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/api"]},
        "packages/api/package.json": {"name": "api", "version": "1.0.0", "private": True},
        "packages/api/src/index.ts": "export const api = 1;\n",
        "integrations/nodes-acme/package.json": {"name": "nodes-acme", "version": "0.2.1",
                                                 "peerDependencies": {"n8n-workflow": "*"}},
        "integrations/nodes-acme/nodes/Acme.node.ts": "import { NodeConnectionTypes } from 'n8n-workflow';\nexport const c = NodeConnectionTypes;\n",
        # not a byte-for-byte mirror (one is judged by its twin's manifest: test_dead_files), a copy that grew
        "nodes/Acme.node.ts": "import { NodeConnectionTypes } from 'n8n-workflow';\nexport const c = NodeConnectionTypes;\n"
                              "export const d = 2;\n",
    })
    [d] = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
           if d.path.endswith("/nodes/Acme.node.ts") and "integrations" not in d.path]
    assert "anywhere" not in d.message
    assert "integrations/nodes-acme/package.json, a project of its own, declares it" in d.message, d.message


def test_an_import_none_of_whose_names_is_used_is_said_to_be_unused(tmp_path):
    """`import { Editor, Transforms } from 'slate'` with neither name used: tsc drops the import, so
    devDependencies is enough, but the reason is that nothing is used, not type positions (a real
    front end's message said "used only in type positions"), and removing it is the other remedy."""
    root = write(tmp_path, {
        "package.json": {"name": "web", "version": "1.0.0", "private": True, "main": "dist/index.js"},
        "package-lock.json": {"name": "web", "lockfileVersion": 3, "packages": {
            "": {"name": "web"}, "node_modules/slate": {"version": "0.100.0"}, "node_modules/yjs": {"version": "13.6.0"}}},
        "src/index.ts": ("import { Editor, Transforms } from 'slate';\nimport type { Doc } from 'yjs';\n"
                         "export const bold = (d: Doc) => d;\n"),
    })
    found = {d.extra["package"]: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                   use_cache=False).diagnostics}
    assert "to devDependencies (package-lock.json resolves 0.100.0; none of its names is used" in found["slate"]
    assert "used only in type positions" not in found["slate"]
    assert "used only in type positions" in found["yjs"]


def test_dep003_in_a_published_package_is_an_unsafe_add(tmp_path):
    root = write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "@acme/snowflake-node", "version": "1.0.0", "main": "dist/connection.js",
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}},
        "package-lock.json": WAREHOUSE_LOCK,
        "src/connection.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and d.fix.applicability.value == "unsafe" and "peerDependencies instead" in d.message
    assert fixed(root) == {}


def _warehouse_server(tmp_path, entry: str, lock: dict, more: dict):
    """A private npm service (legacy-peer-deps) that starts `dist/<entry>.js` and depends on the warehouse SDK."""
    return write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "acme-server", "private": True, "scripts": {"start": f"node dist/{entry}.js"},
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}},
        "package-lock.json": lock,
        f"src/{entry}.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n",
        **more,
    })


def test_a_type_import_of_a_peer_a_dependency_requires_goes_to_dependencies(tmp_path):
    """`import type { AxiosError } from 'axios'` in a service that depends on `@nestjs/axios`, which
    requires axios as a peer, under npm's legacy-peer-deps: the DEP001 of the type import would have
    put axios in devDependencies, which a production install leaves out, and `@nestjs/axios` fails
    (a real platform: 1 finding; 9 on another). The fix adds it to dependencies and says why."""
    root = _warehouse_server(tmp_path, "main", WAREHOUSE_LOCK, {
        "src/errors.ts": "import type { Asn } from '@acme/asn1';\nexport const show = (a: Asn) => String(a);\n"})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP001" and 'to dependencies' in d.message, d.message
    assert '"@acme/warehouse-sdk", a dependency, requires it as a peer' in d.message
    assert '"dependencies": {\n    "@acme/asn1"' in fixed(root)["package.json"] or \
        '"@acme/asn1": "^5.4.1",\n    "@acme/warehouse-sdk"' in fixed(root)["package.json"]


def test_dep003_on_a_peer_no_install_ever_held_says_the_parts_that_need_it_fail(tmp_path):
    """A peer the lockfile records nowhere (no package of the repository installs it): new code
    fails, but a package may need the peer for one subpath only (a query builder whose Material-UI
    peers serve one optional config: 5 errors saying loading the import fails, in an app that runs;
    an MCP server whose SDK loads a rate limiter only in an auth router it never builds: 1). The
    message says the parts that need it fail, as a warning whose fix is unsafe when only the
    lockfile's record of the package names the peer. A peer the install holds is reported as before."""
    lock = {**WAREHOUSE_LOCK, "packages": {k: v for k, v in WAREHOUSE_LOCK["packages"].items() if "asn1" not in k}}
    root = _warehouse_server(tmp_path, "connection", lock, {})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and d.severity.value == "warning"
    assert d.fix is None or d.fix.applicability.value == "unsafe"
    assert 'loading the parts of "@acme/warehouse-sdk" that need it fails' in d.message
    (root / "package-lock.json").write_text(json.dumps(WAREHOUSE_LOCK))
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and "that need it" not in d.message, d.message


def test_dep003_in_a_service_without_private_gets_no_published_package_advice(tmp_path):
    """A server with a start script and a Dockerfile that lacks `"private": true`: nobody installs it as
    a library, so the missing peer belongs in its dependencies (a real self-hosted app was told that a
    published package often declares it as a peer); the fix stays safe."""
    root = write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "acme-server", "version": "1.0.0", "scripts": {"start": "node dist/connection.js"},
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}},
        "Dockerfile": 'FROM node:20\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "dist/connection.js"]\n',
        "package-lock.json": WAREHOUSE_LOCK,
        "src/connection.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and d.fix.applicability.value == "safe" and "peerDependencies instead" not in d.message


def test_dep003_a_peer_that_shipping_code_and_a_test_both_need_is_reported_for_the_shipping_code(tmp_path):
    """A test helper package and a production SDK take the same peer; the test's file sorts first.
    One finding per manifest and peer: at the production import, adding to dependencies, never at
    the test's (a real plugin collection: the peer advised into devDependencies from a `dev/`
    harness while `src/` needs it at runtime)."""
    lock = json.loads(json.dumps(WAREHOUSE_LOCK))
    lock["packages"]["node_modules/@acme/warehouse-mock"] = {"version": "1.0.0", "dev": True,
                                                             "peerDependencies": {"@acme/asn1": "^5.4.1"}}
    root = write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "@acme/warehouse-app", "version": "1.0.0", "private": True, "main": "src/z.ts",
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}, "devDependencies": {"@acme/warehouse-mock": "^1.0.0"}},
        "package-lock.json": lock,
        "src/a.spec.ts": "import { mock } from '@acme/warehouse-mock';\nexport const m = mock();\n",
        "src/z.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP003"]), use_cache=False).diagnostics
    assert d.path.endswith("src/z.ts") and 'add "@acme/asn1": "^5.4.1" to dependencies' in d.message


@pytest.mark.parametrize("meta, safe", [({"optional": True}, True), ({}, False)])
def test_dep003_a_peer_the_manifests_peer_dependencies_meta_names_goes_to_peer_dependencies(tmp_path, meta, safe):
    """`peerDependenciesMeta` names the peer and `peerDependencies` does not: the author meant a
    peer and left out its range (a real published library's unsafe fix wrote the peer into
    dependencies). The fix declares it as a peer; safe when the meta makes it optional, which
    changes no install, unsafe when every user must now install it."""
    root = write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "@acme/snowflake-node", "version": "1.0.0", "main": "dist/connection.js",
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}, "peerDependenciesMeta": {"@acme/asn1": meta}},
        "package-lock.json": WAREHOUSE_LOCK,
        "src/connection.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and d.fix.applicability.value == ("safe" if safe else "unsafe")
    assert 'add "@acme/asn1": "^5.4.1" to peerDependencies' in d.message and "names it in peerDependenciesMeta" in d.message
    out = json.loads(fixed(root, unsafe=True)["package.json"])
    assert out["peerDependencies"] == {"@acme/asn1": "^5.4.1"} and "@acme/asn1" not in out["dependencies"]
    # no version known: the command declares a peer too, in each manager's spelling
    from migrationlint.model.dependency_versions import _add_command
    assert [_add_command(pm, True, False, "@acme/x", "graphql", "peerDependencies") for pm in ("pnpm", "yarn", "bun", "npm")] == [
        "pnpm --filter @acme/x add --save-peer graphql", "yarn workspace @acme/x add --peer graphql",
        "cd @acme/x && bun add --peer graphql", "npm install --save-peer graphql -w @acme/x"]


def test_dep003_a_peer_whose_sibling_the_manifest_keeps_as_a_peer_goes_to_peer_dependencies(tmp_path):
    """A private plugin keeps `@acme/codec` in peerDependencies and misses `@acme/asn1`, both peers
    of the SDK it imports (a real Backstage repository: `react-dom` and `react-router` written into
    `dependencies` of plugins that keep `react` as a peer, four fixes no reviewer would merge). The
    application provides that family: the fix declares the peer too, unsafe. Without the sibling
    peer it stays a safe addition to `dependencies`."""
    lock = json.loads(json.dumps(WAREHOUSE_LOCK))
    lock["packages"]["node_modules/@acme/warehouse-sdk"]["peerDependencies"]["@acme/codec"] = "^1.0.0"
    lock["packages"]["node_modules/@acme/codec"] = {"version": "1.2.0", "peer": True}
    files = {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "@acme/plugin-snowflake", "version": "1.0.0", "private": True, "main": "src/index.ts",
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}, "peerDependencies": {"@acme/codec": "^1.0.0"}},
        "package-lock.json": lock,
        "src/index.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "sibling", files))], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP003" and d.fix.applicability.value == "unsafe"
    assert 'add "@acme/asn1": "^5.4.1" to peerDependencies' in d.message
    assert "keeps @acme/codec, another peer of @acme/warehouse-sdk, in peerDependencies" in d.message
    spec = {**files, "src/index.ts": "export const c = 1;\n",
            "src/index.spec.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n"}
    [d] = pipeline.lint([str(write(tmp_path / "spec", spec))], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert 'add "@acme/asn1": "^5.4.1" to devDependencies' in d.message  # a test's use: not a peer for its users
    del files["package.json"]["peerDependencies"]
    found = pipeline.lint([str(write(tmp_path / "alone", files))], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert sorted((x.fix.applicability.value, re.search(r'add "([^"]+)": "[^"]+" to (\w+)', x.message).groups())
                  for x in found) == [("safe", ("@acme/asn1", "dependencies")), ("safe", ("@acme/codec", "dependencies"))]


NOTIFY_LOCK = """lockfileVersion: '9.0'

importers:

  .: {}

  services/notify:
    dependencies:
      '@nestjs/microservices':
        specifier: 10.4.15
        version: 10.4.15(nats@2.29.3)

packages:

  '@nestjs/microservices@10.4.15':
    resolution: {integrity: sha512-AAAA}
    peerDependencies:
      nats: ^2.2.0
    peerDependenciesMeta:
      nats:
        optional: true

  nats@2.29.3:
    resolution: {integrity: sha512-BBBB}

snapshots:

  '@nestjs/microservices@10.4.15(nats@2.29.3)':
    optionalDependencies:
      nats: 2.29.3

  nats@2.29.3: {}
"""


@pytest.mark.parametrize("npmrc, reported", [(None, False), ("shared-workspace-lockfile=false\n", True),
                                             ("sharedWorkspaceLockfile: false\n", True)])
def test_a_stale_pnpm_lockfile_in_a_workspace_member_is_no_project_of_its_own(tmp_path, npmrc, reported):
    """pnpm installs a workspace from the root's one lockfile and ignores a pnpm-lock.yaml left in a
    member (a real microservice: the stale copy hid the nats the root lockfile links beside
    @nestjs/microservices, and DEP004 asked to declare it). With `shared-workspace-lockfile=false`
    each member keeps a lockfile of its own, which is then what it installs from."""
    files = {
        "package.json": {"name": "acme", "private": True, "packageManager": "pnpm@9.12.0"},
        "pnpm-workspace.yaml": "packages:\n  - 'services/*'\n",
        "pnpm-lock.yaml": NOTIFY_LOCK,
        "services/notify/package.json": {"name": "@acme/notify", "private": True, "scripts": {"start": "node dist/main.js"},
                                         "dependencies": {"@nestjs/microservices": "10.4.15"}},
        "services/notify/pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n",
        "services/notify/src/main.ts": "import { NestFactory } from '@nestjs/core';\n"
                                       "import { Transport } from '@nestjs/microservices';\n"
                                       "export const app = NestFactory.createMicroservice(class {}, { transport: Transport.NATS });\n",
    }
    if npmrc is not None and "=" in npmrc:
        files[".npmrc"] = npmrc
    elif npmrc is not None:  # pnpm 10: the setting in pnpm-workspace.yaml
        files["pnpm-workspace.yaml"] += npmrc
    root = write(tmp_path, files)
    found = [d.extra.get("package") for d in pipeline.lint([str(root)], Settings(select=["DEP004"]), use_cache=False).diagnostics]
    assert ("nats" in found) is reported, found


def test_a_stale_package_lock_in_an_npm_workspace_member_gives_no_version(tmp_path):
    """npm 7+ installs every member of a workspace from the root's package-lock.json, also when run in
    the member: a copy left in a member is stale (a fix took dotenv ^16 from it, where the service
    runs 17 today)."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*"]},
        "package-lock.json": {"name": "mono", "lockfileVersion": 3, "packages": {
            "": {"name": "mono", "workspaces": ["apps/*"]}, "node_modules/dotenv": {"version": "17.2.3"}}},
        "apps/api/package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"}},
        "apps/api/package-lock.json": {"name": "api", "lockfileVersion": 3, "packages": {
            "": {"name": "api"}, "node_modules/dotenv": {"version": "16.4.7"}}},
        "apps/api/src/main.ts": "import 'dotenv/config';\nexport const up = true;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "dotenv": "^17.2.3" to dependencies (package-lock.json resolves 17.2.3)' in d.message, d.message


def test_a_stale_yarn_lockfile_in_a_yarn_1_workspace_member_gives_no_version(tmp_path):
    """yarn 1 installs every member of a workspace from the root's yarn.lock, also when run in the
    member: a yarn.lock left in a member is stale, and a fix took ^27.5.1 from it beside jest 29."""
    root = write(tmp_path, {
        "package.json": {"name": "blog", "private": True, "packageManager": "yarn@1.22.19", "workspaces": ["apps/*"],
                         "devDependencies": {"jest": "29.6.1"}},
        "yarn.lock": '# yarn lockfile v1\n\n\n"@jest/types@^29.6.1":\n  version "29.6.1"\n\n'
                     'jest@29.6.1:\n  version "29.6.1"\n  dependencies:\n    "@jest/types" "^29.6.1"\n',
        "apps/server/package.json": {"name": "server", "private": True, "scripts": {"test": "jest"}},
        "apps/server/yarn.lock": '# yarn lockfile v1\n\n\n"@jest/types@^27.5.1":\n  version "27.5.1"\n',
        "apps/server/jest.config.ts": "import type { Config } from '@jest/types';\nexport default {} as Config.InitialOptions;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "@jest/types": "^29.6.1" to devDependencies (yarn.lock resolves 29.6.1' in d.message, d.message


def test_a_package_only_a_dev_scripts_helpers_import_is_added_to_dev_dependencies(tmp_path):
    """A code generator the `resource` script runs from source (`ts-node-dev src/generators`) and
    the helper it imports: no entry reaches the helper, which --explain-file calls dev only, and a
    fix took it to dependencies (2 DEP001 on real repositories). A service file importing the same
    package keeps it in dependencies."""
    files = {
        "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"]},
        "yarn.lock": "# yarn lockfile v1\n\n\npluralize@^8.0.0:\n  version \"8.0.0\"\n",
        "apps/api/package.json": {"name": "api", "private": True,
                                  "scripts": {"build": "nest build", "start": "nest start", "resource": "ts-node-dev src/generators"},
                                  "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0"}},
        "apps/api/nest-cli.json": {"sourceRoot": "src"},
        "apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { Module } from '@nestjs/common';\n"
                                "@Module({})\nclass AppModule {}\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
        "apps/api/src/generators/index.ts": "import { names } from './util';\nconsole.log(names('user'));\n",
        "apps/api/src/generators/util.ts": "const pluralize = require('pluralize');\nexport const names = (s: string) => pluralize(s);\n",
    }
    root = write(tmp_path / "dev", files)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "pluralize": "^8.0.0" to devDependencies' in d.message
    assert "only tests, test support or developer tools import it" in d.message
    served = write(tmp_path / "served", {**files, "apps/api/src/main.ts": files["apps/api/src/main.ts"].replace(
        "import { Module }", "import pluralize from 'pluralize';\nexport const p = pluralize('a');\nimport { Module }")})
    found = [d.message for d in pipeline.lint([str(served)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert len(found) == 2 and all('to dependencies' in m for m in found), found


def test_a_devdependency_a_published_bundle_leaves_external_is_a_peer(tmp_path):
    """tsup's `external` names ioredis in a published library that keeps it in devDependencies:
    the build leaves it to the application, so the remedy is a peer (optional drivers of a real
    Redis library; "move it to dependencies" would install both drivers for every user)."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/redis-core", "version": "1.0.0", "main": "dist/index.js",
                         "scripts": {"build": "tsup"}, "devDependencies": {"ioredis": "^5.9.2", "tsup": "^8.0.1"}},
        "tsup.config.ts": "export default { entry: ['src/index.ts'], external: ['ioredis'] };\n",
        "src/index.ts": "import Redis from 'ioredis';\nexport const connect = (url: string) => new Redis(url);\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.code == "DEP002" and "the build's external list leaves it out of the bundle" in d.message
    assert d.fix.applicability.value == "unsafe"
    out = json.loads(fixed(root, unsafe=True)["package.json"])
    assert out["peerDependencies"] == {"ioredis": "^5.9.2"} and out["devDependencies"]["ioredis"] == "^5.9.2"


@pytest.mark.parametrize("tool, external, reported", [
    ("tsup", "['@acme/*']", False),  # tsup matches a string as it is or as a path prefix: `@acme/*` names nothing
    ("tsup", "['@acme']", True),  # the scope as a path prefix
    ("tsup", "['@acme/shared']", True),
    ("tsdown", "['@acme/*']", True),  # read as a wildcard, as before
])
def test_a_tsup_external_string_is_a_name_or_a_path_prefix(tmp_path, tool, external, reported):
    """`external: ['@acme/*']` in tsup.config.ts: tsup's plugin compares strings with the import (`id === p ||
    id.startsWith(p + '/')`), so the wildcard keeps nothing out and the private workspace package the library
    deep-imports is inlined (an edge runtime's utilities: a DEP002 asking for a peer on a package no registry
    has). The scope itself, or the package's name, does keep it out."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True},
        "pnpm-workspace.yaml": "packages: ['packages/*']\n",
        "packages/shared/package.json": {"name": "@acme/shared", "version": "0.0.0", "private": True},
        "packages/shared/src/validators.ts": "export const isValidName = (s: string) => /^[a-z]+$/.test(s);\n",
        "packages/utils/package.json": {"name": "@acme/utils", "version": "1.0.0", "files": ["dist"],
                                        "exports": {".": {"import": "./dist/index.mjs"}}, "scripts": {"build": tool},
                                        "devDependencies": {"@acme/shared": "workspace:*", tool: "^8.0.0"}},
        "packages/utils/src/index.ts": "import { isValidName } from '@acme/shared/src/validators';\n\n"
                                       "export const check = (s: string) => isValidName(s);\n",
        f"packages/utils/{tool}.config.ts": f"export default {{ entry: ['src/index.ts'], external: {external} }};\n",
    })
    assert [f[0] for f in dep(root, select=("DEP002",))] == (["DEP002"] if reported else [])


def test_what_a_nested_services_own_lockfile_holds_is_known(tmp_path):
    """Services installed apart, each with its own package-lock.json: a package of the repository's
    scope that only the service's lockfile holds is a transitive dependency (DEP001), not a name
    that names nothing (134 IMP001 on a real repository), and a type-only import's `@types/...`
    package found there is the one to declare (3 DEP001 named the runtime package instead)."""
    lock = {"name": "@acme/users", "lockfileVersion": 3, "requires": True, "packages": {
        "": {"name": "@acme/users", "dependencies": {"@acme/helpers": "^2.18.0"}},
        "node_modules/@acme/helpers": {"version": "2.18.0", "dependencies": {"@acme/nodejs-lib": "^2.21.0"}},
        "node_modules/@acme/nodejs-lib": {"version": "2.21.2"},
        "node_modules/@types/express-serve-static-core": {"version": "4.17.41", "dev": True}}}
    root = write(tmp_path, {
        "package.json": {"name": "@acme/platform", "private": True, "devDependencies": {"typescript": "^5.4.0"}},
        "package-lock.json": {"name": "@acme/platform", "lockfileVersion": 3, "packages": {"": {"name": "@acme/platform"}}},
        "services/users/package.json": {"name": "@acme/users", "version": "1.0.0", "main": "lib/index.js",
                                        "scripts": {"start:prod": "node lib/index.js"},
                                        "dependencies": {"@acme/helpers": "^2.18.0"}},
        "services/users/package-lock.json": lock,
        "services/users/src/index.ts": "import { Log } from '@acme/helpers';\nimport { Microservice } from '@acme/nodejs-lib';\n"
                                       "import { CookieOptions } from 'express-serve-static-core';\n"
                                       "export const all = [Log, Microservice];\nexport type C = CookieOptions;\n",
    })
    found = sorted((d.code, d.extra.get("package") or d.extra.get("specifier"))
                   for d in pipeline.lint([str(root)], Settings(select=["DEP", "IMP"]), use_cache=False).diagnostics)
    assert found == [("DEP001", "@acme/nodejs-lib"), ("DEP001", "@types/express-serve-static-core")], found


def test_dep003_types_only_peers_are_silent(tmp_path):
    lock = json.loads(json.dumps(WAREHOUSE_LOCK).replace("@acme/asn1", "openapi-types"))
    root = write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "@acme/snowflake-node", "version": "1.0.0", "private": True,
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}},
        "package-lock.json": lock,
        "src/connection.ts": "import { connect } from '@acme/warehouse-sdk';\nexport const c = connect();\n",
    })
    assert dep(root) == []


def test_dep003_require_resolve_loads_nothing_so_needs_no_peer(tmp_path):
    root = write(tmp_path, {
        ".npmrc": "legacy-peer-deps=true\n",
        "package.json": {"name": "@acme/snowflake-node", "version": "1.0.0", "private": True,
                         "dependencies": {"@acme/warehouse-sdk": "^2.1.0"}},
        "package-lock.json": WAREHOUSE_LOCK,
        "src/paths.ts": "import path from 'path';\nexport const sdkDir = path.dirname(require.resolve('@acme/warehouse-sdk'));\n",
    })
    assert dep(root) == []


def test_a_repository_that_pins_its_packages_gets_a_pinned_sibling_version(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "3.5.4", "main": "dist/index.js"},
        "packages/common/package.json": {"name": "@acme/common", "version": "3.5.4", "main": "dist/index.js",
                                         "dependencies": {"@acme/core": "3.5.4"}},
        "packages/graphiql/package.json": {"name": "@acme/graphiql", "version": "3.5.4", "main": "dist/index.js"},
        "packages/server/package.json": {"name": "@acme/server", "version": "3.5.4", "private": True,
                                         "scripts": {"start": "node dist/index.js"}},
        "packages/server/src/index.ts": "import { g } from '@acme/graphiql';\nexport const all = [g];\n",
    })
    out = json.loads(fixed(root)["packages/server/package.json"])
    assert out["dependencies"] == {"@acme/graphiql": "3.5.4"}


def test_a_type_only_import_served_by_a_types_package_asks_for_the_types_package(tmp_path):
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/book/package.json": {"name": "book", "private": True, "devDependencies": {"@types/mdx": "^2.0.10"}},
        "packages/ui/package.json": {"name": "ui", "version": "1.0.0", "main": "dist/index.js"},
        "packages/ui/src/index.tsx": "import type { MDXComponents } from 'mdx/types';\nexport const c: MDXComponents = {};\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.extra["package"] == "@types/mdx" and "installed anywhere" not in d.message
    assert json.loads(fixed(root)["packages/ui/package.json"])["devDependencies"] == {"@types/mdx": "^2.0.10"}


def test_a_label_inside_a_members_source_belongs_to_the_member(tmp_path):
    """A package.json naming a folder inside a workspace member's source (a plugin folder with
    name, version, author and an empty `dependencies`), not listed by the workspace definition:
    the member builds those files and Node resolves their imports from its node_modules, so the
    member's declarations count (a real pnpm monorepo: 33 DEP001, whose safe fix wrote
    `workspace:*` entries into the labels)."""
    files = {
        "package.json": {"name": "acme", "private": True, "packageManager": "pnpm@9.12.0"},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/api'\n  - 'packages/types'\n",
        "packages/types/package.json": {"name": "@acme/types", "version": "1.0.0", "main": "dist/index.js"},
        "packages/types/src/index.ts": "export interface Channel { name: string }\nexport const CHANNEL = 'web';\n",
        "packages/api/package.json": {"name": "@acme/api", "version": "1.0.0", "private": True,
                                      "scripts": {"build": "nest build", "start:prod": "node dist/main"},
                                      "dependencies": {"@nestjs/common": "^10.4.15", "@acme/types": "workspace:*"}},
        "packages/api/src/main.ts": "import { WebChannel } from './extensions/web/index.channel';\n"
                                    "console.log(new WebChannel().name);\n",
        "packages/api/src/extensions/web/package.json": {"name": "acme-channel-web", "version": "2.0.0",
                                                         "author": "Acme", "license": "MIT", "dependencies": {}},
        "packages/api/src/extensions/web/index.channel.ts": "import { Injectable } from '@nestjs/common';\n"
                                                            "import { CHANNEL } from '@acme/types';\n"
                                                            "@Injectable()\nexport class WebChannel {\n"
                                                            "  readonly name = CHANNEL;\n}\n",
    }
    assert dep(write(tmp_path / "label", files)) == []
    # a manifest there that declares something is a package of its own: its declarations count
    own = {**files, "packages/api/src/extensions/web/package.json": {
        "name": "acme-channel-web", "version": "2.0.0", "dependencies": {"@acme/types": "workspace:*"}}}
    assert dep(write(tmp_path / "own", own)) == [("DEP001", "packages/api/src/extensions/web/index.channel.ts",
                                                 "@nestjs/common")]
    # a test fixture's package.json inside the member is a project of its own (its fake packages)
    fixture = {**files, "packages/api/test/fixtures/plugin/package.json": {"name": "fixture-plugin", "version": "1.0.0",
                                                                           "private": True},
               "packages/api/test/fixtures/plugin/config.ts": "import p from '@test-scope/plugin';\n"
                                                              "export const plugins = [p];\n"}
    assert dep(write(tmp_path / "fixture", fixture)) == []


def test_a_secondary_entry_point_belongs_to_the_package_around_it(tmp_path):
    """`packages/classes/transformer-plugin/package.json` named `@acme/classes/transformer-plugin`:
    a path into `@acme/classes`, which exports that folder and ships it, so the outer package's
    optional `typescript` peer covers the plugin's import (a real mapper library: 2 DEP005 whose
    fix added an `npm:` alias to `dependencies`). A package of a name of its own there keeps its
    manifest."""
    files = {
        "package.json": {"name": "acme-mapper", "private": True, "packageManager": "pnpm@9.12.0",
                         "devDependencies": {"typescript": "5.6.3"}},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/classes'\n",
        "packages/classes/package.json": {
            "name": "@acme/classes", "version": "9.0.0", "files": ["**/*"],
            "exports": {".": "./src/index.ts", "./transformer-plugin": "./transformer-plugin/src/index.ts"},
            "peerDependencies": {"typescript": "^5.0.0"}, "peerDependenciesMeta": {"typescript": {"optional": True}},
            "devDependencies": {"typescript": "5.6.3"}},
        "packages/classes/src/index.ts": "export const AUTO_MAP = 'automap';\n",
        "packages/classes/transformer-plugin/package.json": {"name": "@acme/classes/transformer-plugin", "version": "9.0.0",
                                                             "peerDependencies": {"@acme/classes": "^9.0.0"}},
        "packages/classes/transformer-plugin/src/index.ts": "import { factory } from 'typescript';\n\n"
                                                            "export const keyword = () => factory.createToken(1);\n",
    }
    assert dep(write(tmp_path / "entry", files)) == []
    apart = {**files, "packages/classes/transformer-plugin/package.json": {
        "name": "@acme/transformer-plugin", "version": "9.0.0", "peerDependencies": {"@acme/classes": "^9.0.0"}}}
    assert [d[0] for d in dep(write(tmp_path / "apart", apart))] == ["DEP005"]


PNPM_TWO_MAJORS = """lockfileVersion: '9.0'
importers:
  .: {}
  packages/core:
    dependencies:
      '@modelcontextprotocol/sdk': { specifier: ^1.30.0, version: 1.30.0 }
      '@nestjs/platform-express': { specifier: ^10.4.0, version: 10.4.22 }
packages:
  '@modelcontextprotocol/sdk@1.30.0': { resolution: { integrity: sha512-AAAA } }
  '@nestjs/platform-express@10.4.22': { resolution: { integrity: sha512-DDDD } }
  express@4.22.1: { resolution: { integrity: sha512-FFFF } }
  express@5.2.1: { resolution: { integrity: sha512-GGGG } }
snapshots:
  '@modelcontextprotocol/sdk@1.30.0': { dependencies: { express: 5.2.1 } }
  '@nestjs/platform-express@10.4.22': { dependencies: { express: 4.22.1 } }
  express@4.22.1: {}
  express@5.2.1: {}
"""


def test_a_lockfile_holding_a_package_in_two_majors_gives_an_unsafe_fix(tmp_path):
    """express 4 for the framework adapter, 5 for another library, and the importer declares
    neither: the highest is no safe guess (a second major beside the adapter's, a real pnpm
    monorepo), so the fix needs review and the message names both. With one major, a safe fix."""
    files = {
        "package.json": {"name": "acme", "private": True, "packageManager": "pnpm@9.12.0"},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "pnpm-lock.yaml": PNPM_TWO_MAJORS,
        "packages/core/package.json": {"name": "@acme/core", "version": "0.6.0", "private": True,
                                       "main": "dist/index.js",
                                       "dependencies": {"@modelcontextprotocol/sdk": "^1.30.0",
                                                        "@nestjs/platform-express": "^10.4.0"}},
        "packages/core/src/index.ts": "import { json } from 'express';\nexport const bodyParser = json();\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "two", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.fix is not None and not d.fixable
    assert d.message.endswith('add "express": "^5.2.1" to dependencies (pnpm-lock.yaml holds 5.2.1, the highest, and 4.22.1: '
                              'check which major this package runs with)')
    one = {**files, "pnpm-lock.yaml": PNPM_TWO_MAJORS.replace("  express@5.2.1: { resolution: { integrity: sha512-GGGG } }\n",
                                                              "").replace("express: 5.2.1", "express: 4.22.1")}
    [d] = pipeline.lint([str(write(tmp_path / "one", one))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.fixable and '"express": "^4.22.1"' in d.message


@pytest.mark.parametrize("root_lock", [True, False])
def test_a_lockfile_of_another_manager_beside_a_nested_projects_own_is_not_its_install(tmp_path, root_lock):
    """`packages/tool` keeps a stale pnpm-lock.yaml beside its package-lock.json, in a repository npm installs
    (a root package-lock.json, lerna bootstrap): its install is npm's, which installs the `esbuild` peer that
    `vite` brings anyway (a game engine's compiler: 1 DEP003 saying the repository uses pnpm 7). Where the
    repository says pnpm (`packageManager`), the pnpm lockfile is the install, and pnpm 7 installs no peer."""
    pnpm_lock = ("lockfileVersion: 5.4\n\nspecifiers:\n  '@esbuild-plugins/node-modules-polyfill': ^0.2.2\n"
                 "  vite: ^4.3.2\n\ndependencies:\n  '@esbuild-plugins/node-modules-polyfill': 0.2.2\n  vite: 4.3.2\n\n"
                 "packages:\n\n  /@esbuild-plugins/node-modules-polyfill/0.2.2:\n    resolution: {integrity: sha512-AAAA}\n"
                 "    peerDependencies:\n      esbuild: '*'\n    dev: false\n\n  /esbuild/0.17.14:\n"
                 "    resolution: {integrity: sha512-BBBB}\n    dev: false\n\n  /vite/4.3.2:\n"
                 "    resolution: {integrity: sha512-CCCC}\n    dependencies:\n      esbuild: 0.17.14\n    dev: false\n")
    root = write(tmp_path, {
        "package.json": {"name": "acme", "version": "1.0.0", "scripts": {"postinstall": "lerna bootstrap --ci"},
                         "devDependencies": {"lerna": "^6.6.1"}, **({} if root_lock else {"packageManager": "pnpm@7.33.0"})},
        "lerna.json": {"packages": ["packages/*"], "version": "1.0.0"},
        **({"package-lock.json": {"name": "acme", "lockfileVersion": 2, "requires": True,
                                  "packages": {"": {"name": "acme"}, "node_modules/lerna": {"version": "6.6.1", "dev": True}}}}
           if root_lock else {}),
        "packages/tool/package.json": {"name": "@acme/tool", "version": "1.0.0", "main": "lib/index.js",
                                       "scripts": {"build": "tsc"},
                                       "dependencies": {"@esbuild-plugins/node-modules-polyfill": "^0.2.2", "vite": "^4.3.2"}},
        "packages/tool/package-lock.json": {"name": "@acme/tool", "lockfileVersion": 2, "requires": True, "packages": {
            "": {"name": "@acme/tool", "dependencies": {"@esbuild-plugins/node-modules-polyfill": "^0.2.2", "vite": "^4.3.2"}},
            "node_modules/@esbuild-plugins/node-modules-polyfill": {"version": "0.2.2", "peerDependencies": {"esbuild": "*"}},
            "node_modules/esbuild": {"version": "0.17.14"},
            "node_modules/vite": {"version": "4.3.2", "dependencies": {"esbuild": "^0.17.5"}}}},
        "packages/tool/src/index.ts": "import { NodeModulesPolyfillPlugin } from '@esbuild-plugins/node-modules-polyfill';\n\n"
                                      "export const plugins = [NodeModulesPolyfillPlugin()];\n",
    })
    (root / "packages/tool/pnpm-lock.yaml").write_text(pnpm_lock)
    found = [d.message for d in pipeline.lint([str(root)], Settings(select=["DEP003"]), use_cache=False).diagnostics]
    assert (found == []) == root_lock, found


def test_a_nested_projects_own_lockfile_pins_before_other_projects_ranges(tmp_path):
    """A service with a lockfile of its own resolves dotenv 16 (through @nestjs/config); a tool
    folder elsewhere declares dotenv 17: the service's fix takes its own lockfile's version, not the
    other project's next major (a real repository: 4 safe fixes that were a major bump)."""
    root = write(tmp_path, {
        "svc/package.json": {"name": "svc", "private": True, "dependencies": {"@nestjs/config": "^2.2.0"}},
        "svc/package-lock.json": {"name": "svc", "lockfileVersion": 1, "requires": True, "dependencies": {
            "@nestjs/config": {"version": "2.2.0", "requires": {"dotenv": "16.0.1"}}, "dotenv": {"version": "16.0.1"}}},
        "svc/src/main.ts": "import * as dotenv from 'dotenv';\n\ndotenv.config();\n",
        "tools/package.json": {"name": "tools", "private": True, "dependencies": {"dotenv": "^17.2.1"}},
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert '"dotenv": "^16.0.1"' in d.message and "svc/package-lock.json resolves 16.0.1" in d.message


def test_a_path_into_node_modules_names_the_package_inside(tmp_path):
    """Generated client code importing `node_modules/@prisma/client/runtime/...` (reached through
    `baseUrl: "."`): the package is @prisma/client, which the root declares; never a package named
    `node_modules` (a real Nx monorepo was told to `yarn add node_modules`)."""
    files = {
        "package.json": {"name": "acme", "version": "0.0.0", "private": True,
                         "dependencies": {"@prisma/client": "^6.9.0"}},
        "tsconfig.base.json": {"compilerOptions": {"baseUrl": ".", "module": "commonjs"}},
        "apps/api/tsconfig.json": {"extends": "../../tsconfig.base.json", "include": ["src/**/*.ts"]},
        "apps/api/src/generated/class.ts": "// @ts-nocheck\nexport const compilerWasm = {\n  getRuntime: async () => "
                                           "await import('node_modules/@prisma/client/runtime/query_compiler_bg.mjs'),\n};\n",
        "apps/api/src/main.ts": "import { compilerWasm } from './generated/class';\n\n"
                                "compilerWasm.getRuntime().then(() => console.log('ready'));\n",
    }
    assert dep(write(tmp_path / "declared", files)) == []
    undeclared = {**files, "package.json": {"name": "acme", "version": "0.0.0", "private": True}}
    assert [p for _, _, p in dep(write(tmp_path / "undeclared", undeclared))] == ["@prisma/client"]


@pytest.mark.parametrize("base_url", [True, False])
def test_a_bare_name_a_siblings_folder_holds_under_base_url_gets_no_install_advice(tmp_path, base_url):
    """Tests copied from a sibling app import `db` (its `db/` folder, which that app's `baseUrl: "."`
    resolves) into an app that has no `db/` (an app framework's example apps: 2 DEP001 advising
    `pnpm add -D db`, an unrelated registry package). Where the file's tsconfig sets `baseUrl`, the
    sibling's folder is named instead of an install; without one, a bare name is a package."""
    options = {"baseUrl": "."} if base_url else {}
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*"]},
        "apps/toolkit/package.json": {"name": "toolkit", "private": True},
        "apps/toolkit/db/index.ts": "export const db = { user: 1 };\n",
        "apps/next13/package.json": {"name": "next13", "private": True, "devDependencies": {"vitest": "^1.0.0"}},
        "apps/next13/tsconfig.json": {"compilerOptions": options, "include": ["src"]},
        "apps/next13/src/reset.test.ts": "import db from 'db';\nimport { test } from 'vitest';\n\ntest('reset', () => { db; });\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert ("the folder apps/toolkit/db/ exists" in d.message) is base_url and ("--save-dev db" in d.message) is not base_url, d.message


def test_a_name_known_nowhere_that_names_a_file_or_folder_gets_no_install_advice(tmp_path):
    """`import { AppModule } from 'app.module'` in a spec copied from another service, whose
    `app.module.ts` is in that service (a dating app's services: 14 DEP001 advising `npm install
    --save-dev app.module`), and `src/store` beside a `src/store/` folder: each reads as a path no
    tsconfig maps, and the message says so instead of an install command. A dotted name that names
    no file keeps the install advice."""
    def messages(spec: str) -> list[str]:
        root = write(tmp_path / spec.replace("/", "_"), {
            "chat/package.json": {"name": "chat", "private": True, "devDependencies": {"jest": "^29.7.0"}},
            "chat/src/store/index.ts": "export const store = 1;\n",
            "chat/test/types.ts": "export interface Info { id: string }\n",
            "chat/test/app.e2e-spec.ts": f"import {{ AppModule }} from '{spec}';\n\ntest('x', () => expect(AppModule).toBeTruthy());\n",
            "users/package.json": {"name": "users", "private": True},
            "users/src/app.module.ts": "export class AppModule {}\n",
        })
        return [d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]

    assert messages("app.module") == [
        '"app.module" names no package: nothing declares or installs "app.module", and users/src/app.module.ts is a '
        "file of that name, so it reads like a path to that file that no tsconfig `baseUrl` or `paths` maps for this "
        "file: import it by a relative path, or map it in the tsconfig"]
    [folder] = messages("src/store")
    assert folder.startswith('"src/store" names no package') and "the folder chat/src/ exists" in folder
    [unknown] = messages("auth.module")
    assert "npm install --save-dev auth.module" in unknown
    # `import type { Info } from 'types'` beside `types.ts` (a chat plugin: `add -D types`, the registry's package)
    [sibling] = messages("types")
    assert sibling.startswith('"types" names no package') and "chat/test/types.ts is a file of that name" in sibling
    # a fixture named after the package it imports (`gatsby.ts` importing `gatsby`) names no other file
    fixture = write(tmp_path / "fixture", {"package.json": {"name": "cli", "private": True},
                                           "test/files/gatsby.ts": "import { graphql } from 'gatsby';\nexport default graphql;\n"})
    [itself] = [d.message for d in pipeline.lint([str(fixture)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert "names no package" not in itself and "add -D gatsby" in itself or "install --save-dev gatsby" in itself, itself


def test_a_module_a_test_mocks_into_being_is_no_dependency(tmp_path):
    """`jest.mock('custom-provider', factory, { virtual: true })` and the test's import of it: a
    module that exists only as the mock, which nothing declares or installs (a real pnpm monorepo:
    2 DEP001 errors). Also when a sibling declares it: Jest never resolves a virtual mock (a native
    module only a sibling installs: 3 DEP001 on another repository). A plain mock is a use of it."""
    spec = ("import { loadProvider } from './loader';\n\n"
            "jest.mock('custom-provider', () => ({ create: jest.fn(() => 'ok') }), { virtual: true });\n\n"
            "it('loads a provider by name', async () => {\n  await loadProvider('custom-provider');\n"
            "  // @ts-expect-error virtual module provided via jest.mock\n"
            "  const { create } = await import('custom-provider');\n  expect(create).toBeDefined();\n});\n")
    files = {
        "package.json": {"name": "api", "version": "1.0.0", "private": True,
                         "dependencies": {"@nestjs/common": "^10.4.15"}, "devDependencies": {"jest": "^29.7.0"}},
        "src/loader.ts": "export async function loadProvider(name: string): Promise<unknown> {\n  return import(name);\n}\n",
        "src/loader.spec.ts": spec,
    }
    assert dep(write(tmp_path / "virtual", files)) == []
    known = {**files, "tools/package.json": {"name": "tools", "private": True,
                                             "dependencies": {"custom-provider": "^1.0.0"}},
             "package.json": {**files["package.json"], "workspaces": ["tools"]}}
    assert dep(write(tmp_path / "known", known)) == []
    plain = {**known, "src/loader.spec.ts": spec.replace(", { virtual: true }", "")}
    assert {p for _, _, p in dep(write(tmp_path / "plain", plain))} == {"custom-provider"}


def test_a_module_only_its_types_are_declared_for_comes_from_the_runtime(tmp_path):
    """Load tests that `k6 run` executes import `k6/http`; the package declares `@types/k6`, and
    its lockfile, no manifest and no node_modules holds `k6`: the k6 binary provides the module,
    and `npm install k6` could not (a real repository: 13 DEP001 errors). For a module of a runtime the
    linter does not know, once something installs the package, or with no lockfile to say what is
    installed, it is an undeclared import again; and only a runtime a manifest's `engines` names
    provides a module its declared types describe (without that, a missing `supertest` beside its
    `@types/supertest` would pass for a runtime's module)."""
    files = {
        "package.json": {"name": "load-tests", "version": "1.0.0", "private": True,
                         "scripts": {"smoke": "k6 run dist/smoke.js"}, "devDependencies": {"@types/k6": "^0.54.0"}},
        "package-lock.json": {"name": "load-tests", "lockfileVersion": 3, "packages": {
            "": {"name": "load-tests"}, "node_modules/@types/k6": {"version": "0.54.0", "dev": True}}},
        "src/smoke.ts": "import http from 'k6/http';\n\nexport default function () {\n"
                        "  http.get('http://localhost:3000/health');\n}\n",
    }
    assert dep(write(tmp_path / "runtime", files)) == []
    # k6 is a runtime the linter knows (packages.RUNTIME_MODULES): its modules are never the npm
    # package, installed or not; for another module, only what the lockfile says makes it the runtime's
    installed = {**files, "package-lock.json": {"name": "load-tests", "lockfileVersion": 3, "packages": {
        "": {"name": "load-tests"}, "node_modules/k6": {"version": "0.0.0"}}}}
    assert dep(write(tmp_path / "installed", installed)) == []
    host = {**files, "package.json": {**files["package.json"], "devDependencies": {"@types/host-api": "^1.0.0"},
                                      "engines": {"host-api": "^1.0.0"}},
            "package-lock.json": {"name": "load-tests", "lockfileVersion": 3, "packages": {
                "": {"name": "load-tests"}, "node_modules/@types/host-api": {"version": "1.0.0", "dev": True}}},
            "src/smoke.ts": "import { get } from 'host-api';\n\nexport default function () {\n  get('/health');\n}\n"}
    assert dep(write(tmp_path / "host", host)) == []
    host_installed = {**host, "package-lock.json": {"name": "load-tests", "lockfileVersion": 3, "packages": {
        "": {"name": "load-tests"}, "node_modules/host-api": {"version": "0.0.0"}}}}
    assert [p for _, _, p in dep(write(tmp_path / "host-installed", host_installed))] == ["host-api"]
    unlocked = {k: v for k, v in host.items() if k != "package-lock.json"}  # nothing says what installs
    assert [p for _, _, p in dep(write(tmp_path / "unlocked", unlocked))] == ["host-api"]
    no_engine = {**host, "package.json": {k: v for k, v in host["package.json"].items() if k != "engines"}}
    assert [p for _, _, p in dep(write(tmp_path / "no-engine", no_engine))] == ["host-api"]


def test_a_runtime_module_in_a_member_without_its_types_asks_for_the_types(tmp_path):
    """A shared library of a VS Code extension imports `vscode` as a value but declares no
    `@types/vscode`, which a sibling declares and the lockfile holds, while nothing holds `vscode`:
    the editor provides the module, so the advice is its types in devDependencies, never
    `add vscode` (a real extension: 24 DEP001 whose command installs the deprecated package)."""
    files = {
        "package.json": {"name": "ext-root", "private": True, "workspaces": ["packages/*"]},
        "package-lock.json": {"name": "ext-root", "lockfileVersion": 3, "packages": {
            "": {"name": "ext-root"}, "node_modules/@types/vscode": {"version": "1.72.0", "dev": True}}},
        "packages/ext/package.json": {"name": "ext", "private": True, "main": "dist/extension.js",
                                      "engines": {"vscode": "^1.72.0"}, "devDependencies": {"@types/vscode": "^1.72.0"}},
        "packages/ext/src/extension.ts": "import * as vscode from 'vscode';\nexport const activate = () => vscode.window;\n",
        "packages/lib/package.json": {"name": "lib", "private": True, "main": "src/index.ts"},
        "packages/lib/src/index.ts": "import * as vscode from 'vscode';\nexport const hello = () => vscode.window;\n",
    }
    [d] = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert d.path.endswith("packages/lib/src/index.ts") and d.extra["package"] == "@types/vscode"
    assert d.fix is not None and 'to devDependencies' in d.fix.message and "add vscode" not in d.message


@pytest.mark.parametrize("build,reported", [
    ("esbuild src/load.ts --bundle --outdir=dist --external:k6 --external:k6/*", []),
    ("esbuild src/load.ts --bundle --outdir=dist --external k6", []),
    ("tsup src/load.ts --external k6", []),
    ("esbuild src/load.ts --bundle --outdir=dist", ["k6", "k6"]),
])
def test_a_module_the_build_leaves_external_and_nothing_holds_comes_from_the_runtime(tmp_path, build, reported):
    """A bundle built with `--external:k6` and run by `k6 run`, no @types/k6 declared: the build
    leaves the module to whatever runs the bundle, and nothing of the repository holds it, so the
    runtime provides it (a real load-test package: 5 DEP001 advising `add -D k6`). Bundled in, it
    is an undeclared import."""
    files = {
        "package.json": {"name": "load-tests", "version": "1.0.0", "private": True,
                         "scripts": {"build": build, "test:load": "npm run build && k6 run dist/load.js"},
                         "devDependencies": {"esbuild": "^0.25.0"}},
        "package-lock.json": {"name": "load-tests", "lockfileVersion": 3, "packages": {
            "": {"name": "load-tests"}, "node_modules/esbuild": {"version": "0.25.0", "dev": True}}},
        "src/load.ts": "import { check } from 'k6';\nimport http from 'k6/http';\n\nexport default function () {\n"
                       "  check(http.get('http://localhost:3000/health'), {});\n}\n",
    }
    assert [p for _, _, p in dep(write(tmp_path, files))] == reported


@pytest.mark.parametrize("external", ["--external:@aws-sdk", "--external:@aws-sdk/*", "'--external:@aws-sdk/*'"])
def test_an_esbuild_scope_external_keeps_the_scope_out_and_the_rest_in_the_bundle(tmp_path, external):
    """A Lambda package built by `esbuild src/index.ts --bundle --external:@aws-sdk` (esbuild matches
    it as a path prefix: every `@aws-sdk/...` stays out) whose `dependencies` hold only `@aws-sdk`
    clients: what it bundles is kept in devDependencies, so the sibling workspace package its handler
    imports undeclared goes there too (33 DEP001 on a real repository advised `dependencies`, which
    only the external packages need)."""
    files = {
        "package.json": {"name": "r2", "private": True, "workspaces": ["lambda", "shared"]},
        "shared/package.json": {"name": "shared", "version": "1.0.0"},
        "shared/s3.ts": "export const bucket = 'b';\n",
        "lambda/package.json": {"name": "lambda", "version": "1.0.0", "dependencies": {"@aws-sdk/client-sns": "^3.500.0"},
                                "scripts": {"build": f"esbuild src/index.ts --bundle --platform=node --outfile=dist/index.js {external}"}},
        "lambda/src/index.ts": "import { bucket } from 'shared/s3';\nimport { SNSClient } from '@aws-sdk/client-sns';\n\n"
                               "export const handler = async () => new SNSClient({ region: bucket });\n",
    }
    [d] = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "shared" and "to devDependencies" in d.message and "ships a bundle" in d.message, d.message
    assert "deleting it" not in d.message  # the build script names the handler
    # an SDK client kept in devDependencies and left external: the Lambda runtime's, in a package that names
    # nothing to load (a newsroom tool's lambdas: 7 DEP002 once the scope was read as external)
    lambda_dir = tmp_path / "lambda"
    manifest = json.loads((lambda_dir / "package.json").read_text())
    manifest["devDependencies"] = {"@aws-sdk/client-lambda": "^3.1061.0"}
    (lambda_dir / "package.json").write_text(json.dumps(manifest))
    (lambda_dir / "src" / "invoke.ts").write_text("import { LambdaClient } from '@aws-sdk/client-lambda';\n\n"
                                                  "export const lambda = new LambdaClient({});\n")
    (lambda_dir / "src" / "index.ts").write_text((lambda_dir / "src" / "index.ts").read_text() + "export { lambda } from './invoke';\n")
    assert [x.code for x in pipeline.lint([str(tmp_path)], Settings(select=["DEP002"]), use_cache=False).diagnostics] == []


def test_a_stylesheet_a_vite_plugin_serves_is_no_package(tmp_path):
    """`import 'uno.css'` (UnoCSS) or `import 'unfonts.css'` in a vite app: a plugin's virtual
    stylesheet, which no manifest, lockfile or node_modules holds (two real apps were told to
    install it). A stylesheet package the repository does hold is a package; so is any import
    outside a vite project, or one that binds names."""
    files = {
        "package.json": {"name": "admin", "version": "1.0.0", "private": True, "type": "module",
                         "dependencies": {"vue": "^3.4.0"}, "devDependencies": {"vite": "^5.0.0", "unocss": "^0.58.0"}},
        "package-lock.json": {"name": "admin", "lockfileVersion": 3, "packages": {
            "": {"name": "admin"}, "node_modules/vue": {"version": "3.4.0"}, "node_modules/normalize.css": {"version": "8.0.1"}}},
        "src/main.ts": "import 'uno.css';\nimport 'normalize.css';\nimport fonts from 'fonts.css';\n"
                       "import { createApp } from 'vue';\ncreateApp({ fonts }).mount('#app');\n",
    }
    assert sorted(p for _, _, p in dep(write(tmp_path / "vite", files))) == ["fonts.css", "normalize.css"]
    plain = {**files, "package.json": {**files["package.json"], "devDependencies": {"unocss": "^0.58.0"}}}
    assert sorted(p for _, _, p in dep(write(tmp_path / "plain", plain))) == ["fonts.css", "normalize.css", "uno.css"]
    # a VitePress site declares vitepress, which runs vite with the site's plugins (a real docs site)
    site = {**files, "package.json": {**files["package.json"], "devDependencies": {"vitepress": "^1.0.0", "unocss": "^0.58.0"}}}
    assert sorted(p for _, _, p in dep(write(tmp_path / "site", site))) == ["fonts.css", "normalize.css"]


@pytest.mark.parametrize("schema_at,output", [
    ("prisma/schema.prisma", "../node_modules/@prisma/pgsql-client"),
    ("schema.prisma", "./node_modules/@prisma/pgsql-client"),
    ("prisma/schema/schema.prisma", "../../node_modules/@prisma/pgsql-client"),
    # a schema a script hands to the CLI (`prisma generate --schema=...`: 10 DEP001 on a real monorepo)
    ("libs/db/prisma/pg.prisma", "../../../node_modules/@prisma/pgsql-client"),
])
def test_a_client_prisma_generates_into_node_modules_is_no_registry_package(tmp_path, schema_at, output):
    """`generator client { output = "../node_modules/@prisma/pgsql-client" }`: `prisma generate`
    writes that package itself; installing the registry's package of that name would be wrong, even
    a dependency-confusion risk (a real service: 2 DEP001). A name no generator writes is reported."""
    root = write(tmp_path, {
        "package.json": {"name": "orders", "version": "1.0.0", "private": True,
                         "scripts": {"start:prod": "node dist/main",
                                     "generate": "prisma generate --schema=./libs/db/prisma/pg.prisma"},
                         "dependencies": {"@prisma/client": "^5.15.0"}, "devDependencies": {"prisma": "^5.15.0"}},
        "src/main.ts": ("import { PrismaClient } from '@prisma/pgsql-client';\nimport { Other } from '@prisma/other-client';\n"
                        "export const db = [new PrismaClient(), Other];\n"),
    })
    (root / schema_at).parent.mkdir(parents=True, exist_ok=True)
    (root / schema_at).write_text('generator client {\n  provider = "prisma-client-js"\n  output   = "' + output + '"\n}\n\n'
                                  'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n')
    assert [p for _, _, p in dep(root)] == ["@prisma/other-client"]


@pytest.mark.parametrize("provider,reported", [
    ("typegraphql-prisma", []),
    ("node node_modules/typegraphql-prisma/lib/generator.js", []),  # the provider as a command naming the package
    ("prisma-nestjs-graphql", ["@generated/type-graphql"]),  # no default output into node_modules known for it
])
def test_a_generators_default_output_into_node_modules_is_no_registry_package(tmp_path, provider, reported):
    """`generator typegraphql { provider = "typegraphql-prisma" }` with no `output`: the generator writes
    `node_modules/@generated/type-graphql` itself, and the code imports it (a Prisma example: 1 DEP001
    advising `npm install @generated/type-graphql`, an unrelated registry package)."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["api"]},
        "api/package.json": {"name": "api", "version": "1.0.0", "private": True, "scripts": {"start": "node dist/index.js"},
                             "dependencies": {"@prisma/client": "5.21.1", "type-graphql": "2.0.0-rc.2"},
                             "devDependencies": {"prisma": "5.21.1", "typegraphql-prisma": "0.28.0"}},
        "api/src/index.ts": "import { resolvers } from '@generated/type-graphql';\n\nconsole.log(resolvers.length);\n",
    })
    (root / "api/prisma").mkdir()
    (root / "api/prisma/schema.prisma").write_text(
        'generator client {\n  provider = "prisma-client-js"\n}\n\ngenerator typegraphql {\n  provider = "' + provider
        + '"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n')
    assert [p for _, _, p in dep(root)] == reported


@pytest.mark.parametrize("target", [
    {"executor": "@nx-tools/nx-prisma:generate", "options": {"schema": "apps/auth/prisma/schema.prisma"}},
    None,  # no target names it: the schema sits where Prisma looks, in the project's folder
    "no project",  # no Nx project at all: the app's folder holds the schema
])
def test_a_client_an_nx_projects_schema_generates_into_node_modules_is_no_registry_package(tmp_path, target):
    """An Nx app's `prisma/schema.prisma` writes `output = "../../../node_modules/@prisma/db-auth"`,
    generated by a target of a Prisma executor (`@nx-tools/nx-prisma:generate` with `options.schema`),
    not by a package.json script (a legal assistant's workspace: 3 DEP001 advising `pnpm add`)."""
    project = {"name": "auth", "projectType": "application", "sourceRoot": "apps/auth/src", "targets": {}}
    if isinstance(target, dict):
        project["targets"]["prisma-generate"] = target
    root = write(tmp_path, {
        "package.json": {"name": "acme", "version": "0.0.0", "private": True,
                         "scripts": {"build": "nx run-many -t build", "start:prod": "node dist/apps/auth/main.js"},
                         "dependencies": {"@nestjs/core": "^10.0.0", "@prisma/client": "^5.8.0"},
                         "devDependencies": {"prisma": "^5.8.0", "nx": "^17.0.0"}},
        "nx.json": {"npmScope": "acme"},
        "apps/auth/project.json": project,
        "apps/auth/prisma/schema.prisma": 'generator client {\n  provider = "prisma-client-js"\n'
                                          '  output   = "../../../node_modules/@prisma/db-auth"\n}\n',
        "apps/auth/src/main.ts": "import { PrismaClient } from '@prisma/db-auth';\nimport { Other } from '@prisma/db-other';\n\n"
                                 "export const db = [new PrismaClient(), Other];\n",
    })
    if target == "no project":
        (root / "apps/auth/project.json").unlink()
        (root / "nx.json").unlink()
    assert [p for _, _, p in dep(root)] == ["@prisma/db-other"]


def test_a_client_prisma_generates_under_base_url_is_no_registry_package(tmp_path):
    """`import { User } from 'generated/prisma/app'` with `baseUrl: "./"`, where a schema the build
    script hands to the CLI writes `output = "../../generated/prisma/app"` (gitignored, absent from
    the checkout): a path under `baseUrl`, not the registry's package `generated` (a real Nest
    monorepo: 3 DEP001 advising `npm install generated`). A name under no generator's output is
    still reported."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "private": True,
                         "scripts": {"prisma:generate": "prisma generate --schema=prisma/app/schema.prisma", "build": "nest build"},
                         "dependencies": {"@prisma/client": "6.16.2"}, "devDependencies": {"prisma": "6.16.2"}},
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "baseUrl": "./", "outDir": "./dist"}},
        ".gitignore": "/generated/prisma\nnode_modules\n",
        "prisma/app/schema.prisma": 'generator client {\n  provider = "prisma-client-js"\n'
                                    '  output   = "../../generated/prisma/app"\n}\n',
        "src/user.service.ts": "import { User } from 'generated/prisma/app';\nimport { Other } from 'generated/other';\n\n"
                               "export const find = (): User | Other | null => null;\n",
    })
    assert [p for _, _, p in dep(root)] == ["generated"]
    assert [d.message for d in pipeline.lint([str(root)], Settings(select=["IMP"]), use_cache=False).diagnostics] == []


def test_a_generator_writing_beside_the_schema_makes_no_folder_of_generated_code(tmp_path):
    """`generator dbml { output = "." }` in a schema at the package's top: a diagram file beside it,
    not a folder of generated code, so `.prisma/client` (the client `prisma generate` writes into
    node_modules) and an undeclared `lodash/get` under `baseUrl: "."` are read as everywhere else
    (a charity platform's seeds: 2 IMP002 "(baseUrl path) matches no file")."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "scripts": {"build": "prisma generate && tsc"},
                         "dependencies": {"@prisma/client": "5.1.1"}, "devDependencies": {"prisma": "5.1.1"}},
        "tsconfig.json": {"compilerOptions": {"baseUrl": ".", "outDir": "dist"}, "include": ["src"]},
        "schema.prisma": 'generator client {\n  provider = "prisma-client-js"\n}\n\ngenerator dbml {\n'
                         '  provider = "prisma-dbml-generator"\n  output   = "."\n}\n',
        "src/seed.ts": "import { User } from '.prisma/client';\nimport get from 'lodash/get';\n\n"
                       "export const pick = (u: User) => get(u, 'id');\n",
    })
    found = [(d.code, d.extra.get("package") or d.extra.get("specifier"))
             for d in pipeline.lint([str(root)], Settings(select=["DEP", "IMP"]), use_cache=False).diagnostics]
    assert found == [("DEP001", "lodash")], found


def test_an_image_path_under_base_url_is_no_registry_package(tmp_path):
    """`import avatar from 'assets/images/avatar1.png'` with `baseUrl: "src"`, the images since moved to
    `public/`: an image is never a package's entry, and nothing knows a package `assets`, so it is a
    path under `baseUrl` that names nothing (a real Next client: 11 DEP001 advising `pnpm add assets`,
    an unrelated registry package). A code path of an unknown name stays DEP001."""
    root = write(tmp_path, {
        "package.json": {"name": "web", "private": True, "dependencies": {"next": "16.0.1", "react": "19.2.0"}},
        "tsconfig.json": {"compilerOptions": {"baseUrl": "src", "moduleResolution": "bundler", "jsx": "preserve", "noEmit": True}},
        "src/index.ts": "import avatar from 'assets/images/avatar1.png';\nimport { fmt } from 'left-fmt/lib/fmt';\n\n"
                        "export const all = [avatar, fmt];\n",
    })
    assert [p for _, _, p in dep(root)] == ["left-fmt"]


def test_an_umbrella_packages_internal_package_is_imported_through_its_subpath(tmp_path):
    """`@medusajs/workflows-sdk`, undeclared, which the declared `@medusajs/framework` depends on and
    re-exports as `@medusajs/framework/workflows-sdk`, the spelling other files of the service use (a
    B2B starter: 54 DEP001 advising to declare the internal package beside the umbrella that pins
    it). The message offers that import beside the declaration, whose fix becomes unsafe; a package
    with no such subpath in use, or a deeper path of another scope's package, keeps the declaration."""
    root = write(tmp_path, {
        "package.json": {"name": "shop-backend", "private": True, "scripts": {"start": "medusa start"},
                         "dependencies": {"@medusajs/framework": "2.8.4", "@medusajs/medusa": "2.8.4"}},
        "package-lock.json": {"name": "shop-backend", "lockfileVersion": 3, "requires": True, "packages": {
            "": {"name": "shop-backend", "dependencies": {"@medusajs/framework": "2.8.4", "@medusajs/medusa": "2.8.4"}},
            "node_modules/@medusajs/framework": {"version": "2.8.4", "dependencies": {"@medusajs/workflows-sdk": "2.8.4"}},
            "node_modules/@medusajs/medusa": {"version": "2.8.4", "dependencies": {"@medusajs/core-flows": "2.8.4"}},
            "node_modules/@medusajs/workflows-sdk": {"version": "2.8.4"},
            "node_modules/@medusajs/core-flows": {"version": "2.8.4"}}},
        "src/workflows/hello.ts": "import { createStep } from '@medusajs/workflows-sdk';\nimport { updateCartsStep } from '@medusajs/core-flows';\n\n"
                                  "export const steps = [createStep, updateCartsStep];\n",
        "src/workflows/other.ts": "import { createWorkflow } from '@medusajs/framework/workflows-sdk';\n\nexport const w = createWorkflow;\n",
    })
    def lint() -> dict:
        return {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}

    found = lint()
    sdk = found["@medusajs/workflows-sdk"]
    assert "or import it as `@medusajs/framework/workflows-sdk` if that subpath re-exports it" in sdk.message
    assert sdk.fix.applicability.value == "unsafe"
    assert "import it as" not in found["@medusajs/core-flows"].message
    # the installed umbrella tells: its subpath re-exports the package, or is a module of its own named
    # alike (`@polkadot/api/types`, the api's typings, beside `@polkadot/types`: 64 DEP001 on a chain's
    # tests advised an import that fails)
    installed = root / "node_modules" / "@medusajs" / "framework"
    write(installed, {"package.json": {"name": "@medusajs/framework", "exports": {"./workflows-sdk": {
        "types": "./dist/workflows-sdk/index.d.ts", "default": "./dist/workflows-sdk/index.js"}}},
        "dist/workflows-sdk/index.d.ts": 'export * from "@medusajs/workflows-sdk";\n'})
    assert "`@medusajs/framework/workflows-sdk`, the subpath through which @medusajs/framework re-exports it" \
        in lint()["@medusajs/workflows-sdk"].message
    write(installed, {"dist/workflows-sdk/index.d.ts": "export * from './steps';\nexport type Flow = string;\n"})
    sdk = lint()["@medusajs/workflows-sdk"]
    assert "import it as" not in sdk.message and sdk.fix.applicability.value == "safe"


def test_a_client_an_nx_target_generates_into_node_modules_is_no_registry_package(tmp_path):
    """The same client generated by an Nx target of the importer's project (`nx:run-commands`, `prisma
    generate --schema=./apps/shop/src/prisma/shop.prisma`, run from the workspace root), which the root
    script only reaches through `nx run-many` (a real Nest module collection: 3 DEP001 asking to install
    it from the registry). A client no target generates is reported."""
    def repo(name: str, commands: list[str]) -> list:
        return [p for _, _, p in dep(write(tmp_path / name, {
            "package.json": {"name": "acme", "private": True, "scripts": {"prisma:generate": "nx run-many -t=prisma-generate"},
                             "dependencies": {"@prisma/client": "^5.22.0"}, "devDependencies": {"nx": "^20.0.0", "prisma": "^5.22.0"}},
            "nx.json": {},
            "apps/shop/project.json": {"name": "shop", "sourceRoot": "apps/shop/src", "projectType": "application",
                                       "targets": {"prisma-generate": {"executor": "nx:run-commands",
                                                                       "options": {"commands": commands}}}},
            "apps/shop/src/prisma/shop.prisma": 'generator client {\n  provider = "prisma-client-js"\n'
                                                '  output   = "../../../../node_modules/@prisma/shop-client"\n}\n',
            "apps/shop/src/main.ts": "import { PrismaClient } from '@prisma/shop-client';\n\nexport const db = new PrismaClient();\n",
        }))]

    assert repo("target", ["./node_modules/.bin/prisma generate --schema=./apps/shop/src/prisma/shop.prisma"]) == []
    assert repo("none", ["echo generate"]) == ["@prisma/shop-client"]


def test_a_type_only_import_whose_types_package_is_installed_asks_for_the_types_package(tmp_path):
    """`import { Request, Response, NextFunction } from 'express'` used only as types, express
    installed (another package's dependency) and its types only in @types/express (arriving through
    @types/passport): declaring express would fix nothing, @types/express is what tsc reads."""
    root = write(tmp_path, {
        "package.json": {"name": "svc", "private": True,
                         "dependencies": {"@fastify/express": "^2.3.0", "@nestjs/common": "^9.4.0"},
                         "devDependencies": {"@types/passport": "^1.0.12"}},
        "package-lock.json": {"name": "svc", "lockfileVersion": 3, "requires": True, "packages": {
            "": {"name": "svc"},
            "node_modules/@fastify/express": {"version": "2.3.0", "dependencies": {"express": "^4.17.1"}},
            "node_modules/express": {"version": "4.18.2"},
            "node_modules/@types/passport": {"version": "1.0.12", "dev": True, "dependencies": {"@types/express": "*"}},
            "node_modules/@types/express": {"version": "4.17.13", "dev": True}}},
        "src/timing.middleware.ts": "import { Injectable, NestMiddleware } from '@nestjs/common';\n"
                                    "import { Request, Response, NextFunction } from 'express';\n\n"
                                    "@Injectable()\nexport class TimingMiddleware implements NestMiddleware {\n"
                                    "  use(req: Request, res: Response, next: NextFunction) {\n"
                                    "    res.on('finish', () => console.log(req.method));\n    next();\n  }\n}\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "@types/express" and 'add "@types/express": "^4.17.13" to devDependencies' in d.message


@pytest.mark.parametrize("jsx", ["react", "react-jsx", "preserve"])
def test_react_imported_for_jsx_alone_is_loaded_not_unused(tmp_path, jsx):
    """`import React from 'react'` in a .tsx file whose only use of `React` is JSX: the element is
    `React.createElement(...)` under `jsx: react`, and tsc keeps the import in the other modes too
    (checked with tsc 5.4), so the package is loaded at runtime: not its @types package, not
    "none of its names is used", and removing the import is no remedy. A namespace import under
    another name is dropped (tsc drops it), and a .tsx file without JSX keeps the unused reading."""
    root = write(tmp_path, {
        "package.json": {"name": "panel", "version": "1.0.0", "private": True, "main": "dist/index.js"},
        "package-lock.json": {"name": "panel", "lockfileVersion": 3, "packages": {
            "": {"name": "panel"}, "node_modules/react": {"version": "18.2.0"},
            "node_modules/@types/react": {"version": "18.0.26"}, "node_modules/preact": {"version": "10.19.0"},
            "node_modules/lit": {"version": "3.1.0"}}},
        "tsconfig.json": {"compilerOptions": {"jsx": jsx, "module": "commonjs", "outDir": "dist"}},
        "src/index.tsx": "import React from 'react';\nimport * as P from 'preact';\n"
                         "export const Badge = (props: { label: string }) => <span>{props.label}</span>;\n",
        "src/plain.tsx": "import * as L from 'lit';\nexport const n = 1;\n",
    })
    found = {d.extra["package"]: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                   use_cache=False).diagnostics}
    assert set(found) == {"react", "preact", "lit"}, found
    assert 'add "react": "^18.2.0" to dependencies' in found["react"] and "none of its names" not in found["react"]
    assert "none of its names is used" in found["preact"] and "none of its names is used" in found["lit"]


@pytest.mark.parametrize("options", [{"noImplicitAny": False}, {"strict": False}, {"strict": True}, {}])
def test_an_unused_import_beside_value_loads_asks_for_the_package_when_implicit_any_is_allowed(tmp_path, options):
    """Files that call an undeclared untyped package, and one that imports it without using a
    name. With implicit `any` allowed (a Nest starter's `noImplicitAny: false`), the declaration the
    value loads need also lets tsc compile the unused import, so DEP001 asks for the package at both
    and the fix adds it once; asking for its @types package too would add a line nothing needs. When
    tsc may reject a module without types (strict, or the option left to the compiler's default),
    the unused import still asks for the types package."""
    root = write(tmp_path, {
        "package.json": {"name": "svc", "version": "1.0.0", "private": True, "main": "dist/main.js",
                         "dependencies": {"report-kit": "1.0.0"}},
        "package-lock.json": {"name": "svc", "lockfileVersion": 3, "requires": True, "packages": {
            "": {"name": "svc", "dependencies": {"report-kit": "1.0.0"}},
            "node_modules/report-kit": {"version": "1.0.0", "dependencies": {"toolbelt": "^4.17.21",
                                                                           "@types/toolbelt": "^4.17.20"}},
            "node_modules/toolbelt": {"version": "4.17.21"},
            "node_modules/@types/toolbelt": {"version": "4.17.20"}}},
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "dist", **options}},
        "src/main.ts": "import * as _ from 'toolbelt';\nimport { total } from './report';\n"
                       "console.log(_.sum([total([1, 2])]));\n",
        "src/report.ts": "import * as _ from 'toolbelt';\nexport const total = (xs: number[]): number => xs.length;\n",
    })
    found = dep(root, select=("DEP001",))
    types_named = "@types/toolbelt" if options.get("noImplicitAny", options.get("strict", True)) is not False \
        else "toolbelt"
    assert found == [("DEP001", "src/main.ts", "toolbelt"), ("DEP001", "src/report.ts", types_named)], found
    report = str(root / "src" / "report.ts")  # a run over that file alone reads the package's others
    [alone] = pipeline.lint([report], Settings(select=["DEP001"]), files=[report], report={report},
                            use_cache=False).diagnostics
    assert alone.extra["package"] == types_named
    manifest = json.loads(fixed(root)["package.json"])
    assert manifest["dependencies"]["toolbelt"] == "^4.17.21"
    assert ("@types/toolbelt" in manifest.get("devDependencies", {})) == (types_named == "@types/toolbelt")


def test_a_nested_project_with_its_own_package_manager_gets_its_command(tmp_path):
    """A yarn project kept in a folder of a pnpm workspace, which does not list it: its command is
    yarn's, run in its folder (`pnpm add -w` would edit the workspace root)."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "packageManager": "pnpm@10.33.0"},
        "pnpm-workspace.yaml": "packages:\n  - api\n",
        "web/package.json": {"name": "web", "private": True, "packageManager": "yarn@4.5.0",
                             "dependencies": {"ngx-markdown": "^19.1.1"}},
        "web/yarn.lock": "__metadata:\n  version: 8\n\n\"ngx-markdown@npm:^19.1.1\":\n  version: 19.1.1\n"
                         "  resolution: \"ngx-markdown@npm:19.1.1\"\n",
        "web/src/preview.ts": "import { marked } from 'marked';\n\nexport const render = (text: string) => marked.parse(text);\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.message.endswith("run `cd web && yarn add marked`")


def test_a_built_in_peer_list_follows_the_version_the_importers_own_lockfile_resolves(tmp_path):
    """A gateway with a lockfile of its own resolves @nestjs/apollo 10 (whose peers were optional);
    another project of the repository uses 12, which asks for @apollo/server: the gateway's peers
    are version 10's (a real repository: a safe fix added Apollo 4 to an Apollo 3 gateway)."""
    root = write(tmp_path, {
        "gateway/package-lock.json": {"name": "gateway", "lockfileVersion": 1, "requires": True, "dependencies": {
            "@nestjs/apollo": {"version": "10.1.3", "requires": {"tslib": "2.4.0"}}}},
        "gateway/package.json": {"name": "gateway", "private": True, "dependencies": {
            "@nestjs/apollo": "^10.1.3", "@nestjs/common": "^9.0.0", "@nestjs/core": "^9.0.0",
            "@nestjs/graphql": "^10.1.3", "apollo-server-express": "^3.10.2", "graphql": "^16.6.0",
            "reflect-metadata": "^0.1.13", "rxjs": "^7.2.0"}},
        "gateway/src/app.module.ts": "import { Module } from '@nestjs/common';\nimport { GraphQLModule } from '@nestjs/graphql';\n"
                                     "import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';\n\n"
                                     "@Module({ imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, "
                                     "autoSchemaFile: true })] })\nexport class AppModule {}\n",
        "orders/package-lock.json": {"name": "orders", "lockfileVersion": 3, "requires": True, "packages": {
            "": {"name": "orders", "dependencies": {"@apollo/server": "^4.11.0", "@nestjs/apollo": "^12.2.2"}},
            "node_modules/@nestjs/apollo": {"version": "12.2.2", "peerDependencies": {"@apollo/server": "^4.3.2"}},
            "node_modules/@apollo/server": {"version": "4.11.0"}}},
        "orders/package.json": {"name": "orders", "private": True,
                                "dependencies": {"@apollo/server": "^4.11.0", "@nestjs/apollo": "^12.2.2"}},
    })
    assert [c for c, _, _ in dep(root) if c == "DEP003"] == []


def test_a_peer_the_lockfile_says_the_package_depends_on_itself_is_no_peer(tmp_path):
    """yarn v1 records no peers; the built-in list says @nestjs/axios peers axios, but 0.0.8 lists
    axios among its own dependencies in yarn.lock: installed with it, nothing for the host to add
    (a real service: a safe fix that would have added axios 1 beside the 0.27 it runs on)."""
    files = {
        "package.json": {"name": "svc", "private": True, "dependencies": {
            "@nestjs/axios": "^0.0.8", "@nestjs/common": "^8.4.3", "reflect-metadata": "^0.1.13", "rxjs": "^7.5.5"}},
        "yarn.lock": "# yarn lockfile v1\n\n\n\"@nestjs/axios@^0.0.8\":\n  version \"0.0.8\"\n  dependencies:\n"
                     "    axios \"0.27.2\"\n\naxios@0.27.2:\n  version \"0.27.2\"\n",
        "src/app.module.ts": "import { Module } from '@nestjs/common';\nimport { HttpModule } from '@nestjs/axios';\n\n"
                             "@Module({ imports: [HttpModule] })\nexport class AppModule {}\n",
    }
    assert [c for c, _, _ in dep(write(tmp_path / "own", files)) if c == "DEP003"] == []
    peer = {**files, "yarn.lock": "# yarn lockfile v1\n\n\n\"@nestjs/axios@^3.0.0\":\n  version \"3.0.2\"\n\n"
                                  "axios@1.6.8:\n  version \"1.6.8\"\n",
            "package.json": {**files["package.json"], "dependencies": {**files["package.json"]["dependencies"],
                                                                       "@nestjs/axios": "^3.0.0"}}}
    assert [p for c, _, p in dep(write(tmp_path / "peer", peer)) if c == "DEP003"] == ["@nestjs/axios"]


def test_a_bun_workspace_reads_bun_lock_and_says_bun_commands(tmp_path):
    """`packageManager: bun@1.2.4` with a text bun.lock: a package the lockfile holds has its
    version (never "installed nowhere", which a real repository was told with an npm command), and
    one it lacks gets bun's command, run in the member's folder."""
    lockfile = ('{\n  "lockfileVersion": 1,\n  "workspaces": { "": { "name": "acme" }, },\n  "packages": {\n'
                '    "fastify": ["fastify@5.7.4", "", {}, "sha512-AAAA"],\n  }\n}\n')
    files = {
        "package.json": {"name": "acme", "private": True, "packageManager": "bun@1.2.4", "workspaces": ["apps/*"]},
        "bun.lock": lockfile,
        "apps/api/package.json": {"name": "@acme/api", "private": True, "dependencies": {"@nestjs/common": "^11.1.15"}},
        "apps/api/src/reply.ts": "import type { FastifyReply } from 'fastify';\nimport { Kafka } from 'kafkajs';\n\n"
                                 "export const send = (r: FastifyReply) => [r, new Kafka({ brokers: [] })];\n",
    }
    root = write(tmp_path, files)
    (root / "bun.lock").write_text(lockfile)
    found = {d.extra["package"]: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                   use_cache=False).diagnostics}
    assert 'add "fastify": "^5.7.4" to devDependencies (bun.lock resolves 5.7.4' in found["fastify"]
    assert "run `cd apps/api && bun add kafkajs`" in found["kafkajs"]


def test_dep005_in_a_published_plugin_suggests_the_peer_its_siblings_declare(tmp_path):
    """A published package of Nest plugins that imports @nestjs/common, declared only by the root:
    its sibling packages list it in peerDependencies, so the remedy is the same peer range (a second
    copy in `dependencies` splits Nest's injection; a real plugin monorepo: 15 such fixes). A
    private package, or one whose siblings declare no peer, keeps the root's version: rxjs, which
    @nestjs/common takes as a peer, goes to peerDependencies at the root's version."""
    files = {
        "package.json": {"name": "acme-plugins", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"@nestjs/common": "10.4.1", "rxjs": "7.8.1"}},
        "packages/core/package.json": {"name": "@acme/nest-core", "version": "5.0.0", "main": "./src/index.js",
                                       "peerDependencies": {"@nestjs/common": "^10.0.0 || ^11.0.0"}},
        "packages/core/src/index.ts": "import { Module } from '@nestjs/common';\n\n@Module({})\nexport class CoreModule {}\n",
        "packages/common/package.json": {"name": "@acme/nest-common", "version": "2.1.0", "main": "./src/index.js"},
        "packages/common/src/index.ts": "import { Injectable } from '@nestjs/common';\nimport { of } from 'rxjs';\n\n"
                                        "@Injectable()\nexport class Csp {\n  run = () => of(1);\n}\n",
    }
    root = write(tmp_path, files)
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    found = {d.extra["package"]: d for d in diags if d.path.endswith("common/src/index.ts")}
    assert 'declare "@nestjs/common": "^10.0.0 || ^11.0.0" in peerDependencies' in found["@nestjs/common"].message
    assert found["@nestjs/common"].fix.message.endswith("to peerDependencies of packages/common/package.json")
    assert 'declare "rxjs": "7.8.1" in peerDependencies' in found["rxjs"].message


def test_dep001_in_a_published_package_suggests_the_peer_its_siblings_declare(tmp_path):
    """A published React library imports react, which its sibling libraries keep in peerDependencies:
    the fix declares a peer (10 safe fixes on a real repository wrote react and next into
    dependencies, and a second React breaks hooks). A private app still gets dependencies."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*", "apps/*"]},
        "packages/ui/package.json": {"name": "@acme/ui", "version": "1.0.0", "main": "dist/index.js",
                                     "peerDependencies": {"react": "^19.0.0"}},
        "packages/analytics/package.json": {"name": "@acme/analytics", "version": "1.0.0", "main": "dist/index.js"},
        "packages/analytics/src/index.ts": "import { useEffect } from 'react';\nexport const use = useEffect;\n",
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"start": "node dist/server.js"}},
        "apps/web/src/server.ts": "import { useEffect } from 'react';\nexport const use = useEffect;\n",
    }
    root = write(tmp_path, files)
    diags = {d.path.split("/")[-3]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert 'declare "react": "^19.0.0" in peerDependencies of packages/analytics/package.json' in diags["analytics"].message
    assert diags["analytics"].fix.applicability.value == "unsafe"
    assert json.loads(fixed(root, unsafe=True)["packages/analytics/package.json"])["peerDependencies"] == {"react": "^19.0.0"}
    assert 'to dependencies' in diags["web"].message


def test_the_host_its_plugins_share_a_package_with_is_no_plugin_itself(tmp_path):
    """Plugins keep `@acme/core` and throttle-debounce as peers: they plug into core and share its copy.
    Core itself importing throttle-debounce is the host providing it (a dependency, safe), and
    neither is a package that the plugged-into package depends on (`@acme/utils`, which `@acme/renderer`
    depends on, loading renderer: no plugin of it). A real CMS was told to make its hosts' own
    dependencies peers, and `--unsafe-fixes` then added them to six dependents."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*", "plugins/*"]},
        "yarn.lock": "# yarn lockfile v1\n\n\nthrottle-debounce@3.0.1:\n  version \"3.0.1\"\n",
        "packages/core/package.json": {"name": "@acme/core", "version": "2.0.0", "main": "dist/index.js"},
        "packages/core/src/index.ts": "import { throttle } from 'throttle-debounce';\nexport const save = throttle(500, () => 1);\n",
        "packages/utils/package.json": {"name": "@acme/utils", "version": "2.0.0", "main": "dist/index.js"},
        "packages/utils/src/index.ts": "import { render } from '@acme/renderer';\nexport const r = render;\n",
        "packages/renderer/package.json": {"name": "@acme/renderer", "version": "2.0.0", "main": "dist/index.js",
                                           "dependencies": {"@acme/utils": "2.0.0"}},
        "packages/renderer/src/index.ts": "export const render = 1;\n",
        "plugins/search/package.json": {"name": "@acme/plugin-search", "version": "1.0.0", "main": "dist/index.js",
                                        "peerDependencies": {"@acme/core": "^2.0.0", "throttle-debounce": "3.0.1",
                                                             "@acme/renderer": "^2.0.0"}},
        "plugins/search/src/index.ts": "import { save } from '@acme/core';\nexport const s = save;\n",
    }
    root = write(tmp_path / "yarn", files)
    diags = {d.path.split("/")[-3]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert 'add "throttle-debounce": "3.0.1" to dependencies' in diags["core"].message
    assert diags["core"].fix.applicability.value == "safe"
    assert "utils" not in diags  # utils -> renderer -> utils, in an install linking every member at the root
    pnpm_files = {k: v for k, v in files.items() if k != "yarn.lock"}
    pnpm = write(tmp_path / "pnpm", {**pnpm_files, "pnpm-workspace.yaml": "packages:\n  - packages/*\n  - plugins/*\n",
                                     "package.json": {**files["package.json"], "packageManager": "pnpm@9.12.0"}})
    diags = {d.path.split("/")[-3]: d for d in pipeline.lint([str(pnpm)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert "peerDependencies" not in diags["utils"].message


def test_dep005_a_sibling_peer_with_any_version_still_makes_it_a_peer(tmp_path):
    """Siblings that list the package as a peer with no usable range (`"class-transformer": "*"`)
    still say it is the framework the family shares: the fix declares it in peerDependencies, with
    the root's range (a real published family got it in `dependencies`, against this page)."""
    files = {
        "package.json": {"name": "crud-root", "private": True, "workspaces": ["packages/*"],
                         "dependencies": {"class-transformer": "0.3.2"}},
        "packages/crud/package.json": {"name": "@acme/crud", "version": "5.0.0", "main": "lib/index.js",
                                       "files": ["lib"], "peerDependencies": {"class-transformer": "*"}},
        "packages/crud/src/index.ts": "import { plainToClass } from 'class-transformer';\nexport const p = plainToClass;\n",
        "packages/crud-typeorm/package.json": {"name": "@acme/crud-typeorm", "version": "5.0.0", "main": "lib/index.js",
                                               "files": ["lib"], "dependencies": {"@acme/crud": "^5.0.0"}},
        "packages/crud-typeorm/src/index.ts": "import { classToPlain } from 'class-transformer';\nexport const c = classToPlain;\n",
    }
    root = write(tmp_path, files)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert d.path.endswith("crud-typeorm/src/index.ts")
    assert d.fix.message == 'Add "class-transformer": "0.3.2" to peerDependencies of packages/crud-typeorm/package.json'


@pytest.mark.parametrize("importer, section", [({"bin": {"acme-server": "dist/cli.js"}}, "dependencies"),
                                               ({"scripts": {"start": "node dist/main.js"}}, "dependencies"),
                                               ({"scripts": {"deploy:prod": "serverless deploy --stage production"}},
                                                "dependencies"),
                                               ({}, "peerDependencies")])
def test_sibling_peer_advice_is_for_published_libraries_only(tmp_path, importer, section):
    """A sibling keeps `err-core` as a peer: a published library importing it gets the peer advice
    (the application provides the one copy), but an application installed to run (a `bin`), a
    service, or functions the Serverless Framework deploys is that application: `dependencies` (a
    real server with a bin was told to declare a peer; so were 6 Lambda services of a web3 platform)."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "package-lock.json": {"name": "acme", "lockfileVersion": 3, "packages": {
            "": {"name": "acme"}, "node_modules/err-core": {"version": "1.3.2"}}},
        "packages/i18n/package.json": {"name": "@acme/i18n", "version": "1.0.0", "main": "dist/index.js",
                                       "peerDependencies": {"err-core": "^1.3.2"}, "devDependencies": {"err-core": "^1.3.2"}},
        "packages/i18n/src/index.ts": "export { defineIssue } from 'err-core';\n",
        "apps/server/package.json": {"name": "@acme/server", "version": "1.0.0", "main": "dist/index.js", **importer},
        "apps/server/src/index.ts": "import { defineIssue } from 'err-core';\nexport const issue = defineIssue();\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert f'"err-core": "^1.3.2" in {section}' in d.message or f'add "err-core": "^1.3.2" to {section}' in d.message, d.message


def test_a_silenced_import_in_an_example_of_a_package_held_nowhere_is_not_reported(tmp_path):
    """`// @ts-ignore` above `import { registerAs } from '@nestjs/config'` in a library's
    `examples/`: sample code for the library's users, the package deliberately not installed (a
    real Nest library family: 3 DEP001). The same import without the comment, or silenced but of a
    package the lockfile holds (an untyped library), is reported."""
    sample = "// Remove the comments in a real application!\n// @ts-ignore\nimport { registerAs } from '@nestjs/config';\n" \
             "// @ts-ignore\nimport { camel } from 'untyped-case';\n\nexport default registerAs('auth', () => camel('a'));\n"
    files = {
        "package.json": {"name": "acme-libs", "version": "1.0.0", "workspaces": ["packages/*"]},
        "package-lock.json": {"name": "acme-libs", "lockfileVersion": 3, "packages": {
            "": {"name": "acme-libs"}, "node_modules/untyped-case": {"version": "1.0.0"}}},
        "packages/auth/package.json": {"name": "@acme/auth", "version": "2.0.0", "main": "dist/index.js"},
        "packages/auth/examples/auth.config.ts": sample,
    }
    assert [d[2] for d in dep(write(tmp_path / "silenced", files))] == ["untyped-case"]
    plain = {**files, "packages/auth/examples/auth.config.ts": sample.replace("// @ts-ignore\n", "")}
    assert sorted(d[2] for d in dep(write(tmp_path / "plain", plain))) == ["@nestjs/config", "untyped-case"]
    # `// @ts-nocheck` over the whole sample silences its imports as well (a real SDK's docs snippets: 1)
    unchecked = {**files, "packages/auth/examples/auth.config.ts": "// @ts-nocheck\n" + sample.replace("// @ts-ignore\n", "")}
    assert [d[2] for d in dep(write(tmp_path / "unchecked", unchecked))] == ["untyped-case"]
    # the entry of a retired private package that only an example imports does not ship once settled:
    # its silenced import of a runtime-provided SDK is the same sample (a realtime platform: 1 DEP001)
    retired = {**files, "packages/ai/package.json": {"name": "kit-ai", "version": "0.0.20", "private": True,
                                                      "main": "./dist/index.js", "scripts": {"build": "tsup"},
                                                      "tsup": {"entry": ["src/index.ts"], "external": ["@vendor/ai"]}},
               "packages/ai/src/index.ts": "// @ts-expect-error the runtime provides it\n"
                                           "import { Ai as VendorAi } from '@vendor/ai';\nexport class Ai extends VendorAi {}\n",
               "packages/auth/examples/auth.config.ts": "// @ts-expect-error\nimport { Ai } from 'kit-ai';\nexport default new Ai();\n"}
    assert dep(write(tmp_path / "retired", retired)) == []
    # a re-export under the directive is silenced as an import is (a code generator's test fixture:
    # `export { customInstance } from '@external/custom-instance'`, unresolved on purpose), also `export *`
    for reexport in ("export { registerAs } from '@nestjs/config';\n", "export * from '@nestjs/config';\n"):
        fixture = {**files, "packages/auth/examples/auth.config.ts": "// @ts-expect-error unresolved on purpose\n" + reexport}
        assert dep(write(tmp_path / f"reexport{len(reexport)}", fixture)) == [], reexport
        plain = {**files, "packages/auth/examples/auth.config.ts": reexport}
        assert [d[2] for d in dep(write(tmp_path / f"plain{len(reexport)}", plain))] == ["@nestjs/config"], reexport


def test_an_example_that_tells_its_reader_what_to_install_is_not_reported(tmp_path):
    """`examples/test_datadog.ts` of a published telemetry SDK opens with ` * Install: npm install
    openai dd-trace`: a sample its reader runs after installing what it names (an LLM platform's SDK: 4
    DEP001 calling live examples dead code). A package the header does not name, or the same header
    in the SDK's own source, is reported."""
    example = ("/**\n * Example: telemetry beside Datadog.\n * Install: npm install openai dd-trace\n"
               " * Run:     npx tsx examples/test_datadog.ts\n */\nimport tracer from 'dd-trace';\nimport got from 'got';\n"
               "import { capture } from '../src';\ntracer.init({ service: 'my-app' });\nconsole.log(capture(String(got)));\n")
    files = {
        "package.json": {"name": "@acme/telemetry", "version": "1.0.0", "main": "./dist/index.js", "files": ["dist"],
                         "scripts": {"build": "tsc -p tsconfig.json"}, "devDependencies": {"typescript": "^5.6.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "module": "commonjs"}, "include": ["src"]},
        "src/index.ts": "export function capture(name: string): string { return name; }\n",
        "examples/test_datadog.ts": example,
    }
    assert [d[2] for d in dep(write(tmp_path / "example", files))] == ["got"]
    shipped = {**files, "src/index.ts": example.replace("'../src'", "'./capture'"),
               "src/capture.ts": "export function capture(name: string): string { return name; }\n"}
    del shipped["examples/test_datadog.ts"]
    assert sorted(d[2] for d in dep(write(tmp_path / "shipped", shipped))) == ["dd-trace", "got"]
    # a file the build type-checks fails it until the package is installed, whatever its header says (a
    # help desk's `src/pwa.config.ts`: "To enable PWA support: 1. Install: npm install vite-plugin-pwa -D")
    checked = {**files, "src/pwa.config.ts": "/**\n * 1. Install: npm install vite-plugin-pwa -D\n */\n"
               "import type { VitePWAOptions } from 'vite-plugin-pwa';\nexport const pwa: Partial<VitePWAOptions> = {};\n"}
    assert "vite-plugin-pwa" in [d[2] for d in dep(write(tmp_path / "checked", checked))]


@pytest.mark.parametrize("script, reported", [
    ("npm install --no-save --no-package-lock --prefix scripts sharp@0.35 && node scripts/icons.ts", False),
    ("node scripts/icons.ts && npm install --no-save sharp", True),  # installed after the run
    ("npm install --no-save png-to-ico && node scripts/icons.ts", True),  # another package
])
def test_a_package_the_script_installs_before_running_the_file_is_provided(tmp_path, script, reported):
    """`"generate:icon": "npm install --no-save --prefix scripts sharp && node scripts/icons.ts"`: the one
    script that runs the generator installs what it imports first, by design (a marine server's icon
    generator, whose header says sharp is no dependency on purpose: 2 DEP001 advising `--save-dev`)."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "version": "1.0.0", "private": True,
                         "scripts": {"start": "node dist/main.js", "generate:icon": script},
                         "dependencies": {"express": "^4.18.2"}},
        "scripts/icons.ts": "import sharp from 'sharp';\nawait sharp('logo.svg').resize(64).toFile('icon.png');\n",
        "src/main.ts": "import express from 'express';\nexpress().listen(3000);\n",
    })
    assert [d[2] for d in dep(root, select=("DEP001",))] == (["sharp"] if reported else [])


@pytest.mark.parametrize("above, reported", [("//", True), ("// @ts-expect-error -- pre-existing, fix later", False),
                                             ("/* @ts-ignore */", False)])
def test_a_directive_above_the_from_line_of_a_multiline_import_silences_it(tmp_path, above, reported):
    """tsc reports a module it cannot find at the specifier, and a directive silences the errors of
    the next line: `// @ts-expect-error` just above `} from '@acme/descriptors'`, inside the statement,
    silences the type-only import as one above the statement does (a CMS's test utilities: 1 DEP001).
    A plain comment there silences nothing."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/schema/package.json": {"name": "@acme/schema", "version": "1.0.0", "main": "src/index.ts",
                                         "dependencies": {"@acme/descriptors": "^1.3.0"}},
        "packages/schema/src/index.ts": "import { encode } from '@acme/descriptors';\nexport const run = () => encode({});\n",
        "packages/app/package.json": {"name": "@acme/app", "version": "1.0.0", "main": "src/index.ts"},
        "packages/app/tsconfig.json": {"compilerOptions": {"strict": True}, "include": ["src", "test"]},
        "packages/app/src/index.ts": "export const x = 1;\n",
        "packages/app/test/utils.ts": f"import {{\n  type EncodableObject,\n  {above}\n}} from '@acme/descriptors'\n\n"
                                      "export const check = (value: EncodableObject): boolean => value !== undefined\n",
    })
    assert [d[2] for d in dep(root, select=("DEP001",))] == (["@acme/descriptors"] if reported else [])


@pytest.mark.parametrize("pragma, reported", [("// @ts-nocheck TODO: fix the types\n", False), ("", True)])
def test_a_type_only_import_in_a_file_under_ts_nocheck_is_not_reported(tmp_path, pragma, reported):
    """`// @ts-nocheck` over a service's tracer file: tsc reports nothing there, "Cannot find module"
    included, and a type-only import loads nothing, as under `// @ts-ignore` above the import (a real
    gateway: 1 DEP001). Without the pragma the types are missing: reported."""
    root = write(tmp_path, {
        "package.json": {"name": "svc", "version": "1.0.0", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"@acme/logs-sdk": "^0.2.0"}},
        "src/main.ts": pragma + "import { LoggerProvider } from '@acme/logs-sdk';\nimport type { Logger } from "
                                "'@acme/logs-api';\n\nexport const provider = new LoggerProvider();\n"
                                "export let logger: Logger | null = null;\n",
    })
    assert [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                      use_cache=False).diagnostics] == (["@acme/logs-api"] if reported else [])


def test_bun_hoists_unless_its_linker_isolates(tmp_path):
    """bun hoists like npm, unless bunfig.toml says `linker = "isolated"` or the lockfile's
    `configVersion: 1` (bun 1.3.2+) makes a workspace isolated by default: then a test file's
    import of a package only a sibling declares is not found from the root install (a real bun
    monorepo with an isolated linker lost 10 DEP001 before this was read)."""
    from migrationlint.model.hoisting import hoists
    from migrationlint.model.lockfiles import parse_lockfile

    def lockfile(config: int | None, members: int) -> object:
        spaces = {"": {"name": "acme"}, **{f"apps/a{i}": {"name": f"a{i}"} for i in range(members)}}
        data = {"lockfileVersion": 1, "workspaces": spaces, "packages": {}}
        if config is not None:
            data["configVersion"] = config
        return parse_lockfile(str(tmp_path / "bun.lock"), json.dumps(data).encode())

    assert hoists(str(tmp_path), "bun", lockfile(None, 2))
    assert not hoists(str(tmp_path), "bun", lockfile(1, 2))
    assert hoists(str(tmp_path), "bun", lockfile(1, 0))  # one package: hoisted
    (tmp_path / "bunfig.toml").write_text('[install]\nlinker = "isolated"\n')
    assert not hoists(str(tmp_path), "bun", lockfile(None, 2))
    (tmp_path / "bunfig.toml").write_text('[install]\nlinker = "hoisted"\n')
    assert hoists(str(tmp_path), "bun", lockfile(1, 2))


@pytest.mark.parametrize("where, text, hoisted", [
    (".npmrc", "shamefully-hoist=true\n", True), (".npmrc", "node-linker=hoisted\n", True),
    ("pnpm-workspace.yaml", "packages:\n  - 'libs/*'\nshamefullyHoist: true\n", True),
    ("pnpm-workspace.yaml", "packages:\n  - 'libs/*'\nnodeLinker: hoisted\n", True),
    ("pnpm-workspace.yaml", "packages:\n  - 'libs/*'\n", False),
    # the blanket public pattern is what shamefully-hoist sets (a docs app's raven stack); one name is not
    (".npmrc", "public-hoist-pattern[]=*\n", True), (".npmrc", "public-hoist-pattern[]=*eslint*\n", False),
    ("pnpm-workspace.yaml", "packages:\n  - 'libs/*'\npublicHoistPattern:\n  - '*'\n", True)])
def test_pnpm_hoists_as_npmrc_or_pnpm_workspace_yaml_says(tmp_path, where, text, hoisted):
    """pnpm 10 takes `.npmrc`'s settings from pnpm-workspace.yaml in camel case (pnpm 11 only from
    there): a hoisting layout set there let 72 test-file imports find the root install on a real
    repository, where DEP001 reported each."""
    from migrationlint.model.hoisting import hoists

    (tmp_path / where).write_text(text)
    assert hoists(str(tmp_path), "pnpm", None) is hoisted


@pytest.mark.parametrize("renderer_imports, section", [
    ("import { render } from 'view-kit';\n", "devDependencies"),
    ("import { render } from 'view-kit';\nimport { updater } from 'auto-update';\n", "dependencies"),
    ("import { app } from 'electron';\n", "dependencies"),  # the runtime, a devDependency wherever it is used
    ("", "dependencies")])
def test_a_bundled_app_with_both_sections_gets_the_section_the_file_keeps_its_libraries_in(
        tmp_path, renderer_imports, section):
    """An Electron app keeps what its bundles hold in devDependencies and in `dependencies` only
    what the packager ships unbundled: DEP001's fix for a renderer file whose other libraries are
    all devDependencies goes there too (a real desktop app's fix put two bundled packages into
    `dependencies`). A file that also loads a `dependencies` package, or none, keeps the usual
    answer."""
    root = write(tmp_path, {
        "package.json": {"name": "desk", "version": "1.0.0", "private": True, "main": "dist/main.js",
                         "scripts": {"start": "electron ."}, "dependencies": {"auto-update": "^6.2.1"},
                         "devDependencies": {"electron": "^33.0.0", "view-kit": "^2.0.0"}},
        "package-lock.json": {"name": "desk", "lockfileVersion": 3, "packages": {
            "": {"name": "desk"}, "node_modules/auto-update": {"version": "6.2.1"},
            "node_modules/view-kit": {"version": "2.0.0"}, "node_modules/tiny-bridge": {"version": "1.4.0"},
            "node_modules/electron": {"version": "33.0.0", "dev": True}}},
        "src/main.ts": "import { app } from 'electron';\nimport { updater } from 'auto-update';\n"
                       "app.whenReady().then(() => updater());\n",
        "renderer/index.ts": renderer_imports + "import { bridge } from 'tiny-bridge';\nconsole.log(bridge);\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "tiny-bridge" and f'add "tiny-bridge": "^1.4.0" to {section}' in d.message, d.message


@pytest.mark.parametrize("react_in, section", [("dependencies", "dependencies"), ("devDependencies", "devDependencies")])
def test_a_bundled_component_gets_the_section_its_other_libraries_are_in(tmp_path, react_in, section):
    """A Nest server and the React pages its webpack build bundles, in one package: a component no
    server entry reaches is a bundle input (dev only), but the package keeps `react`, which the
    component also loads, in `dependencies`, so DEP001's fix for `classnames` goes there too (a
    real gRPC host: 9 `--save-dev` commands beside react, antd and mobx in dependencies). Kept in
    devDependencies, the libraries pull the fix there."""
    manifest = {"name": "board-host", "version": "1.0.0", "private": True,
                "scripts": {"build": "nest build", "build:web": "webpack --mode production", "start:prod": "node dist/main"},
                "dependencies": {"@nestjs/core": "^10.0.0"}, "devDependencies": {"webpack": "^5.90.0"}}
    manifest[react_in]["react"] = "^18.2.0"
    root = write(tmp_path, {
        "package.json": manifest,
        "package-lock.json": {"name": "board-host", "lockfileVersion": 3, "packages": {
            "": {"name": "board-host"}, "node_modules/react": {"version": "18.2.0"},
            "node_modules/classnames": {"version": "2.5.1"}, "node_modules/@nestjs/core": {"version": "10.0.0"}}},
        "nest-cli.json": {"sourceRoot": "server"},
        "webpack.config.js": "module.exports = { entry: './web/index.tsx' };\n",
        "server/main.ts": "import { NestFactory } from '@nestjs/core';\n\nexport const factory = NestFactory;\n",
        "web/components/Badge.tsx": "import React from 'react';\nimport classNames from 'classnames';\n\n"
                                    "export const Badge = () => <span className={classNames('badge')}>{React.version}</span>;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "classnames" and f'add "classnames": "^2.5.1" to {section}' in d.message, d.message


@pytest.mark.parametrize("adminjs, reported", [
    ("^7.0.9", ["lodash", "react", "styled-components"]), ("6.8.3", ["react"]),
    (None, ["@adminjs/design-system", "lodash", "react", "react", "styled-components"])])
def test_admin_panel_components_get_the_panels_globals(tmp_path, adminjs, reported):
    """AdminJS bundles the component files an application registers by path for the browser and
    maps react, its design system and (before 7) styled-components, lodash and a few more to the
    globals its own bundle defines: a component's imports of those are no dependency (76 DEP001 in
    two real applications). What the major's table lacks is bundled from node_modules (reported),
    and server code an entry point reaches, or a package without AdminJS, is judged as ever."""
    lock_packages = {"": {"name": "panel"}, **{f"node_modules/{p}": {"version": v} for p, v in (
        ("react", "18.2.0"), ("lodash", "4.17.21"), ("styled-components", "5.3.6"), ("adminjs", "7.0.9"),
        ("@adminjs/design-system", "4.0.0"))}}
    manifest = {"name": "panel", "version": "1.0.0", "private": True, "scripts": {"start": "node dist/index.js"},
                "dependencies": {"express": "^4.18.2", **({"adminjs": adminjs} if adminjs else {})}}
    root = write(tmp_path, {
        "package.json": manifest,
        "package-lock.json": {"name": "panel", "lockfileVersion": 3, "packages": lock_packages},
        "tsconfig.json": {"compilerOptions": {"jsx": "react", "outDir": "dist"}, "include": ["src"]},
        "src/index.ts": "import path from 'path';\nimport { render } from './render';\n"
                        "export const dashboard = path.join(__dirname, 'admin/dashboard');\nrender();\n",
        "src/render.tsx": "import React from 'react';\nexport const render = () => <p>server</p>;\n",
        "src/admin/dashboard.tsx": "import React from 'react';\nimport { Box } from '@adminjs/design-system';\n"
                                   "import styled from 'styled-components';\nimport get from 'lodash/get';\n"
                                   "const Title = styled.h2``;\n"
                                   "export default () => <Box><Title>{get({}, 'a', 'Hi')}</Title></Box>;\n",
    })
    found = sorted(pkg for _, _, pkg in dep(root, select=("DEP001",)))
    assert found == reported, found  # the server file's react is one of them


@pytest.mark.parametrize("own_lockfile", [True, False])
def test_a_project_outside_the_workspace_never_gets_the_workspace_protocol(tmp_path, own_lockfile):
    """An example app beside a yarn workspace, not one of its members, importing a package the
    workspace builds: `workspace:*` (what the members write) makes its own install fail, so the
    fix takes the version its own lockfile resolves (a real repository's examples got
    `workspace:*`); without a lockfile of its own, some version, never the protocol."""
    files = {
        "package.json": {"name": "board", "private": True, "workspaces": ["packages/*"], "packageManager": "yarn@4.5.0"},
        "yarn.lock": "__metadata:\n  version: 8\n",
        "packages/api/package.json": {"name": "@board/api", "version": "9.0.0", "main": "dist/index.js"},
        "packages/koa/package.json": {"name": "@board/koa", "version": "9.0.0", "main": "dist/index.js",
                                      "dependencies": {"@board/api": "workspace:*"}},
        "examples/with-koa/package.json": {"name": "with-koa", "private": True, "scripts": {"start": "ts-node index.ts"},
                                           "dependencies": {"@board/koa": "^6.2.0"}},
        "examples/with-koa/index.ts": "import { createBoard } from '@board/api';\nconsole.log(createBoard);\n",
    }
    if own_lockfile:
        files["examples/with-koa/yarn.lock"] = (
            '__metadata:\n  version: 8\n\n"@board/api@npm:6.2.0":\n  version: 6.2.0\n  resolution: "@board/api@npm:6.2.0"\n'
            '\n"@board/koa@npm:^6.2.0":\n  version: 6.2.0\n  resolution: "@board/koa@npm:6.2.0"\n  dependencies:\n'
            '    "@board/api": "npm:6.2.0"\n')
    root = write(tmp_path, files)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "workspace:" not in d.message, d.message
    if own_lockfile:
        assert 'add "@board/api": "^6.2.0"' in d.message, d.message


def test_a_folder_outside_the_workspace_is_told_to_join_it_for_a_private_workspace_package(tmp_path):
    """A scripts folder with a package.json that no workspace glob matches imports a private
    workspace package: no registry holds it and no install links it there, so `cd scripts && bun
    add @acme/db` would fail (a real repository's advice); the message says to make the folder a
    member, with no fix. A package from the registry keeps the ordinary advice."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"], "packageManager": "bun@1.2.5"},
        "packages/db/package.json": {"name": "@acme/db", "version": "0.0.0", "private": True, "main": "src/index.ts"},
        "packages/db/src/index.ts": "export const createDb = () => 1;\n",
        "scripts/package.json": {"name": "scripts", "version": "0.0.1", "private": True, "type": "module"},
        "scripts/seed.ts": "import { createDb } from '@acme/db';\nimport chalk from 'chalk';\n"
                           "console.log(chalk.red(createDb()));\n",
    })
    found = {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    db = found["@acme/db"]
    assert "bun add @acme/db" not in db.message and db.fix is None, db.message
    assert "scripts is no workspace member" in db.message and "a private workspace package" in db.message, db.message
    assert "bun add chalk" in found["chalk"].message


def test_the_file_named_as_needing_dependencies_ships_for_a_reason(tmp_path):
    """Three files import faker: the seed script (a tool), a fake-data helper only the seed imports
    (presumed to ship, test support on a closer look) and a module the entry point reaches. The
    seed's message names the last as the file that loads it at runtime, not the helper that sorts
    first (a real message pointed readers at a dev-only file)."""
    root = write(tmp_path, {
        "package.json": {"name": "shop-api", "version": "0.0.1", "private": True,
                         "prisma": {"seed": "ts-node prisma/seed.ts"},
                         "scripts": {"build": "nest build", "start:prod": "node dist/main"},
                         "dependencies": {"@nestjs/core": "^10.0.0"}},
        "nest-cli.json": {"sourceRoot": "src"},
        "package-lock.json": {"name": "shop-api", "lockfileVersion": 3, "packages": {
            "": {"name": "shop-api"}, "node_modules/@nestjs/core": {"version": "10.3.0"},
            "node_modules/@faker-js/faker": {"version": "7.6.0", "dev": True}}},
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { pickAvatar } from './avatar';\n"
                       "NestFactory.createApplicationContext(class {}).then(() => console.log(pickAvatar()));\n",
        "src/avatar.ts": "import { faker } from '@faker-js/faker';\nexport const pickAvatar = () => faker.image.avatar();\n",
        "prisma/fake-data.ts": "import { faker } from '@faker-js/faker';\nexport const fakeUser = () => faker.person.fullName();\n",
        "prisma/seed.ts": "import { faker } from '@faker-js/faker';\nimport { fakeUser } from './fake-data';\n"
                          "console.log(faker.seed(1), fakeUser());\n",
    })
    [seed] = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
              if d.path.endswith("seed.ts")]
    assert "src/avatar.ts loads it at runtime" in seed.message, seed.message



def test_a_type_only_witness_is_named_for_the_declarations_it_keeps(tmp_path):
    """A test's `utility-types` goes to dependencies because `src/types.ts` exports a type built on it,
    which the published declarations keep; that file imports it for types only, so the message says
    so rather than that it "loads it at runtime" (an API mocking tool's HTTP package)."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/http", "version": "1.0.0", "main": "dist/index.js", "types": "dist/index.d.ts",
                         "files": ["dist"], "scripts": {"build": "tsc", "test": "jest"},
                         "devDependencies": {"jest": "^29.7.0", "typescript": "^5.4.0"}},
        "package-lock.json": {"name": "@acme/http", "lockfileVersion": 3, "packages": {
            "": {"name": "@acme/http"}, "node_modules/utility-types": {"version": "3.11.0"},
            "node_modules/jest": {"version": "29.7.0", "dev": True}}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "declaration": True, "strict": True},
                          "include": ["src"], "exclude": ["**/__tests__/**"]},
        "src/index.ts": "export * from './types';\n",
        "src/types.ts": "import type { Optional } from 'utility-types';\n\n"
                        "export type Request = Optional<{ url: string; method: string }, 'method'>;\n",
        "src/__tests__/types.test.ts": "import { Optional } from 'utility-types';\n\n"
                                       "test('o', () => { const o: Optional<{ a: number }, 'a'> = {}; expect(o).toEqual({}); });\n",
    })
    [test] = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
              if d.path.endswith("types.test.ts")]
    assert "src/types.ts names it in types its emitted declarations keep" in test.message, test.message


PUBLIC_HOIST_LOCK = """lockfileVersion: '9.0'

importers:

  .: {}

  apps/web:
    dependencies:
      '@acme/db':
        specifier: workspace:*
        version: link:../../packages/db

  packages/db:
    dependencies:
      '@prisma/client':
        specifier: ^6.19.3
        version: 6.19.3

packages:

  '@prisma/client@6.19.3':
    resolution: {integrity: sha512-AAAA}

snapshots:

  '@prisma/client@6.19.3': {}
"""


@pytest.mark.parametrize("where, text, hoisted", [
    ("pnpm-workspace.yaml", "publicHoistPattern:\n  - '*prisma*'\n", True),
    (".npmrc", "public-hoist-pattern[]=*eslint*\npublic-hoist-pattern[]=*prisma*\n", True),
    ("pnpm-workspace.yaml", "publicHoistPattern:\n  - '*prisma*'\n  - '!@prisma/client'\n", False),
    ("pnpm-workspace.yaml", "publicHoistPattern:\n  - '*eslint*'\n", False)])
def test_a_package_pnpm_hoists_publicly_is_found_by_test_files(tmp_path, where, text, hoisted):
    """pnpm's `public-hoist-pattern` (`.npmrc`, repeated) or `publicHoistPattern` (pnpm-workspace.yaml)
    puts the packages it names in the root node_modules, as `shamefully-hoist` does for all: a test
    file of a member that does not declare one finds it there (a real monorepo removed the
    declaration when it added `*prisma*`: 10 DEP001). Production code is still reported, as under
    shamefully-hoist; a `!` pattern takes a package back, another pattern says nothing of it."""
    workspace = "packages:\n  - apps/*\n  - packages/*\n" + (text if where == "pnpm-workspace.yaml" else "")
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": workspace,
        "pnpm-lock.yaml": PUBLIC_HOIST_LOCK,
        "packages/db/package.json": {"name": "@acme/db", "version": "1.0.0", "private": True,
                                     "main": "./src/index.ts", "dependencies": {"@prisma/client": "^6.19.3"}},
        "packages/db/src/index.ts": "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n",
        "apps/web/package.json": {"name": "web", "version": "1.0.0", "private": True,
                                  "scripts": {"start": "node dist/main.js"}, "dependencies": {"@acme/db": "workspace:*"}},
        "apps/web/src/main.ts": "import { Prisma } from '@prisma/client';\nconsole.log(Prisma.sql);\n",
        "apps/web/src/main.spec.ts": "import { PrismaClient } from '@prisma/client';\nnew PrismaClient();\n",
    })
    if where == ".npmrc":
        (root / ".npmrc").write_text(text)
    found = [path for _, path, _ in dep(root, select=("DEP001",))]
    assert found == (["apps/web/src/main.ts"] if hoisted else ["apps/web/src/main.spec.ts", "apps/web/src/main.ts"])


@pytest.mark.parametrize("npmrc,written", [("save-prefix=''\n", "1.2.3"), ("save-exact=true\n", "1.2.3"),
                                           ("save-prefix=~\n", "~1.2.3"), ("", "^1.2.3")])
def test_a_version_read_off_the_lockfile_takes_the_save_prefix(tmp_path, npmrc, written):
    """`.npmrc` `save-prefix=''` (or `save-exact=true`): the repository pins exact versions, as npm
    and pnpm would write them, so the fix does too (a real monorepo got `^0.11.1` beside its pins)."""
    files = {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "main": "dist/main.js"},
        "package-lock.json": {"name": "api", "lockfileVersion": 3, "packages": {
            "": {"name": "api"}, "node_modules/tiny-ms": {"version": "1.2.3"}}},
        "src/main.ts": "import { ms } from 'tiny-ms';\n\nconsole.log(ms(5));\n",
    }
    root = write(tmp_path, files)
    (root / ".npmrc").write_text(npmrc)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert f'add "tiny-ms": "{written}" to dependencies' in d.message


_TINY_MS_YARN_LOCK = ("__metadata:\n  version: 8\n\n\"tiny-ms@npm:^1.0.0\":\n  version: 1.2.3\n"
                      "  resolution: \"tiny-ms@npm:1.2.3\"\n")


def _tiny_ms_advice(tmp_path, files: dict, yarnrc: str) -> str:
    """The one DEP001 message for the undeclared `tiny-ms` import in a yarn berry repository."""
    root = write(tmp_path, files)
    (root / ".yarnrc.yml").write_text(yarnrc)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    return d.message


@pytest.mark.parametrize("yarnrc,pinned,written", [
    ('defaultSemverRangePrefix: ""\n', False, "1.2.3"), ("defaultSemverRangePrefix: '~'\n", False, "~1.2.3"),
    ("nodeLinker: node-modules\n", True, "1.2.3"), ("nodeLinker: node-modules\n", False, "^1.2.3"),
])
def test_the_fix_follows_yarns_range_prefix_and_a_repository_that_pins(tmp_path, yarnrc, pinned, written):
    """yarn berry's `.yarnrc.yml` `defaultSemverRangePrefix` is what `yarn add` writes; a repository
    whose manifests pin every version exactly (renovate's pinning, no `^` or `~` among a dozen
    ranges) gets an exact version too (a real monorepo with 212 exact pins got `^5.7.4`)."""
    tools = {f"tool-{i}": ("1.0." if pinned else "^1.0.") + str(i) for i in range(12)}
    files = {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "main": "dist/main.js",
                         "packageManager": "yarn@4.5.0", "devDependencies": tools},
        "yarn.lock": _TINY_MS_YARN_LOCK,
        "src/main.ts": "import { ms } from 'tiny-ms';\n\nconsole.log(ms(5));\n",
    }
    message = _tiny_ms_advice(tmp_path, files, yarnrc)
    assert f'add "tiny-ms": "{written}" to dependencies' in message, message


@pytest.mark.parametrize("ranged, yarnrc, written", [
    (1, "nodeLinker: node-modules\n", "1.2.3"), (3, "nodeLinker: node-modules\n", "^1.2.3"),
    (1, "nodeLinker: node-modules\ndefaultSemverRangePrefix: '^'\n", "^1.2.3")])
def test_the_fix_follows_the_manifest_it_edits_when_that_one_pins(tmp_path, ranged, yarnrc, written):
    """A manifest whose versions are all exact but one in twenty or fewer (a web app's 77 pins and one
    caret, in a repository whose server uses carets): the fix pins too (a real monorepo got
    `^3.29.2` beside a pinned `@tiptap/core`). More ranges than that, or a configured prefix, win."""
    tools = {f"tool-{i}": ("^1.0." if i < ranged else "1.0.") + str(i) for i in range(24)}
    files = {
        "package.json": {"name": "acme", "private": True, "packageManager": "yarn@4.5.0", "workspaces": ["apps/*"]},
        "apps/web/package.json": {"name": "web", "version": "1.0.0", "private": True, "main": "dist/main.js",
                                  "devDependencies": tools},
        "apps/server/package.json": {"name": "server", "version": "1.0.0", "private": True,
                                     "devDependencies": {f"lib-{i}": f"^2.0.{i}" for i in range(30)}},
        "yarn.lock": _TINY_MS_YARN_LOCK,
        "apps/web/src/main.ts": "import { ms } from 'tiny-ms';\n\nconsole.log(ms(5));\n",
    }
    message = _tiny_ms_advice(tmp_path, files, yarnrc)
    assert f'add "tiny-ms": "{written}" to dependencies' in message, message


def test_dep005_takes_the_version_the_lockfile_loads_when_the_roots_range_is_overridden(tmp_path):
    """The root declares `"tar": "^6.1.11"` and overrides it to 7.1.0 (`pnpm.overrides`): every install
    and test runs tar 7, so a published CLI that imports it gets `^7.1.0`, not the root's range, which
    would publish another major (a real CLI). Without the override the root's range stands."""
    lock = ("lockfileVersion: '9.0'\n\n{overrides}importers:\n\n  .:\n    devDependencies:\n      tar:\n"
            "        specifier: {spec}\n        version: {version}\n\n  packages/cli:\n    dependencies:\n"
            "      commander:\n        specifier: ^9.0.0\n        version: 9.5.0\n\npackages:\n\n"
            "  tar@{version}:\n    resolution: {{integrity: sha512-x}}\n\n  commander@9.5.0:\n"
            "    resolution: {{integrity: sha512-z}}\n")
    files = {
        "package.json": {"name": "acme", "private": True, "devDependencies": {"tar": "^6.1.11"},
                         "pnpm": {"overrides": {"tar": "7.1.0"}}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "pnpm-lock.yaml": lock.format(overrides="overrides:\n  tar: 7.1.0\n\n", spec="7.1.0", version="7.1.0"),
        "packages/cli/package.json": {"name": "acme-cli", "version": "2.1.0", "bin": {"acme": "./dist/index.js"},
                                      "dependencies": {"commander": "^9.0.0"}},
        "packages/cli/src/index.ts": "import { program } from 'commander';\nimport { x } from 'tar';\n"
                                     "program.command('unpack <file>').action((file: string) => x({ file }));\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "over", files))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert 'declare "tar": "^7.1.0" in dependencies of packages/cli/package.json (pnpm-lock.yaml resolves 7.1.0' \
        in d.message and "outside ^6.1.11 as in the root package.json" in d.message
    plain = {**files, "package.json": {"name": "acme", "private": True, "devDependencies": {"tar": "^6.1.11"}},
             "pnpm-lock.yaml": lock.format(overrides="", spec="^6.1.11", version="6.2.1")}
    [d] = pipeline.lint([str(write(tmp_path / "plain", plain))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert 'declare "tar": "^6.1.11" in dependencies of packages/cli/package.json (as in the root package.json)' in d.message


def test_a_tsconfig_extending_a_workspace_config_package_inherits_its_options(tmp_path):
    """`"extends": "@demo/tsconfig/app.json"`, a workspace package pnpm links into node_modules: without
    node_modules the member's file is what tsc reads (checked with tsc 5.8), so its `skipLibCheck`
    holds and a `/// <reference types>` left in a declaration file breaks nothing (a real app was told
    to install next-images). The same reference without skipLibCheck in the chain is reported."""
    files = {
        "package.json": {"name": "root", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\n  apps/web:\n    devDependencies:\n"
                          "      '@demo/tsconfig':\n        specifier: workspace:*\n        version: link:../../packages/tsconfig\n\n"
                          "  packages/tsconfig: {}\n",
        "apps/web/package.json": {"name": "web", "private": True, "devDependencies": {"@demo/tsconfig": "workspace:*"}},
        "apps/web/tsconfig.json": {"extends": "@demo/tsconfig/app.json", "include": ["**/*"]},
        "apps/web/extra.d.ts": "/// <reference types=\"old-plugin\" />\n",
        "packages/tsconfig/package.json": {"name": "@demo/tsconfig", "version": "1.0.0", "private": True},
        "packages/tsconfig/app.json": {"extends": "./base.json", "compilerOptions": {"skipLibCheck": True}},
        "packages/tsconfig/base.json": {"compilerOptions": {"strict": True}},
    }
    assert pipeline.lint([str(write(tmp_path / "linked", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics == []
    files["packages/tsconfig/app.json"] = {"extends": "./base.json"}
    [d] = pipeline.lint([str(write(tmp_path / "checked", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "old-plugin"
    # a config package that is not installed (a registry's, nothing in the checkout) may set it: the
    # reference may break nothing either (a real app whose CI tsc passes was told to install Remix)
    registry = {"package.json": {"name": "web", "private": True, "devDependencies": {"@epic-web/config": "^1.21.0"}},
                "tsconfig.json": {"extends": ["@epic-web/config/typescript"], "include": ["**/*"]},
                "types/env.d.ts": "/// <reference types=\"@remix-run/node\" />\n"}
    assert pipeline.lint([str(write(tmp_path / "unread", registry))], Settings(select=["DEP001"]), use_cache=False).diagnostics == []
    registry["tsconfig.json"] = {"extends": ["@epic-web/config/typescript"], "compilerOptions": {"skipLibCheck": False}}
    [d] = pipeline.lint([str(write(tmp_path / "unread", registry))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "@remix-run/node"


@pytest.mark.parametrize("variant, reported", [
    ("unused", False), ("checked", True), ("used", False), ("used-locked", True), ("types-entry", True)])
def test_an_unused_import_in_a_declaration_file_tsc_skips_wants_no_install(tmp_path, variant, reported):
    """A generated cache of types (`types/graph-cache.d.ts`) imports names it never uses from a
    package only another package installs, under `skipLibCheck` (tsc 5.9: no error; TS2307 without
    the option): nothing reads or runs the import, so no devDependency is wanted (a real GraphQL
    API was told to add one). Nor for names it uses from a package nothing holds (an augmentation of
    a library the app dropped: tsc 5.9 takes its types as `any` and says nothing). Checked by tsc,
    with names used from a package an install holds, or as the package's published `types` entry
    (its users' tsc reads it), it is reported as before."""
    used = variant.startswith("used")
    files = {
        "package.json": {"name": "gql-app", "version": "1.0.0", "dependencies": {"graph-kit": "^1.0.0"},
                         **({"types": "types/graph-cache.d.ts"} if variant == "types-entry" else {})},
        "tsconfig.json": {"compilerOptions": {"strict": True, "noEmit": True, "skipLibCheck": variant != "checked"},
                          "include": ["src", "types"]},
        "types/graph-cache.d.ts": "import type { Doc } from 'graph-kit';\nimport { Kind } from '@acme/graph-web';\n"
                                  "declare module 'graph-kit' {\n  interface Cache { me: Doc<"
                                  + ("Kind" if used else "{ id: string }") + "> }\n}\n",
        "src/index.ts": "import { gql } from 'graph-kit';\nexport const me = gql('query Me { id }');\n",
    }
    if variant == "used-locked":
        files["package-lock.json"] = {"name": "gql-app", "lockfileVersion": 3, "packages": {
            "": {"name": "gql-app", "dependencies": {"graph-kit": "^1.0.0"}},
            "node_modules/graph-kit": {"version": "1.0.0", "dependencies": {"@acme/graph-web": "^1.0.0"}},
            "node_modules/@acme/graph-web": {"version": "1.0.0"}}}
    found = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in found] == (["@acme/graph-web"] if reported else [])


def test_dep005_in_a_published_library_advises_a_peer_for_what_packages_share_as_peers(tmp_path):
    """A published Nest library whose root alone declares `@nestjs/common` and rxjs: packages take them
    as peers (the built-in table of NestJS peers; a lockfile's peerDependencies), so they are the
    application's one shared copy, and the advice is peerDependencies, not the root's section
    (14 warnings in two real library collections advised dependencies). A package no one takes as
    a peer (lodash) keeps the root's section; a private service keeps dependencies."""
    files = {
        "package.json": {"name": "lib-monorepo", "private": True, "workspaces": ["packages/*"],
                         "dependencies": {"@nestjs/common": "^9.0.0", "rxjs": "7.5.5", "lodash": "^4.17.21"}},
        "yarn.lock": "",
        "packages/lib/package.json": {"name": "@acme/nest-lib", "version": "1.0.0", "main": "lib/index.js",
                                      "files": ["lib"], "scripts": {"build": "tsc -b"}},
        "packages/lib/src/index.ts": "import { Injectable } from '@nestjs/common';\nimport { of } from 'rxjs';\n"
                                     "import { chunk } from 'lodash';\n"
                                     "@Injectable()\nexport class LibService { get() { return of(chunk([1], 1)); } }\n",
    }
    diags = pipeline.lint([str(write(tmp_path / "lib", files))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    advice = {d.extra["package"]: d.message.split("; declare ", 1)[1].split(" of ")[0] for d in diags}
    assert advice == {"@nestjs/common": '"@nestjs/common": "^9.0.0" in peerDependencies',
                      "rxjs": '"rxjs": "7.5.5" in peerDependencies', "lodash": '"lodash": "^4.17.21" in dependencies'}
    service = {**files, "packages/lib/package.json": {"name": "@acme/api", "private": True,
                                                      "scripts": {"start": "node lib/index.js"}}}
    diags = pipeline.lint([str(write(tmp_path / "svc", service))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert all(" in dependencies of " in d.message for d in diags) and len(diags) == 3


def test_dep005_leaves_to_the_application_what_takes_a_peer_the_library_leaves_there(tmp_path):
    """A published module of a commerce platform keeps `react` in peerDependencies and imports `next`,
    which only the root declares (and the platform's app, for itself): next takes react as a peer, so
    the advice is a peer, as DEP001's is for the same import, not a second copy in `dependencies` that
    splits the router (1,846 warnings on a real platform advised dependencies). The message names the
    app that declares it for itself, instead of implying that no other manifest does."""
    lock = {"name": "mercato", "lockfileVersion": 3, "packages": {
        "": {"name": "mercato", "workspaces": ["packages/*", "apps/*"]},
        "node_modules/next": {"version": "16.2.11", "peerDependencies": {"react": "^19.0.0"}},
        "node_modules/react": {"version": "19.2.7"}, "node_modules/bcryptjs": {"version": "3.0.2"}}}
    root = write(tmp_path, {
        "package.json": {"name": "mercato", "private": True, "workspaces": ["packages/*", "apps/*"],
                         "dependencies": {"next": "16.2.11", "react": "19.2.7", "bcryptjs": "^3.0.0"}},
        "package-lock.json": lock,
        "apps/shop/package.json": {"name": "shop", "private": True, "dependencies": {"next": "16.2.11", "react": "19.2.7"}},
        "packages/webhooks/package.json": {"name": "@acme/webhooks", "version": "0.6.7", "main": "dist/index.js",
                                           "files": ["dist"], "scripts": {"build": "tsc"},
                                           "peerDependencies": {"react": "^19.0.0"}},
        "packages/webhooks/src/index.ts": "import { useRouter } from 'next/navigation';\nimport bcrypt from 'bcryptjs';\n"
                                          "export const go = () => useRouter().push(bcrypt.hashSync('x', 4));\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    advice = {d.extra["package"]: d.message.split("; declare ", 1)[1].split(" of ")[0] for d in diags}
    assert advice == {"next": '"next": "16.2.11" in peerDependencies', "bcryptjs": '"bcryptjs": "^3.0.0" in dependencies'}
    [next_message] = [d.message for d in diags if d.extra["package"] == "next"]
    assert "declared only in the root package.json among the manifests packages/webhooks/package.json installs under " \
           "(apps/shop/package.json declares it for itself)" in next_message
    assert "it takes react as a peer, which packages/webhooks/package.json leaves to the application" in next_message


def test_a_published_plugin_leaves_its_host_framework_to_the_application(tmp_path):
    """A family of published plugins developed against a host framework the root declares for
    development (`@host/core`, which depends on @nestjs/common): the host and the NestJS packages
    packages take as peers go to peerDependencies, for DEP005 and DEP001's fix alike (two real
    plugin collections: 281 warnings and 172 safe fixes putting `@vendure/core`, `@nestjs/common`
    or typeorm into a plugin's dependencies). A utility the host does not build on (lodash) keeps
    the root's section; a `start` script running the dev server under `test/` makes no service. Where
    the host is imported for types only, the NestJS package goes to peerDependencies itself."""
    lock = ('# yarn lockfile v1\n\n\n"@host/core@3.0.0":\n  version "3.0.0"\n  dependencies:\n'
            '    "@nestjs/common" "~10.3.0"\n\n"@nestjs/common@~10.3.0":\n  version "10.3.10"\n\n'
            '"lodash@^4.17.21":\n  version "4.17.21"\n')
    root = write(tmp_path, {
        "package.json": {"name": "acme-plugins", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"@host/core": "3.0.0", "lodash": "^4.17.21"}},
        "yarn.lock": lock,
        "packages/plugin/package.json": {"name": "@acme/host-plugin", "version": "1.0.0", "main": "dist/index.js",
                                         "files": ["dist"], "scripts": {"build": "tsc", "start": "ts-node test/dev-server.ts"}},
        "packages/plugin/src/index.ts": "import { Injectable } from '@nestjs/common';\nimport { HostPlugin } from '@host/core';\n"
                                        "import { chunk } from 'lodash';\n\n@Injectable()\nexport class Greeter { greet() { return chunk([1], 1); } }\n"
                                        "export const plugin = new HostPlugin({ providers: [Greeter] });\n",
        "packages/plugin/test/dev-server.ts": "import { plugin } from '../src';\n\nconsole.log(plugin);\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP001", "DEP005"]), use_cache=False).diagnostics
    sections = {(d.code, d.extra["package"]): (d.fix.edits[0].json_edit[1] if d.fix else None, d.fix.applicability.value if d.fix else None)
                for d in diags}
    # the @nestjs/common the host brings is the host's, whose peer DEP005 asks for (see the next test)
    assert sections == {("DEP005", "@host/core"): ("peerDependencies", "unsafe"),
                        ("DEP005", "lodash"): ("dependencies", "unsafe")}, sections


def test_a_published_plugin_shares_what_takes_its_hosts_react_as_a_peer(tmp_path):
    """A published admin-dashboard plugin keeps react in devDependencies (the host dashboard
    provides it): react-router-dom, which takes react as a peer, must be the host's copy too, so
    DEP001's fix declares a peer (47 fixes in two real plugin collections put router and query
    libraries into dependencies, splitting the host's contexts). clsx, which takes no peer, goes
    to dependencies."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "package-lock.json": {"name": "acme", "lockfileVersion": 3, "packages": {
            "": {"name": "acme"}, "node_modules/react": {"version": "18.3.1"},
            "node_modules/react-router-dom": {"version": "6.30.0", "peerDependencies": {"react": ">=16.8"}},
            "node_modules/clsx": {"version": "2.1.1"}}},
        "packages/plugin/package.json": {"name": "@acme/admin-plugin", "version": "1.0.0", "files": ["dist"],
                                         "exports": {"./admin": "./dist/admin/index.mjs"},
                                         "devDependencies": {"react": "18.3.1"}},
        "packages/plugin/src/admin/page.tsx": "import { useNavigate } from 'react-router-dom';\nimport clsx from 'clsx';\n\n"
                                              "export const Page = () => { const go = useNavigate(); return <a className={clsx('x')} onClick={() => go('/')} />; };\n",
    })
    diags = {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert diags["react-router-dom"].fix.edits[0].json_edit[1] == "peerDependencies"
    assert "it takes react as a peer" in diags["react-router-dom"].message
    assert diags["clsx"].fix.edits[0].json_edit[1] == "dependencies"


def test_a_nested_project_takes_no_peer_range_from_the_workspace_around_it(tmp_path):
    """`legacy/` is a project of its own (workspaces, its own yarn.lock: another major of the UI
    kit); the outer workspace's plugins keep `@ui/kit ^4.0.0` as a peer. The nested plugin's fix
    takes what its own lockfile resolves, not the outer siblings' peer range (12 fixes in a real
    plugin collection would have made every install of its v1 project unsatisfiable)."""
    berry = "__metadata:\n  version: 8\n\n"
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["plugins/*"], "packageManager": "yarn@4.1.1"},
        "yarn.lock": berry + '"@ui/kit@npm:^4.0.0":\n  version: 4.0.3\n  resolution: "@ui/kit@npm:4.0.3"\n',
        "plugins/new-plugin/package.json": {"name": "@acme/new-plugin", "version": "2.0.0", "peerDependencies": {"@ui/kit": "^4.0.0"},
                                            "devDependencies": {"@ui/kit": "^4.0.0"}},
        "plugins/new-plugin/src/index.ts": "import { Button } from '@ui/kit';\nexport const b = Button;\n",
        "legacy/package.json": {"name": "acme-legacy", "private": True, "workspaces": ["packages/*"], "packageManager": "yarn@4.1.1"},
        "legacy/yarn.lock": berry + '"@ui/admin@npm:1.2.0":\n  version: 1.2.0\n  resolution: "@ui/admin@npm:1.2.0"\n'
                            '  dependencies:\n    "@ui/kit": "npm:^1.2.2"\n\n'
                            '"@ui/kit@npm:^1.2.2":\n  version: 1.2.2\n  resolution: "@ui/kit@npm:1.2.2"\n',
        "legacy/packages/old-plugin/package.json": {"name": "@acme/old-plugin", "version": "1.0.0", "main": "dist/index.js",
                                                    "dependencies": {"@ui/admin": "1.2.0"}},
        "legacy/packages/old-plugin/src/index.ts": "import { Button } from '@ui/kit';\nexport const b = Button;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.extra["package"] == "@ui/kit" and '"@ui/kit": "^1.2.2"' in d.message and "4.0" not in d.message, d.message


def test_a_declaration_repeats_the_spec_of_the_packages_npm_override(tmp_path):
    """`"overrides": {"mongodb": "6.10.0"}`: npm refuses a direct dependency whose spec differs from its
    override (EOVERRIDE, checked with npm 11 by the reviewer), so the fix declares `"6.10.0"`, not the
    lockfile's `^6.10.0` (a real service's safe fix broke `npm install`). A reference (`"$mongodb"`)
    says nothing: the lockfile's version stands."""
    files = {
        "package.json": {"name": "catalog-api", "version": "1.0.0", "private": True,
                         "scripts": {"start": "node dist/main.js"}, "overrides": {"mongodb": "6.10.0"},
                         "dependencies": {"mongoose": "^8.9.0"}},
        "package-lock.json": {"name": "catalog-api", "lockfileVersion": 3, "packages": {
            "": {"name": "catalog-api"}, "node_modules/mongoose": {"version": "8.9.5"},
            "node_modules/mongodb": {"version": "6.10.0"}}},
        "src/main.ts": "import { MongoClient } from 'mongodb';\nexport const client = new MongoClient('mongodb://db');\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "pinned", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "mongodb": "6.10.0" to dependencies (the spec of its npm override' in d.message and d.fix is not None
    referenced = {**files, "package.json": {**files["package.json"], "overrides": {"mongodb": "$mongodb"}}}
    [d] = pipeline.lint([str(write(tmp_path / "ref", referenced))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "mongodb": "^6.10.0" to dependencies' in d.message
    # yarn ignores npm's `overrides` (a yarn 1 repository was told of npm's EOVERRIDE): the lockfile's version stands
    yarn = {"package.json": {**files["package.json"], "overrides": {"mongodb": "6.9.0"}}, "src/main.ts": files["src/main.ts"],
            "yarn.lock": '# yarn lockfile v1\n\n\nmongodb@^6.10.0:\n  version "6.10.0"\n\nmongoose@^8.9.0:\n'
                         '  version "8.9.5"\n  dependencies:\n    mongodb "^6.10.0"\n'}
    [d] = pipeline.lint([str(write(tmp_path / "yarn", yarn))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "npm override" not in d.message and "6.9.0" not in d.message, d.message


def test_dep005_says_when_a_workspace_dependency_carries_the_package(tmp_path):
    """A service that imports dayjs, declared only by the root, and depends on a workspace package
    whose own dependencies list dayjs: its install alone brings dayjs one level down, which a
    hoisting install places where the service finds it and pnpm's does not, so the message says
    that rather than "breaks a per-service install" (a real monorepo's DEP005)."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*", "apps/*"],
                         "dependencies": {"dayjs": "^1.11.10"}},
        "packages/dates/package.json": {"name": "@acme/dates", "version": "1.0.0", "main": "src/index.ts",
                                        "dependencies": {"dayjs": "^1.11.10"}},
        "packages/dates/src/index.ts": "import dayjs from 'dayjs';\n\nexport const today = () => dayjs();\n",
        "apps/api/package.json": {"name": "@acme/api", "version": "1.0.0", "main": "src/main.ts",
                                  "dependencies": {"@acme/dates": "*"}},
        "apps/api/src/main.ts": "import dayjs from 'dayjs';\nimport { today } from '@acme/dates';\n\n"
                                "console.log(dayjs().isSame(today()));\n",
    }
    [d] = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert "gets it only as a dependency of @acme/dates" in d.message and "breaks a per-service" not in d.message


def test_a_manifest_declaring_nothing_inside_a_member_leaves_its_imports_to_the_member(tmp_path):
    """`apps/web/src/api/package.json` holding only a name and an `exports` map (a `react-server`
    condition), linked into the app with `link:`: its files resolve from the app's node_modules,
    so the app's declarations count (a real example app: 21 safe fixes into the sub-package, a
    second React declaration). One that declares a dependency is a package of its own."""
    files = {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": "packages: ['apps/*']\n",
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"build": "next build"},
                                  "dependencies": {"api-client": "link:./src/api", "next": "^15.3.8", "react": "^19.1.0"}},
        "apps/web/src/api/package.json": {"name": "api-client", "exports": {
            ".": {"react-server": "./server.ts", "default": "./client.ts"}}},
        "apps/web/src/api/client.ts": "import { useState } from 'react';\n\nexport const useCounter = () => useState(0);\n",
    }
    assert dep(write(tmp_path / "linked", files)) == []
    own = {**files, "apps/web/src/api/package.json": {"name": "api-client", "exports": {".": "./client.ts"},
                                                      "dependencies": {"zod": "^3.0.0"}}}
    assert [(d[0], d[2]) for d in dep(write(tmp_path / "own", own))] == [("DEP001", "react")]


def test_a_package_that_keeps_its_framework_as_peers_gets_no_safe_fix_for_another_part_of_it(tmp_path):
    """A shared library with `@nestjs/common` in peerDependencies imports `@nestjs/core`: the
    application provides that framework, and a copy in the library's `dependencies` can split Nest's
    injection (a real monorepo: 3 safe fixes). The fix stays, unsafe, and says why; a package of
    another scope keeps its safe fix."""
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["api", "shared"]},
        "shared/package.json": {"name": "@acme/shared", "version": "0.0.1", "private": True, "main": "src/index.ts",
                                "peerDependencies": {"@nestjs/common": "^11.1.3", "rxjs": "^7.8.2"}},
        "shared/src/index.ts": "import { Module } from '@nestjs/common';\nimport { Reflector } from '@nestjs/core';\n"
                               "import { v4 } from 'uuid';\n\n@Module({ providers: [Reflector] })\nexport class MetricsModule {}\n"
                               "export const id = v4();\n",
        "api/package.json": {"name": "@acme/api", "version": "1.0.0", "private": True, "scripts": {"start": "node dist/main.js"},
                             "dependencies": {"@acme/shared": "0.0.1", "@nestjs/common": "^11.1.6", "@nestjs/core": "^11.1.6",
                                              "rxjs": "^7.8.2", "uuid": "^9.0.1"}},
        "api/src/main.ts": "import { MetricsModule } from '@acme/shared';\nconsole.log(MetricsModule);\n",
    }
    diags = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    found = {d.extra["package"]: d for d in diags}
    assert found["@nestjs/core"].fix.applicability.value == "unsafe"
    assert "keeps @nestjs/common in peerDependencies" in found["@nestjs/core"].message
    assert found["uuid"].fix.applicability.value == "safe"


def test_a_private_source_library_nothing_lists_is_installed_only_with_its_root(tmp_path):
    """A private library whose `main` is TypeScript source, which no manifest lists (the apps that
    bundle it import it through the root's install): nothing installs it apart, so its imports of
    what only the root declares are no DEP005 (a real front-end project: 492 warnings whose fixes
    added react to each library). Once an app lists it as a dependency, an install of that app
    brings the library without the root's packages: reported."""
    files = {
        "package.json": {"name": "@acme/front", "private": True, "workspaces": ["libs/*", "instances/*"],
                         "dependencies": {"classnames": "^2.5.1"}, "devDependencies": {"vite": "^6.2.6"}},
        "libs/ui/package.json": {"name": "@acme/ui", "version": "0.1.0", "private": True, "main": "src/index.ts"},
        "libs/ui/src/index.ts": "import classNames from 'classnames';\n\nexport const cls = (a: string) => classNames(a);\n",
        "instances/web/package.json": {"name": "@acme/web", "private": True, "scripts": {"build": "tsc && vite build"}},
        "instances/web/src/main.ts": "import { cls } from '@acme/ui';\n\ndocument.body.className = cls('x');\n",
    }
    diags = pipeline.lint([str(write(tmp_path / "alone", files))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert diags == []
    # one that names no entry at all, only dependencies (an Nx library the apps compile: 19 DEP005 on a
    # real repository), is no more installable apart
    bare = {**files, "libs/ui/package.json": {"name": "@acme/ui", "version": "0.0.0", "private": True,
                                              "dependencies": {"react": "^18.3.1"}}}
    diags = pipeline.lint([str(write(tmp_path / "bare", bare))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert diags == []
    # the stub `npm init` writes (main "index.js", which does not exist; only the placeholder test
    # script), kept beside an Nx library that apps use through tsconfig paths: no package either
    # (978 DEP005 on two such UI libraries of a real repository)
    stub = {**files, "libs/ui/package.json": {"name": "ui", "version": "1.0.0", "description": "", "main": "index.js",
                                              "scripts": {"test": 'echo "Error: no test specified" && exit 1'},
                                              "keywords": [], "author": "", "license": "ISC"}}
    diags = pipeline.lint([str(write(tmp_path / "stub", stub))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert diags == []
    (tmp_path / "stub/libs/ui/index.js").write_text("module.exports = require('./dist');\n")  # a package after all
    diags = pipeline.lint([str(tmp_path / "stub")], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in diags] == ["classnames"]
    # the stub an Nx generator writes, its `main` a config file that is not there (the `.cjs` is) and
    # no source builds, no script or build target (388 DEP005 on a real repository's UI library); a
    # `main` some source builds (`dist/index.js`), or an Nx build target, may make a package
    nx_stub = {**files, "libs/ui/package.json": {"name": "ui-components", "version": "1.0.0",
                                                 "main": "tailwind.base.config.js", "license": "ISC"},
               "libs/ui/tailwind.base.config.cjs": "module.exports = {};\n",
               "libs/ui/project.json": {"name": "ui-components", "targets": {"test": {"executor": "@nx/jest:jest"}}}}
    diags = pipeline.lint([str(write(tmp_path / "nx", nx_stub))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert diags == []
    for name, change in (("built", {"libs/ui/package.json": {**nx_stub["libs/ui/package.json"], "main": "dist/index.js"}}),
                         ("target", {"libs/ui/project.json": {"name": "ui-components", "targets": {
                             "build": {"executor": "@nx/js:tsc"}}}})):
        diags = pipeline.lint([str(write(tmp_path / name, {**nx_stub, **change}))], Settings(select=["DEP005"]),
                              use_cache=False).diagnostics
        assert [d.extra["package"] for d in diags] == ["classnames"], name
    # its `exports` may also publish its package.json (Nx's library generator writes that): data, no entry
    exported = {**files, "libs/ui/package.json": {**files["libs/ui/package.json"], "exports": {
        ".": {"types": "./src/index.ts", "default": "./src/index.ts"}, "./package.json": "./package.json"}}}
    diags = pipeline.lint([str(write(tmp_path / "exported", exported))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert diags == []
    listed = {**files, "instances/api/package.json": {"name": "@acme/api", "private": True,
                                                      "scripts": {"start": "node dist/main.js"},
                                                      "dependencies": {"@acme/ui": "*"}}}
    diags = pipeline.lint([str(write(tmp_path / "listed", listed))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in diags] == ["classnames"]


@pytest.mark.parametrize("library, reported", [
    ({"name": "@acme/domain", "version": "0.0.1", "private": True, "main": "./index.js"}, False),
    ({"name": "@acme/web/hooks", "version": "0.0.1", "main": "./index.js"}, False),  # npm refuses the name
    ({"name": "@acme/web-hooks", "version": "0.0.1", "main": "./index.js"}, True),  # may be published
])
def test_a_private_library_no_workspace_definition_makes_a_member_is_installed_only_with_its_root(
        tmp_path, library, reported):
    """An Nx library's package.json (built `main`) in a repository with no workspace definition:
    no package manager installs it apart, nothing lists it, and its code runs inside the root's
    install, compiled into the app that imports it through tsconfig paths (real Nx repositories:
    23 DEP005 whose fixes wrote @nestjs/common and react into such manifests). With a workspace
    definition, a per-package install (`pnpm deploy`, `npm install -w`) can take it: reported."""
    files = {
        "package.json": {"name": "@acme/source", "private": True, "dependencies": {"zod": "^3.25.74"},
                         "devDependencies": {"nx": "21.2.1"}},
        "nx.json": {},
        "libs/domain/package.json": library,
        "libs/domain/src/index.ts": "import { z } from 'zod';\nexport const Email = z.string().email();\n",
    }
    diags = pipeline.lint([str(write(tmp_path / "alone", files))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert bool(diags) is reported
    member = {**files, "package.json": {**files["package.json"], "workspaces": ["libs/*"]}}
    diags = pipeline.lint([str(write(tmp_path / "member", member))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in diags] == ["zod"]
    # listed by another such library (an Nx repository's libraries name each other as peers): still
    # nothing installs either apart; listed by one that may be published, it may travel with that one
    for private, listed in ((True, False), (False, True)):
        other = {"name": "@acme/backend-domain", "version": "0.0.1", "main": "./index.js",
                 "peerDependencies": {library["name"]: "*"}, **({"private": True} if private else {})}
        chained = write(tmp_path / f"chain-{private}", {**files, "libs/backend/package.json": other})
        diags = pipeline.lint([str(chained)], Settings(select=["DEP005"]), use_cache=False).diagnostics
        assert bool(diags) is (reported or listed), (private, diags)


@pytest.mark.parametrize("build, reported", [(None, False), ("@nx/js:tsc", True)])
def test_an_nx_librarys_package_json_that_names_nothing_and_nothing_builds_is_a_label(tmp_path, build, reported):
    """An Nx library generated with `{"name", "version", "peerDependencies"}` and no entry, script or
    build target, in a repository with no workspace definition: nothing installs or publishes it
    (5 DEP005 on a real repository). One an Nx target builds may be published (`nx release`)."""
    project = {"projectType": "library", "sourceRoot": "libs/feat/src",
               "targets": {"test": {"executor": "@nx/jest:jest"}, **({"build": {"executor": build}} if build else {})}}
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "dependencies": {"@ngrx/store": "^13.0.0"}},
        "nx.json": {},
        "libs/feat/package.json": {"name": "@app/feat", "version": "0.0.1", "dependencies": {"tslib": "^2.3.0"}},
        "libs/feat/project.json": project,
        "libs/feat/src/index.ts": "import { Store } from '@ngrx/store';\nexport const s = Store;\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert bool(diags) is reported, diags


@pytest.mark.parametrize("private, main, aliased, reported", [
    (True, True, True, False), (False, True, True, True), (True, True, False, True), (False, False, True, False)])
def test_a_private_library_the_root_paths_compile_in_runs_in_the_roots_install(tmp_path, private, main, aliased, reported):
    """An integrated Nx repository keeps every package in the root's manifest; `libs/backend/db` is a
    pnpm member with an Nx-generated private package.json (`main`, `dependencies: { tslib }`) that no
    manifest lists, and the apps (no package.json of their own) compile it in through the root
    tsconfig's `paths` alias: nothing installs the folder apart (a real repository: 16 DEP005). So
    does one that names nothing to load, private or not (another: 32). One that may be published
    (not private, with an entry), or that no alias maps into, keeps the finding."""
    library = {"name": "db", "version": "0.0.1", "type": "commonjs", **({"main": "./src/index.js"} if main else {}),
               "dependencies": {"tslib": "^2.3.0"}, **({"private": True} if private else {})}
    root = write(tmp_path, {
        "package.json": {"name": "nx-repro", "private": True, "dependencies": {"ioredis": "^5.8.2", "tslib": "^2.3.0"},
                         "devDependencies": {"nx": "22.1.3", "@nx/esbuild": "22.1.3", "typescript": "5.9.3"}},
        "pnpm-workspace.yaml": "packages:\n  - 'apps/**'\n  - 'libs/**'\n",
        "nx.json": {},
        "tsconfig.base.json": {"compilerOptions": {"module": "commonjs", "strict": True, "baseUrl": ".",
                                                   "paths": {"db": ["libs/backend/db/src/index.ts"]} if aliased else {}}},
        "libs/backend/db/package.json": library,
        "libs/backend/db/project.json": {"name": "db", "projectType": "library", "targets": {"build": {
            "executor": "@nx/js:tsc", "options": {"main": "libs/backend/db/src/index.ts"}}}},
        "libs/backend/db/tsconfig.json": {"extends": "../../../tsconfig.base.json", "include": ["src/**/*.ts"]},
        "libs/backend/db/src/index.ts": "import Redis from 'ioredis';\nexport const redis = new Redis();\n",
        "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {"build": {
            "executor": "@nx/esbuild:esbuild", "options": {"platform": "node", "main": "apps/api/src/main.ts"}}}},
        "apps/api/src/main.ts": "import { redis } from 'db';\nredis.ping();\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in diags] == (["ioredis"] if reported else []), diags


@pytest.mark.parametrize("exports, reported", [({".": {"import": "./index.mjs", "require": "./index.js"}}, False),
                                               ({".": {"import": "./dist/index.mjs", "require": "./dist/index.js"}}, True)])
def test_a_publish_manifest_whose_exports_name_files_nothing_builds_there_names_nothing(tmp_path, exports, reported):
    """An Nx library's publish manifest (`"private": false`, `publishConfig`, `exports` to `./index.js`)
    kept in its source folder, which Nx copies beside a build written elsewhere: nothing at the top of
    the folder is there or built there, so no install of the folder loads anything, and the apps
    compile the library in through the root tsconfig's alias (a real resume builder: 69 DEP005; the
    same manifest without `exports` was already silent). Targets in a build folder may be built there."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/source", "private": True, "dependencies": {"react": "^18.3.1", "@radix-ui/react-slot": "^1.1.0"},
                         "devDependencies": {"nx": "^20.0.0", "vite": "^5.4.0"}},
        "tsconfig.base.json": {"compilerOptions": {"jsx": "react-jsx", "baseUrl": ".", "paths": {"@acme/ui": ["libs/ui/src/index.ts"]}}},
        "libs/ui/package.json": {"name": "@acme/ui", "version": "0.0.1", "private": False, "main": "./index.js",
                                 "publishConfig": {"access": "public"}, "exports": exports},
        "libs/ui/src/index.ts": "export { Slot } from '@radix-ui/react-slot';\n",
        "apps/web/src/main.tsx": "import { Slot } from '@acme/ui';\nexport const App = () => <Slot />;\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert bool(diags) is reported, diags


@pytest.mark.parametrize("declares, reported", [(False, False), (True, True)])
def test_a_folders_manifest_that_declares_nothing_runs_in_the_roots_install(tmp_path, declares, reported):
    """`back/package.json` with a name, a version and `tsx` scripts but no entry and no dependency,
    in a repository with no workspace definition whose root declares everything: its scripts run
    from the checkout with the root's node_modules, and no install of the folder could bring
    anything (a real Nx repository: 287 DEP005, 122 of them advising peerDependencies). A manifest
    that declares packages of its own is installed on its own, and keeps the finding."""
    back = {"name": "back", "version": "1.0.0", "scripts": {"fix": "tsx src/scripts/fix.ts"}}
    root = write(tmp_path, {
        "package.json": {"name": "td", "private": True, "dependencies": {"dataloader": "^2.2.3"},
                         "devDependencies": {"nx": "^20.0.0", "tsx": "^4.0.0"}},
        "package-lock.json": {"name": "td", "lockfileVersion": 3, "packages": {
            "": {"name": "td"}, "node_modules/dataloader": {"version": "2.2.3"}}},
        "nx.json": {},
        "back/package.json": {**back, **({"dependencies": {"zod": "^3.0.0"}} if declares else {})},
        "back/project.json": {"name": "back", "projectType": "library", "sourceRoot": "back/src"},
        "back/src/dataloader.ts": "import DataLoader from 'dataloader';\nexport const loader = new DataLoader(async (k: readonly string[]) => k);\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert bool(diags) is reported, diags


@pytest.mark.parametrize("inferred", [False, True])
def test_an_nx_apps_version_only_package_json_is_a_label(tmp_path, inferred):
    """`apps/api/package.json` holding a name and a version (Nx release keeps it) beside the app's
    project.json: Nx builds and deploys the app from the workspace root's dependencies, never by
    installing that manifest, so the root's declarations count (a real Nx repository: 15 DEP005 once
    the inferred build's main was read). A start script or a Dockerfile of its own makes it a
    service installed from its manifest."""
    project = {"name": "api", "projectType": "application"}
    if not inferred:
        project["targets"] = {"build": {"executor": "@nx/webpack:webpack",
                                        "options": {"target": "node", "main": "apps/api/src/main.ts"}}}
    files = {
        "package.json": {"name": "@project/source", "private": True,
                         "dependencies": {"@nestjs/common": "^10.3.9"}, "devDependencies": {"nx": "^21.0.0"}},
        "nx.json": {},
        "apps/api/package.json": {"name": "@project/api", "version": "0.0.4"},
        "apps/api/project.json": project,
        "apps/api/webpack.config.js": "const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');\n\n"
                                      "module.exports = { plugins: [new NxAppWebpackPlugin({ target: 'node', main: './src/main.ts' })] };\n",
        "apps/api/src/main.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class AppService {}\n",
    }
    assert dep(write(tmp_path / "label", files)) == []
    started = {**files, "apps/api/package.json": {"name": "@project/api", "version": "0.0.4",
                                                  "scripts": {"start": "node dist/main.js"}}}
    assert [d[0] for d in dep(write(tmp_path / "service", started))] == ["DEP005"]


def test_what_a_published_plugins_peer_framework_requires_as_a_peer_is_a_peer(tmp_path):
    """A published NestJS plugin keeps @nestjs/common and @nestjs/typeorm in peerDependencies; what
    those require as peers (rxjs, typeorm), or a package of their scope, the application provides
    too: DEP005 and DEP002 name peerDependencies, never dependencies, whose second copy would split
    rxjs or TypeORM's classes (21 findings on three NestJS library repositories). An unrelated
    package still goes to dependencies; a private package is no plugin."""
    lib = {"name": "@acme/orm-adapter", "version": "1.0.0", "main": "./dist/index.js",
           "peerDependencies": {"@nestjs/common": "^11.0.0", "@nestjs/typeorm": "^11.0.0"}}
    root = write(tmp_path / "root", {
        "package.json": {"name": "acme", "private": True, "workspaces": ["libs/*"],
                         "dependencies": {"@nestjs/common": "^11.1.0", "@nestjs/cqrs": "^11.0.0", "@nestjs/typeorm": "^11.0.0",
                                          "rxjs": "^7.8.0", "typeorm": "^0.3.20", "ms": "^2.1.3"}},
        "libs/orm/package.json": lib,
        "libs/orm/src/index.ts": "import { DataSource } from 'typeorm';\nimport { from } from 'rxjs';\n"
                                 "import { CommandBus } from '@nestjs/cqrs';\nimport ms from 'ms';\n"
                                 "export const all = [DataSource, from, CommandBus, ms];\n",
    })
    diags = {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False)
             .diagnostics}
    for package in ("typeorm", "rxjs", "@nestjs/cqrs"):
        assert 'in peerDependencies of libs/orm/package.json' in diags[package].message, package
        assert diags[package].fix.message.endswith("to peerDependencies of libs/orm/package.json"), package
    assert "requires it as a peer" in diags["typeorm"].message and "@nestjs/typeorm" in diags["typeorm"].message
    assert "in dependencies of libs/orm/package.json" in diags["ms"].message
    dev = write(tmp_path / "dev", {
        "package.json": {**lib, "devDependencies": {"@nestjs/common": "^11.0.12", "rxjs": "^7.8.2"}},
        "src/index.ts": "import { lastValueFrom, of } from 'rxjs';\nexport const one = () => lastValueFrom(of(1));\n",
    })
    [d] = pipeline.lint([str(dev)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert d.severity.value == "warning" and d.fix is None
    assert "@nestjs/common, which package.json keeps in peerDependencies, requires it as a peer" in d.message
    assert "declare it in peerDependencies too" in d.message and "Cannot find module" not in d.message
    assert "found only where it is hoisted (npm, yarn)" in d.message  # no lockfile: npm, which hoists
    write(dev, {".yarnrc.yml": "nodeLinker: pnp\n", "yarn.lock": "__metadata:\n  version: 8\n",
                "package.json": {**lib, "packageManager": "yarn@4.5.0", "devDependencies": {"@nestjs/common": "^11.0.12", "rxjs": "^7.8.2"}}})
    [d] = pipeline.lint([str(dev)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "gives a package only what it declares (pnpm, Plug'n'Play)" in d.message and "hoisted (npm, yarn)" not in d.message
    (dev / ".yarnrc.yml").unlink()
    (dev / "yarn.lock").unlink()
    # an optional peer's peer is optional too (a binding for React, Vue and Svelte query clients)
    write(dev, {"package.json": {**lib, "peerDependenciesMeta": {"@nestjs/common": {"optional": True}},
                                 "devDependencies": {"@nestjs/common": "^11.0.12", "rxjs": "^7.8.2"}}})
    [d] = pipeline.lint([str(dev)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "declare it in peerDependencies too, marked optional in peerDependenciesMeta as that peer is" in d.message
    write(dev, {"package.json": {**lib, "private": True, "devDependencies": {"@nestjs/common": "^11.0.12", "rxjs": "^7.8.2"}}})
    [d] = pipeline.lint([str(dev)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert d.severity.value == "error" and "move it to dependencies" in d.message


def test_a_scope_split_into_a_peer_api_and_dependencies_is_no_peer_framework(tmp_path):
    """A published package keeps `@opentelemetry/api` in peerDependencies and `@opentelemetry/core` in
    dependencies: the scope shares only its API, each package installs the implementations it uses.
    A real package importing the scope's context manager from devDependencies was told to declare it
    as a peer too ("the application provides it"): no application installs it for a test library.
    With no package of the scope in dependencies, the scope stays the framework the peer names."""
    manifest = {"name": "@acme/test-utils", "version": "0.1.0", "main": "build/src/index.js",
                "peerDependencies": {"@opentelemetry/api": "^1.3.0"},
                "devDependencies": {"@opentelemetry/api": "^1.3.0", "@opentelemetry/context-async-hooks": "^2.9.0"},
                "dependencies": {"@opentelemetry/core": "^2.9.0"}}
    root = write(tmp_path, {
        "package.json": manifest,
        "tsconfig.json": {"compilerOptions": {"rootDir": ".", "outDir": "build"}, "include": ["src/**/*.ts"]},
        "src/index.ts": ("import { context } from '@opentelemetry/api';\nimport { W3CTraceContextPropagator } from '@opentelemetry/core';\n"
                         "import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';\n"
                         "export function setup(): void {\n  context.setGlobalContextManager(new AsyncLocalStorageContextManager());\n"
                         "  void new W3CTraceContextPropagator();\n}\n"),
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert d.severity.value == "error" and "move it to dependencies" in d.message and "scope of" not in d.message
    write(root, {"package.json": {**manifest, "dependencies": {"semver": "^7.0.0"}}})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "it comes from the scope of @opentelemetry/api" in d.message and "loaded on demand" not in d.message
    # one of alternatives loaded on demand (a driver picked by a switch: a real ORM module's MySQL and
    # Postgres drivers): a plain peer would make every user install both, so the advice marks it optional
    write(root, {"src/index.ts": "import { context } from '@opentelemetry/api';\nexport async function setup(kind: string) {\n"
                                 "  if (kind === 'async') {\n    const { AsyncLocalStorageContextManager } = "
                                 "await import('@opentelemetry/context-async-hooks');\n"
                                 "    context.setGlobalContextManager(new AsyncLocalStorageContextManager());\n  }\n}\n"})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "marked optional in peerDependenciesMeta (loaded on demand, as an alternative)" in d.message, d.message


@pytest.mark.parametrize("manager", ["pnpm", "npm"])
def test_declaring_a_sibling_that_depends_on_the_importer_is_no_safe_fix(tmp_path, manager):
    """`@acme/core` imports `@acme/billing`, which already depends on `@acme/core`: declaring it closes
    a cycle that Turborepo, Nx and `pnpm -r` refuse to order (39 DEP001 on a real repository, each a
    safe fix that broke `turbo run build`; in two more, 41 errors the maintainers could not act on,
    one import left undeclared on purpose with `// nx-ignore-next-line`). Under pnpm, which links only
    what a package declares, a warning naming the cycle, without a fix; under npm, which links every
    member at the root, the import resolves in every install: nothing (38 warnings nobody would act
    on in a real repository). Elsewhere the range follows the repository's `"*"` between its
    packages, not `^0.0.0`."""
    workspace = {"pnpm-workspace.yaml": "packages:\n  - packages/*\n"} if manager == "pnpm" else {}
    root = write(tmp_path, {
        **workspace,
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"],
                         "packageManager": "pnpm@9.12.0" if manager == "pnpm" else "npm@10.8.2"},
        "packages/billing/package.json": {"name": "@acme/billing", "version": "0.0.0", "main": "./index.ts",
                                          "dependencies": {"@acme/core": "*"}},
        "packages/billing/index.ts": "import { maxSeats } from '@acme/core';\nexport const seats = (p: string) => maxSeats(p);\n",
        "packages/billing/limits.ts": "export const planLimit = (plan: string): number => (plan === 'pro' ? 5 : 1);\n",
        "packages/core/package.json": {"name": "@acme/core", "version": "0.0.0", "main": "./index.ts"},
        "packages/core/index.ts": "import { planLimit } from '@acme/billing/limits';\n"
                                  "export const maxSeats = (plan: string): number => planLimit(plan) * 10;\n",
        "packages/web/package.json": {"name": "@acme/web", "version": "0.0.0", "main": "./index.ts"},
        "packages/web/index.ts": "import { maxSeats } from '@acme/core';\nexport const n = maxSeats('pro');\n",
    })
    diags = {d.path.rsplit("/", 2)[-2]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                   use_cache=False).diagnostics}
    web = diags["web"]
    assert web.fix.applicability.value == "safe" and "cycle" not in web.message and '"@acme/core": "*"' in web.message
    if manager == "npm":
        assert "core" not in diags
        return
    core = diags["core"]
    assert core.fix is None and core.severity.value == "warning" and "move the code it needs" in core.message
    assert "would close a cycle of workspace dependencies (@acme/core -> @acme/billing -> @acme/core)" in core.message


@pytest.mark.parametrize("type_only", [True, False])
def test_a_type_import_nothing_checks_that_would_close_a_cycle_is_left_alone(tmp_path, type_only):
    """A test vitest runs with its types stripped, which no tsconfig includes, imports an interface of a
    sibling that depends on the test's package through a third: nothing fails but an editor's TS2307,
    and the only remedy is reshaping the package graph (an identity SDK: a warning telling three
    published packages to break their cycle over a type annotation). Nothing reported. A value import
    loads the sibling at run time: the cycle warning stays."""
    use = "const impl: IB = { b: () => a };\n" if type_only else "const impl = { b: () => a, made: IB };\n"
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "scripts": {"test": "vitest run"},
                         "devDependencies": {"typescript": "5.7.3", "vitest": "3.0.8"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "tsconfig.base.json": {"compilerOptions": {"strict": True}, "exclude": ["**/__tests__/**/*"]},
        **{f"packages/{n}/tsconfig.json": {"extends": "../../tsconfig.base.json", "include": ["src"]} for n in "abc"},
        "packages/a/package.json": {"name": "@x/a", "version": "1.0.0", "main": "dist/index.js", "scripts": {"build": "tsc"}},
        "packages/b/package.json": {"name": "@x/b", "version": "1.0.0", "main": "dist/index.js", "dependencies": {"@x/c": "workspace:*"}},
        "packages/c/package.json": {"name": "@x/c", "version": "1.0.0", "main": "dist/index.js", "dependencies": {"@x/a": "workspace:*"}},
        "packages/a/src/index.ts": "export const a = 1;\n",
        "packages/b/src/index.ts": "export interface IB { b(): number }\nexport const IB = 'b';\n",
        "packages/c/src/index.ts": "import { a } from '@x/a';\nexport const c = a + 1;\n",
        "packages/a/__tests__/a.test.ts": "import { expect, it } from 'vitest';\nimport { IB } from '@x/b';\nimport { a } from '../src';\n\n"
                                          + use + "it('works', () => expect(impl.b()).toBe(1));\n",
    })
    found = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert [("cycle" in d.message) for d in found] == ([] if type_only else [True])


@pytest.mark.parametrize("manager", ["pnpm", "npm"])
def test_two_siblings_importing_each_other_undeclared_are_a_cycle_too(tmp_path, manager):
    """An app and its SDK import each other and neither declares the other (11 DEP001 on a real API
    client): the two fixes together declare the cycle the test above leaves alone. Under npm, which
    links every member, nothing; under pnpm a warning naming the cycle and the import back, no fix.
    A sibling that imports neither stays a plain finding with its fix."""
    workspace = {"pnpm-workspace.yaml": "packages:\n  - packages/*\n"} if manager == "pnpm" else {}
    root = write(tmp_path, {
        **workspace,
        "package.json": {"name": "client", "private": True, "workspaces": ["packages/*"],
                         "packageManager": "pnpm@9.12.0" if manager == "pnpm" else "npm@10.8.2"},
        "packages/app/package.json": {"name": "app", "version": "1.0.0", "private": True, "main": "src/main.ts"},
        "packages/app/src/main.ts": "import { run } from 'sdk';\nexport const DEFAULT_NAME = 'x';\nrun();\n",
        "packages/sdk/package.json": {"name": "sdk", "version": "1.0.0", "private": True, "main": "src/index.ts"},
        "packages/sdk/src/index.ts": "import { DEFAULT_NAME } from 'app/src/main';\nexport const run = () => DEFAULT_NAME;\n",
        "packages/cli/package.json": {"name": "cli", "version": "1.0.0", "private": True, "main": "src/cli.ts"},
        "packages/cli/src/cli.ts": "import { run } from 'sdk';\nrun();\n",
    })
    diags = {d.path.rsplit("/", 3)[-3]: d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]),
                                                                   use_cache=False).diagnostics}
    assert diags["cli"].fix is not None and "cycle" not in diags["cli"].message
    if manager == "npm":
        assert sorted(diags) == ["cli"]
        return
    assert diags["app"].fix is None and diags["app"].severity.value == "warning"
    assert "(app -> sdk -> app, sdk importing app undeclared too)" in diags["app"].message
    assert "(sdk -> app -> sdk, app importing sdk undeclared too)" in diags["sdk"].message


@pytest.mark.parametrize("cycle", [True, False])
def test_a_member_only_the_root_declares_that_depends_on_the_importer_is_no_dep005(tmp_path, cycle):
    """A CLI package imports the controller, which depends on the CLI; only the root declares the controller
    (`file:` specs for both, a home-automation controller: 1 DEP005). Declaring it in the CLI would close a
    cycle, and npm links every member: the cycle is the design. Without the controller's dependency on the CLI
    it is an ordinary DEP005."""
    controller = {"name": "acme-controller", "version": "1.0.0", "main": "dist/main.js", "bin": {"acme": "dist/main.js"}}
    if cycle:
        controller["dependencies"] = {"@acme/cli": "file:../cli"}
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"],
                         "dependencies": {"@acme/cli": "file:packages/cli", "acme-controller": "file:packages/controller"}},
        "packages/cli/package.json": {"name": "@acme/cli", "version": "1.0.0", "main": "dist/index.js"},
        "packages/cli/src/index.ts": "import { tools } from 'acme-controller';\n\nexport const run = () => tools.start();\n",
        "packages/controller/package.json": controller,
        "packages/controller/src/main.ts": "export const tools = { start: () => 1 };\n",
    })
    found = [d.code for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics]
    assert found == ([] if cycle else ["DEP005"])


@pytest.mark.parametrize("manager, linker, reported", [
    ("yarn@4.1.1", "nodeLinker: node-modules\n", False), ("npm@10.8.2", None, False),
    ("yarn@4.1.1", "nodeLinker: pnp\n", True), ("pnpm@9.12.0", None, True),
])
def test_the_workspace_roots_own_package_finds_every_member_it_links(tmp_path, manager, linker, reported):
    """An API at the repository's root (its Dockerfile runs it) imports `@app/db`, a member of the root's
    own `workspaces`, without declaring it: npm and yarn's node-modules linker link every member into
    the root's `node_modules`, which is the root package's own (a music platform: 220 DEP001 errors
    burying its 26 real ones). pnpm links only what the root declares, and Plug'n'Play resolves only
    declared packages: reported there."""
    files = {
        "package.json": {"name": "app", "private": True, "packageManager": manager, "workspaces": ["db"],
                         "dependencies": {"express": "^5.1.0"}},
        "Dockerfile": "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN yarn install --immutable\n"
                      "CMD [\"yarn\", \"ts-node\", \"src/index.ts\"]\n",
        "db/package.json": {"name": "@app/db", "main": "./index.ts"},
        "db/index.ts": "export const db = { ping: () => 1 };\n",
        "src/index.ts": "import express from 'express';\nimport { db } from '@app/db';\n"
                        "express().get('/', (_q, s) => { s.json(db.ping()); }).listen(3000);\n",
    }
    if linker:
        files[".yarnrc.yml"] = linker
    if manager.startswith("pnpm"):
        files["pnpm-workspace.yaml"] = "packages:\n  - db\n"
    found = dep(write(tmp_path, files), select=("DEP001",))
    assert found == ([("DEP001", "src/index.ts", "@app/db")] if reported else [])


CATALOG_LOCK = """lockfileVersion: '9.0'

importers:

  .: {}

  packages/forms:
    dependencies:
      '@ui/core':
        specifier: 'catalog:'
        version: 9.4.1(@ui/hooks@9.4.1)

packages:

  '@ui/core@9.4.1':
    resolution: {integrity: sha512-AAAA}
    peerDependencies:
      '@ui/hooks': 9.4.1

  '@ui/hooks@9.4.1':
    resolution: {integrity: sha512-BBBB}
"""


def test_a_catalog_range_is_checked_against_peer_ranges_as_the_range_it_names(tmp_path):
    """`@ui/core` wants its peer `@ui/hooks` at exactly 9.4.1 and the catalog says `^9.4.1`: the
    catalog entry is what to add (`catalog:`; a `catalogMode: strict` workspace accepts nothing
    else), not the same range written out (5 DEP001 fixes on a real pnpm repository). A catalog
    whose range the peer rejects is not offered."""
    files = {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\ncatalogMode: strict\ncatalog:\n"
                               "  \"@ui/core\": ^9.4.1\n  \"@ui/hooks\": ^9.4.1\n",
        "pnpm-lock.yaml": CATALOG_LOCK,
        "packages/forms/package.json": {"name": "@acme/forms", "version": "1.0.0", "private": True,
                                        "dependencies": {"@ui/core": "catalog:"}},
        "packages/forms/src/index.ts": "import { useHook } from '@ui/hooks';\nimport { core } from '@ui/core';\n"
                                       "export const all = [useHook, core];\n",
    }
    [d] = pipeline.lint([str(write(tmp_path / "ok", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.message.endswith('add "@ui/hooks": "catalog:" to dependencies (from the default catalog of pnpm-workspace.yaml)')
    files["pnpm-workspace.yaml"] = files["pnpm-workspace.yaml"].replace('"@ui/hooks": ^9.4.1', '"@ui/hooks": ^9.5.0')
    [d] = pipeline.lint([str(write(tmp_path / "rejected", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert '"catalog:"' not in d.message
    # in no catalog at all, under `catalogMode: strict`: the entry goes into the catalog first, and no
    # fix writes a plain range pnpm would refuse (a real dashboard monorepo: 16 packages)
    files["pnpm-workspace.yaml"] = files["pnpm-workspace.yaml"].replace('  "@ui/hooks": ^9.5.0\n', "")
    [d] = pipeline.lint([str(write(tmp_path / "absent", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'to the catalog of pnpm-workspace.yaml, whose `catalogMode: strict` refuses any other spec, and ' \
           '"@ui/hooks": "catalog:" to dependencies' in d.message and d.fix is None, d.message


PEER_LINKED_LOCK = """lockfileVersion: '9.0'

settings:
  autoInstallPeers: false
  excludeLinksFromLockfile: false

importers:

  .: {}

  packages/api:
    dependencies:
      auto-instrument:
        specifier: 0.76.0
        version: 0.76.0%s

packages:

  auto-instrument@0.76.0:
    resolution: {integrity: sha512-bbbb}
    peerDependencies:
      otel-core: ^2.8.0

  otel-core@2.8.0:
    resolution: {integrity: sha512-cccc}
"""


def test_dep003_is_silent_when_pnpm_resolved_and_linked_the_peer(tmp_path):
    """pnpm without auto-install-peers, but the lockfile records the peer resolved for this
    importer's dependency (`0.76.0(otel-core@2.8.0)`): pnpm links it beside the package, whose load
    of it works (a real back end: 2 DEP003 saying it fails). Not resolved there, it is reported."""
    files = {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "pnpm-lock.yaml": PEER_LINKED_LOCK % "(otel-core@2.8.0)",
        "packages/api/package.json": {"name": "@acme/api", "version": "0.0.0", "private": True,
                                      "scripts": {"start": "node dist/main.js"}, "dependencies": {"auto-instrument": "0.76.0"}},
        "packages/api/src/main.ts": "import { instrument } from 'auto-instrument';\n\ninstrument();\n",
    }
    assert dep(write(tmp_path / "linked", files), select=("DEP003",)) == []
    unresolved = {**files, "pnpm-lock.yaml": PEER_LINKED_LOCK % ""}
    assert dep(write(tmp_path / "unresolved", unresolved), select=("DEP003",)) == [
        ("DEP003", "packages/api/src/main.ts", "auto-instrument")]


def test_a_siblings_range_the_version_a_package_runs_with_today_is_outside_is_not_copied(tmp_path):
    """npm nests the version a package resolves under its own folder when a sibling's range holds
    the hoisted one: copying the sibling's range would move the package to the sibling's major."""
    lock = {"name": "mono", "lockfileVersion": 3, "requires": True, "packages": {
        "": {"name": "mono", "workspaces": ["packages/client", "packages/server"]},
        "node_modules/client": {"resolved": "packages/client", "link": True},
        "node_modules/server": {"resolved": "packages/server", "link": True},
        "node_modules/uuid": {"version": "8.3.2"},
        "node_modules/some-lib": {"version": "1.0.0", "dependencies": {"uuid": "^9.0.0"}},
        "node_modules/dayjs": {"version": "1.11.10"},
        "packages/client": {"name": "client", "version": "0.1.0", "dependencies": {"uuid": "^8.3.2"}},
        "packages/server": {"name": "server", "version": "0.1.0", "dependencies": {"some-lib": "^1.0.0"}},
        "packages/server/node_modules/uuid": {"version": "9.0.0"}}}
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/client", "packages/server"]},
        "package-lock.json": lock,
        "packages/client/package.json": {"name": "client", "version": "0.1.0", "private": True,
                                         "scripts": {"start": "node dist/id.js"},
                                         "dependencies": {"uuid": "^8.3.2", "dayjs": "^1.11.0"}},
        "packages/client/src/id.ts": "import { v4 } from 'uuid';\nimport dayjs from 'dayjs';\nexport const id = [v4(), dayjs()];\n",
        "packages/server/package.json": {"name": "server", "version": "0.1.0", "private": True,
                                         "scripts": {"start": "node dist/main.js"},
                                         "dependencies": {"some-lib": "^1.0.0"}},
        "packages/server/src/main.ts": "import { v4 } from 'uuid';\nimport dayjs from 'dayjs';\n"
                                       "export const id = [v4(), dayjs()];\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    messages = {d.extra.get("package"): d.message for d in diags if d.code == "DEP001"}
    assert "package-lock.json resolves 9.0.0 for packages/server" in messages["uuid"], messages
    assert "(as in packages/client/package.json)" in messages["dayjs"]  # 1.11.10 is inside ^1.11.0
    out = json.loads(fixed(root)["packages/server/package.json"])
    assert out["dependencies"] == {"dayjs": "^1.11.0", "some-lib": "^1.0.0", "uuid": "^9.0.0"}


@pytest.mark.parametrize("engines, reported", [({}, True), ({"vscode": "^1.90.0"}, False)])
def test_only_a_runtime_engines_names_provides_a_module_nothing_installs(tmp_path, engines, reported):
    """`import request from 'supertest'` beside a declared `@types/supertest`, with supertest in no
    manifest, lockfile or node_modules: the tests fail to load it (a real admin back end's e2e
    tests; DEP001 was silent, reading it as a runtime's module). Only a runtime the package.json's
    `engines` names (`vscode`: the extension host) provides a module that nothing installs."""
    name = "vscode" if engines else "supertest"
    root = write(tmp_path, {
        "package.json": {"name": "api", "private": True, "engines": engines,
                         "scripts": {"start": "node dist/main.js"}, "devDependencies": {f"@types/{name}": "1.0.0"}},
        "package-lock.json": {"name": "api", "lockfileVersion": 3, "packages": {
            "": {"name": "api"}, f"node_modules/@types/{name}": {"version": "1.0.0", "dev": True}}},
        "test/app.e2e-spec.ts": f"import * as lib from '{name}';\nexport const used = lib;\n",
    })
    found = [(code, pkg) for code, _, pkg in dep(root, select=("DEP001",))]
    assert found == ([("DEP001", name)] if reported else [])


@pytest.mark.parametrize("engines, reported", [({"vscode": "^1.76.0"}, False), ({}, True)])
def test_a_module_the_extension_bundle_leaves_to_its_host_is_no_package(tmp_path, engines, reported):
    """A web extension bundled by an esbuild script (`node -r esbuild-register scripts/bundle.ts`,
    `external: ['vscode']`), its types from a `declare module 'vscode'` of its own, `engines.vscode`
    naming the host: the editor provides `vscode` (a real one: 2 DEP001 advising `add -D vscode`,
    an unrelated package). Without the engine, nothing says who provides it: reported."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/quick-edit", "private": True, "engines": engines, "browser": "./dist/extension.js",
                         "scripts": {"vscode:prepublish": "pnpm run package-web",
                                     "package-web": "node -r esbuild-register scripts/bundle.ts"},
                         "devDependencies": {"esbuild": "^0.25.0", "esbuild-register": "^3.5.0"}},
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    devDependencies:\n      esbuild:\n"
                          "        specifier: ^0.25.0\n        version: 0.25.0\n",
        "scripts/bundle.ts": "import * as esbuild from 'esbuild';\n\nvoid esbuild.build({ entryPoints: ['./src/extension.ts'], "
                             "bundle: true, outfile: './dist/extension.js', external: ['vscode'] });\n",
        "vscode.d.ts": "declare module 'vscode' {\n  export const window: unknown;\n}\n",
        "src/extension.ts": "import * as vscode from 'vscode';\n\nexport const activate = () => vscode.window;\n",
    })
    found = [(code, pkg) for code, _, pkg in dep(root, select=("DEP001",))]
    assert found == ([("DEP001", "vscode")] if reported else []), found


def test_a_members_nohoist_settings_make_no_workspace_root(tmp_path):
    """A member's `"workspaces": {"nohoist": [...]}` (yarn 1) tunes how the root installs it; it
    lists no members, so the member is still in its root's workspace, whose `@types/vscode` says
    the extension host provides `vscode` to its integration tests (a real extension: 2 DEP001
    advising `npm install vscode`)."""
    root = write(tmp_path, {
        "package.json": {"name": "my-ext", "private": True, "engines": {"vscode": "^1.90.0"},
                         "workspaces": ["packages/client", "packages/itests"],
                         "devDependencies": {"@types/vscode": "1.90.0"}},
        "package-lock.json": {"name": "my-ext", "lockfileVersion": 3, "packages": {
            "": {"name": "my-ext"}, "node_modules/@types/vscode": {"version": "1.90.0", "dev": True},
            "node_modules/mocha": {"version": "11.0.0"}}},
        "packages/client/package.json": {"name": "my-ext-client", "private": True, "version": "1.0.0"},
        "packages/client/src/extension.ts": "import * as vscode from 'vscode';\nexport const activate = () => vscode.window;\n",
        "packages/itests/package.json": {"name": "my-itests", "private": True, "version": "1.0.0",
                                         "workspaces": {"nohoist": ["**"]}, "dependencies": {"mocha": "^11.0.0"}},
        "packages/itests/src/run.test.ts": "const vscode = require('vscode');\nexport const w = vscode.window;\n",
    })
    assert dep(root) == []


def _platform_workspace(root: Path, sibling_section: str) -> Path:
    packages = {f"packages/{n}/package.json": {"name": f"@acme/{n}", "version": "1.0.0", "main": "dist/index.js",
                                               **({sibling_section: {"@acme/platform": "1.0.0"}} if sibling_section else {})}
                for n in ("auth", "data")}
    return write(root, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/platform/package.json": {"name": "@acme/platform", "version": "1.0.0", "main": "dist/index.js"},
        "packages/platform/src/index.ts": "export class UserError extends Error {}\n",
        **packages,
        "packages/storage/package.json": {"name": "@acme/storage", "version": "1.0.0", "main": "dist/index.js",
                                          "devDependencies": {"@acme/platform": "1.0.0"}},
        "packages/storage/src/index.ts": "import { UserError } from '@acme/platform';\n\nexport const fail = () => new UserError();\n",
    })


@pytest.mark.parametrize("section,remedy", [
    ("dependencies", "move it to dependencies (as packages/auth/package.json, packages/data/package.json declare it)"),
    ("peerDependencies", "declare it in peerDependencies (this published package plugs into @acme/platform"),
    # the framework's plugins, each building against it from devDependencies (a commerce framework's 15 plugins)
    ("devDependencies", "declare it in peerDependencies (this published package plugs into @acme/platform"),
    # no sibling declares it: no evidence of a host (a schema package's sibling modules were called hosts, 7 DEP002)
    ("", "move it to dependencies (or to peerDependencies, when the application that installs this"),
])
def test_dep002_advises_the_section_the_sibling_packages_use_for_a_workspace_package(tmp_path, section, remedy):
    """A published package loads a workspace utility library it keeps in devDependencies (a cloud
    framework's constructs: 21 DEP002 saying the package "plugs into" a library its siblings list in
    `dependencies`): the advice follows the siblings; only where they take it as a peer, or build against it from
    devDependencies as this one does, is it a host."""
    root = _platform_workspace(tmp_path, section)
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert remedy in d.message


def test_dep002_on_a_private_workspace_package_says_no_section_can_install_it(tmp_path):
    """A published package's shipping code imports a private workspace package it keeps in
    devDependencies (a site builder's SDK: `templates` entries importing a `"private": true`
    templates package): the registry has no copy, so "declare it in peerDependencies or move it to
    dependencies" would break every install. The message says so, and no fix is offered. A
    published member keeps the usual advice."""
    root = _platform_workspace(tmp_path, "")
    manifest = {"name": "@acme/platform", "version": "1.0.0", "main": "dist/index.js", "private": True}
    write(root, {"packages/platform/package.json": manifest})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "@acme/platform is a private workspace package, never published" in d.message, d.message
    assert "bundle it into the build, or keep the code that imports it out of what ships" in d.message
    assert d.fix is None and "peerDependencies" not in d.message.split("; this file ships")[0]
    write(root, {"packages/platform/package.json": {**manifest, "private": False}})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "private workspace package" not in d.message and d.fix is not None


def test_dep002_leads_with_a_peer_where_the_published_siblings_keep_one(tmp_path):
    """A family of published Nest modules keeps `@nestjs/common` in peerDependencies; the graphql one
    keeps it only in devDependencies and imports it (a real Cognito integration: "move it to
    dependencies" first, where a second copy splits Nest's injector). The advice and the unsafe fix
    follow the siblings: a peer at the devDependency's range. Where more siblings depend on it than
    keep it as a peer, dependencies come first again."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "@s/core", "version": "1.0.0", "main": "lib/index.js",
                                       "peerDependencies": {"@nestjs/common": "^11.0.0"}},
        "packages/graphql/package.json": {"name": "@s/graphql", "version": "1.0.0", "main": "lib/index.js",
                                          "dependencies": {"@s/core": "1.0.0"},
                                          "devDependencies": {"@nestjs/common": "11.1.18"}},
        "packages/graphql/src/index.ts": "import { Injectable } from '@nestjs/common';\nexport const I = Injectable;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "declare it in peerDependencies, as packages/core/package.json keeps it" in d.message
    edited = json.loads(fixed(root, unsafe=True)["packages/graphql/package.json"])
    assert edited["peerDependencies"] == {"@nestjs/common": "11.1.18"}
    for name in ("auth", "data"):
        write(root, {f"packages/{name}/package.json": {"name": f"@s/{name}", "version": "1.0.0", "main": "lib/index.js",
                                                      "dependencies": {"@nestjs/common": "^11.0.0"}}})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "move it to dependencies (or to peerDependencies" in d.message


def _decoder_package(root: Path, index: str) -> Path:
    return write(root, {
        "package.json": {"name": "@acme/kafka", "version": "1.0.0", "main": "lib/index.js",
                         "devDependencies": {"avro-js": "^1.11.0", "protobufjs": "^7.0.0"}},
        "package-lock.json": {"lockfileVersion": 3, "packages": {
            "": {"name": "@acme/kafka"}, "node_modules/avro-js": {"version": "1.11.0", "dev": True},
            "node_modules/protobufjs": {"version": "7.0.0", "dev": True}}},
        "src/index.ts": index,
        "src/codec/avro.ts": "import avro from 'avro-js';\n\nexport const decode = (b: Buffer) => avro.parse(b);\n",
    })


def test_dep002_a_published_librarys_load_on_demand_is_an_optional_peer_through_local_modules_too(tmp_path):
    """A published library loads a codec module only when asked (`await import('./codec/avro.js')`
    in a function), and that module imports a package kept in devDependencies (a serverless toolkit:
    2 errors saying the service fails; its maintainers made the packages optional peers): a warning
    asking for an optional peer, as for `import('protobufjs')` in the function itself. A router's
    loader, an arrow function that only returns the load (`() => import('./codec/avro.js')`), is code
    splitting: the module loads with the app, and the finding stays an error."""
    index = ("export async function decoder(kind: string) {\n  if (kind === 'avro') return (await import('./codec/avro.js')).decode;\n"
             "  const pb = await import('protobufjs');\n  return pb.parse;\n}\n")
    root = _decoder_package(tmp_path, index)
    found = {d.extra["package"]: d for d in pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics}
    assert sorted(found) == ["avro-js", "protobufjs"]
    assert all(d.severity.value == "warning" and "marked optional in peerDependenciesMeta" in d.message and d.fix is None
               for d in found.values())
    assert "this file ships: loaded on demand (src/index.ts imports it in a function)" in found["avro-js"].message
    _decoder_package(tmp_path, "export const routes = [{ path: 'avro', load: () => import('./codec/avro.js') }];\n")
    [d] = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert (d.extra["package"], d.severity.value) == ("avro-js", "error")


def test_types_of_a_bare_name_that_a_types_named_member_holds_are_hoisted_like_any_member(tmp_path):
    """A private member named `@types/acme` holds the shared types that every package imports as
    `acme` (a serverless sample: 98 DEP001 for type-only imports, one in the member itself); npm
    links it at the root, where tsc finds it, as it finds any hoisted member whose types a file
    imports. Under pnpm, which links only what a package declares, it is reported."""
    lock = {"lockfileVersion": 3, "packages": {
        "": {"name": "acme", "workspaces": ["packages/*"]},
        "node_modules/@types/acme": {"resolved": "packages/types", "link": True},
        "node_modules/api": {"resolved": "packages/api", "link": True},
        "packages/types": {"name": "@types/acme"}, "packages/api": {"name": "api"}}}
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "package-lock.json": lock,
        "packages/types/package.json": {"name": "@types/acme", "private": True, "types": "src/index.d.ts"},
        "packages/types/src/index.d.ts": "export type Order = { id: string };\n",
        "packages/types/src/util.d.ts": "import { Order } from 'acme';\n\nexport type Orders = Order[];\n",
        "packages/api/package.json": {"name": "api", "private": True, "scripts": {"build": "tsc"}},
        "packages/api/src/handler.ts": "import type { Order } from 'acme';\n\nexport const make = (): Order => ({ id: '1' });\n",
    })
    assert dep(root) == []
    (root / "package-lock.json").unlink()
    write(root, {"pnpm-workspace.yaml": "packages:\n  - packages/*\n"})
    assert ("DEP001", "packages/api/src/handler.ts", "@types/acme") in dep(root)


def test_dep001_declares_a_versionless_npm_workspace_package_with_a_star(tmp_path):
    """A private member with no version (a shared library of a CDK sample: 5 findings whose
    `npm install @acme/common -w cdk` would look the name up in the registry): npm links a member
    for `"*"`, so that is the fix. A member with a version keeps its caret range."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "package-lock.json": {"lockfileVersion": 3, "packages": {
            "": {"name": "acme"}, "node_modules/@acme/common": {"resolved": "packages/common", "link": True},
            "node_modules/cdk": {"resolved": "packages/cdk", "link": True}}},
        "packages/common/package.json": {"name": "@acme/common", "private": True, "main": "src/index.ts"},
        "packages/common/src/index.ts": "export const region = 'eu-west-1';\n",
        "packages/cdk/package.json": {"name": "cdk", "private": True, "scripts": {"start": "node dist/main.js"}},
        "packages/cdk/src/main.ts": "import { region } from '@acme/common';\n\nexport const where = region;\n",
    })
    assert json.loads(fixed(root)["packages/cdk/package.json"])["dependencies"] == {"@acme/common": "*"}
    write(root, {"packages/common/package.json": {"name": "@acme/common", "version": "1.2.0", "private": True,
                                                  "main": "src/index.ts"}})
    assert json.loads(fixed(root)["packages/cdk/package.json"])["dependencies"] == {"@acme/common": "^1.2.0"}


def test_dep002_no_optional_feature_warning_where_shipping_code_loads_the_package_at_start_up(tmp_path):
    """A published test harness imports its framework at start-up in one file and on demand in
    another (`await import('@acme/core/dist/app.module.js')`): the framework is no optional feature,
    so only the start-up import is reported, as the ordinary error."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/testing", "version": "1.0.0", "main": "lib/index.js",
                         "devDependencies": {"@acme/core": "^3.0.0"}},
        "package-lock.json": {"lockfileVersion": 3, "packages": {"": {"name": "@acme/testing"},
                                                                 "node_modules/@acme/core": {"version": "3.0.0", "dev": True}}},
        "src/index.ts": "import { Logger } from '@acme/core';\nexport { start } from './server';\nexport const log = new Logger();\n",
        "src/server.ts": "export async function start() {\n  const app = await import('@acme/core/dist/app.module.js');\n"
                         "  return app.AppModule;\n}\n",
    })
    found = [(d.path.rsplit("/", 1)[-1], d.severity.value)
             for d in pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == [("index.ts", "error")]


def test_dep002_a_private_kit_whose_dependents_declare_the_package_needs_no_copy_of_its_own(tmp_path):
    """A private component kit shipped as source keeps react in devDependencies; every package that
    depends on it is bundled (a Next.js app) or declares react in `dependencies` (a worker), and bun
    hoists: wherever the kit's files run, react is installed (a finance app: 70 DEP002 asking to move
    react into the kit's dependencies, a second React). A dependent that does not declare it, or pnpm's
    strict layout, keeps the finding."""
    kit = {"name": "@acme/kit", "private": True, "exports": {"./button": "./src/button.tsx"},
           "devDependencies": {"react": "^19.0.0"}}
    worker = {"name": "@acme/worker", "private": True, "scripts": {"start": "node dist/index.js"},
              "dependencies": {"@acme/kit": "*", "react": "^19.0.0"}}
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["apps/*", "packages/*"], "packageManager": "bun@1.3.0"},
        "packages/kit/package.json": kit,
        "packages/kit/src/button.tsx": 'import { forwardRef } from "react";\n\nexport const Button = forwardRef(() => null);\n',
        "apps/web/package.json": {"name": "@acme/web", "private": True,
                                  "dependencies": {"@acme/kit": "*", "next": "15.0.0", "react": "^19.0.0"}},
        "apps/web/next.config.js": "module.exports = {};\n",
        "apps/worker/package.json": worker,
        "apps/worker/src/index.ts": 'import { Button } from "@acme/kit/button";\n\nconsole.log(Button);\n',
    })
    assert dep(root) == []
    write(root, {"apps/worker/package.json": {**worker, "dependencies": {"@acme/kit": "*"}}})
    assert dep(root) == [("DEP002", "packages/kit/src/button.tsx", "react")]
    write(root, {"apps/worker/package.json": worker, "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
                 "package.json": {"name": "root", "private": True, "packageManager": "pnpm@9.15.0"}})
    assert dep(root) == [("DEP002", "packages/kit/src/button.tsx", "react")]


def test_a_nest_monorepo_librarys_leftover_manifest_is_no_package_of_its_own(tmp_path):
    """A Nest CLI monorepo (one root manifest, nest-cli.json `projects`) whose library keeps a
    package.json with a `version` and a `main` into a dist/ nothing builds: the apps compile the
    library through tsconfig `paths`, and nothing installs or publishes its folder (21 DEP005 on a
    real monorepo). One that declares dependencies or has a build script, or a folder that is no
    library project of nest-cli.json, is still a package: reported."""
    nest = {"monorepo": True, "root": "apps/api", "compilerOptions": {"webpack": False, "tsConfigPath": "apps/api/tsconfig.app.json"},
            "projects": {"api": {"type": "application", "root": "apps/api", "sourceRoot": "apps/api/src"},
                         "dto": {"type": "library", "root": "libs/dto", "sourceRoot": "libs/dto/src"}}}
    label = {"name": "@app/dto", "version": "1.0.0", "main": "dist/index.js", "types": "dist/index.d.ts", "files": ["dist/**/*"]}
    files = {
        "package.json": {"name": "acme-backend", "private": True, "scripts": {"build": "nest build api", "start:prod": "node dist/apps/api/main"},
                         "dependencies": {"@nestjs/core": "^10.0.0", "class-validator": "^0.14.0"}},
        "nest-cli.json": nest,
        "tsconfig.json": {"compilerOptions": {"baseUrl": "./", "paths": {"@app/dto": ["libs/dto/src"]}}},
        "libs/dto/package.json": label,
        "libs/dto/src/index.ts": "import { IsEmail } from 'class-validator';\n\nexport class LoginDto {\n  @IsEmail() email!: string;\n}\n",
        "apps/api/src/main.ts": "import { LoginDto } from '@app/dto';\n\nconsole.log(new LoginDto());\n",
    }

    def found(name: str, changes: dict) -> list[str]:
        root = write(tmp_path / name, {**files, **changes})
        return [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics]

    assert found("label", {}) == []
    assert found("scripted", {"libs/dto/package.json": {**label, "scripts": {"build": "tsc -p tsconfig.lib.json"}}}) == ["class-validator"]
    assert found("declaring", {"libs/dto/package.json": {**label, "peerDependencies": {"@nestjs/core": "^10.0.0"}}}) == ["class-validator"]
    assert found("unlisted", {"nest-cli.json": {**nest, "projects": {"api": nest["projects"]["api"]}}}) == ["class-validator"]


def test_dep004_an_adapter_that_comes_beside_the_framework_a_member_brings_is_no_finding(tmp_path):
    """A published testing library calls `NestFactory.create()` with @nestjs/core arriving through
    the framework package it declares, which lists @nestjs/core and @nestjs/platform-express in its
    dependencies: the adapter is installed beside the core that loads it (a real e-commerce
    framework's testing package: a warning asking for a peer). DEP001 still speaks of @nestjs/core.
    When the framework package lacks the adapter, the warning stays."""
    core = {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js",
            "dependencies": {"@nestjs/core": "^10.0.0", "@nestjs/common": "^10.0.0", "@nestjs/platform-express": "^10.0.0"}}
    files = {
        "package.json": {"name": "ws", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": core,
        "packages/core/src/index.ts": "export const core = 1;\n",
        "packages/testing/package.json": {"name": "@acme/testing", "version": "1.0.0", "main": "lib/index.js",
                                          "devDependencies": {"@acme/core": "1.0.0"}},
        "packages/testing/src/index.ts": "import { NestFactory } from '@nestjs/core';\n\n"
                                         "export const start = (m: any) => NestFactory.create(m);\n",
    }

    def found(name: str, changes: dict) -> list[str]:
        root = write(tmp_path / name, {**files, **changes})
        return sorted(d.code for d in pipeline.lint([str(root)], Settings(select=["DEP001", "DEP004"]), use_cache=False).diagnostics)

    assert found("beside", {}) == ["DEP001"]
    lacking = {**core, "dependencies": {"@nestjs/core": "^10.0.0", "@nestjs/common": "^10.0.0"}}
    assert found("lacking", {"packages/core/package.json": lacking}) == ["DEP001", "DEP004"]


def test_dep002_a_library_with_a_command_of_its_own_loads_optional_features_on_demand_too(tmp_path):
    """A published NestJS library that also has a `bin` (a type generator) loads `typescript` only
    on demand, in a function, from its module and from its command: an optional feature its users
    install, as for a library without a `bin` (a real i18n library made the load lazy after an eager
    one broke production installs; the linter said "move it to dependencies"). A command-line tool
    alone (a `bin` and nothing to import) keeps the error."""
    files = {
        "package.json": {"name": "nest-lingo", "version": "1.0.0", "main": "dist/index.js", "bin": {"lingo": "./bin/lingo.js"},
                         "scripts": {"build": "tsc -p tsconfig.json"}, "peerDependencies": {"@nestjs/common": "*"},
                         "devDependencies": {"@nestjs/common": "^11.0.0", "typescript": "^5.6.0"}},
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "dist", "rootDir": "src"}},
        "bin/lingo.js": "require('../dist/cli/main.js').main();\n",
        "src/utils/typegen.ts": "import ts from 'typescript';\n\nexport const printType = (n: string) => ts.factory.createIdentifier(n);\n",
        "src/index.ts": "export async function generateTypes() {\n  try {\n    const g = await import('./utils/typegen');\n"
                        "    g.printType('K');\n  } catch {\n    console.error('typescript not installed');\n  }\n}\n",
        "src/cli/main.ts": "export async function main() {\n  const g = await import('../utils/typegen');\n  console.log(g.printType('K'));\n}\n",
    }

    def found(name: str, changes: dict) -> list[tuple[str, str]]:
        root = write(tmp_path / name, {**files, **changes})
        return [(d.extra["package"], d.severity.value) for d in
                pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]

    assert found("library", {}) == [("typescript", "warning")]
    tool = {k: v for k, v in files["package.json"].items() if k != "main"}
    assert found("tool", {"package.json": tool}) == [("typescript", "error")]


TYPES_HOIST_LOCK = PUBLIC_HOIST_LOCK.replace("'@prisma/client':\n        specifier: ^6.19.3\n        version: 6.19.3",
                                             "'@types/aws-lambda':\n        specifier: ^8.10.0\n        version: 8.10.150") \
    .replace("'@prisma/client@6.19.3':\n    resolution", "'@types/aws-lambda@8.10.150':\n    resolution") \
    .replace("'@prisma/client@6.19.3': {}", "'@types/aws-lambda@8.10.150': {}")


@pytest.mark.parametrize("importer", ["main.spec.ts", "main.ts"])
@pytest.mark.parametrize("npmrc, reported", [("public-hoist-pattern[]=@types/*\n", False), ("", True)])
def test_types_pnpm_hoists_publicly_serve_a_test_files_type_import(tmp_path, npmrc, reported, importer):
    """`import type { Context } from 'aws-lambda'` in a test file of a member that declares no
    `@types/aws-lambda`, which another member brings and `.npmrc` `public-hoist-pattern[]=@types/*`
    puts in the root node_modules: tsc finds it there, as a hoisted package serves a test's value
    import (a real monorepo: 2 DEP001). So does the member's own source (an RPC library's example
    app: 1 DEP001): the pattern puts the types there on purpose. Without the pattern pnpm keeps it
    in that member's folder."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
        "pnpm-lock.yaml": TYPES_HOIST_LOCK,
        ".npmrc": npmrc,
        "packages/db/package.json": {"name": "@acme/db", "version": "1.0.0", "private": True, "main": "./src/index.ts",
                                     "dependencies": {"@types/aws-lambda": "^8.10.0"}},
        "packages/db/src/index.ts": "import type { Handler } from 'aws-lambda';\nexport const handler: Handler = async () => 1;\n",
        "apps/web/package.json": {"name": "web", "version": "1.0.0", "private": True,
                                  "scripts": {"start": "node dist/main.js"}, "dependencies": {"@acme/db": "workspace:*"}},
        "apps/web/src/main.ts": "export const main = 1;\n",
        f"apps/web/src/{importer}": "import type { Context } from 'aws-lambda';\nexport const ctx = {} as Context;\n",
    })
    assert [path for _, path, _ in dep(root, select=("DEP001",))] == ([f"apps/web/src/{importer}"] if reported else [])


FASTIFY_LOCK = """lockfileVersion: '9.0'

importers:

  .: {}

  apps/api:
    dependencies:
      '@nestjs/platform-fastify':
        specifier: ^10.4.0
        version: 10.4.15(fastify@4.28.1)

packages:

  '@nestjs/platform-fastify@10.4.15':
    resolution: {integrity: sha512-AAAA}

  fastify@4.28.1:
    resolution: {integrity: sha512-BBBB}

snapshots:

  '@nestjs/platform-fastify@10.4.15(fastify@4.28.1)':
    dependencies:
      fastify: 4.28.1

  fastify@4.28.1: {}
"""


@pytest.mark.parametrize("patterns, value_import, reported", [
    (["*fastify*"], False, False), (["*fastify*"], True, True), (["*"], False, True), ([], False, True)])
def test_a_type_import_of_a_package_a_hoist_pattern_names_resolves_at_the_root(tmp_path, patterns, value_import,
                                                                                 reported):
    """`import type { FastifyReply } from 'fastify'` in a service that declares
    `@nestjs/platform-fastify`, which brings fastify, with `publicHoistPattern: ['*fastify*']`: the
    repository asked pnpm to put that name in the root node_modules, where tsc finds it, and the
    types are erased (a real Nest server: 35 DEP001). A value import still needs its declaration;
    the blanket `*` (shamefully-hoist) names nothing on purpose; without a pattern pnpm hides it."""
    workspace = "packages:\n  - apps/*\n" + ("publicHoistPattern:\n" + "".join(f"  - '{p}'\n" for p in patterns)
                                            if patterns else "")
    use = "FastifyReply.prototype" if value_import else "{} as FastifyReply"
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": workspace,
        "pnpm-lock.yaml": FASTIFY_LOCK,
        "apps/api/package.json": {"name": "api", "version": "1.0.0", "private": True,
                                  "scripts": {"start": "node dist/main.js"},
                                  "dependencies": {"@nestjs/platform-fastify": "^10.4.0"}},
        "apps/api/src/main.ts": f"import {'' if value_import else 'type '}{{ FastifyReply }} from 'fastify';\n"
                                f"export const reply = {use};\n",
    })
    assert [path for _, path, _ in dep(root, select=("DEP001",))] == (["apps/api/src/main.ts"] if reported else [])


@pytest.mark.parametrize("config, text", [
    ("deno.json", {"imports": {"std/": "https://deno.land/std@0.192.0/", "pg-pool": "npm:pg-pool@3.6.0"}}),
    ("deno.jsonc", "// the map is in its own file\n{ \"importMap\": \"./import_map.json\", }\n"),
    (None, None)])
def test_names_a_deno_import_map_resolves_need_no_declaration(tmp_path, config, text):
    """Deno code in a Node repository (`examples/deno-app`, deployed to Deno Deploy) names its
    dependencies in its import map: `std/` as a prefix, `pg-pool` as a name, in deno.json(c) or the
    file its `importMap` names. Deno resolves them; no package.json declares them (3 DEP001 on real
    repositories). Without a Deno config both are reported; a name the map lacks always is."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["examples/*"]},
        "examples/deno-app/package.json": {"name": "deno-app", "private": True},
        "examples/deno-app/import_map.json": {"imports": {"std/": "https://deno.land/std@0.192.0/", "pg-pool": "npm:pg-pool@3.6.0"}},
        "examples/deno-app/src/main.ts": "import { delay } from 'std/async/delay.ts';\nimport Pool from 'pg-pool';\n"
                                         "import kleur from 'kleur';\n\nawait delay(new Pool().totalCount);\nkleur.red('x');\n",
    }
    if config is not None:
        files[f"examples/deno-app/{config}"] = text
    root = write(tmp_path, files)
    found = sorted(package for _, _, package in dep(root, select=("DEP001",)))
    assert found == (["kleur"] if config else ["kleur", "pg-pool", "std"])


@pytest.mark.parametrize("workspace", [True, False])
def test_a_deno_workspace_gives_its_members_the_roots_map_and_the_members_names(tmp_path, workspace):
    """A Deno workspace (`"workspace": [...]` in the root's deno.json) merges the root's import map into each
    member's and resolves the members by their `name`: a tool of the workspace importing `@std/path` (mapped at
    the root) and `@acme/core` (a member), and `@std/fs/walk`, a subpath of a name its own map sends to `jsr:`
    (a federation library: 55 DEP001 and IMP001). Without the workspace key, the root's map is not the member's."""
    root_config = {"imports": {"@std/path": "jsr:@std/path@^1.0.6"}}
    if workspace:
        root_config["workspace"] = ["./packages/core", "./tools/harness"]
    root = write(tmp_path, {
        "package.json": {"private": True},
        "deno.json": root_config,
        "packages/core/deno.json": {"name": "@acme/core", "version": "1.0.0", "exports": "./mod.ts"},
        "packages/core/mod.ts": "export const x = 1;\n",
        "tools/harness/deno.json": {"tasks": {"start": "deno run -A main.ts"}, "imports": {"@std/fs": "jsr:@std/fs@^1.0.3"}},
        "tools/harness/main.ts": "import { join } from '@std/path';\nimport { walk } from '@std/fs/walk';\n"
                                 "import { x } from '@acme/core';\n\nconsole.log(join('a', 'b'), walk, x);\n",
    })
    found = sorted(package for _, _, package in dep(root, select=("DEP001",)))
    assert found == ([] if workspace else ["@acme/core", "@std/path"])


@pytest.mark.parametrize("folder, mapped", [("supabase/functions", True), ("edge/functions", False)])
def test_the_supabase_functions_import_map_maps_their_names(tmp_path, folder, mapped):
    """`supabase/functions/import_map.json`, which the Supabase CLI reads for every Edge Function
    below it: `stripe` and `@std/` there are Deno's to resolve, no package.json's (7 DEP001 advising
    `npm install` in a Next.js app's manifest). An `import_map.json` elsewhere, which no Deno config
    names, maps nothing."""
    root = write(tmp_path, {
        "package.json": {"name": "app", "private": True, "scripts": {"build": "next build"}},
        f"{folder}/import_map.json": {"imports": {"stripe": "https://esm.sh/stripe@14.0.0",
                                                  "@std/": "https://deno.land/std@0.168.0/"}},
        f"{folder}/hello/index.ts": "import Stripe from 'stripe';\nimport { serve } from '@std/http/server.ts';\n\n"
                                    "serve(() => new Response(String(Stripe)));\n",
    })
    found = sorted(package for _, _, package in dep(root, select=("DEP001",)))
    assert found == ([] if mapped else ["@std/http", "stripe"])


@pytest.mark.parametrize("flag, mapped", [("--import-map=test.importmap.json", True), ("--import-map test.importmap.json", True),
                                          ("", False)])
def test_an_import_map_a_deno_script_names_maps_its_names(tmp_path, flag, mapped):
    """`"test": "deno test -A --import-map=test.importmap.json"`: the map sends `@acme/analytics-real`
    to the app's own source, which a test mock re-exports (a status page's server: 3 IMP001 errors
    saying the name belongs to no package of the workspace). Without the flag, nothing maps it."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["apps/*"]},
        "apps/server/package.json": {"name": "@acme/server", "version": "0.0.1", "type": "module", "main": "src/index.ts",
                                     "scripts": {"start": "deno run -A src/index.ts", "test": f"deno test -A --no-check {flag}"}},
        "apps/server/test.importmap.json": {"imports": {"@acme/analytics-real": "./src/analytics.ts"}},
        "apps/server/src/analytics.ts": "export const track = (e: string) => console.log(e);\n",
        "apps/server/src/index.ts": "import { track } from './analytics.ts';\ntrack('start');\n",
        "apps/server/src/test/analytics.mock.ts": "export { track } from '@acme/analytics-real';\n",
    })
    found = [d.code for d in pipeline.lint([str(root)], Settings(select=["IMP", "DEP"]), use_cache=False).diagnostics]
    assert found == ([] if mapped else ["IMP001"]), found


@pytest.mark.parametrize("config", ["deno.jsonc", "deno.json", None])
def test_a_deno_script_s_import_map_maps_beside_the_config_s_own(tmp_path, config):
    """A Deno server with a config of its own (`"imports": {"@/": "./src/"}`) whose test script also passes
    `--import-map=test.importmap.json`: the script's map still maps `@acme/analytics-real` (a status page's
    test doubles: 3 IMP001 errors, the config's map read instead of both)."""
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["apps/*"]},
        "apps/server/package.json": {"name": "@acme/server", "version": "0.0.1", "main": "src/index.ts",
                                     "scripts": {"test": "deno test -A --import-map=test.importmap.json"}},
        "apps/server/test.importmap.json": {"imports": {"@acme/analytics-real": "./src/analytics.ts"}},
        "apps/server/src/analytics.ts": "export const track = (e: string) => console.log(e);\n",
        "apps/server/src/index.ts": "import { track } from '@/analytics.ts';\ntrack('start');\n",
        "apps/server/src/test/analytics.mock.ts": "export { track } from '@acme/analytics-real';\n",
    }
    if config is not None:
        files[f"apps/server/{config}"] = '{\n  "imports": {\n    "@/": "./src/",\n  },\n}\n'
    root = write(tmp_path, files)
    found = [(d.code, d.extra.get("package") or d.message.split("`")[1])
             for d in pipeline.lint([str(root)], Settings(select=["IMP", "DEP"]), use_cache=False).diagnostics]
    assert found == ([] if config else [("IMP001", "@/analytics.ts")]), found


def test_a_side_effect_import_only_a_declared_types_package_spells_needs_no_install(tmp_path):
    """`import 'recurly__recurly-js'` in a global declarations file no entry reaches: DefinitelyTyped's
    spelling of `@recurly/recurly-js`, which only the declared `@types/recurly__recurly-js` holds; tsc
    resolves it there (an editor's web app: a DEP001 advising to install a package of that name). The same
    import in a file the service's entry reaches would fail to load: still reported."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["services/*"]},
        "services/web/package.json": {"name": "@acme/web", "version": "1.0.0", "private": True, "main": "src/index.ts",
                                      "devDependencies": {"@types/recurly__recurly-js": "^4.38.0", "typescript": "^5.4.0"}},
        "services/web/tsconfig.json": {"compilerOptions": {"strict": True, "noEmit": True}, "include": ["src", "types"]},
        "services/web/types/window.ts": "import 'recurly__recurly-js'\n\ndeclare global {\n  interface Window "
                                        "{ recurlyReady: boolean }\n}\nexport {}\n",
        "services/web/src/index.ts": "import './checkout';\n\nexport const ready = (): boolean => window.recurlyReady;\n",
        "services/web/src/checkout.ts": "import 'recurly__other-js';\n",
    })
    assert dep(root, select=("DEP001",)) == [("DEP001", "services/web/src/checkout.ts", "recurly__other-js")]
    write(root, {"services/web/package.json": {
        "name": "@acme/web", "version": "1.0.0", "private": True, "main": "src/index.ts",
        "devDependencies": {"@types/recurly__recurly-js": "^4.38.0", "@types/recurly__other-js": "^1.0.0"}}})
    assert dep(root, select=("DEP001",)) == [("DEP001", "services/web/src/checkout.ts", "recurly__other-js")]


def test_a_likely_peer_is_advised_as_the_fix_writes_it(tmp_path):
    """A published package keeping its framework's packages in peerDependencies imports another of
    them undeclared: the fix declares it in peerDependencies, and the message advises the same,
    instead of "add it to dependencies" followed by "the fix declares it in peerDependencies instead"."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/rpc/package.json": {"name": "@acme/rpc", "version": "1.0.1", "main": "dist/index.js"},
        "packages/rpc/src/index.ts": "export class RpcClient {}\n",
        "packages/broker/package.json": {"name": "@acme/broker", "version": "1.0.1", "main": "dist/index.js",
                                         "dependencies": {"@acme/rpc": "^1.0.1"}},
        "packages/ui/package.json": {"name": "@acme/ui", "version": "1.0.1", "main": "dist/index.js",
                                     "peerDependencies": {"@acme/core": "^1.0.1"}},
        "packages/ui/src/index.ts": "import { RpcClient } from '@acme/rpc';\n\nexport const client = new RpcClient();\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "@acme/rpc": "^1.0.1" to peerDependencies (' in d.message, d.message
    assert "to dependencies" not in d.message and d.message.endswith("is likely a peer too (unsafe fix: review)")
    assert d.fix.applicability.value == "unsafe" and d.fix.edits[0].json_edit[1] == "peerDependencies"
    # its dependencies hold packages of that scope too (an observability SDK: its own OpenTelemetry SDK
    # packages in dependencies, framework instrumentations as optional peers): no sign it is a peer
    write(root, {"packages/ui/package.json": {"name": "@acme/ui", "version": "1.0.1", "main": "dist/index.js",
                                              "peerDependencies": {"@acme/core": "^1.0.1"},
                                              "dependencies": {"@acme/broker": "^1.0.1"}}})
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'add "@acme/rpc": "^1.0.1" to dependencies (' in d.message and "likely a peer" not in d.message, d.message


def test_a_package_another_project_declares_is_not_in_this_projects_install(tmp_path):
    """`backend/` and `storefront/`, two projects side by side, each with its own lockfile: the
    storefront declares `@hookform/resolvers`, the backend's yarn.lock holds it only as something
    another package brings. A backend test file importing it is not served by a declaration of
    the other project (a real starter: 2 DEP001 missed). Declared by a member of the backend's own
    workspace, the hoisted install has it."""
    lock = ('# yarn lockfile v1\n\n\n"@hookform/resolvers@^3.9.0":\n  version "3.9.1"\n\n'
            '"@acme/dashboard@^1.0.0":\n  version "1.0.0"\n  dependencies:\n    "@hookform/resolvers" "^3.9.0"\n')
    files = {
        "backend/package.json": {"name": "backend", "private": True, "dependencies": {"@acme/dashboard": "^1.0.0"}},
        "backend/yarn.lock": lock,
        "backend/src/form.test.ts": "import { zodResolver } from '@hookform/resolvers/zod';\n\nexport const r = zodResolver;\n",
        "storefront/package.json": {"name": "storefront", "private": True, "dependencies": {"@hookform/resolvers": "^3.9.0"}},
        "storefront/yarn.lock": '# yarn lockfile v1\n\n\n"@hookform/resolvers@^3.9.0":\n  version "3.9.1"\n',
    }
    root = write(tmp_path / "apart", files)
    (root / ".git").mkdir()
    assert [(p, pkg) for _, p, pkg in dep(root, select=("DEP001",))] == [("backend/src/form.test.ts", "@hookform/resolvers")]
    together = write(tmp_path / "together", {
        "package.json": {"name": "shop", "private": True, "workspaces": ["backend", "admin"]},
        "yarn.lock": lock,
        "backend/package.json": files["backend/package.json"],
        "backend/src/form.test.ts": files["backend/src/form.test.ts"],
        "admin/package.json": {"name": "admin", "private": True, "dependencies": {"@hookform/resolvers": "^3.9.0"}},
    })
    assert dep(together, select=("DEP001",)) == []


@pytest.mark.parametrize("dev, reported", [({}, True), ({"@types/k6": "^0.54.0"}, False)])
def test_k6_modules_are_the_runtimes_and_need_only_their_types(tmp_path, dev, reported):
    """`import http from 'k6/http'` in a load test `k6 run` executes: the k6 runtime gives the module,
    and the npm package `k6` is not it, so "run npm install --save-dev k6" was wrong advice (28 such
    findings on a real monorepo). What tsc needs is `@types/k6`: a warning naming it, and nothing
    once it is declared, with or without a lockfile."""
    root = write(tmp_path, {
        "package.json": {"name": "svc", "version": "1.0.0", "private": True, "scripts": {"perf": "k6 run perf/load.ts"},
                         "devDependencies": {"typescript": "^5.4.0", **dev}},
        "perf/load.ts": ("import http from 'k6/http';\nimport { check } from 'k6';\n\nexport const options = { vus: 10 };\n"
                         "export default function () {\n  check(http.get('http://x'), {});\n}\n"),
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert len(diags) == (2 if reported else 0)
    if reported:
        assert all(d.severity.value == "warning" and d.fix is None and "install --save-dev @types/k6" in d.message
                   and "module of the k6 runtime" in d.message for d in diags)


def test_aws_lambdas_handler_types_need_only_their_types_package(tmp_path):
    """`import { APIGatewayProxyHandler } from 'aws-lambda'` in a Lambda handler: the name is the one
    @types/aws-lambda declares for the runtime's events; the npm `aws-lambda` is a deploy tool, so
    "add -D aws-lambda" was wrong advice (a serverless notes app). The warning names the types."""
    root = write(tmp_path, {
        "package.json": {"name": "fn", "version": "1.0.0", "private": True, "devDependencies": {"typescript": "^5.4.0"}},
        "src/handler.ts": "import type { APIGatewayProxyHandler } from 'aws-lambda';\n\n"
                          "export const handler: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: '' });\n",
    })
    (d,) = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    assert "install --save-dev @types/aws-lambda" in d.message and "AWS Lambda's Node.js runtime" in d.message, d.message
    assert d.severity.value == "warning"


def test_a_version_from_the_root_lockfile_is_named_another_projects_in_a_nested_project(tmp_path):
    """An example app with a yarn.lock of its own that holds no `dayjs`: the version offered comes from
    the repository root's yarn.lock, another project's install, and the message says so rather than
    "yarn.lock resolves", which reads as the app's own lockfile (a real example's DEP003)."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"], "devDependencies": {}},
        "yarn.lock": '# yarn lockfile v1\n\n\ndayjs@^1.11.0:\n  version "1.11.13"\n',
        "packages/a/package.json": {"name": "a", "version": "1.0.0"},
        "examples/demo/package.json": {"name": "demo", "private": True, "dependencies": {"ms": "^2.1.3"}},
        "examples/demo/yarn.lock": '# yarn lockfile v1\n\n\nms@^2.1.3:\n  version "2.1.3"\n',
        "examples/demo/index.ts": "import dayjs from 'dayjs';\nimport ms from 'ms';\n\nconsole.log(dayjs(), ms('1s'));\n",
    })
    diags = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
             if d.path.endswith("index.ts")]
    assert [d.extra["package"] for d in diags] == ["dayjs"]
    assert "(the repository root's yarn.lock, another project's install, resolves 1.11.13)" in diags[0].message, \
        diags[0].message


@pytest.mark.parametrize("mock, expected", [("src/__mocks__/createThing.js", None),
                                            ("src/lib/__mocks__/createThing.js", "likely no package at all")])
def test_a_bare_name_a_jest_manual_mock_supplies_is_no_package(tmp_path, mock, expected):
    """`require('createThing')` in a test, with `src/__mocks__/createThing.js` above it: Jest registers
    manual mocks by file name and resolves the bare name to it (a real runtime's tests: 18 DEP001
    advising `yarn add createRuntime`). A mock in no folder above the test does not count; the name,
    with capitals no npm package takes and known nowhere, gets no install command then."""
    root = write(tmp_path, {
        "package.json": {"name": "rt", "version": "1.0.0", "main": "build/index.js",
                         "devDependencies": {"jest": "^30.0.0"}},
        "src/index.ts": "export const run = () => 1;\n",
        mock: "module.exports = () => ({});\n",
        "src/__tests__/a.test.ts": "let createThing: () => unknown;\n\nbeforeEach(() => {\n"
                                   "  createThing = require('createThing');\n});\n\ntest('x', () => createThing());\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    if expected is None:
        assert diags == []
    else:
        [d] = diags
        assert expected in d.message and d.fix is None and "yarn add" not in d.message and "npm install" not in d.message


@pytest.mark.parametrize("extra, reported", [({}, False), ({"main": "index.js"}, True)])
def test_a_dependency_list_inside_a_member_is_data_not_a_package(tmp_path, extra, reported):
    """`src/frameworks/package.json` inside a CLI package lists the framework CLIs it runs, so that a
    dependency bot bumps them, and the code reads it as JSON: no package manager installs it, and the
    files beside it resolve from the CLI's node_modules (a real scaffolder: 3 DEP001 advising
    `pnpm add --ignore-workspace` there). One with an entry (an Electron app's manifest) stays a
    package of its own."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "packages/cli/package.json": {"name": "create-acme", "version": "1.0.0", "bin": "./dist/cli.js",
                                      "dependencies": {"kleur": "^4.1.5"}},
        "packages/cli/src/frameworks/package.json": {"name": "frameworks-cli-dependencies",
                                                     "dependencies": {"create-foo": "1.0.0"}, **extra},
        "packages/cli/src/frameworks/index.ts": "import kleur from 'kleur';\nimport versions from './package.json';\n\n"
                                                "export const show = () => kleur.green(String(versions));\n",
        "packages/cli/src/cli.ts": "import { show } from './frameworks/index';\n\nshow();\n",
    })
    found = [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert found == (["kleur"] if reported else []), found


def test_a_private_helper_package_only_tests_import_relies_on_the_hoisted_install_like_a_test(tmp_path):
    """A private test-suite package whose entry only the members' tests import is dev-only once
    settled (no manifest depends on it); in a hoisting install (npm workspaces) its imports of
    members and of packages siblings declare are found at the root, as the tests' own imports are
    (two GraphQL monorepos: 13 DEP001 asking the helper to declare what every test file may use
    undeclared). A package nothing declares stays reported, and so does the same helper under pnpm."""
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["core", "testsuite"]},
        "package-lock.json": {"lockfileVersion": 3, "packages": {
            "": {"name": "acme", "workspaces": ["core", "testsuite"]},
            "core": {"name": "@acme/core", "version": "1.0.0", "dependencies": {"graphql": "16.8.1"}},
            "testsuite": {"name": "acme-testsuite", "version": "1.0.0"},
            "node_modules/@acme/core": {"resolved": "core", "link": True},
            "node_modules/acme-testsuite": {"resolved": "testsuite", "link": True},
            "node_modules/graphql": {"version": "16.8.1"}}},
        "core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js",
                              "dependencies": {"graphql": "16.8.1"}},
        "core/src/index.ts": "export const parse = (s: string) => s;\n",
        "core/src/__tests__/core.test.ts": "import { fixtures } from 'acme-testsuite';\n\ntest('x', () => fixtures);\n",
        "testsuite/package.json": {"name": "acme-testsuite", "version": "1.0.0", "private": True, "main": "src/index.ts"},
        "testsuite/src/index.ts": "import { parse } from '@acme/core';\nimport { graphql } from 'graphql';\n"
                                  "import diff from 'jest-diff';\n\nexport const fixtures = [parse('a'), graphql, diff];\n",
    })
    assert dep(root) == [("DEP001", "testsuite/src/index.ts", "jest-diff")]
    (root / "package-lock.json").unlink()
    write(root, {"pnpm-workspace.yaml": "packages:\n  - core\n  - testsuite\n"})
    assert {p for c, f, p in dep(root) if f == "testsuite/src/index.ts"} == {"@acme/core", "graphql", "jest-diff"}


@pytest.mark.parametrize("scripts, reported", [(None, False), ({"start": "node dist/main.js"}, True)])
def test_dep005_is_silent_for_a_nameless_source_package_the_members_inline(tmp_path, scripts, reported):
    """`shared/integration/package.json` has no name, no entry and no scripts: nothing can install,
    filter, deploy or depend on it, and the members compile its files in through an alias (an
    atomic-CSS monorepo: 3 DEP005 warning of a per-service install of it), as for a named private
    package nothing lists. One that starts a service may be installed alone where it is deployed."""
    manifest = {"private": True, "version": "1.0.0", "dependencies": {"@acme/core": "workspace:*"}}
    if scripts:
        manifest["scripts"] = scripts
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "devDependencies": {"magic-string": "^0.30.17"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n  - shared/*\n",
        "tsconfig.json": {"compilerOptions": {"paths": {"#integration/*": ["./shared/integration/src/*.ts"]}}},
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "dist/index.js"},
        "packages/core/src/index.ts": "export const core = 1;\n",
        "shared/integration/package.json": manifest,
        "shared/integration/src/content.ts": "import MagicString from 'magic-string';\n\nexport const s = new MagicString('x');\n",
    })
    assert (("DEP005", "shared/integration/src/content.ts", "magic-string") in dep(root)) is reported


def test_dep005_says_when_the_root_keeps_the_package_in_dev_dependencies(tmp_path):
    """Shipping code of a member uses `class-validator`, which the root declares only in its
    devDependencies: the message says so, since a production install of the root leaves it out as
    well (a real Vue + Nest monorepo: 13 findings whose "(as in the root package.json)" hid it). A
    package the root keeps in dependencies is named as before."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/*"],
                         "dependencies": {"@nestjs/common": "^10.0.0"}, "devDependencies": {"class-validator": "^0.14.0"}},
        "apps/api/package.json": {"name": "api", "version": "1.0.0", "private": True, "scripts": {"start": "node dist/main.js"}},
        "apps/api/src/main.ts": ("import { Injectable } from '@nestjs/common';\nimport { IsString } from 'class-validator';\n"
                                 "export const all = [Injectable, IsString];\n"),
    })
    found = {d.extra["package"]: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics}
    assert found["class-validator"].startswith('"class-validator" is declared only in the root package.json, and there '
                                               "only in devDependencies, which a production install leaves out: ")
    assert "devDependencies" not in found["@nestjs/common"].split(":")[0]


def test_a_workspace_packages_name_under_another_scope_is_no_package_to_install(tmp_path):
    """`@boilerplate/common` in two specs of a boilerplate whose bootstrap renamed its scope to
    `@app/`: the workspace's `@app/common` is what the import means; `yarn add @boilerplate/common`
    would fetch an unrelated (or squatted) package (a real GraphQL boilerplate: 2 findings). The
    finding stays, with no install command and no fix."""
    root = write(tmp_path, {
        "package.json": {"name": "app", "private": True, "workspaces": ["packages/*"], "devDependencies": {"jest": "^29.7.0"}},
        "packages/common/package.json": {"name": "@app/common", "version": "0.0.0", "private": True, "main": "src/index.ts"},
        "packages/common/src/index.ts": "export const WHO_AM_I = 'q';\n",
        "packages/web/package.json": {"name": "@app/web", "version": "0.0.0", "private": True,
                                      "dependencies": {"@app/common": "0.0.0"}, "scripts": {"test": "jest"}},
        "packages/web/src/index.spec.ts": "import { WHO_AM_I } from '@boilerplate/common';\ntest('q', () => expect(WHO_AM_I).toBe('q'));\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'import "@app/common" rather than install anything' in d.message and d.fix is None
    assert "yarn" not in d.message and "npm install" not in d.message


def test_a_project_outside_the_workspace_is_told_of_no_renamed_scope(tmp_path):
    """`@shikijs/core` in a documentation site outside the workspace, which installs on its own: the
    workspace's `@acme/core` shares the name's second half by chance, not by a renamed scope (a real
    SDK's site was told to import `@nestia/core`, an unrelated package); a member still is."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "@acme/core", "version": "1.0.0", "main": "src/index.ts"},
        "packages/core/src/index.ts": "export const core = 1;\n",
        "site/package.json": {"name": "site", "private": True, "scripts": {"build": "next build"}},
        "site/src/Highlight.tsx": "import { createHighlighter } from '@shikijs/core';\n\nexport const h = createHighlighter;\n",
        "packages/web/package.json": {"name": "@acme/web", "version": "1.0.0", "private": True},
        "packages/web/src/index.ts": "import { core } from '@other/core';\n\nexport const c = core;\n",
    }
    messages = {d.extra["package"]: d.message for d in pipeline.lint(
        [str(write(tmp_path, files))], Settings(select=["DEP001"]), use_cache=False).diagnostics}
    assert "renamed" not in messages["@shikijs/core"], messages
    assert 'import "@acme/core" rather than install anything' in messages["@other/core"], messages


def test_a_test_runner_that_ships_is_advised_out_of_the_shipping_code_never_into_dependencies(tmp_path):
    """A service's entry reaches a helper that imports vitest (a PGlite test database a shared module
    re-exports): the import really fails in production, but "move vitest to dependencies" would ship a
    test runner (a monorepo's db package: the reviewer's advice). The message says to keep the test
    support out of what ships, and no fix moves the runner."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "private": True, "scripts": {"build": "tsc", "start": "node dist/main.js"},
                         "dependencies": {"@nestjs/core": "^10.0.0"}, "devDependencies": {"vitest": "^2.0.0"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]},
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { freshDb } from './db';\n"
                       "NestFactory.create(freshDb as never);\n",
        "src/db.ts": "import { onTestFinished } from 'vitest';\nexport const freshDb = () => onTestFinished(() => {});\n",
    })
    (d,) = pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics
    assert "move it to dependencies" not in d.message, d.message
    assert "a test runner is no runtime dependency" in d.message, d.message
    assert d.fix is None


@pytest.mark.parametrize("manager, private, reported", [("npm", True, []), ("npm", False, ["DEP002"]),
                                                        ("pnpm", True, ["DEP002"])])
def test_a_private_member_kept_in_devdependencies_is_linked_by_every_install(tmp_path, manager, private, reported):
    """A shared library keeps the private `@acme/logs` in devDependencies (`file:../logs`) and its
    production code imports it: no registry install holds a private package whatever the section, and
    npm's lockfile links every workspace member, a production install too (a real integrations
    platform, 1 DEP002 blaming "an install from the registry"). A member that is not private may be
    installed from the registry; pnpm's `--prod` install leaves a package's dev links out: both reported."""
    workspace = {"pnpm-workspace.yaml": "packages:\n  - packages/*\n"} if manager == "pnpm" else {
        "package-lock.json": {"name": "mono", "lockfileVersion": 3, "packages": {
            "": {"name": "mono", "workspaces": ["packages/*"]},
            **{f"node_modules/@acme/{n}": {"resolved": f"packages/{n}", "link": True} for n in ("logs", "server", "shared")},
            "packages/logs": {"name": "@acme/logs", "version": "1.0.0"},
            "packages/server": {"name": "@acme/server", "version": "1.0.0",
                                "dependencies": {"@acme/logs": "file:../logs", "@acme/shared": "file:../shared"}},
            "packages/shared": {"name": "@acme/shared", "version": "0.49.0", "devDependencies": {"@acme/logs": "file:../logs"}}}}}
    logs = {"name": "@acme/logs", "version": "1.0.0", "main": "./lib/index.ts", **({"private": True} if private else {})}
    root = write(tmp_path, {
        **workspace,
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"],
                         "packageManager": "pnpm@9.12.0" if manager == "pnpm" else "npm@10.8.2"},
        "packages/logs/package.json": logs,
        "packages/logs/lib/index.ts": "export const logContextGetter = () => 1;\n",
        "packages/shared/package.json": {"name": "@acme/shared", "version": "0.49.0", "main": "lib/index.ts",
                                         "devDependencies": {"@acme/logs": "file:../logs"}},
        "packages/shared/lib/index.ts": "import { logContextGetter } from '@acme/logs';\nexport const svc = () => logContextGetter();\n",
        "packages/server/package.json": {"name": "@acme/server", "version": "1.0.0", "private": True, "main": "lib/index.ts",
                                         "scripts": {"start": "node dist/index.js"},
                                         "dependencies": {"@acme/logs": "file:../logs", "@acme/shared": "file:../shared"}},
        "packages/server/lib/index.ts": "import { svc } from '@acme/shared';\nsvc();\n",
    })
    assert [code for code, _, _ in dep(root, select=("DEP002",))] == reported


@pytest.mark.parametrize("body, on_demand", [
    ("(async () => {\n  const dirty = require('dirty');\n  console.log(dirty);\n})();\n", False),
    ("(function () {\n  console.log(require('dirty'));\n})();\n", False),
    ("export async function extract(): Promise<void> {\n  console.log(require('dirty'));\n}\n", True),
])
def test_a_load_in_a_function_called_where_it_is_written_runs_at_start_up(tmp_path, body, on_demand):
    """`(async () => { const dirty = require('dirty') ... })()`: a script's body wrapped to use `await`
    runs when the script does, so its load is no feature loaded on demand (a collaborative editor's pad
    export script was advised an optional peer for a package it always loads)."""
    root = write(tmp_path, {
        "package.json": {"name": "pad-tools", "version": "2.5.3", "main": "dist/extract.js",
                         "scripts": {"build": "tsc"}, "dependencies": {"axios": "^1.13.2"}},
        "src/extract.ts": body,
    })
    found = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert [d.severity.value for d in found] == ["warning" if on_demand else "error"]
    assert ("loaded on demand" in found[0].message) == on_demand
