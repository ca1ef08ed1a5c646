"""A private library that takes its framework as a peer: what that framework loads is its hosts' to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import dep, write

KERNEL = {
    "name": "@crm/kernel", "version": "1.0.0", "private": True, "main": "dist/index.js", "types": "dist/index.d.ts",
    "scripts": {"build": "tsc"},
    "devDependencies": {"@nestjs/typeorm": "^11.0.0", "typeorm": "^0.3.28", "typescript": "^5.9.3"},
    "peerDependencies": {"@nestjs/typeorm": "^10.0.0 || ^11.0.0", "typeorm": "^0.3.0"},
    "peerDependenciesMeta": {"@nestjs/typeorm": {"optional": True}, "typeorm": {"optional": True}},
}
FACTORY = ("import type { TypeOrmModuleOptions } from '@nestjs/typeorm';\n\n"
           "export function typeOrmOptions(url: string): TypeOrmModuleOptions {\n"
           "  return { type: 'postgres', url, autoLoadEntities: true };\n}\n")


def billing(driver: bool) -> dict:
    deps = {"@crm/kernel": "file:../../packages/kernel", "@nestjs/core": "^11.0.0", "@nestjs/common": "^11.0.0",
            "@nestjs/typeorm": "^11.0.0", "typeorm": "^0.3.28", **({"pg": "^8.17.2"} if driver else {})}
    return {"name": "billing", "private": True, "scripts": {"start": "node dist/main.js"}, "dependencies": deps}


def kernel_repo(root: Path, driver: bool, kernel: dict = KERNEL) -> Path:
    return write(root, {
        "packages/kernel/package.json": kernel,
        "packages/kernel/src/index.ts": "export * from './typeorm.config-factory';\n",
        "packages/kernel/src/typeorm.config-factory.ts": FACTORY,
        "services/billing/package.json": billing(driver),
        "services/billing/src/main.ts": "import { typeOrmOptions } from '@crm/kernel';\n\n"
                                        "console.log(typeOrmOptions(process.env.DATABASE_URL ?? ''));\n",
    })


def test_dep004_a_private_librarys_peer_framework_loads_the_driver_its_hosts_declare(tmp_path):
    """A private, `file:`-linked library builds TypeORM options (`type: 'postgres'`) and takes TypeORM
    only as a peer: the TypeORM that reads them is the service's, which requires `pg` from the service's
    install. Every service that links the library and declares TypeORM declares `pg`: nothing is
    missing, and `pg` in the library's own dependencies would fix nothing (a real CRM's shared kernel:
    1 DEP004 error asking for it)."""
    assert [f for f in dep(kernel_repo(tmp_path / "served", driver=True)) if f[0] == "DEP004"] == []


def test_dep004_stays_when_a_host_lacks_the_driver_or_the_library_owns_its_framework(tmp_path):
    """A service that links the library and declares TypeORM without the driver fails at start-up:
    DEP004 stays on the trigger. So does a library that lists TypeORM in its own dependencies: its
    copy is the one that loads the driver."""
    lacking = dep(kernel_repo(tmp_path / "lacking", driver=False))
    assert ("DEP004", "packages/kernel/src/typeorm.config-factory.ts", "pg") in lacking
    own = {**KERNEL, "dependencies": {"typeorm": "^0.3.28"}}
    owning = dep(kernel_repo(tmp_path / "owning", driver=True, kernel=own))
    assert ("DEP004", "packages/kernel/src/typeorm.config-factory.ts", "pg") in owning



ROOT_APP = {"name": "template", "version": "0.0.1", "private": True,
            "scripts": {"build": "nest build", "start:prod": "node dist/main"},
            "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0", "@nestjs/microservices": "^10.0.0",
                             "@nestjs/platform-express": "^10.0.0", "rxjs": "^7.2.0", "ioredis": "^5.9.3"}}
BILLING = {"name": "@acme/billing-module", "version": "1.0.0", "main": "index.js", "scripts": {"test": "jest"},
           "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/microservices": "^10.0.0", "amqplib": "^0.10.0"},
           "devDependencies": {"jest": "^29.0.0"}}


def billing_repo(root: Path, main: str) -> Path:
    return write(root, {
        "package.json": ROOT_APP, "package-lock.json": {"name": "template", "lockfileVersion": 3, "packages": {}},
        "nest-cli.json": {"collection": "@nestjs/schematics", "sourceRoot": "src"},
        "src/main.ts": main,
        "src/modules/billing/package.json": BILLING,
        "src/modules/billing/billing.module.ts": "import { Module } from '@nestjs/common';\nimport Redis from 'ioredis';\n\n"
                                                 "export const redis = new Redis();\n\n@Module({})\nexport class BillingModule {}\n",
    })


def test_a_package_json_in_an_apps_source_folder_the_app_imports_by_path_is_no_package(tmp_path):
    """`src/modules/billing/package.json` (a module its author means to extract one day: a name, a
    `main` naming nothing, a test script and a few dependencies), no workspace member, no lockfile or
    install of its own, while the app's entry imports the folder's files by relative path: the app's
    build compiles them and Node resolves their imports from the app's install, so the app's manifest
    declares for them (a real NestJS template: 12 DEP005 warnings naming an install that never happens).
    A folder nothing outside imports by path stays a package of its own."""
    imported = ("import { NestFactory } from '@nestjs/core';\nimport { BillingModule } from './modules/billing/billing.module';\n\n"
                "NestFactory.create(BillingModule);\n")
    assert dep(billing_repo(tmp_path / "compiled", imported)) == []
    apart = dep(billing_repo(tmp_path / "apart", "import { NestFactory } from '@nestjs/core';\n\nexport const f = NestFactory;\n"))
    assert ("DEP005", "src/modules/billing/billing.module.ts", "ioredis") in apart


def test_dep003_a_peer_that_is_the_umbrella_package_depending_on_the_importer_is_installed_beside_it(tmp_path):
    """`@jq/engine` takes `jobq` as a peer; `jobq`, the repository's umbrella package, depends on
    `@jq/dashboard`, which imports the engine: the dashboard is only ever installed as a dependency of
    `jobq`, which is then there, and declaring `jobq` in the dashboard would close a dependency cycle (a
    real job-queue monorepo: 1 DEP003 proposing exactly that). A peer no dependent provides stays
    reported."""
    def repo(name: str, umbrella_deps: dict) -> list:
        return dep(write(tmp_path / name, {
            "package.json": {"name": "jobq-monorepo", "private": True, "workspaces": ["packages/*"],
                             "packageManager": "yarn@4.9.2"},
            ".yarnrc.yml": "nodeLinker: node-modules\n",
            "packages/engine/package.json": {"name": "@jq/engine", "version": "1.0.0", "main": "./dist/index.js",
                                             "peerDependencies": {"jobq": "workspace:*"}},
            "packages/engine/src/index.ts": "export class Transitioner {}\n\n"
                                            "export async function runJob() {\n  return import('jobq');\n}\n",
            "packages/dashboard/package.json": {"name": "@jq/dashboard", "version": "1.0.0", "main": "./dist/index.js",
                                                "dependencies": {"@jq/engine": "workspace:*"}},
            "packages/dashboard/src/index.ts": "import { Transitioner } from '@jq/engine';\n\nexport const t = new Transitioner();\n",
            "packages/jobq/package.json": {"name": "jobq", "version": "1.0.0", "main": "./dist/index.js",
                                           "dependencies": umbrella_deps},
            "packages/jobq/src/index.ts": "export class JobQ {}\n",
        }), select=("DEP003",))

    assert repo("umbrella", {"@jq/dashboard": "workspace:*", "@jq/engine": "workspace:*"}) == []
    assert repo("apart", {"@jq/engine": "workspace:*"}) == [("DEP003", "packages/dashboard/src/index.ts", "@jq/engine")]
    # a `workspace:*` peer range names the member: any version of it satisfies the range
    (found,) = pipeline.lint([str(tmp_path / "apart")], Settings(select=["DEP003"]), use_cache=False).diagnostics
    assert "workspace:*\")" not in found.message and "no version" not in found.message, found.message


YARN_LOCK = """# yarn lockfile v1


