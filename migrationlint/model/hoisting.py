"""Which packages a file anywhere in the workspace can load through the root install (hoisting).

Under the `hoisting = "test-files"` policy, files that do not ship may rely on the workspace's
root install, as they run inside the repository. What that install puts in the root node_modules
depends on the package manager: npm, bun's hoisted linker and yarn (classic, or berry with
`nodeLinker: node-modules`) hoist every package they can and link every workspace member there; pnpm hoists only with
`shamefully-hoist` or `node-linker=hoisted`, and the packages its `public-hoist-pattern` names (its private
hoisting, `hoist-pattern`, serves only the packages of its store); yarn Plug'n'Play hoists nothing.
"""

from __future__ import annotations

import os
import tomllib
from fnmatch import fnmatchcase

from migrationlint.model.lockfile_record import Lockfile
from migrationlint.model.peer_install import npmrc_values, read_npmrc, read_pnpm_settings, read_yarnrc


def _yarn_node_modules(root: str) -> bool:
    return read_yarnrc(root).get("nodeLinker") == "node-modules"


def stated_hoisting(root: str, manager: str) -> bool:
    """Whether the repository's settings say its install hoists, whatever lockfile it keeps: yarn's
    `nodeLinker: node-modules`, pnpm's hoisted layouts (`hoists`); npm's and bun's defaults say nothing."""
    return manager == "yarn" and _yarn_node_modules(root) or manager == "pnpm" and hoists(root, manager, None)


def _bun_hoists(root: str, lock: Lockfile | None) -> bool:
    """bun's linker: bunfig.toml's `[install] linker` ("hoisted" or "isolated"), else what the
    lockfile's `configVersion` implies (1, written since bun 1.3.2: isolated for a workspace,
    hoisted for one package; earlier lockfiles: hoisted)."""
    try:
        with open(os.path.join(root, "bunfig.toml"), "rb") as fh:
            install = tomllib.load(fh).get("install")
    except (OSError, ValueError):
        install = None
    linker = install.get("linker") if isinstance(install, dict) else None
    if linker in ("hoisted", "isolated"):
        return linker == "hoisted"
    return lock is None or not (lock.settings.get("configVersion") == 1 and lock.settings.get("workspace"))


def hoists(root: str, manager: str, lock: Lockfile | None) -> bool:
    """Whether the root install makes packages visible to every file of the workspace."""
    if manager == "npm":
        return True
    if manager == "bun":
        return _bun_hoists(root, lock)
    if manager == "yarn":
        return lock is None or lock.kind == "yarn-classic" or _yarn_node_modules(root)
    npmrc = read_npmrc(root)
    settings = read_pnpm_settings(root)  # pnpm 10+: the same settings, in pnpm-workspace.yaml
    return npmrc.get("shamefully-hoist", "").lower() == "true" or npmrc.get("node-linker", "") == "hoisted" \
        or settings.get("shamefullyHoist") is True or settings.get("nodeLinker") == "hoisted" \
        or "*" in _public_hoist_patterns(root)  # `public-hoist-pattern[]=*`: what shamefully-hoist sets


def publicly_hoisted(package: str, root: str, manager: str) -> bool:
    """Whether pnpm's `public-hoist-pattern` (`.npmrc`, `publicHoistPattern` in pnpm-workspace.yaml)
    names `package`: the root install then puts it in the root node_modules, where every file finds
    it, as `shamefully-hoist` (the pattern `*`) does for all. A `!` pattern takes a name back."""
    if manager != "pnpm":
        return False
    return _named(package, _public_hoist_patterns(root))


def hoisted_by_name(package: str, root: str, manager: str) -> bool:
    """Whether a public-hoist pattern other than the blanket `*` names `package` (`*fastify*`,
    `@types/*`): the repository asks pnpm to put that name in the root node_modules, a choice as
    deliberate as a declaration, unlike what `shamefully-hoist` happens to bring along."""
    return publicly_hoisted(package, root, manager) and _named(package, [p for p in _public_hoist_patterns(root)
                                                                         if p != "*"])


def privately_hoisted(package: str, root: str, manager: str) -> bool:
    """Whether pnpm's private hoisting (`hoist`, true by default, with `hoist-pattern`, `*` by
    default) links `package` into node_modules/.pnpm/node_modules: every package of the store finds
    it there (a dependency's undeclared peer loads), though the application's own code and linked
    workspace packages do not."""
    if manager != "pnpm":
        return False
    settings = read_pnpm_settings(root)
    if read_npmrc(root).get("hoist", "").lower() == "false" or settings.get("hoist") is False:
        return False
    found = settings.get("hoistPattern")
    patterns = ([found] if isinstance(found, str) else [p for p in found if isinstance(p, str)]
                if isinstance(found, list) else []) + npmrc_values(root, "hoist-pattern[]", "hoist-pattern")
    return _named(package, patterns or ["*"])


def _named(package: str, patterns: list[str]) -> bool:
    """Whether a pnpm hoisting pattern list names `package` (a `!` pattern takes a name back)."""
    return any(fnmatchcase(package, p) for p in patterns if not p.startswith("!")) \
        and not any(fnmatchcase(package, p[1:]) for p in patterns if p.startswith("!"))


def _public_hoist_patterns(root: str) -> list[str]:
    found = read_pnpm_settings(root).get("publicHoistPattern")
    patterns = [found] if isinstance(found, str) else [p for p in found if isinstance(p, str)] \
        if isinstance(found, list) else []
    return patterns + npmrc_values(root, "public-hoist-pattern[]", "public-hoist-pattern")


def plug_n_play(root: str, manager: str, lock: Lockfile | None, package_manager: str | None) -> bool:
    """Whether the install is yarn berry's Plug'n'Play (its default linker): a package resolves only
    what it declares and its peers from its parent, never from a folder's node_modules."""
    if manager != "yarn" or read_yarnrc(root).get("nodeLinker", "pnp") != "pnp":
        return False
    if lock is not None:
        return lock.kind != "yarn-classic"
    return bool(package_manager) and not str(package_manager).startswith("yarn@1")


def hoisted(package: str, member: bool, declared: int, lock: Lockfile | None, stated: bool = False) -> bool:
    """Whether a hoisting install puts `package` in the root node_modules on purpose: a workspace
    member (linked there), or a package some manifest of the repository declares (`declared`: in how
    many distinct ranges) that the lockfile installs at the top level (npm) or at all (yarn); with no
    lockfile (one a repository keeps out of git) where the repository states a hoisting layout
    (`stated`: `stated_hoisting`), one declared in a single range, which takes the root slot. A
    transitive package that happens to be hoisted is an accident of the install, not something to rely on."""
    if member:
        return True
    if lock is None:
        return stated and declared == 1
    if not declared:
        return False
    if lock.kind in ("npm", "bun"):
        return package in lock.importers.get(".", {})
    return lock.knows(package)
