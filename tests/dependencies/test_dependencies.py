"""DEP001-DEP005 end to end: real parsing, real manifests and lockfiles, real fixes."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.settings import Settings
from migrationlint.extract.facts import extract
from migrationlint.model.packages import classify, is_builtin, package_name
from tests.helpers import REPO, TEST_DATA
from functools import partial
from tests import helpers
from tests.dependencies.test_shipping import dep, write

DATA = TEST_DATA / "deps"
FIXTURE = REPO / "fixtures" / "monorepo"

REDIS_LOCK = ("import { Injectable } from '@nestjs/common';\nimport Redis from 'ioredis';\n\n"
              "@Injectable()\nexport class LockService {\n  constructor(private readonly redis: Redis) {}\n}\n")


def tree(name: str, tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    root = tmp_path / name
    shutil.copytree(DATA / name, root)
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


lint = partial(helpers.lint, select=["DEP"])


def fixed(root: Path, select=("DEP",), unsafe=False, **settings) -> dict[str, str]:
    out = helpers.fix(root, list(select), unsafe, **settings)
    return {rel.replace(os.sep, "/"): text.decode() for rel, text in out.items()}


def by_code(diags, code):
    return [d for d in diags if d.code == code]


# ----------------------------------------------------------------------------- specifiers

def test_specifier_helpers():
    assert package_name("@nestjs/typeorm/dist/common") == "@nestjs/typeorm"
    assert package_name("lodash/fp") == "lodash"
    assert package_name("@/common/x") is None and package_name("~/x") is None
    assert is_builtin("fs/promises") and is_builtin("node:fs") and is_builtin("node:test")
    assert is_builtin("node:sqlite") and not is_builtin("test") and not is_builtin("sqlite")
    # Bun's runtime modules: a build script run by `bun` imports `$` from "bun" (a real monorepo
    # was told to `npm install bun`, an installer package that exports no such thing)
    assert is_builtin("bun") and is_builtin("bun:test") and is_builtin("bun:sqlite") and not is_builtin("bunyan")
    assert [classify(s) for s in ("./a", "#internal/x", "node:crypto", "path", "data:text/plain,x", "@a/b")] == [
        "relative", "imports", "builtin", "builtin", "url", "package"]


def test_every_import_form_is_extracted_with_type_flags():
    src = (b"/// <reference types=\"jest\" />\nimport a from 'pkg-a';\nimport type { B } from 'pkg-b';\n"
           b"import { type C } from 'pkg-c/sub';\nexport { F } from 'pkg-f';\nexport type { G } from 'pkg-g';\n"
           b"export * from 'pkg-h';\nimport J = require('pkg-j');\nimport type K = require('pkg-k');\n"
           b"const l = require('pkg-l');\nvoid import('pkg-n');\ntype O = import('pkg-o').T;\n"
           b"jest.mock('pkg-q');\nvi.mock('pkg-r');\nrequire.resolve('pkg-s');\n"
           # the type side of `as` and `satisfies` is a type: `import('x').T` there is a type query
           b"const t = x as unknown as import('pkg-t').Response;\nconst u = {} satisfies import('pkg-u').Config;\n"
           b"const v = (await import('pkg-v')) as object;\n"
           # type arguments of a call, which the grammar reads as comparisons (`f < import('x').T > ()`):
           # a dynamic import's promise has no member but then/catch/finally, so `.T` names a type
           b"const w = ctx.getRequest<import('pkg-w').FastifyRequest>();\nconst y = f<import('pkg-y').D>(1);\n"
           b"const z = import('pkg-z').then((m) => m.default);\n"
           # `typeof import('x')` as a type argument, read as `load < typeof import('x')`: a type
           b"export const { H } = load<typeof import('pkg-x/lib/H')>('pkg-x/lib/H');\n")
    facts = extract("/x/a.ts", src)
    got = {i.specifier: (i.kind, i.type_only) for i in facts.imports}
    assert got == {
        "jest": ("reference", True), "pkg-a": ("import", False), "pkg-b": ("import", True),
        "pkg-c/sub": ("import", False), "pkg-f": ("export-from", False), "pkg-g": ("export-from", True),
        "pkg-h": ("export-star", False), "pkg-j": ("import-equals", False), "pkg-k": ("import-equals", True),
        "pkg-l": ("require", False), "pkg-n": ("dynamic", False), "pkg-o": ("type-query", True),
        "pkg-q": ("mock", False), "pkg-r": ("mock", False), "pkg-s": ("require-resolve", False),
        "pkg-t": ("type-query", True), "pkg-u": ("type-query", True), "pkg-v": ("dynamic", False),
        "pkg-w": ("type-query", True), "pkg-y": ("type-query", True), "pkg-z": ("dynamic", False),
        "pkg-x/lib/H": ("type-query", True),
    }
    for imp in facts.imports:  # spans cover the specifier string with its quotes
        assert src[imp.start:imp.end].strip(b"'\"") == imp.specifier.encode()


# ----------------------------------------------------------------------------- DEP001 ladder

@pytest.mark.parametrize("name,version,source", [
    ("npm-v3", "^5.3.2", "package-lock.json resolves 5.3.2"),
    ("npm-v2", "^5.3.2", "package-lock.json resolves 5.3.2"),
    ("pnpm-v6", "^5.3.2", "pnpm-lock.yaml resolves 5.3.2"),
    ("pnpm-v9", "^5.4.1", "pnpm-lock.yaml resolves 5.4.1"),
    # yarn v1 records no importers, and this lockfile holds ioredis 4 and 5: the fix needs review
    ("yarn-v1", "^5.4.1", "yarn.lock holds 5.4.1, the highest, and 4.28.5: check which major this package runs with"),
    ("yarn-berry", "^5.4.2", "yarn.lock resolves 5.4.2"),
    ("catalogs", "catalog:", "from the default catalog of pnpm-workspace.yaml"),
    ("no-lockfile", "^5.4.1", "as in services/worker/package.json"),
])
def test_dep001_version_ladder_per_repo_kind(tmp_path, name, version, source):
    root = tree(name, tmp_path, {"services/api/src/lock.service.ts": REDIS_LOCK})
    [d] = [d for d in by_code(lint(root), "DEP001") if d.extra["package"] == "ioredis"]
    assert d.message.endswith(f'add "ioredis": "{version}" to dependencies ({source})')
    assert d.extra == {"specifier": "ioredis", "package": "ioredis",
                       "manifest": str(root / "services" / "api" / "package.json")}
    assert (d.start, d.end) == (REDIS_LOCK.index("'ioredis'"), REDIS_LOCK.index("'ioredis'") + 9)
    assert d.fixable == (name != "yarn-v1")
    manifest = json.loads(fixed(root, unsafe=not d.fixable)["services/api/package.json"])
    assert manifest["dependencies"]["ioredis"] == version


def test_most_used_sibling_range_wins_and_ties_take_the_highest(tmp_path):
    root = tree("no-lockfile", tmp_path, {"services/api/src/lock.service.ts": REDIS_LOCK})
    billing = root / "services" / "billing" / "package.json"
    data = json.loads(billing.read_text())
    data["dependencies"]["ioredis"] = "^5.4.1"  # now two siblings agree on ^5.4.1 ...
    billing.write_text(json.dumps(data, indent=2) + "\n")
    (root / "services" / "extra").mkdir()
    (root / "services" / "extra" / "package.json").write_text('{"name": "@acme/extra", "dependencies": {"ioredis": "^5.9.9"}}')
    [d] = [d for d in lint(root) if d.code == "DEP001"]
    assert '"ioredis": "^5.4.1"' in d.message  # ... and outnumber the higher ^5.9.9
    assert "(as in services/billing/package.json, services/worker/package.json)" in d.message


def test_workspace_packages_by_protocol_or_by_version(tmp_path):
    src = "import { WorkerClient } from '@acme/worker';\n\nexport const client = new WorkerClient();\n"
    root = tree("no-lockfile", tmp_path, {"services/billing/src/client.ts": src})
    [d] = by_code(lint(root), "DEP001")
    assert '"@acme/worker": "^1.2.0"' in d.message and "services/api/package.json" in d.message
    root = tree("pnpm-v9", tmp_path, {"services/api/src/client.ts": src})
    [d] = by_code(lint(root), "DEP001")
    assert d.message.endswith('add "@acme/worker": "workspace:*" to dependencies (the workspace package in services/worker)')


def test_named_catalog_and_sibling_catalog_reference(tmp_path):
    src = ("import { DataSource } from 'typeorm';\nimport { Client } from 'pg';\n\n"
           "export const client = new Client();\nexport const ds = DataSource;\n")
    root = tree("catalogs", tmp_path, {"services/api/src/db.ts": src})
    out = json.loads(fixed(root)["services/api/package.json"])
    assert out["dependencies"]["typeorm"] == "catalog:orm" and out["dependencies"]["pg"] == "catalog:orm"


def test_dep005_a_root_catalog_reference_is_the_fix(tmp_path):
    """The root declares `"ioredis": "catalog:"`: the member that imports it gets the same catalog
    reference, which pnpm resolves to the catalog's range (a real pnpm repository had 3 DEP005
    without a fix: `catalog:` is no range to copy, but it is what the member should write)."""
    root = tree("catalogs", tmp_path, {"services/api/src/redis.ts": "import Redis from 'ioredis';\nexport const r = new Redis();\n"})
    data = json.loads((root / "package.json").read_text())
    data["dependencies"] = {"ioredis": "catalog:", "left-pad": "catalog:missing"}
    (root / "package.json").write_text(json.dumps(data, indent=2) + "\n")
    [d] = by_code(lint(root), "DEP005")
    assert d.fix is not None and 'declare "ioredis": "catalog:" in dependencies' in d.message
    assert json.loads(fixed(root, unsafe=True)["services/api/package.json"])["dependencies"]["ioredis"] == "catalog:"


def test_dep005_for_a_member_the_root_lists_as_a_dev_dependency_claims_no_production_loss(tmp_path):
    """The root lists the workspace's own `types` package in devDependencies, and a service imports it
    without declaring it: npm links every member whatever section lists it, so no production install
    leaves it out (a Discord bot's 2 DEP005 said one did); the per-service install still breaks."""
    from tests.dependencies.test_shipping import write

    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["apps/*", "packages/*"],
                         "devDependencies": {"types": "*", "ms": "^2.1.3"}},
        "packages/types/package.json": {"name": "types", "version": "1.0.0", "main": "index.ts"},
        "packages/types/index.ts": "export const guild = { id: 1 };\n",
        "apps/bot/package.json": {"name": "bot", "private": True, "main": "dist/index.js",
                                  "scripts": {"start": "node dist/index.js"}},
        "apps/bot/src/index.ts": "import { guild } from 'types';\nimport ms from 'ms';\nconsole.log(guild, ms('1s'));\n",
    })
    found = {d.extra["package"]: d.message for d in by_code(lint(root), "DEP005")}
    assert "production install leaves out" not in found["types"], found["types"]
    assert "per-service install" in found["types"]
    assert "production install leaves out" in found["ms"], found["ms"]


def test_a_type_only_import_in_shipping_code_names_the_dev_dependency_that_brings_its_types(tmp_path):
    """`import type { Location } from 'history'` in app code, whose `@types/history` only the declared
    devDependency `@types/react-router-dom` brings: the build's type check reads the full install, so
    the reason it works today is that devDependency, as for a test (a wiki's 25 findings said so in
    6 of them and nothing in the other 19)."""
    from tests.dependencies.test_shipping import write

    lock = {"name": "wiki", "lockfileVersion": 3, "packages": {
        "": {"name": "wiki", "devDependencies": {"@types/react-router-dom": "5.3.3"}},
        "node_modules/@types/react-router-dom": {"version": "5.3.3", "dev": True, "dependencies": {"@types/history": "^4.7.11"}},
        "node_modules/@types/history": {"version": "4.7.11", "dev": True}}}
    root = write(tmp_path, {
        "package.json": {"name": "wiki", "private": True, "main": "dist/app.js", "scripts": {"start": "node dist/app.js"},
                         "devDependencies": {"@types/react-router-dom": "5.3.3"}},
        "package-lock.json": lock,
        "src/app.ts": "import type { Location } from 'history';\nexport const here = (l: Location) => l.pathname;\n",
        "src/app.spec.ts": "import type { Location } from 'history';\nexport const there = (l: Location) => l.hash;\n",
    })
    messages = [d.message for d in by_code(lint(root), "DEP001")]
    assert len(messages) == 2 and all('finds it today only because "@types/react-router-dom"' in m for m in messages), messages


def test_unknown_package_has_no_fix_and_names_the_command(tmp_path):
    src = "import { Registry } from 'prom-client';\n\nexport const registry = new Registry();\n"
    cases = {"pnpm-v9": "pnpm --filter @acme/api add prom-client", "npm-v3": "npm install prom-client -w @acme/api",
             "yarn-berry": "yarn workspace @acme/api add prom-client"}
    for name, command in cases.items():
        root = tree(name, tmp_path, {"services/api/src/metrics.ts": src})
        [d] = by_code(lint(root), "DEP001")
        assert d.fix is None
        assert d.message == ('"prom-client" is imported but not declared or installed anywhere in this repository; '
                             f"run `{command}`")
    root = tree("no-lockfile", tmp_path, {"services/api/src/metrics.spec.ts": src})
    [d] = by_code(lint(root), "DEP001")
    assert d.message.endswith("run `npm install --save-dev prom-client -w @acme/api`")


@pytest.mark.parametrize("name, command", [("yarn-v1", "yarn add -D render-dot -W"), ("yarn-berry", "yarn add -D render-dot")])
def test_an_add_at_a_yarn_workspace_root_says_what_each_yarn_accepts(tmp_path, name, command):
    """A root script of a yarn workspace imports an undeclared package: yarn 1 refuses `yarn add` at a
    workspace root without `-W` (a real codegen monorepo was told the bare command); yarn 2+ has no
    such flag and takes the bare command."""
    root = tree(name, tmp_path, {"scripts/render.ts": "import render from 'render-dot';\nrender();\n"})
    [d] = by_code(lint(root), "DEP001")
    assert d.message.endswith(f"run `{command}`"), d.message


