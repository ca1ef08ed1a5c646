"""Packages an image installs globally for the files it copies in.

A migrations image may copy a config file of the repository (`COPY docker/scripts /app/docker/scripts`)
and give it the CLI it is written for with a global install (`RUN npm install -g prisma@7.3.0`, with
`NODE_PATH` pointing at the global folder): the file runs there, and only there, with that copy.
No manifest of the repository installs into that image, so declaring the package changes nothing
where the file runs.
"""

from __future__ import annotations

import os
import re
import shlex
from functools import lru_cache

from migrationlint.model.docker_installs import logical_lines
from migrationlint.model.image_files import Images
from migrationlint.model.script_commands import installed_packages

_INSTRUCTION = re.compile(r"^\s*(RUN|COPY|ADD)\s+(.*)$", re.IGNORECASE | re.DOTALL)
_MAX_BYTES = 256 * 1024


def installed_globally_for(images: Images, root: str, path: str, package: str) -> str | None:
    """The Dockerfile that copies the file at `path` into its image, installs `package` there
    globally and sets `NODE_PATH` (without which Node never looks in the global folder), or None.
    A COPY's sources are read from the repository's root and from the Dockerfile's folder (the
    usual build contexts)."""
    for dockerfile in images.dockerfiles:
        copied, installed = _read(dockerfile)
        if package in installed and any(_holds(base, source, path) for source in copied
                                        for base in (root, os.path.dirname(dockerfile))):
            return dockerfile
    return None


def _holds(base: str, source: str, path: str) -> bool:
    target = os.path.normpath(os.path.join(base, source))
    return path == target or path.startswith(target.rstrip(os.sep) + os.sep)


def _read(dockerfile: str) -> tuple[list[str], set[str]]:
    """The sources its COPY and ADD lines take from the build context, and the packages its RUN
    lines install globally (`npm install -g`, `npm i --global`, `pnpm add -g`, `yarn global add`);
    nothing for an image that sets no `NODE_PATH`. Read once per content (asked for every
    undeclared import), by the file's stamp."""
    try:
        st = os.stat(dockerfile)
    except OSError:
        return [], set()
    return _parsed(dockerfile, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _parsed(dockerfile: str, mtime_ns: int, size: int) -> tuple[list[str], set[str]]:
    try:
        with open(dockerfile, encoding="utf-8", errors="replace") as fh:
            lines = logical_lines(fh.read(_MAX_BYTES))
    except OSError:
        return [], set()
    copied: list[str] = []
    installed: set[str] = set()
    if not any(re.match(r"\s*ENV\s+NODE_PATH\b", line, re.IGNORECASE) for line in lines):
        return [], set()
    for line in lines:
        m = _INSTRUCTION.match(line)
        if m is None:
            continue
        op, rest = m.group(1).upper(), m.group(2)
        if op in ("COPY", "ADD") and "--from=" not in rest:
            copied += _words(rest)[:-1]
        elif op == "RUN":
            for command in re.split(r"&&|\|\||;", rest):
                found = installed_packages(_words(command, flags=True))
                installed.update(found[0] if found is not None and found[1] else ())
    return copied, installed


def _words(text: str, flags: bool = False) -> list[str]:
    """The words of an instruction, its `--` options left out unless `flags` (a RUN's command)."""
    try:
        return [w for w in shlex.split(text) if flags or not w.startswith("--")]
    except ValueError:
        return []
