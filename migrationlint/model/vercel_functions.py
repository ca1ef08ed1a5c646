"""The serverless functions Vercel deploys from a package: with a `vercel.json` beside its
package.json, every source file under `api/` (Vercel's zero-configuration functions; a name starting
with `_` is no function), the files its `functions` keys name (`"api/index.ts": { "maxDuration": 30 }`,
globs too) and its legacy `builds` sources run by the Node builder (`{ "src": "api/index.ts", "use":
"@vercel/node" }`; `@vercel/static` serves files, `@vercel/next` builds an app). Each is an entry point:
Vercel loads it in production, whatever the package's tsconfig includes. A test, test support or tool
config that a catch-all glob also matches (`"src": "src/**/*.ts"` over `app.controller.spec.ts`) is no
function: nobody calls a spec over HTTP, and its runner's imports are the tests'.
"""

from __future__ import annotations

import glob
import os

from migrationlint.model.dev_files import dev_reason
from migrationlint.model.docker_commands import dockerfile_names
from migrationlint.model.nx_projects import json_object

ORIGIN = "a Vercel function (vercel.json)"
_SOURCES = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".tsx", ".jsx")
_MAX_FILES = 2000
_NODE_BUILDERS = ("@vercel/node", "@now/node")  # the builders that deploy a file as a function (`@vercel/node@3`)


def vercel_functions(directory: str) -> list[str]:
    """The function files of the package in `directory` (absolute paths), or [] without a vercel.json."""
    path = os.path.join(directory, "vercel.json")
    config = json_object(path) if os.path.isfile(path) else None
    if config is None:
        return []
    patterns = [k for k in config.get("functions", {}) if isinstance(k, str)] \
        if isinstance(config.get("functions"), dict) else []
    builds = config.get("builds")
    patterns += [b["src"] for b in builds if isinstance(b, dict) and isinstance(b.get("src"), str)
                 and _node_builder(b.get("use"))] \
        if isinstance(builds, list) else []
    if not isinstance(builds, list):  # zero configuration: `api/` holds the functions
        patterns.append("api/**/*")
    found: list[str] = []
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(glob.escape(directory), pattern), recursive=True))[:_MAX_FILES]:
            rel = os.path.relpath(path, directory).replace(os.sep, "/")
            if path.endswith(_SOURCES) and not path.endswith((".d.ts", ".d.mts", ".d.cts")) and os.path.isfile(path) \
                    and not any(part.startswith("_") for part in rel.split("/")) and "node_modules" not in rel.split("/") \
                    and dev_reason(rel) is None:
                found.append(os.path.normpath(path))
    return list(dict.fromkeys(found))


def _node_builder(use: object) -> bool:
    """Whether a `builds` entry's `use` names the Node builder, with or without a version (`@vercel/node@3`)."""
    if not isinstance(use, str):
        return False
    name = "@" + use[1:].split("@", 1)[0] if use.startswith("@") else use.split("@", 1)[0]
    return name in _NODE_BUILDERS


def vercel_bundle(directory: str) -> str | None:
    """Why the package in `directory` ships as Vercel functions, which hold what they import, or None:
    Vercel's build installs devDependencies too (unless told otherwise) and traces each function's
    imports into it, so nothing installs the package for production. Not beside a Dockerfile, which
    deploys the package some other way as well."""
    if not vercel_functions(directory) or dockerfile_names(directory):
        return None
    return "Vercel functions (vercel.json): Vercel's build installs devDependencies and packs what each function imports"
