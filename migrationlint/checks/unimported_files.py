"""The note DEP001 and DEP002 add about a file that nothing imports.

A file no entry point reaches still ships by presumption where its build emits everything it
includes (tsc over `src/`): something in production might load it by path. When no file of the
workspace imports it either, the finding is true, but the likelier remedy is to delete the file
(a legacy middleware, a polyfill left behind): the message says so, beside the declaring remedy.
Not when no file imports its folder's other files either (the first few are asked): a loader reads
that folder whole (a bot's `commands/`, loaded by its framework or by `import()` over a `readdir`);
nor in a package of a component framework (Vue, Svelte), whose single-file components, not read here,
may import it.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.entry_points import export_targets, to_source
from migrationlint.model.html_entries import uses_component_files
from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.package_use import Use
from migrationlint.model.project import Memo, Project
from migrationlint.model.resolve import resolver_for
from migrationlint.model.shipping import shipping_for

NOTE = "; no file of the workspace imports this file: if it is dead code, deleting it is the other remedy"


def unimported_note(project: Project, u: Use) -> str:
    """NOTE for a use in a file presumed to ship, in a package with entry points none of which reaches
    it, that no other file imports and that its package's manifest and configs do not name, else ""."""
    if u.verdict is None or not u.verdict.presumed or not shipping_for(project).entries(u.manifest):
        return ""  # in a package with no known entry every file is presumed: the note would say nothing
    if uses_component_files(u.manifest):
        return ""  # `.vue` and `.svelte` components, which are not read, may import it
    memo = _UNIMPORTED(project)
    if u.path not in memo:  # once per file, however many of its imports are reported
        memo[u.path] = not (_named_by_its_package(project, u) or _exported_by_a_pattern(project, u)
                            or _imported(project, u.path) or _loaded_as_a_folder(project, u.path))
    return NOTE if memo[u.path] else ""


def _imported(project: Project, path: str) -> bool:
    """Whether another file of the workspace imports the file (one scan per file)."""
    memo = _IMPORTED(project)
    if path not in memo:
        memo[path] = next(importers(project, path, file_names(path), resolver_for(project)), None) is not None
    return memo[path]


def _loaded_as_a_folder(project: Project, path: str) -> bool:
    """Whether the file's folder holds other code files and no file imports any of them:
    a folder some loader reads whole (a bot framework's `commands/`, `readdir` and `import()` over
    `events/`, a Fastify autoload `routes/`), not one leftover among imported neighbours."""
    folder = os.path.dirname(path)
    siblings = sorted(p for p in project.package_sources(project.workspace.package_root(path))
                      if os.path.dirname(p) == folder and p != path and not p.endswith(".d.ts"))
    # a few neighbours decide (each answer is a scan of the workspace): one imported, the folder is not loaded whole
    return bool(siblings) and not any(_imported(project, p) for p in siblings[:_NEIGHBOURS_ASKED])


def _named_by_its_package(project: Project, u: Use) -> bool:
    """Whether the package's manifest or a config file at its top names the file by its path (`esbuild
    src/index.ts --bundle`, a handler in serverless.yml, a webpack `entry`), or a folder below its top
    folder that holds it (`dirs: ["./src/tasks"]` in trigger.config.ts, whose deploy loads every task
    there): something runs or builds it."""
    top = u.manifest.dir
    rel = os.path.relpath(u.path, top).replace(os.sep, "/")
    parts = rel.split("/")
    roots = [i for i, p in enumerate(parts[:-1]) if p in _SOURCE_ROOTS]
    # `src/tasks/cron`, `src/tasks`: a folder past the source root, never one a project's config names (`libs/x/src`)
    folders = ["/".join(parts[:n]) for n in range(len(parts) - 1, (roots[-1] + 2 if roots else 2) - 1, -1)]
    words = [w.encode("utf-8") for w in (os.path.splitext(rel)[0], *folders)]
    try:
        names = [n for n in os.listdir(top) if _CONFIG_NAME.search(n) and n not in LOCKFILE_NAMES
                 and os.path.join(top, n) != u.path]
    except OSError:
        return True
    return any(project.mentions(os.path.join(top, name), w) for name in names for w in words)  # inputs of the run


def _exported_by_a_pattern(project: Project, u: Use) -> bool:
    """Whether a `*` subpath of the package's `exports` publishes the file (`"./adapters/*":
    "./dist/adapters/*.js"`, built from `lib/adapters/`): its users import it by that subpath, which
    no file of the workspace needs to."""
    targets = [t for t in export_targets(u.manifest.data.get("exports"), patterns=True) if t.count("*") == 1]
    if not targets:
        return False
    parts = os.path.splitext(os.path.relpath(u.path, u.manifest.dir))[0].split(os.sep)
    stars = ["/".join(parts[-n:]) for n in range(1, len(parts) + 1)]  # `nunjucks.adapter`, `adapters/nunjucks.adapter`
    mapped = resolver_for(project).to_source
    return any(to_source(u.manifest.dir, t.replace("*", star), mapped) == u.path for t in targets for star in stars)


# the files at a package's top that may name an entry: its manifest, tool configs (codegen.ts,
# .graphqlrc.json, vite.config.ts), deployment descriptors, images
_CONFIG_NAME = re.compile(r"\.(?:json|jsonc|ya?ml|toml|[cm]?[jt]s)$|^\.|^Dockerfile|^Procfile$")


_SOURCE_ROOTS = frozenset({"src", "lib", "source", "app"})
_NEIGHBOURS_ASKED = 3
_IMPORTED: Memo[dict[str, bool]] = Memo("files some other file imports", lambda project: {})
_UNIMPORTED: Memo[dict[str, bool]] = Memo("files the unimported note is for", lambda project: {})
