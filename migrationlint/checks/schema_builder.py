"""MIG010-MIG013: TypeORM schema-builder misuse.

TypeORM has two vocabularies with near-identical names: decorators for entities (`Index`,
`Column`, `Unique`...) and schema-builder classes for migrations (`TableIndex`, `TableColumn`,
`TableUnique`...). Mixing them up type-checks nowhere, but SWC builds and `ts-node
--transpile-only` do not type-check, so the mix-ups reach production, where they either throw or,
worse, are silently ignored (`new TableIndex({unique: true})` builds a non-unique index).

Only names bound to the `typeorm` import count (named, aliased, namespace, `require`): a local class
called `Index` or an `Index` from another package is somebody else's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from migrationlint.fix import import_edits
from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.extract.typeorm_names import typeorm_bindings
from migrationlint.extract.records import Binding, CallFact, DecoratorFact, FileFacts, ImportFact, ObjectKey, ObjectLiteral

MIG010 = Rule("MIG010", "decorator-constructed", Severity.ERROR,
              "`new` applied to a TypeORM decorator (`new Index(...)`) instead of its schema-builder class.",
              fix=FixAvailability.SOMETIMES)
MIG011 = Rule("MIG011", "schema-class-as-decorator", Severity.ERROR,
              "A TypeORM schema-builder class (`TableIndex`, `TableColumn`...) used as a decorator.", fix=FixAvailability.SOMETIMES)
MIG012 = Rule("MIG012", "schema-option-name", Severity.ERROR,
              "A decorator-style option name in schema-builder options, which TypeORM silently ignores.",
              fix=FixAvailability.SOMETIMES)
MIG013 = Rule("MIG013", "plain-object-schema-argument", Severity.WARNING,
              "A plain object passed where a QueryRunner method needs a schema-builder instance.", fix=FixAvailability.SAFE)
RULES = [MIG010, MIG011, MIG012, MIG013]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)

TYPEORM = "typeorm"

# ----------------------------------------------------------------------------- TypeORM facts as data

SCHEMA_CLASS_OF = {  # decorator -> schema-builder class
    "Index": "TableIndex", "Column": "TableColumn", "PrimaryColumn": "TableColumn",
    "PrimaryGeneratedColumn": "TableColumn", "CreateDateColumn": "TableColumn", "UpdateDateColumn": "TableColumn",
    "DeleteDateColumn": "TableColumn", "VersionColumn": "TableColumn", "ForeignKey": "TableForeignKey",
    "Unique": "TableUnique", "Check": "TableCheck", "Exclusion": "TableExclusion", "Entity": "Table",
    "ViewEntity": "View",
}
DECORATOR_OF = {  # schema-builder class -> decorator
    "TableIndex": "Index", "TableColumn": "Column", "TableForeignKey": "ForeignKey", "TableUnique": "Unique",
    "TableCheck": "Check", "TableExclusion": "Exclusion", "Table": "Entity", "View": "ViewEntity",
}
IMPLIED = {  # column decorators whose meaning TableColumn options must spell out
    "PrimaryColumn": "isPrimary: true",
    "PrimaryGeneratedColumn": "isPrimary: true, isGenerated: true and a generationStrategy",
    "CreateDateColumn": "a timestamp type with default: 'now()'",
    "UpdateDateColumn": "a timestamp type with default: 'now()'",
    "DeleteDateColumn": "a nullable timestamp type",
    "VersionColumn": "an integer type",
}
SINCE = {"ForeignKey": (0, 3, 23), "View": (0, 3, 20)}  # exported from the typeorm root since

# Decorator spelling -> schema-builder spelling, with what TypeORM does when it gets the former.
OPTION_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "TableIndex": {
        "unique": ("isUnique", "the index is created NON-unique"),
        "spatial": ("isSpatial", "the index is created as a plain, non-spatial index"),
        "fulltext": ("isFulltext", "the index is created as a plain, non-fulltext index"),
        "concurrent": ("isConcurrent", "the index is built without CONCURRENTLY, locking writes to the table"),
        "nullFiltered": ("isNullFiltered", "the index is created without the NULL filter"),
        "columns": ("columnNames", "the index has no columns and creating it fails with a TypeError"),
    },
    "TableColumn": {
        "nullable": ("isNullable", "the column is created NOT NULL"),
        "primary": ("isPrimary", "the column is not part of the primary key"),
        "unique": ("isUnique", "the column gets no unique constraint"),
        "generated": ("isGenerated", "the column is not generated (no sequence, identity or uuid default)"),
        "array": ("isArray", "the column is created as a scalar, not an array"),
    },
    "TableForeignKey": {
        "referencedTable": ("referencedTableName", "the constraint references a table named `undefined`"),
        "referencedColumns": ("referencedColumnNames", "the constraint has no referenced columns"),
    },
    "TableUnique": {
        "columns": ("columnNames", "the constraint has no columns and creating it fails with a TypeError"),
    },
}
TABLE_ARRAYS = {"columns": "TableColumn", "indices": "TableIndex", "foreignKeys": "TableForeignKey",
                "uniques": "TableUnique", "checks": "TableCheck", "exclusions": "TableExclusion"}

# Decorator options a schema-builder options object may carry over to the decorator (MIG011 fixes).
DECORATOR_OPTIONS = {
    "Index": {"unique", "spatial", "fulltext", "nullFiltered", "parser", "where", "sparse", "background",
              "concurrent", "expireAfterSeconds"},
    "Column": {"name", "type", "default", "onUpdate", "comment", "length", "width", "charset", "collation",
               "precision", "scale", "zerofill", "unsigned", "enum", "enumName", "primaryKeyConstraintName",
               "foreignKeyConstraintName", "asExpression", "generatedType", "generatedIdentity",
               "spatialFeatureType", "srid", "nullable", "primary", "unique", "generated", "array"},
    "Entity": {"name", "engine", "database", "schema", "withoutRowid", "comment"},
    "ViewEntity": {"name", "expression", "database", "schema", "materialized"},
}
NO_OPTIONS_OBJECT = {"ForeignKey", "Unique", "Check", "Exclusion"}  # their decorators take other arguments
POSITIONAL = {"Index", "Unique"}  # class decorators taking (name?, columns, options?) where the class takes one object
POSITIONAL_OPTIONS = {"Index": DECORATOR_OPTIONS["Index"], "Unique": {"deferrable"}}

# QueryRunner method -> (argument positions, schema class, whether the argument is an array of them)
QUERY_RUNNER_PARAMS: dict[str, tuple[tuple[int, ...], str, bool]] = {
    "createIndex": ((1,), "TableIndex", False), "createIndices": ((1,), "TableIndex", True),
    "dropIndex": ((1,), "TableIndex", False),
    "createForeignKey": ((1,), "TableForeignKey", False), "createForeignKeys": ((1,), "TableForeignKey", True),
    "createUniqueConstraint": ((1,), "TableUnique", False), "createUniqueConstraints": ((1,), "TableUnique", True),
    "createCheckConstraint": ((1,), "TableCheck", False), "createCheckConstraints": ((1,), "TableCheck", True),
    "createExclusionConstraint": ((1,), "TableExclusion", False),
    "createExclusionConstraints": ((1,), "TableExclusion", True),
    "addColumn": ((1,), "TableColumn", False), "addColumns": ((1,), "TableColumn", True),
    "changeColumn": ((1, 2), "TableColumn", False),
}


# ----------------------------------------------------------------------------- resolving names

@dataclass
class TypeormRef:
    """One place where a typeorm export is referenced: `Index`, `Idx` (aliased) or `typeorm.Index`."""

    name: str  # the exported name
    local: str  # the identifier written here (the alias, or the namespace)
    imp: ImportFact
    binding: Binding | None  # None for the namespace form
    start: int  # span of the identifier to rename (the property for `typeorm.Index`)
    end: int

    @property
    def written(self) -> str:
        """The reference as written: `Idx`, `typeorm.Index`."""
        return self.local if self.binding is not None else f"{self.local}.{self.name}"


def resolve(facts: FileFacts, callee: str, start: int, end: int) -> TypeormRef | None:
    """The typeorm export `callee` (text at [start, end)) refers to, or None."""
    bound = typeorm_bindings(facts.imports)
    if "." in callee:
        ns, _, prop = callee.rpartition(".")
        imp = bound.namespaces.get(ns)
        return TypeormRef(prop, ns, imp, None, end - len(prop.encode()), end) if imp is not None else None
    hit = bound.named.get(callee)
    return TypeormRef(hit[1].imported, callee, hit[0], hit[1], start, end) if hit is not None else None


def _older(version: tuple[int, int, int] | None, name: str) -> bool:
    since = SINCE.get(name)
    return since is not None and version is not None and version < since


def _dotted(v: tuple[int, ...]) -> str:
    return ".".join(map(str, v))


# ----------------------------------------------------------------------------- entry point

def check(project: Project) -> Iterator[Diagnostic]:
    for path, facts in sorted(project.files.items()):
        if facts.skipped or not facts.imports and not facts.calls:
            continue
        data = project.source(path) if _may_need_source(facts) else None
        version = project.typeorm_version(path)
        if project.enabled(MIG010.code):
            yield from _constructed_decorators(facts, data, version)
            yield from _version_imports(facts, version)
        if project.enabled(MIG011.code):
            yield from _schema_decorators(facts, data, version)
        if project.enabled(MIG012.code):
            yield from _option_names(facts)
        if project.enabled(MIG013.code):
            yield from _plain_objects(facts, data)


def _may_need_source(facts: FileFacts) -> bool:
    """Whether a fix of this file may need its text: it has a schema-builder decorator (MIG011), a
    `new` of a typeorm decorator (MIG010) or a QueryRunner call with a plain options object
    (MIG013). Reading every file's bytes for the few that have one would hold the whole repository
    in memory."""
    if facts.decorators:
        return True
    for ne in facts.new_exprs:
        ref = resolve(facts, ne.callee, ne.callee_start, ne.callee_end)
        if ref is not None and ref.name in SCHEMA_CLASS_OF:  # `new Index(...)`: MIG010's fix
            return True
    return next(_query_runner_objects(facts), None) is not None


# ----------------------------------------------------------------------------- shared fix: renames

@dataclass
class Occurrence:
    ref: TypeormRef
    target: str
    start: int  # diagnostic span
    end: int
    applicability: Applicability | None
    note: str = ""
    key_edits: tuple[Edit, ...] = ()  # option keys renamed along with the name (MIG011)


def _rename_fix(facts: FileFacts, data: bytes | None, group: list[Occurrence], verb: str) -> Fix | None:
    """One fix for every occurrence of one binding with one applicability: rename them all and fix
    the import in the same fix, so the import never loses a name that is still used."""
    first = group[0]
    if first.applicability is None or data is None:
        return None
    ref, target, path = first.ref, first.target, facts.path
    edits: list[Edit] = []
    spans = {(o.ref.start, o.ref.end) for o in group}
    if ref.binding is None:  # typeorm.Index -> typeorm.TableIndex
        expr = target
    else:
        expr, import_fix = _import_target(facts, data, ref, target, spans)
        edits.extend(import_fix)
    for o in group:
        edits.append(Edit(path, o.ref.start, o.ref.end, expr))
        edits.extend(o.key_edits)
    places = f" ({len(group)} places)" if len(group) > 1 else ""
    new = expr if ref.binding is not None else f"{ref.local}.{target}"
    message = f"Replace {verb.format(ref.written)} with {verb.format(new)}{places}"
    return Fix(first.applicability, tuple(edits), message)


def _import_target(facts: FileFacts, data: bytes, ref: TypeormRef, target: str,
                   renamed: set[tuple[int, int]]) -> tuple[str, list[Edit]]:
    """The name to write for `target` and the import edits: add it, drop the old name if unused."""
    assert ref.binding is not None
    path, imp, binding = facts.path, ref.imp, ref.binding
    other_uses = [r for r in facts.refs.get(ref.local, [])
                  if not (imp.stmt_start <= r[0] < imp.stmt_end) and r not in renamed]
    drop = not other_uses
    existing = import_edits.local_name_of(facts, TYPEORM, target)
    if existing is not None:
        return existing, [import_edits.remove_binding(data, imp, binding, path)] if drop else []
    if imp.specifier == TYPEORM:
        if drop:
            return target, import_edits.replace_binding(data, imp, binding, target, path)
        return target, [import_edits.add_name(data, imp, target, path)]
    expr, edits = import_edits.ensure_imported(data, facts, TYPEORM, target, path)
    if drop:
        edits.append(import_edits.remove_binding(data, imp, binding, path))
    return expr, edits


def _grouped(occurrences: list[Occurrence]) -> dict[tuple, list[Occurrence]]:
    groups: dict[tuple, list[Occurrence]] = {}
    for o in occurrences:
        key = (o.ref.imp.stmt_start, o.ref.local, o.ref.name, o.applicability)
        groups.setdefault(key, []).append(o)
    return groups


# ----------------------------------------------------------------------------- MIG010

def _constructed_decorators(facts: FileFacts, data: bytes | None, version) -> Iterator[Diagnostic]:
    found: list[Occurrence] = []
    for ne in facts.new_exprs:
        ref = resolve(facts, ne.callee, ne.callee_start, ne.callee_end)
        if ref is None or ref.name not in SCHEMA_CLASS_OF:
            continue
        target = SCHEMA_CLASS_OF[ref.name]
        applicability, note = _construct_applicability(ref.name, target, ne.args, version)
        found.append(Occurrence(ref, target, ne.start, ne.callee_end, applicability, note))
    for group in _grouped(found).values():
        fix = _rename_fix(facts, data, group, "`new {}`")
        for o in group:
            yield diagnostic(MIG010, facts.path, o.start, o.end, _constructed_message(o), fix)


def _construct_applicability(name: str, target: str, args: list, version) -> tuple[Applicability | None, str]:
    if len(args) != 1:
        return None, (f"{target} takes one options object, so the arguments need rewriting by hand "
                      f"(for example `new TableIndex({{ name, columnNames, isUnique }})`)")
    applicability, note = Applicability.SAFE, ""
    if args[0][0] != "object":
        applicability, note = Applicability.UNSAFE, "the argument is not an object literal, so its option names cannot be checked"
    if name in IMPLIED:
        applicability = Applicability.UNSAFE
        note = f"{name} implies {IMPLIED[name]}, which TableColumn options must state explicitly"
    if target == "View" and _older(version, "View"):
        applicability = Applicability.UNSAFE
        note = (f"View is exported from the typeorm root only from 0.3.20 and this package allows "
                f"{_dotted(version)}: raise the typeorm range or import it from 'typeorm/schema-builder/view/View'")
    return applicability, note


def _constructed_message(o: Occurrence) -> str:
    consequence = ("`queryRunner.createIndex` then fails with `TypeError: columnNames is not iterable` (0.3) or "
                   "`Cannot read properties of undefined (reading 'map')` (1.x)" if o.target == "TableIndex"
                   else "the QueryRunner method that receives it fails with a TypeError")
    msg = (f"`new {o.ref.written}(...)` does not build a {o.target}: `{o.ref.name}` is TypeORM's decorator factory, "
           f"so this returns a decorator function and {consequence}. tsc reports it (TS2350), but SWC and "
           f"ts-node --transpile-only builds do not type-check. Use `new {o.target}(...)`")
    return msg + (f" ({o.note})" if o.note else "")


def _version_imports(facts: FileFacts, version) -> Iterator[Diagnostic]:
    """`ForeignKey` / `View` imported from the typeorm root by a package whose range allows a
    version that does not export them: the import is `undefined` at run time."""
    if version is None:
        return
    for imp in facts.imports:
        if imp.specifier != TYPEORM or imp.kind not in ("import", "require"):
            continue
        for b in imp.bindings:
            if b.type_only or not _older(version, b.imported) or _only_constructed(facts, imp, b.local):
                continue  # `new ForeignKey(...)` alone: the constructed-decorator finding is the one to act on
            since = _dotted(SINCE[b.imported])
            use = ("`@ForeignKey(...)` fails with `ForeignKey is not a function`; use @ManyToOne with @JoinColumn"
                   if b.imported == "ForeignKey" else
                   "`new View(...)` fails with `View is not a constructor`; import it from "
                   "'typeorm/schema-builder/view/View'")
            msg = (f"typeorm exports `{b.imported}` only from {since}, and this package's typeorm range allows "
                   f"{_dotted(version)}: there the import is undefined and {use}, or raise the range to ^{since}")
            yield diagnostic(MIG010, facts.path, b.start, b.end, msg)


def _only_constructed(facts: FileFacts, imp, local: str) -> bool:
    """Whether every use of `local` but its import is `new local(...)`: each is reported as a decorator constructed."""
    uses = [s for s, _ in facts.refs.get(local, []) if not imp.stmt_start <= s < imp.stmt_end]
    built = {e.callee_start for e in facts.new_exprs if e.callee == local}
    return bool(uses) and all(s in built for s in uses)


# ----------------------------------------------------------------------------- MIG011

def _schema_decorators(facts: FileFacts, data: bytes | None, version) -> Iterator[Diagnostic]:
    found: list[Occurrence] = []
    for dec in facts.decorators:
        ref = resolve(facts, dec.name, dec.name_start, dec.name_end)
        if ref is None or ref.name not in DECORATOR_OF:
            continue
        target = DECORATOR_OF[ref.name]
        applicability, note, key_edits = _decorator_applicability(facts.path, data, dec, target, version)
        found.append(Occurrence(ref, target, dec.start, dec.name_end, applicability, note, key_edits))
    for group in _grouped(found).values():
        fix = _rename_fix(facts, data, group, "`@{}`")
        for o in group:
            msg = (f"`@{o.ref.written}` is TypeORM's schema-builder class {o.ref.name}, not a decorator: loading the "
                   f"entity throws `TypeError: Class constructor {o.ref.name} cannot be invoked without 'new'`. "
                   f"Use `@{o.target}`")
            yield diagnostic(MIG011, facts.path, o.start, o.end, msg + (f" ({o.note})" if o.note else ""), fix)


def _decorator_applicability(path: str, data: bytes | None, dec: DecoratorFact, target: str,
                             version) -> tuple[Applicability | None, str, tuple]:
    if target == "ForeignKey" and _older(version, "ForeignKey"):
        return None, (f"the ForeignKey decorator exists from typeorm 0.3.23 and this package allows "
                      f"{_dotted(version)}: use @ManyToOne with @JoinColumn"), ()
    if not dec.objects:
        return Applicability.SAFE, "", ()
    obj = dec.objects.get(0)
    if target in POSITIONAL and len(dec.args) == 1 and obj is not None and any(k.key == "columnNames" for k in obj.keys):
        return _positional(path, data, dec, obj, target)
    if target in NO_OPTIONS_OBJECT:
        return None, f"@{target} does not take an options object; rewrite its arguments by hand", ()
    reverse = {new: old for old, (new, _) in OPTION_NAMES.get(SCHEMA_CLASS_OF[target], {}).items()}
    allowed = DECORATOR_OPTIONS.get(target, set())
    edits = []
    for obj in dec.objects.values():
        for k in obj.keys:
            name = reverse.get(k.key, k.key)
            if name not in allowed or (name != k.key and name in {x.key for x in obj.keys}):
                return None, f"`{k.key}` has no @{target} equivalent; rewrite the options by hand", ()
            if name != k.key:
                edits.append(_key_edit(path, k, name))
    return Applicability.SAFE, "", tuple(edits)


def _positional(path: str, data: bytes | None, dec: DecoratorFact, obj: ObjectLiteral,
                target: str) -> tuple[Applicability | None, str, tuple]:
    """`@TableIndex({ name: 'IDX', columnNames: ['a'], isUnique: true })` -> `@Index('IDX', ['a'], { unique: true })`."""
    if dec.target != "class":
        return None, f"an @{target} with columns belongs on the class; move it there", ()
    if data is None:
        return None, "", ()
    reverse = {new: old for old, (new, _) in OPTION_NAMES.get(SCHEMA_CLASS_OF[target], {}).items()}
    value = {k.key: data[k.value_start:k.value_end].decode("utf-8", "replace") for k in obj.keys}
    options = []
    for k in obj.keys:
        if k.key in ("name", "columnNames"):
            continue
        name = reverse.get(k.key, k.key)
        if name not in POSITIONAL_OPTIONS[target] or (name != k.key and name in value):
            return None, f"`{k.key}` has no @{target} equivalent; rewrite the options by hand", ()
        options.append(f"{name}: {value[k.key]}")
    parts = ([value["name"]] if "name" in value else []) + [value["columnNames"]]
    if options:
        parts.append("{ " + ", ".join(options) + " }")
    return Applicability.SAFE, "", (Edit(path, obj.start, obj.end, ", ".join(parts)),)


# ----------------------------------------------------------------------------- MIG012

def _option_objects(facts: FileFacts) -> Iterator[tuple[ObjectLiteral, str]]:
    """Every object literal that TypeORM reads as schema-builder options, with its class."""
    for ne in facts.new_exprs:
        if ne.object_arg is None:
            continue
        ref = resolve(facts, ne.callee, ne.callee_start, ne.callee_end)
        if ref is None:
            continue
        if ref.name in OPTION_NAMES:
            yield ne.object_arg, ref.name
        elif ref.name == "Table":
            for key, cls in TABLE_ARRAYS.items():
                for obj in ne.object_arg.arrays.get(key, []):
                    yield obj, cls
    for _call, obj, cls in _query_runner_objects(facts):
        yield obj, cls


def _option_names(facts: FileFacts) -> Iterator[Diagnostic]:
    for obj, cls in _option_objects(facts):
        names = OPTION_NAMES.get(cls)
        if not names:
            continue
        present = set(obj.names)
        if present.isdisjoint(names):
            continue  # the common case: no decorator spelling here, no key records to build
        for k in obj.keys:
            if k.key not in names:
                continue
            right, consequence = names[k.key]
            msg = (f"`{k.key}` is the decorator spelling; {cls} options call it `{right}` and TypeORM silently "
                   f"ignores `{k.key}`: {consequence}")
            fix = None
            if right in present:
                msg += f" (`{right}` is also set here, so the fix cannot tell which was meant)"
            else:
                fix = Fix(Applicability.SAFE, tuple(_option_edits(facts.path, k, right, present)),
                          f"Rename `{k.key}` to `{right}`")
            yield diagnostic(MIG012, facts.path, k.start, k.end, msg, fix)


def _option_edits(path: str, k: ObjectKey, right: str, present: set[str]) -> list[Edit]:
    if k.key == "generated" and k.value_kind in ("string", "template_string"):
        # `generated: 'uuid'` is a strategy in decorator options, a boolean plus a strategy here
        if "generationStrategy" in present:
            return [Edit(path, k.start, k.value_end, "isGenerated: true")]
        return [_key_edit(path, k, "isGenerated: true, generationStrategy")]
    return [_key_edit(path, k, right)]


def _key_edit(path: str, k: ObjectKey, name: str) -> Edit:
    """Rename an object key, keeping shorthand properties (`{ unique }`) and quoted keys working."""
    if k.start == k.value_start and k.end == k.value_end:  # shorthand
        return Edit(path, k.start, k.end, f"{name}: {k.key}")
    if k.end - k.start > len(k.key.encode()):  # quoted
        return Edit(path, k.start + 1, k.end - 1, name) if "," not in name else Edit(path, k.start, k.end, name)
    return Edit(path, k.start, k.end, name)


# ----------------------------------------------------------------------------- MIG013

def looks_like_query_runner(call: CallFact) -> bool:
    """Whether the receiver of `call` is a QueryRunner: a parameter typed QueryRunner, or a name that
    says so (`queryRunner`, `this.queryRunner`, `runner`, `qr`). Names alone keep the rule off
    unrelated APIs with the same method names (search clients' `createIndex`)."""
    if call.receiver_type and call.receiver_type not in ("any", "unknown"):
        return "QueryRunner" in call.receiver_type
    name = call.receiver.lower()
    return "runner" in name or name == "qr"


def _query_runner_objects(facts: FileFacts) -> Iterator[tuple[CallFact, ObjectLiteral, str]]:
    for call in facts.calls:
        method = call.callee.rpartition(".")[2]
        spec = QUERY_RUNNER_PARAMS.get(method)
        if spec is None or "." not in call.callee or not looks_like_query_runner(call):
            continue
        positions, cls, plural = spec
        for i in positions:
            if plural:
                for obj in call.array_objects.get(i, []):
                    yield call, obj, cls
            elif i in call.objects:
                yield call, call.objects[i], cls


def _plain_objects(facts: FileFacts, data: bytes | None) -> Iterator[Diagnostic]:
    for call, obj, cls in _query_runner_objects(facts):
        method = call.callee.rpartition(".")[2]
        msg = (f"`{method}` expects a {cls} instance, not a plain object: TypeORM keeps it in its cached table "
               f"and fails with `TypeError: ... clone is not a function` at the next change to that table or "
               f"on revert (tsc: TS2345; SWC and ts-node --transpile-only builds do not type-check). "
               f"Wrap it in `new {cls}(...)`")
        fix = None
        if data is not None:
            expr, edits = import_edits.ensure_imported(data, facts, TYPEORM, cls, facts.path)
            edits = [Edit(facts.path, obj.start, obj.start, f"new {expr}("), Edit(facts.path, obj.end, obj.end, ")"),
                     *edits]
            cast = any(kind not in ("object", "array") and s <= obj.start and obj.end <= e for kind, s, e in call.args)
            kept = " (the cast around it is kept: drop it once tsc accepts the instance)" if cast else ""
            fix = Fix(Applicability.SAFE, tuple(edits), f"Wrap in `new {expr}(...)`{kept}")
        yield diagnostic(MIG013, facts.path, obj.start, obj.end, msg, fix)
