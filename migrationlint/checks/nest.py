"""NEST001: a provider injects a TypeORM repository its module does not provide.

Nest refuses to start: "Nest can't resolve dependencies of the OrdersService (?). Please make
sure that the argument "OrderRepository" at index [0] is available in the OrdersModule module."
The module graph (nest_graph) decides what each module can inject; whenever a part of it is not
readable, the rule says nothing.
"""

from __future__ import annotations

import os
from typing import Iterator

from migrationlint.checks.base import Memo, Project, Rule, diagnostic, per_key
from migrationlint.model.declarations import Origin, origin
from migrationlint.model.elided_imports import compiled_type_uses
from migrationlint.model.imported_anywhere import file_names, importers, names_file
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.fix.import_edits import ensure_imported
from migrationlint.model.nest_graph import (
    NEST_COMMON,
    NEST_TYPEORM,
    class_of,
    entity_key,
    is_from,
    visible_repos,
)
from migrationlint.extract.nest_records import NestClass, NestItem, NestModule, NestParam
from migrationlint.model.packages import is_relative
from migrationlint.model.resolve import Resolver, resolver_for

NEST001 = Rule("NEST001", "repository-not-provided", Severity.ERROR,
               "A provider injects `@InjectRepository(E)` but its module does not register E with "
               "`TypeOrmModule.forFeature` on that connection: Nest cannot start.", fix="sometimes")
RULES = [NEST001]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)
_BOOTSTRAPS: Memo[dict[str, bool]] = per_key("packages that bootstrap Nest")
_RE_EXPORTS = frozenset({"export-from", "export-star"})


def nest_modules(project: Project) -> Iterator[tuple[str, NestModule]]:
    """Every `@Module` (from @nestjs/common) of the linted files, test files left out: test
    modules are assembled for one test, often with providers overridden."""
    for path, facts in sorted(project.files.items()):
        if facts.skipped or facts.nest is None or project.is_test_file(path):
            continue
        for mod in facts.nest.modules:
            if is_from(project, path, mod.decorator, NEST_COMMON, "Module"):
                yield path, mod


def loaded_findings(project: Project, path: str, found: list[Diagnostic]) -> list[Diagnostic]:
    """A module's findings, or none when its package bootstraps Nest (`NestFactory` from
    @nestjs/core) and no file imports the module's file: Nest never loads it (a leftover
    `employees.module.ts` beside the `employee.module.ts` AppModule imports). A package without a
    bootstrap (a library, a module on its own) keeps its findings. Asked only for modules with
    findings: it scans the workspace's files for names."""
    if not found or not _bootstraps(project, project.workspace.package_root(path)):
        return found
    return found if _imported(project, resolver_for(project), path, file_names(path)[:1], {path}) else []


def _imported(project: Project, resolver: Resolver, path: str, names: tuple[str, ...], seen: set[str]) -> bool:
    """Whether a file imports `path` (resolved: a namesake elsewhere does not count), where a file that
    only re-exports it (`export * from './orders.module'` in an index) counts when it is imported itself,
    and one that never uses what it imports as a value (an unused `import { CronModule }`) does not:
    no `imports` array names the module there."""
    for importer in importers(project, path, names, resolver):
        facts = project.facts(importer)
        naming = [i for i in facts.imports if names_file(i.specifier, names)] if facts is not None else []
        loading = [i for i in naming if not (i.kind == "import" and compiled_type_uses(i, facts))]
        if naming and not loading:
            continue  # its names are used as types only, or not at all: tsc drops the import
        if not naming or any(i.kind not in _RE_EXPORTS for i in loading):
            return True
        if importer not in seen:
            seen.add(importer)
            if _imported(project, resolver, importer, file_names(importer), seen):
                return True
    return False


def _bootstraps(project: Project, package_root: str) -> bool:
    """Whether a file of the package imports `NestFactory` from @nestjs/core (once per package in a run)."""
    memo = _BOOTSTRAPS(project)
    if package_root not in memo:
        memo[package_root] = _imports_nest_factory(project, package_root)
    return memo[package_root]


