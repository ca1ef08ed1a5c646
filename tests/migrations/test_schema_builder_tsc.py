"""The TypeScript compiler as an oracle for the MIG010-MIG013 rule pages.

Every `fixed` example must type-check against the current TypeORM 0.3 release, and every `bad`
example that has a fixed form must not (tsc catches these mistakes; SWC and transpile-only builds
do not, which is why the rules exist). The second half proves the oracle is really checking.

Needs npm and the registry: typeorm and typescript are installed once into
~/.cache/migrationlint-tests/tsc-oracle/<versions>/ and reused. Skipped, not failed, only when npm
or the registry cannot be reached and nothing is cached yet.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.page_runner import DEFAULT_PATH, all_examples

pytestmark = pytest.mark.integration

CODES = ("MIG010", "MIG011", "MIG012", "MIG013")
CACHE = Path(os.environ.get("MIGRATIONLINT_TEST_CACHE", Path.home() / ".cache" / "migrationlint-tests")) / "tsc-oracle"
TSCONFIG = {
    "compilerOptions": {
        "target": "ES2021",
        "lib": ["ES2021"],
        "module": "commonjs",
        "moduleResolution": "node",
        "experimentalDecorators": True,
        "strict": False,
        "skipLibCheck": True,
        "noEmit": True,
        "types": [],
    },
}
DIAG = re.compile(r"^(?P<file>[^(\n]+)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>TS\d+): (?P<msg>.*)$", re.M)


def _npm_latest(spec: str) -> str | None:
    """The newest version matching `spec` from the registry, or None when npm or the registry is
    unreachable (quick, with a timeout)."""
    npm = shutil.which("npm")
    if npm is None:
        return None
    try:
        out = subprocess.run([npm, "view", spec, "version", "--json"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    value = json.loads(out.stdout or "null")
    versions = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and "-" not in v]
    return max(versions, key=lambda v: tuple(int(p) for p in v.split(".")), default=None)


def _cached_install() -> Path | None:
    existing = sorted(CACHE.glob("typeorm-0.3.*-typescript-5.*"), key=lambda p: p.stat().st_mtime)
    return existing[-1] if existing else None


def _install(typeorm: str, typescript: str) -> Path:
    """node_modules with exactly these versions, installed once (into a temporary folder renamed into
    place, so an interrupted install never leaves a half-filled cache)."""
    target = CACHE / f"typeorm-{typeorm}-typescript-{typescript}"
    if (target / "node_modules" / "typescript" / "bin" / "tsc").is_file():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="install-", dir=CACHE))
    (staging / "package.json").write_text('{"private": true}\n')
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock",
         f"typeorm@{typeorm}", f"typescript@{typescript}"],
        cwd=staging, check=True, capture_output=True, timeout=600,
    )
    try:
        staging.rename(target)
    except OSError:  # another run got there first
        shutil.rmtree(staging, ignore_errors=True)
    return target


@pytest.fixture(scope="module")
def toolchain() -> Path:
    typeorm = _npm_latest("typeorm@0.3")
    typescript = _npm_latest("typescript@5")
    if typeorm is None or typescript is None:
        cached = _cached_install()
        if cached is None:
            pytest.skip("npm or the npm registry is unreachable and no tsc oracle is cached")
        return cached
    return _install(typeorm, typescript)


def _examples():
    """(id, role, text) for every fixed example and every bad example that has a fixed form."""
    out = []
    for code, index, ex in all_examples():
        if code not in CODES or ex.fixed is None:
            continue
        name = f"{code}-{index}"
        out.append((name + "-fixed", "fixed", ex.fixed.code))
        if ex.block.options.get("tsc") != "silenced":  # a cast hides the mistake from tsc on purpose
            out.append((name + "-bad", "bad", ex.block.code))
    return out


@pytest.fixture(scope="module")
def compiled(toolchain: Path, tmp_path_factory) -> dict[str, list[str]]:
    """Type-check every example in one tsc run; errors per example id."""
    root = tmp_path_factory.mktemp("tsc-oracle")
    (root / "node_modules").symlink_to(toolchain / "node_modules", target_is_directory=True)
    files = []
    for ident, _, text in _examples():
        path = root / "examples" / f"{ident}.ts"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
        files.append(f"examples/{ident}.ts")
    (root / "tsconfig.json").write_text(json.dumps({**TSCONFIG, "files": files}, indent=2))
    tsc = toolchain / "node_modules" / "typescript" / "bin" / "tsc"
    out = subprocess.run(["node", str(tsc), "-p", "tsconfig.json", "--pretty", "false"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    errors: dict[str, list[str]] = {ident: [] for ident, _, _ in _examples()}
    for m in DIAG.finditer(out.stdout):
        ident = Path(m["file"]).stem
        errors.setdefault(ident, []).append(f"{m['line']}:{m['col']} {m['code']} {m['msg']}")
    unexplained = out.stdout.strip() if out.returncode != 0 and not DIAG.search(out.stdout) else ""
    assert not unexplained, f"tsc failed without diagnostics: {unexplained}\n{out.stderr}"
    return errors


def test_examples_exist():
    roles = {role for _, role, _ in _examples()}
    assert roles == {"fixed", "bad"}
    assert DEFAULT_PATH  # the page runner's default file name is a .ts module too


@pytest.mark.parametrize("ident", [i for i, role, _ in _examples() if role == "fixed"])
def test_fixed_example_type_checks(compiled, ident):
    assert compiled[ident] == [], f"{ident} does not type-check:\n" + "\n".join(compiled[ident])


@pytest.mark.parametrize("ident", [i for i, role, _ in _examples() if role == "bad"])
def test_bad_example_does_not_type_check(compiled, ident):
    assert compiled[ident], f"{ident} type-checks, so tsc is not catching what the rule reports"
