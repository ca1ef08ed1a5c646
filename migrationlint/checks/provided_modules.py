"""Modules something other than an install provides: the runtime that runs the file (a VS Code
extension host's `vscode`, Bun's test runner for `@jest/globals`), an admin panel that hands its
custom components their packages, a vite plugin's virtual stylesheet, a package the package's own
install hooks link into its node_modules, one an image installs globally for a file it copies in,
and one the script that runs the file installs first; and, for a browser script, the page that loads it (a
global its bundle reads); and a workspace package that an alias of a tsconfig not read may map to its
source, or a folder `.gitmodules` declares, read through `baseUrl`. A mixin of the dependency exemptions.
"""

from __future__ import annotations

import os

from migrationlint.model import packages as pk
from migrationlint.model.module_homes import module_homes
from migrationlint.model.admin_panels import admin_extension_provides, admin_panel_globals
from migrationlint.model.dependency_model import DependencyModel
from migrationlint.model.dependency_versions import importer_key
from migrationlint.model.git_submodules import in_submodule
from migrationlint.model.global_installs import installed_globally_for
from migrationlint.model.script_installs import installed_before_run
from migrationlint.extract.sources import GLOB_WORD
from migrationlint.model.imported_anywhere import file_names, importers, names_by_glob
from migrationlint.model.inherited_aliases import unread_local_config
from migrationlint.model.install_links import install_linked, symlinked_installs
from migrationlint.model.package_use import Use
from migrationlint.model.project import Memo
from migrationlint.model.resolve import Resolver, resolver_for
from migrationlint.model.script_commands import externals_in_scripts
from migrationlint.model.specifiers import alias_matches
from migrationlint.model.test_runners import BUN_TEST_REWRITES, bun_tested
from migrationlint.model.workspace import Manifest

# vite itself, and the tools that run their own vite dev server and build (a VitePress site declares
# `vitepress`, never `vite`): each serves the virtual stylesheets of the vite plugins it is given
_VITE_HOSTS = ("vite", "vitepress", "astro", "nuxt", "@sveltejs/kit", "vike", "@analogjs/platform",
               "@storybook/builder-vite")


_GLOB_DEPTH = 4  # how many files of the package may stand between the glob and the importing file
_GLOBBED: Memo[dict[str, tuple[str, ...]]] = Memo("files of other packages whose glob takes a file in", lambda project: {})
_IMPORTERS_WITHIN: Memo[dict[str, tuple[str, ...]]] = Memo("files of a file's package that may import it", lambda project: {})


