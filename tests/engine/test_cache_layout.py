"""The facts cache holds record field values by position, so its key must change whenever a fact
record's fields change; a cache written by another layout is then ignored, never misread.

The "other layout" is made for real: a copy of the package whose `ImportFact` has one more field
lints a workspace with the cache on in a subprocess; this process then lints the same workspace
with the cache written by that layout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from migrationlint.cache import facts_cache as cache
from tests.helpers import migration, workspace

GROWN_RUN = textwrap.dedent("""
    import sys
    from migrationlint import pipeline
    from migrationlint.cache import facts_cache as cache
    from migrationlint.settings import Settings
    if sys.argv[1] == "key":
        print(cache.cache_key().decode())
    else:
        result = pipeline.lint([sys.argv[2]], Settings(), use_cache=True)
        print(len(result.diagnostics))
""")


@pytest.fixture(scope="module")
def grown_package(tmp_path_factory) -> Path:
    """A copy of the package whose `ImportFact` has one more field, as the next version might."""
    top = tmp_path_factory.mktemp("grown")
    package = Path(cache.__file__).resolve().parent.parent
    shutil.copytree(package, top / "migrationlint", ignore=shutil.ignore_patterns("__pycache__"))
    records = top / "migrationlint" / "extract" / "records.py"
    text = records.read_text()
    anchor = "    specifier: str\n    kind: str\n"  # ImportFact's first fields
    body = text.index(anchor)
    last_field = text.index("\n\n", body)  # the end of its fields
    records.write_text(text[:last_field] + "\n    added_later: int = 0" + text[last_field:])
    return top


def _grown(top: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", GROWN_RUN, *args], capture_output=True, text=True, timeout=300,
                          cwd=top, env={**os.environ, "PYTHONPATH": str(top)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_new_fact_field_changes_the_cache_key(grown_package):
    assert _grown(grown_package, "key") != cache.cache_key().decode()


def test_every_record_module_is_in_the_layout():
    for name in ("FileFacts(", "ImportFact(", "ClassFact(", "NestFacts(", "NestModule("):
        assert name in cache._register_reducers()


def test_a_cache_written_by_another_layout_is_ignored_not_crashed_on(tmp_path, grown_package):
    from migrationlint import pipeline
    from migrationlint.settings import Settings

    root = workspace(tmp_path, {"src/migrations/1700000000000-Init.ts": migration("Init1700000"),
                                "src/app.ts": "import { x } from './missing';\nexport const y = x;\n"})
    written_by_other_layout = int(_grown(grown_package, "lint", str(root)))
    assert written_by_other_layout > 0 and (root / cache.DIR_NAME).is_dir()
    fresh = pipeline.lint([str(root)], Settings(), use_cache=False).diagnostics
    warm = pipeline.lint([str(root)], Settings(), use_cache=True).diagnostics
    assert [(d.code, d.path, d.start) for d in warm] == [(d.code, d.path, d.start) for d in fresh]
    assert len(warm) == written_by_other_layout