"@nestjs/common@^11.0.12":
  version "11.1.19"

"@vendure/core@3.6.3":
  version "3.6.3"
  dependencies:
    "@nestjs/common" "^11.0.12"
    zod "^3.24.0"

zod@^3.24.0:
  version "3.24.1"

lodash@4.17.21:
  version "4.17.21"
"""


NPM_LOCK = {"name": "acme-vendure-plugins", "lockfileVersion": 3, "requires": True, "packages": {
    "": {"name": "acme-vendure-plugins", "workspaces": ["packages/*"]},
    "node_modules/@vendure/core": {"version": "3.6.3", "dev": True,
                                   "dependencies": {"@nestjs/common": "^11.0.12", "zod": "^3.24.0"}},
    "node_modules/@nestjs/common": {"version": "11.1.19", "dev": True},
    "node_modules/zod": {"version": "3.24.1", "dev": True},
    "node_modules/lodash": {"version": "4.17.21"}}}


BUN_LOCK = """{
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "acme-vendure-plugins", "devDependencies": { "@vendure/core": "3.6.3" } },
    "packages/hello": { "name": "@acme/vendure-plugin-hello", "dependencies": { "lodash": "4.17.21" } },
  },
  "packages": {
    "@acme/vendure-plugin-hello": ["@acme/vendure-plugin-hello@workspace:packages/hello"],
    "@nestjs/common": ["@nestjs/common@11.1.19", "", {}, "sha512-x"],
    "@vendure/core": ["@vendure/core@3.6.3", "", { "dependencies": { "@nestjs/common": "^11.0.12", "zod": "^3.24.0" } }, "sha512-x"],
    "lodash": ["lodash@4.17.21", "", {}, "sha512-x"],
    "zod": ["zod@3.24.1", "", {}, "sha512-x"],
  }
}
"""
LOCKS = {"yarn.lock": YARN_LOCK, "package-lock.json": NPM_LOCK, "bun.lock": BUN_LOCK}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_dep001_a_plugin_may_use_what_the_framework_it_takes_as_a_peer_depends_on(tmp_path, lock):
    """A published Vendure plugin takes `@vendure/core` as a peer and imports `@nestjs/common`, which
    the locked `@vendure/core` depends on: the plugin only runs in an application that installed the
    framework, and with it `@nestjs/common`, where the plugin's lookup finds it (the framework's
    publishing guide says so; a real plugin collection: 40 DEP001), whichever lockfile records the
    framework's own dependencies (npm's v3 and bun's too: 102 DEP001 in two more collections). A library
    the framework merely uses (zod) is the plugin's to declare, with the peer or without it; without the
    peer, `@nestjs/common` is left to the framework's own finding, which asks for the peer."""
    def repo(name: str, peers: dict) -> list:
        return dep(write(tmp_path / name, {
            "package.json": {"name": "acme-vendure-plugins", "private": True, "workspaces": ["packages/*"],
                             "devDependencies": {"@vendure/core": "3.6.3"}},
            lock: LOCKS[lock],
            "packages/hello/package.json": {"name": "@acme/vendure-plugin-hello", "version": "1.0.0", "main": "dist/index.js",
                                            "dependencies": {"lodash": "4.17.21"}, "peerDependencies": peers},
            "packages/hello/src/index.ts": "import { Injectable } from '@nestjs/common';\n"
                                           "import { VendurePlugin } from '@vendure/core';\nimport { z } from 'zod';\n\n"
                                           "export const schema = z.string();\n\n"
                                           "@Injectable()\nexport class HelloService {}\n\n"
                                           "@VendurePlugin({ providers: [HelloService] })\nexport class HelloPlugin {}\n",
        }), select=("DEP001",))

    assert repo("peer", {"@vendure/core": "^3.6.0"}) == [("DEP001", "packages/hello/src/index.ts", "zod")]
    # without the peer, the framework's own finding (DEP005) asks for it: what it shares is left to that
    assert repo("silent", {}) == [("DEP001", "packages/hello/src/index.ts", "zod")]


