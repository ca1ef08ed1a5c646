"""The configuration the Sequelize CLI loads, as `.sequelizerc` names it.

`sequelize-cli db:migrate` reads `.sequelizerc` in the folder it runs in, whose `config` key names
the file holding the database settings (`path.resolve('dist', 'config', 'db.config.js')`, often the
build's output of a TypeScript source). Only the CLI loads that file, from a script: it is a tool's
input, not the service's code, even though the build emits it beside the service.
"""

from __future__ import annotations

import os

from migrationlint.model.config_objects import read_config
from migrationlint.model.entry_points import to_source

RC_NAME = ".sequelizerc"
CLIS = frozenset({"sequelize", "sequelize-cli"})


def sequelize_config(run_dir: str) -> str | None:
    """The source of the file `.sequelizerc` in `run_dir` names as the CLI's `config` (a built
    `.js` mapped back to the TypeScript it is compiled from, through its own package's layout)."""
    rc = os.path.join(run_dir, RC_NAME)
    if not os.path.isfile(rc):
        return None
    named = read_config(rc).keys.get(("config",))
    if not isinstance(named, str) or os.path.isabs(named):
        return None
    target = os.path.normpath(os.path.join(run_dir, named))
    package = _package_dir(run_dir, target)
    source = to_source(package, os.path.relpath(target, package), lambda _dir, _path: None)
    return source if source is not None else target


def _package_dir(run_dir: str, target: str) -> str:
    """The folder of the nearest package.json above `target`, no higher than `run_dir`."""
    directory = os.path.dirname(target)
    while directory.startswith(run_dir + os.sep):
        if os.path.isfile(os.path.join(directory, "package.json")):
            return directory
        directory = os.path.dirname(directory)
    return run_dir
