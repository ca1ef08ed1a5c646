""".gitignore files decide what a run lints exactly as they decide what git lists: git itself is
the oracle (`git ls-files --others --exclude-standard` in a fresh repository), over trees whose
.gitignore files at two levels are drawn from patterns of every shape the translation handles
(whitelists, negations, anchors, folder-only patterns, `**`, classes, escapes)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from migrationlint.model.discovery import discover, git_ignored
from migrationlint.model.ignore_spec import compile_lines
from tests.helpers import cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is the oracle")

FILES = [
    "a.ts", "src/a.ts", "src/keep.ts", "src/lib/x.ts", "src/lib/deep/y.ts", "svc/main.ts", "svc/src/main.ts",
    "svc/src/b/c.ts", "svc/gen/out.ts", "docs/a.ts", "Debug/x.ts", "debug/x.ts", "tmp1/z.ts", "lib/l.ts",
    "#x/h.ts", "sp ace/s.ts", "svc/lib/k.ts",
]
LINES = [
    "*", "!*/", "!*.ts", "!/svc/", "!svc/", "!/src/", "!/src/**", "!/src/**/", "!/src/**/*.ts", "lib/", "/lib",
    "lib", "!lib/", "src/lib/**", "**/deep", "svc/gen/", "[Dd]ebug/", "tmp?/", "*.ts", "!keep.ts", "gen",
    "# comment", "", "docs/*", "!docs/a.ts", "src/**/y.ts", "\\#x", "a.ts", "/a.ts", "[!a-c]*.ts",
    "sp\\ ace/", "**", "main.ts ", "!/main.ts", "b/", "/b", "src", "!src/", "*/", "lib/**/*.ts",
]
_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _tree(root: Path, ignores: dict[str, list[str]]) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True, env=_ENV)
    for rel in FILES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("export const x = 1;\n")
    for folder, lines in ignores.items():
        (root / folder / ".gitignore").write_text("".join(line + "\n" for line in lines))


def _git_lists(root: Path) -> list[str]:
    out = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "-z"], cwd=root, check=True,
                         capture_output=True, env=_ENV).stdout.decode()
    return sorted(p for p in out.split("\0") if p.endswith(".ts"))


def _linted(root: Path) -> list[str]:
    return sorted(os.path.relpath(p, root).replace(os.sep, "/") for p in discover([str(root)]).files)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(top=st.lists(st.sampled_from(LINES), max_size=6), svc=st.lists(st.sampled_from(LINES), max_size=4),
       src=st.lists(st.sampled_from(LINES), max_size=3))
def test_discovery_lists_what_git_lists(tmp_path_factory, top: list[str], svc: list[str], src: list[str]) -> None:
    root = tmp_path_factory.mktemp("repo")
    _tree(root, {".": top, "svc": svc, "src": src})
    assert _linted(root) == _git_lists(root)


def test_a_whitelist_layout_keeps_the_sources_a_nested_gitignore_re_includes(tmp_path: Path) -> None:
    """The root ignores everything but `svc/`; the service's own .gitignore ignores everything but
    its sources. Git lists `svc/src/main.ts`: the deeper file's `!` decides, not the root's `*`."""
    _tree(tmp_path, {".": ["*", "!/.gitignore", "!svc/"],
                     "svc": ["*", "!/.gitignore", "!/package.json", "!/src/", "!/src/**/", "!/src/**/*.ts"]})
    assert _linted(tmp_path) == _git_lists(tmp_path) == ["svc/src/b/c.ts", "svc/src/main.ts"]


def test_a_whitelist_layout_reaches_the_rules(tmp_path: Path) -> None:
    _tree(tmp_path, {".": ["*", "!/.gitignore", "!svc/"],
                     "svc": ["*", "!/.gitignore", "!/package.json", "!/src/", "!/src/**/", "!/src/**/*.ts"]})
    (tmp_path / "svc/package.json").write_text('{"name": "svc", "version": "1.0.0", "private": true}\n')
    (tmp_path / "svc/src/main.ts").write_text("import { missing } from './nowhere';\nconsole.log(missing);\n")
    result = cli("--no-cache", "--output-format", "concise", ".", cwd=tmp_path)
    assert result.returncode == 1 and "svc/src/main.ts:1:25: IMP002" in result.stdout.decode()


def test_a_folder_named_on_the_command_line_inside_an_ignored_folder_lints_nothing(tmp_path: Path) -> None:
    _tree(tmp_path, {".": ["src/"]})
    assert discover([str(tmp_path / "src" / "lib")]).files == []


def test_git_ignored_follows_negations_and_never_keeps_what_an_ignored_folder_holds(tmp_path: Path) -> None:
    _tree(tmp_path, {".": ["lib/", "out/*", "!out/keep/"], "svc": ["!lib/"]})
    assert git_ignored(str(tmp_path / "lib/gen.js"), str(tmp_path))
    assert not git_ignored(str(tmp_path / "svc/lib/gen.js"), str(tmp_path))  # the deeper `!lib/` keeps it
    assert git_ignored(str(tmp_path / "out/gen.js"), str(tmp_path))
    assert not git_ignored(str(tmp_path / "out/keep/gen.js"), str(tmp_path))
    assert git_ignored(str(tmp_path / "lib/keep/gen.js"), str(tmp_path))


def test_decide_answers_none_when_no_pattern_names_the_entry() -> None:
    spec = compile_lines(["node_modules/", "*.log", "!keep.log", "/build", "docs/public"])
    assert spec.decide("src/app.module.ts", False) is None
    assert spec.decide("logs/x.log", False) is True
    assert spec.decide("logs/keep.log", False) is False
    assert spec.decide("node_modules", False) is None  # a file: the pattern names folders only
    assert spec.decide("sub/build", True) is None  # anchored to the .gitignore's folder
    assert spec.decide("docs/public", True) is True
