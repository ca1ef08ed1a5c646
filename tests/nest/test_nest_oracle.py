"""Real NestJS and TypeORM as the oracle for NEST001, NEST002, NEST003 and MIG007.

Each case is a small app: its TypeScript is transpiled (TypeScript's own transpiler, decorator
metadata on), then
- NEST001: `Test.createTestingModule({ imports: [TypeOrmModule.forRoot({ type: 'sqljs', entities,
  synchronize: true }), TheModule] }).compile()` must fail with "Nest can't resolve dependencies"
  exactly when the rule reports, with the rule's message starting with Nest's own first sentence;
- NEST002: the page's AppModule (its connection switched to sql.js) is compiled and initialised and
  each repository queried once: it must fail with TypeORM's EntityMetadataNotFoundError exactly
  when the rule reports, and the rule's message must start with TypeORM's;
- NEST003: the same compile (the app module when the case has one, for `@Global()` modules) must
  fail with "Nest can't resolve dependencies" exactly when the rule reports, message as above;
- MIG007: the app's DataSource, switched to sql.js, is initialised; a migration class the rule
  reports must be missing from the migrations it loads (the ones `migration:run` runs), every other
  migration class must be there.
Needs node and npm: the packages are installed once into ~/.cache/migrationlint-tests/nest-oracle
(`MIGRATIONLINT_TEST_CACHE` moves it) and reused; skipped, never failed, when npm or the registry
is unreachable and nothing is cached.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from migrationlint.reporters.rule_pages import examples, page_path
from tests.npm_cache import install
from tests.helpers import lint
from tests.nest.test_nest import ENTITY, SERVICE

pytestmark = pytest.mark.integration

# the library modules of NEST003's table (migrationlint/model/nest_library.py) are in the same install
PACKAGES = ("@nestjs/core@11", "@nestjs/common@11", "@nestjs/testing@11", "@nestjs/typeorm@11", "typeorm@0.3",
            "sql.js@1", "reflect-metadata@0.2", "rxjs@7", "typescript@5",
            "@nestjs/axios@4", "axios@1", "@nestjs/jwt@11", "@nestjs/cqrs@11", "@nestjs/terminus@11",
            "@nestjs/config@4", "@nestjs/schedule@6", "@nestjs/event-emitter@3", "@nestjs/passport@11", "passport@0.7")
MANIFEST = {"name": "app", "private": True, "dependencies": {
    "@nestjs/common": "^11.0.0", "@nestjs/core": "^11.0.0", "@nestjs/typeorm": "^11.0.0", "typeorm": "^0.3.20",
    "reflect-metadata": "^0.2.0", "rxjs": "^7.8.0", "sql.js": "^1.10.0"}}

BUILD = r"""
const ts = require('typescript');
const fs = require('fs');
const path = require('path');
const [src, out] = process.argv.slice(2);
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
for (const file of walk(src).filter((f) => f.endsWith('.ts'))) {
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: {
    module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021,
    experimentalDecorators: true, emitDecoratorMetadata: true } }).outputText;
  const target = path.join(out, path.relative(src, file)).replace(/\.ts$/, '.js');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, js);
}
"""

BOOT = r"""
require('reflect-metadata');
const { Test } = require('@nestjs/testing');
const { TypeOrmModule } = require('@nestjs/typeorm');
const [moduleFile, moduleName, entityFiles] = [process.argv[2], process.argv[3], JSON.parse(process.argv[4])];
const entities = entityFiles.flatMap((f) => Object.values(require(f)).filter((v) => typeof v === 'function'));
const mod = require(moduleFile)[moduleName];
Test.createTestingModule({
  imports: [TypeOrmModule.forRoot({ type: 'sqljs', entities, synchronize: true }), mod],
}).setLogger({ log() {}, error() {}, warn() {}, debug() {}, verbose() {}, fatal() {} })
  .compile()
  .then(() => { console.log(JSON.stringify({ ok: true })); process.exit(0); })
  .catch((e) => { console.log(JSON.stringify({ ok: false, message: String(e.message) })); process.exit(0); });