def _imports_nest_factory(project: Project, package_root: str) -> bool:
    for other in project.package_sources(package_root):
        if project.mentions(other, b"NestFactory"):
            facts = project.facts(other)
            if facts is not None and not facts.skipped and any(
                    i.specifier == "@nestjs/core" and any(b.imported == "NestFactory" for b in i.bindings)
                    for i in facts.imports):
                return True
    return False


def check(project: Project) -> Iterator[Diagnostic]:
    for path, mod in nest_modules(project):
        yield from loaded_findings(project, path, list(_module(project, path, mod)))


def _module(project: Project, path: str, mod: NestModule) -> Iterator[Diagnostic]:
    repos = None
    for item, cls_ref in instantiated(project, path, mod):
        cls = class_of(project, cls_ref)
        if cls is None or not cls.has_ctor:
            continue
        for param in cls.params:
            wanted = _repository(project, cls_ref.path, param)
            if wanted is None:
                continue
            entity, connection = wanted
            if not _plain_entity(project, cls_ref.path, entity):
                continue  # a custom repository is its own token: a provider question, not forFeature's
            if repos is None:
                repos = visible_repos(project, path, mod)
            if repos.unknown:
                return
            key = entity_key(project, cls_ref.path, entity)
            if key[0] and not repos.has(key, entity, connection) \
                    and not _named_alike(project, path, repos, entity, connection):  # an entity not resolved: not decidable
                yield _report(project, path, mod, item, cls_ref, cls, param, entity, connection)


_NAMED_TOKENS_UNTIL = 8  # Nest 8 began to tell class tokens apart by reference, not by name


def _named_alike(project: Project, path: str, repos, entity: str, connection: str) -> bool:
    """Whether Nest before 8, which matches a class token by its name, finds `@InjectRepository(User)`'s
    token, the string `UserRepository`, in the custom repository class `UserRepository` the module
    gives `forFeature` (a quiz app on Nest 7: 11 NEST001 on a start-up that works)."""
    version = project.workspace.declared_version(path, "@nestjs/core")
    return version is not None and version[0] < _NAMED_TOKENS_UNTIL and any(
        key[1] == f"{entity}Repository" and conn == connection for key, conn in repos.pairs)


def instantiated(project: Project, path: str, mod: NestModule) -> Iterator[tuple[NestItem, Origin]]:
    """The classes Nest instantiates in `mod`: its controllers and class providers."""
    for item in (mod.controllers or []) + (mod.providers or []):
        name = item.name if item.kind == "ident" else (item.use_name if item.use == "useClass" else "")
        if name:
            ref = origin(project, path, name)
            if ref.kind == "class":
                yield item, ref


def _repository(project: Project, path: str, param: NestParam) -> tuple[str, str] | None:
    """(entity name, connection) of `@InjectRepository(E[, 'conn'])`, None when not that or not literal."""
    for callee, args in param.decorators:
        if not is_from(project, path, callee, NEST_TYPEORM, "InjectRepository"):
            continue
        if not args or args[0][0] != "ident" or len(args) > 2:
            return None
        if len(args) == 2:
            return (args[0][1], args[1][1]) if args[1][0] == "string" else None
        return args[0][1], ""
    return None


_TYPEORM_BASES = frozenset({"BaseEntity"})  # what an entity may extend in typeorm; anything else of it is a repository


def _plain_entity(project: Project, path: str, name: str, depth: int = 0) -> bool:
    """Whether the class `name` (as used in `path`) is an entity rather than a custom repository:
    `@InjectRepository(X)` with X extending TypeORM's `Repository` (directly or through classes of
    the workspace) injects the provider X itself (@nestjs/typeorm's getRepositoryToken returns the
    class), which a module provides like any class, not through forFeature. A base that cannot be
    followed (another package, an unresolved name) leaves it undecided, and undecided is not plain."""
    o = origin(project, path, name.split("<", 1)[0].strip())
    if o.kind == "package":
        return o.path == "typeorm" and o.name in _TYPEORM_BASES
    facts = project.facts(o.path) if o.kind == "class" else None
    cls = next((c for c in facts.classes if c.name == o.name), None) if facts is not None else None
    if cls is None or depth > 8:
        return False
    return cls.extends is None or _plain_entity(project, o.path, cls.extends, depth + 1)


