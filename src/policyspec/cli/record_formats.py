"""``policyspec indicators --format``: the flat indicator records as a terminal table, JSON Lines,
one JSON array, or CSV. JSON keeps values exact (``"1/3"`` stays a fraction, lists stay arrays);
CSV writes what a spreadsheet reads back: an empty cell for null, ``true``/``false``, lists joined
with ``"; "`` as the release's CSV files join them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import fields

from policyspec.api.records import IndicatorRecord
from policyspec.cli.terminal_tables import render_table

__all__ = ["INDICATOR_FORMATS", "TABLE_COLUMNS"]

TABLE_COLUMNS = ("document", "id", "operator", "value", "upper", "unit", "per", "deadline", "placeholder")
_LIST_SEPARATOR = "; "  # as policyspec.release.tables.LIST_SEPARATOR


def _table(records: Sequence[IndicatorRecord]) -> str:
    return render_table(TABLE_COLUMNS, [[getattr(r, column) for column in TABLE_COLUMNS] for r in records])


def _jsonl(records: Sequence[IndicatorRecord]) -> str:
    return "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in records)


def _json(records: Sequence[IndicatorRecord]) -> str:
    return json.dumps([r.as_dict() for r in records], ensure_ascii=False, indent=1) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same double
    if isinstance(value, (list, tuple)):  # records hold tuples (hashable)
        return _LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def _csv(records: Sequence[IndicatorRecord]) -> str:
    """RFC 4180 CSV with a header row of every field, ``\\n`` line ends."""
    names = [field.name for field in fields(IndicatorRecord)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for record in records:
        writer.writerow([_cell(getattr(record, name)) for name in names])
    return buffer.getvalue()


INDICATOR_FORMATS: dict[str, Callable[[Sequence[IndicatorRecord]], str]] = {
    "table": _table,
    "jsonl": _jsonl,
    "json": _json,
    "csv": _csv,
}
