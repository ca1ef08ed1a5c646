"""An app of a Nest CLI monorepo that is also a workspace member with a small package.json.

The member around it declares the apps' dependencies, builds them (`nest build api`) and runs
the output from its own folder, so Node and tsc walk up from the app's files into that member's
install: the app's own package.json only adds to it.
"""

from __future__ import annotations

from pathlib import Path

from tests.dependencies.test_shipping import dep, write

_NEST_DEPS = {"@nestjs/common": "^11.1.0", "@nestjs/core": "^11.1.0", "@nestjs/platform-express": "^11.1.0",
              "reflect-metadata": "^0.2.2", "rxjs": "^7.8.1"}


def _server(root: Path, projects: dict, outer_deps: dict | None = None) -> Path:
    return write(root, {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - server\n  - server/apps/*\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\nimporters:\n  .: {}\n",
        "server/package.json": {"name": "server", "private": True,
                                "scripts": {"build:api": "nest build api", "start:prod": "node dist/apps/api/main"},
                                "dependencies": _NEST_DEPS if outer_deps is None else outer_deps,
                                "devDependencies": {"@nestjs/cli": "^11.0.0", "joi": "^17.0.0"}},
        "server/nest-cli.json": {"monorepo": True, "root": "apps/api", "sourceRoot": "apps/api/src",
                                 "projects": projects},
        "server/apps/api/package.json": {"name": "@acme/api", "version": "1.0.0",
                                         "dependencies": {"passport": "^0.7.0"}},
        "server/apps/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\n"
                                       "import passport from 'passport';\n"
                                       "import Joi from 'joi';\n"
                                       "import ms from 'ms';\n"
                                       "import { AppModule } from './app.module';\n"
                                       "console.log(passport, Joi, ms);\n"
                                       "NestFactory.create(AppModule).then((app) => app.listen(3000));\n",
        "server/apps/api/src/app.module.ts": "import { Module } from '@nestjs/common';\n"
                                             "@Module({})\nexport class AppModule {}\n",
    })


_API = {"api": {"type": "application", "root": "apps/api", "sourceRoot": "apps/api/src", "entryFile": "main"}}


def test_an_app_the_enclosing_members_nest_cli_builds_uses_that_members_dependencies(tmp_path):
    found = dep(_server(tmp_path, _API))
    # the member's dependencies serve the app: nothing on @nestjs/*, nor DEP004 on the HTTP adapter
    assert not [f for f in found if f[2].startswith("@nestjs/")]
    # what neither manifest declares is still reported, and a devDependency of the member is no
    # production dependency of the app it builds
    assert ("DEP001", "server/apps/api/src/main.ts", "ms") in found
    assert ("DEP001", "server/apps/api/src/main.ts", "joi") in found


def test_an_app_folder_the_nest_cli_does_not_name_keeps_its_own_declarations(tmp_path):
    other = {"api": {"type": "application", "root": "apps/other", "sourceRoot": "apps/other/src"},
             "lib": {"type": "library", "root": "apps/api"}}
    found = dep(_server(tmp_path, other))
    assert ("DEP001", "server/apps/api/src/main.ts", "@nestjs/core") in found
    assert ("DEP004", "server/apps/api/src/main.ts", "@nestjs/platform-express") in found


def test_the_http_adapter_is_missing_when_neither_manifest_declares_it(tmp_path):
    outer = {k: v for k, v in _NEST_DEPS.items() if k != "@nestjs/platform-express"}
    found = dep(_server(tmp_path, _API, outer_deps=outer))
    assert ("DEP004", "server/apps/api/src/main.ts", "@nestjs/platform-express") in found
    assert not [f for f in found if f[0] == "DEP001" and f[2].startswith("@nestjs/")]
