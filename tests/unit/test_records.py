"""Values in the flat view: JSON numbers when they have a finite decimal, exact fractions otherwise."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from policyspec.api.records import json_number
from policyspec.model.documents import exact


def test_examples() -> None:
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
