"""Output formats. Each `<name>_format` module has `render(result, **options) -> str`."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Callable

FORMATS = ("full", "concise", "json", "lsp", "sarif", "github")


def available() -> list[str]:
    """The formats whose modules exist. Found without importing them: a run imports only the
    format it prints (rich, which the full format needs, costs 12 ms of a pre-commit run)."""
    return [name for name in FORMATS if importlib.util.find_spec(f"{__name__}.{name}_format") is not None]


def renderer(fmt: str) -> Callable[..., str]:
    """The render function of format `fmt` (one of `available()`)."""
    return importlib.import_module(f"{__name__}.{fmt}_format").render


def render(fmt: str, result, **options) -> str:
    return renderer(fmt)(result, **options)
