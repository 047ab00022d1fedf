"""Every script in examples/ runs as a newcomer would run it, from another folder, and says something useful.

The scripts are started together (they are independent), then each test waits for its own. Each
runs once, with its main argument (the defaults are one-liners: research-time, a temporary PNG).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import policyspec
from tests.conftest import REPO

EXAMPLES = REPO / "examples"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Finished:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Runs:
    folder: Path
    processes: dict[str, subprocess.Popen[str]]

    def result(self, name: str) -> Finished:
        out, err = self.processes[name].communicate(timeout=120)
        return Finished(self.processes[name].returncode, out, err)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    folder = tmp_path_factory.mktemp("examples")
    commands = {
        "query": ["query_corpus.py"],
        "compare": ["compare_topic.py", "cadre-training"],
        "timeline": ["timeline_plot.py", str(folder / "timeline.png")],
        "release": ["release_to_pandas_duckdb.py"],
    }
    processes = {
        name: subprocess.Popen(
            [sys.executable, str(EXAMPLES / script), *args],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for name, (script, *args) in commands.items()
    }
    yield Runs(folder, processes)
    for process in processes.values():
        if process.poll() is None:
            process.kill()
        process.communicate()


def _clean(result: Finished) -> Finished:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    assert "Warning" not in result.err, result.err
    return result


def test_every_example_says_how_to_run_it() -> None:
    scripts = sorted(EXAMPLES.glob("*.py"))
    assert {s.name for s in scripts} >= {
        "query_corpus.py",
        "compare_topic.py",
        "release_to_pandas_duckdb.py",
        "timeline_plot.py",
    }
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert text.startswith('"""'), script.name
        assert f"python examples/{script.name}" in text, script.name


def test_query_corpus(runs: Runs) -> None:
    out = _clean(runs.result("query")).out
    corpus = policyspec.load()
    assert out.startswith(f"{len(corpus.documents)} documents, {len(corpus.indicators())} indicators")
    assert "civil-servant-3plus2-training" in out
    assert "93% in 2010: met, on time: True" in out


def test_compare_topic_takes_the_topic_as_an_argument(runs: Runs) -> None:
    out = _clean(runs.result("compare")).out
    rows = policyspec.load().compare("cadre-training")
    documents = len({row.document for row in rows})
    assert out.startswith(f"cadre-training: {len(rows)} indicators in {documents} documents")
    assert "≈ 300 persons" in out


def test_timeline_plot_writes_a_png(runs: Runs) -> None:
    result = _clean(runs.result("timeline"))
    png = runs.folder / "timeline.png"
    assert result.out.strip() == f"timeline written to {png}"
    data = png.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 20_000  # a drawn figure, not an empty canvas


def test_release_to_pandas_and_duckdb(runs: Runs) -> None:
    out = _clean(runs.result("release")).out
    corpus = policyspec.load()
    assert "indicators.csv" in out
    assert "indicators.jsonl" in out
    assert f"pandas: {len(corpus.indicators())} indicators, {len(corpus.documents)} documents" in out
    duckdb_part = out[out.index("DuckDB: yearly research-time") :]
    for record in corpus.indicators(topic="research-time", per="P1Y"):
        assert record.id in duckdb_part
