#!/usr/bin/env python3
"""Check a generated benchmark tree: clean where it should be, defects where it says.

    python benchmarks/verify.py TREE

This is an independent, deliberately simple oracle for the generator's own style of
code (regular expressions, not a TypeScript front end), so a bug in the generator
shows up as an unexpected finding here rather than as a false positive blamed on
the linter. Checks:
  * every .ts file parses with tree-sitter, except the planted MIG002 files;
  * each defects.json entry points at a line carrying the intended token;
  * every import resolves (relative, `@/` alias, workspace package and subpath export),
    every named import is exported by its target (following `export *` chains),
    every bare package is declared in the nearest manifest, and not dev-only in src/;
  * migrations are named `<13 digits>-<Name>.ts` with class `<Name><ts>` and a matching
    `name` literal, unique names per directory, no other exports, no schema-builder misuse;
  * Transport.KAFKA implies kafkajs, `type: 'postgres'` implies pg;
  * pnpm-lock.yaml importers agree with the manifests (when PyYAML is installed).
Exit status 0 when no unexpected problem is found.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_timing import make_parser

IMPORT_RE = re.compile(r"^(?:import|export)\s+(?P<what>[^'\";]*?)\s*from\s+'(?P<spec>[^']+)';", re.M | re.S)
SIDE_EFFECT_RE = re.compile(r"^import\s+'(?P<spec>[^']+)';", re.M)
EXPORT_DECL_RE = re.compile(r"^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?"
                            r"(?:class|function|const|let|var|interface|type|enum)\s+(\w+)", re.M)
EXPORT_STAR_RE = re.compile(r"^export\s+\*\s+from\s+'([^']+)';", re.M)
EXPORT_NAMED_FROM_RE = re.compile(r"^export\s+\{([^}]*)\}\s+from\s+'([^']+)';", re.M)
DEFECT_LINE_RE = {
    "MIG001": re.compile(r"export class \w+?\d{10} |name = '[A-Za-z]+';"),
    "MIG002": re.compile(r"export class \w+'\$timestamp' "),
    "MIG003": re.compile(r"export class \w+1234567890123 "),
    "MIG004": re.compile(r"export class \w+\d{13} "),
    "MIG006": re.compile(r"^export function buildIndexName\("),
    "MIG010": re.compile(r"^\s+new Index\(\{$"),
    "MIG011": re.compile(r"^@TableIndex\(\{"),
    "MIG012": re.compile(r"^\s+unique: true,$"),
    "MIG013": re.compile(r"queryRunner\.createIndex\('\w+', \{"),
    "DEP001": re.compile(r"^import .* from 'ioredis';$"),
    "DEP002": re.compile(r"^import .* from 'uuid';$"),
    "DEP004": re.compile(r"transport: Transport\.KAFKA,"),
    "DEP005": re.compile(r"^import .* from 'lodash';$"),
    "IMP001": re.compile(r"^import .* from '@bench/shared-services';$"),
    "IMP002": re.compile(r"^import .* from '\./redis\.health';$"),
    "IMP003": re.compile(r"^import \{ \w+ \} from '[^']+';$"),
}
TEST_RE = re.compile(r"(\.spec\.ts|\.e2e-spec\.ts|\.test\.ts)$|/test/")
BUILTINS = {"crypto", "fs", "path", "os", "util", "events", "stream", "url", "zlib"}


class Tree:
    """The generated tree loaded once: sources, manifests and exports by file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sources = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
                        for p in sorted(root.rglob("*.ts")) if "node_modules" not in p.parts}
        self.manifests = {p.parent.relative_to(root).as_posix(): json.loads(p.read_text())
                          for p in root.rglob("package.json") if "node_modules" not in p.parts}
        self.packages = {m["name"]: d for d, m in self.manifests.items() if d != "."}
        self.defects = json.loads((root / "defects.json").read_text())
        self.defect_at = {(d["path"], d["line"]) for d in self.defects}
        self._exports: dict[str, set[str] | None] = {}

    def manifest_dir(self, path: str) -> str:
        """Directory of the nearest package.json above `path`."""
        parts = path.split("/")[:-1]
        while parts and "/".join(parts) not in self.manifests:
            parts.pop()
        return "/".join(parts) or "."

    def resolve(self, importer: str, spec: str) -> str | None:
        """Workspace file a relative, alias or @bench specifier points at (None if none)."""
        if spec.startswith("."):
            base = (Path(importer).parent / spec).as_posix()
            base = str(Path(base)).replace("\\", "/")
            parts: list[str] = []
            for seg in base.split("/"):
                if seg == "..":
                    parts.pop()
                elif seg != ".":
                    parts.append(seg)
            base = "/".join(parts)
        elif spec.startswith("@/"):
            base = f"{self.manifest_dir(importer)}/src/{spec[2:]}"
        elif spec.startswith("@bench/"):
            name = "/".join(spec.split("/")[:2])
            sub = spec[len(name):]
            directory = self.packages.get(name)
            if directory is None:
                return None
            exports = self.manifests[directory].get("exports", {})
            entry = exports.get("." + sub if sub else ".")
            if entry is None:
                return None
            dist = entry["default"] if isinstance(entry, dict) else entry
            base = f"{directory}/" + dist[2:].replace("dist/", "src/", 1).removesuffix(".js")
        else:
            return None
        for candidate in (base + ".ts", base + "/index.ts"):
            if candidate in self.sources:
                return candidate
        return None

    def exports_of(self, path: str) -> set[str]:
        """Names a module exports, following `export *` and `export { a as b } from`."""
        if path in self._exports:
            return self._exports[path] or set()
        self._exports[path] = None  # cycle guard
        text = self.sources[path]
        names = set(EXPORT_DECL_RE.findall(text))
        if re.search(r"^export default ", text, re.M):
            names.add("default")
        for spec in EXPORT_STAR_RE.findall(text):
            target = self.resolve(path, spec)
            if target:
                names |= self.exports_of(target)
        for group, _spec in EXPORT_NAMED_FROM_RE.findall(text):
            for item in group.split(","):
                if item.strip():
                    names.add(item.split(" as ")[-1].strip())
        self._exports[path] = names
        return names


