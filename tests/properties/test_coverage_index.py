"""The coverage index finds, for any stretch of a source, exactly the entries whose quote spans
contain it, in document order: what trying every entry would find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policyspec.rules.coverage import Covering, Span


def _span() -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda s: (s[0], s[0] + s[1]))


ENTRIES = st.lists(st.lists(_span(), max_size=4), max_size=12)


@given(ENTRIES, _span())
def test_containing_is_every_entry_with_a_span_around_the_stretch(
    spans: list[list[Span]], stretch: Span
) -> None:
    start, end = stretch
    entries = [(f"entry {at}", found) for at, found in enumerate(spans)]
    expected = [name for name, found in entries if any(s <= start and end <= e for s, e in found)]
    assert Covering(entries).containing(start, end) == expected


def test_a_stretch_reaching_past_every_span_is_contained_by_none() -> None:
    covering = Covering([("a", [(0, 5)]), ("b", [(3, 9), (20, 30)])])
    assert covering.containing(4, 5) == ["a", "b"]
    assert covering.containing(4, 10) == []
    assert covering.containing(21, 30) == ["b"]
    assert Covering[str]([]).containing(0, 0) == []
