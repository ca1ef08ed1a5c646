"""Which files and classes are TypeORM migrations, and which migration set each belongs to.

A migration is a class in a migration file (under a `migrations`/`migration` directory, matched
by the configured globs, or loaded by a `migrations:` option) that implements MigrationInterface
(or an interface ending in `Migration`), declares `up`/`down`, or extends a migration. The
directory alone is not enough (real repos keep helper DSLs there), and other tools' migrations
(MikroORM, knex, Kysely, a data migration run with Prisma or Mongoose, or a class implementing
another package's `...Migration` type in a file that imports nothing from TypeORM) are not TypeORM's.
"""

from __future__ import annotations

import bisect
import os
import re
from typing import Iterable, Iterator
from dataclasses import dataclass, field

from migrationlint import globs
from migrationlint.extract.records import ClassFact, FileFacts, HeaderDamage, MigrationsOption
from migrationlint.globs import match_any
from migrationlint.model import packages as pk
from migrationlint.model.project import Memo, Project, per_key
from migrationlint.model.nx_projects import nearest_project_json
from migrationlint.model.packages import is_relative
from migrationlint.model.resolve import resolver_for
from migrationlint.model.specifiers import resolve_relative
from migrationlint.model.workspace import DEP_SECTIONS

# migration tools and database clients whose migrations (or a project's own data migrations run
# with them: `static up(db: PrismaClient)`) are not TypeORM's when the file imports nothing of TypeORM
OTHER_MIGRATION_TOOLS = ("@mikro-orm/", "mikro-orm", "knex", "kysely", "umzug", "sequelize", "db-migrate",
                         "node-pg-migrate", "@adonisjs/lucid", "typeorm-seeding", "@prisma/client", "mongoose",
                         "mongodb", "drizzle-orm", "objection")
_MIGRATION_DIR = re.compile(r"(^|/)migrations?(/|$)")


def in_migration_dir(rel_path: str) -> bool:
    directory = rel_path.rsplit("/", 1)[0] if "/" in rel_path else ""
    return bool(_MIGRATION_DIR.search(directory))


def imported_from(facts: FileFacts, local: str) -> str | None:
    """The module a local name was imported from, if it was."""
    for imp in facts.imports:
        if local in imp.locals:
            return imp.specifier
    return None


def _other_tool(spec: str | None) -> bool:
    return spec is not None and any(spec == t or spec.startswith(t) for t in OTHER_MIGRATION_TOOLS)


def is_migration_class(cls: ClassFact, facts: FileFacts, local_migrations: set[str] | None = None) -> bool:
    """Whether a class in a migration file is a TypeORM migration."""
    if _foreign_contract(cls, facts):
        return False
    if cls.extends:
        base = cls.extends.split("<", 1)[0].split(".")[-1]
        if _other_tool(imported_from(facts, cls.extends.split("<", 1)[0].split(".")[0])):
            return False
        if base.endswith("Migration") or (local_migrations and base in local_migrations):
            return True
    for iface in cls.implements:
        name = iface.split(".")[-1]
        if name == "MigrationInterface" or name.endswith("Migration") and ("up" in cls.methods or "down" in cls.methods):
            return True  # not a project's own `Migration` contract of another shape (`migrate()`, no up or down)
    if "up" in cls.methods or "down" in cls.methods:
        return not any(_other_tool(i.specifier) for i in facts.imports) or bool(facts.imports_from("typeorm"))
    return False


def migration_classes(facts: FileFacts) -> list[ClassFact]:
    """The TypeORM migration classes of a file (assumed to be a migration file)."""
    found: list[ClassFact] = []
    names: set[str] = set()
    for _ in range(2):  # second pass lets classes extend migrations declared in the same file
        found = [c for c in facts.classes if c.name and is_migration_class(c, facts, names)]
        names = {c.name for c in found}
    # an abstract base (`abstract class BaseMigration implements MigrationInterface`) is extended, never
    # run: where a glob loads its file, TypeORM would refuse to start, so a working repository's
    # base lies where no glob looks; its name and registration are not a migration's
    return [c for c in found if not c.abstract]


def _foreign_contract(cls: ClassFact, facts: FileFacts) -> bool:
    """The class extends or implements a migration type of another package (`IMongoMigration` from
    a Mongo migration library) and the file uses nothing of TypeORM: another tool's migration,
    whatever its name or its `up`/`down`. A base named in the file or imported by a relative path
    (a project's own `BaseMigration`) says nothing, and neither does a file that imports TypeORM or
    implements `MigrationInterface` itself."""
    heritage = ([cls.extends] if cls.extends else []) + list(cls.implements)
    if facts.imports_from("typeorm") or any(h.split(".")[-1] == "MigrationInterface" for h in heritage):
        return False  # TypeORM's own contract, wherever the file imports it from (a re-export)
    for name in heritage:
        base = name.split("<", 1)[0]
        if not base.split(".")[-1].endswith("Migration"):
            continue  # a mixin or lifecycle interface says nothing about whose migration this is
        source = imported_from(facts, base.split(".")[0])
        if source is not None and pk.classify(source) == "package":
            return True
    return False


