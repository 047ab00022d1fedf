"""Deadlines in time order: every dated goal and indicator of the corpus, as typed entries.

A deadline means *by the end of* the period written (:func:`policyspec.model.dates.period_end`):
``2010`` sorts after ``2010-06-30``. Entries due on the same day keep corpus order, then document
order (goals before indicators). With the bundled corpus:

>>> import policyspec
>>> corpus = policyspec.load()
>>> entries = corpus.timeline()
>>> [(e.deadline, e.document, e.id) for e in entries[:2]]
... # doctest: +NORMALIZE_WHITESPACE
[('2007', 'hangzhou-2003-anti-corruption-system', 'system-built-in-5-years'),
 ('2007', 'wuxi-party-building-model-zone', 'green-channel-2007')]
>>> e = next(e for e in entries if e.id == "party-building-satisfaction-rate")
>>> e.deadline, e.figure, e.milestone
('2010', '≥ 90 percent', False)
>>> sorted({e.year for e in entries})
[2007, 2008, 2010, 2020]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from policyspec.model.dates import period_end, year_of
from policyspec.model.documents import Document
from policyspec.model.exact import json_number
from policyspec.model.reprs import clipped, short_repr
from policyspec.model.target_text import target_text

__all__ = ["TimelineEntry", "timeline"]


@dataclass(frozen=True, repr=False)
class TimelineEntry:
    """One dated goal or indicator.

    ``milestone`` is true when nothing is counted (a goal, or an indicator without a target);
    otherwise ``figure`` is the target as people read it (``≥ 90 percent``).
    """

    deadline: str
    year: int
    document: str
    kind: Literal["goal", "indicator"]
    id: str
    what_zh: str
    what_en: str
    milestone: bool
    figure: str | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def __repr__(self) -> str:
        """When, where, what: the deadline, the document, the goal or indicator, its figure."""
        shown: list[tuple[str | None, object]] = [
            ("deadline", self.deadline),
            ("document", self.document),
            ("kind", self.kind),
            ("id", self.id),
        ]
        if self.figure is not None:
            shown.append(("figure", clipped(self.figure, 48)))
        return short_repr(type(self).__name__, shown)


def _entries(document: Document) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(
            deadline=goal.deadline,
            year=year_of(goal.deadline),
            document=document.id,
            kind="goal",
            id=goal.id,
            what_zh=goal.title.zh,
            what_en=goal.title.en,
            milestone=True,
            figure=None,
        )
        for goal in document.goals
        if goal.deadline is not None
    ]
    for indicator in document.indicators:
        if indicator.deadline is None:
            continue
        target = indicator.target
        milestone = target.operator is None
        figure = target_text(
            target.operator,
            json_number(target.value),
            json_number(target.upper),
            target.unit,
            target.reference.zh if target.reference else None,
        )
        entries.append(
            TimelineEntry(
                deadline=indicator.deadline,
                year=year_of(indicator.deadline),
                document=document.id,
                kind="indicator",
                id=indicator.id,
                what_zh=indicator.measured.zh,
                what_en=indicator.measured.en,
                milestone=milestone,
                figure=None if milestone else figure,
            )
        )
    return entries


def timeline(documents: Iterable[Document]) -> list[TimelineEntry]:
    """Every dated goal and indicator, earliest deadline first (a stable sort).

    Deadlines due on the same day keep their order: ``2010`` and ``2010-12-31`` alike, or
    ``2010-06`` and ``2010-06-30``.
    """
    entries = [entry for document in documents for entry in _entries(document)]
    return sorted(entries, key=lambda entry: period_end(entry.deadline))
