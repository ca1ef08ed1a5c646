"""An entry field without an extension (`"main": "src/index"`), read as Node and TypeScript read it.

Node probes `src/index.js`, `.json`, `.node` and `src/index/index.js`; TypeScript probes
`src/index.ts` and `src/index/index.ts`. When only the TypeScript file is there, and no build of
the package could write the JavaScript beside it, the entry is TypeScript source as much as
`"main": "src/index.ts"` is: no install of the package could load it (entry_points.entry_is_source).
"""

from __future__ import annotations

import os

from migrationlint.model.tsconfig import read_tsconfig

_NODE_PROBES = ("", ".js", ".cjs", ".mjs", ".json", ".node")
_TS_PROBES = (".ts", ".tsx", ".mts", ".cts")


def extensionless_source(folder: str, target: str, builds: list[list[str]]) -> bool:
    """Whether `target` (an entry of the package in `folder`, no extension) names only TypeScript
    source. `builds` are the commands of the scripts that could build the entry: each must be
    `tsc` writing to an outDir (its `-p` config's, else tsconfig.json's), so that the JavaScript a
    build emits lands elsewhere, never where the entry points."""
    if not target or os.path.splitext(target)[1] or target.endswith(("/", ".")):
        return False
    base = os.path.normpath(os.path.join(folder, target))
    if any(os.path.exists(base + ext) for ext in _NODE_PROBES[1:]) or os.path.isfile(base) \
            or os.path.isfile(os.path.join(base, "index.js")):
        return False
    if not any(os.path.isfile(base + ext) or os.path.isfile(os.path.join(base, "index" + ext)) for ext in _TS_PROBES):
        return False
    return all(_emits_elsewhere(folder, words, os.path.dirname(base)) for words in builds)


def _emits_elsewhere(folder: str, words: list[str], entry_dir: str) -> bool:
    """Whether a build command is tsc whose config sends its output to an outDir that does not
    hold the entry's folder (`tsc -p tsconfig.build.json` writing `../../dist/libs/common`)."""
    if not words or os.path.basename(words[0]) != "tsc" or "--outDir" in words or "-b" in words or "--build" in words:
        return False
    config = "tsconfig.json"
    for flag in ("-p", "--project"):
        if flag in words and words.index(flag) + 1 < len(words):
            config = words[words.index(flag) + 1]
    path = os.path.join(folder, config)
    if os.path.isdir(path):
        path = os.path.join(path, "tsconfig.json")
    if not os.path.isfile(path):
        return False
    out_dir = read_tsconfig(path).out_dir
    if not out_dir:
        return False
    out_dir = os.path.normpath(out_dir)
    return not (entry_dir == out_dir or entry_dir.startswith(out_dir + os.sep))
