"""tsconfig.json reading: JSONC, `extends` chains, and which tsconfig covers a file.

Only what module resolution needs is kept (paths, baseUrl, outDir, rootDir, rootDirs, include,
files, exclude), each path already made absolute against the config that defined it, because that
is how TypeScript interprets an inherited `paths` or `outDir`; `${configDir}` (TypeScript 5.5)
stands for the folder of the config that is finally used. Files are parsed as JSON5 (comments,
trailing commas); a config that cannot be read counts as absent, never as an error of the run.
A config extending a framework's generated tsconfig not there yet (`.svelte-kit/tsconfig.json`, or
SvelteKit 3's `$app/tsconfig.json`, before `svelte-kit sync`) inherits what it writes (frameworks.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Callable


from migrationlint.model import frameworks
from migrationlint.model.packages import is_relative
from migrationlint.globs import glob_source
from migrationlint.model.jsonc import load_jsonc, read_jsonc
from migrationlint.model.stray_configs import config_from_elsewhere, named_config_above
from migrationlint.model.tsconfig_extends import MemberDir, find_extended, written_by_a_tool

CONFIG_NAME = "tsconfig.json"
JS_CONFIG_NAME = "jsconfig.json"
BASE_CONFIG_NAME = "tsconfig.base.json"  # a monorepo's root options that every project's tsconfig extends
_MAX_EXTENDS = 16
_DEFAULT_EXCLUDES = ("node_modules", "bower_components", "jspm_packages")
_CONFIG_DIR = "${configDir}"
_CONFIG_DIR_MARK = "/\0configDir"  # stands for ${configDir} until the final config is known


@dataclass
class TsConfig:
    """The effective options of one tsconfig.json after its `extends` chain.

    `paths` keeps the key order of the file (TypeScript breaks ties between equally long
    patterns by order). `paths_base` is the directory the `paths` targets are relative to:
    `baseUrl` when set, else the directory of the config that declared `paths`.
    """

    path: str
    base_url: str | None = None
    paths: dict[str, list[str]] = field(default_factory=dict)
    paths_base: str | None = None
    out_dir: str | None = None
    declaration_dir: str | None = None  # where `.d.ts` files go, when not beside the JavaScript
    root_dir: str | None = None
    root_dirs: list[str] | None = None  # absolute folders merged into one virtual folder
    type_roots: list[str] | None = None  # `typeRoots`: absolute folders whose packages supply global types
    types: list[str] | None = None  # `types`: the only packages of the type roots the program includes (None: all)
    custom_conditions: list[str] | None = None  # `customConditions`: export conditions tried first
    module_suffixes: list[str] | None = None  # `moduleSuffixes`: `.ios` in `x.ios.ts`, tried in order
    include: list[str] | None = None  # absolute patterns
    files: list[str] | None = None  # absolute paths
    exclude: list[str] | None = None  # absolute patterns
    # the tsconfig files of its `references` (never inherited): a solution-style tsconfig.json
    # (`"files": []`) leaves its files to them (an Nx app's tsconfig.app.json and tsconfig.spec.json)
    references: list[str] = field(default_factory=list)
    # the options that decide what the compiler emits and checks (EMIT_OPTIONS): whether it keeps an
    # import none of whose names is used, whether it writes JavaScript at all, whether it checks types
    emit_options: dict[str, object] = field(default_factory=dict)
    skip_lib_check: bool | None = None  # `skipLibCheck`: tsc reports no error inside declaration files (None: unset)
    # `extends` of a package's config that is not installed (no node_modules): what it sets is unknown
    unread_extends: tuple[str, ...] = ()
    error: str | None = None

    @property
    def keeps_unused_imports(self) -> bool:
        """Whether an import none of whose names the file uses still loads its module at runtime:
        `verbatimModuleSyntax` or `preserveValueImports` keep it, `importsNotUsedAsValues:
        preserve|error` keeps it as `import "x"`. Otherwise tsc, swc, esbuild and Babel drop it."""
        emit = self.emit_options
        return emit.get("verbatimModuleSyntax") is True or emit.get("preserveValueImports") is True \
            or emit.get("importsNotUsedAsValues") in ("preserve", "error")

    @property
    def inlines_const_enums(self) -> bool:
        """Whether tsc compiling this program replaces a `const enum` imported from another file by its
        values and drops the import: not under `isolatedModules` (each file alone, as swc, esbuild and
        Babel compile it) nor where imports are kept as written."""
        return self.emit_options.get("isolatedModules") is not True and not self.keeps_unused_imports

    @property
    def allows_implicit_any(self) -> bool:
        """Whether tsc types a module without declarations as `any` rather than failing (TS7016):
        `noImplicitAny` false, or `strict` false with `noImplicitAny` unset. With both unset the
        default depends on the TypeScript version, so no."""
        emit = self.emit_options
        return emit.get("noImplicitAny") is False or ("noImplicitAny" not in emit and emit.get("strict") is False)

    @property
    def synthesizes_defaults(self) -> bool:
        """Whether tsc gives a CommonJS module without a default export its module object as one
        (`allowSyntheticDefaultImports`, set or implied by `esModuleInterop`, `module: system`, or
        `moduleResolution: bundler` and the node16/nodenext modes)."""
        emit = self.emit_options
        if isinstance(emit.get("allowSyntheticDefaultImports"), bool):
            return emit["allowSyntheticDefaultImports"] is True
        modes = {str(emit.get(k, "")).lower() for k in ("module", "moduleResolution")}
        return emit.get("esModuleInterop") is True or bool(modes & {"system", "bundler", "node16", "nodenext"})

    @property
    def type_checks(self) -> bool:
        """Whether tsc checks types in this project (not with `noCheck`, TypeScript 5.5+)."""
        return self.emit_options.get("noCheck") is not True

    @property
    def emits_javascript(self) -> bool:
        """Whether tsc writes JavaScript for this project (not with `noEmit` or `emitDeclarationOnly`)."""
        return self.emit_options.get("noEmit") is not True and self.emit_options.get("emitDeclarationOnly") is not True

    @property
    def dir(self) -> str:
        return os.path.dirname(self.path)

    def covers(self, file_path: str) -> bool:
        """Whether `file_path` is part of this config's program (files, include minus exclude)."""
        if self.files is not None and file_path in self.files:
            return True
        include, exclude = self._program
        path = file_path.replace(os.sep, "/")
        return include.matches(path) and not exclude.matches(path)

    def excludes_on_purpose(self, file_path: str) -> bool:
        """Whether the config's `include` takes the file and an `exclude` it writes (or inherits),
        not the default one, cuts it out again: left out of the program on purpose."""
        if self.exclude is None or (self.files is not None and file_path in self.files):
            return False
        include, exclude = self._program
        path = file_path.replace(os.sep, "/")
        return include.matches(path) and exclude.matches(path)

    def names_folder(self, folder: str) -> bool:
        """Whether `files` or an `include` pattern spells the folder name `folder` (`.storybook`):
        tsc's wildcards never enter a folder whose name starts with a dot, so only a pattern that
        names it brings its files into the program."""
        return any(folder in p.replace(os.sep, "/").split("/") for p in [*(self.files or ()), *(self.include or ())])

    def under_root_dir(self, file_path: str) -> bool:
        """Whether the file lies in the source folder the config names as its `rootDir` (a folder
        below the config's own): tsc compiles there what the included files import, also when
        `include` names only the top of that folder (`src/*`), and requires the whole program
        to live there."""
        root = self.root_dir
        # a folder below the config's own: an inherited `"rootDir": "."` of a base config above it names
        # the whole repository, which says nothing of what this program compiles
        return root is not None and os.path.normpath(root).startswith(os.path.normpath(self.dir) + os.sep) \
            and file_path.startswith(root.rstrip(os.sep) + os.sep)

    @cached_property
    def _program(self) -> tuple[_Patterns, _Patterns]:
        """include and exclude as regexes: every file of a run asks its configs `covers`, and one C
        call per list beats a glob match per pattern (built once per config)."""
        if self.include is None:
            patterns = [] if self.files is not None else [os.path.join(self.dir, "**/*")]
        else:
            patterns = self.include
        excludes = self.exclude
        if excludes is None:
            excludes = [os.path.join(self.dir, d) for d in _DEFAULT_EXCLUDES]
            if self.out_dir:
                excludes.append(self.out_dir)
        return _Patterns(self.dir, patterns), _Patterns(self.dir, [q for p in excludes for q in (p, p + "/**/*")])


