"""The facts cache holds record field values by position, so its key must change whenever a fact
record's fields change; a cache written by another layout is then ignored, never misread.

The "other layout" is made for real: a subprocess gives `ImportFact` one more field before the
extraction code is imported, lints a workspace with the cache on, and exits; this process then
lints the same workspace with the cache written by that layout."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from migrationlint.cache import facts_cache as cache
from tests.helpers import migration, workspace
from tests.helpers import REPO

GROWN_LAYOUT = textwrap.dedent("""
    import dataclasses, sys
    from migrationlint.extract import records
    old = records.ImportFact
    names = {f.name for f in dataclasses.fields(old)}
    spec = [(f.name, f.type, f) for f in dataclasses.fields(old)]
    spec.append(("added_later", "int", dataclasses.field(default=0)))
    body = {k: v for k, v in vars(old).items() if isinstance(v, property)}
    grown = dataclasses.make_dataclass("ImportFact", spec, namespace=body, slots=True)
    grown.__module__ = records.__name__
    records.ImportFact = grown
    from migrationlint import pipeline
    from migrationlint.cache import facts_cache as cache
    from migrationlint.settings import Settings
    if sys.argv[1] == "key":
        print(cache.cache_key().decode())
    else:
        result = pipeline.lint([sys.argv[2]], Settings(), use_cache=True)
        print(len(result.diagnostics))
""")


def _grown(*args: str) -> str:
    done = subprocess.run([sys.executable, "-c", GROWN_LAYOUT, *args], capture_output=True, text=True, timeout=300,
                          cwd=REPO)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_new_fact_field_changes_the_cache_key():
    assert _grown("key") != cache.cache_key().decode()


def test_every_record_module_is_in_the_layout():
    for name in ("FileFacts(", "ImportFact(", "ClassFact(", "NestFacts(", "NestModule("):
        assert name in cache._LAYOUT


def test_a_cache_written_by_another_layout_is_ignored_not_crashed_on(tmp_path):
    from migrationlint import pipeline
    from migrationlint.settings import Settings

    root = workspace(tmp_path, {"src/migrations/1700000000000-Init.ts": migration("Init1700000"),
                                "src/app.ts": "import { x } from './missing';\nexport const y = x;\n"})
    written_by_other_layout = int(_grown("lint", str(root)))
    assert written_by_other_layout > 0 and (root / cache.DIR_NAME).is_dir()
    fresh = pipeline.lint([str(root)], Settings(), use_cache=False).diagnostics
    warm = pipeline.lint([str(root)], Settings(), use_cache=True).diagnostics
    assert [(d.code, d.path, d.start) for d in warm] == [(d.code, d.path, d.start) for d in fresh]
    assert len(warm) == written_by_other_layout
