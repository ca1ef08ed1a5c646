"""The tsc programs an Angular CLI workspace compiles: the `tsConfig` of each architect target.

`ng build` compiles `tsconfig.app.json` (`"files": ["src/main.ts"]`) and `ng test`
`tsconfig.spec.json`; the workspace's `tsconfig.json`, which both extend, often names no files at
all and so covers every file for an editor, while no build compiles it. A file outside the targets'
programs is compiled only when one of their files imports it. Read from angular.json as data.
"""

from __future__ import annotations

import json
import os


def angular_programs(directory: str) -> list[str]:
    """The tsconfig files the architect targets of `directory`'s angular.json name, that exist."""
    try:
        with open(os.path.join(directory, "angular.json"), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return []
    projects = data.get("projects") if isinstance(data, dict) else None
    found: list[str] = []
    for project in projects.values() if isinstance(projects, dict) else ():
        targets = project.get("architect", project.get("targets")) if isinstance(project, dict) else None
        for target in targets.values() if isinstance(targets, dict) else ():
            found += _target_configs(target, directory)
    return sorted(set(found))


def target_option_blocks(target: object) -> list[dict]:
    """A target's `options` and each of its `configurations` (angular.json's architect targets and Nx's
    project.json targets share the shape)."""
    if not isinstance(target, dict):
        return []
    configurations = target.get("configurations")
    blocks = [target.get("options"), *(configurations.values() if isinstance(configurations, dict) else ())]
    return [b for b in blocks if isinstance(b, dict)]


def _target_configs(target: object, directory: str) -> list[str]:
    """The `tsConfig` of a target's options and of each of its configurations."""
    paths = [os.path.normpath(os.path.join(directory, b["tsConfig"])) for b in target_option_blocks(target)
             if isinstance(b.get("tsConfig"), str)]
    return [p for p in paths if os.path.isfile(p)]
