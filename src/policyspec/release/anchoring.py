"""Every quote of a document anchored in its source text, for the release.

:class:`QuoteAnchors` finds each distinct quote of one document once (its first occurrence,
:func:`~policyspec.release.anchors.anchor_quote`) where the check did not already, and makes its
selectors once. :func:`anchored_dump` puts the selectors beside each quote of the document's
policyspec.json entry: ``quote_selectors`` after ``quote``, and ``evidence_selectors`` (one pair
per evidence quote, in order) after ``evidence``. The quotes are the ones validation finds
verbatim in the source (:func:`policyspec.model.walk.quoted_texts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policyspec.model.documents import Document
from policyspec.model.walk import quoted_texts
from policyspec.release.anchors import ANCHOR_KEYS, QuoteAnchor, anchor_quote

__all__ = ["ANCHOR_KEYS", "AnchorError", "QuoteAnchors", "anchored_dump"]


class AnchorError(ValueError):
    """A quote is not in the source text: the document was not validated against this source."""


class QuoteAnchors:
    """The anchors of one document's quotes in its source text, each distinct quote found once."""

    def __init__(
        self, source_text: str, source_sha256: str, *, starts: Mapping[str, int] | None = None
    ) -> None:
        self._text = source_text
        self._sha256 = source_sha256
        self._starts: Mapping[str, int] = starts or {}  # where the check found the quotes
        self._found: dict[str, QuoteAnchor] = {}
        self._selectors: dict[str, list[dict[str, Any]]] = {}

    def selectors(self, quote: str) -> list[dict[str, Any]]:
        """The quote's W3C selectors, made once per document: every file of the release that
        gives them (its entry of policyspec.json, its rows) reads the same list; none changes it."""
        made = self._selectors.get(quote)
        if made is None:
            made = self._selectors[quote] = self[quote].selectors()
        return made

    def __getitem__(self, quote: str) -> QuoteAnchor:
        anchor = self._found.get(quote)
        if anchor is None:
            first = self._starts.get(quote)
            anchor = anchor_quote(self._text, quote, source_sha256=self._sha256, first=first)
            if anchor is None:
                raise AnchorError(f"quote {quote[:40]!r} is not in the source text (validate the spec first)")
            self._found[quote] = anchor
        return anchor


def _beside(entry: dict[str, Any], after: str, key: str, value: object) -> dict[str, Any]:
    """``entry`` with ``key`` placed right after ``after`` (a release reads better so)."""
    placed: dict[str, Any] = {}
    for name, item in entry.items():
        placed[name] = item
        if name == after:
            placed[key] = value
    return placed


def anchored_dump(document: Document, anchors: QuoteAnchors) -> dict[str, Any]:
    """The document as JSON data (every field, defaults included), each quote with its selectors."""
    dump: dict[str, Any] = document.model_dump(mode="json")
    evidence: dict[tuple[str | int, ...], list[object]] = {}
    quotes: dict[tuple[str | int, ...], object] = {}
    for path, text in quoted_texts(document):
        selectors = anchors.selectors(text)
        if path[-1] == "quote":
            quotes[path[:-1]] = selectors
        else:  # (..., "evidence", index), in index order
            evidence.setdefault(path[:-2], []).append(selectors)
    for places, after, key in ((quotes, "quote", ANCHOR_KEYS[0]), (evidence, "evidence", ANCHOR_KEYS[1])):
        for parent_path, value in places.items():
            *outer, last = parent_path
            holder: Any = dump
            for step in outer:
                holder = holder[step]
            holder[last] = _beside(holder[last], after, key, value)
    return dump
