"""Whether a bare specifier that names no file under `baseUrl` still means a path there.

With a tsconfig `baseUrl`, `generated/prisma/app` or `assets/images/logo.png` is looked up under
that folder before node_modules. When nothing is found, the name may be a package (DEP001's) or a
path that is not there (IMP002's). It is read as a path when the evidence says so: a folder of that
first name exists under `baseUrl` (a generated file not written yet); a Prisma schema of the package
generates into it; the checkout ignores what it names (`generated/` a code generator writes, a
`.json` of credentials each checkout writes); or it names an image, font or media file and no
manifest, lockfile or node_modules knows its first segment (an asset moved to `public/`, not the
registry's `assets`). Asked only for names no manifest declares.
"""

from __future__ import annotations

import os
from typing import Protocol

from migrationlint.model.discovery import git_ignored
from migrationlint.model.generated_packages import in_generated_folder
from migrationlint.model.package_index import PackageIndex
from migrationlint.model.specifiers import file_candidates, package_name
from migrationlint.model.tsconfig import TsConfig
from migrationlint.model.workspace import Workspace


class Resolver(Protocol):
    """What these answers read of the resolver: its workspace and its package index."""

    root: str
    workspace: Workspace
    packages: PackageIndex

# what a bundler's asset loader serves: never the entry of a package
_ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico", ".bmp",
                   ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".webm", ".wav", ".ogg")


def catch_all_meant(resolver: Resolver, cfg: TsConfig, spec: str, bases: list[str]) -> bool:
    """Whether a catch-all `"*": ["./*"]` pattern, which alone says nothing about a specifier,
    still means it: a name no manifest declares that names a path under a target folder the way
    `meant_under_base_url` reads one under `baseUrl` (a gitignored `bp_modules/` a build step
    writes, with no `baseUrl`: the pattern is resolved from the tsconfig's folder)."""
    if resolver.packages.declared.get(package_name(spec) or ""):
        return False
    for target, base in zip(cfg.paths["*"], bases, strict=True):
        folder = target.split("*", 1)[0] if target.endswith("*") else None
        if folder is not None and meant_under_base_url(
                resolver, os.path.normpath(os.path.join(cfg.paths_base, folder)), spec, base):
            return True
    return False


def meant_under_base_url(resolver: Resolver, base_url: str, spec: str, base: str) -> bool:
    """Whether `spec`, which names no file at `base` under `base_url`, still means that path."""
    if spec.startswith("@"):
        return False
    first = spec.split("/", 1)[0]
    if "/" in spec and (os.path.isdir(os.path.join(base_url, first)) or in_generated_folder(
            resolver.workspace.manifest_for(os.path.join(base_url, "tsconfig.json")), base)
            or spec.lower().endswith(_ASSET_SUFFIXES) and resolver.packages.known(first, base_url) is None):
        return True
    # the folder (or file) the first segment names is ignored, not merely a folder deeper in the
    # path (`mapbox-gl/dist/x.css` under an ignored `dist`); `generated` alone may name either
    # (`generated/index.ts` under an ignored `generated/`), and a file by any of its names (`src/config.ts`
    # ignored, for `config`)
    named = os.path.join(base_url, first)
    return git_ignored(named, resolver.root, is_dir=True) or "/" not in spec and _file_ignored(resolver, named) \
        or spec.endswith(".json") and git_ignored(base, resolver.root)


_PROBE = "migrationlint-probe"  # a name no ignore rule names: a rule that ignores it ignores a whole kind


def _file_ignored(resolver: Resolver, named: str) -> bool:
    """Whether .gitignore names the file `named` stands for by one of its names (`src/config.ts`,
    `src/config.*`), not by its kind alone (`*.js`, which ignores every compiled file)."""
    probe = os.path.join(os.path.dirname(named), _PROBE)
    for candidate in file_candidates(named)[1:]:
        suffix = candidate[len(named):]
        if git_ignored(candidate, resolver.root) and not git_ignored(probe + suffix, resolver.root):
            return True
    return git_ignored(named, resolver.root)
