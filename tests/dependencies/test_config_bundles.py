"""A shared config factory that Vite, Vitest or tsup bundle into each member's config
(model/config_bundles.py): its bare imports resolve from the members' folders."""

from __future__ import annotations

import pytest

from tests.dependencies.test_toolchain_resolution import _found, _write

_FACTORY = "import { defineConfig } from 'vite';\n\nexport default (entry: string) => defineConfig({ build: { lib: { entry } } });\n"


def _repo(root, member_config: str, member_dev: dict, direct_importer: bool = False):
    files = {
        "package.json": {"name": "root", "private": True, "devDependencies": {"typescript": "^5.0.0"}},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n  - packages/cfg/*\n",
        "packages/cfg/vite.config.default.ts": _FACTORY,
        "packages/cfg/lib/package.json": {"name": "lib", "version": "1.0.0", "main": "dist/index.js",
                                          "scripts": {"build": "vite build"}, "devDependencies": member_dev},
        f"packages/cfg/lib/{member_config}": "import config from '../vite.config.default';\n\nexport default config('src/index.ts');\n",
        "packages/cfg/lib/src/index.ts": "export const a = 1;\n",
    }
    if direct_importer:
        files["packages/cfg/lib/src/build.ts"] = "import config from '../../vite.config.default';\n\nexport const c = config;\n"
    return _write(root, files)


@pytest.mark.parametrize("member_config, member_dev, direct_importer, reported", [
    ("vite.config.ts", {"vite": "^6.0.0"}, False, False),
    ("vitest.config.mts", {"vite": "^6.0.0"}, False, False),
    ("tsup.config.ts", {"vite": "^6.0.0"}, False, False),
    ("vite.config.ts", {"typescript": "^5.0.0"}, False, True),  # the member lacks it too
    ("vite.config.ts", {"vite": "^6.0.0"}, True, True),  # a source file imports the factory: Node resolves there
    ("webpack.config.ts", {"vite": "^6.0.0"}, False, True),  # loaded in place, not bundled beside the config
])
def test_a_config_factory_bundled_into_members_configs_resolves_from_them(tmp_path, member_config, member_dev,
                                                                           direct_importer, reported):
    """`packages/rrweb/vite.config.default.ts`, in a folder a workspace glob matches but no
    package.json holds, imported only by the members' `vite.config.ts`, each declaring vite (an
    analytics SDK: 3 DEP001 errors asking the private root to declare vite and vite-plugin-dts). Vite
    bundles it into each member's config and writes the bundle beside that config, so `vite`
    resolves from the member. A member that lacks it, a non-config importer, or a tool that loads
    its config in place leaves the finding."""
    root = _repo(tmp_path, member_config, member_dev, direct_importer)
    found = [f for f in _found(root, ["DEP001"]) if f[1] == "packages/cfg/vite.config.default.ts"]
    assert bool(found) is reported
