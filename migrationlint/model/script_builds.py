"""Builds a package script drives through a bundler's Node API: the script runs a file of the
package with node or a TypeScript runner (`node esbuild.config.js`, `ts-node ./scripts/build.ts`),
and that file calls the bundler.

- esbuild's `build({ bundle: true })` inlines every import its `external` list does not name, unless
  `packages: 'external'` leaves node_modules out or `external` is not a list of names;
- tsup's (or tsdown's) `build({...})` inlines, like their CLIs, every import dependencies,
  peerDependencies and its `external` list leave out;
- webpack's (or rspack's) `webpack(config)` inlines every import the config's `externals` does not
  name; the config is mostly built by another module, so the file and the local modules it imports
  are read for `externals`: where none of them mentions it, the bundle has none, and where one
  does, what it names cannot be read here and nothing is claimed.

The files are read as data (config_objects), never run.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.bundle_record import Bundle
from migrationlint.model.workspace import Manifest
from migrationlint.model.config_objects import config_imports, read_config
from migrationlint.model.script_commands import command_pattern
from migrationlint.model.packages import is_relative
from migrationlint.model.specifiers import resolve_relative

# a build file run by node or a TypeScript runner (`tsx tools/build.ts`, options before it skipped, with
# the value of those that take one: `node -r esbuild-register scripts/build.ts`)
_NODE_SCRIPT = command_pattern(r"(?:node|tsx|ts-node|esno|esr|bun(?: run)?)"
                               r"(?:\s+(?:(?:-r|--require|--import|--loader|--experimental-loader)\s+\S+|-\S+))*"
                               r"\s+(\S+\.[cm]?[jt]s)\b")
_WEBPACK_APIS = ("webpack", "@rspack/core")
_TSUP_APIS = ("tsup", "tsdown")


def scripted_bundle(directory: str, commands: list[str]) -> Bundle | None:
    """The bundle a build command of the package in `directory` makes by running a file that calls
    esbuild's or webpack's API, or None."""
    for command in commands:
        for found in _NODE_SCRIPT.finditer(command):
            path = os.path.normpath(os.path.join(directory, found.group(1)))
            if not os.path.isfile(path):
                continue
            imports = config_imports(path)
            bundle = _esbuild_api(path, found.group(1)) if "esbuild" in imports else None
            tsup = next((api for api in _TSUP_APIS if api in imports), None)
            if bundle is None and tsup is not None:
                bundle = _tsup_api(path, found.group(1), tsup)
            if bundle is None and any(api in imports for api in _WEBPACK_APIS):
                bundle = _webpack_api(path, found.group(1))
            if bundle is not None:
                return bundle
    return None


def _esbuild_api(path: str, shown: str) -> Bundle | None:
    settings = read_config(path)
    external = settings.names("external")
    if settings.flag("bundle") is not True or external is None or settings.has("packages"):
        return None
    return Bundle(f"an esbuild bundle ({shown} calls esbuild with bundle: true)", external)


def _tsup_api(path: str, shown: str, tool: str) -> Bundle | None:
    """tsup's (or tsdown's) `build({...})` called from the script: like its CLI, it inlines every
    import that dependencies, peerDependencies and its `external` list leave out, unless
    `skipNodeModulesBundle` keeps node_modules out; an `external` list not read here (a spread of a
    constant) keeps out only what it names, read as nothing."""
    settings = read_config(path)
    if settings.has("skipNodeModulesBundle") and settings.flag("skipNodeModulesBundle") is not False:
        return None
    external = settings.names("external", patterns=True, lists_only=True)
    return Bundle(f"a {tool} bundle ({shown} calls {tool}'s build): it inlines every import its dependencies, "
                  "peerDependencies and external list do not name", external or (), literal=tool == "tsup")


def _webpack_api(path: str, shown: str) -> Bundle | None:
    """A webpack bundle without externals, when neither the script nor a local module it imports
    (its config factory) mentions `externals`; a local module that cannot be found or read leaves
    the config unknown."""
    for source in (path, *_local_modules(path)):
        try:
            with open(source or "", "rb") as fh:
                if b"externals" in fh.read():
                    return None
        except OSError:
            return None
    return Bundle(f"a webpack bundle ({shown} runs webpack's API with a config that names no externals)")


def _local_modules(path: str) -> list[str | None]:
    """The files the script imports by a relative path (one level: its config factory), None for
    one that is not found."""
    return [resolve_relative(path, spec) for spec in sorted(config_imports(path)) if is_relative(spec)]


# script names that say the script is for the tests, the docs or the developer's machine, not a release
_NOT_RELEASE = re.compile(r"test|e2e|spec|stor(?:y|ies)|docs?\b|dev|watch|analy[sz]|lint|format|serve|start|preview",
                          re.IGNORECASE)


def release_scripts(manifest: Manifest, private: bool) -> tuple[str, ...]:
    """The scripts whose bundle may be what the package releases: `bundle`; for a private package,
    which is deployed and never published, also any script not named for the tests, docs or
    development (`"esbuild": "node compileBundle.mjs"`, `build:lambda`, `package`: a Makefile or a
    CI job runs it and zips the bundles; what it runs must still call a bundler: scripted_bundle)."""
    scripts = manifest.data.get("scripts")
    if not private or not isinstance(scripts, dict):
        return ("bundle",)
    return ("bundle", *sorted(n for n in scripts if n != "bundle" and not _NOT_RELEASE.search(n)))


def release_bundle(manifest: Manifest, commands: list[str], private: bool = False) -> Bundle | None:
    """The bundle the commands of a `bundle` script beside the build make (`"build": "tsc -b"`,
    `"bundle": "nx bundle"`): for a private package, which is deployed and never published, what it
    deploys (Lambda handlers a deploy script bundles, `tsx bundle.ts` calling esbuild); for another,
    when it leaves out exactly what the manifest's dependencies list: the package is published as
    that bundle, its dependencies kept for what the bundle leaves external (a CLI whose release runs
    `bundle` before publishing). A published package's bundle whose external list says nothing of
    the dependencies may be another artifact: not read as the package's."""
    found = scripted_bundle(manifest.dir, commands)
    if found is None or private:
        return found
    listed = set(manifest.section("dependencies"))
    return found if listed and listed <= set(found.external) else None
