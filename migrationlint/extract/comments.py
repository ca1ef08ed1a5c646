"""Comment and damage facts: suppression directives, parse damage the grammar does not excuse,
and damaged class headers (MIG001/MIG002 on template placeholders).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from migrationlint.extract import parsing
from migrationlint.extract.grammar_gaps import known_gap
from migrationlint.extract.records import FileFacts, Suppression
from migrationlint.extract.parsing import text


Q_COMMENT = """(comment) @c"""


Q_DAMAGE = """(ERROR) @e (MISSING) @m"""


Q_CLASS_KW = """"class" @kw"""


_MAX_DAMAGE = 50


def _own_lines(data: bytes, start: int, end: int) -> tuple[int, int] | None:
    """[line start, after the newline) around [start, end) when nothing else is on those lines."""
    line_start = data.rfind(b"\n", 0, start) + 1
    if line_start == 0 and data.startswith(b"\xef\xbb\xbf"):
        line_start = 3  # keep the BOM
    if data[line_start:start].strip(b" \t"):
        return None
    newline = data.find(b"\n", end)
    line_end = len(data) if newline == -1 else newline + 1
    if data[end:line_end].strip(b" \t\r\n;"):
        return None
    return line_start, line_end


_DIRECTIVE = re.compile(r"migrationlint-(disable-next-line|disable-line|disable)\b")
_CODE = re.compile(r"[A-Z]{2,4}[0-9]{0,3}")
_KINDS = {"disable-next-line": "next-line", "disable-line": "line", "disable": "file"}


def parse_comment(comment: str, start: int, row: int) -> Suppression | None:
    """Parse one comment's text (at byte `start`, 0-based line `row`) into a Suppression."""
    m = _DIRECTIVE.search(comment)
    if m is None:
        return None
    head = comment[: m.start()].strip()
    if head not in ("//", "/*", "/**", "*"):
        return None  # the directive must open the comment, as in ESLint
    kind = _KINDS[m.group(1)]
    rest = comment[m.end():]
    if rest.endswith("*/"):
        rest = rest[:-2]
    reason_at = rest.find("--")
    body = rest if reason_at == -1 else rest[:reason_at]
    codes: list[tuple[str, int, int]] = []
    base = start + len(comment[: m.end()].encode())
    for cm in _CODE.finditer(body):
        s = base + len(body[: cm.start()].encode())
        codes.append((cm.group(0), s, s + len(cm.group(0))))
    line = {"next-line": row + 1, "line": row, "file": -1}[kind]
    return Suppression(kind=kind, codes=codes, line=line, start=start, end=start + len(comment.encode()))


# ESLint rules that check what migrationlint's dependency rules check: a comment that turns one off
# for an import waives those rules there too (the maintainers chose the import on purpose)
ESLINT_DEPENDENCY_RULES = {
    "node/no-extraneous-import": ("DEP001", "DEP005"), "node/no-extraneous-require": ("DEP001", "DEP005"),
    "n/no-extraneous-import": ("DEP001", "DEP005"), "n/no-extraneous-require": ("DEP001", "DEP005"),
    "import/no-extraneous-dependencies": ("DEP001", "DEP002", "DEP005"),
    "import-x/no-extraneous-dependencies": ("DEP001", "DEP002", "DEP005"),
    "node/no-unpublished-import": ("DEP002",), "node/no-unpublished-require": ("DEP002",),
    "n/no-unpublished-import": ("DEP002",), "n/no-unpublished-require": ("DEP002",),
}
# words of a file that may hold such a comment: the extractor reads comments only then
ESLINT_RULE_WORDS = (b"-extraneous-", b"no-unpublished-")
_ESLINT = re.compile(r"eslint-disable(-next-line|-line)?(?=\s)")


def parse_eslint_waiver(comment: str, start: int, row: int) -> Suppression | None:
    """`// eslint-disable-next-line n/no-extraneous-import -- reason` (or `-line`, or a file's
    `/* eslint-disable import/no-extraneous-dependencies */`) as a Suppression of the rules that
    check the same thing; None for any other comment, a bare `eslint-disable` included."""
    m = _ESLINT.search(comment)
    if m is None or comment[: m.start()].strip() not in ("//", "/*", "/**", "*"):
        return None
    rest = comment[m.end():].removesuffix("*/").split("--", 1)[0]
    rules = [r.strip() for r in rest.split(",") if r.strip()]
    codes = sorted({c for r in rules for c in ESLINT_DEPENDENCY_RULES.get(r, ())})
    if not codes:
        return None
    kind = {"-next-line": "next-line", "-line": "line", None: "file"}[m.group(1)]
    line = {"next-line": row + 1, "line": row, "file": -1}[kind]
    end = start + len(comment.encode())
    return Suppression(kind=kind, codes=[(c, start, end) for c in codes], line=line, start=start, end=end,
                       waiver_of=", ".join(r for r in rules if r in ESLINT_DEPENDENCY_RULES))


class CommentsFacts:
    """Mixin of the extractor: fills `self.f` from `self.data` (see extract.facts)."""

    f: FileFacts
    data: bytes
    dialect: str

    def _suppressions(self, root: Node) -> None:
        for node in parsing.cursor(self.dialect, Q_COMMENT).captures(root).get("c", []):
            comment = text(node)
            sup = parse_comment(comment, node.start_byte, node.start_point[0]) \
                or parse_eslint_waiver(comment, node.start_byte, node.start_point[0])
            if sup is not None:
                self.f.suppressions.append(sup)
        self.f.suppressions.sort(key=lambda s: s.start)

    def _damage(self, root: Node) -> None:
        seen = 0
        for _, m in parsing.cursor(self.dialect, Q_DAMAGE).matches(root):
            for kind, nodes in m.items():
                for node in nodes:
                    if known_gap(node) is not None:
                        continue  # valid TypeScript the grammar misses (grammar_gaps)
                    label = "missing " + node.type if kind == "m" else "error"
                    self.f.damage.append((node.start_byte, node.end_byte, label))
                    seen += 1
            if seen >= _MAX_DAMAGE:
                break
        self.f.damage.sort()

    def _damaged_headers(self, root: Node) -> None:
        from migrationlint.extract.header_damage import find_damaged_headers

        self.f.damaged_headers = find_damaged_headers(
            root, self.data, parsing.cursor(self.dialect, Q_CLASS_KW).captures(root).get("kw", [])
        )

