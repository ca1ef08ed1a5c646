"""Whether an installed umbrella package re-exports one of its inner packages at a subpath.

`@medusajs/framework/workflows-sdk` re-exports `@medusajs/workflows-sdk`; `@polkadot/api/types`,
named like `@polkadot/types`, holds the api's own typings. Only the umbrella's files tell, so the
answer is read from its installed copy (the node_modules folder Node would load it from), as text:
its `exports` entry for the subpath, or the subpath's usual files, and whether one of them exports
from the inner package. Without an installed copy the answer is unknown.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.specifiers import condition_targets, exports_table
from migrationlint.model.workspace import read_manifest

_FILES = ("{}.d.ts", "{}/index.d.ts", "{}.js", "{}/index.js")


def reexports(start_dir: str, root: str, umbrella: str, subpath: str, inner: str) -> bool | None:
    """True or False when `umbrella` is installed at or above `start_dir` (up to `root`), None when it is not."""
    folder = _installed_folder(start_dir, root, umbrella)
    if folder is None:
        return None
    exported = re.compile(r"\bexport\b[^;]*?\bfrom\s*['\"]" + re.escape(inner) + r"['\"]|require\(\s*['\"]"
                          + re.escape(inner) + r"['\"]\s*\)")
    files = [os.path.join(folder, t) for t in _export_targets(folder, subpath)]
    files += [os.path.join(folder, pattern.format(subpath)) for pattern in _FILES]
    for path in files:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                if exported.search(fh.read(256 * 1024)):
                    return True
        except OSError:
            continue
    return False


def _installed_folder(start_dir: str, root: str, package: str) -> str | None:
    directory = start_dir
    while True:
        candidate = os.path.join(directory, "node_modules", *package.split("/"))
        if os.path.isfile(os.path.join(candidate, "package.json")):
            return candidate
        if directory == root or os.path.dirname(directory) == directory:
            return None
        directory = os.path.dirname(directory)


def _export_targets(folder: str, subpath: str) -> list[str]:
    """The files the `exports` entry `./<subpath>` of the installed package.json names (every condition)."""
    exports = read_manifest(os.path.join(folder, "package.json")).data.get("exports")
    entry = exports_table(exports).get("./" + subpath) if exports is not None else None
    return condition_targets(entry) if entry is not None else []
