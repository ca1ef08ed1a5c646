"""This checkout as a git repository of its own: the tracked and untracked files of the working
tree, committed in a temporary directory, so that tests can install it from a git URL or use it
as a pre-commit `repo:` even when the work is not committed yet."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def git(cwd: Path, *args: str) -> str:
    """git with a fixed identity and none of the caller's GIT_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    done = subprocess.run(["git", "-c", "user.name=migrationlint tests", "-c", "user.email=tests@example.invalid",
                           "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def snapshot(target: Path) -> str:
    """Copy the working tree into `target`, commit it there, and return the commit SHA."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    except (subprocess.CalledProcessError, OSError):  # not a git checkout (an sdist)
        listed = [str(p.relative_to(REPO)) for top in ("migrationlint", "rules") for p in (REPO / top).rglob("*")]
        listed += ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml"]
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file() and "__pycache__" not in source.parts:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "checkout")
    return git(target, "rev-parse", "HEAD").strip()
