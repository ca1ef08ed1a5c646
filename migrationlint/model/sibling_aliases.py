"""A path alias another package's tsconfig defines, for a name the importer's tsconfig does not map.

`import { HEADER } from '@shared/constants'` in a service whose tsconfig lost (or never had) the
`"@shared/*"` key that a sibling service's tsconfig still maps: nothing declares or installs the name,
and installing it would fetch whatever the registry holds under it. Asked only for a name that no
manifest, lockfile or node_modules folder knows.
"""

from __future__ import annotations

import os

from migrationlint.model.resolve import Resolver
from migrationlint.model.specifiers import best_matches
from migrationlint.model.workspace import Workspace

_NAMES = ("tsconfig.json", "tsconfig.app.json", "tsconfig.base.json", "tsconfig.build.json")


def alias_elsewhere(resolver: Resolver, workspace: Workspace, importer: str, spec: str) -> tuple[str, str] | None:
    """(tsconfig path, `paths` key) of the first tsconfig of the repository's package folders, other than
    the importer's own, whose `paths` map `spec` (never by the catch-all `*`), else None."""
    own = resolver.tsconfig_for(importer)
    for directory in sorted(workspace.manifest_dirs):
        for name in _NAMES:
            path = os.path.join(directory, name)
            if (own is not None and own.path == path) or not os.path.isfile(path):
                continue
            keys = [k for k in resolver.tsconfigs.config(path).paths if k != "*"]
            found = best_matches(keys, spec)
            if found:
                return path, found[0][0]
    return None
