"""Packages a Lambda layer of the function's package provides at run time.

A package of Lambda functions may keep heavy libraries out of its own bundle and ship them as a layer:
`layers/saxon/package.json` declares `saxon-js` in `dependencies`, its deploy step installs it for
production and zips it (`nodejs/node_modules`), and the functions import it while their own package keeps
it in devDependencies (for types and tests) on purpose. Read as data: the package.json of each folder of the
package's `layers/` (or its `nodejs/` folder, the layout Lambda reads)."""

from __future__ import annotations

import os

from migrationlint.model.manifest_peek import peek_object

_LAYERS = "layers"


def layer_providing(package_dir: str, package: str) -> str | None:
    """The layer folder (relative to the package) whose package.json declares `package` in `dependencies`, or None."""
    root = os.path.join(package_dir, _LAYERS)
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return None
    needle = f'"{package}"'.encode()
    for name in names:
        for folder in (os.path.join(root, name), os.path.join(root, name, "nodejs")):
            data = peek_object(folder, needle)
            deps = data.get("dependencies") if data is not None else None
            if isinstance(deps, dict) and package in deps:
                return os.path.relpath(folder, package_dir).replace(os.sep, "/")
    return None
