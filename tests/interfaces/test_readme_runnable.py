"""Every README block marked `<!-- runnable -->` runs as written, in order, in a temporary repository.

The repository is a copy of fixtures/monorepo committed in git; a fresh virtual environment is
first on the PATH, and MIGRATIONLINT_REPO / MIGRATIONLINT_REV name this checkout as a git URL and
commit (see tests/checkout.py), the two variables the README asks its readers to set. Shell blocks
run with `bash -euo pipefail`; of a GitHub workflow block, the `run:` steps run in order with their
`env:` (`${{ vars.NAME }}` taken from the variables above), as GitHub's bash shell runs them; the
`uses:` steps are GitHub's own. Each must exit 0. It needs git and the package registry (it
installs migrationlint from the git URL), and is skipped when the first install cannot reach it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from tests.checkout import REPO, git, snapshot

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"<!-- runnable -->\n```(sh|yaml)\n(.*?)```", re.S)
OFFLINE = ("Could not find a version", "No matching distribution", "Failed to establish a new connection",
           "Temporary failure in name resolution", "Network is unreachable")


def runnable_blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(README)]


def workflow_steps(text: str, variables: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """(command, env) of every `run:` step of a workflow, `${{ vars.NAME }}` resolved."""
    steps = []
    for job in yaml.safe_load(text)["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                env = {k: re.sub(r"\$\{\{\s*vars\.(\w+)\s*\}\}", lambda m: variables[m.group(1)], str(v))
                       for k, v in (step.get("env") or {}).items()}
                steps.append((step["run"], env))
    return steps


def test_readme_marks_the_install_adoption_pre_commit_and_ci_blocks_runnable():
    blocks = runnable_blocks()
    text = "\n".join(body for _, body in blocks)
    assert 'pip install "git+${MIGRATIONLINT_REPO}@${MIGRATIONLINT_REV}"' in text
    assert "migrationlint --baseline-write" in text and "migrationlint --baseline-prune" in text
    assert "pre-commit run migrationlint --all-files" in text
    assert sum(1 for kind, _ in blocks if kind == "yaml") == 2  # both CI workflows
    assert "pipx install \"git+${MIGRATIONLINT_REPO}@${MIGRATIONLINT_REV}\"" in text
    assert "pip install migrationlint" not in README  # not on PyPI
    assert "rev: v" not in README  # no invented release tags


@pytest.mark.integration
def test_every_runnable_readme_block_runs(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    source = tmp_path / "migrationlint-repo"
    source.mkdir()
    rev = snapshot(source)
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "fixtures" / "monorepo", repo, ignore=shutil.ignore_patterns(".migrationlint_cache"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the monorepo")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    home = tmp_path / "home"
    home.mkdir()
    variables = {"MIGRATIONLINT_REPO": source.as_uri(), "MIGRATIONLINT_REV": rev}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PYTHON", "PIP_", "PRE_COMMIT"))}
    env.update(variables, HOME=str(home), VIRTUAL_ENV=str(venv), NO_COLOR="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PATH=str(venv / "bin") + os.pathsep + env.get("PATH", ""),
               GIT_AUTHOR_NAME="README reader", GIT_AUTHOR_EMAIL="reader@example.invalid",
               GIT_COMMITTER_NAME="README reader", GIT_COMMITTER_EMAIL="reader@example.invalid")
    env.pop("VIRTUAL_ENV_PROMPT", None)
    for number, (kind, body) in enumerate(runnable_blocks(), 1):
        commands = [(body, {})] if kind == "sh" else workflow_steps(body, variables)
        for command, extra in commands:
            shell = ["bash", "-euo", "pipefail", "-c"] if kind == "sh" else ["bash", "--noprofile", "--norc", "-eo",
                                                                               "pipefail", "-c"]
            done = subprocess.run([*shell, command], cwd=repo, env={**env, **extra}, capture_output=True, text=True,
                                  timeout=900)
            output = done.stdout + done.stderr
            if done.returncode != 0 and number == 1 and any(sign in output for sign in OFFLINE):
                pytest.skip("cannot install from the package registry here: " + output[-300:])
            assert done.returncode == 0, f"README runnable block {number} ({kind}) failed:\n{command}\n---\n{output}"
    sarif = json.loads((repo / "migrationlint.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    assert (repo / "migrationlint-baseline.json").is_file()
