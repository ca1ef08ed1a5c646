"""IMP001-IMP003: imports that name nothing.

Each import is resolved once through the project's Resolver. A path import (relative, alias,
baseUrl, `#imports`) that finds no file is IMP002; a bare specifier in the workspace's own namespace
that no package, alias, manifest, lockfile or node_modules folder knows is IMP001 (outside that
namespace it is DEP001's business); a named import from workspace TypeScript source that the
module does not export is IMP003, which stays silent whenever the export surface cannot be read
completely.
"""

from __future__ import annotations

import os
import re
from typing import Iterator

from migrationlint.model import frameworks
from migrationlint.model import packages as pk
from migrationlint.model.ambient_modules import ambient_index
from migrationlint.model.import_requests import file_checked, resolved_by_import_rules
from migrationlint.model.inherited_aliases import paths_unknown, unread_alias, unread_local_config
from migrationlint.model.declaration_copies import declarations_copied_from
from migrationlint.model.dev_files import emitted_declaration
from migrationlint.model.discovery import git_ignored
from migrationlint.model.nx_projects import other_project
from migrationlint.model.package_entries import main_fields
from migrationlint.model.package_files import package_files
from migrationlint.model.bundler_outputs import written_by_bundler
from migrationlint.model.copied_templates import copied_template_home
from migrationlint.model.copied_folders import manifest_template, scaffold_template
from migrationlint.model.tsc_outputs import written_by_tsc
from migrationlint.model.dead_files import outside_every_build, switched_off
from migrationlint.model.shipping import shipping_for
from migrationlint.checks.dead_file_findings import SKIPPED_LIB_CHECK_BARE_NOTE, SKIPPED_LIB_CHECK_NOTE, in_dead_file
from migrationlint.model.read_by_tests import read_by_tests
from migrationlint.model.text_snippets import shown_as_text
from migrationlint.model.text_templates import template_folder_reader
from migrationlint.model.unchecked_files import in_no_program, unchecked_file
from migrationlint.model.spelling_twins import source_stem, spelling_twin
from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Memo, Project, Rule, diagnostic, per_key
from migrationlint.checks.missing_exports import IMP003, dropped_by_compiler, erased_names, missing_exports, only_for_types
from migrationlint.checks.phantom_packages import IMP001, own_namespace, phantom
from migrationlint.model.deno_imports import deno_mapped
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.exports_elsewhere import exports_elsewhere
from migrationlint.model.git_submodules import in_submodule
from migrationlint.model.resolve import Resolution, Resolver, resolver_for
from migrationlint.model.specifiers import JS_TO_TS, SOURCE_EXTENSIONS, candidates

IMP002 = Rule("IMP002", "unresolved-import", Severity.ERROR,
              "A relative, alias or baseUrl import that matches no file.", fix=FixAvailability.SOMETIMES)
RULES = [IMP001, IMP002, IMP003]
RUNS_APART = True  # checked in a second process on a large run (checks_apart.py)
_PACKAGE_FILES: Memo[dict[str, dict[str, list[str]]]] = per_key("code files by stem, per package", disk_only=True)

_DATA_EXTENSIONS = (".json", ".node")
_PATH_ORIGINS = ("relative", "alias", "baseUrl", "imports")


def check(project: Project) -> Iterator[Diagnostic]:
    resolver = resolver_for(project)
    wanted = tuple(project.enabled(r.code) for r in RULES)
    for path, facts in sorted(project.files.items()):
        if not file_checked(project.rel(path), facts) or in_no_program(resolver, project.rel(path), path):
            continue
        found = list(_file_findings(project, resolver, path, facts, wanted))
        if found and (_in_a_project_template(project, path) or read_by_tests(project, resolver, path)
                      or shown_as_text(project, resolver, path)
                      or emitted_declaration(path) or declarations_copied_from(project, path)
                      or _in_a_foreign_project(project, path)):
            continue  # a project template's, data a test reads, a snippet a documentation page shows as text, tsc's
            # output beside its source or copied from another folder's, an input of another language's program
        if found and outside_every_build(project, resolver, path):
            if switched_off(project, resolver, path):
                continue  # a folder the repository's config excludes by name: kept on purpose, run by nothing
            found = [in_dead_file(d) for d in found]
        yield from found


