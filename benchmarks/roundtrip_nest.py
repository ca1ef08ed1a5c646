"""Fault injections for the round trip (roundtrip.py) that break the Nest module graph or the
registration of entities and migrations, each at a real place of the repository:

  NEST001  an entity removed from a module's `TypeOrmModule.forFeature([...])` while a provider of
           that module injects it; or a module exporting TypeOrmModule removed from the `imports`
           of a module whose provider injects one of its entities
  NEST002  an entity removed from a connection's explicit `entities: [...]` while a module of the
           same package registers it with `forFeature`
  MIG007   a migration class dropped from an explicit `migrations: [...]` list of two or more
  NEST003  an `@Injectable()` class removed from the `providers` of the only module that lists it,
           while another provider or controller of that module takes it in its constructor; or a
           library module (HttpModule, JwtModule, CqrsModule, TerminusModule, ConfigModule) removed
           from the `imports` of a module whose provider takes its class, when nothing makes it
           global or re-exports it

The places are found with plain text patterns (what a maintainer would grep for), never with the
linter, so that recall is measured against an independent notion of where the fault is.
"""

from __future__ import annotations

import posixpath
import random
import re
from typing import Callable

IDENT = re.compile(r"[A-Za-z_$][\w$]*")
NAMED_IMPORT = re.compile(r"""import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]""")
FEATURE = re.compile(r"TypeOrmModule\.forFeature\(\s*\[([^\[\]]*)\]\s*\)")
TEST_PATH = re.compile(r"(spec|test|e2e|__tests__|mock)")


def _array(text: str, key: str) -> list[tuple[int, int, list[tuple[str, int, int]]]]:
    """Every `key: [...]`: (start, end, top-level elements as (text, start, end)). Elements that are
    not plain identifiers are kept (callers skip them), so that removing one keeps the commas right."""
    out = []
    for m in re.finditer(r"\b" + key + r"\s*:\s*\[", text):
        elements = _elements(text, m.end())
        if elements is not None:
            out.append((m.end(), elements[1], elements[0]))
    return out


def _elements(text: str, at: int) -> tuple[list[tuple[str, int, int]], int] | None:
    """The comma-separated elements of the array whose `[` ends at `at`, and where it closes
    (strings and comments are stepped over; elements holding a comment are left out)."""
    depth, start, items, i = 0, at, [], at
    while i < len(text):
        ch = text[i]
        if ch in "'\"`":
            close = text.find(ch, i + 1)
            while close != -1 and text[close - 1] == "\\":
                close = text.find(ch, close + 1)
            if close == -1:
                return None
            i = close
        elif text.startswith("//", i) or text.startswith("/*", i):
            close = text.find("\n" if text[i + 1] == "/" else "*/", i)
            if close == -1:
                return None
            i = close
        elif ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        elif ch == "]" or (ch == "," and depth == 0):
            raw = text[start:i]
            name = raw.strip()
            if name and "//" not in raw and "/*" not in raw:
                s = start + raw.index(name)
                items.append((name, s, s + len(name)))
            if ch == "]":
                return items, i
            start = i + 1
        i += 1
    return None


def _idents(items: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    return [it for it in items if IDENT.fullmatch(it[0])]


def _items(body: str, offset: int) -> list[tuple[str, int, int]] | None:
    """The elements of a `forFeature([...])` list when all are identifiers."""
    items = []
    for part in re.finditer(r"[^,]+", body):
        raw = part.group(0)
        name = raw.strip()
        if not name or "//" in raw or "/*" in raw:
            continue
        if not IDENT.fullmatch(name):
            return None
        start = offset + part.start() + raw.index(name)
        items.append((name, start, start + len(name)))
    return items


def _features(text: str) -> list[tuple[str, int, int]]:
    found = []
    for m in FEATURE.finditer(text):
        found.extend(_items(m.group(1), m.start(1)) or [])
    return found


def _remove(text: str, items: list[tuple[str, int, int]], name: str) -> str:
    """`text` without the element `name` of a list and the comma that separated it."""
    i = next(k for k, it in enumerate(items) if it[0] == name)
    _, start, end = items[i]
    if i + 1 < len(items):
        end = items[i + 1][1]
    elif i > 0:
        start = items[i - 1][2]
    return text[:start] + text[end:]


def _imports(text: str) -> dict[str, str]:
    names = {}
    for m in NAMED_IMPORT.finditer(text):
        for part in m.group(1).split(","):
            bits = part.strip().split(" as ")
            if bits[0].strip():
                names[bits[-1].strip()] = m.group(2)
    return names


def _resolve(files: dict, importer: str, spec: str) -> str | None:
    """The file a relative specifier, or a `baseUrl`-style one (`src/users/x`, from the package
    directory), names."""
    if not spec:
        return None
    if spec.startswith("."):
        base = posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))
    else:
        pkg = _package(files, importer)
        base = posixpath.normpath(posixpath.join(pkg, spec)) if pkg else posixpath.normpath(spec)
    base = re.sub(r"\.js$", "", base)
    for candidate in (base + ".ts", base + "/index.ts", base):
        if candidate in files and candidate.endswith(".ts"):
            return candidate
    return None


