"""Reprs a prompt can show: a line naming the thing and its essentials, never its whole text.

The bound holds for every model instance of the bundled corpus here, and for generated documents
with long texts in ``tests/properties/test_repr_bounds.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel

import policyspec
from policyspec.api.corpus import Corpus
from policyspec.model.documents import Document

REPR_BOUND = 300
"""The most characters a repr of a model, a record or a corpus may have."""


@cache
def corpus() -> Corpus:
    return policyspec.load()


def model_instances(model: BaseModel) -> Iterator[BaseModel]:
    """The model and every model it holds, directly or in a list, all the way down."""
    yield model
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from model_instances(item)


def api_values(corpus: Corpus) -> Iterator[object]:
    """The corpus, every model instance in it, and every record the API gives for it."""
    yield corpus
    for document in corpus.documents:
        yield from model_instances(document)
    yield from corpus.indicators()
    yield from corpus.timeline()
    topics = {topic for document in corpus.documents for i in document.indicators for topic in i.topics}
    for topic in sorted(topics):
        yield from corpus.compare(topic)


def test_every_repr_of_the_bundled_corpus_is_short() -> None:
    kinds = set()
    for value in api_values(corpus()):
        kinds.add(type(value).__name__)
        assert len(repr(value)) <= REPR_BOUND, repr(value)
    assert {"Corpus", "Document", "Indicator", "Measure", "Goal", "Principle", "Section"} <= kinds
    assert {"Issuer", "Text", "Target", "IndicatorRecord", "ComparisonRow", "TimelineEntry"} <= kinds


def test_a_corpus_shows_its_size_and_first_ids() -> None:
    ids = [d.id for d in corpus().documents]
    indicators = sum(len(d.indicators) for d in corpus().documents)
    assert repr(corpus()) == f"Corpus(5 documents: {', '.join(ids[:3])}, …; {indicators} indicators)"
    assert repr(Corpus(())) == "Corpus(0 documents; 0 indicators)"
    assert repr(Corpus(corpus().documents[:1])).startswith(f"Corpus(1 document: {ids[0]}; ")


def test_a_document_shows_its_id_title_and_counts() -> None:
    wuxi = corpus()["wuxi-party-building-model-zone"]
    assert repr(wuxi) == (
        "Document(id='wuxi-party-building-model-zone', title='无锡市争创全省党的建设模范区行动纲要', "
        f"kind='outline', date='2007', {len(wuxi.sections)} sections, {len(wuxi.goals)} goals, "
        f"{len(wuxi.principles)} principles, {len(wuxi.measures)} measures, "
        f"{len(wuxi.indicators)} indicators)"
    )
    assert len(str(wuxi)) <= REPR_BOUND  # pydantic's str is its repr without the class name


def test_an_indicator_shows_its_id_target_reading_and_deadline() -> None:
    wuxi = corpus()["wuxi-party-building-model-zone"]
    by_id = {i.id: i for i in wuxi.indicators}
    assert repr(by_id["party-building-satisfaction-rate"]) == (
        "Indicator(id='party-building-satisfaction-rate', target='≥ 90 percent', deadline='2010')"
    )
    recurring = next(i for i in wuxi.indicators if i.per is not None and i.deadline is None)
    assert f"per='{recurring.per}'" in repr(recurring)
    assert "deadline" not in repr(recurring)


def test_a_record_shows_its_document_id_and_target() -> None:
    [record] = [r for r in corpus().indicators() if r.id == "party-building-satisfaction-rate"]
    assert repr(record) == (
        "IndicatorRecord(document='wuxi-party-building-model-zone', "
        "id='party-building-satisfaction-rate', target='≥ 90 percent', deadline='2010')"
    )


def test_the_other_parts_show_id_and_title() -> None:
    document: Document = corpus()["hubei-2006-party-advancement"]
    goal, measure, principle, section = (
        document.goals[0],
        document.measures[0],
        document.principles[0],
        document.sections[0],
    )
    assert repr(goal).startswith(f"Goal(id='{goal.id}', kind='{goal.kind}', title='")
    assert repr(measure).startswith(f"Measure(id='{measure.id}', title='")
    assert repr(principle) == f"Principle(id='{principle.id}', name='{principle.name.zh}')"
    shown = f"id='{section.id}', number='{section.number}', title='{section.title.zh}'"
    assert repr(section) == f"Section({shown})"


def test_a_long_text_is_clipped_and_a_long_list_counted() -> None:
    issuers = [i for d in corpus().documents for i in d.issuers if len(i.evidence) > 2]
    assert issuers, "the bundled corpus has an issuer with several pieces of evidence"
    assert f"evidence=[{len(issuers[0].evidence)} items]" in repr(issuers[0])
    long_titles = [g for d in corpus().documents for g in d.goals if len(g.title.zh) > 32]
    assert long_titles
    assert f"title='{long_titles[0].title.zh[:31]}…'" in repr(long_titles[0])


def test_a_field_at_its_default_is_left_out() -> None:
    wuxi = corpus()["wuxi-party-building-model-zone"]
    by_id = {i.id: i for i in wuxi.indicators}
    assert repr(by_id["party-building-satisfaction-rate"].target) == (
        "Target(operator='ge', value=90, unit='percent')"
    )


def test_a_text_is_clipped_by_what_its_repr_shows_not_by_its_length() -> None:
    """A control character shows as four characters (``\\x1f``): clipping counts those."""
    from policyspec.model.reprs import TEXT_LIMIT, clipped

    assert clipped("\x1f" * 20) == "\x1f" * 7 + "…"
    assert len(repr(clipped("\x1f" * 20))) - 2 <= TEXT_LIMIT
    assert clipped("\x1f" * 8) == "\x1f" * 8  # 32 characters shown: fits
    assert clipped("思想领先") == "思想领先"
