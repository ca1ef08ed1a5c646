"""Files whose imports are none of their package's install's business.

Fixture data a test reads as text and files a framework writes (and rewrites on every build) hold
imports nobody installs for them, whatever their package. So do TypeScript files inside a project
of another language: a Rust crate, a Go module or a Python project kept in a JavaScript repository
(a member of the root's Cargo workspace, `examples/server-rs/Cargo.toml`) may hold TypeScript files
with no package.json of their own, a schema its program hands to a CLI (`schema export --schema-dir
.`). The nearest package.json above them is a JavaScript package's (often the repository root's
tooling manifest), whose install is none of theirs, and no JavaScript entry, script or test
reaching them is no sign of dead code.
"""

from __future__ import annotations

import os

from migrationlint.model.project import Project, per_key

# the project files of other languages' build tools
FOREIGN_MANIFESTS = ("Cargo.toml", "go.mod", "pyproject.toml", "setup.py", "Gemfile", "pom.xml", "build.gradle",
                     "build.gradle.kts", "composer.json", "mix.exs", "Package.swift", "pubspec.yaml")


def inert_file(rel: str) -> str | None:
    """Why a file's imports are nobody's dependencies, whatever its package: fixture data a test
    reads as text, or a file a framework writes. None otherwise."""
    from migrationlint.model.dev_files import fixture_data  # here: the run cache reads FOREIGN_MANIFESTS alone
    from migrationlint.model.frameworks import written_by_framework

    if fixture_data(rel):
        return "fixture data (a transform's input or expected output): read by a test, never loaded"
    if written_by_framework(rel):
        return ("written by a framework (its generated folder, or `next-env.d.ts`), which rewrites it on every "
                "build: its imports are the framework's")
    return None


def foreign_project(project: Project, path: str, package_dir: str | None) -> str | None:
    """Why the file belongs to another language's project: a folder between it and its package's
    folder holds a project file of another build tool (the package's folder itself does not count: a
    Python project with JavaScript tooling at its top is that JavaScript package too); with no
    package (`package_dir` None), any folder up to the workspace root, that one included (a Go
    module's `testdata/` golden files, no package.json anywhere). Asked only for files no entry
    point of the package reaches; not for one a script of the package runs (`ts-node
    ./test/integrations/generator.ts` in a shell script, beside a Python helper's pyproject.toml):
    the package's own tool. None otherwise."""
    memo = _FOREIGN(project)
    folder = os.path.dirname(path)
    top = (package_dir or os.path.dirname(project.workspace.root.rstrip(os.sep))).rstrip(os.sep)
    while folder.startswith(top + os.sep):
        found = memo.get(folder)
        if found is None:
            found = memo[folder] = _foreign_manifest_in(folder)
        if found and package_dir is not None and _run_by_its_scripts(project, path, package_dir):
            return None
        if found:
            return (f"in a project of another language ({project.rel(os.path.join(folder, found))}), whose programs "
                    "read it: its imports are that project's, not this package's install")
        folder = os.path.dirname(folder)
    return None


def _foreign_manifest_in(folder: str) -> str:
    """The first of FOREIGN_MANIFESTS the folder holds ('' for none): one listing, not a stat per name."""
    try:
        names = set(os.listdir(folder))
    except OSError:
        return ""
    return next((n for n in FOREIGN_MANIFESTS if n in names and os.path.isfile(os.path.join(folder, n))), "")


def _run_by_its_scripts(project: Project, path: str, package_dir: str) -> bool:
    """Whether a script of the package in `package_dir` runs the file (dev_files.tool_input)."""
    from migrationlint.model.dev_files import tool_input

    manifest = project.workspace.manifest(os.path.join(package_dir, "package.json"))
    return not manifest.error and tool_input(path, manifest.data, package_dir) is not None


_FOREIGN = per_key("folders holding another language's project file", disk_only=True)
