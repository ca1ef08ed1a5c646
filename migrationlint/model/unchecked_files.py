"""Files no type checker reads: no tsconfig includes them, and what runs them strips types.

A `tsconfig.json` whose `include` names only `src/` leaves the tests and the scripts beside it out
of every tsc program. Jest's default transform (babel-jest, or @swc/jest and esbuild-jest when
configured), vitest, Playwright, tsx (`tsx scripts/backfill.ts`, `node --import tsx --test`) and Mocha
with a loader that strips types (`ts-node/register/transpile-only`, mocha_loaders) remove the types of a
file without checking them. In such a file, an import that names a missing file or
export but is used only for types breaks nothing: no run of tsc sees it, the runner erases it, and
only an editor underlines it. The import rules then say so, as a warning, instead of "tsc fails".
ts-jest type-checks every file it transforms, so a package whose jest configuration names it
anywhere is read as checked, and so is one whose config loads another (a shared base the text here
does not show); ts-node checks what it runs, so a package that declares it is read as checked
outside Jest; and so is a file that any tsconfig covers. A Next.js app whose `next build` skips type
checking (`typescript.ignoreBuildErrors`) while no script runs tsc checks none of its files; nor does a
Nuxt app whose config sets no `typescript.typeCheck` while no script runs tsc, vue-tsc or `nuxi typecheck`.
"""

from __future__ import annotations

import json
import re

from migrationlint.model.dev_files import hidden_part
from migrationlint.model.dev_folders import dev_folder_reason
from migrationlint.model.mocha_loaders import stripping_loader
from migrationlint.model.project import Project
from migrationlint.model.resolve import Resolver
from migrationlint.model.runner_config_files import config_texts, jest_configs
from migrationlint.model.unchecked_builds import next_build_unchecked, nuxt_build_unchecked
from migrationlint.model.workspace import Manifest

# a config that loads or spreads another (`...require('../../jest.base')`) may take ts-jest from it
_SHARED_CONFIG = re.compile(r"""require\(|from\s+['"]\.|\.\.\.""")
_TRANSFORMS = ("@swc/jest", "esbuild-jest")  # named before babel-jest, Jest's default


def unchecked_file(project: Project, resolver: Resolver, path: str) -> str | None:
    """Why nothing type-checks the file at `path`, or None: a clause that ends "so only an editor
    shows", for the message to name the error code after it."""
    owner = project.workspace.manifest_for(path)  # a test may still run under ts-jest: the runner decides below
    if owner is not None and not owner.error and not project.is_test_file(path) \
            and next_build_unchecked(project, owner) is not None:
        return ("the package's `next build` skips type checking (`typescript.ignoreBuildErrors` in next.config) "
                "and no script runs tsc, so only an editor shows")
    nuxt = nuxt_build_unchecked(project, owner) if owner is not None and not owner.error and not project.is_test_file(path) \
        else None
    if nuxt is not None:
        return f"{nuxt}, so only an editor shows"
    cfg = resolver.tsconfig_for(path)
    unknown = cfg is not None and cfg.unread_extends and cfg.include is None and cfg.files is None  # the parent's may hold it
    if cfg is not None and (cfg.error is not None or cfg.covers(path) or unknown
                            or cfg.under_root_dir(path) and not cfg.excludes_on_purpose(path)):
        return None
    if resolver.tsconfigs.named_config_covers(path):
        return None
    manifests = [m for m in (project.workspace.manifest_for(path), project.workspace.root_manifest) if m is not None]
    test = project.is_test_file(path)
    runner = _test_runner(project, path, manifests) if test else None
    loader = stripping_loader(manifests) if test and runner is None else None
    runner = f"Mocha with {loader}" if loader else runner
    if runner is None and not (test and any(m.declared("jest") for m in manifests)):
        runner = _script_runner(manifests)
    if runner is None:
        return None
    return f"no tsconfig includes this {'test' if test else 'file'} and {runner} strips its types without " \
           "checking them, so only an editor shows"


def _script_runner(manifests: list[Manifest]) -> str | None:
    """What runs a file no tsconfig includes without checking its types: tsx, when the package (or the
    root) declares it, else vitest, when it declares vitest and no Jest (a fixture or demo module only
    vitest's tests load); none where ts-node, which checks what it runs, is declared."""
    def declared(name: str) -> bool:
        return any(m.declared(name) for m in manifests)

    if declared("ts-node") or declared("ts-node-dev"):
        return None
    return "tsx" if declared("tsx") else "vitest" if declared("vitest") and not declared("jest") else None


def _test_runner(project: Project, path: str, manifests: list[Manifest]) -> str | None:
    """The runner that loads the test without type checking (vitest, or Jest with its transform), or None."""
    facts = project.facts(path)
    if facts is not None and any(i.specifier in ("vitest", "bun:test", "@playwright/test") for i in facts.imports):
        return "vitest" if any(i.specifier == "vitest" for i in facts.imports) else "bun's test runner" \
            if any(i.specifier == "bun:test" for i in facts.imports) else "Playwright"
    if not any(m.declared("jest") for m in manifests):
        return None
    texts = [_config_text(m) for m in manifests]
    if any("ts-jest" in t or _SHARED_CONFIG.search(t) for t in texts):
        return None  # ts-jest reports type errors as test failures; a shared base config may name it
    named = next((t for t in _TRANSFORMS if any(t in text for text in texts)), None)
    return f"Jest's {named} transform" if named else "Jest's default transform (babel-jest)"


def _config_text(manifest: Manifest) -> str:
    """The package's jest configuration as text: its package.json `jest` key and its config files."""
    return "\n".join([json.dumps(manifest.data.get("jest", "")), *config_texts(jest_configs(manifest.dir))])


def in_no_program(resolver: Resolver, rel: str, path: str) -> bool:
    """A file in a hidden folder (`.agent/skills/example.ts`, reading material for a coding agent)
    that no tsconfig names: tsc's wildcards never enter it, so no program compiles it and what its
    imports name breaks no build. A folder a tsconfig includes by name (`.storybook`) is checked."""
    hidden = hidden_part(rel.split("/")[:-1])
    if hidden is None:
        return False
    cfg = resolver.tsconfig_for(path)
    return cfg is None or not cfg.names_folder(hidden)


def reading_material(resolver: Resolver, rel: str, path: str) -> bool:
    """A file of a hidden folder that no tsconfig names and no tool owns (`.claude/skills/x/chrome.ts`,
    reading material for a coding agent; not `.storybook/`, whose config Storybook loads, framework
    names and all): no program compiles it, so an import of types only asks nothing of any install."""
    return dev_folder_reason(rel.split("/")[:-1]) is None and in_no_program(resolver, rel, path)
