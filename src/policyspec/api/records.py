"""The flat indicator view: one plain record per indicator, ready for JSON Lines, CSV or pandas.

A view for output only: the API computes on the typed model (:mod:`policyspec.model.documents`)
and flattens at the end, for ``policyspec indicators`` and the release tables.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from policyspec.model.documents import Document, Indicator
from policyspec.model.exact import JsonNumber, json_number

__all__ = ["IndicatorRecord", "indicator_record", "indicator_records"]


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
    value: JsonNumber | None
    upper: JsonNumber | None
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


def indicator_record(document: Document, indicator: Indicator) -> IndicatorRecord:
    """The flat view of one indicator of the document."""
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
    """The flat view of every indicator of the document, in its order."""
    return [indicator_record(document, indicator) for indicator in document.indicators]
