"""IMP001-IMP003 on small realistic trees and on the golden fixtures."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.helpers import REPO
from functools import partial
from tests.helpers import lint_result

FIXTURES = REPO / "fixtures"


def write(root: Path, files: dict[str, object]) -> None:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text if isinstance(text, str) else json.dumps(text, indent=2), encoding="utf-8")


lint = partial(lint_result, select=["IMP"])


def found(root: Path, **settings) -> list[tuple[str, str, int]]:
    result = lint(root, **settings)
    return [(d.code, str(Path(d.path).relative_to(root)), result.index(d.path).line_of(d.start) + 1)
            for d in result.diagnostics]


def fixed(root: Path, unsafe: bool = False, **settings) -> dict[str, str]:
    s = Settings(select=["IMP"], **settings)
    first = pipeline.lint([str(root)], s, use_cache=False)
    outcome = pipeline.fix([str(root)], s, unsafe=unsafe, first=first, use_cache=False)
    return {str(Path(p).relative_to(root)): t.decode() for p, t in outcome.texts.items()}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/kernel/package.json": {"name": "@acme/kernel", "main": "dist/index.js", "types": "dist/index.d.ts"},
        "packages/kernel/src/index.ts": "export * from './ids';\nexport * as errors from './errors';\n"
                                        "export { TenantContext as Tenant } from './tenant';\n",
        "packages/kernel/src/ids.ts": "export type EntityId = string;\nexport function newEntityId(): EntityId { return 'x'; }\n",
        "packages/kernel/src/errors.ts": "export class DomainError extends Error {}\n",
        "packages/kernel/src/tenant.ts": "export interface TenantContext { id: string }\n",
        "packages/api/package.json": {"name": "@acme/api", "dependencies": {
            "@acme/kernel": "workspace:*", "@acme/published-sdk": "^1.0.0", "@nestjs/common": "^10.4.15"}},
        "packages/api/tsconfig.json": '{\n  "compilerOptions": {"baseUrl": ".", "paths": {"@app/*": ["src/*"],},},\n}\n',
    })
    return tmp_path


# ----------------------------------------------------------------------------- fixtures

def test_golden_monorepo_has_exactly_the_planted_imp_findings(tmp_path):
    root = tmp_path / "monorepo"
    shutil.copytree(FIXTURES / "monorepo", root)
    result = lint(root)
    got = sorted((d.code, str(Path(d.path).relative_to(root)), result.index(d.path).line_of(d.start) + 1)
                 for d in result.diagnostics)
    controller = "services/master-data/src/health/health.controller.ts"
    assert got == [("IMP001", controller, 4), ("IMP001", controller, 5), ("IMP002", controller, 6),
                   ("IMP003", controller, 7)]
    by_line = {result.index(d.path).line_of(d.start) + 1: d for d in result.diagnostics}
    assert "@acme/kernel, @acme/utils" in by_line[4].message and by_line[4].fix is None
    assert by_line[5].fix is not None and by_line[4].extra["package"] == "@acme/shared-services"
    assert "services/master-data/src/health/redis.health" in by_line[6].message
    assert "`KafkaHealth`" in by_line[7].message
    after = fixed(root)[controller]
    original = (root / controller).read_text()
    assert after == original.replace("import { LegacyPingIndicator } from '@acme/shared-services';\n", "")


def test_clean_fixture_has_no_imp_findings(tmp_path):
    root = tmp_path / "clean"
    shutil.copytree(FIXTURES / "clean", root)
    assert lint(root).diagnostics == []


# ----------------------------------------------------------------------------- IMP001

def test_phantom_in_member_scope_and_alias_prefixes(ws):
    write(ws, {"packages/api/src/app.service.ts": (
        "import { newEntityId } from '@acme/kernel';\n"
        "import { SharedModule } from '@acme/shared';\n"
        "import { Client } from '@acme/published-sdk';\n"
        "import { Config } from '@/config';\n"
        "import { Logger } from '~/logger';\n"
        "import { Db } from '@app/db';\n"
        "import { Thing } from '@nestjs/unknown-thing';\n"
        "export const all = [newEntityId, SharedModule, Client, Config, Logger, Db, Thing];\n")})
    got = found(ws)
    assert ("IMP001", "packages/api/src/app.service.ts", 2) in got
    assert ("IMP001", "packages/api/src/app.service.ts", 4) in got
    assert ("IMP001", "packages/api/src/app.service.ts", 5) in got
    assert ("IMP002", "packages/api/src/app.service.ts", 6) in got  # alias exists, file does not
    assert len(got) == 4  # declared in-scope package and out-of-namespace package: not IMP


def test_installed_or_locked_in_scope_package_is_not_phantom(ws):
    write(ws, {
        "node_modules/@acme/generated-client/package.json": {"name": "@acme/generated-client"},
        "package-lock.json": {"lockfileVersion": 3, "packages": {"node_modules/@acme/audit": {"version": "1.2.0"}}},
        "packages/api/src/a.ts": "import { C } from '@acme/generated-client';\nimport { A } from '@acme/audit';\n"
                                 "export const x = [C, A];\n",
    })
    assert found(ws) == []


def test_ignore_packages(ws):
    write(ws, {"packages/api/src/a.ts": "import { Gen } from '@acme/generated-api';\nexport const g = Gen;\n"})
    assert found(ws) == [("IMP001", "packages/api/src/a.ts", 1)]
    assert found(ws, ignore_packages=["@acme/generated-*"]) == []


def test_phantom_fix_deletes_only_unused_non_side_effect_imports(ws):
    write(ws, {"packages/api/src/a.ts": (
        "import '@acme/instrumentation';\n"
        "import type { Unused } from '@acme/types';\n"
        "import { Used } from '@acme/shared';\n"
        "  import * as ns from '@acme/other'; // trailing comment keeps the line\n"
        "export const x: Used = 1 as never;\n")})
    result = lint(ws)
    fixes_by_line = {result.index(d.path).line_of(d.start) + 1: d.fix for d in result.diagnostics}
    assert fixes_by_line[1] is None and fixes_by_line[3] is None
    assert fixes_by_line[2] is not None and fixes_by_line[4] is not None
    text = fixed(ws)["packages/api/src/a.ts"]
    assert text == ("import '@acme/instrumentation';\nimport { Used } from '@acme/shared';\n"
                    "   // trailing comment keeps the line\nexport const x: Used = 1 as never;\n")


# ----------------------------------------------------------------------------- IMP002

def test_unresolved_relative_with_unique_namesake_fix_keeps_style(ws):
    write(ws, {
        "packages/api/src/health/indicators/redis.health.ts": "export class RedisHealth {}\n",
        "packages/api/src/health/health.module.ts": 'import { RedisHealth } from "./redis.health.js";\n'
                                                    "export const providers = [RedisHealth];\n",
    })
    assert found(ws) == [("IMP002", "packages/api/src/health/health.module.ts", 1)]
    text = fixed(ws, unsafe=True)["packages/api/src/health/health.module.ts"]
    assert text.startswith('import { RedisHealth } from "./indicators/redis.health.js";\n')
    assert fixed(ws) == {}  # unsafe only


def test_a_folder_of_the_same_name_makes_a_namesake_no_longer_unique(ws):
    """`./http/axios` matches nothing; `types/axios.d.ts` is the only *file* named axios, but the
    folder `src/utils/http/axios/` with its index is what the import meant: no file is "the only
    one of that name", and no rewrite is offered (a real app got 385 rewrites to a .d.ts)."""
    write(ws, {
        "packages/api/types/axios.d.ts": "export interface RequestOptions { url: string }\n",
        "packages/api/src/utils/http/axios/index.ts": "export const defHttp = { get: () => 1 };\n",
        "packages/api/src/api/user.ts": "import { defHttp } from './http/axios';\nexport const user = defHttp;\n",
    })
    [d] = [d for d in lint(ws).diagnostics if d.code == "IMP002"]
    assert d.fix is None and "only file of that name" not in d.message


def test_an_unresolved_import_only_for_types_says_runtime_is_unaffected(ws):
    """An unresolved import whose names are used only as types (or `import type`) breaks tsc, not
    the running code: the message says so, as IMP003's does (a real front end's deleted types file)."""
    write(ws, {"packages/api/src/a.ts": ("import type { Gone } from './gone';\nimport { StepsOutput } from './steps';\n"
                                         "import { run } from './runner';\n"
                                         "export const f = (s: StepsOutput, g: Gone) => [s, g, run];\n")})
    messages = {d.extra["specifier"]: d.message for d in lint(ws).diagnostics if d.code == "IMP002"}
    assert messages["./gone"].endswith("used only for types: tsc fails (TS2307), runtime is unaffected.")
    assert messages["./steps"].endswith("used only for types: tsc fails (TS2307), runtime is unaffected.")
    assert "runtime is unaffected" not in messages["./runner"]