def _text(tree, rel: str) -> str:
    return tree.files[rel].decode("utf-8", "replace")


def _modules(tree) -> list[str]:
    return [p for p in sorted(tree.files) if p.endswith(".ts") and not p.endswith(".d.ts")
            and not TEST_PATH.search(p) and b"@Module(" in tree.files[p]]


def _injects(tree, module: str, text: str, entity: str) -> bool:
    """Whether a provider or controller of the module injects `@InjectRepository(entity)`."""
    imports = _imports(text)
    pattern = re.compile(r"@InjectRepository\(\s*" + re.escape(entity) + r"\s*\)")
    for key in ("providers", "controllers"):
        for _, _, items in _array(text, key):
            for name, _, _ in _idents(items):
                target = _resolve(tree.files, module, imports.get(name, ""))
                if target is not None and pattern.search(_text(tree, target)):
                    return True
    return False


def _exports_typeorm(text: str) -> bool:
    return any("TypeOrmModule" in [i[0] for i in items] for _, _, items in _array(text, "exports"))


def _feature_owners(tree) -> dict[str, list[str]]:
    """Entity -> the modules that register it with forFeature AND export TypeOrmModule: the only
    other ways a module can see that entity's repository."""
    owners: dict[str, list[str]] = {}
    for rel in _modules(tree):
        text = _text(tree, rel)
        if _exports_typeorm(text):
            for name, _, _ in _features(text):
                owners.setdefault(name, []).append(rel)
    return owners


def inject_feature(tree, rng: random.Random, n: int, used: set[str], fault) -> list:
    owners = _feature_owners(tree)
    options = []
    for rel in _modules(tree):
        text = _text(tree, rel)
        for m in FEATURE.finditer(text):
            items = _items(m.group(1), m.start(1)) or []
            for name, _, _ in items:
                once = [e for e, _, _ in _features(text)].count(name) == 1
                if once and owners.get(name, [rel]) == [rel] and _injects(tree, rel, text, name):
                    options.append((rel, name, items))
    return _remove_one_each(tree, rng, n, used, fault, options, "NEST001", "forFeature")


def inject_import(tree, rng: random.Random, n: int, used: set[str], fault) -> list:
    owners = _feature_owners(tree)
    options = []
    for rel in _modules(tree):
        text = _text(tree, rel)
        own = {name for name, _, _ in _features(text)}
        imports = _imports(text)
        for _, _, items in _array(text, "imports"):
            for name, _, _ in _idents(items):
                target = _resolve(tree.files, rel, imports.get(name, ""))
                if target is None:
                    continue
                other = _text(tree, target)
                if not _exports_typeorm(other):
                    continue
                lost = [e for e, _, _ in _features(other)
                        if e not in own and owners.get(e) == [target] and _injects(tree, rel, text, e)]
                if lost:
                    options.append((rel, name, items, lost[0]))
    rng.shuffle(options)
    faults = []
    for rel, name, items, entity in options:
        if len(faults) >= n or rel in used:
            continue
        (tree.root / rel).write_text(_remove(_text(tree, rel), items, name), encoding="utf-8")
        used.add(rel)
        faults.append(fault("NEST001", rel, [rel], f"{name} removed from imports ({entity} no longer provided)"))
    return faults


