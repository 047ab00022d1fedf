"""However long its texts and lists, a model's repr stays a line; so do the corpus's and the records'."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from policyspec.api.corpus import Corpus
from policyspec.model.documents import Document
from tests.strategies import documents
from tests.unit.test_reprs import REPR_BOUND, api_values

_TEXTS = ("zh", "en", "quote", "description", "note", "reason")  # free text: no pattern to keep


def _lengthened(data: Any, padding: str) -> Any:
    """The data with ``padding`` after every free text and every piece of evidence."""
    if isinstance(data, list):
        return [_lengthened(item, padding) for item in data]
    if not isinstance(data, dict):
        return data
    out = {key: _lengthened(value, padding) for key, value in data.items()}
    for key in _TEXTS:
        if isinstance(out.get(key), str):
            out[key] += padding
    if "evidence" in out:
        out["evidence"] = [quote + padding for quote in out["evidence"]]
    return out


@given(
    st.lists(documents(max_entries=4), min_size=1, max_size=3),
    st.text(min_size=0, max_size=1000) | st.just("很长的文字" * 150),
)
def test_every_repr_is_bounded(specs: list[dict[str, Any]], padding: str) -> None:
    corpus = Corpus(tuple(Document.model_validate(_lengthened(spec, padding)) for spec in specs))
    for value in api_values(corpus):
        assert len(repr(value)) <= REPR_BOUND, repr(value)
