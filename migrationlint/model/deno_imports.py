"""Names a Deno import map resolves: the `imports` of the nearest deno.json or deno.jsonc, or of the
file its `importMap` names, or of the maps a package's scripts give deno (`--import-map=test.importmap.json`).

Deno code kept in a Node repository (an example deployed to Deno Deploy, a test run with `deno
run`) names its dependencies in its import map: `"pg-pool": "npm:pg-pool@3.14.0"` for a name,
`"std/": "https://deno.land/std@0.192.0/"` for a prefix (a name mapped to `jsr:` or `npm:` covers its
subpaths too); in a Deno workspace, a member also has the root's map and the members' names. Deno
resolves those names itself; no package.json declares them, and none needs to. Deno finds its config
in the file's folder or the nearest one above; so does this lookup, up to the workspace root. Asked
only for an import that would be reported.
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
    root = project.workspace.root
    return nearest_above(directory, root, _MAPS(project), lambda folder: _config_keys(folder, root)) or ()


def _config_keys(directory: str, project_root: str) -> tuple[str, ...] | None:
    """The import map's keys of the Deno config in `directory`, else, in `supabase/functions/`, of its
    `import_map.json`, which the Supabase CLI reads for every function below (Deno itself reads an
    import map only where a config or `--import-map` names it), with the keys of the maps the package's
    scripts give deno (a test run's `--import-map=test.importmap.json` maps names the config does not:
    the real module a test double re-exports), and, for a config of a Deno workspace, what the workspace
    gives it (_workspace_keys); None when there is none of these."""
    config = next((os.path.join(directory, n) for n in DENO_CONFIGS if os.path.isfile(os.path.join(directory, n))), None)
    import_map = os.path.join(directory, IMPORT_MAP)
    supabase = directory.endswith(os.path.join(os.sep, *SUPABASE_FUNCTIONS))
    own = config if config is not None else import_map if supabase and os.path.isfile(import_map) else None
    named = _script_maps(directory)  # `deno test --import-map=test.importmap.json` in the package's scripts
    if own is None and not named:
        return None
    shared = _workspace_keys(directory, project_root) if config is not None else ()
    return (*(_keys(own) if own is not None else ()), *(k for m in named for k in _keys(m)), *shared)


def _workspace_keys(directory: str, root: str) -> tuple[str, ...]:
    """What a Deno workspace gives the config in `directory` besides its own map: the root config's (the one
    at or above it whose `workspace` lists folders) import map, and the members' names (`"name":
    "@acme/core"` in a member's deno.json), which every member imports by name and subpath."""
    here = directory
    while True:
        config = next((os.path.join(here, n) for n in DENO_CONFIGS if os.path.isfile(os.path.join(here, n))), None)
        members = load_jsonc(config)[0].get("workspace") if config is not None else None
        if isinstance(members, list):
            names = [_member_name(here, m) for m in members if isinstance(m, str)]
            return (*(_keys(config) if here != directory else ()), *(k for n in names if n for k in (n, n + "/")))
        if here == root or os.path.dirname(here) == here:
            return ()
        here = os.path.dirname(here)


def _member_name(root: str, member: str) -> str | None:
    folder = os.path.join(root, member)
    config = next((os.path.join(folder, n) for n in DENO_CONFIGS if os.path.isfile(os.path.join(folder, n))), None)
    name = load_jsonc(config)[0].get("name") if config is not None else None
    return name if isinstance(name, str) else None


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
    if not isinstance(imports, dict):
        return ()
    # a name mapped to a registry package (`"@std/fs": "jsr:@std/fs@^1"`) covers its subpaths too (`@std/fs/walk`)
    return tuple(k for key, target in imports.items() if isinstance(key, str) for k in (
        (key, key + "/") if isinstance(target, str) and target.startswith(("jsr:", "npm:")) and not key.endswith("/")
        else (key,)))


_MAPS: Memo[dict[str, tuple[str, ...] | None]] = Memo("Deno import maps above folders", lambda project: {}, disk_only=True)
