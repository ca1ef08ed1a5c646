"""The records every rule produces: Diagnostic, Fix, Edit.

Positions are UTF-8 byte offsets into the file's original bytes; reporters convert them.
An edit may target another file than the diagnostic (a package.json), so each edit names its path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(str, Enum):
    """How much a fix may be trusted: `safe` runs with --fix, `unsafe` needs --unsafe-fixes."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display-only"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace bytes [start, end) of `path` with `text` (empty text deletes, start == end inserts).

    `json_edit` edits carry a structured manifest change instead of bytes (see manifest_edits):
    they are rendered against the manifest's current text when fixes are applied, so that many
    fixes to one package.json merge into one write.
    """

    path: str
    start: int
    end: int
    text: str
    json_edit: tuple | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]
    message: str = ""


@dataclass(slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    fix: Fix | None = None
    extra: dict = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.code, self.message)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is Applicability.SAFE
