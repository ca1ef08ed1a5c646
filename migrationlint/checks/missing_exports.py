"""IMP003: a named import that the workspace module it imports from does not export.

Kept apart from the other import rules (phantom_imports.py resolves the import and calls in here
when it finds workspace TypeScript source): what the target's export surface lacks, and the lead
the message gives (the name declared there unexported, imported there without a re-export, exported
by a file the index leaves out, a similar name, or a file that is no module at all).
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from typing import Iterator

from migrationlint.catalog import FixAvailability
from migrationlint.checks.base import Memo, Project, Rule, diagnostic, per_key
from migrationlint.checks.export_surfaces import export_surface
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.extract.records import Binding, FileFacts, ImportFact
from migrationlint.model import packages as pk
from migrationlint.model.codegen_inputs import generated_by
from migrationlint.model.module_augmentations import added_names
from migrationlint.model.unchecked_files import unchecked_file
from migrationlint.model.resolve import Resolver

IMP003 = Rule("IMP003", "missing-export", Severity.ERROR,
              "A named import that the workspace module it imports from does not export.", fix=FixAvailability.SOMETIMES)


def erased_names(facts: FileFacts, imp: ImportFact, names) -> list[str]:
    """Those of `names` (local bindings of `imp`) that no compiled code reads: marked `type`, used
    only in type positions, or never used (tsc drops such bindings and, with all of them, the import)."""
    if imp.type_only or imp.kind in ("type-query", "reference"):
        return list(names)
    marked = {b.local for b in imp.bindings if b.type_only}
    if imp.kind != "import" or imp.side_effect:  # a re-export or a require() runs whatever it names
        return [n for n in names if n in marked]
    return [n for n in names if n in marked or n in facts.type_only_locals
            or not facts.refs.used_outside(n, imp.stmt_start, imp.stmt_end)]



def dropped_by_compiler(resolver: Resolver, path: str, facts: FileFacts, imp: ImportFact) -> bool:
    """Whether the compiler drops the import: every name it binds is a type or unused (generated
    code's leftover imports), and the file's tsconfig does not keep imports as written."""
    if imp.kind != "import" or imp.side_effect or not imp.locals or erased_names(facts, imp, imp.locals) != list(imp.locals):
        return False
    cfg = resolver.tsconfig_for(path)
    return cfg is None or not cfg.keeps_unused_imports


def only_for_types(facts: FileFacts | None, imp: ImportFact) -> bool:
    """Whether the compiler erases the import: `import type`, every binding marked `type`, or every
    name it binds used only in type positions."""
    if imp.type_only or imp.kind in ("type-query", "reference"):
        return True
    if imp.kind != "import" or imp.side_effect or not imp.locals or facts is None:
        return False
    return all(b.type_only for b in imp.bindings) and imp.default is None and imp.namespace is None \
        or all(n in facts.type_only_locals for n in imp.locals)


def missing_exports(project: Project, resolver: Resolver, path: str, imp: ImportFact,
                     target: str) -> Iterator[Diagnostic]:
    surface = export_surface(project, resolver, target)
    if surface is None:
        return
    missing = list({b.imported: b for b in reversed(imp.bindings) if b.imported not in surface}.values())[::-1]
    if not missing:  # one finding per name, which two bindings may import (`A, A as B`)
        return
    importer = project.facts(path)
    if importer is not None and (importer.unchecked or imp.ts_ignored or any(b.ts_ignored for b in missing)):
        # erased, in an unchecked file or under `// @ts-ignore` (above the import or the name): tsc reports
        # nothing and nothing runs
        silenced = [b for b in missing if importer.unchecked or imp.ts_ignored or b.ts_ignored]
        erased = set(erased_names(importer, imp, [b.local for b in silenced]))
        missing = [b for b in missing if b.local not in erased or b not in silenced]
    if any(imp.ts_ignored or b.ts_ignored for b in missing) and _placeholder(project.facts(target)):
        # an edition's stand-in that exports no value (`export {}`), which the other edition's folder replaces:
        # the author silences each import of it
        missing = [b for b in missing if not (imp.ts_ignored or b.ts_ignored)]
    if missing:  # a `declare module` elsewhere may add them: tsc merges what the text here lacks
        added = added_names(project, resolver, target)
        missing = [b for b in missing if b.imported not in added]
    if any(b.imported == "default" for b in missing) and _synthetic_default(project, resolver, path, imp):
        missing = [b for b in missing if b.imported != "default"]
    if missing and _commonjs_exports(project, target):
        return  # `module.exports = { a, b }`: what CommonJS output exports, which no `export` says
    target_facts = project.facts(target)
    if missing and _script(target, target_facts) \
            and not {d[0] for d in target_facts.declarations} & {b.imported for b in missing}:  # as tsc's one TS2306
        yield _not_a_module(project, resolver, path, imp, target, missing)
        return
    for b in missing:
        yield _missing_export(project, resolver, path, imp, target, surface, b)


def _brought_from(project: Project, resolver: Resolver, path: str, target: str, brought: str, name: str) -> tuple[str, str]:
    """(problem, hint) for a name the target imports itself and does not export: "import it from there", unless
    there is the importing file (the two import each other: a file that declares the name has no use for the import)."""
    where = project.rel(target)
    origin = resolver.resolve(target, brought)
    if origin.kind == "file" and origin.path == path:
        facts = project.facts(path)
        declared = facts is not None and (any(d[0] == name for d in facts.declarations)
                                          or any(e.name == name and e.kind not in ("local", "reexport") for e in facts.exports))
        return (f"{where} imports `{name}` from this file and does not export it back",
                " This file declares it itself: remove the import." if declared else
                " The two files import it from each other: import it from where it is declared.")
    shown = f"`{brought}` ({project.rel(origin.path)})" if origin.kind == "file" and origin.path else f"`{brought}`"
    return f"{where} imports `{name}` from {shown} but does not export it; import it from there", ""


def _placeholder(facts: FileFacts | None) -> bool:
    """Whether a module exports no value: types alone, or nothing (`export {};`), and re-exports no other module."""
    return facts is not None and all(e.kind in ("interface", "type") or e.type_only for e in facts.exports) \
        and not any(i.kind in ("export-star", "export-from") for i in facts.imports)


def _missing_export(project: Project, resolver: Resolver, path: str, imp: ImportFact, target: str,
                    surface: frozenset[str], b: Binding) -> Diagnostic:
    """IMP003 for one name `b` the target does not export, worded as tsc's code for it says."""
    target_facts = project.facts(target)
    close = difflib.get_close_matches(b.imported, sorted(n for n in surface if n != "default"), n=3, cutoff=0.6)
    hint = f" Did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""
    where = project.rel(target)
    local = next((d for d in (target_facts.declarations if target_facts else []) if d[0] == b.imported), None)
    fix = None
    brought = _imported_by(target_facts, b.imported)
    if local is not None and _default_named(target_facts, b.imported):  # `class X {}` ... `export default X`
        problem = f"`{b.imported}` is declared in {where} and exported only as its default"
        hint = f" Import it as the default (`import {b.imported} from '{imp.specifier}'`)."
    elif local is not None:
        problem = f"`{b.imported}` is declared in {where} but not exported"
        fix = Fix(Applicability.UNSAFE, (Edit(target, local[2], local[2], "export "),),
                  message=f"Export `{b.imported}` from {where}")
    elif brought is not None:  # tsc: TS2459, "declares 'X' locally, but it is not exported"
        problem, hint = _brought_from(project, resolver, path, target, brought, b.imported)
    else:
        problem = f"{where} has no export named `{b.imported}`"
        elsewhere = _exported_beside(project, target, b.imported) if b.imported != "default" else []
        if elsewhere:
            hint = f" {', '.join(project.rel(p) for p in elsewhere)} export{'s' if len(elsewhere) == 1 else ''} it."
        if _default_named(target_facts, b.imported):  # tsc: TS2614, "Did you mean to use 'import X from'"
            hint = (f" Its default export is the `{b.imported}` it declares: import it as the default "
                    f"(`import {b.imported} from '{imp.specifier}'`).")
        elif not elsewhere:
            hint = _generated_hint(project, target) or hint
    # tsc's code: a local it does not export (TS2459), the default's name (TS2614), a near name (TS2724)
    code = "TS2614" if _default_named(target_facts, b.imported) else "TS2459" if brought or local is not None \
        else "TS2724" if _tsc_suggests(b.imported, surface) else "TS2305"
    effect, severity = _missing_export_effect(project, resolver, path, imp, b, code)
    start, end = (b.start, b.end) if 0 <= b.start < b.end else (imp.start, imp.end)  # at the name, as tsc
    return diagnostic(IMP003, path, start, end, f"`{imp.specifier}`: {problem}; {effect}.{hint}",
                      fix=fix, severity=severity, specifier=imp.specifier, name=b.imported)


# `module.exports = { ... }`, `module.exports.x = ...`, `exports.x = ...` at the start of a line or of a
# statement (a UMD wrapper's `if (typeof exports == "object") module.exports = factory(); else ...`)
_COMMONJS_EXPORT = re.compile(rb"(?m)(?:^|[;{})]|\belse\b)[ \t]*(?:module\.exports|exports)(?:\.[\w$]+|\[[^\]\n]+\])?"
                              rb"[ \t]*=(?!=)")


def _commonjs_exports(project: Project, target: str) -> bool:
    """Whether the target assigns CommonJS exports (a TypeScript file written as a CommonJS module,
    `// @ts-nocheck` over it): compiled to CommonJS, the importer reads those names off the object
    the file assigns, so a name no `export` declares may still be defined."""
    data = project.bytes_of(target) if project.mentions(target, b"exports") else None
    return data is not None and _COMMONJS_EXPORT.search(data) is not None


def _generated_hint(project: Project, target: str) -> str | None:
    """For a file a GraphQL code generator writes: its names are the operations of the documents it
    reads, so a near name is another operation (no "Did you mean"); the remedy is the generator."""
    owner = project.workspace.manifest_for(target)
    folders = [owner.dir] if owner is not None else []
    config = generated_by(target, [*folders, *([project.workspace.root] if project.workspace.root not in folders else [])])
    if config is None:
        return None
    return (f" The file is written by the GraphQL code generator ({project.rel(config)}, `generates:`) from the "
            "operations of its documents: add the missing operation there, or run the generator again.")


def _tsc_suggests(name: str, exported) -> bool:
    """Whether tsc's spelling suggestion would name an export (its TS2724, "Did you mean"): a name of
    a length near enough, equal but for case or within tsc's edit distance (`Usr` for `User`; not
    `SettingDto` for `Setting`, three letters longer)."""
    longest = max(2, len(name) * 34 // 100)
    best = len(name) * 4 // 10 + 1
    letters = Counter(name)
    return any(abs(len(c) - len(name)) <= longest and (c.lower() == name.lower() or _bag_distance(letters, c) < best
                                                       and _within_edits(name, c, best))
               for c in exported if c != "default" and c != name)


def _bag_distance(letters: Counter, other: str) -> int:
    """A lower bound of the edit distance, cheap to take: the letters one name has beyond the other's."""
    theirs = Counter(other)
    return max(sum((letters - theirs).values()), sum((theirs - letters).values()))


def _within_edits(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of `a` and `b` is below `limit` (a row whose every cell
    reaches the limit ends the count: a module may export thousands of names)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) >= limit:
            return False
    return row[-1] < limit


def _default_named(facts: FileFacts | None, name: str) -> bool:
    """Whether the module's default export is a declaration of that name (`export default class AuthService`)."""
    return facts is not None and any(e.name == "default" and e.local == name for e in facts.exports)


def _synthetic_default(project: Project, resolver: Resolver, path: str, imp: ImportFact) -> bool:
    """Whether tsc reads the imported workspace package through built declarations of a CommonJS
    module (no `"type": "module"`; `types` or `main` naming built files, which the linter maps back
    to the source it reads) and the importer's tsconfig synthesizes default imports: tsc then takes
    the module object as the default (`import { default as sdk } from '@acme/sdk'`), which the
    source's missing `export default` does not change."""
    member = project.workspace.member(pk.package_name(imp.specifier) or "") if pk.classify(imp.specifier) == "package" else None
    if member is None or member.data.get("type") == "module":
        return False
    entry = next((member.data[k] for k in ("types", "typings", "main") if isinstance(member.data.get(k), str)), "")
    config = resolver.tsconfig_for(path)
    return entry.endswith((".d.ts", ".d.cts", ".js", ".cjs")) and config is not None and config.synthesizes_defaults


def _script(target: str, facts: FileFacts | None) -> bool:
    """A TypeScript source file with no top-level import or export (its code commented out, say):
    not a module, so nothing can be imported from it by name."""
    return facts is not None and not facts.is_module and not facts.skipped and not facts.has_error \
        and target.endswith(TS_SUFFIXES) and not target.endswith((".d.ts", ".d.mts", ".d.cts"))


def _not_a_module(project: Project, resolver: Resolver, path: str, imp: ImportFact, target: str,
                  missing: list[Binding]) -> Diagnostic:
    names = ", ".join(f"`{b.imported}`" for b in missing)
    effects = [_missing_export_effect(project, resolver, path, imp, b, "TS2306") for b in missing]
    effect, severity = next((e for e in effects if "undefined at runtime" in e[0]), effects[0])
    if len(missing) > 1:
        effect = effect.replace("the binding is", "the bindings are")
    what = "is empty" if _blank(target) else \
        "is not a module (no top-level import or export: is its code commented out?)"
    message = (f"`{imp.specifier}`: {project.rel(target)} {what}, so {names} {'is' if len(missing) == 1 else 'are'} "
               f"not exported; {effect}.")
    return diagnostic(IMP003, path, imp.start, imp.end, message, severity=severity, specifier=imp.specifier,
                      name=missing[0].imported)


def _blank(path: str) -> bool:
    """Whether the file holds nothing but white space (an index created and never filled)."""
    try:
        with open(path, "rb") as fh:
            return not fh.read(4096).strip()
    except OSError:
        return False


def _imported_by(facts: FileFacts | None, name: str) -> str | None:
    """The specifier of the import through which `facts`' module binds `name` itself, if it does."""
    for imp in facts.imports if facts is not None else ():
        if imp.kind == "import" and any(b.local == name for b in imp.bindings):
            return imp.specifier
    return None


_BESIDE_SHOWN = 2


_DECLARED_EXPORTS: Memo[dict[str, dict[str, list[str]]]] = per_key("declared exports by name, per package")


def _exported_beside(project: Project, target: str, name: str) -> list[str]:
    """Up to two files of the run in the target's package (other than the target) that export
    `name` by declaring it: where an index that does not re-export it leaves the name (a better
    lead than a similar name the index does export)."""
    root = project.workspace.package_root(target)
    index = _DECLARED_EXPORTS(project).get(root)
    if index is None:  # one pass over the package's files answers every missing name of the run
        index = _DECLARED_EXPORTS(project)[root] = {}
        for path, facts in sorted(project.files.items()):
            if path.startswith(root + os.sep):
                for e in facts.exports:
                    if e.kind not in ("reexport", "local"):
                        index.setdefault(e.name, []).append(path)
    found = [p for p in dict.fromkeys(index.get(name, ())) if p != target]
    return found if len(found) <= _BESIDE_SHOWN else []  # many files: no lead


def _missing_export_effect(project: Project, resolver: Resolver, path: str, imp: ImportFact,
                           b: Binding, code: str | None = None) -> tuple[str, Severity | None]:
    """What the missing name breaks, and the severity when it is less than an error: in a
    declaration file under `skipLibCheck`, tsc reports nothing and the name is silently `any`."""
    if resolver.lib_check_skipped(path):
        return ("tsc reports nothing (skipLibCheck skips declaration files), so every type built on it is "
                "silently `any`"), Severity.WARNING
    importer = project.facts(path)
    used_as_type = importer is not None and b.local in importer.type_only_locals
    unused = importer is not None and imp.kind == "import" and not importer.refs.used_outside(
        b.local, imp.stmt_start, imp.stmt_end)
    cfg = resolver.tsconfig_for(path)
    if (imp.type_only or b.type_only or used_as_type or unused) and cfg is not None and not cfg.type_checks:
        return ("tsc reports nothing (noCheck in the tsconfig: types are not checked) and runtime is unaffected, "
                "so every type built on it is silently `any`"), Severity.WARNING
    fails = "type checking fails with" if project.is_test_file(path) else "tsc fails with"  # a test may be in no tsc project
    erased = imp.type_only or b.type_only or used_as_type or unused
    unchecked = unchecked_file(project, resolver, path) if erased else None  # no tsc program, types stripped
    severity = Severity.WARNING if unchecked else None
    if imp.type_only or b.type_only:  # `import type`, `import { type X }`: erased as written
        return f"{unchecked or fails} {code or 'TS2305/TS2724'} (a type-only import, so runtime is unaffected)", severity
    if used_as_type or unused:
        how = "used only as a type" if used_as_type else "never used"
        return f"{unchecked or fails} {code or 'TS2305'} (the binding is {how}, so runtime is unaffected)", severity
    if importer is not None and importer.unchecked:
        return "the binding is undefined at runtime (tsc reports nothing: the file is `// @ts-nocheck`)", None
    if imp.ts_ignored or b.ts_ignored:
        where = "the import" if imp.ts_ignored else "the name"
        return f"the binding is undefined at runtime (tsc reports nothing: `// @ts-ignore` above {where})", None
    return f"the binding is undefined at runtime (tsc: {code or 'TS2305'})", None