def _package(files: dict, rel: str) -> str:
    parts = rel.split("/")[:-1]
    while parts and "/".join(parts + ["package.json"]) not in files:
        parts.pop()
    return "/".join(parts)


def inject_entities(tree, rng: random.Random, n: int, used: set[str], fault) -> list:
    owners: dict[str, list[str]] = {}  # entity -> every module registering it with forFeature
    for module in _modules(tree):
        for name, _, _ in _features(_text(tree, module)):
            owners.setdefault(name, []).append(module)
    options = []
    roots = [p for p in sorted(tree.files) if p.endswith(".ts") and not TEST_PATH.search(p)
             and b"TypeOrmModule.forRoot" in tree.files[p]]
    for rel in roots:
        if sum(_package(tree.files, p) == _package(tree.files, rel) for p in roots) != 1:
            continue  # another connection of the package may still list the entity
        text = _text(tree, rel)
        if "autoLoadEntities" in text:
            continue
        for _, _, items in _array(text, "entities"):
            for name, _, _ in _idents(items):
                same = [m for m in owners.get(name, []) if _package(tree.files, m) == _package(tree.files, rel)]
                if same and not set(same) & used:
                    options.append((rel, name, items, same[0]))
    rng.shuffle(options)
    faults = []
    for rel, name, items, module in options:
        if len(faults) >= n or rel in used or module in used:
            continue
        (tree.root / rel).write_text(_remove(_text(tree, rel), items, name), encoding="utf-8")
        used.update((rel, module))
        faults.append(fault("NEST002", module, [rel], f"{name} removed from entities in {rel}"))
    return faults


def inject_migrations(tree, rng: random.Random, n: int, used: set[str], fault) -> list:
    options = []
    for rel in sorted(tree.files):
        if not rel.endswith(".ts") or TEST_PATH.search(rel) or b"migrations" not in tree.files[rel]:
            continue
        text = _text(tree, rel)
        imports = _imports(text)
        for _, _, items in _array(text, "migrations"):
            if len(items) < 2:
                continue
            for name, _, _ in _idents(items):
                target = _resolve(tree.files, rel, imports.get(name, ""))
                if target is not None and re.search(r"class " + re.escape(name) + r"\b", _text(tree, target)):
                    options.append((rel, name, items, target))
    rng.shuffle(options)
    faults = []
    for rel, name, items, target in options:
        if len(faults) >= n or rel in used or any(f.path == target for f in faults):
            continue
        (tree.root / rel).write_text(_remove(_text(tree, rel), items, name), encoding="utf-8")
        used.update((rel, target))
        faults.append(fault("MIG007", target, [rel], f"{name} dropped from migrations in {rel}"))
    return faults


def _takes(text: str, name: str) -> bool:
    """Whether a constructor parameter property of `text` is typed `name`, without a decorator."""
    for m in re.finditer(r"(?:private|public|protected|readonly)\s+(?:readonly\s+)?[\w$]+\s*:\s*" + re.escape(name)
                         + r"\s*[,)]", text):
        if "@" not in text[max(0, m.start() - 60): m.start()].rsplit(",", 1)[-1].rsplit("(", 1)[-1]:
            return True
    return False


def _listed(tree, name: str) -> list[str]:
    """The modules that name `name` anywhere in a `providers` or `exports` array."""
    found = []
    for rel in _modules(tree):
        text = _text(tree, rel)
        if any(re.search(r"\b" + re.escape(name) + r"\b", text[s:e]) for key in ("providers", "exports")
               for s, e, _ in _array(text, key)):
            found.append(rel)
    return found


