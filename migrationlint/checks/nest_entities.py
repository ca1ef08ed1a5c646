"""NEST002: an entity registered with `forFeature` that its connection does not know.

`TypeOrmModule.forFeature([E])` asks the connection for E's metadata; when the connection's
`entities` (classes or globs) leave E out and `autoLoadEntities` is off, TypeORM throws
`EntityMetadataNotFoundError: No metadata for "E" was found.` Only connections whose options are
literal are read; a computed option, a glob that matches nothing, or `autoLoadEntities` set by a
variable keeps the rule silent.
"""

from __future__ import annotations

from typing import Iterator

from migrationlint.checks.base import Memo, Project, Rule, diagnostic, per_key
from migrationlint.diagnostics import Diagnostic, Severity
from migrationlint.model.declarations import origin
from migrationlint.model.imported_anywhere import file_names, importers, workspace_sources
from migrationlint.model.migrations import glob_matches, resolve_glob
from migrationlint.model.resolve import resolver_for
from migrationlint.model.nest_graph import NEST_COMMON, NEST_TYPEORM, entity_key, is_from
from migrationlint.extract.nest_records import NestItem, OrmRoot

NEST002 = Rule("NEST002", "entity-not-registered", Severity.ERROR,
               "An entity given to `TypeOrmModule.forFeature` that its connection's `entities` leave out "
               "(without `autoLoadEntities`): TypeORM finds no metadata for it.")
RULES = [NEST002]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)
_ROOTS: Memo[dict[str, list]] = per_key("NEST002 forRoot options by package")


def check(project: Project) -> Iterator[Diagnostic]:
    for path, facts in sorted(project.files.items()):
        if facts.skipped or facts.nest is None or project.is_test_file(path):
            continue
        for mod in facts.nest.modules:
            if not is_from(project, path, mod.decorator, NEST_COMMON, "Module"):
                continue
            for item in mod.imports or ():
                if item.kind == "feature" and item.connection is not None and item.entities is not None \
                        and is_from(project, path, item.name.rsplit(".", 1)[0], NEST_TYPEORM, "TypeOrmModule"):
                    yield from _feature(project, path, item, mod.name)


def _feature(project: Project, path: str, item: NestItem, module: str) -> Iterator[Diagnostic]:
    roots = _connection(project, project.workspace.package_root(path), item.connection or "")
    if not roots:
        return
    for kind, name, start, end in item.entities or ():
        key = entity_key(project, path, name) if kind == "ident" else ("", "")
        if not key[0] or _custom_repository(project, key) \
                or any(_includes(project, root_path, root, key) for root_path, root in roots):
            continue
        if not _used(project, path, module):
            return  # a module nothing imports: no application loads it, nothing fails at start-up
        where = ", ".join(sorted({project.rel(p) for p, _ in roots}))
        calls = "/".join(sorted({r.callee.rsplit(".", 1)[-1] for _, r in roots}))  # forRoot, forRootAsync
        conn = f"connection '{item.connection}'" if item.connection else "the default connection"
        cause = f"{name} is an @Injectable() class, not an entity (no @Entity()): `forFeature` takes entities; " \
            f"to inject {name}, list it in the module's `providers` instead" if _provider(project, key) else \
            f"{conn[0].upper()}{conn[1:]} (TypeOrmModule.{calls} in {where}) neither lists {name} in `entities` " \
            f"nor matches its file, and `autoLoadEntities` is off"
        yield diagnostic(NEST002, path, start, end,
                         f"EntityMetadataNotFoundError: No metadata for \"{name}\" was found. {cause}")



def _used(project: Project, path: str, module: str) -> bool:
    """Whether the module may be loaded: some file imports its file and some other file names its
    class (Nest loads a module only through another's `imports`, or `NestFactory.create` given it),
    not only a barrel's `export *`."""
    if next(importers(project, path, file_names(path), resolver_for(project)), None) is None:
        return False
    word = module.encode("utf-8")
    return any(other != path and project.mentions(other, word) for other in workspace_sources(project, path))


