"""The path arithmetic of module resolution, without any workspace state: extension substitution,
`/index` candidates, `paths` pattern matching, package names of specifiers, and reading a
package.json's `exports` conditions. The Resolver (model.resolve) composes these."""

from __future__ import annotations

import os
from typing import Callable

from migrationlint.model import packages as pk

SOURCE_EXTENSIONS = (".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx")

TS_SOURCE = (".ts", ".tsx", ".mts", ".cts")
DECLARATIONS = (".d.ts", ".d.mts", ".d.cts")

# TypeScript's extension substitution: an import written with the extension of the emitted file
# names the source or declaration file it is emitted from (or described by); one written with a
# TypeScript extension (`allowImportingTsExtensions`) takes part like its JavaScript twin, and a
# `.tsx`/`.jsx` one tries `.ts` as well, and a `.js` one a `.jsx` file last (tsc's table, checked with
# tsc 5.9 --traceResolution; tests/imports/test_resolve_tsc_oracle.py runs it)
JS_TO_TS = {".js": (".ts", ".tsx", ".d.ts", ".jsx"), ".ts": (".tsx", ".d.ts"), ".mjs": (".mts", ".d.mts"),
            ".cjs": (".cts", ".d.cts"), ".jsx": (".tsx", ".ts", ".d.ts"), ".tsx": (".ts", ".d.ts")}


BUILT_EXTENSIONS = (".d.ts", ".d.mts", ".d.cts", ".js", ".mjs", ".cjs", ".jsx")

CONDITIONS = ("types", "import", "require", "node", "default")

def candidates(base: str) -> list[str]:
    """Paths tried for an import of `base` (already joined to the importer's directory)."""
    return file_candidates(base) + index_candidates(base)


def file_candidates(base: str) -> list[str]:
    """`base` as a file: as written, its TypeScript twin (`./x.js` -> `./x.ts`), each extension."""
    out = [base]
    stem, ext = os.path.splitext(base)
    for ts_ext in JS_TO_TS.get(ext, ()):
        out.append(stem + ts_ext)
    out.extend(base + e for e in SOURCE_EXTENSIONS)
    return out


def index_candidates(base: str) -> list[str]:
    """`base` as a folder: its index file, each extension."""
    return [os.path.join(base, "index" + e) for e in SOURCE_EXTENSIONS]


def first_file(base: str, is_file: Callable[[str], bool] = os.path.isfile) -> str | None:
    """The first of `base`'s candidates that is a file (`is_file`: a memo of os.path.isfile)."""
    for c in candidates(base):
        if is_file(c):
            return c
    return None


def resolve_relative(importer: str, specifier: str) -> str | None:
    """The file a relative specifier names, or None when none of the candidates exists."""
    if not pk.is_relative(specifier):
        return None
    return first_file(os.path.normpath(os.path.join(os.path.dirname(importer), specifier)))


def package_name(specifier: str) -> str:
    """`@scope/name/sub` -> `@scope/name`, `name/sub` -> `name` (packages.package_name). For a
    specifier that cannot name an npm package (`@/x`, `~/x`) its leading segments, which is how
    the import rules name it in messages."""
    name = pk.package_name(specifier)
    if name is not None:
        return name
    parts = specifier.split("/")
    return "/".join(parts[:2]) if specifier.startswith("@") else parts[0]


def is_ts_source(path: str | None) -> bool:
    """TypeScript whose exports we can read (declaration files included, JavaScript not)."""
    return bool(path) and path.endswith(TS_SOURCE)  # `.d.ts` ends in `.ts` too


def match_pattern(key: str, specifier: str) -> str | None:
    """The `*` capture when `specifier` matches a paths/exports key (`""` for an exact match)."""
    if "*" not in key:
        return "" if key == specifier else None
    prefix, suffix = key.split("*", 1)
    if len(specifier) >= len(prefix) + len(suffix) and specifier.startswith(prefix) and specifier.endswith(suffix):
        return specifier[len(prefix):len(specifier) - len(suffix)]
    return None


def best_matches(keys: list[str], specifier: str) -> list[tuple[str, str]]:
    """Keys matching `specifier`, best first: exact keys, then the longest prefix before `*`."""
    found = []
    for order, key in enumerate(keys):
        star = match_pattern(key, specifier)
        if star is not None:
            exact = "*" not in key
            found.append(((not exact, -len(key.split("*", 1)[0]), order), key, star))
    found.sort()
    return [(key, star) for _, key, star in found]


def alias_matches(prefix: str, spec: str) -> bool:
    """Bundler alias matching: the prefix itself or the prefix followed by `/` (`@` matches `@/x`,
    never `@scope/x`); a SvelteKit-style `key/*` matches what follows `key/`."""
    if prefix.endswith("/*"):
        return spec.startswith(prefix[:-1])
    return spec == prefix.rstrip("/") or spec.startswith(prefix if prefix.endswith("/") else prefix + "/")


def root_dir_twins(root_dirs: list[str], base: str) -> list[str]:
    """`base` re-rooted under every other rootDir: the path relative to the longest rootDir that
    contains it, joined to each of the others."""
    owners = [d for d in root_dirs if base == d or base.startswith(d.rstrip(os.sep) + os.sep)]
    if not owners:
        return []
    owner = max(owners, key=len)
    rel = os.path.relpath(base, owner)
    return [os.path.normpath(os.path.join(d, rel)) for d in root_dirs if d != owner]


def strip_built(path: str) -> str:
    for ext in BUILT_EXTENSIONS:
        if path.endswith(ext):
            return path[: -len(ext)]
    return path


def condition_targets(value: object, custom: tuple[str, ...] = ()) -> list[str]:
    """Every target string of an exports/imports value: those of the conditions TypeScript
    matches (the known ones and a tsconfig's `customConditions`) in the file's order, as it takes
    the first of them, then the rest."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in condition_targets(v, custom)]
    if isinstance(value, dict):
        active = [t for k, v in value.items() if k in CONDITIONS or k in custom for t in condition_targets(v, custom)]
        other = [t for k, v in value.items() if k not in CONDITIONS and k not in custom
                 for t in condition_targets(v, custom)]
        return active + other
    return []


def exports_table(exports: object) -> dict:
    """An `exports` field as its subpath table: a bare target or a conditions object is the `.` entry."""
    if isinstance(exports, dict) and any(k.startswith(".") for k in exports):
        return exports
    return {".": exports}


def exports_targets(exports: object, sub: str, custom: tuple[str, ...] = ()) -> list[str] | None:
    """Targets of an `exports` field for subpath `sub`; None when the subpath is not exported."""
    table = exports_table(exports)
    keys = [k for k in table if k.startswith(".")]
    for key, star in best_matches(keys, sub):
        return [t.replace("*", star) for t in condition_targets(table[key], custom)]
    for key in sorted((k for k in keys if k.endswith("/")), key=len, reverse=True):
        if sub.startswith(key):  # legacy folder mapping "./lib/": "./dist/lib/"
            return [t + sub[len(key):] for t in condition_targets(table[key], custom)]
    return None
