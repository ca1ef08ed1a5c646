"""Which targets of a package's start scripts run only from the checkout, so that they make no
service of the package and are no production entry: one in a test, example or template folder,
one a published package's `files` leaves out, and built code run from a test folder.
"""

from __future__ import annotations

import os

from migrationlint.model.dev_folders import dev_folder_reason, in_test_folder
from migrationlint.model.published_files import files_publish
from migrationlint.model.workspace import Manifest


def in_dev_folder(target: str) -> bool:
    """A start script's target, or an Nx app's main, inside a test, example or template folder
    (`ts-node test/dev-server.ts` in a published plugin, whose dev loop boots a host application with
    it; the demo app `apps/example` of a library monorepo): a developer tool, which makes no service
    of the package and is no production entry."""
    folders = os.path.normpath(target).split(os.sep)[:-1]
    return dev_folder_reason([f for f in folders if f not in (".", "")]) is not None


def left_unpublished(manifest: Manifest, target: str) -> bool:
    """A start script's target in a top folder that the published package's `files` leaves out
    (`ts-node dev-server/index.ts` beside `"files": ["dist"]`): it runs only from the checkout, a
    local harness that boots a host application with the package, no service of it."""
    listed = manifest.data.get("files")
    parts = os.path.normpath(target).split(os.sep)
    if manifest.unpublishable or not isinstance(listed, list) or len(parts) < 2:
        return False
    return bool(listed) and not files_publish(listed, parts[0], "/".join(parts))


def in_test_output(target: str) -> bool:
    """A built file a script runs from a test folder (`node build/test/verification/rpc-verify.js`,
    an operator's check run from the checkout): no production entry. Only test folders: the
    output folder in front may carry any name (`www/out-tsc/`), a docs word included."""
    return in_test_folder(os.path.normpath(target).split(os.sep)[:-1])
