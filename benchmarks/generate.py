#!/usr/bin/env python3
"""Generate a deterministic synthetic pnpm NestJS + TypeORM monorepo for benchmarks.

    python benchmarks/generate.py OUT_DIR [--services N] [--files-per-service M] [--seed S]

The tree has services/svc-XX (NestJS apps with TypeORM migrations), shared/* workspace
packages (`@bench/*`), a root manifest, pnpm-workspace.yaml and a v9 pnpm-lock.yaml.
A known list of defects is planted at exact lines and written to OUT_DIR/defects.json;
everything else is meant to be clean. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_deps
from synth_deps import build_tooling
from synth_output import Output
from synth_service import ServiceBuilder, ServicePlan
from synth_shared import generate_shared
from synth_workspace import lockfile, register_tooling, root_manifest, write_root

RULE_CODES = ("MIG001", "MIG002", "MIG003", "MIG004", "MIG006", "MIG010", "MIG011", "MIG012", "MIG013",
              "DEP001", "DEP002", "DEP004", "DEP005", "IMP001", "IMP002", "IMP003")
TS_SUFFIXES = (".ts", ".tsx", ".mts", ".cts")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="directory to create (must be empty or absent)")
    parser.add_argument("--services", type=int, default=40, help="number of services (default 40)")
    parser.add_argument("--files-per-service", type=int, default=250,
                        help="average .ts files per service; sizes vary around it (default 250)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--defects-per-rule", type=int, default=5,
                        help="planted defects per rule, each in a different service (default 5)")
    parser.add_argument("--force", action="store_true",
                        help="replace OUT_DIR if it is a tree this script generated before")
    args = parser.parse_args(argv)
    if args.services < 1 or args.files_per_service < 1 or args.defects_per_rule < 0:
        parser.error("--services and --files-per-service must be positive, --defects-per-rule >= 0")
    return args


def prepare_out_dir(out_dir: Path, force: bool) -> None:
    """Refuse to write into a non-empty directory unless it is an earlier generated tree."""
    if not out_dir.exists() or not any(out_dir.iterdir()):
        return
    if force and (out_dir / "defects.json").is_file() and (out_dir / "pnpm-workspace.yaml").is_file():
        shutil.rmtree(out_dir)
        return
    sys.exit(f"error: {out_dir} is not empty (use --force to replace a previously generated tree)")


def service_budgets(rng: random.Random, services: int, per_service: int) -> list[int]:
    """Per-service file counts: log-normal spread (real services differ a lot), same total."""
    weights = [rng.lognormvariate(0.0, 0.45) for _ in range(services)]
    scale = per_service * services / sum(weights)
    return [max(20, round(w * scale)) for w in weights]


def assign_defects(rng: random.Random, services: int, per_rule: int) -> tuple[list[dict[str, int]], int]:
    """Spread each rule's defects over distinct services; returns them and the ioredis anchor.

    The anchor service declares ioredis and never hosts DEP001/IMP002, so a DEP001 fix
    always has a sibling version to copy.
    """
    anchor = rng.randrange(services)
    defects: list[dict[str, int]] = [{} for _ in range(services)]
    for code in RULE_CODES:
        pool = [i for i in range(services) if not (code in ("DEP001", "IMP002") and i == anchor)]
        for variant, index in enumerate(rng.sample(pool, min(per_rule, len(pool)))):
            defects[index][code] = variant
    return defects, anchor


def plan_services(rng: random.Random, args: argparse.Namespace) -> list[ServicePlan]:
    """Service switches, chosen so clean code never contradicts a planted defect."""
    budgets = service_budgets(rng, args.services, args.files_per_service)
    defects, anchor = assign_defects(rng, args.services, args.defects_per_rule)
    plans = []
    for i in range(args.services):
        d = defects[i]
        plans.append(ServicePlan(
            index=i + 1,
            files_budget=budgets[i],
            uses_kafka="DEP004" in d or rng.random() < 0.75,
            uses_redis=i == anchor or ("DEP001" not in d and "IMP002" not in d and rng.random() < 0.35),
            uses_lodash="DEP005" not in d and rng.random() < 0.4,
            uuid_in_prod="DEP002" not in d and rng.random() < 0.5,
            defects=d,
        ))
    for index in rng.sample(range(args.services), min(args.services, 3 + args.services // 20)):
        plans[index].huge_initial = rng.randint(100_000, 400_000)
    return plans


def generate(args: argparse.Namespace) -> Output:
    """Render the whole repository in memory."""
    rng = random.Random(args.seed)
    out = Output()
    tooling = build_tooling(random.Random(f"{args.seed}:tooling"))
    register_tooling(tooling)
    write_root(out, tooling.root_dev)
    shared = generate_shared(out, random.Random(f"{args.seed}:shared"), args.services)
    manifests: dict[str, dict[str, object]] = {".": root_manifest(tooling.root_dev)}
    for pkg in shared.values():
        manifests[pkg.directory] = pkg.manifest
    for plan in plan_services(rng, args):
        builder = ServiceBuilder(plan, out, random.Random(f"{args.seed}:{plan.name}"))
        manifests[plan.root] = builder.build()
    synth_deps.apply(out, manifests, tooling, random.Random(f"{args.seed}:workspace"))
    out.add("pnpm-lock.yaml", lockfile(manifests, tooling))
    return out


def print_totals(out: Output, out_dir: Path, seconds: float) -> None:
    """Summary: file counts, TypeScript megabytes, size distribution, defects per rule."""
    ts_sizes = [len(text.encode()) for path, text in out.files.items() if path.endswith(TS_SUFFIXES)]
    mig_sizes = [len(text.encode()) for path, text in out.files.items() if "/migrations/" in path]
    total_bytes = sum(len(text.encode()) for text in out.files.values())
    ts_sizes.sort()
    median = ts_sizes[len(ts_sizes) // 2] if ts_sizes else 0
    print(f"wrote {out_dir}")
    print(f"  files:      {len(out.files):,} total, {len(ts_sizes):,} TypeScript")
    print(f"  TypeScript: {sum(ts_sizes) / 1e6:.1f} MB (all files {total_bytes / 1e6:.1f} MB); "
          f"median {median / 1e3:.1f} KB, largest {ts_sizes[-1] / 1e3 if ts_sizes else 0:.0f} KB")
    print(f"  migrations: {len(mig_sizes):,} files, {sum(mig_sizes) / 1e6:.1f} MB, "
          f"{sum(1 for s in mig_sizes if s >= 100_000)} of 100+ KB")
    counts = Counter(d.code for d in out.defects)
    print(f"  defects:    {len(out.defects)} in defects.json: "
          + ", ".join(f"{code} {counts.get(code, 0)}" for code in RULE_CODES))
    print(f"  time:       {seconds:.1f} s")


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    started = time.perf_counter()
    prepare_out_dir(args.out_dir, args.force)
    out = generate(args)
    out.write(args.out_dir)
    print_totals(out, args.out_dir, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
