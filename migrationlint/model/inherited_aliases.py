"""Path aliases a tsconfig may inherit from a config package that is not installed.

A service's tsconfig that `extends` its organisation's config package (`@acme/config/tsconfig.json`)
inherits that package's `paths`; without node_modules the linter cannot read them. A bare name
that nothing declares or locks, and that reads like such an alias of a file of the project
(`@entities/user` beside `src/entities/user.ts`), is then no package to install and no phantom:
the import rules leave it alone rather than tell the user to install a registry name. Where the
tsconfig's `paths` are not all known at all (paths_unknown: an `extends` that could not be read, a
tool's output not written yet), IMP001 makes no claim that no alias knows a name.
"""

from __future__ import annotations

import os

from migrationlint.model.resolve import ALIAS_SIGILS, Resolver
from migrationlint.model.specifiers import candidates


def unread_alias(resolver: Resolver, importer: str, spec: str) -> str | None:
    """The config package the importer's tsconfig extends without its being installed, when `spec`
    names, without its alias sigil, a file of the project (at the config's folder, its `src/` or
    its baseUrl; for a sigil alone, `@/shared`, what follows it), or, past its first segment, a file from the config's folder (an alias of the
    project's folder itself, Quasar's `app/*`); else None."""
    cfg = resolver.tsconfig_for(importer)
    if cfg is None or not cfg.unread_extends or "/" not in spec:
        return None
    first, rest = spec.split("/", 1)
    stem = first.lstrip("".join(ALIAS_SIGILS))
    if not rest or not stem and not first:
        return None
    top = os.path.dirname(cfg.path)
    folders = {top, os.path.join(top, "src"), *((cfg.base_url,) if cfg.base_url else ())}
    for folder in sorted(folders):  # `@/shared` (a sigil alone: `@/*` -> `src/*`) names `src/shared`
        if any(resolver.is_file(c) for c in candidates(os.path.join(folder, stem, rest) if stem else os.path.join(folder, rest))):
            return cfg.unread_extends[0]
    # a first segment that names the project's folder itself (Quasar's `app/*`: `./*`)
    return cfg.unread_extends[0] if any(resolver.is_file(c) for c in candidates(os.path.join(top, rest))) else None


def paths_unknown(resolver: Resolver, path: str) -> bool:
    """Whether the file's tsconfig extends a config that could not be read (a package not installed,
    a framework's generated file not written yet), or the tsconfig.json nearest the file references
    projects not written yet (Nuxt's `./.nuxt/tsconfig.app.json`, which declares `#i18n` and the
    other virtual modules): its `paths` are not all known."""
    cfg = resolver.tsconfig_for(path)
    if cfg is not None and cfg.unread_extends:
        return True
    return resolver.tsconfigs.references_unwritten(os.path.dirname(path))


def unread_local_config(resolver: Resolver, path: str) -> bool:
    """Whether the file's tsconfig extends a file of the repository that is not there (a config a
    script writes, `.gitignore`d: `tsconfig.base.effective.json`), rather than a config package: such a
    generated base usually holds the workspace's own `paths`, so workspace names may be its aliases. A
    config package not installed (`expo/tsconfig.base`) holds compiler options, not this workspace's aliases."""
    cfg = resolver.tsconfig_for(path)
    return cfg is not None and any(spec.startswith((".", "/")) for spec in cfg.unread_extends)
