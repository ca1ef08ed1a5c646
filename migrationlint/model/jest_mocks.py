"""Jest's manual mocks: `__mocks__/<name>.js` files that stand in for a module name in tests.

Jest registers every `__mocks__` file under its roots by its path inside that folder, and a test
that requires a module name (not a relative path) with such a mock gets the mock, without a
`jest.mock()` call: `__mocks__/@acme/cloud.js` answers `require('@acme/cloud')` and `import { mockX }
from '@acme/cloud'` alike. So in a test, the names imported from a mocked module are the mock's,
and a name nothing installs is no package to install. Read as data (file existence), never run.
"""

from __future__ import annotations

import os

from migrationlint.model.project import Memo, Project

MOCK_EXTENSIONS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs", ".mts", ".cts")
# folder -> whether it holds a `__mocks__` folder: most hold none, and one look answers every name
_MOCK_FOLDERS: Memo[dict[str, bool]] = Memo("folders holding __mocks__", lambda project: {})


def manual_mock(project: Project, path: str, specifier: str, package_dir: str) -> str | None:
    """The manual mock of `specifier` in a `__mocks__` folder of the folders from the file's up to
    its package's (`package_dir`), or None."""
    if specifier.startswith((".", "/")) or not specifier:
        return None
    holds_mocks = _MOCK_FOLDERS(project)
    folder = os.path.dirname(path)
    while True:
        mocks = os.path.join(folder, "__mocks__")
        held = holds_mocks.get(folder)
        if held is None:
            held = holds_mocks[folder] = os.path.isdir(mocks)
        mock = os.path.join(mocks, *specifier.split("/"))
        found = next((mock + ext for ext in MOCK_EXTENSIONS if os.path.isfile(mock + ext)), None) if held else None
        if found is not None:
            return found
        if folder == package_dir or not folder.startswith(package_dir):
            return None
        folder = os.path.dirname(folder)