def token_name(project: Project, path: str, param: NestParam) -> str:
    """The name Nest prints for a dependency in its error message."""
    wanted = _repository(project, path, param)
    if wanted is not None:
        return _repo_token(*wanted)
    for callee, args in param.decorators:
        if callee.rsplit(".", 1)[-1] == "Inject" and args:
            return args[0][1]
    return param.type_name or "Object"


def _repo_token(entity: str, connection: str) -> str:
    prefix = f"{connection}_" if connection and connection != "default" else ""
    return f"{prefix}{entity}Repository"


def _report(project: Project, path: str, mod: NestModule, item: NestItem, cls_ref: Origin, cls: NestClass,
            param: NestParam, entity: str, connection: str) -> Diagnostic:
    names = ["?" if p.index == param.index else token_name(project, cls_ref.path, p) for p in cls.params]
    on = f" on connection '{connection}'" if connection else ""
    message = (f"Nest can't resolve dependencies of the {cls.name} ({', '.join(names)}). Please make sure that "
               f"the argument \"{_repo_token(entity, connection)}\" at index [{param.index}] is available in "
               f"the {mod.name} module: {mod.name} does not import TypeOrmModule.forFeature([{entity}]){on}")
    return diagnostic(NEST001, path, item.start, item.end, message,
                      fix=_fix(project, path, mod, cls_ref.path, entity, connection))


def _fix(project: Project, path: str, mod: NestModule, user: str, entity: str, connection: str) -> Fix | None:
    """Add the entity to the module's own `forFeature([...])` on that connection (safe when there is
    exactly one), importing it the way the injecting file does."""
    features = [i for i in mod.imports or () if i.kind == "feature" and i.array_start >= 0
                and i.connection == connection
                and is_from(project, path, i.name.rsplit(".", 1)[0], NEST_TYPEORM, "TypeOrmModule")]
    data = project.source(path)
    facts = project.files.get(path)
    spec = _import_spec(project, path, user, entity)
    if len(features) != 1 or data is None or facts is None or spec is None:
        return None
    feature = features[0]
    name, edits = _local_name(project, data, facts, path, spec, entity, entity_key(project, user, entity))
    if name is None:
        return None
    last = feature.entities[-1] if feature.entities else None
    at = last[3] if last is not None else feature.array_start + 1
    text = f", {name}" if last is not None else name
    edits.append(Edit(path, at, at, text))
    return Fix(Applicability.SAFE, tuple(edits), f"Add {name} to TypeOrmModule.forFeature([...]) of {mod.name}")


def _local_name(project: Project, data: bytes, facts, path: str, spec: str, entity: str, key) -> tuple:
    """The name to write for `entity` in the module file and the import edits it needs; None when
    the file already binds that name to something else."""
    bound = (any(entity in i.locals for i in facts.imports) or any(d[0] == entity for d in facts.declarations)
             or any(c.name == entity for c in facts.classes))
    if bound:
        return (entity, []) if entity_key(project, path, entity) == key and key[0] else (None, [])
    return ensure_imported(data, facts, spec, entity, path)


def _import_spec(project: Project, path: str, user: str, entity: str) -> str | None:
    """How the module file can import `entity`: the injecting file's specifier when it is not
    relative, else a relative path from the module file to the entity's file."""
    facts = project.facts(user)
    if facts is None:
        return None
    for imp in facts.imports:
        if any(b.local == entity and b.imported == entity for b in imp.bindings):
            if not is_relative(imp.specifier):
                return imp.specifier
            res = resolver_for(project).resolve(user, imp.specifier)
            if res.path is None:
                return None
            return _relative(path, res.path)
    if any(c.name == entity for c in facts.classes):
        return _relative(path, user)
    return None


def _relative(importer: str, target: str) -> str:
    stem = os.path.splitext(target)[0]
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    rel = os.path.relpath(stem, os.path.dirname(importer)).replace(os.sep, "/")
    return rel if rel.startswith(".") else "./" + rel
