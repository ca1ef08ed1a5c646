"""The packages a package's own install hooks link into its node_modules.

A package that builds sibling libraries kept outside any workspace (or git submodules) may link
them from its `postinstall` (`yarn link acme-api-lib`, `npm link ../lib/api-lib`), directly or
through a shell script the hook runs: every install of the package, a Docker image's included,
then holds them, though no dependency section names them. So does a project nested in the package's
folder whose install hook runs a script that symlinks its node_modules into the package (the
electron-react-boilerplate layout: `release/app/package.json` holds the app's native modules, its
`postinstall` links `release/app/node_modules` to `src/node_modules`, electron-builder packs it).
"""

from __future__ import annotations

import os
import re
from typing import Callable, Iterable

from migrationlint.model.bundling import build_commands
from migrationlint.model.packages import package_name
from migrationlint.model.workspace import Manifest, read_manifest

_HOOKS = ("preinstall", "install", "postinstall", "prepare")
# `yarn link NAME...`, `npm link PATH...` (`npm ln`), `pnpm link PATH...`: the words up to the command's end
_LINK = re.compile(r"(?:^|[\s;&|(])(?:yarn|npm|pnpm)\s+(?:link|ln)\s+([^;&|)]*)")


def install_linked(manifest: Manifest) -> frozenset[str]:
    """The names the install hooks of `manifest`'s package link into it (a path argument names the
    package whose manifest is there)."""
    return frozenset(name for _, command in build_commands(manifest, _HOOKS, shell=True)
                     for words in _LINK.findall(command) for name in _linked_names(words, manifest.dir))


def _linked_names(words: str, directory: str) -> list[str]:
    names = []
    for word in words.split():
        if word.startswith(("-", "$")):
            continue  # a flag, or a variable's words (`$YARN_LINK_ARGS`)
        if word.startswith((".", "/")):
            word = read_manifest(os.path.join(directory, word, "package.json")).name or ""
        if word and package_name(word) == word:
            names.append(word)
    return names


# a script file a hook runs (`node -r ts-node/register ../../.erb/scripts/link-modules.ts`)
_RUN_FILE = re.compile(r"(?:^|\s)((?:\.{1,2}/)*[\w./-]+\.[cm]?[jt]s)(?=\s|$)")
_SYMLINK = re.compile(rb"\bsymlink(?:Sync)?\s*\(")
_NODE_MODULES = re.compile(rb"node_?modules", re.IGNORECASE)  # `node_modules`, `appNodeModulesPath`


def symlinked_installs(nested: Iterable[Manifest], read: Callable[[str], bytes | None]) -> frozenset[str]:
    """The dependencies of the projects `nested` in a package's folder whose install hooks run a
    script (read through `read`) that symlinks a node_modules folder: the package's code finds them
    through the link."""
    found: set[str] = set()
    for project in nested:
        if any(_links_node_modules(project, command, read) for _, command in build_commands(project, _HOOKS)):
            found.update(project.section("dependencies"), project.section("optionalDependencies"))
    return frozenset(found)


def _links_node_modules(project: Manifest, command: str, read: Callable[[str], bytes | None]) -> bool:
    for named in _RUN_FILE.findall(command):
        data = read(os.path.normpath(os.path.join(project.dir, named)))
        if data and _SYMLINK.search(data) and _NODE_MODULES.search(data):
            return True
    return False
