"""Whether a specifier is the importer's own path alias (tsconfig `paths`, `baseUrl`, a configured alias),
not a package: dependency rules ask it for every import before judging a name as a package, so the answer is
memoised per tsconfig, importer's package and specifier."""

from __future__ import annotations

import os

from migrationlint.model import packages as pk
from migrationlint.model.project import Memo, per_key
from migrationlint.model.resolve import Resolver, resolver_for
from migrationlint.model.specifiers import alias_matches, best_matches
from migrationlint.model.tsconfig import TsConfig

_IS_ALIAS: Memo[dict[tuple[str, str, str], bool]] = per_key("is alias", disk_only=True)


def is_alias(project, importer_path: str, specifier: str) -> bool:
    """True when `specifier` is the importer's own path alias, not a package: it matches a `paths`
    pattern of the covering tsconfig (a catch-all `*` only when it names a file), is a
    `baseUrl`-relative path that exists, or matches a configured alias."""
    if pk.is_relative(specifier) or specifier.startswith("#"):
        return False
    resolver = resolver_for(project)
    cfg = resolver.tsconfig_for(importer_path)
    # the answer depends on the tsconfig, the importer's package (what its install holds decides `baseUrl`
    # for a bare name) and the specifier only: dependency rules ask it for every import
    memo = _IS_ALIAS(project)
    key = (cfg.path if cfg is not None else "", resolver.workspace.nearest_manifest_path(os.path.dirname(importer_path))
           or "", specifier)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _is_alias(resolver, cfg, importer_path, specifier)
    return found


def _is_alias(resolver: Resolver, cfg: TsConfig | None, importer_path: str, specifier: str) -> bool:
    if cfg is not None and cfg.paths:
        for key, _ in best_matches(list(cfg.paths), specifier):
            if key != "*":
                return True
            break
    if any(alias_matches(p, specifier) for p in resolver.aliases):
        return True
    # a bundler's query (`assets/logo.svg?react`, `x.md?raw`) names the file before it; no package name holds `?`
    result = resolver.resolve(importer_path, specifier.split("?", 1)[0])
    if result.kind == "virtual" or result.origin in ("alias", "baseUrl") and result.kind == "unresolved":
        # a framework virtual module, a config-file alias, or a path under `baseUrl` through a folder that
        # exists there (`src/generated/client` before a generator ran; a gitignored file): IMP002's business
        return True
    return result.kind == "file" and result.origin in ("alias", "baseUrl")
