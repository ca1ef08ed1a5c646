"""The shape of the code, checked with the README's test command: ruff, the layer contract
(import-linter, `[tool.importlinter]` in pyproject.toml), no import cycle (function-local imports
included), no dead code (vulture, with the short allow-list below), and size limits that keep
each module and function readable in one sitting."""

from __future__ import annotations

import ast
import subprocess
import sys
import sysconfig
from pathlib import Path
from tests.helpers import REPO

ROOT = REPO
PACKAGE = ROOT / "migrationlint"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

# names vulture cannot see used: pygls calls the server's handlers through its decorators, GAPS is
# the table of the names grammar_gaps.known_gap returns (documentation kept as data), and the HTML
# parser calls its subclass's handle_starttag (html_entries.py)
VULTURE_IGNORED_DECORATORS = ["@server.feature", "@server.command", "@server.thread"]
VULTURE_IGNORED_NAMES = ["GAPS", "handle_starttag"]


def _tool(name: str) -> str:
    return str(Path(sysconfig.get_path("scripts")) / name)


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the package modules it imports anywhere (top level or inside functions); importing
    `a.b.c` also runs the package `a.b`, so that edge counts too (the root package excepted)."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("migrationlint"):
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                           for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("migrationlint")]
            for target in targets:
                while target and target != "migrationlint":
                    if target in modules and target != name and not name.startswith(target + "."):
                        graph[name].add(target)
                    target = target.rpartition(".")[0]
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_counting_function_local_imports():
    assert cycles(import_graph(_modules())) == []


def test_the_cycle_finder_finds_a_cycle_through_a_function_local_import(tmp_path):
    """The check above could pass by finding nothing: a made-up package with one cycle that only a
    function-local import closes must be reported."""
    pkg = tmp_path / "migrationlint"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from migrationlint.sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from migrationlint import a\n")
    (pkg / "c.py").write_text("from migrationlint.sub.b import f\n")
    modules = {}
    for path in sorted(pkg.rglob("*.py")):
        parts = path.relative_to(tmp_path).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    assert cycles(import_graph(modules)) == [["migrationlint.a", "migrationlint.sub.b"]]


def test_layers_import_downward_only():
    r = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr


def test_no_module_or_function_too_long():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{rel}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{rel}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []


def test_ruff_finds_nothing():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "migrationlint", "tests", "benchmarks"],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_dead_code():
    """vulture over the package, with the tests and benchmarks as users of what they exercise."""
    r = subprocess.run([_tool("vulture"), "migrationlint", "tests", "benchmarks", "scripts", "--min-confidence", "60",
                        "--exclude", "fixtures,data", "--ignore-decorators", ",".join(VULTURE_IGNORED_DECORATORS),
                        "--ignore-names", ",".join(VULTURE_IGNORED_NAMES)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    package_findings = [line for line in r.stdout.splitlines() if line.startswith("migrationlint/")]
    assert package_findings == [], "\n".join(package_findings)


def test_dead_code_named_in_issue_13_stays_gone():
    """Removed as unused: a wrapper nothing called, a hook for a function that always exists, a
    variable never read, a cache-key part that was always "v1", and fact fields nothing read."""
    gone = ["def extract_files(", "_alias_hook", "pending_error", "extraction_key", "default_export",
            "target_name", "type_options", "header_damage: HeaderDamage"]
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for name in gone:
            assert name not in text, f"{path.relative_to(ROOT)} has {name}"


def test_the_docs_name_only_files_that_exist_and_nothing_outside_the_repository():
    import re

    files = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.py") if ".git" not in p.parts]
    for doc in ("docs/architecture.md", "CONTRIBUTING.md", "README.md", "rules/README.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert "DESIGN" not in text and "../shared" not in text, doc
        for ref in re.findall(r"`((?:[a-z_]+/)*[a-z_]+\.py)`", text):
            assert any(f == ref or f.endswith("/" + ref) for f in files), f"{doc} names {ref}, which does not exist"
