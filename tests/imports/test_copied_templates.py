"""Templates a workspace tool copies into another package (model/copied_templates.py): their
relative imports, and the packages they import, are the destination's."""

from __future__ import annotations

import os

import pytest

from tests.helpers import lint
from tests.imports.test_imports_real_world import _pkg, _write


def _shop(root, ignored: bool, committed: bool, components: bool) -> list[tuple[str, str]]:
    _pkg(root, "package.json", {"name": "root", "private": True, "workspaces": ["packages/*", "examples/*"]})
    _pkg(root, "packages/ui/package.json", {"name": "@acme/ui", "version": "1.0.0", "exports": {".": "./index.ts"},
                                            "peerDependencies": {"react": "^18"}})
    _write(root, "packages/ui/index.ts", "export const x = 1;\n")
    _pkg(root, "packages/ui/tsconfig.json", {"include": ["**/*.ts", "**/*.tsx"], "compilerOptions": {"jsx": "react-jsx", "strict": True}})
    page = ("import { Layout } from '../../components';\nimport { i18n } from '@lingui/core';\n\n"
            "export default function Buttons() { return <Layout title={i18n._('Buttons')} />; }\n")
    _write(root, "packages/ui/copy/pages/test/buttons.tsx", page)
    _pkg(root, "examples/shop/package.json", {"name": "shop", "private": True,
                                              "dependencies": {"@acme/ui": "*", "react": "^18.2.0", "@lingui/core": "5.7.0"}})
    if ignored:
        _write(root, "examples/shop/.gitignore", "# managed by: acme\npages/test/buttons.tsx\n# end managed by: acme\n")
    if committed:
        _write(root, "examples/shop/pages/test/buttons.tsx", page)
    if components:
        _write(root, "examples/shop/components/index.tsx", "export const Layout = (p: { title: string }) => null;\n")
    _write(root, "examples/shop/pages/index.tsx", "export default function Home() { return null; }\n")
    return sorted((d.code, os.path.relpath(d.path, root)) for d in lint(root, ["IMP002", "DEP001"])
                  if "/copy/" in d.path)


@pytest.mark.parametrize("ignored, committed, components, reported", [
    (True, False, True, False),  # the app's .gitignore lists the managed copy
    (False, True, True, False),  # the copy is committed in the app
    (False, False, True, True),  # no copy anywhere: the template's own imports are broken
    (True, False, False, True),  # the copy's place, but its imports resolve there neither
])
def test_a_template_a_workspace_tool_copies_into_an_app_is_judged_there(tmp_path, ignored, committed, components, reported):
    """`packages/ui/copy/pages/test/buttons.tsx`, which a CLI of the workspace copies into each app,
    where `.gitignore` lists it as a managed file: its `../../components` and `@lingui/core` are the
    app's (a commerce framework: 33 IMP002 and 3 DEP001 on the templates). A template no package
    holds a copy of, or whose imports do not resolve from the copy's place, is reported."""
    found = _shop(tmp_path, ignored, committed, components)
    assert bool(found) is reported, found
