"""The packages a package's own install hooks link into its node_modules.

A package that builds sibling libraries kept outside any workspace (or git submodules) may link
them from its `postinstall` (`yarn link acme-api-lib`, `npm link ../lib/api-lib`), directly or
through a shell script the hook runs: every install of the package, a Docker image's included,
then holds them, though no dependency section names them.
"""

from __future__ import annotations

import os
import re

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