"""

MIGRATE = r"""
require('reflect-metadata');
const { DataSource } = require('typeorm');
const exported = require(process.argv[2]);
const source = exported.default || Object.values(exported).find((v) => v instanceof DataSource);
const ds = source;
ds.initialize()
  .then(() => { console.log(JSON.stringify(ds.migrations.map((m) => m.name || m.constructor.name))); process.exit(0); })
  .catch((e) => { console.error(e); process.exit(1); });
"""


def _install() -> Path | None:
    """node_modules with PACKAGES, installed once and reused offline (tests/npm_cache.py)."""
    return install("nest-oracle/v3", list(PACKAGES), "@nestjs/passport/package.json")


@pytest.fixture(scope="module")
def node_modules() -> Path:
    found = _install()
    if found is None:
        pytest.skip("npm or the npm registry is unreachable and no Nest oracle is cached")
    return found


def _write(root: Path, files: dict[str, str]) -> None:
    (root / "package.json").write_text(json.dumps(MANIFEST))
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def _build(install: Path, root: Path) -> Path:
    out = root / "out"
    (install / "build.js").write_text(BUILD)
    subprocess.run(["node", str(install / "build.js"), str(root / "src"), str(out)], check=True,
                   capture_output=True, timeout=120, env={**os.environ, "NODE_PATH": str(install / "node_modules")})
    return out


def _node(install: Path, script: str, name: str, *args: str) -> subprocess.CompletedProcess:
    (install / name).write_text(script)
    return subprocess.run(["node", str(install / name), *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NODE_PATH": str(install / "node_modules")})


def _js(out: Path, rel: str) -> str:
    """The transpiled file of the source `rel` (under src/)."""
    return str(out / Path(rel).relative_to("src").with_suffix(".js"))


# ----------------------------------------------------------------------------- NEST001 cases

def _page_cases(code: str) -> list[tuple[str, dict[str, str], str]]:
    """(role, files, module file) of the page's bad and good examples."""
    out = []
    page = page_path(code)
    assert page is not None
    for ex in examples(page.read_text(encoding="utf-8")):
        if ex.block.role not in ("bad", "good"):
            continue
        files = {b.options["path"]: b.code for b in ex.context}
        files[ex.block.options["path"]] = ex.block.code
        out.append((ex.block.role, files, ex.block.options["path"]))
    return out




def _module(imports: str, extra: str = "", providers: str = "OrdersService") -> str:
    return f"""import {{ Module, forwardRef }} from '@nestjs/common';
import {{ TypeOrmModule }} from '@nestjs/typeorm';
import {{ Order }} from './order.entity';
import {{ OrdersService }} from './orders.service';
{extra}
@Module({{
  imports: [{imports}],
  providers: [{providers}],
}})
export class OrdersModule {{}}
"""


SHARED = """import {{ Global, Module }} from '@nestjs/common';
import {{ TypeOrmModule }} from '@nestjs/typeorm';
import {{ Order }} from './order.entity';

{decorator}@Module({{
  imports: [TypeOrmModule.forFeature([Order])],
  exports: [{exports}],
}})
export class SharedModule {{}}
"""


