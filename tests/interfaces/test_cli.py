"""The command line: formats, exit codes, rule documentation, and the installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.helpers import cli, migration, workspace
from tests.helpers import REPO

BAD = "src/migrations/1695682464-FinanceServiceInitial.ts"


def test_check_is_the_default_command_and_exit_codes(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    assert cli(str(tmp_path)).returncode == 1
    assert cli("check", str(tmp_path)).returncode == 1
    assert cli("--exit-zero", str(tmp_path)).returncode == 0
    assert cli("--output-format", "xml", str(tmp_path)).returncode == 2
    assert cli("--bogus-flag", str(tmp_path)).returncode == 2


def test_concise_format(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    r = cli("--output-format", "concise", ".", cwd=tmp_path)
    (line,) = r.stdout.decode().splitlines()
    assert line.startswith(f"{BAD}:3:14: MIG001 error: Migration name 'FinanceServiceInitial1695682464' is invalid")


def test_full_format_has_frame_marker_and_summary(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    out = cli(".", cwd=tmp_path).stdout.decode()
    assert f"{BAD}:3:14: MIG001 [*] error: Migration name" in out
    assert "    3 | export class FinanceServiceInitial1695682464 implements MigrationInterface {" in out
    assert "|              " + "^" * len("FinanceServiceInitial1695682464") in out
    assert "Found 1 error (1 fixable with --fix)." in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_force_color(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    env = {**os.environ, "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    r = subprocess.run([sys.executable, "-m", "migrationlint", "."], cwd=tmp_path, capture_output=True, env=env)
    assert b"\x1b[" in r.stdout


def test_fix_reports_counts(tmp_path):
    workspace(tmp_path, {BAD: migration("FinanceServiceInitial1695682464")})
    out = cli("--fix", ".", cwd=tmp_path).stdout.decode()
    assert "Fixed 1 error; nothing remaining." in out


def test_unsafe_fixes(tmp_path):
    path = "src/migrations/20250925034424-RulesEngineServiceInitial.ts"
    workspace(tmp_path, {path: migration("RulesEngineServiceInitial20250925034424"),  # runs before the older one:
                         "src/migrations/1750000000000-CreateUsers.ts": migration("CreateUsers1750000000000")})
    assert cli("--fix", ".", cwd=tmp_path).returncode == 1
    assert b"RulesEngineServiceInitial20250925034424" in (tmp_path / path).read_bytes()
    assert cli("--fix", "--unsafe-fixes", ".", cwd=tmp_path).returncode == 0
    assert b"RulesEngineServiceInitial1758771864000" in (tmp_path / path).read_bytes()


def test_rule_and_rules_commands():
    r = cli("rule", "MIG001")
    assert r.returncode == 0 and r.stdout.decode().startswith("# MIG001 migration-name-invalid")
    r = cli("rules")
    lines = r.stdout.decode().splitlines()
    assert lines[0].split() == ["Code", "Name", "Severity", "Default", "Fix"]
    assert any(line.split()[:2] == ["MIG002", "migration-name-placeholder"] for line in lines)
    assert cli("rule", "NOPE999").returncode == 2


def test_version():
    from migrationlint import __version__

    r = cli("--version")
    assert r.returncode == 0 and r.stdout.decode().strip() == f"migrationlint {__version__}"


@pytest.mark.integration
def test_rule_pages_ship_in_the_wheel(tmp_path):
    """Build the wheel (needs hatchling from the registry) and run `rule`/`rules` from it alone."""
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                           capture_output=True, timeout=600)
    if build.returncode != 0:
        pytest.skip("cannot build the wheel here (no registry?): " + build.stderr.decode()[-300:])
    (wheel,) = tmp_path.glob("migrationlint-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "migrationlint/_rules/MIG001-migration-name-invalid.md" in names
        zf.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    r = subprocess.run([sys.executable, "-m", "migrationlint", "rule", "MIG002"], cwd=tmp_path, capture_output=True,
                       env=env)
    assert r.returncode == 0 and r.stdout.decode().startswith("# MIG002 migration-name-placeholder")
    check = subprocess.run([sys.executable, "-c", "import migrationlint, sys; print(migrationlint.__file__)"],
                           cwd=tmp_path, capture_output=True, env=env)
    assert str(site) in check.stdout.decode()


def test_the_entry_exits_without_teardown_and_loses_no_output(tmp_path, capsys):
    """`python -m migrationlint` ends with os._exit after flushing (freeing a large run's objects
    one by one took a second): the report and the exit code are main()'s, to the last byte."""
    from migrationlint.cli import main

    files = {f"src/migrations/16956824{i:02d}-Initial{i}.ts": migration(f"Initial{i}16956824{i:02d}") for i in range(40)}
    workspace(tmp_path, files)
    code = main(["--no-cache", "--output-format", "json", str(tmp_path)])
    expected = capsys.readouterr().out
    r = cli("--no-cache", "--output-format", "json", str(tmp_path))
    assert r.returncode == code == 1
    assert r.stdout.decode() == expected and len(expected) > 10_000


