"""MIG007: a migration that no DataSource loads, so that it silently never runs.

A migration file of a package whose DataSource options all spell their `migrations` out (an
explicit list of classes, or globs), none of which loads that file; not a delegate that a loaded
migration constructs and runs (`new CreateUsersPostgres()` in a migration that picks a dialect). TypeORM does not complain:
`migration:run` and `migrationsRun` simply never see it. Any option the source does not spell out
(`process.env`, a function call, a list built elsewhere), and any other way to configure TypeORM
(ormconfig files, TYPEORM_MIGRATIONS in the environment), makes the rule silent for the package.
"""

from __future__ import annotations

import os
import re
from typing import Iterator

from migrationlint.checks.base import Memo, Project, Rule, diagnostic, per_key
from migrationlint.model.declarations import origin
from migrationlint.extract import typeorm_names as tn
from migrationlint.diagnostics import Diagnostic, Severity
from migrationlint.extract.records import FileFacts, MigrationsOption
from migrationlint.model.migrations import (
    LOADED_FILES,
    glob_matches,
    is_migration_file,
    migration_classes,
    migration_sets,
    resolve_glob,
    source_module,
)
from migrationlint.model.dead_files import outside_every_build
from migrationlint.model.migration_runners import runs_migrations_itself
from migrationlint.model.resolve import resolver_for
from migrationlint.model.text_templates import read_as_text

MIG007 = Rule("MIG007", "migration-not-registered", Severity.ERROR,
              "A migration that no DataSource's `migrations` option loads: it silently never runs.")
RULES = [MIG007]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)
_DECIDABLE: Memo[dict[str, list]] = per_key("MIG007 decidable options by package")
_OPTIONS: Memo[dict[str, list]] = per_key("MIG007 options by package")

_ORMCONFIG = ("ormconfig.json", "ormconfig.js", "ormconfig.ts", "ormconfig.yml", "ormconfig.yaml", "ormconfig.xml")
_ENV_FILES = (".env", ".env.local", ".env.production", ".env.example", ".env.development")
_MAX_IMPORT_DEPTH = 3


def check(project: Project) -> Iterator[Diagnostic]:
    for path, facts in sorted(project.files.items()):
        if facts.skipped or not is_migration_file(project, path) or project.is_test_file(path):
            continue
        classes = [c for c in migration_classes(facts)
                   if not any(h.name_start == c.name_start for h in facts.damaged_headers)]
        if not classes:
            continue
        where = unloaded_by(project, path)
        if where is None or _retired(project, path, classes) or read_as_text(project, path) is not None \
                or outside_every_build(project, resolver_for(project), path):
            continue  # unloaded on purpose: history a baseline replaced, a generator's template, a draft nothing builds
        for cls in classes:
            if run_by_a_migration(project, path, cls.name) is not None or run_by_its_package(project, path, cls.name):
                continue  # a delegate a loaded migration, or the application's bootstrap, constructs and runs
            if "up" in cls.empty_methods:
                continue  # a template left empty (`migration:create`): never running it loses nothing
            yield diagnostic(
                MIG007, path, cls.name_start, cls.name_end,
                f"Migration '{cls.name}' is not loaded by any DataSource: the `migrations` option of {where} "
                f"does not list it or match its file, so TypeORM never runs it (`migration:show` does not "
                f"list it and `migration:run` skips it): register it there, or delete the file if a newer migration "
                f"replaced it")


def _retired(project: Project, path: str, classes: list) -> bool:
    """History a squashed baseline replaced: the options load migrations from a subfolder of this
    file's folder (`migrations/v3/*.js`), or from a folder above it whose glob does not descend
    into this one (`migrations/*.ts` beside `migrations/archive/mysql/`), and every class here is
    older than the oldest of them (registering it would make the baseline's CREATE TABLE fail on a
    fresh database). A newer one left out is the "forgot to register" case, and reported."""
    folder = os.path.dirname(path) + os.sep
    apart = [p for p in _LOADED(project) if os.path.dirname(p) + os.sep != folder
             and (p.startswith(folder) or folder.startswith(os.path.dirname(p) + os.sep))]
    stamps = [tn.timestamp_of(c.name) for p in apart if (f := project.facts(p)) is not None for c in migration_classes(f)]
    oldest = min((t for t in stamps if t is not None and t > 0), default=0)
    return oldest > 0 and all(0 < (tn.timestamp_of(c.name) or 0) < oldest for c in classes)  # unstamped: not history


