"""What the property tests share: one YAML writer, a scratch folder, and where a position lands."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from ruamel.yaml import YAML
from ruamel.yaml.representer import SafeRepresenter

from policyspec.diagnostics import Diagnostic
from policyspec.loading.check import CheckedSpec, check_spec

# Tests on plain text and bytes are cheap: they run three times the profile's examples. Tests run
# once per kind of mutation share the profile's examples, a sixth each, so that every kind is tried.
_EXAMPLES = settings().max_examples  # the loaded profile's
MANY = settings(max_examples=3 * _EXAMPLES)
PER_KIND = settings(max_examples=max(5, _EXAMPLES // 6))

MODELINE = "# yaml-language-server: $schema=../schemas/policyspec.schema.json\n"


# YAML 1.2 core schema (spec 1.2.2, 10.3.2): plain scalars that are not strings. ruamel.yaml's own
# resolver misses a few (.1e3, -.5), which a writer must then quote.
_CORE_NOT_STRING = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


class _Representer(SafeRepresenter):
    """ruamel.yaml's, quoting every string the core schema would read as something else."""


def _text(representer: SafeRepresenter, value: str) -> Any:
    style = "'" if _CORE_NOT_STRING.fullmatch(value) else None
    return representer.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Representer.add_representer(str, _text)  # on the subclass: ruamel's own stays as it is


def to_yaml(data: Any, *, modeline: bool = True) -> str:
    """Write data as an editor would save a spec: YAML 1.2 (ruamel.yaml), block style, Unicode as is.

    ruamel.yaml is an independent YAML 1.2 implementation, so a round trip through it checks that
    policyspec reads scalars by the core schema too (PyYAML writes 1.1: it leaves ``1e3`` unquoted).
    """
    yaml = YAML(typ="safe", pure=True)
    yaml.Representer = _Representer
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