def _in_a_project_template(project: Project, path: str) -> bool:
    """Whether the file belongs to a create CLI's project template or a folder holding a package.json template
    (copied_folders.scaffold_template, manifest_template): its imports name what the created project generates
    and installs, as a `templates/` folder's do (file_checked)."""
    manifest = project.workspace.manifest_for(path)
    if manifest is None or manifest.error:
        return False
    return scaffold_template(project, manifest) is not None or manifest_template(project, path, manifest.dir) is not None


def _in_a_foreign_project(project: Project, path: str) -> bool:
    """Whether the file lies in another language's project, no entry reaching it (inert_files): what it
    imports is resolved, if at all, by that project's programs (a Go test's golden files)."""
    return shipping_for(project).verdict(path, project.workspace.manifest_for(path)).foreign


def _file_findings(project: Project, resolver: Resolver, path: str, facts: FileFacts,
                   wanted: tuple[bool, bool, bool]) -> Iterator[Diagnostic]:
    want1, want2, want3 = wanted
    ignored = project.settings.ignore_packages
    for imp in facts.imports:
        if not resolved_by_import_rules(imp, ignored):
            continue
        spec = imp.specifier
        res = resolver.resolve(path, spec)
        if res.kind == "unresolved":
            if imp.kind == "require" and resolver.from_output(path, spec) or _ambient(project, resolver, path, spec) \
                    or _declarations_included_anyway(resolver, path, imp, res):
                continue
            if facts.unchecked and erased_names(facts, imp, imp.locals) == list(imp.locals) \
                    and (imp.locals or only_for_types(facts, imp)):
                continue  # tsc checks nothing here, and the compiled file does not load it
            if imp.ts_ignored and (only_for_types(facts, imp) or dropped_by_compiler(resolver, path, facts, imp)):
                continue  # `@ts-ignore` above a type-only or unused import: tsc reports nothing, nothing is loaded
            if res.origin == "imports" and (imp.ts_ignored or paths_unknown(resolver, path)):
                # a `#name` the tsconfig that could not be read may map (Quasar's `#q-app/wrappers`), or
                # one the author marks `@ts-expect-error`: a bundler's virtual module (Nitro's `virtual`)
                continue
            if res.origin == "relative" and (_placed_by_the_build(project, path, imp)
                                             or imp.ts_ignored and (project.is_test_file(path) or imp.lazy)
                                             or template_folder_reader(project, path) is not None
                                             or copied_template_home(project, resolver, path) is not None):
                continue  # placed beside the bundle; missing on purpose (a test's fixture, or a load on demand
                # its author marks: an edition's folder the public repository leaves out); a generator's template
            if want2 and res.origin in _PATH_ORIGINS and not _build_output(project, res):
                yield _unresolved(project, resolver, path, imp, res)
            elif want1 and res.origin == "package" and not imp.ts_ignored:  # `@ts-expect-error`: resolved elsewhere
                namespace = own_namespace(project, resolver, path, spec)
                if namespace and not unread_alias(resolver, path, spec) and not unread_local_config(resolver, path) \
                        and not deno_mapped(project, path, spec):  # a name Deno's import map resolves
                    # an alias the unread config package, or a generated base the checkout lacks, may hold
                    yield phantom(project, resolver, facts, imp, namespace)
        elif want3 and res.is_source and imp.kind in ("import", "export-from") and imp.bindings \
                and not (not pk.is_relative(spec) and _ambient(project, resolver, path, spec)) \
                and not _stands_in_for_ignored(project, res.path) and not exports_elsewhere(project, path, spec):
            # tsc takes a bare name's `declare module` over any file it resolves to, and IMP003
            # does not check such a block's members
            yield from missing_exports(project, resolver, path, imp, res.path)


def _above_the_repository(project: Project, path: str, spec: str) -> bool:
    """Whether a relative import climbs out of the repository (`../../common/x` one `../` too many, or
    `../../../config`, a file deploy steps write beside the clone)."""
    target = os.path.normpath(os.path.join(os.path.dirname(path), spec))
    root = project.workspace.root
    return os.path.commonpath([target, root]) != root


def _outside(project: Project, path: str) -> bool:
    """Whether the absolute `path` lies outside the workspace (a relative base, `#name`, is not a place)."""
    root = project.workspace.root
    return os.path.isabs(path) and os.path.commonpath([os.path.normpath(path), root]) != root