def header_is_migration(h: HeaderDamage, facts: FileFacts) -> bool:
    """A damaged header counts as a migration when its heritage names one, or when the file is
    otherwise TypeORM's (imports typeorm) and no other migration tool."""
    words = [w for w in h.heritage if w not in ("implements", "extends", ",")]
    if any(w.endswith("MigrationInterface") or w.endswith("Migration") for w in words):
        return not any(_other_tool(imported_from(facts, w)) for w in words)
    return bool(facts.imports_from("typeorm")) and not any(_other_tool(i.specifier) for i in facts.imports)


@dataclass
class MigrationSet:
    """Files one `migrations:` option loads (or one package's migrations when there is none)."""

    key: str
    owner: str  # the file holding the option, or the package directory
    option: MigrationsOption | None = None  # the option in `owner` (None: a package's migrations, no option)
    files: set[str] = field(default_factory=set)
    glob_files: set[str] = field(default_factory=set)  # loaded through a glob (MIG006 applies)


def _candidates(path: str) -> list[str]:
    """Forms of a source path a runtime glob may name: itself, built output, `.js`."""
    out = [path]
    stem, ext = os.path.splitext(path)
    if ext in (".ts", ".mts", ".cts"):
        out.append(stem + ".js")
    for src, dist in (("/src/", "/dist/"), ("/src/", "/dist/src/"), ("/src/", "/build/")):
        if src in path:
            built = path.replace(src, dist, 1)
            out.append(built)
            out.append(os.path.splitext(built)[0] + ".js")
    return out


def resolve_glob(pattern: str, owner_file: str, package_root: str) -> str:
    """An absolute glob for a `migrations:` string: `__dirname` is the config file's directory,
    a relative pattern is relative to the package root (the process's working directory)."""
    if pattern.startswith("{__dirname}"):
        rest = pattern[len("{__dirname}"):]
        absolute = os.path.dirname(owner_file) + ("/" if not rest.startswith("/") else "") + rest
    elif os.path.isabs(pattern):
        absolute = pattern
    else:
        absolute = os.path.join(package_root, pattern)
    parts: list[str] = []
    for part in absolute.replace(os.sep, "/").split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/" + "/".join(parts)


def glob_matches(pattern: str, path: str) -> bool:
    """Whether a runtime glob names the built form of the source `path`. Besides `src/` built to
    `dist/` (_candidates), a build folder may mirror the package itself: `outDir: dist` with no
    rootDir over `src/` and `migrations/` builds `migrations/x.ts` to `dist/migrations/x.js`."""
    patterns = [pattern, *(pattern.replace(d, "/", 1) for d in _BUILD_FOLDERS if d in pattern)]
    return any(globs.compile_glob(p).match(c.replace(os.sep, "/")) for p in patterns for c in _candidates(path))


_BUILD_FOLDERS = ("/dist/", "/build/")


# ----------------------------------------------------------------------------- migration sets of a run

def linted_migration_classes(project: Project) -> Iterator[tuple[str, ClassFact]]:
    """(path, class) of every migration class in the migration files the run lints, by path: what
    the rules that judge one class at a time (MIG008, MIG014) walk."""
    for path, facts in sorted(project.files.items()):
        if not facts.skipped and is_migration_file(project, path):
            yield from ((path, cls) for cls in migration_classes(facts))


def is_migration_file(project: Project, path: str) -> bool:
    memo = _IS_MIGRATION_FILE(project)
    found = memo.get(path)
    if found is None:
        found = memo[path] = _is_migration_file(project, path)
    return found


def _is_migration_file(project: Project, path: str) -> bool:
    rel = project.rel(path)
    if project.settings.migrations and match_any(project.settings.migrations, rel):
        return True
    if in_migration_dir(rel) and not os.path.basename(path).startswith(".") \
            and (_TYPEORM_KNOWN(project) or _imports_typeorm(project, path)):
        return True  # a hidden file (`.migrationTemplate.ts`, a generator's template) no glob loads
    return path in _GLOBBED_FILES(project)  # asked for every linted file: one set, not a scan of every set


