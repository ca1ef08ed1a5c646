"""The run-result cache: a run whose inputs did not change reuses the last such run's diagnostics.

A warm run that loads 10,000 files' facts and runs every check only to print what it printed
last time spends seconds on nothing. Before loading any facts, the pipeline computes a key over
everything a run reads, and when the cache directory holds diagnostics under that key they are
the answer. The key covers:

- the tool (version, facts layout, Python, and the stamp of the migrationlint sources, so that a
  rule edited in a development checkout never serves stale results) and every setting;
- the run's request: paths, the linted files in order, the reported subset, the workspace root;
- the content digest of every linted file (from the facts cache index: a trusted stat proves the
  content, as in cache.py; otherwise the file is read and hashed);
- the content digest of every context file (package.json, tsconfig*/jsconfig*, workspace and
  lock files, .gitignore, vite/vitest/svelte/nuxt configs) in the workspace's package directories
  and in every directory above a linted file,
  plus the modification time of each `node_modules` folder there (installs change DEP rules)
  and the names of its Markdown files (how many there are decides whether a folder is one of
  write-ups, whose code samples nothing compiles: dead_files; their text is read by no rule).

What the checks read beyond that is recorded after the run and verified before reuse: facts of
files outside the linted set (`Project.load_facts`), every tsconfig resolution read (the base of an
`extends` chain may lie in a folder no context rule lists, under a name none matches), the files
searched for a word or read whole as context (Project.read_context), the file lists of packages walked for a run
over a few files, and the paths import resolution tried and found missing (a file created since
then must be seen). Unreadable or foreign data are misses, never errors.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from typing import Iterator

from migrationlint.model.copied_folders import MANIFEST_TEMPLATES
from migrationlint.model.package_files import package_files
from migrationlint.model.project import PACKAGE_SOURCES
from migrationlint.atomic import replace_file
from migrationlint.cache.absent_paths import Absent, still_absent, with_missing
from migrationlint.cache.context_memo import ContextMemo
from migrationlint.cache.facts_cache import StatKey, content_digest
from migrationlint.model.image_files import is_dockerfile
from migrationlint.model.inert_files import FOREIGN_MANIFESTS
from migrationlint.model.js_configs import is_js_config_name
from migrationlint.model.publish_paths import RELEASE_CONFIGS, WORKFLOWS
from migrationlint.model.runner_config_files import is_jest_config
from migrationlint.settings import Settings

RESULTS = "results"
MAX_RECORDS = 8  # runs with different requests (whole tree, pre-commit file sets) kept side by side
CONTEXT_NAMES = frozenset({
    "package.json", "pnpm-workspace.yaml", "pnpm-lock.yaml", "package-lock.json", "npm-shrinkwrap.json",
    "yarn.lock", "lerna.json", "bun.lock", "bun.lockb",
    # what ships and how packages install: entry points (nest-cli.json; Dockerfiles: is_dockerfile), hoisting
    "nest-cli.json", "angular.json", "workspace.json", ".npmrc", ".yarnrc.yml", "next-env.d.ts",
    # Nx projects' targets (bundles, generated package.json files), the Nx root, bun's linker
    "project.json", "nx.json", "bunfig.toml",
    # a create CLI's project template ships its `.gitignore` dotless (copied_folders.scaffold_template)
    "gitignore", "_gitignore",
    # a CDK app's command line may be given in the root Makefile (cdk_apps.cdk_app_named_in)
    "Makefile",
    # a package.json template makes its folder a template (copied_folders.manifest_template)
    *MANIFEST_TEMPLATES,
    # the processes a pm2 ecosystem file starts (entry points: process_managers)
    "ecosystem.config.js", "ecosystem.config.cjs", "ecosystem.config.mjs", "ecosystem.config.json", "ecosystem.json",
    "pm2.json", "process.json",
    # the app the AWS CDK CLI runs (a developer tool, and no `bin` entry); infrastructure programs (infra_programs)
    "cdk.json", "Pulumi.yaml", "Pulumi.yml", "cdktf.json",
    # a Deno import map: names Deno resolves, which no package.json declares (deno_imports)
    "deno.json", "deno.jsonc", "import_map.json",
    # a vite app's page: its module scripts are the app's entry points (html_entries)
    "index.html",
    # a platform that installs the root and runs its `start` script (root_deployment.platform_started)
    "Procfile", "app.json", "render.yaml", "railway.json", "railway.toml",
    # the functions Vercel deploys (vercel_functions)
    "vercel.json",
    # a component registry's items, templates copied into other projects (registry_items)
    "registry.json",
    # the config the Sequelize CLI loads, a tool's input (sequelize_rc)
    ".sequelizerc",
    # whether the repository publishes packages (publish_paths; its workflows: _context_folders)
    *RELEASE_CONFIGS,
    # a project of another language, whose TypeScript files are none of a JavaScript package's (inert_files)
    *FOREIGN_MANIFESTS,
})
CONTEXT_PREFIXES = ("tsconfig", "jsconfig")
# a folder's write-ups: only their presence counts (dead_files._write_up_sample), so they are keyed by name
PRESENCE_SUFFIXES = (".md", ".mdx")
# Prisma schemas (a generator writing a package into node_modules) and the shell scripts a
# Dockerfile's RUN may run (what they install decides DEP005)
CONTEXT_SUFFIXES = (".prisma", ".sh", "importmap.json", "import_map.json", "import-map.json")  # Deno's (deno_imports)
# read by import resolution too: generated targets (.gitignore) and config-file aliases
CONTEXT_RESOLUTION = (".gitignore", ".gitmodules", "svelte.config.", "vite.config.", "vitest.config.", "nuxt.config.",
                      # bundler configs decide whether a package ships its imports inside a bundle
                      "webpack.config.", "tsup.config.", "tsdown.config.", "rollup.config.", "rolldown.config.", "next.config.",
                      "electron.vite.config.", "rsbuild.config.", "rspack.config.", "modern.config.", "ormconfig.",
                      "module-federation.config.", "react-router.config.",
                      "esbuild.config.", "jest.config.", "astro.config.",
                      # a GraphQL code generator's schema module is a build step's input (codegen_inputs)
                      "codegen.", ".graphqlrc", "graphql.config.",
                      # the Compose files that say which folder each Dockerfile is built from: whether the
                      # images install the workspace root (DEP005)
                      "docker-compose.", "compose.")


@dataclass
class Record:
    """One run's diagnostics and the inputs found only by running the checks."""

    diagnostics: list
    loaded: dict[str, str] = field(default_factory=dict)  # path -> digest ('' when the path was no file)
    packages: dict[str, list[str]] = field(default_factory=dict)  # package root -> its lintable files
    absent: Absent = field(default_factory=dict)  # paths resolution found no file at (absent_paths)
    base: str = ""  # the key without the linted files' contents: runs an incremental run can start from
    digests: dict[str, str] = field(default_factory=dict)  # linted file -> content digest
    tree: str = ""  # the workspace root, when the run was over all of it (tree_subset.py reads such runs)