def test_an_unresolved_import_nothing_uses_says_runtime_is_unaffected(ws):
    """An unresolved import whose names nothing uses is dropped by the compiler (tsc, SWC and esbuild
    drop an import no value uses): it breaks tsc, not the running code, and the message says so (a
    documentation site's leftover `Banner` import, which its build, skipping type checks, never
    loads)."""
    write(ws, {"packages/api/src/a.ts": "import { Banner } from './banner';\nimport { run } from './runner';\n"
                                        "import { Shape, Unused } from './shapes';\n\n"
                                        "export const banner = 1;\nexport const f = (s: Shape) => [s, run];\n"})
    messages = {d.extra["specifier"]: d.message for d in lint(ws).diagnostics if d.code == "IMP002"}
    assert messages["./banner"].endswith("The import is unused: tsc fails (TS2307), runtime is unaffected.")
    assert messages["./shapes"].endswith("used only for types or not at all: tsc fails (TS2307), runtime is unaffected.")
    assert "runtime is unaffected" not in messages["./runner"]


def test_unresolved_alias_fix_stays_an_alias(ws):
    write(ws, {
        "packages/api/src/common/storage/storage-keys.ts": "export const K = 1;\n",
        "packages/api/src/files.ts": "import { K } from '@app/common/storage-keys';\nexport const k = K;\n",
    })
    text = fixed(ws, unsafe=True)["packages/api/src/files.ts"]
    assert text.startswith("import { K } from '@app/common/storage/storage-keys';")


def test_no_fix_when_two_namesakes(ws):
    write(ws, {
        "packages/api/src/a/keys.ts": "", "packages/api/src/b/keys.ts": "",
        "packages/api/src/files.ts": "import { K } from './keys';\nexport const k = K;\n",
    })
    result = lint(ws)
    assert [d.code for d in result.diagnostics] == ["IMP002"] and result.diagnostics[0].fix is None


def test_assets_skipped_json_checked(ws):
    write(ws, {
        "packages/api/src/seed.json": "{}",
        "packages/api/src/a.ts": ("import './styles.css';\nimport logo from './logo.svg';\nimport raw from 'raw-loader!./x';\n"
                                  "import seed from './seed.json';\nimport missing from './missing.json';\n"
                                  "export const all = [logo, raw, seed, missing];\n"),
    })
    result = lint(ws)
    assert [(d.code, result.index(d.path).line_of(d.start) + 1) for d in result.diagnostics] == [("IMP002", 5)]
    assert "with .ts" not in result.diagnostics[0].message


def test_reference_directives_are_ignored(ws):
    write(ws, {"packages/api/src/a.ts": '/// <reference types="./missing" />\nexport const a = 1;\n'})
    assert found(ws) == []


# ----------------------------------------------------------------------------- IMP003

def test_missing_export_through_chains_and_aliases(ws):
    write(ws, {"packages/api/src/a.ts": (
        "import { newEntityId, errors, Tenant, type EntityId } from '@acme/kernel';\n"
        "import { TenantContext } from '@acme/kernel';\n"
        "export { DomainError } from '@acme/kernel';\n"
        "export const all = [newEntityId, errors, TenantContext];\nexport type Id = EntityId | Tenant;\n")})
    result = lint(ws)
    got = [(d.code, result.index(d.path).line_of(d.start) + 1, d.extra.get("name")) for d in result.diagnostics]
    assert got == [("IMP003", 2, "TenantContext"), ("IMP003", 3, "DomainError")]


@pytest.mark.parametrize("declared,version,reported", [
    ("^3.3.0", "8.8.1", False), ("^8.0.0", "8.8.1", True), ("workspace:*", "8.8.1", True), (None, "8.8.1", True),
    ("8.8.1", "8.8.1-exit-format", False), ("^8.8.1-beta.0", "8.8.1-exit-format", True), ("*", "8.8.1-next", True)])
def test_a_range_the_workspace_copy_does_not_satisfy_installs_the_registry_release(tmp_path, declared, version, reported):
    """A project that declares `"@acme/processor": "^3.3.0"` while the workspace holds 8.8.1 gets
    3.x from the registry, not the workspace source: that source's exports say nothing of what it
    imports (a real test project had 2 IMP003 for a name 3.x still exports). A range the copy
    satisfies, the workspace protocol, or no declaration at all (hoisting) links the copy. A
    prerelease copy (8.8.1-exit-format) satisfies only a range naming a prerelease of 8.8.1 (a real
    repository: 6 IMP003 against a rewritten workspace source its importers never install)."""
    write(tmp_path, {
        "package.json": {"name": "sdk", "private": True, "workspaces": ["processor", "test/*"]},
        "processor/package.json": {"name": "@acme/processor", "version": version, "main": "lib/index.js",
                                   "types": "src/index.ts"},
        "processor/src/index.ts": "export class BatchProcessor {}\n",
        "test/old-app/package.json": {"name": "old-app", "private": True,
                                      "dependencies": {"@acme/processor": declared} if declared else {}},
        "test/old-app/src/processor.ts": ("import { BatchProcessor, BatchProcessorItem } from '@acme/processor';\n"
                                          "export const all = [BatchProcessor, BatchProcessorItem];\n"),
    })
    assert [g[0] for g in found(tmp_path)] == (["IMP003"] if reported else [])


@pytest.mark.parametrize("lockfile", [True, False])
def test_a_project_installed_apart_gets_the_registry_release_not_the_members_source(tmp_path, lockfile):
    """`scripts/` is no workspace member and has a lockfile of its own: its install puts the registry's
    `@acme/providers` in `scripts/node_modules`, which Node finds before the workspace's link above it
    (a real repository: an IMP003 against the workspace source). Without its own lockfile, nothing
    installs it apart: the root's link serves it."""
    write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "yarn.lock": "# yarn lockfile v1\n",
        "packages/providers/package.json": {"name": "@acme/providers", "version": "2.10.0", "main": "lib/index.js",
                                            "types": "src/index.ts"},
        "packages/providers/src/index.ts": "export class Provider {}\n",
        "scripts/package.json": {"name": "scripts", "version": "1.0.0", "devDependencies": {"@acme/providers": "^2.4.20"}},
        "scripts/tx.ts": "import { Provider, createApi } from '@acme/providers';\nexport const p = [new Provider(), createApi];\n",
        **({"scripts/yarn.lock": ('# yarn lockfile v1\n\n"@acme/providers@^2.4.20":\n  version "2.4.20"\n'
                                  '  resolved "https://registry.npmjs.org/@acme/providers/-/providers-2.4.20.tgz#abc"\n')}
           if lockfile else {}),
    })
    assert [g[0] for g in found(tmp_path)] == ([] if lockfile else ["IMP003"])


@pytest.mark.parametrize("holds", [True, False])
def test_a_member_a_project_installed_apart_gets_through_a_release_it_declares_is_that_release(tmp_path, holds):
    """`examples/demo`, with a lockfile of its own, declares the registry's `@acme/bot` 1.0.0, which brings
    `@acme/types` 1.0.0; the demo imports `OldName`, which that release exports and the workspace's 2.0 beta
    source no longer does (a chat library's example: 1 IMP003). Its own install holds the name, found before
    the workspace's link; where its lockfile does not hold it, Node walks up to the link: the member's source."""
    types_entry = ('"@acme/types@npm:1.0.0":\n  version: 1.0.0\n  resolution: "@acme/types@npm:1.0.0"\n'
                   '  languageName: node\n  linkType: hard\n\n') if holds else ""
    write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/types/package.json": {"name": "@acme/types", "version": "2.0.0-beta.1", "types": "src/index.ts"},
        "packages/types/src/index.ts": "export interface NewName { a: string }\n",
        "examples/demo/package.json": {"name": "demo", "private": True, "dependencies": {"@acme/bot": "1.0.0"}},
        "examples/demo/yarn.lock": ('__metadata:\n  version: 8\n\n"@acme/bot@npm:1.0.0":\n  version: 1.0.0\n'
                                    '  resolution: "@acme/bot@npm:1.0.0"\n  dependencies:\n    "@acme/types": "npm:1.0.0"\n'
                                    '  languageName: node\n  linkType: hard\n\n' + types_entry
                                    + '"demo@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "demo@workspace:."\n'
                                    '  languageName: unknown\n  linkType: soft\n'),
        "examples/demo/src/index.ts": "import type { OldName } from '@acme/types';\n\nexport const f = (o: OldName) => o;\n",
    })
    assert [g[0] for g in found(tmp_path) if g[0] == "IMP003"] == ([] if holds else ["IMP003"])


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_export_on_a_line_of_its_own_above_a_decorated_class_exports_it(ws, newline):
    """`export`, then `@tag`, then `class User` on the next lines (standard decorators) exports the
    class, with either line ending (the tsc oracle project checks the LF form against tsc)."""
    user = newline.join(["import { tag } from './tag';", "", "export", "@tag", "class User {}", ""])
    write(ws, {"packages/api/src/tag.ts": "export function tag<T>(value: T, _c: unknown): T {\n  return value;\n}\n",
               "packages/api/src/user.ts": user,
               "packages/api/src/main.ts": "import { User } from './user';\nexport const u = new User();\n"})
    assert [g for g in found(ws) if g[0] == "IMP003"] == []


