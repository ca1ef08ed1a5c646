"""Packages no production install contains, though their entries say they load: a mixin of Shipping.

A package only this repository uses (entry_points.repository_only, or one the repository shows no way
to publish: publish_paths) that starts nothing reaches production only through the installs of the
packages that use it. When every package that lists
it does so in devDependencies (a shared ESLint config, a developer CLI), or lists it only while
being such a package itself, it never ships. When no manifest lists it, the files that import it
by name through tsconfig `paths` or by a path into its folder decide (package_consumers.py): when
each of them is a test or another file that never ships, the package is test support. A private
package the workspace's build leaves out by name (build_exclusions) never ships either.
"""

from __future__ import annotations

from migrationlint.model.build_exclusions import built_by_an_image, left_out_by_build
from migrationlint.model.bundling import app_framework
from migrationlint.model.entry_points import repository_only
from migrationlint.model.html_entries import ORIGIN as HTML_ORIGIN
from migrationlint.model.next_routes import ORIGIN as ROUTE_ORIGIN
from migrationlint.model.elided_imports import LOADING_KINDS, declared_type_only
from migrationlint.model.package_consumers import outside_importers
from migrationlint.model.publish_paths import never_published, workspace_publishes
from migrationlint.model.semver_ranges import satisfies
from migrationlint.model.workspace import DEP_SECTIONS, Manifest

_PAGE_ORIGINS = (HTML_ORIGIN, ROUTE_ORIGIN)
# folders of a repository's own tooling packages (`tools/integration`, `tooling/bench-app`)
_TOOL_FOLDERS = frozenset({"tools", "tooling", "devtools", "dev-tools"})


