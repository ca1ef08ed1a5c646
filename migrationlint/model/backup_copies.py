"""Backup copies of the repository's own source: `backups/<date>/packages/core/src/x.ts`.

A migration or clean-up script that saves the files it is about to edit copies them, with their
folders, under a folder named for a backup (`backup/`, `backups/`, `src.bak/`, `db-backup/`),
often one level down in a dated or named snapshot folder. The copy's relative imports name
siblings that were never copied and its aliases name the original's tsconfig, so its findings
say nothing about any build. A file is such a copy only when the folders below the backup
folder (or below its snapshot folder) exist in the repository itself: a script that takes
backups (`scripts/backup/dump.ts`) has no such folders and stays what it is.

A single file can be kept the same way, beside its live version: `test.factories.OLD.ts` next to
`test.factories.ts`, `user.service.bak.ts`, `mapper-old.ts`, `client copy.ts`. The marker alone
says little (an `old-api.ts` module is code); the live twin beside it, named without the marker,
says the copy was superseded.
"""

from __future__ import annotations

import os
import re

_BACKUP_NAME = re.compile(r"(?:^|[-_.])(?:backups?|bak)(?:$|[-_.])", re.IGNORECASE)


def backup_copy(root: str, rel: str) -> str | None:
    """The backup folder (relative to `root`, the repository) that holds the file at `rel` as a
    copy of the repository's own folders, or None. A hidden folder at the top (an editor's local
    history, `.history/apps/api/src/main_20240101120000.ts`) is one when the two folders below it are the
    repository's (`apps/api`; deeper ones may be gone since): `.github/scripts/` beside a `scripts/` folder
    is a workflow's own."""
    folders = rel.split("/")[:-1]
    for at, name in enumerate(folders):
        hidden = at == 0 and name.startswith(".") and name not in _TOOL_FOLDERS
        if not (_BACKUP_NAME.search(name) or hidden):
            continue
        for below in (at + 1, at + 2):  # the copy, or a snapshot folder then the copy
            mirrored = folders[below:] if not hidden else folders[below:below + 2]  # a history keeps what was removed
            if mirrored and (not hidden or len(mirrored) == 2) and os.path.isdir(os.path.join(root, *mirrored)):
                return "/".join(folders[:at + 1])
    return None


# hidden folders whose files tools run or read in place
_TOOL_FOLDERS = frozenset({".github", ".gitlab", ".circleci", ".husky", ".storybook", ".vscode", ".devcontainer",
                           ".config", ".changeset", ".yarn", ".erb", ".docker"})


_FILE_MARKER = re.compile(r"^(?P<stem>.+?)(?:[-_. ]|\s)(?:old|bak|backup|orig|copy)(?P<ext>\.[cm]?[jt]sx?)$", re.IGNORECASE)


def backup_file(path: str) -> str | None:
    """The live twin of a file kept as a backup beside it (`test.factories.OLD.ts` -> the path of
    `test.factories.ts`), when the twin exists; else None."""
    m = _FILE_MARKER.match(os.path.basename(path))
    if m is None:
        return None
    twin = os.path.join(os.path.dirname(path), m.group("stem") + m.group("ext"))
    return twin if os.path.isfile(twin) else None
