"""The resolver: every resolution feature, each with a case that resolves and one that must not."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from migrationlint.checks.base import Project
from migrationlint.settings import RuleSelection, Settings
from migrationlint.model.own_aliases import is_alias
from migrationlint.model.resolve import RESOLVER, Resolver, resolver_for
from migrationlint.model.specifiers import candidates, resolve_relative
from migrationlint.model.workspace import Workspace


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text if isinstance(text, str) else json.dumps(text), encoding="utf-8")


def resolver(root: Path, aliases: dict[str, str] | None = None) -> Resolver:
    return Resolver(Workspace(str(root)), aliases)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small pnpm-style monorepo: a service, two libraries, tsconfigs with aliases."""
    write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*", "services/*"],
                         "devDependencies": {"jest": "^29.7.0"}},
        "tsconfig.base.json": '{\n  // shared\n  "compilerOptions": {"strict": true,},\n}',
        "packages/kernel/package.json": {
            "name": "@acme/kernel", "main": "dist/index.js", "types": "dist/index.d.ts",
            "exports": {".": {"types": "./dist/index.d.ts", "require": "./dist/index.js"},
                        "./testing": {"import": "./dist/testing/index.mjs", "default": "./dist/testing/index.js"},
                        "./errors/*": {"types": "./dist/errors/*.d.ts", "default": "./dist/errors/*.js"}}},
        "packages/kernel/tsconfig.json": {"extends": "../../tsconfig.base.json",
                                          "compilerOptions": {"outDir": "dist", "rootDir": "lib"}},
        "packages/kernel/lib/index.ts": "export const X = 1;\n",
        "packages/kernel/lib/testing/index.ts": "export const T = 1;\n",
        "packages/kernel/lib/errors/domain-error.ts": "export class DomainError {}\n",
        "packages/utils/package.json": {"name": "@acme/utils", "typings": "build/index.d.ts"},
        "packages/utils/src/index.ts": "export const U = 1;\n",
        "packages/legacy/package.json": {"name": "@acme/legacy", "main": "index.js"},
        "packages/legacy/index.js": "module.exports = {};\n",
        "services/api/package.json": {
            "name": "@acme/api", "dependencies": {"@acme/kernel": "workspace:*", "@nestjs/common": "^10.4.15"},
            "imports": {"#internal/*": {"types": "./src/internal/*.ts", "default": "./dist/internal/*.js"},
                        "#config": "./dist/config/index.js"}},
        "services/api/tsconfig.json": {
            "extends": "../../tsconfig.base.json",
            "compilerOptions": {"baseUrl": ".", "paths": {
                "@/*": ["src/*"], "@app/config": ["src/config/index.ts"],
                "@shared/*": ["src/missing/*", "src/shared/*"], "@shared/db/*": ["src/database/*"]}},
            "include": ["src"]},
        "services/api/src/main.ts": "",
        "services/api/src/money.ts": "",
        "services/api/src/view.tsx": "",
        "services/api/src/globals.d.ts": "",
        "services/api/src/esm.mts": "",
        "services/api/src/users/index.ts": "",
        "services/api/src/config/index.ts": "",
        "services/api/src/shared/clock.ts": "",
        "services/api/src/database/pool.ts": "",
        "services/api/src/internal/checksum.ts": "",
        "services/api/src/common/keys.ts": "",
        "services/api/data/seed.json": "{}",
    })
    return tmp_path


def main_file(repo: Path) -> str:
    return str(repo / "services/api/src/main.ts")


# ----------------------------------------------------------------------------- relative paths

@pytest.mark.parametrize("spec,expected", [
    ("./money", "money.ts"), ("./view", "view.tsx"), ("./globals", "globals.d.ts"), ("./esm", "esm.mts"),
    ("./users", "users/index.ts"), ("./money.js", "money.ts"), ("./esm.mjs", "esm.mts"),
    ("../data/seed.json", "../data/seed.json"),
])
def test_relative_resolves(repo, spec, expected):
    res = resolver(repo).resolve(main_file(repo), spec)
    assert res.kind == "file" and res.origin == "relative"
    assert Path(res.path) == (repo / "services/api/src" / expected).resolve()


@pytest.mark.parametrize("spec", ["./mony", "./users/missing", "./money.mjs", "../data/seed.yaml.json"])
def test_relative_unresolved_lists_what_was_tried(repo, spec):
    res = resolver(repo).resolve(main_file(repo), spec)
    assert res.kind == "unresolved" and res.origin == "relative"
    assert len(res.tried) >= 15 and any(t.endswith("/index.ts") for t in res.tried)


def test_legacy_helpers_still_work(repo):
    importer = main_file(repo)
    assert resolve_relative(importer, "./money") == str(repo / "services/api/src/money.ts")
    assert resolve_relative(importer, "./nope") is None
    assert resolve_relative(importer, "money") is None
    assert candidates("/x/a.js")[:3] == ["/x/a.js", "/x/a.ts", "/x/a.tsx"]


# ----------------------------------------------------------------------------- tsconfig paths and baseUrl

def test_paths_wildcard(repo):
    res = resolver(repo).resolve(main_file(repo), "@/common/keys")
    assert res.kind == "file" and res.origin == "alias" and res.alias == "@/*"
    miss = resolver(repo).resolve(main_file(repo), "@/common/nope")
    assert miss.kind == "unresolved" and miss.origin == "alias"
    assert any(t.endswith("src/common/nope.ts") for t in miss.tried)


def test_paths_exact_key(repo):
    assert resolver(repo).resolve(main_file(repo), "@app/config").path.endswith("src/config/index.ts")
    assert resolver(repo).resolve(main_file(repo), "@app/config/other").kind == "unresolved"


def test_paths_several_targets_tried_in_order(repo):
    res = resolver(repo).resolve(main_file(repo), "@shared/clock")
    assert res.path == str(repo / "services/api/src/shared/clock.ts")
    miss = resolver(repo).resolve(main_file(repo), "@shared/calendar")
    assert miss.kind == "unresolved" and len(miss.bases) == 2


def test_paths_longest_prefix_wins(repo):
    res = resolver(repo).resolve(main_file(repo), "@shared/db/pool")
    assert res.path == str(repo / "services/api/src/database/pool.ts") and res.alias == "@shared/db/*"
    # `@shared/db/clock` matches the longer pattern only, so `src/shared/db/clock` is not tried
    miss = resolver(repo).resolve(main_file(repo), "@shared/db/clock")
    assert miss.kind == "unresolved" and miss.alias == "@shared/db/*"


def test_paths_of_another_tsconfig_do_not_apply(repo):
    kernel_file = str(repo / "packages/kernel/lib/index.ts")
    assert resolver(repo).resolve(kernel_file, "@/common/keys").kind == "unresolved"


def test_base_url(repo):
    res = resolver(repo).resolve(main_file(repo), "src/shared/clock")
    assert res.kind == "file" and res.origin == "baseUrl"
    miss = resolver(repo).resolve(main_file(repo), "src/shared/nope")
    assert miss.kind == "unresolved" and miss.origin == "baseUrl"
    # no such folder under baseUrl: an unknown package, not a path
    assert resolver(repo).resolve(main_file(repo), "uuid/v4").origin == "package"


def test_configured_aliases(repo):
    r = resolver(repo, {"@lib/": "services/api/src/shared"})
    assert r.resolve(main_file(repo), "@lib/clock").path == str(repo / "services/api/src/shared/clock.ts")
    miss = r.resolve(main_file(repo), "@lib/nope")
    assert miss.kind == "unresolved" and miss.origin == "alias"


# ----------------------------------------------------------------------------- workspace packages

def test_workspace_package_exports_types_condition_mapped_through_outdir_rootdir(repo):
    res = resolver(repo).resolve(main_file(repo), "@acme/kernel")
    assert res.kind == "file" and res.origin == "workspace" and res.package == "@acme/kernel"
    assert res.path == str(repo / "packages/kernel/lib/index.ts")  # dist/ -> lib/: outDir and rootDir of the package tsconfig


def test_workspace_package_import_and_default_conditions(repo):
    res = resolver(repo).resolve(main_file(repo), "@acme/kernel/testing")
    assert res.path == str(repo / "packages/kernel/lib/testing/index.ts")


def test_workspace_package_subpath_pattern(repo):
    res = resolver(repo).resolve(main_file(repo), "@acme/kernel/errors/domain-error")
    assert res.path == str(repo / "packages/kernel/lib/errors/domain-error.ts")
    miss = resolver(repo).resolve(main_file(repo), "@acme/kernel/errors/missing")
    assert miss.kind == "package" and miss.origin == "workspace" and miss.path is None


def test_workspace_package_typings_and_default_src(repo):
    res = resolver(repo).resolve(main_file(repo), "@acme/utils")
    assert res.path == str(repo / "packages/utils/src/index.ts")  # build/ -> src/


def test_workspace_package_javascript_is_not_source(repo):
    res = resolver(repo).resolve(main_file(repo), "@acme/legacy")
    assert res.kind == "file" and res.path.endswith("legacy/index.js") and not res.is_source


def test_unknown_workspace_scope_name_is_unresolved(repo):
    res = resolver(repo).resolve(main_file(repo), "@acme/shared-services")
    assert res.kind == "unresolved" and res.origin == "package" and res.package == "@acme/shared-services"


# ----------------------------------------------------------------------------- package.json imports

def test_subpath_imports(repo):
    res = resolver(repo).resolve(main_file(repo), "#internal/checksum")
    assert res.kind == "file" and res.origin == "imports" and res.path.endswith("src/internal/checksum.ts")
    # a plain string target pointing at dist/ maps back to src/
    assert resolver(repo).resolve(main_file(repo), "#config").path == str(repo / "services/api/src/config/index.ts")
    assert resolver(repo).resolve(main_file(repo), "#internal/nope").kind == "unresolved"
    assert resolver(repo).resolve(main_file(repo), "#nothing").kind == "unresolved"


# ----------------------------------------------------------------------------- other packages

def test_builtins(repo):
    for spec in ("fs", "node:fs", "fs/promises", "node:test", "path"):
        assert resolver(repo).resolve(main_file(repo), spec).kind == "builtin"
    assert resolver(repo).resolve(main_file(repo), "fsevents").kind != "builtin"


def test_declared_locked_installed(repo):
    write(repo, {
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\nimporters:\n  .:\n    devDependencies:\n      jest:\n"
                          "        specifier: ^29.7.0\n        version: 29.7.0\npackages:\n"
                          "  '@nestjs/core@10.4.15':\n    resolution: {integrity: sha512-x}\n"
                          "  rxjs@7.8.1:\n    resolution: {integrity: sha512-y}\n",
        "services/api/node_modules/class-validator/package.json": {"name": "class-validator"},
    })
    r = resolver(repo)
    assert r.resolve(main_file(repo), "@nestjs/common").origin == "declared"
    assert r.resolve(main_file(repo), "@nestjs/core").origin == "locked"
    assert r.resolve(main_file(repo), "rxjs/operators").origin == "locked"
    assert r.resolve(main_file(repo), "class-validator").origin == "installed"
    assert r.resolve(str(repo / "packages/kernel/lib/index.ts"), "class-validator").kind == "unresolved"
    assert r.resolve(main_file(repo), "left-pad").kind == "unresolved"


def test_npm_lockfile(tmp_path):
    write(tmp_path, {
        "package.json": {"name": "x"},
        "package-lock.json": {"lockfileVersion": 3, "packages": {
            "": {}, "node_modules/pg": {"version": "8.12.0"},
            "node_modules/a/node_modules/@types/pg": {"version": "8.11.0"}}},
        "src/a.ts": "",
    })
    r = resolver(tmp_path)
    importer = str(tmp_path / "src/a.ts")
    for name in ("pg", "@types/pg"):
        assert r.resolve(importer, name).origin == "locked", name
    assert r.resolve(importer, "mysql2").kind == "unresolved"


def test_yarn_lockfile(tmp_path):
    write(tmp_path, {
        "package.json": {"name": "x"},
        "yarn.lock": '# yarn lockfile v1\n\n"@nestjs/axios@^3.0.0", "@nestjs/axios@^3.1.0":\n  version "3.1.0"\n\n'
                     'ioredis@^5.4.1:\n  version "5.4.1"\n',
        "src/a.ts": "",
    })
    r = resolver(tmp_path)
    importer = str(tmp_path / "src/a.ts")
    for name in ("@nestjs/axios", "ioredis"):
        assert r.resolve(importer, name).origin == "locked", name
    assert r.resolve(importer, "mysql2").kind == "unresolved"


# ----------------------------------------------------------------------------- cache and contract

def test_cache_counts_hits_per_directory_and_specifier(repo):
    r = resolver(repo)
    r.resolve(main_file(repo), "./money")
    r.resolve(str(repo / "services/api/src/money.ts"), "./money")
    r.resolve(main_file(repo), "./users")
    assert (r.hits, r.misses) == (1, 2)


def test_is_alias_contract(repo):
    project = Project(files={}, workspace=Workspace(str(repo)), settings=Settings(aliases={"@lib/": "libs"}),
                      enabled=RuleSelection(Settings(), {}))
    importer = main_file(repo)
    assert resolver_for(project) is resolver_for(project) is RESOLVER.peek(project)
    assert is_alias(project, importer, "@/common/keys")
    assert is_alias(project, importer, "@/common/missing")  # an alias, even if broken (IMP002's business)
    assert is_alias(project, importer, "src/shared/clock")  # baseUrl path that exists
    assert is_alias(project, importer, "@lib/anything")
    # through a folder that exists under baseUrl: a path even when its file is missing (IMP002's
    # business, or a generated file), never a package named `src`
    assert is_alias(project, importer, "src/shared/nope")
    assert not is_alias(project, importer, "nope/shared/clock")  # no such folder: an unknown package
    assert not is_alias(project, importer, "@nestjs/common")
    assert not is_alias(project, importer, "./money")
    assert not is_alias(project, str(repo / "packages/kernel/lib/index.ts"), "@/common/keys")


def test_catch_all_paths_pattern_is_not_an_alias_unless_it_names_a_file(tmp_path):
    write(tmp_path, {
        "package.json": {"name": "x"},
        "tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {"*": ["types/*"]}}},
        "types/express-extra.d.ts": "",
        "src/a.ts": "",
    })
    project = Project(files={}, workspace=Workspace(str(tmp_path)), settings=Settings(),
                      enabled=RuleSelection(Settings(), {}))
    importer = str(tmp_path / "src/a.ts")
    assert is_alias(project, importer, "express-extra")
    assert not is_alias(project, importer, "lodash")
    assert resolver_for(project).resolve(importer, "lodash").origin == "package"


def test_is_file_answers_as_isfile_does(tmp_path: Path, monkeypatch) -> None:
    """The resolver answers from one listing per folder; every answer is os.path.isfile's: files,
    folders, links to files and folders, broken links, missing folders, a path under a file."""
    write(tmp_path, {"package.json": {"name": "svc"}, "src/a.ts": "", "src/b/index.ts": "", "src/Mixed.ts": "",
                     "src/\u00e9t\u00e9.ts": ""})
    (tmp_path / "src" / "link.ts").symlink_to(tmp_path / "src" / "a.ts")
    (tmp_path / "src" / "dirlink").symlink_to(tmp_path / "src" / "b")
    (tmp_path / "src" / "broken.ts").symlink_to(tmp_path / "src" / "nowhere.ts")
    names = ["a.ts", "b", "b/index.ts", "b/index.tsx", "Mixed.ts", "link.ts", "dirlink", "dirlink/index.ts",
             "broken.ts", "nowhere.ts", "none/index.ts", "a.ts/index.ts", "\u00e9t\u00e9.ts", "e\u0301te\u0301.ts"]
    paths = [str(tmp_path / "src" / n) for n in names]
    r = resolver(tmp_path)
    assert [r.is_file(p) for p in paths] == [os.path.isfile(p) for p in paths]
    asked: list[str] = []
    real = os.path.isfile

    def isfile(path):
        asked.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(os.path, "isfile", isfile)
    r = resolver(tmp_path)
    for name in ("a.ts", "missing.ts", "mixed.ts", "MIXED.TS", "\u00e9t\u00e9.tsx"):
        r.is_file(str(tmp_path / "src" / name))
    # a listed file and a plain absent name are answered by the listing; a name the folder holds in
    # another case, or a name that is not ASCII, is asked of the file system (which may ignore case)
    assert asked == ["mixed.ts", "MIXED.TS", "\u00e9t\u00e9.tsx"]


def test_a_folder_imported_by_path_resolves_through_its_package_json(tmp_path):
    """`import { PrismaClient } from '../'` in a package's `prisma/seed.ts` (a real monorepo): the
    folder's package.json names the entry (`types`, else `main`), built output mapped back to source,
    before any `index` file, as TypeScript and Node resolve it; `exports` plays no part."""
    write(tmp_path, {
        "package.json": {"name": "repo", "private": True, "workspaces": ["packages/*"]},
        "packages/db/package.json": {"name": "@acme/db", "main": "dist/index.js", "types": "dist/index.d.ts",
                                     "exports": {".": "./dist/other.js"}},
        "packages/db/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}},
        "packages/db/src/index.ts": "export class PrismaClient {}\n",
        "packages/db/src/other.ts": "export const other = 1;\n",
        "packages/db/index.ts": "export const shadowed = true;\n",
        "packages/db/prisma/seed.ts": "import { PrismaClient } from '../';\n",
        "packages/plain/index.ts": "export const plain = 1;\n",
        "packages/broken/package.json": {"name": "@acme/broken", "main": "lib/main.js"},
    })
    r = resolver(tmp_path)
    seed = str(tmp_path / "packages/db/prisma/seed.ts")
    assert r.resolve(seed, "../").path == str(tmp_path / "packages/db/src/index.ts")
    assert r.resolve(seed, "../../plain").path == str(tmp_path / "packages/plain/index.ts")
    broken = r.resolve(seed, "../../broken")
    assert broken.kind == "unresolved" and str(tmp_path / "packages/broken/index.ts") in broken.tried
