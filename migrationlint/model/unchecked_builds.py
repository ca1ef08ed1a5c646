"""Packages whose build or run checks no type: their tsconfig is read by editors alone.

A Next.js app whose config sets `typescript.ignoreBuildErrors` (a Nuxt app whose config does not set
`typescript.typeCheck`: for the import rules' wording only, unchecked_files), a vite app its page starts
whose build is `vite build` alone (for the files its page does not reach), a React Native app Metro bundles,
and a package Bun runs from source (`bun run src/index.ts`) compile what their entries reach and
strip the types without checking them. When no script of the package or of the workspace root
runs tsc either, no tsconfig of theirs is a program: a file no entry reaches is read by nothing,
and what its imports name breaks nothing (dead_files.py asks these).
"""

from __future__ import annotations

from migrationlint.model.app_builds import ENTRY_BUNDLES
from migrationlint.model.config_objects import find_config, read_config
from migrationlint.model.entry_points import START_SCRIPTS
from migrationlint.model.html_entries import ORIGIN as HTML_ORIGIN
from migrationlint.model.next_routes import sets_page_extensions
from migrationlint.model.project import Project
from migrationlint.model.script_commands import command_pattern
from migrationlint.model.shipping import shipping_for
from migrationlint.model.workspace import Manifest

RUNS_TSC = command_pattern(r"tsc(?:\s|$)")  # `tsc`, `npx tsc --noEmit`, `pnpm exec tsc -b`
_NEXT_BUILD = command_pattern(r"next build\b")
_NUXT_BUILD = command_pattern(r"(?:nuxt|nuxi) (?:build|generate)\b")
_NUXT_CHECKS = command_pattern(r"(?:vue-tsc|(?:nuxt|nuxi) typecheck)\b")
_NUXT2_TYPESCRIPT = "@nuxt/typescript-build"
_VITE_BUILD = command_pattern(r"vite build\b")
_VUE_TSC = command_pattern(r"vue-tsc\b")
# `bun run src/index.ts`, `bun --watch src/index.ts`, `bun run --hot ./server.tsx`: Bun runs the source
_BUN_RUNS_SOURCE = command_pattern(r"bun(?: run)?(?: --[\w-]+(?:=\S+)?)* \S+\.[cm]?tsx?(?:\s|$)")


def scripts_here(project: Project, manifest: Manifest) -> list[str]:
    """The commands of the package's scripts and of the workspace root's."""
    return [c for m in (manifest, project.workspace.root_manifest) if m is not None and not m.error
            and isinstance(m.data.get("scripts"), dict) for c in m.data["scripts"].values() if isinstance(c, str)]


def _no_tsc(project: Project, manifest: Manifest) -> bool:
    return not any(RUNS_TSC.search(c) for c in scripts_here(project, manifest))


def next_skips_type_check(project: Project, manifest: Manifest) -> bool:
    """Whether the package is a Next.js app whose build skips type checking (`typescript: {
    ignoreBuildErrors: true }` in next.config) and no script of it or of the root runs tsc: its
    tsconfig is then read by editors alone, and `next build` compiles only what its routes reach."""
    config = next_build_unchecked(project, manifest)
    # with `pageExtensions` its routes are not all known here: what none of them reaches may still be a page
    return config is not None and not sets_page_extensions(config)


def next_build_unchecked(project: Project, manifest: Manifest) -> str | None:
    """The next.config of a Next.js app whose build skips type checking (`typescript.ignoreBuildErrors`)
    while no script of it or of the root runs tsc: nothing checks its files' types; else None."""
    scripts = scripts_here(project, manifest)
    if not any(_NEXT_BUILD.search(c) for c in scripts) or not _no_tsc(project, manifest):
        return None
    config = find_config(manifest.dir, "next.config")
    return config if config is not None and read_config(config).flag("typescript.ignoreBuildErrors") is True else None


