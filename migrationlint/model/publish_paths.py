"""Whether a repository shows any way to publish its packages to a registry.

A package with a name and a `version` and no `"private": true` may be published, and an install of it
from the registry leaves out its devDependencies and its root's. That reading needs a way to publish:
a script that publishes or releases, a release tool's configuration (changesets, lerna, semantic-release,
release-it, release-please), `publishConfig`, or a CI workflow that publishes. A repository with none of
them (a turborepo's internal `@repo/*` packages, deployed only by the images that install the
workspace) publishes nothing, and its deployments decide. Read as text, once per run.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.workspace import Manifest, Workspace

WORKFLOWS = os.path.join(".github", "workflows")

# a script that publishes, or one named for a release
_PUBLISHES = re.compile(r"\bpublish\b|semantic-release|release-it|\bnx release\b|\bchangeset\b")
_RELEASE_NAME = re.compile(r"(?:^|:)(?:publish|release)(?:$|:)")
RELEASE_CONFIGS = (".changeset", "lerna.json", ".releaserc", ".releaserc.json", ".releaserc.yml", ".releaserc.yaml",
                    ".releaserc.js", "release.config.js", "release.config.cjs", "release-please-config.json",
                    ".release-it.json", ".release-it.js", ".release-it.yml")
# a workflow that publishes: a registry token, a release tool, a package manager's (or a release tool's)
# publish on one line (`npm publish`, `uses: JS-DevTools/npm-publish`), or a run step naming a publish; not a
# job or step merely named so (`publish:` pushing a container image with docker/build-push-action)
_WORKFLOW_PUBLISHES = re.compile(
    rb"NODE_AUTH_TOKEN|NPM_TOKEN|semantic-release|changesets/action"
    rb"|\b(?:npm|npx|yarn|pnpm|bun|lerna|jsr|deno|changeset|nx)\b[^\n]*\bpublish\b|^[ \t-]*run:[^\n]*\bpublish\b",
    re.MULTILINE)


def publishes_packages(root: str, manifests: list[Manifest]) -> bool:
    """Whether the repository at `root` shows a way to publish (see the module docstring)."""
    if any(os.path.exists(os.path.join(root, name)) for name in RELEASE_CONFIGS):
        return True
    for m in manifests:
        scripts = m.data.get("scripts")
        if "publishConfig" in m.data and not m.unpublishable or isinstance(scripts, dict) and any(
                isinstance(c, str) and (_PUBLISHES.search(c) or _RELEASE_NAME.search(n)) for n, c in scripts.items()):
            return True
    return _workflows_publish(os.path.join(root, WORKFLOWS))


def workspace_publishes(ws: Workspace) -> bool:
    """publishes_packages over the workspace's root and member manifests."""
    root = ws.root_manifest
    return publishes_packages(ws.root, [*ws.member_manifests, *([root] if root is not None else [])])


def never_published(m: Manifest, publishes: bool) -> bool:
    """Whether no registry install of `m` happens: it cannot be published (Manifest.unpublishable), or
    the repository shows no way to publish (`publishes` false) and `m` says nothing of a publish
    (`publishConfig`, `"private": false`)."""
    return m.unpublishable or not publishes and "publishConfig" not in m.data and m.data.get("private") is not False


def _workflows_publish(folder: str) -> bool:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return False
    for name in names:
        if not name.endswith((".yml", ".yaml")):
            continue
        try:
            with open(os.path.join(folder, name), "rb") as fh:
                if _WORKFLOW_PUBLISHES.search(fh.read(256 * 1024)):
                    return True
        except OSError:
            continue
    return False
