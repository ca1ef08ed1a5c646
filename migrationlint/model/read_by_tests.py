"""Files that tests read as data: their imports are text, not dependencies or build inputs.

A compiler plugin's, codemod's or parser's tests keep inputs and expected outputs as source files
(`tests/split/test-files/route.tsx`, `fixtures/default/fixture.ts`, `__testfixtures__/x.input.ts`),
list them, read them as text and compare what the code under test makes of them. Their imports
name the modules of whatever project the text stands for: no rule about imports or declarations
applies. A file is taken for such data when
- its name or folder says so outright (dev_files.fixture_data), or
- it lies in a fixtures folder (dev_files.in_fixture_folder) and no file imports it, or
- it lies in a test folder, is not named like a test a runner runs (`x.test.ts`), no file imports
  it, and the tsconfig that would compile it leaves it out on purpose: its `include` takes the
  file and an `exclude` written for it cuts it out again (`"exclude": ["tests/**/test-files/**"]`),
  which is how a package keeps such inputs from breaking its type check, or
- it is named as a transform's input or expected output (`basic.input.ts`), wherever it lies, and the
  tsconfig meant for it excludes it on purpose (`"exclude": ["**/*.input.ts"]`), and no file imports it, or
- it lies in a top folder of its package that no tsconfig compiles, whose name another file of the
  package spells as a string where it reads files (`readFileSync(join(__dirname, '..', 'specs',
  p))`: a generator's expected output), and no file imports it, or
- it lies in a folder inside a test folder (`tests/test-documents/`) that no tsconfig compiles and
  whose name a test of its package spells in a path (`'./tests/test-documents/my-fragment.ts'`: a
  code generator's inputs) while importing nothing from it, and no file imports it, or
- it lies in a folder its package publishes as it is and no tsconfig compiles
  (dev_files.published_data_folder: a generator's assets copied into the code it writes).
"No file imports it" does not count importers that are such data themselves (an expected output
importing its input). Asked only for a file with findings (the import lookup scans the workspace).
"""

from __future__ import annotations

import os
import re

from migrationlint.model.dev_files import fixture_data, in_fixture_folder, published_data_folder
from migrationlint.model.dev_folders import in_test_folder
from migrationlint.model.imported_anywhere import file_names, importers
from migrationlint.model.project import Memo, Project, per_key
from migrationlint.model.resolve import Resolver

# a file a test runner runs by its name, whatever a tsconfig says (vitest and jest need none)
_RUN_BY_NAME = re.compile(r"\.(?:test|spec|e2e|e2e-spec|bench|cy|stories|story)\.[cm]?[jt]sx?$")

_ANSWERS: Memo[dict[str, bool]] = per_key("test data files")
_READ_FOLDERS: Memo[dict[str, bool]] = per_key("folders a package reads files from")


