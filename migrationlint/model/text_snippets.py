"""Source files a documentation site shows as text: VuePress and VitePress code imports (and the
files a bundler imports as text, raw_imports.py).

A page of a VuePress or VitePress site includes a file as a code block with a line of its own,
`<<< @/snippets/user.ts`, `<<< ./user.ts{2-4}` or `<<< @/user.ts#region [label]` (`@` is the
site's folder, the one holding `.vuepress/` or `.vitepress/`). The build copies the file's text
into the page; nothing compiles or loads it. Its imports name what the reader's application
installs, and often files the reader has (`./interfaces/IUser`): the dependency and import rules
have nothing to say about it. A file such a line names stays checked when a tsconfig program
compiles it (someone type-checks the snippets), or when the site's config or theme, or a
type-checked file, imports it. The other files of a folder a page includes from (below the site's own
folder) are shown as text too: a snippets folder keeps versions no page shows today beside those it
does. Pages and `.vue` components may import `.ts` files too (VitePress
compiles those); they are not read here, so a file a page both shows and imports is taken as text.

Asked only for a file with a finding: the site folder is looked for above it (two `stat`s per
folder, each folder once) and its pages are read once per run. The pages are searched with
Project.mentions, so that a run answered from the cache sees an edited page (a page added later
is not an input of the cached run: the next edit of a linted file picks it up).
"""

from __future__ import annotations

import os
import re

from migrationlint.extract.sources import read_bytes
from migrationlint.model.folders_above import nearest_above
from migrationlint.model.project import Memo, Project
from migrationlint.model.raw_imports import imported_as_text
from migrationlint.model.resolve import Resolver

SITE_FOLDERS = (".vuepress", ".vitepress")
_PAGE_SUFFIXES = (".md", ".mdx")
_SKIPPED = frozenset({"node_modules", "dist", "build", ".git"})
# `<<< path`, then optionally `{lines}`, `#region`, `[title]`; the path is the first word
_CODE_IMPORT = re.compile(rb"^[ \t]*<<<[ \t]+([^\s{#\[]+)", re.MULTILINE)


def shown_as_text(project: Project, resolver: Resolver, path: str) -> str | None:
    """What shows `path` as text: the page and line that include it as a code block (`docs/guide.md:12
    includes it as a code block`), when nothing else reads the file: no tsconfig program compiles it and
    nothing compiled imports it; or the file that imports it with a bundler's `?raw` query, when nothing
    imports it as code (raw_imports.py). None otherwise."""
    raw = imported_as_text(project, resolver, path)
    if raw is not None:
        return f"{raw} imports it as text (`?raw`)"
    site = _site_above(project, os.path.dirname(path))
    if site is None:
        return None
    shown = _SHOWN(project).get(site)
    if shown is None:
        shown = _SHOWN(project)[site] = _included_files(project, site)
    where = shown.get(path) or _in_a_shown_folder(site, shown, path)
    if where is None or _compiled(resolver, path) or _imported_by_code(project, resolver, site, path):
        return None
    return f"{where} includes it as a code block"


def _in_a_shown_folder(site: str, shown: dict[str, str], path: str) -> str | None:
    """The page line including a file of the folder that holds `path` (or of a folder above it, below the
    site's own): a snippets folder is shown file by file, and the files no page includes today are kept
    beside them as text all the same (`getting-started.legacy.ts` beside the `.jest.ts` a page shows)."""
    folders = {os.path.dirname(f): where for f, where in sorted(shown.items()) if os.path.dirname(f) != site}
    folder = os.path.dirname(path)
    while folder != site and folder.startswith(site + os.sep):
        if folder in folders:
            return f"{folders[folder]}, which includes a file of {os.path.basename(folder)}/"
        folder = os.path.dirname(folder)
    return None


def _site_above(project: Project, directory: str) -> str | None:
    """The nearest folder at or above `directory`, inside the workspace, holding a site's config folder."""
    return nearest_above(directory, project.workspace.root, _SITES(project), _site)


def _site(directory: str) -> str | None:
    return directory if any(os.path.isdir(os.path.join(directory, name)) for name in SITE_FOLDERS) else None


def _included_files(project: Project, site: str) -> dict[str, str]:
    """Every file the site's pages include as text -> the first page line that does (relative to the workspace)."""
    out: dict[str, str] = {}
    for page in _pages(site):
        if not project.mentions(page, b"<<<"):
            continue
        try:
            data = read_bytes(page)
        except OSError:
            continue
        for match in _CODE_IMPORT.finditer(data):
            target = _target(site, page, match.group(1).decode("utf-8", "replace"))
            if target is not None and target not in out:
                line = data.count(b"\n", 0, match.start()) + 1
                out[target] = f"{project.rel(page)}:{line}"
    return out


def _pages(site: str) -> list[str]:
    found = []
    for directory, dirs, names in os.walk(site):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
        found.extend(os.path.join(directory, n) for n in sorted(names) if n.endswith(_PAGE_SUFFIXES))
    return found


def _target(site: str, page: str, written: str) -> str | None:
    """The file a code import names: `@/x` from the site's folder, `./x` and `../x` from the page's."""
    if written.startswith("@/"):
        return os.path.normpath(os.path.join(site, written[2:]))
    if written.startswith(("./", "../")):
        return os.path.normpath(os.path.join(os.path.dirname(page), written))
    return None


def _compiled(resolver: Resolver, path: str) -> bool:
    cfg = resolver.tsconfig_for(path)
    return cfg is not None and cfg.error is None and (cfg.covers(path) or cfg.under_root_dir(path))


def _imported_by_code(project: Project, resolver: Resolver, site: str, path: str) -> bool:
    """Whether a file the site's build or a tsconfig program compiles imports `path`: the site's
    config and theme (its `.vuepress/` or `.vitepress/` folder) or a type-checked file. A snippet
    importing another (a test shown beside its subject) compiles nothing."""
    importers = _IMPORTED(project).get(site)
    if importers is None:
        importers = _IMPORTED(project)[site] = _imports_within(project, resolver, site)
    config = tuple(os.path.join(site, name) + os.sep for name in SITE_FOLDERS)
    return any(other.startswith(config) or _compiled(resolver, other) for other in importers.get(path, ()))


def _imports_within(project: Project, resolver: Resolver, site: str) -> dict[str, list[str]]:
    """file -> the site's files whose relative imports resolve to it."""
    prefix = site.rstrip(os.sep) + os.sep
    out: dict[str, list[str]] = {}
    for other in project.package_sources(project.workspace.package_root(site + os.sep)):
        if not other.startswith(prefix):
            continue
        facts = project.facts(other)
        for imp in (facts.imports if facts is not None and not facts.skipped else ()):
            if imp.specifier.startswith("."):
                found = resolver.resolve(other, imp.specifier)
                if found.kind == "file" and found.path:
                    out.setdefault(found.path, []).append(other)
    return out


_SITES: Memo[dict[str, str | None]] = Memo("documentation sites above folders", lambda project: {}, disk_only=True)
_SHOWN: Memo[dict[str, dict[str, str]]] = Memo("files a site's pages include as text", lambda project: {})
_IMPORTED: Memo[dict[str, dict[str, list[str]]]] = Memo("relative imports within a site", lambda project: {})