def _typeorm_known(project: Project) -> bool:
    """Whether the repository uses TypeORM: a manifest declares it, the lockfile holds it, or no
    manifest says (a file linted alone). A migrations folder of a repository that knows no TypeORM
    holds another tool's migrations (a CMS's block-data migrations, on MikroORM); a file there that
    imports TypeORM is one all the same."""
    ws = project.workspace
    manifests = [ws.manifest(os.path.join(d, "package.json")) for d in ws.manifest_dirs]
    if not manifests or any(not m.error and m.declared("typeorm") for m in manifests):
        return True
    return ws.lockfile is not None and "typeorm" in ws.lockfile.versions


def _imports_typeorm(project: Project, path: str) -> bool:
    facts = project.facts(path)
    return facts is not None and bool(facts.imports_from("typeorm"))


def migration_sets(project: Project) -> list[MigrationSet]:
    """Migration sets of the workspace, computed once per run."""
    return MIGRATION_SETS(project)


def _compute_sets(project: Project) -> Iterable[MigrationSet]:
    ws = project.workspace
    by_package: dict[str, list[str]] = {}
    for path in project.files:
        by_package.setdefault(ws.package_root(path), []).append(path)
    holders = dict(project.files)
    if not project.all_sources:  # a run over part of the workspace: the rest of each package is context
        holders.update(_package_context(project, by_package))
    known = sorted({p for paths in by_package.values() for p in paths})
    packages_with_option: set[str] = set()
    unread: set[str] = set()  # packages with an option that names what it loads in a way not followed
    for path, facts in sorted(holders.items()):
        if facts.migrations_options and not (_TYPEORM_KNOWN(project) or _imports_typeorm(project, path)):
            continue  # a `migrations` key where no TypeORM is in use (a bundler's `input` chunk, Kysely)
        for opt in facts.migrations_options:
            pkg = ws.package_root(path)
            if any(kind == "other" for kind, _, _, _ in opt.items):
                unread.add(pkg)
            s = MigrationSet(key=f"{path}:{opt.start}:{opt.alternative}", owner=path, option=opt)
            for kind, value, _, _ in opt.items:
                if kind == "glob":
                    hits = next((h for base in _working_folders(path, pkg, value)
                                 for pattern in _with_sources(project, path, resolve_glob(value, path, base))
                                 if (h := _glob_hits(pattern, by_package.get(pkg, []), known))), set())
                    s.files |= hits
                    s.glob_files |= hits
                elif kind == "ident":
                    s.files |= _files_of_identifier(project, facts, value)
            if s.files:
                packages_with_option.add(pkg)
                yield s
    for pkg, paths in sorted(by_package.items()):
        if pkg in packages_with_option:
            continue
        rels = [p for p in paths if in_migration_dir(project.rel(p))
                or (project.settings.migrations and match_any(project.settings.migrations, project.rel(p)))]
        if rels and (pkg in unread or _uses_unread_option(ws, pkg, unread)):
            yield from _folder_sets(pkg, rels)
        elif rels:
            yield MigrationSet(key=pkg, owner=pkg, files=set(rels))


def _with_sources(project: Project, owner: str, pattern: str) -> list[str]:
    """The glob, then the same glob with the output folder of the owner's tsconfig (`outDir: dest`)
    read as its source folder (`rootDir`, else the tsconfig's folder or its `src/`): `dest/migration/mysql/*.js` names
    the build of `src/migration/mysql/*.ts` (`dist/` and `build/` are read so by glob_matches)."""
    cfg = resolver_for(project).tsconfig_for(owner)
    out = cfg.out_dir.replace(os.sep, "/").rstrip("/") + "/" if cfg is not None and cfg.out_dir else None
    if out is None or not pattern.startswith(out):
        return [pattern]
    roots = [cfg.root_dir] if cfg.root_dir else [cfg.dir, os.path.join(cfg.dir, "src")]  # tsc's default: the sources' common folder
    return [pattern, *(r.replace(os.sep, "/").rstrip("/") + "/" + pattern[len(out):] for r in roots)]


def _glob_hits(pattern: str, package_paths: list[str], known: list[str]) -> set[str]:
    hits = {p for p in package_paths if glob_matches(pattern, p)}
    return hits | {p for p in _under(known, pattern) if p not in hits and glob_matches(pattern, p)}


def _working_folders(owner: str, pkg: str, pattern: str) -> list[str]:
    """Where a relative `migrations` glob may be read from: the package root (the process's working
    directory), else the folder of the Nx project (a project.json) between it and the option's
    file: an app of a repository with one package.json runs its targets from its own folder (`cwd:
    apps/media`), so `src/migrations/**` is that app's. Absolute and `__dirname` globs have one answer."""
    if pattern.startswith("{__dirname}") or os.path.isabs(pattern):
        return [pkg]
    project = nearest_project_json(os.path.dirname(owner), pkg, os.path.isfile, {})
    return [pkg] if project is None or os.path.dirname(project) == pkg else [pkg, os.path.dirname(project)]


