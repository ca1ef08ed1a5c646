"""JavaScript tool configs by their name (`astro.config.mjs`, `webpack.config.js`).

They are not linted, yet what they import is build code (test_support), so their names are run-cache
context too (run_cache): one predicate for both, kept free of heavier imports for the cached path.
"""

from __future__ import annotations

JS_CONFIG_SUFFIXES = (".config.js", ".config.mjs", ".config.cjs")


def is_js_config_name(name: str) -> bool:
    """Whether a file name is a JavaScript tool config's (`<tool>.config.{js,mjs,cjs}`)."""
    return name.endswith(JS_CONFIG_SUFFIXES)
