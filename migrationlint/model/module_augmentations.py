"""Module augmentations: `declare module './declarations.js' { interface RouteLookup { ... } }` in
a file that is a module adds declarations to the module the specifier names (resolved from that
file), so the module exports more than its own text says. TypeScript merges them for every
importer of the program: an import of `RouteLookup` from the augmented module, or from an index
that re-exports it with `export *`, compiles.

Which modules are augmented is asked only when IMP003 is about to report a name, and the answer is
found the same way in a run over the tree and over a few files: the sources of every package of
the workspace that mention `declare module` (Project.mentions answers from the facts cache).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from migrationlint.model.ambient_modules import declared_modules
from migrationlint.model.project import Memo

if TYPE_CHECKING:
    from migrationlint.model.project import Project
    from migrationlint.model.resolve import Resolver

DECLARE_MODULE = b"declare module"


def augmented_through(project: Project, resolver: Resolver, target: str) -> bool:
    """Whether an augmentation of the workspace adds to `target` or to a module it re-exports
    with `export *`: its surface may hold names its files do not declare."""
    augmented = _AUGMENTED(project)
    if not augmented:
        return False
    seen = {target}
    queue = deque([target])
    while queue:
        path = queue.popleft()
        if path in augmented:
            return True
        facts = project.facts(path)
        for imp in facts.imports if facts is not None else ():
            if imp.kind == "export-star":
                res = resolver.resolve(path, imp.specifier)
                if res.kind == "file" and res.path and res.path not in seen:
                    seen.add(res.path)
                    queue.append(res.path)
    return False


def _collect(project: Project) -> frozenset[str]:
    """The files augmentations of the workspace's sources name (resolved from the augmenting file)."""
    from migrationlint.model.resolve import resolver_for

    resolver = resolver_for(project)
    ws = project.workspace
    found: set[str] = set()
    for root in dict.fromkeys([ws.root, *ws.member_dirs]):
        for path in project.package_sources(root):
            if not project.mentions(path, DECLARE_MODULE):
                continue
            facts = project.facts(path)
            if facts is None or facts.skipped or declared_modules(facts):
                continue  # a script's `declare module` declares a module of its own (ambient_modules.py)
            for e in facts.exports:
                if e.kind == "declare-module" and e.name:
                    res = resolver.resolve(path, e.name)
                    if res.kind == "file" and res.path:
                        found.add(res.path)
    return frozenset(found)


_AUGMENTED: Memo[frozenset[str]] = Memo("module augmentations", _collect)
