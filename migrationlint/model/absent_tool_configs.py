"""Configs of a tool the repository does not have: a leftover that nothing can read.

An example copied from a sibling keeps the sibling's `tsdown.config.ts` while its own build is
`tsc`: the config imports `tsdown` (for `defineConfig`), which its package does not declare (the
sibling it came from may, or the root, for its own builds) and no script of the package runs. A tool
reads its config from the folder it runs in, and nothing runs it there, so nothing loads the config:
what it imports breaks nothing, and "declare tsdown" is not what its maintainer would do (deleting
the file is). A config whose tool its package declares, or one of its scripts names (`npx tsdown`),
stays a config that runs.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.project import Project
from migrationlint.model.workspace import Manifest

# `tsdown.config.ts`, `rslib.config.mjs`: the tool's name, then `.config`
_TOOL_CONFIG = re.compile(r"^([a-z0-9][\w-]*)\.config\.[cm]?[jt]sx?$")


def absent_tool(project: Project, path: str, manifests: list[Manifest]) -> str | None:
    """The tool whose config the file at `path` is, when none of `manifests` (its package's) declares
    the package the config imports for it (named like the config: `tsdown` for `tsdown.config.ts`,
    `tailwindcss` for `tailwind.config.ts`) and no script of theirs names the tool; else None."""
    found = _TOOL_CONFIG.match(os.path.basename(path))
    facts = project.facts(path)
    if found is None or facts is None:
        return None
    stem = found.group(1)
    tools = {i.specifier.split("/", 1)[0] for i in facts.imports if i.specifier.startswith(stem)}
    if not tools or any(m.declared(t) for m in manifests for t in tools):
        return None
    scripts = [s for m in manifests for s in m.section("scripts").values()]
    return None if any(stem in s for s in scripts) else sorted(tools)[0]
