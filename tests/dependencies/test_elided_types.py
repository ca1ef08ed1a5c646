"""Imports tsc drops because decorator metadata emits `Object` for a workspace type, however the
workspace package exports it."""

from __future__ import annotations

from pathlib import Path

from tests.dependencies.test_shipping import dep, write


def test_dep001_a_workspace_type_reached_through_export_star_is_elided_from_a_decorated_signature(tmp_path):
    """`@IsString() locale!: Locale` where `Locale` is a workspace package's type alias, exported by its
    entry through `export *` (or `export type *`, or `export { Locale } from`): decorator metadata emits
    `String`, tsc drops the import, nothing loads the package (a real community CRM: 1 DEP001 error).
    A class reached the same way is a value: the import stays, and so does the finding."""
    def repo(name: str, entry: str, middle: str, declaration: str) -> Path:
        return write(tmp_path / name, {
            "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*", "apps/*"]},
            "packages/locale/package.json": {"name": "@acme/locale", "version": "1.0.0", "private": True,
                                             "main": "./dist/index.js", "types": "./dist/index.d.ts"},
            "packages/locale/tsconfig.json": {"compilerOptions": {"rootDir": "./src", "outDir": "./dist"}},
            "packages/locale/src/index.ts": entry,
            "packages/locale/src/types/index.ts": middle,
            "packages/locale/src/types/locale.ts": declaration,
            "apps/api/package.json": {"name": "@acme/api", "version": "1.0.0", "private": True,
                                      "scripts": {"start": "node dist/main.js"},
                                      "dependencies": {"class-validator": "^0.14.0"}},
            "apps/api/tsconfig.json": {"compilerOptions": {"experimentalDecorators": True, "emitDecoratorMetadata": True,
                                                           "rootDir": "src", "outDir": "dist"}},
            "apps/api/src/main.ts": "import { IsString } from 'class-validator';\nimport { Locale } from '@acme/locale';\n\n"
                                    "export class ContentDto {\n  @IsString()\n  locale!: Locale;\n}\n",
        })

    alias = "export type Locale = 'en' | 'de';\n"
    for name, entry, middle in (("star", "export * from './types/index.js';\n", "export * from './locale.js';\n"),
                                ("type-star", "export * from './types/index.js';\n", "export type * from './locale.js';\n"),
                                ("named", "export { Locale } from './types/index.js';\n", "export * from './locale.js';\n")):
        assert [f for f in dep(repo(name, entry, middle, alias)) if f[0] == "DEP001"] == [], name
    value = dep(repo("class", "export * from './types/index.js';\n", "export * from './locale.js';\n",
                     "export class Locale { code = 'en'; }\n"))
    assert ("DEP001", "apps/api/src/main.ts", "@acme/locale") in value
