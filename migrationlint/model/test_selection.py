"""Which files a package's test runner picks as tests: Jest's `testMatch` / `testRegex` (less
`testPathIgnorePatterns`), Vitest's `test.include` (less `test.exclude`) and Playwright's
`testMatch`, read as data, or the runner's defaults when its config sets none.

A file under `tests/` is not a test because of its folder: Jest runs what `testMatch` selects
(`<rootDir>/tests/**/*.test.ts`), and a `Thing.legacy.ts` or `WorkflowTests.ts` beside the tests
is run only when a selected test or a setup file imports it. The runners are those the package or
the root declares, those whose API the file imports (`@playwright/test`: Playwright runs it, declared
or not) and those with a config beside the file or above it. A config a plain run reads
(`jest.config.*`, the manifest's `jest` key) replaces the runner's defaults; a variant one
(`test/jest-e2e.json`) adds to them. Answered only where every runner has a selection that can be
read: a package that may run Mocha, AVA, Cypress or Karma, a config that inherits its settings
(`preset: '../../jest.preset.js'`, a spread of a base config, `projects: ['<rootDir>/apps/*']`), a
config a script names from another folder, a vitest workspace with an inline project (one that lists
only globs runs the projects they name), or a pattern this reader does not understand leaves every
file selected ("may run" errs towards yes).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Iterable

from migrationlint.globs import WILDCARD, compile_glob, excluded_folder
from migrationlint.model.config_objects import REGEX_MARK, config_imports, find_config, read_config
from migrationlint.model.manifest_peek import peek_field
from migrationlint.model.runner_config_files import jest_configs, named_configs
from migrationlint.model.runner_configs import config_paths
from migrationlint.model.test_runners import RUNNER_PACKAGES
from migrationlint.model.vitest_workspace import folder_names, project_folder
from migrationlint.model.workspace import Manifest

# the runners whose selection is read here (their CLIs and the Nx plugins that start them)
_READ_RUNNERS = {"jest": "jest", "jest-cli": "jest", "@jest/core": "jest", "@nx/jest": "jest", "@nrwl/jest": "jest",
                 "vitest": "vitest", "@nx/vite": "vitest", "@nrwl/vite": "vitest",
                 "@playwright/test": "playwright", "playwright": "playwright"}
# a script that starts another runner, whatever the manifests declare (`npx mocha`, `node --test`)
_OTHER_RUNNER = re.compile(r"\b(?:mocha|ava|tap|tape|jasmine|karma|cypress|uvu|wdio|testcafe|detox|poku"
                           r"|borp)\b|--test\b|\bbun\s+test\b")
# a runner's API a test imports, which names the runner that runs it
_RUNNER_APIS = {"vitest": "vitest", "@jest/globals": "jest", "@playwright/test": "playwright"}
_OTHER_RUNNER_APIS = ("node:test", "bun:test", "mocha", "ava", "uvu", "tap", "tape", "jasmine")
_DEFAULTS = {"jest": ("**/__tests__/**/*.[jt]s?(x)", "**/?(*.)+(spec|test).[jt]s?(x)"),
             "vitest": ("**/*.{test,spec}.?(c|m)[jt]s?(x)",), "playwright": ("**/*.@(spec|test).?(c|m)[jt]s?(x)",)}
_EXTGLOB = re.compile(r"([?*+@]?)\(([^()]*)\)")  # a bare `(a|b)` group is one of its choices, as `@(a|b)`
_JSON_CONFIG = re.compile(r"jest[-.][\w.-]*\.json")  # Nest's `test/jest-e2e.json`, named by no convention
_NO_PRESET = re.compile(r"^ts-jest(?:/|$)")  # presets that set no selection of their own


@dataclass(frozen=True)
class Selection:
    """One config's selection: globs and regexes over absolute paths."""

    globs: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()  # Jest's `testPathIgnorePatterns`: regexes a selected path must not match
    excluded: tuple[str, ...] = ()  # Vitest's `test.exclude`: globs a selected path must not match

    def selects(self, path: str) -> bool:
        """Whether the file at `path` is a test of this selection (also when a pattern cannot be read)."""
        posix = path.replace(os.sep, "/")
        if any(_searches(regex, posix) for regex in self.ignored) or any(
                (source := _plain_glob(g)) is not None and compile_glob(source).match(posix) for g in self.excluded):
            return False
        for pattern in self.globs:
            source = _plain_glob(pattern)
            if source is None or compile_glob(source).match(posix):
                return True
        for regex in self.regexes:
            try:
                if re.search(regex, posix):
                    return True
            except re.error:
                return True
        return False


