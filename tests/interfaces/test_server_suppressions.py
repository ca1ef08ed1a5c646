"""The language server's fix-all leaves a suppressed site alone, as `--fix` does (issue 15)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.interfaces.test_adoption_defects import THREE_SITES_SOURCE
from tests.interfaces.test_server import MIGRATIONS, client, code_actions, open_document, start, workspace  # noqa: F401

__all__ = ["client", "workspace"]


async def test_fix_all_respects_suppressions(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    path = workspace / MIGRATIONS / "1714000300000-AddIndexes.ts"
    source = THREE_SITES_SOURCE.replace("FileStorageInitial1720000000000", "AddIndexes1714000300000")
    path.write_text(source)
    published = await open_document(client, path)
    assert [d.code for d in published.diagnostics] == ["MIG010", "MIG010"]  # the suppressed one is hidden
    assert all(d.data["fix"]["applicability"] == "display-only" for d in published.diagnostics)
    assert await code_actions(client, path, [], only=[types.CodeActionKind.SourceFixAll]) == []
    assert path.read_text() == source
