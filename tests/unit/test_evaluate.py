"""Evaluating observations: the operator's reading, exact numbers, references, placeholders, deadlines."""

from __future__ import annotations

import time
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policyspec
from policyspec.api.corpus import Corpus
from policyspec.api.evaluate import DEFAULT_TOLERANCE, Evaluation, evaluate
from policyspec.model.documents import Indicator, Target

WUXI = "wuxi-party-building-model-zone"
HENAN = "henan-2015-strict-party-governance"

fractions = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=1000)


@cache
def corpus() -> Corpus:
    return policyspec.load()


def target(
    operator: str | None,
    value: Any = None,
    *,
    upper: Any = None,
    unit: str = "persons",
    reference: str | None = None,
    deadline: str | None = None,
) -> Indicator:
    """A synthetic indicator with just the target fields that matter, validated like a spec's."""
    return Indicator.model_validate(
        {
            "id": "figure",
            "quote": "…",
            "measured": {"zh": "…", "en": "…"},
            "target": {
                "operator": operator,
                "value": value,
                "upper": upper,
                "unit": unit,
                "reference": None if reference is None else {"zh": reference, "en": reference},
            },
            "deadline": deadline,
        }
    )


def unchecked(indicator: Indicator, **target_fields: Any) -> Indicator:
    """The indicator with target fields the models would refuse, as hand-made code might build it."""
    changed = Target.model_construct(**{**dict(indicator.target), **target_fields})
    return indicator.model_copy(update={"target": changed})


def status(indicator: Indicator, observed: Any, **options: Any) -> str:
    return evaluate("doc", indicator, observed, **options).status


# --- on the bundled corpus ---


def test_satisfaction_observed_in_2010() -> None:
    result = corpus().evaluate(WUXI, "party-building-satisfaction-rate", 93, observed_in=2010)
    assert isinstance(result, Evaluation)
    assert (result.status, result.on_time, result.met_on_time) == ("met", True, True)
    assert result.threshold == 90
    assert result.reason == "observed 93 percent; target ≥ 90 percent"


def test_an_observation_after_the_deadline_is_late_whatever_the_figure() -> None:
    late = corpus().evaluate(WUXI, "party-building-satisfaction-rate", 93, observed_in=2011)
    assert (late.status, late.on_time, late.met_on_time) == ("met", False, False)
    assert late.reason.endswith("observed in 2011, after the deadline 2010")
    short = corpus().evaluate(WUXI, "party-building-satisfaction-rate", "89.9", observed_in=2009)
    assert (short.status, short.on_time, short.met_on_time) == ("not-met", True, False)


def test_without_a_date_or_a_deadline_on_time_is_none() -> None:
    assert corpus().evaluate(WUXI, "party-building-satisfaction-rate", 93).on_time is None
    recurring = corpus().evaluate(WUXI, "leader-grassroots-research-time", 2, observed_in=2009)
    assert (recurring.status, recurring.on_time, recurring.met_on_time) == ("met", None, None)


def test_a_relative_threshold_needs_the_reference_value() -> None:
    unknown = corpus().evaluate(HENAN, "village-secretary-allowance", 30000)
    assert unknown.status == "unknown"
    assert unknown.reason.startswith("unknown: reference needed")
    assert unknown.met_on_time is None
    assert corpus().evaluate(HENAN, "village-secretary-allowance", 24000, reference=12000).status == "met"
    short = corpus().evaluate(HENAN, "village-secretary-allowance", 23999, reference="12000")
    assert short.status == "not-met"
    assert short.threshold == Fraction(24000)


def test_a_placeholder_target_is_unknown_whatever_is_observed() -> None:
    result = corpus().evaluate("work-points-2020-party-building", "special-inspection-rounds-2020", 3)
    assert result.status == "unknown"
    assert "placeholder" in result.reason


def test_a_milestone_is_observed_as_reached_or_not() -> None:
    reached = corpus().evaluate(WUXI, "party-websites-2008", True, observed_in="2008-05")
    assert (reached.status, reached.on_time) == ("met", True)
    assert corpus().evaluate(WUXI, "party-websites-2008", False).status == "not-met"
    with pytest.raises(TypeError, match="milestone"):
        corpus().evaluate(WUXI, "party-websites-2008", 1)