_GENERATED = re.compile(r"(^|[./_-])generated([./_-]|$)|(^|/)__generated__(/|$)")


def _build_output(project: Project, res: Resolution) -> bool:
    """A missing target a build step produces: under a framework's generated folder
    (`.svelte-kit/types/...`), gitignored under any of the names the import may take (`lib/`,
    `/src/environments/environment.ts`), named as generated (`dates.generated.js`,
    `generated-types.ts`) or in a folder so named that the checkout lacks, in a folder the package's bundler config names as an output
    or in its `build/` or `dist/` folder, absent, where a `build` script writes
    (bundler_outputs.py), or that a tsconfig emitting declarations writes there (tsc_outputs.py), or a JSON
    file Node's `require` finds without its extension. A fresh
    checkout lacks these files although the code is right. A path through a committed symlink is
    judged where the link leads too (`abis/Proxy.sol` -> `contracts/out/Proxy.sol`, a gitignored build
    output)."""
    root = project.workspace.root
    for base in _through_links(res.bases, root):
        if not os.path.isabs(base):
            continue  # a name no `imports` entry maps (`#build-info`): no path to probe
        stem = os.path.splitext(base)[0] if base.endswith((".js", ".mjs", ".cjs")) else base
        if _GENERATED.search(os.path.basename(stem)) or os.path.isfile(base + ".json") or _in_absent_generated(base, root):
            return True
        if in_submodule(project, base):
            return True  # a git submodule's files: absent until `git submodule update` checks it out
        if frameworks.in_generated_dir(base) or any(_ignored_target(c, root) for c in candidates(base)):
            return True
        if written_by_bundler(project, base) is not None or written_by_tsc(resolver_for(project), root, base):
            return True  # a plugin's output folder (`outdir: './src/paraglide'`), written when the build starts;
            # declarations a tsconfig elsewhere writes into the importer's folder
        if _entry_built(project, base, root) or _in_absent_build_folder(project, base):
            return True
    return False


def _declarations_included_anyway(resolver: Resolver, path: str, imp: ImportFact, res: Resolution) -> bool:
    """`import "./modules"` in a declaration file under `skipLibCheck`, naming a folder with no index
    whose declaration files the file's own program includes anyway: it binds nothing, tsc reports
    nothing, and the declarations it meant to pull in are already there (a chat server's
    `types/index.d.ts` beside `types/modules/*.d.ts`)."""
    if imp.locals or imp.kind != "import" or not resolver.lib_check_skipped(path):
        return False
    cfg = resolver.tsconfig_for(path)
    folder = next((b for b in res.bases if os.path.isabs(b) and os.path.isdir(b)), None)
    if cfg is None or folder is None or not cfg.covers(path):
        return False
    try:
        declared = [os.path.join(folder, n) for n in os.listdir(folder) if n.endswith((".d.ts", ".d.mts", ".d.cts"))]
    except OSError:
        return False
    return bool(declared) and all(cfg.covers(d) for d in declared)


def _through_links(bases: list[str], root: str) -> list[str]:
    """`bases`, each followed by where its symlinked folders lead when that differs and stays in the repository."""
    found = []
    for base in bases:
        found.append(base)
        real = os.path.realpath(base) if os.path.isabs(base) else base
        if real != base and real.startswith(root + os.sep):
            found.append(real)
    return found


def _in_absent_build_folder(project: Project, base: str) -> bool:
    """A target in `build/` or `dist/` at its package's top, a folder the checkout lacks, in a package
    with a `build` script: what that script writes (`blueprint build` compiling contracts to
    `build/NftItem/tact_NftItem.ts`, which the wrappers import)."""
    pkg = project.workspace.package_root(base)
    first = os.path.relpath(base, pkg).split(os.sep)[0]
    if first not in ("build", "dist") or os.path.isdir(os.path.join(pkg, first)):
        return False
    scripts = project.workspace.manifest(os.path.join(pkg, "package.json")).data.get("scripts") \
        if os.path.isfile(os.path.join(pkg, "package.json")) else None
    return isinstance(scripts, dict) and isinstance(scripts.get("build"), str)