def test_a_start_script_running_a_harness_the_package_does_not_publish_makes_no_service(tmp_path):
    """A published Vendure plugin (`"files": ["dist"]`) whose `start` runs `ts-node dev-server/index.ts`,
    a local server that boots the framework with the plugin: that harness is not in the package, so
    the plugin is still a library whose host brings `@nestjs/common` (a data-import plugin: 238
    DEP001). A start target the package publishes makes a service: the finding stays."""
    def found(files: list[str]) -> list:
        root = tmp_path / files[-1]
        return dep(write(root, {
            "package.json": {"name": "@acme/vendure-plugin-hello", "version": "1.0.0", "main": "dist/index.js", "files": files,
                             "scripts": {"build": "tsc", "start": "ts-node dev-server/index.ts"},
                             "peerDependencies": {"@vendure/core": "^3.6.0"}, "devDependencies": {"@vendure/core": "3.6.3"}},
            "package-lock.json": {**NPM_LOCK, "packages": {**NPM_LOCK["packages"], "": {"name": "@acme/vendure-plugin-hello"}}},
            "src/index.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class HelloService {}\n",
            "dev-server/index.ts": "import { bootstrap } from '@vendure/core';\nimport { HelloService } from '../src';\n\n"
                                   "bootstrap({ plugins: [HelloService] });\n",
        }), select=("DEP001",))

    assert found(["dist"]) == []
    assert found(["dist", "dev-server"]) == [("DEP001", "src/index.ts", "@nestjs/common")]