def _extra_cases() -> list[tuple[str, dict[str, str], str]]:
    shared_import = "import { SharedModule } from './shared.module';\n"

    def case(module: str, conn: str = "", shared: str | None = None) -> dict[str, str]:
        files = {"src/order.entity.ts": ENTITY.format(name="Order"), "src/orders.service.ts": SERVICE.format(conn=conn),
                 "src/orders.module.ts": module}
        if shared is not None:
            files["src/shared.module.ts"] = shared
        return files

    def shared(decorator: str, exports: str) -> str:
        return SHARED.format(decorator=decorator, exports=exports)

    m = "src/orders.module.ts"
    return [
        ("bad", case(_module("")), m),
        ("good", case(_module("TypeOrmModule.forFeature([Order])")), m),
        ("bad", case(_module("TypeOrmModule.forFeature([Order])"), conn=", 'reports'"), m),
        ("bad", case(_module("SharedModule", shared_import), shared=shared("", "")), m),
        ("good", case(_module("SharedModule", shared_import), shared=shared("", "TypeOrmModule")), m),
        ("good", case(_module("forwardRef(() => SharedModule)", shared_import), shared=shared("", "TypeOrmModule")), m),
        ("bad", case(_module("", "", "{ provide: 'svc', useClass: OrdersService }")), m),
    ]


def _nest_cases():
    return [("page", *c) for c in _page_cases("NEST001")] + [("extra", *c) for c in _extra_cases()]


@pytest.mark.parametrize("origin,role,files,module_file", _nest_cases())
def test_nest001_matches_nest(node_modules, tmp_path, origin, role, files, module_file):
    _write(tmp_path, files)
    reported = [d for d in lint(tmp_path, ["NEST001"]) if d.path.endswith(module_file)]
    assert bool(reported) == (role == "bad"), [d.message for d in reported]
    out = _build(node_modules, tmp_path)
    module_name = re.search(r"export class (\w+)", files[module_file]).group(1)
    entities = [_js(out, k) for k, v in files.items() if "@Entity(" in v]
    module_js = _js(out, module_file)
    r = _node(node_modules, BOOT, "boot.js", module_js, module_name, json.dumps(entities))
    assert r.returncode == 0, r.stderr
    verdict = json.loads(r.stdout.strip().splitlines()[-1])
    assert verdict["ok"] == (not reported), verdict
    if reported:
        first = verdict["message"].split("\n", 1)[0]
        assert "can't resolve dependencies" in first
        assert reported[0].message.startswith(first.rstrip(".")), (reported[0].message, first)


# ----------------------------------------------------------------------------- NEST002 cases

BOOT_APP = r"""
require('reflect-metadata');
const { Test } = require('@nestjs/testing');
const { getRepositoryToken } = require('@nestjs/typeorm');
const [moduleFile, moduleName, entityFiles] = [process.argv[2], process.argv[3], JSON.parse(process.argv[4])];
const entities = entityFiles.flatMap((f) => Object.values(require(f)).filter((v) => typeof v === 'function'));
const mod = require(moduleFile)[moduleName];
(async () => {
  try {
    const ref = await Test.createTestingModule({ imports: [mod] })
      .setLogger({ log() {}, error() {}, warn() {}, debug() {}, verbose() {}, fatal() {} }).compile();
    await ref.init();
    for (const e of entities) {  // the first query through each registered repository
      let repo;
      try { repo = ref.get(getRepositoryToken(e), { strict: false }); } catch { continue; }
      await repo.find();
    }
    console.log(JSON.stringify({ ok: true }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, message: `${e.name}: ${e.message}` }));
  }
  process.exit(0);
})();
"""


@pytest.mark.parametrize("role,files,module_file", _page_cases("NEST002"))
def test_nest002_matches_typeorm(node_modules, tmp_path, role, files, module_file):
    _write(tmp_path, files)
    reported = lint(tmp_path, ["NEST002"])
    assert bool(reported) == (role == "bad"), [d.message for d in reported]
    app = tmp_path / "src" / "app.module.ts"  # the same connection on sql.js (no database needed)
    app.write_text(app.read_text().replace("type: 'postgres'", "type: 'sqljs', synchronize: true"))
    out = _build(node_modules, tmp_path)
    entities = [_js(out, k) for k, v in files.items() if "@Entity(" in v]
    r = _node(node_modules, BOOT_APP, "boot-app.js", _js(out, "src/app.module.ts"), "AppModule", json.dumps(entities))
    assert r.returncode == 0, r.stderr
    verdict = json.loads(r.stdout.strip().splitlines()[-1])
    assert verdict["ok"] == (not reported), verdict
    if reported:
        assert reported[0].message.startswith(verdict["message"]), (reported[0].message, verdict["message"])


