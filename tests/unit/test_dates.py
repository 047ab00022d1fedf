"""Dates of a spec: the days a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' spans, and when a deadline falls due."""

from __future__ import annotations

import datetime
import doctest
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.model import dates as dates_module
from policyspec.model.dates import DATE_PATTERN, DATE_SHAPE, period, period_end, year_of

years = st.integers(1900, 2099)
months = st.integers(1, 12)


def test_the_examples_in_the_docstrings_pass() -> None:
    result = doctest.testmod(dates_module)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("deadline", "due"),
    [
        ("2010", datetime.date(2010, 12, 31)),
        ("2010-06", datetime.date(2010, 6, 30)),
        ("2010-07", datetime.date(2010, 7, 31)),
        ("2010-02", datetime.date(2010, 2, 28)),
        ("2008-02", datetime.date(2008, 2, 29)),  # a leap year
        ("2000-02", datetime.date(2000, 2, 29)),  # divisible by 400: a leap year
        ("1900-02", datetime.date(1900, 2, 28)),  # divisible by 100 only: not one
        ("2010-06-15", datetime.date(2010, 6, 15)),
    ],
)
def test_a_deadline_falls_due_on_the_last_day_of_its_period(deadline: str, due: datetime.date) -> None:
    assert period_end(deadline) == due


@given(years)
def test_a_year_is_the_first_of_january_to_the_thirty_first_of_december(year: int) -> None:
    assert period(f"{year}") == (datetime.date(year, 1, 1), datetime.date(year, 12, 31))


@given(years, months)
def test_a_month_ends_on_the_eve_of_the_next_month(year: int, month: int) -> None:
    first, last = period(f"{year}-{month:02d}")
    assert first == datetime.date(year, month, 1)
    after = last + datetime.timedelta(days=1)
    assert (after.day, after.month) == (1, month % 12 + 1)


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)))
def test_a_day_is_its_own_period_and_lies_within_its_month_and_year(day: datetime.date) -> None:
    text = day.isoformat()
    assert period(text) == (day, day)
    for wider in (text[:7], text[:4]):
        first, last = period(wider)
        assert first <= day <= last
    assert year_of(text) == day.year


@given(years, months, st.integers(1, 31))
def test_the_spec_pattern_admits_exactly_the_days_of_the_calendar(year: int, month: int, day: int) -> None:
    text = f"{year}-{month:02d}-{day:02d}"
    try:
        period(text)
    except ValueError:
        exists = False
    else:
        exists = True
    assert (re.fullmatch(DATE_PATTERN, text) is not None) == exists


@pytest.mark.parametrize("text", ["2010-02-30", "2007-02-29", "2010-04-31", "0000", "0000-01"])
def test_a_day_the_calendar_lacks_is_refused(text: str) -> None:
    assert DATE_SHAPE.fullmatch(text)
    with pytest.raises(ValueError, match="out of range"):
        period(text)


@pytest.mark.parametrize("text", ["2010-13", "2010/05", "2010\n", "10", "2010-6", "", "２０１０"])
def test_text_not_written_as_a_date_is_refused(text: str) -> None:
    assert not DATE_SHAPE.fullmatch(text)
    with pytest.raises(ValueError, match="is not a date written"):
        period(text)
