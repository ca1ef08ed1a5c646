"""Parsed workspace data by content digest: an unchanged lockfile is not parsed again (in this
process or the next), a changed one is, and the fast readers answer exactly what the exact
parsers answer (JSONC vs json5, pnpm without `snapshots:` vs the whole file, orjson vs json)."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import json5
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migrationlint.model import jsonc, lockfiles, parsed_cache
from migrationlint.model.jsonc import loads, loads_jsonc, strip_jsonc
from migrationlint.model.lockfiles import parse_pnpm, read_lockfile
from migrationlint.model.parsed_cache import ParsedCache
from migrationlint.model.workspace import Workspace
from tests.helpers import TEST_DATA, age_tree, record_calls

DATA = TEST_DATA / "deps"


@pytest.fixture(autouse=True)
def _fresh_process_memory():
    parsed_cache.forget_memory()
    yield
    parsed_cache.forget_memory()


def _pnpm_workspace(root: Path) -> Path:
    shutil.copy(DATA / "pnpm-v9" / "pnpm-lock.yaml", root / "pnpm-lock.yaml")
    (root / "package.json").write_text('{"name": "root", "packageManager": "pnpm@9.15.0"}')
    return root / "pnpm-lock.yaml"


def _count_parses(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = lockfiles.parse_pnpm

    def counting(path, data):
        calls.append(path)
        return real(path, data)

    monkeypatch.setattr(lockfiles, "parse_pnpm", counting)
    return calls


def test_an_unchanged_lockfile_is_parsed_once_across_runs(tmp_path, monkeypatch):
    _pnpm_workspace(tmp_path)
    calls = _count_parses(monkeypatch)
    cache_dir = str(tmp_path / ".migrationlint_cache")
    first = Workspace(str(tmp_path), cache_dir=cache_dir).lockfile
    parsed_cache.forget_memory()  # the next run is another process: only the disk remains
    second = Workspace(str(tmp_path), cache_dir=cache_dir).lockfile
    assert len(calls) == 1
    assert first is not None and second is not None
    assert second.versions == first.versions and second.importers == first.importers
    assert second.peers == first.peers and second.peer_ranges == first.peer_ranges
    assert (tmp_path / ".migrationlint_cache" / ".gitignore").is_file()


def test_a_changed_lockfile_is_parsed_again(tmp_path, monkeypatch):
    lock = _pnpm_workspace(tmp_path)
    calls = _count_parses(monkeypatch)
    cache_dir = str(tmp_path / ".migrationlint_cache")
    assert Workspace(str(tmp_path), cache_dir=cache_dir).lockfile.resolved("ioredis") == "5.4.1"
    lock.write_text(lock.read_text().replace("5.4.1", "5.4.9"))
    parsed_cache.forget_memory()
    assert Workspace(str(tmp_path), cache_dir=cache_dir).lockfile.resolved("ioredis") == "5.4.9"
    assert len(calls) == 2
    stored = list((tmp_path / ".migrationlint_cache" / "parsed").iterdir())
    assert len(stored) == 1  # the new content replaced the old one


def test_the_process_memory_spares_the_fixers_passes_without_a_disk_cache(tmp_path, monkeypatch):
    _pnpm_workspace(tmp_path)
    calls = _count_parses(monkeypatch)
    for _ in range(3):  # --no-cache: nothing on disk, one parse for the process
        assert Workspace(str(tmp_path)).lockfile is not None
    assert len(calls) == 1
    assert not (tmp_path / ".migrationlint_cache").exists()


def test_a_corrupt_or_foreign_stored_parse_is_a_miss(tmp_path, monkeypatch):
    lock = _pnpm_workspace(tmp_path)
    calls = _count_parses(monkeypatch)
    cache = ParsedCache(str(tmp_path / "c"))
    read_lockfile(str(lock), cache)
    (stored,) = (tmp_path / "c" / "parsed").iterdir()
    stored.write_bytes(stored.read_bytes()[:-20])
    parsed_cache.forget_memory()
    assert read_lockfile(str(lock), ParsedCache(str(tmp_path / "c"))).resolved("ioredis") == "5.4.1"
    stored.write_bytes(b"something else\n")
    parsed_cache.forget_memory()
    assert read_lockfile(str(lock), ParsedCache(str(tmp_path / "c"))).resolved("ioredis") == "5.4.1"
    assert len(calls) == 3


def test_an_unparseable_lockfile_is_stored_as_absent(tmp_path):
    (tmp_path / "pnpm-lock.yaml").write_text("importers: [unclosed\n")
    cache = ParsedCache(str(tmp_path / "c"))
    assert read_lockfile(str(tmp_path / "pnpm-lock.yaml"), cache) is None
    parsed_cache.forget_memory()
    again = ParsedCache(str(tmp_path / "c"))
    assert read_lockfile(str(tmp_path / "pnpm-lock.yaml"), again) is None and again.parsed == 0



def test_a_stored_parse_is_kept_only_while_every_parser_module_is_unchanged(tmp_path):
    """The parser of a yarn.lock lives in three modules: a change to any of them parses again."""
    front, helper = tmp_path / "front.py", tmp_path / "helper.py"
    front.write_text("def parse(): ...\n")
    helper.write_text("def helper(): ...\n")
    data = b"lockfileVersion: '9.0'\n"
    ParsedCache(str(tmp_path / "c")).get("lock.yaml", data, lambda raw: "first", (str(front), str(helper)))
    parsed_cache.forget_memory()
    assert ParsedCache(str(tmp_path / "c")).get("lock.yaml", data, lambda raw: "second", (str(front), str(helper))) == "first"
    helper.write_text("def helper(): return 1\n")
    parsed_cache.forget_memory()
    assert ParsedCache(str(tmp_path / "c")).get("lock.yaml", data, lambda raw: "third", (str(front), str(helper))) == "third"

# ----------------------------------------------------------------------------- pnpm sections

def _lock_fields(lock) -> tuple:
    return (lock.kind, lock.versions, lock.importers, lock.peers, lock.peer_ranges, lock.importer_peers,
            lock.version_field, lock.settings)


@pytest.mark.parametrize("name", ["pnpm-v6", "pnpm-v9"])
def test_pnpm_without_snapshots_equals_the_whole_file(name):
    text = (DATA / name / "pnpm-lock.yaml").read_text()
    fast = lockfiles.parse_lockfile("pnpm-lock.yaml", text.encode())
    whole = parse_pnpm("pnpm-lock.yaml", lockfiles._yaml(text))
    assert _lock_fields(fast) == _lock_fields(whole)


def test_an_alias_into_the_snapshots_section_falls_back_to_the_whole_file():
    text = ("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1.0.0\n"
            "        version: 1.0.0\npackages:\n  a@1.0.0: {}\nsnapshots:\n  a@1.0.0: &snap\n    dependencies: {}\n"
            "extra: *snap\n")
    assert lockfiles._pnpm_yaml(text) == lockfiles._yaml(text)


def test_a_snapshots_section_in_the_middle_keeps_the_sections_after_it():
    text = ("lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0: {}\n# comment\n\npackages:\n  a@1.0.0:\n"
            "    resolution: {integrity: x}\n")
    assert lockfiles._pnpm_yaml(text) == {"lockfileVersion": "9.0", "packages": {"a@1.0.0": {"resolution": {"integrity": "x"}}}}


# ----------------------------------------------------------------------------- JSONC and JSON

_scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.text(st.sampled_from('ab/*"\\, \t:{}[]é'), max_size=8))
_values = st.recursive(_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(st.sampled_from("ab/*,"), max_size=4), inner, max_size=4)),
    max_leaves=12)
_noise = st.sampled_from(["", " ", "\n", "// c // \"x\"\n", "/* b, ] */", "/**/", "/* // */", "\t"])


def _render(value, draw_noise, trailing) -> str:
    """JSON text of `value` with comments between tokens and (maybe) trailing commas."""
    if isinstance(value, list):
        items = [_render(v, draw_noise, trailing) for v in value]
        tail = "," if items and trailing() else ""
        return "[" + draw_noise() + ("," + draw_noise()).join(items) + tail + draw_noise() + "]"
    if isinstance(value, dict):
        items = [json.dumps(k) + draw_noise() + ":" + draw_noise() + _render(v, draw_noise, trailing)
                 for k, v in value.items()]
        tail = "," if items and trailing() else ""
        return "{" + draw_noise() + ("," + draw_noise()).join(items) + tail + draw_noise() + "}"
    return json.dumps(value)


@settings(max_examples=150, deadline=None)
@given(value=_values, data=st.data())
def test_fast_jsonc_reads_what_json5_reads(value, data):
    text = data.draw(_noise) + _render(value, lambda: data.draw(_noise), lambda: data.draw(st.booleans())) + data.draw(_noise)
    assert loads_jsonc(text) == json5.loads(text) == value


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.sampled_from('{}[],:"/*\n 1a\\\'\u2028'), max_size=24))
def test_fast_jsonc_never_disagrees_with_json5_on_arbitrary_text(text):
    try:
        expected = json5.loads(text)
    except Exception:
        expected = ValueError
    try:
        got = loads_jsonc(text)
    except ValueError:
        return  # the caller falls back to json5 itself
    assert got == expected


@pytest.mark.parametrize("text", ["[,]", "[1,,]", "{,}", '{"a": 1} /* open', "[1, // x\u2028 2]\n]", "{a: 1}",
                                  "{'a': 'http://x'}"])
def test_what_the_fast_path_leaves_to_json5(text):
    assert strip_jsonc(text) is None or pytest.raises(ValueError, loads_jsonc, text)


@contextlib.contextmanager
def _orjson_for_every_size():
    """Small texts go to the standard parser (jsonc.ORJSON_FROM): these tests send every text to orjson."""
    saved, jsonc.ORJSON_FROM = jsonc.ORJSON_FROM, 0
    try:
        yield
    finally:
        jsonc.ORJSON_FROM = saved


@settings(max_examples=200, deadline=None)
@given(value=_values)
def test_orjson_path_equals_the_standard_parser(value):
    text = json.dumps(value)
    with _orjson_for_every_size():
        assert loads(text) == json.loads(text)


@pytest.mark.parametrize("text", ['{"a": NaN}', '{"a": 123456789012345678901234567890}', '"\\ud800"', '{"a": 1, "a": 2}'])
def test_orjson_gaps_fall_back_to_the_standard_parser(text):
    with _orjson_for_every_size():
        got = loads(text)
    assert repr(got) == repr(json.loads(text))


@pytest.mark.parametrize("size", [0, None])  # orjson, the standard parser
def test_invalid_json_keeps_the_standard_error(size):
    with _orjson_for_every_size() if size == 0 else contextlib.nullcontext():
        with pytest.raises(json.JSONDecodeError) as info:
            loads('{"a": }')
    assert (info.value.msg, info.value.pos) == ("Expecting value", 6)


def test_a_large_text_is_read_by_orjson_and_a_small_one_without_importing_it():
    import subprocess
    import sys

    code = ("import sys, json; from migrationlint.model.jsonc import loads, ORJSON_FROM\n"
            "assert loads(json.dumps({'a': 1})) == {'a': 1}; print('orjson' in sys.modules)\n"
            "big = json.dumps({'k%d' % i: i for i in range(ORJSON_FROM // 8)}); assert len(big) >= ORJSON_FROM\n"
            "assert loads(big)['k3'] == 3; print('orjson' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


# ----------------------------------------------------------------------------- manifest directories

def _age(root: Path) -> None:
    """Every directory's mtime in the past, so that the walk may be trusted (not racy)."""
    age_tree(root, files=False)


