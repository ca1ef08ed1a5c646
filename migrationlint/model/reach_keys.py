"""What a package's reachability reads of a file, as a short key: carried reachability (the language
server's, the fix loop's passes', the reach cache's) stands while every file it read keeps its key.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from migrationlint.model.elided_imports import compiled_type_uses


def reach_signature(facts) -> tuple | None:
    """What `Shipping._reached_from` reads of a file's facts: two facts with the same signature reach the
    same files (keep in step with its `_spread`, `_local_imports` and `_add_migrations`)."""
    if facts is None or facts.skipped:
        return None
    imports = tuple((i.kind, i.type_only, i.dev_only, i.lazy, i.specifier, i.kind == "import" and compiled_type_uses(i, facts))
                    for i in facts.imports)
    globs = tuple(item[1] for option in facts.migrations_options for item in option.items if item[0] == "glob")
    return imports, globs, tuple(pattern for pattern, _, _ in facts.globs)


class ReadAs(NamedTuple):
    """A file a carried reachability read, as a stored record knows it (cache/reach_cache.py):
    its content digest and its `reach_key`, where a run's own walk keeps the facts."""

    digest: str
    key: str


def reach_key(read) -> str | None:
    """`reach_signature` of facts (or the key a ReadAs carries), as a short digest: what carried
    reachability is compared by, in the language server, the fix loop and the reach cache."""
    if isinstance(read, ReadAs):
        return read.key
    signature = reach_signature(read)
    if signature is None:
        return None
    return hashlib.blake2b(repr(signature).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
