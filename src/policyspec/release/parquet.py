"""Parquet files of the release tables, typed, written as the rows come (needs pyarrow).

pyarrow is an optional extra (``pip install 'policyspec[parquet]'``) and is imported here only,
when a release writes its first Parquet file. The column types follow the columns' own: integers
as int64, numbers as float64, booleans, dates as date32, lists as list<string>, text as string.
An exact figure (``value``, ``upper``) is text, as in CSV (``1/3``, ``15000``), beside its float
column.

A Parquet file is made from the table's JSON Lines, the bytes just written to the .jsonl file:
pyarrow's JSON reader reads a row group's lines into the file's schema, after an exact figure's
JSON number is put in quotes (its JSON text is its CSV text) and before the dates, read as text,
are cast to dates. So no Python work is done per row, and the Parquet file holds the same rows as
the JSON Lines by construction. (Building columns from Python lists instead, with
``pyarrow.array``, would also import pandas where it is installed: some 50 MiB.)

The bytes are reproducible: fixed compression (zstd, level :data:`ZSTD_LEVEL`), format and page
versions, a row group every :data:`ROW_GROUP_ROWS` rows, and no timestamp (pyarrow writes none;
its ``created_by`` names its own version, so the same pyarrow gives the same bytes).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from policyspec.release.tables import Column, Table

if TYPE_CHECKING:
    from policyspec.release.staging import HashingWriter

__all__ = [
    "INSTALL_HINT",
    "ROW_GROUP_ROWS",
    "ZSTD_LEVEL",
    "ParquetWriter",
    "pyarrow_missing",
    "system_allocator",
]

ROW_GROUP_ROWS = 2048  # small groups keep a release's memory flat; the tables are narrow enough
ZSTD_LEVEL = 9
INSTALL_HINT = "pip install 'policyspec[parquet]'"
_NUMBER = rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"


def pyarrow_missing() -> str | None:
    """Why Parquet files cannot be written here, or None when they can."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError as error:
        return f"pyarrow is not installed ({error.msg})"
    return None


def _arrow_type(column: Column, *, read: bool = False) -> Any:
    """The column's Arrow type; ``read``: as the JSON reader takes it (a date as text)."""
    import pyarrow as pa

    if column.is_list:
        return pa.list_(pa.string())
    if column.exact or (read and column.type == "date"):
        return pa.string()
    types = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
    }
    return types[column.type]


@contextmanager
def system_allocator() -> Iterator[None]:
    """Arrow allocates from the C library's malloc while the Parquet files are written.

    pyarrow's default pool (mimalloc, in its wheels) keeps much of what it frees for reuse: a
    release's peak memory then rose from about 130 to 180 MiB from 1,000 documents on, and varied
    from run to run. The pool is restored afterwards; each buffer frees itself to its own pool.
    """
    import pyarrow as pa

    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


class ParquetWriter:
    """A table's Parquet file, written a row group at a time from the table's JSON Lines."""

    def __init__(self, table: Table, out: HashingWriter) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = table.flat_columns
        fields = [pa.field(c.name, _arrow_type(c), metadata={"description": c.description}) for c in columns]
        self._schema = pa.schema(fields, metadata={"primary_key": ",".join(table.primary_key)})
        self._read_schema = pa.schema([pa.field(c.name, _arrow_type(c, read=True)) for c in columns])
        exact = b"|".join(re.escape(c.name.encode()) for c in columns if c.exact)
        self._quote_exact = (
            re.compile(rb'"(' + exact + rb')": (' + _NUMBER + rb")(?=[,}])") if exact else None
        )
        self._writer = pq.ParquetWriter(
            out,
            self._schema,
            compression="zstd",
            compression_level=ZSTD_LEVEL,
            version="2.6",
            data_page_version="1.0",
            use_dictionary=True,
            write_statistics=True,
        )
        self._pending: list[bytes] = []

    def add(self, jsonl: bytes) -> None:
        """Rows as the table's JSON Lines; a row group is written every ROW_GROUP_ROWS rows."""
        for line in jsonl.split(b"\n")[:-1]:
            self._pending.append(line)
            if len(self._pending) >= ROW_GROUP_ROWS:
                self._flush()

    def _flush(self) -> None:
        import pyarrow.json as pj

        if not self._pending:
            return
        data = b"\n".join(self._pending) + b"\n"
        self._pending = []
        if self._quote_exact is not None:
            data = self._quote_exact.sub(rb'"\1": "\2"', data)
        table = pj.read_json(
            io.BytesIO(data),
            read_options=pj.ReadOptions(use_threads=False, block_size=max(len(data), 1 << 20)),
            parse_options=pj.ParseOptions(
                explicit_schema=self._read_schema, unexpected_field_behavior="ignore"
            ),
        )
        self._writer.write_table(table.cast(self._schema), row_group_size=ROW_GROUP_ROWS)

    def close(self) -> None:
        self._flush()
        self._writer.close()
