"""nest-cli.json, read as data: the Nest CLI's projects (apps and libraries of a monorepo)."""

from __future__ import annotations

import json
import os

NEST_CLI = "nest-cli.json"


def read_nest_cli(directory: str) -> object | None:
    """The parsed nest-cli.json of `directory`; None when there is none or it is no valid JSON."""
    try:
        with open(os.path.join(directory, NEST_CLI), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def library_roots(directory: str) -> frozenset[str]:
    """The folders of the library projects (`"type": "library"`) of a monorepo-mode nest-cli.json in
    `directory`: code the apps compile into their own builds through tsconfig `paths`, never built
    or installed as a package of its own by the Nest CLI."""
    data = read_nest_cli(directory)
    projects = data.get("projects") if isinstance(data, dict) else None
    if not isinstance(projects, dict) or not (data.get("monorepo") or projects):
        return frozenset()
    return frozenset(os.path.normpath(os.path.join(directory, p["root"])) for p in projects.values()
                     if isinstance(p, dict) and p.get("type") == "library" and isinstance(p.get("root"), str))
