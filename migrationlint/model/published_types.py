"""Type-only imports whose names reach the declarations a published package ships.

tsc keeps in the emitted `.d.ts` every type an exported declaration names (`export interface
HttpConfig extends InstrumentationConfig`, an exported const annotated with it): an application
that type-checks against the package (`skipLibCheck` off) needs that package installed beside it,
so it belongs where a value import's package would (`dependencies`, or `peerDependencies` where the
application provides it), not in `devDependencies`. Read as a name of the import referenced inside
the span of an exported declaration, in a package that ships declarations (`types`, `typings`, or
a `types` condition of `exports`). A reference in an exported function's body counts too: the
span is all the facts keep, and the error leans towards what a consumer may need.
"""

from __future__ import annotations

import json
from typing import Callable

from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.workspace import Manifest


def kept_in_declarations(m: Manifest, facts: FileFacts | None, imp: ImportFact,
                         published: Callable[[Manifest], bool]) -> bool:
    """Whether a type-only import (`imp`, of a shipping file with these facts) of `m`, a package
    `published` says others install and that ships declarations, is one those declarations keep
    (its package, or the `@types/` package that types it, is then what the application needs)."""
    return ships_declarations(m) and published(m) and named_by_exports(facts, imp)


def ships_declarations(m: Manifest) -> bool:
    """Whether the package names declaration files for its users: `types`/`typings`, or a `types`
    condition somewhere in `exports`."""
    if isinstance(m.data.get("types"), str) or isinstance(m.data.get("typings"), str):
        return True
    exports = m.data.get("exports")
    return isinstance(exports, dict) and '"types"' in json.dumps(exports)


def named_by_exports(facts: FileFacts | None, imp: ImportFact) -> bool:
    """Whether a name the import brings in is referenced inside an exported declaration of the file
    (an `export type { X } from 'pkg'` re-export is one by itself)."""
    if facts is None:
        return False
    if imp.kind in ("export-from", "export-star"):
        return True
    locals_ = [b.local for b in imp.bindings] + [n for n in (imp.default, imp.namespace) if n]
    spans = [(e.start, e.end) for e in facts.exports if e.source is None]
    return any(start <= at < end for name in locals_ for at, _ in facts.refs.get(name, ())
               for start, end in spans)
