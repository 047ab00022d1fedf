"""The bundled corpus as a whole: five documents, every quote verified, stable counts.

The counts pin the encoding: a change that drops or adds an indicator must update this table
on purpose (and the CHANGELOG), not by accident.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

import policyspec
from policyspec.bundled import bundled_dir, bundled_specs
from policyspec.loading.check_files import check_files
from policyspec.model.walk import identified, quoted_texts
from tests.conftest import RunCli

EXPECTED = {
    # source file: (document id, sections, measures, indicators)
    "000_d1419bd5a6a19614.txt": ("wuxi-party-building-model-zone", 56, 32, 67),
    "001_5d0bd5caa290ef43.txt": ("hangzhou-2003-anti-corruption-system", 53, 39, 14),
    "002_a7e0ca6956479a3b.txt": ("hubei-2006-party-advancement", 36, 25, 20),
    "003_f1469f3afbf30131.txt": ("work-points-2020-party-building", 37, 29, 20),
    "004_54919c5a67e0960e.txt": ("henan-2015-strict-party-governance", 42, 32, 9),
}


@pytest.fixture(scope="module")
def corpus() -> policyspec.Corpus:
    return policyspec.load()


def test_one_spec_per_source_named_after_it() -> None:
    sources = sorted(p.stem for p in bundled_dir("sources").glob("*.txt"))
    assert [p.stem for p in bundled_specs()] == sources
    assert sorted(f"{s}.txt" for s in sources) == sorted(EXPECTED)


def test_the_corpus_validates_without_any_diagnostic() -> None:
    checked = check_files(bundled_specs())
    assert [d for spec in checked for d in spec.diagnostics] == []


def test_every_quote_is_in_its_source(corpus: policyspec.Corpus) -> None:
    for document in corpus.documents:
        text = (bundled_dir("sources") / document.source.file).read_text(encoding="utf-8")
        missing = [quote for _, quote in quoted_texts(document) if quote not in text]
        assert missing == [], document.id


def test_sources_are_archived_byte_for_byte(corpus: policyspec.Corpus) -> None:
    for document in corpus.documents:
        raw = (bundled_dir("sources") / document.source.file).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == document.source.sha256


def test_ids_are_unique_across_the_corpus(corpus: policyspec.Corpus) -> None:
    document_ids = Counter(d.id for d in corpus.documents)
    qualified = Counter(f"{d.id}/{ident}" for d in corpus.documents for _, ident in identified(d))
    assert [i for i, n in document_ids.items() if n > 1] == []
    assert [i for i, n in qualified.items() if n > 1] == []


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_counts_per_document(corpus: policyspec.Corpus, source: str) -> None:
    document_id, sections, measures, indicators = EXPECTED[source]
    document = corpus.document(document_id)
    assert document.source.file == source
    assert (len(document.sections), len(document.measures), len(document.indicators)) == (
        sections,
        measures,
        indicators,
    )


def test_every_document_records_its_provenance(corpus: policyspec.Corpus) -> None:
    for document in corpus.documents:
        assert document.issuers, document.id
        for issuer in document.issuers:
            assert not issuer.inferred or issuer.evidence, document.id


def test_placeholders_are_flagged_never_guessed(corpus: policyspec.Corpus) -> None:
    placeholders = [r for r in corpus.indicators() if r.placeholder]
    assert placeholders, "the 2020 work points leave figures as X"
    assert all(r.value is None for r in placeholders)


def test_the_same_topic_can_be_compared_across_documents(corpus: policyspec.Corpus) -> None:
    research = {r.document for r in corpus.indicators() if "research-time" in r.topics}
    assert len(research) >= 2


def test_the_corpus_is_in_the_canonical_layout(run_cli: RunCli) -> None:
    result = run_cli("fmt", "--check", "specs", "tests/examples/valid")
    assert result.code == 0, result.out