def _searches(regex: str, path: str) -> bool:
    """Whether an ignore pattern matches the path (an unreadable one ignores nothing)."""
    try:
        return re.search(regex, path) is not None
    except re.error:
        return False


def unselected_test(path: str, root: str, manifests: list[Manifest], imported: Iterable[str] = ()) -> bool:
    """Whether no test runner the file's package (or the workspace root, `manifests`) can run
    selects the file at `path` as a test: its runners (those declared, those whose API the file
    imports, `imported`, and those with a config on the way up) are all Jest, Vitest or
    Playwright, and none of the configs between the file and the workspace root (nor the runners'
    defaults) selects it."""
    runners = {kind for m in manifests for name, kind in _READ_RUNNERS.items() if m.declared(name)}
    for spec in imported:
        if spec in _RUNNER_APIS:
            runners.add(_RUNNER_APIS[spec])
        elif spec.startswith(_OTHER_RUNNER_APIS):
            return False  # `node:test`, mocha: a runner whose selection is not read here
    if any(m.declared(name) for m in manifests for name in RUNNER_PACKAGES - _READ_RUNNERS.keys()):
        return False
    if any(_OTHER_RUNNER.search(script) for m in manifests for script in _scripts(m)):
        return False
    if any(not os.path.isfile(c) for m in manifests for c in named_configs(m.dir)):
        return False  # a config a script names from another folder (`pnpm --dir ../.. exec jest --config ...`)
    selections, configured = [], set()
    directory = os.path.dirname(path)
    while True:
        for kind, selection, default in _configs_in(directory, path):
            if selection is None:
                return False
            selections.append(selection)
            if default:  # the config a plain run uses replaces the defaults; a variant one adds to them
                configured.add(kind)
        if directory == root or not directory.startswith(root + os.sep):
            break
        directory = os.path.dirname(directory)
    if not runners | configured:
        return False  # nothing says what runs it (model/test_runners.py judges that)
    selections += [Selection(globs=_DEFAULTS[kind]) for kind in runners - configured]
    return not any(s.selects(path) for s in selections)


def _scripts(manifest: Manifest) -> list[str]:
    scripts = manifest.data.get("scripts")
    return [s for s in scripts.values() if isinstance(s, str)] if isinstance(scripts, dict) else []


def _configs_in(directory: str, path: str) -> list[tuple[str, Selection | None, bool]]:
    """(runner, selection, whether a plain run reads it) of each config in `directory` for the file at
    `path`: None for one whose selection cannot be read. A plain `jest` reads `jest.config.*` or the
    manifest's `jest` key; a variant (`jest.e2e.config.ts`, `jest-e2e.json`) runs only when a script
    names it. A vitest workspace runs its projects only: the project's own config selects (met on the
    way up), or vitest's defaults in a project folder without one; outside every project, nothing."""
    found: list[tuple[str, Selection | None, bool]] = []
    names = folder_names(directory)
    loose = [os.path.join(directory, n) for n in names if _JSON_CONFIG.fullmatch(n)]  # jest-e2e.json
    found += [("jest", _jest_file(c), os.path.basename(c).startswith("jest.config."))
              for c in dict.fromkeys(jest_configs(directory) + loose)]
    inline = _manifest_jest(directory)
    if inline is not None:
        found.append(("jest", _jest_settings(inline, directory), True))
    workspace = next((os.path.join(directory, n) for n in names if n.startswith(("vitest.workspace.", "vitest.projects."))), None)
    if workspace is not None:
        project, read = project_folder(workspace, path)
        bare = project is not None and not any(find_config(project, c) for c in ("vitest.config", "vite.config"))
        return found + [("vitest", Selection(globs=_DEFAULTS["vitest"] if bare else ()) if read else None, True)]
    config = find_config(directory, "vitest.config") or find_config(directory, "vite.config")
    if config is not None:
        found.append(("vitest", _vitest_file(config), True))
    config = find_config(directory, "playwright.config")
    if config is not None:
        found.append(("playwright", _playwright_file(config), True))
    return found


