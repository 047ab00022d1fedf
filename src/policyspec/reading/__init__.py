"""The phrase reader: what a Chinese policy phrase states, read exactly and without guessing.

:func:`read_phrase` reads one quote (满意率达到90％以上: ge 90 percent); :func:`find_statements`
scans a whole source text and yields one :class:`Statement` per figure, recurrence, deadline,
start, period, placeholder or implied total — and per numeral that states no requirement (names,
ordinals, tiers, citations, headings), so that coverage can list those as exclusions. Derivation
rules compare what a spec encodes with what its quote states; coverage compares what the source
states with what the spec encodes.

>>> from policyspec.reading import read_phrase
>>> [(f.operator, f.value, f.unit) for f in read_phrase("每年轮训300名左右").figures]
[('approx', Fraction(300, 1), 'persons')]

The modules, one job each: ``numerals`` (digits and Chinese numerals to exact values), ``units``
(measure words), ``thresholds`` (以上, 不少于, ranges, 翻番), ``time`` (deadlines, starts, periods,
recurrences), ``totals`` (全部, 全覆盖), ``names`` (numerals that count nothing), ``statements``
(the scan) and ``values`` (what the reader returns). Names are resolved on first use, so that
importing this package costs nothing until a phrase is read.
"""

from __future__ import annotations

from policyspec._lazy import resolve

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from policyspec.reading.statements import find_statements, read_phrase
    from policyspec.reading.values import (
        EXCLUDABLE_KINDS,
        REQUIREMENT_KINDS,
        STATEMENT_KINDS,
        Dated,
        Figure,
        Name,
        Period,
        Reading,
        Recurrence,
        Statement,
        StatementKind,
    )

__all__ = [
    "EXCLUDABLE_KINDS",
    "REQUIREMENT_KINDS",
    "STATEMENT_KINDS",
    "Dated",
    "Figure",
    "Name",
    "Period",
    "Reading",
    "Recurrence",
    "Statement",
    "StatementKind",
    "find_statements",
    "read_phrase",
]

_HOME = {
    "find_statements": "policyspec.reading.statements",
    "read_phrase": "policyspec.reading.statements",
    **dict.fromkeys(
        (
            "EXCLUDABLE_KINDS",
            "REQUIREMENT_KINDS",
            "STATEMENT_KINDS",
            "Dated",
            "Figure",
            "Name",
            "Period",
            "Reading",
            "Recurrence",
            "Statement",
        ),
        "policyspec.reading.values",
    ),
}


def __getattr__(name: str) -> Any:
    return resolve(__name__, _HOME, globals(), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
