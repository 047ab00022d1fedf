"""Parquet files beside CSV and JSON Lines: typed, the same rows, readable as they are by DuckDB,
pandas and polars, reproducible; and a release without pyarrow still works and says so."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from policyspec.cli.program import main
from policyspec.release.tables import TABLES, Column, Table
from tests.conftest import EXAMPLES, RunCli

pyarrow = pytest.importorskip("pyarrow")
SAMPLE = str(EXAMPLES / "valid" / "complete.yaml")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet") / "release"
    assert main(["release", "--out", str(out)]) == 0
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _expected_cell(value: Any, column: Column) -> Any:
    """A JSON Lines cell as the Parquet file should hold it."""
    if value is None:
        return None
    if column.exact:  # a figure stays exact: its CSV text (15000, 0.25, 1/3)
        return value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    if column.type == "date":
        return datetime.date.fromisoformat(value)
    return value


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_parquet_holds_the_rows_of_the_json_lines_row_by_row(release: Path, table: Table) -> None:
    import pyarrow.parquet as pq

    from_parquet = pq.read_table(release / f"{table.name}.parquet").to_pylist()
    from_jsonl = _jsonl(release / f"{table.name}.jsonl")
    assert len(from_parquet) == len(from_jsonl) > 0
    flat = table.flat_columns
    for parquet_row, json_row in zip(from_parquet, from_jsonl, strict=True):
        assert list(parquet_row) == [column.name for column in flat]
        assert parquet_row == {column.name: _expected_cell(json_row[column.name], column) for column in flat}


def test_columns_are_typed(release: Path) -> None:
    import pyarrow.parquet as pq

    types = {field.name: str(field.type) for field in pq.read_schema(release / "indicators.parquet")}
    assert types["value"] == types["upper"] == "string"  # exact, beside value_decimal
    assert types["value_decimal"] == "double"
    assert types["deadline_year"] == types["quote_start"] == "int64"
    assert types["deadline_by"] == "date32[day]"
    assert types["per_term"] == "bool"
    assert types["topics"] == types["issuers_zh"] == "list<element: string>"
    documents = {field.name: str(field.type) for field in pq.read_schema(release / "documents.parquet")}
    assert (documents["date_day"], documents["date_year"], documents["plan_start"]) == (
        "date32[day]",
        "int64",
        "int64",
    )
    description = pq.read_schema(release / "indicators.parquet").field("quote_start").metadata[b"description"]
    assert "code points" in description.decode("utf-8")


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_duckdb_pandas_and_polars_read_each_file_with_no_options(release: Path, table: str) -> None:
    import duckdb
    import pandas as pd
    import polars as pl

    path = release / f"{table}.parquet"
    rows = len(_jsonl(release / f"{table}.jsonl"))
    [(count,)] = duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchall()
    assert count == rows
    assert len(pd.read_parquet(path)) == rows
    frame = pl.read_parquet(path)
    assert frame.height == rows
    assert frame.columns == [
        column.name for column in next(t for t in TABLES if t.name == table).flat_columns
    ]


def test_lists_and_dates_arrive_as_lists_and_dates(release: Path) -> None:
    import duckdb
    import polars as pl

    path = str(release / "indicators.parquet")
    [(topic, deadline)] = duckdb.execute(
        "SELECT topics[1], deadline_by FROM read_parquet(?) WHERE deadline = '2010' LIMIT 1", [path]
    ).fetchall()
    assert isinstance(topic, str)
    assert deadline == datetime.date(2010, 12, 31)
    frame = pl.read_parquet(path)
    assert frame.schema["topics"] == pl.List(pl.String)
    assert frame.schema["deadline_by"] == pl.Date


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.parquet"))}


def test_two_builds_write_the_same_parquet_bytes(release: Path, tmp_path: Path) -> None:
    assert main(["release", "--out", str(tmp_path / "again")]) == 0
    assert len(_digests(release)) == len(TABLES)
    assert _digests(tmp_path / "again") == _digests(release)


def test_without_pyarrow_a_release_skips_parquet_and_says_how_to_get_it(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in [name for name in sys.modules if name == "pyarrow" or name.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)  # the command sets it: undone after
    out = tmp_path / "out"
    result = run_cli("release", "--out", str(out), SAMPLE)
    assert result.code == 0, result.err
    assert "Parquet files skipped: pyarrow is not installed" in result.err
    assert "pip install 'policyspec[parquet]'" in result.err
    assert not list(out.glob("*.parquet"))
    assert {f"{table.name}.{form}" for table in TABLES for form in ("csv", "jsonl")} <= {
        p.name for p in out.iterdir()
    }
    from frictionless import validate

    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def _last_line_printed_by(code: str, env: dict[str, str] | None = None) -> list[str]:
    """The words of the last line ``code`` prints, run in a fresh interpreter (nothing imported yet)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return done.stdout.splitlines()[-1].split()


