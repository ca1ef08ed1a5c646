"""Files outside every build: a backup copy, a parked old version, a scratch script.

A file that no tsconfig program compiles (the tsconfigs that could cover it include none of it, or
exclude it by name; where no tsconfig lies above it, a runner's defaults may compile it), that nothing runs (no entry point reaches it, no script, test runner or tool
names it: its shipping verdict is only presumed) and that no file of the workspace imports, is
read by nothing: tsc never checks it, Node never loads it. An importer that is itself such a file
does not count (a parked copy of a folder, whose files import one another). What its imports name breaks no build
and no start-up, so the import rules say nothing about it (their messages say "tsc fails",
which is false there). Asked only for a file with a finding, and answered alike in a run over the
tree and over a few files (imported_anywhere.py).
"""

from __future__ import annotations

from migrationlint.model.imported_anywhere import file_names, imported_anywhere
from migrationlint.model.manifest_owners import ManifestOwners
from migrationlint.model.project import Memo, Project
from migrationlint.model.resolve import Resolver
from migrationlint.model.shipping import shipping_for
from migrationlint.model.verdicts import WORKSPACE_ROOT_FILE


def outside_every_build(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether the file at `path` is compiled by no program, run by nothing and imported by nothing."""
    memo, deciding = _DEAD(project), _DECIDING(project)
    found = memo.get(path)
    if found is None:
        if path in deciding:
            return True  # a file importing back the one being decided does not keep it alive
        deciding.add(path)
        try:
            found = _outside_every_build(project, resolver, path)
        finally:
            deciding.discard(path)
        if not deciding:
            memo[path] = found  # an answer inside another's rests on that one's assumption: not kept
    return found


def _outside_every_build(project: Project, resolver: Resolver, path: str) -> bool:
    cfg = resolver.tsconfig_for(path)
    if cfg is None or cfg.error is not None or cfg.covers(path) or cfg.under_root_dir(path):
        return False  # compiled, or no tsconfig says what is (tsx, ts-node, a bundler with defaults)
    manifest = _OWNERS(project).owner(path)
    verdict = shipping_for(project).verdict(path, manifest) if manifest is not None else None
    if verdict is None or not (verdict.presumed or verdict.reason == WORKSPACE_ROOT_FILE):
        return False  # an entry point, a script, a test runner or a tool runs it
    return not imported_anywhere(project, path, file_names(path), resolver,
                                 ignored=lambda other: outside_every_build(project, resolver, other))


_DEAD: Memo[dict[str, bool]] = Memo("files outside every build", lambda project: {})
_DECIDING: Memo[set[str]] = Memo("files outside every build, being decided", lambda project: set())
_OWNERS: Memo[ManifestOwners] = Memo("manifest owners", ManifestOwners)
