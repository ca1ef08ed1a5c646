"""The builds that bundle an app, known by the framework's config file or by the command a build
script runs: what such a build ships is its bundle, made from what the app imports (bundling.py
asks these first, then the bundlers' own configs).
"""

from __future__ import annotations

import os
import re

from migrationlint.model.entry_points import node_targets
from migrationlint.model.script_commands import command_pattern

_METRO_CONFIG = "a React Native app (metro.config): Metro bundles its imports"
_METRO_CLI = "a React Native app (expo or react-native CLI): Metro bundles its imports"
METRO_COMMANDS = command_pattern(r"(?:expo (?:start|export|run:\w+)|eas build|react-native (?:start|run-\w+|bundle))\b")
# (config file stem, why): a framework whose build bundles every app that has its config
APP_CONFIGS = (
    ("svelte.config", "a SvelteKit app (svelte.config): vite bundles its imports"),
    ("next.config", "a Next.js app (next.config): next build bundles its imports"),
    ("nuxt.config", "a Nuxt app (nuxt.config): nuxt build bundles its imports"),
    ("electron.vite.config", "an Electron app (electron.vite.config): its renderer and main are bundled"),
    ("metro.config", _METRO_CONFIG),
)
# the builds that bundle only what the app's entry (package.json `main`) imports: a file it does not reach
# is in no bundle (Metro starts from `main`; a vite or webpack config may name other inputs)
ENTRY_BUNDLES = frozenset({_METRO_CONFIG, _METRO_CLI})
# (script command, why): a command that bundles the app it builds
ANGULAR_CLI_BUILD = "an Angular CLI app (ng build): it ships a bundle"
SCRIPT_BUILDS = (
    (command_pattern(r"ng (?:build|serve)\b"), ANGULAR_CLI_BUILD),
    (command_pattern(r"next build\b"), "a Next.js app (next build): it bundles its imports"),
    (command_pattern(r"nuxt (?:build|generate)\b"), "a Nuxt app (nuxt build): it bundles its imports"),
    (command_pattern(r"vinxi build\b"), "a Vinxi app (vinxi build: TanStack Start, SolidStart): vite and Nitro bundle its imports"),
    (command_pattern(r"(?:nitro|nitropack) build\b"),
     "a Nitro server (nitro build): it bundles its imports and copies what they load into .output"),
    (command_pattern(r"esbuild\b(?=[^&|;]*--bundle)(?![^&|;]*--packages[= ]external)"),
     "an esbuild bundle (--bundle without --packages=external)"),
    (command_pattern(r"vue-cli-service build\b"), "a Vue CLI app (vue-cli-service build): webpack bundles its imports"),
    (command_pattern(r"(?:react-scripts|react-app-rewired|craco) build\b"),
     "a Create React App build (react-scripts build, or react-app-rewired or craco around it): webpack bundles its imports"),
    (command_pattern(r"email export\b"),
     "react-email templates (email export): rendered to static HTML at build time, nothing of them runs"),
    (command_pattern(r"(?:wxt|plasmo) (?:build|zip)\b"),
     "a browser extension (wxt or plasmo build): vite or parcel bundles it"),
    (METRO_COMMANDS, _METRO_CLI),
    (command_pattern(r"uni build\b"), "a uni-app (uni build): vite bundles it for each platform"),
    (command_pattern(r"taro build\b"), "a Taro app (taro build): webpack or vite bundles it for each platform"),
    (command_pattern(r"gatsby build\b"), "a Gatsby site (gatsby build): webpack bundles its pages into static files"),
    (command_pattern(r"(?:vitepress|docusaurus|rspress) build\b"),
     "a static documentation site (vitepress, docusaurus or rspress build): its pages and data loaders run at build time"),
    (command_pattern(r"(?:umi|max) build\b"), "an Umi app (umi build, or max build of @umijs/max): it bundles its imports"),
    (command_pattern(r"parcel build\b(?=[^&|;]*\.html\b)"),
     "a Parcel app built from its HTML page (parcel build index.html): it bundles its imports"),
    (command_pattern(r"(?:vsce|@vscode/vsce) package\b(?=[^&|;]*--no-dependencies)"),
     "a VS Code extension packaged without node_modules (vsce package --no-dependencies): what it runs is its bundle"),
    (command_pattern(r"directus-extension build\b"),
     "a Directus extension (directus-extension build): the extensions SDK bundles it with what it imports"),
)

# an application's bundler run as a package's `build` (`tsc && vite build`): what it builds is deployed
APP_BUILD = re.compile(r"\b(?:vite|next|react-scripts|parcel|rsbuild|rspack|astro|remix|vinxi|nitro)\s+build\b|\bwebpack\b")


def builds_an_app(scripts: object) -> bool:
    """Whether a package's `build` script (from its `scripts`) runs an application's bundler."""
    build = scripts.get("build") if isinstance(scripts, dict) else None
    return isinstance(build, str) and APP_BUILD.search(build) is not None


_STARTS = re.compile(r"^(?:start|serve|server|prod)(?:$|[:_-])")  # `start`, `start:server:pm2`, `serve:ssr`
_SOURCE_EXTENSIONS = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs")


def angular_beside_a_server(directory: str, scripts: object) -> bool:
    """An Angular CLI app (angular.json) in a package a start script of which runs a file with node
    (`"start": "node app.js"`, `"start:server:pm2": "node ./www/out-tsc/pm2bootstrap.js"`): a server beside
    the app, no part of its bundle, loading its imports from node_modules. angular.json's inputs are
    then the bundle's file by file (web_bundle_inputs), not the whole package. A build helper
    (`"build": "ng build && node ./update-version.js"`) starts no server."""
    if not os.path.isfile(os.path.join(directory, "angular.json")) or not isinstance(scripts, dict):
        return False
    return any(not target.startswith(("node_modules/", "./node_modules/")) and target.endswith(_SOURCE_EXTENSIONS)
               for name, command in scripts.items() if isinstance(command, str) and _STARTS.match(str(name))
               for target in node_targets(command, runners=("node",)))

