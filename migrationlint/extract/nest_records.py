"""The NestJS facts of one file: modules, injectable classes and their constructor parameters.

Plain, picklable records with UTF-8 byte offsets, like fact_records.py (they cross process
boundaries and live in the facts cache). nest_facts.py fills them; the module-graph model
(nest_graph.py) and the NEST rules only read them. Kept out of fact_records.py so that the Nest
extraction is one concern in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class NestItem:
    """One element of a `@Module` array (`imports`, `providers`, `controllers`, `exports`).

    kind: ident (`UsersService`), forward (`forwardRef(() => X)`, name X; a call inside, as in
    `forwardRef(() => X.register())`, is read as that call), feature
    (`TypeOrmModule.forFeature([...], conn)`), call (any other call: a dynamic module such as
    `X.forRoot()`, name is the callee text), provider (`{ provide, useClass, ... }`), spread
    (`...list`), other (anything not readable statically).
    """

    kind: str
    name: str
    start: int
    end: int
    # feature: the entity list, each (kind ident|other, text, start, end); None when not an array literal
    entities: list[tuple[str, str, int, int]] | None = None
    # feature: the connection name; "" for the default one, None when not a string literal
    connection: str | None = ""
    array_start: int = -1  # feature: where `[...]` starts, for the fix that adds an entity
    # call: identifiers named anywhere in its arguments (what a dynamic module was given)
    arg_names: tuple[str, ...] = ()
    # provider: the token, as (kind ident|string|other, text); use: useClass/useExisting/... key
    token: tuple[str, str] = ("other", "")
    use: str = ""
    use_name: str = ""  # the identifier given to useClass/useExisting, when one


@dataclass(slots=True)
class NestModule:
    """A class decorated `@Module({...})`. A key whose value is not an array literal is None
    (unknown); `known` is False when the decorator's argument is not an object literal or holds a
    spread (then every key is unknown)."""

    name: str
    name_start: int
    name_end: int
    decorator: str  # callee text of the decorator (`Module`), checked against imports by the model
    is_global: bool = False
    known: bool = True
    imports: list[NestItem] | None = field(default_factory=list)
    providers: list[NestItem] | None = field(default_factory=list)
    controllers: list[NestItem] | None = field(default_factory=list)
    exports: list[NestItem] | None = field(default_factory=list)
    has_static_methods: bool = False  # `static forRoot()`: a module that can be imported dynamically
    # a static method's body may return `{ global: true, ... }`: what it provides may be visible everywhere
    may_be_global: bool = False
    mentions_repositories: bool = False  # its text names `forFeature` or `Repository`

    @property
    def built_only(self) -> bool:
        """A `@Global()` class with no `@Module()`: what it holds comes from its static builder alone."""
        return self.decorator.rsplit(".", 1)[-1] == "Global"


@dataclass(slots=True)
class NestParam:
    """One constructor parameter: its type annotation and its decorators with their arguments.

    decorators: (callee text, [(kind ident|string|other, text, start, end) per argument]).
    """

    index: int
    start: int
    end: int
    type_name: str = ""
    decorators: list[tuple[str, list[tuple[str, str, int, int]]]] = field(default_factory=list)


@dataclass(slots=True)
class NestClass:
    """A class with decorators or a constructor, as Nest sees it: its class decorators (callee
    texts), whether it declares a constructor, and that constructor's parameters."""

    name: str
    name_start: int
    name_end: int
    decorators: list[str] = field(default_factory=list)
    extends: str | None = None
    has_ctor: bool = False
    params: list[NestParam] = field(default_factory=list)
    # `@UseGuards(X)` / `@UseInterceptors` / `@UsePipes` / `@UseFilters` on the class or a method:
    # (decorator callee, class name, start, end) per identifier argument (classes Nest instantiates)
    enhancers: list[tuple[str, str, int, int]] = field(default_factory=list)


@dataclass(slots=True)
class OrmRoot:
    """The options of one `TypeOrmModule.forRoot(...)` / `forRootAsync({ useFactory })` call.

    `known` is False when the options are not an object literal the source spells out (a variable,
    a spread, a factory that does more than return a literal, `useClass`). name: the connection
    ("" for the default one, None when computed). entities: (kind ident|glob|other, text, start,
    end) per element, None when the key is absent or not an array literal. auto_load: the literal
    value of `autoLoadEntities`, None when computed.
    """

    callee: str
    start: int
    end: int
    known: bool = True
    name: str | None = ""
    entities: list[tuple[str, str, int, int]] | None = None
    has_entities: bool = False
    auto_load: bool | None = False


@dataclass(slots=True)
class NestCall:
    """A call `X.forRoot(...)` / `X.register(...)` (`forRoot`, `forFeature`, `register` or their
    `Async` forms on an identifier) anywhere in the file: how a dynamic module was asked for, wherever the result goes.

    options: none (no argument), literal (an object literal without a spread), other (a variable, a
    spread, a call). flags: the literal values of its `global` / `isGlobal` keys (None when computed).
    """

    head: str
    method: str
    start: int
    options: str = "none"
    flags: dict[str, bool | None] = field(default_factory=dict)


@dataclass(slots=True)
class NestGlobal:
    """An object literal that may be a global dynamic module (`{ module: X, global: true, ... }`), or
    an assignment `dm.global = ...`.

    module: the `module:` identifier (`this` in a static method is its class), "" when absent or
    not an identifier (then anything may be global). flag: the literal `global` value, None when
    computed or possibly set by a spread. exports: the `exports` array, None when not a literal
    array (unknown); an absent key is an empty list.
    """

    module: str
    start: int
    flag: bool | None = None
    exports: list[NestItem] | None = field(default_factory=list)


@dataclass(slots=True)
class NestFacts:
    """Everything Nest-shaped in one file."""

    modules: list[NestModule] = field(default_factory=list)
    classes: list[NestClass] = field(default_factory=list)
    roots: list[OrmRoot] = field(default_factory=list)
    # top-level functions whose body is `return X.y(...)`: name -> callee text (a dynamic module helper)
    returns: dict[str, str] = field(default_factory=dict)
    # exported top-level `const X = [...]` whose elements are all classes or provider objects (a
    # `providers: [...X]` in another file reads them)
    arrays: dict[str, list[NestItem]] = field(default_factory=dict)
    # top-level `const X = { provide: ..., useValue: ... }`: `providers: [X]` reads the object
    objects: dict[str, NestItem] = field(default_factory=dict)
    # top-level `const X = cond ? A : B` whose branches are identifiers: a module chosen at start-up
    # (`imports: [X]`), X stands for one of A, B
    choices: dict[str, list[str]] = field(default_factory=dict)
    calls: list[NestCall] = field(default_factory=list)  # dynamic-module calls, anywhere in the file
    globals: list[NestGlobal] = field(default_factory=list)  # what may make a module global
