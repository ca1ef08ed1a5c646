"""What a package's Dockerfiles run: the commands of their CMD and ENTRYPOINT lines.

A service whose only start is its image's command has its entry point there. The image may be
described by `Dockerfile` or a variant (`Dockerfile.prod`, `prod.Dockerfile`: image_files); its
command may name the program by an absolute path in the image (`node /home/app/packages/backend/
dist/index.js` after `WORKDIR /home/app`, the image built from the repository root). Such a path
is rewritten relative to the package folder, as the path of a file of the checkout, so that the
build's outDir/rootDir mapping finds its source. Only the files are read; nothing is built.
"""

from __future__ import annotations

import json
import os
import re
import shlex

from migrationlint.model.image_files import is_dockerfile

_DOCKER_LINE = re.compile(r"^\s*(?:CMD|ENTRYPOINT)\s+(.*)$", re.IGNORECASE | re.MULTILINE)
_DEV_WORDS = frozenset({"dev", "develop", "development", "test", "tests", "e2e", "local", "ci", "debug"})
_ABSOLUTE = re.compile(r"(?<![^\s=])/[^\s'\";&|]+")  # an absolute path standing as a word (or after `=`)
_WORKDIR = re.compile(r"^\s*WORKDIR\s+(\S+)\s*$", re.IGNORECASE | re.MULTILINE)


def dockerfile_names(directory: str) -> list[str]:
    """The Dockerfiles of the folder, `Dockerfile` first, then the variants by name; not one named
    for development (`Dockerfile.dev`, `test.Dockerfile`): such an image runs the dev tools."""
    try:
        names = [n for n in os.listdir(directory) if is_dockerfile(n)
                 and not _DEV_WORDS.intersection(re.split(r"[._-]", n.lower()))]
    except OSError:
        return []
    return sorted(names, key=lambda n: (n != "Dockerfile", n))


def docker_commands(directory: str) -> list[tuple[str, str]]:
    """(the Dockerfile's name, one command it runs in shell form) for each CMD or ENTRYPOINT line of
    the folder's Dockerfiles, absolute paths under the image's WORKDIR made relative to the folder."""
    found = []
    for name in dockerfile_names(directory):
        try:
            with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError:
            continue
        for m in _DOCKER_LINE.finditer(text):
            body, workdir = m.group(1).strip(), _workdir_before(text, m.start())
            if not body.startswith("["):  # shell form: a shell command line, its paths rewritten in place
                found.append((name, _ABSOLUTE.sub(lambda p, at=workdir: _in_package(p.group(0), at, directory), body)))
                continue
            try:
                words = json.loads(body)  # exec form: `["node", "dist/main.js"]`
            except ValueError:
                continue
            if isinstance(words, list):
                found.append((name, " ".join(shlex.quote(_in_package(str(w), workdir, directory)) for w in words)))
    return found


def _workdir_before(text: str, at: int) -> str | None:
    """The image's working folder where the command stands: the last absolute WORKDIR above it."""
    dirs = [m.group(1).rstrip("/") for m in _WORKDIR.finditer(text, 0, at) if m.group(1).startswith("/")]
    return dirs[-1] if dirs else None


def _in_package(word: str, workdir: str | None, directory: str) -> str:
    """`word` relative to the package folder when it is an absolute path under the WORKDIR: the rest
    names a path from the build context, the package folder itself or the repository root holding
    it (`packages/backend/dist/index.js` from `packages/backend`)."""
    if not workdir or not word.startswith(workdir + "/"):
        return word
    rest = word[len(workdir) + 1:]
    parts = directory.replace(os.sep, "/").rstrip("/").split("/")
    for i in range(1, len(parts)):  # the longest tail of the package folder the path starts with
        tail = "/".join(parts[i:]) + "/"
        if rest.startswith(tail):
            return rest[len(tail):]
    return rest
