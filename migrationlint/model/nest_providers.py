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

import re
from dataclasses import dataclass, field

from migrationlint.model.declarations import Origin, origin
from migrationlint.model.nest_graph import NEST_TYPEORM, candidate_files, is_from, module_of
from migrationlint.extract.nest_records import NestItem, NestModule
from migrationlint.model.project import Memo


@dataclass
class Providers:
    """Provider classes a module can inject (by identity), names some unreadable part may provide,
    and `unknown` when anything at all may be provided."""

    keys: set[Origin] = field(default_factory=set)
    maybe: set[str] = field(default_factory=set)
    unknown: bool = False

    def add(self, other: Providers) -> None:
        self.keys |= other.keys
        self.maybe |= other.maybe
        self.unknown = self.unknown or other.unknown

    def has(self, key: Origin) -> bool:
        """Whether the class `key` is (or may be) injectable."""
        return self.unknown or key.name in self.maybe or key in self.keys


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
    """A class named as a provider or export: its identity; a name that is not a class is unknown
    (a const holding a provider object, an array)."""
    ref = origin(project, path, name)
    if ref.kind in ("class", "package"):
        return Providers(keys={ref})
    return _unknown()


def _own_provider(project, path: str, item: NestItem) -> Providers:
    if item.kind in ("ident", "forward"):
        return _class_token(project, path, item.name)
    if item.kind == "provider":
        kind, token = item.token
        if kind == "ident":
            return _class_token(project, path, token)
        return Providers() if kind == "string" else _unknown()
    return _unknown()


def _imported(project, path: str, item: NestItem, stack: tuple) -> Providers:
    """What importing `item` (an element of an `imports` array in `path`) makes injectable."""
    if item.kind in ("ident", "forward"):
        ref = origin(project, path, item.name)
        if _library(project, ref):
            return Providers()  # a library module class cannot know the workspace's classes
        mod = module_of(project, ref)
        return exported_providers(project, ref, mod, stack) if mod is not None else _unknown()
    if item.kind in ("call", "feature"):
        return _dynamic(project, path, item)
    return _unknown()


def _dynamic(project, path: str, item: NestItem) -> Providers:
    """`X.forRoot(...)` / `X.forFeature(...)`: a library's dynamic module may provide only what it
    was handed; a workspace one may provide anything."""
    head = item.name.split(".", 1)[0]
    if item.kind == "feature" and is_from(project, path, head, NEST_TYPEORM, "TypeOrmModule"):
        return Providers()  # repositories only, by token, never a class
    if _library(project, origin(project, path, head)):
        return Providers(maybe=set(item.arg_names))
    return _unknown()


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
    out = Providers()
    for item in mod.exports:
        out.add(_exported_item(project, ref.path, item, stack))
    return out


def _exported_item(project, path: str, item: NestItem, stack: tuple) -> Providers:
    if item.kind in ("ident", "forward"):
        target = origin(project, path, item.name)
        sub = module_of(project, target)
        if sub is not None:
            return exported_providers(project, target, sub, stack)
        return _class_token(project, path, item.name)
    if item.kind == "provider":
        return _own_provider(project, path, item)
    if item.kind in ("call", "feature"):
        return _dynamic(project, path, item)
    return _unknown()


def global_providers(project) -> Providers:
    """Providers exported by the workspace's `@Global()` modules, computed once.

    Besides `@Global()`, only a dynamic module object with a `global` key (`{ module, global: true }`)
    makes providers visible everywhere: any workspace file that may spell one out (a `global` key
    and the word module, even computed, even inside a library call's options) makes the answer
    unknown, whatever builds the module (a function, a spread, a const). Classes handed to a library's dynamic module anywhere are "maybe"
    (`forRoot({ isGlobal: true })` may make what it was given global)."""
    return GLOBAL_PROVIDERS(project)


def _global_providers(project) -> Providers:
    out = Providers(unknown=_makes_global(project))
    for path in candidate_files(project):
        facts = project.facts(path)
        for mod in facts.nest.modules if facts is not None and facts.nest is not None else ():
            if mod.is_global:
                out.add(exported_providers(project, Origin("class", path, mod.name), mod))
            elif mod.may_be_global:
                out.unknown = True
            for item in mod.imports or ():
                if item.kind == "call" and origin(project, path, item.name.split(".", 1)[0]).kind == "package":
                    out.maybe.update(item.arg_names)
    return out


GLOBAL_PROVIDERS: Memo[Providers] = Memo("nest global providers", _global_providers)


# `global: ...`, `{ module, global }`, `dm.global = ...`: a dynamic module made global
_GLOBAL_KEY = re.compile(rb"\bglobal\s*:|[{,]\s*global\s*[,}]|\.global\s*=")


def _makes_global(project) -> bool:
    """Whether any source file of the workspace (outside tests) may build a global dynamic module."""
    def wanted(data: bytes) -> bool:  # a dynamic module object has a `module` key, or a Module type
        return _GLOBAL_KEY.search(data) is not None and b"module" in data.lower()

    def production(path: str) -> bool:
        return not project.is_test_file(path)

    if any(production(p) and wanted(_bytes(project, p) or b"") for p in project.files):
        return True
    return any(production(p) for p in candidate_files(project, wanted) if p not in project.files)


def _bytes(project, path: str) -> bytes | None:
    """A file's bytes: the linted text when it is linted, else the disk's."""
    data = project.source(path)
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
    return data
