"""`migrationlint server`: a language server over stdio (pygls 2, lsprotocol types).

Open TypeScript documents are linted from their in-memory text, with the workspace on disk
(and the other open documents) as context, exactly as the CLI lints a file. Diagnostics are
published on open and save, and on change after a short quiet period; an edit can change what
other files report (a duplicate migration name, a removed export), so the other open documents
are checked again once the edited one is published. The workspace, resolution and every file's
facts stay in memory between lints (live.LiveLinter): an edit re-extracts only its document. Each diagnostic carries
its fix as a WorkspaceEdit in `data` (see reporters/lsp_format), so quick fixes need no second
lint; `source.fixAll.migrationlint` runs the fix loop on the in-memory text. A saved or changed
package.json, tsconfig or migrationlint.toml re-checks the open documents, since it can change
their verdicts. Positions use the encoding negotiated at initialisation (utf-16 by default).
"""

from __future__ import annotations

import asyncio
import logging
import os
import traceback

from lsprotocol import types
from lsprotocol.converters import get_converter
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from migrationlint import __version__
from migrationlint.diagnostics import Diagnostic
from migrationlint.live import LiveLinter
from migrationlint.extract.parsing import TS_SUFFIXES
from migrationlint.reporters import lsp_format
from migrationlint.textpos import LineIndex

DEBOUNCE_SECONDS = 0.05  # a lint costs about 0.1 s now (live.py): wait only for a burst of keys
RECHECK_SECONDS = 0.5  # other open documents, after an edit: less urgent than the edited one
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.migrationlint"
DISABLE_DIRECTIVE = "// migrationlint-disable-next-line"
CONTEXT_FILES = ("package.json", "migrationlint.toml")
WATCHED_GLOBS = ("**/package.json", "**/tsconfig*.json", "**/migrationlint.toml", "**/*.{ts,tsx,mts,cts}")

_converter = get_converter()


def is_context_file(path: str) -> bool:
    """Files that change how other files are linted (manifests, tsconfigs, configuration)."""
    name = os.path.basename(path)
    return name in CONTEXT_FILES or (name.startswith("tsconfig") and name.endswith(".json"))


class MigrationLintServer(LanguageServer):
    """The server state: pending debounced lints and the last lint of each open document."""

    def __init__(self) -> None:
        super().__init__("migrationlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.rechecks: set[str] = set()  # pending documents waiting only for another one's edit to settle
        self.linted: dict[str, tuple[int | None, list[Diagnostic]]] = {}  # uri -> (version, diagnostics)
        self.live = LiveLinter()
        self.watching = False  # the client reports file events (else a save may have created a file)

    # ------------------------------------------------------------------------- documents

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return getattr(enc, "value", enc) or lsp_format.UTF16

    def open_sources(self) -> dict[str, bytes]:
        """In-memory text of every open TypeScript document, by path."""
        return {doc.path: doc.source.encode("utf-8") for doc in self.workspace.text_documents.values()
                if doc.path.endswith(TS_SUFFIXES)}

    def lint_text(self, path: str, overrides: dict[str, bytes]):
        """Lint one file from `overrides` with the workspace around it (the CLI's file mode)."""
        return self.live.lint(path, overrides)

    def publish(self, uri: str, others: bool = False) -> None:
        """Lint an open document now and publish its diagnostics; with `others`, then check the
        other open documents again (after a quiet period: typing here postpones them)."""
        self.pending.pop(uri, None)
        self.rechecks.discard(uri)
        if others:
            self.recheck_others(uri)
        doc = self.workspace.text_documents.get(uri)
        if doc is None or not doc.path.endswith(TS_SUFFIXES):
            return
        try:
            result = self.lint_text(doc.path, self.open_sources())
        except Exception as exc:  # a bad config or an internal error must not kill the session
            self.report(doc.path, exc)
            self.linted.pop(uri, None)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            return
        self.linted[uri] = (doc.version, result.diagnostics)
        lsp = []
        for d in result.diagnostics:
            record = lsp_format.to_lsp(result, d, self.encoding)
            record["data"]["version"] = doc.version
            lsp.append(_converter.structure(record, types.Diagnostic))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=lsp, version=doc.version))

    def publish_later(self, uri: str, others: bool = False) -> None:
        """Debounce: lint once typing pauses for DEBOUNCE_SECONDS. Typing in one file also puts
        off the pending re-checks of the others, so that they never hold up its diagnostics."""
        self.cancel(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, self.publish, uri, others)
        if others:
            for other in [u for u in self.rechecks if u != uri]:
                self.recheck_later(other)

    def recheck_others(self, uri: str) -> None:
        """After an edit of `uri`: the other open documents, once editing pauses (RECHECK_SECONDS)."""
        for other in self.workspace.text_documents:
            if other != uri and (other not in self.pending or other in self.rechecks):
                self.recheck_later(other)

    def recheck_later(self, uri: str) -> None:
        self.cancel(uri)
        self.rechecks.add(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(RECHECK_SECONDS, self.publish, uri)

    def cancel(self, uri: str) -> None:
        self.rechecks.discard(uri)
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def recheck_open(self, context: bool = True) -> None:
        """Lint every open document again; `context`: manifests or settings changed too."""
        if context:
            self.live.context_changed()
        for uri in list(self.workspace.text_documents):
            self.publish(uri)

    def report(self, path: str, exc: Exception) -> None:
        from migrationlint.config import ConfigError

        if isinstance(exc, ConfigError):
            message, kind = f"migrationlint: configuration error for {path}: {exc}", types.MessageType.Error
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))
        else:
            message, kind = f"migrationlint: internal error on {path}:\n{traceback.format_exc()}", types.MessageType.Error
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


