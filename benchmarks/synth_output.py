"""In-memory file tree plus the list of planted defects, with exact line lookup.

Generators render whole files first and locate defects afterwards by searching the
final text for a needle that must occur on exactly one line. Searching the final
text (instead of counting lines while rendering) keeps line numbers exact even when
imports are reordered or wrapped, and the uniqueness assertion catches mistakes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Defect:
    """A seeded finding: rule code, path relative to the tree root (posix), 1-based line."""

    code: str
    path: str
    line: int


@dataclass
class Output:
    """Files to write (relative posix path -> text) and the defects planted in them."""

    files: dict[str, str] = field(default_factory=dict)
    defects: list[Defect] = field(default_factory=list)

    def add(self, path: str, text: str) -> None:
        """Register a file; a second file at the same path is a generator bug."""
        if path in self.files:
            raise ValueError(f"generator wrote {path} twice")
        self.files[path] = text

    def add_json(self, path: str, data: object) -> None:
        """Register a JSON file formatted like npm/pnpm write them (2 spaces, final newline)."""
        self.add(path, json.dumps(data, indent=2) + "\n")

    def mark(self, code: str, path: str, needle: str) -> Defect:
        """Record a defect at the only line of `path` that contains `needle`."""
        lines = self.files[path].split("\n")
        hits = [i for i, text in enumerate(lines) if needle in text]
        if len(hits) != 1:
            raise AssertionError(f"{code}: needle {needle!r} found on {len(hits)} lines of {path}")
        defect = Defect(code, path, hits[0] + 1)
        self.defects.append(defect)
        return defect

    def write(self, root: Path) -> None:
        """Write every file below `root` (UTF-8, LF) plus `defects.json`."""
        root.mkdir(parents=True, exist_ok=True)
        made: set[Path] = set()
        for rel, text in self.files.items():
            target = root / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        ordered = sorted(self.defects, key=lambda d: (d.code, d.path, d.line))
        with open(root / "defects.json", "w", encoding="utf-8") as handle:
            json.dump([asdict(d) for d in ordered], handle, indent=2)
            handle.write("\n")
