"""The cyclic collector is off during a run and, turned back on, finds nothing of the run in its
youngest generation to scan (lint_steps.gc_paused)."""

from __future__ import annotations

import gc

from migrationlint.lint_steps import gc_paused


class _Fact:
    def __init__(self, i: int) -> None:
        self.names = [str(i)]


def test_a_paused_run_leaves_nothing_in_the_young_generation():
    @gc_paused
    def run() -> list[_Fact]:
        assert not gc.isenabled()
        return [_Fact(i) for i in range(50_000)]

    assert gc.isenabled()
    kept = run()
    assert gc.isenabled()
    young = gc.get_objects(generation=0)
    assert len(young) < 1_000  # the 100,000 objects still alive are not there
    assert any(k is kept[0] for k in gc.get_objects(generation=2))


def test_cycles_made_during_a_paused_run_are_still_collected():
    @gc_paused
    def run() -> None:
        a: dict = {}
        a["self"] = a  # garbage with a cycle: only the collector frees it

    before = len(gc.get_objects())
    for _ in range(1_000):
        run()
    gc.collect()
    assert len(gc.get_objects()) < before + 100
