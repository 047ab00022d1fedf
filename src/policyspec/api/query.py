"""Filtering the indicators: a few typed, keyword-only criteria, all of which must hold.

Criteria are checked against the vocabularies up front, so a misspelt topic is an error rather
than a silently empty answer. With the bundled corpus:

>>> import policyspec
>>> corpus = policyspec.load()
>>> [r.id for r in corpus.indicators(topic="cadre-training", due_by=2010)]
['civil-servant-3plus2-training']
>>> [(r.document, r.value, r.unit) for r in corpus.indicators(topic="research-time", unit="months")]
... # doctest: +NORMALIZE_WHITESPACE
[('hubei-2006-party-advancement', 1, 'months'), ('hubei-2006-party-advancement', 2, 'months'),
 ('wuxi-party-building-model-zone', 2, 'months')]
>>> len(corpus.indicators()) == len(corpus.indicators(text=""))
True

The criteria are declared once, in :data:`CRITERIA`: the filter checks its values from there,
and the command line can build its options from it. Importing this module stays light (no
pydantic), for that reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from policyspec.api.criteria import CRITERIA, Criterion
from policyspec.model.dates import year_of
from policyspec.model.vocabulary import (
    DURATION_PATTERN,
    IssuerLevel,
    Operator,
    Topic,
    Unit,
)

if TYPE_CHECKING:
    from policyspec.api.records import IndicatorRecord
    from policyspec.model.documents import Document, Indicator

__all__ = [
    "CRITERIA",
    "Criterion",
    "IndicatorFilter",
    "QueryError",
    "matching_indicators",
    "select_indicators",
]

_DURATION = re.compile(DURATION_PATTERN)


class QueryError(ValueError):
    """A criterion that cannot match anything: a value outside its vocabulary, an unknown document."""


def _folded(text: str) -> str:
    return text.casefold()


def _refusal(criterion: Criterion, value: object) -> str | None:
    """Why a value cannot match anything; None when it can."""
    if criterion.kind == "year" and (isinstance(value, bool) or not isinstance(value, int)):
        return f"{criterion.name} must be a year (an int), not {value!r}"
    if criterion.kind == "duration" and not (isinstance(value, str) and _DURATION.fullmatch(value)):
        return f"recurrence {value!r} is not an ISO 8601 duration such as P1Y or P6M"
    if criterion.choices and value not in criterion.choices:
        return f"unknown {criterion.name} {value!r}"
    return None


@dataclass(frozen=True, kw_only=True)
class IndicatorFilter:
    """What to keep; ``None`` leaves a criterion out, so the empty filter keeps everything.

    - ``document``: the document's id.
    - ``level``: some issuer of the document is at this level (``municipal``, ``provincial``…).
    - ``due_by`` / ``due_after``: the deadline's year is at most / strictly after this year; an
      indicator without a deadline is dropped as soon as either is given. Every dated indicator is
      either due by Y or due after Y, never both.
    - ``per``: the recurrence, an ISO 8601 duration such as ``P1Y``.
    - ``unit``, ``operator``, ``topic``: equal to / among the indicator's, from the vocabularies.
    - ``lead_unit``: a substring of one of the indicator's lead units (Chinese or English),
      so ``组织部`` finds every organisation department.
    - ``text``: a substring of the quote or of what is measured (Chinese or English; English
      ignores case).

    >>> wuxi = corpus.document("wuxi-party-building-model-zone")
    >>> [i.id for i in wuxi.indicators if IndicatorFilter(text="satisfaction").matches(wuxi, i)]
    ['party-building-satisfaction-rate']
    >>> IndicatorFilter(topic="reseach-time")
    Traceback (most recent call last):
    ...
    policyspec.api.query.QueryError: unknown topic 'reseach-time'
    """

    document: str | None = None
    level: IssuerLevel | None = None
    due_by: int | None = None
    due_after: int | None = None
    per: str | None = None
    unit: Unit | None = None
    operator: Operator | None = None
    topic: Topic | None = None
    lead_unit: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        for criterion in CRITERIA:
            value = getattr(self, criterion.name)
            problem = None if value is None else _refusal(criterion, value)
            if problem is not None:
                raise QueryError(problem)

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def matches(self, document: Document, indicator: Indicator) -> bool:
        """True when every criterion given holds for this indicator of this document."""
        return (
            (self.document is None or document.id == self.document)
            and (self.level is None or any(issuer.level == self.level for issuer in document.issuers))
            and self._deadline_matches(indicator.deadline)
            and (self.per is None or indicator.per == self.per)
            and (self.unit is None or indicator.target.unit == self.unit)
            and (self.operator is None or indicator.target.operator == self.operator)
            and (self.topic is None or self.topic in indicator.topics)
            and (self.lead_unit is None or self._lead_unit_matches(indicator))
            and (self.text is None or self._text_matches(indicator))
        )

    def _deadline_matches(self, deadline: str | None) -> bool:
        if self.due_by is None and self.due_after is None:
            return True
        if deadline is None:
            return False
        year = year_of(deadline)
        return (self.due_by is None or year <= self.due_by) and (
            self.due_after is None or year > self.due_after
        )

    def _lead_unit_matches(self, indicator: Indicator) -> bool:
        wanted = _folded(self.lead_unit or "")
        return any(wanted in _folded(unit.zh) or wanted in _folded(unit.en) for unit in indicator.lead_units)

    def _text_matches(self, indicator: Indicator) -> bool:
        wanted = _folded(self.text or "")
        haystacks = (indicator.quote, indicator.measured.zh, indicator.measured.en)
        return any(wanted in _folded(haystack) for haystack in haystacks)


def matching_indicators(
    documents: Iterable[Document], criteria: IndicatorFilter
) -> list[tuple[Document, Indicator]]:
    """The indicators that match, each with its document, in corpus order, then document order.

    Raises :class:`QueryError` when ``criteria.document`` names no document given.
    """
    documents = tuple(documents)
    if criteria.document is not None and criteria.document not in {d.id for d in documents}:
        known = ", ".join(d.id for d in documents)
        raise QueryError(f"no document {criteria.document!r} (known: {known})")
    return [
        (document, indicator)
        for document in documents
        for indicator in document.indicators
        if criteria.matches(document, indicator)
    ]


def select_indicators(documents: Iterable[Document], criteria: IndicatorFilter) -> list[IndicatorRecord]:
    """The flat records (the output view) of the indicators that match, in the same order."""
    # Imported here, not above: the records bring pydantic, which declaring CRITERIA must not.
    from policyspec.api.records import indicator_record

    return [
        indicator_record(document, indicator)
        for document, indicator in matching_indicators(documents, criteria)
    ]
