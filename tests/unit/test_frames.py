"""The flat view in pandas: one call, typed columns, and pandas only when a frame is asked for."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from fractions import Fraction
from functools import cache

import pandas as pd
import pytest

import policyspec
from policyspec.api.corpus import Corpus
from policyspec.api.frames import indicators_frame
from policyspec.api.records import IndicatorRecord
from policyspec.model.dates import year_of
from policyspec.model.vocabulary import OPERATORS, UNITS


@cache
def corpus() -> Corpus:
    return policyspec.load()


def test_a_frame_has_one_row_per_record_and_a_column_per_field_in_order() -> None:
    records = corpus().indicators()
    frame = corpus().indicators_frame()
    assert len(frame) == len(records)
    names = [field.name for field in fields(IndicatorRecord)]
    assert [c for c in frame.columns if c in names] == names
    derived = {"exact_value": "value", "exact_upper": "upper", "deadline_year": "deadline"}
    assert set(frame.columns) == set(names) | set(derived)
    for column, source in derived.items():  # each beside the field it comes from
        assert list(frame.columns).index(column) == list(frame.columns).index(source) + 1
    assert list(frame["id"]) == [r.id for r in records]


def test_the_columns_have_sensible_dtypes() -> None:
    dtypes = corpus().indicators_frame().dtypes
    assert dtypes["deadline_year"] == "Int64"
    assert dtypes["value"] == dtypes["upper"] == "Float64"
    assert dtypes["per_term"] == dtypes["placeholder"] == "bool"
    assert dtypes["id"] == dtypes["deadline"] == dtypes["reference_zh"] == pd.StringDtype()
    assert list(dtypes["operator"].categories) == list(OPERATORS)
    assert list(dtypes["unit"].categories) == list(UNITS)
    assert all(dtypes[name] != "float64" for name in ("deadline", "deadline_year"))


def test_the_cells_are_the_records_values() -> None:
    frame = corpus().indicators_frame()
    for record, row in zip(corpus().indicators(), frame.itertuples(index=False), strict=True):
        assert row.exact_value == record.exact_value
        assert row.exact_upper == record.exact_upper
        if record.exact_value is None:
            assert pd.isna(row.value)
        else:
            assert row.value == float(record.exact_value)
        assert (None if pd.isna(row.deadline) else row.deadline) == record.deadline
        expected_year = None if record.deadline is None else year_of(record.deadline)
        assert (None if pd.isna(row.deadline_year) else row.deadline_year) == expected_year
        assert (None if pd.isna(row.operator) else row.operator) == record.operator
        assert row.topics == list(record.topics)
        assert row.lead_units == list(record.lead_units)


def test_a_third_is_a_float_beside_its_exact_fraction() -> None:
    frame = corpus().indicators_frame(unit="fraction")
    assert list(frame["exact_value"]) == [Fraction(1, 3)]
    assert frame["value"].iloc[0] == pytest.approx(1 / 3)


def test_the_criteria_are_those_of_indicators() -> None:
    frame = corpus().indicators_frame(topic="research-time", unit="months")
    assert list(frame["id"]) == [r.id for r in corpus().indicators(topic="research-time", unit="months")]
    assert (frame["deadline_year"].dropna() <= 2010).all()
    with pytest.raises(policyspec.QueryError):
        corpus().indicators_frame(topic="reseach-time")  # type: ignore[arg-type]


def test_no_records_is_an_empty_frame_with_the_same_columns_and_dtypes() -> None:
    empty = indicators_frame([])
    assert empty.empty
    assert dict(empty.dtypes) == dict(corpus().indicators_frame().dtypes)


def test_without_pandas_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an import finds when pandas is absent
    with pytest.raises(ImportError, match=r"needs pandas.*pip install pandas"):
        corpus().indicators_frame()


def test_pandas_is_imported_only_for_a_frame() -> None:
    code = "import sys, policyspec; policyspec.load().indicators(); print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
