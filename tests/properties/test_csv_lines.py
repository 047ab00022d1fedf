"""A table's CSV lines are its rows with each cell written as ``csv_cell`` says, through the
standard csv writer: the csv module is left to write text, numbers and nulls itself, which must
come to the same bytes for any row."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.release.table_files import CsvLines
from policyspec.release.tables import LIST_SEPARATOR, TABLES, Cell, Column, Row, Table, csv_cell
from tests.properties.conftest import MANY

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["a,b", 'say "x"', "1\n2", " "]
)
ITEM = TEXT.filter(lambda item: LIST_SEPARATOR not in item)


def cells(column: Column) -> st.SearchStrategy[Cell]:
    if column.is_list:
        return st.lists(ITEM, max_size=3)
    kinds = {
        "boolean": st.booleans(),
        "integer": st.integers(),
        "number": st.integers() | st.floats(),
        "string": TEXT,
        "date": st.sampled_from(["2010", "2010-06", "2010-06-30"]),
    }
    value = kinds[column.type]
    if column.exact:
        value = (
            st.integers()
            | st.floats(allow_nan=False, allow_infinity=False)
            | st.sampled_from(["1/3", "15000"])
        )
    return st.none() | value


def rows(table: Table) -> st.SearchStrategy[list[Row]]:
    row = st.fixed_dictionaries(
        {column.name: cells(column) for column in table.columns if not column.json_only}
    )
    return st.lists(row, max_size=4)


def by_csv_cell(table: Table, table_rows: list[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(
        [csv_cell(row[column.name], column) for column in table.flat_columns] for row in table_rows
    )
    return out.getvalue().encode("utf-8")


@MANY
@given(st.sampled_from(TABLES).flatmap(lambda table: st.tuples(st.just(table), rows(table))))
def test_every_cell_is_written_as_csv_cell_says(case: tuple[Table, list[Row]]) -> None:
    table, table_rows = case
    assert CsvLines(table)(table_rows) == by_csv_cell(table, table_rows)


def test_a_list_item_holding_the_separator_is_refused() -> None:
    table = next(table for table in TABLES if any(column.is_list for column in table.flat_columns))
    row: Row = {column.name: None for column in table.flat_columns}
    listed = next(column for column in table.flat_columns if column.is_list)
    row[listed.name] = ["中共杭州市委; 杭州市人民政府"]
    with pytest.raises(ValueError, match="list separator"):
        CsvLines(table)([row])
