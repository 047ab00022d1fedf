"""What the property tests share: one YAML writer, a scratch folder, and where a position lands."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from policyspec.diagnostics import Diagnostic
from policyspec.validate import CheckedSpec, check_spec

# Tests on plain text and bytes are cheap: they run three times the profile's examples. Tests run
# once per kind of mutation share the profile's examples, a sixth each, so that every kind is tried.
_EXAMPLES = settings().max_examples  # the loaded profile's
MANY = settings(max_examples=3 * _EXAMPLES)
PER_KIND = settings(max_examples=max(5, _EXAMPLES // 6))

MODELINE = "# yaml-language-server: $schema=../schemas/policyspec.schema.json\n"


def to_yaml(data: Any, *, modeline: bool = True) -> str:
    """Write data as an editor would save a spec: YAML 1.2 (ruamel.yaml), block style, Unicode as is.

    ruamel.yaml is an independent YAML 1.2 implementation, so a round trip through it checks that
    policyspec reads scalars by the core schema too (PyYAML writes 1.1: it leaves ``1e3`` unquoted).
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.representer.sort_base_mapping_type_on_output = False  # keys in the models' order
    out = io.StringIO()
    yaml.dump(data, out)
    return (MODELINE if modeline else "") + out.getvalue()


def rendered(value: Any) -> str:
    """How ``value`` begins when :func:`to_yaml` writes it as the value of a key."""
    text = to_yaml({"k": value}, modeline=False)
    return text.removeprefix("k:").lstrip(" \n").split("\n", 1)[0]


def lines_of(text: str) -> list[str]:
    """The lines an editor shows: CR, LF and CRLF break lines; a final break opens an empty line."""
    return re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))


def at_position(text: str, diagnostic: Diagnostic) -> str:
    """The rest of the line from the diagnostic's column: what an editor's cursor would land on."""
    return lines_of(text)[diagnostic.line - 1][diagnostic.column - 1 :]


def assert_inside(diagnostics: tuple[Diagnostic, ...], text: str) -> None:
    lines = lines_of(text)
    for diagnostic in diagnostics:
        assert 1 <= diagnostic.line <= len(lines), (diagnostic, len(lines))
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1, (diagnostic, lines)


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file that every example overwrites (hypothesis runs many examples per test call)."""
    return tmp_path_factory.mktemp("specs") / "spec.yaml"


def check_bytes(path: Path, raw: bytes) -> CheckedSpec:
    path.write_bytes(raw)
    return check_spec(path)


def check_text(path: Path, text: str) -> CheckedSpec:
    return check_bytes(path, text.encode("utf-8"))
