"""Named tsconfigs that nothing runs.

A `tsconfig.test.json` beside a service's tsconfig.json may include the folders the build config
leaves out (`tests/**/*.ts`), so it is the config import resolution reads for them. Whether it is
also a program that something type-checks is another question: tsc compiles a named config only
when told to (`tsc -p tsconfig.test.json`, ts-jest's `tsconfig` option, a `references` entry, an
`extends`), and editors read `tsconfig.json` alone. A named config whose file name no script, tool
config, tsconfig, image, shell script or CI workflow around it mentions is read by nothing: the
files only it covers are compiled by nothing either (tests archived out of the runner's reach).
"""

from __future__ import annotations

import os

from migrationlint.model.project import Memo, Project
from migrationlint.model.publish_paths import WORKFLOWS

# the files of a folder that may name a tsconfig to compile (all in the run cache's context)
_NAMING_PREFIXES = ("tsconfig", "jsconfig", "jest.config", "vitest.config", "vite.config", "webpack.config",
                    "rspack.config", "rsbuild.config", "rollup.config", "tsup.config", "tsdown.config", "next.config",
                    "nuxt.config", "Dockerfile", "docker-compose", "compose.")
# read by its tool without being named: the Nest CLI compiles `tsconfig.build.json` beside its nest-cli.json
_READ_BY_DEFAULT = (("tsconfig.build.json", "nest-cli.json"),)
_NAMING_FILES = ("package.json", "nest-cli.json", "project.json", "angular.json", "nx.json")


def unreferenced_named_config(project: Project, config_path: str) -> bool:
    """Whether `config_path` is a `tsconfig.<name>.json` that nothing around it names (once per config)."""
    name = os.path.basename(config_path)
    if not name.startswith("tsconfig.") or name == "tsconfig.json":
        return False
    folder = os.path.dirname(config_path)
    if any(name == config and os.path.isfile(os.path.join(folder, tool)) for config, tool in _READ_BY_DEFAULT):
        return False
    memo = _UNREFERENCED(project)
    if config_path not in memo:
        memo[config_path] = not any(project.mentions(p, name.encode("utf-8")) for p in _naming_files(project, config_path))
    return memo[config_path]


def _naming_files(project: Project, config_path: str) -> list[str]:
    """The files that could name the config: the naming files of its folder and of every folder up to
    the workspace root (other than itself), and the root's CI workflows."""
    root = project.workspace.root
    found, folder = [], os.path.dirname(config_path)
    while True:
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        found += [os.path.join(folder, n) for n in names if (n in _NAMING_FILES or n.startswith(_NAMING_PREFIXES)
                                                            or n.endswith(".sh")) and os.path.join(folder, n) != config_path]
        if folder == root or not folder.startswith(root) or os.path.dirname(folder) == folder:
            break
        folder = os.path.dirname(folder)
    workflows = os.path.join(root, WORKFLOWS)
    if os.path.isdir(workflows):
        found += [os.path.join(workflows, n) for n in os.listdir(workflows) if n.endswith((".yml", ".yaml"))]
    return found


_UNREFERENCED: Memo[dict[str, bool]] = Memo("named tsconfigs nothing names", lambda project: {})


_RUNNER_CONFIGS = ("jest.config", "jest.preset", "vitest.config")


def named_by_runners_only(project: Project, config_path: str) -> bool:
    """Whether a `tsconfig.<name>.json` is named only by test runners' configs (ts-jest's `tsconfig`
    option in `jest.config.base.cjs`): a program the runner compiles for the files it selects, no
    build of every file it includes (a test folder switched off by the runner's `testMatch`)."""
    name = os.path.basename(config_path)
    if not name.startswith("tsconfig.") or name == "tsconfig.json":
        return False
    memo = _RUNNERS_ONLY(project)
    if config_path not in memo:
        naming = [p for p in _naming_files(project, config_path) if project.mentions(p, name.encode("utf-8"))]
        memo[config_path] = bool(naming) and all(os.path.basename(p).startswith(_RUNNER_CONFIGS) for p in naming)
    return memo[config_path]


_RUNNERS_ONLY: Memo[dict[str, bool]] = Memo("named tsconfigs only test runners name", lambda project: {})
