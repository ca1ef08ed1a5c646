"""Webpack (and rspack, which reads webpack's configuration shape) builds: which packages a build
leaves to the install (`externals`), read from the config as data.

A build inlines every import its `externals` do not name. The Nest CLI's webpack mode is the
exception to "no externals, everything inlined": it spreads the package's config over its own
defaults, whose `nodeExternals()` keep node_modules out unless the config names externals of its own.
"""

from __future__ import annotations

import os

from migrationlint.model.bundle_record import Bundle
from migrationlint.model.config_objects import REGEX_MARK, config_has, find_config, read_config
from migrationlint.model.entry_points import declared_entries
from migrationlint.model.script_commands import command_pattern
from migrationlint.model.workspace import Manifest

_NEST_BUILD = command_pattern(r"nest build\b")


def nest_cli_build(manifest: Manifest, scripts: list[str]) -> bool:
    """Whether the Nest CLI builds the package (a nest-cli.json, or a script that runs `nest build`):
    in webpack mode it spreads the package's webpack config over its own defaults, whose `externals`
    (nodeExternals) stay unless the config names its own."""
    return os.path.isfile(os.path.join(manifest.dir, "nest-cli.json")) or any(_NEST_BUILD.search(s) for s in scripts)


def webpack_externals(config: str) -> tuple[str, ...] | None:
    """The packages a webpack (or rspack) config's `externals` names: an object's keys
    (`{ figlet: "commonjs figlet" }`), or a list of names, regex literals and such objects (`[{ pg: 'pg' }]`,
    the Nest CLI's documented form); () without externals;
    None when they are computed (`nodeExternals()`, a function), which says nothing readable."""
    if not config_has(config, "externals"):
        return ()
    settings = read_config(config)
    if ("externals",) in settings.lists:  # an array: its names, None when an item is computed
        return settings.names("externals", patterns=True)
    if ("externals",) in settings.objects:  # an object literal: its keys
        return tuple(settings.children("externals"))
    return None


_ALLOWLISTS = ("allowlist", "whitelist")  # webpack-node-externals' option, by its current and its 1.x name


def webpack_bundle(config: str, who: str) -> Bundle | None:
    """The bundle a webpack (or rspack) config makes, `who` naming the build in its reason: every
    import but the `externals` it names; with `nodeExternals({ allowlist })`, only the packages the
    allowlist matches (every other package of node_modules stays external); None when the externals
    are computed any other way (`nodeExternals()` alone keeps every package out)."""
    external = webpack_externals(config)
    if external is not None:
        return Bundle(f"{who}: it inlines every import its externals do not name", external)
    settings = read_config(config)
    for option in _ALLOWLISTS:
        allowed = settings.names(f"externals.{option}", patterns=True) if settings.has(f"externals.{option}") else None
        if allowed:
            shown = ", ".join(a.lstrip(REGEX_MARK) for a in allowed)
            return Bundle(f"{who}: it inlines the packages its nodeExternals allowlist matches ({shown})", only=allowed)
    return None


TOOL_RUN = {tool: command_pattern(rf"{tool}(?:-cli)?(?:\s|$)") for tool in ("webpack", "rspack")}


def published_webpack(manifest: Manifest, commands: list[str]) -> Bundle | None:
    """A published package whose build runs webpack (or rspack): the output inlines every import its
    externals do not name, whatever the target (a CLI whose `bin` loads the bundle, a browser UI a
    server package serves); computed externals say nothing. `commands`: its build's commands."""
    for tool, run in TOOL_RUN.items():
        if any(run.search(c) for c in commands):
            config = find_config(manifest.dir, f"{tool}.config")
            if config and _output_loaded_by_nothing(manifest, config):
                return None  # a UMD bundle beside the code users load, which another compiler writes
            who = f"a package built by {tool}"
            return webpack_bundle(config, who) if config else Bundle(f"{who}: it inlines every import its externals do not name")
    return None


_CODE = (".js", ".mjs", ".cjs")


def _output_loaded_by_nothing(manifest: Manifest, config: str) -> bool:
    """Whether the config writes its bundle to a folder (`output.path: path.resolve(__dirname,
    '_bundles')`) under which no code entry of the package lies (`"main": "lib/index.js"`, which
    `tsc -b` writes): the bundle is a browser build shipped beside the package's code, not what its
    users load. False when the folder or the entries cannot be read."""
    read = read_config(config)
    out = read.names("output.path")
    entries = [t for t, origin in declared_entries(manifest) if origin.startswith("package.json") and t.endswith(_CODE)]
    if not out or len(out) != 1 or not entries or not _bundles_the_main_source(read, manifest, entries):
        return False
    folder = os.path.normpath(os.path.join(os.path.dirname(config), out[0]))
    return not any(os.path.normpath(os.path.join(manifest.dir, t)).startswith(folder + os.sep) for t in entries)


def _bundles_the_main_source(read, manifest: Manifest, entries: list[str]) -> bool:
    """Whether the webpack `entry` is the source of a package entry (`./src/index.ts` for `lib/index.js`):
    the same code, built a second way. An entry of its own (`./src/client/index.tsx`, an admin UI the
    server serves) makes a bundle of its own, whatever the package's entries load. An entry not read
    says nothing against it."""
    named = [v for v in (read.keys.get(("entry",)), *read.children("entry").values()) if isinstance(v, str)]
    if not named:
        return True  # an entry not read (`entry` built in a variable): the output folder decides
    stems = {os.path.splitext(os.path.normpath(v.lstrip("./")))[0].replace(os.sep, "/") for v in named}
    sources = {os.path.splitext(os.path.normpath(t.lstrip("./")))[0].replace(os.sep, "/").split("/", 1)[-1] for t in entries}
    return any(stem.split("/", 1)[-1] in sources for stem in stems)
