"""Names a Deno import map resolves: the `imports` of the nearest deno.json or deno.jsonc, or of the
file its `importMap` names, or of the maps a package's scripts give deno (`--import-map=test.importmap.json`).

Deno code kept in a Node repository (an example deployed to Deno Deploy, a test run with `deno
run`) names its dependencies in its import map: `"pg-pool": "npm:pg-pool@3.14.0"` for a name,
`"std/": "https://deno.land/std@0.192.0/"` for a prefix. Deno resolves those names itself; no
package.json declares them, and none needs to. Deno finds its config in the file's folder or the
nearest one above; so does this lookup, up to the workspace root. Asked only for an import that
would be reported.
"""

from __future__ import annotations

import os
import re

from migrationlint.model.folders_above import nearest_above
from migrationlint.model.jsonc import load_jsonc
from migrationlint.model.manifest_peek import peek_field
from migrationlint.model.project import Memo, Project

DENO_CONFIGS = ("deno.json", "deno.jsonc")
IMPORT_MAP = "import_map.json"
SUPABASE_FUNCTIONS = ("supabase", "functions")  # the Supabase CLI's functions folder


def deno_mapped(project: Project, path: str, specifier: str) -> bool:
    """Whether the import map of the Deno config above `path` maps `specifier` (a key, or a key
    ending in `/` that the specifier starts with)."""
    keys = _map_above(project, os.path.dirname(path))
    return any(specifier == k or k.endswith("/") and specifier.startswith(k) for k in keys)


def _map_above(project: Project, directory: str) -> tuple[str, ...]:
    return nearest_above(directory, project.workspace.root, _MAPS(project), _config_keys) or ()


def _config_keys(directory: str) -> tuple[str, ...] | None:
    """The import map's keys of the Deno config in `directory`, else, in `supabase/functions/`, of its
    `import_map.json`, which the Supabase CLI reads for every function below (Deno itself reads an
    import map only where a config or `--import-map` names it), with the keys of the maps the package's
    scripts give deno (a test run's `--import-map=test.importmap.json` maps names the config does not:
    the real module a test double re-exports); None when there is none of these."""
    config = next((os.path.join(directory, n) for n in DENO_CONFIGS if os.path.isfile(os.path.join(directory, n))), None)
    import_map = os.path.join(directory, IMPORT_MAP)
    supabase = directory.endswith(os.path.join(os.sep, *SUPABASE_FUNCTIONS))
    own = config if config is not None else import_map if supabase and os.path.isfile(import_map) else None
    named = _script_maps(directory)  # `deno test --import-map=test.importmap.json` in the package's scripts
    if own is None and not named:
        return None
    return (*(_keys(own) if own is not None else ()), *(k for m in named for k in _keys(m)))


_IMPORT_MAP_FLAG = re.compile(r"\bdeno\b[^;&|]*?--import-map[= ]([^\s'\"]+)")


def _script_maps(directory: str) -> list[str]:
    """The local import maps the scripts of the package.json in `directory` give deno (`--import-map`)."""
    scripts = peek_field(directory, "scripts", b"--import-map")  # asked for every folder up the tree: no parse without it
    scripts = scripts if isinstance(scripts, dict) else {}
    found = [os.path.normpath(os.path.join(directory, m.group(1))) for c in scripts.values() if isinstance(c, str)
             for m in _IMPORT_MAP_FLAG.finditer(c) if not m.group(1).startswith(("http:", "https:"))]
    return [f for f in dict.fromkeys(found) if os.path.isfile(f)]


def _keys(config: str) -> tuple[str, ...]:
    """The import map's keys: the config's `imports`, else those of the file `importMap` names."""
    data, _ = load_jsonc(config)
    imports = data.get("imports")
    named = data.get("importMap")
    if not isinstance(imports, dict) and isinstance(named, str) and not named.startswith(("http:", "https:")):
        imports = load_jsonc(os.path.join(os.path.dirname(config), named))[0].get("imports")
    return tuple(k for k in imports if isinstance(k, str)) if isinstance(imports, dict) else ()


_MAPS: Memo[dict[str, tuple[str, ...] | None]] = Memo("Deno import maps above folders", lambda project: {}, disk_only=True)
