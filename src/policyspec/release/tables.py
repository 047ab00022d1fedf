"""The tables of a release: their definitions, the rows one document gives each, and how a cell
is written in CSV; the Table Schema datapackage.json gives each CSV file.

One list of :class:`Column` per table drives the CSV header, the JSON Lines keys and the Table
Schema in datapackage.json, so the three cannot disagree. Cells are JSON scalars or lists of
strings; CSV joins a list with ``"; "`` (and refuses an item that contains it, so the join can
always be split back), writes booleans as ``true``/``false`` and leaves a null cell empty. Rows are
made per document (:func:`document_rows`), so a release never holds more than one document's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from policyspec.api.records import indicator_record
from policyspec.model.dates import period, period_end, year_of
from policyspec.model.documents import Document
from policyspec.model.exact import exact
from policyspec.model.vocabulary import ISSUER_LEVELS
from policyspec.release.anchoring import QuoteAnchors
from policyspec.release.columns import (
    DOCUMENT_COLUMNS,
    EXCLUDED_COLUMNS,
    INDICATOR_COLUMNS,
    MEASURE_COLUMNS,
    Column,
)
from policyspec.rules.coverage import CoverageCounts

__all__ = [
    "DOCUMENTS",
    "EXCLUDED",
    "INDICATORS",
    "LIST_SEPARATOR",
    "MEASURES",
    "TABLES",
    "Cell",
    "Column",
    "Row",
    "Table",
    "csv_cell",
    "document_rows",
    "table_schema",
]

LIST_SEPARATOR = "; "
Cell = str | int | float | bool | list[str] | list[dict[str, object]] | None
Row = dict[str, Cell]
FORMATS = ("csv", "jsonl", "parquet")


@dataclass(frozen=True)
class Table:
    """One table of the release: its name (the resource name), columns, key, the formats it is
    written in, and how datapackage.json presents it."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    title: str
    description: str
    formats: tuple[str, ...] = FORMATS
    references_documents: bool = True

    @property
    def flat_columns(self) -> tuple[Column, ...]:
        """The columns of the CSV and Parquet files: all but the JSON-only ones."""
        return tuple(column for column in self.columns if not column.json_only)


INDICATORS = Table(
    "indicators",
    INDICATOR_COLUMNS,
    ("document", "id"),
    title="Indicators",
    description="One row per indicator: the flat view of `policyspec indicators` with the "
    "document, its issuers, the measure and the quote's place in the source. Lists are joined with '; '.",
)
DOCUMENTS = Table(
    "documents",
    DOCUMENT_COLUMNS,
    ("id",),
    title="Documents",
    description="One row per document: title, issuers, date, plan period, source, counts.",
    references_documents=False,
)
MEASURES = Table(
    "measures",
    MEASURE_COLUMNS,
    ("document", "id"),
    title="Measures",
    description="One row per measure (task) of each document, with the quote's place in the source.",
)
EXCLUDED = Table(
    "excluded",
    EXCLUDED_COLUMNS,
    ("document", "number"),
    title="Excluded statements",
    description="One row per quantitative statement of a source deliberately not encoded, with the "
    "reason and the statement's place in the source.",
)
TABLES: tuple[Table, ...] = (INDICATORS, DOCUMENTS, MEASURES, EXCLUDED)

_INDICATOR_NAMES, _DOCUMENT_NAMES, _MEASURE_NAMES, _EXCLUDED_NAMES = (
    [column.name for column in table.columns] for table in TABLES
)


def _decimal(value: int | float | str | None) -> int | float | None:
    """The figure as a plain number: exact for integers, the nearest double otherwise."""
    if value is None or type(value) is int:
        return value
    fraction = exact(value)
    return fraction.numerator if fraction.denominator == 1 else float(fraction)


def _issuer_level(document: Document) -> str:
    return min((issuer.level for issuer in document.issuers), key=ISSUER_LEVELS.index)


def _ordered(names: list[str], row: dict[str, Cell], table: str) -> Row:
    """The row in the order of the column ``names``; a value without a column is a bug, not
    something to drop."""
    if list(row) == names:  # made in column order, as every row of this module is
        return row
    ordered = {name: row[name] for name in names}
    if len(ordered) != len(row):
        unknown = sorted(set(row) - set(ordered))
        raise ValueError(f"{table}: no column describes {', '.join(unknown)}")
    return ordered


def _quote_place(document: Document, quote: str, anchors: QuoteAnchors) -> dict[str, Cell]:
    anchor = anchors[quote]
    return {
        "source_file": document.source.file,
        "source_sha256": anchor.source_sha256,
        "quote_start": anchor.start,
        "quote_end": anchor.end,
        "quote_selectors": anchors.selectors(quote),
    }


