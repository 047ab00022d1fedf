"""Dates as specs write them ('YYYY', 'YYYY-MM', 'YYYY-MM-DD'), the calendar's edges drawn often.

``DATES`` exist: month ends, 29 February of leap years (2000 is one, 1900 is not), the first
and last years allowed. ``IMPOSSIBLE_DATES`` look like dates but name no day of the calendar.
"""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import strategies as st

__all__ = ["DATES", "IMPOSSIBLE_DATES", "dates_in"]

FIRST_YEAR, LAST_YEAR = 1900, 2099


def _month_ends(year: int) -> list[str]:
    return [f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}" for month in range(1, 13)]


def dates_in(first: int, last: int) -> st.SearchStrategy[str]:
    """A date of the years ``first`` to ``last``, as precise as a source may be."""
    day = st.dates(date(first, 1, 1), date(last, 12, 31)).map(date.isoformat)
    years = range(first, last + 1)
    edges = [edge for year in years for edge in _month_ends(year)]
    edges += [f"{year}-02-29" for year in years if calendar.isleap(year)]
    edges += [f"{year}-02-28" for year in years]
    return st.one_of(
        st.integers(first, last).map(str),
        day.map(lambda d: d[:7]),
        day,
        st.sampled_from(edges),
    )


DATES = dates_in(FIRST_YEAR, LAST_YEAR) | st.sampled_from(
    ["1900", "1900-02-28", "2000-02-29", "2004-02-29", "2096-02-29", "2099-12-31", "1900-01-01"]
)

IMPOSSIBLE_DATES = st.sampled_from(
    [
        "2010-02-30",
        "2010-02-31",
        "2007-02-29",
        "1900-02-29",
        "2100-02-29",
        "2010-04-31",
        "2010-06-31",
        "2010-09-31",
        "2010-11-31",
        "2010-00",
        "2010-13",
        "2010-01-00",
        "2010-01-32",
        "1899-12-31",
        "2100",
        "2100-01-01",
    ]
) | st.builds(
    lambda year, month: f"{year}-{month:02d}-31",
    st.integers(FIRST_YEAR, LAST_YEAR),
    st.sampled_from([4, 6, 9, 11]),
)
