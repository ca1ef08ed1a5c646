"""MAN001-MAN002: workspace files that do not parse (package.json, tsconfig, pnpm files, lockfiles).

A broken file never stops the run. Each is reported once, at the parser's error position, and the
rules go on with what can be read: a package with a broken manifest gets no dependency checks (and
no manifest fixes), files under a broken tsconfig resolve with default settings, a broken
pnpm-workspace.yaml or lockfile contributes nothing.
"""

from __future__ import annotations

import json
import os
import re
from typing import Iterator

from migrationlint.checks.base import Project, Rule, diagnostic
from migrationlint.diagnostics import Diagnostic, Severity
from migrationlint.model.dev_files import hidden_part
from migrationlint.model.dev_folders import in_test_folder
from migrationlint.model.lockfiles import find_lockfile

MAN001 = Rule("MAN001", "invalid-manifest", Severity.ERROR,
              "A package.json that is not valid JSON: its package's dependency checks and fixes are skipped.")
MAN002 = Rule("MAN002", "invalid-workspace-file", Severity.WARNING,
              "A tsconfig, pnpm-workspace.yaml or lockfile that does not parse: the run goes on without it.")
RULES = [MAN001, MAN002]

_JSON5_POSITION = re.compile(r":(\d+) .*?column (\d+)")
# Handlebars/Mustache (`{{projectName}}`, `{{#if db}}`), EJS (`<%= name %>`) and Jinja/Nunjucks (`{% if %}`) tags
_TEMPLATE_MARKUP = re.compile(r"\{\{[#/^>!&]?\s*[\w.@-]+[^{}\n]*\}\}|<%[=_-]?[^%]*%>|\{%-?\s*\w+[^%]*%\}")


def check(project: Project) -> Iterator[Diagnostic]:
    if project.enabled(MAN001.code):
        yield from _manifests(project)
    if project.enabled(MAN002.code):
        yield from _tsconfigs(project)
        yield from _workspace_files(project)


def _manifest_paths(project: Project) -> list[str]:
    ws = project.workspace
    paths = {ws.nearest_manifest_path(os.path.dirname(p)) for p in project.files}
    root = os.path.join(ws.root, "package.json")
    if os.path.isfile(root):
        paths.add(root)
    return sorted(p for p in paths if p)


def _manifests(project: Project) -> Iterator[Diagnostic]:
    members = {os.path.join(d, "package.json") for d in project.workspace.member_dirs}
    for path in _manifest_paths(project):
        m = project.workspace.manifest(path)
        if m.error is None or (hidden_part(project.rel(m.dir).split("/")) and path not in members):
            continue  # a hidden folder's example project (`.claude/skills/x/references/`): nothing installs it
        if not (project.workspace.has_workspace_definition and path in members) and _TEMPLATE_MARKUP.search(m.text):
            continue  # a project generator's template (`"name": "{{projectName}}"`): rendered, then installed
        if path not in members and in_test_folder(project.rel(m.dir).split("/")):
            continue  # a fixture no install enters: an empty placeholder (a CLI told a JS project by its presence),
            # or a manifest broken on purpose for a test of how a tool copes with one
        yield diagnostic(MAN001, path, m.error_offset, m.error_offset,
                         f"package.json is not usable ({m.error}); dependency checks for "
                         f"{project.rel(m.dir) or 'this package'} are skipped and --fix leaves it alone",
                         manifest=project.rel(path))


