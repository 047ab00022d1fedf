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

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    # What type checkers see: every public name, re-exported explicitly; at run time they come
    # from __getattr__ below, which type checkers do not see (a misspelt name is their error).
    from policyspec.reading.statements import find_statements as find_statements
    from policyspec.reading.statements import read_phrase as read_phrase
    from policyspec.reading.values import EXCLUDABLE_KINDS as EXCLUDABLE_KINDS
    from policyspec.reading.values import REQUIREMENT_KINDS as REQUIREMENT_KINDS
    from policyspec.reading.values import STATEMENT_KINDS as STATEMENT_KINDS
    from policyspec.reading.values import Dated as Dated
    from policyspec.reading.values import Figure as Figure
    from policyspec.reading.values import Name as Name
    from policyspec.reading.values import Period as Period
    from policyspec.reading.values import Reading as Reading
    from policyspec.reading.values import Recurrence as Recurrence
    from policyspec.reading.values import Statement as Statement

    # For annotations only: the alias exists for type checkers alone (values.py defines it under
    # TYPE_CHECKING), so it is not in __all__, which names what an import finds at run time.
    from policyspec.reading.values import StatementKind as StatementKind

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


if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        return resolve(__name__, _HOME, globals(), name)

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
