"""The language server itself: pygls over stdio, documents checked on open and, debounced, on
every change; hovers, definitions and completions from :mod:`policyspec.lsp.features`."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from policyspec.lsp.actions import code_actions
from policyspec.lsp.editing import EditorSpec, edit
from policyspec.lsp.features import completion_labels, definition, hover_text, lsp_diagnostics

__all__ = ["DEBOUNCE_SECONDS", "build_server", "serve"]

DEBOUNCE_SECONDS = 0.05
"""A burst of keystrokes is checked once, this long after the last."""


class SpecServer(LanguageServer):
    """Keeps the last check of each open spec, for the requests that follow it."""

    def __init__(self) -> None:
        super().__init__("policyspec", "lsp")
        self.specs: dict[str, EditorSpec] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    def check(self, uri: str) -> EditorSpec:
        document = self.workspace.get_text_document(uri)
        spec = edit(Path(to_fs_path(uri) or uri), document.source)
        self.specs[uri] = spec
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=lsp_diagnostics(spec), version=document.version
            )
        )
        return spec

    def spec(self, uri: str) -> EditorSpec:
        return self.specs.get(uri) or self.check(uri)

    def check_later(self, uri: str) -> None:
        if (waiting := self.pending.pop(uri, None)) is not None:
            waiting.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self._check_now, uri)

    def _check_now(self, uri: str) -> None:
        self.pending.pop(uri, None)
        self.specs.pop(uri, None)
        self.check(uri)


def build_server() -> SpecServer:
    server = SpecServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SpecServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SpecServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.specs.pop(params.text_document.uri, None)
        ls.check_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SpecServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SpecServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.specs.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: SpecServer, params: types.HoverParams) -> types.Hover | None:
        text = hover_text(ls.spec(params.text_document.uri), params.position)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def go_to_definition(ls: SpecServer, params: types.DefinitionParams) -> types.Location | None:
        return definition(ls.spec(params.text_document.uri), params.position)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[":", " ", "-"])
    )
    def complete(ls: SpecServer, params: types.CompletionParams) -> types.CompletionList:
        labels = completion_labels(ls.spec(params.text_document.uri), params.position)
        items = [types.CompletionItem(label=label, kind=types.CompletionItemKind.Value) for label in labels]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def quick_fixes(ls: SpecServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls.spec(params.text_document.uri), params.text_document.uri, params)

    return server


def serve() -> None:
    """Run the server over stdio until the client says exit."""
    build_server().start_io()
