"""A name used in a file -> where it is declared: a class of the workspace, a package, or unknown.

Nest compares providers, modules and entities by identity (two classes called `MetricsService`
are two tokens), so cross-file rules need the declaring file of each name: through the file's
imports, the resolver (relative paths, tsconfig aliases, workspace packages) and barrel files
(`export { X } from`, `export * from`). Anything the chain loses is "unknown", never a guess.
"""

from __future__ import annotations

from typing import NamedTuple

from migrationlint.extract.records import FileFacts
from migrationlint.model.resolve import resolver_for
from migrationlint.model.own_aliases import is_alias
from migrationlint.model.packages import is_relative
from migrationlint.model.specifiers import package_name
from migrationlint.model.project import Memo, per_key

_MAX_DEPTH = 8


class Origin(NamedTuple):
    """kind: class (declared in `path` as `name`), package (`name` exported by package `path`),
    local (declared in `path` but not a class: a const, a function), unknown."""

    kind: str
    path: str
    name: str

    @property
    def known(self) -> bool:
        return self.kind != "unknown"


UNKNOWN = Origin("unknown", "", "")
_ORIGINS: Memo[dict[tuple[str, str], Origin]] = per_key("declarations")


def origin(project, path: str, local: str) -> Origin:
    """Where the name `local`, as used in `path`, is declared. Memoised per run."""
    memo = _ORIGINS(project)
    key = (path, local)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _origin(project, path, local, 0)
    return found


_EXPORTED_VALUES = ("const", "let", "var", "enum")


def _origin(project, path: str, local: str, depth: int) -> Origin:
    facts: FileFacts | None = project.facts(path)
    if facts is None or facts.skipped or depth > _MAX_DEPTH:
        return UNKNOWN
    if any(c.name == local for c in facts.classes):
        return Origin("class", path, local)
    for imp in facts.imports:
        if imp.kind not in ("import", "require") or imp.type_only:
            continue
        for b in imp.bindings:
            if b.local == local and not b.type_only:
                return _imported(project, path, imp.specifier, b.imported, depth)
        if imp.default == local and imp.kind == "import":
            return _imported(project, path, imp.specifier, "default", depth)
    if any(d[0] == local for d in facts.declarations) or local in facts.functions \
            or any(e.name == local and e.kind in _EXPORTED_VALUES for e in facts.exports):
        return Origin("local", path, local)  # `export const migrations = [...]` is declared here too
    return UNKNOWN


def type_only_origin(project, path: str, local: str) -> Origin:
    """Where a name imported with `import type` (or `import { type X }`) in `path` is declared:
    such a name has no runtime value in `path`, which matters where TypeScript records types at
    runtime (decorator metadata). UNKNOWN when `local` is not a type-only import."""
    facts: FileFacts | None = project.facts(path)
    for imp in facts.imports if facts is not None and not facts.skipped else ():
        if imp.kind != "import":
            continue
        for b in imp.bindings:
            if b.local == local and (imp.type_only or b.type_only):
                return _imported(project, path, imp.specifier, b.imported, 0)
    return UNKNOWN


def _imported(project, importer: str, spec: str, name: str, depth: int) -> Origin:
    res = resolver_for(project).resolve(importer, spec)
    if res.kind == "package":
        return Origin("package", res.package or spec, name)
    if res.kind == "builtin":
        return Origin("package", spec, name)
    if res.kind == "unresolved" and not is_relative(spec) and not spec.startswith("#") \
            and not is_alias(project, importer, spec):
        return Origin("package", package_name(spec), name)  # a package that is not installed here
    if not res.is_source or res.path is None:
        return UNKNOWN
    return exported(project, res.path, name, depth + 1)


def exported(project, path: str, name: str, depth: int = 0) -> Origin:
    """Where the export `name` of the module `path` is declared (following barrels)."""
    facts: FileFacts | None = project.facts(path)
    if facts is None or facts.skipped or depth > _MAX_DEPTH:
        return UNKNOWN
    stars: list[str] = []
    for e in facts.exports:
        if e.name != name:
            continue
        if e.kind == "reexport" and e.source is not None:
            return _imported(project, path, e.source, e.local or name, depth) if e.local != "*" else UNKNOWN
        if e.kind in ("class", "local", "default") and e.local:
            return _origin(project, path, e.local, depth + 1)
        return Origin("local", path, name)
    stars = [i.specifier for i in facts.imports if i.kind == "export-star"]
    for spec in stars:
        found = _imported(project, path, spec, name, depth)
        if found.known:
            return found
    return UNKNOWN
