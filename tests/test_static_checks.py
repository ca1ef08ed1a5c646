"""Static checks that run with the README's test command: ruff (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "migrationlint", "tests", "benchmarks"],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_dead_code_named_in_issue_13_stays_gone():
    """Removed as unused: a wrapper nothing called, a hook for a function that always exists, a
    variable never read, and a cache-key part that was always "v1"."""
    gone = ["def extract_files(", "_alias_hook", "pending_error", "extraction_key"]
    for path in sorted((ROOT / "migrationlint").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for name in gone:
            assert name not in text, f"{path.relative_to(ROOT)} has {name}"