def test_a_package_the_workspace_globs_leave_out_gets_the_command_run_in_its_folder(tmp_path):
    """`services/legacy` (`!services/legacy` in pnpm-workspace.yaml): `pnpm --filter @acme/legacy`
    matches no project, and a plain `pnpm add` in its folder installs the workspace instead; pnpm's
    `--ignore-workspace` installs that folder alone, as its Dockerfile does. A member still gets `--filter`.
    Without an image or a lockfile of its own nothing installs or builds it: its findings are dead code's."""
    src = "import { Registry } from 'prom-client';\n\nexport const registry = new Registry();\n"
    root = tree("pnpm-v9", tmp_path, {"services/legacy/src/metrics.ts": src, "services/api/src/metrics.ts": src,
                                      "services/legacy/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "dist/metrics.js"]\n'})
    assert sorted(d.message.rsplit("run ", 1)[-1] for d in by_code(lint(root), "DEP001")) == [
        "`cd services/legacy && pnpm add --ignore-workspace prom-client`", "`pnpm --filter @acme/api add prom-client`"]
    (root / "services/legacy/Dockerfile").unlink()  # nothing installs or builds it: left out, dead code
    assert [d.severity.value for d in by_code(lint(root), "DEP001") if "legacy" in d.path] == ["warning"]


@pytest.mark.parametrize("lockfile, command", [("package-lock.json", "cd packages/api && npm install prom-client"),
                                               ("yarn.lock", "cd packages/api && yarn add prom-client")])
def test_a_lerna_repository_without_workspaces_gets_the_command_run_in_the_packages_folder(tmp_path, lockfile, command):
    """lerna.json alone lists the packages: npm and yarn know no workspace there (`-w`, `yarn
    workspace` fail), and lerna installs each package in its own folder."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "devDependencies": {"lerna": "^8.0.0"}},
        "lerna.json": {"packages": ["packages/*"], "version": "independent"},
        lockfile: {} if lockfile.endswith(".json") else "# yarn lockfile v1\n",
        "packages/api/package.json": {"name": "@acme/api", "version": "1.0.0", "main": "dist/index.js"},
        "packages/api/src/index.ts": "import { Registry } from 'prom-client';\nexport const r = new Registry();\n",
    })
    [d] = by_code(lint(root), "DEP001")
    assert d.message.endswith(f"run `{command}`"), d.message


def test_node_modules_is_the_last_rung(tmp_path):
    src = "import { Kafka } from 'kafkajs';\n\nexport const kafka = new Kafka({ brokers: ['kafka:9092'] });\n"
    root = tree("no-lockfile", tmp_path, {"services/api/src/kafka.ts": src,
                                          "node_modules/kafkajs/package.json": '{"name": "kafkajs", "version": "2.2.4"}'})
    [d] = by_code(lint(root), "DEP001")
    assert d.message.endswith('add "kafkajs": "^2.2.4" to dependencies (node_modules has 2.2.4)')
    assert "not declared in services/api/package.json" in d.message


def test_many_files_one_key_and_the_section_follows_the_importers(tmp_path):
    files = {f"services/api/src/lock{i}.service.ts": REDIS_LOCK for i in range(4)}
    files["services/api/src/lock.service.spec.ts"] = "import Redis from 'ioredis';\n\ndescribe('x', () => { new Redis(); });\n"
    files["services/api/src/types.ts"] = "import type { RedisOptions } from 'ioredis';\nexport type O = RedisOptions;\n"
    root = tree("no-lockfile", tmp_path, files)
    ds = by_code(lint(root), "DEP001")
    assert len(ds) == 6 and all("to dependencies" in d.message for d in ds)
    text = fixed(root)["services/api/package.json"]
    assert text.count('"ioredis"') == 1 and json.loads(text)["dependencies"]["ioredis"] == "^5.4.1"
    assert not by_code(pipeline.lint([str(root)], Settings(select=["DEP"]), overrides={
        str(root / "services/api/package.json"): text.encode()}, use_cache=False).diagnostics, "DEP001")


def test_type_only_and_test_imports_go_to_dev_dependencies(tmp_path):
    files = {"services/api/src/types.ts": "import type { RedisOptions } from 'ioredis';\nexport type O = RedisOptions;\n",
             "services/api/test/lock.e2e-spec.ts": "import Redis from 'ioredis';\n\nit('connects', () => new Redis());\n"}
    root = tree("no-lockfile", tmp_path, files)
    assert all("to devDependencies" in d.message for d in by_code(lint(root), "DEP001"))
    assert json.loads(fixed(root)["services/api/package.json"])["devDependencies"] == {"ioredis": "^5.4.1"}


def test_not_dependencies(tmp_path):
    src = ("import { readFile } from 'fs/promises';\nimport { join } from 'node:path';\nimport { test } from 'node:test';\n"
           "import { Api } from '@acme/api/contracts';\nimport { x } from '#internal/x';\nimport { y } from './y';\n"
           "import { z } from '@/common/z';\nimport { c } from '@app/config';\nimport { q } from 'internal-lib';\n"
           "export const all = [readFile, join, test, Api, x, y, z, c, q];\n")
    root = tree("no-lockfile", tmp_path, {"services/api/src/ok.ts": src})
    diags = lint(root, aliases={"@app/*": "src/app/*"}, ignore_packages=["internal-*"])
    assert diags == []


def test_own_scope_that_names_nothing_is_left_to_imp001(tmp_path):
    src = "import { Shared } from '@acme/shared-services';\nimport { Other } from '@other/lib';\nexport const s = [Shared, Other];\n"
    root = tree("pnpm-v9", tmp_path, {"services/api/src/x.ts": src})
    assert [d.extra["package"] for d in by_code(lint(root), "DEP001")] == ["@other/lib"]


def test_resolver_alias_hook_is_honoured(tmp_path, monkeypatch):
    from migrationlint.model import own_aliases

    monkeypatch.setattr(own_aliases, "is_alias", lambda project, importer, spec: spec.startswith("shared/"))
    src = "import { a } from 'shared/util';\nexport const b = a;\n"
    root = tree("no-lockfile", tmp_path, {"services/api/src/x.ts": src})
    assert lint(root) == []


# ----------------------------------------------------------------------------- DEP002 / DEP005 and hoisting

def test_dep002_value_import_of_a_dev_dependency(tmp_path):
    root = tree("no-lockfile", tmp_path)
    api = root / "services" / "api" / "package.json"
    data = json.loads(api.read_text())
    data["devDependencies"] = {"type-fest": "^4.26.1", "uuid": "^10.0.0"}
    api.write_text(json.dumps(data, indent=2) + "\n")
    (root / "services/api/src").mkdir(parents=True)
    (root / "services/api/src/ids.ts").write_text("import { v4 } from 'uuid';\nimport type { Opaque } from 'type-fest';\n"
                                                  "export type Id = Opaque<string, 'Id'>;\nexport const newId = () => v4();\n")
    (root / "services/api/src/ids.spec.ts").write_text("import { v4 } from 'uuid';\nit('x', () => v4());\n")
    [d] = lint(root)
    assert d.code == "DEP002" and d.extra["package"] == "uuid" and d.path.endswith("ids.ts")
    assert d.fix.applicability.value == "unsafe"  # a move changes what a production install ships
    assert "services/api/package.json" not in fixed(root)
    out = json.loads(fixed(root, unsafe=True)["services/api/package.json"])
    assert out["dependencies"]["uuid"] == "^10.0.0" and out["devDependencies"] == {"type-fest": "^4.26.1"}


@pytest.mark.parametrize("hoisting,expected", [
    ("test-files", ["DEP005"]), ("all", []), ("none", ["DEP005", "DEP005"]),
])
def test_hoisting_policy(tmp_path, hoisting, expected):
    files = {"services/api/src/slug.ts": "import { kebabCase } from 'lodash';\nexport const slug = kebabCase;\n",
             "services/api/src/slug.spec.ts": "import { kebabCase } from 'lodash';\nit('x', () => kebabCase('A'));\n"}
    root = tree("no-lockfile", tmp_path, files)
    diags = lint(root, hoisting=hoisting)
    assert [d.code for d in diags] == expected
    if diags:
        assert diags[0].fix.applicability.value == "unsafe"
        assert '"lodash": "^4.17.21"' in diags[0].message


def test_dep004_under_hoisting_all_finds_what_the_hoisted_install_has(tmp_path):
    """`hoisting = "all"` says services run in the repository's hoisted install: a package that a
    sibling declares and yarn hoists is there when ValidationPipe loads it (DEP001 already says so
    for imports; DEP004 reported it as a start-up crash on a real monorepo); by default it is not."""
    validation = ("import { Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';\n\n"
                  "@Controller()\nexport class OrdersController {\n  @Post() @UsePipes(new ValidationPipe())\n"
                  "  create() { return 1; }\n}\n")
    root = tree("yarn-v1", tmp_path, {"services/api/src/orders.controller.ts": validation})
    worker = root / "services/worker/package.json"
    data = json.loads(worker.read_text())
    data["dependencies"].update({"class-transformer": "^0.5.1", "class-validator": "^0.14.1"})
    worker.write_text(json.dumps(data, indent=2) + "\n")
    with (root / "yarn.lock").open("a") as lock:
        lock.write('\nclass-transformer@^0.5.1:\n  version "0.5.1"\n\nclass-validator@^0.14.1:\n  version "0.14.1"\n')
    def runtime(**settings):
        return sorted(d.extra["package"] for d in by_code(lint(root, **settings), "DEP004"))

    assert runtime() == ["class-transformer", "class-validator"]
    assert runtime(hoisting="all") == []


def test_custom_test_file_globs(tmp_path):
    files = {"services/api/src/seeding/seed.ts": "import { kebabCase } from 'lodash';\nexport const s = kebabCase;\n"}
    root = tree("no-lockfile", tmp_path, files)
    assert [d.code for d in lint(root)] == ["DEP005"]
    assert lint(root, test_files=["**/seeding/**"]) == []


# ----------------------------------------------------------------------------- DEP003

@pytest.mark.parametrize("name,npmrc", [
    ("pnpm-v6", "auto-install-peers=false\n"), ("pnpm-v9", "auto-install-peers=false\n"),
    ("npm-v3", "legacy-peer-deps=true\n"), ("yarn-berry", ""), ("yarn-v1", ""),
])
def test_dep003_required_peers_from_the_lockfile_or_table(tmp_path, name, npmrc):
    src = "import { RedisModule } from '@nestjs-modules/ioredis';\n\nexport const redis = RedisModule;\n"
    root = tree(name, tmp_path, {"services/api/src/redis.module.ts": src})
    if npmrc:  # the pnpm lockfiles record autoInstallPeers: true; drop it so that .npmrc decides,
        (root / ".npmrc").write_text(npmrc)  # and the peer it installed (without it, nothing resolves one)
        for lock in root.glob("pnpm-lock.yaml"):
            lock.write_text(re.sub(r"\(ioredis@[^)]*\)", "", lock.read_text().replace("  autoInstallPeers: true\n", "")))
    peers = sorted(d.extra["specifier"] + ">" + d.message.split('"')[3] for d in by_code(lint(root), "DEP003"))
    # @nestjs/common's optional peers class-validator/class-transformer are never required
    assert peers == ["@nestjs-modules/ioredis>@nestjs/core", "@nestjs-modules/ioredis>ioredis"]
    setting = {"pnpm": "auto-install-peers=false (.npmrc)", "npm-": "legacy-peer-deps=true (.npmrc)", "yarn": "yarn"}
    assert all(setting[name[:4]] in d.message for d in by_code(lint(root), "DEP003"))


MAPPED_TYPES_LOCK = """lockfileVersion: 5.3

importers:

  packages/client:
    specifiers:
      '@nestjs/common': 8.1.1
      '@nestjs/swagger': 5.1.4
      reflect-metadata: 0.1.13
    dependencies:
      '@nestjs/common': 8.1.1
      '@nestjs/swagger': 5.1.4_x1
      reflect-metadata: 0.1.13

packages:

  /@nestjs/common/8.1.1:
    resolution: {integrity: sha512-a}
    peerDependencies:
      reflect-metadata: ^0.1.12
    dependencies:
      reflect-metadata: 0.1.13
    dev: false

  /@nestjs/mapped-types/1.0.0_x2:
    resolution: {integrity: sha512-b}
    peerDependencies:
      '@nestjs/common': ^7.0.8 || ^8.0.0
      class-transformer: ^0.2.0 || ^0.3.0 || ^0.4.0
      class-validator: ^0.11.1 || ^0.12.0 || ^0.13.0
      reflect-metadata: ^0.1.12
    dependencies:
      '@nestjs/common': 8.1.1
      reflect-metadata: 0.1.13
    dev: false

  /@nestjs/swagger/5.1.4_x1:
    resolution: {integrity: sha512-c}
    peerDependencies:
      '@nestjs/common': ^8.0.0
      class-transformer: '*'
      class-validator: '*'
      %s: '*'
      reflect-metadata: ^0.1.12
    dependencies:
      '@nestjs/common': 8.1.1
      '@nestjs/mapped-types': 1.0.0_x2
      reflect-metadata: 0.1.13
    dev: false

  /reflect-metadata/0.1.13:
    resolution: {integrity: sha512-d}
    dev: false
"""


def test_dep003_validation_peers_that_mapped_types_loads_only_when_installed(tmp_path):
    """pnpm 5 records class-validator and class-transformer as required peers of @nestjs/swagger 5 (they
    are @nestjs/mapped-types' peers, which swagger depends on); mapped-types loads them only when they
    are installed (`isClassValidatorAvailable()`), as later versions say with peerDependenciesMeta. An
    API client's schema generator importing swagger breaks nothing without them (an energy platform: 33
    DEP003 warnings promising "Cannot find module"). Another required peer of the record stays reported."""
    root = helpers.workspace(tmp_path, {})
    (root / "package.json").write_text('{"name": "root", "private": true, "packageManager": "pnpm@5.18.1"}')
    (root / "pnpm-workspace.yaml").write_text("packages:\n  - packages/*\n")
    (root / "pnpm-lock.yaml").write_text(MAPPED_TYPES_LOCK % "swagger-ui-dist")
    (root / "packages/client/src").mkdir(parents=True)
    (root / "packages/client/package.json").write_text(json.dumps({
        "name": "@acme/client", "version": "1.0.0", "private": True, "scripts": {"start": "ts-node src/main.ts"},
        "dependencies": {"@nestjs/swagger": "5.1.4", "@nestjs/common": "8.1.1", "reflect-metadata": "0.1.13"}}))
    (root / "packages/client/src/main.ts").write_text("import { DocumentBuilder } from '@nestjs/swagger';\n\n"
                                                      "console.log(new DocumentBuilder().setTitle('api').build());\n")
    assert [d.message.split('"')[3] for d in lint(root) if d.code == "DEP003"] == ["swagger-ui-dist"]


@pytest.mark.parametrize("name", ["pnpm-v6", "pnpm-v9", "npm-v3", "npm-v2", "no-lockfile"])
def test_dep003_silent_where_the_manager_installs_peers(tmp_path, name):
    src = "import { RedisModule } from '@nestjs-modules/ioredis';\n\nexport const redis = RedisModule;\n"
    root = tree(name, tmp_path, {"services/api/src/redis.module.ts": src})
    assert by_code(lint(root), "DEP003") == []


def test_dep003_fix_and_silence_once_declared(tmp_path):
    src = "import { RedisModule } from '@nestjs-modules/ioredis';\n\nexport const redis = RedisModule;\n"
    root = tree("no-lockfile", tmp_path, {"services/billing/src/redis.module.ts": src})
    billing = root / "services/billing/package.json"
    data = json.loads(billing.read_text())
    data["dependencies"].update({"@nestjs-modules/ioredis": "^2.0.2", "@nestjs/core": "^10.4.15"})
    del data["dependencies"]["ioredis"]
    billing.write_text(json.dumps(data, indent=2) + "\n")
    (root / ".npmrc").write_text("legacy-peer-deps=true\n")
    [d] = lint(root)
    assert d.code == "DEP003" and '"ioredis": "^5.4.1"' in d.message
    assert json.loads(fixed(root)["services/billing/package.json"])["dependencies"]["ioredis"] == "^5.4.1"


def test_a_project_inside_a_member_folder_finds_what_the_member_declares(tmp_path):
    """An example app kept inside a workspace member's folder with a package.json of its own (not
    a member: the workspace lists `packages/*`) resolves the member's declared packages through
    Node's lookup, which walks up into the member's node_modules (a real example had 2 DEP001 for
    what its library declares). What neither declares is still reported; so is a peer the member
    only asks its users for, which no install puts in its node_modules."""
    files = {
        "package.json": json.dumps({"name": "mono", "private": True, "packageManager": "pnpm@9.12.0"}),
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "packages/widget/package.json": json.dumps({
            "name": "@acme/widget", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"],
            "dependencies": {"@tabler/icons-react": "^3.7.0"}, "peerDependencies": {"react": "^18.2.0"}}),
        "packages/widget/src/index.ts": "import { IconPlus } from '@tabler/icons-react';\nexport const icon = IconPlus;\n",
        "packages/widget/examples/package.json": json.dumps({
            "name": "widget-example", "private": True, "scripts": {"dev": "vite"}, "devDependencies": {"vite": "^5.0.0"}}),
        "packages/widget/examples/src/app.ts": ("import { IconTrash } from '@tabler/icons-react';\n"
                                                "import { createElement } from 'react';\nimport MarkdownIt from 'markdown-it';\n"
                                                "export const app = [IconTrash, createElement, new MarkdownIt()];\n"),
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert sorted(d.extra["package"] for d in by_code(lint(tmp_path), "DEP001")) == ["markdown-it", "react"]


def test_an_example_projects_code_is_told_to_declare_what_it_loads_in_dependencies(tmp_path):
    """`examples/with-h3/index.ts` of an example server with its own package.json (a real repository: 26
    DEP001 findings told "add to devDependencies" for what the example's server loads): the example runs
    from its own install, so its code's packages go to dependencies. Its tests' packages still go to
    devDependencies, and an example that keeps every package in devDependencies (a bundled demo) keeps
    its convention."""
    files = {
        "package.json": json.dumps({"name": "board", "version": "1.0.0", "main": "dist/index.js",
                                    "dependencies": {"ms": "^2.1.3"}}),
        "src/index.ts": "import ms from 'ms';\nexport const ttl = ms('1d');\n",
        "examples/with-h3/package.json": json.dumps({"name": "with-h3", "private": True,
                                                     "scripts": {"start": "node index.js"}, "dependencies": {"h3": "^1.15.0"}}),
        "examples/with-h3/index.ts": "import { createApp } from 'h3';\nimport Redis from 'ioredis';\nexport const app = [createApp, Redis];\n",
        "examples/with-h3/test/app.test.ts": "import { expect } from 'chai';\nexpect(1).to.equal(1);\n",
        "examples/demo/package.json": json.dumps({"name": "demo", "private": True, "devDependencies": {"vite": "^5.0.0"}}),
        "examples/demo/src/main.ts": "import { render } from 'lit-html';\nexport const r = render;\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    found = {d.extra["package"]: d for d in by_code(lint(tmp_path), "DEP001")}
    assert sorted(found) == ["chai", "ioredis", "lit-html"]
    # no workspace: the command runs in the example's folder, not at the root, whose manifest it would change
    assert "run `cd examples/with-h3 && npm install ioredis`" in found["ioredis"].message
    assert "run `cd examples/with-h3 && npm install --save-dev chai`" in found["chai"].message
    assert "run `cd examples/demo && npm install --save-dev lit-html`" in found["lit-html"].message


def test_a_library_inside_a_project_no_workspace_lists_finds_what_that_project_declares(tmp_path):
    """The root's `workspaces` glob matches nothing; `ui-components/` is an app project installed in its own
    folder, and `ui-components/libs/ui/package.json` only the publish manifest of a library inside it:
    the library's stories and Storybook config find the project's devDependencies by Node's lookup (a
    real repository: 110 DEP001 advising a second Storybook install in the library). Its shipping code
    is still judged against its own manifest, and what neither declares is still reported."""
    files = {
        "package.json": json.dumps({"name": "mono", "private": True, "workspaces": ["apps/ui-components/libs/*"]}),
        "ui-components/package.json": json.dumps({
            "name": "@ui/source", "private": True, "dependencies": {"@angular/core": "21.0.0", "rxjs": "7.8.0"},
            "devDependencies": {"@storybook/angular": "10.0.0", "typescript": "5.9.3"}}),
        "ui-components/libs/ui/package.json": json.dumps({
            "name": "@ui/ui", "version": "0.0.0", "main": "./src/index.ts", "peerDependencies": {"@angular/core": ">=21.0.0"}}),
        "ui-components/libs/ui/.storybook/main.ts": ("import type { StorybookConfig } from '@storybook/angular';\n"
                                                    "const config: StorybookConfig = { stories: [], framework: '@storybook/angular' };\n"
                                                    "export default config;\n"),
        "ui-components/libs/ui/src/index.ts": "import { Component } from '@angular/core';\nimport { of } from 'rxjs';\n"
                                              "export const parts = [Component, of];\n",
        "ui-components/libs/ui/src/button.stories.ts": ("import { moduleMetadata } from '@storybook/angular';\n"
                                                       "import { within } from '@storybook/test';\nexport default { decorators: [moduleMetadata({}), within] };\n"),
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert sorted((Path(d.path).name, d.extra["package"]) for d in by_code(lint(tmp_path), "DEP001")) == [
        ("button.stories.ts", "@storybook/test"), ("index.ts", "rxjs")]


def test_a_test_suite_member_nested_in_its_base_member_finds_the_bases_drivers(tmp_path):
    """`e2e/adapter` declares the database drivers; the suites under `e2e/adapter/test/*` are members
    too (`e2e/**`) and declare only what they override: Node and tsc walk up from a suite's test into
    the base's node_modules (52 DEP001 in a real auth library, with fixes copying versions into every
    suite). What the base does not declare is still reported."""
    files = {
        "package.json": json.dumps({"name": "acme", "private": True, "packageManager": "pnpm@9.12.0"}),
        "pnpm-workspace.yaml": "packages:\n  - 'e2e/**'\n",
        "e2e/adapter/package.json": json.dumps({"name": "@acme/adapter-base", "private": True,
                                                 "devDependencies": {"pg": "^8.13.0"}}),
        "e2e/adapter/test/pg/package.json": json.dumps({"name": "@acme/adapter-pg", "private": True,
                                                        "scripts": {"test": "vitest run"}}),
        "e2e/adapter/test/pg/db.test.ts": "import { Pool } from 'pg';\nimport mysql from 'mysql2';\n\n"
                                          "export const pools = [new Pool(), mysql];\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert [d.extra["package"] for d in by_code(lint(tmp_path), "DEP001")] == ["mysql2"]


# ----------------------------------------------------------------------------- DEP004

RUNTIME = {
    "services/api/src/main.ts": ("import { NestFactory } from '@nestjs/core';\nimport { ValidationPipe } from '@nestjs/common';\n"
                                 "import { Transport } from '@nestjs/microservices';\nimport { AppModule } from './app.module';\n\n"
                                 "async function bootstrap() {\n  const app = await NestFactory.create(AppModule, { bufferLogs: true });\n"
                                 "  app.useGlobalPipes(new ValidationPipe());\n"
                                 "  app.connectMicroservice({ transport: Transport.RMQ, options: { urls: ['amqp://mq'] } });\n}\n"
                                 "void bootstrap();\n"),
    "services/api/src/app.module.ts": ("import { Module } from '@nestjs/common';\nimport { TypeOrmModule } from '@nestjs/typeorm';\n"
                                       "import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';\n\n"
                                       "@Module({ imports: [TypeOrmModule.forRootAsync({ useFactory: () => ({ type: 'mysql', "
                                       "cache: { type: 'ioredis' } }) })] })\nexport class AppModule {\n"
                                       "  constructor(private readonly health: HealthCheckService, private readonly db: TypeOrmHealthIndicator) {}\n}\n"
                                       "export const redisConfig = { type: 'cluster' };\n"),
}


def test_dep004_triggers(tmp_path):
    root = tree("no-lockfile", tmp_path, RUNTIME)
    api = root / "services/api/package.json"
    data = json.loads(api.read_text())
    data["dependencies"].update({"@nestjs/core": "^10.4.15", "@nestjs/microservices": "^10.4.15",
                                 "@nestjs/terminus": "^10.2.3", "@nestjs/typeorm": "^10.0.2", "typeorm": "^0.3.20"})
    api.write_text(json.dumps(data, indent=2) + "\n")
    got = sorted((Path(d.path).name, d.extra["package"]) for d in by_code(lint(root), "DEP004"))
    assert got == [("app.module.ts", "ioredis"), ("app.module.ts", "mysql2"),
                   ("main.ts", "@nestjs/platform-express"), ("main.ts", "amqp-connection-manager"),
                   ("main.ts", "amqplib"), ("main.ts", "class-transformer"), ("main.ts", "class-validator")]
    [d] = [d for d in lint(root) if d.extra.get("package") == "amqplib"]
    assert "ServerRMQ" in d.message and d.fix is None
    # the usual generic start of an app, which the grammar reads as a call of `await NestFactory.create`
    main = root / "services/api/src/main.ts"
    main.write_text(main.read_text().replace("await NestFactory.create(AppModule, { bufferLogs: true })",
                                             "await NestFactory.create<INestApplication>(AppModule, { bufferLogs: true })"))
    assert sorted((Path(d.path).name, d.extra["package"]) for d in by_code(lint(root), "DEP004")) == got
    [d] = [d for d in lint(root) if d.extra.get("package") == "ioredis"]
    assert d.message.endswith('add "ioredis": "^5.4.1" to dependencies (as in services/worker/package.json)')
    # `type: 'cluster'` outside TypeORM options is not read; TypeOrmHealthIndicator's packages are declared


GATEWAY = {
    "services/api/src/main.ts": ("import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\n"
                                 "NestFactory.create(AppModule).then((app) => app.listen(3000));\n"),
    "services/api/src/app.module.ts": ("import { Module } from '@nestjs/common';\nimport { TickerGateway } from './ticker.gateway';\n\n"
                                       "@Module({ providers: [TickerGateway] })\nexport class AppModule {}\n"),
    "services/api/src/ticker.gateway.ts": ("import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';\n"
                                           "import { Server } from 'socket.io';\n\n@WebSocketGateway({ namespace: '/ticks' })\n"
                                           "export class TickerGateway {\n  @WebSocketServer() server: Server;\n}\n"),
}


@pytest.mark.parametrize("change, reported", [
    ({}, True),
    ({"@nestjs/platform-socket.io": "^10.4.15"}, False),
    ("  app.useWebSocketAdapter(new WsAdapter(app));\n", False)])
def test_dep004_a_websocket_gateway_loads_the_default_adapter(tmp_path, change, reported):
    """A `@WebSocketGateway()` class in a service that sets no adapter: Nest's socket module loads
    `@nestjs/platform-socket.io` at start-up and fails without it ("No driver (WebSockets) has been
    selected", a real service whose manifest lacks it). Declared, or another adapter set
    (`app.useWebSocketAdapter(new WsAdapter(app))`), nothing is loaded that is missing."""
    files = dict(GATEWAY)
    if isinstance(change, str):
        files["services/api/src/main.ts"] = ("import { NestFactory } from '@nestjs/core';\nimport { WsAdapter } from '@nestjs/platform-ws';\n"
                                             "import { AppModule } from './app.module';\n\nasync function bootstrap() {\n"
                                             "  const app = await NestFactory.create(AppModule);\n" + change + "  await app.listen(3000);\n}\n"
                                             "void bootstrap();\n")
    root = tree("no-lockfile", tmp_path, files)
    api = root / "services/api/package.json"
    data = json.loads(api.read_text())
    data["dependencies"].update({"@nestjs/core": "^10.4.15", "@nestjs/platform-express": "^10.4.15",
                                 "@nestjs/websockets": "^10.4.15", "@nestjs/platform-ws": "^10.4.15",
                                 "socket.io": "^4.7.0", **(change if isinstance(change, dict) else {})})
    api.write_text(json.dumps(data, indent=2) + "\n")
    got = [(Path(d.path).name, d.extra["package"], d.message) for d in by_code(lint(root), "DEP004")]
    assert [g[:2] for g in got] == ([("ticker.gateway.ts", "@nestjs/platform-socket.io")] if reported else [])
    if reported:
        assert 'it fails with "No driver (WebSockets) has been selected' in got[0][2]


def test_dep004_a_transport_only_named_selects_nothing(tmp_path):
    """`Transport.KAFKA` as a computed key of a lookup table, a side of a comparison, a `case`
    label or a handler decorator's transport filter (`MessagePattern('sum', Transport.GRPC)`, one
    decorator per transport in a published library) chooses no transport: nothing loads kafkajs for
    it (real shared libraries: 3 and 1 DEP004). As an option's value it does."""
    table = ("import { MessagePattern, Transport } from '@nestjs/microservices';\nimport * as ms from '@nestjs/microservices';\n\n"
             "export const GrpcPattern = (p: string) => MessagePattern(p, Transport.GRPC);\n"
             "export const NatsEvent = (p: string) => ms.EventPattern(p, Transport.NATS, {});\n"
             "export const CLIENTS = { [Transport.KAFKA]: 'kafka', [Transport.RMQ]: 'rmq' };\n"
             "export const isKafka = (t: Transport): boolean => t === Transport.KAFKA;\n"
             "export function label(t: Transport): string {\n  switch (t) {\n    case Transport.NATS:\n"
             "      return 'nats';\n    default:\n      return 'other';\n  }\n}\n")
    root = tree("no-lockfile", tmp_path, {"services/api/src/tokens.ts": table})
    api = root / "services/api/package.json"
    data = json.loads(api.read_text())
    data["dependencies"].update({"@nestjs/microservices": "^10.4.15"})
    api.write_text(json.dumps(data, indent=2) + "\n")
    assert by_code(lint(root), "DEP004") == []
    (root / "services/api/src/tokens.ts").write_text(table + "export const options = { transport: Transport.KAFKA };\n"
                                                     "export const client = ms.ClientProxyFactory.create(options);\n")
    assert [d.extra["package"] for d in by_code(lint(root), "DEP004")] == ["kafkajs"]


