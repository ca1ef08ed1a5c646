"""Libraries that ship inside the bundles of the packages that use them: a mixin of Shipping.

A private library (never published), or one whose entry is TypeScript source (no install could
load it), is installed by nobody on its own: it reaches production only inside its users. When
every workspace package that declares it is bundled, or, when no manifest declares it, every
package whose shipping files import it (through tsconfig `paths` or a relative path) is, the
library ends up inside those bundles, and its devDependencies with it. A library that no manifest
declares decides nothing for the libraries it depends on: it deploys nothing of its own.
"""

from __future__ import annotations

from migrationlint.model.bundling import Bundle, bundle_of
from migrationlint.model.entry_points import entry_is_source
from migrationlint.model.package_consumers import outside_importers
from migrationlint.model.workspace import Manifest
from migrationlint.model.wrapped_builds import workspace_tool_bundle


_BY_DEPENDENTS = "a private library"  # how both reasons below begin: the bundles are its users'


class BundledLibraries:
    """Mixin of Shipping: `_bundled_by_dependents`, asked by `bundled` for a private or source-only library."""

    _bundling: set[str]  # Shipping's: the packages whose `bundled` answer is being computed

    def _package_bundle(self, manifest: Manifest) -> Bundle | None:
        """The bundle the package's own build makes, or one a workspace tool wraps, or, for a private
        or source-only library, its dependents' bundles (computed once, by Shipping.bundled)."""
        if manifest.error:
            return None
        found = bundle_of(manifest)
        found = found if found is not None else workspace_tool_bundle(manifest, self.ws)
        if found is None and manifest.name and (manifest.unpublishable or entry_is_source(manifest)):
            why = self._bundled_by_dependents(manifest)
            found = Bundle(why) if why is not None else None
        return found

    def _bundled_by_dependents(self, manifest: Manifest) -> str | None:
        dependents = self._declaring_dependents(manifest)
        if not dependents and self._undeclared_library(manifest):
            return self._bundled_by_importers(manifest)
        if not dependents or len(self.entries_of_kind(manifest, "app")) > 0:
            return None
        # a library no manifest declares deploys nothing of its own (its importers' DEP001), and a package
        # that starts nothing and lists it only in devDependencies without bundling it (a test harness)
        # never installs it for production: the others decide (a bundled app, or a service, still does)
        # a dependent whose own answer waits on this one (two source-only libraries declaring each other)
        # decides nothing either: the others, which the cycle's code reaches production through, do
        deciding = [m for m in dependents if m.path not in self._bundling and not self._undeclared_library(m)
                    and not self._deploys_nothing(m)
                    and (m.declared(manifest.name) != "devDependencies" or self.bundled(m) or self.is_service(m))]
        if deciding and all(self.bundled(m) for m in deciding):
            names = ", ".join(sorted(m.name or self.project.rel(m.dir) for m in dependents)[:3])
            return f"{_BY_DEPENDENTS} used only by bundled packages ({names})"
        return None

    def inside_dependents_bundles(self, manifest: Manifest) -> bool:
        """Whether the package is bundled only as part of its users' bundles, not by a build of its own:
        a file of it that none of them reaches (one only its tests import) is in no bundle."""
        reason = self.bundled(manifest)
        return reason is not None and reason.startswith(_BY_DEPENDENTS)

    def _deploys_nothing(self, m: Manifest) -> bool:
        """A private dependent with no entry point that starts nothing and bundles nothing (a folder
        of scripts a developer runs with tsx): no production install of it exists, so it decides
        nothing about where its libraries' code ships."""
        return m.unpublishable and not self.entries(m) and not self.is_service(m) and self.bundled(m) is None

    def _bundled_by_importers(self, manifest: Manifest) -> str | None:
        """For a library no manifest declares: bundled when the packages whose files import it (by
        tsconfig `paths` or a relative path, package_consumers.py) are all bundled and tests are not
        all there is: each compiles it into its own bundle."""
        owners: dict[str, Manifest] = {}
        for importer in outside_importers(self.project, manifest, self._resolver()):
            owner = self.ws.manifest_for(importer)
            if owner is None or owner.error:
                return None
            if self.verdict(importer, owner).ships:
                owners[owner.path] = owner
        if not owners or not all(self.bundled(m) for m in owners.values()):
            return None
        names = ", ".join(sorted(m.name or self.project.rel(m.dir) for m in owners.values())[:3])
        return f"{_BY_DEPENDENTS} compiled into the bundles of the packages that import it ({names})"

    def _declaring_dependents(self, manifest: Manifest) -> list[Manifest]:
        return [m for m in self.dependents(manifest)
                if any(manifest.name in m.section(s) for s in ("dependencies", "devDependencies"))]

    def _undeclared_library(self, manifest: Manifest) -> bool:
        """A private or source-only library (an entry to import, no build of its own that bundles an
        app, nothing it starts) that no workspace manifest declares: no install holds it but as part
        of something else."""
        return bool(manifest.name) and (manifest.unpublishable or entry_is_source(manifest)) \
            and any(manifest.data.get(k) for k in ("main", "module", "exports")) and bundle_of(manifest) is None \
            and not self.entries_of_kind(manifest, "app") and not self._declaring_dependents(manifest)
