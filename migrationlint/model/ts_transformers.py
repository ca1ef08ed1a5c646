"""Imports a compile-time transformer of the file's tsconfig takes out of the output.

A tsconfig can name TypeScript transformers in `compilerOptions.plugins` (`{"transform":
"@acme/transformers/validate"}`), run by a patched compiler (ts-patch, ttypescript). A package
that keeps its own transformer as a private workspace member imports the transformer's decorator
stubs (`import { validateArgs } from "@acme/transformers"`), and the transformer replaces the
decorators and removes the import: the published build never loads the package, which no registry
holds anyway, so a devDependency is where it belongs. A registry package named as a transform
keeps its import (typia's generated code still loads `typia/lib/...` at runtime).
"""

from __future__ import annotations

from migrationlint.model.project import Project
from migrationlint.model.resolve import resolver_for


def transformed_away(project: Project, path: str, package: str) -> bool:
    """Whether the tsconfig compiling the file at `path` names `package` (or a subpath of it) as the
    `transform` of one of its `compilerOptions.plugins`, and `package` is a workspace member."""
    if project.workspace.member(package) is None:
        return False
    config = resolver_for(project).tsconfig_for(path)
    if config is None:
        return False
    plugins = config.emit_options.get("plugins")
    return isinstance(plugins, list) and any(
        isinstance(p, dict) and isinstance(t := p.get("transform"), str) and (t == package or t.startswith(package + "/"))
        for p in plugins)
