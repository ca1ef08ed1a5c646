"""Files a tool bundles into its config, whose bare imports resolve from the config's folder.

Vite (and Vitest, which loads its config through Vite) and tsup bundle a config with what it imports by
a relative path, keep bare imports external, and write the bundle beside the config before loading it.
So a bare import in a shared config factory (`packages/cfg/vite.config.default.ts`, which each member's
`vite.config.ts` imports) resolves from the member's folder, whatever folder the factory lies in: the
members' manifests are the ones that must declare it, not the manifest above the factory.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.project import Project
from migrationlint.model.resolve import Resolver

_BUNDLING_CONFIG = re.compile(r"(?:vite|vitest|tsup)\.config\.[cm]?[jt]s")


def resolved_from_configs(project: Project, resolver: Resolver, path: str, package: str) -> bool:
    """Whether the file at `path` is imported, and only imported, by configs their tool bundles
    (`vite.config.ts`, `vitest.config.mts`, `tsup.config.ts`), each in a package that declares
    `package`: that bundle, written beside the config, is where the import resolves from."""
    seen = False
    for importer in importers(project, path, file_names(path), resolver):
        manifest = project.workspace.manifest_for(importer)
        if not _BUNDLING_CONFIG.fullmatch(os.path.basename(importer)) or manifest is None \
                or not manifest.declared(package):
            return False
        seen = True
    return seen
