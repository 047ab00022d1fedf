"""The flat view: one record per indicator, in document order, its figures as JSON numbers or 'p/q'.

The rules for the figures themselves are specified in ``test_exact.py``.
"""

from __future__ import annotations

from functools import cache

import policyspec
from policyspec.api.corpus import Corpus
from policyspec.api.records import indicator_record, indicator_records
from policyspec.model.exact import json_number


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
            assert record.lead_units == [unit.zh for unit in indicator.lead_units]


def test_a_third_stays_an_exact_fraction() -> None:
    hangzhou = corpus().document("hangzhou-2003-anti-corruption-system")
    [record] = [r for r in indicator_records(hangzhou) if r.id == "incompetent-votes-removal"]
    assert (record.value, record.unit) == ("1/3", "fraction")