@pytest.mark.parametrize("main_passes, reported", [("Redis", []), ("Kafka", ["kafkajs"])])
def test_dep004_an_options_constant_nothing_hands_to_nest_selects_nothing(tmp_path, main_passes, reported):
    """A service's shared file defines an options object per broker (`export const RedisOption = {
    transport: Transport.REDIS }`, one for Kafka beside it) and its `main.ts` hands one of them to
    `createMicroservice`, reading the other only for its `.name` (through a barrel): only the one handed
    on makes Nest load a client (a microservices demo: 25 DEP004 asking each service to install every
    broker's driver). The service declares ioredis: the Kafka options reported only where handed on."""
    root = tree("no-lockfile", tmp_path, {
        "services/api/src/shared/options.ts": "import { Transport } from '@nestjs/microservices';\n\n"
                                              "export const RedisOption = { name: 'REDIS', transport: Transport.REDIS };\n"
                                              "export const KafkaOption = { name: 'KAFKA', transport: Transport.KAFKA };\n",
        "services/api/src/shared/index.ts": "export * from './options';\n",
        "services/api/src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { Module } from '@nestjs/common';\n"
                                    "import { RedisOption, KafkaOption } from './shared';\n\n@Module({})\nclass AppModule {}\n\n"
                                    f"async function bootstrap() {{\n  const app = await NestFactory.createMicroservice(AppModule, {main_passes}Option);\n"
                                    "  await app.listen();\n  console.log(RedisOption.name, KafkaOption.name);\n}\nvoid bootstrap();\n",
    })
    api = root / "services/api/package.json"
    data = json.loads(api.read_text())
    data["dependencies"].update({"@nestjs/microservices": "^10.4.15", "ioredis": "^5.4.1"})
    api.write_text(json.dumps(data, indent=2) + "\n")
    assert [d.extra["package"] for d in by_code(lint(root), "DEP004")] == reported


def _nest_service(root: Path, dependencies: dict[str, str], main: str, lock: str | None = None) -> Path:
    files = {"package.json": json.dumps({"name": "api", "private": True, "packageManager": "pnpm@8.10.0",
                                         "scripts": {"start:prod": "node dist/main"}, "dependencies": dependencies}),
             "src/main.ts": main}
    if lock is not None:
        files["pnpm-lock.yaml"] = lock
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


VALIDATING_MAIN = ("import { NestFactory } from '@nestjs/core';\nimport { Module, ValidationPipe } from '@nestjs/common';\n\n"
                   "@Module({})\nclass AppModule {}\n\nasync function bootstrap() {\n"
                   "  const app = await NestFactory.create(AppModule);\n  app.useGlobalPipes(new ValidationPipe());\n"
                   "  await app.listen(3000);\n}\nvoid bootstrap();\n")


def _pnpm_lock(common_version: str) -> str:
    return ("lockfileVersion: '6.0'\n\nsettings:\n  autoInstallPeers: true\n\ndependencies:\n"
            "  '@nestjs/common':\n    specifier: ^10.0.0\n    version: " + common_version + "\n"
            "  '@nestjs/core':\n    specifier: ^10.0.0\n    version: 10.2.7\n"
            "  '@nestjs/platform-express':\n    specifier: ^10.0.0\n    version: 10.2.7\n"
            "  '@nestjs/mapped-types':\n    specifier: ^2.0.0\n    version: 2.0.2(class-validator@0.14.0)\n")


@pytest.mark.parametrize("common_version,reported", [
    ("10.2.7(class-transformer@0.5.1)(class-validator@0.14.0)(rxjs@7.8.1)", []),
    ("10.2.7(rxjs@7.8.1)", ["class-transformer", "class-validator"]),
])
def test_dep004_a_package_pnpm_links_beside_the_framework_that_loads_it(tmp_path, common_version, reported):
    """ValidationPipe's `require('class-validator')` runs inside @nestjs/common: when pnpm's lockfile
    records that peer resolved for the importer's @nestjs/common (`10.2.7(class-validator@0.14.0)`),
    pnpm links it beside @nestjs/common and the load works (a real service: 2 DEP004 saying it
    fails). Resolved beside another package only (`@nestjs/mapped-types(class-validator@...)`), it is
    not where @nestjs/common looks."""
    root = _nest_service(tmp_path, {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0",
                                    "@nestjs/platform-express": "^10.0.0", "@nestjs/mapped-types": "^2.0.0"},
                         VALIDATING_MAIN, _pnpm_lock(common_version))
    assert sorted(d.extra["package"] for d in by_code(lint(root), "DEP004")) == reported


GRPC_MAIN = ("import { NestFactory } from '@nestjs/core';\nimport { Module } from '@nestjs/common';\n"
             "import { Transport } from '@nestjs/microservices';\n\n@Module({})\nclass AppModule {}\n\n"
             "async function bootstrap() {\n  const app = await NestFactory.createMicroservice(AppModule, "
             "{ transport: Transport.GRPC, options: { package: 'hero', protoPath: 'hero.proto' } });\n"
             "  await app.listen();\n}\nvoid bootstrap();\n")


@pytest.mark.parametrize("microservices,declared,reported", [
    ("^7.3.2", {"grpc": "^1.24.3", "@grpc/proto-loader": "^0.5.5"}, []),
    ("^7.3.2", {}, ["@grpc/proto-loader", "grpc"]),
    ("^8.0.0", {"grpc": "^1.24.3", "@grpc/proto-loader": "^0.5.5"}, ["@grpc/grpc-js"]),
    ("^10.4.0", {"@grpc/grpc-js": "^1.9.0", "@grpc/proto-loader": "^0.7.0"}, []),
    ("^8.0.0|REDIS", {"redis": "^3.1.2"}, []),
    ("^9.0.0|REDIS", {"redis": "^3.1.2"}, ["ioredis"]),
])
def test_dep004_transports_load_the_client_of_the_installed_nest_major(tmp_path, microservices, declared, reported):
    """@nestjs/microservices 7 loads the `grpc` package for Transport.GRPC; 8 and later load
    `@grpc/grpc-js` (a real Nest 7 service was told to add @grpc/grpc-js, which it never loads).
    Both load @grpc/proto-loader. Transport.REDIS loads `redis` before 9, ioredis from 9 (a real
    Nest 8 service was told to add ioredis)."""
    microservices, _, transport = microservices.partition("|")
    main = GRPC_MAIN.replace("Transport.GRPC", f"Transport.{transport}") if transport else GRPC_MAIN
    root = _nest_service(tmp_path, {"@nestjs/common": microservices, "@nestjs/core": microservices,
                                    "@nestjs/microservices": microservices, **declared}, main)
    assert sorted(d.extra["package"] for d in by_code(lint(root), "DEP004")) == reported


def test_dep004_a_module_no_entry_reaches_loads_nothing_at_start_up(tmp_path):
    """A `@Module` whose provider connects with `Transport.NATS`, imported by no module of the app:
    Nest never runs its factory, so nothing loads nats at start-up (a real service: 2 DEP004
    saying it fails). Imported by the app module, it does."""
    module = ("import { Module } from '@nestjs/common';\nimport { ClientProxyFactory, Transport } from '@nestjs/microservices';\n\n"
              "@Module({ providers: [{ provide: 'NATS', useFactory: () => ClientProxyFactory.create({ transport: Transport.NATS }) }] })\n"
              "export class NatsClientModule {}\n")
    app = "import { Module } from '@nestjs/common';\nIMPORTS\n@Module({ imports: [NAMES] })\nexport class AppModule {}\n"
    main = ("import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\n"
            "async function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nvoid bootstrap();\n")
    deps = {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0", "@nestjs/microservices": "^10.3.0",
            "@nestjs/platform-express": "^10.3.0"}
    for name, imported in (("alone", False), ("imported", True)):
        root = tmp_path / name
        _nest_service(root, deps, main)
        (root / "nest-cli.json").write_text('{"sourceRoot": "src"}\n')
        (root / "src/nats/nats-client.module.ts").parent.mkdir(parents=True, exist_ok=True)
        (root / "src/nats/nats-client.module.ts").write_text(module)
        (root / "src/app.module.ts").write_text(app.replace(
            "IMPORTS", "import { NatsClientModule } from './nats/nats-client.module';\n" if imported else "").replace(
            "NAMES", "NatsClientModule" if imported else ""))
        assert [d.extra["package"] for d in by_code(lint(root), "DEP004")] == (["nats"] if imported else []), name


def test_dep004_in_a_published_library_is_the_applications_choice(tmp_path):
    """A published NestJS library whose opt-in module connects with `Transport.NATS`: the
    application that imports that module picks the transport and installs its client, as with
    @nestjs/microservices itself (a real library family: 8 DEP004 errors asking it to install
    every broker). A warning advising an optional peer, with no fix; in a service, an error."""
    module = ("import { DynamicModule, Module } from '@nestjs/common';\n"
              "import { ClientProxyFactory, Transport } from '@nestjs/microservices';\n\n@Module({})\n"
              "export class NatsClientModule {\n  static forRoot(): DynamicModule {\n    return { module: NatsClientModule, "
              "providers: [{ provide: 'NATS', useFactory: () => ClientProxyFactory.create({ transport: Transport.NATS }) }] };\n"
              "  }\n}\n")
    root = tmp_path / "lib"
    for rel, text in {"package.json": json.dumps({
            "name": "@acme/microservices", "version": "1.11.1", "main": "./src/index.js", "publishConfig": {"access": "public"},
            "peerDependencies": {"@nestjs/common": "*", "@nestjs/microservices": "*"},
            "peerDependenciesMeta": {"@nestjs/microservices": {"optional": True}}}),
            "src/index.ts": "export * from './nats-client.module';\n", "src/nats-client.module.ts": module}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    [d] = by_code(lint(root), "DEP004")
    assert d.severity.value == "warning" and d.fix is None
    assert "peerDependencies of package.json (marked optional" in d.message and "fails with" not in d.message
    # a base image's Dockerfile beside it (a runner script, no CMD or ENTRYPOINT) deploys no package:
    # still a library (10 errors in a real family); one that starts something makes it a service
    (root / "Dockerfile").write_text("FROM node:20-alpine\nWORKDIR /app\nCOPY bin/run-service.sh ./run-service.sh\nEXPOSE 9010\n")
    assert [d.severity.value for d in by_code(lint(root), "DEP004")] == ["warning"]
    (root / "Dockerfile").write_text("FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"dist/main.js\"]\n")
    assert [d.severity.value for d in by_code(lint(root), "DEP004")] == ["error"]


