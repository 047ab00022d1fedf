"""Implied totals: 全部, 所有, 全覆盖, 一律, 凡…必须 state a share of 100 percent without a figure.

Conventions read an implied total attached to a requirement as ``eq 100 percent``, marked
implied. The reader reports each such word; whether it is attached to a requirement is for a
rule to decide. Words that only contain one are left alone: 所有制 (ownership), 平凡 (ordinary).
"""

from __future__ import annotations

from fractions import Fraction

from policyspec.reading.values import Figure

__all__ = ["IMPLIED_TOTAL", "implied_total"]

_WHOEVER_LOOK_AHEAD = 40  # characters: 凡 binds to a 必须/一律/都 of its own sentence
IMPLIED_TOTAL = (
    r"(?P<implied_total>全部|所有(?![制权者])|全覆盖|全面覆盖|一律|全员"
    rf"|(?<![平非超])凡(?:是)?(?=[^。；！？\n]{{1,{_WHOEVER_LOOK_AHEAD}}}?(?:必须|一律|都|均|应当|要)))"
)
"""全部, 所有, 全覆盖, 一律, 全员, and 凡(是) when its sentence goes on to 必须/一律/都/均/要."""


def implied_total(start: int, end: int) -> Figure:
    """The reading an implied total stands for: a share eq 100 percent, marked implied."""
    return Figure(start, end, Fraction(100), "eq", unit="percent", implied=True)
