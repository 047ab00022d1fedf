"""What an indicator encodes must be what its quote says: the figure, the operator, the deadline,
the start and the recurrence, read from the quote by :mod:`policyspec.reading` and compared.

A quote proves more than its own presence. ``满意率达到90％以上`` encoded as 95 is flagged (PS219),
as ``eq`` (PS211), with a deadline the quote does not print (PS220) or without the 每年 it does
(PS221). Where an encoding legitimately goes beyond its quote it says so on the indicator —
``implied`` names the phrase of an implied total (PS222), ``inferred`` lists the fields and the
evidence quotes that state them — and the rule checks that declaration instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from policyspec.diagnostics import JsonPath
from policyspec.model.exact import exact, exact_text
from policyspec.reading.statements import read_phrase
from policyspec.reading.values import Figure, Reading
from policyspec.rules._base import Finding, RuleContext, emits

if TYPE_CHECKING:
    from policyspec.model.documents import Indicator
    from policyspec.reading.values import StatementKind

__all__ = [
    "INFER_HINT",
    "figure_is_stated",
    "implied_total_is_stated",
    "inferred",
    "listed",
    "operator_is_stated",
    "read_quote",
    "readings_for",
    "stated_indicators",
]

_FIGURE_KINDS: tuple[StatementKind, ...] = ("figure", "duration", "indefinite")


@lru_cache(maxsize=4096)
def read_quote(quote: str) -> Reading:
    """The reading of a quote; quotes repeat across indicators and runs, so readings are kept."""
    return read_phrase(quote)


def stated_indicators(context: RuleContext) -> Iterator[tuple[int, Indicator]]:
    """The indicators whose quote can be read: not one PS201 reports as missing from the source."""
    text = context.source_text
    for index, indicator in enumerate(context.document.indicators):
        if text is None or indicator.quote in text:
            yield index, indicator


def readings_for(indicator: Indicator, field: str) -> list[Reading]:
    """The quote's reading, and the evidence's when the indicator declares ``field`` inferred."""
    readings = [read_quote(indicator.quote)]
    if indicator.inferred is not None and field in indicator.inferred.fields:
        readings.extend(read_quote(quote) for quote in indicator.inferred.evidence)
    return readings


def _figures(readings: Iterable[Reading]) -> list[Figure]:
    return [s.reading for r in readings for s in r.of_kind(*_FIGURE_KINDS) if isinstance(s.reading, Figure)]


def _unit_fits(figure: Figure, unit: str | None) -> bool:
    """A figure's measure word allows the encoded unit (or says nothing the unit could contradict)."""
    if unit is None or (figure.unit is None and not figure.unit_choices):
        return True
    return unit == figure.unit or unit in figure.unit_choices


def _checks_figures(indicator: Indicator) -> bool:
    """Figures are read for indicators with a finite value, not implied totals or placeholders."""
    value = indicator.target.value
    if value is None or indicator.implied is not None or indicator.placeholder:
        return False
    return not isinstance(value, float) or math.isfinite(value)


def _matching(indicator: Indicator, figures: Sequence[Figure]) -> list[Figure]:
    value = indicator.target.value
    assert value is not None
    wanted = exact(value)
    return [f for f in figures if f.value == wanted and _unit_fits(f, indicator.target.unit)]


def _stated_figures(figures: Sequence[Figure]) -> str:
    if not figures:
        return "no figure"
    return ", ".join(sorted({_shown(f) for f in figures}))


def _shown(figure: Figure) -> str:
    value = "?" if figure.value is None else exact_text(figure.value)
    if figure.upper is not None:
        value += f"–{exact_text(figure.upper)}"
    return f"{value} {figure.unit or figure.measure_word or ''}".rstrip()


def listed(texts: Iterable[str]) -> str:
    return ", ".join(sorted(texts)) or "none"


def inferred(indicator: Indicator, field: str) -> bool:
    return indicator.inferred is not None and field in indicator.inferred.fields


