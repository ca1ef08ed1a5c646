"""Whether the workspace root's install is what deploys a package: the Dockerfiles that install the
root (or devDependencies too), and the pm2 ecosystem file that starts services from the checkout.
A mixin of the dependency model (DependencyModel), which supplies the workspace and shipping."""

from __future__ import annotations

import os
from functools import cached_property

from migrationlint.model.dev_installs import images_install_dev
from migrationlint.model.docker_installs import root_install_beside, service_install
from migrationlint.model.named_installs import installed_alone
from migrationlint.model.process_managers import pm2_scripts
from migrationlint.model.publish_paths import publishes_packages
from migrationlint.model.shipping import Shipping
from migrationlint.model.workspace import Manifest, Workspace


class RootDeployment:
    """Mixin: `ws` and `shipping` come from the model."""

    ws: Workspace
    shipping: Shipping

    @cached_property
    def publishes(self) -> bool:
        """Whether the repository shows any way to publish its packages (publish_paths)."""
        root = self.ws.root_manifest
        return publishes_packages(self.ws.root, [*self.ws.member_manifests, *([root] if root is not None else [])])

    def never_published(self, m: Manifest) -> bool:
        """Whether no registry install of `m` happens: it cannot be published (Manifest.unpublishable),
        or the repository shows no way to publish and `m` says nothing of a publish (`publishConfig`,
        `"private": false`)."""
        return m.unpublishable or not self.publishes and "publishConfig" not in m.data and m.data.get("private") is not False

    @cached_property
    def images_install_dev(self) -> str | None:
        """The Dockerfile showing that the repository's images install devDependencies too (dev_installs)."""
        return images_install_dev(self.ws.images.dockerfiles)

    @cached_property
    def images_install_root(self) -> tuple[str | None, frozenset[str]]:
        """The Dockerfile showing that the repository's images install the workspace root, whose
        dependencies every package of an image then finds, and the packages an image installs alone
        by name, which that install does not serve (docker_installs.root_install_beside)."""
        return root_install_beside(self.ws.root, self.ws.member_dirs, self.ws.images)

    @cached_property
    def checkout_started(self) -> tuple[str, ...]:
        """The scripts a pm2 ecosystem file at the workspace root starts from the checkout, where
        Node finds the root's dependencies walking up, when no Dockerfile installs a package alone:
        the deployment is the root install, as in an image that installs it."""
        scripts = pm2_scripts(self.ws.root)  # first: most repositories have none, and the Dockerfiles are read then
        if not scripts or service_install(self.ws.root, self.ws.member_dirs, self.ws.images):
            return ()
        return scripts

    def root_deployed(self, m: Manifest) -> bool:
        """Whether a deployment runs `m` in the workspace root's install: an image that installs the
        root (not `m` alone by name), or a root pm2 ecosystem file that starts, from the checkout, `m`
        or a package that depends on it (the library a started server loads runs in that install too)."""
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