class _Patterns:
    """Absolute TypeScript include or exclude patterns, those under the config's folder matched
    relative to it: most packages of a monorepo then share one compiled regex (`src/**/*`,
    `node_modules`), and compiling 80 tsconfigs' patterns was a tenth of a large run's checks."""

    def __init__(self, directory: str, patterns: list[str]) -> None:
        self.prefix = directory.replace(os.sep, "/").rstrip("/") + "/"
        inside = tuple(p.replace(os.sep, "/")[len(self.prefix):] for p in patterns
                       if p.replace(os.sep, "/").startswith(self.prefix))
        outside = tuple(p for p in patterns if not p.replace(os.sep, "/").startswith(self.prefix))
        self.inside = _joined(inside)
        self.outside = _joined(outside)

    def matches(self, path: str) -> bool:
        """Whether a path (with `/` separators) matches one of the patterns."""
        if self.inside is not None and path.startswith(self.prefix) and self.inside.match(path[len(self.prefix):]):
            return True
        return self.outside is not None and self.outside.match(path.lstrip("/")) is not None


@cache
def _joined(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for TypeScript include patterns: a pattern whose last segment has no wildcard and
    no dot is a directory (everything below it)."""
    if not patterns:
        return None
    return re.compile("|".join(glob_source(_as_glob(p), wildcards_only=True) for p in patterns))


def _as_glob(pattern: str) -> str:
    pattern = pattern.replace(os.sep, "/")
    last = pattern.rsplit("/", 1)[-1]
    if not any(ch in last for ch in "*?") and "." not in last:
        pattern = pattern.rstrip("/") + "/**/*"
    return pattern.lstrip("/")


Loader = Callable[[str], tuple[dict, "str | None"]]


def read_tsconfig(path: str, _seen: tuple[str, ...] = (), load: Loader = load_jsonc,
                  member_dir: MemberDir | None = None) -> TsConfig:
    """The effective config at `path`, with inherited options resolved (cycles are cut). `load`
    reads one file; an index passes a memo so that a base config shared by 40 packages is parsed
    once, not once per package that extends it. `member_dir` finds workspace packages (find_extended)."""
    cfg = _read_chain(path, _seen, load, member_dir)
    if not _seen:
        _substitute_config_dir(cfg, os.path.dirname(path))
    return cfg


def _read_chain(path: str, _seen: tuple[str, ...], load: Loader, member_dir: MemberDir | None = None) -> TsConfig:
    cfg = TsConfig(path=path)
    data, error = load(path)
    if error:
        cfg.error = error
        return cfg
    directory = os.path.dirname(path)
    extends = data.get("extends")
    if isinstance(extends, str):
        parents = [extends]
    else:
        parents = [e for e in extends if isinstance(e, str)] if isinstance(extends, list) else []
    for spec in parents:
        target = find_extended(spec := frameworks.VIRTUAL_TSCONFIGS.get(spec, spec), directory, member_dir)
        if target is None:  # a package not installed, a tool's output (`.quasar/`, a gitignored
            # `tsconfig.base.effective.json` a script writes): what it adds is unknown, not absent
            missing = os.path.normpath(os.path.join(directory, spec))
            if not _inherit_generated(cfg, missing) and (not is_relative(spec) and not os.path.isabs(spec)
                                                         or "/." in missing.replace(os.sep, "/") or written_by_a_tool(missing)):
                cfg.unread_extends += (spec,)
            continue
        if target in _seen or len(_seen) >= _MAX_EXTENDS:
            continue
        _inherit(cfg, _read_chain(target, _seen + (path,), load, member_dir))
    _apply(cfg, data, directory)
    for ref in [] if cfg.paths else cfg.references:  # a solution config of projects a framework writes (Nuxt 4)
        if not os.path.isfile(ref) and _inherit_generated(cfg, ref):
            break
    return cfg


def _inherit_generated(cfg: TsConfig, missing: str) -> bool:
    """An `extends` of a framework's generated tsconfig that is not written yet: inherit what the
    framework writes there (rootDirs, path aliases), so its generated files read as generated.
    Whether it was one."""
    found = frameworks.generated_tsconfig(missing)
    if found is None:
        return False
    project, gen = found
    src = frameworks.source_dir(project, gen)
    if gen.root_dirs:
        cfg.root_dirs = [os.path.normpath(os.path.join(project, d)) for d in gen.root_dirs]
    if gen.paths:
        cfg.paths = {k: [t.replace("{src}", os.path.relpath(src, project)) for t in v] for k, v in gen.paths.items()}
        cfg.paths_base = project
    if frameworks.module_paths_unknown(project, gen):
        cfg.unread_extends += (missing,)  # what the modules add (`#auth-utils`) is written by `nuxt prepare` alone
    return True


def _substitute_config_dir(cfg: TsConfig, directory: str) -> None:
    """`${configDir}` means the folder of the config in use, whichever config in the chain wrote it."""
    def sub(value: str) -> str:
        return os.path.normpath(value.replace(_CONFIG_DIR_MARK, directory)) if _CONFIG_DIR_MARK in value else value

    for name in ("base_url", "paths_base", "out_dir", "declaration_dir", "root_dir"):
        value = getattr(cfg, name)
        if value is not None:
            setattr(cfg, name, sub(value))
    for name in ("root_dirs", "type_roots", "include", "files", "exclude"):
        value = getattr(cfg, name)
        if value is not None:
            setattr(cfg, name, [sub(v) for v in value])
    if cfg.paths:
        cfg.paths = {k: [t.replace(_CONFIG_DIR, directory) for t in v] for k, v in cfg.paths.items()}


def _join(directory: str, value: str) -> str:
    """An option path made absolute against the config that wrote it (`${configDir}` kept for later)."""
    if value.startswith(_CONFIG_DIR):
        return _CONFIG_DIR_MARK + value[len(_CONFIG_DIR):]
    return os.path.normpath(os.path.join(directory, value))


def _inherit(cfg: TsConfig, parent: TsConfig) -> None:
    for name in ("base_url", "paths_base", "out_dir", "declaration_dir", "root_dir", "root_dirs", "type_roots", "include",
                 "files", "exclude", "custom_conditions", "module_suffixes", "types"):
        value = getattr(parent, name)
        if value is not None:
            setattr(cfg, name, value)
    if parent.paths:
        cfg.paths = dict(parent.paths)
    cfg.emit_options = {**cfg.emit_options, **parent.emit_options}
    if parent.skip_lib_check is not None:
        cfg.skip_lib_check = parent.skip_lib_check
    cfg.unread_extends += parent.unread_extends


EMIT_OPTIONS = ("verbatimModuleSyntax", "preserveValueImports", "importsNotUsedAsValues", "isolatedModules", "noEmit", "emitDeclarationOnly",
                "declaration", "composite", "noCheck", "noImplicitAny", "strict", "esModuleInterop",
                "allowSyntheticDefaultImports", "module", "moduleResolution", "plugins")


def _apply(cfg: TsConfig, data: dict, directory: str) -> None:
    opts = data.get("compilerOptions")
    opts = opts if isinstance(opts, dict) else {}
    cfg.emit_options = {**cfg.emit_options, **{k: opts[k] for k in EMIT_OPTIONS if k in opts}}
    if isinstance(opts.get("skipLibCheck"), bool):
        cfg.skip_lib_check = opts["skipLibCheck"]
    if isinstance(opts.get("baseUrl"), str):
        cfg.base_url = _join(directory, opts["baseUrl"])
    paths = opts.get("paths")
    if isinstance(paths, dict):
        cfg.paths = {k: [t for t in v if isinstance(t, str)] for k, v in paths.items() if isinstance(v, list)}
        cfg.paths_base = directory
    if cfg.base_url is not None:
        cfg.paths_base = cfg.base_url
    for key, attr in (("outDir", "out_dir"), ("rootDir", "root_dir"), ("declarationDir", "declaration_dir")):
        if isinstance(opts.get(key), str):
            setattr(cfg, attr, _join(directory, opts[key]))
    for key, attr in (("rootDirs", "root_dirs"), ("typeRoots", "type_roots")):
        if isinstance(opts.get(key), list):
            setattr(cfg, attr, [_join(directory, p) for p in opts[key] if isinstance(p, str)])
    for key, attr in (("customConditions", "custom_conditions"), ("moduleSuffixes", "module_suffixes"), ("types", "types")):
        if isinstance(opts.get(key), list):
            setattr(cfg, attr, [c for c in opts[key] if isinstance(c, str)])
    for key in ("include", "exclude", "files"):
        value = data.get(key)
        if isinstance(value, list):
            setattr(cfg, key, [_join(directory, p) for p in value if isinstance(p, str)])
    refs = data.get("references")
    if isinstance(refs, list):
        targets = [_join(directory, r["path"]) for r in refs if isinstance(r, dict) and isinstance(r.get("path"), str)]
        cfg.references = [t if t.endswith(".json") else os.path.join(t, CONFIG_NAME) for t in targets]


_TEST_NAME = re.compile(r"\.(?:spec|test|e2e-spec)\.[cm]?[jt]sx?$")
_TEST_DIRS = frozenset({"test", "tests", "__tests__", "__test__", "e2e", "spec", "specs"})


def _test_path(file_path: str) -> bool:
    """A test file, by its name or a test folder on its path (any letter case: `Tests/`)."""
    parts = file_path.replace(os.sep, "/").split("/")
    return bool(_TEST_NAME.search(parts[-1])) or any(p.lower() in _TEST_DIRS for p in parts[:-1])


class TsConfigIndex:
    """Reads each tsconfig once and answers "which tsconfig covers this file" per file."""

    def __init__(self, root: str, member_dir: MemberDir | None = None) -> None:
        self.root = root
        self.member_dir = member_dir
        self._configs: dict[str, TsConfig] = {}
        self._covering: dict[str, TsConfig | None] = {}
        self._in_dir: dict[str, list[str]] = {}
        self._loaded: dict[str, tuple[dict, str | None]] = {}
        self._beside: dict[str, list[str]] = {}
        self._children: dict[str, list[str]] = {}  # folder -> its subfolders' configs (stray_configs.py)
        # path -> content digest of every config read ('' unreadable): inputs of the run, like the
        # facts it loads, which the run cache checks before reuse (a base config anywhere in a chain)
        self.read_digests: dict[str, str] = {}

    def _load(self, path: str) -> tuple[dict, str | None]:
        """One file's JSONC, parsed once per index (the parsed dict is only read, never changed)."""
        found = self._loaded.get(path)
        if found is None:
            data, error, self.read_digests[path] = read_jsonc(path)
            found = self._loaded[path] = data, error
        return found

    def config(self, path: str) -> TsConfig:
        cfg = self._configs.get(path)
        if cfg is None:
            cfg = self._configs[path] = read_tsconfig(path, load=self._load, member_dir=self.member_dir)
        return cfg

    def _referenced_covering(self, cfg: TsConfig, file_path: str) -> TsConfig | None:
        """The first of `cfg`'s references that covers the file (one that is missing reads as an
        error), else the first app one whose `files` roots sit in a folder above the file (an Angular
        app's `"files": ["src/main.ts"]`: tsc compiles what they import), for a file that is no test."""
        refs = [found for found in map(self.config, cfg.references) if found.error is None]
        return next((r for r in refs if r.covers(file_path)), None) or next(
            (r for r in refs if r.files and not _test_path(file_path) and not re.search(r"\.(?:spec|test|e2e)\.", r.path)
             and any(file_path.startswith(os.path.dirname(f) + os.sep) for f in r.files)), None)

    def named_configs(self, directory: str) -> list[str]:
        """The folder's `tsconfig.<name>.json` files (not tsconfig.json), by name; listed once."""
        names = self._beside.get(directory)
        if names is None:
            try:
                listed = os.listdir(directory)
            except OSError:
                listed = []
            names = self._beside[directory] = sorted(os.path.join(directory, n) for n in listed if n != CONFIG_NAME
                                                     and n.startswith("tsconfig.") and n.endswith(".json"))
        return names

    def named_config_covers(self, file_path: str) -> bool:
        """Whether a `tsconfig.<name>.json` in a folder between the file and the workspace root
        compiles it (a Nest monorepo library's `tsconfig.lib.json`, in a folder with no tsconfig.json:
        `nest build` compiles what it includes, whether or not anything imports it)."""
        return named_config_above(self, file_path) is not None

    def _sibling_covering(self, cfg: TsConfig, file_path: str) -> TsConfig | None:
        """The first `tsconfig.<name>.json` beside `cfg` that covers the file, when `cfg` does not: the project
        compiling what it leaves out (`tsconfig.jest.json` includes the tests tsconfig.json excludes)."""
        for path in self.named_configs(cfg.dir):  # a project, with files of its own: not a fragment (tsconfig.paths.json)
            found = self.config(path)
            if found.error is None and (found.include is not None or found.files is not None) and found.covers(file_path):
                return found
        return None

    def _own_package_config(self, chain: list[str], file_path: str, chosen: TsConfig) -> TsConfig | None:
        """The tsconfig of the file's package, when it excludes the file and the one covering it lies
        above the package. `covering` takes it for a test (Jest's ts-jest and vitest read the
        package's config, with its `paths`, whatever its `exclude`) and for any file when it has
        `paths` of its own: `exclude` only leaves a file out of the first files tsc reads, and a
        bundler (Next.js) or tsc itself resolves every file it reaches with the package's aliases; a
        config above the package knows none of them."""
        directory = os.path.dirname(file_path)
        while not os.path.isfile(os.path.join(directory, "package.json")):
            parent = os.path.dirname(directory)
            if parent == directory or not parent.startswith(self.root):
                return None
            directory = parent
        if chosen.dir == directory or chosen.dir.startswith(directory + os.sep):
            return None  # the covering config is the package's own (a tsconfig.spec.json beside it)
        inside = [p for p in chain if os.path.dirname(p) == directory or os.path.dirname(p).startswith(directory + os.sep)]
        found = self.config(inside[0]) if inside else None
        return found if found is not None and found.error is None else None

    def references_unwritten(self, directory: str) -> bool:
        """Whether the tsconfig.json nearest `directory` references projects not written yet, in a
        hidden folder a tool writes (Nuxt's `./.nuxt/tsconfig.app.json`, which `nuxi prepare` writes):
        what they compile and alias is unknown until then. A missing project elsewhere (a stale
        `../multi-tenancy`) compiles nothing."""
        chain = self.candidates(directory)
        cfg = self.config(chain[0]) if chain else None
        return cfg is not None and any(not os.path.isfile(r) and any(
            p.startswith(".") and p not in (".", "..") for p in os.path.relpath(r, cfg.dir).split(os.sep))
            for r in cfg.references)

    def candidates(self, directory: str) -> list[str]:
        """tsconfig.json files at and above `directory`, nearest first, up to the workspace root; in a
        folder without one, its jsconfig.json (the project file editors and tsserver use, for `.ts` too)."""
        found = self._in_dir.get(directory)
        if found is None:
            parent = os.path.dirname(directory)
            inside = (parent + os.sep).startswith(self.root.rstrip(os.sep) + os.sep)
            above = self.candidates(parent) if parent != directory and directory != self.root and inside else []
            here = next((c for c in (os.path.join(directory, n) for n in (CONFIG_NAME, JS_CONFIG_NAME))
                         if os.path.isfile(c)), None)
            found = ([here] if here is not None else []) + above
            self._in_dir[directory] = found
        return found

    def covering(self, file_path: str) -> TsConfig | None:
        """The nearest tsconfig.json above `file_path` whose include/files cover it, or one of its
        `references` that does (as an editor picks the project of a solution-style tsconfig.json),
        or a `tsconfig.<name>.json` beside it that does, or whose `rootDir` holds it, else the
        nearest."""
        if file_path in self._covering:
            return self._covering[file_path]
        chain = self.candidates(os.path.dirname(file_path))
        chosen: TsConfig | None = None
        referenced = False  # a project a solution config references includes the file: `tsc -b` compiles it there
        for path in chain:
            cfg = self.config(path)
            if cfg.error is None:
                chosen = cfg if cfg.covers(file_path) else None
                if chosen is None:
                    chosen = self._referenced_covering(cfg, file_path)
                    referenced = chosen is not None
                chosen = chosen or self._sibling_covering(cfg, file_path)
                if chosen is None and cfg.under_root_dir(file_path):
                    chosen = cfg  # imported by its included files: compiled with it (see under_root_dir)
            if chosen is not None:
                break
        if chosen is None and chain:
            chosen = self.config(chain[0])
        if chosen is not None and chain and chosen.path != chain[0] and not referenced:
            own = self._own_package_config(chain, file_path, chosen)
            chosen = own if own is not None and (_test_path(file_path) or own.paths) else chosen
        if not chain:  # a role config, or a neighbour's reaching over; else the root config every project
            base = os.path.join(self.root, BASE_CONFIG_NAME)  # extends (Nx's tsconfig.base.json)
            chosen = config_from_elsewhere(self, file_path, self._children) or (
                self.config(base) if os.path.isfile(base) else None)
        self._covering[file_path] = chosen
        return chosen
