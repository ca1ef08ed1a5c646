"""Command line: arguments -> Settings -> pipeline -> report or fix -> exit code.

Exit codes (as ruff and ESLint): 0 nothing left to report, 1 diagnostics remain, 2 usage,
configuration or internal error. `--exit-zero` forces 0 for the diagnostics case.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import traceback

from migrationlint import __version__
from migrationlint.config import ConfigError, Settings, load, validate_codes

SUBCOMMANDS = ("check", "rule", "rules", "server")
FORMATS = ("full", "concise", "json", "lsp", "sarif", "github")


class UsageError(Exception):
    """A bad command line; exit code 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="migrationlint", description="Lint NestJS + TypeORM TypeScript monorepos.")
    p.add_argument("--version", action="version", version=f"migrationlint {__version__}")
    sub = p.add_subparsers(dest="command")
    check = sub.add_parser("check", help="lint files and directories (the default command)")
    check.add_argument("paths", nargs="*", help="files or directories (default: the current directory)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when diagnostics remain")
    check.add_argument("--select", type=_codes, help="comma-separated rule codes or prefixes to enable (replaces the defaults)")
    check.add_argument("--ignore", type=_codes, default=None, help="comma-separated rule codes or prefixes to disable")
    check.add_argument("--extend-select", type=_codes, default=None, help="rule codes or prefixes to enable on top of the selection")
    check.add_argument("--config", help="path to a migrationlint.toml (or package.json) to use")
    check.add_argument("--output-format", default="full", help="one of: " + ", ".join(FORMATS))
    check.add_argument("--no-cache", action="store_true", help="do not read or write the facts cache")
    check.add_argument("--jobs", type=int, default=None, help="worker processes for extraction (default: by input size)")
    check.add_argument("--stdin-filename", help="lint standard input as if it were this file")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in the full format")
    check.add_argument("--explain-file", metavar="PATH",
                       help="say whether PATH ships to production for the dependency rules, and why")
    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code")
    sub.add_parser("rules", help="list every rule")
    sub.add_parser("server", help="run the language server over stdio")
    return p


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "check")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and 2
    try:
        if args.command == "rule":
            return _rule(args.code)
        if args.command == "rules":
            return _rules()
        if args.command == "server":
            from migrationlint.server import serve

            serve()
            return 0
        return _check(args)
    except (ConfigError, UsageError) as exc:
        print(f"migrationlint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:  # an internal error must not look like "no findings"
        print("migrationlint: internal error (please report it):", file=sys.stderr)
        traceback.print_exc()
        return 2


def _rule(code: str) -> int:
    from migrationlint.checks import RULES
    from migrationlint.rule_pages import page_text

    code = code.upper()
    if code not in RULES:
        raise UsageError(f"unknown rule {code!r} (see `migrationlint rules`)")
    text = page_text(code)
    if text is None:
        r = RULES[code]
        text = f"# {r.code} {r.name}\n\n{r.summary}\n"
    sys.stdout.write(text)
    return 0


def _rules() -> int:
    from migrationlint.checks import RULES

    rows = [("Code", "Name", "Severity", "Default", "Fix")]
    for r in RULES.values():
        rows.append((r.code, r.name, r.severity.value, "on" if r.default_enabled else "off", r.fix))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0


def _settings(args: argparse.Namespace, paths: list[str]) -> Settings:
    from migrationlint.checks import RULES

    settings = load(paths, args.config)
    for flag, attr in (("select", "select"), ("ignore", "ignore"), ("extend_select", "extend_select")):
        value = getattr(args, flag)
        if value is None:
            continue
        validate_codes(value, f"--{flag.replace('_', '-')}", RULES)
        if attr == "select":
            settings.select = value
        else:
            setattr(settings, attr, getattr(settings, attr) + value)
    return settings


def _check(args: argparse.Namespace) -> int:
    from migrationlint import pipeline
    from migrationlint.reporters import available

    if args.output_format not in available():
        raise UsageError(f"--output-format must be one of: {', '.join(available())} (got {args.output_format!r})")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be a positive number")
    if args.stdin_filename:
        return _check_stdin(args)
    if args.explain_file:
        return _explain(args)
    paths = args.paths or ["."]
    settings = _settings(args, paths)
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise UsageError("no such file or directory: " + ", ".join(missing))
    lint_kwargs = dict(jobs=args.jobs, use_cache=not args.no_cache)
    targets = explicit_targets(paths, settings)
    if targets is not None:
        lint_kwargs["report"] = targets[1]
    result = pipeline.lint(paths, settings, files=targets[0] if targets else None, **lint_kwargs)
    if args.fix or args.diff:
        return _fix(args, paths, settings, result, lint_kwargs)
    return _report(args, result)


def _explain(args: argparse.Namespace) -> int:
    from migrationlint.explain import explain_file

    if not os.path.isfile(args.explain_file):
        raise UsageError(f"--explain-file: no such file: {args.explain_file}")
    sys.stdout.write(explain_file(args.explain_file, _settings(args, [args.explain_file])))
    return 0


CONTEXT_FILES = ("package.json",)  # plus tsconfig*.json: files that change how a package is linted


def explicit_targets(paths: list[str], settings: Settings) -> tuple[list[str], set[str]] | None:
    """(files to lint, files to report) when every path names a file, as pre-commit passes them.

    The workspace around the files is still the context; only they are reported. A package.json
    (or a tsconfig*.json) stands for the TypeScript files of its package, since a change to it can
    create or clear diagnostics there; the workspace root's stands for the whole workspace.
    None when a directory is given: then everything found under the paths counts, as before.
    """
    if not paths or not all(os.path.isfile(p) for p in paths):
        return None
    files: set[str] = set()
    reported: set[str] = set()
    for raw in paths:
        path = os.path.abspath(raw)
        name = os.path.basename(path)
        if name in CONTEXT_FILES or (name.startswith("tsconfig") and name.endswith(".json")):
            reported.add(path)
            files.update(package_sources(path, settings))
        else:
            files.add(path)
    return sorted(files), reported | files


def package_sources(context_file: str, settings: Settings) -> list[str]:
    """The TypeScript files of the package that owns `context_file`, without nested packages."""
    from migrationlint.discovery import discover
    from migrationlint.package_files import package_files
    from migrationlint.workspace import Workspace, find_root

    workspace = Workspace(find_root(context_file))
    package = workspace.package_root(context_file)
    if package == workspace.root:
        return discover([package], settings.exclude, settings.config_root).files
    return package_files(package, settings.exclude, settings.config_root)


def _report(args: argparse.Namespace, result, extra_summary: str | None = None) -> int:
    from migrationlint.reporters import render

    color = {"always": True, "never": False}.get(args.color)
    out = render(args.output_format, result, color=color, unsafe_fixes=args.unsafe_fixes)
    sys.stdout.write(out)
    if extra_summary:
        print(extra_summary, file=sys.stderr if args.output_format != "full" else sys.stdout)
    if result.diagnostics and not args.exit_zero:
        return 1
    return 0


def _fix(args, paths, settings, result, lint_kwargs) -> int:
    from migrationlint import fixes, pipeline

    outcome = pipeline.fix(paths, settings, unsafe=args.unsafe_fixes, first=result, **lint_kwargs)
    if args.diff:
        text = unified_diff(outcome)
        sys.stdout.write(text)
        print(f"Would fix {outcome.applied} error{'s' if outcome.applied != 1 else ''}.", file=sys.stderr)
        return 1 if text and not args.exit_zero else 0
    fixes.write_all(outcome)
    written = {p: d for p, d in outcome.texts.items() if p not in {e[0] for e in outcome.write_errors}}
    final = pipeline.lint(paths, settings, overrides=written, files=result.files, **lint_kwargs)
    final.diagnostics.extend(internal_diagnostics(outcome))
    final.diagnostics.sort(key=lambda d: d.sort_key())
    remaining = len(final.diagnostics)
    summary = (f"Fixed {outcome.applied} error{'s' if outcome.applied != 1 else ''}, "
               f"{remaining} remaining.")
    return _report(args, final, summary)


def internal_diagnostics(outcome) -> list:
    """INT001 diagnostics for fixes that were refused and files that could not be written."""
    from migrationlint.checks import INTERNAL, diagnostic

    out = []
    for d, why in outcome.refused:
        out.append(diagnostic(INTERNAL, d.path, d.start, d.end,
                              f"Fix for {d.code} not applied: {why}; the file is left as it was"))
    for path, why in outcome.write_errors:
        out.append(diagnostic(INTERNAL, path, 0, 0, f"Fixes not written: {why}"))
    return out


def unified_diff(outcome) -> str:
    from migrationlint.reporters import display_path

    chunks = []
    for path, new in sorted(outcome.texts.items()):
        old = outcome.originals.get(path, b"")
        name = display_path(path)
        chunks.extend(difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(keepends=True),
            new.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}",
        ))
    return "".join(chunks)


