"""Indicator records as JSON Lines or as a terminal table that lines up Chinese text."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence

from policyspec.api.records import IndicatorRecord

__all__ = ["display_width", "render_indicators", "render_table"]

_TABLE_COLUMNS = ("document", "id", "operator", "value", "upper", "unit", "per", "deadline", "placeholder")


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
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([display_width(h), *(display_width(r[i]) for r in cells)]) for i, h in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in cells)]) + "\n"


def render_indicators(records: Sequence[IndicatorRecord], form: str) -> str:
    if form == "jsonl":
        return "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in records)
    rows = [[getattr(r, column) for column in _TABLE_COLUMNS] for r in records]
    return render_table(_TABLE_COLUMNS, rows)
