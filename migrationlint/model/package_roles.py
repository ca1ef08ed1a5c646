"""What a package is for, beyond the entries it declares (entry_points.py).

A package with a start script that offers nothing to import is an application a framework's
command line starts (`"start": "shop-cli start"`): nothing installs it as a library, whatever its
`version` says, and an import of it by name resolves to nothing, declared or not. A publishable
package that is a workspace root as well keeps its own source in the folders of its entry points.
"""

from __future__ import annotations

import os

from migrationlint.model.entry_points import START_SCRIPTS, Entry, names_no_entry, names_nothing_loadable, node_targets, \
    script_stem
from migrationlint.model.dev_files import file_runners
from migrationlint.model.script_commands import command_pattern, type_check_only
from migrationlint.model.workspace import DEP_SECTIONS, Manifest, Workspace

_INDEX_EXTENSIONS = (".js", ".cjs", ".mjs", ".ts", ".tsx", ".mts", ".cts")
# the command lines that build or package an application (a desktop, web or mobile app, a Serverless
# Framework service's functions), never a library
# (not `ng build`, which builds Angular libraries as well)
_APP_BUILD = command_pattern(r"(?:electron-vite build|electron-builder|electron-forge (?:make|package)|next build"
                             r"|nuxt (?:build|generate)|react-scripts build|expo export|eas build"
                             r"|(?:serverless|sls) (?:deploy|package))\b")
_BUILDS = ("build", "prepare", "prepack", "prepublishOnly")


def started_application(manifest: Manifest) -> bool:
    """Whether the package has a start script and offers nothing to import: an application a
    framework's command line starts (`"start": "shop-cli start"`), which nothing
    installs as a dependency."""
    scripts = manifest.data.get("scripts")
    return isinstance(scripts, dict) and any(isinstance(scripts.get(s), str) for s in START_SCRIPTS) \
        and offers_nothing_to_import(manifest)


def starts_its_main(manifest: Manifest) -> bool:
    """Whether a start script runs with node the very file `main` names (`"main": "dist/index.js"`,
    `"start": "node dist/index.js"`), and the package offers no other entry (`module`, `exports`,
    `bin`): its `main` is its server, which a process runs, not a library's API that an install of
    the package would load or deep-import."""
    data = manifest.data
    main, scripts = data.get("main"), data.get("scripts")
    if not isinstance(main, str) or not isinstance(scripts, dict) or any(k in data for k in ("module", "exports", "bin")):
        return False
    stem = script_stem(main)
    return any(script_stem(t) == stem for s in START_SCRIPTS if isinstance(scripts.get(s), str)
               for t in node_targets(scripts[s]))


def built_as_application(manifest: Manifest) -> bool:
    """Whether a script of the package builds or packages it as an application (`electron-vite build`,
    `next build`, `eas build`, `serverless deploy`): what it imports goes into that app, which nothing installs as a
    dependency, so no application provides its peers."""
    scripts = manifest.data.get("scripts")
    return isinstance(scripts, dict) and any(isinstance(c, str) and _APP_BUILD.search(c) for c in scripts.values())


def beside_an_entry(path: str, manifest: Manifest, entries: list[Entry], deployed: bool = False) -> bool:
    """Whether the file at `path` lies in the folder of one of the entry points of a publishable
    package (`src/handlers/x.ts` beside `src/index.ts`, which its `bin` runs), or of one that is
    `deployed` (a start script or Dockerfile runs its entry): that package's own source, even when
    the package is a workspace root as well."""
    return (deployed or not manifest.unpublishable) \
        and any(path.startswith(os.path.dirname(e.path) + os.sep) for e in entries)


def declares_its_own(m: Manifest, ws: Workspace) -> bool:
    """Whether `m` declares a package from outside the workspace: one that lists only packages of
    the workspace (`"@x/shared": "*"`, for the build graph) and `tslib`, the compiler's helpers
    that Nx and Angular generators write into every library's manifest, takes every other from the root."""
    return any(ws.member(p) is None and p != "tslib" for s in DEP_SECTIONS for p in m.section(s))


def offers_nothing_to_import(manifest: Manifest) -> bool:
    """names_no_entry, and no `index.*` at the package's top for Node's and tsc's default: an import
    of the package by its name resolves to nothing, declared or not."""
    return names_no_entry(manifest) and not any(
        os.path.isfile(os.path.join(manifest.dir, "index" + ext)) for ext in _INDEX_EXTENSIONS)


def tooling_package(manifest: Manifest) -> str | None:
    """Why the package is tooling, or None: nothing to load or start (no `main`, `module`, `exports`, `bin`,
    default `index.*` or start script; npm init's `"main": "index.js"` naming no file, in a Hardhat project's
    folder, is nothing either), either no registry takes it or it builds and publishes nothing in particular
    (no `files`, no build script but one that only type-checks), and either it declares devDependencies and no
    other dependency section, or its scripts run its files only with a runner its devDependencies provide
    (`"migrate": "tsx ./main.ts"`, tsx a devDependency): its files run from the checkout with the whole install,
    its other files as its scripts run those (a one-off script run by hand with `npx tsx ch_copy.ts`)."""
    data = manifest.data
    scripts = data.get("scripts") if isinstance(data.get("scripts"), dict) else {}
    published = not manifest.unpublishable and ("files" in data or any(
        s in scripts and not type_check_only(scripts[s]) for s in _BUILDS))  # `"build": "tsc --noEmit"` writes nothing
    if published or not manifest.section("devDependencies") or any(s in scripts for s in START_SCRIPTS) \
            or not (offers_nothing_to_import(manifest) or names_nothing_loadable(manifest)):
        return None
    if not any(manifest.section(s) for s in ("dependencies", "peerDependencies", "optionalDependencies")):
        return "its package declares devDependencies only, and no entry point, bin or start script: repository " \
               "tooling, run from the checkout"
    runners = sorted(file_runners(data))
    if runners and all(r in manifest.section("devDependencies") and r not in manifest.section("dependencies")
                       for r in runners):
        return f"its package has no entry point, bin or start script, and its scripts run its files with " \
               f"{' and '.join(runners)}, which only its devDependencies provide: repository tooling, run from the " \
               "checkout with the whole install"
    return None


def stories_barrel(rel: str, manifest: Manifest) -> bool:
    """A module named `stories` (`src/exports/stories.mts`, what an `exports` subpath `./stories` names) in a
    package that keeps Storybook's packages among its devDependencies: the barrel of its stories, which only
    the workspace's Storybook site imports; no user of the package loads it."""
    stem = rel.rsplit("/", 1)[-1].split(".", 1)[0]
    return stem == "stories" and any(d == "storybook" or d.startswith("@storybook/")
                                     for d in manifest.section("devDependencies"))
