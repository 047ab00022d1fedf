"""``policyspec lsp`` in a real LSP session over stdio: what an editor shows is what validate says.

The client is the suite's own (``tests/clients/lsp_client.py``), the one that also drives the YAML
language server. Diagnostics must equal ``validate --format json`` (code, line, column, severity)
on broken and valid specs; a hover on a quote shows its source passage; go-to-definition lands on
the quote in the source text; completion offers the vocabularies; an edit that makes a figure
contradict its quote is flagged soon after the keystroke.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policyspec.model.vocabulary import TOPICS, UNITS
from tests.clients.lsp_client import LanguageServer
from tests.conftest import EXAMPLES, REPO

pytest.importorskip("pygls", reason="pip install -e '.[test]' brings pygls for policyspec lsp")

COMPLETE = EXAMPLES / "valid" / "complete.yaml"
SOURCE = EXAMPLES / "sources" / "sample.txt"
BROKEN = sorted((EXAMPLES / "invalid").glob("PS2*.yaml"))


@pytest.fixture(scope="module")
def server() -> Iterator[LanguageServer]:
    with LanguageServer([sys.executable, "-m", "policyspec", "lsp"], root=REPO, timeout=30) as running:
        running.initialize({})
        yield running


def _validate_json(path: Path) -> list[tuple[str, int, int, str]]:
    result = subprocess.run(
        [sys.executable, "-m", "policyspec", "validate", "--format", "json", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    found = json.loads(result.stdout)
    diagnostics = found["diagnostics"] if isinstance(found, dict) else found
    return sorted((d["code"], d["line"], d["column"], d["severity"]) for d in diagnostics)


def _shown(published: list[dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    severity = {1: "error", 2: "warning"}
    return sorted(
        (
            d["code"],
            d["range"]["start"]["line"] + 1,
            d["range"]["start"]["character"] + 1,
            severity[d["severity"]],
        )
        for d in published
    )


@pytest.mark.parametrize("spec", [COMPLETE, *BROKEN], ids=lambda p: p.stem)
def test_the_editor_shows_what_validate_reports(server: LanguageServer, spec: Path) -> None:
    uri = server.open(spec)
    assert _shown(server.diagnostics(uri)) == _validate_json(spec)


def _position_of(text: str, needle: str) -> tuple[int, int]:
    """0-based line and UTF-16 column of the first ``needle``."""
    for number, line in enumerate(text.splitlines()):
        if needle in line:
            return number, len(line[: line.index(needle)].encode("utf-16-le")) // 2
    raise AssertionError(needle)


def test_hover_on_a_quote_shows_its_passage_in_the_source(server: LanguageServer) -> None:
    uri = server.open(COMPLETE)
    server.diagnostics(uri)
    line, column = _position_of(COMPLETE.read_text(encoding="utf-8"), "县（处）级以上党委中心组集中学习")
    shown = server.hover(uri, line, column + 2)
    assert "sample.txt:6:" in shown
    assert "**县（处）级以上党委中心组集中学习每年不少于12次**" in shown


def test_hover_on_a_key_shows_the_fields_description(server: LanguageServer) -> None:
    uri = server.open(COMPLETE)
    server.diagnostics(uri)
    line, column = _position_of(COMPLETE.read_text(encoding="utf-8"), "measured:")
    assert "What is measured or required." in server.hover(uri, line, column + 1)


def test_definition_of_a_quote_is_its_place_in_the_source(server: LanguageServer) -> None:
    uri = server.open(COMPLETE)
    server.diagnostics(uri)
    text = COMPLETE.read_text(encoding="utf-8")
    line, column = _position_of(text, "每年轮训干部300名左右")
    found = server.request(
        "textDocument/definition",
        {"textDocument": {"uri": uri}, "position": {"line": line, "character": column + 1}},
    )
    location = found[0] if isinstance(found, list) else found
    assert location["uri"] == SOURCE.resolve().as_uri()
    source_line = SOURCE.read_text(encoding="utf-8").splitlines()[location["range"]["start"]["line"]]
    assert source_line[location["range"]["start"]["character"] :].startswith("每年轮训干部300名左右")


def test_completion_offers_the_vocabularies(server: LanguageServer) -> None:
    text = COMPLETE.read_text(encoding="utf-8").replace("unit: percent}", "unit: }", 1)
    uri = server.open(COMPLETE.with_name("completing-unit.yaml"), text)
    server.diagnostics(uri)
    line, column = _position_of(text, "unit: }")
    assert set(server.completion(uri, line, column + len("unit: "))) == set(UNITS)
    text = COMPLETE.read_text(encoding="utf-8").replace("topics: [satisfaction]", "topics: [", 1)
    uri = server.open(COMPLETE.with_name("completing-topic.yaml"), text)
    server.diagnostics(uri)
    line, column = _position_of(text, "topics: [")
    assert set(server.completion(uri, line, column + len("topics: ["))) == set(TOPICS)


def test_an_edit_that_contradicts_the_quote_is_flagged_soon(server: LanguageServer) -> None:
    """The latency from the change to the published PS219 is measured and printed, never asserted:
    the client's own timeout is what turns a hang into a failure."""
    uri = server.open(COMPLETE.with_name("editing.yaml"), COMPLETE.read_text(encoding="utf-8"))
    assert server.diagnostics(uri) == []
    text = COMPLETE.read_text(encoding="utf-8")
    line, column = _position_of(text, "value: 90,")
    start = {"line": line, "character": column + len("value: ")}
    end = {"line": line, "character": column + len("value: 90")}
    began = time.perf_counter()
    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": start, "end": end}, "text": "95"}],
        },
    )
    codes = [d["code"] for d in server.diagnostics(uri)]
    latency = time.perf_counter() - began
    print(f"\nPS219 published {latency * 1000:.0f} ms after the keystroke (debounce 50 ms)")
    assert "PS219" in codes


