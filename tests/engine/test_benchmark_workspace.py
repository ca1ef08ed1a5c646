"""The generated tree's workspace data is what real monorepos have (a 1+ MB pnpm-lock.yaml with
peer-suffixed snapshots, JSONC tsconfigs in extends chains), it is deterministic, and the fast
readers read it exactly as the exact parsers do. No timing here: speed lives in benchmarks/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import json5
import pytest

from migrationlint.model import lockfiles
from migrationlint.model.tsconfig import load_jsonc, read_tsconfig
from tests.helpers import REPO

GENERATE = REPO / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "tree"
    subprocess.run([sys.executable, str(GENERATE), str(out), "--services", "2", "--files-per-service", "20"],
                   check=True, capture_output=True)
    return out


def test_generation_is_deterministic(tree, tmp_path):
    again = tmp_path / "again"
    subprocess.run([sys.executable, str(GENERATE), str(again), "--services", "2", "--files-per-service", "20"],
                   check=True, capture_output=True)
    for name in ("pnpm-lock.yaml", "package.json", "services/svc-01/tsconfig.json", "services/svc-02/package.json"):
        assert (again / name).read_bytes() == (tree / name).read_bytes(), name


def test_the_lockfile_is_real_sized_with_peer_suffixed_snapshots(tree):
    text = (tree / "pnpm-lock.yaml").read_text()
    assert len(text.encode()) >= 1_000_000
    data = lockfiles._yaml(text)
    assert len(data["packages"]) >= 3000 and len(data["importers"]) == 2 + 1 + 5
    assert sum("(" in key for key in data["snapshots"]) >= 200
    names = [key.rsplit("@", 1)[0] for key in data["packages"]]
    assert len(names) - len(set(names)) >= 300  # second majors of one package


def test_the_lockfile_reads_the_same_without_its_snapshots(tree):
    data = (tree / "pnpm-lock.yaml").read_bytes()
    fast = lockfiles.parse_lockfile("pnpm-lock.yaml", data)
    whole = lockfiles.parse_pnpm("pnpm-lock.yaml", lockfiles._yaml(data.decode()))
    for name in ("versions", "importers", "peers", "peer_ranges", "importer_peers", "settings", "version_field"):
        assert getattr(fast, name) == getattr(whole, name), name
    assert fast.importer_peers["."]  # the root's tools resolve peers


def test_tsconfigs_are_jsonc_chains_read_as_json5_reads_them(tree):
    configs = sorted(tree.rglob("tsconfig*.json")) + sorted((tree / "tsconfig").glob("*.json"))
    jsonc = [p for p in configs if "//" in p.read_text()]
    assert len(jsonc) >= 2 * 2 + 5 + 1
    for path in jsonc:
        data, error = load_jsonc(str(path))
        assert error is None and data == json5.loads(path.read_text()), path
    test_cfg = read_tsconfig(str(tree / "services/svc-01/test/tsconfig.json"))
    assert test_cfg.paths == {"@/*": ["src/*"]} and test_cfg.paths_base == str(tree / "services/svc-01")
