"""Which presumed-shipping files are test support after all: what only tests reach.

A file no entry point reaches ships by presumption (shipping.py, step 5). In a service (a private
package with an entry point, which nothing installs or deep-imports as a dependency), a published
package whose `exports` allows no deep import, or a package only its own scripts run, a file that tests and test support reach by imports,
and nothing that ships reaches, is test support itself: a test data builder kept beside the code,
factories importing one another. Asked only where the
answer changes a finding (the package's reverse imports are computed on its first question).
"""

from __future__ import annotations

import os
import re
from collections import deque
from migrationlint.model.dev_files import is_tool_config, tool_inputs
from migrationlint.model.entry_points import entry_is_source, exports_encapsulate, names_nothing_loadable
from migrationlint.model.js_configs import is_js_config_name
from migrationlint.model.html_entries import ORIGIN as HTML_ORIGIN, uses_component_files
from migrationlint.model.next_routes import ORIGIN as ROUTE_ORIGIN
from migrationlint.model.package_consumers import loads_its_code, outside_importers, outside_imports
from migrationlint.model.package_roles import started_application, starts_its_main
from migrationlint.model.verdicts import Verdict
from migrationlint.model.workspace import Manifest


class TestSupport:
    """Mixin of Shipping: `only_tests_import`, over the package's reverse imports."""

    _support: dict[str, dict[str, list[str]]]
    _config_code: dict[str, frozenset[str]]
    _reverse: dict[tuple[str, str], dict[str, list[str]]]

    def only_types_import(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship" verdict for a presumed-shipping file that files of its package import,
        every one of them only for types (`import type { Sentry } from './sentry'`, `export type *`):
        the compiler erases those imports, so nothing loads the file, in a package nothing loads but
        through its entries (as for `only_tests_import`). None otherwise."""
        if not self._loads_only_entries(manifest) or path in self._importers(manifest):
            return None
        typed = self._reverse_imports(manifest, "compiled").get(path)
        if not typed:
            return None
        names = ", ".join(sorted(self.project.rel(p) for p in typed)[:3]) + (", ..." if len(typed) > 3 else "")
        return Verdict(False, f"no entry point reaches it, and the files that import it use it only for types or not at all ({names}): "
                              "the compiler erases those imports, so nothing loads it")

    def _loads_only_entries(self, manifest: Manifest) -> bool:
        """Whether nothing loads the package's files but through its entries: a service, a private app
        its web page or routes start (its bundler builds from there), a published package whose
        `exports` allows no deep import, a package outside any workspace whose entries are source, a
        private package nothing lists or imports (with entries, or with none and no bundle: an
        integration-test package whose servers only its tests start), or a package only its own scripts run."""
        started = started_application(manifest) or starts_its_main(manifest)
        service = (manifest.unpublishable or started and manifest.data.get("private") is not False) \
            and self.is_service(manifest)  # `"private": false` says it is published: what installs it may deep-import it
        paged = manifest.unpublishable and any(e.origin in (HTML_ORIGIN, ROUTE_ORIGIN) for e in self.entries(manifest)) \
            and not uses_component_files(manifest)  # a `.vue` file may import what no TypeScript file does
        # a package outside any workspace whose entries are TypeScript source: no install can load it (Node
        # loads no `.ts` from node_modules), so nothing else ever imports its files (an app run by tsx)
        member = self.project.workspace.member(manifest.name or "")
        alone = entry_is_source(manifest) and (member is None or member.path != manifest.path)
        return self._loaded_only_by_its_scripts(manifest) or paged or (
            service or alone or exports_encapsulate(manifest) or self._nobody_takes(manifest) if self.entries(manifest)
            else self.bundled(manifest) is None and self._nobody_takes(manifest))  # else its own tests and scripts alone

    def _nobody_takes(self, manifest: Manifest) -> bool:
        """A private package that no manifest lists and whose folder no other package's file imports
        (a server whose `start` is a watch command, `tsc-watch --onSuccess 'node ./dist/index.js'`):
        no registry and no neighbour loads its files, so only its entries do (not with `.vue` or
        other component files, whose imports are not read)."""
        return manifest.unpublishable and not self.dependents(manifest) and not uses_component_files(manifest) \
            and next(outside_importers(self.project, manifest, self._resolver()), None) is None

    def only_tests_import(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship" verdict for a presumed-shipping file that only tests and test support
        import (a test data builder kept beside the code), in a package nothing loads but through
        its entries: a service (a private package with an entry point, or one whose start script is
        all it offers or runs its `main`, which nothing installs or deep-imports as a dependency), or a published package whose `exports` lets no consumer load
        any other file. None otherwise. The package's reverse imports are computed on its first
        question. In any package, also a file named for the tests it serves (`test-message-service.ts`,
        `fakeClock.ts`): a deep import of it by a consumer is no use it was written for."""
        if not self._loads_only_entries(manifest) and not _NAMED_FOR_TESTS.match(os.path.basename(path)) \
                and not self._configs_only_import(path, manifest) and not self._loaders_known(manifest):
            return None
        direct = self._test_support(manifest).get(path)
        if direct is None:
            return None
        names = ", ".join(sorted(self.project.rel(p) for p in direct)[:3]) + (", ..." if len(direct) > 3 else "")
        if path in self._development_importers(manifest):
            return Verdict(False, f"no entry point reaches it, and only tests, test support or code that runs outside "
                                  f"production (a NODE_ENV branch) import it ({names})")
        return Verdict(False, f"no entry point reaches it, and only tests, test support or developer tools import it ({names})")

    def _configs_only_import(self, path: str, manifest: Manifest) -> bool:
        """Whether every chain of importers of the file starts at one of the package's tool configs
        (a vite plugin under `src/` that `vite.config.ts` alone imports; Hardhat tasks that
        `hardhat.config.ts` loads through a `tasks/index.ts` barrel): code of its build, in any
        package, as a test double is."""
        found = self._config_code.get(manifest.path)
        if found is None:
            found = self._config_code[manifest.path] = _config_code(self._live_importers(manifest), manifest.dir)
        return path in found

    def _loaded_only_by_its_scripts(self, manifest: Manifest) -> bool:
        """A package that names nothing to load (no `main`, `module`, `exports`, `bin`, `browser`, or
        only a `main` naming a file that is not there: entry_points.names_nothing_loadable),
        starts no service, whose scripts run its files from source and of which other packages
        take no code (none lists it, or their files import only its data files: a package of
        contracts whose ABIs services read): only its scripts run its files (a code generator a
        `tsx src/generator.ts` script runs), so what only they and tests import is theirs."""
        return names_nothing_loadable(manifest) and not self.entries(manifest) \
            and not self.is_service(manifest) and bool(tool_inputs(manifest.data, manifest.dir)) \
            and not (self.dependents(manifest) and loads_its_code(self.project, manifest, self._resolver()))

    def _test_support(self, manifest: Manifest) -> dict[str, list[str]]:
        """{file: its importers} of the package's presumed-shipping files that tests and test
        support reach by imports and nothing that ships does: factories importing each other (an
        import cycle) are test support together when only specs reach them. What ships: files with a
        real reason, and presumed files that no test reaches (nothing imports them, or only one
        another). Computed once per package."""
        found = self._support.get(manifest.path)
        if found is None:
            importers = self._live_importers(manifest)
            imports: dict[str, list[str]] = {}
            for target, by in importers.items():
                for source in by:
                    imports.setdefault(source, []).append(target)
            others = self._outside_edges(manifest) or {}  # files of other packages importing this one's
            imports.update(others)
            development = self._development_importers(manifest)  # NODE_ENV branches: outside production
            reached = {t for targets in others.values() for t in targets}
            presumed = {p for p in (*importers, *development, *reached) if self.verdict(p, manifest).presumed}
            owner, tests = self.project.workspace.manifest_for, self.project.is_test_file  # another package's: its tests only
            dev = [q for q in imports if not self.verdict(q, owner(q) if q in others else manifest).ships
                   and (q not in others or tests(q))]
            outside = {p for p in development if p in presumed}
            from_tests = _reached(dev, imports, presumed) | outside | _reached(list(outside), imports, presumed)
            ships = [q for q in imports if q not in from_tests and q not in dev]
            support = from_tests - _reached(ships, imports, presumed)
            by = {t: [q for q in others if t in others[q]] for t in reached}
            found = self._support[manifest.path] = {p: importers.get(p, []) + development.get(p, []) + by.get(p, [])
                                                    for p in support}
        return found

    def _loaders_known(self, manifest: Manifest) -> bool:
        """Whether all that loads the package's files is known: its entries (some are), its scripts
        and the files of other packages that import it (`_outside_edges`)."""
        return bool(self.entries(manifest)) and self._outside_edges(manifest) is not None

    def _outside_edges(self, manifest: Manifest) -> dict[str, list[str]] | None:
        """{file of another package: the files of this one it imports}, for a private package (no
        registry takes it, so those files are all that loads it but its entries and scripts), None
        when that is not known: a published package, `.vue` or other component files in it or in a
        package that lists it (their imports are not read), a file that cannot be read, or a file that
        ships importing the package where no source file of it is found (a built file). Once per package."""
        key = (manifest.path, "outside")
        if key not in self._reverse:
            components = any(uses_component_files(m) for m in (manifest, *self.dependents(manifest)))
            found = outside_imports(self.project, manifest, self._resolver()) \
                if manifest.unpublishable and not components else None
            owner = self.project.workspace.manifest_for
            if found is not None and any("" in targets and self.verdict(q, owner(q)).ships for q, targets in found.items()):
                found = None
            self._reverse[key] = {q: [t for t in targets if t] for q, targets in found.items()} if found is not None \
                else {"": []}  # unknown
        found = self._reverse[key]
        return None if "" in found else found

    def _live_importers(self, manifest: Manifest) -> dict[str, list[str]]:
        """`_importers`, less the orphan barrels: a file of re-exports alone (`export { a } from './a'`)
        that no file imports and no entry reaches loads nothing when nothing loads it, so the files
        it re-exports take their status from their other importers (Hardhat tasks behind an unused
        `contract-setup/index.ts` are still the config's). Once per package."""
        key = (manifest.path, "live")
        if key not in self._reverse:
            importers = self._importers(manifest)
            barrels = {s for by in importers.values() for s in by if not importers.get(s) and self._orphan_barrel(s, manifest)}
            self._reverse[key] = {t: [s for s in by if s not in barrels] for t, by in importers.items()}
        return self._reverse[key]

    def _orphan_barrel(self, path: str, manifest: Manifest) -> bool:
        """Whether the file holds re-exports alone, no entry reaches it and no other package imports it."""
        facts = self.project.facts(path)
        return facts is not None and not facts.skipped and bool(facts.imports) \
            and all(i.kind in ("export-from", "export-star") for i in facts.imports) \
            and all(e.kind == "reexport" for e in facts.exports) and self.verdict(path, manifest).presumed \
            and not any(path in targets for targets in (self._outside_edges(manifest) or {}).values())

    def _development_importers(self, manifest: Manifest) -> dict[str, list[str]]:
        """{file: the files that import it in a branch taken only outside production}, once per package."""
        return self._reverse_imports(manifest, "development")

    def _importers(self, manifest: Manifest) -> dict[str, list[str]]:
        """{file: the files of the package that import it by value}, computed once per package."""
        return self._reverse_imports(manifest, "production")

    def _reverse_imports(self, manifest: Manifest, which: str) -> dict[str, list[str]]:
        """{file: the files of the package that import it}, by the imports `which` names (Shipping._local_imports);
        the JavaScript tool configs at its top count as files of it."""
        found = self._reverse.get((manifest.path, which))
        if found is None:
            found = self._reverse[(manifest.path, which)] = {}
            for source in [*self.project.package_sources(manifest.dir), *js_tool_configs(manifest.dir)]:
                for target in self._local_imports(source, manifest, which):
                    found.setdefault(target, []).append(source)
        return found


# a test double or helper by its name's first word: `test-message-service.ts`, `mock_server.ts`, `fakeClock.ts`
_NAMED_FOR_TESTS = re.compile(r"^(?:test|tests|mock|mocks|fake|fakes|stub|stubs)(?:[-_.]|[A-Z])")


def js_tool_configs(package_dir: str) -> list[str]:
    """The JavaScript tool configs at a package's top (Astro's default `astro.config.mjs`): not linted,
    but their imports make what only they load the build's code (a vite plugin under `plugins/`)."""
    try:
        names = sorted(os.listdir(package_dir))
    except OSError:
        return []
    return [os.path.join(package_dir, n) for n in names if is_js_config_name(n) and is_tool_config(n)]


def _reached(starts: list[str], imports: dict[str, list[str]], within: set[str]) -> set[str]:
    """The files of `within` that `starts` reach by imports, through files of `within` only."""
    seen: set[str] = set()
    queue = deque(starts)
    while queue:
        for target in imports.get(queue.popleft(), ()):
            if target in within and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _config_code(importers: dict[str, list[str]], package_dir: str) -> frozenset[str]:
    """The files of a package only its tool configs reach, once per package: the largest set of
    files with importers each of which is a tool config or in the set (a cycle among them included),
    less those no config reaches through it (files importing only one another are no build code)."""
    configs = {b for by in importers.values() for b in by
               if is_tool_config(os.path.relpath(b, package_dir).replace(os.sep, "/"))}
    only = {p for p, by in importers.items() if by}
    while True:
        kept = {p for p in only if all(b in configs or b in only for b in importers[p])}
        if kept == only:
            break
        only = kept
    reached = {p for p in only if any(b in configs for b in importers[p])}
    while True:
        grown = reached | {p for p in only if any(b in reached for b in importers[p])}
        if grown == reached:
            return frozenset(reached)
        reached = grown
