"""Extraction shared between this process and forked helpers (work_sharing.py): every path once,
both sides working, nothing lost when a helper dies, no helper left behind."""

from __future__ import annotations

import os
import sys
import time

import pytest

from migrationlint.work_sharing import shared_results

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="helpers are forked (Linux)")

PATHS = [f"src/file{i:03d}.ts" for i in range(120)]


def _chunks(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def _here(path: str) -> tuple[str, str, int]:
    return path, "here", os.getpid()


def _away(path: str) -> tuple[str, str, int]:
    return path, "away", os.getpid()


def _children() -> list[str]:
    pid = os.getpid()
    return open(f"/proc/{pid}/task/{pid}/children").read().split()


@pytest.mark.parametrize("workers", [2, 3])
def test_every_path_once_and_both_sides_work(workers):
    def slow_here(path: str):
        time.sleep(0.002)  # both sides take time: neither can take every chunk before the other starts
        return _here(path)

    def slow_away(path: str):
        time.sleep(0.002)
        return _away(path)

    results = list(shared_results(_chunks(PATHS, 5), workers, slow_here, slow_away))
    assert sorted(r[0] for r in results) == PATHS
    sides = {r[1] for r in results}
    assert sides == {"here", "away"}
    helper_pids = {r[2] for r in results if r[1] == "away"}
    assert os.getpid() not in helper_pids and 1 <= len(helper_pids) <= workers - 1
    assert _children() == []  # every helper reaped


def test_a_helper_that_dies_loses_nothing():
    def dying_away(path: str):
        if path.endswith("7.ts"):
            os._exit(9)  # killed mid-chunk: its chunk never arrives whole
        return _away(path)

    def slow_here(path: str):
        time.sleep(0.002)
        return _here(path)

    results = list(shared_results(_chunks(PATHS, 4), 2, slow_here, dying_away))
    assert sorted(r[0] for r in results) == PATHS
    assert any(r[0].endswith("7.ts") and r[1] == "here" for r in results)  # redone here
    assert _children() == []


def test_a_helper_that_raises_leaves_the_error_to_this_process():
    def failing(path: str):
        if path == PATHS[-1]:
            raise ValueError(f"cannot extract {path}")
        return _here(path)

    def failing_away(path: str):
        return failing(path)

    with pytest.raises(ValueError, match="cannot extract"):
        list(shared_results(_chunks(PATHS, 4), 2, failing, failing_away))
    assert _children() == []


def test_results_larger_than_a_pipe_arrive_whole():
    big = "x" * (3 << 20)

    def big_away(path: str):
        return path, big

    def slow_here(path: str):
        time.sleep(0.01)
        return path, big

    results = list(shared_results(_chunks(PATHS[:12], 2), 2, slow_here, big_away))
    assert sorted(r[0] for r in results) == PATHS[:12]
    assert all(r[1] == big for r in results)


def test_stopping_early_kills_and_reaps_the_helpers():
    def slow_away(path: str):
        time.sleep(0.05)
        return _away(path)

    results = shared_results(_chunks(PATHS, 4), 3, _here, slow_away)
    next(results)
    assert len(_children()) == 2
    results.close()
    assert _children() == []
