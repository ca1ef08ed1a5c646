"""A vite app's entry points: the module scripts of its `index.html`.

`vite build` starts from the app's HTML page, not from package.json: every `<script type="module"
src="/src/main.tsx">` of `index.html` (in the config's `root`, else the package folder) is an entry,
and what it reaches is the bundle, whatever the tsconfig `include` says (a repository whose root
tsconfig covers only its API). Read for an app (a private package, or one that names nothing to
load: no `main`, `exports`, `bin`...) whose build script runs `vite build` for no library (`build.lib`):
a published library's `index.html` is its playground. The page
is read with Python's HTML parser; a `src` rooted at `/` is relative to the page's folder, as vite
reads it.
"""

from __future__ import annotations

import os

from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.model.bundling import vite_app_build, vite_root
from migrationlint.model.entry_points import names_no_entry
from migrationlint.model.workspace import Manifest

ORIGIN = "index.html, vite's entry"
_MAX_BYTES = 1 << 20


def html_entries(manifest: Manifest) -> list[str]:
    """The TypeScript files `index.html`'s module scripts load, for a vite app; else []."""
    if not (manifest.unpublishable or names_no_entry(manifest)) or not vite_app_build(manifest):
        return []
    folder = vite_root(manifest) or manifest.dir
    page = os.path.join(folder, "index.html")
    try:
        if os.path.getsize(page) > _MAX_BYTES:
            return []
        with open(page, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return []
    found = []
    for src in _module_scripts(text):
        path = _resolved(os.path.normpath(os.path.join(folder, src.lstrip("/"))))
        if path is not None and path.startswith(manifest.dir + os.sep):
            found.append(path)
    return found


def _resolved(path: str) -> str | None:
    """The TypeScript file a script's `src` names: as written, or without its extension (`src="src/index"`,
    which vite's resolver completes as it does an import)."""
    if path.endswith(TS_SUFFIXES):
        return path if os.path.isfile(path) else None
    if os.path.splitext(path)[1]:
        return None  # a script of JavaScript, or no script
    return next((path + suffix for suffix in TS_SUFFIXES if os.path.isfile(path + suffix)), None)


# frameworks whose single-file components (not read here) import the app's TypeScript modules
_COMPONENT_FRAMEWORKS = ("vue", "svelte", "astro")


def uses_component_files(manifest: Manifest) -> bool:
    """Whether the app declares a framework whose single-file components (`.vue`, `.svelte`, not read
    here) import its TypeScript modules: what imports a module is then not all known."""
    return any(manifest.declared(name) is not None for name in _COMPONENT_FRAMEWORKS)


def beside_page_scripts(path: str, manifest: Manifest, entries: list) -> bool:
    """Whether what the page's scripts reach decides for the file at `path`: it lies in a top folder
    of the package holding one of them (`src/`, not a server's `backend/` beside it, whose start this
    linter may not see), and no component framework's files (`.vue`, `.svelte`) stand between the
    page and the TypeScript modules they import."""
    if uses_component_files(manifest):
        return False
    top = os.path.relpath(path, manifest.dir).split(os.sep)[0]
    return any(os.path.relpath(e.path, manifest.dir).split(os.sep)[0] == top for e in entries)


def _module_scripts(page: str) -> list[str]:
    """The local `src` of each `<script type="module">` of the page. The HTML parser is imported
    here: only a vite app's run reads a page, and loading the parser costs every other run."""
    from html.parser import HTMLParser

    class ModuleScripts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.sources: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            src = values.get("src")
            if tag == "script" and values.get("type") == "module" and src and "://" not in src \
                    and not src.startswith("//"):
                self.sources.append(src.split("?", 1)[0])

    parser = ModuleScripts()
    parser.feed(page)
    return parser.sources
