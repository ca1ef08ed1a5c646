"""Every rule page's examples behave as written: bad raises the rule, good does not, fixed matches."""

from __future__ import annotations

import pytest

from migrationlint.checks import RULES
from migrationlint.reporters.rule_pages import pages_dir
from tests.page_runner import DEFAULT_PATH, all_examples, fixed_texts, lint_codes, materialise

EXAMPLES = all_examples()
SECTIONS = ["## What it does", "## Why it matters", "## Examples", "## Fix safety", "## Options"]


@pytest.mark.parametrize("code,index,example", EXAMPLES, ids=[f"{c}-{i}-{e.block.role}" for c, i, e in EXAMPLES])
def test_example(tmp_path, code, index, example):
    materialise(tmp_path, example)
    codes = lint_codes(tmp_path, code, example)
    if example.block.role == "bad":
        assert code in codes, f"{code} page, example {index} (line {example.block.line}) should raise {code}"
    else:
        assert code not in codes, f"{code} page, example {index} (line {example.block.line}) should not raise {code}"
    if example.fixed is not None:
        texts = fixed_texts(tmp_path, code, example)
        target = example.fixed.options.get("path", example.block.options.get("path", DEFAULT_PATH))
        assert texts.get(target, (tmp_path / target).read_bytes()).decode() == example.fixed.code


def test_every_rule_has_a_page_with_the_sections():
    directory = pages_dir()
    assert directory is not None
    for rule in RULES.values():
        page = directory / rule.page_name
        assert page.is_file(), f"missing page {page.name}"
        text = page.read_text(encoding="utf-8")
        for heading in SECTIONS:
            assert heading in text, f"{page.name} lacks {heading}"


def test_every_page_with_examples_has_bad_and_good():
    by_code: dict[str, set[str]] = {}
    for code, _, ex in EXAMPLES:
        by_code.setdefault(code, set()).add(ex.block.role)
    for code in RULES:
        if code in ("INT001", "FIL001"):
            continue
        assert {"bad", "good"} <= by_code.get(code, set()), f"{code} needs bad and good examples"
