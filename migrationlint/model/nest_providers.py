"""The Nest module graph, as far as the source says: which workspace provider classes a module can inject.

Nest resolves a constructor parameter typed with a class against the module's own `providers`,
the providers exported by the modules it imports (exporting an imported module re-exports its
exports) and the exports of `@Global()` modules, comparing classes by identity. Every part the
source does not spell out (a spread, a variable, a dynamic module built by the workspace, a computed
token, a module that may be made global by a static builder) makes the answer `unknown`: the rule
reading it then stays silent, precision first. A library module (`HttpModule`, `JwtModule`) cannot
know a workspace class unless it was handed it (`X.forRoot({ providers: [Y] })`): those names are
"maybe" provided.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from migrationlint.model.declarations import Origin, origin
from migrationlint.model.nest_graph import NEST_TYPEORM, candidate_files, is_from, module_of
from migrationlint.model.nest_library import (
    QUIET,
    canonical,
    classes,
    library_module,
    makes_global,
    provided,
    providing,
)
from migrationlint.extract.nest_records import NestCall, NestGlobal, NestItem, NestModule
from migrationlint.model.project import Memo


@dataclass
class Providers:
    """Provider classes a module can inject (by identity), names some unreadable part may provide,
    `foreign` when a third-party module outside the library table is in the context (it may
    re-export any library provider), and `unknown` when anything at all may be provided."""

    keys: set[Origin] = field(default_factory=set)
    maybe: set[str] = field(default_factory=set)
    foreign: bool = False
    unknown: bool = False

    def add(self, other: Providers) -> None:
        self.keys |= other.keys
        self.maybe |= other.maybe
        self.foreign = self.foreign or other.foreign
        self.unknown = self.unknown or other.unknown

    def has(self, key: Origin) -> bool:
        """Whether the class `key` is (or may be) injectable."""
        key = canonical(key)
        return (self.unknown or key.name in self.maybe or key in self.keys
                or (key.kind == "package" and self.foreign))


def _unknown() -> Providers:
    return Providers(unknown=True)


def visible_providers(project, path: str, mod: NestModule) -> Providers:
    """The provider classes `mod` (declared in `path`) can inject, globals included."""
    if not mod.known or mod.imports is None or mod.providers is None or mod.has_static_methods:
        return _unknown()  # a static `forRoot()` may add providers when the module is used dynamically
    out = Providers()
    for item in mod.providers:
        out.add(_own_provider(project, path, item))
    for item in mod.imports:
        out.add(_imported(project, path, item, ()))
    out.add(global_providers(project))
    return out


def _class_token(project, path: str, name: str) -> Providers:
    """A class named as a provider or export: its identity; a const holding a provider object
    (`const filter = { provide: 'FILTER', useValue: 1 }`): what that object provides; any other
    name is unknown (an array, a computed value)."""
    ref = origin(project, path, name)
    if ref.kind in ("class", "package"):
        return Providers(keys={canonical(ref)})
    facts = project.facts(ref.path) if ref.kind == "local" else None
    obj = facts.nest.objects.get(ref.name) if facts is not None and facts.nest is not None else None
    if obj is not None and obj.token != ("ident", ref.name):  # a const provider object: what it provides
        return _own_provider(project, ref.path, obj)
    return _unknown()


def spread_items(project, path: str, item: NestItem) -> list[tuple[str, NestItem]] | None:
    """The elements of `...list` when `list` is an exported const array of classes and provider
    objects in a workspace file (as (declaring file, element)); None when not readable."""
    name = item.name[3:].strip() if item.kind == "spread" else ""
    ref = origin(project, path, name) if name.isidentifier() else None
    facts = project.facts(ref.path) if ref is not None and ref.kind == "local" else None
    items = facts.nest.arrays.get(ref.name) if facts is not None and facts.nest is not None else None
    return [(ref.path, it) for it in items] if items is not None else None


def _own_provider(project, path: str, item: NestItem) -> Providers:
    if item.kind == "spread":
        expanded = spread_items(project, path, item)
        if expanded is None:
            return _unknown()
        out = Providers()
        for where, it in expanded:
            out.add(_own_provider(project, where, it))
        return out
    if item.kind in ("ident", "forward"):
        return _class_token(project, path, item.name)
    if item.kind == "provider":
        kind, token = item.token
        if kind == "ident":
            return Providers() if _value_token(project, path, token) else _class_token(project, path, token)
        return Providers() if kind == "string" else _unknown()
    return _unknown()


def _value_token(project, path: str, name: str) -> bool:
    """Whether `provide: NAME` names an exported const holding a literal or a call's result
    (`'MAILER'`, `Symbol('MAILER')`): a token that is not a class, so it provides no class."""
    ref = origin(project, path, name)
    facts = project.facts(ref.path) if ref.kind == "local" else None
    return facts is not None and any(e.name == ref.name and e.kind == "const" and e.value_kind in ("literal", "call")
                                     for e in facts.exports)


def _one_of(project, ref: Origin, item: NestItem, read) -> Providers | None:
    """When `ref` is a const choosing a module at start-up (`const X = cond ? A : B`): what the
    choices give (classes every choice provides; those only some provide count as "maybe", so the
    rule reports only what no configuration provides; unknown if any choice is), else None."""
    facts = project.facts(ref.path) if ref.kind == "local" else None
    choices = facts.nest.choices.get(ref.name) if facts is not None and facts.nest is not None else None
    if not choices:
        return None
    results = [read(project, ref.path, replace(item, name=name)) for name in choices]
    if any(r.unknown for r in results):
        return _unknown()
    every = set.intersection(*(r.keys for r in results))
    some = set().union(*(r.keys for r in results)) - every  # provided in some configurations: not reported
    return Providers(keys=every, maybe=set().union(*(r.maybe for r in results)) | {k.name for k in some},
                     foreign=any(r.foreign for r in results))


def _imported(project, path: str, item: NestItem, stack: tuple) -> Providers:
    """What importing `item` (an element of an `imports` array in `path`) makes injectable."""
    if item.kind in ("ident", "forward"):
        ref = origin(project, path, item.name)
        chosen = _one_of(project, ref, item, lambda p, where, it: _imported(p, where, it, stack))
        if chosen is not None:
            return chosen
        if _library(project, ref):
            return _library_import(ref, "")
        mod = module_of(project, ref)
        return exported_providers(project, ref, mod, stack) if mod is not None else _unknown()
    if item.kind in ("call", "feature"):
        return _dynamic(project, path, item)
    expanded = spread_items(project, path, item)
    if expanded is None:
        return _unknown()
    out = Providers()
    for where, it in expanded:
        out.add(_imported(project, where, it, stack))
    return out


def _dynamic(project, path: str, item: NestItem) -> Providers:
    """`X.forRoot(...)` / `X.forFeature(...)`: a library's dynamic module may provide only what it
    was handed (and, for a module of the library table, its classes); a workspace one may provide
    anything."""
    head, _, method = item.name.partition(".")
    if item.kind == "feature" and is_from(project, path, head, NEST_TYPEORM, "TypeOrmModule"):
        return Providers()  # repositories only, by token, never a class
    ref = origin(project, path, head)
    if _library(project, ref):
        out = _library_import(ref, method or "?")
        out.maybe |= set(item.arg_names)
        return out
    return _unknown()


def _library_import(ref: Origin, method: str) -> Providers:
    """A third-party module (`method` "" for the class itself): it cannot know the workspace's
    classes; a module of the library table provides its classes, any other may re-export them."""
    row = library_module(ref)
    found = provided(row, method) if row is not None else None
    if found is not None:
        return Providers(keys=found)
    return Providers(foreign=(ref.path, ref.name) not in QUIET)


def _library(project, ref: Origin) -> bool:
    """Whether `ref` is exported by a third-party package: not one of the workspace's own packages
    (those may be read from built files the resolver did not map back to their sources)."""
    if ref.kind != "package":
        return False
    ws = project.workspace
    return ws.member(ref.path) is None and ref.path.split("/", 1)[0] not in ws.own_scopes


def exported_providers(project, ref: Origin, mod: NestModule, stack: tuple = ()) -> Providers:
    """What a module that imports `mod` gets from it."""
    if ref in stack:
        return Providers()  # an import cycle (forwardRef): what it adds is counted once, elsewhere
    if not mod.known or mod.exports is None or mod.imports is None or mod.providers is None:
        return _unknown()
    stack = stack + (ref,)
    # a module class exported by name and imported as `X.register(...)`: Nest re-exports the dynamic
    # module the call built (its exports), not the class's static metadata
    built = {it.name.partition(".")[0]: it for it in mod.imports if it.kind in ("call", "feature")}
    out = Providers()
    for item in mod.exports:
        call = built.get(item.name) if item.kind == "ident" else None
        out.add(_dynamic(project, ref.path, call) if call is not None else _exported_item(project, ref.path, item, stack))
    return out


def _exported_item(project, path: str, item: NestItem, stack: tuple) -> Providers:
    if item.kind in ("ident", "forward"):
        target = origin(project, path, item.name)
        chosen = _one_of(project, target, item, lambda p, where, it: _exported_item(p, where, it, stack))
        if chosen is not None:
            return chosen
        sub = module_of(project, target)
        if sub is not None:
            return exported_providers(project, target, sub, stack)
        if _value_token(project, path, item.name):
            return Providers()
        out = _class_token(project, path, item.name)
        if _library(project, target) and providing(target) is None:  # a library module re-exported
            row = library_module(target)
            out.add(Providers(keys=classes(row)) if row is not None else _library_import(target, ""))
        return out
    if item.kind == "provider":
        return _own_provider(project, path, item)
    if item.kind in ("call", "feature"):
        return _dynamic(project, path, item)
    return _unknown()


def global_providers(project) -> Providers:
    """Providers visible in every module, computed once: the exports of `@Global()` modules, of
    library modules built global (`ConfigModule.forRoot({ isGlobal: true })`, `ScheduleModule.forRoot()`,
    options computed: counted as global), and of dynamic module objects that may be global
    (`{ module: X, global: true, exports }`: X's exports and the object's). An object whose module
    or exports cannot be read makes the answer unknown. Classes handed to a library's dynamic module
    anywhere are "maybe" (`forRoot({ isGlobal: true })` may make what it was given global)."""
    return GLOBAL_PROVIDERS(project)


def _global_providers(project) -> Providers:
    out = Providers()
    for path in candidate_files(project, _may_be_global):
        facts = project.facts(path)
        nest = facts.nest if facts is not None else None
        if nest is None:
            continue
        for mod in nest.modules:
            if mod.is_global:
                out.add(exported_providers(project, Origin("class", path, mod.name), mod))
                if mod.has_static_methods:  # `static forRoot()` returns providers and exports, made global
                    out.add(_unknown())     # by the class's @Global(): not read, so nothing global is sure

            for item in mod.imports or ():
                if item.kind == "call" and origin(project, path, item.name.split(".", 1)[0]).kind == "package":
                    out.maybe.update(item.arg_names)
        if not project.is_test_file(path):
            out.add(_global_calls(project, path, nest.calls))
            for record in nest.globals:
                out.add(_global_object(project, path, record))
    return out


GLOBAL_PROVIDERS: Memo[Providers] = Memo("nest global providers", _global_providers)


def _may_be_global(has) -> bool:
    """A file that may hold a `@Global()` module, a global dynamic module or a library builder call
    (`has(word)`: whether it mentions `word`)."""
    return has(b"lobal") or has(b".for") or has(b".register") or (has(b"module") and has(b"..."))


def _global_calls(project, path: str, calls: list[NestCall]) -> Providers:
    """Library table modules built global by calls in `path`."""
    out = Providers()
    for call in calls:
        ref = origin(project, path, call.head)
        row = library_module(ref) if _library(project, ref) else None
        if row is not None and makes_global(row, call) is not False:
            out.keys |= provided(row, call.method) or classes(row)
    return out


def _global_object(project, path: str, record: NestGlobal) -> Providers:
    """What a dynamic module object that may be global (`{ module: X, global: true, exports }`)
    makes visible everywhere: X's exports and the object's own."""
    if record.flag is False:
        return Providers()
    if not record.module or record.exports is None:
        return _unknown()
    ref = origin(project, path, record.module)
    mod = module_of(project, ref)
    if mod is not None:
        out = exported_providers(project, ref, mod)
    elif _library(project, ref):
        out = _library_import(ref, "")
        row = library_module(ref)
        out.keys |= classes(row) if row is not None else set()
    else:
        return _unknown()
    for item in record.exports:
        out.add(_exported_item(project, path, item, ()))
    return out
