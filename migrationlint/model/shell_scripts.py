"""The shell scripts a package.json script runs, and their command lines.

A build or install hook often hands its work to a script file (`"build": "bash build.sh"`,
`"postinstall": "./script/build-deps"`): what that file runs is what the hook runs. Only the lines
up to a `cd` into another folder count (what follows builds something else; a subshell's `(cd ../lib
&& ...)` line is skipped, and the lines after it are the script's again), and a file run by
its path without `.sh` only when its shebang names a shell.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.script_commands import command_pattern

# a shell script a package script runs (`bash ./scripts/build.sh`, `./build.sh`): its lines are the build's
_SHELL_FILE = command_pattern(r"(?:(?:ba)?sh\s+)?(\.{0,2}/?[\w./-]+\.sh)\b")
_SHELL_LINES = 200
# a file run by its path with no `.sh` (`./script/build-deps`): a shell script when its shebang says so
_RUN_BY_PATH = command_pattern(r"(\.{1,2}/[\w./-]*[\w-])(?=$|[\s;&|)])")
_SHELL_SHEBANG = re.compile(r"#!\s*/(?:usr/)?bin/(?:env\s+)?(?:ba|z|da)?sh\b")


def shell_files(script: str, directory: str) -> list[str]:
    """The shell scripts a package script runs: `*.sh` files, and files run by path whose first
    line is a shell's shebang."""
    found = _SHELL_FILE.findall(script)
    for path in _RUN_BY_PATH.findall(script):
        if not path.endswith(".sh") and _SHELL_SHEBANG.match(_first_line(os.path.join(directory, path))):
            found.append(path)
    return found


def _first_line(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.readline(200)
    except (OSError, UnicodeDecodeError):
        return ""


def shell_script_commands(path: str) -> list[str]:
    """The command lines of a shell script (comments and blank lines left out); none when unreadable."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read(64 * 1024).splitlines()[:_SHELL_LINES]
    except (OSError, UnicodeDecodeError):
        return []
    found = []
    for line in (raw.strip() for raw in lines):
        if not line or line.startswith("#"):
            continue
        if _LEAVES_FOLDER.search(line):
            if line.startswith("("):
                continue  # `(cd ../lib && yarn build)`: a subshell works elsewhere, and comes back
            break  # what runs after a `cd` elsewhere builds another folder
        found.append(line)
    return found


# a command that moves to another folder (`cd ../web`, `pushd app`); a move to the script's own
# folder (`cd "$(dirname "$0")"`) keeps the package's
_LEAVES_FOLDER = re.compile(r"(?:^|[;&|(]\s*)(?:cd|pushd)\s+(?![\"']?\$\(dirname\b)")
