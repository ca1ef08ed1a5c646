"""The files an `import.meta.glob` pattern names (extract/glob_imports.py): modules of the bundle
that no import statement names, reached from the file that holds the pattern.

Vite reads a pattern relative to the file (`./pages/*.tsx`, `../../plugins/*/src/admin/index.ts`)
or, starting with `/`, to the project root; a `!` pattern takes files out. A pattern through an
alias (`@/pages/*.vue`) is not followed.
"""

from __future__ import annotations

import os
import re
from typing import Iterable

from migrationlint.globs import compile_glob


def glob_targets(path: str, patterns: Iterable[tuple[str, int, int]], candidates: Iterable[str],
                 project_root: str) -> list[str]:
    """The `candidates` (absolute paths) that the patterns of the file at `path` match."""
    keep, drop = [], []
    for pattern, _, _ in patterns:
        negated = pattern.startswith("!")
        compiled = _absolute(pattern[1:] if negated else pattern, path, project_root, negated)
        if compiled is not None:
            (drop if negated else keep).append(compiled)
    if not keep:
        return []
    return [c for c in candidates if c != path and any(k.match(c.lstrip("/")) for k in keep)
            and not any(d.match(c.lstrip("/")) for d in drop)]


def globbed_by(path: str, patterns: Iterable[tuple[str, int, int]], target: str, project_root: str) -> bool:
    """Whether the patterns of the file at `path` name `target`."""
    return bool(glob_targets(path, patterns, [target], project_root))


def _absolute(pattern: str, path: str, project_root: str, negated: bool) -> re.Pattern[str] | None:
    if pattern.startswith(("./", "../")) or negated and not pattern.startswith("/"):
        base = os.path.join(os.path.dirname(path), pattern)
    elif pattern.startswith("/"):
        base = os.path.join(project_root, pattern.lstrip("/"))
    else:
        return None  # an alias (`@/pages/*`): its folder is the bundler config's
    return compile_glob(os.path.normpath(base).replace(os.sep, "/").lstrip("/"))