def _in_absent_generated(base: str, root: str) -> bool:
    """A target inside a folder named as generated that the checkout does not have at all
    (`../generated/graphql-server/src/...` before `hydra-cli codegen` runs): a code generator's output."""
    folder = os.path.dirname(base)
    while folder.startswith(root + os.sep):
        if _GENERATED.search(os.path.basename(folder)) and not os.path.isdir(folder):
            return True
        folder = os.path.dirname(folder)
    return False


def _entry_built(project: Project, folder: str, root: str) -> bool:
    """A folder imported by path whose package.json names its entry (`main`, `types`) in a gitignored
    build folder (`dist/`, which `preconstruct dev` or the build writes): Node and TypeScript read that
    entry before any `index` file, so the import is of build output."""
    manifest = os.path.join(folder, "package.json")
    if not os.path.isfile(manifest):
        return False
    data = project.workspace.manifest(manifest).data
    return any(_ignored_target(os.path.normpath(os.path.join(folder, t)), root) for t in main_fields(data)
               if not os.path.isabs(t))


_DECLARATION = re.compile(r"\.d\.([cm]?)ts$")


def _stands_in_for_ignored(project: Project, target: str) -> bool:
    """A declaration file whose source twin is gitignored and absent (`config.d.ts` describing a
    local `config.ts` each developer writes): in a working checkout the import finds the source,
    which tsc takes before the declaration, so the declaration's exports say nothing."""
    m = _DECLARATION.search(target)
    if m is None:
        return False
    stem = target[: m.start()]
    twins = [stem + "." + m.group(1) + "ts"] + ([stem + ".tsx"] if not m.group(1) else [])
    root = project.workspace.root
    return any(not os.path.exists(t) and _ignored_target(t, root) for t in twins)


_PROBE = "migrationlint-probe"


def _ignored_target(path: str, root: str) -> bool:
    """Gitignored because of its own name or its folder (`/src/environment.ts`, `secrets.*`,
    `lib/`, a code generator's `/src/proto/**/*.ts`), not because of its extension alone: a
    repository that compiles in place ignores `*.js` or `*.d.ts` throughout, which says nothing
    about a missing `./x`. Probe names with the same extension tell them apart: one in the same
    folder (ignored too: the extension is), then one in the folder above (kept there: the pattern
    belongs to this folder, whose files a build step writes), or one in a folder below (kept there:
    an anchored `/*.js` names the top folder's files only). A folder whose every name is
    ignored holds build output only when its TypeScript sources are ignored too: a whitelist
    (`*`, then `!*.ts`) ignores every other name of a folder of tracked sources."""
    if not git_ignored(path, root):
        return False
    directory, name = os.path.split(path)
    ext = name[len(source_stem(name)):]
    if not git_ignored(os.path.join(directory, _PROBE + ext), root):
        return True
    if git_ignored(os.path.join(directory, _PROBE), root) and git_ignored(os.path.join(directory, _PROBE + ".ts"), root):
        return True  # the whole folder is build output
    if not git_ignored(os.path.join(directory, _PROBE, _PROBE + ext), root):
        return True  # anchored to this folder (`/*.js`: proxies a build writes at the top), kept below it
    parent = os.path.dirname(directory)
    return parent != directory and parent.startswith(root) and not git_ignored(os.path.join(parent, _PROBE + ext), root)


def _ambient(project: Project, resolver: Resolver, path: str, spec: str) -> bool:
    """A `declare module` in a declaration file of the importer's program names `spec`."""
    index = ambient_index(project)
    if not index.exact and not index.patterns:
        return False
    return index.declares(spec, path, resolver.tsconfig_for(path), project.workspace.package_root(path))


# ----------------------------------------------------------------------------- IMP002

