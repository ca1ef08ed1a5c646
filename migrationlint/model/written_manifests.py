"""Packages whose published manifest is one their build writes, not the package.json beside the source.

A library may publish its build folder with a manifest its build config writes there
(`fs.writeJsonSync(resolve(buildPath, "package.json"), { name, version, main, peerDependencies: {...} })`
in rollup.config.mjs), keeping only development packages in the source package.json. What an install
from the registry holds is then that written manifest's, which is not read here: DEP002's premise (the
published manifest keeps the package in devDependencies) cannot be judged, so it says nothing. A
config that copies package.json as it is (`cp package.json dist`) writes no manifest of its own.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.project import Project, per_key
from migrationlint.model.workspace import Manifest

# the bundler configs at a package's top (context files of the run: run_cache)
_BUILD_FILE = re.compile(r"^(?:rollup|vite|webpack|tsup|esbuild)\.config\.[cm]?[jt]s$")
# a write of a package.json (within a few lines of the call), and a manifest object's dependency keys
_WRITES_MANIFEST = re.compile(rb"(?:writeJson|outputJson|writeFile)(?:Sync)?\s*\([^;]{0,200}?package\.json", re.S)
_DEPENDENCY_KEY = re.compile(rb"""["']?(?:peerDependencies|dependencies)["']?\s*:""")
_MAX_BYTES = 256 * 1024
_WRITERS = per_key("package folder -> the build config that writes its published manifest")


def written_manifest(project: Project, manifest: Manifest) -> str | None:
    """The bundler config at the package's top that writes a package.json of its own, with dependency
    keys, into the build's output (its name), or None. Read once per package folder and run."""
    memo = _WRITERS(project)
    if manifest.dir not in memo:
        memo[manifest.dir] = _find(manifest.dir)
    return memo[manifest.dir]


def _find(directory: str) -> str | None:
    try:
        names = sorted(n for n in os.listdir(directory) if _BUILD_FILE.match(n))
    except OSError:
        return None
    for name in names:
        path = os.path.join(directory, name)
        try:
            if os.path.getsize(path) > _MAX_BYTES:
                continue
            with open(path, "rb") as fh:
                text = fh.read()
        except OSError:
            continue
        if _WRITES_MANIFEST.search(text) and _DEPENDENCY_KEY.search(text):
            return name
    return None