def test_silent_when_surface_cannot_be_read(ws):
    write(ws, {
        "packages/api/src/lib/broken.ts": "export const a = ;\n",
        "packages/api/src/lib/equals.ts": "const c = { a: 1 };\nexport = c;\n",
        "packages/api/src/lib/reexports-package.ts": "export * from '@nestjs/common';\nexport const own = 1;\n",
        "packages/api/src/lib/reexports-missing.ts": "export * from './nowhere';\n",
        "packages/api/src/lib/legacy.js": "exports.a = 1;\n",
        "packages/api/src/a.ts": ("import { b } from './lib/broken';\nimport { a } from './lib/equals';\n"
                                  "import { Injectable } from './lib/reexports-package';\n"
                                  "import { z } from './lib/reexports-missing';\nimport { q } from './lib/legacy';\n"
                                  "export const all = [b, a, Injectable, z, q];\n"),
    })
    got = found(ws)
    assert ("IMP002", "packages/api/src/lib/reexports-missing.ts", 1) in got
    assert not [g for g in got if g[0] == "IMP003"]


def test_export_star_cycle_terminates_and_still_finds_names(ws):
    write(ws, {
        "packages/api/src/c/a.ts": "export * from './b';\nexport const fromA = 1;\n",
        "packages/api/src/c/b.ts": "export * from './a';\nexport const fromB = 1;\n",
        "packages/api/src/use.ts": "import { fromA, fromB, fromC } from './c/a';\nimport { fromA as x } from './c/b';\n"
                                   "export const all = [fromA, fromB, fromC, x];\n",
    })
    result = lint(ws)
    assert [(d.code, d.extra["name"]) for d in result.diagnostics] == [("IMP003", "fromC")]


def test_declared_but_not_exported_gets_unsafe_export_fix(ws):
    write(ws, {
        "packages/api/src/users/users.service.ts": ("import { Injectable } from '@nestjs/common';\n\n"
                                                    "@Injectable()\nclass UsersService {}\n\nenum Role { Admin }\n"),
        "packages/api/src/users/users.module.ts": ("import { UsersService, Role, Missing } from './users.service';\n"
                                                   "export const all = [UsersService, Role, Missing];\n"),
    })
    result = lint(ws)
    messages = {d.extra["name"]: d for d in result.diagnostics}
    assert "declared in" in messages["UsersService"].message and messages["UsersService"].fix is not None
    assert messages["Missing"].fix is None
    text = fixed(ws, unsafe=True)["packages/api/src/users/users.service.ts"]
    assert text == ("import { Injectable } from '@nestjs/common';\n\n"
                    "@Injectable()\nexport class UsersService {}\n\nexport enum Role { Admin }\n")


def test_default_and_namespace_imports_are_not_checked(ws):
    write(ws, {
        "packages/api/src/x.ts": "export const a = 1;\n",
        "packages/api/src/use.ts": "import x from './x';\nimport * as all from './x';\nexport const y = [x, all];\n",
    })
    assert found(ws) == []


def test_a_dotted_namespace_exports_its_first_name(ws):
    """`export namespace google.protobuf { ... }`, as protoc-gen-ts writes every generated file, exports
    `google` (a gRPC connector's import of it was "no export named `google`"); a name no namespace starts
    with is still missing."""
    write(ws, {
        "packages/api/src/gen/empty.ts": "export namespace google.protobuf {\n  export class Empty {}\n}\n",
        "packages/api/src/use.ts": "import { google, protobuf } from './gen/empty';\n\n"
                                   "export const e = [new google.protobuf.Empty(), protobuf];\n",
    })
    assert [(d.code, d.extra["name"]) for d in lint(ws).diagnostics] == [("IMP003", "protobuf")]


def test_a_name_starting_with_a_dot_is_no_relative_path(ws):
    """`.prisma/client` (the client `prisma generate` writes into node_modules/.prisma) is a bare
    name to Node and tsc: in a checkout that has not generated it, it is neither an unresolved path
    nor an undeclared package; `./.prisma/client` is a relative path as before."""
    from migrationlint.model.packages import classify, is_relative

    assert [is_relative(s) for s in (".", "..", "./x", "../x", "/x", ".prisma/client", ".x", "..x/y")] == \
        [True, True, True, True, True, False, False, False]
    assert classify(".prisma/client") == "invalid"  # no npm package can start with a dot
    write(ws, {"packages/api/src/db.ts": ("import { Prisma } from '.prisma/client';\n"
                                         "import { Other } from './.prisma/client';\n"
                                         "export type Both = [Prisma.UserCreateInput, Other];\n")})
    assert found(ws) == [("IMP002", "packages/api/src/db.ts", 2)]
    assert [d.code for d in pipeline.lint([str(ws)], Settings(select=["DEP", "IMP"]), use_cache=False).diagnostics
            if "db.ts" in d.path] == ["IMP002"]


def test_a_declaration_standing_in_for_a_gitignored_source_is_not_export_checked(ws):
    """`config.d.ts` describes the shape of a `config.ts` each developer writes and git ignores:
    where that file exists, tsc takes it before the declaration, so the declaration's missing
    `config` export is no finding; without the ignore rule, it is one."""
    write(ws, {
        "packages/api/src/config/config.d.ts": "export interface Config { db: string }\n",
        "packages/api/src/config/db-config.ts": "import { config } from './config';\nexport const url = config.db;\n",
    })
    assert [c for c, _, _ in found(ws)] == ["IMP003"]
    write(ws, {"packages/api/src/config/.gitignore": "config.ts\n"})
    assert found(ws) == []


def test_a_script_declaration_file_declaring_the_module_ambiently_is_not_export_checked(ws):
    """A package whose `types` file is a script holding `declare module '@acme/web' { ... }` (no
    top-level export): TypeScript takes that ambient module's members, which the file's own
    exports do not list (a real monorepo had 14 IMP003 errors). A declaration file that is a module
    is still checked."""
    write(ws, {
        "packages/web/package.json": {"name": "@acme/web", "main": "./index.cjs", "types": "./index.d.cts"},
        "packages/web/index.d.cts": "declare module '@acme/web' {\n  export function getPublicDir(): string;\n}\n",
        "packages/api/package.json": {"name": "@acme/api", "dependencies": {"@acme/web": "workspace:*"}},
        "packages/api/src/main.ts": "import { getPublicDir } from '@acme/web';\nexport const dir = getPublicDir();\n",
    })
    assert found(ws) == []
    write(ws, {"packages/web/index.d.cts": "export declare function getServerBuild(): string;\n"})
    assert [c for c, _, _ in found(ws)] == ["IMP003"]


def test_a_vitest_alias_that_mocks_a_declared_package_is_for_tests_only(tmp_path):
    """`vitest.config.mts` `resolve.alias: { 'next/router': 'src/__mocks__/next/router' }` swaps the
    package for a mock while tests run; tsc and the app's build use the real `next` (a real app had
    4 IMP003 against the mock). A vitest alias of a name no manifest declares (`@/`) still resolves."""
    write(tmp_path, {
        "package.json": {"name": "web", "private": True, "scripts": {"build": "next build", "test": "vitest"},
                         "dependencies": {"next": "^15.0.0"}, "devDependencies": {"vitest": "^3.0.0"}},
        "tsconfig.json": {"compilerOptions": {"strict": True}, "include": ["src/**/*"], "exclude": ["src/__mocks__/**"]},
        "vitest.config.mts": ("import path from 'node:path';\nimport { defineConfig } from 'vitest/config';\n"
                              "export default defineConfig({ resolve: { alias: {\n"
                              "  'next/router': path.resolve(import.meta.dirname, 'src/__mocks__/next/router'),\n"
                              "  '@': path.resolve(import.meta.dirname, 'src'),\n} } });\n"),
        "src/__mocks__/next/router.ts": "export const useRouter = () => ({});\n",
        "src/lib/util.ts": "export const util = 1;\n",
        "src/pages/index.tsx": ("import { withRouter } from 'next/router';\nimport { util } from '@/lib/util';\n"
                                "import { gone } from '@/lib/gone';\nexport default withRouter(() => util + gone);\n"),
    })
    assert [(code, line) for code, _, line in found(tmp_path)] == [("IMP002", 3)]


def test_a_jest_mapping_of_a_package_the_root_declares_is_for_tests_only(tmp_path):
    """`moduleNameMapper: { '^electron$': '<rootDir>/__mocks__/electron.ts' }` in an Nx app whose package
    declares nothing, the root declaring electron: jest swaps the package for a mock while tests run,
    and the app's build loads the real one (a real desktop app: 8 IMP003 against the mock's exports)."""
    write(tmp_path, {
        "package.json": {"name": "ws", "private": True, "devDependencies": {"electron": "^40.0.0", "jest": "^29.0.0"}},
        "apps/desk/package.json": {"name": "desk", "version": "0.1.0", "private": True, "main": "main.js", "dependencies": {}},
        "apps/desk/jest.config.ts": "export default { moduleNameMapper: { '^electron$': '<rootDir>/__mocks__/electron.ts' } };\n",
        "apps/desk/__mocks__/electron.ts": "export const app = { quit: () => undefined };\n",
        "apps/desk/src/main.ts": "import { app, powerMonitor } from 'electron';\n\npowerMonitor.on('suspend', () => app.quit());\n",
    })
    assert [code for code, _, _ in found(tmp_path)] == []


