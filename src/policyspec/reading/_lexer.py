"""The scanner's one pattern: every phrase the reader knows, tried in order at each position.

Order is meaning. At one position the first alternative that matches wins and the scan goes on
after it, so the more specific reading comes first: 到2010年 is a deadline before 2010 can be a
figure, 一律 an implied total and 一是 an ordinal before 一 can be a count, 两年一次 a recurrence
before 两年 is a duration. Each alternative is wrapped in a group named ``t_<token>``, which is
what the scanner dispatches on; a figure that begins a run of digits always matches, so no run
is ever scanned twice from a later position and the scan stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policyspec.reading.names import (
    CITED_NUMBER,
    HEADING,
    IDENTIFIER,
    INDEFINITE,
    NAME_WORD,
    NOT_A_FIGURE,
    ORDINAL,
)
from policyspec.reading.numerals import NUMERAL, UPPER_NUMERAL
from policyspec.reading.thresholds import PREFIX_OPERATOR, RANGE_DASH, RELATIVE, SUFFIX_OPERATOR
from policyspec.reading.time import DATE, DATE_STAMP, PERIODIC, PLAN_PERIOD, RECURRENCE, YEAR_SPAN
from policyspec.reading.totals import IMPLIED_TOTAL
from policyspec.reading.units import MEASURE_WORD

__all__ = ["FIGURE", "TOKEN", "TOKEN_START", "tokens"]

FIGURE = (
    f"(?P<fig_value>{NUMERAL})(?P<fig_more>(?<=[0-9０-９十百千万亿])[多余])?"
    f"(?:{RANGE_DASH}(?P<fig_upper>{UPPER_NUMERAL}))?"
    f"(?P<fig_word>{MEASURE_WORD})?(?P<fig_half>(?<=年|月|天|时)半)?(?P<fig_suffix>{SUFFIX_OPERATOR})?"
)
"""A numeral, 多/余, a range's upper end, the measure word, 半 (一年半) and a threshold word after.

The upper end of a range is a plain numeral (3～7人, 两到三年): a shorter pattern than the first
figure's, because compiling the scanner's pattern is most of what importing the reader costs.
"""

_ALTERNATIVES = (
    ("heading", HEADING),
    ("cited_number", CITED_NUMBER),
    ("open_quote", "“"),
    ("close_quote", "”"),
    ("open_title", "《"),
    ("close_title", "》"),
    ("stamp", DATE_STAMP),
    ("span", YEAR_SPAN),
    ("date", DATE),
    ("plan", PLAN_PERIOD),
    ("recurrence", RECURRENCE),
    ("periodic", PERIODIC),
    ("identifier", IDENTIFIER),
    ("not_a_figure", NOT_A_FIGURE),
    ("ordinal", ORDINAL),
    ("name_word", NAME_WORD),
    ("indefinite", INDEFINITE),
    ("implied_total", IMPLIED_TOTAL),
    ("relative", f"(?P<relative>{RELATIVE})"),
    ("prefix", f"(?P<prefix>{PREFIX_OPERATOR})"),
    ("figure", FIGURE),
)

TOKEN = re.compile("|".join(f"(?P<t_{name}>{pattern})" for name, pattern in _ALTERNATIVES), re.MULTILINE)
"""Every phrase the reader knows; ``match.lastgroup`` is ``t_`` and the token's name."""

TOKEN_START = re.compile(
    "[0-912A-ZX\\\t\\ \\(\\[_a-z×“”①-⑳○\u3000〇《》〔"
    "一七万三不两九二于五从低全八六几凡到前十千半四在多大定小少届年截所最每百第约翻自至超零高（０-９１２Ｘ［]"
)
"""Every character a token can begin with, as :func:`policyspec.reading._first.first_characters`
derives it from :data:`TOKEN` (a test keeps the two equal; after changing a token, paste what it
prints). Committed rather than derived at import: parsing the pattern again would cost start-up."""


def tokens(text: str) -> Iterator[re.Match[str]]:
    """The matches ``TOKEN.finditer(text)`` gives, found by trying the pattern only where a token
    can begin: most characters of a text begin none."""
    search, match = TOKEN_START.search, TOKEN.match
    position = 0
    while (candidate := search(text, position)) is not None:
        start = candidate.start()
        found = match(text, start)
        if found is None:
            position = start + 1
            continue
        yield found
        position = found.end()  # no token is empty (first_characters would have said so)
