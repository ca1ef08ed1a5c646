"""Whether an installed umbrella package re-exports one of its inner packages at a subpath.

`@medusajs/framework/workflows-sdk` re-exports `@medusajs/workflows-sdk`; `@polkadot/api/types`,
named like `@polkadot/types`, holds the api's own typings. Only the umbrella's files tell, so the
answer is read from its installed copy (the node_modules folder Node would load it from), as text:
its `exports` entry for the subpath, or the subpath's usual files, and whether one of them exports
from the inner package. Without an installed copy the answer is unknown.
"""

from __future__ import annotations

import json
import os
import re

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
    try:
        with open(os.path.join(folder, "package.json"), encoding="utf-8") as fh:
            exports = json.load(fh).get("exports")
    except (OSError, ValueError, AttributeError):
        return []
    entry = exports.get("./" + subpath) if isinstance(exports, dict) else None
    found: list[str] = []
    pending = [entry]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
    return found