server = MigrationLintServer()


# ----------------------------------------------------------------------------- lifecycle


@server.feature(types.INITIALIZED)
async def initialized(ls: MigrationLintServer, params: types.InitializedParams) -> None:
    """Ask the client to watch manifests and tsconfigs, where it can register watchers."""
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps is not None else None
    if watched is None or not watched.dynamic_registration:
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED_GLOBS])
    registration = types.Registration(id="migrationlint-context-files",
                                      method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                      register_options=_converter.unstructure(options))
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        ls.watching = True
    except Exception as exc:  # a client that refuses: saves of open manifests still re-check
        ls.window_log_message(types.LogMessageParams(
            type=types.MessageType.Warning, message=f"migrationlint: could not watch manifests: {exc}"))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: MigrationLintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: MigrationLintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.publish_later(params.text_document.uri, others=True)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: MigrationLintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    doc = ls.workspace.get_text_document(uri)
    if is_context_file(doc.path):
        ls.recheck_open()
    else:
        if not ls.watching:  # no file events: the save may have created a file imports resolve to
            ls.live.files_changed()
        ls.cancel(uri)
        ls.publish(uri, others=True)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MigrationLintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel(uri)
    ls.linted.pop(uri, None)
    ls.live.forget(to_fs_path(uri) or uri)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    ls.recheck_others(uri)  # they read its buffer, the disk's text now stands


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: MigrationLintServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [(to_fs_path(change.uri) or change.uri, change.type) for change in params.changes]
    if any(is_context_file(path) for path, _ in paths):
        ls.recheck_open()
    elif paths:  # sources changed on disk (a checkout, another tool): open documents may read them
        if any(kind != types.FileChangeType.Changed for _, kind in paths):
            ls.live.files_changed()
        ls.recheck_open(context=False)


# ----------------------------------------------------------------------------- code actions


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL]))
def code_action(ls: MigrationLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    doc = ls.workspace.get_text_document(params.text_document.uri)
    if not doc.path.endswith(TS_SUFFIXES):
        return []
    only = params.context.only
    actions: list[types.CodeAction] = []
    if _wanted(types.CodeActionKind.QuickFix, only):
        ours = [d for d in params.context.diagnostics if d.source == lsp_format.SOURCE]
        for d in ours:
            action = _quick_fix(d, doc.version)
            if action is not None:
                actions.append(action)
        for d in ours:
            actions.append(_disable_action(d, doc))
    if only and _wanted(FIX_ALL, only):
        action = _fix_all(ls, doc)
        if action is not None:
            actions.append(action)
    return actions


def _wanted(kind: str, only: list[str] | None) -> bool:
    """A kind is wanted when `only` is absent or names it or one of its parents."""
    if not only:
        return True
    kind = getattr(kind, "value", kind)
    return any(kind == w or kind.startswith(f"{w}.") for w in (getattr(o, "value", o) for o in only))


def _quick_fix(d: types.Diagnostic, version: int | None) -> types.CodeAction | None:
    data = d.data if isinstance(d.data, dict) else {}
    fix = data.get("fix")
    if not fix or data.get("version") != version:
        return None  # no fix, or the text changed since: fresh diagnostics are on their way
    unsafe = fix.get("applicability") != "safe"
    title = f"{fix['title']} ({d.code}{', unsafe' if unsafe else ''})"
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[d],
                            is_preferred=not unsafe, edit=_converter.structure(fix["edit"], types.WorkspaceEdit))


