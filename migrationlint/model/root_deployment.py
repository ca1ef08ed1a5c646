"""Whether the workspace root's install is what deploys a package, and whether any registry install
of it happens: the Dockerfiles that install the root (or devDependencies too), the pm2 ecosystem file
or a platform's root `start` script that starts services from the checkout, and the repository's
ways to publish (publish_paths). A mixin of the dependency model (DependencyModel), which supplies
the workspace and shipping."""

from __future__ import annotations

import os
import re
from functools import cached_property

from migrationlint.model.dev_installs import images_install_dev
from migrationlint.model.docker_installs import root_install_beside, service_install
from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.named_installs import installed_alone
from migrationlint.model.process_managers import pm2_scripts
from migrationlint.model.publish_paths import never_published
from migrationlint.model.shipping import Shipping
from migrationlint.model.workspace import Manifest, Workspace


# what says a platform installs the repository at its root and runs its `start` script there (Heroku's
# `heroku-postbuild`, a Procfile, app.json; Render's and Railway's files)
_PLATFORM_FILES = ("Procfile", "app.json", "render.yaml", "railway.json", "railway.toml")
_CD_THEN = re.compile(r"(?:^|&&|;)\s*cd\s+([\w./-]+)\s*&&")


def platform_started(root_dir: str, root: Manifest | None) -> tuple[str, ...]:
    """The folders (with a trailing separator) the root's `start` script starts from the checkout
    (`"start": "cd packages/api && yarn start:prod"`), where a deployment platform installs the
    repository at its root and runs that script (a `heroku-postbuild` script, a Procfile...)."""
    scripts = root.data.get("scripts") if root is not None else None
    if not isinstance(scripts, dict) or not ("heroku-postbuild" in scripts or any(
            os.path.isfile(os.path.join(root_dir, n)) for n in _PLATFORM_FILES)):
        return ()
    command = scripts.get("start")
    folders = _CD_THEN.findall(command) if isinstance(command, str) else []
    return tuple(os.path.join(os.path.normpath(os.path.join(root_dir, f)), "") for f in folders)


class RootDeployment:
    """Mixin: `ws` and `shipping` come from the model."""

    ws: Workspace
    shipping: Shipping

    @property
    def publishes(self) -> bool:
        """Whether the repository shows any way to publish its packages (publish_paths, read once per
        run by the shipping model)."""
        return self.shipping.publishes

    def never_published(self, m: Manifest) -> bool:
        """publish_paths.never_published, in this repository."""
        return never_published(m, self.publishes)

    @cached_property
    def images_install_dev(self) -> str | None:
        """The Dockerfile showing that the workspace's images install devDependencies too (dev_installs);
        the image of a project apart (a folder with a lockfile of its own, below the root), which
        holds none of the workspace's packages, decides nothing."""
        return images_install_dev([d for d in self.ws.images.dockerfiles if not self._project_apart(d)])

    def _project_apart(self, dockerfile: str) -> bool:
        """Whether the Dockerfile lies in a project installed apart from the workspace: a folder below
        the root, up to the Dockerfile's, holding a package.json and a lockfile of its own, that is no
        member of the workspace."""
        root = self.ws.root.rstrip(os.sep)
        folder = os.path.dirname(dockerfile)
        while folder.startswith(root + os.sep):
            if folder not in self.ws.member_dirs and os.path.isfile(os.path.join(folder, "package.json")) \
                    and any(os.path.isfile(os.path.join(folder, n)) for n in LOCKFILE_NAMES):
                return True
            folder = os.path.dirname(folder)
        return False

    @cached_property
    def images_install_root(self) -> tuple[str | None, frozenset[str]]:
        """The Dockerfile showing that the repository's images install the workspace root, whose
        dependencies every package of an image then finds, and the packages an image installs alone
        by name, which that install does not serve (docker_installs.root_install_beside)."""
        return root_install_beside(self.ws.root, self.ws.member_dirs, self.ws.images)

    @cached_property
    def checkout_started(self) -> tuple[str, ...]:
        """The scripts a pm2 ecosystem file at the workspace root starts from the checkout, and the
        folders a platform's root start script starts (platform_started), where Node finds the
        root's dependencies walking up, when no Dockerfile installs a package alone: the deployment
        is the root install, as in an image that installs it."""
        scripts = pm2_scripts(self.ws.root) + platform_started(self.ws.root, self.ws.root_manifest)
        if not scripts or service_install(self.ws.root, self.ws.member_dirs, self.ws.images):  # Dockerfiles read last
            return ()
        return scripts

    def root_deployed(self, m: Manifest) -> bool:
        """Whether a deployment runs `m` in the workspace root's install: an image that installs the
        root (not `m` alone by name), or a root pm2 ecosystem file or platform start script that
        starts, from the checkout, `m` or a package that depends on it (the library a started server
        loads runs in that install too)."""
        witness, alone = self.images_install_root
        if witness is not None and not (alone and installed_alone(m, self.ws.root, alone, self.shipping.dependents)):
            return True
        started = self.checkout_started
        return bool(started) and any(s.startswith(p.dir + os.sep) for p in self._with_dependents(m) for s in started)

    def _with_dependents(self, m: Manifest) -> list[Manifest]:
        """`m` and every workspace package that depends on it, directly or through others."""
        found, todo = {m.path: m}, [m]
        while todo:
            for d in self.shipping.dependents(todo.pop()):
                if d.path not in found:
                    found[d.path] = d
                    todo.append(d)
        return list(found.values())