def unloaded_by(project: Project, path: str) -> str | None:
    """The DataSource files (relative, joined) whose `migrations` options all leave the migration
    file at `path` out, when every option of its package can be read; None when one loads it or
    none can say. TypeORM validates and runs only what an option loads (MIG007; MIG001 asks too)."""
    options = _decidable_options(project, project.workspace.package_root(path))
    if not options or path in _LOADED(project) or any(path in _listed_files(project, h, o) for h, o in options):
        return None
    return ", ".join(sorted({project.rel(h) for h, _ in options}))


def _loaded(project: Project) -> set[str]:
    """Files some DataSource of the workspace loads: each migration set's files, where an option
    whose identifiers all say exactly what they stand for (classes, exported arrays of classes)
    counts those files instead of everything their modules import."""
    found: set[str] = set()
    for mset in migration_sets(project):
        opt = mset.option
        idents = [v for k, v, _, _ in opt.items if k == "ident"] if opt is not None else []
        exact = [_exact_files(project, mset.owner, v) for v in idents]
        if opt is None or not idents or any(e is None for e in exact):
            found |= mset.files
        else:
            found |= mset.glob_files.union(*exact)
    return found


_LOADED: Memo[set[str]] = Memo("migration files some DataSource loads", _loaded)


def run_by_a_migration(project: Project, path: str, cls_name: str) -> str | None:
    """The file of a migration some DataSource loads that constructs the migration class `cls_name`
    of `path` (`new CreateUsersPostgres1700000000001()`, then `.up(queryRunner)`): a delegate that
    runs through it, whose name TypeORM never reads (registering it too would run it twice)."""
    return next((w for w in _CONSTRUCTED(project).get(cls_name, ()) if w != path and _names_class(project, w, cls_name, path)),
                None)


def _names_class(project: Project, user: str, cls_name: str, path: str) -> bool:
    """Whether `cls_name` in the file `user` is the class of `path` (imported from it)."""
    ref = origin(project, user, cls_name)
    return ref is not None and ref.kind == "class" and ref.path == path


def run_by_its_package(project: Project, path: str, cls_name: str) -> str | None:
    """A file of the migration's package, outside the migrations, that constructs its class
    (`await new initial0().up(queryRunner)` in a database bootstrap): the application runs it
    itself, and TypeORM never reads its name. Not a test's (`await new X().up(runner)` tests the
    migration TypeORM runs). Asked only when a finding would be reported."""
    word = cls_name.encode("utf-8")
    for other in project.package_sources(project.workspace.package_root(path)):
        if other == path or other in _LOADED(project) or not project.mentions(other, word) or project.is_test_file(other):
            continue
        facts = project.facts(other)
        if facts is not None and (any(e.callee == cls_name for e in facts.new_exprs) and _names_class(project, other, cls_name, path)
                                  or any(_loads_class(e.loaded, other, cls_name, path) for e in facts.new_exprs)):
            return other
    return None


def _loads_class(loaded: tuple[str, str] | None, user: str, cls_name: str, path: str) -> bool:
    """Whether `new (require(`./migration/${db}-initial`).initial0)()` in the file `user` constructs
    the class `cls_name` of the file at `path`: the module's path, relative to `user`, names it
    (each `*` one part of a name, the extension left out or written for the compiled file)."""
    if loaded is None or loaded[1] != cls_name or not loaded[0].startswith("."):
        return False
    target = re.sub(r"\.[cm]?[jt]s$", "", os.path.normpath(os.path.join(os.path.dirname(user), loaded[0])))
    pattern = "[^/]*".join(re.escape(part) for part in target.split("*"))
    return re.fullmatch(pattern, os.path.splitext(path)[0]) is not None


def _constructed(project: Project) -> dict[str, list[str]]:
    """{class name: the loaded migration files that construct a class of that name}."""
    found: dict[str, list[str]] = {}
    for loaded in sorted(_LOADED(project)):
        facts = project.facts(loaded)
        for expr in facts.new_exprs if facts is not None and not facts.skipped else ():
            found.setdefault(expr.callee, []).append(loaded)
    return found


_CONSTRUCTED: Memo[dict[str, list[str]]] = Memo("classes loaded migrations construct", _constructed)


def _decidable_options(project: Project, pkg: str) -> list[tuple[str, MigrationsOption]]:
    """The package's options when every one of them says exactly what it loads, else [] (once per package)."""
    memo = _DECIDABLE(project)
    found = memo.get(pkg)
    if found is None:
        options = _package_options(project, pkg)
        found = memo[pkg] = options if all(_readable(project, h, o) for h, o in options) else []
    return found



