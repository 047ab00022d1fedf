"""fmt parses each file once: the layout comes from the loader's own parse, and an unchanged file
is known for one without any further reading, nor ruamel.yaml's emitter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policyspec.fmt import layout as fmt_layout
from policyspec.fmt import scan as fmt_scan
from policyspec.fmt.format import DEFAULT_MODELINE, format_file
from policyspec.loading import parsing
from tests.conftest import REPO

SPECS = sorted((REPO / "specs").glob("*.yaml"))


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts libyaml is given, by the loader or by fmt itself, in order."""
    texts: list[str] = []

    def counting(real: Any) -> Any:
        def parser(text: str) -> Any:
            texts.append(text)
            return real(text)

        return parser

    for module in (parsing, fmt_scan):  # the loader's libyaml parser, and fmt's own for a text alone
        monkeypatch.setattr(module, "_Parser", counting(vars(module)["_Parser"]))
    return texts


@pytest.fixture
def no_ruamel(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("ruamel's emitter was asked to write")

    monkeypatch.setattr(fmt_layout, "dump_yaml", refuse)


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
@pytest.mark.usefixtures("no_ruamel")
def test_a_canonical_spec_is_parsed_once_and_found_unchanged(spec: Path, parsed: list[str]) -> None:
    result = format_file(spec)
    assert result.diagnostic is None
    assert not result.changed
    assert parsed == [spec.read_text(encoding="utf-8")]


@pytest.mark.usefixtures("no_ruamel")
def test_a_changed_file_is_parsed_once_and_its_result_once_to_check_it(
    tmp_path: Path, parsed: list[str]
) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("kind: plan  # the kind\nid: x\n", encoding="utf-8")
    result = format_file(path)
    assert result.formatted == f"{DEFAULT_MODELINE}\nid: x\nkind: plan  # the kind\n".encode()
    assert parsed == ["kind: plan  # the kind\nid: x\n", result.formatted.decode()]


def test_a_file_with_crlf_line_ends_is_read_again_as_lf_for_its_layout(
    tmp_path: Path, parsed: list[str]
) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(f"{DEFAULT_MODELINE}\r\nid: x\r\n".encode())
    assert not format_file(path).changed
    assert parsed == [f"{DEFAULT_MODELINE}\r\nid: x\r\n", f"{DEFAULT_MODELINE}\nid: x\n"]
