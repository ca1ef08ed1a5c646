"""The folders a Nuxt app loads by itself: its entry points.

Nuxt scans folders of its source directory (`srcDir`: nuxt.config's literal, else Nuxt 4's `app/`
when it holds the source, else the project) and imports what they hold without any import
statement naming them: `pages/`, `layouts/`, `middleware/`, `plugins/`, Nuxt 2's vuex `store/`,
and Nuxt 3's auto-imported `composables/` and `utils/`; Nitro scans the project's `server/`, and
Nuxt its local `modules/`. Their files are entries of the app, or its store modules and
composables count as files nothing imports (dead code, or outside the build output).
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.model.config_objects import find_config
from migrationlint.model.frameworks import source_dir
from migrationlint.model.workspace import Manifest

ORIGIN = "a folder Nuxt loads by itself (pages/, plugins/, store/, composables/, server/...)"
_SOURCE_FOLDERS = ("pages", "layouts", "middleware", "plugins", "store", "composables", "utils")
_PROJECT_FOLDERS = ("server", "modules")
_CODE = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")


def nuxt_entries(manifest: Manifest, package_sources: Callable[[], list[str]]) -> list[str]:
    """The files of the Nuxt app in `manifest`'s folder (a nuxt.config beside a manifest that
    declares nuxt) that Nuxt or Nitro loads from its scanned folders; [] for any other package."""
    if find_config(manifest.dir, "nuxt.config") is None or not manifest.declared("nuxt"):
        return []
    src = source_dir(manifest.dir)
    tops = [os.path.join(src, f) + os.sep for f in _SOURCE_FOLDERS] \
        + [os.path.join(manifest.dir, f) + os.sep for f in _PROJECT_FOLDERS]
    return [p for p in package_sources() if p.endswith(_CODE) and not p.endswith(".d.ts")
            and any(p.startswith(t) for t in tops)]
