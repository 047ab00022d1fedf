"""The published JSON Schema and the pydantic models agree on what is valid, document by document.

Editors validate with the schema, ``policyspec validate`` with the models: a document one accepts
and the other refuses would make the two tell an editor different things. The check path's
compiled copy of the schema (:mod:`policyspec.model._fast_check`) is held to the same verdicts:
what it accepts is built without the models' validation.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from policyspec.model._fast_check import accepts as fast_check_accepts
from policyspec.model.documents import Document
from policyspec.model.schema import schema_document
from tests.properties.conftest import PER_KIND
from tests.strategies import (
    BEYOND_FIGURES,
    DATES,
    FIGURE_FAULTS,
    FIGURES,
    IMPOSSIBLE_DATES,
    MUTATION_KINDS,
    documents,
    mutations,
)

VALIDATOR = jsonschema.Draft202012Validator(schema_document())


def models_accept(data: Any) -> bool:
    """The models' verdict, exactly as ``policyspec.loading.structure.build_document`` asks for it."""
    try:
        Document.model_validate(data, strict=True)
    except ValidationError:
        return False
    return True


def schema_accepts(data: Any) -> bool:
    """The published schema's verdict, by python-jsonschema; the compiled copy must say the same."""
    verdict = VALIDATOR.is_valid(data)
    assert fast_check_accepts(data) is verdict, "the compiled schema disagrees with the schema"
    return verdict


@given(documents())
def test_both_accept_every_valid_document(data: dict[str, Any]) -> None:
    assert models_accept(data)
    assert schema_accepts(data), [error.message for error in VALIDATOR.iter_errors(data)]


@pytest.mark.parametrize("kind", MUTATION_KINDS + FIGURE_FAULTS)
@PER_KIND
@given(data=st.data())
def test_both_refuse_every_document_with_one_fault(kind: str, data: st.DataObject) -> None:
    mutation = data.draw(mutations(kinds=(kind,)), label="mutation")
    assert not models_accept(mutation.data)
    assert not schema_accepts(mutation.data)


def _minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "plan",
        "source": {"file": "a.txt", "sha256": "0" * 64},
        "title": {"zh": "规划", "en": "Plan"},
        "kind": "plan",
        "issuers": [{"name": {"zh": "市委", "en": "Committee"}, "level": "municipal"}],
    }
    return data | changes


def test_the_minimal_document_is_valid_for_both() -> None:
    assert models_accept(_minimal())
    assert schema_accepts(_minimal())


def test_a_value_ending_in_a_line_break_is_judged_alike() -> None:
    data = _minimal(id="plan\n")  # in YAML: id: "plan\n", or a block scalar
    assert models_accept(data) == schema_accepts(data)


def test_an_integral_float_year_is_judged_alike() -> None:
    data = _minimal(plan_period={"start": 2007.0, "end": 2010})  # in YAML: start: 2007.0
    assert models_accept(data) == schema_accepts(data)


@pytest.mark.parametrize("figure", [float("inf"), float("nan")], ids=["inf", "nan"])
def test_a_non_finite_figure_is_judged_alike(figure: float) -> None:
    indicator = {"id": "share", "quote": "以上", "measured": {"zh": "比例", "en": "Share"}}
    data = _minimal(indicators=[indicator | {"target": {"operator": "ge", "value": figure, "unit": "times"}}])
    assert models_accept(data) == schema_accepts(data)


def _with_figure(value: Any, upper: Any = None) -> dict[str, Any]:
    target = {"operator": "range" if upper is not None else "eq", "value": value, "unit": "times"}
    if upper is not None:
        target["upper"] = upper
    indicator = {"id": "count", "quote": "20个", "measured": {"zh": "数", "en": "Count"}, "target": target}
    return _minimal(indicators=[indicator])


@given(FIGURES | BEYOND_FIGURES, st.booleans())
def test_figures_near_and_beyond_the_bounds_are_judged_alike(figure: Any, as_upper: bool) -> None:
    data = _with_figure(0, figure) if as_upper else _with_figure(figure)
    assert models_accept(data) == schema_accepts(data)


@pytest.mark.parametrize(
    ("figure", "valid"),
    [
        (10**15, True),
        (-(10**15), True),
        (10**15 + 1, False),
        (-(10**15) - 1, False),
        (1e15, True),
        (1.0000000000000002e15, False),
        ("999999999999999/999999999999999", True),
        ("1000000000000000/3", False),
        ("3/1000000000000000", False),
        ("-999999999999999/1", True),
    ],
)
def test_the_bounds_are_where_the_models_say(figure: Any, valid: bool) -> None:
    assert models_accept(_with_figure(figure)) is valid
    assert schema_accepts(_with_figure(figure)) is valid


@given(DATES | IMPOSSIBLE_DATES)
def test_dates_are_judged_alike(day: str) -> None:
    for data in (_minimal(date={"value": day, "kind": "issued"}), _with_deadline(day)):
        assert models_accept(data) == schema_accepts(data)


def _with_deadline(day: str) -> dict[str, Any]:
    goal = {"id": "goal", "kind": "overall", "title": {"zh": "目标", "en": "Goal"}, "quote": "目标"}
    return _minimal(goals=[goal | {"deadline": day}])


@pytest.mark.parametrize("day", ["2010-02-30", "2007-02-29", "1900-02-29", "2010-04-31", "2100-01-01"])
def test_impossible_dates_are_refused_by_both(day: str) -> None:
    data = _with_deadline(day)
    assert not models_accept(data)
    assert not schema_accepts(data)


def test_the_compiled_schema_refuses_what_it_cannot_compare() -> None:
    """Data the generated code cannot even compare (a mapping where a number goes) is a refusal:
    the models then decide, and report."""
    data = _with_figure({"a": 1})
    assert not fast_check_accepts(data)
    assert not models_accept(data)
