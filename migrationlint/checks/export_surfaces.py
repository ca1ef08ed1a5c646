"""The names a workspace module exports, following `export *` through the workspace: what IMP003
checks a named import against. Memoised per run, and carried across edits by the language server
and the fix loop for modules whose export facts did not change (surface_signature).
"""

from __future__ import annotations

from migrationlint.checks.base import Memo, Project, per_key
from migrationlint.extract.records import FileFacts
from migrationlint.model.ambient_modules import declared_modules
from migrationlint.model.discovery import git_ignored
from migrationlint.model.resolve import Resolver

EXPORT_SURFACES: Memo[dict[str, frozenset[str] | None]] = per_key("export surfaces")


def export_surface(project: Project, resolver: Resolver, path: str) -> frozenset[str] | None:
    """Every name the module at `path` exports, following `export *` (cycles cut); None when any
    part cannot be read (syntax errors, `export =`, `export *` from something that is not
    workspace TypeScript, or from a file a .gitignore names: a build writes it). Memoised per run."""
    memo = EXPORT_SURFACES(project)
    if path in memo:
        return memo[path]
    names, _ = _surface(project, resolver, path, (), memo)
    memo[path] = names  # complete at the top: every module of a cut cycle is still on this path
    return names


def surface_signature(facts: FileFacts | None) -> tuple | None:
    """What `_surface` reads of a module's facts: modules whose facts keep their signature keep
    their surfaces, so the language server and the fix loop carry EXPORT_SURFACES across edits."""
    if facts is None or facts.skipped or facts.has_error:
        return None
    declared = facts.path.endswith((".d.ts", ".d.mts", ".d.cts")) and not facts.export_list
    return (tuple((e.kind, e.name) for e in facts.exports), tuple(i.specifier for i in facts.imports
                                                                  if i.kind == "export-star"),
            tuple(d[0] for d in facts.declarations) if declared else (), _ambient_only(facts))


def _generated(project: Project, path: str) -> bool:
    """Whether a .gitignore names the module (`src/generated/`): a build writes it (a `pre-build`
    generator over committed `// stubs`), so what the checkout's copy exports is not what it will. A
    file the run lints was listed by the walk, which leaves out what git ignores: no need to ask."""
    return path not in project.files and git_ignored(path, project.workspace.root)


def _ambient_only(facts: FileFacts) -> bool:
    """A declaration file that is a script (no top-level import or export) holding `declare module
    '...' { ... }`: what the import finds is that ambient module's body, whose members these facts
    do not list (TypeScript takes an ambient declaration of the specifier before the file)."""
    return facts.path.endswith((".d.ts", ".d.mts", ".d.cts")) and bool(declared_modules(facts))


def _surface(project: Project, resolver: Resolver, path: str, stack: tuple[str, ...],
             memo: dict) -> tuple[frozenset[str] | None, bool]:
    """(names, cacheable): results computed while a cycle was cut are not memoised."""
    if path in memo:
        return memo[path], True
    facts = project.facts(path)
    if facts is None or facts.skipped or facts.has_error or _generated(project, path):
        memo[path] = None
        return None, True
    if any(e.kind == "export-equals" for e in facts.exports) or _ambient_only(facts):
        memo[path] = None
        return None, True
    names = {e.name for e in facts.exports if e.kind != "declare-module"}
    if path.endswith((".d.ts", ".d.mts", ".d.cts")) and not facts.export_list:
        names |= {d[0] for d in facts.declarations}  # TypeScript: a declaration file exports them all
    cacheable = True
    for imp in facts.imports:
        if imp.kind != "export-star":
            continue
        res = resolver.resolve(path, imp.specifier)
        if not res.is_source:
            memo[path] = None
            return None, True
        if res.path in stack or res.path == path:
            cacheable = False
            continue
        sub, sub_cacheable = _surface(project, resolver, res.path, stack + (path,), memo)
        if sub is None:
            memo[path] = None
            return None, True
        cacheable = cacheable and sub_cacheable
        names |= sub - {"default"}
    result = frozenset(names)
    if cacheable:
        memo[path] = result
    return result, cacheable
