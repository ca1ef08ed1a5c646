"""The routes of an Expo Router app: its entry points.

An Expo app whose `main` is `expo-router/entry` (or whose own entry file imports it, `import
'expo-router/entry'`) starts the router, which loads every file of its `app/` folder (`src/app/`
when there is one) through Metro's `require.context`: each is an entry of the app, though no
import statement names it. Without them the app would have no entry that maps to source, or only
an unrelated script's, and its screens would count as unreached.
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.extract.records import FileFacts
from migrationlint.model.app_builds import METRO_COMMANDS
from migrationlint.model.config_objects import find_config
from migrationlint.model.workspace import Manifest

ORIGIN = "an Expo Router route (app/)"
DEFAULT_ORIGIN = "the React Native entry (index.js, Metro's default without a main)"
_ROUTER_ENTRIES = ("expo-router/entry", "expo-router/entry-classic")
_CODE = (".ts", ".tsx", ".js", ".jsx")


def expo_routes(manifest: Manifest, package_sources: Callable[[], list[str]],
                facts_of: Callable[[str], FileFacts | None]) -> list[str]:
    """The route files of the Expo Router app in `manifest`'s folder, or [] for a package that starts
    no router."""
    if not _starts_the_router(manifest, facts_of):
        return []
    src_app = os.path.join(manifest.dir, "src", "app")
    top = (src_app if os.path.isdir(src_app) else os.path.join(manifest.dir, "app")) + os.sep
    return [p for p in package_sources() if p.startswith(top) and p.endswith(_CODE) and not p.endswith(".d.ts")]


def metro_default_entry(manifest: Manifest) -> str | None:
    """The `index.js` (or `.ts`, `.tsx`) at the top of a React Native app that names no `main`: the
    file Metro and the react-native CLI start from (a metro.config beside it, or a script running
    the react-native or expo CLI says it is such an app)."""
    if "main" in manifest.data or not _metro_app(manifest):
        return None
    return next((p for p in (os.path.join(manifest.dir, "index" + e) for e in _CODE) if os.path.isfile(p)), None)


def _metro_app(manifest: Manifest) -> bool:
    if find_config(manifest.dir, "metro.config") is not None:  # as app_builds reads it
        return True
    scripts = manifest.data.get("scripts")
    return isinstance(scripts, dict) and any(isinstance(c, str) and METRO_COMMANDS.search(c) for c in scripts.values())


def _starts_the_router(manifest: Manifest, facts_of: Callable[[str], FileFacts | None]) -> bool:
    main = manifest.data.get("main")
    if not isinstance(main, str):
        return False
    if main in _ROUTER_ENTRIES:
        return True
    if not _metro_app(manifest):
        return False  # only an app Metro builds reads its entry for the router (no facts loaded elsewhere)
    path = os.path.normpath(os.path.join(manifest.dir, main))
    for candidate in (path, *(path + e for e in _CODE)):
        facts = facts_of(candidate) if os.path.isfile(candidate) else None
        if facts is not None and not facts.skipped:
            return any(i.specifier in _ROUTER_ENTRIES for i in facts.imports)
    return False
