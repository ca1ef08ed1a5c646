#!/usr/bin/env python3
"""Language-server edit latency: time from `didChange` to the `publishDiagnostics` of that version.

    python benchmarks/lsp_edits.py REPO FILE [FILE ...] [--edits N]

For each FILE (relative to REPO) a fresh `migrationlint server` is started through pytest-lsp's
client (a real client over stdio, as the tests use), the file is opened (the open figure includes
building the workspace model), then N edits are sent one at a time, each waiting for the
diagnostics of its own version. An edit inserts a comment line at the top, so every position in
the file moves and the document is extracted again, as when typing. Prints one JSON line per file
and the median over all edits, with the server's CPU time per edit. A measurement, not a test: the edit figure includes the server's
debounce (server.DEBOUNCE_SECONDS), as an editor sees it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities

TIMEOUT = 600


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path, help="the workspace folder")
    parser.add_argument("files", nargs="+", help="files to open and edit, relative to REPO")
    parser.add_argument("--edits", type=int, default=20, help="edits per file (default 20)")
    return parser.parse_args(argv)


async def published(client, uri: str, version: int) -> types.PublishDiagnosticsParams:
    """The diagnostics of `uri` at `version` (earlier ones, and other files', are skipped)."""
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and params.version == version:
            return params


def server_cpu(client) -> float | None:
    """CPU seconds the server process has used (Linux /proc): on a busy machine wall times grow
    with the load, while the work an edit costs the server shows here."""
    try:
        with open(f"/proc/{client._server.pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, AttributeError, ValueError, IndexError):
        return None


async def measure(repo: Path, rel: str, edits: int) -> dict:
    """Open `rel` in a new server and time `edits` edits; seconds."""
    config = ClientServerConfig(server_command=[sys.executable, "-m", "migrationlint", "server"])
    client = await config.start()
    client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)  # file watchers: accepted, never fired
    try:
        await client.initialize_session(types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=repo.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=repo.as_uri(), name=repo.name)]))
        path = (repo / rel).resolve()
        uri = path.as_uri()
        start = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="typescript", version=1, text=path.read_text(encoding="utf-8"))))
        first = await asyncio.wait_for(published(client, uri, 1), TIMEOUT)
        opened = time.perf_counter() - start
        times = []
        cpu = server_cpu(client)
        for version in range(2, edits + 2):
            at = types.Position(line=0, character=0)
            start = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(start=at, end=at), text=f"// edit {version}\n")]))
            await asyncio.wait_for(published(client, uri, version), TIMEOUT)
            times.append(time.perf_counter() - start)
        cpu = server_cpu(client) - cpu if cpu is not None else None
        return {"file": rel, "open_s": round(opened, 3), "diagnostics": len(first.diagnostics),
                "server_cpu_ms_per_edit": round(cpu * 1000 / edits, 1) if cpu is not None else None,
                "edit_median_ms": round(statistics.median(times) * 1000, 1),
                "edit_max_ms": round(max(times) * 1000, 1), "edits_ms": [round(t * 1000, 1) for t in times]}
    finally:
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
        await client.stop()


async def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    repo = args.repo.resolve()
    every = []
    for rel in args.files:
        result = await measure(repo, rel, args.edits)
        every.extend(result["edits_ms"])
        print(json.dumps(result), flush=True)
    print(json.dumps({"repo": str(repo), "files": len(args.files), "edits": len(every),
                      "edit_median_ms": round(statistics.median(every), 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
