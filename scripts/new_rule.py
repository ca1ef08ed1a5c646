"""Scaffold a rule: `python -m scripts.new_rule MIG008 migration-missing-down`.

Writes the three files a rule needs, and nothing else (families are discovered, the README lists
families, not rules): the rule module in `migrationlint/checks/`, its page in `rules/` with bad and
good examples (the suite runs them), and a test in the family's test folder. The page's `bad`
example fails until `check` reports it: write the check, then make the examples true.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST_FOLDERS = {"MIG": "migrations", "DEP": "dependencies", "MAN": "dependencies", "IMP": "imports",
                "NEST": "nest"}  # any other prefix: tests/rules
CODE = re.compile(r"[A-Z]{2,4}[0-9]{3}")
NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

MODULE = '''"""{code} {name}: TODO say what it reports, in one line.

TODO say why: what TypeORM, NestJS or Node does at runtime with this code, and what the check
reads (facts from `migrationlint.extract.records`, models from `migrationlint.model`).
"""

from __future__ import annotations

from typing import Iterator

from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Diagnostic, Severity

{code} = Rule("{code}", "{name}", Severity.WARNING, "TODO: one sentence, as `migrationlint rules` shows it.")
RULES = [{code}]


def check(project: Project) -> Iterator[Diagnostic]:
    for path, facts in sorted(project.files.items()):
        if facts.skipped:
            continue
        for cls in facts.classes:
            if False:  # TODO: the condition, read from facts
                yield diagnostic({code}, path, cls.name_start, cls.name_end, "TODO: what will happen at runtime")
'''

PAGE = '''# {code} {name}

## What it does
TODO: what is reported, and what is deliberately not.

## Why it matters
TODO: what TypeORM, NestJS or Node does at runtime, with the message it prints.

## Examples

```ts bad path=src/migrations/1700000000000-AddAge.ts
import {{ MigrationInterface, QueryRunner }} from 'typeorm';

export class AddAge1700000000000 implements MigrationInterface {{
  public async up(queryRunner: QueryRunner): Promise<void> {{
    await queryRunner.query(`ALTER TABLE "users" ADD "age" integer`);
  }}
}}
```

```ts good path=src/migrations/1700000000000-AddAge.ts
import {{ MigrationInterface, QueryRunner }} from 'typeorm';

export class AddAge1700000000000 implements MigrationInterface {{
  public async up(queryRunner: QueryRunner): Promise<void> {{
    await queryRunner.query(`ALTER TABLE "users" ADD "age" integer`);
  }}

  public async down(queryRunner: QueryRunner): Promise<void> {{
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "age"`);
  }}
}}
```

## Fix safety
There is no automatic fix.

## Options
None.
'''

TEST = '''"""{code} {name}: cases beyond the page's examples (those run in tests/rules/test_rule_pages.py)."""

from __future__ import annotations

from tests.helpers import codes, workspace


def test_{snake}_reports_the_page_s_bad_case(tmp_path):
    root = workspace(tmp_path, {{"src/migrations/1700000000000-AddAge.ts": "TODO: a file {code} must report"}})
    assert codes(root, ["{code}"]) == ["{code}"]
'''


def plan(code: str, name: str, repo: Path = REPO) -> dict[Path, str]:
    """The files to write, path -> text; raises ValueError on a bad code or name, or a clash."""
    if not CODE.fullmatch(code):
        raise ValueError(f"{code!r} is not a rule code (2-4 capitals, 3 digits: MIG008)")
    if not NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a rule name (lower-case words joined by '-')")
    snake = name.replace("-", "_")
    prefix = re.match(r"[A-Z]+", code).group(0)
    files = {
        repo / "migrationlint" / "checks" / f"{snake}.py": MODULE.format(code=code, name=name),
        repo / "rules" / f"{code}-{name}.md": PAGE.format(code=code, name=name),
        repo / "tests" / TEST_FOLDERS.get(prefix, "rules") / f"test_{snake}.py":
            TEST.format(code=code, name=name, snake=snake),
    }
    taken = sorted(str(p.relative_to(repo)) for p in files if p.exists())
    taken += sorted(str(p.relative_to(repo)) for p in (repo / "rules").glob(f"{code}-*.md"))
    if taken:
        raise ValueError(f"{code} or its files exist already: {', '.join(sorted(set(taken)))}")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.new_rule", description=__doc__.split("\n\n")[0])
    parser.add_argument("code", help="the rule code, e.g. MIG008")
    parser.add_argument("name", help="the rule name, e.g. migration-missing-down")
    args = parser.parse_args(argv)
    try:
        files = plan(args.code, args.name)
    except ValueError as exc:
        print(f"new_rule: {exc}", file=sys.stderr)
        return 2
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
