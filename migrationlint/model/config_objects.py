"""Read a JavaScript/TypeScript tool config (vite, tsup, svelte, webpack...) as data.

Tool configs are code, and the linter never runs repository code: instead the file is parsed with
tree-sitter and every object-literal key is recorded under its dotted path (`ssr.noExternal`,
`kit.alias.@fixtures`), wherever the object sits (`export default {...}`, `defineConfig({...})`,
`module.exports = {...}`). Values are kept as their string value when they are string literals; a
value naming a top-level array constant is that array; a function that always returns `false`
(rollup's `external: () => false`) is the empty list, a predicate that names nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from migrationlint.extract import parsing

if TYPE_CHECKING:
    from tree_sitter import Node

CONFIG_EXTENSIONS = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs")
REGEX_MARK = "\0"  # a list item that is a regex literal: the mark, then the literal (`/^react/i`)


@dataclass(frozen=True)
class ConfigObject:
    """Key path -> string value (None for a non-string value) of one config file."""

    path: str
    keys: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    flags: dict[tuple[str, ...], bool] = field(default_factory=dict)  # keys whose value is `true`/`false`
    # keys whose value is an array: its string literals, or None when an item is anything else
    lists: dict[tuple[str, ...], tuple[str, ...] | None] = field(default_factory=dict)
    objects: frozenset[tuple[str, ...]] = frozenset()  # keys whose value is an object literal
    # every string value a key path takes, in order (`cwd` of each config in a list); `keys` keeps the last
    strings: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    def has(self, dotted: str) -> bool:
        """Whether a key path ends with `dotted` (`ssr.noExternal` matches `ssr.noExternal` at any
        depth, `noExternal` any key of that name)."""
        want = tuple(dotted.split("."))
        return any(k[-len(want):] == want for k in self.keys)

    def flag(self, dotted: str) -> bool | None:
        """The literal `true`/`false` of every key path ending with `dotted`, when they agree;
        None when absent, computed or contradictory."""
        want = tuple(dotted.split("."))
        found = {v for k, v in self.flags.items() if k[-len(want):] == want}
        others = any(k[-len(want):] == want and k not in self.flags for k in self.keys)
        return found.pop() if len(found) == 1 and not others else None

    def names(self, dotted: str, patterns: bool = False, lists_only: bool = False) -> tuple[str, ...] | None:
        """The strings listed under every key path ending with `dotted` (`external: ['react']`, or
        one string): () when absent, None when a value is anything else (a function, a spread of
        `Object.keys(pkg.dependencies)`), which says nothing readable. A regex literal in the list
        is such a value too, unless the caller reads `patterns` (REGEX_MARK + the literal). With
        `lists_only`, a key whose value is `true`/`false` is another object's key of that name, not
        the option: an esbuild plugin's resolve result `{ path, external: true }` in a tsup config
        whose `external` option can only be a list."""
        want = tuple(dotted.split("."))
        found: list[str] = []
        for k, v in self.keys.items():
            if k[-len(want):] != want or (lists_only and k in self.flags):
                continue
            listed = self.lists.get(k) if k in self.lists else ((v,) if v is not None else None)
            if listed is None or (not patterns and any(item.startswith(REGEX_MARK) for item in listed)):
                return None
            found += listed
        return tuple(found)

    def values(self, dotted: str) -> tuple[str, ...]:
        """Every string value of the key paths ending with `dotted`, in order (one per config of a list)."""
        want = tuple(dotted.split("."))
        return tuple(v for k, found in self.strings.items() if k[-len(want):] == want for v in found)

    def children(self, dotted: str) -> dict[str, str | None]:
        """The direct entries of the object at the key path `dotted`: {key: value}."""
        want = tuple(dotted.split("."))
        return {k[-1]: v for k, v in self.keys.items() if len(k) == len(want) + 1 and k[:-1] == want}


def find_config(directory: str, stem: str) -> str | None:
    """`<directory>/<stem>.{ts,mts,cts,js,mjs,cjs}`: the first that exists."""
    for ext in CONFIG_EXTENSIONS:
        path = os.path.join(directory, stem + ext)
        if os.path.isfile(path):
            return path
    return None


def config_has(path: str, dotted: str) -> bool:
    """`read_config(path).has(dotted)`, without parsing a file whose bytes do not hold the last key:
    a key's text is its source bytes (a string key's quotes are dropped, its escapes kept), so
    the search cannot miss one, and most config files never load the grammar."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return False
    if dotted.rsplit(".", 1)[-1].encode() not in data:
        return False
    return read_config(path).has(dotted)


