"""Draw the deadlines of the bundled corpus as a timeline PNG: one row per document.

Run it with the PNG to write (default: a new temporary file; the path is printed):

    python examples/timeline_plot.py timeline.png

Each row is a document: a grey bar for its plan period, a black tick at its issue date, and at
each deadline year a blue circle for the figures due then (≥ 90 percent…) and an orange diamond
for the milestones (goals, dated events), labelled with how many. Needs matplotlib.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import policyspec


def _start(document: policyspec.Document) -> tuple[str, str]:
    """Order documents by issue date, else by the start of their plan period."""
    if document.date:
        return document.date.value, document.id
    return (str(document.plan_period.start) if document.plan_period else "9999"), document.id


def draw(out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    corpus = policyspec.load()
    entries = corpus.timeline()
    documents = sorted(corpus.documents, key=_start)
    row = {document.id: index for index, document in enumerate(documents)}
    figures = Counter((e.document, e.year) for e in entries if not e.milestone)
    milestones = Counter((e.document, e.year) for e in entries if e.milestone)

    fig, ax = plt.subplots(figsize=(11, 1.1 * len(documents) + 1.6))
    for document in documents:
        y = row[document.id]
        if document.plan_period:
            start, end = document.plan_period.start, document.plan_period.end + 1
            ax.barh(y, end - start, left=start, height=0.7, color="0.9", edgecolor="0.75", zorder=0)
        if document.date:
            issued = int(document.date.value[:4]) + (int(document.date.value[5:7] or 1) - 1) / 12
            ax.plot([issued, issued], [y - 0.35, y + 0.35], color="black", linewidth=2, zorder=2)
    for counts, offset, marker, color, label in (
        (figures, 0.15, "o", "tab:blue", "figures due"),
        (milestones, -0.15, "D", "tab:orange", "milestones due"),
    ):
        for index, ((document_id, year), count) in enumerate(sorted(counts.items())):
            x, middle = year + 0.5, row[document_id] + offset
            size = 60 + 18 * count
            shown = label if index == 0 else None
            ax.scatter(x, middle, s=size, marker=marker, color=color, zorder=3, label=shown)
            radius = size**0.5 / 2  # marker size is an area in points²
            ax.annotate(
                str(count), (x, middle), xytext=(radius + 3, -4), textcoords="offset points", fontsize=9
            )

    years = [e.year for e in entries] + [int(d.date.value[:4]) for d in documents if d.date]
    ax.set_xlim(min(years) - 1, max(years) + 2)
    ax.set_xticks(range(min(years) - 1, max(years) + 3, 2))
    ax.set_yticks(range(len(documents)), [d.id for d in documents])
    ax.set_ylim(len(documents) - 0.3, -0.7)  # the earliest document on top
    ax.set_xticks(range(min(years) - 1, max(years) + 3), minor=True)
    ax.grid(axis="x", color="0.85", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.plot([], [], color="black", linewidth=2, label="issued")
    handles, labels = ax.get_legend_handles_labels()
    handles.append(Patch(facecolor="0.9", edgecolor="0.75"))
    labels.append("plan period")
    ax.legend(
        handles, labels, loc="upper left", fontsize=9, ncols=4, frameon=False, bbox_to_anchor=(0, -0.08)
    )
    ax.set_title(f"Deadlines in the policyspec corpus ({len(entries)} dated goals and indicators)")
    ax.set_xlabel("deadline year (a deadline of 2010 means by the end of 2010)", fontsize=9)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)


def main() -> None:
    if len(sys.argv) > 1:
        out = Path(sys.argv[1])
    else:
        with tempfile.NamedTemporaryFile(prefix="policyspec-timeline-", suffix=".png", delete=False) as file:
            out = Path(file.name)
    draw(out)
    print(f"timeline written to {out}")


if __name__ == "__main__":
    main()
