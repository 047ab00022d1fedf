"""The release's scratch store gives back every part and summary it was given, byte for byte, in id
order (a repeated id in the order it came), however the documents arrived."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.release.envelope import DocumentSummary
from policyspec.release.parts import DocumentPart, PartStore

_IDS = st.text("abc-", min_size=1, max_size=4)
_TABLES = st.dictionaries(
    st.sampled_from(["documents", "indicators", "measures", "excluded"]),
    st.dictionaries(st.sampled_from(["csv", "jsonl"]), st.binary(max_size=300), min_size=1),
    max_size=4,
)


def _summary(id_: str, indicators: int) -> DocumentSummary:
    return DocumentSummary(id_, "题", "Title", "s.txt", "0" * 64, f"{id_}.yaml", "1" * 64, indicators)


@given(
    documents=st.lists(
        st.tuples(_IDS, st.binary(max_size=500), _TABLES, st.integers(0, 50)), min_size=1, max_size=12
    )
)
def test_parts_come_back_whole_in_id_order(
    documents: list[tuple[str, bytes, dict[str, dict[str, bytes]], int]],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("parts")
    given_parts = [
        (DocumentPart(id_, entry, tables), _summary(id_, count)) for id_, entry, tables, count in documents
    ]
    with PartStore(folder) as store:
        for part, summary in given_parts:
            store.put(part, summary)
        by_id = sorted(given_parts, key=lambda pair: pair[0].id)  # stable: a repeated id keeps its order
        assert len(store) == len(documents)
        assert store.ids() == [part.id for part, _ in by_id]
        assert store.indicators == sum(count for *_, count in documents)
        assert list(store.in_id_order()) == [part for part, _ in by_id]
        assert list(store.summaries()) == [summary for _, summary in by_id]
        assert list(store.in_id_order()) == [part for part, _ in by_id]  # and again, as a release reads
