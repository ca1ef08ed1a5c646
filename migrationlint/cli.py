"""Command line: arguments -> Settings -> pipeline -> report or fix -> exit code.

Exit codes (as ruff and ESLint): 0 nothing left to report, 1 diagnostics remain, 2 usage,
configuration or internal error. `--exit-zero` forces 0 for the diagnostics case.
"""

from __future__ import annotations

import argparse
import os
import sys

from migrationlint import __version__
from migrationlint.baseline import DEFAULT_NAME as DEFAULT_BASELINE, BaselineError
from migrationlint.config import ConfigError, load, validate_codes
from migrationlint.settings import Settings
from migrationlint.reporters.fix_report import internal_diagnostics
from migrationlint.reporters.output import emit, quiet_stdout

SUBCOMMANDS = ("check", "rule", "rules", "server")
NO_FILES = 3  # exit code: nothing to lint (see the README's exit-code table)
FORMATS = ("full", "concise", "json", "lsp", "sarif", "github")


class UsageError(Exception):
    """A bad command line; exit code 2."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil: argparse builds one for every
    `add_argument`, and shutil (with the compression modules it pulls in) cost a pre-commit run
    2 ms of its 130 to find a width only `--help` prints."""

    def __init__(self, prog: str, **kwargs) -> None:
        kwargs.setdefault("width", _terminal_columns() - 2)
        super().__init__(prog, **kwargs)


