"""The README matches the behaviour: rules, configuration keys, output formats, commands."""

from __future__ import annotations

import re

from migrationlint.checks import RULES
from migrationlint.config import _KEYS
from migrationlint.reporters import FORMATS
from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _family_prefixes() -> list[str]:
    """The code prefixes of the README's family table, one or more per row."""
    table = README[README.index("<!-- rule-families -->"):README.index("<!-- /rule-families -->")]
    cells = re.findall(r"^\| ([A-Z]+(?:, [A-Z]+)*) \| [^|]+ \| [^|]+ \|$", table, re.M)
    return [prefix for cell in cells for prefix in cell.split(", ")]


def test_every_rule_prefix_is_one_family_row_of_the_readme():
    """A new rule with a known prefix needs no README edit; a new prefix needs its row."""
    prefixes = _family_prefixes()
    assert len(prefixes) == len(set(prefixes)), "a prefix is in two rows of the README's family table"
    assert {re.match(r"[A-Z]+", code).group(0) for code in RULES} == set(prefixes)


def test_every_configuration_key_is_documented():
    for key in _KEYS:
        assert f"| `{key}` |" in README, f"configuration key {key} is not in the README table"


def test_every_output_format_is_documented():
    for fmt in FORMATS:
        assert f"`{fmt}`" in README or fmt in README.split("--output-format", 1)[1][:200]


def test_set_up_and_test_commands_are_marked_for_ci():
    assert "<!-- setup-command -->\n```sh\npip install -e '.[test]'\n```" in README
    assert "<!-- test-command -->\n```sh\npython -m pytest\n```" in README
