"""Highlights nest, whatever the quotes' intervals: the page's text is the source, exactly, and
every character carries the data-ids of exactly the intervals that cover it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.release.site.highlight import Mark, nest
from tests.site_html import Page, read_page

# Characters a source may hold, the awkward ones for HTML included. Not NUL: no HTML text can
# carry it (the page shows U+FFFD instead, tested below).
ALPHABET = st.sampled_from(
    [
        *"党的建设到年％0１",
        "\n",
        "\r",
        "\r\n",
        "\t",
        " ",
        "<",
        ">",
        "&",
        '"',
        "'",
        "&amp;",
        "\ufeff",
        "𠀀",
        "\u2028",
        "\x85",
    ]
)
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


def _page(text: str, marks: list[Mark]) -> Page:
    return read_page(f'<div id="source">{nest(text, marks)}</div>')


def _mark(start: int, end: int, name: str) -> Mark:
    return Mark(start, end, (("data-id", name),), (("id", f"at-{name}"),), f'<a href="#card-{name}"></a>')


@st.composite
def texts_and_intervals(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(TEXTS)
    bound = st.integers(0, len(text))
    pairs = draw(st.lists(st.tuples(bound, bound), max_size=12))
    return text, [(min(a, b), max(a, b)) for a, b in pairs]


@given(texts_and_intervals())
def test_any_intervals_give_well_nested_html_whose_text_is_the_source(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, intervals = case
    marks = [_mark(start, end, f"m{n}") for n, (start, end) in enumerate(intervals)]
    page = _page(text, marks)  # read_page fails on an element closed out of order
    assert page.source == text
    for index in range(len(text)):
        covering = {f"m{n}" for n, (start, end) in enumerate(intervals) if start <= index < end}
        assert page.data_ids_at(index) == covering, f"character {index} {text[index]!r}"
    shown = {f"m{n}" for n, (start, end) in enumerate(intervals) if start < end}
    assert {a["data-id"] for _, a in page.elements if "data-id" in a} == shown
    first_pieces = [a["id"] for _, a in page.elements if "id" in a and a["id"].startswith("at-")]
    assert sorted(first_pieces) == sorted(f"at-{name}" for name in shown)  # one id, on the first piece
    assert sorted(page.links) == sorted(f"#card-{name}" for name in shown)


def test_a_figure_inside_its_sentence_is_one_element_inside_another() -> None:
    text = "到2010年，满意率达到90％以上。"
    figure = text.index("满意率达到90％以上")
    html = nest(text, [_mark(figure, figure + 10, "figure"), _mark(0, len(text), "sentence")])
    assert html == (
        '<mark data-id="sentence" id="at-sentence"><a href="#card-sentence"></a>到2010年，'
        '<mark data-id="figure" id="at-figure"><a href="#card-figure"></a>满意率达到90％以上</mark>'
        "。</mark>"
    )


def test_crossing_quotes_split_the_later_one_into_pieces_with_the_same_data_id() -> None:
    html = nest("abcdef", [_mark(0, 4, "left"), _mark(2, 6, "right")])
    assert html == (
        '<mark data-id="left" id="at-left"><a href="#card-left"></a>ab'
        '<mark data-id="right" id="at-right"><a href="#card-right"></a>cd</mark></mark>'
        '<mark data-id="right">ef</mark>'
    )


def test_quotes_on_the_same_characters_nest_in_the_order_given() -> None:
    html = nest("xy", [_mark(0, 2, "first"), _mark(0, 2, "second")])
    assert html.index('data-id="first"') < html.index('data-id="second"')
    assert _page("xy", [_mark(0, 2, "first"), _mark(0, 2, "second")]).data_ids_at(1) == {"first", "second"}


def test_text_is_escaped_exactly() -> None:
    text = 'a<b>&amp;"c"\r\nd\x00'
    html = nest(text, [_mark(1, 4, "tag")])
    assert "<b>" not in html
    assert "&#13;" in html  # a raw carriage return would be read back as a line feed
    page = _page(text, [_mark(1, 4, "tag")])
    assert page.source == text.replace("\x00", "\ufffd")
    assert [page.data_ids_at(i) for i in range(4)] == [set(), {"tag"}, {"tag"}, {"tag"}]


def test_attributes_are_escaped() -> None:
    mark = Mark(0, 1, (("data-id", '"><script>&'),))
    assert nest("x", [mark]) == '<mark data-id="&quot;&gt;&lt;script&gt;&amp;">x</mark>'


def test_an_empty_interval_adds_nothing_and_one_outside_the_text_is_refused() -> None:
    assert nest("abc", [_mark(1, 1, "empty")]) == "abc"
    with pytest.raises(ValueError, match="outside"):
        nest("abc", [_mark(2, 4, "beyond")])
