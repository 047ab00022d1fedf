"""One topic across documents: the same kind of target side by side, one typed row per indicator.

Topics are the tags of :mod:`policyspec.model.vocabulary`; every indicator carrying the tag is a row,
in corpus order and then document order. With the bundled corpus:

>>> import policyspec
>>> corpus = policyspec.load()
>>> for row in corpus.compare("research-time"):
...     print(row.document, row.indicator, target_text(row.operator, row.value, row.upper, row.unit))
henan-2015-strict-party-governance leading-cadres-on-the-spot-research ≥ 2 times
hubei-2006-party-advancement provincial-leader-research-time ≥ 1 months
hubei-2006-party-advancement city-county-leader-research-time ≥ 2 months
wuxi-party-building-model-zone leader-study-research ≥ 1 times
wuxi-party-building-model-zone leader-research-reports ≥ 1 reports
wuxi-party-building-model-zone leader-grassroots-research-time ≥ 2 months

The rows as a terminal table: :func:`policyspec.cli.terminal_tables.comparison_table`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from fractions import Fraction

from policyspec.api.query import IndicatorFilter, matching_indicators
from policyspec.api.records import exact_figure
from policyspec.model.documents import Document, Indicator
from policyspec.model.exact import JsonNumber, json_number
from policyspec.model.reprs import reading, short_repr, timing
from policyspec.model.target_text import target_text
from policyspec.model.vocabulary import Operator, Topic, Unit

# target_text is named here too for the code that has always imported it from this module.
__all__ = ["ComparisonRow", "compare", "comparison_row", "target_text"]


@dataclass(frozen=True, repr=False)
class ComparisonRow:
    """One indicator of a topic, with enough of its document to read it on its own.

    Not the flat :class:`~policyspec.api.records.IndicatorRecord`: fewer fields, named for
    reading across documents (``indicator`` for the id), and the document's ``title``. ``title``
    and ``population`` are the Chinese texts; ``per`` is the ISO 8601 recurrence and
    ``per_term`` marks once per term of office (每届). ``value`` and ``upper`` are written as in
    the flat record; :attr:`exact_value` and :attr:`exact_upper` are them as ``Fraction``.
    """

    document: str
    title: str
    indicator: str
    quote: str
    operator: Operator | None
    value: JsonNumber | None
    upper: JsonNumber | None
    unit: Unit | None
    reference: str | None
    per: str | None
    per_term: bool
    population: str | None
    deadline: str | None

    @property
    def exact_value(self) -> Fraction | None:
        """``value`` exactly (``Fraction(1, 3)`` for ``"1/3"``); None for a milestone or a placeholder."""
        return exact_figure(self.value)

    @property
    def exact_upper(self) -> Fraction | None:
        """``upper`` exactly; None unless the target is a range."""
        return exact_figure(self.upper)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def __repr__(self) -> str:
        """The document, the indicator, the target as people read it, when it is due."""
        target = reading(self.operator, self.value, self.upper, self.unit, self.reference)
        shown = [("document", self.document), ("indicator", self.indicator), target]
        return short_repr(type(self).__name__, [*shown, *timing(self.per, self.per_term, self.deadline)])


def comparison_row(document: Document, indicator: Indicator) -> ComparisonRow:
    """The row of one indicator of the document."""
    target = indicator.target
    return ComparisonRow(
        document=document.id,
        title=document.title.zh,
        indicator=indicator.id,
        quote=indicator.quote,
        operator=target.operator,
        value=json_number(target.value),
        upper=json_number(target.upper),
        unit=target.unit,
        reference=target.reference.zh if target.reference else None,
        per=indicator.per,
        per_term=indicator.per_term,
        population=indicator.population.zh if indicator.population else None,
        deadline=indicator.deadline,
    )


def compare(documents: Iterable[Document], topic: Topic) -> list[ComparisonRow]:
    """Every indicator tagged ``topic``, one row each; an unknown topic raises ``QueryError``."""
    matches = matching_indicators(documents, IndicatorFilter(topic=topic))
    return [comparison_row(document, indicator) for document, indicator in matches]