def _manifest_jest(directory: str) -> dict | None:
    """The `jest` key of the package.json in `directory`."""
    value = peek_field(directory, "jest", b'"jest"')
    return value if isinstance(value, dict) else None


def _jest_file(config: str) -> Selection | None:
    if config.endswith(".json"):
        try:
            with open(config, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return None
        return _jest_settings(data, os.path.dirname(config)) if isinstance(data, dict) else None
    if _inherits(config):
        return None
    settings, (root_dir, _) = read_config(config), config_paths(config)
    presets = settings.names("preset")
    if presets is None or not all(_NO_PRESET.match(p) for p in presets):
        return None
    matches, regexes = settings.names("testMatch"), settings.names("testRegex", patterns=True)
    if matches is None or regexes is None:
        return None
    selection = _jest_selection([_js_string(m) for m in matches], [_regex_source(r) for r in regexes],
                                root_dir or os.path.dirname(config), settings.names("testPathIgnorePatterns") or ())
    if not settings.has("projects"):
        return selection
    if settings.names("projects") is not None or not any(k[:1] == ("projects",) and len(k) > 1 for k in settings.keys):
        return None  # projects named by path (each a config of its own), or computed
    # inline projects, each with its own `testMatch` or the defaults: all their patterns, and the defaults
    return Selection(selection.globs + _jest_selection([], [], root_dir or os.path.dirname(config)).globs,
                     selection.regexes, selection.ignored)


def _jest_settings(data: dict, directory: str) -> Selection | None:
    """A JSON config's (or a manifest's `jest` key's) selection."""
    preset = data.get("preset")
    if "projects" in data or preset is not None and not (isinstance(preset, str) and _NO_PRESET.match(preset)):
        return None
    matches, regexes = data.get("testMatch", []), data.get("testRegex", [])
    regexes = [regexes] if isinstance(regexes, str) else regexes
    if not all(isinstance(x, list) and all(isinstance(i, str) for i in x) for x in (matches, regexes)):
        return None
    root_dir = data.get("rootDir")
    base = os.path.normpath(os.path.join(directory, root_dir)) if isinstance(root_dir, str) else directory
    ignored = data.get("testPathIgnorePatterns")
    return _jest_selection(matches, regexes, base, [i for i in ignored if isinstance(i, str)] if isinstance(ignored, list) else ())


def _jest_selection(matches: list[str], regexes: list[str], root_dir: str, ignored: Iterable[str] = ()) -> Selection:
    """Jest reads `testRegex` when set, else `testMatch`, else its defaults; `<rootDir>` is the
    config's root folder, and a pattern without it may match anywhere (Jest matches absolute paths).
    `ignored`: `testPathIgnorePatterns`, regexes over the same paths (`<rootDir>` replaced)."""
    skip = tuple(i.replace("<rootDir>", re.escape(root_dir.replace(os.sep, "/"))) for i in ignored)
    if regexes:
        return Selection(regexes=tuple(regexes), ignored=skip)
    globs = [_under(root_dir, m[len("<rootDir>"):].lstrip("/")) if m.startswith("<rootDir>")
             else m if m.startswith(("**", "/")) else "**/" + m for m in matches or _DEFAULTS["jest"]]
    return Selection(globs=tuple(globs), ignored=skip)


def _vitest_file(config: str) -> Selection | None:
    if _inherits(config):
        return None
    settings = read_config(config)
    if any(settings.has(k) for k in ("test.projects", "test.workspace", "test.dir", "root")):
        return None
    include = settings.names("test.include")
    if include is None:
        return None
    directory = os.path.dirname(config)
    excluded = tuple(_under(directory, _js_string(g)) for g in settings.names("test.exclude") or ())
    return Selection(globs=tuple(_under(directory, _js_string(g)) for g in include or _DEFAULTS["vitest"]),
                     excluded=excluded)  # an exclude list not read (a spread of the defaults) leaves nothing out


def _playwright_file(config: str) -> Selection | None:
    """Playwright's `testMatch` (globs or regexes, in the config or its `projects`), matched
    anywhere: its `testDir` only narrows where they apply."""
    if _inherits(config):
        return None
    matches = read_config(config).names("testMatch", patterns=True)
    if matches is None:
        return None
    globs = tuple(m if m.startswith("**") else "**/" + m for m in map(_js_string, matches) if not m.startswith(REGEX_MARK))
    regexes = tuple(_regex_source(m) for m in matches if m.startswith(REGEX_MARK))
    return Selection(globs=globs, regexes=regexes) if matches else Selection(globs=_DEFAULTS["playwright"])


def _inherits(config: str) -> bool:
    """Whether a config may take its selection from elsewhere: it imports a file of the repository
    (a base config it spreads or merges) or spreads an object."""
    if any(spec.startswith(".") for spec in config_imports(config)):
        return True
    try:
        with open(config, "rb") as fh:
            return b"..." in fh.read()
    except OSError:
        return True


def _regex_source(item: str) -> str:
    """A regex literal's body (`/\\.spec\\.ts$/` -> `\\.spec\\.ts$`), or the string's value."""
    if item.startswith(REGEX_MARK):
        literal = item[len(REGEX_MARK):]
        return literal[1:literal.rfind("/")]
    return _js_string(item)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v"}


def _js_string(raw: str) -> str:
    """The value of a JavaScript string literal's text: `'.*\\.spec\\.ts$'` is `.*.spec.ts$` (an escape
    that means nothing to JavaScript keeps only its character), as the runner reads it."""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), raw)


