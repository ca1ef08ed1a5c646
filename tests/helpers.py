"""Small helpers shared by the tests: build a workspace in tmp_path, lint it, run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from migrationlint import pipeline
from migrationlint.lint_steps import LintResult
from migrationlint.settings import Settings

MANIFEST = '{\n  "name": "svc",\n  "version": "1.0.0",\n  "dependencies": {\n    "typeorm": "%s"\n  }\n}\n'

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = REPO / "tests" / "data"


def workspace(root: Path, files: dict[str, str | bytes], typeorm: str = "^0.3.20") -> Path:
    """Write `files` (relative path -> text or bytes) under `root` with a package.json."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(MANIFEST % typeorm)
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


def lint_result(root: Path | list[Path], select: list[str] | None = None, **settings) -> LintResult:
    """One uncached run over `root` (or over the named files), the way every test lints."""
    paths = [str(p) for p in root] if isinstance(root, list) else [str(root)]
    return pipeline.lint(paths, Settings(select=select, **settings), use_cache=False)


def lint(root: Path | list[Path], select: list[str] | None = None, **settings) -> list:
    return lint_result(root, select, **settings).diagnostics


def codes(root: Path, select: list[str] | None = None, **settings) -> list[str]:
    return [d.code for d in lint(root, select, **settings)]


def fix(root: Path, select: list[str] | None = None, unsafe: bool = False, **settings) -> dict[str, bytes]:
    """In-memory fix of the workspace: path relative to root -> fixed bytes (nothing written)."""
    s = Settings(select=select, **settings)
    first = pipeline.lint([str(root)], s, use_cache=False)
    out = pipeline.fix([str(root)], s, unsafe=unsafe, first=first, use_cache=False)
    return {os.path.relpath(p, root): t for p, t in out.texts.items()}


def cli(*args: str, cwd: Path | str | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "migrationlint", *args], cwd=cwd, input=stdin,
                          capture_output=True, env=env, timeout=300)


def migration(cls: str, name: str | None = None, extra: str = "") -> str:
    field = f"  name = '{name}';\n\n" if name is not None else ""
    return (
        "import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
        f"export class {cls} implements MigrationInterface {{\n{field}"
        "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
        "    await queryRunner.query(`ALTER TABLE \"users\" ADD \"age\" integer`);\n"
        "  }\n\n"
        "  public async down(queryRunner: QueryRunner): Promise<void> {\n"
        "    await queryRunner.query(`ALTER TABLE \"users\" DROP COLUMN \"age\"`);\n"
        "  }\n"
        f"}}\n{extra}"
    )


def age_tree(root: Path, files: bool = True, dirs: bool = True) -> None:
    """Give the files and directories under `root` an mtime well in the past: stamps and cache
    entries taken afterwards vouch for them (nothing is racy)."""
    old = 1_600_000_000 * 10**9
    for directory, _, names in os.walk(root):
        if dirs:
            os.utime(directory, ns=(old, old))
        for name in names if files else ():
            os.utime(os.path.join(directory, name), ns=(old, old))


def record_calls(monkeypatch, owner: object, name: str, key=lambda *args: args[0]) -> list:
    """Replace `owner.name` with a wrapper that appends `key(*args)` to the returned list, then
    calls the original: which files a run parsed, which packages it walked."""
    real = getattr(owner, name)
    calls: list = []

    def recording(*args, **kwargs):
        calls.append(key(*args))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return calls