def test_dep004_a_wrappers_driver_the_framework_lists_as_its_own_peer_is_said_already(tmp_path):
    """A published wrapper of @nestjs/microservices, which it takes as a peer: @nestjs/microservices
    itself lists the transports' drivers as optional peers (its lockfile record says so), so the
    application learns of `nats` from it, and an optional peer in the wrapper would tell nobody
    anything (a real module family: 7 DEP004 warnings). A driver the framework does not list is
    still the wrapper's to advise."""
    root = tmp_path / "lib"
    files = {
        "package-lock.json": json.dumps({"name": "acme-mod", "lockfileVersion": 3, "packages": {
            "": {"name": "acme-mod", "devDependencies": {"@nestjs/microservices": "^11.1.0"}},
            "node_modules/@nestjs/microservices": {
                "version": "11.1.21", "dev": True, "peerDependencies": {"@nestjs/common": "^11.0.0", "nats": "*"},
                "peerDependenciesMeta": {"nats": {"optional": True}}}}}),
        "package.json": json.dumps({"name": "@acme/microservices", "version": "1.11.1", "main": "./src/index.js",
                                    "peerDependencies": {"@nestjs/common": "*", "@nestjs/microservices": "*"},
                                    "devDependencies": {"@nestjs/microservices": "^11.1.0"}}),
        "src/index.ts": "import { ClientProxyFactory, Transport } from '@nestjs/microservices';\n"
                        "export const nats = () => ClientProxyFactory.create({ transport: Transport.NATS });\n"
                        "export const kafka = () => ClientProxyFactory.create({ transport: Transport.KAFKA });\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    assert [d.extra["package"] for d in by_code(lint(root), "DEP004")] == ["kafkajs"]


def test_dep004_mysql_alternative_on_typeorm_0x_only(tmp_path):
    src = "import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'mysql' });\n"
    root = tree("no-lockfile", tmp_path, {"services/api/src/data-source.ts": src})
    api = root / "services/api/package.json"
    data = json.loads(api.read_text())
    data["dependencies"].update({"typeorm": "^0.3.20", "mysql": "^2.18.1"})
    api.write_text(json.dumps(data, indent=2) + "\n")
    assert by_code(lint(root), "DEP004") == []
    assert [d.extra["package"] for d in by_code(lint(root, typeorm_version="1.0.0"), "DEP004")] == ["mysql2"]


@pytest.mark.parametrize("options, reported", [
    ("type: 'postgres'", ["pg"]),
    ("type: 'postgres', driver: new PGliteDriver().driver", []),
    ("type: 'mysql', 'driver': require('mysql2')", []),
    ("type: 'postgres', driver", []),
])
def test_dep004_a_driver_the_options_pass_is_the_one_typeorm_uses(tmp_path, options, reported):
    """`new DataSource({ type: 'postgres', driver: ... })`: every TypeORM driver takes the module it is
    given (`options.driver || load('pg')`), so the type's package is never loaded (a real JSON:API demo
    server on an embedded Postgres; checked against real TypeORM in test_runtime_oracle.py)."""
    src = f"import {{ DataSource }} from 'typeorm';\nconst driver = {{}};\nexport default new DataSource({{ {options} }});\n"
    root = tree("no-lockfile", tmp_path, {"services/api/src/data-source.ts": src})
    api = root / "services/api/package.json"
    data = json.loads(api.read_text())
    data["dependencies"].update({"typeorm": "^0.3.20"})
    api.write_text(json.dumps(data, indent=2) + "\n")
    assert [d.extra["package"] for d in by_code(lint(root), "DEP004")] == reported


APOLLO_LOCK = """lockfileVersion: '9.0'

settings:
  autoInstallPeers: {auto}
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      '@nestjs/apollo':
        specifier: 12.0.9
        version: 12.0.9{apollo}(graphql@16.8.1)
      '@nestjs/graphql':
        specifier: 12.0.9
        version: 12.0.9(graphql@16.8.1)
      graphql:
        specifier: 16.8.1
        version: 16.8.1

packages:

  '@apollo/server@4.9.3':
    resolution: {{integrity: sha512-AAAA}}
    peerDependencies:
      graphql: ^16.6.0

  '@nestjs/apollo@12.0.9':
    resolution: {{integrity: sha512-BBBB}}
    peerDependencies:
      '@apollo/gateway': ^2.0.0
      '@apollo/server': ^4.3.2
      '@nestjs/graphql': ^12.0.0
      graphql: ^16.6.0
    peerDependenciesMeta:
      '@apollo/gateway':
        optional: true

  '@nestjs/graphql@12.0.9':
    resolution: {{integrity: sha512-CCCC}}
    peerDependencies:
      graphql: ^16.6.0

  graphql@16.8.1:
    resolution: {{integrity: sha512-DDDD}}
"""


APOLLO_APP = ("import { Module } from '@nestjs/common';\nimport { GraphQLModule } from '@nestjs/graphql';\n"
              "import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';\n\n"
              "@Module({ imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, "
              "autoSchemaFile: true })] })\nexport class AppModule {}\n")


def test_dep004_a_driver_installed_as_a_peer_of_the_package_that_loads_it(tmp_path):
    """ApolloDriver makes @nestjs/apollo load @apollo/server, a required peer of @nestjs/apollo: pnpm
    with auto-install-peers installs it beside @nestjs/apollo, which finds it (a real sample app had
    DEP004 there); with auto-install-peers=false it is missing, and so is an optional peer."""
    for auto in ("true", "false"):
        root = tmp_path / auto
        (root / "src").mkdir(parents=True)
        (root / "package.json").write_text(json.dumps({
            "name": "graphql-app", "version": "1.0.0", "packageManager": "pnpm@9.12.0", "main": "dist/main.js",
            "dependencies": {"@nestjs/apollo": "12.0.9", "@nestjs/graphql": "12.0.9", "graphql": "16.8.1"}}))
        # pnpm records a peer in the dependency's suffix only where it resolved (installed) it
        (root / "pnpm-lock.yaml").write_text(APOLLO_LOCK.format(auto=auto, apollo="(@apollo/server@4.9.3)" * (auto == "true")))
        (root / "src/main.ts").write_text(APOLLO_APP)
        found = [d.extra["package"] for d in by_code(helpers.lint(root, select=["DEP004"]), "DEP004")]
        assert found == ([] if auto == "true" else ["@apollo/server"]), auto


# ----------------------------------------------------------------------------- the realistic monorepo

def test_planted_dependency_cases_of_the_fixture(tmp_path):
    root = tmp_path / "monorepo"
    shutil.copytree(FIXTURE, root)
    got = sorted((os.path.relpath(d.path, root), d.code, d.extra.get("package")) for d in lint(root))
    assert got == [
        ("services/finance/src/invoices/invoices.service.ts", "DEP002", "uuid"),
        ("services/master-data/src/metrics/metrics.service.ts", "DEP001", "prom-client"),
        ("services/organization/src/organizations/organization-slug.ts", "DEP005", "lodash"),
        ("services/rules-engine/src/app.module.ts", "DEP004", "pg"),
        ("services/rules-engine/src/rules/rules.module.ts", "DEP004", "kafkajs"),
        ("services/workflow/src/events/workflow-events.controller.ts", "DEP001", "@nestjs/microservices"),
        ("services/workflow/src/locks/run-lock.ts", "DEP001", "@nestjs-modules/ioredis"),
        ("services/workflow/src/locks/run-lock.ts", "DEP001", "ioredis"),
    ]
    texts = fixed(root)
    workflow = json.loads(texts["services/workflow/package.json"])["dependencies"]
    assert (workflow["@nestjs/microservices"], workflow["@nestjs-modules/ioredis"], workflow["ioredis"]) == (
        "^10.4.15", "^2.0.2", "^5.4.1")
    assert "pnpm --filter @acme/master-data-service add prom-client" in next(
        d.message for d in lint(root) if d.extra.get("package") == "prom-client")


def test_dep004_apollo_3_drivers_of_nestjs_apollo_10_satisfy_apollo_driver(tmp_path):
    """@nestjs/apollo 10 (Nest 9) loads apollo-server-express or apollo-server-fastify, not
    @apollo/server: a service declaring one of them, or `apollo-server` 3, which brings the express
    one (an e-commerce API told to add @apollo/server), is complete; one declaring neither misses
    apollo-server-express, the integration its @nestjs/apollo loads."""
    for server in ("apollo-server-express", "apollo-server", None):
        root = tmp_path / (server or "none")
        (root / "src").mkdir(parents=True)
        deps = {"@nestjs/apollo": "^10.1.7", "@nestjs/graphql": "^10.1.7", "graphql": "^16.6.0"}
        if server:
            deps[server] = "^3.11.1"
        (root / "package.json").write_text(json.dumps({"name": "api", "version": "1.0.0", "main": "dist/main.js",
                                                       "packageManager": "pnpm@9.12.0", "dependencies": deps}))
        (root / ".npmrc").write_text("auto-install-peers=false\n")  # nothing arrives as a peer
        (root / "src/main.ts").write_text(APOLLO_APP)
        found = [d.extra["package"] for d in by_code(helpers.lint(root, select=["DEP004"]), "DEP004")]
        assert found == ([] if server else ["apollo-server-express"]), server


def test_dep003_knows_nestjs_apollo_10_had_no_required_peers(tmp_path):
    """A yarn 1 lockfile records no peers, so the built-in table answers: @apollo/server is a
    required peer of @nestjs/apollo from 11 on, not of the 10.x the lockfile resolves."""
    (tmp_path / "src").mkdir()
    (tmp_path / "package.json").write_text(json.dumps({
        "name": "api", "version": "1.0.0", "main": "dist/main.js",
        "dependencies": {"@nestjs/apollo": "^10.1.7", "@nestjs/common": "^9.3.2", "@nestjs/core": "^9.3.2",
                         "@nestjs/graphql": "^10.1.7", "graphql": "^16.6.0", "apollo-server-express": "^3.11.1"}}))
    (tmp_path / "yarn.lock").write_text(
        '# yarn lockfile v1\n\n\n"@nestjs/apollo@^10.1.7":\n  version "10.1.7"\n'
        '  resolved "https://registry.npmjs.org/@nestjs/apollo/-/apollo-10.1.7.tgz"\n')
    (tmp_path / "src/plugin.ts").write_text(
        "import { Plugin } from '@nestjs/apollo';\nexport const plugins = [Plugin];\n")
    assert by_code(helpers.lint(tmp_path, select=["DEP003", "DEP004"]), "DEP003") == []
    lock = (tmp_path / "yarn.lock").read_text().replace("10.1.7", "12.0.9")
    (tmp_path / "yarn.lock").write_text(lock)
    (found,) = by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003")
    assert 'requires its peer dependency "@apollo/server"' in found.message
    # a lockfile that does not record it (a generator's template beside the generator's own lockfile): the
    # declared range says which major installs, ^10.1.7 only 10.x (a real template: 2 DEP003 asking for Apollo 4)
    (tmp_path / "yarn.lock").write_text('# yarn lockfile v1\n\n\ntypescript@^5.0.0:\n  version "5.6.3"\n')
    assert by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003") == []
    manifest = json.loads((tmp_path / "package.json").read_text())
    manifest["dependencies"]["@nestjs/apollo"] = "^12.0.9"
    (tmp_path / "package.json").write_text(json.dumps(manifest))
    assert len(by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003")) == 1


def _npm_app(root, typeorm_entry: dict, private: bool = True):
    """A private Nest service whose typeorm sits in devDependencies, used by an entity."""
    (root / "src").mkdir(parents=True)
    manifest = {"name": "api", "version": "1.0.0", "main": "dist/main.js",
                "dependencies": {"@nestjs/typeorm": "^11.0.0"}, "devDependencies": {"typeorm": "^0.3.27"}}
    if private:
        manifest["private"] = True
    (root / "package.json").write_text(json.dumps(manifest))
    (root / "package-lock.json").write_text(json.dumps({"name": "api", "lockfileVersion": 3, "packages": {
        "": {"name": "api", "dependencies": manifest["dependencies"], "devDependencies": manifest["devDependencies"]},
        "node_modules/@nestjs/typeorm": {"version": "11.0.0", "peerDependencies": {"typeorm": "^0.3.0"}},
        "node_modules/typeorm": {"version": "0.3.27", **typeorm_entry}}}))
    (root / "src/main.ts").write_text("import { Entity } from 'typeorm';\n\n@Entity()\nexport class User {}\n")


@pytest.mark.parametrize("name, command", [
    ("no-lockfile", "`npm ci --omit=dev`, `pnpm install --prod`"), ("npm-v3", "`npm ci --omit=dev`"),
    ("pnpm-v9", "`pnpm install --prod`"), ("yarn-v1", "`yarn install --production`"),
    ("yarn-berry", "`yarn workspaces focus --production`")])
def test_dep002_names_the_production_install_of_the_repositorys_manager(tmp_path, name, command):
    """The message names the command that leaves devDependencies out in the repository's own package
    manager (a yarn 3 repository was told about `npm ci` and `pnpm install`); without a lockfile,
    npm's and pnpm's."""
    root = tree(name, tmp_path, {"services/api/src/ids.ts": "import { v4 } from 'uuid';\nexport const newId = () => v4();\n"})
    api = root / "services" / "api" / "package.json"
    data = json.loads(api.read_text())
    data.setdefault("devDependencies", {})["uuid"] = "^10.0.0"
    api.write_text(json.dumps(data, indent=2) + "\n")
    [d] = [d for d in lint(root) if d.code == "DEP002" and d.extra["package"] == "uuid"]
    assert f"a production install ({command}) leaves it out" in d.message


def test_dep002_says_a_published_librarys_users_fail_not_a_service(tmp_path):
    """A library has no service and no production install of its own: it is installed as a
    dependency, from the registry or by the workspace's production install of an app that uses it,
    and neither installs its devDependencies (real reviews found "the service fails" said of libraries). A service keeps the production install and "the service fails"; a
    package whose only start is its `bin` says the command fails."""
    kinds = {"ids": {"name": "@acme/ids", "version": "1.0.0", "main": "dist/main.js"},  # a library
             "cli": {"name": "@acme/cli", "version": "1.0.0", "bin": {"ids": "dist/main.js"}},  # a command
             "api": {"name": "api", "private": True, "main": "dist/main.js", "scripts": {"start": "node dist/main.js"}}}
    files: dict = {"package.json": {"name": "ws", "private": True, "workspaces": ["packages/*"]}}
    for folder, manifest in kinds.items():
        files[f"packages/{folder}/package.json"] = {**manifest, "devDependencies": {"uuid": "^10.0.0"}}
        files[f"packages/{folder}/src/main.ts"] = "import { v4 } from 'uuid';\nexport const newId = () => v4();\n"
    root = write(tmp_path, files)
    found = {Path(d.path).parent.parent.name: d.message for d in lint(root) if d.code == "DEP002"}
    assert "an install of @acme/ids as a dependency (from the registry, or the workspace's production install, " \
           "`npm ci --omit=dev`, `pnpm install --prod`) leaves out its devDependencies, so an application that uses it " \
           "fails" in found["ids"]
    assert "service" not in found["ids"].split("; ")[0]
    assert "leaves it out and the command fails" in found["cli"]
    assert "leaves it out and the service fails" in found["api"]


def test_dep002_a_workspace_package_npm_links_fails_only_for_the_registrys_users(tmp_path):
    """npm links every workspace package into the root's node_modules, whatever section lists it, and
    `npm ci --omit=dev` keeps the links (the lockfile's link entries carry no `"dev": true`): a
    published library that keeps a sibling in devDependencies fails only when installed from the
    registry (a real review: images running `npm prune --omit=dev` work today, and the message said
    they fail)."""
    root = write(tmp_path, {
        "package.json": {"name": "ws", "private": True, "workspaces": ["packages/*"]},
        "package-lock.json": {"name": "ws", "lockfileVersion": 3, "packages": {
            "": {"name": "ws", "workspaces": ["packages/*"]},
            "node_modules/@acme/logs": {"resolved": "packages/logs", "link": True},
            "node_modules/@acme/shared": {"resolved": "packages/shared", "link": True},
            "node_modules/uuid": {"version": "10.0.0", "dev": True},
            "packages/logs": {"name": "@acme/logs", "version": "1.0.0"},
            "packages/shared": {"name": "@acme/shared", "version": "1.0.0",
                                "devDependencies": {"@acme/logs": "1.0.0", "uuid": "^10.0.0"}}}},
        "packages/logs/package.json": {"name": "@acme/logs", "version": "1.0.0", "main": "dist/index.js"},
        "packages/logs/src/index.ts": "export const log = (m: string) => console.log(m);\n",
        "packages/shared/package.json": {"name": "@acme/shared", "version": "1.0.0", "main": "dist/index.js",
                                         "devDependencies": {"@acme/logs": "1.0.0", "uuid": "^10.0.0"}},
        "packages/shared/src/index.ts": "import { log } from '@acme/logs';\nimport { v4 } from 'uuid';\n"
                                        "export const id = () => { log('id'); return v4(); };\n",
    })
    found = {d.extra["package"]: d.message for d in lint(root) if d.code == "DEP002"}
    assert "an install of @acme/shared as a dependency (from the registry) leaves out" in found["@acme/logs"]
    assert "(from the registry, or the workspace's production install, `npm ci --omit=dev`) leaves out" in found["uuid"]


def test_dep002_says_when_a_dependency_brings_the_package_today(tmp_path):
    """`reflect-metadata` in devDependencies of a service whose `typeorm` (a dependency) depends on it
    (a fleet back end): a production install still holds it, through typeorm, so "leaves it out"
    would be false; the message says the service works by chance and fails once typeorm drops it."""
    root = write(tmp_path, {
        "package.json": {"name": "api", "private": True, "main": "dist/main.js", "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"typeorm": "^0.2.45"}, "devDependencies": {"reflect-metadata": "^0.1.13"}},
        "package-lock.json": {"name": "api", "lockfileVersion": 1, "requires": True, "dependencies": {
            "typeorm": {"version": "0.2.45", "requires": {"reflect-metadata": "^0.1.13"}},
            "reflect-metadata": {"version": "0.1.13"}}},
        "src/main.ts": "import 'reflect-metadata';\n\nexport const ready = true;\n",
    })
    [d] = [d for d in lint(root) if d.code == "DEP002"]
    assert "holds it today only because typeorm depends on it; once typeorm no longer does, the service fails" in d.message, d.message
    # npm v2 records where each copy goes: typeorm's dotenv 8 nests in its own folder beside the app's
    # dev-only dotenv 16, so `npm ci --omit=dev` leaves the app none (a real Express boilerplate)
    nested = write(tmp_path / "nested", {
        "package.json": {"name": "app", "private": True, "scripts": {"start": "node dist/index.js"},
                         "dependencies": {"typeorm": "^0.2.45"}, "devDependencies": {"dotenv": "^16.0.1"}},
        "package-lock.json": {"name": "app", "lockfileVersion": 2, "requires": True, "packages": {
            "": {"name": "app", "dependencies": {"typeorm": "^0.2.45"}, "devDependencies": {"dotenv": "^16.0.1"}},
            "node_modules/dotenv": {"version": "16.0.1", "dev": True},
            "node_modules/typeorm": {"version": "0.2.45", "dependencies": {"dotenv": "^8.2.0"}},
            "node_modules/typeorm/node_modules/dotenv": {"version": "8.6.0"}}},
        "src/index.ts": "import 'dotenv/config';\n\nexport const ready = true;\n",
    })
    [d] = [d for d in lint(nested) if d.code == "DEP002"]
    assert "leaves it out and the service fails" in d.message and "only because" not in d.message, d.message
    # npm v1 says no placement, only that @nestjs/common nests its own uuid 3 beside the app's dev-only
    # uuid 7: with two versions locked, nothing says the production install holds one where the app looks
    # (a real calendar back end's DEP002 claimed it did): the message says on what it depends
    v1 = write(tmp_path / "v1", {
        "package.json": {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"@nestjs/common": "6.11.8"}, "devDependencies": {"uuid": "7.0.1"}},
        "package-lock.json": {"name": "svc", "lockfileVersion": 1, "requires": True, "dependencies": {
            "@nestjs/common": {"version": "6.11.8", "requires": {"uuid": "3.4.0"}, "dependencies": {"uuid": {"version": "3.4.0"}}},
            "uuid": {"version": "7.0.1", "dev": True}}},
        "src/main.ts": "import { v4 } from 'uuid';\n\nexport const id = v4();\n",
    })
    [d] = [d for d in lint(v1) if d.code == "DEP002"]
    assert "holds it only if the copy @nestjs/common brings is the one hoisted where this file looks (the lockfile " \
           "holds several versions of it); otherwise the service fails" in d.message, d.message


def test_dep002_a_dev_dependency_a_production_install_still_places_is_no_crash(tmp_path):
    """npm's lockfile marks what only dev dependencies need with `"dev": true`; typeorm, a required
    peer of @nestjs/typeorm, has no such mark, so `npm ci --omit=dev` installs it and the entity
    loads: no DEP002 for a private service. Marked dev, or in a package that may be published
    (installed by its users with their own lockfile), it is reported."""
    _npm_app(tmp_path / "peer", {})
    assert by_code(helpers.lint(tmp_path / "peer", select=["DEP002"]), "DEP002") == []
    _npm_app(tmp_path / "dev", {"dev": True})
    assert len(by_code(helpers.lint(tmp_path / "dev", select=["DEP002"]), "DEP002")) == 1
    ws = tmp_path / "published"
    (ws / "packages/orm-kit/src").mkdir(parents=True)
    (ws / "package.json").write_text(json.dumps({"name": "repo", "private": True, "workspaces": ["packages/*"]}))
    (ws / "packages/orm-kit/package.json").write_text(json.dumps({
        "name": "@acme/orm-kit", "version": "1.0.0", "main": "dist/index.js",
        "dependencies": {"@nestjs/typeorm": "^11.0.0"}, "devDependencies": {"typeorm": "^0.3.27"}}))
    (ws / "package-lock.json").write_text(json.dumps({"name": "repo", "lockfileVersion": 3, "packages": {
        "": {"name": "repo", "workspaces": ["packages/*"]},
        "node_modules/@nestjs/typeorm": {"version": "11.0.0", "peerDependencies": {"typeorm": "^0.3.0"}},
        "node_modules/typeorm": {"version": "0.3.27"}}}))
    (ws / "packages/orm-kit/src/index.ts").write_text("import { Entity } from 'typeorm';\n\n@Entity()\nexport class User {}\n")
    assert len(by_code(helpers.lint(ws, select=["DEP002"]), "DEP002")) == 1



@pytest.mark.parametrize("link", ["member", "dev", "store"])
def test_dep002_an_npm_workspace_member_is_linked_by_a_production_install(tmp_path, link):
    """npm links every workspace member at the root whatever section names it: a service that
    lists a sibling in devDependencies still finds it after `npm ci --omit=dev` (checked with npm
    11: the lockfile's `link: true` entry has no `dev` mark; a real service: 2 DEP002). A link the
    lockfile marks dev, or one into another manager's store (an npm lockfile written over pnpm's
    node_modules/.pnpm), is no member: reported."""
    ws = tmp_path
    (ws / "api/src").mkdir(parents=True)
    (ws / "web").mkdir()
    (ws / "package.json").write_text(json.dumps({"name": "acme", "private": True, "workspaces": ["api", "web"]}))
    (ws / "api/package.json").write_text(json.dumps({
        "name": "@acme/api", "version": "1.0.0", "private": True, "main": "dist/main.js",
        "scripts": {"start": "node dist/main"}, "devDependencies": {"@acme/web": "*"}}))
    (ws / "web/package.json").write_text(json.dumps({"name": "@acme/web", "version": "1.0.0", "private": True,
                                                     "main": "./index.js"}))
    (ws / "web/index.js").write_text("exports.build = () => 'build';\n")
    resolved = "node_modules/.pnpm/web@1.0.0/node_modules/@acme/web" if link == "store" else "web"
    entry = {"resolved": resolved, "link": True, **({"dev": True} if link == "dev" else {})}
    (ws / "package-lock.json").write_text(json.dumps({"name": "acme", "lockfileVersion": 3, "packages": {
        "": {"name": "acme", "workspaces": ["api", "web"]},
        "api": {"name": "@acme/api", "version": "1.0.0", "devDependencies": {"@acme/web": "*"}},
        "node_modules/@acme/api": {"resolved": "api", "link": True}, "node_modules/@acme/web": entry,
        "web": {"name": "@acme/web", "version": "1.0.0"}}}))
    (ws / "api/src/main.ts").write_text("import { build } from '@acme/web';\nconsole.log(build());\n")
    assert len(by_code(helpers.lint(ws, select=["DEP002"]), "DEP002")) == (0 if link == "member" else 1)


_YARN_V1_LOCK = ('# yarn lockfile v1\n\n\n"@nestjs/config@^4.0.0":\n  version "4.0.2"\n  dependencies:\n'
                 '    dotenv "16.4.7"\n    lodash "4.17.21"\n\ndotenv@16.4.7, dotenv@^16.4.7:\n  version "16.4.7"\n\n'
                 'lodash@4.17.21:\n  version "4.17.21"\n\nchalk@^4.1.2:\n  version "4.1.2"\n')
_YARN_BERRY_LOCK = ('__metadata:\n  version: 8\n  cacheKey: 10c0\n\n'
                    '"@nestjs/config@npm:^4.0.0":\n  version: 4.0.2\n  resolution: "@nestjs/config@npm:4.0.2"\n'
                    '  dependencies:\n    dotenv: "npm:16.4.7"\n  languageName: node\n  linkType: hard\n\n'
                    '"dotenv@npm:16.4.7, dotenv@npm:^16.4.7":\n  version: 16.4.7\n'
                    '  resolution: "dotenv@npm:16.4.7"\n  languageName: node\n  linkType: hard\n\n'
                    '"chalk@npm:^4.1.2":\n  version: 4.1.2\n  resolution: "chalk@npm:4.1.2"\n  languageName: node\n'
                    '  linkType: hard\n\n'
                    '"shop@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "shop@workspace:."\n'
                    '  dependencies:\n    chalk: "npm:^4.1.2"\n  languageName: unknown\n  linkType: soft\n')


@pytest.mark.parametrize("lockfile, reported", [("yarn-v1", ["chalk"]), ("node-modules", ["chalk"]),
                                                ("pnp", ["chalk", "dotenv"]), ("parent's node-modules", ["chalk"])])
def test_dep002_a_yarn_production_install_places_what_a_production_dependency_needs(tmp_path, lockfile, reported):
    """yarn.lock records each entry's dependencies: @nestjs/config depends on dotenv, so a production
    install (`yarn install --production`; yarn 2+'s `workspaces focus --production` with the
    node-modules linker, whose descriptors read `npm:^4.0.0`) places dotenv though the service lists
    it in devDependencies, and loading it fails nowhere (a real service). When nothing of production
    leads to it, reported; under Plug'n'Play a package reaches only what it declares: reported. A
    workspace's own entry, which lists its devDependencies too, leads nowhere. Yarn reads the
    `.yarnrc.yml` of the folders above too, the closest winning: a nested project's file naming only
    `yarnPath` keeps the repository's `nodeLinker: node-modules` (a CMS's docs site)."""
    root = tmp_path / "svc"
    if lockfile == "parent's node-modules":
        (tmp_path / "package.json").write_text(json.dumps({"name": "repo", "private": True}))
        (tmp_path / ".yarnrc.yml").write_text("nodeLinker: node-modules\n")
    (root / "src").mkdir(parents=True)
    berry = lockfile != "yarn-v1"
    (root / "package.json").write_text(json.dumps({
        "name": "shop", "version": "0.0.0", "private": True, "main": "dist/main.js",
        **({"packageManager": "yarn@4.5.0"} if berry else {}),
        "dependencies": {"@nestjs/config": "^4.0.0"}, "devDependencies": {"dotenv": "^16.4.7", "chalk": "^4.1.2"}}))
    (root / "yarn.lock").write_text(_YARN_BERRY_LOCK if berry else _YARN_V1_LOCK)
    if berry:
        (root / ".yarnrc.yml").write_text("yarnPath: .yarn/releases/yarn-4.5.0.cjs\n" if "parent" in lockfile
                                          else f"nodeLinker: {lockfile}\n")
    (root / "src/main.ts").write_text("import { config } from 'dotenv';\nimport chalk from 'chalk';\n"
                                      "config();\nconsole.log(chalk.red(process.env.PORT));\n")
    found = by_code(helpers.lint(root, select=["DEP002"]), "DEP002")
    assert sorted(d.extra["package"] for d in found) == reported


def test_dep002_without_a_lockfile_a_required_peer_of_a_production_dependency_still_ships(tmp_path):
    """No lockfile to ask: npm 7+ installs the required peers of `dependencies` in a production
    install, so @nestjs/common listed in devDependencies of a Nest service still loads (a real
    service had 132 DEP002 errors for it). Not when no production dependency requires it, nor
    under pnpm, whose production install is not read this way."""
    def app(name: str, dependencies: dict, extra: dict | None = None) -> Path:
        root = tmp_path / name
        (root / "src").mkdir(parents=True)
        (root / "package.json").write_text(json.dumps({
            "name": name, "private": True, "main": "dist/main.js", "dependencies": dependencies,
            "devDependencies": {"@nestjs/common": "^10.3.10", "@nestjs/cli": "^10.4.2"}}))
        for path, text in (extra or {}).items():
            (root / path).write_text(text)
        (root / "src/main.ts").write_text("import { Module } from '@nestjs/common';\n\n@Module({})\nexport class AppModule {}\n")
        return root

    def dep002(root: Path) -> list:
        return by_code(helpers.lint(root, select=["DEP002"]), "DEP002")

    assert dep002(app("npm", {"@nestjs/core": "^10.0.0", "reflect-metadata": "^0.2.2"})) == []
    assert len(dep002(app("alone", {"reflect-metadata": "^0.2.2"}))) == 1
    assert len(dep002(app("pnpm", {"@nestjs/core": "^10.0.0"}, {"pnpm-workspace.yaml": "packages: []\n"}))) == 1


def test_dep003_a_peer_the_package_also_depends_on_is_no_missing_peer(tmp_path):
    """vitest 4 lists vite both in dependencies and in peerDependencies: it installs its own vite,
    so yarn (which installs no peers) still loads it; a peer it does not depend on is reported."""
    (tmp_path / "package.json").write_text(json.dumps({
        "name": "api", "version": "1.0.0", "private": True, "packageManager": "yarn@4.5.0",
        "devDependencies": {"vitest": "^4.0.16"}}))
    entry = ('"vitest@npm:^4.0.16":\n  version: 4.1.10\n  resolution: "vitest@npm:4.1.10"\n'
             '  dependencies:\n    vite: "npm:^6.0.0 || ^7.0.0 || ^8.0.0"\n'
             '  peerDependencies:\n    vite: ^6.0.0 || ^7.0.0 || ^8.0.0{extra}\n  languageName: node\n'
             '  linkType: hard\n')
    (tmp_path / "vitest.config.ts").write_text("import { defineConfig } from 'vitest/config';\nexport default defineConfig({});\n")
    for extra, expected in (("", []), ("\n    jsdom: \"*\"", ["jsdom"])):
        (tmp_path / "yarn.lock").write_text("__metadata:\n  version: 8\n\n" + entry.format(extra=extra))
        found = by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003")
        assert [d.message.split('peer dependency "')[1].split('"')[0] for d in found] == expected, extra


@pytest.mark.parametrize("brings, spec, reported", [(True, False, []), (False, False, ["@bull-board/ui"]),
                                                  (True, True, []), (False, True, ["@bull-board/ui"])])
def test_dep003_a_peer_a_declared_dependency_brings_in_a_hoisting_install_is_installed(tmp_path, brings, spec, reported):
    """`@bull-board/api` takes `@bull-board/ui` as a peer, and `@bull-board/express`, which the service
    also declares, depends on it: npm (legacy-peer-deps) places it at the top of node_modules beside
    the api with every install (a real calendar back end: 2 DEP003). Brought by nothing declared, the
    peer is reported. For a file that does not ship, a devDependency brings it as well (vite bringing
    the rolldown a Storybook config's plugin takes: a real design system, 1 DEP003)."""
    express = {"version": "8.6.0", "dependencies": {"@bull-board/api": "8.6.0", **({"@bull-board/ui": "8.6.0"} if brings else {})}}
    lock = {"name": "server", "lockfileVersion": 3, "packages": {
        "": {"name": "server", "dependencies": {"@bull-board/api": "8.6.0", "@bull-board/express": "8.6.0"}},
        "node_modules/@bull-board/api": {"version": "8.6.0", "peerDependencies": {"@bull-board/ui": "8.6.0"}},
        "node_modules/@bull-board/express": express,
        "node_modules/@bull-board/ui": {"version": "8.6.0", "dependencies": {"@bull-board/api": "8.6.0"}}}}
    files = {".npmrc": "legacy-peer-deps=true\n", "package-lock.json": json.dumps(lock),
             "package.json": json.dumps({"name": "server", "private": True, "scripts": {"start:prod": "node dist/main"},
                                         "dependencies" if not spec else "devDependencies":
                                             {"@bull-board/api": "8.6.0", "@bull-board/express": "8.6.0"}}),
             "src/main.spec.ts" if spec else "src/main.ts": ("import { createBullBoard } from '@bull-board/api';\nimport { ExpressAdapter } from '@bull-board/express';\n"
                             "createBullBoard({ queues: [], serverAdapter: new ExpressAdapter() });\n")}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    found = by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003")
    assert [d.message.split('peer dependency "')[1].split('"')[0] for d in found] == reported


@pytest.mark.parametrize("specifier, reported", [("@acme/graph-ui/style.css", []), ("@acme/graph-ui", ["react"])])
def test_dep003_a_packages_stylesheet_loads_none_of_its_code(tmp_path, specifier, reported):
    """`import '@acme/graph-ui/style.css'` takes the package's stylesheet, which runs none of its code:
    the peers that code needs are not asked for (a real extension: 1 DEP003 advising an unused
    package). Its module, imported, needs them."""
    lock = {"name": "ext", "lockfileVersion": 3, "packages": {
        "": {"name": "ext", "dependencies": {"@acme/graph-ui": "1.0.0"}},
        "node_modules/@acme/graph-ui": {"version": "1.0.0", "peerDependencies": {"react": "^18.0.0"}}}}
    files = {".npmrc": "legacy-peer-deps=true\n", "package-lock.json": json.dumps(lock),
             "package.json": json.dumps({"name": "ext", "private": True, "scripts": {"start": "node dist/main.js"},
                                         "dependencies": {"@acme/graph-ui": "1.0.0"}}),
             "src/main.ts": f"import '{specifier}';\nexport const ready = true;\n"}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    found = by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003")
    assert [d.message.split('peer dependency "')[1].split('"')[0] for d in found] == reported


PNPM_PEER_LOCK = """lockfileVersion: '9.0'

settings:
  autoInstallPeers: false
  excludeLinksFromLockfile: false

importers:

  .: {}

  apps/svc:
    dependencies:
      '@acme/db':
        specifier: workspace:*
        version: link:../../packages/db
      graph-plugin:
        specifier: ^3.0.0
        version: 3.1.0

  packages/db:
    dependencies:
      orm-client:
        specifier: 4.10.1
        version: 4.10.1

packages:

  graph-plugin@3.1.0:
    resolution: {integrity: sha512-AAAA}
    peerDependencies:
      orm-client: '*'

  orm-client@4.10.1:
    resolution: {integrity: sha512-BBBB}

snapshots:

  graph-plugin@3.1.0: {}

  orm-client@4.10.1: {}
"""


@pytest.mark.parametrize("npmrc, severity", [
    ("", "warning"),  # pnpm's private hoisting: every package of the store finds what the install holds
    ("hoist=false\n", "error"),
    ("hoist=false\npublic-hoist-pattern[]=*orm*\n", "warning"),  # hoisted to the root
    ("hoist-pattern[]=eslint-*\n", "error"),  # hoisting only what the pattern names
])
def test_dep003_pnpm_hoisting_lets_a_dependency_load_a_peer_the_install_holds(tmp_path, npmrc, severity):
    """pnpm (auto-install-peers off) links no peer beside `graph-plugin`, but hoists every package
    of the install into node_modules/.pnpm/node_modules, where packages of its store (not the
    application's code) find them: the peer another workspace package declares loads today (a real
    pnpm 7 monorepo: two errors saying loading fails). With hoisting off, or a pattern that leaves
    the peer out, it fails; public hoisting to the root serves as well."""
    files = {
        "package.json": {"name": "acme", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
        "pnpm-lock.yaml": PNPM_PEER_LOCK,
        "packages/db/package.json": {"name": "@acme/db", "version": "0.0.1", "private": True, "main": "src/index.ts",
                                     "dependencies": {"orm-client": "4.10.1"}},
        "packages/db/src/index.ts": "import { Client } from 'orm-client';\nexport const db = new Client();\n",
        "apps/svc/package.json": {"name": "@acme/svc", "version": "0.0.1", "private": True, "main": "dist/index.js",
                                  "scripts": {"start": "node dist/index.js"},
                                  "dependencies": {"@acme/db": "workspace:*", "graph-plugin": "^3.0.0"}},
        "apps/svc/src/index.ts": "import { plugin } from 'graph-plugin';\nimport { db } from '@acme/db';\n"
                                 "export const schema = plugin(db);\n",
    }
    if npmrc:
        files[".npmrc"] = npmrc
    for rel, content in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(json.dumps(content) if isinstance(content, dict) else content)
    [d] = by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003")
    assert d.severity.value == severity and '"orm-client"' in d.message
    assert ("loads today only because another package brings" in d.message) == (severity == "warning")


def test_dep003_a_peer_hoisted_by_accident_is_a_latent_break(tmp_path):
    """yarn installs no peers, but when another package depends on the peer, the hoisted install
    holds it and nothing fails today: the finding says so and is a warning (a real test file
    importing @nestjs/mercurius without fastify). Without that package the peer is missing: error."""
    (tmp_path / "src").mkdir()
    (tmp_path / "package.json").write_text(json.dumps({
        "name": "api", "version": "1.0.0", "main": "dist/main.js",
        "dependencies": {"@nestjs/apollo": "^12.0.9", "@nestjs/common": "^10.4.0", "@nestjs/graphql": "^12.2.0",
                         "graphql": "^16.6.0"}}))
    lock = ('# yarn lockfile v1\n\n\n"@nestjs/apollo@^12.0.9":\n  version "12.0.9"\n'
            '  resolved "https://registry.npmjs.org/@nestjs/apollo/-/apollo-12.0.9.tgz"\n')
    transitive = ('\n"@apollo/server@^4.11.0":\n  version "4.11.0"\n'
                  '  resolved "https://registry.npmjs.org/@apollo/server/-/server-4.11.0.tgz"\n')
    (tmp_path / "src/plugin.ts").write_text("import { Plugin } from '@nestjs/apollo';\nexport const plugins = [Plugin];\n")
    def apollo_server() -> list:
        return [d for d in by_code(helpers.lint(tmp_path, select=["DEP003"]), "DEP003") if '"@apollo/server"' in d.message]

    (tmp_path / "yarn.lock").write_text(lock)
    (missing,) = apollo_server()
    assert missing.severity.value == "error" and "that need it fails with" in missing.message
    (tmp_path / "yarn.lock").write_text(lock + transitive)
    (latent,) = apollo_server()
    assert latent.severity.value == "warning"
    assert 'loads today only because another package brings "@apollo/server" into the hoisted install' in latent.message


def test_dep001_types_an_ambient_declaration_gives_need_no_package(tmp_path):
    """A router generator writes `declare module '@router/types' { ... }` into a script
    declaration file; code imports types from it (a real app had 20 DEP001 errors). No package is
    loaded or read. A value import of the same name still needs a package at runtime, and a
    declaration in a file that is a module only augments: both are reported."""
    (tmp_path / "src/typings").mkdir(parents=True)
    (tmp_path / "package.json").write_text(json.dumps({"name": "admin", "private": True}))
    (tmp_path / "src/typings/router.d.ts").write_text("declare module '@router/types' {\n  export type RouteKey = 'home';\n}\n")
    (tmp_path / "src/routes.ts").write_text("import type { RouteKey } from '@router/types';\nexport const home: RouteKey = 'home';\n")
    assert by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001") == []
    (tmp_path / "src/values.ts").write_text("import { routes } from '@router/types';\nexport const all = routes;\n")
    assert [d.path.rsplit("/", 1)[-1] for d in by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001")] == ["values.ts"]
    (tmp_path / "src/values.ts").unlink()
    (tmp_path / "src/typings/router.d.ts").write_text("export {};\ndeclare module '@router/types' {\n  export type RouteKey = 'home';\n}\n")
    assert len(by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001")) == 1


@pytest.mark.parametrize("types, reported", [(None, False), (["metro-config"], False), (["node"], True)])
def test_dep001_a_declaration_a_type_root_holds_is_in_the_program(tmp_path, types, reported):
    """`"typeRoots": ["../../ts-declarations", ...]` and `ts-declarations/metro-config/index.d.ts`
    declaring `declare module 'metro-config'`: tsc includes every package of a type root (or those
    `types` names), so a type-only import of it needs no package (a CLI that loads the user's own
    copy at run time: 5 DEP001). A `types` list that leaves it out leaves the module undeclared."""
    options = {"module": "commonjs", "rootDir": "src", "outDir": "build",
               "typeRoots": ["../../ts-declarations", "../../node_modules/@types"]}
    if types is not None:
        options["types"] = types
    write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]},
        "packages/tool/package.json": {"name": "acme-tool", "version": "1.0.0", "main": "build/index.js",
                                       "scripts": {"build": "tsc"}},
        "packages/tool/tsconfig.json": {"compilerOptions": options, "include": ["src/**/*"]},
        "packages/tool/src/index.ts": "import type { ConfigT } from 'metro-config';\n"
                                      "export const empty = (c: ConfigT) => c.transformer;\n",
        "ts-declarations/metro-config/index.d.ts": "declare module 'metro-config' {\n"
                                                   "  export interface ConfigT { transformer: unknown }\n}\n",
    })
    assert len(by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001")) == (1 if reported else 0)


def test_dep001_a_type_query_of_what_the_file_loads_is_one_finding(tmp_path):
    """`require('@serialport/parser-readline') as typeof import('@serialport/parser-readline')`: the type
    query names the module the `require` loads, so the `require`'s finding is the only one (a marine
    data server had two, with contradicting advice). A type query alone is still reported."""
    write(tmp_path, {
        "package.json": {"name": "api", "version": "1.0.0", "private": True, "main": "dist/main.js",
                         "scripts": {"start": "node dist/main.js"}},
        "src/main.ts": "export function open() {\n  const { ReadlineParser } = require('@serialport/parser-readline') as "
                       "typeof import('@serialport/parser-readline');\n  return new ReadlineParser();\n}\n",
        "src/types.ts": "export type Parser = typeof import('@serialport/parser-readline');\n",
        # beside a load in a `try` that carries on (not reported), the type query is the finding
        "src/optional.ts": "let parser: typeof import('@serialport/parser-readline') | undefined;\n"
                           "try {\n  parser = require('@serialport/parser-readline');\n} catch {\n  parser = undefined;\n}\n"
                           "export const p = parser;\n",
    })
    found = [d.path.rsplit("/", 1)[-1] for d in by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001")]
    assert found == ["main.ts", "optional.ts", "types.ts"], found


def test_dep001_an_import_inside_the_block_that_declares_it_is_that_block(tmp_path):
    """A workspace types package (`@types/rethinkdb`) declares `export module 'rethinkdb' { ... }`
    and, inside it, refers to itself with `typeof import('rethinkdb')`: the block is the module, so
    neither `rethinkdb` nor its types are needed (the advice was to declare the package in itself).
    The same import outside the block still needs them."""
    block = "export module 'rethinkdb' {\n  export function connect(host: string): Promise<unknown>;\n" \
            "  export type Query<T> = (r: typeof import('rethinkdb')) => T;\n}\n"
    write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["src/*", "definitions/*"]},
        "definitions/rethinkdb/package.json": {"name": "@types/rethinkdb", "version": "2.4.2"},
        "definitions/rethinkdb/index.d.ts": block,
        "src/db/package.json": {"name": "@x/db", "dependencies": {"rethinkdb": "^2.4.2"},
                                "devDependencies": {"@types/rethinkdb": "workspace:^"}},
        "src/db/index.ts": "import { connect } from 'rethinkdb';\nexport const c = connect('localhost');\n",
        "yarn.lock": '__metadata:\n  version: 6\n\n"rethinkdb@npm:^2.4.2":\n  version: 2.4.2\n'
                     '  resolution: "rethinkdb@npm:2.4.2"\n  languageName: node\n  linkType: hard\n',
    })
    assert by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001") == []
    (tmp_path / "definitions/rethinkdb/index.d.ts").write_text(block + "export type R = typeof import('rethinkdb');\n")
    assert [d.path.rsplit("/", 1)[-1] for d in by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001")] == ["index.d.ts"]


@pytest.mark.parametrize("locked, reported", [(False, False), (True, True)])
def test_dep001_a_loaded_name_an_ambient_declaration_gives_and_no_install_holds_is_virtual(tmp_path, locked, reported):
    """`declare module 'build-info'` beside a vite config whose inline plugin serves that id: a value
    import of a name the lockfile and every manifest know nothing of is the plugin's virtual module
    (a build tool's playground: an install command for a registry name someone else may own). A name
    the lockfile holds is a real package the manifest must declare."""
    lock = "lockfileVersion: '9.0'\nimporters:\n  .:\n    devDependencies:\n      vite:\n        specifier: ^6.0.0\n" \
           "        version: 6.0.0\npackages:\n  vite@6.0.0: {}\n" + ("  build-info@1.0.0: {}\n" if locked else "")
    write(tmp_path, {
        "package.json": {"name": "web", "private": True, "type": "module", "scripts": {"build": "vite build"},
                         "devDependencies": {"vite": "^6.0.0"}},
        "pnpm-lock.yaml": lock,
        "tsconfig.json": {"compilerOptions": {"moduleResolution": "bundler"}, "include": ["src"]},
        "src/virtual.d.ts": "declare module 'build-info' {\n  const builtAt: string;\n  export default builtAt;\n}\n",
        "src/main.ts": "import builtAt from 'build-info';\n\ndocument.title = builtAt;\n",
    })
    assert bool(by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001")) is reported


def test_dep004_says_when_the_hoisted_install_holds_the_package_today(tmp_path):
    """A yarn v1 workspace whose lockfile holds ioredis (a sibling service brings it): the api
    starts today, as the hoisted install has it, so DEP004 says that instead of "it fails with"
    (a real service had ioredis through bull); without a lockfile nothing says so."""
    files = {"services/api/src/app.module.ts": RUNTIME["services/api/src/app.module.ts"]}
    messages = {}
    for name in ("yarn-v1", "no-lockfile"):
        root = tree(name, tmp_path, files)
        messages[name] = {d.extra["package"]: d.message for d in by_code(lint(root), "DEP004")}
    assert 'it loads today only because another package brings "ioredis" into the hoisted install' \
        in messages["yarn-v1"]["ioredis"]
    assert "it fails with" in messages["no-lockfile"]["ioredis"]


def test_dep004_reads_the_terminus_version_for_the_http_indicator(tmp_path):
    """`HttpHealthIndicator` loads @nestjs/axios from @nestjs/terminus 8 on; terminus 7 used
    @nestjs/common's HttpService and loads nothing (a real starter on 7.2.0 was told to install
    @nestjs/axios)."""
    controller = ("import { Controller } from '@nestjs/common';\nimport { HealthCheckService, HttpHealthIndicator } "
                  "from '@nestjs/terminus';\n\n@Controller('health')\nexport class HealthController {\n"
                  "  constructor(private health: HealthCheckService, private http: HttpHealthIndicator) {}\n}\n")
    found = {}
    for terminus in ("7.2.0", "^10.2.3"):
        root = tmp_path / terminus.strip("^")
        root.mkdir()
        (root / "package.json").write_text(json.dumps({
            "name": "status", "version": "1.0.0", "private": True, "main": "dist/main.js",
            "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/terminus": terminus}}))
        (root / "src").mkdir()
        (root / "src/main.ts").write_text("import { HealthController } from './health.controller';\n"
                                          "export const controllers = [HealthController];\n")
        (root / "src/health.controller.ts").write_text(controller)
        found[terminus] = [d.extra["package"] for d in by_code(lint(root), "DEP004")]
    assert found == {"7.2.0": [], "^10.2.3": ["@nestjs/axios"]}


@pytest.mark.parametrize("nest, reported", [("^5.3.11", []), ("^6.0.0", ["@nestjs/platform-express", "@nestjs/platform-socket.io"])])
def test_dep004_nest_before_6_brings_express_and_socket_io_itself(tmp_path, nest, reported):
    """NestJS 5's core brings express and its websockets bring socket.io: the `@nestjs/platform-*`
    packages began with 6 (a real Nest 5 API was told to install both, whose current releases do not
    work with core 5)."""
    files = {"package.json": json.dumps({"name": "ideas-api", "version": "0.0.0", "scripts": {"start:prod": "node dist/main.js"},
                                         "dependencies": {"@nestjs/common": nest, "@nestjs/core": nest,
                                                          "@nestjs/websockets": nest, "rxjs": "^6.2.2"}}),
             "src/main.ts": ("import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\n"
                             "async function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n"
                             "  await app.listen(4000);\n}\nbootstrap();\n"),
             "src/app.module.ts": ("import { Module } from '@nestjs/common';\nimport { AppGateway } from './app.gateway';\n\n"
                                   "@Module({ providers: [AppGateway] })\nexport class AppModule {}\n"),
             "src/app.gateway.ts": ("import { WebSocketGateway } from '@nestjs/websockets';\n\n"
                                    "@WebSocketGateway(4001)\nexport class AppGateway {}\n")}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert sorted(d.extra["package"] for d in by_code(lint(tmp_path), "DEP004")) == reported


@pytest.mark.parametrize("tsconfig, command", [({}, "npm install --save-dev bundler"),
                                               ({"compilerOptions": {"verbatimModuleSyntax": True}}, "npm install bundler")])
def test_an_import_equals_used_only_as_a_type_is_erased(tmp_path, tsconfig, command):
    """`import bundler = require('bundler')` whose name appears only in `as bundler.loader.Context`:
    tsc drops it, so the package is never loaded and only its types are needed, a devDependency (a
    real build-tool monorepo: a DEP001 whose fix added the package to `dependencies` at another major
    than the types the code uses). The name in its own statement is no use of it. Under
    verbatimModuleSyntax the statement stays a require(), which loads the package."""
    (tmp_path / "src").mkdir()
    (tmp_path / "package.json").write_text(json.dumps({"name": "loader", "version": "1.0.0", "main": "dist/index.js"}))
    (tmp_path / "tsconfig.json").write_text(json.dumps(tsconfig))
    (tmp_path / "src/index.ts").write_text("import bundler = require('bundler');\n"
                                           "export const pitch = (ctx: unknown) => ctx as bundler.loader.Context;\n")
    [d] = by_code(helpers.lint(tmp_path, select=["DEP001"]), "DEP001")
    assert d.message.endswith(f"run `{command}`")


def test_a_folder_a_member_glob_matches_without_a_package_json_is_told_so(tmp_path):
    """`services/payroll/` under `"workspaces": ["services/*"]` with no package.json: its files belong
    to the root manifest, whose declaration the fix adds (a library the apps compile through
    tsconfig `paths` is served so on purpose), and the message says the folder is no workspace
    package, which for a service meant to be deployed alone is the oversight to fix (a real ERP: 56
    such messages). A file of the root's own tooling, or in a folder no glob names, says nothing of it."""
    root = write(tmp_path, {
        "package.json": {"name": "erp", "private": True, "workspaces": ["services/*"]},
        "services/billing/package.json": {"name": "billing", "version": "1.0.0", "private": True,
                                          "dependencies": {"@nestjs/common": "^10.0.0"}},
        "services/billing/src/billing.service.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Billing {}\n",
        "services/payroll/src/payroll.service.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Payroll {}\n",
        "services/payroll/src/main.ts": "import { Payroll } from './payroll.service';\n\nnew Payroll();\n",
        "scripts/seed.ts": "import { Injectable } from '@nestjs/common';\n\nexport const seed = Injectable;\n",
        "scripts/utils/log.ts": "import { Injectable } from '@nestjs/common';\n\nexport const log = Injectable;\n",
    })
    (root / "package.json").write_text(json.dumps({"name": "erp", "private": True, "workspaces": ["services/*", "utils"]}))
    found = {Path(d.path).name: d for d in by_code(lint(root), "DEP001")}
    payroll, seed = found["payroll.service.ts"], found["seed.ts"]
    assert "services/payroll matches the workspace glob `services/*` but has no package.json" in payroll.message
    assert payroll.message.endswith('give it a package.json that declares "@nestjs/common" instead')
    assert payroll.message.startswith('"@nestjs/common" is imported but not declared in package.json; add "@nestjs/common"')
    assert payroll.fix is not None
    assert "no package.json" not in seed.message and seed.fix is not None
    assert "no package.json" not in found["log.ts"].message  # the glob `utils` is the root's utils/, not scripts/utils/


@pytest.mark.parametrize("used_by", ["nothing", "an app's import", "a root script", "an Nx project"])
def test_a_member_glob_folder_whose_files_nothing_uses_is_a_leftover(tmp_path, used_by):
    """A folder under a member glob with no package.json whose files nothing imports and no root
    script names is what a removed or renamed package left behind (real monorepos: a generated
    schema still tracked at a renamed package's old path, a page after its app was deleted; a
    `next-env.d.ts` left alone there is not read at all, as Next writes it): the advice is to delete it or make it a package, and no fix declares its imports at
    the root. A library the apps import through tsconfig `paths`, a folder a root script runs, or an
    Nx project (its project.json: Nx runs its targets; a real repository was told to delete one) keeps
    the root's declaration and its fix; an Nx project, whose manifest the root is by design, gets no
    note about a package.json (12 notes on two Nx workspaces advised one against their layout)."""
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["pkgs/*", "apps/*"],
                         "scripts": {"seed": "tsx pkgs/old/src/seed.ts" if used_by == "a root script" else "tsc -b"}},
        "pkgs/schema/package.json": {"name": "schema", "version": "1.0.0", "main": "src/schema.gen.ts",
                                     "dependencies": {"zod": "4.0.0"}},
        "pkgs/schema/src/schema.gen.ts": "import { z } from 'zod';\nexport const user = z.object({});\n",
        "pkgs/old/src/seed.ts": "import { z } from 'zod';\nexport const user = z.object({});\n",
        "apps/gone/page.tsx": "import Link from 'next/link';\nexport default Link;\n",
        "apps/web/package.json": {"name": "web", "private": True, "dependencies": {"next": "15.0.0"}},
        "apps/web/next-env.d.ts": '/// <reference types="next" />\n',
    }
    if used_by == "an Nx project":
        files["pkgs/old/project.json"] = {"name": "old", "targets": {"seed": {"command": "tsx pkgs/old/src/seed.ts"}}}
    if used_by == "an app's import":
        files["apps/web/tsconfig.json"] = {"compilerOptions": {"paths": {"@old/*": ["../../pkgs/old/src/*"]}}}
        files["apps/web/page.ts"] = "import { user } from '@old/seed';\nexport default user;\n"
    found = {d.path.split("/")[-3 if "pkgs" in d.path else -2]: d for d in by_code(lint(write(tmp_path, files)), "DEP001")}
    zod, gone = found["old"], found["gone"]
    assert "apps/gone matches the workspace glob `apps/*` but has no package.json, no file imports any of its files" \
        in gone.message and gone.fix is None
    if used_by == "nothing":
        assert zod.message.endswith('delete the folder, or give it a package.json that declares "zod"')
        assert zod.fix is None
    elif used_by == "an Nx project":  # the root manifest is an Nx project's by design: no note of a package.json
        assert "no package.json" not in zod.message and zod.fix is not None
    else:
        assert zod.message.endswith('give it a package.json that declares "zod" instead') and zod.fix is not None


