"""The flat indicator view: one plain record per indicator, ready for JSON Lines, CSV or pandas.

A view for output only: the API computes on the typed model (:mod:`policyspec.model.documents`)
and flattens at the end, for ``policyspec indicators`` and the release tables. Records are frozen
and hashable (lists are kept as tuples); :meth:`IndicatorRecord.as_dict` gives the JSON shape,
lists and all, that the command line and the releases write.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from fractions import Fraction
from typing import Literal

from policyspec.model.documents import Document, Indicator
from policyspec.model.exact import JsonNumber, exact, json_number
from policyspec.model.reprs import reading, short_repr, timing
from policyspec.model.vocabulary import Commitment, Operator, Topic, Unit

__all__ = ["IndicatorRecord", "exact_figure", "indicator_record", "indicator_records"]


def exact_figure(figure: JsonNumber | None) -> Fraction | None:
    """A record's figure as the exact number it stands for (``"1/3"`` is ``Fraction(1, 3)``)."""
    return None if figure is None else exact(figure)


@dataclass(frozen=True, repr=False)
class IndicatorRecord:
    """One indicator with its document's id: every field a JSON scalar or a tuple of strings.

    ``value`` and ``upper`` are figures as JSON writes them: an int, a float whose text is exact,
    or the fraction ``'p/q'`` (三分之一 is ``"1/3"``); :attr:`exact_value` and :attr:`exact_upper`
    are the same figures as :class:`~fractions.Fraction`, to compute with.
    """

    document: str
    id: str
    quote: str
    measured_zh: str
    measured_en: str
    kind: Literal["target", "trigger"]
    operator: Operator | None
    value: JsonNumber | None
    upper: JsonNumber | None
    unit: Unit | None
    reference_zh: str | None
    per: str | None
    per_term: bool
    deadline: str | None
    population_zh: str | None
    placeholder: bool
    commitment: Commitment | None
    topics: tuple[Topic, ...]
    lead_units: tuple[str, ...]
    measure: str | None
    goal: str | None

    @property
    def exact_value(self) -> Fraction | None:
        """``value`` exactly: ``Fraction(1, 3)`` for ``"1/3"``; None for a milestone or a placeholder."""
        return exact_figure(self.value)

    @property
    def exact_upper(self) -> Fraction | None:
        """``upper`` exactly; None unless the target is a range."""
        return exact_figure(self.upper)

    def as_dict(self) -> dict[str, object]:
        """The fields by name, in order, tuples as lists: the JSON object of ``policyspec indicators``."""
        shape: dict[str, object] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            shape[field.name] = list(value) if isinstance(value, tuple) else value
        return shape

    def __repr__(self) -> str:
        """The document, the id, the target as people read it (``≥ 90 percent``), when it is due."""
        shown: list[tuple[str | None, object]] = [
            ("document", self.document),
            ("id", self.id),
            reading(self.operator, self.value, self.upper, self.unit, self.reference_zh),
        ]
        if self.kind != "target":
            shown.append(("kind", self.kind))
        return short_repr(type(self).__name__, [*shown, *timing(self.per, self.per_term, self.deadline)])


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
        topics=tuple(indicator.topics),
        lead_units=tuple(unit.zh for unit in indicator.lead_units),
        measure=indicator.measure,
        goal=indicator.goal,
    )


def indicator_records(document: Document) -> list[IndicatorRecord]:
    """The flat view of every indicator of the document, in its order."""
    return [indicator_record(document, indicator) for indicator in document.indicators]