def test_dep001_leaves_a_name_under_a_path_alias_prefix_to_imp001(tmp_path):
    """`@acme/shared` where the tsconfig maps `@acme/shared/text` and no package has the scope: a
    mistyped alias (IMP001), never a package to install (DEP001 first also said `npm install
    @acme/shared`, which fetches an unrelated or squatted package)."""
    write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "dependencies": {"@nestjs/common": "^10.0.0"}},
        "tsconfig.base.json": {"compilerOptions": {"baseUrl": ".", "paths": {
            "@acme/shared/text": ["libs/shared/text/src/index.ts"], "@acme/orders": ["libs/orders/src/index.ts"]}}},
        "libs/orders/tsconfig.json": {"extends": "../../tsconfig.base.json", "include": ["src/**/*.ts"]},
        "libs/shared/text/src/index.ts": "export const slug = (s: string) => s.toLowerCase();\n",
        "libs/orders/src/index.ts": "import { slug } from '@acme/shared';\nexport const orderSlug = (n: string) => slug(n);\n",
    })
    result = lint_result(tmp_path, select=["IMP001", "DEP001"])
    assert [d.code for d in result.diagnostics] == ["IMP001"]
    # an unscoped namespace the keys use (`fm/web-types`): `fm/web/types` is a mistyped alias, not
    # `pnpm add -D fm` (an unrelated npm package); a bare name alone is no namespace
    write(tmp_path, {
        "tsconfig.base.json": {"compilerOptions": {"baseUrl": ".", "paths": {
            "fm/web-types": ["libs/shared/text/src/index.ts"], "@acme/orders": ["libs/orders/src/index.ts"]}}},
        "libs/orders/src/index.ts": "import { slug } from 'fm/web/types';\nimport { pad } from 'leftpadder';\n"
                                    "export const orderSlug = (n: string) => pad(slug(n));\n",
    })
    result = lint_result(tmp_path, select=["IMP001", "DEP001"])
    assert sorted((d.code, d.extra.get("package") or d.extra.get("specifier")) for d in result.diagnostics) == [
        ("DEP001", "leftpadder"), ("IMP001", "fm")], result.diagnostics


def test_a_paths_key_in_a_scope_npm_owns_names_one_package_not_a_namespace(tmp_path):
    """`"@prisma/auth-client": [".../node_modules/.prisma/auth-client"]` (a generated client under its
    own name) beside a declared `@prisma/client`: `@prisma/adapter-pg` is another npm package to
    install (DEP001 with advice), not a mistyped alias (IMP001 said `@prisma/` is an alias prefix)."""
    write(tmp_path, {
        "package.json": {"name": "svc", "version": "1.0.0", "private": True, "scripts": {"build": "tsc"},
                         "dependencies": {"@prisma/client": "^7.3.0"}, "devDependencies": {"typescript": "^5.9.3"}},
        "tsconfig.json": {"compilerOptions": {"baseUrl": "./", "outDir": "dist", "paths": {
            "@prisma/auth-client": ["node_modules/.prisma/auth-client"]}}, "include": ["src/**/*"]},
        "src/db.ts": "import { PrismaPg } from '@prisma/adapter-pg';\nexport const adapter = new PrismaPg({});\n",
    })
    result = lint_result(tmp_path, select=["IMP001", "DEP001"])
    assert [(d.code, d.extra.get("package")) for d in result.diagnostics] == [("DEP001", "@prisma/adapter-pg")]


def test_a_root_alias_the_files_tsconfig_misses_is_no_package_to_install(tmp_path):
    """A library moved one folder deeper kept `"extends": "../../../tsconfig.base.json"`, which now
    points above the repository: its import of the root's alias `@acme/api/finance` fails, but the
    name is the workspace's alias (IMP001, saying so), never `npm install @acme/api` (DEP001 said)."""
    write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "dependencies": {"@nestjs/common": "^10.0.0"}},
        "tsconfig.base.json": {"compilerOptions": {"baseUrl": ".", "paths": {"@acme/api/finance": ["libs/finance/index.ts"]}}},
        "apps/api/tsconfig.json": {"extends": "../../tsconfig.base.json", "include": ["src/**/*.ts"]},
        "apps/api/src/main.ts": "import { FinanceDto } from '@acme/api/finance';\nexport const dto = new FinanceDto();\n",
        "libs/finance/tsconfig.json": {"extends": "../../../tsconfig.base.json", "include": ["**/*.ts"]},
        "libs/finance/index.ts": "export * from './dto';\n",
        "libs/finance/dto.ts": "export class FinanceDto { amount = 0; }\n",
        "libs/finance/service.ts": "import { FinanceDto } from '@acme/api/finance';\nexport const make = () => new FinanceDto();\n",
    })
    result = lint_result(tmp_path, select=["IMP001", "DEP001"])
    assert [(d.code, os.path.relpath(d.path, tmp_path)) for d in result.diagnostics] == [("IMP001", "libs/finance/service.ts")]
    assert "`@acme/api/finance` is a path alias of tsconfig.base.json" in result.diagnostics[0].message
    # a catch-all `"*": ["src/types/*"]` maps every name: no alias of the workspace in particular (a load
    # test's `k6/http` became IMP001 with it)
    write(tmp_path, {"tsconfig.base.json": {"compilerOptions": {"baseUrl": ".", "paths": {"*": ["src/types/*"]}}},
                     "libs/finance/service.ts": "import http from 'k6/http';\nexport const get = http.get;\n"})
    found = [(d.code, d.extra.get("package")) for d in lint_result(tmp_path, select=["IMP001", "DEP001"]).diagnostics]
    assert ("DEP001", "k6") in found and all(code == "DEP001" for code, _ in found)


def test_a_build_that_moves_its_declarations_maps_them_back_to_where_tsc_wrote_them(tmp_path):
    """`tsc --emitDeclarationOnly && mv dist/src dist/types` (a composite project writes `dist/src/`):
    `"types": "./dist/types/index.d.ts"` is built from `src/index.ts`, not from `src/types/index.ts`,
    which exports only types (a real Fastify plugin family: 20 IMP003 against the wrong file)."""
    write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/lib/package.json": {"name": "@acme/lib", "version": "1.0.0", "main": "./dist/acme-lib.cjs",
                                      "types": "./dist/types/index.d.ts",
                                      "scripts": {"build": "vite build && tsc --emitDeclarationOnly && mv dist/src dist/types"}},
        "packages/lib/tsconfig.json": {"compilerOptions": {"composite": True, "declaration": True, "outDir": "./dist"},
                                       "include": ["src/**/*.ts"]},
        "packages/lib/src/index.ts": "export { default as BaseService } from './service';\nexport type { Config } from './types';\n",
        "packages/lib/src/service.ts": "export default class BaseService { hello() { return 'hi'; } }\n",
        "packages/lib/src/types/index.ts": "export interface Config { url: string }\n",
        "packages/app/package.json": {"name": "@acme/app", "version": "1.0.0", "main": "./src/index.ts",
                                      "dependencies": {"@acme/lib": "*"}},
        "packages/app/src/index.ts": "import { BaseService } from '@acme/lib';\nexport const s = new BaseService();\n",
    })
    assert lint_result(tmp_path, select=["IMP003"]).diagnostics == []
    write(tmp_path, {"packages/app/src/index.ts": "import { Missing } from '@acme/lib';\nexport const s = Missing;\n"})
    assert [d.code for d in lint_result(tmp_path, select=["IMP003"]).diagnostics] == ["IMP003"]


def test_imp002_never_offers_a_file_of_another_nx_project(tmp_path):
    """An integrated Nx repository (one package.json): `./app/app.server.module` is missing in the
    shop app, and the only file of that name is the blog app's. Server-rendering the shop with the
    blog's module is never right, so no fix (a real repository's unsafe fix did). Nor a library's:
    Nx reaches a library through its path alias (its module boundaries forbid a relative path into
    another project), and a namesake there is usually another implementation (584 unsafe fixes in
    a real repository pointed a stale generated folder at another library's classes). A namesake in
    the importer's own project is offered."""
    files = {
        "package.json": {"name": "acme", "private": True, "dependencies": {"@angular/core": "19.2.9"}},
        "nx.json": {"npmScope": "acme"},
        "apps/shop/project.json": {"name": "shop", "projectType": "application", "sourceRoot": "apps/shop/src"},
        "apps/blog/project.json": {"name": "blog", "projectType": "application", "sourceRoot": "apps/blog/src"},
        "apps/shop/src/main.server.ts": "export { AppServerModule as default } from './app/app.server.module';\n",
        "apps/blog/src/app/app.server.module.ts": "export class AppServerModule {}\n",
    }
    write(tmp_path / "apps", files)
    [d] = lint(tmp_path / "apps", select=["IMP002"]).diagnostics
    assert d.fix is None and "only file of that name" not in d.message
    write(tmp_path / "lib", {**files, "libs/ssr/project.json": {"name": "ssr", "projectType": "library"},
                             "libs/ssr/src/app.server.module.ts": "export class AppServerModule {}\n"})
    (tmp_path / "lib/apps/blog/src/app/app.server.module.ts").unlink()
    [d] = lint(tmp_path / "lib", select=["IMP002"]).diagnostics
    assert d.fix is None and "only file of that name" not in d.message
    (tmp_path / "lib/libs/ssr/src/app.server.module.ts").unlink()
    write(tmp_path / "lib", {"apps/shop/src/server/app.server.module.ts": "export class AppServerModule {}\n"})
    [d] = lint(tmp_path / "lib", select=["IMP002"]).diagnostics
    assert d.fix is not None and "apps/shop/src/server/app.server.module.ts" in d.message


