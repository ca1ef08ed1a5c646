"""Why a DEP finding is not reported: the questions `dependencies.DependencyChecks` asks of a use
before it reports one (an optional or mocked module, a runtime that provides it, an install that
holds it anyway, a deployment that carries the root's dependencies, test support after all).

Kept apart from the rules' messages and fixes: every answer here is a yes/no, never wording.
"""

from __future__ import annotations

import os
import re

from migrationlint.model import fix_policy as policy
from migrationlint.model.dead_files import outside_every_build
from migrationlint.model import packages as pk
from migrationlint.model.ambient_modules import ambient_index, declares_itself
from migrationlint.model.dependency_model import DependencyModel
from migrationlint.model.package_use import Use
from migrationlint.model.entry_points import entry_is_source, names_no_entry, names_nothing_loadable, unbuilt_stub
from migrationlint.model.checkout_starts import starts_from_checkout
from migrationlint.model.generated_members import generated_members
from migrationlint.model.build_exclusions import built_by_an_image
from migrationlint.model.dev_installs import images_install_dev
from migrationlint.model.script_commands import type_check_only
from migrationlint.model.serverless import lambda_runtime_named, lambda_runtime_provides
from migrationlint.model.package_roles import offers_nothing_to_import
from migrationlint.model.nest_cli import library_roots
from migrationlint.model.nx_projects import build_executor
from migrationlint.model.lockfile_yarn import yarn_classic_production
from migrationlint.model.lockfiles import yarn_berry_production
from migrationlint.model.resolve import resolver_for
from migrationlint.model.read_by_tests import read_by_tests
from migrationlint.model.text_snippets import shown_as_text
from migrationlint.model.peer_install import optional_in_meta
from migrationlint.model.workspace import DEP_SECTIONS, Manifest
from migrationlint.model.lockfile_record import Lockfile
from migrationlint.model.jest_mocks import manual_mock
from migrationlint.model.hoisting import hoisted_by_name
from migrationlint.model.unchecked_files import reading_material
from migrationlint.checks.base import Project
from migrationlint.checks.workspace_cycles import workspace_cycle
from migrationlint.checks.repository_builds import RepositoryBuilds
from migrationlint.checks.host_installs import HostInstalls
from migrationlint.checks.provided_modules import ProvidedModules



# an instruction to install packages, in a comment or a README-like header: `npm install x y`, `pnpm add x`
_INSTALL_TOLD = re.compile(r"\b(?:npm (?:install|i|add)|pnpm (?:add|install|i)|yarn add|bun add)((?:[ \t]+[@\w./-]+)+)")
_HEADER_BYTES = 4096  # where a file says what to install: its opening comment


