"""What ships, remembered between runs: each package's reachability from its entry points.

Whether a file ships decides which section every dependency of its package belongs in, and the
answer walks the package from its entry points, resolving every value import (a package of 1,000
files: half of a pre-commit run over five files, and of the run after one edit). The walk reads the
facts of the files it passes, import resolution (tsconfigs, manifests, which paths exist) and the
package's file list. So a package's answer is stored with:

- the context it was computed in: the tool and settings, and the digests of the context files
  (run_cache.context_parts) in the workspace root and every package folder (the record's context,
  shared by its packages), and in every other folder above a file the walk read (the package's);
- per file read, its content digest and its `reach_key` (an edited file whose imports did not
  change still reaches the same files, as in the language server);
- the package's file list (migration globs add files no import reaches) and the paths import
  resolution tried and did not find (a file created there would be found);
- the digest of every tsconfig resolution read (a chain's base config may lie outside every
  context folder), for the record as a whole.
A later run offers `Shipping` the stored packages, each checked when the run first needs it (a
run over five files checks the few packages they belong to, not every package of the record);
a package whose record no longer holds is walked again. Unreadable or foreign data are misses.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field

from migrationlint.atomic import replace_file
from migrationlint.cache.absent_paths import Absent, still_absent, with_missing
from migrationlint.cache.run_cache import context_dirs, context_parts, run_key, settings_text, stat_digest, tool_stamp
from migrationlint.model.resolve import RESOLVER
from migrationlint.model.reach_keys import ReadAs, reach_key
from migrationlint.model.shipping import SHIPPING, Shipping

FILE = "reach"
MAGIC = b"migrationlint-reach 4\n"


@dataclass
class PackageReach:
    found: dict[str, str]  # file -> why it ships
    read: dict[str, ReadAs]  # file -> its content digest and reach_key
    sources: list[str]  # the package's lintable files
    context: str = ""  # key over the context files above the files read, outside the record's context


@dataclass
class ReachRecord:
    context: str
    absent: Absent = field(default_factory=dict)  # paths resolution found no file at (absent_paths)
    packages: dict[str, PackageReach] = field(default_factory=dict)  # manifest path -> its reachability
    configs: dict[str, str] = field(default_factory=dict)  # tsconfig read -> its digest (anywhere: a chain's base)


def seed(project, cache, settings) -> ReachRecord | None:
    """Offer this run's Shipping the stored packages, each used when its inputs are unchanged;
    returns the stored record when its context still holds (`store` keeps its other packages)."""
    record = _load(cache.directory)
    if record is None or record.context != _context(project, cache, settings) or not still_absent(record.absent) \
            or any((stat_digest(cache, path) or "") != digest for path, digest in record.configs.items()):
        return None
    def stored(manifest_path: str) -> tuple[dict[str, str], dict[str, object]] | None:
        reach = record.packages.get(manifest_path)
        if reach is None or not _holds(project, cache, manifest_path, reach) or \
                reach.context != _package_context(project, reach.read):
            return None
        # what each file read was, as `store` records it: a seeded package is stored as it came
        return reach.found, dict(reach.read)  # ReadAs values: see store

    if record.packages:
        model = project.memos[SHIPPING] = Shipping(project)
        model.offer(stored)  # each package is checked when the run first needs it
    return record


def store(project, cache, settings, earlier: ReachRecord | None) -> None:
    """Store the packages this run walked, with the other packages of `earlier` (a run over a few
    files walks a few packages); nothing is written when every package came from `earlier`."""
    model = SHIPPING.peek(project)
    reached = model.reachability() if model is not None else {}
    walked = {m: v for m, v in reached.items() if not all(isinstance(f, ReadAs) for f in v[1].values())}
    if not walked:
        return
    record = ReachRecord(context="", packages=dict(earlier.packages) if earlier is not None else {},
                         absent=dict(earlier.absent) if earlier is not None else {},
                         configs=dict(earlier.configs) if earlier is not None else {})
    for manifest_path, (found, read) in reached.items():
        files = {}
        for path, facts in read.items():
            if isinstance(facts, ReadAs):  # seeded from the record and still valid
                files[path] = facts
                continue
            key = reach_key(facts)
            if facts is None or not facts.digest or key is None:
                record.packages.pop(manifest_path, None)
                break  # a file that could not be read: nothing to compare next time
            files[path] = ReadAs(facts.digest, key)
        else:
            record.packages[manifest_path] = PackageReach(found, files, list(project.package_sources(
                os.path.dirname(manifest_path))), _package_context(project, files))
    resolver = RESOLVER.peek(project)
    absent = with_missing(record.absent, resolver)
    if absent is None:
        return
    record.absent = absent
    if resolver is not None:
        record.configs.update(resolver.tsconfigs.read_digests)
    record.context = _context(project, cache, settings)
    try:
        replace_file(os.path.join(cache.directory, FILE), MAGIC + pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass


def _holds(project, cache, manifest_path: str, reach: PackageReach) -> bool:
    """Whether the package's files and each file the walk read still give what they gave."""
    if project.package_sources(os.path.dirname(manifest_path)) != reach.sources:
        return False
    for path, read in reach.read.items():
        if stat_digest(cache, path) != read.digest and reach_key(project.facts(path)) != read.key:
            return False
    return True


def _context(project, cache, settings) -> str:
    """The key over what resolution and entry points read anywhere: the tool, the settings and the
    context files of the workspace root and of every package folder."""
    root = project.workspace.root
    parts = [cache.key.decode(), tool_stamp(), settings_text(settings), root]
    parts.extend(context_parts(context_dirs(root, [], project.workspace.manifest_dirs), cache.directory))
    return run_key(parts)


def _package_context(project, read) -> str:
    """The key over the context files in the other folders above the files a package's walk read."""
    root = project.workspace.root
    shared = set(context_dirs(root, [], project.workspace.manifest_dirs))
    own = [d for d in context_dirs(root, sorted(read), []) if d not in shared]
    return run_key(context_parts(own))


def _load(directory: str) -> ReachRecord | None:
    try:
        with open(os.path.join(directory, FILE), "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            record = pickle.load(fh)
    except Exception:  # missing, truncated, foreign: walk again
        return None
    return record if isinstance(record, ReachRecord) else None
