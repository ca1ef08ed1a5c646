"""Whether any file of the workspace may import a given file: a conservative reverse lookup.

Asked only where the answer removes a finding (a Nest module no file imports is never loaded; a
file no build compiles and nothing imports is dead code), so it scans on demand instead of keeping
the workspace's reverse imports: the sources of every package that mention one of the file's
names (Project.mentions, answered from the facts cache), then their import specifiers. A specifier
whose last segment is such a name counts; given a resolver, unless it resolves to another file
(a copy of the file elsewhere): "may import" errs towards yes. So does an `import.meta.glob`
pattern that names the file, or a load by a computed path below its folder
(``require(`./routes/${r}`)``). A run over a few files gets the answer a run over the tree gets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from migrationlint.extract.glob_imports import CONCAT_LOAD_WORDS, TEMPLATE_LOAD_WORD
from migrationlint.extract.sources import GLOB_WORD
from migrationlint.model.glob_targets import globbed_by
from migrationlint.model.project import Memo, Project

if TYPE_CHECKING:
    from migrationlint.model.resolve import Resolver


def importers(project: Project, path: str, names: tuple[str, ...], resolver: Resolver | None = None,
              within: str | None = None) -> Iterator[str]:
    """The workspace files other than `path` (with `within`, the files of the package in that folder) that
    may import it, lazily (a caller that needs one stops the scan there): those with an import whose last
    segment is one of `names` (the file's stem, and for an index file its folder's name); with a resolver,
    one that resolves to `path` (a copy of the file elsewhere, imported under the same name, does not
    count). Unreadable facts count as yes. A package asked about often in a run is searched through an
    index of its files' imports by last segment (_PackageImports), which answers as the scan does."""
    ws = project.workspace
    for root in [within] if within is not None else dict.fromkeys([ws.package_root(path), ws.root, *ws.member_dirs]):
        index = _package_imports(project, root)
        candidates = project.package_sources(root) if index is None else dict.fromkeys(
            [*(f for n in names for f in index.by_name.get(n, ())), *index.globbing, *index.unreadable])
        for other in candidates:
            if other != path and _may_import(project, other, path, names, resolver):
                yield other


def _may_import(project: Project, other: str, path: str, names: tuple[str, ...], resolver: Resolver | None) -> bool:
    """Whether the file `other` may import the file at `path` (importers' test for one file). A file parsed
    in this run answers from its facts; another is searched for the names first, which spares loading
    its facts (a file that spells no name imports none by it, and only one with a load word globs)."""
    facts = project.files.get(other)
    if facts is None or facts.skipped:
        if not any(project.mentions(other, n.encode("utf-8")) for n in names):
            return any(project.mentions(other, w) for w in (GLOB_WORD, TEMPLATE_LOAD_WORD, *CONCAT_LOAD_WORDS)) \
                and names_by_glob(project, other, path)
        facts = project.facts(other)
    return facts is None or facts.skipped or any(
        names_file(i.specifier, names) and (resolver is None or _resolves_to(resolver, other, i.specifier, path))
        for i in facts.imports) or names_by_glob(project, other, path)


@dataclass
class _PackageImports:
    """A package's files by the last segment of what they import (`./user.service` under `user.service`),
    with the files that load by glob or computed path and those whose facts could not be read: the only
    files that may import a given file."""

    by_name: dict[str, list[str]] = field(default_factory=dict)
    globbing: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def _package_imports(project: Project, root: str) -> _PackageImports | None:
    """The index of the package at `root`, built on its _INDEXED_AFTER-th search in the run (a run over a
    few files searches a package once or twice: reading the text of its files is cheaper than the facts
    of all of them), or on its first when the run parsed all of them; None before."""
    memo = _INDEXES(project)
    found = memo.get(root, 0)
    if isinstance(found, _PackageImports):
        return found
    if found + 1 < _INDEXED_AFTER and not (found == 0 and _parsed_here(project, root)):
        memo[root] = found + 1
        return None
    index = memo[root] = _PackageImports()
    for source in project.package_sources(root):
        facts = project.facts(source)
        if facts is None or facts.skipped:
            index.unreadable.append(source)
            continue
        if facts.globs:
            index.globbing.append(source)
        for key in {k for i in facts.imports for k in _last_segments(i.specifier)}:
            index.by_name.setdefault(key, []).append(source)
    return index


