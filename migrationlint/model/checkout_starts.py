"""Packages that start only from a full install: their start scripts need a development tool.

A package whose `start` runs its TypeScript through a runner it keeps in devDependencies
(`ts-node --transpile-only src/index.ts`, `node -r ts-node/register src/index.ts`), or preloads a
module of such a package (`node -r tsconfig-paths/register dist/main.js`), cannot start
from a production install (`npm ci --omit=dev`), which leaves the runner out: every run has the
devDependencies, so "a production install leaves it out" (DEP002) describes nothing that happens.
Said of a package with no `dependencies` at all, which keeps everything it loads where its runner
is (an operator's tool run from a checkout), and of one that names nothing to load (npm init's
`"main": "index.js"` beside no such file is nothing), has no Dockerfile and does not say `"private":
false` (a local development server beside a function deployed some other way; a one-off migration
tool with a stray dependency). A package with
dependencies that may be published or built into an image is left to the usual judgement (its
runner may be the oversight).
"""

from __future__ import annotations

import os
from functools import lru_cache

from migrationlint.model.entry_points import START_SCRIPTS, names_nothing_loadable
from migrationlint.model.packages import package_name
from migrationlint.model.script_commands import expanded_commands
from migrationlint.model.workspace import Manifest

# runners that execute TypeScript source, each a package of that name
_TS_RUNNERS = frozenset({"ts-node", "ts-node-dev", "tsnd", "tsx", "esno", "esrun", "vite-node", "babel-node", "swc-node"})
_RUNNER_PACKAGES = {"tsnd": "ts-node-dev", "babel-node": "@babel/node", "swc-node": "@swc-node/register"}
# node options that load a module before the program: `-r ts-node/register`, `--import tsx`, `--loader ts-node/esm`
_PRELOADS = frozenset({"-r", "--require", "--import", "--loader", "--experimental-loader"})


def starts_from_checkout(manifest: Manifest, root: Manifest | None = None) -> bool:
    """Whether the package declares no `dependencies` (or names nothing to load, has no Dockerfile and
    is not `"private": false`), has a start script, and every start script runs through a TypeScript runner only
    its devDependencies hold, or, for a package of the workspace `root`, the root's (a workspace's
    `tsx`, kept once at the root for all its CLIs)."""
    scripts = manifest.data.get("scripts")
    starts = tuple(s for name in START_SCRIPTS if isinstance(s := scripts.get(name), str)) if isinstance(scripts, dict) else ()
    starts = tuple(tuple(map(tuple, expanded_commands(s, scripts))) for s in starts)  # `bun run run:prod x.ts`: its script
    if not starts:
        return False
    local = manifest.data.get("private") is not False and names_nothing_loadable(manifest) \
        and not os.path.isfile(os.path.join(manifest.dir, "Dockerfile"))
    if manifest.data.get("dependencies") and not local:
        return False
    kept = {*manifest.section("devDependencies"), *(root.section("devDependencies") if root is not None else ())}
    return _dev_runners_only(starts, frozenset(kept - {*manifest.section("dependencies")}))


@lru_cache(maxsize=1024)
def _dev_runners_only(starts: tuple[tuple[tuple[str, ...], ...], ...], dev: frozenset[str]) -> bool:
    """Whether every start script (its commands, a run of another script by name replaced by that
    script's: `bun run run:prod src/main.ts` where `run:prod` is `tsx`) runs through a runner (or
    preload) of a package in `dev` (asked for each use DEP002 weighs: answered once per manifest's
    scripts)."""
    return all(any(_runner(list(words)) in dev for words in commands) for commands in starts)


def _runner(words: list[str]) -> str | None:
    """The package of the TypeScript runner a command runs, or None."""
    words = [w for w in words if "=" not in w or w.startswith("-")]  # `NODE_ENV=production ts-node ...`
    if words and os.path.basename(words[0]) in ("npx", "cross-env"):
        words = words[1:]
    if not words:
        return None
    first = os.path.basename(words[0])
    if first in _TS_RUNNERS:
        return _RUNNER_PACKAGES.get(first, first)
    if first != "node":
        return None
    pairs = [tuple(w.split("=", 1)) if w.startswith("--") and "=" in w else None for w in words]
    pairs += list(zip(words, words[1:], strict=False))  # `--require=tsconfig-paths/register` or `-r tsconfig-paths/register`
    for pair in pairs:
        if pair is not None and pair[0] in _PRELOADS and not pair[1].startswith((".", "/")):
            return package_name(pair[1])
    return None
