"""What admin-panel frameworks do with the files that extend them: bundle them for the browser, and
hand them packages of their own.

AdminJS (and AdminBro before it) bundles the component files an application registers by path
(`componentLoader.add('Dashboard', './components/dashboard')`, `AdminJS.bundle('./components/x')`)
with rollup for the browser, and maps a fixed set of imports to globals its own front-end bundle
defines: `import React from 'react'` in such a file is `window.React`, never a package resolved from
the application's node_modules. The sets, by major version, are AdminJS's bundler configuration
(`DEFAULT_GLOBALS` since 7; the rollup `globals` of 6 and earlier, and of AdminBro).

Medusa 2 bundles the `src/admin/` folder of an application or plugin (widgets, UI routes, their
hooks) for the browser with its admin dashboard when `medusa build` runs: nothing in it is loaded
by the server, and its documentation says the extensions get the dashboard's UI kit, icons, JS SDK,
router and query client with the Medusa packages, not to be installed again (a second copy of the
query client breaks the dashboard's context).
"""

from __future__ import annotations

import os
import re

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


_MEDUSA_HOSTS = ("@medusajs/admin-sdk", "@medusajs/medusa", "@medusajs/framework")
_MEDUSA_PROVIDES = frozenset({"@medusajs/ui", "@medusajs/icons", "@medusajs/js-sdk", "react-router-dom",
                              "@tanstack/react-query"})


def admin_extension(path: str, manifest: Manifest) -> str | None:
    """Why the file at `path` is an extension an admin framework bundles for the browser (the
    `src/admin/` folder of a package that declares Medusa), or None."""
    if not path.startswith(os.path.join(manifest.dir, "src", "admin") + os.sep) \
            or not any(manifest.declared(host) for host in _MEDUSA_HOSTS):
        return None
    return ("an admin extension (src/admin/ of a Medusa application or plugin), which `medusa build` bundles for the "
            "browser with the admin dashboard: the server never loads it")


def admin_extension_provides(path: str, manifest: Manifest) -> frozenset[str]:
    """The packages the admin framework gives the extension at `path` (none outside an extension)."""
    return _MEDUSA_PROVIDES if admin_extension(path, manifest) is not None else frozenset()
