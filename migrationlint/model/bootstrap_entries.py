"""Entry points reached through a hand-written JavaScript bootstrap.

A start script or a Dockerfile often runs a small file kept in the repository rather than the
build output itself (`node init.js`, where `init.js` sets up the environment and then calls
`require('./dist/server/main').start()`). That file maps to no TypeScript source, so without a
look inside it the package would declare no entry at all and every file would ship by
presumption. What the bootstrap loads by relative path, mapped back from built output to source,
are the package's entries; a load in a branch for outside production (`NODE_ENV !==
'production'`) is not. The bootstrap itself, a file of the checkout outside the build's output
folders, is an entry too: in a JavaScript app (an Expo app's `index.js` loading `./App`), what it
imports is the app. The bootstrap's facts are loaded like any file outside the run (an input
of the run cache), never executed.
"""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.extract.records import FileFacts
from migrationlint.model import packages as pk
from migrationlint.model.preconstruct_entries import ORIGIN as PRECONSTRUCT_ORIGIN, preconstruct_entries
from migrationlint.model.entry_points import Entry, declared_entries, to_source
from migrationlint.model.vercel_functions import ORIGIN as VERCEL_ORIGIN, vercel_functions
from migrationlint.model.workspace import Manifest

_SCRIPT_EXTENSIONS = (".js", ".cjs", ".mjs")
_LOADING = frozenset({"import", "export-from", "export-star", "require", "dynamic"})


def all_entries(manifest: Manifest, mapped: Callable[[str, str], str | None],
                facts_of: Callable[[str], FileFacts | None], nx_projects: tuple[str, ...] = ()) -> list[Entry]:
    """The package's entry points as source files, each once: the targets it declares
    (entry_points.declared_entries) mapped back to source, then what the bootstraps among the
    targets that map to none load. Other targets that map to no source are dropped."""
    found: dict[str, Entry] = {}
    unmapped = []
    for target, origin in declared_entries(manifest, nx_projects):
        source = to_source(manifest.dir, target, mapped)
        if source is not None:
            found.setdefault(source, Entry(source, origin))
        else:
            unmapped.append((target, origin))
    for target, origin in unmapped:
        script = _kept_script(manifest, target, facts_of) if "runs built code" not in origin else None
        if script is not None:  # a JavaScript app's own `index.js` (an Expo app's `main`), not a one-off step's
            found.setdefault(script, Entry(script, origin))
        for entry in _loaded_by_bootstrap(manifest, target, origin, mapped, facts_of):
            found.setdefault(entry.path, entry)
    if unmapped:  # `dist/acme-widget.js`: preconstruct's naming, built from its entrypoints
        for source in preconstruct_entries(manifest, [t for t, _ in unmapped]):
            found.setdefault(source, Entry(source, PRECONSTRUCT_ORIGIN))
    for source in vercel_functions(manifest.dir):
        found.setdefault(source, Entry(source, VERCEL_ORIGIN))
    return list(found.values())


def _kept_script(manifest: Manifest, target: str, facts_of: Callable[[str], FileFacts | None]) -> str | None:
    """The target itself, when it is a JavaScript file of the checkout that no build writes (not under
    `dist/`, `build/` or `out/`) and that is linted: the package's source is JavaScript there (a React
    Native app's `"main": "index.js"` registering `./App`), and what it imports is reached from it."""
    path = os.path.normpath(os.path.join(manifest.dir, target))
    rel = os.path.relpath(path, manifest.dir).replace(os.sep, "/")
    if not path.endswith((*_SCRIPT_EXTENSIONS, ".jsx")) or rel.split("/")[0] in _BUILD_FOLDERS or rel.startswith("../") \
            or not os.path.isfile(path):
        return None
    facts = facts_of(path)
    return path if facts is not None and not facts.skipped else None


_BUILD_FOLDERS = frozenset({"dist", "build", "out", ".output", ".next"})


def _loaded_by_bootstrap(manifest: Manifest, target: str, origin: str, mapped: Callable[[str, str], str | None],
                         facts_of: Callable[[str], FileFacts | None]) -> list[Entry]:
    """The sources a target that is a JavaScript file of the package (a bootstrap) loads by
    relative path outside a branch for outside production, as entries (`origin, through init.js`)."""
    path = os.path.normpath(os.path.join(manifest.dir, target))
    if not path.endswith(_SCRIPT_EXTENSIONS) or not os.path.isfile(path):
        return []
    facts = facts_of(path)
    if facts is None or facts.skipped:
        return []
    out = []
    for imp in facts.imports:
        if imp.kind not in _LOADING or imp.dev_only or not pk.is_relative(imp.specifier):
            continue
        loaded = os.path.relpath(os.path.normpath(os.path.join(os.path.dirname(path), imp.specifier)), manifest.dir)
        source = to_source(manifest.dir, loaded, mapped)
        if source is not None:
            out.append(Entry(source, f"{origin}, through {target}", via=path))
    return out


def starts_unmapped_output(manifest: Manifest, mapped: Callable[[str, str], str | None],
                           nx_projects: tuple[str, ...] = ()) -> bool:
    """Whether a start script or the Dockerfile runs output a build writes that maps back to no source
    file (a custom server a bundler builds: `"start": "node dist"`), other than the server Next writes
    (standalone `server.js`) and a script kept as it is (a `.js` file of the checkout)."""
    return any(("script" in origin or "Dockerfile" in origin) and "runs built code" not in origin  # not a one-off step
               and os.path.basename(target.rstrip("/")) != "server.js"
               and not os.path.exists(os.path.join(manifest.dir, target))
               and to_source(manifest.dir, target, mapped) is None
               for target, origin in declared_entries(manifest, nx_projects))
