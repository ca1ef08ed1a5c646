"""Admin extensions a framework bundles for the browser (model/admin_panels.py), and packages that offer
nothing to import (package_roles.offers_nothing_to_import): an application a framework's command line
starts is no published library, and declaring it fixes no import of it."""

from __future__ import annotations

import json
from pathlib import Path

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import write
from tests.helpers import cli

_YARN_LOCK = """__metadata:
  version: 8

"@tanstack/react-query@npm:^5.64.2":
  version: 5.64.2
  peerDependencies:
    react: ^18 || ^19
  languageName: node
  linkType: hard

"@tanstack/react-table@npm:^8.20.5":
  version: 8.20.5
  peerDependencies:
    react: ">=16.8"
  languageName: node
  linkType: hard

"react@npm:^18.2.0":
  version: 18.3.1
  languageName: node
  linkType: hard
"""


def _shop(root: Path, host: str = "@medusajs/admin-sdk") -> Path:
    return write(root, {
        "package.json": {"name": "shop-server", "version": "0.0.1",
                         "scripts": {"build": "medusa build", "start": "medusa start"},
                         "dependencies": {host: "2.8.4", "@medusajs/framework": "2.8.4"} if host else {},
                         "devDependencies": {"react": "^18.2.0", "vite": "^5.2.11"}, "packageManager": "yarn@4.4.0"},
        ".yarnrc.yml": "nodeLinker: node-modules\n",
        "yarn.lock": _YARN_LOCK,
        "tsconfig.json": {"compilerOptions": {"jsx": "react-jsx", "module": "Node16", "moduleResolution": "Node16"}},
        "src/admin/widgets/banner.tsx": "import { useState } from 'react';\nimport { useQuery } from '@tanstack/react-query';\n"
                                        "import { useReactTable } from '@tanstack/react-table';\n\n"
                                        "export const Banner = () => { const [open] = useState(true); const q = useQuery({}); "
                                        "return [open, q, useReactTable]; };\n",
        "src/api/hello/route.ts": "export const GET = (req: unknown, res: { json(x: unknown): void }) => res.json({ ok: true });\n",
    })


def _found(root: Path) -> list[tuple[str, str, str]]:
    diags = pipeline.lint([str(root)], Settings(select=["DEP"]), use_cache=False).diagnostics
    return sorted((d.code, d.extra.get("package", ""), d.message.split("; add ")[-1].split(" (")[0]) for d in diags)


def test_a_medusa_admin_extension_is_bundled_for_the_browser(tmp_path):
    """`src/admin/` of a Medusa application: `medusa build` bundles it with the admin dashboard for the
    browser, so `react` in devDependencies is right there (a real starter: 37 DEP002), and the query
    client the dashboard provides must not be installed again (46 DEP001 on the packages Medusa's
    documentation says come with it). What the dashboard does not provide is a build-time
    devDependency. Without Medusa, the same folder is ordinary shipping code."""
    root = _shop(tmp_path / "medusa")
    assert _found(root) == [("DEP001", "@tanstack/react-table", '"@tanstack/react-table": "^8.20.5" to devDependencies')]
    explained = cli("--explain-file", "src/admin/widgets/banner.tsx", cwd=root).stdout.decode()
    assert "an admin extension (src/admin/ of a Medusa application or plugin)" in explained
    plain = _found(_shop(tmp_path / "plain", host=""))
    assert ("DEP002", "react", "") in {(c, p, "") for c, p, _ in plain}
    assert {p for c, p, _ in plain if c == "DEP001"} == {"@tanstack/react-query", "@tanstack/react-table"}


def test_a_medusa_admin_extensions_forms_and_translations_use_the_dashboards_copies(tmp_path):
    """Medusa's documentation: react-hook-form and zod "are available in your project, so you don't
    have to install them", and customizations translate with the dashboard's react-i18next (a
    second copy would not see its i18n instance): 29 DEP001 on real plugins. @hookform/resolvers is
    not among them: still reported."""
    root = _shop(tmp_path)
    (root / "src/admin/widgets/form.tsx").write_text(
        "import { useForm } from 'react-hook-form';\nimport * as zod from 'zod';\nimport { zodResolver } from '@hookform/resolvers/zod';\n"
        "import { useTranslation } from 'react-i18next';\n\nconst schema = zod.object({ name: zod.string() });\n"
        "export const Form = () => [useForm({ resolver: zodResolver(schema) }), useTranslation()];\n")
    assert [p for c, p, _ in _found(root) if c == "DEP001"] == ["@hookform/resolvers", "@tanstack/react-table"]


def test_an_application_a_framework_command_starts_gets_no_peer_advice(tmp_path):
    """`"start": "medusa start"`, a version and no `private`, but no `main`, `exports`, `bin` or index
    file: nothing installs it as a library, so a missing package goes to `dependencies`, not to the
    `peerDependencies` a published package would use (81 unsafe fixes on a real starter wrote a
    peerDependencies block into an application)."""
    root = _shop(tmp_path / "app", host="")
    (root / "src/admin/widgets/banner.tsx").unlink()
    (root / "src/index.ts").write_text("import { useQuery } from '@tanstack/react-query';\nexport const q = useQuery;\n")
    diags = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert [d.extra["package"] for d in diags] == ["@tanstack/react-query"]
    assert 'to dependencies' in diags[0].message and "peerDependencies" not in diags[0].message
    manifest = json.loads((root / "package.json").read_text())
    (root / "package.json").write_text(json.dumps({**manifest, "main": "dist/index.js"}))  # a library after all
    [d] = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert "peerDependencies" in d.message


def test_a_workspace_app_that_offers_nothing_to_import_is_never_a_dependency_to_add(tmp_path):
    """A preview folder imports the workspace's Vite app by name (`import { Button } from 'shop-web'`),
    which a design tool maps; the app has no entry field and no index file, so declaring it would not
    make the import resolve (a real repository: 94 DEP001 asking the root to depend on its app). A
    workspace library with an entry is still a dependency to declare."""
    files = {
        "package.json": {"name": "shop", "private": True, "workspaces": ["apps/*", "packages/*"]},
        "apps/web/package.json": {"name": "shop-web", "private": True, "scripts": {"build": "vite build"}},
        "apps/web/src/Button.tsx": "export function Button() { return <button>ok</button>; }\n",
        "packages/ui/package.json": {"name": "shop-ui", "version": "1.0.0", "main": "src/index.ts"},
        "packages/ui/src/index.ts": "export const Card = 1;\n",
        "packages/ui/src/preview.tsx": "import { Button } from 'shop-web';\nexport const Default = () => <Button />;\n",
    }
    assert pipeline.lint([str(write(tmp_path / "app", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics == []
    # (another app imports the library: from the app the library imports, the pair would be a cycle)
    files["apps/admin/package.json"] = {"name": "shop-admin", "private": True, "scripts": {"build": "vite build"}}
    files["apps/admin/src/Card.tsx"] = "import { Card } from 'shop-ui';\nexport const C = Card;\n"
    # a path into the app resolves to its file (no `exports` map closes it): a dependency to declare
    files["packages/ui/src/deep.ts"] = "import { Button } from 'shop-web/src/Button';\nexport const B = Button;\n"
    diags = pipeline.lint([str(write(tmp_path / "lib", files))], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert sorted(d.extra["package"] for d in diags) == ["shop-ui", "shop-web"]
