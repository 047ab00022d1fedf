"""The criteria an indicator filter takes, declared once: :class:`~.query.IndicatorFilter`
checks its values from here and the command line builds its options from here. Kept to the
vocabulary alone, so building the command line's parser stays cheap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from policyspec.model.vocabulary import ISSUER_LEVELS, OPERATORS, TOPICS, UNITS

__all__ = ["CRITERIA", "Criterion"]


@dataclass(frozen=True)
class Criterion:
    """One criterion of :class:`IndicatorFilter`, as a person gives it.

    ``kind`` says what a value is: free ``text`` (``choices`` then lists the values allowed, if
    any), a ``year`` (an int) or a ``duration`` (ISO 8601, such as ``P1Y``). ``help`` and
    ``metavar`` are the command line's words for it.
    """

    name: str
    help: str
    kind: Literal["text", "year", "duration"] = "text"
    choices: tuple[str, ...] = ()
    metavar: str | None = None


CRITERIA: tuple[Criterion, ...] = (
    Criterion("document", "the document's id", metavar="ID"),
    Criterion("level", "an issuer's level", choices=ISSUER_LEVELS),
    Criterion("due_by", "deadline in or before YEAR", kind="year", metavar="YEAR"),
    Criterion("due_after", "deadline after YEAR", kind="year", metavar="YEAR"),
    Criterion("per", "recurrence, such as P1Y or P6M", kind="duration", metavar="DURATION"),
    Criterion("unit", "unit of the target, such as percent", choices=UNITS, metavar="UNIT"),
    Criterion("operator", "operator of the target", choices=OPERATORS),
    Criterion("topic", "a topic tag, such as cadre-training", choices=TOPICS, metavar="TOPIC"),
    Criterion("lead_unit", "part of a lead unit's name (zh or en)", metavar="TEXT"),
    Criterion("text", "part of the quote or of what is measured (zh or en)", metavar="TEXT"),
)
"""Every criterion, in the order of :class:`IndicatorFilter`'s fields (a test keeps them in step)."""
