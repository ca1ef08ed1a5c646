"""Cloudflare Workers: what `wrangler deploy` uploads.

wrangler reads its configuration (`wrangler.toml`, `wrangler.json` or `wrangler.jsonc`) and bundles
the Worker from `main` with esbuild, everything it imports inlined: nothing is installed where the
Worker runs, so the package's devDependencies are as good as its dependencies there. The
configuration may sit in the package's folder or in a folder above it (a workspace root whose
`main` names a member's file). Read as data; `no_bundle = true` uploads the files as they are.
"""

from __future__ import annotations

import os
import tomllib

from migrationlint.model.folders_above import folder_and_above
from migrationlint.model.jsonc import load_jsonc

_CONFIGS = ("wrangler.toml", "wrangler.json", "wrangler.jsonc")
_LEVELS = 4  # the package's folder and three above it: a workspace root's configuration names its members' files


def worker_bundle(package_dir: str) -> str | None:
    """Why the package at `package_dir` is bundled as a Cloudflare Worker (a wrangler configuration
    here or above whose `main` lies in the package), or None."""
    inside = package_dir.rstrip(os.sep) + os.sep
    for folder in folder_and_above(package_dir, _LEVELS):
        for name in _CONFIGS:
            config = _read(os.path.join(folder, name))
            main = config.get("main") if config is not None and config.get("no_bundle") is not True else None
            if isinstance(main, str) and os.path.normpath(os.path.join(folder, main)).startswith(inside):
                where = os.path.relpath(os.path.join(folder, name), package_dir).replace(os.sep, "/")
                return f"a Cloudflare Worker ({where} \"main\": wrangler bundles it with everything it imports)"
    return None


def _read(path: str) -> dict | None:
    """The configuration at `path`, or None when absent or unreadable."""
    if not os.path.isfile(path):
        return None
    if path.endswith(".toml"):
        try:
            with open(path, "rb") as fh:
                return tomllib.load(fh)
        except (OSError, ValueError):
            return None
    data, error = load_jsonc(path)
    return data if error is None and isinstance(data, dict) else None
