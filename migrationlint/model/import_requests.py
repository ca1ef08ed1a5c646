"""Which imports the import rules resolve, and resolving them ahead, while files are extracted.

Why ahead: after extraction the dependency rules and the import rules run in two processes
(checks_apart.py), and each resolved the same imports into its own memo. Resolved here, in the
main process, as each file's facts arrive (the helpers extract meanwhile, so the work costs half
its time), the resolver's memo is filled once and both processes inherit it: about 3% of a cold
run on vendure, medusa and a generated 10,000-file tree. The choice of imports is the import
rules' own (`resolved_by_import_rules`), so nothing is resolved that a check would not resolve.
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model import packages as pk
from migrationlint.model.dev_files import template_of
from migrationlint.model.frameworks import written_by_framework
from migrationlint.model.project import rel_to
from migrationlint.model.resolve import Resolver

# Imports bundlers turn into assets: never reported (a back-end build that imports them has a loader).
ASSET_EXTENSIONS = frozenset({
    ".css", ".scss", ".sass", ".less", ".styl", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp",
    ".avif", ".ico", ".bmp", ".woff", ".woff2", ".ttf", ".eot", ".otf", ".mp3", ".mp4", ".webm",
    ".wav", ".html", ".md", ".txt", ".wasm", ".graphql", ".gql", ".proto", ".yaml", ".yml", ".vue", ".svelte",
})


# a stylesheet a package ships (`@graphiql/react/style.css`): importing it runs none of the package's code
STYLESHEETS = (".css", ".scss", ".sass", ".less", ".styl")


def is_asset(spec: str) -> bool:
    """Loader syntax (`raw-loader!x`, `x?raw`) and asset files are a bundler's business."""
    if "!" in spec or "?" in spec:
        return True
    return os.path.splitext(spec.rsplit("/", 1)[-1])[1].lower() in ASSET_EXTENSIONS


def file_checked(rel: str, facts: FileFacts) -> bool:
    """Whether the import rules look at a file's imports: not a template, whose imports name the
    files of the project it is copied into, nor a file a framework writes into its generated
    folder (`.astro/content.d.ts`) or beside the project (`next-env.d.ts`), which its next build
    rewrites and nobody edits."""
    return not facts.skipped and template_of(rel) is None and not written_by_framework(rel)


def resolved_by_import_rules(imp: ImportFact, ignore_packages: list[str]) -> bool:
    """Whether the import rules resolve this import: virtual mocks and guarded loads need no
    module (import_shapes), references, assets and template placeholders are not modules they check."""
    spec = imp.specifier
    return not (imp.kind == "reference" or not spec or is_asset(spec) or imp.virtual or imp.guarded
                or "<%" in spec  # a template's placeholder (`./<%= name %>.constant`), filled in when it is copied
                or pk.is_ignored(spec, ignore_packages))


def resolve_ahead(resolver: Resolver, ignore_packages: list[str]) -> Callable[[str, FileFacts], None]:
    """A callback for each file's facts as extraction produces them: resolve what the import rules
    will ask for that file."""
    root = resolver.root

    def resolve_imports(path: str, facts: FileFacts) -> None:
        if file_checked(rel_to(root, path), facts):
            for imp in facts.imports:
                if resolved_by_import_rules(imp, ignore_packages):
                    resolver.resolve(path, imp.specifier)
    return resolve_imports
