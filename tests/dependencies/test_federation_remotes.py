"""Module Federation remotes: `import('payments/Reports')` loads a module another app serves at run
time, under the name a bundler config's `remotes` gives it; no install holds it, and none should."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dependencies.test_shipping import dep, write

LOCK = ("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      react:\n        specifier: 18.3.1\n"
        "        version: 18.3.1\npackages:\n  react@18.3.1:\n    resolution: {integrity: sha512-x}\n"
        "snapshots:\n  react@18.3.1: {}\n")
APP = ("import { lazy } from 'react';\nimport { pad } from 'leftpadder';\n"
       "export const Reports = lazy(() => import('payments/Reports'));\n"
       "export const Cart = lazy(() => import('cart/Cart'));\nexport const label = pad('x');\n")
RSPACK = ("const rspack = require('@rspack/core');\nmodule.exports = {\n  entry: './src/main.tsx',\n  plugins: [\n"
          "    new rspack.container.ModuleFederationPlugin({\n      name: 'admin',\n"
          "      remotes: { payments: 'payments@http://localhost:4202/remoteEntry.js', 'cart': 'cart@/cart.js' },\n"
          "      shared: { react: { singleton: true } },\n    }),\n  ],\n};\n")
NX_FEDERATION = ("import { ModuleFederationConfig } from '@nx/module-federation';\n"
                 "const config: ModuleFederationConfig = {\n  name: 'shell',\n"
                 "  remotes: ['payments', ['cart', 'http://localhost:4203/remoteEntry.js']],\n};\nexport default config;\n")
VITE = ("import { defineConfig } from 'vite';\nimport federation from '@originjs/vite-plugin-federation';\n"
        "export default defineConfig({ plugins: [federation({ name: 'host', remotes: {\n"
        "  payments: 'http://localhost:5001/assets/remoteEntry.js', cart: 'http://localhost:5002/assets/remoteEntry.js',\n"
        "} })] });\n")


def repo(root: Path, app: dict[str, str]) -> Path:
    return write(root, {
        "package.json": {"name": "mf", "private": True, "dependencies": {"react": "18.3.1"},
                         "devDependencies": {"@rspack/core": "1.6.6", "typescript": "5.9.3", "@nx/module-federation": "21.0.0",
                                             "@originjs/vite-plugin-federation": "1.4.1", "vite": "6.0.0"}},
        "pnpm-workspace.yaml": "packages:\n  - 'apps/**'\n",
        "pnpm-lock.yaml": LOCK,
        "apps/admin/tsconfig.json": {"compilerOptions": {"jsx": "react-jsx", "module": "esnext",
                                                         "moduleResolution": "bundler"}, "include": ["src/**/*"]},
        "apps/admin/src/app.tsx": APP,
        **{f"apps/admin/{name}": text for name, text in app.items()},
    })


@pytest.mark.parametrize("app", [
    {"rspack.config.js": RSPACK, "project.json": '{ "name": "admin", "projectType": "application" }\n'},
    {"module-federation.config.ts": NX_FEDERATION, "webpack.config.ts": "export default {};\n",
     "project.json": '{ "name": "admin", "projectType": "application" }\n'},
    {"vite.config.ts": VITE, "package.json": '{ "name": "admin", "private": true, "scripts": {"build": "vite build"} }\n'},
    {"rollup.config.mjs": VITE.replace("defineConfig(", "(").replace("import { defineConfig } from 'vite';\n", ""),
     "package.json": '{ "name": "admin", "version": "1.0.0", "main": "dist/index.js", "scripts": {"build": "rollup -c"} }\n'},
], ids=["rspack-plugin-in-an-nx-project", "nx-module-federation-config", "vite-federation-in-a-member",
        "rollup-federation-in-a-library"])
def test_a_federation_remote_is_no_package_to_install(tmp_path, app):
    """A real micro-frontend monorepo was told `pnpm add -w payments` (an unrelated registry package) for
    `import('payments/Reports')`: the name is a key of the app's `remotes` (an object's keys, or an Nx
    `remotes` list of names and [name, url] pairs), also in a rollup config (an analytics SDK's plugins
    served from its CDN: 14 DEP001). A name no `remotes` gives is still reported."""
    found = dep(repo(tmp_path, app), select=("DEP001", "IMP"))
    assert [(code, pkg) for code, _, pkg in found] == [("DEP001", "leftpadder")]


def test_a_remote_of_another_app_is_not_this_apps(tmp_path):
    """The remotes one app's config names mean nothing to a sibling app that configures none."""
    repo(tmp_path, {"rspack.config.js": RSPACK, "project.json": '{ "name": "admin" }\n'})
    write(tmp_path, {"apps/shop/project.json": '{ "name": "shop" }\n', "apps/shop/src/app.ts": APP})
    found = dep(tmp_path, select=("DEP001",))
    assert sorted((path.split("/")[1], pkg) for _, path, pkg in found) == [
        ("admin", "leftpadder"), ("shop", "cart"), ("shop", "leftpadder"), ("shop", "payments")]
