"""The README matches the behaviour: rules, configuration keys, output formats, commands."""

from __future__ import annotations

import re

from migrationlint.checks import RULES
from migrationlint.config import _KEYS
from migrationlint.reporters import FORMATS
from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _families() -> list[tuple[str, list[str]]]:
    """(codes cell, the codes it spans) of each row of the README's family table."""
    table = README[README.index("<!-- rule-families -->"):README.index("<!-- /rule-families -->")]
    out = []
    for cell in re.findall(r"^\| ([A-Z]+[0-9]+[A-Z0-9, -]*) \| [^|]+ \| [^|]+ \|$", table, re.M):
        codes = []
        for part in cell.split(","):
            first, _, last = part.strip().partition("-")
            prefix = re.match(r"[A-Z]+", first).group(0)
            lo, hi = int(first[len(prefix):]), int((last or first)[len(prefix):])
            codes += [code for code in RULES if code.startswith(prefix) and lo <= int(code[len(prefix):]) <= hi]
        out.append((cell, codes))
    return out


def test_every_rule_is_in_one_family_row_of_the_readme():
    """A new rule inside a family's range needs no README edit; a rule outside every row fails here."""
    covered = [code for _, codes in _families() for code in codes]
    assert sorted(covered) == sorted(RULES), f"not in the README's family table: {set(RULES) - set(covered)}"
    assert len(covered) == len(set(covered)), "a rule is in two rows of the README's family table"


def test_every_family_row_names_existing_rules():
    for cell, codes in _families():
        assert codes, f"README family row {cell!r} matches no rule"


def test_every_configuration_key_is_documented():
    for key in _KEYS:
        assert f"| `{key}` |" in README, f"configuration key {key} is not in the README table"


def test_every_output_format_is_documented():
    for fmt in FORMATS:
        assert f"`{fmt}`" in README or fmt in README.split("--output-format", 1)[1][:200]


def test_set_up_and_test_commands_are_marked_for_ci():
    assert "<!-- setup-command -->\n```sh\npip install -e '.[test]'\n```" in README
    assert "<!-- test-command -->\n```sh\npython -m pytest\n```" in README