def config_imports(path: str) -> frozenset[str]:
    """The module specifiers the config file imports or requires (empty when it cannot be read)."""
    try:
        stat = os.stat(path)
    except OSError:
        return frozenset()
    return _config_imports(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _config_imports(path: str, mtime_ns: int, size: int) -> frozenset[str]:
    from migrationlint.extract.facts import extract

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return frozenset()
    facts = extract(path if not path.endswith((".js", ".mjs", ".cjs")) else path + ".ts", data)
    return frozenset(imp.specifier for imp in facts.imports if imp.specifier)


def delegated_config(path: str) -> str:
    """The shared config module a config hands its whole work to, else the config itself: a file with
    no object key of its own that imports one relative module (`import config from
    '../vite.config.default'; export default config('src/index.ts', 'dom')`): its settings are that
    module's, read as data like any config's. So is a CommonJS wrapper that registers a TypeScript
    loader and exports the TypeScript config (`require('ts-node').register({ compilerOptions })`,
    then `module.exports = require('./rollup.config.ts')`)."""
    if any(k[0] != "compilerOptions" for k in read_config(path).keys):
        return path
    relative = [spec for spec in config_imports(path) if spec.startswith(".")]
    if len(relative) != 1:
        return path
    base = os.path.normpath(os.path.join(os.path.dirname(path), relative[0]))
    found = next((c for c in (base, *(base + ext for ext in CONFIG_EXTENSIONS)) if os.path.isfile(c)
                  and c.endswith(CONFIG_EXTENSIONS)), None)
    return found or path


def read_config(path: str) -> ConfigObject:
    """The object keys of the config file at `path` (empty when it cannot be read)."""
    try:
        stat = os.stat(path)
    except OSError:
        return ConfigObject(path)
    return _read_config(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _read_config(path: str, mtime_ns: int, size: int) -> ConfigObject:
    """Parsed once per version of the file (the key holds its mtime and size)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return ConfigObject(path)
    tree = parsing.parse(data, path if not path.endswith((".js", ".mjs", ".cjs")) else path + ".ts")
    keys: dict[tuple[str, ...], str | None] = {}
    flags: dict[tuple[str, ...], bool] = {}
    lists: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    objects: set[tuple[str, ...]] = set()
    strings: dict[tuple[str, ...], tuple[str, ...]] = {}
    _walk(tree.root_node, (), keys, flags, lists, objects, _top_level_arrays(tree.root_node), strings)
    return ConfigObject(path, keys, flags, lists, frozenset(objects), strings)


def _top_level_arrays(root: Node) -> dict[str, Node]:
    """`const externalDeps = [...]` at the file's top level: name -> the array literal, so that
    `external: externalDeps` reads as the list itself; and a function of the file that returns one
    array literal (`function getDeps() { ...; return [...Object.keys(pkg.dependencies)] }`, or an
    arrow function): `name()` -> that array, so that `...getDeps()` in a list reads as its items."""
    found: dict[str, Node] = {}
    for stmt in root.named_children:
        if stmt.type == "export_statement" and stmt.named_children:
            stmt = stmt.named_children[-1]
        if stmt.type == "function_declaration":
            name, returned = stmt.child_by_field_name("name"), _returned_array(stmt.child_by_field_name("body"))
            if name is not None and returned is not None:
                found[parsing.text(name) + "()"] = returned
            _bind_parameter_defaults(stmt.child_by_field_name("parameters"), found)
        if stmt.type in ("lexical_declaration", "variable_declaration"):
            for decl in stmt.named_children:
                name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                if decl.type != "variable_declarator" or name is None or value is None or name.type != "identifier":
                    continue
                if value.type == "array":
                    found[parsing.text(name)] = value
                elif value.type in ("arrow_function", "function_expression", "function"):
                    returned = _returned_array(value.child_by_field_name("body"))
                    if returned is not None:
                        found[parsing.text(name) + "()"] = returned
                    _bind_parameter_defaults(value.child_by_field_name("parameters"), found)
    _bind_call_results(root, found)
    return found


def _bind_parameter_defaults(parameters: Node | None, found: dict[str, Node]) -> None:
    """`function build({ input, external = [] })`, a config factory of the file: `external` in the object
    it returns is the array default (a call that passes `external: [...]` is an object the walk reads
    too, whose items join the key's list)."""
    for param in parameters.named_children if parameters is not None else ():
        pattern = param.named_children[0] if param.type in ("required_parameter", "optional_parameter") \
            and param.named_children else param
        for item in pattern.named_children if pattern.type == "object_pattern" else ():
            left, right = item.child_by_field_name("left"), item.child_by_field_name("right")
            if item.type == "object_assignment_pattern" and left is not None and right is not None \
                    and right.type == "array" and parsing.text(left) not in found:
                found[parsing.text(left)] = right


def _bind_call_results(node: Node, found: dict[str, Node]) -> None:
    """`const deps = getDeps()` anywhere in the file (a build function's local), `getDeps` being a
    function `_top_level_arrays` read: `deps` is that array too."""
    for child in node.named_children:
        if child.type == "variable_declarator":
            name, value = child.child_by_field_name("name"), child.child_by_field_name("value")
            fn = value.child_by_field_name("function") if value is not None and value.type == "call_expression" else None
            if name is not None and name.type == "identifier" and fn is not None and fn.type == "identifier" \
                    and parsing.text(fn) + "()" in found and parsing.text(name) not in found:
                found[parsing.text(name)] = found[parsing.text(fn) + "()"]
        elif child.named_child_count:
            _bind_call_results(child, found)


def _returned_array(body: Node | None) -> Node | None:
    """The array literal a function body returns: the arrow's expression itself, or the one
    `return [...]` among its statements (None when it returns anything else or more than once)."""
    if body is None or body.type == "array":
        return body
    returns = [s for s in body.named_children if s.type == "return_statement"] if body.type == "statement_block" else []
    value = returns[0].named_children[0] if len(returns) == 1 and returns[0].named_children else None
    return value if value is not None and value.type == "array" else None


def _answers_false(value: Node) -> bool:
    """A function that returns the literal `false` whatever it is given (`() => false`,
    `function () { return false; }`): as a predicate option (rollup's `external`) it matches nothing."""
    if value.type not in ("arrow_function", "function_expression", "function"):
        return False
    body = value.child_by_field_name("body")
    if body is not None and body.type == "statement_block":
        statements = [c for c in body.named_children if c.type != "comment"]
        body = statements[0].named_children[0] if len(statements) == 1 and statements[0].type == "return_statement" \
            and statements[0].named_children else None
    return body is not None and body.type == "false"


_NAMES = ("identifier", "shorthand_property_identifier")  # a value that is a name: a pair's, or a shorthand's own


def _key_text(node: Node) -> str | None:
    if node.type in ("property_identifier", "identifier", "shorthand_property_identifier"):
        return parsing.text(node)
    return parsing.string_value(node)


def _walk(node: Node, prefix: tuple[str, ...], keys: dict[tuple[str, ...], str | None],
          flags: dict[tuple[str, ...], bool], lists: dict[tuple[str, ...], tuple[str, ...] | None],
          objects: set[tuple[str, ...]], arrays: dict[str, Node],
          strings: dict[tuple[str, ...], tuple[str, ...]] | None = None) -> None:
    """Record every pair under its path; objects nested in pairs extend the path, objects
    elsewhere (call arguments, array items) start from the enclosing path. A value naming a
    top-level array constant (`arrays`) is that array."""
    for child in node.named_children:
        if child.type in ("pair", "shorthand_property_identifier"):  # `{ external }` is `{ external: external }`
            key_node, value = (child.child_by_field_name("key"), child.child_by_field_name("value")) \
                if child.type == "pair" else (child, child)
            name = _key_text(key_node) if key_node is not None else None
            if name is None or value is None:
                continue
            path = prefix + (name,)
            unread_before = path in keys and keys[path] is None and path not in lists and path not in flags \
                and path not in objects  # the key seen already, with a value not read (a call, a name)
            keys[path] = parsing.string_value(value) or (_config_relative_path(value) if value.type == "call_expression"
                                                         else None)
            if strings is not None and keys[path] is not None:
                strings[path] = strings.get(path, ()) + (keys[path],)
            if value.type in _NAMES and parsing.text(value) in arrays:
                value = arrays[parsing.text(value)]
            value = _joined_array(value) or value  # `['node_modules', '../app/node_modules'].map(x => path.join(dir, x))`
            if value.type in ("true", "false"):
                flags[path] = value.type == "true"
            elif _answers_false(value):  # `external: () => false`: a predicate matching nothing names nothing
                lists[path] = None if unread_before else lists.get(path, ())
            elif value.type == "array" or _sections_of(value):  # the same key in several objects (configs
                # in a list): all their items; `Object.keys(pkg.dependencies)` alone: that section's names
                items = _string_items(value, arrays) if value.type == "array" else \
                    tuple(SECTIONS_MARK + section for section in _sections_of(value))
                lists[path] = None if unread_before else items if path not in lists else (
                    None if items is None or lists[path] is None else lists[path] + items)
            elif path in lists and keys[path] is None and value.type in ("call_expression", "member_expression", *_NAMES):
                lists[path] = None  # a list read for this key elsewhere, and here one that cannot be
            elif value.type == "object":
                objects.add(path)
            _walk(value, path, keys, flags, lists, objects, arrays, strings)
        else:
            _walk(child, prefix, keys, flags, lists, objects, arrays, strings)


# `[...builtinModules, 'react']`: a spread of Node's built-in module names adds no package
_BUILTIN_SPREADS = frozenset({"builtinModules", "module.builtinModules", "require('module').builtinModules",
                              'require("module").builtinModules', "require('node:module').builtinModules"})


SECTIONS_MARK = "\1"  # a list item naming a manifest section: the mark, then the section (`dependencies`)
_SECTION_KEYS = re.compile(r"^Object\.keys\(\s*(\{[^()]*\}|[\w.]+(?:\s*(?:\|\||\?\?)\s*\{\s*\})?)\s*\)$")
# `pkg.peerDependencies`, or `peerDependencies` bound by `import { peerDependencies } from './package.json'`
_SECTION_NAME = re.compile(r"(?:\b\w+\.)?\b(dependencies|peerDependencies|optionalDependencies)\b")


def _string_items(array: Node, arrays: dict[str, Node] | None = None, depth: int = 0) -> tuple[str, ...] | None:
    """The items of an array literal when every one is a string or regex literal, or an object of
    strings, which stands for its keys (a spread of Node's
    built-in module names skipped; a spread of the manifest's sections, `...Object.keys({
    ...pkg.peerDependencies, ...pkg.dependencies })`, as SECTIONS_MARK items; a spread of a
    top-level array or of what a function of the file returns, `...getDeps()`, as its items),
    else None."""
    items: list[str | None] = []
    for item in array.named_children:
        if item.type == "comment" or _builtin_spread(item):
            continue
        spread = _local_spread(item, arrays or {}) if depth < 3 else None
        if spread is not None:
            inner = _string_items(spread, arrays, depth + 1)
            items += list(inner) if inner is not None else [None]
            continue
        sections = _section_spread(item)
        if sections:
            items += [SECTIONS_MARK + section for section in sections]
        elif item.type == "object" and (keys := _string_pairs(item)) is not None:
            items += list(keys)
        else:
            items.append(REGEX_MARK + parsing.text(item) if item.type == "regex"
                         else parsing.string_value(item) or _config_relative_path(item))
    return None if any(item is None for item in items) else tuple(items)  # type: ignore[misc]


def _string_pairs(item: Node) -> tuple[str, ...] | None:
    """The keys of an object literal whose every value is a string (`{ pg: 'commonjs pg' }`, an item
    of webpack's `externals` list, which names its keys), else None."""
    pairs = [c for c in item.named_children if c.type != "comment"]
    keys = [_key_text(p.child_by_field_name("key")) if p.type == "pair" and p.child_by_field_name("key") is not None
            and parsing.string_value(p.child_by_field_name("value")) is not None else None for p in pairs]
    return tuple(keys) if pairs and all(k is not None for k in keys) else None  # type: ignore[arg-type]


def _local_spread(item: Node, arrays: dict[str, Node]) -> Node | None:
    """The array a spread names in the file: `...externalDeps` or `...getDeps()` (no arguments)."""
    if item.type != "spread_element" or not item.named_children:
        return None
    inner = item.named_children[0]
    if inner.type == "identifier":
        return arrays.get(parsing.text(inner))
    fn, args = inner.child_by_field_name("function"), inner.child_by_field_name("arguments")
    if inner.type == "call_expression" and fn is not None and fn.type == "identifier" and args is not None \
            and not [a for a in args.named_children if a.type != "comment"]:
        return arrays.get(parsing.text(fn) + "()")
    return None


_PATH_CALLS = frozenset({"resolve", "join", "path.resolve", "path.join"})


def _config_relative_path(item: Node) -> str | None:
    """`resolve(__dirname, 'spec/setup.ts')` as the path it names from the config's folder
    (`spec/setup.ts`), or None for any other expression."""
    fn, args = item.child_by_field_name("function"), item.child_by_field_name("arguments")
    if item.type != "call_expression" or fn is None or args is None or parsing.text(fn) not in _PATH_CALLS:
        return None
    parts = [a for a in args.named_children if a.type != "comment"]
    texts = [parsing.string_value(p) for p in parts]
    if parts and parsing.text(fn) in ("resolve", "path.resolve") and all(_relative_text(t) for t in texts):
        # `path.resolve('packages/cli')`, `path.resolve('dist', 'config', 'db.js')`: from the folder the tool runs in, the config's
        return "/".join(t.strip("/") for t in texts if t)  # type: ignore[union-attr]
    if not parts or parsing.text(parts[0]) not in ("__dirname", "import.meta.dirname"):
        return None
    rest = [parsing.string_value(a) for a in parts[1:]]
    return "/".join(rest) if rest and all(r is not None for r in rest) else None  # type: ignore[arg-type]


def _relative_text(value: str | None) -> bool:
    """A path written relative to a folder (`packages/cli`, `./src`), not absolute nor empty."""
    return bool(value) and not value.startswith(("/", "\\")) and ":" not in value  # type: ignore[union-attr]


def _joined_array(value: Node) -> Node | None:
    """The array of `[...].map((x) => path.join(dir, x))` (or `path.resolve`): a list of paths each
    joined to one folder, read as the paths written, relative to it; None for any other value."""
    fn = value.child_by_field_name("function") if value.type == "call_expression" else None
    method = fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression" else None
    array = fn.child_by_field_name("object") if method is not None and parsing.text(method) == "map" else None
    args = value.child_by_field_name("arguments")
    arrow = args.named_children[0] if args is not None and args.named_children else None
    if array is None or array.type != "array" or arrow is None or arrow.type != "arrow_function":
        return None
    param = arrow.child_by_field_name("parameter") or arrow.child_by_field_name("parameters")
    body = arrow.child_by_field_name("body")
    name = parsing.text(param).strip("()") if param is not None else ""
    call = body.child_by_field_name("function") if body is not None and body.type == "call_expression" else None
    parts = body.child_by_field_name("arguments").named_children if call is not None else []
    joined = call is not None and parsing.text(call) in _PATH_CALLS and len(parts) == 2 and parsing.text(parts[1]) == name
    return array if joined and name.isidentifier() else None


def _section_spread(item: Node) -> list[str]:
    """The manifest sections `...Object.keys(pkg.dependencies || {})` (or `?? {}`) or `...Object.keys({
    ...pkg.peerDependencies, ...pkg.dependencies })` names (or `...Object.keys(peerDependencies)`,
    a section imported by name from the package.json); [] for anything else."""
    if item.type != "spread_element" or not item.named_children:
        return []
    return _sections_of(item.named_children[0])


def _sections_of(value: Node) -> list[str]:
    """The manifest sections a bare `Object.keys(pkg.dependencies)` names ([] for anything else)."""
    found = _SECTION_KEYS.match(parsing.text(value)) if value.type == "call_expression" else None
    if found is None:
        return []
    inner = found.group(1)
    sections = _SECTION_NAME.findall(inner)
    rest = _SECTION_NAME.sub("", inner).replace("...", "").replace("||", "").replace("??", "")
    return sections if sections and not any(ch.isalnum() for ch in rest) else []


def _builtin_spread(item: Node) -> bool:
    """`...builtinModules`, or a list made from it (`...builtinModules.map((m) => `node:${m}`)`, a
    `flatMap` or `filter` of it): Node's built-in names, with or without their `node:` prefix."""
    inner = item.named_children[0] if item.type == "spread_element" and item.named_children else None
    if inner is not None and inner.type == "call_expression":
        fn = inner.child_by_field_name("function")
        method = fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression" else None
        if method is None or parsing.text(method) not in _LIST_METHODS:
            return False
        inner = fn.child_by_field_name("object")
    return inner is not None and parsing.text(inner) in _BUILTIN_SPREADS


_LIST_METHODS = frozenset({"map", "flatMap", "filter"})
