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
_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh"})  # an exec form running a shell command line
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
            line = _command_line(m.group(1).strip(), _workdir_before(text, m.start()), directory)
            if line is not None:
                found.append((name, line))
    return found


def _command_line(body: str, workdir: str | None, directory: str) -> str | None:
    """The shell command line of a CMD or ENTRYPOINT: the shell form as written, the exec form's
    words quoted, or the string an exec form hands a shell (`["/bin/sh", "-c", "a && b"]`), with
    absolute paths under the WORKDIR made relative to the package folder; None when unreadable."""
    def in_place(text: str) -> str:
        return _ABSOLUTE.sub(lambda p: _in_package(p.group(0), workdir, directory), text)

    if not body.startswith("["):
        return in_place(body)
    try:
        words = json.loads(body)
    except ValueError:
        return None
    if not isinstance(words, list):
        return None
    words = [str(w) for w in words]
    if len(words) > 2 and os.path.basename(words[0]) in _SHELLS and words[1].startswith("-") and words[1].endswith("c"):
        return in_place(words[2])
    return " ".join(shlex.quote(_in_package(w, workdir, directory)) for w in words)


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
