"""Bad input never crashes the run or loses data: each row asserts the message and that the rest
of the tree was still linted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.helpers import cli, migration, workspace

GOOD_BAD = "src/migrations/1695682464-Finance.ts"  # a real finding that must still be reported


def _run(tmp_path, *extra: str) -> tuple[int, list[str]]:
    r = cli("--output-format", "concise", *extra, ".", cwd=tmp_path)
    assert not r.stderr.decode().startswith("migrationlint: internal error"), r.stderr.decode()
    return r.returncode, r.stdout.decode().splitlines()


def _still_linted(lines: list[str]) -> bool:
    return any(line.startswith(f"{GOOD_BAD}:3:14: MIG001") for line in lines)


def test_binary_file(tmp_path):
    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"),
                         "src/migrations/1700000000000-Bin.ts": b"export class A\x00\x01\x02 {}"})
    rc, lines = _run(tmp_path)
    assert rc == 1 and _still_linted(lines)
    assert "src/migrations/1700000000000-Bin.ts:1:1: FIL001 warning: File not linted: binary content (NUL bytes)" in lines


def test_a_utf16_file_is_named_as_text_not_binary(tmp_path):
    """A source saved as UTF-16 with a byte order mark (Windows PowerShell's `>`) has a NUL after
    every ASCII character: it is text that tsc reads, and the message says so rather than "binary"
    (a real repository's scratch copy)."""
    text = "import { Injectable } from '@nestjs/common';\r\n"
    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"),
                         "scratch.ts": b"\xff\xfe" + text.encode("utf-16-le"),
                         "scratch-be.ts": b"\xfe\xff" + text.encode("utf-16-be")})
    rc, lines = _run(tmp_path)
    assert rc == 1 and _still_linted(lines)
    assert "scratch.ts:1:1: FIL001 warning: File not linted: UTF-16 text (little-endian, with a byte order mark); " \
           "TypeScript sources must be UTF-8 to be linted (tsc reads it through the mark, most other tools do not)" in lines
    assert any(line.startswith("scratch-be.ts:1:1: FIL001 warning: File not linted: UTF-16 text (big-endian") for line in lines)


def test_one_nul_in_a_string_literal_is_text(tmp_path):
    """A test that a validator rejects a key holding NUL writes the byte itself in a string literal
    (a real repository): the file is text and is linted; binary means many control bytes."""
    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"),
                         "src/keys.spec.ts": b"import { check } from './check';\n" + b"// padding\n" * 20
                                             + b"export const bad = check('bad\x00key');\n",
                         "src/check.ts": b"export const check = (key: string): boolean => !key.includes('\\0');\n"})
    rc, lines = _run(tmp_path)
    assert not any("FIL001" in line for line in lines) and _still_linted(lines)


def test_not_utf8_points_at_the_byte(tmp_path):
    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"),
                         "src/migrations/1700000000000-Latin.ts": b"// ok\nexport const caf\xe9 = 1;\n"})
    rc, lines = _run(tmp_path)
    assert _still_linted(lines)
    assert ("src/migrations/1700000000000-Latin.ts:2:17: FIL001 warning: File not linted: not valid UTF-8 (byte 0xe9); "
            "TypeScript sources must be UTF-8") in lines


def test_empty_file(tmp_path):
    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"), "src/migrations/1700000000000-Empty.ts": b""})
    rc, lines = _run(tmp_path)
    assert rc == 1 and lines == [line for line in lines if line.startswith(GOOD_BAD)] and _still_linted(lines)


def test_bom_crlf_and_mixed_line_endings_positions(tmp_path):
    text = (b"\xef\xbb\xbfimport { MigrationInterface } from 'typeorm';\r\n// \xf0\x9f\x9a\x80 rocket\n"
            b"export class Mixed1695682464 implements MigrationInterface {\r\n  async up() {}\n}\r\n")
    workspace(tmp_path, {"src/migrations/1695682464-Mixed.ts": text})
    rc, lines = _run(tmp_path)
    assert lines[0].startswith("src/migrations/1695682464-Mixed.ts:3:14: MIG001")
    cli("--fix", ".", cwd=tmp_path)
    fixed = (tmp_path / "src/migrations/1695682464-Mixed.ts").read_bytes()
    assert fixed == text.replace(b"Mixed1695682464 ", b"Mixed1695682464000 ")