def _tsconfigs(project: Project) -> Iterator[Diagnostic]:
    from migrationlint.model.resolve import resolver_for

    configs = resolver_for(project).tsconfigs
    seen: set[str] = set()
    for path in sorted({os.path.dirname(p) for p in project.files}):
        for candidate in configs.candidates(path):
            if candidate in seen:
                continue
            seen.add(candidate)
            cfg = configs.config(candidate)
            if cfg.error is None or cfg.path != candidate or _TEMPLATE_MARKUP.search(_read(candidate) or "") \
                    or _named_by_a_test(project, candidate):
                continue  # a generator's template (`"strict": <%= strict %>`): rendered before anything reads it;
                # a fixture a test edits (`editFile('has-error/tsconfig.json', ...)`): broken on purpose
            offset = _offset_of_json5_error(candidate, cfg.error)
            yield diagnostic(MAN002, candidate, offset, offset,
                             f"tsconfig is not valid JSONC ({_short(cfg.error)}); the files it covers are "
                             f"resolved with default settings (no `paths`, no `baseUrl`)")


def _named_by_a_test(project: Project, config: str) -> bool:
    """Whether a test of the config's package names it by its folder and name (`has-error/tsconfig.json`): a
    playground's config kept broken for a test of how a tool copes with one. Not the package's own."""
    m = project.workspace.manifest_for(config)
    if m is None or os.path.dirname(config) == m.dir:
        return False
    named = "/".join(project.rel(config).split("/")[-2:]).encode()
    return any(project.is_test_file(o) and project.mentions(o, named) for o in project.package_sources(m.dir))


def _workspace_files(project: Project) -> Iterator[Diagnostic]:
    root = project.workspace.root
    pnpm = os.path.join(root, "pnpm-workspace.yaml")
    if os.path.isfile(pnpm):
        problem = _yaml_problem(pnpm)
        if problem is not None:
            offset, why = problem
            yield diagnostic(MAN002, pnpm, offset, offset,
                             f"pnpm-workspace.yaml does not parse ({why}); workspace members and catalogs "
                             f"are unknown, so each package.json is treated on its own")
    lock = find_lockfile(root, project.workspace.package_manager)
    if lock is None or project.workspace.lockfile is not None:
        return  # no lockfile, or it parsed: nothing to report (and no second parse of a large file)
    if lock.endswith(".json"):
        problem = _json_problem(lock)
    elif lock.endswith(".yaml") or _is_yarn_berry(lock):
        problem = _yaml_problem(lock)
    else:
        problem = None
    if problem is not None:
        offset, why = problem
        yield diagnostic(MAN002, lock, offset, offset,
                         f"{os.path.basename(lock)} does not parse ({why}); versions and peer lists come "
                         f"from the manifests and node_modules only")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError):
        return None


def _byte_offset(text: str, line: int, column: int) -> int:
    """Byte offset of a 0-based (line, character column) in `text`."""
    lines = text.split("\n")
    line = max(0, min(line, len(lines) - 1))
    before = "\n".join(lines[:line])
    prefix = before + ("\n" if line else "") + lines[line][:max(0, column)]
    return len(prefix.encode("utf-8"))


def _json_problem(path: str) -> tuple[int, str] | None:
    text = _read(path)
    if text is None:
        return None
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return len(text[: exc.pos].encode("utf-8")), exc.msg
    return None


def _yaml_problem(path: str) -> tuple[int, str] | None:
    import yaml

    text = _read(path)
    if text is None:
        return None
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        why = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if mark is None:
            return 0, why
        return _byte_offset(text, mark.line, mark.column), why
    return None


def _is_yarn_berry(path: str) -> bool:
    text = _read(path) or ""
    return os.path.basename(path) == "yarn.lock" and "# yarn lockfile v1" not in text[:500]


def _offset_of_json5_error(path: str, error: str) -> int:
    m = _JSON5_POSITION.search(error)
    text = _read(path)
    if m is None or text is None:
        return 0
    return _byte_offset(text, int(m.group(1)) - 1, int(m.group(2)) - 1)


def _short(error: str) -> str:
    """`invalid JSON in /x/tsconfig.json: <string>:6 Unexpected end of input at column 1` ->
    `Unexpected end of input` (the position is the diagnostic's own)."""
    text = error.split(": ", 1)[1] if ": " in error else error
    text = re.sub(r"^<string>:\d+\s*", "", text)
    return re.sub(r"\s*at column \d+$", "", text)
