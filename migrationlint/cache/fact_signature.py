"""What the files around can read of one file's facts: its facts without byte positions.

An edit inside a function body moves the byte offsets of everything after it, yet the other files
see the same imports, exports, classes and modules. The incremental run (run_cache) reuses every
other file's findings when each edited file keeps this signature, and lints only the edited files
(and the files whose recorded fixes edit them, since a fix carries the offsets of the file it
edits). Findings never quote another file's line or offset in their messages, so positions are the
one thing the signature may leave out.

Which values are positions is declared, not guessed: the dataclass fields named in
POSITION_FIELDS, and the ints inside tuples (every tuple of the records that holds an int holds
spans or offsets: `(name, kind, offset)`, `(start, end)`). A test lists every int-typed field and
tuple of the records, so that a new one must be classified here before it can be left out.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping

POSITION_FIELDS = frozenset({
    "start", "end", "stmt_start", "stmt_end", "names_start", "names_end", "line_span", "name_start", "name_end",
    "value_start", "value_end", "callee_start", "callee_end", "junk_start", "junk_end", "name_value_start",
    "name_value_end", "array_start", "skipped_at", "line", "spans",
    # not positions, but the identity of the whole text: every edit changes them
    "digest", "size", "words",
})

_FIELDS: dict[type, tuple[str, ...]] = {}


def fact_signature(facts) -> str:
    """A digest of `facts` with every position left out (see the module docstring)."""
    return hashlib.blake2b(repr(_shape(facts)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _kept_fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name not in POSITION_FIELDS)
    return names


def _shape(value):
    """`value` as nested tuples of plain values, positions removed."""
    if isinstance(value, (str, bool, int, float)) or value is None:
        return value
    if dataclasses.is_dataclass(value):
        return (type(value).__name__, *(_shape(getattr(value, name)) for name in _kept_fields(type(value))))
    if isinstance(value, tuple):
        return tuple(_shape(v) for v in value if type(v) is not int)
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if isinstance(value, Mapping):
        return tuple((k, _shape(v)) for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(_shape(v)) for v in value))
    raise TypeError(f"no signature for {type(value).__name__}")
