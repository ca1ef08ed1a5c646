"""SST apps: what `sst deploy` uploads for a package of the app.

An SST app (v2's `stacks()`, v3's `$config`) keeps `sst.config.ts` at its root and names its
functions by handler paths (`packages/functions/src/list.handler`); SST bundles each handler with
esbuild, everything it imports inlined, the workspace's own packages included, and installs only
what the function's `nodejs.install` names. So a package of the app that uses SST's runtime helpers
(it declares `sst`: `sst/node/api`, `sst/context`) ships as a bundle, and its devDependencies are as
good as its dependencies there. A package of the app that starts a process itself (a start script,
a Dockerfile: is_service) is judged as any service is. Read as data: the configuration is never run.
"""

from __future__ import annotations

import os

from migrationlint.model.entry_points import is_service
from migrationlint.model.folders_above import folder_and_above
from migrationlint.model.workspace import DEP_SECTIONS, Manifest

_CONFIGS = ("sst.config.ts", "sst.config.mts", "sst.config.js", "sst.config.mjs")
_LEVELS = 4  # the package's folder and three above it: the app's root holds the configuration


def sst_bundle(manifest: Manifest) -> str | None:
    """Why the package is bundled into an SST app's functions, or None."""
    if not any("sst" in manifest.section(s) for s in DEP_SECTIONS) or is_service(manifest):
        return None
    for folder in folder_and_above(manifest.dir, _LEVELS):
        config = next((os.path.join(folder, n) for n in _CONFIGS if os.path.isfile(os.path.join(folder, n))), None)
        if config is not None:
            where = os.path.relpath(config, manifest.dir).replace(os.sep, "/")
            return f"a package of an SST app ({where}: SST bundles its functions with esbuild, what they import inlined)"
    return None
