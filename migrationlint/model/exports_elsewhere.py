"""Imports whose names IMP003 cannot check against the source file they resolve to, because
what the importer gets is defined elsewhere.

- In a test, a module name a Jest manual mock stands in for (`__mocks__/@acme/cloud.js` in a folder
  from the test's up to its package's): Jest gives every test the mock without a `jest.mock()`
  call, so the names a test imports (`mockCreateInvalidation`) are the mock's; so are those of a
  module of its own a test mocks by path (`jest.mock('./keys')`) that has `__mocks__/keys.ts` beside it.
- A workspace package imported by its name whose `types` names a declaration file the checkout
  lacks (`"types": "src/schema/types.d.ts"`, which its `prepare` script writes): tsc reads that
  file, not the source `main` maps to.
"""

from __future__ import annotations

import os

from migrationlint.model import packages as pk
from migrationlint.model.jest_mocks import MOCK_EXTENSIONS, manual_mock
from migrationlint.model.project import Project
from migrationlint.model.resolve import resolver_for


def exports_elsewhere(project: Project, path: str, spec: str) -> bool:
    """Whether the names the file at `path` imports from `spec` are defined somewhere IMP003 does
    not read (see the module's docstring)."""
    return _mocked_in_tests(project, path, spec) or _types_not_written(project, spec)


def _types_not_written(project: Project, spec: str) -> bool:
    """A workspace package imported by its name whose `types` names a declaration file the checkout
    lacks (`"types": "src/schema/types.d.ts"`, which its `prepare` script writes): tsc reads that
    file, not the source `main` maps to, so what it exports is not known here."""
    member = project.workspace.member(spec) if not pk.is_relative(spec) else None
    declared = member.data.get("types") or member.data.get("typings") if member is not None else None
    if not isinstance(declared, str) or "exports" in member.data:
        return False
    target = os.path.normpath(os.path.join(member.dir, declared))
    # build output (`dist/types/index.d.ts`) maps back to the source it is built from: known
    return not os.path.isfile(target) and resolver_for(project).to_source(member.dir, target) is None


def _mocked_in_tests(project: Project, path: str, spec: str) -> bool:
    """A test importing a module name a Jest manual mock stands in for (`__mocks__/@acme/cloud.js`
    above it in its package): the names are the mock's, which Jest gives it without `jest.mock()`;
    or a module of its own it mocks by path (`jest.mock('./generate-keys')`) that has a manual mock
    beside it (`__mocks__/generate-keys.ts`)."""
    if not project.is_test_file(path):
        return False
    if not pk.is_relative(spec):
        return manual_mock(project, path, spec, project.workspace.package_root(path)) is not None
    facts = project.facts(path)
    if facts is None or not any(i.kind == "mock" and i.specifier == spec for i in facts.imports):
        return False
    target = os.path.normpath(os.path.join(os.path.dirname(path), spec))
    beside = os.path.join(os.path.dirname(target), "__mocks__", os.path.basename(target))
    return any(os.path.isfile(beside + ext) for ext in MOCK_EXTENSIONS)