def _package_options(project: Project, pkg: str) -> list[tuple[str, MigrationsOption]]:
    """Every `migrations:` option of the package's files ([] when TypeORM may also be configured
    some other way: an ormconfig file or TYPEORM_* environment files at the package or the root)."""
    memo = _OPTIONS(project)
    if pkg in memo:
        return memo[pkg]
    found: list[tuple[str, MigrationsOption]] = []
    if not _other_configuration(project, pkg):
        for path in project.package_sources(pkg):
            facts = project.files.get(path)
            if facts is None:
                if not project.mentions(path, b"migrations"):
                    continue
                facts = project.facts(path)
            if facts is not None and not facts.skipped and not project.is_test_file(path):
                found.extend((path, opt) for opt in facts.migrations_options)
    memo[pkg] = found
    return found


def _other_configuration(project: Project, pkg: str) -> bool:
    """An ormconfig file or TYPEORM_MIGRATIONS in an env file of the package or the root, or a
    script of the package that loads the migrations folder's files itself (migration_runners.py)."""
    if runs_migrations_itself(project, pkg):
        return True
    for directory in {pkg, project.workspace.root}:
        if any(os.path.exists(os.path.join(directory, name)) for name in _ORMCONFIG):
            return True
        if any(project.mentions(os.path.join(directory, name), b"TYPEORM_MIGRATIONS") for name in _ENV_FILES):
            return True
    return False



def _readable(project: Project, holder: str, opt: MigrationsOption) -> bool:
    """Whether the option says exactly what it loads: every glob matches some file (else we may
    misread where it points), every identifier resolves, and nothing else is in it."""
    if not opt.items:
        return False
    pkg = project.workspace.package_root(holder)
    for kind, value, _, _ in opt.items:
        if kind == "glob":
            pattern = resolve_glob(value, holder, pkg)
            if not any(glob_matches(pattern, p) for p in _glob_candidates(project, pkg, pattern)):
                return False
        elif kind != "ident" or not _listed_files(project, holder, opt):
            return False
    return True


def _glob_candidates(project: Project, pkg: str, pattern: str) -> Iterator[str]:
    """Files a live glob most likely matches first (those some migration set already loads), then
    the rest of its package: `any()` over this stops at the first match."""
    yield from LOADED_FILES(project)
    yield from project.package_sources(pkg)


def _listed_files(project: Project, holder: str, opt: MigrationsOption) -> set[str]:
    """Files an option's identifiers may stand for: the modules they come from and what those
    import, a few levels deep (an index listing migration classes; more is safe, fewer is not)."""
    facts = project.facts(holder)
    if facts is None:
        return set()
    found: set[str] = set()
    for kind, value, _, _ in opt.items:
        if kind != "ident":
            continue
        exact = _exact_files(project, holder, value)
        if exact is not None:
            found |= exact
            continue
        start = _defining_module(project, facts, value)
        if start is None:
            return set()
        found |= _import_closure(project, start)
    return found


def _exact_files(project: Project, holder: str, ident: str) -> set[str] | None:
    """The files an identifier of a `migrations` option loads when the source says exactly: a
    class (its file), or an exported const array of classes in a workspace file
    (`export const migrations = [Init1700000000000, AddEmail1700000000001]`); None otherwise."""
    ref = origin(project, holder, ident)
    if ref.kind == "class":
        return {ref.path}
    facts = project.facts(ref.path) if ref.kind == "local" else None
    items = facts.nest.arrays.get(ref.name) if facts is not None and facts.nest is not None else None
    if not items or any(it.kind != "ident" for it in items):
        return None
    refs = [origin(project, ref.path, it.name) for it in items]
    return {r.path for r in refs} if all(r.kind == "class" for r in refs) else None


def _defining_module(project: Project, facts: FileFacts, ident: str) -> str | None:
    """The module whose imports an identifier's classes come from: the one it is imported from, or
    the holder itself for one of its top-level declarations (`const migrations = [Init, AddAge]`);
    None for anything else, such as a variable inside a function, which may hold anything (a path
    computed at start-up: `migrations: [migrationsDir]`)."""
    for imp in facts.imports:
        if ident in imp.locals:
            return source_module(project, facts.path, imp.specifier)
    return facts.path if origin(project, facts.path, ident).kind == "local" else None


def _import_closure(project: Project, start: str) -> set[str]:
    seen = {start}
    frontier = [start]
    for _ in range(_MAX_IMPORT_DEPTH):
        nxt: list[str] = []
        for path in frontier:
            facts = project.facts(path)
            for imp in facts.imports if facts is not None else ():
                target = source_module(project, path, imp.specifier)
                if target is not None and target not in seen:
                    seen.add(target)
                    nxt.append(target)
        frontier = nxt
    return seen
