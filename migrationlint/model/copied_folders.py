"""Folders a shell script copies whole into another project: templates, not code that runs here.

A QA script may scaffold a fresh app and fill it from the repository (`npx create-next-app "$APP"`
then `cp -r scripts/qa/lib/actions "$APP/src/app/actions"`). The copied pages import what the
new app installs, never what the repository declares, and nothing runs them where they sit. A
`cp` in a `*.sh` file of the folder or a folder above it whose source is the file itself, or with
a recursive flag (`-r`, `-R`, `-a`) its folder or one above it (read from the repository's root or
from the script's folder), and whose destination lies outside the checkout (a variable, `~`, an
absolute path or one that climbs out), says so. The scripts are context files of the run (run_cache).
"""

from __future__ import annotations

import os
import re

from typing import Callable

from migrationlint.model.app_builds import builds_an_app
from migrationlint.model.dev_files import published_data_folder, template_of
from migrationlint.model.project import Project, per_key
from migrationlint.model.registry_items import registry_item
from migrationlint.model.resolve import resolver_for
from migrationlint.model.workspace import Manifest

_COPY = re.compile(r"(?:^|[;&|(]\s*)cp\s+([^;&|]+)")
_MAX_BYTES = 64 * 1024
_SCRIPTS = per_key("folder -> the folders and files its shell scripts copy out of the checkout")
_ABOVE = per_key("folder -> what the shell scripts of it and the folders above it copy out")


def template_home(project: Project, path: str, manifest: Manifest, tsconfig_for: Callable) -> str | None:
    """The template folder or file the file at `path` belongs to (its name says so: dev_files.template_of;
    a shell script copies its folder out: `copied_out`; its package publishes it as data; its
    package's component registry lists it, unless the package is also an app its build bundles, whose
    own code the listed files are: registry_items; it is a create CLI's project template:
    scaffold_template), or None."""
    return template_of(project.rel(path)) or copied_out(project, path) or scaffold_template(project, manifest) \
        or manifest_template(project, path, manifest.dir) \
        or published_data_folder(path, manifest.dir, manifest.data, tsconfig_for) \
        or (None if builds_an_app(manifest.data.get("scripts")) else registry_item(project, path, manifest.dir))


_DOTLESS_GITIGNORES = ("gitignore", "_gitignore")
_SCAFFOLDS = per_key("package folder -> the project template it is, or None")


def scaffold_template(project: Project, manifest: Manifest) -> str | None:
    """The package's folder when it is a project template a create CLI copies: it holds a dotless
    `gitignore` (npm drops a `.gitignore` from a packed package, so a template ships it dotless and the CLI
    renames it in the copy), and the package above it is a creator (a `bin`, or a `create-x` name). Its
    files import what the created project generates and installs (`./InputTypes` its `generate` writes)."""
    memo = _SCAFFOLDS(project)
    if manifest.dir not in memo:
        memo[manifest.dir] = None
        if manifest.dir != project.workspace.root and any(
                os.path.isfile(os.path.join(manifest.dir, n)) for n in _DOTLESS_GITIGNORES):
            above = project.workspace.nearest_manifest_path(os.path.dirname(manifest.dir))
            if above is not None and _a_create_tool(project.workspace.manifest(above)):
                memo[manifest.dir] = project.rel(manifest.dir) + "/"
    return memo[manifest.dir]


# a package.json to be filled in and copied (`package.jsonc` with comments, `package.json.hbs`): its folder is
# a package template, not a package
MANIFEST_TEMPLATES = ("package.jsonc", "package.json.hbs", "package.json.ejs", "package.json.tpl",
                       "package.json.template", "package.template.json")
_MANIFEST_TEMPLATE_AT = per_key("folder -> whether it holds a package.json template and no package.json")