def _actions(
    server: LanguageServer, uri: str, diagnostics: list[dict[str, Any]], line: int
) -> list[dict[str, Any]]:
    found = server.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
            "context": {"diagnostics": diagnostics},
        },
    )
    return list(found or [])


def _applied(text: str, edits: list[dict[str, Any]]) -> str:
    """The text with LSP edits applied (last first, so earlier positions stay right)."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position: dict[str, int]) -> int:
        return (
            offsets[position["line"]] + position["character"] if position["line"] < len(lines) else len(text)
        )

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        text = text[: offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]) :]
    return text


def test_a_quick_fix_writes_the_quote_as_the_source_does(server: LanguageServer) -> None:
    spec = EXAMPLES / "invalid" / "PS201-quote-not-in-source.yaml"
    uri = server.open(spec)
    [ps201] = [d for d in server.diagnostics(uri) if d["code"] == "PS201"]
    [action] = _actions(server, uri, [ps201], ps201["range"]["start"]["line"])
    fixed = _applied(spec.read_text(encoding="utf-8"), action["edit"]["changes"][uri])
    assert fixed == (EXAMPLES / "valid" / "complete.yaml").read_text(encoding="utf-8").replace(
        "# A small but complete spec: every kind of entry, every reading of a threshold phrase.",
        "# A half-width % where the source has ％.",
    )


def test_a_quick_fix_excludes_an_uncovered_statement(server: LanguageServer, tmp_path: Path) -> None:
    spec = EXAMPLES / "invalid" / "PS223-uncovered-statement.yaml"
    uri = server.open(spec)
    [ps223] = [d for d in server.diagnostics(uri) if d["code"] == "PS223"]
    [action] = _actions(server, uri, [ps223], ps223["range"]["start"]["line"])
    fixed = tmp_path / "spec.yaml"
    fixed.write_text(
        _applied(spec.read_text(encoding="utf-8"), action["edit"]["changes"][uri]), encoding="utf-8"
    )
    codes = [code for code, *_ in _validate_json_with_sources(fixed)]
    assert codes == ["PS224"]  # covered now; the reason is left for the editor to decide


def _validate_json_with_sources(path: Path) -> list[tuple[str, int, int, str]]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "policyspec",
            "validate",
            "--format",
            "json",
            "--sources",
            str(SOURCE.parent),
            str(path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return sorted(
        (d["code"], d["line"], d["column"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]
    )


def test_a_drafted_suggestion_uncomments_into_an_indicator(server: LanguageServer, tmp_path: Path) -> None:
    from policyspec.authoring.scaffold import scaffold
    from policyspec.loading.check import check_spec
    from policyspec.loading.options import CheckOptions

    draft = tmp_path / "specs" / "sample.yaml"
    draft.parent.mkdir()
    text = scaffold(SOURCE.name, SOURCE.read_bytes(), "sample-draft")
    draft.write_text(text, encoding="utf-8")
    uri = server.open(draft)
    server.diagnostics(uri)
    line = next(i for i, content in enumerate(text.splitlines()) if content.startswith("#   - id: todo-"))
    [action] = _actions(server, uri, [], line)
    draft.write_text(_applied(text, action["edit"]["changes"][uri]), encoding="utf-8")
    checked = check_spec(draft, CheckOptions(sources=(SOURCE.parent,)))
    assert checked.document is not None, checked.diagnostics
    assert [indicator.id for indicator in checked.document.indicators] == [
        f"todo-{text.splitlines()[line].split('todo-')[1].split()[0]}"
    ]
