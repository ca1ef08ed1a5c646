"""Source files a bundler imports as text: `import code from './previews/sdk.ts?raw'`.

Vite, and the frameworks built on it (Astro, SvelteKit, Nuxt, VitePress), turn an import with the
`?raw` query into the file's text: a landing page shows a TypeScript file as a code sample. Nothing
compiles or loads that file; its imports name what the reader's application installs, and often files
the reader generates (`./sdk.gen`): the dependency and import rules have nothing to say about it. A file
of the same package that imports it as code (without the query) makes it code again.

The importers are the package's TypeScript files (their facts) and, in a package that builds with vite
(it or the workspace root declares vite or a framework on it), its components, which are not linted
(`.astro`, `.vue`, `.svelte`): those are searched for `?raw` (Project.mentions, so that a run answered from
the cache sees an edited component) and their import specifiers read, only for a file no module imports
(each becomes an input a later run reads again); a docs site's Markdown pages never (thousands of them).
Asked only for a file with a finding; each package is read once per run.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.project import Project, per_key
from migrationlint.model.resolve import Resolver

RAW_QUERY = "?raw"
_COMPONENT_SUFFIXES = (".astro", ".vue", ".svelte")
# what builds with vite, whose `?raw` a component may use: a package (or its root) declaring none has no such import
VITE_TOOLS = ("vite", "astro", "@sveltejs/kit", "nuxt", "vitepress", "@analogjs/platform", "vite-plus")
_SKIPPED = frozenset({"node_modules", "dist", "build", "public"})
# a component's import (or re-export, or dynamic import) of a relative path with the `?raw` query
_RAW_IMPORT = re.compile(rb"""(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}/[^'"\n?]+)\?raw['"]""")


def imported_as_text(project: Project, resolver: Resolver, path: str) -> str | None:
    """The file (relative to the workspace) that imports `path` with `?raw`, when no file of its package
    imports it as code; None otherwise. The components are read only for a file no module imports."""
    root = project.workspace.package_root(path)
    memo = _RAW(project)
    if root not in memo:
        memo[root] = _module_imports(project, resolver, root)
    raw, plain = memo[root]
    if any(_file(resolver, importer, spec) == path for importer, spec in plain.get(_stem(os.path.basename(path)), ())):
        return None  # imported as code
    if path in raw:
        return raw[path]
    components = _COMPONENT_RAW(project)
    if root not in components:
        components[root] = _component_imports(project, resolver, root)
    return components[root].get(path)


def _module_imports(project: Project, resolver: Resolver, root: str) -> tuple[dict[str, str], dict[str, list]]:
    """(file -> the first module of the package importing it as text, the relative imports without a query
    as (importer, specifier) by the stem they end with)."""
    raw: dict[str, str] = {}
    plain: dict[str, list[tuple[str, str]]] = {}
    for source in project.package_sources(root):
        facts = project.facts(source)
        for imp in (facts.imports if facts is not None and not facts.skipped else ()):
            spec = imp.specifier
            if spec.endswith(RAW_QUERY) and spec.startswith("."):
                _add(raw, resolver, source, spec[:-len(RAW_QUERY)], project.rel(source))
            elif spec.startswith(".") and "?" not in spec:
                plain.setdefault(_stem(spec.rsplit("/", 1)[-1]), []).append((source, spec))
    return raw, plain


def _component_imports(project: Project, resolver: Resolver, root: str) -> dict[str, str]:
    """file -> the first component of the package importing it as text, in a package that builds with vite."""
    raw: dict[str, str] = {}
    for component in (_components(root) if _builds_with_vite(project, root) else ()):
        if project.mentions(component, RAW_QUERY.encode()):
            for match in _RAW_IMPORT.finditer(project.read_context(component) or b""):
                _add(raw, resolver, component, match.group(1).decode("utf-8", "replace"), project.rel(component))
    return raw


def _add(raw: dict[str, str], resolver: Resolver, importer: str, spec: str, where: str) -> None:
    found = _file(resolver, importer, spec)
    if found is not None:
        raw.setdefault(found, where)


def _file(resolver: Resolver, importer: str, spec: str) -> str | None:
    found = resolver.resolve(importer, spec)
    return found.path if found.kind == "file" and found.path else None


def _stem(name: str) -> str:
    """`sdk` of `sdk.ts`, `sdk.gen` of `sdk.gen.ts` and of `sdk.gen`: what an import of the file ends with."""
    base, ext = os.path.splitext(name)
    return base if ext in (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs") else name


def _builds_with_vite(project: Project, root: str) -> bool:
    """Whether the package at `root` or the workspace root declares a tool that builds with vite: only
    then are its components (not linted, read whole) searched, and made inputs of the run."""
    ws = project.workspace
    manifests = [ws.manifest_for(os.path.join(root, "package.json")), ws.root_manifest]
    return any(m is not None and not m.error and any(m.declared(t) for t in VITE_TOOLS) for m in manifests)


def _components(root: str) -> list[str]:
    found = []
    for directory, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith(".")
                         and not os.path.isfile(os.path.join(directory, d, "package.json")))
        found.extend(os.path.join(directory, n) for n in sorted(names) if n.endswith(_COMPONENT_SUFFIXES))
    return found


_RAW = per_key("package folder -> (files its modules import as text with `?raw`, its relative imports by stem)")
_COMPONENT_RAW = per_key("package folder -> files its components import as text with `?raw`")
