"""Where a document's quotes stand in its source text, each distinct quote looked up once.

A check looks every quote up in the source (PS201: is it there; coverage: which statements it
covers), and a release anchors every quote there (its W3C selectors). Each lookup scans a text
of up to a hundred thousand characters, for each of a document's hundreds of quotes; one
:class:`QuotePlaces` per document serves them all, and a release reuses what its check found.
"""

from __future__ import annotations

__all__ = ["QuotePlaces", "Span"]

Span = tuple[int, int]
"""A code-point range of the text, end exclusive."""


class QuotePlaces:
    """The offsets of quotes in one text, each found once and remembered."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._first: dict[str, int] = {}

    def first(self, quote: str) -> int:
        """Where ``quote`` first occurs in the text (a code-point offset), or -1 when it does not."""
        at = self._first.get(quote)
        if at is None:
            at = self._first[quote] = self.text.find(quote)
        return at

    def spans(self, quote: str) -> list[Span]:
        """Every occurrence of ``quote`` (overlapping ones too), in order; none for an empty quote."""
        spans: list[Span] = []
        at = self.first(quote) if quote else -1
        while at >= 0:
            spans.append((at, at + len(quote)))
            at = self.text.find(quote, at + 1)
        return spans

    def found(self) -> dict[str, int]:
        """The first offset of every quote looked up so far (-1: not in the text), as a new dict."""
        return dict(self._first)
