"""`policyspec release`: reproducible, self-describing data files, put in place atomically."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from policyspec.api.corpus import Corpus, load
from policyspec.api.records import IndicatorRecord
from policyspec.cli.program import main
from policyspec.loading.check_files import check_files
from policyspec.release.anchoring import ANCHOR_KEYS
from policyspec.release.build import RELEASE_FILES, release_inputs
from policyspec.release.columns import (
    DOCUMENT_COLUMNS,
    EXCLUDED_COLUMNS,
    INDICATOR_COLUMNS,
    MEASURE_COLUMNS,
    Column,
)
from policyspec.release.tables import LIST_SEPARATOR, csv_cell
from policyspec.release.version import DATA_VERSION
from tests.conftest import EXAMPLES, REPO, RunCli

SAMPLE = str(EXAMPLES / "valid" / "complete.yaml")
BROKEN = str(EXAMPLES / "invalid" / "PS211-operator-phrase-mismatch.yaml")


PUBLISHED = ["release", "--out"]
"""The command that publishes the bundled corpus, but for its folder: .github/workflows/release.yml
runs it (tests/acceptance/test_release_workflow.py holds the two equal)."""


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus released once for the module, as it is published."""
    out = tmp_path_factory.mktemp("bundled") / "release"
    assert main([*PUBLISHED, str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load()


def _bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path (subfolders too)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


TABLES = ("indicators", "documents", "measures", "excluded")
ROW_SCHEMAS = [f"schemas/{table}-row.schema.json" for table in TABLES]


def _expected_files(corpus: Corpus, *, parquet: bool = True) -> list[str]:
    """What docs/releases.md says a release holds."""
    forms = ("csv", "jsonl", "parquet") if parquet else ("csv", "jsonl")
    return sorted(
        [
            "policyspec.json",
            "policyspec.schema.json",
            "datapackage.json",
            "SHA256SUMS",
            *(f"{table}.{form}" for table in TABLES for form in forms),
            "schemas/policyspec-json.schema.json",
            *ROW_SCHEMAS,
            *(f"sources/{document.source.file}" for document in corpus.documents),
        ]
    )


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _resources(release: Path) -> list[dict[str, Any]]:
    resources: list[dict[str, Any]] = _json(release / "datapackage.json")["resources"]
    return resources


def _documents(release: Path) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = _json(release / "policyspec.json")["documents"]
    return documents


def _indicator_count(release: Path) -> int:
    return sum(len(document["indicators"]) for document in _documents(release))


# --- What a release holds -------------------------------------------------------------------------


def test_a_release_holds_every_file_and_nothing_else(release: Path, corpus: Corpus) -> None:
    assert sorted(_bytes(release)) == _expected_files(corpus)
    assert {path for path in _bytes(release) if "/" not in path} <= set(RELEASE_FILES)
    assert [p.name for p in release.parent.iterdir()] == ["release"]  # no temporary folder left beside it
    described = [resource["path"] for resource in _resources(release)]
    assert sorted([*described, "datapackage.json", "SHA256SUMS"]) == _expected_files(corpus)


def test_the_source_texts_are_shipped_byte_for_byte(release: Path, corpus: Corpus) -> None:
    for document in corpus.documents:
        shipped = (release / "sources" / document.source.file).read_bytes()
        assert shipped == (REPO / "sources" / document.source.file).read_bytes()
        assert hashlib.sha256(shipped).hexdigest() == document.source.sha256


def test_policyspec_json_carries_the_data_version_the_schema_and_clock_free_build_metadata(
    release: Path, corpus: Corpus
) -> None:
    payload = _json(release / "policyspec.json")
    assert (payload["name"], payload["version"], payload["license"]) == (
        "policyspec",
        DATA_VERSION,
        "CC-BY-4.0",
    )
    assert payload["schema"] == {
        "$id": "https://policyspec.dev/schemas/policyspec.schema.json",
        "path": "policyspec.schema.json",
    }
    build = payload["build"]
    assert build["data_version"] == DATA_VERSION
    assert re.fullmatch(r"[0-9a-f]{64}", build["inputs_sha256"])
    spec = REPO / "specs" / "000_d1419bd5a6a19614.yaml"
    entry = next(i for i in build["inputs"] if i["spec_file"] == spec.name)
    assert entry["spec_sha256"] == hashlib.sha256(spec.read_bytes()).hexdigest()
    assert [d["id"] for d in _documents(release)] == [d.id for d in corpus.documents]


def test_the_spec_hash_is_of_the_bytes_that_were_validated_not_of_a_second_read(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    shutil.copyfile(SAMPLE, spec)
    shutil.copyfile(EXAMPLES / "sources" / "sample.txt", tmp_path / "sample.txt")
    checked = check_files([spec])
    spec.write_text("changed after validation\n", encoding="utf-8")
    [entry] = release_inputs(checked)
    assert entry.spec_sha256 == hashlib.sha256(Path(SAMPLE).read_bytes()).hexdigest()


def test_no_file_depends_on_the_clock_the_machine_or_the_working_directory(release: Path) -> None:
    for name, data in _bytes(release).items():
        for place in {str(REPO), str(release), str(Path.home()), os.getcwd()}:
            assert place.encode() not in data, (name, place)
        assert not re.search(rb"\d{4}-\d\d-\d\dT\d\d:\d\d", data), name
        if not name.endswith(".parquet"):
            text = data.decode("utf-8")
            assert "\r" not in text or name.startswith("sources/"), name  # a source text is as archived


def _without_selectors(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_selectors(v) for k, v in value.items() if k not in ANCHOR_KEYS}
    if isinstance(value, list):
        return [_without_selectors(item) for item in value]
    return value


def test_documents_are_complete_and_follow_the_bundled_schema_but_for_the_selectors(
    release: Path, corpus: Corpus
) -> None:
    import jsonschema

    schema = json.loads((release / "policyspec.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((REPO / "schemas" / "policyspec.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    expected = {d.id: d.model_dump(mode="json") for d in corpus.documents}
    for document in _documents(release):
        plain = _without_selectors(document)
        assert not list(validator.iter_errors(plain)), document["id"]
        assert plain == expected[document["id"]]  # full fidelity: defaults and source hashes too


# --- Reproducible and checkable -------------------------------------------------------------------


def test_two_builds_are_byte_identical(release: Path, tmp_path: Path) -> None:
    """Another process, another working directory, another hash seed: the same bytes."""
    again = tmp_path / "again"
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-m", "policyspec", "release", "--out", str(again)],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    assert _bytes(again) == _bytes(release)


def test_every_hash_and_size_in_datapackage_json_matches_its_file(release: Path) -> None:
    for resource in _resources(release):
        data = (release / str(resource["path"])).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"


def test_frictionless_accepts_the_package_as_it_is(release: Path) -> None:
    from frictionless import validate

    report = validate(str(release / "datapackage.json"))
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
    assert (
        _json(release / "datapackage.json")["$schema"]
        == "https://datapackage.org/profiles/2.0/datapackage.json"
    )


def test_frictionless_rejects_a_tampered_file(release: Path, tmp_path: Path) -> None:
    from frictionless import validate

    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    with (copy / "measures.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"no-such-document,x,标题,Title,,,,,引文,s.txt,{'0' * 64},0,2\n")
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert {"hash-count", "byte-count", "foreign-key"} <= {error[0] for error in report.flatten(["type"])}


def test_duckdb_reads_both_indicator_files_with_every_indicator(release: Path) -> None:
    import duckdb

    expected = _indicator_count(release)
    assert expected > 100
    for reader in ("read_json_auto", "read_csv_auto"):
        path = release / ("indicators.jsonl" if reader == "read_json_auto" else "indicators.csv")
        [(count,)] = duckdb.execute(f"SELECT count(*) FROM {reader}(?)", [str(path)]).fetchall()
        assert count == expected, reader


# --- The tables -----------------------------------------------------------------------------------


def _csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _jsonl_rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_indicator_columns_start_with_the_flat_view_of_policyspec_indicators() -> None:
    record_fields = [field.name for field in fields(IndicatorRecord)]
    assert [column.name for column in INDICATOR_COLUMNS[: len(record_fields)]] == record_fields
    extra = {column.name for column in INDICATOR_COLUMNS} - set(record_fields)
    assert {
        "document_title_zh",
        "document_title_en",
        "issuers_zh",
        "issuer_level",
        "measure_title_zh",
    } <= extra
    assert all(column.description for column in INDICATOR_COLUMNS)


def test_jsonl_lines_are_the_indicators_command_lines_plus_context(release: Path, run_cli: RunCli) -> None:
    listed = [json.loads(line) for line in run_cli("indicators", "--format", "jsonl").out.splitlines()]
    rows = _jsonl_rows(release / "indicators.jsonl")
    assert [{key: row[key] for key in record} for row, record in zip(rows, listed, strict=True)] == listed


def _as_csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


@pytest.mark.parametrize("table", TABLES)
def test_csv_and_jsonl_hold_the_same_rows(release: Path, corpus: Corpus, table: str) -> None:
    """The same keys in the same order, the same cells; JSON Lines alone has quote_selectors."""
    from_csv = _csv_rows(release / f"{table}.csv")
    from_jsonl = _jsonl_rows(release / f"{table}.jsonl")
    counts = {
        "indicators": _indicator_count(release),
        "documents": len(corpus.documents),
        "measures": sum(len(d.measures) for d in corpus.documents),
        "excluded": sum(len(d.excluded) for d in corpus.documents),
    }
    assert len(from_csv) == len(from_jsonl) == counts[table] > 0
    for csv_row, json_row in zip(from_csv, from_jsonl, strict=True):
        flat = {key: value for key, value in json_row.items() if key != "quote_selectors"}
        assert list(csv_row) == list(flat)
        assert csv_row == {key: _as_csv_cell(value) for key, value in flat.items()}


def test_values_stay_exact_and_value_decimal_is_a_number(release: Path) -> None:
    rows = _jsonl_rows(release / "indicators.jsonl")
    fractions = [row for row in rows if isinstance(row["value"], str)]
    assert fractions, "the bundled corpus has a fraction (三分之一)"
    for row in fractions:
        numerator, denominator = str(row["value"]).split("/")
        assert row["value_decimal"] == int(numerator) / int(denominator)
    for row in rows:
        if isinstance(row["value"], int):
            assert row["value_decimal"] == row["value"]
        if row["value"] is None:
            assert row["value_decimal"] is None


def test_documents_and_measures_tables(release: Path, corpus: Corpus) -> None:
    documents = _csv_rows(release / "documents.csv")
    assert [row["id"] for row in documents] == [d.id for d in corpus.documents]
    hubei = next(row for row in documents if row["id"] == "hubei-2006-party-advancement")
    assert hubei["document_number"] == "鄂发[2006]13号"
    assert (hubei["date"], hubei["date_precision"], hubei["issuer_level"]) == (
        "2006-07-20",
        "day",
        "provincial",
    )
    for row in documents:
        assert int(row["indicator_count"]) == len(corpus.document(row["id"]).indicators)
    assert (hubei["date_year"], hubei["date_day"]) == ("2006", "2006-07-20")
    year_only = next(row for row in documents if row["date_precision"] == "year")
    assert (year_only["date_year"], year_only["date_day"]) == (year_only["date"], "")
    measures = _csv_rows(release / "measures.csv")
    assert len(measures) == sum(len(d.measures) for d in corpus.documents)
    assert any(LIST_SEPARATOR in row["lead_units_zh"] for row in measures)


def test_a_deadline_is_also_a_year_and_the_last_day_it_allows(release: Path) -> None:
    rows = _jsonl_rows(release / "indicators.jsonl")
    dated = [row for row in rows if row["deadline"] is not None]
    assert dated
    for row in rows:
        deadline = row["deadline"]
        if deadline is None:
            assert row["deadline_year"] is row["deadline_by"] is None
            continue
        assert row["deadline_year"] == int(str(deadline)[:4])
        assert str(row["deadline_by"]).startswith(str(deadline))  # 2010 is by 2010-12-31
        assert len(str(row["deadline_by"])) == 10


def test_excluded_statements_are_a_table_with_their_reasons(release: Path, corpus: Corpus) -> None:
    rows = _jsonl_rows(release / "excluded.jsonl")
    expected = [
        (d.id, number, e.quote, e.reason, e.note)
        for d in corpus.documents
        for number, e in enumerate(d.excluded, start=1)
    ]
    assert [(r["document"], r["number"], r["quote"], r["reason"], r["note"]) for r in rows] == expected


def test_a_list_item_holding_the_separator_is_refused_not_silently_merged() -> None:
    names = Column("names", "string", "Names.", is_list=True)
    assert csv_cell(["a", "b"], names) == "a; b"
    with pytest.raises(ValueError, match="list separator"):
        csv_cell(["a; b"], names)


# --- Refusals, replacement and atomicity ------------------------------------------------------------


def test_specs_with_errors_are_refused_and_nothing_is_written(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("release", "--out", str(tmp_path / "out"), BROKEN)
    assert result.code == 1
    assert "PS211" in result.err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_not_a_release_is_never_replaced(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("release", "--out", str(tmp_path), SAMPLE)
    assert result.code == 1
    assert "no SHA256SUMS: not a policyspec release" in result.err
    assert "refusing to replace it" in result.err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_new_release_replaces_the_previous_one(run_cli: RunCli, tmp_path: Path, release: Path) -> None:
    out = tmp_path / "out"
    first = run_cli("release", "--out", str(out), SAMPLE)
    assert first.code == 0, first.err
    assert first.out.startswith(
        "valid data 0.1.0: 1 document(s), 9 indicator(s), 22 files"  # 4 + 4 tables × 3 + 5 schemas + 1 source
    )  # named for its folder
    assert run_cli("release", "--out", str(out)).code == 0
    assert _bytes(out) == _bytes(release)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.fixture
def previous(run_cli: RunCli, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An earlier release (of the example spec) that a failed release must leave as it was."""
    out = tmp_path / "out"
    assert run_cli("release", "--out", str(out), SAMPLE).code == 0
    return out, _bytes(out)


def _fail_on_third_file(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> list[Path]:
    import policyspec.release.staging

    written: list[Path] = []
    original = policyspec.release.staging._create

    def create(path: Path) -> contextlib.AbstractContextManager[BinaryIO]:
        if len(written) == 2:
            raise error
        written.append(path)
        return original(path)

    monkeypatch.setattr(policyspec.release.staging, "_create", create)
    return written


@pytest.mark.parametrize(
    ("error", "code"),
    [(KeyboardInterrupt(), 130), (OSError(28, "No space left on device"), 1)],
    ids=["interrupted", "disk-full"],
)
def test_a_failure_mid_write_leaves_the_previous_release_untouched(
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    previous: tuple[Path, dict[str, bytes]],
    error: BaseException,
    code: int,
) -> None:
    out, before = previous
    written = _fail_on_third_file(monkeypatch, error)
    assert run_cli("release", "--out", str(out)).code == code
    assert len(written) == 2  # the failure came mid-write, after some files were written
    assert _bytes(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["out"]


def test_a_failed_exchange_leaves_the_previous_release_untouched(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, previous: tuple[Path, dict[str, bytes]]
) -> None:
    import policyspec._fs.folder_swap

    def exchange(first: Path, second: Path) -> bool:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(policyspec._fs.folder_swap, "exchange", exchange)
    out, before = previous
    assert run_cli("release", "--out", str(out)).code == 1
    assert _bytes(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["out"]


def test_without_the_exchange_a_failed_rename_puts_the_previous_release_back(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, previous: tuple[Path, dict[str, bytes]]
) -> None:
    """The two-rename fallback (no renameat2): the earlier release is moved aside and back."""
    import policyspec._fs.folder_swap

    original = os.rename
    moved_aside: list[str] = []

    def rename(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if str(target).endswith(".old"):
            moved_aside.append(str(target))
        if str(source).endswith(".tmp"):
            raise OSError(5, "Input/output error")
        original(source, target)

    monkeypatch.setattr(policyspec._fs.folder_swap, "exchange", lambda first, second: False)
    monkeypatch.setattr(os, "rename", rename)
    out, before = previous
    assert run_cli("release", "--out", str(out)).code == 1
    assert len(moved_aside) == 1  # the fallback ran: the earlier release was moved aside, then back
    assert _bytes(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["out"]


def test_without_the_exchange_a_release_still_replaces_the_previous_one(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, previous: tuple[Path, dict[str, bytes]], release: Path
) -> None:
    import policyspec._fs.folder_swap

    monkeypatch.setattr(policyspec._fs.folder_swap, "exchange", lambda first, second: False)
    out, _ = previous
    assert run_cli("release", "--out", str(out)).code == 0
    assert _bytes(out) == _bytes(release)
    assert [p.name for p in out.parent.iterdir()] == ["out"]


# --- Documentation keeps up -----------------------------------------------------------------------


def test_the_changelog_has_a_section_for_the_current_data_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(DATA_VERSION)} — ", changelog, flags=re.M)


@pytest.mark.parametrize("columns", [INDICATOR_COLUMNS, DOCUMENT_COLUMNS, MEASURE_COLUMNS, EXCLUDED_COLUMNS])
def test_every_column_is_documented(columns: tuple[Column, ...]) -> None:
    text = (REPO / "docs" / "releases.md").read_text(encoding="utf-8")
    for column in columns:
        assert f"| `{column.name}` | {'list' if column.is_list else column.type} |" in text, column.name


# --- For spreadsheets -------------------------------------------------------------------------------


def test_csv_bom_starts_each_csv_file_with_a_byte_order_mark_and_nothing_else(
    run_cli: RunCli, tmp_path: Path, release: Path
) -> None:
    from frictionless import validate

    out = tmp_path / "bom"
    assert run_cli("release", "--out", str(out), "--csv-bom").code == 0
    plain, marked = _bytes(release), _bytes(out)
    csv_files = [name for name in plain if name.endswith(".csv")]
    assert len(csv_files) == 4
    for name in csv_files:
        assert not plain[name].startswith(b"\xef\xbb\xbf")
        assert marked[name] == b"\xef\xbb\xbf" + plain[name]
    same = [
        name for name in plain if not name.endswith(".csv") and name not in ("datapackage.json", "SHA256SUMS")
    ]
    assert all(marked[name] == plain[name] for name in same)
    encodings = {r["path"]: r["encoding"] for r in _resources(out) if r["path"].endswith(".csv")}
    assert set(encodings.values()) == {"utf-8-sig"}
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_a_document_id_used_twice_refuses_the_release_after_every_file_is_checked(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """PS218 is known only once every file is checked: the files already rendered are discarded."""
    for name in ("a", "b"):
        shutil.copyfile(SAMPLE, tmp_path / f"{name}.yaml")
    shutil.copyfile(EXAMPLES / "sources" / "sample.txt", tmp_path / "sample.txt")
    out = tmp_path / "out"
    result = run_cli("release", "--out", str(out), str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert result.code == 1
    assert "PS218" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml", "sample.txt"]