def read_by_tests(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether the file at `path` is data a test reads (see the module's docstring)."""
    answers = _ANSWERS(project)
    found = answers.get(path)
    if found is None:
        found = answers[path] = _read_by_tests(project, resolver, path)
    return found


def _read_by_tests(project: Project, resolver: Resolver, path: str) -> bool:
    rel = project.rel(path)
    if fixture_data(rel):
        return True
    if _candidate(project, resolver, path) and _imported_only_by_candidates(project, resolver, path):
        return True
    m = project.workspace.manifest_for(path)
    return m is not None and not m.error and published_data_folder(path, m.dir, m.data, resolver.tsconfig_for) is not None


def _candidate(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether the file is test data unless something imports it: in a fixtures folder, carved out
    of its tsconfig in a test folder, a transform's case its tsconfig leaves out, or in a folder
    the package's code reads files from."""
    rel = project.rel(path)
    return in_fixture_folder(rel) or _carved_out_of_tests(project, resolver, rel, path) or _transform_case(resolver, rel, path) \
        or _in_a_read_folder(project, resolver, path) or _named_by_its_tests(project, resolver, path)


# a code transform's test case by name: `basic.input.ts` and its expected `basic.output.ts`
_TRANSFORM_CASE = re.compile(r"\.(?:input|output)\.[cm]?[jt]sx?$")


def _transform_case(resolver: Resolver, rel: str, path: str) -> bool:
    """A transform's input or expected output (`basic.input.ts`) beside its test, wherever it lies,
    that the tsconfig meant for it leaves out on purpose (`"exclude": ["**/*.input.ts"]`)."""
    if not _TRANSFORM_CASE.search(rel):
        return False
    config = resolver.tsconfig_for(path)
    return config is not None and config.error is None and config.excludes_on_purpose(path)


def read_by_its_test(project: Project, path: str) -> bool:
    """Whether the file is named as a transform's input or expected output (`basic.input.ts`) and a test of
    its folder spells its name (`readFile(join(here, 'basic.input.ts'), 'utf8')`): nothing loads it at run
    time, whatever tsc makes of its imports where a program compiles it."""
    if not _TRANSFORM_CASE.search(path):
        return False
    name, folder = os.path.basename(path).encode("utf-8"), os.path.dirname(path)
    return any(os.path.dirname(other) == folder and _RUN_BY_NAME.search(other) and project.mentions(other, name)
               for other in project.package_sources(project.workspace.package_root(path)))


def _in_a_read_folder(project: Project, resolver: Resolver, path: str) -> bool:
    """A file of a top folder of its package that no tsconfig's `include` takes, whose name another
    file of the package spells as a string beside a file read (`readFileSync(join(__dirname, '../..',
    'specs', p))`): a generator's expected output, which its tests compare as text."""
    m = project.workspace.manifest_for(path)
    if m is None or m.error or not path.startswith(m.dir + os.sep):
        return False
    parts = os.path.relpath(path, m.dir).split(os.sep)
    if len(parts) < 2 or parts[0] in ("src", "lib", "app", "source"):
        return False
    config = resolver.tsconfig_for(path)
    if config is None or config.error is not None or config.covers(path) or config.excludes_on_purpose(path):
        return False  # in the program, or left out by an `exclude` (tests a runner compiles itself)
    memo = _READ_FOLDERS(project)
    key = os.path.join(m.dir, parts[0])
    if key not in memo:
        quoted = (f"'{parts[0]}'".encode(), f'"{parts[0]}"'.encode())
        memo[key] = any(not other.startswith(key + os.sep) and project.mentions(other, b"readFile")
                        and any(project.mentions(other, q) for q in quoted)
                        for other in project.package_sources(m.dir))
    return memo[key]


_GENERIC_TEST_DIRS = frozenset({"test", "tests", "__tests__", "__test__", "spec", "e2e"})
_NAMED_FOLDERS: Memo[dict[str, bool]] = per_key("test folders a package's tests spell in a path")


def _named_by_its_tests(project: Project, resolver: Resolver, path: str) -> bool:
    """A file of a folder inside a test folder (`tests/test-documents/`), not named like a test, that
    no tsconfig's program takes, whose folder a test of its package spells in a path (`documents:
    ['./tests/test-documents/my-fragment.ts']`, `join(__dirname, './test-files/schema.js')`): a document
    the code under test reads, as a code generator's tests hand it their inputs. Not a folder named
    only `tests/`, nor one the tests import from (`./app/Server.js`: a test app's code)."""
    rel = project.rel(path)
    parts = rel.split("/")
    if _RUN_BY_NAME.search(rel) or len(parts) < 3 or parts[-2] in _GENERIC_TEST_DIRS or not in_test_folder(parts[:-2]):
        return False
    config = resolver.tsconfig_for(path)
    if config is not None and (config.error is not None or config.covers(path)):
        return False
    m = project.workspace.manifest_for(path)
    if m is None or m.error:
        return False
    folder = os.path.dirname(path)
    memo = _NAMED_FOLDERS(project)
    if folder not in memo:
        name = os.path.basename(folder)
        tests = [o for o in project.package_sources(m.dir) if _RUN_BY_NAME.search(o)]
        memo[folder] = any(project.mentions(o, f"{name}/".encode()) for o in tests) and not any(
            f"{name}/" in i.specifier for o in tests if (f := project.facts(o)) is not None for i in f.imports)
    return memo[folder]


def _imported_only_by_candidates(project: Project, resolver: Resolver, path: str) -> bool:
    """Whether every file importing `path`, transitively, is a candidate too: an expected output
    imports its input (`./route.tsx?split`), data imported by data."""
    explored, pending = {path}, [path]
    while pending:
        current = pending.pop()
        for importer in importers(project, current, file_names(current), resolver):
            if importer in explored:
                continue
            if not _candidate(project, resolver, importer):
                return False
            explored.add(importer)
            pending.append(importer)
    return True


def _carved_out_of_tests(project: Project, resolver: Resolver, rel: str, path: str) -> bool:
    """A file of a test folder, not named like a test, that the tsconfig meant for it excludes; or that
    the nearest tsconfig.json of its package's own excludes on purpose while tsc reads another for it:
    a config referenced for the tests (`tsconfig.spec.json` including `**/tests/test-documents`), or a
    fixture's own config in a test folder (a migration's case folder holding the `tsconfig.json` it
    rewrites), which is no project: no runner config beside it, no test below it."""
    if _RUN_BY_NAME.search(rel) or not in_test_folder(rel.split("/")[:-1]):
        return False
    config = resolver.tsconfig_for(path)
    if config is not None and config.error is None and config.excludes_on_purpose(path):
        return True
    for candidate in resolver.tsconfigs.candidates(os.path.dirname(path)):
        if in_test_folder(project.rel(os.path.dirname(candidate)).split("/")):
            if _test_project(project, os.path.dirname(candidate)):
                return False  # an e2e suite's own tsconfig.json beside its jest config: the tests' program
            continue
        above = resolver.tsconfigs.config(candidate)  # the first config of the package's own, above the fixtures'
        return candidate != (config.path if config is not None else None) and above.error is None \
            and above.excludes_on_purpose(path)
    return False


_SUITE_CONFIGS = ("jest.config", "vitest.config", "playwright.config", "cypress.config", "detox.config")


def _test_project(project: Project, folder: str) -> bool:
    """Whether a folder with a tsconfig.json of its own holds a test suite: a runner's config, or a file
    named like a test, in it or below."""
    try:
        if any(n.startswith(_SUITE_CONFIGS) for n in os.listdir(folder)):
            return True
    except OSError:
        return True
    below = folder + os.sep
    sources = project.package_sources(project.workspace.package_root(folder))
    return any(p.startswith(below) and _RUN_BY_NAME.search(p) for p in sources)
