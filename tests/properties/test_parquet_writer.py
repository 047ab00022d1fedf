"""The release's Parquet writer writes, byte for byte, what pyarrow.parquet writes from the same rows
built another way, however the JSON Lines arrive."""

from __future__ import annotations

import datetime
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyspec.cli.program import main
from policyspec.release import parquet
from policyspec.release.staging import HashingWriter
from policyspec.release.tables import TABLES, Column, Table

pyarrow = pytest.importorskip("pyarrow")
SMALL_GROUPS = 7  # rows per row group here, so that a few documents' rows make several groups


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Each table's JSON Lines in a release of the bundled corpus."""
    out = tmp_path_factory.mktemp("parquet-writer") / "release"
    assert main(["release", "--out", str(out)]) == 0
    return {table.name: (out / f"{table.name}.jsonl").read_bytes() for table in TABLES}


def _cell(value: Any, column: Column) -> Any:
    """A JSON Lines cell as its Parquet column holds it: an exact figure as its text, a date as a date."""
    if value is None:
        return None
    if column.exact:
        return value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    if column.type == "date":
        return datetime.date.fromisoformat(value)
    return value


def _reference(table: Table, lines: bytes, schema: Any) -> bytes:
    """The Parquet file pyarrow.parquet writes from rows built in Python, with the release's options."""
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in lines.splitlines()]
    columns = table.flat_columns
    data = {c.name: [_cell(row[c.name], c) for row in rows] for c in columns}
    out = io.BytesIO()
    with pq.ParquetWriter(
        out,
        schema,
        compression="zstd",
        compression_level=parquet.ZSTD_LEVEL,
        version="2.6",
        data_page_version="1.0",
        use_dictionary=True,
        write_statistics=True,
    ) as writer:
        writer.write_table(pyarrow.Table.from_pydict(data, schema=schema), row_group_size=SMALL_GROUPS)
    return out.getvalue()


def _written(table: Table, chunks: list[bytes]) -> tuple[bytes, Any]:
    out = io.BytesIO()
    writer = parquet.ParquetWriter(table, HashingWriter(out))
    for chunk in chunks:
        writer.add(chunk)
    writer.close()
    return out.getvalue(), writer._schema


def _split(lines: bytes, sizes: list[int]) -> list[bytes]:
    """The lines cut into chunks of the given numbers of lines (the rest in one), as documents come."""
    rows = lines.splitlines(keepends=True)
    chunks, at = [], 0
    for size in sizes:
        chunks.append(b"".join(rows[at : at + size]))
        at += size
    return [*chunks, b"".join(rows[at:])]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
@settings(max_examples=10)
@given(sizes=st.lists(st.integers(0, 2 * SMALL_GROUPS + 1), max_size=8))
def test_the_writer_writes_what_pyarrow_parquet_writes_from_the_same_rows(
    table: Table, sizes: list[int], jsonl: dict[str, bytes]
) -> None:
    lines = jsonl[table.name][: 40 * 4096]
    lines = lines[: lines.rindex(b"\n") + 1]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parquet, "ROW_GROUP_ROWS", SMALL_GROUPS)
        written, schema = _written(table, _split(lines, sizes))
    assert written == _reference(table, lines, schema)
    import pyarrow.parquet as pq

    groups = pq.ParquetFile(io.BytesIO(written)).metadata
    expected = [SMALL_GROUPS] * (lines.count(b"\n") // SMALL_GROUPS)
    assert [groups.row_group(i).num_rows for i in range(groups.num_row_groups)][: len(expected)] == expected


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
@settings(max_examples=10)
@given(block=st.integers(1, 3000))
def test_a_file_of_json_lines_read_in_blocks_of_any_size_gives_the_same_file(
    table: Table, block: int, jsonl: dict[str, bytes]
) -> None:
    """write_parquet reads the finished .jsonl file a block at a time; a block's cut never lands
    inside a row, whatever the block size against the lines' lengths."""
    lines = jsonl[table.name][: 20 * 4096]
    lines = lines[: lines.rindex(b"\n") + 1]
    out = io.BytesIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parquet, "ROW_GROUP_ROWS", SMALL_GROUPS)
        patch.setattr(parquet, "READ_BLOCK", block)
        parquet.write_parquet(table, io.BytesIO(lines), HashingWriter(out))
        whole, _ = _written(table, [lines])
    assert out.getvalue() == whole


def test_json_lines_without_a_final_line_break_are_refused() -> None:
    """A cut-off last row is a broken file, never a row quietly dropped."""
    table = TABLES[0]
    with pytest.raises(ValueError, match="do not end with a line break"):
        parquet.write_parquet(table, io.BytesIO(b'{"id": "a"}'), HashingWriter(io.BytesIO()))


@given(
    days=st.lists(st.none() | st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)), max_size=40),
    start=st.integers(0, 40),
)
def test_dates_read_as_text_become_the_dates_a_cast_makes(
    days: list[datetime.date | None], start: int
) -> None:
    import pyarrow.compute as pc

    text = pyarrow.chunked_array(
        [pyarrow.array([None if d is None else d.isoformat() for d in days], pyarrow.string())[start:]],
        pyarrow.string(),
    )
    converted = parquet._days(text)
    assert converted.type == pyarrow.date32()
    assert converted.to_pylist() == pc.cast(text, pyarrow.date32()).to_pylist() == days[start:]


def test_a_table_whose_json_only_columns_do_not_come_last_is_refused() -> None:
    """The writer cuts the JSON-only columns off the end of each line: in the middle, it would cut
    the columns after them too."""
    columns = (
        Column("id", "string", "An id."),
        Column("selectors", "string", "JSON only.", json_only=True),
        Column("note", "string", "After it."),
    )
    table = Table("odd", columns, ("id",), title="Odd", description="Misordered.")
    with pytest.raises(ValueError, match="JSON-only columns must come last"):
        parquet.ParquetWriter(table, HashingWriter(io.BytesIO()))
