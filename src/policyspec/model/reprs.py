"""Short reprs: a line that names a thing and its essentials, never its whole text.

A document's full repr ran to tens of thousands of characters, and a corpus's to hundreds of
thousands: useless at a prompt, in a traceback or in a test failure. The models, the corpus and
the flat records show their id and what a reader checks first; the data itself is one attribute
away. Kept free of pydantic, so the API's records can use it too.
"""

from __future__ import annotations

from collections.abc import Iterable

from policyspec.model.exact import json_number
from policyspec.model.target_text import target_text

__all__ = [
    "LIST_LIMIT",
    "TEXT_LIMIT",
    "Shown",
    "clipped",
    "counted",
    "reading",
    "short_repr",
    "shown_value",
    "timing",
]

TEXT_LIMIT = 32
"""The most characters of one text a repr shows; longer text ends in ``…``."""
LIST_LIMIT = 60
"""A list whose repr is longer than this is shown by its length: ``[14 items]``."""


class Shown(str):
    """Text a repr shows as it is, without quotes: ``12 sections``, ``[14 items]``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def clipped(text: str, limit: int = TEXT_LIMIT) -> str:
    """The text, or as much of it as a repr shows in ``limit - 1`` characters, and ``…``: a
    control character takes four (``\\x1f``), so the repr stays bounded whatever the text holds."""
    if len(text) <= limit and text.isprintable():
        return text
    widths = [len(repr(character)) - 2 for character in text[: limit + 1]]
    if len(text) <= limit and sum(widths) <= limit:
        return text
    used = 0
    for end, width in enumerate(widths):
        if used + width > limit - 1:
            return text[:end] + "…"
        used += width
    return text[: limit - 1] + "…"  # pragma: no cover - the widths above always run out first


def counted(count: int, noun: str) -> Shown:
    """``1 goal``, ``5 goals``: a collection shown by its size."""
    return Shown(f"{count} {noun}" if count == 1 else f"{count} {noun}s")


def shown_value(value: object) -> object:
    """A field's value as a short repr shows it: text clipped, a long list counted."""
    if isinstance(value, str):
        return clipped(value)
    if isinstance(value, (list, tuple)):
        items = [shown_value(item) for item in value]
        if len(repr(items)) <= LIST_LIMIT:
            return items if isinstance(value, list) else tuple(items)
        return Shown(f"[{len(value)} items]")
    return value


def short_repr(name: str, arguments: Iterable[tuple[str | None, object]]) -> str:
    """``Name(key=value, …)``; an argument without a key is shown by its repr alone."""
    parts = (repr(value) if key is None else f"{key}={value!r}" for key, value in arguments)
    return f"{name}({', '.join(parts)})"


def timing(per: str | None, per_term: bool, deadline: str | None) -> list[tuple[str | None, object]]:
    """When a figure is due, for a repr: ``per`` (``term`` for 每届) and ``deadline``, each if set."""
    shown: list[tuple[str | None, object]] = []
    if per is not None or per_term:
        shown.append(("per", "term" if per_term else per))
    if deadline is not None:
        shown.append(("deadline", deadline))
    return shown


def reading(
    operator: str | None,
    value: int | float | str | None,
    upper: int | float | str | None,
    unit: str | None,
    reference: str | None,
) -> tuple[str | None, object]:
    """A target as a repr shows it: ``target='≥ 90 percent'`` (:mod:`.target_text`), clipped."""
    text = target_text(operator, json_number(value), json_number(upper), unit, reference)
    return "target", clipped(text, 48)