@pytest.mark.parametrize("target", ["lib/util/hello.js", None])
def test_a_jsconfig_is_the_project_file_of_a_folder_without_a_tsconfig(tmp_path, target):
    """A front end with only `jsconfig.json` (`"paths": {"@lib/*": ["./lib/*"]}`) and one `.ts`
    file among its `.jsx`: tsserver and `tsc -p jsconfig.json` resolve `@lib/util/hello` through
    its paths for the `.ts` file too (checked with tsc 5.8), so it is no package to install (a real
    repository's DEP001 told it to `yarn add` an alias). A missing target is IMP002 on the alias."""
    files = {
        "web/package.json": {"name": "web", "private": True, "scripts": {"build": "vite build"},
                             "dependencies": {"vite": "^5.0.0"}},
        "web/jsconfig.json": {"compilerOptions": {"jsx": "react", "paths": {"@lib/*": ["./lib/*"]}}},
        "web/src/a.ts": "import { hello } from '@lib/util/hello';\nexport const a = hello();\n",
    }
    if target:
        files[f"web/{target}"] = "export const hello = () => 'hi';\n"
    write(tmp_path, files)
    found = [d.code for d in pipeline.lint([str(tmp_path)], Settings(), use_cache=False).diagnostics]
    assert found == ([] if target else ["IMP002"]), found


def test_typescript_extension_substitution_covers_ts_tsx_and_jsx_specifiers(tmp_path):
    """With `allowImportingTsExtensions`, `./mode.tsx` finds `mode.ts`, `./topics.ts` finds
    `topics.tsx` and `./props.jsx` finds `props.ts`, as tsc's resolver tries them (checked with
    tsc 5.9 --traceResolution; a real front end: 14 IMP002). A name with no such twin is still
    reported, and the message lists the twins it tried."""
    write(tmp_path, {
        "package.json": {"name": "console", "private": True, "version": "1.0.0"},
        "tsconfig.json": {"compilerOptions": {"moduleResolution": "bundler", "allowImportingTsExtensions": True,
                                              "noEmit": True, "jsx": "react-jsx"}, "include": ["src"]},
        "src/mode.ts": "export type Mode = 'mini' | 'full';\n",
        "src/topics.tsx": "export type Topic = { title: string };\n",
        "src/props.ts": "export interface Props { open: boolean }\n",
        "src/use.ts": "import type { Mode } from './mode.tsx';\nimport type { Topic } from './topics.ts';\n"
                      "import type { Props } from './props.jsx';\nimport type { Gone } from './gone.tsx';\n"
                      "export type All = [Mode, Topic, Props, Gone];\n",
    })
    [d] = pipeline.lint([str(tmp_path)], Settings(select=["IMP002"]), use_cache=False).diagnostics
    assert "`./gone.tsx`" in d.message and "(and .ts/.d.ts for .tsx)" in d.message, d.message


def test_a_bundler_query_behind_a_catch_all_path_names_the_file(tmp_path):
    """`paths: {"*": ["./src/*"]}` and `import Logo from 'assets/logo.svg?react'` (vite's svgr): the
    query is the bundler's, the name before it is the file under src/ (a real front end: 108 DEP001
    calling it a package nobody installs)."""
    write(tmp_path, {
        "package.json": {"name": "web", "private": True, "version": "1.0.0", "scripts": {"build": "vite build"},
                         "devDependencies": {"vite": "^6.0.0"}},
        "tsconfig.json": {"compilerOptions": {"moduleResolution": "bundler", "noEmit": True,
                                              "paths": {"*": ["./src/*"]}}, "include": ["src"]},
        "src/assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n",
        "src/env.d.ts": "declare module '*.svg?react' {\n  const C: () => unknown;\n  export default C;\n}\n",
        "src/header.ts": "import Logo from 'assets/logo.svg?react';\nexport const header = () => Logo();\n",
    })
    assert pipeline.lint([str(tmp_path)], Settings(select=["DEP001", "IMP001"]), use_cache=False).diagnostics == []


@pytest.mark.parametrize("case", ["data", "imported by a test", "named like a test", "not excluded"])
def test_test_data_a_packages_tsconfig_excludes_is_read_as_text(tmp_path, case):
    """A compiler plugin's tests keep inputs and expected outputs in `tests/**/test-files/` and
    `tests/**/snapshots/`, which the package's tsconfig includes with `tests` and excludes again by
    name; a test lists and reads them as text (a router monorepo: 626 IMP/DEP001 findings on imports
    of the apps those files stand for). Nothing imports them but one another (an expected output
    importing its input with a query), so no rule about imports applies. A file a real test imports,
    a file named like a test (a runner runs it whatever the tsconfig), or a tsconfig that does not
    exclude the folder keeps the findings."""
    exclude = [] if case == "not excluded" else ["tests/**/test-files/**", "tests/**/snapshots/**"]
    name = "route.test.tsx" if case == "named like a test" else "route.tsx"
    test = "import { readFile } from 'node:fs/promises';\n\ntest('split', async () => readFile('split/test-files'));\n"
    if case == "imported by a test":
        test = f"import {{ Route }} from './split/test-files/{name[:-4]}';\n\ntest('split', () => Route);\n"
    write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/plugin/package.json": {"name": "@acme/plugin", "version": "1.0.0", "main": "dist/index.js",
                                         "devDependencies": {"vitest": "^3.0.0"}},
        "packages/plugin/tsconfig.json": {"include": ["src", "tests"], "exclude": exclude,
                                          "compilerOptions": {"jsx": "react-jsx", "outDir": "dist"}},
        "packages/plugin/src/index.ts": "export const split = (code: string) => code;\n",
        "packages/plugin/tests/split.spec.ts": test,
        f"packages/plugin/tests/split/test-files/{name}": "import { Carbon } from '~/components/Carbon';\n"
                                                         "import { Widget } from '../widget';\n"
                                                         "export const Route = [Carbon, Widget];\n",
        "packages/plugin/tests/split/snapshots/route.tsx": "import { Route } from '../test-files/route.tsx?split';\n"
                                                          "import { useQuery } from '@acme/query';\n"
                                                          "export default [Route, useQuery];\n",
    })
    findings = {(code, path.rsplit("/", 2)[-2]) for code, path, _ in found(tmp_path)}
    data = case == "data"
    assert (("IMP002", "test-files") in findings) is not data
    assert (("IMP001", "snapshots") in findings) is (case == "not excluded")


@pytest.mark.parametrize("case", ["fixture config", "no config", "suite config", "spec config"])
def test_a_fixtures_own_tsconfig_leaves_the_packages_exclude_in_force(tmp_path, case):
    """A migration tool's test case folder holds the `tsconfig.json` the migration rewrites beside the
    `vite.config.ts` it reads as text; the package's tsconfig excludes every case folder on purpose
    (`src/migrations/**/tests/**`). The fixture's config, the nearest, is no project of the package: the
    exclusion above it decides, and the case is test data (a Svelte CLI: 2 DEP001 for `vite`). So where
    tsc reads a referenced `tsconfig.spec.json` for the tests that includes the folder (a code generator's
    test documents: 29 DEP001). A folder whose tsconfig sits beside a runner's config is an e2e suite: its
    files are the tests' code, and reported (a mobile app's detox `globalSetup.ts`)."""
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/tool/package.json": {"name": "tool", "version": "1.0.0", "type": "module", "bin": {"tool": "./src/index.ts"},
                                       "devDependencies": {"vitest": "4.1.8"}},
        "packages/tool/tsconfig.json": {"include": ["src/**/*.ts"], "exclude": ["src/migrations/tests/**"],
                                        "compilerOptions": {"strict": True, "noEmit": True}},
        "packages/tool/src/index.ts": "export const run = () => 'migrate';\n",
        "packages/tool/src/migrations/migrate.spec.ts": "import fs from 'node:fs';\nimport { test } from 'vitest';\n\n"
                                                        "test('basic', () => { fs.readFileSync('./tests/basic/vite.config.ts'); });\n",
        "packages/tool/src/migrations/tests/basic/vite.config.ts": "import { defineConfig } from 'vite';\nexport default defineConfig({});\n",
    }
    if case in ("fixture config", "suite config"):
        files["packages/tool/src/migrations/tests/basic/tsconfig.json"] = {"compilerOptions": {"strict": True}}
    if case == "suite config":
        files["packages/tool/src/migrations/tests/basic/jest.config.js"] = "module.exports = { testMatch: ['**/*.e2e.ts'] };\n"
    if case == "spec config":
        files["packages/tool/tsconfig.json"]["references"] = [{"path": "./tsconfig.spec.json"}]
        files["packages/tool/tsconfig.spec.json"] = {"extends": "./tsconfig.json", "exclude": [],
                                                     "include": ["src/**/*.spec.ts", "src/migrations/tests/**/*.ts"]}
    write(tmp_path, files)
    assert [c for c, _, _ in found(tmp_path, select=["IMP", "DEP001"])] == (["DEP001"] if case == "suite config" else [])


