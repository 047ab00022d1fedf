"""A table's rows as the bytes of each of its files, and those files being written.

One document's rows are rendered at once, while the document is at hand, into the bytes each
format adds to its file (:class:`TableRenderer`: CSV lines and JSON Lines); :class:`TableFiles`
later appends them, document after document in id order, to the open files of the table; its
Parquet file is made from the finished JSON Lines (:func:`~policyspec.release.parquet.write_parquet`).
Every format gets the same rows in the same order by construction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from typing import Protocol

from policyspec.release.json_bytes import json_lines
from policyspec.release.staging import HashingWriter, StagedRelease
from policyspec.release.tables import Cell, Column, Row, Table, csv_cell

__all__ = [
    "RENDERERS_BY_FORMAT",
    "TableFiles",
    "TableRenderer",
    "WriteOptions",
    "table_path",
]

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class WriteOptions:
    """How the table files are written: ``csv_bom`` starts each CSV file with a UTF-8 byte-order
    mark (for Excel, which otherwise guesses a legacy encoding); ``parquet`` False leaves the
    Parquet files out even where pyarrow is installed."""

    csv_bom: bool = False
    parquet: bool = True

    @property
    def csv_encoding(self) -> str:
        """The encoding datapackage.json declares for the CSV files."""
        return "utf-8-sig" if self.csv_bom else "utf-8"


def table_path(table: Table, form: str) -> str:
    return f"{table.name}.{form}"


class Renderer(Protocol):
    def __call__(self, rows: Sequence[Row], /) -> bytes: ...


def _converted(column: Column) -> Callable[[Cell], Cell] | None:
    """How a column's cells become what the csv module is given: None where it writes the cell
    as csv_cell would by itself (text; a number by str(), which is repr() for floats; null as an
    empty cell), so that only lists and booleans cost a call."""
    if column.is_list or column.type == "boolean":
        return partial(csv_cell, column=column)
    return None


class CsvLines:
    """RFC 4180 CSV lines (the header is the file's), ``\\n`` line ends, each cell written as
    :func:`~policyspec.release.tables.csv_cell` says."""

    def __init__(self, table: Table) -> None:
        columns = table.flat_columns
        self._names = [column.name for column in columns]
        self._values = itemgetter(*self._names) if len(columns) > 1 else lambda row: (row[self._names[0]],)
        self._conversions = [
            (at, convert) for at, column in enumerate(columns) if (convert := _converted(column)) is not None
        ]
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\n")

    def header(self) -> bytes:
        return self(None)

    def _cells(self, row: Row) -> Sequence[Cell]:
        cells = list(self._values(row))
        for at, convert in self._conversions:
            cells[at] = convert(cells[at])
        return cells

    def __call__(self, rows: Sequence[Row] | None) -> bytes:
        self._buffer.seek(0)
        self._buffer.truncate()
        if rows is None:
            self._writer.writerow(self._names)
        else:
            self._writer.writerows(map(self._cells, rows))
        return self._buffer.getvalue().encode("utf-8")


def _jsonl(table: Table) -> Renderer:
    """One JSON object per row, keys in column order; lists stay arrays, values stay exact."""
    return json_lines


RENDERERS_BY_FORMAT: dict[str, Callable[[Table], Renderer]] = {"csv": CsvLines, "jsonl": _jsonl}
# Parquet is made from the JSON Lines (see policyspec.release.parquet): nothing of its own to render.


class TableRenderer:
    """A table's rows rendered for each of its formats."""

    def __init__(self, table: Table, formats: Sequence[str]) -> None:
        self.table = table
        self._renderers = {form: RENDERERS_BY_FORMAT[form](table) for form in formats if form != "parquet"}

    def __call__(self, rows: Sequence[Row]) -> dict[str, bytes]:
        return {form: render(rows) for form, render in self._renderers.items()}


class TableFiles:
    """The open CSV and JSON Lines files of one table, each extended with its format's bytes of
    every document."""

    def __init__(
        self,
        table: Table,
        staged: StagedRelease,
        stack: ExitStack,
        options: WriteOptions,
        formats: Sequence[str],
    ) -> None:
        self.table = table
        self._files: dict[str, HashingWriter] = {}
        for form in formats:
            if form == "parquet":
                continue
            out = stack.enter_context(staged.open(table_path(table, form)))
            self._files[form] = out
            if form == "csv":
                out.write((_BOM if options.csv_bom else b"") + CsvLines(table).header())

    def write(self, rendered: dict[str, bytes]) -> None:
        for form, data in rendered.items():
            self._files[form].write(data)