class DependencyExemptions(RepositoryBuilds, HostInstalls, ProvidedModules, DependencyModel):
    """The dependency model, with the answers that keep a use from being reported."""

    def __init__(self, project: Project) -> None:
        super().__init__(project)
        self._yarn_closures: dict[tuple[str, str], set[str]] = {}  # (yarn.lock, project root) -> _yarn_production
        self._linked_of: dict[str, frozenset[str]] = {}  # manifest -> ProvidedModules._linked_by_install_hook
        self.eager_loads: set[tuple[str, str]] = set()  # (manifest, package) shipping code loads at start-up (check() sets it)
        self._generated_names: frozenset[str] | None = None  # _generated_member's names, read once
        self._globbing: list[str] | None = None  # ProvidedModules._globbing_files, found once

    def _type_root(self, u: Use) -> bool:
        """An `@types` package that a `typeRoots` folder of the file's tsconfig supplies from another
        package's install: a shared build configuration (a Rush rig) whose tsconfig the package
        extends points `typeRoots` at its own `node_modules/@types` and declares the package there,
        so tsc finds it whatever the importing package declares."""
        cfg = resolver_for(self.project).tsconfig_for(u.path) if u.package.startswith("@types/") else None
        for root in cfg.type_roots or () if cfg is not None else ():
            modules = os.path.dirname(root.rstrip(os.sep))
            owner = os.path.dirname(modules)
            if os.path.basename(root.rstrip(os.sep)) != "@types" or os.path.basename(modules) != "node_modules" \
                    or owner == u.manifest.dir or not os.path.isfile(os.path.join(owner, "package.json")):
                continue
            if self.ws.manifest(os.path.join(owner, "package.json")).declared(u.package) is not None:
                return True
        return False

    def _unimportable_member(self, u: Use) -> bool:
        """The bare name of a workspace package that offers nothing to import (no entry field, no
        index file: a Vite app): declaring it would not make the import resolve, so the import names
        something a tool maps (a design tool's preview importing the app by name), never a
        dependency to add. A path into such a package (`@acme/util/log`) resolves to its file."""
        member = self.ws.member(u.package) if u.imp.specifier == u.package else None
        return member is not None and member.path != u.manifest.path and offers_nothing_to_import(member)

    def _generated_member(self, u: Use) -> bool:
        """A workspace package a build step creates, absent from a checkout, that the scripts run by
        name (generated_members): the workspace links it, no registry holds it."""
        if self._generated_names is None:
            self._generated_names = generated_members(self.ws)
        return u.package in self._generated_names

    def told_by_requirer(self, m: Manifest, package: str, need) -> bool:
        """For a published library that is no service: whether the package whose code loads
        `package` (`@nestjs/microservices` for a transport's driver) is a peer of the library, which
        the application installs, and lists `package` among its own peers, optional ones too: the
        application learns of the driver from that package, so repeating the peer in the wrapper
        tells nobody anything (DEP004's warning would). A loader the library lists in `dependencies`
        is the library's to satisfy."""
        requirer = need.requirer
        return requirer is not None and not m.unpublishable and not self.is_service(m) \
            and requirer in m.section("peerDependencies") and package in self.peer_list(requirer, m)

    def served_by_enclosing_member(self, u: Use) -> bool:
        """Whether the workspace member whose folder holds the use's package declares the package
        for it: for a test, in any section but peers (a project in the member's folder, an example
        app or e2e suite, whose lookup walks up into the member's node_modules); for any file, in
        `dependencies` when the member builds the package as an app of its Nest monorepo (building_member)
        and ships its output with its own install; for a root file, the member whose Vitest runs it."""
        m = u.manifest
        if not u.test and not u.type_only and self.runner_member(u.path, m) is None:
            return self.built_with(m, u.package)
        member = self.runner_member(u.path, m) or (self.enclosing_member(m) if u.test else self.building_member(m))
        return member is not None and member.declared(u.package) not in (None, "peerDependencies")

    def served_by_root_install(self, u: Use) -> bool:
        """Whether the `hoisting` policy lets this use rely on the repository's root install, and that
        install holds the package: a file that does not ship (or, settled, turns out not to: an entry
        of a private helper package only tests import; not in a package its own build bundles, an
        app whose build needs its imports wherever it runs), or types only. For types, the types of `acme`
        in a member so named, which the install links at the root; for a test, an `@types/acme`
        another package brings, hoisted, or publicly by pnpm's `@types/*` pattern (an app's own build,
        which an image may run with only its package installed, needs its own); for any file, a name a
        public-hoist pattern names when the images install the root (_hoisted_for_the_images)."""
        m = u.manifest
        if not self.root_counts(True, u.type_only):
            return False
        if not (self.hoisted_at_root(u.package, m) or u.type_only and (
                self.ws.member(pk.types_package(u.package)) is not None or self.project.is_test_file(u.path))
                and self.hoisted_at_root(pk.types_package(u.package), m) or u.type_only and self.types_named(u.package, m)):
            return False
        return self.root_counts(u.test, u.type_only) or self._hoisted_for_the_images(u) or (
            (self.shipping.bundled(m) is None or self.shipping.inside_dependents_bundles(m))
            and not u.test and self.settled_dev(u))

    def _hoisted_for_the_images(self, u: Use) -> bool:
        """A package pnpm's `public-hoist-pattern` names on purpose (`*nestjs-base-service*`, not the
        blanket `*`), in a repository whose images install the workspace root: the production install
        is that root install, which puts the package where every file finds it."""
        root, _, manager = self._root_install(u.manifest)
        return hoisted_by_name(u.package, root.dir, manager) and self.images_install_root[0] is not None

    def settled_dev(self, u: Use) -> bool:
        """Whether the use's file does not run in production: said at once (a test), or once its
        presumed verdict is settled against its importers (Shipping.settle: an entry of a package
        only tests import); not a file merely left out of the package's build output, which may
        still run in place through the workspace link. Settling reads the package's imports: asked
        last, where the answer removes a finding."""
        if u.test:
            return True
        settled = self.shipping.settle(u.path, u.manifest) if u.verdict is not None and u.verdict.unsettled else None
        return settled is not None and not settled.ships and not settled.unbuilt

    def _virtual_candidate(self, u: Use) -> bool:
        """A loaded name no manifest, lockfile or node_modules holds (a lockfile says what the install
        has), which the package's bundle takes in rather than leaving external: a bundler plugin can
        serve it (a vite plugin's `resolveId`). A name the bundle leaves external (`vscode` to the
        editor) is the runtime's to provide, and says nothing of a plugin."""
        m = u.manifest
        return bool(self._lockfiles_for(m)) and self.held_nowhere(u.package, m) \
            and self.shipping.bundled_by_config(m, u.package)

    def read_as_data(self, path: str) -> bool:
        """A file tests read as text (read_by_tests.py: a transform's input or expected output, a file
        of a fixtures folder no file imports, one a test folder's tsconfig excludes on purpose): its
        imports are the project's it stands for. Asked last."""
        return read_by_tests(self.project, resolver_for(self.project), path)

    def shown_as_text(self, path: str) -> bool:
        """A file a documentation page includes as a code block and nothing compiles or imports
        (text_snippets.py): its imports are the reader's, nothing installs for it. Asked last."""
        return shown_as_text(self.project, resolver_for(self.project), path) is not None

    def _silenced_sample(self, u: Use) -> bool:
        """An import the author told tsc to accept (`// @ts-ignore` above it, or `// @ts-nocheck`
        over the file) in a file that does not ship (an example for the package's users; also once
        settled: the entry of a retired package only an example imports), of a
        package nothing declares, locks or installs: absent on purpose, the sample names what its
        reader's app installs. A silenced import of a package the repository does hold (an untyped
        library) is reported."""
        return self.held_nowhere(u.package, u.manifest) and self.silenced(u) and self.settled_dev(u)

    def _install_told(self, u: Use) -> bool:
        """An import, in a file no build compiles or runs (an example of a published SDK), of a package
        nothing declares, locks or installs, that the file tells its reader to install (` * Install: npm
        install openai dd-trace`): absent on purpose, as a silenced sample's is (`_silenced_sample`).
        Not in a file a build type-checks: the build fails until the package is installed."""
        if not self.held_nowhere(u.package, u.manifest) \
                or not outside_every_build(self.project, resolver_for(self.project), u.path):
            return False
        data = self.project.bytes_of(u.path)
        told = data is not None and any(u.package in m.group(1).split() for m in _INSTALL_TOLD.finditer(
            data[:_HEADER_BYTES].decode("utf-8", "replace")))
        return told and self.settled_dev(u)

    def silenced(self, u: Use) -> bool:
        """Whether tsc is told to accept the import: `// @ts-ignore` above it, or `// @ts-nocheck`
        over the file (which then reports nothing, "Cannot find module" included)."""
        if u.imp.ts_ignored:
            return True
        facts = self.project.facts(u.path)
        return facts is not None and facts.unchecked

    def _types_in_no_program(self, u: Use) -> bool:
        """Types only, in reading material no program compiles (unchecked_files.reading_material)."""
        return u.type_only and reading_material(resolver_for(self.project), self.project.rel(u.path), u.path)

    def _unchecked_reference(self, u: Use) -> bool:
        """In a declaration file under `skipLibCheck` (or maybe under it: an uninstalled config package
        its tsconfig extends may set it), where tsc says nothing: a `/// <reference
        types="x" />` of a package nothing declares, locks or installs (a leftover of a framework the
        app no longer uses), or an import none of whose names the file uses (a generated cache of
        types) or of a package nothing holds (an augmentation of a library the app no longer uses,
        whose types tsc then takes as `any`), unless the file is the package's own `types` entry,
        which its users' tsc reads. A declaration file runs nothing, so no install is wanted."""
        if not resolver_for(self.project).lib_check_maybe_skipped(u.path):
            return False
        if u.imp.kind == "reference":
            return self.held_nowhere(u.package, u.manifest)
        entry = next((u.manifest.data[k] for k in ("types", "typings") if isinstance(u.manifest.data.get(k), str)), None)
        nowhere = self.held_nowhere(u.package, u.manifest) and self.held_nowhere(pk.types_package(u.package), u.manifest)
        return (u.unused or nowhere) and (
            entry is None or os.path.normpath(os.path.join(u.manifest.dir, entry)) != u.path)

    def _mocked_into_being(self, u: Use) -> bool:
        """A module the file mocks as one that need not exist (`jest.mock('x', factory, { virtual:
        true })`, `vi.mock`): the test's imports of it get the mock, and Jest never resolves the
        module, whether or not another package of the repository declares it (a native module
        only a sibling installs is why the mock is virtual)."""
        facts = self.project.facts(u.path)
        return facts is not None and any(i.kind == "mock" and i.virtual and pk.package_name(i.specifier) == u.package
                                         for i in facts.imports)

    def _jest_manual_mock(self, u: Use) -> bool:
        """A bare name a test loads that nothing declares or installs, supplied by a manual mock
        `__mocks__/<name>.js` in a folder above the test, within its package: Jest registers every
        manual mock under its roots by file name and resolves the name to it (a runtime's tests
        requiring `require('createRuntime')`). Nothing to install."""
        spec = u.imp.specifier
        if not u.test or "/" in spec or not self.held_nowhere(u.package, u.manifest):
            return False
        return manual_mock(self.project, u.path, spec, u.manifest.dir) is not None

    def _vendored_below_package(self, u: Use) -> bool:
        """A package kept in the repository in a `node_modules` folder between the file and its
        package's folder (`test/node/node_modules/fake-module/`, a fixture a test requires, made
        visible by a `.gitignore` exception): Node's lookup from the file finds it first, and no
        install is involved."""
        folder = os.path.dirname(u.path)
        while folder != u.manifest.dir and folder.startswith(u.manifest.dir + os.sep):
            if os.path.isdir(os.path.join(folder, "node_modules", *u.package.split("/"))):
                return True
            folder = os.path.dirname(folder)
        return False

    def _declared_ambiently(self, u: Use) -> bool:
        """Whether a script declaration file of the importer's program declares the specifier
        (`declare module '@router/types' { ... }`, written by a code generator), or the import sits
        in the very block that declares it (`typeof import('x')` inside `declare module 'x'`)."""
        if declares_itself(self.project.files[u.path], u.imp):
            return True
        index = ambient_index(self.project)
        if not index.exact:
            return False
        cfg = resolver_for(self.project).tsconfig_for(u.path)
        return index.declares(u.imp.specifier, u.path, cfg, self.ws.package_root(u.path))

    def _production_value_use(self, u: Use) -> bool:
        """A value use in shipping code of a package that a production install must provide (not
        in a bundled package, whose devDependencies are the bundle, nor a runtime-provided one)."""
        if u.type_only or u.test or u.package in policy.PROVIDED_BY_RUNTIME \
                or lambda_runtime_provides(u.manifest.dir, u.package) or self._left_to_lambda(u):
            return False
        if self.tooling_root(u.manifest, u.verdict):
            return False  # files of a private workspace root are its tooling (scripts, configs)
        if u.imp.lazy and not u.manifest.unpublishable:
            return False  # a published package's on-demand load: an optional feature its user installs
        return self.shipping.bundled(u.manifest, u.package) is None

    def _left_to_lambda(self, u: Use) -> bool:
        """An AWS SDK v3 package (`@aws-sdk/...`) that the bundle of a package nothing installs to import
        (private, or naming nothing to load) leaves external (`--external:@aws-sdk`, `external:
        ['@aws-sdk/*']`): a Lambda function's bundle, deployed as a zip, whose runtime (every one
        from nodejs18.x) provides the SDK; kept in devDependencies on purpose (an undeclared one is
        still DEP001's). Where a Serverless config names the runtime, lambda_runtime_provides decides."""
        m = u.manifest
        if not u.package.startswith("@aws-sdk/") or lambda_runtime_named(m.dir):  # v2's runtimes: lambda_runtime_provides
            return False
        return m.declared(u.package) == "devDependencies" \
            and (m.unpublishable or names_nothing_loadable(m)) \
            and self.shipping.bundled(m) is not None and self.shipping.bundled(m, u.package) is None

    def development_package(self, u: Use) -> bool:
        """A file that ships only by presumption, of a private package that declares no
        `dependencies` at all, has no entry point and starts nothing (a documentation site a
        generator builds, a set of scripts): no production install of it exists, and keeping every
        package in devDependencies says so (DEP002). One with a start script, an entry, a `bin` or a
        Dockerfile is judged as usual, unless it starts only through a TypeScript runner it keeps in
        devDependencies, with no `dependencies` at all: it never starts from a production install."""
        m = u.manifest
        return u.verdict is not None and u.verdict.presumed and m.data.get("private") is True \
            and not m.data.get("dependencies") and not self.shipping.entries(m) and not self.is_service(m) \
            or starts_from_checkout(m, self.root_of(m) if self.root_of(m) is not m else None)

    def _optional_feature(self, u: Use) -> bool:
        """A published library's load on demand, in shipping code, of a package it keeps in
        devDependencies (`_production_value_use` leaves it out): an optional feature whose users must
        install, which DEP002 reports as a warning asking for an optional peer (none once
        `peerDependenciesMeta` marks it optional). Not when shipping code loads it at start-up too."""
        return u.on_demand and not u.type_only and not u.test and self.optional_features_its_users_install(u.manifest) \
            and not optional_in_meta(u.manifest.data, u.package) and (u.manifest.path, u.package) not in self.eager_loads \
            and u.package not in policy.PROVIDED_BY_RUNTIME and not self.tooling_root(u.manifest, u.verdict) \
            and self.shipping.bundled(u.manifest, u.package) is None

    def _provided_by_dependents(self, u: Use) -> bool:
        """A private library (a workspace's component kit shipped as source) that keeps the package in
        devDependencies, in an install that hoists: every package that depends on it is bundled or
        declares the package in `dependencies` itself (the apps that use the kit declare react), so
        wherever its files run, the package is installed beside them."""
        m = u.manifest
        if not m.unpublishable or self.is_service(m) or not self.install_hoists(m):
            return False
        dependents = self.shipping.dependents(m)
        return bool(dependents) and all(
            self.shipping.bundled(d) is not None or u.package in d.section("dependencies") for d in dependents)

    def _linked_at_root(self, u: Use) -> bool:
        """An undeclared member of the workspace, where the install links every member at the root
        (npm, yarn, bun's hoisted linker; not pnpm, which links only what a package declares), imported
        by the workspace root's own package when no registry install of it happens (unpublishable, or
        never published with nothing to import: its `node_modules` is where the links are, an API at
        the root beside its `prisma/` member; a published root's users get none), or by a sibling
        whose declaration would close a cycle of workspace dependencies (workspace_cycles): the import
        resolves in every install of the workspace, and nothing is missing. Under pnpm or
        Plug'n'Play it fails, and DEP001 says so."""
        m = u.manifest
        return self.ws.member(u.package) is not None and self._root_install(m)[2] != "pnpm" \
            and self.install_hoists(m) and not self.plug_n_play(m) \
            and (m.dir == self.ws.root and (m.unpublishable or self.never_published(m) and offers_nothing_to_import(m))
                 or workspace_cycle(self.project, m, u.package) is not None)

    def _dev_installed_by_images(self, u: Use) -> bool:
        """A private library (no registry takes it, it starts nothing) in a repository whose images all
        install devDependencies too (none runs a production-only install, a prune, a deploy or sets
        NODE_ENV=production: dev_installs), or a private service the images that build it (a Dockerfile
        in its folder, or one naming its folder or its name: `turbo prune @repo/api`, `COPY
        --from=installer /app/apps/api/dist`) all install them: wherever its files run, its
        devDependencies are installed, and "a production install leaves it out" describes no install
        that happens (other projects' images, which may prune, do not decide for it)."""
        m = u.manifest
        service = self.is_service(m)
        # a service with nothing to import (no `main`, `exports`, `files`) is never installed from a
        # registry, whatever its `version` and missing `private` say
        if m.data.get("bin") or not (self.never_published(m) or service and offers_nothing_to_import(m) and "files" not in m.data):
            return False
        if not service:
            return self.images_install_dev is not None
        rel, name = self.project.rel(m.dir), m.name or "\0"
        building = [d for d in self.ws.images.dockerfiles if built_by_an_image([d], m.dir, rel, name)]
        return bool(building) and images_install_dev(building) is not None

    def _test_support(self, u: Use) -> bool:
        """Whether a file that ships only by presumption is test support after all (only tests
        import it: Shipping.settle). Asked last, when a finding would otherwise be reported: the
        answer reads the package's reverse imports."""
        return u.verdict is not None and u.verdict.unsettled and not self.shipping.settle(u.path, u.manifest).ships

    def _deployed_with_root(self, u: Use, outer: Manifest) -> bool:
        """Whether the package is deployed with the workspace root's dependencies: only by images
        that install the root, or a root pm2 ecosystem file that starts it, or a package that
        depends on it, from the checkout (`root_deployed`), when it is not a package to publish (private, a service with a
        start script, Dockerfile or nest-cli.json, or one whose entry is TypeScript source, which no
        install could load: entry_points.entry_is_source), for the workspace's own root; or from
        the package.json its Nx build writes from the root's (nx_projects.generated_manifest), for
        the root of the Nx workspace (the repository's, or a nested project's holding nx.json).
        Never with `hoisting = "none"`. Also a package installed only with its root
        (`_installed_only_with_root`)."""
        m = u.manifest
        if self.settings.hoisting == "none":
            return False
        if self._installed_only_with_root(m, outer):
            return True
        if outer.dir != self.ws.root:
            return os.path.isfile(os.path.join(outer.dir, "nx.json")) and self.generated_manifest(m) is not None
        return (self.root_deployed(m) and (m.unpublishable or self.is_service(m) or entry_is_source(m))) \
            or self.generated_manifest(m) is not None

    def _installed_only_with_root(self, m: Manifest, outer: Manifest, seen: frozenset[str] = frozenset()) -> bool:
        """A private package whose entry is TypeScript source, or that names no entry at all and has no
        script but type checks (only dependencies, for the Nx apps that compile its folder; tools run
        from the checkout), or that no workspace definition makes
        a package manager's member (an Nx library's package.json beside the root's), or that, with no
        workspace definition, names no entry and declares nothing (its scripts run in the root's
        install: nothing would install it apart), or the stub
        `npm init` writes (its `main` names no file, nothing builds one), or the label a Nest monorepo's
        library keeps (`_nest_library_label`), or one naming nothing loadable and declaring nothing that the
        workspace globs leave out (`modules/package.json` beside `modules/*`), or a private one, or one that names nothing loadable, the root
        tsconfig's `paths` map into (an Nx library the apps compile in by its alias), that starts nothing and that no other manifest
        of the repository lists but such packages themselves (a nameless one none can list, that the
        root tsconfig's `paths` map into: source the members inline): nothing installs it apart (no publish, no install could load its
        source, no dependent brings it), so its code runs only inside its root's install, compiled
        into what imports it (an app's bundle, through an alias), where the root's dependencies are."""
        scripts = m.data.get("scripts")
        bare = names_no_entry(m) and self.root_of(m) is not m and (
            not scripts or isinstance(scripts, dict) and all(type_check_only(s) for s in scripts.values()))
        if not m.name and not (bare and m.unpublishable and self._aliased_into(m)) or self.is_service(m) or not (
                m.unpublishable and (entry_is_source(m) or not self.ws.has_workspace_definition or bare)
                or bare and not self.ws.has_workspace_definition and build_executor(m.dir) is None  # an Nx label
                or names_no_entry(m) and not self.ws.has_workspace_definition and not _declares_any(m)
                or (m.unpublishable or names_nothing_loadable(m)) and self._aliased_into(m)
                or names_nothing_loadable(m) and not _declares_any(m) and self._left_out_of_members(m)
                or unbuilt_stub(m) or self._nest_library_label(m, outer)):
            return False
        seen = seen | {m.path}
        return all(d.path == outer.path or d.path in seen or self._installed_only_with_root(d, outer, seen)
                   for d in self.shipping.dependents(m))

    def _left_out_of_members(self, m: Manifest) -> bool:
        """A package.json below the root that the workspace definition's globs do not match
        (`modules/package.json` beside `modules/*`), with no lockfile of its own: the package manager
        never installs it."""
        return bool(self.ws.definition) and m.dir != self.ws.root and m.dir not in self.ws.member_dirs \
            and self.root_of(m) is not m

    def _aliased_into(self, m: Manifest) -> bool:
        """Whether a `paths` pattern of the workspace root's tsconfig maps into the package's folder
        (`"#integration/*": ["./shared/integration/src/*.ts"]`): the members compile its files in."""
        index = resolver_for(self.project).tsconfigs
        for name in ("tsconfig.json", "tsconfig.base.json"):
            path = os.path.join(self.ws.root, name)
            cfg = index.config(path) if os.path.isfile(path) else None
            if cfg is not None and cfg.error is None and cfg.paths_base and any(
                    os.path.normpath(os.path.join(cfg.paths_base, t)).startswith(m.dir + os.sep)
                    for targets in cfg.paths.values() for t in targets):
                return True
        return False

    def _nest_library_label(self, m: Manifest, outer: Manifest) -> bool:
        """A package.json left in a library project of the root's monorepo-mode nest-cli.json that
        declares nothing, has no script and that no workspace definition makes a member: the Nest CLI
        compiles the library into each app through tsconfig `paths`; nothing builds, installs or
        publishes the folder as a package, whatever its `version` and `main` say."""
        return not self.ws.has_workspace_definition and not _declares_any(m) and not m.data.get("scripts") \
            and os.path.normpath(m.dir) in library_roots(outer.dir)

    def _production_install_has(self, u: Use) -> bool:
        """Whether the lockfile says a production install still places the package where the file
        finds it (npm: no `"dev": true`, because some production dependency needs it, as a
        required peer of @nestjs/typeorm needs typeorm; yarn v1, and yarn 2+ with the node-modules
        linker: a production dependency's entries lead to it, as @nestjs/config's to dotenv; under
        Plug'n'Play a package reaches only what it declares): then nothing fails at runtime. Only for
        what deploys from this lockfile (a private package, a project's root, or a private member no
        registry holds); a package that may be published is installed by its users, whose lockfile is not this one."""
        m = u.manifest
        if not (m.unpublishable or self.is_root(m) or self.private_member(u.package)):
            return False
        lockfiles = self._lockfiles_for(m)
        for lock, importer in lockfiles:
            found = lock.in_production_install(u.package, importer)
            if found is None and (lock.kind == "yarn-classic" or lock.kind == "yarn-berry" and not self.plug_n_play(m)):
                found = u.package in self._yarn_production(lock, m) or None
            if found is not None:
                return found
        return not lockfiles and self._peer_of_production_dependency(u.package, m)

    def _yarn_production(self, lock: Lockfile, m: Manifest) -> set[str]:
        """What a production install of `m`'s project places, from its yarn.lock (v1, or yarn 2+ with
        the node-modules linker): its root's production dependencies and, for the workspace root,
        every member's (one hoisted install)."""
        root = self.root_of(m)
        key = (lock.path, root.path)
        if key not in self._yarn_closures:
            manifests = [root, *(self.ws.member_manifests if root.dir == self.ws.root else ())]
            roots = {name: rng for man in manifests for section in ("dependencies", "optionalDependencies")
                     for name, rng in man.section(section).items() if self.ws.member(name) is None}
            closure = yarn_classic_production if lock.kind == "yarn-classic" else yarn_berry_production
            self._yarn_closures[key] = closure(lock.path, roots)
        return self._yarn_closures[key]

    def _peer_of_production_dependency(self, package: str, m: Manifest) -> bool:
        """With no lockfile to ask, what npm 7+ would place: a required peer of one of the
        package's `dependencies` (@nestjs/common of @nestjs/core) is installed by a production
        install whatever section the package itself lists it in, as the lockfile would say."""
        _, _, manager = self._root_install(m)
        if manager != "npm" or not self.peer_policy(m).installs:
            return False
        return any(self.peer_list(dep, m).get(package) is False for dep in m.section("dependencies"))


def also_runtime(m: Manifest, package: str) -> bool:
    """Whether `m` also lists the package where its users' installs provide it (a peer or an
    optional dependency), beside devDependencies."""
    return package in m.section("peerDependencies") or package in m.section("optionalDependencies")


def _declares_any(m: Manifest) -> bool:
    """Whether the manifest declares a package in any dependency section."""
    return any(m.section(s) for s in DEP_SECTIONS)