@pytest.mark.parametrize("lib_declares, hoisting, reported", [(True, True, False), (False, True, True),
                                                              (True, False, True)])
def test_dep004_a_transport_the_services_own_workspace_library_brings_is_installed(tmp_path, lib_declares, hoisting,
                                                                                  reported):
    """A gRPC service depends on the workspace's gRPC library, which declares `@grpc/grpc-js` and
    `@grpc/proto-loader` in dependencies and holds the protos: in a hoisting install (npm workspaces)
    they sit at the root beside `@nestjs/microservices`, in every install of the service (a real
    system: 8 DEP004 asking each service to copy the library's pins). Without that library's
    declaration, or in pnpm's isolated install, nothing puts them beside the requirer."""
    lib_deps = {"@grpc/grpc-js": "1.9.2", "@grpc/proto-loader": "0.7.9"} if lib_declares else {}
    files = {
        "package.json": {"name": "repro", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "packages/rpc/package.json": {"name": "@x/rpc", "version": "0.0.1", "private": True, "main": "dist/index.js",
                                      "dependencies": lib_deps, "peerDependencies": {"@nestjs/microservices": "10.2.0"}},
        "packages/rpc/src/index.ts": "export const SVC_PACKAGE = 'svc';\n",
        "apps/svc/package.json": {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"},
                                  "dependencies": {"@x/rpc": "0.0.1", "@nestjs/core": "10.2.0",
                                                   "@nestjs/microservices": "10.2.0"}},
        "apps/svc/src/main.ts": "import { NestFactory } from '@nestjs/core';\nimport { Transport } from "
                                "'@nestjs/microservices';\nimport { SVC_PACKAGE } from '@x/rpc';\n\n"
                                "NestFactory.createMicroservice(class {}, { transport: Transport.GRPC, options: "
                                "{ package: SVC_PACKAGE, protoPath: 'svc.proto' } });\n",
    }
    if not hoisting:
        files["pnpm-workspace.yaml"] = "packages:\n  - apps/*\n  - packages/*\n"
        files["package.json"] = {**files["package.json"], "packageManager": "pnpm@9.0.0"}
    root = write(tmp_path, files)
    found = sorted(d.extra["package"] for d in by_code(lint(root), "DEP004"))
    assert found == (["@grpc/grpc-js", "@grpc/proto-loader"] if reported else []), found


@pytest.mark.parametrize("imported", [False, True])
def test_dep001_skips_fixture_files_that_no_file_imports(tmp_path, imported):
    """A parser's fixtures (`src/**/fixtures/<case>/fixture.ts`) are read as text by its snapshot
    tests: `import a from 'mod'` names no package at all (a TypeScript-tooling monorepo: 98 DEP001
    with install commands for `mod`, `a`, `foo`), as the IMP rules already knew. A fixture that a
    test imports is loaded, and its undeclared import is reported."""
    test = "import { x } from './fixtures/default/fixture';\n\ntest('x', () => x);\n" if imported else \
        "import { readFileSync } from 'node:fs';\n\ntest('x', () => readFileSync('fixtures'));\n"
    root = write(tmp_path, {
        "package.json": {"name": "acme", "private": True, "workspaces": ["packages/*"]},
        "packages/ast-spec/package.json": {"name": "@acme/ast-spec", "version": "1.0.0", "main": "dist/index.js"},
        "packages/ast-spec/src/index.ts": "export type Node = { type: string };\n",
        "packages/ast-spec/src/import/fixtures/default/fixture.ts": "import a from 'mod';\nexport const x = a;\n",
        "packages/ast-spec/src/import/spec.test.ts": test,
    })
    assert [d.extra["package"] for d in by_code(lint(root), "DEP001")] == (["mod"] if imported else [])


def test_a_catch_all_path_without_base_url_reaches_a_gitignored_generated_folder(tmp_path):
    """`"paths": {"*": ["./*"]}` and no `baseUrl`: TypeScript resolves the pattern from the tsconfig's
    folder, so `bp_modules/typing` is the gitignored `./bp_modules/` a build step (`bp add`) writes,
    as it would be under `baseUrl: "."` (a bot platform: 27 DEP001 advising to install a package
    named `bp_modules`). A bare name that is no path there is still a package to declare."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["pkgs/*"]},
        ".gitignore": "node_modules\nbp_modules\n",
        "pkgs/hub/package.json": {"name": "@acme/hub", "private": True, "scripts": {"build": "gen-modules && tsc"},
                                  "dependencies": {"zod": "^3.22.0"}},
        "pkgs/hub/tsconfig.json": {"compilerOptions": {"paths": {"*": ["./*"]}}, "include": ["*.ts"]},
        "pkgs/hub/definition.ts": "import typing from 'bp_modules/typing-indicator';\nimport pad from 'left-pad';\n\n"
                                  "export default [typing, pad];\n",
    })
    assert [(d.code, d.extra.get("package")) for d in lint(root) if d.code.startswith(("DEP", "IMP"))] == \
        [("DEP001", "left-pad")]


def test_a_package_kept_in_a_node_modules_folder_below_the_package_is_found_there(tmp_path):
    """A test fixture package committed at `test/node/node_modules/fake-module/` (a `.gitignore`
    exception keeps it): Node's lookup from the test finds it before any install (an instrumentation
    library: 6 DEP001 saying it was installed nowhere). A name no such folder holds is reported."""
    root = write(tmp_path, {
        ".gitignore": "node_modules\n!test/node/node_modules/\n",
        "package.json": {"name": "@acme/instrumentation", "version": "1.0.0", "main": "build/index.js"},
        "src/index.ts": "export const hook = (name: string) => name;\n",
        "test/node/node_modules/fake-module/package.json": {"name": "fake-module", "main": "lib/index.js"},
        "test/node/node_modules/fake-module/lib/index.js": "module.exports = {};\n",
        "test/node/hook.test.ts": "const fake = require('fake-module');\nconst other = require('other-module');\n\n"
                                  "test('hook', () => [fake, other]);\n",
    })
    assert [d.extra["package"] for d in by_code(lint(root), "DEP001")] == ["other-module"]


@pytest.mark.parametrize("nested, reported", [
    ({"main": "./dist/index.js", "private": True, "peerDependencies": {"vue": "*"}}, False),
    ({"name": "@acme/vue-sub", "private": True, "peerDependencies": {"vue": "*"}}, True),
    ({"main": "./dist/index.js", "private": True, "dependencies": {"vue": "*"}}, True),
])
def test_a_nameless_nested_manifest_declaring_only_peers_is_a_leftover_label(tmp_path, nested, reported):
    """`packages/vue/src/package.json` left from an old subpath layout: no name, no scripts, only a
    peer. No package manager installs it, so the member's declarations serve the files below it (an
    AI SDK monorepo: 10 DEP001 saying "add swrv" while the member declares it). A named one, or one
    declaring dependencies, is a package of its own."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"]},
        "packages/vue/package.json": {"name": "@acme/vue", "version": "1.0.0", "main": "dist/index.js",
                                      "dependencies": {"swrv": "^1.2.0"}, "peerDependencies": {"vue": "^3.3.4"}},
        "packages/vue/src/package.json": nested,
        "packages/vue/src/index.ts": "import useSWRV from 'swrv';\n\nexport const useThing = (k: string) => useSWRV(k);\n",
    })
    assert bool(by_code(lint(root), "DEP001")) is reported


