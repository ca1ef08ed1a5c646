"""Whether the repository's images install the workspace root (model/docker_installs.py), and
DEP005 for packages deployed only by such images."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.model.docker_installs import root_install, root_install_beside
from migrationlint.model.workspace import Workspace
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import write

ROOT_COPY = """FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
RUN npm ci
COPY . .
RUN npm run build --workspaces

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/apps/api/package.json apps/api/
RUN npm ci --omit=dev
COPY --from=build /app/apps/api/dist apps/api/dist
CMD ["node", "apps/api/dist/main.js"]
"""

PER_SERVICE = {
    "deploy": "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN pnpm install && pnpm deploy --filter=api --prod /out\n",
    "focus": "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn workspaces focus --production api\n",
    "member manifest alone": "FROM node:20\nWORKDIR /srv\nCOPY apps/api/package.json ./\nRUN npm install --omit=dev\n",
    "cd elsewhere": "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN cd apps/api && npm ci --omit=dev\n",
    "own context": "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci --omit=dev\n",
}


def _repo(tmp_path: Path, dockerfiles: dict[str, str]) -> Path:
    return write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"],
                         "dependencies": {"ioredis": "^5.4.1"}},
        "package-lock.json": {"name": "shop", "lockfileVersion": 3, "packages": {"": {"name": "shop"}}},
        "apps/api/package.json": {"name": "@shop/api", "version": "1.0.0",
                                  "scripts": {"start": "node dist/main.js"}, "dependencies": {}},
        "apps/api/src/main.ts": "import Redis from 'ioredis';\n\nexport const redis = new Redis();\n",
        **dockerfiles,
    })


def _root_install(root: Path) -> str | None:
    """The answer for the repository at `root`, from the Dockerfiles its workspace finds."""
    ws = Workspace(str(root))
    return root_install(ws.root, ws.member_dirs, ws.images)


def test_images_that_copy_the_root_manifest_and_install_there_install_the_root(tmp_path):
    """Multi-stage, with `--from` copies read against the stage's WORKDIR, in a package folder
    whose build context is the root (it copies the root lockfile), or a Dockerfile variant."""
    assert _root_install(_repo(tmp_path / "root", {"Dockerfile": ROOT_COPY})) == "Dockerfile"
    pnpm_image = ("FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\n"
                  "RUN corepack enable && pnpm install --frozen-lockfile\nCOPY . .\n\nFROM node:20-alpine\nWORKDIR /app\n"
                  "COPY --from=build /app/package.json /app/pnpm-lock.yaml /app/pnpm-workspace.yaml ./\n"
                  "RUN corepack enable && pnpm install --prod --frozen-lockfile\n")
    pnpm = _repo(tmp_path / "pnpm", {"pnpm-lock.yaml": "lockfileVersion: '9.0'\n", "pnpm-workspace.yaml": "packages:\n  - apps/*\n",
                                     "Dockerfile": pnpm_image})
    assert _root_install(pnpm) == "Dockerfile"
    nested = _repo(tmp_path / "nested", {"apps/api/Dockerfile": "FROM node:20 AS base\nWORKDIR /usr/src/app\n"
                                         "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n"})
    assert _root_install(nested) == "apps/api/Dockerfile"
    dotted = _repo(tmp_path / "dotted", {  # `./package.json` is the same file of the build context (10 DEP005)
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n", "pnpm-workspace.yaml": "packages:\n  - apps/*\n",
        "Dockerfile": ("FROM node:20\nWORKDIR /app\nCOPY ./package.json ./package.json\nCOPY ./pnpm-lock.yaml ./\n"
                       "COPY ./pnpm-workspace.yaml ./\nCOPY ./apps ./apps\nRUN pnpm install\n")})
    assert _root_install(dotted) == "Dockerfile"
    variant = _repo(tmp_path / "variant", {"Dockerfile.prod": "FROM node:20\nWORKDIR /app\nCOPY . /app\n"
                                           "RUN --mount=type=cache,target=/root/.npm NODE_ENV=production npm ci\n"})
    assert _root_install(variant) == "Dockerfile.prod"
    retried = _repo(tmp_path / "retried", {"Dockerfile": (  # an install inside a shell loop and condition
        "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\n"
        "RUN ok=0; \\\n    for i in 1 2 3; do \\\n      if npm ci --omit=dev; then ok=1; break; fi; \\\n"
        "      sleep 5; \\\n    done; \\\n    [ \"$ok\" -eq 1 ]\n")})
    assert _root_install(retried) == "Dockerfile"
    # Turborepo's image: `turbo prune --docker` writes a smaller workspace (root manifest and lockfile
    # in out/json/), which later stages copy and install (184 DEP005 on a real repository)
    pruned = _repo(tmp_path / "pruned", {"docker/Dockerfile": (
        "FROM node:22-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN npm install -g turbo\n"
        "RUN turbo prune --scope=@shop/api --docker\n\n"
        "FROM node:22-alpine AS installer\nWORKDIR /app\nCOPY --from=builder /app/out/json/ .\n"
        "COPY --from=builder /app/out/package-lock.json ./package-lock.json\nRUN npm ci\n"
        "COPY --from=builder /app/out/full/ .\nRUN npx turbo run build --filter=@shop/api...\n\n"
        "FROM node:22-alpine AS runner\nWORKDIR /app\nCOPY --from=builder /app/out/json/ .\nRUN npm ci --omit=dev\n")})
    assert _root_install(pruned) == "docker/Dockerfile"
    unpruned = _repo(tmp_path / "unpruned", {"docker/Dockerfile": (  # an out/ folder nothing pruned: unknown
        "FROM node:22-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN npm run bundle\n\n"
        "FROM node:22-alpine\nWORKDIR /app\nCOPY --from=builder /app/out/json/ .\nRUN npm ci --omit=dev\n")})
    assert _root_install(unpruned) is None
    # the same image kept in a member's folder (`docker build -f apps/api/Dockerfile .`): `turbo prune`
    # runs only at the root, so that is its context; so is a COPY of a file only the root has, turbo.json
    # (3 DEP005 on a real repository read it as the member's own install)
    in_member = _repo(tmp_path / "member", {"apps/api/Dockerfile": (
        "FROM node:22-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN turbo prune @shop/api --docker\n\n"
        "FROM node:22-alpine\nWORKDIR /app\nCOPY --from=builder /app/out/json/ .\nRUN npm ci --omit=dev\n")})
    assert _root_install(in_member) == "apps/api/Dockerfile"
    turbo_json = _repo(tmp_path / "turbo", {"turbo.json": "{}\n", "apps/api/Dockerfile": (
        "FROM node:22-alpine\nWORKDIR /app\nCOPY package.json package-lock.json* ./\nCOPY turbo.json ./\nRUN npm ci\n")})
    assert _root_install(turbo_json) == "apps/api/Dockerfile"


@pytest.mark.parametrize("run, answer", [
    ("node .yarn/releases/yarn-4.12.0.cjs install --immutable", "Dockerfile"),
    ("corepack yarn install --immutable", "Dockerfile"),
    ("node .yarn/releases/yarn-4.12.0.cjs workspaces focus --production @shop/api", None),
    ("node scripts/install.cjs install", None)])
def test_the_yarn_release_a_repository_commits_installs_like_yarn(tmp_path, run, answer):
    """`RUN node .yarn/releases/yarn-4.12.0.cjs install --immutable` runs the Yarn release `yarnPath`
    names, without corepack: a root install like `yarn install` (a real repository: 649 DEP005 once
    the line was read as no install). Focusing one workspace stays a per-service install; another
    script run by node is no package manager."""
    root = _repo(tmp_path, {"yarn.lock": "", ".yarnrc.yml": "yarnPath: .yarn/releases/yarn-4.12.0.cjs\n",
                            "Dockerfile": ("FROM node:24-alpine\nWORKDIR /app\nCOPY .yarnrc.yml package.json yarn.lock ./\n"
                                           f"COPY .yarn/releases/ .yarn/releases/\nRUN {run}\nCOPY . .\n")})
    (root / "package-lock.json").unlink()
    assert _root_install(root) == answer


@pytest.mark.parametrize("deploy, reported", [
    ("pnpm deploy --filter=@shop/web --prod /out", False), ("pnpm deploy --filter ./apps/web --prod /out", False),
    ("yarn workspaces focus --production @shop/web", False), ("npm ci --omit=dev -w @shop/web", False),
    ("npm ci --omit=dev -w apps/web", False), ("pnpm deploy --filter=web --prod /out", False),
    ("pnpm deploy --filter=@shop/api --prod /out", True), ("pnpm deploy --filter='@shop/*' --prod /out", True),
    ("pnpm deploy --filter=api --prod /out", True),
    ("pnpm deploy --filter=...@shop/web --prod /out", True)])
def test_a_package_an_image_installs_alone_by_name_keeps_the_rule_on_for_what_it_holds(tmp_path, deploy, reported):
    """One image installs the root, another deploys the web app alone by name (`pnpm deploy --filter
    web`): the root install still serves a package the web app does not depend on (a real Nest
    monorepo: 21 DEP005 once a front end's deploy was added). When the deploy names the service
    itself (by its name, scope left out as pnpm allows, or a glob), or a filter not read (`...web`:
    with its dependents), reported."""
    root = _repo(tmp_path, {"Dockerfile": ROOT_COPY,
                            "apps/web/Dockerfile": f"FROM node:20\nWORKDIR /app\nCOPY . .\nRUN {deploy}\n"})
    write(root, {"apps/web/package.json": {"name": "@shop/web", "version": "1.0.0", "private": True,
                                           "scripts": {"start": "node dist/server.js"}, "dependencies": {}},
                 "apps/web/src/server.ts": "export const port = 3000;\n"})
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in found] == (["ioredis"] if reported else [])
    # a package the deployed one depends on is in that install: reported
    write(root, {"apps/web/package.json": {"name": "@shop/web", "version": "1.0.0", "private": True,
                                           "scripts": {"start": "node dist/server.js"},
                                           "dependencies": {"@shop/api": "workspace:*"}}})
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in found] == ["ioredis"]


@pytest.mark.parametrize("text", list(PER_SERVICE.values()), ids=list(PER_SERVICE))
def test_an_install_of_one_package_anywhere_keeps_the_answer_no(tmp_path, text):
    root = _repo(tmp_path, {"Dockerfile": ROOT_COPY, "apps/api/Dockerfile": text})
    if "COPY package.json ./" in text:  # its own context: the package folder holds the lockfile it copies
        (root / "apps/api/package-lock.json").write_text("{}\n")
    assert _root_install(root) is None


def test_an_install_in_a_nested_folder_after_the_roots_adds_to_it(tmp_path):
    """A stage that installs the root and then `cd apps/api && npm install`s the app's extras: the
    app's files find the root's node_modules above them, so the image holds the root install (a
    real Nest monorepo's three services: 50 DEP005). The same `cd` install in a stage that never
    installed the root, or into a folder that is not below it, installs the package alone."""
    extra = ("FROM node:20 AS development\nWORKDIR /usr/src/app\nCOPY package.json package-lock.json ./\n"
             "RUN npm install\nCOPY apps/api apps/api\nRUN cd apps/api && npm install\nRUN npm run build\n"
             "FROM node:20 AS production\nWORKDIR /usr/src/app\nCOPY package.json package-lock.json ./\n"
             "RUN npm ci --omit=dev\nCOPY --from=development /usr/src/app/dist ./dist\n"
             'CMD ["node", "dist/apps/api/main"]\n')
    assert _root_install(_repo(tmp_path / "extras", {"apps/api/Dockerfile": extra})) == "apps/api/Dockerfile"
    alone = extra.replace("RUN npm install\nCOPY apps/api", "COPY apps/api")
    assert _root_install(_repo(tmp_path / "alone", {"apps/api/Dockerfile": alone})) is None
    beside = extra.replace("cd apps/api && npm install", "cd /srv/api && npm install")
    assert _root_install(_repo(tmp_path / "beside", {"apps/api/Dockerfile": beside})) is None


def test_an_image_built_from_a_packages_own_folder_installs_that_package_alone(tmp_path):
    """An e2e suite's image, built from its own folder (`COPY . .` there, `pnpm install`): it can
    install nothing but the suite, so the root install the services' images run still serves the
    services (a real Nest monorepo: its e2e image kept 50 DEP005 on). A package the suite depends on
    is in that install alone."""
    suite = "FROM node:20\nWORKDIR /usr/src/app\nCOPY . .\nRUN npm install\nCMD [\"npm\", \"test\"]\n"
    root = _repo(tmp_path, {"Dockerfile": ROOT_COPY, "e2e/Dockerfile": suite,
                            "e2e/package.json": {"name": "@shop/e2e", "version": "1.0.0", "scripts": {"test": "jest"},
                                                 "devDependencies": {"jest": "^29.5.0"}},
                            "e2e/package-lock.json": {"name": "@shop/e2e", "lockfileVersion": 3, "packages": {}}})
    ws = Workspace(str(root))
    assert root_install_beside(ws.root, ws.member_dirs, ws.images) == ("Dockerfile", frozenset({"./e2e"}))
    assert [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics] == []


def test_a_dockerfile_naming_a_lockfile_the_repository_lacks_builds_nothing(tmp_path):
    """A framework's template Dockerfile for pnpm left in an npm repository (`COPY ./package.json
    pnpm-lock.yaml /app/`, then `pnpm i --prod` in the app's folder): no pnpm-lock.yaml exists, in
    the app's folder or the root, so `docker build` fails there and it installs nothing (it kept
    184 DEP005 on a real repository whose real image installs the root). Lockfiles are committed,
    never built; a lockfile that exists keeps the per-service answer."""
    template = ("FROM node:20-alpine AS deps\nRUN npm i -g pnpm\nCOPY ./package.json pnpm-lock.yaml /app/\n"
                "WORKDIR /app\nRUN pnpm i --prod --frozen-lockfile\n")
    stale = _repo(tmp_path / "stale", {"Dockerfile": ROOT_COPY, "apps/api/Dockerfile.pnpm": template})
    assert _root_install(stale) == "Dockerfile"
    (stale / "apps/api/pnpm-lock.yaml").write_text("lockfileVersion: '9.0'\n")
    assert _root_install(stale) is None


@pytest.mark.parametrize("run,script,answer", [
    ("RUN bash build-output.sh", "#!/bin/bash\nset -e\npnpm install\npnpm run build\npnpm install --prod --offline\n", "Dockerfile"),
    ("RUN sh ./scripts/build.sh", "npm ci\nnpm run build\n", "Dockerfile"),
    ("RUN ./build.sh", "cd apps/api && npm ci --omit=dev\n", None),
    ("RUN bash missing.sh", None, None),
])
def test_an_install_a_dockerfile_runs_through_a_script_counts(tmp_path, run, script, answer):
    """`RUN bash build-output.sh` after `COPY . /app`: the script of the build context is what
    installs, so its commands are read as the RUN's own (a real image installing the workspace root
    from a script: 1 DEP005). One that installs a single package keeps the per-service answer; a
    script that is not there says nothing."""
    name = run.split()[-1].removeprefix("./")
    files = {"Dockerfile": f"FROM node:18-alpine\nCOPY . /app/\nWORKDIR /app\nRUN npm i -g pnpm\n{run}\n"}
    if script is not None:
        files[name] = script
    assert _root_install(_repo(tmp_path, files)) == answer


def test_no_dockerfile_or_no_install_is_no_answer(tmp_path):
    assert _root_install(_repo(tmp_path / "none", {})) is None
    built = _repo(tmp_path / "copy", {"Dockerfile": "FROM node:20\nCOPY dist /app\nRUN npm install -g pm2\n"})
    assert _root_install(built) is None


def test_dep005_is_silent_for_a_service_its_images_deploy_with_the_root_install(tmp_path):
    """An app's code relying on a root-only dependency works in an image that installs the root
    (a real pnpm monorepo had 202 DEP005 warnings for one): silent for a private package or a
    service. Reported when an image installs the service alone, for a package that may be
    published, and with `hoisting = "none"`."""
    def dep005(root: Path, **settings) -> int:
        diags = pipeline.lint([str(root)], Settings(select=["DEP005"], **settings), use_cache=False).diagnostics
        return len(diags)

    root = _repo(tmp_path / "root", {"Dockerfile": ROOT_COPY})
    assert dep005(root) == 0
    assert dep005(root, hoisting="none") == 1
    alone = _repo(tmp_path / "alone", {"Dockerfile": ROOT_COPY, "apps/api/Dockerfile": PER_SERVICE["deploy"]})
    assert dep005(alone) == 1
    library = _repo(tmp_path / "library", {"Dockerfile": ROOT_COPY})
    write(library, {"apps/api/package.json": {"name": "@shop/api", "version": "1.0.0", "main": "dist/main.js"}})
    assert dep005(library) == 1
    assert dep005(_repo(tmp_path / "none", {})) == 1
    # a package with no version and no publishConfig cannot be published: like a private one, only
    # this repository installs it (a nested shared folder whose runtime dependencies the root
    # declares on purpose: 7 DEP005 on a real repository)
    unversioned = _repo(tmp_path / "unversioned", {"Dockerfile": ROOT_COPY})
    write(unversioned, {"apps/api/package.json": {"name": "@shop/api", "main": "dist/main.js"}})
    assert dep005(unversioned) == 0
    write(unversioned, {"apps/api/package.json": {"name": "@shop/api", "main": "dist/main.js", "private": False}})
    assert dep005(unversioned) == 1


def test_dep005_is_silent_for_a_service_a_root_pm2_file_starts_from_the_checkout(tmp_path):
    """`ecosystem.config.cjs` at the root starts `services/api`'s built entry from the checkout
    (`cwd: path.resolve(__dirname, 'apps/api')`), as a root script deploys it: Node finds the root's
    dependencies walking up, as in an image that installs the root (a real admin platform: 425 DEP005
    warnings). Not when a Dockerfile installs the service alone."""
    pm2 = ("const path = require('path');\nmodule.exports = {\n  apps: [{ name: 'api', "
           "cwd: path.resolve(__dirname, 'apps/api'), script: 'dist/main.js' }],\n};\n")

    def dep005(root: Path) -> int:
        return len(pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics)

    started = _repo(tmp_path / "pm2", {"ecosystem.config.cjs": pm2})
    write(started, {"apps/api/package.json": {"name": "@shop/api", "private": True, "scripts": {"build": "tsc"}}})
    assert dep005(started) == 0
    assert dep005(_repo(tmp_path / "elsewhere", {"ecosystem.config.cjs": pm2.replace("apps/api", "apps/web")})) == 1
    alone = _repo(tmp_path / "alone", {"ecosystem.config.cjs": pm2, "apps/api/Dockerfile": PER_SERVICE["deploy"]})
    assert dep005(alone) == 1


def test_a_package_whose_entry_is_typescript_source_is_deployed_with_the_root(tmp_path):
    """`"main": "src/index.ts"` (an internal package, read through tsconfig paths or a bundler): no
    install could load it, so it is never installed or published alone, though not marked private;
    the images that install the root hold what only the root declares (a real monorepo: 14 DEP005).
    A package whose entry is built JavaScript may be published: reported."""
    def dep005(root: Path) -> int:
        return len(pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics)

    source = _repo(tmp_path / "source", {"Dockerfile": ROOT_COPY})
    write(source, {"apps/api/package.json": {"name": "@shop/api", "version": "1.0.0", "main": "src/main.ts",
                                             "types": "src/main.ts"}})
    assert dep005(source) == 0
    built = _repo(tmp_path / "built", {"Dockerfile": ROOT_COPY})
    write(built, {"apps/api/package.json": {"name": "@shop/api", "version": "1.0.0", "main": "dist/main.js"}})
    assert dep005(built) == 1


@pytest.mark.parametrize("variant, reported", [
    ("no build", False), ("tsc to an outDir elsewhere", False), ("the same through scripts run by name", False),
    ("tsc beside the source", True), ("another build tool", True), ("built file beside", True)])
def test_an_extensionless_entry_only_typescript_answers_is_typescript_source(tmp_path, variant, reported):
    """`"main": "src/main"`: Node would probe `src/main.js`, TypeScript finds `src/main.ts`. With no
    JavaScript there and no build that could write it there (tsc's outDir is elsewhere), the entry
    is source, as `src/main.ts` is (a real Nest monorepo's library: 2 DEP005). A tsc build without
    an outDir, a build tool not read, or a `src/main.js` beside it may make it loadable: reported. The
    build is read through the scripts it runs by name (`pnpm run clean && pnpm run compile`), a step
    that only deletes (`rimraf`) writing nothing."""
    root = _repo(tmp_path, {"Dockerfile": ROOT_COPY})
    manifest = {"name": "@shop/api", "version": "0.0.1", "main": "src/main", "types": "src/main", "files": ["dist"]}
    builds = {"tsc to an outDir elsewhere": "tsc -p tsconfig.build.json", "tsc beside the source": "tsc",
              "another build tool": "node scripts/build.mjs"}
    if variant in builds:
        manifest["scripts"] = {"build": builds[variant]}
    if variant == "the same through scripts run by name":
        manifest["scripts"] = {"build": "pnpm run clean && pnpm run compile", "clean": "rimraf ../../dist/apps/api",
                               "compile": "tsc -p tsconfig.build.json"}
    write(root, {"apps/api/package.json": manifest,
                 "apps/api/tsconfig.json": {"compilerOptions": {"module": "commonjs"}},
                 "apps/api/tsconfig.build.json": {"extends": "./tsconfig.json",
                                                  "compilerOptions": {"outDir": "../../dist/apps/api"}}})
    if variant == "built file beside":
        write(root, {"apps/api/src/main.js": "module.exports = {};\n"})
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert len(found) == (1 if reported else 0)


@pytest.mark.parametrize("variant", ["source folder", "index.js beside", "build script", "own lockfile",
                                     "type-check build"])
def test_a_versioned_folder_of_source_naming_no_entry_is_deployed_with_the_root(tmp_path, variant):
    """A member with a `version` that names nothing to load, whose folder has `index.ts` and no
    `index.js` (what Node would load) and no build script: its importers compile it through
    tsconfig paths, no install could load it, so the root's image deploys it (a real Nest monorepo's
    libs: 32 DEP005 advising dependencies its pre-commit hook forbids). With an `index.js` beside it,
    or a script that may build one, it may be published; with a lockfile of its own it is installed
    apart: reported."""
    root = _repo(tmp_path, {"Dockerfile": ROOT_COPY})
    manifest = {"name": "@shop/api", "version": "v0.0.3", "scripts": {"test": "jest"}}
    if variant in ("build script", "type-check build"):  # `tsc --noEmit` writes no entry
        manifest["scripts"]["build"] = "tsc" if variant == "build script" else "tsc -p tsconfig.json --noEmit"
    write(root, {"apps/api/package.json": manifest, "apps/api/index.ts": "export * from './src/main';\n"})
    if variant == "index.js beside":
        write(root, {"apps/api/index.js": "module.exports = require('./dist/main');\n"})
    if variant == "own lockfile":  # an install of its own (a project a tool deploys from its folder)
        write(root, {"apps/api/package-lock.json": {"name": "@shop/api", "lockfileVersion": 3, "packages": {}}})
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert len(found) == (0 if variant in ("source folder", "type-check build") else 1)


def test_a_private_folder_of_tools_whose_only_script_type_checks_runs_with_the_root_install(tmp_path):
    """`scripts/` holds repository tools CI runs from the checkout (`pnpm tsx scripts/x.ts`): a
    private member naming no entry, whose only script is `"build": "tsc --noEmit"`. Nothing installs
    it apart, so a root devDependency serves it (a real SDK monorepo: 5 DEP005). A build that emits
    may make something to deploy: reported."""
    def dep005(build: str) -> int:
        root = write(tmp_path / build.replace(" ", "_"), {
            "package.json": {"name": "acme", "private": True, "devDependencies": {"fs-extra": "^11.2.0"}},
            "pnpm-workspace.yaml": "packages:\n  - scripts\n",
            "scripts/package.json": {"name": "scripts", "private": True, "version": "1.0.0", "scripts": {"build": build}},
            "scripts/create-dir.ts": "import fs from 'fs-extra';\n\nawait fs.mkdirp(process.argv[2] ?? 'out');\n",
        })
        return len(pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics)

    assert dep005("tsc --noEmit") == 0
    assert dep005("tsc") == 1


NX_WEBPACK = """const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api') },
  plugins: [new NxAppWebpackPlugin({ target: 'node', main: './src/main.ts', generatePackageJson: %s })],
};
"""
SERVICE_IMAGE = "FROM node:20\nWORKDIR /app\nARG APP\nCOPY dist/apps/$APP .\nRUN npm install --omit=dev\n"


def _nx_repo(tmp_path: Path, files: dict[str, object]) -> Path:
    """An Nx workspace keeping every dependency in the root manifest (the single-version policy),
    an app with a package.json of its own that lists none, and an image that installs a built app alone."""
    return write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"],
                         "dependencies": {"ioredis": "^5.4.1"}, "devDependencies": {"nx": "21.3.11"}},
        "nx.json": {"targetDefaults": {}},
        "apps/api/package.json": {"dependencies": {"tslib": "^2.8.1"}},
        "apps/api/src/main.ts": "import Redis from 'ioredis';\n\nexport const redis = new Redis();\n",
        "Dockerfile": SERVICE_IMAGE,
        **files,
    })


@pytest.mark.parametrize("where", ["webpack config", "project.json", "root script", "run script"])
def test_dep005_is_silent_for_an_nx_project_whose_build_writes_its_package_json(tmp_path, where):
    """`generatePackageJson`: the Nx build writes the package.json the app deploys with, listing what
    it imports at the root manifest's versions; a per-service install from the built folder finds a
    root-only dependency (a real Nx monorepo had 756 DEP005 warnings, one per import of its apps).
    The flag on the command line of a root script (`nx build api --generatePackageJson --prod`, a
    real speech-annotation back end: 11 warnings) is the same option; on another project's build it
    is not this one's."""
    def dep005(root: Path) -> list[str]:
        diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
        return [Path(d.path).relative_to(root).as_posix() for d in diags]

    def build(flag: str) -> dict[str, object]:
        if where == "webpack config":
            return {"apps/api/webpack.config.js": NX_WEBPACK % flag}
        if where.endswith("script"):
            project = "api" if flag == "true" else "web"
            command = f"nx build {project} --generatePackageJson --prod" if where == "root script" else \
                f"npx nx run {project}:build:production --generate-package-json"
            return {"package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"],
                                     "scripts": {"build:prod": f"npm run build:libs && {command}"},
                                     "dependencies": {"ioredis": "^5.4.1"}, "devDependencies": {"nx": "21.3.11"}},
                    "apps/api/project.json": {"name": "api", "projectType": "application", "targets": {"build": {
                        "executor": "@nx/webpack:webpack", "options": {"main": "apps/api/src/main.ts"}}}}}
        options = {"main": "apps/api/src/main.ts", "outputPath": "dist/apps/api", "generatePackageJson": flag == "true"}
        return {"apps/api/project.json": {"name": "api", "projectType": "application",
                                          "targets": {"build": {"executor": "@nx/esbuild:esbuild", "options": options}}}}

    assert dep005(_nx_repo(tmp_path / "generated", build("true"))) == []
    assert dep005(_nx_repo(tmp_path / "kept", build("false"))) == ["apps/api/src/main.ts"]


GENERIC_COPY = "FROM node:20\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm install --only=production\nCOPY . .\n"


@pytest.mark.parametrize("compose", [
    "services:\n  api:\n    build:\n      context: .\n      dockerfile: ./apps/api/Dockerfile\n",
    "services:\n  api:\n    build:\n      context: ../..\n      dockerfile: apps/api/Dockerfile\n",
])
def test_a_compose_file_building_a_package_dockerfile_from_the_root_makes_it_a_root_install(tmp_path, compose):
    """`COPY package*.json ./` in apps/api/Dockerfile copies the root manifest when a Compose file
    builds it with the root as the context (a real Nest monorepo: docker-compose `context: .`,
    `dockerfile: ./apps/app2/Dockerfile`); built from its own folder it copies the package's."""
    where = "docker-compose.yml" if "context: ." in compose and "../.." not in compose else "apps/api/compose.yaml"
    root = _repo(tmp_path / "composed", {"apps/api/Dockerfile": GENERIC_COPY, where: compose})
    assert _root_install(root) == "apps/api/Dockerfile"
    alone = _repo(tmp_path / "alone", {"apps/api/Dockerfile": GENERIC_COPY,
                                        "docker-compose.yml": "services:\n  api:\n    build: ./apps/api\n"})
    assert _root_install(alone) is None
    variable = _repo(tmp_path / "variable", {"apps/api/Dockerfile": GENERIC_COPY, "docker-compose.yml":
                                            "services:\n  api:\n    build:\n      context: ${ROOT}\n"
                                            "      dockerfile: apps/api/Dockerfile\n"})
    assert _root_install(variable) is None


@pytest.mark.parametrize("node_path, copied, reported", [(True, True, False), (False, True, True), (True, False, True)])
def test_a_file_an_image_copies_in_finds_what_the_image_installs_globally(tmp_path, node_path, copied, reported):
    """`docker/scripts/prisma.config.ts` imports `prisma/config`; the migrations image copies the folder in,
    runs `npm install -g prisma@7.3.0` and sets `NODE_PATH` to the global folder (an email assistant's
    image: the root was told to declare prisma, which no install of that image reads). Without
    `NODE_PATH` Node never looks there, and a file the image does not copy runs elsewhere: reported."""
    dockerfile = ("FROM node:22-alpine\nWORKDIR /app\n" + ("COPY docker/scripts /app/docker/scripts\n" if copied else "")
                  + "RUN npm install -g prisma@7.3.0\n" + ("ENV NODE_PATH=/usr/local/lib/node_modules\n" if node_path else "")
                  + 'CMD ["/app/docker/scripts/migrate.sh"]\n')
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n",
        "apps/web/package.json": {"name": "web", "private": True, "scripts": {"start": "node dist/main.js"},
                                  "devDependencies": {"prisma": "7.3.0"}},
        "apps/web/src/main.ts": "console.log('hi');\n",
        "docker/scripts/prisma.config.ts": "import { defineConfig } from 'prisma/config';\n"
                                           "export default defineConfig({ schema: '/app/schema.prisma' });\n",
        "docker/Dockerfile.prod": dockerfile,
    })
    found = [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert found == (["prisma"] if reported else [])


def test_dockerfile_names_docker_builds_from():
    from migrationlint.model.image_files import is_dockerfile

    for name in ("Dockerfile", "dockerfile", "Dockerfile.prod", "api.Dockerfile", "user.dev.dockerfile",
                 "Dockerfile-main", "Dockerfile_preview"):
        assert is_dockerfile(name), name
    for name in (".gitpod.Dockerfile", "Dockerfile.dockerignore", "api.Dockerfile.dockerignore", "Dockerfiles",
                 "Dockerfile-main.dockerignore", "docker-compose.yml", "Dockerfile.hbs", "Dockerfile.ejs", "api.dockerfile.tmpl"):
        assert not is_dockerfile(name), name


@pytest.mark.parametrize("name", ["Dockerfile-main", "Dockerfile_main", "Dockerfile.main"])
def test_images_named_with_a_dash_install_what_they_install(tmp_path, name):
    """`docker/Dockerfile-main`, built with `docker build -f`: an image whatever its name's separator.
    Its full `npm install` gives the never-published library linked into the app its
    devDependencies (a real wallet back end: 3 DEP002 for an install that never happens)."""
    root = write(tmp_path, {
        "package.json": {"name": "app", "version": "1.0.0", "private": True, "workspaces": ["libs/*"],
                         "scripts": {"build": "nest build", "start:prod": "node dist/main"},
                         "dependencies": {"@nestjs/core": "^10.0.0"}},
        "tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "./dist", "baseUrl": "./",
                                              "paths": {"@acme/red": ["libs/red/src"]}}},
        "src/main.ts": "import { provider } from '@acme/red';\nconsole.log(provider);\n",
        "libs/red/package.json": {"name": "red", "version": "1.0.0", "main": "index.js",
                                  "devDependencies": {"zksync-ethers": "^6.11.1"}},
        "libs/red/src/index.ts": "import { Provider } from 'zksync-ethers';\nexport const provider = new Provider('x');\n",
        f"docker/{name}": "FROM node:20-slim\nWORKDIR /app\nADD . /app\nRUN npm install\nRUN npm run build\n"
                          "CMD [\"npm\", \"run\", \"start:prod\"]\n",
    })
    assert pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics == []


def test_dockerfiles_kept_in_a_folder_of_their_own_are_read(tmp_path):
    """`docker/api.Dockerfile`, built from the root (`docker build -f docker/api.Dockerfile .`): a
    folder with no package.json builds no Node image on its own, so its COPY lines name root paths
    (a real pnpm monorepo: 35 DEP005 warnings its images refute). A Dockerfile in a folder below a
    package is built from that package, and installing there installs the package alone."""
    generic = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD [\"node\", \"apps/api/dist/main.js\"]\n"
    assert _root_install(_repo(tmp_path / "kept", {"docker/api.Dockerfile": generic})) == "docker/api.Dockerfile"
    below = _repo(tmp_path / "below", {"Dockerfile": ROOT_COPY, "apps/api/docker/Dockerfile": GENERIC_COPY})
    assert _root_install(below) is None


def test_a_dockerfile_a_compose_file_builds_is_read_wherever_it_lives(tmp_path):
    """`dockerfile: .deploy/api/Dockerfile` with the root as the context: a dot folder the tree's walk
    skips, read because an image is built from it (a real Nx monorepo: 203 DEP005 warnings)."""
    compose = "services:\n  api:\n    build:\n      context: .\n      dockerfile: .deploy/api/Dockerfile\n"
    root = _repo(tmp_path / "deploy", {".deploy/api/Dockerfile": GENERIC_COPY, "docker-compose.build.yml": compose})
    assert _root_install(root) == ".deploy/api/Dockerfile"
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert diags == []
    hidden = _repo(tmp_path / "hidden", {".deploy/api/Dockerfile": GENERIC_COPY})  # `docker build -f` from a script
    assert _root_install(hidden) == ".deploy/api/Dockerfile"
    elsewhere = _repo(tmp_path / "elsewhere", {".deploy/api/Dockerfile": GENERIC_COPY, "deploy/compose.yaml":
                                               compose.replace("context: .", "context: ..")})
    assert _root_install(elsewhere) == ".deploy/api/Dockerfile"  # a Compose file of any folder counts


def test_dockerfiles_in_a_dot_folder_are_read_near_its_top(tmp_path):
    """`.docker/server.Dockerfile`, built by a script (`docker build -f .docker/server.Dockerfile .`),
    copies and installs the root: it deploys every package with the root's dependencies (a real Nx
    monorepo: 93 DEP005 warnings). Read to two levels of a dot folder (`.deploy/api/`); deeper lie
    tool caches. A development container's (`.devcontainer/`) builds no image of the product."""
    assert _root_install(_repo(tmp_path / "docker", {".docker/server.Dockerfile": GENERIC_COPY})) \
        == ".docker/server.Dockerfile"
    assert _root_install(_repo(tmp_path / "deep", {".tools/a/b/Dockerfile": GENERIC_COPY})) is None
    assert _root_install(_repo(tmp_path / "devcontainer", {".devcontainer/Dockerfile": GENERIC_COPY})) is None
    root = _repo(tmp_path / "lint", {".docker/server.Dockerfile": GENERIC_COPY})
    assert pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics == []
    shown = _repo(tmp_path / "shown", {})
    assert pipeline.lint([str(shown)], Settings(select=["DEP005"]), use_cache=False).diagnostics != []


def test_a_cached_run_sees_an_edit_to_a_dockerfile_outside_the_package_folders(tmp_path):
    """The images' Dockerfiles are inputs of a run wherever they live: turning the root install into
    a per-service one brings the DEP005 warning back on the next cached run."""
    compose = "services:\n  api:\n    build:\n      context: .\n      dockerfile: .deploy/api/Dockerfile\n"
    root = _repo(tmp_path, {".deploy/api/Dockerfile": GENERIC_COPY, "docker/worker.Dockerfile": GENERIC_COPY,
                            "docker-compose.yml": compose})

    def dep005() -> int:
        return len(pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=True).diagnostics)

    assert dep005() == 0
    (root / ".deploy/api/Dockerfile").write_text(PER_SERVICE["deploy"])
    assert dep005() == 1
    (root / ".deploy/api/Dockerfile").write_text(GENERIC_COPY)
    assert dep005() == 0
    (root / "docker/worker.Dockerfile").write_text(PER_SERVICE["focus"])
    assert dep005() == 1


@pytest.mark.parametrize("flag", [True, False])
def test_dep005_is_silent_for_a_buildable_nx_library_whose_build_writes_its_dependencies(tmp_path, flag):
    """`@nx/js:tsc` with `updateBuildableProjectDepsInPackageJson: true`: the library's build writes
    the dependencies its published package.json lists, from the project graph at the root
    manifest's versions (a real SDK: 14 DEP005 warnings). Without the option, its own manifest counts."""
    options = {"outputPath": "dist/libs/sdk", "main": "libs/sdk/src/index.ts", "tsConfig": "libs/sdk/tsconfig.json",
               "packageJson": "libs/sdk/package.json", "updateBuildableProjectDepsInPackageJson": flag}
    root = write(tmp_path, {
        "package.json": {"name": "platform", "private": True, "workspaces": ["libs/*"],
                         "dependencies": {"axios": "^1.15.2"}, "devDependencies": {"nx": "^21.0.0"}},
        "nx.json": {},
        "libs/sdk/package.json": {"name": "@acme/sdk", "version": "0.0.0-dev", "main": "./index.js", "types": "./index.d.ts"},
        "libs/sdk/project.json": {"name": "sdk", "projectType": "library",
                                  "targets": {"build": {"executor": "@nx/js:tsc", "options": options}}},
        "libs/sdk/src/index.ts": "import axios from 'axios';\n\nexport const ping = async (url: string) => "
                                 "(await axios.get(url)).status;\n",
    })
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in diags] == ([] if flag else ["axios"])


def test_a_template_of_a_dockerfile_builds_no_image_of_this_repository(tmp_path):
    """`templates/Dockerfile.hbs` of a project generator: rendered into the projects it creates, so
    its root install says nothing about how this repository's packages deploy, and DEP005 stays."""
    template = {"packages/create/templates/Dockerfile.hbs": GENERIC_COPY,
                "packages/create/templates/Dockerfile.ejs": GENERIC_COPY}
    root = _repo(tmp_path / "template", template)
    assert _root_install(root) is None
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.code for d in diags] == ["DEP005"]
    rendered = _repo(tmp_path / "rendered", {"docker/Dockerfile": GENERIC_COPY})  # the same text, a real recipe
    assert _root_install(rendered) == "docker/Dockerfile"


def _inline_nx(tmp_path: Path, nx: str, executor: str, options: dict, nested: bool = False) -> list[str]:
    """DEP005's packages for an Nx library configured inline in workspace.json (Nx before
    project.json files), in a workspace at the repository root or nested in a folder of its own."""
    top = "ui/" if nested else ""
    files = {
        f"{top}package.json": {"name": "acme-ui", "private": True, "workspaces": ["libs/*"],
                               "dependencies": {"lodash": "4.17.21"}, "devDependencies": {"@nrwl/workspace": nx}},
        f"{top}nx.json": {"npmScope": "acme"},
        f"{top}workspace.json": {"version": 2, "projects": {"data": {
            "root": "libs/data", "projectType": "library",
            "targets": {"build": {"executor": executor, "options": {"project": "libs/data/package.json", **options}}}}}},
        f"{top}libs/data/package.json": {"name": "@acme/data", "version": "0.3.0", "main": "dist/data.umd.js"},
        f"{top}libs/data/src/index.ts": "import { sortBy } from 'lodash';\n\nexport const sortNames = "
                                        "(names: string[]): string[] => sortBy(names);\n",
    }
    if nested:
        files["package.json"] = {"name": "platform", "private": True}
        files["rush.json"] = {"projects": [{"packageName": "acme-ui", "projectFolder": "ui"}]}
    root = write(tmp_path, files)
    diags = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    return [d.extra["package"] for d in diags]


def test_dep005_is_silent_for_an_nx_library_whose_packager_wrote_its_dependencies_by_default(tmp_path):
    """`@nrwl/web:package` in an Nx 13 workspace.json, the option unset: before Nx 16.5 the
    library executors wrote the built package.json's dependencies unless told not to (a real
    monorepo: 1,011 DEP005 warnings whose fixes would add react to published UI libraries), also
    in an Nx workspace nested in the repository. From Nx 16.5 the default is off, and an explicit
    false is off in any version."""
    assert _inline_nx(tmp_path / "default", "13.2.3", "@nrwl/web:package", {}) == []
    assert _inline_nx(tmp_path / "nested", "13.2.3", "@nrwl/web:package", {}, nested=True) == []
    assert _inline_nx(tmp_path / "explicit", "13.2.3", "@nrwl/js:tsc",
                      {"updateBuildableProjectDepsInPackageJson": True}) == []
    assert _inline_nx(tmp_path / "off", "13.2.3", "@nrwl/web:package",
                      {"updateBuildableProjectDepsInPackageJson": False}) == ["lodash"]
    assert _inline_nx(tmp_path / "later", "16.5.0", "@nrwl/js:tsc", {}) == ["lodash"]
    assert _inline_nx(tmp_path / "app", "13.2.3", "@nrwl/node:webpack", {}) == ["lodash"]


def test_a_cached_run_sees_an_edit_to_an_nx_project(tmp_path):
    """project.json (whether the build writes its package.json) is an input of every run over its
    folder, like nx.json and bunfig.toml: editing it changes the next cached run."""
    options = {"outputPath": "dist/libs/sdk", "main": "libs/sdk/src/index.ts", "generatePackageJson": True}
    root = write(tmp_path, {
        "package.json": {"name": "platform", "private": True, "workspaces": ["libs/*"],
                         "dependencies": {"axios": "^1.15.2"}, "devDependencies": {"nx": "^21.0.0"}},
        "nx.json": {},
        "libs/sdk/package.json": {"name": "@acme/sdk", "version": "0.0.0-dev", "main": "./index.js"},
        "libs/sdk/project.json": {"name": "sdk", "targets": {"build": {"executor": "@nx/esbuild:esbuild", "options": options}}},
        "libs/sdk/src/index.ts": "import axios from 'axios';\n\nexport const ping = (url: string) => axios.get(url);\n",
    })

    def dep005() -> int:
        return len(pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=True).diagnostics)

    assert dep005() == 0
    options["generatePackageJson"] = False
    write(root, {"libs/sdk/project.json": {"name": "sdk", "targets": {"build": {"executor": "@nx/esbuild:esbuild",
                                                                               "options": options}}}})
    assert dep005() == 1


@pytest.mark.parametrize("dockerfile, reported", [
    ("FROM oven/bun:1\nWORKDIR /app\nCOPY . .\nRUN bun install\nCMD [\"bun\", \"apps/api/src/index.ts\"]\n", False),
    ("FROM oven/bun:1 AS pruner\nWORKDIR /app\nCOPY . .\nRUN bunx turbo prune @acme/api --docker\n"
     "FROM oven/bun:1\nWORKDIR /app\nCOPY --from=pruner /app/out/json/ .\nRUN apt-get update && \\\n    bun install\n"
     "ENV NODE_ENV=production\nCMD [\"bun\", \"apps/api/src/index.ts\"]\n", False),
    ("FROM oven/bun:1\nWORKDIR /app\nCOPY . .\nRUN bun install --production\nCMD [\"bun\", \"apps/api/src/index.ts\"]\n", True),
    ("FROM node:22\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"apps/api/dist/main.js\"]\n",
     True),
    # bun ignores NODE_ENV when it installs (a starter's image sets it first: 1 DEP002)
    ("FROM oven/bun:1\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN bun install\n"
     "CMD [\"bun\", \"apps/api/src/index.ts\"]\n", False),
    (None, True)])
def test_a_private_library_whose_images_install_dev_dependencies_needs_no_move(tmp_path, dockerfile, reported):
    """A private component kit consumed as source keeps a package in devDependencies, and its
    dependents do not all declare it (an email package renders its components inside the api):
    when every image installs with the defaults, devDependencies included, the production install
    DEP002 speaks of never happens (a real monorepo: 70 DEP002 on react; `turbo prune` cuts the
    workspace, it prunes no dependencies, and NODE_ENV=production set after the install, for the
    runtime, changes none). A production-only install in any image (a flag, an install after
    NODE_ENV=production), or no image at all, keeps the finding."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "packages/ui/package.json": {"name": "@acme/ui", "private": True, "exports": {"./button": "./src/button.ts"},
                                     "devDependencies": {"tiny-state": "^1.0.0"}},
        "packages/ui/src/button.ts": "import { state } from 'tiny-state';\n\nexport const Button = () => state(1);\n",
        "packages/email/package.json": {"name": "@acme/email", "private": True, "exports": {"./render": "./src/render.ts"},
                                        "dependencies": {"@acme/ui": "*"}},
        "packages/email/src/render.ts": "import { Button } from '@acme/ui/button';\n\nexport const render = () => Button();\n",
        "apps/api/package.json": {"name": "@acme/api", "private": True, "scripts": {"start": "bun src/index.ts"},
                                  "dependencies": {"@acme/email": "*"}},
        "apps/api/src/index.ts": "import { render } from '@acme/email/render';\n\nconsole.log(render());\n",
    }
    if dockerfile is not None:
        files["Dockerfile"] = dockerfile
    root = write(tmp_path, files)
    found = [(d.code, d.extra["package"]) for d in
             pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == ([("DEP002", "tiny-state")] if reported else []), found
    # a project apart (its own package.json and lockfile, no member) whose image installs for production
    # holds none of the workspace's packages: it decides nothing (a cron job beside a platform's
    # services turned one DEP002 on)
    write(root, {"cron/archiver/package.json": {"name": "archiver", "private": True, "dependencies": {"pg": "^8.11.0"}},
                 "cron/archiver/package-lock.json": {"name": "archiver", "lockfileVersion": 3, "packages": {}},
                 "cron/archiver/Dockerfile": "FROM node:20\nWORKDIR /b\nCOPY . .\nRUN npm ci --omit=dev\n"})
    found = [(d.code, d.extra["package"]) for d in
             pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == ([("DEP002", "tiny-state")] if reported else []), found


@pytest.mark.parametrize("publish_path, reported", [
    ({}, False),
    ({".changeset/config.json": {"access": "public"}}, True),
    ({"packages/ui/package.json": {"name": "@acme/ui", "version": "0.0.1", "exports": {"./button": "./src/button.ts"},
                                   "devDependencies": {"tiny-state": "^1.0.0"}, "publishConfig": {"access": "public"}}}, True),
    ({"package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"],
                       "scripts": {"release": "turbo build && changeset publish"}}}, True),
    ({".github/workflows/release.yml": "jobs:\n  publish:\n    steps:\n      - run: npm publish\n"}, True),
    # a leftover `publishConfig` in a private package publishes nothing (a template's tsconfig package: 1 DEP002)
    ({"packages/tsconfig/package.json": {"name": "@acme/tsconfig", "private": True, "publishConfig": {"access": "public"}}},
     False),
    ({".github/workflows/release.yml": "jobs:\n  release:\n    steps:\n      - uses: JS-DevTools/npm-publish@v3\n"}, True),
    ({".github/workflows/release.yml": "jobs:\n  ship:\n    steps:\n      - run: |\n          pnpm build\n"
                                       "          pnpm -r publish --access public\n"}, True),
    # a job named `publish` that pushes a container image publishes no package (an API's image: 1 DEP002)
    ({".github/workflows/main.yml": "on: push\njobs:\n  publish:\n    name: Publish image\n    steps:\n"
                                    "      - uses: actions/checkout@v5\n      - uses: docker/build-push-action@v6\n"
                                    "        with:\n          push: true\n          tags: ghcr.io/acme/api:main\n"}, False)])
def test_a_versioned_library_of_a_repository_that_publishes_nothing_is_never_installed_from_a_registry(
        tmp_path, publish_path, reported):
    """`@acme/ui` has a version and no `"private"`, but nothing in the repository publishes (no publish or
    release script, no changesets, lerna or semantic-release config, no `publishConfig`, no workflow that
    publishes): the images that install devDependencies are its only installs (36 DEP002 on a real
    indexer's internal `@repo/*` packages). Any sign of a publish keeps the registry install in view."""
    files = {
        "package.json": {"name": "acme", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "Dockerfile": "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"apps/api/dist/main.js\"]\n",
        "packages/ui/package.json": {"name": "@acme/ui", "version": "0.0.1", "exports": {"./button": "./src/button.ts"},
                                     "devDependencies": {"tiny-state": "^1.0.0"}},
        "packages/ui/src/button.ts": "import { state } from 'tiny-state';\n\nexport const Button = () => state(1);\n",
        "apps/api/package.json": {"name": "@acme/api", "private": True, "scripts": {"start": "node dist/main.js"},
                                  "dependencies": {"@acme/ui": "*"}},
        "apps/api/src/main.ts": "import { Button } from '@acme/ui/button';\n\nconsole.log(Button());\n",
        **publish_path,
    }
    root = write(tmp_path, {k: v for k, v in files.items() if not k.endswith(".yml")})
    for name, text in files.items():
        if name.endswith(".yml"):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
    found = [(d.code, d.extra["package"]) for d in
             pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == ([("DEP002", "tiny-state")] if reported else []), found


@pytest.mark.parametrize("runner, other, reported", [
    ("COPY --from=installer /app/node_modules ./node_modules\nCOPY --from=installer /app/apps/api/dist ./apps/api/dist\n",
     False, False),
    ("COPY --from=installer /app/node_modules ./node_modules\nCOPY --from=installer /app/apps/api/dist ./apps/api/dist\n",
     True, False),
    ("COPY --from=installer /app/apps/api/dist ./apps/api/dist\nCOPY apps/api/package.json ./apps/api/\n"
     "RUN pnpm install --prod\n", False, True)])
def test_a_service_its_images_build_with_dev_dependencies_needs_no_move(tmp_path, runner, other, reported):
    """A private Nest service keeps a workspace package in devDependencies; the one image installs
    everything in a build stage and copies its node_modules into the runner (a real rental platform:
    220 DEP002 claiming a production install that never happens). Another project's image that prunes
    does not decide for it (a real government monorepo: 6). A runner stage that installs with `--prod`
    keeps the finding."""
    if other:
        write(tmp_path, {"tools/site/Dockerfile": "FROM node:22\nWORKDIR /site\nCOPY package.json ./\nRUN npm ci --omit=dev\n"})
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "packageManager": "pnpm@10.12.1"},
        "pnpm-workspace.yaml": "packages:\n  - apps/*\n  - packages/*\n",
        "Dockerfile": ("FROM node:22-slim AS installer\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile\n"
                       "RUN pnpm turbo run build --filter=@repo/api\n\nFROM node:22-slim AS runner\nWORKDIR /app\n"
                       + runner + "CMD [\"node\", \"apps/api/dist/main.js\"]\n"),
        "apps/api/package.json": {"name": "@repo/api", "version": "0.0.1", "private": True,
                                  "scripts": {"build": "nest build", "start:prod": "node dist/main"},
                                  "dependencies": {"@nestjs/common": "^11.1.0"},
                                  "devDependencies": {"@repo/types": "workspace:*"}},
        "apps/api/src/main.ts": "import { TrackingMode } from '@repo/types';\nconsole.log(TrackingMode.Pooled);\n",
        "packages/types/package.json": {"name": "@repo/types", "version": "1.0.0", "private": True, "main": "./src/index.ts"},
        "packages/types/src/index.ts": "export enum TrackingMode { Pooled = 'POOLED' }\n",
    })
    found = [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == (["@repo/types"] if reported else [])


@pytest.mark.parametrize("manifest, reported", [
    ({}, False),
    ({"private": True}, False),
    ({"main": "dist/main.js"}, False),
    ({"main": "dist/main.js", "publishConfig": {"access": "public"}}, True),
    ({"files": ["dist"], "scripts": {"build": "nest build", "prod": "node dist/main", "release": "npm publish"}}, True),
])
def test_a_service_that_offers_nothing_to_import_is_not_published_whatever_its_version(tmp_path, manifest, reported):
    """A service with a `version` and no `private` whose only image installs devDependencies and copies
    them into the runtime stage (a real KYC platform's workflow service: 174 DEP002 claiming a
    production install that never happens): no `main`, `exports`, `files` or `bin` means nothing a
    registry install could hand an application, so it is deployed like a private one; so does an
    entry field in a repository that shows no way to publish. An entry field beside a sign of a
    publish (`publishConfig`, a release script) keeps it a package others may install, whose install
    leaves devDependencies out."""
    root = write(tmp_path, {
        "package.json": {"name": "@acme/payments-service", "version": "0.7.58",
                         "scripts": {"build": "nest build", "prod": "node dist/main"},
                         "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0"},
                         "devDependencies": {"@nestjs/swagger": "^7.4.0", "typescript": "^5.4.0"}, **manifest},
        "Dockerfile": ("FROM node:20-slim AS build\nWORKDIR /app\nCOPY ./package.json .\nRUN npm install\nCOPY . .\n"
                       "RUN npm run build\n\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\n"
                       "COPY --from=build /app/dist ./dist\nCMD [\"npm\", \"run\", \"prod\"]\n"),
        "tsconfig.json": {"compilerOptions": {"outDir": "./dist"}},
        "src/main.ts": ("import { NestFactory } from '@nestjs/core';\nimport { SwaggerModule } from '@nestjs/swagger';\n"
                        "void NestFactory.create({} as never).then((app) => SwaggerModule.setup('docs', app, {} as never));\n"),
    })
    found = [d.extra["package"] for d in pipeline.lint([str(root)], Settings(select=["DEP002"]), use_cache=False).diagnostics]
    assert found == (["@nestjs/swagger"] if reported else [])


@pytest.mark.parametrize("writes", [
    "printf '%s' '{\"name\":\"rt\",\"private\":true,\"dependencies\":{\"ioredis\":\"^5.4.1\"}}' > package.json",
    "node -e \"require('fs').writeFileSync('package.json', JSON.stringify({dependencies: {}}))\"",
    "echo '{\"dependencies\":{}}' | tee ./package.json",
])
def test_an_image_that_writes_the_manifest_it_installs_installs_no_package_of_the_repository(tmp_path, writes):
    """A migrations image writes its own runtime package.json (`printf '{...}' > package.json`, a
    Node one-liner merging manifests) and installs that: no package of the repository is installed
    on its own there, so it does not keep DEP005 on while the other images install the root (a
    platform's migrations image: 56 DEP005 saying its Docker build breaks). Copying the member's own
    manifest instead still counts as a per-service install."""
    written = f"FROM node:20\nWORKDIR /app\nRUN {writes} && npm install --omit=dev\nCOPY apps/api/src ./src\n"
    root = _repo(tmp_path, {"Dockerfile": ROOT_COPY, "apps/api/Dockerfile": written})
    assert _root_install(root) is not None
    assert [d.code for d in pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics] == []
    write(root, {"apps/api/Dockerfile": PER_SERVICE["member manifest alone"]})
    assert _root_install(root) is None


def test_a_library_a_pm2_started_service_loads_runs_in_the_root_install(tmp_path):
    """The root pm2 file starts `apps/server` from the checkout, and the server loads the workspace's
    `@shop/config`: the library runs in the same root install, so its root-only import breaks nothing
    (a real blog platform: 2 DEP005), as the server's own does. A library no started package depends
    on keeps the finding."""
    def dep005(root: Path) -> list[str]:
        return [d.path.split("apps/")[1] for d in pipeline.lint([str(root)], Settings(select=["DEP005"]),
                                                                 use_cache=False).diagnostics]

    def repo(name: str, dependency: dict) -> Path:
        return write(tmp_path / name, {
            "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"], "dependencies": {"fs-extra": "^10.0.0"}},
            "package-lock.json": {"name": "shop", "lockfileVersion": 3, "packages": {"": {"name": "shop"}}},
            "ecosystem.config.js": "module.exports = { apps: [{ name: 'server', script: 'apps/server/dist/main.js' }] };\n",
            "apps/config/package.json": {"name": "@shop/config", "private": True, "main": "lib/index.js"},
            "apps/config/src/index.ts": "import * as fs from 'fs-extra';\nexport const read = () => fs.readFileSync('x');\n",
            "apps/server/package.json": {"name": "@shop/server", "private": True, "scripts": {"start": "node dist/main.js"},
                                         "dependencies": dependency},
            "apps/server/src/main.ts": "import * as fs from 'fs-extra';\nexport const x = fs.existsSync('y');\n",
        })

    assert dep005(repo("loaded", {"@shop/config": "*"})) == []
    assert dep005(repo("apart", {})) == ["config/src/index.ts"]


def test_a_publishable_library_of_a_root_installing_image_breaks_only_a_publish(tmp_path):
    """The images install the root, so a library without `"private"` that only the root's
    dependencies serve breaks only when published: the message names that alone, not a Docker build
    the repository's own image shows is fine (a real wiki platform)."""
    root = _repo(tmp_path, {"Dockerfile": ROOT_COPY})
    write(root, {"apps/api/package.json": {"name": "@shop/api", "version": "1.0.0", "main": "dist/index.js"}})
    (found,) = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert "but breaks a publish of apps/api (if it is never published, mark it private);" in found.message, found.message


@pytest.mark.parametrize("marker, reported", [
    ({"package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"], "dependencies": {"ioredis": "^5.4.1"},
                       "scripts": {"heroku-postbuild": "yarn install && cd apps/api && yarn build",
                                   "start": "cd apps/api && yarn start"}}}, False),
    ({"Procfile": "web: npm start\n",
      "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"], "dependencies": {"ioredis": "^5.4.1"},
                       "scripts": {"start": "cd apps/api && yarn start"}}}, False),
    ({"package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"], "dependencies": {"ioredis": "^5.4.1"},
                       "scripts": {"start": "cd apps/api && yarn start"}}}, True),
])
def test_a_platform_that_runs_the_roots_start_script_deploys_the_root_install(tmp_path, marker, reported):
    """Heroku installs the repository at its root and runs the root's `start`, which starts
    `apps/api` from the checkout (`cd apps/api && yarn start`): the service runs in the root's
    install, whose dependencies it finds walking up (4 DEP005 on a real gate-control app). The
    platform is named by `heroku-postbuild` or a Procfile; a root `start` alone may be a developer's
    shortcut: reported as before."""
    root = _repo(tmp_path, marker)
    write(root, {"apps/api/package.json": {"name": "@shop/api", "private": True, "scripts": {"start": "node dist/main.js"}}})
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert len(found) == (1 if reported else 0)


@pytest.mark.parametrize("npmrc, dockerfile, reported", [
    ("public-hoist-pattern[]=*base-service*\n", "COPY package.json pnpm-workspace.yaml pnpm-lock.yaml .npmrc ./\n"
     "COPY api ./api\nCOPY shared ./shared\nRUN pnpm install\nRUN pnpm --filter api build\n", False),
    ("public-hoist-pattern[]=*\n", "COPY package.json pnpm-workspace.yaml pnpm-lock.yaml .npmrc ./\n"
     "COPY api ./api\nCOPY shared ./shared\nRUN pnpm install\n", True),
    ("public-hoist-pattern[]=*base-service*\n", None, True)])
def test_a_package_a_public_hoist_pattern_names_is_at_the_root_of_the_images_install(tmp_path, npmrc, dockerfile, reported):
    """The root `.npmrc` names `*base-service*` in pnpm's `public-hoist-pattern`, and the image copies
    it and installs the workspace root: every install, the production one included, puts the package
    in the root node_modules, a choice as deliberate as a declaration (a real API: 2 DEP001 for a
    package its shared library declares). The blanket `*`, or no image that installs the root,
    keeps the finding."""
    lock = ("lockfileVersion: '9.0'\nimporters:\n  shared:\n    dependencies:\n      nestjs-base-service:\n"
            "        specifier: 0.11.1\n        version: 0.11.1\npackages:\n  nestjs-base-service@0.11.1:\n"
            "    resolution: {integrity: sha512-x}\n")
    files = {"package.json": {"name": "mono", "private": True}, "pnpm-lock.yaml": lock, ".npmrc": npmrc,
        "pnpm-workspace.yaml": "packages:\n  - api\n  - shared\n",
        "api/package.json": {"name": "api", "private": True, "scripts": {"start:prod": "node dist/main.js"},
                             "dependencies": {"shared": "workspace:*"}},
        "api/src/main.ts": "import { BaseService } from 'nestjs-base-service';\n\nexport class Users extends BaseService {}\n",
        "shared/package.json": {"name": "shared", "private": True, "dependencies": {"nestjs-base-service": "0.11.1"}},
        "shared/index.ts": "export const shared = 1;\n",
    }
    if dockerfile is not None:
        files["api/Dockerfile"] = "FROM node:22-alpine\nWORKDIR /app\n" + dockerfile + 'CMD ["node", "api/dist/main.js"]\n'
    root = write(tmp_path, files)
    found = [d.code for d in pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics]
    assert found == (["DEP001"] if reported else []), found


@pytest.mark.parametrize("run, reported", [
    ("pnpm install --filter @shop/api --prod --frozen-lockfile", False),
    ("pnpm i --filter=api... --prod", False),
    ("pnpm deploy --filter=@shop/api --prod /out", True),
])
def test_a_filtered_pnpm_install_installs_the_workspace_root_too(tmp_path, run, reported):
    """`pnpm install --filter api --prod` in an image holding the root package.json: pnpm (since 7.22)
    installs the workspace root beside the projects a filter selects, and the service finds the root's
    dependencies walking up (an AI resume app's backend: 13 DEP005 on `zod`, which its root lists).
    `pnpm deploy` copies the package out alone: what only the root declares is missing."""
    docker = ("FROM node:20\nRUN npm install -g pnpm@9.15.4\nWORKDIR /app\n"
              "COPY ./package.json ./pnpm-lock.yaml ./pnpm-workspace.yaml ./\nCOPY ./apps/api/package.json ./apps/api/\n"
              f"RUN {run}\nCOPY ./apps/api ./apps/api\nCMD [\"node\", \"apps/api/dist/main.js\"]\n")
    root = _repo(tmp_path, {"pnpm-lock.yaml": "lockfileVersion: '9.0'\n", "pnpm-workspace.yaml": "packages:\n  - apps/*\n",
                            "docker/api.Dockerfile": docker})
    (root / "package-lock.json").unlink()
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in found] == (["ioredis"] if reported else [])


@pytest.mark.parametrize("run, reported", [
    ("yarn workspace @shop/api install --frozen-lockfile --production", False),
    ("yarn api install --production", False),  # the root's `api` script is `yarn workspace @shop/api`
    ("yarn workspaces focus --production @shop/api", True),
])
def test_a_yarn_install_run_from_a_workspace_installs_the_whole_project(tmp_path, run, reported):
    """`yarn workspace @shop/api install`, or the root's alias for it (`yarn api install`): yarn installs
    the whole project, the root's dependencies with it, from any workspace (a DAO tool's API image: 13
    DEP005 on `ethers`, which the root lists). Focusing the workspace installs it alone."""
    docker = ("FROM node:16-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nCOPY apps/api/package.json apps/api/\n"
              f"RUN {run}\nCOPY apps/api/dist apps/api/dist\nCMD [\"node\", \"apps/api/dist/main.js\"]\n")
    root = _repo(tmp_path, {"yarn.lock": "# yarn lockfile v1\n", "apps/api/Dockerfile": docker})
    (root / "package-lock.json").unlink()
    write(root, {"package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"],
                                  "scripts": {"api": "yarn workspace @shop/api"}, "dependencies": {"ioredis": "^5.4.1"}}})
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in found] == (["ioredis"] if reported else [])


@pytest.mark.parametrize("lockfile, reported", [("package-lock.json", False), ("yarn.lock", True)])
def test_a_root_package_an_install_of_the_service_adds_as_a_peer_breaks_nothing(tmp_path, lockfile, reported):
    """`rxjs` declared only at the root, imported by a Nest service that declares `@nestjs/common`,
    which requires it as a peer: npm 7+ installs the peer in an install of the service on its own, so
    nothing breaks there (an e-commerce API's DEP005 said it would); the finding says the version is
    the peer range's pick. Yarn 1 never installs peers: it breaks."""
    files = {
        "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*"], "dependencies": {"rxjs": "^7.8.1"}},
        "apps/api/package.json": {"name": "api", "private": True, "scripts": {"start:prod": "node dist/main.js"},
                                  "dependencies": {"@nestjs/common": "^10.0.0"}},
        "apps/api/src/main.ts": "import { of } from 'rxjs';\n\nexport const x = of(1);\n",
    }
    if lockfile == "package-lock.json":
        files[lockfile] = {"name": "shop", "lockfileVersion": 3, "packages": {
            "": {"name": "shop", "workspaces": ["apps/*"], "dependencies": {"rxjs": "^7.8.1"}},
            "apps/api": {"name": "api", "dependencies": {"@nestjs/common": "^10.0.0"}},
            "node_modules/api": {"resolved": "apps/api", "link": True},
            "node_modules/@nestjs/common": {"version": "10.4.15", "peerDependencies": {"rxjs": "^7.1.0"}},
            "node_modules/rxjs": {"version": "7.8.1"}}}
    else:
        files[lockfile] = ('# yarn lockfile v1\n\n\n"@nestjs/common@^10.0.0":\n  version "10.4.15"\n\n'
                           'rxjs@^7.8.1:\n  version "7.8.1"\n')
    (d,) = pipeline.lint([str(write(tmp_path, files))], Settings(select=["DEP005"]), use_cache=False).diagnostics
    said = 'gets it only as the peer its package manager adds for "@nestjs/common"'
    assert (said in d.message) is not reported and ("breaks a per-service" in d.message) is reported, d.message


@pytest.mark.parametrize("lock_version, peer_wording", [(3, True), (1, False)])
def test_a_service_with_its_own_lockfile_gets_the_roots_peer_from_its_install(tmp_path, lock_version, peer_wording):
    """The same service as a project of its own (its own package-lock.json, which CI installs with `npm
    ci` there): npm 7+ installs `rxjs` as `@nestjs/common`'s peer, so its install does not leave it out
    (a marketplace's backend: 2 DEP005 saying it would); the message says it comes as the peer. A
    lockfile of npm 6, which installs no peers, keeps "leaves it out"."""
    lock = {"name": "api", "lockfileVersion": lock_version, "requires": True}
    if lock_version == 3:
        lock["packages"] = {"": {"name": "api", "dependencies": {"@nestjs/common": "^10.4.0"}},
                            "node_modules/@nestjs/common": {"version": "10.4.17", "peerDependencies": {"rxjs": "^7.1.0"}},
                            "node_modules/rxjs": {"version": "7.8.1"}}
    else:
        lock["dependencies"] = {"@nestjs/common": {"version": "10.4.17"}, "rxjs": {"version": "7.8.1"}}
    root = write(tmp_path, {
        "package.json": {"name": "shop", "private": True, "workspaces": ["api"], "dependencies": {"rxjs": "^7.8.1"}},
        "api/package.json": {"name": "api", "private": True, "scripts": {"start": "node dist/main.js"},
                             "dependencies": {"@nestjs/common": "^10.4.0"}},
        "api/package-lock.json": lock,
        "api/src/main.ts": "import { of } from 'rxjs';\n\nexport const x = of(1);\n",
    })
    (d,) = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    said = 'gets it only as the peer its package manager adds for "@nestjs/common"'
    assert (said in d.message) is peer_wording and ("leaves it out" in d.message) is not peer_wording, d.message


@pytest.mark.parametrize("member_deps, own_project", [({"@x/logger": "workspace:*", "bcrypt": "^5.1.1"}, False),
                                                      ({"bcrypt": "^5.1.1"}, True)])
def test_an_npm_lockfile_left_in_a_pnpm_member_using_workspace_specs_makes_no_project(tmp_path, member_deps, own_project):
    """A member of a pnpm workspace that declares `"@x/logger": "workspace:*"` keeps a leftover
    package-lock.json: npm cannot install `workspace:` specs, so it is no project of its own, and the
    root's `dotenv` is a root-only dependency of a workspace member, not of "a project of its own" (a gRPC
    starter: 19 DEP005 saying so). Without such a spec the lockfile may be an install of its own."""
    root = write(tmp_path, {
        "package.json": {"name": "root", "private": True, "dependencies": {"dotenv": "^16.4.5"}},
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "pnpm-lock.yaml": "lockfileVersion: '6.0'\n",
        "packages/logger/package.json": {"name": "@x/logger", "version": "1.0.0", "main": "src/index.ts"},
        "packages/logger/src/index.ts": "export const log = console.log;\n",
        "packages/common/package.json": {"name": "@x/common", "version": "1.0.0", "main": "dist/index.js",
                                         "dependencies": member_deps},
        "packages/common/package-lock.json": {"name": "@x/common", "lockfileVersion": 3, "packages": {
            "": {"name": "@x/common", "dependencies": {"bcrypt": "^5.1.1"}}}},
        "packages/common/src/index.ts": "import 'dotenv/config';\nimport bcrypt from 'bcrypt';\n\nexport const h = bcrypt;\n",
    })
    found = pipeline.lint([str(root)], Settings(select=["DEP005"]), use_cache=False).diagnostics
    assert found and all(("a project of its own" in d.message) is own_project for d in found), [d.message for d in found]
