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

import calendar
import datetime
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Literal

from policyspec.api.compare import target_text
from policyspec.api.records import IndicatorRecord
from policyspec.model.bounds import MAX_DIGITS, fraction_problem, magnitude_problem, number_problem

__all__ = ["DEFAULT_TOLERANCE", "Evaluation", "Observed", "Status", "as_exact", "evaluate", "find_record"]

Status = Literal["met", "not-met", "unknown"]
Observed = int | float | str | Fraction | Decimal | bool
"""A figure (in the indicator's unit: 93 for 93％) or, for a milestone, whether it was reached."""

DEFAULT_TOLERANCE = Fraction(1, 10)
"""``approx`` is met within ±10% of the figure, bounds included."""

_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
_FIGURE_TEXT = re.compile(
    r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"  # 89.5, 1e3, .5
    r"|-?[0-9]+/[0-9]+"  # 1/3
)
# A Fraction or Decimal made in Python may carry more digits than a spec writes (a figure plus a
# small offset); twice a figure's keeps their arithmetic and text quick.
_PART_DIGITS = 2 * MAX_DIGITS
_TEXT_LENGTH = 64  # 15 digits, sign, point, exponent and zeros to spare: longer text is no figure


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


def as_exact(value: int | float | str | Fraction | Decimal, name: str = "figure") -> Fraction:
    """The exact number of an observation or tolerance; floats by their decimal text (0.1 is 1/10).

    A figure must lie within the bounds of :mod:`policyspec.model.bounds` (text as a spec writes
    it, at most 15 significant digits); anything else raises ``ValueError`` naming ``name``, and
    quickly: text is judged before it is converted. A bool or another type is a ``TypeError``.

    >>> as_exact(0.1), as_exact("1/3"), as_exact("89.5")
    (Fraction(1, 10), Fraction(1, 3), Fraction(179, 2))
    """
    if isinstance(value, bool):
        raise TypeError(f"{name}: a figure is needed, not a bool (bools observe milestones)")
    if isinstance(value, str):
        number = _from_text(value, name)
    elif isinstance(value, int):
        number = Fraction(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{name}: not a finite number: {value!r}")
        number = Fraction(repr(value))
    elif isinstance(value, Decimal):
        number = _from_decimal(value, name)
    elif isinstance(value, Fraction):
        if max(abs(value.numerator), value.denominator) >= 10**_PART_DIGITS:
            raise ValueError(f"{name}: a Fraction of more than {_PART_DIGITS} digits above or below the line")
        number = value
    else:
        kinds = "an int, float, str, Fraction or Decimal"
        raise TypeError(f"{name}: a figure is {kinds}, not {type(value).__name__}")
    problem = magnitude_problem(number)
    if problem is not None:
        raise ValueError(f"{name}: {_excerpt(value)} is out of bounds: {problem}")
    return number


def _from_text(text: str, name: str) -> Fraction:
    """Judge the text before ``Fraction`` sees it: ``Fraction("1e999999999")`` would never return."""
    text = text.strip()
    if len(text) > _TEXT_LENGTH:
        raise ValueError(f"{name}: {_excerpt(text)} is too long to be a figure")
    if not _FIGURE_TEXT.fullmatch(text):
        raise ValueError(f"{name}: {_excerpt(text)} is not a figure (write it as 93, 89.5, 1e3 or 1/3)")
    problem = number_problem(text) or fraction_problem(text)
    if problem is not None:
        raise ValueError(f"{name}: {problem}")
    numerator, slash, denominator = text.partition("/")
    if slash and not denominator.strip("0"):
        raise ValueError(f"{name}: {text!r} divides by zero")
    if not slash and not numerator.partition("e")[0].partition("E")[0].strip("+-.0"):
        return Fraction(0)  # whatever its exponent: Fraction("0e999999999") builds 10^999999999 first
    return Fraction(text)


def _from_decimal(value: Decimal, name: str) -> Fraction:
    """Judge the exponent first: ``Decimal("1e999999999")`` is cheap, its Fraction is not."""
    if not value.is_finite():
        raise ValueError(f"{name}: not a finite number: {value!r}")
    if not value:
        return Fraction(0)
    if not -_PART_DIGITS <= value.adjusted() <= _PART_DIGITS:
        bound = "beyond ±10^15" if value.adjusted() > 0 else "not zero but smaller than 10^-15"
        raise ValueError(f"{name}: {_excerpt(value)} is out of bounds: it is {bound}")
    if len(value.as_tuple().digits) > _PART_DIGITS:
        raise ValueError(f"{name}: a Decimal of more than {_PART_DIGITS} digits")
    return Fraction(value)


def _excerpt(value: object) -> str:
    """A value as a message shows it: never thousands of digits (nor str() of a huge int, which fails)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return f"an int of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:12]}…{text[-6:]} ({len(text)} characters)"


def _period(when: int | str, name: str) -> tuple[datetime.date, datetime.date]:
    """First and last day of a year, month or day written as an int year or 'YYYY[-MM[-DD]]'."""
    wrong = f"{name}: a date is 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (or an int year), not {_excerpt(when)}"
    if isinstance(when, bool) or not isinstance(when, (int, str)):
        raise ValueError(wrong)
    if isinstance(when, int) and not 0 <= when <= 9999:  # and str() of a huge int would fail
        raise ValueError(wrong)
    text = str(when)
    if not _DATE.fullmatch(text):
        raise ValueError(wrong)
    parts = [int(part) for part in text.split("-")]
    try:
        if len(parts) == 1:
            return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return datetime.date(parts[0], parts[1], 1), datetime.date(parts[0], parts[1], last)
        day = datetime.date(parts[0], parts[1], parts[2])
    except ValueError as error:  # 2010-02-30, or the year 0000
        raise ValueError(f"{name}: {text!r} is not a date of the calendar ({error})") from None
    return day, day


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
    record: IndicatorRecord,
    observed: Observed,
    *,
    observed_in: int | str | None = None,
    reference: int | float | str | Fraction | Decimal | None = None,
    tolerance: int | float | str | Fraction | Decimal = DEFAULT_TOLERANCE,
) -> Evaluation:
    """Judge ``observed`` (in the indicator's unit) against the target of ``record``.

    Raises ``TypeError`` for a figure given to a milestone, a bool given to a figure or a value
    that is no number, and ``ValueError`` (naming the argument) for a malformed number, one
    beyond a figure's bounds (:func:`as_exact`), a date that is not in the calendar, a negative
    tolerance, or a ``reference`` given to a target that has none.
    """
    tol = as_exact(tolerance, "tolerance")
    if tol < 0:
        raise ValueError(f"tolerance must not be negative, got {tolerance!r}")
    if reference is not None and record.reference_zh is None:
        raise ValueError(f"indicator '{record.id}' is not relative to a reference quantity")
    on_time = _on_time(record.deadline, observed_in)
    late = (
        "" if on_time is not False else f"; observed in {observed_in}, after the deadline {record.deadline}"
    )

    def verdict(
        status: Status,
        reason: str,
        value: Fraction | bool,
        threshold: Fraction | None = None,
        upper: Fraction | None = None,
    ) -> Evaluation:
        if status == "met" and record.kind == "trigger":
            reason += "; a trigger: the action is set off"
        used = tol if record.operator == "approx" and threshold is not None else None
        return Evaluation(
            record.document, record.id, status, on_time, reason + late, value, threshold, upper, used
        )

    if record.operator is None:
        if not isinstance(observed, bool):
            raise TypeError(f"indicator '{record.id}' is a milestone: observe it as True or False")
        return verdict("met" if observed else "not-met", "reached" if observed else "not reached", observed)
    value = as_exact(observed, "observed")
    if record.value is None:
        return verdict("unknown", "unknown: the target is a placeholder in the source", value)
    if record.reference_zh is not None and reference is None:
        return verdict("unknown", f"unknown: reference needed ({record.reference_zh})", value)
    threshold = as_exact(record.value, "value")
    upper = None if record.upper is None else as_exact(record.upper, "upper")
    unit = record.unit
    context = ""
    if reference is not None:
        base = as_exact(reference, "reference")
        threshold, upper, unit = threshold * base, None if upper is None else upper * base, None
        context = f" ({_shown(as_exact(record.value, 'value'))} × {record.reference_zh} {_shown(base)})"
    target = target_text(record.operator, _shown(threshold), None if upper is None else _shown(upper), unit)
    if record.operator == "approx":
        low, high = threshold - tol * abs(threshold), threshold + tol * abs(threshold)
        context += f" (±{_shown(tol * 100)}%: {_shown(low)} to {_shown(high)})"
    met = _compare(record.operator, value, threshold, upper, tol)
    observed_text = f"{_shown(value)} {unit}" if unit else _shown(value)
    reason = f"observed {observed_text}; target {target}{context}"
    return verdict("met" if met else "not-met", reason, value, threshold, upper)


def _shown(number: Fraction) -> str:
    """Exact text: a decimal when the number has one (89.5, 0.34), else the fraction (1/3)."""
    denominator = number.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{number.numerator}/{number.denominator}"
    digits = len(str(number.numerator)) + 4 * len(str(number.denominator)) + 4  # enough to be exact
    with localcontext() as context:
        context.prec = digits
        return format(Decimal(number.numerator) / Decimal(number.denominator), "f")


def find_record(records: Iterable[IndicatorRecord], document: str, indicator: str) -> IndicatorRecord:
    """The record of one indicator, by document id and indicator id; ``KeyError`` if there is none."""
    for record in records:
        if record.document == document and record.id == indicator:
            return record
    raise KeyError(f"no indicator '{indicator}' in document '{document}'")
