"""A test runner's setup file that nothing loads: a leftover of the app's template.

A setup file is loaded by the runner whose config names it (`setupFiles`, `setupFilesAfterEnv`), or, in
Create React App, by convention: `react-scripts test` (and `craco test`, `react-app-rewired test`) loads
`src/setupTests.*` unnamed. An app that no longer runs those tests (moved to another runner, or to none)
keeps the file, and what it imports (`@testing-library/jest-dom`) is installed nowhere: nothing fails,
and the maintainer would delete the file rather than declare the package.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.named_files import named_by_a_file
from migrationlint.model.project import Project
from migrationlint.model.runner_setup import runner_file
from migrationlint.model.unchecked_builds import scripts_here
from migrationlint.model.workspace import Manifest

_SETUP_FILE = re.compile(r"^(?:setup[-_.]?tests?|test[-_.]?setup)\.[cm]?[jt]sx?$", re.IGNORECASE)
_CRA_TESTS = re.compile(r"\b(?:react-scripts|craco|react-app-rewired) test\b")


def unloaded_setup_file(project: Project, path: str, manifests: list[Manifest]) -> bool:
    """Whether a test runner's setup file by its name (`src/setupTests.ts`) is loaded by nothing: no
    runner config names it (runner_setup), no script of its package (`manifests[0]`) or the root runs
    Create React App's tests, no manifest names it (a `jest` field) and no other file does (a vitest
    config's `setupFiles`)."""
    name = os.path.basename(path)
    if not manifests or not _SETUP_FILE.match(name) or runner_file(path, project.workspace.config_dirs) is not None:
        return False
    stem = name.split(".", 1)[0]
    return not any(_CRA_TESTS.search(c) for c in scripts_here(project, manifests[0])) \
        and not any(stem in m.text for m in manifests if not m.error) and not named_by_a_file(project, path)
