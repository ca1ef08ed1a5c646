"""Whether a rollup or rolldown build inlines the imports its `external` list does not name.

`rollup -c` bundles only what it can find: without a plugin that resolves packages from
node_modules (`@rollup/plugin-node-resolve`), a bare import stays an import of the output, so
nothing is inlined. Rolldown, rollup's counterpart in Rust, resolves node_modules by itself: a
`rolldown -c` build inlines every import its `external` option leaves out, declared
dependencies included. The config (`-c <file>`, `--config <file>`, else `<tool>.config.*`) is read
as data; an `external` that is no list of names and patterns (a function) says nothing readable. A
browser script (iife or umd) reads the externals its `output.globals` maps from the page: no install
holds them. Without node-resolve, an iife build (every output) turns each bare import into a global
of the page (rollup guesses the names `output.globals` does not give): it loads no package at all.
"""

from __future__ import annotations

import os

from migrationlint.model.bundle_record import Bundle
from migrationlint.model.config_objects import ConfigObject, config_imports, delegated_config, find_config, read_config
from migrationlint.model.script_commands import shell_commands
from migrationlint.model.workspace import Manifest

_NODE_RESOLVE = frozenset({"@rollup/plugin-node-resolve", "rollup-plugin-node-resolve"})
_TOOLS = ("rollup", "rolldown")


def rollup_build(manifest: Manifest, commands: list[tuple[str, str]]) -> Bundle | None:
    """The bundle a build script among `commands` ((script name, command)) makes with rollup (and
    its node-resolve plugin) or rolldown, when its config's `external` list is readable."""
    for _, command in commands:
        for words in shell_commands(command):
            found = _configured_run(words, manifest.dir)
            if found is None:
                continue
            tool, config = found
            config = delegated_config(config)  # `module.exports = require('./rollup.config.ts')`: that config
            settings = read_config(config)
            if tool == "rollup" and not _NODE_RESOLVE & config_imports(config):
                if _formats(settings) == {"iife"}:  # a bare import it leaves a global of the page: none loads
                    return Bundle(f"a rollup build ({os.path.basename(config)}) of a browser script (iife) without "
                                  "the node-resolve plugin: every package it imports is a global of the page, loaded "
                                  "from no install", (), page_globals(settings))
                continue  # bare imports stay imports of the output
            external = settings.names("external", patterns=True, lists_only=True)
            if external is not None:
                how = "rolldown, which resolves node_modules itself," if tool == "rolldown" else \
                    "rollup with the node-resolve plugin"
                served = page_globals(settings)
                on_page = f" (the page provides {', '.join(served)} as globals)" if served else ""
                return Bundle(f"a {tool} build ({os.path.basename(config)}): {how} inlines every import its external "
                              f"list does not name{on_page}", tuple(e for e in external if e not in served), served)
    return None


def page_globals(settings: ConfigObject) -> tuple[str, ...]:
    """The imports a browser script build (`output.format` iife or umd, every output) maps to globals
    of the page (`output.globals: { react: 'React' }`): the script reads them there, and no install
    holds them where it runs."""
    formats = _formats(settings)
    if not formats or not formats <= {"iife", "umd"}:
        return ()
    return tuple(sorted(settings.children("output.globals")))


def _formats(settings: ConfigObject) -> set[object]:
    """The `output.format` values of the config's outputs (an empty set: none written)."""
    return {v for k, v in settings.keys.items() if k[-2:] == ("output", "format")}


def _configured_run(words: list[str], directory: str) -> tuple[str, str] | None:
    """(tool, config path) of a command that runs rollup or rolldown with a config file."""
    for i, word in enumerate(words):
        tool = os.path.basename(word)
        if tool not in _TOOLS:
            continue
        args = words[i + 1:]
        flag = next((j for j, a in enumerate(args) if a in ("-c", "--config") or a.startswith("--config=")), None)
        if flag is None:
            return None
        named = args[flag].partition("=")[2] or (args[flag + 1] if flag + 1 < len(args) else "")
        if named and not named.startswith("-"):
            path = os.path.normpath(os.path.join(directory, named))
            return (tool, path) if os.path.isfile(path) else None
        config = find_config(directory, f"{tool}.config")
        return (tool, config) if config is not None else None
    return None
