"""Which imports the TypeScript compiler drops from its output: the names a file uses only as
types, or only in annotations that decorator metadata emits as `Object`. An import tsc drops loads
nothing at runtime, so the package it names is needed for types only."""

from __future__ import annotations

from typing import Callable

from migrationlint.extract.records import CONST_ENUM, ExportFact, FileFacts, ImportFact
from migrationlint.model.project import Memo, Project
from migrationlint.model.resolve import resolver_for

# import forms that execute the package (and so need its peers); `require.resolve` only finds it
LOADING_KINDS = frozenset({"import", "export-from", "export-star", "import-equals", "require", "dynamic"})


def erased(imp: ImportFact, facts: FileFacts, names: list[str]) -> bool:
    """A plain import (or `import x = require('x')`) whose every binding is used only in type
    positions: the compiler drops it (`import { Request } from 'express'` used as `(req: Request) => ...`). Annotations that
    decorator metadata emits at runtime do not count as type positions (see facts). `names`:
    the bindings it uses (`used_names`): one never used beside type uses is dropped too
    (`import { Request, NextFunction }` with only `Request` in a signature)."""
    if imp.kind not in ("import", "import-equals") or imp.side_effect:
        return False
    return bool(names) and all(n in facts.type_only_locals for n in names)


def compiled_away(imp: ImportFact, facts: FileFacts, used: list[str], elides: bool) -> bool:
    """Whether the compiler drops `imp` from its output though it is no `import type`: a plain
    import whose used names (`used`) are all types (an `import x = require()` only where the
    tsconfig elides, `elides`: verbatimModuleSyntax keeps it), or, where it elides, one whose
    names the file never uses."""
    if used:
        return erased(imp, facts, used) and (imp.kind == "import" or elides)
    return imp.kind == "import" and not imp.side_effect and bool(imp.locals) and elides


def compiled_type_uses(imp: ImportFact, facts: FileFacts) -> bool:
    """Whether the file uses the names of a plain import only as types, or none of them: what
    `compiled_away` asks of the file itself (the tsconfig then says whether it is dropped)."""
    if imp.side_effect or not imp.locals:
        return False
    used = used_names(imp, facts)
    return not used or all(n in facts.type_only_locals for n in used)


def metadata_only_names(facts: FileFacts, names: list[str]) -> bool:
    """Every binding used (`names`) is a type or a name in an annotation that decorator metadata emits."""
    meta = facts.metadata_only_locals
    return bool(names) and any(n in meta for n in names) and all(n in meta or n in facts.type_only_locals
                                                                  for n in names)


def used_names(imp: ImportFact, facts: FileFacts) -> list[str]:
    """The bindings used outside the import statement (tsc elides one never used)."""
    return [n for n in imp.locals if facts.refs.used_outside(n, imp.stmt_start, imp.stmt_end)]


def declared_type_only(imp: ImportFact) -> bool:
    """Erased by TypeScript: `import type`, type queries, references, and imports whose every
    named binding is `type`."""
    if imp.type_only or imp.kind in ("type-query", "reference"):
        return True
    if imp.kind in ("import", "export-from") and imp.bindings and imp.default is None and imp.namespace is None:
        return all(b.type_only for b in imp.bindings)
    return False


def declared_as_types(project: Project, path: str, imp: ImportFact, used: list[str]) -> bool:
    """Whether every name the file uses from `imp` is a type alias or an interface of the workspace
    source it resolves to (`import { DeepRequired } from '@acme/common/lib/shared-types'`, an
    `export type` there): tsc elides the import though a decorated signature names it, as decorator
    metadata emits `Object` for such types. Read only for modules of the workspace, whose source
    says what each name is: `export { X } from` and `export *` (an entry that gathers its types
    folder) are followed to the declaration; a name that comes through `export type` is a type."""
    return _all_exported_as(project, path, imp, used, _TYPES(project), _a_type_export)


def inlined_const_enums(project: Project, path: str, imp: ImportFact, values: list[str]) -> bool:
    """Whether every name the file uses as a value from `imp` (`values`) is a `const enum` of the
    workspace source it resolves to (`UnitType.ARCHER` from a shared-types package): tsc inlines
    their members and, with no value use left, drops the import. The caller says whether the
    compiler is tsc with its program's view (no `isolatedModules`, no imports kept as written)."""
    return _all_exported_as(project, path, imp, values, _CONST_ENUMS(project), _a_const_enum)


def _a_type_export(e: ExportFact) -> bool:
    return e.type_only or e.kind in ("type", "interface")


def _a_const_enum(e: ExportFact) -> bool:
    return e.kind in ("enum", "declare") and e.value_kind == CONST_ENUM


def _all_exported_as(project: Project, path: str, imp: ImportFact, used: list[str], memo: dict,
                     wanted: Callable[[ExportFact], bool]) -> bool:
    """Whether each name of `used` (local bindings of `imp`) is an export of the module `imp`
    resolves to that `wanted` accepts, followed through re-exports."""
    names = {b.local: b.imported for b in imp.bindings}
    if not used or any(n not in names or not names[n] for n in used):
        return False
    resolver = resolver_for(project)
    target = resolver.resolve(path, imp.specifier).path
    if target is None:
        return False
    for n in used:
        key = (target, names[n])
        if key not in memo:  # asked for every walk over a decorated signature's import
            memo[key] = bool(_exported_as(project, resolver, target, names[n], set(), wanted))
        if not memo[key]:
            return False
    return True


_CHAIN_DEPTH = 8  # re-export hops followed before a name is taken for a value
_TYPES: Memo[dict[tuple[str, str], bool]] = Memo("exported names that are types", lambda project: {})
_CONST_ENUMS: Memo[dict[tuple[str, str], bool]] = Memo("exported names that are const enums", lambda project: {})


def _exported_as(project: Project, resolver, module: str, name: str, seen: set[str],
                 wanted: Callable[[ExportFact], bool]) -> bool | None:
    """Whether `module` exports `name` as `wanted` accepts (True), as anything else or unknowably
    (False), or not at all (None)."""
    if module in seen:
        return None  # searched already, through another `export *` (or a cycle)
    found = project.facts(module)
    if found is None or found.skipped or len(seen) > _CHAIN_DEPTH:
        return False
    seen.add(module)
    for e in found.exports:
        if e.name != name:
            continue
        if e.type_only or not e.source:
            return wanted(e)
        target = resolver.resolve(module, e.source).path if e.local and e.local != "*" else None
        return target is not None and bool(_exported_as(project, resolver, target, e.local, seen, wanted))
    for star in found.imports:
        if star.kind != "export-star":
            continue
        target = resolver.resolve(module, star.specifier).path
        kind = _exported_as(project, resolver, target, name, seen, wanted) if target is not None else False
        if kind is not None:
            return wanted is _a_type_export if star.type_only else kind  # through `export type *` only a type comes
    return None
