"""The committed JSON Schema is generated from the models, is valid 2020-12, and agrees with them."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from pydantic import TypeAdapter, ValidationError

from policyspec.bundled import bundled_specs
from policyspec.loading.parsing import ParsedYaml, parse_yaml
from policyspec.model.bounds import FRACTION_PATTERN, MAX_MAGNITUDE
from policyspec.model.documents import DATE_PATTERN, Date
from policyspec.model.schema import schema_document, schema_text
from tests.conftest import EXAMPLES, REPO

COMMITTED = REPO / "schemas" / "policyspec.schema.json"


def _data(path: Path) -> object:
    parsed = parse_yaml(path.read_text(encoding="utf-8"), file=str(path))
    assert isinstance(parsed, ParsedYaml)
    return parsed.data


def test_committed_schema_matches_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "the models changed: regenerate with `policyspec schema > schemas/policyspec.schema.json`"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_is_described_for_editor_hover_help() -> None:
    schema = schema_document()
    definitions: dict[str, dict[str, object]] = schema["$defs"]  # type: ignore[assignment]
    undocumented = [
        f"{name}.{field}"
        for name, definition in {**definitions, "Document": schema}.items()
        for field, spec in definition.get("properties", {}).items()  # type: ignore[attr-defined]
        if "description" not in spec
    ]
    assert undocumented == []


def test_unknown_keys_are_errors_in_the_schema_too() -> None:
    schema = schema_document()
    definitions: dict[str, dict[str, object]] = schema["$defs"]  # type: ignore[assignment]
    assert schema["additionalProperties"] is False
    assert all(d.get("additionalProperties") is False for d in definitions.values() if "properties" in d)


SPECS = [*bundled_specs(), EXAMPLES / "valid" / "complete.yaml"]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_specs_the_models_accept_the_schema_accepts(spec: Path) -> None:
    jsonschema.Draft202012Validator(schema_document()).validate(_data(spec))


def test_examples_the_models_reject_the_schema_rejects() -> None:
    validator = jsonschema.Draft202012Validator(schema_document())
    for code in ("PS101", "PS102", "PS103", "PS104"):
        [example] = (EXAMPLES / "invalid").glob(f"{code}-*.yaml")
        assert not validator.is_valid(_data(example)), example.name


CHECK_JSONSCHEMA = shutil.which(
    "check-jsonschema", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
)


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema is not installed")
def test_check_jsonschema_accepts_every_bundled_spec() -> None:
    assert CHECK_JSONSCHEMA is not None
    result = subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", str(COMMITTED), *map(str, bundled_specs())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- dates exist: one pattern, the same to the models, to Python's re and to the JSON Schema ---

_DATE_FIELD = schema_document()["$defs"]["Date"]["properties"]["value"]  # type: ignore[index]
_DATE_SCHEMA = jsonschema.Draft202012Validator(_DATE_FIELD)
_DATE_MODEL = TypeAdapter(Date)


def _date_accepted(text: str) -> bool:
    """The verdicts of Python's re, the models (Rust regex) and python-jsonschema: they must agree."""
    by_re = re.fullmatch(DATE_PATTERN, text) is not None
    try:
        _DATE_MODEL.validate_python({"value": text, "kind": "issued"})
        by_model = True
    except ValidationError:
        by_model = False
    by_schema = _DATE_SCHEMA.is_valid(text)
    assert by_re == by_model == by_schema, (text, by_re, by_model, by_schema)
    return by_re


def _is_a_day(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2099


@pytest.mark.parametrize("year", [1900, 1901, 1999, 2000, 2004, 2007, 2010, 2096, 2099, 2100])
def test_the_date_pattern_accepts_exactly_the_days_of_the_calendar(year: int) -> None:
    for month in range(1, 13):
        assert _date_accepted(f"{year}-{month:02d}") is (year <= 2099)
        for day in range(33):
            text = f"{year}-{month:02d}-{day:02d}"
            assert _date_accepted(text) is _is_a_day(year, month, day), text
    assert _date_accepted(str(year)) is (year <= 2099)


@pytest.mark.parametrize(
    "text",
    [
        *("2010-02-30", "2007-02-29", "1900-02-29", "2100-02-29", "2010-04-31", "2010-00", "2010-13", "1899"),
        *("2010-1-5", "2010-01-5", "20100105", "2010/01/05", " 2010", "2010 ", "2010\n", "２０１０", ""),
    ],
)
def test_the_date_pattern_refuses_what_is_no_date(text: str) -> None:
    assert not _date_accepted(text)


@pytest.mark.parametrize("text", ["1900-02-28", "2000-02-29", "2004-02-29", "2096-02-29", "2010-12-31"])
def test_the_date_pattern_accepts_the_edges(text: str) -> None:
    assert _date_accepted(text)


@pytest.mark.parametrize("field", ["value", "upper"])
def test_figure_bounds_are_in_the_committed_schema(field: str) -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    branches = schema["$defs"]["Target"]["properties"][field]["anyOf"]
    bounded = {"minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE}
    assert bounded | {"type": "integer"} in branches
    assert bounded | {"type": "number"} in branches
    assert [b["pattern"] for b in branches if "pattern" in b] == [FRACTION_PATTERN]
