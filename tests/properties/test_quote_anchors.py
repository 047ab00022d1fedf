"""A quote anchor re-finds its quote: slicing the source at the position selector gives the quote,
and the quote selector's prefix and suffix are the text around it."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from policyspec.quote_places import QuotePlaces
from policyspec.release.anchors import CONTEXT, anchor_quote

TEXTS = st.text(alphabet=st.sampled_from("到年建成党组织覆盖率以上％0123456789，。\n 𠀀"), max_size=200)


@given(TEXTS, st.data())
def test_every_substring_is_anchored_where_it_first_occurs(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    quote = text[start:end]
    anchor = anchor_quote(text, quote, source_sha256="0" * 64)
    if not quote:
        assert anchor is None
        return
    assert anchor is not None
    assert text[anchor.start : anchor.end] == quote == anchor.exact
    assert anchor.start == text.find(quote) <= start
    assert anchor.prefix == text[max(0, anchor.start - CONTEXT) : anchor.start]
    assert anchor.suffix == text[anchor.end : anchor.end + CONTEXT]
    assert text.find(anchor.prefix + anchor.exact + anchor.suffix) >= 0


@given(TEXTS, st.text(min_size=1, max_size=20))
def test_a_quote_not_in_the_text_has_no_anchor(text: str, quote: str) -> None:
    anchor = anchor_quote(text, quote, source_sha256="0" * 64)
    assert (anchor is None) == (quote not in text)


def test_offsets_count_code_points_not_bytes() -> None:
    text = "𠀀序言：到2010年，覆盖率达到90％以上。"
    sha = hashlib.sha256(text.encode()).hexdigest()
    anchor = anchor_quote(text, "覆盖率达到90％以上", source_sha256=sha)
    assert anchor is not None
    assert (anchor.start, anchor.end) == (11, 21)
    assert anchor.selectors() == [
        {"type": "TextPositionSelector", "start": 11, "end": 21},
        {
            "type": "TextQuoteSelector",
            "exact": "覆盖率达到90％以上",
            "prefix": "𠀀序言：到2010年，",
            "suffix": "。",
        },
    ]
    assert anchor.source_sha256 == sha


@given(TEXTS, st.data())
def test_where_the_check_found_a_quote_gives_the_same_anchor(text: str, data: st.DataObject) -> None:
    """A release anchors a quote where its check found it first (QuotePlaces); an offset handed
    over where the quote is not is never used: the quote is then looked for as ever."""
    start = data.draw(st.integers(0, len(text)))
    quote = text[start : data.draw(st.integers(start, len(text)))]
    found = QuotePlaces(text).first(quote)
    anchor = anchor_quote(text, quote, source_sha256="0" * 64)
    assert anchor_quote(text, quote, source_sha256="0" * 64, first=found) == anchor
    offset = data.draw(st.integers(-1, len(text) + 1))
    given_anchor = anchor_quote(text, quote, source_sha256="0" * 64, first=offset)
    if quote and offset >= 0 and text.startswith(quote, offset):
        assert given_anchor is not None
        assert (given_anchor.start, given_anchor.exact) == (offset, quote)
    else:
        assert given_anchor == anchor


@given(
    TEXTS, st.lists(st.text(alphabet=st.sampled_from("年建成党覆盖率0123456789，"), max_size=4), max_size=6)
)
def test_quote_places_are_the_texts_own_occurrences(text: str, quotes: list[str]) -> None:
    places = QuotePlaces(text)
    for quote in [*quotes, *quotes]:  # the second time from what was remembered
        assert places.first(quote) == text.find(quote)
        every = [(at, at + len(quote)) for at in range(len(text)) if quote and text.startswith(quote, at)]
        assert places.spans(quote) == every
    assert places.found() == {quote: text.find(quote) for quote in quotes}
