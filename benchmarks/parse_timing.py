#!/usr/bin/env python3
"""Parse-only baseline: read and tree-sitter-parse every TypeScript file, nothing else.

    python benchmarks/parse_timing.py TREE [--jobs N]

This is the floor a linter built on tree-sitter cannot beat, so the benchmark reports
the linter's times as multiples of it. With --jobs > 1 it uses the same shape the
linter uses: a multiprocessing Pool with one Parser per worker, paths in, small
results out (trees do not pickle and parsing holds the GIL). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Parser

TS_SUFFIXES = (".ts", ".tsx", ".mts", ".cts")
SKIP_DIRS = frozenset({"node_modules", "dist", ".git", ".migrationlint_cache"})

_PARSERS: dict[str, Parser] = {}


def discover(root: Path) -> list[str]:
    """TypeScript files under `root`, skipping node_modules, dist and VCS/cache folders."""
    found: list[str] = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        found.extend(os.path.join(directory, f) for f in sorted(files) if f.endswith(TS_SUFFIXES))
    return found


def make_parser(suffix: str) -> Parser:
    """A tree-sitter Parser for a file suffix: TSX grammar only for .tsx (JSX changes `<T>x`)."""
    import tree_sitter_typescript
    from tree_sitter import Language, Parser

    capsule = tree_sitter_typescript.language_tsx() if suffix == ".tsx" else tree_sitter_typescript.language_typescript()
    return Parser(Language(capsule))


def _parser_for(path: str) -> Parser:
    """Per-process parser cache (one TS and one TSX parser per worker)."""
    kind = ".tsx" if path.endswith(".tsx") else ".ts"
    parser = _PARSERS.get(kind)
    if parser is None:
        parser = _PARSERS[kind] = make_parser(kind)
    return parser


def parse_chunk(paths: list[str]) -> tuple[int, int, int]:
    """Read and parse a batch of files; returns (files, bytes, files with syntax errors)."""
    total_bytes = 0
    errors = 0
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        total_bytes += len(data)
        tree = _parser_for(path).parse(data)
        errors += tree.root_node.has_error
    return len(paths), total_bytes, errors


def _init_worker() -> None:
    """Build the parsers once per worker, before any file is timed."""
    _parser_for("x.ts")


def chunks(paths: list[str], jobs: int) -> list[list[str]]:
    """Split paths into about 16 batches per worker: small enough to balance load."""
    size = max(1, len(paths) // (jobs * 16) or 1)
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def parse_all(paths: list[str], jobs: int) -> tuple[int, int, int]:
    """Parse every path in-process (jobs <= 1) or in a Pool of `jobs` workers."""
    if jobs <= 1:
        return parse_chunk(paths)
    files = total_bytes = errors = 0
    with Pool(jobs, initializer=_init_worker) as pool:
        for f, b, e in pool.imap_unordered(parse_chunk, chunks(paths, jobs)):
            files += f
            total_bytes += b
            errors += e
    return files, total_bytes, errors


def measure(root: Path, jobs: int) -> dict[str, float | int]:
    """Time discovery and read+parse separately; returns a JSON-ready summary."""
    started = time.perf_counter()
    paths = discover(root)
    discovered = time.perf_counter()
    files, total_bytes, errors = parse_all(paths, jobs)
    finished = time.perf_counter()
    return {
        "files": files,
        "bytes": total_bytes,
        "files_with_errors": errors,
        "jobs": jobs,
        "discover_s": round(discovered - started, 4),
        "parse_s": round(finished - discovered, 4),
        "total_s": round(finished - started, 4),
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point: print the measurement as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (1 = in-process)")
    args = parser.parse_args(argv)
    if not args.tree.is_dir():
        parser.error(f"{args.tree} is not a directory")
    print(json.dumps(measure(args.tree, args.jobs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