# ----------------------------------------------------------------------------- MIG007 cases

def _mig_cases() -> list[dict[str, str]]:
    out = []
    page = page_path("MIG007")
    assert page is not None
    for ex in examples(page.read_text(encoding="utf-8")):
        if ex.block.role in ("bad", "good"):
            files = {b.options["path"]: b.code for b in ex.context}
            files[ex.block.options["path"]] = ex.block.code
            out.append(files)
    return out


@pytest.mark.parametrize("files", _mig_cases())
def test_mig007_matches_typeorm(node_modules, tmp_path, files):
    _write(tmp_path, files)
    reported = {d.path.rsplit("/", 1)[-1] for d in lint(tmp_path, ["MIG007"])}
    source = tmp_path / "src" / "data-source.ts"  # the same DataSource on sql.js (no database needed)
    source.write_text(source.read_text().replace("type: 'postgres'", "type: 'sqljs'"))
    out = _build(node_modules, tmp_path)
    r = _node(node_modules, MIGRATE, "migrate.js", str(out / "data-source.js"))
    assert r.returncode == 0, r.stderr
    ran = set(json.loads(r.stdout.strip().splitlines()[-1]))
    for rel, text in files.items():
        m = re.search(r"export class (\w+) implements MigrationInterface", text)
        if m is None:
            continue
        assert (m.group(1) in ran) == (rel.rsplit("/", 1)[-1] not in reported), (rel, ran, reported)


# ----------------------------------------------------------------------------- NEST003 cases

USERS_SERVICE = """import { Injectable } from '@nestjs/common';

@Injectable()
export class UsersService {}
"""
ORDERS_SERVICE = """import {{ Injectable }} from '@nestjs/common';
import {{ UsersService }} from '{spec}';

@Injectable()
export class OrdersService {{
  constructor(private readonly users: UsersService) {{}}
}}
"""
ORDERS_CONTROLLER = """import { Controller } from '@nestjs/common';
import { UsersService } from './users.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly users: UsersService) {}
}
"""


def _plain_module(name: str, body: str, head: str = "", decorator: str = "") -> str:
    return f"""import {{ Global, Module, forwardRef }} from '@nestjs/common';
import {{ UsersService }} from './users.service';
import {{ OrdersService }} from './orders.service';
import {{ OrdersController }} from './orders.controller';
{head}
{decorator}@Module({{ {body} }})
export class {name} {{}}
"""


