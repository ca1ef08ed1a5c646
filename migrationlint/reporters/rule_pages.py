"""Rule documentation pages (rules/*.md), from the source tree or from the installed wheel."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the migrationlint package
DOCS_URL = "https://github.com/migrationlint/migrationlint/blob/main/rules/"


def pages_dir() -> Path | None:
    """`migrationlint/_rules` in a wheel, `<checkout>/rules` in a source tree."""
    for candidate in (_PACKAGE / "_rules", _PACKAGE.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return None


def page_path(code: str) -> Path | None:
    directory = pages_dir()
    if directory is None:
        return None
    matches = sorted(directory.glob(f"{code.upper()}-*.md"))
    return matches[0] if matches else None


def page_text(code: str) -> str | None:
    path = page_path(code)
    return path.read_text(encoding="utf-8") if path else None


def help_uri(code: str) -> str:
    path = page_path(code)
    return DOCS_URL + (path.name if path else "")


@dataclass
class Block:
    """A fenced example block: ```ts bad path=src/x.ts``` -> role `bad`, options {path: ...}."""

    lang: str
    role: str
    options: dict[str, str]
    code: str
    line: int


@dataclass
class Example:
    """A bad or good block with the context blocks before it and its expected fixed text."""

    block: Block
    context: list[Block] = field(default_factory=list)
    fixed: Block | None = None


_FENCE = re.compile(r"^```(\S+)([^\n]*)\n(.*?)^```[ \t]*$", re.S | re.M)


def blocks(text: str) -> list[Block]:
    found = []
    for m in _FENCE.finditer(text):
        lang, info, code = m.group(1), m.group(2).split(), m.group(3)
        role = next((w for w in info if "=" not in w), "")
        options = dict(w.split("=", 1) for w in info if "=" in w)
        found.append(Block(lang, role, options, code, text.count("\n", 0, m.start()) + 1))
    return found


def examples(text: str) -> list[Example]:
    """Group blocks: `context` blocks apply to the examples after them (until a `reset` block role
    or a new `## ` section), a `fixed` block belongs to the `bad` block right before it."""
    out: list[Example] = []
    context: list[Block] = []
    for b in blocks(text):
        if b.role == "context":
            context = [c for c in context if c.options.get("path") != b.options.get("path")] + [b]
        elif b.role in ("bad", "good"):
            out.append(Example(b, list(context)))
        elif b.role in ("fixed", "fixed-unsafe") and out and out[-1].block.role == "bad":
            out[-1].fixed = b
        elif b.role == "reset":
            context = []
    return out


def fix_safety(code: str) -> str:
    """The "Fix safety" section of the rule's page ('' when the page or the section is missing)."""
    text = page_text(code) or ""
    if "## Fix safety" not in text:
        return ""
    return text.split("## Fix safety", 1)[1].split("\n## ", 1)[0].strip()


def fix_safety_says(code: str) -> str:
    """'none', 'safe' or 'unsafe': what the first sentence of the page's "Fix safety" says. Rules
    whose fix exists only sometimes say there whether that fix is safe, so reports read it here."""
    first = re.split(r"(?<=[.:])\s", fix_safety(code), maxsplit=1)[0].lower()
    if not first or first.startswith("there is no"):
        return "none"
    return "unsafe" if "unsafe" in first else "safe"
