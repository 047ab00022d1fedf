"""A quote anchor re-finds its quote: slicing the source at the position selector gives the quote,
and the quote selector's prefix and suffix are the text around it."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

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