_REPOSITORIES = frozenset({"Repository", "TreeRepository", "MongoRepository", "AbstractRepository"})


def _custom_repository(project: Project, key: tuple[str, str], depth: int = 0) -> bool:
    """A custom repository class (`@EntityRepository(User) class UserRepository extends
    Repository<User>`, TypeORM 0.2), also through bases of the workspace (`extends
    BaseRepository<User>`, itself a Repository: @nestjs/typeorm asks `instanceof`, which follows
    the chain): `forFeature` asks the connection for its entity's metadata."""
    facts = project.facts(key[0])
    cls = next((c for c in facts.classes if c.name == key[1]), None) if facts is not None else None
    base = (cls.extends or "").split("<")[0].strip() if cls is not None else ""
    if not base or depth > 8:
        return False
    if base.rsplit(".", 1)[-1] in _REPOSITORIES:
        return True
    o = origin(project, key[0], base)
    return o.kind == "class" and _custom_repository(project, (o.path, o.name), depth + 1)


_ENTITY_DECORATORS = frozenset({"Entity", "ViewEntity", "ChildEntity"})


def _provider(project: Project, key: tuple[str, str]) -> bool:
    """An `@Injectable()` class with no entity decorator (a service or a wrapper around a repository
    given to `forFeature`): listing it in `entities` would not help, it belongs in `providers`."""
    facts = project.facts(key[0])
    nest = facts.nest if facts is not None else None
    cls = next((c for c in nest.classes if c.name == key[1]), None) if nest is not None else None
    names = {d.rsplit(".", 1)[-1] for d in cls.decorators} if cls is not None else set()
    return "Injectable" in names and not names & _ENTITY_DECORATORS


def _connection(project: Project, pkg: str, name: str) -> list[tuple[str, OrmRoot]]:
    """The literal `forRoot` options of connection `name` in the package ([] when any of them, or
    any connection whose name is computed, cannot be read: then nothing is decided)."""
    memo = _ROOTS(project)
    found = memo.get(pkg)
    if found is None:
        found = memo[pkg] = _roots(project, pkg)
    if any(r.name is None for _, r in found):
        return []
    chosen = [(p, r) for p, r in found if _conn(r.name or "") == _conn(name)]
    if any(not _readable(project, p, r) for p, r in chosen):
        return []
    return chosen


def _conn(name: str) -> str:
    return "" if name == "default" else name


def _roots(project: Project, pkg: str) -> list[tuple[str, OrmRoot]]:
    out: list[tuple[str, OrmRoot]] = []
    for path in project.package_sources(pkg):
        facts = project.files.get(path)
        if facts is None:
            if not project.mentions(path, b"TypeOrmModule"):
                continue
            facts = project.facts(path)
        if facts is None or facts.skipped or facts.nest is None or project.is_test_file(path):
            continue
        out.extend((path, r) for r in facts.nest.roots
                   if is_from(project, path, r.callee.rsplit(".", 1)[0], NEST_TYPEORM, "TypeOrmModule"))
    return out



def _readable(project: Project, path: str, root: OrmRoot) -> bool:
    if not root.known or root.auto_load is not False or (root.has_entities and root.entities is None):
        return False
    pkg = project.workspace.package_root(path)
    for kind, value, _, _ in root.entities or ():
        if kind == "other" or (kind == "ident" and not entity_key(project, path, value)[0]):
            return False
        if kind == "glob":
            pattern = resolve_glob(value, path, pkg)
            if not any(glob_matches(pattern, p) for p in project.package_sources(pkg)):
                return False
    return True


def _includes(project: Project, path: str, root: OrmRoot, key: tuple[str, str]) -> bool:
    pkg = project.workspace.package_root(path)
    for kind, value, _, _ in root.entities or ():
        if kind == "ident" and entity_key(project, path, value) == key:
            return True
        if kind == "glob" and glob_matches(resolve_glob(value, path, pkg), key[0]):
            return True
    return False
