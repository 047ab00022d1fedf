"""The dates and the recurrence an indicator encodes are the ones its quote prints (PS220, PS221).

到2010年 is a deadline, 从2003年起 a start (never a deadline), 每年 a recurrence. An encoded one the
quote does not print is flagged, and so is one it prints that the encoding lacks — unless the
indicator declares the field ``inferred`` with evidence that prints it (a lead clause's 到2010年,
or a start and a duration: 从2003年起 … 用5年左右 gives 2007).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from policyspec.codes import CodeId
from policyspec.model.dates import period_end
from policyspec.reading.values import Reading
from policyspec.rules._base import Finding, RuleContext, emits
from policyspec.rules.derivation import (
    INFER_HINT,
    inferred,
    listed,
    read_quote,
    readings_for,
    stated_indicators,
)

if TYPE_CHECKING:
    from policyspec.model.documents import Indicator

__all__ = ["deadline_is_stated", "recurrence_is_stated"]


def _stated_dates(readings: Iterable[Reading], *, bare: bool = True) -> set[str]:
    """The days that deadlines, dated milestones and plan periods of the readings fall due."""
    days: set[str] = set()
    for reading in readings:
        days.update(str(period_end(d.iso)) for d in reading.deadlines)
        if bare:
            days.update(str(period_end(d.iso)) for d in reading.dates)
            days.update(str(period_end(str(p.last_year))) for p in reading.periods)
    return days


def _derived_years(readings: Sequence[Reading]) -> set[int]:
    """Years a start and a duration in years lead to (从2003年起 … 用5年: 2007 or 2008)."""
    starts = [d.year for r in readings for d in (*r.starts, *r.dates)]
    durations = [f.value for r in readings for f in r.durations if f.unit == "years" and f.value is not None]
    return {
        start + int(years) + shift
        for start in starts
        for years in durations
        for shift in (-1, 0)
        if years.denominator == 1
    }


@emits("PS220")
def deadline_is_stated(context: RuleContext) -> Iterator[Finding]:
    """The deadline and start are the ones the quote prints; one the quote prints is encoded."""
    for index, indicator in stated_indicators(context):
        quote_reading = read_quote(indicator.quote)
        deadline = indicator.deadline
        if deadline is not None:
            readings = readings_for(indicator, "deadline")
            stated = _stated_dates(readings)
            derived = _derived_years(readings) if inferred(indicator, "deadline") else set()
            if str(period_end(deadline)) not in stated and int(deadline[:4]) not in derived:
                where = "the quote or its evidence" if inferred(indicator, "deadline") else "the quote"
                shown = ", ".join(sorted(stated)) or "none"
                yield Finding(
                    "PS220",
                    ("indicators", index, "deadline"),
                    f"deadline {deadline} is not stated by {where} (dates stated: {shown})",
                    hint=INFER_HINT.format(field="deadline"),
                )
        elif inferred(indicator, "deadline"):
            yield _inferred_but_absent(index, "deadline", "PS220")
        elif lacking := _stated_deadline(indicator, quote_reading):
            text, due = lacking
            yield Finding(
                "PS220",
                ("indicators", index),
                f"the quote states a deadline ({text}) the indicator does not encode",
                hint=f'add deadline: "{due}"',
            )
        yield from _start_findings(index, indicator, quote_reading)


def _start_findings(index: int, indicator: Indicator, quote_reading: Reading) -> Iterator[Finding]:
    start = indicator.start
    if start is not None:
        readings = readings_for(indicator, "start")
        stated = {d.iso for r in readings for d in r.starts}
        if start not in stated and start[:4] not in {s[:4] for s in stated}:
            yield Finding(
                "PS220",
                ("indicators", index, "start"),
                f"start {start} is not stated by the quote (starts stated: {listed(stated)})",
                hint=INFER_HINT.format(field="start"),
            )
    elif inferred(indicator, "start"):
        yield _inferred_but_absent(index, "start", "PS220")
    elif quote_reading.starts:
        first = quote_reading.starts[0]
        yield Finding(
            "PS220",
            ("indicators", index),
            f"the quote states a start ({indicator.quote[first.start : first.end]}) the indicator lacks",
            hint=f'add start: "{first.iso}" (a start is not a deadline)',
        )


@emits("PS221")
def recurrence_is_stated(context: RuleContext) -> Iterator[Finding]:
    """The recurrence is the one the quote prints (每年 P1Y, 每届 per_term); one it prints is encoded."""
    for index, indicator in stated_indicators(context):
        readings = readings_for(indicator, "per")
        recurrences = [r for reading in readings for r in (*reading.recurrences, *reading.periodic)]
        if indicator.per is not None:
            if not any(r.every == indicator.per for r in recurrences):
                stated = ", ".join(sorted({r.every or "per term" for r in recurrences})) or "none"
                yield Finding(
                    "PS221",
                    ("indicators", index, "per"),
                    f"recurrence {indicator.per} is not stated by the quote (recurrences stated: {stated})",
                    hint="每年 P1Y, 每半年 P6M, 每季度 P3M, 每月 P1M, 每两年 P2Y; never a frequency "
                    "the source does not print",
                )
        elif inferred(indicator, "per") and not indicator.per_term:
            yield _inferred_but_absent(index, "per", "PS221")
        elif indicator.per_term:
            if not any(r.per_term for r in recurrences):
                yield Finding(
                    "PS221",
                    ("indicators", index, "per_term"),
                    "per_term is set but the quote states no recurrence per term (每届, 届中)",
                )
        else:
            strong = read_quote(indicator.quote).recurrences
            if strong:
                first = strong[0]
                shown = indicator.quote[first.start : first.end]
                fix = "per_term: true" if first.per_term else f"per: {first.every}"
                yield Finding(
                    "PS221",
                    ("indicators", index),
                    f"the quote states a recurrence ({shown}) the indicator does not encode",
                    hint=f"add {fix}",
                )


def _inferred_but_absent(index: int, field: str, code: CodeId) -> Finding:
    """An inferred field the indicator does not have: the declaration and the encoding disagree."""
    return Finding(
        code,
        ("indicators", index, "inferred", "fields"),
        f"inferred.fields lists {field}, but the indicator has no {field}",
        hint=f"give the {field} the evidence states, or take {field} out of inferred.fields",
    )


def _stated_deadline(indicator: Indicator, reading: Reading) -> tuple[str, str] | None:
    """A date the quote states for the indicator to meet: 到2010年, a dated milestone's 2008年，
    or its own plan's “十一五”期间 — none when the indicator has a start instead (从2003年起)."""
    if indicator.start is not None:
        return None
    quote = indicator.quote
    for dated in (*reading.deadlines, *reading.dates):
        return quote[dated.start : dated.end], dated.iso
    for period in reading.periods:
        return quote[period.start : period.end], str(period.last_year)
    return None
