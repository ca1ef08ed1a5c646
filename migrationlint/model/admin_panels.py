"""The packages an admin-panel framework hands its custom components as browser globals.

AdminJS (and AdminBro before it) bundles the component files an application registers by path
(`componentLoader.add('Dashboard', './components/dashboard')`, `AdminJS.bundle('./components/x')`)
with rollup for the browser, and maps a fixed set of imports to globals its own front-end bundle
defines: `import React from 'react'` in such a file is `window.React`, never a package resolved from
the application's node_modules. The sets, by major version, are AdminJS's bundler configuration
(`DEFAULT_GLOBALS` since 7; the rollup `globals` of 6 and earlier, and of AdminBro).
"""

from __future__ import annotations

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