def test_very_large_generated_file(tmp_path):
    body = "".join(f"    await queryRunner.query(`INSERT INTO \"t\" VALUES ({i}, '{'x' * 60}')`);\n"
                   for i in range(60_000))
    big = migration("Seed1700000000000").replace(
        "    await queryRunner.query(`ALTER TABLE \"users\" ADD \"age\" integer`);\n", body)
    assert len(big) > 5_000_000
    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"), "src/migrations/1700000000000-Seed.ts": big})
    rc, lines = _run(tmp_path)
    assert rc == 1 and _still_linted(lines) and len(lines) == 1


def test_symlink_loop_and_link_outside_root(tmp_path):
    outside = tmp_path / "outside"
    repo = tmp_path / "repo"
    workspace(outside, {"src/migrations/1695682464-Elsewhere.ts": migration("Elsewhere1695682464")})
    workspace(repo, {GOOD_BAD: migration("Finance1695682464")})
    os.symlink("..", repo / "src" / "loop")
    os.symlink(outside / "src", repo / "src" / "linked-dir")
    os.symlink(outside / "src/migrations/1695682464-Elsewhere.ts", repo / "src/migrations/1695682464-Elsewhere.ts")
    before = (outside / "src/migrations/1695682464-Elsewhere.ts").read_bytes()
    rc, lines = _run(repo)
    assert _still_linted(lines) and not any("Elsewhere" in line for line in lines)
    cli("--fix", ".", cwd=repo)
    assert (outside / "src/migrations/1695682464-Elsewhere.ts").read_bytes() == before
    assert b"Finance1695682464000" in (repo / GOOD_BAD).read_bytes()


