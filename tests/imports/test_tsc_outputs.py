"""Declarations a tsconfig elsewhere writes into the importer's folder (model/tsc_outputs.py)."""

from __future__ import annotations

import os

import pytest

from tests.helpers import lint
from tests.imports.test_imports_real_world import _pkg, _write


def _typings_repo(root, typings_options: dict, source: str = "app/src/api.ts") -> None:
    """A game world's typings package: one committed stub re-exporting what `build-typings` writes."""
    _pkg(root, "package.json", {"name": "world", "private": True, "workspaces": ["app", "app/packages/typings", "e2e"]})
    _pkg(root, "app/package.json", {"name": "world-app", "private": True, "devDependencies": {"typescript": "^5.9.3"},
                                    "scripts": {"build-typings": "tsc --project tsconfig-for-typings.json"}})
    _pkg(root, "app/tsconfig.json", {"compilerOptions": {"strict": True, "module": "esnext", "moduleResolution": "bundler"},
                                     "include": ["src"]})
    _pkg(root, "app/tsconfig-for-typings.json", {"extends": "./tsconfig.json", "include": ["src/api.ts"],
                                                 "compilerOptions": {"outDir": "./packages/typings/", **typings_options}})
    _write(root, source, "import type { PlayerId } from '../../libs/shared/types';\n"
                         "export interface Api { chat(from: PlayerId, message: string): void }\n")
    _write(root, "libs/shared/types.ts", "export type PlayerId = string;\n")
    _write(root, "app/packages/typings/.gitignore", "*.d.ts\n!/index.d.ts\n")
    _write(root, "app/packages/typings/index.d.ts", 'export type * from "./app/src/api";\n')
    _write(root, "app/packages/typings/index.js", "module.exports = {};\n")
    _pkg(root, "app/packages/typings/package.json", {"name": "@world/typings", "version": "0.0.0", "types": "index.d.ts",
                                                     "main": "index.js"})
    _pkg(root, "e2e/package.json", {"name": "world-e2e", "private": True, "devDependencies": {"@world/typings": "0.0.0"}})
    _write(root, "e2e/api.spec.ts", "import type { Api } from '@world/typings';\n"
                                    "export const call = (api: Api) => api.chat('p1', 'hi');\n")


@pytest.mark.parametrize("options, source, reported", [
    ({"declaration": True, "emitDeclarationOnly": True}, "app/src/api.ts", False),
    ({"composite": True}, "app/src/api.ts", False),
    ({}, "app/src/api.ts", True),  # the config emits no declarations
    ({"declaration": True}, "app/src/old/api.ts", True),  # the stub names a source that moved: a stale path
])
def test_a_stub_naming_declarations_a_tsconfig_writes_there_is_build_output(tmp_path, options, source, reported):
    """`iframe_api.d.ts`, the one committed file of a typings package, re-exports `./play/src/iframe_api`,
    which `tsc --project tsconfig-for-iframe-api-typings.json` (outDir: the typings folder, declarations
    on) writes there, mirroring the sources from their common root (a virtual world: 1 IMP002 error). It
    is absent only until the build; a config that emits no declarations, or a path whose source is gone,
    is reported."""
    _typings_repo(tmp_path, options, source)
    found = [os.path.relpath(d.path, tmp_path) for d in lint(tmp_path, ["IMP002"])]
    assert bool(found) is reported, found
