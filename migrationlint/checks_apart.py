"""The rule families marked `RUNS_APART`, checked in a second process while this one checks the rest.

Why: after extraction the checks run in one process while the other cores idle. The dependency
rules (DEP) are half of that time (0.37 s of 0.68 in a 2,600-file monorepo, 0.86 of 1.2 in a
7,000-file one, 0.98 of 2.0 in a generated 10,000-file tree), and the families share nothing but what each computes from the facts and the
disk. So a large run forks: the child checks the families marked `RUNS_APART` (module attribute:
the import, migration, schema-builder and Nest rules), the parent the others, and the findings
are put back in family order, exactly as one process orders them.

What the child's checks read must still count as inputs of the run (the run cache checks them
before reuse): the facts it loaded for files outside the run, the files it searched for a word,
the paths resolution found missing, the package listings it asked for. The child sends them back
with its findings and the parent adds them. Anything the child cannot do (it fails, is killed,
sends nothing readable) leaves the families to the parent, which then checks them as a single
process would, errors included. Linux only (fork); a run under the pool threshold, `--jobs 1`
and the language server stay in one process. The fix loop's re-lints split too (fix_relint.py):
a pass that edited a manifest checks every file again, as long as a first lint.
"""

from __future__ import annotations

import os
from types import ModuleType

from migrationlint.checks import FAMILIES, Project, check_family, enabled_families
from migrationlint.diagnostics import Diagnostic
from migrationlint.forked import Forked, can_fork
from migrationlint.model.project import PACKAGE_SOURCES
from migrationlint.model.resolve import RESOLVER, resolver_for

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
    """run_checks, the `RUNS_APART` families in a forked child (see the module docstring)."""
    families = enabled_families(project)
    apart = [f for f in families if getattr(f, "RUNS_APART", False)]
    found: dict[ModuleType, list[Diagnostic]] = {}
    child = Forked(lambda: _checked_apart(project, store, apart))
    try:
        for family in families:
            if family not in apart:
                found[family] = check_family(family, project)
    except BaseException:
        child.stop()
        raise
    payload = child.result()
    if not isinstance(payload, tuple):  # the parent checks them itself, as one process does
        for family in apart:
            found[family] = check_family(family, project)
    else:
        by_name, reads = payload
        for family in apart:
            found[family] = by_name[family.__name__]
        _add_reads(project, store, reads)
    return [d for family in families for d in found[family]]


def _checked_apart(project: Project, store, apart: list[ModuleType]) -> tuple[dict, tuple]:
    """In the child: (findings by family, what the checks read)."""
    if store.cache is not None:
        store.cache.close()  # the pack file's read offset is shared with the parent: open our own
    by_name = {family.__name__: check_family(family, project) for family in apart}
    resolver = RESOLVER.peek(project)
    reads = (store.loaded, store.scanned, resolver.missing_paths() if resolver is not None else [],
             dict(PACKAGE_SOURCES.peek(project) or {}), resolver.tsconfigs.read_digests if resolver is not None else {})
    return by_name, reads


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
