"""A private package's developer CLI (model/dev_clis.py): an oclif command line whose launcher
loads a devDependency is development tooling, with the commands it discovers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dependencies.test_shipping import dep, write
from tests.helpers import cli


def _service(root: Path, private: bool = True, cli_framework_section: str = "devDependencies") -> Path:
    manifest = {"name": "todo-api", "version": "1.0.0", "type": "module", "module": "index.ts",
                "bin": {"devcli": "./bin/run.js"}, "scripts": {"start": "bun run index.ts"},
                "dependencies": {"graphql-yoga": "^5.15.1"}, "devDependencies": {"chalk": "^5.4.1"},
                "oclif": {"bin": "devcli", "commands": "./dist/commands"}}
    manifest[cli_framework_section]["@oclif/core"] = "^4.5.1"
    if private:
        manifest["private"] = True
    return write(root, {
        "package.json": manifest,
        "index.ts": "import { createYoga } from 'graphql-yoga';\nexport const yoga = createYoga({});\n",
        "bin/run.js": "#!/usr/bin/env node\nimport { execute } from '@oclif/core';\nawait execute({ dir: import.meta.url });\n",
        "src/commands/dev.ts": "import { Command } from '@oclif/core';\nimport { paint } from '../lib/paint';\n\n"
                               "export default class Dev extends Command {\n"
                               "  async run(): Promise<void> { this.log(paint('starting')); }\n}\n",
        "src/lib/paint.ts": "import chalk from 'chalk';\nexport const paint = (s: string) => chalk.blue(s);\n",
    })


def test_an_oclif_cli_whose_launcher_needs_a_dev_dependency_is_a_developer_tool(tmp_path):
    """A private service started by `bun run index.ts` that also carries an oclif CLI for its
    developers: `bin/run.js` loads `@oclif/core`, a devDependency, like every CLI library (a real
    GraphQL service: 52 DEP002 asking to move seven terminal libraries into `dependencies`). Its
    commands (`oclif.commands: ./dist/commands`, from `src/commands/`) and what only they import
    are development tools."""
    root = _service(tmp_path)
    assert dep(root) == []
    explained = cli("--explain-file", "src/commands/dev.ts", cwd=root).stdout.decode()
    assert "a command of the package's developer CLI" in explained and "bin/run.js loads @oclif/core" in explained
    helper = cli("--explain-file", "src/lib/paint.ts", cwd=root).stdout.decode()
    assert "dev only" in helper and "src/commands/dev.ts" in helper


def test_a_cli_its_production_install_can_start_still_ships(tmp_path):
    """With `@oclif/core` in `dependencies` the CLI runs in production, so a command importing a
    devDependency is reported; so is a published package's CLI whose launcher needs a
    devDependency (broken for its users)."""
    assert dep(_service(tmp_path / "runtime", cli_framework_section="dependencies")) == [
        ("DEP002", "src/lib/paint.ts", "chalk")]
    assert sorted(dep(_service(tmp_path / "published", private=False))) == [
        ("DEP002", "src/commands/dev.ts", "@oclif/core"), ("DEP002", "src/lib/paint.ts", "chalk")]


def test_a_package_started_only_through_a_dev_runner_has_no_production_install(tmp_path):
    """`"start": "ts-node --transpile-only src/index.ts"` with ts-node, and everything else, in
    devDependencies and no `dependencies` at all: the package cannot start from a production install,
    so every run has its devDependencies (an operator's tool in a real monorepo: 11 DEP002). With a
    `dependencies` section beside the dev-only runner (unless the package names nothing to load, npm init's
    `main` beside no such file included, has no Dockerfile and is not `"private": false`), or a start that runs built code, it is judged as usual."""
    manifest = {"name": "airdrop", "version": "1.0.0", "main": "dist/index.js",
                "scripts": {"start": "ts-node --transpile-only src/index.ts", "build": "tsc"},
                "devDependencies": {"ethers": "^5.7.0", "ts-node": "^10.9.1", "typescript": "^5.1.6"}}
    files = {"tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "module": "commonjs"}},
             "src/index.ts": "import { Wallet } from 'ethers';\nconsole.log(Wallet.createRandom().address);\n"}
    assert dep(write(tmp_path / "runner", {"package.json": manifest, **files})) == []
    preload = {**manifest, "scripts": {"start": "NODE_ENV=production node -r ts-node/register src/index.ts"}}
    assert dep(write(tmp_path / "preload", {"package.json": preload, **files})) == []
    joined = {**manifest, "scripts": {"start": "node --require=tsconfig-paths/register lib/main.js"},
              "devDependencies": {**manifest["devDependencies"], "tsconfig-paths": "^4.2.0"}}
    assert dep(write(tmp_path / "joined", {"package.json": joined, **files})) == []
    mixed = {**manifest, "dependencies": {"dotenv": "^16.0.0"}}
    assert dep(write(tmp_path / "mixed", {"package.json": mixed, **files})) == [("DEP002", "src/index.ts", "ethers")]
    built = {**manifest, "scripts": {"start": "node dist/index.js", "build": "tsc"}}
    assert dep(write(tmp_path / "built", {"package.json": built, **files})) == [("DEP002", "src/index.ts", "ethers")]
    # a private package naming nothing to load, with no Dockerfile: a local development server beside a
    # function deployed some other way (a real T3 API started by `tsx src/dev.ts`), dependencies or not
    local = {k: v for k, v in mixed.items() if k not in ("main", "version")} | {"private": True}
    assert dep(write(tmp_path / "local", {"package.json": local, **files})) == []
    imaged = write(tmp_path / "imaged", {"package.json": local, **files, "Dockerfile": "FROM node:22\nCMD [\"npm\", \"start\"]\n"})
    assert dep(imaged) == [("DEP002", "src/index.ts", "ethers")]
    # no `private` at all: the same (a file host's one-off migration tool with a stray `remove` dependency:
    # 4 DEP002); `"private": false` says it is published, and the usual judgement applies
    unmarked = {k: v for k, v in local.items() if k != "private"}
    assert dep(write(tmp_path / "unmarked", {"package.json": unmarked, **files})) == []
    published = {**unmarked, "private": False}
    assert dep(write(tmp_path / "published", {"package.json": published, **files})) == [("DEP002", "src/index.ts", "ethers")]
    # npm init's `"main": "index.js"` beside no such file names nothing either (a database example's script
    # started by `ts-node ./src/script.ts`: 1 DEP002); a `main` that is there is an entry, judged as usual
    leftover = {**unmarked, "main": "index.js", "scripts": {"start": "ts-node ./src/index.ts"}}
    assert dep(write(tmp_path / "leftover", {"package.json": leftover, **files})) == []
    present = write(tmp_path / "present", {"package.json": leftover, **files, "index.js": "module.exports = {};\n"})
    assert dep(present) == [("DEP002", "src/index.ts", "ethers")]


def test_a_start_script_that_runs_another_script_is_judged_by_that_scripts_runner(tmp_path):
    """`"start:prod": "bun run run:prod src/main.ts"`, where `run:prod` is a script (`tsx`): bun runs
    the script, with the file appended, so tsx (a devDependency) runs the file and the package still
    starts only from a full install. `bun run src/main.ts` runs the file itself."""
    files = {"tsconfig.json": {"compilerOptions": {"module": "commonjs"}},
             "src/main.ts": "import { config } from 'dotenv';\nconfig();\n"}
    scripts = {"start": "tsx src/main.ts", "start:prod": "bun run run:prod src/main.ts", "run:prod": "tsx"}
    manifest = {"name": "@acme/scripts", "private": True, "scripts": scripts,
                "devDependencies": {"tsx": "^4.19.1", "dotenv": "^16.4.5"}}
    assert dep(write(tmp_path / "script", {"package.json": manifest, **files})) == []
    direct = {**manifest, "scripts": {**scripts, "start:prod": "bun run src/main.ts"}}
    assert dep(write(tmp_path / "file", {"package.json": direct, **files})) == [("DEP002", "src/main.ts", "dotenv")]


def test_a_workspace_cli_started_through_the_roots_dev_runner_has_no_production_install(tmp_path):
    """`packages/cli` with `"start": "tsx src/index.ts"`, only devDependencies, and tsx kept once in the
    workspace root's devDependencies (an infrastructure team's CLI: 5 DEP002 saying the service
    fails): it starts only from the workspace's full install, `dependencies` beside it or not (it names
    nothing to load). One that says `"private": false`, or a root that keeps no such runner, is judged as usual."""
    def repo(name: str, tool_manifest: dict, root_dev: dict) -> Path:
        return write(tmp_path / name, {
            "package.json": {"name": "catalogue", "private": True, "workspaces": ["packages/*"], "devDependencies": root_dev},
            "packages/cli/package.json": tool_manifest,
            "packages/cli/src/index.ts": "import yargs from 'yargs';\nconsole.log(yargs().argv);\n",
        })

    tool = {"name": "cli", "version": "0.0.0", "type": "module", "scripts": {"start": "tsx src/index.ts"},
           "devDependencies": {"yargs": "^18.0.0"}}
    assert dep(repo("root-runner", tool, {"tsx": "4.23.0"})) == []
    assert dep(repo("no-runner", tool, {"typescript": "^5.9.3"})) == [("DEP002", "packages/cli/src/index.ts", "yargs")]
    mixed = {**tool, "dependencies": {"chalk": "^5.0.0"}}  # names nothing to load: still started from the checkout
    assert dep(repo("mixed", mixed, {"tsx": "4.23.0"})) == []
    published = {**mixed, "private": False}  # said to be published: judged as usual
    assert dep(repo("published", published, {"tsx": "4.23.0"})) == [("DEP002", "packages/cli/src/index.ts", "yargs")]



def test_a_command_whose_usage_line_names_a_runner_script_is_run_by_hand(tmp_path):
    """`api/bin/create_user.ts` opens with `Usage: npm run exec ./bin/create_user.ts -- --email=b`,
    where `"exec": "ts-node --files"` is a runner handed the file when called: an operator's command,
    run from a checkout (a charity platform's API: 10 DEP002 for the minimist its CLIs parse
    arguments with). A usage line naming a script that is no bare runner, or another file, decides nothing."""
    def repo(name: str, usage: str, exec_script: str = "ts-node --files") -> Path:
        return write(tmp_path / name, {
            "package.json": {"name": "api", "version": "1.0.0", "private": True,
                             "scripts": {"build": "tsc", "start": "node ./build/src/index.js", "exec": exec_script},
                             "devDependencies": {"minimist": "^1.2.0"}},
            "tsconfig.json": {"compilerOptions": {"module": "commonjs", "outDir": "build"}},
            "src/index.ts": "import * as http from 'http';\nhttp.createServer((_, res) => res.end('ok')).listen(3000);\n",
            "bin/create_user.ts": f"/*\n * {usage}\n */\nimport * as parse from 'minimist';\n"
                                  "console.log(parse(process.argv.slice(2)).email);\n",
        })

    assert dep(repo("usage", "Usage: npm run exec ./bin/create_user.ts -- --email=b")) == []
    assert dep(repo("other-file", "Usage: npm run exec ./bin/other.ts")) == [("DEP002", "bin/create_user.ts", "minimist")]
    assert dep(repo("build-script", "Usage: npm run exec ./bin/create_user.ts", "tsc -p . && node build/x.js")) == [
        ("DEP002", "bin/create_user.ts", "minimist")]


@pytest.mark.parametrize("rc, script, reported", [
    ("module.exports = { config: path.resolve('dist', 'config', 'db.config.js') };\n", "sequelize-cli db:migrate", False),
    ("module.exports = { config: path.resolve('src/config/db.config.ts') };\n", "npx sequelize db:migrate", False),
    ("module.exports = { 'migrations-path': path.resolve('dist/migrations') };\n", "sequelize-cli db:migrate", True),
    ("module.exports = { config: path.resolve('dist', 'config', 'db.config.js') };\n", "node scripts/migrate.js", True),
])
def test_the_config_a_sequelizerc_names_is_the_clis_input(tmp_path, rc, script, reported):
    """`.sequelizerc` names `path.resolve('dist', 'config', 'db.config.js')`, the build of
    `src/config/db.config.ts`, which registers ts-node: only `sequelize-cli db:migrate` loads it, not the
    published server (an EV-charging platform: DEP002 asking to move ts-node into dependencies). An rc
    naming no config, or no script running the CLI, leaves the file counted as shipping."""
    files = {
        "package.json": {"name": "@acme/server", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"],
                         "scripts": {"build": "tsc", "migrate": script}, "dependencies": {"sequelize": "6.37.7"},
                         "devDependencies": {"sequelize-cli": "6.6.2", "ts-node": "10.9.1", "typescript": "5.8.2"}},
        ".sequelizerc": "const path = require('path');\n" + rc,
        "tsconfig.json": {"compilerOptions": {"outDir": "dist", "rootDir": "src", "module": "commonjs"}, "include": ["src"]},
        "src/index.ts": "import { Sequelize } from 'sequelize';\n\nexport const db = new Sequelize('sqlite::memory:');\n",
        "src/config/db.config.ts": "import 'ts-node/register';\n\nmodule.exports = { development: { dialect: 'sqlite' } };\n",
    }
    assert bool(dep(write(tmp_path, files), select=("DEP002",))) is reported
