"""Where a quote sits in its source, as W3C Web Annotation selectors.

A consumer who wants to highlight a quote should not have to search the source again: every quote
of a release carries a ``TextPositionSelector`` (code-point ``start``/``end``, end exclusive) and a
``TextQuoteSelector`` (``exact`` with up to :data:`CONTEXT` code points of ``prefix`` and
``suffix``), bound to the source's SHA-256, so any annotation tool can re-anchor it
(https://www.w3.org/TR/annotation-model/#selectors).

Offsets count code points of the text as archived (Python ``str`` indices), not UTF-8 or UTF-16
units. A quote found more than once is anchored at its first occurrence; the prefix and suffix
then tell which one was meant.
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["ANCHOR_KEYS", "CONTEXT", "QuoteAnchor", "anchor_quote"]

CONTEXT = 32
"""Code points of context on each side of a quote (the length hypothes.is and Annotator use)."""

ANCHOR_KEYS = ("quote_selectors", "evidence_selectors")
"""The keys a release puts beside the quotes of a document (``policyspec diff`` leaves them out)."""


class QuoteAnchor(NamedTuple):
    """One quote's place in one source text (a named tuple: a release makes one per quote, and a
    frozen dataclass took five times as long to make)."""

    source_sha256: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    def selectors(self) -> list[dict[str, Any]]:
        """The two W3C selectors, as JSON-ready dicts."""
        return [
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
        ]


def anchor_quote(
    source_text: str, quote: str, *, source_sha256: str, first: int | None = None
) -> QuoteAnchor | None:
    """The anchor of ``quote`` in ``source_text``, or None when the text does not contain it
    (validation reports that as PS201; a release is only built from valid specs).

    ``first``: where the check found the quote's first occurrence
    (:class:`~policyspec.quote_places.QuotePlaces`), used when the quote is indeed there.
    """
    if not quote:
        return None
    start = first if first is not None and first >= 0 and source_text.startswith(quote, first) else -1
    if start < 0:
        start = source_text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    return QuoteAnchor(
        source_sha256=source_sha256,
        start=start,
        end=end,
        exact=quote,
        prefix=source_text[max(0, start - CONTEXT) : start],
        suffix=source_text[end : end + CONTEXT],
    )
