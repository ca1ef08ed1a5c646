"""The Nest module graph, as far as the source says: which TypeORM repositories a module can inject.

A module sees the repositories of the `TypeOrmModule.forFeature([...], conn)` it imports, the
ones exported by the modules it imports (a module exporting `TypeOrmModule` re-exports its own
`forFeature` imports; exporting an imported module re-exports what that one exports), and those
of `@Global()` modules. Every part the source does not spell out (a spread, a variable, a dynamic
module built by a workspace function, a provider whose token is computed) makes the answer
`unknown`, and the rules stay silent on unknown answers: precision first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from migrationlint.model.declarations import Origin, origin
from migrationlint.extract.nest_records import NestClass, NestItem, NestModule
from migrationlint.model.project import Memo

NEST_TYPEORM = "@nestjs/typeorm"
NEST_COMMON = "@nestjs/common"
_NEST_SCOPE = "@nestjs/"
EntityKey = tuple[str, str]  # (declaring file, class name), or ("", name) for a name that is not resolved


@dataclass
class Repos:
    """Repository tokens a module can inject: (entity, connection) pairs, the entity names some
    unreadable part may provide (`maybe`), and `unknown` when anything at all may be provided."""

    pairs: set[tuple[EntityKey, str]] = field(default_factory=set)
    maybe: set[str] = field(default_factory=set)
    unknown: bool = False

    def add(self, other: Repos) -> None:
        self.pairs |= other.pairs
        self.maybe |= other.maybe
        self.unknown = self.unknown or other.unknown

    def has(self, entity: EntityKey, name: str, connection: str) -> bool:
        """Whether the repository of `entity` on `connection` is (or may be) visible: @nestjs/typeorm's
        token is the class's name (`FieldValuesRepository`), so a namesake class given to `forFeature`
        provides it too."""
        return self.unknown or name in self.maybe or (entity, connection) in self.pairs \
            or any(key[1] == entity[1] and conn == connection for key, conn in self.pairs)


def is_from(project, path: str, local: str, package: str, name: str) -> bool:
    """Whether `local` (a name or `ns.name` used in `path`) is `name` exported by `package`."""
    head, _, prop = local.partition(".")
    if prop:
        facts = project.facts(path)
        return facts is not None and any(
            i.namespace == head and i.specifier == package for i in facts.imports) and prop == name
    o = origin(project, path, local)
    return o.kind == "package" and o.path == package and o.name == name


def entity_key(project, path: str, local: str) -> EntityKey:
    """The identity of an entity class named `local` in `path` (its name when not resolvable)."""
    o = origin(project, path, local)
    return (o.path, o.name) if o.kind in ("class", "local") else ("", local)


def module_of(project, ref: Origin) -> NestModule | None:
    """The `@Module` class `ref` names, if it is one."""
    if ref.kind != "class":
        return None
    facts = project.facts(ref.path)
    nest = facts.nest if facts is not None else None
    return next((m for m in nest.modules if m.name == ref.name), None) if nest is not None else None


def class_of(project, ref: Origin) -> NestClass | None:
    if ref.kind != "class":
        return None
    facts = project.facts(ref.path)
    nest = facts.nest if facts is not None else None
    return next((c for c in nest.classes if c.name == ref.name), None) if nest is not None else None


def visible_repos(project, path: str, mod: NestModule) -> Repos:
    """The repositories `mod` (declared in `path`) can inject, globals included."""
    out = Repos()
    if not mod.known or mod.imports is None or mod.providers is None or mod.has_static_methods:
        out.unknown = True  # a static `forRoot()` may add imports when the module is used dynamically
        return out
    for item in mod.imports:
        out.add(_imported_repos(project, path, item, ()))
    for item in mod.providers:
        out.add(_provided_token(project, path, item))
    out.add(global_repos(project))
    return out


def _provided_token(project, path: str, item: NestItem) -> Repos:
    """A provider of the module itself that may be a repository token (`provide: getRepositoryToken(E)`,
    or a constant holding it); a name that is no class (`userRepoProvider`, a const holding such a
    provider object) may be one."""
    out = Repos()
    if item.kind in ("spread", "other", "call"):
        out.unknown = True
    elif item.kind == "ident":
        out.unknown = origin(project, path, item.name).kind not in ("class", "package")
    elif item.kind == "provider":
        kind, token = item.token
        if kind == "other" or kind == "ident" and origin(project, path, token).kind not in ("class", "package"):
            out.unknown = True  # a call, or a constant that may hold `getRepositoryToken(E)`
        elif kind == "string" and token.endswith("Repository"):
            out.maybe.add(token[: -len("Repository")].rsplit("_", 1)[-1])
    return out


def _imported_repos(project, path: str, item: NestItem, stack: tuple) -> Repos:
    """What importing `item` (an element of an `imports` array in `path`) makes injectable."""
    out = Repos()
    if item.kind == "feature":
        return _feature_repos(project, path, item)
    if item.kind in ("ident", "forward"):
        ref = origin(project, path, item.name)
        if ref.kind == "package":
            return out  # a library module class cannot know the workspace's entities
        mod = module_of(project, ref)
        if mod is None:
            out.unknown = True
            return out
        return exported_repos(project, ref, mod, stack)
    if item.kind == "call":
        return _dynamic_repos(project, path, item)
    out.unknown = True
    return out


def _feature_repos(project, path: str, item: NestItem) -> Repos:
    out = Repos()
    if not is_from(project, path, item.name.rsplit(".", 1)[0], NEST_TYPEORM, "TypeOrmModule"):
        return _dynamic_repos(project, path, item)
    if item.entities is None or item.connection is None:
        out.unknown = True
        return out
    for kind, name, _, _ in item.entities:
        if kind != "ident":
            out.unknown = True
            continue
        if origin(project, path, name).kind == "local":
            out.unknown = True  # a constant (`new EntitySchema({ target: Auth })`): its repository's name is its own
            continue
        key = entity_key(project, path, name)
        out.pairs.add((key, item.connection))
        if not key[0]:
            out.maybe.add(name)  # not resolved: any class of that name may be it
    return out


def _dynamic_repos(project, path: str, item: NestItem) -> Repos:
    """`X.forRoot(...)`: a library's dynamic module provides no repository of the workspace's
    entities unless it was handed them; a workspace one may provide anything."""
    out = Repos()
    head, _, method = item.name.partition(".")
    if method in ("forRoot", "forRootAsync") and is_from(project, path, head, NEST_TYPEORM, "TypeOrmModule"):
        return out  # the connection: a DataSource and an EntityManager, no repository
    ref = origin(project, path, head)
    if ref.kind == "package":
        out.maybe.update(item.arg_names)
    elif not (ref.kind == "local" and not method and opens_connection(project, ref)):
        out.unknown = True
    return out


def opens_connection(project, ref: Origin) -> bool:
    """Whether the workspace function `ref` just returns `TypeOrmModule.forRoot(Async)(...)`."""
    facts = project.facts(ref.path)
    callee = facts.nest.returns.get(ref.name, "") if facts is not None and facts.nest is not None else ""
    head, _, method = callee.rpartition(".")
    return method in ("forRoot", "forRootAsync") and is_from(project, ref.path, head, NEST_TYPEORM, "TypeOrmModule")


def exported_repos(project, ref: Origin, mod: NestModule, stack: tuple = ()) -> Repos:
    """What a module that imports `mod` gets from it."""
    out = Repos()
    if ref in stack:
        return out  # an import cycle (forwardRef): what it adds is counted once, elsewhere
    if not mod.known or mod.exports is None or mod.imports is None:
        out.unknown = True
        return out
    stack = stack + (ref,)
    for item in mod.exports:
        out.add(_exported_item(project, ref, mod, item, stack))
    return out


def _exported_item(project, ref: Origin, mod: NestModule, item: NestItem, stack: tuple) -> Repos:
    path = ref.path
    out = Repos()
    if item.kind == "feature" and is_from(project, path, item.name.rsplit(".", 1)[0], NEST_TYPEORM, "TypeOrmModule"):
        # Nest records an exported dynamic module by its class: `exports: [TypeOrmModule.forFeature([A])]`
        # re-exports every TypeOrmModule the module imports, as `exports: [TypeOrmModule]` does (the
        # list it names counts too: what the source may mean stays visible)
        out.add(_imported_repos(project, path, item, stack))
        out.add(_typeorm_imports(project, path, mod, stack))
        return out
    if item.kind in ("ident", "forward"):
        if is_from(project, path, item.name, NEST_TYPEORM, "TypeOrmModule"):
            return _typeorm_imports(project, path, mod, stack)
        target = origin(project, path, item.name)
        sub = module_of(project, target)
        if sub is not None:
            return exported_repos(project, target, sub, stack)
        # a const or function of the workspace (`const feature = TypeOrmModule.forFeature([User])`)
        # may hold any module; a class that is no module, or a library's module, exports no repository
        out.unknown = target.kind in ("unknown", "local")
        return out
    if item.kind in ("feature", "call"):
        return _imported_repos(project, path, item, stack)
    if item.kind == "provider":
        return _provided_token(project, path, item)
    out.unknown = True
    return out


def _typeorm_imports(project, path: str, mod: NestModule, stack: tuple) -> Repos:
    """The repositories of every import of `mod` that is (or may be) a TypeOrmModule: what
    exporting TypeOrmModule re-exports."""
    out = Repos()
    for imp in mod.imports or ():
        if imp.kind in ("feature", "call"):
            out.add(_imported_repos(project, path, imp, stack))
        elif imp.kind not in ("ident", "forward"):
            out.unknown = True
    return out


def global_repos(project) -> Repos:
    """Repositories of the workspace's `@Global()` modules (visible in every module), computed once.

    A module whose static method may return `{ global: true }` and that mentions repositories
    makes the answer unknown: what its dynamic module provides is not in the source as data."""
    return GLOBAL_REPOS(project)


def _global_repos(project) -> Repos:
    out = Repos()
    for path in candidate_files(project):
        facts = project.facts(path)
        for mod in facts.nest.modules if facts is not None and facts.nest is not None else ():
            if mod.is_global and not mod.built_only:
                out.add(exported_repos(project, Origin("class", path, mod.name), mod))
            elif mod.may_be_global and mod.mentions_repositories:
                out.unknown = True
    return out


GLOBAL_REPOS: Memo[Repos] = Memo("nest global repositories", _global_repos)


def _names_global(has: Callable[[bytes], bool]) -> bool:
    return has(b"@Module") and has(b"lobal")


def candidate_files(project, wanted: Callable[[Callable[[bytes], bool]], bool] = _names_global) -> list[str]:
    """Files that may declare a global module: the linted ones, and for a run over part of the
    workspace every file of its packages `wanted` says may (given whether the file mentions a word:
    by default a module that names `Global`/`global`; a byte search through `Project.mentions`, so
    that only those are parsed, and the run cache sees what was searched)."""
    found = [p for p, f in project.files.items() if f.nest is not None]
    if project.all_sources:
        rest = [p for p in project.all_sources if p not in project.files]
    else:
        ws = project.workspace
        roots = {ws.root} | {m.dir for m in ws.member_manifests}
        rest = [p for r in sorted(roots) for p in project.package_sources(r) if p not in project.files]
    for path in rest:
        if wanted(lambda word, path=path: project.mentions(path, word)):
            found.append(path)
    return sorted(set(found))
