"""A Next.js app's entry points: the files its router builds by their place and name.

`next build` starts from the routes, not from package.json: every file of `pages/` (API routes,
`_app`, `_document` included), the special files of `app/` (`page`, `layout`, `route`, `loading`,
`error`, metadata images and files ...), `middleware`, `instrumentation` and `proxy` beside them
(also under `src/`), the Sentry configs its plugin injects, and the files next.config names by a
relative path (an image `loaderFile`). It bundles what they import and
nothing else: a module no route reaches, even one its tsconfig compiles, is in no bundle and never
runs. A config that sets `pageExtensions` (MDX pages, `*.page.tsx`) makes other files pages, some
of which this linter does not read: then no route is named, and every file stays presumed to ship.
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.model.bundling import next_app_without_config
from migrationlint.model.config_objects import find_config, read_config
from migrationlint.model.script_commands import command_pattern
from migrationlint.model.workspace import Manifest

ORIGIN = "a Next.js route"

# special files of the App Router (stem, without extension) that Next builds as entries
_APP_FILES = frozenset({
    "page", "layout", "template", "loading", "error", "global-error", "not-found", "global-not-found", "default",
    "route", "forbidden", "unauthorized", "icon", "apple-icon", "opengraph-image", "twitter-image", "sitemap",
    "robots", "manifest"})
# files beside the routes (the project folder or `src/`) that Next, or its Sentry plugin, loads itself
_ROOT_FILES = frozenset({"middleware", "instrumentation", "instrumentation-client", "proxy", "mdx-components"})
_INJECTED = frozenset({"sentry.client.config", "sentry.server.config", "sentry.edge.config"})
_CODE = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")


def next_routes(manifest: Manifest, package_sources: Callable[[], list[str]]) -> list[str]:
    """The files of `package_sources()` (the package's lintable files, listed only for a Next app)
    that the Next.js app in `manifest`'s folder builds as entries; empty for a package that is no
    Next app (no next.config, no next-env.d.ts beside routes, no script that runs Next), or whose
    pages Next finds by configured extensions."""
    directory = manifest.dir
    config = find_config(directory, "next.config")
    if config is None and not next_app_without_config(manifest) and not _runs_next(manifest):
        return []
    if config is not None and sets_page_extensions(config):
        return []
    named = _named_by_config(config) if config is not None else set()
    tops = [os.path.join(directory, *p) + os.sep for p in (("app",), ("src", "app"))]
    pages = [os.path.join(directory, *p) + os.sep for p in (("pages",), ("src", "pages"))]
    beside = {os.path.join(directory, *p) for p in ((), ("src",))}
    found = []
    for path in package_sources():
        stem, ext = os.path.splitext(os.path.basename(path))
        if ext not in _CODE or stem.endswith(".d"):
            continue
        folder = os.path.dirname(path)
        if any(path.startswith(p) for p in pages) or (stem in _APP_FILES and any(path.startswith(t) for t in tops)) \
                or (folder in beside and stem in _ROOT_FILES) or (folder == directory and stem in _INJECTED) \
                or path in named or os.path.join(folder, stem) in named:
            found.append(path)
    return found


_NEXT_COMMAND = command_pattern(r"next (?:build|dev|start)\b")


def _runs_next(manifest: Manifest) -> bool:
    """A Next app without a next.config (it is optional) whose scripts run Next."""
    scripts = manifest.data.get("scripts")
    return manifest.declared("next") is not None and isinstance(scripts, dict) and any(
        isinstance(c, str) and _NEXT_COMMAND.search(c) for c in scripts.values())


def _named_by_config(config: str) -> set[str]:
    """The files next.config names by a relative path (`images.loaderFile: './image-loader.ts'`), which
    Next bundles as it bundles a route: absolute, as written (with or without an extension)."""
    folder = os.path.dirname(config)
    return {os.path.normpath(os.path.join(folder, v)) for v in read_config(config).keys.values()
            if isinstance(v, str) and v.startswith(("./", "../"))}


def sets_page_extensions(config: str) -> bool:
    """Whether next.config mentions `pageExtensions`: its pages are then not only the files read here."""
    try:
        with open(config, "rb") as fh:
            return b"pageExtensions" in fh.read()
    except OSError:
        return True
