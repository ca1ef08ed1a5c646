"""Who loads a private package that no manifest lists: the files of other packages that import it.

A package only this repository uses reaches production through the installs of the packages that
depend on it (shipping.py, `dependents`). One that no manifest lists can still be imported: by its
name or an alias of tsconfig `paths` (a test harness mapped to its source, `@hooks/*` into a hooks
library), or by a relative path into its folder. When every such importer is a test or another
file that never ships, the package is test support, whatever its `main` says; when nothing imports
it, nothing is known and it keeps its entries. Asked once per such package (shipping memoizes), by
a scan of the imports of the workspace's sources; a run over a few files first looks for the
package's name or folder name in their bytes (Project.mentions), so as to load the facts of the
few that may import it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterator

from migrationlint.model.packages import is_relative
from migrationlint.model.workspace import Manifest

from migrationlint.model.project import Memo

if TYPE_CHECKING:
    from migrationlint.model.project import Project
    from migrationlint.model.resolve import Resolver


def outside_importers(project: Project, manifest: Manifest, resolver: Resolver) -> Iterator[str]:
    """The workspace files outside `manifest`'s package that import it by name (`@acme/testing`,
    `@acme/testing/x`) or by a relative path into its folder, lazily; a file whose facts cannot be
    read counts (it may import it)."""
    for other, targets in _outside_imports(project, manifest, resolver):
        if targets is None or targets:
            yield other


def outside_imports(project: Project, manifest: Manifest, resolver: Resolver) -> dict[str, list[str]] | None:
    """{file outside the package: the package's files it imports}, for the files that import any;
    None when a file that may import it cannot be read (what it imports is unknown). An import of
    the package by name that reaches no source file of it (a built file) is '' (some file of it)."""
    found: dict[str, list[str]] = {}
    for other, targets in _outside_imports(project, manifest, resolver):
        if targets is None:
            return None
        if targets:
            found[other] = targets
    return found


def _outside_imports(project: Project, manifest: Manifest, resolver: Resolver) -> Iterator[tuple[str, list[str] | None]]:
    """(file outside the package, the package's files it imports: None when its facts cannot be
    read), for the workspace files that may import it (a run over a few files searches their bytes
    for the package's name or folder name first)."""
    name = manifest.name or ""
    folder = os.path.basename(manifest.dir)
    ws = project.workspace
    inside = manifest.dir.rstrip(os.sep) + os.sep
    whole = bool(project.all_sources)  # every file's facts are at hand: no need to search their bytes first
    for root in dict.fromkeys([ws.root, *ws.manifest_dirs]):
        if root == manifest.dir:
            continue
        for other in project.package_sources(root):
            if not whole and not (name and project.mentions(other, name.encode("utf-8"))
                                  or project.mentions(other, folder.encode("utf-8"))):
                continue
            facts = project.facts(other)
            if facts is None or facts.skipped:
                yield other, None
                continue
            targets = [_target_in(resolver, other, i.specifier, name, folder, inside) for i in facts.imports]
            yield other, [t for t in targets if t is not None]


def _target_in(resolver: Resolver, importer: str, specifier: str, name: str, folder: str, inside: str) -> str | None:
    """The package's file `specifier` loads when it names the package (`name`, `name/x`: '' when that
    reaches no source file of it) or a file in its folder: a relative path, or an alias of the
    importer's tsconfig `paths` that spells the folder's name (`@hooks/x` for
    `packages/hooks/src/x`); None when it names neither."""
    by_name = not is_relative(specifier) and bool(name) and (specifier == name or specifier.startswith(name + "/"))
    if not by_name and not is_relative(specifier) and not any(part.lstrip("@~#") == folder for part in specifier.split("/")):
        return None  # an alias spells the folder as a segment of its own
    if is_relative(specifier) and folder not in specifier:  # a path into the folder from outside it names the folder
        return None
    found = resolver.resolve(importer, specifier)
    if found.kind == "file" and found.path and found.path.startswith(inside):
        return found.path
    return "" if by_name else None


# what an import of a package's data file loads: no code of the package runs
_DATA_SUFFIXES = (".json", ".css", ".scss", ".svg", ".png", ".wasm", ".txt", ".graphql", ".proto")


def loads_its_code(project: Project, manifest: Manifest, resolver: Resolver) -> bool:
    """Whether a file outside the package imports code of it: not only its data files (a compiled
    contract's ABI, `@acme/contracts/build/contracts/Token.json`, which is all the services of a
    repository take from a package of contracts and the scripts that deploy them). When no file
    imports it, what loads it is not known: yes. Once per package in a run."""
    memo = _LOADS_CODE(project)
    if manifest.path not in memo:
        memo[manifest.path] = _imports_code(project, manifest, resolver)
    return memo[manifest.path]


def _imports_code(project: Project, manifest: Manifest, resolver: Resolver) -> bool:
    name = manifest.name or ""
    seen = False
    for importer in outside_importers(project, manifest, resolver):
        facts = project.facts(importer)
        if facts is None or facts.skipped:
            return True
        named = [i.specifier for i in facts.imports if name and (i.specifier == name or i.specifier.startswith(name + "/"))]
        if not named or any(not s.endswith(_DATA_SUFFIXES) for s in named):
            return True  # its code, or a path into its folder this reading does not tell apart
        seen = True
    return not seen


_LOADS_CODE: Memo[dict[str, bool]] = Memo("packages whose code other packages import", lambda project: {})
