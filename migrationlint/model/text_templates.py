"""Source files a generator of their package reads as text: templates, never loaded.

A scaffolding script keeps the migration (or module) it writes as a source file beside it,
reads it (`readFileSync(join(__dirname, './baseMigration.ts'), 'utf8')`), replaces a placeholder
name and writes the result where the code lives. The template looks like code, yet nothing
imports, compiles into a program that runs, or registers it: rules about what loads it (a
migration no DataSource lists) do not apply. A file is taken for such a template when a script
the package's package.json runs, or a source file of the package, calls a `readFile` function
and spells the file's name in quotes. A template folder (`template_folder_reader`) is one a
generator beside it lists and reads (`readdir`, `readFile`), named in quotes, a placeholder its
files' names repeat (`create-component/index.ts` copying `ComponentName/ComponentName.tsx`, whose
relative imports are written for where the copies go). Asked only for a file that would otherwise
have a finding.
"""

from __future__ import annotations

import os

from migrationlint.model.entry_points import node_targets
from migrationlint.model.project import Project
from migrationlint.model.workspace import Manifest

_QUOTES = (b"'", b'"', b"`")


def script_files(manifest: Manifest) -> list[str]:
    """The files the package's scripts run with node or a TypeScript runner (`"migration:create":
    "node migrations/index.js"`), as paths, whatever the script's name."""
    scripts = manifest.data.get("scripts")
    if not isinstance(scripts, dict):
        return []
    return sorted({os.path.normpath(os.path.join(manifest.dir, t)) for command in scripts.values()
                   if isinstance(command, str) for t in node_targets(command)})


def read_as_text(project: Project, path: str) -> str | None:
    """The file (relative to the workspace) that reads `path` as a template, or None."""
    m = project.workspace.manifest_for(path)
    if m is None or m.error:
        return None
    name = os.path.basename(path).encode()
    for reader in (*script_files(m), *project.package_sources(m.dir)):
        if reader != path and project.mentions(reader, name) and project.mentions(reader, b"readFile") \
                and any(project.mentions(reader, name + q) for q in _QUOTES):
            return project.rel(reader)
    return None


def template_folder_reader(project: Project, path: str) -> str | None:
    """The generator (relative to the workspace) that copies the template folder holding `path`: a
    file of the folder's parent that lists and reads files (`readdir`, `readFile`) and names the
    folder in quotes, where the folder's name is a placeholder the file's name repeats; or None."""
    folder = os.path.dirname(path)
    placeholder = os.path.basename(folder).encode()
    if len(placeholder) < 4 or placeholder not in os.path.basename(path).encode():
        return None
    parent = os.path.dirname(folder)
    for reader in sorted(project.package_sources(project.workspace.package_root(path))):
        if os.path.dirname(reader) == parent and project.mentions(reader, b"readdir") \
                and project.mentions(reader, b"readFile") and any(project.mentions(reader, q + placeholder + q) for q in _QUOTES):
            return project.rel(reader)
    return None
