"""Parsing gives the data, the position of every node, and refuses what YAML loaders get wrong."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.diagnostics import Diagnostic
from policyspec.limits import Limits
from policyspec.loading.parsing import ParsedYaml, parse_yaml
from policyspec.loading.scalars import OutOfBounds, resolve_plain
from policyspec.model.bounds import MAX_MAGNITUDE, number_problem
from policyspec.model.documents import exact


def parsed(text: str, limits: Limits | None = None) -> ParsedYaml:
    result = parse_yaml(text, file="t.yaml", limits=limits or Limits())
    assert isinstance(result, ParsedYaml), result
    return result


def refused(text: str, limits: Limits | None = None) -> Diagnostic:
    result = parse_yaml(text, file="t.yaml", limits=limits or Limits())
    assert isinstance(result, Diagnostic), result
    return result


def test_positions_of_keys_and_values_are_1_based() -> None:
    result = parsed("id: x\nindicators:\n  - quote: 每年\n    per: P1Y\n")
    assert result.marks.values[("indicators", 0, "per")] == (4, 10)
    assert result.marks.keys[("indicators", 0, "per")] == (4, 5)
    assert result.marks.values[("indicators", 0)] == (3, 5)


def test_scalars_follow_the_yaml_1_2_core_schema() -> None:
    data = parsed('a: no\nb: yes\nc: true\nd: 2010\ne: "2010"\nf: 1.5\ng: ~\nh: 0o17\ni: 2010-01-01\n').data
    assert data == {
        "a": "no",
        "b": "yes",
        "c": True,
        "d": 2010,
        "e": "2010",
        "f": 1.5,
        "g": None,
        "h": 15,
        "i": "2010-01-01",
    }


def test_bom_less_crlf_text_parses_with_positions() -> None:
    result = parsed("id: x\r\nkind: plan\r\n")
    assert result.data == {"id": "x", "kind": "plan"}
    assert result.marks.values[("kind",)] == (2, 7)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\na: 2\n", "PS002", 2),
        ("a: !!python/object:os.system x\n", "PS003", 1),
        ("a: !custom x\n", "PS003", 1),
        ("a: 1\n---\nb: 2\n", "PS008", 2),
        ("", "PS009", 1),
        ("? [a, b]\n: c\n", "PS011", 1),
        ("a: [1, 2\n", "PS001", 2),
        ("a: b: c\n", "PS001", 1),
        ("a: *nowhere\n", "PS001", 1),
    ],
)
def test_refusals_are_positioned(text: str, code: str, line: int) -> None:
    diagnostic = refused(text)
    assert (diagnostic.code, diagnostic.line) == (code, line)


def test_depth_limit() -> None:
    assert refused("a: " + "[" * 10 + "]" * 10, Limits(max_depth=5)).code == "PS006"
    assert parsed("a: " + "[" * 5 + "]" * 5, Limits(max_depth=7)).data


def test_alias_count_limit() -> None:
    text = "a: &x 1\nb: [" + ", ".join(["*x"] * 11) + "]\n"
    assert refused(text, Limits(max_aliases=10)).code == "PS007"
    assert parsed(text, Limits(max_aliases=11)).data["b"] == [1] * 11


def test_alias_expansion_limit_stops_a_billion_laughs() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    diagnostic = refused("\n".join(lines))
    assert diagnostic.code == "PS007"
    assert "aliases expand" in diagnostic.message


def test_control_characters_are_refused_at_their_position() -> None:
    diagnostic = refused("a: 1\nb: x\x07\n")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PS001", 2, 5)


# --- figures: bounded in every notation, judged by their text before anything converts them ---

BEYOND = [
    ("1000000000000001", "too large"),
    ("-1000000000000001", "too large"),
    ("9" * 5001, "too large"),  # int() of it raises: more than 4300 digits
    ("0" * 5000 + "1e16", "too large"),
    ("0x38D7EA4C68001", "too large"),  # 10^15 + 1
    ("0x" + "f" * 4000, "too large"),  # int() of it works, but str() of it later does not
    ("0o34327724461500001", "too large"),
    ("1.5e15", "too large"),
    ("-1e16", "too large"),
    ("1e999999999", "too large"),
    ("1e" + "9" * 5000, "too large"),
    ("1e-16", "too small"),
    ("-3e-400", "too small"),
    ("0.0000000000000009", "too small"),
    ("1e-" + "9" * 5000, "too small"),
    ("1.0000000000000001", "too precise"),
    ("123456789.0123456", "too precise"),
    ("1000000000000001/3", "numerator of 16 digits"),
    ("1/" + "9" * 5000, "denominator of 5000 digits"),
    ('"1/1000000000000000"', "denominator of 16 digits"),
    ("'-1234567890123456/7'", "numerator of 16 digits"),
    ("!!int 1000000000000001", "too large"),
    ('!!float "1e16"', "too large"),
]


@pytest.mark.parametrize(("text", "problem"), BEYOND, ids=lambda v: v[:24])
def test_a_figure_beyond_the_bounds_is_refused_at_its_position(text: str, problem: str) -> None:
    diagnostic = refused(f"id: x\ntarget: {{operator: ge, value: {text}}}\n")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PS013", 2, 31)
    assert problem in diagnostic.message
    assert len(diagnostic.message) < 120  # a message never repeats thousands of digits
    assert diagnostic.hint is not None
    assert "15 significant digits" in diagnostic.hint


WITHIN = [
    ("1000000000000000", 10**15),
    ("-1000000000000000", -(10**15)),
    ("+999999999999999", 999999999999999),
    ("0" * 5000 + "7", 7),  # leading zeros are no digits: int() must not see them
    ("0x38D7EA4C68000", 10**15),
    ("0o34327724461500000", 10**15),
    ("1e15", 1e15),
    ("1E+15", 1e15),
    ("1000000000000000.0", 1e15),
    ("1e-15", 1e-15),
    ("-0.000000000000001", -1e-15),
    ("123456789.012345", 123456789.012345),
    ("1.50000000000000000000", 1.5),  # trailing zeros are no digits either
    ("0e999999999", 0.0),
    ("999999999999999/999999999999999", "999999999999999/999999999999999"),
    ('"1/3"', "1/3"),
    (".inf", float("inf")),  # rule PS215 reports it
]


@pytest.mark.parametrize(("text", "value"), WITHIN, ids=lambda v: str(v)[:24])
def test_a_figure_within_the_bounds_is_read(text: str, value: object) -> None:
    data = parsed(f"value: {text}\n").data
    assert data == {"value": value}
    assert type(data["value"]) is type(value)


def test_text_that_only_looks_like_a_figure_stays_text() -> None:
    data = parsed(
        'a: "1000000000000001"\nb: 12345678901234567890 apples\nc: "1/2/3"\nd: |\n  1/99999999999999999\n'
    ).data
    assert data == {
        "a": "1000000000000001",  # a quoted number is text to YAML, and not a fraction
        "b": "12345678901234567890 apples",
        "c": "1/2/3",
        "d": "1/99999999999999999\n",  # a block of text, not a figure
    }


@pytest.mark.parametrize("text", ["9" * 5001, "0x" + "f" * 4000, "1e999999999", "1.0000000000000001"])
def test_resolve_plain_leaves_an_out_of_bounds_number_unbuilt(text: str) -> None:
    value = resolve_plain(text)
    assert isinstance(value, OutOfBounds)
    assert value.text == text


@given(
    st.from_regex(r"\A[-+]?[0-9]{1,30}\Z")
    | st.from_regex(r"\A0o[0-7]{1,25}\Z")
    | st.from_regex(r"\A0x[0-9a-fA-F]{1,20}\Z")
    | st.from_regex(r"\A[-+]?(\.[0-9]{1,20}|[0-9]{1,20}(\.[0-9]{0,20})?)([eE][-+]?[0-9]{1,3})?\Z")
)
def test_every_core_schema_number_is_within_the_bounds_or_unbuilt(text: str) -> None:
    value = resolve_plain(text)
    if isinstance(value, OutOfBounds):
        assert number_problem(text) == value.problem
        return
    assert isinstance(value, (int, float))
    assert abs(value) <= MAX_MAGNITUDE
    if isinstance(value, float):
        assert value == 0 or abs(value) >= 1e-15
        assert exact(value) == Fraction(text)  # held exactly: the text is the figure
