"""Declaration files a tsc build writes into a folder of the repository, read before the build.

A typings package often commits one stub (`index.d.ts`: `export type * from "./app/src/api"`) and
ignores the rest of its folder, which a tsconfig elsewhere fills: `"outDir": "./packages/typings/"`
with `declaration` on, run by a script before anything reads the typings. tsc mirrors its sources'
tree below `outDir` (from their common root, the config's folder or one above it when a source imports
from outside), so `./app/src/api` there is `app/src/api.ts` compiled: a fresh checkout lacks it, and
the import names a file the build writes, not a broken path. The mirrored source must exist, so a
path into an output whose sources moved is still reported.
"""

from __future__ import annotations

import os

from migrationlint.model.folders_above import folders_up_to
from migrationlint.model.resolve import Resolver
from migrationlint.model.specifiers import TS_SOURCE

_DECLARATIONS = ("declaration", "composite", "emitDeclarationOnly")


def written_by_tsc(resolver: Resolver, root: str, target: str) -> bool:
    """Whether `target` (an absolute path as an import names it, without extension) lies below the
    `declarationDir` or `outDir` of a tsconfig (any `tsconfig*.json`) in a folder above it that
    emits declarations, and names there a source that config's tree holds."""
    for folder in folders_up_to(root, target):
        for name in _tsconfig_names(folder):
            cfg = resolver.tsconfigs.config(os.path.join(folder, name))
            if cfg.error is not None or not any(cfg.emit_options.get(k) is True for k in _DECLARATIONS):
                continue
            for out in dict.fromkeys(d for d in (cfg.declaration_dir, cfg.out_dir) if d):
                if target.startswith(out.rstrip(os.sep) + os.sep) and _mirrors_a_source(
                        root, cfg.dir, os.path.relpath(target, out), out):
                    return True
    return False


def _mirrors_a_source(root: str, config_dir: str, rel: str, out: str) -> bool:
    """Whether `rel` below an output folder names a TypeScript source below the config's folder or a
    folder above it (tsc's common root of the sources), other than the output itself."""
    stem = os.path.splitext(rel)[0] if rel.endswith((".js", ".d.ts")) else rel
    stem = stem[:-2] if stem.endswith(".d") else stem
    for base in folders_up_to(root, os.path.join(config_dir, "x")):
        source = os.path.join(base, stem)
        if not source.startswith(out + os.sep) and any(os.path.isfile(source + ext) for ext in TS_SOURCE):
            return True
    return False


def _tsconfig_names(folder: str) -> list[str]:
    try:
        return sorted(n for n in os.listdir(folder) if n.startswith("tsconfig") and n.endswith(".json"))
    except OSError:
        return []
