"""An app a bundler builds from a folder of a package, which only the package's development scripts
serve or build: `"dev": "react-router dev --config preview/vite.config.ts"` in an email library, whose
`preview/` folder is a site to look at its templates while they are written.

The package's entry points never reach that folder, so its files would count as shipping by
presumption; but what loads them is the bundler's dev server or a preview build, run from the
checkout with the whole install. Not when a start script names the folder, the package's `main`,
`exports`, `bin` or `files` name it, or a Dockerfile of the package does: that app is deployed.
"""

from __future__ import annotations

import os
from functools import lru_cache

from migrationlint.model.entry_points import START_SCRIPTS
from migrationlint.model.script_commands import shell_commands
from migrationlint.model.workspace import Manifest

# command lines that build or serve an app from the vite configuration `--config` names
_VITE_COMMANDS = frozenset({"vite", "react-router", "remix"})
_CONFIG_FLAGS = ("--config", "-c")
_PUBLISHING_FIELDS = ("main", "module", "exports", "bin", "files")


def nested_app_input(path: str, manifest: Manifest) -> str | None:
    """Why the file at `path` is an input of an app in a folder of its package that only development
    scripts serve or build, or None."""
    scripts = manifest.data.get("scripts")
    if not isinstance(scripts, dict):
        return None
    listed = tuple(sorted((k, v) for k, v in scripts.items() if isinstance(v, str)))
    apps = [a for a in _nested_apps(manifest.dir, listed) if path.startswith(os.path.join(manifest.dir, a[0]) + os.sep)]
    deployed = _named_elsewhere(manifest) if apps else ""  # read only for a file inside such a folder
    for folder, script, config in apps:
        if folder not in deployed:
            return (f'an input of the app in {folder}/, which the "{script}" script serves or builds with its bundler '
                    f"({config}) and the package neither starts nor publishes: development tooling, bundled from the "
                    "checkout")
    return None


def _named_elsewhere(manifest: Manifest) -> str:
    """The text of what may deploy a folder of the package: its start scripts, publishing fields and
    Dockerfile (a folder named there is deployed)."""
    data = manifest.data
    scripts = data.get("scripts") if isinstance(data.get("scripts"), dict) else {}
    parts = [str(scripts.get(s, "")) for s in START_SCRIPTS] + [str(data.get(f, "")) for f in _PUBLISHING_FIELDS]
    try:
        with open(os.path.join(manifest.dir, "Dockerfile"), encoding="utf-8", errors="replace") as fh:
            parts.append(fh.read(64 * 1024))
    except OSError:
        pass
    return "\n".join(parts)


@lru_cache(maxsize=256)
def _nested_apps(directory: str, scripts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """(folder, script, config) of each app in a folder of the package that a script other than the
    start scripts builds or serves through `--config <folder>/vite.config.*` (read once per package:
    every file no entry reaches asks)."""
    found = []
    for name, command in scripts:
        if name in START_SCRIPTS:
            continue
        for words in shell_commands(command):
            config = _vite_config(words)
            folder = os.path.dirname(os.path.normpath(config)).replace(os.sep, "/") if config else ""
            if folder and not folder.startswith("..") and os.path.isfile(os.path.join(directory, config)):
                found.append((folder, name, config))
    return tuple(dict.fromkeys(found))


def _vite_config(words: list[str]) -> str | None:
    """The configuration file a vite-based command (`vite build`, `react-router dev`, `remix vite:dev`)
    is given with `--config`/`-c`, or None."""
    start = next((i for i, w in enumerate(words) if os.path.basename(w) in _VITE_COMMANDS), None)
    if start is None:
        return None
    for i, word in enumerate(words[start + 1:], start=start + 1):
        if word in _CONFIG_FLAGS and i + 1 < len(words):
            return words[i + 1]
        if word.startswith("--config="):
            return word.split("=", 1)[1]
    return None
