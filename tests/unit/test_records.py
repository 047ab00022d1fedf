"""The flat view: one record per indicator, in document order, its figures as JSON numbers or 'p/q'.

The rules for the figures themselves are specified in ``test_exact.py``.
"""

from __future__ import annotations

import json
import typing
from dataclasses import fields
from fractions import Fraction
from functools import cache

import pytest

import policyspec
from policyspec.api.compare import ComparisonRow
from policyspec.api.corpus import Corpus
from policyspec.api.records import IndicatorRecord, indicator_record, indicator_records
from policyspec.model import vocabulary
from policyspec.model.documents import Indicator, Target
from policyspec.model.exact import exact, json_number


@cache
def corpus() -> Corpus:
    return policyspec.load()


def test_one_record_per_indicator_in_document_order() -> None:
    for document in corpus().documents:
        records = indicator_records(document)
        assert [(r.document, r.id) for r in records] == [(document.id, i.id) for i in document.indicators]


def test_a_record_flattens_its_indicator() -> None:
    for document in corpus().documents:
        for indicator in document.indicators:
            record = indicator_record(document, indicator)
            target = indicator.target
            assert (record.value, record.upper) == (json_number(target.value), json_number(target.upper))
            assert (record.operator, record.unit) == (target.operator, target.unit)
            assert record.reference_zh == (target.reference.zh if target.reference else None)
            assert record.lead_units == tuple(unit.zh for unit in indicator.lead_units)
            assert record.topics == tuple(indicator.topics)


def test_a_third_stays_an_exact_fraction() -> None:
    hangzhou = corpus().document("hangzhou-2003-anti-corruption-system")
    [record] = [r for r in indicator_records(hangzhou) if r.id == "incompetent-votes-removal"]
    assert (record.value, record.unit) == ("1/3", "fraction")


def test_the_exact_accessors_give_the_figures_as_fractions() -> None:
    for document in corpus().documents:
        for indicator in document.indicators:
            record = indicator_record(document, indicator)
            target = indicator.target
            assert record.exact_value == (None if target.value is None else exact(target.value))
            assert record.exact_upper == (None if target.upper is None else exact(target.upper))
            figures = (record.exact_value, record.exact_upper)
            assert all(isinstance(f, Fraction) for f in figures if f is not None)
    [third] = corpus().indicators(document="hangzhou-2003-anti-corruption-system", unit="fraction")
    assert (third.value, third.exact_value) == ("1/3", Fraction(1, 3))


def test_a_comparison_row_has_the_same_exact_accessors() -> None:
    for row in corpus().compare("research-time"):
        [record] = [r for r in corpus().indicators(document=row.document) if r.id == row.indicator]
        assert (row.exact_value, row.exact_upper) == (record.exact_value, record.exact_upper)


@pytest.mark.parametrize("record_type", [IndicatorRecord, ComparisonRow])
def test_vocabulary_fields_are_typed_by_their_vocabulary(record_type: type) -> None:
    """operator, unit, topics… are Literals, as the filters take them, not plain str."""
    hints = typing.get_type_hints(record_type)
    model_hints = {**typing.get_type_hints(Target), **typing.get_type_hints(Indicator)}
    expected = {
        "operator": vocabulary.Operator | None,
        "unit": vocabulary.Unit | None,
        "kind": model_hints["kind"],
        "commitment": vocabulary.Commitment | None,
        "topics": tuple[vocabulary.Topic, ...],
    }
    for name, hint in expected.items():
        if name in hints:
            assert hints[name] == hint, name
    assert {"operator", "unit"} <= set(hints)


def test_records_are_frozen_and_hashable() -> None:
    records = corpus().indicators()
    assert len(set(records)) == len(records)  # hashable, and no two alike
    assert {r: r.id for r in records}[records[0]] == records[0].id
    with pytest.raises(AttributeError):
        records[0].id = "other"  # type: ignore[misc]
    rows = corpus().compare("research-time")
    assert len(set(rows)) == len(rows)


def test_as_dict_is_the_json_shape_lists_and_all() -> None:
    for record in corpus().indicators():
        shape = record.as_dict()
        assert list(shape) == [field.name for field in fields(IndicatorRecord)]
        assert shape["topics"] == list(record.topics)
        assert shape["lead_units"] == list(record.lead_units)
        assert json.loads(json.dumps(shape, ensure_ascii=False)) == shape