def test_a_met_trigger_says_the_action_is_set_off() -> None:
    hit = corpus().evaluate("hangzhou-2003-anti-corruption-system", "incompetent-votes-removal", "1/3")
    assert hit.status == "met"
    assert hit.reason.endswith("a trigger: the action is set off")
    miss = corpus().evaluate("hangzhou-2003-anti-corruption-system", "incompetent-votes-removal", "0.3")
    assert miss.status == "not-met"
    assert "trigger" not in miss.reason


def test_exact_fractions_are_not_their_float_approximations() -> None:
    indicator = target("eq", "1/3", unit="fraction")
    assert status(indicator, Fraction(1, 3)) == "met"
    assert status(indicator, "2/6") == "met"
    assert status(indicator, 1 / 3) == "not-met"  # 0.3333333333333333 is not a third
    assert status(target("eq", 0.1), 0.1) == "met"  # floats count by their decimal text
    assert status(target("eq", 0.1), Decimal("0.1")) == "met"


def test_unknown_indicator_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no indicator 'nope' in document 'wuxi"):
        corpus().evaluate(WUXI, "nope", 1)
    with pytest.raises(KeyError, match="no indicator 'party-building-satisfaction-rate' in document 'nope'"):
        corpus().evaluate("nope", "party-building-satisfaction-rate", 1)


# --- the operators, on synthetic targets ---


def test_approx_is_ten_percent_either_side_by_default_bounds_included() -> None:
    indicator = target("approx", 300)
    assert Fraction(1, 10) == DEFAULT_TOLERANCE
    assert [status(indicator, x) for x in (269, 270, 300, 330, 331)] == [
        "not-met",
        "met",
        "met",
        "met",
        "not-met",
    ]
    assert status(indicator, 320, tolerance="1/20") == "not-met"
    assert status(indicator, 315, tolerance=Fraction(1, 20)) == "met"
    assert evaluate("doc", indicator, 300).tolerance == Fraction(1, 10)
    assert "(±10%: 270 to 330)" in evaluate("doc", indicator, 300).reason


def test_range_includes_both_ends() -> None:
    indicator = target("range", 3, upper=7)
    assert [status(indicator, x) for x in (2, 3, 5, 7, 8)] == ["not-met", "met", "met", "met", "not-met"]


def test_eq_means_exactly() -> None:
    assert [status(target("eq", 20), x) for x in (19, 20, 25)] == ["not-met", "met", "not-met"]


@pytest.mark.parametrize(
    ("deadline", "observed_in", "on_time"),
    [
        ("2010", 2010, True),
        ("2010", "2010-12-31", True),
        ("2010", 2011, False),
        ("2010", "2011-01-01", False),
        ("2010-06-30", 2010, None),  # the year straddles the day: cannot tell
        ("2010-06-30", "2010-06", True),  # June ends on the day
        ("2010-06-15", "2010-06", None),
        ("2010-06-30", "2010-05", True),
        ("2010-06", "2010-07-01", False),
        ("2010-02", "2010-02-28", True),
    ],
)
def test_on_time_compares_the_periods(deadline: str, observed_in: int | str, on_time: bool | None) -> None:
    assert evaluate("doc", target("ge", 1, deadline=deadline), 1, observed_in=observed_in).on_time is on_time


