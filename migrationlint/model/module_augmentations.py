"""Module augmentations: `declare module './declarations.js' { interface RouteLookup { ... } }` in
a file that is a module adds declarations to the module the specifier names (resolved from that
file), so the module exports more than its own text says: the names the block declares.
TypeScript merges them for every importer of the program: an import of `RouteLookup` from the
augmented module, or from an index that re-exports it with `export *`, compiles.

Which modules are augmented is asked only when IMP003 is about to report a name, and the answer is
found the same way in a run over the tree and over a few files: the sources of every package of
the workspace that mention `declare module` or `export module` (Project.mentions answers from the facts cache).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from migrationlint.model.ambient_modules import declared_modules
from migrationlint.model.project import Memo

if TYPE_CHECKING:
    from migrationlint.model.project import Project
    from migrationlint.model.resolve import Resolver

# `export module 'x' { ... }` is the same declaration to tsc (exports.py records both).
MODULE_BLOCK_WORDS = (b"declare module", b"export module")


def added_names(project: Project, resolver: Resolver, target: str) -> frozenset[str]:
    """The names augmentations of the workspace add to `target` and to the modules it re-exports
    with `export *`: its surface holds them though its files do not declare them."""
    augmented = _AUGMENTED(project)
    if not augmented:
        return frozenset()
    added: set[str] = set()
    seen = {target}
    queue = deque([target])
    while queue:
        path = queue.popleft()
        added.update(augmented.get(path, ()))
        facts = project.facts(path)
        for imp in facts.imports if facts is not None else ():
            if imp.kind == "export-star":
                res = resolver.resolve(path, imp.specifier)
                if res.kind == "file" and res.path and res.path not in seen:
                    seen.add(res.path)
                    queue.append(res.path)
    return frozenset(added)


def _collect(project: Project) -> dict[str, frozenset[str]]:
    """{file an augmentation names (resolved from the augmenting file): the names it adds}."""
    from migrationlint.model.resolve import resolver_for

    resolver = resolver_for(project)
    ws = project.workspace
    found: dict[str, frozenset[str]] = {}
    for root in dict.fromkeys([ws.root, *ws.member_dirs]):
        for path in project.package_sources(root):
            if not any(project.mentions(path, word) for word in MODULE_BLOCK_WORDS):
                continue
            facts = project.facts(path)
            if facts is None or facts.skipped or declared_modules(facts):
                continue  # a script's `declare module` declares a module of its own (ambient_modules.py)
            for e in facts.exports:
                if e.kind == "declare-module" and e.name:
                    res = resolver.resolve(path, e.name)
                    if res.kind == "file" and res.path:
                        found[res.path] = found.get(res.path, frozenset()) | frozenset(e.members)
    return found


_AUGMENTED: Memo[dict[str, frozenset[str]]] = Memo("module augmentations", _collect)
