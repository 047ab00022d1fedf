"""A minimal Language Server Protocol client, enough to see a spec the way an editor does.

JSON-RPC 2.0 over the server's stdin/stdout with ``Content-Length`` framing. A reader thread
parses every message the server sends, answers the server's own requests at once (an editor
would; a server left waiting can stall), and queues the rest. Every wait has a deadline, and
closing kills the server if it does not exit, so a broken server fails a test instead of
hanging the suite.
"""

from __future__ import annotations

import contextlib
import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

__all__ = ["LanguageServer", "LspError", "hover_text"]

Message = dict[str, Any]


class LspError(RuntimeError):
    """The server answered with an error, died, or did not answer in time."""


def _read_message(stream: IO[bytes]) -> Message | None:
    """One framed message, or None at end of stream."""
    length: int | None = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    if length is None:
        raise LspError("a message without Content-Length")
    body = stream.read(length)
    if len(body) < length:
        return None
    message: Message = json.loads(body.decode("utf-8"))
    return message


def hover_text(result: object) -> str:
    """The text of a hover result, whichever of the protocol's three shapes the server chose."""
    if result is None:
        return ""
    contents = result.get("contents") if isinstance(result, dict) else result
    items: list[object] = contents if isinstance(contents, list) else [contents]
    # MarkupContent and MarkedString objects both carry their text in "value".
    return "\n".join(item.get("value", "") if isinstance(item, dict) else str(item) for item in items)


class LanguageServer:
    """A running language server, driven as an editor would drive it; use as a context manager."""

    def __init__(self, command: Sequence[str], *, root: Path, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.root = root
        self._process = subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=root,
        )
        self._write_lock = threading.Lock()
        self._next_id = 0
        self._inbox: queue.Queue[Message | None] = queue.Queue()
        self._seen: list[Message] = []  # notifications read while waiting for something else
        self._reader = threading.Thread(target=self._read_forever, name="lsp-reader", daemon=True)
        self._reader.start()

    # -- the wire -------------------------------------------------------------------------------

    def _send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stdin = self._process.stdin
        assert stdin is not None
        with self._write_lock:
            try:
                stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
                stdin.flush()
            except (BrokenPipeError, OSError) as error:
                raise LspError(f"the server is gone (exit code {self._process.poll()})") from error

    def _read_forever(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            while (message := _read_message(stdout)) is not None:
                if "method" in message and "id" in message:
                    self._answer(message)
                else:
                    self._inbox.put(message)
        except (LspError, ValueError, OSError):
            pass
        finally:
            self._inbox.put(None)  # end of stream: wake whoever waits

    def _answer(self, request: Message) -> None:
        """Requests from the server: the answers a plain editor with no settings UI gives."""
        method = request["method"]
        result: object = None
        if method == "workspace/configuration":
            result = [None for _ in request.get("params", {}).get("items", [])]
        with contextlib.suppress(LspError):  # the server is going away; its reader sees that
            self._send({"id": request["id"], "result": result})

    def _wait(self, matches: Callable[[Message], bool], what: str) -> Message:
        deadline = time.monotonic() + self.timeout
        for index, seen in enumerate(self._seen):
            if matches(seen):
                return self._seen.pop(index)
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                message = self._inbox.get(timeout=remaining)
            except queue.Empty:
                break
            if message is None:
                raise LspError(f"the server closed its output while waiting for {what}")
            if matches(message):
                return message
            self._seen.append(message)
        raise LspError(f"no {what} within {self.timeout} s")

    # -- the protocol ---------------------------------------------------------------------------

    def request(self, method: str, params: object) -> Any:
        self._next_id += 1
        ident = self._next_id
        self._send({"id": ident, "method": method, "params": params})
        response = self._wait(lambda m: m.get("id") == ident and "method" not in m, f"answer to {method}")
        if "error" in response:
            raise LspError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: object) -> None:
        self._send({"method": method, "params": params})

    def initialize(self, settings: Mapping[str, object]) -> dict[str, Any]:
        """The handshake, then the settings an editor's configuration would send."""
        result: dict[str, Any] = self.request(
            "initialize",
            {
                "processId": None,
                "clientInfo": {"name": "policyspec-tests"},
                "rootUri": self.root.as_uri(),
                "workspaceFolders": [{"uri": self.root.as_uri(), "name": self.root.name}],
                "capabilities": {
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {"relatedInformation": False},
                        "synchronization": {"didSave": False},
                    },
                    "workspace": {"configuration": False, "didChangeConfiguration": {}},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": dict(settings)})
        return result

    def open(self, path: Path, text: str | None = None) -> str:
        """Open a document (its text from disk unless given); returns its URI."""
        uri = path.resolve().as_uri()
        content = path.read_text(encoding="utf-8") if text is None else text
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": content}},
        )
        return uri

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The diagnostics the server publishes for a document after it is opened."""
        message = self._wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
            f"diagnostics for {uri}",
        )
        found: list[dict[str, Any]] = message["params"]["diagnostics"]
        return found

    def hover(self, uri: str, line: int, character: int) -> str:
        """Hover text at a 0-based position (character in UTF-16 code units, as LSP counts)."""
        return hover_text(
            self.request(
                "textDocument/hover",
                {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
            )
        )

    def completion(self, uri: str, line: int, character: int) -> list[str]:
        """The labels the server offers for completion at a 0-based position."""
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        items = result.get("items", []) if isinstance(result, dict) else result or []
        return [str(item["label"]) for item in items]

    def close(self) -> None:
        """shutdown, exit, and make sure the process is gone whatever happened before."""
        try:
            if self._process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
        except LspError:
            pass
        finally:
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()

    def __enter__(self) -> LanguageServer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