def _parsed_here(project: Project, root: str) -> bool:
    """Whether this run parsed every file of the package at `root` (a run over the tree): its facts are in
    memory, so indexing them costs less than the scans of even one search."""
    return all(source in project.files for source in project.package_sources(root))


def _last_segments(specifier: str) -> tuple[str, str]:
    """The names names_file matches a specifier by: its last segment, with and without an extension."""
    last = specifier.rstrip("/").rsplit("/", 1)[-1]
    return last, os.path.splitext(last)[0]


_INDEXED_AFTER = 8  # searches of one package in a run before its imports are indexed
_INDEXES: Memo[dict[str, int | _PackageImports]] = Memo("packages' imports by last segment", lambda project: {})


def names_by_glob(project: Project, importer: str, path: str) -> bool:
    """Whether an `import.meta.glob` pattern of `importer` names `path` (a Vite app's pages, another
    package's plugin folders)."""
    facts = project.facts(importer)
    return facts is not None and bool(facts.globs) and globbed_by(
        importer, facts.globs, path, project.workspace.package_root(importer))


def workspace_sources(project: Project, path: str) -> Iterator[str]:
    """The lintable files a file may be used from: its package's, then the root's and every member's
    (each package once, nested packages apart)."""
    ws = project.workspace
    for root in dict.fromkeys([ws.package_root(path), ws.root, *ws.member_dirs]):
        yield from project.package_sources(root)


def _resolves_to(resolver: Resolver, importer: str, specifier: str, path: str) -> bool:
    """Whether the import may mean `path`: it resolves there, or resolves nowhere and may name it. A
    bare or aliased name that resolves nowhere may mean anything, but a package the repository
    declares is that package (one of the workspace's, unmapped, may still be); a relative one names one place
    (`../../src/Old` is not `src/_old/Old.ts`), or where `rootDirs` merge folders the same place below each
    (`./+types/cart` of a React Router route, merged with `.react-router/types/`, is no `docs/app/routes/cart.tsx`)."""
    found = resolver.resolve(importer, specifier)
    if found.kind == "file":
        return found.path == path
    if found.kind in ("builtin", "virtual") or found.kind == "package" and found.origin != "workspace":
        return False  # Node's module, a framework's, or a registry package (`fumadocs-ui/page`): no file here
    if not specifier.startswith(("./", "../")):
        return True
    target = os.path.normpath(os.path.join(os.path.dirname(importer), specifier))
    named = {target, os.path.splitext(target)[0]}  # `../x.js` names `x.ts`
    cfg = resolver.tsconfig_for(importer)
    if cfg is not None and cfg.root_dirs:  # the same place below each of the merged folders
        named |= {os.path.join(other, os.path.relpath(n, base)) for n in set(named) for base in cfg.root_dirs
                  if n.startswith(base + os.sep) for other in cfg.root_dirs}
    own = path
    stem = own[:-5] if own.endswith(".d.ts") else os.path.splitext(own)[0]
    return stem in named or (os.path.basename(stem) == "index" and os.path.dirname(own) in named)


def names_file(specifier: str, names: tuple[str, ...]) -> bool:
    """Whether the specifier's last segment is one of `names`, with or without an extension."""
    return any(n in names for n in _last_segments(specifier))


def file_names(path: str) -> tuple[str, ...]:
    """The names an import of the file may end with: its stem (`user.service` for
    `user.service.ts`, `types` for `types.d.ts`), and for an index file its folder's name."""
    name = os.path.basename(path)
    stem = name[:-5] if name.endswith(".d.ts") else os.path.splitext(name)[0]
    if stem == "index":
        return stem, os.path.basename(os.path.dirname(path))
    return (stem,)
