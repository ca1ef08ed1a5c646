"""One field of a folder's package.json, read without the workspace model: for the helpers that
ask a package folder one question before any manifest is loaded (which jest config, which CDK app),
and that skip the JSON parse when the file does not even mention what they look for."""

from __future__ import annotations

import json
import os


def peek_field(directory: str, key: str, needle: bytes) -> object:
    """The value of `key` in `directory`'s package.json, or None when the file is missing, unreadable,
    not an object, or does not contain `needle` at all (no parse then)."""
    data = peek_object(directory, needle)
    return data.get(key) if data is not None else None


def peek_object(directory: str, needle: bytes) -> dict | None:
    """`directory`'s package.json as an object, or None when it is missing, unreadable, not an object,
    or does not contain `needle` at all (no parse then)."""
    try:
        with open(os.path.join(directory, "package.json"), "rb") as fh:
            data = fh.read()
        if needle not in data:
            return None
        found = json.loads(data)
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None
