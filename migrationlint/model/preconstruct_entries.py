"""The entry points of a package built by preconstruct, as source files.

preconstruct builds each package from the entrypoints its package.json `preconstruct.entrypoints`
lists (relative to `src/`; `index.{js,jsx,ts,tsx}` when none is listed; a `!pattern` leaves out what
it matches) into files named after the
package (`dist/acme-widget.js` for `@acme/widget`, `dist/acme-widget-views.js` for `views/index.tsx`),
which `main` and `exports` name. Those names share nothing with the source's path, so the usual
mapping back to source finds nothing; the entrypoints say where the build starts. A package is
taken as preconstruct's when its manifest has a `preconstruct` key or one of its declared targets
carries that naming.
"""

from __future__ import annotations

import glob
import os
from typing import Iterator

from migrationlint.model.workspace import Manifest

ORIGIN = 'package.json "preconstruct.entrypoints"'
_DEFAULT = ("index.{js,jsx,ts,tsx}",)


def preconstruct_entries(manifest: Manifest, targets: list[str]) -> Iterator[str]:
    """The source files under `src/` that preconstruct builds the package from, when `targets` (the
    package's declared entry targets) or its manifest say preconstruct builds it."""
    config = manifest.data.get("preconstruct")
    if not isinstance(config, dict) and not _named_by_preconstruct(manifest.name, targets):
        return
    listed = config.get("entrypoints") if isinstance(config, dict) else None
    patterns = [p for p in listed if isinstance(p, str)] if isinstance(listed, list) else list(_DEFAULT)
    src = os.path.join(manifest.dir, "src")
    left_out = {found for p in patterns if p.startswith("!") for found in _matches(src, p[1:])}
    for pattern in patterns:
        if not pattern.startswith("!"):
            yield from (found for found in _matches(src, pattern) if found not in left_out)


def _matches(src: str, pattern: str) -> list[str]:
    """The files under `src` a pattern matches. preconstruct globs the patterns together, so a
    `!pattern` (`!test-utils/index.ts`) leaves out what it matches whatever the order."""
    found = []
    for expanded in _braces(pattern):
        found += [os.path.normpath(f) for f in sorted(glob.glob(os.path.join(glob.escape(src), expanded)))
                  if os.path.isfile(f)]
    return found


def _named_by_preconstruct(name: str | None, targets: list[str]) -> bool:
    """Whether a target is `dist/<the package name, `@` dropped and `/` as `-`>[-<entry>].<ext>`."""
    if not name:
        return False
    stem = name.removeprefix("@").replace("/", "-")
    for target in targets:
        parts = target.replace("\\", "/").split("/")
        base = parts[-1].split(".", 1)[0]
        if "dist" in parts[:-1] and (base == stem or base.startswith(stem + "-")):
            return True
    return False


def _braces(pattern: str) -> list[str]:
    """`index.{js,ts}` as `index.js`, `index.ts` (one brace group, as preconstruct's defaults use)."""
    start, end = pattern.find("{"), pattern.find("}")
    if start < 0 or end < start:
        return [pattern]
    return [pattern[:start] + option + pattern[end + 1:] for option in pattern[start + 1:end].split(",")]