def manifest_template(project: Project, path: str, package_dir: str) -> str | None:
    """The folder (relative to the repository) between the file at `path` and its package's folder that
    holds a package.json template and no package.json (`.agents/skills/new-package/package/package.jsonc`,
    copied to `packages/<name>/` by whoever follows the skill), or None."""
    memo = _MANIFEST_TEMPLATE_AT(project)
    folder = os.path.dirname(path)
    while folder.startswith(package_dir + os.sep):
        if folder not in memo:  # one listing per folder: every file of a tree asks
            names = resolver_for(project).files.file_names(folder)
            memo[folder] = "package.json" not in names and not names.isdisjoint(MANIFEST_TEMPLATES)
        if memo[folder]:
            return project.rel(folder) + "/"
        folder = os.path.dirname(folder)
    return None


def _a_create_tool(manifest: Manifest) -> bool:
    """A package with a `bin`, or named as `npm init` finds a creator (`create-x` for `npm init x`,
    `@scope/create` or `@scope/create-x` for `npm init @scope`)."""
    last = (manifest.name or "").rsplit("/", 1)[-1]
    return "bin" in manifest.data or last == "create" or last.startswith("create-")


def copied_out(project: Project, path: str) -> str | None:
    """The folder (relative to the repository) a shell script copies out of the checkout with the
    file at `path` in it, or the file itself when a script copies it alone, or None."""
    folder = os.path.dirname(path)
    for source in _copied_above(project, folder):
        if path == source:
            return project.rel(source)
        if folder == source or folder.startswith(source + os.sep):
            return project.rel(source) + "/"
    return None


def _copied_above(project: Project, folder: str) -> tuple[str, ...]:
    """What the shell scripts of `folder` and of the folders above it, up to the repository's root,
    copy out of the checkout (once per folder: every file of a tree asks)."""
    memo = _ABOVE(project)
    found = memo.get(folder)
    if found is None:
        root = project.workspace.root.rstrip(os.sep)
        parent = os.path.dirname(folder)
        above = _copied_above(project, parent) if folder != root and parent.startswith(root) and parent != folder else ()
        found = memo[folder] = (*_copied_from(project, folder), *above) if folder.startswith(root) else ()
    return found


def _copied_from(project: Project, directory: str) -> list[str]:
    """The folders and files the `*.sh` files of `directory` copy out of the checkout (once per folder)."""
    memo = _SCRIPTS(project)
    found = memo.get(directory)
    if found is None:
        found = memo[directory] = []
        for name in sorted(n for n in resolver_for(project).files.file_names(directory) if n.endswith(".sh")):
            found += _sources(_read(os.path.join(directory, name)), directory, project.workspace.root)
    return found


def _sources(text: str, directory: str, root: str) -> list[str]:
    """The folders (copied with `-r`, `-R` or `-a`) and files a script's `cp` lines copy out of the checkout."""
    out = []
    for line in text.splitlines():
        for operands in _COPY.findall(line.strip()):
            words = [w.strip("'\"") for w in operands.split()]
            flags = "".join(w for w in words if w.startswith("-"))
            paths = [w for w in words if not w.startswith("-")]
            if len(paths) < 2 or not _outside(paths[-1]):
                continue
            for source in paths[:-1]:
                out += _in_checkout(source, directory, root, folder_too=any(f in flags for f in "rRa"))
    return out


def _in_checkout(source: str, directory: str, root: str, folder_too: bool) -> list[str]:
    """The file (or, with `folder_too`, the folder) of the checkout a copy's source names, read from
    the repository's root or from the script's folder."""
    source = source.rstrip("/")
    source = source[:-2] if source.endswith(("/.", "/*")) else source
    if not source or source.startswith(("$", "~", "/")):
        return []
    for base in (root, directory):
        candidate = os.path.normpath(os.path.join(base, source))
        if candidate.startswith(root.rstrip(os.sep) + os.sep) and (
                os.path.isfile(candidate) or folder_too and os.path.isdir(candidate)):
            return [candidate]
    return []


def _outside(target: str) -> bool:
    """Whether a copy's destination lies outside the checkout as written: a variable, the home
    folder, an absolute path, or one that climbs out of the repository."""
    return target.startswith(("$", "~", "/", "../"))


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read(_MAX_BYTES)
    except OSError:
        return ""
