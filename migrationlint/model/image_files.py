"""Which files the repository's images are built from: Dockerfiles and the Compose files that
build them. Names only and where they are (docker_installs.py reads what they install); kept apart
so that the walk that finds the manifests and the run cache, which keys on these files, need no
Dockerfile reader.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

_COMPOSE_FILE = re.compile(r"^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$")


# a template engine's input (`Dockerfile.hbs` of a project generator): the generated projects'
# recipe, rendered elsewhere, never an image of this repository
_TEMPLATE_SUFFIXES = (".hbs", ".handlebars", ".ejs", ".eta", ".tpl", ".tmpl", ".template", ".j2", ".jinja",
                      ".jinja2", ".mustache", ".njk", ".liquid")


def is_dockerfile(name: str) -> bool:
    """Docker's default name (`Dockerfile`, or `dockerfile`, which `docker build` also takes) and
    the usual variants (`Dockerfile.prod`, `Dockerfile-prod`, `Dockerfile_prod`, `api.Dockerfile`:
    `docker build -f` takes any name). Not a hidden one: `.gitpod.Dockerfile`
    and the like build a development environment, not an image of the product; nor the ignore
    file beside one (`api.Dockerfile.dockerignore`), nor a template of one (`Dockerfile.hbs`)."""
    lower = name.lower()
    return not name.startswith(".") and not lower.endswith((".dockerignore",) + _TEMPLATE_SUFFIXES) and (
        lower == "dockerfile" or lower.startswith(("dockerfile.", "dockerfile-", "dockerfile_")) or lower.endswith(".dockerfile"))


def is_compose_file(name: str) -> bool:
    """`docker-compose.yml`, `compose.yaml` and their variants (`docker-compose.build.yml`)."""
    return _COMPOSE_FILE.match(name) is not None


def compose_dockerfiles(root: str, compose: list[str]) -> dict[str, bool]:
    """{Dockerfile: built with the repository root as its context} of the images these Compose
    files build from an existing file, wherever it lives (`dockerfile: .deploy/api/Dockerfile`):
    a Dockerfile so built reads its COPY sources as paths of the root. Paths holding `${...}` are
    not guessed."""
    found: dict[str, bool] = {}
    for path in compose:
        for context, dockerfile in _compose_builds(path):
            context_dir = os.path.normpath(os.path.join(os.path.dirname(path), context))
            target = os.path.normpath(os.path.join(context_dir, dockerfile))
            if os.path.isfile(target):
                found[target] = found.get(target, False) or context_dir == os.path.normpath(root)
    return found


class Images(NamedTuple):
    """The Dockerfiles the repository builds its images from."""

    dockerfiles: list[str]  # the tree's (dot folders skipped) and those a Compose file builds, sorted
    from_root: frozenset[str]  # those a Compose file builds with the repository root as the context
    compose: list[str]  # the tree's Compose files, which say so

    @property
    def folders(self) -> list[str]:
        """The folders of the files read, whose contents are inputs of a run (run_cache)."""
        return sorted({os.path.dirname(p) for p in (*self.dockerfiles, *self.compose)})


def images(root: str, tree_dockerfiles: list[str], compose: list[str]) -> Images:
    """The images' Dockerfiles: the ones in the tree's folders, and the ones its Compose files
    build, wherever they live."""
    built = compose_dockerfiles(root, compose)
    return Images(sorted({*tree_dockerfiles, *built}), frozenset(p for p, from_root in built.items() if from_root),
                  compose)


def _compose_builds(path: str) -> list[tuple[str, str]]:
    """(context, dockerfile) of every service a Compose file builds."""
    from migrationlint.model.yaml_load import load

    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            data = load(fh.read())
    except Exception:  # noqa: BLE001 - an unreadable or invalid Compose file says nothing
        return []
    services = data.get("services") if isinstance(data, dict) else None
    out = []
    for service in services.values() if isinstance(services, dict) else ():
        build = service.get("build") if isinstance(service, dict) else None
        if isinstance(build, str):
            build = {"context": build}
        if not isinstance(build, dict):
            continue
        context, dockerfile = build.get("context", "."), build.get("dockerfile", "Dockerfile")
        if isinstance(context, str) and isinstance(dockerfile, str) and "$" not in context + dockerfile:
            out.append((context, dockerfile))
    return out
