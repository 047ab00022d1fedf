"""Judging an observed figure against an indicator's target: met, not met or unknown, and on time.

The rules, all exact (numbers become :class:`fractions.Fraction`; a float by its decimal text,
as the specs' own floats are read):

- ``ge gt le lt``: the comparison the operator names; ``eq``: exactly equal, so a bare figure
  (建成20个) is not met by 25; ``range``: inclusive at both ends (3～7人 is met by 3 and by 7).
- ``approx`` (左右, 约): within a relative ``tolerance`` of the figure, by default
  :data:`DEFAULT_TOLERANCE` (±10%, inclusive: 300名左右 is met by 270 to 330); pass another.
- A relative threshold (``target.reference``, 不低于…的两倍) needs the reference quantity's value
  as ``reference=``; without it the status is unknown and the reason says so.
- A placeholder target (X轮) is unknown whatever is observed.
- A milestone (no figure: 2008年全面开通) is observed as ``True`` (reached) or ``False``.
- A trigger (列后3位…整改) is *met* when its condition holds, that is when the action is set off.

``on_time`` is separate from the status: ``True`` when the observation falls within the
deadline (``observed_in`` no later than the end of the deadline's period: 2010 for ``到2010年``),
``False`` when it falls after it (too late to show the target was reached in time), ``None``
when there is no deadline, no ``observed_in``, or the two periods overlap (2010 against
2010-06-30). A figure not met before the deadline says only that it was not met yet. With the
bundled corpus:

>>> import policyspec
>>> corpus = policyspec.load()
>>> wuxi = "wuxi-party-building-model-zone"
>>> result = corpus.evaluate(wuxi, "party-building-satisfaction-rate", 93, observed_in=2010)
>>> result.status, result.on_time, result.reason
('met', True, 'observed 93 percent; target ≥ 90 percent')
>>> corpus.evaluate(wuxi, "party-building-satisfaction-rate", "89.5", observed_in=2011).reason
'observed 89.5 percent; target ≥ 90 percent; observed in 2011, after the deadline 2010'
>>> corpus.evaluate("henan-2015-strict-party-governance", "village-secretary-allowance", 30000).reason
'unknown: reference needed (当地农民人均纯收入)'
>>> corpus.evaluate("henan-2015-strict-party-governance", "village-secretary-allowance", 30000,
...                 reference=12000).status
'met'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from policyspec.model.dates import DATE_SHAPE, period
from policyspec.model.documents import Indicator
from policyspec.model.exact import exact_text, excerpt, read_figure
from policyspec.model.target_text import target_text

__all__ = ["DEFAULT_TOLERANCE", "Evaluation", "Observed", "Status", "evaluate"]

Status = Literal["met", "not-met", "unknown"]
Observed = int | float | str | Fraction | Decimal | bool
"""A figure (in the indicator's unit: 93 for 93％) or, for a milestone, whether it was reached."""
FigureArgument = int | float | str | Fraction | Decimal
"""A figure a caller gives, read exactly by :func:`policyspec.model.exact.read_figure`."""

DEFAULT_TOLERANCE = Fraction(1, 10)
"""``approx`` is met within ±10% of the figure, bounds included."""


@dataclass(frozen=True)
class Evaluation:
    """The verdict on one observation; ``reason`` says in words how it was reached.

    ``threshold`` is the figure compared against after resolving a reference (2 × 12000 is
    24000), ``upper`` the top of a range, ``tolerance`` the relative one used for ``approx``.
    """

    document: str
    indicator: str
    status: Status
    on_time: bool | None
    reason: str
    observed: Fraction | bool
    threshold: Fraction | None = None
    upper: Fraction | None = None
    tolerance: Fraction | None = None

    @property
    def met_on_time(self) -> bool | None:
        """True only when met and on time; False when not met or late; None when undecided."""
        if self.status == "unknown":
            return None
        if self.status == "not-met" or self.on_time is False:
            return False
        return None if self.on_time is None else True


def _period(when: int | str, name: str) -> tuple[datetime.date, datetime.date]:
    """First and last day of a year, month or day written as an int year or 'YYYY[-MM[-DD]]'."""
    wrong = f"{name}: a date is 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (or an int year), not {excerpt(when)}"
    if isinstance(when, bool) or not isinstance(when, (int, str)):
        raise ValueError(wrong)
    if isinstance(when, int) and not 0 <= when <= 9999:  # and str() of a huge int would fail
        raise ValueError(wrong)
    text = str(when)
    if not DATE_SHAPE.fullmatch(text):
        raise ValueError(wrong)
    try:
        return period(text)
    except ValueError as error:  # 2010-02-30, or the year 0000
        raise ValueError(f"{name}: {text!r} is not a date of the calendar ({error})") from None


def _on_time(deadline: str | None, observed_in: int | str | None) -> bool | None:
    if observed_in is None:
        return None
    start, end = _period(observed_in, "observed_in")  # checked even without a deadline: typos show
    if deadline is None:
        return None
    due = _period(deadline, "deadline")[1]
    if end <= due:
        return True
    return False if start > due else None


def _compare(
    operator: str, observed: Fraction, threshold: Fraction, upper: Fraction | None, tol: Fraction
) -> bool:
    if operator == "range":
        assert upper is not None  # the rules require an upper bound on every range
        return threshold <= observed <= upper
    if operator == "approx":
        return abs(observed - threshold) <= tol * abs(threshold)
    checks = {
        "ge": observed >= threshold,
        "gt": observed > threshold,
        "le": observed <= threshold,
        "lt": observed < threshold,
        "eq": observed == threshold,
    }
    return checks[operator]


def evaluate(
    document: str,
    indicator: Indicator,
    observed: Observed,
    *,
    observed_in: int | str | None = None,
    reference: FigureArgument | None = None,
    tolerance: FigureArgument = DEFAULT_TOLERANCE,
) -> Evaluation:
    """Judge ``observed`` (in the indicator's unit) against the target of ``indicator``.

    ``document`` is the id of the indicator's document, which the :class:`Evaluation` names.
    Raises ``TypeError`` for a figure given to a milestone, a bool given to a figure or a value
    that is no number, and ``ValueError`` (naming the argument) for a malformed number, one
    beyond a figure's bounds (:func:`~policyspec.model.exact.read_figure`), a date that is not in
    the calendar, a negative tolerance, or a ``reference`` given to a target that has none.
    """
    target = indicator.target
    reference_name = target.reference.zh if target.reference is not None else None
    tol = read_figure(tolerance, "tolerance")
    if tol < 0:
        raise ValueError(f"tolerance must not be negative, got {tolerance!r}")
    if reference is not None and reference_name is None:
        raise ValueError(f"indicator '{indicator.id}' is not relative to a reference quantity")
    on_time = _on_time(indicator.deadline, observed_in)
    deadline = indicator.deadline
    late = "" if on_time is not False else f"; observed in {observed_in}, after the deadline {deadline}"

    def verdict(
        status: Status,
        reason: str,
        value: Fraction | bool,
        threshold: Fraction | None = None,
        upper: Fraction | None = None,
    ) -> Evaluation:
        if status == "met" and indicator.kind == "trigger":
            reason += "; a trigger: the action is set off"
        used = tol if target.operator == "approx" and threshold is not None else None
        return Evaluation(
            document, indicator.id, status, on_time, reason + late, value, threshold, upper, used
        )

    if target.operator is None:
        if not isinstance(observed, bool):
            raise TypeError(f"indicator '{indicator.id}' is a milestone: observe it as True or False")
        return verdict("met" if observed else "not-met", "reached" if observed else "not reached", observed)
    value = read_figure(observed, "observed")
    if target.value is None:
        return verdict("unknown", "unknown: the target is a placeholder in the source", value)
    if reference_name is not None and reference is None:
        return verdict("unknown", f"unknown: reference needed ({reference_name})", value)
    # Read like a caller's figures, not trusted: an Indicator made without validation may hold anything.
    figure = read_figure(target.value, "value")
    threshold = figure
    upper = None if target.upper is None else read_figure(target.upper, "upper")
    unit = target.unit
    context = ""
    if reference is not None:
        base = read_figure(reference, "reference")
        threshold, upper, unit = threshold * base, None if upper is None else upper * base, None
        context = f" ({exact_text(figure)} × {reference_name} {exact_text(base)})"
    shown_upper = None if upper is None else exact_text(upper)
    wanted = target_text(target.operator, exact_text(threshold), shown_upper, unit)
    if target.operator == "approx":
        low, high = threshold - tol * abs(threshold), threshold + tol * abs(threshold)
        context += f" (±{exact_text(tol * 100)}%: {exact_text(low)} to {exact_text(high)})"
    met = _compare(target.operator, value, threshold, upper, tol)
    observed_text = f"{exact_text(value)} {unit}" if unit else exact_text(value)
    reason = f"observed {observed_text}; target {wanted}{context}"
    return verdict("met" if met else "not-met", reason, value, threshold, upper)
