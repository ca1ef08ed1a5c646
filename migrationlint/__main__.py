"""Allow `python -m migrationlint`."""

from migrationlint.cli import run

run()
