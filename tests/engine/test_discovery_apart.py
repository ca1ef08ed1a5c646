"""Discovery walked in a forked child while the parent reads the workspace (discovery_apart.py):
the same files as a walk in-process, the parent's work done meanwhile, no child where the stored
listing answers, and the walk done here when the child fails."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from migrationlint import discovery_apart, forked, pipeline
from migrationlint.model import discovery
from migrationlint.settings import Settings
from tests.helpers import age_tree

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the walk is forked (Linux)")


def _tree(root: Path) -> Path:
    (root / ".gitignore").write_text("generated/\n")
    (root / "package.json").write_text('{"name": "svc", "version": "1.0.0"}')
    for folder in ("src/a", "src/b", "generated"):
        (root / folder).mkdir(parents=True)
        for i in range(3):
            (root / folder / f"f{i}.ts").write_text(f"export const v{i} = {i};\n")
    return root


def _beside(root: Path, cache_dir: str | None, jobs: int | None = None) -> tuple[discovery.Discovery, list[int]]:
    """The discovery, and the pids `meanwhile` ran in, with the pids of the walks."""
    ran: list[int] = []
    found = discovery_apart.discover_beside([str(root)], None, None, cache_dir, lambda: ran.append(os.getpid()), jobs)
    return found, ran


@pytest.fixture
def walks(monkeypatch) -> list[int]:
    """The pid of each discovery walk."""
    pids: list[int] = []
    real = discovery._discover

    def walk(*args):
        pids.append(os.getpid())
        return real(*args)

    monkeypatch.setattr(discovery, "_discover", walk)
    return pids


def test_the_child_walks_while_the_parent_works(tmp_path):
    root = _tree(tmp_path)
    found, ran = _beside(root, None)
    assert ran == [os.getpid()]
    assert found.files == discovery.discover([str(root)]).files
    assert len(found.files) == 6 and not any("/generated/" in f for f in found.files)


def test_the_walk_happens_in_the_child(tmp_path, walks):
    root = _tree(tmp_path)
    _beside(root, None)
    assert walks == []  # the parent never walked: the child's list of pids is its own


def test_a_stored_listing_answers_without_a_child_or_the_parents_work(tmp_path, walks):
    root = _tree(tmp_path)
    cache = tmp_path / ".migrationlint_cache"  # a folder the walk skips
    cache.mkdir()
    age_tree(root)  # folders changed in the last two seconds prove nothing (stamped_record.RACY_NS)
    first, ran = _beside(root, str(cache))  # the child stores the listing
    assert ran
    found, ran = _beside(root, str(cache))
    assert ran == [] and walks == [] and found.files == first.files


def test_jobs_1_walks_here_without_the_parents_work(tmp_path, walks):
    root = _tree(tmp_path)
    found, ran = _beside(root, None, jobs=1)
    assert ran == [] and walks == [os.getpid()] and len(found.files) == 6


def test_a_child_that_fails_leaves_the_walk_here(tmp_path, walks, monkeypatch):
    root = _tree(tmp_path)

    def failing(work):
        return forked.Forked(lambda: 1 / 0)  # the child raises: nothing comes back

    monkeypatch.setattr(discovery_apart, "Forked", failing)
    found, ran = _beside(root, None)
    assert ran == [os.getpid()] and walks == [os.getpid()] and len(found.files) == 6


def test_an_error_in_the_parents_work_stops_the_child(tmp_path):
    root = _tree(tmp_path)

    def boom():
        raise KeyError("meanwhile")

    with pytest.raises(KeyError):
        discovery_apart.discover_beside([str(root)], None, None, None, boom, None)
    pid = os.getpid()
    assert open(f"/proc/{pid}/task/{pid}/children").read().split() == []


def test_a_lint_reads_the_workspace_while_the_child_walks(tmp_path, monkeypatch):
    root = _tree(tmp_path)
    read: list[str] = []
    real = pipeline._read_workspace
    monkeypatch.setattr(pipeline, "_read_workspace", lambda ws: read.append(ws.root) or real(ws))
    forked_result = pipeline.lint([str(root)], Settings(), use_cache=False)
    assert read == [str(root)]
    assert forked_result.files == pipeline.lint([str(root)], Settings(), use_cache=False, jobs=1).files
