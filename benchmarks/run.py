#!/usr/bin/env python3
"""Benchmark migrationlint on a tree against a parse-only baseline.

    python benchmarks/run.py TREE [--runs 3] [--jobs N]
    python benchmarks/run.py --repo PATH [--runs 3]      # any checkout, on a temporary copy

Rows (each the median of --runs runs, each run a fresh process; one round samples every row,
so both sides of a ratio run under the same load):
  parse-only   read + tree-sitter parse of every .ts/.tsx/.mts/.cts file in one process
  cold         migrationlint check TREE --no-cache (cache directory removed first)
  warm         the same with the cache filled by one untimed run
  five files   migrationlint check f1 ... f5, the way a pre-commit hook calls it
  touched      warm, after appending a comment line to one file (restored afterwards)
  lint         check --no-cache of a copy on which --fix applied every safe fix
  fix0         check --fix --no-cache of that copy: nothing left to fix
  fix          the first --fix that made the copy (one run)
With TREE/defects.json (from generate.py) it also prints recall per rule and checks
that `--fix` left no fixable finding behind.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_timing import discover

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
CACHE_DIR_NAME = ".migrationlint_cache"
CONCISE_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+[0-9]{3})\b")
MEASURE_FLAG = "--measure-child"


# --------------------------------------------------------------------------- measuring

@dataclass
class Sample:
    """One timed process: wall seconds, peak RSS of its largest process, exit code, output."""

    seconds: float
    rss_mb: float
    returncode: int
    stdout: str = ""
    stderr: str = ""


def measure_child(argv: list[str]) -> int:
    """Child mode: run a command, report its wall time and peak RSS as JSON on stdout.

    Runs in a fresh interpreter so RUSAGE_CHILDREN covers this one command only
    (ru_maxrss of children is a running maximum over the process's lifetime). The
    command's own stdout/stderr go to the files named in argv. On timeout the command's
    process group (it runs in a new session) is killed and the exit code is -9.
    """
    out_path, err_path, timeout, cwd, command = argv[0], argv[1], float(argv[2]), argv[3], argv[5:]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            os.killpg(proc.pid, signal.SIGKILL)  # the command and its pool workers, nothing else

        # a blocking wait returns the moment the child exits; `wait(timeout=)` polls with sleeps,
        # which rounded sub-second runs to steps of up to 0.2 s
        timer = threading.Timer(timeout, kill)
        timer.start()
        code = proc.wait()
        timer.cancel()
        seconds = time.perf_counter() - started
        if expired.is_set():
            code = -9
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "rss_mb": rss_kb / 1024, "returncode": code}))
    return 0


def run_measured(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Sample:
    """Run `command` through a fresh measuring child and collect its sample."""
    with tempfile.TemporaryDirectory(prefix="mlbench-") as tmp:
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        wrapper = [sys.executable, str(Path(__file__).resolve()), MEASURE_FLAG, str(out_path), str(err_path),
                   str(timeout), str(cwd), "--", *command]
        result = subprocess.run(wrapper, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            return Sample(0.0, 0.0, -1, "", result.stderr)
        data = json.loads(result.stdout.strip().splitlines()[-1])
        return Sample(data["seconds"], data["rss_mb"], data["returncode"],
                      out_path.read_text(encoding="utf-8", errors="replace"),
                      err_path.read_text(encoding="utf-8", errors="replace"))


@dataclass
class Row:
    """One line of the results table."""

    label: str
    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> bool:
        """True when every run finished with exit 0 or 1 (findings are not failures)."""
        return bool(self.samples) and all(s.returncode in (0, 1) for s in self.samples)

    @property
    def median(self) -> float:
        """Median wall time, NaN when a run failed."""
        return statistics.median(s.seconds for s in self.samples) if self.ok else float("nan")

    def cells(self, ratio: str) -> list[str]:
        """Formatted cells: runs, median, min, max, peak RSS, ratio."""
        if not self.ok:
            failed = next((s for s in self.samples if s.returncode not in (0, 1)), None)
            status = "not run" if not self.samples else describe_exit(failed.returncode if failed else None)
            return [self.label, str(len(self.samples)), status, "", "", "", ""]
        secs = [s.seconds for s in self.samples]
        rss = max(s.rss_mb for s in self.samples)
        return [self.label, str(len(secs)), f"{self.median:.3f}", f"{min(secs):.3f}", f"{max(secs):.3f}",
                f"{rss:.0f}", ratio]


# --------------------------------------------------------------------------- the runs

class Bench:
    """Holds the tree, the command lines and the environment of one benchmark session."""

    def __init__(self, args: argparse.Namespace, tree: Path) -> None:
        self.tree: Path = tree
        self.runs: int = args.runs
        self.jobs: int | None = args.jobs
        self.python: str = args.python
        self.timeout: float = args.timeout
        self.env = dict(os.environ)
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.linter_root), os.environ.get("PYTHONPATH")]))
        # an installed linter has its bytecode compiled (pip does it); without it every run would
        # also compile ~200 modules (0.7 s), a cost of this environment, not of the linter
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([self.python, "-m", "compileall", "-q", str(Path(args.linter_root) / "migrationlint")],
                       env=self.env, capture_output=True)
        self.files = [Path(p) for p in discover(self.tree)]
        self.fix_tree: Path | None = None  # a copy with every safe fix applied (the --fix rows)
        self.touch = self.files[len(self.files) // 2] if self.files else None
        picks = [self.files[(len(self.files) * k) // 5 + len(self.files) // 10] for k in range(5)] if self.files else []
        self.five = [p.relative_to(self.tree).as_posix() for p in picks]

    def linter(self, *paths: str, cache: bool = True, extra: tuple[str, ...] = ()) -> list[str]:
        """The migrationlint command line for the given paths."""
        cmd = [self.python, "-m", "migrationlint", "check", *paths, "--output-format", "concise", "--exit-zero"]
        if not cache:
            cmd.append("--no-cache")
        if self.jobs:
            cmd += ["--jobs", str(self.jobs)]
        return cmd + list(extra)

    def measure(self, command: list[str], cwd: Path | None = None) -> Sample:
        """One measured run with the session's environment and timeout."""
        return run_measured(command, cwd or self.tree, self.env, self.timeout)

    def clear_cache(self, tree: Path | None = None) -> None:
        """Remove the linter's cache directory (and only that) so the next run is cold."""
        shutil.rmtree((tree or self.tree) / CACHE_DIR_NAME, ignore_errors=True)

    def linter_available(self) -> str | None:
        """None when `python -m migrationlint` can be imported, else the reason it cannot."""
        code = ("import importlib.util, sys\n"
                "sys.exit(0 if importlib.util.find_spec('migrationlint.__main__') else 3)")
        probe = subprocess.run([self.python, "-c", code], capture_output=True, text=True, env=self.env, cwd=self.tree)
        if probe.returncode == 0:
            return None
        if probe.returncode == 3:
            return "migrationlint has no __main__ module yet"
        return (probe.stderr.strip().splitlines() or ["cannot import migrationlint"])[-1]

    def parse_only(self) -> Sample:
        """Parse-only baseline in one process: the floor the issue's targets are ratios of."""
        return self.measure([self.python, str(BENCH_DIR / "parse_timing.py"), str(self.tree), "--jobs", "1"])

    def cold(self) -> Sample:
        """Full check with the cache removed and disabled."""
        self.clear_cache()
        return self.measure(self.linter(str(self.tree), cache=False))

    def fill(self) -> Sample:
        """An untimed run that fills the cache for the warm rows."""
        self.clear_cache()
        return self.measure(self.linter(str(self.tree)))

    def warm(self) -> Sample:
        return self.measure(self.linter(str(self.tree)))

    def touched(self, i: int) -> Sample:
        """Warm check after appending a unique comment to one file (restored every time)."""
        assert self.touch is not None
        original = self.touch.read_bytes()
        try:
            self.touch.write_bytes(original + f"\n// migrationlint benchmark touch {i} {time.time_ns()}\n".encode())
            return self.measure(self.linter(str(self.tree)))
        finally:
            self.touch.write_bytes(original)

    def five_files(self) -> Sample:
        """Pre-commit style: five named files, spread over the tree, relative to TREE."""
        return self.measure(self.linter(*self.five))

    def prepare_fix_tree(self, scratch: Path) -> Sample:
        """Copy the tree and apply every safe fix (timed: the `--fix` with fixes sample)."""
        self.fix_tree = copy_tree(self.tree, scratch / "fixed")
        return self.measure(self.linter(str(self.fix_tree), cache=False, extra=("--fix",)), cwd=self.fix_tree)

    def fix_lint(self) -> Sample:
        """A lint of the fixed copy: the base of the --fix ratios."""
        assert self.fix_tree is not None
        return self.measure(self.linter(str(self.fix_tree), cache=False), cwd=self.fix_tree)

    def fix_nothing(self) -> Sample:
        """`--fix` on the fixed copy: nothing left to fix, so ideally the cost of one lint."""
        assert self.fix_tree is not None
        return self.measure(self.linter(str(self.fix_tree), cache=False, extra=("--fix",)), cwd=self.fix_tree)


LABELS = {"parse": "parse-only (1 process)", "cold": "cold (--no-cache)", "warm": "warm (cache)",
          "touched": "warm, 1 file touched", "five": "pre-commit, 5 files", "lint": "lint of fixed copy",
          "fix0": "--fix, nothing to fix", "fix": "--fix, with fixes"}


def measure_rounds(bench: Bench, scratch: Path, with_linter: bool, fix_rows: bool = True) -> dict[str, Row]:
    """Every row sampled once per round, rounds repeated --runs times: on a shared machine, load
    changes between rows measured minutes apart, and interleaving keeps each ratio's two sides
    under the same load."""
    rows = {key: Row(label) for key, label in LABELS.items()}
    if not with_linter:
        rows = {"parse": rows["parse"]}
    else:
        if fix_rows:
            rows["fix"].samples.append(bench.prepare_fix_tree(scratch))
        else:
            rows = {k: v for k, v in rows.items() if k not in ("lint", "fix0", "fix")}
        rows["touched"].note = f"touched {bench.touch.relative_to(bench.tree).as_posix()}" if bench.touch else ""
        rows["five"].note = "files: " + " ".join(bench.five)
    for i in range(bench.runs):
        rows["parse"].samples.append(bench.parse_only())
        if not with_linter:
            continue
        rows["cold"].samples.append(bench.cold())
        fill = bench.fill()
        if fill.returncode not in (0, 1):
            rows["warm"].samples.append(fill)
        else:
            rows["warm"].samples.append(bench.warm())
            rows["five"].samples.append(bench.five_files())
            rows["touched"].samples.append(bench.touched(i))
        if fix_rows:
            rows["lint"].samples.append(bench.fix_lint())
            rows["fix0"].samples.append(bench.fix_nothing())
    bench.clear_cache()
    if rows["parse"].ok:
        inner = [json.loads(s.stdout)["total_s"] for s in rows["parse"].samples]
        rows["parse"].note = f"in-process read+parse median {statistics.median(inner):.3f} s"
    return rows


def copy_tree(source: Path, target: Path) -> Path:
    """A copy of a checkout without its VCS data, dependencies and linter cache."""
    shutil.copytree(source, target, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", "node_modules", CACHE_DIR_NAME))
    return target


# --------------------------------------------------------------------------- findings

def parse_findings(output: str, cwd: Path, tree: Path) -> set[tuple[str, int, str]]:
    """(TREE-relative posix path, line, code) of every concise diagnostic line."""
    found = set()
    for line in output.splitlines():
        m = CONCISE_RE.match(line.strip())
        if not m:
            continue
        raw = Path(m.group("path"))
        full = (raw if raw.is_absolute() else cwd / raw).resolve()
        try:
            rel = full.relative_to(tree.resolve()).as_posix()
        except ValueError:
            rel = m.group("path")
        found.add((rel, int(m.group("line")), m.group("code")))
    return found


def recall_table(defects: list[dict], found: set[tuple[str, int, str]]) -> list[list[str]]:
    """Per rule: seeded, found, recall and findings of that code elsewhere."""
    seeded: dict[str, set[tuple[str, int, str]]] = defaultdict(set)
    for d in defects:
        seeded[d["code"]].add((d["path"], d["line"], d["code"]))
    by_code: dict[str, set[tuple[str, int, str]]] = defaultdict(set)
    for item in found:
        by_code[item[2]].add(item)
    rows = []
    for code in sorted(set(seeded) | set(by_code)):
        hit = len(seeded[code] & by_code[code])
        total = len(seeded[code])
        recall = f"{hit / total:.0%}" if total else "-"
        rows.append([code, str(total), str(hit), recall, str(len(by_code[code] - seeded[code]))])
    hits = sum(int(r[2]) for r in rows)
    total = sum(int(r[1]) for r in rows)
    rows.append(["all", str(total), str(hits), f"{hits / total:.0%}" if total else "-",
                 str(sum(int(r[4]) for r in rows))])
    return rows


def fix_check(bench: Bench, rows: dict[str, Row]) -> tuple[str, Counter[str]]:
    """Findings that still carry a safe fix in the fixed copy, from an untimed JSON lint of it:
    `--fix` must leave none. Findings whose fix is unsafe (or that have none) do not count."""
    fixed = rows["fix"]
    if not fixed.ok:
        return f"--fix failed: {tail(fixed.samples[0].stderr) if fixed.samples else 'not run'}", Counter()
    copy = bench.fix_tree or bench.tree
    again = bench.measure(bench.linter(str(copy), cache=False, extra=("--output-format", "json")), cwd=copy)
    if again.returncode not in (0, 1):
        return "lint after --fix failed", Counter()
    left = Counter(d["code"] for d in json.loads(again.stdout)
                   if (d.get("fix") or {}).get("applicability") == "safe")
    verdict = "PASS" if not left else "FAIL"
    return f"{verdict}: {sum(left.values())} safely fixable finding(s) left after --fix ({fixed.samples[0].seconds:.1f} s)", left


def describe_exit(code: int | None) -> str:
    """Human wording of a failed run's exit code (-9: killed at --timeout, -1: harness error)."""
    if code == -9:
        return "timed out"
    if code == -1:
        return "harness error"
    return f"failed (exit {code})"


def tail(text: str, lines: int = 5) -> str:
    """Last lines of a process's stderr, for error notes."""
    return " | ".join(text.strip().splitlines()[-lines:])


# --------------------------------------------------------------------------- printing

def format_table(header: list[str], rows: list[list[str]]) -> str:
    """Plain-text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, rows)])


def ratio(numerator: Row, denominator: Row, name: str) -> str:
    """`name x.xx` of two medians, or '' when either row failed."""
    if not (numerator.ok and denominator.ok) or denominator.median == 0:
        return ""
    return f"{name} {numerator.median / denominator.median:.2f}"


RATIOS = (("cold", "parse", "cold/parse"), ("warm", "cold", "warm/cold"), ("touched", "cold", "touched/cold"),
          ("five", "cold", "five/cold"), ("fix0", "lint", "fix0/lint"), ("fix", "lint", "fix/lint"))


def print_report(bench: Bench, rows: dict[str, Row], skipped: str | None) -> None:
    """The timing table plus notes."""
    size = sum(p.stat().st_size for p in bench.files)
    print(f"tree   {bench.tree}")
    print(f"files  {len(bench.files):,} TypeScript files, {size / 1e6:.1f} MB (node_modules and dist skipped)")
    print(f"runs   median of {bench.runs}, rows interleaved per round; jobs {bench.jobs or 'linter default'}; "
          f"python {bench.python}")
    print()
    of = {num: (den, name) for num, den, name in RATIOS}
    table = []
    for key, row in rows.items():
        den, name = of.get(key, (None, "base" if key in ("parse", "lint") else ""))
        table.append(row.cells(ratio(row, rows[den], name) if den in rows else name))
    print(format_table(["measurement", "runs", "median s", "min s", "max s", "peak RSS MB", "ratio"], table))
    print()
    for row in rows.values():
        if row.note:
            print(f"  {row.label}: {row.note}")
        for sample in row.samples:
            if sample.returncode not in (0, 1):
                print(f"  {row.label}: {describe_exit(sample.returncode)}: {tail(sample.stderr) or '(no stderr)'}")
                break
    if skipped:
        print(f"  migrationlint rows skipped: {skipped}")
    print("  peak RSS is the largest single process (ru_maxrss of the children), not a sum over workers")
    if "fix" in rows:
        print("  --fix rows run on a copy with every safe fix applied by the first, timed --fix (1 run)")


def print_quality(bench: Bench, rows: dict[str, Row], with_fix: bool) -> None:
    """Recall per rule from the first cold run, and the --fix check."""
    defects_path = bench.tree / "defects.json"
    cold = rows["cold"]
    if not defects_path.is_file() or not cold.ok:
        return
    defects = json.loads(defects_path.read_text())
    found = parse_findings(cold.samples[0].stdout, bench.tree, bench.tree)
    print()
    print(f"recall against {defects_path.name} ({len(found)} findings in the cold run; "
          "'other' = findings of that code at unseeded places)")
    print(format_table(["rule", "seeded", "found", "recall", "other"], recall_table(defects, found)))
    if with_fix:
        verdict, left = fix_check(bench, rows)
        print()
        print(f"fix check  {verdict}")
        if left:
            print("           " + ", ".join(f"{code} {n}" for code, n in sorted(left.items())))


# --------------------------------------------------------------------------- main

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("tree", type=Path, nargs="?", help="tree to lint in place (a generated one)")
    parser.add_argument("--repo", type=Path, help="any checkout: benchmarked on a temporary copy (without .git, "
                        "node_modules and the linter cache), so the checkout itself is never written")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per row; the median is shown (default 3)")
    parser.add_argument("--jobs", type=int, help="passed to migrationlint as --jobs")
    parser.add_argument("--python", default=sys.executable, help="interpreter with tree-sitter and migrationlint")
    parser.add_argument("--linter-root", type=Path, default=REPO_ROOT,
                        help="directory put on PYTHONPATH so `-m migrationlint` imports (default: this repo)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a run is killed (default 1800)")
    parser.add_argument("--parse-only", action="store_true", help="only measure the parse-only baseline")
    parser.add_argument("--no-fix-check", action="store_true", help="do not print the fixable-findings-left check")
    parser.add_argument("--no-fix-rows", action="store_true", help="skip the --fix rows (and the fix check)")
    parser.add_argument("--json", type=Path, help="also write the medians and ratios to this JSON file")
    args = parser.parse_args(argv)
    if (args.tree is None) == (args.repo is None):
        parser.error("give either TREE or --repo PATH")
    where = args.tree or args.repo
    if not where.is_dir():
        parser.error(f"{where} is not a directory")
    if args.runs < 1 or (args.jobs is not None and args.jobs < 1):
        parser.error("--runs and --jobs must be at least 1")
    return args


def write_json(path: Path, bench: Bench, rows: dict[str, Row]) -> None:
    """Medians, peak RSS and ratios, for notes and comparisons between runs."""
    data: dict[str, object] = {"tree": str(bench.tree), "runs": bench.runs, "files": len(bench.files), "rows": {}}
    for key, row in rows.items():
        data["rows"][key] = {"median_s": row.median if row.ok else None,  # type: ignore[index]
                             "samples_s": [s.seconds for s in row.samples],
                             "peak_rss_mb": max((s.rss_mb for s in row.samples), default=None)}
    data["ratios"] = {name: rows[num].median / rows[den].median for num, den, name in RATIOS
                      if num in rows and den in rows and rows[num].ok and rows[den].ok and rows[den].median}
    path.write_text(json.dumps(data, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Entry point (also the measuring child, see MEASURE_FLAG)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [MEASURE_FLAG]:
        return measure_child(argv[1:])
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mlbench-") as scratch:
        tree = copy_tree(args.repo.resolve(), Path(scratch) / "repo") if args.repo else args.tree.resolve()
        bench = Bench(args, tree)
        if not bench.files:
            print(f"no TypeScript files under {bench.tree}", file=sys.stderr)
            return 2
        skipped = "--parse-only given" if args.parse_only else bench.linter_available()
        rows = measure_rounds(bench, Path(scratch), skipped is None, fix_rows=not args.no_fix_rows)
        print_report(bench, rows, skipped)
        if skipped is None:
            print_quality(bench, rows, with_fix=not (args.no_fix_check or args.no_fix_rows))
        if args.json:
            write_json(args.json, bench, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