def _unresolved(project: Project, resolver: Resolver, path: str, imp: ImportFact, res: Resolution) -> Diagnostic:
    spec = imp.specifier
    route = {
        "relative": "",
        "alias": f" (path alias `{res.alias}`)" if res.alias else " (path alias)",
        "baseUrl": " (baseUrl path)",
        "imports": f" (package.json imports `{res.alias}`)" if res.alias else " (no package.json imports entry matches)",
    }[res.origin]
    tried = "; ".join(_abbreviate(project, spec, b, res.origin) for b in res.bases[:4])
    message = f"`{spec}`{route} matches no file: tried {tried}." if tried else f"`{spec}`{route} matches no file."
    fix = None
    twin, case_only = spelling_twin(res.bases) or (None, False)
    if twin is not None and case_only:
        message += (f" {project.rel(twin)} differs only in letter case: found on macOS and Windows, missing on a "
                    "case-sensitive file system (Linux, CI, Docker images).")
    elif twin is not None:
        message += f" {project.rel(twin)}, in that folder, differs only in spelling (letter case, `-` or `_`)."
    if res.origin != "imports" and imp.kind != "mock":  # a mock's path is never rewritten
        target = twin or _unique_namesake(project, path, spec)
        if target is not None:
            new = _respell(resolver, path, spec, res, target)
            why = "the file's own spelling" if twin else f"{project.rel(target)}, the only file of that name in the package"
            fix = Fix(Applicability.UNSAFE, (Edit(path, imp.start + 1, imp.end - 1, new),), message=f"Import `{new}` ({why})")
            if twin is None:
                message += f" {project.rel(target)} is the only file of that name in the package."
    if res.origin == "relative" and spec.startswith("/"):
        message += (" A specifier that starts with `/` is a path from the filesystem's root for TypeScript and Node;"
                    " only a bundler such as vite reads it from the project's folder.")
    elif res.origin == "relative" and _above_the_repository(project, path, spec):
        message += (" It climbs out of the repository: a file kept beside the clone is missing from every fresh "
                    "checkout (CI, a Docker build), and a `../` too many names nothing.")
    elif res.bases and all(_outside(project, b) for b in res.bases):
        message += (" The alias points out of the repository: it names files kept beside the clone (a parent repository "
                    "this one is a submodule of), missing from every fresh checkout of this one alone.")
    severity = None
    if resolver.lib_check_skipped(path):
        message += SKIPPED_LIB_CHECK_NOTE if imp.locals else SKIPPED_LIB_CHECK_BARE_NOTE
        severity = Severity.WARNING
    elif (erased := _erased_use(project, resolver, path, imp)) is not None:
        unchecked = unchecked_file(project, resolver, path)  # a test no tsconfig includes, run with types stripped
        effect = f"{unchecked} TS2307" if unchecked else "tsc fails (TS2307)"
        message += f" The import is {erased}: {effect}, runtime is unaffected."
        severity = Severity.WARNING if unchecked else None
    return diagnostic(IMP002, path, imp.start, imp.end, message, fix=fix, severity=severity, specifier=spec)


def _erased_use(project: Project, resolver: Resolver, path: str, imp: ImportFact) -> str | None:
    """How the compiler comes to drop the import ("used only for types", "unused": SWC, esbuild and tsc
    drop an import no value uses), or None when it is loaded."""
    facts = project.facts(path)
    if only_for_types(facts, imp):
        return "used only for types"
    if facts is None or not dropped_by_compiler(resolver, path, facts, imp):
        return None
    used = any(facts.refs.used_outside(name, imp.stmt_start, imp.stmt_end) for name in imp.locals)
    return "used only for types or not at all" if used else "unused"


def _abbreviate(project: Project, spec: str, base: str, origin: str) -> str:
    shown = project.rel(base) if os.path.isabs(base) and not (origin == "relative" and spec.startswith("/")) else base
    if origin == "imports":
        return shown
    ext = os.path.splitext(spec)[1]
    if ext in _DATA_EXTENSIONS:
        return shown  # `./data.json`: only the file itself is meaningful
    twins = JS_TO_TS.get(ext)
    mapped = f" (and {'/'.join(twins)} for {ext})" if twins else ""
    return f"{shown} with .ts .tsx .d.ts .mts .cts .js .jsx and /index.*{mapped}"


def _unique_namesake(project: Project, importer: str, spec: str) -> str | None:
    """The one code file of the importer's package whose name matches the specifier's last part."""
    wanted = source_stem(spec.rstrip("/").rsplit("/", 1)[-1])
    if not wanted or wanted in (".", "..", "index"):
        return None
    top = project.workspace.package_root(importer)
    index = _package_files(project, top)
    found = [p for p in index.get(wanted, []) if p != importer and not other_project(p, importer, top)]
    return found[0] if len(found) == 1 and source_stem(os.path.basename(found[0])) == wanted else None


