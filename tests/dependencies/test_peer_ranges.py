"""Which peer ranges constrain the version a DEP001 fix adds."""

from __future__ import annotations

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.dependencies.test_shipping import write

LOCK = """lockfileVersion: '9.0'

importers:

  .: {}

  apps/cms:
    dependencies:
      react:
        specifier: 19.0.0
        version: 19.0.0

  apps/server:
    dependencies:
      '@repo/cms':
        specifier: workspace:*
        version: link:../cms

  apps/web:
    dependencies:
      react:
        specifier: ^19.0.0
        version: 19.0.0

packages:

  react@19.0.0:
    resolution: {integrity: sha512-x}

snapshots:

  react@19.0.0: {}
"""


def test_a_members_peer_on_a_package_it_also_depends_on_constrains_no_host(tmp_path):
    """`@repo/cms` lists `react: 19.0.0` in dependencies and a stale `react: ^18.2.0` in peerDependencies:
    its files load its own react, so the peer range asks nothing of the server that depends on it. The
    server's missing react is added at the range its siblings use and the lockfile holds (19), not the
    stale peer's 18, which would install a second React major (a real Remix + Nest boilerplate: 4
    findings advising "^18.2.0")."""
    root = write(tmp_path, {
        "package.json": {"name": "mono", "private": True, "packageManager": "pnpm@9.12.0"},
        "pnpm-workspace.yaml": "packages:\n  - \"apps/*\"\n",
        "pnpm-lock.yaml": LOCK,
        "apps/cms/package.json": {"name": "@repo/cms", "private": True, "dependencies": {"react": "19.0.0"},
                                  "peerDependencies": {"react": "^18.2.0"}},
        "apps/web/package.json": {"name": "@repo/web", "private": True, "dependencies": {"react": "^19.0.0"}},
        "apps/server/package.json": {"name": "@repo/server", "private": True, "scripts": {"start": "node dist/main"},
                                     "dependencies": {"@repo/cms": "workspace:*"}},
        "apps/server/tsconfig.json": {"compilerOptions": {"jsx": "react", "outDir": "dist"}},
        "apps/server/src/main.ts": "import { welcome } from './welcome';\n\nconsole.log(welcome());\n",
        "apps/server/src/welcome.tsx": "import * as React from 'react';\n\nexport const welcome = () => <p>hi</p>;\n",
    })
    (found,) = pipeline.lint([str(root)], Settings(select=["DEP001"]), use_cache=False).diagnostics
    assert '"react": "^19.0.0"' in found.message and found.fix is not None
    assert found.fix.edits[0].json_edit == ("add", "dependencies", "react", "^19.0.0")
