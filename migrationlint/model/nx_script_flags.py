"""An Nx build option given on the command line of a package.json script.

`nx build api --generatePackageJson` in the workspace root's scripts writes the app's deployed
package.json from the root's dependencies exactly as `"generatePackageJson": true` in the
target's options does (Nx merges command-line flags over the options). nx_projects reads the
options; this reads the scripts of the workspace root and of the project's own package.json.
"""

from __future__ import annotations

import os

from migrationlint.model.nx_projects import json_object, nx_workspace_root
from migrationlint.model.script_commands import shell_commands

_FLAGS = frozenset({"--generatePackageJson", "--generate-package-json", "--generatePackageJson=true",
                    "--generate-package-json=true"})
_RUNNERS = frozenset({"run-many", "affected", "graph", "g", "generate", "migrate", "reset", "daemon"})


def generated_by_script(directory: str) -> str | None:
    """Why a script runs the Nx project in `directory` with `--generatePackageJson`, or None."""
    root = nx_workspace_root(directory)
    if root is None:
        return None
    names = _project_names(directory, root)
    for manifest_dir in dict.fromkeys((root, directory)):
        for name, script in _scripts(manifest_dir).items():
            for words in shell_commands(script):
                project = _nx_project(words)
                if project in names and _FLAGS.intersection(words):
                    where = os.path.relpath(os.path.join(manifest_dir, "package.json"), root).replace(os.sep, "/")
                    return f"its Nx build, run by the `{name}` script of {where} with --generatePackageJson, " \
                           "generates the package.json it deploys"
    return None


def _nx_project(words: list[str]) -> str | None:
    """The project an `nx` command runs a target of: `nx build api`, `nx run api:build:production`."""
    try:
        at = next(i for i, w in enumerate(words) if os.path.basename(w) == "nx")
    except StopIteration:
        return None
    rest = [w for w in words[at + 1:] if not w.startswith("-")]
    if len(rest) >= 2 and rest[0] not in _RUNNERS and rest[0] != "run":
        return rest[1]
    if len(rest) >= 2 and rest[0] == "run" and ":" in rest[1]:
        return rest[1].split(":", 1)[0]
    return None


def _project_names(directory: str, root: str) -> set[str]:
    """What the project in `directory` may be called: project.json's `name`, its key in
    workspace.json, its package.json's `name` (Nx's inferred project), its folder's name."""
    names = {os.path.basename(os.path.normpath(directory))}
    for path in (os.path.join(directory, "project.json"), os.path.join(directory, "package.json")):
        name = json_object(path).get("name")
        if isinstance(name, str):
            names.add(name)
    projects = json_object(os.path.join(root, "workspace.json")).get("projects")
    for key, value in projects.items() if isinstance(projects, dict) else ():
        folder = value if isinstance(value, str) else value.get("root") if isinstance(value, dict) else None
        if isinstance(folder, str) and os.path.normpath(os.path.join(root, folder)) == os.path.normpath(directory):
            names.add(key)
    return names


def _scripts(directory: str) -> dict[str, str]:
    scripts = json_object(os.path.join(directory, "package.json")).get("scripts")
    return {k: v for k, v in scripts.items() if isinstance(v, str)} if isinstance(scripts, dict) else {}