@pytest.mark.parametrize("case", ["named by a test", "named by no test", "compiled", "in tests/ itself", "imported",
                                  "folder imported from"])
def test_documents_a_test_names_by_path_in_a_folder_no_tsconfig_compiles_are_data(tmp_path, case):
    """A code generator's tests hand it `documents: ['./tests/test-documents/my-fragment.ts']`; the
    documents import made-up modules (`custom-graphql-parser`) and nothing compiles them (a codegen
    monorepo's CLI: DEP001 on their imports). A document no test names, a folder a tsconfig compiles,
    one directly in `tests/` (helpers are spelled that way too), one a test imports, or a folder tests
    import code from (a framework's test app, `./app/Server.js`, which a script runs) keeps them."""
    folder = "tests" if case == "in tests/ itself" else "tests/test-documents"
    spec = ("import { expect, it } from 'vitest';\nimport { generate } from '../src/index';\n\n"
            "it('plucks', () => expect(generate({ documents: ['./" + folder + "/my-fragment.ts'] })).toBe(1));\n")
    if case == "named by no test":
        spec = spec.replace(folder + "/my-fragment.ts", "tests/other.graphql")
    if case == "imported":
        spec += "import { fragment } from './test-documents/my-fragment';\nexport const f = fragment;\n"
    if case == "folder imported from":  # tests import code from it (`./app/Server.js`): a code folder
        spec += "import { other } from './test-documents/other';\nexport const o = other;\n"
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/cli/package.json": {"name": "@acme/cli", "version": "1.0.0", "main": "dist/index.js",
                                      "dependencies": {"graphql": "16.14.0"}, "devDependencies": {"vitest": "4.1.6"}},
        "packages/cli/src/index.ts": "export const generate = (config: { documents: string[] }) => config.documents.length;\n",
        "packages/cli/tests/codegen.spec.ts": spec,
        f"packages/cli/{folder}/my-fragment.ts": "import gql from 'custom-graphql-parser';\n\n"
                                                 "export const fragment = gql`fragment F on User { id }`;\n",
    }
    if case == "compiled":
        files["packages/cli/tsconfig.json"] = {"include": ["src", "tests"]}
    if case == "folder imported from":
        files["packages/cli/tests/test-documents/other.ts"] = "export const other = 1;\n"
    write(tmp_path, files)
    reported = [d.extra["package"] for d in pipeline.lint([str(tmp_path)], Settings(select=["DEP001"]),
                                                          use_cache=False).diagnostics]
    assert reported == ([] if case == "named by a test" else ["custom-graphql-parser"]), reported


@pytest.mark.parametrize("outdir, reported", [("./src/paraglide", False), ("./src/i18n", True)])
def test_an_import_of_a_folder_a_bundler_plugin_writes_is_generated(tmp_path, outdir, reported):
    """`paraglideVitePlugin({ outdir: './src/paraglide' })` writes `src/paraglide/` when the dev server
    or the build starts, and the app imports its modules, also through a `@/*` alias (a router
    monorepo's i18n examples: 35 IMP002 where no .gitignore names the folder). A folder the config
    names no output of is still a broken path."""
    write(tmp_path, {
        "package.json": {"name": "i18n-app", "private": True, "type": "module", "scripts": {"build": "vite build"},
                         "dependencies": {"vite": "^6.0.0", "@inlang/paraglide-js": "^2.0.0"}},
        "vite.config.ts": "import { defineConfig } from 'vite';\nimport { paraglideVitePlugin } from '@inlang/paraglide-js';\n\n"
                          f"export default defineConfig({{ plugins: [paraglideVitePlugin({{ project: './project.inlang', "
                          f"outdir: '{outdir}' }})] }});\n",
        "tsconfig.json": {"compilerOptions": {"paths": {"@/*": ["./src/*"]}}, "include": ["src"]},
        "src/main.ts": "import { getLocale } from './paraglide/runtime.js';\nimport * as m from '@/paraglide/messages';\n\n"
                       "export const hello = () => [getLocale(), m];\n",
    })
    assert (len([c for c, _, _ in found(tmp_path) if c == "IMP002"]) == 2) is reported


@pytest.mark.parametrize("options, package_type, reported", [
    ({"module": "NodeNext", "moduleResolution": "NodeNext", "esModuleInterop": True}, None, False),
    ({"module": "commonjs", "esModuleInterop": True}, None, False),
    ({"module": "commonjs"}, None, True),
    ({"module": "commonjs", "esModuleInterop": True}, "module", True),
])
def test_a_default_import_of_a_commonjs_workspace_package_read_through_its_declarations(tmp_path, options,
                                                                                         package_type, reported):
    """`import { default as sdk } from '@acme/sdk'` where the SDK is CommonJS and its `types` are
    built declarations: tsc gives the module object as the default when the importer's tsconfig
    synthesizes defaults (esModuleInterop, node16/nodenext), whatever the source it is built from
    exports (a bot platform: 4 IMP003, checked with tsc 5.9). Without synthesized defaults, or for an
    ES module package, the missing default is an error; no other file's default is offered."""
    sdk = {"name": "@acme/sdk", "version": "1.0.0", "main": "./dist/index.cjs", "types": "./dist/index.d.ts",
           "scripts": {"build": "tsc"}}
    if package_type:
        sdk["type"] = package_type
    write(tmp_path, {
        "package.json": {"name": "bots", "private": True, "workspaces": ["packages/*", "integrations/*"]},
        "tsconfig.json": {"compilerOptions": options},
        "packages/sdk/package.json": sdk,
        "packages/sdk/tsconfig.json": {"extends": "../../tsconfig.json", "compilerOptions": {"outDir": "dist", "rootDir": "src"}},
        "packages/sdk/src/index.ts": "export type ActionProps = { title: string };\nexport const version = '1.0.0';\n",
        "packages/sdk/vitest.config.ts": "export default {};\n",
        "integrations/mail/package.json": {"name": "@acme/mail", "private": True, "dependencies": {"@acme/sdk": "1.0.0"}},
        "integrations/mail/actions.ts": "import { default as sdk, version } from '@acme/sdk';\n\n"
                                        "export const send = { title: version } satisfies sdk.ActionProps;\n",
    })
    findings = [d for d in lint(tmp_path).diagnostics if d.code == "IMP003"]
    assert bool(findings) is reported
    assert all("vitest.config" not in d.message for d in findings)


def test_a_missing_name_imported_twice_in_one_statement_is_one_finding(tmp_path):
    """`import { Store, Store as Memory } from './store'`: one missing export, one finding at the
    import (a realtime database's tests had two identical lines)."""
    write(tmp_path, {
        "package.json": {"name": "db", "version": "1.0.0", "main": "src/index.ts"},
        "src/store.ts": "export class BTreeStore {}\n",
        "src/index.ts": "import { Store, Store as Memory, Other } from './store';\n\nexport const all = [Store, Memory, Other];\n",
    })
    assert [(c, line) for c, _, line in found(tmp_path)] == [("IMP003", 1), ("IMP003", 1)]
    assert sorted(d.extra["name"] for d in lint(tmp_path).diagnostics) == ["Other", "Store"]


def test_a_framework_alias_named_with_a_hash_resolves_before_package_imports(tmp_path):
    """`defineNuxtConfig({ alias: { '#docs': './shared/docs/src' } })`: Nuxt resolves `#docs` itself,
    as it does `@docs` (an atomic-CSS monorepo's playground: 2 IMP002 where the name went straight to
    package.json `imports`). A `#name` neither the config nor `imports` maps is still unresolved."""
    write(tmp_path, {
        "package.json": {"name": "play", "private": True, "scripts": {"build": "nuxi generate"},
                         "devDependencies": {"nuxt": "^4.0.0"}},
        "nuxt.config.ts": "export default defineNuxtConfig({ alias: { '#docs': './shared/docs/src' } });\n",
        "shared/docs/src/index.ts": "export const searchDocs = (q: string) => q;\n",
        "app/state.ts": "import { searchDocs } from '#docs';\nimport { other } from '#other';\n\nexport const s = [searchDocs, other];\n",
    })
    assert [(c, line) for c, _, line in found(tmp_path)] == [("IMP002", 2)]


