"""Writing a table's files as its rows come: CSV and JSON Lines (and Parquet, where available).

A :class:`TableFiles` opens one file per format of a table in the staged release and sends every
batch of rows to all of them, so the formats hold the same rows in the same order by
construction. Each format is a small writer chosen from :data:`WRITERS_BY_FORMAT`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Protocol

from policyspec.release.staging import HashingWriter, StagedRelease
from policyspec.release.tables import Row, Table, csv_cell

__all__ = ["WRITERS_BY_FORMAT", "TableFiles", "TableWriter", "WriteOptions", "table_path"]

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class WriteOptions:
    """How the table files are written: ``csv_bom`` starts each CSV file with a UTF-8 byte-order
    mark (for Excel, which otherwise guesses a legacy encoding)."""

    csv_bom: bool = False


class TableWriter(Protocol):
    def write(self, rows: Sequence[Row]) -> None: ...

    def close(self) -> None: ...


def table_path(table: Table, form: str) -> str:
    return f"{table.name}.{form}"


class _Utf8Sink:
    """What ``csv.writer`` writes to: text, encoded on the way to the hashing file."""

    def __init__(self, out: HashingWriter) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return self._out.write(text.encode("utf-8"))


class CsvWriter:
    """RFC 4180 CSV with a header row, UTF-8 (a byte-order mark only if asked), ``\\n`` line ends."""

    def __init__(self, table: Table, out: HashingWriter, options: WriteOptions) -> None:
        if options.csv_bom:
            out.write(_BOM)
        self._columns = table.columns
        self._writer = csv.writer(_Utf8Sink(out), lineterminator="\n")
        self._writer.writerow([column.name for column in table.columns])

    def write(self, rows: Sequence[Row]) -> None:
        columns = self._columns
        self._writer.writerows([csv_cell(row[column.name], column) for column in columns] for row in rows)

    def close(self) -> None:
        pass


class JsonlWriter:
    """One JSON object per row, keys in column order; lists stay arrays, values stay exact."""

    def __init__(self, table: Table, out: HashingWriter, options: WriteOptions) -> None:
        self._out = out

    def write(self, rows: Sequence[Row]) -> None:
        self._out.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8"))

    def close(self) -> None:
        pass


WriterFactory = Callable[[Table, HashingWriter, WriteOptions], TableWriter]
WRITERS_BY_FORMAT: dict[str, WriterFactory] = {"csv": CsvWriter, "jsonl": JsonlWriter}


class TableFiles:
    """The open files of one table, each format's writer fed the same rows."""

    def __init__(
        self,
        table: Table,
        staged: StagedRelease,
        stack: ExitStack,
        options: WriteOptions,
        formats: Sequence[str],
    ) -> None:
        self.table = table
        self._writers: list[TableWriter] = []
        for form in formats:
            out = stack.enter_context(staged.open(table_path(table, form)))
            writer = WRITERS_BY_FORMAT[form](table, out, options)
            stack.callback(writer.close)  # runs before the file is closed: the exit stack is LIFO
            self._writers.append(writer)

    def write(self, rows: Sequence[Row]) -> None:
        for writer in self._writers:
            writer.write(rows)
