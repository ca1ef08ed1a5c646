"""Which files of a package name another of its files by a path part: `path.join(cwd, 'test', 'fx',
'worker-child.ts')` in a test that starts the helper as a child process, so the helper runs though
nothing imports it.

The answer comes from one index per package, built on the first question: each of the package's file
stems (`worker-child`, `app.e2e-spec`) -> the files whose text holds it as a path part, a run of
letters, digits, `_`, `-` and `.` between quotes or slashes that is the stem or starts with it
followed by a dot (`'worker-child.ts'`, `/worker-child'`): a bare word (`test(...)` in every test
file) names no file called `test.ts`. Asking every file of a package for each stem instead reads the package once per
question: minutes on a package of a thousand tests.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.imported_anywhere import names_file
from migrationlint.model.project import Project, per_key

# a path part as a string spells it: after a quote or a slash, before a quote or a slash (`'test'`,
# `/worker-child.ts'`), never a bare word of the code (`test('...')`, a comment's words)
_PART = re.compile(rb"(?<=['\"`/])[\w.-]+(?=['\"`/])")
_INDEX = per_key("files naming a package's files by a path part")


def files_naming(project: Project, package_root: str, stem: str) -> list[str]:
    """The files of the package at `package_root` whose text names `stem` as a path part, in order."""
    memo = _INDEX(project)
    index = memo.get(package_root)
    if index is None:
        index = memo[package_root] = _index(project, project.package_sources(package_root))
    return index.get(stem, [])


def named_by_a_file(project: Project, path: str) -> bool:
    """Whether a file of the package names the file other than in an import: by a path it builds
    (a helper a test starts as a child process, `path.join(cwd, 'test', 'fx', 'worker-child.ts')`)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    for other in files_naming(project, project.workspace.package_root(path), stem):
        if os.path.basename(other).startswith(stem + "."):
            continue  # the file itself, or its compiled twin (`X.d.ts` naming its source map)
        facts = project.facts(other)
        if facts is None or not any(names_file(i.specifier, (stem,)) for i in facts.imports):
            return True
    return False


def _index(project: Project, sources: list[str]) -> dict[str, list[str]]:
    stems = {os.path.splitext(os.path.basename(p))[0] for p in sources}
    found: dict[str, list[str]] = {}
    for path in sources:
        data = project.read_context(path)  # an input of the run, as a search for a word is
        named: set[str] = set()
        for part in set(_PART.findall(data or b"")):
            pieces = part.decode("utf-8", "replace").split(".")
            named.update(p for p in (".".join(pieces[:i]) for i in range(1, len(pieces) + 1)) if p in stems)
        for stem in named:
            found.setdefault(stem, []).append(path)
    return found
