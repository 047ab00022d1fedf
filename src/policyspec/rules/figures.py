"""The figures of indicators make sense on their own: bounds, units, ranges and placeholders."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from policyspec.model.exact import exact
from policyspec.rules._base import Finding, RuleContext, emits

if TYPE_CHECKING:
    from policyspec.model.documents import Indicator

__all__ = [
    "figure_has_unit",
    "figures_are_finite",
    "milestone_dated",
    "no_negative_values",
    "percent_in_range",
    "placeholder_consistent",
    "range_bounds",
]

_PLACEHOLDER_MARK = re.compile(r"[XxＸｘ×]")


def _indicators(context: RuleContext) -> Iterator[tuple[int, Indicator]]:
    return iter(enumerate(context.document.indicators))


def _finite(number: int | float | str | None) -> bool:
    return not (isinstance(number, float) and not math.isfinite(number))


def _figures(indicator: Indicator) -> Iterator[tuple[str, int | float | str]]:
    """The indicator's finite value and upper bound, by name (rule PS215 reports the others)."""
    for name in ("value", "upper"):
        number = getattr(indicator.target, name)
        if number is not None and _finite(number):
            yield name, number


@emits("PS215")
def figures_are_finite(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in _indicators(context):
        for name in ("value", "upper"):
            number = getattr(indicator.target, name)
            if not _finite(number):
                yield Finding(
                    "PS215",
                    ("indicators", index, "target", name),
                    f"{name} {number} is not a finite number",
                    hint="write the figure the source gives; a figure the source leaves out is a placeholder",
                )


@emits("PS206")
def percent_in_range(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in _indicators(context):
        target = indicator.target
        if target.unit != "percent" or target.reference is not None:
            continue
        for name, number in _figures(indicator):
            if not 0 <= exact(number) <= 100:
                yield Finding(
                    "PS206",
                    ("indicators", index, "target", name),
                    f"{number}% is not a share between 0 and 100",
                    hint="percentages are written as the source writes them: 90％ is 90",
                )


@emits("PS207")
def no_negative_values(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in _indicators(context):
        for name, number in _figures(indicator):
            if exact(number) < 0 and indicator.target.unit != "percent":
                yield Finding(
                    "PS207",
                    ("indicators", index, "target", name),
                    f"negative {name} {number}",
                    hint="counts, durations and amounts are not negative; a fall is an 'le' or 'lt' bound",
                )


@emits("PS208")
def range_bounds(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in _indicators(context):
        target = indicator.target
        path = ("indicators", index, "target")
        if target.operator == "range":
            if target.upper is None and not indicator.placeholder:
                yield Finding(
                    "PS208",
                    (*path, "operator"),
                    "a range needs an upper bound",
                    hint="1－3名: value 1, upper 3",
                )
            elif len(bounds := dict(_figures(indicator))) == 2 and exact(bounds["upper"]) <= exact(
                bounds["value"]
            ):
                yield Finding(
                    "PS208",
                    (*path, "upper"),
                    f"range bounds reversed or equal: {target.value}–{target.upper}",
                    hint="value is the lower bound, upper the higher one",
                )
        elif target.upper is not None:
            yield Finding(
                "PS208",
                (*path, "upper"),
                f"upper bound given for operator '{target.operator}'",
                hint="only 'range' takes an upper bound: use operator range, or drop upper",
            )


@emits("PS210")
def placeholder_consistent(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in _indicators(context):
        target = indicator.target
        path = ("indicators", index)
        if indicator.placeholder:
            if target.value is not None:
                yield Finding(
                    "PS210",
                    (*path, "target", "value"),
                    "a placeholder has no known value, but a value is given",
                    hint="leave value out: the source does not say it, and it is never guessed",
                )
            if not _PLACEHOLDER_MARK.search(indicator.quote):
                yield Finding(
                    "PS210",
                    (*path, "placeholder"),
                    "flagged as placeholder, but the quote shows no placeholder (X)",
                    hint="quote the phrase with the placeholder, or set placeholder: false",
                )
        elif target.operator is not None and target.value is None:
            yield Finding(
                "PS210",
                (*path, "target"),
                f"operator '{target.operator}' with no value, and not flagged as placeholder",
                hint="give the figure, or set placeholder: true if the source leaves it as X",
            )


@emits("PS213")
def figure_has_unit(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in _indicators(context):
        target = indicator.target
        path = ("indicators", index, "target")
        if (target.value is not None or indicator.placeholder) and target.unit is None:
            yield Finding(
                "PS213",
                path,
                "a figure without a unit",
                hint="choose a unit from the vocabulary (times, persons, percent, ...)",
            )
        if target.operator is None and (target.value is not None or target.unit is not None):
            yield Finding(
                "PS213",
                path,
                "a value or unit without an operator",
                hint="a bare figure is operator 'eq'; a milestone has no target at all",
            )


@emits("PS214")
def milestone_dated(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in _indicators(context):
        dated = indicator.deadline is not None or indicator.start is not None
        if (
            indicator.target.operator is None
            and not dated
            and indicator.per is None
            and not indicator.per_term
        ):
            yield Finding(
                "PS214",
                ("indicators", index),
                "a milestone with neither a deadline, a start nor a recurrence",
                hint="give the year it is due or starts, or encode it as a measure rather than an indicator",
            )
