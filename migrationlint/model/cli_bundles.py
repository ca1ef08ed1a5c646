"""Bundlers run as one command line (`ncc build`, `bun build`): what they inline is read off the
command's words, with no config file to read."""

from __future__ import annotations

import shlex

from migrationlint.model.bundle_record import Bundle
from migrationlint.model.script_commands import command_pattern


_NCC_BUILD = command_pattern(r"ncc build\b([^&|;]*)")


def ncc_build(scripts: list[str]) -> Bundle | None:
    """`ncc build` (@vercel/ncc) compiles the package and everything it imports, its dependencies
    included, into one file; only what `-e`/`--external` names stays out."""
    for script in scripts:
        found = _NCC_BUILD.search(script)
        if found is not None:
            return Bundle("an ncc bundle (ncc build): it inlines every import but what -e/--external names",
                          _named_externals(_words(found.group(1))))
    return None


_BUN_BUILD = command_pattern(r"bun build\b([^&|;]*)")


def bun_build(scripts: list[str]) -> Bundle | None:
    """`bun build` bundles by default: every import but what `-e`/`--external` names, unless
    `--no-bundle` (transpile only) or `--packages external` keeps every package out."""
    for script in scripts:
        found = _BUN_BUILD.search(script)
        if found is None:
            continue
        words = _words(found.group(1))
        external = _named_externals(words)
        if "--no-bundle" in words or "*" in external or "--packages=external" in words \
                or any(w == "--packages" and words[i + 1:i + 2] == ["external"] for i, w in enumerate(words)):
            return None
        return Bundle("a bun bundle (bun build): it inlines every import but what -e/--external names", external)
    return None


def _words(command: str) -> list[str]:
    try:
        return shlex.split(command)
    except ValueError:  # an unclosed quote
        return command.split()


def _named_externals(words: list[str]) -> tuple[str, ...]:
    """The packages a bundler's command line keeps out (`-e x`, `--external x`, `--external=x`)."""
    external = [words[i + 1] for i, w in enumerate(words[:-1]) if w in ("-e", "--external")]
    return tuple(external + [w.split("=", 1)[1] for w in words if w.startswith("--external=")])