def test_dep003_is_reported_at_code_an_entry_reaches_before_a_presumed_helper(tmp_path):
    """`integration/utils/consumer.ts` (no entry reaches it, out of the tsc build) sorts before
    `src/main.ts`; both import `@nestjs/common`, whose peer `rxjs` the service does not declare: the
    finding sits at the entry, as the rule page promises (a real payments platform reported it at the
    integration helper)."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/admin-api", "private": True, "packageManager": "yarn@1.22.19",
                         "scripts": {"build": "nest build", "start:prod": "node dist/main"},
                         "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0"}},
        "yarn.lock": "",
        "tsconfig.json": {"compilerOptions": {"outDir": "./dist"}},
        "tsconfig.build.json": {"extends": "./tsconfig.json", "include": ["src"]},
        "src/main.ts": "import { Module } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\n\n"
                       "@Module({})\nclass AppModule {}\nvoid NestFactory.create(AppModule);\n",
        "integration/utils/consumer.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Consumer {}\n",
    })
    found = [(Path(d.path).relative_to(root).as_posix(), d.message.split('peer dependency "')[1].split('"')[0])
             for d in by_code(helpers.lint(root, select=["DEP003"]), "DEP003")]
    assert ("src/main.ts", "rxjs") in found and not any(p.startswith("integration/") for p, _ in found), found


def test_dep003_a_peer_a_v5_pnpm_snapshot_resolved_behind_a_hashed_suffix_is_installed(tmp_path):
    """pnpm 7's lockfile (v5.4) pins `babel-plugin-graphql-tag: 3.3.0_2prkvjst5azuugr3eptua4bsuq`, a hashed
    suffix naming no peer, but that snapshot lists its peers `@babel/core` and `graphql-tag` among its
    dependencies: pnpm links them with every install of the lockfile (a real account-book monorepo: 2
    DEP003 "loads only by accident"). A snapshot without them keeps the finding."""
    def peers(resolved: bool) -> list[str]:
        deps = "    dependencies:\n      '@babel/core': 7.18.10\n      graphql-tag: 2.12.6\n" if resolved else ""
        root = write(tmp_path / str(resolved), {
            "package.json": {"name": "root", "private": True},
            "pnpm-workspace.yaml": "packages:\n  - web\n",
            "web/package.json": {"name": "@acme/web", "private": True, "devDependencies": {"babel-plugin-graphql-tag": "^3.3.0"}},
            "web/vite.config.ts": "import graphqlTag from 'babel-plugin-graphql-tag';\nexport default { plugins: [graphqlTag] };\n",
            "pnpm-lock.yaml": ("lockfileVersion: 5.4\n\nimporters:\n\n  .:\n    specifiers: {}\n\n  web:\n    specifiers:\n"
                               "      babel-plugin-graphql-tag: ^3.3.0\n    devDependencies:\n"
                               "      babel-plugin-graphql-tag: 3.3.0_2prkvjst5azuugr3eptua4bsuq\n\npackages:\n\n"
                               "  /@babel/core/7.18.10:\n    dev: true\n\n  /graphql-tag/2.12.6:\n    dev: true\n\n"
                               "  /babel-plugin-graphql-tag/3.3.0_2prkvjst5azuugr3eptua4bsuq:\n    peerDependencies:\n"
                               "      '@babel/core': ^7.0.0\n      graphql-tag: ^2.10.1\n" + deps + "    dev: true\n"),
        })
        return sorted(d.message.split('peer dependency "')[1].split('"')[0]
                      for d in by_code(helpers.lint(root, select=["DEP003"]), "DEP003"))
    assert peers(True) == []
    assert peers(False) == ["@babel/core", "graphql-tag"]


def test_dep001_a_scripts_only_manifest_finds_what_a_project_further_out_declares(tmp_path):
    """`app/ui/package.json` holds scripts only (a renderer the root's scripts build), under `app/` with a
    lockfile of its own (an Electron app folder: native dependencies only): Node's lookup from the ui
    walks past `app/`'s install into the root's, which declares react (a real desktop client: 2,993
    DEP001 naming the root's lockfile "another project's install"). A manifest that declares packages
    of its own is a boundary: its undeclared import stays reported."""
    def found(ui: dict) -> list[str]:
        root = write(tmp_path / str(len(list(tmp_path.iterdir()))), {
            "package.json": {"name": "desk", "private": True, "scripts": {"build:ui": "yarn --cwd app/ui build"},
                             "dependencies": {"react": "^18.2.0"}},
            "yarn.lock": '# yarn lockfile v1\n\n\nreact@^18.2.0:\n  version "18.2.0"\n',
            "app/package.json": {"name": "desk-app", "private": True, "main": "./dist/main.js",
                                 "dependencies": {"sqlite3": "5.1.7"}},
            "app/yarn.lock": '# yarn lockfile v1\n\n\nsqlite3@5.1.7:\n  version "5.1.7"\n',
            "app/ui/package.json": ui,
            "app/ui/src/main.ts": "import { createElement } from 'react';\nexport const App = () => createElement('div');\n",
        })
        return [d.extra["package"] for d in by_code(helpers.lint(root, select=["DEP001"]), "DEP001")]
    assert found({"name": "desk-ui", "scripts": {"build": "tsc"}}) == []
    assert found({"name": "desk-ui", "scripts": {"build": "tsc"}, "dependencies": {"clsx": "^2.0.0"}}) == ["react"]


def test_a_mock_of_a_package_the_test_imports_is_not_a_second_finding(tmp_path):
    """`jest.mock('graphql-request', ...)` in a test that imports graphql-request: one missing
    declaration, reported at the import (a real bridge service had it twice in one spec). A test
    that only mocks the package keeps the finding at the mock: Jest resolves the module."""
    root = write(tmp_path, {
        "package.json": {"name": "bridge", "private": True, "devDependencies": {"jest": "^29.0.0"}},
        "src/client.spec.ts": "import { GraphQLClient } from 'graphql-request';\n\n"
                              "jest.mock('graphql-request', () => ({ GraphQLClient: jest.fn() }));\n"
                              "test('x', () => expect(new GraphQLClient('u')).toBeDefined());\n",
        "src/only.spec.ts": "jest.mock('graphql-tag', () => ({}));\ntest('y', () => undefined);\n",
    })
    found = [(d.path.rsplit("/", 1)[1], d.start, d.message.split('"')[1])
             for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert found == [("client.spec.ts", 30, "graphql-request"), ("only.spec.ts", 10, "graphql-tag")]


@pytest.mark.parametrize("member_declares", [False, True])
def test_a_member_that_declares_nothing_gets_the_package_in_the_root(tmp_path, member_declares):
    """An Nx repository keeps one version of every package in the root package.json, and its
    members' manifests declare nothing (`"dependencies": {}`): the fix declares the missing package
    where the workspace declares the others, the root (a real lending platform: 64 findings advising
    the member's manifest), but for `tslib`, which Nx and Angular generators write into each. A member
    that declares its own packages gets it in its own, and so does one that imports nothing the root
    declares (a root of tooling only)."""
    own = {"zod": "^3.23.0"} if member_declares else {"tslib": "^2.6.0"}  # tslib: what generators write into every library
    root = write(tmp_path, {
        "package.json": {"name": "src", "private": True, "workspaces": ["libs/*"], "dependencies": {"ethers": "^6.13.0"},
                         "devDependencies": {"jest": "^29.0.0", "tslib": "^2.6.0"}},
        "package-lock.json": {"name": "src", "lockfileVersion": 3, "packages": {
            "": {"name": "src"}, "node_modules/chai": {"version": "4.5.0", "dev": True, "peer": True},
            "node_modules/jest": {"version": "29.0.0", "dev": True}, "node_modules/tslib": {"version": "2.6.0"},
            "node_modules/ethers": {"version": "6.13.0"}}},
        "nx.json": {},
        "libs/contracts/package.json": {"name": "@src/contracts", "private": True, "dependencies": own},
        "libs/contracts/test/factory.test.ts": "import { expect } from 'chai';\ntest('x', () => expect(1).to.equal(1));\n",
        "libs/contracts/src/index.ts": "import { Wallet } from 'ethers';\nexport const wallet = Wallet.createRandom();\n",
    })
    [message] = [d.message for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    said = "its others come from the root package.json, where this one goes too"  # the manifest the fix edits
    assert (said in message) is not member_declares, message
    changed = fixed(root, select=("DEP001",))
    manifest = "libs/contracts/package.json" if member_declares else "package.json"
    assert list(changed) == [manifest]
    assert json.loads(changed[manifest])["devDependencies"]["chai"] == "^4.5.0"
    (root / "libs/contracts/src/index.ts").write_text("export const wallet = 1;\n")
    assert list(fixed(root, select=("DEP001",))) == ["libs/contracts/package.json"]


def test_of_several_majors_in_a_yarn_v1_lockfile_the_one_most_entries_want_is_offered(tmp_path):
    """yarn.lock holds res-lib 1.30.1, which two entries depend on, and 2.0.0, which one does: yarn
    1 hoists the first where the undeclared import finds it, and the code was written against it (a
    real platform was offered `^2.0.0`, whose API lacks what it calls). A tie keeps the highest."""
    def offered(name: str, wanting_one: str | None) -> str:
        root = write(tmp_path / name, {
            "package.json": {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"},
                             "dependencies": {"otel-a": "^1.0.0", "otel-b": "^1.0.0", "otel-c": "^1.0.0"}},
            "yarn.lock": "# yarn lockfile v1\n\n\n"
                         'otel-a@^1.0.0:\n  version "1.0.0"\n  dependencies:\n    res-lib "^1.30.1"\n\n'
                         'otel-b@^1.0.0:\n  version "1.0.0"\n  dependencies:\n    res-lib "2.0.0"\n\n'
                         'otel-c@^1.0.0:\n  version "1.0.0"\n'
                         + (f'  dependencies:\n    res-lib "{wanting_one}"\n' if wanting_one else "") + "\n"
                         'res-lib@1.30.1, res-lib@^1.30.1:\n  version "1.30.1"\n\n'
                         'res-lib@2.0.0:\n  version "2.0.0"\n',
            "src/main.ts": "import { detectSync } from 'res-lib';\nexport const r = detectSync();\n",
        })
        (d,) = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        return d.message.split("; add ")[1]
    assert offered("popular", "1.30.1") == ('"res-lib": "^1.30.1" to dependencies (yarn.lock holds 1.30.1, which 2 of '
                                             "the 3 entries that depend on it want, and 2.0.0: check which major this "
                                             "package runs with)")
    assert offered("tie", None).startswith('"res-lib": "^2.0.0" to dependencies (yarn.lock holds 2.0.0, the highest')


@pytest.mark.parametrize("hook, reported", [
    ("./script/build-deps", []),
    ("bash script/build-deps.sh", []),
    ("echo done", ["acme-api-lib", "token-gate"]),
    ("./script/build-deps-elsewhere", ["acme-api-lib", "token-gate"])])
def test_packages_an_install_hook_links_in_are_provided(tmp_path, hook, reported):
    """A service's `postinstall` runs a script that builds sibling libraries kept outside any workspace
    (and a git submodule) and links each into the service with `yarn link NAME` (a real NFT store: 21
    DEP001 advising `yarn add acme-api-lib`, which would fetch whatever the registry holds under the
    name of the repository's private library). Every install, its image's too, runs the hook. A
    subshell that moves to build the library comes back; lines after a `cd` elsewhere link into
    another folder; with no link, the names are reported."""
    links = ("#!/usr/bin/env bash\nset -e\n(cd ../lib/api-lib && yarn install --frozen-lockfile && yarn build && yarn link)\n"
             "yarn link $YARN_LINK_ARGS acme-api-lib\n(cd ../lib/token-gate && yarn link)\nyarn link token-gate\n")
    root = write(tmp_path, {
        "lib/api-lib/package.json": {"name": "acme-api-lib", "version": "0.0.1", "private": True, "main": "dist/index.js"},
        "lib/api-lib/src/index.ts": "export const greet = (n: string) => `hi ${n}`;\n",
        "api/package.json": {"name": "api", "version": "0.0.1", "private": True,
                             "scripts": {"build": "tsc", "postinstall": hook, "start:prod": "node dist/main.js"},
                             "dependencies": {"dotenv": "^16.0.0"}},
        "api/script/build-deps": links,
        "api/script/build-deps.sh": links,
        "api/script/build-deps-elsewhere": "#!/bin/sh\ncd ../web\n" + links,
        "api/src/main.ts": "import 'dotenv/config';\nimport { greet } from 'acme-api-lib';\nimport { Gate } from 'token-gate';\n"
                           "console.log(greet('x'), Gate);\n",
    })
    assert sorted(p for _, _, p in dep(root, select=("DEP001",))) == reported


@pytest.mark.parametrize("link_script, reported", [
    ("import fs from 'fs';\nimport paths from '../configs/webpack.paths';\n\n"
     "if (!fs.existsSync(paths.srcNodeModulesPath)) {\n"
     "  fs.symlinkSync(paths.appNodeModulesPath, paths.srcNodeModulesPath, 'junction');\n}\n", []),
    ("console.log('nothing to link');\n", ["electron-screenshots"]),  # the hook links nothing
])
def test_a_nested_app_project_whose_install_hook_links_its_node_modules_in_provides_them(tmp_path, link_script, reported):
    """The electron-react-boilerplate layout: the app's runtime dependencies (native modules) are
    declared in `release/app/package.json`, whose `postinstall` runs `link-modules.ts`, symlinking
    that project's node_modules into the app's source folder; electron-builder packs `release/app`
    (a chat client's desktop app: DEP001 asking to declare them in the outer manifest, which the
    layout tells its users not to do). A hook that links nothing leaves the finding."""
    root = write(tmp_path, {
        "package.json": {"name": "chat-desktop", "private": True, "main": "./src/main/main.ts",
                         "scripts": {"build": "webpack --config ./.erb/configs/webpack.config.main.prod.ts",
                                     "package": "electron-builder build"},
                         "devDependencies": {"electron": "^28.0.0", "electron-builder": "^24.0.0", "webpack": "^5.75.0"}},
        "release/app/package.json": {"name": "chat-desktop", "version": "0.1.0", "main": "./dist/main/main.js",
                                     "scripts": {"postinstall": "npm run link-modules",
                                                 "link-modules": "node -r ts-node/register ../../.erb/scripts/link-modules.ts"},
                                     "dependencies": {"electron-screenshots": "^0.5.23"}},
        ".erb/scripts/link-modules.ts": link_script,
        ".erb/configs/webpack.paths.ts": "import path from 'path';\nconst appPath = path.join(__dirname, '../../release/app');\n"
                                         "export default { appNodeModulesPath: path.join(appPath, 'node_modules'),\n"
                                         "  srcNodeModulesPath: path.join(__dirname, '../../src/node_modules') };\n",
        "src/main/main.ts": "import { app } from 'electron';\nimport Screenshots from 'electron-screenshots';\n\n"
                            "app.whenReady().then(() => new Screenshots());\n",
    })
    assert sorted(p for _, _, p in dep(root, select=("DEP001",))) == reported


@pytest.mark.parametrize("hoisting_install", [True, False])
def test_an_undeclared_package_a_dependency_brings_says_why_it_loads_today(tmp_path, hoisting_install):
    """`web3-utils`, undeclared, which the declared `web3` depends on: npm hoists it, so the import
    loads on the author's machine and in CI, which makes "not declared" read as a false alarm (three
    review rounds asked). The message says which dependency brings it and what breaks it; a pnpm
    install, which gives a package only what it declares, has no such today."""
    lock = {"name": "svc", "lockfileVersion": 3, "packages": {
        "": {"name": "svc", "dependencies": {"web3": "^4.3.0"}},
        "node_modules/web3": {"version": "4.3.0", "dependencies": {"web3-utils": "^4.3.2"}},
        "node_modules/web3-utils": {"version": "4.3.2"}}}
    root = write(tmp_path, {
        "package.json": {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"web3": "^4.3.0"}},
        **({"package-lock.json": lock} if hoisting_install else {
            "pnpm-lock.yaml": "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      web3:\n"
                              "        specifier: ^4.3.0\n        version: 4.3.0\npackages:\n  web3@4.3.0:\n"
                              "    resolution: {integrity: sha512-x}\n  web3-utils@4.3.2:\n    resolution: {integrity: sha512-y}\n"
                              "snapshots:\n  web3@4.3.0:\n    dependencies:\n      web3-utils: 4.3.2\n  web3-utils@4.3.2: {}\n"}),
        "src/main.ts": "import { isAddress } from 'web3-utils';\n\nexport const ok = isAddress('0x0');\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    said = ('it loads today only because "web3", which package.json declares, depends on it and the install hoists it: '
            'another version of "web3", or an install that does not hoist, breaks it')
    assert (said in d.message) is hoisting_install, d.message
    if hoisting_install:  # two versions locked: the lockfile's layout says whose copy is hoisted
        lock["packages"]["node_modules/other/node_modules/web3-utils"] = {"version": "1.10.0"}
        write(root, {"package-lock.json": lock})
        [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        assert '"web3", which package.json declares, depends on it and the install hoists the copy it uses' in d.message
        lock["packages"]["node_modules/web3/node_modules/web3-utils"] = lock["packages"].pop("node_modules/other/node_modules/web3-utils")
        write(root, {"package-lock.json": lock})  # web3 keeps its own: the hoisted one is another package's
        [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
        assert '"web3", which' not in d.message and "the lockfile holds several" in d.message, d.message


def test_jest_globals_undeclared_breaks_only_the_type_lookup(tmp_path):
    """`@jest/globals`, undeclared, in tests Jest runs: Jest's runtime hands the module to the test
    itself and never loads it from the install (checked with pnpm's isolated install), so what the
    hoisted copy serves is tsc's lookup of its types, as for an import used only for types (a
    monitoring platform: 1,435 findings saying it "loads today")."""
    lock = {"name": "svc", "lockfileVersion": 3, "packages": {
        "": {"name": "svc", "devDependencies": {"jest": "^29.7.0"}},
        "node_modules/jest": {"version": "29.7.0", "dependencies": {"@jest/core": "^29.7.0"}},
        "node_modules/@jest/core": {"version": "29.7.0", "dependencies": {"@jest/globals": "^29.7.0"}},
        "node_modules/@jest/globals": {"version": "29.7.0"}}}
    root = write(tmp_path, {
        "package.json": {"name": "svc", "private": True, "scripts": {"test": "jest"}, "devDependencies": {"jest": "^29.7.0"}},
        "package-lock.json": lock,
        "src/sum.test.ts": "import { expect, test } from '@jest/globals';\n\ntest('sum', () => expect(1 + 1).toBe(2));\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "tsc finds it today only because" in d.message and "loads today" not in d.message, d.message


@pytest.mark.parametrize("own_lockfile", [True, False])
def test_a_private_package_of_the_repository_is_never_advised_from_the_registry(tmp_path, own_lockfile):
    """`winston-logger`, the repository's private workspace package, imported by a service with a
    lockfile of its own that no workspace glob lists (a real project links it in development and
    moves it in its image: 4 DEP001 advising `npm install winston-logger`, an unrelated registry
    package). The advice declares it by path; in the workspace's tree without a lockfile, making the
    folder a member, without claiming that no install finds it (the root's install links it)."""
    files = {
        "package.json": {"private": True, "workspaces": ["packages/*"]},
        "packages/logger/package.json": {"name": "winston-logger", "private": True, "exports": {".": "./dist/index.js"}},
        "packages/logger/src/index.ts": "export const log = (msg: string): void => console.log(msg);\n",
        "backend/api/package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"},
                                     "devDependencies": {"typescript": "5.9.3"}},
        "backend/api/src/main.ts": "import { log } from 'winston-logger';\n\nlog('started');\n",
    }
    if own_lockfile:
        files["backend/api/package-lock.json"] = {"name": "api", "lockfileVersion": 3, "packages": {
            "": {"name": "api", "devDependencies": {"typescript": "5.9.3"}},
            "node_modules/typescript": {"version": "5.9.3", "dev": True}}}
    [d] = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "npm install" not in d.message and d.fix is None, d.message
    if own_lockfile:
        assert 'declare it by path, "winston-logger": "file:../../packages/logger"' in d.message
    else:
        assert "make the folder a workspace member" in d.message and "no install can give" not in d.message


def test_a_path_alias_only_a_sibling_tsconfig_maps_is_no_package_to_install(tmp_path):
    """`@shared/constants` in a gateway whose tsconfig maps only `@modules/*`, while a sibling service's
    tsconfig maps `@shared/*` to a shared package (a real pet-adoption backend: 32 DEP001 advising
    `pnpm add @shared/constants`, which fetches whatever the registry holds under that name). The
    message names the alias and where it is mapped, and offers no install."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
        "packages/shared-backend/package.json": {"name": "@p/shared-backend", "private": True},
        "packages/shared-backend/constants/index.ts": "export const HEADER = 'x-id';\n",
        "apps/doc/package.json": {"name": "@p/doc", "private": True, "scripts": {"start": "node dist/main.js"}},
        "apps/doc/tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {"@shared/*": ["../../packages/shared-backend/*"]}}},
        "apps/doc/src/main.ts": "import { HEADER } from '@shared/constants';\nexport const h = HEADER;\n",
        "apps/gw/package.json": {"name": "@p/gw", "private": True, "scripts": {"start": "node dist/main.js"}},
        "apps/gw/tsconfig.json": {"compilerOptions": {"baseUrl": ".", "paths": {"@modules/*": ["src/modules/*"]}}},
        "apps/gw/src/main.ts": "import { HEADER } from '@shared/constants';\nexport const h = HEADER;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert d.path.endswith("apps/gw/src/main.ts") and d.fix is None
    assert "`@shared/*` is a path alias of apps/doc/tsconfig.json that this file's tsconfig does not map" in d.message
    assert "pnpm" not in d.message and "add @shared" not in d.message


@pytest.mark.parametrize("nest, advised", [("8.0.6", None), ("7.6.18", '"rxjs": "^6.6.7"')])
def test_dep003_never_advises_a_version_outside_the_nest_core_peer_range(tmp_path, nest, advised):
    """A yarn 1 lockfile records no peers, and its only rxjs (6.6.7) comes from the Nest CLI's tree:
    @nestjs/common 8 wants `^7.1.0`, so copying 6.6.7 would pin a major it refuses (a real Discord bot's
    DEP003 advised it). The known ranges of the Nest core packages by major decide: no safe version,
    the install command instead; for Nest 7 (`^6.0.0`), 6.6.7 fits."""
    lock = ('# yarn lockfile v1\n\n\n"@angular-devkit/core@12.1.4":\n  version "12.1.4"\n  dependencies:\n    rxjs "6.6.7"\n\n'
            '"@nestjs/cli@^8.1.1":\n  version "8.1.1"\n  dependencies:\n    "@angular-devkit/core" "12.1.4"\n\n'
            f'"@nestjs/common@^{nest}":\n  version "{nest}"\n\n"@nestjs/core@^{nest}":\n  version "{nest}"\n\n'
            'reflect-metadata@^0.1.13:\n  version "0.1.13"\n\nrxjs@6.6.7:\n  version "6.6.7"\n')
    root = write(tmp_path, {
        "package.json": {"name": "bot", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"@nestjs/common": f"^{nest}", "@nestjs/core": f"^{nest}", "reflect-metadata": "^0.1.13"},
                         "devDependencies": {"@nestjs/cli": "^8.1.1"}},
        "yarn.lock": lock,
        "src/main.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Bot {}\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP003"]), use_cache=False).diagnostics
    assert d.extra["package"] == "rxjs" or "rxjs" in d.message
    if advised is None:
        assert "^6.6.7" not in d.message and d.fix is None and 'wants "^7.1.0"' in d.message, d.message
    else:
        assert advised in d.message, d.message


def test_an_undeclared_peer_npm_installs_for_a_dependency_says_why_it_loads_today(tmp_path):
    """`rxjs`, undeclared, which the declared `@nestjs/common` requires as a peer: npm 7+ installs it, so
    the import loads today (a real storefront's message read as if production were broken). The
    message names the dependency and what breaks it."""
    root = write(tmp_path, {
        "package.json": {"name": "svc", "private": True, "scripts": {"start": "node dist/main.js"},
                         "dependencies": {"@nestjs/common": "^10.0.0"}},
        "package-lock.json": {"name": "svc", "lockfileVersion": 3, "packages": {
            "": {"name": "svc", "dependencies": {"@nestjs/common": "^10.0.0"}},
            "node_modules/@nestjs/common": {"version": "10.4.0", "peerDependencies": {"rxjs": "^7.1.0"}},
            "node_modules/rxjs": {"version": "7.8.1", "peer": True}}},
        "src/main.ts": "import { of } from 'rxjs';\n\nexport const x = of(1);\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert ('it loads today only because "@nestjs/common", which package.json declares, requires it as a peer and '
            "npm 7+ installs peer dependencies") in d.message, d.message


def test_a_peer_npm_installs_for_a_dev_dependency_of_a_nested_project_says_why_a_test_loads_it(tmp_path):
    """A service with a lockfile of its own in a repository of several (no workspace), whose test
    imports `@acme/client-helpers`, which its declared devDependency `@acme/client-api` requires as a
    peer: npm 7+ installed it (`"peer": true` in the service's lockfile), so the message says so, as
    it does for a package's dependencies and the root's lockfile (a microservice collection: the
    message only said which version the lockfile resolves)."""
    root = write(tmp_path, {
        "package.json": {"name": "platform", "private": True},
        "services/users/package.json": {"name": "users", "version": "1.0.0", "scripts": {"test": "mocha"},
                                        "devDependencies": {"@acme/client-api": "^2.0.0", "mocha": "^10.0.0"}},
        "services/users/package-lock.json": {"name": "users", "lockfileVersion": 3, "packages": {
            "": {"name": "users", "devDependencies": {"@acme/client-api": "^2.0.0", "mocha": "^10.0.0"}},
            "node_modules/@acme/client-api": {"version": "2.1.0", "dev": True,
                                              "peerDependencies": {"@acme/client-helpers": ">=1.1.2"}},
            "node_modules/@acme/client-helpers": {"version": "1.9.0", "peer": True},
            "node_modules/mocha": {"version": "10.0.0", "dev": True}}},
        "services/users/__tests__/helpers.test.ts": "import { pick } from '@acme/client-helpers';\n\nexport const p = pick;\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert 'it loads today only because "@acme/client-api", which services/users/package.json declares, requires it as a ' \
           'peer and npm 7+ installs peer dependencies' in d.message, d.message


def test_dep004_a_transport_a_health_check_pings_loads_its_client_when_the_check_runs(tmp_path):
    """`this.microservice.pingCheck('redis', { transport: Transport.REDIS })` in a `@Get()` handler:
    Terminus connects when `/health` is asked, so the missing client fails the health check, not the
    start (a real service: "makes the service load redis at start-up")."""
    controller = ("import { Controller, Get } from '@nestjs/common';\nimport { Transport } from '@nestjs/microservices';\n"
                  "import { HealthCheck, HealthCheckService, MicroserviceHealthIndicator } from '@nestjs/terminus';\n\n"
                  "@Controller('health')\nexport class HealthController {\n"
                  "  constructor(private health: HealthCheckService, private microservice: MicroserviceHealthIndicator) {}\n\n"
                  "  @Get()\n  @HealthCheck()\n  check() {\n    return this.health.check([\n"
                  "      () => this.microservice.pingCheck('redis', { transport: Transport.REDIS, options: { host: 'r' } }),\n"
                  "    ]);\n  }\n}\n")
    main = GRPC_MAIN.replace("import {", "import './health.controller';\nimport {", 1)
    root = _nest_service(tmp_path, {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0", "@nestjs/terminus": "^10.0.0",
                                    "@nestjs/microservices": "^10.0.0", "@grpc/grpc-js": "^1.9.0",
                                    "@grpc/proto-loader": "^0.7.0"}, main)
    (root / "src/health.controller.ts").write_text(controller)
    [d] = by_code(lint(root), "DEP004")
    assert 'load "ioredis" when the health check runs' in d.message and "start-up" not in d.message, d.message


def test_dep003_a_peer_list_copied_along_a_chain_of_members_loads_nothing(tmp_path):
    """`@r2/shared` lists `left-pad` as a peer it never imports, and so does `@r2/common`, the member
    it depends on (a constraints-managed monorepo copied the list: 2 DEP003 warnings on a server that
    uses shared): nothing in the chain loads the peer, so the server lacks nothing. When common
    imports it, shared's users need it, through common."""
    from tests.dependencies.test_shipping import dep, write

    def repo(name: str, common_source: str) -> Path:
        member = {"version": "1.0.0", "exports": "./dist/index.js", "scripts": {"build": "tsc"},
                  "peerDependencies": {"left-pad": "^1.3.0"}}
        config = {"compilerOptions": {"outDir": "dist", "rootDir": "src", "declaration": True}, "include": ["src"]}
        return write(tmp_path / name, {
            "package.json": {"name": "r2", "private": True, "packageManager": "yarn@4.1.1", "workspaces": ["packages/*"]},
            ".yarnrc.yml": "nodeLinker: node-modules\n",
            "packages/common/package.json": {"name": "@r2/common", **member},
            "packages/common/tsconfig.json": config,
            "packages/common/src/index.ts": common_source,
            "packages/shared/package.json": {"name": "@r2/shared", **member, "dependencies": {"@r2/common": "workspace:^"}},
            "packages/shared/tsconfig.json": config,
            "packages/shared/src/index.ts": "import { PREFIX } from '@r2/common';\n\nexport const greet = (n: string) => `${PREFIX} ${n}`;\n",
            "packages/server/package.json": {"name": "@r2/server", "private": True,
                                             "scripts": {"build": "tsc", "start:prod": "node dist/main.js"},
                                             "dependencies": {"@r2/shared": "workspace:^"}},
            "packages/server/tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src"]},
            "packages/server/src/main.ts": "import { greet } from '@r2/shared';\n\nconsole.log(greet('world'));\n",
        })

    assert [f for f in dep(repo("copied", "export const PREFIX = 'hello';\n")) if f[0] == "DEP003"] == []
    used = dep(repo("used", "import leftPad from 'left-pad';\n\nexport const PREFIX = leftPad('hello', 8);\n"))
    assert any(f[0] == "DEP003" and f[1] == "packages/server/src/main.ts" for f in used), used


def test_a_finding_in_a_file_nothing_imports_names_deleting_it_as_the_other_remedy(tmp_path):
    """A legacy middleware under `src/` that no entry reaches and no file imports: tsc emits it, so it
    ships by presumption and its devDependency `jsonwebtoken` is a DEP002, but the likelier remedy is to
    delete it (a hospital service's 1 DEP002, a polyfill's DEP001): both messages say so. A file some
    other file imports, or that an entry reaches, gets no such note."""
    from tests.dependencies.test_shipping import write

    files = {
        "package.json": {"name": "svc", "version": "1.0.0", "main": "dist/main.js",
                         "scripts": {"build": "tsc", "start": "node dist/main.js"},
                         "dependencies": {"express": "^4.18.2"}, "devDependencies": {"jsonwebtoken": "^9.0.2"}},
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src"}, "include": ["src/**/*"]},
        "src/main.ts": "import express from 'express';\n\nexpress().listen(3000);\n",
        "src/middleware/auth.middleware.ts": "import jwt from 'jsonwebtoken';\nimport 'core-js/stable';\n\n"
                                             "export const verify = (t: string) => jwt.verify(t, 's');\n",
    }
    root = write(tmp_path / "alone", files)
    found = {d.code: d.message for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics}
    assert set(found) == {"DEP001", "DEP002"}
    assert all("deleting it is the other remedy" in m for m in found.values()), found
    imported = {**files, "src/routes.ts": "import { verify } from './middleware/auth.middleware';\n\nexport const check = verify;\n"}
    root = write(tmp_path / "imported", imported)
    messages = [d.message for d in pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
                if d.path.endswith("auth.middleware.ts")]
    assert len(messages) == 2 and not any("deleting it" in m for m in messages), messages
    # beside a neighbour that some file imports, the leftover keeps the note; in a folder none of whose
    # files any statement imports, a loader reads the folder whole (a Discord bot's `commands/`, loaded by
    # its framework: 4 notes told to delete live commands)
    beside = {**files, "src/main.ts": "import express from 'express';\nimport { ok } from './middleware/ok';\n\n"
              "express().listen(3000, () => ok);\n", "src/middleware/ok.ts": "export const ok = 1;\n"}
    messages = [d.message for d in pipeline.lint([str(write(tmp_path / "beside", beside))], Settings(select=["DEP"]),
                                                 use_cache=False).diagnostics]
    assert len(messages) == 2 and all("deleting it is the other remedy" in m for m in messages), messages
    folder = {**files, "src/middleware/cors.middleware.ts": "export const cors = () => undefined;\n"}
    messages = [d.message for d in pipeline.lint([str(write(tmp_path / "folder", folder))], Settings(select=["DEP"]),
                                                 use_cache=False).diagnostics]
    assert len(messages) == 2 and not any("deleting it" in m for m in messages), messages
    # a config at the package's top that names a folder holding it (trigger.config.ts `dirs`, whose deploy
    # loads every task there: 12 notes told to delete live tasks); the top source folder alone (`src`) is no such name
    named = {**beside, "trigger.config.ts": "export default { project: 'p', dirs: ['./src/middleware'] };\n"}
    messages = [d.message for d in pipeline.lint([str(write(tmp_path / "named", named))], Settings(select=["DEP"]),
                                                 use_cache=False).diagnostics if d.path.endswith("auth.middleware.ts")]
    assert len(messages) == 2 and not any("deleting it" in m for m in messages), messages
    # a Nest monorepo's nest-cli.json names each library's folder and source root (`libs/common/src`): not a
    # folder some loader reads, so a leftover there keeps the note
    rooted = {**files, "tsconfig.json": {"compilerOptions": {"outDir": "dist"}, "include": ["src/**/*", "libs/**/*"]},
              "nest-cli.json": json.dumps({"projects": {"common": {"root": "libs/common", "sourceRoot": "libs/common/src"}}}),
              "src/main.ts": "import express from 'express';\nimport { ok } from '../libs/common/src/helpers/ok';\n\n"
                             "express().listen(3000, () => ok);\n", "libs/common/src/helpers/ok.ts": "export const ok = 1;\n",
              "libs/common/src/helpers/auth.ts": files["src/middleware/auth.middleware.ts"]}
    del rooted["src/middleware/auth.middleware.ts"]
    messages = [d.message for d in pipeline.lint([str(write(tmp_path / "rooted", rooted))], Settings(select=["DEP"]),
                                                 use_cache=False).diagnostics if d.path.endswith("auth.ts")]
    assert messages and all("deleting it" in m for m in messages), messages
    # a package of Vue (or Svelte): its single-file components, which are not read, may import the file (an
    # MQTT client's utility three `.vue` components import was told it is likely dead code)
    vue = {**beside, "package.json": {**files["package.json"], "dependencies": {"express": "^4.18.2", "vue": "^3.4.0"}}}
    messages = [d.message for d in pipeline.lint([str(write(tmp_path / "vue", vue))], Settings(select=["DEP"]),
                                                 use_cache=False).diagnostics]
    assert len(messages) == 2 and not any("deleting it" in m for m in messages), messages
    # a `*` subpath of `exports` publishes it (`"./middleware/*": "./dist/middleware/*.js"`): its users import it by
    # that subpath (a mail module's template adapters were told they are likely dead code); another folder's does not
    for pattern, noted in (("./dist/middleware/*.js", False), ("./dist/adapters/*.js", True)):
        exported = {**beside, "package.json": {**files["package.json"], "exports": {".": "./dist/main.js", "./x/*": pattern}}}
        messages = [d.message for d in pipeline.lint([str(write(tmp_path / f"exported{noted}", exported))],
                                                     Settings(select=["DEP"]), use_cache=False).diagnostics]
        assert len(messages) == 2 and all(("deleting it" in m) == noted for m in messages), messages


@pytest.mark.parametrize("spelled", [True, False])
def test_a_transform_case_its_test_reads_by_name_needs_no_root_package(tmp_path, spelled):
    """DEP005: a codemod's `basic.input.ts` imports `react`, which only the root declares (in devDependencies);
    its folder's test reads it as text by name (`readFile(join(here, 'basic.input.ts'))`): nothing loads it,
    so no install of the codemod needs react (a CMS's codemod: 2 DEP005 asking for react in dependencies).
    A test that does not name it leaves the file presumed shipping, as before."""
    from tests.dependencies.test_shipping import dep, write

    name = "basic.input.ts" if spelled else "other.input.ts"
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "workspaces": ["packages/*"],
                         "devDependencies": {"react": "19.0.0", "vitest": "1.0.0"}},
        "packages/codemod/package.json": {"name": "my-codemod", "version": "1.0.0", "type": "module",
                                          "bin": {"my-codemod": "bin/cli.js"}, "files": ["bin", "dist"],
                                          "scripts": {"test": "vitest"}},
        "packages/codemod/tsconfig.json": {"compilerOptions": {"strict": True}},
        "packages/codemod/src/t/basic.input.ts": "import React from 'react';\n\nexport const viewport = React;\n",
        "packages/codemod/src/t/index.spec.ts": "import { readFile } from 'node:fs/promises';\nimport { join } from 'node:path';\n"
                                                "import { it } from 'vitest';\n\n"
                                                f"it('transforms', async () => {{ await readFile(join(import.meta.dirname, '{name}'), 'utf8'); }});\n",
    })
    assert dep(root, select=("DEP005",)) == ([] if spelled else [("DEP005", "packages/codemod/src/t/basic.input.ts", "react")])


