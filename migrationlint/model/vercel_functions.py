"""The serverless functions Vercel deploys from a package: with a `vercel.json` beside its
package.json, every source file under `api/` (Vercel's zero-configuration functions; a name starting
with `_` is no function), the files its `functions` keys name (`"api/index.ts": { "maxDuration": 30 }`,
globs too) and its legacy `builds` sources (`{ "src": "api/index.ts", "use": "@vercel/node" }`). Each is an
entry point: Vercel loads it in production, whatever the package's tsconfig includes.
"""

from __future__ import annotations

import glob
import os

from migrationlint.model.nx_projects import json_object

ORIGIN = "a Vercel function (vercel.json)"
_SOURCES = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".tsx", ".jsx")
_MAX_FILES = 2000


def vercel_functions(directory: str) -> list[str]:
    """The function files of the package in `directory` (absolute paths), or [] without a vercel.json."""
    path = os.path.join(directory, "vercel.json")
    config = json_object(path) if os.path.isfile(path) else None
    if config is None:
        return []
    patterns = [k for k in config.get("functions", {}) if isinstance(k, str)] \
        if isinstance(config.get("functions"), dict) else []
    builds = config.get("builds")
    patterns += [b["src"] for b in builds if isinstance(b, dict) and isinstance(b.get("src"), str)] \
        if isinstance(builds, list) else []
    if not isinstance(builds, list):  # zero configuration: `api/` holds the functions
        patterns.append("api/**/*")
    found: list[str] = []
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(glob.escape(directory), pattern), recursive=True))[:_MAX_FILES]:
            rel = os.path.relpath(path, directory).replace(os.sep, "/")
            if path.endswith(_SOURCES) and not path.endswith((".d.ts", ".d.mts", ".d.cts")) and os.path.isfile(path) \
                    and not any(part.startswith("_") for part in rel.split("/")) and "node_modules" not in rel.split("/"):
                found.append(os.path.normpath(path))
    return list(dict.fromkeys(found))


