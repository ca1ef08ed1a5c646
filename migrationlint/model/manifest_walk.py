"""Which directories hold a package.json, and where the Dockerfiles are: one walk of the tree,
remembered by directory mtimes.

Why: finding the workspace's manifests walks every directory of the repository (18,000 in
a 7,000-file monorepo, 0.7 s), and a pre-commit run over five files paid that walk twice. Whether a directory
holds a package.json, and which subdirectories it has, are entries of that directory: the walk is
stored with the stamp of every directory it listed (stamped_record.py), and the next run stats
those directories instead of listing them.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from migrationlint.model import stamped_record
from migrationlint.model.discovery import ALWAYS_SKIPPED
from migrationlint.model.image_files import is_compose_file, is_dockerfile

MAGIC = b"migrationlint-manifest-dirs 9\n"


class PackageFolders(NamedTuple):
    """What one walk of the tree finds for the workspace model."""

    manifest_dirs: list[str]  # directories holding a package.json, in walk order
    dockerfiles: list[str]  # the Dockerfiles of the same folders (docker_installs reads them)
    compose_files: list[str]  # and their Compose files (which Dockerfile each image is built from)
    nx_projects: list[str]  # directories holding an Nx project.json (an app of an integrated repository)
    # directories in dot folders (to DOT_FOLDER_DEPTH) holding a package.json: members only where a
    # workspace glob names a dot folder (`examples/.*/*`), as the package managers' globs do
    hidden_manifest_dirs: list[str] = []


# How deep the walk looks into a dot folder, for Dockerfiles and Compose files only: images are kept
# in `.docker/` or `.deploy/<service>/`, and what lies deeper in dot folders are tool caches
# (`.yarn/cache`, `.next/cache/...`) that no image recipe lives in. A package.json there counts only
# where a workspace glob names the dot folder (PackageFolders.hidden_manifest_dirs).
DOT_FOLDER_DEPTH = 2
# dot folders of a development environment: their Dockerfiles build a developer's container, never
# an image of the product (as a hidden `.gitpod.Dockerfile` does: image_files.is_dockerfile)
DEV_ENVIRONMENT_FOLDERS = frozenset({".devcontainer", ".gitpod"})


def walk(root: str) -> tuple[PackageFolders, stamped_record.Stamps]:
    """(what the walk found, the stamps of the directories listed)."""
    found: list[str] = []
    docker: list[str] = []
    compose: list[str] = []
    nx: list[str] = []
    hidden: list[str] = []
    stamps = stamped_record.Stamps(ALWAYS_SKIPPED)
    dot_depth: dict[str, int] = {}  # a folder at or below a dot folder -> its level from that folder (1)
    for directory, dirs, files in os.walk(root):
        stamps.add(directory, {*dirs, *files})  # after the listing: a later change shows
        depth = dot_depth.get(directory)
        dirs[:] = _descend(directory, sorted(d for d in dirs if d not in ALWAYS_SKIPPED), depth, dot_depth)
        if depth is None:
            if "package.json" in files:
                found.append(directory)
            if "project.json" in files:
                nx.append(directory)
        elif "package.json" in files:
            hidden.append(directory)
        docker += sorted(os.path.join(directory, n) for n in files if "ockerfile" in n and is_dockerfile(n))
        compose += sorted(os.path.join(directory, n) for n in files if "compose" in n and is_compose_file(n))
    return PackageFolders(found, docker, compose, nx, hidden), stamps


def _descend(directory: str, dirs: list[str], depth: int | None, dot_depth: dict[str, int]) -> list[str]:
    """The subfolders of `directory` to walk: all of them, dot folders to DOT_FOLDER_DEPTH (noted
    in `dot_depth`)."""
    if depth is not None:
        if depth >= DOT_FOLDER_DEPTH:
            return []
        for d in dirs:
            dot_depth[os.path.join(directory, d)] = depth + 1
        return dirs
    dirs = [d for d in dirs if d not in DEV_ENVIRONMENT_FOLDERS]
    for d in dirs:
        if d.startswith("."):
            dot_depth[os.path.join(directory, d)] = 1
    return dirs


def package_folders(root: str, cache_dir: str | None = None) -> PackageFolders:
    """The manifests' directories and the Dockerfiles under `root` (dependency and build folders
    skipped, dot folders only near their top); with a cache directory, from the last walk when
    nothing changed."""
    if cache_dir is None:
        return walk(root)[0]
    path = stamped_record.record_path(cache_dir, "manifest-dirs", root)
    found = stamped_record.load(path, MAGIC, root)
    if isinstance(found, PackageFolders):
        return found
    walked, stamps = walk(root)
    stamped_record.store(path, MAGIC, root, stamps, walked)
    return walked
