"""Real-repo round trips: inject known faults into a copy of a real repository, lint, fix, and
report what was found, what was fixed back to valid code or to the original bytes, and whether
anything else changed.

    python benchmarks/roundtrip.py /path/to/repo [--per-kind 3] [--seed 1] [--keep DIR]

Faults injected, each at real places of the repository:
  MIG001  a migration's 13-digit class timestamp cut to 10 digits
  MIG002  a template placeholder in a migration's class header (and its `name` literal)
  MIG010  `new TableIndex(` written as `new Index(` (with the import)
  DEP001  a dependency that production code imports removed from its package.json
  IMP001  an unused import of a phantom package in the workspace's own scope
  NEST001 an entity removed from a module's `forFeature([...])` that a provider of it injects, or
          a module that exports TypeOrmModule removed from the `imports` of a module using it
  NEST002 an entity removed from a connection's explicit `entities: [...]` while a module
          registers it with `forFeature`
  MIG007  a migration class dropped from an explicit `migrations: [...]` list
  NEST003 an `@Injectable()` class removed from the `providers` of the only module listing it,
          while another provider or controller of that module takes it in its constructor; or a
          library module removed from the `imports` of a module whose provider takes its class
The original is never modified. A baseline `--fix` on the pristine copy tells which files the
linter changes on its own (pre-existing findings), so that collateral changes can be told apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SKIP = {"node_modules", ".git", "dist", "build", "coverage", ".migrationlint_cache"}
MIGRATION_FILE = re.compile(r"^(\d{13})-([A-Za-z0-9_]+)\.ts$")
BARE_IMPORT = re.compile(r"""^import [^'"\n]* from ['"]((?:@[\w.-]+/)?[\w.-]+)['"];?$""", re.M)


@dataclass
class Fault:
    kind: str
    path: str  # file where the finding is expected (relative)
    touched: list[str]  # files the injection changed
    detail: str
    found: bool = False
    fixed_valid: bool = False
    identical: bool = False
    note: str = ""


@dataclass
class Tree:
    root: Path
    files: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Path) -> Tree:
        tree = cls(root)
        for directory, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d not in SKIP]
            for name in names:
                p = Path(directory) / name
                if p.is_file() and not p.is_symlink():
                    tree.files[p.relative_to(root).as_posix()] = p.read_bytes()
        return tree


def sources(tree: Tree, suffix: str = ".ts") -> list[str]:
    return sorted(p for p in tree.files if p.endswith(suffix) and not p.endswith(".d.ts"))


def _write(root: Path, rel: str, data: bytes) -> None:
    (root / rel).write_bytes(data)


# ----------------------------------------------------------------------------- injections

def _migrations(tree: Tree) -> list[tuple[str, str, str]]:
    """(path, timestamp, class name) of clean `<13 digits>-Name.ts` migrations."""
    out = []
    for rel in sources(tree):
        m = MIGRATION_FILE.match(rel.rsplit("/", 1)[-1])
        if not m or int(m.group(1)) < 978_307_200_000:  # placeholders like 0000000000001: no fix to expect
            continue
        text = tree.files[rel].decode("utf-8", "replace")
        cm = re.search(r"export class (\w+" + m.group(1) + r") implements MigrationInterface", text)
        if cm and text.count(cm.group(1)) <= 2:
            out.append((rel, m.group(1), cm.group(1)))
    return out


def inject_mig001(tree: Tree, rng: random.Random, n: int, used: set[str]) -> list[Fault]:
    faults = []
    for rel, ts, cls in rng.sample(_migrations(tree), k=min(n, len(_migrations(tree)))):
        if rel in used:
            continue
        short = cls[: -13] + ts[:10]
        data = tree.files[rel].replace(cls.encode(), short.encode())
        _write(tree.root, rel, data)
        used.add(rel)
        faults.append(Fault("MIG001", rel, [rel], f"{cls} -> {short}"))
    return faults


def inject_mig002(tree: Tree, rng: random.Random, n: int, used: set[str]) -> list[Fault]:
    faults = []
    candidates = [c for c in _migrations(tree) if c[0] not in used]
    for rel, _ts, cls in rng.sample(candidates, k=min(n, len(candidates))):
        base = cls[:-13]
        text = tree.files[rel]
        text = text.replace(f"class {cls}".encode(), f"class {base}'$timestamp'".encode())
        text = text.replace(f"'{cls}'".encode(), f"'{base}'$timestamp''".encode())
        text = text.replace(f"\"{cls}\"".encode(), f"\"{base}'$timestamp'\"".encode())
        _write(tree.root, rel, text)
        used.add(rel)
        faults.append(Fault("MIG002", rel, [rel], f"{cls} -> {base}'$timestamp'"))
    return faults


def inject_mig010(tree: Tree, rng: random.Random, n: int, used: set[str]) -> list[Fault]:
    faults = []
    pattern = re.compile(rb"import \{([^}]*)\bTableIndex\b([^}]*)\} from ['\"]typeorm['\"]")
    candidates = [rel for rel in sources(tree) if rel not in used and b"new TableIndex(" in tree.files[rel]
                  and pattern.search(tree.files[rel]) and not re.search(rb"\bIndex\b", tree.files[rel])]
    for rel in rng.sample(candidates, k=min(n, len(candidates))):
        data = tree.files[rel]
        data = pattern.sub(lambda m: m.group(0).replace(b"TableIndex", b"Index"), data, count=1)
        data = data.replace(b"new TableIndex(", b"new Index(")
        _write(tree.root, rel, data)
        used.add(rel)
        faults.append(Fault("MIG010", rel, [rel], "new TableIndex( -> new Index("))
    return faults


def _nearest_manifest(tree: Tree, rel: str) -> str | None:
    parts = rel.split("/")[:-1]
    while True:
        candidate = "/".join(parts + ["package.json"])
        if candidate in tree.files:
            return candidate
        if not parts:
            return None
        parts.pop()


def inject_dep001(tree: Tree, rng: random.Random, n: int, used: set[str]) -> list[Fault]:
    faults = []
    options = []
    for rel in sources(tree):
        if rel in used or re.search(r"(spec|test|e2e|__tests__|mock)", rel):
            continue
        manifest = _nearest_manifest(tree, rel)
        if manifest is None or manifest == "package.json" or manifest in used:
            continue
        try:
            deps = json.loads(tree.files[manifest]).get("dependencies") or {}
        except ValueError:
            continue
        for m in BARE_IMPORT.finditer(tree.files[rel].decode("utf-8", "replace")):
            spec = m.group(1)
            if spec in deps and not deps[spec].startswith(("workspace:", "file:", "link:")) \
                    and "import type" not in m.group(0):
                options.append((rel, manifest, spec))
    rng.shuffle(options)
    for rel, manifest, spec in options:
        if len(faults) >= n or manifest in used:
            continue
        text = tree.files[manifest].decode("utf-8")
        line = re.compile(r'\n[ \t]*"' + re.escape(spec) + r'":\s*"[^"]*",?')
        m = line.search(text)
        if m is None:
            continue
        new = text[: m.start()] + text[m.end():]
        new = re.sub(r",(\s*\})", r"\1", new)
        try:
            json.loads(new)
        except ValueError:
            continue
        (tree.root / manifest).write_text(new, encoding="utf-8")
        used.add(manifest)
        faults.append(Fault("DEP001", rel, [manifest], f"{spec} removed from {manifest}"))
    return faults


def inject_imp001(tree: Tree, rng: random.Random, n: int, used: set[str]) -> list[Fault]:
    scopes: dict[str, int] = {}
    for rel, data in tree.files.items():
        if rel.endswith("package.json") and "node_modules" not in rel:
            try:
                name = json.loads(data).get("name", "")
            except (ValueError, AttributeError):
                continue
            if isinstance(name, str) and name.startswith("@") and "/" in name:
                scopes[name.split("/")[0]] = scopes.get(name.split("/")[0], 0) + 1
    if not scopes:
        return []
    scope = max(scopes, key=scopes.get)
    candidates = [rel for rel in sources(tree) if rel not in used and BARE_IMPORT.search(
        tree.files[rel].decode("utf-8", "replace")) and _nearest_manifest(tree, rel) not in (None, "package.json")]
    faults = []
    for rel in rng.sample(candidates, k=min(n, len(candidates))):
        text = tree.files[rel].decode("utf-8")
        m = BARE_IMPORT.search(text)
        assert m is not None
        line = f"import {{ PhantomService }} from '{scope}/shared-services';\n"
        new = text[: m.end() + 1] + line + text[m.end() + 1:]
        (tree.root / rel).write_text(new, encoding="utf-8")
        used.add(rel)
        faults.append(Fault("IMP001", rel, [rel], f"unused import of {scope}/shared-services"))
    return faults


from roundtrip_nest import nest_injectors  # noqa: E402  (the Nest and registration faults)

# the Nest faults first: they need untouched migration files, which the others may rename
INJECTORS = [*nest_injectors(Fault), inject_mig001, inject_mig002, inject_mig010, inject_dep001, inject_imp001]


# ----------------------------------------------------------------------------- running

def lint(root: Path, *extra: str) -> tuple[list[tuple[str, int, str]], float]:
    import time

    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "migrationlint", "check", ".", "--output-format", "concise",
                        "--exit-zero", *extra], cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        raise SystemExit(f"migrationlint failed ({r.returncode}):\n{r.stderr[-2000:]}")
    found = []
    for line in r.stdout.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+): ([A-Z]+\d+) ", line)
        if m:
            found.append((m.group(1), int(m.group(2)), m.group(4)))
    return found, elapsed


def parses(path: Path) -> bool:
    from migrationlint.extract.sources import facts_for_bytes

    facts = facts_for_bytes(str(path), path.read_bytes())
    return not facts.skipped and not facts.damage


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", type=Path)
    ap.add_argument("--per-kind", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="keep the mutated copy here")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="roundtrip-"))
    try:
        return run(args, work)
    finally:
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.move(str(work / "mutated"), args.keep)
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> int:
    ignore = shutil.ignore_patterns(*SKIP)
    baseline = work / "baseline"
    shutil.copytree(args.repo, baseline, ignore=ignore, symlinks=True)
    pristine = Tree.read(baseline)
    lint(baseline, "--fix")
    own_changes = {p for p, d in Tree.read(baseline).files.items() if pristine.files.get(p) != d}
    mutated = work / "mutated"
    shutil.copytree(args.repo, mutated, ignore=ignore, symlinks=True)
    tree = Tree.read(mutated)
    rng = random.Random(args.seed)
    used: set[str] = set(own_changes)
    faults = [f for inject in INJECTORS for f in inject(tree, rng, args.per_kind, used)]
    before_fix = Tree.read(mutated)
    findings, lint_time = lint(mutated)
    for f in faults:
        f.found = any(path == f.path and code == f.kind for path, _, code in findings)
    _, fix_time = lint(mutated, "--fix")
    after = Tree.read(mutated)
    remaining, _ = lint(mutated)
    for f in faults:
        still = any(path == f.path and code == f.kind for path, _, code in remaining)
        f.fixed_valid = not still and parses(mutated / f.path)
        f.identical = all(after.files.get(p) == pristine.files.get(p) for p in [f.path, *f.touched])
        if still:
            f.note = "finding remains after --fix"
    touched = {p for f in faults for p in [f.path, *f.touched]}
    collateral = sorted(p for p, d in after.files.items()
                        if d != before_fix.files.get(p) and p not in touched and p not in own_changes)
    _, _ = lint(mutated, "--fix")
    second = Tree.read(mutated)
    noop = second.files == after.files
    report(args.repo, pristine, faults, collateral, own_changes, noop, lint_time, fix_time)
    return 0 if all(f.found for f in faults) and not collateral and noop else 1


def report(repo: Path, pristine: Tree, faults: list[Fault], collateral: list[str], own: set[str], noop: bool,
           lint_time: float, fix_time: float) -> None:
    print(f"repository: {repo} ({len(sources(pristine))} .ts files)")
    print(f"lint {lint_time:.1f} s, fix {fix_time:.1f} s; files the linter fixes on its own: {len(own)}")
    print(f"{'kind':<8}{'injected':>9}{'found':>7}{'fixed valid':>13}{'identical':>11}")
    for kind in sorted({f.kind for f in faults} | {"MIG001", "MIG002", "MIG010", "DEP001", "IMP001", "NEST001",
                                                    "NEST002", "NEST003", "MIG007"}):
        group = [f for f in faults if f.kind == kind]
        print(f"{kind:<8}{len(group):>9}{sum(f.found for f in group):>7}"
              f"{sum(f.fixed_valid for f in group):>13}{sum(f.identical for f in group):>11}")
    total = len(faults)
    print(f"{'total':<8}{total:>9}{sum(f.found for f in faults):>7}{sum(f.fixed_valid for f in faults):>13}"
          f"{sum(f.identical for f in faults):>11}")
    print(f"collateral changes (files changed that were not mutated): {len(collateral)}")
    for p in collateral[:20]:
        print(f"  {p}")
    print(f"second --fix is a no-op: {'yes' if noop else 'NO'}")
    for f in faults:
        if not (f.found and f.fixed_valid and f.identical):
            print(f"  {f.kind} {f.path}: {f.detail}; found={f.found} fixed_valid={f.fixed_valid} "
                  f"identical={f.identical} {f.note}")


if __name__ == "__main__":
    raise SystemExit(main())
