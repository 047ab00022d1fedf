"""Time and provenance: deadlines fall in the document's span; inferred facts show their evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from policyspec.model.walk import evidenced_facts
from policyspec.rules._base import Finding, RuleContext, emits

if TYPE_CHECKING:
    from policyspec.model.documents import Document

__all__ = ["deadline_in_span", "inferred_has_evidence", "plausible_years"]

_SLACK_BEFORE = 1  # a plan may restate a target due the year before it was issued
_HORIZON = 15  # without a plan period, targets further than this are implausible


def plausible_years(document: Document) -> tuple[int, int] | None:
    """The years a deadline of this document may fall in, or None when nothing dates it."""
    period = document.plan_period
    issued = int(document.date.value[:4]) if document.date is not None else None
    if period is not None:
        start = min(period.start, issued) if issued is not None else period.start
        return start - _SLACK_BEFORE, period.end + 1
    if issued is not None:
        return issued - _SLACK_BEFORE, issued + _HORIZON
    return None


@emits("PS209")
def deadline_in_span(context: RuleContext) -> Iterator[Finding]:
    document = context.document
    span = plausible_years(document)
    if span is None:
        return
    low, high = span
    dated = [("goals", i, g.deadline) for i, g in enumerate(document.goals)]
    dated += [("indicators", i, ind.deadline) for i, ind in enumerate(document.indicators)]
    for collection, index, deadline in dated:
        if deadline is not None and not low <= int(deadline[:4]) <= high:
            yield Finding(
                "PS209",
                (collection, index, "deadline"),
                f"deadline {deadline} is outside the document's span {low}–{high}",
                hint="check the year against the quote, and the document's date and plan_period",
            )


@emits("PS212")
def inferred_has_evidence(context: RuleContext) -> Iterator[Finding]:
    for path, fact in evidenced_facts(context.document):
        if fact.inferred and not fact.evidence:
            yield Finding(
                "PS212",
                (*path, "inferred"),
                "marked inferred but gives no evidence",
                hint="add the exact source quotes that prove the value under 'evidence'",
            )
