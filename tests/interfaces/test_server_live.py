"""The language server keeps facts and resolution in memory between lints (live.py): after each
edit, what it publishes must still be what a fresh `migrationlint check FILE` reports, in the
edited file and in the other open files that read it. A real server process, over stdio."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lsprotocol import types
from lsprotocol.converters import get_converter
from pytest_lsp import LanguageClient

from tests.interfaces.test_server import MIGRATIONS, change, client, next_diagnostics, open_document, start, workspace  # noqa: F401

__all__ = ["client", "workspace"]

CREATE = f"{MIGRATIONS}/1714000000000-CreateOrders.ts"
STATUS = f"{MIGRATIONS}/1714000100000-AddOrderStatus.ts"
_converter = get_converter()


def fresh(workspace: Path, path: Path) -> list[dict]:
    """What the CLI reports for `path` now, from the disk, in the LSP form."""
    run = subprocess.run([sys.executable, "-m", "migrationlint", "check", "--no-cache", "--exit-zero",
                          "--output-format", "lsp", str(path)], cwd=workspace, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    found = [item["diagnostics"] for item in json.loads(run.stdout) if item["uri"] == path.as_uri()]
    return _canonical(found[0] if found else [])


def published(params: types.PublishDiagnosticsParams) -> list[dict]:
    records = []
    for d in params.diagnostics:
        record = _converter.unstructure(d)
        record["data"].pop("version", None)  # the server's own: which buffer a fix applies to
        records.append(record)
    return _canonical(records)


def _canonical(records: list[dict]) -> list[dict]:
    return sorted(records, key=lambda r: json.dumps(r, sort_keys=True))


async def edit(client: LanguageClient, path: Path, version: int, text: str, *also: Path) -> list[list[dict]]:
    """Send a whole-document change, save the text to disk (for the fresh run to read), and
    return the diagnostics published for `path` and then for each of `also`."""
    change(client, path, version, text)
    path.write_text(text, encoding="utf-8")
    out = [published(await next_diagnostics(client, path.as_uri()))]
    for other in also:
        out.append(published(await next_diagnostics(client, other.as_uri())))
    return out


async def test_an_edit_adds_and_clears_a_finding_as_a_fresh_check_does(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    path = workspace / CREATE
    text = path.read_text(encoding="utf-8")
    assert published(await open_document(client, path)) == fresh(workspace, path) != []
    good = text.replace("class CreateOrders ", "class CreateOrders1714000000000 ")
    mine, = await edit(client, path, 2, good)
    assert mine == fresh(workspace, path) == []
    mine, = await edit(client, path, 3, text)
    assert mine == fresh(workspace, path) and [d["code"] for d in mine] == ["MIG001"]


async def test_a_duplicate_migration_name_shows_in_the_other_open_file(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    create, status = workspace / CREATE, workspace / STATUS
    before = published(await open_document(client, status))
    await open_document(client, create)
    text = create.read_text(encoding="utf-8")
    duplicate = text.replace("class CreateOrders ", "class AddOrderStatus20240425093000 ")
    _, other = await edit(client, create, 2, duplicate, status)
    assert other == fresh(workspace, status) and "MIG004" in [d["code"] for d in other]
    _, other = await edit(client, create, 3, text, status)
    assert other == fresh(workspace, status) == before


async def test_a_removed_export_shows_in_the_importing_open_file(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    src = workspace / "services/orders/src"
    exporter, importer = src / "a.ts", src / "b.ts"
    exporter.write_text("export const X = 1;\nexport const Y = 2;\n", encoding="utf-8")
    importer.write_text("import { X, Y } from './a';\nconsole.log(X, Y);\n", encoding="utf-8")
    assert published(await open_document(client, importer)) == fresh(workspace, importer) == []
    await open_document(client, exporter)
    _, other = await edit(client, exporter, 2, "export const X = 1;\n", importer)
    assert other == fresh(workspace, importer) and [d["code"] for d in other] == ["IMP003"]
    _, other = await edit(client, exporter, 3, "export const X = 1;\nexport const Y = 2;\n", importer)
    assert other == fresh(workspace, importer) == []


async def test_a_file_created_on_disk_is_seen_by_open_documents(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    importer = workspace / "services/orders/src/b.ts"
    importer.write_text("import { X } from './c';\nconsole.log(X);\n", encoding="utf-8")
    assert [d["code"] for d in published(await open_document(client, importer))] == ["IMP002"]
    created = importer.with_name("c.ts")
    created.write_text("export const X = 1;\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=created.as_uri(), type=types.FileChangeType.Created)]))
    assert published(await next_diagnostics(client, importer.as_uri())) == fresh(workspace, importer) == []
