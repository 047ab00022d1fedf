"""Rows as a terminal table that lines up Chinese text: indicator records, comparison rows."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from policyspec.api.compare import ComparisonRow
from policyspec.model.target_text import target_text

__all__ = ["COMPARISON_COLUMNS", "comparison_table", "display_width", "render_table"]

COMPARISON_COLUMNS = ("document", "indicator", "target", "per", "deadline", "population", "quote")


def display_width(text: str) -> int:
    """Columns a terminal gives the text: wide (CJK, full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def render_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The header, a rule and one line per row, each column as wide as its widest cell."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([display_width(h), *(display_width(r[i]) for r in cells)]) for i, h in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in cells)]) + "\n"


def comparison_table(rows: Sequence[ComparisonRow]) -> tuple[tuple[str, ...], list[list[object]]]:
    """Header and cells for :func:`render_table`: the target in one cell, a term for 每届."""
    cells: list[list[object]] = [
        [
            row.document,
            row.indicator,
            target_text(row.operator, row.value, row.upper, row.unit, row.reference),
            "term" if row.per_term else row.per,
            row.deadline,
            row.population,
            row.quote,
        ]
        for row in rows
    ]
    return COMPARISON_COLUMNS, cells
