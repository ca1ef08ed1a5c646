"""A script file whose own usage line says how a developer runs it.

Operator commands kept beside a service (`bin/create_user.ts`, `reporting/cli.ts`) often open with
`Usage: npm run exec ./bin/create_user.ts -- --email=a`, where `exec` is a package script that is
a runner and nothing else (`"exec": "ts-node --files"`). Nothing of the service imports them and
no script names them: they run by hand, from a checkout's full install, never from what the
service's production install holds.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.workspace import Manifest

_HEADER_BYTES = 2048
# `npm run exec ./bin/x.ts`, `yarn exec bin/x.ts`, `pnpm run exec -- ./bin/x.ts`
_USAGE = re.compile(r"\b(?:npm run|yarn|pnpm(?: run)?|bun run)\s+([\w:.-]+)\s+(?:--\s+)?(\.{0,2}/?[\w./-]+\.[cm]?[jt]sx?)\b")
# a script that is a runner alone, handed the file when it is called
_RUNNER_ALONE = re.compile(r"^\s*(?:npx\s+)?(?:ts-node(?:-dev)?|tsx|node|babel-node|esno|vite-node)(?:\s+-[-\w=]+)*\s*$")


def run_by_hand(path: str, manifest: Manifest) -> str | None:
    """Why the file is a command its opening comment says a runner script of its package runs by
    hand (`Usage: npm run exec ./bin/create_user.ts`, `"exec": "ts-node --files"`), or None."""
    scripts = manifest.data.get("scripts") if not manifest.error else None
    runners = {n: c.strip() for n, c in scripts.items() if isinstance(c, str) and _RUNNER_ALONE.match(c)} \
        if isinstance(scripts, dict) else {}
    if not runners:
        return None  # most packages: no file is read
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            header = fh.read(_HEADER_BYTES)
    except OSError:
        return None
    for name, named in _USAGE.findall(header):
        if name in runners and os.path.normpath(os.path.join(manifest.dir, named)) == path:
            return f"a command run by hand, as its usage line says (`{name}` script: {runners[name]})"
    return None
