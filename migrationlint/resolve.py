"""Specifier + importing file -> a file on disk (relative specifiers, for now).

The full resolver (tsconfig paths, baseUrl, workspace packages, exports maps) builds on this.
"""

from __future__ import annotations

import os

SOURCE_EXTENSIONS = (".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx")
_JS_TO_TS = {".js": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",), ".jsx": (".tsx",)}


def candidates(base: str) -> list[str]:
    """Paths tried for an import of `base` (already joined to the importer's directory)."""
    out = [base]
    stem, ext = os.path.splitext(base)
    for ts_ext in _JS_TO_TS.get(ext, ()):
        out.append(stem + ts_ext)
    out.extend(base + e for e in SOURCE_EXTENSIONS)
    out.extend(os.path.join(base, "index" + e) for e in SOURCE_EXTENSIONS)
    return out


def resolve_relative(importer: str, specifier: str) -> str | None:
    """The file a relative specifier names, or None when none of the candidates exists."""
    if not specifier.startswith("."):
        return None
    base = os.path.normpath(os.path.join(os.path.dirname(importer), specifier))
    for c in candidates(base):
        if os.path.isfile(c):
            return c
    return None