def request_parts(paths: list[str], report, problems: list, whole_tree: bool) -> list[str]:
    """What a run was asked, as its key holds it: the paths, the reported subset, what discovery
    could not read, and whether the run covers the workspace root."""
    return [repr(sorted(os.path.abspath(p) for p in paths)), repr(sorted(report) if report is not None else None),
            repr(problems), repr(whole_tree)]


def run_key(parts: list[str]) -> str:
    """The digest of `parts`, each followed by a NUL: one encode and one hash call for all of them
    (a tree's key holds a part per file: 7,000 calls cost a pre-commit run 2 ms)."""
    text = "\0".join(parts) + "\0"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def tool_stamp() -> str:
    """Name, size and mtime of every module of the package: a development edit is a new tool."""
    package_dir = os.path.dirname(os.path.abspath(__file__))
    out = []
    for directory, dirs, names in os.walk(package_dir):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                st = os.stat(path)
                out.append(f"{os.path.relpath(path, package_dir)}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(out)


def settings_text(settings: Settings) -> str:
    return repr(sorted(vars(settings).items()))


def context_dirs(root: str, files: list[str], package_dirs: list[str]) -> list[str]:
    """The root, every package directory, and every directory from a linted file up to the root, with
    the `prisma/` folder of each."""
    found: set[str] = {root, *package_dirs}
    prefix = root.rstrip(os.sep) + os.sep
    # the files' folders first, each once (thousands of files share a few hundred folders); the
    # files are absolute, so their folder is what precedes the last separator
    folders = {path.rpartition(os.sep)[0] for path in files} if os.altsep is None else {os.path.dirname(p) for p in files}
    for directory in folders:
        while directory not in found and directory.startswith(prefix):
            found.add(directory)
            directory = os.path.dirname(directory)
    # an app's own `prisma/` folder beside its sources: a schema there may generate a package (generated_packages)
    found.update(p for p in [os.path.join(d, "prisma") for d in found] if os.path.isdir(p))
    return sorted(found)


def _context_folders(workspace) -> list[str]:
    """The folders whose context files every run keys on, besides the linted files' own: the
    package folders, their `prisma/` folders (schemas whose generators write packages:
    generated_packages), those of the Dockerfiles and Compose files of the images (DEP005
    reads them, and the shell scripts they run), and the root's CI workflows (whether one
    publishes: publish_paths)."""
    prisma = [p for p in (os.path.join(d, "prisma") for d in workspace.manifest_dirs) if os.path.isdir(p)]
    workflows = os.path.join(workspace.root, WORKFLOWS)
    return [*workspace.manifest_dirs, *prisma, *workspace.images.folders, *([workflows] if os.path.isdir(workflows) else [])]


def is_context_name(name: str, folder: str = "") -> bool:
    """A file whose contents are an input of every run over its folder's files (or node_modules; a
    jest config of any name: its `moduleNameMapper` resolves names);
    in a `.storybook` folder, its `main.*` (the aliases its `viteFinal` or `webpackFinal` adds); in
    `.github/workflows`, every workflow (one may publish)."""
    if os.path.basename(folder) == ".storybook":
        return name.startswith("main.")
    if folder.endswith(WORKFLOWS):
        return name.endswith((".yml", ".yaml"))
    return name == "node_modules" or name in CONTEXT_NAMES or name.startswith(CONTEXT_RESOLUTION) \
        or is_js_config_name(name) \
        or (name.startswith(CONTEXT_PREFIXES) and name.endswith(".json")) or is_dockerfile(name) \
        or name.endswith(CONTEXT_SUFFIXES) or is_jest_config(name) or name.lower().endswith(PRESENCE_SUFFIXES)


def context_parts(directories: list[str], cache_dir: str | None = None) -> list[str]:
    """Digest of each context file and mtime of each node_modules folder in `directories`; with a
    cache directory, folders and files unchanged since the last run are not listed nor read again."""
    memo = ContextMemo(cache_dir)
    out = []
    for directory in directories:
        names = memo.entries(directory)
        if names is None:
            try:
                names = sorted(e.name for e in os.scandir(directory) if is_context_name(e.name, directory))
            except OSError:
                out.append(f"{directory}:unreadable")
                continue
            memo.listed(directory, names)
        for name in names:
            path = os.path.join(directory, name)
            if name == "node_modules":
                try:
                    out.append(f"{path}:{os.stat(path).st_mtime_ns}")
                except OSError:
                    pass
            elif name.lower().endswith(PRESENCE_SUFFIXES):
                out.append(f"{path}:present")
            else:
                out.append(f"{path}:{memo.digest(path, _digest_of_file)}")
    memo.save()
    return out


def _digest_of_file(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return content_digest(fh.read())
    except OSError:
        return "unreadable"


class RunCache:
    """The `results` file of one cache directory: the most recent MAX_RECORDS runs.

    Each Record is stored pickled on its own, beside what finding it takes (its base key and
    tree), so a run unpickles only the records it uses: eight runs of a 7,000-file tree are 8 MB,
    and loading them whole took 27 ms, a fifth of a pre-commit run."""

    def __init__(self, directory: str) -> None:
        self.path = os.path.join(directory, RESULTS)
        self._stored: dict[str, tuple[str, str, bytes]] | None = None  # key -> (base, tree, pickled Record)
        self._records: dict[str, Record | None] = {}

    def empty(self) -> bool:
        return not self._entries()

    def get(self, key: str) -> Record | None:
        if key not in self._records:
            entry = self._entries().get(key)
            self._records[key] = _unpickled(entry[2]) if entry is not None else None
        return self._records[key]

    def newest_first(self, base: str | None = None, tree: str | None = None) -> Iterator[Record]:
        """The stored runs, the most recent first; only those with this base key or tree when given."""
        for key, (stored_base, stored_tree, _) in reversed(list(self._entries().items())):
            if (base is None or stored_base == base) and (tree is None or stored_tree == tree):
                record = self.get(key)
                if record is not None:
                    yield record

    def _entries(self) -> dict[str, tuple[str, str, bytes]]:
        """Read once per run (the exact lookup and the incremental one share it)."""
        if self._stored is None:
            self._stored = self._from_disk()
        return self._stored

    def _from_disk(self) -> dict[str, tuple[str, str, bytes]]:
        try:
            with open(self.path, "rb") as fh:
                stored = pickle.load(fh)
        except Exception:  # missing, truncated, foreign: nothing to reuse
            return {}
        if not isinstance(stored, dict):
            return {}
        return {k: v for k, v in stored.items() if isinstance(k, str) and isinstance(v, tuple) and len(v) == 3
                and isinstance(v[2], bytes)}

    def put(self, key: str, record: Record) -> None:
        stored = self._from_disk()  # what other runs stored meanwhile is kept
        stored.pop(key, None)
        stored[key] = (record.base, record.tree, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        while len(stored) > MAX_RECORDS:
            stored.pop(next(iter(stored)))
        try:
            replace_file(self.path, pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
        self._stored = stored
        self._records[key] = record


def _unpickled(blob: bytes) -> Record | None:
    try:
        record = pickle.loads(blob)
    except Exception:  # noqa: BLE001 - a damaged record is a miss
        return None
    return record if isinstance(record, Record) else None


def still_valid(record: Record, digest_of, package_files) -> bool:
    """Whether the inputs the checks found while running are as they were."""
    for path, digest in record.loaded.items():
        if (digest_of(path) or "") != digest:
            return False
    if not still_absent(record.absent):
        return False
    return all(package_files(root) == files for root, files in record.packages.items())


def stat_digest(cache, path: str) -> str | None:
    """Content digest of `path`: from a trusted cache entry when its stat matches, else by reading."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    key: StatKey = (st.st_size, st.st_mtime_ns, st.st_ino)
    entry = cache.entry(path) if cache is not None else None
    if entry is not None and entry.trusted and (entry.size, entry.mtime_ns, entry.ino) == key:
        return entry.digest
    return _digest_of_file(path) if os.path.isfile(path) else None


class Reuse:
    """One run's use of the run cache: the key computed before loading facts, the record after."""

    def __init__(self, store, settings: Settings, request: list[str], files: list[str], workspace,
                 runs: RunCache | None = None, digests: dict[str, str | None] | None = None) -> None:
        """`runs`: the run cache already read by this run; `digests`: file digests already taken."""
        self.cache = store.cache
        self.settings = settings
        self.root = workspace.root
        self.runs = runs or RunCache(self.cache.directory)
        self.key: str | None = None
        self.base: str | None = None
        self.digests: dict[str, str | None] = {}
        root = workspace.root
        # the context as it is before any check reads it (a change during the run is a new key)
        self._parts = [self.cache.key.decode(), tool_stamp(), settings_text(settings), root, *request, *files,
                       *context_parts(context_dirs(root, files, _context_folders(workspace)), self.cache.directory)]
        # with no stored run to find, the key waits for the facts, whose digests are the files'
        # (a first run does not read and hash every file before its workers read them again)
        self._deferred = self.runs.empty()
        if not self._deferred:
            known = digests or {}
            self._set_key({p: known[p] if p in known else stat_digest(self.cache, p) for p in files})

    def _set_key(self, digests: dict[str, str | None]) -> None:
        self.digests = digests
        if all(digests.values()):
            self.base = run_key(self._parts)
            self.key = run_key([self.base, *(f"{p}:{d}" for p, d in digests.items())])

    def lookup(self) -> list | None:
        """The diagnostics of the last run with this key, when what its checks read is unchanged."""
        if self.key is None:
            return None
        record = self.runs.get(self.key)
        if record is None:
            return None
        if not still_valid(record, lambda p: stat_digest(self.cache, p), self._package_files):
            return None
        return record.diagnostics

    def earlier(self) -> tuple[Record, list[str]] | None:
        """The last run over the same files and context whose outside inputs are unchanged, and
        the linted files whose contents changed since (the incremental run's starting point)."""
        if self.base is None:
            return None
        for record in self.runs.newest_first(base=self.base):
            if record.digests.keys() == self.digests.keys() and \
                    still_valid(record, lambda p: stat_digest(self.cache, p), self._package_files):
                return record, [p for p, d in self.digests.items() if record.digests[p] != d]
        return None

    def save(self, diagnostics: list, project, facts: dict, loaded: dict, covers: bool,
             earlier: Record | None = None, scanned: dict[str, str] | None = None) -> None:
        """Store this run's diagnostics when the facts it used are the contents the key describes;
        an incremental run adds what the run it started from read outside the linted files."""
        if self._deferred:
            self._deferred = False
            self._set_key({p: (f.digest if f.digest and not f.skipped else stat_digest(self.cache, p))
                           for p, f in facts.items()})
        if self.key is None or any(f.digest != self.digests.get(p) for p, f in facts.items() if not f.skipped):
            return
        record = Record(diagnostics=diagnostics, base=self.base or "", digests=dict(self.digests),
                        tree=self.root if covers else "")
        if earlier is not None:
            record.loaded, record.packages, record.absent = dict(earlier.loaded), dict(earlier.packages), \
                dict(earlier.absent)
        for path, f in loaded.items():
            if path in self.digests:
                continue  # a linted file read as context (an incremental run): its digest is in the key
            if f is not None and not f.digest:
                return  # unreadable outside file: nothing to compare next time
            record.loaded[path] = f.digest if f is not None else ""
        for path, digest in (scanned or {}).items():
            if path not in self.digests:  # a file only searched for a word (FactsStore.mentions)
                record.loaded.setdefault(path, digest)
        if not covers:
            record.packages.update(PACKAGE_SOURCES.peek(project) or {})
        from migrationlint.model.resolve import RESOLVER  # the checks ran: resolve is loaded already

        resolver = RESOLVER.peek(project)
        if resolver is not None:  # the tsconfigs read, wherever they lie (a chain's base.json)
            for path, digest in resolver.tsconfigs.read_digests.items():
                record.loaded.setdefault(path, digest)
        absent = with_missing(record.absent, resolver)
        if absent is None:
            return
        record.absent = absent
        self.runs.put(self.key, record)

    def _package_files(self, package_root: str) -> list[str]:
        return package_files(package_root, self.settings.exclude, self.settings.config_root,
                             cache_dir=self.cache.directory)
