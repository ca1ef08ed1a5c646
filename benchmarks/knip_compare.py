#!/usr/bin/env python3
"""Side by side with knip: cold migrationlint vs a knip run on the same checkout.

    python benchmarks/knip_compare.py [--repo /work/realrepos/vendure] [--runs 3] [--scratch /tmp/knip-bench]

Why: knip is what a NestJS monorepo would otherwise run for dependency hygiene, so "how much faster
than knip" is the figure users compare. knip is installed with npm into a scratch folder (never
into the repository), both tools run on one temporary copy of the checkout (knip loads the repo's
own config files, e.g. vitest.config.mts; the copy keeps the checkout untouched), and the rows are
interleaved per round, so both sides run under the same load. Without npm, or when the install
fails (no network), the script says so and exits 0: it is a benchmark, never a gate.
"""

from __future__ import annotations

import argparse
import os
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import REPO_ROOT, Sample, copy_tree, run_measured

KNIP_PACKAGES = ("knip", "typescript", "@types/node")


def install_knip(scratch: Path) -> tuple[Path | None, str]:
    """The knip executable in `scratch` (installed there when missing), or None and why not."""
    knip = scratch / "node_modules" / ".bin" / "knip"
    if knip.exists():
        return knip, "already installed"
    if shutil.which("npm") is None:
        return None, "npm is not on PATH"
    scratch.mkdir(parents=True, exist_ok=True)
    if not (scratch / "package.json").exists():
        (scratch / "package.json").write_text('{"private": true}\n')
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(scratch), *KNIP_PACKAGES],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not knip.exists():
        return None, "npm install knip failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    return knip, "installed now"


def knip_version(scratch: Path) -> str:
    try:
        return json.loads((scratch / "node_modules" / "knip" / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def summary(samples: list[Sample]) -> str:
    secs = [s.seconds for s in samples]
    return (f"median {statistics.median(secs):7.2f} s  min {min(secs):7.2f}  max {max(secs):7.2f}  "
            f"peak RSS {max(s.rss_mb for s in samples):6.0f} MB  exits {sorted({s.returncode for s in samples})}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=Path("/work/realrepos/vendure"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/knip-bench"), help="where knip is installed")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--linter-root", type=Path, default=REPO_ROOT)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.repo.is_dir():
        print(f"skipped: {args.repo} is not a directory")
        return 0
    knip, why = install_knip(args.scratch)
    if knip is None:
        print(f"skipped: {why}")
        return 0
    env = dict(os.environ)
    env["PYTHONPATH"] = str(args.linter_root)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode compiled once (see run.py)
    lint_cmd = [args.python, "-m", "migrationlint", "check", ".", "--no-cache", "--output-format", "concise",
                "--exit-zero"]
    knip_cmd = [str(knip), "--no-progress", "--reporter", "compact"]
    knip_runs: list[Sample] = []
    lint_runs: list[Sample] = []
    with tempfile.TemporaryDirectory(prefix="mlbench-knip-") as tmp:
        copy = copy_tree(args.repo.resolve(), Path(tmp) / "repo")
        for _ in range(args.runs):
            knip_runs.append(run_measured(knip_cmd, copy, env, args.timeout))
            lint_runs.append(run_measured(lint_cmd, copy, env, args.timeout))
    finished = [s for s in knip_runs if s.returncode in (0, 1, 2)]  # 1: issues found; 2: some configs did not load
    if not finished:
        print("knip failed: " + (knip_runs[-1].stderr.strip().splitlines() or ["?"])[-1])
        return 0
    ratio = statistics.median(s.seconds for s in finished) / statistics.median(s.seconds for s in lint_runs)
    print(f"repo           {args.repo} (a temporary copy without .git and node_modules); {args.runs} rounds")
    print(f"knip {knip_version(args.scratch):9s} {summary(knip_runs)}")
    print(f"migrationlint  {summary(lint_runs)}  (cold: check --no-cache)")
    print(f"knip / migrationlint cold: {ratio:.2f}x")
    if args.json:
        args.json.write_text(json.dumps({"knip_s": [s.seconds for s in knip_runs], "lint_s": [s.seconds for s in lint_runs],
                                         "knip_rss_mb": max(s.rss_mb for s in knip_runs),
                                         "lint_rss_mb": max(s.rss_mb for s in lint_runs), "ratio": ratio}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