def test_a_nest_cli_playground_in_a_test_folder_makes_no_service(tmp_path):
    """A published Nest library (`"main": "dist/index.js"`, `"start": "nest start"`) whose nest-cli.json
    names a manual-test app in `e2e/` (`"entryFile": "e2e/manual-e2e"`): that app runs only from the
    checkout, so its devDependencies are right and the library stays a library (4 DEP002 and a
    service's wording on a documentation module). An entry in the source folder makes a service."""
    def found(source_root: str) -> list:
        root = tmp_path / source_root
        return dep(write(root, {
            "package.json": {"name": "@acme/nest-docs", "version": "1.0.0", "main": "dist/index.js",
                             "scripts": {"build": "tsc", "start": "nest start"},
                             "peerDependencies": {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0"},
                             "devDependencies": {"@nestjs/common": "10.4.15", "@nestjs/core": "10.4.15",
                                                 "@nestjs/platform-express": "10.4.15"}},
            "package-lock.json": {**NPM_LOCK, "packages": {**NPM_LOCK["packages"], "": {"name": "@acme/nest-docs"}}},
            "nest-cli.json": {"collection": "@nestjs/schematics", "sourceRoot": source_root, "entryFile": "manual"},
            "lib/index.ts": "import { Module } from '@nestjs/common';\n\n@Module({})\nexport class DocsModule {}\n",
            f"{source_root}/manual.ts": "import { NestFactory } from '@nestjs/core';\n"
                                        "import { ExpressAdapter } from '@nestjs/platform-express';\n"
                                        "import { DocsModule } from '../lib/index';\n\n"
                                        "NestFactory.create(DocsModule, new ExpressAdapter()).then((app) => app.listen(3000));\n",
        }), select=("DEP002",))

    assert found("e2e") == []
    assert found("app") == [("DEP002", "app/manual.ts", "@nestjs/platform-express")]


def test_a_plugins_test_finds_what_its_dev_installed_framework_brings(tmp_path):
    """The plugin's spec imports `@nestjs/common`, which `@vendure/core`, its peer and devDependency,
    brings: the repository's own install, which runs the tests, holds the framework and hoists what
    it brings (27 DEP001 in a data-import plugin's specs). A peer the plugin does not also install
    for its own tests leaves the spec's import to the test setup: reported."""
    def found(dev: dict) -> list:
        root = tmp_path / str(len(dev))
        return dep(write(root, {
            "package.json": {"name": "@acme/vendure-plugin-hello", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"],
                             "peerDependencies": {"@vendure/core": "^3.6.0"}, "devDependencies": dev},
            "package-lock.json": {**NPM_LOCK, "packages": {**NPM_LOCK["packages"], "": {"name": "@acme/vendure-plugin-hello"}}},
            "src/index.ts": "export const hello = 1;\n",
            "src/hello.spec.ts": "import { Injectable } from '@nestjs/common';\n\ntest('x', () => expect(Injectable).toBeTruthy());\n",
        }), select=("DEP001",))

    assert found({"@vendure/core": "3.6.3"}) == []
    assert found({}) == [("DEP001", "src/hello.spec.ts", "@nestjs/common")]


def test_dep003_peers_a_workspace_library_declares_but_nothing_of_it_loads(tmp_path):
    """`@acme/plugin-lab-common` declares react and react-dom as peers (copied from a template, as
    react-dom's own peer on react is) and its source imports neither: a Node backend that imports it
    loads no React, and adding react to the backend would fix nothing (a real plugin collection: 3
    DEP003). Once the library imports react, the backend needs it."""
    lock = ('__metadata:\n  version: 8\n  cacheKey: 10\n\n"react-dom@npm:^18.0.0":\n  version: 18.2.0\n'
            '  resolution: "react-dom@npm:18.2.0"\n  peerDependencies:\n    react: ^18.2.0\n'
            '  languageName: node\n  linkType: hard\n\n"react@npm:^18.0.0":\n  version: 18.2.0\n'
            '  resolution: "react@npm:18.2.0"\n  languageName: node\n  linkType: hard\n')

    def repo(name: str, common_source: str) -> list:
        return dep(write(tmp_path / name, {
            "package.json": {"name": "root", "private": True, "packageManager": "yarn@4.9.2", "workspaces": ["plugins/*"]},
            ".yarnrc.yml": "nodeLinker: node-modules\n",
            "yarn.lock": lock,
            "plugins/lab-common/package.json": {"name": "@acme/plugin-lab-common", "version": "1.0.0", "main": "src/index.ts",
                                                "peerDependencies": {"react": "^18.0.0", "react-dom": "^18.0.0"}},
            "plugins/lab-common/src/index.ts": common_source,
            "plugins/lab-backend/package.json": {"name": "@acme/plugin-lab-backend", "version": "1.0.0", "main": "src/index.ts",
                                                 "dependencies": {"@acme/plugin-lab-common": "workspace:^"}},
            "plugins/lab-backend/src/index.ts": "import { labView } from '@acme/plugin-lab-common';\n\nexport const view = labView;\n",
        }), select=("DEP003",))

    assert repo("stale", "export const labView = 'lab.view';\n") == []
    uses = "import { createElement } from 'react';\n\nexport const labView = createElement('div');\n"
    assert ("DEP003", "plugins/lab-backend/src/index.ts", "@acme/plugin-lab-common") in repo("loads", uses)


def test_dep002_a_devdependency_the_peer_framework_brings_is_the_applications(tmp_path):
    """An Expo native module keeps `expo-modules-core` in devDependencies and `expo` in
    peerDependencies, as Expo's module template does; the lockfile says `expo` depends on it: the app
    that installs the module installs expo, and with it the one copy the native side is built
    against (a delivery app: 2 DEP002 whose "move it to dependencies" would nest an older copy). Expo
    always brings it (the SDK's own module core), so a lockfile that does not say so changes nothing;
    a devDependency no peer brings (the peer being another framework) stays reported."""
    def found(core_from_expo: bool, peer: str = "expo") -> list:
        expo = {"version": "54.0.33", **({"dependencies": {"expo-modules-core": "3.0.29"}} if core_from_expo else {})}
        return dep(write(tmp_path / f"{core_from_expo}-{peer}", {
            "package.json": {"name": "@acme/expo-nav", "version": "1.0.0", "main": "build/index.js",
                             "scripts": {"build": "expo-module build"},
                             "devDependencies": {"expo-modules-core": "~2.5.0"}, "peerDependencies": {peer: "*"}},
            "package-lock.json": {"name": "@acme/expo-nav", "lockfileVersion": 3, "requires": True, "packages": {
                "": {"name": "@acme/expo-nav"}, "node_modules/expo": expo,
                "node_modules/expo-modules-core": {"version": "3.0.29", "dev": True}}},
            "src/index.ts": "import { requireNativeViewManager } from 'expo-modules-core';\n\n"
                            "export const NavView = requireNativeViewManager('AcmeNav');\n",
        }), select=("DEP002",))

    assert found(True) == []
    assert found(False) == []
    assert found(False, peer="react-native") == [("DEP002", "src/index.ts", "expo-modules-core")]


@pytest.mark.parametrize("host_ships_it", [True, False])
def test_dep002_a_devdependency_a_workspace_host_ships_is_the_hosts(tmp_path, host_ships_it):
    """A published extension keeps `react-router-dom` in devDependencies and takes the workspace's React host
    as a peer, whose own `dependencies` list the router: the host's install brings the one copy the
    extension's routes must share (an education platform's 7 extensions: 25 DEP002 whose "move it to
    dependencies" risks a second router). A host that does not list it leaves the finding."""
    host_deps = {"react": "18.3.1", **({"react-router-dom": "6.4.1"} if host_ships_it else {})}
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/react-app/package.json": {"name": "@acme/react-app", "version": "1.0.0", "exports": {".": "./dist/index.js"},
                                            "scripts": {"build": "tsc"}, "dependencies": host_deps},
        "packages/react-app/src/index.ts": "export const app = 1;\n",
        "packages/web-user/package.json": {"name": "@acme/web-user", "version": "1.0.0", "exports": {".": "./dist/index.js"},
                                           "scripts": {"build": "tsc"}, "peerDependencies": {"@acme/react-app": "1.0.0"},
                                           "devDependencies": {"@acme/react-app": "1.0.0", "react-router-dom": "6.4.1"}},
        "packages/web-user/src/index.ts": "import { createBrowserRouter } from 'react-router-dom';\n\n"
                                          "export const router = () => createBrowserRouter([]);\n",
    })
    assert dep(root, select=("DEP002",)) == ([] if host_ships_it else
                                             [("DEP002", "packages/web-user/src/index.ts", "react-router-dom")])


