"""The placeholder rule (PS224) skips the walk over a document's texts only when its YAML text
cannot hold a placeholder: however a value is written — plain, quoted, escaped — the rule finds
with the text exactly what it finds without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.loading.parsing import ParsedYaml, parse_yaml
from policyspec.loading.structure import build_document
from policyspec.rules import Finding, RuleContext, drafts
from policyspec.rules.drafts import no_todo_left

EXAMPLE = Path(__file__).parents[1] / "examples" / "invalid" / "PS224-todo-left.yaml"
PLACEHOLDER = "en: TODO}"


def _with_measured_en(written: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8").replace("left as TODO", "left as a placeholder")
    assert text.count(PLACEHOLDER) == 1
    return text.replace(PLACEHOLDER, f"en: {written}}}")


def _escaped(value: str) -> str:
    """Double-quoted, every letter T written as an escape (the file never shows a T)."""
    return json.dumps(value, ensure_ascii=True).replace("T", "\\u0054")


def _joined(value: str) -> str:
    """Double-quoted, broken before every D by an escaped line break (the file never shows ``OD``)."""
    return json.dumps(value, ensure_ascii=False).replace("D", "\\\n      D")


def _single_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _findings(text: str, *, with_text: bool) -> list[Finding]:
    parsed = parse_yaml(text, file="draft.yaml")
    assert isinstance(parsed, ParsedYaml)
    document = build_document(parsed.data, file="draft.yaml", marks=parsed.marks, plain=True)
    assert not isinstance(document, list), document
    context = RuleContext(document, None, None, (), spec_text=text if with_text else None)
    return list(no_todo_left(context))


WRITERS = [json.dumps, _escaped, _joined, _single_quoted]
VALUES = st.text(alphabet=st.sampled_from("TODOtodo x-\\\"'é中"), min_size=1, max_size=12).filter(
    lambda v: v.strip() == v and v.strip()
)


@given(VALUES, st.sampled_from(WRITERS))
def test_findings_are_the_same_with_and_without_the_yaml_text(value: str, write: object) -> None:
    text = _with_measured_en(write(value))  # type: ignore[operator]
    assert _findings(text, with_text=True) == _findings(text, with_text=False)


@pytest.mark.parametrize("write", WRITERS, ids=["double", "escaped", "joined", "single"])
def test_a_placeholder_is_found_however_it_is_written(write: object) -> None:
    text = _with_measured_en(write("TODO: translate"))  # type: ignore[operator]
    assert [f.code for f in _findings(text, with_text=True)] == ["PS224"]


def test_a_file_without_the_word_or_an_escape_is_not_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _with_measured_en("Satisfaction rate")

    def no_walk(*_: object) -> None:
        raise AssertionError("the document's texts were walked")

    monkeypatch.setattr(drafts, "_strings", no_walk)
    assert _findings(text, with_text=True) == []
    with pytest.raises(AssertionError, match="walked"):
        _findings(text, with_text=False)
