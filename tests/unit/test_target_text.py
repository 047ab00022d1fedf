"""A target as people read it, the same on the timeline, in evaluate's reasons and in the tables."""

from __future__ import annotations

import doctest

import pytest

from policyspec.model import target_text as target_text_module
from policyspec.model.target_text import OPERATOR_SYMBOLS, target_text
from policyspec.model.vocabulary import OPERATORS


def test_the_examples_in_the_docstrings_pass() -> None:
    result = doctest.testmod(target_text_module)
    assert result.attempted > 0
    assert result.failed == 0


def test_every_operator_but_range_has_a_symbol() -> None:
    assert set(OPERATOR_SYMBOLS) == set(OPERATORS) - {"range"}


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        (("ge", 90, None, "percent"), "≥ 90 percent"),
        (("approx", 300, None, "persons"), "≈ 300 persons"),
        (("range", 1, 3, "persons"), "1–3 persons"),
        (("lt", "1/3", None, None), "< 1/3"),
        (("ge", 2, None, None, "上年"), "≥ 2 of 上年"),
        (("eq", None, None, None), "= ?"),
        ((None, 5, None, "times"), "milestone"),
    ],
)
def test_examples(parts: tuple[object, ...], text: str) -> None:
    assert target_text(*parts) == text  # type: ignore[arg-type]
