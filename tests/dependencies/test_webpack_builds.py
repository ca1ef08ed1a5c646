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
