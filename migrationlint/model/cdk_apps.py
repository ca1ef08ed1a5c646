"""The command that runs an AWS CDK app: cdk.json's `app`, or the `--app` (`-a`) a package script
gives the CDK CLI (`"synth": "cdk synth --app 'npx ts-node bin/cdk.ts'"`, no cdk.json), or a CI workflow
or the root Makefile does, naming a program file of the package. Either way the
CLI runs that program on a developer's machine or in CI to synthesise the stacks: it is deploy
tooling, not deployed code."""

from __future__ import annotations

import os
import re

from migrationlint.model.entry_points import cdk_app
from migrationlint.model.manifest_peek import peek_field

_APP_FLAG = re.compile(r"\bcdk\s+[^;&|]*?(?:--app|-a)[= ](?:'([^']*)'|\"([^\"]*)\"|([^\s'\"]+))")


def cdk_app_named_in(text: str, root: str, directory: str) -> tuple[str, str] | None:
    """(the CDK app command, where) when a `cdk ... --app` in `text` (CI workflows and the root Makefile, run
    from the repository's root) runs a program file inside the package at `directory`."""
    for match in _APP_FLAG.finditer(text):
        command = next(g for g in match.groups() if g is not None)
        for word in command.split():
            target = os.path.normpath(os.path.join(root, word))
            if word.endswith(_PROGRAMS) and target.startswith(directory + os.sep):
                return command, "a CI workflow's or the Makefile's cdk --app"
    return None


_PROGRAMS = (".ts", ".js", ".mts", ".mjs", ".cts", ".cjs")


def cdk_app_command(directory: str) -> tuple[str, str] | None:
    """(the CDK app command of the package in `directory`, where it is given): cdk.json's `app`, else
    a script's `--app`."""
    found = cdk_app(directory)
    if found is not None:
        return found, 'cdk.json "app"'
    scripts = peek_field(directory, "scripts", b"cdk")
    for name, command in scripts.items() if isinstance(scripts, dict) else ():
        match = _APP_FLAG.search(command) if isinstance(command, str) else None
        if match is not None:
            return next(g for g in match.groups() if g is not None), f'the "{name}" script\'s --app'
    return None
