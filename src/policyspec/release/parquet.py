"""Parquet files of the release tables, typed, written as the rows come (needs pyarrow).

pyarrow is an optional extra (``pip install 'policyspec[parquet]'``) and is imported here only,
when a release writes its first Parquet file. The column types follow the columns' own: integers
as int64, numbers as float64, booleans, dates as date32, lists as list<string>, text as string.
An exact figure (``value``, ``upper``) is text, as in CSV (``1/3``, ``15000``), beside its float
column.

A Parquet file is made from the table's JSON Lines, read back from the finished .jsonl file
(:func:`write_parquet`, one table after another, so one writer's buffers and footer are alive at a
time): pyarrow's JSON reader reads a row group's lines into the file's schema, after the JSON-only
columns are cut off the end of each line and an exact figure's JSON number is put in quotes (its
JSON text is its CSV text), and before the dates, read as text, become dates. So no Python work
is done per row, and the Parquet file holds the same rows as the JSON Lines by construction.
(Building columns from Python lists instead, with ``pyarrow.array``, would also import pandas
where it is installed: some 50 MiB.)

Only the parts of pyarrow the writer uses are loaded, for memory: the writer of ``pyarrow._parquet``
(what ``pyarrow.parquet.ParquetWriter`` wraps, with the same options; that module would also load
pyarrow's cloud file systems, some 8 MiB) and the JSON reader; date columns are made from their
buffers rather than cast (a cast loads ``pyarrow.compute``, some 13 MiB). A test holds the bytes
to those ``pyarrow.parquet`` writes from the same rows. The ``release`` command also loads pyarrow
without numpy (:func:`load_pyarrow_without_numpy`).

The bytes are reproducible: fixed compression (zstd, level :data:`ZSTD_LEVEL`), format and page
versions, a row group every :data:`ROW_GROUP_ROWS` rows, and no timestamp (pyarrow writes none;
its ``created_by`` names its own version, so the same pyarrow gives the same bytes).
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from policyspec.release.tables import Column, Table

if TYPE_CHECKING:
    from policyspec.release.staging import HashingWriter

__all__ = [
    "INSTALL_HINT",
    "ROW_GROUP_ROWS",
    "ZSTD_LEVEL",
    "ParquetWriter",
    "load_pyarrow_without_numpy",
    "pyarrow_missing",
    "system_allocator",
    "write_parquet",
]

READ_BLOCK = 1 << 20  # bytes of JSON Lines read at a time
ROW_GROUP_ROWS = 2048  # small groups keep the writer's buffers small; the tables are narrow enough
ZSTD_LEVEL = 9
INSTALL_HINT = "pip install 'policyspec[parquet]'"
_EPOCH = date(1970, 1, 1).toordinal()
_NUMBER = rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"


def pyarrow_missing() -> str | None:
    """Why Parquet files cannot be written here, or None when they can."""
    try:
        import pyarrow._parquet  # noqa: F401
    except ImportError as error:
        return f"pyarrow is not installed ({error.msg})"
    return None


def load_pyarrow_without_numpy() -> bool:
    """Import pyarrow without numpy, which it loads where numpy is installed though the writer
    never uses it (about 18 MiB and 0.09 s of CPU, and OpenBLAS threads that spin); False where
    pyarrow is missing or needs numpy (before 16: it is then loaded later, as usual).

    pyarrow then treats numpy as missing for the rest of the process, so only a process of its
    own calls this (the ``release`` command), never the library on a caller's behalf.
    """
    if "pyarrow" in sys.modules or "numpy" in sys.modules or (_pyarrow_major() or 0) < 16:
        return False
    sys.modules["numpy"] = None  # type: ignore[assignment]  # what `import numpy` reads as missing
    try:
        import pyarrow.lib  # noqa: F401
    except ImportError:  # imported again when written to, with whatever it needs
        return False
    finally:
        del sys.modules["numpy"]  # a later `import numpy` works (pyarrow keeps its own view)
    return True


def _pyarrow_major() -> int | None:
    """The major version of the installed pyarrow, from its distribution's folder name (without
    importing it, and without importlib.metadata's 50 ms); None when it cannot be told."""
    from importlib.util import find_spec

    spec = find_spec("pyarrow")
    if spec is None or spec.origin is None:
        return None
    site = Path(spec.origin).parent.parent
    for folder in site.glob("pyarrow-*.dist-info"):
        major = folder.name.removeprefix("pyarrow-").split(".", 1)[0]
        if major.isdigit():
            return int(major)
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


