"""Folders a repository's own config excludes by their path (model/named_exclusions.py): a file there
that nothing builds, checks, runs or imports is switched off on purpose, and no rule reports it."""

from __future__ import annotations

import os

import pytest

from migrationlint.globs import excluded_folder
from tests.helpers import lint
from tests.imports.test_imports_real_world import _pkg, _write


@pytest.mark.parametrize("pattern, folder", [
    ("/r/tests/archives", "/r/tests/archives"), ("/r/legacy/**", "/r/legacy"), ("/r/legacy/**/*", "/r/legacy"),
    ("/r/dist/", "/r/dist"), ("/r/src/bounty.ts", "/r/src/bounty.ts"),
    ("/r/src/**/*.spec.ts", None), ("/r/**/node_modules/**", None), ("/r/a/*.ts", None), ("/r/**/wip/*", None),
])
def test_a_pattern_names_a_folder_only_when_it_takes_it_whole(pattern, folder):
    """`tests/archives` and `legacy/**` are decisions about one folder; `**/*.spec.ts` is a
    convention over every folder, whatever literal folder it starts with."""
    assert excluded_folder(pattern) == folder


def _findings(root) -> list[tuple[str, str, str]]:
    return sorted((d.code, os.path.relpath(d.path, root), d.severity.value) for d in lint(root, ["IMP", "DEP001"]))


_PORTED_TEST = ("import { sleep } from '../../test_deps';\nimport { describe, it } from 'vitest';\n"
                "import { ws } from 'ws-polyfill';\n\ndescribe('close', () => { it('closes', () => sleep(1)); });\n")


def _vitest_repo(root, exclude: str) -> None:
    """A root vitest config over the workspace; a package whose tsconfig compiles `src/` but its tests."""
    _pkg(root, "package.json", {"name": "repo", "private": True, "workspaces": ["packages/*"],
                                "scripts": {"test": "vitest"}, "devDependencies": {"vitest": "^1.6.0"}})
    _write(root, "vitest.config.ts", "import { defineConfig } from 'vitest/config';\n"
                                     f"export default defineConfig({{ test: {{ exclude: [{exclude}, '**/node_modules/**'] }} }});\n")
    _pkg(root, "packages/lib/package.json", {"name": "lib", "version": "1.0.0", "main": "./dist/index.js",
                                             "scripts": {"build": "esbuild src/index.ts --bundle --outdir=dist"},
                                             "devDependencies": {"esbuild": "0.21.5"}})
    _pkg(root, "packages/lib/tsconfig.json", {"compilerOptions": {"strict": True, "noEmit": True}, "exclude": ["**/*.test.ts"]})
    _write(root, "packages/lib/src/index.ts", "export const add = (a: number, b: number) => a + b;\n")
    _write(root, "packages/lib/src/engine/test/close.test.ts", _PORTED_TEST)


def test_tests_a_root_vitest_config_excludes_by_their_packages_path_are_not_reported(tmp_path):
    """A half-ported copy of another runtime's test suite in `packages/lib/src/**/test/`, which the
    root's `vitest.config.ts` excludes by the package's path and the package tsconfig by name pattern
    (a real-time framework: 20 dead-file warnings no maintainer would act on). A pattern over names
    leaves the dead-file warnings; an entry naming the folder leaves nothing."""
    _vitest_repo(tmp_path, "'**/engine/**'")
    assert _findings(tmp_path) == [("DEP001", "packages/lib/src/engine/test/close.test.ts", "warning"),
                                   ("IMP002", "packages/lib/src/engine/test/close.test.ts", "warning")]
    _vitest_repo(tmp_path, "'./packages/lib/**'")
    assert _findings(tmp_path) == []


def test_a_tsconfig_that_leaves_out_a_folder_holding_another_package_draws_its_bounds(tmp_path):
    """An example app's tsconfig excludes `plugins`, a folder of packages each with its own manifest:
    that is where the app's program ends, not a folder switched off, so a dead plugin file's finding
    stays the dead-file warning. The plugin's own tsconfig naming the folder switches it off."""
    _pkg(tmp_path, "package.json", {"name": "app", "private": True, "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "lib", "rootDir": "./src"}, "exclude": ["node_modules", "plugins"]})
    _write(tmp_path, "src/index.ts", "export const app = 1;\n")
    _pkg(tmp_path, "plugins/bookmarks/package.json", {"name": "bookmarks", "private": True})
    _write(tmp_path, "plugins/bookmarks/src/components/List.tsx", "import Link from 'next/link';\n\nexport const L = Link;\n")
    assert _findings(tmp_path) == [("DEP001", "plugins/bookmarks/src/components/List.tsx", "warning")]
    _pkg(tmp_path, "plugins/bookmarks/tsconfig.json", {"compilerOptions": {"jsx": "react-jsx"}, "exclude": ["src/components"]})
    assert _findings(tmp_path) == []


def test_a_named_folder_a_live_file_imports_is_reported_as_ever(tmp_path):
    """The exclusion switches off only what nothing reaches: once the entry imports the parked file,
    tsc compiles it and its broken import is an error again."""
    _pkg(tmp_path, "package.json", {"name": "svc", "version": "1.0.0", "main": "dist/index.js", "scripts": {"build": "tsc"}})
    _pkg(tmp_path, "tsconfig.json", {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"],
                                     "exclude": ["src/wip"]})
    _write(tmp_path, "src/index.ts", "export const run = () => 1;\n")
    _write(tmp_path, "src/wip/draft.ts", "import { Guard } from '../auth/guard';\n\nexport const guard = Guard;\n")
    assert _findings(tmp_path) == []
    _write(tmp_path, "src/index.ts", "import { guard } from './wip/draft';\n\nexport const run = () => guard;\n")
    assert _findings(tmp_path) == [("IMP002", "src/wip/draft.ts", "error")]