def _count_walks(monkeypatch) -> list[str]:
    from migrationlint.model import manifest_walk

    return record_calls(monkeypatch, manifest_walk, "walk")


def test_manifest_dirs_are_not_walked_again_while_no_directory_changed(tmp_path, monkeypatch):
    from migrationlint.model.workspace import manifest_dirs

    tree = tmp_path / "repo"
    for rel in ("packages/a", "packages/b/src", "packages/b/node_modules/x", "docs"):
        (tree / rel).mkdir(parents=True)
    for rel in ("", "packages/a", "packages/b", "packages/b/node_modules/x"):
        (tree / rel / "package.json").write_text("{}")
    _age(tree)
    cache = str(tmp_path / "cache")
    calls = _count_walks(monkeypatch)
    expected = [str(tree), str(tree / "packages/a"), str(tree / "packages/b")]
    assert manifest_dirs(str(tree), cache) == expected == manifest_dirs(str(tree))
    assert manifest_dirs(str(tree), cache) == expected
    assert len(calls) == 2  # the first run and the run without a cache, not the second cached one
    (tree / "docs" / "package.json").write_text("{}")  # a new manifest changes its directory's mtime
    assert manifest_dirs(str(tree), cache) == [*expected[:1], str(tree / "docs"), *expected[1:]]
    assert len(calls) == 3


