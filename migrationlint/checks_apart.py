"""The rule families marked `RUNS_APART`, checked in a second process while this one checks the rest;
and the packages of the family whose work splits by package (`PARTS`), shared between both.

Why: after extraction the checks run in one process while the other cores idle. The dependency
rules (DEP) are half of that time or more (0.86 s of 1.2 in a 7,000-file monorepo, 1.4 of 2.2 in
another), and the families share nothing but what each computes from the facts and the disk. So a
large run forks: the child checks the families marked `RUNS_APART` (module attribute: the import,
migration, schema-builder and Nest rules), the parent the others; then both take the packages of
the DEP rules one at a time, largest first, from one shared pipe (work_sharing.Tokens) until none is
left, so that they finish together. A package's DEP findings come from its own files whatever else
was checked (dependencies.PackageParts), and the findings are put back in family and package order,
exactly as one process orders them.

What the child's checks read must still count as inputs of the run (the run cache checks them
before reuse): the facts it loaded for files outside the run, the files it searched for a word,
the paths resolution found missing, the package listings it asked for; and which files ship in
the packages it walked (the reach cache stores them, the fix loop's re-lints start from them). The
child sends them back with its findings and the parent adds them. Anything the child cannot do (it
fails, is killed, sends nothing readable) leaves its families and the packages it took to the
parent, which then checks them as a single process would, errors included: a package that fails
in either process makes the parent check the whole family again, as one process reports it. Linux
only (fork); a run under the pool threshold, `--jobs 1` and the language server stay in one process.
The fix loop's re-lints split too (fix_relint.py): a pass that edited a manifest checks every file
again, as long as a first lint.
"""

from __future__ import annotations

import os
from types import ModuleType

from migrationlint.checks import FAMILIES, Project, check_family, enabled_families
from migrationlint.diagnostics import Diagnostic
from migrationlint.forked import Forked, can_fork
from migrationlint.model.project import PACKAGE_SOURCES
from migrationlint.model.reach_keys import ReadAs
from migrationlint.model.resolve import RESOLVER, resolver_for
from migrationlint.model.shipping import SHIPPING
from migrationlint.work_sharing import MAX_TOKENS, Tokens

MIN_FILES = 150  # the extraction pool's threshold: below it a fork costs more than it saves
# The child reads most of the parent's objects, and each read writes a reference count: the pages
# are copied, and both processes together hold up to twice the memory (10,000 files: 250 MB alone,
# 465 MB split). A run whose process already holds more stays in one process.
MAX_PARENT_MB = 160


def can_split(project: Project, jobs: int | None) -> bool:
    """Whether this run checks some families in a second process: a large run on Linux with more
    than one core, unless `--jobs 1`, not one that already holds MAX_PARENT_MB, and never beside
    other threads (forked.can_fork)."""
    return (can_fork() and jobs != 1 and len(project.files) >= MIN_FILES and (os.cpu_count() or 1) > 1
            and _peak_mb() <= MAX_PARENT_MB and any(getattr(f, "RUNS_APART", False) for f in FAMILIES))


def _peak_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_checks_split(project: Project, store) -> list[Diagnostic]:
    """run_checks, the `RUNS_APART` families in a forked child and the packages of the `PARTS` family
    shared with it (see the module docstring)."""
    families = enabled_families(project)
    apart = [f for f in families if getattr(f, "RUNS_APART", False)]
    shared = _shared(families, apart, project)
    tokens = Tokens(len(shared.parts)) if shared is not None else None
    known = set(SHIPPING(project).reachability()) if shared is not None else set()
    found: dict[ModuleType, list[Diagnostic]] = {}
    child = Forked(lambda: _checked_apart(project, store, apart, shared, tokens, known))
    try:
        for family in families:
            if family not in apart and (shared is None or family is not shared.family):
                found[family] = check_family(family, project)
        if shared is not None:
            shared.check_taken(tokens)
    except BaseException:
        child.stop()
        raise
    finally:
        if tokens is not None:
            tokens.close()
    payload = child.result()
    if not isinstance(payload, tuple):  # the parent checks them itself, as one process does
        for family in apart:
            found[family] = check_family(family, project)
    else:
        by_name, theirs, reads, reached = payload
        for family in apart:
            found[family] = by_name[family.__name__]
        _add_reads(project, store, reads)
        _adopt_reached(project, reached)
        if shared is not None:
            shared.found.update(theirs)
    if shared is not None:
        found[shared.family] = shared.findings(project)
    return [d for family in families for d in found[family]]


