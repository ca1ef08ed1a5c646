"""Runs the examples of the rule pages (rules/*.md): each is a test (see rules/README.md)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from migrationlint import pipeline
from migrationlint.settings import Settings
from migrationlint.reporters.rule_pages import Example, examples, fix_safety, pages_dir

DEFAULT_PATH = "src/migrations/1700000000000-Example.ts"
DEFAULT_MANIFEST = '{\n  "name": "example",\n  "version": "1.0.0",\n  "dependencies": {\n    "typeorm": "^0.3.20"\n  }\n}\n'


def all_examples() -> list[tuple[str, int, Example]]:
    out = []
    directory = pages_dir()
    assert directory is not None
    for page in sorted(directory.glob("*-*.md")):
        code = page.name.split("-", 1)[0]
        for i, ex in enumerate(examples(page.read_text(encoding="utf-8"))):
            out.append((code, i, ex))
    return out


def materialise(root: Path, ex: Example) -> Path:
    """Write the example's files into `root`; return the path of the example file."""
    files = {"package.json": DEFAULT_MANIFEST}
    for block in ex.context:
        files[block.options["path"]] = block.code
    path = ex.block.options.get("path", DEFAULT_PATH)
    files[path] = ex.block.code
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    return root / path


def settings_for(code: str, ex: Example) -> Settings:
    extra = [c for c in ex.block.options.get("select", "").split(",") if c]
    return Settings(select=[code, *extra])


def lint_codes(root: Path, code: str, ex: Example) -> list[str]:
    result = pipeline.lint([str(root)], settings_for(code, ex), use_cache=False)
    return [d.code for d in result.diagnostics]


def fixed_texts(root: Path, code: str, ex: Example) -> dict[str, bytes]:
    settings = settings_for(code, ex)
    unsafe = ex.fixed is not None and ex.fixed.role == "fixed-unsafe"
    first = pipeline.lint([str(root)], settings, use_cache=False)
    outcome = pipeline.fix([str(root)], settings, unsafe=unsafe, first=first, use_cache=False)
    return {os.path.relpath(p, root).replace(os.sep, "/"): t for p, t in outcome.texts.items()}


def fix_safety_mentions(code: str) -> set[str]:
    """The applicabilities the page's "Fix safety" section names anywhere."""
    words = set(re.findall(r"\b(unsafe|safe)\b", fix_safety(code).lower()))
    return words
