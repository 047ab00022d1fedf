"""Every quote of a release knows its place in the source text the release ships: slicing that
text at the quote's start and end gives the quote, and the selector's prefix and suffix are the
text around it. Checked for every quote of policyspec.json and every row of every table file."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policyspec.api.corpus import load
from policyspec.cli.program import main
from policyspec.model.walk import quoted_texts
from policyspec.release.anchors import CONTEXT

QUOTED_TABLES = ("indicators", "measures", "excluded")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("anchors") / "release"
    assert main(["release", "--out", str(out)]) == 0
    return out


def _source(release: Path, file: str) -> str:
    return (release / "sources" / file).read_text(encoding="utf-8")


def _assert_anchored(text: str, quote: str, selectors: list[dict[str, Any]]) -> None:
    position, around = selectors
    assert position["type"] == "TextPositionSelector"
    assert around["type"] == "TextQuoteSelector"
    start, end = position["start"], position["end"]
    assert text[start:end] == quote == around["exact"]
    assert around["prefix"] == text[max(0, start - CONTEXT) : start]
    assert around["suffix"] == text[end : end + CONTEXT]


def _quoted(value: Any) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Every (quote, selectors) pair in a released document, evidence quotes one by one."""
    if isinstance(value, dict):
        if isinstance(value.get("quote"), str):
            yield value["quote"], value["quote_selectors"]
        if value.get("evidence"):
            yield from zip(value["evidence"], value["evidence_selectors"], strict=True)
        for item in value.values():
            yield from _quoted(item)
    elif isinstance(value, list):
        for item in value:
            yield from _quoted(item)


def test_every_quote_of_policyspec_json_slices_out_of_its_shipped_source(release: Path) -> None:
    documents = json.loads((release / "policyspec.json").read_text(encoding="utf-8"))["documents"]
    corpus = {document.id: document for document in load().documents}
    for document in documents:
        text = _source(release, document["source"]["file"])
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == document["source"]["sha256"]
        anchored = list(_quoted(document))
        expected = sorted(quote for _, quote in quoted_texts(corpus[document["id"]]))
        assert sorted(quote for quote, _ in anchored) == expected  # every quote, and only quotes
        for quote, selectors in anchored:
            _assert_anchored(text, quote, selectors)


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.mark.parametrize("table", QUOTED_TABLES)
def test_every_row_slices_its_quote_out_of_its_shipped_source(release: Path, table: str) -> None:
    import pyarrow.parquet as pq

    rows = [
        json.loads(line) for line in (release / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    flat = {
        "csv": _csv(release / f"{table}.csv"),
        "parquet": pq.read_table(release / f"{table}.parquet").to_pylist(),
    }
    assert rows
    for number, row in enumerate(rows):
        shipped = (release / "sources" / row["source_file"]).read_bytes()
        assert hashlib.sha256(shipped).hexdigest() == row["source_sha256"]
        text = shipped.decode("utf-8")
        _assert_anchored(text, row["quote"], row["quote_selectors"])
        assert (row["quote_start"], row["quote_end"]) == (
            row["quote_selectors"][0]["start"],
            row["quote_selectors"][0]["end"],
        )
        for form, other in flat.items():
            start, end = int(other[number]["quote_start"]), int(other[number]["quote_end"])
            assert text[start:end] == other[number]["quote"] == row["quote"], form
