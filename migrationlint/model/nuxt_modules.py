"""Nuxt modules: the runtime files a module hands to the application's own Nuxt build.

A Nuxt module (a package that declares `@nuxt/kit` or `@nuxt/module-builder`, whose module file calls
`defineNuxtModule`) keeps the code that runs in the application under a `runtime/` folder and hands
those files to Nuxt (`addPlugin(resolver.resolve('./runtime/plugin'))`, `addServerHandler`,
`addComponent`). The application's Nuxt build compiles them with its own install, so what they import
of Nuxt itself (`nuxt/app`, Nitro's `nitropack` or `nitro`) is the application's, as Nuxt's module
starter keeps `nuxt` in devDependencies: never a package to install for the module.
"""

from __future__ import annotations

import os

from migrationlint.model.workspace import Manifest

_MODULE_KITS = ("@nuxt/kit", "@nuxt/module-builder")
# the framework the application's Nuxt build runs with: Nuxt, its schema's types, Nitro (2's and 3's names)
NUXT_HOST_PACKAGES = frozenset({"nuxt", "@nuxt/schema", "nitropack", "nitro"})


def host_provided(path: str, manifest: Manifest, package: str) -> bool:
    """Whether `package` is Nuxt's own, imported by a runtime file of a Nuxt module (`src/runtime/...`)."""
    if package not in NUXT_HOST_PACKAGES or not any(manifest.declared(k) for k in _MODULE_KITS):
        return False
    folders = os.path.relpath(os.path.dirname(path), manifest.dir).split(os.sep)
    return "runtime" in folders
