"""The README matches the behaviour: rules, configuration keys, output formats, commands."""

from __future__ import annotations

import re
from pathlib import Path

from migrationlint.catalog import FixAvailability
from migrationlint.checks import RULES
from migrationlint.config import _KEYS
from migrationlint.reporters import FORMATS
from tests.page_runner import fix_safety_says

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _rules_table() -> dict[str, tuple[str, str, str]]:
    table = README[README.index("<!-- rules-table -->"):README.index("<!-- /rules-table -->")]
    rows = re.findall(r"^\| ([A-Z]+[0-9]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", table, re.M)
    table_codes = [r[0] for r in rows]
    assert len(table_codes) == len(set(table_codes)), "a code is listed twice in the README rules table"
    return {code: (name.strip(), severity.strip(), fix.strip()) for code, name, severity, fix in rows}


def test_rules_table_is_the_catalogue():
    """Code, name, severity and fix availability of every rule, and no row for a rule that does not exist."""
    rows = _rules_table()
    assert set(rows) == set(RULES), f"README rules table differs: {set(rows) ^ set(RULES)}"
    for code, rule in RULES.items():
        name, severity, fix = rows[code]
        assert name == rule.name, f"{code}: README names it {name!r}, the catalogue {rule.name!r}"
        assert severity.split()[0] == rule.severity.value, f"{code}: README says {severity!r}"
        if rule.fix is FixAvailability.SOMETIMES:
            word = re.match(r"(safe|unsafe)\b[,( ]", fix)
            assert word, f"{code}: a sometimes-fix says when, as in 'safe, when ...': README says {fix!r}"
            assert word.group(1) == fix_safety_says(code), f"{code}: README says {fix!r}, the page {fix_safety_says(code)}"
        else:
            assert fix == rule.fix.value, f"{code}: README says {fix!r}, the catalogue {rule.fix.value!r}"


def test_every_configuration_key_is_documented():
    for key in _KEYS:
        assert f"| `{key}` |" in README, f"configuration key {key} is not in the README table"


def test_every_output_format_is_documented():
    for fmt in FORMATS:
        assert f"`{fmt}`" in README or fmt in README.split("--output-format", 1)[1][:200]


def test_set_up_and_test_commands_are_marked_for_ci():
    assert "<!-- setup-command -->\n```sh\npip install -e '.[test]'\n```" in README
    assert "<!-- test-command -->\n```sh\npython -m pytest\n```" in README