def line_of(text: str, offset: int) -> int:
    """1-based line of a character offset."""
    return text.count("\n", 0, offset) + 1


def imported_names(what: str) -> tuple[list[str], bool]:
    """Named bindings (original names) and whether a default binding is imported."""
    what = what.strip()
    if what.startswith("type "):
        what = what[5:]
    named: list[str] = []
    default = False
    brace = what.find("{")
    head = what[:brace] if brace >= 0 else what
    if head.strip().rstrip(",").strip() and not head.strip().startswith("*"):
        default = True
    if brace >= 0:
        for item in what[brace + 1: what.rfind("}")].split(","):
            item = item.strip()
            if item:
                named.append(item.split(" as ")[0].strip().removeprefix("type "))
    return named, default


def check_parse(tree: Tree, problems: list[str]) -> int:
    """Every file parses except the planted MIG002 ones (which must not)."""
    parsers = {".ts": make_parser(".ts")}
    damaged = {d["path"] for d in tree.defects if d["code"] == "MIG002"}
    for path, text in tree.sources.items():
        has_error = parsers[".ts"].parse(text.encode()).root_node.has_error
        if has_error and path not in damaged:
            problems.append(f"{path}: tree-sitter reports a syntax error")
        if not has_error and path in damaged:
            problems.append(f"{path}: planted MIG002 file parses cleanly")
    return len(tree.sources)


