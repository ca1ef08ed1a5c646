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
from typing import TYPE_CHECKING, Iterator

from migrationlint.extract.glob_imports import CONCAT_LOAD_WORDS, TEMPLATE_LOAD_WORD
from migrationlint.extract.sources import GLOB_WORD
from migrationlint.model.glob_targets import globbed_by
from migrationlint.model.project import Project

if TYPE_CHECKING:
    from migrationlint.model.resolve import Resolver


def importers(project: Project, path: str, names: tuple[str, ...], resolver: Resolver | None = None,
              within: str | None = None) -> Iterator[str]:
    """The workspace files other than `path` (with `within`, the files of the package in that folder) that
    may import it, lazily (a caller that needs one stops the scan there): those with an import whose last
    segment is one of `names` (the file's stem, and for an index file its folder's name); with a resolver,
    one that resolves to `path` (a copy of the file elsewhere, imported under the same name, does not
    count). Unreadable facts count as yes."""
    for other in workspace_sources(project, path) if within is None else project.package_sources(within):
        if other == path:
            continue
        if not any(project.mentions(other, n.encode("utf-8")) for n in names):
            if any(project.mentions(other, w) for w in (GLOB_WORD, TEMPLATE_LOAD_WORD, *CONCAT_LOAD_WORDS)) \
                    and names_by_glob(project, other, path):
                yield other
            continue
        facts = project.facts(other)
        if facts is None or facts.skipped or any(
                names_file(i.specifier, names) and (resolver is None or _resolves_to(resolver, other, i.specifier, path))
                for i in facts.imports) or names_by_glob(project, other, path):
            yield other


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
    last = specifier.rstrip("/").rsplit("/", 1)[-1]
    return last in names or os.path.splitext(last)[0] in names


def file_names(path: str) -> tuple[str, ...]:
    """The names an import of the file may end with: its stem (`user.service` for
    `user.service.ts`, `types` for `types.d.ts`), and for an index file its folder's name."""
    name = os.path.basename(path)
    stem = name[:-5] if name.endswith(".d.ts") else os.path.splitext(name)[0]
    if stem == "index":
        return stem, os.path.basename(os.path.dirname(path))
    return (stem,)
