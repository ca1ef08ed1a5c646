"""Whether the repository's images install devDependencies as well: none of them leaves them out.

DEP002 speaks of "a production install" that leaves devDependencies out. Where the repository
builds images and every one of them installs with the package manager's defaults (`npm ci`, `bun
install` after `turbo prune --docker`), no such install happens there. Any sign of one in any
Dockerfile (a `--production`/`--prod`/`--omit=dev`/`--only=prod` flag, a package manager's prune, a
`pnpm deploy`, a `yarn workspaces focus --production`, or an install after `NODE_ENV=production` is
set, which npm, yarn and pnpm read as `--production` and bun ignores) keeps the answer None. Dockerfiles are read as
text, instruction by instruction, never built.
"""

from __future__ import annotations

import re

from migrationlint.model.docker_installs import installs_packages, logical_lines

# a flag or command that leaves devDependencies out (`turbo prune` only cuts the workspace down: not one)
_PRODUCTION = re.compile(r"--prod\b|--production\b|--omit[= ]dev\b|--only[= ]prod|\b(?:npm|pnpm|yarn|bun)\s+prune\b"
                         r"|\bpnpm\s+(?:-\S+\s+)*deploy\b", re.IGNORECASE)
_PRODUCTION_ENV = re.compile(r"NODE_ENV[= ]+[\"']?production", re.IGNORECASE)


def images_install_dev(dockerfiles: list[str]) -> str | None:
    """The first Dockerfile that runs a package-manager install, when one does and no Dockerfile
    runs a production-only one (a flag, a prune, a deploy, or an install after `NODE_ENV=production`
    is set, which npm, yarn and pnpm read as `--production` and bun ignores; set after every install, for the
    runtime, it changes none); None otherwise (no image, no install, or a production-only one)."""
    witness = None
    for path in dockerfiles:
        lines = _instructions(path)
        if lines is None:
            return None
        production_env = False
        for line in lines:
            installs = line[:4].upper() in ("RUN ", "RUN\t") and installs_packages(line[4:])
            reads_env = installs and not _BUN_INSTALL.search(line)  # bun ignores NODE_ENV when it installs
            if _production_only(line) or reads_env and (production_env or _PRODUCTION_ENV.search(line)):
                return None
            production_env = production_env or _PRODUCTION_ENV.search(line) is not None
            witness = witness or (path if installs else None)
    return witness


def _production_only(line: str) -> bool:
    """Whether a command of the instruction leaves devDependencies out: a prune or a deploy, or an
    install with a production flag (`npx nx build api --prod` is a build's flag: not one)."""
    if not _PRODUCTION.search(line):
        return False
    return any(_PRODUCTION.search(part) and (_PRUNE.search(part) or installs_packages(part))
               for part in re.split(r"&&|\|\||;", line[4:] if line[:4].upper() in ("RUN ", "RUN\t") else line))


_BUN_INSTALL = re.compile(r"\bbun\s+(?:install|i)\b", re.IGNORECASE)
_PRUNE = re.compile(r"\b(?:npm|pnpm|yarn|bun)\s+prune\b|\bpnpm\s+(?:-\S+\s+)*deploy\b|\bworkspaces\s+focus\b", re.IGNORECASE)


def _instructions(path: str) -> list[str] | None:
    """The Dockerfile's instructions in order, continuations joined, comments dropped; None when it
    cannot be read."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return [line.strip() for line in logical_lines(fh.read())]
    except OSError:
        return None
