"""What an Rslib build bundles (`rslib build`, or `rs lib` of the Rstack CLI).

Rslib bundles a library's imports by default (`lib.bundle: true`), and its `autoExternal` default
leaves out what `dependencies`, `optionalDependencies` and `peerDependencies` list: the packages a
library keeps in devDependencies (a CLI's argument parser, a deep-merge helper) are inlined into
its output on purpose, as with tsup. What `output.externals` names stays out too. A config that
sets `bundle: false` (each file transpiled alone, its imports kept) bundles nothing; one that sets
`autoExternal` otherwise changes which sections stay out, and is not read as this default.
"""

from __future__ import annotations

from migrationlint.model.bundle_record import Bundle
from migrationlint.model.config_objects import config_has, find_config, read_config
from migrationlint.model.script_commands import command_pattern

RSLIB_BUILDS = command_pattern(r"(?:rslib|rs lib)(?![\w-])")  # a build script running Rslib
_CONFIGS = ("rslib.config", "rstack.config")


def rslib_bundle(directory: str, by: str) -> Bundle | None:
    """The bundle Rslib builds for the package in `directory`, run by `by` (the build script), or
    None when its config turns bundling off or sets `autoExternal`."""
    config = next((c for c in (find_config(directory, n) for n in _CONFIGS) if c is not None), None)
    external: tuple[str, ...] | None = ()
    if config is not None:
        settings = read_config(config) if config_has(config, "bundle") or config_has(config, "externals") else None
        if settings is not None and settings.flag("bundle") is False or config_has(config, "autoExternal"):
            return None
        if settings is not None and settings.has("externals"):
            external = settings.names("externals", patterns=True, lists_only=True)
    if external is None:
        return Bundle(f"Rslib ({by}) inlines every import its dependencies, optionalDependencies and peerDependencies "
                      "do not name, but for an external list computed where it is not read")
    return Bundle(f"Rslib ({by}) inlines every import its dependencies, optionalDependencies, peerDependencies and "
                  "externals do not name (autoExternal)", external)
