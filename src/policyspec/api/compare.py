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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from policyspec.api.query import IndicatorFilter, select_indicators
from policyspec.api.records import Number
from policyspec.model.documents import Document
from policyspec.model.vocabulary import Topic

__all__ = ["COMPARISON_COLUMNS", "ComparisonRow", "compare", "comparison_table", "target_text"]

_SYMBOLS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "eq": "=", "approx": "≈"}

COMPARISON_COLUMNS = ("document", "indicator", "target", "per", "deadline", "population", "quote")


def target_text(
    operator: str | None,
    value: Number | None,
    upper: Number | None,
    unit: str | None,
    reference: str | None = None,
) -> str:
    """A target for people: ``≥ 90 percent``, ``3–7 persons``, ``≥ 2 multiple of 上年``, ``milestone``.

    >>> target_text("range", 3, 7, "persons"), target_text(None, None, None, None)
    ('3–7 persons', 'milestone')
    >>> target_text("eq", None, None, "times")  # a placeholder (X轮)
    '= ? times'
    """
    if operator is None:
        return "milestone"
    shown = "?" if value is None else str(value)
    figure = f"{shown}–{upper}" if operator == "range" else f"{_SYMBOLS[operator]} {shown}"
    of = f" of {reference}" if reference else ""
    return f"{figure} {unit}{of}" if unit else f"{figure}{of}"


@dataclass(frozen=True)
class ComparisonRow:
    """One indicator of a topic, with enough of its document to read it on its own.

    ``title`` and ``population`` are the Chinese texts; ``per`` is the ISO 8601 recurrence
    and ``per_term`` marks once per term of office (每届).
    """

    document: str
    title: str
    indicator: str
    quote: str
    operator: str | None
    value: Number | None
    upper: Number | None
    unit: str | None
    reference: str | None
    per: str | None
    per_term: bool
    population: str | None
    deadline: str | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def compare(documents: Iterable[Document], topic: Topic) -> list[ComparisonRow]:
    """Every indicator tagged ``topic``, one row each; an unknown topic raises ``QueryError``."""
    documents = tuple(documents)
    titles = {document.id: document.title.zh for document in documents}
    records = select_indicators(documents, IndicatorFilter(topic=topic))
    return [
        ComparisonRow(
            document=record.document,
            title=titles[record.document],
            indicator=record.id,
            quote=record.quote,
            operator=record.operator,
            value=record.value,
            upper=record.upper,
            unit=record.unit,
            reference=record.reference_zh,
            per=record.per,
            per_term=record.per_term,
            population=record.population_zh,
            deadline=record.deadline,
        )
        for record in records
    ]


def comparison_table(rows: Sequence[ComparisonRow]) -> tuple[tuple[str, ...], list[list[object]]]:
    """Header and cells for :func:`~policyspec.cli.terminal_tables.render_table`: the target in one cell."""
    cells: list[list[object]] = [
        [
            row.document,
            row.indicator,
            target_text(row.operator, row.value, row.upper, row.unit, row.reference),
            "term" if row.per_term else row.per,
            row.deadline,
            row.population,
            row.quote,
        ]
        for row in rows
    ]
    return COMPARISON_COLUMNS, cells
