"""Every diagnostic points inside the file, and at the node it names.

An editor jumps to ``line:column``; a position past the end of a line, or on a neighbour of the
faulty node, sends the person editing the spec to the wrong place.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from policyspec.diagnostics import Diagnostic, JsonPath
from policyspec.loading.parsing import parse_yaml
from policyspec.model.documents import Document
from policyspec.model.walk import quoted_texts
from tests.properties.conftest import (
    MANY,
    PER_KIND,
    assert_inside,
    at_position,
    check_bytes,
    check_text,
    rendered,
    to_yaml,
)
from tests.strategies import MUTATION_KINDS, documents, mutations, yamlish_text

EXPECTED_CODES = {
    "unknown-key": {"PS101"},
    "missing-key": {"PS102"},
    "wrong-type": {"PS103", "PS104"},  # PS104 where the field has a vocabulary: 7 is not one of its words
    "outside-vocabulary": {"PS104"},
    "pattern-violation": {"PS104"},
    "out-of-range": {"PS104"},
    "too-short": {"PS104"},
    "too-long": {"PS104"},
}


@MANY
@given(st.text(max_size=300) | yamlish_text())
@example("{")  # libyaml puts the end of a file without a final line break on a line of its own
@example("标题: 值\n  x: \x07\n")  # libyaml gives a control character's offset in UTF-8 bytes
@example('a: "x\u2028y"\nc: [\n')  # libyaml breaks lines at LS, PS and NEL; editors do not
def test_positions_in_any_text_are_inside_the_file(spec_file: Path, text: str) -> None:
    assert_inside(check_text(spec_file, text).diagnostics, text)


@MANY
@given(st.binary(max_size=600))
@example(b"a\rb: \xf1")  # a lone CR breaks the line before a byte that is not UTF-8
def test_positions_in_any_bytes_are_inside_the_file(spec_file: Path, raw: bytes) -> None:
    shown = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    assert_inside(check_bytes(spec_file, raw).diagnostics, shown)


@MANY
@given(st.text(max_size=200) | yamlish_text())
@example("a: b\nc: [")  # libyaml leaves a byte-order mark out of its offsets
def test_a_byte_order_mark_moves_no_position(text: str) -> None:
    plain = text.lstrip("\ufeff")
    assert repr(parse_yaml("\ufeff" + plain, file="t.yaml")) == repr(parse_yaml(plain, file="t.yaml"))


@given(documents())
def test_rule_diagnostics_point_at_the_node_they_name(spec_file: Path, data: dict[str, Any]) -> None:
    text = to_yaml(data)
    document = Document.model_validate(data, strict=True)
    # Archive a source that holds every other quote, so the source rules have something to say.
    quotes = [quote for _, quote in quoted_texts(document)]
    (spec_file.parent / document.source.file).write_text("\n".join(quotes[::2]), encoding="utf-8")
    checked = check_text(spec_file, text)
    assert checked.document == document
    assert_inside(checked.diagnostics, text)
    for diagnostic in checked.diagnostics:
        _assert_at(text, diagnostic, *_nearest(data, diagnostic.path))


@pytest.mark.parametrize("kind", MUTATION_KINDS)
@PER_KIND
@given(data=st.data())
def test_a_fault_is_reported_once_at_the_node_it_names(
    spec_file: Path, kind: str, data: st.DataObject
) -> None:
    mutation = data.draw(mutations(kinds=(kind,)), label="mutation")
    text = to_yaml(mutation.data)
    checked = check_text(spec_file, text)
    assert_inside(checked.diagnostics, text)
    [diagnostic] = checked.diagnostics
    assert diagnostic.code in EXPECTED_CODES[mutation.kind]
    assert diagnostic.path == mutation.path
    there = at_position(text, diagnostic)
    if mutation.kind == "unknown-key":
        assert there.startswith(f"{mutation.path[-1]}:"), there
    elif mutation.kind == "missing-key":  # the mapping that lacks it: its first key, or {}
        _, mapping = _nearest(mutation.data, mutation.path)
        assert there.startswith(f"{next(iter(mapping))}:" if mapping else "{}"), there
    else:
        _assert_at(text, diagnostic, mutation.path, mutation.value)


def _nearest(data: Any, path: JsonPath) -> tuple[JsonPath, Any]:
    """The node at ``path``, or its nearest ancestor in the data (what a diagnostic falls back to)."""
    node = data
    for depth, step in enumerate(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return path[:depth], node
    return path, node


def _assert_at(text: str, diagnostic: Diagnostic, path: JsonPath, value: Any) -> None:
    """The position starts the node: a mapping entry's value, or a list item, as the writer wrote it."""
    there = at_position(text, diagnostic)
    expected = re.split("[\x85\u2028\u2029]", rendered(value))[0][:20]  # indentation may follow a break
    if path and isinstance(path[-1], int) and not isinstance(value, (dict, list)):
        there = there.removeprefix("- ")  # libyaml marks a list item at its dash only for collections
    assert there.startswith(expected), (diagnostic, path, there, expected)