def _days(dates: Any) -> Any:
    """A column of ISO dates read as text, as date32 (days since 1970-01-01), built from its
    buffers (``cast`` would load pyarrow.compute for a column or two)."""
    import pyarrow as pa

    chunks = []
    for text in dates.chunks:
        days = array("i", bytes(4 * text.offset))  # the validity bitmap is shared, offset and all
        days.extend(
            0 if day is None else date.fromisoformat(day).toordinal() - _EPOCH for day in text.to_pylist()
        )
        validity = text.buffers()[0]
        chunks.append(
            pa.Array.from_buffers(
                pa.date32(), len(text), [validity, pa.py_buffer(days)], text.null_count, text.offset
            )
        )
    return pa.chunked_array(chunks, type=pa.date32())


def _json_only_tail(table: Table) -> re.Pattern[bytes] | None:
    """What cuts a row's JSON-only columns off its JSON Lines text: they end each row, and the
    Parquet file has none of them (parsing and dropping their objects took Arrow half its time).

    Their first key is found as is: a key's bare quotes never occur inside a JSON string.
    """
    json_only = [column.json_only for column in table.columns]
    if True not in json_only:
        return None
    first = json_only.index(True)
    if not all(json_only[first:]):
        raise ValueError(f"{table.name}: the JSON-only columns must come last")
    return re.compile(b', "' + re.escape(table.columns[first].name.encode()) + rb'": [^\n]*')


def _line_end(lines: bytes, count: int) -> int:
    """Where the first ``count`` lines of ``lines`` end (just after their last line break)."""
    at = -1
    for _ in range(count):
        at = lines.index(b"\n", at + 1)
    return at + 1


class ParquetWriter:
    """A table's Parquet file, written a row group at a time from the table's JSON Lines."""

    def __init__(self, table: Table, out: HashingWriter) -> None:
        import pyarrow as pa
        from pyarrow._parquet import ParquetWriter as ArrowWriter

        columns = table.flat_columns
        fields = [pa.field(c.name, _arrow_type(c), metadata={"description": c.description}) for c in columns]
        self._schema = pa.schema(fields, metadata={"primary_key": ",".join(table.primary_key)})
        self._read_schema = pa.schema([pa.field(c.name, _arrow_type(c, read=True)) for c in columns])
        self._json_only = _json_only_tail(table)
        exact = b"|".join(re.escape(c.name.encode()) for c in columns if c.exact)
        self._quote_exact = (
            re.compile(rb'"(' + exact + rb')": (' + _NUMBER + rb")(?=[,}])") if exact else None
        )
        self._writer = ArrowWriter(
            out,
            self._schema,
            compression="zstd",
            compression_level=ZSTD_LEVEL,
            version="2.6",
            data_page_version="1.0",
            use_dictionary=True,
            write_statistics=True,
            writer_engine_version="V2",  # as pyarrow.parquet's wrapper passes it
        )
        self._date_columns = {at for at, c in enumerate(columns) if c.type == "date" and not c.is_list}
        self._pending: list[bytes] = []  # JSON Lines, exact figures quoted, of the next row group
        self._rows = 0  # in _pending

    def add(self, jsonl: bytes) -> None:
        """Rows as the table's JSON Lines; a row group is written every ROW_GROUP_ROWS rows."""
        if self._json_only is not None:
            jsonl = self._json_only.sub(b"}", jsonl)
        if self._quote_exact is not None:
            jsonl = self._quote_exact.sub(rb'"\1": "\2"', jsonl)
        rows = jsonl.count(b"\n")
        while self._rows + rows >= ROW_GROUP_ROWS:
            wanted = ROW_GROUP_ROWS - self._rows
            cut = _line_end(jsonl, wanted)
            self._pending.append(jsonl[:cut])
            self._rows += wanted
            self._flush()
            jsonl, rows = jsonl[cut:], rows - wanted
        if rows:
            self._pending.append(jsonl)
            self._rows += rows

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.json as pj

        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending, self._rows = [], 0
        table = pj.read_json(
            pa.BufferReader(data),
            read_options=pj.ReadOptions(use_threads=False, block_size=max(len(data), 1 << 20)),
            parse_options=pj.ParseOptions(
                explicit_schema=self._read_schema, unexpected_field_behavior="ignore"
            ),
        )
        del data
        columns = [
            _days(column) if at in self._date_columns else column for at, column in enumerate(table.columns)
        ]
        self._writer.write_table(
            pa.Table.from_arrays(columns, schema=self._schema), row_group_size=ROW_GROUP_ROWS
        )

    def close(self) -> None:
        self._flush()
        self._writer.close()


def write_parquet(table: Table, json_lines: BinaryIO, out: HashingWriter) -> None:
    """The table's Parquet file, written to ``out`` from its JSON Lines, read a block of whole
    lines at a time."""
    writer = ParquetWriter(table, out)
    rest = b""
    while block := json_lines.read(READ_BLOCK):
        block = rest + block
        end = block.rfind(b"\n") + 1
        rest = block[end:]
        if end:
            writer.add(block[:end])
    if rest:
        raise ValueError(f"{table.name}: its JSON Lines do not end with a line break")
    writer.close()
