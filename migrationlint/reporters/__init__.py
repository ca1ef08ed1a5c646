"""Output formats. Each `<name>_format` module has `render(result, **options) -> str`."""

from __future__ import annotations

import importlib
from typing import Callable

FORMATS = ("full", "concise", "json", "lsp", "sarif", "github")


def available() -> dict[str, Callable[..., str]]:
    """The formats whose modules exist, name -> render function."""
    found: dict[str, Callable[..., str]] = {}
    for name in FORMATS:
        try:
            module = importlib.import_module(f"migrationlint.reporters.{name}_format")
        except ModuleNotFoundError as exc:
            if exc.name != f"migrationlint.reporters.{name}_format":
                raise
            continue
        found[name] = module.render
    return found


def render(fmt: str, result, **options) -> str:
    return available()[fmt](result, **options)
