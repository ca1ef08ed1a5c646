"""The entry points an app framework gives a package beyond what its manifest names: Next.js
routes (next_routes), the module scripts of a vite app's page (html_entries), Expo Router's
routes and a React Native app's default `index.js` (expo_routes), the folders Nuxt scans
(nuxt_dirs), each found only in a package that is such an app."""

from __future__ import annotations

from typing import Callable

from migrationlint.extract.records import FileFacts
from migrationlint.model.entry_points import Entry
from migrationlint.model.expo_routes import DEFAULT_ORIGIN, ORIGIN as EXPO_ORIGIN, expo_routes, metro_default_entry
from migrationlint.model.html_entries import ORIGIN as HTML_ORIGIN, html_entries
from migrationlint.model.next_routes import ORIGIN as ROUTE_ORIGIN, next_routes
from migrationlint.model.nuxt_dirs import ORIGIN as NUXT_ORIGIN, nuxt_entries
from migrationlint.model.workspace import Manifest

# the entries Metro starts an app's bundle from: the manifest's `main`, or the router's routes
APP_STARTS = ('package.json "main"', EXPO_ORIGIN, DEFAULT_ORIGIN)


def app_entries(manifest: Manifest, package_sources: Callable[[], list[str]],
                facts_of: Callable[[str], FileFacts | None]) -> list[Entry]:
    """The framework entries of the package in `manifest`'s folder (`package_sources` is called only
    for an app whose routes are files)."""
    default = metro_default_entry(manifest)
    return [Entry(p, ROUTE_ORIGIN) for p in next_routes(manifest, package_sources)] \
        + [Entry(p, HTML_ORIGIN) for p in html_entries(manifest)] \
        + [Entry(p, EXPO_ORIGIN) for p in expo_routes(manifest, package_sources, facts_of)] \
        + [Entry(p, NUXT_ORIGIN) for p in nuxt_entries(manifest, package_sources)] \
        + ([Entry(default, DEFAULT_ORIGIN)] if default is not None else [])
