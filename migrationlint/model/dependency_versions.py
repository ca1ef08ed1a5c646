"""Which version a DEP fix adds, and the install command a message suggests: the catalog, the
workspace's own pin, the lockfile, the version most of the workspace declares (the fix policy's
ladder), and for peers the range the installed package asks for.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cached_property

from migrationlint.model.project import Project
from migrationlint.settings import Settings
from migrationlint.diagnostics import Applicability, Edit, Fix
from migrationlint.model.lockfile_record import Lockfile, version_key
from migrationlint.model.lockfiles import project_lockfile
from migrationlint.model.semver_ranges import satisfies
from migrationlint.model.peer_install import read_npmrc, read_pnpm_settings, read_yarnrc
from migrationlint.model import packages as pk
from migrationlint.model import fix_policy as policy
from migrationlint.model import runtime_packages as rt
from migrationlint.model.workspace import DEP_SECTIONS, Manifest, Workspace, parse_version
from migrationlint.model.workspace_definition import declares_workspaces


PINNED_AT_LEAST = 10  # declared versions, all exact, that make a repository's convention "pin exactly"
_SEMVER = re.compile(r"^[\^~]?\d+\.\d+\.\d+(?:[-+][\w.-]*)?$")

# how a lockfile's version is said when the lockfile holds other majors too: the fix needs review
SEVERAL_MAJORS = "check which major this package runs with"


def _npm_override(m: Manifest, package: str) -> str | None:
    """The version `m`'s npm `overrides` sets for `package` (`"mongodb": "7.4.0"`): npm refuses a direct
    dependency whose spec differs from its override, so a declaration must repeat it. None when
    there is none, or when it is a reference (`"$mongodb"`) or nested overrides (an object)."""
    overrides = m.data.get("overrides")
    spec = overrides.get(package) if isinstance(overrides, dict) else None
    return spec if isinstance(spec, str) and spec and not spec.startswith("$") and usable_range(spec) else None


def usable_range(rng: str) -> bool:
    """A range worth copying: not `*`, `latest`, a tag, or a local path/link protocol."""
    rng = rng.strip()
    if rng.startswith(("workspace:", "link:", "file:", "catalog:", "portal:")):
        return False
    return any(ch.isdigit() for ch in rng)



def _pins_exactly(manifests: list[Manifest], exceptions: float) -> bool:
    """Whether the manifests declare at least PINNED_AT_LEAST versions, all exactly but for the
    share `exceptions` allows."""
    versions = [r for m in manifests for section in DEP_SECTIONS if section != "peerDependencies"
                for r in m.section(section).values() if isinstance(r, str) and _SEMVER.match(r)]
    ranged = sum(1 for r in versions if r[0] in "^~")
    return len(versions) >= PINNED_AT_LEAST and ranged <= exceptions * len(versions)

class VersionChoice:
    """Mixin of DependencyModel: versions and fixes (needs `ws`, `project`, `settings`, `_root_install`)."""

    ws: Workspace
    project: Project
    settings: Settings
    _own_locks: dict[str, object]

    @cached_property
    def save_prefix(self) -> str:
        """What the package manager writes before a version it saves: the root's `.npmrc`
        (`save-prefix`, `save-exact=true`: ""), which npm and pnpm read, or `.yarnrc.yml`'s
        `defaultSemverRangePrefix` (yarn berry); `^` by default, and "" where every version the
        manifests declare is pinned exactly (renovate's pinning). A repository that pins exact
        versions gets an exact version from a fix that reads one off the lockfile."""
        configured = self._configured_prefix
        if configured is not None:
            return configured
        manifests = [*self.ws.member_manifests, *([self.ws.root_manifest] if self.ws.root_manifest else [])]
        return "" if _pins_exactly(manifests, exceptions=0) else "^"

    def prefix_for(self, m: Manifest) -> str:
        """`save_prefix`, or "" for a manifest that pins its own versions exactly but for one in twenty
        (`"@tiptap/core": "3.29.2"` beside 77 other pins), unless a setting names the prefix: the fix
        follows the manifest it edits."""
        if self._configured_prefix is None and self.save_prefix and _pins_exactly([m], exceptions=0.05):
            return ""
        return self.save_prefix

    @cached_property
    def _configured_prefix(self) -> str | None:
        npmrc = read_npmrc(self.ws.root)
        if npmrc.get("save-exact", "").lower() == "true":
            return ""
        prefix = npmrc.get("save-prefix")
        if prefix is None:
            prefix = read_yarnrc(self.ws.root).get("defaultSemverRangePrefix")
        if prefix is None:
            return None
        return prefix if prefix in ("", "^", "~") else "^"

    def version(self, package: str, m: Manifest) -> tuple[str, str] | None:
        """(range, where it comes from) for declaring `package` in `m`: the spec of its npm override,
        the version its own nested project's lockfile pins, the catalog or the workspace protocol (in
        the workspace's members and root only), the range most used by siblings, the root, the
        lockfile, node_modules."""
        overridden = _npm_override(m, package) if self._root_install(m)[2] == "npm" else None  # yarn and pnpm ignore it
        if overridden is not None:
            return overridden, "the spec of its npm override, which npm requires of a direct dependency: EOVERRIDE otherwise"
        siblings = [(r, s) for r, s in self.ws.sibling_ranges(package, exclude=m.path)]
        own = self._own_project_pin(package, m)
        if own is not None:  # a project nested with a lockfile of its own: no catalog, no workspace protocol
            return own
        if self.root_of(m).dir == self.ws.root and (m.dir == self.ws.root or not self.ws.has_workspace_definition
                                                    or m.dir in self.ws.member_dirs):
            workspace_spec = self._workspace_spec(package, siblings)
            if workspace_spec is not None:
                return workspace_spec
        usable = [(r, s) for r, s in siblings if usable_range(r)]
        if usable:
            return self._unless_it_runs_another(package, m, self._most_used(usable))
        root = self.root_of(m)
        if root is not m:
            rng = root.range_of(package)
            if rng and usable_range(rng):
                return self._unless_it_runs_another(package, m, (rng, f"as in {self.root_label(root)}"))
        for lock, importer in self._lockfiles_for(m):
            found = self._pinned_by(lock, importer, package, m)
            if found is not None:
                return found
        installed = self.ws.installed(package, m.dir)
        if installed is not None and installed[0][:1].isdigit():
            return f"{self.prefix_for(m)}{installed[0]}", f"node_modules has {installed[0]}"
        return None

    def _workspace_spec(self, package: str, siblings: list) -> tuple[str, str] | None:
        """A catalog reference, or the workspace package's spec: what only a member of the workspace
        may write (`catalog:`, `workspace:*` fail in a project nested with an install of its own)."""
        catalogs = self.ws.catalogs
        catalog_refs = [(r, s) for r, s in siblings if r.startswith("catalog:")]
        if catalog_refs:
            return self._most_used(catalog_refs)
        if package in catalogs.get("default", {}):
            return "catalog:", "from the default catalog of pnpm-workspace.yaml"
        for name in sorted(catalogs):
            if package in catalogs[name]:
                return f"catalog:{name}", f"from the catalog {name!r} of pnpm-workspace.yaml"
        member = self.ws.member(package)
        return self._member_version(package, member, siblings) if member is not None else None

    def _unless_it_runs_another(self, package: str, m: Manifest, declared: tuple[str, str]) -> tuple[str, str]:
        """`declared` (a range another manifest declares), unless the lockfile says `m`'s files load
        a version outside it today: then that version, since declaring the other range would move
        the package to another version on the next install (npm nests the newer major under the
        package's own folder when a sibling holds the older one at the root)."""
        for lock, importer in self._lockfiles_for(m):
            v = lock.reached(package, importer)
            if v is None:
                continue
            if satisfies(v, declared[0]) is not False or not v[:1].isdigit():
                return declared
            where = self._lock_label(lock, m)
            whose = "the root" if importer == "." else importer
            return f"{self.prefix_for(m)}{v}", f"{where} resolves {v} for {whose} today, outside {declared[0]} {declared[1]}"
        return declared

    def _pinned_by(self, lock: Lockfile, importer: str, package: str, m: Manifest) -> tuple[str, str] | None:
        """The range `lock` pins `package` to for `importer`. When it holds the package in several
        majors and the importer resolves none of them, the highest, said to need review (express 4
        for the framework adapter, 5 for another library: the highest may not be what the
        importer runs with; `_add_or_command` makes such a fix unsafe)."""
        v = lock.resolved(package, importer)
        if not v or not v[:1].isdigit():
            return None
        where = self._lock_label(lock, m)
        if lock.majors_apart(package, importer):
            # nothing resolves it for the importer (nor the root): "resolves" would claim what no one runs
            preferred = lock.preferred(package, importer)  # the typed package's major, else the hoisted one as a rule
            v, which = preferred if preferred is not None else (v, "the highest")
            others = ", ".join(sorted((o for o in lock.versions[package] if o != v), key=version_key))
            return f"{self.prefix_for(m)}{v}", f"{where} holds {v}, {which}, and {others}: {SEVERAL_MAJORS}"
        real = lock.aliases.get(package)
        if real is not None:  # a plain range would fetch the registry's package of the alias's name
            return f"npm:{real}@{self.prefix_for(m)}{v}", f"{where} installs {real} {v} under this name"
        return f"{self.prefix_for(m)}{v}", f"{where} resolves {v}"

    def _own_project_pin(self, package: str, m: Manifest) -> tuple[str, str] | None:
        """The version the lockfile of `m`'s own project pins, when that project is nested in the
        repository with a lockfile of its own: it decides what the project installs, before the
        ranges of manifests of other projects (a tool folder that declares the next major)."""
        root = self.root_of(m)
        if root.dir == self.ws.root:
            return None
        own = self._own_lock(root.dir)
        if own is None:
            return None
        return self._pinned_by(own, importer_key(m, root), package, m)

    def _lockfiles_for(self, m: Manifest) -> list[tuple]:
        """The lockfiles that pin versions for `m`: its own (a nested project with a lockfile of
        its own, such as a docs site) first, then the workspace root's."""
        found = []
        root = self.root_of(m)
        if root.dir != self.ws.root:
            own = self._own_lock(root.dir)
            if own is not None:
                found.append((own, os.path.relpath(m.dir, root.dir).replace(os.sep, "/")))
        if self.ws.lockfile is not None:
            found.append((self.ws.lockfile, self.ws.rel_dir(m)))
        return found

    def _lock_label(self, lock: Lockfile, m: Manifest) -> str:
        """How a message names a lockfile: a nested project's by its path, the root's by its name, and
        the root's seen from a project with a lockfile of its own as another project's (its version
        is a hint there, not what that project installs)."""
        if lock is not self.ws.lockfile:
            return self.project.rel(lock.path)
        root = self.root_of(m)
        if root.dir != self.ws.root and self._own_lock(root.dir) is not None:
            return f"the repository root's {lock.name}, another project's install,"
        return lock.name

    def _own_lock(self, directory: str) -> Lockfile | None:
        """The lockfile of a nested project rooted at `directory`, found and read once per folder
        (every package a message weighs asks: thousands of times on a large repository)."""
        if directory not in self._own_locks:
            field = self.ws.manifest(os.path.join(directory, "package.json")).data.get("packageManager")
            path = project_lockfile(directory, field, self.ws.package_manager)
            self._own_locks[directory] = self.ws.read_lockfile(path) if path is not None else None
        return self._own_locks[directory]

    def _member_version(self, package: str, member: Manifest, siblings: list) -> tuple[str, str] | None:
        protocol = [(r, s) for r, s in siblings if r.startswith("workspace:")]
        if protocol:
            return self._most_used(protocol)
        by_version = [(r, s) for r, s in siblings if usable_range(r)]
        if by_version:
            return self._most_used(by_version)
        any_version = [(r, s) for r, s in siblings if r.strip() == "*"]
        if any_version:
            return self._most_used(any_version)
        where = self.project.rel(member.dir)
        if self._sibling_convention == "*":
            return "*", f"the workspace package in {where}; the repository's packages refer to one another with \"*\""
        if self.ws.uses_workspace_protocol or self.ws.package_manager == "pnpm":
            return "workspace:*", f"the workspace package in {where}"
        version = member.data.get("version")
        if isinstance(version, str) and version[:1].isdigit():
            if self._sibling_convention == "exact":
                return version, f"the version of the workspace package in {where} (the repository pins its packages)"
            return f"{self.save_prefix}{version}", f"the version of the workspace package in {where}"
        if version is None and self.ws.package_manager == "npm":  # npm takes "*" for any member, versioned or not
            return "*", f"the workspace package in {where}, which has no version; npm links it for \"*\""
        return None

    @cached_property
    def _sibling_convention(self) -> str | None:
        """How most references between workspace packages are written: "exact" (`"3.5.4"`), "*"
        (any version: the workspace's own), or None (ranges, protocols, a mix). Read once per run."""
        ranges = [r.strip() for m in self.ws.member_manifests for s in DEP_SECTIONS
                  for name, r in m.section(s).items() if self.ws.member(name) is not None]
        for convention, count in (("exact", sum(1 for r in ranges if r[:1].isdigit())),
                                  ("*", sum(1 for r in ranges if r == "*"))):
            if ranges and count * 2 > len(ranges):
                return convention
        return None

    def _most_used(self, pairs: list[tuple[str, Manifest]]) -> tuple[str, str]:
        pairs = list({(r, s.path): (r, s) for r, s in pairs}.values())  # a manifest counts once
        counts = Counter(r for r, _ in pairs)
        best = max(counts, key=lambda r: (counts[r], version_key(r.lstrip("^~>=<v ")), r))
        sources = sorted(self._rel(s) for r, s in pairs if r == best)
        shown = ", ".join(sources[:3]) + (f" and {len(sources) - 3} more" if len(sources) > 3 else "")
        return best, f"as in {shown}"

    def command(self, m: Manifest, package: str, section: str) -> str:
        """The package-manager command that declares `package` in `m` (no version known here). In a
        project nested with a lockfile of its own, its own package manager, run in its folder."""
        project = self.root_of(m)
        if self.ws.definition == "rush.json" and self._own_lock(project.dir) is None:
            flag = {"devDependencies": " --dev", "peerDependencies": " --peer"}.get(section, "")
            return f"cd {self.project.rel(m.dir)} && rush add -p {package}{flag}"  # Rush edits it, then installs
        if project.dir == self.ws.root:
            manager = self.ws.package_manager
            folder = self.project.rel(m.dir)
            if self.ws.definition == "lerna.json" and not self.is_root(m):  # no workspace the manager knows
                return f"cd {folder} && {_add_command(manager, False, True, folder, package, section)}"
            if not self.is_root(m) and (not self.ws.definition or m.dir not in self.ws.member_dirs):
                # a package the workspace's globs leave out (`!examples/deno`, a site outside them), or a
                # package in a repository with no workspace at all: no `--filter` or `workspace` command
                # finds it, a command run at the root adds to the root's manifest; one in its folder does
                alone = bool(self.ws.definition)
                return f"cd {folder} && {_add_command(manager, False, True, folder, package, section, alone=alone)}"
            command = _add_command(manager, bool(self.ws.definition), self.is_root(m), _target(manager, m, folder),
                                   package, section)
            classic = self.ws.lockfile is not None and self.ws.lockfile.kind == "yarn-classic"
            # yarn 1 refuses an add at a workspace root without `-W` (yarn 2+ has no such flag)
            return command + " -W" if manager == "yarn" and classic and self.ws.definition and self.is_root(m) else command
        own = self._own_lock(project.dir)
        manager = own.manager if own is not None else self.ws.package_manager
        definition = declares_workspaces(project.data) or os.path.isfile(os.path.join(project.dir, "pnpm-workspace.yaml"))
        target = _target(manager, m, importer_key(m, project))
        command = _add_command(manager, definition, self.is_root(m), target, package, section)
        return f"cd {self.project.rel(project.dir)} && {command}"

    def _add_or_command(self, message: str, m: Manifest, section: str, package: str,
                        why: str = "") -> tuple[str, Fix | None]:
        """The message's remedy: a safe add with a version every peer range accepts, else the
        package-manager command (and why no version was safe); for a private workspace package
        wanted by a package no workspace glob matches, neither: nothing installs it there."""
        if (outside := self._joining_needed(m, package)) is not None:
            return message + outside, None
        ranges = self.peer_ranges(package, m)
        ladder = self.version(package, m)
        chosen = ladder if not ranges else policy.choose(self._candidates(package, m, ladder), ranges,
                                                         lambda spec: self._catalog_range(package, spec))
        if chosen is None:
            if ranges and ladder is not None:
                message += "; " + policy.no_version_reason(package, ranges)
            return message + f"; run `{self.command(m, package, section)}`", None
        version, source = chosen
        ahead = self._types_ahead(package, m, version)
        if ahead is not None:  # types of a later major than the library they describe: no version to offer
            library, runs = ahead
            return message + (f"; {library} {runs} runs here, and {package} {version.lstrip('^~')} ({source}) is for "
                              f"a later major: run `{self.command(m, f'{package}@{_major(runs)}', section)}`"), None
        because = f"; {why}" if why else ""
        if self._strict_catalogs(m) and not version.startswith("catalog:") \
                and not any(package in entries for entries in self.ws.catalogs.values()):
            # pnpm refuses any spec but `catalog:` there: the catalog needs the entry first, a YAML edit
            return message + (f'; add "{package}": "{version}" to the catalog of pnpm-workspace.yaml, whose '
                              f'`catalogMode: strict` refuses any other spec, and "{package}": "catalog:" to '
                              f"{section} ({source}{because})"), None
        message += f'; add "{package}": "{version}" to {section} ({source}{because})'
        safety = Applicability.UNSAFE if source.endswith(SEVERAL_MAJORS) else Applicability.SAFE
        return message, self._add_fix(m, section, package, version, safety)

    def _types_ahead(self, package: str, m: Manifest, version: str) -> tuple[str, str] | None:
        """(library, the version `m` loads) when `version` of an `@types/...` package is of a later
        major than that library's (`@types/express` 5 while express 4 runs): DefinitelyTyped numbers
        its releases after the library's and never ahead of it, so these types describe another API.
        Types a major behind may simply lag (supertest 7 beside `@types/supertest` 6): not asked."""
        library = pk.untyped_name(package) if package.startswith("@types/") and package != "@types/node" else None
        types_major = _major(version)
        for lock, importer in self._lockfiles_for(m) if library and types_major is not None else ():
            runs = lock.reached(library, importer)
            if runs is not None:
                major = _major(runs)
                return (library, runs) if major is not None and major < types_major else None
        return None

    def _joining_needed(self, m: Manifest, package: str) -> str | None:
        """The advice when `package` is a private package of this repository that `m` cannot declare
        as the workspace's members do: no registry serves it (installing the name fetches another
        package, or fails), so no install command fits. For `m` in the workspace's tree that no member
        glob matches, making it a member; for a project of its own (its own lockfile) or a private
        package no workspace lists, a declaration by path."""
        local = self._private_packages.get(package)
        if local is None or local.path == m.path or m.dir == self.ws.root \
                or m.dir in self.ws.member_dirs and self.ws.member(package) is local:
            return None
        folder = self.project.rel(m.dir)
        if self.ws.member(package) is local and self.ws.definition and self.root_of(m).dir == self.ws.root:
            return (f"; {package} is a private workspace package ({self._rel(local)}) and {folder} is no workspace "
                    "member (no glob of the workspace definition matches it): its files find the package only through "
                    f"the link the root's install makes, which an install of {folder} alone lacks, and no registry "
                    f'serves it: make the folder a workspace member, then declare "{package}" as the members do')
        path = os.path.relpath(local.dir, m.dir).replace(os.sep, "/")
        return (f"; {package} is a private package of this repository ({self._rel(local)}), which no registry serves "
                f"(installing the name fetches another package, or fails): its files find it only through a link or a "
                f'copy; declare it by path, "{package}": "file:{path}", so that an install of {folder} gives it')

    @cached_property
    def _private_packages(self) -> dict[str, Manifest]:
        """The repository's packages no registry takes (Manifest.unpublishable), by name: the workspace's
        members, and any other package.json of the tree (a library kept apart, linked by a script)."""
        found: dict[str, Manifest] = {}
        for directory in sorted(self.ws.manifest_dirs):
            manifest = self.ws.manifest(os.path.join(directory, "package.json"))
            if not manifest.error and manifest.name and manifest.unpublishable and directory != self.ws.root:
                found.setdefault(manifest.name, manifest)
        for name in self.ws.members:
            member = self.ws.member(name)
            if member is not None and member.unpublishable:
                found[name] = member
        return found

    def _strict_catalogs(self, m: Manifest) -> bool:
        """Whether `m` is a package of the pnpm workspace at the root whose pnpm-workspace.yaml sets
        `catalogMode: strict` (pnpm 10.12+: `pnpm add` takes only catalog entries)."""
        return self._catalog_mode == "strict" and self.root_of(m).dir == self.ws.root

    @cached_property
    def _catalog_mode(self) -> object:
        """pnpm-workspace.yaml's `catalogMode` at the root, read once per run (asked per finding)."""
        return read_pnpm_settings(self.ws.root).get("catalogMode")

    def _catalog_range(self, package: str, spec: str) -> str:
        """The range a `catalog:` / `catalog:<name>` spec gives `package` (pnpm-workspace.yaml), else `spec`."""
        if not spec.startswith("catalog:"):
            return spec
        return self.ws.catalogs.get(spec[len("catalog:"):] or "default", {}).get(package, spec)

    def peer_ranges(self, package: str, m: Manifest) -> list[policy.PeerRange]:
        """The peer ranges that the packages `m` declares place on `package` (lockfile entries at
        the version resolved for `m`, workspace members, node_modules)."""
        out = []
        for dep in sorted({d for s in DEP_SECTIONS for d in m.section(s)}):
            member = self.ws.member(dep)
            if member is not None:  # a peer it also lists in `dependencies` resolves from its own install
                rng = member.section("peerDependencies").get(package) if package not in member.section("dependencies") \
                    else None
                version = member.data.get("version", "")
            else:
                version, rng = self._locked_peer_range(dep, package, m)
            if rng and not rng.startswith("workspace:"):  # `workspace:*` names the member, whatever its version
                out.append(policy.PeerRange(rng, f"{dep}@{version}" if version else dep))
        return out

    def _locked_peer_range(self, dep: str, package: str, m: Manifest) -> tuple[str, str | None]:
        for lock, importer in self._lockfiles_for(m):
            version = lock.resolved(dep, importer)
            ranges = lock.peer_ranges.get((dep, version or ""))
            if ranges is not None or (version and (dep, version) in lock.peers):
                if lock.peers.get((dep, version or ""), {}).get(package) is True:
                    return version or "", None  # an optional peer: the install may hold any version, or none
                return version or "", (ranges or {}).get(package)
        installed = self.ws.installed(dep, m.dir)
        if installed is not None and installed[1] and package in installed[1]:
            path = os.path.join(m.dir, "node_modules", *dep.split("/"), "package.json")
            data = self.ws.manifest(path).data if os.path.isfile(path) else {}
            peers = data.get("peerDependencies") if isinstance(data.get("peerDependencies"), dict) else {}
            return installed[0], peers.get(package)
        locked = next((v for lock, importer in self._lockfiles_for(m) if (v := lock.resolved(dep, importer))), None)
        version = locked or rt.lowest_version(m.range_of(dep))
        return locked or "", rt.known_peer_range(dep, version, package)  # a lockfile that records no peers (yarn 1)

    def _candidates(self, package: str, m: Manifest, ladder: tuple[str, str] | None) -> list[tuple[str, str]]:
        """Versions worth trying when peer ranges constrain `package`: the ladder's, then the one the
        lockfile resolves for this importer, the siblings' other ranges, every locked version."""
        out: list[tuple[str, str]] = [ladder] if ladder is not None else []
        for lock, importer in self._lockfiles_for(m):
            v = lock.importer_peers.get(importer, {}).get(package) or lock.importers.get(importer, {}).get(package)
            if v:
                out.append((f"{self.prefix_for(m)}{v}", f"{self._lock_label(lock, m)} resolves {v} for {self._rel(m)}"))
        out += [(r, f"as in {self._rel(s)}") for r, s in self.ws.sibling_ranges(package, exclude=m.path) if usable_range(r)]
        for lock, _ in self._lockfiles_for(m):
            label = self._lock_label(lock, m)
            out += [(f"{self.prefix_for(m)}{v}", f"{label} holds {v}")
                    for v in sorted(lock.versions.get(package, []), key=version_key, reverse=True)]
        return out

    def _add_fix(self, m: Manifest, section: str, package: str, version: str, applicability: Applicability) -> Fix:
        edit = Edit(m.path, 0, 0, "", json_edit=("add", section, package, version))
        return Fix(applicability, (edit,), f'Add "{package}": "{version}" to {section} of {self._rel(m)}')



def importer_key(m: Manifest, root: Manifest) -> str:
    """`m`'s folder as the lockfile of `root`'s project names its importers (posix, "." for the root)."""
    return os.path.relpath(m.dir, root.dir).replace(os.sep, "/")


def _target(manager: str, m: Manifest, folder: str) -> str:
    """How `manager`'s command names the member `m` whose folder is `folder`: by its name, or
    `./folder` when it has none; bun, which has no such option, always by its folder."""
    return "./" + folder if manager == "bun" or not m.name else m.name


# the flag each manager's add command takes for a section other than `dependencies`
_SECTION_FLAGS = {
    "pnpm": {"devDependencies": " -D", "peerDependencies": " --save-peer"},
    "yarn": {"devDependencies": " -D", "peerDependencies": " --peer"},
    "bun": {"devDependencies": " -d", "peerDependencies": " --peer"},
    "npm": {"devDependencies": " --save-dev", "peerDependencies": " --save-peer"},
}


def _add_command(manager: str, definition: bool, root: bool, target: str, package: str, section: str,
                 alone: bool = False) -> str:
    """`manager`'s command adding `package` to `section` of the project's root manifest (`root`) or
    of its member `target` (a name or `./folder`); `definition`: the project has a workspace
    definition; `alone`: run in a package's folder inside a workspace that does not list it (pnpm
    then needs `--ignore-workspace`, or it installs the workspace)."""
    flag = _SECTION_FLAGS.get(manager, _SECTION_FLAGS["npm"]).get(section, "")
    if manager == "pnpm":
        return f"pnpm add{flag} -w {package}" if root and definition else \
            (f"pnpm add{' --ignore-workspace' if alone else ''}{flag} {package}" if root
             else f"pnpm --filter {target} add{flag} {package}")
    if manager == "yarn":
        return f"yarn add{flag} {package}" if root else f"yarn workspace {target} add{flag} {package}"
    if manager == "bun":  # bun adds to the manifest of the folder it runs in
        return f"bun add{flag} {package}" if root else f"cd {target.removeprefix('./')} && bun add{flag} {package}"
    return f"npm install{flag} {package}" if root or not definition else \
        f"npm install{flag} {package} -w {target.removeprefix('./')}"


def _major(version: str) -> int | None:
    """The major of a version or a range (`^5.0.6` -> 5), None for tags and protocols."""
    found = parse_version(version)
    return found[0] if found else None
