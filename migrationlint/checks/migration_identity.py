"""MIG001-MIG006: how TypeORM identifies migrations (the MIG001-MIG006 rule pages say what TypeORM does)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterator

from migrationlint.extract import typeorm_names as tn
from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.extract.records import ClassFact, FileFacts, HeaderDamage
from migrationlint.checks.migration_neighbours import numbered_by_hand, older_in_milliseconds, reorders
from migrationlint.checks.migration_registration import run_by_its_package, run_by_a_migration, unloaded_by
from migrationlint.model.declarations import origin
from migrationlint.model.migration_tables import tables_touched
from migrationlint.model.migrations import (
    MigrationSet,
    is_migration_file,
    migration_sets,
    header_is_migration,
    migration_classes,
)

MIG001 = Rule("MIG001", "migration-name-invalid", Severity.ERROR,
              "TypeORM would reject the migration's name (no JavaScript timestamp at its end).", fix=FixAvailability.SOMETIMES)
MIG002 = Rule("MIG002", "migration-name-placeholder", Severity.ERROR,
              "An unrendered template placeholder or other damage in a migration's class header.", fix=FixAvailability.SOMETIMES)
MIG003 = Rule("MIG003", "migration-timestamp-mismatch", Severity.WARNING,
              "A migration timestamp that is implausible or disagrees with its file name.", fix=FixAvailability.SOMETIMES)
MIG004 = Rule("MIG004", "duplicate-migration", Severity.ERROR,
              "Two migrations with the same name (or timestamp) in one migration set.")
MIG005 = Rule("MIG005", "migration-name-mismatch", Severity.WARNING,
              "The `name` literal's timestamp differs from the class name's.")
MIG006 = Rule("MIG006", "migration-file-export", Severity.ERROR,
              "A file loaded by a `migrations:` glob exports something that is not a migration.")
RULES = [MIG001, MIG002, MIG003, MIG004, MIG005, MIG006]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)

IDENTITY_NOTE = ("changing it changes the migration's identity in the migrations table: if it has "
                 "already run, TypeORM will run it again")


@dataclass
class Migration:
    """One migration class with what TypeORM will make of it."""

    path: str
    cls: ClassFact
    name: str  # effective name
    source: str  # class | name | name-empty | name-empty-unknown


# ----------------------------------------------------------------------------- entry point

def check(project: Project) -> Iterator[Diagnostic]:
    migrations: list[Migration] = []
    for path, facts in sorted(project.files.items()):
        if facts.skipped or not is_migration_file(project, path):
            continue
        yield from _placeholders(project, facts)
        if project.is_test_file(path):
            continue  # a test's fixture: what a deployed database's start-up would make of it does not apply
        for cls in migration_classes(facts):
            if any(h.name_start == cls.name_start for h in facts.damaged_headers):
                continue
            m = _identity(project, facts, cls)
            if m is None:
                continue
            migrations.append(m)
            yield from _per_class(project, facts, m)
    sets = migration_sets(project)
    migrations.extend(_context_migrations(project, sets))
    yield from _duplicates(project, sets, migrations)
    yield from _file_exports(project, sets)


def _identity(project: Project, facts: FileFacts, cls: ClassFact) -> Migration | None:
    field = cls.field("name")
    if field is not None and field.value is None and not field.damaged and field.value_start >= 0:
        return None  # `name = SOME_CONST`: not knowable statically
    if field is not None and field.damaged:
        return None  # reported as MIG002 by _placeholders
    value = field.value if field is not None else None
    name, source = tn.effective_name(cls.name, value, project.typeorm_major(facts.path))
    return Migration(facts.path, cls, name, source)


# ----------------------------------------------------------------------------- MIG001 / 003 / 005

def _per_class(project: Project, facts: FileFacts, m: Migration) -> Iterator[Diagnostic]:
    if run_by_a_migration(project, facts.path, m.cls.name) is not None:
        return  # a delegate a loaded migration constructs and runs: TypeORM never reads its name
    if m.source.startswith("name-empty"):
        yield _empty_name(project, facts, m)
        return
    if unloaded_by(project, facts.path) is not None:
        return  # what no DataSource loads TypeORM never checks nor orders (MIG007 says so)
    found = [_invalid(project, facts, m)] if tn.is_fatal(m.name) else \
        [*_timestamp_shape(project, facts, m), *_name_mismatch(facts, m)]
    if found and run_by_its_package(project, facts.path, m.cls.name) is None:
        yield from found  # a class the application constructs and runs itself is no migration TypeORM names


def _name_span(m: Migration) -> tuple[int, int]:
    field = m.cls.field("name")
    if m.source == "name" and field is not None:
        return field.value_start, field.value_end
    return m.cls.name_start, m.cls.name_end


def _empty_name(project: Project, facts: FileFacts, m: Migration) -> Diagnostic:
    field = m.cls.field("name")
    assert field is not None
    fixed = _fixed_name(facts, m.cls.name, m.cls.name)
    when = ("TypeORM 1.x uses it as is" if m.source == "name-empty"
            else "the TypeORM version is unknown here; from 1.0 on it is used as is")
    msg = (f"`name = ''`: {when} and refuses to start ('{tn.runtime_error('')}'); "
           f"set it to the class name or remove it")
    fix = None
    if fixed is not None:
        fix = Fix(Applicability.SAFE, tuple(_rename_edits(facts, m.cls, fixed)), f"Set name to '{fixed}'")
    return diagnostic(MIG001, facts.path, field.value_start, field.value_end, msg, fix)


def _invalid(project: Project, facts: FileFacts, m: Migration) -> Diagnostic:
    start, end = _name_span(m)
    tail = m.name[-13:]
    origin = "the `name` field" if m.source == "name" else "the class name"
    reason = (f"TypeORM reads the timestamp from the last 13 characters of {origin} ('{tail}')"
              f" and gets {'0' if tn.timestamp_of(m.name) == 0 else 'NaN'}")
    if m.source == "name" and m.cls.name != m.name:
        reason += " (the `name` field replaces the class name)"
    fixed, where = _derive(facts, m.name, m.cls.name)
    runtime = f"at start-up: \"{tn.runtime_error(m.name)}\""
    if fixed is None:
        msg = (f"Migration name '{m.name}' is invalid: {reason}; TypeORM throws {runtime}. "
               f"Append a 13-digit JavaScript timestamp (Date.now() when the migration was written, "
               f"or the file name's prefix)")
        return diagnostic(MIG001, facts.path, start, end, msg)
    msg = (f"Migration name '{m.name}' is invalid: {reason}; TypeORM throws {runtime}. "
           f"Rename it to '{fixed}' ({where})")
    fix = Fix(Applicability.SAFE, tuple(_rename_edits(facts, m.cls, fixed)), f"Rename to '{fixed}'")
    return diagnostic(MIG001, facts.path, start, end, msg, fix)


def _derive(facts: FileFacts, name: str, class_name: str) -> tuple[str | None, str]:
    """The corrected `<Base><13 digits>` name and where its timestamp came from."""
    base, digits = tn.split_timestamp(tn.strip_placeholders(name))
    prefix = tn.file_prefix(os.path.basename(facts.path))
    ms = tn.to_millis(prefix) if prefix else None
    if ms is not None and tn.plausible(ms):
        return f"{base}{ms}", f"timestamp from the file name prefix {prefix}"
    for candidate in (digits, tn.split_timestamp(class_name)[1]):
        if candidate:
            ms = tn.to_millis(candidate)
            if ms is not None and tn.plausible(ms) and len(candidate) != 14:
                return f"{base}{ms}", (f"{candidate} read as seconds, times 1000" if len(candidate) == 10
                                       else f"timestamp {candidate} from the class name")
    return None, ""


def _fixed_name(facts: FileFacts, name: str, class_name: str) -> str | None:
    return _derive(facts, name, class_name)[0]


def _rename_edits(facts: FileFacts, cls: ClassFact, new: str) -> list[Edit]:
    """Edits that give the class and its `name` literal the name `new`, and same-file references."""
    edits: list[Edit] = []
    if cls.name != new:
        for start, end in facts.refs.get(cls.name, [(cls.name_start, cls.name_end)]):
            edits.append(Edit(facts.path, start, end, new))
        if not any(e.start == cls.name_start for e in edits):
            edits.append(Edit(facts.path, cls.name_start, cls.name_end, new))
    field = cls.field("name")
    if field is not None and field.value is not None and field.value != new:
        edits.append(Edit(facts.path, field.value_start, field.value_end, f"{field.quote}{new}{field.quote}"))
    return sorted(set(edits), key=lambda e: e.start)


def _timestamp_shape(project: Project, facts: FileFacts, m: Migration) -> Iterator[Diagnostic]:
    base, digits = tn.split_timestamp(m.name)
    ts = tn.timestamp_of(m.name)
    start, end = _name_span(m)
    problem = None
    if digits and len(digits) == 14 and tn.plausible(tn.dated_millis(digits)):
        older = older_in_milliseconds(project, facts.path, tn.dated_millis(digits))
        if older is None:
            return  # every migration beside it is written the same way: TypeORM's order is the dates' order
        problem = (f"ends in a 14-digit date-time ({digits}); TypeORM reads the last 13 digits as "
                   f"{ts} ({tn.describe(ts)}), so it sorts before every real migration: it runs before "
                   f"{older}, which is older")
    elif digits and len(digits) == 13 and tn.is_placeholder(digits):
        if ts and _BASELINE_WORDS & {w.lower() for w in _WORD.findall(f"{base} {os.path.basename(facts.path)}")}:
            return  # a squashed baseline numbered to run before every real stamp: a rename would run it again
        problem = f"has the placeholder timestamp {digits}, not the time the migration was written"
    elif ts is not None and not tn.plausible(ts):
        if ts > tn.now_ms() and numbered_by_hand(project, facts.path, ts):
            return  # the team's own sequence, ahead of the clock by design: TypeORM's order is theirs
        problem = f"has timestamp {ts} ({tn.describe(ts)}), which is before 2001 or more than a year ahead"
    prefix = tn.file_prefix(os.path.basename(facts.path))
    prefix_ms = tn.to_millis(prefix) if prefix else None
    if problem is None and prefix_ms is not None and tn.plausible(prefix_ms) and ts != prefix_ms \
            and (ts is None or reorders(project, facts.path, prefix_ms, ts)):
        if _stale_literal(m) and tn.timestamp_of(m.cls.name) == prefix_ms:
            return  # file and class agree, the literal alone differs: MIG005 names both renames
        said = prefix if str(prefix_ms) == prefix else f"{prefix} ({prefix_ms})"
        problem = (f"has timestamp {ts}, but its file name says {said}, and TypeORM runs it "
                   "in another place among the migrations of its folder than the file name says")
        if ts is not None:  # a valid class timestamp: the file name is what is wrong
            yield diagnostic(MIG003, facts.path, start, end, f"Migration '{m.name}' {problem}"
                             + _file_rename_remedy(facts.path, prefix, ts))
            return
    if problem is None:
        return
    fixed, where = _derive_shape(facts, base, digits, prefix, prefix_ms)
    msg = f"Migration '{m.name}' {problem}"
    fix = None
    if fixed is not None and fixed != m.name:
        msg += f"; rename to '{fixed}' ({where}) (unsafe fix: {IDENTITY_NOTE})"
        fix = Fix(Applicability.UNSAFE, tuple(_rename_edits(facts, m.cls, fixed)), f"Rename to '{fixed}'")
    yield diagnostic(MIG003, facts.path, start, end, msg, fix)


# the words a squashed baseline migration is named with (`Initial0000000000001`, `baseline.ts`,
# `CreateInitialSchema`), camelCase or kebab-case words
_BASELINE_WORDS = frozenset({"init", "initial", "baseline"})
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


# MIG004's remedy for a shared timestamp: a deployed migration's name is its identity
_RESTAMP = ("; give a migration no database has run yet a timestamp of its own (class and `name`), and leave "
            "deployed ones as they are: renaming a deployed migration runs it again")


def _file_says(path: str, ts: int) -> str:
    """`, though its file name says 1681138092700`: a class copied into a new file keeps the old stamp."""
    prefix = tn.file_prefix(os.path.basename(path))
    ms = tn.to_millis(prefix) if prefix else None
    return f", though its file name says {prefix}" if ms is not None and ms != ts else ""


def _file_rename_remedy(path: str, prefix: str, ts: int) -> str:
    """The remedy for a valid class timestamp that the file name contradicts: rename the file.
    TypeORM never reads file names, so nothing runs again and the order stays the one it has; the
    class rename would give a deployed migration a new identity (it runs again, elsewhere)."""
    name = os.path.basename(path)
    return (f"; rename the file to '{str(ts) + name[len(prefix):]}' (TypeORM never reads file names, so "
            "nothing runs again; renaming the class instead would run a deployed migration again)")


def _derive_shape(facts: FileFacts, base: str, digits: str | None, prefix: str | None,
                  prefix_ms: int | None) -> tuple[str | None, str]:
    if prefix_ms is not None and tn.plausible(prefix_ms):
        return f"{_mistyped_stamp_removed(base, prefix_ms)}{prefix_ms}", f"timestamp from the file name prefix {prefix}"
    if digits and len(digits) in (10, 14):
        ms = tn.to_millis(digits)
        if ms is not None and tn.plausible(ms):
            return f"{base}{ms}", f"{digits} converted to milliseconds"
    return None, ""


def _mistyped_stamp_removed(base: str, prefix_ms: int) -> str:
    """`base` without the rest of a mistyped timestamp: `Drop17211383860657` (a digit typed twice)
    splits as `Drop1721` + `1383860657`, and the `1721` that starts the file name's timestamp too
    belongs to the typo, not to the name. Digits that start otherwise stay (`AddFloat4`)."""
    run = re.search(r"\d+$", base)
    return base[:run.start()] if run is not None and str(prefix_ms).startswith(run.group()[:4]) \
        and len(run.group()) >= 4 else base


def _stale_literal(m: Migration) -> bool:
    """Whether the `name` literal and the class name end in different timestamps (MIG005's case)."""
    if m.source != "name" or tn.is_fatal(m.cls.name):
        return False
    _, class_digits = tn.split_timestamp(m.cls.name)
    _, name_digits = tn.split_timestamp(m.name)
    return bool(class_digits and name_digits) and tn.timestamp_of(m.cls.name) != tn.timestamp_of(m.name)


def _name_mismatch(facts: FileFacts, m: Migration) -> Iterator[Diagnostic]:
    if not _stale_literal(m):
        return
    class_ts, name_ts = tn.timestamp_of(m.cls.name), tn.timestamp_of(m.name)
    name_digits = tn.split_timestamp(m.name)[1]
    field = m.cls.field("name")
    assert field is not None
    yield diagnostic(
        MIG005, facts.path, field.value_start, field.value_end,
        f"The `name` literal's timestamp ({name_ts}) differs from the class name's ({class_ts}); "
        f"TypeORM uses the literal, so the class name is misleading (a stale copy-paste?): rename the class to "
        f"`{tn.split_timestamp(m.cls.name)[0]}{name_digits}` (and the files importing it){_file_too(facts.path, class_ts, name_ts)}, "
        f"never the literal, which the `migrations` table records, so changing it would run the migration again",
    )


def _file_too(path: str, class_ts: int | None, name_ts: int | None) -> str:
    """The file rename that goes with the class rename, for a file named with the class's timestamp."""
    name = os.path.basename(path)
    prefix = tn.file_prefix(name)
    if not prefix or name_ts is None or tn.to_millis(prefix) != class_ts:
        return ""
    return f", and the file to '{name_ts}{name[len(prefix):]}'"


# ----------------------------------------------------------------------------- MIG002

def _placeholders(project: Project, facts: FileFacts) -> Iterator[Diagnostic]:
    for h in facts.damaged_headers:
        if not header_is_migration(h, facts):
            continue
        yield _placeholder(facts, h)
    for cls in migration_classes(facts):
        field = cls.field("name")
        if field is None or not field.damaged or any(h.name_start == cls.name_start for h in facts.damaged_headers):
            continue
        fixed, where = _derive(facts, cls.name, cls.name)
        msg = (f"The `name` field of migration {cls.name} does not parse (an unrendered template "
               f"placeholder?); tree-sitter reads it as `name = ''`")
        fix = None
        if fixed:
            msg += f"; set it to '{fixed}' ({where})"
            fix = Fix(Applicability.SAFE, (Edit(facts.path, field.value_start, field.value_end, f"'{fixed}'"),),
                      f"Set name to '{fixed}'")
        yield diagnostic(MIG002, facts.path, field.value_start, field.value_end, msg, fix)


def _placeholder(facts: FileFacts, h: HeaderDamage) -> Diagnostic:
    prefix = tn.file_prefix(os.path.basename(facts.path))
    ms = tn.to_millis(prefix) if prefix else None
    junk = h.junk if len(h.junk) <= 40 else h.junk[:37] + "..."
    msg = (f"Migration class header `{h.base}{junk}` holds an unrendered template placeholder "
           f"({junk}); the file does not compile (one damaged token, hundreds of compiler errors) "
           f"and TypeORM cannot load it")
    if ms is None or not tn.plausible(ms):
        msg += ("; no timestamp can be derived from the file name: rename the class to "
                f"'{h.base}' followed by a 13-digit JavaScript timestamp (Date.now())")
        return diagnostic(MIG002, facts.path, h.name_start, h.junk_end, msg)
    fixed = f"{h.base}{ms}"
    msg += f"; rename to '{fixed}' (timestamp from the file name prefix {prefix})"
    edits = [Edit(facts.path, h.name_start, h.junk_end, fixed)]
    if h.name_value_start >= 0:
        quote = h.name_value_raw[:1] if h.name_value_raw[:1] in ("'", '"') else "'"
        edits.append(Edit(facts.path, h.name_value_start, h.name_value_end, f"{quote}{fixed}{quote}"))
    return diagnostic(MIG002, facts.path, h.name_start, h.junk_end, msg,
                      Fix(Applicability.SAFE, tuple(edits), f"Rename to '{fixed}'"))


# ----------------------------------------------------------------------------- MIG004, MIG006

def _context_migrations(project: Project, sets: list[MigrationSet]) -> list[Migration]:
    """Migrations outside the run that share a set with a linted file, so that MIG004 sees what the
    linted migration duplicates (diagnostics are still reported on linted files only)."""
    if project.all_sources or not project.enabled(MIG004.code):
        return []
    outside = {p for s in sets if not s.files.isdisjoint(project.files) for p in s.files} - project.files.keys()
    found: list[Migration] = []
    for path in sorted(outside):
        facts = project.facts(path)
        if facts is None or facts.skipped or project.is_test_file(path):
            continue
        for cls in migration_classes(facts):
            if any(h.name_start == cls.name_start for h in facts.damaged_headers):
                continue
            m = _identity(project, facts, cls)
            if m is not None:
                found.append(m)
    return found


def _duplicates(project: Project, sets: list[MigrationSet], migrations: list[Migration]) -> Iterator[Diagnostic]:
    reported: set[tuple[str, int, str]] = set()
    for s in sets:
        members = sorted((m for m in migrations if m.path in s.files), key=lambda m: (m.path, m.cls.start))
        by_name: dict[str, Migration] = {}
        by_ts: dict[int, Migration] = {}
        for m in members:
            start, end = _name_span(m)
            first = by_name.get(m.name)
            if first is not None:
                key = (m.path, start, "name")
                if key not in reported:
                    reported.add(key)
                    yield diagnostic(
                        MIG004, m.path, start, end,
                        f"Duplicate migration name '{m.name}' (also in {project.rel(first.path)}); TypeORM "
                        f"refuses to start: \"Duplicate migrations: {m.cls.name}, {first.cls.name}\"")
                continue
            by_name[m.name] = m
            ts = tn.timestamp_of(m.name)
            if ts:
                other = by_ts.get(ts)
                if other is not None and not _listed_in_order(s, m, other) and not _commute(project, m, other):
                    key = (m.path, start, "ts")
                    if key not in reported:
                        reported.add(key)
                        yield diagnostic(
                            MIG004, m.path, start, end,
                            f"Migration '{m.name}' has the same timestamp {ts} as '{other.name}' "
                            f"({project.rel(other.path)}){_file_says(m.path, ts)}; TypeORM then orders them by "
                            f"load order{_RESTAMP}", severity=Severity.WARNING)
                else:
                    by_ts[ts] = m


def _commute(project: Project, m: Migration, other: Migration) -> bool:
    """Whether the two migrations' `up` methods name their tables and neither changes one the other
    names (both may point foreign keys at one): run in either order, they leave the same schema
    (migration_tables.py)."""
    found = []
    for one in (m, other):
        data = project.source(one.path)
        found.append(tables_touched(data, one.path, one.cls.start, one.cls.end) if data is not None else None)
    return found[0] is not None and found[1] is not None and found[0].commutes_with(found[1])


def _listed_in_order(s: MigrationSet, m: Migration, other: Migration) -> bool:
    """Whether the option lists both classes itself (`migrations: [A1700..., B1700...]`): TypeORM's
    sort by timestamp is stable, so equal timestamps run in the order written, every time. Only a
    glob's load order, or no option at all, leaves their order to chance."""
    return s.option is not None and not {m.path, other.path} & s.glob_files


def _file_exports(project: Project, sets: list[MigrationSet]) -> Iterator[Diagnostic]:
    seen: set[tuple[str, int]] = set()
    for s in sets:
        for path in sorted(s.glob_files):
            facts = project.files.get(path)
            if facts is None or facts.skipped:
                continue
            migration_names = {c.name for c in migration_classes(facts)}
            for e in facts.exports:
                why = _export_problem(e, migration_names)
                if why is not None and e.data_if and all(_holds_data(project, path, n) for n in e.data_if):
                    continue  # `[{ kind: Kind.Email }]`: members of enums and constants of plain data
                if why is None or (path, e.start) in seen:
                    continue
                seen.add((path, e.start))
                held = e.value_kind in ("array", "object")  # what it holds is not known to be a function or class
                yield diagnostic(
                    MIG006, path, e.start, e.end,
                    f"Export '{e.name}' ({why}) is in a file the `migrations:` glob of "
                    f"{project.rel(s.owner)} loads; TypeORM treats every exported function or class "
                    f"of such a file as a migration and refuses to start"
                    + (" on one that is not, and nothing says this one holds none (not all its values are "
                       "literals, enum members or members of constants of plain data)" if held else "")
                    + ". Move it to another module")


def _holds_data(project: Project, path: str, name: str) -> bool:
    """Whether `name`, as `path` uses it, is an enum or a constant of plain data (a workspace
    file's, found through its imports): a member read of it is a string or number, nothing TypeORM
    loads. A package's export, or anything else, may be a class."""
    ref = origin(project, path, name)
    facts = project.facts(ref.path) if ref.kind == "local" else None
    if facts is None:
        return False
    return any(e.name == ref.name and (e.kind == "enum" or e.kind == "const" and e.value_kind in ("data", "literal"))
               for e in facts.exports) or any(d[0] == ref.name and d[1] == "enum" for d in facts.declarations)


def _export_problem(e, migration_names: set[str]) -> str | None:
    if e.type_only or e.kind in ("interface", "type", "declare-module"):
        return None
    if e.kind == "class":
        return None if (e.local or e.name) in migration_names else "a class that is not a migration"
    if e.kind == "function":
        return "a function"
    if e.kind in ("const", "let", "var", "default"):
        if e.value_kind == "function":
            return "a function"
        if e.value_kind in ("array", "object"):
            return f"an {e.value_kind}, whose functions and classes TypeORM also loads"
    return None  # an enum holds only strings and numbers (a const enum emits nothing): nothing TypeORM loads
