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
from policyspec.release.build import RELEASE_FILES, release_inputs
from policyspec.release.columns import DOCUMENT_COLUMNS, INDICATOR_COLUMNS, MEASURE_COLUMNS, Column
from policyspec.release.tables import LIST_SEPARATOR, csv_cell
from policyspec.release.version import DATA_VERSION
from tests.conftest import EXAMPLES, REPO, RunCli

SAMPLE = str(EXAMPLES / "valid" / "complete.yaml")
BROKEN = str(EXAMPLES / "invalid" / "PS211-operator-phrase-mismatch.yaml")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus released once for the module (a release takes about half a second)."""
    out = tmp_path_factory.mktemp("bundled") / "release"
    assert main(["release", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load()


def _bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


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


def test_a_release_holds_every_file_and_nothing_else(release: Path) -> None:
    assert sorted(p.name for p in release.iterdir()) == sorted(RELEASE_FILES)
    assert [p.name for p in release.parent.iterdir()] == ["release"]  # no temporary folder left beside it
    described = [resource["path"] for resource in _resources(release)]
    assert sorted([*described, "datapackage.json", "SHA256SUMS"]) == sorted(RELEASE_FILES)


def test_policyspec_json_carries_the_data_version_the_schema_and_clock_free_build_metadata(
    release: Path, corpus: Corpus
) -> None:
    payload = _json(release / "policyspec.json")
    assert payload["version"] == DATA_VERSION
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
        text = data.decode("utf-8")
        for place in {str(REPO), str(release), str(Path.home()), os.getcwd()}:
            assert place not in text, (name, place)
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text), name
        assert "\r" not in text, name


def test_documents_are_complete_and_follow_the_bundled_schema(release: Path, corpus: Corpus) -> None:
    import jsonschema

    schema = json.loads((release / "policyspec.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((REPO / "schemas" / "policyspec.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    expected = {d.id: d.model_dump(mode="json") for d in corpus.documents}
    for document in _documents(release):
        assert not list(validator.iter_errors(document)), document["id"]
        assert document == expected[document["id"]]  # full fidelity: defaults and source hashes too


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
        handle.write("no-such-document,x,标题,Title,,,,,引文\n")
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


def test_csv_and_jsonl_hold_the_same_rows(release: Path) -> None:
    from_csv = _csv_rows(release / "indicators.csv")
    from_jsonl = _jsonl_rows(release / "indicators.jsonl")
    assert len(from_csv) == len(from_jsonl) == _indicator_count(release)
    for csv_row, json_row in zip(from_csv, from_jsonl, strict=True):
        assert list(csv_row) == list(json_row)
        assert csv_row == {key: _as_csv_cell(value) for key, value in json_row.items()}


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
    measures = _csv_rows(release / "measures.csv")
    assert len(measures) == sum(len(d.measures) for d in corpus.documents)
    assert any(LIST_SEPARATOR in row["lead_units_zh"] for row in measures)


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
        "valid data 0.1.0: 1 document(s), 9 indicator(s), 8 files"
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


@pytest.mark.parametrize("columns", [INDICATOR_COLUMNS, DOCUMENT_COLUMNS, MEASURE_COLUMNS])
def test_every_column_is_documented(columns: tuple[Column, ...]) -> None:
    text = (REPO / "docs" / "releases.md").read_text(encoding="utf-8")
    for column in columns:
        assert f"| `{column.name}` | {'list' if column.is_list else column.type} |" in text, column.name
