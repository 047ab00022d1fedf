"""The corpus's deadlines as an inline SVG: one row per dated goal or indicator, grouped by year.

Rows rather than a proportional axis: deadlines bunch (several in one year, years far apart), and a
row has room for what is due. Each row links to its card; its ``<title>`` holds the full text.
Colours follow the documents' order, so the same corpus always gets the same picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from policyspec.api.timeline import TimelineEntry, timeline
from policyspec.model.documents import Document
from policyspec.release.site.html import element, empty, escape

__all__ = ["PALETTE", "document_colours", "legend", "timeline_svg"]

PALETTE = ("#3b6ea5", "#b5651d", "#3f8f5f", "#8a4f9e", "#b03a48", "#2a8c8c", "#7a6a2f", "#5f6b7a")
WIDTH = 960
ROW = 26
YEAR_GAP = 16
TOP = 14
AXIS_X = 74
TEXT_X = 92
LONGEST = 38  # characters of what is due before it is cut (the title keeps it whole)


def document_colours(documents: Sequence[Document]) -> dict[str, str]:
    return {document.id: PALETTE[index % len(PALETTE)] for index, document in enumerate(documents)}


def _cut(text: str) -> str:
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def _row(entry: TimelineEntry, y: int, colour: str, href: str) -> str:
    figure = entry.figure or "milestone"
    title = f"{entry.document}: {entry.what_zh} — {entry.what_en} ({figure}), due {entry.deadline}"
    fill = "#ffffff" if entry.milestone else colour
    dot = empty(
        "circle",
        ("cx", str(AXIS_X)),
        ("cy", str(y)),
        ("r", "5.5"),
        ("fill", fill),
        ("stroke", colour),
        ("stroke-width", "2"),
    )
    when = element("tspan", escape(entry.deadline + "  "), ("class", "due"))
    what = element("tspan", escape(_cut(entry.what_zh)), ("lang", "zh-Hans"))
    amount = element("tspan", escape(f"  {entry.figure}"), ("class", "figure")) if entry.figure else ""
    text = element("text", when + what + amount, ("x", str(TEXT_X)), ("y", str(y + 5)))
    return element("a", element("title", escape(title)) + dot + text, ("href", href), ("class", "entry"))


def timeline_svg(documents: Sequence[Document], page_of: Callable[[str], str]) -> str:
    """The SVG of every deadline of ``documents``; ``page_of`` names a document's page."""
    entries = timeline(documents)
    if not entries:
        return element("p", "No goal or indicator of these documents has a deadline.")
    colours = document_colours(documents)
    parts: list[str] = []
    y = TOP
    year: int | None = None
    first_y = y + ROW // 2
    for entry in entries:
        if entry.year != year:
            if year is not None:
                y += YEAR_GAP
            year = entry.year
            parts.append(
                element(
                    "text",
                    str(year),
                    ("x", str(AXIS_X - 16)),
                    ("y", str(y + ROW // 2 + 5)),
                    ("class", "year"),
                )
            )
        href = f"{page_of(entry.document)}#card-{entry.id}"
        parts.append(_row(entry, y + ROW // 2, colours[entry.document], href))
        y += ROW
    last_y = y - ROW // 2
    axis = empty(
        "line",
        ("x1", str(AXIS_X)),
        ("y1", str(first_y)),
        ("x2", str(AXIS_X)),
        ("y2", str(last_y)),
        ("class", "axis"),
    )
    height = y + TOP
    return element(
        "svg",
        element("title", escape(f"{len(entries)} deadlines, {entries[0].year}–{entries[-1].year}"))
        + axis
        + "".join(parts),
        ("viewBox", f"0 0 {WIDTH} {height}"),
        ("width", str(WIDTH)),
        ("height", str(height)),
        ("class", "timeline"),
    )


def legend(documents: Sequence[Document], page_of: Callable[[str], str]) -> str:
    """Which colour is which document."""
    colours = document_colours(documents)
    items = []
    for document in documents:
        swatch = (
            '<svg width="12" height="12" aria-hidden="true">'
            + empty("circle", ("cx", "6"), ("cy", "6"), ("r", "5"), ("fill", colours[document.id]))
            + "</svg>"
        )
        link = element("a", escape(document.title.zh), ("href", page_of(document.id)), ("lang", "zh-Hans"))
        items.append(element("li", swatch + " " + link))
    return element("ul", "".join(items), ("class", "legend"))