def inject_provider(tree, rng: random.Random, n: int, used: set[str], fault) -> list:
    options = []
    for rel in _modules(tree):
        text = _text(tree, rel)
        imports = _imports(text)
        for _, _, items in _array(text, "providers"):
            users = [_resolve(tree.files, rel, imports.get(u, "")) for key in ("providers", "controllers")
                     for _, _, its in _array(text, key) for u, _, _ in _idents(its)]
            for name, _, _ in _idents(items):
                target = _resolve(tree.files, rel, imports.get(name, ""))
                if target is None or not re.search(r"@Injectable\([^)]*\)\s*export\s+class\s+" + re.escape(name)
                                                   + r"\b", _text(tree, target)):
                    continue
                once = sum(len(re.findall(r"\b" + re.escape(name) + r"\b", text[s:e]))
                           for s, e, _ in _array(text, "providers")) == 1
                if once and _listed(tree, name) == [rel] and any(u and _takes(_text(tree, u), name) for u in users):
                    options.append((rel, name, items))
    return _remove_one_each(tree, rng, n, used, fault, options, "NEST003", "providers")


# library modules, their package, the classes a module importing them can inject, and the text that
# makes them global (then removing one import breaks nothing)
LIBRARY = {
    "HttpModule": ("@nestjs/axios", ("HttpService",), r"HttpModule\.register(?:Async)?\(\s*\{[^)]*\bglobal\b"),
    "JwtModule": ("@nestjs/jwt", ("JwtService",), r"JwtModule\.register(?:Async)?\(\s*\{[^)]*\bglobal\b"),
    "CqrsModule": ("@nestjs/cqrs", ("CommandBus", "QueryBus", "EventBus", "EventPublisher"), r"CqrsModule\.forRoot"),
    "TerminusModule": ("@nestjs/terminus", ("HealthCheckService", "TypeOrmHealthIndicator", "HttpHealthIndicator",
                                            "MemoryHealthIndicator", "DiskHealthIndicator"), None),
    "ConfigModule": ("@nestjs/config", ("ConfigService",), r"\bisGlobal\b"),
}


def inject_library(tree, rng: random.Random, n: int, used: set[str], fault) -> list:
    """A library module removed from the `imports` of a module whose provider or controller takes
    one of its classes, when nothing else can provide it: the module is not made global anywhere
    and no module re-exports it."""
    sources = [_text(tree, p) for p in tree.files if p.endswith(".ts") and not TEST_PATH.search(p)]
    exported = {m for t in sources for s, e, _ in _array(t, "exports") for m in LIBRARY if m in t[s:e]}
    options = []
    for rel in _modules(tree):
        text = _text(tree, rel)
        imports = _imports(text)
        users = [_resolve(tree.files, rel, imports.get(u, "")) for key in ("providers", "controllers")
                 for _, _, its in _array(text, key) for u, _, _ in _idents(its)]
        for _, _, items in _array(text, "imports"):
            for name, _, _ in items:
                head = name.split(".", 1)[0]
                if head not in LIBRARY or head in exported or imports.get(head) != LIBRARY[head][0]:
                    continue
                package, classes, made_global = LIBRARY[head]
                if made_global and any(re.search(made_global, t) for t in sources):
                    continue
                if sum(it[0].split(".", 1)[0] == head for it in items) == 1 and any(
                        u and any(_takes(_text(tree, u), c) for c in classes) for u in users):
                    options.append((rel, name, items))
    return _remove_one_each(tree, rng, n, used, fault, options, "NEST003", "imports")


def _remove_one_each(tree, rng: random.Random, n: int, used: set[str], fault, options: list, code: str,
                     array: str) -> list:
    """Up to `n` faults, one per module file: a name removed from that module's `array` list."""
    rng.shuffle(options)
    faults = []
    for rel, name, items in options:
        if len(faults) >= n or rel in used:
            continue
        (tree.root / rel).write_text(_remove(_text(tree, rel), items, name), encoding="utf-8")
        used.add(rel)
        faults.append(fault(code, rel, [rel], f"{name} removed from {array}"))
    return faults


def nest_injectors(fault) -> list[Callable]:
    """The injectors in roundtrip.py's shape `(tree, rng, n, used) -> [Fault]`."""
    def bind(inject: Callable) -> Callable:
        def run(tree, rng: random.Random, n: int, used: set[str]) -> list:
            return inject(tree, rng, n, used, fault)
        run.__name__ = inject.__name__
        return run
    # the scarcer places first: a file used by one injection is not used by the next
    return [bind(f) for f in (inject_migrations, inject_entities, inject_import, inject_feature, inject_library,
                               inject_provider)]
