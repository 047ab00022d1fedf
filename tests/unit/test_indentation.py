"""Tabs in indentation are refused by name; anchors on keys load like any other anchor."""

from __future__ import annotations

import pytest

from policyspec.diagnostics import Diagnostic
from policyspec.loading.indentation import first_indenting_tab
from policyspec.loading.parsing import parse_yaml


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a: b\n\tc: d\n", (2, 1)),  # libyaml: a syntax error, named as the tab it is
        ("a: b\n  \tc\n", (2, 3)),  # libyaml alone would read {"a": "b c"}
        ("a: 'x\n\ty'\n", (2, 1)),  # libyaml alone would read {"a": "x y"}
        ("a:\n  - b\n  \t- c\n", (3, 3)),
        ("a: b\n\t# a comment where the syntax error is\n", (2, 1)),
        ("a: |\n  x\n\ty\n", (3, 1)),  # before the block's indentation: not content
        ("a: b\n\t\n", (2, 1)),  # libyaml refuses even a line of only a tab here
    ],
)
def test_a_tab_in_indentation_is_refused_by_name(text: str, position: tuple[int, int]) -> None:
    parsed = parse_yaml(text, file="f.yaml")
    assert isinstance(parsed, Diagnostic)
    assert (parsed.line, parsed.column, parsed.code) == (*position, "PS001")
    assert (
        parsed.message
        == f"a tab character in the indentation of line {position[0]}: YAML indents with spaces only"
    )


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: |\n  x\n  \ty\n", {"a": "x\n\ty\n"}),  # after the indentation of a block scalar: content
        ("a: >\n  x\n  \ty\n", {"a": "x\n\ty\n"}),
        ("a: b\t\n", {"a": "b"}),  # trailing tabs are not indentation
        ("a: 'x\ty'\n", {"a": "x\ty"}),
    ],
)
def test_tabs_that_are_not_indentation_are_accepted(text: str, data: object) -> None:
    parsed = parse_yaml(text, file="f.yaml")
    assert not isinstance(parsed, Diagnostic), parsed
    assert parsed.data == data


def test_no_tab_no_scan() -> None:
    assert first_indenting_tab("a: b\n  c: d\n") is None


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("&k key: 1\nother: *k\n", {"key": 1, "other": "key"}),
        ("&a a: &b b\n*b : *a\n", {"a": "b", "b": "a"}),  # yaml-test-suite E76Z
        ("top: {&k inner: 1}\nuse: [*k]\n", {"top": {"inner": 1}, "use": ["inner"]}),
    ],
)
def test_an_anchor_on_a_key_loads(text: str, data: object) -> None:
    parsed = parse_yaml(text, file="f.yaml")
    assert not isinstance(parsed, Diagnostic), parsed
    assert parsed.data == data
