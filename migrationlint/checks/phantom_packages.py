"""IMP001's finding: a bare specifier in the workspace's own namespace (a member scope, a path-alias
prefix) that no package, alias, manifest, lockfile or node_modules folder knows, with the closest
workspace packages (or the one whose name differs only in letter case) and, when nothing else in
the file uses it, a fix that deletes the import.
"""

from __future__ import annotations

import difflib
import os

from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Memo, Project, Rule, diagnostic
from migrationlint.checks.missing_exports import only_for_types
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.dev_files import placeholder_package
from migrationlint.model.resolve import Resolver
from migrationlint.model.specifiers import package_name
from migrationlint.model.unchecked_files import unchecked_file
from migrationlint.model.shipping import shipping_for
from migrationlint.model.workspace import DEP_SECTIONS, Manifest

IMP001 = Rule("IMP001", "phantom-package", Severity.ERROR,
              "An import of a package in the workspace's own namespace that does not exist.", fix=FixAvailability.SOMETIMES)


def own_namespace(project: Project, resolver: Resolver, path: str, spec: str) -> str | None:
    """Why `spec` belongs to the workspace (a member scope or an alias-looking prefix), or None."""
    if spec.startswith(("@/", "~/")):
        return f"`{spec[:2]}` is a path-alias prefix, never an npm package"
    name = package_name(spec)
    if name in project.workspace.members:
        return None  # a package of the repository by that name, which no install links here: DEP001's
    if name.startswith("@"):
        scope = name.split("/", 1)[0]
        if scope in _member_scopes(project):
            return f"the scope {scope} belongs to this workspace's packages"
    cfg = resolver.alias_prefix_config(path, spec)
    if cfg is not None and cfg is not resolver.tsconfig_for(path):  # the root's alias, out of this file's reach
        return f"`{spec}` is a path alias of {project.rel(cfg.path)}, which this file's tsconfig does not extend"
    if cfg is not None:
        return f"`{spec.split('/', 1)[0]}/` is a path-alias prefix of {project.rel(cfg.path)}"
    return None


def _member_scopes(project: Project) -> set[str]:
    return _MEMBER_SCOPES(project)


_MEMBER_SCOPES: Memo[set[str]] = Memo("member scopes", lambda project: {
    n.split("/", 1)[0] for n in project.workspace.members if n.startswith("@") and "/" in n}, disk_only=True)


def phantom(project: Project, resolver: Resolver, facts: FileFacts, imp: ImportFact, why: str) -> Diagnostic:
    name = package_name(imp.specifier)
    manifest = project.workspace.manifest_for(facts.path)
    own = manifest.data.get("name") if manifest is not None else None  # its own files: a relative import
    close = [c for c in _closest_packages(project, resolver, name, _declared_in(manifest)) if c != own]
    twin = next((m for m in project.workspace.members if m.lower() == name.lower()), None)  # `@acme/Infra`
    mapped = _unmapped_alias_target(project, manifest, imp.specifier)
    hint = f" The workspace package {twin} differs only in letter case: found on macOS and Windows, missing on Linux." \
        if twin else mapped if mapped else f" Closest workspace packages: {', '.join(close)}." if close else ""
    bundler = shipping_for(project).bundled(manifest) if manifest is not None and not manifest.error else None
    fails = "tsc fails with TS2307 and Node with" if imp.resolved_by_tsc else "Node fails with"
    effect, severity = f", so {fails} \"Cannot find module '{imp.specifier}'\"", None
    if bundler is not None:  # a Next or vite app: its bundler resolves the import at build time, Node never does
        effect = f", so {'tsc fails with TS2307 and ' if imp.resolved_by_tsc else ''}the package's bundler cannot " \
                 f"resolve it ({bundler}): its build fails"
    if imp.resolved_by_tsc and only_for_types(facts, imp):  # erased: only the type check breaks
        unchecked = unchecked_file(project, resolver, facts.path)
        effect = f". The import is used only for types: {f'{unchecked} TS2307' if unchecked else 'tsc fails (TS2307)'}, " \
                 "runtime is unaffected"
        severity = Severity.WARNING if unchecked else None
    message = (f"`{name}` names nothing ({why}): no workspace package, path alias, manifest, lockfile or "
               f"node_modules folder knows it{effect}.{hint}")
    return diagnostic(IMP001, facts.path, imp.start, imp.end, message, fix=_delete_unused(facts, imp), severity=severity,
                      specifier=imp.specifier, package=name,
                      manifest=project.rel(manifest.path) if manifest else None)


_ALIAS_BASES = ("src", "")  # where an `@/*` alias points, most often first
_SOURCE_SUFFIXES = ("", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".d.ts")


def _unmapped_alias_target(project: Project, manifest: Manifest | None, spec: str) -> str | None:
    """The hint for `@/engine.io-parser` when the package holds `src/engine.io-parser/` (or that path
    at its top): the alias the import was written for, which no tsconfig maps here; None otherwise."""
    if manifest is None or not spec.startswith(("@/", "~/")) or len(spec) == 2:
        return None
    rest = spec[2:].rstrip("/")
    for base in _ALIAS_BASES:
        target = os.path.join(manifest.dir, base, rest)
        if any(os.path.exists(target + suffix) for suffix in _SOURCE_SUFFIXES):
            where = f"./{base}/*" if base else "./*"
            return (f" {project.rel(target)} is in this package: the import is written for `{spec[:2]}*` mapped to "
                    f"`{where}`, which no tsconfig maps for this file; map it in the tsconfig, or import it by a "
                    "relative path.")
    return None


def _declared_in(manifest: Manifest | None) -> list[str]:
    if manifest is None:
        return []
    return [pkg for section in DEP_SECTIONS for pkg in manifest.section(section)]


def _closest_packages(project: Project, resolver: Resolver, name: str, declared: list[str]) -> list[str]:
    """Workspace packages others depend on (libraries, not services), best match first; then
    close spellings among the packages the importer's manifest declares."""
    members = sorted(m for m in project.workspace.members if placeholder_package({"name": m}) is None)  # no template
    known = resolver.packages.declared
    libraries = [m for m in members if m in known] or members
    scope = name.split("/", 1)[0] if name.startswith("@") else None
    pool = [m for m in libraries if scope is None or m.startswith(scope + "/")] or libraries
    ranked = sorted(pool, key=lambda m: -difflib.SequenceMatcher(None, name, m).ratio())[:3]
    typos = difflib.get_close_matches(name, [d for d in declared if d not in ranked], n=2, cutoff=0.75)
    return ranked + typos


def _delete_unused(facts: FileFacts, imp: ImportFact) -> Fix | None:
    """Safe when the statement's bindings are used nowhere else in the file; never for `import 'x'`."""
    if imp.kind != "import" or imp.side_effect:
        return None
    for local in imp.locals:
        for start, _ in facts.refs.get(local, []):
            if not imp.stmt_start <= start < imp.stmt_end:
                return None
    start, end = imp.line_span or (imp.stmt_start, imp.stmt_end)
    return Fix(Applicability.SAFE, (Edit(facts.path, start, end, ""),),
               message="Delete the unused import of a package that does not exist")