@pytest.mark.parametrize("ignored, reported", [("dist\n", False), ("", True)])
def test_a_folder_import_whose_package_json_names_a_gitignored_build_entry_is_build_output(tmp_path, ignored, reported):
    """`import { kit } from '..'` and `require.resolve('../loader')` where the folder's package.json
    names its entry in `dist/`, which the build (or `preconstruct dev`) writes and `.gitignore` leaves
    out: Node and TypeScript read that entry before any `index` file (a CSS-in-JS monorepo: 3 IMP002,
    one with a fix that would have broken the published code). When nothing says `dist/` is built,
    the missing entry is reported."""
    write(tmp_path, {
        ".gitignore": "node_modules\n" + ignored,
        "package.json": {"name": "@acme/loader-kit", "version": "1.0.0", "main": "dist/acme-loader-kit.cjs.js",
                         "preconstruct": {"entrypoints": ["index.ts", "loader.ts"]}},
        "loader/package.json": {"main": "dist/acme-loader-kit-loader.cjs.js"},
        "src/index.ts": "export const kit = 1;\nexport const loader = require.resolve('../loader');\n",
        "src/loader.ts": "export const load = (s: string) => s;\n",
        "test/kit.test.ts": "import { kit } from '..';\n\ntest('kit', () => kit);\n",
    })
    assert bool([c for c, _, _ in found(tmp_path) if c == "IMP002"]) is reported


def test_a_test_fixture_that_misses_a_file_on_purpose_is_not_reported(tmp_path):
    """`// @ts-expect-error` above `import { missing } from './does-not-exist-anywhere'` in a fixture under
    `tests/`: the spec feeds it to the code under test to exercise the "cannot resolve" path (a real
    email renderer: 1 IMP002). The same import without the directive, or in production code, is reported."""
    fixture = ("// @ts-expect-error intentional: fixture for the unresolvable case\n"
               "import { missing } from './does-not-exist-anywhere';\nexport const broken = missing.theme;\n")
    write(tmp_path, {
        "package.json": {"name": "fx", "version": "1.0.0", "private": True, "devDependencies": {"typescript": "^5.9.3"}},
        "tsconfig.json": {"compilerOptions": {"strict": True}, "include": ["src"]},
        "src/index.ts": "export const ok = 1;\n",
        "src/tests/fixture-unresolvable.ts": fixture,
        "src/tests/plain.ts": fixture.split("\n", 1)[1],
        "src/lib/render.ts": fixture,
    })
    assert sorted((code, where) for code, where, _ in found(tmp_path)) == [
        ("IMP002", "src/lib/render.ts"), ("IMP002", "src/tests/plain.ts")]


def test_a_named_import_of_the_default_export_says_to_import_the_default(tmp_path):
    """`import { AuthService } from './auth.service'` where the module says `export default class
    AuthService`: tsc's TS2614 ("did you mean `import AuthService from`"), and the message says so (a
    real multi-tenant API: 4 specs left behind when the services became default exports). A name
    nothing declares gets TS2305, a near one TS2724 with the suggestion."""
    write(tmp_path, {
        "package.json": {"name": "d", "version": "1.0.0", "private": True},
        "src/auth.service.ts": "export default class AuthService {\n  run() { return 1; }\n}\nexport const AUTH = 1;\n",
        "src/main.ts": ("import { AuthService } from './auth.service';\nimport { Missing } from './auth.service';\n"
                        "import { AUT } from './auth.service';\nexport const s = [new AuthService(), Missing, AUT];\n"),
    })
    messages = [d.message for d in lint(tmp_path).diagnostics]
    assert len(messages) == 3
    assert "(tsc: TS2614). Its default export is the `AuthService` it declares: import it as the default " \
           "(`import AuthService from './auth.service'`)." in messages[0]
    assert "(tsc: TS2305)" in messages[1] and "(tsc: TS2724). Did you mean `AUTH`?" in messages[2]


def test_a_class_exported_only_as_the_default_at_the_end_says_to_import_the_default(tmp_path):
    """`class Network { ... }` and, at the end, `export default Network`: a named import of it is tsc's
    TS2614 too, not a local left unexported, so the message says to import the default and no fix adds
    a named export (a chat server's storage types were offered `NetworkConfig`, a near name)."""
    write(tmp_path, {
        "package.json": {"name": "d", "version": "1.0.0", "private": True},
        "src/network.ts": "class Network {\n  port = 6667;\n}\nexport class NetworkConfig {}\n\nexport default Network;\n",
        "src/main.ts": "import { Network } from './network';\nexport const n: Network | null = null;\n",
    })
    [d] = lint(tmp_path).diagnostics
    assert d.fix is None and "with TS2614" in d.message
    assert d.message.endswith(" Import it as the default (`import Network from './network'`).")
    assert "`Network` is declared in src/network.ts and exported only as its default" in d.message


def test_a_component_template_folder_a_generator_copies_is_not_checked_for_its_destination_imports(tmp_path):
    """`scripts/create-component/ComponentName/` is read by the generator beside it (`readdir` and
    `readFile` of `path.join(__dirname, 'ComponentName')`), which replaces the placeholder and writes the
    copies to `src/components/<Name>/`: the template's `../../utils/tw-merge` is right there (a real
    design system: 1 IMP002 whose implied fix would break every generated component). Without the
    generator reading it, the same folder is checked."""
    generator = ("import { promises as fs } from 'node:fs';\nimport path from 'node:path';\n"
                 "const templateDir = path.join(__dirname, 'ComponentName');\n"
                 "export async function create(name: string): Promise<void> {\n"
                 "  for (const file of await fs.readdir(templateDir)) {\n"
                 "    const text = await fs.readFile(path.join(templateDir, file), 'utf8');\n"
                 "    await fs.writeFile(path.join('src/components', name, file), text.replace(/ComponentName/g, name));\n"
                 "  }\n}\n")
    files = {
        "package.json": {"name": "@acme/ds", "version": "1.0.0", "main": "./dist/index.js",
                         "scripts": {"create-component": "tsx scripts/create-component"}},
        "tsconfig.json": {"compilerOptions": {"strict": True}, "include": ["src", "scripts/**/*"]},
        "src/index.ts": "export { twMerge } from './utils/tw-merge';\n",
        "src/utils/tw-merge.ts": "export const twMerge = (...c: string[]) => c.join(' ');\n",
        "scripts/create-component/index.ts": generator,
        "scripts/create-component/ComponentName/ComponentName.ts": ("import { twMerge } from '../../utils/tw-merge';\n"
                                                                   "export const ComponentName = () => twMerge('p-2');\n"),
    }
    write(tmp_path / "read", files)
    assert found(tmp_path / "read") == []
    write(tmp_path / "unread", {**files, "scripts/create-component/index.ts": "export const create = 1;\n"})
    assert [code for code, _, _ in found(tmp_path / "unread")] == ["IMP002"]


def test_a_name_a_package_of_the_repository_has_is_no_phantom(tmp_path):
    """`@acme-reference/frontend` is the name of a package of the repository that no workspace links
    (packed and installed into a consumer by a harness): an import of it names something, and a
    member's import of it is DEP001's (undeclared), never also IMP001 (a real starter: 1 IMP001 whose
    message listed the very package as the closest). A name in that scope that no package has still is."""
    write(tmp_path, {
        "go.mod": "module example.com/x\n",
        "contracts/frontend/package.json": {"name": "@acme-reference/frontend", "version": "1.0.0", "type": "module",
                                            "exports": {".": {"types": "./dist/index.d.ts", "import": "./dist/index.js"}}},
        "contracts/frontend/src/index.ts": "export const referencePlugin = { id: 'reference' };\n",
        "services/web/package.json": {"name": "@acme/web", "private": True, "scripts": {"build": "next build"},
                                      "dependencies": {"next": "^16.0.0"}},
        "services/web/src/gen.ts": ("import { referencePlugin } from '@acme-reference/frontend';\n"
                                    "import { other } from '@acme-reference/backend';\nexport const all = [referencePlugin, other];\n"),
    })
    result = lint_result(tmp_path, select=["IMP001", "DEP001"])
    assert sorted((d.code, d.extra.get("package") or d.extra.get("specifier")) for d in result.diagnostics) == [
        ("DEP001", "@acme-reference/frontend"), ("IMP001", "@acme-reference/backend")], result.diagnostics