def test_a_walk_over_directories_changed_just_now_is_vouched_for_by_their_entries(tmp_path, monkeypatch):
    """A directory changed within the timestamp tick cannot vouch by its mtime: it is stamped by
    its entries, so that a package.json added in the same tick is still seen."""
    from migrationlint.model.workspace import manifest_dirs

    repo = tmp_path / "repo"
    (repo / "pkg").mkdir(parents=True)
    (repo / "pkg" / "package.json").write_text("{}")
    calls = _count_walks(monkeypatch)
    cache = str(tmp_path / "cache")
    assert manifest_dirs(str(repo), cache) == [str(repo / "pkg")]
    assert manifest_dirs(str(repo), cache) == [str(repo / "pkg")]
    assert len(calls) == 1
    (repo / "other").mkdir()  # the same tick as the listing, most likely: the entries tell
    (repo / "other" / "package.json").write_text("{}")
    assert manifest_dirs(str(repo), cache) == [str(repo / "other"), str(repo / "pkg")]
    assert len(calls) == 2


def test_a_file_added_just_after_a_run_is_discovered(tmp_path):
    from migrationlint.model.discovery import discover

    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    (repo / "src" / "a.ts").write_text("export const a = 1;\n")
    cache = str(tmp_path / "cache")
    assert discover([str(repo)], cache_dir=cache).files == [str(repo / "src" / "a.ts")]
    (repo / "src" / "b.ts").write_text("export const b = 1;\n")
    assert discover([str(repo)], cache_dir=cache).files == [str(repo / "src" / "a.ts"), str(repo / "src" / "b.ts")]
    (repo / ".gitignore").write_text("b.ts\n")  # a .gitignore edited just now: not vouched for, walked
    assert discover([str(repo)], cache_dir=cache).files == [str(repo / "src" / "a.ts")]


def test_the_cache_folder_created_in_the_root_does_not_force_another_walk(tmp_path, monkeypatch):
    """A first run creates `.migrationlint_cache` in the workspace root after listing it; a folder
    no walker reads is left out of the root's entry stamp, so the next run reuses the listing."""
    from migrationlint.model import discovery

    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    (repo / "src" / "a.ts").write_text("export const a = 1;\n")
    cache = repo / ".migrationlint_cache"
    walks: list[int] = []
    real = discovery._discover

    def counting(*args):
        walks.append(1)
        return real(*args)

    monkeypatch.setattr(discovery, "_discover", counting)
    assert discovery.discover([str(repo)], cache_dir=str(cache)).files == [str(repo / "src" / "a.ts")]
    assert cache.is_dir()  # the stored listing lives there: created after the walk
    assert discovery.discover([str(repo)], cache_dir=str(cache)).files == [str(repo / "src" / "a.ts")]
    assert len(walks) == 1
    (repo / "b.ts").write_text("export const b = 1;\n")  # any other new entry is seen
    assert discovery.discover([str(repo)], cache_dir=str(cache)).files == [str(repo / "b.ts"), str(repo / "src" / "a.ts")]
    assert len(walks) == 2
