"""The flat indicator view: one plain record per indicator, ready for JSON Lines, CSV or pandas."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction

from policyspec.model.documents import Document, Indicator, exact

__all__ = ["IndicatorRecord", "indicator_records", "json_number"]

Number = int | float | str


def json_number(value: int | float | str | None) -> Number | None:
    """A JSON number when a float holds the value exactly, else the exact fraction 'p/q'."""
    if value is None or isinstance(value, (int, float)):
        return value
    fraction = Fraction(value)
    if fraction.denominator == 1:
        return fraction.numerator
    denominator = fraction.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1 and exact(float(fraction)) == fraction:
        return float(fraction)  # 1/4 is 0.25; a float whose shortest text differs stays a fraction
    return f"{fraction.numerator}/{fraction.denominator}"


@dataclass(frozen=True)
class IndicatorRecord:
    """One indicator with its document's id; every field is a JSON scalar or a list of strings."""

    document: str
    id: str
    quote: str
    measured_zh: str
    measured_en: str
    kind: str
    operator: str | None
    value: Number | None
    upper: Number | None
    unit: str | None
    reference_zh: str | None
    per: str | None
    per_term: bool
    deadline: str | None
    population_zh: str | None
    placeholder: bool
    commitment: str | None
    topics: list[str]
    lead_units: list[str]
    measure: str | None
    goal: str | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _record(document: Document, indicator: Indicator) -> IndicatorRecord:
    target = indicator.target
    return IndicatorRecord(
        document=document.id,
        id=indicator.id,
        quote=indicator.quote,
        measured_zh=indicator.measured.zh,
        measured_en=indicator.measured.en,
        kind=indicator.kind,
        operator=target.operator,
        value=json_number(target.value),
        upper=json_number(target.upper),
        unit=target.unit,
        reference_zh=target.reference.zh if target.reference else None,
        per=indicator.per,
        per_term=indicator.per_term,
        deadline=indicator.deadline,
        population_zh=indicator.population.zh if indicator.population else None,
        placeholder=indicator.placeholder,
        commitment=indicator.commitment,
        topics=list(indicator.topics),
        lead_units=[unit.zh for unit in indicator.lead_units],
        measure=indicator.measure,
        goal=indicator.goal,
    )


def indicator_records(document: Document) -> list[IndicatorRecord]:
    return [_record(document, indicator) for indicator in document.indicators]
