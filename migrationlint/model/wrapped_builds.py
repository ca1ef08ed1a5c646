"""A package built by the repository's own build CLI: a workspace package's `bin` that drives a
bundler (`"build": "acme-cli build"`, where `acme-cli` lists vite in its dependencies).

Such a wrapper calls the bundler's API with a shared configuration (library mode, an external
list of the host's globals), so the package it builds ships a bundle, as with `vite build`
itself: what the bundle inlines belongs in devDependencies. The CLI's code is never run; what
counts is that it is the workspace's own, installs a bundler to run, and is asked to build.
"""

from __future__ import annotations

import os
import re
from typing import Iterable

from migrationlint.globs import match_from_root
from migrationlint.model.bundling import BUNDLERS, Bundle, build_commands, handed_build, inlining_bundle, with_sections
from migrationlint.model.config_objects import REGEX_MARK, config_has, find_config, read_config
from migrationlint.model.script_commands import command_pattern, shell_commands
from migrationlint.model.workspace import Manifest, Workspace

# what starts a package's bin without naming it as the program (`npx acme-cli build`)
_LAUNCHERS = frozenset({"npx", "bunx", "exec"})
_RUNNERS = frozenset({"yarn", "pnpm", "npm", "bun"})


def workspace_tool_bundle(manifest: Manifest, ws: Workspace) -> Bundle | None:
    """The bundle the workspace's own tooling builds for the package: a private app's build that
    runs another member's bundling script (bundling.handed_build), a build CLI of the workspace, or
    the root's tsdown building every member (`root_tsdown_bundle`)."""
    why = handed_build(manifest, ws.member)
    return Bundle(why) if why is not None else wrapped_bundle(manifest, ws.member_manifests) \
        or root_tsdown_bundle(manifest, ws)


_TSDOWN = command_pattern(r"tsdown(?![\w-])")


def root_tsdown_bundle(manifest: Manifest, ws: Workspace) -> Bundle | None:
    """The bundle of a member that the workspace root's `tsdown` builds: with a tsdown.config of its
    own, when the root config's `workspace` (a list of globs, or `true`) names the member, which
    then needs no build script; or from an entry of the root config whose `cwd` is the member's
    folder (`cwd: path.resolve('packages/cli')`: `_built_from_the_root`)."""
    root = ws.root_manifest
    if root is None or root.error or root.path == manifest.path:
        return None
    config = find_config(ws.root, "tsdown.config")
    if config is None or not any(_TSDOWN.search(command) for _, command in build_commands(root, shell=True)):
        return None
    if not config_has(config, "workspace") or find_config(manifest.dir, "tsdown.config") is None:
        return _built_from_the_root(manifest, ws.root, config)
    globs = read_config(config).names("workspace", lists_only=True)
    rel = os.path.relpath(manifest.dir, ws.root).replace(os.sep, "/")
    if globs and not any(match_from_root(g.rstrip("/"), rel) for g in globs):
        return None
    return inlining_bundle(manifest, "tsdown", "the workspace root's build, with `workspace` in its tsdown.config")


def _built_from_the_root(manifest: Manifest, root_dir: str, config: str) -> Bundle | None:
    """The bundle an entry of the root's tsdown.config builds from the member's folder (`cwd`): tsdown
    inlines what the manifest's dependencies and peerDependencies do not name, but what `external` or
    `deps.neverBundle` name; with `deps.onlyBundle`, only what it lists. The lists of every entry are
    read together (what one leaves out counts for all); one that cannot be read: no bundle claimed. Beside a
    build that emits declarations only (`dts: { emitDtsOnly: true }`, which leaves out what its types name),
    which list is the code's build's is not read: the bundle is claimed with none."""
    settings = read_config(config)
    if not any(os.path.normpath(os.path.join(root_dir, cwd)) == manifest.dir for cwd in settings.values("cwd")):
        return None
    if config_has(config, "emitDtsOnly") or config_has(config, "dtsOnly"):
        return Bundle("tsdown (the workspace root's build, whose tsdown.config builds this package from its folder, "
                      "`cwd`) inlines every import its dependencies and peerDependencies do not name, but for "
                      "external lists beside a declarations-only build's, which are not read")
    never, external = settings.names("neverBundle", patterns=True), settings.names("external", patterns=True, lists_only=True)
    only = settings.names("onlyBundle", lists_only=True)
    if never is None or external is None or only is None:
        return None
    left_out = never + external
    if only:  # everything else stays out: a regex matching any name but those listed
        left_out += (REGEX_MARK + "/^(?!(?:" + "|".join(re.escape(n) for n in dict.fromkeys(only)) + r")(?:\/|$))/",)
    return with_sections(Bundle("tsdown (the workspace root's build, whose tsdown.config builds this package from its "
                                "folder, `cwd`) inlines every import its dependencies, peerDependencies and "
                                "external lists do not name" + (", and only what `deps.onlyBundle` lists" if only else ""),
                                left_out), manifest)


def wrapped_bundle(manifest: Manifest, members: Iterable[Manifest]) -> Bundle | None:
    """The bundle a build script makes by running, with a `build` argument, the bin of another
    workspace package whose `dependencies` list a bundler; its externals are those the package's
    own vite config names (none when it names none), None when that list is not readable."""
    tools = {name: m for m in members if m.path != manifest.path and not m.error for name in _bin_names(m)}
    for _, command in build_commands(manifest):
        for words in shell_commands(command):
            words = [w for w in words if "=" not in w or w.startswith("-")]  # `NODE_OPTIONS=...` set aside
            program, args = _program(words)
            tool = tools.get(program or "")
            bundler = next((b for b in BUNDLERS if b in tool.section("dependencies")), None) if tool else None
            if bundler is None or "build" not in args:
                continue
            external = _vite_externals(manifest) if bundler == "vite" else ()
            if external is None:
                return None
            return with_sections(Bundle(f"built by {program} build, the workspace's own CLI around {bundler} "
                                        f"({tool.name} depends on it): a bundle that inlines what its external list "
                                        "does not name", external), manifest)
    return None


def _program(words: list[str]) -> tuple[str | None, list[str]]:
    """The program a command runs, past a package manager that launches a bin (`yarn acme-cli`,
    `pnpm exec acme-cli`, `npx acme-cli`), and its arguments."""
    while words and (words[0] in _LAUNCHERS or words[0] in _RUNNERS and len(words) > 1):
        words = words[1:]
    return (words[0], words[1:]) if words else (None, [])


def _bin_names(manifest: Manifest) -> list[str]:
    """The commands a package installs: the keys of an object `bin`, its own name (scope dropped)
    for a string one."""
    field = manifest.data.get("bin")
    if isinstance(field, dict):
        return [k for k in field if isinstance(k, str)]
    if isinstance(field, str) and manifest.name:
        return [manifest.name.rsplit("/", 1)[-1]]
    return []


def _vite_externals(manifest: Manifest) -> tuple[str, ...] | None:
    config = find_config(manifest.dir, "vite.config")
    if config is None:
        return ()
    settings = read_config(config)
    return settings.names("rollupOptions.external", patterns=True)