def _check_stdin(args: argparse.Namespace) -> int:
    """Lint standard input as if it were the file `--stdin-filename` (the workspace around that
    path is the context, as for the file on disk). With --fix the fixed text goes to standard
    output and what remains to standard error; --diff prints the fixes as a diff. Only fixes that
    edit this one text are applied: stdin mode never writes other files."""
    from migrationlint import fixes, pipeline
    from migrationlint.reporters import render

    path = os.path.abspath(args.stdin_filename)
    data = sys.stdin.buffer.read()
    settings = _settings(args, [path])
    overrides = {path: data}
    lint_kwargs = dict(files=[path], jobs=1, use_cache=False, report={path})
    result = pipeline.lint([path], settings, overrides=overrides, **lint_kwargs)
    if not (args.fix or args.diff):
        return _report(args, result)

    def local(diagnostics: list) -> list:
        return [d for d in diagnostics if d.fix is None or all(e.path == path for e in d.fix.edits)]

    def relint(texts: dict[str, bytes]):
        return local(pipeline.lint([path], settings, overrides={**overrides, **texts}, **lint_kwargs).diagnostics)

    outcome = fixes.fix_loop(relint, lambda p: overrides[p] if p in overrides else open(p, "rb").read(),
                             unsafe=args.unsafe_fixes, initial=local(result.diagnostics))
    fixed = outcome.texts.get(path, data)
    if args.diff:
        text = unified_diff(outcome)
        sys.stdout.write(text)
        return 1 if text and not args.exit_zero else 0
    sys.stdout.buffer.write(fixed)
    sys.stdout.flush()
    final = pipeline.lint([path], settings, overrides={path: fixed}, **lint_kwargs)
    final.diagnostics.extend(internal_diagnostics(outcome))
    if final.diagnostics:
        sys.stderr.write(render(args.output_format, final, color=False, unsafe_fixes=args.unsafe_fixes))
    return 1 if final.diagnostics and not args.exit_zero else 0


if __name__ == "__main__":
    raise SystemExit(main())