def check_defect_lines(tree: Tree, problems: list[str]) -> None:
    """Each defect line carries its token; cross-file facts behind dependency defects hold."""
    for d in tree.defects:
        text = tree.sources.get(d["path"])
        if text is None:
            problems.append(f"defect {d}: no such file")
            continue
        line = text.split("\n")[d["line"] - 1]
        if not DEFECT_LINE_RE[d["code"]].search(line):
            problems.append(f"defect {d['code']} {d['path']}:{d['line']}: line is {line.strip()!r}")
        manifest = tree.manifests[tree.manifest_dir(d["path"])]
        declared = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
        if d["code"] == "DEP001" and ("ioredis" in declared or not any(
                "ioredis" in m.get("dependencies", {}) for m in tree.manifests.values())):
            problems.append(f"DEP001 {d['path']}: ioredis declared here or nowhere else")
        if d["code"] == "DEP002" and ("uuid" in manifest.get("dependencies", {})
                                      or "uuid" not in manifest.get("devDependencies", {})):
            problems.append(f"DEP002 {d['path']}: uuid is not dev-only")
        if d["code"] == "DEP004" and "kafkajs" in declared:
            problems.append(f"DEP004 {d['path']}: kafkajs is declared")
        if d["code"] == "DEP005" and ("lodash" in declared or "lodash" not in tree.manifests["."]["dependencies"]):
            problems.append(f"DEP005 {d['path']}: lodash declared in the service or missing at the root")


def check_imports(tree: Tree, problems: list[str]) -> int:
    """Resolution, named exports and declared dependencies of every import."""
    count = 0
    for path, text in tree.sources.items():
        manifest = tree.manifests[tree.manifest_dir(path)]
        prod = {**manifest.get("dependencies", {}), **manifest.get("peerDependencies", {})}
        dev = manifest.get("devDependencies", {})
        matches = [(m.start(), m.group("spec"), m.group("what")) for m in IMPORT_RE.finditer(text)]
        matches += [(m.start(), m.group("spec"), "") for m in SIDE_EFFECT_RE.finditer(text)]
        for offset, spec, what in matches:
            count += 1
            where = (path, line_of(text, offset))
            problem = import_problem(tree, path, spec, what, prod, dev, manifest)
            if where in tree.defect_at and problem is None:
                problems.append(f"{path}:{where[1]}: planted import defect is not a problem")
            elif where not in tree.defect_at and problem:
                problems.append(f"{path}:{where[1]}: {problem}")
    return count


def import_problem(tree: Tree, path: str, spec: str, what: str, prod: dict, dev: dict,
                   manifest: dict) -> str | None:
    """What is wrong with one import statement, if anything."""
    if spec.startswith((".", "@/", "@bench/")):
        if spec.startswith("@bench/"):
            name = "/".join(spec.split("/")[:2])
            if name != manifest["name"] and name not in prod and name not in dev:
                return f"workspace package {name} not declared"
        target = tree.resolve(path, spec)
        if target is None:
            return f"cannot resolve {spec!r}"
        named, default = imported_names(what)
        exported = tree.exports_of(target)
        missing = [n for n in named if n not in exported] + (["default"] if default and "default" not in exported else [])
        return f"{spec!r} does not export {missing}" if missing else None
    package = "/".join(spec.split("/")[:2]) if spec.startswith("@") else spec.split("/")[0]
    if package in BUILTINS:
        return None
    if package in prod:
        return None
    if package in dev:
        return None if TEST_RE.search(path) or what.strip().startswith("type ") else f"{package} is dev-only"
    return f"{package} is not declared in {manifest['name']}"


