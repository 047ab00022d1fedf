"""Editors see our schema: the YAML language server validates specs and explains their fields.

The server is the one VS Code's YAML extension, Neovim and Helix run (npm ``yaml-language-server``,
installed by ``.ci/install-clients``). It finds the schema through each spec's first-line modeline,
``# yaml-language-server: $schema=../schemas/policyspec.schema.json``, a path it resolves against the
folder of the spec itself, so no editor setting is needed.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from policyspec.bundled import bundled_dir, bundled_specs
from policyspec.loading.check import check_spec
from tests.clients.lsp_client import LanguageServer
from tests.clients.tools import NODE_BIN, find_program
from tests.conftest import EXAMPLES, REPO

SERVER = find_program("yaml-language-server", NODE_BIN)
NODE = find_program("node")
pytestmark = pytest.mark.skipif(
    SERVER is None or NODE is None,
    reason="yaml-language-server (run .ci/install-clients, which puts it in .ci/node) or node not found",
)

SCHEMA = REPO / "schemas" / "policyspec.schema.json"
COMPLETE = EXAMPLES / "valid" / "complete.yaml"
# What a plain editor set-up sends; the schema store is off because it is fetched from the network.
SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},
    }
}


@dataclass(frozen=True)
class Opened:
    uri: str
    lines: list[str]
    diagnostics: list[dict[str, Any]]

    def key_position(self, key: str, *, after: str | None = None) -> tuple[int, int]:
        """0-based line and UTF-16 column of the first ``key:`` (on a line after one holding ``after``)."""
        start = next(i for i, line in enumerate(self.lines) if after in line) + 1 if after else 0
        pattern = re.compile(rf"(?:^|[\s{{,]){re.escape(key)}:")
        for number, line in enumerate(self.lines[start:], start):
            if found := pattern.search(line):
                prefix = line[: found.end() - len(key) - 1]
                return number, len(prefix.encode("utf-16-le")) // 2
        raise AssertionError(f"no key {key!r}")


Open = Callable[[Path], Opened]


@pytest.fixture(scope="module")
def server() -> Iterator[LanguageServer]:
    assert SERVER is not None
    with LanguageServer([SERVER, "--stdio"], root=REPO, timeout=30) as running:
        running.initialize(SETTINGS)
        yield running


@pytest.fixture(scope="module")
def open_in_editor(server: LanguageServer) -> Open:
    """Open a file once per module, and keep what the server published for it."""
    opened: dict[Path, Opened] = {}

    def open_(path: Path) -> Opened:
        if path not in opened:
            uri = server.open(path)
            lines = path.read_text(encoding="utf-8").splitlines()
            opened[path] = Opened(uri, lines, server.diagnostics(uri))
        return opened[path]

    return open_


def _description(*where: str) -> str:
    """A field's description in the committed schema: ``_description("Target", "operator")``."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    definition = schema if where[0] == "Document" else schema["$defs"][where[0]]
    description: str = definition["properties"][where[1]]["description"]
    return description


def _hover(server: LanguageServer, opened: Opened, key: str, *, after: str | None = None) -> str:
    line, column = opened.key_position(key, after=after)
    return server.hover(opened.uri, line, column + 1)


SPECS = [*bundled_specs(), COMPLETE]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_spec_shows_no_diagnostics_in_the_editor(open_in_editor: Open, spec: Path) -> None:
    assert open_in_editor(spec).diagnostics == []


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_spec_modeline_brings_in_our_schema(server: LanguageServer, open_in_editor: Open, spec: Path) -> None:
    hover = _hover(server, open_in_editor(spec), "id")
    assert _description("Document", "id") in hover
    assert SCHEMA.resolve().as_uri() in hover  # the schema beside the spec, from the relative modeline


def test_hover_on_a_target_operator_shows_its_description(
    server: LanguageServer, open_in_editor: Open
) -> None:
    hover = _hover(server, open_in_editor(COMPLETE), "operator", after="indicators:")
    assert _description("Target", "operator") in hover


def test_hover_on_an_indicator_quote_shows_its_description(
    server: LanguageServer, open_in_editor: Open
) -> None:
    hover = _hover(server, open_in_editor(COMPLETE), "quote", after="indicators:")
    assert _description("Indicator", "quote") in hover


def test_completing_a_unit_offers_the_vocabulary(server: LanguageServer) -> None:
    text = COMPLETE.read_text(encoding="utf-8").replace("unit: percent}", "unit: }", 1)
    uri = server.open(COMPLETE.with_name("completing.yaml"), text)  # never written: the editor's buffer
    [line] = [i for i, content in enumerate(text.splitlines()) if "unit: }" in content]
    labels = server.completion(uri, line, text.splitlines()[line].index("unit: }") + len("unit: "))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    [units] = [
        choice["enum"]
        for choice in schema["$defs"]["Target"]["properties"]["unit"]["anyOf"]
        if "enum" in choice
    ]
    assert set(units) <= set(labels)


def test_typo_in_a_key_is_flagged_at_the_line_the_validator_names(
    open_in_editor: Open, tmp_path: Path
) -> None:
    spec = bundled_specs()[0]
    lines = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    typo_line = next(i for i, line in enumerate(lines) if line.strip().startswith("quote:"))
    lines[typo_line] = lines[typo_line].replace("quote:", "qoute:", 1)
    # The same layout as the repository, so the relative modeline resolves here too.
    copy = tmp_path / "specs" / spec.name
    copy.parent.mkdir()
    copy.write_text("".join(lines), encoding="utf-8")
    shutil.copytree(bundled_dir("sources"), tmp_path / "sources")
    (tmp_path / "schemas").mkdir()
    shutil.copyfile(SCHEMA, tmp_path / "schemas" / SCHEMA.name)

    flagged = [d for d in open_in_editor(copy).diagnostics if "qoute" in d["message"]]

    assert [d["range"]["start"]["line"] for d in flagged] == [typo_line]
    [ps101] = [d for d in check_spec(copy).diagnostics if d.code == "PS101"]
    start = flagged[0]["range"]["start"]
    assert (ps101.line, ps101.column) == (start["line"] + 1, start["character"] + 1)
