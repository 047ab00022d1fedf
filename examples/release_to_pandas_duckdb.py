"""Build a data release, then analyse it: indicators.csv with pandas, indicators.jsonl with DuckDB SQL.

Run it (needs pandas and duckdb: ``pip install pandas duckdb``):

    python examples/release_to_pandas_duckdb.py

The release is written by ``policyspec release --out DIR`` into a temporary folder, removed at
the end. In a release, indicators.csv and indicators.jsonl hold one row per indicator (the
fields of ``policyspec indicators --format jsonl`` plus document context); CSV joins a list
such as topics with "; ", JSON Lines keeps it an array; policyspec.json is the whole corpus.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def build_release(out: Path) -> None:
    subprocess.run([sys.executable, "-m", "policyspec", "release", "--out", str(out)], check=True)


def with_pandas(release: Path) -> None:
    import pandas as pd

    # Read the exact columns as text: value holds integers, decimals and fractions such as 1/3.
    frame = pd.read_csv(release / "indicators.csv", dtype={"value": str, "upper": str, "deadline": str})
    print(f"pandas: {len(frame)} indicators, {frame['document'].nunique()} documents")
    print("\nIndicators per document and operator (an empty operator is a milestone):")
    counts = frame.fillna({"operator": "milestone"}).pivot_table(
        index="document", columns="operator", values="id", aggfunc="count", fill_value=0
    )
    print(counts.to_string())
    print("\nDeadlines per year:")
    print(frame.dropna(subset=["deadline"]).groupby(frame["deadline"].str[:4]).size().to_string())
    topics = frame["topics"].fillna("").str.split("; ").explode()
    print("\nMost frequent topics:")
    print(topics[topics != ""].value_counts().head(5).to_string())


def with_duckdb(release: Path) -> None:
    import duckdb

    # Plain SQL over the JSON Lines file; $path is bound, so any folder name is safe.
    path = {"path": str(release / "indicators.jsonl")}
    print("\nDuckDB: yearly research-time targets (topics is a list column):")
    research = duckdb.execute(
        """
        SELECT document, id, operator, CAST(value AS VARCHAR) AS value, unit
        FROM read_json($path, format = 'newline_delimited')
        WHERE list_contains(topics, 'research-time') AND per = 'P1Y'
        ORDER BY document, id
        """,
        path,
    ).fetchall()
    for document, indicator, operator, value, unit in research:
        print(f"  {document:36} {indicator:36} {operator} {value} {unit}")
    print("\nDuckDB: dated indicators per year and document:")
    per_year = duckdb.execute(
        """
        SELECT left(deadline, 4) AS year, document, count(*) AS indicators
        FROM read_json($path, format = 'newline_delimited')
        WHERE deadline IS NOT NULL
        GROUP BY ALL
        ORDER BY year, document
        """,
        path,
    ).fetchall()
    for year, document, count in per_year:
        print(f"  {year}  {document:36} {count}")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        release = Path(scratch) / "release"
        build_release(release)
        print(f"release files: {', '.join(sorted(p.name for p in release.iterdir()))}")
        corpus = json.loads((release / "policyspec.json").read_text(encoding="utf-8"))
        print(
            f"policyspec.json: version {corpus.get('version')}, {len(corpus.get('documents', []))} documents"
        )
        with_pandas(release)
        with_duckdb(release)


if __name__ == "__main__":
    main()
