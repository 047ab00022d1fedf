"""A release streams: its memory does not grow with the corpus, and writing document by document
gives exactly the bytes of writing everything at once, whatever order the specs come in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policyspec.bundled import bundled_specs
from policyspec.cli.program import main
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

from synthetic import make_corpus


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_order_the_specs_are_given_in_changes_no_byte(tmp_path: Path) -> None:
    specs = [str(path) for path in bundled_specs()]
    assert main(["release", "--out", str(tmp_path / "forward"), *specs]) == 0
    assert main(["release", "--out", str(tmp_path / "backward"), *reversed(specs)]) == 0
    assert _files(tmp_path / "forward") == _files(tmp_path / "backward")


def test_policyspec_json_is_an_indented_envelope_with_a_document_per_line(tmp_path: Path) -> None:
    """Written head, documents one by one, tail: JSON as a whole, and a document per line."""
    assert main(["release", "--out", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "policyspec.json").read_text(encoding="utf-8")
    payload = json.loads(text)
    head = {key: value for key, value in payload.items() if key != "documents"}
    indented = json.dumps({**head, "documents": ["…"]}, ensure_ascii=False, indent=2)
    before, after = indented.split('    "…"')
    assert text.startswith(before)
    assert text.endswith(after + "\n")
    lines = text[len(before) : -len(after) - 1].split(",\n")
    assert lines == ["    " + json.dumps(document, ensure_ascii=False) for document in payload["documents"]]
    assert [document["id"] for document in payload["documents"]] == sorted(
        d["id"] for d in payload["documents"]
    )


def _release_peak_mib(tmp_path: Path, count: int) -> float:
    """Peak resident memory of a ``policyspec release`` process over ``count`` synthetic specs."""
    specs = make_corpus(tmp_path / f"corpus-{count}", count)
    command = [sys.executable, "-m", "policyspec", "release", "--out", str(tmp_path / f"out-{count}")]
    errors = tmp_path / f"stderr-{count}"
    with errors.open("wb") as stderr:
        process = subprocess.Popen([*command, *map(str, specs)], stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, errors.read_text(encoding="utf-8")
    return usage.ru_maxrss / 1024


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs wait4 for a child's peak memory")
def test_memory_does_not_grow_with_the_number_of_documents(tmp_path: Path) -> None:
    """Held in memory, 60 more documents would add about 60 MiB (a document's model is ~1 MiB)."""
    few, many = _release_peak_mib(tmp_path, 5), _release_peak_mib(tmp_path, 65)
    assert many - few < 12, (few, many)