def _uses_unread_option(ws, pkg: str, unread: set[str]) -> bool:
    """Whether a workspace package that `pkg` declares holds an option choosing its folder at run
    time (a shared DataSource-options builder that each service gives only its base folder): the
    service's migrations are then loaded the way that option says, one folder at a time."""
    if not unread:
        return False
    manifest = ws.manifest(os.path.join(pkg, "package.json"))
    if manifest is None or manifest.error:
        return False
    for section in DEP_SECTIONS:
        for name in manifest.section(section):
            member = ws.member(name)
            if member is not None and member.dir in unread:
                return True
    return False


def _folder_sets(pkg: str, paths: list[str]) -> Iterator[MigrationSet]:
    """One set per folder, for a package whose option chooses its folder at run time
    (`${options.type}/*.js`, a path computed at start-up): which folder loads is unknown, but a
    glob loads one folder, not the package's every migrations folder at once (one per dialect)."""
    by_folder: dict[str, set[str]] = {}
    for path in paths:
        by_folder.setdefault(os.path.dirname(path), set()).add(path)
    for folder, files in sorted(by_folder.items()):
        yield MigrationSet(key=f"{pkg}:{folder}", owner=pkg, files=files)


def _under(paths: list[str], pattern: str) -> list[str]:
    """The sorted `paths` a runtime glob can match: those under its literal directory, taken in its
    source form (cut before `/dist/` or `/build/`, which glob_matches maps back to `/src/`)."""
    cut = next((i for i, ch in enumerate(pattern) if ch in "*?[{"), len(pattern))
    head = pattern[: pattern.rfind("/", 0, cut) + 1]
    for marker in ("/dist/", "/build/"):
        at = head.find(marker)
        if at != -1:
            head = head[: at + 1]
    lo = bisect.bisect_left(paths, head)
    hi = bisect.bisect_left(paths, head + "\U0010ffff")
    return paths[lo:hi]


def _package_context(project: Project, by_package: dict[str, list[str]]) -> dict[str, FileFacts]:
    """For a run over a few files (pre-commit): add the other files of their packages to
    `by_package`, and return the facts of those that may hold a `migrations:` option. A byte
    scan picks them, so only those few are parsed (or read from the cache), never the repository."""
    holders: dict[str, FileFacts] = {}
    for pkg, paths in by_package.items():
        linted = set(paths)
        for path in project.package_sources(pkg):
            if path in linted:
                continue
            paths.append(path)
            facts = project.facts(path) if project.mentions(path, b"migrations") else None
            if facts is not None and not facts.skipped:
                holders[path] = facts
    return holders


def _files_of_identifier(project: Project, facts: FileFacts, ident: str) -> set[str]:
    """Files whose migrations an identifier in a `migrations:` option stands for: the module it was
    imported from and the modules that one imports (an `index.ts` listing migration classes)."""
    module = facts.path
    for imp in facts.imports:
        if ident in imp.locals:
            target = source_module(project, facts.path, imp.specifier)
            if target is None:
                return set()
            module = target
            break
    found = {module}
    mf = project.facts(module)
    if mf is not None:
        for imp in mf.imports:
            target = source_module(project, module, imp.specifier)
            if target is not None:
                found.add(target)
    return found


def source_module(project: Project, importer: str, specifier: str) -> str | None:
    """The workspace file a specifier names: a relative path, or a tsconfig alias to source
    (`import { migrationList } from '~/migrations'`); None for a package or what is not found."""
    target = resolve_relative(importer, specifier)
    if target is not None or is_relative(specifier):
        return target
    res = resolver_for(project).resolve(importer, specifier)
    return res.path if res.is_source and res.origin in ("alias", "baseUrl", "rootDirs", "imports") else None


MIGRATION_SETS: Memo[list[MigrationSet]] = Memo("migration sets", lambda project: list(_compute_sets(project)))
_IS_MIGRATION_FILE: Memo[dict[str, bool]] = per_key("is migration file")
_TYPEORM_KNOWN: Memo[bool] = Memo("the repository uses TypeORM", _typeorm_known, disk_only=True)
_GLOBBED_FILES: Memo[set[str]] = Memo("files loaded by migrations globs",
                                      lambda project: {p for s in migration_sets(project) for p in s.glob_files})
LOADED_FILES: Memo[list[str]] = Memo("files some migration set loads",
                                     lambda project: sorted({p for s in migration_sets(project) for p in s.files}))
# what a DataSource's `migrations` option loads (`./migrations/*.ts`): the TypeORM CLI or the
# application runs these files, whatever tsconfig compiles them (dead_files asks)
OPTION_LOADED: Memo[frozenset[str]] = Memo("files a migrations option loads", lambda project: frozenset(
    p for s in migration_sets(project) if s.option is not None for p in s.files))
