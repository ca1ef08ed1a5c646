"""Files a package nested inside another bundles across its boundary: a mixin of Shipping.

A repository of Lambda functions may keep one source pool at its root (`src/db.ts`,
`src/entities/`) and a package per function inside it (`src/fooLoop/package.json`, built with
`esbuild index.ts --bundle`), whose entry imports the pool by relative path (`../db`). The
bundler inlines those files, resolving their imports from the checkout's full install at build
time: they ship inside the function's bundle, not through a production install of the pool's
package. Without this, the pool's files that its own entries do not reach were presumed to ship
with it, and each library the pool keeps in devDependencies was reported as needed in production.
"""

from __future__ import annotations

import os

from migrationlint.model.dev_folders import dev_folder_reason
from migrationlint.model.verdicts import Verdict
from migrationlint.model.workspace import Manifest


class NestedBundles:
    """Mixin of Shipping: `bundled_from_inside`, asked by `settle` for a file presumed to ship."""

    def bundled_from_inside(self, path: str, manifest: Manifest) -> Verdict | None:
        """A dev verdict for a file of `manifest`'s package that a bundled package nested in its folder
        reaches from its entries by value imports: an input of that bundle, not of its own install. An
        example or test package's bundle (in a dev folder) ships nothing, and decides nothing here."""
        top = manifest.dir.rstrip(os.sep) + os.sep
        for folder in self.ws.manifest_dirs:
            if not folder.startswith(top) or dev_folder_reason(self.project.rel(folder).split("/")) is not None:
                continue
            inner = self.ws.manifest(os.path.join(folder, "package.json"))
            if inner.error or self.bundled(inner) is None:
                continue
            via = self._reached_across(inner).get(path)
            if via is not None:
                home = self.project.rel(inner.dir)
                return Verdict(False, f"bundled into {home}'s bundle ({self.bundled(inner)}), reached from its entry "
                                      f"{via}: the bundler inlines it with what it imports at build time",
                               bundle_input=True)
        return None

    def _reached_across(self, inner: Manifest) -> dict[str, str]:
        """{file outside `inner`'s package: the entry (relative to the repository) whose value imports
        reach it}, following relative imports out of the package as a bundler does (memoized)."""
        memo = self._across.get(inner.path)
        if memo is not None:
            return memo
        found: dict[str, str] = {}
        seen: set[str] = set()
        for entry in self.entries(inner):
            origin = self.project.rel(entry.path)
            queue = [entry.path]
            while queue:
                current = queue.pop()
                if current in seen:
                    continue
                seen.add(current)
                for target in self._local_imports(current, inner, "production", crossing=True):
                    if target not in seen:
                        queue.append(target)
                        if not self._same_package(target, inner):
                            found.setdefault(target, origin)
        self._across[inner.path] = found
        return found
