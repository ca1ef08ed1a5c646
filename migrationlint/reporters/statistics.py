"""`--statistics`: how many findings each rule has, and for what, instead of the findings.

A first run on a large repository can print a thousand lines that say one thing (every test
importing `@jest/globals`, which six manifests lack): the counts per rule and per package say
where the work is, as ruff's `--statistics` does per rule. A finding about a package (the DEP
rules) is counted under that package, with the number of manifests involved; the others under
their rule. `[*]` marks a group with a fix `--fix` applies.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Sequence

from migrationlint.diagnostics import Diagnostic


def statistics(diagnostics: Sequence[Diagnostic], as_json: bool = False) -> str:
    """The counts, one line per (rule, package) group, largest first (JSON: a list of objects)."""
    groups: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        groups[(d.code, str(d.extra.get("package", "")))].append(d)
    rows = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if as_json:
        return json.dumps([_record(code, package, found) for (code, package), found in rows], indent=2) + "\n"
    width = max((len(str(len(found))) for _, found in rows), default=1)
    return "".join(_line(code, package, found, width) for (code, package), found in rows)


def _record(code: str, package: str, found: list[Diagnostic]) -> dict:
    return {"code": code, "name": found[0].name, "package": package or None, "count": len(found),
            "manifests": len(_manifests(found)), "fixable": any(d.fixable for d in found)}


def _line(code: str, package: str, found: list[Diagnostic], width: int) -> str:
    fixable = "[*] " if any(d.fixable for d in found) else ""
    what = ""
    if package:
        manifests = len(_manifests(found))
        what = f' "{package}"' + (f" ({manifests} manifests)" if manifests > 1 else "")
    return f"{len(found):>{width}}\t{code}\t{fixable}{found[0].name}{what}\n"


def _manifests(found: list[Diagnostic]) -> set[str]:
    return {str(d.extra["manifest"]) for d in found if d.extra.get("manifest")}