def _indicator_rows(document: Document, anchors: QuoteAnchors) -> list[Row]:
    """One row per indicator: its flat record's fields (JSON scalars and lists of strings) first,
    then the release's; what every row of the document shares is worked out once."""
    measures = {m.id: m for m in reversed(document.measures)}  # the first of a repeated id, as ever
    shared: dict[str, Cell] = {
        "document_title_zh": document.title.zh,
        "document_title_en": document.title.en,
        "issuers_zh": [issuer.name.zh for issuer in document.issuers],
        "issuers_en": [issuer.name.en for issuer in document.issuers],
        "issuer_level": _issuer_level(document),
    }
    rows = []
    for indicator in document.indicators:
        measure = measures.get(indicator.measure) if indicator.measure is not None else None
        # vars(), not as_dict() (a deep copy costs a release time); the record's tuples as the
        # lists a row holds.
        record = vars(indicator_record(document, indicator))
        row = cast("dict[str, Cell]", {k: list(v) if type(v) is tuple else v for k, v in record.items()})
        deadline = indicator.deadline
        row.update(
            value_decimal=_decimal(indicator.target.value),
            upper_decimal=_decimal(indicator.target.upper),
            deadline_year=year_of(deadline) if deadline else None,
            deadline_by=period_end(deadline).isoformat() if deadline else None,
            **shared,
            measure_title_zh=measure.title.zh if measure else None,
            measure_title_en=measure.title.en if measure else None,
            **_quote_place(document, indicator.quote, anchors),
        )
        rows.append(_ordered(_INDICATOR_NAMES, row, "indicators"))
    return rows


def _date_precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def _document_row(d: Document, coverage: CoverageCounts | None) -> Row:
    row: dict[str, Cell] = {
        "id": d.id,
        "title_zh": d.title.zh,
        "title_en": d.title.en,
        "kind": d.kind,
        "issuers_zh": [issuer.name.zh for issuer in d.issuers],
        "issuers_en": [issuer.name.en for issuer in d.issuers],
        "issuer_level": _issuer_level(d),
        "date": d.date.value if d.date else None,
        "date_kind": d.date.kind if d.date else None,
        "date_precision": _date_precision(d.date.value) if d.date else None,
        "date_year": year_of(d.date.value) if d.date else None,
        "date_day": period(d.date.value)[0].isoformat() if d.date and len(d.date.value) == 10 else None,
        "document_number": d.document_number.value if d.document_number else None,
        "plan_start": d.plan_period.start if d.plan_period else None,
        "plan_end": d.plan_period.end if d.plan_period else None,
        "source_file": d.source.file,
        "source_sha256": d.source.sha256,
        "section_count": len(d.sections),
        "goal_count": len(d.goals),
        "principle_count": len(d.principles),
        "measure_count": len(d.measures),
        "indicator_count": len(d.indicators),
        "quality_note_count": len(d.quality_notes),
        "statement_count": coverage.statements if coverage else None,
        "encoded_statement_count": coverage.encoded if coverage else None,
        "excluded_statement_count": coverage.excluded if coverage else None,
    }
    return _ordered(_DOCUMENT_NAMES, row, "documents")


def _measure_rows(d: Document, anchors: QuoteAnchors) -> list[Row]:
    rows = []
    for m in d.measures:
        row: dict[str, Cell] = {
            "document": d.id,
            "id": m.id,
            "title_zh": m.title.zh,
            "title_en": m.title.en,
            "section": m.section,
            "lead_units_zh": [unit.zh for unit in m.lead_units],
            "lead_units_en": [unit.en for unit in m.lead_units],
            "goal": m.goal,
            "quote": m.quote,
            **_quote_place(d, m.quote, anchors),
        }
        rows.append(_ordered(_MEASURE_NAMES, row, "measures"))
    return rows


def _excluded_rows(d: Document, anchors: QuoteAnchors) -> list[Row]:
    rows = []
    for number, excluded in enumerate(d.excluded, start=1):
        row: dict[str, Cell] = {
            "document": d.id,
            "number": number,
            "quote": excluded.quote,
            "reason": excluded.reason,
            "note": excluded.note,
            **_quote_place(d, excluded.quote, anchors),
        }
        rows.append(_ordered(_EXCLUDED_NAMES, row, "excluded"))
    return rows


def document_rows(
    document: Document, anchors: QuoteAnchors, coverage: CoverageCounts | None = None
) -> dict[str, list[Row]]:
    """The rows ``document`` gives each table, by table name, in the table's order."""
    return {
        INDICATORS.name: _indicator_rows(document, anchors),
        DOCUMENTS.name: [_document_row(document, coverage)],
        MEASURES.name: _measure_rows(document, anchors),
        EXCLUDED.name: _excluded_rows(document, anchors),
    }


def csv_cell(value: Cell, column: Column) -> str:
    """A cell as CSV text: empty for null, true/false, floats in their shortest exact text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same double
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                raise TypeError(f"{column.name}: a list of {type(item).__name__} has no CSV cell")
            if LIST_SEPARATOR in item:
                raise ValueError(
                    f"{column.name}: item {item!r} contains the list separator {LIST_SEPARATOR!r}"
                )
        return LIST_SEPARATOR.join(value)  # type: ignore[arg-type]
    return str(value)


def _field(column: Column, key: tuple[str, ...]) -> dict[str, object]:
    description = column.description
    if column.is_list:
        description += f' A list: items joined with "{LIST_SEPARATOR}" in CSV, a JSON array in JSON Lines.'
    field: dict[str, object] = {"name": column.name, "type": column.type, "description": description}
    constraints: dict[str, object] = {}
    if column.name in key or column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table) -> dict[str, object]:
    """The Table Schema of the table's CSV file (Frictionless Data Package v2)."""
    schema: dict[str, object] = {
        "fields": [_field(column, table.primary_key) for column in table.flat_columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.references_documents:
        schema["foreignKeys"] = [
            {"fields": ["document"], "reference": {"resource": DOCUMENTS.name, "fields": ["id"]}}
        ]
    return schema
