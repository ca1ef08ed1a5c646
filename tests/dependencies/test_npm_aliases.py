"""npm aliases (`"x": "npm:y@^1"`): the lockfile installs package y under the name x, which is
the name imports use; a fix that declares x must spell the alias, not a range of a package x."""

from __future__ import annotations

import json
from pathlib import Path

from tests import helpers

_LOCK = ('__metadata:\n  version: 8\n  cacheKey: 10\n\n'
         '"@acme/lib@workspace:packages/lib":\n  version: 0.0.0-use.local\n'
         '  resolution: "@acme/lib@workspace:packages/lib"\n  dependencies:\n    starknet: "npm:^8.6.0"\n'
         '  languageName: unknown\n  linkType: soft\n\n'
         '"starknet-types-09@npm:@starknet-io/types-js@~0.9.1":\n  version: 0.9.2\n'
         '  resolution: "@starknet-io/types-js@npm:0.9.2"\n  languageName: node\n  linkType: hard\n\n'
         '"starknet@npm:^8.6.0":\n  version: 8.6.0\n  resolution: "starknet@npm:8.6.0"\n  dependencies:\n'
         '    starknet-types-09: "npm:@starknet-io/types-js@~0.9.1"\n  languageName: node\n  linkType: hard\n')


def _monorepo(root: Path) -> Path:
    files = {
        "package.json": {"name": "mono", "private": True, "workspaces": ["packages/*"], "packageManager": "yarn@4.10.3"},
        "packages/lib/package.json": {"name": "@acme/lib", "version": "1.0.0", "private": True,
                                      "main": "dist/index.js", "dependencies": {"starknet": "^8.6.0"}},
    }
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(json.dumps(data, indent=2) + "\n")
    (root / ".yarnrc.yml").write_text("nodeLinker: node-modules\n")
    (root / "yarn.lock").write_text(_LOCK)
    (root / "packages/lib/src").mkdir()
    (root / "packages/lib/src/index.ts").write_text(
        "import { validate } from 'starknet-types-09';\nexport const ok = validate('INVOKE');\n")
    return root


def test_dep001_an_alias_a_dependency_installs_is_declared_with_the_alias_spec(tmp_path):
    """A dependency's own npm alias (starknet depends on `starknet-types-09`, an alias of
    @starknet-io/types-js) is hoisted under the alias: the import loads today but is undeclared.
    The advice is the alias spec the lockfile records, not "installed nowhere" and a command that
    would ask the registry for a package called starknet-types-09 (a real repository: a 404)."""
    root = _monorepo(tmp_path)
    [finding] = [d for d in helpers.lint(root, select=["DEP001"])]
    assert "not declared in packages/lib/package.json" in finding.message
    assert '"starknet-types-09": "npm:@starknet-io/types-js@^0.9.2"' in finding.message
    assert "installs @starknet-io/types-js 0.9.2 under this name" in finding.message
    fixed = json.loads(helpers.fix(root, select=["DEP001"])["packages/lib/package.json"])
    assert fixed["dependencies"] == {"starknet": "^8.6.0", "starknet-types-09": "npm:@starknet-io/types-js@^0.9.2"}
