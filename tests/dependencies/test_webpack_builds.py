"""Webpack builds: what a config's `externals` leaves to the install, and the Nest CLI's defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dependencies.test_shipping import dep, write

BACKEND = {"name": "demo-backend", "version": "0.0.1", "private": True,
           "scripts": {"build": "nest build api --webpack", "start:prod": "node dist/apps/api/main.js"},
           "dependencies": {"@nestjs/common": "^11.0.0", "@nestjs/core": "^11.0.0", "@nestjs/platform-express": "^11.0.0",
                            "pg": "^8.13.0"},
           "devDependencies": {"@nestjs/cli": "^11.0.0"}}
MAIN = ("import { NestFactory } from '@nestjs/core';\nimport { pipe } from 'fp-ts/function';\n"
        "import { AppModule } from './app.module';\n\nasync function bootstrap() {\n"
        "  const app = await NestFactory.create(AppModule);\n  await app.listen(pipe(3000, (p) => p + 1));\n}\nbootstrap();\n")


def demo(root: Path, config: str) -> Path:
    return write(root, {
        "package.json": {"name": "demo", "private": True, "workspaces": ["packages/backend"],
                         "dependencies": {"fp-ts": "^2.16.9"}},
        "packages/backend/package.json": BACKEND,
        "packages/backend/nest-cli.json": {"sourceRoot": "apps/api/src", "root": "apps/api", "monorepo": True,
                                           "compilerOptions": {"webpack": True},
                                           "projects": {"api": {"type": "application", "root": "apps/api",
                                                                "entryFile": "main", "sourceRoot": "apps/api/src"}}},
        "packages/backend/webpack.config.js": config,
        "packages/backend/tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "./dist"}},
        "packages/backend/apps/api/src/main.ts": MAIN,
        "packages/backend/apps/api/src/app.module.ts": "import { Module } from '@nestjs/common';\n\n"
                                                       "@Module({})\nexport class AppModule {}\n",
    })


@pytest.mark.parametrize("externals", ["[{ pg: 'pg' }]", "[{ pg: 'commonjs pg' }, 'sqlite3']", "{ pg: 'commonjs pg' }"])
def test_a_nest_webpack_config_with_its_own_externals_inlines_the_rest(tmp_path, externals):
    """`module.exports = (options) => ({ ...options, externals: [{ pg: 'pg' }] })`: the Nest CLI spreads
    the config over its defaults, so its `externals` replace `nodeExternals()` and every other import is
    inlined into main.js (MikroORM's documented setup): a package only the root declares is never loaded
    from node_modules (a real Nest + Nuxt demo: 51 DEP005 warnings)."""
    config = f"module.exports = function (options) {{\n  return {{ ...options, externals: {externals} }};\n}};\n"
    assert dep(demo(tmp_path / "own", config)) == []


def test_a_nest_webpack_config_without_externals_keeps_node_modules_out(tmp_path):
    """A config that adds a plugin and names no `externals` keeps the Nest CLI's `nodeExternals()`:
    node_modules stay external, so what the service imports must be installed beside it."""
    config = "module.exports = function (options) {\n  return { ...options, devtool: 'source-map' };\n};\n"
    assert ("DEP005", "packages/backend/apps/api/src/main.ts", "fp-ts") in dep(demo(tmp_path / "defaults", config))


@pytest.mark.parametrize("scripts, private, reported", [
    ({"build": "webpack", "start:dev": "nest start --watch", "start:prod": "node dist/main.js"}, True, False),
    ({"build": "nest build", "heroku-postbuild": "npm run build:prod", "build:prod": "cross-env NODE_ENV=prod webpack",
      "start:prod": "node dist/main"}, False, False),
    ({"build": "nest build", "start:prod": "node dist/main.js"}, True, True)])
def test_a_build_that_runs_webpack_itself_beside_a_nest_cli_json_bundles(tmp_path, scripts, private, reported):
    """A Nest service whose build runs the webpack CLI on a config with no `externals` (target node):
    webpack inlines `uuid`, kept in devDependencies, and nothing merges Nest's `nodeExternals()` in,
    whatever nest-cli.json says (a real calendar back end: 2 DEP002); so does Heroku's
    `heroku-postbuild`, the build of the app Heroku deploys. Only `nest build` merges the config over
    its defaults, which keep node_modules out: reported."""
    root = write(tmp_path, {
        "package.json": {"name": "calendar-backend", **({"private": True} if private else {"version": "0.0.1"}),
                         "scripts": scripts, "dependencies": {"@nestjs/common": "10.0.0", "@nestjs/core": "10.0.0"},
                         "devDependencies": {"@nestjs/cli": "10.0.0", "uuid": "9.0.0", "webpack": "5.0.0", "webpack-cli": "5.0.0"}},
        "nest-cli.json": {"collection": "@nestjs/schematics", "sourceRoot": "src"},
        "webpack.config.js": "module.exports = { entry: './src/main.ts', target: 'node', "
                             "output: { path: __dirname + '/dist', filename: 'main.js' } };\n",
        "src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { v4 } from 'uuid';\n\n"
                       "export const id = v4();\nexport const factory = NestFactory;\n",
    })
    assert [code for code, _, p in dep(root, select=("DEP002",))] == (["DEP002"] if reported else [])


@pytest.mark.parametrize("externals, private, reported", [
    ("[nodeExternals({ allowlist })]", False, ["express"]),  # the allowlisted workspace package is inlined
    ("[nodeExternals({ allowlist }), nodeExternals({ allowlist, modulesDir: '../../node_modules' })]", True, ["express"]),
    ("nodeExternals({ whitelist: allowlist })", False, ["express"]),  # version 1's name, one call
    ("[nodeExternals()]", False, ["express", "lib-util"]),  # no allowlist: every package stays external
    ("[nodeExternals({ allowlist: [/\\.css$/] })]", False, ["express", "lib-util"]),  # matches files only
])
def test_webpack_node_externals_allowlist_inlines_only_what_it_matches(tmp_path, externals, private, reported):
    """A server built by webpack with `externals: [nodeExternals({ allowlist })]`: every package in
    node_modules stays external except those the allowlist matches, which webpack inlines (a CMS's
    local server keeps its workspace utility package in devDependencies: 1 DEP002). A package the
    allowlist does not match is still loaded from node_modules, so it stays reported."""
    config = ("const path = require('path');\nconst nodeExternals = require('webpack-node-externals');\n"
              "const allowlist = [/^lib-util/];\n"
              "module.exports = {\n  entry: { index: path.join('src', 'index.ts') },\n  target: 'node',\n"
              "  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js' },\n"
              f"  externals: {externals},\n}};\n")
    root = write(tmp_path, {
        "package.json": {"name": "cms", "private": True, "workspaces": ["packages/*"]},
        "packages/lib-util/package.json": {"name": "lib-util", "version": "3.7.1", "main": "dist/index.js"},
        "packages/lib-util/src/index.ts": "export const label = (s: string) => `status/${s}`;\n",
        "packages/server/package.json": {"name": "cms-server", **({"private": True} if private else {"version": "3.9.1"}),
                                         "main": "dist/index.js", "bin": {"cms-server": "./dist/index.js"},
                                         "scripts": {"build": "webpack", "start": "node dist/index.js"},
                                         "devDependencies": {"express": "^4.18.2", "lib-util": "^3.7.1", "webpack": "^5.75.0",
                                                             "webpack-node-externals": "^3.0.0"}},
        "packages/server/webpack.config.js": config,
        "packages/server/src/index.ts": "import express from 'express';\nimport { label } from 'lib-util/src/index';\n\n"
                                        "express().get('/', (_q, r) => r.send(label('draft'))).listen(8081);\n",
    })
    assert sorted(p for c, _, p in dep(root, select=("DEP002",))) == reported
