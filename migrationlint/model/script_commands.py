"""The commands of a package.json script, as words: what the entry, build and tool readers look at."""

from __future__ import annotations

import os
import re
import shlex
from typing import Iterator


def shell_commands(command: str) -> Iterator[list[str]]:
    """The simple commands of a package.json script (split at `&&`, `||` and `;`), each as its
    words; a part the shell lexer cannot read (an unclosed quote) is skipped. A shell told to run
    a string (`sh -c 'tsx x.ts "$1"' --`, written to pass an argument on) runs that string's commands."""
    for part in re.split(r"&&|\|\||;", command):
        try:
            words = shlex.split(part)
        except ValueError:
            continue
        if len(words) > 2 and os.path.basename(words[0]) in _SHELLS and _RUN_STRING.fullmatch(words[1]):
            yield from shell_commands(words[2])
        elif words:
            yield words


_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ash"})
_RUN_STRING = re.compile(r"-[a-z]*c")  # `-c`, `-lc`, `-ec`: the next word is the command string


def type_check_only(script: object) -> bool:
    """Whether every command of a script is tsc told to write nothing (`tsc --noEmit`, `tsc -p
    tsconfig.json --noEmit`): it checks the package's types and builds nothing."""
    commands = list(shell_commands(script)) if isinstance(script, str) else []
    return bool(commands) and all(os.path.basename(words[0]) == "tsc" and "--noEmit" in words for words in commands)
