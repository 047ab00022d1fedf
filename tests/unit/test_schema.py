"""The committed JSON Schema is generated from the models, is valid 2020-12, and agrees with them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from policyspec.bundled import bundled_specs
from policyspec.parsing import ParsedYaml, parse_yaml
from policyspec.schema import schema_document, schema_text
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