@pytest.mark.parametrize("declared, reported", [({}, ["react-native"]), ({"react-native": "0.74.0"}, [])])
def test_dep003_a_peer_that_is_another_platform_of_react_native_is_the_apps_choice(tmp_path, declared, reported):
    """A clipboard library supports macOS and Windows, so its peers list `react-native-macos` and
    `react-native-windows` beside `react-native`, none optional: an iOS and Android app installs
    neither, and the bundler loads their code only when it builds for them (2 DEP003 on a real
    notes app asked it to install both). `react-native` itself stays required."""
    lock = ('__metadata:\n  version: 8\n  cacheKey: 10\n\n'
            '"@rnc/clipboard@npm:1.14.1":\n  version: 1.14.1\n  resolution: "@rnc/clipboard@npm:1.14.1"\n'
            '  peerDependencies:\n    react: ^18.0.0\n    react-native: ^0.74.0\n    react-native-macos: ^0.73.0\n'
            '    react-native-windows: ^0.73.0\n  languageName: node\n  linkType: hard\n\n'
            '"mobile@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "mobile@workspace:."\n'
            '  dependencies:\n    "@rnc/clipboard": "npm:1.14.1"\n  languageName: unknown\n  linkType: soft\n')
    root = write(tmp_path, {
        "package.json": {"name": "mobile", "version": "1.0.0", "private": True, "packageManager": "yarn@4.1.0",
                         "scripts": {"android": "react-native run-android", "ios": "react-native run-ios"},
                         "dependencies": {"@rnc/clipboard": "1.14.1", "react": "18.2.0", **declared}},
        "yarn.lock": lock,
        "app/src/copy.ts": "import Clipboard from '@rnc/clipboard';\nexport const copy = (s: string) => Clipboard.setString(s);\n",
    })
    found = [d for d in helpers.lint(root, ["DEP003"])]
    assert [d.message.split('peer dependency "')[1].split('"')[0] for d in found] == reported


