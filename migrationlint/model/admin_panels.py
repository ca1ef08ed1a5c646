"""What admin-panel frameworks do with the files that extend them: bundle them for the browser, and
hand them packages of their own.

AdminJS (and AdminBro before it) bundles the component files an application registers by path
(`componentLoader.add('Dashboard', './components/dashboard')`, `AdminJS.bundle('./components/x')`)
with rollup for the browser, and maps a fixed set of imports to globals its own front-end bundle
defines: `import React from 'react'` in such a file is `window.React`, never a package resolved from
the application's node_modules. The sets, by major version, are AdminJS's bundler configuration
(`DEFAULT_GLOBALS` since 7; the rollup `globals` of 6 and earlier, and of AdminBro).

Some frameworks bundle a folder of extensions for the browser with their admin dashboard when
their build runs (EXTENSION_FOLDERS: Medusa 2's `src/admin/`, widgets and UI routes of an
application or plugin): nothing in it is loaded by the server, and their documentation says the
extensions get the dashboard's UI kit, icons, SDK, router, query client, form tooling (react-hook-form,
zod) and translation hook (react-i18next), not to be installed again (a second copy of the query
client or of react-i18next breaks the dashboard's context).
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from migrationlint.model.workspace import Manifest

_SINCE_7 = frozenset({"react", "react-dom", "redux", "react-redux", "react-router", "react-router-dom", "prop-types",
                      "react-feather", "adminjs", "@adminjs/design-system"})
_BEFORE_7 = frozenset({"react", "react-dom", "redux", "react-redux", "react-router", "react-router-dom", "prop-types",
                       "lodash", "flat", "react-datepicker", "styled-components", "axios", "recharts",
                       "@carbon/icons-react", "react-select", "i18next", "react-i18next", "punycode", "uuid",
                       "adminjs", "@adminjs/design-system"})
_ADMIN_BRO = frozenset({"admin-bro", "@admin-bro/design-system"}) | (_BEFORE_7 - {"adminjs", "@adminjs/design-system"})
_MAJOR = re.compile(r"\d+")


def admin_panel_globals(manifests: list[Manifest]) -> frozenset[str]:
    """The packages the admin panel the first of `manifests` declaring one (the importer's, then its
    root's) gives its components as globals; empty when none declares AdminJS or AdminBro. A range
    whose major cannot be read gets what every AdminJS major provides."""
    for m in manifests:
        if m.declared("admin-bro"):
            return _ADMIN_BRO
        section = m.declared("adminjs")
        if section is not None:
            found = _MAJOR.search(m.section(section)["adminjs"])
            if found is None:
                return _SINCE_7 & _BEFORE_7
            return _SINCE_7 if int(found.group()) >= 7 else _BEFORE_7
    return frozenset()


class ExtensionFolder(NamedTuple):
    """An admin framework's convention: the folder of a package that declares one of `hosts`,
    which the framework's build bundles for the browser with its admin dashboard, and the packages
    the dashboard gives those files (its documentation says not to install them again)."""

    framework: str
    hosts: tuple[str, ...]
    folder: tuple[str, ...]
    build: str
    provides: frozenset[str]


# the admin frameworks whose extension folder is known; a framework with the same convention is a row
EXTENSION_FOLDERS = (
    ExtensionFolder("Medusa", ("@medusajs/admin-sdk", "@medusajs/medusa", "@medusajs/framework"), ("src", "admin"),
                    "medusa build", frozenset({"@medusajs/ui", "@medusajs/icons", "@medusajs/js-sdk",
                                               "react-router-dom", "@tanstack/react-query",
                                               # its forms' tooling, and the translations' hook (Medusa 2.11+)
                                               "react-hook-form", "zod", "react-i18next"})),
)


def _extension_folder(path: str, manifest: Manifest) -> ExtensionFolder | None:
    """The convention under which the file at `path` is an admin extension of its package, or None."""
    return next((c for c in EXTENSION_FOLDERS if path.startswith(os.path.join(manifest.dir, *c.folder) + os.sep)
                 and any(manifest.declared(host) for host in c.hosts)), None)


def admin_extension(path: str, manifest: Manifest) -> str | None:
    """Why the file at `path` is an extension an admin framework bundles for the browser, or None."""
    found = _extension_folder(path, manifest)
    if found is None:
        return None
    return (f"an admin extension ({'/'.join(found.folder)}/ of a {found.framework} application or plugin), which "
            f"`{found.build}` bundles for the browser with the admin dashboard: the server never loads it")


def admin_extension_provides(path: str, manifest: Manifest) -> frozenset[str]:
    """The packages the admin framework gives the extension at `path` (none outside an extension)."""
    found = _extension_folder(path, manifest)
    return found.provides if found is not None else frozenset()