def test_a_published_nest_library_keeping_nest_cli_for_its_plugins_is_no_service(tmp_path):
    """A published library with nest-cli.json (for the swagger plugin of `nest build`) and no
    `src/main.ts`, whose `files` lists `src/templates`: the default entry names no file, so the
    library is no service, and a Nest package it lacks goes to peerDependencies as in its siblings
    (a real serverless framework: 30 findings advised `dependencies` for one library alone). An
    entry that exists starts an app."""
    from migrationlint.model.entry_points import is_service
    from migrationlint.model.workspace import read_manifest
    from tests.dependencies.test_shipping import write

    write(tmp_path, {
        "package.json": {"name": "@fw/master", "version": "1.0.0", "main": "dist/index.js",
                         "files": ["dist", "src/templates"], "scripts": {"build": "nest build"}},
        "nest-cli.json": {"collection": "@nestjs/schematics", "sourceRoot": "src"},
        "src/index.ts": "export class Master {}\n",
    })
    assert not is_service(read_manifest(str(tmp_path / "package.json")))
    write(tmp_path, {"src/main.ts": "import { Master } from './index';\n\nnew Master();\n"})
    assert is_service(read_manifest(str(tmp_path / "package.json")))
    write(tmp_path, {"nest-cli.json": {"sourceRoot": "src", "entryFile": "main.js"}})  # the built name of src/main.ts
    assert is_service(read_manifest(str(tmp_path / "package.json")))


