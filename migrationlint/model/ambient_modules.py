"""Ambient module declarations: `declare module 'x' { ... }` and `declare module '*.svg'` in a
declaration file that is a script (no top-level import or export) declare a module that the
TypeScript program then has, whether or not a file answers to the name.

The same statement in a file that is a module (it imports or exports something) is an
augmentation: it adds to a module that must exist elsewhere and declares nothing (a local
`http.d.ts` that augments `declare module 'http'` is not the `http` module). Which declarations an
importer sees follows its tsconfig: the declaring file must be part of the same program (included,
or a package of its `typeRoots` that `types` does not leave out).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from migrationlint.extract.records import FileFacts, ImportFact
from migrationlint.model.packages import is_relative
from migrationlint.model.specifiers import match_pattern
from migrationlint.model.tsconfig import TsConfig
from migrationlint.model.project import Memo

_MODULE_IMPORT_KINDS = frozenset({"import", "export-from", "export-star", "import-equals"})


def declared_modules(facts: FileFacts) -> list[str]:
    """The module names a file declares ambiently (none when the file is a module: augmentations)."""
    names = [e.name for e in facts.exports if e.kind == "declare-module"]
    if not names:
        return []
    if facts.is_module or any(i.kind in _MODULE_IMPORT_KINDS for i in facts.imports):
        return []
    return names


def declares_itself(facts: FileFacts, imp: ImportFact) -> bool:
    """Whether the import sits in the block that declares its own specifier (`typeof import('x')`
    inside `declare module 'x' { ... }`): that block is the module, whatever is installed."""
    return any(e.kind == "declare-module" and e.name == imp.specifier and e.start <= imp.start < e.end
               for e in facts.exports)


@dataclass
class AmbientIndex:
    """Declared module names (exact and `*` patterns) with the files that declare them."""

    exact: dict[str, list[str]] = field(default_factory=dict)
    patterns: dict[str, list[str]] = field(default_factory=dict)

    def add(self, path: str, facts: FileFacts) -> None:
        for name in declared_modules(facts):
            table = self.patterns if "*" in name else self.exact
            table.setdefault(name, []).append(path)

    def declares(self, specifier: str, importer: str, cfg: TsConfig | None, package_root: str) -> bool:
        """Whether a declaration in the importer's program names `specifier`. Exact names apply to
        bare specifiers only (TypeScript never matches a relative path to one); `*` patterns to any."""
        files: list[str] = []
        if not is_relative(specifier):
            files += self.exact.get(specifier, [])
        for pattern, declaring in self.patterns.items():
            if match_pattern(pattern, specifier) is not None:
                files += declaring
        return any(_same_program(f, cfg, package_root) for f in files)


def _same_program(declaring: str, cfg: TsConfig | None, package_root: str) -> bool:
    if cfg is not None and cfg.error is None:
        return cfg.covers(declaring) or _in_type_roots(declaring, cfg)
    return declaring.startswith(package_root.rstrip(os.sep) + os.sep)


def _in_type_roots(declaring: str, cfg: TsConfig) -> bool:
    """Whether the declaring file belongs to a package of one of the config's `typeRoots`
    (`ts-declarations/metro-config/index.d.ts`), which tsc includes in the program, all of them or
    only those `types` names."""
    for root in cfg.type_roots or ():
        prefix = root.rstrip(os.sep) + os.sep
        if declaring.startswith(prefix):
            return cfg.types is None or declaring[len(prefix):].split(os.sep, 1)[0] in cfg.types
    return False


def ambient_index(project) -> AmbientIndex:
    """The index of the run's files, built once per run. A run over a few files also reads the
    declaration files of their packages, which a whole-repository run lints anyway."""
    return _AMBIENT(project)


def _build_index(project) -> AmbientIndex:
    index = AmbientIndex()
    paths = set(project.files)
    if not project.all_sources:
        for root in {project.workspace.package_root(p) for p in project.files}:
            paths.update(p for p in project.package_sources(root) if p.endswith((".d.ts", ".d.mts", ".d.cts")))
    for path in sorted(paths):
        facts = project.facts(path)
        if facts is not None and any(e.kind == "declare-module" for e in facts.exports):
            index.add(path, facts)
    return index


_AMBIENT: Memo[AmbientIndex] = Memo("ambient modules", _build_index)
