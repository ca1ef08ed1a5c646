"""The records FileFacts is made of: plain, picklable dataclasses with UTF-8 byte offsets.

They cross process boundaries (the extraction pool) and live in the cache, so they hold no tree
nodes and no parser objects. facts.py fills them; rules only read them.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from migrationlint.extract.nest_records import NestFacts

# Bump when the meaning of FileFacts changes (an extraction fix): the facts cache's key digests the
# text of this module (facts_cache.records_digest), so the bump, like any field added, discards it.
FACTS_VERSION = 96


@dataclass(slots=True)
class Binding:
    """One name an import brings in: `imported` as seen by the exporter, `local` in this file."""

    imported: str
    local: str
    start: int
    end: int
    type_only: bool = False
    ts_ignored: bool = False  # a `// @ts-ignore` or `// @ts-expect-error` on the line above its own


@dataclass(slots=True)
class ImportFact:
    """A reference to another module.

    kind: import | export-from | export-star | import-equals | require | dynamic | type-query |
    reference | mock | require-resolve | require-resolve-paths (with a `{ paths }` option). `start`/`end` span the specifier string including quotes;
    `stmt_start`/`stmt_end` the whole statement (for fixes that delete it).
    """

    specifier: str
    kind: str
    start: int
    end: int
    stmt_start: int
    stmt_end: int
    type_only: bool = False
    bindings: list[Binding] = field(default_factory=list)
    default: str | None = None
    namespace: str | None = None
    names_start: int = -1  # span of `{ a, b }` (named imports / require object pattern), -1 if none
    names_end: int = -1
    line_span: tuple[int, int] | None = None  # whole lines of an import statement alone on them (for deletion)
    virtual: bool = False  # a mock that needs no module at the path (`vi.mock`, Jest `{ virtual: true }`)
    guarded: bool = False  # a require() or import() in a `try` whose `catch` carries on without it
    install_told: bool = False  # ... whose `catch` tells the operator to install it (import_shapes.install_told)
    lazy: bool = False  # a require()/import()/require.resolve() inside a function: loaded on demand, not at start-up
    dev_only: bool = False  # a require()/import() in a branch taken only when NODE_ENV is not "production"
    ts_ignored: bool = False  # a `// @ts-ignore` or `// @ts-expect-error` on the line above (the call's line for
    # `import()` types and require()): tsc told to accept it

    @property
    def side_effect(self) -> bool:
        """`import 'x'`: loaded for its effects, never removable as unused."""
        return (
            self.kind == "import"
            and not self.bindings
            and self.default is None
            and self.namespace is None
        )

    @property
    def resolved_by_tsc(self) -> bool:
        """Whether tsc resolves the specifier, and reports TS2307 when it cannot: imports, re-exports,
        `import x = require()`, `import()` and import types. A `require()` call in TypeScript is an
        ordinary call to a function, and a mock's path is its runner's."""
        return self.kind not in ("require", "require-resolve", "require-resolve-paths", "mock")

    @property
    def locals(self) -> list[str]:
        names = [b.local for b in self.bindings]
        if self.default:
            names.append(self.default)
        if self.namespace:
            names.append(self.namespace)
        return names


CONST_ENUM = "const-enum"  # ExportFact.value_kind of an enum declared `const enum` (`declare const enum` too)


@dataclass(slots=True)
class ExportFact:
    """A name this module exports. kind: class, function, const, let, var, enum, interface, type,
    namespace, declare, default, local (export { a as b }), reexport (export { a } from)."""

    name: str
    kind: str
    start: int
    end: int
    type_only: bool = False
    local: str | None = None
    # for const/let/var and default: data (an array or object of literals only), array, object, call,
    # new, literal, identifier, function, class, other; for enum (and declare): "const-enum" for a `const enum`
    value_kind: str | None = None
    # an array or object of plain data but for members of these names (`[{ kind: Kind.Email }]`):
    # plain data when each is an enum or a constant of plain data (MIG006 asks)
    data_if: tuple[str, ...] = ()
    source: str | None = None
    # declare-module (`declare module 'x' { ... }`): the names its block declares, which a module
    # file's block (an augmentation) adds to module `x`
    members: tuple[str, ...] = ()


@dataclass(slots=True)
class FieldFact:
    """A class field. `value` is the string literal's value when the initialiser is one.

    `damaged` marks a field whose initialiser tree-sitter could only recover with an ERROR node
    (e.g. `name = 'Foo'$timestamp''`): its apparent value is not what the author wrote.
    """

    name: str
    start: int
    end: int
    value: str | None = None
    value_start: int = -1
    value_end: int = -1
    damaged: bool = False
    is_static: bool = False
    quote: str = "'"


@dataclass(slots=True)
class DecoratorFact:
    name: str  # callee text: `Index`, `typeorm.Index`
    name_start: int
    name_end: int
    start: int
    end: int
    target: str  # class | member | parameter
    args: list[tuple[str, int, int]] = field(default_factory=list)  # (node type, start, end) of call arguments
    objects: dict[int, ObjectLiteral] = field(default_factory=dict)  # object-literal arguments by index


@dataclass(slots=True)
class HeaderDamage:
    """A class header that does not parse: `class Foo'$timestamp' implements X {` and friends.

    `base` is the name before the damage, `junk` the damaged text, `junk_start`/`junk_end` its
    span (the name itself is [name_start, name_end)). `name_value_*` is the span of the `name = ...`
    initialiser in the class body when that is damaged too.
    """

    base: str
    name_start: int
    name_end: int
    junk: str
    junk_start: int
    junk_end: int
    heritage: list[str] = field(default_factory=list)
    exported: bool = False
    name_value_start: int = -1
    name_value_end: int = -1
    name_value_raw: str = ""


@dataclass(slots=True)
class UnawaitedCall:
    """A call on a method's query runner whose promise a statement drops (`queryRunner.query(...)`
    with no `await`): `callee` as written, the call's span, and where the statement is: "async" (in
    the async method itself, where an `await` can go in front), "method" (in a method that is not
    async) or "callback" (in a function nested in the method); or "forEach" for `rows.forEach(async
    ...)` whose callback uses the runner (`callee` is `rows.forEach`)."""

    callee: str
    start: int
    end: int
    place: str = "async"


@dataclass(slots=True)
class ClassFact:
    name: str
    name_start: int
    name_end: int
    start: int
    end: int
    exported: bool = False
    extends: str | None = None
    implements: list[str] = field(default_factory=list)
    fields: list[FieldFact] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    abstract: bool = False  # `abstract class`: a base for others, never a migration TypeORM runs itself
    unawaited: list[UnawaitedCall] = field(default_factory=list)  # query-runner promises its methods drop
    empty_methods: list[str] = field(default_factory=list)  # methods whose body holds no statement (comments at most)

    def field(self, name: str) -> FieldFact | None:
        for f in self.fields:
            if f.name == name and not f.is_static:
                return f
        return None


@dataclass(slots=True)
class ObjectKey:
    """A key of an object literal, with the span of the key token and the kind of its value."""

    key: str
    start: int
    end: int
    value_kind: str
    value_start: int
    value_end: int


@dataclass(slots=True)
class ObjectLiteral:
    """An object literal's keys, packed: `new Table({...})` options in migrations hold hundreds of
    thousands of keys in a big workspace, and one ObjectKey with its four offsets costs about 200
    bytes where the packed form costs 32. `keys` rebuilds the ObjectKey records for the rules."""

    start: int
    end: int
    names: tuple[str, ...] = ()  # key names, interned
    kinds: tuple[str, ...] = ()  # node type of each value, interned
    spans: array = field(default_factory=lambda: array("I"))  # key start, key end, value start, value end per key
    # for keys whose value is an array of object literals: key -> those literals
    arrays: dict[str, list[ObjectLiteral]] = field(default_factory=dict)

    @property
    def keys(self) -> list[ObjectKey]:
        sp = self.spans  # strided slices and map: the rules read `keys` of every option object
        return list(map(ObjectKey, self.names, sp[0::4], sp[1::4], self.kinds, sp[2::4], sp[3::4]))


@dataclass(slots=True)
class NewExpr:
    """`new Callee(args)`: callee text (`Index`, `typeorm.Index`), spans, and the first argument
    when it is an object literal (its keys, for option-name checks)."""

    callee: str
    callee_start: int
    callee_end: int
    start: int
    end: int
    object_arg: ObjectLiteral | None = None
    args: list[tuple[str, int, int]] = field(default_factory=list)  # (node type, start, end) per argument
    # `new (require('./x').Name)()`, `new (await import(`./${db}-initial`)).Name()`: (the module's
    # path, each `${...}` written `*`, the class's name)
    loaded: tuple[str, str] | None = None


@dataclass(slots=True)
class CallFact:
    """A method call `obj.method(args...)` or `fn(args...)` whose arguments rules inspect.

    `args` holds (kind, start, end) per argument; object literals are also in `objects` by index.
    """

    callee: str
    callee_start: int
    callee_end: int
    start: int
    end: int
    args: list[tuple[str, int, int]] = field(default_factory=list)
    objects: dict[int, ObjectLiteral] = field(default_factory=dict)
    array_objects: dict[int, list[ObjectLiteral]] = field(default_factory=dict)
    receiver: str = ""  # `queryRunner` in `this.queryRunner.createIndex(...)`: last name before the method
    receiver_type: str = ""  # type annotation of that name when a parameter of an enclosing function declares it


@dataclass(slots=True)
class MigrationsOption:
    """A `migrations: [...]` option of a DataSource / TypeOrmModule config.

    items: ("glob", pattern, start, end) with `{__dirname}` marking a __dirname prefix,
    ("ident", name, start, end) for an identifier, ("other", text, start, end).
    A conditional choosing what the option loads gives one record per alternative (same span,
    `alternative` 0, 1, ...): TypeORM loads one of them.
    """

    start: int
    end: int
    items: list[tuple[str, str, int, int]] = field(default_factory=list)
    alternative: int = 0


@dataclass(slots=True)
class Suppression:
    """`// migrationlint-disable-next-line CODES -- reason` and friends.

    kind: next-line | line | file. `codes` empty means every rule. `line` is the 0-based line
    the suppression applies to (for file: -1). Spans are of the comment and of each code.
    """

    kind: str
    codes: list[tuple[str, int, int]]
    line: int
    start: int
    end: int
    waiver_of: str = ""  # another linter's rule this comment turns off for the same check (never SUP001's)


class Spans(Mapping[str, list[tuple[int, int]]]):
    """name -> [(start, end)] of its occurrences, stored as one array of start offsets per name
    (the end is the start plus the name's UTF-8 length). A list of tuples costs about 120 bytes an
    occurrence and a big workspace has hundreds of thousands; this costs 4 and pickles as bytes."""

    __slots__ = ("_starts",)

    def __init__(self, starts: dict[str, array] | None = None) -> None:
        self._starts = starts if starts is not None else {}

    def __getitem__(self, name: str) -> list[tuple[int, int]]:
        width = len(name.encode("utf-8"))
        return [(s, s + width) for s in self._starts[name]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._starts)

    def __len__(self) -> int:
        return len(self._starts)

    def __contains__(self, name: object) -> bool:
        return name in self._starts

    def used_outside(self, name: str, start: int, end: int) -> bool:
        """Whether `name` occurs outside the byte range [start, end) (an import statement uses the
        names it binds; a use is any other occurrence). Read from the starts alone: every import
        check of every file asks."""
        return any(not start <= at < end for at in self._starts.get(name, ()))

    def __reduce__(self):
        return (Spans, (self._starts,))

    def __repr__(self) -> str:
        return f"Spans({dict(self.items())!r})"


@dataclass(slots=True)
class FileFacts:
    path: str
    digest: str
    size: int
    dialect: str
    has_error: bool = False
    is_module: bool = False  # a top-level import or export statement (else a script: ambient_modules)
    # an `export {...}`, `export * from` or `export =`: in a declaration file, only what is exported
    # explicitly is then exported (without one, every top-level declaration is)
    export_list: bool = False
    damage: list[tuple[int, int, str]] = field(default_factory=list)
    imports: list[ImportFact] = field(default_factory=list)
    exports: list[ExportFact] = field(default_factory=list)
    classes: list[ClassFact] = field(default_factory=list)
    damaged_headers: list[HeaderDamage] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)  # top-level function names
    new_exprs: list[NewExpr] = field(default_factory=list)  # object_arg only for SCHEMA_BUILDER_CLASSES
    decorators: list[DecoratorFact] = field(default_factory=list)  # only those naming SCHEMA_BUILDER_CLASSES
    calls: list[CallFact] = field(default_factory=list)
    member_refs: list[tuple[str, int, int]] = field(default_factory=list)  # `Transport.KAFKA`-style
    # (member start, const, exported, used whole in the file) of a member set as a top-level const's
    # `transport:` (`export const RedisOption = { transport: Transport.REDIS }`: option_holders)
    transport_holders: list[tuple[int, str, bool, bool]] = field(default_factory=list)
    # imported names whose every value use is a member read (`RedisOption.name`): handed on to nothing whole
    member_read_locals: list[str] = field(default_factory=list)
    # `type: 'postgres'`, in files that can hold TypeORM connection options (_ORM_OPTIONS_HINTS)
    migrations_options: list[MigrationsOption] = field(default_factory=list)
    refs: Spans = field(default_factory=Spans)
    suppressions: list[Suppression] = field(default_factory=list)
    bom: bool = False
    unchecked: bool = False  # `// @ts-nocheck` above the first statement: tsc reports nothing in the file
    skipped: str | None = None  # reason the file was not analysed (binary, too large...)
    skipped_at: int = 0  # byte offset the reason points at (the first undecodable byte)
    # top-level declarations that are not exported: (name, kind, offset where `export ` would go, end)
    declarations: list[tuple[str, str, int, int]] = field(default_factory=list)
    # (role, value, start, end) of `type: '...'` inside TypeORM connection options: role "type" for the
    # driver, "cache" for `cache: { type }` (DEP004); other `type:` keys are not in here
    orm_types: list[tuple[str, str, int, int]] = field(default_factory=list)
    # (type name, start, end) of each constructor parameter's type annotation (injected providers)
    ctor_param_types: list[tuple[str, int, int]] = field(default_factory=list)
    # imported local names used only in type positions (the compiler erases their import)
    type_only_locals: list[str] = field(default_factory=list)
    nest: NestFacts | None = None  # Nest modules and injectable classes (nest_facts.py), when any
    # imported local names whose only runtime uses are annotations emitted by decorator metadata
    # (`@Req() req: Request`): the import is elided when the name turns out to be an interface
    metadata_only_locals: list[str] = field(default_factory=list)
    words: int = 0  # which of sources.MENTION_WORDS the text holds, as bits (the cache answers mentions)
    # (pattern, start, end) of each literal pattern of an `import.meta.glob(...)` call (glob_imports.py)
    globs: list[tuple[str, int, int]] = field(default_factory=list)

    def imports_from(self, package: str) -> list[ImportFact]:
        return [i for i in self.imports if i.specifier == package or i.specifier.startswith(package + "/")]
