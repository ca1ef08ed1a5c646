"""Whether an exported options constant is handed on by a file that imports it.

`export const RedisOption = { transport: Transport.REDIS }` in a shared file loads the Redis client only
where the object reaches Nest (`createMicroservice(AppModule, RedisOption)`); a file that imports it
only to read `RedisOption.name` hands nothing on (option_holders). An importer that re-exports it, imports
the module whole (`import * as options`) or cannot be read counts as handing it on.
"""

from __future__ import annotations

from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.project import Project
from migrationlint.model.resolve import resolver_for


def handed_on(project: Project, path: str, name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a file importing the constant `name` from `path` uses it whole (not only `name.field`),
    through barrels that re-export it (`export * from './options'`) too."""
    resolver = resolver_for(project)
    for importer in importers(project, path, file_names(path), resolver):
        if importer in seen:
            continue
        facts = project.facts(importer)
        if facts is None:
            return True
        for imp in facts.imports:
            if resolver.resolve(importer, imp.specifier).path != path:
                continue
            if imp.namespace or imp.kind in ("require", "dynamic", "import-equals"):
                return True
            onward = [name] if imp.kind == "export-star" else [b.local for b in imp.bindings if b.imported == name] \
                if imp.kind == "export-from" else []
            if any(handed_on(project, importer, n, seen | {path}) for n in onward):
                return True  # a barrel's importers decide
            if any(b.imported == name and _used_whole(facts, imp, b.local) for b in imp.bindings):
                return True
    return False


def _used_whole(facts: FileFacts, imp: ImportFact, local: str) -> bool:
    """Whether the file uses the imported `local` as a value other than by member reads alone."""
    used = facts.refs.used_outside(local, imp.stmt_start, imp.stmt_end)
    return used and local not in facts.type_only_locals and local not in facts.metadata_only_locals \
        and local not in facts.member_read_locals