def _as_nobody() -> list[str] | None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_unreadable_file_and_directory(tmp_path):
    """Permissions only bite a non-root user: run the linter as `nobody` (real permission errors)."""
    prefix = _as_nobody()
    if prefix is None and os.geteuid() == 0:
        pytest.skip("running as root without setpriv: permissions cannot be tested for real")
    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"),
                         "src/migrations/1700000000000-Secret.ts": migration("Secret1700000000000"),
                         "src/private/1700000000000-Hidden.ts": migration("Hidden1700000000000")})
    os.chmod(tmp_path / "src/migrations/1700000000000-Secret.ts", 0o000)
    os.chmod(tmp_path / "src/private", 0o000)
    os.chmod(tmp_path, 0o755)
    parent = tmp_path
    top = Path(tempfile.gettempdir())
    while parent != top and top in parent.parents:  # let `nobody` reach the tree, nothing above /tmp
        os.chmod(parent, os.stat(parent).st_mode | 0o005)
        parent = parent.parent
    try:
        cmd = (prefix or []) + [sys.executable, "-m", "migrationlint", "--no-cache", "--output-format", "concise", "."]
        r = subprocess.run(cmd, cwd=tmp_path, capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    finally:
        os.chmod(tmp_path / "src/private", 0o755)
        os.chmod(tmp_path / "src/migrations/1700000000000-Secret.ts", 0o644)
    out = r.stdout.decode()
    if "No module named" in r.stderr.decode():
        pytest.skip("the virtual environment is not readable by nobody")
    lines = out.splitlines()
    assert _still_linted(lines), r.stderr.decode()
    assert any(line.startswith("src/migrations/1700000000000-Secret.ts:1:1: FIL001 warning: File not linted: cannot read")
               for line in lines)
    assert any(line.startswith("src/private:1:1: FIL001") and "cannot read directory" in line for line in lines)


# ----------------------------------------------------------------------------- workspace files

def _two_packages(tmp_path, broken_manifest: str | None = None) -> None:
    """Package `a` (maybe with a broken manifest) and package `b`, both importing ioredis
    undeclared, in an npm workspace; `b` also has a real migration finding."""
    (tmp_path / "package.json").write_text('{\n  "name": "root",\n  "private": true,\n  "workspaces": ["a", "b"]\n}\n')
    (tmp_path / "a/src").mkdir(parents=True)
    (tmp_path / "b/src/migrations").mkdir(parents=True)
    (tmp_path / "a/package.json").write_text(broken_manifest or '{\n  "name": "a",\n  "dependencies": {}\n}\n')
    (tmp_path / "b/package.json").write_text(
        '{\n  "name": "b",\n  "dependencies": {\n    "ioredis": "^5.4.1",\n    "typeorm": "^0.3.20"\n  }\n}\n')
    (tmp_path / "a/src/cache.ts").write_text("import Redis from 'ioredis';\n\nexport const redis = new Redis();\n")
    (tmp_path / "b/src/cache.ts").write_text("import Redis from 'ioredis';\nimport { Queue } from 'bullmq';\n\n"
                                             "export const redis = new Redis();\nexport const q = Queue;\n")
    (tmp_path / "b/src/migrations/1695682464-Finance.ts").write_text(migration("Finance1695682464"))


def test_invalid_json_manifest(tmp_path):
    broken = '{\n  "name": "a",\n  "dependencies": {\n    "ioredis": "^5.4.1",\n  }\n}\n'
    _two_packages(tmp_path, broken)
    rc, lines = _run(tmp_path)
    assert ("a/package.json:5:3: MAN001 error: package.json is not usable (invalid JSON: Expecting property name "
            "enclosed in double quotes); dependency checks for a are skipped and --fix leaves it alone") in lines
    assert not any(line.startswith("a/src/") for line in lines)  # that package's dependency checks skipped
    assert any(line.startswith("b/src/cache.ts:2:23: DEP001") for line in lines)  # others linted normally
    assert any(line.startswith("b/src/migrations/1695682464-Finance.ts:3:14: MIG001") for line in lines)
    cli("--fix", ".", cwd=tmp_path)
    assert (tmp_path / "a/package.json").read_text() == broken
    assert b"Finance1695682464000" in (tmp_path / "b/src/migrations/1695682464-Finance.ts").read_bytes()


def test_an_example_manifest_in_a_hidden_folder_is_nobodys(tmp_path):
    """A tool's reference docs keep an example project in a hidden folder
    (`.claude/skills/zod/references/package.json`, a comment on its first line): no workspace
    glob or install enters it, so its unparsable JSON is no MAN001. The same file in a package
    folder is one."""
    broken = "// pin the latest version\n{\n  \"name\": \"example\"\n}\n"
    _two_packages(tmp_path, broken.replace("example", "a"))
    (tmp_path / ".claude/skills/zod/references").mkdir(parents=True)
    (tmp_path / ".claude/skills/zod/references/package.json").write_text(broken)
    (tmp_path / ".claude/skills/zod/references/patterns.ts").write_text("export const pattern = 1;\n")
    rc, lines = _run(tmp_path)
    assert [line.split(":")[0] for line in lines if "MAN001" in line] == ["a/package.json"]


def test_a_project_generators_template_manifest_is_rendered_before_anyone_installs_it(tmp_path):
    """`template/package.json` of a project generator holds Handlebars (`"name": "{{projectName}}"`,
    `{{#if db}}`): the generator renders it into a new project first, so its unparsable JSON is no
    MAN001 (a real service template: 2 errors). Broken JSON without template markup still is."""
    _two_packages(tmp_path)
    template = ('{\n  "name": "{{projectName}}",\n  "dependencies": {\n    "moleculer": "^0.14.0"{{#if db}},\n'
                '    "typeorm": "^0.3.20"{{/if}}\n  }\n}\n')
    (tmp_path / "template/services").mkdir(parents=True)
    (tmp_path / "template/package.json").write_text(template)
    (tmp_path / "template/services/greeter.service.ts").write_text("export const greeter = { name: 'greeter' };\n")
    (tmp_path / "broken/src").mkdir(parents=True)
    (tmp_path / "broken/package.json").write_text('{\n  "name": "broken",\n}\n')
    (tmp_path / "broken/src/x.ts").write_text("export const x = 1;\n")
    rc, lines = _run(tmp_path)
    assert [line.split(":")[0] for line in lines if "MAN001" in line] == ["broken/package.json"]
    # the usual template repository has no workspace definition, where every package.json is a member
    (tmp_path / "package.json").write_text('{\n  "name": "svc-template",\n  "version": "1.0.0",\n  "main": "meta.js"\n}\n')
    rc, lines = _run(tmp_path)
    assert [line.split(":")[0] for line in lines if "MAN001" in line] == ["broken/package.json"]


def test_an_empty_manifest_a_tests_fixture_folder_holds_is_a_placeholder(tmp_path):
    """A CLI's test feeds it a folder whose empty package.json tells it a JavaScript project is there
    (`tests/packaging_tests/js/package.json`, 0 bytes, beside an empty `route.ts`): nobody installs
    it, and filling it in would change nothing (a real agent framework: 1 MAN001). So is one broken
    on purpose there, for a test of how a tool copes (a dependency linter's malformed-manifest
    fixture). An empty manifest outside a test folder, or a workspace member's in one, is reported."""
    _two_packages(tmp_path)
    (tmp_path / "a/tests/fixtures/js").mkdir(parents=True)
    (tmp_path / "a/tests/fixtures/js/package.json").write_text("")
    (tmp_path / "a/tests/fixtures/js/route.ts").write_text("")
    (tmp_path / "a/tests/fixtures/broken").mkdir(parents=True)
    (tmp_path / "a/tests/fixtures/broken/package.json").write_text('{\n  "name": "x",\n}\n')
    (tmp_path / "a/tests/fixtures/broken/index.ts").write_text("export const x = 1;\n")
    (tmp_path / "tools/src").mkdir(parents=True)
    (tmp_path / "tools/package.json").write_text("\n")
    (tmp_path / "tools/src/run.ts").write_text("export const run = 1;\n")
    (tmp_path / "package.json").write_text('{\n  "name": "root",\n  "private": true,\n  "workspaces": ["a", "b", "e2e/*"]\n}\n')
    (tmp_path / "e2e/suite").mkdir(parents=True)
    (tmp_path / "e2e/suite/package.json").write_text('{\n  "name": "suite",\n}\n')
    (tmp_path / "e2e/suite/run.ts").write_text("export const go = 1;\n")
    rc, lines = _run(tmp_path)
    assert sorted(line.split(":")[0] for line in lines if "MAN001" in line) == \
        ["e2e/suite/package.json", "tools/package.json"]


def test_invalid_tsconfig_falls_back_to_defaults(tmp_path):
    _two_packages(tmp_path)
    (tmp_path / "b/tsconfig.json").write_text('{\n  "compilerOptions": {\n    "paths": { "@/*": ["src/*"] }\n')
    (tmp_path / "b/src/main.ts").write_text("import { redis } from './cache';\nimport { q } from '@/cache';\n\n"
                                            "export const all = [redis, q];\n")
    rc, lines = _run(tmp_path)
    assert any(line.startswith("b/tsconfig.json:4:1: MAN002 warning: tsconfig is not valid JSONC") and "default settings" in line
               for line in lines)
    assert not any(line.startswith("b/src/main.ts:1:") for line in lines)  # relative imports still resolve
    assert any(line.startswith("b/src/migrations/1695682464-Finance.ts:3:14: MIG001") for line in lines)


def test_a_template_tsconfig_with_ejs_tags_is_no_broken_config(tmp_path):
    """A generator's template tsconfig (`"strict": <%= strict %>,`) is rendered before anything reads
    it: no MAN002, as template markup in a package.json is no MAN001 (Nest's schematics: 2 warnings)."""
    _two_packages(tmp_path)
    (tmp_path / "b/tsconfig.json").write_text('{\n  "compilerOptions": {\n    "strict": <%= strict %>,\n'
                                              '    "outDir": "./dist"\n  }\n}\n')
    rc, lines = _run(tmp_path)
    assert not any("MAN002" in line for line in lines), lines


@pytest.mark.parametrize("named", [True, False])
def test_a_broken_tsconfig_a_test_edits_is_a_fixture(tmp_path, named):
    """A playground's `has-error/tsconfig.json`, broken on purpose for a test of how a dev server copes
    (the test edits it: `editFile('has-error/tsconfig.json', ...)`; a build tool's playground: 1 MAN002).
    No MAN002 where a test of its package names it by its folder and name; reported where none does."""
    _two_packages(tmp_path)
    (tmp_path / "b/has-error").mkdir()
    (tmp_path / "b/has-error/tsconfig.json").write_text('{\n  // broken on purpose\n  "compilerOptions":\n}\n')
    (tmp_path / "b/has-error/main.ts").write_text("export const msg = 'hello';\n")
    config = "'has-error/tsconfig.json'" if named else "'other/tsconfig.json'"
    (tmp_path / "b/src/load.spec.ts").write_text(f"import {{ readFileSync }} from 'node:fs';\n\n"
                                                 f"it('breaks', () => expect(() => JSON.parse(readFileSync({config}, 'utf8'))).toThrow());\n")
    rc, lines = _run(tmp_path)
    assert any("has-error/tsconfig.json" in line and "MAN002" in line for line in lines) is not named, lines


def test_an_empty_tsconfig_is_tscs_empty_object(tmp_path):
    """A 0-byte `tsconfig.json` (a test fixture's): tsc reads it as `{}`, default options over every file
    of its folder, and exits 0; no MAN002 (a CLI's fixture got "not valid JSONC")."""
    _two_packages(tmp_path)
    (tmp_path / "b/tsconfig.json").write_text("")
    rc, lines = _run(tmp_path)
    assert not any("MAN002" in line for line in lines), lines


def test_invalid_pnpm_workspace_yaml(tmp_path):
    _two_packages(tmp_path)
    (tmp_path / "pnpm-workspace.yaml").write_text("packages:\n  - a\n - b: [\n")
    rc, lines = _run(tmp_path)
    assert any(line.startswith("pnpm-workspace.yaml:3:2: MAN002 warning: pnpm-workspace.yaml does not parse") for line in lines)
    assert any(line.startswith("b/src/cache.ts:2:23: DEP001") for line in lines)
    assert any(line.startswith("b/src/migrations/1695682464-Finance.ts:3:14: MIG001") for line in lines)


def test_invalid_lockfile(tmp_path):
    _two_packages(tmp_path)
    (tmp_path / "package-lock.json").write_text('{\n  "lockfileVersion": 3,\n  "packages": {\n')
    rc, lines = _run(tmp_path)
    assert any(line.startswith("package-lock.json:4:1: MAN002 warning: package-lock.json does not parse") for line in lines)
    assert any(line.startswith("b/src/cache.ts:2:23: DEP001") for line in lines)


# ----------------------------------------------------------------------------- bugs of the linter
# No input should reach these paths; when a bug does, one file or one rule family is lost and
# reported, never the run. The bug is injected: the real one that prompted this (a conditional
# `migrations:` path with an unknown branch) is fixed and tested in test_migration_sets.py.

def test_a_bug_met_on_one_file_is_reported_and_the_rest_is_linted(tmp_path, monkeypatch):
    from migrationlint import pipeline
    from migrationlint.extract import facts
    from migrationlint.settings import Settings

    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464"), "src/odd.ts": "export const odd = 1;\n"})
    real = facts._Extractor.run

    def run(self, root):
        if self.f.path.endswith("odd.ts"):
            raise TypeError("'NoneType' object is not iterable")
        return real(self, root)

    monkeypatch.setattr(facts._Extractor, "run", run)
    found = pipeline.lint([str(tmp_path)], Settings(), use_cache=False).diagnostics
    assert any(d.code == "MIG001" and d.path.endswith("Finance.ts") for d in found)
    [bug] = [d for d in found if d.path.endswith("odd.ts")]
    assert bug.code == "INT001" and bug.message.startswith(
        "File not linted: internal error in migrationlint (TypeError: 'NoneType' object is not iterable at ")
    assert "please report it" in bug.message


def test_a_bug_in_one_rule_family_loses_only_its_findings(tmp_path, monkeypatch):
    from migrationlint import pipeline
    from migrationlint.checks import dependencies
    from migrationlint.settings import Settings

    workspace(tmp_path, {GOOD_BAD: migration("Finance1695682464")})

    def check(project):
        raise KeyError("left-pad")

    monkeypatch.setattr(dependencies, "check", check)
    found = pipeline.lint([str(tmp_path)], Settings(), use_cache=False).diagnostics
    assert any(d.code == "MIG001" for d in found)
    [bug] = [d for d in found if d.code == "INT001"]
    assert bug.path == str(tmp_path) and bug.message.startswith(
        "Rule family dependencies stopped on an internal error in migrationlint (KeyError: 'left-pad' at ")