def _disable_action(d: types.Diagnostic, doc) -> types.CodeAction:
    """Insert `// migrationlint-disable-next-line CODE` above the line, with its indentation;
    add the code to such a comment when the line above already is one."""
    line = d.range.start.line
    lines = doc.lines
    text = lines[line] if line < len(lines) else ""
    eol = "\r\n" if text.endswith("\r\n") else "\n"
    above = lines[line - 1].rstrip("\r\n") if line > 0 else ""
    if above.strip().startswith(DISABLE_DIRECTIVE) and "--" not in above and "*/" not in above:
        end = lsp_format.position(LineIndex(above.encode("utf-8")), len(above.encode("utf-8")),
                                  _encoding_of(doc))["character"]
        pos = types.Position(line=line - 1, character=end)
        edit = types.TextEdit(range=types.Range(start=pos, end=pos), new_text=f", {d.code}")
    else:
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        pos = types.Position(line=line, character=0)
        edit = types.TextEdit(range=types.Range(start=pos, end=pos), new_text=f"{indent}{DISABLE_DIRECTIVE} {d.code}{eol}")
    return types.CodeAction(title=f"Disable {d.code} for this line", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[d], edit=types.WorkspaceEdit(changes={doc.uri: [edit]}))


def _encoding_of(doc) -> str:
    enc = doc.position_codec.encoding
    return getattr(enc, "value", enc) or lsp_format.UTF16


def _fix_all(ls: MigrationLintServer, doc) -> types.CodeAction | None:
    """Every safe fix of the document, applied to a fixpoint on its in-memory text."""
    from migrationlint.fix import fixes
    from migrationlint.extract.sources import read_bytes

    path = doc.path
    overrides = ls.open_sources()
    original = overrides[path]

    def relint(texts: dict[str, bytes]) -> list[Diagnostic]:
        found = ls.lint_text(path, {**overrides, **texts}).diagnostics
        return [d for d in found if d.fix is None or all(e.path == path for e in d.fix.edits)]

    try:
        outcome = fixes.fix_loop(relint, lambda p: overrides[p] if p in overrides else read_bytes(p), unsafe=False)
    except Exception as exc:
        ls.report(path, exc)
        return None
    new = outcome.texts.get(path)
    if new is None or new == original:
        return None
    edit = minimal_edit(original, new, ls.encoding)
    return types.CodeAction(title="Fix all auto-fixable migrationlint problems", kind=FIX_ALL,
                            edit=types.WorkspaceEdit(changes={doc.uri: [edit]}))


def minimal_edit(old: bytes, new: bytes, encoding: str) -> types.TextEdit:
    """One TextEdit turning `old` into `new`, covering only the span that differs."""
    e = lsp_format.minimal_replacement("", old, new)
    rng = lsp_format.lsp_range(LineIndex(old), e.start, e.end, encoding)
    return types.TextEdit(range=_converter.structure(rng, types.Range), new_text=e.text)


# ----------------------------------------------------------------------------- hover


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: MigrationLintServer, params: types.HoverParams) -> types.Hover | None:
    """On a diagnostic's range: the rule's documentation page."""
    from migrationlint.checks import RULES
    from migrationlint.reporters.rule_pages import page_text

    uri = params.text_document.uri
    version, diagnostics = ls.linted.get(uri, (None, []))
    doc = ls.workspace.get_text_document(uri)
    if not diagnostics or version != doc.version:
        return None
    index = LineIndex(doc.source.encode("utf-8"))
    offset = lsp_format.offset_of(index, params.position.line, params.position.character, ls.encoding)
    hits = [d for d in diagnostics if d.path == doc.path and d.start <= offset <= max(d.end, d.start)]
    if not hits:
        return None
    pages = []
    for code in dict.fromkeys(d.code for d in hits):
        text = page_text(code)
        if text is None:
            rule = RULES.get(code)
            text = f"# {code} {rule.name}\n\n{rule.summary}\n" if rule else f"# {code}\n"
        pages.append(text.rstrip() + f"\n\n[{code} documentation]({lsp_format.help_href(code)})")
    first = hits[0]
    rng = lsp_format.lsp_range(index, first.start, first.end, ls.encoding)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(pages)),
                       range=_converter.structure(rng, types.Range))


def serve() -> None:
    """Run the server on stdin/stdout until the client exits."""
    logging.basicConfig(level=logging.WARNING)  # to stderr: stdout carries the protocol
    server.start_io()
