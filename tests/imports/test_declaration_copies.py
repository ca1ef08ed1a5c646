"""Declaration files a script copies from another folder's tsc output (a plugin API's `api/*.d.ts`
in every example plugin) keep the source's imports: the import and dependency rules leave them
to the source. A folder with one declaration file, or whose twins are declarations too, stays
checked."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import lint

ROOT = {"name": "notes", "private": True, "workspaces": ["packages/*"]}
LIB = {"name": "@acme/lib", "version": "1.0.0", "main": "index.ts", "dependencies": {"redux": "^4.2.1"}}
PLUGIN = {"name": "demo-plugin", "version": "1.0.0", "private": True, "scripts": {"dist": "webpack"},
          "devDependencies": {"webpack": "^5.90.0", "ts-loader": "^9.5.1", "typescript": "^5.4.0"}}
SOURCES = {
    "packages/lib/index.ts": "export { default as Global } from './services/plugins/api/Global';\n",
    "packages/lib/tsconfig.json": '{"compilerOptions": {"strict": true, "declaration": true}}',
    "packages/lib/services/plugins/Plugin.ts": "export default class Plugin { id = 'x'; }\n",
    "packages/lib/services/plugins/api/Global.ts": "import Plugin from '../Plugin';\n"
                                                  "export default class Global { constructor(public plugin: Plugin) {} }\n",
    "packages/lib/services/plugins/api/JoplinViews.ts": "import { Store } from 'redux';\n"
                                                       "export default class JoplinViews { store?: Store; }\n",
    "packages/lib/services/plugins/api/JoplinData.ts": "export default class JoplinData { get() { return 1; } }\n",
}
COPY = "packages/app/tests/plugins/demo"
COPIED = {
    f"{COPY}/tsconfig.json": '{"compilerOptions": {"baseUrl": ".", "module": "commonjs"}}',
    f"{COPY}/src/index.ts": "import Global from 'api/Global';\nexport const g: Global | null = null;\n",
    f"{COPY}/api/Global.d.ts": "import Plugin from '../Plugin';\nexport default class Global {\n"
                               "    plugin: Plugin;\n    constructor(plugin: Plugin);\n}\n",
    f"{COPY}/api/JoplinViews.d.ts": "import { Store } from 'redux';\nexport default class JoplinViews {\n"
                                    "    store?: Store;\n}\n",
    f"{COPY}/api/JoplinData.d.ts": "export default class JoplinData {\n    get(): number;\n}\n",
}


def _repo(root: Path, copied: dict[str, str]) -> Path:
    files = {"package.json": json.dumps(ROOT), "packages/lib/package.json": json.dumps(LIB),
                       "packages/app/package.json": json.dumps({"name": "app", "private": True}),
                       f"{COPY}/package.json": json.dumps(PLUGIN), **SOURCES, **copied}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_a_copy_of_another_folders_declarations_is_left_to_its_source(tmp_path: Path) -> None:
    assert lint(_repo(tmp_path, COPIED)) == []


def test_a_lone_declaration_file_is_checked(tmp_path: Path) -> None:
    lone = {k: v for k, v in COPIED.items() if not k.endswith(("JoplinViews.d.ts", "JoplinData.d.ts"))}
    found = [(d.code, Path(d.path).name) for d in lint(_repo(tmp_path, lone))]
    assert found == [("IMP002", "Global.d.ts")]


def test_twins_that_are_declarations_too_make_no_source(tmp_path: Path) -> None:
    """Two folders of hand-written declarations that mirror each other: neither is tsc's output."""
    root = _repo(tmp_path, COPIED)
    for rel in SOURCES:
        if "/api/" in rel:
            (root / rel).with_suffix(".d.ts").write_text((root / rel).read_text())
    found = sorted((d.code, Path(d.path).name) for d in lint(root))
    assert ("IMP002", "Global.d.ts") in found and ("DEP001", "JoplinViews.d.ts") in found
