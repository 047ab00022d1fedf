"""Every rule is registered with the codes it may emit, and emits no other.

Each rule runs over every spec the project holds (the golden examples, the hazards, the bundled
corpus), with the source text found, missing and unusable, so that each branch of a rule that
depends on the source is taken.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from policyspec.bundled import bundled_dir, bundled_specs
from policyspec.codes import CODES_BY_ID
from policyspec.diagnostics import Diagnostic
from policyspec.loading.decoding import DecodeFailure, decode_spec
from policyspec.loading.parsing import parse_yaml
from policyspec.loading.structure import build_document
from policyspec.model.documents import Document
from policyspec.rules import RULES, Finding, Rule, RuleContext
from tests.conftest import EXAMPLES, REPO

SPECS = sorted(
    [
        *EXAMPLES.glob("*/*.yaml"),
        *EXAMPLES.glob("invalid/*/*.yaml"),
        *(REPO / "tests" / "hazards").glob("*.yaml"),
        *bundled_specs(),
    ]
)
SOURCE_FOLDERS = (EXAMPLES / "sources", bundled_dir("sources"))
CORPUS_WIDE = {"PS218"}  # policyspec.rules.corpus: across the files checked together


def _documents() -> Iterator[Document]:
    for path in SPECS:
        text = decode_spec(path.read_bytes())
        if isinstance(text, DecodeFailure):
            continue
        parsed = parse_yaml(text, file=path.name)
        if isinstance(parsed, Diagnostic):
            continue
        document = build_document(parsed.data, file=path.name, marks=parsed.marks)
        if isinstance(document, Document):
            yield document


def _contexts(document: Document) -> Iterator[RuleContext]:
    """The document with its source text as found, missing, and unusable."""
    searched = tuple(str(folder) for folder in SOURCE_FOLDERS)
    for folder in SOURCE_FOLDERS:
        source = folder / document.source.file
        if source.is_file():
            raw = source.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                break
            yield RuleContext(document, text, hashlib.sha256(raw).hexdigest(), searched)
            break
    yield RuleContext(document, None, None, searched)
    yield RuleContext(document, None, None, searched, source_problem="not UTF-8")


CONTEXTS = [context for document in _documents() for context in _contexts(document)]


def test_the_rules_see_many_documents() -> None:
    assert len({context.document.id for context in CONTEXTS}) >= 5
    assert any(context.source_text is not None for context in CONTEXTS)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_a_rule_emits_only_the_codes_it_declares(rule: Rule[RuleContext, Finding]) -> None:
    emitted = {finding.code for context in CONTEXTS for finding in rule(context)}
    assert emitted <= rule.codes


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_a_rule_declares_semantic_codes(rule: Rule[RuleContext, Finding]) -> None:
    assert rule.codes
    assert all(code.startswith("PS2") for code in rule.codes)


def test_every_semantic_code_belongs_to_a_rule() -> None:
    declared = [code for rule in RULES for code in rule.codes]
    semantic = {code for code in CODES_BY_ID if code.startswith("PS2")}
    assert sorted(declared) == sorted(semantic - CORPUS_WIDE)  # each code to one rule


def test_every_rule_code_is_emitted_by_some_example() -> None:
    """A declared code no example triggers is a code the test above cannot hold the rule to."""
    emitted = {finding.code for context in CONTEXTS for rule in RULES for finding in rule(context)}
    assert emitted == {code for rule in RULES for code in rule.codes}


def test_corpus_rules_emit_only_the_codes_they_declare() -> None:
    from policyspec.rules.corpus import CORPUS_RULES, DocumentIdentity

    same = [DocumentIdentity(f"{name}.yaml", "plan", (3, 5)) for name in ("a", "b", "c")]
    for rule in CORPUS_RULES:
        emitted = {diagnostic.code for _, diagnostic in rule([*same, None])}
        assert emitted
        assert emitted <= rule.codes