def _placed_by_the_build(project: Project, path: str, imp: ImportFact) -> bool:
    """A relative file, missing from the source, that tsc is told to ignore (`@ts-expect-error`) or
    does not check (`require()`, `require.resolve()`), and that another file of the package spells
    out by name without importing it (a bundler config's `external: ['./app.config.mjs']`, a build
    script's `copyFileSync(..., 'cache.cjs')`), or whose TypeScript twin lies beside it
    (`require.resolve('./loader.cjs')` next to `loader.ts`): the build puts it beside the bundle, where it loads."""
    name = os.path.basename(imp.specifier)
    if not (imp.ts_ignored or imp.kind in ("require", "require-resolve")) or "." not in name.strip("."):
        return False
    stem, ext = os.path.splitext(os.path.join(os.path.dirname(path), imp.specifier))
    if imp.kind != "require" or ext in (".cjs", ".mjs"):  # `require.resolve('./loader.cjs')` beside `loader.ts`
        if ext in (".js", ".cjs", ".mjs") and any(os.path.isfile(stem + e) for e in (".ts", ".mts", ".cts", ".tsx")):
            return True  # the build compiles the twin to that name beside the code that runs
    word = name.encode("utf-8")
    others = {p for files in _package_files(project, project.workspace.package_root(path)).values() for p in files}
    return any(other != path and project.mentions(other, word) and not _imports_named(project, other, name)
               for other in sorted(others))


def _imports_named(project: Project, path: str, name: str) -> bool:
    facts = project.facts(path)
    return facts is not None and any(os.path.basename(i.specifier) == name for i in facts.imports)


def _package_files(project: Project, pkg_root: str) -> dict[str, list[str]]:
    """stem -> code files of a package (its lintable files, JavaScript included), built once."""
    memo = _PACKAGE_FILES(project)
    index = memo.get(pkg_root)
    if index is None:
        index = {}
        for path in package_files(pkg_root, project.settings.exclude, project.settings.config_root, SOURCE_EXTENSIONS,
                                  project.workspace.cache_dir):
            stem = source_stem(os.path.basename(path))
            index.setdefault(stem, []).append(path)
            if stem == "index":  # a folder with an index is a namesake too (never offered: it only blocks)
                index.setdefault(os.path.basename(os.path.dirname(path)), []).append(path)
        memo[pkg_root] = index
    return index


def _respell(resolver: Resolver, importer: str, spec: str, res: Resolution, target: str) -> str:
    """`target` written the way the original import was: alias or relative, extension or not."""
    ext = os.path.splitext(spec.rsplit("/", 1)[-1])[1]
    target_ext = next((e for e in (".d.ts", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx") if target.endswith(e)), "")
    stem = target[: -len(target_ext)] if target_ext else target
    if ext in (".js", ".mjs", ".cjs", ".jsx"):
        suffix = {".mts": ".mjs", ".cts": ".cjs"}.get(target_ext, ".js")
    elif ext in (".ts", ".tsx", ".mts", ".cts"):
        suffix = target_ext
    else:
        suffix = ""
    if res.origin in ("alias", "baseUrl"):
        spelled = _through_alias(resolver, importer, res, stem)
        if spelled is not None:
            return spelled + suffix
    rel = os.path.relpath(stem, os.path.dirname(importer)).replace(os.sep, "/")
    return (rel if rel.startswith("..") else "./" + rel) + suffix


def _through_alias(resolver: Resolver, importer: str, res: Resolution, stem: str) -> str | None:
    cfg = resolver.tsconfig_for(importer)
    if cfg is None:
        return None
    if res.origin == "baseUrl" and cfg.base_url:
        rel = os.path.relpath(stem, cfg.base_url)
        return None if rel.startswith("..") else rel.replace(os.sep, "/")
    targets = cfg.paths.get(res.alias or "", []) if cfg.paths_base else []
    for t in targets:
        if t.count("*") != 1 or (res.alias or "").count("*") != 1:
            continue
        head, tail = t.split("*")
        root = os.path.normpath(os.path.join(cfg.paths_base, head))
        rel = os.path.relpath(stem, root)
        if rel.startswith("..") or (tail and not tail.startswith(".")):
            continue
        prefix, _ = res.alias.split("*")
        return prefix + rel.replace(os.sep, "/")
    return None