def nuxt_build_unchecked(project: Project, manifest: Manifest) -> str | None:
    """Why nothing checks the types of a Nuxt app's files: its `nuxt build` (or `generate`) strips them
    unless nuxt.config sets `typescript.typeCheck`, and no script of it or of the root runs tsc,
    vue-tsc or `nuxi typecheck`; else None."""
    scripts = scripts_here(project, manifest)
    if not any(_NUXT_BUILD.search(c) for c in scripts) or not _no_tsc(project, manifest) \
            or any(_NUXT_CHECKS.search(c) for c in scripts):
        return None
    config = find_config(manifest.dir, "nuxt.config")
    if config is not None and read_config(config).has("typescript.typeCheck") or manifest.declared(_NUXT2_TYPESCRIPT) \
            or config is not None and project.mentions(config, _NUXT2_TYPESCRIPT.encode()):
        return None  # Nuxt 2's TypeScript module checks types by default (fork-ts-checker)
    return "the package's `nuxt build` checks no type (nuxt.config sets no `typescript.typeCheck`) and no script runs " \
           "tsc, vue-tsc or `nuxi typecheck`"


def vite_page_misses(project: Project, manifest: Manifest, path: str) -> bool:
    """Whether the package is a vite app started from its page (`index.html`'s module script) whose
    build is `vite build` alone, and the page's scripts do not reach the file: vite strips types
    without checking them, and no script of it or of the root runs tsc or vue-tsc (`tsc -b && vite
    build` checks them), so nothing reads such a file (what the page reaches runs when the app does).
    Only where the page is all that starts: no other entry, no Electron main process."""
    scripts = scripts_here(project, manifest)
    if not any(_VITE_BUILD.search(c) for c in scripts) or not _no_tsc(project, manifest) \
            or any(_VUE_TSC.search(c) for c in scripts):
        return False
    shipping = shipping_for(project)
    entries = shipping.entries(manifest)
    if not entries or any(e.origin != HTML_ORIGIN for e in entries) or manifest.declared("electron"):
        return False  # a server beside the page, or an Electron app's main process: what else runs is not known
    return not any(path in shipping.reached_from(e.path, manifest) for e in entries)


def metro_checks_no_type(project: Project, manifest: Manifest) -> bool:
    """Whether the package is a React Native app Metro bundles from its entry (metro.config, or an
    expo or react-native CLI script) and no script of it or of the root runs tsc: Metro strips
    types without checking them, so the app's tsconfig is read by editors alone."""
    return shipping_for(project).bundled(manifest) in ENTRY_BUNDLES and _no_tsc(project, manifest)


def bun_checks_no_type(project: Project, manifest: Manifest) -> bool:
    """Whether the package's start script runs its TypeScript with Bun (`"start": "bun run
    src/index.ts"`), which strips types without checking them, or, with no start script, its `dev`
    script does (`"dev": "bun --hot src/index.ts"`: the only way the package is known to run), and no
    script of it or of the root runs tsc (a test helper run by bun says nothing of how the package runs)."""
    scripts = manifest.data.get("scripts") if not manifest.error else None
    if not isinstance(scripts, dict):
        return False
    runs = [name for name in START_SCRIPTS if name in scripts] or ["dev"]
    return any(isinstance(c := scripts.get(name), str) and _BUN_RUNS_SOURCE.search(c) for name in runs) \
        and _no_tsc(project, manifest)


def checks_no_type(project: Project, manifest: Manifest) -> bool:
    """Whether nothing type-checks the package's files: it is one of the builds above, or a package of
    source with no scripts of its own (nothing builds or checks it apart) that only such builds
    depend on (a shared folder of a Bun server and a Next app that ignores build errors)."""
    if next_skips_type_check(project, manifest) or metro_checks_no_type(project, manifest) \
            or bun_checks_no_type(project, manifest):
        return True
    if manifest.error or manifest.data.get("scripts") or not _no_tsc(project, manifest):
        return False
    dependents = [d for d in shipping_for(project).dependents(manifest) if d.path != manifest.path]
    return bool(dependents) and all(next_skips_type_check(project, d) or metro_checks_no_type(project, d)
                                    or bun_checks_no_type(project, d) for d in dependents)
