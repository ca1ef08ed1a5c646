"""What Mocha loads before a package's tests to run TypeScript, and whether that loader checks types.

Mocha runs `.ts` tests through a module it requires first: its `require` option in `.mocharc.*`, in the
package.json `mocha` key, or `-r`/`--require` in the test script. `ts-node/register` type-checks what it
compiles, so a test it runs is checked; its transpile-only entry (`ts-node/register/transpile-only`, or
`TS_NODE_TRANSPILE_ONLY=true`), SWC's and esbuild's register hooks, sucrase and tsx strip types without
checking them. Only loaders named in the text are trusted: a config that names none, or a checking
ts-node beside a stripping one, is read as checked.
"""

from __future__ import annotations

import json
import os
import re

from migrationlint.model.runner_config_files import config_texts
from migrationlint.model.workspace import Manifest

_CONFIG_NAMES = (".mocharc.js", ".mocharc.cjs", ".mocharc.mjs", ".mocharc.json", ".mocharc.jsonc",
                 ".mocharc.yaml", ".mocharc.yml")
_TRANSPILE_ONLY = re.compile(r"TS_NODE_TRANSPILE_ONLY=(?:true|1)\b")
# the loaders that strip types unchecked, by the words that name them (first match names the loader)
_STRIPPERS = (
    (re.compile(r"ts-node/register/transpile-only|" + _TRANSPILE_ONLY.pattern), "ts-node's transpile-only mode"),
    (re.compile(r"@swc(?:-node)?/register"), "SWC's register hook"),
    (re.compile(r"esbuild-register"), "esbuild-register"),
    (re.compile(r"sucrase/register"), "sucrase"),
    # tsx by its entries, or as the value of a require option: a bare "tsx" is also an `extension`
    (re.compile(r"\btsx/(?:cjs|esm)\b|(?:-r|--require|--import|--loader)[= ]tsx\b|require['\"]?\s*:\s*['\"]tsx['\"]"), "tsx"),
)
# ts-node's checking entries: `ts-node/register`, `ts-node/esm` (not followed by the transpile-only path)
_CHECKING = re.compile(r"ts-node/(?:register|esm)(?!/transpile-only)(?![\w-])")


def stripping_loader(manifests: list[Manifest]) -> str | None:
    """The type-stripping loader Mocha runs the package's tests with ("ts-node's transpile-only mode"),
    or None: Mocha not declared, no loader named, or a loader that checks types named too."""
    if not any(m.declared("mocha") for m in manifests):
        return None
    parts = [part for m in manifests for part in _mocha_parts(m)]
    # `TS_NODE_TRANSPILE_ONLY=true mocha -r ts-node/register`: the variable turns that script's ts-node off checking
    if any(_CHECKING.search(part) and not _TRANSPILE_ONLY.search(part) for part in parts):
        return None
    text = "\n".join(parts)
    return next((name for pattern, name in _STRIPPERS if pattern.search(text)), None)


def _mocha_parts(manifest: Manifest) -> list[str]:
    """What configures Mocha for the package, as texts: its `mocha` key, its `.mocharc.*` files and the
    scripts that run mocha."""
    parts = [json.dumps(manifest.data["mocha"])] if "mocha" in manifest.data else []
    scripts = manifest.data.get("scripts")
    if isinstance(scripts, dict):
        parts += [s for s in scripts.values() if isinstance(s, str) and re.search(r"\bmocha\b", s)]
    return parts + config_texts([os.path.join(manifest.dir, name) for name in _CONFIG_NAMES])
