"""fmt's direct writer writes what ruamel.yaml's emitter writes, wherever it writes at all.

The direct writer (:mod:`policyspec.fmt.writer`) is how fmt lays out nearly every file; ruamel's
emitter, held by these tests as the reference, writes the rest. On texts in every layout PyYAML
can produce, the two must give the same bytes, the offsets the writer reports must be where a
parser finds the entries, and the text must read back as the data of the original.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, event, given, settings

from policyspec.fmt.emitter import ReferenceEmitter
from policyspec.fmt.format import DEFAULT_MODELINE, format_text, same_data
from policyspec.fmt.layout import dump_yaml
from policyspec.fmt.scan import read_layout
from policyspec.fmt.writer import write_canonical
from policyspec.loading.parsing import ParsedYaml, parse_yaml
from tests.strategies.layouts import yaml_layouts

REPO = Path(__file__).resolve().parents[2]
SPECS = sorted((REPO / "specs").glob("*.yaml")) + sorted(
    (REPO / "tests" / "examples" / "valid").glob("*.yaml")
)
_EXAMPLES = max(50, (settings.default or settings()).max_examples)


@settings(max_examples=_EXAMPLES)
@given(yaml_layouts())
def test_the_direct_writer_writes_what_ruamels_emitter_writes(text: str) -> None:
    source = parse_yaml(text, file="generated.yaml")
    assume(isinstance(source, ParsedYaml) and isinstance(source.data, dict))  # fmt's precondition
    assert isinstance(source, ParsedYaml)
    layout = read_layout(text)
    assert layout.root is not None
    written = write_canonical(layout.root)
    event("written directly" if written is not None else "left to ruamel")
    if written is None:
        return
    assert written.text == dump_yaml(layout.root, emitter=ReferenceEmitter)
    assert written.entries == read_layout(written.text).entries
    reread = parse_yaml(written.text, file="written.yaml")
    assert isinstance(reread, ParsedYaml), reread
    assert same_data(reread.data, source.data)


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_bundled_spec_and_valid_example_is_written_directly(spec: Path) -> None:
    layout = read_layout(spec.read_text(encoding="utf-8"))
    assert layout.root is not None
    written = write_canonical(layout.root)
    assert written is not None
    assert written.text == dump_yaml(layout.root, emitter=ReferenceEmitter)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("k" * 123 + ": 1\n", id="a key ruamel writes as '? key'"),
        pytest.param("a:\n  - - x\n", id="a block sequence in a block sequence"),
        pytest.param("a: |+\n  x\n\n", id="a literal that keeps its final blank lines"),
        pytest.param("a: |2\n   x\n", id="a literal that needs an indentation indicator"),
        pytest.param("a: &x |\n  x\nb: [*x]\n", id="a block scalar aliased into a flow collection"),
    ],
)
def test_what_the_direct_writer_leaves_alone_ruamel_writes(text: str) -> None:
    layout = read_layout(text)
    assert layout.root is not None
    assert write_canonical(layout.root) is None
    result = format_text(text, file="t.yaml")
    assert isinstance(result, str), result
    assert result == f"{DEFAULT_MODELINE}\n{dump_yaml(layout.root)}"