def _provider_cases() -> list[tuple[str, dict[str, str], str]]:
    """(role, files, module file): OrdersModule in src/orders.module.ts, booted through
    src/app.module.ts when the case has one (a @Global() module must be imported by the app)."""
    users = "import { UsersModule } from './users.module';\n"
    shared = "import { SharedModule } from './shared.module';\n"

    def case(orders: str, spec: str = "./users.service", **extra: str) -> dict[str, str]:
        files = {"src/users.service.ts": USERS_SERVICE, "src/orders.service.ts": ORDERS_SERVICE.format(spec=spec),
                 "src/orders.controller.ts": ORDERS_CONTROLLER, "src/orders.module.ts": orders,
                 "src/other/users.service.ts": USERS_SERVICE}
        files.update({f"src/{k.replace('_', '.')}.ts": v for k, v in extra.items()})
        return files

    def orders(body: str, head: str = "") -> str:
        return _plain_module("OrdersModule", body, head)

    def users_module(body: str, decorator: str = "") -> str:
        return _plain_module("UsersModule", body, decorator=decorator)

    app = _plain_module("AppModule", "imports: [UsersModule, OrdersModule]",
                        users + "import { OrdersModule } from './orders.module';\n")
    m = "src/orders.module.ts"
    return [
        ("bad", case(orders("providers: [OrdersService]")), m),
        ("good", case(orders("providers: [OrdersService, UsersService]")), m),
        ("good", case(orders("providers: [OrdersService, { provide: UsersService, useValue: {} }]")), m),
        ("bad", case(orders("providers: [{ provide: 'svc', useClass: OrdersService }]")), m),
        ("bad", case(orders("controllers: [OrdersController]")), m),
        ("bad", case(orders("providers: [OrdersService, UsersService]"), spec="./other/users.service"), m),
        ("bad", case(orders("imports: [UsersModule], providers: [OrdersService]", users),
                     users_module=users_module("providers: [UsersService]")), m),
        ("good", case(orders("imports: [forwardRef(() => UsersModule)], providers: [OrdersService]", users),
                      users_module=users_module("providers: [UsersService], exports: [UsersService]")), m),
        ("good", case(orders("imports: [SharedModule], providers: [OrdersService]", shared),
                      users_module=users_module("providers: [UsersService], exports: [UsersService]"),
                      shared_module=_plain_module("SharedModule", "imports: [UsersModule], exports: [UsersModule]", users)), m),
        ("bad", case(orders("imports: [SharedModule], providers: [OrdersService]", shared),
                     users_module=users_module("providers: [UsersService], exports: [UsersService]"),
                     shared_module=_plain_module("SharedModule", "imports: [UsersModule]", users)), m),
        ("good", case(orders("providers: [OrdersService]"), app_module=app,
                      users_module=users_module("providers: [UsersService], exports: [UsersService]", "@Global()\n")), m),
        ("bad", case(orders("providers: [OrdersService]"), app_module=app,
                     users_module=users_module("providers: [UsersService]", "@Global()\n")), m),
        ("good", case(orders("providers: [OrdersService]"), app_module=app.replace("imports: [UsersModule,", "imports: [UsersModule.forRoot(),"),
                      users_module=_plain_module("UsersModule", "", decorator="@Global()\n").replace(
                          "export class UsersModule {}",
                          "export class UsersModule {\n  static forRoot() {\n    return { module: UsersModule, "
                          "providers: [UsersService], exports: [UsersService] };\n  }\n}")), m),
        ("good", case(orders("imports: [forwardRef(() => UsersModule.register())], providers: [OrdersService]", users),
                      users_module=_plain_module("UsersModule", "").replace(
                          "export class UsersModule {}",
                          "export class UsersModule {\n  static register() {\n    return { module: UsersModule, "
                          "providers: [UsersService], exports: [UsersService] };\n  }\n}")), m),
    ]


def _nest003_cases():
    return [("page", *c) for c in _page_cases("NEST003")] + [("extra", *c) for c in _provider_cases()]


@pytest.mark.parametrize("origin,role,files,module_file", _nest003_cases())
def test_nest003_matches_nest(node_modules, tmp_path, origin, role, files, module_file):
    _write(tmp_path, files)
    reported = [d for d in lint(tmp_path, ["NEST003"]) if d.path.endswith(module_file)]
    assert bool(reported) == (role == "bad"), [d.message for d in reported]
    out = _build(node_modules, tmp_path)
    boot_file = "src/app.module.ts" if "src/app.module.ts" in files else module_file
    boot_name = re.search(r"export class (\w+)", files[boot_file]).group(1)
    r = _node(node_modules, BOOT, "boot.js", _js(out, boot_file), boot_name, "[]")
    assert r.returncode == 0, r.stderr
    verdict = json.loads(r.stdout.strip().splitlines()[-1])
    assert verdict["ok"] == (not reported), verdict
    if reported:
        first = verdict["message"].split("\n", 1)[0]
        assert "can't resolve dependencies" in first
        assert reported[0].message.startswith(first.rstrip(".")), (reported[0].message, first)
