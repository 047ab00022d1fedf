"""Compare one topic across the documents of the bundled corpus, document by document.

Run it with a topic tag (default research-time; the tags are listed in policyspec/vocabulary.py):

    python examples/compare_topic.py
    python examples/compare_topic.py cadre-training

The same rows, as a table or JSON Lines, come from ``policyspec compare TOPIC [--format jsonl]``.
"""

from __future__ import annotations

import sys
from itertools import groupby
from typing import cast

import policyspec
from policyspec.model.target_text import target_text
from policyspec.model.vocabulary import TOPICS, Topic


def main(topic: str) -> None:
    if topic not in TOPICS:
        raise SystemExit(f"unknown topic {topic!r}; choose one of: {', '.join(TOPICS)}")
    corpus = policyspec.load()
    rows = corpus.compare(cast("Topic", topic))
    print(f"{topic}: {len(rows)} indicators in {len({r.document for r in rows})} documents")
    for document, group in groupby(rows, key=lambda row: row.document):
        rows_of_document = list(group)
        print(f"\n{document} — {rows_of_document[0].title}")
        for row in rows_of_document:
            target = target_text(row.operator, row.value, row.upper, row.unit, row.reference)
            recurrence = "per term" if row.per_term else (f"every {row.per}" if row.per else "")
            deadline = f"by {row.deadline}" if row.deadline else ""
            who = row.population or ""
            print(f"  {target:18} {recurrence:10} {deadline:8} {who}")
            print(f"      「{row.quote}」")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "research-time")
