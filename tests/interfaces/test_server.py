"""End-to-end tests of `migrationlint server` with pytest-lsp: a real server process over stdio."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from tests.helpers import TEST_DATA

FIXTURE = TEST_DATA / "formats"
MIGRATIONS = "services/orders/src/migrations"
TIMEOUT = 20


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "migrationlint", "server"]))
async def client(lsp_client: LanguageClient):
    registrations: list[types.Registration] = []
    lsp_client.registrations = registrations

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    yield
    if lsp_client.capabilities is None and lsp_client._server is not None:
        lsp_client._server.kill()  # never initialised: nothing would tell the server to exit
    await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "ws", ignore=shutil.ignore_patterns("expected"))
    return tmp_path / "ws"


async def start(client: LanguageClient, workspace: Path, encodings: list[str] | None = None) -> types.InitializeResult:
    caps = client_capabilities("visual-studio-code")
    if encodings is not None:
        caps.general.position_encodings = encodings
    return await client.initialize_session(types.InitializeParams(
        capabilities=caps, root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="ws")]))


async def next_diagnostics(client: LanguageClient, uri: str) -> types.PublishDiagnosticsParams:
    """The next publishDiagnostics for `uri` (others are skipped)."""
    async def wait() -> types.PublishDiagnosticsParams:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return params
    return await asyncio.wait_for(wait(), TIMEOUT)


async def open_document(client: LanguageClient, path: Path, text: str | None = None) -> types.PublishDiagnosticsParams:
    text = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=path.as_uri(), language_id="typescript", version=1, text=text)))
    return await next_diagnostics(client, path.as_uri())


def change(client: LanguageClient, path: Path, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP TextEdits to `text`, counting characters in `encoding` units."""
    lines = text.splitlines(keepends=True)

    def index(pos: types.Position) -> int:
        base = sum(len(line) for line in lines[: pos.line])
        line = lines[pos.line] if pos.line < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= pos.character:
                return base + i
            units += len(ch.encode("utf-16-le")) // 2 if encoding == "utf-16" else len(ch.encode(encoding))
        return base + len(line)

    spans = sorted(((index(e.range.start), index(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def code_actions(client: LanguageClient, path: Path, diagnostics, only=None) -> list[types.CodeAction]:
    rng = diagnostics[0].range if diagnostics else types.Range(start=types.Position(line=0, character=0),
                                                               end=types.Position(line=0, character=0))
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=rng,
        context=types.CodeActionContext(diagnostics=list(diagnostics), only=only)))
    return list(result or [])


async def test_quick_fix_clears_the_diagnostic(client: LanguageClient, workspace: Path):
    result = await start(client, workspace)
    assert result.capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16)
    path = workspace / MIGRATIONS / "1714000000000-CreateOrders.ts"
    text = path.read_text(encoding="utf-8")
    published = await open_document(client, path)
    diag, = published.diagnostics
    assert diag.code == "MIG001" and diag.source == "migrationlint"
    assert diag.severity == types.DiagnosticSeverity.Error
    # line 3 of the file; the rocket emoji before the class name counts as two UTF-16 units
    assert diag.range == types.Range(start=types.Position(line=2, character=36),
                                     end=types.Position(line=2, character=48))
    assert diag.code_description.href.endswith("/rules/MIG001-migration-name-invalid.md")
    assert diag.data["fix"]["applicability"] == "safe"

    actions = await code_actions(client, path, published.diagnostics)
    titles = [a.title for a in actions]
    assert titles == ["Rename to 'CreateOrders1714000000000' (MIG001)", "Disable MIG001 for this line"]
    fix = actions[0]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    fixed = apply_edits(text, fix.edit.changes[path.as_uri()])
    assert "export class CreateOrders1714000000000 implements MigrationInterface" in fixed

    change(client, path, 2, fixed)
    after = await next_diagnostics(client, path.as_uri())
    assert after.version == 2
    assert list(after.diagnostics) == []
    assert path.read_text(encoding="utf-8") == text  # the server never writes files


async def test_fix_all_applies_safe_fixes_only(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    damaged = workspace / MIGRATIONS / "1714000200000-AddOrderIndex.ts"
    published = await open_document(client, damaged)
    assert [d.code for d in published.diagnostics] == ["MIG002"]
    actions = await code_actions(client, damaged, [], only=[types.CodeActionKind.SourceFixAll])
    action, = actions
    assert action.kind == "source.fixAll.migrationlint"
    fixed = apply_edits(damaged.read_text(encoding="utf-8"), action.edit.changes[damaged.as_uri()])
    assert "export class AddOrderIndex1714000200000 implements MigrationInterface {" in fixed
    assert "name = 'AddOrderIndex1714000200000'" in fixed
    change(client, damaged, 2, fixed)
    assert list((await next_diagnostics(client, damaged.as_uri())).diagnostics) == []

    unsafe_only = workspace / MIGRATIONS / "1714000100000-AddOrderStatus.ts"
    published = await open_document(client, unsafe_only)
    assert [d.code for d in published.diagnostics] == ["MIG003"]
    assert await code_actions(client, unsafe_only, [], only=["source.fixAll.migrationlint"]) == []
    quick = await code_actions(client, unsafe_only, published.diagnostics, only=[types.CodeActionKind.QuickFix])
    assert quick[0].title.endswith("(MIG003, unsafe)") and not quick[0].is_preferred


async def test_disable_action_inserts_an_indented_comment(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    path = workspace / MIGRATIONS / "1714000300000-AddUsersTable.ts"
    text = ("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
            "export class AddUsersTable1714000300000 implements MigrationInterface {\n"
            "  name = 'AddUsersTable';\n\n"
            "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
            "    await queryRunner.query(`CREATE TABLE \"users\" (\"id\" uuid PRIMARY KEY)`);\n"
            "  }\n\n"
            "  public async down(queryRunner: QueryRunner): Promise<void> {\n"
            "    await queryRunner.query(`DROP TABLE \"users\"`);\n"
            "  }\n}\n")
    path.write_text(text, encoding="utf-8")
    published = await open_document(client, path)
    diag, = published.diagnostics
    assert diag.code == "MIG001" and diag.range.start.line == 3
    actions = await code_actions(client, path, published.diagnostics)
    disable = next(a for a in actions if a.title == "Disable MIG001 for this line")
    fixed = apply_edits(text, disable.edit.changes[path.as_uri()])
    assert fixed.splitlines()[3:5] == ["  // migrationlint-disable-next-line MIG001", "  name = 'AddUsersTable';"]
    change(client, path, 2, fixed)
    assert list((await next_diagnostics(client, path.as_uri())).diagnostics) == []


async def test_changes_are_debounced_and_lint_the_buffer(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    path = workspace / MIGRATIONS / "1714000000000-CreateOrders.ts"
    text = path.read_text(encoding="utf-8")
    await open_document(client, path)
    good = text.replace("class CreateOrders ", "class CreateOrders1714000000000 ")
    # a burst of edits: the quiet period (50 ms) coalesces them, however the machine schedules
    # the two processes, into far fewer lints than edits, the last of them on the last text
    for version in range(2, 22):
        change(client, path, version, good if version % 2 else text.replace("class CreateOrders ", "class CreateOrders1 "))
    seen = [await next_diagnostics(client, path.as_uri())]
    while seen[-1].version != 21:
        seen.append(await next_diagnostics(client, path.as_uri()))
    assert len(seen) < 10
    assert [d.code for d in seen[-1].diagnostics] == []  # version 21 has the good name


async def test_manifest_change_rechecks_open_documents(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    path = workspace / MIGRATIONS / "1714000300000-AddInvoices.ts"
    path.write_text("import { MigrationInterface, QueryRunner } from 'typeorm';\n\n"
                    "export class AddInvoices1714000300000 implements MigrationInterface {\n"
                    "  name = '';\n\n"
                    "  public async up(queryRunner: QueryRunner): Promise<void> {}\n\n"
                    "  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n", encoding="utf-8")
    assert list((await open_document(client, path)).diagnostics) == []  # TypeORM 0.3: '' falls back
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations)

    manifest = workspace / "services/orders/package.json"
    manifest.write_text(manifest.read_text().replace('"typeorm": "^0.3.20"', '"typeorm": "^1.0.0"'))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=manifest.as_uri(), type=types.FileChangeType.Changed)]))
    after = await next_diagnostics(client, path.as_uri())
    assert [d.code for d in after.diagnostics] == ["MIG001"]  # TypeORM 1.x uses '' as is

    manifest.write_text(manifest.read_text().replace('"typeorm": "^1.0.0"', '"typeorm": "^0.3.20"'))
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=manifest.as_uri(), language_id="json", version=1, text=manifest.read_text())))
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=manifest.as_uri())))
    assert list((await next_diagnostics(client, path.as_uri())).diagnostics) == []


async def test_hover_shows_the_rule_page(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    path = workspace / MIGRATIONS / "1714000000000-CreateOrders.ts"
    diag, = (await open_document(client, path)).diagnostics
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(line=2, character=40)))
    assert hover is not None and hover.range == diag.range
    assert "MIG001" in hover.contents.value and "migration-name-invalid" in hover.contents.value
    outside = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(line=0, character=3)))
    assert outside is None


async def test_utf8_position_encoding_when_the_client_offers_it(client: LanguageClient, workspace: Path):
    result = await start(client, workspace, encodings=[types.PositionEncodingKind.Utf8])
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    path = workspace / MIGRATIONS / "1714000000000-CreateOrders.ts"
    line = path.read_text(encoding="utf-8").splitlines()[2]
    diag, = (await open_document(client, path)).diagnostics
    column = len(line[: line.index("CreateOrders")].encode("utf-8"))
    assert diag.range.start == types.Position(line=2, character=column)
    fix, _ = await code_actions(client, path, [diag])
    fixed = apply_edits(path.read_text(encoding="utf-8"), fix.edit.changes[path.as_uri()], encoding="utf-8")
    assert "class CreateOrders1714000000000 implements" in fixed
