"""Dates as a spec writes them, 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', and the days they span.

A date is as precise as its source: ``2010`` (到2010年) names a whole year, and a deadline means
*by the end of* the period it names. So ``2010`` is due on 31 December 2010, ``2008-02`` on
29 February 2008 and ``2010-06-30`` on that day. The timeline orders deadlines, and ``evaluate``
judges an observation on time, by the same :func:`period`.

>>> period("2008-02")
(datetime.date(2008, 2, 1), datetime.date(2008, 2, 29))

Kept free of pydantic: the patterns are plain text the models and the schema take as they are.
"""

from __future__ import annotations

import calendar
import datetime
import re

__all__ = ["DATE_PATTERN", "DATE_SHAPE", "period", "period_end", "year_of"]

# Dates that exist, in one pattern without lookaround (the models' Rust regex engine has none, and
# the JSON Schema must say the same): each group of months with its days, and 29 February of the
# leap years from 1900 to 2099 (every fourth year; 1900 is not one, 2000 is).
_YEAR = r"(?:19|20)[0-9]{2}"
_LEAP_YEAR = r"(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26]))"
_MONTH_DAY = (
    r"(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"  # months of 31 days
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"  # months of 30 days
    r"|02-(?:0[1-9]|1[0-9]|2[0-8])"  # February, but its 29th
)
DATE_PATTERN = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])|-(?:{_MONTH_DAY}))?|{_LEAP_YEAR}-02-29)$"
"""A date of a spec: one that exists, in the years 1900 to 2099 (the models' and the schema's pattern)."""

DATE_SHAPE = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?")
"""How any date is written, whether or not the calendar has it (2010-02-30): use ``fullmatch``."""


def period(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and the last day of the year, month or day that ``text`` names.

    Raises ``ValueError`` for text that is not written 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or
    that names a day the calendar lacks (2010-02-30, the year 0000): the message is then
    :mod:`datetime`'s own.
    """
    if not DATE_SHAPE.fullmatch(text):
        raise ValueError(f"{text[:40]!r} is not a date written 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'")
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        first = datetime.date(parts[0], parts[1], 1)  # refuses the year 0000 before calendar is asked
        return first, first.replace(day=calendar.monthrange(parts[0], parts[1])[1])
    day = datetime.date(parts[0], parts[1], parts[2])
    return day, day


def period_end(text: str) -> datetime.date:
    """The day a deadline falls due: the last day of the period it names (see :func:`period`).

    >>> period_end("2010"), period_end("2010-06")
    (datetime.date(2010, 12, 31), datetime.date(2010, 6, 30))
    """
    return period(text)[1]


def year_of(text: str) -> int:
    """The year of a date written 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (no calendar check: it is cheap).

    >>> year_of("2010"), year_of("2008-06-30")
    (2010, 2008)
    """
    return int(text[:4])