class _SharedParts:
    """The packages of a `PARTS` family: the findings of those each process checked, by index."""

    def __init__(self, family: ModuleType, parts) -> None:
        self.family, self.parts = family, parts
        self.found: dict[int, list[Diagnostic]] = {}
        self.failed = False

    def check_taken(self, tokens: Tokens) -> None:
        """Check the packages this process takes from `tokens` until none is left."""
        while (index := tokens.take()) is not None:
            self._check(index)

    def findings(self, project: Project) -> list[Diagnostic]:
        """The family's findings in package order, the packages nobody delivered checked here; the
        whole family checked again, as one process does, when a package failed."""
        for index in range(len(self.parts)):
            if index not in self.found:
                self._check(index)
        if self.failed:
            return check_family(self.family, project)
        return [d for index in range(len(self.parts)) for d in self.found[index] if project.enabled(d.code)]

    def _check(self, index: int) -> None:
        if self.failed:
            return
        try:
            self.found[index] = self.parts.check(index)
        except Exception:  # noqa: BLE001 - findings() checks the family again, which reports it
            self.failed = True


def _shared(families: list[ModuleType], apart: list[ModuleType], project: Project) -> _SharedParts | None:
    """The first enabled family (not one checked apart) whose work splits into parts, when they fit
    in one pipe; None when there is none or splitting it fails (the family is then checked whole)."""
    family = next((f for f in families if f not in apart and hasattr(f, "PARTS")), None)
    if family is None:
        return None
    try:
        parts = family.PARTS(project)
    except Exception:  # noqa: BLE001 - check_family reports it, as one process does
        return None
    return _SharedParts(family, parts) if 1 < len(parts) <= MAX_TOKENS else None


def _checked_apart(project: Project, store, apart: list[ModuleType], shared: _SharedParts | None,
                   tokens: Tokens | None, known: set[str]) -> tuple[dict, dict, tuple, dict]:
    """In the child: (findings by family, the shared family's findings by package, what the checks
    read, which files ship in the packages walked here). A failed package fails the child: the
    parent then checks what the child took."""
    if store.cache is not None:
        store.cache.close()  # the pack file's read offset is shared with the parent: open our own
    by_name = {family.__name__: check_family(family, project) for family in apart}
    theirs: dict[int, list[Diagnostic]] = {}
    if shared is not None and tokens is not None:
        while (index := tokens.take()) is not None:
            theirs[index] = shared.parts.check(index)
    resolver = RESOLVER.peek(project)
    reads = (store.loaded, store.scanned, resolver.missing_paths() if resolver is not None else [],
             dict(PACKAGE_SOURCES.peek(project) or {}), resolver.tsconfigs.read_digests if resolver is not None else {})
    return by_name, theirs, reads, _walked_here(project, known)


def _walked_here(project: Project, known: set[str]) -> dict[str, tuple[dict[str, str], dict[str, ReadAs | None]]]:
    """In the child: the reachability of the packages it walked, each file read named by its path
    (the parent has its facts) unless the reach cache vouched for it (ReadAs)."""
    model = SHIPPING.peek(project)
    reached = model.reachability() if model is not None else {}
    return {m: (found, {p: v if isinstance(v, ReadAs) else None for p, v in read.items()})
            for m, (found, read) in reached.items() if m not in known}


def _adopt_reached(project: Project, reached: dict) -> None:
    """The child's walks, as if this process had made them (reach_cache.store, fix_relint)."""
    if not reached:
        return
    model = SHIPPING(project)
    own = model.reachability()
    model.seed({m: (found, {p: v if v is not None else project.facts(p) for p, v in read.items()})
                for m, (found, read) in reached.items() if m not in own})


def _add_reads(project: Project, store, reads) -> None:
    """What the child's checks read, as inputs of this run (see the module docstring)."""
    loaded, scanned, missing, sources, configs = reads
    store.add_reads(loaded, scanned)
    resolver = resolver_for(project)
    resolver.add_missing(missing)
    for path, digest in configs.items():
        resolver.tsconfigs.read_digests.setdefault(path, digest)
    memo = PACKAGE_SOURCES(project)
    for root, files in sources.items():
        memo.setdefault(root, files)