@pytest.mark.parametrize("lockfile, today", [
    ("package-lock.json", True),  # npm links every member into the root node_modules
    ("pnpm-lock.yaml", False),  # pnpm links a member only into the packages that declare it
])
def test_an_undeclared_workspace_member_says_it_resolves_through_the_workspace_link(tmp_path, lockfile, today):
    """An app importing a workspace member it does not declare, in an npm workspace: the install
    links every member at the root, so the import resolves today, and an install of the app's
    folder alone (its image) or a pnpm install breaks it. Without saying so the finding reads as a
    broken import (a desktop app: 188 findings called noise)."""
    lock = ({"name": "mono", "lockfileVersion": 3, "packages": {
        "": {"name": "mono", "workspaces": ["apps/client", "packages/models"]},
        "apps/client": {"name": "@acme/client", "version": "1.0.0"}, "packages/models": {"name": "@acme/models", "version": "1.0.0"},
        "node_modules/@acme/client": {"resolved": "apps/client", "link": True},
        "node_modules/@acme/models": {"resolved": "packages/models", "link": True}}}
            if lockfile == "package-lock.json" else
            "lockfileVersion: '9.0'\nimporters:\n  .: {}\n  apps/client: {}\n  packages/models: {}\n")
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "workspaces": ["apps/client", "packages/models"]},
        lockfile: lock,
        **({"pnpm-workspace.yaml": "packages:\n  - apps/client\n  - packages/models\n"} if lockfile == "pnpm-lock.yaml" else {}),
        "apps/client/package.json": {"name": "@acme/client", "version": "1.0.0", "private": True, "scripts": {"build": "vite build"}},
        "apps/client/main.ts": "import { loadModels } from '@acme/models';\n\nloadModels();\n",
        "packages/models/package.json": {"name": "@acme/models", "version": "1.0.0", "private": True, "main": "index.ts"},
        "packages/models/index.ts": "export function loadModels() { return []; }\n",
    })
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    said = "it resolves today only because the workspace install links every member into the root node_modules"
    assert (said in d.message) is today, d.message


def test_the_types_package_of_a_module_the_runtime_provides_is_found_by_tsc_not_loaded(tmp_path):
    """`import * as vscode from 'vscode'` in a VS Code extension's shipping code: the editor provides `vscode`,
    so the finding is its types package, `@types/vscode`, which only tsc reads, in the build's full install. The
    message says tsc finds it through the sibling that declares it, not that it "loads today" in a full install
    while "no package a production install keeps" brings it (an SQL extension: 24 messages)."""
    root = write(tmp_path, {
        "package.json": {"name": "tools", "private": True, "workspaces": ["packages/*"]},
        "packages/driver/package.json": {"name": "@t/driver", "version": "1.0.0", "private": True,
                                         "devDependencies": {"@types/vscode": "^1.72.0"}},
        "packages/driver/src/index.ts": "import * as vscode from 'vscode';\nexport const w = vscode.window;\n",
        "packages/plugins/package.json": {"name": "@t/plugins", "version": "1.0.0", "private": True,
                                          "main": "src/index.ts", "engines": {"vscode": "^1.72.0"}},
        "packages/plugins/src/index.ts": "import * as vscode from 'vscode';\n\nexport const show = () => "
                                         "vscode.window.showInformationMessage('hi');\n",
        "yarn.lock": "# yarn lockfile v1\n\n\n\"@types/vscode@^1.72.0\":\n  version \"1.72.0\"\n",
    })
    found = [d for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
             if d.extra.get("package") == "@types/vscode"]
    assert found and all("tsc finds it today only because" in d.message and "loads today" not in d.message
                         and "production install" not in d.message for d in found), [d.message for d in found]
