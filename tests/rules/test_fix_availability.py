"""Every rule's `fix` (a FixAvailability) agrees with the fixes its page's examples emit and with
what its page's "Fix safety" section says."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.catalog import FixAvailability, Rule
from migrationlint.checks import RULES
from migrationlint.diagnostics import Severity
from migrationlint.reporters.rule_pages import fix_safety_says
from tests.page_runner import all_examples, fix_safety_mentions, materialise, settings_for

NO_EXAMPLES = {"INT001", "FIL001"}  # the run's own rules: nothing a page example can raise


@pytest.fixture(scope="module")
def emitted() -> dict[str, list[str | None]]:
    """Per rule, the applicability of the fix of every diagnostic its pages' bad examples raise
    (None for a diagnostic without a fix)."""
    out: dict[str, list[str | None]] = {}
    for code, _, ex in all_examples():
        if ex.block.role != "bad":
            continue
        with tempfile.TemporaryDirectory() as tmp:
            materialise(Path(tmp), ex)
            result = pipeline.lint([tmp], settings_for(code, ex), use_cache=False)
        out.setdefault(code, []).extend(
            None if d.fix is None else d.fix.applicability.value for d in result.diagnostics if d.code == code)
    return out


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_fix_matches_its_page_and_its_examples(emitted, code):
    rule, says = RULES[code], fix_safety_says(code)
    assert isinstance(rule.fix, FixAvailability)
    assert (rule.fix is FixAvailability.NONE) == (says == "none"), f"{code}: fix={rule.fix}, page says {says}"
    if rule.fix in (FixAvailability.SAFE, FixAvailability.UNSAFE):
        assert says == rule.fix.value, f"{code}: fix={rule.fix}, page says {says}"
    if code in NO_EXAMPLES:
        return
    found = emitted.get(code, [])
    assert found, f"{code}: no bad example raised it"
    fixes = {a for a in found if a is not None}
    if rule.fix is FixAvailability.NONE:
        assert not fixes, f"{code}: fix=none but the examples emit {fixes}"
    elif rule.fix is FixAvailability.SOMETIMES:
        assert says in fixes, f"{code}: page says {says}, the examples emit {set(found)}"
        assert fixes <= fix_safety_mentions(code), f"{code}: the examples emit {fixes}, the page does not say so"
    else:
        assert set(found) == {rule.fix.value}, f"{code}: fix={rule.fix}, every diagnostic should carry one: {found}"


def test_an_unknown_fix_availability_is_refused():
    assert Rule("X001", "x", Severity.ERROR, "x", fix="safe").fix is FixAvailability.SAFE
    with pytest.raises(ValueError):
        Rule("X001", "x", Severity.ERROR, "x", fix="maybe")