class DevOnlyPackages:
    """Mixin of Shipping: `dependents`, `_dev_only` and `test_harness`."""

    _dependents_of: dict[str, list[Manifest]]
    _dev_only_of: dict[str, str | None]
    _harness_of: dict[str, str | None]
    _unlisted_of: dict[str, bool]
    _publishes: bool | None

    def dependents(self, manifest: Manifest) -> list[Manifest]:
        """The workspace's other manifests that list `manifest`'s package in any dependency section."""
        found = self._dependents_of.get(manifest.path)
        if found is None:
            found = self._dependents_of[manifest.path] = [
                m for m in self._resolver().packages.manifests
                if m.path != manifest.path and not m.error and any(_lists(m.section(s), manifest) for s in DEP_SECTIONS)]
        return found

    def _dev_only(self, manifest: Manifest) -> str | None:
        """Why a package only this repository uses (entry_points.repository_only) never runs in production:
        every package that uses it lists it in devDependencies only (a shared ESLint config, a dev CLI)."""
        if manifest.path not in self._dev_only_of:
            self._dev_only_of[manifest.path] = self._dev_only_reason(manifest)
        return self._dev_only_of[manifest.path]

    def _dev_only_reason(self, manifest: Manifest) -> str | None:
        """A dependent that lists the package in `dependencies` keeps it out of production only when
        it is such a package itself (an ESLint plugin a shared config depends on, which every
        package lists in devDependencies). A private package the root's build leaves out by name,
        which no image builds, is a harness its tests start, whatever its start scripts say."""
        if (harness := self._left_out(manifest)) is not None:
            return harness
        if not manifest.name or self.is_service(manifest) or not (repository_only(manifest) or self._never_published(manifest)):
            return None
        dependents = self.dependents(manifest)
        if not dependents:
            return self._unused_harness(manifest)
        self._dev_only_of[manifest.path] = None  # a dependency cycle reads "not dev-only"
        through = [m for m in dependents if any(manifest.name in m.section(s) for s in DEP_SECTIONS if s != "devDependencies")]
        if any(self._dev_only(m) is None for m in through):
            return None
        if any(self.is_service(m) and self._loaded_by_its_shipping_files(m, manifest.name) for m in dependents
               if m not in through):
            return None  # a service loads it in production, wrongly listing it in devDependencies (its DEP002)
        direct = sorted(m.name or self.project.rel(m.dir) for m in dependents if m not in through)
        via = sorted(m.name or self.project.rel(m.dir) for m in through)
        said = [f"a devDependency only ({', '.join(direct[:3])})" if direct else "",
                f"a dependency of {', '.join(via[:2])}, a devDependency only itself" if via else ""]
        return f"its package is {', or '.join(x for x in said if x)}: no production install contains it"

    def _loaded_by_its_shipping_files(self, dependent: Manifest, name: str) -> bool:
        """Whether a file the dependent's entries reach loads the package `name` by value."""
        for path in self._reached_from(dependent):
            facts = self.project.facts(path)
            if facts is not None and not facts.skipped and any(
                    (i.specifier == name or i.specifier.startswith(name + "/")) and i.kind in LOADING_KINDS
                    and not declared_type_only(i) for i in facts.imports):
                return True
        return False

    @property
    def publishes(self) -> bool:
        """Whether the repository shows any way to publish its packages (publish_paths), read once per run."""
        if self._publishes is None:
            self._publishes = workspace_publishes(self.ws)
        return self._publishes

    def _never_published(self, manifest: Manifest) -> bool:
        """Whether no registry install of the package happens though it could be published: the
        repository shows no way to publish (a test-support library with a `version` and no
        `"private"` beside deployed services of the same version)."""
        return never_published(manifest, self.publishes)

    def _unused_harness(self, manifest: Manifest) -> str | None:
        """A private package in a tools folder (`tools/integration`) that names an entry to import (`main`)
        but declares no `dependencies` and no `bin`, that nothing starts, lists or imports (`unlisted`, no
        outside importer): no install of it exists, so what it imports is a developer's, run from the
        checkout (a framework's profiling harness)."""
        if manifest.data.get("private") is not True or manifest.data.get("dependencies") or manifest.data.get("bin") \
                or not _TOOL_FOLDERS & set(self.project.rel(manifest.dir).split("/")[:-1]) \
                or not self.entries(manifest) or not self.unlisted(manifest) \
                or next(outside_importers(self.project, manifest, self._resolver()), None) is not None:
            return None
        return "its private package declares no dependencies, and no package depends on it, imports it or starts " \
               "it: a harness run from the checkout, never installed"

    def _left_out(self, manifest: Manifest) -> str | None:
        root = self.ws.root_manifest
        if manifest.data.get("private") is not True or root is None or manifest.path == root.path:
            return None
        relative_dir = self.project.rel(manifest.dir)
        left = left_out_by_build(root, manifest, relative_dir)
        if left is None or built_by_an_image(self.ws.images.dockerfiles, manifest.dir, relative_dir, manifest.name):
            return None
        return f"its private package is left out of the workspace's build ({left}) and no image builds it: " \
               "a harness its tests start, never deployed"

    def unlisted(self, manifest: Manifest) -> bool:
        """Whether the package is one only this repository uses, that starts nothing, that no manifest
        lists and that is no framework's app (a Next.js app is the product, whatever scripts import
        its files, nor is an app whose web page or routes start it): what imports it decides whether it ships (`test_harness`). Asked for every
        file an entry reaches: answered once per package."""
        found = self._unlisted_of.get(manifest.path)
        if found is None:
            found = self._unlisted_of[manifest.path] = repository_only(manifest) and bool(manifest.name) \
                and not self.is_service(manifest) and not self.dependents(manifest) and app_framework(manifest.dir) is None \
                and not any(e.origin in _PAGE_ORIGINS for e in self.entries(manifest))  # an app's page: the product
        return found

    def test_harness(self, manifest: Manifest) -> str | None:
        """Why an unlisted package is test support (files of other packages import it, and none of
        them ships: a test harness tests reach through tsconfig `paths`), or None; asked by
        Shipping.settle only, once per package."""
        if manifest.path not in self._harness_of:
            self._harness_of[manifest.path] = None  # an import cycle reads "not test support"
            self._harness_of[manifest.path] = self._only_dev_files_import(manifest)
        return self._harness_of[manifest.path]

    def _only_dev_files_import(self, manifest: Manifest) -> str | None:
        found: list[str] = []
        for importer in outside_importers(self.project, manifest, self._resolver()):
            owner = self.project.workspace.manifest_for(importer)
            verdict = self.verdict(importer, owner)
            if verdict.ships and not (verdict.unlisted and self.test_harness(owner) is not None):
                return None  # an entry of another test harness is one of its tests' files
            found.append(self.project.rel(importer))
        if not found:
            return None
        names = ", ".join(sorted(found)[:3]) + (", ..." if len(found) > 3 else "")
        return f"no package.json depends on its package, and only files that never ship import it ({names})"


def _lists(section: dict[str, str], member: Manifest) -> bool:
    """Whether a dependency section lists the workspace package `member`: its name, with a range its
    version satisfies or a local protocol. A range the member's version is outside of names the
    registry's package of that name (`"constructs": "^10.0.0"` beside a CDK app named `constructs`)."""
    spec = section.get(member.name or "")
    if spec is None:
        return False
    version = member.data.get("version")
    local = spec.startswith(("workspace:", "file:", "link:", "portal:"))
    return local or not isinstance(version, str) or satisfies(version, spec) is not False
