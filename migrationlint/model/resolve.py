"""Specifier + importing file -> a source file, a package, a builtin, or unresolved (with what was tried).

It follows TypeScript's module resolution closely enough to know where an import lands without
node_modules and without building anything: relative paths (extensions, `/index`, ESM `.js` ->
`.ts`), the covering tsconfig's `paths` and `baseUrl`, configured aliases, workspace packages through
their `exports`/`types`/`main` with built output (`dist/...`) mapped back to source, the
package.json `imports` map (`#x`), and, for other packages, whether any manifest declares them, a
lockfile locks them or node_modules holds them. Results are cached per (directory, tsconfig,
specifier), since every file of a directory sees the same answer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from migrationlint.model import config_aliases, frameworks
from migrationlint.model import packages as pk
from migrationlint.model.config_aliases import FrameworkConfig
from migrationlint.model.tsconfig import TsConfig, TsConfigIndex
from migrationlint.model.package_index import PackageIndex
from migrationlint.model.workspace import DEP_SECTIONS, Workspace
from migrationlint.model.project import Memo
from migrationlint.model.base_url_paths import catch_all_meant, meant_under_base_url
from migrationlint.model.package_entries import PackageEntries, main_fields
from migrationlint.model.file_lookup import FileLookup
from migrationlint.model.nx_projects import nearest_project_json
from migrationlint.model.specifiers import (
    alias_matches,
    best_matches,
    candidates,
    condition_targets,
    file_candidates,
    first_file,
    index_candidates,
    is_ts_source,
    package_name,
    root_dir_twins,
)




# ----------------------------------------------------------------------------- results

ALIAS_SIGILS = ("@", "~", "#", "$")  # first characters of path-alias prefixes (`@/`, `~/`, `#lib`, `$lib`)


@dataclass(frozen=True)
class Resolution:
    """Where a specifier lands.

    kind: file | package | builtin | virtual | unresolved. origin says how: relative, rootDirs,
    alias (tsconfig `paths`, configured or config-file alias), baseUrl, imports (`#x`), workspace
    (a member package or the importer's own package), declared, locked, installed, framework (a
    virtual module, or an alias whose target a config file computes); for unresolved, which route
    failed (relative, alias, baseUrl, imports, package). `tried` lists every path checked; `bases`
    the paths before extensions were added (for messages and the generated-file check).
    """

    kind: str
    origin: str
    path: str | None = None
    package: str | None = None
    tried: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    alias: str | None = None  # the paths key or alias prefix that matched

    @property
    def is_source(self) -> bool:
        return self.kind == "file" and is_ts_source(self.path)


class Resolver(PackageEntries):
    """One per project (see `resolver_for`): tsconfig index, package index and the result cache."""

    def __init__(self, workspace: Workspace, aliases: dict[str, str] | None = None) -> None:
        self.workspace = workspace
        self.root = workspace.root
        self.tsconfigs = TsConfigIndex(workspace.root, _member_dir(workspace))
        self.aliases = dict(aliases or {})
        self.hits = 0
        self.misses = 0
        self._cache: dict[tuple[str, str, str], Resolution] = {}
        self._entries: dict[tuple[str, str], str | None] = {}
        self._excluded: dict[tuple[str | None, str], bool] = {}  # (importer manifest, member): range excludes it
        self._stated: dict[str, dict[str, str]] = {}
        self._build_pairs: dict[str, list[tuple[str, str]]] = {}
        self._frameworks: dict[str, FrameworkConfig] = {}
        self._declared_by: dict[str, frozenset[str]] = {}
        self._project_jsons: dict[str, str | None] = {}  # folder -> its Nx project.json (nx_projects)
        self._framework_at: dict[str, FrameworkConfig] = {}  # folder -> framework_config's answer
        self.files = FileLookup()
        self._missing_elsewhere: set[str] = set()  # found missing by checks in another process

    def is_file(self, path: str) -> bool:
        """os.path.isfile, answered once per path while the resolver lives (its results are cached
        as long: a created or deleted file drops both); see FileLookup."""
        return self.files.is_file(path)

    def add_missing(self, paths: list[str]) -> None:
        """Paths a resolver in another process found missing (checks_apart.py): inputs of the run."""
        self._missing_elsewhere.update(paths)

    def _first_file(self, base: str) -> str | None:
        return first_file(base, self.is_file)

    # ------------------------------------------------------------------ entry point

    def resolve(self, importer: str, specifier: str) -> Resolution:
        cfg = self.tsconfigs.covering(importer)
        key = (os.path.dirname(importer), cfg.path if cfg else "", specifier)
        hit = self._cache.get(key)
        if hit is not None:
            self.hits += 1
            return hit
        self.misses += 1
        result = self._resolve(importer, cfg, specifier)
        self._cache[key] = result
        return result

    def tsconfig_for(self, importer: str) -> TsConfig | None:
        return self.tsconfigs.covering(importer)

    def alias_prefix_config(self, importer: str, spec: str) -> TsConfig | None:
        """The importer's tsconfig when a `paths` key shares the specifier's alias-looking first
        segment (`@acme/shared` beside `@acme/shared/text`), or a first segment that keys use as a
        namespace (`fm/web-types` beside `fm/web/types`): the name is in the workspace's own
        namespace, whatever no key matches it (IMP001's finding, never a package to install;
        asked only for a name no manifest, lockfile or node_modules knows). Not a scope npm's packages
        the workspace declares use (`@prisma/auth-client` keyed beside a declared `@prisma/client`:
        the key names one package, and `@prisma/adapter-pg` is another to install)."""
        first = spec.split("/", 1)[0]
        if first in self.workspace.npm_scopes:
            return None
        sigil = first.startswith(ALIAS_SIGILS)
        cfg = self.tsconfig_for(importer) if sigil or "/" in spec else None
        if cfg is not None and any(key != "*" and key.split("/", 1)[0] == first and (sigil or "/" in key)
                                   for key in cfg.paths):
            return cfg
        return self._root_alias_config(spec) if "/" in spec else None

    def _root_alias_config(self, spec: str) -> TsConfig | None:
        """The root's shared tsconfig (`tsconfig.base.json`, else `tsconfig.json`) when one of its `paths`
        keys maps `spec` itself: an alias of the workspace that the importer's own tsconfig does not
        reach (an `extends` one `../` off after a library moved), never an npm package."""
        for name in ("tsconfig.base.json", "tsconfig.json"):
            path = os.path.join(self.root, name)
            if os.path.isfile(path):
                cfg = self.tsconfigs.config(path)
                if any(key == spec or "*" in key and key != "*" and spec.startswith(key.split("*", 1)[0])
                       and spec.endswith(key.split("*", 1)[1]) for key in cfg.paths):  # not a catch-all `*`
                    return cfg
        return None

    def lib_check_skipped(self, path: str) -> bool:
        """Whether `path` is a declaration file whose tsconfig sets `skipLibCheck` (itself or
        through `extends`): tsc reports no error inside it, so what breaks there is silent."""
        if not path.endswith((".d.ts", ".d.mts", ".d.cts")):
            return False
        cfg = self.tsconfig_for(path)
        return cfg is not None and cfg.skip_lib_check is True

    def lib_check_maybe_skipped(self, path: str) -> bool:
        """`lib_check_skipped`, or a declaration file whose tsconfig says nothing of `skipLibCheck` but
        extends a config package that is not installed (`@epic-web/config/typescript`), which may set it:
        what breaks there may be silent, so nothing is claimed to break."""
        if self.lib_check_skipped(path):
            return True
        cfg = self.tsconfig_for(path) if path.endswith((".d.ts", ".d.mts", ".d.cts")) else None
        return cfg is not None and cfg.skip_lib_check is None and bool(cfg.unread_extends)

    def missing_paths(self) -> list[str]:
        """Every path a lookup of this resolver found not to be a file, those tried before a hit
        included (the run and reach caches check that they stay absent: cache/absent_paths.py)."""
        missing = set(self.files.absent()) | self._missing_elsewhere
        missing.update(p for r in self._cache.values() if r.kind == "unresolved" for p in r.tried)
        return sorted(missing)

    def _resolve(self, importer: str, cfg: TsConfig | None, spec: str) -> Resolution:
        directory = os.path.dirname(importer)
        if spec.startswith("/") and not spec.startswith("//"):  # not relative for TypeScript: `paths` first (`"/@/*"`)
            rooted: list[tuple[str, list[str], str | None]] = []
            framework = self.framework_config(directory)
            found = self._alias(cfg, spec, rooted, directory) or self._config_alias(framework, spec, []) \
                or self._vite_rooted(framework, spec)
            if found is not None and found.kind == "file":
                return found
            alias = next((m for m in rooted if m[0] == "alias"), None)
            if alias is not None and not self._first_file(spec):  # a `paths` pattern it matches names no file
                return _missed(spec, alias)
        if pk.is_relative(spec):
            base = os.path.normpath(os.path.join(directory, spec))
            return self._relative(cfg, base, folder=spec.endswith("/"))  # `./v5/`: the folder, not v5.ts
        if pk.is_builtin(spec):  # Node loads its built-in whatever `baseUrl`/`paths` say
            return Resolution("builtin", "builtin", package=package_name(spec))
        framework = self.framework_config(directory)
        if any(frameworks.is_virtual(f, spec) for f in framework.frameworks):
            return Resolution("virtual", "framework", package=package_name(spec))
        if spec.startswith("#"):  # tsconfig `paths` first (`"#/*": ["./*"]`), as TypeScript looks them up,
            found = self._alias(cfg, spec, [], directory)  # then a framework's (Nuxt `alias: { '#docs': ... }`)
            if found is None or found.kind != "file":
                found = self._config_alias(framework, spec, []) or found
            return found if found is not None and found.kind in ("file", "virtual") else self._subpath_import(directory, spec)
        misses: list[tuple[str, list[str], str | None]] = []
        found = self._alias(cfg, spec, misses, directory)
        if found is None:
            found = self._config_alias(framework, spec, misses)
        if found is not None:
            return found
        found = self._package(directory, spec, tuple(cfg.custom_conditions or ()) if cfg is not None else ())
        if found is not None:
            return found
        if misses:
            return _missed(spec, misses[0])
        return Resolution("unresolved", "package", package=package_name(spec))

    def _relative(self, cfg: TsConfig | None, base: str, folder: bool = False) -> Resolution:
        """A relative path, then the same path under the other `rootDirs` (TypeScript merges them
        into one folder: SvelteKit's `./$types` lives in `.svelte-kit/types/<same path>`). `folder`:
        written with a trailing slash, it names the folder alone."""
        result = self._file_or_unresolved([base], "relative", folder=folder)
        if result.kind != "file" and cfg is not None and cfg.module_suffixes and not folder:
            # `moduleSuffixes: [".ios", ".android", ""]`: `./driver` is `driver.ios.ts` (React Native)
            suffixed = self._file_or_unresolved([base + s for s in cfg.module_suffixes if s], "relative")
            result = suffixed if suffixed.kind == "file" else result
        if result.kind == "file" or cfg is None or not cfg.root_dirs:
            return result
        twins = root_dir_twins(cfg.root_dirs, base)
        found = self._file_or_unresolved(twins, "rootDirs")
        if found.kind == "file":
            return found
        if any(frameworks.generated_twin(t) for t in twins):
            return Resolution("virtual", "framework")  # written by the framework's sync step
        # a twin inside a generated folder is not evidence for any other name
        bases = [base] + [t for t in twins if not frameworks.in_generated_dir(t)]
        return Resolution("unresolved", "relative", tried=result.tried + found.tried, bases=tuple(bases))

    def from_output(self, importer: str, spec: str) -> str | None:
        """The file a relative `require()` finds when the code runs from the compiled output, as
        Node runs it: the importer moved from rootDir (else the tsconfig's folder) into outDir.
        tsc does not check `require()`, so a path written for `build/compiled/...` is right."""
        cfg = self.tsconfigs.covering(importer)
        if cfg is None or not cfg.out_dir or not pk.is_relative(spec):
            return None
        for source_root in dict.fromkeys([cfg.root_dir or cfg.dir, cfg.dir]):
            rel = os.path.relpath(importer, source_root)
            if rel.startswith(".."):
                continue
            moved = os.path.join(cfg.out_dir, rel)
            found = self._first_file(os.path.normpath(os.path.join(os.path.dirname(moved), spec)))
            if found is not None:
                return found
        return None

    def _file_or_unresolved(self, bases: list[str], origin: str, alias: str | None = None,
                            package: str | None = None, folder: bool = False) -> Resolution:
        tried: list[str] = []
        for base in bases:
            for c in () if folder else file_candidates(base):
                tried.append(c)
                if self.is_file(c):
                    return Resolution("file", origin, path=c, package=package, alias=alias)
            entry = self._folder_entry(base)
            if entry is not None:
                return Resolution("file", origin, path=entry, package=package, alias=alias)
            for c in index_candidates(base):
                tried.append(c)
                if self.is_file(c):
                    return Resolution("file", origin, path=c, package=package, alias=alias)
        return Resolution("unresolved", origin, tried=tuple(tried), bases=tuple(bases), alias=alias, package=package)

    def _folder_entry(self, folder: str) -> str | None:
        """The source of a folder imported by path (`from '../'`) whose package.json names its entry:
        tsc and Node read `types`/`typings`/`main` (not `exports`) before `index`, built output mapped back."""
        manifest_path = os.path.join(folder, "package.json")
        if not self.is_file(manifest_path):
            return None
        manifest = self.workspace.manifest(manifest_path)
        return self._first_source(manifest, [t for t in main_fields(manifest.data) if t])

    # ------------------------------------------------------------------ aliases and baseUrl

    def _alias(self, cfg: TsConfig | None, spec: str, misses: list, directory: str = "") -> Resolution | None:
        """tsconfig `paths`, then `baseUrl`, then configured aliases. A pattern that matches but
        names no file is remembered in `misses` (TypeScript then goes on to node_modules).

        A bare specifier naming a package the repository declares (or whose `@types/` package it declares:
        a runtime's module, `k6/http`) is not looked up under
        `baseUrl`: Node and bundlers load it from node_modules whatever a same-named folder next
        to the tsconfig holds (a front-end package with `baseUrl: "."` and a `vite/` folder beside it).
        A path into such a name is, when it names a file there (`prisma/lib/client` beside the
        Prisma CLI): TypeScript and tsconfig-paths look under `baseUrl` first, and a local file at
        that very path is what the code means."""
        if cfg is not None and cfg.paths and cfg.paths_base:
            for key, star in best_matches(list(cfg.paths), spec):
                bases = [os.path.normpath(os.path.join(cfg.paths_base, t.replace("*", star, 1)))
                         for t in cfg.paths[key]]
                result = self._file_or_unresolved(bases, "alias", alias=key)
                if result.kind == "file":
                    return result
                if key != "*" or catch_all_meant(self, cfg, spec, bases):
                    misses.append(("alias", bases, key))
                break  # TypeScript only tries the best matching pattern
        name = package_name(spec)
        declared = cfg is not None and cfg.base_url and self._installed_beside(cfg, directory, name)
        if cfg is not None and cfg.base_url and (not declared or spec != name):
            base = os.path.normpath(os.path.join(cfg.base_url, spec))
            path = self._first_file(base)
            if path is not None:
                return Resolution("file", "baseUrl", path=path)
            if not declared and meant_under_base_url(self, cfg.base_url, spec, base):
                misses.append(("baseUrl", [base], None))
        for prefix, target in self._alias_items():
            if alias_matches(prefix, spec):
                return self._through(os.path.join(self.root, target), prefix, spec, misses)
        return None

    def _installed_beside(self, cfg: TsConfig, directory: str, name: str) -> bool:
        """Whether the importer's install holds `name` (or its `@types/` package): its own package, the
        tsconfig's or the root declares it. What another workspace declares is no reason to skip `baseUrl`:
        the importer's own `src/config.ts` is what tsc and its bundler load for `config` there."""
        if not name:
            return False
        manifests = {self.workspace.nearest_manifest_path(directory), self.workspace.nearest_manifest_path(cfg.dir)}
        holders = [self._root_declared, *(self._declared(m) for m in manifests)]
        return any(name in held or pk.types_package(name) in held for held in holders)

    def _config_alias(self, framework: FrameworkConfig, spec: str, misses: list) -> Resolution | None:
        """An alias of the project's vite/svelte/nuxt config (config_aliases): its file, or trust
        when the config computes the target in a way not read statically."""
        for prefix in sorted(framework.aliases, key=len, reverse=True):
            if alias_matches(prefix, spec):
                target = framework.aliases[prefix]
                if target is None:
                    return Resolution("virtual", "framework", alias=prefix)
                return self._through(target, prefix, spec, misses)
        return None

    def _vite_rooted(self, framework: FrameworkConfig, spec: str) -> Resolution | None:
        """`/src/lib/x` in a project vite builds: vite resolves it against the project root."""
        if framework.vite_root is None:
            return None
        path = self._first_file(os.path.join(framework.vite_root, spec.lstrip("/")))
        return Resolution("file", "alias", path=path, alias="/") if path is not None else None

    def _through(self, target: str, prefix: str, spec: str, misses: list) -> Resolution | None:
        rest = spec[len(prefix.rstrip("*")):].lstrip("/")
        base = os.path.normpath(os.path.join(target.rstrip("*"), rest))
        result = self._file_or_unresolved([base], "alias", alias=prefix)
        if result.kind == "file":
            return result
        misses.append(("alias", [base], prefix))
        return None

    def framework_config(self, directory: str) -> FrameworkConfig:
        """The vite/svelte/nuxt/bundler configuration of the package holding `directory`, with that of
        the Nx project holding it (a project.json folder without a package.json: an app's own
        `vite.config.ts` or federation `remotes`) over it. Read once per folder."""
        known = self._framework_at.get(directory)
        if known is not None:
            return known
        manifest_path = self.workspace.nearest_manifest_path(directory)
        pkg_dir = os.path.dirname(manifest_path) if manifest_path else self.root
        package = self._package_config(pkg_dir, manifest_path)
        project = nearest_project_json(directory, pkg_dir, self.is_file, self._project_jsons)
        project_dir = os.path.dirname(project) if project else pkg_dir
        found = package if project_dir == pkg_dir else self._frameworks.get(project_dir)
        if found is None:
            own = config_aliases.read_project(project_dir, self._declared(manifest_path))
            found = self._frameworks[project_dir] = FrameworkConfig(
                project_dir, {**package.aliases, **own.aliases}, package.frameworks | own.frameworks,
                own.vite_root or package.vite_root)
        self._framework_at[directory] = found
        return found

    def _package_config(self, pkg_dir: str, manifest_path: str | None) -> FrameworkConfig:
        found = self._frameworks.get(pkg_dir)
        if found is None:
            package_jest = self.workspace.manifest(manifest_path).data.get("jest") if manifest_path else None
            found = self._frameworks[pkg_dir] = config_aliases.read_project(
                pkg_dir, self._declared(manifest_path), package_jest, self._root_declared)
        return found

    @cached_property
    def _root_declared(self) -> frozenset[str]:
        """What the workspace root's manifest declares: its install gives every member these."""
        root = self.workspace.root_manifest
        return frozenset(p for section in DEP_SECTIONS for p in root.section(section)) if root is not None else frozenset()

    def _declared(self, manifest_path: str | None) -> frozenset[str]:
        """The packages the manifest declares, and its own name (a test config mapping it to source is a substitute)."""
        if not manifest_path:
            return frozenset()
        found = self._declared_by.get(manifest_path)
        if found is None:
            m = self.workspace.manifest(manifest_path)
            found = self._declared_by[manifest_path] = frozenset(
                [*(p for section in DEP_SECTIONS for p in m.section(section)), *([m.name] if m.name else [])])
        return found

    def _alias_items(self) -> list[tuple[str, str]]:
        return sorted(self.aliases.items(), key=lambda kv: -len(kv[0]))

    # ------------------------------------------------------------------ packages

    def _package(self, directory: str, spec: str, conditions: tuple[str, ...] = ()) -> Resolution | None:
        name = package_name(spec)
        sub = "." + spec[len(name):] if len(spec) > len(name) else "."
        manifest = self._own_manifest(directory, name) or self._linked_member(directory, name)
        if manifest is not None:
            path = self.package_entry(manifest, sub, conditions)
            if path is not None:
                return Resolution("file", "workspace", path=path, package=name)
            return Resolution("package", "workspace", package=name)
        origin = self.packages.known(name, directory)
        if origin is not None:
            return Resolution("package", origin, package=name)
        return None

    # ------------------------------------------------------------------ package.json imports

    def _subpath_import(self, directory: str, spec: str) -> Resolution:
        path = self.workspace.nearest_manifest_path(directory)
        manifest = self.workspace.manifest(path) if path else None
        imports = manifest.data.get("imports") if manifest else None
        if manifest is None or not isinstance(imports, dict):
            return Resolution("unresolved", "imports", bases=(spec,))
        bases: list[str] = []
        for key, star in best_matches([k for k in imports if k.startswith("#")], spec):
            for target in condition_targets(imports[key]):
                target = target.replace("*", star)
                if target.startswith("./"):
                    full = os.path.normpath(os.path.join(manifest.dir, target))
                    bases.append(full)
                    source = self.to_source(manifest.dir, full)
                    if source is not None:
                        return Resolution("file", "imports", path=source, alias=key)
                elif not target.startswith((".", "/")):
                    found = self._package(directory, target)
                    if found is not None:
                        return found
            return Resolution("unresolved", "imports", bases=tuple(bases), alias=key,
                              tried=tuple(c for b in bases for c in candidates(b)))
        return Resolution("unresolved", "imports", bases=(spec,))

    @cached_property
    def packages(self) -> PackageIndex:
        return PackageIndex(self.workspace)


# ----------------------------------------------------------------------------- project API

def _missed(spec: str, miss: tuple[str, list[str], str | None]) -> Resolution:
    """The unresolved answer for a route that matched the specifier and named no file (an alias
    pattern, `baseUrl`): (origin, the paths it tried, the alias)."""
    origin, bases, alias = miss
    return Resolution("unresolved", origin, package=package_name(spec), tried=tuple(c for b in bases for c in candidates(b)),
                      bases=tuple(bases), alias=alias)


def resolver_for(project) -> Resolver:
    """The project's Resolver, created on first use and shared by every check of the run."""
    return RESOLVER(project)


RESOLVER: Memo[Resolver] = Memo("resolver", lambda project: Resolver(project.workspace, project.settings.aliases),
                                disk_only=True)
def _member_dir(workspace: Workspace) -> Callable[[str], str | None]:
    """A workspace package's folder by its name, for tsconfig `extends` without node_modules."""
    def member_dir(name: str) -> str | None:
        member = workspace.member(name)
        return member.dir if member is not None else None
    return member_dir
