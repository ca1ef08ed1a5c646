"""Files a component registry lists: code a command line copies into other projects, not code that runs here.

A shadcn-style registry keeps a `registry.json` beside its package.json: `items`, each listing its
`files` by `path` and the packages the destination installs with them (`dependencies`). A build
command (`shadcn build`, or the project's own) turns it into what users install from, and each
item's files land in the user's app. Their imports name the destination's packages and aliases,
never the registry package's: templates, as `templates/` folders are. A listed path is read from
registry.json's folder, also below one source folder the listing leaves out (`chat/api/redis.ts`
for `src/chat/api/redis.ts`). registry.json is a context file of the run (run_cache).
"""

from __future__ import annotations

import json
import os

from migrationlint.model.project import Memo, Project, per_key

REGISTRY = "registry.json"
_LISTED: Memo[dict[str, frozenset[str]]] = per_key("package folder -> the file paths its registry.json lists")


def registry_item(project: Project, path: str, manifest_dir: str) -> str | None:
    """The template reason for the file at `path` when its package's registry.json lists it, or None.
    Asked for every file whose verdict is decided: the listing is read once per package and run."""
    memo = _LISTED(project)
    listed = memo.get(manifest_dir)
    if listed is None:
        listed = memo[manifest_dir] = _read(os.path.join(manifest_dir, REGISTRY))
    if not listed:
        return None
    rel = os.path.relpath(path, manifest_dir).replace(os.sep, "/")
    parts = rel.split("/", 1)
    if rel in listed or len(parts) == 2 and parts[1] in listed:
        return f"an item of the component registry {REGISTRY}, installed into other projects"
    return None


def _read(registry: str) -> frozenset[str]:
    """The file paths a registry.json lists in its items (none without one, or unreadable)."""
    try:
        with open(registry, "rb") as fh:
            data = json.loads(fh.read())
    except (OSError, ValueError):
        return frozenset()
    items = data.get("items") if isinstance(data, dict) else None
    found = set()
    for item in items if isinstance(items, list) else ():
        files = item.get("files") if isinstance(item, dict) else None
        for entry in files if isinstance(files, list) else ():
            listed = entry.get("path") if isinstance(entry, dict) else None
            if isinstance(listed, str) and listed:
                found.add(listed.removeprefix("./"))
    return frozenset(found)
