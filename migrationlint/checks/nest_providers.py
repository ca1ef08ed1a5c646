"""NEST003: a provider's constructor needs a workspace `@Injectable()` class, or a well-known library
provider (nest_library), that its module cannot see.

Nest refuses to start: "Nest can't resolve dependencies of the OrdersService (?). Please make sure
that the argument UsersService at index [0] is available in the OrdersModule module." The module
graph (nest_providers) decides what each module can inject; whenever a part of it is not readable,
the rule says nothing. Parameters with a decorator other than a lone `@Inject(Class)`
(`@Inject(token)`, `@Optional()`, `@InjectRepository`) are not read: their token is not the type,
or they may be absent. A provider class imported with `import type` is reported whatever the
context: TypeScript records no class for it, so Nest can never inject it. Guards, interceptors,
pipes and filters named by class in `@UseGuards()` and its siblings are built in the module too.
"""

from __future__ import annotations

from typing import Iterator

from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.checks.nest import instantiated, loaded_findings, nest_modules, token_name
from migrationlint.model.declarations import Origin, origin, type_only_origin
from migrationlint.diagnostics import Diagnostic, Severity
from migrationlint.model.nest_graph import NEST_COMMON, class_of, is_from
from migrationlint.model.nest_library import canonical, printed_name, providing
from migrationlint.model.nest_providers import Providers, spread_items, visible_providers
from migrationlint.extract.nest_records import NestClass, NestItem, NestModule, NestParam

NEST003 = Rule("NEST003", "provider-not-found", Severity.ERROR,
               "A constructor parameter is typed with a workspace `@Injectable()` class, or a well-known "
               "library provider (`HttpService`, `JwtService`, `ConfigService`...), that is not provided in "
               "the module's context (own providers, exports of imported modules, global modules): Nest "
               "cannot start.")
RULES = [NEST003]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)


def check(project: Project) -> Iterator[Diagnostic]:
    for path, mod in nest_modules(project):
        yield from loaded_findings(project, path, list(_module(project, path, mod)))


def _module(project: Project, path: str, mod: NestModule) -> Iterator[Diagnostic]:
    visible: Providers | None = None
    for item, cls_ref, via in _instances(project, path, mod):
        cls = class_of(project, cls_ref)
        if cls is None or not cls.has_ctor or not cls.decorators:
            continue  # without a class decorator TypeScript records no constructor types: Nest passes nothing
        for param in cls.params:
            erased = _type_only(project, cls_ref.path, param)
            if erased is not None:  # no runtime class recorded: Nest fails whatever the module provides
                yield _report_erased(project, path, mod, item, cls_ref, cls, param, erased, via)
                break
            wanted = _injectable(project, cls_ref.path, param)
            if wanted is None:
                continue
            if visible is None:
                visible = visible_providers(project, path, mod)
            if visible.unknown:
                return
            if not visible.has(wanted):
                yield _report(project, path, mod, item, cls_ref, cls, param, wanted, via)
                break  # Nest stops at the first missing argument of a class


def _instances(project: Project, path: str, mod: NestModule) -> Iterator[tuple[NestItem, Origin, str]]:
    """(entry in the module, class, how it is used) for each class Nest instantiates in `mod`: its
    controllers and class providers, and the guards, interceptors, pipes and filters they name by
    class in `@UseGuards(...)` and its siblings (Nest builds those in the same module; checked by
    booting Nest), each class once."""
    seen: set[Origin] = set()
    for item, ref in _listed(project, path, mod):
        if ref not in seen:
            seen.add(ref)
            yield item, ref, ""
        cls = class_of(project, ref)
        for callee, name, _, _ in cls.enhancers if cls is not None else ():
            decorator = callee.rsplit(".", 1)[-1]
            target = origin(project, ref.path, name)
            if target.kind == "class" and target not in seen and is_from(project, ref.path, callee, NEST_COMMON, decorator):
                seen.add(target)
                yield item, target, f"@{decorator}() of {ref.name}"


def _listed(project: Project, path: str, mod: NestModule) -> Iterator[tuple[NestItem, Origin]]:
    """The module's controllers and class providers, with the classes of a provider list spread
    from another file (`providers: [...commonProviders]`)."""
    yield from instantiated(project, path, mod)
    for item in mod.providers or ():
        for where, it in spread_items(project, path, item) or () if item.kind == "spread" else ():
            name = it.name if it.kind == "ident" else (it.use_name if it.use == "useClass" else "")
            ref = origin(project, where, name) if name else None
            if ref is not None and ref.kind == "class":
                yield item, ref


def _injectable(project: Project, path: str, param: NestParam) -> Origin | None:
    """The workspace `@Injectable()` class, or the library table class, that Nest injects for a
    parameter: its type, or the class of a lone `@Inject(Class)`; None otherwise (another
    decorator, a token, a type that is not such a class)."""
    name = param.type_name
    if param.decorators:
        callee, args = param.decorators[0]
        if len(param.decorators) != 1 or len(args) != 1 or args[0][0] != "ident":
            return None
        if not is_from(project, path, callee, NEST_COMMON, "Inject"):
            return None
        name = args[0][1]
    if not name or not name.isidentifier():
        return None
    return _provider_class(project, origin(project, path, name))


def _provider_class(project: Project, ref: Origin) -> Origin | None:
    if providing(ref) is not None:
        return canonical(ref)
    cls = class_of(project, ref)
    if cls is None or not any(is_from(project, ref.path, d, NEST_COMMON, "Injectable") for d in cls.decorators):
        return None
    return ref


def _type_only(project: Project, path: str, param: NestParam) -> Origin | None:
    """A provider class that an undecorated parameter's type names through `import type`: TypeScript
    then records no class for it (`Function` with tsc, `undefined` with isolated transpilers)."""
    name = param.type_name
    if param.decorators or not name or not name.isidentifier() or origin(project, path, name).known:
        return None
    return _provider_class(project, type_only_origin(project, path, name))


def _report_erased(project: Project, path: str, mod: NestModule, item: NestItem, cls_ref: Origin, cls: NestClass,
                   param: NestParam, erased: Origin, via: str) -> Diagnostic:
    names = ", ".join("?" if p.index == param.index else token_name(project, cls_ref.path, p) for p in cls.params)
    message = (f"Nest can't resolve dependencies of the {cls.name} ({names}). Please make sure that the argument "
               f"at index [{param.index}] is available in the {mod.name} module: its type {erased.name} is imported "
               f"with `import type`, so no class is recorded for it at runtime and Nest cannot inject it, whatever "
               f"{mod.name} provides")
    message += f"; {cls.name} is instantiated for the {via}" if via else ""
    return diagnostic(NEST003, path, item.start, item.end, message)


def _report(project: Project, path: str, mod: NestModule, item: NestItem, cls_ref: Origin, cls: NestClass,
            param: NestParam, wanted: Origin, via: str = "") -> Diagnostic:
    row = providing(wanted)
    hint = f" ({row.module} from {row.package} provides it)" if row is not None else ""
    hint += f"; {cls.name} is instantiated for the {via}" if via else ""
    wanted_name = printed_name(wanted)
    names = ["?" if p.index == param.index else token_name(project, cls_ref.path, p) for p in cls.params]
    message = (f"Nest can't resolve dependencies of the {cls.name} ({', '.join(names)}). Please make sure that "
               f"the argument {wanted_name} at index [{param.index}] is available in the {mod.name} module: "
               f"{mod.name} neither provides {wanted.name} nor imports a module that exports it{hint}")
    return diagnostic(NEST003, path, item.start, item.end, message)