def test_the_language_server_exits_cleanly_after_shutdown(tmp_path):
    """The server closes its standard streams on `exit`: the entry's final flush must not turn
    that into a traceback (it did once)."""
    import json as _json

    def message(payload: dict) -> bytes:
        body = _json.dumps(payload).encode()
        return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)

    stdin = b"".join(message(m) for m in (
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ))
    r = subprocess.run([sys.executable, "-m", "migrationlint", "server"], input=stdin, capture_output=True,
                       timeout=60, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert b'"id": 2' in r.stdout or b'"id":2' in r.stdout  # the shutdown was answered
    assert b"Traceback" not in r.stderr, r.stderr.decode()
    assert r.returncode == 0


def test_statistics_count_findings_per_rule_and_package(tmp_path):
    """`--statistics`: one line per rule and package, largest first, with the manifests involved
    and `[*]` where `--fix` applies (a thousand identical lines on a real repository buried the
    few that differed); `--output-format json` gives the same as records; the exit code is a lint's."""
    import json as _json

    root = tmp_path / "repo"
    for rel, text in {
        "package.json": '{"name": "acme", "private": true, "workspaces": ["services/*"], "dependencies": {"typeorm": "^0.3.20"}}',
        "services/a/package.json": '{"name": "a", "private": true, "scripts": {"start": "node dist/main.js"}}',
        "services/b/package.json": '{"name": "b", "private": true, "scripts": {"start": "node dist/main.js"}}',
        "services/a/src/main.ts": "import x from 'left-pad';\nimport y from 'left-pad/x';\nexport const z = [x, y];\n",
        "services/b/src/main.ts": "import x from 'left-pad';\nexport const z = x;\n",
        "src/migrations/1695682464-A.ts": migration("A1695682464"),
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    r = cli("check", "--statistics", "--select", "DEP001,MIG001", str(root), cwd=root)
    lines = r.stdout.decode().splitlines()
    assert r.returncode == 1 and len(lines) == 2, lines
    assert lines[0].split("\t")[:2] == ["3", "DEP001"] and '"left-pad" (2 manifests)' in lines[0]
    assert lines[1].split("\t")[:2] == ["1", "MIG001"] and "[*] migration-name-invalid" in lines[1]
    records = _json.loads(cli("check", "--statistics", "--output-format", "json", "--select", "DEP001,MIG001",
                              str(root), cwd=root).stdout)
    assert [(r["code"], r["package"], r["count"], r["manifests"]) for r in records] == [
        ("DEP001", "left-pad", 3, 2), ("MIG001", None, 1, 0)]


def test_full_format_prints_a_repeated_finding_once(tmp_path):
    """One missing package imported from three files is one message and one fix: the first place
    prints them and says how many follow; the others point back to it, each with its code frame."""
    workspace(tmp_path, {
        "package.json": '{"name": "repo", "private": true, "workspaces": ["services/*"]}\n',
        "services/api/package.json": '{"name": "api", "dependencies": {"@nestjs/core": "^10.0.0"}}\n',
        "services/worker/package.json": '{"name": "worker", "dependencies": {"ioredis": "^5.4.1"}}\n',
        "services/worker/src/main.ts": "import Redis from 'ioredis';\nnew Redis();\n",
        "services/api/src/a.ts": "import Redis from 'ioredis';\nexport const a = new Redis();\n",
        "services/api/src/b.ts": "import Redis from 'ioredis';\nexport const b = new Redis();\n",
        "services/api/src/main.ts": "import { a } from './a';\nimport { b } from './b';\nimport Redis from 'ioredis';\n"
                                    "console.log(a, b, Redis);\n",
    })
    full = cli("--select", "DEP001", ".", cwd=tmp_path).stdout.decode()
    concise = cli("--select", "DEP001", "--output-format", "concise", ".", cwd=tmp_path).stdout.decode()
    message = concise.splitlines()[0].split(" error: ", 1)[1]
    assert len(concise.splitlines()) == 3 and all(message in line for line in concise.splitlines())
    assert full.count(message) == 1 and full.count("= help") == 1
    assert "   = note: the same finding at 2 more places below" in full
    first = "services/api/src/a.ts:1:19"
    assert f"services/api/src/b.ts:1:19: DEP001 [*] error: the same finding as {first} (its message is printed there)" in full
    assert f"services/api/src/main.ts:3:19: DEP001 [*] error: the same finding as {first}" in full
    assert full.count("import Redis from 'ioredis';") == 3  # every place keeps its code frame
    assert "Found 3 errors" in full
