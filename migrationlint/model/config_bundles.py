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

from migrationlint.model import packages as pk
from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.project import Memo, Project
from migrationlint.model.resolve import Resolver, resolver_for

_BUNDLING_CONFIG = re.compile(r"(?:vite|vitest|tsup)\.config\.[cm]?[jt]s")


def resolved_from_configs(project: Project, resolver: Resolver, path: str, package: str) -> bool:
    """Whether the file at `path` is imported, and only imported, by configs their tool bundles
    (`vite.config.ts`, `vitest.config.mts`, `tsup.config.ts`), each in a package that declares
    `package`: that bundle, written beside the config, is where the import resolves from. Only a
    file some package's top-level config imports by path is scanned for all its importers."""
    if path not in _CONFIG_TARGETS(project):
        return False
    seen = False
    for importer in importers(project, path, file_names(path), resolver):
        manifest = project.workspace.manifest_for(importer)
        if not _BUNDLING_CONFIG.fullmatch(os.path.basename(importer)) or manifest is None \
                or not manifest.declared(package):
            return False
        seen = True
    return seen


def _config_targets(project: Project) -> frozenset[str]:
    """The files the bundling configs at the top of the workspace's packages import by a relative
    path (read once per run: the few configs there are, not a scan per file asked about)."""
    ws = project.workspace
    found: set[str] = set()
    for directory in dict.fromkeys([ws.root, *ws.member_dirs]):
        try:
            names = [n for n in os.listdir(directory) if _BUNDLING_CONFIG.fullmatch(n)]
        except OSError:
            continue
        for name in names:
            config = os.path.join(directory, name)
            facts = project.facts(config)
            for imp in facts.imports if facts is not None else ():
                if pk.is_relative(imp.specifier):
                    res = resolver_for(project).resolve(config, imp.specifier)
                    if res.kind == "file" and res.path:
                        found.add(res.path)
    return frozenset(found)


_CONFIG_TARGETS: Memo[frozenset[str]] = Memo("files bundling configs import by path", _config_targets)