def test_pyarrow_is_imported_by_the_parquet_writer_only() -> None:
    code = (
        "import sys, policyspec.release.build, policyspec.release.table_files, policyspec.release.parquet; "
        "print(sorted(m for m in ('pyarrow', 'pandas') if m in sys.modules))"
    )
    assert _last_line_printed_by(code) == ["[]"]


def test_a_release_loads_neither_pyarrow_compute_nor_pyarrow_parquet_nor_pandas(tmp_path: Path) -> None:
    """pyarrow.compute (a cast), pyarrow.parquet (its file systems) and pandas (pyarrow.array) each
    cost a release megabytes of memory it does not need."""
    code = (
        "import sys; from policyspec.cli.program import main; "
        f"code = main(['release', '--out', {str(tmp_path / 'release')!r}]); "
        "print(code, 'pyarrow._parquet' in sys.modules, "
        "sorted(m for m in ('pyarrow.compute', 'pyarrow.parquet', 'pyarrow.dataset', 'pandas') "
        "if m in sys.modules))"
    )
    assert _last_line_printed_by(code) == ["0", "True", "[]"]
    assert (tmp_path / "release" / "indicators.parquet").stat().st_size > 0


def test_the_release_command_loads_pyarrow_without_numpy_which_it_never_uses(tmp_path: Path) -> None:
    """pyarrow loads numpy where it is installed: some 18 MiB and 0.09 s a release does not need.
    numpy stays importable afterwards, for whatever else runs in the process."""
    code = (
        "import sys; from policyspec.cli.program import main; "
        f"code = main(['release', '--out', {str(tmp_path / 'release')!r}]); "
        "loaded = 'numpy' in sys.modules; import numpy; "
        "print(code, 'pyarrow._parquet' in sys.modules, loaded)"
    )
    assert _last_line_printed_by(code) == ["0", "True", "False"]
    assert (tmp_path / "release" / "indicators.parquet").stat().st_size > 0


def test_the_library_leaves_numpy_to_pyarrow(tmp_path: Path) -> None:
    """Only the command's own process goes without numpy: a library caller's pyarrow keeps it."""
    code = (
        "import sys; from policyspec.release.build import CheckedInputs, write_release; "
        "from policyspec.bundled import bundled_dir; "
        "specs = sorted(bundled_dir('specs').glob('*.yaml')); "
        f"write_release(CheckedInputs(specs), __import__('pathlib').Path({str(tmp_path / 'release')!r})); "
        "print('pyarrow._parquet' in sys.modules, 'numpy' in sys.modules)"
    )
    assert _last_line_printed_by(code) == ["True", "True"]


def test_the_installed_pyarrow_s_major_version_is_told_without_importing_it() -> None:
    from policyspec.release.parquet import _pyarrow_major

    assert _pyarrow_major() == int(pyarrow.__version__.split(".")[0])


def test_pyarrow_is_loaded_as_usual_where_it_cannot_do_without_numpy() -> None:
    """A pyarrow whose import fails without numpy is imported again when the release writes."""
    code = (
        "import builtins, sys; real = builtins.__import__\n"
        "def refusing(name, *args, **kwargs):\n"
        "    if name == 'pyarrow.types' and sys.modules.get('numpy', 0) is None: raise ImportError(name)\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = refusing\n"
        "from policyspec.release.parquet import load_pyarrow_without_numpy, pyarrow_missing\n"
        "print(load_pyarrow_without_numpy(), pyarrow_missing(), 'numpy' in sys.modules)"
    )
    assert _last_line_printed_by(code) == ["False", "None", "False"]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads are counted in /proc")
def test_a_release_leaves_no_thread_of_numpy_s_openblas_spinning(tmp_path: Path) -> None:
    """A pyarrow before 16 loads numpy, whose OpenBLAS would start a thread per core that spins for
    a tenth of a second of CPU each; the release does no linear algebra, so the command asks for
    none. (The installed pyarrow is taken for such a one: the command then imports it with numpy.)"""
    code = (
        "import os, sys; from policyspec.release import parquet; parquet._pyarrow_major = lambda: 15; "
        "from policyspec.cli.program import main; "
        f"code = main(['release', '--out', {str(tmp_path / 'release')!r}]); "
        "names = [open(f'/proc/self/task/{t}/comm').read() for t in os.listdir('/proc/self/task')]; "
        "print(code, names.count(open('/proc/self/comm').read()), 'numpy' in sys.modules)"
    )
    environment = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _last_line_printed_by(code, environment) == ["0", "1", "True"]


def test_parquet_is_written_from_the_system_allocator_and_the_pool_restored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from policyspec.release import parquet

    backends: list[str] = []
    add = parquet.ParquetWriter.add

    def spy(self: parquet.ParquetWriter, jsonl: bytes) -> None:
        backends.append(pyarrow.default_memory_pool().backend_name)
        add(self, jsonl)

    monkeypatch.setattr(parquet.ParquetWriter, "add", spy)
    before = pyarrow.default_memory_pool().backend_name
    assert main(["release", "--out", str(tmp_path / "release")]) == 0
    assert backends
    assert set(backends) == {"system"}
    assert pyarrow.default_memory_pool().backend_name == before