def test_a_folder_files_publishes_as_data_is_that_folder_not_its_top(tmp_path):
    """`"files": ["dist", "src/templates"]` publishes the templates a generator copies as they are
    (their imports are its users'), not every file of `src/` (a real serverless framework's library
    had no DEP001 at all for its own code); a top folder (`assets/**`) is published whole."""
    from tests.dependencies.test_shipping import dep, write

    root = write(tmp_path, {
        "package.json": {"name": "@fw/master", "version": "1.0.0", "main": "dist/index.js",
                         "files": ["dist", "src/templates", "assets/**"], "scripts": {"build": "tsc"}},
        "src/index.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Master {}\n",
        "src/templates/app.ts": "import { Module } from '@nestjs/common';\n\n@Module({})\nexport class AppModule {}\n",
        "assets/skeleton.ts": "import express from 'express';\n\nexport const app = express();\n",
    })
    assert dep(root, select=("DEP001",)) == [("DEP001", "src/index.ts", "@nestjs/common")]


def platform(root: Path, plugins: int, manager: str) -> Path:
    """A platform whose client package depends on antd and whose `plugins` published plugins take that client as
    a peer and import antd without declaring it, with a yarn (hoisting) or pnpm lockfile."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/client/package.json": {"name": "@acme/client", "version": "2.0.0", "main": "lib/index.js",
                                         "dependencies": {"antd": "5.24.2"}},
        "packages/client/src/index.ts": "import * as antd from 'antd';\n\nexport const ui = antd;\n",
    }
    if manager == "pnpm":
        files["pnpm-workspace.yaml"] = "packages:\n  - packages/*\n"
        files["pnpm-lock.yaml"] = "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n"
    else:
        files["yarn.lock"] = ('# yarn lockfile v1\n\n\nantd@5.24.2:\n  version "5.24.2"\n'
                              '  resolved "https://registry.yarnpkg.com/antd/-/antd-5.24.2.tgz#1"\n')
    for i in range(plugins):
        files[f"packages/plugin-{i}/package.json"] = {"name": f"@acme/plugin-{i}", "version": "2.0.0",
                                                      "main": "dist/server/index.js", "peerDependencies": {"@acme/client": "2.x"}}
        files[f"packages/plugin-{i}/src/client/index.tsx"] = "import { Button } from 'antd';\n\nexport const B = Button;\n"
    return write(root, files)


@pytest.mark.parametrize("plugins, manager, reported", [(4, "yarn", False), (2, "yarn", True), (4, "pnpm", True)])
def test_what_a_platforms_plugins_all_take_from_their_host_is_the_hosts(tmp_path, plugins, manager, reported):
    """A low-code platform's plugins take its client as a peer and import antd, which the client depends on,
    without declaring it: the platform hands its UI library to every plugin it loads (1,551 DEP001 over 110
    plugins). Four plugins relying on it are the workspace's design, where the install hoists the host's copy
    to them; two are oversights, and under pnpm, which gives a package only what it declares, it breaks."""
    found = {path for code, path, package in dep(platform(tmp_path, plugins, manager), select=("DEP001",))
             if package == "antd"}
    assert bool(found) is reported and (not found or len(found) == plugins), found


@pytest.mark.parametrize("plugins, reported", [(4, False), (2, True)])
def test_what_a_platforms_plugins_take_from_their_host_needs_no_root_declaration_either(tmp_path, plugins, reported):
    """DEP005: the same platform's plugins import react, which their host client takes as a peer and only the root
    declares (in devDependencies, for developing them): 624 warnings over 110 plugins asked each to declare react.
    Where four plugins rely on it the platform provides it, as for DEP001; two are oversights."""
    root = platform(tmp_path, plugins, "yarn")
    write(root, {"package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"],
                                  "devDependencies": {"react": "^18.3.1"}},
                 "packages/client/package.json": {"name": "@acme/client", "version": "2.0.0", "main": "lib/index.js",
                                                  "dependencies": {"antd": "5.24.2"}, "peerDependencies": {"react": ">=18"}}})
    for i in range(plugins):
        write(root, {f"packages/plugin-{i}/src/client/view.tsx": "import React from 'react';\n\nexport const V = React;\n"})
    found = {path for code, path, package in dep(root, select=("DEP005",)) if package == "react"}
    assert bool(found) is reported and (not found or len(found) == plugins), found


@pytest.mark.parametrize("section, folder, reported", [
    ("devDependencies", "src/runtime", []),  # the module starter's layout: the application's Nuxt build compiles it
    (None, "src/runtime/server", []),  # undeclared: still Nuxt's own
    ("devDependencies", "src/utils", ["nuxt"]),  # not handed to Nuxt: the module's own code, loaded from the package
])
def test_nuxt_imported_by_a_nuxt_modules_runtime_files_is_the_applications(tmp_path, section, folder, reported):
    """A published Nuxt module keeps `nuxt` in devDependencies and its runtime plugin imports `nuxt/app`:
    the module hands `./runtime/plugin` to the application's Nuxt build (`addPlugin`), which compiles it
    with the application's install (an auth SDK's Nuxt module: 2 DEP002 asking to move nuxt into
    dependencies). A file outside `runtime/` is the module's own code: still reported."""
    manifest = {"name": "@acme/nuxt-mod", "version": "1.0.0", "type": "module", "main": "./dist/module.js",
                "exports": {".": "./dist/module.js"}, "files": ["dist"], "scripts": {"build": "tsc"},
                "dependencies": {"@nuxt/kit": "^4.1.3"}, "devDependencies": {"typescript": "^5.6.0"}}
    if section:
        manifest[section]["nuxt"] = "^4.4.8"
    root = write(tmp_path, {
        "package.json": {"name": "repo", "private": True, "devDependencies": {"@changesets/cli": "^2.27.0"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        ".changeset/config.json": {"access": "public", "baseBranch": "main"},
        "packages/nuxt-mod/package.json": manifest,
        "packages/nuxt-mod/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "module": "esnext",
                                                                "moduleResolution": "bundler"}, "include": ["src"]},
        "packages/nuxt-mod/src/module.ts": "import { addPlugin, createResolver, defineNuxtModule } from '@nuxt/kit';\n"
                                           "import { helper } from './utils/helper';\n\n"
                                           "export default defineNuxtModule({ meta: { name: 'nuxt-mod' }, setup() {\n"
                                           "  addPlugin(createResolver(import.meta.url).resolve('./runtime/plugin')); helper(); } });\n",
        "packages/nuxt-mod/src/utils/helper.ts": "export const helper = () => 1;\n",
        f"packages/nuxt-mod/{folder}/plugin.ts": "import { defineNuxtPlugin } from 'nuxt/app';\n\nexport default defineNuxtPlugin(() => {});\n",
    })
    assert sorted({p for _, _, p in dep(root, select=("DEP001", "DEP002"))}) == reported


