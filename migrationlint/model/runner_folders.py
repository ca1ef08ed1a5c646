"""Folders outside a workspace member whose files the member's Vitest runs as its tests.

A member's `vitest.config.ts` may select tests that live elsewhere in the repository (`include:
["../../tests/api/**/*.test.ts"]`, an API's suites kept at the top beside its e2e tests). Vitest
resolves what those files import from its project's root as well as from their own folders (vite's
resolver falls back to the root), so the member's install serves them, and its manifest's
declarations are theirs, though no package.json lies above them but the root's. An include that
reaches the repository's root or the member's own folders names no folder of its own.
"""

from __future__ import annotations

import os

from migrationlint.globs import static_base
from migrationlint.model.config_objects import find_config, read_config
from migrationlint.model.runner_config_files import named_configs


def vitest_outside_folders(member_dir: str, root: str) -> tuple[str, ...]:
    """The folders outside `member_dir` (and below `root`, not the root itself) that a Vitest config
    of the member includes by a path leading out of it (`../../tests/api/**/*.test.ts` -> tests/api)."""
    configs = [find_config(member_dir, "vitest.config"), find_config(member_dir, "vite.config"), *named_configs(member_dir)]
    found: list[str] = []
    for config in dict.fromkeys(c for c in configs if c and os.path.isfile(c)):
        for pattern in read_config(config).names("test.include") or ():
            base = static_base(pattern)
            folder = os.path.normpath(os.path.join(os.path.dirname(config), base))
            if base.startswith("..") and folder.startswith(root + os.sep) \
                    and not (member_dir + os.sep).startswith(folder + os.sep) and folder != member_dir:
                found.append(folder)
    return tuple(dict.fromkeys(found))

