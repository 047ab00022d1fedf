"""Writing a document down and reading it back loses nothing: as YAML (specs) and as JSON (releases)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given

from policyspec.loading.parsing import ParsedYaml, parse_yaml
from policyspec.loading.structure import build_document
from policyspec.model.documents import Document
from tests.properties.conftest import to_yaml
from tests.strategies import documents


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down: 2 is not 2.0, and "2010" is not 2010."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    return bool(a == b)


_MINIMAL = {
    "id": "plan",
    "source": {"file": "a.txt", "sha256": "0" * 64},
    "title": {"zh": "规划", "en": ".1e3"},  # a float to YAML 1.2, not to ruamel.yaml's resolver
    "kind": "plan",
    "issuers": [{"name": {"zh": "市委\u2028", "en": "-.5"}, "level": "municipal"}],
}


@given(documents())
@example(_MINIMAL)
def test_yaml_dump_then_parse_gives_the_same_data_and_model(data: dict[str, Any]) -> None:
    parsed = parse_yaml(to_yaml(data), file="spec.yaml")
    assert isinstance(parsed, ParsedYaml), parsed
    assert same(parsed.data, data)
    document = build_document(parsed.data, file="spec.yaml", marks=parsed.marks)
    assert document == Document.model_validate(data, strict=True)


@given(documents())
def test_model_to_json_and_back_is_the_identity(data: dict[str, Any]) -> None:
    document = Document.model_validate(data, strict=True)
    text = json.dumps(document.model_dump(mode="json"), ensure_ascii=False)
    again = Document.model_validate_json(text)
    assert again == document
    assert json.dumps(again.model_dump(mode="json"), ensure_ascii=False) == text
