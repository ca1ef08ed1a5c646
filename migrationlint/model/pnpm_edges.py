"""What each package of a pnpm lockfile depends on itself, read only to explain a load.

pnpm records a package's own dependencies beside the peers it resolved for it (v9 in `snapshots:`,
v5 and v6 in `packages:`), and the lockfile loading leaves `snapshots:` out (a third of the file, read
by no rule). Under a hoisting pnpm install (`shamefully-hoist`, `node-linker=hoisted`) DEP001 says
which declared dependency brings an undeclared package into the root `node_modules`: only then is that
section parsed (the whole file before v9), once per content, and each entry's dependencies taken less
its peers.
"""

from __future__ import annotations

import os
from functools import lru_cache

from migrationlint.model.lockfile_record import Lockfile
from migrationlint.model.lockfiles import pnpm_dependency_sections, pnpm_key

_SECTIONS = ("dependencies", "optionalDependencies")


def own_dependencies(lock: Lockfile, package: str, version: str) -> frozenset[str]:
    """The packages `package`@`version` of the pnpm lockfile `lock` depends on itself (its peers left out)."""
    try:
        st = os.stat(lock.path)
    except OSError:
        return frozenset()
    found = _edges(lock.path, st.st_mtime_ns, st.st_size).get((package, version), frozenset())
    return found - frozenset(lock.peers.get((package, version), {}))


@lru_cache(maxsize=4)
def _edges(path: str, mtime_ns: int, size: int) -> dict[tuple[str, str], frozenset[str]]:
    data = pnpm_dependency_sections(path)
    edges: dict[tuple[str, str], set[str]] = {}
    for section in ("snapshots", "packages"):
        entries = data.get(section)
        for key, entry in (entries.items() if isinstance(entries, dict) else ()):
            parsed = pnpm_key(str(key))
            if parsed is None or not isinstance(entry, dict):
                continue
            names = edges.setdefault(parsed, set())
            for field in _SECTIONS:
                deps = entry.get(field)
                names.update(str(n) for n in (deps if isinstance(deps, dict) else ()))
    return {k: frozenset(v) for k, v in edges.items()}
