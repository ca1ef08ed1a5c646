"""Allow `python -m migrationlint`."""

from migrationlint.cli import main

raise SystemExit(main())
