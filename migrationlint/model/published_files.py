"""What package.json `files` publishes: the entries read as patterns over the package's paths
(negations read as entries: "may publish" errs towards yes).
"""

from __future__ import annotations

from migrationlint.globs import match


def files_list(listed: list, rel: str) -> bool:
    """Whether an entry of package.json `files` publishes the file at `rel` exactly: a pattern that
    matches it, a folder above it, or everything."""
    patterns = [f.strip().lstrip("!").removeprefix("./").rstrip("/") for f in listed if isinstance(f, str)]
    return any(p in ("", "*", "**") or match(p, rel) or rel.startswith(p + "/") for p in patterns)


def files_publish(listed: list, top: str, rel: str) -> bool:
    """Whether an entry of package.json `files` may publish the file at `rel`, in the package's top
    folder `top`: one naming the folder, the file, or everything (negations read as entries)."""
    patterns = [f.strip().lstrip("!").removeprefix("./").rstrip("/") for f in listed if isinstance(f, str)]
    return any(p.split("/", 1)[0] in ("", "*", "**") or match(p.split("/", 1)[0], top) or match(p, rel) for p in patterns)
