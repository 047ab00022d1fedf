"""``policyspec coverage``: every statement of each source with its status, as text or JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, REPO, RunCli

SOURCE = EXAMPLES / "sources" / "sample.txt"


def test_the_bundled_corpus_accounts_for_everything(run_cli: RunCli) -> None:
    result = run_cli("coverage", "--format", "json")
    assert result.code == 0
    documents = json.loads(result.out)["documents"]
    assert len(documents) == 5
    for document in documents:
        assert document["accounted"] == document["total"] == len(document["statements"]) > 0
        text = (REPO / "sources" / document["source"]).read_text(encoding="utf-8")
        for statement in document["statements"]:
            assert text[statement["start"] : statement["end"]] == statement["text"]
            assert statement["status"] in ("encoded", "excluded")


def test_an_uncovered_statement_is_listed_and_fails(run_cli: RunCli) -> None:
    spec = "tests/examples/invalid/PS223-uncovered-statement.yaml"
    result = run_cli("coverage", spec)
    assert result.code == 1
    assert "sample.txt:8:20: tier '两级' uncovered" in result.out
    [document] = json.loads(run_cli("coverage", "--format", "json", spec).out)["documents"]
    [uncovered] = [s for s in document["statements"] if s["status"] == "uncovered"]
    assert SOURCE.read_text(encoding="utf-8")[uncovered["start"] : uncovered["end"]] == "两级"


def test_a_spec_whose_source_is_missing_fails_with_the_reason(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    shutil.copy(EXAMPLES / "valid" / "complete.yaml", tmp_path / "specs" / "plan.yaml")
    result = run_cli("coverage", str(tmp_path / "specs"))
    assert result.code == 1
    assert "source text sample.txt not found" in result.out
