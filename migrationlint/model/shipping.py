"""Does a file run in production? One answer per file, with its reason (docs/architecture.md, "What ships").

The dependency rules ask this for every import: DEP002 and DEP005 only matter in code that ships, DEP004
only where something connects, and a DEP001 fix goes to `dependencies` only for shipping code. The answer:
1. reached from an entry point of the package (entry_points) through value imports: ships;
2. a file of an Nx browser app, or reached from such an app's entry (nx_projects): a bundle input, dev;
3. a test, test support, story, tool config or developer CLI command (dev_files, dev_clis, `test-files`): dev;
4. a file of a private workspace root (repository tooling, never deployed): dev;
5. anything else: ships (no entry is known to exclude it).
Separately, `bundled(manifest)` says whether the package ships a bundle (bundling): its devDependencies ship.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Callable

from migrationlint.model import own_aliases, packages as pk
from migrationlint.globs import match
from migrationlint.model.app_builds import ENTRY_BUNDLES
from migrationlint.model.bundling import Bundle, bundler_config
from migrationlint.model.admin_panels import admin_extension
from migrationlint.model.bootstrap_entries import all_entries, starts_unmapped_output
from migrationlint.model.declaration_copies import declarations_copied_from
from migrationlint.model.dev_clis import dev_cli_command
from migrationlint.model.dev_files import dev_reason, emitted_declaration, example_code, nx_tool_input, \
    placeholder_package, template_of, tool_input
from migrationlint.model.inert_files import foreign_project, inert_file
from migrationlint.model.copied_folders import template_home
from migrationlint.model.seed_scripts import seed_code
from migrationlint.model.dev_folders import dev_folder_reason, in_test_folder, named_like_tests, top_dev_folder, top_test_folder
from migrationlint.model.entry_points import EXPORTS_ORIGIN, Entry, is_service
from migrationlint.model.nested_apps import nested_app_input
from migrationlint.model.package_roles import beside_an_entry, stories_barrel, tooling_package
from migrationlint.model.workspace_roots import is_workspace_root, served_library
from migrationlint.model.lockfile_record import LOCKFILE_NAMES
from migrationlint.model.migrations import glob_matches, resolve_glob
from migrationlint.model.resolve import Resolver, resolver_for
from migrationlint.model.workspace import Manifest, member_dirs
from migrationlint.model.project import Memo, per_key
from migrationlint.model.glob_targets import glob_targets
from migrationlint.model.infra_programs import infra_program
from migrationlint.model.codegen_inputs import codegen_schema_input, schema_patterns
from migrationlint.model.build_output import BuildOutput
from migrationlint.model.runner_setup import runner_file
from migrationlint.model.test_support import TestSupport
from migrationlint.model.dev_only_packages import DevOnlyPackages
from migrationlint.model.elided_imports import compiled_type_uses, declared_as_types, metadata_only_names, used_names
from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.web_bundle_inputs import WebBundleInputs
from migrationlint.model.bundled_libraries import BundledLibraries
from migrationlint.model.nested_bundles import NestedBundles
from migrationlint.model.entry_reach import EntryReach
from migrationlint.model.nx_projects import WebProject
from migrationlint.model.next_routes import ORIGIN as ROUTE_ORIGIN
from migrationlint.model.app_entries import APP_STARTS, app_entries
from migrationlint.model.html_entries import ORIGIN as HTML_ORIGIN, beside_page_scripts
from migrationlint.model.verdicts import ON_DEMAND, WORKSPACE_ROOT_FILE, Verdict

_VALUE_KINDS = ("import", "export-from", "export-star", "import-equals", "require", "dynamic")
# every reference that brings a file into tsc's program (type-only ones too: the file is emitted)
_PROGRAM_KINDS = (*_VALUE_KINDS, "type-query", "reference")
_COMPILED_SUFFIXES = (".ts", ".tsx", ".mts", ".cts")  # what tsc or a bundler compiles, dropping type-only imports


class Shipping(TestSupport, BuildOutput, DevOnlyPackages, WebBundleInputs, BundledLibraries, NestedBundles, EntryReach):
    """What ships, per workspace package, for one run (memoized: rules ask once per import)."""

    def __init__(self, project) -> None:
        self.project = project
        self.ws = project.workspace
        self._verdicts: dict[str, Verdict] = {}
        self._reached: dict[str, dict[str, str]] = {}
        self._bundled: dict[str, Bundle | None] = {}
        self._bundling: set[str] = set()  # asked while its own answer is computed: a dependency cycle
        self._entries: dict[str, list[Entry]] = {}
        self._read: dict[str, dict[str, object]] = {}  # package -> {file: the facts its reachability read}
        # a package's stored reachability while it holds (reach_cache.py), asked on first use: few files, few packages
        self._offered: Callable[[str], tuple[dict[str, str], dict[str, object]] | None] | None = None
        self._web: dict[str, dict[str, WebProject]] = {}  # package -> {project.json: its browser app}
        self._web_checked: set[str] = set()  # project.json files read for `_add_own_project`
        self._bundle_reached: dict[str, dict[str, str]] = {}  # package -> {file: why it is a bundle input}
        self._across: dict[str, dict[str, str]] = {}  # bundled package -> NestedBundles._reached_across()
        self._project_jsons: dict[str, str | None] = {}  # folder -> nearest project.json (nx_projects)
        self._nx_jsons: dict[str, str | None] = {}  # project.json -> the workspace's nx.json
        self._workspace_roots: dict[str, bool] = {}  # manifest -> is_workspace_root, once per run
        self._dependents_of: dict[str, list[Manifest]] = {}  # manifest -> the manifests that list it
        self._dev_only_of: dict[str, str | None] = {}  # manifest -> why no production install holds it
        self._harness_of: dict[str, str | None] = {}  # manifest -> why the unlisted package is test support
        self._unlisted_of: dict[str, bool] = {}  # manifest -> DevOnlyPackages.unlisted
        self._publishes: bool | None = None  # whether the repository shows a way to publish (publish_paths)
        self._support: dict[str, dict[str, list[str]]] = {}  # package -> _test_support()
        self._config_code: dict[str, frozenset[str]] = {}  # package -> test_support._config_code()
        self._reverse: dict[tuple[str, str], dict[str, list[str]]] = {}  # (manifest, which) -> _reverse_imports()
        self._emitted: dict = {}  # manifest -> BuildOutput._build_output()
        self._codegen: dict[str, list] = {}  # package folder -> codegen_inputs.schema_patterns()
        self._vite_roots: dict[str, str | None] = {}  # manifest -> bundling.vite_root
        self._angular_entries: dict[str, dict[str, str]] = {}  # manifest -> nx_projects.angular_build_inputs
        self._unmapped_of: dict[str, bool] = {}  # manifest -> _unmapped_start
        self._browser_libraries: dict[str, str | None] = {}  # Nx project folder -> WebBundleInputs.in_a_browser_library

    # ------------------------------------------------------------------ public answers

    def workspace_root(self, manifest: Manifest) -> bool:
        """is_workspace_root, when its member globs name at least one package (a root listing
        `apps/*` where no app has a package.json owns the apps' files: it is the project, and
        deploys); asked once per manifest in a run."""
        found = self._workspace_roots.get(manifest.path)
        if found is None:
            inside = [d for d in self.ws.manifest_dirs if d.startswith(manifest.dir.rstrip(os.sep) + os.sep)]
            found = self._workspace_roots[manifest.path] = is_workspace_root(manifest) \
                and bool(member_dirs(manifest.dir, inside))
        return found

    def verdict(self, path: str, manifest: Manifest | None) -> Verdict:
        """The answer for the file at `path`, whose package manifest is `manifest`."""
        found = self._verdicts.get(path)
        if found is None:
            found = self._verdicts[path] = self._decide(path, manifest)
        return found

    def _root_tool_input(self, path: str, manifest: Manifest) -> str | None:
        """Why a member's file is run as a tool by a root script (`"tsx common/src/db/migrate.ts"`)."""
        root = self.ws.root_manifest
        if root is None or root.error or root.path == manifest.path:
            return None
        why = tool_input(path, root.data, root.dir)
        if why is None:
            return None
        return why.replace("run by the ", "run by the workspace root's ", 1) if why.startswith("run by the ") \
            else f"{why} (of the workspace root)"

    def settle(self, path: str, manifest: Manifest) -> Verdict:
        """The verdict, a presumed "ships" checked against the build and what imports the file: a file
        a tsc-only build never emits, a preconstruct bundle leaves out or `files` never publishes (BuildOutput), or in a service one that
        only tests and test support import (TestSupport), does not ship. Asked only where the answer
        changes a finding: both read the package's imports."""
        verdict = self.verdict(path, manifest)
        if not verdict.unsettled:
            return verdict
        if self.unlisted(manifest) and (harness := self.test_harness(manifest)) is not None:
            return Verdict(False, harness)
        if not verdict.presumed:
            return verdict
        return self.left_out_of_build(path, manifest) or self.left_out_of_bundle(path, manifest) \
            or self.left_out_of_app_bundle(path, manifest) \
            or self.left_out_of_package(path, manifest) or self.bundled_from_inside(path, manifest) \
            or self.published_loose_scripts(path, manifest) or self.only_tests_import(path, manifest) \
            or self.only_types_import(path, manifest) or verdict

    def bundled(self, manifest: Manifest, package: str | None = None) -> str | None:
        """Why `manifest`'s package ships a bundle that holds `package` (None: any of its imports),
        or None. A private library (never published), or one whose entry is TypeScript source (no
        install could load it), whose every workspace dependent is bundled ends up inside those
        bundles too."""
        if manifest.path not in self._bundled:
            self._bundled[manifest.path] = None  # a dependency cycle reads "not bundled" (its dependents skip it)
            self._bundling.add(manifest.path)
            self._bundled[manifest.path] = self._package_bundle(manifest)
            self._bundling.discard(manifest.path)
        bundle = self._bundled[manifest.path]
        return bundle.reason if bundle is not None and bundle.inlines(package) else None

    def bundled_by_config(self, manifest: Manifest, package: str) -> bool:
        """Whether the bundle of `manifest` holds `package` and a config of the repository's may add
        bundler plugins to its build (Bundle.configurable)."""
        bundle = self._bundled.get(manifest.path) if self.bundled(manifest, package) is not None else None
        return bundle is not None and bundle.configurable

    def left_external(self, manifest: Manifest) -> tuple[str, ...]:
        """The packages `manifest`'s bundle names external (asked after `bundled`)."""
        bundle = self._bundled.get(manifest.path)
        return bundle.external if bundle is not None else ()

    def page_globals(self, manifest: Manifest) -> tuple[str, ...]:
        """The imports `manifest`'s browser script reads from globals of the page (Bundle.page)."""
        bundle = self._bundled.get(manifest.path) if self.bundled(manifest) is not None else None
        return bundle.page if bundle is not None else ()

    def is_service(self, manifest: Manifest) -> bool:
        """entry_points.is_service, with the Nx apps in the package's folder."""
        return is_service(manifest, self.ws.nx_projects_within(manifest.dir))

    def entries_of_kind(self, manifest: Manifest, kind: str) -> list[Entry]:
        """Entries that start a process: `app` (start scripts, Dockerfile, nest-cli.json, bin) or
        `service` (the same without bin: what a deployment runs)."""
        starts = ("script", "Dockerfile", "nest-cli.json") + (('"bin"',) if kind == "app" else ())
        return [e for e in self.entries(manifest) if any(w in e.origin for w in starts)]

    def entries(self, manifest: Manifest) -> list[Entry]:
        """The package's entry points (bootstrap_entries.all_entries), less the `exports` subpaths that are
        test support (`_test_support_export`): what it offers its dependents' tests."""
        if manifest.path not in self._entries:
            found = all_entries(manifest, self._resolver().to_source, self.project.facts, self.ws.nx_projects_within(manifest.dir))
            found += app_entries(manifest, lambda: self.project.package_sources(manifest.dir), self.project.facts)
            self._entries[manifest.path] = [e for e in found if (e.origin != EXPORTS_ORIGIN or not self._test_support_export(
                os.path.relpath(e.path, manifest.dir).replace(os.sep, "/"), manifest)) and not self._in_vite_root(e, manifest)]
        return self._entries[manifest.path]

    @staticmethod
    def _test_support_export(rel: str, manifest: Manifest) -> bool:
        """An `exports` target that is test support by folder or name (`./test-helpers`, a `stories_barrel`), or, in
        a private package no registry takes, a `testing/` folder (helpers for the workspace's own tests)."""
        found = dev_reason(rel) is not None or stories_barrel(rel, manifest)
        return found or manifest.unpublishable and "testing" in rel.split("/")[:-1]

    # ------------------------------------------------------------------ the decision

    def _decide(self, path: str, manifest: Manifest | None) -> Verdict:
        if manifest is None and (foreign := foreign_project(self.project, path, None)) is not None:
            return Verdict(False, foreign, inert=True, foreign=True)
        if manifest is None or manifest.error:
            return Verdict(True, "no readable package.json owns it: counted as shipping")
        if (inert := inert_file(self.project.rel(path))) is not None:
            return Verdict(False, inert, inert=True)
        template = template_home(self.project, path, manifest, self._resolver().tsconfig_for)
        if template is not None and self._reached_from(manifest).get(path) is not None \
                and (manifest.dir == self.ws.root or template_of(self.project.rel(manifest.path)) is None):
            template = None  # reached: the package's own code, unless the package itself is a template
        template = template or placeholder_package(manifest.data)  # a whole package to copy: its entries too
        if template is not None:
            return Verdict(False, f"a template ({template}): copied into other projects, whose dependencies its "
                                  "imports are", inert=True)
        if path.endswith((".d.ts", ".d.mts", ".d.cts")):
            source, copied = emitted_declaration(path), declarations_copied_from(self.project, path)
            return Verdict(False, "a declaration file: types only, nothing runs" + (
                f"; tsc's output beside its source {os.path.basename(source)}, which TypeScript reads instead"
                if source else f"; a copy of what tsc emits from {self.project.rel(copied)}/, whose imports "
                "they are" if copied else ""), inert=copied is not None)
        home = self.project.rel(manifest.dir) if manifest.dir != self.ws.root else ""
        folder = dev_folder_reason(home.split("/")) if home else None
        if folder is not None and self._named_like_tests_only(home.split("/"), manifest):
            folder = None  # a library or service whose own name holds a test word (`gee-test`, a vendor)
        if folder is not None:
            # a package in a test folder that is no workspace member is a fixture tests read or load:
            # its imports are the fixture's, not something this repository installs; with a lockfile of
            # its own it is a project installed there (a client test suite), whose imports count
            fixture = in_test_folder(home.split("/")) and not any(m.path == manifest.path
                                                                  for m in self.ws.member_manifests) \
                and not any(os.path.isfile(os.path.join(manifest.dir, n)) for n in LOCKFILE_NAMES)
            suffix = ", and is no workspace member: a test fixture" if fixture else ""
            return Verdict(False, f"its package lives in {folder}{suffix}", inert=fixture,
                           example=not fixture and example_code(home, os.path.relpath(path, manifest.dir)))
        if (dev_only := self._dev_only(manifest)) is not None:
            return Verdict(False, dev_only)
        via = self._reached_from(manifest).get(path)
        if via is not None:
            return Verdict(True, via, unlisted=self.unlisted(manifest), on_demand=via.startswith(ON_DEMAND))
        if (bundle := self._bundle_input(path, manifest)) is not None:
            return Verdict(False, bundle, bundle_input=True)
        if (foreign := foreign_project(self.project, path, manifest.dir)) is not None:
            return Verdict(False, foreign, inert=True, foreign=True)
        rel = os.path.relpath(path, manifest.dir).replace(os.sep, "/")
        why = self._test_glob(path) or dev_reason(rel) or dev_folder_reason(self.project.rel(path).split("/")[:-1]) \
            or top_test_folder(rel) \
            or tool_input(path, manifest.data, manifest.dir) or self._root_tool_input(path, manifest) \
            or nx_tool_input(path, (pj := self.project_json(path, manifest)), pj and self.nx_json(pj), self.project.mentions) \
            or seed_code(path) or runner_file(path, self.ws.config_dirs, self.project.files.get(path)) \
            or codegen_schema_input(path, manifest.dir, self._codegen_configs(manifest.dir)) or infra_program(self.project, path, manifest.dir, not self.bundled(manifest)) \
            or dev_cli_command(path, manifest, self.project.facts) or admin_extension(path, manifest) or nested_app_input(path, manifest)
        if why is not None:
            return Verdict(False, why)
        if self.workspace_root(manifest) and not beside_an_entry(path, manifest, self.entries(manifest), bool(
                self.entries_of_kind(manifest, "service"))) \
                and not served_library(self.project, path, manifest, self.is_service):
            return Verdict(False, WORKSPACE_ROOT_FILE)  # a root that is a package too ships its entries' folder
        return self._unreached(path, manifest)

    def _unreached(self, path: str, manifest: Manifest) -> Verdict:
        """The verdict for a file no entry point reaches and no convention names dev-only: presumed
        shipping, but for a file in no bundle of an app whose routes or page start everything, a JSX
        file of a bundler's build, a leftover of a library only browser bundles use and the files of
        a tooling package."""
        if (leftover := self.in_a_browser_library(path, manifest)) is not None:
            return Verdict(False, leftover, bundle_input=True)
        harness = top_dev_folder(os.path.relpath(path, manifest.dir).replace(os.sep, "/"))
        if harness is not None and manifest.unpublishable:  # a published one's `files` and build say (BuildOutput)
            return Verdict(False, harness)
        entries = self.entries(manifest)
        paged = any(e.origin in (ROUTE_ORIGIN, HTML_ORIGIN) for e in entries) and not self._unmapped_start(manifest)
        if paged and any(e.origin == ROUTE_ORIGIN for e in entries):
            return Verdict(False, "no route of the Next.js app reaches it: next build bundles only what its routes, "
                                  "middleware and instrumentation import", unbundled=True)
        others = [e for e in entries if e.origin not in (HTML_ORIGIN, ROUTE_ORIGIN)]  # pages decide only beside them
        if paged and not others and beside_page_scripts(path, manifest, entries):
            return Verdict(False, "no module script of the vite app's index.html reaches it: vite bundles only what "
                                  "its page loads", unbundled=True)
        if any(e.origin in APP_STARTS for e in others) and (app := self.bundled(manifest)) in ENTRY_BUNDLES:  # Metro
            return Verdict(False, f"no entry point reaches it, and the package is {app} from its entry alone", unbundled=True)
        if others:  # else as with no entry: what the page does not reach lies outside its folder
            bundler = bundler_config(manifest.dir) if path.endswith((".tsx", ".jsx")) else None
            if bundler is not None:  # a front-end component no Node entry loads
                return Verdict(False, f"a JSX file no entry point reaches, so an input of the package's bundler build "
                                      f"({os.path.basename(bundler)}), which inlines what it imports", bundle_input=True)
            return Verdict(True, "no entry point reaches it, but it is neither a test, test support, story nor "
                                 "tool config: counted as shipping", presumed=True)
        if (tooling := tooling_package(manifest)) and not self.is_service(manifest) and self.bundled(manifest) is None:
            return Verdict(False, tooling)
        return Verdict(True, "the package declares no entry point that maps to source, and the file is neither a "
                             "test, test support, story nor tool config: counted as shipping", presumed=True)

    def _unmapped_start(self, manifest: Manifest) -> bool:
        """Whether a start script or the Dockerfile runs built code that maps back to no source file (a
        custom server a bundler builds, `"start": "node dist"`), other than the server Next writes
        (standalone `server.js`): the app's routes or page are then not all that runs."""
        found = self._unmapped_of.get(manifest.path)
        if found is None:
            found = self._unmapped_of[manifest.path] = starts_unmapped_output(
                manifest, self._resolver().to_source, self.ws.nx_projects_within(manifest.dir))
        return found

    def _codegen_configs(self, directory: str) -> list:
        if directory not in self._codegen:
            self._codegen[directory] = schema_patterns(directory)
        return self._codegen[directory]

    def _named_like_tests_only(self, parts: list[str], manifest: Manifest) -> bool:
        """Whether only the package's own folder name says "tests" (`packages/gee-test`) of a library
        published with an entry (a version, not private, `main` or `exports`) or a service (a Nest
        app in `config-test/`): not test code. A private one that starts nothing (`api-e2e`) is."""
        return named_like_tests(parts[-1]) and dev_folder_reason(parts[:-1]) is None and (
            not manifest.unpublishable and any(manifest.data.get(k) for k in ("main", "module", "exports"))
            or self.is_service(manifest))

    def _test_glob(self, path: str) -> str | None:
        rel = self.project.rel(path)
        return next((f"a test file (test-files pattern {p!r})" for p in self.project.settings.test_files if match(p, rel)), None)

    # ------------------------------------------------------------------ reachability

    def _reached_from(self, manifest: Manifest) -> dict[str, str]:
        """{file: reason} for every file of the package reached from its entries by value imports."""
        found = self._reached.get(manifest.path)
        if found is not None:
            return found
        carried = self._offered(manifest.path) if self._offered is not None else None
        if carried is not None:
            self.seed({manifest.path: carried})
            return carried[0]
        return self._walk(manifest)

    def _walk(self, manifest: Manifest) -> dict[str, str]:
        """The package's reachability, computed: a breadth-first walk over value imports."""
        found = {}
        read = self._read[manifest.path] = {}
        starts = []
        for entry in self.entries(manifest):
            found[entry.path] = f"an entry point ({entry.origin})"
            if entry.via:  # the bootstrap whose imports made it an entry: an input, like the files walked
                read[entry.via] = self.project.facts(entry.via)
            rel = os.path.relpath(entry.path, manifest.dir).replace(os.sep, "/")
            starts.append((entry.path, f"reached by value imports from the entry point {rel} ({entry.origin})"))
        self._spread(manifest, starts, found, read, lazy=False)
        lazy = [(p, "") for p in found if (f := self.project.facts(p)) is not None and any(i.lazy for i in f.imports)]
        self._spread(manifest, lazy, found, read, lazy=True)  # from the files that load something on demand
        self._add_migrations(manifest, found)
        self._reached[manifest.path] = found
        return found

    def _spread(self, manifest: Manifest, starts: list[tuple[str, str]], found: dict[str, str],
                read: dict[str, object] | None = None, lazy: bool | None = None) -> None:
        """Breadth-first over value imports within the package from `starts` ((file, the reason what it
        reaches gets)): each file reached goes to `found` with its start's first reason, its facts to `read`.
        `lazy=False` follows only what loads with the file; `lazy=True` starts with the loads on demand
        (an `import()` in a function), whose files and what they load get ON_DEMAND reasons."""
        queue = deque(starts)
        while queue:
            path, why = queue.popleft()
            if read is not None:
                read[path] = self.project.facts(path)
            lazy_here = lazy if not why.startswith(ON_DEMAND) else None
            for target in self._local_imports(path, manifest, "production", lazy_here):
                if target not in found:
                    found[target] = why or f"{ON_DEMAND} ({self.project.rel(path)} imports it in a function)"
                    queue.append((target, found[target]))

    def reachability(self) -> dict[str, tuple[dict[str, str], dict[str, object]]]:
        """Each package's reached files so far, with the facts of the files that decided them, which the
        language server keeps for its next run (`seed`, when `reach_signature` agrees: live.py)."""
        return {m: (found, self._read[m]) for m, found in self._reached.items()}

    def seed(self, reached: dict[str, tuple[dict[str, str], dict[str, object]]]) -> None:
        """Reachability of packages known to be unchanged (as `reachability` gave it)."""
        for manifest_path, (found, read) in reached.items():
            self._reached[manifest_path], self._read[manifest_path] = found, read

    def offer(self, stored: Callable[[str], tuple[dict[str, str], dict[str, object]] | None]) -> None:
        """`stored(manifest_path)`: the package's stored reachability when it still holds, else None."""
        self._offered = stored

    def _add_migrations(self, manifest: Manifest, found: dict[str, str]) -> None:
        """TypeORM migrations named by the `migrations:` globs of a DataSource that ships: the
        running service loads them, though no import reaches them."""
        globs = []
        for path in list(found):
            facts = self.project.facts(path)
            for option in (facts.migrations_options if facts is not None and not facts.skipped else ()):
                globs += [(resolve_glob(item[1], path, manifest.dir), path) for item in option.items if item[0] == "glob"]
        if not globs:
            return
        for source in self.project.package_sources(manifest.dir):
            if source in found:
                continue
            for pattern, owner in globs:
                if glob_matches(pattern, source):
                    rel = os.path.relpath(owner, manifest.dir).replace(os.sep, "/")
                    found[source] = f"a migration loaded by the DataSource options in {rel}, which ships"
                    break

    def _local_imports(self, path: str, manifest: Manifest, which: str, lazy: bool | None = None,
                       crossing: bool = False) -> list[str]:
        """The files of the package that `path` imports: `which` is "production" (value imports
        that run there), "development" (value imports in a branch taken only outside production)
        or "compiled" (every reference, type-only too: what tsc compiles); `lazy`, when given: only
        the loads on demand (a `require()`/`import()` in a function), or only the others; `crossing`:
        files of other packages too (what a bundler inlines), but never an installed package's."""
        facts = self.project.facts(path)
        if facts is None or facts.skipped:
            return []
        resolver = self._resolver()
        kinds = _PROGRAM_KINDS if which == "compiled" else _VALUE_KINDS
        out = []
        for imp in facts.imports:
            if imp.kind not in kinds or not imp.specifier or which != "compiled" and (
                    imp.type_only or imp.dev_only != (which == "development")) or lazy is not None and imp.lazy != lazy:
                continue
            if pk.classify(imp.specifier) == "package" and not self._alias(path, imp.specifier):
                continue
            res = resolver.resolve(path, imp.specifier)
            target = getattr(res, "path", None)
            if res.kind == "file" and target and (self._same_package(target, manifest) if not crossing
                                                  else f"{os.sep}node_modules{os.sep}" not in target) \
                    and (which == "compiled" or not self._compiled_away(path, imp, facts)):
                out.append(target)
        if facts.globs and which == "production" and lazy is not True:  # bundled modules no statement names
            out += [t for t in glob_targets(path, facts.globs, self.project.package_sources(manifest.dir), manifest.dir)
                    if self._same_package(t, manifest) and not self.project.is_test_file(t)]
        return out

    def _compiled_away(self, path: str, imp: ImportFact, facts: FileFacts) -> bool:
        """Whether tsc (or a bundler, which follows it) drops the import of a TypeScript file from
        its output: it loads nothing at runtime (`import { Props } from './lambda/init'` for a type;
        also a name a decorated signature gives, which metadata emits as `Object` where the module
        exports it as a type or an interface: elided_imports.declared_as_types).
        Not where the tsconfig keeps imports as written (verbatimModuleSyntax), or as `import "x"`."""
        if imp.kind != "import" or not path.endswith(_COMPILED_SUFFIXES):
            return False
        if not compiled_type_uses(imp, facts):  # unless decorated signatures name only the module's types
            meta = facts.metadata_only_locals
            used = used_names(imp, facts) if meta and any(n in meta for n in imp.locals) else []
            if not (metadata_only_names(facts, used) and declared_as_types(self.project, path, imp, used)):
                return False
        config = self._resolver().tsconfig_for(path)
        return config is None or not config.keeps_unused_imports

    def _same_package(self, path: str, manifest: Manifest) -> bool:
        """Whether `path` belongs to `manifest`'s package: inside its folder, with no package.json in
        between that names a package or declares dependencies (a `{"type": "commonjs"}` marker
        file does not start a package)."""
        directory = os.path.dirname(path)
        # per folder: every import of a package asks, and the answer reads the disk only (the
        # language server keeps this memo between runs, see Memo.disk_only)
        memo = _SAME_PACKAGE(self.project)
        key = (directory, manifest.dir)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._no_package_between(directory, manifest.dir)
        return found

    def _no_package_between(self, directory: str, top: str) -> bool:
        if not directory.startswith(top):
            return False
        while directory != top and directory.startswith(top):
            inner = os.path.join(directory, "package.json")
            if os.path.isfile(inner):
                data = self.ws.manifest(inner).data
                if data.get("name") or any(k in data for k in ("dependencies", "devDependencies", "peerDependencies")):
                    return False
            directory = os.path.dirname(directory)
        return True

    def _alias(self, path: str, specifier: str) -> bool:
        return own_aliases.is_alias(self.project, path, specifier)

    def _resolver(self) -> Resolver:
        return resolver_for(self.project)


def shipping_for(project) -> Shipping:
    """The run's Shipping model, shared by every rule (kept in the project's per-run memo)."""
    return SHIPPING(project)


SHIPPING: Memo[Shipping] = Memo("shipping", Shipping)
_SAME_PACKAGE: Memo[dict[tuple[str, str], bool]] = per_key("same package", disk_only=True)

