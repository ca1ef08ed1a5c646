"""What a bundling build is: its reason, and the packages it leaves external (bundling.py decides
which builds bundle; this record is apart so that the modules reading builds share it without
importing one another)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from migrationlint.model.config_objects import REGEX_MARK


@dataclass(frozen=True)
class Bundle:
    """A package's build bundles its imports (`reason`), except the packages it names external,
    which its consumers or its production install provide."""

    reason: str
    external: tuple[str, ...] = ()
    page: tuple[str, ...] = ()  # imports a browser script reads from globals of the page (rollup_builds)
    literal: bool = False  # string entries are names or path prefixes, never wildcards (tsup's `external`)
    # when given, the only packages the bundle holds: webpack-node-externals keeps every package of
    # node_modules external but those its `allowlist` matches (names, or regex literals)
    only: tuple[str, ...] | None = None
    # whether a config the repository writes may add plugins that serve names no install holds (a vite
    # plugin's `resolveId`); a host framework's fixed build of a plugin takes none
    configurable: bool = True

    def inlines(self, package: str | None) -> bool:
        """Whether the bundle holds `package` (None: any package at all). An external entry names
        the package or a path into it (`react/jsx-runtime`): either way an install must hold it; a
        regex entry (rollup, vite, tsup) leaves out what it matches."""
        if self.only is not None:
            return package is None or any(e == package or (e.startswith(REGEX_MARK) and _regex_matches(e[len(REGEX_MARK):], package))
                                          for e in self.only)
        return package is None or not any(e == package or e.startswith(package + "/") or _covers(e, package, self.literal)
                                          or (e.startswith(REGEX_MARK) and _regex_matches(e[len(REGEX_MARK):], package))
                                          for e in self.external)


def _covers(entry: str, package: str, literal: bool) -> bool:
    """Whether an external entry that names a whole scope or a wildcard (`@aws-sdk`, which esbuild
    matches as a path prefix; `@aws-sdk/*`) covers the package (`@aws-sdk/client-s3`). tsup matches its
    strings as they are or as a path prefix (`id === p || id.startsWith(p + '/')`): `@aws-sdk/*` names nothing."""
    if literal:
        return "*" not in entry and package.startswith(entry + "/")
    prefix = entry[:-2] if entry.endswith("/*") else entry if entry.startswith("@") and "/" not in entry else None
    return prefix is not None and package.startswith(prefix + "/")


_JS_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}


def _regex_matches(literal: str, package: str) -> bool:
    """Whether the JavaScript regex literal `/source/flags` matches the package's name (the bundler
    tests the import as written, which starts with it). One Python cannot read, or with a flag it
    does not know, is taken to match: the package then needs an install, as when nothing is read."""
    source, _, flags = literal[1:].rpartition("/")
    if any(f not in "gimsuyd" for f in flags):
        return True
    options = 0
    for f in flags:
        options |= _JS_FLAGS.get(f, 0)
    try:
        return re.search(source, package, options) is not None
    except re.error:
        return True
