"""The Python API: load the bundled corpus anywhere, and get the diagnostics when input is bad."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyspec
from policyspec.api.corpus import Corpus
from policyspec.api.records import IndicatorRecord
from tests.conftest import EXAMPLES


def test_load_without_arguments_gives_the_bundled_corpus() -> None:
    corpus = policyspec.load()
    assert len(corpus.documents) == 5
    assert [d.id for d in corpus.documents] == sorted(d.id for d in corpus.documents)


def test_indicators_are_typed_flat_records() -> None:
    corpus = policyspec.load([EXAMPLES / "valid" / "complete.yaml"])
    records = corpus.indicators()
    assert all(isinstance(r, IndicatorRecord) for r in records)
    assert {r.document for r in records} == {"sample-plan"}
    satisfaction = next(r for r in records if r.id == "satisfaction")
    assert (satisfaction.operator, satisfaction.value, satisfaction.unit) == ("ge", 90, "percent")


def test_document_lookup() -> None:
    corpus = policyspec.load([EXAMPLES / "valid"])
    assert corpus.document("sample-plan").title.zh == "示范市党的建设工作规划"
    with pytest.raises(KeyError, match="no document 'nope'"):
        corpus.document("nope")


def test_a_corpus_is_a_collection_of_its_documents() -> None:
    corpus = policyspec.load()
    assert len(corpus) == len(corpus.documents)
    assert list(corpus) == list(corpus.documents)
    for document in corpus.documents:
        assert corpus[document.id] is document is corpus.document(document.id)
        assert document.id in corpus
        assert document in corpus
    assert "nope" not in corpus
    assert 5 not in corpus


def test_an_unknown_id_is_a_key_error_naming_the_known_ids() -> None:
    corpus = policyspec.load()
    with pytest.raises(KeyError, match="no document 'wuxi' in the corpus") as raised:
        corpus["wuxi"]
    message = str(raised.value)
    assert "did you mean wuxi-party-building-model-zone?" in message
    assert all(document.id in message for document in corpus)


def test_a_lookup_in_a_large_corpus_lists_a_few_ids_and_counts_the_rest() -> None:
    document = policyspec.load().documents[0]
    many = Corpus(tuple(document.model_copy(update={"id": f"doc-{n}"}) for n in range(500)))
    with pytest.raises(KeyError) as raised:
        many["nope"]
    assert "(500 in all)" in str(raised.value)
    assert len(str(raised.value)) < 300
    assert many["doc-499"].id == "doc-499"


def test_invalid_specs_raise_with_every_diagnostic(tmp_path: Path) -> None:
    broken = EXAMPLES / "invalid" / "PS101-unknown-key.yaml"
    with pytest.raises(policyspec.PolicyspecError) as caught:
        policyspec.load([broken])
    codes = sorted(d.code for d in caught.value.diagnostics)
    assert codes == ["PS101", "PS102"]
    assert "PS10" in str(caught.value)


def test_models_are_immutable() -> None:
    document = policyspec.load([EXAMPLES / "valid" / "complete.yaml"]).documents[0]
    with pytest.raises(Exception, match="frozen"):
        document.id = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    "module",
    [
        "policyspec",
        "policyspec.cli",
        "policyspec.model",
        "policyspec.model.vocabulary",
        "policyspec.loading",
        "policyspec.api",
        "policyspec.release",
        "policyspec.fmt",
        "policyspec._fs",
        "policyspec.config",
        "policyspec.config.discovery",
        "policyspec.cli.program",
    ],
)
def test_import_is_light(module: str) -> None:
    """The package and its stage packages import nothing heavy: start-up time is a feature."""
    import subprocess
    import sys

    heavy = "('pydantic', 'yaml', 'jsonschema', 'ruamel', 'pyarrow', 'pandas')"
    code = f"import sys, {module}; print(sorted(m for m in {heavy} if m in sys.modules))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