def test_imp001_for_a_name_used_only_for_types_says_runtime_is_unaffected(tmp_path):
    """A stale workspace name imported only for an interface: tsc fails (TS2307), but the compiler
    erases the import, so Node never looks for it (a real test suite: "Node fails with Cannot find
    module" for an `interface` import). In a test no tsconfig includes and vitest strips, only an
    editor shows it: a warning. A value import still fails at runtime."""
    write(tmp_path, {
        "package.json": {"name": "@acme/api", "private": True, "devDependencies": {"vitest": "^2.0.0"}},
        "packages/types/package.json": {"name": "@acme/types", "version": "1.0.0"},
        "tsconfig.json": {"compilerOptions": {"strict": True}, "include": ["src"]},
        "src/paging.ts": "import type { Paging } from '@acme/commons';\nexport const first: Paging = { page: 1 };\n",
        "src/pager.ts": "import { pager } from '@acme/commons';\nexport const p = pager();\n",
        "test/paging.test.ts": "import { Paging } from '@acme/commons';\nexport const p: Paging = { page: 1 };\n",
    })
    found = {d.path.rsplit("/", 1)[-1]: d for d in lint_result(tmp_path, select=["IMP001"]).diagnostics}
    assert "tsc fails (TS2307), runtime is unaffected" in found["paging.ts"].message
    assert found["paging.ts"].severity.value == "error"
    assert "Cannot find module '@acme/commons'" in found["pager.ts"].message
    assert "only an editor shows TS2307, runtime is unaffected" in found["paging.test.ts"].message
    assert found["paging.test.ts"].severity.value == "warning"


def test_a_require_resolve_of_the_built_twin_of_a_source_file_is_the_builds(tmp_path):
    """`require.resolve('./loader.cjs')` beside `src/loader.ts`, which the build emits as
    `build/loader.cjs` next to `build/index.cjs`: the path is right where the code runs (a real
    compiler plugin handing its loader to Turbopack). Without the twin it is reported."""
    write(tmp_path, {
        "package.json": {"name": "@acme/plugin", "version": "1.0.0", "main": "build/index.cjs",
                         "scripts": {"build": "tsup"}, "devDependencies": {"tsup": "8.5.1"}},
        "tsconfig.json": {"compilerOptions": {"module": "esnext", "moduleResolution": "bundler"}, "include": ["src"]},
        "src/index.ts": "export const loader = () => require.resolve('./loader.cjs');\n"
                        "export const other = () => require.resolve('./gone.cjs');\n",
        "src/loader.ts": "export default function loader(source: string) { return source; }\n",
    })
    assert [(d.code, d.extra.get("specifier")) for d in lint_result(tmp_path, select=["IMP002"]).diagnostics] == [
        ("IMP002", "./gone.cjs")]


def test_an_import_into_the_build_folder_a_build_script_writes_is_build_output(tmp_path):
    """`wrappers/NftItem.ts` imports `../build/NftItem/tact_NftItem`, which `blueprint build` (the
    package's `build` script) compiles from the contracts; the checkout has no `build/` yet (a real
    game's contract wrappers). Without a build script, or with a `build/` folder that lacks the file,
    the import is reported."""
    def found(scripts: dict, folder: bool = False) -> list[str]:
        root = tmp_path / f"case{len(list(tmp_path.iterdir()))}"
        write(root, {"package.json": {"name": "contracts", "version": "0.0.1", "scripts": scripts},
                     "tsconfig.json": {"compilerOptions": {"strict": True}},
                     "wrappers/NftItem.ts": "export { NftItem } from '../build/NftItem/tact_NftItem';\n"})
        if folder:
            (root / "build").mkdir()
        return [d.code for d in lint_result(root, select=["IMP002"]).diagnostics]

    assert found({"build": "blueprint build"}) == []
    assert found({"test": "jest"}) == ["IMP002"]
    assert found({"build": "blueprint build"}, folder=True) == ["IMP002"]


def test_imp001_never_suggests_the_importing_package_itself(tmp_path):
    """A seed script of `@church/db` imports `@church/dbx`, a name of the workspace's scope that no
    package has: the closest workspace packages it names leave out `@church/db` itself, whose own
    files reach one another by relative imports (a real repository suggested the importing package)."""
    write(tmp_path, {
        "package.json": {"name": "church", "private": True, "workspaces": ["packages/*", "apps/*"]},
        "apps/web/package.json": {"name": "@church/web", "private": True, "dependencies": {"@church/db": "*"}},
        "apps/web/tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./src/*"]}}},
        "apps/web/src/page.ts": "import { db } from '@church/db';\nexport const page = db;\n",
        "packages/db/package.json": {"name": "@church/db", "version": "1.0.0", "main": "src/index.ts",
                                     "scripts": {"db:seed": "tsx seed.ts"}, "dependencies": {"@church/config": "*"}},
        "packages/db/tsconfig.json": {"compilerOptions": {"strict": True}, "include": ["src", "seed.ts"]},
        "packages/db/src/index.ts": "export const db = 1;\n",
        "packages/db/seed.ts": "import { db } from '@church/dbx';\nimport { cn } from '@/lib/utils';\n"
                               "export const seeded = [db, cn];\n",
        "packages/config/package.json": {"name": "@church/config", "version": "1.0.0", "main": "src/index.ts"},
        "packages/config/src/index.ts": "export const config = 1;\n",
        # a generator's template package, named for the scaffolder to fill in: no package to suggest either
        "packages/template/package.json": {"name": "<%= name %>", "version": "0.0.1"},
    })
    scoped, alias = lint(tmp_path).diagnostics
    assert scoped.code == "IMP001" and "Closest workspace packages: @church/config." in scoped.message
    assert alias.code == "IMP001" and "<%" not in alias.message and "@church/db," not in alias.message


@pytest.mark.parametrize("held, hint", [
    ("src/engine.io-parser/index.ts", "packages/sock/src/engine.io-parser is in this package: the import is written "
                                      "for `@/*` mapped to `./src/*`, which no tsconfig maps for this file"),
    ("engine.io-parser.ts", "packages/sock/engine.io-parser is in this package: the import is written for `@/*` "
                            "mapped to `./*`"),
    ("src/other/index.ts", "Closest workspace packages: @acme/site."),
])
def test_imp001_on_an_unmapped_alias_names_the_folder_it_was_written_for(tmp_path, held, hint):
    """`@/engine.io-parser` in a package that holds `src/engine.io-parser/` and maps no `@/*` alias
    (a socket library's ported tests): the message says what the import was written for, rather than
    naming unrelated workspace packages as the closest ones."""
    write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/site/package.json": {"name": "@acme/site", "version": "1.0.0", "main": "src/index.ts"},
        "packages/site/src/index.ts": "export const site = 1;\n",
        "packages/sock/package.json": {"name": "@acme/sock", "version": "1.0.0", "main": "src/index.ts",
                                       "dependencies": {"@acme/site": "1.0.0"}},
        "packages/sock/tsconfig.json": {"compilerOptions": {"strict": True}},
        "packages/sock/src/index.ts": "import { parse } from '@/engine.io-parser';\nexport const p = parse;\n",
        f"packages/sock/{held}": "export const parse = 1;\n",
    })
    [d] = lint(tmp_path).diagnostics
    assert d.code == "IMP001" and hint in d.message, d.message


def test_a_workspace_package_named_in_another_letter_case_is_named_in_the_message(tmp_path):
    """`@acme/Infrastructure` where the workspace package is `@acme/infrastructure`: found on a
    case-insensitive disk, missing on Linux CI (a real e2e test: 3 IMP001 whose "closest packages"
    left out the one that matches but for case). The message names it."""
    write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/infrastructure/package.json": {"name": "@acme/infrastructure", "version": "1.0.0", "main": "src/index.ts"},
        "packages/infrastructure/src/index.ts": "export const region = 'eu';\n",
        "packages/lib/package.json": {"name": "@acme/lib", "version": "1.0.0", "main": "src/index.ts"},
        "packages/lib/src/index.ts": "export const x = 1;\n",
        "packages/api/package.json": {"name": "@acme/api", "version": "1.0.0",
                                      "dependencies": {"@acme/infrastructure": "1.0.0", "@acme/lib": "1.0.0"}},
        "packages/api/src/index.ts": "import { region } from '@acme/Infrastructure';\nimport { x } from '@acme/lib';\n"
                                     "export const r = [region, x];\n",
    })
    [d] = lint_result(tmp_path, select=["IMP001"]).diagnostics
    assert "The workspace package @acme/infrastructure differs only in letter case" in d.message, d.message


def test_a_phantom_in_a_bundled_app_fails_its_build_not_node(tmp_path):
    """`@/features/cart` with no alias in a vite app: vite resolves the import when it builds, and it is
    that build that fails; Node never loads the page (a Next.js dashboard's message said "Node fails
    with Cannot find module"). A service's phantom still fails in Node."""
    write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"]},
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"build": "vite build"},
                                  "devDependencies": {"vite": "^5.4.0"}},
        "apps/web/index.html": '<script type="module" src="/src/main.ts"></script>\n',
        "apps/web/src/main.ts": "import { cart } from '@/features/cart';\nconsole.log(cart);\n",
        "apps/api/package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"}},
        "apps/api/src/main.ts": "import { cart } from '@/features/cart';\nconsole.log(cart);\n",
    })
    messages = {Path(d.path).parts[-3]: d.message for d in lint(tmp_path).diagnostics if d.code == "IMP001"}
    assert "the package's bundler cannot resolve it (a private app built by vite" in messages["web"] and "Node" not in messages["web"], messages
    assert "Node with \"Cannot find module '@/features/cart'\"" in messages["api"], messages
