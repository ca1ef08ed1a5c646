"""What says which package manager a repository installs with, when its `packageManager` field
does not: lerna.json's `npmClient`, and, of several lockfiles at the root, the one that matches
the manifests; with no lockfile at all, the manager Volta pins.

A lockfile an old `npm install` left beside the yarn.lock the repository installs with is stale:
it still pins the versions package.json asked for back then (Nest 8 where it now asks for Nest 10).
Its versions and its manager's command would be wrong advice, so the lockfile holding more of what
the manifests declare, at versions inside their ranges, is the one read.
"""

from __future__ import annotations

import json
import os
from typing import Callable

from migrationlint.model.lockfile_record import LOCKFILE_NAMES, Lockfile
from migrationlint.model.semver_ranges import satisfies


def lerna_client(root: str) -> str | None:
    """The client lerna.json's `npmClient` names (`yarn` in a lerna repository with no lockfile
    committed), or None."""
    try:
        with open(os.path.join(root, "lerna.json"), encoding="utf-8") as fh:
            client = json.load(fh).get("npmClient")
    except (OSError, ValueError, AttributeError):
        return None
    return client if client in ("npm", "yarn", "pnpm") else None


def volta_manager(data: dict) -> str | None:
    """The manager the root manifest's `volta` pins beside node (`"volta": {"node": "20.15.0",
    "yarn": "1.22.22"}`): Volta runs that one for the project, which installs with it."""
    pins = data.get("volta")
    return next((m for m in ("pnpm", "yarn") if isinstance(pins, dict) and isinstance(pins.get(m), str)), None)


def freshest_lockfile(root: str, declared: list[tuple[str, object]],
                      read: Callable[[str], Lockfile | None]) -> str | None:
    """Of several lockfiles at `root`, the one that holds the most of `declared` ((package, range)
    of every manifest) at a version inside its range; None with fewer than two, or when none holds
    more than the others."""
    present = [os.path.join(root, n) for n in LOCKFILE_NAMES if os.path.isfile(os.path.join(root, n))]
    if len(present) < 2:
        return None
    scores = {}
    for path in present:
        lock = read(path)
        scores[path] = -1 if lock is None else sum(1 for name, rng in declared if isinstance(rng, str) and any(
            satisfies(v, rng) for v in lock.versions.get(name, ())))
    best = max(scores.values())
    winners = [p for p, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None
