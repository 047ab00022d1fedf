"""Query the bundled corpus: filter the indicators, then judge an observed figure against a target.

Run it (with policyspec installed, from any folder):

    python examples/query_corpus.py

Every filter is a keyword of ``corpus.indicators(...)``: document, level, due_by, due_after, per,
unit, operator, topic, lead_unit, text. All the criteria given must hold.
"""

from __future__ import annotations

import policyspec
from policyspec.api.records import IndicatorRecord


def show(title: str, records: list[IndicatorRecord]) -> None:
    print(f"\n{title} ({len(records)})")
    for r in records:
        figure = "milestone" if r.operator is None else f"{r.operator} {r.value} {r.unit}"
        when = r.deadline or r.per or ""
        print(f"  {r.document:36} {r.id:40} {figure:22} {when:5} {r.quote}")


def main() -> None:
    corpus = policyspec.load()  # the bundled corpus, validated
    print(f"{len(corpus.documents)} documents, {len(corpus.indicators())} indicators")

    show("Cadre training due by 2010", corpus.indicators(topic="cadre-training", due_by=2010))
    show(
        "Yearly targets in months, set by provincial issuers",
        corpus.indicators(level="provincial", per="P1Y", unit="months"),
    )
    show("Every half year, for an organisation department", corpus.indicators(lead_unit="组织部", per="P6M"))
    show("Quote or measure mentions 满意率 (satisfaction)", corpus.indicators(text="满意率"))

    # Observed: 93% satisfaction in 2010. Was the target (满意率达到90％以上, by 2010) met in time?
    result = corpus.evaluate(
        "wuxi-party-building-model-zone", "party-building-satisfaction-rate", 93, observed_in=2010
    )
    print(f"\n93% in 2010: {result.status}, on time: {result.on_time} ({result.reason})")


if __name__ == "__main__":
    main()
