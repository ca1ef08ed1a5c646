"""The route configuration of a React Router app in framework mode (and of Remix, its predecessor).

`app/routes.ts` (under the config's `appDirectory`, `app` by default) lists the app's routes for
the framework's vite plugin, which reads it while it builds: the server build holds the route
modules it names, never the file itself, and the helpers it imports (`@react-router/dev/routes`)
come from the build tool, which the framework's documentation installs as a devDependency. Its
imports are the build's, not production code's.
"""

from __future__ import annotations

import os

from migrationlint.model.config_objects import find_config, read_config

# the framework's build tool (vite plugin and CLI), which reads the route configuration
_BUILD_TOOLS = ("@react-router/dev", "@remix-run/dev")
_SECTIONS = ("dependencies", "devDependencies")
_ROUTE_FILES = frozenset({"routes.ts", "routes.tsx", "routes.mts", "routes.js", "routes.mjs"})


def route_config(path: str, manifest_data: dict, manifest_dir: str) -> str | None:
    """Why `path` is the route configuration a React Router (or Remix) build reads, or None."""
    if os.path.basename(path) not in _ROUTE_FILES:
        return None
    sections = [manifest_data.get(s) for s in _SECTIONS]
    tool = next((t for t in _BUILD_TOOLS for s in sections if isinstance(s, dict) and t in s), None)
    if tool is None or os.path.dirname(path) != _app_directory(manifest_dir):
        return None
    return f"the app's route configuration, which the {tool} build reads (nothing ships it)"


def _app_directory(manifest_dir: str) -> str:
    """The folder `appDirectory` of the package's react-router.config names, `app` when it names none."""
    config = find_config(manifest_dir, "react-router.config")
    named = read_config(config).keys.get(("appDirectory",)) if config else None
    return os.path.normpath(os.path.join(manifest_dir, named or "app"))
