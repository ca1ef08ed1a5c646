"""Plugins a host framework's own build bundles: a table of hosts, as framework data.

A NocoBase plugin (a package that takes `@nocobase/server` or `@nocobase/client` as a peer) is built by
the host's command line (`nocobase build`, `yarn build <plugin>` in a NocoBase project), which bundles
what the plugin imports into its `dist/` (its server side's packages into `dist/node_modules`) and takes
the packages the host shares (react, antd, lodash, koa, sequelize, `@nocobase/*`...) from the running
host. NocoBase's plugin guide says so: declare a plugin's packages in devDependencies. No production
install of the plugin provides them, so "declared only in devDependencies" is no defect there.
"""

from __future__ import annotations

from migrationlint.model.bundle_record import Bundle
from migrationlint.model.workspace import Manifest

# a host's package a plugin takes as a peer -> (the framework, the command that builds its plugins)
PLUGIN_HOSTS = {
    "@nocobase/server": ("NocoBase", "nocobase build"),
    "@nocobase/client": ("NocoBase", "nocobase build"),
}


def host_plugin_bundle(manifest: Manifest) -> Bundle | None:
    """The bundle its host framework's build makes of the package (a peer of a host in PLUGIN_HOSTS),
    or None. That build takes no plugin of the repository's: no name it cannot find is served."""
    peers = manifest.section("peerDependencies")
    host = next((h for h in PLUGIN_HOSTS if h in peers and h != manifest.name), None)
    if host is None:
        return None
    framework, command = PLUGIN_HOSTS[host]
    return Bundle(f"a {framework} plugin that takes {host} as a peer: `{command}` bundles what it imports, "
                  "and the host provides the packages it shares", configurable=False)