class ProvidedModules(DependencyModel):
    """Mixin of DependencyExemptions: `_runtime_module`, `runtime_engine`, `_admin_panel_global`,
    `_virtual_stylesheet`, `_linked_by_install_hook`, `_member_by_unread_alias` and `_in_a_submodule` (DEP001),
    `from_the_page` (DEP003)."""

    _linked_of: dict[str, frozenset[str]]  # manifest -> install_linked (set by DependencyExemptions)

    def _runtime_module(self, u: Use) -> bool:
        """A module whose types the package declares (`@types/vscode`), or that its bundle leaves
        external (an esbuild script's `external: ['vscode']`, the types from a `declare module`), and
        whose runtime a manifest's `engines` names (`runtime_engine`), or that a bundler command
        leaves external (`--external:k6`), but that the package's lockfile, no manifest and no node_modules holds:
        the runtime that runs these files provides it (a VS Code extension host's `vscode`), and no
        install could. Without a lockfile, nothing says what is installed: reported; except for a
        runtime the linter knows (packages.RUNTIME_MODULES), whose declared types are all it wants.
        Also `@jest/globals` in a test `bun test` runs (test_runners.bun_tested): Bun rewrites it."""
        m = u.manifest
        if u.package in BUN_TEST_REWRITES and u.test and bun_tested([m, self.root_of(m)]):
            return True  # `bun test` serves `@jest/globals` from its own `bun:test`
        declared = self.types_declared(u.package, m)
        if declared and u.package in pk.RUNTIME_MODULES:
            return True  # a runtime the linter knows: never the registry's package, whatever is installed
        engine = self.runtime_engine(u.package, m)
        kept_out = engine and self.shipping.bundled(m) is not None and u.package in self.shipping.left_external(m)
        provided = declared and engine or kept_out or u.package in externals_in_scripts(m.data.get("scripts"))
        return provided and bool(self._lockfiles_for(m)) and self.held_nowhere(u.package, m)

    def runtime_engine(self, package: str, m: Manifest) -> bool:
        """Whether a manifest's `engines` names `package` as the runtime the code runs in
        (`"engines": {"vscode": "^1.90.0"}`): that runtime provides the module of its name. A
        package nothing installs beside its declared `@types/...` (`supertest`) is missing."""
        return any(isinstance(o.data.get("engines"), dict) and package in o.data["engines"]
                   for o in (m, self.root_of(m), self.ws.root_manifest, *self.ws.member_manifests) if o is not None)

    def _admin_panel_global(self, u: Use) -> bool:
        """An import an admin panel provides (admin_panels.py) in a file no entry point reaches (nor
        a test): in a `.tsx`/`.jsx` file of a package that declares AdminJS, a browser global of a
        custom component the application registers by path; in a Medusa admin extension, a package
        of the dashboard."""
        verdict = u.verdict
        if verdict is None or (verdict.ships and not verdict.presumed) or self.project.is_test_file(u.path):
            return False
        if u.package in admin_extension_provides(u.path, u.manifest):
            return True
        return u.path.endswith((".tsx", ".jsx")) and u.package in admin_panel_globals([u.manifest, self.root_of(u.manifest)])

    def _virtual_stylesheet(self, u: Use) -> bool:
        """A side-effect import of a one-segment stylesheet name (`uno.css`, `unfonts.css`) in a
        package (or workspace) that declares vite or a tool built on it (_VITE_HOSTS), which nothing of the repository holds: the
        virtual stylesheet a vite plugin serves, never a package to install."""
        spec = u.imp.specifier
        if not u.imp.side_effect or "/" in spec or not spec.endswith(".css"):
            return False
        root = self.root_of(u.manifest)
        return any(m.declared(host) for m in (u.manifest, root) for host in _VITE_HOSTS) \
            and self.held_nowhere(u.package, u.manifest)

    def _linked_by_install_hook(self, u: Use) -> bool:
        """A package the importer's install hooks link into its node_modules (`"postinstall":
        "./script/build-deps"` running `yarn link acme-api-lib`, install_links), or a project nested in
        its folder links its own node_modules into it (symlinked_installs): every install of it, its
        image's included, runs the hook, a choice as deliberate as a declaration. Read once per package."""
        found = self._linked_of.get(u.manifest.path)
        if found is None:
            inside = u.manifest.dir + os.sep
            nested = [self.ws.manifest(os.path.join(d, "package.json")) for d in self.ws.manifest_dirs if d.startswith(inside)]
            found = self._linked_of[u.manifest.path] = install_linked(u.manifest) | symlinked_installs(
                [n for n in nested if not n.error], self.project.read_context)
        return u.package in found

    def served_by_module_homes(self, u: Use) -> bool:
        """A package another project of the repository declares, whose `node_modules` the importer's
        webpack config lists to resolve packages from (module_homes: an Electron app's plugins
        taking the app's and the root's installs), or whose lockfile holds it (what that install places in
        its node_modules): the bundle finds it there by design."""
        for home in module_homes(self.project, u.manifest):
            if os.path.isfile(os.path.join(home, "package.json")):
                manifest = self.ws.manifest(os.path.join(home, "package.json"))
                lock = self._root_install(manifest)[1]
                if manifest.declared(u.package) or lock is not None and lock.versions.get(u.package):
                    return True
        return False

    def pending_framework_peer(self, m: Manifest, package: str) -> bool:
        """A package the framework brings that the workspace root declares for developing its plugins
        (`@nestjs/common` with `@vendure/core`), imported by a published plugin that imports that
        framework itself by value but does not declare it: the framework's own finding (DEP005) asks for
        it as a peer, and with that peer declared this import is served as the framework's (a package it
        shares: some package's peer, or of its scope; not zod, which it merely uses). One fix,
        one finding (204 findings repeated the framework's on a plugin collection); DEP003 asks for it as
        a peer of another package no more."""
        if not self.published_library(m) or self.plug_n_play(m):
            return False
        host = self.root_host_bringing(m, package)
        if host is None or m.declared(host) is not None or self.imports_of(m).get(host) is not False:
            return False
        scope = pk.scope_of(package)  # shared as _brought_by_peer_host reads it: a library it merely uses is the plugin's
        return package in self.taken_as_peer or scope is not None and scope == pk.scope_of(host)

    def private_member(self, package: str) -> bool:
        """Whether `package` is a private workspace member (`"private": true`): no registry install holds
        it whatever section names it, so only the workspace's own install can (DEP002 asks that one)."""
        member = self.ws.member(package)
        return member is not None and member.data.get("private") is True

    def _preset_surface(self, u: Use) -> bool:
        """A package a declared framework preset brings and the framework documents as the project's
        own API (packages.PRESET_SURFACE: `@docusaurus/theme-common` in a swizzled component), where the
        lockfile says the preset brings it and the install hoists it (pnpm's too, `node-linker=hoisted`:
        its snapshots say what the preset brings): the preset's one copy serves it."""
        m = u.manifest
        presets = [p for p, surface in pk.PRESET_SURFACE.items() if u.package in surface and m.declared(p)]
        umbrella = self._umbrella_of_its_scope(m, u.package)
        if not presets and umbrella is None:  # asked of every undeclared import that gets this far
            return False
        carriers = self.bringing_dependencies(m, u.package, True) or self._pnpm_carriers(m, u.package, True)
        return any(b in presets for b in carriers) or umbrella in self.bringing_dependencies(m, u.package, True)

    def _umbrella_of_its_scope(self, m: Manifest, package: str) -> str | None:
        """The umbrella named after `package`'s scope (packages.SCOPE_UMBRELLAS) that `m` declares and whose
        locked version pins `package` at one exact version (`zwave-js` pinning `@zwave-js/core` 15.27.0): a
        category that moves with it, never apart, where the install hoists the umbrella's one copy. None otherwise."""
        scope, _, rest = package.partition("/")
        if not package.startswith("@") or not rest or scope[1:] not in pk.SCOPE_UMBRELLAS or not m.declared(scope[1:]):
            return None
        root, lock, _ = self._root_install(m)
        return scope[1:] if lock is not None and lock.pinned_by(scope[1:], package, importer_key(m, root)) else None

    def from_the_page(self, m: Manifest, package: str) -> bool:
        """Whether `m`'s build is a browser script that reads `package` from a global of the page
        (rollup's `output.globals` in an iife or umd build): no install holds it where the script runs."""
        return package in self.shipping.page_globals(m)

    def _member_by_unread_alias(self, u: Use) -> bool:
        """A workspace package imported by name from a file whose tsconfig's `paths` are not all known
        (an `extends` of a config a script writes, gitignored: inherited_aliases.unread_local_config): the
        workspace's aliases usually map such a name to the package's source, which the importer then
        compiles in, and no declaration is asked."""
        return self.ws.member(u.package) is not None and unread_local_config(resolver_for(self.project), u.path)

    def _aliased_by_globbing_bundle(self, u: Use) -> bool:
        """A file another package's bundle takes in through `import.meta.glob` (a plugin's admin UI
        that the web app loads), whose bundler config aliases the imported name (`react` to the web
        app's own copy): that bundle resolves the import, the file's package installs nothing for it."""
        globbing = self._globbed_into(u.path)
        if not globbing:
            return False
        resolver = resolver_for(self.project)
        return any(alias_matches(p, u.imp.specifier) for g in globbing
                   for p in resolver.framework_config(os.path.dirname(g)).aliases)

    def _globbed_into(self, path: str) -> tuple[str, ...]:
        """The files of other packages whose `import.meta.glob` names the file, or a file of its package
        that imports it (up to _GLOB_DEPTH files between): asked per file (once), and only where some
        file of another package globs at all (each package's own files are scanned, not the workspace's)."""
        memo = _GLOBBED(self.project)
        found = memo.get(path)
        if found is not None:
            return found
        own = self.ws.package_root(path)
        outside = [g for g in self._globbing_files() if self.ws.package_root(g) != own]
        resolver = resolver_for(self.project)
        seen, level, hits = {path}, [path] if outside else [], []
        for depth in range(_GLOB_DEPTH):  # the file, or a file of its package that imports it
            hits += [g for p in level for g in outside if names_by_glob(self.project, g, p)]
            level = [i for p in level for i in self._importers_within(p, own, resolver)
                     if i not in seen and not seen.add(i)] if depth + 1 < _GLOB_DEPTH else []
        found = memo[path] = tuple(dict.fromkeys(hits))
        return found

    def _importers_within(self, path: str, own: str, resolver: Resolver) -> tuple[str, ...]:
        """The files of the package at `own` that may import the file (once per file: chains share files)."""
        memo = _IMPORTERS_WITHIN(self.project)
        found = memo.get(path)
        if found is None:
            found = memo[path] = tuple(importers(self.project, path, file_names(path), resolver, within=own))
        return found

    def _globbing_files(self) -> list[str]:
        """The workspace's files that hold an `import.meta.glob` pattern, found once a run."""
        if self._globbing is None:
            sources = [f for root in dict.fromkeys([self.ws.root, *self.ws.member_dirs])
                       for f in self.project.package_sources(root)]
            self._globbing = [f for f in sources if self.project.mentions(f, GLOB_WORD)]
        return self._globbing

    def _installed_globally(self, u: Use) -> bool:
        """A file an image copies in and runs with a package it installs globally there, `NODE_PATH`
        set (a Prisma config of a migrations image: `npm install -g prisma`): no manifest of the
        repository installs into that image (global_installs)."""
        return installed_globally_for(self.ws.images, self.ws.root, u.path, u.package) is not None

    def _installed_by_its_script(self, u: Use) -> bool:
        """A package a script of the importer's package installs right before running the file (`npm
        install --no-save --prefix scripts sharp && node scripts/icons.ts`): that run has it, and the
        authors keep it out of the manifest on purpose (script_installs)."""
        return installed_before_run(u.manifest, u.path, u.package)

    def _in_a_submodule(self, u: Use) -> bool:
        """A name the importer's tsconfig `baseUrl` reads from a folder `.gitmodules` declares
        (`gateway/auth` beside a `gateway` submodule): a path into the submodule's files, which an
        archive or an un-updated checkout lacks, not a package to install."""
        cfg = resolver_for(self.project).tsconfig_for(u.path)
        return cfg is not None and bool(cfg.base_url) and in_submodule(self.project, os.path.join(cfg.base_url, u.imp.specifier))
