"""Type-only imports whose names reach the declarations a published package ships.

tsc keeps in the emitted `.d.ts` every type an exported declaration names (`export interface
HttpConfig extends InstrumentationConfig`, an exported const annotated with it): an application
that type-checks against the package (`skipLibCheck` off) needs that package installed beside it,
so it belongs where a value import's package would (`dependencies`, or `peerDependencies` where the
application provides it), not in `devDependencies`. Read as a name of the import referenced inside
the span of an exported declaration, in a package that ships declarations (`types`, `typings`, or
a `types` condition of `exports`), where tsc's declaration emit keeps it: not in a private member,
nor in a body or initializer whose type an annotation gives (declaration_positions.py).
"""

from __future__ import annotations

from typing import Callable

from migrationlint.extract.declaration_positions import any_emitted
from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.workspace import Manifest


def kept_in_declarations(m: Manifest, facts: FileFacts | None, imp: ImportFact,
                         published: Callable[[Manifest], bool], read: Callable[[], bytes | None]) -> bool:
    """Whether a type-only import (`imp`, of a shipping file with these facts, whose bytes `read`
    gives) of `m`, a package `published` says others install and that ships declarations, is one
    those declarations keep (its package, or the `@types/` package that types it, is then what the
    application needs)."""
    return ships_declarations(m) and published(m) and named_by_exports(facts, imp, read)


def ships_declarations(m: Manifest) -> bool:
    """Whether the package names declaration files for its users: `types`/`typings`, or a `types`
    condition somewhere in `exports`, naming a declaration file or build output. Not TypeScript
    source (`"types": "./index.ts"`): a package its dependents compile or bundle from source, whose
    type-only imports no emitted `.d.ts` keeps; nor a pattern in `types` (`./lib/*.d.ts`, which only
    `exports` may hold: a leftover in an application's manifest)."""
    fields = [t for t in (m.data.get("types"), m.data.get("typings")) if isinstance(t, str) and "*" not in t]
    return any(not _source_file(t) for t in fields + _types_conditions(m.data.get("exports")))


def _types_conditions(exports: object, under_types: bool = False) -> list[str]:
    """The paths every `types` condition of an `exports` map names, however deeply nested (a
    `types` condition may itself hold `import` and `require` ones)."""
    if isinstance(exports, str):
        return [exports] if under_types else []
    items = enumerate(exports) if isinstance(exports, list) else exports.items() if isinstance(exports, dict) else ()
    return [t for key, value in items for t in _types_conditions(value, under_types or key == "types")]


def _source_file(target: str) -> bool:
    """Whether a `types` target is TypeScript source rather than a declaration file."""
    return target.endswith((".ts", ".tsx", ".mts", ".cts")) and not target.endswith((".d.ts", ".d.mts", ".d.cts"))


def named_by_exports(facts: FileFacts | None, imp: ImportFact, read: Callable[[], bytes | None]) -> bool:
    """Whether a name the import brings in is referenced inside an exported declaration of the file
    where the emitted `.d.ts` keeps it (an `export type { X } from 'pkg'` re-export is one by itself;
    a declaration an export list or `export default X` names is exported as one written `export`).
    The facts keep only the exports' spans; the file is parsed again, for the few imports this is
    asked of, to leave out what tsc drops (declaration_positions.py). Unreadable: kept."""
    if facts is None:
        return False
    if imp.kind in ("export-from", "export-star"):
        return True
    locals_ = [b.local for b in imp.bindings] + [n for n in (imp.default, imp.namespace) if n]
    spans = [(e.start, e.end, e.kind in _DECLARED_WHOLE) for e in facts.exports if e.source is None]
    listed = {e.local for e in facts.exports if e.source is None and e.local}  # `export { Skeleton }`, `export default X`
    spans += [(start, end, kind in _DECLARED_WHOLE) for name, kind, start, end in facts.declarations if name in listed]
    inside: list[tuple[int, int, int]] = []
    for name in locals_:
        for at, _ in facts.refs.get(name, ()):
            span = next((sp for sp in spans if sp[0] <= at < sp[1]), None)
            if span is not None and span[2]:
                return True  # an exported interface or type alias is written to the `.d.ts` as it stands
            if span is not None:
                inside.append((at, span[0], span[1]))
    if not inside:
        return False
    data = read()
    return data is None or any_emitted(data, facts.path, inside)


_DECLARED_WHOLE = frozenset({"interface", "type", "enum"})