INFER_HINT = (
    "encode what the quote states; if the source states it elsewhere, list '{field}' "
    "under inferred.fields with that quote as evidence"
)


@emits("PS219")
def figure_is_stated(context: RuleContext) -> Iterator[Finding]:
    """The value (and a range's upper bound) is a figure the quote states, in the encoded unit."""
    for index, indicator in stated_indicators(context):
        if not _checks_figures(indicator):
            continue
        figures = _figures(readings_for(indicator, "value"))
        matching = _matching(indicator, figures)
        path: JsonPath = ("indicators", index, "target", "value")
        if not matching:
            value = indicator.target.value
            assert value is not None
            where = "the quote or its evidence" if inferred(indicator, "value") else "the quote"
            implied = read_quote(indicator.quote).implied_totals
            hint = INFER_HINT.format(field="value")
            if implied and exact(value) == 100:
                phrase = indicator.quote[implied[0].start : implied[0].end]
                hint = f"the quote implies a total: declare `implied: {phrase}`"
            message = (
                f"value {exact_text(exact(value))} {indicator.target.unit or ''} is not a figure "
                f"{where} states (it states {_stated_figures(figures)})"
            )
            yield Finding("PS219", path, " ".join(message.split()), hint=hint)
            continue
        upper = indicator.target.upper
        if upper is None or inferred(indicator, "upper"):
            continue
        if not any(f.upper == exact(upper) for f in matching):
            uppers = (
                ", ".join(sorted({exact_text(f.upper) for f in matching if f.upper is not None})) or "none"
            )
            yield Finding(
                "PS219",
                ("indicators", index, "target", "upper"),
                f"upper {exact_text(exact(upper))} is not the upper bound the quote states ({uppers})",
                hint="a range N～M is value N, upper M, as printed",
            )


@emits("PS211")
def operator_is_stated(context: RuleContext) -> Iterator[Finding]:
    """The operator is the quote's reading of that figure, in both directions (以上 is ge; bare is eq)."""
    for index, indicator in stated_indicators(context):
        operator = indicator.target.operator
        if operator is None or inferred(indicator, "operator"):
            continue
        if indicator.placeholder:  # X轮: no value to match, but the phrase still reads an operator
            matching = [
                f for f in read_quote(indicator.quote).placeholders if _unit_fits(f, indicator.target.unit)
            ]
        elif _checks_figures(indicator):
            matching = _matching(indicator, _figures(readings_for(indicator, "value")))
        else:
            continue
        if not matching:
            continue  # PS219 reports the figure itself
        readings = {op for f in matching for op in (f.operator, *f.other_operators)}
        if operator in readings:
            continue
        phrase = ", ".join(sorted(readings))
        yield Finding(
            "PS211",
            ("indicators", index, "target", "operator"),
            f"operator {operator} disagrees with the quote, which reads {_shown(matching[0])} as {phrase}",
            hint="以上/不少于/至少 ge, 超过 gt, 以下/不超过/以内 le, 低于 lt, 左右/约 approx, N～M range, "
            "a bare figure eq",
        )


@emits("PS222")
def implied_total_is_stated(context: RuleContext) -> Iterator[Finding]:
    """An implied total names a phrase of its quote and is a share of 100 percent, eq."""
    for index, indicator in stated_indicators(context):
        phrase = indicator.implied
        if phrase is None:
            continue
        path: JsonPath = ("indicators", index, "implied")
        if phrase not in indicator.quote:
            yield Finding("PS222", path, f"implied phrase {phrase!r} is not in the indicator's quote")
            continue
        target = indicator.target
        value = target.value
        is_total = value is not None and not isinstance(value, str) and exact(value) == 100
        if not (is_total and target.operator == "eq" and target.unit == "percent"):
            yield Finding(
                "PS222",
                path,
                f"an implied total ({phrase}) is eq 100 percent, not {target.operator} {value} {target.unit}",
                hint="target: {operator: eq, value: 100, unit: percent}",
            )
