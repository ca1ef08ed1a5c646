"""Source files spelled like an import's missing target: `./Users` for `users.ts` (only the letter
case differs: found on macOS and Windows, missing on Linux), `./ArticleService.module` for
`article-service.module.ts` (case, `-` and `_`). IMP002 names such a file and offers it as the fix.
"""

from __future__ import annotations

import os

from migrationlint.model.specifiers import SOURCE_EXTENSIONS


def source_stem(name: str) -> str:
    """The file name without its code extension (`user.service` of `user.service.d.ts`)."""
    for ext in (".d.ts", ".d.mts", ".d.cts", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"):
        if name.endswith(ext):
            return name[: -len(ext)]
    return name


def _spelling(stem: str) -> str:
    return stem.lower().replace("-", "").replace("_", "")


def spelling_twin(bases: tuple[str, ...]) -> tuple[str, bool] | None:
    """A source file beside an import's missing target whose name differs from it only in letter
    case (`./Users` for `users.ts`: True), else only in case, `-` and `_` (`./ArticleService.module`
    for `article-service.module.ts`: False)."""
    spelled = None
    for base in bases:
        directory, wanted = os.path.split(base)
        folder_case = not os.path.isdir(directory)  # `@core/Invoices/...` for `core/invoices/`: only case may differ
        found = _folder_in_other_case(directory) if folder_case else directory
        if found is None:
            continue
        directory = found
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        for name in sorted(names):
            stem, ext = source_stem(name), name[len(source_stem(name)):]
            if (stem == wanted and not folder_case) or ext not in SOURCE_EXTENSIONS:
                continue
            if stem.lower() == wanted.lower():
                return os.path.join(directory, name), True
            if spelled is None and not folder_case and _spelling(stem) == _spelling(wanted):
                spelled = os.path.join(directory, name), False
    return spelled


_MAX_CASE_SEGMENTS = 6


def _folder_in_other_case(directory: str) -> str | None:
    """The existing folder whose path differs from `directory` only in the letter case of its
    missing segments, matched one segment at a time from the deepest folder that exists."""
    missing: list[str] = []
    found = directory
    while not os.path.isdir(found):
        parent, name = os.path.split(found)
        if parent == found or not name or len(missing) == _MAX_CASE_SEGMENTS:
            return None
        missing.append(name)
        found = parent
    for name in reversed(missing):
        try:
            entries = sorted(os.listdir(found))
        except OSError:
            return None
        match = next((e for e in entries if e.lower() == name.lower() and os.path.isdir(os.path.join(found, e))), None)
        if match is None:
            return None
        found = os.path.join(found, match)
    return found
