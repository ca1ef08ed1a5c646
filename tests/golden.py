"""The golden fixture: `fixtures/monorepo` linted and fixed, compared byte for byte.

Regenerate the expected files after an intended change with:
    python -m tests.golden
(then review the diff of fixtures/monorepo.expected.txt and fixtures/monorepo.fixed/).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
IGNORED = {".migrationlint_cache", "node_modules"}


def copy_fixture(name: str, dest_root: Path) -> Path:
    """Copy fixtures/<name> to <dest_root>/fixtures/<name> and return it."""
    target = dest_root / "fixtures" / name
    shutil.copytree(FIXTURES / name, target, ignore=shutil.ignore_patterns(*IGNORED))
    return target


def tree_files(root: Path) -> dict[str, bytes]:
    out = {}
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in IGNORED]
        for f in files:
            p = Path(directory) / f
            out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def regenerate() -> None:
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        copy_fixture("monorepo", root)
        run = [sys.executable, "-m", "migrationlint", "fixtures/monorepo", "--output-format", "concise", "--no-cache"]
        env = {**os.environ, "NO_COLOR": "1"}
        out = subprocess.run(run, cwd=root, capture_output=True, env=env)
        (FIXTURES / "monorepo.expected.txt").write_bytes(out.stdout)
        subprocess.run(run + ["--fix"], cwd=root, capture_output=True, env=env)
        fixed = FIXTURES / "monorepo.fixed"
        if fixed.exists():
            shutil.rmtree(fixed)
        shutil.copytree(root / "fixtures" / "monorepo", fixed, ignore=shutil.ignore_patterns(*IGNORED))
    print("regenerated fixtures/monorepo.expected.txt and fixtures/monorepo.fixed/")


if __name__ == "__main__":
    regenerate()
