"""Exact numbers: a figure's Fraction, whether it has a finite decimal, and the text it is shown as."""

from __future__ import annotations

import doctest
import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.model import exact as exact_module
from policyspec.model.exact import exact, exact_text, has_finite_decimal, json_number, read_figure

finite_floats = st.floats(allow_nan=False, allow_infinity=False)
fractions = st.fractions(max_denominator=10**6)


def test_the_examples_in_the_docstrings_pass() -> None:
    result = doctest.testmod(exact_module)
    assert result.attempted > 0
    assert result.failed == 0


# --- exact ---


def test_a_float_counts_by_its_decimal_text_never_its_binary_value() -> None:
    assert exact(0.1) == Fraction(1, 10)
    assert exact(0.1) != Fraction(0.1)  # the double nearest 0.1 is not a tenth
    assert exact("1/3") == Fraction(1, 3)
    assert exact(15000) == 15000


@given(finite_floats)
def test_exact_of_a_float_is_its_shortest_text_and_reads_back_as_the_same_float(value: float) -> None:
    assert exact(value) == Fraction(repr(value))
    assert float(exact(value)) == value


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**15))
def test_exact_of_a_fraction_text_is_that_fraction(numerator: int, denominator: int) -> None:
    assert exact(f"{numerator}/{denominator}") == Fraction(numerator, denominator)


# --- has_finite_decimal ---


@given(st.integers(-(10**9), 10**9), st.integers(0, 30), st.integers(0, 30))
def test_only_twos_and_fives_below_the_line_end(numerator: int, twos: int, fives: int) -> None:
    assert has_finite_decimal(Fraction(numerator, 2**twos * 5**fives))


@given(fractions)
def test_a_finite_decimal_is_a_whole_number_of_some_power_of_ten(value: Fraction) -> None:
    # A denominator up to 10^6 has fewer than 20 factors 2 or 5: 10^40 is power enough.
    assert has_finite_decimal(value) == any((value * 10**k).denominator == 1 for k in range(40))


# --- exact_text ---


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (Fraction(179, 2), "89.5"),
        (Fraction(1, 3), "1/3"),
        (Fraction(24000), "24000"),
        (Fraction(-17, 50), "-0.34"),
        (Fraction(1, 10**15), "0.000000000000001"),  # never an exponent
        (Fraction(0), "0"),
    ],
)
def test_exact_text_examples(number: Fraction, text: str) -> None:
    assert exact_text(number) == text


@given(fractions)
def test_exact_text_reads_back_as_the_same_number(value: Fraction) -> None:
    text = exact_text(value)
    assert Fraction(text) == value
    assert ("/" in text) != has_finite_decimal(value)
    assert "e" not in text.lower()


# --- json_number ---


def test_json_number_examples() -> None:
    assert json_number(15000) == 15000
    assert json_number(1.5) == 1.5
    assert json_number("1/3") == "1/3"
    assert json_number("2/6") == "1/3"
    assert json_number("1/4") == 0.25
    assert json_number("4/2") == 2
    assert json_number(None) is None


@given(st.fractions(max_denominator=10_000))
def test_json_number_is_exact(value: Fraction) -> None:
    rendered = json_number(f"{value.numerator}/{value.denominator}")
    assert rendered is not None
    assert exact(rendered) == value
    assert isinstance(rendered, str) or has_finite_decimal(value)


# --- read_figure ---


@given(finite_floats.filter(lambda x: x == 0 or 1e-15 <= abs(x) <= 1e15))
def test_a_float_given_reads_as_a_spec_float_does(value: float) -> None:
    assert read_figure(value) == exact(value)


@given(
    st.from_regex(r"\A[-+]?([0-9]{1,20}(\.[0-9]{0,20})?|\.[0-9]{1,20})([eE][-+]?[0-9]{1,12})?\Z")
    | st.from_regex(r"\A-?[0-9]{1,20}/[0-9]{1,20}\Z")
)
def test_a_figure_as_text_is_read_or_refused_by_name(text: str) -> None:
    value: Fraction | ValueError
    try:
        value = read_figure(text, "observed")
    except ValueError as error:
        value = error
    if isinstance(value, ValueError):
        assert str(value).startswith("observed: ")  # named, never Fraction's or int()'s own error
        return
    assert abs(value) <= 10**15
    assert value == 0 or abs(value) >= Fraction(1, 10**15)
    assert value == Fraction(text)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_read_figure_refuses_what_is_not_finite(value: float) -> None:
    with pytest.raises(ValueError, match="tolerance: not a finite number"):
        read_figure(value, "tolerance")