def _terminal_columns() -> int:
    """What shutil.get_terminal_size() answers: $COLUMNS, else the terminal's, else 80."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="migrationlint", description="Lint NestJS + TypeORM TypeScript monorepos.",
                                formatter_class=_HelpFormatter)
    p.add_argument("--version", action="version", version=f"migrationlint {__version__}")
    sub = p.add_subparsers(dest="command")
    check = sub.add_parser("check", help="lint files and directories (the default command)", formatter_class=_HelpFormatter)
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
    check.add_argument("--jobs", type=int, default=None, help="processes that parse, this one included (default: by input size)")
    check.add_argument("--stdin-filename", help="lint standard input as if it were this file")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour in the full format (auto: when standard output is a terminal; NO_COLOR and FORCE_COLOR are honoured)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings that this baseline file does not record")
    check.add_argument("--baseline-write", nargs="?", const="", default=None, metavar="FILE",
                       help=f"record the current findings in FILE (default: the configured baseline or {DEFAULT_BASELINE})")
    check.add_argument("--baseline-prune", action="store_true", help="remove the baseline's stale entries (findings that are gone)")
    check.add_argument("--no-baseline", action="store_true", help="ignore the configured or default baseline file")
    check.add_argument("--add-suppressions", action="store_true",
                       help="insert a `// migrationlint-disable-next-line CODE -- TODO: reason` comment above every finding")
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings per rule and package instead of the findings")
    check.add_argument("--explain-file", metavar="PATH",
                       help="say whether PATH ships to production for the dependency rules, and why")
    rule = sub.add_parser("rule", help="print a rule's documentation", formatter_class=_HelpFormatter)
    rule.add_argument("code")
    sub.add_parser("rules", help="list every rule", formatter_class=_HelpFormatter)
    sub.add_parser("server", help="run the language server over stdio", formatter_class=_HelpFormatter)
    return p


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _interrupted() -> int:
    quiet_stdout()
    print("migrationlint: interrupted", file=sys.stderr)
    return 130


def _during_interrupt(exc: BaseException) -> bool:
    """An error raised while Ctrl-C unwound the run: CPython's threading.Condition can fail to
    restore its lock when the interrupt lands inside `wait` (the process pool's result queue),
    and that RuntimeError, not the KeyboardInterrupt, reaches us. It is still an interrupt."""
    seen = exc.__context__ or exc.__cause__
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__context__ or seen.__cause__
    return False


def run() -> None:
    """The command's entry (console script, `python -m migrationlint`): main(), then exit without
    tearing the interpreter down. A run over 10,000 files holds a million small objects, and
    freeing them one by one at exit took a second after the report was printed; the report is
    flushed, the caches were written and closed by the run, so nothing is lost by not freeing."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader went away before the report was complete
            code = 141
        except (ValueError, OSError):  # closed already (the language server closes its streams)
            pass
    if "logging" in sys.modules:  # the language server's log handlers
        sys.modules["logging"].shutdown()
    os._exit(code)


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
        return _dispatch(args)
    except (ConfigError, UsageError, BaselineError) as exc:
        print(f"migrationlint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:  # the reader went away before the report was complete
        quiet_stdout()
        return 141
    except Exception as exc:  # an internal error must not look like "no findings"
        if _during_interrupt(exc):
            return _interrupted()
        print("migrationlint: internal error (please report it):", file=sys.stderr)
        import traceback  # only here: an internal error is the one run that prints a stack

        traceback.print_exc()
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "rule":
        return _rule(args.code)
    if args.command == "rules":
        return _rules()
    if args.command == "server":
        from migrationlint.server import serve

        serve()
        return 0
    return _check(args)


def _rule(code: str) -> int:
    from migrationlint.checks import RULES
    from migrationlint.reporters.rule_pages import page_text

    code = code.upper()
    if code not in RULES:
        raise UsageError(f"unknown rule {code!r} (see `migrationlint rules`)")
    text = page_text(code)
    if text is None:
        r = RULES[code]
        text = f"# {r.code} {r.name}\n\n{r.summary}\n"
    emit(text)
    return 0


def _rules() -> int:
    from migrationlint.checks import RULES

    rows = [("Code", "Name", "Severity", "Default", "Fix")]
    for r in RULES.values():
        rows.append((r.code, r.name, r.severity.value, "on" if r.default_enabled else "off", r.fix))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for i, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    emit("\n".join(lines) + "\n")
    return 0


def _settings(args: argparse.Namespace, paths: list[str]) -> Settings:
    settings = load(paths, args.config)
    for flag, attr in (("select", "select"), ("ignore", "ignore"), ("extend_select", "extend_select")):
        value = getattr(args, flag)
        if value is None:
            continue
        from migrationlint.checks import RULES  # only with rule options: a cached run imports no rule family

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
    _baseline_write_path(args)
    writers = [flag for flag, on in (("--baseline-write", args.baseline_write is not None),
                                      ("--baseline-prune", args.baseline_prune),
                                      ("--add-suppressions", args.add_suppressions)) if on]
    if writers and (args.stdin_filename or args.fix or args.diff or len(writers) > 1):
        raise UsageError(f"{' and '.join(writers)} cannot be combined with --stdin-filename, --fix, --diff "
                         f"or each other")
    if args.stdin_filename:
        from migrationlint import stdin_mode

        return stdin_mode.run(args, _settings(args, [os.path.abspath(args.stdin_filename)]), _report)
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
    if not result.files and targets is None and not result.diagnostics:
        print(f"No TypeScript files found in {', '.join(paths)}.", file=sys.stderr)
        return NO_FILES
    return _after_lint(args, paths, settings, result, targets, lint_kwargs)


def _baseline_write_path(args: argparse.Namespace) -> None:
    """`--baseline-write services/` names a directory to lint, not the baseline file."""
    value = args.baseline_write
    if value and (os.path.isdir(value) or value.endswith((".ts", ".tsx", ".mts", ".cts"))):
        args.paths = [value, *args.paths]
        args.baseline_write = ""


def _after_lint(args, paths: list[str], settings: Settings, result, targets, lint_kwargs) -> int:
    """The baseline, suppression and fix modes, then the report."""
    from migrationlint import baseline_cli

    report = targets[1] if targets else None
    scope = baseline_cli.scope_of(result, paths, report)
    chosen = baseline_cli.baseline_path(args, settings, paths)
    if args.baseline_write is not None:
        return baseline_cli.write(chosen, result, scope)
    if args.baseline_prune:
        return baseline_cli.prune(chosen, result, scope)
    if chosen is not None:
        baseline_cli.apply(chosen, result, scope)
    if args.add_suppressions:
        from migrationlint import suppression_writer

        return suppression_writer.run(result)
    if args.fix or args.diff:
        keep = baseline_cli.keep_new(chosen) if chosen is not None else None
        return _fix(args, paths, settings, result, lint_kwargs, keep)
    return _report(args, result)


def _explain(args: argparse.Namespace) -> int:
    from migrationlint.explain import explain_file

    path = next((p for p in [args.explain_file, *(os.path.join(d, args.explain_file) for d in args.paths or ()
                                                  if os.path.isdir(d))] if os.path.isfile(p)), None)
    if path is None:  # as written, or relative to a directory the run names (`--explain-file src/x.ts REPO`)
        raise UsageError(f"--explain-file: no such file: {args.explain_file}")
    sys.stdout.write(explain_file(path, _settings(args, [path])))
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
            reported.update(manifests_of(path))
    return sorted(files), reported | files


def manifests_of(path: str) -> list[str]:
    """The package.json files a named file depends on, whose MAN001 it must show: the nearest one
    above it (its package) and the workspace root's."""
    from migrationlint.model.workspace import find_root

    root = find_root(path)
    found = []
    directory = os.path.dirname(path)
    while True:
        candidate = os.path.join(directory, "package.json")
        if os.path.isfile(candidate):
            found.append(candidate)
            break
        if directory == root or os.path.dirname(directory) == directory:
            break
        directory = os.path.dirname(directory)
    root_manifest = os.path.join(root, "package.json")
    if os.path.isfile(root_manifest) and root_manifest not in found:
        found.append(root_manifest)
    return found


def package_sources(context_file: str, settings: Settings) -> list[str]:
    """The TypeScript files of the package that owns `context_file`, without nested packages."""
    from migrationlint.model.discovery import discover
    from migrationlint.model.package_files import package_files
    from migrationlint.model.workspace import Workspace, find_root

    workspace = Workspace(find_root(context_file))
    package = workspace.package_root(context_file)
    if package == workspace.root:
        return discover([package], settings.exclude, settings.config_root).files
    return package_files(package, settings.exclude, settings.config_root)


def _report(args: argparse.Namespace, result, extra_summary: str | None = None) -> int:
    from migrationlint.reporters import render

    color = {"always": True, "never": False}.get(args.color)
    if getattr(args, "statistics", False):
        from migrationlint.reporters.statistics import statistics

        emit(statistics(result.diagnostics, as_json=args.output_format == "json"))
    else:
        emit(render(args.output_format, result, color=color, unsafe_fixes=args.unsafe_fixes))
    if extra_summary:
        if args.output_format == "full":
            emit(extra_summary + "\n")
        else:
            print(extra_summary, file=sys.stderr)
    if result.diagnostics and not args.exit_zero:
        return 1
    return 0


def _fix(args, paths, settings, result, lint_kwargs, keep=None) -> int:
    from migrationlint.fix import fixes
    from migrationlint import pipeline
    from migrationlint.reporters import summary

    outcome = pipeline.fix(paths, settings, unsafe=args.unsafe_fixes, first=result, keep=keep, **lint_kwargs)
    if args.diff:
        from migrationlint.reporters.patch import unified_diff

        text = unified_diff(outcome)
        emit(text)
        done = summary.fixed(result.diagnostics, outcome.remaining or [], args.unsafe_fixes)
        print(summary.would_fix_line(done), file=sys.stderr)
        return 1 if text and not args.exit_zero else 0
    fixes.write_all(outcome)
    final = pipeline.after_fix(paths, settings, result, outcome, keep, **lint_kwargs)
    final.diagnostics.extend(internal_diagnostics(outcome))
    final.diagnostics.sort(key=lambda d: d.sort_key())
    done = summary.fixed(result.diagnostics, final.diagnostics, args.unsafe_fixes)
    return _report(args, final, summary.fixed_line(done, final.diagnostics))


if __name__ == "__main__":
    raise SystemExit(main())