def check_migrations(tree: Tree, problems: list[str]) -> int:
    """Naming, uniqueness and schema-builder usage of every clean migration."""
    by_dir: dict[str, dict[str, str]] = defaultdict(dict)
    planted = {d["path"] for d in tree.defects if d["code"].startswith("MIG")}
    count = 0
    for path, text in tree.sources.items():
        if "/migrations/" not in path:
            continue
        count += 1
        directory, filename = path.rsplit("/", 1)
        classes = re.findall(r"^export class (\S+) implements MigrationInterface", text, re.M)
        literal = re.findall(r"^  name = (.*);$", text, re.M)
        effective = literal[0].strip("'") if literal else (classes[0] if classes else "")
        if effective in by_dir[directory] and path not in planted:
            problems.append(f"{path}: migration name {effective} also in {by_dir[directory][effective]}")
        by_dir[directory].setdefault(effective, path)
        if path in planted:
            continue
        m = re.fullmatch(r"(\d{13})-([A-Za-z0-9]+)\.ts", filename)
        if not m or classes != [m.group(2) + m.group(1)] or (literal and literal[0] != f"'{classes[0]}'"):
            problems.append(f"{path}: file name, class {classes} and name {literal} disagree")
        if len(EXPORT_DECL_RE.findall(text)) != 1:
            problems.append(f"{path}: exports something besides the migration class")
        if re.search(r"new (Index|Column|Unique|Check|ForeignKey|Entity)\(|createIndex\('\w+', \{|^\s+unique: true", text, re.M):
            problems.append(f"{path}: schema-builder misuse")
    for path, text in tree.sources.items():
        if re.search(r"^@Table\w*\(", text, re.M) and path not in planted:
            problems.append(f"{path}: schema-builder class used as a decorator")
    return count


def check_runtime_packages(tree: Tree, problems: list[str]) -> None:
    """Lazy-loaded packages: kafkajs for Transport.KAFKA, pg for type 'postgres'."""
    for path, text in tree.sources.items():
        manifest = tree.manifests[tree.manifest_dir(path)]
        deps = manifest.get("dependencies", {})
        planted = any(p == path and d == "DEP004" for p, d in ((x["path"], x["code"]) for x in tree.defects))
        if "Transport.KAFKA" in text and "kafkajs" not in deps and not planted:
            problems.append(f"{path}: Transport.KAFKA without kafkajs")
        if "type: 'postgres'" in text and "pg" not in deps:
            problems.append(f"{path}: postgres without pg")


def check_lockfile(tree: Tree, problems: list[str]) -> None:
    """Importers of pnpm-lock.yaml match the manifests (skipped without PyYAML)."""
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        print("  (PyYAML not installed: lockfile not checked)")
        return
    lock = yaml.safe_load((tree.root / "pnpm-lock.yaml").read_text())
    if lock.get("lockfileVersion") != "9.0":
        problems.append("pnpm-lock.yaml: lockfileVersion is not '9.0'")
    for directory, manifest in tree.manifests.items():
        importer = lock["importers"].get(directory)
        if importer is None:
            problems.append(f"pnpm-lock.yaml: no importer for {directory}")
            continue
        for key in ("dependencies", "devDependencies"):
            want = manifest.get(key, {})
            have = {n: v["specifier"] for n, v in (importer.get(key) or {}).items()}
            if want != have:
                problems.append(f"pnpm-lock.yaml: {directory} {key} differ from package.json")
            for name, entry in (importer.get(key) or {}).items():
                version = str(entry["version"])
                if not version.startswith("link:") and f"{name}@{version.split('(')[0]}" not in lock["packages"]:
                    problems.append(f"pnpm-lock.yaml: {name}@{version} missing from packages")


def main(argv: list[str]) -> int:
    """Run every check and print a summary; exit 1 on any unexpected problem."""
    if len(argv) != 1:
        print(__doc__)
        return 2
    tree = Tree(Path(argv[0]))
    problems: list[str] = []
    parsed = check_parse(tree, problems)
    check_defect_lines(tree, problems)
    imports = check_imports(tree, problems)
    migrations = check_migrations(tree, problems)
    check_runtime_packages(tree, problems)
    check_lockfile(tree, problems)
    print(f"checked {parsed} files, {imports} imports, {migrations} migrations, {len(tree.defects)} defects")
    for problem in problems[:200]:
        print("  " + problem)
    print(f"{len(problems)} unexpected problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