@pytest.mark.parametrize(
    ("indicator", "observed", "options", "error"),
    [
        (target("ge", 1), True, {}, TypeError),
        (target("ge", 1), "lots", {}, ValueError),
        (target("ge", 1), float("nan"), {}, ValueError),
        (target("ge", 1), 1, {"observed_in": "2010/05"}, ValueError),
        (target("ge", 1), 1, {"observed_in": True}, ValueError),
        (target("approx", 1), 1, {"tolerance": -1}, ValueError),
        (target("ge", 1), 1, {"reference": 5}, ValueError),
    ],
)
def test_malformed_input_is_refused(
    indicator: Indicator, observed: Any, options: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        evaluate("doc", indicator, observed, **options)


def _id(value: object) -> str:
    """A test id; repr() of a huge int fails, which is the very hazard under test."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"int-of-{value.bit_length()}-bits"
    return repr(value)[:24]


@pytest.mark.parametrize(
    ("argument", "given", "error", "words"),
    [
        ("observed", "1/0", ValueError, "divides by zero"),
        ("observed", "1e999999999", ValueError, "too large"),  # Fraction() of it would never return
        ("observed", "abc", ValueError, "not a figure"),
        ("observed", "", ValueError, "not a figure"),
        ("observed", "0x1F", ValueError, "not a figure"),
        ("observed", "9" * 5001, ValueError, "too long"),
        ("observed", "1/" + "9" * 5000, ValueError, "too long"),
        ("observed", "1/" + "9" * 16, ValueError, "denominator of 16 digits"),
        ("observed", 10**5000, ValueError, "beyond ±10^15"),  # str() of it would fail
        ("observed", 10**15 + 1, ValueError, "beyond ±10^15"),
        ("observed", -1e16, ValueError, "beyond ±10^15"),
        ("observed", 1e-20, ValueError, "smaller than 10^-15"),
        ("observed", "1.0000000000000001", ValueError, "too precise"),
        ("observed", "1" + "0" * 5000 + "e-5000", ValueError, "too long"),  # Fraction() would fail
        ("observed", float("inf"), ValueError, "not a finite number"),
        ("observed", Decimal("NaN"), ValueError, "not a finite number"),
        ("observed", Decimal("1e999999999"), ValueError, "beyond ±10^15"),
        ("observed", Decimal("1." + "1" * 40), ValueError, "Decimal of more than 30 digits"),
        ("observed", Fraction(1, 3**100), ValueError, "Fraction of more than 30 digits"),
        ("observed", None, TypeError, "not NoneType"),
        ("observed", [93], TypeError, "not list"),
        ("observed", False, TypeError, "not a bool"),
        ("tolerance", "1e999999999", ValueError, "too large"),
        ("tolerance", "1/0", ValueError, "divides by zero"),
        ("tolerance", float("nan"), ValueError, "not a finite number"),
        ("tolerance", True, TypeError, "not a bool"),
        ("reference", "1e999999999", ValueError, "too large"),
        ("reference", 10**16, ValueError, "beyond ±10^15"),
        ("reference", "", ValueError, "not a figure"),
        ("reference", True, TypeError, "not a bool"),
    ],
    ids=_id,
)
def test_figures_outside_the_bounds_are_refused_quickly_by_name(
    argument: str, given: Any, error: type[Exception], words: str
) -> None:
    indicator = target("approx", 300, reference="上年") if argument == "reference" else target("approx", 300)
    observed = given if argument == "observed" else 300
    options = {} if argument == "observed" else {argument: given}
    start = time.perf_counter()
    with pytest.raises(error, match=argument) as raised:
        evaluate("doc", indicator, observed, **options)
    assert words in str(raised.value)
    assert len(str(raised.value)) < 160  # never thousands of digits
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(
    "observed", [10**15, -(10**15), "1e15", "1e-15", Decimal("1E+15"), Fraction(10**15, 3), 0, "0e999999999"]
)
def test_figures_at_the_bounds_are_evaluated(observed: Any) -> None:
    assert evaluate("doc", target("ge", 1), observed).status in ("met", "not-met")


@pytest.mark.parametrize(
    ("observed_in", "words"),
    [
        ("2010-02-30", "not a date of the calendar"),
        ("2007-02-29", "not a date of the calendar"),
        ("2010-04-31", "not a date of the calendar"),
        ("0000", "not a date of the calendar"),
        ("2010-13", "a date is"),
        ("2010\n", "a date is"),
        (10**5000, "a date is"),
        (-2010, "a date is"),
        (2010.0, "a date is"),
    ],
    ids=_id,
)
def test_a_day_that_is_not_in_the_calendar_is_refused(observed_in: Any, words: str) -> None:
    with pytest.raises(ValueError, match="observed_in") as raised:
        evaluate("doc", target("ge", 1, deadline="2010"), 1, observed_in=observed_in)
    assert words in str(raised.value)


def test_leap_days_are_days() -> None:
    for day in ("2008-02-29", "2000-02-29", "2096-02-29"):
        assert evaluate("doc", target("ge", 1, deadline="2099"), 1, observed_in=day).on_time is True


def test_a_hand_made_indicator_with_an_impossible_deadline_is_refused() -> None:
    impossible = target("ge", 1).model_copy(update={"deadline": "2010-02-30"})
    with pytest.raises(ValueError, match="deadline: '2010-02-30' is not a date of the calendar"):
        evaluate("doc", impossible, 1, observed_in=2010)


def test_a_hand_made_indicator_beyond_the_bounds_is_refused() -> None:
    with pytest.raises(ValueError, match="value: figure 1e999999999 is too large"):
        evaluate("doc", unchecked(target("ge", 1), value="1e999999999"), 1)
    with pytest.raises(ValueError, match="upper: figure 1e999999999 is too large"):
        evaluate("doc", unchecked(target("range", 1, upper=2), upper="1e999999999"), 1)


def test_the_evaluation_names_the_document_and_the_indicator_it_was_given() -> None:
    result = evaluate("some-document", target("ge", 1), 2)
    assert (result.document, result.indicator) == ("some-document", "figure")


# --- properties that hold for all inputs ---


@given(fractions, fractions, fractions)
def test_ge_and_gt_are_monotone_upwards(threshold: Fraction, x: Fraction, y: Fraction) -> None:
    low, high = sorted((x, y))
    for operator in ("ge", "gt"):
        indicator = target(operator, f"{threshold.numerator}/{threshold.denominator}")
        if status(indicator, low) == "met":
            assert status(indicator, high) == "met"


@given(fractions, fractions, fractions)
def test_le_and_lt_are_monotone_downwards(threshold: Fraction, x: Fraction, y: Fraction) -> None:
    low, high = sorted((x, y))
    for operator in ("le", "lt"):
        indicator = target(operator, f"{threshold.numerator}/{threshold.denominator}")
        if status(indicator, high) == "met":
            assert status(indicator, low) == "met"


@given(fractions, fractions)
def test_strict_operators_differ_from_the_loose_ones_only_at_the_threshold(t: Fraction, x: Fraction) -> None:
    text = f"{t.numerator}/{t.denominator}"
    ge, gt = status(target("ge", text), x), status(target("gt", text), x)
    le, lt = status(target("le", text), x), status(target("lt", text), x)
    assert (ge == gt) == (x != t)
    assert (le == lt) == (x != t)
    assert (ge == "met") != (lt == "met")  # every figure is either at least t or below it


@given(fractions, fractions, fractions)
def test_range_is_inclusive(a: Fraction, b: Fraction, x: Fraction) -> None:
    low, high = sorted((a, b))
    indicator = target(
        "range", f"{low.numerator}/{low.denominator}", upper=f"{high.numerator}/{high.denominator}"
    )
    assert status(indicator, low) == "met"
    assert status(indicator, high) == "met"
    assert (status(indicator, x) == "met") == (low <= x <= high)


@given(fractions, fractions, st.fractions(min_value=0, max_value=1, max_denominator=100))
def test_approx_is_symmetric_and_exact(t: Fraction, delta: Fraction, tolerance: Fraction) -> None:
    indicator = target("approx", f"{t.numerator}/{t.denominator}")
    above, below = (
        status(indicator, t + delta, tolerance=tolerance),
        status(indicator, t - delta, tolerance=tolerance),
    )
    assert above == below
    assert (above == "met") == (abs(delta) <= tolerance * abs(t))


@given(fractions)
def test_an_exact_figure_reads_the_same_in_every_spelling(x: Fraction) -> None:
    indicator = target("eq", f"{x.numerator}/{x.denominator}")
    assert status(indicator, x) == "met"
    assert status(indicator, f"{x.numerator}/{x.denominator}") == "met"
    assert status(indicator, x + Fraction(1, 10**12)) == "not-met"


@given(st.integers(min_value=1990, max_value=2040), st.integers(min_value=1990, max_value=2040))
def test_once_late_always_late(deadline: int, year: int) -> None:
    indicator = target("ge", 1, deadline=str(deadline))
    on_time = evaluate("doc", indicator, 1, observed_in=year).on_time
    assert on_time is (year <= deadline)
