"""Path aliases that bundler and framework config files declare, read as data.

`svelte.config.js` (`kit.alias`, `kit.files.lib`), `vite.config.*` / `vitest.config.*`
(`resolve.alias`, object or `[{ find, replacement }]` form), `nuxt.config.*` (`alias`) and
`webpack.config.*` / `rspack.config.*` / `rsbuild.config.*` (`resolve.alias`, also assigned in a config
function: `config.resolve.alias = {...}`, `config.resolve.alias['x'] = ...`) and Storybook's `.storybook/main.*`
(the `alias` its `viteFinal` or `webpackFinal` returns or assigns) are
programs, and a linter must never run them. They are parsed with tree-sitter (the TypeScript
grammar parses JavaScript) and only literal shapes are read: string keys, and values that are
strings or the usual path expressions (`path.resolve(__dirname, 'src')`,
`fileURLToPath(new URL('./src', import.meta.url))`). An alias whose target is computed some other
way is still an alias: its target is recorded as unknown (None), and imports through it are
trusted rather than reported.

A Module Federation `remotes` setting (the bundler plugin's, in any of these configs or a rollup or
rolldown config, or an Nx `module-federation.config.*`)
names the apps whose modules this one loads at run time: `import('payments/Reports')` is served by
the remote `payments`, which no install holds. Each remote name is read as an alias whose target is
unknown.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from migrationlint.model import frameworks
from migrationlint.model.jest_aliases import jest_aliases, jest_module_folders
from migrationlint.model.packages import package_name, types_package
from migrationlint.extract import parsing
from migrationlint.extract.parsing import string_value, text

if TYPE_CHECKING:
    from tree_sitter import Node

CONFIG_STEMS = ("svelte.config", "vite.config", "vitest.config", "nuxt.config", "webpack.config", "rspack.config",
                "rsbuild.config", "module-federation.config", "rollup.config", "rolldown.config")
CONFIG_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")
_MAX_CONFIG_BYTES = 512 * 1024
Q_PAIRS = "(pair key: [(property_identifier) (string)] @key value: (_) @value) @pair"
Q_ASSIGNMENTS = "(assignment_expression left: [(member_expression) (subscript_expression)] @left right: (_) @right)"
_DIRNAME = frozenset({"__dirname", "import.meta.dirname", "process.cwd()", "import.meta.url"})
# vite and vitest resolve an import that starts with `/` against the project root (vite's `root`)
_VITE_PACKAGES = frozenset({"vite", "vitest"})
_PATH_FUNCTIONS = frozenset({"resolve", "join", "path.resolve", "path.join", "fileURLToPath", "url.fileURLToPath"})


@dataclass
class FrameworkConfig:
    """What the config files of one project folder declare.

    `aliases`: prefix -> absolute target, or None when the target is computed in a way not read
    here. `frameworks`: the frameworks whose virtual modules the project sees (frameworks.py).
    `vite_root`: the folder of a project vite or vitest builds (a config file, or either declared).
    """

    directory: str
    aliases: dict[str, str | None] = field(default_factory=dict)
    frameworks: frozenset[str] = frozenset()
    vite_root: str | None = None  # where vite serves a root-absolute `/src/x` from (the project's folder)


def config_files(directory: str) -> list[str]:
    """The bundler/framework config files in `directory`, in a fixed order."""
    try:
        names = set(os.listdir(directory))
    except OSError:
        return []
    return [os.path.join(directory, stem + suffix) for stem in CONFIG_STEMS for suffix in CONFIG_SUFFIXES
            if stem + suffix in names]


def storybook_configs(directory: str) -> list[str]:
    """`.storybook/main.*` of the project: the aliases its `viteFinal` or `webpackFinal` returns
    resolve what the stories import (read like any config's `alias`, relative to `.storybook/`)."""
    folder = os.path.join(directory, ".storybook")
    return [p for p in (os.path.join(folder, "main" + s) for s in CONFIG_SUFFIXES) if os.path.isfile(p)]


def read_project(directory: str, declared: frozenset[str] = frozenset(), package_jest: object = None,
                 installed: frozenset[str] = frozenset()) -> FrameworkConfig:
    """The aliases and frameworks of the project rooted at `directory` (`declared`: the packages
    its manifest declares, which tell a SvelteKit or Nuxt project without a config file;
    `package_jest`: its manifest's `jest` key; `installed`: the packages the workspace root declares
    too, which its install gives the project: a test runner's mapping of one of them to a mock, as of
    the declared ones, is for tests only)."""
    out = FrameworkConfig(directory)
    out.aliases.update(jest_module_folders(directory, package_jest, declared | installed))
    out.aliases.update(jest_aliases(directory, package_jest, declared | installed))
    names = {os.path.basename(p) for p in config_files(directory)}
    found = set()
    for framework, (files, packages) in frameworks.FRAMEWORK_MARKERS.items():
        if names.intersection(files) or declared.intersection(packages):
            found.add(framework)
    out.frameworks = frozenset(found)
    if any(n.startswith(("vite.config.", "vitest.config.")) for n in names) or declared & _VITE_PACKAGES:
        out.vite_root = directory
    if "sveltekit" in found:
        out.aliases["$lib"] = os.path.join(directory, "src", "lib")
    for path in config_files(directory) + storybook_configs(directory):
        mocks = os.path.basename(path).startswith("vitest.config")
        for key, target in read_aliases(path).items():
            name = package_name(key) if mocks else None
            if name and (name in declared or name in installed or types_package(name) in declared):
                # vitest swaps the package (or a runtime's module whose types are declared: `vscode`)
                # for a mock while tests run; tsc and the build use the package
                continue
            out.aliases[key] = target
    return out


def read_aliases(path: str) -> dict[str, str | None]:
    """Every alias a config file declares: prefix -> absolute target (None: not a literal shape)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(_MAX_CONFIG_BYTES + 1)
    except OSError:
        return {}
    if len(data) > _MAX_CONFIG_BYTES or b"alias" not in data and b"lib" not in data and b"remotes" not in data:
        return {}
    root = parsing.parser("ts").parse(data).root_node
    directory = os.path.dirname(path)
    # SvelteKit reads `kit.alias` values as paths from the project root; a bundler reads a bare
    # replacement (`lodash-es`, `vue/dist/vue.esm-bundler.js`) as a package specifier
    bare_is_path = os.path.basename(path).startswith("svelte.config")
    out: dict[str, str | None] = {}
    for _, m in parsing.cursor("ts", Q_PAIRS).matches(root):
        key, value = _key(m["key"][0]), m["value"][0]
        if key == "alias" and _parent_key(m["pair"][0]) != "test":  # vitest's `test.alias`: tests only
            out.update(_alias_entries(value, directory, bare_is_path))
        elif key == "lib" and _parent_key(m["pair"][0]) == "files":  # SvelteKit kit.files.lib -> $lib
            out["$lib"] = path_value(value, directory)
        elif key == "remotes":
            out.update(dict.fromkeys(_remote_names(value)))
    for _, m in parsing.cursor("ts", Q_ASSIGNMENTS).matches(root):
        out.update(_assigned_aliases(m["left"][0], m["right"][0], directory, bare_is_path))
    return out


def _assigned_aliases(left: Node, right: Node, directory: str, bare_is_path: bool) -> dict[str, str | None]:
    """Aliases a webpack config function assigns: `config.resolve.alias = {...}` (every entry) or
    `config.resolve.alias['react-dom'] = target` / `config.resolve.alias.react = target` (one)."""
    if left.type == "member_expression" and _name(left.child_by_field_name("property")) == "alias":
        return _alias_entries(right, directory, bare_is_path)
    holder = left.child_by_field_name("object")
    if holder is None or holder.type != "member_expression" or _name(holder.child_by_field_name("property")) != "alias":
        return {}
    entry = left.child_by_field_name("index") if left.type == "subscript_expression" else left.child_by_field_name("property")
    name = string_value(entry) if entry is not None and entry.type == "string" else _name(entry)
    if not name:
        return {}
    return {name: _target(right, directory, bare_is_path)}


def _remote_names(value: Node) -> list[str]:
    """The names a federation `remotes` gives: an object's keys (`{ payments: 'payments@http://...' }`),
    or a list's names (`['payments']`, `'payments@http://...'`, Nx's `[['payments', 'http://...']]`)."""
    if value.type == "object":
        keys = (p.child_by_field_name("key") for p in value.named_children if p.type == "pair")
        return [_key(k) for k in keys if k is not None and k.type in ("property_identifier", "string")]
    if value.type != "array":
        return []
    items = (i.named_children[0] if i.type == "array" and i.named_children else i for i in value.named_children)
    names = (string_value(i) for i in items)
    return [n.split("@", 1)[0] if n.find("@") > 0 else n for n in names if n]


def _name(node: Node | None) -> str | None:
    return text(node) if node is not None and node.type == "property_identifier" else None


def _key(node: Node) -> str:
    return string_value(node) if node.type == "string" else text(node)


def _parent_key(pair: Node) -> str | None:
    obj = pair.parent
    outer = obj.parent if obj is not None else None
    if outer is not None and outer.type == "pair":
        k = outer.child_by_field_name("key")
        return _key(k) if k is not None else None
    return None


def _target(node: Node, directory: str, bare_is_path: bool) -> str | None:
    literal = string_value(node)
    if literal is not None and not bare_is_path and not literal.startswith((".", "/")):
        return None  # a package specifier: trusted, the package rules judge the package
    return path_value(node, directory)


def _alias_entries(value: Node, directory: str, bare_is_path: bool) -> dict[str, str | None]:
    """`{ '@': target }` or `[{ find: '@', replacement: target }]` (regex `find`s are skipped)."""
    out: dict[str, str | None] = {}

    def target(node: Node) -> str | None:
        return _target(node, directory, bare_is_path)

    if value.type == "object":
        for pair in value.named_children:
            if pair.type != "pair":
                continue
            k, v = pair.child_by_field_name("key"), pair.child_by_field_name("value")
            if k is not None and v is not None and k.type in ("property_identifier", "string"):
                out[_key(k)] = target(v)
    elif value.type == "array":
        for item in value.named_children:
            fields = {_key(p.child_by_field_name("key")): p.child_by_field_name("value")
                      for p in item.named_children if p.type == "pair"} if item.type == "object" else {}
            find, repl = fields.get("find"), fields.get("replacement")
            if find is not None and string_value(find) is not None:
                out[string_value(find)] = target(repl) if repl is not None else None
            elif find is not None and find.type == "regex":
                out.update(_regex_entry(find, repl, target))
    return out


# a regex `find` vite applies to a literal start, `^@\/ee\/`, then the rest captured, `(.*)`
_ANCHORED = re.compile(r"\^((?:\\[^a-zA-Z0-9]|[^\\^$.|?*+()[\]{}])+)(\(\.[*+]\)\$?)?$")


def _regex_entry(find: Node, repl: Node | None, target: Callable[[Node], str | None]) -> dict[str, str | None]:
    r"""`{ find: /^@\/ee\/(.*)/, replacement: ... }`: the regex's literal start as a prefix. Its
    target is the replacement's folder when that is a literal path ending in `/$1` (the captured
    rest), else unknown (computed: the edition folder a build picks), which is trusted."""
    pattern = next((c for c in find.named_children if c.type == "regex_pattern"), None)
    m = _ANCHORED.match(text(pattern)) if pattern is not None else None
    if m is None:
        return {}
    prefix = re.sub(r"\\(.)", r"\1", m.group(1))
    folder = target(repl) if repl is not None and m.group(2) else None
    return {prefix: folder[:-3] if folder is not None and folder.endswith(f"{os.sep}$1") else None}


def path_value(node: Node, directory: str) -> str | None:
    """The absolute path a literal path expression names, or None when it is computed otherwise."""
    literal = string_value(node)
    if literal is not None:
        if literal.startswith("/") and not os.path.exists(literal):
            literal = literal.lstrip("/")  # vite reads `/src` from the project root
        return os.path.normpath(os.path.join(directory, literal))
    if node.type == "new_expression":  # new URL('./src', import.meta.url)
        args = node.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        return path_value(first, directory) if first is not None else None
    if node.type != "call_expression":
        return None
    fn, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
    if fn is None or args is None or text(fn) not in _PATH_FUNCTIONS:
        return None
    parts: list[str] = []
    for arg in args.named_children:
        if text(arg) in _DIRNAME:
            parts = [directory]
            continue
        part = string_value(arg) if arg.type != "new_expression" else path_value(arg, directory)
        if part is None:
            return None
        parts.append(part)
    return os.path.normpath(os.path.join(directory, *parts)) if parts else None
