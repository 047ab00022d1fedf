"""Every quantitative statement of a source is accounted for: encoded by an indicator that reads
*that* figure, recurrence, deadline or placeholder, or deliberately excluded with a reason.

The phrase reader finds the statements of the source text (one per figure, recurrence, date,
placeholder, name …); each is then ``encoded`` when an indicator whose quote covers it encodes
its reading — an overlapping quote alone is not enough; an inferred field's evidence never
encodes, so removing an indicator leaves its statements uncovered —, or a dated goal or the
document's date and plan period state it;
``excluded`` when an ``excluded:`` quote (or a quality note's quote: spam, a corrupted line)
covers it, and ``uncovered`` otherwise (rule PS223, and ``policyspec coverage``). Heading numbers
are structure (``sections``), not statements, and 定期 states no frequency.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from policyspec.diagnostics import JsonPath
from policyspec.model.dates import period_end
from policyspec.model.exact import exact
from policyspec.model.walk import evidenced_facts
from policyspec.quote_places import QuotePlaces, Span
from policyspec.reading.statements import find_statements
from policyspec.reading.values import EXCLUDABLE_KINDS, Dated, Figure, Period, Recurrence, Statement
from policyspec.rules._base import Finding, RuleContext, emits
from policyspec.text_positions import LineIndex

if TYPE_CHECKING:
    from policyspec.model.documents import Document, Indicator

__all__ = [
    "Accounted",
    "CoverageCounts",
    "Covering",
    "Span",
    "Status",
    "account",
    "counts",
    "statements_are_accounted",
]

Status = Literal["encoded", "excluded", "uncovered"]

_NOT_STATEMENTS = frozenset({"heading"})
_ONLY_EXCLUDED = frozenset({"name", "ordinal", "tier", "cited"})  # never an indicator's reading
_METADATA_KINDS = frozenset({"date", "period"})  # what a document's date and plan period state


@dataclass(frozen=True, slots=True)
class Accounted:
    """One statement of the source and how the spec accounts for it (``by``: the entry's path)."""

    statement: Statement
    status: Status
    by: JsonPath | None = None


@dataclass(frozen=True, slots=True)
class CoverageCounts:
    """How many statements a source holds, and how many the spec encodes and excludes."""

    statements: int
    encoded: int
    excluded: int


def counts(accounted: Sequence[Accounted]) -> CoverageCounts:
    encoded = sum(a.status == "encoded" for a in accounted)
    excluded = sum(a.status == "excluded" for a in accounted)
    return CoverageCounts(len(accounted), encoded, excluded)


@lru_cache(maxsize=16)
def _statements(text: str) -> tuple[Statement, ...]:
    return tuple(s for s in find_statements(text) if _is_statement(s))


def _is_statement(statement: Statement) -> bool:
    """Heading numbers are structure; 定期 (regularly) states no frequency, so nothing to encode."""
    if statement.kind in _NOT_STATEMENTS:
        return False
    reading = statement.reading
    return not (isinstance(reading, Recurrence) and reading.every is None and not reading.per_term)


def _all_spans(places: QuotePlaces, quotes: Sequence[str]) -> list[Span]:
    return [span for quote in quotes for span in places.spans(quote)]


Entry = TypeVar("Entry")


class Covering(Generic[Entry]):
    """Entries by the spans of their quotes: a statement finds the entries whose quote contains
    it by bisection, instead of trying every entry of the document (hundreds, for each of hundreds
    of statements)."""

    def __init__(self, entries: Sequence[tuple[Entry, Sequence[Span]]]) -> None:
        self._entries = [entry for entry, _ in entries]
        spans = sorted(
            (start, end, position) for position, (_, found) in enumerate(entries) for start, end in found
        )
        self._spans = spans
        self._starts = [start for start, _, _ in spans]
        self._longest = max((end - start for start, end, _ in spans), default=0)

    def containing(self, start: int, end: int) -> list[Entry]:
        """The entries with a span around ``start``–``end``, in their order in the document."""
        low = bisect_left(self._starts, end - self._longest)  # a span starting earlier ends too soon
        high = bisect_right(self._starts, start)
        positions = sorted({at for _, stop, at in self._spans[low:high] if end <= stop})
        return [self._entries[at] for at in positions]


@dataclass(frozen=True)
class _EntryPlaces:
    """Where a document's entries stand in its source: the spans of their quotes, by entry."""

    excluded: Covering[JsonPath]
    noted: Covering[JsonPath]
    quotes: Covering[tuple[int, Indicator]]
    goals: Covering[tuple[int, str | None]]
    metadata: Covering[JsonPath]

    @classmethod
    def of(cls, document: Document, places: QuotePlaces) -> _EntryPlaces:
        spans = places.spans
        return cls(
            excluded=Covering([(("excluded", i), spans(e.quote)) for i, e in enumerate(document.excluded)]),
            noted=Covering(
                [
                    (("quality_notes", i), spans(note.quote))
                    for i, note in enumerate(document.quality_notes)
                    if note.quote is not None
                ]
            ),
            quotes=Covering(
                [((i, indicator), spans(indicator.quote)) for i, indicator in enumerate(document.indicators)]
            ),
            goals=Covering(
                [((i, goal.deadline), spans(goal.quote)) for i, goal in enumerate(document.goals)]
            ),
            metadata=Covering(
                [(path, _all_spans(places, fact.evidence)) for path, fact in evidenced_facts(document)]
            ),
        )


def account(document: Document, source: str | QuotePlaces) -> list[Accounted]:
    """Every statement of the document's source text, in order, with its status (``source``: the
    text, or the places of quotes in it already looked up, which this adds to)."""
    places = source if isinstance(source, QuotePlaces) else QuotePlaces(source)
    entries = _EntryPlaces.of(document, places)
    return [_status(statement, entries) for statement in _statements(places.text)]


def _status(statement: Statement, entries: _EntryPlaces) -> Accounted:
    """Encoded first (an indicator that reads the statement wins over an exclusion around it)."""
    start, end = statement.start, statement.end
    if statement.kind not in _ONLY_EXCLUDED:
        for index, indicator in entries.quotes.containing(start, end):
            if statement.kind == "scope" or _encodes(indicator, statement):
                return Accounted(statement, "encoded", ("indicators", index))
        for index, deadline in entries.goals.containing(start, end):
            if deadline is not None and _due(deadline, statement):
                return Accounted(statement, "encoded", ("goals", index))
        if statement.kind in _METADATA_KINDS:  # an issue date or plan period, by the evidence stating it
            stating = entries.metadata.containing(start, end)
            if stating:
                return Accounted(statement, "encoded", stating[0])
    excluding = entries.excluded.containing(start, end)
    if not excluding and statement.kind in EXCLUDABLE_KINDS:
        # a quality note's quote (spam, a corrupted line) sets aside names and the like, never a
        # figure, date or placeholder
        excluding = entries.noted.containing(start, end)
    if excluding:
        return Accounted(statement, "excluded", excluding[0])
    return Accounted(statement, "uncovered")


def _encodes(indicator: Indicator, statement: Statement) -> bool:
    """The indicator encodes this statement's reading, not merely a quote overlapping it."""
    reading = statement.reading
    if statement.kind == "implied-total":
        return indicator.implied is not None
    if statement.kind == "placeholder":
        return indicator.placeholder
    if statement.kind == "indefinite":  # 一批, 几件: the act is encoded without a figure, never as 1
        return indicator.target.value is None and not indicator.placeholder
    if isinstance(reading, Figure):
        unit = indicator.target.unit
        unit_fits = unit is None or (reading.unit is None and not reading.unit_choices)
        unit_fits = unit_fits or unit == reading.unit or unit in reading.unit_choices
        return reading.value is not None and reading.value in _figures(indicator) and unit_fits
    if isinstance(reading, Recurrence):
        return (reading.per_term and indicator.per_term) or (
            reading.every is not None and reading.every == indicator.per
        )
    if statement.kind == "start" and isinstance(reading, Dated):
        return indicator.start is not None and indicator.start[:4] == f"{reading.year:04d}"
    return (indicator.deadline is not None and _due(indicator.deadline, statement)) or (
        indicator.start is not None and _due(indicator.start, statement)
    )


def _figures(indicator: Indicator) -> set[object]:
    target = indicator.target
    return {exact(n) for n in (target.value, target.upper) if n is not None and _finite(n)}


def _finite(number: int | float | str) -> bool:
    return not isinstance(number, float) or math.isfinite(number)


def _due(date: str, statement: Statement) -> bool:
    """A date of the spec is the one a dated statement names (a period: its last or first year)."""
    reading = statement.reading
    if isinstance(reading, Dated):
        return period_end(date) == period_end(reading.iso) or date[:4] == f"{reading.year:04d}"
    if isinstance(reading, Period):
        return int(date[:4]) in (reading.first_year, reading.last_year)
    return False


@emits("PS223")
def statements_are_accounted(context: RuleContext) -> Iterator[Finding]:
    """Each statement the reader finds in the source is encoded or excluded (docs/encoding.md)."""
    places = context.source_places()
    if places is None:
        return
    where: JsonPath = ("excluded",) if context.document.excluded else ("indicators",)
    lines = LineIndex(places.text)
    known = context.accounted
    for accounted in known if known is not None else account(context.document, places):
        if accounted.status != "uncovered":
            continue
        statement = accounted.statement
        line, column = lines.position(statement.start)
        yield Finding(
            "PS223",
            where,
            f"source {line}:{column}: {statement.text!r} ({statement.kind}) is neither encoded by an "
            "indicator nor excluded",
            hint="encode it as an indicator whose quote covers it, or add it under excluded: with a reason "
            "(name, cited-document, ordinal, scope, scale, metadata, not-a-requirement)",
        )
