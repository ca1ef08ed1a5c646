"""The files of a package that one of its files reaches by value imports: a mixin of Shipping.

A workspace library with many entries (an `exports` map of subpaths: `./queue`, `./environment/db`)
may keep a peer dependency that one subpath alone loads. An application that imports another
entry loads none of it, so whether it needs the peer is a question about the files that entry
reaches, not about the library as a whole (DEP003 asks it: checks/missing_peers.py).
"""

from __future__ import annotations

from collections import deque

from migrationlint.model.project import per_key
from migrationlint.model.workspace import Manifest

_REACHED_FROM = per_key("files a package's file reaches by value imports")


class EntryReach:
    """Mixin of Shipping: `reached_from`."""

    def reached_from(self, start: str, manifest: Manifest, crossing: bool = False) -> frozenset[str]:
        """`start` and every file of `manifest`'s package that it reaches by value imports, those
        that load with it and those it loads on demand (`import()` in a function), as Node would run
        the package's source (memoized per start); `crossing`: files of other packages of the
        checkout too, reached by relative paths (a root test importing `../apps/api/src/svc`)."""
        memo = _REACHED_FROM(self.project)
        key = (start, manifest.path, crossing)
        found = memo.get(key)
        if found is None:
            seen = {start}
            queue = deque([start])
            while queue:
                for target in self._local_imports(queue.popleft(), manifest, "production", crossing=crossing):
                    if target not in seen:
                        seen.add(target)
                        queue.append(target)
            found = memo[key] = frozenset(seen)
        return found
