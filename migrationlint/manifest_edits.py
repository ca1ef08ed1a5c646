"""Structured package.json edits, rendered against the manifest's current text.

A json_edit is a tuple (operation, ...) produced by the dependency rules; `render` applies a list of
them to a manifest's bytes. Implemented by the dependency rules' module (DEP001-DEP005).
"""

from __future__ import annotations


def render(data: bytes, json_edits: list[tuple]) -> bytes:
    """Apply structured edits to a package.json's bytes (ValueError when one cannot apply)."""
    if json_edits:
        raise ValueError("package.json edits are not supported yet")
    return data
