"""The .gitignore prefilter never changes an answer: IgnoreSpec.match_file equals pathspec's on
patterns of every shape it treats specially (component names, suffixes) and those it does not."""

from __future__ import annotations

import pathspec
from hypothesis import given, settings, strategies as st

from migrationlint.model.ignore_spec import compile_lines

LINES = [
    "node_modules/", "dist", "*.log", "!keep.log", "/build", "**/fixtures/**/*.input.*", "docs/public",
    ".env", "coverage/", "*.tmp_proj", "[Dd]ebug/", "[Bb]in/", "**/generated", "lib/**", "a-b.c+d", "*~",
    "!important.log", "foo/**/bar", "\\#literal", "tmp*", "*.d.ts", "!src/keep.d.ts", "sub/dir/",
]
PARTS = ["node_modules", "dist", "src", "keep.log", "x.log", "build", "fixtures", "a.input.ts", "docs", "public",
         ".env", "coverage", "Debug", "bin", "generated", "lib", "a-b.c+d", "file~", "important.log", "foo", "bar",
         "#literal", "tmpdir", "types.d.ts", "keep.d.ts", "sub", "dir", "a.ts", "Bin", "x.tmp_proj"]


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(st.sampled_from(LINES), min_size=1, max_size=10),
       parts=st.lists(st.sampled_from(PARTS), min_size=1, max_size=5), is_dir=st.booleans())
def test_the_prefilter_agrees_with_pathspec(lines: list[str], parts: list[str], is_dir: bool) -> None:
    rel = "/".join(parts) + ("/" if is_dir else "")
    assert compile_lines(lines).match_file(rel) == pathspec.GitIgnoreSpec.from_lines(lines).match_file(rel)


def test_every_path_of_a_long_real_world_gitignore_agrees() -> None:
    spec = compile_lines(LINES)
    exact = pathspec.GitIgnoreSpec.from_lines(LINES)
    for a in PARTS:
        for b in PARTS:
            for rel in (a, f"{a}/{b}", f"{a}/{b}/", f"src/{a}/{b}"):
                assert spec.match_file(rel) == exact.match_file(rel), rel


def test_pathspec_compiles_only_when_a_path_gets_past_the_prefilter(monkeypatch) -> None:
    compiled: list[int] = []
    real = pathspec.GitIgnoreSpec.from_lines
    monkeypatch.setattr(pathspec.GitIgnoreSpec, "from_lines", lambda lines: compiled.append(1) or real(lines))
    spec = compile_lines(["node_modules/", "*.log", "/build", "docs/public"])
    assert not spec.match_file("src/app.module.ts") and compiled == []
    assert spec.match_file("logs/x.log") and compiled == [1]
    assert not spec.match_file("keep.logs") and compiled == [1]