@pytest.mark.parametrize("layer", ["layers/saxon", "layers/saxon/nodejs", None])
def test_dep002_a_devdependency_a_lambda_layer_of_the_package_declares_is_the_layers(tmp_path, layer):
    """Lambda functions keep `saxon-js` in devDependencies while `layers/saxon/package.json` declares it in
    `dependencies`: the deploy installs the layer for production and zips it, and the runtime provides it to
    the functions (a health-data platform: 4 DEP002 asking to bundle it twice). Without the layer, reported."""
    files = {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/lambdas/package.json": {"name": "lambdas", "version": "2.0.0", "private": True,
                                          "scripts": {"build": "tsc -p tsconfig.json"},
                                          "dependencies": {"@aws-sdk/client-s3": "^3.800.0"},
                                          "devDependencies": {"saxon-js": "^2.5.0", "typescript": "^5.0.0"}},
        "packages/lambdas/src/cda-to-html.ts": "import SaxonJS from 'saxon-js';\n\n"
                                               "export const handler = async (xml: string) => SaxonJS.transform({ sourceText: xml });\n",
    }
    if layer is not None:
        files[f"packages/lambdas/{layer}/package.json"] = {"name": "saxon", "version": "1.0.0", "private": True,
                                                          "dependencies": {"saxon-js": "^2.5.0"}}
    assert dep(write(tmp_path, files), select=("DEP002",)) == (
        [] if layer else [("DEP002", "packages/lambdas/src/cda-to-html.ts", "saxon-js")])
