"""The Python API: load the bundled corpus anywhere, and get the diagnostics when input is bad."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyspec
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
