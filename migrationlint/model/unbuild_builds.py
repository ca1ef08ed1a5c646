"""Whether an unbuild build inlines the imports its manifest declares only for development.

unbuild keeps external what `dependencies` and `peerDependencies` list and what its `externals`
option names. Any other package it meets it inlines, with an "implicit external" warning that fails
the build by default (`failOnWarn`, since 1.0). So a devDependency's import is in the published bundle for
certain only where the config says so: `rollup.inlineDependencies: true`, or `failOnWarn: false`, or
where the package declares an unbuild 0.x, which warned and went on.
Read from `build.config.*` (as data, never run) or package.json's `unbuild` or `build` key.
"""

from __future__ import annotations

from migrationlint.model.bundle_record import Bundle
from migrationlint.model.config_objects import find_config, read_config
from migrationlint.model.runtime_packages import lowest_version
from migrationlint.model.script_commands import command_pattern
from migrationlint.model.workspace import Manifest

# unbuild, or Nuxt's module builder, which runs unbuild with the module's build.config merged in
_UNBUILD = command_pattern(r"(?:unbuild|nuxt-module-build|nuxt-build-module)(?![\w-])")


def unbuild_bundle(manifest: Manifest, commands: list[tuple[str, str]]) -> Bundle | None:
    """The bundle an unbuild build script (`commands`: (script name, command)) makes when its
    settings inline undeclared imports; None when no build runs unbuild or nothing says it inlines."""
    name = next((n for n, command in commands if _UNBUILD.search(command)), None)
    if name is None:
        return None
    inline, fail_on_warn, externals = _settings(manifest)
    if fail_on_warn is None and _before_fail_on_warn(manifest):
        fail_on_warn = False  # unbuild 0.x warned and went on: the import is inlined
    if inline is not True and fail_on_warn is not False:
        return None
    if externals is None:
        return Bundle(f"unbuild (the {name} script) inlines every import its dependencies and peerDependencies do "
                      "not name, but for an externals list computed where it is not read")
    why = "rollup.inlineDependencies" if inline is True else "failOnWarn: false"
    return Bundle(f"unbuild (the {name} script, {why}) inlines every import its dependencies, peerDependencies "
                  "and externals do not name", externals)


def _before_fail_on_warn(manifest: Manifest) -> bool:
    """Whether the unbuild the package declares is a 0.x release (`"unbuild": "0.6.9"`, `^0.7.4`):
    `failOnWarn`, on by default, came with 1.0."""
    first = lowest_version(manifest.range_of("unbuild"))
    return first is not None and first.split(".", 1)[0] == "0"


def _settings(manifest: Manifest) -> tuple[bool | None, bool | None, tuple[str, ...] | None]:
    """(inlineDependencies, failOnWarn, externals) from the build config, else from package.json."""
    config = find_config(manifest.dir, "build.config")
    if config is not None:
        read = read_config(config)
        return read.flag("inlineDependencies"), read.flag("failOnWarn"), read.names("externals", patterns=True)
    field = next((f for f in (manifest.data.get("unbuild"), manifest.data.get("build")) if isinstance(f, dict)), {})
    rollup = field.get("rollup")
    inline = rollup.get("inlineDependencies") if isinstance(rollup, dict) else None
    listed = field.get("externals", [])
    externals = tuple(listed) if isinstance(listed, list) and all(isinstance(e, str) for e in listed) else None
    return (inline if isinstance(inline, bool) else None,
            field.get("failOnWarn") if isinstance(field.get("failOnWarn"), bool) else None, externals)
