"""The README matches the behaviour: rules, configuration keys, output formats, commands."""

from __future__ import annotations

import re
from pathlib import Path

from migrationlint.checks import RULES
from migrationlint.config import _KEYS
from migrationlint.reporters import FORMATS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_rules_table_lists_every_rule_with_its_severity():
    table = README[README.index("<!-- rules-table -->"):README.index("<!-- /rules-table -->")]
    rows = {m.group(1): m.group(3) for m in re.finditer(r"^\| (\w+) \| ([\w-]+) \| ([^|]+) \|", table, re.M)}
    for code, rule in RULES.items():
        assert code in rows, f"{code} missing from the README rules table"
        assert rule.severity.value in rows[code], f"{code}: README says {rows[code]!r}"
        assert f"| {code} | {rule.name} |" in table


def test_every_configuration_key_is_documented():
    for key in _KEYS:
        assert f"| `{key}` |" in README, f"configuration key {key} is not in the README table"


def test_every_output_format_is_documented():
    for fmt in FORMATS:
        assert f"`{fmt}`" in README or fmt in README.split("--output-format", 1)[1][:200]


def test_set_up_and_test_commands_are_marked_for_ci():
    assert "<!-- setup-command -->\n```sh\npip install -e '.[test]'\n```" in README
    assert "<!-- test-command -->\n```sh\npython -m pytest\n```" in README