def _under(directory: str, pattern: str) -> str:
    """A pattern relative to `directory` as an absolute one (`./src/**` -> `/repo/pkg/src/**`); a
    folder whose name a glob would read as a wildcard gives the pattern that matches anything."""
    if WILDCARD.search(directory):
        return "**"
    return os.path.normpath(os.path.join(directory, pattern)).replace(os.sep, "/")


def _plain_glob(pattern: str) -> str | None:
    """The pattern without extglobs (`?(x)` -> `{x,}`, `+(a|b)` and a bare `(a|b)` -> `{a,b}`), or None for one that
    cannot be read that way (`!(...)`): a selection that may match anything."""
    if "!(" in pattern:
        return None
    return _EXTGLOB.sub(lambda m: "{" + m.group(2).replace("|", ",") + ("," if m.group(1) in ("?", "*") else "") + "}", pattern)


_REGEX_SPECIALS = re.compile(r"(?<!\\)[*+?()[\]{}|^$]")


def _ignored_folder(pattern: str, path: str) -> str | None:
    """The folder holding `path` that a plain-text Jest ignore pattern names by its path."""
    if _REGEX_SPECIALS.search(pattern):
        return None
    text = re.sub(r"\\(.)", r"\1", pattern)
    posix = path.replace(os.sep, "/")
    at = posix.find(text)
    if text.count("/") < 2 or not text.startswith("/") or at < 0 or not (text.endswith("/") or posix[at + len(text):][:1] == "/"):
        return None  # a fragment with a folder's bounds on both sides
    return posix[:at + len(text)].rstrip("/")


def runner_exclusions(path: str, root: str) -> list[str]:
    """The folders that the test runner configs between the file at `path` and `root` leave out by
    their path (model/named_exclusions.py): Vitest's `test.exclude` globs that take a folder whole,
    and Jest's `testPathIgnorePatterns` written as plain text (`<rootDir>/legacy/`, or a fragment,
    `/legacy/`, whose folder is the one of the file's path it matches)."""
    found: list[str] = []
    directory = os.path.dirname(path)
    while True:
        for _, selection, _ in _configs_in(directory, path):
            if selection is None:
                continue
            found += [f for f in map(excluded_folder, selection.excluded) if f is not None]
            found += [f for f in (_ignored_folder(p, path) for p in selection.ignored) if f is not None]
        if directory == root or not directory.startswith(root + os.sep):
            return found
        directory = os.path.dirname(directory)
